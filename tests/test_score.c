/* test_score.c - the scoring rules and their edges, as the README states them. */
#include "support.h"

#include "core/score.h"

static const Verdict RIGHT = {true, 1, 1};
static const Verdict WRONG = {false, 0, 1};

static void test_accuracy(void **state)
{
    (void)state;
    assert_int_equal(score_base(SCORING_ACCURACY, 1000, 20, 0, 1, 1), 1000);
    assert_int_equal(score_base(SCORING_ACCURACY, 1000, 20, 19999, 1, 1), 1000);
    assert_int_equal(score_base(SCORING_ACCURACY, 1000, 20, 5000, 0, 1), 0);
}

static void test_speed(void **state)
{
    (void)state;
    /* round(P * (1 - (t/T)/2)), full points under 0.5 s */
    assert_int_equal(score_base(SCORING_SPEED, 1000, 20, 0, 1, 1), 1000);
    assert_int_equal(score_base(SCORING_SPEED, 1000, 20, 499, 1, 1), 1000);
    assert_int_equal(score_base(SCORING_SPEED, 1000, 20, 500, 1, 1), 988); /* 987.5 rounds up */
    assert_int_equal(score_base(SCORING_SPEED, 1000, 20, 10000, 1, 1), 750);
    assert_int_equal(score_base(SCORING_SPEED, 1000, 20, 20000, 1, 1), 500);
    assert_int_equal(score_base(SCORING_SPEED, 1000, 20, 90000, 1, 1), 500); /* t clamped to T */
    assert_int_equal(score_base(SCORING_SPEED, 1000, 30, 7000, 1, 1), 883);  /* 883.33 */
    assert_int_equal(score_base(SCORING_SPEED, 1, 20, 10000, 1, 1), 1);      /* 0.75 -> 1 */
}

static void test_linear(void **state)
{
    (void)state;
    /* P * (T - t) / T */
    assert_int_equal(score_base(SCORING_LINEAR, 1000, 20, 0, 1, 1), 1000);
    assert_int_equal(score_base(SCORING_LINEAR, 1000, 20, 5000, 1, 1), 750);
    assert_int_equal(score_base(SCORING_LINEAR, 1000, 20, 19999, 1, 1), 0); /* 0.05 rounds down */
    assert_int_equal(score_base(SCORING_LINEAR, 1000, 20, 20000, 1, 1), 0);
    assert_int_equal(score_base(SCORING_LINEAR, 1000, 20, 30000, 1, 1), 0);
    assert_int_equal(score_base(SCORING_LINEAR, 1000, 3, 1000, 1, 1), 667); /* 666.67 */
}

static void test_untimed_is_accuracy(void **state)
{
    (void)state;
    assert_int_equal(score_base(SCORING_SPEED, 1000, 0, 60000, 1, 1), 1000);
    assert_int_equal(score_base(SCORING_LINEAR, 1000, 0, 60000, 1, 1), 1000);
}

static void test_partial_credit(void **state)
{
    (void)state;
    /* P x share, then the time factor, rounded once */
    assert_int_equal(score_base(SCORING_ACCURACY, 1000, 20, 0, 1, 2), 500);
    assert_int_equal(score_base(SCORING_ACCURACY, 1000, 20, 0, 1, 3), 333);
    assert_int_equal(score_base(SCORING_SPEED, 1000, 20, 10000, 1, 2), 375);
    assert_int_equal(score_base(SCORING_SPEED, 1000, 20, 10000, 3, 2), 750); /* capped at 1 */

    ScoreSettings on = {SCORING_ACCURACY, 1000, 0, true};
    ScoreSettings off = {SCORING_ACCURACY, 1000, 0, false};
    StreakSettings streak = {true, 100, 500};
    Verdict half = {false, 2, 4};
    ScoreLine l = score_answer(&on, &streak, 20, 1000, &half, OUTCOME_WRONG, 3, 0);
    assert_int_equal(l.outcome, OUTCOME_PARTIAL);
    assert_int_equal(l.delta, 500);
    assert_int_equal(l.streak, 0); /* a partial answer ends the streak */
    l = score_answer(&off, &streak, 20, 1000, &half, OUTCOME_WRONG, 3, 0);
    assert_int_equal(l.outcome, OUTCOME_WRONG);
    assert_int_equal(l.delta, 0);
}

