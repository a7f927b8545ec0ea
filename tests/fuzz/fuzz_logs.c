/* fuzz_logs.c - libFuzzer harness for the two append-only logs and their record parsers: the
 * review log (progress_log_parse, progress_log_read) and the quiz history (history_read, whose
 * record parser is private). Input: text, read three ways: as a log file as it is (checksums
 * and torn lines), each line as a review record, and each line checksummed into a log so that
 * the record parsers see it. Records read are written back and must read back the same. */
#include "fuzz.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/highscore.h"
#include "core/progress.h"
#include "core/utf8.h"

/* Reals are written with six decimals: one read back is within half a unit of the sixth, give
 * or take the rounding of a double. */
#define SLACK (5e-7 + 1e-9)

/* ---- the review log ---- */

static bool same_review(const ProgressLogEntry *a, const ProgressLogEntry *b, double slack)
{
    return a->time == b->time && strcmp(a->pack, b->pack) == 0 &&
           strcmp(a->question, b->question) == 0 && a->rating == b->rating &&
           a->elapsed_days == b->elapsed_days && a->interval_days == b->interval_days &&
           fabs(a->stability - b->stability) <= slack &&
           fabs(a->difficulty - b->difficulty) <= slack && a->prev_interval == b->prev_interval;
}

/* A record that parses is written back, and what is written parses to the same review. */
static void check_review(const char *record)
{
    ProgressLogEntry en;
    if (!progress_log_parse(record, &en)) {
        return;
    }
    char text[SAVE_LOG_RECORD_MAX + 1];
    fuzz_check(progress_log_format(&en, text, sizeof text), "review '%s' cannot be written",
               record);
    ProgressLogEntry back;
    fuzz_check(progress_log_parse(text, &back),
               "review '%s' is written as '%s', which does not "
               "parse",
               record, text);
    fuzz_check(same_review(&en, &back, SLACK), "review '%s' reads back different", record);
    char again[SAVE_LOG_RECORD_MAX + 1];
    fuzz_check(progress_log_format(&back, again, sizeof again) && strcmp(again, text) == 0,
               "review '%s' is not written the same twice", record);
}

static void check_review_log(const char *path)
{
    ProgressLog log = {NULL, 0, 0};
    DiagList diags = DIAGLIST_INIT;
    SaveLogStats stats;
    SaveError e;
    fuzz_check(progress_log_read(path, &log, &stats, &diags, &e), "review log unread: %s",
               e.message);
    fuzz_check(stats.records >= 0 && (size_t)stats.records >= log.count,
               "more reviews than records");
    for (size_t i = 0; i < log.count; i++) {
        const ProgressLogEntry *en = &log.entries[i];
        fuzz_check(!en->undone || en->rating != PROGRESS_RATING_UNDO, "an undo was undone");
    }
    progress_log_free(&log);
    diag_list_free(&diags);
}

/* ---- the history ---- */

typedef struct Row {
    char selection[SCOREBOARD_SELECTION_MAX + 1];
    ScoreEntry entry;
} Row;

typedef struct Rows {
    Row *rows;
    size_t count;
    size_t cap;
} Rows;

static bool keep_row(void *ctx, const char *selection, const ScoreEntry *entry, int line)
{
    (void)line;
    Rows *r = ctx;
    if (r->count == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 16;
        r->rows = realloc(r->rows, r->cap * sizeof *r->rows);
        fuzz_check(r->rows != NULL, "out of memory");
    }
    Row *row = &r->rows[r->count++];
    fuzz_check(str_copy(row->selection, sizeof row->selection, selection) &&
                   scoreboard_selection_ok(selection) && scoreboard_entry_ok(entry),
               "history row with a bad selection or entry");
    row->entry = *entry;
    return true;
}

static bool same_row(const Row *a, const Row *b)
{
    const ScoreEntry *x = &a->entry, *y = &b->entry;
    return strcmp(a->selection, b->selection) == 0 && x->total == y->total &&
           x->right == y->right && x->asked == y->asked && x->time_ms == y->time_ms &&
           x->when == y->when && strcmp(x->mode, y->mode) == 0 && x->count == y->count &&
           strcmp(x->name, y->name) == 0;
}

static Rows read_history(const char *path)
{
    Rows rows = {NULL, 0, 0};
    DiagList diags = DIAGLIST_INIT;
    SaveLogStats stats;
    SaveError e;
    fuzz_check(history_read(path, keep_row, &rows, &stats, &diags, &e), "history unread: %s",
               e.message);
    diag_list_free(&diags);
    return rows;
}

/* Every row read is appended to a new history, which must read back the same rows. */
static void check_history(const char *path, const char *copy)
{
    Rows rows = read_history(path);
    for (size_t i = 0; i < rows.count; i++) {
        SaveError e;
        fuzz_check(history_append(fuzz_io(), copy, rows.rows[i].selection, &rows.rows[i].entry, &e),
                   "a history row read cannot be written: %s", e.message);
    }
    Rows back = read_history(copy);
    fuzz_check(back.count == rows.count, "%zu history rows written, %zu read back", rows.count,
               back.count);
    for (size_t i = 0; i < rows.count; i++) {
        fuzz_check(same_row(&rows.rows[i], &back.rows[i]), "history row %zu reads back different",
                   i + 1);
    }
    free(rows.rows);
    free(back.rows);
}

FUZZ_TARGET(logs)
{
    char raw[4200], sealed[4200], copy[4200];
    fuzz_path(raw, sizeof raw, "raw.log");
    fuzz_path(sealed, sizeof sealed, "sealed.log");
    fuzz_path(copy, sizeof copy, "copy.log");
    /* the input as a log, checksums and all */
    fuzz_write(raw, data, size);
    check_review_log(raw);
    check_history(raw, copy);
    fuzz_clear();
    /* each line as a record */
    char *text = fuzz_strndup(data, size);
    StrBuf log = STRBUF_INIT;
    for (char *line = text; line;) {
        char *nl = memchr(line, '\n', (size_t)(text + size - line));
        if (nl) {
            *nl = '\0';
        }
        size_t n = strlen(line);
        check_review(line);
        if (n <= SAVE_LOG_RECORD_MAX && !strchr(line, '\r') && utf8_valid(line, n, NULL) &&
            (!nl || line + n == nl)) {
            fuzz_log_line(&log, line);
        }
        line = nl ? nl + 1 : NULL;
    }
    fuzz_write(sealed, log.data ? log.data : "", log.len);
    check_review_log(sealed);
    check_history(sealed, copy);
    strbuf_free(&log);
    free(text);
    fuzz_clear();
    return 0;
}
