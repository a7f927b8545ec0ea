/* test_crash.c - the game killed with SIGKILL at random moments while it saves, 500 times in one
 * home over four scenarios, each a script: a quiz (high scores, the history), the settings
 * screen, flashcards (progress, the review log) and a classroom game (the resume file, the
 * results spreadsheets). After every kill each file must load without a diagnostic, nothing but
 * the save module's temporary names may lie beside them, and nothing seen saved before may be
 * lost. A last unkilled round must clear every temporary file the kills left.
 * CRASH_SEED=N and CRASH_KILLS=N override the seed and the number of kills.
 * Runs build/quizdeck (QUIZDECK_BIN overrides) under SDL's dummy drivers. */
#include "support.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/classroom.h"
#include "core/highscore.h"
#include "core/progress.h"
#include "core/rng.h"
#include "core/save.h"
#include "core/script.h"
#include "core/settings.h"

enum {
    KILLS_DEFAULT = 500,
    PRESSES = 6,      /* settings changes in one run */
    GRADES = 16,      /* flashcard grades in one run */
    CLASS_START = 24, /* classroom steps in a run that starts a game: about half of it */
    CLASS_STEPS = 48, /* in a run that resumes one: enough for a whole game */
    CLASS_TEAMS = 3,
    CLASS_QUESTIONS = 7, /* in tests/fixtures/classroom/good/class-test.ini */
    CARDS_MAX = 4096,
    HISTORY_MAX = 4096,
    RESULTS_MAX = 512,
};

#define CLASS_PACK "tests/fixtures/classroom/good/class-test.ini"

typedef enum Scenario { SC_QUIZ, SC_SETTINGS, SC_CARDS, SC_CLASSROOM, SC_COUNT } Scenario;

static const char *const scenario_name[SC_COUNT] = {"quiz", "settings", "flashcards", "classroom"};

typedef struct Card {
    char key[2 * PACK_ID_MAX + 2]; /* pack:question */
    int reps;
    bool found; /* in the check under way */
} Card;

typedef struct HistRow {
    char selection[SCOREBOARD_SELECTION_MAX + 1];
    ScoreEntry entry;
} HistRow;

typedef struct ResultFile {
    char name[256];
    size_t size;
    uint32_t crc;
    struct timespec mtime; /* unchanged with the size: the file was not read again */
} ResultFile;

/* What the test has seen saved so far, and its tallies. */
typedef struct Model {
    Rng rng;
    char home[1024];
    Pack *class_pack;
    QuizPick picks[16];
    int pick_count;
    /* settings: the quiz length, and the values the running script steps it through */
    int count, count_dir;
    int trail[PRESSES + 1];
    ScoreBoard *scores; /* the board last seen */
    HistRow *history;   /* history rows seen, oldest first */
    int history_count;
    Card *cards; /* reviews per card last seen */
    int card_count;
    int day;             /* flashcard runs so far: each is a new study day */
    bool class_saved;    /* a classroom resume file was there */
    bool class_resuming; /* the classroom run under way resumes that game */
    int class_at;        /* its position * CLASS_STEP_COUNT + step */
    ResultFile results[RESULTS_MAX];
    int result_count;
    int temps, temps_max; /* temporary files lying about now, and at most */
    int files_checked;
    int class_resumes;
    Scenario *order; /* the scenario of each kill */
} Model;

/* ---- running the game ---- */

static double seconds_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Starts the game on `script` with the scenario's arguments; output goes to home/out.txt. */
static pid_t start_game(const Model *m, Scenario sc, const char *script, const char *extra)
{
    char data[1200], config[1200], runtime[1200], out[1200];
    str_format(data, sizeof data, "XDG_DATA_HOME=%s/data", m->home);
    str_format(config, sizeof config, "XDG_CONFIG_HOME=%s/config", m->home);
    str_format(runtime, sizeof runtime, "XDG_RUNTIME_DIR=%s/run", m->home);
    str_format(out, sizeof out, "%s/out.txt", m->home);
    char *envp[] = {"SDL_VIDEODRIVER=dummy",
                    "SDL_RENDER_DRIVER=software",
                    "SDL_AUDIODRIVER=dummy",
                    data,
                    config,
                    runtime,
                    "TZ=UTC",
                    NULL};
    static const char *const scenario_args[SC_COUNT][6] = {
        {"--play", "--pack", "tests/scripts/e2e-pack.ini", "--count", "0", NULL},
        {NULL},
        {NULL},
        {"--classroom", "--teams", "3", "--pack", CLASS_PACK, NULL},
    };
    char *argv[16] = {(char *)game_binary(), "--window", "1024x768", "--seed", "1"};
    int n = 5;
    for (int i = 0; scenario_args[sc][i]; i++) {
        argv[n++] = (char *)scenario_args[sc][i];
    }
    if (extra && extra[0]) {
        argv[n++] = (char *)extra;
    }
    argv[n++] = "--script";
    argv[n++] = (char *)script;
    argv[n] = NULL;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&fa, 1, 2);
    pid_t pid;
    int rc = posix_spawn(&pid, argv[0], &fa, NULL, argv, envp);
    posix_spawn_file_actions_destroy(&fa);
    assert_int_equal(rc, 0);
    return pid;
}

