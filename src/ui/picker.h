/* picker.h - private to the picker (screen_picker.c, picker_model.c, picker_view.c): the rows,
 * the layout and the functions they share. Nothing else includes it. */
#ifndef QUIZDECK_PICKER_H
#define QUIZDECK_PICKER_H

#include <stdbool.h>

#include "ui/app.h"

/* Rows below the packs, in focus order. The focus runs over the pack rows (0 .. pack_total-1),
 * then over these (pack_total + option). */
typedef enum PickerOption {
    OPTION_TOPIC,
    OPTION_QUESTIONS,
    OPTION_TIMER,
    OPTION_SCORING,
    OPTION_START, /* the Start button: a focus stop, not a value */
    OPTION_COUNT
} PickerOption;

enum { VALUE_ROWS = OPTION_START }; /* rows drawn as label + value */

/* picker_model.c: the rows and the choice, read from and written into app->picker and the
 * settings. */

/* The n-th live pack (0-based, library order), or NULL. Borrowed from the library. */
const LibraryEntry *picker_live_entry(const Library *lib, int n);

/* How many pack rows are checked. */
int picker_checked_count(const PickerState *p);

/* The chosen topic, or "" for all topics. Borrowed from `p`. */
const char *picker_current_topic(const PickerState *p);

/* Questions of the checked packs that match the chosen topic. */
int picker_matching_questions(const App *app);

/* The chosen number of questions (SETTINGS_COUNT_MAX means all of them). */
int picker_current_count(const App *app);

/* Fills the rows from the library and the settings. */
void picker_rebuild(App *app);

/* Ctrl+R empties the rows (pack_total = 0): fills them again before they are used. */
void picker_ensure_rows(App *app);

/* Checks or unchecks pack row `n` (ignored when out of range), keeping the topic if it can. */
void picker_toggle_pack(App *app, int n);

/* Checks every pack, or none when all are checked already. */
void picker_toggle_all(App *app);

/* Moves a value row: `dir` -1 or +1 steps that way (the count stops at its ends, the topic
 * wraps around); 0 cycles forward, wrapping (Space, or a click on the row). */
void picker_change_option(App *app, PickerOption option, int dir);

/* Writes the choice into the settings, saves them and starts the quiz; with no pack checked it
 * only moves the focus to the first pack. */
void picker_start(App *app);

/* picker_view.c: where things go, and drawing them. */

/* Where everything goes; pure arithmetic on the layout unit, so commands can use it too. */
typedef struct PickerLayout {
    int x, w;        /* the content column */
    SDL_Rect header; /* "Packs" with All / none and the scroll arrows */
    int list_y;      /* first pack row */
    int row_h, gap;  /* pack and value rows */
    int visible;     /* pack rows that fit */
    int opt_y;       /* first value row */
    SDL_Rect bar;    /* Back, status, Start */
} PickerLayout;

/* Fills `l` for the current window size. */
void picker_layout(const App *app, PickerLayout *l);

/* Keeps the pack scroll within the rows that exist and fit. */
void picker_clamp_scroll(App *app);

/* The value row whose hotspot argument ("topic", "count", ...) is `arg`, or -1 (also for NULL). */
int picker_option_from_arg(const char *arg);

/* Draws the screen and adds its hotspots. */
void picker_draw(App *app);

#endif
