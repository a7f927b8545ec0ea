/* screen_settings.c - the settings screen: sound, full screen, quiz length, timer, scoring,
 * motion and the flashcard schedule. Every change is saved at once; the screen keeps no copy of
 * the settings. */
#include <stdio.h>
#include <string.h>

#include "ui/app.h"
#include "ui/draw.h"

typedef enum SettingRow {
    ROW_SOUND,
    ROW_FULLSCREEN,
    ROW_QUESTIONS,
    ROW_TIMER,
    ROW_SCORING,
    ROW_MOTION,
    ROW_NEW,
    ROW_REVIEWS,
    ROW_DAY_START,
    ROW_RETENTION,
    ROW_GRADING,
    ROW_FEEDS,
    ROW_BACK, /* the Back button: a focus stop */
    ROW_COUNT
} SettingRow;

enum { VALUE_ROWS = ROW_BACK, COUNT_STEP = 5, COUNT_TOP = 50 };

/* Hotspot arguments ("option", "prev", "next"), labels and what each row does. */
static const char *const row_arg[VALUE_ROWS] = {"sound",     "fullscreen", "count",   "timer",
                                                "scoring",   "motion",     "new",     "reviews",
                                                "day-start", "retention",  "grading", "feeds"};
static const char *const row_label[VALUE_ROWS] = {"Sound",
                                                  "Full screen",
                                                  "Questions per quiz",
                                                  "Timer",
                                                  "Scoring",
                                                  "Reduce motion",
                                                  "New cards a day",
                                                  "Most reviews a day",
                                                  "A day starts at",
                                                  "Desired retention",
                                                  "Grading",
                                                  "Quiz as review"};
static const char *const row_about[VALUE_ROWS] = {
    "Sound effects. M switches them on any screen.",
    "Fill the whole screen. F11 switches on any screen.",
    "How many questions one quiz asks.",
    "Timed questions count down; untimed ones wait for you.",
    "Relaxed scores accuracy only: no speed pressure.",
    "Fewer animations and flashes.",
    "Flashcards never seen before, added to each day's study.",
    "Due cards shown in one day at most; the rest wait.",
    "Late-night study counts as the day before until this hour.",
    "How sure you want to be to remember a card when it comes back.",
    "Again, Hard, Good, Easy; or only Again and Good.",
    "Quiz answers count as reviews: right is Good, wrong is Again.",
};

static const int new_steps[] = {0, 5, 10, 15, 20, 30, 50, 100};
static const int review_steps[] = {50, 100, 200, 500, 1000, 9999};

/* The next value of `v` among `steps` (ascending): dir -1/+1 stops at the ends, 0 wraps. */
static int step_in(const int *steps, int n, int v, int dir)
{
    int i = 0;
    while (i < n - 1 && steps[i] < v) {
        i++;
    }
    if (dir < 0) {
        return steps[i > 0 && steps[i] >= v ? i - 1 : i];
    }
    if (steps[i] > v) {
        return steps[i];
    }
    return i + 1 < n ? steps[i + 1] : (dir == 0 ? steps[0] : steps[n - 1]);
}

static const KeyBinding keys[] = {
    {SDLK_UP, 0, CMD_UP, 0, NULL},
    {SDLK_DOWN, 0, CMD_DOWN, 0, NULL},
    {SDLK_TAB, 0, CMD_DOWN, 0, NULL},
    {SDLK_TAB, KMOD_SHIFT, CMD_UP, 0, NULL},
    {SDLK_LEFT, 0, CMD_LEFT, 0, NULL},
    {SDLK_RIGHT, 0, CMD_RIGHT, 0, NULL},
    {SDLK_SPACE, 0, CMD_TOGGLE, 0, NULL},
    {SDLK_RETURN, 0, CMD_CONFIRM, 0, NULL},
    {SDLK_KP_ENTER, 0, CMD_CONFIRM, 0, NULL},
    {SDLK_ESCAPE, 0, CMD_BACK, 0, NULL},
    {SDLK_BACKSPACE, 0, CMD_BACK, 0, NULL},
};

