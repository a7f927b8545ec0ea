/* screen_class_setup.c - the classroom game's setup: resume a saved game, or choose the mode,
 * teams and their names, times, scoring, packs and topic, and where results go; F5 starts.
 * Everything works with the keys alone; team names are typed with SDL text input. */
#include <stdio.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/utf8.h"
#include "ui/class_view.h"

typedef enum SetupRow {
    ROW_RESUME,
    ROW_MODE,
    ROW_TEAMS,
    ROW_STEAL,
    ROW_READING,
    ROW_TIME,
    ROW_SCORING,
    ROW_COUNT_Q,
    ROW_ORDER,
    ROW_UNSUPPORTED,
    ROW_TOP,
    ROW_SOUND,
    ROW_MOTION,
    ROW_PACKS,
    ROW_TOPIC,
    ROW_RESULTS,
    ROW_NAME1, /* ... ROW_NAME1 + 7 */
    ROW_START = ROW_NAME1 + CLASS_TEAMS_MAX,
    ROW_BACK,
    ROW_TOTAL
} SetupRow;

static const char *const row_arg[ROW_TOTAL] = {
    "resume",    "mode",  "teams", "steal",  "reading", "time",  "scoring", "count", "order",
    "leave-out", "top",   "sound", "motion", "packs",   "topic", "results", "name1", "name2",
    "name3",     "name4", "name5", "name6",  "name7",   "name8", "start",   "back"};

static const char *const row_label[ROW_NAME1] = {
    "Resume",        "Mode",      "Teams", "Steal on a miss",      "Reading time",    "Time",
    "Scoring",       "Questions", "Order", "Other question types", "Scoreboard rows", "Sound",
    "Reduce motion", "Packs",     "Topic", "Results folder"};

static const char *const mode_names[CLASS_MODE_COUNT] = {"Whole class", "Turns", "Buzzer",
                                                         "Answer pads"};
static const int reading_steps[] = {0, 3000, 5000, 10000};
static const int count_steps[] = {5, 10, 15, 20, 0};
static const int top_steps[] = {3, 5, 8};

static const KeyBinding keys[] = {
    {SDLK_UP, 0, CMD_UP, 0, NULL},
    {SDLK_DOWN, 0, CMD_DOWN, 0, NULL},
    {SDLK_PAGEUP, 0, CMD_UP, 0, NULL},
    {SDLK_PAGEDOWN, 0, CMD_DOWN, 0, NULL},
    {SDLK_TAB, 0, CMD_DOWN, 0, NULL},
    {SDLK_TAB, KMOD_SHIFT, CMD_UP, 0, NULL},
    {SDLK_LEFT, 0, CMD_LEFT, 0, NULL},
    {SDLK_RIGHT, 0, CMD_RIGHT, 0, NULL},
    {SDLK_SPACE, 0, CMD_TOGGLE, 0, NULL},
    {SDLK_RETURN, 0, CMD_CONFIRM, 0, NULL},
    {SDLK_KP_ENTER, 0, CMD_CONFIRM, 0, NULL},
    {SDLK_ESCAPE, 0, CMD_BACK, 0, NULL},
};

/* The rows shown for this setup, in focus order. */
static int visible_rows(const App *app, SetupRow *rows)
{
    const ClassroomUi *c = &app->classroom;
    ClassMode m = c->config.mode;
    int n = 0;
    if (c->has_saved) {
        rows[n++] = ROW_RESUME;
    }
    for (int r = ROW_MODE; r <= ROW_RESULTS; r++) {
        if ((r == ROW_TEAMS && m == CLASS_WHOLE) || (r == ROW_STEAL && m != CLASS_TURNS) ||
            (r == ROW_UNSUPPORTED && m != CLASS_BUZZER && m != CLASS_PADS)) {
            continue;
        }
        rows[n++] = (SetupRow)r;
    }
    for (int t = 0; m != CLASS_WHOLE && t < c->config.team_count; t++) {
        rows[n++] = (SetupRow)(ROW_NAME1 + t);
    }
    rows[n++] = ROW_START;
    rows[n++] = ROW_BACK;
    return n;
}

static int step_index(const int *steps, int n, int v)
{
    for (int i = 0; i < n; i++) {
        if (steps[i] == v) {
            return i;
        }
    }
    return 0;
}

