/* quiz.c - the quiz session state machine. */
#include "quiz.h"

#include <stdlib.h>
#include <string.h>

#include "rng.h"

struct QuizSession {
    QuizConfig config;
    QuizItem *items;
    int count;
    int position;
    QuizPhase phase;
    long total;
    int streak;
    int best_streak;
};

static void shuffle_bytes(Rng *rng, uint8_t *v, int n)
{
    for (int i = n - 1; i > 0; i--) {
        int j = (int)rng_below(rng, (uint32_t)i + 1);
        uint8_t t = v[i];
        v[i] = v[j];
        v[j] = t;
    }
}

QuizSession *quiz_create(const QuizConfig *config, const QuizPick *picks, int count)
{
    if (count <= 0) {
        return NULL;
    }
    QuizSession *s = calloc(1, sizeof *s);
    int *order = malloc((size_t)count * sizeof *order);
    if (!s || !order) {
        free(s);
        free(order);
        return NULL;
    }
    s->config = *config;
    Rng rng;
    rng_seed(&rng, config->seed);
    for (int i = 0; i < count; i++) {
        order[i] = i;
    }
    if (config->shuffle) {
        for (int i = count - 1; i > 0; i--) {
            int j = (int)rng_below(&rng, (uint32_t)i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
    int n = config->question_count > 0 && config->question_count < count ? config->question_count
                                                                         : count;
    s->items = calloc((size_t)n, sizeof *s->items);
    if (!s->items) {
        free(order);
        free(s);
        return NULL;
    }
    s->count = n;
    for (int i = 0; i < n; i++) {
        QuizItem *it = &s->items[i];
        it->pick = picks[order[i]];
        const Question *q = it->pick.question;
        for (int c = 0; c < PACK_CHOICES_MAX; c++) {
            it->choice_order[c] = (uint8_t)c;
        }
        if (q->type == QTYPE_SINGLE || q->type == QTYPE_MULTI || q->type == QTYPE_ORDER) {
            shuffle_bytes(&rng, it->choice_order, q->choice_count);
        }
        if (q->type == QTYPE_ORDER) {
            /* never start an order question already solved: rotate by one */
            bool solved = true;
            for (int c = 0; c < q->choice_count; c++) {
                solved = solved && it->choice_order[c] == c;
            }
            if (solved) {
                uint8_t first = it->choice_order[0];
                memmove(it->choice_order, it->choice_order + 1, (size_t)q->choice_count - 1);
                it->choice_order[q->choice_count - 1] = first;
            }
        }
        it->time_limit = config->timed ? q->time_limit : 0;
        it->score = q->score;
        if (config->relaxed || !config->timed) {
            it->score.rule = SCORING_ACCURACY;
        }
    }
    free(order);
    s->phase = QUIZ_ASKING;
    return s;
}

void quiz_destroy(QuizSession *s)
{
    if (!s) {
        return;
    }
    free(s->items);
    free(s);
}

QuizPhase quiz_phase(const QuizSession *s)
{
    return s->phase;
}

int quiz_count(const QuizSession *s)
{
    return s->count;
}

int quiz_position(const QuizSession *s)
{
    return s->position;
}

long quiz_total(const QuizSession *s)
{
    return s->total;
}

int quiz_streak(const QuizSession *s)
{
    return s->streak;
}

const QuizItem *quiz_item(const QuizSession *s, int index)
{
    return index >= 0 && index < s->count ? &s->items[index] : NULL;
}

const QuizItem *quiz_current(const QuizSession *s)
{
    return s->phase == QUIZ_DONE ? NULL : &s->items[s->position];
}

static const ScoreLine *record(QuizSession *s, const Verdict *verdict, Outcome outcome,
                               uint32_t elapsed_ms)
{
    if (s->phase != QUIZ_ASKING) {
        return NULL;
    }
    QuizItem *it = &s->items[s->position];
    const Pack *pack = it->pick.pack;
    StreakSettings streak = {pack->streak_bonus, pack->streak_step, pack->streak_cap};
    it->elapsed_ms = elapsed_ms;
    if (verdict) {
        it->verdict = *verdict;
    } else {
        it->verdict = (Verdict){false, 0, 1};
    }
    it->line = score_answer(&it->score, &streak, it->time_limit, elapsed_ms, verdict, outcome,
                            s->streak, s->total);
    it->answered = true;
    s->total += it->line.delta;
    if (s->total < 0) {
        s->total = 0;
    }
    s->streak = it->line.streak;
    if (s->streak > s->best_streak) {
        s->best_streak = s->streak;
    }
    s->phase = QUIZ_FEEDBACK;
    return &it->line;
}

const ScoreLine *quiz_submit(QuizSession *s, const Answer *answer, uint32_t elapsed_ms)
{
    if (s->phase != QUIZ_ASKING) {
        return NULL;
    }
    const QuizItem *it = &s->items[s->position];
    if (it->time_limit > 0 && elapsed_ms > (uint32_t)it->time_limit * 1000u) {
        return record(s, NULL, OUTCOME_TIMEOUT, (uint32_t)it->time_limit * 1000u);
    }
    Verdict v = answer_check(it->pick.question, answer);
    return record(s, &v, OUTCOME_WRONG, elapsed_ms);
}

const ScoreLine *quiz_timeout(QuizSession *s)
{
    if (s->phase != QUIZ_ASKING) {
        return NULL;
    }
    const QuizItem *it = &s->items[s->position];
    return record(s, NULL, OUTCOME_TIMEOUT, (uint32_t)it->time_limit * 1000u);
}

const ScoreLine *quiz_skip(QuizSession *s, uint32_t elapsed_ms)
{
    return record(s, NULL, OUTCOME_SKIPPED, elapsed_ms);
}

QuizPhase quiz_next(QuizSession *s)
{
    if (s->phase == QUIZ_FEEDBACK) {
        s->position++;
        s->phase = s->position < s->count ? QUIZ_ASKING : QUIZ_DONE;
    }
    return s->phase;
}

bool quiz_result(const QuizSession *s, QuizResult *out)
{
    memset(out, 0, sizeof *out);
    out->total = s->total;
    out->best_streak = s->best_streak;
    out->topics = calloc((size_t)s->count, sizeof *out->topics);
    out->missed = calloc((size_t)s->count, sizeof *out->missed);
    if (!out->topics || !out->missed) {
        quiz_result_free(out);
        return false;
    }
    for (int i = 0; i < s->count; i++) {
        const QuizItem *it = &s->items[i];
        if (!it->answered) {
            continue;
        }
        out->asked++;
        out->time_ms += it->elapsed_ms;
        switch (it->line.outcome) {
        case OUTCOME_RIGHT:
            out->right++;
            break;
        case OUTCOME_PARTIAL:
            out->partial++;
            break;
        case OUTCOME_WRONG:
            out->wrong++;
            break;
        case OUTCOME_TIMEOUT:
            out->timeouts++;
            break;
        case OUTCOME_SKIPPED:
        case OUTCOME_COUNT:
            out->skipped++;
            break;
        }
        if (it->line.outcome != OUTCOME_RIGHT) {
            out->missed[out->missed_count++] = i;
        }
        const char *topic = it->pick.question->topic;
        int t = 0;
        while (t < out->topic_count && strcmp(out->topics[t].topic, topic) != 0) {
            t++;
        }
        if (t == out->topic_count) {
            out->topics[t].topic = topic;
            out->topic_count++;
        }
        out->topics[t].asked++;
        if (it->line.outcome == OUTCOME_RIGHT) {
            out->topics[t].right++;
        }
    }
    return true;
}

void quiz_result_free(QuizResult *r)
{
    if (!r) {
        return;
    }
    free(r->topics);
    free(r->missed);
    r->topics = NULL;
    r->missed = NULL;
}
