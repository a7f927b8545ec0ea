/* screen_title.c - the title screen: the menu that starts a quiz and leads everywhere else. */
#include <stdio.h>

#include "core/day.h"
#include "ui/app.h"
#include "ui/draw.h"

typedef enum TitleItem {
    ITEM_PLAY,
    ITEM_STUDY,
    ITEM_CRAM,
    ITEM_PICK,
    ITEM_CLASSROOM,
    ITEM_STATS,
    ITEM_SCORES,
    ITEM_SETTINGS,
    ITEM_PROFILE,
    ITEM_PROBLEMS,
    ITEM_QUIT,
    ITEM_COUNT
} TitleItem;

static const char *const item_arg[ITEM_COUNT] = {"start",     "study",    "cram",   "picker",
                                                 "classroom", "stats",    "scores", "settings",
                                                 "profiles",  "problems", "quit"};

static const KeyBinding keys[] = {
    {SDLK_UP, 0, CMD_UP, 0, NULL},          {SDLK_DOWN, 0, CMD_DOWN, 0, NULL},
    {SDLK_TAB, 0, CMD_DOWN, 0, NULL},       {SDLK_TAB, KMOD_SHIFT, CMD_UP, 0, NULL},
    {SDLK_RETURN, 0, CMD_CONFIRM, 0, NULL}, {SDLK_KP_ENTER, 0, CMD_CONFIRM, 0, NULL},
    {SDLK_SPACE, 0, CMD_CONFIRM, 0, NULL},  {SDLK_PAGEDOWN, 0, CMD_CONFIRM, 0, NULL},
    {SDLK_ESCAPE, 0, CMD_BACK, 0, NULL},
};

static void activate(App *app, int item)
{
    switch ((TitleItem)item) {
    case ITEM_PLAY:
        play_start_from_settings(app);
        break;
    case ITEM_STUDY:
        study_start(app, false, NULL);
        break;
    case ITEM_CRAM:
        study_start(app, true, app->settings.topic);
        break;
    case ITEM_PICK:
        app_switch(app, SCREEN_PICKER);
        break;
    case ITEM_CLASSROOM:
        app_switch(app, SCREEN_CLASS_SETUP);
        break;
    case ITEM_STATS:
        app_switch(app, SCREEN_STATS);
        break;
    case ITEM_PROFILE:
        app_switch(app, SCREEN_PROFILES);
        break;
    case ITEM_SCORES:
        app->back_to = SCREEN_TITLE;
        app_switch(app, SCREEN_SCORES);
        break;
    case ITEM_SETTINGS:
        app->back_to = SCREEN_TITLE;
        app_switch(app, SCREEN_SETTINGS);
        break;
    case ITEM_PROBLEMS:
        app->back_to = SCREEN_TITLE;
        app_switch(app, SCREEN_PROBLEMS);
        break;
    case ITEM_QUIT:
    default:
        app->quit = true;
        break;
    }
}

static void command(App *app, const Command *cmd)
{
    ListState *s = &app->title;
    switch (cmd->kind) {
    case CMD_UP:
        s->focus = (s->focus + ITEM_COUNT - 1) % ITEM_COUNT;
        break;
    case CMD_DOWN:
        s->focus = (s->focus + 1) % ITEM_COUNT;
        break;
    case CMD_CONFIRM:
        activate(app, s->focus);
        break;
    case CMD_BACK:
        s->focus = ITEM_QUIT;
        break;
    case CMD_KEY:
        /* first letters, as menus do: P play, F flashcards, C choose, H high scores, S settings */
        switch (cmd->key) {
        case SDLK_p:
            activate(app, ITEM_PLAY);
            break;
        case SDLK_f:
            activate(app, ITEM_STUDY);
            break;
        case SDLK_t:
            activate(app, ITEM_STATS);
            break;
        case SDLK_w:
            activate(app, ITEM_PROFILE);
            break;
        case SDLK_c:
            activate(app, ITEM_PICK);
            break;
        case SDLK_h:
            activate(app, ITEM_SCORES);
            break;
        case SDLK_s:
            activate(app, ITEM_SETTINGS);
            break;
        default:
            break;
        }
        break;
    case CMD_ACTIVATE:
        for (int i = 0; i < ITEM_COUNT; i++) {
            if (cmd->arg && SDL_strcmp(cmd->arg, item_arg[i]) == 0) {
                s->focus = i;
                activate(app, i);
            }
        }
        break;
    default:
        break;
    }
}

