/* test_answer.c - checking answers of every question type, with Cyrillic, Armenian and
 * accented input, and the partial-credit shares. */
#include "support.h"

#include <stdlib.h>

#include "core/answer.h"

static Pack *pack;

static int setup(void **state)
{
    (void)state;
    static const char text[] = PACK_HEADER
        "[capital]\ntype = text\nprompt = Where is the HQ?\nanswer = Moscow | Москва\n"
        "explain = x\nsource = y\n"
        "[charter-city]\ntype = text\nprompt = City?\nanswer = Chișinău | Kishinev\n"
        "explain = x\nsource = y\n"
        "[armenia]\ntype = text\nprompt = Capital of Armenia?\nanswer = Երևան | Yerevan\n"
        "explain = x\nsource = y\n"
        "[city-ru]\ntype = text\nprompt = Столица Кыргызстана?\nanswer = Бишкек\n"
        "explain = x\nsource = y\n"
        "[word-yo]\ntype = text\nprompt = Слово?\nanswer = ёлка\nexplain = x\nsource = y\n"
        "[word-short-i]\ntype = text\nprompt = Слово?\nanswer = Бийск\nexplain = x\nsource = y\n"
        "[exact-case]\ntype = text\nprompt = Symbol?\nanswer = NaCl\nexact = yes\n"
        "explain = x\nsource = y\n"
        "[year]\ntype = number\nprompt = Year?\nanswer = 1992\nexplain = x\nsource = y\n"
        "[pi]\ntype = number\nprompt = Pi?\nanswer = 3.14\ntolerance = 0.01\n"
        "explain = x\nsource = y\n"
        "[neg]\ntype = number\nprompt = Temp?\nanswer = -3.5\nexplain = x\nsource = y\n"
        "[one]\ntype = single\nprompt = Which?\na = A\nb = B\nc = C\nanswer = b\n"
        "explain = x\nsource = y\n"
        "[many]\ntype = multi\nprompt = Which?\na = A\nb = B\nc = C\nd = D\nanswer = a, c\n"
        "explain = x\nsource = y\n"
        "[tf]\ntype = truefalse\nprompt = True?\nanswer = false\nexplain = x\nsource = y\n"
        "[seq]\ntype = order\nprompt = Order?\na = 1992\nb = 2002\nc = 2009\nd = 2022\n"
        "explain = x\nsource = y\n";
    DiagList d = DIAGLIST_INIT;
    pack = load_string(text, &d);
    diag_list_free(&d);
    return pack ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    pack_destroy(pack);
    return 0;
}

static const Question *q(const char *id)
{
    const Question *found = pack_find_question(pack, id);
    assert_non_null(found);
    return found;
}

static bool typed(const char *id, const char *text)
{
    Answer a = {0};
    a.text = text;
    return answer_check(q(id), &a).correct;
}

static void test_text_latin(void **state)
{
    (void)state;
    assert_true(typed("capital", "moscow"));
    assert_true(typed("capital", "  MOSCOW. "));
    assert_false(typed("capital", "Moskow"));
    assert_true(typed("charter-city", "chisinau"));
    assert_true(typed("charter-city", "Chişinău")); /* cedilla instead of comma below */
    assert_true(typed("charter-city", "kishinev"));
    assert_false(typed("charter-city", ""));
    assert_false(typed("charter-city", "caf\xE9")); /* not UTF-8: simply wrong */
}

static void test_text_cyrillic(void **state)
{
    (void)state;
    assert_true(typed("capital", "москва"));
    assert_true(typed("city-ru", "БИШКЕК"));
    assert_false(typed("city-ru", "Бишкеk")); /* Latin k is not Cyrillic к */
    assert_true(typed("word-yo", "елка"));    /* ё = е */
    assert_true(typed("word-yo", "ЁЛКА"));
    assert_true(typed("word-short-i", "бийск"));
    assert_false(typed("word-short-i", "бииск")); /* й is not и */
}

static void test_text_armenian(void **state)
{
    (void)state;
    assert_true(typed("armenia", "Երևան"));
    assert_true(typed("armenia", "ԵՐԵՎԱՆ"));
    assert_true(typed("armenia", "Երեւան"));
    assert_true(typed("armenia", "yerevan"));
    assert_false(typed("armenia", "Երեվաn"));
}