static int cycle(int i, int n, int dir)
{
    return ((i + (dir == 0 ? 1 : dir)) % n + n) % n;
}

/* Pack ids of the library, "" first for every pack. */
static int pack_choices(const App *app, const char **ids, int cap)
{
    int n = 0;
    ids[n++] = "";
    for (int i = 0; i < app->library.count && n < cap; i++) {
        const LibraryEntry *e = &app->library.entries[i];
        if (e->pack && !e->replaced) {
            ids[n++] = e->pack->id;
        }
    }
    return n;
}

/* Topics of the chosen packs, "" first for every topic. */
static int topic_choices(const App *app, const char **topics, int cap)
{
    const ClassroomUi *c = &app->classroom;
    int n = 0;
    topics[n++] = "";
    for (int i = 0; i < app->library.count; i++) {
        const LibraryEntry *e = &app->library.entries[i];
        if (!e->pack || e->replaced) {
            continue;
        }
        char id[80];
        snprintf(id, sizeof id, ",%s,", e->pack->id);
        char list[sizeof c->packs + 2];
        snprintf(list, sizeof list, ",%s,", c->packs);
        if (c->packs[0] && !strstr(list, id)) {
            continue;
        }
        for (int q = 0; q < e->pack->question_count && n < cap; q++) {
            const char *t = e->pack->questions[q].topic;
            bool seen = !t || !t[0];
            for (int k = 0; k < n && !seen; k++) {
                seen = strcmp(topics[k], t) == 0;
            }
            if (!seen) {
                topics[n++] = t;
            }
        }
    }
    return n;
}

static void change(App *app, SetupRow row, int dir)
{
    ClassroomUi *c = &app->classroom;
    ClassConfig *cfg = &c->config;
    const char *list[128];
    switch (row) {
    case ROW_MODE:
        cfg->mode = (ClassMode)cycle(cfg->mode, CLASS_MODE_COUNT, dir);
        break;
    case ROW_TEAMS:
        cfg->team_count += dir < 0 ? -1 : 1;
        if (cfg->team_count > CLASS_TEAMS_MAX) {
            cfg->team_count = dir == 0 ? CLASS_TEAMS_MIN : CLASS_TEAMS_MAX;
        }
        if (cfg->team_count < CLASS_TEAMS_MIN) {
            cfg->team_count = CLASS_TEAMS_MIN;
        }
        break;
    case ROW_STEAL:
        cfg->steal = !cfg->steal;
        break;
    case ROW_READING:
        cfg->reading_ms =
            reading_steps[cycle(step_index(reading_steps, 4, cfg->reading_ms), 4, dir)];
        break;
    case ROW_TIME: {
        static const int times[] = {100, 150, 200};
        cfg->time_percent = times[cycle(step_index(times, 3, cfg->time_percent), 3, dir)];
        break;
    }
    case ROW_SCORING:
        cfg->accuracy_only = !cfg->accuracy_only;
        break;
    case ROW_COUNT_Q:
        cfg->question_count =
            count_steps[cycle(step_index(count_steps, 5, cfg->question_count), 5, dir)];
        break;
    case ROW_ORDER:
        cfg->shuffle = !cfg->shuffle;
        break;
    case ROW_UNSUPPORTED:
        cfg->skip_unsupported = !cfg->skip_unsupported;
        break;
    case ROW_TOP:
        cfg->scoreboard_top =
            top_steps[cycle(step_index(top_steps, 3, cfg->scoreboard_top), 3, dir)];
        break;
    case ROW_SOUND:
        app_toggle_mute(app);
        return;
    case ROW_MOTION:
        app->settings.reduce_motion = !app->settings.reduce_motion;
        app_save_settings(app);
        return;
    case ROW_PACKS: {
        int n = pack_choices(app, list, 128), i = -1;
        for (int k = 0; k < n; k++) {
            i = strcmp(list[k], c->packs) == 0 ? k : i;
        }
        str_copy(c->packs, sizeof c->packs, list[i < 0 ? 0 : cycle(i, n, dir)]);
        c->topic[0] = '\0';
        break;
    }
    case ROW_TOPIC: {
        int n = topic_choices(app, list, 128), i = 0;
        for (int k = 0; k < n; k++) {
            i = strcmp(list[k], c->topic) == 0 ? k : i;
        }
        str_copy(c->topic, sizeof c->topic, list[cycle(i, n, dir)]);
        break;
    }
    default:
        return;
    }
    classroom_ui_save_setup(app);
}

