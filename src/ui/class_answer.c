/* class_answer.c - what the teams and the teacher press while a classroom question is open,
 * turned into the game's input: answer keys per mode, the keyboard standing in for two pads,
 * pads' face buttons, buzzers, typed answers, and pads plugged in or out. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ui/class_view.h"

void class_notice(App *app, const char *fmt, ...)
{
    ClassroomUi *c = &app->classroom;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->notice, sizeof c->notice, fmt, ap);
    va_end(ap);
    c->notice_until = app->now_ms + CLASS_UI_NOTICE_MS;
    app_redraw(app);
}

static bool open_for_input(const App *app)
{
    const ClassGame *g = app->classroom.game;
    return g && classroom_step(g) == CLASS_STEP_ANSWERING && !classroom_is_paused(g);
}

int class_entry_team(const App *app)
{
    const ClassroomUi *c = &app->classroom;
    const ClassGame *g = c->game;
    if (!g || classroom_step(g) != CLASS_STEP_ANSWERING) {
        return -1;
    }
    switch (classroom_config(g)->mode) {
    case CLASS_WHOLE:
        return 0;
    case CLASS_PADS:
        return c->team_cursor >= 0 && c->team_cursor < classroom_team_count(g) ? c->team_cursor
                                                                               : -1;
    default:
        return classroom_active_team(g, NULL);
    }
}

/* Says what happened to an answer; true when it was taken. */
static bool report(App *app, int team, ClassInput r, bool secret)
{
    ClassroomUi *c = &app->classroom;
    const char *name = classroom_team_name(c->game, team);
    switch (r) {
    case CLASS_INPUT_TAKEN:
        sound_play(app->sound, SOUND_CLICK);
        if (secret) {
            class_notice(app, "%s has answered", name);
        }
        c->marks = 0;
        /* pads mode: the teacher's cursor moves on to a team still to answer */
        for (int k = 1; k <= classroom_team_count(c->game); k++) {
            int t = (c->team_cursor + k) % classroom_team_count(c->game);
            if (!classroom_has_answered(c->game, t) && !classroom_team_is_absent(c->game, t)) {
                c->team_cursor = t;
                break;
            }
        }
        return true;
    case CLASS_INPUT_NOT_TURN:
        class_notice(app, "Not %s's turn", name);
        break;
    case CLASS_INPUT_ABSENT:
        class_notice(app, "%s is marked absent", name);
        break;
    case CLASS_INPUT_DONE:
        class_notice(app, "%s has already answered", name);
        break;
    case CLASS_INPUT_BAD:
        class_notice(app, "That answer does not fit this question");
        break;
    case CLASS_INPUT_NOT_OPEN:
    case CLASS_INPUT_COUNT:
    default:
        break;
    }
    return false;
}

/* The teacher's answer key for screen position `pos`: answers single and true/false, marks a
 * choice of a multi question. */
static bool enter_position(App *app, int team, int pos)
{
    ClassroomUi *c = &app->classroom;
    const Question *q = classroom_question(c->game, classroom_position(c->game));
    if (team < 0 || !q) {
        if (classroom_config(c->game)->mode == CLASS_BUZZER) {
            class_notice(app, "Nobody holds the buzzer: ring in first");
        }
        return false;
    }
    if (q->type == QTYPE_MULTI) {
        if (pos < q->choice_count) {
            c->marks ^= (uint8_t)(1u << pos);
            app_redraw(app);
        }
        return false;
    }
    Answer a;
    if (!classroom_position_answer(c->game, pos, &a)) {
        return false;
    }
    return report(app, team, classroom_answer(c->game, team, &a, app->now_ms), false);
}

static bool submit_marks(App *app)
{
    ClassroomUi *c = &app->classroom;
    const Question *q = classroom_question(c->game, classroom_position(c->game));
    const uint8_t *order = classroom_choice_order(c->game, classroom_position(c->game));
    Answer a;
    memset(&a, 0, sizeof a);
    for (int p = 0; p < q->choice_count; p++) {
        if ((c->marks >> p) & 1u) {
            a.picked |= (uint8_t)(1u << order[p]);
        }
    }
    int team = class_entry_team(app);
    return team >= 0 && report(app, team, classroom_answer(c->game, team, &a, app->now_ms), false);
}

