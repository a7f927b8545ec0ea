/* test_reader.c - the raw line reader: line classification as inih r55 treats lines, line
 * endings, the long-line refusal, and the line numbers it gives the handler. */
#include "support.h"

#include <ini.h>
#include <string.h>

#include "core/linereader.h"

static LineKind kind(const char *line, bool after_key)
{
    return linereader_classify(line, strlen(line), after_key, NULL, NULL);
}

static void test_classify(void **state)
{
    (void)state;
    assert_int_equal(kind("", false), LINE_BLANK);
    assert_int_equal(kind("   \t", true), LINE_BLANK);
    assert_int_equal(kind("; comment", false), LINE_COMMENT);
    assert_int_equal(kind("# comment", false), LINE_COMMENT);
    assert_int_equal(kind("   ; indented comment", true), LINE_COMMENT);
    assert_int_equal(kind("[pack]", false), LINE_SECTION);
    assert_int_equal(kind("[q1]   ; trailing comment", false), LINE_SECTION);
    assert_int_equal(kind("[q1", false), LINE_INVALID);
    assert_int_equal(kind("[q1 ;]", false), LINE_INVALID); /* ']' hidden by a comment */
    assert_int_equal(kind("prompt = What?", false), LINE_KEY);
    assert_int_equal(kind("prompt: What?", false), LINE_KEY); /* inih accepts ':' */
    assert_int_equal(kind("prompt = a ; b", false), LINE_KEY);
    assert_int_equal(kind("just words", false), LINE_INVALID);
    assert_int_equal(kind("words ; = hidden", false), LINE_INVALID);
}

static void test_continuation_needs_a_key(void **state)
{
    (void)state;
    /* indented text continues a value only after a key in the same section */
    assert_int_equal(kind("    more text", true), LINE_CONTINUATION);
    assert_int_equal(kind("    answer = b", true), LINE_CONTINUATION);
    assert_int_equal(kind("    answer = b", false), LINE_KEY);
    assert_int_equal(kind("\tmore text", false), LINE_INVALID);
    assert_int_equal(kind("    [section]", true), LINE_CONTINUATION);
}

static void test_section_name(void **state)
{
    (void)state;
    const char *name;
    size_t len;
    const char *line = "  [treaty-year] ; c";
    assert_int_equal(linereader_classify(line, strlen(line), false, &name, &len), LINE_SECTION);
    assert_int_equal(len, 11);
    assert_memory_equal(name, "treaty-year", 11);
}

/* Reads `text` through the reader and records each line's number and kind. */
static int read_all(const char *text, LineKind *kinds, int max)
{
    LineReader r;
    linereader_init(&r, text, strlen(text));
    char buf[200];
    int n = 0;
    while (linereader_read(buf, sizeof buf, &r)) {
        assert_int_equal(r.lineno, n + 1);
        if (n < max) {
            kinds[n] = r.kind;
        }
        n++;
    }
    return n;
}

static void test_line_endings(void **state)
{
    (void)state;
    LineKind k[8];
    assert_int_equal(read_all("[a]\nx = 1\n", k, 8), 2);
    assert_int_equal(read_all("[a]\r\nx = 1\r\n", k, 8), 2);
    assert_int_equal(read_all("[a]\rx = 1\ry = 2", k, 8), 3); /* lone CR */
    assert_int_equal(k[2], LINE_KEY);
    assert_int_equal(read_all("[a]\n\n\nx = 1", k, 8), 4);
    assert_int_equal(read_all("", k, 8), 0);
    assert_int_equal(read_all("\xEF\xBB\xBF[a]\n", k, 8), 1); /* BOM skipped */
    assert_int_equal(k[0], LINE_SECTION);
}

static void test_state_follows_sections(void **state)
{
    (void)state;
    LineKind k[8];
    int n =
        read_all("[a]\n  indented = 1\nkey = v\n  more\n; c\n  still more\n[b]\n  x = 1\n", k, 8);
    assert_int_equal(n, 8);
    assert_int_equal(k[1], LINE_KEY); /* no key yet in [a] */
    assert_int_equal(k[3], LINE_CONTINUATION);
    assert_int_equal(k[5], LINE_CONTINUATION); /* a comment does not end the value */
    assert_int_equal(k[7], LINE_KEY);          /* new section, no key yet */
}

static void test_too_long(void **state)
{
    (void)state;
    char text[600];
    memset(text, 'x', 400);
    memcpy(text, "k = ", 4);
    text[400] = '\n';
    memcpy(text + 401, "ok = 1\n", 8);
    LineKind k[4];
    assert_int_equal(read_all(text, k, 4), 2);
    assert_int_equal(k[0], LINE_TOO_LONG);
    assert_int_equal(k[1], LINE_KEY);
    /* 199 bytes fit exactly */
    char fits[300];
    memset(fits, 'y', 199);
    memcpy(fits, "k = ", 4);
    fits[199] = '\0';
    assert_int_equal(read_all(fits, k, 4), 1);
    assert_int_equal(k[0], LINE_KEY);
}

typedef struct Seen {
    LineReader *reader;
    int lines[16];
    LineKind kinds[16];
    char values[16][64];
    int n;
} Seen;

static int record(void *user, const char *section, const char *name, const char *value)
{
    (void)section;
    (void)name;
    Seen *s = user;
    if (s->n < 16) {
        s->lines[s->n] = s->reader->lineno;
        s->kinds[s->n] = s->reader->kind;
        str_copy(s->values[s->n], sizeof s->values[0], value);
        s->n++;
    }
    return 1;
}

static void test_inih_agrees(void **state)
{
    (void)state;
    /* The handler's view, through the real inih: each call sees the reader's line number and
     * the kind the reader predicted. */
    const char *text = "[q]\nprompt = one\n   two\n\nanswer = b ; note\nexplain: x\n";
    LineReader r;
    linereader_init(&r, text, strlen(text));
    Seen seen = {.reader = &r};
    assert_int_equal(ini_parse_stream(linereader_read, &r, record, &seen), 0);
    assert_int_equal(seen.n, 4);
    assert_int_equal(seen.lines[0], 2);
    assert_int_equal(seen.kinds[0], LINE_KEY);
    assert_int_equal(seen.lines[1], 3);
    assert_int_equal(seen.kinds[1], LINE_CONTINUATION);
    assert_string_equal(seen.values[1], "two");
    assert_int_equal(seen.lines[2], 5);
    assert_string_equal(seen.values[2], "b"); /* inline comment cut by inih */
    assert_int_equal(seen.lines[3], 6);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_classify),
        cmocka_unit_test(test_continuation_needs_a_key),
        cmocka_unit_test(test_section_name),
        cmocka_unit_test(test_line_endings),
        cmocka_unit_test(test_state_follows_sections),
        cmocka_unit_test(test_too_long),
        cmocka_unit_test(test_inih_agrees),
    };
    return cmocka_run_group_tests_name("reader", tests, NULL, NULL);
}
