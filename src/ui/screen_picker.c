/* screen_picker.c - "Choose packs and topics": which packs, which topic, how many questions, timer
 * and scoring, then Start. The Screen table, keys and commands; the rows are picker_model.c, the
 * drawing picker_view.c. It never builds a quiz itself: play.c does. */
#include <string.h>

#include "ui/picker.h"

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
    {SDLK_PAGEUP, 0, CMD_PREV, 0, NULL},
    {SDLK_PAGEDOWN, 0, CMD_NEXT, 0, NULL},
    {SDLK_1, 0, CMD_CHOOSE, 0, NULL},
    {SDLK_2, 0, CMD_CHOOSE, 1, NULL},
    {SDLK_3, 0, CMD_CHOOSE, 2, NULL},
    {SDLK_4, 0, CMD_CHOOSE, 3, NULL},
    {SDLK_5, 0, CMD_CHOOSE, 4, NULL},
    {SDLK_6, 0, CMD_CHOOSE, 5, NULL},
    {SDLK_7, 0, CMD_CHOOSE, 6, NULL},
    {SDLK_8, 0, CMD_CHOOSE, 7, NULL},
    {SDLK_KP_1, 0, CMD_CHOOSE, 0, NULL},
    {SDLK_KP_2, 0, CMD_CHOOSE, 1, NULL},
    {SDLK_KP_3, 0, CMD_CHOOSE, 2, NULL},
    {SDLK_KP_4, 0, CMD_CHOOSE, 3, NULL},
    {SDLK_KP_5, 0, CMD_CHOOSE, 4, NULL},
    {SDLK_KP_6, 0, CMD_CHOOSE, 5, NULL},
    {SDLK_KP_7, 0, CMD_CHOOSE, 6, NULL},
    {SDLK_KP_8, 0, CMD_CHOOSE, 7, NULL},
};

/* Scrolls the pack rows so that a focused pack is on screen. */
static void follow_focus(App *app)
{
    PickerLayout l;
    picker_layout(app, &l);
    PickerState *p = &app->picker;
    if (p->focus < p->pack_total) {
        if (p->focus < p->scroll) {
            p->scroll = p->focus;
        } else if (p->focus >= p->scroll + l.visible) {
            p->scroll = p->focus - l.visible + 1;
        }
    }
    picker_clamp_scroll(app);
}

static void activate(App *app, const Command *cmd)
{
    PickerState *p = &app->picker;
    const char *name = cmd->name ? cmd->name : "";
    const char *arg = cmd->arg ? cmd->arg : "";
    int option = picker_option_from_arg(cmd->arg);
    if (strcmp(name, "pack") == 0) {
        if (cmd->index >= 1 && cmd->index <= p->pack_total) {
            p->focus = cmd->index - 1;
            picker_toggle_pack(app, cmd->index - 1);
        }
    } else if (option >= 0 && strcmp(name, "option") == 0) {
        p->focus = p->pack_total + option;
        picker_change_option(app, (PickerOption)option, 0);
    } else if (option >= 0 && strcmp(name, "next") == 0) {
        p->focus = p->pack_total + option;
        picker_change_option(app, (PickerOption)option, +1);
    } else if (option >= 0 && strcmp(name, "prev") == 0) {
        p->focus = p->pack_total + option;
        picker_change_option(app, (PickerOption)option, -1);
    } else if (strcmp(name, "button") == 0) {
        if (strcmp(arg, "start") == 0) {
            p->focus = p->pack_total + OPTION_START;
            picker_start(app);
        } else if (strcmp(arg, "back") == 0) {
            app_switch(app, SCREEN_TITLE);
        } else if (strcmp(arg, "all") == 0) {
            picker_toggle_all(app);
        } else if (strcmp(arg, "packs-up") == 0) {
            p->scroll--;
        } else if (strcmp(arg, "packs-down") == 0) {
            p->scroll++;
        }
        picker_clamp_scroll(app);
    }
}

static void command(App *app, const Command *cmd)
{
    picker_ensure_rows(app);
    PickerState *p = &app->picker;
    int rows = p->pack_total + OPTION_COUNT;
    int option = p->focus - p->pack_total; /* < 0 on a pack row */
    PickerLayout l;
    picker_layout(app, &l);
    switch (cmd->kind) {
    case CMD_UP:
        p->focus = (p->focus + rows - 1) % rows;
        follow_focus(app);
        break;
    case CMD_DOWN:
        p->focus = (p->focus + 1) % rows;
        follow_focus(app);
        break;
    case CMD_LEFT:
    case CMD_RIGHT:
        if (option >= 0) {
            picker_change_option(app, (PickerOption)option, cmd->kind == CMD_LEFT ? -1 : +1);
        }
        break;
    case CMD_TOGGLE:
        if (option < 0) {
            picker_toggle_pack(app, p->focus);
        } else if (option == OPTION_START) {
            picker_start(app);
        } else {
            picker_change_option(app, (PickerOption)option, 0);
        }
        break;
    case CMD_CONFIRM:
        picker_start(app);
        break;
    case CMD_BACK:
        app_switch(app, SCREEN_TITLE);
        break;
    case CMD_CHOOSE:
        if (cmd->index < p->pack_total) {
            p->focus = cmd->index;
            picker_toggle_pack(app, cmd->index);
            follow_focus(app);
        }
        break;
    case CMD_PREV:
    case CMD_NEXT:
        p->scroll += cmd->kind == CMD_NEXT ? l.visible : -l.visible;
        picker_clamp_scroll(app);
        break;
    case CMD_SCROLL:
        p->scroll += cmd->index;
        picker_clamp_scroll(app);
        break;
    case CMD_KEY:
        if (cmd->key == SDLK_a) {
            picker_toggle_all(app);
        }
        break;
    case CMD_RELOAD:
        picker_rebuild(app); /* the app emptied the rows; the library is new */
        break;
    case CMD_ACTIVATE:
        activate(app, cmd);
        break;
    default:
        break;
    }
}

static void enter(App *app)
{
    picker_rebuild(app);
    picker_clamp_scroll(app);
}

const Screen screen_picker = {
    .name = "picker",
    .keys = keys,
    .key_count = SDL_arraysize(keys),
    .enter = enter,
    .command = command,
    .draw = picker_draw,
};
