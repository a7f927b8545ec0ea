/* support.h - helpers shared by the unit tests: cmocka includes, loading packs from strings,
 * reading and writing files. Tests run from the repository root. */
#ifndef QUIZDECK_TEST_SUPPORT_H
#define QUIZDECK_TEST_SUPPORT_H

/* cmocka needs these before its header */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdbool.h>

#include "core/diag.h"
#include "core/pack.h"
#include "core/strbuf.h"

/* Loads a pack from a string named "test.ini". Diagnostics go to `diags` (owned by caller). */
Pack *load_string(const char *text, DiagList *diags);

/* True when some diagnostic of `level` is on `line` and contains `needle`. */
bool has_diag(const DiagList *diags, DiagLevel level, int line, const char *needle);

/* Reads a whole file into a malloc'ed NUL-terminated string; NULL on failure. */
char *read_file(const char *path, size_t *len);

/* Writes `len` bytes to `path`; true on success. */
bool write_file(const char *path, const char *data, size_t len);

/* A fresh empty folder under build/ for one test; returns a static path. */
const char *scratch_dir(const char *name);

/* Golden files: `dump` writes what a fixture gives, as text; `check` (may be NULL) returns NULL
 * when a dump is as its kind requires, or a complaint. */
typedef void (*GoldenDumpFn)(const char *fixture, StrBuf *out);
typedef const char *(*GoldenCheckFn)(const char *fixture, const char *dump);

/* Dumps every fixture `tests/fixtures/<area>/<kind>/NAME<ext>` (in name order) and compares the
 * dump with `tests/expected/<area>/<kind>-<name>.txt`; with UPDATE_GOLDEN=1 in the environment
 * it rewrites those files instead. Reports every difference and complaint, then fails the test
 * if there was any. Returns the number of fixtures. */
int golden_check_dir(const char *area, const char *kind, const char *ext, GoldenDumpFn dump,
                     GoldenCheckFn check);

/* ---- running the game (end-to-end tests) ---- */

/* The game under test: $QUIZDECK_BIN, else build/quizdeck. */
const char *game_binary(void);

/* A fresh home for one run of the game, `build/test-scratch/<name>` as an absolute path (the XDG
 * variables are ignored when relative), with data, config and runtime folders. Static buffer. */
const char *game_home(const char *name);

/* The environment of a headless run in home `dir`: offscreen video, software rendering, dummy
 * audio and the home's XDG folders. */
void game_env(char *out, size_t size, const char *dir);

/* Runs the game headless with `args` in home `dir`, collecting its output and errors in `out`.
 * Returns the exit status (128 when it did not exit). */
int game_run(const char *dir, const char *args, StrBuf *out);

/* Runs `OPTIONS --script tests/scripts/SCRIPT ARGS` and fails the test unless it exits 0 with
 * every expect line passing. */
void game_script_passes(const char *dir, const char *options, const char *script, const char *args);

/* A PNG read as 8-bit RGB; free `rgb`. Fails the test when the file cannot be read. */
typedef struct TestImage {
    int w, h;
    unsigned char *rgb;
} TestImage;
TestImage png_load(const char *path);

/* A minimal valid [pack] header for building test packs. */
#define PACK_HEADER "[pack]\nformat = 1\nid = test\ntitle = Test\n"

#endif
