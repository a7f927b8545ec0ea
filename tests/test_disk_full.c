/* test_disk_full.c - a full disk for every file the game writes. Through the SaveIo seam: each
 * save function on a disk with no room, with a few bytes of room (a short write, then ENOSPC)
 * and with a flush that fails, must return false with a message naming the file and the error
 * and leave the old file and its folder as they were; an undo of a flashcard grade must leave
 * the review log holding no review the progress lacks. Then the real game with RLIMIT_FSIZE set
 * low: it must warn on screen and on stderr, run on, and leave every file byte for byte.
 * Runs build/quizdeck (QUIZDECK_BIN overrides). */
#include "support.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/classroom.h"
#include "core/deck.h"
#include "core/highscore.h"
#include "core/progress.h"
#include "core/save.h"
#include "core/settings.h"

enum { NOW = 1795947300 }; /* 2026-11-29T10:15:00Z */

#define CLASS_PACK "tests/fixtures/classroom/good/class-test.ini"

/* ---- a disk with `room` bytes left ---- */

typedef struct Disk {
    SaveIo io;
    size_t room;      /* bytes the next writes may still take */
    bool fsync_fails; /* fsync says ENOSPC (space allocated late, as on NFS or ext4) */
} Disk;

static ssize_t disk_write(void *ctx, int fd, const void *buf, size_t len)
{
    Disk *d = ctx;
    if (d->room == 0) {
        errno = ENOSPC;
        return -1;
    }
    ssize_t n = save_io_posix()->write(NULL, fd, buf, len < d->room ? len : d->room);
    if (n > 0) {
        d->room -= (size_t)n;
    }
    return n;
}

static int disk_fsync(void *ctx, int fd)
{
    Disk *d = ctx;
    if (d->fsync_fails) {
        errno = ENOSPC;
        return -1;
    }
    return save_io_posix()->fsync(NULL, fd);
}

static void disk_init(Disk *d, size_t room, bool fsync_fails)
{
    d->io = *save_io_posix();
    d->io.write = disk_write;
    d->io.fsync = disk_fsync;
    d->io.ctx = d;
    d->room = room;
    d->fsync_fails = fsync_fails;
}

/* The ways a disk is full: no room, a few bytes (a short write first), more bytes, a flush. */
static const struct {
    size_t room;
    bool fsync_fails;
} fullness[] = {{0, false}, {7, false}, {60, false}, {SIZE_MAX, true}};

enum { FULLNESS = sizeof fullness / sizeof fullness[0] };

/* ---- helpers ---- */

/* The names in `dir` joined by '\n' in name order, for comparing a folder before and after. */
static void list_dir(const char *dir, StrBuf *out)
{
    strbuf_clear(out);
    struct dirent **names = NULL;
    int n = scandir(dir, &names, NULL, alphasort);
    assert_true(n >= 0);
    for (int i = 0; i < n; i++) {
        strbuf_printf(out, "%s\n", names[i]->d_name);
        free(names[i]);
    }
    free(names);
}

/* Fails unless `e` says the save of `path` found no room, and how much was kept. */
static void expect_enospc(const SaveError *e, const char *path, const char *kept)
{
    if (e->err != ENOSPC || !strstr(e->message, "No space left on device") ||
        !strstr(e->message, path) || !strstr(e->message, kept)) {
        print_error("unexpected error for %s: %d, \"%s\"\n", path, e->err, e->message);
        fail();
    }
}

/* ---- each kind of file ---- */

typedef struct Kind {
    const char *file;
    const char *kept; /* what the message says of the old file */
    /* writes a valid old file (with the real system calls) */
    void (*write_old)(const char *path);
    /* saves something new over it with `io` */
    bool (*save_new)(const SaveIo *io, const char *path, SaveError *e);
} Kind;

static void settings_old(const char *path)
{
    Settings s;
    settings_init(&s);
    s.question_count = 25;
    SaveError e;
    assert_true(settings_save(&s, save_io_posix(), path, &e));
    settings_free(&s);
}

static bool settings_new(const SaveIo *io, const char *path, SaveError *e)
{
    Settings s;
    settings_init(&s);
    DiagList diags = DIAGLIST_INIT;
    assert_true(settings_load(&s, save_io_posix(), path, NOW, &diags, NULL));
    s.question_count = 30;
    s.muted = true;
    bool ok = settings_save(&s, io, path, e);
    settings_free(&s);
    diag_list_free(&diags);
    return ok;
}

