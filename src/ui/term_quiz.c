/* term_quiz.c - terminal play: pick questions, ask them, score them with the core session. */
#include "term_quiz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "core/quiz.h"

static uint64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static bool wanted(const TermQuizOptions *o, const LibraryEntry *e, const Question *q)
{
    bool pack_ok = o->pack_count == 0;
    for (int i = 0; i < o->pack_count && !pack_ok; i++) {
        pack_ok = strcmp(o->packs[i], e->pack->id) == 0 || strcmp(o->packs[i], e->path) == 0;
    }
    bool topic_ok = o->topic_count == 0;
    for (int i = 0; i < o->topic_count && !topic_ok; i++) {
        topic_ok = strcmp(o->topics[i], q->topic) == 0;
    }
    return pack_ok && topic_ok;
}

static bool read_line(char *buf, size_t size)
{
    if (!fgets(buf, (int)size, stdin)) {
        return false;
    }
    buf[strcspn(buf, "\r\n")] = '\0';
    return true;
}

/* Turns screen letters ("a c", "C,A,B") into pack indices through the item's order. */
static int letters(const QuizItem *it, const char *s, int *out, int max)
{
    int n = 0;
    int count = it->pick.question->choice_count;
    for (; *s && n < max; s++) {
        char c = *s;
        if (c >= 'A' && c <= 'Z') {
            c = (char)(c - 'A' + 'a');
        }
        if (c >= 'a' && c < 'a' + count) {
            out[n++] = it->choice_order[c - 'a'];
        } else if (c >= '1' && c < '1' + count) {
            out[n++] = it->choice_order[c - '1'];
        }
    }
    return n;
}

static bool parse_truth(const char *s, bool *truth)
{
    static const char *const yes[] = {"t", "true", "y", "yes"};
    static const char *const no[] = {"f", "false", "n", "no"};
    for (size_t i = 0; i < 4; i++) {
        if (strcasecmp(s, yes[i]) == 0 || strcasecmp(s, no[i]) == 0) {
            *truth = strcasecmp(s, yes[i]) == 0;
            return true;
        }
    }
    return false;
}

/* Whether `line` is an answer of the right form; says what is expected when it is not. */
static bool well_formed(const QuizItem *it, const char *line)
{
    const Question *q = it->pick.question;
    int idx[PACK_CHOICES_MAX];
    bool truth;
    switch (q->type) {
    case QTYPE_SINGLE:
        if (letters(it, line, idx, PACK_CHOICES_MAX) == 1) {
            return true;
        }
        printf("Type one letter, a to %c: ", 'a' + q->choice_count - 1);
        return false;
    case QTYPE_MULTI:
        if (letters(it, line, idx, PACK_CHOICES_MAX) > 0) {
            return true;
        }
        printf("Type the letters of every right answer, a to %c: ", 'a' + q->choice_count - 1);
        return false;
    case QTYPE_ORDER:
        if (letters(it, line, idx, PACK_CHOICES_MAX) == q->choice_count) {
            return true;
        }
        printf("Type all %d letters, first to last: ", q->choice_count);
        return false;
    case QTYPE_TRUEFALSE:
        if (parse_truth(line, &truth)) {
            return true;
        }
        printf("Type t for true or f for false: ");
        return false;
    case QTYPE_TEXT:
    case QTYPE_NUMBER:
    case QTYPE_COUNT:
        break;
    }
    return true;
}

static void show_question(const QuizSession *s, const QuizItem *it)
{
    const Question *q = it->pick.question;
    printf("\nQuestion %d of %d  [%s]", quiz_position(s) + 1, quiz_count(s), q->topic);
    if (it->time_limit > 0) {
        printf("  (%d s)", it->time_limit);
    }
    printf("\n%s\n", q->prompt);
    switch (q->type) {
    case QTYPE_SINGLE:
    case QTYPE_MULTI:
    case QTYPE_ORDER:
        for (int i = 0; i < q->choice_count; i++) {
            printf("  %c) %s\n", 'a' + i, q->choices[it->choice_order[i]]);
        }
        printf(q->type == QTYPE_SINGLE  ? "Your answer (a letter): "
               : q->type == QTYPE_MULTI ? "Your answer (all right letters, e.g. a c): "
                                        : "Put them in order (letters, first to last): ");
        break;
    case QTYPE_TRUEFALSE:
        printf("True or false? (t/f): ");
        break;
    case QTYPE_TEXT:
    case QTYPE_NUMBER:
    case QTYPE_COUNT:
        printf("Your answer: ");
        break;
    }
    fflush(stdout);
}

