/* test_highscore.c - the high-score tables: ranking and ties, the top-ten cut, the scores file
 * (round trip, unknown keys, damaged files set aside) and the history log. Golden files: every
 * tests/fixtures/scores/{good,bad}/NAME.ini is loaded and dumped, compared with
 * tests/expected/scores/KIND-NAME.txt (UPDATE_GOLDEN=1 rewrites them). */
#include "support.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/highscore.h"
#include "core/save.h"

static const time_t NOW = 1795947300; /* 2026-11-29T10:15:00Z */
static const char *SEL = "packs=csto-bodies;topic=;count=10;mode=timed";

static char dir_buf[512];
static char path_buf[600];

static const char *scores_path(const char *name, const char *file)
{
    const char *d = scratch_dir(name);
    assert_non_null(d);
    str_copy(dir_buf, sizeof dir_buf, d);
    str_format(path_buf, sizeof path_buf, "%s/quizdeck/%s", dir_buf, file);
    return path_buf;
}

static ScoreEntry entry(long total, int right, int asked, uint64_t ms, time_t when)
{
    ScoreEntry e;
    memset(&e, 0, sizeof e);
    e.total = total;
    e.right = right;
    e.asked = asked;
    e.time_ms = ms;
    e.when = when;
    e.count = asked;
    str_copy(e.mode, sizeof e.mode, "timed");
    return e;
}

static void test_ranking_order(void **state)
{
    (void)state;
    ScoreBoard *b = scoreboard_create();
    assert_int_equal(scoreboard_add(b, SEL, &(ScoreEntry){0}), -1); /* no mode */
    ScoreEntry a = entry(5000, 8, 10, 60000, NOW);
    assert_int_equal(scoreboard_add(b, SEL, &a), 1);
    ScoreEntry higher = entry(6000, 5, 10, 90000, NOW);
    assert_int_equal(scoreboard_add(b, SEL, &higher), 1);
    ScoreEntry more_accurate = entry(5000, 9, 10, 99000, NOW); /* same total, 90 % > 80 % */
    assert_int_equal(scoreboard_add(b, SEL, &more_accurate), 2);
    ScoreEntry slower = entry(5000, 8, 10, 70000, NOW); /* same total and accuracy, slower */
    assert_int_equal(scoreboard_add(b, SEL, &slower), 4);
    ScoreEntry earlier = entry(5000, 8, 10, 70000, NOW - 60); /* same, but earlier */
    assert_int_equal(scoreboard_add(b, SEL, &earlier), 4);
    ScoreEntry same = entry(5000, 8, 10, 70000, NOW - 60); /* an equal result ranks after */
    assert_int_equal(scoreboard_rank(b, SEL, &same), 5);
    ScoreEntry accuracy_by_ratio = entry(5000, 16, 20, 60000, NOW); /* 80 % like `a` */
    assert_int_equal(scoreboard_add(b, SEL, &accuracy_by_ratio), 4);
    const ScoreEntry *rows[SCOREBOARD_ROWS];
    int n = scoreboard_get(b, SEL, rows, SCOREBOARD_ROWS);
    assert_int_equal(n, 6);
    assert_int_equal(rows[0]->total, 6000);
    assert_int_equal(rows[1]->right, 9);
    assert_int_equal(rows[2]->time_ms, 60000);
    assert_int_equal(rows[2]->asked, 10);
    assert_int_equal(rows[3]->asked, 20);
    assert_int_equal(rows[4]->when, NOW - 60);
    assert_int_equal(rows[5]->when, NOW);
    assert_int_equal(scoreboard_get(b, "other", rows, SCOREBOARD_ROWS), 0);
    assert_int_equal(scoreboard_get(b, SEL, rows, 2), 2);
    scoreboard_destroy(b);
}

