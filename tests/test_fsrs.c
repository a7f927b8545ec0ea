/* test_fsrs.c - the FSRS-6 scheduler against tests/fsrs/FORMULAS.md: the defaults, the worked
 * example, first reviews, fuzz, the settings' bounds, and invariants over random histories. */
#include "support.h"

#include <math.h>

#include "core/fsrs.h"
#include "core/rng.h"

static void assert_near_at(double got, double want, double tol, const char *file, int line)
{
    if (!(fabs(got - want) <= tol)) {
        print_error("got %.12g, want %.12g (tolerance %g)\n", got, want, tol);
        _fail(file, line);
    }
}
#define assert_near(got, want, tol) assert_near_at((got), (want), (tol), __FILE__, __LINE__)

static double round8(double x)
{
    return floor(x * 1e8 + 0.5) / 1e8;
}

static FsrsParams defaults(void)
{
    FsrsParams p;
    fsrs_params_default(&p);
    return p;
}

static FsrsCard reviewed(FsrsResult res)
{
    FsrsCard c = res.card;
    c.last_review = 1; /* the caller stamps the review time */
    return c;
}

/* FORMULAS.md, "Default parameters" */
static void test_defaults(void **state)
{
    (void)state;
    static const double table[FSRS_WEIGHTS] = {
        0.212,  1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001,  1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    };
    FsrsParams p = defaults();
    for (int i = 0; i < FSRS_WEIGHTS; i++) {
        assert_true(p.w[i] == table[i]);
    }
    assert_true(p.desired_retention == 0.9);
    assert_int_equal(p.maximum_interval, 36500);
    assert_false(p.enable_fuzz);
    assert_false(p.enable_short_term);
}

/* FORMULAS.md, "Worked example", with the arithmetic written out here */
static void test_worked_example(void **state)
{
    (void)state;
    FsrsParams p = defaults();
    FsrsCard card = {0};

    /* 1. Day 0, Good: S0(3) = w2, D0(3) = round8(w4 - e^(2 w5) + 1); (1,2,2,8) -> (1,2,3,8) */
    FsrsResult r1 = fsrs_review(&p, &card, FSRS_GOOD, 0, 0);
    assert_near(r1.card.stability, 2.3065, 0);
    assert_near(r1.card.difficulty, round8(6.4133 - exp(0.8334 * 2) + 1), 0);
    assert_near(r1.card.difficulty, 2.11810397, 1e-12);
    assert_int_equal(r1.interval_days, 3);
    assert_true(isnan(r1.retrievability));

    /* 2. Day 3, Good */
    card = reviewed(r1);
    FsrsResult r2 = fsrs_review(&p, &card, FSRS_GOOD, 3, 0);
    double factor = round8(pow(0.9, -1 / 0.1542) - 1);
    assert_near(factor, 0.98034649, 1e-12);
    double r = round8(pow(1 + factor * 3 / 2.3065, -0.1542));
    assert_near(r, 0.88094796, 1e-12);
    assert_near(r2.retrievability, r, 1e-12);
    double sinc =
        1 + exp(1.8722) * (11 - 2.11810397) * pow(2.3065, -0.1666) * (exp(0.796 * (1 - r)) - 1);
    assert_near(r2.card.stability, round8(2.3065 * sinc), 1e-12);
    assert_near(r2.card.stability, 13.82690327, 1e-12);
    double d0raw4 = round8(6.4133 - exp(0.8334 * 3) + 1);
    assert_near(d0raw4, -4.7716307, 1e-12);
    assert_near(r2.card.difficulty, round8(0.001 * d0raw4 + 0.999 * 2.11810397), 1e-12);
    assert_near(r2.card.difficulty, 2.11121424, 1e-12);
    assert_int_equal(r2.interval_days, 14);

    /* 3. Day 3 again, Again: t = 0 gives R = 1, and Sf < S */
    card = reviewed(r2);
    FsrsResult r3 = fsrs_review(&p, &card, FSRS_AGAIN, 0, 0);
    assert_near(r3.retrievability, 1.0, 0);
    double sf = round8(1.4835 * pow(2.11121424, -0.0614) * (pow(13.82690327 + 1, 0.2629) - 1));
    assert_near(sf, 1.46195354, 1e-12);
    assert_near(r3.card.stability, sf, 1e-12);
    double damped = 2.11121424 + round8(2 * 3.0194 * (10 - 2.11121424) / 9);
    assert_near(r3.card.difficulty, round8(0.001 * d0raw4 + 0.999 * damped), 1e-12);
    assert_near(r3.card.difficulty, 7.39223814, 1e-12);
    assert_int_equal(r3.interval_days, 1);
    assert_int_equal(r3.card.reps, 3);
    assert_int_equal(r3.card.lapses, 1);
    assert_int_equal(r3.card.scheduled_days, 1);
}

