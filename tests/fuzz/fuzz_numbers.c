/* fuzz_numbers.c - libFuzzer harness for number.h's three parsers and the number question's
 * check with its tolerance (answer.h). Input: text; its first three lines are also read as a
 * pack's answer, its tolerance and what the player typed. */
#include "fuzz.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/answer.h"
#include "core/number.h"

/* The parsers on one string, and how they must agree. */
static void check_parsers(const char *text)
{
    double strict = 0, input = 0;
    bool is_strict = number_parse_strict(text, &strict);
    bool is_input = number_parse_input(text, &input);
    fuzz_check(!is_strict || isfinite(strict), "strict parse of '%s' is not finite", text);
    fuzz_check(!is_input || isfinite(input), "input parse of '%s' is not finite", text);
    /* what a pack may write, a player may type, with the same value */
    fuzz_check(!is_strict || (is_input && input == strict),
               "'%s' parses strictly as %.17g but not as input the same", text, strict);
    long whole = 0;
    if (number_parse_int(text, -LONG_MAX, LONG_MAX, &whole)) {
        /* a whole number of at most 15 digits is also a strict decimal of the same value */
        if (whole > -1000000000000000L && whole < 1000000000000000L) {
            fuzz_check(is_strict && strict == (double)whole,
                       "'%s' is the whole number %ld but not that decimal", text, whole);
        }
        long narrow = 0;
        bool in = number_parse_int(text, -1000, 1000, &narrow);
        fuzz_check(in == (whole >= -1000 && whole <= 1000) && (!in || narrow == whole),
                   "'%s': range check disagrees", text);
    }
}

/* The three lines as a number question: answer, tolerance, typed. */
static void check_question(const char *lines[3])
{
    Question q;
    memset(&q, 0, sizeof q);
    q.type = QTYPE_NUMBER;
    if (!number_parse_strict(lines[0], &q.number)) {
        return;
    }
    if (!number_parse_strict(lines[1], &q.tolerance) || q.tolerance < 0) {
        q.tolerance = 0;
    }
    q.number_text = lines[0];
    Answer a;
    memset(&a, 0, sizeof a);
    /* the answer as the pack writes it is right */
    a.text = lines[0];
    fuzz_check(answer_check(&q, &a).correct, "typing the answer '%s' itself is wrong", lines[0]);
    Verdict v;
    a.text = lines[2];
    v = answer_check(&q, &a);
    double typed;
    bool parses = number_parse_input(lines[2], &typed);
    fuzz_check(!v.correct || parses, "'%s' is right but does not parse", lines[2]);
    fuzz_check(!v.correct || fabs(typed - q.number) <= q.tolerance + 1e-9 * fmax(1, fabs(q.number)),
               "'%s' is right but outside the tolerance", lines[2]);
    fuzz_check(v.credit_den == 1 && v.credit_num == (v.correct ? 1 : 0),
               "a number answer has partial credit");
    /* within the tolerance by half is right */
    if (parses && fabs(typed - q.number) <= q.tolerance / 2) {
        fuzz_check(v.correct, "'%s' is within half the tolerance of %s but wrong", lines[2],
                   lines[0]);
    }
}

FUZZ_TARGET(numbers)
{
    char *text = fuzz_strndup(data, size);
    check_parsers(text);
    const char *lines[3] = {"", "", ""};
    char *p = text;
    for (int i = 0; i < 3 && p; i++) {
        lines[i] = p;
        p = strchr(p, '\n');
        if (p) {
            *p++ = '\0';
        }
    }
    for (int i = 0; i < 3; i++) {
        check_parsers(lines[i]);
    }
    check_question(lines);
    free(text);
    return 0;
}
