/* script_args.c - the script parser's helpers for words and arguments: blanks, case, typo
 * hints, excerpts, quoted text, numbers and targets. Never prints: errors go to the DiagList. */
#include "script.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "number.h"
#include "script_private.h"

bool script_is_blank(char c)
{
    return c == ' ' || c == '\t';
}

char *script_skip_blanks(char *s)
{
    while (script_is_blank(*s)) {
        s++;
    }
    return s;
}

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

bool script_equal_nocase(const char *a, size_t a_len, const char *b)
{
    size_t i = 0;
    for (; i < a_len && b[i]; i++) {
        if (lower(a[i]) != lower(b[i])) {
            return false;
        }
    }
    return i == a_len && b[i] == '\0';
}

/* Edit distance ignoring ASCII case, where swapping two neighbours ("kye") counts as one edit
 * (optimal string alignment); long words count as far apart. */
static size_t distance(const char *a, const char *b)
{
    enum { LONGEST = 32 };
    size_t la = strlen(a);
    size_t lb = strlen(b);
    if (la > LONGEST || lb > LONGEST) {
        return LONGEST;
    }
    size_t d[LONGEST + 1][LONGEST + 1];
    for (size_t i = 0; i <= la; i++) {
        for (size_t j = 0; j <= lb; j++) {
            if (i == 0 || j == 0) {
                d[i][j] = i + j;
                continue;
            }
            size_t best = d[i - 1][j - 1] + (lower(a[i - 1]) != lower(b[j - 1]));
            if (d[i - 1][j] + 1 < best) {
                best = d[i - 1][j] + 1;
            }
            if (d[i][j - 1] + 1 < best) {
                best = d[i][j - 1] + 1;
            }
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
                lower(a[i - 2]) == lower(b[j - 1]) && d[i - 2][j - 2] + 1 < best) {
                best = d[i - 2][j - 2] + 1;
            }
            d[i][j] = best;
        }
    }
    return d[la][lb];
}

const char *script_closest(const char *word, const char *const *names, size_t count)
{
    size_t len = strlen(word);
    size_t limit = len >= 5 ? 2 : len >= 2 ? 1 : 0; /* no guess from one letter */
    const char *best = NULL;
    size_t best_d = limit + 1;
    for (size_t i = 0; i < count; i++) {
        size_t d = distance(word, names[i]);
        if (d < best_d) {
            best = names[i];
            best_d = d;
        }
    }
    return best;
}

const char *script_did_you_mean(const char *hint, char *buf, size_t size)
{
    if (!hint) {
        return "";
    }
    str_format(buf, size, "; did you mean '%s'?", hint);
    return buf;
}

const char *script_excerpt(const char *s, char *buf, size_t size)
{
    enum { SHOWN = 40 };
    size_t len = strlen(s);
    if (len <= SHOWN || size < SHOWN + 4) {
        str_copy(buf, size, s);
        return buf;
    }
    size_t cut = SHOWN;
    while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80) {
        cut--;
    }
    memcpy(buf, s, cut);
    str_copy(buf + cut, size - cut, "...");
    return buf;
}

