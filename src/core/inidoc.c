/* inidoc.c - the kept-everything INI document: parsing through inih and the line reader,
 * lookups, edits and canonical output. Never prints. */
#include "inidoc.h"

#include <ini.h>
#include <stdlib.h>
#include <string.h>

#include "linereader.h"
#include "strbuf.h"
#include "utf8.h"

typedef struct Entry {
    char *key;
    char *value;
    int line;
} Entry;

typedef struct Record {
    char *section;
    int line;
    Entry *entries;
    size_t count;
    size_t cap;
} Record;

struct IniDoc {
    char *path;
    Record *records;
    size_t count;
    size_t cap;
};

static bool is_space(char c)
{
    return c == ' ' || c == '\t';
}

static char *dup_n(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

static char *dup_s(const char *s)
{
    return dup_n(s, strlen(s));
}

static void record_free(Record *r)
{
    for (size_t i = 0; i < r->count; i++) {
        free(r->entries[i].key);
        free(r->entries[i].value);
    }
    free(r->entries);
    free(r->section);
}

IniDoc *inidoc_create(const char *path)
{
    IniDoc *doc = calloc(1, sizeof *doc);
    if (!doc) {
        return NULL;
    }
    doc->path = dup_s(path ? path : "");
    if (!doc->path) {
        free(doc);
        return NULL;
    }
    return doc;
}

void inidoc_destroy(IniDoc *doc)
{
    if (!doc) {
        return;
    }
    for (size_t i = 0; i < doc->count; i++) {
        record_free(&doc->records[i]);
    }
    free(doc->records);
    free(doc->path);
    free(doc);
}

/* Inserts an empty record at `at`. Takes ownership of `section` (freed on failure). */
static long insert_record(IniDoc *doc, size_t at, char *section, int line)
{
    if (!section) {
        return -1;
    }
    if (doc->count == doc->cap) {
        size_t cap = doc->cap ? doc->cap * 2 : 8;
        Record *p = realloc(doc->records, cap * sizeof *p);
        if (!p) {
            free(section);
            return -1;
        }
        doc->records = p;
        doc->cap = cap;
    }
    memmove(&doc->records[at + 1], &doc->records[at], (doc->count - at) * sizeof *doc->records);
    doc->records[at] = (Record){section, line, NULL, 0, 0};
    doc->count++;
    return (long)at;
}

/* Appends an entry; takes ownership of `key` and `value` (freed on failure). */
static bool add_entry(Record *r, char *key, char *value, int line)
{
    if (key && value && r->count == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 8;
        Entry *p = realloc(r->entries, cap * sizeof *p);
        if (p) {
            r->entries = p;
            r->cap = cap;
        }
    }
    if (!key || !value || r->count == r->cap) {
        free(key);
        free(value);
        return false;
    }
    r->entries[r->count++] = (Entry){key, value, line};
    return true;
}

/* The record that keys before any section go to: record 0, named "". */
static long top_record(IniDoc *doc)
{
    if (doc->count > 0 && doc->records[0].section[0] == '\0') {
        return 0;
    }
    return insert_record(doc, 0, dup_s(""), 0);
}

/* ---- parsing ---- */

typedef struct Parser {
    IniDoc *doc;
    LineReader reader;
    DiagList *diags;
    long cur;      /* record receiving keys; -1 before any section */
    bool refused;  /* the last section line was bad: its keys are dropped */
    bool has_last; /* the last key line was stored, so continuations join it */
    bool clean;
    bool oom;
} Parser;

static void warn(Parser *p, int line, const char *what)
{
    p->clean = false;
    diag_add(p->diags, DIAG_WARNING, p->doc->path, line, "%s", what);
}

static char *reader(char *str, int num, void *stream)
{
    Parser *p = stream;
    LineReader *r = &p->reader;
    char *line = linereader_read(str, num, r);
    if (!line) {
        return NULL;
    }
    int n = r->lineno;
    if (r->kind == LINE_TOO_LONG) {
        warn(p, n, "line too long, skipped");
        p->has_last = false;
        return line;
    }
    if (memchr(r->line, '\0', r->line_len) || !utf8_valid(r->line, r->line_len, NULL)) {
        warn(p, n, "line is not UTF-8 text (a damaged or binary file?), skipped");
        str[0] = '\0';
        r->kind = LINE_BLANK;
        p->has_last = false;
        return line;
    }
    if (r->kind == LINE_SECTION) {
        const char *name;
        size_t len;
        linereader_classify(line, strlen(line), false, &name, &len);
        p->refused = false;
        p->has_last = false;
        p->cur = insert_record(p->doc, p->doc->count, dup_n(name, len), n);
        if (p->cur < 0) {
            p->oom = true;
        }
    } else if (r->kind == LINE_INVALID) {
        const char *s = line + strspn(line, " \t");
        if (*s == '[') {
            warn(p, n, "section line has no closing ']'; its keys are skipped");
            p->refused = true;
        } else {
            warn(p, n, "expected 'key = value' or '[section]', line skipped");
        }
        p->has_last = false;
    }
    return line;
}

static int handler(void *user, const char *section, const char *name, const char *value)
{
    (void)section; /* inih cuts long names: the parser keeps its own */
    (void)name;
    Parser *p = user;
    const LineReader *r = &p->reader;
    if (p->refused || p->oom) {
        return 1;
    }
    if (r->kind == LINE_CONTINUATION) {
        if (!p->has_last) {
            return 1;
        }
        Record *rec = &p->doc->records[p->cur];
        Entry *e = &rec->entries[rec->count - 1];
        size_t old = strlen(e->value), add = strlen(value);
        char *joined = realloc(e->value, old + add + 2);
        if (!joined) {
            p->oom = true;
            return 1;
        }
        joined[old] = '\n';
        memcpy(joined + old + 1, value, add + 1);
        e->value = joined;
        return 1;
    }
    if (p->cur < 0) {
        p->cur = top_record(p->doc);
        if (p->cur < 0) {
            p->oom = true;
            return 1;
        }
    }
    /* the key as written (inih cuts keys longer than 49 bytes) */
    size_t from = 0, to = 0;
    while (from < r->line_len && is_space(r->line[from])) {
        from++;
    }
    to = from;
    while (to < r->line_len && r->line[to] != '=' && r->line[to] != ':') {
        to++;
    }
    while (to > from && is_space(r->line[to - 1])) {
        to--;
    }
    if (!add_entry(&p->doc->records[p->cur], dup_n(r->line + from, to - from), dup_s(value),
                   r->lineno)) {
        p->oom = true;
        return 1;
    }
    p->has_last = true;
    return 1;
}

IniDoc *inidoc_parse_partial(const char *path, const char *data, size_t len, DiagList *diags,
                             bool *clean)
{
    Parser p;
    memset(&p, 0, sizeof p);
    p.doc = inidoc_create(path);
    p.diags = diags;
    p.cur = -1;
    p.clean = true;
    if (!p.doc) {
        return NULL;
    }
    linereader_init(&p.reader, data, len);
    int rc = ini_parse_stream(reader, &p, handler, &p);
    if (rc == -2 || p.oom) {
        inidoc_destroy(p.doc);
        return NULL;
    }
    if (clean) {
        *clean = p.clean;
    }
    return p.doc;
}

IniDoc *inidoc_parse(const char *path, const char *data, size_t len, DiagList *diags)
{
    bool clean = false;
    IniDoc *doc = inidoc_parse_partial(path, data, len, diags, &clean);
    if (doc && !clean) {
        inidoc_destroy(doc);
        return NULL;
    }
    return doc;
}

/* ---- reading ---- */

size_t inidoc_record_count(const IniDoc *doc)
{
    return doc ? doc->count : 0;
}

const char *inidoc_record_section(const IniDoc *doc, size_t rec)
{
    return rec < doc->count ? doc->records[rec].section : NULL;
}

int inidoc_record_line(const IniDoc *doc, size_t rec)
{
    return rec < doc->count ? doc->records[rec].line : 0;
}

long inidoc_find_record(const IniDoc *doc, const char *section, size_t start)
{
    for (size_t i = start; doc && i < doc->count; i++) {
        if (strcmp(doc->records[i].section, section) == 0) {
            return (long)i;
        }
    }
    return -1;
}

size_t inidoc_entry_count(const IniDoc *doc, size_t rec)
{
    return rec < doc->count ? doc->records[rec].count : 0;
}

const char *inidoc_entry_key(const IniDoc *doc, size_t rec, size_t i)
{
    return rec < doc->count && i < doc->records[rec].count ? doc->records[rec].entries[i].key
                                                           : NULL;
}

const char *inidoc_entry_value(const IniDoc *doc, size_t rec, size_t i)
{
    return rec < doc->count && i < doc->records[rec].count ? doc->records[rec].entries[i].value
                                                           : NULL;
}

int inidoc_entry_line(const IniDoc *doc, size_t rec, size_t i)
{
    return rec < doc->count && i < doc->records[rec].count ? doc->records[rec].entries[i].line : 0;
}

static Entry *find_entry(const IniDoc *doc, size_t rec, const char *key)
{
    if (!doc || rec >= doc->count) {
        return NULL;
    }
    const Record *r = &doc->records[rec];
    for (size_t i = 0; i < r->count; i++) {
        if (strcmp(r->entries[i].key, key) == 0) {
            return &r->entries[i];
        }
    }
    return NULL;
}

const char *inidoc_record_get(const IniDoc *doc, size_t rec, const char *key, int *line)
{
    const Entry *e = find_entry(doc, rec, key);
    if (line) {
        *line = e ? e->line : 0;
    }
    return e ? e->value : NULL;
}

const char *inidoc_lookup(const IniDoc *doc, const char *section, const char *key, int *line)
{
    long rec = inidoc_find_record(doc, section, 0);
    if (rec < 0) {
        if (line) {
            *line = 0;
        }
        return NULL;
    }
    return inidoc_record_get(doc, (size_t)rec, key, line);
}

const char *inidoc_get(const IniDoc *doc, const char *section, const char *key)
{
    return inidoc_lookup(doc, section, key, NULL);
}

const char *inidoc_path(const IniDoc *doc)
{
    return doc ? doc->path : "";
}

/* ---- changing ---- */

bool inidoc_record_set(IniDoc *doc, size_t rec, const char *key, const char *value)
{
    if (rec >= doc->count || !inidoc_value_ok(key, value)) {
        return false;
    }
    Entry *e = find_entry(doc, rec, key);
    if (e) {
        char *v = dup_s(value);
        if (!v) {
            return false;
        }
        free(e->value);
        e->value = v;
        return true;
    }
    return add_entry(&doc->records[rec], dup_s(key), dup_s(value), 0);
}

bool inidoc_set(IniDoc *doc, const char *section, const char *key, const char *value)
{
    if (!inidoc_value_ok(key, value)) {
        return false;
    }
    long rec = inidoc_find_record(doc, section, 0);
    bool added = false;
    if (rec < 0) {
        rec = section[0] ? inidoc_add_record(doc, section) : top_record(doc);
        added = true;
    }
    if (rec < 0) {
        return false;
    }
    if (!inidoc_record_set(doc, (size_t)rec, key, value)) {
        if (added) {
            record_free(&doc->records[rec]);
            memmove(&doc->records[rec], &doc->records[rec + 1],
                    (doc->count - (size_t)rec - 1) * sizeof *doc->records);
            doc->count--;
        }
        return false;
    }
    return true;
}

long inidoc_add_record(IniDoc *doc, const char *section)
{
    return inidoc_insert_record(doc, doc->count, section);
}

long inidoc_insert_record(IniDoc *doc, size_t at, const char *section)
{
    if (!inidoc_section_ok(section)) {
        return -1;
    }
    if (at > doc->count) {
        at = doc->count;
    }
    if (at == 0 && doc->count > 0 && doc->records[0].section[0] == '\0') {
        at = 1;
    }
    return insert_record(doc, at, dup_s(section), 0);
}

long inidoc_copy_record(IniDoc *dst, const IniDoc *src, size_t rec)
{
    if (rec >= src->count) {
        return -1;
    }
    const Record *from = &src->records[rec];
    size_t at = dst->count;
    long to;
    if (from->section[0] == '\0') {
        to = top_record(dst);
    } else {
        to = insert_record(dst, at, dup_s(from->section), from->line);
    }
    if (to < 0) {
        return -1;
    }
    for (size_t i = 0; i < from->count; i++) {
        const Entry *e = &from->entries[i];
        if (!add_entry(&dst->records[to], dup_s(e->key), dup_s(e->value), e->line)) {
            return -1; /* the partial copy stays; the caller gives up on the document */
        }
    }
    return to;
}

size_t inidoc_remove_section(IniDoc *doc, const char *section)
{
    size_t kept = 0, removed = 0;
    for (size_t i = 0; i < doc->count; i++) {
        if (strcmp(doc->records[i].section, section) == 0) {
            record_free(&doc->records[i]);
            removed++;
        } else {
            doc->records[kept++] = doc->records[i];
        }
    }
    doc->count = kept;
    return removed;
}

void inidoc_record_remove(IniDoc *doc, size_t rec, const char *key)
{
    if (rec >= doc->count) {
        return;
    }
    Record *r = &doc->records[rec];
    size_t kept = 0;
    for (size_t i = 0; i < r->count; i++) {
        if (strcmp(r->entries[i].key, key) == 0) {
            free(r->entries[i].key);
            free(r->entries[i].value);
        } else {
            r->entries[kept++] = r->entries[i];
        }
    }
    r->count = kept;
}

/* ---- writing ---- */

char *inidoc_format(const IniDoc *doc, size_t *len)
{
    StrBuf sb = STRBUF_INIT;
    for (size_t i = 0; i < doc->count; i++) {
        const Record *r = &doc->records[i];
        if (i > 0) {
            strbuf_puts(&sb, "\n");
        }
        if (r->section[0] != '\0' || i > 0) {
            strbuf_printf(&sb, "[%s]\n", r->section);
        }
        for (size_t k = 0; k < r->count; k++) {
            const char *v = r->entries[k].value;
            size_t first = strcspn(v, "\n");
            strbuf_printf(&sb, "%s =%s%.*s\n", r->entries[k].key, first ? " " : "", (int)first, v);
            for (v += first; *v == '\n'; v += first) {
                v++;
                first = strcspn(v, "\n");
                strbuf_printf(&sb, "    %.*s\n", (int)first, v);
            }
        }
    }
    if (sb.oom) {
        strbuf_free(&sb);
        return NULL;
    }
    if (len) {
        *len = sb.len;
    }
    return sb.data ? sb.data : calloc(1, 1);
}

/* UTF-8 with no control bytes except those in `allowed`. */
static bool plain_text(const char *s, const char *allowed)
{
    for (const unsigned char *u = (const unsigned char *)s; *u; u++) {
        if ((*u < 0x20 && !strchr(allowed, *u)) || *u == 0x7F) {
            return false;
        }
    }
    return utf8_valid(s, strlen(s), NULL);
}

bool inidoc_section_ok(const char *name)
{
    size_t n = strlen(name);
    return n > 0 && n < INIDOC_LINE_MAX - 2 && plain_text(name, "") && !strpbrk(name, "];#") &&
           !is_space(name[0]) && !is_space(name[n - 1]);
}

bool inidoc_value_ok(const char *key, const char *value)
{
    size_t kn = strlen(key);
    if (kn == 0 || !plain_text(key, "") || strpbrk(key, "=:;#[") || is_space(key[0]) ||
        is_space(key[kn - 1]) || !plain_text(value, "\n")) {
        return false;
    }
    if (value[0] == '\0') {
        return kn + 2 <= INIDOC_LINE_MAX;
    }
    const char *part = value;
    for (bool first = true;; first = false) {
        size_t n = strcspn(part, "\n");
        size_t indent = first ? kn + 3 : 4;
        if (n == 0 || indent + n > INIDOC_LINE_MAX || is_space(part[0]) || is_space(part[n - 1]) ||
            part[0] == ';' || (!first && part[0] == '#')) {
            return false;
        }
        for (size_t i = 1; i < n; i++) {
            if (part[i] == ';' && is_space(part[i - 1])) {
                return false;
            }
        }
        if (part[n] == '\0') {
            return true;
        }
        part += n + 1;
    }
}

char *inidoc_wrap(const char *text, size_t width)
{
    size_t len = strlen(text);
    StrBuf sb = STRBUF_INIT;
    size_t start = 0;
    while (len - start > width) {
        /* break after a ',' or ';' when one is in reach, else anywhere allowed */
        size_t cut = 0;
        for (int pass = 0; pass < 2 && cut == 0; pass++) {
            for (size_t i = start + width; i > start; i--) {
                unsigned char c = (unsigned char)text[i];
                if (!is_space(text[i - 1]) && !is_space(text[i]) && text[i] != ';' &&
                    text[i] != '#' && (c & 0xC0) != 0x80 &&
                    (pass == 1 || text[i - 1] == ',' || text[i - 1] == ';')) {
                    cut = i;
                    break;
                }
            }
        }
        if (cut == 0) {
            strbuf_free(&sb);
            return NULL;
        }
        strbuf_append(&sb, text + start, cut - start);
        strbuf_puts(&sb, "\n");
        start = cut;
    }
    strbuf_append(&sb, text + start, len - start);
    if (sb.oom) {
        strbuf_free(&sb);
        return NULL;
    }
    return sb.data ? sb.data : calloc(1, 1);
}

char *inidoc_unwrap(char *text)
{
    char *w = text;
    for (const char *r = text; *r; r++) {
        if (*r != '\n') {
            *w++ = *r;
        }
    }
    *w = '\0';
    return text;
}
