/* screen_classroom.c - the classroom presentation: one screen for the whole class, driven by a
 * presentation clicker (PageDown/PageUp/B/.), the keyboard, the mouse and the teams' pads.
 * Each key means one thing per step (class_help.c lists the map); the game state is saved
 * after every step and answer so a crash or a stray Esc loses nothing. */
#include <stdio.h>
#include <string.h>

#include "core/utf8.h"
#include "ui/class_view.h"

/* Ctrl+R would reload the packs the running game borrows: here it does nothing. Every other key
 * arrives as CMD_KEY and is read per step below. */
static const KeyBinding keys[] = {
    {SDLK_r, KMOD_CTRL, CMD_NONE, 0, NULL},
};

static bool text_focus(const App *app)
{
    return app->classroom.typing;
}

/* After the game changed: a new step resets what the teacher was entering; the podium writes
 * the results; everything else is saved for resuming. */
static void after(App *app, bool edited)
{
    ClassroomUi *c = &app->classroom;
    ClassGame *g = c->game;
    if (!g) {
        return;
    }
    ClassStep s = classroom_step(g);
    if (edited) {
        c->results_done = false;
    }
    if (s != c->shown_step || classroom_position(g) != c->shown_position) {
        if (c->typing) {
            c->typing = false;
            SDL_StopTextInput();
        }
        c->marks = 0;
        c->last_second = -1;
        c->team_cursor = 0;
        while (c->team_cursor < classroom_team_count(g) - 1 &&
               classroom_team_is_absent(g, c->team_cursor)) {
            c->team_cursor++;
        }
        if (s == CLASS_STEP_CLOSED && classroom_time_left(g, app->now_ms) == 0) {
            sound_play(app->sound, SOUND_TIME_UP);
        }
        if (s != CLASS_STEP_END_SUMMARY) {
            c->summary_page = 0;
        }
        c->shown_step = s;
        c->shown_position = classroom_position(g);
    }
    if (s == CLASS_STEP_END_PODIUM && !c->results_done) {
        classroom_ui_write_results(app);
    }
    classroom_ui_save(app);
    app_redraw(app);
}

/* Where the end screens draw: the content area down to the buttons (no team strip). */
static SDL_Rect end_area(const App *app)
{
    ClassLayout l = class_layout(app);
    SDL_Rect a = l.content;
    a.h = l.controls.y - class_u(app, 1) - a.y;
    return a;
}

static void next(App *app)
{
    ClassroomUi *c = &app->classroom;
    if (classroom_step(c->game) == CLASS_STEP_END_SUMMARY) {
        if (c->summary_page + 1 < class_summary_pages(app, end_area(app))) {
            c->summary_page++;
        }
        return;
    }
    after(app,
          classroom_next(c->game, app->now_ms) && classroom_step(c->game) == CLASS_STEP_CLOSED);
}

static void back(App *app)
{
    ClassroomUi *c = &app->classroom;
    if (classroom_step(c->game) == CLASS_STEP_END_SUMMARY && c->summary_page > 0) {
        c->summary_page--;
        return;
    }
    bool reopens = classroom_step(c->game) == CLASS_STEP_CLOSED;
    if (classroom_back(c->game, app->now_ms)) {
        after(app, reopens);
    }
}

static void toggle_pause(App *app)
{
    ClassGame *g = app->classroom.game;
    bool changed =
        classroom_is_paused(g) ? classroom_resume(g, app->now_ms) : classroom_pause(g, app->now_ms);
    if (changed) {
        after(app, false);
    }
}

static void open_menu(App *app)
{
    ClassroomUi *c = &app->classroom;
    c->menu = CLASS_MENU_OPEN;
    c->menu_focus = 0;
    c->help = false;
    c->menu_paused = classroom_pause(c->game, app->now_ms);
    if (c->menu_paused) {
        after(app, false);
    }
}

static void close_menu(App *app)
{
    ClassroomUi *c = &app->classroom;
    c->menu = CLASS_MENU_NONE;
    if (c->menu_paused && classroom_resume(c->game, app->now_ms)) {
        after(app, false);
    }
    c->menu_paused = false;
}

