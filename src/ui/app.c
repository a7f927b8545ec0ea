/* app.c - the window, the renderer, the event loop and screen switching. Owns every SDL object;
 * screens borrow them through App. Blocks in SDL_WaitEventTimeout whenever nothing moves. */
#include "ui/app.h"

#include <SDL_ttf.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ui/draw.h"
#include "ui/input.h"

enum { FRAME_MS = 33 /* ~30 frames a second while something moves */ };

static const Theme theme_dark = {
    .bg = {18, 22, 30, 255},
    .panel = {34, 41, 56, 255},
    .panel_hi = {50, 60, 82, 255},
    .text = {244, 246, 250, 255},
    .dim = {178, 188, 206, 255},
    .accent = {96, 178, 255, 255},
    .right = {70, 208, 120, 255},
    .wrong = {255, 104, 104, 255},
    .warn = {255, 184, 48, 255},
    .bar_bg = {48, 56, 74, 255},
    .shadow = {0, 0, 0, 160},
    .choice = {{226, 27, 60, 255},
               {19, 104, 206, 255},
               {216, 158, 0, 255},
               {38, 137, 12, 255},
               {134, 76, 191, 255},
               {10, 150, 160, 255},
               {224, 106, 0, 255},
               {200, 60, 150, 255}},
};

/* Keys every screen shares; a screen's own map is looked up first. */
static const KeyBinding global_keys[] = {
    {SDLK_F11, 0, CMD_FULLSCREEN, 0, "F11 full screen"},
    {SDLK_RETURN, KMOD_ALT, CMD_FULLSCREEN, 0, NULL},
    {SDLK_r, KMOD_CTRL, CMD_RELOAD, 0, "Ctrl+R reload packs"},
    {SDLK_q, KMOD_CTRL, CMD_QUIT, 0, "Ctrl+Q quit"},
    {SDLK_m, 0, CMD_MUTE, 0, "M sound"},
};

static void do_switch(App *app);

static void fatal(const char *where)
{
    fprintf(stderr, "quizdeck: %s: %s\n", where, SDL_GetError());
}

void app_short_path(const App *app, const char *path, char *out, size_t size)
{
    size_t n = strlen(app->paths.home);
    if (n > 1 && strncmp(path, app->paths.home, n) == 0 && path[n] == '/') {
        snprintf(out, size, "~%s", path + n);
    } else {
        snprintf(out, size, "%s", path);
    }
}

/* Writes the home folder as ~ wherever it starts a path in `msg`. */
static void shorten_paths(const App *app, char *msg, size_t size)
{
    size_t n = strlen(app->paths.home);
    if (n < 2) {
        return;
    }
    char *p = msg;
    while ((p = strstr(p, app->paths.home)) != NULL) {
        if (p[n] == '/' && (p == msg || p[-1] == ' ' || p[-1] == '(' || p[-1] == '\'')) {
            *p = '~';
            memmove(p + 1, p + n, strlen(p + n) + 1);
        }
        p++;
        if ((size_t)(p - msg) >= size) {
            break;
        }
    }
}

void app_warn(App *app, const char *fmt, ...)
{
    char msg[WARNING_LEN];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    shorten_paths(app, msg, sizeof msg);
    fprintf(stderr, "quizdeck: warning: %s\n", msg);
    if (app->warning_count == WARNINGS_MAX) {
        memmove(app->warnings[0], app->warnings[1], sizeof app->warnings[0] * (WARNINGS_MAX - 1));
        app->warning_count--;
    }
    snprintf(app->warnings[app->warning_count++], WARNING_LEN, "%s", msg);
    app->dirty = true;
}

void app_dismiss_warning(App *app)
{
    if (app->warning_count > 0) {
        app->warning_count--;
        app->dirty = true;
    }
}

int64_t app_wall_time(const App *app)
{
    if (app->virtual_clock) {
        return (app->epoch_base_ms + (int64_t)app->now_ms) / 1000;
    }
    return (int64_t)time(NULL);
}

