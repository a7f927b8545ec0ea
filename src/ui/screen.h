/* screen.h - a screen is a table of functions the app calls; one screen_*.c per screen.
 * Screens never switch themselves: they ask the app (app_switch), which does it between events. */
#ifndef QUIZDECK_SCREEN_H
#define QUIZDECK_SCREEN_H

#include <stdbool.h>
#include <stdint.h>

#include "ui/input.h"

typedef struct App App;

typedef enum ScreenId {
    SCREEN_TITLE,
    SCREEN_PICKER,
    SCREEN_QUIZ,
    SCREEN_FEEDBACK,
    SCREEN_PAUSE,
    SCREEN_RESULTS,
    SCREEN_SCORES,
    SCREEN_SETTINGS,
    SCREEN_PROBLEMS,
    SCREEN_CARDS,
    SCREEN_STATS,
    SCREEN_PROFILES,
    SCREEN_CLASS_SETUP,
    SCREEN_CLASSROOM,
    SCREEN_COUNT
} ScreenId;

typedef struct Screen {
    const char *name; /* as scripts see it: "title", "quiz", ... */
    /* the key map used while this screen is shown (after the app's global keys) */
    const KeyBinding *keys;
    int key_count;
    void (*enter)(App *app);
    void (*leave)(App *app);
    /* a command from the key map, a click on a hotspot, typed text */
    void (*command)(App *app, const Command *cmd);
    /* moves time on; returns true while something moves (a countdown, an animation), so the
     * loop keeps ticking. May be NULL. */
    bool (*update)(App *app, uint64_t now_ms);
    /* draws the screen and registers its hotspots (app_hot_add): clicks and scripts hit what
     * the last frame showed */
    void (*draw)(App *app);
    /* true while a text field has focus: no single-key shortcut fires. May be NULL. */
    bool (*text_focus)(const App *app);
    /* true: pad buttons arrive as CMD_PAD_BUTTON; false: the d-pad moves, A confirms, B goes
     * back, X toggles and Start pauses, like the keys */
    bool raw_pads;
} Screen;

/* The screen table, indexed by ScreenId. */
const Screen *screen_get(ScreenId id);
ScreenId screen_from_name(const char *name);

extern const Screen screen_title, screen_picker, screen_quiz, screen_feedback, screen_pause,
    screen_results, screen_scores, screen_settings, screen_problems, screen_cards, screen_stats,
    screen_profiles, screen_class_setup, screen_classroom;

#endif