static void value_text(const App *app, SetupRow row, char *out, size_t size)
{
    const ClassroomUi *c = &app->classroom;
    const ClassConfig *cfg = &c->config;
    out[0] = '\0';
    switch (row) {
    case ROW_MODE:
        snprintf(out, size, "%s", mode_names[cfg->mode]);
        break;
    case ROW_TEAMS:
        snprintf(out, size, "%d", cfg->team_count);
        break;
    case ROW_STEAL:
    case ROW_ORDER:
        snprintf(out, size, "%s",
                 row == ROW_STEAL ? (cfg->steal ? "On" : "Off")
                                  : (cfg->shuffle ? "Shuffled" : "Pack order"));
        break;
    case ROW_READING:
        if (cfg->reading_ms == 0) {
            snprintf(out, size, "Until Next");
        } else {
            snprintf(out, size, "%d s", cfg->reading_ms / 1000);
        }
        break;
    case ROW_TIME:
        snprintf(out, size, "%s",
                 cfg->time_percent == 150   ? "\xC3\x97 1.5"
                 : cfg->time_percent == 200 ? "\xC3\x97 2"
                                            : "\xC3\x97 1");
        break;
    case ROW_SCORING:
        snprintf(out, size, "%s", cfg->accuracy_only ? "Accuracy only" : "The pack's rules");
        break;
    case ROW_COUNT_Q:
        if (cfg->question_count == 0) {
            snprintf(out, size, "All");
        } else {
            snprintf(out, size, "%d", cfg->question_count);
        }
        break;
    case ROW_UNSUPPORTED:
        snprintf(out, size, "%s", cfg->skip_unsupported ? "Leave out" : "Teacher enters");
        break;
    case ROW_TOP:
        snprintf(out, size, "Top %d", cfg->scoreboard_top);
        break;
    case ROW_SOUND:
        snprintf(out, size, "%s", app->settings.muted ? "Off" : "On");
        break;
    case ROW_MOTION:
        snprintf(out, size, "%s", app->settings.reduce_motion ? "On" : "Off");
        break;
    case ROW_PACKS: {
        char label[400];
        int n = classroom_ui_pool(app, NULL, 0, label, sizeof label);
        char *dot = strstr(label, " \xC2\xB7 ");
        if (dot) {
            *dot = '\0';
        }
        snprintf(out, size, "%s (%d)", label, n);
        break;
    }
    case ROW_TOPIC:
        snprintf(out, size, "%s", c->topic[0] ? c->topic : "All topics");
        break;
    case ROW_RESULTS: {
        char dir[PATHS_MAX];
        if (app->opt.results_dir) {
            snprintf(dir, sizeof dir, "%s", app->opt.results_dir);
        } else if (c->results_dir[0]) {
            snprintf(dir, sizeof dir, "%s", c->results_dir);
        } else {
            classroom_ui_default_results(app, dir, sizeof dir);
        }
        app_short_path(app, dir, out, size);
        break;
    }
    default:
        if (row >= ROW_NAME1 && row < ROW_START) {
            snprintf(out, size, "%s", cfg->team_names[row - ROW_NAME1]);
        }
        break;
    }
}

/* ---- typing a name or a folder ---- */

static bool is_text_row(SetupRow row)
{
    return row == ROW_RESULTS || (row >= ROW_NAME1 && row < ROW_START);
}

static void start_edit(App *app, SetupRow row)
{
    ClassroomUi *c = &app->classroom;
    if (row == ROW_RESULTS && app->opt.results_dir) {
        app_warn(app, "The results folder was given with --results-dir for this run.");
        return;
    }
    c->editing = row;
    str_copy(c->edit, sizeof c->edit,
             row == ROW_RESULTS ? c->results_dir : c->config.team_names[row - ROW_NAME1]);
    c->edit_fresh = true;
    SDL_StartTextInput();
}