static void show_right_answer(const QuizItem *it)
{
    const Question *q = it->pick.question;
    printf("The answer: ");
    switch (q->type) {
    case QTYPE_SINGLE:
    case QTYPE_MULTI: {
        const char *sep = "";
        for (int i = 0; i < q->choice_count; i++) {
            if ((q->correct >> i) & 1) {
                printf("%s%s", sep, q->choices[i]);
                sep = "; ";
            }
        }
        break;
    }
    case QTYPE_ORDER:
        for (int i = 0; i < q->choice_count; i++) {
            printf("%s%s", i ? " -> " : "", q->choices[i]);
        }
        break;
    case QTYPE_TRUEFALSE:
        printf("%s", q->truth ? "true" : "false");
        break;
    case QTYPE_TEXT:
        printf("%s", q->answers[0]);
        break;
    case QTYPE_NUMBER:
        printf("%s%s%s", q->number_text, q->unit ? " " : "", q->unit ? q->unit : "");
        break;
    case QTYPE_COUNT:
        break;
    }
    printf("\n");
}

bool term_quiz_run(const Library *lib, const TermQuizOptions *o)
{
    int total = library_question_count(lib);
    QuizPick *picks = calloc((size_t)total + 1, sizeof *picks);
    if (!picks) {
        return false;
    }
    int n = 0;
    for (int i = 0; i < lib->count; i++) {
        const LibraryEntry *e = &lib->entries[i];
        if (!e->pack || e->replaced) {
            continue;
        }
        for (int k = 0; k < e->pack->question_count; k++) {
            if (wanted(o, e, &e->pack->questions[k])) {
                picks[n++] = (QuizPick){e->pack, &e->pack->questions[k]};
            }
        }
    }
    if (n == 0) {
        fputs("quizdeck: no questions to ask (check the packs with --check)\n", stderr);
        free(picks);
        return false;
    }
    QuizConfig config = {o->count, !o->untimed, o->relaxed, true,
                         o->seeded ? o->seed : (uint64_t)time(NULL)};
    QuizSession *s = quiz_create(&config, picks, n);
    free(picks);
    if (!s) {
        fputs("quizdeck: out of memory\n", stderr);
        return false;
    }
    printf("quizdeck: %d questions. Type your answer and press Enter; an empty line skips.\n",
           quiz_count(s));
    char line[1024];
    bool eof = false;
    while (quiz_phase(s) == QUIZ_ASKING && !eof) {
        const QuizItem *it = quiz_current(s);
        const Question *q = it->pick.question;
        show_question(s, it);
        uint64_t start = now_ms();
        eof = !read_line(line, sizeof line);
        while (!eof && line[0] != '\0' && !well_formed(it, line)) {
            fflush(stdout);
            eof = !read_line(line, sizeof line);
        }
        uint32_t elapsed = (uint32_t)(now_ms() - start);
        const ScoreLine *sl;
        if (eof || line[0] == '\0') {
            sl = quiz_skip(s, elapsed);
        } else {
            Answer a = {0};
            int idx[PACK_CHOICES_MAX];
            int k;
            switch (q->type) {
            case QTYPE_SINGLE:
            case QTYPE_MULTI:
                k = letters(it, line, idx, PACK_CHOICES_MAX);
                for (int i = 0; i < k; i++) {
                    a.picked |= (uint8_t)(1u << idx[i]);
                }
                break;
            case QTYPE_ORDER:
                a.order_count = letters(it, line, a.order, PACK_CHOICES_MAX);
                break;
            case QTYPE_TRUEFALSE:
                parse_truth(line, &a.truth);
                break;
            case QTYPE_TEXT:
            case QTYPE_NUMBER:
            case QTYPE_COUNT:
                a.text = line;
                break;
            }
            sl = quiz_submit(s, &a, elapsed);
        }
        printf("%s: %+d points", outcome_name(sl->outcome), sl->delta);
        if (sl->bonus) {
            printf(" (streak bonus %d)", sl->bonus);
        }
        printf("   score %ld, streak %d\n", quiz_total(s), quiz_streak(s));
        if (sl->outcome != OUTCOME_RIGHT) {
            show_right_answer(it);
        }
        printf("%s\n  (%s)\n", q->explain, q->source);
        quiz_next(s);
    }
    QuizResult r;
    if (quiz_result(s, &r)) {
        printf("\nScore %ld. Right %d of %d, best streak %d, %.1f s.\n", r.total, r.right, r.asked,
               r.best_streak, (double)r.time_ms / 1000.0);
        for (int t = 0; t < r.topic_count; t++) {
            printf("  %-18s %d/%d\n", r.topics[t].topic, r.topics[t].right, r.topics[t].asked);
        }
        quiz_result_free(&r);
    }
    quiz_destroy(s);
    return true;
}
