/* script.h - the test-script format of `quizdeck --script FILE` (docs/scripting.md): a parser
 * that turns a script into commands, the comparison that `expect` lines use, and the UTC time
 * helpers of the virtual clock. Pure C; never prints, never reads a clock, never runs anything. */
#ifndef QUIZDECK_SCRIPT_H
#define QUIZDECK_SCRIPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"
#include "strbuf.h"

/* Limits; each is written down in docs/scripting.md. */
enum {
    SCRIPT_LINE_MAX = 4096,          /* bytes in one line, without its line ending */
    SCRIPT_COMMANDS_MAX = 100000,    /* commands in one script */
    SCRIPT_BYTES_MAX = 16777216,     /* bytes in one script file (script_load_file) */
    SCRIPT_WAIT_MAX_MS = 86400000,   /* one wait: at most a day */
    SCRIPT_ADVANCE_DAYS_MAX = 36500, /* one advance: at most about a century */
    SCRIPT_WINDOW_MAX = 16384,       /* resize: each side 1..16384 pixels */
    SCRIPT_PAD_MAX = 8               /* controllers are numbered 1..8 */
};

/* The virtual clock's start when a script sets none: 2026-01-01T00:00:00Z in epoch ms. */
#define SCRIPT_CLOCK_START_MS INT64_C(1767225600000)

typedef enum ScriptOp {
    SCRIPT_KEY,
    SCRIPT_TYPE,
    SCRIPT_CLICK,
    SCRIPT_DRAG,
    SCRIPT_WAIT,
    SCRIPT_ADVANCE_DAYS,
    SCRIPT_CLOCK,
    SCRIPT_RESIZE,
    SCRIPT_SCREENSHOT,
    SCRIPT_EXPECT,
    SCRIPT_PAD_ADD,
    SCRIPT_PAD_PRESS,
    SCRIPT_PAD_REMOVE,
    SCRIPT_QUIT,
    SCRIPT_OP_COUNT
} ScriptOp;

/* Modifier bits of a SCRIPT_KEY command. */
enum { SCRIPT_MOD_CTRL = 1, SCRIPT_MOD_SHIFT = 2, SCRIPT_MOD_ALT = 4, SCRIPT_MOD_GUI = 8 };

typedef enum ScriptCompare {
    SCRIPT_EQ,       /* = */
    SCRIPT_NE,       /* != */
    SCRIPT_LT,       /* < */
    SCRIPT_LE,       /* <= */
    SCRIPT_GT,       /* > */
    SCRIPT_GE,       /* >= */
    SCRIPT_CONTAINS, /* ~ */
    SCRIPT_COMPARE_COUNT
} ScriptCompare;

/* Where a click or a drag lands: a point given as fractions of the window, or a named target
 * such as "choice 2" or "button next". The parser checks the spelling of a name
 * ([a-z][a-z0-9-]*) and that `arg` is one word; the runner decides whether the target exists. */
typedef struct ScriptTarget {
    bool is_point;
    double x, y;      /* when is_point: 0..1 from the left and from the top */
    const char *name; /* otherwise: the target's name */
    const char *arg;  /* and its argument, or NULL when it has none */
} ScriptTarget;

/* One command. Fields that an op does not use are zero or NULL. Strings belong to the Script. */
typedef struct ScriptCommand {
    ScriptOp op;
    int line; /* 1-based line in the script */
    unsigned mods;
    const char *key;         /* SCRIPT_KEY: SDL key name as written ("Return", "Page Down", "+") */
    const char *text;        /* SCRIPT_TYPE text, SCRIPT_SCREENSHOT path, SCRIPT_PAD_PRESS button */
    ScriptTarget target, to; /* SCRIPT_CLICK (target), SCRIPT_DRAG (target -> to) */
    int64_t number;    /* wait ms, advance days, clock epoch ms, pad index (pad add: 0 = next) */
    int width, height; /* SCRIPT_RESIZE */
    const char *field; /* SCRIPT_EXPECT: state field, e.g. "score" */
    ScriptCompare cmp;
    const char *value; /* SCRIPT_EXPECT: expected value, unquoted */
} ScriptCommand;

/* A parsed script. Owns its commands and every string they point to. */
typedef struct Script {
    const char *path; /* as given to the parser; used in runtime messages (path:line:) */
    ScriptCommand *commands;
    int count;
    Arena arena; /* owns path and every command string */
} Script;

/* Parses `len` bytes of `data` (need not be NUL-terminated); `path` names them in diagnostics.
 * Every malformed line adds one `path:line: error:` diagnostic to `diags` (owned by the caller)
 * and parsing goes on, so all errors of a file are reported. Returns a new Script, owned by the
 * caller (free with script_destroy), or NULL when there was any error. */
Script *script_parse(const char *path, const char *data, size_t len, DiagList *diags);

/* Reads and parses the file at `path`. A missing, unreadable or too large file gives one
 * diagnostic (line 0) and NULL. Otherwise as script_parse. */
Script *script_load_file(const char *path, DiagList *diags);

/* Frees a script and all its strings. Accepts NULL. */
void script_destroy(Script *s);

/* A command's keyword as written in scripts ("key", "advance days", "pad press"); "?" when
 * out of range. Static strings. */
const char *script_op_name(ScriptOp op);

/* An operator as written in scripts ("=", "!=", "<", "<=", ">", ">=", "~"); "?" when out of
 * range. Static strings. */
const char *script_compare_name(ScriptCompare c);

/* Appends the command to `out` as one script line (no newline) that parses back to the same
 * command: canonical spelling, text quoted only when it must be. For logs and failure reports. */
void script_format_command(const ScriptCommand *cmd, StrBuf *out);

/* Compares a state value with an expected one: numerically when both parse as numbers
 * (integers or decimals, number_parse_strict), else as strings (=, != exact; <, <=, >, >=
 * bytewise). `~` is true when `actual` contains `expected` as a substring, whatever they are.
 * A NULL `actual` (a field the game does not know) or `expected` makes every comparison false. */
bool script_compare(ScriptCompare c, const char *actual, const char *expected);

/* Writes epoch milliseconds as "2026-11-29T10:15:00Z" (UTC), or "2026-11-29T10:15:00.250Z"
 * when there are milliseconds, into `out` of `size` bytes. Returns false, leaving `out` empty
 * when size > 0, when the year is outside 0000..9999 or the text does not fit (21 bytes without
 * milliseconds, 25 with). */
bool script_format_time(int64_t epoch_ms, char *out, size_t size);

/* Parses "YYYY-MM-DDTHH:MM:SSZ", optionally with ".s", ".ss" or ".sss" before the Z, as UTC
 * (proleptic Gregorian, years 0000..9999, no leap seconds). Upper-case T and Z are required.
 * Returns false, leaving *epoch_ms alone, for anything else, including impossible dates. */
bool script_parse_time(const char *text, int64_t *epoch_ms);

#endif
