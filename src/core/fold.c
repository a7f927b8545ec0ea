/* fold.c - answer normalisation on utf8proc: decompose, fold, filter marks, recompose. */
#include "fold.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static bool is_latin_letter(int32_t cp)
{
    return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
           (cp >= 0x00C0 && cp <= 0x024F && cp != 0x00D7 && cp != 0x00F7) ||
           (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0x2C60 && cp <= 0x2C7F) ||
           (cp >= 0xA720 && cp <= 0xA7FF) || (cp >= 0xAB30 && cp <= 0xAB6F);
}

static bool is_apostrophe(int32_t cp)
{
    return cp == 0x27 || cp == 0x60 || cp == 0xB4 || cp == 0x2018 || cp == 0x2019 || cp == 0x02BC ||
           cp == 0x02B9 || cp == 0x2032;
}

static bool is_space_like(int32_t cp, utf8proc_category_t cat)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cat == UTF8PROC_CATEGORY_ZS ||
           cat == UTF8PROC_CATEGORY_ZL || cat == UTF8PROC_CATEGORY_ZP;
}

static bool is_punctuation(utf8proc_category_t cat)
{
    return cat >= UTF8PROC_CATEGORY_PC && cat <= UTF8PROC_CATEGORY_PO;
}

/* Latin letters that have no decomposition but that typists write without their stroke. */
static const char *latin_plain(int32_t cp)
{
    switch (cp) {
    case 0x00E6:
        return "ae"; /* æ */
    case 0x00F8:
        return "o"; /* ø */
    case 0x0111:
        return "d"; /* đ */
    case 0x0127:
        return "h"; /* ħ */
    case 0x0131:
        return "i"; /* ı */
    case 0x0142:
        return "l"; /* ł */
    case 0x0153:
        return "oe"; /* œ */
    default:
        return NULL;
    }
}

/* Cuts `len` back to a code point boundary no further than FOLD_MAX_INPUT. */
static size_t capped_length(const char *text)
{
    size_t len = strlen(text);
    if (len <= FOLD_MAX_INPUT) {
        return len;
    }
    len = FOLD_MAX_INPUT;
    while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80) {
        len--;
    }
    return len;
}

/* Decomposes into a malloc'ed code point array; returns its length or -1. */
static utf8proc_ssize_t decompose(const char *text, utf8proc_option_t options, int32_t **out)
{
    size_t len = capped_length(text);
    utf8proc_ssize_t n =
        utf8proc_decompose((const utf8proc_uint8_t *)text, (utf8proc_ssize_t)len, NULL, 0, options);
    if (n < 0) {
        return -1;
    }
    /* room for the expansions of latin_plain (at most 2 code points each) and the encoding */
    int32_t *buf = malloc(((size_t)n * 2 + 1) * sizeof *buf);
    if (!buf) {
        return -1;
    }
    utf8proc_ssize_t m =
        utf8proc_decompose((const utf8proc_uint8_t *)text, (utf8proc_ssize_t)len, buf, n, options);
    if (m < 0 || m > n) {
        free(buf);
        return -1;
    }
    *out = buf;
    return m;
}

/* Returns `n` code points as a malloc'ed UTF-8 string in normal form C (encoding them in place
 * first). Normalising again, not only composing, puts back in canonical order the combining
 * marks that dropping a character between them (an apostrophe, a control character) made
 * neighbours. */
static char *recompose(int32_t *buf, utf8proc_ssize_t n)
{
    utf8proc_ssize_t bytes = utf8proc_reencode(buf, n, UTF8PROC_STABLE);
    if (bytes < 0) {
        return NULL;
    }
    utf8proc_uint8_t *nfc = NULL;
    if (utf8proc_map((const utf8proc_uint8_t *)buf, bytes, &nfc,
                     (utf8proc_option_t)(UTF8PROC_STABLE | UTF8PROC_COMPOSE)) < 0) {
        return NULL;
    }
    return (char *)nfc;
}

/* ASCII's punctuation by Unicode category (P*): the other printable non-alphanumerics
 * ($ + < = > ^ | ~) are symbols and stay; ` and ' are apostrophes and go. */