static void test_top_ten_cut(void **state)
{
    (void)state;
    ScoreBoard *b = scoreboard_create();
    for (int i = 1; i <= 10; i++) {
        ScoreEntry e = entry(i * 100, 1, 1, 0, NOW);
        assert_int_equal(scoreboard_add(b, SEL, &e), 1);
    }
    ScoreEntry low = entry(50, 1, 1, 0, NOW);
    assert_int_equal(scoreboard_add(b, SEL, &low), 0);
    ScoreEntry tie_last = entry(100, 1, 1, 0, NOW); /* ties the 10th: ranks 11th */
    assert_int_equal(scoreboard_add(b, SEL, &tie_last), 0);
    ScoreEntry mid = entry(550, 1, 1, 0, NOW);
    assert_int_equal(scoreboard_add(b, SEL, &mid), 6);
    const ScoreEntry *rows[20];
    assert_int_equal(scoreboard_get(b, SEL, rows, 20), SCOREBOARD_ROWS);
    assert_int_equal(rows[0]->total, 1000);
    assert_int_equal(rows[9]->total, 200); /* 100 fell off */
    /* selections are separate tables */
    assert_int_equal(scoreboard_add(b, "all", &low), 1);
    assert_int_equal(scoreboard_selection_count(b), 2);
    assert_string_equal(scoreboard_selection(b, 0), SEL);
    assert_string_equal(scoreboard_selection(b, 1), "all");
    assert_null(scoreboard_selection(b, 2));
    /* bad selections and entries */
    assert_int_equal(scoreboard_add(b, "", &low), -1);
    assert_int_equal(scoreboard_add(b, "x ;y", &low), -1);
    assert_int_equal(scoreboard_add(b, "tab\there", &low), -1);
    ScoreEntry bad = entry(1, 3, 2, 0, NOW); /* right > asked */
    assert_int_equal(scoreboard_add(b, SEL, &bad), -1);
    char huge[SCOREBOARD_SELECTION_MAX + 2];
    memset(huge, 'a', sizeof huge);
    huge[sizeof huge - 1] = '\0';
    assert_int_equal(scoreboard_add(b, huge, &low), -1);
    huge[sizeof huge - 2] = '\0';
    assert_int_equal(scoreboard_add(b, huge, &low), 1);
    scoreboard_destroy(b);
}

static void test_round_trip(void **state)
{
    (void)state;
    const char *path = scores_path("scores-trip", "scores.ini");
    ScoreBoard *b = scoreboard_create();
    ScoreEntry e = entry(-25, 0, 3, UINT64_C(18446744073709551615), NOW);
    str_copy(e.name, sizeof e.name, "Ани Ованнисян");
    str_copy(e.mode, sizeof e.mode, "relaxed");
    e.count = 0;
    char long_sel[256];
    memset(long_sel, 'q', 255);
    long_sel[255] = '\0';
    long_sel[100] = ';';
    long_sel[150] = '#';
    assert_int_equal(scoreboard_add(b, long_sel, &e), 1);
    ScoreEntry f = entry(100, 1, 1, 5, 0);
    assert_int_equal(scoreboard_add(b, SEL, &f), 1);
    SaveError err;
    assert_true(scoreboard_save(b, save_io_posix(), path, &err));
    scoreboard_destroy(b);

    b = scoreboard_create();
    DiagList diags = DIAGLIST_INIT;
    assert_true(scoreboard_load(b, save_io_posix(), path, NOW, &diags, NULL));
    assert_int_equal(diags.count, 0);
    assert_int_equal(scoreboard_selection_count(b), 2);
    const ScoreEntry *rows[2];
    assert_int_equal(scoreboard_get(b, long_sel, rows, 2), 1);
    assert_int_equal(rows[0]->total, -25);
    assert_true(rows[0]->time_ms == UINT64_C(18446744073709551615));
    assert_string_equal(rows[0]->name, "Ани Ованнисян");
    assert_string_equal(rows[0]->mode, "relaxed");
    assert_int_equal(rows[0]->when, NOW);
    assert_int_equal(scoreboard_get(b, SEL, rows, 2), 1);
    assert_int_equal(rows[0]->when, 0);
    scoreboard_destroy(b);
}

