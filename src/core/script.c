/* script.c - the parser of test scripts (docs/scripting.md), the comparison of `expect` lines
 * and the UTC time helpers of the virtual clock. Never prints, never reads a clock. */
#include "script.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "number.h"
#include "utf8.h"

/* ---- names ------------------------------------------------------------------------------- */

static const char *const OP_NAMES[SCRIPT_OP_COUNT] = {
    "key",    "type",       "click",  "drag",    "wait",      "advance days", "clock",
    "resize", "screenshot", "expect", "pad add", "pad press", "pad remove",   "quit",
};

static const char *const COMPARE_NAMES[SCRIPT_COMPARE_COUNT] = {
    "=", "!=", "<", "<=", ">", ">=", "~"};

static const struct {
    const char *name;
    unsigned bit;
} MODIFIERS[] = {
    {"Ctrl", SCRIPT_MOD_CTRL},
    {"Shift", SCRIPT_MOD_SHIFT},
    {"Alt", SCRIPT_MOD_ALT},
    {"Gui", SCRIPT_MOD_GUI},
};
enum { MODIFIER_COUNT = sizeof MODIFIERS / sizeof MODIFIERS[0] };

/* Other names of the modifiers, for "did you mean" only. */
static const char *const MODIFIER_ALIASES[][2] = {
    {"Control", "Ctrl"}, {"Option", "Alt"}, {"Cmd", "Gui"},  {"Command", "Gui"},
    {"Super", "Gui"},    {"Win", "Gui"},    {"Meta", "Gui"}, {"Windows", "Gui"},
};

/* SDL_GameControllerGetStringForButton spellings of the buttons every controller has. */
static const char *const PAD_BUTTONS[] = {
    "a",
    "b",
    "x",
    "y",
    "back",
    "guide",
    "start",
    "leftstick",
    "rightstick",
    "leftshoulder",
    "rightshoulder",
    "dpup",
    "dpdown",
    "dpleft",
    "dpright",
};
enum { PAD_BUTTON_COUNT = sizeof PAD_BUTTONS / sizeof PAD_BUTTONS[0] };

const char *script_op_name(ScriptOp op)
{
    return (unsigned)op < SCRIPT_OP_COUNT ? OP_NAMES[op] : "?";
}

const char *script_compare_name(ScriptCompare c)
{
    return (unsigned)c < SCRIPT_COMPARE_COUNT ? COMPARE_NAMES[c] : "?";
}

/* ---- text helpers ------------------------------------------------------------------------ */

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static char *skip_blanks(char *s)
{
    while (is_blank(*s)) {
        s++;
    }
    return s;
}

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static bool equal_nocase(const char *a, size_t a_len, const char *b)
{
    size_t i = 0;
    for (; i < a_len && b[i]; i++) {
        if (lower(a[i]) != lower(b[i])) {
            return false;
        }
    }
    return i == a_len && b[i] == '\0';
}

/* Edit distance ignoring ASCII case, where swapping two neighbours ("kye") counts as one edit
 * (optimal string alignment); long words count as far apart. */
static size_t distance(const char *a, const char *b)
{
    enum { LONGEST = 32 };
    size_t la = strlen(a);
    size_t lb = strlen(b);
    if (la > LONGEST || lb > LONGEST) {
        return LONGEST;
    }
    size_t d[LONGEST + 1][LONGEST + 1];
    for (size_t i = 0; i <= la; i++) {
        for (size_t j = 0; j <= lb; j++) {
            if (i == 0 || j == 0) {
                d[i][j] = i + j;
                continue;
            }
            size_t best = d[i - 1][j - 1] + (lower(a[i - 1]) != lower(b[j - 1]));
            if (d[i - 1][j] + 1 < best) {
                best = d[i - 1][j] + 1;
            }
            if (d[i][j - 1] + 1 < best) {
                best = d[i][j - 1] + 1;
            }
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
                lower(a[i - 2]) == lower(b[j - 1]) && d[i - 2][j - 2] + 1 < best) {
                best = d[i - 2][j - 2] + 1;
            }
            d[i][j] = best;
        }
    }
    return d[la][lb];
}

/* The name in `names` closest to `word` when it is close enough to be a likely typo, or NULL. */
static const char *closest(const char *word, const char *const *names, size_t count)
{
    size_t len = strlen(word);
    size_t limit = len >= 5 ? 2 : len >= 2 ? 1 : 0; /* no guess from one letter */
    const char *best = NULL;
    size_t best_d = limit + 1;
    for (size_t i = 0; i < count; i++) {
        size_t d = distance(word, names[i]);
        if (d < best_d) {
            best = names[i];
            best_d = d;
        }
    }
    return best;
}

/* "; did you mean 'NAME'?" when there is a hint, else "". */
static const char *did_you_mean(const char *hint, char *buf, size_t size)
{
    if (!hint) {
        return "";
    }
    str_format(buf, size, "; did you mean '%s'?", hint);
    return buf;
}

/* A short, printable excerpt of user text for messages, cut on a UTF-8 boundary. */
static const char *excerpt(const char *s, char *buf, size_t size)
{
    enum { SHOWN = 40 };
    size_t len = strlen(s);
    if (len <= SHOWN || size < SHOWN + 4) {
        str_copy(buf, size, s);
        return buf;
    }
    size_t cut = SHOWN;
    while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80) {
        cut--;
    }
    memcpy(buf, s, cut);
    str_copy(buf + cut, size - cut, "...");
    return buf;
}

