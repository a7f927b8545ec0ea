/* app_events.c - SDL events to the game's commands: the global keys, the current screen's key
 * map, text input, mouse, touch and pads, and the hotspots clicks and scripts land on. */
#include <string.h>

#include "ui/app.h"
#include "ui/app_private.h"
#include "ui/input.h"

/* Keys every screen shares; a screen's own map is looked up first. */
static const KeyBinding global_keys[] = {
    {SDLK_F11, 0, CMD_FULLSCREEN, 0, "F11 full screen"},
    {SDLK_RETURN, KMOD_ALT, CMD_FULLSCREEN, 0, NULL},
    {SDLK_r, KMOD_CTRL, CMD_RELOAD, 0, "Ctrl+R reload packs"},
    {SDLK_q, KMOD_CTRL, CMD_QUIT, 0, "Ctrl+Q quit"},
    {SDLK_m, 0, CMD_MUTE, 0, "M sound"},
};

void app_hot_add(App *app, const char *name, const char *arg, int index, SDL_Rect rect)
{
    rect.y += app->origin_y; /* hit tests use whole-window pixels */
    if (app->hot_count < HOT_MAX) {
        app->hot[app->hot_count++] = (Hotspot){name, arg, index, rect};
    }
}

int app_hot_find(const App *app, const char *name, const char *arg, int index)
{
    for (int i = 0; i < app->hot_count; i++) {
        const Hotspot *h = &app->hot[i];
        if (strcmp(h->name, name) == 0 && h->index == index &&
            ((!arg && !h->arg) || (arg && h->arg && strcmp(arg, h->arg) == 0))) {
            return i;
        }
    }
    return -1;
}

bool app_hot_hovered(const App *app, int count)
{
    return app->hover >= app->hot_count && app->hover < app->hot_count + count;
}

int app_hot_at(const App *app, int x, int y)
{
    SDL_Point p = {x, y};
    for (int i = app->hot_count - 1; i >= 0; i--) { /* the last drawn is on top */
        if (SDL_PointInRect(&p, &app->hot[i].rect)) {
            return i;
        }
    }
    return -1;
}

static void send(App *app, const Command *cmd)
{
    switch (cmd->kind) {
    case CMD_FULLSCREEN:
        app_set_fullscreen(app, !app_is_fullscreen(app));
        app_save_settings(app);
        return;
    case CMD_RELOAD:
        app_reload_packs(app);
        break; /* the screen hears of it too */
    case CMD_QUIT:
        app->quit = true;
        return;
    case CMD_MUTE:
        app_toggle_mute(app);
        return;
    case CMD_ACTIVATE:
        if (strcmp(cmd->name, "button") == 0 && cmd->arg && strcmp(cmd->arg, "dismiss") == 0) {
            app_dismiss_warning(app);
            return;
        }
        break;
    default:
        break;
    }
    if (app->screen->command) {
        app->screen->command(app, cmd);
    }
    app->dirty = true;
}

static bool text_focus(const App *app)
{
    return app->screen->text_focus && app->screen->text_focus(app);
}

