/* test_classroom_e2e.c - the classroom mode driven by the scripts in tests/scripts/: a whole
 * game in each team mode (pads and buzzers as virtual game controllers) and one with clicker
 * keys only, checked by their expect lines and by the results files they write (rows, totals,
 * places); the projected question's line height and contrast measured on screenshots; a game
 * killed with SIGKILL mid-question and resumed. Runs build/quizdeck (QUIZDECK_BIN overrides). */
#include "support.h"

#include <dirent.h>
#include <math.h>
#include <png.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define FIXTURE "--pack tests/fixtures/classroom/good/class-test.ini --seed 1"

static void script_passes(const char *dir, const char *script, const char *args)
{
    game_script_passes(dir, "--window 1920x1080 --classroom", script, args);
}

/* ---- the results file ---- */

enum { CSV_COLS = 16, CSV_ROWS = 400 };

typedef struct Csv {
    char *cell[CSV_ROWS][CSV_COLS];
    int cols[CSV_ROWS];
    int rows;
    bool bom;
} Csv;

/* Parses RFC 4180: quoted fields with doubled quotes, CRLF or LF between records. */
static void csv_parse(const char *text, Csv *csv)
{
    memset(csv, 0, sizeof *csv);
    const char *p = text;
    if (strncmp(p, "\xEF\xBB\xBF", 3) == 0) {
        csv->bom = true;
        p += 3;
    }
    while (*p && csv->rows < CSV_ROWS) {
        int r = csv->rows++;
        for (;;) {
            StrBuf f = STRBUF_INIT;
            if (*p == '"') {
                p++;
                while (*p && !(*p == '"' && p[1] != '"')) {
                    if (*p == '"') {
                        p++; /* a doubled quote */
                    }
                    strbuf_append(&f, p, 1);
                    p++;
                }
                p += *p == '"';
            } else {
                while (*p && *p != ',' && *p != '\r' && *p != '\n') {
                    strbuf_append(&f, p, 1);
                    p++;
                }
            }
            if (csv->cols[r] < CSV_COLS) {
                csv->cell[r][csv->cols[r]++] = strdup(strbuf_cstr(&f));
            }
            strbuf_free(&f);
            if (*p == ',') {
                p++;
                continue;
            }
            p += *p == '\r';
            p += *p == '\n';
            break;
        }
    }
}

static void csv_free(Csv *csv)
{
    for (int r = 0; r < csv->rows; r++) {
        for (int c = 0; c < csv->cols[r]; c++) {
            free(csv->cell[r][c]);
        }
    }
}

/* The newest results file in `dir`/data/quizdeck/results (the summary when `summary`). */
static char *results_file(const char *dir, bool summary)
{
    char folder[1200];
    str_format(folder, sizeof folder, "%s/data/quizdeck/results", dir);
    DIR *d = opendir(folder);
    assert_non_null(d);
    char best[256] = "";
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        bool is_summary = n > 12 && strcmp(e->d_name + n - 12, "-summary.csv") == 0;
        if (n > 4 && strcmp(e->d_name + n - 4, ".csv") == 0 && is_summary == summary &&
            strcmp(e->d_name, best) > 0) {
            str_copy(best, sizeof best, e->d_name);
        }
    }
    closedir(d);
    assert_true(best[0] != '\0');
    char path[1500];
    str_format(path, sizeof path, "%s/%s", folder, best);
    char *text = read_file(path, NULL);
    assert_non_null(text);
    return text;
}

/* Checks the per-game CSV: the header, one row per team and question, each team's running
 * total the sum of its points; returns the teams' final totals by name order of appearance. */
