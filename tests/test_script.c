/* test_script.c - the script parser (every command, every error kind, line numbers), the
 * comparison of `expect` lines, the UTC time helpers, and golden files: every fixture under
 * tests/fixtures/scripts/{good,bad}/ is parsed and dumped (diagnostics, then each command's
 * fields) and compared with tests/expected/scripts/<good|bad>-<name>.txt. Run with
 * UPDATE_GOLDEN=1 to rewrite the expected files after a deliberate change, then review the diff. */
#include "support.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/script.h"

static Script *parse(const char *text, DiagList *diags)
{
    return script_parse("test.qds", text, strlen(text), diags);
}

/* Parses `text`, which must succeed, and returns the script. */
static Script *parse_ok(const char *text)
{
    DiagList d = DIAGLIST_INIT;
    Script *s = parse(text, &d);
    if (!s || d.count != 0) {
        StrBuf out = STRBUF_INIT;
        diag_list_format(&d, &out);
        fprintf(stderr, "unexpected diagnostics:\n%s", strbuf_cstr(&out));
        strbuf_free(&out);
    }
    assert_non_null(s);
    assert_int_equal(d.count, 0);
    diag_list_free(&d);
    return s;
}

/* ---- a dump of every field, for the golden files ---------------------------------------- */

static void dump_string(StrBuf *out, const char *label, const char *s)
{
    strbuf_printf(out, " %s=", label);
    if (!s) {
        strbuf_puts(out, "NULL");
        return;
    }
    strbuf_puts(out, "<");
    for (; *s; s++) {
        if (*s == '\n') {
            strbuf_puts(out, "\\n");
        } else if (*s == '\t') {
            strbuf_puts(out, "\\t");
        } else {
            strbuf_append(out, s, 1);
        }
    }
    strbuf_puts(out, ">");
}

static void dump_target(StrBuf *out, const char *label, const ScriptTarget *t)
{
    if (t->is_point) {
        strbuf_printf(out, " %s=point(%.6g, %.6g)", label, t->x, t->y);
    } else {
        strbuf_printf(out, " %s=", label);
        dump_string(out, "name", t->name);
        dump_string(out, "arg", t->arg);
    }
}

static void dump_command(const ScriptCommand *c, StrBuf *out)
{
    strbuf_printf(out, "%d: %s", c->line, script_op_name(c->op));
    switch (c->op) {
    case SCRIPT_KEY:
        strbuf_printf(out, " mods=%s%s%s%s", c->mods & SCRIPT_MOD_CTRL ? "C" : "-",
                      c->mods & SCRIPT_MOD_SHIFT ? "S" : "-", c->mods & SCRIPT_MOD_ALT ? "A" : "-",
                      c->mods & SCRIPT_MOD_GUI ? "G" : "-");
        dump_string(out, "key", c->key);
        break;
    case SCRIPT_TYPE:
    case SCRIPT_SCREENSHOT:
        dump_string(out, "text", c->text);
        break;
    case SCRIPT_CLICK:
        dump_target(out, "target", &c->target);
        break;
    case SCRIPT_DRAG:
        dump_target(out, "from", &c->target);
        dump_target(out, "to", &c->to);
        break;
    case SCRIPT_RESIZE:
        strbuf_printf(out, " width=%d height=%d", c->width, c->height);
        break;
    case SCRIPT_EXPECT:
        dump_string(out, "field", c->field);
        strbuf_printf(out, " cmp=%s", script_compare_name(c->cmp));
        dump_string(out, "value", c->value);
        break;
    case SCRIPT_PAD_PRESS:
        strbuf_printf(out, " number=%lld", (long long)c->number);
        dump_string(out, "button", c->text);
        break;
    case SCRIPT_QUIT:
        break;
    default:
        strbuf_printf(out, " number=%lld", (long long)c->number);
        break;
    }
    strbuf_puts(out, "\n    as: ");
    script_format_command(c, out);
    strbuf_puts(out, "\n");
}

static void dump_fixture(const char *path, StrBuf *out)
{
    DiagList diags = DIAGLIST_INIT;
    Script *s = script_load_file(path, &diags);
    diag_list_format(&diags, out);
    strbuf_printf(out, "-- %zu errors\n", diags.counts[DIAG_ERROR]);
    if (s) {
        for (int i = 0; i < s->count; i++) {
            dump_command(&s->commands[i], out);
        }
    } else {
        strbuf_puts(out, "(not loaded)\n");
    }
    script_destroy(s);
    diag_list_free(&diags);
}

/* What each kind of fixture must give, besides its expected text. */
static const char *check_good(const char *fixture, const char *dump)
{
    return strstr(dump, "(not loaded)") ? "a good fixture did not load" : NULL;
}

static const char *check_bad(const char *fixture, const char *dump)
{
    return strstr(dump, "(not loaded)") ? NULL : "a bad fixture loaded";
}

static void test_golden_good(void **state)
{
    (void)state;
    assert_true(golden_check_dir("scripts", "good", ".qds", dump_fixture, check_good) >= 5);
}

