/* test_settings.c - settings.ini: defaults, round trips, unknown keys kept, damaged files set
 * aside and never overwritten, and the inidoc document underneath. Golden files: every
 * tests/fixtures/settings/{good,bad}/NAME.ini is loaded and dumped (diagnostics, values, what
 * was set aside, the file a save writes) and compared with tests/expected/settings/KIND-NAME.txt.
 * Run with UPDATE_GOLDEN=1 to rewrite the expected files, then review the diff. */
#include "support.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/inidoc.h"
#include "core/save.h"
#include "core/settings.h"

static const time_t NOW = 1795947300; /* 2026-11-29T10:15:00Z */

static char dir_buf[512];
static char path_buf[600];

/* A fresh folder and the path of settings.ini in it. */
static const char *settings_path(const char *name)
{
    const char *d = scratch_dir(name);
    assert_non_null(d);
    str_copy(dir_buf, sizeof dir_buf, d);
    str_format(path_buf, sizeof path_buf, "%s/quizdeck/settings.ini", dir_buf);
    return path_buf;
}

static void put(const char *path, const char *text)
{
    SaveError e;
    assert_true(save_make_parent_dirs(save_io_posix(), path, &e));
    assert_true(write_file(path, text, strlen(text)));
}

/* ---- inidoc ---- */

static void test_inidoc_records(void **state)
{
    (void)state;
    const char *text = "top = 1\n[score]\na = 1\n[other]\nx = y\n[score]\na = 2\nlong = one\n"
                       "  two\n  three\n";
    DiagList diags = DIAGLIST_INIT;
    IniDoc *doc = inidoc_parse("s.ini", text, strlen(text), &diags);
    assert_non_null(doc);
    assert_int_equal(diags.count, 0);
    assert_int_equal(inidoc_record_count(doc), 4);
    assert_string_equal(inidoc_record_section(doc, 0), "");
    assert_string_equal(inidoc_get(doc, "", "top"), "1");
    assert_string_equal(inidoc_get(doc, "score", "a"), "1");
    long second = inidoc_find_record(doc, "score", 2);
    assert_int_equal(second, 3);
    int line;
    assert_string_equal(inidoc_record_get(doc, 3, "long", &line), "one\ntwo\nthree");
    assert_int_equal(line, 8);
    assert_int_equal(inidoc_record_line(doc, 3), 6);
    assert_null(inidoc_get(doc, "missing", "a"));

    /* format and parse again: the same document */
    size_t len;
    char *out = inidoc_format(doc, &len);
    assert_string_equal(out, "top = 1\n\n[score]\na = 1\n\n[other]\nx = y\n\n[score]\na = 2\n"
                             "long = one\n    two\n    three\n");
    IniDoc *again = inidoc_parse("s.ini", out, len, &diags);
    assert_non_null(again);
    char *out2 = inidoc_format(again, NULL);
    assert_string_equal(out, out2);
    free(out);
    free(out2);
    inidoc_destroy(again);

    /* edits */
    assert_int_equal(inidoc_remove_section(doc, "score"), 2);
    assert_true(inidoc_set(doc, "other", "x", "z"));
    assert_true(inidoc_set(doc, "new", "k", ""));
    assert_false(inidoc_set(doc, "new", "bad key", "a ; comment"));
    assert_false(inidoc_set(doc, "new", "k=", "v"));
    assert_false(inidoc_set(doc, "bad]", "k", "v"));
    assert_int_equal(inidoc_record_count(doc), 3); /* the refused section was not left behind */
    inidoc_record_remove(doc, 1, "x");
    out = inidoc_format(doc, NULL);
    assert_string_equal(out, "top = 1\n\n[other]\n\n[new]\nk =\n");
    free(out);
    inidoc_destroy(doc);
    diag_list_free(&diags);
}