/* Shows the problems of reading a file: every one on stderr, and in the banner the summary
 * (a diagnostic about the whole file) or, when there is none, the first problem. */
static void warn_diags(App *app, const DiagList *diags)
{
    bool summary = false;
    for (size_t i = 0; i < diags->count; i++) {
        summary = summary || (diags->items[i].level != DIAG_NOTE && diags->items[i].line == 0);
    }
    bool shown = false;
    for (size_t i = 0; i < diags->count; i++) {
        const Diag *d = &diags->items[i];
        if (d->level == DIAG_NOTE) {
            continue;
        }
        bool banner = summary ? d->line == 0 : !shown;
        if (!banner) {
            fprintf(stderr, "quizdeck: warning: %s:%d: %s\n", d->path, d->line, d->message);
        } else if (d->line > 0) {
            app_warn(app, "%s:%d: %s", d->path, d->line, d->message);
        } else {
            app_warn(app, "%s: %s", d->path, d->message);
        }
        shown = shown || banner;
    }
}

static void load_scores(App *app);

static void load_settings(App *app)
{
    DiagList diags = DIAGLIST_INIT;
    LoadReport report;
    memset(&report, 0, sizeof report);
    settings_init(&app->settings);
    if (app->paths.settings[0]) {
        settings_load(&app->settings, app->io, app->paths.settings, app_wall_time(app), &diags,
                      &report);
    }
    warn_diags(app, &diags);
    diag_list_free(&diags);
}

void app_reload_user_files(App *app)
{
    settings_free(&app->settings);
    scoreboard_destroy(app->scores);
    app->scores = NULL;
    load_settings(app);
    load_scores(app);
    sound_set_muted(app->sound, app->settings.muted);
}

static void load_scores(App *app)
{
    DiagList diags = DIAGLIST_INIT;
    LoadReport report;
    memset(&report, 0, sizeof report);
    app->scores = scoreboard_create();
    if (app->scores && app->paths.scores[0]) {
        scoreboard_load(app->scores, app->io, app->paths.scores, app_wall_time(app), &diags,
                        &report);
    }
    warn_diags(app, &diags);
    diag_list_free(&diags);
}

void app_save_settings(App *app)
{
    SaveError e;
    memset(&e, 0, sizeof e);
    if (app->paths.settings[0] &&
        !settings_save(&app->settings, app->io, app->paths.settings, &e)) {
        app_warn(app, "%s", e.message);
    }
}

void app_reload_packs(App *app)
{
    if (app->run.session || app->study.active || app->classroom.game) {
        /* they point into the packs: reloading now would pull them away mid-question */
        app_warn(app, "Finish or leave the quiz, the flashcards or the classroom game before "
                      "reloading the packs (Ctrl+R).");
        return;
    }
    library_free(&app->library);
    diag_list_free(&app->load_diags);
    Library lib = LIBRARY_INIT;
    char shown[PATHS_MAX];
    char questions[PATHS_MAX];
    paths_join(questions, sizeof questions, app->paths.data_dir, "questions");
    paths_display(shown, sizeof shown, questions, app->paths.cwd);
    library_add_dir(&lib, questions, shown, ORIGIN_BUNDLED, false);
    if (app->paths.user_packs[0]) {
        char short_dir[PATHS_MAX];
        app_short_path(app, app->paths.user_packs, short_dir, sizeof short_dir);
        library_add_dir(&lib, app->paths.user_packs, short_dir, ORIGIN_USER, true);
    }
    for (int i = 0; i < app->paths.extra_count; i++) {
        library_add_file(&lib, app->paths.extra_packs[i], NULL, ORIGIN_COMMAND_LINE);
    }
    library_resolve(&lib);
    app->library = lib;
    app->problem_count = 0;
    for (int i = 0; i < lib.count; i++) {
        const DiagList *d = &lib.entries[i].diags;
        app->problem_count += (int)(d->counts[DIAG_ERROR] + d->counts[DIAG_WARNING]);
    }
    app->picker.pack_total = 0; /* the picker rebuilds its rows */
    app->dirty = true;
}

