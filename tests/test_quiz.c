/* test_quiz.c - the quiz session: seeded order, the answer walk, streaks, results. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/quiz.h"

static Pack *pack;
static QuizPick picks[12];
static int pick_count;

static int setup(void **state)
{
    (void)state;
    StrBuf sb = STRBUF_INIT;
    strbuf_puts(&sb, "[pack]\nformat = 1\nid = t\ntitle = T\npoints = 100\nstreak_step = 10\n"
                     "streak_cap = 20\nscoring = accuracy\npenalty = 50\n");
    for (int i = 0; i < 10; i++) {
        strbuf_printf(&sb,
                      "[q%d]\ntype = single\nprompt = Question %d\na = A%d\nb = B%d\nc = C%d\n"
                      "d = D%d\nanswer = a\nexplain = x\nsource = y\ntopic = %s\n",
                      i, i, i, i, i, i, i % 2 ? "odd" : "even");
    }
    strbuf_puts(&sb, "[order]\ntype = order\nprompt = Sort\na = 1\nb = 2\nc = 3\n"
                     "explain = x\nsource = y\ntopic = even\n");
    strbuf_puts(&sb, "[typed]\ntype = text\nprompt = Say\nanswer = yes\n"
                     "explain = x\nsource = y\ntopic = odd\n");
    DiagList d = DIAGLIST_INIT;
    pack = load_string(strbuf_cstr(&sb), &d);
    strbuf_free(&sb);
    diag_list_free(&d);
    if (!pack) {
        return -1;
    }
    pick_count = pack->question_count;
    for (int i = 0; i < pick_count; i++) {
        picks[i] = (QuizPick){pack, &pack->questions[i]};
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    pack_destroy(pack);
    return 0;
}

/* The order of question ids and first choices of a session, as one string. */
static void signature(const QuizSession *s, char *out, size_t size)
{
    out[0] = '\0';
    size_t n = 0;
    for (int i = 0; i < quiz_count(s); i++) {
        const QuizItem *it = quiz_item(s, i);
        int w = snprintf(out + n, size - n, "%s/%d%d ", it->pick.question->id, it->choice_order[0],
                         it->choice_order[1]);
        n += (size_t)w;
    }
}

static void test_same_seed_same_order(void **state)
{
    (void)state;
    QuizConfig c = {0, true, false, true, 42};
    QuizSession *a = quiz_create(&c, picks, pick_count);
    QuizSession *b = quiz_create(&c, picks, pick_count);
    char sa[1024], sb[1024];
    signature(a, sa, sizeof sa);
    signature(b, sb, sizeof sb);
    assert_string_equal(sa, sb);
    c.seed = 43;
    QuizSession *other = quiz_create(&c, picks, pick_count);
    char so[1024];
    signature(other, so, sizeof so);
    assert_string_not_equal(sa, so);
    quiz_destroy(a);
    quiz_destroy(b);
    quiz_destroy(other);
}

static void test_every_question_once(void **state)
{
    (void)state;
    QuizConfig c = {0, true, false, true, 7};
    QuizSession *s = quiz_create(&c, picks, pick_count);
    assert_int_equal(quiz_count(s), pick_count);
    int seen[16] = {0};
    for (int i = 0; i < quiz_count(s); i++) {
        const Question *q = quiz_item(s, i)->pick.question;
        seen[q - pack->questions]++;
        /* the choice order is a permutation */
        int mark = 0;
        for (int k = 0; k < q->choice_count; k++) {
            mark |= 1 << quiz_item(s, i)->choice_order[k];
        }
        assert_int_equal(mark, (1 << q->choice_count) - 1);
    }
    for (int i = 0; i < pick_count; i++) {
        assert_int_equal(seen[i], 1);
    }
    quiz_destroy(s);
}

static void test_count_and_no_shuffle(void **state)
{
    (void)state;
    QuizConfig c = {3, true, false, false, 1};
    QuizSession *s = quiz_create(&c, picks, pick_count);
    assert_int_equal(quiz_count(s), 3);
    assert_string_equal(quiz_item(s, 0)->pick.question->id, "q0");
    assert_string_equal(quiz_item(s, 2)->pick.question->id, "q2");
    quiz_destroy(s);
    assert_null(quiz_create(&c, picks, 0));
}

static void test_order_never_starts_solved(void **state)
{
    (void)state;
    for (uint64_t seed = 0; seed < 200; seed++) {
        QuizConfig c = {0, true, false, false, seed};
        QuizSession *s = quiz_create(&c, picks, pick_count);
        const QuizItem *it = quiz_item(s, 10);
        assert_string_equal(it->pick.question->id, "order");
        bool solved =
            it->choice_order[0] == 0 && it->choice_order[1] == 1 && it->choice_order[2] == 2;
        assert_false(solved);
        quiz_destroy(s);
    }
}

