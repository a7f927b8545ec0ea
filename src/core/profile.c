/* profile.c - profile names, folders, listing, creating and resetting a pack. Never prints.
 * Export and import are in profile_archive.c. */
#include "profile.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <utf8proc.h>

#include "pack.h"
#include "paths.h"
#include "progress.h"
#include "strbuf.h"
#include "utf8.h"

static bool name_char_ok(int32_t cp)
{
    if (cp == ' ' || cp == '-' || cp == '_' || cp == '.') {
        return true;
    }
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ND:
        return true;
    default:
        return false;
    }
}

bool profile_name_valid(const char *name)
{
    if (!name) {
        return false;
    }
    size_t len = strlen(name);
    if (len == 0 || len >= PROFILE_NAME_SIZE || !utf8_valid(name, len, NULL) || name[0] == '.' ||
        name[0] == ' ' || name[len - 1] == ' ' || strstr(name, "..")) {
        return false;
    }
    size_t chars = 0;
    for (size_t i = 0; i < len; chars++) {
        int32_t cp;
        size_t n = utf8_decode(name + i, len - i, &cp);
        if (n == 0 || !name_char_ok(cp)) {
            return false;
        }
        /* a combining mark needs a letter before it */
        utf8proc_category_t cat = utf8proc_category(cp);
        if (i == 0 && (cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC)) {
            return false;
        }
        i += n;
    }
    return chars <= PROFILE_NAME_MAX;
}

bool profile_dir(char *out, size_t size, const char *data_dir, const char *name)
{
    if (size > 0) {
        out[0] = '\0';
    }
    if (!profile_name_valid(name) || !data_dir || !data_dir[0] ||
        !str_format(out, size, "%s/profiles/%s", data_dir, name)) {
        if (size > 0) {
            out[0] = '\0';
        }
        return false;
    }
    return true;
}

static bool in_profile(char *out, size_t size, const char *data_dir, const char *name,
                       const char *file)
{
    char dir[PATHS_MAX];
    return profile_dir(dir, sizeof dir, data_dir, name) && paths_join(out, size, dir, file);
}

bool profile_settings_path(char *out, size_t size, const char *config_dir, const char *data_dir,
                           const char *name)
{
    if (profile_name_valid(name) && strcmp(name, PROFILE_DEFAULT) == 0) {
        return paths_join(out, size, config_dir, "settings.ini");
    }
    return in_profile(out, size, data_dir, name, "settings.ini");
}

bool profile_scores_path(char *out, size_t size, const char *data_dir, const char *name)
{
    if (profile_name_valid(name) && strcmp(name, PROFILE_DEFAULT) == 0) {
        return paths_join(out, size, data_dir, "scores.ini");
    }
    return in_profile(out, size, data_dir, name, "scores.ini");
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(a, b);
}

bool profile_list(const char *data_dir, ProfileList *list)
{
    list->names = NULL;
    list->count = 0;
    char dir[PATHS_MAX];
    if (!str_format(dir, sizeof dir, "%s/profiles", data_dir)) {
        return false;
    }
    DIR *d = opendir(dir);
    if (!d) {
        return errno == ENOENT;
    }
    size_t cap = 0;
    bool ok = true;
    struct dirent *de;
    while (ok && (de = readdir(d)) != NULL) {
        char path[PATHS_MAX];
        if (!profile_name_valid(de->d_name) || !paths_join(path, sizeof path, dir, de->d_name) ||
            !paths_is_dir(path)) {
            continue;
        }
        if (list->count == cap) {
            cap = cap ? cap * 2 : 8;
            char(*p)[PROFILE_NAME_SIZE] = realloc(list->names, cap * sizeof *p);
            if (!p) {
                ok = false;
                break;
            }
            list->names = p;
        }
        str_copy(list->names[list->count++], PROFILE_NAME_SIZE, de->d_name);
    }
    closedir(d);
    if (!ok) {
        profile_list_free(list);
        return false;
    }
    if (list->count > 1) {
        qsort(list->names, list->count, sizeof list->names[0], compare_names);
    }
    return true;
}

void profile_list_free(ProfileList *list)
{
    if (!list) {
        return;
    }
    free(list->names);
    list->names = NULL;
    list->count = 0;
}

static bool refuse(SaveError *e, const char *what, const char *value)
{
    if (e) {
        e->err = 0;
        str_format(e->message, sizeof e->message, "'%.60s' is not a valid %s", value, what);
    }
    return false;
}

bool profile_create(const SaveIo *io, const char *data_dir, const char *name, SaveError *e)
{
    char dir[PATHS_MAX], progress[PATHS_MAX];
    if (!profile_dir(dir, sizeof dir, data_dir, name) ||
        !paths_join(progress, sizeof progress, dir, "progress")) {
        return refuse(e, "profile name", name ? name : "");
    }
    return save_make_dirs(io, progress, e);
}

bool profile_reset_pack(const SaveIo *io, const char *data_dir, const char *name,
                        const char *pack_id, time_t now, char *moved_to, size_t moved_size,
                        SaveError *e)
{
    if (moved_to && moved_size > 0) {
        moved_to[0] = '\0';
    }
    char dir[PATHS_MAX], path[PATHS_MAX];
    if (!profile_dir(dir, sizeof dir, data_dir, name)) {
        return refuse(e, "profile name", name ? name : "");
    }
    if (!progress_file_path(path, sizeof path, dir, pack_id)) {
        return refuse(e, "pack id", pack_id ? pack_id : "");
    }
    struct stat st;
    if (io->stat(io->ctx, path, &st) != 0) {
        return true; /* nothing to reset */
    }
    char stamp[32], aside[PATHS_MAX + 64];
    struct tm tm;
    time_t t = now;
    if (!gmtime_r(&t, &tm) || strftime(stamp, sizeof stamp, "%Y-%m-%dT%H%M%S", &tm) == 0) {
        stamp[0] = '\0';
    }
    for (int n = 1; n < 1000; n++) {
        bool fits = n == 1 ? str_format(aside, sizeof aside, "%s.reset-%s", path, stamp)
                           : str_format(aside, sizeof aside, "%s.reset-%s-%d", path, stamp, n);
        if (!fits) {
            break;
        }
        if (io->stat(io->ctx, aside, &st) == 0) {
            continue;
        }
        if (io->rename(io->ctx, path, aside) != 0) {
            if (e) {
                e->err = errno;
                str_format(e->message, sizeof e->message, "could not move %s aside: %s", path,
                           strerror(errno));
            }
            return false;
        }
        if (moved_to) {
            str_copy(moved_to, moved_size, aside);
        }
        return true;
    }
    if (e) {
        e->err = 0;
        str_format(e->message, sizeof e->message, "could not find a free name to move %s aside",
                   path);
    }
    return false;
}
