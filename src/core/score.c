/* score.c - the scoring rules in integer arithmetic. */
#include "score.h"

/* round(num / den) for num >= 0, den > 0, half up */
static int64_t div_round(int64_t num, int64_t den)
{
    return (2 * num + den) / (2 * den);
}

int score_base(ScoringRule rule, int points, int time_limit, uint32_t elapsed_ms, int credit_num,
               int credit_den)
{
    if (points <= 0 || credit_num <= 0 || credit_den <= 0) {
        return 0;
    }
    if (credit_num > credit_den) {
        credit_num = credit_den;
    }
    int64_t p = (int64_t)points * credit_num; /* points times the credit, over credit_den */
    if (time_limit <= 0 || rule == SCORING_ACCURACY) {
        return (int)div_round(p, credit_den);
    }
    int64_t limit_ms = (int64_t)time_limit * 1000;
    int64_t t = elapsed_ms > limit_ms ? limit_ms : (int64_t)elapsed_ms;
    if (rule == SCORING_SPEED) {
        if (t < 500) {
            return (int)div_round(p, credit_den);
        }
        /* P * (1 - t / (2T)) = P * (2T - t) / 2T */
        return (int)div_round(p * (2 * limit_ms - t), (int64_t)credit_den * 2 * limit_ms);
    }
    /* linear: P * (T - t) / T */
    return (int)div_round(p * (limit_ms - t), (int64_t)credit_den * limit_ms);
}

ScoreLine score_answer(const ScoreSettings *settings, const StreakSettings *streak, int time_limit,
                       uint32_t elapsed_ms, const Verdict *verdict, Outcome outcome,
                       int streak_before, long total_before)
{
    ScoreLine line = {0};
    if (verdict) {
        if (verdict->correct) {
            outcome = OUTCOME_RIGHT;
        } else if (settings->partial_credit && verdict->credit_num > 0) {
            outcome = OUTCOME_PARTIAL;
        } else {
            outcome = OUTCOME_WRONG;
        }
    }
    line.outcome = outcome;
    switch (outcome) {
    case OUTCOME_RIGHT:
        line.base = score_base(settings->rule, settings->points, time_limit, elapsed_ms, 1, 1);
        line.streak = streak_before + 1;
        if (streak->enabled && line.streak >= 2) {
            int64_t bonus = (int64_t)streak->step * (line.streak - 1);
            line.bonus = (int)(bonus > streak->cap ? streak->cap : bonus);
        }
        break;
    case OUTCOME_PARTIAL:
        line.base = score_base(settings->rule, settings->points, time_limit, elapsed_ms,
                               verdict->credit_num, verdict->credit_den);
        line.streak = 0;
        break;
    case OUTCOME_WRONG: {
        long held = total_before > 0 ? total_before : 0;
        line.penalty = settings->penalty > held ? (int)held : settings->penalty;
        line.streak = 0;
        break;
    }
    case OUTCOME_TIMEOUT:
    case OUTCOME_SKIPPED:
    case OUTCOME_COUNT:
        line.streak = 0;
        break;
    }
    line.delta = line.base + line.bonus - line.penalty;
    return line;
}

const char *outcome_name(Outcome outcome)
{
    static const char *const names[OUTCOME_COUNT] = {
        "right", "partly right", "wrong", "time up", "skipped",
    };
    return outcome < OUTCOME_COUNT ? names[outcome] : "?";
}
