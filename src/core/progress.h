/* progress.h - a learner's progress in one pack: the scheduler state of every question seen,
 * kept in $DATA/profiles/<name>/progress/<pack-id>.ini, and the review log beside it.
 * Pure C; never prints, never reads a clock (callers pass `now`). A damaged file is set aside,
 * never overwritten; every sound card in it is kept.
 *
 * The progress file, annotated (progress_save writes no comments):
 *
 *     version = 1                     ; before any section: the file's own keys
 *     pack = csto-members
 *
 *     [armenia-freeze]                ; one section per question id, keyed by id only
 *     revision = 2                    ; the question's revision when last reviewed (required)
 *     stability = 12.345600           ; days, finite, 0..1000000
 *     difficulty = 5.250000           ; 1..10 (0 only for a card never reviewed)
 *     reps = 4
 *     lapses = 1
 *     last_review = 2026-11-29T10:15:00Z   ; UTC; absent for a card never reviewed
 *     due = 2026-12-11T03:00:00Z      ; UTC: the start of the study day it is due
 *     scheduled_days = 12
 *     suspended = off
 *     leech = off
 *     first_seen = 2026-11-20T18:02:11Z    ; first review; absent when never reviewed
 *
 * Dates must lie in 2000..2199. A section whose values are not sound (negative or NaN
 * stability, difficulty outside [1, 10], a date outside that range, a number that does not
 * parse, a repeated question id) is dropped with a `path:line: warning:` and the file is set
 * aside as `.bad`, since it was not read in full; the sound cards are kept and saved anew.
 * Keys and sections this version does not know (including sections that are not question
 * ids) are kept as they are and written back.
 *
 * The review log, `$DATA/profiles/<name>/reviews.log`, is a save.h log (one CRC-checked record
 * a line, appended, never rewritten). A record is ten tab-separated fields:
 *
 *     1  time  pack  question  rating  elapsed_days  interval_days  stability  difficulty  prev
 *
 * `1` is the record version; time is ISO UTC; rating is 1..4 (Again, Hard, Good, Easy) or
 * `undo` (the last review of that question was taken back: interval, stability and difficulty
 * then give the state restored, elapsed is 0 and `prev` is the interval taken back); stability and
 * difficulty are the card's values after the review; `prev` is the interval in days the card had
 * before the review, -1 when it was new. */
#ifndef QUIZDECK_PROGRESS_H
#define QUIZDECK_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "diag.h"
#include "fsrs.h"
#include "inidoc.h"
#include "pack.h"
#include "save.h"

enum { PROGRESS_VERSION = 1 };

/* Largest progress file read; a bigger one counts as damaged. */
#define PROGRESS_FILE_MAX ((size_t)16 * 1024 * 1024)

/* Oldest and newest dates accepted in a progress file: 2000-01-01 and 2200-01-01 (UTC). */
#define PROGRESS_TIME_MIN ((int64_t)946684800)
#define PROGRESS_TIME_MAX ((int64_t)7258118400)

typedef struct ProgressCard {
    char id[PACK_ID_MAX + 1]; /* the question id */
    FsrsCard fsrs;            /* fsrs.last_review == 0: never reviewed */
    int revision;             /* the question's revision when last reviewed */
    int64_t due;              /* epoch s UTC; 0 when never reviewed */
    bool suspended;
    bool leech;
    int64_t first_seen; /* epoch s UTC of the first review; 0 when never reviewed */
    bool vanished;      /* set by progress_reconcile: the pack has no such question now */
    long rec;           /* the record of ProgressFile.doc it was read from (unknown keys), or -1 */
} ProgressCard;

typedef struct ProgressFile {
    char pack_id[PACK_ID_MAX + 1];
    ProgressCard *cards; /* owned; in file order, new cards appended */
    size_t count;
    size_t cap;
    IniDoc *doc;       /* owned: the file as read, for unknown keys and sections; may be NULL */
    bool save_blocked; /* a damaged file could not be set aside: saving would destroy it */
    /* progress_find's index (owned, private): open addressing, card index + 1 per slot, 0 for
     * empty; covers cards[0 .. indexed). Not to be copied with the struct. */
    size_t *slots;
    size_t slot_cap;
    size_t indexed;
} ProgressFile;

/* An empty progress for `pack_id` (copied; cut to PACK_ID_MAX). */
void progress_init(ProgressFile *pf, const char *pack_id);

/* Frees what `pf` owns and empties it (the pack id stays). Accepts NULL. */
void progress_free(ProgressFile *pf);

/* True when `c` was never reviewed. */
bool progress_card_is_new(const ProgressCard *c);

