/* test_pack.c - loader cases that are generated rather than committed: huge files, long lines,
 * many questions, binary data, directories, links; the library's folder and id rules. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/library.h"

static const char one_question[] = "\n[q1]\ntype = truefalse\nprompt = p\nanswer = true\n"
                                   "explain = e\nsource = s\n";

static void test_huge_file_refused(void **state)
{
    (void)state;
    const char *dir = scratch_dir("huge");
    char path[600];
    str_format(path, sizeof path, "%s/huge.ini", dir);
    /* a 10 MB file: refused by size, unread */
    size_t n = 10u * 1024 * 1024;
    char *data = malloc(n);
    memset(data, 'x', n);
    assert_true(write_file(path, data, n));
    DiagList d = DIAGLIST_INIT;
    assert_null(pack_load_file(path, &d));
    assert_true(has_diag(&d, DIAG_ERROR, 0, "a pack may be at most"));
    diag_list_free(&d);
    free(data);
}

static void test_long_single_line(void **state)
{
    (void)state;
    /* a 1 MB line inside an otherwise good pack: one error on its line, nothing else breaks */
    size_t n = 1024 * 1024;
    StrBuf sb = STRBUF_INIT;
    strbuf_puts(&sb, PACK_HEADER "\n[q1]\ntype = truefalse\nprompt = ");
    char *junk = malloc(n);
    memset(junk, 'y', n);
    strbuf_append(&sb, junk, n);
    strbuf_puts(&sb, "\nanswer = true\nexplain = e\nsource = s\n");
    free(junk);
    DiagList d = DIAGLIST_INIT;
    assert_null(pack_load_buffer("long.ini", sb.data, sb.len, &d));
    assert_true(has_diag(&d, DIAG_ERROR, 8, "the limit is 199"));
    /* only the line: the prompt it held is not reported missing as well */
    assert_int_equal(d.counts[DIAG_ERROR], 1);
    diag_list_free(&d);
    strbuf_free(&sb);
}

static void test_many_questions(void **state)
{
    (void)state;
    StrBuf sb = STRBUF_INIT;
    strbuf_puts(&sb, PACK_HEADER);
    for (int i = 0; i < 10000; i++) {
        strbuf_printf(&sb,
                      "[q%d]\ntype = single\nprompt = Question %d?\na = yes\nb = no\n"
                      "answer = a\nexplain = e\nsource = s\n",
                      i, i);
    }
    DiagList d = DIAGLIST_INIT;
    Pack *p = pack_load_buffer("many.ini", sb.data, sb.len, &d);
    assert_non_null(p);
    assert_int_equal(p->question_count, 10000);
    assert_string_equal(p->questions[9999].id, "q9999");
    pack_destroy(p);
    diag_list_free(&d);
    /* past the limit: one error, not thousands */
    for (int i = 10000; i < PACK_QUESTIONS_MAX + 5; i++) {
        strbuf_printf(&sb, "[q%d]\ntype = truefalse\nprompt = p\nanswer = true\n", i);
    }
    d = (DiagList)DIAGLIST_INIT;
    assert_null(pack_load_buffer("too-many.ini", sb.data, sb.len, &d));
    assert_int_equal(d.counts[DIAG_ERROR], 1);
    diag_list_free(&d);
    strbuf_free(&sb);
}

static void test_repeated_keys_capped(void **state)
{
    (void)state;
    StrBuf sb = STRBUF_INIT;
    strbuf_puts(&sb, PACK_HEADER "[q1]\ntype = truefalse\nprompt = p\nanswer = true\n");
    for (int i = 0; i < 5000; i++) {
        strbuf_puts(&sb, "prompt = again\n");
    }
    DiagList d = DIAGLIST_INIT;
    assert_null(pack_load_buffer("repeat.ini", sb.data, sb.len, &d));
    /* one error for the first repeat and one note that counts them all, not 5000 errors */
    assert_int_equal(d.counts[DIAG_ERROR], 1);
    assert_true(has_diag(&d, DIAG_ERROR, 9, "duplicate key 'prompt' (first on line 7)"));
    assert_true(has_diag(&d, DIAG_NOTE, 9, "'prompt' appears 5001 times in this section"));
    assert_int_equal(d.dropped, 0);
    diag_list_free(&d);
    strbuf_free(&sb);
}

