/* test_bank.c - the bundled CSTO question bank keeps the promises the project makes about it:
 * size, topic coverage, every type, every article section with a quiz-safe fact cited, no
 * diagnostics, and ids unique across packs. */
#include "support.h"

#include <string.h>

#include "core/article.h"
#include "core/library.h"

static Library lib;

static int setup(void **state)
{
    (void)state;
    library_add_dir(&lib, "questions", NULL, ORIGIN_BUNDLED, false);
    library_resolve(&lib);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    library_free(&lib);
    return 0;
}

static int count_topic(const char *topic)
{
    int n = 0;
    for (int i = 0; i < lib.count; i++) {
        const Pack *p = lib.entries[i].pack;
        for (int k = 0; p && k < p->question_count; k++) {
            n += strcmp(p->questions[k].topic, topic) == 0;
        }
    }
    return n;
}

static void test_loads_clean(void **state)
{
    (void)state;
    assert_true(lib.count >= 6);
    for (int i = 0; i < lib.count; i++) {
        const LibraryEntry *e = &lib.entries[i];
        if (e->diags.counts[DIAG_ERROR] || e->diags.counts[DIAG_WARNING]) {
            StrBuf sb = STRBUF_INIT;
            diag_list_format(&e->diags, &sb);
            print_error("%s", strbuf_cstr(&sb));
            strbuf_free(&sb);
        }
        assert_non_null(e->pack);
        assert_int_equal(e->diags.counts[DIAG_ERROR], 0);
        assert_int_equal(e->diags.counts[DIAG_WARNING], 0);
        assert_string_equal(e->pack->article, "csto-article");
        assert_true(e->pack->facts_as_of[0] != '\0');
    }
}

static void test_size_and_topics(void **state)
{
    (void)state;
    assert_true(library_question_count(&lib) >= 120);
    assert_true(count_topic("founding") >= 8);
    assert_true(count_topic("members") >= 10);
    assert_true(count_topic("bodies") >= 10);
    assert_true(count_topic("kyrgyzstan-2010") >= 5);
}

static void test_every_type(void **state)
{
    (void)state;
    int seen[QTYPE_COUNT] = {0};
    for (int i = 0; i < lib.count; i++) {
        const Pack *p = lib.entries[i].pack;
        for (int k = 0; p && k < p->question_count; k++) {
            seen[p->questions[k].type]++;
        }
    }
    for (int t = 0; t < QTYPE_COUNT; t++) {
        if (!seen[t]) {
            print_error("no question of type %s\n", question_type_name((QuestionType)t));
        }
        assert_true(seen[t] > 0);
    }
}

static void test_every_explained_and_sourced(void **state)
{
    (void)state;
    const Article *a = article_find("csto-article");
    assert_non_null(a);
    for (int i = 0; i < lib.count; i++) {
        const Pack *p = lib.entries[i].pack;
        for (int k = 0; p && k < p->question_count; k++) {
            const Question *q = &p->questions[k];
            assert_true(strlen(q->explain) >= 20);
            assert_non_null(article_heading(a, q->source));
        }
    }
}

static void test_sections_covered(void **state)
{
    (void)state;
    /* every article section for which the fact sheet lists a quiz-safe fact: all headings but
     * this one, which holds only opinion */
    static const char *const no_safe_fact = "Influence on Eurasian security architecture";
    const Article *a = article_find("csto-article");
    assert_non_null(a);
    int missing = 0;
    for (const char *const *h = a->headings; *h; h++) {
        if (strcmp(*h, no_safe_fact) == 0) {
            continue;
        }
        int n = 0;
        for (int i = 0; i < lib.count; i++) {
            const Pack *p = lib.entries[i].pack;
            for (int k = 0; p && k < p->question_count; k++) {
                n += strcmp(p->questions[k].source, *h) == 0;
            }
        }
        if (n == 0) {
            print_error("no question cites '%s'\n", *h);
            missing++;
        }
    }
    assert_int_equal(missing, 0);
}

static void test_ids_unique_across_packs(void **state)
{
    (void)state;
    int dupes = 0;
    for (int i = 0; i < lib.count; i++) {
        const Pack *p = lib.entries[i].pack;
        for (int k = 0; p && k < p->question_count; k++) {
            for (int j = i + 1; j < lib.count; j++) {
                if (lib.entries[j].pack &&
                    pack_find_question(lib.entries[j].pack, p->questions[k].id)) {
                    print_error("question id '%s' is in %s and %s\n", p->questions[k].id,
                                lib.entries[i].path, lib.entries[j].path);
                    dupes++;
                }
            }
        }
    }
    assert_int_equal(dupes, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_loads_clean),      cmocka_unit_test(test_size_and_topics),
        cmocka_unit_test(test_every_type),       cmocka_unit_test(test_every_explained_and_sourced),
        cmocka_unit_test(test_sections_covered), cmocka_unit_test(test_ids_unique_across_packs),
    };
    return cmocka_run_group_tests_name("bank", tests, setup, teardown);
}
