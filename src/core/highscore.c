/* highscore.c - the high-score board in memory: tables per selection, ranking and the rules
 * for a valid result. Reading and writing the files is highscore_file.c. Never prints, never
 * reads a clock. */
#include "highscore.h"

#include <stdlib.h>
#include <string.h>

#include "highscore_private.h"
#include "inidoc.h"

void highscore_clear(ScoreBoard *b)
{
    for (size_t i = 0; i < b->count; i++) {
        free(b->tables[i].selection);
    }
    b->count = 0;
    idset_free(&b->index);
    inidoc_destroy(b->doc);
    b->doc = NULL;
    b->save_blocked = false;
}

ScoreBoard *scoreboard_create(void)
{
    return calloc(1, sizeof(ScoreBoard));
}

void scoreboard_destroy(ScoreBoard *b)
{
    if (!b) {
        return;
    }
    highscore_clear(b);
    free(b->tables);
    free(b);
}

int scoreboard_compare(const ScoreEntry *a, const ScoreEntry *b)
{
    if (a->total != b->total) {
        return a->total > b->total ? -1 : 1;
    }
    /* right/asked compared by cross-multiplying; nothing asked counts as 0 % */
    long long ar = a->asked > 0 ? a->right : 0, aa = a->asked > 0 ? a->asked : 1;
    long long br = b->asked > 0 ? b->right : 0, ba = b->asked > 0 ? b->asked : 1;
    if (ar * ba != br * aa) {
        return ar * ba > br * aa ? -1 : 1;
    }
    if (a->time_ms != b->time_ms) {
        return a->time_ms < b->time_ms ? -1 : 1;
    }
    if (a->when != b->when) {
        return a->when < b->when ? -1 : 1;
    }
    return 0;
}

bool highscore_plain_name(const char *s, size_t max)
{
    size_t n = strlen(s);
    return n < max && (n == 0 || inidoc_value_ok("name", s));
}

bool scoreboard_selection_ok(const char *selection)
{
    size_t n = strlen(selection);
    if (n == 0 || n > SCOREBOARD_SELECTION_MAX || strchr(selection, '\n')) {
        return false;
    }
    char *wrapped = inidoc_wrap(selection, HIGHSCORE_SELECTION_WRAP);
    bool ok = wrapped && inidoc_value_ok("selection", wrapped);
    free(wrapped);
    return ok;
}

bool scoreboard_entry_ok(const ScoreEntry *e)
{
    return e->right >= 0 && e->asked >= e->right && e->count >= 0 &&
           (strcmp(e->mode, "timed") == 0 || strcmp(e->mode, "untimed") == 0 ||
            strcmp(e->mode, "relaxed") == 0) &&
           memchr(e->name, '\0', sizeof e->name) && highscore_plain_name(e->name, sizeof e->name);
}

/* Through the index, so that a file of many tables is read in linear time. */
static Table *find_table(const ScoreBoard *b, const char *selection)
{
    int at = 0;
    return idset_get(&b->index, selection, &at) ? &b->tables[at] : NULL;
}

/* The 0-based row `e` would take in `t` (t->count or more: it does not make the table). */
static int place(const Table *t, const ScoreEntry *e)
{
    int i = 0;
    while (i < t->count && scoreboard_compare(&t->rows[i].entry, e) <= 0) {
        i++;
    }
    return i;
}

int scoreboard_rank(const ScoreBoard *b, const char *selection, const ScoreEntry *e)
{
    if (!scoreboard_selection_ok(selection) || !scoreboard_entry_ok(e)) {
        return -1;
    }
    const Table *t = find_table(b, selection);
    int at = t ? place(t, e) : 0;
    return at < SCOREBOARD_ROWS ? at + 1 : 0;
}

int highscore_add_row(ScoreBoard *b, const char *selection, const ScoreEntry *e, long rec)
{
    Table *t = find_table(b, selection);
    if (!t) {
        if (b->count == b->cap) {
            size_t cap = b->cap ? b->cap * 2 : 8;
            Table *p = realloc(b->tables, cap * sizeof *p);
            if (!p) {
                return -1;
            }
            b->tables = p;
            b->cap = cap;
        }
        char *copy = malloc(strlen(selection) + 1);
        if (!copy) {
            return -1;
        }
        memcpy(copy, selection, strlen(selection) + 1);
        if (idset_add(&b->index, copy, (int)b->count) < 0) {
            free(copy);
            return -1;
        }
        t = &b->tables[b->count++];
        t->selection = copy;
        t->count = 0;
    }
    int at = place(t, e);
    if (at >= SCOREBOARD_ROWS) {
        return 0;
    }
    int keep = t->count < SCOREBOARD_ROWS ? t->count : SCOREBOARD_ROWS - 1;
    memmove(&t->rows[at + 1], &t->rows[at], (size_t)(keep - at) * sizeof t->rows[0]);
    t->rows[at] = (Row){*e, rec};
    t->count = keep + 1;
    return at + 1;
}

int scoreboard_add(ScoreBoard *b, const char *selection, const ScoreEntry *e)
{
    if (!scoreboard_selection_ok(selection) || !scoreboard_entry_ok(e)) {
        return -1;
    }
    return highscore_add_row(b, selection, e, -1);
}

int scoreboard_get(const ScoreBoard *b, const char *selection, const ScoreEntry **out, int max)
{
    const Table *t = find_table(b, selection);
    int n = 0;
    for (; t && n < t->count && n < max; n++) {
        out[n] = &t->rows[n].entry;
    }
    return n;
}

size_t scoreboard_selection_count(const ScoreBoard *b)
{
    return b->count;
}

const char *scoreboard_selection(const ScoreBoard *b, size_t i)
{
    return i < b->count ? b->tables[i].selection : NULL;
}