/* Plays the rest of the game out: questions not played are left out, the podium follows. */
static void end_now(App *app)
{
    ClassroomUi *c = &app->classroom;
    ClassGame *g = c->game;
    c->menu = CLASS_MENU_NONE;
    c->menu_paused = false;
    for (int guard = 0; guard < 10000 && classroom_step(g) < CLASS_STEP_END_PODIUM; guard++) {
        ClassStep s = classroom_step(g);
        bool any = false;
        for (int t = 0; t < classroom_team_count(g); t++) {
            any = any || classroom_has_answered(g, t);
        }
        if (s == CLASS_STEP_READING || (s == CLASS_STEP_ANSWERING && !any)) {
            classroom_skip(g, app->now_ms);
        } else {
            classroom_next(g, app->now_ms);
        }
    }
    after(app, true);
}

static void menu_choose(App *app, const char *arg)
{
    ClassroomUi *c = &app->classroom;
    if (strcmp(arg, "resume") == 0 || strcmp(arg, "cancel") == 0) {
        close_menu(app);
    } else if (strcmp(arg, "leave") == 0) {
        c->menu = CLASS_MENU_NONE;
        classroom_ui_save(app);
        classroom_ui_free(app);
        app_switch(app, SCREEN_CLASS_SETUP);
    } else if (strcmp(arg, "end") == 0) {
        c->menu = CLASS_MENU_CONFIRM;
        c->menu_focus = 0;
    } else if (strcmp(arg, "end-confirm") == 0) {
        end_now(app);
    } else if (strcmp(arg, "finish") == 0) {
        c->menu = CLASS_MENU_NONE;
        classroom_ui_end(app, true);
        app_switch(app, SCREEN_CLASS_SETUP);
    }
}

static void menu_key(App *app, SDL_Keycode key)
{
    ClassroomUi *c = &app->classroom;
    bool end = classroom_step(c->game) >= CLASS_STEP_END_PODIUM;
    int n = c->menu == CLASS_MENU_CONFIRM || end ? 2 : 3;
    static const char *const normal[3] = {"resume", "leave", "end"};
    static const char *const ending[2] = {"resume", "finish"};
    static const char *const confirm[2] = {"end-confirm", "cancel"};
    switch (key) {
    case SDLK_UP:
    case SDLK_PAGEUP:
        c->menu_focus = (c->menu_focus + n - 1) % n;
        break;
    case SDLK_DOWN:
    case SDLK_PAGEDOWN:
    case SDLK_TAB:
        c->menu_focus = (c->menu_focus + 1) % n;
        break;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
    case SDLK_SPACE:
        menu_choose(app, c->menu == CLASS_MENU_CONFIRM ? confirm[c->menu_focus]
                         : end                         ? ending[c->menu_focus]
                                                       : normal[c->menu_focus]);
        break;
    case SDLK_ESCAPE:
    case SDLK_F5:
        if (c->menu == CLASS_MENU_CONFIRM) {
            c->menu = CLASS_MENU_OPEN;
            c->menu_focus = 2;
        } else {
            close_menu(app);
        }
        break;
    default:
        break;
    }
}

/* Keys that enter answers while the answers are open: never controls then. */
static bool answer_key(const App *app, SDL_Keycode key)
{
    const ClassGame *g = app->classroom.game;
    if (classroom_step(g) != CLASS_STEP_ANSWERING) {
        return false;
    }
    return (key >= SDLK_a && key <= SDLK_h) || (key >= SDLK_0 && key <= SDLK_9) ||
           (key >= SDLK_KP_1 && key <= SDLK_KP_8) || key == SDLK_t || key == SDLK_f ||
           ((key == SDLK_UP || key == SDLK_DOWN) && classroom_config(g)->mode == CLASS_PADS);
}

