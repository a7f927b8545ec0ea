/* screen_quiz.c - asking a question: the prompt fitted to its area, the buttons and the input
 * for choices, a text field or a list to put in order (drawn by quiz_answers.c); keyboard, mouse
 * and touch alike. */
#include <string.h>

#include "core/utf8.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/hud.h"
#include "ui/keypad.h"
#include "ui/quiz_answers.h"

static const KeyBinding keys[] = {
    {SDLK_RETURN, 0, CMD_CONFIRM, 0, NULL},  {SDLK_KP_ENTER, 0, CMD_CONFIRM, 0, NULL},
    {SDLK_SPACE, 0, CMD_TOGGLE, 0, NULL},    {SDLK_UP, 0, CMD_UP, 0, NULL},
    {SDLK_DOWN, 0, CMD_DOWN, 0, NULL},       {SDLK_LEFT, 0, CMD_LEFT, 0, NULL},
    {SDLK_RIGHT, 0, CMD_RIGHT, 0, NULL},     {SDLK_TAB, 0, CMD_DOWN, 0, NULL},
    {SDLK_TAB, KMOD_SHIFT, CMD_UP, 0, NULL}, {SDLK_ESCAPE, 0, CMD_PAUSE, 0, NULL},
    {SDLK_p, 0, CMD_PAUSE, 0, NULL},         {SDLK_PAUSE, 0, CMD_PAUSE, 0, NULL},
    {SDLK_s, 0, CMD_SKIP, 0, NULL},
};

static const QuizItem *current(const App *app)
{
    return quiz_current(app->run.session);
}

static const Question *question(const App *app)
{
    const QuizItem *item = current(app);
    return item ? item->pick.question : NULL;
}

static bool is_typed(const Question *q)
{
    return q && (q->type == QTYPE_TEXT || q->type == QTYPE_NUMBER);
}

static bool text_focus(const App *app)
{
    return is_typed(question(app)) && !app->run.paused;
}

static void enter(App *app)
{
    if (text_focus(app)) {
        SDL_StartTextInput();
    }
}

static void leave(App *app)
{
    SDL_StopTextInput();
    app->run.composition[0] = '\0';
}

static void move_row(App *app, int from, int to)
{
    QuizRun *r = &app->run;
    const Question *q = question(app);
    if (!q || from < 0 || to < 0 || from >= q->choice_count || to >= q->choice_count ||
        from == to) {
        return;
    }
    int v = r->order[from];
    if (from < to) {
        memmove(&r->order[from], &r->order[from + 1], sizeof r->order[0] * (size_t)(to - from));
    } else {
        memmove(&r->order[to + 1], &r->order[to], sizeof r->order[0] * (size_t)(from - to));
    }
    r->order[to] = v;
    r->cursor = to;
}

static void erase_last(char *s)
{
    size_t n = strlen(s);
    while (n > 0) {
        n--;
        if (((unsigned char)s[n] & 0xC0) != 0x80) {
            break;
        }
    }
    s[n] = '\0';
}

static void command(App *app, const Command *cmd)
{
    QuizRun *r = &app->run;
    const Question *q = question(app);
    if (!q) {
        return;
    }
    int n = quiz_answers_choice_count(q);
    bool order = q->type == QTYPE_ORDER;
    if (cmd->kind == CMD_UP || cmd->kind == CMD_DOWN || cmd->kind == CMD_LEFT ||
        cmd->kind == CMD_RIGHT) {
        r->show_cursor = true;
    }
    switch (cmd->kind) {
    case CMD_PAUSE:
    case CMD_BACK:
        play_pause(app, true);
        app_switch(app, SCREEN_PAUSE);
        break;
    case CMD_SKIP:
        play_skip(app);
        break;
    case CMD_TEXT: {
        r->typed_full = !utf8_append_bounded(r->typed, PACK_TEXT_MAX, cmd->text);
        r->composition[0] = '\0';
        break;
    }
    case CMD_ERASE:
        erase_last(r->typed);
        r->typed_full = false;
        break;
    case CMD_CONFIRM:
        if (!is_typed(q) && q->type != QTYPE_MULTI && q->type != QTYPE_ORDER) {
            play_choose(app, r->cursor); /* Enter picks the focused choice */
        } else {
            play_submit(app);
        }
        break;
    case CMD_TOGGLE:
        if (order) {
            r->grabbed = !r->grabbed;
        } else if (!is_typed(q)) {
            play_choose(app, r->cursor);
        }
        break;
    case CMD_UP:
    case CMD_LEFT:
        if (order && r->grabbed && cmd->kind == CMD_UP) {
            move_row(app, r->cursor, r->cursor - 1);
        } else if (n > 0) {
            r->cursor = (r->cursor + n - 1) % n;
        }
        break;
    case CMD_DOWN:
    case CMD_RIGHT:
        if (order && r->grabbed && cmd->kind == CMD_DOWN) {
            move_row(app, r->cursor, r->cursor + 1);
        } else if (n > 0) {
            r->cursor = (r->cursor + 1) % n;
        }
        break;
    case CMD_KEY: {
        Command c;
        if (q->type == QTYPE_TRUEFALSE && (cmd->key == SDLK_t || cmd->key == SDLK_f)) {
            play_choose(app, cmd->key == SDLK_t ? 0 : 1);
        } else if (input_choice_key(cmd->key, (Uint16)cmd->index, &c) && c.index < n) {
            if (order) {
                r->cursor = c.index;
                r->grabbed = true;
            } else {
                play_choose(app, c.index);
            }
        }
        break;
    }
    case CMD_ACTIVATE:
        if (strcmp(cmd->name, "choice") == 0) {
            play_choose(app, cmd->index - 1);
        } else if (strcmp(cmd->name, "item") == 0) {
            r->cursor = cmd->index - 1;
            r->grabbed = !r->grabbed;
        } else if (strcmp(cmd->name, "item-up") == 0) {
            r->grabbed = false;
            move_row(app, cmd->index - 1, cmd->index - 2);
        } else if (strcmp(cmd->name, "item-down") == 0) {
            r->grabbed = false;
            move_row(app, cmd->index - 1, cmd->index);
        } else if (strcmp(cmd->name, "key") == 0 && cmd->arg) {
            if (keypad_press(cmd->arg, r->typed, sizeof r->typed, &r->typed_full)) {
                play_submit(app);
            }
        } else if (strcmp(cmd->name, "button") == 0 && cmd->arg) {
            if (strcmp(cmd->arg, "submit") == 0) {
                play_submit(app);
            } else if (strcmp(cmd->arg, "skip") == 0) {
                play_skip(app);
            } else if (strcmp(cmd->arg, "pause") == 0) {
                play_pause(app, true);
                app_switch(app, SCREEN_PAUSE);
            }
        }
        break;
    case CMD_DRAG:
        r->drag_row = cmd->index - 1;
        r->drag_y = cmd->y;
        break;
    case CMD_DROP:
        if (order && r->row_h > 0) {
            int to = (cmd->y - r->rows_y0) / r->row_h;
            to = to < 0 ? 0 : to >= q->choice_count ? q->choice_count - 1 : to;
            move_row(app, cmd->index - 1, to);
        }
        r->drag_row = -1;
        break;
    default:
        break;
    }
    app_redraw(app);
}

