/* library.h - every pack the game can offer: bundled ones, the user's, and paths given on the
 * command line, with the rule for two packs with one id. Pure C; never prints: each entry
 * keeps its own diagnostics for the caller to show. */
#ifndef QUIZDECK_LIBRARY_H
#define QUIZDECK_LIBRARY_H

#include <stdbool.h>

#include "diag.h"
#include "pack.h"

typedef enum PackOrigin {
    ORIGIN_BUNDLED,      /* questions/ in the data folder */
    ORIGIN_USER,         /* $XDG_DATA_HOME/quizdeck/packs */
    ORIGIN_COMMAND_LINE, /* named by the user for this run */
    ORIGIN_COUNT
} PackOrigin;

typedef struct LibraryEntry {
    char *path; /* as shown to the user; owned */
    PackOrigin origin;
    Pack *pack;     /* NULL when the file had errors; owned */
    DiagList diags; /* this file's diagnostics */
    bool replaced;  /* a pack with the same id from a later origin took its place */
} LibraryEntry;

typedef struct Library {
    LibraryEntry *entries; /* in the order they were added */
    int count;
    int cap;
} Library;

#define LIBRARY_INIT                                                                               \
    {                                                                                              \
        NULL, 0, 0                                                                                 \
    }

/* Frees every entry and its pack. Accepts NULL. */
void library_free(Library *lib);

/* Most pack files read from one folder; each may hold PACK_BYTES_MAX bytes. */
enum { LIBRARY_DIR_PACKS_MAX = 1000 };

/* Loads every `*.ini` file directly in `dir` (sorted by name; hidden files skipped), at most
 * LIBRARY_DIR_PACKS_MAX of them: when there are more, the rest are not read and an error entry
 * for the folder says so. A missing folder adds nothing when `optional`, and an error entry
 * otherwise. `display_dir`, if not NULL, replaces `dir` in the paths shown to the user. */
void library_add_dir(Library *lib, const char *dir, const char *display_dir, PackOrigin origin,
                     bool optional);

/* Loads one file. `display` (or `path` when NULL) names it in diagnostics. */
void library_add_file(Library *lib, const char *path, const char *display, PackOrigin origin);

/* Applies the id rule: a pack from a later origin (user over bundled, command line over both)
 * replaces one with the same id, with a note; two packs of one origin with the same id is an
 * error on the second, which is dropped. Call once, after adding everything. */
void library_resolve(Library *lib);

/* The live pack with this id, or the one loaded from this path, or NULL. Borrowed. */
const Pack *library_find(const Library *lib, const char *id_or_path);

/* Number of live packs (loaded and not replaced) and of their questions. */
int library_pack_count(const Library *lib);
int library_question_count(const Library *lib);

#endif