static void stop_edit(App *app, bool keep)
{
    ClassroomUi *c = &app->classroom;
    int row = c->editing;
    c->editing = -1;
    SDL_StopTextInput();
    if (!keep) {
        return;
    }
    if (row == ROW_RESULTS) {
        str_copy(c->results_dir, sizeof c->results_dir, c->edit);
    } else if (row >= ROW_NAME1 && row < ROW_START) {
        char *name = c->config.team_names[row - ROW_NAME1];
        if (c->edit[0]) {
            str_copy(name, CLASS_NAME_BYTES, c->edit);
        } else {
            str_format(name, CLASS_NAME_BYTES, "Team %d", row - ROW_NAME1 + 1);
        }
    }
    classroom_ui_save_setup(app);
}

static void type_text(App *app, const char *text)
{
    ClassroomUi *c = &app->classroom;
    if (c->edit_fresh) {
        c->edit[0] = '\0';
        c->edit_fresh = false;
    }
    size_t have = strlen(c->edit), add = strlen(text);
    bool name = c->editing != ROW_RESULTS;
    size_t cap = name ? CLASS_NAME_BYTES - 1 : sizeof c->edit - 1;
    if (have + add > cap ||
        (name && utf8_length(c->edit, have) + utf8_length(text, add) > CLASS_NAME_MAX)) {
        return;
    }
    memcpy(c->edit + have, text, add + 1);
}

static bool text_focus(const App *app)
{
    return app->classroom.editing >= 0;
}

/* ---- commands ---- */

static void activate_row(App *app, SetupRow row, int dir)
{
    ClassroomUi *c = &app->classroom;
    c->focus = row;
    if (row == ROW_START) {
        classroom_ui_start(app);
    } else if (row == ROW_RESUME) {
        classroom_ui_resume(app);
    } else if (row == ROW_BACK) {
        app_switch(app, SCREEN_TITLE);
    } else if (is_text_row(row) && dir == 0) {
        start_edit(app, row);
    } else {
        change(app, row, dir);
    }
}

static int row_from_arg(const char *arg)
{
    for (int i = 0; arg && i < ROW_TOTAL; i++) {
        if (strcmp(arg, row_arg[i]) == 0) {
            return i;
        }
    }
    return -1;
}

static void move_focus(App *app, int dir)
{
    ClassroomUi *c = &app->classroom;
    SetupRow rows[ROW_TOTAL];
    int n = visible_rows(app, rows), at = 0;
    for (int i = 0; i < n; i++) {
        at = rows[i] == (SetupRow)c->focus ? i : at;
    }
    c->focus = rows[(at + dir + n) % n];
}

static void command(App *app, const Command *cmd)
{
    ClassroomUi *c = &app->classroom;
    if (c->editing >= 0) {
        if (cmd->kind == CMD_TEXT) {
            type_text(app, cmd->text);
        } else if (cmd->kind == CMD_ERASE) {
            size_t n = c->edit_fresh ? 0 : strlen(c->edit);
            c->edit_fresh = false;
            while (n > 0 && ((unsigned char)c->edit[--n] & 0xC0) == 0x80) {
            }
            c->edit[n] = '\0';
        } else if (cmd->kind == CMD_CONFIRM || cmd->kind == CMD_BACK) {
            stop_edit(app, cmd->kind == CMD_CONFIRM);
        } else if (cmd->kind == CMD_ACTIVATE) {
            stop_edit(app, true);
        }
        if (cmd->kind != CMD_ACTIVATE) {
            return;
        }
    }
    switch (cmd->kind) {
    case CMD_UP:
    case CMD_DOWN:
        move_focus(app, cmd->kind == CMD_UP ? -1 : 1);
        break;
    case CMD_LEFT:
    case CMD_RIGHT:
        if (!is_text_row((SetupRow)c->focus) && c->focus < ROW_START && c->focus != ROW_RESUME) {
            change(app, (SetupRow)c->focus, cmd->kind == CMD_LEFT ? -1 : 1);
        }
        break;
    case CMD_TOGGLE:
    case CMD_CONFIRM:
        activate_row(app, (SetupRow)c->focus, 0);
        break;
    case CMD_BACK:
        app_switch(app, SCREEN_TITLE);
        break;
    case CMD_KEY:
        if (cmd->key == SDLK_F5 && (cmd->index & KMOD_SHIFT)) {
            if (c->has_saved) {
                classroom_ui_resume(app);
            } else {
                app_warn(app, "There is no saved classroom game to resume.");
            }
        } else if (cmd->key == SDLK_F5) {
            classroom_ui_start(app);
        }
        break;
    case CMD_ACTIVATE: {
        int row = row_from_arg(cmd->arg);
        if (row < 0) {
            break;
        }
        if (strcmp(cmd->name, "prev") == 0 || strcmp(cmd->name, "next") == 0) {
            c->focus = row;
            change(app, (SetupRow)row, cmd->name[0] == 'p' ? -1 : 1);
        } else {
            activate_row(app, (SetupRow)row, 0);
        }
        break;
    }
    default:
        break;
    }
    /* the focused row may have disappeared (a mode without teams) */
    SetupRow rows[ROW_TOTAL];
    int n = visible_rows(app, rows);
    bool shown = false;
    for (int i = 0; i < n; i++) {
        shown = shown || rows[i] == (SetupRow)c->focus;
    }
    if (!shown) {
        c->focus = ROW_START;
    }
}

