/* test_limits.c - every documented limit, met and passed, on inputs generated at run time in a
 * temporary folder (never committed): a 10 MB line in each kind of file, 100,000 questions,
 * 10,000 choices, a pack that is a folder or a FIFO, symbolic links in a loop, a folder of more
 * packs than are read; numbers at the edge of `long`; diagnostics that quote what a file holds.
 * Each case compares its diagnostics with tests/expected/limits/NAME.txt (the temporary folder
 * written as $TMP; UPDATE_GOLDEN=1 rewrites them) and checks that a normal load afterwards still
 * works. The last case runs `quizdeck --check` on such a pack folder. */
#include "support.h"

#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/classroom.h"
#include "core/highscore.h"
#include "core/library.h"
#include "core/number.h"
#include "core/progress.h"
#include "core/save.h"
#include "core/script.h"
#include "core/settings.h"

static const time_t NOW = 1795947300; /* 2026-11-29T10:15:00Z */

enum { MB = 1024 * 1024, TEN_MB = 10 * MB };

/* ---- the temporary folder ---------------------------------------------------------------- */

static char tmp_root[512]; /* made by setup, removed by teardown */

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path) == 0 || errno == ENOENT ? 0 : -1;
}

static int setup(void **state)
{
    (void)state;
    const char *base = getenv("TMPDIR");
    str_format(tmp_root, sizeof tmp_root, "%s/quizdeck-limits-XXXXXX",
               base && base[0] == '/' ? base : "/tmp");
    return mkdtemp(tmp_root) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    /* FTW_PHYS: symbolic links are removed, never followed (some of them loop) */
    return nftw(tmp_root, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* `tmp_root/name` in a static buffer (one of four, so a few can be used at once). */
static const char *tmp_path(const char *name)
{
    static char bufs[4][700];
    static int next;
    char *b = bufs[next++ % 4];
    str_format(b, sizeof bufs[0], "%s/%s", tmp_root, name);
    return b;
}

static void make_dir(const char *name)
{
    SaveError e;
    assert_true(save_make_dirs(save_io_posix(), tmp_path(name), &e));
}

static void put(const char *name, const char *text)
{
    const char *path = tmp_path(name);
    SaveError e;
    assert_true(save_make_parent_dirs(save_io_posix(), path, &e));
    assert_true(write_file(path, text, strlen(text)));
}

/* Writes `head`, then `n` bytes of `fill`, then `tail`, to `name`. */
static void put_long(const char *name, const char *head, char fill, size_t n, const char *tail)
{
    StrBuf sb = STRBUF_INIT;
    strbuf_puts(&sb, head);
    char chunk[65536];
    memset(chunk, fill, sizeof chunk);
    for (size_t left = n; left > 0;) {
        size_t k = left < sizeof chunk ? left : sizeof chunk;
        strbuf_append(&sb, chunk, k);
        left -= k;
    }
    strbuf_puts(&sb, tail);
    assert_false(sb.oom);
    const char *path = tmp_path(name);
    SaveError e;
    assert_true(save_make_parent_dirs(save_io_posix(), path, &e));
    assert_true(write_file(path, sb.data, sb.len));
    strbuf_free(&sb);
}

/* Compares `got`, with the temporary folder written as $TMP, with tests/expected/limits/NAME.txt
 * (UPDATE_GOLDEN=1 rewrites it). */
static void expect_text(const char *name, const char *got)
{
    StrBuf clean = STRBUF_INIT;
    size_t n = strlen(tmp_root);
    for (const char *p = got; *p;) {
        if (strncmp(p, tmp_root, n) == 0) {
            strbuf_puts(&clean, "$TMP");
            p += n;
        } else {
            strbuf_append(&clean, p++, 1);
        }
    }
    char path[256];
    str_format(path, sizeof path, "tests/expected/limits/%s.txt", name);
    if (getenv("UPDATE_GOLDEN")) {
        assert_true(write_file(path, clean.data, clean.len));
    }
    char *want = read_file(path, NULL);
    if (!want || strcmp(want, strbuf_cstr(&clean)) != 0) {
        print_error("%s differs (UPDATE_GOLDEN=1 rewrites); got:\n%s", path, strbuf_cstr(&clean));
        fail();
    }
    free(want);
    strbuf_free(&clean);
}

/* The diagnostics as text, at most `max` of them, then the counts. */
static void format_diags(const DiagList *d, size_t max, StrBuf *out)
{
    for (size_t i = 0; i < d->count && i < max; i++) {
        diag_format(&d->items[i], out);
        strbuf_puts(out, "\n");
    }
    if (d->count > max) {
        strbuf_printf(out, "(%zu more stored)\n", d->count - max);
    }
    strbuf_printf(out, "-- %zu errors, %zu warnings, %zu notes, %zu not stored\n",
                  d->counts[DIAG_ERROR], d->counts[DIAG_WARNING], d->counts[DIAG_NOTE], d->dropped);
}

/* Loads the pack at tmp `name`; appends its diagnostics and what loaded to `out`. */
static void load_pack(const char *name, StrBuf *out)
{
    DiagList d = DIAGLIST_INIT;
    Pack *p = pack_load_file(tmp_path(name), &d);
    format_diags(&d, 10, out);
    if (p) {
        strbuf_printf(out, "loaded: %d questions\n", p->question_count);
    } else {
        strbuf_puts(out, "not loaded\n");
    }
    pack_destroy(p);
    diag_list_free(&d);
}

#define GOOD_PACK                                                                                  \
    PACK_HEADER "\n[q1]\ntype = truefalse\nprompt = Still here?\nanswer = true\nexplain = "        \
                "Yes.\nsource = s\n"

/* A good pack loads cleanly: what went before left nothing behind. */
static void good_pack_loads(void)
{
    put("good.ini", GOOD_PACK);
    DiagList d = DIAGLIST_INIT;
    Pack *p = pack_load_file(tmp_path("good.ini"), &d);
    assert_non_null(p);
    assert_int_equal(d.count, 0);
    assert_int_equal(p->question_count, 1);
    pack_destroy(p);
    diag_list_free(&d);
}

/* ---- packs ------------------------------------------------------------------------------- */

static void test_pack_long_lines(void **state)
{
    (void)state;
    StrBuf out = STRBUF_INIT;
    const char *head = PACK_HEADER "\n[q1]\ntype = truefalse\nprompt = ";
    const char *tail = "\nanswer = true\nexplain = e\nsource = s\n";
    /* 10 MB on one line: past the file size limit, refused unread */
    put_long("ten-mb-line.ini", head, 'x', TEN_MB, tail);
    strbuf_puts(&out, "# a 10 MB line\n");
    load_pack("ten-mb-line.ini", &out);
    /* 4 MB on one line, under the file size limit: one error on that line */
    put_long("four-mb-line.ini", head, 'x', 4 * MB, tail);
    strbuf_puts(&out, "# a 4 MB line\n");
    load_pack("four-mb-line.ini", &out);
    /* a value of 2000 bytes on continuation lines loads; 2001 does not */
    for (int extra = 0; extra < 2; extra++) {
        StrBuf sb = STRBUF_INIT;
        strbuf_puts(&sb, PACK_HEADER "\n[q1]\ntype = truefalse\nprompt = ");
        /* 20 pieces joined by 19 spaces: 100 + extra + 19 * 99 + 19 = 2000 + extra bytes */
        for (int i = 0; i < 20; i++) {
            size_t n = i == 0 ? 100 + (size_t)extra : 99;
            strbuf_puts(&sb, i ? "    " : "");
            for (size_t k = 0; k < n; k++) {
                strbuf_append(&sb, "v", 1);
            }
            strbuf_puts(&sb, "\n");
        }
        strbuf_puts(&sb, "answer = true\nexplain = e\nsource = s\n");
        put(extra ? "value-2001.ini" : "value-2000.ini", sb.data);
        strbuf_free(&sb);
        strbuf_printf(&out, "# a value of %d bytes\n", 2000 + extra);
        load_pack(extra ? "value-2001.ini" : "value-2000.ini", &out);
    }
    expect_text("pack-long-lines", strbuf_cstr(&out));
    strbuf_free(&out);
    good_pack_loads();
}

/* `count` questions of the smallest sound kind, with `pad` more bytes in each prompt. */
static void put_questions(const char *name, int count, int pad)
{
    StrBuf sb = STRBUF_INIT;
    strbuf_puts(&sb, PACK_HEADER);
    for (int i = 0; i < count; i++) {
        strbuf_printf(&sb,
                      "[q%d]\ntype = truefalse\nprompt = p%.*s\nanswer = true\nexplain = e\n"
                      "source = s\n",
                      i, pad, "..........................................................");
    }
    assert_false(sb.oom);
    put(name, sb.data);
    strbuf_free(&sb);
}

static void test_pack_many_questions(void **state)
{
    (void)state;
    StrBuf out = STRBUF_INIT;
    put_questions("q20000.ini", PACK_QUESTIONS_MAX, 0);
    strbuf_puts(&out, "# 20000 questions: the limit\n");
    load_pack("q20000.ini", &out);
    put_questions("q20001.ini", PACK_QUESTIONS_MAX + 1, 0);
    strbuf_puts(&out, "# 20001 questions\n");
    load_pack("q20001.ini", &out);
    /* 100,000 small questions fit in 8 MiB: the question limit refuses them, once */
    put_questions("q100000-small.ini", 100000, 0);
    struct stat st;
    assert_int_equal(stat(tmp_path("q100000-small.ini"), &st), 0);
    assert_true(st.st_size < PACK_BYTES_MAX);
    strbuf_puts(&out, "# 100000 small questions\n");
    load_pack("q100000-small.ini", &out);
    /* 100,000 longer ones do not: refused unread */
    put_questions("q100000-large.ini", 100000, 40);
    assert_int_equal(stat(tmp_path("q100000-large.ini"), &st), 0);
    assert_true(st.st_size > PACK_BYTES_MAX);
    strbuf_puts(&out, "# 100000 larger questions\n");
    load_pack("q100000-large.ini", &out);
    expect_text("pack-many-questions", strbuf_cstr(&out));
    strbuf_free(&out);
    good_pack_loads();
}

static void test_pack_many_choices(void **state)
{
    (void)state;
    /* 10,000 choice lines, a to z over and over */
    StrBuf sb = STRBUF_INIT;
    strbuf_puts(&sb, PACK_HEADER "\n[q1]\ntype = single\nprompt = Pick one\n");
    for (int i = 0; i < 10000; i++) {
        strbuf_printf(&sb, "%c = choice %d\n", 'a' + i % 26, i);
    }
    strbuf_puts(&sb, "answer = a\nexplain = e\nsource = s\n");
    put("choices-10000.ini", sb.data);
    strbuf_free(&sb);
    StrBuf out = STRBUF_INIT;
    load_pack("choices-10000.ini", &out);
    expect_text("pack-many-choices", strbuf_cstr(&out));
    strbuf_free(&out);
    good_pack_loads();
}

static void test_pack_not_a_file(void **state)
{
    (void)state;
    StrBuf out = STRBUF_INIT;
    make_dir("folder.ini");
    strbuf_puts(&out, "# a folder\n");
    load_pack("folder.ini", &out);
    /* a FIFO is refused without opening it, so loading never blocks */
    assert_int_equal(mkfifo(tmp_path("fifo.ini"), 0600), 0);
    strbuf_puts(&out, "# a FIFO\n");
    load_pack("fifo.ini", &out);
    strbuf_puts(&out, "# nothing there\n");
    load_pack("missing.ini", &out);
    expect_text("pack-not-a-file", strbuf_cstr(&out));
    strbuf_free(&out);
    good_pack_loads();
}

/* A pack folder through the library: every entry, then what is live. */
static void dump_library(const char *dir, StrBuf *out)
{
    Library lib = LIBRARY_INIT;
    library_add_dir(&lib, tmp_path(dir), NULL, ORIGIN_USER, false);
    library_resolve(&lib);
    for (int i = 0; i < lib.count; i++) {
        const LibraryEntry *e = &lib.entries[i];
        if (e->pack && e->diags.count == 0) {
            continue; /* only the ones with something to say */
        }
        strbuf_printf(out, "entry %s: %s\n", e->path, e->pack ? "live" : "not loaded");
        format_diags(&e->diags, 3, out);
    }
    strbuf_printf(out, "-- %d entries, %d packs live\n", lib.count, library_pack_count(&lib));
    library_free(&lib);
}

static void test_symlink_loops(void **state)
{
    (void)state;
    make_dir("links");
    put("links/good.ini", GOOD_PACK);
    assert_int_equal(symlink("b.ini", tmp_path("links/a.ini")), 0);
    assert_int_equal(symlink("a.ini", tmp_path("links/b.ini")), 0);
    assert_int_equal(symlink("self.ini", tmp_path("links/self.ini")), 0);
    assert_int_equal(symlink(".", tmp_path("links/here.ini")), 0); /* the folder itself */
    assert_int_equal(symlink("gone.ini", tmp_path("links/dangling.ini")), 0);
    assert_int_equal(symlink("deeper", tmp_path("links/deeper")), 0); /* not a pack name */
    StrBuf out = STRBUF_INIT;
    strbuf_puts(&out, "# a folder of links\n");
    dump_library("links", &out);
    /* the pack folder itself a link to itself */
    assert_int_equal(symlink("loop-dir", tmp_path("loop-dir")), 0);
    strbuf_puts(&out, "# a pack folder that is a loop\n");
    dump_library("loop-dir", &out);
    expect_text("symlink-loops", strbuf_cstr(&out));
    strbuf_free(&out);
    good_pack_loads();
}

static void test_folder_of_many_packs(void **state)
{
    (void)state;
    make_dir("many");
    char name[64];
    for (int i = 0; i <= LIBRARY_DIR_PACKS_MAX; i++) {
        str_format(name, sizeof name, "many/p%04d.ini", i);
        char text[400];
        str_format(text, sizeof text,
                   "[pack]\nformat = 1\nid = p%04d\ntitle = P\n\n[q1]\ntype = truefalse\n"
                   "prompt = p\nanswer = true\nexplain = e\nsource = s\n",
                   i);
        put(name, text);
    }
    StrBuf out = STRBUF_INIT;
    dump_library("many", &out);
    expect_text("folder-of-many-packs", strbuf_cstr(&out));
    strbuf_free(&out);
}

/* ---- files the game writes --------------------------------------------------------------- */

static void test_settings_long_line(void **state)
{
    (void)state;
    const char *path = tmp_path("config/settings.ini");
    put_long("config/settings.ini", "[quiz]\ncount = 25\ntopic = ", 'x', TEN_MB, "\n");
    Settings s;
    settings_init(&s);
    DiagList d = DIAGLIST_INIT;
    LoadReport report;
    assert_true(settings_load(&s, save_io_posix(), path, NOW, &d, &report));
    assert_true(report.set_aside);
    assert_int_equal(s.question_count, 10); /* defaults */
    StrBuf out = STRBUF_INIT;
    format_diags(&d, 10, &out);
    expect_text("settings-long-line", strbuf_cstr(&out));
    strbuf_free(&out);
    diag_list_free(&d);
    /* the game goes on: a save, then a clean load */
    SaveError e;
    s.question_count = 12;
    assert_true(settings_save(&s, save_io_posix(), path, &e));
    settings_free(&s);
    assert_true(settings_load(&s, save_io_posix(), path, NOW, &d, &report));
    assert_int_equal(d.count, 0);
    assert_false(report.set_aside);
    assert_int_equal(s.question_count, 12);
    settings_free(&s);
}

static void test_progress_long_line(void **state)
{
    (void)state;
    const char *path = tmp_path("data/progress/test.ini");
    put_long("data/progress/test.ini",
             "version = 1\npack = test\n\n[kept]\nrevision = 1\n\n[noted]\nrevision = 1\nnote = ",
             'x', TEN_MB, "\n");
    ProgressFile pf;
    progress_init(&pf, "test");
    DiagList d = DIAGLIST_INIT;
    LoadReport report;
    assert_true(progress_load(&pf, save_io_posix(), path, NOW, &d, &report));
    assert_true(report.set_aside);
    StrBuf out = STRBUF_INIT;
    format_diags(&d, 10, &out);
    for (size_t i = 0; i < pf.count; i++) {
        strbuf_printf(&out, "card %s\n", pf.cards[i].id);
    }
    expect_text("progress-long-line", strbuf_cstr(&out));
    strbuf_free(&out);
    diag_list_free(&d);
    SaveError e;
    assert_true(progress_save(&pf, save_io_posix(), path, &e));
    progress_free(&pf);
    assert_true(progress_load(&pf, save_io_posix(), path, NOW, &d, &report));
    assert_int_equal(d.count, 0);
    assert_int_equal(pf.count, 2);
    progress_free(&pf);
}

static void test_scores_long_line(void **state)
{
    (void)state;
    const char *path = tmp_path("data/scores.ini");
    put_long("data/scores.ini", "[quizdeck]\nversion = 1\n\n[score]\nname = ", 'x', TEN_MB, "\n");
    ScoreBoard *b = scoreboard_create();
    assert_non_null(b);
    DiagList d = DIAGLIST_INIT;
    LoadReport report;
    assert_true(scoreboard_load(b, save_io_posix(), path, NOW, &d, &report));
    assert_true(report.set_aside);
    StrBuf out = STRBUF_INIT;
    format_diags(&d, 10, &out);
    expect_text("scores-long-line", strbuf_cstr(&out));
    strbuf_free(&out);
    diag_list_free(&d);
    SaveError e;
    assert_true(scoreboard_save(b, save_io_posix(), path, &e));
    assert_true(scoreboard_load(b, save_io_posix(), path, NOW, &d, &report));
    assert_int_equal(d.count, 0);
    scoreboard_destroy(b);
}

static double seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Files as large as their limits allow, of many small parts: read in linear time (when each
 * card was looked up among all the earlier ones, this progress file took minutes). */
static void test_many_cards_and_tables(void **state)
{
    (void)state;
    StrBuf sb = STRBUF_INIT;
    strbuf_puts(&sb, "version = 1\npack = test\n");
    for (int i = 0; i < 200000; i++) {
        strbuf_printf(&sb, "[q%d]\nrevision = 1\n", i);
    }
    assert_true(sb.len < PROGRESS_FILE_MAX);
    put("data/many-cards.ini", sb.data);
    ProgressFile pf;
    progress_init(&pf, "test");
    DiagList d = DIAGLIST_INIT;
    double t = seconds();
    assert_true(
        progress_load(&pf, save_io_posix(), tmp_path("data/many-cards.ini"), NOW, &d, NULL));
    assert_int_equal(d.count, 0);
    assert_int_equal(pf.count, 200000);
    /* matched against a pack of the most questions there may be */
    put_questions("q20000-cards.ini", PACK_QUESTIONS_MAX, 0);
    Pack *p = pack_load_file(tmp_path("q20000-cards.ini"), &d);
    assert_non_null(p);
    assert_int_equal(progress_reconcile(&pf, p, &d), 0);
    assert_false(pf.cards[0].vanished);
    assert_true(pf.cards[PACK_QUESTIONS_MAX].vanished);
    double progress_s = seconds() - t;
    pack_destroy(p);
    progress_free(&pf);
    strbuf_clear(&sb);
    strbuf_puts(&sb, "[quizdeck]\nversion = 1\n");
    for (int i = 0; sb.len < SCOREBOARD_FILE_MAX - 200; i++) {
        strbuf_printf(
            &sb,
            "[score]\nselection = s%d\nwhen = 2026-11-28T09:00:00Z\ntotal = 1\nright = 1\n"
            "asked = 1\ntime_ms = 1\nmode = timed\ncount = 1\n",
            i);
    }
    put("data/many-tables.ini", sb.data);
    strbuf_free(&sb);
    ScoreBoard *b = scoreboard_create();
    t = seconds();
    assert_true(
        scoreboard_load(b, save_io_posix(), tmp_path("data/many-tables.ini"), NOW, &d, NULL));
    assert_int_equal(d.count, 0);
    assert_true(scoreboard_selection_count(b) > 30000);
    double scores_s = seconds() - t;
    scoreboard_destroy(b);
    diag_list_free(&d);
    /* generous bounds for a slow machine under sanitizers; quadratic reading took minutes */
    assert_true(progress_s < 30);
    assert_true(scores_s < 30);
}

static bool count_record(void *ctx, const char *selection, const ScoreEntry *entry, int line)
{
    (void)selection;
    (void)entry;
    (void)line;
    (*(int *)ctx)++;
    return true;
}

static void test_history_long_line(void **state)
{
    (void)state;
    /* a log whose middle line is 10 MB of noise: skipped with a warning, the rest read */
    const char *path = tmp_path("data/history.log");
    ScoreEntry entry;
    memset(&entry, 0, sizeof entry);
    entry.when = NOW;
    entry.total = 100;
    entry.right = 1;
    entry.asked = 1;
    entry.time_ms = 1000;
    entry.count = 1;
    str_copy(entry.mode, sizeof entry.mode, "timed");
    SaveError e;
    assert_true(history_append(save_io_posix(), path, "all", &entry, &e));
    char *first = read_file(path, NULL);
    assert_non_null(first);
    put_long("data/history.log", first, 'x', TEN_MB, "\n");
    free(first);
    assert_true(history_append(save_io_posix(), path, "all", &entry, &e));
    DiagList d = DIAGLIST_INIT;
    SaveLogStats stats;
    int records = 0;
    assert_true(history_read(path, count_record, &records, &stats, &d, &e));
    assert_int_equal(records, 2);
    assert_int_equal(stats.damaged, 1);
    StrBuf out = STRBUF_INIT;
    format_diags(&d, 10, &out);
    expect_text("history-long-line", strbuf_cstr(&out));
    strbuf_free(&out);
    diag_list_free(&d);
}

static void test_classroom_long_line(void **state)
{
    (void)state;
    const char *path = tmp_path("data/classroom/state.ini");
    put_long("data/classroom/state.ini", "[classroom]\nformat = 1\nmode = ", 'x', TEN_MB, "\n");
    DiagList d = DIAGLIST_INIT;
    ClassLoadStatus st;
    assert_null(classroom_load(NULL, 0, save_io_posix(), path, NOW, 0, &d, &st));
    assert_int_equal(st, CLASS_LOAD_DAMAGED);
    assert_int_equal(access(path, F_OK), -1); /* set aside, so a new game can be saved */
    StrBuf out = STRBUF_INIT;
    format_diags(&d, 10, &out);
    expect_text("classroom-long-line", strbuf_cstr(&out));
    strbuf_free(&out);
    diag_list_free(&d);
}

static void test_script_long_line(void **state)
{
    (void)state;
    put_long("long.qds", "clock 2026-03-01T09:00:00Z\ntype ", 'x', TEN_MB, "\nquit\n");
    DiagList d = DIAGLIST_INIT;
    assert_null(script_load_file(tmp_path("long.qds"), &d));
    StrBuf out = STRBUF_INIT;
    format_diags(&d, 10, &out);
    expect_text("script-long-line", strbuf_cstr(&out));
    strbuf_free(&out);
    diag_list_free(&d);
    put("short.qds", "clock 2026-03-01T09:00:00Z\ntype xxxx\nquit\n");
    Script *s = script_load_file(tmp_path("short.qds"), &d);
    assert_non_null(s);
    assert_int_equal(d.count, 0);
    script_destroy(s);
}

/* ---- numbers ------------------------------------------------------------------------------ */

static void test_whole_numbers_at_the_edge(void **state)
{
    (void)state;
    long v = 0;
    char text[32];
    str_format(text, sizeof text, "%ld", LONG_MAX);
    assert_true(number_parse_int(text, 0, LONG_MAX, &v));
    assert_true(v == LONG_MAX);
    str_format(text, sizeof text, "-%ld", LONG_MAX);
    assert_true(number_parse_int(text, -LONG_MAX, 0, &v));
    assert_true(v == -LONG_MAX);
    /* one past, and far past: refused, never wrapped (UBSan fails the test on an overflow) */
    assert_false(number_parse_int("9223372036854775808", 0, LONG_MAX, &v));
    assert_false(number_parse_int("99999999999999999999", 0, 100, &v));
    assert_false(number_parse_int("-99999999999999999999", -LONG_MAX, 0, &v));
    assert_false(number_parse_int("18446744073709551616", -LONG_MAX, LONG_MAX, &v));
    /* what the files must not hold */
    static const char *const never[] = {"1e999", "1e3", "nan", "inf", "-inf",  "0x10", "",
                                        " ",     "+",   "-",   "1.0", "1,000", "10 0"};
    for (size_t i = 0; i < sizeof never / sizeof never[0]; i++) {
        v = 42;
        assert_false(number_parse_int(never[i], -LONG_MAX, LONG_MAX, &v));
        assert_int_equal(v, 42);
    }
}

static void test_minus_zero(void **state)
{
    (void)state;
    long v = 7;
    /* where no number may be negative, a minus sign is refused even on zero */
    assert_false(number_parse_int("-0", 0, 100, &v));
    assert_false(number_parse_int("-00", 1, 100, &v));
    assert_int_equal(v, 7);
    /* where one may, "-0" is zero */
    assert_true(number_parse_int("-0", -5, 5, &v));
    assert_int_equal(v, 0);
    /* a decimal "-0" is zero, never a negative zero that prints as "-0.000000" */
    double d = 1;
    assert_true(number_parse_strict("-0", &d));
    assert_true(d == 0 && !signbit(d));
    assert_true(number_parse_strict("-0.000", &d));
    assert_true(d == 0 && !signbit(d));
    assert_true(number_parse_input("-0,0", &d));
    assert_true(d == 0 && !signbit(d));
    assert_true(number_parse_strict("-0.5", &d));
    assert_true(d == -0.5);
}

/* ---- the game itself --------------------------------------------------------------------- */

/* Keeps the lines of `text` that name the user's pack folder. */
static void user_lines(const char *text, const char *folder, StrBuf *out)
{
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) + 1 : strlen(p);
        char line[1200];
        str_format(line, sizeof line, "%.*s", (int)n, p);
        if (strstr(line, folder)) {
            strbuf_puts(out, line);
        }
        p += n;
    }
}

