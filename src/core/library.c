/* library.c - scanning pack folders and resolving ids. */
#include "library.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "paths.h"

void library_free(Library *lib)
{
    if (!lib) {
        return;
    }
    for (int i = 0; i < lib->count; i++) {
        free(lib->entries[i].path);
        pack_destroy(lib->entries[i].pack);
        diag_list_free(&lib->entries[i].diags);
    }
    free(lib->entries);
    *lib = (Library)LIBRARY_INIT;
}

static LibraryEntry *add_entry(Library *lib, const char *display, PackOrigin origin)
{
    if (lib->count == lib->cap) {
        int cap = lib->cap ? lib->cap * 2 : 16;
        LibraryEntry *grown = realloc(lib->entries, (size_t)cap * sizeof *grown);
        if (!grown) {
            return NULL;
        }
        lib->entries = grown;
        lib->cap = cap;
    }
    char *copy = strdup(display);
    if (!copy) {
        return NULL;
    }
    LibraryEntry *e = &lib->entries[lib->count++];
    memset(e, 0, sizeof *e);
    e->path = copy;
    e->origin = origin;
    e->diags = (DiagList)DIAGLIST_INIT;
    return e;
}

void library_add_file(Library *lib, const char *path, const char *display, PackOrigin origin)
{
    LibraryEntry *e = add_entry(lib, display ? display : path, origin);
    if (!e) {
        return;
    }
    DiagList raw = DIAGLIST_INIT;
    e->pack = pack_load_file(path, &raw);
    /* diagnostics name the file as the user should see it */
    for (size_t i = 0; i < raw.count; i++) {
        char *shown = strdup(e->path);
        if (shown) {
            free(raw.items[i].path);
            raw.items[i].path = shown;
        }
    }
    diag_list_move(&e->diags, &raw);
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_pack_name(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && n > 4 && strcmp(name + n - 4, ".ini") == 0;
}

void library_add_dir(Library *lib, const char *dir, const char *display_dir, PackOrigin origin,
                     bool optional)
{
    const char *shown_dir = display_dir ? display_dir : dir;
    DIR *d = opendir(dir);
    if (!d) {
        if (optional && errno == ENOENT) {
            return;
        }
        int err = errno;
        LibraryEntry *e = add_entry(lib, shown_dir, origin);
        if (e) {
            diag_add(&e->diags, DIAG_ERROR, shown_dir, 0, "cannot open the pack folder: %s",
                     strerror(err));
        }
        return;
    }
    char **names = NULL;
    size_t count = 0;
    size_t cap = 0;
    struct dirent *ent;
    while ((ent = readdir(d)) != NULL) {
        if (!is_pack_name(ent->d_name)) {
            continue;
        }
        if (count == cap) {
            cap = cap ? cap * 2 : 32;
            char **grown = realloc(names, cap * sizeof *grown);
            if (!grown) {
                break;
            }
            names = grown;
        }
        names[count] = strdup(ent->d_name);
        if (names[count]) {
            count++;
        }
    }
    closedir(d);
    if (count > 1) {
        qsort(names, count, sizeof *names, compare_names);
    }
    if (count > LIBRARY_DIR_PACKS_MAX) {
        LibraryEntry *e = add_entry(lib, shown_dir, origin);
        if (e) {
            diag_add(&e->diags, DIAG_ERROR, shown_dir, 0,
                     "%zu pack files in this folder; only the first %d by name are read (from "
                     "%s to %s)",
                     count, LIBRARY_DIR_PACKS_MAX, names[0], names[LIBRARY_DIR_PACKS_MAX - 1]);
        }
    }
    for (size_t i = 0; i < count; i++) {
        char path[PATHS_MAX];
        char shown[PATHS_MAX];
        if (i < LIBRARY_DIR_PACKS_MAX && paths_join(path, sizeof path, dir, names[i]) &&
            paths_join(shown, sizeof shown, shown_dir, names[i])) {
            library_add_file(lib, path, shown, origin);
        }
        free(names[i]);
    }
    free(names);
}

static const char *origin_name(PackOrigin origin)
{
    switch (origin) {
    case ORIGIN_BUNDLED:
        return "bundled";
    case ORIGIN_USER:
        return "user";
    case ORIGIN_COMMAND_LINE:
    case ORIGIN_COUNT:
        break;
    }
    return "command-line";
}

void library_resolve(Library *lib)
{
    for (int i = 0; i < lib->count; i++) {
        LibraryEntry *later = &lib->entries[i];
        if (!later->pack) {
            continue;
        }
        for (int j = 0; j < i; j++) {
            LibraryEntry *earlier = &lib->entries[j];
            if (!earlier->pack || earlier->replaced ||
                strcmp(earlier->pack->id, later->pack->id) != 0) {
                continue;
            }
            if (later->origin > earlier->origin) {
                earlier->replaced = true;
                diag_add(&later->diags, DIAG_NOTE, later->path, 0,
                         "pack '%s' replaces the %s pack %s", later->pack->id,
                         origin_name(earlier->origin), earlier->path);
            } else {
                diag_add(&later->diags, DIAG_ERROR, later->path, 0,
                         "pack id '%s' is already used by %s; this pack is skipped",
                         later->pack->id, earlier->path);
                pack_destroy(later->pack);
                later->pack = NULL;
                break;
            }
        }
    }
}

const Pack *library_find(const Library *lib, const char *id_or_path)
{
    for (int i = 0; i < lib->count; i++) {
        const LibraryEntry *e = &lib->entries[i];
        if (e->pack && !e->replaced &&
            (strcmp(e->pack->id, id_or_path) == 0 || strcmp(e->path, id_or_path) == 0)) {
            return e->pack;
        }
    }
    return NULL;
}

int library_pack_count(const Library *lib)
{
    int n = 0;
    for (int i = 0; i < lib->count; i++) {
        n += lib->entries[i].pack && !lib->entries[i].replaced;
    }
    return n;
}

int library_question_count(const Library *lib)
{
    int n = 0;
    for (int i = 0; i < lib->count; i++) {
        if (lib->entries[i].pack && !lib->entries[i].replaced) {
            n += lib->entries[i].pack->question_count;
        }
    }
    return n;
}