/* ---- drawing ---- */

static void arrow(App *app, SDL_Rect r, const char *name, const char *arg, const char *glyph)
{
    const ClassTheme *t = class_theme();
    draw_fill(app, r, t->bar_bg);
    text_draw_line_fit(app->text, FACE_BOLD, r.h * 55 / 100, t->text, r.x + r.w / 2, r.y + r.h / 2,
                       r.w, ALIGN_CENTER, glyph);
    app_hot_add(app, name, arg, 0, r);
}

static void draw_row(App *app, SDL_Rect r, SetupRow row)
{
    const ClassroomUi *c = &app->classroom;
    const ClassTheme *t = class_theme();
    bool focused = c->focus == (int)row;
    draw_fill(app, r, focused ? t->panel_hi : t->panel);
    app_hot_add(app, "option", row_arg[row], 0, r);
    int pad = class_u(app, 1.2f);
    int size = r.h * 46 / 100;
    char label[48], value[PATHS_MAX + 8];
    if (row >= ROW_NAME1) {
        int team = row - ROW_NAME1;
        int b = r.h - 2 * pad;
        class_draw_badge(app, (SDL_Rect){r.x + pad, r.y + pad, b, b}, team);
        snprintf(label, sizeof label, "Team %d", team + 1);
        text_draw_line_fit(app->text, FACE_BOLD, size, t->dim, r.x + 2 * pad + b, r.y + r.h / 2,
                           r.w * 30 / 100 - b - 2 * pad, ALIGN_LEFT, label);
    } else {
        text_draw_line_fit(app->text, FACE_BOLD, size, t->text, r.x + pad, r.y + r.h / 2,
                           r.w * 40 / 100 - pad, ALIGN_LEFT, row_label[row]);
    }
    int label_w = row >= ROW_NAME1 ? r.w * 30 / 100 : r.w * 40 / 100;
    int vx = r.x + label_w + pad;
    int vw = r.x + r.w - pad - vx;
    if (c->editing == (int)row) {
        SDL_Rect field = {vx, r.y + pad / 2, vw, r.h - pad};
        draw_fill(app, field, t->bg);
        draw_outline(app, field, t->accent, class_u(app, 0.4f));
        snprintf(value, sizeof value, "%s|", c->edit);
        text_draw_line_fit(app->text, FACE_BOLD, size, c->edit_fresh ? t->accent : t->text,
                           field.x + field.w - pad, r.y + r.h / 2, field.w - 2 * pad, ALIGN_RIGHT,
                           value);
        SDL_SetTextInputRect(&field);
    } else if (is_text_row(row)) {
        value_text(app, row, value, sizeof value);
        if (row >= ROW_NAME1) {
            char shown[CLASS_NAME_BYTES];
            class_team_label(app, value, row - ROW_NAME1, shown, sizeof shown);
            snprintf(value, sizeof value, "%s", shown);
        }
        text_draw_line_fit(app->text, FACE_BOLD, size, t->accent, vx + vw / 2, r.y + r.h / 2, vw,
                           ALIGN_CENTER, value);
    } else {
        int a = r.h - pad;
        arrow(app, (SDL_Rect){vx, r.y + pad / 2, a, a}, "prev", row_arg[row], "\xE2\x97\x80");
        arrow(app, (SDL_Rect){r.x + r.w - pad - a, r.y + pad / 2, a, a}, "next", row_arg[row],
              "\xE2\x96\xB6");
        value_text(app, row, value, sizeof value);
        text_draw_line_fit(app->text, FACE_BOLD, size, t->accent, vx + vw / 2, r.y + r.h / 2,
                           vw - 2 * a - 2 * pad, ALIGN_CENTER, value);
    }
    if (focused) {
        draw_outline(app, r, t->text, class_u(app, 0.4f));
    }
}