/* Fails the test with the game's output unless the run that ended exited 0. */
static void expect_clean_exit(const Model *m, Scenario sc, int status)
{
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        return;
    }
    char path[1200];
    str_format(path, sizeof path, "%s/out.txt", m->home);
    char *out = read_file(path, NULL);
    print_error("the %s script did not pass (status %d):\n%s\n", scenario_name[sc], status,
                out ? out : "");
    free(out);
    fail();
}

/* ---- the scripts ---- */

static void put_script(const char *path, StrBuf *sb)
{
    assert_false(sb->oom);
    assert_true(write_file(path, sb->data, sb->len));
    strbuf_free(sb);
}

/* The quiz of tests/scripts/e2e-pack.ini with --seed 1 (the order quiz-all-right.qds knows),
 * each question answered right or wrong after a random wait. */
static const char *quiz_script(Model *m, const char *path)
{
    static const char *const right[] = {
        "key t\n",
        "key d\n",
        "key Space\nkey Down\nkey Down\nkey Space\nkey Return\n",
        "key b\nkey d\nkey Return\n",
        "type 366\nkey Return\n",
        "type minsk\nkey Return\n",
    };
    static const char *const wrong[] = {
        "key f\n",
        "key a\n",
        "key Return\n",
        "key a\nkey Return\n",
        "type 365\nkey Return\n",
        "type Baku\nkey Return\n",
    };
    static const char *const modes[] = {"", "--untimed", "--relaxed"};
    StrBuf sb = STRBUF_INIT;
    strbuf_puts(&sb, "expect screen = quiz\n");
    for (int q = 0; q < 6; q++) {
        strbuf_printf(&sb, "wait %u\n%s", 250 * rng_below(&m->rng, 60),
                      rng_below(&m->rng, 3) ? right[q] : wrong[q]);
        strbuf_printf(&sb, "expect screen = feedback\nkey Return\n");
    }
    strbuf_puts(&sb, "expect screen = results\nquit\n");
    put_script(path, &sb);
    return modes[rng_below(&m->rng, 3)];
}

/* The settings screen's step for the quiz length (screen_settings.c): 5 to 50 in fives, then
 * All; the ends stop. */
static int count_step(int v, int dir)
{
    if (dir > 0) {
        return v >= 50 ? SETTINGS_COUNT_MAX : (v / 5 + 1) * 5;
    }
    return v <= 5 ? 5 : v > 50 ? 50 : (v - 1) / 5 * 5;
}

/* PRESSES steps of the quiz length one way, each saved at once; m->trail gets the values. */
static void settings_script(Model *m, const char *path)
{
    if (m->count >= SETTINGS_COUNT_MAX) {
        m->count_dir = -1;
    } else if (m->count <= 5) {
        m->count_dir = 1;
    }
    StrBuf sb = STRBUF_INIT;
    strbuf_puts(&sb, "click button settings\nexpect screen = settings\n");
    m->trail[0] = m->count;
    for (int i = 1; i <= PRESSES; i++) {
        m->trail[i] = count_step(m->trail[i - 1], m->count_dir);
        strbuf_printf(&sb, "click %s count\n", m->count_dir > 0 ? "next" : "prev");
    }
    strbuf_puts(&sb, "key Escape\nexpect screen = title\nquit\n");
    put_script(path, &sb);
}

/* A new study day: GRADES cards graded, an undo now and then. */
static void cards_script(Model *m, const char *path)
{
    char when[32];
    /* 2026-03-01T09:00:00Z + day days */
    assert_true(script_format_time(INT64_C(1772355600000) + (int64_t)m->day++ * 86400000, when,
                                   sizeof when));
    StrBuf sb = STRBUF_INIT;
    strbuf_printf(&sb, "clock %s\nclick button study\nexpect screen = cards\n", when);
    for (int i = 0; i < GRADES; i++) {
        strbuf_printf(&sb, "key space\nkey %u\n", 1 + rng_below(&m->rng, 4));
        if (rng_below(&m->rng, 6) == 0) {
            strbuf_puts(&sb, "key u\n");
        }
    }
    strbuf_puts(&sb, "key Escape\nexpect screen = title\nquit\n");
    put_script(path, &sb);
}

/* Starts a game and plays about half of it, or resumes the saved one and plays it to its end,
 * with some answers. */
