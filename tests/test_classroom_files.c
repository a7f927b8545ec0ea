/* test_classroom_files.c - the classroom game's files: the resume file (save after a step, load,
 * the same state, the same end), damaged state files (every tests/fixtures/classroom/bad/NAME.ini
 * against tests/expected/classroom/bad-NAME.txt) and outdated ones, the results and summary CSV
 * and the answer key against golden files, and the fallback folder when the chosen one fails.
 * UPDATE_GOLDEN=1 rewrites tests/expected/classroom/. */
#include "support.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/classroom.h"

static Pack *pack;
static QuizPick picks[16];
static int pick_count;

enum { NOW = 1795947300 }; /* 2026-11-29T10:15:00Z */
#define EXPECTED "tests/expected/classroom/"

static int setup(void **state)
{
    (void)state;
    DiagList d = DIAGLIST_INIT;
    pack = pack_load_file("tests/fixtures/classroom/good/class-test.ini", &d);
    diag_list_free(&d);
    if (!pack) {
        return -1;
    }
    pick_count = pack->question_count;
    for (int i = 0; i < pick_count; i++) {
        picks[i] = (QuizPick){pack, &pack->questions[i]};
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    pack_destroy(pack);
    return 0;
}

/* Team names a spreadsheet must survive. */
static const char *const names[] = {
    "Ракета 🚀",          /* Cyrillic and an emoji */
    "Smith, \"Q\" & Co", /* a comma and quotes */
    "=HYPERLINK(\"x\")", /* a formula */
    "Two\nLines",        /* a newline */
};

static ClassGame *new_game(ClassMode mode, int teams, uint64_t seed)
{
    ClassConfig cfg;
    classroom_config_default(&cfg, mode, teams);
    for (int t = 0; t < teams; t++) {
        str_copy(cfg.team_names[t], sizeof cfg.team_names[t], names[t]);
    }
    cfg.seed = seed;
    cfg.reading_ms = 2000;
    ClassGame *g = classroom_create(&cfg, picks, pick_count, 0);
    assert_non_null(g);
    return g;
}

/* Team 3 never answers every third question (a timeout). */
static bool silent(const ClassGame *g, int t)
{
    return t == 3 && classroom_position(g) % 3 == 1;
}

/* The scripted answer of team `t` to the current question at `now`: some right, some wrong;
 * the teacher enters the types pads cannot answer. */
static void play_team(ClassGame *g, int t, uint64_t now)
{
    const Question *q = classroom_question(g, classroom_position(g));
    bool right = (t + classroom_position(g)) % 3 != 2;
    Answer a;
    memset(&a, 0, sizeof a);
    switch (q->type) {
    case QTYPE_SINGLE:
    case QTYPE_MULTI:
        a.picked = right                    ? q->correct
                   : q->type == QTYPE_MULTI ? (uint8_t)(q->correct ^ 1u)
                   : q->correct == 1u       ? 2u
                                            : 1u;
        break;
    case QTYPE_TRUEFALSE:
        a.truth = right ? q->truth : !q->truth;
        break;
    case QTYPE_TEXT:
        a.text = right ? "Москва" : "=Minsk, \"the\" capital";
        break;
    case QTYPE_NUMBER:
        a.text = right ? "1 992" : "-2002";
        break;
    case QTYPE_ORDER:
        a.order_count = q->choice_count;
        for (int i = 0; i < q->choice_count; i++) {
            a.order[i] = right ? i : q->choice_count - 1 - i;
        }
        break;
    case QTYPE_COUNT:
        break;
    }
    assert_int_equal(classroom_answer(g, t, &a, now), CLASS_INPUT_TAKEN);
}

/* One scripted action in any state, decided by the state alone (so a resumed game goes on the
 * same way). Returns the time after it. */
static uint64_t act(ClassGame *g, uint64_t now)
{
    ClassStep step = classroom_step(g);
    if (step == CLASS_STEP_READING) {
        classroom_tick(g, now += 2000);
        return now;
    }
    if (step != CLASS_STEP_ANSWERING) {
        classroom_next(g, now += 100);
        return now;
    }
    int n = classroom_team_count(g), active = classroom_active_team(g, NULL);
    ClassMode mode = classroom_config(g)->mode;
    now += 1500;
    if (mode == CLASS_TURNS && !silent(g, active)) {
        play_team(g, active, now);
        return now;
    }
    if (mode == CLASS_BUZZER && active >= 0) {
        play_team(g, active, now);
        return now;
    }
    for (int t = 0; mode != CLASS_TURNS && t < n; t++) {
        if (!classroom_has_answered(g, t) && !classroom_is_locked(g, t) && !silent(g, t)) {
            if (mode == CLASS_BUZZER) {
                assert_int_equal(classroom_buzz(g, t, now), t);
            } else {
                play_team(g, t, now);
            }
            return now;
        }
    }
    classroom_tick(g, now += 60000); /* time up for whoever did not answer */
    return now;
}

typedef void (*StepFn)(ClassGame *g, uint64_t now, void *ctx);

/* Acts until the podium, calling `step` (may be NULL) after every action. */
static uint64_t play_all_with(ClassGame *g, uint64_t now, StepFn step, void *ctx)
{
    for (int guard = 0; classroom_step(g) != CLASS_STEP_END_PODIUM && guard < 1000; guard++) {
        now = act(g, now);
        if (step) {
            step(g, now, ctx);
        }
    }
    assert_int_equal(classroom_step(g), CLASS_STEP_END_PODIUM);
    return now;
}

static void play_all(ClassGame *g, uint64_t now)
{
    play_all_with(g, now, NULL, NULL);
}

static void check_golden(const char *name, const StrBuf *got)
{
    char path[256];
    str_format(path, sizeof path, EXPECTED "%s", name);
    if (getenv("UPDATE_GOLDEN")) {
        assert_true(write_file(path, strbuf_cstr(got), got->len));
    }
    size_t len = 0;
    char *want = read_file(path, &len);
    assert_non_null(want);
    assert_int_equal(len, got->len);
    assert_memory_equal(want, strbuf_cstr(got), len);
    free(want);
}

static void test_csv_golden(void **state)
{
    (void)state;
    ClassGame *g = new_game(CLASS_PADS, 4, 7);
    play_all(g, 0);
    assert_int_equal(classroom_step(g), CLASS_STEP_END_PODIUM);
    StrBuf results = STRBUF_INIT, summary = STRBUF_INIT, key = STRBUF_INIT;
    classroom_results_csv(g, NOW, &results);
    classroom_summary_csv(g, NOW, &summary);
    classroom_answer_key_csv(pack, &key);
    check_golden("results.csv", &results);
    check_golden("summary.csv", &summary);
    check_golden("answer-key.csv", &key);
    /* the properties the golden files must keep */
    const char *r = strbuf_cstr(&results);
    assert_memory_equal(r, "\xEF\xBB\xBF", 3);
    assert_non_null(strstr(r, "\"Smith, \"\"Q\"\" & Co\""));
    assert_non_null(strstr(r, ",\"'=HYPERLINK(\"\"x\"\")\","));
    assert_non_null(strstr(r, ",\"Two\nLines\","));
    assert_non_null(strstr(r, ",Ракета 🚀,"));
    assert_non_null(strstr(r, "\"'=Minsk, \"\"the\"\" capital\""));
    assert_non_null(strstr(r, ",'-2002,"));
    assert_non_null(strstr(r, ",-20,")); /* numbers the game writes stay numbers */
    for (const char *p = strchr(r, '\n'); p; p = strchr(p + 1, '\n')) {
        if (p[-1] != '\r') {
            /* a bare \n only inside the quoted team name */
            assert_memory_equal(p - 3, "Two\nLines", 9);
        }
    }
    assert_non_null(strstr(strbuf_cstr(&summary), "'-Pick the sixth letter"));
    strbuf_free(&results);
    strbuf_free(&summary);
    strbuf_free(&key);
    classroom_destroy(g);
}

/* ---- a SaveIo whose folders under `deny` cannot be created or written ---- */

typedef struct Deny {
    SaveIo io;
    const char *prefix;
} Deny;

static bool denied(void *ctx, const char *path)
{
    const Deny *d = ctx;
    return strncmp(path, d->prefix, strlen(d->prefix)) == 0;
}

static int deny_open(void *ctx, const char *path, int flags, mode_t mode)
{
    if (denied(ctx, path)) {
        errno = EACCES;
        return -1;
    }
    return save_io_posix()->open(NULL, path, flags, mode);
}

static int deny_mkdir(void *ctx, const char *path, mode_t mode)
{
    if (denied(ctx, path)) {
        errno = EACCES;
        return -1;
    }
    return save_io_posix()->mkdir(NULL, path, mode);
}

static void deny_init(Deny *d, const char *prefix)
{
    d->io = *save_io_posix();
    d->io.open = deny_open;
    d->io.mkdir = deny_mkdir;
    d->io.ctx = d;
    d->prefix = prefix;
}

static void test_results_files_and_fallback(void **state)
{
    (void)state;
    const char *base = scratch_dir("classroom-results");
    assert_non_null(base);
    char dir[256], fallback[256], chosen_parent[256];
    str_format(dir, sizeof dir, "%s/chosen/results", base);
    str_format(chosen_parent, sizeof chosen_parent, "%s/chosen", base);
    str_format(fallback, sizeof fallback, "%s/default", base);
    ClassGame *g = new_game(CLASS_PADS, 4, 7);
    play_all(g, 0);
    ClassResultFiles files;
    SaveError e;
    assert_true(classroom_write_results(g, save_io_posix(), dir, fallback, NOW, &files, &e));
    assert_false(files.fell_back);
    char want[512];
    str_format(want, sizeof want, "%s/2026-11-29T101500-class-test.csv", dir);
    assert_string_equal(files.results, want);
    str_format(want, sizeof want, "%s/2026-11-29T101500-class-test-summary.csv", dir);
    assert_string_equal(files.summary, want);
    StrBuf expect = STRBUF_INIT;
    classroom_results_csv(g, NOW, &expect);
    size_t len;
    char *got = read_file(files.results, &len);
    assert_non_null(got);
    assert_int_equal(len, expect.len);
    assert_memory_equal(got, expect.data, len);
    free(got);
    /* a second game in the same second gets its own name */
    assert_true(classroom_write_results(g, save_io_posix(), dir, fallback, NOW, &files, &e));
    str_format(want, sizeof want, "%s/2026-11-29T101500-class-test-2.csv", dir);
    assert_string_equal(files.results, want);

    /* the chosen folder cannot be written: the default folder takes the files */
    Deny deny;
    deny_init(&deny, chosen_parent);
    assert_true(classroom_write_results(g, &deny.io, dir, fallback, NOW, &files, &e));
    assert_true(files.fell_back);
    assert_non_null(strstr(files.results, "/default/2026-11-29T101500-class-test.csv"));
    assert_non_null(strstr(e.message, "Permission denied"));
    assert_non_null(strstr(e.message, "saved in"));
    got = read_file(files.summary, &len);
    assert_non_null(got);
    free(got);
    got = read_file(files.results, &len);
    assert_non_null(got);
    assert_memory_equal(got, expect.data, len);
    free(got);
    /* both fail: false, and the message says so */
    deny_init(&deny, base);
    assert_false(classroom_write_results(g, &deny.io, dir, fallback, NOW, &files, &e));
    assert_non_null(strstr(e.message, "Permission denied"));
    strbuf_free(&expect);

    /* the answer key */
    char key[256];
    str_format(key, sizeof key, "%s/key/class-test-key.csv", base);
    assert_true(classroom_write_answer_key(pack, save_io_posix(), key, &e));
    got = read_file(key, &len);
    StrBuf k = STRBUF_INIT;
    classroom_answer_key_csv(pack, &k);
    assert_non_null(got);
    assert_int_equal(len, k.len);
    free(got);
    strbuf_free(&k);
    classroom_destroy(g);
}

/* ---- resume ---- */

typedef struct SaveCtx {
    const char *path;
    int saves;
    int stop_at; /* the save after which the game "crashes" */
    char *dump;  /* the dump at that save, paused */
    uint64_t now;
} SaveCtx;

static void save_step(ClassGame *g, uint64_t now, void *ctx)
{
    SaveCtx *c = ctx;
    SaveError e;
    c->saves++;
    if (c->saves == c->stop_at) {
        classroom_pause(g, now); /* what the resumed game will show */
        StrBuf sb = STRBUF_INIT;
        classroom_dump(g, now, &sb);
        c->dump = sb.data;
        c->now = now;
        assert_true(classroom_save(g, save_io_posix(), c->path, now, &e));
        classroom_resume(g, now);
    } else if (c->saves < c->stop_at) {
        assert_true(classroom_save(g, save_io_posix(), c->path, now, &e));
    }
}

static void resume_at(ClassMode mode, int teams, int stop_at)
{
    const char *dir = scratch_dir("classroom-resume");
    char path[256];
    str_format(path, sizeof path, "%s/classroom.ini", dir);
    /* the whole game, saved after every action; at `stop_at` the state is dumped */
    ClassGame *ref = new_game(mode, teams, 11);
    SaveCtx ctx = {path, 0, stop_at, NULL, 0};
    play_all_with(ref, 0, save_step, &ctx);
    assert_non_null(ctx.dump);
    /* load what was saved then, on a clock with another origin: the same state */
    DiagList d = DIAGLIST_INIT;
    ClassLoadStatus st;
    uint64_t t = 5000000;
    ClassGame *g = classroom_load(picks, pick_count, save_io_posix(), path, NOW, t, &d, &st);
    assert_int_equal(st, CLASS_LOAD_OK);
    assert_non_null(g);
    assert_int_equal(d.count, 0);
    StrBuf sb = STRBUF_INIT;
    classroom_dump(g, t, &sb);
    assert_string_equal(strbuf_cstr(&sb), ctx.dump);
    /* the teacher resumes; the same moves give the same end */
    classroom_resume(g, t);
    play_all(g, t);
    StrBuf end_ref = STRBUF_INIT, end = STRBUF_INIT;
    classroom_dump(ref, 0, &end_ref);
    classroom_dump(g, 0, &end);
    assert_string_equal(strbuf_cstr(&end), strbuf_cstr(&end_ref));
    ClassRank a[CLASS_TEAMS_MAX], b[CLASS_TEAMS_MAX];
    int n = classroom_ranking(g, a);
    assert_int_equal(classroom_ranking(ref, b), n);
    assert_memory_equal(a, b, (size_t)n * sizeof a[0]);
    strbuf_free(&sb);
    strbuf_free(&end_ref);
    strbuf_free(&end);
    free(ctx.dump);
    diag_list_free(&d);
    classroom_destroy(g);
    classroom_destroy(ref);
}

static void test_resume_same_state(void **state)
{
    (void)state;
    for (int stop = 1; stop < 40; stop += 3) {
        resume_at(CLASS_PADS, 4, stop);
    }
    resume_at(CLASS_TURNS, 3, 5);
    resume_at(CLASS_BUZZER, 4, 9);
    resume_at(CLASS_WHOLE, 0, 4);
}

/* A team name with a byte-order mark in it (U+FEFF, pasted in) is escaped: the game saves and
 * resumes with the name as it was (fuzzing found the saved game then read as damaged). */
static void test_name_with_byte_order_mark(void **state)
{
    (void)state;
    const char *dir = scratch_dir("classroom-mark");
    char path[256];
    str_format(path, sizeof path, "%s/classroom.ini", dir);
    ClassConfig cfg;
    classroom_config_default(&cfg, CLASS_PADS, 2);
    str_copy(cfg.team_names[1], sizeof cfg.team_names[1], "\xEF\xBB\xBFRed\xEF\xBB\xBF Team");
    ClassGame *g = classroom_create(&cfg, picks, pick_count, 0);
    assert_non_null(g);
    SaveError e;
    assert_true(classroom_save(g, save_io_posix(), path, 10, &e));
    DiagList d = DIAGLIST_INIT;
    ClassLoadStatus st;
    ClassGame *h = classroom_load(picks, pick_count, save_io_posix(), path, NOW, 10, &d, &st);
    assert_int_equal(st, CLASS_LOAD_OK);
    assert_int_equal(d.count, 0);
    assert_string_equal(classroom_team_name(h, 1), cfg.team_names[1]);
    classroom_destroy(h);
    classroom_destroy(g);
    diag_list_free(&d);
}

/* A saved game written by hand: it loads, paused, with its team names intact. */
static void test_good_state_file(void **state)
{
    (void)state;
    const char *dir = scratch_dir("classroom-good");
    char path[256];
    str_format(path, sizeof path, "%s/classroom.ini", dir);
    size_t len;
    char *data = read_file("tests/fixtures/classroom/good/state-pads.ini", &len);
    assert_non_null(data);
    assert_true(write_file(path, data, len));
    free(data);
    DiagList d = DIAGLIST_INIT;
    ClassLoadStatus st;
    ClassGame *g = classroom_load(picks, pick_count, save_io_posix(), path, NOW, 777, &d, &st);
    assert_int_equal(st, CLASS_LOAD_OK);
    assert_non_null(g);
    assert_string_equal(classroom_team_name(g, 0), "=Ракета; 🚀, \"Q\"");
    assert_string_equal(classroom_team_name(g, 1), "Two\nLines");
    assert_true(classroom_team_is_absent(g, 1));
    assert_true(classroom_is_paused(g));
    assert_int_equal(classroom_time_left(g, 999999), 15000 - 4200);
    StrBuf sb = STRBUF_INIT;
    classroom_dump(g, 777, &sb);
    check_golden("state-pads.txt", &sb);
    /* saved again, it reads back the same */
    SaveError e;
    assert_true(classroom_save(g, save_io_posix(), path, 777, &e));
    ClassGame *h = classroom_load(picks, pick_count, save_io_posix(), path, NOW, 9, &d, &st);
    assert_non_null(h);
    StrBuf again = STRBUF_INIT;
    classroom_dump(h, 9, &again);
    assert_string_equal(strbuf_cstr(&again), strbuf_cstr(&sb));
    /* the absent team is not waited for: team 1 answered, so resuming closes the question */
    classroom_resume(h, 10);
    assert_true(classroom_tick(h, 11));
    assert_int_equal(classroom_step(h), CLASS_STEP_CLOSED);
    strbuf_free(&sb);
    strbuf_free(&again);
    diag_list_free(&d);
    classroom_destroy(g);
    classroom_destroy(h);
}

/* Golden files for the damaged state files: every tests/fixtures/classroom/bad/NAME.ini is put
 * where the game keeps its state and loaded; the dump (status, diagnostics, what was set aside)
 * is compared with tests/expected/classroom/bad-NAME.txt. */
static void dump_state(const char *fixture, StrBuf *out)
{
    const char *dir = scratch_dir("classroom-bad");
    assert_non_null(dir);
    char path[256], aside[300];
    str_format(path, sizeof path, "%s/classroom.ini", dir);
    size_t len;
    char *data = read_file(fixture, &len);
    assert_non_null(data);
    assert_true(write_file(path, data, len));
    DiagList d = DIAGLIST_INIT;
    ClassLoadStatus st = CLASS_LOAD_OK;
    ClassGame *g = classroom_load(picks, pick_count, save_io_posix(), path, NOW, 0, &d, &st);
    static const char *const statuses[CLASS_LOAD_STATUS_COUNT] = {"ok", "missing", "damaged",
                                                                  "pack changed", "failed"};
    StrBuf tmp = STRBUF_INIT;
    strbuf_printf(&tmp, "# load: %s\n", statuses[st]);
    diag_list_format(&d, &tmp);
    str_format(aside, sizeof aside, "%s.2026-11-29T101500.bad", path);
    size_t alen = 0;
    char *kept = read_file(aside, &alen);
    strbuf_printf(&tmp, "# %s, %s\n", access(path, F_OK) == 0 ? "file left" : "file gone",
                  !kept                                         ? "nothing set aside"
                  : alen == len && memcmp(kept, data, len) == 0 ? "set aside byte for byte"
                                                                : "set aside CHANGED");
    /* the folder's name is the scratch folder's: keep the expected text free of it */
    size_t n = strlen(dir);
    for (const char *p = strbuf_cstr(&tmp); *p;) {
        if (strncmp(p, dir, n) == 0 && p[n] == '/') {
            p += n + 1;
        } else {
            strbuf_append(out, p++, 1);
        }
    }
    strbuf_free(&tmp);
    free(kept);
    free(data);
    classroom_destroy(g);
    diag_list_free(&d);
}

/* A damaged file is set aside with a warning, and nothing is restored. */
static const char *check_state(const char *fixture, const char *dump)
{
    if (!strstr(dump, "# load: damaged\n")) {
        return "a damaged state file was not reported as damaged";
    }
    if (!strstr(dump, ": warning: ")) {
        return "a damaged state file gave no warning";
    }
    return strstr(dump, "# file gone, set aside byte for byte\n")
               ? NULL
               : "a damaged state file was not set aside unchanged";
}

static void test_damaged_state_files(void **state)
{
    (void)state;
    assert_true(golden_check_dir("classroom", "bad", ".ini", dump_state, check_state) >= 29);
    /* no file: nothing to resume */
    DiagList d = DIAGLIST_INIT;
    ClassLoadStatus st;
    assert_null(classroom_load(picks, pick_count, save_io_posix(), "build/none/classroom.ini", NOW,
                               0, &d, &st));
    assert_int_equal(st, CLASS_LOAD_MISSING);
}

/* A pack whose question got a new revision, or lost one: not resumed, the file left alone. */
static void test_changed_pack(void **state)
{
    (void)state;
    const char *dir = scratch_dir("classroom-changed");
    char path[256];
    str_format(path, sizeof path, "%s/classroom.ini", dir);
    ClassGame *g = new_game(CLASS_PADS, 2, 3);
    SaveError e;
    assert_true(classroom_save(g, save_io_posix(), path, 0, &e));
    classroom_destroy(g);
    QuizPick changed[16];
    Question copy[16];
    for (int i = 0; i < pick_count; i++) {
        copy[i] = pack->questions[i];
        changed[i] = (QuizPick){pack, &copy[i]};
    }
    copy[2].revision = 2;
    DiagList d = DIAGLIST_INIT;
    ClassLoadStatus st;
    assert_null(classroom_load(changed, pick_count, save_io_posix(), path, NOW, 0, &d, &st));
    assert_int_equal(st, CLASS_LOAD_PACK_CHANGED);
    assert_true(has_diag(&d, DIAG_WARNING, 0, "new revision"));
    assert_int_equal(access(path, F_OK), 0);
    diag_list_free(&d);
    assert_null(classroom_load(picks, pick_count - 1, save_io_posix(), path, NOW, 0, &d, &st));
    assert_int_equal(st, CLASS_LOAD_PACK_CHANGED);
    diag_list_free(&d);
    g = classroom_load(picks, pick_count, save_io_posix(), path, NOW, 0, &d, &st);
    assert_non_null(g);
    classroom_destroy(g);
    assert_true(classroom_forget(save_io_posix(), path));
    assert_int_equal(access(path, F_OK), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_csv_golden),
        cmocka_unit_test(test_results_files_and_fallback),
        cmocka_unit_test(test_resume_same_state),
        cmocka_unit_test(test_name_with_byte_order_mark),
        cmocka_unit_test(test_good_state_file),
        cmocka_unit_test(test_damaged_state_files),
        cmocka_unit_test(test_changed_pack),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
