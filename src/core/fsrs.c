/* fsrs.c - FSRS-6 as ts-fsrs 5.4.2 computes it (long-term scheduler): the memory model, the
 * interval, the fuzz and the ordering of the four ratings' intervals. Section numbers refer to
 * tests/fsrs/FORMULAS.md. Must not read a clock, print or keep state between calls. */
#include "fsrs.h"

#include <limits.h>
#include <math.h>

#include "rng.h"

/* The formulas are stated for separate multiplies and adds; a fused multiply-add would move
 * results by an ulp and could flip a rounding. GCC keeps them apart in ISO C mode. */
#ifdef __clang__
#pragma STDC FP_CONTRACT OFF
#endif

#define FSRS_S_MIN 0.001
#define FSRS_S_MAX 36500.0
#define FSRS_S0_FLOOR 0.1 /* the first stability's floor (section 3), not S_MIN */
#define FSRS_RETENTION_MIN 0.70
#define FSRS_RETENTION_MAX 0.99

/* ts-fsrs 5.4.2 default_w (FSRS-6). */
static const double DEFAULT_WEIGHTS[FSRS_WEIGHTS] = {
    0.212,  1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001,  1.8722, 0.1666, 0.796,
    1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
};

/* Stability and difficulty: the memory state of a card. */
typedef struct Memory {
    double s;
    double d;
} Memory;

/* ---- rounding as JavaScript does it ---- */

/* Math.round: the nearest integer, halves towards +infinity (not to even, unlike rint). Exact
 * for every double: x - floor(x) is computed without error. */
static double jsround(double x)
{
    double f = floor(x);
    return (x - f >= 0.5) ? f + 1.0 : f;
}

/* Math.round(x * 1e8) / 1e8 */
static double round8(double x)
{
    return jsround(x * 1e8) / 1e8;
}

static double clamp(double x, double lo, double hi)
{
    return fmin(fmax(x, lo), hi);
}

/* ---- parameters ---- */

void fsrs_params_default(FsrsParams *p)
{
    for (int i = 0; i < FSRS_WEIGHTS; i++) {
        p->w[i] = DEFAULT_WEIGHTS[i];
    }
    p->desired_retention = 0.9;
    p->maximum_interval = FSRS_MAX_INTERVAL_LIMIT;
    p->enable_fuzz = false;
    p->enable_short_term = false;
}

bool fsrs_params_set_retention(FsrsParams *p, double r)
{
    if (!(r >= FSRS_RETENTION_MIN && r <= FSRS_RETENTION_MAX)) {
        return false;
    }
    p->desired_retention = r;
    return true;
}

bool fsrs_params_set_maximum_interval(FsrsParams *p, int days)
{
    if (days < 1 || days > FSRS_MAX_INTERVAL_LIMIT) {
        return false;
    }
    p->maximum_interval = days;
    return true;
}

bool fsrs_card_is_new(const FsrsCard *card)
{
    if (card->reps == 0 && card->last_review == 0) {
        return true;
    }
    return !(card->stability > 0 && isfinite(card->stability) && isfinite(card->difficulty));
}

/* ---- section 1: forgetting curve ---- */

static double decay(const FsrsParams *p)
{
    return -p->w[20];
}

static double factor(const FsrsParams *p)
{
    return round8(pow(0.9, 1.0 / decay(p)) - 1.0);
}

double fsrs_retrievability(const FsrsParams *p, double stability, double elapsed_days)
{
    if (!(stability > 0)) {
        return 0.0;
    }
    double t = elapsed_days > 0 ? elapsed_days : 0.0;
    return round8(pow(1.0 + factor(p) * t / stability, decay(p)));
}

/* ---- section 2 and 11: interval and fuzz ---- */

static double interval_modifier(const FsrsParams *p)
{
    return round8((pow(p->desired_retention, 1.0 / decay(p)) - 1.0) / factor(p));
}