static void selection_label(const App *app, char *out, size_t size)
{
    const Settings *st = &app->settings;
    const char *mode = !st->timed ? "untimed" : st->relaxed ? "timed, relaxed" : "timed";
    snprintf(out, size, "%d questions \xC2\xB7 %s \xC2\xB7 %s%s%s", st->question_count,
             st->packs[0] ? st->packs : "all packs", st->topic[0] ? st->topic : "all topics", ", ",
             mode);
}

static void count_today(App *app);

static void draw(App *app)
{
    if (day_number(app_wall_time(app), app->settings.day_start) != app->title_day) {
        count_today(app);
    }
    const Theme *t = &app->theme;
    int y = draw_u(app, 9);
    int big = draw_u(app, 13);
    text_draw_line_fit(app->text, FACE_BOLD, big, t->accent, app->w / 2, y + big / 2,
                       app->w - draw_u(app, 4), ALIGN_CENTER, "quizdeck");
    y += big + draw_u(app, 2);
    char sub[256];
    snprintf(sub, sizeof sub, "%d packs \xC2\xB7 %d questions", library_pack_count(&app->library),
             library_question_count(&app->library));
    text_draw_line_fit(app->text, FACE_REGULAR, draw_u(app, 3.2f), t->dim, app->w / 2, y,
                       app->w - draw_u(app, 4), ALIGN_CENTER, sub);
    y += draw_u(app, 5);

    char play[700], label[640], problems[64], study[96], cram[120];
    char profile[PROFILE_NAME_SIZE + 16];
    selection_label(app, label, sizeof label);
    snprintf(play, sizeof play, "Play a quiz: %s", label);
    snprintf(problems, sizeof problems, "Pack problems (%d)", app->problem_count);
    if (app->title_due >= 0) {
        snprintf(study, sizeof study, "Study flashcards \xC2\xB7 %d due \xC2\xB7 %d new",
                 app->title_due, app->title_new);
    } else {
        snprintf(study, sizeof study, "Study flashcards");
    }
    snprintf(cram, sizeof cram, "Cram %s now (no scheduling)",
             app->settings.topic[0] ? app->settings.topic : "every topic");
    snprintf(profile, sizeof profile, "Learner: %s", app->profile);
    const char *labels[ITEM_COUNT] = {play,
                                      study,
                                      cram,
                                      "Choose packs and topics",
                                      "Classroom mode (teams on one screen)",
                                      "Statistics",
                                      "High scores",
                                      "Settings",
                                      profile,
                                      problems,
                                      "Quit"};
    int bw = app->w * 7 / 10;
    int help_top = app->h - draw_u(app, 4.5f);
    int avail = help_top - y - draw_u(app, 2);
    int gap = draw_u(app, 0.9f);
    int bh = avail / ITEM_COUNT - gap;
    if (bh > draw_u(app, 7)) {
        bh = draw_u(app, 7);
    }
    if (bh < 8) {
        bh = 8;
    }
    for (int i = 0; i < ITEM_COUNT; i++) {
        SDL_Rect r = {(app->w - bw) / 2, y + i * (bh + gap), bw, bh};
        draw_button(app, r, item_arg[i], labels[i], app->title.focus == i, i == ITEM_PLAY);
    }
    draw_help(app,
              "\xE2\x86\x91\xE2\x86\x93 choose   Enter open   P play   F flashcards   T statistics"
              "   W learner   M sound   F11 full screen");
}

/* Today's cards, for the Study button, counted on the selected packs: on entering the screen
 * and again when a new study day begins while it is shown. */
static void count_today(App *app)
{
    app->title_day = day_number(app_wall_time(app), app->settings.day_start);
    if (!study_today(app, &app->title_due, &app->title_new)) {
        app->title_due = -1;
    }
}

static void enter(App *app)
{
    if (app->title.focus < 0 || app->title.focus >= ITEM_COUNT) {
        app->title.focus = 0;
    }
    count_today(app);
}

const Screen screen_title = {
    .name = "title",
    .keys = keys,
    .key_count = SDL_arraysize(keys),
    .enter = enter,
    .command = command,
    .draw = draw,
};