static ScoreEntry score(long total)
{
    ScoreEntry en;
    memset(&en, 0, sizeof en);
    en.total = total;
    en.right = 3;
    en.asked = 5;
    en.time_ms = 41000;
    en.when = NOW;
    str_copy(en.mode, sizeof en.mode, "timed");
    en.count = 5;
    return en;
}

static const char SELECTION[] = "packs=csto-members;topic=;count=5;mode=timed";

static void scores_old(const char *path)
{
    ScoreBoard *b = scoreboard_create();
    ScoreEntry en = score(900);
    assert_int_equal(scoreboard_add(b, SELECTION, &en), 1);
    SaveError e;
    assert_true(scoreboard_save(b, save_io_posix(), path, &e));
    scoreboard_destroy(b);
}

static bool scores_new(const SaveIo *io, const char *path, SaveError *e)
{
    ScoreBoard *b = scoreboard_create();
    DiagList diags = DIAGLIST_INIT;
    assert_true(scoreboard_load(b, save_io_posix(), path, NOW, &diags, NULL));
    ScoreEntry en = score(1200);
    assert_int_equal(scoreboard_add(b, SELECTION, &en), 1);
    bool ok = scoreboard_save(b, io, path, e);
    scoreboard_destroy(b);
    diag_list_free(&diags);
    return ok;
}

static void history_old(const char *path)
{
    ScoreEntry en = score(900);
    SaveError e;
    assert_true(history_append(save_io_posix(), path, SELECTION, &en, &e));
}

static bool history_new(const SaveIo *io, const char *path, SaveError *e)
{
    ScoreEntry en = score(1200);
    return history_append(io, path, SELECTION, &en, e);
}

static void progress_card(ProgressFile *pf, const char *id, int reps)
{
    ProgressCard *c = progress_add(pf, id, 1);
    assert_non_null(c);
    c->fsrs.stability = 3.5;
    c->fsrs.difficulty = 5.25;
    c->fsrs.reps = reps;
    c->fsrs.last_review = NOW;
    c->fsrs.scheduled_days = 3;
    c->due = NOW + 3 * 86400;
    c->first_seen = NOW;
}

static void progress_old(const char *path)
{
    ProgressFile pf;
    progress_init(&pf, "csto-members");
    progress_card(&pf, "members-armenia-join", 1);
    SaveError e;
    assert_true(progress_save(&pf, save_io_posix(), path, &e));
    progress_free(&pf);
}

static bool progress_new(const SaveIo *io, const char *path, SaveError *e)
{
    ProgressFile pf;
    progress_init(&pf, "csto-members");
    progress_card(&pf, "members-armenia-join", 2);
    progress_card(&pf, "members-founding", 1);
    bool ok = progress_save(&pf, io, path, e);
    progress_free(&pf);
    return ok;
}

static ProgressLogEntry review(int rating)
{
    ProgressLogEntry en;
    memset(&en, 0, sizeof en);
    en.time = NOW;
    str_copy(en.pack, sizeof en.pack, "csto-members");
    str_copy(en.question, sizeof en.question, "members-armenia-join");
    en.rating = rating;
    en.interval_days = 3;
    en.stability = 3.5;
    en.difficulty = 5.25;
    en.prev_interval = -1;
    return en;
}

static void log_old(const char *path)
{
    ProgressLogEntry en = review(3);
    SaveError e;
    assert_true(progress_log_append(save_io_posix(), path, &en, &e));
}

static bool log_new(const SaveIo *io, const char *path, SaveError *e)
{
    ProgressLogEntry en = review(1);
    return progress_log_append(io, path, &en, e);
}

/* A classroom game on the test pack: three teams, `steps` steps in. */
static Pack *class_pack;

static ClassGame *class_game(int steps)
{
    QuizPick picks[16];
    int n = class_pack->question_count;
    for (int i = 0; i < n; i++) {
        picks[i] = (QuizPick){class_pack, &class_pack->questions[i]};
    }
    ClassConfig cfg;
    classroom_config_default(&cfg, CLASS_TURNS, 3);
    cfg.seed = 1;
    ClassGame *g = classroom_create(&cfg, picks, n, 0);
    assert_non_null(g);
    uint64_t now = 0;
    for (int i = 0; i < steps && classroom_step(g) != CLASS_STEP_END_PODIUM; i++) {
        classroom_next(g, now += 1000);
    }
    return g;
}