/* FORMULAS.md section 3 and 9: S0 = w[G-1], D0 and the intervals 1, 2, 3, 8 */
static void test_new_card_each_rating(void **state)
{
    (void)state;
    FsrsParams p = defaults();
    FsrsCard card = {0};
    static const double s0[4] = {0.212, 1.2931, 2.3065, 8.2956};
    static const double d0[4] = {6.4133, 5.11217071, 2.11810397, 1.0};
    static const int ivl[4] = {1, 2, 3, 8};
    int preview[4];
    fsrs_preview(&p, &card, 0, 0, preview);
    for (int g = FSRS_AGAIN; g <= FSRS_EASY; g++) {
        /* a new card ignores the days since a review it never had */
        FsrsResult res = fsrs_review(&p, &card, (FsrsRating)g, 40, 0);
        assert_near(res.card.stability, s0[g - 1], 0);
        assert_near(res.card.difficulty, d0[g - 1], 1e-12);
        assert_int_equal(res.interval_days, ivl[g - 1]);
        assert_int_equal(preview[g - 1], ivl[g - 1]);
        assert_int_equal(res.card.reps, 1);
        assert_int_equal(res.card.lapses, 0); /* Again on the first review is no lapse */
        assert_true(isnan(res.retrievability));
        assert_true(fsrs_card_is_new(&card));
        assert_false(fsrs_card_is_new(&res.card)); /* reps 1, even before the caller stamps */
    }
    /* a tiny initial stability still gets Hard 2, Good 3, Easy 4 */
    p.w[0] = p.w[1] = p.w[2] = p.w[3] = 0.001;
    fsrs_preview(&p, &card, 0, 0, preview);
    assert_int_equal(preview[0], 1);
    assert_int_equal(preview[1], 2);
    assert_int_equal(preview[2], 3);
    assert_int_equal(preview[3], 4);
    FsrsResult floor_s = fsrs_review(&p, &card, FSRS_GOOD, 0, 0);
    assert_near(floor_s.card.stability, 0.1, 0); /* the first stability's floor */
}

static void test_retrievability(void **state)
{
    (void)state;
    FsrsParams p = defaults();
    assert_near(fsrs_retrievability(&p, 5.0, 0), 1.0, 0);
    assert_near(fsrs_retrievability(&p, 5.0, -3), 1.0, 0);
    assert_near(fsrs_retrievability(&p, 5.0, 5.0), 0.9, 1e-7);
    assert_near(fsrs_retrievability(&p, 2.3065, 3), 0.88094796, 1e-12);
    double far = fsrs_retrievability(&p, 0.001, 1e7);
    assert_true(far > 0 && far < 0.2);
}

