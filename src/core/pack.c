/* pack.c - the pack loader: file checks, the raw line reader feeding inih, and the collection of
 * each section's keys (validated in pack_check.c). Never prints. */
#include "pack.h"
#include "pack_loader.h"

#include <errno.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "linereader.h"
#include "strbuf.h"
#include "utf8.h"

static void close_section(Loader *ld)
{
    Section *s = &ld->section;
    for (int k = 0; k < KEY_COUNT; k++) {
        const Field *f = &s->fields[k];
        if (f->repeats > 1) {
            NOTE(ld, f->repeat_line, "'%s' appears %d times in this section; only line %d is read",
                 pack_key_info[k].name, f->repeats + 1, f->line);
        }
    }
    if (s->extra_choices > 1) {
        NOTE(ld, s->extra_line, "%d choices past 'h' in this section; none of them is read",
             s->extra_choices);
    }
    if (s->open) {
        if (s->is_pack) {
            pack_check_header(ld, s);
        } else {
            pack_check_question(ld, s);
        }
    }
    pack_section_clear(s);
    ld->last_key = KEY_COUNT;
}

static void open_section(Loader *ld, const char *name, size_t len, int line)
{
    close_section(ld);
    ld->any_section = true;
    Section *s = &ld->section;
    s->open = true;
    s->line = line;
    char raw[PACK_ID_MAX * 4 + 8];
    size_t keep_len = len < sizeof raw - 1 ? len : sizeof raw - 1;
    memcpy(raw, name, keep_len);
    raw[keep_len] = '\0';
    str_copy(s->name, sizeof s->name, raw);
    if (len == 4 && memcmp(name, "pack", 4) == 0) {
        if (ld->seen_pack) {
            ERROR(ld, line, "a second [pack] section (the first is on line %d)", ld->pack_line);
            s->open = false;
            return;
        }
        ld->seen_pack = true;
        ld->pack_line = line;
        s->is_pack = true;
        s->name_ok = true;
        return;
    }
    if (!ld->seen_pack) {
        ERROR(ld, line, "question [%s] comes before the [pack] section", s->name);
    }
    char qb[80];
    if (len == 0) {
        ERROR(ld, line, "a section needs a name: [question-id]");
    } else if (len > PACK_ID_MAX || memchr(name, '\0', len) || !pack_id_valid(raw)) {
        ERROR(ld, line, "question id '%s' must be 1 to %d characters of a-z, 0-9 and '-'%s",
              pack_quote(qb, sizeof qb, raw), PACK_ID_MAX,
              strstr(raw, "\xC2\xA0") ? " (it has a no-break space, U+00A0)" : "");
    } else {
        s->name_ok = true;
    }
}

/* Wraps linereader_read: reports raw-line problems before inih sees the line, and opens
 * sections itself (inih never reports an empty section). */
static char *reader(char *str, int num, void *stream)
{
    Loader *ld = stream;
    LineReader *r = &ld->reader;
    char *line = linereader_read(str, num, r);
    if (!line) {
        return NULL;
    }
    int n = r->lineno;
    size_t bad;
    if (r->kind == LINE_TOO_LONG || r->has_nul) {
        if (r->kind == LINE_TOO_LONG) {
            ERROR(ld, n,
                  "line is %zu bytes long; the limit is %d (continue long text on indented "
                  "lines)",
                  r->line_len, num - 1);
        } else {
            ERROR(ld, n, "line contains a NUL byte: is this a binary file?");
        }
        str[0] = '\0';
        r->kind = LINE_BLANK;
        ld->section.broken = true;
        size_t lead = strspn(r->line, " \t");
        if (lead < r->line_len && r->line[lead] == '[') {
            /* a section line inih does not see: its keys must not land in the one before */
            close_section(ld);
            ld->any_section = true;
        }
        return line;
    }
    if (r->ascii) {
        /* valid UTF-8 and no byte-order mark: nothing to check */
    } else if (!utf8_valid(r->line, r->line_len, &bad)) {
        unsigned char b = (unsigned char)r->line[bad];
        const char *why = utf8_explain(r->line + bad, r->line_len - bad);
        if (why) {
            ERROR(ld, n, "invalid UTF-8 (byte 0x%02X at column %zu): %s%s", b, bad + 1, why,
                  r->pos >= r->len ? " (was the file cut off?)" : "");
        } else {
            ERROR(ld, n, "invalid UTF-8 (byte 0x%02X at column %zu)%s", b, bad + 1,
                  b >= 0x80 ? ": save the file as UTF-8 (it looks like Windows-1252 or Latin-1)"
                            : "");
        }
        if (r->kind != LINE_SECTION) { /* a section line opens another section */
            ld->section.broken = true;
        }
    } else if (strstr(line, "\xEF\xBB\xBF")) {
        WARN(ld, n,
             "byte-order mark (U+FEFF) inside the file, ignored; delete it (files "
             "joined together?)");
        /* hand inih the line without it, and classify it again */
        char *bom;
        while ((bom = strstr(line, "\xEF\xBB\xBF")) != NULL) {
            memmove(bom, bom + 3, strlen(bom + 3) + 1);
        }
        r->kind = linereader_classify(line, strlen(line), r->after_key, NULL, NULL);
        r->after_key = r->kind == LINE_KEY || (r->after_key && r->kind != LINE_SECTION);
    }
    switch (r->kind) {
    case LINE_SECTION: {
        const char *name;
        size_t len;
        linereader_classify(line, strlen(line), false, &name, &len);
        open_section(ld, name, len, n);
        break;
    }
    case LINE_INVALID: {
        const char *s = line;
        while (*s == ' ' || *s == '\t') {
            s++;
        }
        if (*s == '[') {
            ERROR(ld, n, "section line has no closing ']'");
            /* its keys belong to no section: do not report them against the one before */
            close_section(ld);
            ld->any_section = true;
        } else {
            ERROR(ld, n, "expected 'key = value', '[section]' or a comment");
        }
        break;
    }
    default:
        break;
    }
    return line;
}