static void test_golden_bad(void **state)
{
    (void)state;
    assert_true(golden_check_dir("scripts", "bad", ".qds", dump_fixture, check_bad) >= 31);
}

/* ---- commands ---------------------------------------------------------------------------- */

static void test_every_command(void **state)
{
    (void)state;
    Script *s = parse_ok("key Return\n"
                         "type Moscow\n"
                         "click choice 2\n"
                         "click 0.5 0.8\n"
                         "drag item 1 to item 3\n"
                         "wait 1500\n"
                         "advance days 3\n"
                         "clock 2026-11-29T10:15:00Z\n"
                         "resize 1024 768\n"
                         "screenshot docs/x.png\n"
                         "expect score >= 100\n"
                         "pad add\n"
                         "pad press 1 a\n"
                         "pad remove 1\n"
                         "quit\n");
    assert_string_equal(s->path, "test.qds");
    assert_int_equal(s->count, 15);
    const ScriptCommand *c = s->commands;
    for (int i = 0; i < s->count; i++) {
        assert_int_equal(c[i].line, i + 1);
    }
    assert_int_equal(c[0].op, SCRIPT_KEY);
    assert_int_equal(c[0].mods, 0);
    assert_string_equal(c[0].key, "Return");
    assert_int_equal(c[1].op, SCRIPT_TYPE);
    assert_string_equal(c[1].text, "Moscow");
    assert_int_equal(c[2].op, SCRIPT_CLICK);
    assert_false(c[2].target.is_point);
    assert_string_equal(c[2].target.name, "choice");
    assert_string_equal(c[2].target.arg, "2");
    assert_int_equal(c[3].op, SCRIPT_CLICK);
    assert_true(c[3].target.is_point);
    assert_true(c[3].target.x == 0.5 && c[3].target.y == 0.8);
    assert_int_equal(c[4].op, SCRIPT_DRAG);
    assert_string_equal(c[4].target.name, "item");
    assert_string_equal(c[4].target.arg, "1");
    assert_string_equal(c[4].to.name, "item");
    assert_string_equal(c[4].to.arg, "3");
    assert_int_equal(c[5].op, SCRIPT_WAIT);
    assert_int_equal(c[5].number, 1500);
    assert_int_equal(c[6].op, SCRIPT_ADVANCE_DAYS);
    assert_int_equal(c[6].number, 3);
    assert_int_equal(c[7].op, SCRIPT_CLOCK);
    assert_int_equal(c[7].number, INT64_C(1795947300000));
    assert_int_equal(c[8].op, SCRIPT_RESIZE);
    assert_int_equal(c[8].width, 1024);
    assert_int_equal(c[8].height, 768);
    assert_int_equal(c[9].op, SCRIPT_SCREENSHOT);
    assert_string_equal(c[9].text, "docs/x.png");
    assert_int_equal(c[10].op, SCRIPT_EXPECT);
    assert_string_equal(c[10].field, "score");
    assert_int_equal(c[10].cmp, SCRIPT_GE);
    assert_string_equal(c[10].value, "100");
    assert_int_equal(c[11].op, SCRIPT_PAD_ADD);
    assert_int_equal(c[11].number, 0);
    assert_int_equal(c[12].op, SCRIPT_PAD_PRESS);
    assert_int_equal(c[12].number, 1);
    assert_string_equal(c[12].text, "a");
    assert_int_equal(c[13].op, SCRIPT_PAD_REMOVE);
    assert_int_equal(c[13].number, 1);
    assert_int_equal(c[14].op, SCRIPT_QUIT);
    script_destroy(s);
}

static void test_other_forms(void **state)
{
    (void)state;
    Script *s = parse_ok("wait 20s\n"
                         "wait 250ms\n"
                         "wait 0\n"
                         "resize 800x600\n"
                         "click button next\n"
                         "click field\n"
                         "drag 0.2 0.5 to 0.2 0.7\n"
                         "drag choice 1 to 1 0\n"
                         "pad add 2\n"
                         "pad press 2 DpUp\n"
                         "advance day 1\n"
                         "screenshot \"build/with space.png\"\n"
                         "expect screen = quiz\n"
                         "expect warning ~ \"set aside\"\n"
                         "expect streak!=0\n"
                         "expect result.right < 3\n"
                         "expect timer_ms <= 20000\n"
                         "expect points > 0\n"
                         "expect warning = \"\"\n"
                         "clock 2024-02-29T23:59:59.5Z\n");
    const ScriptCommand *c = s->commands;
    assert_int_equal(s->count, 20);
    assert_int_equal(c[0].number, 20000);
    assert_int_equal(c[1].number, 250);
    assert_int_equal(c[2].number, 0);
    assert_int_equal(c[3].width, 800);
    assert_int_equal(c[3].height, 600);
    assert_string_equal(c[4].target.name, "button");
    assert_string_equal(c[4].target.arg, "next");
    assert_string_equal(c[5].target.name, "field");
    assert_null(c[5].target.arg);
    assert_true(c[6].target.is_point && c[6].target.x == 0.2 && c[6].target.y == 0.5);
    assert_true(c[6].to.is_point && c[6].to.x == 0.2 && c[6].to.y == 0.7);
    assert_string_equal(c[7].target.name, "choice");
    assert_true(c[7].to.is_point && c[7].to.x == 1.0 && c[7].to.y == 0.0);
    assert_int_equal(c[8].number, 2);
    assert_int_equal(c[9].number, 2);
    assert_string_equal(c[9].text, "dpup");
    assert_int_equal(c[10].number, 1);
    assert_string_equal(c[11].text, "build/with space.png");
    assert_int_equal(c[12].cmp, SCRIPT_EQ);
    assert_string_equal(c[12].value, "quiz");
    assert_int_equal(c[13].cmp, SCRIPT_CONTAINS);
    assert_string_equal(c[13].value, "set aside");
    assert_int_equal(c[14].cmp, SCRIPT_NE);
    assert_string_equal(c[14].field, "streak");
    assert_string_equal(c[14].value, "0");
    assert_int_equal(c[15].cmp, SCRIPT_LT);
    assert_string_equal(c[15].field, "result.right");
    assert_int_equal(c[16].cmp, SCRIPT_LE);
    assert_int_equal(c[17].cmp, SCRIPT_GT);
    assert_string_equal(c[18].value, "");
    assert_int_equal(c[19].number, INT64_C(1709251199500));
    script_destroy(s);
}