static void classroom_script(Model *m, const char *path)
{
    StrBuf sb = STRBUF_INIT;
    m->class_resuming = m->class_saved;
    if (m->class_resuming) {
        strbuf_puts(&sb, "expect class.saved = yes\nkey Shift+F5\nexpect screen = classroom\n"
                         "key F5\n");
        m->class_resumes++;
    } else {
        strbuf_puts(&sb, "expect class.saved = no\nkey F5\nexpect screen = classroom\n");
    }
    for (int i = 0; i < (m->class_resuming ? CLASS_STEPS : CLASS_START); i++) {
        strbuf_printf(&sb, "wait %u\nkey %u\nkey PageDown\n", 500 * rng_below(&m->rng, 8),
                      1 + rng_below(&m->rng, 4));
    }
    strbuf_puts(&sb, m->class_resuming
                         ? "expect class.step ~ end-\nexpect class.results ~ .csv\n"
                         : "expect screen = classroom\nexpect class.results = \"\"\n");
    strbuf_puts(&sb, "quit\n");
    put_script(path, &sb);
}

/* ---- the files ---- */

/* Loads with a loader that reports in `diags` and `report`: fails on any diagnostic. */
static void expect_no_diags(const char *path, bool ok, DiagList *diags, const LoadReport *report)
{
    if (!ok || diags->count != 0 || (report && report->set_aside)) {
        StrBuf out = STRBUF_INIT;
        diag_list_format(diags, &out);
        print_error("%s did not load cleanly:\n%s\n", path, strbuf_cstr(&out));
        strbuf_free(&out);
        fail();
    }
    diag_list_free(diags);
}

static void check_settings(Model *m, bool finished_here)
{
    char path[1200];
    str_format(path, sizeof path, "%s/config/quizdeck/settings.ini", m->home);
    Settings s;
    settings_init(&s);
    DiagList diags = DIAGLIST_INIT;
    LoadReport report;
    expect_no_diags(path, settings_load(&s, save_io_posix(), path, 0, &diags, &report), &diags,
                    &report);
    int v = s.question_count, new_per_day = s.new_per_day;
    settings_free(&s);
    m->files_checked++;
    /* the flashcard limits written at the start survive every rewrite */
    assert_int_equal(new_per_day, 1000);
    if (finished_here) {
        /* the script ran to its end: the last value it chose is the one saved */
        assert_int_equal(v, m->trail[PRESSES]);
    }
    for (int i = 0; i <= PRESSES; i++) {
        if (m->trail[i] == v) {
            m->count = v;
            m->trail[0] = v;
            for (int k = 1; k <= PRESSES; k++) {
                m->trail[k] = v;
            }
            return;
        }
    }
    print_error("%s has %d questions a quiz, not one of the values saved (%d to %d)\n", path, v,
                m->trail[0], m->trail[PRESSES]);
    fail();
}

static bool entry_equal(const ScoreEntry *a, const ScoreEntry *b)
{
    return a->total == b->total && a->right == b->right && a->asked == b->asked &&
           a->time_ms == b->time_ms && a->when == b->when && strcmp(a->mode, b->mode) == 0 &&
           a->count == b->count;
}

/* Every row seen before is still in its table, unless the table is full of better ones. */
static void check_scores(Model *m)
{
    char path[1200];
    str_format(path, sizeof path, "%s/data/quizdeck/scores.ini", m->home);
    ScoreBoard *b = scoreboard_create();
    assert_non_null(b);
    DiagList diags = DIAGLIST_INIT;
    LoadReport report;
    expect_no_diags(path, scoreboard_load(b, save_io_posix(), path, 0, &diags, &report), &diags,
                    &report);
    m->files_checked++;
    for (size_t s = 0; m->scores && s < scoreboard_selection_count(m->scores); s++) {
        const char *sel = scoreboard_selection(m->scores, s);
        const ScoreEntry *old[SCOREBOARD_ROWS], *now[SCOREBOARD_ROWS];
        int n_old = scoreboard_get(m->scores, sel, old, SCOREBOARD_ROWS);
        int n_now = scoreboard_get(b, sel, now, SCOREBOARD_ROWS);
        for (int i = 0; i < n_old; i++) {
            bool kept = false;
            for (int k = 0; k < n_now && !kept; k++) {
                kept = entry_equal(old[i], now[k]);
            }
            if (!kept &&
                !(n_now == SCOREBOARD_ROWS && scoreboard_compare(now[n_now - 1], old[i]) <= 0)) {
                print_error("%s lost a score of %ld in %s\n", path, old[i]->total, sel);
                fail();
            }
        }
    }
    scoreboard_destroy(m->scores);
    m->scores = b;
}

typedef struct HistRead {
    HistRow *rows;
    int count;
} HistRead;

static bool on_history(void *ctx, const char *selection, const ScoreEntry *entry, int line)
{
    HistRead *h = ctx;
    assert_true(h->count < HISTORY_MAX);
    str_copy(h->rows[h->count].selection, sizeof h->rows[0].selection, selection);
    h->rows[h->count++].entry = *entry;
    return true;
}

