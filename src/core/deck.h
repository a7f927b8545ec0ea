/* deck.h - the daily study session on top of FSRS: which cards are due today and in what
 * order, how many new cards to add, grading and undoing a review, leeches, cram (study a topic
 * now without touching the schedule) and the counts for a statistics screen.
 * Pure C; never prints, never reads a clock: `now` (epoch s UTC) is an argument. Only
 * deck_grade and deck_undo write files (through save.h).
 *
 * The queue of a day (deck_build), for study day `today` (day.h, starting at day_start_hour):
 *   1. due cards: reviewed, not suspended, question still in the pack with the same revision,
 *      due study day <= today. Most overdue first, meaning lowest FSRS retrievability today
 *      (recall probability after the days elapsed); ties by more days past due, then pack
 *      order. At most review_cap of them.
 *   2. then new cards in pack order (packs in the order given), up to new_per_day minus the new
 *      cards already introduced today (cards whose first_seen falls on today).
 * Leeches (lapses >= leech_lapses) are still studied but flagged; suspended cards and cards
 * whose question is gone are not studied. */
#ifndef QUIZDECK_DECK_H
#define QUIZDECK_DECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fsrs.h"
#include "pack.h"
#include "progress.h"
#include "save.h"

typedef struct DeckConfig {
    int new_per_day;    /* default 20; 0 = no new cards */
    int review_cap;     /* default 200: most due cards in a day */
    int day_start_hour; /* default 4 (day.h) */
    int leech_lapses;   /* default 8: lapses that make a card a leech */
} DeckConfig;

/* Fills `cfg` with the defaults above. */
void deck_config_default(DeckConfig *cfg);

/* One pack and its progress, both borrowed for the call they are passed to. The progress
 * must have been matched to the pack with progress_reconcile. */
typedef struct DeckSource {
    const Pack *pack;
    ProgressFile *progress;
} DeckSource;

typedef struct DeckItem {
    size_t source; /* index into the sources */
    int question;  /* index into that pack's questions */
    bool is_new;   /* never reviewed */
    bool leech;    /* flagged as a leech */
    int overdue;   /* study days past due (0 for new or due today) */
    double recall; /* retrievability today; 1 for a new card */
} DeckItem;

typedef struct DeckQueue {
    DeckItem *items; /* owned */
    size_t count;
    size_t cap;
    int due_total; /* due cards before the cap */
    int new_today; /* new cards already introduced today */
} DeckQueue;

/* Frees the items. Accepts NULL. */
void deck_queue_free(DeckQueue *q);

/* Builds today's queue (see above) into `q` (emptied first). False when out of memory. */
bool deck_build(DeckQueue *q, const DeckSource *sources, size_t source_count, const DeckConfig *cfg,
                const FsrsParams *params, int64_t now);

/* Cram: every question of `topic` (NULL or "" = every question) that is not suspended, in
 * one fixed order for `seed` (the same seed, the same order). Never calls the scheduler and
 * never changes progress: grade nothing from this queue with deck_grade. */
bool deck_cram(DeckQueue *q, const DeckSource *sources, size_t source_count, const char *topic,
               uint64_t seed);

/* Where deck_grade and deck_undo write. */
typedef struct DeckStore {
    const SaveIo *io;
    const char *profile_dir; /* progress/<pack>.ini and reviews.log below it (progress.h) */
} DeckStore;

/* What deck_undo needs to take back one review. */
typedef struct DeckUndo {
    bool valid;
    char pack[PACK_ID_MAX + 1];
    char question[PACK_ID_MAX + 1];
    bool existed;        /* the card had a record before the review */
    ProgressCard before; /* its state then */
} DeckUndo;

typedef enum DeckResult {
    DECK_OK,
    DECK_LOG_FAILED,  /* progress saved, but the review log could not be appended (`e`) */
    DECK_SAVE_FAILED, /* nothing changed: the progress could not be saved (`e`) */
    DECK_INVALID,     /* a bad rating, an undo that does not fit, or out of memory */
    DECK_RESULT_COUNT
} DeckResult;

/* Applies `rating` to question `q` of `pf`'s pack: elapsed study days since the last review
 * (day.h), fsrs_review, last_review = now, due = the start of study day today + interval,
 * first_seen set on the first review, leech set once lapses >= cfg->leech_lapses (it stays set).
 * Then saves the progress file (atomically) and appends the review to the log. On success
 * *undo (may be NULL) holds what deck_undo needs. `fuzz_seed` goes to fsrs_review. On
 * DECK_SAVE_FAILED or DECK_INVALID `pf` is as it was. */
DeckResult deck_grade(const DeckStore *store, const FsrsParams *params, const DeckConfig *cfg,
                      ProgressFile *pf, const Question *q, FsrsRating rating, int64_t now,
                      uint64_t fuzz_seed, DeckUndo *undo, SaveError *e);

/* Takes back the review in `undo`: appends an `undo` record to the log (the log is never
 * rewritten), then restores the card as it was before the review (removing it when it had no
 * record) and saves the progress file. DECK_OK, or DECK_SAVE_FAILED with `pf` as it was: when
 * the log could not be appended nothing changed and `undo` can be tried again; when only the
 * progress could not be saved, the log already takes the review back while the progress keeps
 * it, and `undo` is used up so that no second record takes back an older review. */
DeckResult deck_undo(const DeckStore *store, ProgressFile *pf, DeckUndo *undo, int64_t now,
                     SaveError *e);

/* ---- statistics ---- */

enum { DECK_FORECAST_DAYS = 30, DECK_HISTORY_DAYS = 30, DECK_RETENTION_WEEKS = 12 };
enum { DECK_MATURE_DAYS = 21 };

typedef struct DeckTopicStat {
    const char *topic; /* borrowed from a pack */
    int reviews;
    int passed; /* not rated Again */
} DeckTopicStat;

typedef struct DeckStats {
    int new_cards; /* questions never reviewed (suspended ones not counted) */
    int learning;  /* reviewed, interval < 21 days */
    int mature;    /* interval >= 21 days */
    int suspended;
    int leeches;
    int vanished;                     /* progress kept for questions no longer in their pack */
    int forecast[DECK_FORECAST_DAYS]; /* [0] due today (overdue included), [i] in i days */
    int reviews_per_day[DECK_HISTORY_DAYS];   /* [0] today, [i] i study days ago */
    int mature_reviews[DECK_RETENTION_WEEKS]; /* [0] the last 7 study days, [1] the 7 before */
    int mature_passed[DECK_RETENTION_WEEKS];  /* of those, not rated Again: true retention */
    DeckTopicStat *topics;                    /* owned; in order of first appearance */
    size_t topic_count;
} DeckStats;

/* Counts everything above from the sources and the review log (reviews taken back by undo
 * are not counted; only reviews of the given packs count). False when out of memory. Free
 * with deck_stats_free. */
bool deck_stats(DeckStats *st, const DeckSource *sources, size_t source_count,
                const ProgressLog *log, const DeckConfig *cfg, int64_t now);

void deck_stats_free(DeckStats *st);

#endif
