/* settings.h - the player's settings, kept in $XDG_CONFIG_HOME/quizdeck/settings.ini.
 * Pure C; never prints, never reads a clock. A damaged file is set aside, never overwritten.
 *
 * The file, annotated (settings_save writes no comments, and a rewrite drops the user's):
 *
 *     [quizdeck]
 *     version = 1
 *
 *     [quiz]
 *     count = 10          ; questions per quiz, 1 to 500
 *     timed = on          ; on/off (also yes/no, true/false, 1/0 when read)
 *     relaxed = off       ; no score pressure: untimed, no streaks shown
 *     packs =             ; comma-separated pack ids last picked; empty = every pack
 *     topic =             ; a topic tag; empty = every topic
 *
 *     [sound]
 *     muted = off
 *
 *     [display]
 *     fullscreen = off
 *     reduce_motion = off
 *
 *     [cards]
 *     new_per_day = 20    ; new flashcards a day, 0 to 1000
 *     review_cap = 200    ; most reviews a day, 1 to 10000
 *     day_start = 4       ; the hour (local time, 0 to 23) at which a study day starts
 *     retention = 0.90    ; desired retention, 0.70 to 0.99
 *     max_interval = 36500 ; longest interval in days, 1 to 36500
 *     two_buttons = off   ; grade with Again and Good only
 *     quiz_feeds = off    ; quiz answers count as reviews: right = Good, wrong = Again
 *
 *     [retention]
 *     csto-members = 0.85 ; a pack's own desired retention, 0.70 to 0.99
 *
 * Sections and keys this version does not know (from a newer one) are kept as they are and
 * written back; a `version` larger than 1 is kept too. */
#ifndef QUIZDECK_SETTINGS_H
#define QUIZDECK_SETTINGS_H

#include <stdbool.h>
#include <time.h>

#include "diag.h"
#include "inidoc.h"
#include "save.h"

enum { SETTINGS_VERSION = 1, SETTINGS_COUNT_MIN = 1, SETTINGS_COUNT_MAX = 500 };

/* Largest settings file read; a bigger one counts as damaged. */
enum { SETTINGS_FILE_MAX = 256 * 1024 };

typedef struct Settings {
    bool muted;         /* default false */
    bool fullscreen;    /* default false */
    bool reduce_motion; /* default false */
    bool timed;         /* default true */
    bool relaxed;       /* default false */
    int question_count; /* default 10, valid 1..500 */
    char packs[512];    /* comma-separated pack ids last picked, "" = all */
    char topic[64];     /* "" = all */
    int new_per_day;    /* default 20, 0..1000 */
    int review_cap;     /* default 200, 1..10000 */
    int day_start;      /* default 4, 0..23 */
    double retention;   /* default 0.90, 0.70..0.99 */
    int max_interval;   /* default 36500, 1..36500 */
    bool two_buttons;   /* default false */
    bool quiz_feeds;    /* default false */
    IniDoc *doc;        /* owned: the file as read, so unknown keys survive a save; may be NULL */
    bool save_blocked;  /* a damaged file could not be set aside: saving would destroy it */
} Settings;

/* Fills `s` with the defaults (and no document). */
void settings_init(Settings *s);

/* Frees what `s` owns and resets it to the defaults. Accepts NULL. */
void settings_free(Settings *s);

/* Loads `path` into `s` (which must have been initialised; what it held is freed first).
 * - missing file: defaults, no diagnostic, returns true;
 * - a line that is not INI, or a bad value: every sound value is kept, the rest are defaults,
 *   each problem is a `path:line: warning:`, and the file is renamed to
 *   `path.YYYY-MM-DDTHHMMSS.bad` (UTC from `now`) with a warning naming it; `report` (may be
 *   NULL) says so. Returns true.
 * - the file cannot be read, or cannot be set aside: defaults, a warning, s->save_blocked is
 *   set so that settings_save will not overwrite it, returns false. */
bool settings_load(Settings *s, const SaveIo *io, const char *path, time_t now, DiagList *diags,
                   LoadReport *report);

/* Writes `s` to `path` atomically, creating its folder, keeping unknown sections and keys.
 * Returns false with `e` filled on failure (the old file is unchanged). */
bool settings_save(const Settings *s, const SaveIo *io, const char *path, SaveError *e);

/* The desired retention for pack `pack_id`: its own entry in [retention] when it has a valid
 * one, else s->retention. */
double settings_retention(const Settings *s, const char *pack_id);

/* Parses a boolean as the settings file spells it (on/off, yes/no, true/false, 1/0, any case).
 * Returns false for anything else. */
bool settings_parse_bool(const char *text, bool *out);

#endif
