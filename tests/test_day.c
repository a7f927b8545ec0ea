/* test_day.c - study days: the 4 a.m. boundary, civil date arithmetic, and daylight-saving
 * changes (Berlin's hour, Lord Howe's half hour, St. John's odd offset) that must neither add
 * nor lose a day. */
#include "support.h"

#include <stdlib.h>
#include <time.h>

#include "core/day.h"

static void use_tz(const char *tz)
{
    setenv("TZ", tz, 1);
    tzset();
}

/* The epoch second of a local wall-clock time (the earlier one when it is ambiguous). */
static int64_t local(int y, int m, int d, int h, int mi)
{
    struct tm tm = {0};
    tm.tm_year = y - 1900;
    tm.tm_mon = m - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_isdst = -1;
    return (int64_t)mktime(&tm);
}

static void test_civil(void **state)
{
    (void)state;
    assert_int_equal(day_from_civil(1970, 1, 1), 0);
    assert_int_equal(day_from_civil(2000, 3, 1), 11017);
    assert_int_equal(day_from_civil(1969, 12, 31), -1);
    assert_int_equal(day_from_civil(2024, 3, 1) - day_from_civil(2024, 2, 28), 2); /* leap */
    assert_int_equal(day_from_civil(2100, 3, 1) - day_from_civil(2100, 2, 28), 1); /* not */
    for (int64_t n = -800000; n < 800000; n += 37) {
        int64_t y;
        int m, d;
        day_to_civil(n, &y, &m, &d);
        assert_int_equal(day_from_civil(y, m, d), n);
    }
}

static void test_late_night_counts_as_day_before(void **state)
{
    (void)state;
    use_tz("Europe/Berlin");
    int64_t evening = local(2026, 6, 1, 23, 30);
    int64_t night = local(2026, 6, 2, 2, 0);
    int64_t morning = local(2026, 6, 2, 4, 0);
    assert_int_equal(day_number(evening, 4), day_from_civil(2026, 6, 1));
    assert_int_equal(day_number(night, 4), day_number(evening, 4));
    assert_int_equal(day_number(morning, 4), day_number(evening, 4) + 1);
    assert_int_equal(day_elapsed(evening, night, 4), 0);
    assert_int_equal(day_elapsed(evening, morning, 4), 1);
    assert_int_equal(day_elapsed(morning, evening, 4), 0); /* never negative */
    /* with the day starting at midnight, 02:00 is the next day */
    assert_int_equal(day_elapsed(evening, night, 0), 1);
    assert_int_equal(day_start_epoch(day_from_civil(2026, 6, 1), 4), local(2026, 6, 1, 4, 0));
    assert_int_equal(day_number(local(2026, 6, 2, 3, 59), 4), day_from_civil(2026, 6, 1));
}

/* For every day of 2026 in the current TZ: a study day starts where day_start_epoch says, and
 * a review at the same local time on consecutive dates is exactly one day apart, as is a
 * late-night review (23:30) and a small-hours one two nights later (02:00). */
static void check_year(int hour)
{
    int64_t first = day_from_civil(2026, 1, 1);
    for (int64_t day = first; day < first + 366; day++) {
        int64_t start = day_start_epoch(day, hour);
        assert_int_equal(day_number(start, hour), day);
        assert_int_equal(day_number(start - 1, hour), day - 1);
        int64_t y;
        int m, d, y2m, y2d;
        int64_t y2;
        day_to_civil(day, &y, &m, &d);
        day_to_civil(day + 1, &y2, &y2m, &y2d);
        int64_t a = local((int)y, m, d, 12, 0), b = local((int)y2, y2m, y2d, 12, 0);
        assert_int_equal(day_elapsed(a, b, hour), 1);
        int64_t y3;
        int m3, d3;
        day_to_civil(day + 2, &y3, &m3, &d3);
        int64_t late = local((int)y, m, d, 23, 30), small = local((int)y3, m3, d3, 2, 0);
        if (hour > 2) {
            assert_int_equal(day_elapsed(late, small, hour), 1);
        }
        /* the difference in seconds is not what counts */
        assert_int_equal(day_elapsed(start, day_start_epoch(day + 1, hour) - 1, hour), 0);
    }
}

static void test_dst_berlin(void **state)
{
    (void)state;
    use_tz("Europe/Berlin");
    /* 2026-03-29 02:00 -> 03:00 and 2026-10-25 03:00 -> 02:00 */
    int64_t before = local(2026, 3, 28, 10, 0), after = local(2026, 3, 29, 10, 0);
    assert_int_equal(after - before, 23 * 3600);
    assert_int_equal(day_elapsed(before, after, 4), 1);
    before = local(2026, 10, 24, 10, 0);
    after = local(2026, 10, 25, 10, 0);
    assert_int_equal(after - before, 25 * 3600);
    assert_int_equal(day_elapsed(before, after, 4), 1);
    /* the short night: 23:30 Saturday and 03:30 Sunday are the same study day */
    assert_int_equal(day_elapsed(local(2026, 3, 28, 23, 30), local(2026, 3, 29, 3, 30), 4), 0);
    assert_int_equal(day_elapsed(local(2026, 10, 24, 23, 30), local(2026, 10, 25, 3, 30), 4), 0);
    /* a study day starting at 2 a.m., an hour that does not exist on 29 March */
    int64_t gap = day_start_epoch(day_from_civil(2026, 3, 29), 2);
    assert_int_equal(gap, local(2026, 3, 29, 3, 0));
    check_year(4);
    check_year(2);
    check_year(0);
}

static void test_dst_lord_howe(void **state)
{
    (void)state;
    use_tz("Australia/Lord_Howe"); /* half-hour changes: 2026-04-05 and 2026-10-04 */
    assert_int_equal(day_elapsed(local(2026, 4, 4, 10, 0), local(2026, 4, 5, 10, 0), 4), 1);
    assert_int_equal(day_elapsed(local(2026, 10, 3, 10, 0), local(2026, 10, 4, 10, 0), 4), 1);
    check_year(4);
    check_year(2);
}

static void test_dst_st_johns(void **state)
{
    (void)state;
    use_tz("America/St_Johns"); /* UTC-3:30, changes 2026-03-08 and 2026-11-01 */
    assert_int_equal(day_elapsed(local(2026, 3, 7, 10, 0), local(2026, 3, 8, 10, 0), 4), 1);
    assert_int_equal(day_elapsed(local(2026, 10, 31, 10, 0), local(2026, 11, 1, 10, 0), 4), 1);
    check_year(4);
    check_year(0);
}

static void test_utc_and_clamp(void **state)
{
    (void)state;
    use_tz("UTC");
    assert_int_equal(day_number(0, 0), 0);
    assert_int_equal(day_number(3 * 3600, 4), -1);
    assert_int_equal(day_number(4 * 3600, 4), 0);
    assert_int_equal(day_number(4 * 3600, -5), 0);   /* clamped to 0 */
    assert_int_equal(day_number(22 * 3600, 99), -1); /* clamped to 23 */
    assert_int_equal(day_start_epoch(1, 4), 86400 + 4 * 3600);
    assert_int_equal(day_elapsed(0, (int64_t)400 * 86400, 4), 400);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_civil),        cmocka_unit_test(test_late_night_counts_as_day_before),
        cmocka_unit_test(test_dst_berlin),   cmocka_unit_test(test_dst_lord_howe),
        cmocka_unit_test(test_dst_st_johns), cmocka_unit_test(test_utc_and_clamp),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
