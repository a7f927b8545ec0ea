/* score.h - the scoring rules: time factor, partial credit, streak bonus and penalty.
 * Pure C; integer arithmetic only, so every machine scores alike. Time is an argument. */
#ifndef QUIZDECK_SCORE_H
#define QUIZDECK_SCORE_H

#include <stdbool.h>
#include <stdint.h>

#include "answer.h"
#include "pack.h"

typedef enum Outcome {
    OUTCOME_RIGHT,
    OUTCOME_PARTIAL, /* partly right, with partial credit on */
    OUTCOME_WRONG,
    OUTCOME_TIMEOUT, /* the time ran out */
    OUTCOME_SKIPPED,
    OUTCOME_COUNT
} Outcome;

typedef struct StreakSettings {
    bool enabled;
    int step; /* bonus for each right answer in a row after the first */
    int cap;  /* largest bonus */
} StreakSettings;

typedef struct ScoreLine {
    Outcome outcome;
    int base;    /* points from the rule and the time factor */
    int bonus;   /* streak bonus */
    int penalty; /* points taken (never more than the total held) */
    int delta;   /* base + bonus - penalty: the change to the total */
    int streak;  /* right answers in a row after this one */
} ScoreLine;

/* Points before the streak bonus: P scaled by credit_num / credit_den and by the rule's time
 * factor for `elapsed_ms` of a `time_limit` in seconds (0 = untimed, which scores as accuracy).
 * speed:  round(P * (1 - (t/T)/2)), P when t < 0.5 s;  linear: round(P * (T - t) / T).
 * t is clamped to T. Rounds half up. */
int score_base(ScoringRule rule, int points, int time_limit, uint32_t elapsed_ms, int credit_num,
               int credit_den);

/* Scores one answer. `verdict` is NULL for a timeout or skip (then `outcome` says which);
 * otherwise the outcome is taken from the verdict. `streak_before` is the number of right
 * answers in a row before this one; `total_before` the running total (so a penalty never takes
 * it below zero). */
ScoreLine score_answer(const ScoreSettings *settings, const StreakSettings *streak, int time_limit,
                       uint32_t elapsed_ms, const Verdict *verdict, Outcome outcome,
                       int streak_before, long total_before);

/* "right", "partly right", "wrong", "time up", "skipped". */
const char *outcome_name(Outcome outcome);

#endif