static void test_inidoc_bad_lines(void **state)
{
    (void)state;
    const char *text = "[a]\nk = v\nnonsense\n[b\nq = 1\n[c]\nbin = \xff\xfe\nok = 1\n";
    DiagList diags = DIAGLIST_INIT;
    assert_null(inidoc_parse("p.ini", text, strlen(text), &diags));
    assert_true(has_diag(&diags, DIAG_WARNING, 3, "expected 'key = value'"));
    assert_true(has_diag(&diags, DIAG_WARNING, 4, "no closing ']'"));
    assert_true(has_diag(&diags, DIAG_WARNING, 7, "not UTF-8"));
    diag_list_free(&diags);
    bool clean = true;
    IniDoc *doc = inidoc_parse_partial("p.ini", text, strlen(text), &diags, &clean);
    assert_non_null(doc);
    assert_false(clean);
    assert_string_equal(inidoc_get(doc, "a", "k"), "v");
    assert_null(inidoc_get(doc, "b", "q"));
    assert_null(inidoc_get(doc, "a", "q"));
    assert_null(inidoc_get(doc, "c", "bin"));
    assert_string_equal(inidoc_get(doc, "c", "ok"), "1");
    inidoc_destroy(doc);
    diag_list_free(&diags);

    /* a line longer than inih reads is refused, not split */
    char longline[400];
    memset(longline, 'x', sizeof longline);
    memcpy(longline, "k = ", 4);
    longline[sizeof longline - 1] = '\0';
    assert_null(inidoc_parse("l.ini", longline, strlen(longline), &diags));
    assert_true(has_diag(&diags, DIAG_WARNING, 1, "too long"));
    diag_list_free(&diags);
}

/* What the parser keeps, inidoc_format writes back as it was read (fuzzing found keys that did
 * not: a line without a key, a value starting with ';', a control character, a line that grows
 * too long with the spaces around '=', a key with a byte-order mark left in it). */
static void test_inidoc_keeps_only_what_it_can_write(void **state)
{
    (void)state;
    char full[200];
    memset(full, 'x', sizeof full);
    memcpy(full, "k=", 2);
    full[sizeof full - 1] = '\0'; /* 199 bytes: inih reads it, "k = ..." would be 201 */
    StrBuf text = STRBUF_INIT;
    strbuf_printf(&text,
                  "[s]\n= v\nsemi=;x\nbell = a\x07"
                  "b\n%s\nok = 1\n"
                  "\xEF\xBB\xBFmark\xEF\xBB\xBF = 2\n",
                  full);
    DiagList diags = DIAGLIST_INIT;
    bool clean = true;
    IniDoc *doc = inidoc_parse_partial("w.ini", text.data, text.len, &diags, &clean);
    assert_non_null(doc);
    assert_false(clean);
    for (int line = 2; line <= 5; line++) {
        assert_true(has_diag(&diags, DIAG_WARNING, line, "skipped"));
    }
    assert_int_equal(inidoc_entry_count(doc, 0), 2);
    assert_string_equal(inidoc_get(doc, "s", "ok"), "1");
    assert_string_equal(inidoc_get(doc, "s", "mark"), "2");
    /* and what is kept reads back the same, cleanly */
    size_t len;
    char *out = inidoc_format(doc, &len);
    IniDoc *again = inidoc_parse("w.ini", out, len, &diags);
    assert_non_null(again);
    char *out2 = inidoc_format(again, NULL);
    assert_string_equal(out, out2);
    free(out);
    free(out2);
    inidoc_destroy(again);
    inidoc_destroy(doc);
    diag_list_free(&diags);
    strbuf_free(&text);
}

static void test_inidoc_values(void **state)
{
    (void)state;
    assert_true(inidoc_value_ok("k", "plain;semi=colon"));
    assert_true(inidoc_value_ok("k", "two\nparts"));
    assert_false(inidoc_value_ok("k", " lead"));
    assert_false(inidoc_value_ok("k", "x ;y"));
    assert_false(inidoc_value_ok("k", ";x"));
    assert_false(inidoc_value_ok("k", "a\n#b"));
    assert_false(inidoc_value_ok("k", "a\n\nb"));
    assert_false(inidoc_value_ok("k", "tab\there"));
    assert_false(inidoc_value_ok("k", "\xc3"));
    /* the reader takes byte-order marks out of lines, so none can be written (fuzzing) */
    assert_false(inidoc_value_ok("k", "a\xEF\xBB\xBF"));
    assert_false(inidoc_value_ok("k\xEF\xBB\xBF", "a"));
    assert_false(inidoc_section_ok("s \xEF\xBB\xBF"));
    char big[300];
    memset(big, 'a', sizeof big);
    big[299] = '\0';
    assert_false(inidoc_value_ok("k", big));
    char *w = inidoc_wrap(big, 150);
    assert_non_null(w);
    assert_true(inidoc_value_ok("k", w));
    assert_string_equal(inidoc_unwrap(w), big);
    free(w);
    w = inidoc_wrap("aaaa;bbbb", 5); /* never before ';' */
    assert_string_equal(w, "aaaa;\nbbbb");
    free(w);
    assert_null(inidoc_wrap("a b c d e f", 1));
}

