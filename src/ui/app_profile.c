/* app_profile.c - the learner's profile: which settings, high scores and progress the app
 * uses, and remembering the last one picked. The rules for names and folders are profile.h's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "ui/app.h"

/* The file that remembers the last profile: user_data/profiles/last (one line, the name). */
static bool last_path(const App *app, char *out, size_t size)
{
    return app->paths.user_data[0] &&
           str_format(out, size, "%s/profiles/last", app->paths.user_data);
}

/* Picks the profile at start: `wanted` (--profile) when given, else the one remembered, else
 * "default". */
void app_load_last_profile(App *app, const char *wanted)
{
    char name[PROFILE_NAME_SIZE] = PROFILE_DEFAULT;
    char path[PATHS_MAX];
    if (wanted) {
        str_copy(name, sizeof name, wanted);
    } else if (last_path(app, path, sizeof path)) {
        char *data = NULL;
        size_t len = 0;
        SaveError e;
        if (save_read_file(path, 4096, &data, &len, &e) == SAVE_READ_OK) {
            data[strcspn(data, "\r\n")] = '\0';
            if (profile_name_valid(data)) {
                str_copy(name, sizeof name, data);
            }
        }
        free(data);
    }
    if (!app_set_profile(app, name)) {
        app_set_profile(app, PROFILE_DEFAULT);
    }
}

bool app_set_profile(App *app, const char *name)
{
    if (!profile_name_valid(name)) {
        app_warn(app,
                 "'%.60s' cannot be a profile name: use letters, digits, spaces, '-', '_' "
                 "or '.', at most %d characters",
                 name, PROFILE_NAME_MAX);
        return false;
    }
    char dir[PATHS_MAX] = "", settings[PATHS_MAX] = "", scores[PATHS_MAX] = "";
    SaveError e;
    memset(&e, 0, sizeof e);
    if (app->paths.user_data[0]) {
        if (!profile_create(app->io, app->paths.user_data, name, &e)) {
            app_warn(app, "%s", e.message);
            return false;
        }
        profile_dir(dir, sizeof dir, app->paths.user_data, name);
        profile_scores_path(scores, sizeof scores, app->paths.user_data, name);
    }
    if (app->paths.user_config[0] && app->paths.user_data[0]) {
        profile_settings_path(settings, sizeof settings, app->paths.user_config,
                              app->paths.user_data, name);
    }
    study_end(app);
    str_copy(app->profile, sizeof app->profile, name);
    str_copy(app->profile_dir, sizeof app->profile_dir, dir);
    str_copy(app->paths.settings, sizeof app->paths.settings, settings);
    str_copy(app->paths.scores, sizeof app->paths.scores, scores);
    app_reload_user_files(app);
    char path[PATHS_MAX];
    if (last_path(app, path, sizeof path)) {
        char line[PROFILE_NAME_SIZE + 2];
        str_format(line, sizeof line, "%s\n", name);
        if (!save_write_atomic(app->io, path, line, strlen(line), &e)) {
            app_warn(app, "%s", e.message);
        }
    }
    app->dirty = true;
    return true;
}
