/* runner.c - replays a script in the game: keys, text, clicks and drags become the SDL events
 * a person would cause; time moves only when the script says so. */
#include "ui/runner.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ui/png.h"

enum { STEP_MS = 50 /* the virtual clock moves in steps this long during a wait */ };

typedef struct Run {
    App *app;
    const Script *script;
    int failures;
    int expects;
} Run;

static void fail(Run *run, const ScriptCommand *c, const char *fmt, ...) SDL_PRINTF_VARARG_FUNC(3);

static void fail(Run *run, const ScriptCommand *c, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fprintf(stderr, "%s:%d: error: %s\n", run->script->path, c->line, msg);
    run->failures++;
}

static SDL_Keymod sdl_mods(unsigned mods)
{
    int m = 0;
    if (mods & SCRIPT_MOD_CTRL) {
        m |= KMOD_LCTRL;
    }
    if (mods & SCRIPT_MOD_SHIFT) {
        m |= KMOD_LSHIFT;
    }
    if (mods & SCRIPT_MOD_ALT) {
        m |= KMOD_LALT;
    }
    if (mods & SCRIPT_MOD_GUI) {
        m |= KMOD_LGUI;
    }
    return (SDL_Keymod)m;
}

int runner_check(const Script *script)
{
    int problems = 0;
    for (int i = 0; i < script->count; i++) {
        const ScriptCommand *c = &script->commands[i];
        if (c->op == SCRIPT_KEY && SDL_GetKeyFromName(c->key) == SDLK_UNKNOWN) {
            fprintf(stderr,
                    "%s:%d: error: unknown key name '%s' (SDL key names: Return, Escape, "
                    "Space, Up, F11, a, 1 ...)\n",
                    script->path, c->line, c->key);
            problems++;
        }
    }
    return problems;
}

/* Processes what SDL itself queued (window events after a resize); ignores real input so a
 * person at the machine cannot change a scripted run. */
static void pump(App *app)
{
    SDL_Event ev;
    while (SDL_PollEvent(&ev)) {
        if (ev.type == SDL_CONTROLLERDEVICEADDED && !SDL_JoystickIsVirtual(ev.cdevice.which)) {
            continue; /* a real pad at the machine does not join a scripted run */
        }
        /* pads: only the script's virtual ones are plugged in under a script */
        if (ev.type == SDL_WINDOWEVENT || ev.type == SDL_RENDER_TARGETS_RESET ||
            ev.type == SDL_RENDER_DEVICE_RESET || ev.type == SDL_CONTROLLERDEVICEADDED ||
            ev.type == SDL_CONTROLLERDEVICEREMOVED || ev.type == SDL_CONTROLLERBUTTONDOWN ||
            ev.type == SDL_CONTROLLERBUTTONUP) {
            app_handle_event(app, &ev);
        }
    }
}

static void settle(App *app)
{
    pump(app);
    app_update(app, app->now_ms);
    if (app->dirty) {
        app_draw(app, false);
        app_present(app);
    }
}

static void key_event(App *app, Uint32 type, SDL_Keycode key, SDL_Keymod mods)
{
    SDL_Event ev;
    SDL_zero(ev);
    ev.type = type;
    ev.key.windowID = SDL_GetWindowID(app->window);
    ev.key.state = type == SDL_KEYDOWN ? SDL_PRESSED : SDL_RELEASED;
    ev.key.keysym.sym = key;
    ev.key.keysym.scancode = SDL_GetScancodeFromKey(key);
    ev.key.keysym.mod = (Uint16)mods;
    app_handle_event(app, &ev);
}

static void text_event(App *app, const char *text, size_t len)
{
    SDL_Event ev;
    SDL_zero(ev);
    ev.type = SDL_TEXTINPUT;
    ev.text.windowID = SDL_GetWindowID(app->window);
    memcpy(ev.text.text, text, len);
    ev.text.text[len] = '\0';
    app_handle_event(app, &ev);
}

/* Text in chunks that fit an SDL_TEXTINPUT event, cut between code points. */
static void type_text(App *app, const char *s)
{
    size_t n = strlen(s);
    size_t max = sizeof(((SDL_TextInputEvent *)0)->text) - 1;
    while (n > 0) {
        size_t take = n < max ? n : max;
        while (take < n && take > 0 && ((unsigned char)s[take] & 0xC0) == 0x80) {
            take--;
        }
        text_event(app, s, take);
        s += take;
        n -= take;
    }
}

