/* test_e2e.c - the real game driven by the scripts in tests/scripts/ under SDL's offscreen
 * driver: whole quizzes answered right, wrong, late and by mouse, pause, damaged files, hard
 * input; checked by the scripts' expect lines, the files the game saved and its screenshots.
 * Runs build/quizdeck (QUIZDECK_BIN overrides). */
#include "support.h"

#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/highscore.h"
#include "core/progress.h"
#include "core/save.h"
#include "core/settings.h"

#define E2E_PACK "--play --pack tests/scripts/e2e-pack.ini --count 0 --seed 1"

/* Runs the game headless at 1024x768 with `args` in the home `dir`. */
static int game(const char *dir, const char *args, StrBuf *out)
{
    char a[2000];
    str_format(a, sizeof a, "--window 1024x768 %s", args);
    return game_run(dir, a, out);
}

static void script_passes(const char *dir, const char *script, const char *args)
{
    game_script_passes(dir, "--window 1024x768", script, args);
}

static void expect_in(const StrBuf *out, const char *needle)
{
    if (!strstr(strbuf_cstr(out), needle)) {
        print_error("expected \"%s\" in:\n%s\n", needle, strbuf_cstr(out));
        fail();
    }
}

static void put_file(const char *path, const char *text)
{
    assert_true(write_file(path, text, strlen(text)));
}

/* ---- screenshots ---- */

static const unsigned char *pixel(const TestImage *im, int x, int y)
{
    return im->rgb + ((size_t)y * (size_t)im->w + (size_t)x) * 3;
}

/* Share of pixels that differ from the top-left one (the background), in per mille. */
static int ink_per_mille(const TestImage *im)
{
    const unsigned char *bg = pixel(im, im->w / 2, im->h / 2 + im->h / 3);
    long ink = 0;
    for (int y = 0; y < im->h; y++) {
        for (int x = 0; x < im->w; x++) {
            ink += memcmp(pixel(im, x, y), bg, 3) != 0;
        }
    }
    return (int)(ink * 1000 / ((long)im->w * im->h));
}

/* The countdown bar's filled width: the run of the bar colour from the left on its row. */
static int bar_width(const TestImage *im, int row)
{
    const unsigned char *c = pixel(im, 0, row);
    int x = 0;
    while (x < im->w && memcmp(pixel(im, x, row), c, 3) == 0) {
        x++;
    }
    return x;
}

static void expect_not_blank(const char *path)
{
    TestImage im = png_load(path);
    int ink = ink_per_mille(&im);
    if (ink < 20) {
        print_error("%s looks blank: %d per mille of pixels differ from the background\n", path,
                    ink);
        fail();
    }
    free(im.rgb);
}

/* ---- the tests ---- */

static void test_all_right_keyboard(void **state)
{
    (void)state;
    const char *dir = game_home("e2e-right");
    script_passes(dir, "quiz-all-right.qds", E2E_PACK);
    /* the high score was saved, with its date and settings */
    char path[1200];
    str_format(path, sizeof path, "%s/data/quizdeck/scores.ini", dir);
    ScoreBoard *b = scoreboard_create();
    DiagList diags = DIAGLIST_INIT;
    LoadReport report;
    memset(&report, 0, sizeof report);
    assert_true(scoreboard_load(b, save_io_posix(), path, 0, &diags, &report));
    assert_int_equal(diags.count, 0);
    assert_false(report.set_aside);
    const ScoreEntry *rows[10];
    int n = scoreboard_get(b, "packs=e2e;topic=;count=all;mode=timed", rows, 10);
    assert_int_equal(n, 1);
    assert_int_equal(rows[0]->total, 7200);
    assert_int_equal(rows[0]->right, 6);
    assert_int_equal(rows[0]->asked, 6);
    assert_string_equal(rows[0]->mode, "timed");
    assert_true(rows[0]->when > 0);
    scoreboard_destroy(b);
    diag_list_free(&diags);
    /* and a second run ranks below the first only when it scores less: same score, later */
    script_passes(dir, "quiz-all-wrong.qds", E2E_PACK);
    b = scoreboard_create();
    assert_true(scoreboard_load(b, save_io_posix(), path, 0, &diags, &report));
    assert_int_equal(scoreboard_get(b, "packs=e2e;topic=;count=all;mode=timed", rows, 10), 2);
    assert_int_equal(rows[0]->total, 7200);
    assert_int_equal(rows[1]->total, 0);
    scoreboard_destroy(b);
    diag_list_free(&diags);
}

