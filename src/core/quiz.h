/* quiz.h - a quiz session: a seeded order of questions and choices, the answers given, their
 * points and streak, and the result. Pure C; time is passed in (milliseconds), never read. */
#ifndef QUIZDECK_QUIZ_H
#define QUIZDECK_QUIZ_H

#include <stdbool.h>
#include <stdint.h>

#include "answer.h"
#include "pack.h"
#include "score.h"

typedef struct QuizPick {
    const Pack *pack; /* borrowed: must outlive the session */
    const Question *question;
} QuizPick;

typedef struct QuizConfig {
    int question_count; /* how many to ask; 0 or more than the pool asks them all */
    bool timed;         /* false: no time limits, accuracy scoring */
    bool relaxed;       /* accuracy scoring even when timed (no speed pressure) */
    bool shuffle;       /* shuffle question order; false keeps the pool's order */
    uint64_t seed;      /* same seed, pool and config: same question and choice order */
} QuizConfig;

typedef enum QuizPhase {
    QUIZ_ASKING,   /* the current question waits for an answer */
    QUIZ_FEEDBACK, /* the current question was answered; quiz_next moves on */
    QUIZ_DONE,
    QUIZ_PHASE_COUNT
} QuizPhase;

typedef struct QuizItem {
    QuizPick pick;
    uint8_t choice_order[PACK_CHOICES_MAX]; /* screen position -> pack choice index */
    int time_limit;                         /* seconds, 0 = untimed, after the config */
    ScoreSettings score;                    /* after the config */
    bool answered;                          /* an answer, a timeout or a skip was recorded */
    Verdict verdict;
    ScoreLine line;
    uint32_t elapsed_ms;
} QuizItem;

typedef struct QuizSession QuizSession;

/* Starts a session over `count` picks (copied). Returns NULL when count is 0 or memory ran out.
 * The caller frees it with quiz_destroy. */
QuizSession *quiz_create(const QuizConfig *config, const QuizPick *picks, int count);

/* Frees the session. Accepts NULL. */
void quiz_destroy(QuizSession *s);

QuizPhase quiz_phase(const QuizSession *s);
int quiz_count(const QuizSession *s);    /* questions in this session */
int quiz_position(const QuizSession *s); /* 0-based index of the current question */
long quiz_total(const QuizSession *s);   /* running total, never below 0 */
int quiz_streak(const QuizSession *s);   /* right answers in a row so far */

/* The item at `index` (0..count-1) or the current one; borrowed from the session, valid until
 * quiz_destroy. NULL when out of range or done. */
const QuizItem *quiz_item(const QuizSession *s, int index);
const QuizItem *quiz_current(const QuizSession *s);

/* Records an answer to the current question after `elapsed_ms`. An answer given after the time
 * limit counts as a timeout. Returns the score line, or NULL when not QUIZ_ASKING. */
const ScoreLine *quiz_submit(QuizSession *s, const Answer *answer, uint32_t elapsed_ms);

/* Records that the time ran out, or that the player skipped. NULL when not QUIZ_ASKING. */
const ScoreLine *quiz_timeout(QuizSession *s);
const ScoreLine *quiz_skip(QuizSession *s, uint32_t elapsed_ms);

/* From QUIZ_FEEDBACK, moves to the next question or to QUIZ_DONE. Returns the new phase. */
QuizPhase quiz_next(QuizSession *s);

typedef struct TopicResult {
    const char *topic; /* borrowed from the pack */
    int asked;
    int right;
} TopicResult;

typedef struct QuizResult {
    long total;
    int asked; /* answered, timed out or skipped */
    int right;
    int partial;
    int wrong;
    int timeouts;
    int skipped;
    int best_streak;
    uint64_t time_ms;    /* sum of the answer times */
    TopicResult *topics; /* by first appearance; owned by the result */
    int topic_count;
    int *missed; /* item indices not fully right, in session order; owned by the result */
    int missed_count;
} QuizResult;

/* Fills `out` from the answers so far. Returns false when memory ran out. Free with
 * quiz_result_free. */
bool quiz_result(const QuizSession *s, QuizResult *out);
void quiz_result_free(QuizResult *r);

#endif
