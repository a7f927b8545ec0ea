/* classroom_ui.h - the classroom game as the window runs it: the setup the teacher chose, the
 * game in progress, where its state and results are saved, and what the presentation shows.
 * The rules live in core/classroom.h; this module only feeds it input and time. */
#ifndef QUIZDECK_CLASSROOM_UI_H
#define QUIZDECK_CLASSROOM_UI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/classroom.h"
#include "core/paths.h"

typedef struct App App;

enum {
    CLASS_UI_KEYPADS = 2, /* the keyboard stands in for two answer pads */
    CLASS_UI_RESULTS_MAX = 4096,
    CLASS_UI_NOTICE_MS = 2500,     /* how long a short notice ("not your turn") stays */
    CLASS_UI_SAVE_EVERY_MS = 5000, /* saves while a timer runs */
};

/* The overlay in front of the presentation. */
typedef enum ClassMenu {
    CLASS_MENU_NONE,
    CLASS_MENU_OPEN,    /* Resume / Leave for now / End the game */
    CLASS_MENU_CONFIRM, /* "End the game?" */
    CLASS_MENU_COUNT
} ClassMenu;

typedef struct ClassroomUi {
    ClassConfig config; /* the setup screen's choices */
    ClassGame *game;    /* NULL when no game runs; owned */
    QuizPick *picks;    /* the pool the game was built from (owned; packs borrowed) */
    int pick_count;
    bool black; /* B or '.': the screen is black */
    bool help;  /* H or ?: the help overlay */
    ClassMenu menu;
    int menu_focus;
    bool menu_paused; /* opening the menu paused the timer; closing it restarts it */

    /* setup screen */
    char packs[512];             /* comma-separated pack ids, "" = every pack */
    char topic[64];              /* "" = every topic */
    char results_dir[PATHS_MAX]; /* chosen in the setup ("" = the default folder) */
    int focus;                   /* focused setup row */
    int editing;                 /* setup row whose text is being typed, -1 when none */
    char edit[PATHS_MAX];        /* the text being typed */
    bool edit_fresh;             /* nothing typed yet: the old text goes at the first key */
    bool edit_full;              /* the last text typed did not all fit */
    bool setup_loaded;           /* the remembered setup was read */
    bool has_saved;              /* a saved game can be resumed */
    char saved_when[64];         /* when it was saved, for people */

    /* the game on screen */
    int keypad_team[CLASS_UI_KEYPADS]; /* team each keyboard pad answers for, -1 none */
    int team_cursor;                   /* pads mode: the team the teacher enters an answer for */
    uint8_t marks;                     /* a multi answer being entered, by screen position */
    bool typing;                       /* the teacher types a text, number or order answer */
    char typed[CLASS_TEXT_MAX + 1];
    bool typed_full; /* the last text typed did not all fit */
    char notice[160]; /* a short message ("Team 2 has answered") */
    uint64_t notice_until;
    int last_second; /* the last whole second a tick sound was played for */
    ClassStep shown_step;
    int shown_position;
    int summary_page;    /* the end summary's page, from 0 */
    bool save_warned;    /* a failed state save was reported (once per game) */
    bool save_blocked;   /* an earlier game's file could not be kept aside: never written over */
    uint64_t saved_ms;   /* when the state was last saved (it is saved every few seconds while
                            a timer runs, so a power cut loses little of it) */
    bool results_done;   /* results written for the current end of the game */
    bool results_failed; /* neither folder could be written */
    bool results_fell_back;
    char results[CLASS_UI_RESULTS_MAX]; /* the per-game CSV written */
    char summary[CLASS_UI_RESULTS_MAX]; /* the per-question CSV written */
} ClassroomUi;

/* Frees the game. Accepts a never-started ClassroomUi. */
void classroom_ui_free(App *app);

/* Reads the remembered setup (once) and the command line's --teams, and looks for a saved
 * game. Called when the setup screen opens. */
void classroom_ui_prepare(App *app);

/* Writes the setup the teacher chose, for next time. Failures are warned about. */
void classroom_ui_save_setup(App *app);

/* Starts a game with the setup's choices over its packs and topic; switches to the
 * presentation. False with a warning when nothing can be asked. */
bool classroom_ui_start(App *app);

/* Resumes the saved game (paused where it was); switches to the presentation. False with a
 * warning when it cannot be restored. */
bool classroom_ui_resume(App *app);

/* Saves the game's state now (after every step and answer). Failures are warned once. */
void classroom_ui_save(App *app);

/* The game is over or abandoned: writes the results (when `results`), forgets the state file
 * and frees the game. */
void classroom_ui_end(App *app, bool results);

/* Writes the results of the game on screen (at the podium); remembers where they went. */
void classroom_ui_write_results(App *app);

/* The state file and the default results folder (empty strings when unknown). */
void classroom_ui_state_path(const App *app, char *out, size_t size);
void classroom_ui_default_results(const App *app, char *out, size_t size);

/* What the pool of the setup holds: questions available for the packs and topic chosen, and a
 * label for people ("All packs", "CSTO members · founding"). */
int classroom_ui_pool(const App *app, QuizPick *picks, int cap, char *label, size_t label_size);

/* The pad slot that belongs to `team` (team t holds pad number t + 1). */
int classroom_ui_team_pad(const App *app, int team);

/* The value of a classroom state field for scripts ("class.step", "class.team1.total", ...).
 * Writes "" and returns false when `field` is not a classroom field. */
bool classroom_ui_state(const App *app, const char *field, char *out, size_t size);

#endif
