/* test_profile.c - profile names (never a path out of the data folder), folders, listing,
 * per-profile files, export/import round trips, damaged archives that import nothing, and
 * resetting a pack. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/profile.h"
#include "core/progress.h"
#include "core/save.h"

static const time_t NOW = 1795947300; /* 2026-11-29T10:15:00Z */

static char data[512];

static const char *fresh(const char *name)
{
    const char *d = scratch_dir(name);
    assert_non_null(d);
    str_format(data, sizeof data, "%s/data", d);
    return data;
}

static bool exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static void test_names(void **state)
{
    (void)state;
    static const char *const good[] = {"Anna", "anna-2", "Ana María", "Арам", "Արամ",
                                       "李雷", "r.s_t",  "default",   "a.b",  "नमस्ते"};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        if (!profile_name_valid(good[i])) {
            fail_msg("'%s' should be valid", good[i]);
        }
    }
    char long_name[301];
    memset(long_name, 'a', 300);
    long_name[300] = '\0';
    char forty[41], forty_one[42];
    memset(forty, 'b', 40);
    forty[40] = '\0';
    memset(forty_one, 'b', 41);
    forty_one[41] = '\0';
    assert_true(profile_name_valid(forty));
    static const char *const bad[] = {"",     "a/b",   "/etc",  "..",     ".",         "../x",
                                      "a..b", ".hide", " lead", "trail ", "tab\there", "nl\n",
                                      "\xff", "a\\b",  "a:b",   "a*b",    "\xcc\x81x"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        if (profile_name_valid(bad[i])) {
            fail_msg("'%s' should be refused", bad[i]);
        }
    }
    assert_false(profile_name_valid(long_name));
    assert_false(profile_name_valid(forty_one));
    assert_false(profile_name_valid(NULL));
}

static void test_dirs_never_outside(void **state)
{
    (void)state;
    const char *d = fresh("profile-dirs");
    char out[4096];
    assert_true(profile_dir(out, sizeof out, d, "Anna"));
    char want[700];
    str_format(want, sizeof want, "%s/profiles/Anna", d);
    assert_string_equal(out, want);
    char long_name[301];
    memset(long_name, 'a', 300);
    long_name[300] = '\0';
    const char *bad[] = {"../../evil", "..", "a/b", "", ".x", long_name};
    SaveError e;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_false(profile_dir(out, sizeof out, d, bad[i]));
        assert_string_equal(out, "");
        assert_false(profile_create(save_io_posix(), d, bad[i], &e));
        assert_false(profile_reset_pack(save_io_posix(), d, bad[i], "p", NOW, NULL, 0, &e));
        assert_false(profile_export(save_io_posix(), d, bad[i], "x.qdp", &e));
        assert_false(profile_import(save_io_posix(), d, bad[i], "x.qdp", NULL, &e));
    }
    /* nothing was created: not the data folder, not beside it */
    assert_false(exists(d));
    str_format(want, sizeof want, "%s/../evil", d);
    assert_false(exists(want));
    /* a bad pack id cannot escape the progress folder either */
    assert_true(profile_create(save_io_posix(), d, "Anna", &e));
    assert_false(profile_reset_pack(save_io_posix(), d, "Anna", "../x", NOW, NULL, 0, &e));
    assert_false(progress_file_path(out, sizeof out, "p", "../x"));

    /* per-profile settings and scores; "default" keeps the old files */
    assert_true(profile_settings_path(out, sizeof out, "/c", "/d", "default"));
    assert_string_equal(out, "/c/settings.ini");
    assert_true(profile_settings_path(out, sizeof out, "/c", "/d", "Anna"));
    assert_string_equal(out, "/d/profiles/Anna/settings.ini");
    assert_true(profile_scores_path(out, sizeof out, "/d", "default"));
    assert_string_equal(out, "/d/scores.ini");
    assert_true(profile_scores_path(out, sizeof out, "/d", "Anna"));
    assert_string_equal(out, "/d/profiles/Anna/scores.ini");
    assert_false(profile_scores_path(out, sizeof out, "/d", "../x"));
}

static void test_list_and_create(void **state)
{
    (void)state;
    const char *d = fresh("profile-list");
    ProfileList list;
    assert_true(profile_list(d, &list)); /* no folder yet: empty */
    assert_int_equal(list.count, 0);
    SaveError e;
    assert_true(profile_create(save_io_posix(), d, "Zoe", &e));
    assert_true(profile_create(save_io_posix(), d, "Anna", &e));
    assert_true(profile_create(save_io_posix(), d, "Anna", &e)); /* again: fine */
    char odd[700];
    str_format(odd, sizeof odd, "%s/profiles/.hidden", d);
    assert_int_equal(mkdir(odd, 0700), 0);
    str_format(odd, sizeof odd, "%s/profiles/file.txt", d);
    assert_true(write_file(odd, "x", 1));
    assert_true(profile_list(d, &list));
    assert_int_equal(list.count, 2);
    assert_string_equal(list.names[0], "Anna");
    assert_string_equal(list.names[1], "Zoe");
    profile_list_free(&list);
    str_format(odd, sizeof odd, "%s/profiles/Anna/progress", d);
    assert_true(exists(odd));
}