static int keypad_position(SDL_Keycode key, int *keypad)
{
    if (key >= SDLK_1 && key <= SDLK_4) {
        *keypad = 0;
        return key - SDLK_1;
    }
    if (key >= SDLK_7 && key <= SDLK_9) {
        *keypad = 1;
        return key - SDLK_7;
    }
    if (key == SDLK_0) {
        *keypad = 1;
        return 3;
    }
    return -1;
}

static bool pads_key(App *app, SDL_Keycode key)
{
    ClassroomUi *c = &app->classroom;
    int keypad = 0;
    int pos = keypad_position(key, &keypad);
    int team = pos >= 0 ? c->keypad_team[keypad] : -1;
    if (team < 0) {
        return false;
    }
    if (!classroom_pad_ok(c->game, classroom_position(c->game))) {
        class_notice(app, "The teacher enters the answers to this question");
        return false;
    }
    return report(app, team, classroom_pad_answer(c->game, team, pos, app->now_ms), true);
}

static bool buzz(App *app, int team)
{
    ClassroomUi *c = &app->classroom;
    int before = classroom_active_team(c->game, NULL);
    int holder = classroom_buzz(c->game, team, app->now_ms);
    if (holder >= 0 && holder != before) {
        sound_play(app->sound, SOUND_CLICK);
        c->marks = 0;
        return true;
    }
    if (classroom_is_locked(c->game, team)) {
        class_notice(app, "%s is out for this question", classroom_team_name(c->game, team));
    }
    return false;
}

bool class_key_answer(App *app, SDL_Keycode key, Uint16 mods)
{
    ClassroomUi *c = &app->classroom;
    ClassGame *g = c->game;
    if (!open_for_input(app) || (mods & KMOD_SHIFT)) {
        return false;
    }
    ClassMode mode = classroom_config(g)->mode;
    const Question *q = classroom_question(g, classroom_position(g));
    if (mode == CLASS_BUZZER && key >= SDLK_1 && key <= SDLK_8) {
        int team = key - SDLK_1;
        return team < classroom_team_count(g) && buzz(app, team);
    }
    if (mode == CLASS_PADS &&
        ((key >= SDLK_0 && key <= SDLK_4) || (key >= SDLK_7 && key <= SDLK_9))) {
        return pads_key(app, key);
    }
    if (mode == CLASS_PADS && (key == SDLK_UP || key == SDLK_DOWN)) {
        int n = classroom_team_count(g);
        c->team_cursor = (c->team_cursor + (key == SDLK_UP ? n - 1 : 1)) % n;
        app_redraw(app);
        return false;
    }
    int team = class_entry_team(app);
    if (q->type == QTYPE_TRUEFALSE && (key == SDLK_t || key == SDLK_f)) {
        return enter_position(app, team, key == SDLK_t ? 0 : 1);
    }
    Command cmd;
    if (input_choice_key(key, mods, &cmd) &&
        (key < SDLK_1 || key > SDLK_8 || mode == CLASS_WHOLE || mode == CLASS_TURNS)) {
        return enter_position(app, team, cmd.index);
    }
    return false;
}

bool class_enter_key(App *app)
{
    ClassroomUi *c = &app->classroom;
    if (!open_for_input(app)) {
        return false;
    }
    const Question *q = classroom_question(c->game, classroom_position(c->game));
    int team = class_entry_team(app);
    if (team < 0 || !q) {
        return false;
    }
    if (q->type == QTYPE_MULTI && c->marks) {
        submit_marks(app);
        return true;
    }
    if (q->type == QTYPE_TEXT || q->type == QTYPE_NUMBER || q->type == QTYPE_ORDER) {
        c->typing = true;
        c->typed[0] = '\0';
        c->typed_full = false;
        SDL_StartTextInput();
        return true;
    }
    return false;
}