/* Whole number of at most 18 digits, no sign. */
static bool parse_digits(const char *s, size_t len, int64_t *out)
{
    if (len == 0 || len > 18) {
        return false;
    }
    int64_t v = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

/* Splits `s` in place into blank-separated words. */
enum { WORDS_MAX = 8 };
typedef struct Words {
    char *w[WORDS_MAX];
    int n;
    bool more; /* there were more than WORDS_MAX words */
} Words;

static void split_words(char *s, Words *out)
{
    out->n = 0;
    out->more = false;
    for (;;) {
        s = skip_blanks(s);
        if (*s == '\0') {
            return;
        }
        if (out->n == WORDS_MAX) {
            out->more = true;
            return;
        }
        out->w[out->n++] = s;
        while (*s && !is_blank(*s)) {
            s++;
        }
        if (*s) {
            *s++ = '\0';
        }
    }
}

/* ---- time -------------------------------------------------------------------------------- */

enum { MS_PER_DAY = 86400000 };

/* Days since 1970-01-01 of a proleptic Gregorian date. Counts in 400-year eras that start on
 * March 1st, so that the leap day is the last day of an era's year. */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t year_of_era = y - era * 400;                                   /* 0..399 */
    int64_t day_of_year = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1; /* from March 1st */
    int64_t day_of_era =
        year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year; /* 0..146096 */
    return era * 146097 + day_of_era - 719468; /* 719468: 0000-03-01 to 1970-01-01 */
}

/* The inverse of days_from_civil. */
static void civil_from_days(int64_t days, int64_t *y, int *m, int *d)
{
    days += 719468;
    int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    int64_t day_of_era = days - era * 146097;
    int64_t year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    int64_t month_index = (5 * day_of_year + 2) / 153; /* 0 = March */
    *d = (int)(day_of_year - (153 * month_index + 2) / 5 + 1);
    *m = (int)(month_index < 10 ? month_index + 3 : month_index - 9);
    *y = year_of_era + era * 400 + (*m <= 2);
}

static int days_in_month(int64_t y, int m)
{
    static const int DAYS[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : DAYS[m - 1];
}

bool script_format_time(int64_t epoch_ms, char *out, size_t size)
{
    if (size > 0) {
        out[0] = '\0';
    }
    int64_t days = epoch_ms / MS_PER_DAY;
    int64_t rest = epoch_ms % MS_PER_DAY;
    if (rest < 0) {
        rest += MS_PER_DAY;
        days--;
    }
    int64_t y;
    int m;
    int d;
    civil_from_days(days, &y, &m, &d);
    if (y < 0 || y > 9999) {
        return false;
    }
    int ms = (int)(rest % 1000);
    int sec = (int)(rest / 1000);
    char fraction[8] = "";
    if (ms != 0) {
        str_format(fraction, sizeof fraction, ".%03d", ms);
    }
    bool ok = str_format(out, size, "%04d-%02d-%02dT%02d:%02d:%02d%sZ", (int)y, m, d, sec / 3600,
                         sec / 60 % 60, sec % 60, fraction);
    if (!ok && size > 0) {
        out[0] = '\0';
    }
    return ok;
}

/* Exactly `n` digits at `s`. */
static bool fixed_digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

bool script_parse_time(const char *text, int64_t *epoch_ms)
{
    /* YYYY-MM-DDTHH:MM:SS */
    int y, mo, d, h, mi, s;
    if (strlen(text) < 20 || !fixed_digits(text, 4, &y) || text[4] != '-' ||
        !fixed_digits(text + 5, 2, &mo) || text[7] != '-' || !fixed_digits(text + 8, 2, &d) ||
        text[10] != 'T' || !fixed_digits(text + 11, 2, &h) || text[13] != ':' ||
        !fixed_digits(text + 14, 2, &mi) || text[16] != ':' || !fixed_digits(text + 17, 2, &s)) {
        return false;
    }
    const char *p = text + 19;
    int ms = 0;
    if (*p == '.') {
        int digits = 0;
        for (p++; *p >= '0' && *p <= '9'; p++) {
            if (++digits > 3) {
                return false;
            }
            ms = ms * 10 + (*p - '0');
        }
        if (digits == 0) {
            return false;
        }
        for (; digits < 3; digits++) {
            ms *= 10;
        }
    }
    if (p[0] != 'Z' || p[1] != '\0') {
        return false;
    }
    if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) || h > 23 || mi > 59 || s > 59) {
        return false;
    }
    int64_t days = days_from_civil(y, mo, d);
    *epoch_ms = days * MS_PER_DAY + ((int64_t)h * 3600 + mi * 60 + s) * 1000 + ms;
    return true;
}

/* ---- comparison -------------------------------------------------------------------------- */

bool script_compare(ScriptCompare c, const char *actual, const char *expected)
{
    if (!actual || !expected) {
        return false;
    }
    if (c == SCRIPT_CONTAINS) {
        return strstr(actual, expected) != NULL;
    }
    double a;
    double b;
    int order;
    if (number_parse_strict(actual, &a) && number_parse_strict(expected, &b)) {
        order = (a > b) - (a < b);
    } else {
        int r = strcmp(actual, expected); /* compares bytes as unsigned char */
        order = (r > 0) - (r < 0);
    }
    switch (c) {
    case SCRIPT_EQ:
        return order == 0;
    case SCRIPT_NE:
        return order != 0;
    case SCRIPT_LT:
        return order < 0;
    case SCRIPT_LE:
        return order <= 0;
    case SCRIPT_GT:
        return order > 0;
    case SCRIPT_GE:
        return order >= 0;
    default:
        return false;
    }
}