void app_set_fullscreen(App *app, bool on)
{
    if (SDL_SetWindowFullscreen(app->window, on ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0) != 0) {
        app_warn(app, "could not switch full screen: %s", SDL_GetError());
        return;
    }
    app->settings.fullscreen = on;
    app->dirty = true;
}

void app_toggle_mute(App *app)
{
    app->settings.muted = !app->settings.muted;
    sound_set_muted(app->sound, app->settings.muted);
    app_save_settings(app);
    app->dirty = true;
}

static void update_size(App *app)
{
    int w = 0, h = 0;
    if (SDL_GetRendererOutputSize(app->renderer, &w, &h) != 0 || w <= 0 || h <= 0) {
        SDL_GetWindowSize(app->window, &w, &h);
    }
    if (w != app->w || h != app->h) {
        app->w = w;
        app->h = h;
        float base = (float)(h < w * 3 / 4 ? h : w * 3 / 4);
        app->u = base / 100.0f;
        if (app->u < 1.0f) {
            app->u = 1.0f;
        }
        text_clear(app->text);
    }
    app->dirty = true;
}

App *app_create(const AppOptions *opt, const AppPaths *paths)
{
    App *app = SDL_calloc(1, sizeof *app);
    if (!app) {
        fprintf(stderr, "quizdeck: out of memory\n");
        return NULL;
    }
    app->opt = *opt;
    app->paths = *paths;
    app->theme = theme_dark;
    app->io = save_io_posix();
    app->hover = -1;
    app->press_hot = -1;
    app->run.drag_row = -1;
    app->virtual_clock = opt->script != NULL;
    app->epoch_base_ms = app->virtual_clock ? 1767225600000LL /* 2026-01-01T00:00:00Z */
                                            : (int64_t)time(NULL) * 1000;
    app->exit_code = APP_EXIT_OK;
    app->library = (Library)LIBRARY_INIT;
    app->load_diags = (DiagList)DIAGLIST_INIT;

    app_load_last_profile(app, opt->profile); /* its settings and high scores */
    if (opt->fullscreen) {
        app->settings.fullscreen = true;
    }

    /* software rendering without a GL-backed framebuffer unless asked: small and quick */
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, opt->gpu ? "1" : "0");
    SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "1");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    SDL_SetHint(SDL_HINT_IME_SHOW_UI, "1");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        fatal("SDL_Init");
        SDL_free(app);
        return NULL;
    }
    int w = opt->window_w > 0 ? opt->window_w : 1280;
    int h = opt->window_h > 0 ? opt->window_h : 800;
    if (opt->window_w <= 0) {
        SDL_DisplayMode dm;
        if (SDL_GetDesktopDisplayMode(0, &dm) == 0 && dm.w > 0 && dm.h > 0) {
            /* most of a small screen, a comfortable window on a large one */
            if (w > dm.w * 9 / 10 || h > dm.h * 9 / 10) {
                w = dm.w * 9 / 10;
                h = dm.h * 9 / 10;
            }
        }
    }
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    if (app->settings.fullscreen) {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    }
    /* --display N: open (and go full screen) on that screen, e.g. the projector */
    int where = SDL_WINDOWPOS_CENTERED;
    if (opt->display >= 0 && opt->display < SDL_GetNumVideoDisplays()) {
        where = (int)SDL_WINDOWPOS_CENTERED_DISPLAY(opt->display);
    } else if (opt->display >= 0) {
        app_warn(app, "There is no display %d (displays 0 to %d); using the first.", opt->display,
                 SDL_GetNumVideoDisplays() - 1);
    }
    app->window = SDL_CreateWindow("quizdeck", where, where, w, h, flags);
    if (!app->window) {
        fatal("cannot open a window");
        app_destroy(app);
        return NULL;
    }
    SDL_SetWindowMinimumSize(app->window, 320, 200);
    Uint32 rflags =
        opt->gpu ? SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC : SDL_RENDERER_SOFTWARE;
    app->renderer = SDL_CreateRenderer(app->window, -1, rflags);
    if (!app->renderer && opt->gpu) {
        fprintf(stderr, "quizdeck: no accelerated renderer (%s); using software\n", SDL_GetError());
        app->renderer = SDL_CreateRenderer(app->window, -1, SDL_RENDERER_SOFTWARE);
    }
    if (!app->renderer) {
        fatal("cannot create a renderer");
        app_destroy(app);
        return NULL;
    }
    if (TTF_Init() != 0) {
        fatal("TTF_Init");
        app_destroy(app);
        return NULL;
    }
    char fonts[PATHS_MAX], err[PATHS_MAX + 200];
    paths_join(fonts, sizeof fonts, app->paths.data_dir, "assets/fonts");
    app->text = text_create(app->renderer, fonts, err, sizeof err);
    if (!app->text) {
        fprintf(stderr, "quizdeck: %s\n", err);
        fprintf(stderr, "quizdeck: the game needs its fonts; reinstall it or pass --data-dir\n");
        app_destroy(app);
        return NULL;
    }
    SDL_StopTextInput(); /* text input only while a text field has focus */
    update_size(app);
    app_reload_packs(app);
    if (library_pack_count(&app->library) == 0) {
        app_warn(app, "No pack could be loaded. Add packs to %s or see the problems list.",
                 app->paths.user_packs[0] ? app->paths.user_packs : "the packs folder");
    }
    app->screen_id = SCREEN_TITLE;
    app->screen = screen_get(SCREEN_TITLE);
    app->back_to = SCREEN_TITLE;
    if (app->screen->enter) {
        app->screen->enter(app);
    }
    app->dirty = true;
    if (opt->classroom && opt->bench_draw == 0) {
        app_switch(app, SCREEN_CLASS_SETUP);
        do_switch(app);
    } else if (opt->play && opt->bench_draw == 0) {
        play_start_from_settings(app);
        do_switch(app);
    }
    return app;
}

