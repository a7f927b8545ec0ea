/* app_files.c - the user's files as the app sees them: warnings about them (paths under HOME
 * shown as ~), settings and high scores of the current learner, and the pack library. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/app.h"
#include "ui/app_private.h"

static void load_scores(App *app);

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

bool app_named_packs(App *app, char *out, size_t size)
{
    size_t len = 0;
    out[0] = '\0';
    for (int i = 0; i < app->opt.pack_count; i++) {
        const Pack *p = library_find(&app->library, app->opt.packs[i]);
        if (!p) {
            app_warn(app, "no pack '%s'", app->opt.packs[i]);
            continue;
        }
        int w = snprintf(out + len, size - len, "%s%s", len ? "," : "", p->id);
        if (w > 0 && (size_t)w < size - len) {
            len += (size_t)w;
        }
    }
    return len > 0;
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

bool app_is_fullscreen(const App *app)
{
    return (SDL_GetWindowFlags(app->window) & SDL_WINDOW_FULLSCREEN) != 0;
}

void app_toggle_mute(App *app)
{
    app->settings.muted = !app->settings.muted;
    sound_set_muted(app->sound, app->settings.muted);
    app_save_settings(app);
    app->dirty = true;
}