bool class_submit_typed(App *app)
{
    ClassroomUi *c = &app->classroom;
    const Question *q = classroom_question(c->game, classroom_position(c->game));
    int team = class_entry_team(app);
    c->typing = false;
    SDL_StopTextInput();
    if (!q || team < 0 || !c->typed[0]) {
        return false;
    }
    Answer a;
    memset(&a, 0, sizeof a);
    if (q->type == QTYPE_ORDER) {
        const uint8_t *order = classroom_choice_order(c->game, classroom_position(c->game));
        for (const char *p = c->typed; *p && a.order_count < PACK_CHOICES_MAX; p++) {
            int pos = *p >= 'a' && *p <= 'h'   ? *p - 'a'
                      : *p >= 'A' && *p <= 'H' ? *p - 'A'
                      : *p >= '1' && *p <= '8' ? *p - '1'
                                               : -1;
            if (pos >= 0 && pos < q->choice_count) {
                a.order[a.order_count++] = order[pos];
            }
        }
    } else {
        a.text = c->typed;
    }
    return report(app, team, classroom_answer(c->game, team, &a, app->now_ms), false);
}

bool class_choice_clicked(App *app, int position)
{
    ClassroomUi *c = &app->classroom;
    if (!open_for_input(app)) {
        return false;
    }
    int team = class_entry_team(app);
    if (classroom_config(c->game)->mode == CLASS_PADS &&
        classroom_pad_ok(c->game, classroom_position(c->game)) && team >= 0) {
        return report(app, team, classroom_pad_answer(c->game, team, position, app->now_ms), true);
    }
    return enter_position(app, team, position);
}

bool class_team_clicked(App *app, int team)
{
    ClassroomUi *c = &app->classroom;
    if (!open_for_input(app) || team < 0 || team >= classroom_team_count(c->game)) {
        return false;
    }
    ClassMode mode = classroom_config(c->game)->mode;
    if (mode == CLASS_BUZZER) {
        return buzz(app, team);
    }
    if (mode == CLASS_PADS) {
        c->team_cursor = team;
        app_redraw(app);
    }
    return false;
}

bool class_pad_button(App *app, int slot, int button)
{
    ClassroomUi *c = &app->classroom;
    ClassGame *g = c->game;
    if (!g || button > SDL_CONTROLLER_BUTTON_Y) {
        return false; /* only the four face buttons answer */
    }
    if (slot >= classroom_team_count(g)) {
        class_notice(app, "Pad %d has no team in this game", slot + 1);
        return false;
    }
    if (!open_for_input(app)) {
        return false;
    }
    ClassMode mode = classroom_config(g)->mode;
    if (mode == CLASS_BUZZER) {
        return buzz(app, slot);
    }
    if (!classroom_pad_ok(g, classroom_position(g))) {
        class_notice(app, "The teacher enters the answers to this question");
        return false;
    }
    return report(app, slot, classroom_pad_answer(g, slot, button, app->now_ms),
                  mode == CLASS_PADS);
}

void class_pad_plugged(App *app, int slot, bool added)
{
    ClassroomUi *c = &app->classroom;
    ClassGame *g = c->game;
    if (!g || slot >= classroom_team_count(g)) {
        return;
    }
    ClassMode mode = classroom_config(g)->mode;
    if (mode != CLASS_PADS && mode != CLASS_BUZZER) {
        return;
    }
    bool keypad = c->keypad_team[0] == slot || c->keypad_team[1] == slot;
    const char *name = classroom_team_name(g, slot);
    if (added) {
        if (classroom_team_absent(g, slot, false, app->now_ms)) {
            class_notice(app, "%s's pad is back", name);
        }
    } else if (!keypad && classroom_team_absent(g, slot, true, app->now_ms)) {
        class_notice(app, "%s's pad was unplugged: the team is marked absent", name);
    }
}