void app_destroy(App *app)
{
    if (!app) {
        return;
    }
    play_end(app);
    study_end(app);
    classroom_ui_free(app);
    if (app->stats_data) {
        deck_stats_free(app->stats_data);
        free(app->stats_data);
        app->stats_data = NULL;
    }
    quiz_result_free(&app->run.result);
    pads_stop(&app->pads);
    sound_close(app->sound);
    text_destroy(app->text);
    if (TTF_WasInit()) {
        TTF_Quit();
    }
    if (app->renderer) {
        SDL_DestroyRenderer(app->renderer);
    }
    if (app->window) {
        SDL_DestroyWindow(app->window);
    }
    library_free(&app->library);
    diag_list_free(&app->load_diags);
    scoreboard_destroy(app->scores);
    settings_free(&app->settings);
    SDL_Quit();
    SDL_free(app);
}

void app_switch(App *app, ScreenId id)
{
    app->pending = id;
    app->switching = true;
}

void app_redraw(App *app)
{
    app->dirty = true;
}

static void do_switch(App *app)
{
    while (app->switching) {
        app->switching = false;
        if (app->screen->leave) {
            app->screen->leave(app);
        }
        app->screen_id = app->pending;
        app->screen = screen_get(app->pending);
        app->hover = -1;
        app->press_hot = -1;
        app->hot_count = 0;
        if (app->screen->enter) {
            app->screen->enter(app);
        }
        app->dirty = true;
    }
}

/* ---- hotspots ---- */

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

/* ---- events ---- */

