/* progress_log.c - the review log: one save.h record per review or undo (format in
 * progress.h). Never prints, never reads a clock. */
#include "progress.h"

#include <stdlib.h>
#include <string.h>

#include "number.h"
#include "strbuf.h"

enum { FIELDS = 10, NUM_MAX = 1000000, STABILITY_MAX = 1000000 };

/* Stability and difficulty in the progress file's ranges (0..STABILITY_MAX days, 0..10): then
 * "%.6f" writes them in at most 13 significant digits, which number_parse_strict reads back.
 * False for NaN too. */
static bool memory_ok(double stability, double difficulty)
{
    return stability >= 0 && stability <= STABILITY_MAX && difficulty >= 0 && difficulty <= 10;
}

bool progress_log_format(const ProgressLogEntry *en, char *out, size_t size)
{
    char when[32];
    char rating[8];
    if (!pack_id_valid(en->pack) || !pack_id_valid(en->question) ||
        !save_format_time((time_t)en->time, when, sizeof when) ||
        !memory_ok(en->stability, en->difficulty) || en->rating < 0 || en->rating > 4) {
        return false;
    }
    if (en->rating == PROGRESS_RATING_UNDO) {
        str_copy(rating, sizeof rating, "undo");
    } else {
        str_format(rating, sizeof rating, "%d", en->rating);
    }
    return str_format(out, size, "1\t%s\t%s\t%s\t%s\t%d\t%d\t%.6f\t%.6f\t%d", when, en->pack,
                      en->question, rating, en->elapsed_days, en->interval_days, en->stability,
                      en->difficulty, en->prev_interval);
}

bool progress_log_append(const SaveIo *io, const char *path, const ProgressLogEntry *entry,
                         SaveError *e)
{
    char record[SAVE_LOG_RECORD_MAX];
    if (!progress_log_format(entry, record, sizeof record)) {
        if (e) {
            e->err = 0;
            str_format(e->message, sizeof e->message,
                       "could not add to %s: the review is not valid", path);
        }
        return false;
    }
    return save_make_parent_dirs(io, path, e) && save_log_append(io, path, record, e);
}

static bool get_int(const char *s, long min, int *out)
{
    long v;
    if (!number_parse_int(s, min, NUM_MAX, &v)) {
        return false;
    }
    *out = (int)v;
    return true;
}

bool progress_log_parse(const char *record, ProgressLogEntry *out)
{
    char copy[SAVE_LOG_RECORD_MAX + 1];
    if (!str_copy(copy, sizeof copy, record)) {
        return false;
    }
    char *f[FIELDS];
    size_t n = 0;
    char *p = copy;
    while (n < FIELDS) {
        f[n++] = p;
        char *tab = strchr(p, '\t');
        if (!tab) {
            break;
        }
        *tab = '\0';
        p = tab + 1;
    }
    if (n != FIELDS || strchr(f[FIELDS - 1], '\t') || strcmp(f[0], "1") != 0) {
        return false;
    }
    ProgressLogEntry en;
    memset(&en, 0, sizeof en);
    time_t t;
    bool ok = save_parse_time(f[1], &t) && pack_id_valid(f[2]) && pack_id_valid(f[3]) &&
              str_copy(en.pack, sizeof en.pack, f[2]) &&
              str_copy(en.question, sizeof en.question, f[3]);
    if (ok && strcmp(f[4], "undo") == 0) {
        en.rating = PROGRESS_RATING_UNDO;
    } else {
        ok = ok && get_int(f[4], 1, &en.rating) && en.rating <= 4;
    }
    ok = ok && get_int(f[5], 0, &en.elapsed_days) && get_int(f[6], 0, &en.interval_days) &&
         number_parse_strict(f[7], &en.stability) && number_parse_strict(f[8], &en.difficulty) &&
         memory_ok(en.stability, en.difficulty) && get_int(f[9], -1, &en.prev_interval);
    if (!ok) {
        return false;
    }
    en.time = (int64_t)t;
    *out = en;
    return true;
}

typedef struct ReadCtx {
    ProgressLog *log;
    const char *path;
    DiagList *diags;
    bool oom;
} ReadCtx;

/* Marks the last review of the undo's pack and question that is not yet taken back. */
static void apply_undo(ProgressLog *log, const ProgressLogEntry *undo)
{
    for (size_t i = log->count; i-- > 0;) {
        ProgressLogEntry *en = &log->entries[i];
        if (en->rating != PROGRESS_RATING_UNDO && !en->undone &&
            strcmp(en->pack, undo->pack) == 0 && strcmp(en->question, undo->question) == 0) {
            en->undone = true;
            return;
        }
    }
}

static bool on_record(void *ctx, const char *record, int line)
{
    ReadCtx *rc = ctx;
    ProgressLogEntry en;
    if (!progress_log_parse(record, &en)) {
        diag_add(rc->diags, DIAG_WARNING, rc->path, line, "review record skipped: not readable");
        return true;
    }
    ProgressLog *log = rc->log;
    if (en.rating == PROGRESS_RATING_UNDO) {
        apply_undo(log, &en);
    }
    if (log->count == log->cap) {
        size_t cap = log->cap ? log->cap * 2 : 64;
        ProgressLogEntry *p = realloc(log->entries, cap * sizeof *p);
        if (!p) {
            rc->oom = true;
            return false;
        }
        log->entries = p;
        log->cap = cap;
    }
    log->entries[log->count++] = en;
    return true;
}

bool progress_log_read(const char *path, ProgressLog *log, SaveLogStats *stats, DiagList *diags,
                       SaveError *e)
{
    log->count = 0;
    ReadCtx rc = {log, path, diags, false};
    bool ok = save_log_read(path, on_record, &rc, stats, diags, e);
    if (ok && rc.oom) {
        if (e) {
            e->err = 0;
            str_format(e->message, sizeof e->message, "out of memory while reading %s", path);
        }
        return false;
    }
    return ok;
}

void progress_log_free(ProgressLog *log)
{
    if (!log) {
        return;
    }
    free(log->entries);
    memset(log, 0, sizeof *log);
}
