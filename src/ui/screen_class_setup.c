/* screen_class_setup.c - the classroom game's setup: resume a saved game, or choose the mode,
 * teams and their names, times, scoring, packs and topic, and where results go; F5 starts.
 * Everything works with the keys alone; team names are typed with SDL text input. The rows
 * themselves (values, changing, drawing) are in class_setup_rows.c. */
#include <stdio.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/utf8.h"
#include "ui/class_view.h"

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

static void start_edit(App *app, SetupRow row)
{
    ClassroomUi *c = &app->classroom;
    if (row == SETUP_ROW_RESULTS && app->opt.results_dir) {
        app_warn(app, "The results folder was given with --results-dir for this run.");
        return;
    }
    c->editing = row;
    c->edit_full = false;
    str_copy(c->edit, sizeof c->edit,
             row == SETUP_ROW_RESULTS ? c->results_dir
                                      : c->config.team_names[row - SETUP_ROW_NAME1]);
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
    if (row == SETUP_ROW_RESULTS) {
        str_copy(c->results_dir, sizeof c->results_dir, c->edit);
    } else if (row >= SETUP_ROW_NAME1 && row < SETUP_ROW_START) {
        char *name = c->config.team_names[row - SETUP_ROW_NAME1];
        if (c->edit[0]) {
            str_copy(name, CLASS_NAME_BYTES, c->edit);
        } else {
            str_format(name, CLASS_NAME_BYTES, "Team %d", row - SETUP_ROW_NAME1 + 1);
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
    bool name = c->editing != SETUP_ROW_RESULTS;
    size_t cap = name ? CLASS_NAME_BYTES - 1 : sizeof c->edit - 1;
    c->edit_full = false;
    /* one character at a time, so a paste past the limit keeps what fits */
    for (const char *p = text; *p;) {
        size_t have = strlen(c->edit);
        int32_t cp;
        size_t n = utf8_decode(p, strlen(p), &cp);
        if (n == 0 || have + n > cap ||
            (name && utf8_length(c->edit, have) + 1 > CLASS_NAME_MAX)) {
            c->edit_full = true;
            return;
        }
        memcpy(c->edit + have, p, n);
        c->edit[have + n] = '\0';
        p += n;
    }
}

static bool text_focus(const App *app)
{
    return app->classroom.editing >= 0;
}

static void activate_row(App *app, SetupRow row, int dir)
{
    ClassroomUi *c = &app->classroom;
    c->focus = row;
    if (row == SETUP_ROW_START) {
        classroom_ui_start(app);
    } else if (row == SETUP_ROW_RESUME) {
        classroom_ui_resume(app);
    } else if (row == SETUP_ROW_BACK) {
        app_switch(app, SCREEN_TITLE);
    } else if (class_setup_is_text_row(row) && dir == 0) {
        start_edit(app, row);
    } else {
        class_setup_change(app, row, dir);
    }
}

static void move_focus(App *app, int dir)
{
    ClassroomUi *c = &app->classroom;
    SetupRow rows[SETUP_ROW_TOTAL];
    int n = class_setup_visible_rows(app, rows), at = 0;
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
            c->edit_full = false;
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
        if (!class_setup_is_text_row((SetupRow)c->focus) && c->focus < SETUP_ROW_START &&
            c->focus != SETUP_ROW_RESUME) {
            class_setup_change(app, (SetupRow)c->focus, cmd->kind == CMD_LEFT ? -1 : 1);
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
        int row = class_setup_row_from_arg(cmd->arg);
        if (row < 0) {
            break;
        }
        if (strcmp(cmd->name, "prev") == 0 || strcmp(cmd->name, "next") == 0) {
            c->focus = row;
            class_setup_change(app, (SetupRow)row, cmd->name[0] == 'p' ? -1 : 1);
        } else {
            activate_row(app, (SetupRow)row, 0);
        }
        break;
    }
    default:
        break;
    }
    /* the focused row may have disappeared (a mode without teams) */
    SetupRow rows[SETUP_ROW_TOTAL];
    int n = class_setup_visible_rows(app, rows);
    bool shown = false;
    for (int i = 0; i < n; i++) {
        shown = shown || rows[i] == (SetupRow)c->focus;
    }
    if (!shown) {
        c->focus = SETUP_ROW_START;
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
    SetupRow rows[SETUP_ROW_TOTAL];
    int n = class_setup_visible_rows(app, rows);
    if (c->has_saved) {
        char label[160];
        snprintf(label, sizeof label, "Resume the game from %s  (Shift+F5)", c->saved_when);
        SDL_Rect r = {m, y, app->w - 2 * m, class_u(app, 7)};
        draw_button(app, r, "resume", label, c->focus == SETUP_ROW_RESUME, true);
        y += r.h + class_u(app, 1.5f);
    }
    int help_top = app->h - class_u(app, 4.5f);
    int bar_h = class_u(app, 7);
    int bar_y = help_top - class_u(app, 1.5f) - bar_h;
    /* left: how the game plays; right: what it asks, where results go, the team names */
    SetupRow left[SETUP_ROW_TOTAL], right[SETUP_ROW_TOTAL];
    int nl = 0, nr = 0;
    for (int i = 0; i < n; i++) {
        if (rows[i] == SETUP_ROW_RESUME || rows[i] == SETUP_ROW_START ||
            rows[i] == SETUP_ROW_BACK) {
            continue;
        }
        if (rows[i] >= SETUP_ROW_PACKS) {
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
    SetupLook look = class_setup_look(app, rh, cw);
    for (int i = 0; i < nl; i++) {
        class_setup_draw_row(app, (SDL_Rect){m, y + i * (rh + gap), cw, rh}, left[i], &look);
    }
    for (int i = 0; i < nr; i++) {
        class_setup_draw_row(app, (SDL_Rect){2 * m + cw, y + i * (rh + gap), cw, rh}, right[i],
                             &look);
    }
    int bw = class_u(app, 30);
    draw_button(app, (SDL_Rect){app->w / 2 + m / 2, bar_y, bw, bar_h}, "start", "Start (F5)",
                c->focus == SETUP_ROW_START, true);
    draw_button(app,
                (SDL_Rect){app->w / 2 - m / 2 - class_u(app, 20), bar_y, class_u(app, 20), bar_h},
                "back", "Back", c->focus == SETUP_ROW_BACK, false);
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
    c->focus = c->has_saved ? SETUP_ROW_RESUME : SETUP_ROW_START;
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
