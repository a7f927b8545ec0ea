/* script_control.c - the script commands that drive the run rather than the player: wait,
 * advance days, clock, resize, screenshot, expect and quit. Never prints, never reads a clock. */
#include "script.h"

#include <string.h>

#include "script_private.h"
#include "strbuf.h"

bool script_cmd_wait(Parser *p, char *rest, ScriptCommand *cmd)
{
    Words w;
    script_split_words(rest, &w);
    if (w.n == 0) {
        script_fail(p, "wait: missing duration (e.g. 'wait 1500' or 'wait 20s')");
        return false;
    }
    const char *word = w.w[0];
    size_t digits = strspn(word, "0123456789");
    const char *unit = word + digits;
    int64_t scale = strcmp(unit, "s") == 0 ? 1000 : 1;
    char buf[64];
    if ((*unit && strcmp(unit, "s") != 0 && strcmp(unit, "ms") != 0) ||
        !script_parse_digits(word, digits, &cmd->number)) {
        script_fail(p,
                    "wait: '%s' is not a duration; write milliseconds ('wait 1500') or seconds "
                    "('wait 20s')",
                    script_excerpt(word, buf, sizeof buf));
        return false;
    }
    if (cmd->number > SCRIPT_WAIT_MAX_MS / scale) {
        script_fail(
            p, "wait: %s is out of range (at most %d ms, one day; use 'advance days' for more)",
            script_excerpt(word, buf, sizeof buf), SCRIPT_WAIT_MAX_MS);
        return false;
    }
    cmd->number *= scale;
    return script_no_more_words(p, "wait", &w, 1);
}

bool script_cmd_advance(Parser *p, char *rest, ScriptCommand *cmd)
{
    Words w;
    script_split_words(rest, &w);
    if (w.n == 0 || (strcmp(w.w[0], "days") != 0 && strcmp(w.w[0], "day") != 0)) {
        script_fail(p, "advance: expected 'advance days N' (e.g. 'advance days 3')");
        return false;
    }
    if (w.n < 2) {
        script_fail(p, "advance days: missing number of days");
        return false;
    }
    return script_parse_index(p, "advance days", w.w[1], 0, SCRIPT_ADVANCE_DAYS_MAX, "",
                              &cmd->number) &&
           script_no_more_words(p, "advance days", &w, 2);
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

bool script_cmd_clock(Parser *p, char *rest, ScriptCommand *cmd)
{
    Words w;
    script_split_words(rest, &w);
    char buf[64];
    if (w.n == 0) {
        script_fail(p, "clock: missing time (e.g. 'clock 2026-11-29T10:15:00Z')");
        return false;
    }
    if (!script_parse_time(w.w[0], &cmd->number)) {
        char with_z[32];
        bool shaped = time_shaped(w.w[0]);
        if (shaped && strlen(w.w[0]) == 19 && str_format(with_z, sizeof with_z, "%sZ", w.w[0]) &&
            script_parse_time(with_z, &cmd->number)) {
            script_fail(p, "clock: write %s: the clock is UTC and needs the final Z", with_z);
        } else if (shaped && (w.w[0][19] == '+' || w.w[0][19] == '-')) {
            script_fail(p,
                        "clock: the clock is UTC: write the time ending in Z, without an offset");
        } else if (shaped) {
            script_fail(p, "clock: %s is not a real date and time",
                        script_excerpt(w.w[0], buf, sizeof buf));
        } else {
            script_fail(p, "clock: '%s' is not a UTC time like 2026-11-29T10:15:00Z",
                        script_excerpt(w.w[0], buf, sizeof buf));
        }
        return false;
    }
    if (cmd->number < 0) {
        script_fail(p, "clock: %s is before 1970-01-01T00:00:00Z", w.w[0]);
        return false;
    }
    return script_no_more_words(p, "clock", &w, 1);
}

bool script_cmd_resize(Parser *p, char *rest, ScriptCommand *cmd)
{
    Words w;
    script_split_words(rest, &w);
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
        script_fail(p, w.n ? "resize: missing height (e.g. 'resize 1024 768' or 'resize 1024x768')"
                           : "resize: missing size (e.g. 'resize 1024 768' or 'resize 1024x768')");
        return false;
    }
    int64_t width;
    int64_t height;
    if (!script_parse_index(p, "resize", size[0], 1, SCRIPT_WINDOW_MAX, "width", &width) ||
        !script_parse_index(p, "resize", size[1], 1, SCRIPT_WINDOW_MAX, "height", &height)) {
        return false;
    }
    cmd->width = (int)width;
    cmd->height = (int)height;
    return script_no_more_words(p, "resize", &w, x ? 1 : 2);
}

bool script_cmd_screenshot(Parser *p, char *rest, ScriptCommand *cmd)
{
    const char *s = script_skip_blanks(rest);
    if (*s == '\0') {
        script_fail(p, "screenshot: missing path (e.g. 'screenshot build/shots/quiz.png')");
        return false;
    }
    cmd->text = script_take_text(p, "screenshot", s);
    if (!cmd->text) {
        return false;
    }
    size_t len = strlen(cmd->text);
    for (size_t i = 0; i < len; i++) {
        if ((unsigned char)cmd->text[i] < 0x20) {
            script_fail(p, "screenshot: the path contains a control character");
            return false;
        }
    }
    if (len < 5 || !script_equal_nocase(cmd->text + len - 4, 4, ".png")) {
        char buf[64];
        script_fail(p, "screenshot: '%s' does not end in .png (screenshots are PNG files)",
                    script_excerpt(cmd->text, buf, sizeof buf));
        return false;
    }
    return true;
}

bool script_cmd_expect(Parser *p, char *rest, ScriptCommand *cmd)
{
    char *s = script_skip_blanks(rest);
    char buf[64];
    if (*s < 'a' || *s > 'z') {
        script_fail(p, *s ? "expect: a field name starts with a lower-case letter"
                          : "expect: missing field (e.g. 'expect score >= 100')");
        return false;
    }
    size_t field_len = strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_.");
    char *op = script_skip_blanks(s + field_len);
    if (*op == '\0') {
        script_fail(p, "expect: missing operator after the field (= != < <= > >= ~)");
        return false;
    }
    if (!strchr("=!<>~", *op)) {
        script_fail(p, "expect: '%s' is not an operator (= != < <= > >= ~)",
                    script_excerpt(op, buf, sizeof buf));
        return false;
    }
    cmd->field = script_keep(p, s, field_len);
    size_t op_len = (op[1] == '=' && strchr("!<>", op[0])) ? 2 : 1;
    if (op[0] == '=' && op[1] == '=') {
        script_fail(p, "expect: write '=' rather than '=='");
        return false;
    }
    if (op[0] == '!' && op_len == 1) {
        script_fail(p, "expect: '!' is not an operator; did you mean '!='?");
        return false;
    }
    for (int c = 0; c < SCRIPT_COMPARE_COUNT; c++) {
        const char *name = script_compare_name((ScriptCompare)c);
        if (strlen(name) == op_len && memcmp(name, op, op_len) == 0) {
            cmd->cmp = (ScriptCompare)c;
        }
    }
    char *value = script_skip_blanks(op + op_len);
    if (*value == '\0') {
        script_fail(p, "expect: missing value after '%s' (write \"\" for an empty text)",
                    script_compare_name(cmd->cmp));
        return false;
    }
    cmd->value = script_take_text(p, "expect", value);
    return cmd->field && cmd->value;
}

bool script_cmd_quit(Parser *p, char *rest, ScriptCommand *cmd)
{
    Words w;
    script_split_words(rest, &w);
    return script_no_more_words(p, "quit", &w, 0);
}