/* True when the raw line's value holds an inline comment that inih will cut off: a ';' after a
 * space or tab, not at the start. */
static bool value_cut(const char *line, size_t len)
{
    const char *end = line + len;
    const char *p = line + 1;
    while (p < end && (p = memchr(p, ';', (size_t)(end - p))) != NULL) {
        if (p[-1] == ' ' || p[-1] == '\t') {
            return true;
        }
        p++;
    }
    return false;
}

/* Same for a key line: looks only at what follows the first '=' or ':'. */
static bool value_cut_after_key(const char *line, size_t len)
{
    if (!memchr(line, ';', len)) {
        return false;
    }
    for (size_t i = 0; i < len; i++) {
        if (line[i] == '=' || line[i] == ':') {
            return value_cut(line + i, len - i);
        }
    }
    return false;
}

static int handler(void *user, const char *section, const char *name, const char *value)
{
    (void)section; /* inih cuts long section names: the loader keeps its own */
    Loader *ld = user;
    const LineReader *r = &ld->reader;
    int n = r->lineno;
    Section *s = &ld->section;
    if (r->kind == LINE_CONTINUATION) {
        if (ld->last_key == KEY_COUNT) {
            return 1; /* continues an unknown or refused key: already reported */
        }
        Field *f = &s->fields[ld->last_key];
        /* an indented 'key = value' is joined, not read as a key: say so */
        const char *eq = strpbrk(value, "=:");
        if (eq) {
            char word[32];
            size_t wl = (size_t)(eq - value);
            while (wl && (value[wl - 1] == ' ' || value[wl - 1] == '\t')) {
                wl--;
            }
            if (wl < sizeof word) {
                memcpy(word, value, wl);
                word[wl] = '\0';
                if (pack_key_from_name(word) != KEY_COUNT) {
                    WARN(ld, n,
                         "this indented line is joined to '%s'; remove the indentation if "
                         "'%s' is meant as a key",
                         pack_key_info[ld->last_key].name, word);
                }
            }
        }
        if (value_cut(r->line, r->line_len)) {
            f->cut = true;
        }
        size_t value_len = strlen(value);
        if (f->value.len + 1 + value_len > PACK_TEXT_MAX) {
            ERROR(ld, n, "'%s' is longer than %d bytes", pack_key_info[ld->last_key].name,
                  PACK_TEXT_MAX);
            ld->last_key = KEY_COUNT;
            return 1;
        }
        if (f->value.len) {
            strbuf_append(&f->value, " ", 1);
        }
        strbuf_append(&f->value, value, value_len);
        if (f->value.oom) {
            ld->oom = true;
        }
        return 1;
    }
    ld->last_key = KEY_COUNT;
    if (!s->open) {
        if (!ld->any_section) {
            char qb[80];
            ERROR(ld, n, "'%s' is outside any section (put [pack] first)",
                  pack_quote(qb, sizeof qb, name));
        }
        return 1; /* keys of a refused section were reported with it */
    }
    s->keys++;
    if (!*name) {
        ERROR(ld, n, "this line has no key before its '=' or ':'");
        return 1;
    }
    Key k = pack_key_from_name(name);
    int where = s->is_pack ? IN_PACK : IN_QUESTION;
    if (k == KEY_COUNT || !(pack_key_info[k].flags & where)) {
        char qb[80];
        if (strstr(name, "\xC2\xA0")) {
            WARN(ld, n, "key '%s' contains a no-break space (U+00A0); retype the spaces",
                 pack_quote(qb, sizeof qb, name));
        } else if (strlen(name) == 1 && name[0] >= 'i' && name[0] <= 'z' && !s->is_pack) {
            if (s->extra_choices++ == 0) {
                ERROR(ld, n, "at most %d choices, a to h: '%s' is one too many", PACK_CHOICES_MAX,
                      name);
                s->extra_line = n;
            }
        } else {
            WARN(ld, n, "unknown key '%s' in [%s] (ignored)", pack_quote(qb, sizeof qb, name),
                 s->name);
        }
        return 1;
    }
    Field *f = &s->fields[k];
    if (f->seen) {
        if (f->repeats++ == 0) {
            ERROR(ld, n, "duplicate key '%s' (first on line %d)", name, f->line);
            f->repeat_line = n;
        }
        return 1;
    }
    size_t value_len = strlen(value);
    if (value_len > PACK_TEXT_MAX) {
        ERROR(ld, n, "'%s' is longer than %d bytes", name, PACK_TEXT_MAX);
        return 1;
    }
    f->seen = true;
    s->seen_keys |= UINT64_C(1) << k;
    f->line = n;
    f->cut = value_cut_after_key(r->line, r->line_len);
    strbuf_append(&f->value, value, value_len);
    if (f->value.oom) {
        ld->oom = true;
    }
    ld->last_key = k;
    return 1;
}