/* FORMULAS.md section 2: IM(r) and the clamps */
static void test_interval_formula(void **state)
{
    (void)state;
    FsrsParams p = defaults();
    assert_int_equal(fsrs_interval(&p, 100.0, 0, 0), 100); /* IM(0.9) = 1 */
    assert_int_equal(fsrs_interval(&p, 2.5, 0, 0), 3);     /* halves round up */
    assert_int_equal(fsrs_interval(&p, 2.49999999, 0, 0), 2);
    assert_int_equal(fsrs_interval(&p, 0.01, 0, 0), 1); /* at least one day */
    assert_true(fsrs_params_set_retention(&p, 0.7));
    assert_int_equal(fsrs_interval(&p, 10.0, 0, 0), 93); /* 10 * 9.28791122 */
    assert_true(fsrs_params_set_retention(&p, 0.8));
    assert_int_equal(fsrs_interval(&p, 100.0, 0, 0), 332); /* 100 * 3.3159598 */
    assert_true(fsrs_params_set_retention(&p, 0.99));
    assert_int_equal(fsrs_interval(&p, 100.0, 0, 0), 7); /* 100 * 0.06869839 */
}

static void test_retention_bounds(void **state)
{
    (void)state;
    FsrsParams p = defaults();
    assert_false(fsrs_params_set_retention(&p, 0.69));
    assert_false(fsrs_params_set_retention(&p, 0.995));
    assert_false(fsrs_params_set_retention(&p, 1.0));
    assert_false(fsrs_params_set_retention(&p, NAN));
    assert_true(p.desired_retention == 0.9); /* unchanged after a refusal */
    assert_true(fsrs_params_set_retention(&p, 0.70));
    assert_true(p.desired_retention == 0.70);
    assert_true(fsrs_params_set_retention(&p, 0.99));
    assert_true(p.desired_retention == 0.99);
}

static void test_maximum_interval(void **state)
{
    (void)state;
    FsrsParams p = defaults();
    assert_false(fsrs_params_set_maximum_interval(&p, 0));
    assert_false(fsrs_params_set_maximum_interval(&p, 36501));
    assert_int_equal(p.maximum_interval, 36500);
    assert_true(fsrs_params_set_maximum_interval(&p, 365));
    assert_int_equal(fsrs_interval(&p, 1000.0, 0, 0), 365);
    assert_int_equal(fsrs_interval(&p, 364.0, 0, 0), 364);

    /* every rating capped, then ordered: Good max + 1, Easy max + 2 (FORMULAS.md section 9) */
    FsrsCard card = {.stability = 1000, .difficulty = 5, .reps = 5, .last_review = 1};
    int ivl[4];
    fsrs_preview(&p, &card, 1000, 0, ivl);
    assert_int_equal(ivl[1], 365);
    assert_int_equal(ivl[2], 366);
    assert_int_equal(ivl[3], 367);
    assert_true(ivl[0] < 365);
}

static void test_fuzz_off_exact(void **state)
{
    (void)state;
    FsrsParams p = defaults();
    for (uint64_t seed = 0; seed < 50; seed++) {
        assert_int_equal(fsrs_interval(&p, 57.3, 10, seed), 57);
    }
}

/* FORMULAS.md section 11, worked out by hand */
static void test_fuzz_range(void **state)
{
    (void)state;
    FsrsParams p = defaults();
    int lo = 0;
    int hi = 0;
    fsrs_fuzz_range(&p, 3, 0, &lo, &hi); /* delta 1.075 */
    assert_int_equal(lo, 2);
    assert_int_equal(hi, 4);
    fsrs_fuzz_range(&p, 10, 0, &lo, &hi); /* delta 1 + 0.675 + 0.3 = 1.975 */
    assert_int_equal(lo, 8);
    assert_int_equal(hi, 12);
    fsrs_fuzz_range(&p, 15, 0, &lo, &hi); /* delta 1 + 0.675 + 0.8 = 2.475 */
    assert_int_equal(lo, 13);
    assert_int_equal(hi, 17);
    fsrs_fuzz_range(&p, 100, 0, &lo, &hi); /* delta 1 + 0.675 + 1.3 + 4 = 6.975 */
    assert_int_equal(lo, 93);
    assert_int_equal(hi, 107);
    fsrs_fuzz_range(&p, 10, 9, &lo, &hi); /* not overdue: above the 9 days elapsed */
    assert_int_equal(lo, 10);
    assert_int_equal(hi, 12);
    assert_true(fsrs_params_set_maximum_interval(&p, 100));
    fsrs_fuzz_range(&p, 100, 0, &lo, &hi);
    assert_int_equal(lo, 93);
    assert_int_equal(hi, 100);
}