/* ---- the parser -------------------------------------------------------------------------- */

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

static void fail(Parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void fail(Parser *p, const char *fmt, ...)
{
    char message[DIAG_MESSAGE_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    diag_add(p->diags, DIAG_ERROR, p->path, p->line, "%s", message);
    p->errors++;
}

/* A copy of `len` bytes of `s` owned by the script, or NULL after reporting. */
static const char *keep(Parser *p, const char *s, size_t len)
{
    char *copy = arena_strndup(&p->script->arena, s, len);
    if (!copy) {
        fail(p, "out of memory");
    }
    return copy;
}

/* Reads a quoted string at `s` (s[0] == '"') into p->text, with \" \\ \n \t escapes; only
 * blanks may follow the closing quote. Returns the unquoted length, or -1 after reporting. */
static long unquote(Parser *p, const char *what, const char *s)
{
    size_t n = 0;
    const char *q = s + 1;
    for (;; q++) {
        if (*q == '\0') {
            fail(p, "%s: unterminated quote (no closing '\"')", what);
            return -1;
        }
        if (*q == '"') {
            break;
        }
        char c = *q;
        if (c == '\\') {
            q++;
            switch (*q) {
            case '"':
            case '\\':
                c = *q;
                break;
            case 'n':
                c = '\n';
                break;
            case 't':
                c = '\t';
                break;
            case '\0':
                fail(p, "%s: unterminated quote (the line ends in '\\')", what);
                return -1;
            default:
                fail(p, "%s: unknown escape '\\%c' (use \\\" \\\\ \\n or \\t)", what, *q);
                return -1;
            }
        }
        p->text[n++] = c;
    }
    q = skip_blanks((char *)q + 1);
    if (*q != '\0') {
        char buf[64];
        fail(p, "%s: unexpected '%s' after the closing quote", what, excerpt(q, buf, sizeof buf));
        return -1;
    }
    p->text[n] = '\0';
    return (long)n;
}

/* Text that is either verbatim (`s` as it is) or quoted. Returns the kept copy or NULL. */
static const char *take_text(Parser *p, const char *what, const char *s)
{
    if (*s == '"') {
        long n = unquote(p, what, s);
        return n < 0 ? NULL : keep(p, p->text, (size_t)n);
    }
    return keep(p, s, strlen(s));
}

static bool no_more_words(Parser *p, const char *what, const Words *w, int used)
{
    if (w->n > used || w->more) {
        char buf[64];
        fail(p, "%s: unexpected '%s' at the end", what, excerpt(w->w[used], buf, sizeof buf));
        return false;
    }
    return true;
}

static bool parse_index(Parser *p, const char *what, const char *word, int64_t min, int64_t max,
                        const char *unit, int64_t *out)
{
    char buf[64];
    if (!parse_digits(word, strlen(word), out)) {
        fail(p, "%s: '%s' is not a whole number", what, excerpt(word, buf, sizeof buf));
        return false;
    }
    if (*out < min || *out > max) {
        fail(p, "%s: %s%s%lld is out of range (%lld..%lld)", what, unit, *unit ? " " : "",
             (long long)*out, (long long)min, (long long)max);
        return false;
    }
    return true;
}

/* ---- commands ---------------------------------------------------------------------------- */
/* Each gets the rest of its line after the command word (blanks at the end removed, writable),
 * fills `cmd` and returns true, or reports and returns false. */

static bool cmd_key(Parser *p, char *rest, ScriptCommand *cmd)
{
    char *s = skip_blanks(rest);
    char buf[64];
    if (*s == '\0') {
        fail(p, "key: missing key name (e.g. 'key Return' or 'key Ctrl+R')");
        return false;
    }
    /* "MOD+" prefixes: a '+' after at least one byte, with no blank before it */
    for (;;) {
        char *plus = strchr(s + 1, '+');
        if (!plus || memchr(s, ' ', (size_t)(plus - s)) || memchr(s, '\t', (size_t)(plus - s))) {
            break;
        }
        size_t len = (size_t)(plus - s);
        unsigned bit = 0;
        for (int i = 0; i < MODIFIER_COUNT; i++) {
            if (equal_nocase(s, len, MODIFIERS[i].name)) {
                bit = MODIFIERS[i].bit;
            }
        }
        if (bit == 0) {
            *plus = '\0';
            const char *names[MODIFIER_COUNT];
            for (int i = 0; i < MODIFIER_COUNT; i++) {
                names[i] = MODIFIERS[i].name;
            }
            const char *guess = closest(s, names, MODIFIER_COUNT);
            for (size_t i = 0; !guess && i < sizeof MODIFIER_ALIASES / sizeof *MODIFIER_ALIASES;
                 i++) {
                if (equal_nocase(s, len, MODIFIER_ALIASES[i][0])) {
                    guess = MODIFIER_ALIASES[i][1];
                }
            }
            char hint[64];
            fail(p, "key: '%s' is not a modifier (Ctrl, Shift, Alt or Gui)%s",
                 excerpt(s, buf, sizeof buf), did_you_mean(guess, hint, sizeof hint));
            return false;
        }
        if (cmd->mods & bit) {
            fail(p, "key: modifier '%.*s' given twice", (int)len, s);
            return false;
        }
        cmd->mods |= bit;
        const char *modifier = s;
        s = skip_blanks(plus + 1);
        if (*s == '\0') {
            fail(p, "key: missing key after '%.*s+'", (int)len, modifier);
            return false;
        }
    }
    /* "Ctrl R" is no key name: a modifier must be joined with '+' */
    size_t first = strcspn(s, " \t");
    if (s[first] != '\0') {
        for (int i = 0; i < MODIFIER_COUNT; i++) {
            if (equal_nocase(s, first, MODIFIERS[i].name)) {
                fail(p, "key: join a modifier to its key with '+', as in '%s+R'",
                     MODIFIERS[i].name);
                return false;
            }
        }
    }
    cmd->key = keep(p, s, strlen(s));
    return cmd->key != NULL;
}

static bool cmd_type(Parser *p, char *rest, ScriptCommand *cmd)
{
    /* the text starts after exactly one blank, so that inner spacing is kept verbatim */
    if (rest[0] == '\0' || rest[1] == '\0') {
        fail(p, "type: missing text (e.g. 'type Moscow' or 'type \"  two  spaces\"')");
        return false;
    }
    cmd->text = take_text(p, "type", rest + 1);
    if (cmd->text && cmd->text[0] == '\0') {
        fail(p, "type: empty text");
        return false;
    }
    return cmd->text != NULL;
}

static bool looks_like_number(const char *w)
{
    return (*w >= '0' && *w <= '9') || *w == '.' || *w == '-' || *w == '+';
}

static bool parse_fraction(Parser *p, const char *what, const char *word, double *out)
{
    char buf[64];
    if (!number_parse_strict(word, out)) {
        fail(p, "%s: '%s' is not a number; a point is two fractions of the window, as in 0.5 0.8",
             what, excerpt(word, buf, sizeof buf));
        return false;
    }
    if (*out < 0.0 || *out > 1.0) {
        fail(p, "%s: %s is not a fraction of the window (0..1); scripts never use pixels", what,
             excerpt(word, buf, sizeof buf));
        return false;
    }
    return true;
}

/* A target from `n` words: "X Y" fractions or "NAME [ARG]". */
static bool parse_target(Parser *p, const char *what, char **w, int n, ScriptTarget *t)
{
    char buf[64];
    if (n == 0) {
        fail(p, "%s: missing target (e.g. 'choice 2', 'button next' or '0.5 0.8')", what);
        return false;
    }
    if (looks_like_number(w[0])) {
        if (n != 2) {
            fail(p, "%s: a point needs two fractions, x then y (e.g. 0.5 0.8)", what);
            return false;
        }
        t->is_point = true;
        return parse_fraction(p, what, w[0], &t->x) && parse_fraction(p, what, w[1], &t->y);
    }
    bool ok = w[0][0] >= 'a' && w[0][0] <= 'z';
    for (const char *c = w[0]; ok && *c; c++) {
        ok = (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-';
    }
    if (!ok) {
        fail(p, "%s: '%s' is not a target name (lower-case letters, digits and '-')", what,
             excerpt(w[0], buf, sizeof buf));
        return false;
    }
    if (n > 2) {
        fail(p, "%s: unexpected '%s': a target is a name and at most one argument", what,
             excerpt(w[2], buf, sizeof buf));
        return false;
    }
    t->name = keep(p, w[0], strlen(w[0]));
    t->arg = n == 2 ? keep(p, w[1], strlen(w[1])) : NULL;
    return t->name && (n < 2 || t->arg);
}

static bool cmd_click(Parser *p, char *rest, ScriptCommand *cmd)
{
    Words w;
    split_words(rest, &w);
    if (w.more) {
        fail(p, "click: too many words");
        return false;
    }
    return parse_target(p, "click", w.w, w.n, &cmd->target);
}

static bool cmd_drag(Parser *p, char *rest, ScriptCommand *cmd)
{
    Words w;
    split_words(rest, &w);
    int to = -1;
    for (int i = 0; i < w.n && to < 0; i++) {
        if (strcmp(w.w[i], "to") == 0) {
            to = i;
        }
    }
    if (w.more) {
        fail(p, "drag: too many words");
        return false;
    }
    if (to < 0) {
        fail(p, "drag: missing 'to' (e.g. 'drag item 1 to item 3')");
        return false;
    }
    return parse_target(p, "drag", w.w, to, &cmd->target) &&
           parse_target(p, "drag", w.w + to + 1, w.n - to - 1, &cmd->to);
}

static bool cmd_wait(Parser *p, char *rest, ScriptCommand *cmd)
{
    Words w;
    split_words(rest, &w);
    if (w.n == 0) {
        fail(p, "wait: missing duration (e.g. 'wait 1500' or 'wait 20s')");
        return false;
    }
    const char *word = w.w[0];
    size_t digits = strspn(word, "0123456789");
    const char *unit = word + digits;
    int64_t scale = strcmp(unit, "s") == 0 ? 1000 : 1;
    char buf[64];
    if ((*unit && strcmp(unit, "s") != 0 && strcmp(unit, "ms") != 0) ||
        !parse_digits(word, digits, &cmd->number)) {
        fail(p,
             "wait: '%s' is not a duration; write milliseconds ('wait 1500') or seconds "
             "('wait 20s')",
             excerpt(word, buf, sizeof buf));
        return false;
    }
    if (cmd->number > SCRIPT_WAIT_MAX_MS / scale) {
        fail(p, "wait: %s is out of range (at most %d ms, one day; use 'advance days' for more)",
             excerpt(word, buf, sizeof buf), SCRIPT_WAIT_MAX_MS);
        return false;
    }
    cmd->number *= scale;
    return no_more_words(p, "wait", &w, 1);
}

static bool cmd_advance(Parser *p, char *rest, ScriptCommand *cmd)
{
    Words w;
    split_words(rest, &w);
    if (w.n == 0 || (strcmp(w.w[0], "days") != 0 && strcmp(w.w[0], "day") != 0)) {
        fail(p, "advance: expected 'advance days N' (e.g. 'advance days 3')");
        return false;
    }
    if (w.n < 2) {
        fail(p, "advance days: missing number of days");
        return false;
    }
    return parse_index(p, "advance days", w.w[1], 0, SCRIPT_ADVANCE_DAYS_MAX, "", &cmd->number) &&
           no_more_words(p, "advance days", &w, 2);
}

/* Starts like YYYY-MM-DDTHH:MM:SS, whatever the numbers are. */
static bool time_shaped(const char *s)
{
    static const char SHAPE[] = "dddd-dd-ddTdd:dd:dd";
    for (size_t i = 0; i < sizeof SHAPE - 1; i++) {
        bool digit = s[i] >= '0' && s[i] <= '9';
        if (SHAPE[i] == 'd' ? !digit : s[i] != SHAPE[i]) {
            return false;
        }
    }
    return true;
}

static bool cmd_clock(Parser *p, char *rest, ScriptCommand *cmd)
{
    Words w;
    split_words(rest, &w);
    char buf[64];
    if (w.n == 0) {
        fail(p, "clock: missing time (e.g. 'clock 2026-11-29T10:15:00Z')");
        return false;
    }
    if (!script_parse_time(w.w[0], &cmd->number)) {
        char with_z[32];
        bool shaped = time_shaped(w.w[0]);
        if (shaped && strlen(w.w[0]) == 19 && str_format(with_z, sizeof with_z, "%sZ", w.w[0]) &&
            script_parse_time(with_z, &cmd->number)) {
            fail(p, "clock: write %s: the clock is UTC and needs the final Z", with_z);
        } else if (shaped && (w.w[0][19] == '+' || w.w[0][19] == '-')) {
            fail(p, "clock: the clock is UTC: write the time ending in Z, without an offset");
        } else if (shaped) {
            fail(p, "clock: %s is not a real date and time", excerpt(w.w[0], buf, sizeof buf));
        } else {
            fail(p, "clock: '%s' is not a UTC time like 2026-11-29T10:15:00Z",
                 excerpt(w.w[0], buf, sizeof buf));
        }
        return false;
    }
    if (cmd->number < 0) {
        fail(p, "clock: %s is before 1970-01-01T00:00:00Z", w.w[0]);
        return false;
    }
    return no_more_words(p, "clock", &w, 1);
}

static bool cmd_resize(Parser *p, char *rest, ScriptCommand *cmd)
{
    Words w;
    split_words(rest, &w);
    char *x = w.n == 1 ? strchr(w.w[0], 'x') : NULL;
    char *size[2];
    if (x) {
        *x = '\0';
        size[0] = w.w[0];
        size[1] = x + 1;
    } else if (w.n >= 2) {
        size[0] = w.w[0];
        size[1] = w.w[1];
    } else {
        fail(p, w.n ? "resize: missing height (e.g. 'resize 1024 768' or 'resize 1024x768')"
                    : "resize: missing size (e.g. 'resize 1024 768' or 'resize 1024x768')");
        return false;
    }
    int64_t width;
    int64_t height;
    if (!parse_index(p, "resize", size[0], 1, SCRIPT_WINDOW_MAX, "width", &width) ||
        !parse_index(p, "resize", size[1], 1, SCRIPT_WINDOW_MAX, "height", &height)) {
        return false;
    }
    cmd->width = (int)width;
    cmd->height = (int)height;
    return no_more_words(p, "resize", &w, x ? 1 : 2);
}

static bool cmd_screenshot(Parser *p, char *rest, ScriptCommand *cmd)
{
    const char *s = skip_blanks(rest);
    if (*s == '\0') {
        fail(p, "screenshot: missing path (e.g. 'screenshot build/shots/quiz.png')");
        return false;
    }
    cmd->text = take_text(p, "screenshot", s);
    if (!cmd->text) {
        return false;
    }
    size_t len = strlen(cmd->text);
    for (size_t i = 0; i < len; i++) {
        if ((unsigned char)cmd->text[i] < 0x20) {
            fail(p, "screenshot: the path contains a control character");
            return false;
        }
    }
    if (len < 5 || !equal_nocase(cmd->text + len - 4, 4, ".png")) {
        char buf[64];
        fail(p, "screenshot: '%s' does not end in .png (screenshots are PNG files)",
             excerpt(cmd->text, buf, sizeof buf));
        return false;
    }
    return true;
}

static bool cmd_expect(Parser *p, char *rest, ScriptCommand *cmd)
{
    char *s = skip_blanks(rest);
    char buf[64];
    if (*s < 'a' || *s > 'z') {
        fail(p, *s ? "expect: a field name starts with a lower-case letter"
                   : "expect: missing field (e.g. 'expect score >= 100')");
        return false;
    }
    size_t field_len = strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_.");
    char *op = skip_blanks(s + field_len);
    if (*op == '\0') {
        fail(p, "expect: missing operator after the field (= != < <= > >= ~)");
        return false;
    }
    if (!strchr("=!<>~", *op)) {
        fail(p, "expect: '%s' is not an operator (= != < <= > >= ~)", excerpt(op, buf, sizeof buf));
        return false;
    }
    cmd->field = keep(p, s, field_len);
    size_t op_len = (op[1] == '=' && strchr("!<>", op[0])) ? 2 : 1;
    if (op[0] == '=' && op[1] == '=') {
        fail(p, "expect: write '=' rather than '=='");
        return false;
    }
    if (op[0] == '!' && op_len == 1) {
        fail(p, "expect: '!' is not an operator; did you mean '!='?");
        return false;
    }
    for (int c = 0; c < SCRIPT_COMPARE_COUNT; c++) {
        if (strlen(COMPARE_NAMES[c]) == op_len && memcmp(COMPARE_NAMES[c], op, op_len) == 0) {
            cmd->cmp = (ScriptCompare)c;
        }
    }
    char *value = skip_blanks(op + op_len);
    if (*value == '\0') {
        fail(p, "expect: missing value after '%s' (write \"\" for an empty text)",
             COMPARE_NAMES[cmd->cmp]);
        return false;
    }
    cmd->value = take_text(p, "expect", value);
    return cmd->field && cmd->value;
}

static bool cmd_pad(Parser *p, char *rest, ScriptCommand *cmd)
{
    static const char *const SUBS[] = {"add", "press", "remove"};
    Words w;
    split_words(rest, &w);
    char buf[64];
    if (w.n == 0) {
        fail(p, "pad: expected 'pad add', 'pad press N BUTTON' or 'pad remove N'");
        return false;
    }
    if (strcmp(w.w[0], "add") == 0) {
        cmd->op = SCRIPT_PAD_ADD;
        cmd->number = 0;
        return (w.n < 2 ||
                parse_index(p, "pad add", w.w[1], 1, SCRIPT_PAD_MAX, "pad", &cmd->number)) &&
               no_more_words(p, "pad add", &w, w.n < 2 ? 1 : 2);
    }
    if (strcmp(w.w[0], "remove") == 0) {
        cmd->op = SCRIPT_PAD_REMOVE;
        if (w.n < 2) {
            fail(p, "pad remove: missing pad number (e.g. 'pad remove 1')");
            return false;
        }
        return parse_index(p, "pad remove", w.w[1], 1, SCRIPT_PAD_MAX, "pad", &cmd->number) &&
               no_more_words(p, "pad remove", &w, 2);
    }
    if (strcmp(w.w[0], "press") == 0) {
        cmd->op = SCRIPT_PAD_PRESS;
        if (w.n < 3) {
            fail(p, "pad press: expected a pad number and a button (e.g. 'pad press 1 a')");
            return false;
        }
        if (!parse_index(p, "pad press", w.w[1], 1, SCRIPT_PAD_MAX, "pad", &cmd->number)) {
            return false;
        }
        for (int i = 0; i < PAD_BUTTON_COUNT; i++) {
            if (equal_nocase(w.w[2], strlen(w.w[2]), PAD_BUTTONS[i])) {
                cmd->text = PAD_BUTTONS[i]; /* static: outlives the script */
            }
        }
        if (!cmd->text) {
            const char *hint = closest(w.w[2], PAD_BUTTONS, PAD_BUTTON_COUNT);
            char hint_text[64];
            fail(p, "pad press: '%s' is not a controller button%s",
                 excerpt(w.w[2], buf, sizeof buf),
                 hint ? did_you_mean(hint, hint_text, sizeof hint_text)
                      : " (a b x y back guide start leftstick rightstick leftshoulder "
                        "rightshoulder dpup dpdown dpleft dpright)");
            return false;
        }
        return no_more_words(p, "pad press", &w, 3);
    }
    char hint[64];
    fail(p, "pad: unknown '%s' (add, press or remove)%s", excerpt(w.w[0], buf, sizeof buf),
         did_you_mean(closest(w.w[0], SUBS, 3), hint, sizeof hint));
    return false;
}

static bool cmd_quit(Parser *p, char *rest, ScriptCommand *cmd)
{
    Words w;
    split_words(rest, &w);
    return no_more_words(p, "quit", &w, 0);
}

typedef bool (*CommandFn)(Parser *p, char *rest, ScriptCommand *cmd);

static const struct {
    const char *word;
    ScriptOp op;
    CommandFn parse;
} COMMANDS[] = {
    {"key", SCRIPT_KEY, cmd_key},
    {"type", SCRIPT_TYPE, cmd_type},
    {"click", SCRIPT_CLICK, cmd_click},
    {"drag", SCRIPT_DRAG, cmd_drag},
    {"wait", SCRIPT_WAIT, cmd_wait},
    {"advance", SCRIPT_ADVANCE_DAYS, cmd_advance},
    {"clock", SCRIPT_CLOCK, cmd_clock},
    {"resize", SCRIPT_RESIZE, cmd_resize},
    {"screenshot", SCRIPT_SCREENSHOT, cmd_screenshot},
    {"expect", SCRIPT_EXPECT, cmd_expect},
    {"pad", SCRIPT_PAD_ADD, cmd_pad},
    {"quit", SCRIPT_QUIT, cmd_quit},
};
enum { COMMAND_COUNT = sizeof COMMANDS / sizeof COMMANDS[0] };

/* Words people reach for from other tools, and the command they mean. */
static const char *const ALIASES[][2] = {
    {"press", "key"},    {"keypress", "key"},    {"text", "type"},          {"write", "type"},
    {"tap", "click"},    {"sleep", "wait"},      {"delay", "wait"},         {"time", "clock"},
    {"size", "resize"},  {"shot", "screenshot"}, {"capture", "screenshot"}, {"assert", "expect"},
    {"check", "expect"}, {"exit", "quit"},       {"end", "quit"},
};

static void unknown_command(Parser *p, const char *word)
{
    const char *names[COMMAND_COUNT];
    for (int i = 0; i < COMMAND_COUNT; i++) {
        names[i] = COMMANDS[i].word;
    }
    const char *hint = closest(word, names, COMMAND_COUNT);
    for (size_t i = 0; !hint && i < sizeof ALIASES / sizeof ALIASES[0]; i++) {
        if (equal_nocase(word, strlen(word), ALIASES[i][0])) {
            hint = ALIASES[i][1];
        }
    }
    char buf[64];
    char hint_text[64];
    fail(p, "unknown command '%s'%s", excerpt(word, buf, sizeof buf),
         did_you_mean(hint, hint_text, sizeof hint_text));
}

static bool add_command(Parser *p, const ScriptCommand *cmd)
{
    Script *s = p->script;
    if (s->count == p->cap) {
        int cap = p->cap ? p->cap * 2 : 64;
        ScriptCommand *grown = realloc(s->commands, (size_t)cap * sizeof *grown);
        if (!grown) {
            fail(p, "out of memory");
            return false;
        }
        s->commands = grown;
        p->cap = cap;
    }
    s->commands[s->count++] = *cmd;
    return true;
}

/* Checks one raw line (no line ending) and parses the command on it. */
static void parse_line(Parser *p, const char *raw, size_t len)
{
    if (len > SCRIPT_LINE_MAX) {
        fail(p, "line is %zu bytes long; the limit is %d", len, SCRIPT_LINE_MAX);
        return;
    }
    size_t bad;
    if (!utf8_valid(raw, len, &bad)) {
        fail(p, "invalid UTF-8 at byte %zu of the line", bad + 1);
        return;
    }
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)raw[i];
        if (c == '\0') {
            fail(p, "NUL byte at byte %zu of the line", i + 1);
            return;
        }
        if ((c < 0x20 && c != '\t') || c == 0x7F) {
            fail(p,
                 "control character 0x%02X at byte %zu of the line (inside quotes, write \\t "
                 "or \\n)",
                 c, i + 1);
            return;
        }
    }
    char line[SCRIPT_LINE_MAX + 1];
    memcpy(line, raw, len);
    line[len] = '\0';
    while (len > 0 && is_blank(line[len - 1])) {
        line[--len] = '\0';
    }
    char *word = skip_blanks(line);
    if (*word == '\0' || *word == '#') {
        return;
    }
    if (p->script->count >= SCRIPT_COMMANDS_MAX) {
        if (!p->too_many) {
            fail(p, "more than %d commands; split the script", SCRIPT_COMMANDS_MAX);
            p->too_many = true;
        }
        return;
    }
    char *rest = word + strcspn(word, " \t");
    char saved = *rest;
    *rest = '\0';
    int found = -1;
    for (int i = 0; i < COMMAND_COUNT; i++) {
        if (strcmp(word, COMMANDS[i].word) == 0) {
            found = i;
        }
    }
    if (found < 0) {
        unknown_command(p, word);
        return;
    }
    *rest = saved;
    bool has_hash = strstr(rest, " #") || strstr(rest, "\t#");
    ScriptCommand cmd = {.op = COMMANDS[found].op, .line = p->line};
    if (COMMANDS[found].parse(p, rest, &cmd)) {
        add_command(p, &cmd);
    } else if (has_hash && COMMANDS[found].op != SCRIPT_TYPE) {
        diag_add(p->diags, DIAG_NOTE, p->path, p->line,
                 "'#' starts a comment only at the start of a line");
    }
}

Script *script_parse(const char *path, const char *data, size_t len, DiagList *diags)
{
    Script *s = calloc(1, sizeof *s);
    if (!s) {
        diag_add(diags, DIAG_ERROR, path, 0, "out of memory");
        return NULL;
    }
    arena_init(&s->arena);
    s->path = arena_strdup(&s->arena, path);
    Parser *p = malloc(sizeof *p); /* holds a line-sized buffer: keep it off the stack */
    if (!s->path || !p) {
        diag_add(diags, DIAG_ERROR, path, 0, "out of memory");
        free(p);
        script_destroy(s);
        return NULL;
    }
    *p = (Parser){.path = path, .diags = diags, .script = s};
    size_t pos = 0;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        pos = 3;
    }
    while (pos < len) {
        const char *start = data + pos;
        const char *nl = memchr(start, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - start) : len - pos;
        pos += n + (nl != NULL);
        if (n > 0 && start[n - 1] == '\r') {
            n--;
        }
        p->line++;
        parse_line(p, start, n);
    }
    size_t errors = p->errors;
    free(p);
    if (errors > 0) {
        script_destroy(s);
        return NULL;
    }
    if (s->count > 0) {
        ScriptCommand *fit = realloc(s->commands, (size_t)s->count * sizeof *fit);
        if (fit) {
            s->commands = fit;
        }
    }
    return s;
}

