/* profiles_actions.c - what the profiles screen's buttons do: pick, create, export, import and
 * reset, each reported in the screen's status line. The file formats and name rules are
 * profile.h's; nothing here draws. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/utf8.h"
#include "ui/profiles.h"

#define EXPORT_DIR "exports"
#define EXPORT_SUFFIX ".quizdeck-profile"
#define IMPORT_NAME "import" EXPORT_SUFFIX

void profiles_say(App *app, bool failed, const char *fmt, ...)
{
    ProfilesState *s = profiles_state(app);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->message, sizeof s->message, fmt, ap);
    va_end(ap);
    s->message_failed = failed;
    app_redraw(app);
}

void profiles_rows_load(App *app, ProfilesRows *rows)
{
    memset(rows, 0, sizeof *rows);
    if (app->paths.user_data[0] && !profile_list(app->paths.user_data, &rows->list)) {
        /* said without asking for a redraw: this runs while a frame is drawn */
        ProfilesState *s = profiles_state(app);
        str_format(s->message, sizeof s->message,
                   "The profile folders in %s/profiles could not be read.", app->paths.user_data);
        s->message_failed = true;
    }
    rows->count = 1;
    for (size_t i = 0; i < rows->list.count; i++) {
        if (strcmp(rows->list.names[i], PROFILE_DEFAULT) != 0) {
            rows->count++;
        }
    }
}

void profiles_rows_free(ProfilesRows *rows)
{
    profile_list_free(&rows->list);
    rows->count = 0;
}

const char *profiles_row_name(const ProfilesRows *rows, int i)
{
    if (i == 0) {
        return PROFILE_DEFAULT;
    }
    for (size_t k = 0; k < rows->list.count; k++) {
        if (strcmp(rows->list.names[k], PROFILE_DEFAULT) != 0 && --i == 0) {
            return rows->list.names[k];
        }
    }
    return "";
}

int profiles_pack_count(const App *app)
{
    return library_pack_count(&app->library);
}

const Pack *profiles_pack_at(const App *app, int i)
{
    for (int k = 0; k < app->library.count; k++) {
        const LibraryEntry *en = &app->library.entries[k];
        if (en->pack && !en->replaced && i-- == 0) {
            return en->pack;
        }
    }
    return NULL;
}

void profiles_set_typing(App *app, bool on)
{
    ProfilesState *s = profiles_state(app);
    if (on == s->typing) {
        return;
    }
    s->typing = on;
    app->run.composition[0] = '\0';
    if (on) {
        SDL_StartTextInput();
    } else {
        SDL_StopTextInput();
    }
    app_redraw(app);
}

void profiles_pick(App *app, const char *name)
{
    if (strcmp(name, app->profile) == 0 || app_set_profile(app, name)) {
        app_switch(app, SCREEN_TITLE);
    }
}

/* Why `name` cannot be a profile, in words, or false when it can. The rules are
 * profile_name_valid's; this only names the likeliest reason. */
static bool name_problem(const char *name, char *out, size_t size)
{
    if (profile_name_valid(name)) {
        return false;
    }
    size_t len = strlen(name);
    if (len == 0) {
        str_copy(out, size, "Type a name first.");
    } else if (strchr(name, '/') || strchr(name, '\\')) {
        str_copy(out, size, "A name cannot contain '/' or '\\'.");
    } else if (!utf8_valid(name, len, NULL)) {
        str_copy(out, size, "That name is not valid text.");
    } else if (len + 4 >= PROFILE_NAME_SIZE) {
        str_format(out, size, "A name has at most %d characters; this one is far longer.",
                   PROFILE_NAME_MAX);
    } else if (utf8_length(name, len) > PROFILE_NAME_MAX) {
        str_format(out, size, "A name has at most %d characters; this one has %zu.",
                   PROFILE_NAME_MAX, utf8_length(name, len));
    } else if (name[0] == '.') {
        str_copy(out, size, "A name cannot start with a dot.");
    } else if (strstr(name, "..")) {
        str_copy(out, size, "A name cannot contain '..'.");
    } else if (name[0] == ' ' || name[len - 1] == ' ') {
        str_copy(out, size, "A name cannot start or end with a space.");
    } else {
        str_copy(out, size, "Use only letters, digits, spaces, '-', '_' and '.'.");
    }
    return true;
}

void profiles_create(App *app)
{
    ProfilesState *s = profiles_state(app);
    if (name_problem(s->name, s->name_error, sizeof s->name_error)) {
        profiles_set_typing(app, true); /* the field keeps the keyboard to fix the name */
        app_redraw(app);
        return;
    }
    s->name_error[0] = '\0';
    if (app_set_profile(app, s->name)) {
        s->name[0] = '\0';
        app_switch(app, SCREEN_TITLE);
    }
}

