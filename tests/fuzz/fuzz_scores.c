/* fuzz_scores.c - libFuzzer harness for the high-score file (scoreboard_load, which reads a
 * file, so the input is written to a scratch folder first). Promises checked: every table is
 * ordered best first and holds at most SCOREBOARD_ROWS sound rows; a board saved reads back
 * cleanly as the same board and is saved again byte for byte; adding a result ranks it. */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/highscore.h"

static bool same_entry(const ScoreEntry *a, const ScoreEntry *b)
{
    return a->total == b->total && a->right == b->right && a->asked == b->asked &&
           a->time_ms == b->time_ms && a->when == b->when && strcmp(a->mode, b->mode) == 0 &&
           a->count == b->count && strcmp(a->name, b->name) == 0;
}

static void check_board(const ScoreBoard *b)
{
    for (size_t t = 0; t < scoreboard_selection_count(b); t++) {
        const char *sel = scoreboard_selection(b, t);
        fuzz_check(sel && scoreboard_selection_ok(sel), "bad selection kept");
        const ScoreEntry *rows[SCOREBOARD_ROWS + 1];
        int n = scoreboard_get(b, sel, rows, SCOREBOARD_ROWS + 1);
        fuzz_check(n >= 1 && n <= SCOREBOARD_ROWS, "table '%s' has %d rows", sel, n);
        for (int i = 0; i < n; i++) {
            fuzz_check(scoreboard_entry_ok(rows[i]), "a bad row is kept in '%s'", sel);
            fuzz_check(i == 0 || scoreboard_compare(rows[i - 1], rows[i]) <= 0,
                       "table '%s' is not ordered at row %d", sel, i + 1);
        }
        for (size_t u = 0; u < t; u++) {
            fuzz_check(strcmp(scoreboard_selection(b, u), sel) != 0, "'%s' has two tables", sel);
        }
    }
}

static bool same_board(const ScoreBoard *a, const ScoreBoard *b)
{
    if (scoreboard_selection_count(a) != scoreboard_selection_count(b)) {
        return false;
    }
    for (size_t t = 0; t < scoreboard_selection_count(a); t++) {
        const char *sel = scoreboard_selection(a, t);
        if (strcmp(sel, scoreboard_selection(b, t)) != 0) {
            return false;
        }
        const ScoreEntry *x[SCOREBOARD_ROWS], *y[SCOREBOARD_ROWS];
        int n = scoreboard_get(a, sel, x, SCOREBOARD_ROWS);
        if (scoreboard_get(b, sel, y, SCOREBOARD_ROWS) != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!same_entry(x[i], y[i])) {
                return false;
            }
        }
    }
    return true;
}

static char *read_all(const char *path, size_t *len)
{
    char *text = NULL;
    fuzz_check(save_read_file(path, SCOREBOARD_FILE_MAX, &text, len, NULL) == SAVE_READ_OK,
               "cannot read %s back", path);
    return text;
}

/* A new result for every table: its rank is what scoreboard_rank said, and it is there. */
static void check_add(ScoreBoard *b)
{
    ScoreEntry e;
    memset(&e, 0, sizeof e);
    e.total = 5000;
    e.right = 7;
    e.asked = 10;
    e.time_ms = 60000;
    e.when = FUZZ_NOW;
    str_copy(e.mode, sizeof e.mode, "timed");
    e.count = 10;
    size_t n = scoreboard_selection_count(b);
    for (size_t t = 0; t < n; t++) {
        char sel[SCOREBOARD_SELECTION_MAX + 1];
        str_copy(sel, sizeof sel, scoreboard_selection(b, t));
        int want = scoreboard_rank(b, sel, &e);
        int got = scoreboard_add(b, sel, &e);
        fuzz_check(got == want && got >= 0 && got <= SCOREBOARD_ROWS, "rank %d, added at %d", want,
                   got);
        const ScoreEntry *rows[SCOREBOARD_ROWS];
        int count = scoreboard_get(b, sel, rows, SCOREBOARD_ROWS);
        fuzz_check(got == 0 || (got <= count && same_entry(rows[got - 1], &e)),
                   "the result is not at its rank");
    }
    check_board(b);
}

FUZZ_TARGET(scores)
{
    char path[4200], saved[4200];
    fuzz_path(path, sizeof path, "scores.ini");
    fuzz_path(saved, sizeof saved, "saved.ini");
    fuzz_write(path, data, size);
    ScoreBoard *b = scoreboard_create();
    fuzz_check(b != NULL, "out of memory");
    DiagList diags = DIAGLIST_INIT;
    LoadReport report;
    bool loaded = scoreboard_load(b, fuzz_io(), path, FUZZ_NOW, &diags, &report);
    fuzz_check(loaded, "a readable file was not loaded");
    fuzz_check(report.set_aside == (diags.counts[DIAG_WARNING] > 0),
               "set aside without a warning, or a warning without setting aside");
    check_board(b);
    SaveError e;
    fuzz_check(scoreboard_save(b, fuzz_io(), saved, &e), "a board that loaded cannot be saved: %s",
               e.message);
    ScoreBoard *again = scoreboard_create();
    DiagList d2 = DIAGLIST_INIT;
    LoadReport r2;
    fuzz_check(again && scoreboard_load(again, fuzz_io(), saved, FUZZ_NOW, &d2, &r2),
               "saved board unread");
    if (r2.set_aside || d2.count > 0) {
        size_t len;
        char *text = read_all(r2.set_aside ? r2.aside : saved, &len);
        StrBuf why = STRBUF_INIT;
        diag_list_format(&d2, &why);
        fuzz_check(false, "a saved board does not read back cleanly:\n%s\n---\n%s", text,
                   strbuf_cstr(&why));
    }
    fuzz_check(same_board(b, again), "a saved board reads back different");
    size_t len1, len2;
    char *text1 = read_all(saved, &len1);
    fuzz_check(scoreboard_save(again, fuzz_io(), saved, &e), "saving again failed: %s", e.message);
    char *text2 = read_all(saved, &len2);
    fuzz_check(len1 == len2 && memcmp(text1, text2, len1) == 0,
               "saving what was read back writes another file");
    free(text1);
    free(text2);
    check_add(again);
    scoreboard_destroy(again);
    scoreboard_destroy(b);
    diag_list_free(&d2);
    diag_list_free(&diags);
    fuzz_clear();
    return 0;
}