static void on_key(App *app, SDL_Keycode key, Uint16 mods)
{
    ClassroomUi *c = &app->classroom;
    ClassGame *g = c->game;
    if (c->black) {
        c->black = false; /* any key brings the picture back, and does nothing else */
        return;
    }
    if (c->menu != CLASS_MENU_NONE) {
        menu_key(app, key);
        return;
    }
    bool help_key = key == SDLK_h || key == SDLK_QUESTION || (key == SDLK_SLASH && mods);
    if (c->help) {
        c->help = false;
        if (help_key || key == SDLK_ESCAPE || key == SDLK_F5) {
            return;
        }
    }
    if (answer_key(app, key) && !(key == SDLK_SLASH)) {
        if (class_key_answer(app, key, mods)) {
            after(app, true);
        }
        return;
    }
    switch (key) {
    case SDLK_F5:
        if (classroom_resume(g, app->now_ms)) {
            after(app, false);
        }
        return;
    case SDLK_ESCAPE:
        open_menu(app);
        return;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
        if (!class_enter_key(app)) {
            next(app);
        } else {
            after(app, true);
        }
        return;
    case SDLK_PAGEDOWN:
    case SDLK_RIGHT:
    case SDLK_SPACE:
        next(app);
        return;
    case SDLK_PAGEUP:
    case SDLK_LEFT:
    case SDLK_BACKSPACE:
        back(app);
        return;
    case SDLK_b:
    case SDLK_PERIOD:
        c->black = true;
        return;
    case SDLK_p:
    case SDLK_PAUSE:
        toggle_pause(app);
        return;
    case SDLK_s:
        if (classroom_skip(g, app->now_ms)) {
            after(app, true);
        }
        return;
    case SDLK_PLUS:
    case SDLK_EQUALS:
    case SDLK_KP_PLUS:
    case SDLK_MINUS:
    case SDLK_KP_MINUS: {
        bool more = key == SDLK_PLUS || key == SDLK_EQUALS || key == SDLK_KP_PLUS;
        if (classroom_add_time(g, more ? 1 : -1, app->now_ms)) {
            after(app, true);
        }
        return;
    }
    case SDLK_r:
        if (classroom_reveal_now(g, app->now_ms)) {
            after(app, true);
        }
        return;
    default:
        if (help_key) {
            c->help = true;
        }
        return;
    }
}

static void button(App *app, const char *arg)
{
    ClassroomUi *c = &app->classroom;
    static const struct {
        const char *arg;
        SDL_Keycode key;
    } as_key[] = {
        {"next", SDLK_PAGEDOWN}, {"back", SDLK_PAGEUP}, {"pause", SDLK_p},  {"skip", SDLK_s},
        {"more", SDLK_PLUS},     {"less", SDLK_MINUS},  {"reveal", SDLK_r}, {"menu", SDLK_ESCAPE},
    };
    if (c->menu != CLASS_MENU_NONE) {
        menu_choose(app, arg);
        return;
    }
    if (strcmp(arg, "black") == 0) {
        c->black = !c->black;
        return;
    }
    if (strcmp(arg, "help") == 0) {
        c->help = !c->help;
        return;
    }
    for (size_t i = 0; i < SDL_arraysize(as_key); i++) {
        if (strcmp(arg, as_key[i].arg) == 0) {
            c->help = false;
            on_key(app, as_key[i].key, 0);
        }
    }
}

