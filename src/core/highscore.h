/* highscore.h - the high-score tables (the best ten per selection, with date and settings) in
 * $XDG_DATA_HOME/quizdeck/scores.ini, and the history of every finished quiz, an append-only
 * log beside it (history.log). Pure C; never prints, never reads a clock. A damaged scores
 * file is set aside, never overwritten.
 *
 * scores.ini, as scoreboard_save writes it (one [score] section per table row, tables in the
 * order their selections were first seen, rows best first):
 *
 *     [quizdeck]
 *     version = 1
 *
 *     [score]
 *     selection = packs=csto-bodies,csto-members;topic=;count=10;mode=timed
 *     when = 2026-11-29T10:15:00Z
 *     total = 5400
 *     right = 8
 *     asked = 10
 *     time_ms = 83000
 *     mode = timed
 *     count = 10
 *     name =
 *
 * A selection longer than fits on one line continues on indented lines; the line breaks are not
 * part of it. Unknown sections, and unknown keys inside a [score], are kept and written back.
 *
 * history.log holds one save_log record per finished quiz, ten tab-separated fields:
 *     1 <TAB> when <TAB> mode <TAB> count <TAB> total <TAB> right <TAB> asked <TAB> time_ms
 *       <TAB> name <TAB> selection
 * The leading "1" is the record version; records of other versions are skipped quietly.
 * (history_* functions live here because a history row is a ScoreEntry.) */
#ifndef QUIZDECK_HIGHSCORE_H
#define QUIZDECK_HIGHSCORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "diag.h"
#include "save.h"

enum {
    SCOREBOARD_ROWS = 10,           /* rows kept per selection */
    SCOREBOARD_SELECTION_MAX = 255, /* bytes in a selection key */
    SCOREBOARD_FILE_MAX = 4 * 1024 * 1024,
};

typedef struct ScoreEntry {
    long total;
    int right;
    int asked;
    uint64_t time_ms;
    time_t when;   /* UTC */
    char mode[16]; /* "timed", "untimed" or "relaxed" */
    int count;     /* questions asked (the --count setting; 0 = all) */
    char name[64]; /* "" for now; profiles come later */
} ScoreEntry;

typedef struct ScoreBoard ScoreBoard;

/* An empty board; NULL when out of memory. */
ScoreBoard *scoreboard_create(void);

/* Frees the board. Accepts NULL. */
void scoreboard_destroy(ScoreBoard *b);

/* Replaces the board's contents with the scores file at `path`. A missing file is an empty
 * board. A damaged file (a line that is not INI, a row with a bad or missing value): the
 * sound rows are kept, each problem is a `path:line: warning:`, and the file is set aside as
 * `path.YYYY-MM-DDTHHMMSS.bad` (UTC from `now`) with a warning naming it (`report`, may be
 * NULL, says so). Returns false when the file could not be read or set aside; the board then
 * refuses to save over it. */
bool scoreboard_load(ScoreBoard *b, const SaveIo *io, const char *path, time_t now, DiagList *diags,
                     LoadReport *report);

/* Writes the board to `path` atomically (creating its folder), keeping unknown sections and
 * keys. False with `e` filled on failure; the old file is then unchanged. */
bool scoreboard_save(const ScoreBoard *b, const SaveIo *io, const char *path, SaveError *e);

/* Orders two results: negative when `a` ranks above `b`. Higher total first, then higher
 * accuracy (right / asked), then less time, then the earlier date. 0 when all are equal. */
int scoreboard_compare(const ScoreEntry *a, const ScoreEntry *b);

/* True when `selection` can be a table key: 1 to SCOREBOARD_SELECTION_MAX bytes of UTF-8
 * without control characters, surrounding spaces or a ';' after a space. */
bool scoreboard_selection_ok(const char *selection);

/* True when `e` is a result the board accepts: 0 <= right <= asked, count >= 0, a known mode,
 * a name of plain text (no control characters or surrounding spaces). */
bool scoreboard_entry_ok(const ScoreEntry *e);

/* Adds a result to the table of `selection` (the UI's opaque key, e.g.
 * "packs=csto-bodies;topic=;count=10;mode=timed"). Returns its 1-based rank, 0 when it did not
 * make the top SCOREBOARD_ROWS (an equal result already there ranks first), or -1 when the
 * selection or entry is invalid or memory ran out. */
int scoreboard_add(ScoreBoard *b, const char *selection, const ScoreEntry *e);

/* The rank `e` would get, without adding it (same results as scoreboard_add). */
int scoreboard_rank(const ScoreBoard *b, const char *selection, const ScoreEntry *e);

/* Fills `out` with up to `max` rows of `selection`, best first. The pointers are borrowed from
 * the board: valid until it changes. Returns how many were filled (0 for an unknown one). */
int scoreboard_get(const ScoreBoard *b, const char *selection, const ScoreEntry **out, int max);

/* The number of selections with a table, and the i-th of them (in the order first seen;
 * borrowed, valid until the board changes; NULL when i is out of range). */
size_t scoreboard_selection_count(const ScoreBoard *b);
const char *scoreboard_selection(const ScoreBoard *b, size_t i);

/* Appends one finished quiz to the history log at `path` (its folder is created). */
bool history_append(const SaveIo *io, const char *path, const char *selection,
                    const ScoreEntry *entry, SaveError *e);

/* Called for each history row, oldest first; `selection` and `entry` are borrowed for the
 * call. Return false to stop. */
typedef bool (*HistoryFn)(void *ctx, const char *selection, const ScoreEntry *entry, int line);

/* Reads the history log at `path` (missing = empty). Intact records that do not parse are
 * skipped with a `path:line: warning:`. Returns false only when the file could not be read. */
bool history_read(const char *path, HistoryFn fn, void *ctx, SaveLogStats *stats, DiagList *diags,
                  SaveError *e);

#endif
