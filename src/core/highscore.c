/* highscore.c - the high-score tables in scores.ini and the history log. Never prints. */
#include "highscore.h"

#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "inidoc.h"
#include "number.h"
#include "strbuf.h"

typedef struct Row {
    ScoreEntry entry;
    long rec; /* the [score] record of b->doc it was read from (unknown keys), or -1 */
} Row;

typedef struct Table {
    char *selection;
    Row rows[SCOREBOARD_ROWS];
    int count;
} Table;

struct ScoreBoard {
    Table *tables;
    size_t count;
    size_t cap;
    IniDoc *doc;       /* the file as read: unknown sections and keys; may be NULL */
    bool save_blocked; /* a damaged file could not be set aside */
};

/* The keys of a [score] record that the board writes itself. */
static const char *const known_keys[] = {"selection", "when", "total", "right", "asked",
                                         "time_ms",   "mode", "count", "name"};

/* Width of a selection's parts in the file, so "selection = " plus a part fits in a line. */
enum { SELECTION_WRAP = 150 };

static void clear(ScoreBoard *b)
{
    for (size_t i = 0; i < b->count; i++) {
        free(b->tables[i].selection);
    }
    b->count = 0;
    inidoc_destroy(b->doc);
    b->doc = NULL;
    b->save_blocked = false;
}

ScoreBoard *scoreboard_create(void)
{
    return calloc(1, sizeof(ScoreBoard));
}

void scoreboard_destroy(ScoreBoard *b)
{
    if (!b) {
        return;
    }
    clear(b);
    free(b->tables);
    free(b);
}

/* ---- ranking ---- */

int scoreboard_compare(const ScoreEntry *a, const ScoreEntry *b)
{
    if (a->total != b->total) {
        return a->total > b->total ? -1 : 1;
    }
    /* right/asked compared by cross-multiplying; nothing asked counts as 0 % */
    long long ar = a->asked > 0 ? a->right : 0, aa = a->asked > 0 ? a->asked : 1;
    long long br = b->asked > 0 ? b->right : 0, ba = b->asked > 0 ? b->asked : 1;
    if (ar * ba != br * aa) {
        return ar * ba > br * aa ? -1 : 1;
    }
    if (a->time_ms != b->time_ms) {
        return a->time_ms < b->time_ms ? -1 : 1;
    }
    if (a->when != b->when) {
        return a->when < b->when ? -1 : 1;
    }
    return 0;
}

static bool plain_name(const char *s, size_t max)
{
    size_t n = strlen(s);
    return n < max && (n == 0 || inidoc_value_ok("name", s));
}

bool scoreboard_selection_ok(const char *selection)
{
    size_t n = strlen(selection);
    if (n == 0 || n > SCOREBOARD_SELECTION_MAX || strchr(selection, '\n')) {
        return false;
    }
    char *wrapped = inidoc_wrap(selection, SELECTION_WRAP);
    bool ok = wrapped && inidoc_value_ok("selection", wrapped);
    free(wrapped);
    return ok;
}

bool scoreboard_entry_ok(const ScoreEntry *e)
{
    return e->right >= 0 && e->asked >= e->right && e->count >= 0 &&
           (strcmp(e->mode, "timed") == 0 || strcmp(e->mode, "untimed") == 0 ||
            strcmp(e->mode, "relaxed") == 0) &&
           memchr(e->name, '\0', sizeof e->name) && plain_name(e->name, sizeof e->name);
}

static Table *find_table(const ScoreBoard *b, const char *selection)
{
    for (size_t i = 0; i < b->count; i++) {
        if (strcmp(b->tables[i].selection, selection) == 0) {
            return &b->tables[i];
        }
    }
    return NULL;
}

/* The 0-based row `e` would take in `t` (t->count or more: it does not make the table). */
static int place(const Table *t, const ScoreEntry *e)
{
    int i = 0;
    while (i < t->count && scoreboard_compare(&t->rows[i].entry, e) <= 0) {
        i++;
    }
    return i;
}

int scoreboard_rank(const ScoreBoard *b, const char *selection, const ScoreEntry *e)
{
    if (!scoreboard_selection_ok(selection) || !scoreboard_entry_ok(e)) {
        return -1;
    }
    const Table *t = find_table(b, selection);
    int at = t ? place(t, e) : 0;
    return at < SCOREBOARD_ROWS ? at + 1 : 0;
}

