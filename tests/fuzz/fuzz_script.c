/* fuzz_script.c - libFuzzer harness for the test-script parser (script.h): any bytes as a
 * script; every command it accepts is written back with script_format_command, which promises
 * a line that parses back to the same command. */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/script.h"

static bool same_text(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

static bool same_target(const ScriptTarget *a, const ScriptTarget *b)
{
    return a->is_point == b->is_point && a->x == b->x && a->y == b->y &&
           same_text(a->name, b->name) && same_text(a->arg, b->arg);
}

/* Everything but the line number. */
static bool same_command(const ScriptCommand *a, const ScriptCommand *b)
{
    return a->op == b->op && a->mods == b->mods && same_text(a->key, b->key) &&
           same_text(a->text, b->text) && same_target(&a->target, &b->target) &&
           same_target(&a->to, &b->to) && a->number == b->number && a->width == b->width &&
           a->height == b->height && same_text(a->field, b->field) && a->cmp == b->cmp &&
           same_text(a->value, b->value);
}

/* Writes `cmd` back, parses the line, and checks that it is the same command written the
 * same way. */
static void check_round_trip(const ScriptCommand *cmd)
{
    StrBuf line = STRBUF_INIT;
    script_format_command(cmd, &line);
    DiagList diags = DIAGLIST_INIT;
    Script *again = script_parse("again.qds", strbuf_cstr(&line), line.len, &diags);
    if (!again) {
        StrBuf why = STRBUF_INIT;
        diag_list_format(&diags, &why);
        fuzz_check(false, "'%s' (line %d) does not parse back: %s", strbuf_cstr(&line), cmd->line,
                   strbuf_cstr(&why));
    }
    fuzz_check(again->count == 1 && same_command(cmd, &again->commands[0]),
               "'%s' (line %d) parses back to another command", strbuf_cstr(&line), cmd->line);
    StrBuf twice = STRBUF_INIT;
    script_format_command(&again->commands[0], &twice);
    fuzz_check(strcmp(strbuf_cstr(&twice), strbuf_cstr(&line)) == 0, "'%s' is written back as '%s'",
               strbuf_cstr(&line), strbuf_cstr(&twice));
    strbuf_free(&twice);
    script_destroy(again);
    diag_list_free(&diags);
    strbuf_free(&line);
}

/* The other promises a command carries: an expect value equals itself, a clock time is
 * written and read back the same. */
static void check_command(const ScriptCommand *cmd)
{
    fuzz_check(cmd->op >= 0 && cmd->op < SCRIPT_OP_COUNT && cmd->line >= 1, "bad op or line");
    if (cmd->op == SCRIPT_EXPECT) {
        bool reflexive = cmd->cmp == SCRIPT_EQ || cmd->cmp == SCRIPT_LE || cmd->cmp == SCRIPT_GE ||
                         cmd->cmp == SCRIPT_CONTAINS;
        fuzz_check(script_compare(cmd->cmp, cmd->value, cmd->value) == reflexive,
                   "'%s' %s itself is not %s", cmd->value, script_compare_name(cmd->cmp),
                   reflexive ? "true" : "false");
        fuzz_check(!script_compare(cmd->cmp, NULL, cmd->value), "a NULL field compares true");
    }
    if (cmd->op == SCRIPT_CLOCK) {
        char stamp[32];
        int64_t back = -1;
        fuzz_check(script_format_time(cmd->number, stamp, sizeof stamp) &&
                       script_parse_time(stamp, &back) && back == cmd->number,
                   "clock %lld is not written and read back the same", (long long)cmd->number);
    }
    check_round_trip(cmd);
}

FUZZ_TARGET(script)
{
    DiagList diags = DIAGLIST_INIT;
    Script *s = script_parse("fuzz.qds", (const char *)data, size, &diags);
    /* NULL exactly when some line had an error */
    fuzz_check((s == NULL) == (diags.counts[DIAG_ERROR] > 0), "result and errors disagree");
    StrBuf out = STRBUF_INIT;
    diag_list_format(&diags, &out);
    for (int i = 0; s && i < s->count; i++) {
        check_command(&s->commands[i]);
        fuzz_check(i == 0 || s->commands[i].line > s->commands[i - 1].line,
                   "commands out of line order");
    }
    script_destroy(s);
    strbuf_free(&out);
    diag_list_free(&diags);
    return 0;
}
