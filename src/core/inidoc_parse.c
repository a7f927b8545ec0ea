/* inidoc_parse.c - reads INI text into an IniDoc through inih and the line reader, keeping each
 * entry's line and warning about every line it skips. Never prints. */
#include "inidoc.h"

#include <ini.h>
#include <stdlib.h>
#include <string.h>

#include "inidoc_private.h"
#include "linereader.h"
#include "utf8.h"

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
        p->cur = inidoc_insert_owned(p->doc, p->doc->count, inidoc_dup_n(name, len), n);
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
        p->cur = inidoc_top_record(p->doc);
        if (p->cur < 0) {
            p->oom = true;
            return 1;
        }
    }
    /* the key as written (inih cuts keys longer than 49 bytes) */
    size_t from = 0, to = 0;
    while (from < r->line_len && inidoc_is_space(r->line[from])) {
        from++;
    }
    to = from;
    while (to < r->line_len && r->line[to] != '=' && r->line[to] != ':') {
        to++;
    }
    while (to > from && inidoc_is_space(r->line[to - 1])) {
        to--;
    }
    if (!inidoc_add_entry(&p->doc->records[p->cur], inidoc_dup_n(r->line + from, to - from),
                          inidoc_dup_s(value), r->lineno)) {
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
