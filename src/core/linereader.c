/* linereader.c - raw line feeding and classification mirroring inih r55's ini_parse_stream. */
#include "linereader.h"

#include <string.h>

/* inih uses isspace() in the C locale: these six bytes. */
static bool is_ini_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

/* Like inih's find_chars_or_comment: the first `c1` or `c2` (0 for none), or an inline ';' that
 * follows white space, or the end. Returns its offset. */
static size_t find_chars_or_comment(const char *s, size_t len, char c1, char c2)
{
    bool was_space = false;
    size_t i = 0;
    for (; i < len; i++) {
        char c = s[i];
        if ((c1 && c == c1) || (c2 && c == c2) || (was_space && c == ';')) {
            break;
        }
        was_space = is_ini_space(c);
    }
    return i;
}

void linereader_init(LineReader *r, const char *data, size_t len)
{
    memset(r, 0, sizeof *r);
    r->data = data;
    r->len = len;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        r->pos = 3;
    }
}

LineKind linereader_classify(const char *line, size_t len, bool after_key, const char **name,
                             size_t *name_len)
{
    size_t start = 0;
    while (start < len && is_ini_space(line[start])) {
        start++;
    }
    size_t end = len;
    while (end > start && is_ini_space(line[end - 1])) {
        end--;
    }
    if (start == end) {
        return LINE_BLANK;
    }
    const char *s = line + start;
    size_t n = end - start;
    if (s[0] == ';' || s[0] == '#') {
        return LINE_COMMENT;
    }
    if (after_key && start > 0) {
        return LINE_CONTINUATION;
    }
    if (s[0] == '[') {
        size_t close = 1 + find_chars_or_comment(s + 1, n - 1, ']', 0);
        if (close < n && s[close] == ']') {
            if (name) {
                *name = s + 1;
            }
            if (name_len) {
                *name_len = close - 1;
            }
            return LINE_SECTION;
        }
        return LINE_INVALID;
    }
    size_t eq = find_chars_or_comment(s, n, '=', ':');
    if (eq < n && (s[eq] == '=' || s[eq] == ':')) {
        return LINE_KEY;
    }
    return LINE_INVALID;
}

char *linereader_read(char *str, int num, void *stream)
{
    LineReader *r = stream;
    if (r->pos >= r->len || num < 1) {
        return NULL;
    }
    const char *p = r->data + r->pos;
    size_t rest = r->len - r->pos;
    size_t n = 0;
    while (n < rest && p[n] != '\n' && p[n] != '\r') {
        n++;
    }
    size_t next = n;
    if (next < rest) {
        next += (p[next] == '\r' && next + 1 < rest && p[next + 1] == '\n') ? 2 : 1;
    }
    r->pos += next;
    r->lineno++;
    r->line = p;
    r->line_len = n;

    if (n > (size_t)num - 1) {
        r->kind = LINE_TOO_LONG;
        str[0] = '\0';
        return str;
    }
    memcpy(str, p, n);
    str[n] = '\0';
    /* inih sees the line only up to an embedded NUL: classify what it will see */
    size_t visible = strlen(str);
    r->kind = linereader_classify(str, visible, r->after_key, NULL, NULL);
    if (r->kind == LINE_SECTION) {
        r->after_key = false;
    } else if (r->kind == LINE_KEY) {
        r->after_key = true;
    }
    return str;
}

const char *linereader_kind_name(LineKind kind)
{
    static const char *const names[LINE_KIND_COUNT] = {
        "blank", "comment", "section", "key", "continuation", "invalid", "too long",
    };
    return kind < LINE_KIND_COUNT ? names[kind] : "?";
}
