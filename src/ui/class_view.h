/* class_view.h - the classroom presentation's pieces, shared by the class_*.c files and the two
 * classroom screens: the high-contrast theme, team badges, each step's drawing, the overlays,
 * and turning keys and pad buttons into game input. Only screens call these. */
#ifndef QUIZDECK_CLASS_VIEW_H
#define QUIZDECK_CLASS_VIEW_H

#include <SDL.h>
#include <stdbool.h>

#include "ui/app.h"
#include "ui/draw.h"

/* The presentation's colours: near-black ground, white text (contrast above 7:1 for every text
 * colour on `bg` and `panel`), and one colour and shape per team. */
typedef struct ClassTheme {
    SDL_Color bg, panel, panel_hi, text, dim, accent, right, wrong, warn, bar_bg, ink;
    SDL_Color team[CLASS_TEAMS_MAX];
} ClassTheme;

/* The theme, colours, shapes and sizes (class_theme.c). */
const ClassTheme *class_theme(void);
Shape class_team_shape(int team);
Shape class_choice_shape(int pos);
SDL_Color class_choice_color(int pos);

/* Sizes: n % of the output height (at least 1 px). */
int class_u(const App *app, float n);

/* The question's text sizes: never below 3.5 % of the height, up to 9 %. */
int class_min_text(const App *app);
int class_max_text(const App *app);

/* Drawing widgets (class_widgets.c). */

/* A team's name as the font can show it: characters it has no glyph for (an emoji) are left
 * out on screen (files keep them); "Team N" when nothing is left. */
void class_team_label(App *app, const char *name, int team, char *out, size_t size);

/* One size for a group of lines: the largest size in [min, max] at which every non-empty string
 * of `s` (n of them) fits `w` on one line; 0 when one is still wider than `w` at `min` (draw it
 * at `min` with class_draw_line, which cuts it). Borrows the strings for the call only. */
int class_fit_size(App *app, TextFace face, int min, int max, int w, const char *const *s, int n);

/* Writes `s` into `out`, cut at a character with an ellipsis (at the end, or at the front when
 * `keep_end`, for paths) so that it fits `w` at `size`; `s` itself when it fits. */
void class_cut(App *app, TextFace face, int size, const char *s, int w, bool keep_end, char *out,
               size_t out_size);

/* Draws `s` as one line at exactly `size` with its vertical centre at cy: never shrunk, cut with
 * an ellipsis when it is wider than `w`. */
void class_draw_line(App *app, TextFace face, int size, SDL_Color color, int x, int cy, int w,
                     TextAlign align, const char *s);

/* Draws `s` as one line at the largest size in [min, max] that fits `w`; cut at `min` when even
 * that is too wide. */
void class_draw_line_in(App *app, TextFace face, int min, int max, SDL_Color color, int x, int cy,
                        int w, TextAlign align, const char *s);

/* A button of the presentation with its label at `size` (callers pass one size for a row of
 * buttons); hotspot "button" `arg`, as draw_button. */
void class_draw_button(App *app, SDL_Rect r, const char *arg, const char *label, int size,
                       bool focused, bool primary);

/* A team's badge: its colour with its shape in dark ink, so colour is never the only sign. */
void class_draw_badge(App *app, SDL_Rect r, int team);
/* A choice's badge: colour, shape and letter. */
void class_draw_choice_badge(App *app, SDL_Rect r, int pos);

/* The screen's regions, from the top: status bar, content, team strip, control buttons
 * (class_theme.c, like the three drawing functions below). */
typedef struct ClassLayout {
    SDL_Rect top, content, teams, controls;
    int margin;
} ClassLayout;
ClassLayout class_layout(const App *app);

/* The status bar: question number, pack, mode, and the big timer. */
void class_draw_top(App *app, SDL_Rect r);
/* One cell per team: badge, name, total and what the team did on this step. */
void class_draw_teams(App *app, SDL_Rect r);
/* The clicker's buttons for the mouse (hotspots "button" next, back, ...). */
void class_draw_controls(App *app, SDL_Rect r);

