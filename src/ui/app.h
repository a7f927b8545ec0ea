/* app.h - the one App struct that owns the window, renderer, fonts, sound, packs, settings,
 * scores and the quiz being played, and the functions screens call on it. No mutable globals:
 * everything shared lives here and is passed by pointer. */
#ifndef QUIZDECK_APP_H
#define QUIZDECK_APP_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/highscore.h"
#include "core/library.h"
#include "core/paths.h"
#include "core/profile.h"
#include "core/quiz.h"
#include "core/save.h"
#include "core/settings.h"
#include "ui/pads.h"
#include "ui/screen.h"
#include "ui/sound.h"
#include "ui/classroom_ui.h"
#include "ui/study.h"
#include "ui/text.h"

/* Exit codes of the game (main.c documents them in --help). */
enum {
    APP_EXIT_OK = 0,
    APP_EXIT_EXPECT_FAILED = 1, /* a script's expect line failed */
    APP_EXIT_USAGE = 2,         /* bad command line or a script with errors */
    APP_EXIT_NO_DATA = 3,       /* no pack could be loaded (terminal modes) */
    APP_EXIT_STARTUP = 4,       /* no window, renderer or font */
};

typedef struct AppOptions {
    int window_w, window_h; /* 0 = default */
    bool fullscreen;
    bool gpu;      /* --renderer gpu: an accelerated renderer */
    bool has_seed; /* --seed given */
    uint64_t seed;
    const char *script;      /* --script FILE */
    const char *profile;     /* --profile NAME */
    bool classroom;          /* --classroom: start in the classroom setup */
    int teams;               /* --teams N (2..8), 0 = the setup's default */
    int display;             /* --display N: the screen to open on (0-based), -1 = default */
    const char *results_dir; /* --results-dir DIR: where classroom results go */
    int bench_draw;          /* --bench-draw N: draw N frames of a 4K quiz screen, print timings */
    bool play;               /* --play: start a quiz at once */
    const char **packs;      /* --pack: ids or paths, for --play */
    int pack_count;
    const char *topic; /* --topic, for --play */
    int count;         /* --count, 0 = settings */
    bool untimed, relaxed;
} AppOptions;

typedef struct AppPaths {
    char data_dir[PATHS_MAX];    /* holds questions/ and assets/ */
    char user_config[PATHS_MAX]; /* $XDG_CONFIG_HOME/quizdeck ("" when unknown) */
    char user_packs[PATHS_MAX];  /* $XDG_DATA_HOME/quizdeck/packs ("" when unknown) */
    char user_data[PATHS_MAX];   /* $XDG_DATA_HOME/quizdeck */
    char settings[PATHS_MAX];    /* the profile's settings.ini (profile.h) */
    char scores[PATHS_MAX];      /* the profile's scores.ini */
    char history[PATHS_MAX];     /* user_data/history.log */
    char cwd[PATHS_MAX];
    char home[PATHS_MAX];     /* $HOME, shown as ~ in paths ("" when unset) */
    const char **extra_packs; /* paths named on the command line */
    int extra_count;
} AppPaths;

/* A clickable area of the current screen, named as scripts name it ("choice" 2, "button"
 * "next"). `index` is 1-based for numbered targets, 0 otherwise; `arg` names buttons. */
typedef struct Hotspot {
    const char *name;
    const char *arg;
    int index;
    SDL_Rect rect;
} Hotspot;

enum { HOT_MAX = 160, WARNINGS_MAX = 6, WARNING_LEN = 600 };

typedef struct Theme {
    SDL_Color bg, panel, panel_hi, text, dim, accent, right, wrong, warn, bar_bg, shadow;
    SDL_Color choice[8];
} Theme;