/* min(max(1, round(S * IM)), maximum_interval); NaN gives 1. */
static int raw_interval(const FsrsParams *p, double stability)
{
    double x = jsround(stability * interval_modifier(p));
    if (!(x >= 1.0)) {
        return 1;
    }
    return x < (double)p->maximum_interval ? (int)x : p->maximum_interval;
}

void fsrs_fuzz_range(const FsrsParams *p, int interval, int elapsed_days, int *lo, int *hi)
{
    double iv = interval;
    double delta = 1.0 + 0.15 * fmax(fmin(iv, 7.0) - 2.5, 0.0) +
                   0.10 * fmax(fmin(iv, 20.0) - 7.0, 0.0) + 0.05 * fmax(iv - 20.0, 0.0);
    double ic = fmin(iv, (double)p->maximum_interval);
    double l = fmax(2.0, jsround(ic - delta));
    double h = fmin(jsround(ic + delta), (double)p->maximum_interval);
    if (ic > elapsed_days) {
        l = fmax(l, (double)elapsed_days + 1.0);
    }
    l = fmin(l, h);
    *lo = (int)l;
    *hi = (int)h;
}

/* A uniform number in [0, 1) from the seed; one draw per review, shared by the four ratings
 * (ts-fsrs also seeds its fuzz once per review). */
static double fuzz_unit(uint64_t seed)
{
    Rng rng;
    rng_seed(&rng, seed);
    return rng_next(&rng) / 4294967296.0;
}

static int fuzzed(const FsrsParams *p, int interval, int elapsed_days, double u)
{
    if (!p->enable_fuzz || interval < 3) { /* ts-fsrs: not under 2.5 days */
        return interval;
    }
    int lo = 0;
    int hi = 0;
    fsrs_fuzz_range(p, interval, elapsed_days, &lo, &hi);
    return (int)floor(u * (hi - lo + 1) + lo);
}

int fsrs_interval(const FsrsParams *p, double stability, int elapsed_days, uint64_t fuzz_seed)
{
    int t = elapsed_days > 0 ? elapsed_days : 0;
    double u = p->enable_fuzz ? fuzz_unit(fuzz_seed) : 0.0;
    return fuzzed(p, raw_interval(p, stability), t, u);
}

/* ---- sections 3 to 8: memory state ---- */

/* round8(w4 - e^(w5 (G-1)) + 1), not clamped */
static double initial_difficulty_raw(const FsrsParams *p, int g)
{
    return round8(p->w[4] - exp(p->w[5] * (g - 1)) + 1.0);
}

static Memory initial_memory(const FsrsParams *p, int g)
{
    Memory m;
    m.s = fmax(p->w[g - 1], FSRS_S0_FLOOR);
    m.d = clamp(initial_difficulty_raw(p, g), 1.0, 10.0);
    return m;
}

/* section 4: linear damping, then mean reversion towards the unclamped D0raw(4) */
static double next_difficulty(const FsrsParams *p, double d, int g)
{
    double delta = -p->w[6] * (g - 3);
    double damped = d + round8(delta * (10.0 - d) / 9.0);
    double reverted = round8(p->w[7] * initial_difficulty_raw(p, 4) + (1.0 - p->w[7]) * damped);
    return clamp(reverted, 1.0, 10.0);
}

/* section 5 */
static double recall_stability(const FsrsParams *p, double d, double s, double r, int g)
{
    const double *w = p->w;
    double hard_penalty = g == FSRS_HARD ? w[15] : 1.0;
    double easy_bonus = g == FSRS_EASY ? w[16] : 1.0;
    double sinc = 1.0 + exp(w[8]) * (11.0 - d) * pow(s, -w[9]) * (exp(w[10] * (1.0 - r)) - 1.0) *
                            hard_penalty * easy_bonus;
    return round8(clamp(s * sinc, FSRS_S_MIN, FSRS_S_MAX));
}

/* section 6 */
static double forget_stability(const FsrsParams *p, double d, double s, double r)
{
    const double *w = p->w;
    double sf =
        round8(clamp(w[11] * pow(d, -w[12]) * (pow(s + 1.0, w[13]) - 1.0) * exp(w[14] * (1.0 - r)),
                     FSRS_S_MIN, FSRS_S_MAX));
    double cap = p->enable_short_term ? s / exp(w[17] * w[18]) : s;
    return fmin(fmax(round8(cap), FSRS_S_MIN), sf);
}