static void test_text_exact(void **state)
{
    (void)state;
    assert_true(typed("exact-case", "NaCl"));
    assert_true(typed("exact-case", " NaCl "));
    assert_false(typed("exact-case", "nacl"));
}

static void test_number(void **state)
{
    (void)state;
    assert_true(typed("year", "1992"));
    assert_true(typed("year", " 1992 "));
    assert_true(typed("year", "1 992"));
    assert_true(typed("year", "1992.0"));
    assert_false(typed("year", "1993"));
    assert_false(typed("year", "nineteen ninety-two"));
    assert_false(typed("year", "0x7C8"));
    assert_false(typed("year", "1e3"));
    assert_true(typed("pi", "3.14"));
    assert_true(typed("pi", "3,15")); /* decimal comma, inside the tolerance */
    assert_true(typed("pi", "3.13"));
    assert_false(typed("pi", "3.16"));
    assert_true(typed("neg", "-3.5"));
    assert_true(typed("neg", "-3,5"));
    assert_false(typed("neg", "3.5"));
}

static void test_single(void **state)
{
    (void)state;
    Answer a = {0};
    a.picked = 1u << 1;
    assert_true(answer_check(q("one"), &a).correct);
    a.picked = 1u << 0;
    assert_false(answer_check(q("one"), &a).correct);
    a.picked = (1u << 1) | (1u << 2); /* two picked for a single: wrong */
    assert_false(answer_check(q("one"), &a).correct);
    a.picked = 0;
    assert_false(answer_check(q("one"), &a).correct);
}

static void test_multi_partial(void **state)
{
    (void)state;
    Answer a = {0};
    a.picked = 0x5; /* a, c: all right */
    Verdict v = answer_check(q("many"), &a);
    assert_true(v.correct);
    assert_int_equal(v.credit_num, 2);
    assert_int_equal(v.credit_den, 2);
    a.picked = 0x1; /* a only: 1 of 2 */
    v = answer_check(q("many"), &a);
    assert_false(v.correct);
    assert_int_equal(v.credit_num, 1);
    assert_int_equal(v.credit_den, 2);
    a.picked = 0x3; /* a, b: one right, one wrong -> 0 */
    v = answer_check(q("many"), &a);
    assert_int_equal(v.credit_num, 0);
    a.picked = 0xF; /* everything: 2 right - 2 wrong -> 0 */
    v = answer_check(q("many"), &a);
    assert_false(v.correct);
    assert_int_equal(v.credit_num, 0);
}

static void test_truefalse(void **state)
{
    (void)state;
    Answer a = {0};
    a.truth = false;
    assert_true(answer_check(q("tf"), &a).correct);
    a.truth = true;
    assert_false(answer_check(q("tf"), &a).correct);
}

static void test_order(void **state)
{
    (void)state;
    Answer a = {.order = {0, 1, 2, 3}, .order_count = 4};
    Verdict v = answer_check(q("seq"), &a);
    assert_true(v.correct);
    assert_int_equal(v.credit_num, 4);
    Answer b = {.order = {1, 0, 2, 3}, .order_count = 4};
    v = answer_check(q("seq"), &b);
    assert_false(v.correct);
    assert_int_equal(v.credit_num, 2);
    assert_int_equal(v.credit_den, 4);
    Answer c = {.order = {0, 0, 2, 3}, .order_count = 4}; /* not a permutation */
    v = answer_check(q("seq"), &c);
    assert_false(v.correct);
    assert_int_equal(v.credit_num, 0);
    Answer d = {.order = {0, 1, 2}, .order_count = 3}; /* too short */
    assert_false(answer_check(q("seq"), &d).correct);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_latin),    cmocka_unit_test(test_text_cyrillic),
        cmocka_unit_test(test_text_armenian), cmocka_unit_test(test_text_exact),
        cmocka_unit_test(test_number),        cmocka_unit_test(test_single),
        cmocka_unit_test(test_multi_partial), cmocka_unit_test(test_truefalse),
        cmocka_unit_test(test_order),
    };
    return cmocka_run_group_tests_name("answer", tests, setup, teardown);
}
