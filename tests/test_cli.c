/* test_cli.c - the real binary as an author meets it: --check on bad packs points at the right
 * lines and exits non-zero while the good packs still load; user packs are picked up from
 * $XDG_DATA_HOME; --question shows one question. Runs build/quizdeck (QUIZDECK_BIN overrides). */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

static const char *bin(void)
{
    const char *b = getenv("QUIZDECK_BIN");
    return b ? b : "build/quizdeck";
}

/* Runs `args` with the environment prefix `env`, collecting stdout and stderr; returns the
 * exit status. */
static int run(const char *env, const char *args, StrBuf *out)
{
    char cmd[4096];
    str_format(cmd, sizeof cmd, "%s %s %s 2>&1", env ? env : "", bin(), args);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    char buf[4096];
    size_t n;
    strbuf_clear(out);
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) {
        strbuf_append(out, buf, n);
    }
    int status = pclose(p);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

static void expect_in(const StrBuf *out, const char *needle)
{
    if (!strstr(strbuf_cstr(out), needle)) {
        print_error("expected \"%s\" in:\n%s\n", needle, strbuf_cstr(out));
        fail();
    }
}

static void test_check_bundled(void **state)
{
    (void)state;
    StrBuf out = STRBUF_INIT;
    assert_int_equal(run("XDG_DATA_HOME=/nonexistent", "--check", &out), 0);
    expect_in(&out, "questions/csto-members.ini: ok, ");
    int packs = 0, questions = 0;
    const char *last = strstr(strbuf_cstr(&out), " packs, ");
    assert_non_null(last);
    while (last > strbuf_cstr(&out) && last[-1] != '\n') {
        last--;
    }
    assert_int_equal(sscanf(last, "%d packs, %d questions", &packs, &questions), 2);
    assert_true(packs >= 6);
    assert_true(questions >= 120);
    strbuf_free(&out);
}

static void test_check_defects(void **state)
{
    (void)state;
    /* a dozen kinds of defect: each exits 1 and names the file and line */
    static const struct {
        const char *file;
        const char *where;
    } cases[] = {
        {"unknown-type", "unknown-type.ini:7: error: unknown type 'choice'"},
        {"missing-prompt", "missing-prompt.ini:6: error: question [q1] has no 'prompt'"},
        {"answer-names-no-choice", "answer-names-no-choice.ini:11: error: answer 'e' names no"},
        {"duplicate-choice", "duplicate-choice.ini:11: error: choice 'c' repeats choice 'a'"},
        {"duplicate-question-id", "duplicate-question-id.ini:26: error: duplicate question id"},
        {"single-two-answers", "single-two-answers.ini:12: error: a 'single' question has one"},
        {"too-many-choices", "too-many-choices.ini:17: error: at most 8 choices"},
        {"invalid-utf8", "invalid-utf8.ini:8: error: invalid UTF-8"},
        {"utf16", "utf16.ini: error: the file is UTF-16"},
        {"line-too-long", "line-too-long.ini:8: error: line is 264 bytes long"},
        {"key-outside-section", "key-outside-section.ini:1: error: 'format' is outside"},
        {"number-does-not-parse", "number-does-not-parse.ini:16: error: answer '0x10' is not"},
        {"bad-question-id", "bad-question-id.ini:6: error: question id 'Treaty_Year'"},
        {"empty-file", "empty-file.ini: error: the pack has no questions"},
        {"windows-1252-quotes", "windows-1252-quotes.ini:8: error: invalid UTF-8 (byte 0x93"},
    };
    StrBuf out = STRBUF_INIT;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char args[512];
        str_format(args, sizeof args, "--check tests/fixtures/packs/bad/%s.ini", cases[i].file);
        assert_int_equal(run(NULL, args, &out), 1);
        expect_in(&out, cases[i].where);
    }
    /* a directory, a missing file: diagnostics, exit 1, no crash */
    assert_int_equal(run(NULL, "--check tests/fixtures/packs/bad/", &out), 1);
    expect_in(&out, "is a directory");
    assert_int_equal(run(NULL, "--check tests/no-such-pack.ini", &out), 1);
    expect_in(&out, "tests/no-such-pack.ini: error: cannot open: No such file or directory");
    strbuf_free(&out);
}

