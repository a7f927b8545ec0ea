/* highscore_file.c - the high-score board's files: scores.ini read into a board and written
 * back with what it did not know, and the append-only history log. Never prints, never reads
 * a clock. */
#include "highscore.h"

#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "highscore_private.h"
#include "inidoc.h"
#include "number.h"
#include "strbuf.h"

/* The keys of a [score] record that the board writes itself. */
static const char *const known_keys[] = {"selection", "when", "total", "right", "asked",
                                         "time_ms",   "mode", "count", "name"};

static bool parse_u64(const char *s, uint64_t *out)
{
    uint64_t v = 0;
    if (!*s) {
        return false;
    }
    for (; *s; s++) {
        uint64_t d = (uint64_t)(*s - '0');
        if (*s < '0' || *s > '9' || v > (UINT64_MAX - d) / 10) {
            return false;
        }
        v = v * 10 + d;
    }
    *out = v;
    return true;
}

static bool parse_int(const char *s, long min, long max, int *out)
{
    long v;
    if (!number_parse_int(s, min, max, &v)) {
        return false;
    }
    *out = (int)v;
    return true;
}

/* Reads the fields of an entry from `get(ctx, key)`. On failure names the bad key. */
typedef const char *(*GetFn)(const void *ctx, const char *key);

static bool read_entry(GetFn get, const void *ctx, ScoreEntry *e, const char **bad)
{
    memset(e, 0, sizeof *e);
    const char *v;
    long total;
    bool ok = (v = get(ctx, *bad = "when")) && save_parse_time(v, &e->when) &&
              (v = get(ctx, *bad = "total")) && number_parse_int(v, -LONG_MAX, LONG_MAX, &total) &&
              (v = get(ctx, *bad = "right")) && parse_int(v, 0, INT_MAX, &e->right) &&
              (v = get(ctx, *bad = "asked")) && parse_int(v, e->right, INT_MAX, &e->asked) &&
              (v = get(ctx, *bad = "time_ms")) && parse_u64(v, &e->time_ms) &&
              (v = get(ctx, *bad = "mode")) && str_copy(e->mode, sizeof e->mode, v) &&
              (v = get(ctx, *bad = "count")) && parse_int(v, 0, INT_MAX, &e->count);
    if (ok) {
        e->total = total;
        v = get(ctx, *bad = "name");
        ok = str_copy(e->name, sizeof e->name, v ? v : "") && scoreboard_entry_ok(e);
        *bad = ok                                                            ? NULL
               : e->mode[0] && highscore_plain_name(e->name, sizeof e->name) ? "mode"
                                                                             : "name";
    }
    return ok;
}

typedef struct RecordCtx {
    const IniDoc *doc;
    size_t rec;
} RecordCtx;

static const char *record_value(const void *ctx, const char *key)
{
    const RecordCtx *r = ctx;
    return inidoc_record_get(r->doc, r->rec, key, NULL);
}

/* Reads one [score] record into the board. False (with a warning) when it is bad. */
static bool load_record(ScoreBoard *b, size_t rec, DiagList *diags)
{
    const IniDoc *doc = b->doc;
    const char *path = inidoc_path(doc);
    int line = inidoc_record_line(doc, rec);
    int key_line;
    const char *raw = inidoc_record_get(doc, rec, "selection", &key_line);
    char selection[SCOREBOARD_SELECTION_MAX + SCOREBOARD_SELECTION_MAX / HIGHSCORE_SELECTION_WRAP +
                   2];
    if (!raw || !str_copy(selection, sizeof selection, raw) ||
        !scoreboard_selection_ok(inidoc_unwrap(selection))) {
        diag_add(diags, DIAG_WARNING, path, raw ? key_line : line,
                 raw ? "bad 'selection' in this [score]; the row is dropped"
                     : "[score] without 'selection'; the row is dropped");
        return false;
    }
    ScoreEntry e;
    const char *bad;
    RecordCtx ctx = {doc, rec};
    if (!read_entry(record_value, &ctx, &e, &bad)) {
        const char *v = inidoc_record_get(doc, rec, bad, &key_line);
        diag_add(diags, DIAG_WARNING, path, v ? key_line : line,
                 v ? "bad '%s' in this [score] ('%.60s'); the row is dropped"
                   : "[score] without '%s'; the row is dropped",
                 bad, v ? v : "");
        return false;
    }
    if (highscore_add_row(b, selection, &e, (long)rec) < 0) {
        diag_add(diags, DIAG_WARNING, path, line, "out of memory; the row is dropped");
        return false;
    }
    return true;
}