/* Adds a row that came from record `rec` (-1 for a new result). */
static int add_row(ScoreBoard *b, const char *selection, const ScoreEntry *e, long rec)
{
    Table *t = find_table(b, selection);
    if (!t) {
        if (b->count == b->cap) {
            size_t cap = b->cap ? b->cap * 2 : 8;
            Table *p = realloc(b->tables, cap * sizeof *p);
            if (!p) {
                return -1;
            }
            b->tables = p;
            b->cap = cap;
        }
        char *copy = malloc(strlen(selection) + 1);
        if (!copy) {
            return -1;
        }
        memcpy(copy, selection, strlen(selection) + 1);
        t = &b->tables[b->count++];
        t->selection = copy;
        t->count = 0;
    }
    int at = place(t, e);
    if (at >= SCOREBOARD_ROWS) {
        return 0;
    }
    int keep = t->count < SCOREBOARD_ROWS ? t->count : SCOREBOARD_ROWS - 1;
    memmove(&t->rows[at + 1], &t->rows[at], (size_t)(keep - at) * sizeof t->rows[0]);
    t->rows[at] = (Row){*e, rec};
    t->count = keep + 1;
    return at + 1;
}

int scoreboard_add(ScoreBoard *b, const char *selection, const ScoreEntry *e)
{
    if (!scoreboard_selection_ok(selection) || !scoreboard_entry_ok(e)) {
        return -1;
    }
    return add_row(b, selection, e, -1);
}

int scoreboard_get(const ScoreBoard *b, const char *selection, const ScoreEntry **out, int max)
{
    const Table *t = find_table(b, selection);
    int n = 0;
    for (; t && n < t->count && n < max; n++) {
        out[n] = &t->rows[n].entry;
    }
    return n;
}

size_t scoreboard_selection_count(const ScoreBoard *b)
{
    return b->count;
}

const char *scoreboard_selection(const ScoreBoard *b, size_t i)
{
    return i < b->count ? b->tables[i].selection : NULL;
}

/* ---- values as the files spell them ---- */

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
        *bad = ok ? NULL : e->mode[0] && plain_name(e->name, sizeof e->name) ? "mode" : "name";
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

/* ---- the scores file ---- */

/* Reads one [score] record into the board. False (with a warning) when it is bad. */
static bool load_record(ScoreBoard *b, size_t rec, DiagList *diags)
{
    const IniDoc *doc = b->doc;
    const char *path = inidoc_path(doc);
    int line = inidoc_record_line(doc, rec);
    int key_line;
    const char *raw = inidoc_record_get(doc, rec, "selection", &key_line);
    char selection[SCOREBOARD_SELECTION_MAX + SCOREBOARD_SELECTION_MAX / SELECTION_WRAP + 2];
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
    if (add_row(b, selection, &e, (long)rec) < 0) {
        diag_add(diags, DIAG_WARNING, path, line, "out of memory; the row is dropped");
        return false;
    }
    return true;
}

bool scoreboard_load(ScoreBoard *b, const SaveIo *io, const char *path, time_t now, DiagList *diags,
                     LoadReport *report)
{
    clear(b);
    if (report) {
        report->set_aside = false;
        report->aside[0] = '\0';
    }
    char *data;
    size_t len;
    SaveError e;
    SaveReadStatus rs = save_read_file(path, SCOREBOARD_FILE_MAX, &data, &len, &e);
    if (rs == SAVE_READ_MISSING) {
        return true;
    }
    if (rs != SAVE_READ_OK) {
        bool aside = save_quarantine(io, path, now, e.message, diags, report);
        b->save_blocked = !aside;
        return rs == SAVE_READ_TOO_BIG && aside;
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
    if (!ok && !save_quarantine(io, path, now, "the scores file is damaged", diags, report)) {
        b->save_blocked = true;
        return false;
    }
    return true;
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
    char *wrapped = inidoc_wrap(selection, SELECTION_WRAP);
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
        e->err = 0;
        str_format(e->message, sizeof e->message,
                   "not saving %s: the file there could not be read or set aside, so it is "
                   "left as it is",
                   path);
        return false;
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

/* ---- the history log ---- */

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