static void test_walk_and_result(void **state)
{
    (void)state;
    QuizConfig c = {0, true, false, false, 5};
    QuizSession *s = quiz_create(&c, picks, pick_count);
    Answer right = {.picked = 1};
    Answer wrong = {.picked = 2};
    /* q0 right, q1 right (+10), q2 right (+20), q3 wrong (-50), q4 timeout, q5 skipped */
    assert_int_equal(quiz_submit(s, &right, 1000)->delta, 100);
    assert_null(quiz_submit(s, &right, 1000)); /* already answered */
    assert_int_equal(quiz_next(s), QUIZ_ASKING);
    assert_int_equal(quiz_submit(s, &right, 1000)->delta, 110);
    quiz_next(s);
    assert_int_equal(quiz_submit(s, &right, 1000)->delta, 120);
    assert_int_equal(quiz_streak(s), 3);
    quiz_next(s);
    assert_int_equal(quiz_submit(s, &wrong, 1000)->delta, -50);
    assert_int_equal(quiz_streak(s), 0);
    assert_int_equal(quiz_total(s), 280);
    quiz_next(s);
    assert_int_equal(quiz_timeout(s)->outcome, OUTCOME_TIMEOUT);
    quiz_next(s);
    /* an answer after the time limit is a timeout too */
    assert_int_equal(quiz_submit(s, &right, 20001)->outcome, OUTCOME_TIMEOUT);
    quiz_next(s);
    assert_int_equal(quiz_skip(s, 300)->outcome, OUTCOME_SKIPPED);
    while (quiz_next(s) == QUIZ_ASKING) {
        const Question *q = quiz_current(s)->pick.question;
        Answer a = {.picked = 1, .text = "YES!", .order = {0, 1, 2}, .order_count = 3};
        (void)q;
        quiz_submit(s, &a, 2000);
    }
    assert_int_equal(quiz_phase(s), QUIZ_DONE);
    assert_null(quiz_current(s));
    QuizResult r;
    assert_true(quiz_result(s, &r));
    assert_int_equal(r.asked, 12);
    assert_int_equal(r.right, 3 + 5);
    assert_int_equal(r.wrong, 1);
    assert_int_equal(r.timeouts, 2);
    assert_int_equal(r.skipped, 1);
    assert_int_equal(r.missed_count, 4);
    assert_int_equal(r.best_streak, 5);
    assert_int_equal(r.topic_count, 2);
    assert_string_equal(r.topics[0].topic, "even");
    assert_int_equal(r.topics[0].asked, 6);
    assert_int_equal(r.topics[1].asked, 6);
    assert_int_equal(r.topics[0].right + r.topics[1].right, 8);
    assert_int_equal(r.total, quiz_total(s));
    quiz_result_free(&r);
    quiz_destroy(s);
}

static void test_relaxed_and_untimed(void **state)
{
    (void)state;
    StrBuf sb = STRBUF_INIT;
    strbuf_puts(&sb, "[pack]\nformat = 1\nid = t\ntitle = T\nscoring = speed\n"
                     "streak_bonus = off\n[q]\ntype = truefalse\nprompt = p\nanswer = true\n"
                     "explain = x\nsource = y\n");
    DiagList d = DIAGLIST_INIT;
    Pack *p = load_string(strbuf_cstr(&sb), &d);
    strbuf_free(&sb);
    diag_list_free(&d);
    assert_non_null(p);
    QuizPick one = {p, &p->questions[0]};
    Answer a = {.truth = true};
    QuizConfig timed = {0, true, false, true, 1};
    QuizSession *s = quiz_create(&timed, &one, 1);
    assert_int_equal(quiz_submit(s, &a, 10000)->delta, 750);
    quiz_destroy(s);
    QuizConfig relaxed = {0, true, true, true, 1};
    s = quiz_create(&relaxed, &one, 1);
    assert_int_equal(quiz_submit(s, &a, 10000)->delta, 1000);
    quiz_destroy(s);
    QuizConfig untimed = {0, false, false, true, 1};
    s = quiz_create(&untimed, &one, 1);
    assert_int_equal(quiz_current(s)->time_limit, 0);
    assert_int_equal(quiz_submit(s, &a, 999999)->outcome, OUTCOME_RIGHT);
    quiz_destroy(s);
    pack_destroy(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_seed_same_order),
        cmocka_unit_test(test_every_question_once),
        cmocka_unit_test(test_count_and_no_shuffle),
        cmocka_unit_test(test_order_never_starts_solved),
        cmocka_unit_test(test_walk_and_result),
        cmocka_unit_test(test_relaxed_and_untimed),
    };
    return cmocka_run_group_tests_name("quiz", tests, setup, teardown);
}