bool scoreboard_load(ScoreBoard *b, const SaveIo *io, const char *path, time_t now, DiagList *diags,
                     LoadReport *report)
{
    highscore_clear(b);
    char *data;
    size_t len;
    bool result;
    if (!save_load_begin(io, path, SCOREBOARD_FILE_MAX, now, diags, report, &data, &len,
                         &b->save_blocked, &result)) {
        return result;
    }
    bool clean = false;
    b->doc = inidoc_parse_partial(path, data, len, diags, &clean);
    free(data);
    if (!b->doc) {
        diag_add(diags, DIAG_WARNING, path, 0, "out of memory while reading the scores");
        b->save_blocked = true;
        return false;
    }
    bool ok = clean;
    for (long r = inidoc_find_record(b->doc, "score", 0); r >= 0;
         r = inidoc_find_record(b->doc, "score", (size_t)r + 1)) {
        ok = load_record(b, (size_t)r, diags) && ok;
    }
    return save_load_finish(io, path, ok, "the scores file is damaged", now, diags, report,
                            &b->save_blocked);
}

static bool is_known(const char *key)
{
    for (size_t i = 0; i < sizeof known_keys / sizeof known_keys[0]; i++) {
        if (strcmp(key, known_keys[i]) == 0) {
            return true;
        }
    }
    return false;
}

/* Adds one [score] record for `row` to `doc`. */
static bool put_row(IniDoc *doc, const IniDoc *from, const char *selection, const Row *row)
{
    const ScoreEntry *e = &row->entry;
    long rec = inidoc_add_record(doc, "score");
    char when[32], total[24], right[16], asked[16], ms[24], count[16];
    char *wrapped = inidoc_wrap(selection, HIGHSCORE_SELECTION_WRAP);
    save_format_time(e->when, when, sizeof when);
    str_format(total, sizeof total, "%ld", e->total);
    str_format(right, sizeof right, "%d", e->right);
    str_format(asked, sizeof asked, "%d", e->asked);
    str_format(ms, sizeof ms, "%" PRIu64, e->time_ms);
    str_format(count, sizeof count, "%d", e->count);
    size_t r = (size_t)rec;
    bool ok =
        rec >= 0 && wrapped && inidoc_record_set(doc, r, "selection", wrapped) &&
        inidoc_record_set(doc, r, "when", when) && inidoc_record_set(doc, r, "total", total) &&
        inidoc_record_set(doc, r, "right", right) && inidoc_record_set(doc, r, "asked", asked) &&
        inidoc_record_set(doc, r, "time_ms", ms) && inidoc_record_set(doc, r, "mode", e->mode) &&
        inidoc_record_set(doc, r, "count", count) && inidoc_record_set(doc, r, "name", e->name);
    free(wrapped);
    for (size_t i = 0; ok && row->rec >= 0 && i < inidoc_entry_count(from, (size_t)row->rec); i++) {
        const char *key = inidoc_entry_key(from, (size_t)row->rec, i);
        if (!is_known(key)) {
            ok = inidoc_record_set(doc, r, key, inidoc_entry_value(from, (size_t)row->rec, i));
        }
    }
    return ok;
}

