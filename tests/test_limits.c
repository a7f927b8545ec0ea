/* test_limits.c - every documented limit, met and passed: numbers at the edge of `long`, the
 * parsers' refusals, diagnostics that quote what a file holds. Each case checks the
 * diagnostic's text and that the next normal load still works. */
#include "support.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/number.h"

/* ---- numbers ------------------------------------------------------------------------------ */

static void test_whole_numbers_at_the_edge(void **state)
{
    (void)state;
    long v = 0;
    char text[32];
    str_format(text, sizeof text, "%ld", LONG_MAX);
    assert_true(number_parse_int(text, 0, LONG_MAX, &v));
    assert_true(v == LONG_MAX);
    str_format(text, sizeof text, "-%ld", LONG_MAX);
    assert_true(number_parse_int(text, -LONG_MAX, 0, &v));
    assert_true(v == -LONG_MAX);
    /* one past, and far past: refused, never wrapped (UBSan fails the test on an overflow) */
    assert_false(number_parse_int("9223372036854775808", 0, LONG_MAX, &v));
    assert_false(number_parse_int("99999999999999999999", 0, 100, &v));
    assert_false(number_parse_int("-99999999999999999999", -LONG_MAX, 0, &v));
    assert_false(number_parse_int("18446744073709551616", -LONG_MAX, LONG_MAX, &v));
    /* what the files must not hold */
    static const char *const never[] = {"1e999", "1e3", "nan", "inf", "-inf",  "0x10", "",
                                        " ",     "+",   "-",   "1.0", "1,000", "10 0"};
    for (size_t i = 0; i < sizeof never / sizeof never[0]; i++) {
        v = 42;
        assert_false(number_parse_int(never[i], -LONG_MAX, LONG_MAX, &v));
        assert_int_equal(v, 42);
    }
}

static void test_minus_zero(void **state)
{
    (void)state;
    long v = 7;
    /* where no number may be negative, a minus sign is refused even on zero */
    assert_false(number_parse_int("-0", 0, 100, &v));
    assert_false(number_parse_int("-00", 1, 100, &v));
    assert_int_equal(v, 7);
    /* where one may, "-0" is zero */
    assert_true(number_parse_int("-0", -5, 5, &v));
    assert_int_equal(v, 0);
    /* a decimal "-0" is zero, never a negative zero that prints as "-0.000000" */
    double d = 1;
    assert_true(number_parse_strict("-0", &d));
    assert_true(d == 0 && !signbit(d));
    assert_true(number_parse_strict("-0.000", &d));
    assert_true(d == 0 && !signbit(d));
    assert_true(number_parse_input("-0,0", &d));
    assert_true(d == 0 && !signbit(d));
    assert_true(number_parse_strict("-0.5", &d));
    assert_true(d == -0.5);
}

/* ---- diagnostics ----------------------------------------------------------------------- */

static void test_messages_are_printable(void **state)
{
    (void)state;
    DiagList d = DIAGLIST_INIT;
    /* a value quoted from a file: a terminal escape, a bell, a stray byte, a tab */
    diag_add(&d, DIAG_WARNING, "f.ini", 3, "bad name '%s'", "\x1b[31mred\x07 caf\xe9\tx");
    assert_string_equal(d.items[0].message, "bad name '?[31mred? caf?"
                                            "?x'");
    /* text the message's size cuts inside a character: no half character at the end */
    char big[DIAG_MESSAGE_MAX + 8];
    memset(big, 'a', sizeof big);
    memcpy(big + DIAG_MESSAGE_MAX - 4, "\xd0\x96\xd0\x96", 4);
    big[sizeof big - 1] = '\0';
    diag_add(&d, DIAG_ERROR, "f.ini", 4, "%s", big);
    const char *m = d.items[1].message;
    assert_int_equal(strlen(m), DIAG_MESSAGE_MAX - 1);
    assert_memory_equal(m + DIAG_MESSAGE_MAX - 4, "\xd0\x96?", 3);
    /* Cyrillic, Armenian and emoji pass unchanged */
    diag_add(&d, DIAG_NOTE, "f.ini", 5, "%s", "Ереван Երևան 🚀");
    assert_string_equal(d.items[2].message, "Ереван Երևան 🚀");
    diag_list_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_whole_numbers_at_the_edge),
        cmocka_unit_test(test_minus_zero),
        cmocka_unit_test(test_messages_are_printable),
    };
    return cmocka_run_group_tests_name("limits", tests, NULL, NULL);
}
