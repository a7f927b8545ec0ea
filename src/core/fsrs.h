/* fsrs.h - the FSRS-6 spaced-repetition scheduler, computed as ts-fsrs 5.4.2 computes it in its
 * long-term mode (no intra-day learning steps). Pure C on doubles: no clock, no printing, no
 * globals. Every value is passed in and returned by value; nothing here allocates. */
#ifndef QUIZDECK_FSRS_H
#define QUIZDECK_FSRS_H

#include <stdbool.h>
#include <stdint.h>

enum {
    FSRS_WEIGHTS = 21,              /* FSRS-6 has 21 weights, w[0]..w[20] */
    FSRS_MAX_INTERVAL_LIMIT = 36500 /* largest maximum_interval accepted (ts-fsrs' default) */
};

/* The four answers of a review. Numbered as FSRS numbers them (G in the formulas). */
typedef enum FsrsRating {
    FSRS_AGAIN = 1, /* forgotten: a lapse */
    FSRS_HARD = 2,
    FSRS_GOOD = 3,
    FSRS_EASY = 4
} FsrsRating;

/* Scheduler settings, usually one per pack. Fill with fsrs_params_default, then change fields
 * through the setters below (or directly, keeping to the ranges documented here). */
typedef struct FsrsParams {
    double w[FSRS_WEIGHTS];   /* model weights; the defaults are ts-fsrs 5.4.2's default_w */
    double desired_retention; /* the recall probability an interval aims at: 0.70..0.99 */
    int maximum_interval;     /* days, 1..FSRS_MAX_INTERVAL_LIMIT; see fsrs_review for Good/Easy */
    bool enable_fuzz;         /* spread intervals of 3 days and more (play on, conformance off) */
    /* Use FSRS's same-day (short-term) stability formula for reviews 0 days apart and cap a
     * lapse at S / e^(w17*w18). Only the memory formulas: the minute-long learning steps of
     * ts-fsrs's short-term scheduler are not modelled, so intervals stay those of the long-term
     * ordering. Off in the game, and the conformance checker refuses histories that set it. */
    bool enable_short_term;
} FsrsParams;

/* What the scheduler remembers about one card. A zeroed FsrsCard is a new card. */
typedef struct FsrsCard {
    double stability;    /* days until recall falls to 90 %; > 0 once reviewed */
    double difficulty;   /* 1..10 once reviewed */
    int reps;            /* reviews so far */
    int lapses;          /* Agains after the first review */
    int64_t last_review; /* epoch seconds UTC, 0 = never reviewed; kept by the caller */
    int scheduled_days;  /* the interval given at the last review */
} FsrsCard;

/* The outcome of one review. */
typedef struct FsrsResult {
    FsrsCard card;         /* the card after the review (last_review copied unchanged) */
    int interval_days;     /* days until the next review; equals card.scheduled_days */
    double retrievability; /* recall probability at this review, before it; NAN for a new card */
} FsrsResult;

/* Fills `p` with ts-fsrs 5.4.2's defaults: the 21 FSRS-6 weights, desired retention 0.9,
 * maximum interval 36500 days, fuzz off, short-term formulas off. */
void fsrs_params_default(FsrsParams *p);

/* Sets the desired retention. Returns false, leaving `p` unchanged, when `r` is outside
 * 0.70..0.99 (or NaN). */
bool fsrs_params_set_retention(FsrsParams *p, double r);

/* Sets the maximum interval. Returns false, leaving `p` unchanged, when `days` is outside
 * 1..FSRS_MAX_INTERVAL_LIMIT. */
bool fsrs_params_set_maximum_interval(FsrsParams *p, int days);

/* True when the card has never been reviewed: reps == 0 and last_review == 0, or no usable
 * stability (not a positive finite number). Such a card takes the first-review formulas. */
bool fsrs_card_is_new(const FsrsCard *card);

/* Reviews `card` with `rating` after `elapsed_days` whole days since its last review, as the
 * caller counts days (the game counts local days starting at 4 a.m.; ts-fsrs counts UTC
 * calendar days). Negative elapsed_days count as 0; a new card ignores it. The returned card
 * has reps + 1, lapses + 1 on an Again of a reviewed card, the new stability and difficulty,
 * and scheduled_days = interval_days. last_review is copied unchanged: core reads no clock,
 * so the caller sets result.card.last_review to the time of the review.
 * The interval follows ts-fsrs's long-term scheduler: each rating's interval is worked out,
 * capped at maximum_interval and (with enable_fuzz) fuzzed, then ordered so that
 * Again <= Hard < Good < Easy. That ordering comes after the cap, so near the cap Good can be
 * maximum_interval + 1 and Easy maximum_interval + 2, as in ts-fsrs.
 * `fuzz_seed` is read only with p->enable_fuzz: the same seed gives the same interval. */
FsrsResult fsrs_review(const FsrsParams *p, const FsrsCard *card, FsrsRating rating,
                       int elapsed_days, uint64_t fuzz_seed);

/* The intervals each rating would give, indexed [rating - 1] (for "Good · 3 d" buttons).
 * Equal to fsrs_review(...).interval_days for each rating with the same arguments. */
void fsrs_preview(const FsrsParams *p, const FsrsCard *card, int elapsed_days, uint64_t fuzz_seed,
                  int intervals[4]);

/* The probability of recall after `elapsed_days` for a card of `stability` (> 0):
 * round8((1 + FACTOR * t / S) ^ -w20), in (0, 1]; 1 at t = 0. */
double fsrs_retrievability(const FsrsParams *p, double stability, double elapsed_days);

/* The interval for one stability: round(S * IM(desired_retention)) clamped to
 * 1..maximum_interval, then fuzzed with p->enable_fuzz (intervals under 3 days are not fuzzed;
 * a fuzzed interval stays within the FSRS fuzz range, at most maximum_interval and, when the
 * card is not overdue, above `elapsed_days`). No ordering between ratings. */
int fsrs_interval(const FsrsParams *p, double stability, int elapsed_days, uint64_t fuzz_seed);

/* The fuzz range for an unfuzzed interval `interval` (>= 3) reviewed after `elapsed_days`:
 * fills [*lo, *hi], both within 2..maximum_interval. Exposed for tests and for showing a range. */
void fsrs_fuzz_range(const FsrsParams *p, int interval, int elapsed_days, int *lo, int *hi);

#endif
