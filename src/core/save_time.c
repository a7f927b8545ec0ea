/* save_time.c - ISO 8601 UTC dates for the files the game writes. Pure arithmetic: never reads
 * a clock, never consults the time zone or the locale. */
#include "save.h"

#include <string.h>

#include "save_private.h"
#include "strbuf.h"

/* Days since 1970-01-01 of a proleptic Gregorian date. Years are counted from March so that
 * the leap day is the last day of the counted year; 146097 days make a 400-year era. */
static long long days_from_civil(long long y, int m, int d)
{
    if (m <= 2) {
        y -= 1;
    }
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long year_of_era = y - era * 400;
    int month_from_march = m > 2 ? m - 3 : m + 9;
    long long day_of_year = (153 * month_from_march + 2) / 5 + d - 1;
    long long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468; /* 719468: days from 0000-03-01 to 1970-01-01 */
}

/* The inverse of days_from_civil. */
static void civil_from_days(long long z, long long *y, int *m, int *d)
{
    z += 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2 ? 1 : 0);
}

SaveUtc save_utc_from_time(time_t t)
{
    long long s = (long long)t;
    long long days = s >= 0 ? s / 86400 : -((-s + 86399) / 86400);
    long long rest = s - days * 86400;
    SaveUtc u;
    civil_from_days(days, &u.year, &u.month, &u.day);
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
    long long v = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
    if ((long long)(time_t)v != v) {
        return false; /* beyond a 32-bit time_t */
    }
    *out = (time_t)v;
    return true;
}
