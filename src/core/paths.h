/* paths.h - where quizdeck finds its data and the user's files (XDG base directories).
 * Pure C; takes the environment as arguments so that tests can pass their own. */
#ifndef QUIZDECK_PATHS_H
#define QUIZDECK_PATHS_H

#include <stdbool.h>
#include <stddef.h>

enum { PATHS_MAX = 4096 };

/* $XDG_DATA_HOME/quizdeck, or $HOME/.local/share/quizdeck when XDG_DATA_HOME is unset, empty
 * or relative (the XDG spec says to ignore relative values). `xdg` and `home` may be NULL.
 * Returns false when neither gives a usable absolute path or the result does not fit. */
bool paths_user_data(char *out, size_t size, const char *xdg, const char *home);

/* Same for $XDG_CONFIG_HOME/quizdeck, defaulting to $HOME/.config/quizdeck. */
bool paths_user_config(char *out, size_t size, const char *xdg, const char *home);

/* The folder that holds `questions/` for an executable in `exe_dir`: first
 * `exe_dir/../share/quizdeck` (an installed tree), then `exe_dir/..` (the build tree, where the
 * binary is build/quizdeck), then `exe_dir` itself. Returns false when none has `questions/`. */
bool paths_find_data_dir(char *out, size_t size, const char *exe_dir);

/* Joins `a` and `b` with one '/'. Returns false when the result does not fit. */
bool paths_join(char *out, size_t size, const char *a, const char *b);

/* True when `path` is an existing directory. */
bool paths_is_dir(const char *path);

/* Writes into `out` the form of `path` to show the user: relative to `cwd` when it lies
 * below it, else `path` unchanged. */
void paths_display(char *out, size_t size, const char *path, const char *cwd);

#endif