/* user_data/exports, or false (with a message) when there is no data folder. */
static bool export_dir(App *app, char *out, size_t size)
{
    if (!app->paths.user_data[0] ||
        !str_format(out, size, "%s/" EXPORT_DIR, app->paths.user_data)) {
        profiles_say(app, true,
                     "There is no data folder for progress files (set HOME or "
                     "XDG_DATA_HOME).");
        return false;
    }
    return true;
}

bool profiles_import_path(const App *app, char *out, size_t size, bool shown)
{
    char path[PATHS_MAX];
    if (!app->paths.user_data[0] ||
        !str_format(path, sizeof path, "%s/" EXPORT_DIR "/" IMPORT_NAME, app->paths.user_data)) {
        out[0] = '\0';
        return false;
    }
    if (shown) {
        app_short_path(app, path, out, size);
        return true;
    }
    return str_copy(out, size, path);
}

void profiles_export(App *app)
{
    char dir[PATHS_MAX], path[PATHS_MAX], stamp[32], shown[PATHS_MAX];
    if (!export_dir(app, dir, sizeof dir)) {
        return;
    }
    if (!save_format_time((time_t)app_wall_time(app), stamp, sizeof stamp)) {
        str_copy(stamp, sizeof stamp, "0000-00-00");
    }
    stamp[10] = '\0'; /* YYYY-MM-DD */
    if (!str_format(path, sizeof path, "%s/%s-%s" EXPORT_SUFFIX, dir, app->profile, stamp)) {
        profiles_say(app, true, "The export file's path is too long.");
        return;
    }
    SaveError e;
    memset(&e, 0, sizeof e);
    if (!save_make_dirs(app->io, dir, &e) ||
        !profile_export(app->io, app->paths.user_data, app->profile, path, &e)) {
        profiles_say(app, true, "Nothing was exported: %s", e.message);
        return;
    }
    app_short_path(app, path, shown, sizeof shown);
    profiles_say(app, false, "The progress of %s was saved to %s", app->profile, shown);
}

void profiles_import(App *app)
{
    char path[PATHS_MAX], shown[PATHS_MAX];
    if (!profiles_import_path(app, path, sizeof path, false)) {
        profiles_say(app, true,
                     "There is no data folder to import from (set HOME or "
                     "XDG_DATA_HOME).");
        return;
    }
    app_short_path(app, path, shown, sizeof shown);
    struct stat st;
    if (app->io->stat(app->io->ctx, path, &st) != 0) {
        profiles_say(app, true,
                     "There is no file at %s. Put the exported file there under that "
                     "name, then press Import progress.",
                     shown);
        return;
    }
    DiagList diags = DIAGLIST_INIT;
    SaveError e;
    memset(&e, 0, sizeof e);
    if (profile_import(app->io, app->paths.user_data, app->profile, path, &diags, &e)) {
        profiles_say(app, false, "Imported %s into the progress of %s.", shown, app->profile);
    } else if (diags.count > 0) {
        StrBuf first = STRBUF_INIT;
        diag_format(&diags.items[0], &first);
        size_t more = diags.count - 1 + diags.dropped;
        if (more > 0) {
            profiles_say(app, true, "Nothing was imported: %s (and %zu more problem%s)",
                         strbuf_cstr(&first), more, more == 1 ? "" : "s");
        } else {
            profiles_say(app, true, "Nothing was imported: %s", strbuf_cstr(&first));
        }
        strbuf_free(&first);
    } else {
        profiles_say(app, true, "The import stopped: %s", e.message);
    }
    diag_list_free(&diags);
}

void profiles_reset(App *app)
{
    ProfilesState *s = profiles_state(app);
    const Pack *pack = library_find(&app->library, s->pack_id);
    const char *title = pack ? pack->title : s->pack_id;
    char moved[PATHS_MAX] = "", shown[PATHS_MAX];
    SaveError e;
    memset(&e, 0, sizeof e);
    if (!app->paths.user_data[0]) {
        profiles_say(app, true, "There is no data folder, so there is no progress to reset.");
    } else if (!profile_reset_pack(app->io, app->paths.user_data, app->profile, s->pack_id,
                                   (time_t)app_wall_time(app), moved, sizeof moved, &e)) {
        profiles_say(app, true, "%s was not reset: %s", title, e.message);
    } else if (!moved[0]) {
        profiles_say(app, false, "%s has no progress in %s yet: nothing to reset.", app->profile,
                     title);
    } else {
        app_short_path(app, moved, shown, sizeof shown);
        profiles_say(app, false, "%s starts anew for %s. The old progress was moved to %s", title,
                     app->profile, shown);
    }
    s->mode = PROFILES_PACKS;
}