static void write_progress(const char *d, const char *name, const char *pack, double s)
{
    char dir[700], path[800];
    assert_true(profile_dir(dir, sizeof dir, d, name));
    ProgressFile pf;
    progress_init(&pf, pack);
    ProgressCard *c = progress_add(&pf, "q1", 1);
    c->fsrs.stability = s;
    c->fsrs.difficulty = 5;
    c->fsrs.reps = 1;
    c->fsrs.last_review = NOW;
    c->due = NOW + 86400;
    c->first_seen = NOW;
    assert_true(progress_file_path(path, sizeof path, dir, pack));
    SaveError e;
    assert_true(progress_save(&pf, save_io_posix(), path, &e));
    progress_free(&pf);
}

static char *profile_file(const char *d, const char *name, const char *rel)
{
    char path[900];
    str_format(path, sizeof path, "%s/profiles/%s/%s", d, name, rel);
    return read_file(path, NULL);
}

static void test_export_import_round_trip(void **state)
{
    (void)state;
    const char *d = fresh("profile-export");
    SaveError e;
    assert_true(profile_create(save_io_posix(), d, "Anna", &e));
    write_progress(d, "Anna", "csto-members", 3.5);
    write_progress(d, "Anna", "csto-bodies", 7.25);
    char dir[700], log[800];
    assert_true(profile_dir(dir, sizeof dir, d, "Anna"));
    assert_true(progress_log_path(log, sizeof log, dir));
    ProgressLogEntry en = {NOW, "csto-members", "q1", 3, 0, 1, 3.5, 5, -1, false};
    assert_true(progress_log_append(save_io_posix(), log, &en, &e));
    en.time += 60;
    assert_true(progress_log_append(save_io_posix(), log, &en, &e));
    FILE *f = fopen(log, "ab"); /* a torn tail is not exported */
    fputs("deadbeef torn", f);
    fclose(f);

    char archive[700];
    str_format(archive, sizeof archive, "%s/../anna.qdprofile", d);
    assert_true(profile_export(save_io_posix(), d, "Anna", archive, &e));
    char *text = read_file(archive, NULL);
    assert_non_null(text);
    assert_true(strncmp(text, "quizdeck-profile 1\nfile progress/csto-bodies.ini ", 49) == 0);
    assert_non_null(strstr(text, "\nend 3\n"));
    assert_null(strstr(text, "torn"));

    /* into a new profile: the same files */
    DiagList diags = DIAGLIST_INIT;
    assert_true(profile_import(save_io_posix(), d, "Ben", archive, &diags, &e));
    assert_int_equal(diags.count, 0);
    for (int i = 0; i < 2; i++) {
        const char *rel = i ? "progress/csto-bodies.ini" : "progress/csto-members.ini";
        char *a = profile_file(d, "Anna", rel), *b = profile_file(d, "Ben", rel);
        assert_non_null(b);
        assert_string_equal(a, b);
        free(a);
        free(b);
    }
    ProgressLog pl = {0};
    str_format(log, sizeof log, "%s/profiles/Ben/reviews.log", d);
    assert_true(progress_log_read(log, &pl, NULL, &diags, &e));
    assert_int_equal(pl.count, 2);
    progress_log_free(&pl);

    /* export Ben again: the same archive */
    char again[700];
    str_format(again, sizeof again, "%s/../ben.qdprofile", d);
    assert_true(profile_export(save_io_posix(), d, "Ben", again, &e));
    char *text2 = read_file(again, NULL);
    assert_string_equal(text, text2);
    free(text2);
    free(text);
    diag_list_free(&diags);
}