static void test_check_command(void **state)
{
    (void)state;
    /* a home of its own: the user's pack folder holds the generated packs */
    char home[700];
    str_copy(home, sizeof home, tmp_path("home"));
    make_dir("home/data/quizdeck/packs");
    make_dir("home/config");
    make_dir("home/run");
    assert_int_equal(chmod(tmp_path("home/run"), 0700), 0);
    const char *packs = "home/data/quizdeck/packs";
    char name[256];
    str_format(name, sizeof name, "%s/ten-mb-line.ini", packs);
    put_long(name, PACK_HEADER "\n[q1]\ntype = truefalse\nprompt = ", 'x', TEN_MB,
             "\nanswer = true\n");
    str_format(name, sizeof name, "%s/q100000.ini", packs);
    put_questions(name, 100000, 0);
    StrBuf sb = STRBUF_INIT;
    strbuf_puts(&sb, "[pack]\nformat = 1\nid = choices\ntitle = C\n\n[q1]\ntype = single\n"
                     "prompt = Pick one\n");
    for (int i = 0; i < 10000; i++) {
        strbuf_printf(&sb, "%c = choice %d\n", 'a' + i % 26, i);
    }
    strbuf_puts(&sb, "answer = a\n");
    str_format(name, sizeof name, "%s/choices.ini", packs);
    put(name, sb.data);
    strbuf_free(&sb);
    str_format(name, sizeof name, "%s/folder.ini", packs);
    make_dir(name);
    str_format(name, sizeof name, "%s/a.ini", packs);
    assert_int_equal(symlink("b.ini", tmp_path(name)), 0);
    str_format(name, sizeof name, "%s/b.ini", packs);
    assert_int_equal(symlink("a.ini", tmp_path(name)), 0);
    str_format(name, sizeof name, "%s/zz-good.ini", packs);
    put(name, "[pack]\nformat = 1\nid = still-here\ntitle = Still here\n\n[q1]\ntype = truefalse\n"
              "prompt = Does this one load?\nanswer = true\nexplain = Yes.\nsource = s\n");

    StrBuf out = STRBUF_INIT, got = STRBUF_INIT;
    int rc = game_run(home, "--check", &out);
    assert_int_equal(rc, 1);
    char folder[700];
    str_copy(folder, sizeof folder, tmp_path(packs));
    user_lines(strbuf_cstr(&out), folder, &got);
    const char *all = strbuf_cstr(&out);
    const char *last = all + strlen(all);
    while (last > all && last[-1] == '\n') {
        last--;
    }
    while (last > all && last[-1] != '\n') {
        last--;
    }
    strbuf_printf(&got, "# last line ends with: %s",
                  strstr(last, ", with errors") ? ", with errors\n" : last);
    /* the bundled packs load beside the broken ones */
    assert_non_null(strstr(all, "questions/csto-members.ini: ok"));
    expect_text("check-command", strbuf_cstr(&got));

    /* a pack path that is a folder, named on the command line */
    char args[1200];
    str_format(args, sizeof args, "--check '%s'", tmp_path("home/data/quizdeck/packs/folder.ini"));
    rc = game_run(home, args, &out);
    assert_int_equal(rc, 1);
    expect_text("check-folder", strbuf_cstr(&out));
    /* and the good one alone passes */
    str_format(args, sizeof args, "--check '%s'", tmp_path("home/data/quizdeck/packs/zz-good.ini"));
    rc = game_run(home, args, &out);
    assert_int_equal(rc, 0);
    strbuf_free(&out);
    strbuf_free(&got);
}