/* ---- settings ---- */

static void test_defaults_when_missing(void **state)
{
    (void)state;
    const char *path = settings_path("settings-missing");
    Settings s;
    settings_init(&s);
    DiagList diags = DIAGLIST_INIT;
    LoadReport report;
    assert_true(settings_load(&s, save_io_posix(), path, NOW, &diags, &report));
    assert_int_equal(diags.count, 0);
    assert_false(report.set_aside);
    assert_false(s.muted);
    assert_false(s.fullscreen);
    assert_false(s.reduce_motion);
    assert_true(s.timed);
    assert_false(s.relaxed);
    assert_int_equal(s.question_count, 10);
    assert_string_equal(s.packs, "");
    assert_string_equal(s.topic, "");
    settings_free(&s);
}

static void test_round_trip(void **state)
{
    (void)state;
    const char *path = settings_path("settings-trip");
    Settings s;
    settings_init(&s);
    s.muted = true;
    s.fullscreen = true;
    s.timed = false;
    s.relaxed = true;
    s.reduce_motion = true;
    s.question_count = 500;
    str_copy(s.packs, sizeof s.packs, "csto-members,csto-bodies");
    str_copy(s.topic, sizeof s.topic, "members");
    SaveError e;
    assert_true(settings_save(&s, save_io_posix(), path, &e)); /* creates quizdeck/ */
    Settings t;
    settings_init(&t);
    DiagList diags = DIAGLIST_INIT;
    assert_true(settings_load(&t, save_io_posix(), path, NOW, &diags, NULL));
    assert_int_equal(diags.count, 0);
    assert_true(t.muted && t.fullscreen && !t.timed && t.relaxed && t.reduce_motion);
    assert_int_equal(t.question_count, 500);
    assert_string_equal(t.packs, "csto-members,csto-bodies");
    assert_string_equal(t.topic, "members");
    char *text = read_file(path, NULL);
    assert_non_null(strstr(text, "[quizdeck]\nversion = 1\n"));
    assert_non_null(strstr(text, "[sound]\nmuted = on\n"));
    free(text);
    settings_free(&s);
    settings_free(&t);
}

static void test_unknown_keys_kept(void **state)
{
    (void)state;
    const char *path = settings_path("settings-unknown");
    put(path, "[quizdeck]\nversion = 2\n[future]\nthing = 1\n[quiz]\ncount = 4\nshuffle = on\n");
    Settings s;
    settings_init(&s);
    DiagList diags = DIAGLIST_INIT;
    assert_true(settings_load(&s, save_io_posix(), path, NOW, &diags, NULL));
    assert_int_equal(diags.count, 0);
    assert_int_equal(s.question_count, 4);
    s.question_count = 9;
    SaveError e;
    assert_true(settings_save(&s, save_io_posix(), path, &e));
    char *text = read_file(path, NULL);
    assert_string_equal(text, "[quizdeck]\nversion = 2\n\n[future]\nthing = 1\n\n[quiz]\ncount = "
                              "9\nshuffle = on\ntimed = on\nrelaxed = off\npacks =\ntopic =\n\n"
                              "[sound]\nmuted = off\n\n[display]\nfullscreen = off\n"
                              "reduce_motion = off\n\n[cards]\nnew_per_day = 20\n"
                              "review_cap = 200\nday_start = 4\nretention = 0.90\n"
                              "max_interval = 36500\ntwo_buttons = off\nquiz_feeds = off\n");
    free(text);
    settings_free(&s);
    diag_list_free(&diags);
}

