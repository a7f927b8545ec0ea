/* screen_profiles.c - "Who is learning?": pick or create a learner's profile, export or import
 * its progress, reset a pack. This file turns keys and clicks into actions (profiles_actions.c)
 * and keeps the focus; profiles_draw.c draws. It never switches screens itself (app_switch). */
#include <string.h>

#include "ui/keypad.h"
#include "ui/profiles.h"

static const KeyBinding keys[] = {
    {SDLK_UP, 0, CMD_UP, 0, NULL},          {SDLK_DOWN, 0, CMD_DOWN, 0, NULL},
    {SDLK_TAB, 0, CMD_DOWN, 0, NULL},       {SDLK_TAB, KMOD_SHIFT, CMD_UP, 0, NULL},
    {SDLK_PAGEUP, 0, CMD_PREV, 0, NULL},    {SDLK_PAGEDOWN, 0, CMD_NEXT, 0, NULL},
    {SDLK_RETURN, 0, CMD_CONFIRM, 0, NULL}, {SDLK_KP_ENTER, 0, CMD_CONFIRM, 0, NULL},
    {SDLK_SPACE, 0, CMD_TOGGLE, 0, NULL},   {SDLK_ESCAPE, 0, CMD_BACK, 0, NULL},
};

ProfilesState *profiles_state(App *app)
{
    return &app->profiles_state;
}

static bool text_focus(const App *app)
{
    return profiles_state((App *)app)->typing;
}