static void test_all_wrong(void **state)
{
    (void)state;
    script_passes(game_home("e2e-wrong"), "quiz-all-wrong.qds", E2E_PACK);
}

static void test_all_timed_out_and_the_bar_shrinks(void **state)
{
    (void)state;
    const char *dir = game_home("e2e-timeout");
    script_passes(dir, "quiz-all-timeout.qds", E2E_PACK);
    /* the countdown bar at 10 of 20 seconds is half as long as at the start */
    TestImage start = png_load("build/test-scratch/e2e-timeout/start.png");
    TestImage half = png_load("build/test-scratch/e2e-timeout/half.png");
    int row = 768 * 9 / 100; /* the bar lies just under the status bar */
    int full = bar_width(&start, row), mid = bar_width(&half, row);
    print_message("countdown bar: %d px at 20 s, %d px at 10 s\n", full, mid);
    assert_true(full > 800);
    assert_true(mid > full * 45 / 100 && mid < full * 55 / 100);
    free(start.rgb);
    free(half.rgb);
    expect_not_blank("build/test-scratch/e2e-timeout/half.png");
}

static void test_mixed(void **state)
{
    (void)state;
    script_passes(game_home("e2e-mixed"), "quiz-mixed.qds", E2E_PACK);
    expect_not_blank("build/test-scratch/e2e-mixed/results.png");
}

static void test_every_type_by_mouse(void **state)
{
    (void)state;
    script_passes(game_home("e2e-mouse"), "quiz-mouse.qds", E2E_PACK);
}

static void test_whole_game_by_mouse(void **state)
{
    (void)state;
    const char *dir = game_home("e2e-mouse-only");
    script_passes(dir, "mouse-only.qds", "--seed 1");
    /* the choices made with the mouse were saved */
    char path[1200];
    str_format(path, sizeof path, "%s/config/quizdeck/settings.ini", dir);
    Settings s;
    settings_init(&s);
    DiagList diags = DIAGLIST_INIT;
    LoadReport report;
    memset(&report, 0, sizeof report);
    assert_true(settings_load(&s, save_io_posix(), path, 0, &diags, &report));
    assert_true(s.muted);
    assert_false(s.timed);
    assert_int_equal(s.question_count, 5);
    settings_free(&s);
    diag_list_free(&diags);
}

static void test_flashcards_three_days(void **state)
{
    (void)state;
    /* ten new cards a day on two packs, studied on three days; a new process continues */
    const char *dir = game_home("e2e-cards");
    char conf[1200], path[1300];
    str_format(conf, sizeof conf, "%s/config/quizdeck", dir);
    assert_int_equal(mkdir(conf, 0755), 0);
    str_format(path, sizeof path, "%s/settings.ini", conf);
    put_file(path, "[cards]\nnew_per_day = 10\n[quiz]\npacks = csto-members,csto-bodies\n");
    script_passes(dir, "cards-three-days.qds", "--seed 3");
    script_passes(dir, "cards-restart.qds", "--seed 3");
    /* --stats reads the same files: 26 reviews over three days, 22 cards learnt */
    StrBuf out = STRBUF_INIT;
    assert_int_equal(game(dir,
                          "--stats --now 2026-03-03T09:45:00Z --pack csto-members "
                          "--pack csto-bodies",
                          &out),
                     0);
    expect_in(&out, "packs: 2 (38 cards)");
    expect_in(&out, "new 16 \xC2\xB7 learning 22 \xC2\xB7 mature 0");
    expect_in(&out, "due today: 0 (reviews 0, new 8 left today)");
    expect_in(&out, "reviews, last 7 days: 0 0 0 0 10 13 3");
    strbuf_free(&out);
    /* every progress file reads back without a problem */
    const char *packs[] = {"csto-members", "csto-bodies"};
    for (int i = 0; i < 2; i++) {
        ProgressFile pf;
        progress_init(&pf, packs[i]);
        str_format(path, sizeof path, "%s/data/quizdeck/profiles/default/progress/%s.ini", dir,
                   packs[i]);
        DiagList diags = DIAGLIST_INIT;
        LoadReport report;
        memset(&report, 0, sizeof report);
        assert_true(progress_load(&pf, save_io_posix(), path, 0, &diags, &report));
        assert_int_equal(diags.count, 0);
        assert_false(report.set_aside);
        assert_true(pf.count > 0);
        progress_free(&pf);
        diag_list_free(&diags);
    }
}