static void test_binary_noise(void **state)
{
    (void)state;
    /* random bytes, with NULs, and UTF-16 without a byte-order mark: diagnostics, no crash */
    unsigned int seed = 12345;
    char buf[4096];
    for (int round = 0; round < 200; round++) {
        size_t n = (size_t)(round * 20 + 1);
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            buf[i] = (char)(seed >> 16);
        }
        DiagList d = DIAGLIST_INIT;
        Pack *p = pack_load_buffer("noise.ini", buf, n, &d);
        assert_null(p);
        assert_true(d.counts[DIAG_ERROR] > 0);
        diag_list_free(&d);
    }
    static const char utf16[] = "[\0p\0a\0c\0k\0]\0\n\0";
    DiagList d = DIAGLIST_INIT;
    assert_null(pack_load_buffer("u16.ini", utf16, sizeof utf16 - 1, &d));
    assert_true(has_diag(&d, DIAG_ERROR, 0, "UTF-16"));
    diag_list_free(&d);
    static const char nul[] = PACK_HEADER "[q1]\ntype = true\0false\n";
    d = (DiagList)DIAGLIST_INIT;
    assert_null(pack_load_buffer("nul.ini", nul, sizeof nul - 1, &d));
    assert_true(has_diag(&d, DIAG_ERROR, 6, "NUL byte"));
    diag_list_free(&d);
}

static void test_truncated_everywhere(void **state)
{
    (void)state;
    /* every prefix of a good pack loads or fails cleanly */
    size_t len;
    char *text = read_file("tests/fixtures/packs/good/every-type.ini", &len);
    assert_non_null(text);
    for (size_t cut = 0; cut <= len; cut++) {
        DiagList d = DIAGLIST_INIT;
        Pack *p = pack_load_buffer("cut.ini", text, cut, &d);
        assert_true(p != NULL || d.counts[DIAG_ERROR] > 0);
        pack_destroy(p);
        diag_list_free(&d);
    }
    free(text);
}

static void test_not_a_file(void **state)
{
    (void)state;
    const char *dir = scratch_dir("not-a-file");
    char path[600];
    DiagList d = DIAGLIST_INIT;
    /* a directory where a file is expected */
    str_format(path, sizeof path, "%s/folder.ini", dir);
    assert_int_equal(mkdir(path, 0755), 0);
    assert_null(pack_load_file(path, &d));
    assert_true(has_diag(&d, DIAG_ERROR, 0, "is a directory"));
    /* missing */
    str_format(path, sizeof path, "%s/missing.ini", dir);
    assert_null(pack_load_file(path, &d));
    assert_true(has_diag(&d, DIAG_ERROR, 0, "No such file"));
    /* a symlink loop */
    char a[600], b[600];
    str_format(a, sizeof a, "%s/loop-a.ini", dir);
    str_format(b, sizeof b, "%s/loop-b.ini", dir);
    assert_int_equal(symlink("loop-b.ini", a), 0);
    assert_int_equal(symlink("loop-a.ini", b), 0);
    assert_null(pack_load_file(a, &d));
    assert_true(has_diag(&d, DIAG_ERROR, 0, "symbolic links"));
    diag_list_free(&d);
}

