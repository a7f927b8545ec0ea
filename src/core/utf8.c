/* utf8.c - strict UTF-8 decoding. */
#include "utf8.h"

#include <string.h>

size_t utf8_decode(const char *s, size_t len, int32_t *cp)
{
    const unsigned char *p = (const unsigned char *)s;
    if (len == 0) {
        return 0;
    }
    unsigned char c = p[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t n;
    int32_t v;
    int32_t min;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        v = c & 0x1F;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        v = c & 0x0F;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        v = c & 0x07;
        min = 0x10000;
    } else {
        return 0;
    }
    if (len < n) {
        return 0;
    }
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80) {
            return 0;
        }
        v = (v << 6) | (p[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        return 0;
    }
    *cp = v;
    return n;
}

bool utf8_valid(const char *s, size_t len, size_t *bad_offset)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        /* ASCII runs, 8 bytes at a time */
        while (len - i >= 8) {
            uint64_t w;
            memcpy(&w, p + i, sizeof w);
            if (w & UINT64_C(0x8080808080808080)) {
                break;
            }
            i += 8;
        }
        if (i == len) {
            break;
        }
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        /* two-byte sequences (Latin, Cyrillic, Armenian) without the general decoder */
        if (p[i] >= 0xC2 && p[i] <= 0xDF && len - i >= 2 && (p[i + 1] & 0xC0) == 0x80) {
            i += 2;
            continue;
        }
        int32_t cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        if (n == 0) {
            if (bad_offset) {
                *bad_offset = i;
            }
            return false;
        }
        i += n;
    }
    return true;
}

const char *utf8_explain(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    if (len == 0) {
        return NULL;
    }
    unsigned char c = p[0], next = len > 1 ? p[1] : 0;
    if (c == 0xC0 || c == 0xC1 || (c == 0xE0 && next >= 0x80 && next <= 0x9F) ||
        (c == 0xF0 && next >= 0x80 && next <= 0x8F)) {
        return "an overlong encoding";
    }
    if (c == 0xED && next >= 0xA0 && next <= 0xBF) {
        return "an encoded UTF-16 surrogate";
    }
    if ((c == 0xF4 && next >= 0x90 && next <= 0xBF) || (c >= 0xF5 && c <= 0xF7)) {
        return "a code point beyond U+10FFFF";
    }
    size_t need = c >= 0xC2 && c <= 0xDF   ? 2
                  : c >= 0xE0 && c <= 0xEF ? 3
                  : c >= 0xF0 && c <= 0xF4 ? 4
                                           : 0;
    if (need > len) {
        size_t i = 1;
        while (i < len && (p[i] & 0xC0) == 0x80) {
            i++;
        }
        if (i == len) {
            return "a character cut short at the end of the line";
        }
    }
    return NULL;
}

bool utf8_looks_utf16(const char *data, size_t len, bool *bom)
{
    const unsigned char *u = (const unsigned char *)data;
    bool marked = len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF));
    if (bom) {
        *bom = marked;
    }
    return marked || (len >= 4 && ((u[0] == 0 && u[1] != 0 && u[2] == 0) ||
                                   (u[0] != 0 && u[1] == 0 && u[3] == 0)));
}

size_t utf8_length(const char *s, size_t len)
{
    size_t count = 0;
    for (size_t i = 0; i < len; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            count++;
        }
    }
    return count;
}

bool utf8_append_bounded(char *dst, size_t max, const char *add)
{
    size_t have = strlen(dst);
    size_t n = strlen(add);
    bool all = true;
    if (have >= max) {
        return n == 0;
    }
    if (n > max - have) {
        all = false;
        n = max - have;
        /* back up to the start of the character the cut falls in */
        while (n > 0 && ((unsigned char)add[n] & 0xC0) == 0x80) {
            n--;
        }
    }
    memcpy(dst + have, add, n);
    dst[have + n] = '\0';
    return all;
}
