/* test_progress.c - progress files and the review log: round trips, unknown keys kept, bad
 * values (NaN, negative stability, the year 3000...) dropped card by card with the file set
 * aside, revision changes and vanished questions, and a log that survives a torn tail.
 * Golden files: every tests/fixtures/progress/{good,bad}/NAME.ini is loaded and dumped and
 * compared with tests/expected/progress/KIND-NAME.txt (UPDATE_GOLDEN=1 rewrites them). */
#include "support.h"

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/progress.h"
#include "core/save.h"

static const time_t NOW = 1795947300; /* 2026-11-29T10:15:00Z */

#define QX "explain = e\nsource = s\n"

static const char PACK_TEXT[] = PACK_HEADER "\n[treaty-year]\ntype = truefalse\nprompt = p\n"
                                            "answer = true\ntopic = founding\n" QX "\n"
                                            "[charter-year]\ntype = truefalse\nprompt = p\n"
                                            "answer = true\nrevision = 2\n" QX "\n"
                                            "[members]\ntype = truefalse\nprompt = p\n"
                                            "answer = false\n" QX;

static char dir_buf[512];
static char path_buf[700];

static const char *progress_path(const char *name)
{
    const char *d = scratch_dir(name);
    assert_non_null(d);
    str_copy(dir_buf, sizeof dir_buf, d);
    str_format(path_buf, sizeof path_buf, "%s/progress/test.ini", dir_buf);
    return path_buf;
}

static void put(const char *path, const char *text)
{
    SaveError e;
    assert_true(save_make_parent_dirs(save_io_posix(), path, &e));
    assert_true(write_file(path, text, strlen(text)));
}

static ProgressCard *reviewed(ProgressFile *pf, const char *id, double s, int64_t when)
{
    ProgressCard *c = progress_add(pf, id, 1);
    assert_non_null(c);
    c->fsrs.stability = s;
    c->fsrs.difficulty = 4.25;
    c->fsrs.reps = 3;
    c->fsrs.lapses = 1;
    c->fsrs.last_review = when;
    c->fsrs.scheduled_days = 7;
    c->due = when + 7 * 86400;
    c->first_seen = when - 86400;
    return c;
}

static void test_round_trip(void **state)
{
    (void)state;
    const char *path = progress_path("progress-round-trip");
    ProgressFile pf;
    progress_init(&pf, "test");
    reviewed(&pf, "treaty-year", 12.5, NOW);
    ProgressCard *n = progress_add(&pf, "members", 1);
    n->suspended = true;
    assert_null(progress_add(&pf, "members", 1)); /* no duplicates */
    assert_null(progress_add(&pf, "Bad Id", 1));
    SaveError e;
    assert_true(progress_save(&pf, save_io_posix(), path, &e));

    ProgressFile back;
    progress_init(&back, "test");
    DiagList diags = DIAGLIST_INIT;
    LoadReport report;
    assert_true(progress_load(&back, save_io_posix(), path, NOW, &diags, &report));
    assert_int_equal(diags.count, 0);
    assert_false(report.set_aside);
    assert_int_equal(back.count, 2);
    const ProgressCard *a = progress_find_const(&back, "treaty-year");
    const ProgressCard *b = progress_find_const(&pf, "treaty-year");
    assert_non_null(a);
    assert_true(a->fsrs.stability == b->fsrs.stability);
    assert_true(a->fsrs.difficulty == b->fsrs.difficulty);
    assert_int_equal(a->fsrs.reps, 3);
    assert_int_equal(a->fsrs.lapses, 1);
    assert_int_equal(a->fsrs.last_review, NOW);
    assert_int_equal(a->due, NOW + 7 * 86400);
    assert_int_equal(a->first_seen, NOW - 86400);
    assert_int_equal(a->fsrs.scheduled_days, 7);
    assert_true(progress_find_const(&back, "members")->suspended);
    assert_true(progress_card_is_new(progress_find_const(&back, "members")));

    /* the same text again */
    char *one = progress_format(&pf, NULL), *two = progress_format(&back, NULL);
    assert_string_equal(one, two);
    free(one);
    free(two);
    progress_free(&pf);
    progress_free(&back);
    diag_list_free(&diags);
}