bool scoreboard_save(const ScoreBoard *b, const SaveIo *io, const char *path, SaveError *e)
{
    SaveError spare;
    if (!e) {
        e = &spare;
    }
    if (b->save_blocked) {
        return save_refuse_blocked(path, e);
    }
    IniDoc *doc = inidoc_create(path);
    bool ok = doc != NULL;
    for (size_t i = 0; ok && i < inidoc_record_count(b->doc); i++) {
        if (strcmp(inidoc_record_section(b->doc, i), "score") != 0) {
            ok = inidoc_copy_record(doc, b->doc, i) >= 0;
        }
    }
    if (ok && inidoc_find_record(doc, "quizdeck", 0) < 0) {
        ok = inidoc_insert_record(doc, 0, "quizdeck") >= 0;
    }
    if (ok && !inidoc_get(doc, "quizdeck", "version")) {
        ok = inidoc_set(doc, "quizdeck", "version", "1");
    }
    for (size_t t = 0; ok && t < b->count; t++) {
        for (int r = 0; ok && r < b->tables[t].count; r++) {
            ok = put_row(doc, b->doc, b->tables[t].selection, &b->tables[t].rows[r]);
        }
    }
    size_t len = 0;
    char *text = ok ? inidoc_format(doc, &len) : NULL;
    inidoc_destroy(doc);
    if (!text) {
        e->err = 0;
        str_format(e->message, sizeof e->message,
                   "could not save %s: out of memory (the previous file is unchanged)", path);
        return false;
    }
    ok = save_make_parent_dirs(io, path, e) && save_write_atomic(io, path, text, len, e);
    free(text);
    return ok;
}

bool history_append(const SaveIo *io, const char *path, const char *selection,
                    const ScoreEntry *entry, SaveError *e)
{
    if (!scoreboard_selection_ok(selection) || !scoreboard_entry_ok(entry)) {
        if (e) {
            e->err = 0;
            str_format(e->message, sizeof e->message,
                       "could not add to %s: the result is not valid", path);
        }
        return false;
    }
    char when[32];
    save_format_time(entry->when, when, sizeof when);
    StrBuf sb = STRBUF_INIT;
    strbuf_printf(&sb, "1\t%s\t%s\t%d\t%ld\t%d\t%d\t%" PRIu64 "\t%s\t%s", when, entry->mode,
                  entry->count, entry->total, entry->right, entry->asked, entry->time_ms,
                  entry->name, selection);
    bool ok = !sb.oom && save_make_parent_dirs(io, path, e) &&
              save_log_append(io, path, strbuf_cstr(&sb), e);
    strbuf_free(&sb);
    return ok;
}

typedef struct HistoryCtx {
    HistoryFn fn;
    void *ctx;
    const char *path;
    DiagList *diags;
    const char *fields[10];
} HistoryCtx;

static const char *history_field(const void *ctx, const char *key)
{
    const HistoryCtx *h = ctx;
    static const char *const order[] = {"version", "when",  "mode",    "count", "total",
                                        "right",   "asked", "time_ms", "name"};
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        if (strcmp(order[i], key) == 0) {
            return h->fields[i];
        }
    }
    return NULL;
}

static bool history_record(void *ctx, const char *record, int line)
{
    HistoryCtx *h = ctx;
    if (strncmp(record, "1\t", 2) != 0) {
        return true; /* another version's record */
    }
    char copy[SAVE_LOG_RECORD_MAX + 1];
    str_copy(copy, sizeof copy, record);
    size_t n = 0;
    char *p = copy;
    for (; n < 9; n++) {
        h->fields[n] = p;
        char *tab = strchr(p, '\t');
        if (!tab) {
            break;
        }
        *tab = '\0';
        p = tab + 1;
    }
    h->fields[9] = p;
    ScoreEntry e;
    const char *bad = "selection";
    if (n < 9 || !read_entry(history_field, h, &e, &bad) || !scoreboard_selection_ok(p)) {
        if (h->diags) {
            diag_add(h->diags, DIAG_WARNING, h->path, line, "history record skipped: bad '%s'",
                     bad);
        }
        return true;
    }
    return h->fn(h->ctx, p, &e, line);
}

bool history_read(const char *path, HistoryFn fn, void *ctx, SaveLogStats *stats, DiagList *diags,
                  SaveError *e)
{
    HistoryCtx h = {fn, ctx, path, diags, {NULL}};
    return save_log_read(path, history_record, &h, stats, diags, e);
}
