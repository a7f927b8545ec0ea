/* day.h - study days: which local calendar day a moment belongs to, when a day starts counting
 * at a settable hour (4 a.m. by default, so a late-night session counts as the day before).
 * Pure C; never reads a clock: times are passed in as epoch seconds UTC. Local dates come from
 * localtime_r/mktime, so results depend only on the arguments and TZ.
 *
 * Days are counted from local calendar dates (y-m-d) converted to a day number, never by
 * dividing seconds by 86400, so a daylight-saving change (one hour, or Lord Howe's half hour)
 * neither adds nor loses a day. */
#ifndef QUIZDECK_DAY_H
#define QUIZDECK_DAY_H

#include <stdint.h>

enum { DAY_START_HOUR_DEFAULT = 4, DAY_START_HOUR_MAX = 23 };

/* Days from 1970-01-01 to the proleptic Gregorian date y-m-d (m 1..12, d 1..31); negative
 * before 1970. */
int64_t day_from_civil(int64_t y, int m, int d);

/* The inverse of day_from_civil. */
void day_to_civil(int64_t days, int64_t *y, int *m, int *d);

/* The study day of `epoch_s`: the local calendar date of that moment, minus one day when the
 * local hour is before `day_start_hour` (clamped to 0..23), as a day_from_civil number. So with
 * the default 4, Monday 23:30 and Tuesday 02:00 are both Monday's study day. */
int64_t day_number(int64_t epoch_s, int day_start_hour);

/* Study days from `from_s` to `to_s`: day_number(to) - day_number(from), never negative (0 when
 * `to_s` is earlier), capped at INT32_MAX. */
int day_elapsed(int64_t from_s, int64_t to_s, int day_start_hour);

/* The first epoch second of study day `day`: local `day_start_hour`:00 on that date. When that
 * local time does not exist (a daylight-saving gap), the first moment after the gap. */
int64_t day_start_epoch(int64_t day, int day_start_hour);

#endif