static void test_cards_and_retention(void **state)
{
    (void)state;
    const char *path = settings_path("settings-cards");
    put(path, "[cards]\nnew_per_day = 5\nday_start = 3\nretention = 0.85\ntwo_buttons = on\n"
              "[retention]\ncsto-members = 0.95\ncsto-bodies = 0.5\n");
    Settings s;
    settings_init(&s);
    DiagList diags = DIAGLIST_INIT;
    assert_true(settings_load(&s, save_io_posix(), path, NOW, &diags, NULL));
    assert_int_equal(diags.count, 0);
    assert_int_equal(s.new_per_day, 5);
    assert_int_equal(s.day_start, 3);
    assert_int_equal(s.review_cap, 200);
    assert_true(s.two_buttons);
    assert_false(s.quiz_feeds);
    assert_true(settings_retention(&s, "csto-members") > 0.949 &&
                settings_retention(&s, "csto-members") < 0.951);
    /* out of range for one pack: the general value */
    assert_true(settings_retention(&s, "csto-bodies") > 0.849 &&
                settings_retention(&s, "csto-bodies") < 0.851);
    assert_true(settings_retention(&s, "other") > 0.849 && settings_retention(&s, "other") < 0.851);
    settings_free(&s);
    diag_list_free(&diags);
    put(path, "[cards]\nretention = 1.5\nday_start = 24\n");
    settings_init(&s);
    assert_true(settings_load(&s, save_io_posix(), path, NOW, &diags, NULL));
    assert_true(has_diag(&diags, DIAG_WARNING, 2, "retention = '1.5'"));
    assert_true(has_diag(&diags, DIAG_WARNING, 3, "day_start = '24'"));
    assert_int_equal(s.day_start, 4);
    settings_free(&s);
    diag_list_free(&diags);
}

static void test_damaged_file_set_aside(void **state)
{
    (void)state;
    const char *path = settings_path("settings-damaged");
    const char *bad = "[sound]\nmuted = on\n[quiz]\ncount = banana\ntimed = off\n";
    put(path, bad);
    Settings s;
    settings_init(&s);
    DiagList diags = DIAGLIST_INIT;
    LoadReport report;
    assert_true(settings_load(&s, save_io_posix(), path, NOW, &diags, &report));
    assert_true(s.muted);  /* a sound value kept */
    assert_false(s.timed); /* also sound */
    assert_int_equal(s.question_count, 10);
    assert_true(has_diag(&diags, DIAG_WARNING, 4, "count = 'banana'"));
    assert_true(report.set_aside);
    char want[700];
    str_format(want, sizeof want, "%s.2026-11-29T101500.bad", path);
    assert_string_equal(report.aside, want);
    assert_true(has_diag(&diags, DIAG_WARNING, 0, want));
    char *kept = read_file(want, NULL);
    assert_string_equal(kept, bad);
    free(kept);
    /* a later save writes a new file and leaves the .bad one alone */
    SaveError e;
    assert_true(settings_save(&s, save_io_posix(), path, &e));
    kept = read_file(want, NULL);
    assert_string_equal(kept, bad);
    free(kept);
    char *fresh = read_file(path, NULL);
    assert_non_null(strstr(fresh, "count = 10\n"));
    assert_non_null(strstr(fresh, "muted = on\n"));
    free(fresh);
    settings_free(&s);
    diag_list_free(&diags);
}

static int fail_rename(void *ctx, const char *from, const char *to)
{
    errno = EBUSY;
    return -1;
}

static void test_damaged_file_not_set_aside_is_not_overwritten(void **state)
{
    (void)state;
    const char *path = settings_path("settings-blocked");
    const char *bad = "[quiz]\ncount = 99999\n";
    put(path, bad);
    SaveIo io = *save_io_posix();
    io.rename = fail_rename;
    Settings s;
    settings_init(&s);
    DiagList diags = DIAGLIST_INIT;
    LoadReport report;
    assert_false(settings_load(&s, &io, path, NOW, &diags, &report));
    assert_false(report.set_aside);
    assert_true(s.save_blocked);
    assert_true(has_diag(&diags, DIAG_WARNING, 2, "count = '99999'"));
    assert_true(has_diag(&diags, DIAG_WARNING, 0, "will not be overwritten"));
    SaveError e;
    assert_false(settings_save(&s, save_io_posix(), path, &e));
    assert_non_null(strstr(e.message, "not saving"));
    char *kept = read_file(path, NULL);
    assert_string_equal(kept, bad);
    free(kept);
    settings_free(&s);
    diag_list_free(&diags);
}