static void test_file_not_modified(void **state)
{
    (void)state;
    const char *path = "tests/fixtures/packs/bad/duplicate-choice.ini";
    size_t before_len, after_len;
    char *before = read_file(path, &before_len);
    DiagList d = DIAGLIST_INIT;
    assert_null(pack_load_file(path, &d));
    diag_list_free(&d);
    char *after = read_file(path, &after_len);
    assert_int_equal(before_len, after_len);
    assert_memory_equal(before, after, before_len);
    free(before);
    free(after);
}

static void write_pack(const char *dir, const char *file, const char *id, const char *title)
{
    char path[700];
    char text[1024];
    str_format(path, sizeof path, "%s/%s", dir, file);
    str_format(text, sizeof text, "[pack]\nformat = 1\nid = %s\ntitle = %s\n%s", id, title,
               one_question);
    assert_true(write_file(path, text, strlen(text)));
}

static void test_library_rules(void **state)
{
    (void)state;
    char bundled[600], user[600];
    str_copy(bundled, sizeof bundled, scratch_dir("lib-bundled"));
    str_copy(user, sizeof user, scratch_dir("lib-user"));
    write_pack(bundled, "a.ini", "alpha", "Bundled alpha");
    write_pack(bundled, "b.ini", "beta", "Bundled beta");
    write_pack(bundled, "b2.ini", "beta", "Second beta"); /* same id, same origin */
    write_pack(bundled, ".hidden.ini", "hidden", "Hidden");
    write_pack(bundled, "notes.txt", "notes", "Not a pack");
    write_pack(user, "mine.ini", "alpha", "My alpha");
    write_pack(user, "broken.ini", "BROKEN", "Broken");
    write_pack(user, "gamma.ini", "gamma", "Gamma");

    Library lib = LIBRARY_INIT;
    library_add_dir(&lib, bundled, "questions", ORIGIN_BUNDLED, false);
    library_add_dir(&lib, user, NULL, ORIGIN_USER, true);
    library_add_dir(&lib, "build/test-scratch/does-not-exist", NULL, ORIGIN_USER, true);
    library_resolve(&lib);
    assert_int_equal(lib.count, 6); /* a, b, b2, broken, gamma, mine */
    assert_string_equal(lib.entries[0].path, "questions/a.ini");
    assert_string_equal(library_find(&lib, "alpha")->title, "My alpha");
    assert_true(lib.entries[0].replaced);
    assert_string_equal(library_find(&lib, "beta")->title, "Bundled beta");
    assert_null(lib.entries[2].pack);
    assert_true(has_diag(&lib.entries[2].diags, DIAG_ERROR, 0, "already used by questions/b.ini"));
    assert_null(library_find(&lib, "hidden"));
    assert_null(library_find(&lib, "notes"));
    assert_non_null(library_find(&lib, "gamma"));
    assert_int_equal(library_pack_count(&lib), 3); /* my alpha, beta, gamma */
    assert_int_equal(library_question_count(&lib), 3);
    bool noted = false;
    for (int i = 0; i < lib.count; i++) {
        noted = noted || has_diag(&lib.entries[i].diags, DIAG_NOTE, 0, "replaces the bundled");
    }
    assert_true(noted);
    library_free(&lib);

    /* a missing bundled folder is an error entry, not a crash */
    Library none = LIBRARY_INIT;
    library_add_dir(&none, "build/test-scratch/does-not-exist", NULL, ORIGIN_BUNDLED, false);
    assert_int_equal(none.count, 1);
    assert_true(none.entries[0].diags.counts[DIAG_ERROR] == 1);
    library_free(&none);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_huge_file_refused), cmocka_unit_test(test_long_single_line),
        cmocka_unit_test(test_many_questions),    cmocka_unit_test(test_repeated_keys_capped),
        cmocka_unit_test(test_binary_noise),      cmocka_unit_test(test_truncated_everywhere),
        cmocka_unit_test(test_not_a_file),        cmocka_unit_test(test_file_not_modified),
        cmocka_unit_test(test_library_rules),
    };
    return cmocka_run_group_tests_name("pack", tests, NULL, NULL);
}