Script *script_load_file(const char *path, DiagList *diags)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        diag_add(diags, DIAG_ERROR, path, 0, "cannot open: %s", strerror(errno));
        return NULL;
    }
    StrBuf data = STRBUF_INIT;
    char chunk[65536];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0 && data.len <= SCRIPT_BYTES_MAX) {
        strbuf_append(&data, chunk, got);
    }
    bool failed = ferror(f);
    int err = errno;
    fclose(f);
    Script *s = NULL;
    if (failed) {
        diag_add(diags, DIAG_ERROR, path, 0, "cannot read: %s", strerror(err));
    } else if (data.oom) {
        diag_add(diags, DIAG_ERROR, path, 0, "out of memory");
    } else if (data.len > SCRIPT_BYTES_MAX) {
        diag_add(diags, DIAG_ERROR, path, 0, "is more than %d bytes; split the script",
                 SCRIPT_BYTES_MAX);
    } else {
        s = script_parse(path, data.data ? data.data : "", data.len, diags);
    }
    strbuf_free(&data);
    return s;
}

void script_destroy(Script *s)
{
    if (!s) {
        return;
    }
    arena_free(&s->arena);
    free(s->commands);
    free(s);
}

/* ---- formatting -------------------------------------------------------------------------- */

/* Appends text verbatim when it reads back the same, else quoted with escapes. */
static void put_text(StrBuf *out, const char *s)
{
    size_t len = strlen(s);
    bool quote = len == 0 || s[0] == '"' || is_blank(s[0]) || is_blank(s[len - 1]);
    for (size_t i = 0; i < len && !quote; i++) {
        quote = (unsigned char)s[i] < 0x20 && s[i] != '\t';
    }
    if (!quote) {
        strbuf_append(out, s, len);
        return;
    }
    strbuf_puts(out, "\"");
    for (size_t i = 0; i < len; i++) {
        const char *esc = s[i] == '"'    ? "\\\""
                          : s[i] == '\\' ? "\\\\"
                          : s[i] == '\n' ? "\\n"
                          : s[i] == '\t' ? "\\t"
                                         : NULL;
        if (esc) {
            strbuf_puts(out, esc);
        } else {
            strbuf_append(out, s + i, 1);
        }
    }
    strbuf_puts(out, "\"");
}