static void class_old(const char *path)
{
    ClassGame *g = class_game(3);
    SaveError e;
    assert_true(classroom_save(g, save_io_posix(), path, 3000, &e));
    classroom_destroy(g);
}

static bool class_new(const SaveIo *io, const char *path, SaveError *e)
{
    ClassGame *g = class_game(9);
    bool ok = classroom_save(g, io, path, 9000, e);
    classroom_destroy(g);
    return ok;
}

static const char REPLACED[] = "(the previous file is unchanged)";
static const char APPENDED[] = "(the earlier records are unchanged)";

static const Kind kinds[] = {
    {"settings.ini", REPLACED, settings_old, settings_new},
    {"scores.ini", REPLACED, scores_old, scores_new},
    {"history.log", APPENDED, history_old, history_new},
    {"progress/csto-members.ini", REPLACED, progress_old, progress_new},
    {"reviews.log", APPENDED, log_old, log_new},
    {"classroom/state.ini", REPLACED, class_old, class_new},
};

static void test_every_save_on_a_full_disk(void **state)
{
    (void)state;
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        for (int f = 0; f < FULLNESS; f++) {
            const char *dir = scratch_dir("disk-full-seam");
            assert_non_null(dir);
            char path[600], folder[600];
            str_format(path, sizeof path, "%s/%s", dir, kinds[k].file);
            str_copy(folder, sizeof folder, path);
            *strrchr(folder, '/') = '\0';
            SaveError e = {0, ""};
            assert_true(save_make_dirs(save_io_posix(), folder, &e));
            kinds[k].write_old(path);
            size_t old_len = 0;
            char *old = read_file(path, &old_len);
            assert_non_null(old);
            StrBuf before = STRBUF_INIT, after = STRBUF_INIT;
            list_dir(folder, &before);
            Disk disk;
            disk_init(&disk, fullness[f].room, fullness[f].fsync_fails);
            if (kinds[k].save_new(&disk.io, path, &e)) {
                print_error("%s was saved on a full disk (room %zu)\n", kinds[k].file,
                            fullness[f].room);
                fail();
            }
            expect_enospc(&e, path, kinds[k].kept);
            size_t len = 0;
            char *now = read_file(path, &len);
            assert_non_null(now);
            assert_int_equal(len, old_len);
            assert_memory_equal(now, old, len);
            list_dir(folder, &after); /* no temporary file left */
            assert_string_equal(strbuf_cstr(&after), strbuf_cstr(&before));
            /* and with room again, the same save works */
            assert_true(kinds[k].save_new(save_io_posix(), path, &e));
            free(old);
            free(now);
            strbuf_free(&before);
            strbuf_free(&after);
        }
    }
}

/* The results: nothing new in either folder, the older results untouched, whatever the room
 * (the first file may fit and the second not). */