static void test_modifiers(void **state)
{
    (void)state;
    Script *s = parse_ok("key Ctrl+R\n"
                         "key ctrl+SHIFT+a\n"
                         "key Ctrl++\n"
                         "key +\n"
                         "key Keypad +\n"
                         "key Alt+Keypad +/-\n"
                         "key Gui+Alt+F11\n"
                         "key Left Shift\n"
                         "key Shift+Page Down\n");
    const ScriptCommand *c = s->commands;
    assert_int_equal(c[0].mods, SCRIPT_MOD_CTRL);
    assert_string_equal(c[0].key, "R");
    assert_int_equal(c[1].mods, SCRIPT_MOD_CTRL | SCRIPT_MOD_SHIFT);
    assert_string_equal(c[1].key, "a");
    assert_int_equal(c[2].mods, SCRIPT_MOD_CTRL);
    assert_string_equal(c[2].key, "+");
    assert_int_equal(c[3].mods, 0);
    assert_string_equal(c[3].key, "+");
    assert_int_equal(c[4].mods, 0);
    assert_string_equal(c[4].key, "Keypad +");
    assert_int_equal(c[5].mods, SCRIPT_MOD_ALT);
    assert_string_equal(c[5].key, "Keypad +/-");
    assert_int_equal(c[6].mods, SCRIPT_MOD_GUI | SCRIPT_MOD_ALT);
    assert_string_equal(c[6].key, "F11");
    assert_int_equal(c[7].mods, 0);
    assert_string_equal(c[7].key, "Left Shift");
    assert_int_equal(c[8].mods, SCRIPT_MOD_SHIFT);
    assert_string_equal(c[8].key, "Page Down");
    script_destroy(s);
}

static void test_type_text(void **state)
{
    (void)state;
    Script *s = parse_ok("type   three leading\n"
                         "type \"  two  spaces  \"\n"
                         "type \"say \\\"hi\\\" \\\\ back\\nnext\\tcol\"\n"
                         "type C# is # not a comment\n"
                         "type a \"quote\" inside\n"
                         "type \tx\n");
    const ScriptCommand *c = s->commands;
    assert_string_equal(c[0].text, "  three leading"); /* one blank separates, the rest is text */
    assert_string_equal(c[1].text, "  two  spaces  ");
    assert_string_equal(c[2].text, "say \"hi\" \\ back\nnext\tcol");
    assert_string_equal(c[3].text, "C# is # not a comment");
    assert_string_equal(c[4].text, "a \"quote\" inside");
    assert_string_equal(c[5].text, "\tx");
    script_destroy(s);
}

static void test_utf8_text(void **state)
{
    (void)state;
    Script *s = parse_ok("type Москва\n"
                         "type \"Երևան \"\n"
                         "expect warning ~ Ереван\n"
                         "click choice Ա\n"
                         "screenshot build/շարք.png\n");
    assert_string_equal(s->commands[0].text, "Москва");
    assert_string_equal(s->commands[1].text, "Երևան ");
    assert_string_equal(s->commands[2].value, "Ереван");
    assert_string_equal(s->commands[3].target.arg, "Ա");
    assert_string_equal(s->commands[4].text, "build/շարք.png");
    script_destroy(s);
}

static void test_crlf_comments_blanks(void **state)
{
    (void)state;
    Script *s = parse_ok("\xEF\xBB\xBF# a comment\r\n"
                         "\r\n"
                         "   \t  \r\n"
                         "  key Escape  \r\n"
                         "    # indented comment\r\n"
                         "type Moscow\r\n"
                         "quit");
    assert_int_equal(s->count, 3);
    assert_int_equal(s->commands[0].line, 4);
    assert_string_equal(s->commands[0].key, "Escape");
    assert_int_equal(s->commands[1].line, 6);
    assert_string_equal(s->commands[1].text, "Moscow"); /* no \r kept */
    assert_int_equal(s->commands[2].line, 7);
    script_destroy(s);

    s = parse_ok("");
    assert_int_equal(s->count, 0);
    script_destroy(s);
    script_destroy(NULL);
}