static void test_damaged_archive_imports_nothing(void **state)
{
    (void)state;
    const char *d = fresh("profile-import-bad");
    SaveError e;
    assert_true(profile_create(save_io_posix(), d, "Anna", &e));
    write_progress(d, "Anna", "csto-members", 3.5);
    write_progress(d, "Anna", "csto-bodies", 7.25);
    char archive[700];
    str_format(archive, sizeof archive, "%s/../anna.qdprofile", d);
    assert_true(profile_export(save_io_posix(), d, "Anna", archive, &e));
    size_t len;
    char *good = read_file(archive, &len);
    /* Ben has progress of his own that must survive every failed import */
    assert_true(profile_create(save_io_posix(), d, "Ben", &e));
    write_progress(d, "Ben", "csto-members", 1.5);
    char *ben_before = profile_file(d, "Ben", "progress/csto-members.ini");

    char *members_at = strstr(good, "stability = 3.5");
    assert_non_null(members_at);
    size_t off = (size_t)(members_at - good);
    struct {
        const char *what;
        size_t at;
        const char *bytes;
        size_t cut;
    } cases[] = {
        {"a flipped byte in a file", off + 12, "9", 0},
        {"a cut-off archive", 0, NULL, len - 20},
        {"no end line", 0, NULL, len - 6},
        {"another magic", 0, "Quizdeck", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *bad = malloc(len + 1);
        memcpy(bad, good, len + 1);
        size_t blen = len;
        if (cases[i].bytes) {
            memcpy(bad + cases[i].at, cases[i].bytes, strlen(cases[i].bytes));
        }
        if (cases[i].cut) {
            blen = cases[i].cut;
        }
        assert_true(write_file(archive, bad, blen));
        DiagList diags = DIAGLIST_INIT;
        if (profile_import(save_io_posix(), d, "Ben", archive, &diags, &e)) {
            fail_msg("%s was imported", cases[i].what);
        }
        assert_true(diags.counts[DIAG_ERROR] > 0);
        char *ben = profile_file(d, "Ben", "progress/csto-members.ini");
        assert_string_equal(ben, ben_before);
        free(ben);
        char *bodies = profile_file(d, "Ben", "progress/csto-bodies.ini");
        assert_null(bodies); /* not even the sound file was written */
        diag_list_free(&diags);
        free(bad);
    }

    /* a sound archive holding a bad progress file (checksum recomputed): refused too */
    const char *evil = "quizdeck-profile 1\nfile progress/x.ini 33 00000000\n"
                       "[q1]\nrevision = 1\nstability = nan\n\nend 1\n";
    char fixed[400];
    uint32_t crc = save_crc32("[q1]\nrevision = 1\nstability = nan", 33);
    str_format(fixed, sizeof fixed, "quizdeck-profile 1\nfile progress/x.ini 33 %08x\n%s", crc,
               strstr(evil, "[q1]"));
    assert_true(write_file(archive, fixed, strlen(fixed)));
    DiagList diags = DIAGLIST_INIT;
    assert_false(profile_import(save_io_posix(), d, "Ben", archive, &diags, &e));
    assert_true(has_diag(&diags, DIAG_ERROR, 0, "is damaged") || diags.counts[DIAG_ERROR] > 0);
    assert_null(profile_file(d, "Ben", "progress/x.ini"));
    diag_list_free(&diags);

    /* a path that tries to leave the profile */
    const char *escape = "quizdeck-profile 1\nfile ../../../evil.ini 0 00000000\n\nend 1\n";
    assert_true(write_file(archive, escape, strlen(escape)));
    assert_false(profile_import(save_io_posix(), d, "Ben", archive, &diags, &e));
    char outside[700];
    str_format(outside, sizeof outside, "%s/evil.ini", d);
    assert_false(exists(outside));
    diag_list_free(&diags);
    free(ben_before);
    free(good);
}

static void test_reset_pack(void **state)
{
    (void)state;
    const char *d = fresh("profile-reset");
    SaveError e;
    assert_true(profile_create(save_io_posix(), d, "Anna", &e));
    write_progress(d, "Anna", "csto-members", 3.5);
    char *before = profile_file(d, "Anna", "progress/csto-members.ini");
    char moved[4096];
    assert_true(profile_reset_pack(save_io_posix(), d, "Anna", "csto-members", NOW, moved,
                                   sizeof moved, &e));
    assert_non_null(strstr(moved, "csto-members.ini.reset-2026-11-29T101500"));
    assert_null(profile_file(d, "Anna", "progress/csto-members.ini"));
    char *after = read_file(moved, NULL);
    assert_string_equal(before, after); /* kept, for an undo by hand */
    free(after);
    /* a second reset the same second gets its own name */
    write_progress(d, "Anna", "csto-members", 4.5);
    assert_true(profile_reset_pack(save_io_posix(), d, "Anna", "csto-members", NOW, moved,
                                   sizeof moved, &e));
    assert_non_null(strstr(moved, ".reset-2026-11-29T101500-2"));
    /* nothing to reset */
    assert_true(profile_reset_pack(save_io_posix(), d, "Anna", "csto-bodies", NOW, moved,
                                   sizeof moved, &e));
    assert_string_equal(moved, "");
    free(before);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_dirs_never_outside),
        cmocka_unit_test(test_list_and_create),
        cmocka_unit_test(test_export_import_round_trip),
        cmocka_unit_test(test_damaged_archive_imports_nothing),
        cmocka_unit_test(test_reset_pack),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