static int check_results(const char *dir, int teams, int questions, long totals[8])
{
    char *text = results_file(dir, false);
    Csv csv;
    csv_parse(text, &csv);
    free(text);
    assert_true(csv.bom);
    assert_int_equal(csv.cols[0], 10);
    assert_string_equal(csv.cell[0][0], "date");
    assert_string_equal(csv.cell[0][9], "running total");
    assert_int_equal(csv.rows - 1, teams * questions);
    char names[8][64];
    long sum[8] = {0};
    int found = 0;
    for (int r = 1; r < csv.rows; r++) {
        assert_int_equal(csv.cols[r], 10);
        int t = 0;
        while (t < found && strcmp(names[t], csv.cell[r][4]) != 0) {
            t++;
        }
        if (t == found) {
            assert_true(found < 8);
            str_copy(names[found++], sizeof names[0], csv.cell[r][4]);
        }
        sum[t] += atol(csv.cell[r][8]);
        assert_int_equal(atol(csv.cell[r][9]), sum[t]);
        totals[t] = sum[t];
    }
    assert_int_equal(found, teams);
    csv_free(&csv);
    /* the summary has one row per question of the game, `asked` for those played */
    text = results_file(dir, true);
    csv_parse(text, &csv);
    free(text);
    assert_true(csv.bom);
    assert_string_equal(csv.cell[0][5], "asked");
    int asked = 0;
    for (int r = 1; r < csv.rows; r++) {
        asked += strcmp(csv.cell[r][5], "yes") == 0;
    }
    assert_int_equal(asked, questions);
    csv_free(&csv);
    return found;
}

/* Places with ties shared (1, 2, 2, 4). */
static void places(const long *totals, int n, int *out)
{
    for (int i = 0; i < n; i++) {
        out[i] = 1;
        for (int j = 0; j < n; j++) {
            out[i] += totals[j] > totals[i];
        }
    }
}

static void test_whole_class(void **state)
{
    (void)state;
    const char *dir = game_home("class-whole");
    script_passes(dir, "classroom-whole.qds", FIXTURE);
    long totals[8];
    assert_int_equal(check_results(dir, 1, 7, totals), 1);
    assert_int_equal(totals[0], 530);
    print_message("whole class: %ld points\n", totals[0]);
}

static void expect_places(const char *dir, int teams, int questions, const int *want)
{
    long totals[8];
    int got[8];
    check_results(dir, teams, questions, totals);
    places(totals, teams, got);
    for (int i = 0; i < teams; i++) {
        print_message("team %d: %ld points, place %d\n", i + 1, totals[i], got[i]);
        assert_int_equal(got[i], want[i]);
    }
}

static void test_turns(void **state)
{
    (void)state;
    const char *dir = game_home("class-turns");
    script_passes(dir, "classroom-turns.qds", "--teams 3 " FIXTURE);
    expect_places(dir, 3, 3, (const int[]){3, 2, 1});
    /* a team name that would be a spreadsheet formula is written as text */
    char *text = results_file(dir, false);
    assert_non_null(strstr(text, ",'=SUM(1;2),"));
    assert_non_null(strstr(text, "\xD0\x9A\xD0\xBE\xD0\xBC")); /* Cyrillic kept */
    assert_non_null(strstr(text, "\r\n"));
    free(text);
}

static void test_buzzer(void **state)
{
    (void)state;
    const char *dir = game_home("class-buzzer");
    script_passes(dir, "classroom-buzzer.qds", "--teams 3 " FIXTURE);
    expect_places(dir, 3, 3, (const int[]){1, 1, 3}); /* a tie shares first place */
}

static void test_answer_pads(void **state)
{
    (void)state;
    const char *dir = game_home("class-pads");
    script_passes(dir, "classroom-pads.qds", "--teams 4 " FIXTURE);
    expect_places(dir, 4, 2, (const int[]){1, 4, 1, 3});
}

static void test_clicker_only(void **state)
{
    (void)state;
    const char *dir = game_home("class-clicker");
    script_passes(dir, "classroom-clicker.qds", FIXTURE);
    /* only PageDown, PageUp, Space and B after the setup */
    char *text = read_file("tests/scripts/classroom-clicker.qds", NULL);
    assert_non_null(text);
    const char *start = strstr(text, "key F5");
    assert_non_null(start);
    for (const char *line = strstr(start, "\n"); line && line[1]; line = strstr(line + 1, "\n")) {
        const char *l = line + 1;
        if (strncmp(l, "key ", 4) == 0) {
            bool clicker = strncmp(l + 4, "PageDown", 8) == 0 || strncmp(l + 4, "PageUp", 6) == 0 ||
                           strncmp(l + 4, "Space", 5) == 0 || strncmp(l + 4, "b\n", 2) == 0 ||
                           strncmp(l + 4, "period", 6) == 0 || strncmp(l + 4, ".\n", 2) == 0;
            if (!clicker) {
                print_error("not a clicker key after the setup: %.30s\n", l);
                fail();
            }
        }
        assert_true(strncmp(l, "click", 5) != 0);
    }
    free(text);
    long totals[8];
    check_results(dir, 1, 7, totals);
}

/* ---- reading from the back of the room ---- */