static void command(App *app, const Command *cmd)
{
    ClassroomUi *c = &app->classroom;
    if (!c->game) {
        return;
    }
    switch (cmd->kind) {
    case CMD_KEY:
        on_key(app, cmd->key, (Uint16)cmd->index);
        break;
    case CMD_TEXT: {
        if (c->typing) {
            c->typed_full = !utf8_append_bounded(c->typed, CLASS_TEXT_MAX, cmd->text);
        }
        break;
    }
    case CMD_ERASE: {
        size_t n = strlen(c->typed);
        while (n > 0 && ((unsigned char)c->typed[--n] & 0xC0) == 0x80) {
        }
        c->typed[n] = '\0';
        c->typed_full = false;
        break;
    }
    case CMD_CONFIRM:
        if (c->typing && class_submit_typed(app)) {
            after(app, true);
        }
        break;
    case CMD_BACK:
        c->typing = false;
        SDL_StopTextInput();
        break;
    case CMD_ACTIVATE:
        if (strcmp(cmd->name, "button") == 0 && cmd->arg) {
            button(app, cmd->arg);
        } else if (strcmp(cmd->name, "choice") == 0 && class_choice_clicked(app, cmd->index - 1)) {
            after(app, true);
        } else if (strcmp(cmd->name, "team") == 0 && class_team_clicked(app, cmd->index - 1)) {
            after(app, true);
        }
        break;
    case CMD_PAD_BUTTON:
        if (class_pad_button(app, cmd->index, (int)cmd->key)) {
            after(app, true);
        }
        break;
    case CMD_PAD_ADDED:
    case CMD_PAD_REMOVED:
        class_pad_plugged(app, cmd->index, cmd->kind == CMD_PAD_ADDED);
        after(app, true);
        break;
    default:
        break;
    }
    app_redraw(app);
}

static bool update(App *app, uint64_t now)
{
    ClassroomUi *c = &app->classroom;
    ClassGame *g = c->game;
    if (!g) {
        return false;
    }
    if (classroom_tick(g, now)) {
        after(app, true);
    }
    ClassStep s = classroom_step(g);
    long left = classroom_time_left(g, now);
    bool frozen = classroom_config(g)->mode == CLASS_BUZZER && classroom_active_team(g, NULL) >= 0;
    bool moving = (s == CLASS_STEP_READING || s == CLASS_STEP_ANSWERING) && left > 0 &&
                  !classroom_is_paused(g) && !frozen;
    if (moving && s == CLASS_STEP_ANSWERING && left <= 5000) {
        int second = (int)((left + 999) / 1000);
        if (second != c->last_second) {
            c->last_second = second;
            sound_play(app->sound, SOUND_TICK);
        }
    }
    if (moving && now >= c->saved_ms + CLASS_UI_SAVE_EVERY_MS) {
        classroom_ui_save(app);
    }
    bool notice = now < c->notice_until;
    if (moving || notice || c->notice_until) {
        app_redraw(app);
    }
    if (!notice) {
        c->notice_until = 0;
    }
    return moving || notice;
}

static void draw(App *app)
{
    ClassroomUi *c = &app->classroom;
    const ClassTheme *t = class_theme();
    draw_fill(app, (SDL_Rect){0, 0, app->w, app->h}, t->bg);
    if (!c->game) {
        return;
    }
    if (c->black) {
        draw_fill(app, (SDL_Rect){0, 0, app->w, app->h}, (SDL_Color){0, 0, 0, 255});
        app_hot_add(app, "button", "black", 0, (SDL_Rect){0, 0, app->w, app->h});
        return;
    }
    ClassLayout l = class_layout(app);
    ClassStep s = classroom_step(c->game);
    class_draw_top(app, l.top);
    if (s >= CLASS_STEP_END_PODIUM) {
        SDL_Rect a = end_area(app);
        if (s == CLASS_STEP_END_PODIUM) {
            class_draw_podium(app, a);
        } else {
            class_draw_summary(app, a);
        }
    } else {
        if (s == CLASS_STEP_SCOREBOARD) {
            class_draw_scoreboard(app, l.content);
        } else {
            class_draw_question_step(app, l.content);
        }
        class_draw_teams(app, l.teams);
    }
    class_draw_controls(app, l.controls);
    if (c->help) {
        class_draw_help(app);
    }
    if (c->menu != CLASS_MENU_NONE) {
        class_draw_menu(app);
    }
}

static void leave(App *app)
{
    ClassroomUi *c = &app->classroom;
    c->typing = false;
    SDL_StopTextInput();
}

const Screen screen_classroom = {
    .name = "classroom",
    .keys = keys,
    .key_count = SDL_arraysize(keys),
    .leave = leave,
    .command = command,
    .update = update,
    .draw = draw,
    .text_focus = text_focus,
    .raw_pads = true,
};