/* The quiz being played, with the player's answer in progress. */
typedef struct QuizRun {
    QuizSession *session;
    QuizConfig config;
    QuizPick *picks; /* the pool (owned), kept for "retry the missed ones" */
    int pick_count;
    char selection[256]; /* the high-score table's key */
    char label[256];     /* what was picked, for people */
    uint64_t question_start;
    uint64_t paused_total;
    uint64_t pause_start;
    bool paused;
    int last_tick; /* the last whole second a tick sound was played for */
    /* the answer being built */
    uint8_t picked;              /* multi: bits by screen position */
    int cursor;                  /* focused choice or order row, by screen position */
    bool show_cursor;            /* the player moved the focus with the keyboard: draw it */
    int order[PACK_CHOICES_MAX]; /* order: pack item index per row */
    bool grabbed;                /* order: the cursor's row moves with the arrows */
    int drag_row;                /* order: row being dragged, -1 when none */
    int drag_y;
    int rows_y0, row_h;    /* order: where the rows were drawn (for drops) */
    char composition[128]; /* text being composed in an input method */
    char typed[PACK_TEXT_MAX + 1];
    bool typed_full; /* the last text typed did not all fit: the field says so */
    /* the last answer */
    ScoreLine last;
    bool has_last;
    /* after the last question */
    QuizResult result;
    bool has_result;
    int rank; /* in the high-score table, 0 = not placed */
    uint64_t total_ms;
} QuizRun;

typedef struct ListState {
    int focus;
    int scroll;
} ListState;

typedef struct PickerState {
    int focus;        /* row with keyboard focus */
    int scroll;       /* first pack row shown */
    bool pack_on[64]; /* by live pack number (library order) */
    int pack_total;
    int topic; /* 0 = all topics, else 1 + index into topics */
    char topics[32][48];
    int topic_count;
    int count_index; /* index into the count steps */
} PickerState;

/* The profiles screen's state (screen_profiles.c). */

typedef struct ProfilesState {
    int mode;                     /* a ProfilesMode: list, packs, confirm */
    bool typing;                  /* the new-name field has the keyboard */
    bool follow;                  /* the next frame scrolls the focused row into view */
    char name[PROFILE_NAME_SIZE]; /* the name being typed */
    char name_error[300];         /* why the typed name was refused; "" when it was not */
    char message[1024];           /* what the last export, import or reset did; "" for none */
    bool message_failed;          /* that message reports a failure */
    char pack_id[48];             /* packs, confirm: the pack chosen */
    ListState packs;              /* focus and scroll of the pack list */
} ProfilesState;

struct App {
    AppOptions opt;
    AppPaths paths;
    SDL_Window *window;
    SDL_Renderer *renderer;
    TextCache *text;
    Sound *sound;
    Pads pads;
    Theme theme;
    int w, h;     /* render output in pixels (below the warnings banner while a screen draws) */
    int origin_y; /* where the screen's area starts: the banner's height, or 0 */
    float u;      /* one layout unit: 1 % of the output height */

    const Screen *screen;
    ScreenId screen_id;
    ScreenId pending;
    bool switching;
    ScreenId back_to; /* where settings, scores and problems return */
    bool dirty;
    bool quit;
    int exit_code;

    uint64_t now_ms;       /* monotonic milliseconds (virtual under a script) */
    bool virtual_clock;    /* a script moves the clock */
    int64_t epoch_base_ms; /* wall time (ms since 1970, UTC) at now_ms = 0 */
    uint64_t frames;

    Hotspot hot[HOT_MAX];
    int hot_count;
    int hover; /* hotspot under the mouse, -1 */
    bool mouse_down;
    int press_hot; /* hotspot pressed, -1 */
    int press_x, press_y;

    Library library;
    DiagList load_diags; /* problems of the last library load, for the problems screen */
    int problem_count;

    const SaveIo *io;
    Settings settings;
    ScoreBoard *scores;

    char warnings[WARNINGS_MAX][WARNING_LEN];
    int warning_count;

    char profile[PROFILE_NAME_SIZE]; /* the learner: "default" until one is picked */
    char profile_dir[PATHS_MAX];     /* user_data/profiles/<name> ("" when unknown) */
    StudyState study;
    ProfilesState profiles_state;
    ClassroomUi classroom; /* the classroom game (classroom_ui.h) */
    int title_due;         /* cards due today, shown on the title; -1 when unknown */
    int title_new;         /* new cards today's queue would bring */
    int64_t title_day;     /* the study day those were counted for */
    DeckStats *stats_data; /* the statistics screen's figures (owned by that screen) */

