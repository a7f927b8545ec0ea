/* fuzz_pack.c - libFuzzer harness for the pack loader (pack_load_buffer): any bytes as a pack
 * file; a pack that loads is dumped, written as an answer key, checked against the promises of
 * pack.h (each question's own right answer is right) and played once as a quiz. */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "core/answer.h"
#include "core/classroom.h"
#include "core/diag.h"
#include "core/fold.h"
#include "core/pack.h"
#include "core/pack_dump.h"
#include "core/quiz.h"

/* The answer that the pack says is right. */
static Answer right_answer(const Question *q)
{
    Answer a;
    memset(&a, 0, sizeof a);
    a.picked = q->correct;
    a.truth = q->truth;
    a.text = q->type == QTYPE_TEXT ? q->answers[0] : q->number_text;
    a.order_count = q->type == QTYPE_ORDER ? q->choice_count : 0;
    for (int i = 0; i < a.order_count; i++) {
        a.order[i] = i;
    }
    return a;
}

static void check_question(const Pack *p, const Question *q)
{
    fuzz_check(pack_id_valid(q->id) && pack_find_question(p, q->id) == q,
               "question '%s' has a bad or repeated id", q->id);
    fuzz_check(q->type >= 0 && q->type < QTYPE_COUNT && q->prompt && q->revision >= 1 &&
                   q->time_limit >= 0 && q->time_limit <= PACK_TIME_LIMIT_MAX,
               "question '%s' has a bad type, prompt, revision or time limit", q->id);
    fuzz_check(q->score.points >= 0 && q->score.points <= PACK_POINTS_MAX &&
                   q->score.penalty >= 0 && q->score.penalty <= PACK_POINTS_MAX,
               "question '%s' has points out of range", q->id);
    switch (q->type) {
    case QTYPE_SINGLE:
    case QTYPE_MULTI:
        fuzz_check(q->choice_count >= PACK_CHOICES_MIN && q->choice_count <= PACK_CHOICES_MAX &&
                       q->correct != 0 && (q->correct >> q->choice_count) == 0,
                   "question '%s' has bad choices", q->id);
        fuzz_check(q->type == QTYPE_MULTI || (q->correct & (q->correct - 1)) == 0,
                   "single question '%s' has several right choices", q->id);
        break;
    case QTYPE_ORDER:
        fuzz_check(q->choice_count >= PACK_CHOICES_MIN && q->choice_count <= PACK_CHOICES_MAX,
                   "order question '%s' has bad items", q->id);
        break;
    case QTYPE_TEXT:
        fuzz_check(q->answer_count >= 1 && q->answer_count <= PACK_ANSWERS_MAX,
                   "text question '%s' has no answers", q->id);
        for (int i = 0; i < q->answer_count; i++) {
            fuzz_check(answer_text_matches(q, q->answers[i]),
                       "text question '%s': accepted answer '%s' does not match", q->id,
                       q->answers[i]);
        }
        break;
    case QTYPE_NUMBER:
        fuzz_check(q->number_text && q->tolerance >= 0, "number question '%s' is incomplete",
                   q->id);
        break;
    default:
        break;
    }
    for (int i = 0; i < q->choice_count; i++) {
        fuzz_check(q->choices[i] != NULL, "question '%s' lacks choice %d", q->id, i);
    }
    Answer a = right_answer(q);
    Verdict v = answer_check(q, &a);
    fuzz_check(v.correct && v.credit_num == v.credit_den,
               "question '%s': its own right answer is not right", q->id);
}

/* Plays every question once, answering right at once. */
static void play(const Pack *p)
{
    QuizPick *picks = malloc((size_t)p->question_count * sizeof *picks);
    fuzz_check(picks != NULL, "out of memory");
    for (int i = 0; i < p->question_count; i++) {
        picks[i] = (QuizPick){p, &p->questions[i]};
    }
    QuizConfig cfg = {0, true, false, true, 42};
    QuizSession *s = quiz_create(&cfg, picks, p->question_count);
    free(picks);
    fuzz_check(s != NULL && quiz_count(s) == p->question_count, "no quiz from a loaded pack");
    long total = 0;
    while (quiz_phase(s) == QUIZ_ASKING) {
        Answer a = right_answer(quiz_current(s)->pick.question);
        const ScoreLine *line = quiz_submit(s, &a, 0);
        fuzz_check(line && line->outcome == OUTCOME_RIGHT && line->delta >= 0,
                   "a right answer did not score as right");
        total += line->delta;
        quiz_next(s);
    }
    QuizResult r;
    fuzz_check(quiz_result(s, &r), "out of memory");
    fuzz_check(r.right == p->question_count && r.total == total && quiz_total(s) == total,
               "the quiz's result does not add up");
    quiz_result_free(&r);
    quiz_destroy(s);
}

FUZZ_TARGET(pack)
{
    DiagList diags = DIAGLIST_INIT;
    Pack *p = pack_load_buffer("fuzz.ini", (const char *)data, size, &diags);
    /* a pack exactly when there was no error */
    fuzz_check((p != NULL) == (diags.counts[DIAG_ERROR] == 0), "result and errors disagree");
    StrBuf out = STRBUF_INIT;
    diag_list_format(&diags, &out);
    if (p) {
        fuzz_check(p->question_count >= 1 && p->question_count <= PACK_QUESTIONS_MAX &&
                       pack_id_valid(p->id) && p->title && p->format == PACK_FORMAT,
                   "a loaded pack has a bad header");
        for (int i = 0; i < p->question_count; i++) {
            check_question(p, &p->questions[i]);
        }
        pack_dump(p, &out);
        classroom_answer_key_csv(p, &out);
        play(p);
    }
    pack_destroy(p);
    strbuf_free(&out);
    diag_list_free(&diags);
    return 0;
}
