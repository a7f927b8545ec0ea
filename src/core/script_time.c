/* script_time.c - the UTC time helpers of the virtual clock, and the comparison of `expect`
 * lines. Never reads a clock, never consults the time zone or the locale. */
#include "script.h"

#include <string.h>

#include "day.h"
#include "number.h"

static const char *const COMPARE_NAMES[SCRIPT_COMPARE_COUNT] = {
    "=", "!=", "<", "<=", ">", ">=", "~"};

const char *script_compare_name(ScriptCompare c)
{
    return (unsigned)c < SCRIPT_COMPARE_COUNT ? COMPARE_NAMES[c] : "?";
}

enum { MS_PER_DAY = 86400000 };

static int days_in_month(int64_t y, int m)
{
    static const int DAYS[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : DAYS[m - 1];
}

bool script_format_time(int64_t epoch_ms, char *out, size_t size)
{
    if (size > 0) {
        out[0] = '\0';
    }
    int64_t days = epoch_ms / MS_PER_DAY;
    int64_t rest = epoch_ms % MS_PER_DAY;
    if (rest < 0) {
        rest += MS_PER_DAY;
        days--;
    }
    int64_t y;
    int m;
    int d;
    day_to_civil(days, &y, &m, &d);
    if (y < 0 || y > 9999) {
        return false;
    }
    int ms = (int)(rest % 1000);
    int sec = (int)(rest / 1000);
    char fraction[8] = "";
    if (ms != 0) {
        str_format(fraction, sizeof fraction, ".%03d", ms);
    }
    bool ok = str_format(out, size, "%04d-%02d-%02dT%02d:%02d:%02d%sZ", (int)y, m, d, sec / 3600,
                         sec / 60 % 60, sec % 60, fraction);
    if (!ok && size > 0) {
        out[0] = '\0';
    }
    return ok;
}

/* Exactly `n` digits at `s`. */
static bool fixed_digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

bool script_parse_time(const char *text, int64_t *epoch_ms)
{
    /* YYYY-MM-DDTHH:MM:SS */
    int y, mo, d, h, mi, s;
    if (strlen(text) < 20 || !fixed_digits(text, 4, &y) || text[4] != '-' ||
        !fixed_digits(text + 5, 2, &mo) || text[7] != '-' || !fixed_digits(text + 8, 2, &d) ||
        text[10] != 'T' || !fixed_digits(text + 11, 2, &h) || text[13] != ':' ||
        !fixed_digits(text + 14, 2, &mi) || text[16] != ':' || !fixed_digits(text + 17, 2, &s)) {
        return false;
    }
    const char *p = text + 19;
    int ms = 0;
    if (*p == '.') {
        int digits = 0;
        for (p++; *p >= '0' && *p <= '9'; p++) {
            if (++digits > 3) {
                return false;
            }
            ms = ms * 10 + (*p - '0');
        }
        if (digits == 0) {
            return false;
        }
        for (; digits < 3; digits++) {
            ms *= 10;
        }
    }
    if (p[0] != 'Z' || p[1] != '\0') {
        return false;
    }
    if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) || h > 23 || mi > 59 || s > 59) {
        return false;
    }
    int64_t days = day_from_civil(y, mo, d);
    *epoch_ms = days * MS_PER_DAY + ((int64_t)h * 3600 + mi * 60 + s) * 1000 + ms;
    return true;
}

bool script_compare(ScriptCompare c, const char *actual, const char *expected)
{
    if (!actual || !expected) {
        return false;
    }
    if (c == SCRIPT_CONTAINS) {
        return strstr(actual, expected) != NULL;
    }
    double a;
    double b;
    int order;
    if (number_parse_strict(actual, &a) && number_parse_strict(expected, &b)) {
        order = (a > b) - (a < b);
    } else {
        int r = strcmp(actual, expected); /* compares bytes as unsigned char */
        order = (r > 0) - (r < 0);
    }
    switch (c) {
    case SCRIPT_EQ:
        return order == 0;
    case SCRIPT_NE:
        return order != 0;
    case SCRIPT_LT:
        return order < 0;
    case SCRIPT_LE:
        return order <= 0;
    case SCRIPT_GT:
        return order > 0;
    case SCRIPT_GE:
        return order >= 0;
    default:
        return false;
    }
}