/* The history keeps every row seen before, in order; a quiz run adds at most one (exactly one
 * when it ran to its end). */
static void check_history(Model *m, Scenario sc, bool finished)
{
    char path[1200];
    str_format(path, sizeof path, "%s/data/quizdeck/history.log", m->home);
    HistRead h = {calloc(HISTORY_MAX, sizeof(HistRow)), 0};
    assert_non_null(h.rows);
    SaveLogStats stats;
    DiagList diags = DIAGLIST_INIT;
    SaveError e;
    expect_no_diags(path, history_read(path, on_history, &h, &stats, &diags, &e), &diags, NULL);
    m->files_checked++;
    assert_int_equal(stats.damaged, 0);
    for (int i = 0; i < m->history_count; i++) {
        if (i >= h.count || strcmp(h.rows[i].selection, m->history[i].selection) != 0 ||
            !entry_equal(&h.rows[i].entry, &m->history[i].entry)) {
            print_error("%s lost or changed row %d of %d\n", path, i + 1, m->history_count);
            fail();
        }
    }
    int added = h.count - m->history_count;
    int want_max = sc == SC_QUIZ ? 1 : 0;
    int want_min = sc == SC_QUIZ && finished ? 1 : 0;
    if (added < want_min || added > want_max) {
        print_error("%s: %d rows added by a %s run\n", path, added, scenario_name[sc]);
        fail();
    }
    free(m->history);
    m->history = h.rows;
    m->history_count = h.count;
}

static int card_find(const Model *m, const char *key)
{
    for (int i = 0; i < m->card_count; i++) {
        if (strcmp(m->cards[i].key, key) == 0) {
            return i;
        }
    }
    return -1;
}

/* Reviews of `pack`:`id` in the log that were not taken back; *latest gets the newest time. */
static int logged_reviews(const ProgressLog *log, const char *pack, const char *id, int64_t *latest)
{
    int n = 0;
    for (size_t k = 0; k < log->count; k++) {
        const ProgressLogEntry *r = &log->entries[k];
        if (!r->undone && r->rating != PROGRESS_RATING_UNDO && strcmp(r->pack, pack) == 0 &&
            strcmp(r->question, id) == 0) {
            n++;
            *latest = r->time > *latest ? r->time : *latest;
        }
    }
    return n;
}

/* One progress file: loads cleanly, holds every review the log holds (a grade saves the
 * progress before it logs the review, an undo logs before it saves), and no card has fewer
 * reviews than it had before the run (an undo only takes back a review of its own run). */
static void check_progress_file(Model *m, const char *path, const char *pack,
                                const ProgressLog *log)
{
    ProgressFile pf;
    progress_init(&pf, pack);
    DiagList diags = DIAGLIST_INIT;
    LoadReport report;
    expect_no_diags(path, progress_load(&pf, save_io_posix(), path, 0, &diags, &report), &diags,
                    &report);
    m->files_checked++;
    for (size_t i = 0; i < pf.count; i++) {
        const ProgressCard *c = &pf.cards[i];
        int64_t latest = 0;
        int logged = logged_reviews(log, pack, c->id, &latest);
        if (c->fsrs.reps < logged || (logged > 0 && c->fsrs.last_review < latest)) {
            print_error("%s:%s has %d reviews, the log %d\n", pack, c->id, c->fsrs.reps, logged);
            fail();
        }
        char key[2 * PACK_ID_MAX + 2];
        str_format(key, sizeof key, "%s:%s", pack, c->id);
        int s = card_find(m, key);
        if (s >= 0 && c->fsrs.reps < m->cards[s].reps) {
            print_error("%s lost a review: %d before, %d now\n", key, m->cards[s].reps,
                        c->fsrs.reps);
            fail();
        }
        if (s < 0) {
            assert_true(m->card_count < CARDS_MAX);
            s = m->card_count++;
            str_copy(m->cards[s].key, sizeof m->cards[s].key, key);
        }
        m->cards[s].reps = c->fsrs.reps;
        m->cards[s].found = true;
    }
    progress_free(&pf);
}