static void test_results_on_a_full_disk(void **state)
{
    (void)state;
    ClassGame *g = class_game(1000);
    assert_int_equal(classroom_step(g), CLASS_STEP_END_PODIUM);
    StrBuf results = STRBUF_INIT;
    classroom_results_csv(g, NOW, &results);
    const size_t rooms[] = {0, 7, results.len + 10, SIZE_MAX};
    for (size_t r = 0; r < sizeof rooms / sizeof rooms[0]; r++) {
        const char *base = scratch_dir("disk-full-results");
        assert_non_null(base);
        char dir[600], fallback[600];
        str_format(dir, sizeof dir, "%s/chosen", base);
        str_format(fallback, sizeof fallback, "%s/default", base);
        ClassResultFiles files;
        SaveError e = {0, ""};
        /* an earlier game's results in both folders */
        assert_true(
            classroom_write_results(g, save_io_posix(), dir, NULL, NOW - 86400, &files, &e));
        assert_true(
            classroom_write_results(g, save_io_posix(), fallback, NULL, NOW - 86400, &files, &e));
        size_t old_len = 0;
        char *old = read_file(files.results, &old_len);
        assert_non_null(old);
        StrBuf in_dir = STRBUF_INIT, in_fallback = STRBUF_INIT, now = STRBUF_INIT;
        list_dir(dir, &in_dir);
        list_dir(fallback, &in_fallback);
        Disk disk;
        disk_init(&disk, rooms[r], rooms[r] == SIZE_MAX);
        assert_false(classroom_write_results(g, &disk.io, dir, fallback, NOW, &files, &e));
        assert_int_equal(e.err, ENOSPC);
        assert_non_null(strstr(e.message, "No space left on device"));
        assert_non_null(strstr(e.message, dir));
        assert_non_null(strstr(e.message, fallback));
        list_dir(dir, &now);
        assert_string_equal(strbuf_cstr(&now), strbuf_cstr(&in_dir));
        list_dir(fallback, &now);
        assert_string_equal(strbuf_cstr(&now), strbuf_cstr(&in_fallback));
        char earlier[700];
        str_format(earlier, sizeof earlier, "%s/2026-11-28T101500-class-test.csv", fallback);
        size_t len = 0;
        char *kept = read_file(earlier, &len);
        assert_non_null(kept);
        assert_int_equal(len, old_len);
        assert_memory_equal(kept, old, len);
        /* the same folder as its own fallback: tried once, said once */
        disk_init(&disk, 0, false);
        assert_false(classroom_write_results(g, &disk.io, dir, dir, NOW, &files, &e));
        const char *said = strstr(e.message, "No space left");
        assert_non_null(said);
        assert_null(strstr(said + 1, "No space left"));
        free(old);
        free(kept);
        strbuf_free(&in_dir);
        strbuf_free(&in_fallback);
        strbuf_free(&now);
    }
    strbuf_free(&results);
    classroom_destroy(g);
}

/* Undo on a full disk: the log is written first, so whichever write fails, the log never holds
 * a review the progress lacks; and an undo the log has taken never writes a second record. */
static void test_undo_on_a_full_disk(void **state)
{
    (void)state;
    const char *d = scratch_dir("disk-full-undo");
    assert_non_null(d);
    char dir[512], path[700], log[700];
    str_copy(dir, sizeof dir, d);
    const Question *q = &class_pack->questions[0];
    ProgressFile pf;
    progress_init(&pf, class_pack->id);
    DeckConfig cfg;
    deck_config_default(&cfg);
    FsrsParams params;
    fsrs_params_default(&params);
    DeckStore store = {save_io_posix(), dir};
    assert_true(progress_file_path(path, sizeof path, dir, class_pack->id));
    assert_true(progress_log_path(log, sizeof log, dir));
    DeckUndo undo;
    SaveError e;
    assert_int_equal(deck_grade(&store, &params, &cfg, &pf, q, FSRS_GOOD, NOW, 1, &undo, &e),
                     DECK_OK);
    size_t progress_len = 0, log_len = 0;
    char *progress_old = read_file(path, &progress_len);
    char *log_old = read_file(log, &log_len);
    assert_non_null(progress_old);
    assert_non_null(log_old);

    /* no room at all: nothing changes, and the undo can be tried again */
    Disk disk;
    disk_init(&disk, 0, false);
    store.io = &disk.io;
    assert_int_equal(deck_undo(&store, &pf, &undo, NOW + 1, &e), DECK_SAVE_FAILED);
    expect_enospc(&e, log, APPENDED);
    assert_true(undo.valid);
    assert_int_equal(progress_find(&pf, q->id)->fsrs.reps, 1);
    size_t len = 0;
    char *now = read_file(log, &len);
    assert_int_equal(len, log_len);
    assert_memory_equal(now, log_old, len);
    free(now);

    /* room for the undo record, not for the progress: the log takes the review back, the
     * progress keeps it, and the undo is used up */
    disk_init(&disk, log_len + 8, false);
    assert_int_equal(deck_undo(&store, &pf, &undo, NOW + 2, &e), DECK_SAVE_FAILED);
    expect_enospc(&e, path, REPLACED);
    assert_false(undo.valid);
    assert_int_equal(progress_find(&pf, q->id)->fsrs.reps, 1);
    now = read_file(path, &len);
    assert_int_equal(len, progress_len);
    assert_memory_equal(now, progress_old, len);
    free(now);
    ProgressLog pl = {0};
    assert_true(progress_log_read(log, &pl, NULL, NULL, &e));
    assert_int_equal(pl.count, 2);
    assert_true(pl.entries[0].undone);
    progress_log_free(&pl);
    store.io = save_io_posix();
    assert_int_equal(deck_undo(&store, &pf, &undo, NOW + 3, &e), DECK_INVALID);
    free(progress_old);
    free(log_old);
    progress_free(&pf);
}

