/* study.h - a flashcard session as the window runs it: the packs' progress, today's queue (or
 * a cram queue), the card shown, flipping, grading, undo and suspending. Screens call these;
 * only this file talks to the deck and progress modules. */
#ifndef QUIZDECK_STUDY_H
#define QUIZDECK_STUDY_H

#include <stdbool.h>
#include <stdint.h>

#include "core/deck.h"
#include "core/progress.h"

enum { STUDY_UNDO_MAX = 64, STUDY_SOURCES_MAX = 64 };

typedef struct StudyState {
    bool active;
    bool cram;      /* studying a topic now; the schedule is not touched */
    char topic[64]; /* cram topic, "" = all */
    DeckSource sources[STUDY_SOURCES_MAX];
    ProgressFile progress[STUDY_SOURCES_MAX];
    int source_count;
    DeckQueue queue;
    size_t pos; /* the card shown: queue.items[pos]; pos == count when done */
    bool flipped;
    bool flipping;       /* the flip animation runs */
    uint64_t flip_start; /* when it began (app clock) */
    DeckUndo undo[STUDY_UNDO_MAX];
    size_t undo_pos[STUDY_UNDO_MAX];    /* where each graded card stood in the queue */
    bool undo_requeued[STUDY_UNDO_MAX]; /* cram: an Again put a copy at the end */
    bool undo_again[STUDY_UNDO_MAX];    /* the grade was Again */
    int undo_count;
    int reviewed; /* grades given in this session (minus undone) */
    int again;    /* of those, Again */
    char warning[300];
} StudyState;

typedef struct App App;

/* Starts a session on the packs of the current selection (settings.packs; all when empty):
 * today's queue, or with `cram`, every card of `topic` ("" = all) in a seeded order. Loads and
 * reconciles each pack's progress; problems become warnings. Switches to the cards screen.
 * False when no pack is loaded or no profile folder can be used. */
bool study_start(App *app, bool cram, const char *topic);

/* Ends the session and frees what it holds. */
void study_end(App *app);

/* The card shown, with its pack; NULL when the session is done. */
const Question *study_question(const App *app, const Pack **pack);

/* Cards left: due ones and new ones, the shown one included. */
void study_left(const App *app, int *due, int *fresh);

/* Flips the shown card (back to front too). */
void study_flip(App *app);

/* The interval in days each rating would give the shown card: [0] Again ... [3] Easy. Cram
 * gives zeros (nothing is scheduled). */
void study_preview(const App *app, int intervals[4]);

/* Grades the shown card and moves on: saves its progress and logs the review (not in cram).
 * False (with a warning) when saving failed; the card then stays. */
bool study_grade(App *app, FsrsRating rating);

/* Takes the last grade back: the card returns and its progress is restored. */
bool study_undo(App *app);

/* Suspends the shown card (it leaves every queue until unsuspended) and moves on. */
bool study_suspend(App *app);

/* The flip animation's progress 0..1 (1 when settled or with reduce motion). */
double study_flip_progress(const App *app);

/* Today's numbers for the selected packs without starting a session: cards due and new cards
 * the queue would hold. False when nothing could be loaded. */
bool study_today(App *app, int *due, int *fresh);

/* Loads every live pack's progress and the review log (read-only) and counts them. */
bool study_stats(App *app, DeckStats *out);

/* Quiz answers feeding the scheduler (settings.quiz_feeds): right = Good, wrong = Again. */
void study_feed_quiz(App *app, const Pack *pack, const Question *q, bool right);

/* The deck settings from the player's settings. */
void study_config(const App *app, DeckConfig *cfg);

#endif
