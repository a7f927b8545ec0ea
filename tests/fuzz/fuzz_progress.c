/* fuzz_progress.c - libFuzzer harness for the progress file (progress_parse): any bytes as a
 * progress file; every card kept must be sound, and what progress_format writes must read back
 * cleanly as the same cards and be written again byte for byte. */
#include "fuzz.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/progress.h"

/* Reals are written with six decimals: one read back is within half a unit of the sixth, give
 * or take the rounding of a double. */
#define SLACK (5e-7 + 1e-9)

/* The cards of `a` and `b` agree: exactly, or with `slack` on the two reals (the file keeps six
 * decimals). */
static bool same_cards(const ProgressFile *a, const ProgressFile *b, double slack)
{
    if (a->count != b->count) {
        return false;
    }
    for (size_t i = 0; i < a->count; i++) {
        const ProgressCard *x = &a->cards[i], *y = &b->cards[i];
        bool same = strcmp(x->id, y->id) == 0 && x->revision == y->revision &&
                    fabs(x->fsrs.stability - y->fsrs.stability) <= slack &&
                    fabs(x->fsrs.difficulty - y->fsrs.difficulty) <= slack &&
                    x->fsrs.reps == y->fsrs.reps && x->fsrs.lapses == y->fsrs.lapses &&
                    x->fsrs.last_review == y->fsrs.last_review &&
                    x->fsrs.scheduled_days == y->fsrs.scheduled_days && x->due == y->due &&
                    x->suspended == y->suspended && x->leech == y->leech &&
                    x->first_seen == y->first_seen;
        if (!same) {
            return false;
        }
    }
    return true;
}

static void complain(const char *what, const char *text, DiagList *diags)
{
    StrBuf why = STRBUF_INIT;
    diag_list_format(diags, &why);
    fuzz_check(false, "%s:\n%s\n%s", what, text, strbuf_cstr(&why));
}

FUZZ_TARGET(progress)
{
    DiagList diags = DIAGLIST_INIT;
    ProgressFile pf;
    progress_init(&pf, "fuzz-pack");
    bool sound = progress_parse(&pf, "progress.ini", (const char *)data, size, &diags);
    fuzz_check(sound || diags.counts[DIAG_WARNING] > 0, "not sound, yet no warning");
    for (size_t i = 0; i < pf.count; i++) {
        const ProgressCard *c = &pf.cards[i];
        fuzz_check(progress_card_problem(c) == NULL && progress_find(&pf, c->id) == c,
                   "card [%s] kept with a problem or twice", c->id);
    }
    /* every card kept is sound and every unknown key kept can be written (inidoc_parse keeps
     * only what it can write back), so the progress can always be saved again */
    size_t len = 0;
    char *text = progress_format(&pf, &len);
    fuzz_check(text != NULL, "progress that was read cannot be written");
    fuzz_check(strlen(text) == len, "progress_format's length is wrong");
    ProgressFile again;
    progress_init(&again, "fuzz-pack");
    DiagList d2 = DIAGLIST_INIT;
    if (!progress_parse(&again, "again.ini", text, len, &d2)) {
        complain("what progress_format wrote does not read back cleanly", text, &d2);
    }
    fuzz_check(same_cards(&pf, &again, SLACK), "the cards read back are not the same");
    size_t len2 = 0;
    char *text2 = progress_format(&again, &len2);
    fuzz_check(text2 && len2 == len && memcmp(text, text2, len) == 0,
               "progress_format is not stable:\n%s\n---\n%s", text, text2 ? text2 : "");
    free(text2);
    progress_free(&again);
    diag_list_free(&d2);
    free(text);
    StrBuf out = STRBUF_INIT;
    diag_list_format(&diags, &out);
    strbuf_free(&out);
    progress_free(&pf);
    diag_list_free(&diags);
    return 0;
}