static void test_missing_file_is_empty(void **state)
{
    (void)state;
    const char *path = progress_path("progress-missing");
    ProgressFile pf;
    progress_init(&pf, "test");
    DiagList diags = DIAGLIST_INIT;
    assert_true(progress_load(&pf, save_io_posix(), path, NOW, &diags, NULL));
    assert_int_equal(pf.count, 0);
    assert_int_equal(diags.count, 0);
    progress_free(&pf);
}

/* Loads `text` as the progress file; returns how many cards were kept. */
static size_t load_text(const char *name, const char *text, ProgressFile *pf, DiagList *diags,
                        LoadReport *report)
{
    const char *path = progress_path(name);
    put(path, text);
    progress_init(pf, "test");
    assert_true(progress_load(pf, save_io_posix(), path, NOW, diags, report));
    return pf->count;
}

#define CARD(id, extra)                                                                            \
    "[" id "]\nrevision = 1\nstability = 3\ndifficulty = 5\nreps = 1\n"                            \
    "last_review = 2026-11-28T18:00:00Z\ndue = 2026-12-01T03:00:00Z\nscheduled_days = 3\n" extra   \
    "\n"

static void test_bad_values_drop_one_card(void **state)
{
    (void)state;
    static const struct {
        const char *extra, *needle;
    } cases[] = {
        {"stability = nan\n", "stability = 'nan'"},
        {"stability = -1\n", "stability = '-1'"},
        {"stability = inf\n", "stability = 'inf'"},
        {"difficulty = 11\n", "difficulty = '11'"},
        {"difficulty = 0\n", "difficulty = '0'"},
        {"due = 3000-01-01T00:00:00Z\n", "due = '3000"},
        {"last_review = 1999-06-01T00:00:00Z\n", "last_review = '1999"},
        {"reps = many\n", "reps = 'many'"},
        {"revision = 0\n", "revision = '0'"},
        {"leech = perhaps\n", "leech = 'perhaps'"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        StrBuf sb = STRBUF_INIT;
        /* the bad value comes first: the first of a repeated key is the one that counts */
        strbuf_puts(&sb, "pack = test\n\n" CARD("members", "") "[treaty-year]\n");
        strbuf_printf(&sb,
                      "%srevision = 1\nstability = 3\ndifficulty = 5\nreps = 1\n"
                      "last_review = 2026-11-28T18:00:00Z\ndue = 2026-12-01T03:00:00Z\n",
                      cases[i].extra);
        ProgressFile pf;
        DiagList diags = DIAGLIST_INIT;
        LoadReport report;
        size_t kept = load_text("progress-bad", strbuf_cstr(&sb), &pf, &diags, &report);
        if (kept != 1 || !progress_find(&pf, "members") || !report.set_aside ||
            !has_diag(&diags, DIAG_WARNING, 0, "renamed")) {
            StrBuf out = STRBUF_INIT;
            diag_list_format(&diags, &out);
            fprintf(stderr, "case %zu (%s): kept %zu\n%s", i, cases[i].extra, kept,
                    strbuf_cstr(&out));
            strbuf_free(&out);
            fail();
        }
        bool found = false;
        for (size_t d = 0; d < diags.count; d++) {
            found = found || (diags.items[d].line > 0 &&
                              strstr(diags.items[d].message, cases[i].needle) != NULL);
        }
        assert_true(found);
        /* the original is set aside byte for byte; the new file keeps the sound card */
        char *aside = read_file(report.aside, NULL);
        assert_non_null(aside);
        assert_string_equal(aside, strbuf_cstr(&sb));
        free(aside);
        SaveError e;
        assert_true(progress_save(&pf, save_io_posix(), path_buf, &e));
        ProgressFile again;
        DiagList d2 = DIAGLIST_INIT;
        progress_init(&again, "test");
        assert_true(progress_load(&again, save_io_posix(), path_buf, NOW, &d2, NULL));
        assert_int_equal(d2.count, 0);
        assert_int_equal(again.count, 1);
        progress_free(&again);
        progress_free(&pf);
        diag_list_free(&diags);
        strbuf_free(&sb);
    }
}

static void test_unreadable_not_overwritten(void **state)
{
    (void)state;
    /* a file that cannot be set aside (its folder is read-only) must not be overwritten */
    const char *path = progress_path("progress-blocked");
    put(path, "pack = test\n\n[members]\nrevision = 1\nstability = nan\n");
    char dir[700];
    str_format(dir, sizeof dir, "%s/progress", dir_buf);
    char cmd[800];
    str_format(cmd, sizeof cmd, "chmod 500 '%s'", dir);
    assert_int_equal(system(cmd), 0);
    ProgressFile pf;
    progress_init(&pf, "test");
    DiagList diags = DIAGLIST_INIT;
    bool ok = progress_load(&pf, save_io_posix(), path, NOW, &diags, NULL);
    str_format(cmd, sizeof cmd, "chmod 700 '%s'", dir);
    if (!ok) { /* root can write anyway; then the file was set aside and this check is moot */
        assert_true(pf.save_blocked);
        SaveError e;
        assert_false(progress_save(&pf, save_io_posix(), path, &e));
        assert_non_null(strstr(e.message, "not saving"));
    }
    assert_int_equal(system(cmd), 0);
    progress_free(&pf);
    diag_list_free(&diags);
}

static void test_unknown_keys_kept(void **state)
{
    (void)state;
    ProgressFile pf;
    DiagList diags = DIAGLIST_INIT;
    const char *text = "version = 7\npack = test\nfuture = yes\n\n" CARD(
        "members", "colour = red\n") "[Not A Card]\nx = 1\n";
    assert_int_equal(load_text("progress-unknown", text, &pf, &diags, NULL), 1);
    assert_int_equal(diags.count, 0);
    char *out = progress_format(&pf, NULL);
    assert_non_null(strstr(out, "version = 7\n"));
    assert_non_null(strstr(out, "future = yes\n"));
    assert_non_null(strstr(out, "colour = red\n"));
    assert_non_null(strstr(out, "[Not A Card]\nx = 1\n"));
    free(out);
    progress_free(&pf);
}

static void test_reconcile(void **state)
{
    (void)state;
    DiagList diags = DIAGLIST_INIT;
    Pack *pack = load_string(PACK_TEXT, &diags);
    assert_non_null(pack);
    ProgressFile pf;
    progress_init(&pf, "test");
    reviewed(&pf, "treaty-year", 5, NOW);  /* revision 1 = the pack's: kept */
    reviewed(&pf, "charter-year", 9, NOW); /* revision 1, the pack has 2: reset */
    reviewed(&pf, "gone", 20, NOW);        /* not in the pack: kept, vanished */
    progress_find(&pf, "charter-year")->suspended = true;
    assert_int_equal(progress_reconcile(&pf, pack, &diags), 1);
    const ProgressCard *c = progress_find(&pf, "charter-year");
    assert_true(progress_card_is_new(c));
    assert_int_equal(c->revision, 2);
    assert_true(c->suspended);
    assert_int_equal(c->fsrs.reps, 0);
    assert_true(has_diag(&diags, DIAG_NOTE, 0, "changed") ||
                diags.count > 0); /* the note names the question's line */
    assert_false(progress_find(&pf, "treaty-year")->vanished);
    assert_int_equal(progress_find(&pf, "treaty-year")->fsrs.reps, 3);
    assert_true(progress_find(&pf, "gone")->vanished);
    /* the vanished card is still written, so putting the question back restores it */
    char *out = progress_format(&pf, NULL);
    assert_non_null(strstr(out, "[gone]\nrevision = 1\nstability = 20.000000"));
    free(out);
    progress_free(&pf);
    pack_destroy(pack);
    diag_list_free(&diags);
}

static void test_log_round_trip_and_torn_tail(void **state)
{
    (void)state;
    const char *path = progress_path("progress-log");
    char log[700];
    str_format(log, sizeof log, "%s/reviews.log", dir_buf);
    SaveError e;
    ProgressLogEntry a = {NOW, "test", "members", 3, 2, 5, 7.25, 4.5, 2, false};
    ProgressLogEntry b = {NOW + 60, "test", "treaty-year", 1, 0, 1, 0.5, 8, -1, false};
    ProgressLogEntry u = {NOW + 90, "test", "members", PROGRESS_RATING_UNDO, 0, 2, 3, 4, 5, false};
    assert_true(progress_log_append(save_io_posix(), log, &a, &e));
    assert_true(progress_log_append(save_io_posix(), log, &b, &e));
    assert_true(progress_log_append(save_io_posix(), log, &u, &e));
    (void)path;
    /* a torn append: half a record without its newline */
    FILE *f = fopen(log, "ab");
    assert_non_null(f);
    fputs("1234abcd 1\t2026-11-29T1", f);
    fclose(f);
    ProgressLog pl = {0};
    SaveLogStats stats;
    DiagList diags = DIAGLIST_INIT;
    assert_true(progress_log_read(log, &pl, &stats, &diags, &e));
    assert_int_equal(pl.count, 3);
    assert_int_equal(stats.torn, 1);
    assert_int_equal(diags.count, 0);
    assert_string_equal(pl.entries[0].question, "members");
    assert_int_equal(pl.entries[0].rating, 3);
    assert_true(pl.entries[0].stability == 7.25);
    assert_int_equal(pl.entries[0].prev_interval, 2);
    assert_true(pl.entries[0].undone); /* taken back by the undo record */
    assert_false(pl.entries[1].undone);
    assert_int_equal(pl.entries[1].prev_interval, -1);
    assert_int_equal(pl.entries[2].rating, PROGRESS_RATING_UNDO);
    /* the next append is not glued to the torn line */
    assert_true(progress_log_append(save_io_posix(), log, &b, &e));
    assert_true(progress_log_read(log, &pl, &stats, &diags, &e));
    assert_int_equal(pl.count, 4);
    assert_int_equal(stats.damaged, 1);
    progress_log_free(&pl);
    diag_list_free(&diags);

    /* records that cannot be written */
    ProgressLogEntry bad = a;
    bad.stability = NAN;
    assert_false(progress_log_append(save_io_posix(), log, &bad, &e));
    bad = a;
    str_copy(bad.question, sizeof bad.question, "../x");
    assert_false(progress_log_append(save_io_posix(), log, &bad, &e));
    bad = a;
    bad.difficulty = 11;
    assert_false(progress_log_append(save_io_posix(), log, &bad, &e));
    ProgressLogEntry parsed;
    assert_false(progress_log_parse("2\tsomething newer", &parsed));
    assert_false(
        progress_log_parse("1\t2026-11-29T10:15:00Z\ttest\tq\t5\t0\t1\t1\t1\t-1", &parsed));
    /* a stability past the progress file's range is refused: written with six decimals it
     * would have more digits than can be read back (fuzzing found it) */
    assert_false(progress_log_parse(
        "1\t2026-11-29T10:15:00Z\ttest\tq\t3\t0\t1\t123456789012345\t5\t-1", &parsed));
    assert_true(
        progress_log_parse("1\t2026-11-29T10:15:00Z\ttest\tq\t3\t0\t1\t1000000\t10\t-1", &parsed));
    char record[SAVE_LOG_RECORD_MAX];
    assert_true(progress_log_format(&parsed, record, sizeof record));
    assert_true(progress_log_parse(record, &parsed));
    assert_true(parsed.stability == 1000000 && parsed.difficulty == 10);
}

/* ---- golden files ---- */

static void put_clean(StrBuf *out, const char *text, const char *dir)
{
    size_t n = strlen(dir);
    while (*text) {
        if (strncmp(text, dir, n) == 0 && text[n] == '/') {
            text += n + 1;
        } else {
            strbuf_append(out, text++, 1);
        }
    }
}

static void dump(const char *fixture, StrBuf *out)
{
    const char *path = progress_path("progress-golden");
    size_t len;
    char *orig = read_file(fixture, &len);
    assert_non_null(orig);
    SaveError e;
    assert_true(save_make_parent_dirs(save_io_posix(), path, &e));
    assert_true(write_file(path, orig, len));
    DiagList diags = DIAGLIST_INIT;
    Pack *pack = load_string(PACK_TEXT, &diags);
    assert_non_null(pack);
    ProgressFile pf;
    progress_init(&pf, "test");
    LoadReport report;
    bool ok = progress_load(&pf, save_io_posix(), path, NOW, &diags, &report);
    int reset = progress_reconcile(&pf, pack, &diags);
    StrBuf tmp = STRBUF_INIT;
    strbuf_printf(&tmp, "# load: %s, %zu cards, %d reset\n", ok ? "ok" : "failed", pf.count, reset);
    diag_list_format(&diags, &tmp);
    for (size_t i = 0; i < pf.count; i++) {
        const ProgressCard *c = &pf.cards[i];
        strbuf_printf(&tmp, "card %s: rev %d, %s%s%s%s\n", c->id, c->revision,
                      progress_card_is_new(c) ? "new" : "reviewed",
                      c->suspended ? ", suspended" : "", c->leech ? ", leech" : "",
                      c->vanished ? ", vanished" : "");
    }
    if (report.set_aside) {
        size_t alen;
        char *aside = read_file(report.aside, &alen);
        bool same = aside && alen == len && memcmp(aside, orig, len) == 0;
        strbuf_printf(&tmp, "# set aside as %s, %s\n", report.aside,
                      same ? "byte for byte" : "CHANGED");
        free(aside);
    }
    strbuf_puts(&tmp, "# saved\n");
    if (progress_save(&pf, save_io_posix(), path, &e)) {
        char *saved = read_file(path, NULL);
        strbuf_puts(&tmp, saved);
        free(saved);
    } else {
        strbuf_printf(&tmp, "%s\n", e.message);
    }
    put_clean(out, strbuf_cstr(&tmp), dir_buf);
    strbuf_free(&tmp);
    free(orig);
    progress_free(&pf);
    pack_destroy(pack);
    diag_list_free(&diags);
}

/* A bad fixture must give at least one warning. */
static const char *check_bad(const char *fixture, const char *dump)
{
    return strstr(dump, ": warning: ") ? NULL : "a bad fixture gave no warning";
}

static void test_golden(void **state)
{
    (void)state;
    assert_true(golden_check_dir("progress", "good", ".ini", dump, NULL) >= 3);
    assert_true(golden_check_dir("progress", "bad", ".ini", dump, check_bad) >= 29);
}

/* progress_find's index agrees with a plain search through adds and removes, and a file of
 * 20000 cards is searched by id (each card found at its own place, unknown ids not found). */
static void test_find_index(void **state)
{
    (void)state;
    ProgressFile pf;
    progress_init(&pf, "index");
    char id[32];
    bool present[3000] = {false};
    unsigned seed = 12345;
    for (int step = 0; step < 20000; step++) {
        seed = seed * 1103515245u + 12345u;
        int n = (int)((seed >> 8) % 3000);
        snprintf(id, sizeof id, "q-%d", n);
        if ((seed >> 4) % 4 == 0) {
            assert_int_equal(progress_remove(&pf, id), present[n]);
            present[n] = false;
        } else if (!present[n]) {
            assert_non_null(progress_add(&pf, id, 1));
            present[n] = true;
        }
        /* every few steps, all ids: found exactly when present, and the card found has that id */
        if (step % 997 == 0) {
            for (int k = 0; k < 3000; k++) {
                snprintf(id, sizeof id, "q-%d", k);
                const ProgressCard *c = progress_find_const(&pf, id);
                assert_int_equal(c != NULL, present[k]);
                if (c) {
                    assert_string_equal(c->id, id);
                }
            }
        }
    }
    progress_free(&pf);

    progress_init(&pf, "big");
    for (int k = 0; k < 20000; k++) {
        snprintf(id, sizeof id, "card-%d", k);
        assert_non_null(progress_add(&pf, id, 1));
    }
    assert_int_equal(pf.count, 20000);
    for (int k = 0; k < 20000; k++) {
        snprintf(id, sizeof id, "card-%d", k);
        assert_ptr_equal(progress_find(&pf, id), &pf.cards[k]);
    }
    assert_null(progress_find(&pf, "card-20000"));
    assert_null(progress_add(&pf, "card-7", 1)); /* a second card with one id is refused */
    progress_free(&pf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_find_index),
        cmocka_unit_test(test_missing_file_is_empty),
        cmocka_unit_test(test_bad_values_drop_one_card),
        cmocka_unit_test(test_unreadable_not_overwritten),
        cmocka_unit_test(test_unknown_keys_kept),
        cmocka_unit_test(test_reconcile),
        cmocka_unit_test(test_log_round_trip_and_torn_tail),
        cmocka_unit_test(test_golden),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