/* The next quiz length from `v`: 5 to 50 in fives, then All. `dir` -1 or +1 steps that way and
 * stops at the ends; 0 steps forward and wraps around. A length from elsewhere (12, or 500 =
 * All) goes to its neighbouring step. */
static int step_count(int v, int dir)
{
    if (dir >= 0) {
        if (v >= SETTINGS_COUNT_MAX) {
            return dir == 0 ? COUNT_STEP : SETTINGS_COUNT_MAX;
        }
        if (v >= COUNT_TOP) {
            return SETTINGS_COUNT_MAX;
        }
        return (v / COUNT_STEP + 1) * COUNT_STEP;
    }
    if (v <= COUNT_STEP) {
        return COUNT_STEP;
    }
    if (v > COUNT_TOP) {
        return COUNT_TOP;
    }
    return (v - 1) / COUNT_STEP * COUNT_STEP;
}

static void change(App *app, SettingRow row, int dir)
{
    Settings *st = &app->settings;
    switch (row) {
    case ROW_SOUND:
        app_toggle_mute(app); /* saves */
        return;
    case ROW_FULLSCREEN:
        app_set_fullscreen(app, !app_is_fullscreen(app));
        break;
    case ROW_QUESTIONS:
        st->question_count = step_count(st->question_count, dir);
        break;
    case ROW_TIMER:
        st->timed = !st->timed;
        break;
    case ROW_SCORING:
        st->relaxed = !st->relaxed;
        break;
    case ROW_MOTION:
        st->reduce_motion = !st->reduce_motion;
        break;
    case ROW_NEW:
        st->new_per_day = step_in(new_steps, SDL_arraysize(new_steps), st->new_per_day, dir);
        break;
    case ROW_REVIEWS:
        st->review_cap = step_in(review_steps, SDL_arraysize(review_steps), st->review_cap, dir);
        break;
    case ROW_DAY_START:
        st->day_start = dir < 0 ? (st->day_start + 23) % 24 : (st->day_start + 1) % 24;
        break;
    case ROW_RETENTION: {
        int pct = (int)(st->retention * 100 + 0.5);
        pct = dir < 0 ? (pct > 70 ? pct - 1 : 70) : pct < 99 ? pct + 1 : (dir == 0 ? 70 : 99);
        st->retention = pct / 100.0;
        break;
    }
    case ROW_GRADING:
        st->two_buttons = !st->two_buttons;
        break;
    case ROW_FEEDS:
        st->quiz_feeds = !st->quiz_feeds;
        break;
    case ROW_BACK:
    case ROW_COUNT:
    default:
        return;
    }
    app_save_settings(app);
}

static void go_back(App *app)
{
    app_switch(app, app->back_to);
}

static int row_from_arg(const char *arg)
{
    for (int i = 0; arg && i < VALUE_ROWS; i++) {
        if (strcmp(arg, row_arg[i]) == 0) {
            return i;
        }
    }
    return -1;
}

static void activate(App *app, const Command *cmd)
{
    ListState *s = &app->settings_view;
    const char *name = cmd->name ? cmd->name : "";
    int row = row_from_arg(cmd->arg);
    if (strcmp(name, "button") == 0 && cmd->arg && strcmp(cmd->arg, "back") == 0) {
        go_back(app);
    } else if (row >= 0 && strcmp(name, "option") == 0) {
        s->focus = row;
        change(app, (SettingRow)row, 0);
    } else if (row >= 0 && strcmp(name, "next") == 0) {
        s->focus = row;
        change(app, (SettingRow)row, +1);
    } else if (row >= 0 && strcmp(name, "prev") == 0) {
        s->focus = row;
        change(app, (SettingRow)row, -1);
    }
}

