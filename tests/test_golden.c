/* test_golden.c - golden-file tests of the pack loader: every fixture under
 * tests/fixtures/packs/{good,bad}/ is loaded and dumped to text (diagnostics, then the pack),
 * and compared with tests/expected/packs/<good|bad>-<name>.txt. Run with UPDATE_GOLDEN=1 to
 * rewrite the expected files after a deliberate change, then review the diff. */
#include "support.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/pack_dump.h"

static void dump_fixture(const char *path, StrBuf *out)
{
    DiagList diags = DIAGLIST_INIT;
    Pack *p = pack_load_file(path, &diags);
    diag_list_format(&diags, out);
    strbuf_printf(out, "-- %zu errors, %zu warnings\n", diags.counts[DIAG_ERROR],
                  diags.counts[DIAG_WARNING]);
    if (p) {
        pack_dump(p, out);
    } else {
        strbuf_puts(out, "(not loaded)\n");
    }
    pack_destroy(p);
    diag_list_free(&diags);
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Checks every fixture of one kind; returns the number of fixtures. */
static int check_dir(const char *kind, bool must_load)
{
    char dir[256];
    str_format(dir, sizeof dir, "tests/fixtures/packs/%s", kind);
    DIR *d = opendir(dir);
    assert_non_null(d);
    char *names[512];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < 512) {
        size_t len = strlen(e->d_name);
        if (len > 4 && strcmp(e->d_name + len - 4, ".ini") == 0) {
            names[n++] = strdup(e->d_name);
        }
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof names[0], compare_names);
    bool update = getenv("UPDATE_GOLDEN") != NULL;
    int failures = 0;
    for (int i = 0; i < n; i++) {
        char path[512];
        char expected_path[512];
        str_format(path, sizeof path, "%s/%s", dir, names[i]);
        str_format(expected_path, sizeof expected_path, "tests/expected/packs/%s-%.*s.txt", kind,
                   (int)(strlen(names[i]) - 4), names[i]);
        StrBuf got = STRBUF_INIT;
        dump_fixture(path, &got);
        if (must_load) {
            if (strstr(strbuf_cstr(&got), "(not loaded)")) {
                fprintf(stderr, "%s: a good fixture did not load:\n%s", path, strbuf_cstr(&got));
                failures++;
            }
        } else if (strstr(strbuf_cstr(&got), "-- 0 errors, 0 warnings")) {
            fprintf(stderr, "%s: a bad fixture produced no diagnostic\n", path);
            failures++;
        }
        if (update) {
            assert_true(write_file(expected_path, got.data, got.len));
        } else {
            char *want = read_file(expected_path, NULL);
            if (!want) {
                fprintf(stderr, "%s: missing (run with UPDATE_GOLDEN=1)\n", expected_path);
                failures++;
            } else if (strcmp(want, strbuf_cstr(&got)) != 0) {
                fprintf(stderr, "%s differs from %s; got:\n%s\n", path, expected_path,
                        strbuf_cstr(&got));
                failures++;
            }
            free(want);
        }
        strbuf_free(&got);
        free(names[i]);
    }
    assert_int_equal(failures, 0);
    return n;
}

static void test_good(void **state)
{
    (void)state;
    assert_true(check_dir("good", true) >= 5);
}

static void test_bad(void **state)
{
    (void)state;
    assert_true(check_dir("bad", false) >= 25);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good),
        cmocka_unit_test(test_bad),
    };
    return cmocka_run_group_tests_name("golden", tests, NULL, NULL);
}
