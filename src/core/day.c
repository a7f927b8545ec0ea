/* day.c - study days from local calendar dates (see day.h). Never reads a clock. */
#include "day.h"

#include <stdbool.h>
#include <time.h>

/* Howard Hinnant's days_from_civil: exact for every proleptic Gregorian date. */
int64_t day_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void day_to_civil(int64_t days, int64_t *y, int *m, int *d)
{
    days += 719468;
    int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    int64_t doe = days - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

static int clamp_hour(int hour)
{
    return hour < 0 ? 0 : hour > DAY_START_HOUR_MAX ? DAY_START_HOUR_MAX : hour;
}

/* floor(a / b) for b > 0 */
static int64_t floor_div(int64_t a, int64_t b)
{
    return a / b - (a % b != 0 && a < 0);
}

int64_t day_number(int64_t epoch_s, int day_start_hour)
{
    int hour = clamp_hour(day_start_hour);
    time_t t = (time_t)epoch_s;
    struct tm tm;
    if ((int64_t)t != epoch_s || !localtime_r(&t, &tm)) {
        /* beyond what the C library can convert: count in UTC */
        return floor_div(epoch_s - (int64_t)hour * 3600, 86400);
    }
    int64_t day = day_from_civil((int64_t)tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    return tm.tm_hour < hour ? day - 1 : day;
}

int day_elapsed(int64_t from_s, int64_t to_s, int day_start_hour)
{
    int64_t n = day_number(to_s, day_start_hour) - day_number(from_s, day_start_hour);
    return n <= 0 ? 0 : n > INT32_MAX ? INT32_MAX : (int)n;
}

int64_t day_start_epoch(int64_t day, int day_start_hour)
{
    int hour = clamp_hour(day_start_hour);
    int64_t y;
    int m, d;
    day_to_civil(day, &y, &m, &d);
    struct tm tm = {0};
    tm.tm_year = (int)(y - 1900);
    tm.tm_mon = m - 1;
    tm.tm_mday = d;
    tm.tm_hour = hour;
    tm.tm_isdst = -1;
    time_t t = mktime(&tm);
    if (t == (time_t)-1 && (tm.tm_year != 69 || tm.tm_mon != 11 || tm.tm_mday != 31)) {
        return day * 86400 + (int64_t)hour * 3600; /* out of range: UTC */
    }
    int64_t s = (int64_t)t;
    /* mktime may land an hour off around a change: step to the first second of `day`. */
    while (day_number(s, hour) < day) {
        s += 900;
    }
    while (day_number(s - 900, hour) >= day) {
        s -= 900;
    }
    /* now s-900 is before `day`, s inside it; narrow to the exact second */
    int64_t lo = s - 900, hi = s;
    while (hi - lo > 1) {
        int64_t mid = lo + (hi - lo) / 2;
        if (day_number(mid, hour) >= day) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    return hi;
}
