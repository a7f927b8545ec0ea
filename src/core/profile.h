/* profile.h - learners' profiles on a shared computer: names, folders, listing and creating
 * them, exporting and importing a profile's progress as one file, and resetting a pack.
 * Pure C + POSIX; never prints, never reads a clock. Nothing here writes outside
 * `$DATA/profiles/<name>/` (and the export file the caller names): a name that could leave
 * that folder is refused before any path is built.
 *
 * A profile's folder:
 *
 *     $DATA/profiles/<name>/progress/<pack-id>.ini   progress of one pack (progress.h)
 *     $DATA/profiles/<name>/reviews.log              the review log (progress.h)
 *     $DATA/profiles/<name>/settings.ini             its settings (settings.h)
 *     $DATA/profiles/<name>/scores.ini               its high scores (highscore.h)
 *
 * The profile named "default" keeps the files the game used before profiles existed:
 * `$CONFIG/settings.ini` and `$DATA/scores.ini` (its progress and log are in its folder like
 * every other profile's). profile_settings_path and profile_scores_path encode that choice.
 *
 * The export file (profile_export), a text container with per-file checksums:
 *
 *     quizdeck-profile 1\n
 *     file progress/csto-members.ini 1234 9f3a0c12\n     relative path, bytes, CRC-32 (hex)
 *     <exactly 1234 bytes>\n
 *     file reviews.log 88 0b1c2d3e\n
 *     <exactly 88 bytes>\n
 *     end 2\n                                            number of files
 *
 * Paths are only `reviews.log` and `progress/<pack-id>.ini`. The log is written as its intact
 * records only (a torn tail is not exported). */
#ifndef QUIZDECK_PROFILE_H
#define QUIZDECK_PROFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "diag.h"
#include "save.h"

enum {
    PROFILE_NAME_MAX = 40,         /* characters (code points) */
    PROFILE_NAME_SIZE = 40 * 4 + 1 /* bytes, with the NUL */
};

#define PROFILE_DEFAULT "default"

/* Largest export file read by profile_import. */
#define PROFILE_ARCHIVE_MAX ((size_t)64 * 1024 * 1024)

/* True when `name` can be a profile: valid UTF-8 of 1..40 characters, each a letter (of any
 * script, with its combining marks), a digit, a space, '-', '_' or '.'; not starting with '.'
 * or a space, not ending with a space, without "..". So never '/', never a control character,
 * never "." or "..". */
bool profile_name_valid(const char *name);

/* `data_dir/profiles/name`. False (and `out` = "") when the name is not valid or the path does
 * not fit. */
bool profile_dir(char *out, size_t size, const char *data_dir, const char *name);

/* The settings file of a profile: `config_dir/settings.ini` for "default", else
 * `data_dir/profiles/<name>/settings.ini`. False when the name is not valid or it does not fit. */
bool profile_settings_path(char *out, size_t size, const char *config_dir, const char *data_dir,
                           const char *name);

/* The high-score file: `data_dir/scores.ini` for "default", else
 * `data_dir/profiles/<name>/scores.ini`. */
bool profile_scores_path(char *out, size_t size, const char *data_dir, const char *name);

typedef struct ProfileList {
    char (*names)[PROFILE_NAME_SIZE]; /* owned, sorted by byte value */
    size_t count;
} ProfileList;

/* Lists the folders in `data_dir/profiles` whose names are valid profile names, sorted.
 * A missing folder is an empty list. False when the folder cannot be read or memory ran out
 * (`list` is then empty). Free with profile_list_free. */
bool profile_list(const char *data_dir, ProfileList *list);

/* Frees the names. Accepts NULL. */
void profile_list_free(ProfileList *list);

/* Creates the profile's folder and its progress folder. True when they exist afterwards (an
 * existing profile is not an error). False for an invalid name, with `e` filled. */
bool profile_create(const SaveIo *io, const char *data_dir, const char *name, SaveError *e);

/* Moves the progress of `pack_id` aside as `<pack-id>.ini.reset-YYYY-MM-DDTHHMMSS` (UTC from
 * `now`; `-2`, `-3`... when taken), so the pack starts anew and an undo by hand is possible;
 * the review log is left as it is. The UI asks for confirmation first. The new name goes to
 * `moved_to` (may be NULL). True also when there was no progress to move (moved_to = "").
 * False for an invalid name or pack id, or when the rename fails (`e`). */
bool profile_reset_pack(const SaveIo *io, const char *data_dir, const char *name,
                        const char *pack_id, time_t now, char *moved_to, size_t moved_size,
                        SaveError *e);

/* Writes every progress file of the profile and its review log into one file at `out_path`,
 * atomically (format above). Files that cannot be read fail the export (`e`); nothing is
 * written then. */
bool profile_export(const SaveIo *io, const char *data_dir, const char *name, const char *out_path,
                    SaveError *e);

/* Reads the export file at `in_path` into profile `name` (created when missing). Everything is
 * checked first: the header, every path, length and checksum, the end line, every progress file
 * must read without a single problem (progress.h), and every log line must be an intact record.
 * When anything fails, each problem is a `in_path:line: error:` in `diags` and nothing is
 * written. Otherwise each progress file in the archive replaces the profile's progress of that
 * pack, and the archive's log replaces the profile's log, each atomically; progress of packs not
 * in the archive is left alone. False with `e` filled when a write fails (files already
 * replaced stay replaced; each is whole). */
bool profile_import(const SaveIo *io, const char *data_dir, const char *name, const char *in_path,
                    DiagList *diags, SaveError *e);

#endif