static void check_progress(Model *m)
{
    char dir[1200], path[1400];
    str_format(dir, sizeof dir, "%s/data/quizdeck/profiles/default", m->home);
    str_format(path, sizeof path, "%s/reviews.log", dir);
    ProgressLog log;
    memset(&log, 0, sizeof log);
    SaveLogStats stats;
    DiagList diags = DIAGLIST_INIT;
    SaveError e;
    expect_no_diags(path, progress_log_read(path, &log, &stats, &diags, &e), &diags, NULL);
    m->files_checked++;
    /* only the last record may be torn by a kill; none in the middle is damaged */
    assert_int_equal(stats.damaged, 0);
    for (int i = 0; i < m->card_count; i++) {
        m->cards[i].found = false;
    }
    str_format(path, sizeof path, "%s/progress", dir);
    DIR *d = opendir(path);
    struct dirent *de;
    while (d && (de = readdir(d)) != NULL) {
        size_t n = strlen(de->d_name);
        if (n > 4 && strcmp(de->d_name + n - 4, ".ini") == 0 && de->d_name[0] != '.') {
            char pack[PACK_ID_MAX + 1], file[1700];
            assert_true(n - 4 <= PACK_ID_MAX);
            memcpy(pack, de->d_name, n - 4);
            pack[n - 4] = '\0';
            str_format(file, sizeof file, "%s/%s", path, de->d_name);
            check_progress_file(m, file, pack, &log);
        }
    }
    if (d) {
        closedir(d);
    }
    /* every card seen before is still there */
    for (int i = 0; i < m->card_count; i++) {
        if (!m->cards[i].found) {
            print_error("%s: the card %s is gone\n", path, m->cards[i].key);
            fail();
        }
    }
    progress_log_free(&log);
}

/* Checks one spreadsheet: a byte-order mark, CRLF after every record and nowhere else outside
 * quotes, `cols` cells in every record. Returns the records after the header, -1 when bad. */
static int csv_records(const char *text, size_t len, int cols)
{
    if (len < 3 || memcmp(text, "\xEF\xBB\xBF", 3) != 0) {
        return -1;
    }
    int records = 0, cells = 1;
    bool quoted = false;
    for (size_t i = 3; i < len; i++) {
        char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < len && text[i + 1] == '"') {
                i++;
            } else if (c == '"') {
                quoted = false;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            cells++;
        } else if (c == '\r' && i + 1 < len && text[i + 1] == '\n') {
            if (cells != cols) {
                return -1;
            }
            records++;
            cells = 1;
            i++;
        } else if (c == '\r' || c == '\n') {
            return -1;
        }
    }
    /* the last record ends with CRLF too: nothing may follow it */
    return quoted || len < 5 || memcmp(text + len - 2, "\r\n", 2) != 0 || cells != 1 ? -1
                                                                                     : records - 1;
}

static int result_find(const Model *m, const char *name)
{
    for (int i = 0; i < m->result_count; i++) {
        if (strcmp(m->results[i].name, name) == 0) {
            return i;
        }
    }
    return -1;
}

/* Every results file is whole (written atomically), and none seen before has gone or changed.
 * Returns how many there are now. */
static int check_results(Model *m)
{
    char dir[1200];
    str_format(dir, sizeof dir, "%s/data/quizdeck/results", m->home);
    DIR *d = opendir(dir);
    int count = 0;
    struct dirent *de;
    while (d && (de = readdir(d)) != NULL) {
        size_t n = strlen(de->d_name);
        if (de->d_name[0] == '.' || n < 5 || strcmp(de->d_name + n - 4, ".csv") != 0) {
            continue;
        }
        char path[1500];
        str_format(path, sizeof path, "%s/%s", dir, de->d_name);
        count++;
        struct stat st;
        assert_int_equal(stat(path, &st), 0);
        int i = result_find(m, de->d_name);
        if (i >= 0 && m->results[i].size == (size_t)st.st_size &&
            m->results[i].mtime.tv_sec == st.st_mtim.tv_sec &&
            m->results[i].mtime.tv_nsec == st.st_mtim.tv_nsec) {
            continue;
        }
        size_t len = 0;
        char *text = read_file(path, &len);
        assert_non_null(text);
        bool summary = n > 12 && strcmp(de->d_name + n - 12, "-summary.csv") == 0;
        int rows = csv_records(text, len, summary ? 12 : 10);
        int want = summary ? CLASS_QUESTIONS : CLASS_QUESTIONS * CLASS_TEAMS;
        if (rows != want) {
            print_error("%s is not a whole results file (%d rows, %d wanted):\n%s\n", path, rows,
                        want, text);
            fail();
        }
        uint32_t crc = save_crc32(text, len);
        free(text);
        m->files_checked++;
        if (i >= 0 && (m->results[i].size != len || m->results[i].crc != crc)) {
            print_error("%s changed after it was written\n", path);
            fail();
        }
        if (i < 0) {
            assert_true(m->result_count < RESULTS_MAX);
            ResultFile *r = &m->results[m->result_count++];
            str_copy(r->name, sizeof r->name, de->d_name);
            r->size = len;
            r->crc = crc;
            r->mtime = st.st_mtim;
        }
    }
    if (d) {
        closedir(d);
    }
    if (count != m->result_count) {
        print_error("%s: %d results files seen before, %d now\n", dir, m->result_count, count);
        fail();
    }
    return count;
}

/* The resume file loads, and a game only moves forward; when it is gone, the game ended and
 * its results were written. A classroom run that was not killed left its game half played, or
 * ended it. */