static void test_fuzz_on(void **state)
{
    (void)state;
    FsrsParams p = defaults();
    p.enable_fuzz = true;
    assert_true(fsrs_params_set_maximum_interval(&p, 200));
    bool seen_spread = false;
    for (double s = 0.5; s < 400; s *= 1.37) {
        FsrsParams plain = p;
        plain.enable_fuzz = false;
        int exact = fsrs_interval(&plain, s, 0, 0);
        int first = -1;
        for (uint64_t seed = 1; seed <= 200; seed++) {
            int got = fsrs_interval(&p, s, 0, seed);
            assert_int_equal(got, fsrs_interval(&p, s, 0, seed)); /* deterministic */
            assert_true(got >= 1 && got <= 200);
            if (exact < 3) {
                assert_int_equal(got, exact); /* under 2.5 days: no fuzz */
                continue;
            }
            int lo = 0;
            int hi = 0;
            fsrs_fuzz_range(&p, exact, 0, &lo, &hi);
            assert_true(got >= lo && got <= hi);
            if (first < 0) {
                first = got;
            } else if (got != first) {
                seen_spread = true;
            }
        }
    }
    assert_true(seen_spread);
}

/* The short-term memory formulas (FORMULAS.md sections 6 and 7), when asked for */
static void test_short_term_formulas(void **state)
{
    (void)state;
    FsrsParams p = defaults();
    p.enable_short_term = true;
    FsrsCard card = {.stability = 2.3065, .difficulty = 2.11810397, .reps = 1, .last_review = 1};
    FsrsResult good = fsrs_review(&p, &card, FSRS_GOOD, 0, 0);
    assert_near(good.card.stability, 2.3065, 0); /* SInc 0.9945 raised to 1 */
    FsrsResult hard = fsrs_review(&p, &card, FSRS_HARD, 0, 0);
    assert_near(hard.card.stability, 2.3065, 0); /* SInc 0.58 raised to 1 too (ts-fsrs 5.3) */
    FsrsResult again = fsrs_review(&p, &card, FSRS_AGAIN, 0, 0);
    double want = round8(2.3065 * pow(2.3065, -0.0658) * exp(0.5425 * (1 - 3 + 0.0912)));
    assert_near(again.card.stability, want, 1e-12);
    assert_near(again.card.stability, 0.77508398, 1e-12);

    /* a lapse 10,000 days after S = 0.212 at D = 1: Sf (0.29) is above S, so the cap decides */
    FsrsCard small = {.stability = 0.212, .difficulty = 1, .reps = 1, .last_review = 1};
    FsrsResult capped = fsrs_review(&p, &small, FSRS_AGAIN, 10000, 0);
    assert_near(capped.card.stability, round8(0.212 / exp(0.5425 * 0.0912)), 1e-12);
    p.enable_short_term = false;
    FsrsResult uncapped = fsrs_review(&p, &small, FSRS_AGAIN, 10000, 0);
    assert_near(uncapped.card.stability, 0.212, 1e-12); /* a lapse never raises S */
}

/* Again after a long run of Goods lowers stability. */
static void test_again_after_streak(void **state)
{
    (void)state;
    FsrsParams p = defaults();
    FsrsCard card = {0};
    int gap = 0;
    for (int i = 0; i < 8; i++) {
        FsrsResult res = fsrs_review(&p, &card, FSRS_GOOD, gap, 0);
        card = reviewed(res);
        gap = res.interval_days;
    }
    FsrsResult lapse = fsrs_review(&p, &card, FSRS_AGAIN, gap, 0);
    assert_true(lapse.card.stability < card.stability / 10);
    assert_true(lapse.card.difficulty > card.difficulty);
    assert_int_equal(lapse.interval_days, fsrs_interval(&p, lapse.card.stability, gap, 0));
    assert_int_equal(lapse.card.lapses, 1);
}

