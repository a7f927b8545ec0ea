/* highscore_private.h - the board shared by the files of the highscore module (highscore*.c).
 * Private: nothing else may include it; the public API is highscore.h. */
#ifndef QUIZDECK_HIGHSCORE_PRIVATE_H
#define QUIZDECK_HIGHSCORE_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>

#include "highscore.h"
#include "idset.h"
#include "inidoc.h"

/* Width of a selection's parts in the file, so "selection = " plus a part fits in a line. */
enum { HIGHSCORE_SELECTION_WRAP = 150 };

typedef struct Row {
    ScoreEntry entry;
    long rec; /* the [score] record of b->doc it was read from (unknown keys), or -1 */
} Row;

typedef struct Table {
    char *selection;
    Row rows[SCOREBOARD_ROWS];
    int count;
} Table;

struct ScoreBoard {
    Table *tables;
    size_t count;
    size_t cap;
    IdSet index;       /* each table's selection (borrowed) with the table's index */
    IniDoc *doc;       /* the file as read: unknown sections and keys; may be NULL */
    bool save_blocked; /* a damaged file could not be set aside */
};

/* Empties the board (tables, the document read, the save block); keeps its table array. */
void highscore_clear(ScoreBoard *b);

/* Adds a row that came from [score] record `rec` (-1 for a new result) to the table of
 * `selection`, making the table when needed; the caller has checked both. Returns the row's
 * 1-based rank, 0 when it did not make the table, -1 when memory ran out. */
int highscore_add_row(ScoreBoard *b, const char *selection, const ScoreEntry *e, long rec);

/* True when `s` is shorter than `max` bytes and empty or a plain value for a file. */
bool highscore_plain_name(const char *s, size_t max);

#endif