/* Appends a fraction 0..1 with the fewest decimals that parse back to the same double; no
 * printf %g, whose decimal point follows the locale. */
static void put_fraction(StrBuf *out, double v)
{
    char text[32];
    int64_t scale = 1;
    for (int decimals = 0; decimals <= 15; decimals++, scale *= 10) {
        int64_t units = (int64_t)(v * (double)scale + 0.5);
        int64_t whole = units / scale;
        int64_t part = units % scale;
        if (decimals == 0) {
            str_format(text, sizeof text, "%lld", (long long)whole);
        } else {
            str_format(text, sizeof text, "%lld.%0*lld", (long long)whole, decimals,
                       (long long)part);
        }
        double back;
        if (number_parse_strict(text, &back) && back == v) {
            break;
        }
    }
    strbuf_puts(out, text);
}

static void put_target(StrBuf *out, const ScriptTarget *t)
{
    if (t->is_point) {
        put_fraction(out, t->x);
        strbuf_puts(out, " ");
        put_fraction(out, t->y);
        return;
    }
    strbuf_puts(out, t->name ? t->name : "?");
    if (t->arg) {
        strbuf_printf(out, " %s", t->arg);
    }
}

void script_format_command(const ScriptCommand *cmd, StrBuf *out)
{
    strbuf_puts(out, script_op_name(cmd->op));
    char stamp[32];
    switch (cmd->op) {
    case SCRIPT_KEY:
        strbuf_puts(out, " ");
        for (int i = 0; i < MODIFIER_COUNT; i++) {
            if (cmd->mods & MODIFIERS[i].bit) {
                strbuf_printf(out, "%s+", MODIFIERS[i].name);
            }
        }
        strbuf_puts(out, cmd->key ? cmd->key : "?");
        break;
    case SCRIPT_TYPE:
    case SCRIPT_SCREENSHOT:
        strbuf_puts(out, " ");
        put_text(out, cmd->text ? cmd->text : "");
        break;
    case SCRIPT_CLICK:
        strbuf_puts(out, " ");
        put_target(out, &cmd->target);
        break;
    case SCRIPT_DRAG:
        strbuf_puts(out, " ");
        put_target(out, &cmd->target);
        strbuf_puts(out, " to ");
        put_target(out, &cmd->to);
        break;
    case SCRIPT_WAIT:
    case SCRIPT_ADVANCE_DAYS:
    case SCRIPT_PAD_REMOVE:
        strbuf_printf(out, " %lld", (long long)cmd->number);
        break;
    case SCRIPT_PAD_ADD:
        if (cmd->number > 0) {
            strbuf_printf(out, " %lld", (long long)cmd->number);
        }
        break;
    case SCRIPT_PAD_PRESS:
        strbuf_printf(out, " %lld %s", (long long)cmd->number, cmd->text ? cmd->text : "?");
        break;
    case SCRIPT_CLOCK:
        strbuf_printf(out, " %s",
                      script_format_time(cmd->number, stamp, sizeof stamp) ? stamp : "?");
        break;
    case SCRIPT_RESIZE:
        strbuf_printf(out, " %d %d", cmd->width, cmd->height);
        break;
    case SCRIPT_EXPECT:
        strbuf_printf(out, " %s %s ", cmd->field ? cmd->field : "?", script_compare_name(cmd->cmp));
        put_text(out, cmd->value ? cmd->value : "");
        break;
    default:
        break;
    }
}
