/* test_crash.c - the game killed with SIGKILL at random moments while it grades flashcards and
 * saves their progress, 100 times on 100 study days: afterwards every progress file must load
 * without a problem, every review in the log must be in the progress, and no card may lose a
 * review it had before. Runs build/quizdeck (QUIZDECK_BIN overrides) under the dummy drivers. */
#include "support.h"

#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/progress.h"
#include "core/rng.h"
#include "core/save.h"
#include "core/script.h"

extern char **environ;

enum { KILLS = 100, GRADES = 80, CARDS_MAX = 4096 };

static const char *const packs[] = {"csto-bodies", "csto-crises",  "csto-forces",   "csto-founding",
                                    "csto-future", "csto-members", "csto-relations"};

typedef struct Seen {
    char key[2 * PACK_ID_MAX + 2];
    int reps;
} Seen;

static int seen_find(Seen *seen, int n, const char *key)
{
    for (int i = 0; i < n; i++) {
        if (strcmp(seen[i].key, key) == 0) {
            return i;
        }
    }
    return -1;
}

static void write_script(const char *path, int day)
{
    StrBuf sb = STRBUF_INIT;
    /* each run is a new study day, so there are always cards to grade */
    char when[32];
    assert_true(script_format_time(INT64_C(1772355600000) + (int64_t)day * 86400000, when,
                                   sizeof when)); /* 2026-03-01T09:00:00Z + day days */
    strbuf_printf(&sb, "clock %s\nclick button study\n", when);
    for (int i = 0; i < GRADES; i++) {
        strbuf_printf(&sb, "key space\nkey %d\n", i % 5 == 0 ? 1 : 3);
    }
    strbuf_puts(&sb, "quit\n");
    assert_true(write_file(path, strbuf_cstr(&sb), strlen(strbuf_cstr(&sb))));
    strbuf_free(&sb);
}

static pid_t start_game(const char *home, const char *script)
{
    char data[1200], config[1200], runtime[1200], arg_script[1300];
    str_format(data, sizeof data, "XDG_DATA_HOME=%s/data", home);
    str_format(config, sizeof config, "XDG_CONFIG_HOME=%s/config", home);
    str_format(runtime, sizeof runtime, "XDG_RUNTIME_DIR=%s/run", home);
    str_format(arg_script, sizeof arg_script, "%s", script);
    const char *bin = getenv("QUIZDECK_BIN") ? getenv("QUIZDECK_BIN") : "build/quizdeck";
    char *envp[] = {"SDL_VIDEODRIVER=dummy",
                    "SDL_RENDER_DRIVER=software",
                    "SDL_AUDIODRIVER=dummy",
                    data,
                    config,
                    runtime,
                    "TZ=UTC",
                    NULL};
    char *argv[] = {(char *)bin, "--window", "1024x768", "--seed",
                    "5",         "--script", arg_script, NULL};
    pid_t pid;
    int devnull_rc = 0;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", 0, 0);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", 0, 0);
    devnull_rc = posix_spawn(&pid, bin, &fa, NULL, argv, envp);
    posix_spawn_file_actions_destroy(&fa);
    assert_int_equal(devnull_rc, 0);
    return pid;
}

/* Checks the files after a kill; updates `seen` (reps per card so far). Returns the reviews in
 * the log. */