/* ---- the real game with a file size limit ---- */

enum { SNAP_MAX = 64 };

typedef struct Snapshot {
    char *path[SNAP_MAX];
    char *data[SNAP_MAX];
    size_t len[SNAP_MAX];
    int count;
} Snapshot;

/* Every regular file under `dir`, with its bytes. */
static void snapshot_add(Snapshot *s, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        return;
    }
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0) {
            continue;
        }
        char path[1600];
        str_format(path, sizeof path, "%s/%s", dir, de->d_name);
        struct stat st;
        assert_int_equal(stat(path, &st), 0);
        if (S_ISDIR(st.st_mode)) {
            snapshot_add(s, path);
            continue;
        }
        assert_true(s->count < SNAP_MAX);
        s->path[s->count] = strdup(path);
        s->data[s->count] = read_file(path, &s->len[s->count]);
        assert_non_null(s->data[s->count]);
        s->count++;
    }
    closedir(d);
}

static int snapshot_find(const Snapshot *s, const char *path)
{
    for (int i = 0; i < s->count; i++) {
        if (strcmp(s->path[i], path) == 0) {
            return i;
        }
    }
    return -1;
}

static void snapshot_free(Snapshot *s)
{
    for (int i = 0; i < s->count; i++) {
        free(s->path[i]);
        free(s->data[i]);
    }
    s->count = 0;
}

/* Runs the game with `args` and `script` in home `dir`; with `limit` > 0, under that file size
 * limit with SIGXFSZ ignored, so that writes fail with EFBIG. Output and errors go to `out`
 * through a pipe (a pipe has no size limit). Returns the wait status. */
static int run_game(const char *dir, const char *args, const char *script, rlim_t limit,
                    StrBuf *out)
{
    char cmd[8000];
    char env[3500];
    game_env(env, sizeof env, dir);
    str_format(cmd, sizeof cmd, "exec env %s %s --window 1024x768 --seed 1 %s --script %s 2>&1",
               env, game_binary(), args, script);
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        dup2(fds[1], 1);
        close(fds[0]);
        close(fds[1]);
        if (limit > 0) {
            struct rlimit rl = {limit, limit};
            signal(SIGXFSZ, SIG_IGN); /* stays ignored across exec */
            if (setrlimit(RLIMIT_FSIZE, &rl) != 0) {
                _exit(120);
            }
        }
        execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
        _exit(121);
    }
    close(fds[1]);
    strbuf_clear(out);
    char buf[4096];
    ssize_t n;
    while ((n = read(fds[0], buf, sizeof buf)) > 0) {
        strbuf_append(out, buf, (size_t)n);
    }
    close(fds[0]);
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    return status;
}

typedef struct Play {
    const char *args;
    const char *script;      /* under tests/scripts/ */
    const char *on_full;     /* more expect lines for the run on a full disk */
    const char *warnings[3]; /* what stderr must say then */
} Play;

#define QUIZ_ARGS "--play --pack tests/scripts/e2e-pack.ini --count 0"
#define CLASS_ARGS "--classroom --teams 3 --pack " CLASS_PACK

/* Each runs once with room, writing the files, then once on a full disk. */
static const Play plays[] = {
    {QUIZ_ARGS,
     "disk-full-quiz.qds",
     "expect warnings >= 2\nexpect warning ~ scores.ini: File too large\n",
     {"history.log: File too large (the earlier records are unchanged)",
      "scores.ini: File too large (the previous file is unchanged)", NULL}},
    {"",
     "disk-full-settings.qds",
     "expect warning ~ settings.ini: File too large\n",
     {"settings.ini: File too large (the previous file is unchanged)", NULL, NULL}},
    {"",
     "disk-full-cards.qds",
     "expect cards.reviewed = 0\nexpect warning ~ File too large\n",
     {"/progress/csto-", "ini: File too large (the previous file is unchanged)", NULL}},
    {CLASS_ARGS,
     "disk-full-class-end.qds",
     "expect class.results = \"\"\nexpect warning ~ File too large (nothing was written)\n",
     {"The game could not be saved for resuming: could not save",
      "state.ini: File too large (the previous file is unchanged)",
      "-class-test.csv: File too large (nothing was written)"}},
};