static void send(App *app, const Command *cmd)
{
    switch (cmd->kind) {
    case CMD_FULLSCREEN:
        app_set_fullscreen(app, !app->settings.fullscreen);
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
            update_size(app);
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
    do_switch(app);
}

bool app_update(App *app, uint64_t now_ms)
{
    app->now_ms = now_ms;
    bool moving = false;
    if (app->screen->update) {
        moving = app->screen->update(app, now_ms);
    }
    do_switch(app);
    return moving;
}

void app_draw(App *app, bool force)
{
    if (!app->dirty && !force) {
        return;
    }
    text_frame(app->text);
    app->hot_count = 0;
    draw_clear(app);
    /* the warnings banner on top; the screen lays itself out in the space below it */
    int banner = draw_warnings(app);
    int full_h = app->h;
    if (banner > 0 && banner < app->h / 2) {
        SDL_Rect below = {0, banner, app->w, app->h - banner};
        SDL_RenderSetViewport(app->renderer, &below);
        app->h -= banner;
        app->origin_y = banner;
    }
    app->screen->draw(app);
    if (app->origin_y) {
        SDL_RenderSetViewport(app->renderer, NULL);
        app->h = full_h;
        app->origin_y = 0;
    }
    app->frames++;
    app->dirty = false;
}

void app_present(App *app)
{
    SDL_RenderPresent(app->renderer);
}

int app_run(App *app)
{
    uint64_t start = SDL_GetTicks64();
    bool sound_started = false;
    while (!app->quit) {
        bool moving = app_update(app, SDL_GetTicks64() - start);
        if (app->dirty) {
            app_draw(app, false);
            app_present(app);
        }
        if (!sound_started) {
            /* audio and pads after the first frame: the window shows sooner */
            app->sound = sound_open();
            sound_set_muted(app->sound, app->settings.muted);
            pads_start(&app->pads);
            sound_started = true;
        }
        SDL_Event ev;
        int wait = moving ? FRAME_MS : -1;
        if (SDL_WaitEventTimeout(&ev, wait)) {
            app_handle_event(app, &ev);
            while (!app->quit && SDL_PollEvent(&ev)) {
                app_handle_event(app, &ev);
            }
        }
    }
    return app->exit_code;
}

static int compare_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int app_bench_draw(App *app, int frames)
{
    /* a quiz question with the clock frozen: every frame shows the same thing */
    app->virtual_clock = true;
    app->now_ms = 0;
    app->opt.play = true;
    if (!play_start_from_settings(app)) {
        fprintf(stderr, "quizdeck: --bench-draw needs a pack to draw\n");
        return APP_EXIT_NO_DATA;
    }
    do_switch(app);
    unsigned long before = text_rasterisations(app->text);
    app_draw(app, true);
    app_present(app);
    unsigned long first = text_rasterisations(app->text) - before;
    double *ms = SDL_malloc(sizeof *ms * (size_t)frames);
    if (!ms) {
        return APP_EXIT_STARTUP;
    }
    unsigned long unchanged_before = text_rasterisations(app->text);
    double freq = (double)SDL_GetPerformanceFrequency();
    for (int i = 0; i < frames; i++) {
        Uint64 t0 = SDL_GetPerformanceCounter();
        app_draw(app, true);
        app_present(app);
        ms[i] = (double)(SDL_GetPerformanceCounter() - t0) * 1000.0 / freq;
    }
    unsigned long unchanged = text_rasterisations(app->text) - unchanged_before;
    qsort(ms, (size_t)frames, sizeof *ms, compare_double);
    printf("window %dx%d, %s renderer, %d frames\n", app->w, app->h,
           app->opt.gpu ? "gpu" : "software", frames);
    printf("draw_ms_median %.3f\n", ms[frames / 2]);
    printf("draw_ms_max %.3f\n", ms[frames - 1]);
    printf("glyphs_first_frame %lu\n", first);
    printf("glyphs_unchanged_frame %lu\n", frames > 0 ? unchanged / (unsigned long)frames : 0);
    SDL_free(ms);
    return APP_EXIT_OK;
}