/* Bytes looked at for NULs before a [pack] line, as git does to tell binary files. */
enum { BINARY_SNIFF = 8000 };

static bool check_encoding(Loader *ld, const char *data, size_t len)
{
    bool bom;
    if (utf8_looks_utf16(data, len, &bom)) {
        ERROR(ld, 0,
              bom ? "the file is UTF-16; save it as UTF-8"
                  : "the file looks like UTF-16 without a byte-order mark; save it as UTF-8");
        return false;
    }
    /* a NUL byte before any [pack] line: a binary file, not a damaged pack (one message,
     * instead of one for each line of noise) */
    size_t sniff = len < BINARY_SNIFF ? len : BINARY_SNIFF;
    const char *nul = memchr(data, '\0', sniff);
    int line = 1;
    for (const char *p = data; nul && p < nul; p++) {
        if (*p == '[' && (size_t)(nul - p) >= 6 && memcmp(p, "[pack]", 6) == 0) {
            return true;
        }
        line += *p == '\n' || (*p == '\r' && p[1] != '\n');
    }
    if (nul) {
        ERROR(ld, line,
              "a NUL byte before any [pack] line: this is a binary file, not a text pack "
              "(save the pack as plain UTF-8 text)");
        return false;
    }
    return true;
}

Pack *pack_load_buffer(const char *path, const char *data, size_t len, DiagList *diags)
{
    Loader ld;
    memset(&ld, 0, sizeof ld);
    ld.path = path;
    ld.diags = diags;
    ld.last_key = KEY_COUNT;
    size_t errors_before = diags->counts[DIAG_ERROR];

    Pack *p = calloc(1, sizeof *p);
    if (!p) {
        ERROR(&ld, 0, "out of memory");
        return NULL;
    }
    arena_init(&p->arena);
    p->time_limit = 20;
    p->score = (ScoreSettings){SCORING_SPEED, 1000, 0, false};
    p->streak_bonus = true;
    p->streak_step = 100;
    p->streak_cap = 500;
    ld.pack = p;
    p->path = pack_keep(&ld, path);

    if (!check_encoding(&ld, data, len)) {
        pack_destroy(p);
        return NULL;
    }
    linereader_init(&ld.reader, data, len);
    int rc = ini_parse_stream(reader, &ld, handler, &ld);
    close_section(&ld);
    pack_section_reset(&ld.section);
    idset_free(&ld.ids);
    if (rc == -2) {
        ld.oom = true;
    }
    if (ld.oom) {
        ERROR(&ld, 0, "out of memory while reading the pack");
    } else if (!ld.seen_pack && len > 0) {
        ERROR(&ld, 0, "no [pack] section: a pack starts with [pack], format, id and title");
    }
    if (len == 0 || (p->question_count == 0 && diags->counts[DIAG_ERROR] == errors_before)) {
        ERROR(&ld, len == 0 ? 0 : ld.pack_line, "the pack has no questions");
    }
    if (diags->counts[DIAG_ERROR] != errors_before) {
        pack_destroy(p);
        return NULL;
    }
    /* the questions array was grown by doubling: give back the slack */
    if (p->question_count > 0) {
        Question *fit = realloc(p->questions, (size_t)p->question_count * sizeof *fit);
        if (fit) {
            p->questions = fit;
        }
    }
    return p;
}