static void test_game_on_a_full_disk(void **state)
{
    (void)state;
    const char *home = game_home("disk-full-game");
    char dir[1100], script[1300];
    str_copy(dir, sizeof dir, home);
    StrBuf out = STRBUF_INIT;
    /* with room: every file written, and a classroom game left after its first question */
    for (size_t i = 0; i < sizeof plays / sizeof plays[0]; i++) {
        const char *name =
            i + 1 < sizeof plays / sizeof plays[0] ? plays[i].script : "disk-full-class-start.qds";
        str_format(script, sizeof script, "tests/scripts/%s", name);
        int status = run_game(dir, plays[i].args, script, 0, &out);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 ||
            strstr(strbuf_cstr(&out), "warning")) {
            print_error("%s with room: status %d\n%s\n", name, status, strbuf_cstr(&out));
            fail();
        }
    }
    Snapshot before = {0};
    char sub[1200];
    str_format(sub, sizeof sub, "%s/config", dir);
    snapshot_add(&before, sub);
    str_format(sub, sizeof sub, "%s/data", dir);
    snapshot_add(&before, sub);
    static const char *const written[] = {
        "/config/quizdeck/settings.ini",      "/data/quizdeck/scores.ini",
        "/data/quizdeck/history.log",         "/data/quizdeck/profiles/default/reviews.log",
        "/data/quizdeck/classroom/state.ini", "/data/quizdeck/profiles/last",
    };
    for (size_t i = 0; i < sizeof written / sizeof written[0]; i++) {
        char path[1300];
        str_format(path, sizeof path, "%s%s", dir, written[i]);
        assert_true(snapshot_find(&before, path) >= 0);
    }
    /* on a full disk: 4 bytes a file at most */
    for (size_t i = 0; i < sizeof plays / sizeof plays[0]; i++) {
        char from[300];
        str_format(from, sizeof from, "tests/scripts/%s", plays[i].script);
        char *text = read_file(from, NULL);
        assert_non_null(text);
        StrBuf full = STRBUF_INIT;
        strbuf_printf(&full, "%s%s", text, plays[i].on_full);
        free(text);
        str_format(script, sizeof script, "%s/full.qds", dir);
        assert_true(write_file(script, full.data, full.len));
        strbuf_free(&full);
        int status = run_game(dir, plays[i].args, script, 4, &out);
        const char *said_text = strbuf_cstr(&out);
        bool said = strstr(said_text, "quizdeck: warning: could not save") ||
                    strstr(said_text, "quizdeck: warning: could not add to");
        for (int w = 0; w < 3 && plays[i].warnings[w]; w++) {
            said = said && strstr(said_text, plays[i].warnings[w]);
        }
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || !said) {
            print_error("%s on a full disk: status %d\n%s\n", plays[i].script, status,
                        strbuf_cstr(&out));
            fail();
        }
    }
    /* every file as it was, and nothing new beside them */
    Snapshot after = {0};
    str_format(sub, sizeof sub, "%s/config", dir);
    snapshot_add(&after, sub);
    str_format(sub, sizeof sub, "%s/data", dir);
    snapshot_add(&after, sub);
    for (int i = 0; i < after.count; i++) {
        int b = snapshot_find(&before, after.path[i]);
        if (b < 0) {
            print_error("%s appeared on a full disk\n", after.path[i]);
            fail();
        }
        if (before.len[b] != after.len[i] ||
            memcmp(before.data[b], after.data[i], after.len[i]) != 0) {
            print_error("%s changed on a full disk\n", after.path[i]);
            fail();
        }
    }
    assert_int_equal(after.count, before.count);
    print_message("%d files byte for byte after %d runs on a full disk\n", after.count,
                  (int)(sizeof plays / sizeof plays[0]));
    snapshot_free(&before);
    snapshot_free(&after);
    strbuf_free(&out);
}

static int setup(void **state)
{
    (void)state;
    DiagList d = DIAGLIST_INIT;
    class_pack = pack_load_file(CLASS_PACK, &d);
    diag_list_free(&d);
    return class_pack ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    pack_destroy(class_pack);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_save_on_a_full_disk),
        cmocka_unit_test(test_results_on_a_full_disk),
        cmocka_unit_test(test_undo_on_a_full_disk),
        cmocka_unit_test(test_game_on_a_full_disk),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