/* section 7 */
static double same_day_stability(const FsrsParams *p, double s, int g)
{
    const double *w = p->w;
    double sinc = pow(s, -w[19]) * exp(w[17] * (g - 3 + w[18]));
    if (g >= FSRS_HARD) {
        sinc = fmax(sinc, 1.0);
    }
    return round8(clamp(s * sinc, FSRS_S_MIN, FSRS_S_MAX));
}

/* section 8: the memory after rating `g`, with `r` the retrievability at the review */
static Memory next_memory(const FsrsParams *p, const FsrsCard *card, bool is_new, int g, int t,
                          double r)
{
    if (is_new) {
        return initial_memory(p, g);
    }
    Memory m;
    if (t == 0 && p->enable_short_term) {
        m.s = same_day_stability(p, card->stability, g);
    } else if (g == FSRS_AGAIN) {
        m.s = forget_stability(p, card->difficulty, card->stability, r);
    } else {
        m.s = recall_stability(p, card->difficulty, card->stability, r, g);
    }
    m.d = next_difficulty(p, card->difficulty, g);
    return m;
}

/* ---- section 9: the long-term scheduler ---- */

/* Works out all four ratings: their memories and their ordered intervals. Returns R. */
static double schedule(const FsrsParams *p, const FsrsCard *card, int elapsed_days,
                       uint64_t fuzz_seed, Memory memory[4], int intervals[4])
{
    bool is_new = fsrs_card_is_new(card);
    int t = elapsed_days > 0 ? elapsed_days : 0;
    double r = is_new ? NAN : fsrs_retrievability(p, card->stability, t);
    double u = p->enable_fuzz ? fuzz_unit(fuzz_seed) : 0.0;
    int raw[4];
    for (int g = FSRS_AGAIN; g <= FSRS_EASY; g++) {
        memory[g - 1] = next_memory(p, card, is_new, g, t, r);
        raw[g - 1] = fuzzed(p, raw_interval(p, memory[g - 1].s), t, u);
    }
    int again = raw[0] < raw[1] ? raw[0] : raw[1];
    int hard = raw[1] > again + 1 ? raw[1] : again + 1;
    int good = raw[2] > hard + 1 ? raw[2] : hard + 1;
    int easy = raw[3] > good + 1 ? raw[3] : good + 1;
    intervals[0] = again;
    intervals[1] = hard;
    intervals[2] = good;
    intervals[3] = easy;
    return r;
}

static int saturating_inc(int x)
{
    return x < INT_MAX ? x + 1 : x;
}

FsrsResult fsrs_review(const FsrsParams *p, const FsrsCard *card, FsrsRating rating,
                       int elapsed_days, uint64_t fuzz_seed)
{
    int g = rating < FSRS_AGAIN ? FSRS_AGAIN : rating > FSRS_EASY ? FSRS_EASY : (int)rating;
    Memory memory[4];
    int intervals[4];
    bool was_new = fsrs_card_is_new(card);
    double r = schedule(p, card, elapsed_days, fuzz_seed, memory, intervals);

    FsrsResult res;
    res.card = *card;
    res.card.stability = memory[g - 1].s;
    res.card.difficulty = memory[g - 1].d;
    res.card.reps = saturating_inc(card->reps);
    if (!was_new && g == FSRS_AGAIN) {
        res.card.lapses = saturating_inc(res.card.lapses);
    }
    res.card.scheduled_days = intervals[g - 1];
    res.interval_days = intervals[g - 1];
    res.retrievability = r;
    return res;
}

void fsrs_preview(const FsrsParams *p, const FsrsCard *card, int elapsed_days, uint64_t fuzz_seed,
                  int intervals[4])
{
    Memory memory[4];
    schedule(p, card, elapsed_days, fuzz_seed, memory, intervals);
}
