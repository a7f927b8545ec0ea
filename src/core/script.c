/* script.c - the driver of the test-script parser (docs/scripting.md): splits a script into
 * lines, checks them and hands each to its command's parser; loading and freeing scripts.
 * Never prints, never runs anything: errors go to the caller's DiagList. */
#include "script.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "script_private.h"
#include "utf8.h"

static const char *const OP_NAMES[SCRIPT_OP_COUNT] = {
    "key",    "type",       "click",  "drag",    "wait",      "advance days", "clock",
    "resize", "screenshot", "expect", "pad add", "pad press", "pad remove",   "quit",
};

const char *script_op_name(ScriptOp op)
{
    return (unsigned)op < SCRIPT_OP_COUNT ? OP_NAMES[op] : "?";
}

typedef bool (*CommandFn)(Parser *p, char *rest, ScriptCommand *cmd);

static const struct {
    const char *word;
    ScriptOp op;
    CommandFn parse;
} COMMANDS[] = {
    {"key", SCRIPT_KEY, script_cmd_key},
    {"type", SCRIPT_TYPE, script_cmd_type},
    {"click", SCRIPT_CLICK, script_cmd_click},
    {"drag", SCRIPT_DRAG, script_cmd_drag},
    {"wait", SCRIPT_WAIT, script_cmd_wait},
    {"advance", SCRIPT_ADVANCE_DAYS, script_cmd_advance},
    {"clock", SCRIPT_CLOCK, script_cmd_clock},
    {"resize", SCRIPT_RESIZE, script_cmd_resize},
    {"screenshot", SCRIPT_SCREENSHOT, script_cmd_screenshot},
    {"expect", SCRIPT_EXPECT, script_cmd_expect},
    {"pad", SCRIPT_PAD_ADD, script_cmd_pad},
    {"quit", SCRIPT_QUIT, script_cmd_quit},
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
    const char *hint = script_closest(word, names, COMMAND_COUNT);
    for (size_t i = 0; !hint && i < sizeof ALIASES / sizeof ALIASES[0]; i++) {
        if (script_equal_nocase(word, strlen(word), ALIASES[i][0])) {
            hint = ALIASES[i][1];
        }
    }
    char buf[64];
    char hint_text[64];
    script_fail(p, "unknown command '%s'%s", script_excerpt(word, buf, sizeof buf),
                script_did_you_mean(hint, hint_text, sizeof hint_text));
}

static bool add_command(Parser *p, const ScriptCommand *cmd)
{
    Script *s = p->script;
    if (s->count == p->cap) {
        int cap = p->cap ? p->cap * 2 : 64;
        ScriptCommand *grown = realloc(s->commands, (size_t)cap * sizeof *grown);
        if (!grown) {
            script_fail(p, "out of memory");
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
        script_fail(p, "line is %zu bytes long; the limit is %d", len, SCRIPT_LINE_MAX);
        return;
    }
    size_t bad;
    if (!utf8_valid(raw, len, &bad)) {
        script_fail(p, "invalid UTF-8 at byte %zu of the line", bad + 1);
        return;
    }
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)raw[i];
        if (c == '\0') {
            script_fail(p, "NUL byte at byte %zu of the line", i + 1);
            return;
        }
        if (c == '\r') {
            script_fail(p,
                        "carriage return (0x0D) at byte %zu of the line, not followed by a line "
                        "feed: lines end with \\n or \\r\\n",
                        i + 1);
            return;
        }
        if ((c < 0x20 && c != '\t') || c == 0x7F) {
            script_fail(
                p,
                "control character 0x%02X at byte %zu of the line (inside quotes, write \\t "
                "or \\n)",
                c, i + 1);
            return;
        }
    }
    char line[SCRIPT_LINE_MAX + 1];
    memcpy(line, raw, len);
    line[len] = '\0';
    const char *bom = strstr(line, "\xEF\xBB\xBF");
    if (bom) {
        script_fail(p,
                    "byte-order mark (U+FEFF) at byte %zu of the line; delete it (files joined "
                    "together?)",
                    (size_t)(bom - line) + 1);
        return;
    }
    while (len > 0 && script_is_blank(line[len - 1])) {
        line[--len] = '\0';
    }
    char *word = script_skip_blanks(line);
    if (*word == '\0' || *word == '#') {
        return;
    }
    if (p->script->count >= SCRIPT_COMMANDS_MAX) {
        if (!p->too_many) {
            script_fail(p, "more than %d commands; split the script", SCRIPT_COMMANDS_MAX);
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
    bool bom;
    if (utf8_looks_utf16(data, len, &bom)) {
        diag_add(diags, DIAG_ERROR, path, 0,
                 bom ? "the file is UTF-16; save it as UTF-8"
                     : "the file looks like UTF-16 without a byte-order mark; save it as UTF-8");
        free(p);
        script_destroy(s);
        return NULL;
    }
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