/* ---- diagnostics ----------------------------------------------------------------------- */

static void test_messages_are_printable(void **state)
{
    (void)state;
    DiagList d = DIAGLIST_INIT;
    /* a value quoted from a file: a terminal escape, a bell, a stray byte, a tab */
    diag_add(&d, DIAG_WARNING, "f.ini", 3, "bad name '%s'", "\x1b[31mred\x07 caf\xe9\tx");
    assert_string_equal(d.items[0].message, "bad name '?[31mred? caf?"
                                            "?x'");
    /* text the message's size cuts inside a character: no half character at the end */
    char big[DIAG_MESSAGE_MAX + 8];
    memset(big, 'a', sizeof big);
    memcpy(big + DIAG_MESSAGE_MAX - 4, "\xd0\x96\xd0\x96", 4);
    big[sizeof big - 1] = '\0';
    diag_add(&d, DIAG_ERROR, "f.ini", 4, "%s", big);
    const char *m = d.items[1].message;
    assert_int_equal(strlen(m), DIAG_MESSAGE_MAX - 1);
    assert_memory_equal(m + DIAG_MESSAGE_MAX - 4, "\xd0\x96?", 3);
    /* Cyrillic, Armenian and emoji pass unchanged */
    diag_add(&d, DIAG_NOTE, "f.ini", 5, "%s", "Ереван Երևան 🚀");
    assert_string_equal(d.items[2].message, "Ереван Երևան 🚀");
    diag_list_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pack_long_lines),
        cmocka_unit_test(test_pack_many_questions),
        cmocka_unit_test(test_pack_many_choices),
        cmocka_unit_test(test_pack_not_a_file),
        cmocka_unit_test(test_symlink_loops),
        cmocka_unit_test(test_folder_of_many_packs),
        cmocka_unit_test(test_settings_long_line),
        cmocka_unit_test(test_progress_long_line),
        cmocka_unit_test(test_scores_long_line),
        cmocka_unit_test(test_history_long_line),
        cmocka_unit_test(test_many_cards_and_tables),
        cmocka_unit_test(test_classroom_long_line),
        cmocka_unit_test(test_script_long_line),
        cmocka_unit_test(test_check_command),
        cmocka_unit_test(test_whole_numbers_at_the_edge),
        cmocka_unit_test(test_minus_zero),
        cmocka_unit_test(test_messages_are_printable),
    };
    return cmocka_run_group_tests_name("limits", tests, setup, teardown);
}