static void do_key(App *app, const ScriptCommand *c)
{
    SDL_Keycode key = SDL_GetKeyFromName(c->key);
    SDL_Keymod mods = sdl_mods(c->mods);
    key_event(app, SDL_KEYDOWN, key, mods);
    /* a printable key also types its character while a text field listens, as SDL does */
    if (SDL_IsTextInputActive() && key >= 32 && key < 127 &&
        !(c->mods & (SCRIPT_MOD_CTRL | SCRIPT_MOD_ALT | SCRIPT_MOD_GUI))) {
        char ch = (char)key;
        if ((c->mods & SCRIPT_MOD_SHIFT) && ch >= 'a' && ch <= 'z') {
            ch = (char)(ch - 'a' + 'A');
        }
        text_event(app, &ch, 1);
    }
    key_event(app, SDL_KEYUP, key, mods);
}

static void do_type(App *app, const char *text)
{
    if (SDL_IsTextInputActive()) {
        type_text(app, text);
        return;
    }
    /* no text field: each ASCII character is a key press, as on a keyboard */
    for (const char *p = text; *p; p++) {
        unsigned char ch = (unsigned char)*p;
        if (ch < 32 || ch >= 127) {
            continue;
        }
        bool upper = ch >= 'A' && ch <= 'Z';
        SDL_Keycode key = upper ? (SDL_Keycode)(ch - 'A' + 'a') : (SDL_Keycode)ch;
        key_event(app, SDL_KEYDOWN, key, upper ? KMOD_LSHIFT : KMOD_NONE);
        key_event(app, SDL_KEYUP, key, upper ? KMOD_LSHIFT : KMOD_NONE);
    }
}

/* Pixels of the render output to window coordinates (what mouse events carry). */
static void to_window(App *app, int *x, int *y)
{
    int ww = 0, wh = 0;
    SDL_GetWindowSize(app->window, &ww, &wh);
    if (ww > 0 && wh > 0 && (ww != app->w || wh != app->h)) {
        *x = *x * ww / app->w;
        *y = *y * wh / app->h;
    }
}

static bool is_number(const char *s)
{
    if (!s || !*s) {
        return false;
    }
    for (; *s; s++) {
        if (*s < '0' || *s > '9') {
            return false;
        }
    }
    return true;
}

/* Finds a target's centre in output pixels. */
static bool locate(Run *run, const ScriptCommand *c, const ScriptTarget *t, int *x, int *y)
{
    App *app = run->app;
    if (t->is_point) {
        *x = (int)(t->x * (app->w - 1) + 0.5);
        *y = (int)(t->y * (app->h - 1) + 0.5);
        return true;
    }
    /* "choice 2" is numbered; "button next" and "key 3" are named */
    int found = is_number(t->arg) ? app_hot_find(app, t->name, NULL, SDL_atoi(t->arg)) : -1;
    if (found < 0) {
        found = app_hot_find(app, t->name, t->arg, 0);
    }
    if (found < 0) {
        fail(run, c, "no target '%s%s%s' on the %s screen", t->name, t->arg ? " " : "",
             t->arg ? t->arg : "", app->screen->name);
        return false;
    }
    SDL_Rect r = app->hot[found].rect;
    *x = r.x + r.w / 2;
    *y = r.y + r.h / 2;
    return true;
}

static void mouse_button(App *app, Uint32 type, int x, int y)
{
    SDL_Event ev;
    SDL_zero(ev);
    to_window(app, &x, &y);
    ev.type = type;
    ev.button.windowID = SDL_GetWindowID(app->window);
    ev.button.button = SDL_BUTTON_LEFT;
    ev.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
    ev.button.clicks = 1;
    ev.button.x = x;
    ev.button.y = y;
    app_handle_event(app, &ev);
}

static void mouse_move(App *app, int x, int y)
{
    SDL_Event ev;
    SDL_zero(ev);
    to_window(app, &x, &y);
    ev.type = SDL_MOUSEMOTION;
    ev.motion.windowID = SDL_GetWindowID(app->window);
    ev.motion.x = x;
    ev.motion.y = y;
    ev.motion.state = app->mouse_down ? SDL_BUTTON_LMASK : 0;
    app_handle_event(app, &ev);
}

static void do_click(Run *run, const ScriptCommand *c)
{
    int x, y;
    settle(run->app);
    if (!locate(run, c, &c->target, &x, &y)) {
        return;
    }
    mouse_move(run->app, x, y);
    mouse_button(run->app, SDL_MOUSEBUTTONDOWN, x, y);
    mouse_button(run->app, SDL_MOUSEBUTTONUP, x, y);
}

static void do_drag(Run *run, const ScriptCommand *c)
{
    int x0, y0, x1, y1;
    settle(run->app);
    if (!locate(run, c, &c->target, &x0, &y0) || !locate(run, c, &c->to, &x1, &y1)) {
        return;
    }
    mouse_move(run->app, x0, y0);
    mouse_button(run->app, SDL_MOUSEBUTTONDOWN, x0, y0);
    for (int i = 1; i <= 8; i++) {
        mouse_move(run->app, x0 + (x1 - x0) * i / 8, y0 + (y1 - y0) * i / 8);
    }
    mouse_button(run->app, SDL_MOUSEBUTTONUP, x1, y1);
}