static void command(App *app, const Command *cmd)
{
    ListState *s = &app->settings_view;
    switch (cmd->kind) {
    case CMD_UP:
        s->focus = (s->focus + ROW_COUNT - 1) % ROW_COUNT;
        break;
    case CMD_DOWN:
        s->focus = (s->focus + 1) % ROW_COUNT;
        break;
    case CMD_LEFT:
    case CMD_RIGHT:
        change(app, (SettingRow)s->focus, cmd->kind == CMD_LEFT ? -1 : +1);
        break;
    case CMD_TOGGLE:
    case CMD_CONFIRM:
        if (s->focus == ROW_BACK) {
            go_back(app);
        } else {
            change(app, (SettingRow)s->focus, 0);
        }
        break;
    case CMD_BACK:
        go_back(app);
        break;
    case CMD_ACTIVATE:
        activate(app, cmd);
        break;
    default:
        break;
    }
}

/* ---- drawing ---- */

static void row_value(const App *app, SettingRow row, char *out, size_t size)
{
    const Settings *st = &app->settings;
    switch (row) {
    case ROW_SOUND:
        snprintf(out, size, "%s", st->muted ? "Off" : "On");
        break;
    case ROW_FULLSCREEN:
        snprintf(out, size, "%s", st->fullscreen ? "On" : "Off");
        break;
    case ROW_QUESTIONS:
        if (st->question_count >= SETTINGS_COUNT_MAX) {
            snprintf(out, size, "All");
        } else {
            snprintf(out, size, "%d", st->question_count);
        }
        break;
    case ROW_TIMER:
        snprintf(out, size, "%s", st->timed ? "Timed" : "Untimed");
        break;
    case ROW_SCORING:
        snprintf(out, size, "%s", st->relaxed ? "Relaxed" : "Normal");
        break;
    case ROW_MOTION:
        snprintf(out, size, "%s", st->reduce_motion ? "On" : "Off");
        break;
    case ROW_NEW:
        snprintf(out, size, "%d", st->new_per_day);
        break;
    case ROW_REVIEWS:
        snprintf(out, size, "%d", st->review_cap);
        break;
    case ROW_DAY_START:
        snprintf(out, size, "%02d:00", st->day_start);
        break;
    case ROW_RETENTION:
        snprintf(out, size, "%d %%", (int)(st->retention * 100 + 0.5));
        break;
    case ROW_GRADING:
        snprintf(out, size, "%s", st->two_buttons ? "2 buttons" : "4 buttons");
        break;
    case ROW_FEEDS:
        snprintf(out, size, "%s", st->quiz_feeds ? "Yes" : "No");
        break;
    case ROW_BACK:
    case ROW_COUNT:
    default:
        out[0] = '\0';
        break;
    }
}

static void draw_row(App *app, SDL_Rect r, SettingRow row, bool focused)
{
    const Theme *t = &app->theme;
    draw_fill(app, r, app_hot_hovered(app, 3) ? t->panel_hi : t->panel);
    app_hot_add(app, "option", row_arg[row], 0, r);
    if (focused) {
        draw_outline(app, r, t->text, draw_u(app, 0.4f));
    }
    int pad = draw_u(app, 1.5f);
    int label_w = r.w * 54 / 100 - pad;
    int top = r.y + r.h * 26 / 100;
    text_draw_line_fit(app->text, FACE_BOLD, draw_u(app, 2.9f), t->text, r.x + pad, top, label_w,
                       ALIGN_LEFT, row_label[row]);
    /* the explanation wraps under the label rather than shrinking to small print */
    SDL_Rect about = {r.x + pad, r.y + r.h * 46 / 100, label_w, r.h * 52 / 100};
    text_draw_box(app->text, FACE_REGULAR, t->dim, about, draw_u(app, 1.7f), draw_u(app, 2.1f),
                  ALIGN_LEFT, true, row_about[row]);
    int cy = r.y + r.h / 2;
    int a = draw_u(app, 5);
    if (a > r.h - 2 * draw_u(app, 0.8f)) {
        a = r.h - 2 * draw_u(app, 0.8f);
    }
    SDL_Rect prev = {r.x + pad + label_w + pad, cy - a / 2, a, a};
    SDL_Rect next = {r.x + r.w - pad - a, cy - a / 2, a, a};
    draw_arrow_button(app, prev, "prev", row_arg[row], "\xE2\x97\x80");
    draw_arrow_button(app, next, "next", row_arg[row], "\xE2\x96\xB6");
    char value[64];
    row_value(app, row, value, sizeof value);
    int vx = prev.x + a + pad, vw = next.x - pad - vx;
    if (vw > 0) {
        text_draw_line_fit(app->text, FACE_BOLD, draw_u(app, 3), t->accent, vx + vw / 2, cy, vw,
                           ALIGN_CENTER, value);
    }
}