/* Invariants over 10,000 random reviews: ratings, day gaps (early, on time, late, same day),
 * retentions, maximum intervals, fuzz on and off. */
static void test_random_invariants(void **state)
{
    (void)state;
    Rng rng;
    rng_seed(&rng, 20240601);
    static const double retentions[] = {0.70, 0.8, 0.85, 0.9, 0.95, 0.99};
    static const int maxima[] = {1, 3, 30, 365, 36500};
    int reviews = 0;
    while (reviews < 10000) {
        FsrsParams p = defaults();
        assert_true(fsrs_params_set_retention(&p, retentions[rng_below(&rng, 6)]));
        assert_true(fsrs_params_set_maximum_interval(&p, maxima[rng_below(&rng, 5)]));
        p.enable_fuzz = rng_below(&rng, 2) == 1;
        FsrsCard card = {0};
        int length = 1 + (int)rng_below(&rng, 40);
        for (int i = 0; i < length; i++, reviews++) {
            int gap = 0;
            switch (rng_below(&rng, 4)) {
            case 0:
                gap = 0;
                break;
            case 1:
                gap = (int)rng_below(&rng, (uint32_t)card.scheduled_days + 1);
                break;
            case 2:
                gap = card.scheduled_days;
                break;
            default:
                gap = card.scheduled_days * (1 + (int)rng_below(&rng, 5)) + 1;
                break;
            }
            FsrsRating g = (FsrsRating)(1 + rng_below(&rng, 4));
            uint64_t seed = rng_next(&rng);
            bool was_new = fsrs_card_is_new(&card);
            int ivl[4];
            fsrs_preview(&p, &card, gap, seed, ivl);
            FsrsResult res = fsrs_review(&p, &card, g, gap, seed);

            assert_true(res.card.difficulty >= 1 && res.card.difficulty <= 10);
            assert_true(res.card.stability > 0 && isfinite(res.card.stability));
            assert_true(res.card.stability <= 36500);
            assert_int_equal(res.interval_days, ivl[g - 1]);
            assert_int_equal(res.card.scheduled_days, res.interval_days);
            assert_int_equal(res.card.reps, card.reps + 1);
            /* Again <= Hard < Good < Easy; the cap holds before the ordering */
            assert_true(ivl[0] >= 1 && ivl[0] <= ivl[1]);
            assert_true(ivl[1] < ivl[2] && ivl[2] < ivl[3]);
            for (int k = 0; k < 4; k++) {
                assert_true(ivl[k] <= p.maximum_interval + k);
            }
            if (was_new) {
                assert_true(isnan(res.retrievability));
            } else {
                assert_true(res.retrievability > 0 && res.retrievability <= 1);
                if (g == FSRS_AGAIN) {
                    assert_true(res.card.stability <= card.stability); /* a lapse never raises */
                    assert_int_equal(res.card.lapses, card.lapses + 1);
                } else {
                    assert_true(res.card.stability >= card.stability - 1e-8);
                    assert_int_equal(res.card.lapses, card.lapses);
                }
            }
            card = reviewed(res);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_worked_example),
        cmocka_unit_test(test_new_card_each_rating),
        cmocka_unit_test(test_retrievability),
        cmocka_unit_test(test_interval_formula),
        cmocka_unit_test(test_retention_bounds),
        cmocka_unit_test(test_maximum_interval),
        cmocka_unit_test(test_fuzz_off_exact),
        cmocka_unit_test(test_fuzz_range),
        cmocka_unit_test(test_fuzz_on),
        cmocka_unit_test(test_short_term_formulas),
        cmocka_unit_test(test_again_after_streak),
        cmocka_unit_test(test_random_invariants),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