    QuizRun run;
    ListState title, results, scores_view, settings_view, problems, pause, cards_view, stats_view,
        profiles_view;
    PickerState picker;
};

/* Creates the window, renderer and fonts, reads settings, scores and packs. On a start-up
 * failure prints where it happened and SDL_GetError() and returns NULL. */
App *app_create(const AppOptions *opt, const AppPaths *paths);
void app_destroy(App *app);

/* Runs the event loop until the player quits; returns the exit code. */
int app_run(App *app);

/* Runs `--bench-draw`: draws frames of a quiz screen and prints timings. */
int app_bench_draw(App *app, int frames);

/* Asks for a switch to `id` after the current event. */
void app_switch(App *app, ScreenId id);
/* Something on screen changed: draw a new frame. */
void app_redraw(App *app);

/* Handles one SDL event (the loop and the script runner both call it). */
void app_handle_event(App *app, const SDL_Event *ev);
/* Moves time to `now_ms`: timers, sounds, pending switches. Returns true while animating. */
bool app_update(App *app, uint64_t now_ms);
/* Lays out and draws a frame if something changed (or `force`); presents it unless `present`
 * is false (screenshots read the pixels first). */
void app_draw(App *app, bool force);
void app_present(App *app);

/* Adds a warning shown in a banner until dismissed (and printed on stderr). */
void app_warn(App *app, const char *fmt, ...) SDL_PRINTF_VARARG_FUNC(2);
void app_dismiss_warning(App *app);

/* Saves settings now, reporting a failure as a warning. */
void app_save_settings(App *app);
/* Switches to profile `name` (creating its folder): its settings and high scores are loaded
 * and the choice is remembered for the next start. False with a warning for an invalid name. */
bool app_set_profile(App *app, const char *name);

/* At start: the profile `wanted` (NULL: the one used last, else "default"). */
void app_load_last_profile(App *app, const char *wanted);

/* (Re)reads the profile's settings and high scores (after a profile switch). */
void app_reload_user_files(App *app);

/* The ids of the packs named with --pack, comma-separated, into `out`; a name that is no pack
 * gets a warning. False when none was named or found. */
bool app_named_packs(App *app, char *out, size_t size);

/* Reloads every pack from disk (Ctrl+R). */
void app_reload_packs(App *app);
void app_set_fullscreen(App *app, bool on);
/* True while the window fills the screen (F11, --fullscreen or --display). */
bool app_is_fullscreen(const App *app);
void app_toggle_mute(App *app);

/* `path` as people see it: the home folder written as ~. */
void app_short_path(const App *app, const char *path, char *out, size_t size);

/* Wall-clock time in seconds (virtual under a script), for dates in saved files. */
int64_t app_wall_time(const App *app);

/* Hotspots: cleared before each frame is drawn; screens add theirs while drawing. */
void app_hot_add(App *app, const char *name, const char *arg, int index, SDL_Rect rect);
int app_hot_find(const App *app, const char *name, const char *arg, int index);
int app_hot_at(const App *app, int x, int y);
/* True while drawing when one of the next `count` hotspots to be added is under the mouse:
 * hotspots are rebuilt every frame in the same order, so they get the last frame's indices. */
bool app_hot_hovered(const App *app, int count);

/* The value of a state field for scripts' expect lines ("screen", "score", ...). Writes "" and
 * returns false for an unknown field. */
bool app_state(const App *app, const char *field, char *out, size_t size);

/* Quiz flow (play.c). */
bool play_start(App *app, const QuizPick *picks, int count, const char *selection,
                const char *label);
bool play_start_from_settings(App *app);
bool play_retry_missed(App *app);
void play_submit(App *app);               /* the answer built so far */
void play_choose(App *app, int position); /* single/truefalse: answer now; multi: toggle */
void play_skip(App *app);
void play_next(App *app); /* from feedback */
void play_pause(App *app, bool on);
void play_abandon(App *app);
uint32_t play_elapsed(const App *app);
int play_remaining_ms(const App *app); /* -1 when untimed */
bool play_update(App *app, uint64_t now);
void play_end(App *app);

#endif
