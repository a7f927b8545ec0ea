/* linereader.c - raw line feeding and classification mirroring inih r55's ini_parse_stream.
 * One pass over each line finds its end and notes NUL and non-ASCII bytes, 8 bytes at a time. */
#include "linereader.h"

#include <stdint.h>
#include <string.h>

/* inih uses isspace() in the C locale: ' ' and \t \n \v \f \r (0x09 to 0x0D). */
static bool is_ini_space(char c)
{
    return c == ' ' || (unsigned char)(c - '\t') <= '\r' - '\t';
}

/* Like inih's find_chars_or_comment for one character: the first `c`, or an inline ';' that
 * follows white space, or the end. Returns its offset. */
static size_t find_char_or_comment(const char *s, size_t len, char c)
{
    bool was_space = false;
    size_t i = 0;
    for (; i < len; i++) {
        if (s[i] == c || (was_space && s[i] == ';')) {
            break;
        }
        was_space = is_ini_space(s[i]);
    }
    return i;
}

/* inih's find_chars_or_comment(s, len, "=:") for a line that is not a section, with one range test
 * per byte: ':' ';' '<' '=' are 0x3A to 0x3D. Returns the offset of the '=' or ':', or `len`
 * when there is none or an inline comment comes first. */
static size_t find_key_end(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned d = (unsigned char)s[i] - (unsigned)':';
        if (d > 3 || d == 2) {
            continue;
        }
        if (d != 1) {
            return i; /* ':' or '=' */
        }
        if (i > 0 && is_ini_space(s[i - 1])) {
            return len; /* ';' after white space: the rest is a comment */
        }
    }
    return len;
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
        size_t close = 1 + find_char_or_comment(s + 1, n - 1, ']');
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
    return find_key_end(s, n) < n ? LINE_KEY : LINE_INVALID;
}

#define ONES UINT64_C(0x0101010101010101)
#define HIGHS UINT64_C(0x8080808080808080)

/* Length of the line at `p` (up to \n, \r or `rest`), with *high the OR of its bytes' top bits
 * and *nul whether it holds a NUL. Words of 8 bytes with no control byte below 0x0E (the line
 * ends, NUL, and the rarer tab) are taken whole. */
static size_t scan_line(const unsigned char *p, size_t rest, uint64_t *high, bool *nul)
{
    uint64_t bits = 0;
    bool zero = false;
    size_t n = 0;
    while (rest - n >= 8) {
        uint64_t w;
        memcpy(&w, p + n, sizeof w);
        /* a flag in each byte below 0x0E; the lowest flag is exact */
        uint64_t low = (w - ONES * 0x0E) & ~w & HIGHS;
        if (!low) {
            bits |= w;
            n += 8;
            continue;
        }
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        unsigned at = (unsigned)__builtin_ctzll(low) / 8;
        bits |= at ? w & (~UINT64_C(0) >> (64 - 8 * at)) : 0;
        n += at;
        if (p[n] == '\n' || p[n] == '\r') {
            goto done;
        }
        zero |= p[n] == 0;
        n++;
#else
        for (size_t end = n + 8; n < end; n++) {
            if (p[n] == '\n' || p[n] == '\r') {
                goto done;
            }
            zero |= p[n] == 0;
            bits |= p[n];
        }
#endif
    }
    for (; n < rest; n++) {
        unsigned char c = p[n];
        if (c == '\n' || c == '\r') {
            break;
        }
        zero |= c == 0;
        bits |= c;
    }
done:
    *high = bits & HIGHS;
    *nul = zero;
    return n;
}

char *linereader_read(char *str, int num, void *stream)
{
    LineReader *r = stream;
    if (r->pos >= r->len || num < 1) {
        return NULL;
    }
    const char *p = r->data + r->pos;
    size_t rest = r->len - r->pos;
    uint64_t high;
    bool nul;
    size_t n = scan_line((const unsigned char *)p, rest, &high, &nul);
    size_t next = n;
    if (next < rest) {
        next += (p[next] == '\r' && next + 1 < rest && p[next + 1] == '\n') ? 2 : 1;
    }
    r->pos += next;
    r->lineno++;
    r->line = p;
    r->line_len = n;
    r->ascii = high == 0;
    r->has_nul = nul;

    if (n > (size_t)num - 1) {
        r->kind = LINE_TOO_LONG;
        str[0] = '\0';
        return str;
    }
    memcpy(str, p, n);
    str[n] = '\0';
    /* inih sees the line only up to an embedded NUL: classify what it will see */
    size_t visible = nul ? strlen(str) : n;
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