static void draw(App *app)
{
    const Theme *t = &app->theme;
    const ListState *s = &app->settings_view;
    draw_title(app, draw_u(app, 2), "Settings");
    int margin = draw_u(app, 2);
    int w = app->w - 2 * margin;
    if (w > draw_u(app, 120)) {
        w = draw_u(app, 120);
    }
    int x = (app->w - w) / 2;
    int help_top = app->h - draw_u(app, 4.5f);
    int bar_h = draw_u(app, 6.5f);
    int bar_y = help_top - draw_u(app, 1.5f) - bar_h;
    int note_h = draw_u(app, 7);
    int note_y = bar_y - draw_u(app, 1) - note_h;
    int top = draw_u(app, 11);
    int gap = draw_u(app, 0.8f);
    /* two columns (the quiz, the flashcards) when the window is wide enough */
    int cols = app->w >= app->h * 5 / 4 ? 2 : 1;
    int per_col = (VALUE_ROWS + cols - 1) / cols;
    int col_w = cols == 2 ? (app->w - 3 * margin) / 2 : w;
    int row_h = (note_y - draw_u(app, 1) - top - (per_col - 1) * gap) / per_col;
    if (row_h > draw_u(app, 9)) {
        row_h = draw_u(app, 9);
    }
    if (row_h < 4) {
        row_h = 4;
    }
    for (int i = 0; i < VALUE_ROWS; i++) {
        int c = i / per_col, k = i % per_col;
        int cx = cols == 2 ? margin + c * (col_w + margin) : x;
        SDL_Rect r = {cx, top + k * (row_h + gap), col_w, row_h};
        draw_row(app, r, (SettingRow)i, s->focus == i);
    }
    if (cols == 2) {
        x = margin;
        w = app->w - 2 * margin;
    }

    char note[PATHS_MAX + 128];
    char shown[PATHS_MAX];
    app_short_path(app, app->paths.settings, shown, sizeof shown);
    SDL_Color c = t->dim;
    if (app->settings.save_blocked) {
        snprintf(note, sizeof note,
                 "%s could not be read or set aside, so changes are not saved to it.", shown);
        c = t->warn;
    } else if (!app->paths.settings[0]) {
        snprintf(note, sizeof note,
                 "Settings are not saved: there is no configuration folder "
                 "(set HOME or XDG_CONFIG_HOME).");
        c = t->warn;
    } else {
        snprintf(note, sizeof note, "Changes are saved at once to %s", shown);
    }
    SDL_Rect box = {x, note_y, w, note_h};
    text_draw_box(app->text, FACE_REGULAR, c, box, draw_u(app, 1.4f), draw_u(app, 2.2f),
                  ALIGN_CENTER, true, note);

    SDL_Rect back = {x, bar_y, draw_u(app, 16), bar_h};
    draw_button(app, back, "back", "Back", s->focus == ROW_BACK, false);
    draw_help(app, "\xE2\x86\x91\xE2\x86\x93 choose   \xE2\x86\x90\xE2\x86\x92 or Space change"
                   "   M sound   F11 full screen   Esc back");
}

static void enter(App *app)
{
    if (app->settings_view.focus < 0 || app->settings_view.focus >= ROW_COUNT) {
        app->settings_view.focus = 0;
    }
}

const Screen screen_settings = {
    .name = "settings",
    .keys = keys,
    .key_count = SDL_arraysize(keys),
    .enter = enter,
    .command = command,
    .draw = draw,
};
