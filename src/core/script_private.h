/* script_private.h - the parser state and the helpers shared by the script*.c files. Private:
 * nothing outside src/core/script*.c may include it; the public API is script.h. */
#ifndef QUIZDECK_SCRIPT_PRIVATE_H
#define QUIZDECK_SCRIPT_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "script.h"

/* The state of one script_parse call. */
typedef struct Parser {
    const char *path;
    DiagList *diags;
    Script *script;
    int cap;                        /* commands allocated */
    int line;                       /* the line being parsed */
    size_t errors;                  /* errors reported by this parse */
    bool too_many;                  /* the command limit was reported */
    char text[SCRIPT_LINE_MAX + 1]; /* scratch for unquoted text */
} Parser;

/* Adds a `path:line: error:` for the line being parsed and counts it. */
void script_fail(Parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The key modifiers, in the order script_format_command writes them (script_input.c). */
typedef struct ScriptModifier {
    const char *name;
    unsigned bit;
} ScriptModifier;
enum { SCRIPT_MODIFIER_COUNT = 4 };
extern const ScriptModifier script_modifiers[SCRIPT_MODIFIER_COUNT];

/* Text helpers, in script_args.c. */

bool script_is_blank(char c); /* a space or a tab */
char *script_skip_blanks(char *s);

/* True when `a_len` bytes of `a` equal `b`, ignoring ASCII case. */
bool script_equal_nocase(const char *a, size_t a_len, const char *b);

/* The name in `names` closest to `word` when it is close enough to be a likely typo, or NULL. */
const char *script_closest(const char *word, const char *const *names, size_t count);

/* "; did you mean 'NAME'?" in `buf` when there is a hint, else "". */
const char *script_did_you_mean(const char *hint, char *buf, size_t size);

/* A short, printable excerpt of user text for messages (in `buf`), cut on a UTF-8 boundary. */
const char *script_excerpt(const char *s, char *buf, size_t size);

/* Whole number of at most 18 digits, no sign. */
bool script_parse_digits(const char *s, size_t len, int64_t *out);

/* The blank-separated words of a line; script_split_words splits `s` in place. */
enum { WORDS_MAX = 8 };
typedef struct Words {
    char *w[WORDS_MAX];
    int n;
    bool more; /* there were more than WORDS_MAX words */
} Words;
void script_split_words(char *s, Words *out);

/* Argument helpers, in script_args.c; each reports through script_fail. */

/* A copy of `len` bytes of `s` owned by the script, or NULL after reporting. */
const char *script_keep(Parser *p, const char *s, size_t len);

/* Text that is either verbatim (`s` as it is) or quoted. Returns the kept copy or NULL. */
const char *script_take_text(Parser *p, const char *what, const char *s);

/* False after reporting when `w` has more than `used` words. */
bool script_no_more_words(Parser *p, const char *what, const Words *w, int used);

/* A whole number in min..max; `unit` (may be "") names it in the range error. */
bool script_parse_index(Parser *p, const char *what, const char *word, int64_t min, int64_t max,
                        const char *unit, int64_t *out);

/* A target from `n` words: "X Y" fractions or "NAME [ARG]". */
bool script_parse_target(Parser *p, const char *what, char **w, int n, ScriptTarget *t);

/* The commands, in script_input.c and script_control.c.
 * Each gets the rest of its line after the command word (blanks at the end removed, writable),
 * fills `cmd` and returns true, or reports and returns false. */

bool script_cmd_key(Parser *p, char *rest, ScriptCommand *cmd);
bool script_cmd_type(Parser *p, char *rest, ScriptCommand *cmd);
bool script_cmd_click(Parser *p, char *rest, ScriptCommand *cmd);
bool script_cmd_drag(Parser *p, char *rest, ScriptCommand *cmd);
bool script_cmd_pad(Parser *p, char *rest, ScriptCommand *cmd);
bool script_cmd_wait(Parser *p, char *rest, ScriptCommand *cmd);
bool script_cmd_advance(Parser *p, char *rest, ScriptCommand *cmd);
bool script_cmd_clock(Parser *p, char *rest, ScriptCommand *cmd);
bool script_cmd_resize(Parser *p, char *rest, ScriptCommand *cmd);
bool script_cmd_screenshot(Parser *p, char *rest, ScriptCommand *cmd);
bool script_cmd_expect(Parser *p, char *rest, ScriptCommand *cmd);
bool script_cmd_quit(Parser *p, char *rest, ScriptCommand *cmd);

#endif
