/* screen_pause.c - the quiz paused: the clock stops and the question is hidden, so a pause
 * cannot be used to think. Offers resume, skip and leave, by keyboard or mouse. */
#include <string.h>

#include "ui/app.h"
#include "ui/draw.h"
#include "ui/hud.h"

typedef enum PauseItem { ITEM_RESUME, ITEM_SKIP, ITEM_LEAVE, ITEM_COUNT } PauseItem;

static const char *const item_arg[ITEM_COUNT] = {"resume", "skip", "quit"};
static const char *const item_label[ITEM_COUNT] = {"Resume", "Skip this question",
                                                   "Leave the quiz"};

static const KeyBinding keys[] = {
    {SDLK_p, 0, CMD_PAUSE, 0, NULL},
    {SDLK_ESCAPE, 0, CMD_PAUSE, 0, NULL},
    {SDLK_PAUSE, 0, CMD_PAUSE, 0, NULL},
    {SDLK_RETURN, 0, CMD_CONFIRM, 0, NULL},
    {SDLK_KP_ENTER, 0, CMD_CONFIRM, 0, NULL},
    {SDLK_SPACE, 0, CMD_CONFIRM, 0, NULL},
    {SDLK_UP, 0, CMD_UP, 0, NULL},
    {SDLK_DOWN, 0, CMD_DOWN, 0, NULL},
    {SDLK_TAB, 0, CMD_DOWN, 0, NULL},
    {SDLK_s, 0, CMD_SKIP, 0, NULL},
};

static bool can_skip(const App *app)
{
    return quiz_phase(app->run.session) == QUIZ_ASKING;
}

static void resume(App *app)
{
    play_pause(app, false);
    app_switch(app, quiz_phase(app->run.session) == QUIZ_FEEDBACK ? SCREEN_FEEDBACK : SCREEN_QUIZ);
}

static void activate(App *app, int item)
{
    switch ((PauseItem)item) {
    case ITEM_SKIP:
        if (can_skip(app)) {
            play_pause(app, false);
            play_skip(app);
        }
        break;
    case ITEM_LEAVE:
        play_abandon(app);
        break;
    case ITEM_RESUME:
    default:
        resume(app);
        break;
    }
}

static void command(App *app, const Command *cmd)
{
    int n = ITEM_COUNT;
    switch (cmd->kind) {
    case CMD_PAUSE:
        resume(app);
        break;
    case CMD_CONFIRM:
        activate(app, app->pause.focus);
        break;
    case CMD_SKIP:
        activate(app, ITEM_SKIP);
        break;
    case CMD_UP:
        do {
            app->pause.focus = (app->pause.focus + n - 1) % n;
        } while (app->pause.focus == ITEM_SKIP && !can_skip(app));
        break;
    case CMD_DOWN:
        do {
            app->pause.focus = (app->pause.focus + 1) % n;
        } while (app->pause.focus == ITEM_SKIP && !can_skip(app));
        break;
    case CMD_KEY: /* Q: leave the quiz (Ctrl+Q still quits the game) */
        if (cmd->key == SDLK_q) {
            activate(app, ITEM_LEAVE);
        }
        break;
    case CMD_ACTIVATE:
        for (int i = 0; i < ITEM_COUNT; i++) {
            if (cmd->arg && strcmp(cmd->arg, item_arg[i]) == 0) {
                activate(app, i);
            }
        }
        break;
    default:
        break;
    }
}

static void enter(App *app)
{
    app->pause.focus = ITEM_RESUME;
}

static void draw(App *app)
{
    const Theme *t = &app->theme;
    int y = hud_draw(app, 0, false);
    int big = draw_u(app, 11);
    int cy = y + (app->h - y) * 24 / 100;
    text_draw_line_fit(app->text, FACE_BOLD, big, t->text, app->w / 2, cy, app->w - draw_u(app, 4),
                       ALIGN_CENTER, "Paused");
    int left = play_remaining_ms(app);
    char line[128];
    if (left >= 0 && can_skip(app)) {
        SDL_snprintf(line, sizeof line, "The clock is stopped at %d s. The question is hidden.",
                     (left + 999) / 1000);
    } else {
        SDL_snprintf(line, sizeof line, "The question is hidden while the quiz is paused.");
    }
    text_draw_line_fit(app->text, FACE_REGULAR, draw_u(app, 3.4f), t->dim, app->w / 2,
                       cy + big * 3 / 4, app->w - draw_u(app, 4), ALIGN_CENTER, line);
    int bw = draw_u(app, 44), bh = draw_u(app, 8);
    if (bw > app->w - draw_u(app, 4)) {
        bw = app->w - draw_u(app, 4);
    }
    int by = cy + big + draw_u(app, 4);
    for (int i = 0; i < ITEM_COUNT; i++) {
        if (i == ITEM_SKIP && !can_skip(app)) {
            continue;
        }
        draw_button(app, (SDL_Rect){(app->w - bw) / 2, by, bw, bh}, item_arg[i], item_label[i],
                    app->pause.focus == i, i == ITEM_RESUME);
        by += bh + draw_u(app, 2);
    }
    draw_help(app,
              "P, Esc resume   \xE2\x86\x91\xE2\x86\x93 Enter choose   S skip   Q leave the quiz"
              "   M sound");
}

const Screen screen_pause = {
    .name = "pause",
    .keys = keys,
    .key_count = SDL_arraysize(keys),
    .enter = enter,
    .command = command,
    .draw = draw,
};