/* Steps of a question (class_steps_draw.c). */
void class_draw_question_step(App *app, SDL_Rect content);
/* Scoreboard, podium, summary (class_podium.c). */
void class_draw_scoreboard(App *app, SDL_Rect content);
void class_draw_podium(App *app, SDL_Rect content);
void class_draw_summary(App *app, SDL_Rect content);
int class_summary_pages(const App *app, SDL_Rect content);

/* Overlays (class_help.c). */
void class_draw_help(App *app);
void class_draw_menu(App *app);
/* The keys of the current step, one "key\taction" entry per line, for the help overlay. */
void class_help_text(const App *app, char *out, size_t size);

/* Input (class_answer.c): each returns true when the game changed. */
bool class_key_answer(App *app, SDL_Keycode key, Uint16 mods);
bool class_choice_clicked(App *app, int position);
bool class_team_clicked(App *app, int team);
bool class_pad_button(App *app, int slot, int button);
void class_pad_plugged(App *app, int slot, bool added);
bool class_submit_typed(App *app);
/* Enter while answering: records a multi answer's marks or opens the typed-answer field.
 * False when Enter means nothing here (it is then the next-step key). */
bool class_enter_key(App *app);
/* The team the teacher's answer keys speak for now (-1 when none). */
int class_entry_team(const App *app);
/* Shows a short notice on the presentation. */
void class_notice(App *app, const char *fmt, ...) SDL_PRINTF_VARARG_FUNC(2);

/* The setup screen's rows, in focus order (class_setup_rows.c; the screen is
 * screen_class_setup.c). ClassroomUi's `focus` and `editing` hold these values. */
typedef enum SetupRow {
    SETUP_ROW_RESUME,
    SETUP_ROW_MODE,
    SETUP_ROW_TEAMS,
    SETUP_ROW_STEAL,
    SETUP_ROW_READING,
    SETUP_ROW_TIME,
    SETUP_ROW_SCORING,
    SETUP_ROW_COUNT_Q,
    SETUP_ROW_ORDER,
    SETUP_ROW_UNSUPPORTED,
    SETUP_ROW_TOP,
    SETUP_ROW_SOUND,
    SETUP_ROW_MOTION,
    SETUP_ROW_PACKS,
    SETUP_ROW_TOPIC,
    SETUP_ROW_RESULTS,
    SETUP_ROW_NAME1, /* ... SETUP_ROW_NAME1 + 7 */
    SETUP_ROW_START = SETUP_ROW_NAME1 + CLASS_TEAMS_MAX,
    SETUP_ROW_BACK,
    SETUP_ROW_TOTAL
} SetupRow;

/* Fills `rows` (room for SETUP_ROW_TOTAL) with the rows shown for this setup; returns how many. */
int class_setup_visible_rows(const App *app, SetupRow *rows);
/* True for a row whose value is typed: a team name or the results folder. */
bool class_setup_is_text_row(SetupRow row);
/* The row a hotspot argument ("mode", "name1", "start", ...) names, or -1. */
int class_setup_row_from_arg(const char *arg);
/* Steps a row's value: dir -1 back, 1 on, 0 (Space/Enter) on; saves the setup. */
void class_setup_change(App *app, SetupRow row, int dir);
/* The one text size of every setup row and the width of the labels' column, for rows of
 * row_h x col_w: the largest size (never below 2.6 % of the height) at which every label and
 * every fixed value fits; team names, packs, topic and folder are cut with an ellipsis. */
typedef struct SetupLook {
    int size;
    int label_w, label_w_right; /* the labels' width in the left and the right column */
} SetupLook;
SetupLook class_setup_look(App *app, int row_h, int col_w);
/* Draws one row in `r` with `look`: label, value (or the field being typed) and its hotspots. */
void class_setup_draw_row(App *app, SDL_Rect r, SetupRow row, const SetupLook *look);

#endif