static bool ascii_punctuation(unsigned char c)
{
    return c != '\0' && strchr("!\"#%&()*,-./:;?@[\\]_{}", c) != NULL;
}

/* The same folding for pure ASCII text, without utf8proc: most answers take this path. */
static char *fold_loose_ascii(const char *text, size_t len)
{
    char *out = malloc(len + 1);
    if (!out) {
        return NULL;
    }
    size_t w = 0;
    bool pending_space = false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == '\'' || c == '`') {
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' ||
            ascii_punctuation(c)) {
            pending_space = w > 0;
            continue;
        }
        if (c < 0x20 || c == 0x7F) {
            continue; /* other control characters are stripped */
        }
        if (pending_space) {
            out[w++] = ' ';
            pending_space = false;
        }
        out[w++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    out[w] = '\0';
    return out;
}

char *fold_loose(const char *text)
{
    size_t len = capped_length(text);
    size_t i = 0;
    while (i < len && (unsigned char)text[i] < 0x80) {
        i++;
    }
    if (i == len) {
        return fold_loose_ascii(text, len);
    }
    return fold_loose_unicode(text);
}

char *fold_loose_unicode(const char *text)
{
    int32_t *buf;
    utf8proc_option_t options =
        (utf8proc_option_t)(UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD);
    utf8proc_ssize_t n = decompose(text, options, &buf);
    if (n < 0) {
        return NULL;
    }
    /* latin_plain may write two letters for one: the output has twice the room. */
    int32_t *out = malloc(((size_t)n * 2 + 1) * sizeof *out);
    if (!out) {
        free(buf);
        return NULL;
    }
    utf8proc_ssize_t w = 0;
    bool latin_base = false;
    int32_t base = 0;
    bool pending_space = false;
    for (utf8proc_ssize_t i = 0; i < n; i++) {
        int32_t cp = buf[i];
        utf8proc_category_t cat = utf8proc_category(cp);
        bool combining = cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC ||
                         cat == UTF8PROC_CATEGORY_ME;
        if (combining) {
            if (latin_base) {
                continue; /* é -> e */
            }
            if (base == 0x0435 && cp == 0x0308) {
                continue; /* ё -> е */
            }
            if (pending_space) {
                out[w++] = ' ';
                pending_space = false;
            }
            out[w++] = cp;
            continue;
        }
        if (is_apostrophe(cp)) {
            continue;
        }
        bool control_space = (cp >= 0x09 && cp <= 0x0D) || cp == 0x85;
        if ((cat == UTF8PROC_CATEGORY_CC && !control_space) || cat == UTF8PROC_CATEGORY_CF) {
            continue; /* control and invisible format characters (soft hyphen, zero width) */
        }
        if (is_space_like(cp, cat) || is_punctuation(cat) || control_space) {
            pending_space = w > 0;
            latin_base = false;
            base = 0;
            continue;
        }
        if (pending_space) {
            out[w++] = ' ';
            pending_space = false;
        }
        if (cp == 0x0582 && base == 0x0565) {
            cp = 0x057E; /* Armenian: և and classical եւ are written եվ today (ԵՐԵՎԱՆ) */
        }
        const char *plain = latin_plain(cp);
        if (plain) {
            for (const char *p = plain; *p; p++) {
                out[w++] = *p;
            }
        } else {
            out[w++] = cp;
        }
        latin_base = is_latin_letter(cp);
        base = cp;
    }
    free(buf);
    char *result = recompose(out, w);
    free(out);
    return result;
}

char *fold_exact(const char *text)
{
    int32_t *buf;
    utf8proc_ssize_t n =
        decompose(text, (utf8proc_option_t)(UTF8PROC_DECOMPOSE | UTF8PROC_STABLE), &buf);
    if (n < 0) {
        return NULL;
    }
    utf8proc_ssize_t start = 0;
    while (start < n && is_space_like(buf[start], utf8proc_category(buf[start]))) {
        start++;
    }
    utf8proc_ssize_t end = n;
    while (end > start && is_space_like(buf[end - 1], utf8proc_category(buf[end - 1]))) {
        end--;
    }
    memmove(buf, buf + start, (size_t)(end - start) * sizeof *buf);
    char *result = recompose(buf, end - start);
    free(buf);
    return result;
}