static void do_wait(App *app, int64_t ms)
{
    while (ms > 0 && !app->quit) {
        int64_t step = ms < STEP_MS ? ms : STEP_MS;
        app->now_ms += (uint64_t)step;
        ms -= step;
        pump(app);
        app_update(app, app->now_ms);
    }
}

static void do_resize(App *app, int w, int h)
{
    SDL_SetWindowSize(app->window, w, h);
    SDL_Event ev;
    SDL_zero(ev);
    ev.type = SDL_WINDOWEVENT;
    ev.window.event = SDL_WINDOWEVENT_SIZE_CHANGED;
    ev.window.windowID = SDL_GetWindowID(app->window);
    ev.window.data1 = w;
    ev.window.data2 = h;
    pump(app);
    app_handle_event(app, &ev);
}

static void do_screenshot(Run *run, const ScriptCommand *c)
{
    App *app = run->app;
    pump(app);
    app_update(app, app->now_ms);
    app_draw(app, true);
    char err[512];
    if (!png_save_renderer(app->renderer, c->text, err, sizeof err)) {
        fail(run, c, "cannot save the screenshot %s: %s", c->text, err);
    }
    app_present(app);
}

static void do_pad(Run *run, const ScriptCommand *c)
{
    App *app = run->app;
    Pads *p = &app->pads;
    int n = (int)c->number;
    bool ok = true;
    if (!pads_start(p)) {
        fail(run, c, "no game controller support: %s", SDL_GetError());
        return;
    }
    if (c->op == SCRIPT_PAD_ADD) {
        if (n == 0) { /* the lowest free number */
            for (n = 1; n < PADS_MAX && p->virt[n - 1]; n++) {
            }
        }
        ok = pads_virtual_add(p, n);
    } else if (c->op == SCRIPT_PAD_REMOVE) {
        ok = pads_virtual_remove(p, n);
    } else {
        SDL_GameControllerButton b = pads_button_from_name(c->text);
        if (b == SDL_CONTROLLER_BUTTON_INVALID) {
            fail(run, c, "no pad button '%s'", c->text);
            return;
        }
        ok = pads_virtual_button(p, n, b, true);
        SDL_JoystickUpdate();
        pump(app);
        ok = ok && pads_virtual_button(p, n, b, false);
    }
    if (!ok) {
        fail(run, c, "%s", SDL_GetError());
    }
    SDL_JoystickUpdate();
    pump(app);
}

static void do_expect(Run *run, const ScriptCommand *c)
{
    char actual[2048];
    settle(run->app);
    run->expects++;
    if (!app_state(run->app, c->field, actual, sizeof actual)) {
        fail(run, c, "unknown state field '%s' (see docs/scripting.md)", c->field);
        return;
    }
    if (!script_compare(c->cmp, actual, c->value)) {
        fail(run, c, "expect %s %s %s: the game has %s = \"%s\"", c->field,
             script_compare_name(c->cmp), c->value, c->field, actual);
    }
}

int runner_run(App *app, const Script *script)
{
    Run run = {app, script, 0, 0};
    settle(app);
    for (int i = 0; i < script->count && !app->quit; i++) {
        const ScriptCommand *c = &script->commands[i];
        switch (c->op) {
        case SCRIPT_KEY:
            do_key(app, c);
            break;
        case SCRIPT_TYPE:
            do_type(app, c->text);
            break;
        case SCRIPT_CLICK:
            do_click(&run, c);
            break;
        case SCRIPT_DRAG:
            do_drag(&run, c);
            break;
        case SCRIPT_WAIT:
            do_wait(app, c->number);
            break;
        case SCRIPT_ADVANCE_DAYS:
            /* the calendar moves; running countdowns do not */
            app->epoch_base_ms += c->number * 86400000LL;
            app->dirty = true; /* dates on screen may change */
            break;
        case SCRIPT_CLOCK:
            app->epoch_base_ms = c->number - (int64_t)app->now_ms;
            app->dirty = true;
            break;
        case SCRIPT_RESIZE:
            do_resize(app, c->width, c->height);
            break;
        case SCRIPT_SCREENSHOT:
            do_screenshot(&run, c);
            break;
        case SCRIPT_EXPECT:
            do_expect(&run, c);
            break;
        case SCRIPT_PAD_ADD:
        case SCRIPT_PAD_PRESS:
        case SCRIPT_PAD_REMOVE:
            do_pad(&run, c);
            break;
        case SCRIPT_QUIT:
            app->quit = true;
            break;
        default:
            break;
        }
        settle(app);
    }
    fprintf(stderr, "%s: %d commands, %d expects, %d failed\n", script->path, script->count,
            run.expects, run.failures);
    return run.failures ? APP_EXIT_EXPECT_FAILED : APP_EXIT_OK;
}
