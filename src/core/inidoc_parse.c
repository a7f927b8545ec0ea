/* inidoc_parse.c - reads INI text into an IniDoc through inih and the line reader, keeping each
 * entry's line and warning about every line it skips: lines that are not INI, sections whose
 * name could not be written back, and keys repeated within a section. Never prints. */
#include "inidoc.h"

#include <ini.h>
#include <stdlib.h>
#include <string.h>

#include "idset.h"
#include "inidoc_private.h"
#include "linereader.h"
#include "strbuf.h"
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
    IdSet keys;     /* the keys of the current section, borrowed from its entries */
    IdSet repeated; /* the keys already reported as repeated in it */
    char unmarked[INIDOC_LINE_MAX + 1]; /* a line with its byte-order marks taken out */
} Parser;

static void warn(Parser *p, int line, const char *what)
{
    p->clean = false;
    diag_add(p->diags, DIAG_WARNING, p->doc->path, line, "%s", what);
}

/* A new section starts: no key of it seen yet. */
static void forget_keys(Parser *p)
{
    idset_free(&p->keys);
    idset_free(&p->repeated);
}

/* Warns about a section line whose name inidoc would not write: then its keys are skipped,
 * so that a rewrite cannot give them another meaning. False when the name is refused. */
static bool section_name_ok(Parser *p, int line, const char *name, size_t len)
{
    char full[INIDOC_LINE_MAX + 1]; /* a longer line was skipped as too long */
    char shown[80];
    char msg[160];
    str_format(full, sizeof full, "%.*s", (int)len, name);
    size_t cut = len < 60 ? len : 60;
    while (cut > 0 && cut < len && ((unsigned char)name[cut] & 0xC0) == 0x80) {
        cut--;
    }
    memcpy(shown, name, cut);
    str_copy(shown + cut, sizeof shown - cut, cut < len ? "..." : "");
    if (len == 0) {
        warn(p, line, "a section needs a name ('[]'); its keys are skipped");
    } else if (memchr(name, '=', len) || memchr(name, ':', len)) {
        str_format(msg, sizeof msg,
                   "'[%s]' looks like a key line inside brackets; its keys are skipped", shown);
        warn(p, line, msg);
    } else if (!inidoc_section_ok(full)) {
        str_format(msg, sizeof msg, "section name '%s' cannot be used; its keys are skipped",
                   shown);
        warn(p, line, msg);
    } else {
        return true;
    }
    return false;
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
    if (r->has_nul || !utf8_valid(r->line, r->line_len, NULL)) {
        warn(p, n,
             r->has_nul ? "line has a NUL byte (a damaged or binary file?), skipped"
                        : "line is not UTF-8 text (a damaged or binary file?), skipped");
        str[0] = '\0';
        r->kind = LINE_BLANK;
        p->has_last = false;
        return line;
    }
    if (!r->ascii && strstr(line, "\xEF\xBB\xBF")) {
        /* files joined together: drop the mark, so the line means what it says */
        warn(p, n, "byte-order mark (U+FEFF) inside the file, removed");
        char *bom;
        while ((bom = strstr(line, "\xEF\xBB\xBF")) != NULL) {
            memmove(bom, bom + 3, strlen(bom + 3) + 1);
        }
        /* the handler takes the key from the raw line: let it see the line without the marks */
        if (str_copy(p->unmarked, sizeof p->unmarked, line)) {
            r->line = p->unmarked;
            r->line_len = strlen(p->unmarked);
        }
        r->kind = linereader_classify(line, strlen(line), r->after_key, NULL, NULL);
        r->after_key = r->kind == LINE_KEY || (r->after_key && r->kind != LINE_SECTION);
    }
    if (r->kind == LINE_SECTION) {
        const char *name;
        size_t len;
        linereader_classify(line, strlen(line), false, &name, &len);
        p->has_last = false;
        forget_keys(p);
        p->refused = !section_name_ok(p, n, name, len);
        if (p->refused) {
            return line;
        }
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
        if (!inidoc_value_ok(e->key, joined)) {
            joined[old] = '\0'; /* the value ends before this line */
            warn(p, r->lineno, "continuation line that cannot be written back as it is, skipped");
            p->has_last = false;
        }
        return 1;
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
    char *key = inidoc_dup_n(r->line + from, to - from);
    if (key && !inidoc_value_ok(key, value)) {
        /* inidoc_format could not write it back as it is: keeping it would make the file
         * unreadable (or unsavable) after the next save */
        warn(p, r->lineno,
             *key ? "key or value that cannot be written back as it is (a control character, "
                    "a value starting with ';', or a line too long once written), line skipped"
                  : "key line without a key ('= value'), skipped");
        free(key);
        p->has_last = false;
        return 1;
    }
    if (key && p->cur < 0) {
        p->cur = inidoc_top_record(p->doc);
    }
    int first = key && p->cur >= 0 ? idset_add(&p->keys, key, r->lineno) : -1;
    if (first < 0) {
        free(key);
        p->oom = true;
        return 1;
    }
    if (first > 0) {
        /* the first value counts; each repeated key is reported once per section */
        const char *stored = idset_get(&p->keys, key, NULL);
        int before = idset_add(&p->repeated, stored, r->lineno);
        if (before == 0) {
            char msg[200];
            str_format(msg, sizeof msg,
                       "key '%.60s' repeats the one on line %d; the first value is used and "
                       "every repeat is skipped",
                       key, first);
            warn(p, r->lineno, msg);
        }
        p->oom = p->oom || before < 0;
        free(key);
        p->has_last = false;
        return 1;
    }
    if (!inidoc_add_entry(&p->doc->records[p->cur], key, inidoc_dup_s(value), r->lineno)) {
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
    bool bom;
    if (utf8_looks_utf16(data, len, &bom)) {
        warn(&p, 0,
             bom ? "the file is UTF-16, not UTF-8 text; nothing in it was read"
                 : "the file looks like UTF-16 (without a byte-order mark), not UTF-8 text; "
                   "nothing in it was read");
        if (clean) {
            *clean = false;
        }
        return p.doc;
    }
    linereader_init(&p.reader, data, len);
    int rc = ini_parse_stream(reader, &p, handler, &p);
    forget_keys(&p);
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