static double channel(unsigned char c)
{
    double v = c / 255.0;
    return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
}

/* WCAG relative luminance. */
static double luminance(const unsigned char *p)
{
    return 0.2126 * channel(p[0]) + 0.7152 * channel(p[1]) + 0.0722 * channel(p[2]);
}

/* Measures the question on the reading step: the text's line pitch (from the tops of its lines)
 * as a share of the height, and the contrast of its colour against the background. */
static void measure(const char *size, double *pitch_share, double *contrast)
{
    const char *dir = game_home("class-measure");
    char args[300];
    str_format(args, sizeof args,
               "--window %s --classroom --pack tests/scripts/class-measure.ini "
               "--script tests/scripts/classroom-measure.qds",
               size);
    StrBuf out = STRBUF_INIT;
    int rc = game_run(dir, args, &out);
    if (rc != 0) {
        print_error("%s\n", strbuf_cstr(&out));
    }
    assert_int_equal(rc, 0);
    strbuf_free(&out);
    TestImage im = png_load("build/test-scratch/class-measure/reading.png");
    /* the question sits between the status bar and the team strip: the middle 70 % */
    int y0 = im.h * 12 / 100, y1 = im.h * 82 / 100;
    /* background: the colour of the left margin; text: the brightest colour in the area */
    const unsigned char *bg = im.rgb + ((size_t)(im.h / 2) * (size_t)im.w + 2) * 3;
    double lbg = luminance(bg), ltext = lbg;
    for (int y = y0; y < y1; y++) {
        for (int x = 0; x < im.w; x++) {
            double l = luminance(im.rgb + ((size_t)y * (size_t)im.w + (size_t)x) * 3);
            ltext = l > ltext ? l : ltext;
        }
    }
    double hi = ltext > lbg ? ltext : lbg, lo = ltext > lbg ? lbg : ltext;
    *contrast = (hi + 0.05) / (lo + 0.05);
    /* rows holding text-coloured pixels, grouped into lines; the pitch is the median distance
     * between the tops of consecutive lines */
    int tops[64], lines = 0;
    bool in_line = false;
    for (int y = y0; y < y1; y++) {
        int ink = 0;
        for (int x = 0; x < im.w; x++) {
            double l = luminance(im.rgb + ((size_t)y * (size_t)im.w + (size_t)x) * 3);
            ink += l > (ltext + lbg) / 2;
        }
        if (ink > 0 && !in_line && lines < 64) {
            tops[lines++] = y;
        }
        in_line = ink > 0;
    }
    assert_true(lines >= 3);
    int gaps[64];
    for (int i = 1; i < lines; i++) {
        gaps[i - 1] = tops[i] - tops[i - 1];
    }
    /* sort the gaps to take the median */
    for (int i = 0; i < lines - 1; i++) {
        for (int j = i + 1; j < lines - 1; j++) {
            if (gaps[j] < gaps[i]) {
                int t = gaps[i];
                gaps[i] = gaps[j];
                gaps[j] = t;
            }
        }
    }
    *pitch_share = (double)gaps[(lines - 1) / 2] / im.h;
    print_message("%s: %d lines, line height %.1f %% of the height, contrast %.1f:1\n", size, lines,
                  *pitch_share * 100, *contrast);
    free(im.rgb);
}

static void test_readable_from_the_back(void **state)
{
    (void)state;
    const char *sizes[] = {"1920x1080", "1024x768"};
    for (int i = 0; i < 2; i++) {
        double share, contrast;
        measure(sizes[i], &share, &contrast);
        assert_true(share >= 0.05);
        assert_true(contrast >= 7.0);
    }
}

/* ---- a game killed mid-question ---- */