static void test_pause_and_resume(void **state)
{
    (void)state;
    script_passes(game_home("e2e-pause"), "pause-resume.qds", E2E_PACK);
    expect_not_blank("build/test-scratch/e2e-pause/paused.png");
}

static void test_corrupt_settings(void **state)
{
    (void)state;
    const char *dir = game_home("e2e-corrupt");
    char conf[1200], path[1300];
    str_format(conf, sizeof conf, "%s/config/quizdeck", dir);
    str_format(path, sizeof path, "%s/settings.ini", conf);
    assert_int_equal(mkdir(conf, 0755), 0);
    const char noise[] = "[sound]\nmuted = maybe\n\x01\x02\xff\xfe garbage\n";
    assert_true(write_file(path, noise, sizeof noise - 1));
    script_passes(dir, "corrupt-settings.qds", "");
    /* the damaged file was kept aside, byte for byte */
    char aside[1400];
    str_format(aside, sizeof aside, "%s/settings.ini.2026-01-01T000000.bad", conf);
    size_t len = 0;
    char *kept = read_file(aside, &len);
    assert_non_null(kept);
    assert_int_equal(len, sizeof noise - 1);
    assert_memory_equal(kept, noise, len);
    free(kept);
    /* and the new settings file holds the choice made after (M: muted) */
    Settings s;
    settings_init(&s);
    DiagList diags = DIAGLIST_INIT;
    LoadReport report;
    memset(&report, 0, sizeof report);
    assert_true(settings_load(&s, save_io_posix(), path, 0, &diags, &report));
    assert_int_equal(diags.count, 0);
    assert_true(s.muted);
    settings_free(&s);
    diag_list_free(&diags);
}

static void test_corrupt_scores(void **state)
{
    (void)state;
    const char *dir = game_home("e2e-scores");
    char data[1200], path[1300];
    str_format(data, sizeof data, "%s/data/quizdeck", dir);
    str_format(path, sizeof path, "%s/scores.ini", data);
    assert_int_equal(mkdir(data, 0755), 0);
    const char noise[] = "[score]\ntotal = lots\n";
    assert_true(write_file(path, noise, sizeof noise - 1));
    script_passes(dir, "quiz-all-right.qds", E2E_PACK);
    char aside[1400];
    str_format(aside, sizeof aside, "%s/scores.ini.2026-01-01T000000.bad", data);
    size_t len = 0;
    char *kept = read_file(aside, &len);
    assert_non_null(kept);
    assert_memory_equal(kept, noise, sizeof noise - 1);
    free(kept);
    ScoreBoard *b = scoreboard_create();
    DiagList diags = DIAGLIST_INIT;
    LoadReport report;
    memset(&report, 0, sizeof report);
    assert_true(scoreboard_load(b, save_io_posix(), path, 0, &diags, &report));
    const ScoreEntry *rows[10];
    assert_int_equal(scoreboard_get(b, "packs=e2e;topic=;count=all;mode=timed", rows, 10), 1);
    scoreboard_destroy(b);
    diag_list_free(&diags);
}

