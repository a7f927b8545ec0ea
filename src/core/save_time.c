/* save_time.c - ISO 8601 UTC dates for the files the game writes. Pure arithmetic: never reads
 * a clock, never consults the time zone or the locale. */
#include "save.h"

#include <string.h>

#include "day.h"
#include "save_private.h"
#include "strbuf.h"

SaveUtc save_utc_from_time(time_t t)
{
    long long s = (long long)t;
    long long days = s >= 0 ? s / 86400 : -((-s + 86399) / 86400);
    long long rest = s - days * 86400;
    SaveUtc u;
    int64_t year;
    day_to_civil(days, &year, &u.month, &u.day);
    u.year = year;
    u.hour = (int)(rest / 3600);
    u.minute = (int)(rest / 60 % 60);
    u.second = (int)(rest % 60);
    return u;
}

bool save_format_time(time_t t, char *out, size_t size)
{
    SaveUtc u = save_utc_from_time(t);
    return str_format(out, size, "%04lld-%02d-%02dT%02d:%02d:%02dZ", u.year, u.month, u.day, u.hour,
                      u.minute, u.second);
}

/* Reads exactly `n` digits. */
static bool digits(const char *s, int n, int *out)
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

bool save_parse_time(const char *text, time_t *out)
{
    /* 2026-11-29T10:15:00Z */
    int y, mo, d, h, mi, s;
    if (strlen(text) != 20 || !digits(text, 4, &y) || text[4] != '-' || !digits(text + 5, 2, &mo) ||
        text[7] != '-' || !digits(text + 8, 2, &d) || text[10] != 'T' ||
        !digits(text + 11, 2, &h) || text[13] != ':' || !digits(text + 14, 2, &mi) ||
        text[16] != ':' || !digits(text + 17, 2, &s) || text[19] != 'Z') {
        return false;
    }
    static const int month_days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > month_days[mo - 1] ||
        (mo == 2 && d == 29 && !leap) || h > 23 || mi > 59 || s > 59) {
        return false;
    }
    long long v = day_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
    if ((long long)(time_t)v != v) {
        return false; /* beyond a 32-bit time_t */
    }
    *out = (time_t)v;
    return true;
}