static int check_files(const char *home, Seen *seen, int *seen_count)
{
    char dir[1300], path[1400];
    str_format(dir, sizeof dir, "%s/data/quizdeck/profiles/default", home);
    ProgressLog log;
    memset(&log, 0, sizeof log);
    SaveLogStats stats;
    DiagList diags = DIAGLIST_INIT;
    SaveError e;
    str_format(path, sizeof path, "%s/reviews.log", dir);
    if (access(path, F_OK) == 0) {
        assert_true(progress_log_read(path, &log, &stats, &diags, &e));
        /* only the last record may be torn by a kill; none in the middle is damaged */
        assert_true(stats.damaged == 0);
    }
    int reviews = 0;
    for (size_t p = 0; p < sizeof packs / sizeof packs[0]; p++) {
        ProgressFile pf;
        progress_init(&pf, packs[p]);
        str_format(path, sizeof path, "%s/progress/%s.ini", dir, packs[p]);
        LoadReport report;
        memset(&report, 0, sizeof report);
        assert_true(progress_load(&pf, save_io_posix(), path, 0, &diags, &report));
        if (diags.count != 0 || report.set_aside) {
            StrBuf out = STRBUF_INIT;
            diag_list_format(&diags, &out);
            print_error("%s did not load cleanly:\n%s\n", path, strbuf_cstr(&out));
            strbuf_free(&out);
            fail();
        }
        /* every review the log holds is in the progress: a card has at least as many */
        for (size_t i = 0; i < pf.count; i++) {
            const ProgressCard *c = &pf.cards[i];
            int logged = 0;
            for (size_t k = 0; k < log.count; k++) {
                const ProgressLogEntry *r = &log.entries[k];
                if (!r->undone && r->rating != PROGRESS_RATING_UNDO &&
                    strcmp(r->pack, packs[p]) == 0 && strcmp(r->question, c->id) == 0) {
                    logged++;
                    assert_true(c->fsrs.last_review >= r->time);
                }
            }
            if (c->fsrs.reps < logged) {
                print_error("%s:%s has %d reviews, the log %d\n", packs[p], c->id, c->fsrs.reps,
                            logged);
                fail();
            }
            char key[2 * PACK_ID_MAX + 2];
            str_format(key, sizeof key, "%s:%s", packs[p], c->id);
            int s = seen_find(seen, *seen_count, key);
            if (s >= 0 && c->fsrs.reps < seen[s].reps) {
                print_error("%s lost a review: %d before, %d now\n", key, seen[s].reps,
                            c->fsrs.reps);
                fail();
            }
            if (s < 0 && *seen_count < CARDS_MAX) {
                s = (*seen_count)++;
                str_copy(seen[s].key, sizeof seen[s].key, key);
            }
            if (s >= 0) {
                seen[s].reps = c->fsrs.reps;
            }
            reviews += c->fsrs.reps;
        }
        progress_free(&pf);
    }
    /* every card the progress knew before is still there */
    for (int i = 0; i < *seen_count; i++) {
        assert_true(seen[i].reps >= 0);
    }
    progress_log_free(&log);
    diag_list_free(&diags);
    return reviews;
}

static void test_kill_while_saving(void **state)
{
    (void)state;
    const char *scratch = scratch_dir("crash");
    assert_non_null(scratch);
    char cwd[512], home[1100], cmd[3000], script[1200];
    assert_non_null(getcwd(cwd, sizeof cwd));
    str_format(home, sizeof home, "%s/%s", cwd, scratch);
    str_format(cmd, sizeof cmd,
               "mkdir -p '%s/data' '%s/config/quizdeck' '%s/run' && chmod 700 '%s/run' && "
               "printf '[cards]\\nnew_per_day = 1000\\nreview_cap = 10000\\n' > "
               "'%s/config/quizdeck/settings.ini'",
               home, home, home, home, home);
    assert_int_equal(system(cmd), 0);
    str_format(script, sizeof script, "%s/study.qds", home);
    Seen *seen = calloc(CARDS_MAX, sizeof *seen);
    assert_non_null(seen);
    int seen_count = 0;
    Rng rng;
    rng_seed(&rng, 20261129);
    int mid_run = 0, reviews = 0;
    for (int i = 0; i < KILLS; i++) {
        write_script(script, i);
        pid_t pid = start_game(home, script);
        /* a random moment in the first 400 ms: start-up, then grading and saving */
        struct timespec ts = {0, (long)rng_below(&rng, 400) * 1000000L};
        nanosleep(&ts, NULL);
        int status = 0;
        if (waitpid(pid, &status, WNOHANG) == 0) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            mid_run += WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
        }
        reviews = check_files(home, seen, &seen_count);
    }
    print_message("%d kills while the game ran, %d after it ended; %d reviews kept on %d cards\n",
                  mid_run, KILLS - mid_run, reviews, seen_count);
    /* the kills must mostly land while it works, or the test proves little */
    assert_true(mid_run >= KILLS / 2);
    assert_true(reviews > 0);
    free(seen);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kill_while_saving),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
