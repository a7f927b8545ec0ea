/* answer.c - per-type answer checking with partial credit shares. */
#include "answer.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "number.h"

static int popcount8(uint8_t v)
{
    int n = 0;
    for (; v; v &= (uint8_t)(v - 1)) {
        n++;
    }
    return n;
}

static Verdict all_or_nothing(bool right)
{
    return (Verdict){right, right ? 1 : 0, 1};
}

bool answer_text_matches(const Question *q, const char *text)
{
    if (!text) {
        return false;
    }
    char *(*fold)(const char *) = q->exact ? fold_exact : fold_loose;
    char *typed = fold(text);
    if (!typed || !*typed) {
        free(typed);
        return false;
    }
    bool match = false;
    for (int i = 0; i < q->answer_count && !match; i++) {
        char *accepted = fold(q->answers[i]);
        match = accepted && strcmp(accepted, typed) == 0;
        free(accepted);
    }
    free(typed);
    return match;
}

static Verdict check_multi(const Question *q, uint8_t picked)
{
    uint8_t valid = (uint8_t)((1u << q->choice_count) - 1u);
    picked &= valid;
    int right_total = popcount8(q->correct);
    int right_picked = popcount8(picked & q->correct);
    int wrong_picked = popcount8(picked & (uint8_t)~q->correct);
    int share = right_picked - wrong_picked;
    Verdict v;
    v.correct = picked == q->correct;
    v.credit_num = share > 0 ? share : 0;
    v.credit_den = right_total > 0 ? right_total : 1;
    return v;
}

static Verdict check_order(const Question *q, const Answer *a)
{
    int n = q->choice_count;
    int in_place = 0;
    bool seen[PACK_CHOICES_MAX] = {false};
    bool valid = a->order_count == n;
    for (int i = 0; valid && i < n; i++) {
        int item = a->order[i];
        if (item < 0 || item >= n || seen[item]) {
            valid = false;
            break;
        }
        seen[item] = true;
        if (item == i) {
            in_place++;
        }
    }
    if (!valid) {
        return (Verdict){false, 0, n > 0 ? n : 1};
    }
    return (Verdict){in_place == n, in_place, n};
}

Verdict answer_check(const Question *q, const Answer *a)
{
    switch (q->type) {
    case QTYPE_SINGLE: {
        uint8_t valid = (uint8_t)((1u << q->choice_count) - 1u);
        return all_or_nothing((a->picked & valid) == q->correct);
    }
    case QTYPE_MULTI:
        return check_multi(q, a->picked);
    case QTYPE_TRUEFALSE:
        return all_or_nothing(a->truth == q->truth);
    case QTYPE_TEXT:
        return all_or_nothing(answer_text_matches(q, a->text));
    case QTYPE_NUMBER: {
        double typed;
        if (!a->text || !number_parse_input(a->text, &typed)) {
            return all_or_nothing(false);
        }
        double slack = q->tolerance + 1e-9 * fmax(1.0, fabs(q->number));
        return all_or_nothing(fabs(typed - q->number) <= slack);
    }
    case QTYPE_ORDER:
        return check_order(q, a);
    case QTYPE_COUNT:
        break;
    }
    return all_or_nothing(false);
}