static void test_same_seed_same_game(void **state)
{
    (void)state;
    /* two homes, one script, one seed: the same questions, the same pixels at the end */
    script_passes(game_home("e2e-title"), "title-flow.qds", "--seed 7");
    size_t la = 0, lb = 0;
    char *a = read_file("build/test-scratch/e2e-title/results.png", &la);
    char *h1 = read_file("build/test-scratch/e2e-title/data/quizdeck/history.log", NULL);
    assert_non_null(a);
    assert_non_null(h1);
    assert_int_equal(
        system("rm -rf build/test-scratch/e2e-title-1 && mv build/test-scratch/e2e-title "
               "build/test-scratch/e2e-title-1"),
        0);
    script_passes(game_home("e2e-title"), "title-flow.qds", "--seed 7");
    char *b = read_file("build/test-scratch/e2e-title/results.png", &lb);
    char *h2 = read_file("build/test-scratch/e2e-title/data/quizdeck/history.log", NULL);
    assert_non_null(b);
    assert_non_null(h2);
    assert_int_equal(la, lb);
    assert_memory_equal(a, b, la);
    assert_string_equal(h1, h2);
    expect_not_blank("build/test-scratch/e2e-title/title.png");
    expect_not_blank("build/test-scratch/e2e-title/start.png");
    free(a);
    free(b);
    free(h1);
    free(h2);
    /* another seed asks other questions */
    StrBuf out = STRBUF_INIT;
    const char *dir = game_home("e2e-title-8");
    put_file("build/test-scratch/e2e-title-8/first.qds", "key Return\nexpect question = ?\nquit\n");
    game(dir, "--seed 7 --script build/test-scratch/e2e-title-8/first.qds", &out);
    char first7[256];
    const char *q = strstr(strbuf_cstr(&out), "question = \"");
    assert_non_null(q);
    str_format(first7, sizeof first7, "%.60s", q);
    game(dir, "--seed 8 --script build/test-scratch/e2e-title-8/first.qds", &out);
    assert_null(strstr(strbuf_cstr(&out), first7));
    strbuf_free(&out);
}

static void test_bad_input_in_play(void **state)
{
    (void)state;
    script_passes(game_home("e2e-bad"), "bad-input.qds", E2E_PACK);
    TestImage tiny = png_load("build/test-scratch/e2e-bad/tiny.png");
    assert_int_equal(tiny.w, 320);
    assert_int_equal(tiny.h, 200);
    free(tiny.rgb);
    expect_not_blank("build/test-scratch/e2e-bad/long.png");
}

static void test_script_errors(void **state)
{
    (void)state;
    const char *dir = game_home("e2e-script");
    StrBuf out = STRBUF_INIT;
    put_file("build/test-scratch/e2e-script/unknown.qds", "key Return\n\nfly away\n");
    assert_int_equal(game(dir, "--script build/test-scratch/e2e-script/unknown.qds", &out), 2);
    expect_in(&out, "build/test-scratch/e2e-script/unknown.qds:3: error:");
    put_file("build/test-scratch/e2e-script/key.qds", "key Nokey\n");
    assert_int_equal(game(dir, "--script build/test-scratch/e2e-script/key.qds", &out), 2);
    expect_in(&out, "key.qds:1: error: unknown key name 'Nokey'");
    put_file("build/test-scratch/e2e-script/expect.qds",
             "expect screen = title\nexpect screen = quiz\nexpect nosuch = 1\n");
    assert_int_equal(game(dir, "--script build/test-scratch/e2e-script/expect.qds", &out), 1);
    expect_in(&out, "expect.qds:2: error: expect screen = quiz: the game has screen = \"title\"");
    expect_in(&out, "expect.qds:3: error: unknown state field 'nosuch'");
    assert_int_equal(game(dir, "--script build/test-scratch/e2e-script/missing.qds", &out), 2);
    expect_in(&out, "missing.qds");
    strbuf_free(&out);
}

/* A data folder with the real assets and the given packs. */
static const char *data_dir(const char *name, const char *packs_cmd)
{
    static char dir[1024];
    const char *d = scratch_dir(name);
    assert_non_null(d);
    char cwd[512];
    assert_non_null(getcwd(cwd, sizeof cwd));
    str_format(dir, sizeof dir, "%s/%s", cwd, d);
    char cmd[2048];
    str_format(cmd, sizeof cmd,
               "mkdir -p '%s/questions' '%s/data' '%s/config' '%s/run' && chmod 700 '%s/run' && "
               "cp -R assets '%s/assets' %s",
               dir, dir, dir, dir, dir, dir, packs_cmd);
    assert_int_equal(system(cmd), 0);
    return dir;
}

