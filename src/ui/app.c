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
#include "ui/app_private.h"
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

static void fatal(const char *where)
{
    fprintf(stderr, "quizdeck: %s: %s\n", where, SDL_GetError());
}

void app_update_size(App *app)
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
    if (app->settings.fullscreen || opt->display >= 0) {
        /* --display N names a screen to fill, such as the projector */
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
    app_update_size(app);
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
        app_do_switch(app);
    } else if (opt->play && opt->bench_draw == 0) {
        play_start_from_settings(app);
        app_do_switch(app);
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

void app_do_switch(App *app)
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

bool app_update(App *app, uint64_t now_ms)
{
    app->now_ms = now_ms;
    bool moving = false;
    if (app->screen->update) {
        moving = app->screen->update(app, now_ms);
    }
    app_do_switch(app);
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