static bool is(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

/* Moves the focus of a list of `n` stops by `dir`, wrapping around. */
static void move(App *app, ListState *l, int n, int dir)
{
    if (n > 0) {
        l->focus = ((l->focus + dir) % n + n) % n;
    }
    profiles_state(app)->follow = true;
}

static void open_packs(App *app)
{
    ProfilesState *s = profiles_state(app);
    if (profiles_pack_count(app) == 0) {
        profiles_say(app, true, "No pack is loaded, so there is no progress to reset.");
        return;
    }
    s->mode = PROFILES_PACKS;
    s->message[0] = '\0';
    s->follow = true;
}

static void choose_pack(App *app, int i)
{
    ProfilesState *s = profiles_state(app);
    const Pack *pack = profiles_pack_at(app, i);
    if (pack) {
        s->packs.focus = i;
        str_copy(s->pack_id, sizeof s->pack_id, pack->id);
        s->message[0] = '\0';
        s->mode = PROFILES_CONFIRM;
    }
}

/* Enter on the list's focus stop `stop` (learners first, then ProfilesStop). */
static void act(App *app, const ProfilesRows *rows, int stop)
{
    switch (stop - rows->count) {
    case STOP_NEW:
        profiles_set_typing(app, true);
        break;
    case STOP_EXPORT:
        profiles_export(app);
        break;
    case STOP_IMPORT:
        profiles_import(app);
        break;
    case STOP_RESET:
        open_packs(app);
        break;
    case STOP_BACK:
        app_switch(app, SCREEN_TITLE);
        break;
    default:
        if (stop >= 0 && stop < rows->count) {
            profiles_pick(app, profiles_row_name(rows, stop));
        }
        break;
    }
}

/* A click in the list view. */
static void click_list(App *app, const ProfilesRows *rows, const Command *cmd)
{
    ProfilesState *s = profiles_state(app);
    ListState *l = &app->profiles_view;
    int base = rows->count;
    bool field = is(cmd->name, "field") || is(cmd->arg, "new");
    if (is(cmd->name, "key")) {
        if (s->typing && keypad_press(cmd->arg, s->name, sizeof s->name, NULL)) {
            profiles_create(app);
        }
        return;
    }
    if (!field && !is(cmd->arg, "create")) {
        profiles_set_typing(app, false);
    }
    if (is(cmd->name, "profile") && cmd->index >= 1 && cmd->index <= rows->count) {
        l->focus = cmd->index - 1;
        profiles_pick(app, profiles_row_name(rows, cmd->index - 1));
    } else if (field) {
        l->focus = base + STOP_NEW;
        profiles_set_typing(app, true);
    } else if (is(cmd->arg, "create")) {
        l->focus = base + STOP_NEW;
        profiles_create(app);
    } else if (is(cmd->arg, "export")) {
        l->focus = base + STOP_EXPORT;
        profiles_export(app);
    } else if (is(cmd->arg, "import")) {
        l->focus = base + STOP_IMPORT;
        profiles_import(app);
    } else if (is(cmd->arg, "reset")) {
        l->focus = base + STOP_RESET;
        open_packs(app);
    } else if (is(cmd->arg, "back")) {
        app_switch(app, SCREEN_TITLE);
    } else if (is(cmd->arg, "up") || is(cmd->arg, "down")) {
        l->scroll += is(cmd->arg, "up") ? -1 : 1; /* the drawing keeps it in range */
    }
}

/* Appends `text` to `name` (of `size` bytes), whole code points as long as they fit. */
static void append(char *name, size_t size, const char *text)
{
    size_t have = strlen(name), add = 0;
    for (size_t n = 1; text[add]; add += n) {
        for (n = 1; ((unsigned char)text[add + n] & 0xC0) == 0x80; n++) {
        }
        if (have + add + n >= size) {
            break;
        }
    }
    memcpy(name + have, text, add);
    name[have + add] = '\0';
}

static void list_command(App *app, const Command *cmd)
{
    ProfilesState *s = profiles_state(app);
    ListState *l = &app->profiles_view;
    ProfilesRows rows;
    profiles_rows_load(app, &rows);
    int stops = rows.count + STOP_COUNT;
    switch (cmd->kind) {
    case CMD_TEXT:
        if (s->typing) {
            append(s->name, sizeof s->name, cmd->text);
        }
        app->run.composition[0] = '\0';
        s->name_error[0] = '\0';
        break;
    case CMD_ERASE:
        keypad_press("backspace", s->name, sizeof s->name, NULL);
        s->name_error[0] = '\0';
        break;
    case CMD_UP:
    case CMD_DOWN:
        move(app, l, stops, cmd->kind == CMD_UP ? -1 : 1);
        break;
    case CMD_PREV:
    case CMD_NEXT:
    case CMD_SCROLL:
        l->scroll += cmd->kind == CMD_PREV ? -5 : cmd->kind == CMD_NEXT ? 5 : cmd->index;
        break;
    case CMD_CONFIRM:
    case CMD_TOGGLE:
        if (s->typing) {
            profiles_create(app);
        } else {
            act(app, &rows, l->focus);
        }
        break;
    case CMD_BACK:
        if (s->typing) {
            profiles_set_typing(app, false);
        } else {
            app_switch(app, SCREEN_TITLE);
        }
        break;
    case CMD_ACTIVATE:
        click_list(app, &rows, cmd);
        break;
    default:
        break;
    }
    profiles_rows_free(&rows);
}

static void packs_command(App *app, const Command *cmd)
{
    ProfilesState *s = profiles_state(app);
    ListState *l = &s->packs;
    int n = profiles_pack_count(app);
    switch (cmd->kind) {
    case CMD_UP:
    case CMD_DOWN:
        move(app, l, n + 1, cmd->kind == CMD_UP ? -1 : 1); /* the packs, then Back */
        break;
    case CMD_PREV:
    case CMD_NEXT:
    case CMD_SCROLL:
        l->scroll += cmd->kind == CMD_PREV ? -5 : cmd->kind == CMD_NEXT ? 5 : cmd->index;
        break;
    case CMD_CONFIRM:
    case CMD_TOGGLE:
        if (l->focus >= n) {
            s->mode = PROFILES_LIST;
        } else {
            choose_pack(app, l->focus);
        }
        break;
    case CMD_BACK:
        s->mode = PROFILES_LIST;
        break;
    case CMD_ACTIVATE:
        if (is(cmd->name, "pack")) {
            choose_pack(app, cmd->index - 1);
        } else if (is(cmd->arg, "back")) {
            s->mode = PROFILES_LIST;
        } else if (is(cmd->arg, "up") || is(cmd->arg, "down")) {
            l->scroll += is(cmd->arg, "up") ? -1 : 1;
        }
        break;
    default:
        break;
    }
}

/* The question before a reset: only an explicit Enter or a click on Reset resets. */
static void confirm_command(App *app, const Command *cmd)
{
    ProfilesState *s = profiles_state(app);
    if (cmd->kind == CMD_CONFIRM || (cmd->kind == CMD_ACTIVATE && is(cmd->arg, "confirm"))) {
        profiles_reset(app);
    } else if (cmd->kind == CMD_BACK || (cmd->kind == CMD_ACTIVATE && is(cmd->arg, "cancel"))) {
        s->mode = PROFILES_PACKS;
    }
}

static void command(App *app, const Command *cmd)
{
    switch (profiles_state(app)->mode) {
    case PROFILES_PACKS:
        packs_command(app, cmd);
        break;
    case PROFILES_CONFIRM:
        confirm_command(app, cmd);
        break;
    default:
        list_command(app, cmd);
        break;
    }
    app_redraw(app);
}

/* Opens on the list with the current learner focused. */
static void enter(App *app)
{
    ProfilesState *s = profiles_state(app);
    s->mode = PROFILES_LIST;
    s->typing = false;
    s->name[0] = '\0';
    s->name_error[0] = '\0';
    s->message[0] = '\0';
    s->follow = true;
    s->packs.focus = 0;
    s->packs.scroll = 0;
    ProfilesRows rows;
    profiles_rows_load(app, &rows);
    app->profiles_view.focus = rows.count + STOP_NEW;
    for (int i = 0; i < rows.count; i++) {
        if (strcmp(profiles_row_name(&rows, i), app->profile) == 0) {
            app->profiles_view.focus = i;
        }
    }
    profiles_rows_free(&rows);
}

static void leave(App *app)
{
    profiles_set_typing(app, false);
    SDL_StopTextInput();
}

const Screen screen_profiles = {
    .name = "profiles",
    .keys = keys,
    .key_count = SDL_arraysize(keys),
    .enter = enter,
    .leave = leave,
    .command = command,
    .draw = profiles_draw,
    .text_focus = text_focus,
};