static void test_no_or_broken_packs(void **state)
{
    (void)state;
    StrBuf out = STRBUF_INIT;
    char args[3000];
    /* no pack at all: the game opens, says so, and a quiz cannot start */
    const char *dir = data_dir("e2e-nopacks", "");
    put_file("build/test-scratch/e2e-nopacks/s.qds",
             "expect packs = 0\nexpect warning ~ No pack\nkey Return\nexpect screen = title\n"
             "expect warning ~ No question\nscreenshot build/test-scratch/e2e-nopacks/t.png\n");
    str_format(args, sizeof args, "--data-dir %s --script %s/s.qds", dir, dir);
    assert_int_equal(game(dir, args, &out), 0);
    expect_not_blank("build/test-scratch/e2e-nopacks/t.png");
    /* every pack broken: listed as problems, the game still runs */
    dir = data_dir(
        "e2e-broken",
        "&& printf '[pack]\\nformat = 1\\n' > build/test-scratch/e2e-broken/questions/a.ini"
        " && printf 'junk\\n' > build/test-scratch/e2e-broken/questions/b.ini");
    put_file("build/test-scratch/e2e-broken/s.qds",
             "expect packs = 0\nexpect problems >= 2\nkey Return\nexpect screen = title\n");
    str_format(args, sizeof args, "--data-dir %s --script %s/s.qds", dir, dir);
    assert_int_equal(game(dir, args, &out), 0);
    /* a pack with one question plays to the end */
    dir = data_dir("e2e-one", "&& printf '[pack]\\nformat = 1\\nid = one\\ntitle = One\\n\\n"
                              "[q]\\ntype = truefalse\\nprompt = Yes?\\nanswer = true\\n"
                              "explain = Yes.\\nsource = here\\n' > "
                              "build/test-scratch/e2e-one/questions/one.ini");
    put_file("build/test-scratch/e2e-one/s.qds",
             "key Return\nexpect count = 1\nkey t\nexpect outcome = right\nkey Return\n"
             "expect screen = results\nexpect result.right = 1\n");
    str_format(args, sizeof args, "--data-dir %s --script %s/s.qds", dir, dir);
    assert_int_equal(game(dir, args, &out), 0);
    strbuf_free(&out);
}

static void test_missing_or_bad_font(void **state)
{
    (void)state;
    StrBuf out = STRBUF_INIT;
    char args[3000];
    const char *dir =
        data_dir("e2e-nofont", "&& rm build/test-scratch/e2e-nofont/assets/fonts/*.ttf");
    str_format(args, sizeof args, "--data-dir %s --script tests/scripts/corrupt-settings.qds", dir);
    assert_int_equal(game(dir, args, &out), 4);
    expect_in(&out, "DejaVuSans.ttf");
    dir = data_dir("e2e-badfont", "&& echo 'not a font' > "
                                  "build/test-scratch/e2e-badfont/assets/fonts/DejaVuSans.ttf");
    str_format(args, sizeof args, "--data-dir %s --script tests/scripts/corrupt-settings.qds", dir);
    assert_int_equal(game(dir, args, &out), 4);
    expect_in(&out, "cannot use the font");
    strbuf_free(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_all_right_keyboard),
        cmocka_unit_test(test_all_wrong),
        cmocka_unit_test(test_all_timed_out_and_the_bar_shrinks),
        cmocka_unit_test(test_mixed),
        cmocka_unit_test(test_every_type_by_mouse),
        cmocka_unit_test(test_whole_game_by_mouse),
        cmocka_unit_test(test_flashcards_three_days),
        cmocka_unit_test(test_pause_and_resume),
        cmocka_unit_test(test_corrupt_settings),
        cmocka_unit_test(test_corrupt_scores),
        cmocka_unit_test(test_same_seed_same_game),
        cmocka_unit_test(test_bad_input_in_play),
        cmocka_unit_test(test_script_errors),
        cmocka_unit_test(test_no_or_broken_packs),
        cmocka_unit_test(test_missing_or_bad_font),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