static bool update(App *app, uint64_t now)
{
    return play_update(app, now);
}

static const char *help_for(const Question *q)
{
    switch (q->type) {
    case QTYPE_SINGLE:
        return "1-8 or A-H answer   \xE2\x86\x91\xE2\x86\x93 Enter   P pause   S skip   M sound";
    case QTYPE_MULTI:
        return "1-8 or A-H mark   Enter submit   P pause   S skip   M sound";
    case QTYPE_TRUEFALSE:
        return "T or 1 true   F or 2 false   P pause   S skip   M sound";
    case QTYPE_ORDER:
        return "\xE2\x86\x91\xE2\x86\x93 choose   Space pick up / put down   Enter submit   P pause"
               "   S skip";
    default:
        return "Type, then Enter to submit   Esc pause";
    }
}

static void draw(App *app)
{
    const Theme *t = &app->theme;
    const QuizItem *item = current(app);
    if (!item) {
        return;
    }
    const Question *q = item->pick.question;
    int y = hud_draw(app, 0, true);
    int margin = draw_u(app, 3);
    int help_top = app->h - draw_u(app, 4.5f);
    int bar_h = draw_u(app, 8);
    int buttons_y = help_top - bar_h - draw_u(app, 1.5f);
    /* the prompt gets about a third of what is left, the answers the rest */
    int top = y + draw_u(app, 2);
    int avail = buttons_y - top - draw_u(app, 2);
    int prompt_h = avail * 36 / 100;
    SDL_Rect pbox = {margin, top, app->w - 2 * margin, prompt_h};
    text_draw_box(app->text, FACE_BOLD, t->text, pbox, draw_u(app, 2.2f), draw_u(app, 7),
                  ALIGN_CENTER, true, q->prompt);
    const char *kind = q->type == QTYPE_MULTI   ? "Choose every right answer"
                       : q->type == QTYPE_ORDER ? "Put these in order, first at the top"
                                                : NULL;
    int ay = top + prompt_h + draw_u(app, 1);
    if (kind) {
        text_draw_line_fit(app->text, FACE_REGULAR, draw_u(app, 2.8f), t->dim, app->w / 2,
                           ay + draw_u(app, 1.5f), app->w - 2 * margin, ALIGN_CENTER, kind);
        ay += draw_u(app, 4);
    }
    SDL_Rect area = {margin, ay, app->w - 2 * margin, buttons_y - ay - draw_u(app, 1.5f)};
    quiz_answers_draw(app, item, area);
    int bw = draw_u(app, 22);
    int gap = draw_u(app, 2);
    bool needs_submit = q->type == QTYPE_MULTI || q->type == QTYPE_ORDER || is_typed(q);
    int count = needs_submit ? 3 : 2;
    int total = count * bw + (count - 1) * gap;
    if (total > app->w - 2 * margin) {
        bw = (app->w - 2 * margin - (count - 1) * gap) / count;
        total = count * bw + (count - 1) * gap;
    }
    int x = (app->w - total) / 2;
    draw_button(app, (SDL_Rect){x, buttons_y, bw, bar_h}, "pause", "Pause", false, false);
    draw_button(app, (SDL_Rect){x + bw + gap, buttons_y, bw, bar_h}, "skip", "Skip", false, false);
    if (needs_submit) {
        draw_button(app, (SDL_Rect){x + 2 * (bw + gap), buttons_y, bw, bar_h}, "submit", "Submit",
                    false, true);
    }
    draw_help(app, help_for(q));
}

const Screen screen_quiz = {
    .name = "quiz",
    .keys = keys,
    .key_count = SDL_arraysize(keys),
    .enter = enter,
    .leave = leave,
    .command = command,
    .update = update,
    .draw = draw,
    .text_focus = text_focus,
};