static void key_down(App *app, const SDL_KeyboardEvent *k)
{
    SDL_Keycode key = k->keysym.sym;
    Uint16 mods = input_mods(k->keysym.mod);
    Command cmd = {CMD_NONE};
    if (key == SDLK_d && mods == KMOD_CTRL && app->warning_count > 0) {
        app_dismiss_warning(app);
        return;
    }
    if (text_focus(app)) {
        /* typing: only keys that cannot be text act, and no single-letter shortcut */
        bool plain = (mods & (KMOD_CTRL | KMOD_ALT | KMOD_GUI)) == 0;
        switch (key) {
        case SDLK_RETURN:
        case SDLK_KP_ENTER:
            cmd.kind = plain ? CMD_CONFIRM : CMD_NONE;
            break;
        case SDLK_ESCAPE:
            cmd.kind = CMD_BACK;
            break;
        case SDLK_BACKSPACE:
            cmd.kind = CMD_ERASE;
            break;
        case SDLK_F11:
            cmd.kind = CMD_FULLSCREEN;
            break;
        default:
            if (!plain && input_lookup(global_keys, SDL_arraysize(global_keys), key, mods, &cmd) &&
                cmd.kind != CMD_MUTE) {
                break;
            }
            cmd.kind = CMD_NONE;
            break;
        }
        if (cmd.kind != CMD_NONE) {
            send(app, &cmd);
        }
        return;
    }
    if (input_lookup(app->screen->keys, app->screen->key_count, key, mods, &cmd) ||
        input_lookup(global_keys, SDL_arraysize(global_keys), key, mods, &cmd)) {
        send(app, &cmd);
        return;
    }
    if ((mods & (KMOD_CTRL | KMOD_ALT | KMOD_GUI)) == 0) {
        cmd = (Command){.kind = CMD_KEY, .key = key, .index = mods};
        send(app, &cmd);
    }
}

/* A pad's button: raw for screens that want pads (the classroom), else the same commands as
 * the keys: the d-pad moves, A confirms, B goes back, X toggles, Start pauses. */
static void pad_button(App *app, const SDL_ControllerButtonEvent *b)
{
    int slot = pads_slot(&app->pads, b->which);
    if (slot < 0) {
        return;
    }
    Command cmd = {.kind = CMD_PAD_BUTTON, .index = slot, .key = b->button};
    if (!app->screen->raw_pads) {
        switch (b->button) {
        case SDL_CONTROLLER_BUTTON_DPAD_UP:
            cmd = (Command){.kind = CMD_UP};
            break;
        case SDL_CONTROLLER_BUTTON_DPAD_DOWN:
            cmd = (Command){.kind = CMD_DOWN};
            break;
        case SDL_CONTROLLER_BUTTON_DPAD_LEFT:
            cmd = (Command){.kind = CMD_LEFT};
            break;
        case SDL_CONTROLLER_BUTTON_DPAD_RIGHT:
            cmd = (Command){.kind = CMD_RIGHT};
            break;
        case SDL_CONTROLLER_BUTTON_A:
            cmd = (Command){.kind = CMD_CONFIRM, .key = SDLK_RETURN};
            break;
        case SDL_CONTROLLER_BUTTON_B:
        case SDL_CONTROLLER_BUTTON_BACK:
            cmd = (Command){.kind = CMD_BACK, .key = SDLK_ESCAPE};
            break;
        case SDL_CONTROLLER_BUTTON_X:
            cmd = (Command){.kind = CMD_TOGGLE, .key = SDLK_SPACE};
            break;
        case SDL_CONTROLLER_BUTTON_START:
            cmd = (Command){.kind = CMD_PAUSE, .key = SDLK_p};
            break;
        default:
            return;
        }
    }
    send(app, &cmd);
}

/* Mouse coordinates are in window points; the renderer's output may have more pixels. */
static void to_pixels(const App *app, int *x, int *y)
{
    int ww = 0, wh = 0;
    SDL_GetWindowSize(app->window, &ww, &wh);
    if (ww > 0 && wh > 0 && (ww != app->w || wh != app->h)) {
        *x = *x * app->w / ww;
        *y = *y * app->h / wh;
    }
}