static void check_classroom(Model *m, bool finished_here)
{
    int results_before = m->result_count;
    int results = check_results(m);
    char path[1200];
    str_format(path, sizeof path, "%s/data/quizdeck/classroom/state.ini", m->home);
    if (access(path, F_OK) != 0) {
        if (m->class_saved && results == results_before) {
            print_error("%s is gone but no results were written\n", path);
            fail();
        }
        if (finished_here && !m->class_resuming) {
            print_error("%s: a game left half played was not saved\n", path);
            fail();
        }
        m->class_saved = false;
        return;
    }
    if (finished_here && m->class_resuming) {
        print_error("%s is still there after a whole game\n", path);
        fail();
    }
    DiagList diags = DIAGLIST_INIT;
    ClassLoadStatus status = CLASS_LOAD_FAILED;
    ClassGame *g =
        classroom_load(m->picks, m->pick_count, save_io_posix(), path, 0, 0, &diags, &status);
    expect_no_diags(path, g && status == CLASS_LOAD_OK, &diags, NULL);
    m->files_checked++;
    int at = classroom_position(g) * CLASS_STEP_COUNT + (int)classroom_step(g);
    classroom_destroy(g);
    if (m->class_saved && at < m->class_at && results == results_before) {
        print_error("%s went back: step %d before, %d now\n", path, m->class_at, at);
        fail();
    }
    m->class_saved = true;
    m->class_at = at;
}

/* The small files: the last profile and the classroom setup are whole when they are there. */
static void check_small_files(Model *m)
{
    char path[1200];
    str_format(path, sizeof path, "%s/data/quizdeck/profiles/last", m->home);
    char *text = read_file(path, NULL);
    if (text) {
        assert_string_equal(text, "default\n");
        m->files_checked++;
    }
    free(text);
    str_format(path, sizeof path, "%s/data/quizdeck/classroom/setup.txt", m->home);
    size_t len = 0;
    text = read_file(path, &len);
    if (text) {
        assert_true(strncmp(text, "# quizdeck classroom setup", 26) == 0);
        assert_true(len > 0 && text[len - 1] == '\n' && strstr(text, "\nresults="));
        m->files_checked++;
    }
    free(text);
}

/* True when `name` is a temporary file of the save module: ".NAME.tmp-PID-N". Sets *of to NAME's
 * start and *of_len to its length. */
static bool temp_name(const char *name, const char **of, size_t *of_len)
{
    const char *tag = strstr(name, ".tmp-");
    if (name[0] != '.' || !tag || tag == name + 1) {
        return false;
    }
    const char *p = tag + 5;
    size_t digits = strspn(p, "0123456789");
    if (digits == 0 || p[digits] != '-' || strspn(p + digits + 1, "0123456789") == 0 ||
        p[digits + 1 + strspn(p + digits + 1, "0123456789")] != '\0') {
        return false;
    }
    *of = name + 1;
    *of_len = (size_t)(tag - name - 1);
    return true;
}

/* True when `rel` (a path under the home) is a file the game writes. */
static bool data_file(const char *rel)
{
    static const char *const exact[] = {
        "config/quizdeck/settings.ini",
        "data/quizdeck/scores.ini",
        "data/quizdeck/history.log",
        "data/quizdeck/profiles/last",
        "data/quizdeck/classroom/state.ini",
        "data/quizdeck/classroom/setup.txt",
        "data/quizdeck/profiles/default/reviews.log",
    };
    for (size_t i = 0; i < sizeof exact / sizeof exact[0]; i++) {
        if (strcmp(rel, exact[i]) == 0) {
            return true;
        }
    }
    static const char *const folders[][2] = {
        {"data/quizdeck/profiles/default/progress/", ".ini"},
        {"data/quizdeck/results/", ".csv"},
    };
    for (size_t i = 0; i < sizeof folders / sizeof folders[0]; i++) {
        size_t n = strlen(folders[i][0]), len = strlen(rel);
        if (strncmp(rel, folders[i][0], n) == 0 && len > n + 4 && !strchr(rel + n, '/') &&
            rel[n] != '.' && strcmp(rel + len - 4, folders[i][1]) == 0) {
            return true;
        }
    }
    return false;
}

/* Walks `dir` (relative to the home): every file is one the game writes or a temporary file
 * named after one; anything else (a file set aside as damaged, a stray name) fails. */