static void test_streak_bonus(void **state)
{
    (void)state;
    ScoreSettings s = {SCORING_ACCURACY, 1000, 0, false};
    StreakSettings streak = {true, 100, 250};
    ScoreLine l = score_answer(&s, &streak, 20, 0, &RIGHT, OUTCOME_WRONG, 0, 0);
    assert_int_equal(l.bonus, 0); /* first right answer: no bonus */
    assert_int_equal(l.streak, 1);
    l = score_answer(&s, &streak, 20, 0, &RIGHT, OUTCOME_WRONG, 1, 0);
    assert_int_equal(l.bonus, 100);
    assert_int_equal(l.delta, 1100);
    l = score_answer(&s, &streak, 20, 0, &RIGHT, OUTCOME_WRONG, 2, 0);
    assert_int_equal(l.bonus, 200);
    l = score_answer(&s, &streak, 20, 0, &RIGHT, OUTCOME_WRONG, 9, 0);
    assert_int_equal(l.bonus, 250); /* capped */
    /* the bonus is added after the time factor */
    ScoreSettings speed = {SCORING_SPEED, 1000, 0, false};
    l = score_answer(&speed, &streak, 20, 20000, &RIGHT, OUTCOME_WRONG, 1, 0);
    assert_int_equal(l.base, 500);
    assert_int_equal(l.delta, 600);
    StreakSettings none = {false, 100, 500};
    l = score_answer(&s, &none, 20, 0, &RIGHT, OUTCOME_WRONG, 5, 0);
    assert_int_equal(l.bonus, 0);
    assert_int_equal(l.streak, 6);
}

static void test_penalty(void **state)
{
    (void)state;
    ScoreSettings s = {SCORING_ACCURACY, 1000, 300, false};
    StreakSettings streak = {true, 100, 500};
    ScoreLine l = score_answer(&s, &streak, 20, 0, &WRONG, OUTCOME_WRONG, 4, 1000);
    assert_int_equal(l.penalty, 300);
    assert_int_equal(l.delta, -300);
    assert_int_equal(l.streak, 0);
    l = score_answer(&s, &streak, 20, 0, &WRONG, OUTCOME_WRONG, 0, 120);
    assert_int_equal(l.delta, -120); /* never below zero */
    l = score_answer(&s, &streak, 20, 0, &WRONG, OUTCOME_WRONG, 0, 0);
    assert_int_equal(l.delta, 0);
    /* a timeout or a skip loses the streak but pays no penalty */
    l = score_answer(&s, &streak, 20, 20000, NULL, OUTCOME_TIMEOUT, 4, 1000);
    assert_int_equal(l.outcome, OUTCOME_TIMEOUT);
    assert_int_equal(l.delta, 0);
    assert_int_equal(l.streak, 0);
    l = score_answer(&s, &streak, 20, 100, NULL, OUTCOME_SKIPPED, 4, 1000);
    assert_int_equal(l.delta, 0);
}

static void test_extremes(void **state)
{
    (void)state;
    assert_int_equal(score_base(SCORING_SPEED, PACK_POINTS_MAX, PACK_TIME_LIMIT_MAX,
                                PACK_TIME_LIMIT_MAX * 1000u, 8, 8),
                     PACK_POINTS_MAX / 2);
    assert_int_equal(score_base(SCORING_SPEED, 0, 20, 0, 1, 1), 0);
    assert_int_equal(score_base(SCORING_LINEAR, 1000, 20, UINT32_MAX, 1, 1), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_accuracy),       cmocka_unit_test(test_speed),
        cmocka_unit_test(test_linear),         cmocka_unit_test(test_untimed_is_accuracy),
        cmocka_unit_test(test_partial_credit), cmocka_unit_test(test_streak_bonus),
        cmocka_unit_test(test_penalty),        cmocka_unit_test(test_extremes),
    };
    return cmocka_run_group_tests_name("score", tests, NULL, NULL);
}