/* ---- errors ------------------------------------------------------------------------------ */

/* Each bad line, put on line 3 of a script, must give an error on line 3 containing `needle`. */
static const struct {
    const char *line;
    const char *needle;
} BAD_LINES[] = {
    {"kye Return", "did you mean 'key'"},
    {"sleep 100", "did you mean 'wait'"},
    {"Key Return", "unknown command 'Key'"},
    {"frobnicate", "unknown command 'frobnicate'"},
    {"key", "missing key name"},
    {"key Ctrl+", "missing key after 'Ctrl+'"},
    {"key Crtl+R", "'Crtl' is not a modifier"},
    {"key Crtl+R", "did you mean 'Ctrl'"},
    {"key Hyper+R", "'Hyper' is not a modifier"},
    {"key Ctrl+Ctrl+R", "given twice"},
    {"key Ctrl R", "join a modifier"},
    {"type", "missing text"},
    {"type \"abc", "unterminated quote"},
    {"type \"abc\\", "unterminated quote"},
    {"type \"a\\qb\"", "unknown escape '\\q'"},
    {"type \"a\" b", "after the closing quote"},
    {"type \"\"", "empty text"},
    {"click", "missing target"},
    {"click 0.5", "two fractions"},
    {"click 512 384", "never use pixels"},
    {"click 0.5 1.5", "1.5 is not a fraction"},
    {"click 0.5 abc", "'abc' is not a number"},
    {"click -0.1 0.5", "not a fraction"},
    {"click Choice 2", "not a target name"},
    {"click choice 2 3", "unexpected '3'"},
    {"drag item 1 item 3", "missing 'to'"},
    {"drag item 1 to", "missing target"},
    {"drag to item 2", "missing target"},
    {"wait", "missing duration"},
    {"wait soon", "'soon' is not a duration"},
    {"wait -5", "not a duration"},
    {"wait 1.5s", "not a duration"},
    {"wait 5min", "not a duration"},
    {"wait 86400001", "out of range"},
    {"wait 999999999999999999s", "out of range"},
    {"wait 100 200", "unexpected '200'"},
    {"wait 1500   # half a second", "unexpected '#'"},
    {"advance 3", "advance days N"},
    {"advance days", "missing number of days"},
    {"advance days 36501", "days: 36501 is out of range (0..36500)"},
    {"advance days x", "not a whole number"},
    {"clock", "missing time"},
    {"clock 2026-11-29 10:15:00", "not a UTC time"},
    {"clock 2026-11-29T10:15:00", "write 2026-11-29T10:15:00Z"},
    {"clock 2026-02-29T10:15:00Z", "not a real date and time"},
    {"clock 2026-11-29T10:15:00+01:00", "without an offset"},
    {"key Control+R", "did you mean 'Ctrl'"},
    {"clock 1969-12-31T23:59:59Z", "before 1970"},
    {"resize", "missing size"},
    {"resize 1024", "missing height"},
    {"resize 0 768", "width 0 is out of range"},
    {"resize 1024x20000", "height 20000 is out of range"},
    {"resize 1024 768 2", "unexpected '2'"},
    {"screenshot", "missing path"},
    {"screenshot out.jpg", "does not end in .png"},
    {"screenshot \"a\\nb.png\"", "control character"},
    {"expect", "missing field"},
    {"expect Score = 1", "starts with a lower-case letter"},
    {"expect score", "missing operator"},
    {"expect score == 1", "rather than '=='"},
    {"expect score ! 1", "did you mean '!='"},
    {"expect score % 1", "not an operator"},
    {"expect score >=", "missing value after '>='"},
    {"expect warning = \"open", "unterminated quote"},
    {"pad", "expected 'pad add'"},
    {"pad plug", "unknown 'plug'"},
    {"pad ad", "did you mean 'add'"},
    {"pad add 9", "out of range (1..8)"},
    {"pad add 1 2", "unexpected '2'"},
    {"pad press 1", "a pad number and a button"},
    {"pad press 0 a", "out of range"},
    {"pad press 1 z", "not a controller button"},
    {"pad press 1 strat", "did you mean 'start'"},
    {"pad remove", "missing pad number"},
    {"pad remove x", "not a whole number"},
    {"quit now", "unexpected 'now'"},
    {"type a\x01z", "control character 0x01 at byte 7"},
    {"type a\x7Fz", "control character 0x7F"},
    {"type \xD0\x9C\xD0", "invalid UTF-8 at byte 8"},
    {"type \xC0\xAF", "invalid UTF-8 at byte 6"},
    {"type \xED\xA0\x80", "invalid UTF-8"},
};

