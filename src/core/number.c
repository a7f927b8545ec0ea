/* number.c - decimal parsing without strtod, so that no locale changes its meaning. */
#include "number.h"

#include <limits.h>
#include <string.h>

enum { MAX_DIGITS = 15 };

static const char *skip_spaces(const char *s)
{
    while (*s == ' ' || *s == '\t') {
        s++;
    }
    return s;
}

/* Parses [sign] digits [sep digits] from `s`, where `sep` is the set of decimal separators,
 * ignoring `group` bytes between digits when `groups` is true. Returns false on anything else. */
static bool parse(const char *s, const char *sep, bool groups, double *out)
{
    s = skip_spaces(s);
    bool negative = false;
    if (*s == '-' || *s == '+') {
        negative = *s == '-';
        s++;
    }
    long long mantissa = 0;
    int digits = 0;
    int significant = 0;
    int fraction_digits = 0;
    bool seen_point = false;
    for (;;) {
        unsigned char c = (unsigned char)*s;
        if (c == '\0') {
            break;
        }
        if (c >= '0' && c <= '9') {
            if (significant > 0 || c != '0') {
                significant++;
            }
            if (significant > MAX_DIGITS) {
                return false;
            }
            mantissa = mantissa * 10 + (c - '0');
            digits++;
            if (seen_point) {
                fraction_digits++;
            }
            s++;
        } else if (strchr(sep, c) && !seen_point && digits > 0 && s[1] >= '0' && s[1] <= '9') {
            seen_point = true;
            s++;
        } else if (groups && digits > 0 && !seen_point && s[1] != '\0') {
            /* group separators: ' ', U+00A0 (C2 A0), U+2009 (E2 80 89), U+202F (E2 80 AF) */
            size_t skip = 0;
            if (c == ' ') {
                skip = 1;
            } else if (c == 0xC2 && (unsigned char)s[1] == 0xA0) {
                skip = 2;
            } else if (c == 0xE2 && (unsigned char)s[1] == 0x80 &&
                       ((unsigned char)s[2] == 0x89 || (unsigned char)s[2] == 0xAF)) {
                skip = 3;
            }
            if (skip == 0 || !(s[skip] >= '0' && s[skip] <= '9')) {
                break;
            }
            s += skip;
        } else {
            break;
        }
    }
    s = skip_spaces(s);
    if (digits == 0 || *s != '\0') {
        return false;
    }
    double value = (double)mantissa;
    double scale = 1.0;
    for (int i = 0; i < fraction_digits; i++) {
        scale *= 10.0;
    }
    value /= scale;
    *out = negative && value != 0 ? -value : value; /* "-0" is zero, never a negative zero */
    return true;
}

bool number_parse_strict(const char *text, double *out)
{
    return parse(text, ".", false, out);
}

bool number_parse_input(const char *text, double *out)
{
    return parse(text, ".,", true, out);
}

bool number_parse_int(const char *text, long min, long max, long *out)
{
    const char *s = skip_spaces(text);
    bool negative = false;
    if (*s == '-' || *s == '+') {
        negative = *s == '-';
        s++;
    }
    if (*s < '0' || *s > '9') {
        return false;
    }
    if (negative && min >= 0) {
        return false; /* no sign where no negative number is allowed, so "-0" is refused too */
    }
    long v = 0;
    while (*s >= '0' && *s <= '9') {
        int d = *s - '0';
        if (v > (LONG_MAX - d) / 10) {
            return false; /* checked before multiplying: the next step would overflow */
        }
        v = v * 10 + d;
        s++;
    }
    s = skip_spaces(s);
    if (*s != '\0') {
        return false;
    }
    long value = negative ? -v : v;
    if (value < min || value > max) {
        return false;
    }
    *out = value;
    return true;
}