Pack *pack_load_file(const char *path, DiagList *diags)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        diag_add(diags, DIAG_ERROR, path, 0, "cannot open: %s", strerror(errno));
        return NULL;
    }
    if (S_ISDIR(st.st_mode)) {
        diag_add(diags, DIAG_ERROR, path, 0, "is a directory, not a pack file");
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) {
        diag_add(diags, DIAG_ERROR, path, 0, "is not a regular file");
        return NULL;
    }
    if (st.st_size > PACK_BYTES_MAX) {
        diag_add(diags, DIAG_ERROR, path, 0,
                 "is %lld bytes; a pack may be at most %ld bytes (split it into several packs)",
                 (long long)st.st_size, PACK_BYTES_MAX);
        return NULL;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        diag_add(diags, DIAG_ERROR, path, 0, "cannot open: %s", strerror(errno));
        return NULL;
    }
    size_t cap = (size_t)st.st_size + 1;
    char *data = malloc(cap);
    if (!data) {
        fclose(f);
        diag_add(diags, DIAG_ERROR, path, 0, "out of memory");
        return NULL;
    }
    /* read to the end, not to st_size: the file may change size while we read it */
    size_t len = 0;
    for (;;) {
        size_t got = fread(data + len, 1, cap - len, f);
        len += got;
        if (got == 0 || len < cap) {
            break;
        }
        if ((long)len > PACK_BYTES_MAX) {
            break;
        }
        char *grown = realloc(data, cap * 2);
        if (!grown) {
            break;
        }
        data = grown;
        cap *= 2;
    }
    bool failed = ferror(f);
    int err = errno;
    fclose(f);
    if (failed) {
        free(data);
        diag_add(diags, DIAG_ERROR, path, 0, "cannot read: %s", strerror(err));
        return NULL;
    }
    if ((long)len > PACK_BYTES_MAX) {
        free(data);
        diag_add(diags, DIAG_ERROR, path, 0, "is more than %ld bytes; split it into several packs",
                 PACK_BYTES_MAX);
        return NULL;
    }
    Pack *p = pack_load_buffer(path, data, len, diags);
    free(data);
    return p;
}

void pack_destroy(Pack *pack)
{
    if (!pack) {
        return;
    }
    free(pack->questions);
    arena_free(&pack->arena);
    free(pack);
}

const Question *pack_find_question(const Pack *pack, const char *id)
{
    for (int i = 0; i < pack->question_count; i++) {
        if (strcmp(pack->questions[i].id, id) == 0) {
            return &pack->questions[i];
        }
    }
    return NULL;
}

static const char *const type_names[QTYPE_COUNT] = {
    "single", "multi", "truefalse", "text", "number", "order",
};

const char *question_type_name(QuestionType type)
{
    return type < QTYPE_COUNT ? type_names[type] : "?";
}

QuestionType question_type_from_name(const char *name)
{
    for (int t = 0; t < QTYPE_COUNT; t++) {
        if (strcmp(type_names[t], name) == 0) {
            return (QuestionType)t;
        }
    }
    return QTYPE_COUNT;
}

static const char *const rule_names[SCORING_RULE_COUNT] = {"accuracy", "speed", "linear"};

const char *scoring_rule_name(ScoringRule rule)
{
    return rule < SCORING_RULE_COUNT ? rule_names[rule] : "?";
}

ScoringRule scoring_rule_from_name(const char *name)
{
    for (int r = 0; r < SCORING_RULE_COUNT; r++) {
        if (strcmp(rule_names[r], name) == 0) {
            return (ScoringRule)r;
        }
    }
    return SCORING_RULE_COUNT;
}

bool pack_id_valid(const char *id)
{
    size_t n = 0;
    for (const char *p = id; *p; p++, n++) {
        bool ok = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-';
        if (!ok || n >= PACK_ID_MAX) {
            return false;
        }
    }
    return n > 0;
}