static void test_unreadable_file(void **state)
{
    (void)state;
    const char *path = settings_path("settings-dir");
    SaveError e;
    assert_true(save_make_dirs(save_io_posix(), path, &e)); /* a folder where the file goes */
    Settings s;
    settings_init(&s);
    DiagList diags = DIAGLIST_INIT;
    LoadReport report;
    assert_false(settings_load(&s, save_io_posix(), path, NOW, &diags, &report));
    assert_true(report.set_aside);
    assert_true(has_diag(&diags, DIAG_WARNING, 0, "Is a directory"));
    assert_true(settings_save(&s, save_io_posix(), path, &e));
    settings_free(&s);
    diag_list_free(&diags);
}

static void test_parse_bool(void **state)
{
    (void)state;
    bool b = false;
    assert_true(settings_parse_bool("ON", &b) && b);
    assert_true(settings_parse_bool("no", &b) && !b);
    assert_true(settings_parse_bool("1", &b) && b);
    assert_false(settings_parse_bool("maybe", &b));
    assert_false(settings_parse_bool("", &b));
}

/* ---- golden files ---- */

/* Appends `text` with every `dir/` removed, so the dump does not depend on the scratch path. */
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
    const char *path = settings_path("settings-golden");
    size_t len;
    char *orig = read_file(fixture, &len);
    assert_non_null(orig);
    SaveError e;
    assert_true(save_make_parent_dirs(save_io_posix(), path, &e));
    assert_true(write_file(path, orig, len));
    Settings s;
    settings_init(&s);
    DiagList diags = DIAGLIST_INIT;
    LoadReport report;
    bool ok = settings_load(&s, save_io_posix(), path, NOW, &diags, &report);
    StrBuf tmp = STRBUF_INIT;
    strbuf_printf(&tmp, "# load: %s\n", ok ? "ok" : "failed");
    diag_list_format(&diags, &tmp);
    strbuf_printf(&tmp,
                  "# values\ncount %d, timed %d, relaxed %d, muted %d, fullscreen %d, "
                  "reduce_motion %d\npacks '%s', topic '%s'\n",
                  s.question_count, s.timed, s.relaxed, s.muted, s.fullscreen, s.reduce_motion,
                  s.packs, s.topic);
    if (report.set_aside) {
        size_t alen;
        char *aside = read_file(report.aside, &alen);
        bool same = aside && alen == len && memcmp(aside, orig, len) == 0;
        strbuf_printf(&tmp, "# set aside as %s, %s\n", report.aside,
                      same ? "byte for byte" : "CHANGED");
        free(aside);
    }
    strbuf_puts(&tmp, "# saved\n");
    if (settings_save(&s, save_io_posix(), path, &e)) {
        char *saved = read_file(path, NULL);
        strbuf_puts(&tmp, saved);
        free(saved);
    } else {
        strbuf_printf(&tmp, "%s\n", e.message);
    }
    put_clean(out, strbuf_cstr(&tmp), dir_buf);
    strbuf_free(&tmp);
    free(orig);
    settings_free(&s);
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
    assert_true(golden_check_dir("settings", "good", ".ini", dump, NULL) >= 4);
    assert_true(golden_check_dir("settings", "bad", ".ini", dump, check_bad) >= 27);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_inidoc_records),
        cmocka_unit_test(test_inidoc_bad_lines),
        cmocka_unit_test(test_inidoc_keeps_only_what_it_can_write),
        cmocka_unit_test(test_inidoc_values),
        cmocka_unit_test(test_defaults_when_missing),
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_unknown_keys_kept),
        cmocka_unit_test(test_cards_and_retention),
        cmocka_unit_test(test_damaged_file_set_aside),
        cmocka_unit_test(test_damaged_file_not_set_aside_is_not_overwritten),
        cmocka_unit_test(test_unreadable_file),
        cmocka_unit_test(test_parse_bool),
        cmocka_unit_test(test_golden),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
