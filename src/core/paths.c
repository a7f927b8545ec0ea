/* paths.c - XDG base directories and the data folder next to the executable. */
#include "paths.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "strbuf.h"

static bool xdg_dir(char *out, size_t size, const char *xdg, const char *home, const char *fallback)
{
    if (xdg && xdg[0] == '/') {
        return str_format(out, size, "%s/quizdeck", xdg);
    }
    if (home && home[0] == '/') {
        return str_format(out, size, "%s/%s/quizdeck", home, fallback);
    }
    return false;
}

bool paths_user_data(char *out, size_t size, const char *xdg, const char *home)
{
    return xdg_dir(out, size, xdg, home, ".local/share");
}

bool paths_user_config(char *out, size_t size, const char *xdg, const char *home)
{
    return xdg_dir(out, size, xdg, home, ".config");
}

bool paths_join(char *out, size_t size, const char *a, const char *b)
{
    size_t la = strlen(a);
    bool slash = la > 0 && a[la - 1] == '/';
    return str_format(out, size, "%s%s%s", a, slash ? "" : "/", b);
}

bool paths_is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

bool paths_find_data_dir(char *out, size_t size, const char *exe_dir)
{
    static const char *const candidates[] = {"../share/quizdeck", "..", "../..", "."};
    for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
        char dir[PATHS_MAX];
        char questions[PATHS_MAX];
        if (!paths_join(dir, sizeof dir, exe_dir, candidates[i]) ||
            !paths_join(questions, sizeof questions, dir, "questions")) {
            continue;
        }
        if (paths_is_dir(questions)) {
            char *real = realpath(dir, NULL);
            bool ok = real && str_copy(out, size, real);
            free(real);
            if (ok) {
                return true;
            }
        }
    }
    return false;
}

void paths_display(char *out, size_t size, const char *path, const char *cwd)
{
    size_t n = cwd ? strlen(cwd) : 0;
    if (n > 1 && strncmp(path, cwd, n) == 0 && path[n] == '/') {
        str_copy(out, size, path + n + 1);
        return;
    }
    str_copy(out, size, path);
}