static void test_killed_and_resumed(void **state)
{
    (void)state;
    const char *dir = game_home("class-killed");
    char env[3500], cmd[8000];
    game_env(env, sizeof env, dir);
    /* the script pauses mid-question and waits a virtual day: the game is killed meanwhile */
    str_format(cmd, sizeof cmd,
               "%s exec %s --window 1920x1080 --classroom --teams 3 " FIXTURE
               " --script tests/scripts/classroom-killed.qds >/dev/null 2>&1 & echo $!",
               env, game_binary());
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    int pid = 0;
    assert_int_equal(fscanf(p, "%d", &pid), 1);
    pclose(p);
    char state_path[1300];
    str_format(state_path, sizeof state_path, "%s/data/quizdeck/classroom/state.ini", dir);
    /* wait until the second question's state is saved, then a moment more */
    bool saved = false;
    for (int i = 0; i < 200 && !saved; i++) {
        char *text = read_file(state_path, NULL);
        saved = text && strstr(text, "position = 1");
        free(text);
        struct timespec ts = {0, 20 * 1000000L};
        nanosleep(&ts, NULL);
    }
    assert_true(saved);
    struct timespec ts = {0, 500 * 1000000L};
    nanosleep(&ts, NULL);
    assert_int_equal(kill(pid, 0), 0); /* still running: killed in the middle */
    assert_int_equal(kill(pid, SIGKILL), 0);
    /* the next start offers the game and resumes it at that question with the scores */
    script_passes(dir, "classroom-resume-2.qds",
                  "--teams 3 " FIXTURE " --results-dir /proc/quizdeck-cannot-write");
    long totals[8];
    check_results(dir, 3, 2, totals);
    assert_int_equal(totals[0], 100); /* the first question's points, kept through the kill */
}

static void test_answer_key(void **state)
{
    (void)state;
    const char *dir = game_home("class-key");
    StrBuf out = STRBUF_INIT;
    char args[1200];
    str_format(args, sizeof args, "--answer-key csto-members");
    char env[3500], cmd[8000];
    game_env(env, sizeof env, dir);
    str_format(cmd, sizeof cmd, "cd '%s' && %s '%s/%s' %s 2>&1", dir, env,
               getcwd((char[512]){0}, 512), game_binary(), args);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    char buf[512];
    size_t n = fread(buf, 1, sizeof buf - 1, p);
    buf[n] = '\0';
    assert_int_equal(pclose(p), 0);
    assert_non_null(strstr(buf, "csto-members-answer-key.csv"));
    char path[1300];
    str_format(path, sizeof path, "%s/csto-members-answer-key.csv", dir);
    char *text = read_file(path, NULL);
    assert_non_null(text);
    Csv csv;
    csv_parse(text, &csv);
    free(text);
    assert_true(csv.bom);
    assert_true(csv.rows >= 16);
    csv_free(&csv);
    strbuf_free(&out);
}

/* ---- a new game over an earlier game's file ---- */

/* Starting a new game never writes over the file of an earlier one: it is kept as
 * state.ini.previous, or, when that cannot be done, the new game is not saved at all. */
static void test_new_game_keeps_earlier(void **state)
{
    (void)state;
    static const char earlier[] = "[classroom]\nformat = 1\nthis = is an earlier game\n";
    for (int blocked = 0; blocked < 2; blocked++) {
        const char *dir = game_home(blocked ? "class-earlier-blocked" : "class-earlier");
        char folder[1300], path[1400], previous[1500], inside[1600];
        str_format(folder, sizeof folder, "%s/data/quizdeck/classroom", dir);
        str_format(path, sizeof path, "%s/state.ini", folder);
        str_format(previous, sizeof previous, "%s.previous", path);
        char quizdeck[1300];
        str_format(quizdeck, sizeof quizdeck, "%s/data/quizdeck", dir);
        mkdir(quizdeck, 0755);
        assert_int_equal(mkdir(folder, 0755), 0);
        assert_true(write_file(path, earlier, sizeof earlier - 1));
        if (blocked) {
            /* a folder that is not empty where .previous would go: the rename fails */
            assert_int_equal(mkdir(previous, 0755), 0);
            str_format(inside, sizeof inside, "%s/keep", previous);
            assert_true(write_file(inside, "x", 1));
        }
        script_passes(dir, blocked ? "classroom-new-blocked.qds" : "classroom-new-over-saved.qds",
                      "--teams 3 " FIXTURE);
        size_t len = 0;
        char *text = read_file(blocked ? path : previous, &len);
        assert_non_null(text);
        assert_int_equal(len, sizeof earlier - 1);
        assert_memory_equal(text, earlier, len);
        free(text);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_whole_class),
        cmocka_unit_test(test_turns),
        cmocka_unit_test(test_buzzer),
        cmocka_unit_test(test_answer_pads),
        cmocka_unit_test(test_clicker_only),
        cmocka_unit_test(test_readable_from_the_back),
        cmocka_unit_test(test_killed_and_resumed),
        cmocka_unit_test(test_new_game_keeps_earlier),
        cmocka_unit_test(test_answer_key),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