static void test_unknown_keys_kept(void **state)
{
    (void)state;
    const char *path = scores_path("scores-unknown", "scores.ini");
    SaveError err;
    assert_true(save_make_parent_dirs(save_io_posix(), path, &err));
    const char *text = "[quizdeck]\nversion = 1\nfuture = yes\n\n[badges]\nfirst = 2026\n\n"
                       "[score]\nselection = all\nwhen = 2026-11-28T09:00:00Z\ntotal = 10\n"
                       "right = 1\nasked = 1\ntime_ms = 5\nmode = timed\ncount = 1\nname =\n"
                       "streak = 4\n";
    assert_true(write_file(path, text, strlen(text)));
    ScoreBoard *b = scoreboard_create();
    DiagList diags = DIAGLIST_INIT;
    assert_true(scoreboard_load(b, save_io_posix(), path, NOW, &diags, NULL));
    assert_int_equal(diags.count, 0);
    ScoreEntry better = entry(20, 1, 1, 5, NOW);
    assert_int_equal(scoreboard_add(b, "all", &better), 1);
    assert_true(scoreboard_save(b, save_io_posix(), path, &err));
    char *saved = read_file(path, NULL);
    assert_string_equal(saved,
                        "[quizdeck]\nversion = 1\nfuture = yes\n\n[badges]\nfirst = 2026\n\n"
                        "[score]\nselection = all\nwhen = 2026-11-29T10:15:00Z\ntotal = 20\n"
                        "right = 1\nasked = 1\ntime_ms = 5\nmode = timed\ncount = 1\nname =\n\n"
                        "[score]\nselection = all\nwhen = 2026-11-28T09:00:00Z\ntotal = 10\n"
                        "right = 1\nasked = 1\ntime_ms = 5\nmode = timed\ncount = 1\nname =\n"
                        "streak = 4\n");
    free(saved);
    scoreboard_destroy(b);
}

static void test_damaged_file_set_aside(void **state)
{
    (void)state;
    const char *path = scores_path("scores-damaged", "scores.ini");
    SaveError err;
    assert_true(save_make_parent_dirs(save_io_posix(), path, &err));
    const char *text = "[score]\nselection = all\nwhen = 2026-11-28T09:00:00Z\ntotal = 10\n"
                       "right = 1\nasked = 1\ntime_ms = 5\nmode = timed\ncount = 1\n"
                       "[score]\nselection = all\nwhen = 2026-11-28T09:00:00Z\ntotal = lots\n";
    assert_true(write_file(path, text, strlen(text)));
    ScoreBoard *b = scoreboard_create();
    DiagList diags = DIAGLIST_INIT;
    LoadReport report;
    assert_true(scoreboard_load(b, save_io_posix(), path, NOW, &diags, &report));
    assert_true(has_diag(&diags, DIAG_WARNING, 13, "bad 'total'"));
    assert_true(report.set_aside);
    char want[700];
    str_format(want, sizeof want, "%s.2026-11-29T101500.bad", path);
    assert_string_equal(report.aside, want);
    char *kept = read_file(want, NULL);
    assert_string_equal(kept, text);
    free(kept);
    const ScoreEntry *rows[2];
    assert_int_equal(scoreboard_get(b, "all", rows, 2), 1); /* the sound row kept */
    assert_true(scoreboard_save(b, save_io_posix(), path, &err));
    kept = read_file(want, NULL);
    assert_string_equal(kept, text);
    free(kept);
    scoreboard_destroy(b);
    diag_list_free(&diags);
}

typedef struct Seen {
    int count;
    char selection[4][300];
    ScoreEntry entries[4];
    int lines[4];
} Seen;

static bool seen_row(void *ctx, const char *selection, const ScoreEntry *e, int line)
{
    Seen *s = ctx;
    if (s->count < 4) {
        str_copy(s->selection[s->count], sizeof s->selection[0], selection);
        s->entries[s->count] = *e;
        s->lines[s->count] = line;
    }
    s->count++;
    return true;
}

