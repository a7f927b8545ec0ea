/* profiles.h - the profiles screen's parts, shared by screen_profiles.c (keys and clicks),
 * profiles_actions.c (what the buttons do) and profiles_draw.c (drawing). Not for other screens. */
#ifndef QUIZDECK_PROFILES_H
#define QUIZDECK_PROFILES_H

#include <stdbool.h>

#include "core/profile.h"
#include "ui/app.h"

/* What the screen shows: the learners with the new-name field and the progress buttons, the
 * packs whose progress can be reset, or the question before a reset. */
typedef enum ProfilesMode {
    PROFILES_LIST,
    PROFILES_PACKS,
    PROFILES_CONFIRM,
    PROFILES_MODE_COUNT
} ProfilesMode;

/* ProfilesState lives in App (app.h) as app->profiles_state. */

/* The screen's state. Borrowed from `app`. */
ProfilesState *profiles_state(App *app);

/* Focus stops of the list after the learners' rows (which come first, 0..count-1). */
typedef enum ProfilesStop {
    STOP_NEW, /* "+ New profile": the name field */
    STOP_EXPORT,
    STOP_IMPORT,
    STOP_RESET,
    STOP_BACK,
    STOP_COUNT
} ProfilesStop;

/* The learners as listed: "default" first (whether or not its folder exists yet), then every
 * other profile folder sorted by byte value. */
typedef struct ProfilesRows {
    ProfileList list; /* owned; free with profiles_rows_free */
    int count;        /* rows, "default" included */
} ProfilesRows;

/* Reads the profile folders. On failure the list holds "default" only. */
void profiles_rows_load(App *app, ProfilesRows *rows);
void profiles_rows_free(ProfilesRows *rows);
/* The name of row `i` (0-based). Borrowed from `rows`. */
const char *profiles_row_name(const ProfilesRows *rows, int i);

/* Live packs (loaded, not replaced), in library order, and the `i`th of them (NULL past the
 * end). Borrowed from the library: valid until the packs are reloaded. */
int profiles_pack_count(const App *app);
const Pack *profiles_pack_at(const App *app, int i);

/* Starts or stops typing in the name field (and SDL's text input with it). */
void profiles_set_typing(App *app, bool on);

/* Switches to profile `name` and returns to the title screen. */
void profiles_pick(App *app, const char *name);
/* Creates the typed profile and switches to it; a name that cannot be one is explained under
 * the field and nothing is created. */
void profiles_create(App *app);
/* Writes the current profile's progress to user_data/exports/<name>-YYYY-MM-DD.quizdeck-profile. */
void profiles_export(App *app);
/* Reads user_data/exports/import.quizdeck-profile into the current profile. */
void profiles_import(App *app);
/* Resets the current profile's progress in the chosen pack (after the confirmation). */
void profiles_reset(App *app);

/* Where Import looks, as people see it (~ for home). False when there is no data folder. */
bool profiles_import_path(const App *app, char *out, size_t size, bool shown);

/* Sets the status line: printf-style, `failed` colours it as a failure. */
void profiles_say(App *app, bool failed, const char *fmt, ...) SDL_PRINTF_VARARG_FUNC(3);

/* Draws the screen (profiles_draw.c). */
void profiles_draw(App *app);

#endif
