/* test_golden.c - golden-file tests of the pack loader: every fixture under
 * tests/fixtures/packs/{good,bad}/ is loaded and dumped to text (diagnostics, then the pack),
 * and compared with tests/expected/packs/<good|bad>-<name>.txt; every folder
 * tests/fixtures/packs/bad-dirs/NAME.dir/ is loaded as a pack folder (library.h) and compared with
 * tests/expected/packs/bad-dirs-NAME.txt. Run with UPDATE_GOLDEN=1 to rewrite the expected
 * files after a deliberate change, then review the diff. */
#include "support.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/library.h"
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

/* What each kind of fixture must give, besides its expected text. */
static const char *check_good(const char *fixture, const char *dump)
{
    return strstr(dump, "(not loaded)") ? "a good fixture did not load" : NULL;
}

static const char *check_bad(const char *fixture, const char *dump)
{
    return strstr(dump, "-- 0 errors, 0 warnings") ? "a bad fixture produced no diagnostic" : NULL;
}

/* A pack folder: every entry with its diagnostics, then the packs that are live. */
static void dump_folder(const char *path, StrBuf *out)
{
    Library lib = LIBRARY_INIT;
    library_add_dir(&lib, path, NULL, ORIGIN_USER, false);
    library_resolve(&lib);
    for (int i = 0; i < lib.count; i++) {
        const LibraryEntry *e = &lib.entries[i];
        strbuf_printf(out, "entry %s: %s\n", e->path,
                      !e->pack      ? "not loaded"
                      : e->replaced ? "replaced"
                                    : "live");
        diag_list_format(&e->diags, out);
    }
    strbuf_printf(out, "-- %d packs live, %d questions\n", library_pack_count(&lib),
                  library_question_count(&lib));
    library_free(&lib);
}

/* A bad folder reports an error, and a good pack in it still loads. */
static const char *check_folder(const char *fixture, const char *dump)
{
    if (!strstr(dump, ": error: ")) {
        return "a bad folder gave no error";
    }
    return strstr(dump, "-- 0 packs live") ? "no pack of a bad folder loaded" : NULL;
}

static void test_good(void **state)
{
    (void)state;
    assert_true(golden_check_dir("packs", "good", ".ini", dump_fixture, check_good) >= 5);
}

static void test_bad(void **state)
{
    (void)state;
    assert_true(golden_check_dir("packs", "bad", ".ini", dump_fixture, check_bad) >= 83);
}

static void test_bad_folders(void **state)
{
    (void)state;
    assert_true(golden_check_dir("packs", "bad-dirs", ".dir", dump_folder, check_folder) >= 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good),
        cmocka_unit_test(test_bad),
        cmocka_unit_test(test_bad_folders),
    };
    return cmocka_run_group_tests_name("golden", tests, NULL, NULL);
}