void app_handle_event(App *app, const SDL_Event *ev)
{
    switch (ev->type) {
    case SDL_QUIT:
        app->quit = true;
        break;
    case SDL_WINDOWEVENT:
        if (ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED ||
            ev->window.event == SDL_WINDOWEVENT_RESIZED) {
            app_update_size(app);
        } else if (ev->window.event == SDL_WINDOWEVENT_EXPOSED ||
                   ev->window.event == SDL_WINDOWEVENT_SHOWN ||
                   ev->window.event == SDL_WINDOWEVENT_RESTORED) {
            app->dirty = true;
        }
        break;
    case SDL_RENDER_TARGETS_RESET:
    case SDL_RENDER_DEVICE_RESET:
        text_clear(app->text);
        app->dirty = true;
        break;
    case SDL_KEYDOWN:
        key_down(app, &ev->key);
        break;
    case SDL_TEXTINPUT:
        if (text_focus(app)) {
            Command cmd = {.kind = CMD_TEXT, .text = ev->text.text};
            send(app, &cmd);
        }
        break;
    case SDL_TEXTEDITING:
        if (text_focus(app)) {
            /* an input method's text being composed, shown after what was typed */
            SDL_strlcpy(app->run.composition, ev->edit.text, sizeof app->run.composition);
            app->dirty = true;
        }
        break;
    case SDL_MOUSEMOTION: {
        int x = ev->motion.x, y = ev->motion.y;
        to_pixels(app, &x, &y);
        int h = app_hot_at(app, x, y);
        if (h != app->hover) {
            app->hover = h;
            app->dirty = true;
        }
        if (app->mouse_down && app->press_hot >= 0 && app->press_hot < app->hot_count &&
            strcmp(app->hot[app->press_hot].name, "item") == 0) {
            Command cmd = {.kind = CMD_DRAG,
                           .name = "item",
                           .index = app->hot[app->press_hot].index,
                           .x = x,
                           .y = y};
            send(app, &cmd);
        }
        break;
    }
    case SDL_MOUSEBUTTONDOWN:
        if (ev->button.button == SDL_BUTTON_LEFT) {
            int x = ev->button.x, y = ev->button.y;
            to_pixels(app, &x, &y);
            app->mouse_down = true;
            app->press_hot = app_hot_at(app, x, y);
            app->press_x = x;
            app->press_y = y;
        }
        break;
    case SDL_MOUSEBUTTONUP:
        if (ev->button.button == SDL_BUTTON_LEFT && app->mouse_down) {
            int x = ev->button.x, y = ev->button.y;
            to_pixels(app, &x, &y);
            app->mouse_down = false;
            int h = app_hot_at(app, x, y);
            int pressed = app->press_hot;
            app->press_hot = -1;
            if (pressed >= 0 && pressed < app->hot_count &&
                strcmp(app->hot[pressed].name, "item") == 0 &&
                (h != pressed || SDL_abs(y - app->press_y) > 4)) {
                Command cmd = {.kind = CMD_DROP,
                               .name = "item",
                               .index = app->hot[pressed].index,
                               .x = x,
                               .y = y};
                send(app, &cmd);
            } else if (h >= 0 && h == pressed) {
                Hotspot hs = app->hot[h];
                Command cmd = {.kind = CMD_ACTIVATE,
                               .name = hs.name,
                               .arg = hs.arg,
                               .index = hs.index,
                               .x = x,
                               .y = y};
                send(app, &cmd);
            }
        }
        break;
    case SDL_CONTROLLERDEVICEADDED:
    case SDL_CONTROLLERDEVICEREMOVED: {
        bool added = false;
        int slot = pads_device_event(&app->pads, ev, &added);
        if (slot >= 0) {
            Command cmd = {.kind = added ? CMD_PAD_ADDED : CMD_PAD_REMOVED, .index = slot};
            send(app, &cmd);
        }
        break;
    }
    case SDL_CONTROLLERBUTTONDOWN:
        pad_button(app, &ev->cbutton);
        break;
    case SDL_MOUSEWHEEL: {
        int dy = ev->wheel.y;
        if (ev->wheel.direction == SDL_MOUSEWHEEL_FLIPPED) {
            dy = -dy;
        }
        if (dy != 0) {
            Command cmd = {.kind = CMD_SCROLL, .index = -dy * 3};
            send(app, &cmd);
        }
        break;
    }
    default:
        break;
    }
    app_do_switch(app);
}
