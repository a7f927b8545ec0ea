/* screen_feedback.c - after an answer: right or wrong (symbol, word and colour), the right
 * answer, the explanation and its article section, and the points with the streak. */
#include <stdio.h>
#include <string.h>

#include "ui/app.h"
#include "ui/draw.h"
#include "ui/hud.h"

static const KeyBinding keys[] = {
    {SDLK_RETURN, 0, CMD_CONFIRM, 0, NULL},   {SDLK_KP_ENTER, 0, CMD_CONFIRM, 0, NULL},
    {SDLK_SPACE, 0, CMD_CONFIRM, 0, NULL},    {SDLK_RIGHT, 0, CMD_CONFIRM, 0, NULL},
    {SDLK_PAGEDOWN, 0, CMD_CONFIRM, 0, NULL}, {SDLK_n, 0, CMD_CONFIRM, 0, NULL},
    {SDLK_ESCAPE, 0, CMD_PAUSE, 0, NULL},     {SDLK_p, 0, CMD_PAUSE, 0, NULL},
};

static void command(App *app, const Command *cmd)
{
    switch (cmd->kind) {
    case CMD_CONFIRM:
        play_next(app);
        break;
    case CMD_PAUSE:
        play_pause(app, true);
        app_switch(app, SCREEN_PAUSE);
        break;
    case CMD_ACTIVATE:
        if (strcmp(cmd->name, "button") == 0 && cmd->arg && strcmp(cmd->arg, "next") == 0) {
            play_next(app);
        } else if (strcmp(cmd->name, "button") == 0 && cmd->arg && strcmp(cmd->arg, "pause") == 0) {
            play_pause(app, true);
            app_switch(app, SCREEN_PAUSE);
        }
        break;
    default:
        break;
    }
}

/* The verdict: a symbol and a word, so colour is never the only sign. */
static const char *verdict(Outcome o, SDL_Color *c, const Theme *t)
{
    switch (o) {
    case OUTCOME_RIGHT:
        *c = t->right;
        return "\xE2\x9C\x94 Right";
    case OUTCOME_PARTIAL:
        *c = t->warn;
        return "\xE2\x97\x90 Partly right";
    case OUTCOME_TIMEOUT:
        *c = t->wrong;
        return "\xE2\x97\xB7 Time up";
    case OUTCOME_SKIPPED:
        *c = t->dim;
        return "\xE2\x9E\xA1 Skipped";
    case OUTCOME_WRONG:
    default:
        *c = t->wrong;
        return "\xE2\x9C\x98 Wrong";
    }
}

static void draw(App *app)
{
    const Theme *t = &app->theme;
    const QuizRun *r = &app->run;
    int pos = quiz_position(r->session);
    const QuizItem *item = quiz_item(r->session, pos);
    if (!item) {
        return;
    }
    const Question *q = item->pick.question;
    int y = hud_draw(app, 0, false);
    int margin = draw_u(app, 4);
    int width = app->w - 2 * margin;
    int help_top = app->h - draw_u(app, 4.5f);
    int bar_h = draw_u(app, 8);
    int buttons_y = help_top - bar_h - draw_u(app, 1.5f);

    /* verdict and points */
    SDL_Color vc;
    const char *word = verdict(r->last.outcome, &vc, t);
    int vsize = draw_u(app, 8);
    y += draw_u(app, 2);
    int vh = text_line_height(app->text, FACE_BOLD, vsize);
    text_draw_line_fit(app->text, FACE_BOLD, vsize, vc, app->w / 2, y + vh / 2, width, ALIGN_CENTER,
                       word);
    y += vh;
    char points[160];
    const ScoreLine *l = &r->last;
    if (l->penalty > 0) {
        snprintf(points, sizeof points, "\xE2\x88\x92%d points (penalty)", l->penalty);
    } else if (l->bonus > 0) {
        snprintf(points, sizeof points, "+%d points  \xC2\xB7  streak %d: +%d bonus", l->delta,
                 l->streak, l->bonus);
    } else {
        snprintf(points, sizeof points, "+%d points", l->delta);
    }
    int psize = draw_u(app, 3.6f);
    text_draw_line_fit(app->text, FACE_REGULAR, psize, t->text, app->w / 2, y + psize / 2, width,
                       ALIGN_CENTER, points);
    y += psize + draw_u(app, 2.5f);

    /* the question, small; the right answer; the explanation; the source */
    int avail = buttons_y - y - draw_u(app, 2);
    int qh = avail * 18 / 100;
    SDL_Rect qb = {margin, y, width, qh};
    text_draw_box(app->text, FACE_REGULAR, t->dim, qb, draw_u(app, 1.8f), draw_u(app, 3.2f),
                  ALIGN_CENTER, true, q->prompt);
    y += qh + draw_u(app, 1);

    char answer[PACK_TEXT_MAX * 2];
    char line[PACK_TEXT_MAX * 2 + 32];
    hud_answer_text(item, answer, sizeof answer);
    snprintf(line, sizeof line, "Right answer: %s", answer);
    int ah = avail * 24 / 100;
    SDL_Rect ab = {margin, y, width, ah};
    draw_fill(app, (SDL_Rect){margin - draw_u(app, 1), y, width + draw_u(app, 2), ah}, t->panel);
    draw_fill(app, (SDL_Rect){margin - draw_u(app, 1), y, draw_u(app, 0.8f), ah}, t->right);
    ab.x += draw_u(app, 1.5f);
    ab.w -= draw_u(app, 2);
    text_draw_box(app->text, FACE_BOLD, t->text, ab, draw_u(app, 1.8f), draw_u(app, 4.2f),
                  ALIGN_LEFT, true, line);
    y += ah + draw_u(app, 1.5f);

    int sh = draw_u(app, 4);
    int eh = buttons_y - y - sh - draw_u(app, 2);
    SDL_Rect eb = {margin, y, width, eh > 0 ? eh : 0};
    text_draw_box(app->text, FACE_REGULAR, t->text, eb, draw_u(app, 1.8f), draw_u(app, 3.6f),
                  ALIGN_LEFT, false, q->explain);
    y += eb.h;
    char src[600];
    snprintf(src, sizeof src, "Source: %s%s%s",
             item->pick.pack->article ? "article section \xE2\x80\x9C" : "", q->source,
             item->pick.pack->article ? "\xE2\x80\x9D" : "");
    text_draw_line_fit(app->text, FACE_REGULAR, draw_u(app, 2.6f), t->accent, margin, y + sh / 2,
                       width, ALIGN_LEFT, src);

    int bw = draw_u(app, 26);
    bool last = pos + 1 >= quiz_count(r->session);
    draw_button(app, (SDL_Rect){(app->w - bw) / 2, buttons_y, bw, bar_h}, "next",
                last ? "See results" : "Next", true, true);
    draw_help(app, "Enter, Space or \xE2\x86\x92 next   P pause   M sound");
}

const Screen screen_feedback = {
    .name = "feedback",
    .keys = keys,
    .key_count = SDL_arraysize(keys),
    .command = command,
    .draw = draw,
};