static void draw(App *app)
{
    const ClassroomUi *c = &app->classroom;
    const ClassTheme *t = class_theme();
    draw_fill(app, (SDL_Rect){0, 0, app->w, app->h}, t->bg);
    int m = class_u(app, 2);
    int y = m;
    text_draw_line_fit(app->text, FACE_BOLD, class_u(app, 5.5f), t->text, app->w / 2,
                       y + class_u(app, 3.5f), app->w - 2 * m, ALIGN_CENTER, "Classroom game");
    y += class_u(app, 8);
    SetupRow rows[ROW_TOTAL];
    int n = visible_rows(app, rows);
    if (c->has_saved) {
        char label[160];
        snprintf(label, sizeof label, "Resume the game from %s  (Shift+F5)", c->saved_when);
        SDL_Rect r = {m, y, app->w - 2 * m, class_u(app, 7)};
        draw_button(app, r, "resume", label, c->focus == ROW_RESUME, true);
        y += r.h + class_u(app, 1.5f);
    }
    int help_top = app->h - class_u(app, 4.5f);
    int bar_h = class_u(app, 7);
    int bar_y = help_top - class_u(app, 1.5f) - bar_h;
    /* left: how the game plays; right: what it asks, where results go, the team names */
    SetupRow left[ROW_TOTAL], right[ROW_TOTAL];
    int nl = 0, nr = 0;
    for (int i = 0; i < n; i++) {
        if (rows[i] == ROW_RESUME || rows[i] == ROW_START || rows[i] == ROW_BACK) {
            continue;
        }
        if (rows[i] >= ROW_PACKS) {
            right[nr++] = rows[i];
        } else {
            left[nl++] = rows[i];
        }
    }
    int most = nl > nr ? nl : nr;
    int gap = class_u(app, 0.7f);
    int avail = bar_y - class_u(app, 1.5f) - y;
    int rh = (avail - gap * (most - 1)) / (most > 0 ? most : 1);
    if (rh > class_u(app, 7)) {
        rh = class_u(app, 7);
    }
    int cw = (app->w - 3 * m) / 2;
    for (int i = 0; i < nl; i++) {
        draw_row(app, (SDL_Rect){m, y + i * (rh + gap), cw, rh}, left[i]);
    }
    for (int i = 0; i < nr; i++) {
        draw_row(app, (SDL_Rect){2 * m + cw, y + i * (rh + gap), cw, rh}, right[i]);
    }
    int bw = class_u(app, 30);
    draw_button(app, (SDL_Rect){app->w / 2 + m / 2, bar_y, bw, bar_h}, "start", "Start (F5)",
                c->focus == ROW_START, true);
    draw_button(app,
                (SDL_Rect){app->w / 2 - m / 2 - class_u(app, 20), bar_y, class_u(app, 20), bar_h},
                "back", "Back", c->focus == ROW_BACK, false);
    draw_help(app,
              c->editing >= 0
                  ? "Type the name   Enter keep   Esc cancel"
                  : "\xE2\x86\x91\xE2\x86\x93 choose   \xE2\x86\x90\xE2\x86\x92 change   Enter "
                    "edit a name   F5 start   Shift+F5 resume   Esc back");
}

static void enter(App *app)
{
    ClassroomUi *c = &app->classroom;
    classroom_ui_prepare(app);
    c->editing = -1;
    c->focus = c->has_saved ? ROW_RESUME : ROW_START;
}

static void leave(App *app)
{
    app->classroom.editing = -1;
    SDL_StopTextInput();
}

const Screen screen_class_setup = {
    .name = "class-setup",
    .keys = keys,
    .key_count = SDL_arraysize(keys),
    .enter = enter,
    .leave = leave,
    .command = command,
    .draw = draw,
    .text_focus = text_focus,
};