/* The card for question `id`, or NULL. Borrowed from `pf`: valid until a card is added. */
ProgressCard *progress_find(ProgressFile *pf, const char *id);
const ProgressCard *progress_find_const(const ProgressFile *pf, const char *id);

/* Adds a new, never-reviewed card for `id` (which must be a valid question id and not yet in
 * `pf`) with `revision`. Returns it (borrowed as above), or NULL when out of memory or invalid. */
ProgressCard *progress_add(ProgressFile *pf, const char *id, int revision);

/* Removes the card for `id` (its unknown keys go with it). True when there was one. */
bool progress_remove(ProgressFile *pf, const char *id);

/* Checks a card's values (the rules above). NULL when sound, else the name of the bad field. */
const char *progress_card_problem(const ProgressCard *c);

/* Loads `path` into `pf` (initialised; what it held is freed first; its pack id is kept).
 * - missing file: empty progress, no diagnostic, returns true;
 * - lines that are not INI or sections that are not sound: every sound card is kept, each
 *   problem is a `path:line: warning:`, the file is set aside as `path.YYYY-MM-DDTHHMMSS.bad`
 *   with a warning naming it; `report` (may be NULL) says so. Returns true.
 *   A `pack =` naming another pack is a warning too (the cards are still read).
 * - the file cannot be read or cannot be set aside: a warning, pf->save_blocked is set so that
 *   progress_save will not overwrite it, returns false. */
bool progress_load(ProgressFile *pf, const SaveIo *io, const char *path, time_t now,
                   DiagList *diags, LoadReport *report);

/* Same as progress_load for `len` bytes in memory, with no setting aside: returns true only
 * when every line and every card was sound (`diags` says what was not). */
bool progress_parse(ProgressFile *pf, const char *path, const char *data, size_t len,
                    DiagList *diags);

/* The file progress_save would write, malloc'ed and NUL-terminated (length in *len, may be
 * NULL); NULL when out of memory or a kept value cannot be written. */
char *progress_format(const ProgressFile *pf, size_t *len);

/* Writes `pf` to `path` atomically, creating its folder, keeping unknown sections and keys.
 * Returns false with `e` filled on failure (the old file is unchanged). */
bool progress_save(const ProgressFile *pf, const SaveIo *io, const char *path, SaveError *e);

/* Matches `pf` to the pack as it is now. A card whose question's revision changed is reset to
 * a new card of the new revision (suspension kept) with a note in `diags` (may be NULL); a card
 * whose question is gone is marked `vanished` and kept, so that putting the question back
 * restores it. Returns the number of cards reset. */
int progress_reconcile(ProgressFile *pf, const Pack *pack, DiagList *diags);

/* `profile_dir/progress/<pack_id>.ini` and `profile_dir/reviews.log`. False when it does not
 * fit or the pack id is not valid. */
bool progress_file_path(char *out, size_t size, const char *profile_dir, const char *pack_id);
bool progress_log_path(char *out, size_t size, const char *profile_dir);

/* ---- the review log ---- */

enum { PROGRESS_RATING_UNDO = 0 };

typedef struct ProgressLogEntry {
    int64_t time;
    char pack[PACK_ID_MAX + 1];
    char question[PACK_ID_MAX + 1];
    int rating; /* 1..4, or PROGRESS_RATING_UNDO */
    int elapsed_days;
    int interval_days;
    double stability;
    double difficulty;
    int prev_interval; /* -1: the card was new */
    bool undone;       /* set by progress_log_read: a later undo record took this review back */
} ProgressLogEntry;

/* Appends one record for `entry` to the log at `path` (its folder is created). */
bool progress_log_append(const SaveIo *io, const char *path, const ProgressLogEntry *entry,
                         SaveError *e);

/* Formats `entry` as a log record into `out`. False when it does not fit or is not valid. */
bool progress_log_format(const ProgressLogEntry *entry, char *out, size_t size);

/* Parses a record written by progress_log_format. False for anything else (or another
 * record version). */
bool progress_log_parse(const char *record, ProgressLogEntry *out);

typedef struct ProgressLog {
    ProgressLogEntry *entries; /* owned, in file order, undo records included */
    size_t count;
    size_t cap;
} ProgressLog;

/* Reads every intact record of the log at `path` into `log` (emptied first). Records that
 * are intact but do not parse get a `path:line: warning:` and are skipped; a torn last line
 * (an interrupted append) is skipped quietly. Each review taken back by a later undo record of
 * the same pack and question is marked `undone`. A missing file is an empty log. Returns false
 * only when the file could not be read (`e`) or memory ran out. */
bool progress_log_read(const char *path, ProgressLog *log, SaveLogStats *stats, DiagList *diags,
                       SaveError *e);

/* Frees the entries. Accepts NULL. */
void progress_log_free(ProgressLog *log);

#endif