static void check_names(Model *m, const char *rel)
{
    char path[1600];
    str_format(path, sizeof path, "%s/%s", m->home, rel);
    DIR *d = opendir(path);
    if (!d) {
        return;
    }
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0) {
            continue;
        }
        char sub[1600], full[3300];
        str_format(sub, sizeof sub, "%s/%s", rel, de->d_name);
        str_format(full, sizeof full, "%s/%s", m->home, sub);
        struct stat st;
        assert_int_equal(stat(full, &st), 0);
        if (S_ISDIR(st.st_mode)) {
            check_names(m, sub);
            continue;
        }
        const char *of;
        size_t of_len;
        char target[1600];
        if (temp_name(de->d_name, &of, &of_len)) {
            str_format(target, sizeof target, "%s/%.*s", rel, (int)of_len, of);
            if (!data_file(target)) {
                print_error("%s is a temporary file of no file the game writes\n", sub);
                fail();
            }
            m->temps++;
        } else if (!data_file(sub)) {
            print_error("%s: not a file the game writes\n", sub);
            fail();
        }
    }
    closedir(d);
}

/* Everything after one run of `sc`; `finished` when it was not killed. */
static void check_all(Model *m, Scenario sc, bool finished)
{
    m->temps = 0;
    check_names(m, "config");
    check_names(m, "data");
    m->temps_max = m->temps > m->temps_max ? m->temps : m->temps_max;
    check_settings(m, sc == SC_SETTINGS && finished);
    check_scores(m);
    check_history(m, sc, finished);
    check_progress(m);
    check_classroom(m, sc == SC_CLASSROOM && finished);
    check_small_files(m);
}

/* ---- the test ---- */

static unsigned long env_number(const char *name, unsigned long fallback)
{
    const char *v = getenv(name);
    return v && *v ? strtoul(v, NULL, 10) : fallback;
}

/* Writes the script of `sc` for the next run; returns its extra argument (or ""). */
static const char *prepare(Model *m, Scenario sc, const char *script)
{
    switch (sc) {
    case SC_QUIZ:
        return quiz_script(m, script);
    case SC_SETTINGS:
        settings_script(m, script);
        return "";
    case SC_CARDS:
        cards_script(m, script);
        return "";
    case SC_CLASSROOM:
    case SC_COUNT:
    default:
        classroom_script(m, script);
        return "";
    }
}

/* Runs `sc` to its end; returns how long it took. */
static double run_whole(Model *m, Scenario sc, const char *script)
{
    const char *extra = prepare(m, sc, script);
    double t0 = seconds_now();
    pid_t pid = start_game(m, sc, script, extra);
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    double took = seconds_now() - t0;
    expect_clean_exit(m, sc, status);
    check_all(m, sc, true);
    return took;
}

/* Waits for `pid` to end until `deadline` (on seconds_now's clock), looking every 2 ms. True
 * when it ended in time, with its wait status in *status and *ran set to how long it ran since
 * `start`. */
static bool wait_until(pid_t pid, double start, double deadline, int *status, double *ran)
{
    for (;;) {
        pid_t r = waitpid(pid, status, WNOHANG);
        assert_true(r == 0 || r == pid);
        double now = seconds_now();
        if (r == pid) {
            *ran = now - start;
            return true;
        }
        if (now >= deadline) {
            return false;
        }
        double step = deadline - now < 0.002 ? deadline - now : 0.002;
        struct timespec ts = {0, (long)(step * 1e9)};
        nanosleep(&ts, NULL);
    }
}

static void model_init(Model *m, unsigned long seed)
{
    rng_seed(&m->rng, seed);
    str_copy(m->home, sizeof m->home, game_home("crash"));
    char cmd[3000];
    str_format(cmd, sizeof cmd,
               "mkdir -p '%s/config/quizdeck' && printf '[cards]\\nnew_per_day = "
               "1000\\nreview_cap = 10000\\n' > '%s/config/quizdeck/settings.ini'",
               m->home, m->home);
    assert_int_equal(system(cmd), 0);
    m->count = 10; /* the default */
    m->count_dir = 1;
    for (int i = 0; i <= PRESSES; i++) {
        m->trail[i] = m->count;
    }
    m->cards = calloc(CARDS_MAX, sizeof *m->cards);
    assert_non_null(m->cards);
    DiagList diags = DIAGLIST_INIT;
    m->class_pack = pack_load_file(CLASS_PACK, &diags);
    assert_non_null(m->class_pack);
    diag_list_free(&diags);
    m->pick_count = m->class_pack->question_count;
    assert_int_equal(m->pick_count, CLASS_QUESTIONS);
    for (int i = 0; i < m->pick_count; i++) {
        m->picks[i] = (QuizPick){m->class_pack, &m->class_pack->questions[i]};
    }
}