static void test_each_error(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof BAD_LINES / sizeof BAD_LINES[0]; i++) {
        StrBuf text = STRBUF_INIT;
        strbuf_printf(&text, "key Return\n# comment\n%s\nquit\n", BAD_LINES[i].line);
        DiagList d = DIAGLIST_INIT;
        Script *s = parse(strbuf_cstr(&text), &d);
        bool found = has_diag(&d, DIAG_ERROR, 3, BAD_LINES[i].needle);
        if (s || !found || d.counts[DIAG_ERROR] != 1) {
            StrBuf out = STRBUF_INIT;
            diag_list_format(&d, &out);
            fprintf(stderr, "line '%s': expected one error with '%s' on line 3, got:\n%s",
                    BAD_LINES[i].line, BAD_LINES[i].needle, strbuf_cstr(&out));
            strbuf_free(&out);
        }
        assert_null(s);
        assert_true(found);
        assert_int_equal(d.counts[DIAG_ERROR], 1);
        diag_list_free(&d);
        strbuf_free(&text);
    }
}

static void test_comment_hint(void **state)
{
    (void)state;
    DiagList d = DIAGLIST_INIT;
    assert_null(parse("wait 1500  # half a second\n", &d));
    assert_true(has_diag(&d, DIAG_NOTE, 1, "comment only at the start of a line"));
    diag_list_free(&d);
}

static void test_every_error_reported(void **state)
{
    (void)state;
    DiagList d = DIAGLIST_INIT;
    Script *s = parse("key Return\n"
                      "wiat 100\n"
                      "type Moscow\n"
                      "click 2 3\n"
                      "\n"
                      "expect score\n"
                      "quit\n"
                      "pad press 1 q\n",
                      &d);
    assert_null(s);
    assert_int_equal(d.counts[DIAG_ERROR], 4);
    assert_true(has_diag(&d, DIAG_ERROR, 2, "did you mean 'wait'"));
    assert_true(has_diag(&d, DIAG_ERROR, 4, "never use pixels"));
    assert_true(has_diag(&d, DIAG_ERROR, 6, "missing operator"));
    assert_true(has_diag(&d, DIAG_ERROR, 8, "not a controller button"));
    StrBuf out = STRBUF_INIT;
    diag_list_format(&d, &out);
    assert_non_null(strstr(strbuf_cstr(&out), "test.qds:2: error: unknown command 'wiat'"));
    strbuf_free(&out);
    diag_list_free(&d);
}

static void test_line_limits(void **state)
{
    (void)state;
    /* a line of exactly SCRIPT_LINE_MAX bytes is fine; one more byte is not */
    StrBuf text = STRBUF_INIT;
    strbuf_puts(&text, "type ");
    for (int i = 5; i < SCRIPT_LINE_MAX; i++) {
        strbuf_puts(&text, "x");
    }
    strbuf_puts(&text, "\r\n");
    DiagList d = DIAGLIST_INIT;
    Script *s = script_parse("long.qds", text.data, text.len, &d);
    assert_non_null(s);
    assert_int_equal(strlen(s->commands[0].text), SCRIPT_LINE_MAX - 5);
    script_destroy(s);
    strbuf_clear(&text);
    strbuf_puts(&text, "quit\n\ntype ");
    for (int i = 5; i < SCRIPT_LINE_MAX + 1; i++) {
        strbuf_puts(&text, "x");
    }
    strbuf_puts(&text, "\nquit\n");
    assert_null(script_parse("long.qds", text.data, text.len, &d));
    assert_true(has_diag(&d, DIAG_ERROR, 3, "4097 bytes long; the limit is 4096"));
    assert_int_equal(d.counts[DIAG_ERROR], 1);
    diag_list_free(&d);

    /* a NUL byte, even inside a comment */
    static const char nul[] = "quit\n# a\0b\ntype a\0b\n";
    assert_null(script_parse("nul.qds", nul, sizeof nul - 1, &d));
    assert_true(has_diag(&d, DIAG_ERROR, 2, "NUL byte at byte 4"));
    assert_true(has_diag(&d, DIAG_ERROR, 3, "NUL byte at byte 7"));
    assert_int_equal(d.counts[DIAG_ERROR], 2);
    diag_list_free(&d);
    strbuf_free(&text);
}

static void test_too_many_commands(void **state)
{
    (void)state;
    StrBuf text = STRBUF_INIT;
    for (int i = 0; i < SCRIPT_COMMANDS_MAX; i++) {
        strbuf_puts(&text, "wait 1\n");
    }
    DiagList d = DIAGLIST_INIT;
    Script *s = script_parse("big.qds", text.data, text.len, &d);
    assert_non_null(s);
    assert_int_equal(s->count, SCRIPT_COMMANDS_MAX);
    script_destroy(s);
    strbuf_puts(&text, "# comments do not count\nquit\nquit\n");
    assert_null(script_parse("big.qds", text.data, text.len, &d));
    assert_int_equal(d.counts[DIAG_ERROR], 1); /* reported once */
    assert_true(has_diag(&d, DIAG_ERROR, SCRIPT_COMMANDS_MAX + 2, "more than 100000 commands"));
    diag_list_free(&d);
    strbuf_free(&text);
}