static void test_history(void **state)
{
    (void)state;
    const char *path = scores_path("scores-history", "history.log");
    SaveError err;
    ScoreEntry a = entry(5400, 8, 10, 83000, NOW);
    str_copy(a.name, sizeof a.name, "Ana");
    ScoreEntry b = entry(-10, 0, 2, 0, NOW + 1);
    str_copy(b.mode, sizeof b.mode, "untimed");
    assert_true(history_append(save_io_posix(), path, SEL, &a, &err)); /* creates quizdeck/ */
    assert_true(history_append(save_io_posix(), path, "all", &b, &err));
    assert_false(history_append(save_io_posix(), path, "bad\tselection", &b, &err));
    /* a record of a later version and one that does not parse */
    assert_true(save_log_append(save_io_posix(), path, "2\tsomething new", &err));
    assert_true(save_log_append(save_io_posix(), path, "1\tnot a date\ttimed", &err));
    Seen seen;
    memset(&seen, 0, sizeof seen);
    SaveLogStats st;
    DiagList diags = DIAGLIST_INIT;
    assert_true(history_read(path, seen_row, &seen, &st, &diags, &err));
    assert_int_equal(seen.count, 2);
    assert_int_equal(st.records, 4);
    assert_string_equal(seen.selection[0], SEL);
    assert_int_equal(seen.entries[0].total, 5400);
    assert_int_equal(seen.entries[0].time_ms, 83000);
    assert_int_equal(seen.entries[0].when, NOW);
    assert_string_equal(seen.entries[0].name, "Ana");
    assert_string_equal(seen.selection[1], "all");
    assert_int_equal(seen.entries[1].total, -10);
    assert_string_equal(seen.entries[1].mode, "untimed");
    assert_true(has_diag(&diags, DIAG_WARNING, 4, "history record skipped"));
    char *text = read_file(path, NULL);
    assert_non_null(strstr(text, " 1\t2026-11-29T10:15:00Z\ttimed\t10\t5400\t8\t10\t83000\tAna\t"
                                 "packs=csto-bodies;topic=;count=10;mode=timed\n"));
    free(text);
    diag_list_free(&diags);
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
    const char *path = scores_path("scores-golden", "scores.ini");
    size_t len;
    char *orig = read_file(fixture, &len);
    assert_non_null(orig);
    SaveError e;
    assert_true(save_make_parent_dirs(save_io_posix(), path, &e));
    assert_true(write_file(path, orig, len));
    ScoreBoard *b = scoreboard_create();
    DiagList diags = DIAGLIST_INIT;
    LoadReport report;
    bool ok = scoreboard_load(b, save_io_posix(), path, NOW, &diags, &report);
    StrBuf tmp = STRBUF_INIT;
    strbuf_printf(&tmp, "# load: %s\n", ok ? "ok" : "failed");
    diag_list_format(&diags, &tmp);
    for (size_t i = 0; i < scoreboard_selection_count(b); i++) {
        const char *sel = scoreboard_selection(b, i);
        strbuf_printf(&tmp, "# table %s\n", sel);
        const ScoreEntry *rows[SCOREBOARD_ROWS];
        int n = scoreboard_get(b, sel, rows, SCOREBOARD_ROWS);
        for (int r = 0; r < n; r++) {
            char when[32];
            save_format_time(rows[r]->when, when, sizeof when);
            strbuf_printf(&tmp, "%d. %ld %d/%d %llu ms %s %s count %d '%s'\n", r + 1,
                          rows[r]->total, rows[r]->right, rows[r]->asked,
                          (unsigned long long)rows[r]->time_ms, when, rows[r]->mode, rows[r]->count,
                          rows[r]->name);
        }
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
    if (scoreboard_save(b, save_io_posix(), path, &e)) {
        char *saved = read_file(path, NULL);
        strbuf_puts(&tmp, saved);
        free(saved);
    } else {
        strbuf_printf(&tmp, "%s\n", e.message);
    }
    put_clean(out, strbuf_cstr(&tmp), dir_buf);
    strbuf_free(&tmp);
    free(orig);
    scoreboard_destroy(b);
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
    assert_true(golden_check_dir("scores", "good", ".ini", dump, NULL) >= 2);
    assert_true(golden_check_dir("scores", "bad", ".ini", dump, check_bad) >= 25);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ranking_order),
        cmocka_unit_test(test_top_ten_cut),
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_unknown_keys_kept),
        cmocka_unit_test(test_damaged_file_set_aside),
        cmocka_unit_test(test_history),
        cmocka_unit_test(test_golden),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