static void test_kill_while_saving(void **state)
{
    Model *m = *state;
    unsigned long seed = env_number("CRASH_SEED", 20261129);
    int kills = (int)env_number("CRASH_KILLS", KILLS_DEFAULT);
    print_message("seed %lu, %d kills (CRASH_SEED=%lu CRASH_KILLS=%d reproduces)\n", seed, kills,
                  seed, kills);
    model_init(m, seed);
    char script[1200];
    str_format(script, sizeof script, "%s/run.qds", m->home);
    double t_start = seconds_now();
    /* how long each scenario runs when nothing stops it: the window where kills should land */
    double took[SC_COUNT];
    for (int sc = 0; sc < SC_COUNT; sc++) {
        took[sc] = run_whole(m, (Scenario)sc, script);
        double again = run_whole(m, (Scenario)sc, script);
        took[sc] = again > took[sc] ? again : took[sc];
    }
    /* the scenarios in a random order, as many kills each */
    Scenario *order = m->order = calloc((size_t)kills + 1, sizeof *order);
    assert_non_null(order);
    for (int i = 0; i < kills; i++) {
        order[i] = (Scenario)(i % SC_COUNT);
    }
    for (int i = kills - 1; i > 0; i--) {
        int j = (int)rng_below(&m->rng, (uint32_t)i + 1);
        Scenario t = order[i];
        order[i] = order[j];
        order[j] = t;
    }
    int running[SC_COUNT] = {0}, ended[SC_COUNT] = {0};
    for (int i = 0; i < kills; i++) {
        Scenario sc = order[i];
        const char *extra = prepare(m, sc, script);
        /* mostly while it runs; one kill in ten after the end it would have reached */
        double window = took[sc] * 1.1;
        double delay = rng_below(&m->rng, 10) == 0
                           ? window + took[sc] * 0.3 * rng_below(&m->rng, 1000) / 1000.0
                           : window * rng_below(&m->rng, 1000) / 1000.0;
        double t0 = seconds_now();
        pid_t pid = start_game(m, sc, script, extra);
        int status = 0;
        double ran = 0;
        bool killed = false;
        if (!wait_until(pid, t0, t0 + delay, &status, &ran)) {
            kill(pid, SIGKILL);
            assert_int_equal(waitpid(pid, &status, 0), pid);
            killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
        }
        /* the window follows the machine's pace: a run that ended says how long runs take
         * now, a kill later than the window that they can take longer */
        if (ran > 0) {
            took[sc] = 0.8 * took[sc] + 0.2 * ran;
        } else if (killed && delay > took[sc]) {
            took[sc] = delay;
        }
        if (killed) {
            running[sc]++;
        } else {
            expect_clean_exit(m, sc, status);
            ended[sc]++;
        }
        check_all(m, sc, !killed);
    }
    int leftover = m->temps;
    /* one whole run of each: the temporary files the kills left are cleared */
    for (int sc = 0; sc < SC_COUNT; sc++) {
        run_whole(m, (Scenario)sc, script);
    }
    if (m->class_saved) {
        run_whole(m, SC_CLASSROOM, script);
    }
    int total_running = 0;
    for (int sc = 0; sc < SC_COUNT; sc++) {
        print_message(
            "%-10s %3d kills while it ran, %3d after it ended (a whole run about %.0f ms)\n",
            scenario_name[sc], running[sc], ended[sc], took[sc] * 1000);
        total_running += running[sc];
    }
    int reviews = 0, games = 0, alone = 0;
    for (int i = 0; i < m->card_count; i++) {
        reviews += m->cards[i].reps;
    }
    /* a results file without its summary: killed between the two (each is written whole) */
    for (int i = 0; i < m->result_count; i++) {
        const char *name = m->results[i].name;
        size_t n = strlen(name);
        if (n > 12 && strcmp(name + n - 12, "-summary.csv") == 0) {
            games++;
            continue;
        }
        char partner[300];
        str_format(partner, sizeof partner, "%.*s-summary.csv", (int)(n - 4), name);
        alone += result_find(m, partner) < 0;
    }
    print_message("%d kills: %d while the game ran, %d after it ended; %d file loads checked; "
                  "%d quiz rows in the history, %d reviews on %d cards, %d classroom games ended "
                  "(%d resumed runs), %d results files without their summary; at most %d "
                  "temporary files left by kills, %d after the last kill, %d after a whole run "
                  "of each; %.1f s\n",
                  kills, total_running, kills - total_running, m->files_checked, m->history_count,
                  reviews, m->card_count, games, m->class_resumes, alone, m->temps_max, leftover,
                  m->temps, seconds_now() - t_start);
    /* the kills must mostly land while it works, or the test proves little */
    assert_true(total_running >= kills / 2);
    assert_true(reviews > 0 && m->history_count > 0 && m->result_count > 0);
    assert_int_equal(m->temps, 0);
}

/* The model lives in cmocka's state, so that a failed check still frees it. */
static int model_setup(void **state)
{
    Model *m = calloc(1, sizeof *m);
    *state = m;
    return m ? 0 : -1;
}

static int model_teardown(void **state)
{
    Model *m = *state;
    free(m->order);
    free(m->cards);
    free(m->history);
    scoreboard_destroy(m->scores);
    pack_destroy(m->class_pack);
    free(m);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_kill_while_saving, model_setup, model_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