bool script_parse_digits(const char *s, size_t len, int64_t *out)
{
    if (len == 0 || len > 18) {
        return false;
    }
    int64_t v = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

void script_split_words(char *s, Words *out)
{
    out->n = 0;
    out->more = false;
    for (;;) {
        s = script_skip_blanks(s);
        if (*s == '\0') {
            return;
        }
        if (out->n == WORDS_MAX) {
            out->more = true;
            return;
        }
        out->w[out->n++] = s;
        while (*s && !script_is_blank(*s)) {
            s++;
        }
        if (*s) {
            *s++ = '\0';
        }
    }
}

void script_fail(Parser *p, const char *fmt, ...)
{
    char message[DIAG_MESSAGE_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    diag_add(p->diags, DIAG_ERROR, p->path, p->line, "%s", message);
    p->errors++;
}

const char *script_keep(Parser *p, const char *s, size_t len)
{
    char *copy = arena_strndup(&p->script->arena, s, len);
    if (!copy) {
        script_fail(p, "out of memory");
    }
    return copy;
}

/* Reads a quoted string at `s` (s[0] == '"') into p->text, with \" \\ \n \t escapes; only
 * blanks may follow the closing quote. Returns the unquoted length, or -1 after reporting. */
static long unquote(Parser *p, const char *what, const char *s)
{
    size_t n = 0;
    const char *q = s + 1;
    for (;; q++) {
        if (*q == '\0') {
            script_fail(p, "%s: unterminated quote (no closing '\"')", what);
            return -1;
        }
        if (*q == '"') {
            break;
        }
        char c = *q;
        if (c == '\\') {
            q++;
            switch (*q) {
            case '"':
            case '\\':
                c = *q;
                break;
            case 'n':
                c = '\n';
                break;
            case 't':
                c = '\t';
                break;
            case '\0':
                script_fail(p, "%s: unterminated quote (the line ends in '\\')", what);
                return -1;
            default:
                script_fail(p, "%s: unknown escape '\\%c' (use \\\" \\\\ \\n or \\t)", what, *q);
                return -1;
            }
        }
        p->text[n++] = c;
    }
    q = script_skip_blanks((char *)q + 1);
    if (*q != '\0') {
        char buf[64];
        script_fail(p, "%s: unexpected '%s' after the closing quote", what,
                    script_excerpt(q, buf, sizeof buf));
        return -1;
    }
    p->text[n] = '\0';
    return (long)n;
}

const char *script_take_text(Parser *p, const char *what, const char *s)
{
    if (*s == '"') {
        long n = unquote(p, what, s);
        return n < 0 ? NULL : script_keep(p, p->text, (size_t)n);
    }
    return script_keep(p, s, strlen(s));
}

bool script_no_more_words(Parser *p, const char *what, const Words *w, int used)
{
    if (w->n > used || w->more) {
        char buf[64];
        script_fail(p, "%s: unexpected '%s' at the end", what,
                    script_excerpt(w->w[used], buf, sizeof buf));
        return false;
    }
    return true;
}

bool script_parse_index(Parser *p, const char *what, const char *word, int64_t min, int64_t max,
                        const char *unit, int64_t *out)
{
    char buf[64];
    if (!script_parse_digits(word, strlen(word), out)) {
        script_fail(p, "%s: '%s' is not a whole number", what,
                    script_excerpt(word, buf, sizeof buf));
        return false;
    }
    if (*out < min || *out > max) {
        script_fail(p, "%s: %s%s%lld is out of range (%lld..%lld)", what, unit, *unit ? " " : "",
                    (long long)*out, (long long)min, (long long)max);
        return false;
    }
    return true;
}

static bool looks_like_number(const char *w)
{
    return (*w >= '0' && *w <= '9') || *w == '.' || *w == '-' || *w == '+';
}

static bool parse_fraction(Parser *p, const char *what, const char *word, double *out)
{
    char buf[64];
    if (!number_parse_strict(word, out)) {
        script_fail(
            p, "%s: '%s' is not a number; a point is two fractions of the window, as in 0.5 0.8",
            what, script_excerpt(word, buf, sizeof buf));
        return false;
    }
    if (*out < 0.0 || *out > 1.0) {
        script_fail(p, "%s: %s is not a fraction of the window (0..1); scripts never use pixels",
                    what, script_excerpt(word, buf, sizeof buf));
        return false;
    }
    return true;
}

bool script_parse_target(Parser *p, const char *what, char **w, int n, ScriptTarget *t)
{
    char buf[64];
    if (n == 0) {
        script_fail(p, "%s: missing target (e.g. 'choice 2', 'button next' or '0.5 0.8')", what);
        return false;
    }
    if (looks_like_number(w[0])) {
        if (n != 2) {
            script_fail(p, "%s: a point needs two fractions, x then y (e.g. 0.5 0.8)", what);
            return false;
        }
        t->is_point = true;
        return parse_fraction(p, what, w[0], &t->x) && parse_fraction(p, what, w[1], &t->y);
    }
    bool ok = w[0][0] >= 'a' && w[0][0] <= 'z';
    for (const char *c = w[0]; ok && *c; c++) {
        ok = (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-';
    }
    if (!ok) {
        script_fail(p, "%s: '%s' is not a target name (lower-case letters, digits and '-')", what,
                    script_excerpt(w[0], buf, sizeof buf));
        return false;
    }
    if (n > 2) {
        script_fail(p, "%s: unexpected '%s': a target is a name and at most one argument", what,
                    script_excerpt(w[2], buf, sizeof buf));
        return false;
    }
    t->name = script_keep(p, w[0], strlen(w[0]));
    t->arg = n == 2 ? script_keep(p, w[1], strlen(w[1])) : NULL;
    return t->name && (n < 2 || t->arg);
}
