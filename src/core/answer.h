/* answer.h - checking a player's answer against a question, for every question type.
 * Pure C; never prints. Choice indices here are the pack's (a = 0), not the screen's. */
#ifndef QUIZDECK_ANSWER_H
#define QUIZDECK_ANSWER_H

#include <stdbool.h>
#include <stdint.h>

#include "pack.h"

typedef struct Answer {
    uint8_t picked;              /* single, multi: bit i set when choice i was picked */
    bool truth;                  /* truefalse */
    const char *text;            /* text, number: what was typed (borrowed, UTF-8) */
    int order[PACK_CHOICES_MAX]; /* order: the pack's item indices in the player's order */
    int order_count;
} Answer;

typedef struct Verdict {
    bool correct; /* fully right */
    /* share of the credit, credit_num / credit_den: 1/1 when right, 0/1 when wrong; for multi
     * and order the partial share the README defines (used only with partial_credit) */
    int credit_num;
    int credit_den;
} Verdict;

/* Checks `a` against `q`. Text that is not valid UTF-8 and a number that does not parse are
 * simply wrong. Never fails. */
Verdict answer_check(const Question *q, const Answer *a);

/* True when the typed `text` matches one of the accepted answers of text question `q`. */
bool answer_text_matches(const Question *q, const char *text);

#endif
