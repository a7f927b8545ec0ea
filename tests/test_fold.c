/* test_fold.c - typed-answer folding: case, Latin accents, scripts that keep their letters. */
#include "support.h"

#include <stdlib.h>
#include <string.h>

#include "core/fold.h"

static void expect_loose(const char *in, const char *want)
{
    char *got = fold_loose(in);
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

static void loose_equal(const char *a, const char *b, bool equal)
{
    char *fa = fold_loose(a);
    char *fb = fold_loose(b);
    assert_non_null(fa);
    assert_non_null(fb);
    if (equal) {
        assert_string_equal(fa, fb);
    } else {
        assert_string_not_equal(fa, fb);
    }
    free(fa);
    free(fb);
}

static void test_case_and_spaces(void **state)
{
    (void)state;
    expect_loose("  Tashkent  ", "tashkent");
    expect_loose("NAGORNO   karabakh", "nagorno karabakh");
    expect_loose("\tMoscow\n", "moscow");
    expect_loose("", "");
}

static void test_latin_accents(void **state)
{
    (void)state;
    expect_loose("Chișinău", "chisinau");
    expect_loose("CHIŞINĂU", "chisinau");
    expect_loose("Crème Brûlée", "creme brulee");
    expect_loose("Straße", "strasse");
    expect_loose("Łódź", "lodz");
    expect_loose("Ærø", "aero");
    /* decomposed input folds like precomposed input */
    expect_loose("Chis\xCC\xA6ina\xCC\x86u", "chisinau");
}

static void test_punctuation(void **state)
{
    (void)state;
    expect_loose("Nagorno-Karabakh!", "nagorno karabakh");
    expect_loose("\"Moscow.\"", "moscow");
    expect_loose("Côte d'Ivoire", "cote divoire");
    loose_equal("Côte d’Ivoire", "cote d'ivoire", true); /* curly apostrophe */
    loose_equal("St. Petersburg", "St Petersburg", true);
    loose_equal("Moscow\xC2\xA0"
                "Kremlin",
                "moscow kremlin", true); /* no-break space */
}

static void test_cyrillic(void **state)
{
    (void)state;
    expect_loose("МОСКВА", "москва");
    /* ё and е count as equal */
    loose_equal("Ёлка", "елка", true);
    loose_equal("ОБЪЁМ", "объем", true);
    /* й is not и */
    loose_equal("Бишкей", "Бишкеи", false);
    loose_equal("й", "и", false);
    expect_loose("Душанбе, Таджикистан", "душанбе таджикистан");
    /* ї keeps its marks: only Latin letters and ё lose them */
    loose_equal("ї", "і", false);
}

static void test_armenian(void **state)
{
    (void)state;
    expect_loose("ԵՐԵՎԱՆ", "երեվան");
    loose_equal("Հայաստան", "ՀԱՅԱՍՏԱՆ", true);
    loose_equal("Երևան", "Երեւան", true); /* the ligature և folds to ե + ւ */
}

static void test_invalid_utf8(void **state)
{
    (void)state;
    assert_null(fold_loose("caf\xE9"));
    assert_null(fold_exact("\xC0\x80"));
}

static void test_exact(void **state)
{
    (void)state;
    char *s = fold_exact("  Chișinău ");
    assert_string_equal(s, "Chișinău");
    free(s);
    char *a = fold_exact("Chis\xCC\xA6ina\xCC\x86u");
    char *b = fold_exact("Chișinău");
    assert_string_equal(a, b); /* NFC: composed and decomposed forms agree */
    free(a);
    free(b);
    s = fold_exact("moscow");
    assert_string_not_equal(s, "Moscow");
    free(s);
}

/* Marks that dropping a character between them makes neighbours come out in canonical order
 * (fuzzing found "\u0301 <control> \u0329" folded to a string that was not NFC). */
static void test_marks_made_neighbours(void **state)
{
    (void)state;
    /* и, acute (class 230), a soft hyphen, an apostrophe or a control character, vertical line
     * below (class 220): NFC puts the class 220 mark first */
    static const char *const inputs[] = {
        "\xD0\xB8\xCC\x81\xC2\xAD\xCC\xA9",
        "\xD0\xB8\xCC\x81'\xCC\xA9",
        "\xD0\xB8\xCC\x81\x03\xCC\xA9",
        "\xD0\xB8\xCC\xA9\xCC\x81",
    };
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        expect_loose(inputs[i], "\xD0\xB8\xCC\xA9\xCC\x81");
    }
    expect_loose("\xE2\x80\x99", ""); /* only an apostrophe: nothing left, not NULL */
}

static void test_long_input(void **state)
{
    (void)state;
    /* a 1,000-character Cyrillic answer (2,000 bytes) folds whole */
    char buf[2100];
    size_t n = 0;
    for (int i = 0; i < 1000; i++) {
        memcpy(buf + n, "Ж", 2);
        n += 2;
    }
    buf[n] = '\0';
    char *f = fold_loose(buf);
    assert_non_null(f);
    assert_int_equal(strlen(f), 2000);
    free(f);
}

static void test_ascii_fast_path_agrees(void **state)
{
    (void)state;
    /* every ASCII character, alone and between letters, folds alike on both paths */
    for (int c = 1; c < 128; c++) {
        char in[8] = {'A', (char)c, 'b', '\0'};
        char *fast = fold_loose(in);
        char *slow = fold_loose_unicode(in);
        assert_non_null(fast);
        assert_non_null(slow);
        if (strcmp(fast, slow) != 0) {
            print_error("character 0x%02X: fast \"%s\", unicode \"%s\"\n", c, fast, slow);
        }
        assert_string_equal(fast, slow);
        free(fast);
        free(slow);
    }
    /* and random ASCII strings */
    unsigned int seed = 99;
    for (int round = 0; round < 2000; round++) {
        char in[24];
        for (int i = 0; i < 23; i++) {
            seed = seed * 1103515245u + 12345u;
            in[i] = (char)(1 + (seed >> 16) % 127);
        }
        in[23] = '\0';
        char *fast = fold_loose(in);
        char *slow = fold_loose_unicode(in);
        assert_string_equal(fast, slow);
        free(fast);
        free(slow);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_case_and_spaces),
        cmocka_unit_test(test_latin_accents),
        cmocka_unit_test(test_punctuation),
        cmocka_unit_test(test_cyrillic),
        cmocka_unit_test(test_armenian),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_exact),
        cmocka_unit_test(test_marks_made_neighbours),
        cmocka_unit_test(test_long_input),
        cmocka_unit_test(test_ascii_fast_path_agrees),
    };
    return cmocka_run_group_tests_name("fold", tests, NULL, NULL);
}
