/* fuzz_answers.c - libFuzzer harness for typed-text answers: fold.h's two foldings and
 * answer_text_matches on a text question whose accepted answers come from the input.
 * Input: one byte of flags (bit 0: the question is `exact`), then lines: what the player typed,
 * then up to PACK_ANSWERS_MAX accepted answers. */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "core/answer.h"
#include "core/fold.h"
#include "core/utf8.h"

static bool same(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* True when `s` is in Unicode normal form C (the foldings promise NFC). */
static bool is_nfc(const char *s)
{
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t n =
        utf8proc_map((const utf8proc_uint8_t *)s, 0, &nfc,
                     (utf8proc_option_t)(UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    bool ok = n >= 0 && strcmp((const char *)nfc, s) == 0;
    free(nfc);
    return ok;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Checks both foldings of `text` against what fold.h promises. */
static void check_folds(const char *text)
{
    bool valid = utf8_valid(text, strlen(text), NULL);
    char *loose = fold_loose(text);
    char *unicode = fold_loose_unicode(text);
    char *exact = fold_exact(text);
    fuzz_check(same(loose, unicode), "fold_loose and fold_loose_unicode differ: '%s' and '%s'",
               loose ? loose : "(null)", unicode ? unicode : "(null)");
    /* short valid text always folds (longer text is cut first, maybe inside a bad byte) */
    if (valid && strlen(text) <= FOLD_MAX_INPUT) {
        fuzz_check(loose && exact, "valid UTF-8 did not fold");
    }
    if (loose) {
        size_t n = strlen(loose);
        fuzz_check(utf8_valid(loose, n, NULL) && is_nfc(loose), "loose fold is not NFC UTF-8");
        fuzz_check(n == 0 || (loose[0] != ' ' && loose[n - 1] != ' '),
                   "loose fold is not trimmed: '%s'", loose);
        fuzz_check(!strstr(loose, "  ") && !strpbrk(loose, "\t\n\r"),
                   "loose fold keeps a run of spaces: '%s'", loose);
    }
    if (exact) {
        size_t n = strlen(exact);
        fuzz_check(utf8_valid(exact, n, NULL) && is_nfc(exact), "exact fold is not NFC UTF-8");
        fuzz_check(n == 0 || (!is_space(exact[0]) && !is_space(exact[n - 1])),
                   "exact fold is not trimmed: '%s'", exact);
        /* folding what was folded changes nothing */
        if (n <= FOLD_MAX_INPUT) {
            char *again = fold_exact(exact);
            fuzz_check(same(again, exact), "fold_exact is not idempotent");
            free(again);
        }
    }
    free(loose);
    free(unicode);
    free(exact);
}

FUZZ_TARGET(answers)
{
    if (size < 1) {
        return 0;
    }
    bool exact = data[0] & 1;
    char *text = fuzz_strndup(data + 1, size - 1);
    const char *lines[PACK_ANSWERS_MAX + 1];
    int n = 0;
    for (char *p = text; p && n < PACK_ANSWERS_MAX + 1;) {
        lines[n++] = p;
        p = strchr(p, '\n');
        if (p) {
            *p++ = '\0';
        }
    }
    Question q;
    memset(&q, 0, sizeof q);
    q.type = QTYPE_TEXT;
    q.exact = exact;
    q.answer_count = n - 1;
    for (int i = 1; i < n; i++) {
        q.answers[i - 1] = lines[i];
    }
    for (int i = 0; i < n; i++) {
        check_folds(lines[i]);
    }
    Answer a;
    memset(&a, 0, sizeof a);
    a.text = lines[0];
    bool match = answer_text_matches(&q, lines[0]);
    Verdict v = answer_check(&q, &a);
    fuzz_check(v.correct == match && v.credit_den == 1 && v.credit_num == (match ? 1 : 0),
               "answer_check and answer_text_matches disagree");
    /* an accepted answer typed as written is right, unless it folds to nothing */
    for (int i = 0; i < q.answer_count; i++) {
        char *f = exact ? fold_exact(q.answers[i]) : fold_loose(q.answers[i]);
        if (f && *f) {
            fuzz_check(answer_text_matches(&q, q.answers[i]), "accepted answer %d does not match",
                       i);
        }
        free(f);
    }
    free(text);
    return 0;
}