static void test_load_file(void **state)
{
    (void)state;
    DiagList d = DIAGLIST_INIT;
    assert_null(script_load_file("tests/fixtures/scripts/no-such-file.qds", &d));
    assert_int_equal(d.count, 1);
    assert_true(has_diag(&d, DIAG_ERROR, 0, "cannot open"));
    diag_list_free(&d);

    const char *dir = scratch_dir("script-load");
    char path[600];
    str_format(path, sizeof path, "%s/one.qds", dir);
    assert_true(write_file(path, "key Return\n", 11));
    Script *s = script_load_file(path, &d);
    assert_non_null(s);
    assert_string_equal(s->path, path);
    assert_int_equal(s->count, 1);
    script_destroy(s);

    assert_null(script_load_file(dir, &d)); /* a folder */
    assert_int_equal(d.counts[DIAG_ERROR], 1);
    assert_int_equal(d.items[0].line, 0);
    diag_list_free(&d);
}

/* Every plain ``` block of docs/scripting.md is script text; other lines are blanked so that
 * errors name the line of the document. */
static void test_docs_examples(void **state)
{
    (void)state;
    char *doc = read_file("docs/scripting.md", NULL);
    assert_non_null(doc);
    StrBuf text = STRBUF_INIT;
    bool in_script = false;
    bool in_other = false;
    int blocks = 0;
    for (char *line = doc; *line;) {
        char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        bool fence = len >= 3 && strncmp(line, "```", 3) == 0;
        if (fence && !in_script && !in_other) {
            in_script = len == 3;
            in_other = len > 3;
            blocks += in_script;
        } else if (fence) {
            in_script = in_other = false;
        } else if (in_script) {
            strbuf_append(&text, line, len);
        }
        strbuf_puts(&text, "\n");
        line += len + (end != NULL);
    }
    DiagList d = DIAGLIST_INIT;
    Script *s = script_parse("docs/scripting.md", text.data, text.len, &d);
    if (!s) {
        StrBuf out = STRBUF_INIT;
        diag_list_format(&d, &out);
        fprintf(stderr, "%s", strbuf_cstr(&out));
        strbuf_free(&out);
    }
    assert_non_null(s);
    assert_true(blocks >= 12);
    assert_true(s->count >= 60);
    script_destroy(s);
    diag_list_free(&d);
    strbuf_free(&text);
    free(doc);
}

/* ---- formatting -------------------------------------------------------------------------- */

static void test_format_round_trip(void **state)
{
    (void)state;
    static const char *const LINES[] = {
        "key Return",
        "key Ctrl+Shift+Alt+Gui++",
        "key Shift+Page Down",
        "type Moscow",
        "type \"  two  spaces  \"",
        "type \"\\\"quoted\\\" \\\\ \\n\\t\"",
        "type Երևան",
        "click choice 2",
        "click field",
        "click 0.5 0.8",
        "click 0.333333333333333 1",
        "click 0.0000000000000000001 0.5", /* fuzzing: once written back as 0 */
        "drag 0.00000000000000000000000000000000000000000000000000125 0 to 1 1",
        "drag item 1 to item 3",
        "drag 0.2 0.5 to 0 1",
        "wait 1500",
        "advance days 3",
        "clock 2026-11-29T10:15:00Z",
        "clock 2024-02-29T00:00:00.001Z",
        "resize 1024 768",
        "screenshot docs/x.png",
        "screenshot \" lead.png\"",
        "expect score >= 100",
        "expect warning ~ set aside",
        "expect warning = \"\"",
        "expect screen != \" quiz\"",
        "pad add",
        "pad add 2",
        "pad press 1 leftshoulder",
        "pad remove 1",
        "quit",
    };
    for (size_t i = 0; i < sizeof LINES / sizeof LINES[0]; i++) {
        Script *s = parse_ok(LINES[i]);
        assert_int_equal(s->count, 1);
        StrBuf out = STRBUF_INIT;
        script_format_command(&s->commands[0], &out);
        if (strcmp(strbuf_cstr(&out), LINES[i]) != 0) {
            fprintf(stderr, "'%s' formats as '%s'\n", LINES[i], strbuf_cstr(&out));
        }
        assert_string_equal(strbuf_cstr(&out), LINES[i]);
        strbuf_free(&out);
        script_destroy(s);
    }
    /* non-canonical spellings format canonically */
    Script *s = parse_ok("key ctrl+r\nwait 2s\nresize 10x20\nexpect score>=1\npad press 1 A\n");
    static const char *const WANT[] = {"key Ctrl+r", "wait 2000", "resize 10 20",
                                       "expect score >= 1", "pad press 1 a"};
    for (int i = 0; i < s->count; i++) {
        StrBuf out = STRBUF_INIT;
        script_format_command(&s->commands[i], &out);
        assert_string_equal(strbuf_cstr(&out), WANT[i]);
        strbuf_free(&out);
    }
    script_destroy(s);
}

static void test_names(void **state)
{
    (void)state;
    assert_string_equal(script_op_name(SCRIPT_KEY), "key");
    assert_string_equal(script_op_name(SCRIPT_ADVANCE_DAYS), "advance days");
    assert_string_equal(script_op_name(SCRIPT_PAD_PRESS), "pad press");
    assert_string_equal(script_op_name(SCRIPT_QUIT), "quit");
    assert_string_equal(script_op_name(SCRIPT_OP_COUNT), "?");
    static const char *const OPS[] = {"=", "!=", "<", "<=", ">", ">=", "~"};
    for (int c = 0; c < SCRIPT_COMPARE_COUNT; c++) {
        assert_string_equal(script_compare_name((ScriptCompare)c), OPS[c]);
    }
    assert_string_equal(script_compare_name(SCRIPT_COMPARE_COUNT), "?");
}