static void test_user_packs(void **state)
{
    (void)state;
    const char *dir = scratch_dir("xdg");
    char packs[600], cmd[2000], env[700];
    str_format(packs, sizeof packs, "%s/quizdeck/packs", dir);
    str_format(cmd, sizeof cmd,
               "mkdir -p %s && cp tests/fixtures/packs/good/every-type.ini %s/ && "
               "cp tests/fixtures/packs/bad/duplicate-choice.ini %s/ && "
               "printf '[pack]\\nformat = 1\\nid = csto-members\\ntitle = Mine\\n\\n[q]\\n"
               "type = truefalse\\nprompt = p\\nanswer = true\\nexplain = e\\nsource = s\\n' "
               "> %s/members.ini",
               packs, packs, packs, packs);
    assert_int_equal(system(cmd), 0);
    str_format(env, sizeof env, "XDG_DATA_HOME=$PWD/%s", dir);
    StrBuf out = STRBUF_INIT;
    /* a broken user pack makes --check fail, but every other pack still loads */
    assert_int_equal(run(env, "--check", &out), 1);
    expect_in(&out, "/quizdeck/packs/every-type.ini: ok, 8 questions");
    expect_in(&out, "/quizdeck/packs/duplicate-choice.ini:11: error: choice 'c' repeats");
    expect_in(&out, "questions/csto-founding.ini: ok, ");
    /* same id as a bundled pack: the user's replaces it, with a note */
    expect_in(&out,
              "note: pack 'csto-members' replaces the bundled pack questions/csto-members.ini");
    expect_in(&out, "questions/csto-members.ini: ok, ");
    expect_in(&out, "(replaced by a user pack)");
    assert_int_equal(run(env, "--list", &out), 0);
    expect_in(&out, "every-type");
    expect_in(&out, "Mine");
    strbuf_free(&out);
}

static void test_question_and_usage(void **state)
{
    (void)state;
    StrBuf out = STRBUF_INIT;
    assert_int_equal(run(NULL,
                         "--question every-type:typed "
                         "--pack tests/fixtures/packs/good/every-type.ini",
                         &out),
                     0);
    expect_in(&out, "accepts: Chișinău -> \"chisinau\"");
    assert_int_equal(run(NULL, "--question csto-founding:no-such-question", &out), 1);
    assert_int_equal(run(NULL, "--no-such-option", &out), 2);
    expect_in(&out, "Try 'quizdeck --help'");
    assert_int_equal(run(NULL, "--help", &out), 0);
    expect_in(&out, "Usage: quizdeck");
    assert_int_equal(run(NULL, "--version", &out), 0);
    expect_in(&out, "quizdeck ");
    strbuf_free(&out);
}

static void test_terminal_play_is_seeded(void **state)
{
    (void)state;
    /* the same seed gives the same questions in the same order (every answer skipped) */
    StrBuf a = STRBUF_INIT, b = STRBUF_INIT;
    const char *args = "--terminal --seed 7 --count 5 --untimed --pack csto-founding "
                       "< tests/fixtures/terminal-answers.txt";
    assert_int_equal(run(NULL, args, &a), 0);
    assert_int_equal(run(NULL, args, &b), 0);
    assert_string_equal(strbuf_cstr(&a), strbuf_cstr(&b));
    expect_in(&a, "Question 5 of 5");
    expect_in(&a, "Score ");
    /* another seed asks in another order */
    assert_int_equal(run(NULL,
                         "--terminal --seed 8 --count 5 --untimed --pack csto-founding "
                         "< tests/fixtures/terminal-answers.txt",
                         &b),
                     0);
    assert_string_not_equal(strbuf_cstr(&a), strbuf_cstr(&b));
    strbuf_free(&a);
    strbuf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_check_bundled),
        cmocka_unit_test(test_check_defects),
        cmocka_unit_test(test_user_packs),
        cmocka_unit_test(test_question_and_usage),
        cmocka_unit_test(test_terminal_play_is_seeded),
    };
    return cmocka_run_group_tests_name("cli", tests, NULL, NULL);
}