/* ---- comparison -------------------------------------------------------------------------- */

static void test_compare(void **state)
{
    (void)state;
    /* numbers compare as numbers */
    assert_true(script_compare(SCRIPT_EQ, "100", "100.0"));
    assert_true(script_compare(SCRIPT_EQ, "-0.5", "-0.50"));
    assert_false(script_compare(SCRIPT_EQ, "100", "101"));
    assert_true(script_compare(SCRIPT_NE, "100", "101"));
    assert_false(script_compare(SCRIPT_NE, "7", "7.00"));
    assert_true(script_compare(SCRIPT_LT, "9", "10")); /* as strings "9" > "10" */
    assert_false(script_compare(SCRIPT_LT, "10", "10"));
    assert_true(script_compare(SCRIPT_LE, "10", "10"));
    assert_false(script_compare(SCRIPT_LE, "11", "10"));
    assert_true(script_compare(SCRIPT_GT, "100", "99.5"));
    assert_false(script_compare(SCRIPT_GT, "99.5", "100"));
    assert_true(script_compare(SCRIPT_GE, "-1", "-2"));
    assert_true(script_compare(SCRIPT_GE, "0", "-0"));
    assert_false(script_compare(SCRIPT_GE, "-3", "-2"));
    /* otherwise as strings */
    assert_true(script_compare(SCRIPT_EQ, "quiz", "quiz"));
    assert_false(script_compare(SCRIPT_EQ, "quiz", "Quiz"));
    assert_true(script_compare(SCRIPT_NE, "quiz", "results"));
    assert_false(script_compare(SCRIPT_EQ, "100", "100x"));
    assert_true(script_compare(SCRIPT_LT, "abc", "abd"));
    assert_true(script_compare(SCRIPT_LT, "10", "9x"));      /* one side is no number: bytewise */
    assert_true(script_compare(SCRIPT_GT, "\xD0\x9C", "z")); /* bytes compare unsigned */
    assert_true(script_compare(SCRIPT_LE, "", ""));
    assert_true(script_compare(SCRIPT_GE, "b", "a"));
    assert_false(script_compare(SCRIPT_GT, "a", "b"));
    assert_true(script_compare(SCRIPT_EQ, "1024x768", "1024x768"));
    assert_true(script_compare(SCRIPT_EQ, "", ""));
    /* ~ is always a substring test */
    assert_true(script_compare(SCRIPT_CONTAINS, "3 questions set aside", "set aside"));
    assert_false(script_compare(SCRIPT_CONTAINS, "set", "set aside"));
    assert_true(script_compare(SCRIPT_CONTAINS, "120", "12"));
    assert_true(script_compare(SCRIPT_CONTAINS, "anything", ""));
    assert_true(script_compare(SCRIPT_CONTAINS, "Ереван", "рев"));
    /* unknown values */
    assert_false(script_compare(SCRIPT_EQ, NULL, ""));
    assert_false(script_compare(SCRIPT_NE, NULL, "x"));
    assert_false(script_compare(SCRIPT_CONTAINS, "x", NULL));
    assert_false(script_compare(SCRIPT_COMPARE_COUNT, "1", "1"));
}

/* ---- time -------------------------------------------------------------------------------- */

static void test_time_known_values(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        int64_t seconds;
    } KNOWN[] = {
        {"1970-01-01T00:00:00Z", 0},
        {"1999-12-31T23:59:59Z", 946684799},
        {"2000-01-01T00:00:00Z", 946684800},
        {"2000-02-29T00:00:00Z", 951782400},
        {"2024-02-29T12:00:00Z", 1709208000},
        {"2026-01-01T00:00:00Z", 1767225600},
        {"2026-11-29T10:15:00Z", 1795947300},
        {"2038-01-19T03:14:07Z", 2147483647},
        {"1900-03-01T00:00:00Z", -2203891200},
        {"1969-12-31T23:59:59Z", -1},
        {"0000-01-01T00:00:00Z", -62167219200},
        {"9999-12-31T23:59:59Z", 253402300799},
    };
    for (size_t i = 0; i < sizeof KNOWN / sizeof KNOWN[0]; i++) {
        int64_t ms = 42;
        assert_true(script_parse_time(KNOWN[i].text, &ms));
        assert_int_equal(ms, KNOWN[i].seconds * 1000);
        char out[32];
        assert_true(script_format_time(ms, out, sizeof out));
        assert_string_equal(out, KNOWN[i].text);
    }
    assert_int_equal(SCRIPT_CLOCK_START_MS, INT64_C(1767225600000));
    int64_t ms = 0;
    assert_true(script_parse_time("2026-11-29T10:15:00.250Z", &ms));
    assert_int_equal(ms, INT64_C(1795947300250));
    assert_true(script_parse_time("2026-11-29T10:15:00.5Z", &ms));
    assert_int_equal(ms, INT64_C(1795947300500));
    char out[32];
    assert_true(script_format_time(INT64_C(1795947300250), out, sizeof out));
    assert_string_equal(out, "2026-11-29T10:15:00.250Z");
    assert_true(script_format_time(-1, out, sizeof out));
    assert_string_equal(out, "1969-12-31T23:59:59.999Z");
}

static void test_time_invalid(void **state)
{
    (void)state;
    static const char *const BAD[] = {
        "",
        "2026-11-29",
        "2026-11-29T10:15:00",
        "2026-11-29T10:15:00z",
        "2026-11-29t10:15:00Z",
        "2026-11-29 10:15:00Z",
        "2026-11-29T10:15:00+00:00",
        "2026-11-29T10:15:00ZZ",
        "2026-11-29T10:15:00.Z",
        "2026-11-29T10:15:00.1234Z",
        "2026-13-01T00:00:00Z",
        "2026-00-01T00:00:00Z",
        "2026-04-31T00:00:00Z",
        "2026-02-29T00:00:00Z", /* not a leap year */
        "1900-02-29T00:00:00Z", /* divisible by 100 */
        "2100-02-29T00:00:00Z",
        "2026-01-00T00:00:00Z",
        "2026-01-01T24:00:00Z",
        "2026-01-01T23:60:00Z",
        "2026-01-01T23:59:60Z", /* no leap seconds */
        "26-01-01T00:00:00Z",
        "+2026-01-01T00:00:00Z",
        "2026-1-01T00:00:00Z",
    };
    for (size_t i = 0; i < sizeof BAD / sizeof BAD[0]; i++) {
        int64_t ms = 42;
        if (script_parse_time(BAD[i], &ms)) {
            fprintf(stderr, "accepted '%s'\n", BAD[i]);
        }
        assert_false(script_parse_time(BAD[i], &ms));
        assert_int_equal(ms, 42);
    }
    int64_t ms = 0;
    assert_true(script_parse_time("2000-02-29T00:00:00Z", &ms)); /* divisible by 400 */
    assert_true(script_parse_time("2028-02-29T00:00:00Z", &ms));

    char out[32] = "x";
    assert_false(script_format_time(INT64_C(253402300800000), out, sizeof out)); /* year 10000 */
    assert_string_equal(out, "");
    assert_false(script_format_time(INT64_C(-62167219200001), out, sizeof out)); /* year -1 */
    assert_false(script_format_time(INT64_MAX, out, sizeof out));
    assert_false(script_format_time(INT64_MIN, out, sizeof out));
    char small[20];
    assert_false(script_format_time(0, small, sizeof small)); /* needs 21 bytes */
    char exact[21];
    assert_true(script_format_time(0, exact, sizeof exact));
}

static void test_time_round_trip(void **state)
{
    (void)state;
    /* every day from 1896 to 2104 (leap rules of 1900, 2000 and 2100), at varying times */
    int64_t start = INT64_C(-2335219200000); /* 1896-01-01 */
    int64_t end = INT64_C(4260211200000);    /* 2105-01-01 */
    int64_t previous_day = -1;
    int leap_days = 0;
    for (int64_t ms = start; ms < end; ms += 86400000 + 1001) {
        char out[32];
        assert_true(script_format_time(ms, out, sizeof out));
        int64_t back = 0;
        if (!script_parse_time(out, &back) || back != ms) {
            fprintf(stderr, "%lld -> %s -> %lld\n", (long long)ms, out, (long long)back);
        }
        assert_int_equal(back, ms);
        int64_t day = (ms - start) / 86400000;
        assert_true(day > previous_day);
        previous_day = day;
        if (strncmp(out + 4, "-02-29", 6) == 0) {
            leap_days++;
            assert_true(strncmp(out, "1900", 4) != 0 && strncmp(out, "2100", 4) != 0);
        }
    }
    /* 1896..2104 has 51 leap days (1900 and 2100 have none); the drift skips one day at most */
    assert_in_range(leap_days, 50, 51);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_command),
        cmocka_unit_test(test_other_forms),
        cmocka_unit_test(test_modifiers),
        cmocka_unit_test(test_type_text),
        cmocka_unit_test(test_utf8_text),
        cmocka_unit_test(test_crlf_comments_blanks),
        cmocka_unit_test(test_each_error),
        cmocka_unit_test(test_comment_hint),
        cmocka_unit_test(test_every_error_reported),
        cmocka_unit_test(test_line_limits),
        cmocka_unit_test(test_too_many_commands),
        cmocka_unit_test(test_load_file),
        cmocka_unit_test(test_docs_examples),
        cmocka_unit_test(test_format_round_trip),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_compare),
        cmocka_unit_test(test_time_known_values),
        cmocka_unit_test(test_time_invalid),
        cmocka_unit_test(test_time_round_trip),
        cmocka_unit_test(test_golden_good),
        cmocka_unit_test(test_golden_bad),
    };
    return cmocka_run_group_tests_name("script", tests, NULL, NULL);
}
