/* test_fuzz_replay.c - replays the inputs of the libFuzzer harnesses (tests/fuzz/) in `make
 * test`: for each harness, every seed tests/fuzz/seeds.list names, every file in
 * tests/fuzz/seeds/NAME/ and every reproducer of a fixed finding in
 * tests/fuzz/regressions/NAME/. The harnesses are linked in, built with -DFUZZ_REPLAY; a broken
 * promise aborts, and ASan and UBSan stop on the first error, so any of them fails the test.
 * Each harness must replay at least one file, so the test cannot pass by finding nothing. */
#include "support.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz/fuzz.h"

typedef int (*FuzzFn)(const uint8_t *data, size_t size);

int fuzz_pack(const uint8_t *data, size_t size);
int fuzz_progress(const uint8_t *data, size_t size);
int fuzz_logs(const uint8_t *data, size_t size);
int fuzz_settings(const uint8_t *data, size_t size);
int fuzz_scores(const uint8_t *data, size_t size);
int fuzz_classroom(const uint8_t *data, size_t size);
int fuzz_answers(const uint8_t *data, size_t size);
int fuzz_numbers(const uint8_t *data, size_t size);
int fuzz_script(const uint8_t *data, size_t size);

/* The harnesses linked in; each has its REPLAY_TEST below. */
static const char *const HARNESSES[] = {"pack",      "progress", "logs",    "settings", "scores",
                                        "classroom", "answers",  "numbers", "script"};
enum { HARNESS_COUNT = sizeof HARNESSES / sizeof HARNESSES[0] };

#define SEEDS_LIST "tests/fuzz/seeds.list"

/* Runs `fn` on the file at `path`. Returns 1. */
static int replay_file(FuzzFn fn, const char *path)
{
    size_t len;
    char *data = read_file(path, &len);
    if (!data) {
        fail_msg("cannot read %s", path);
    }
    fuzz_input_name = path;
    fn((const uint8_t *)data, len);
    fuzz_input_name = NULL;
    free(data);
    return 1;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Runs `fn` on `source`: a file, or every file directly in a folder (in name order). A missing
 * source replays nothing. Returns the number of files run. */
static int replay_source(FuzzFn fn, const char *source)
{
    struct stat st;
    if (stat(source, &st) != 0) {
        return 0;
    }
    if (!S_ISDIR(st.st_mode)) {
        return replay_file(fn, source);
    }
    DIR *d = opendir(source);
    assert_non_null(d);
    char **names = NULL;
    size_t count = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') {
            continue;
        }
        if (count == cap) {
            cap = cap ? cap * 2 : 64;
            names = realloc(names, cap * sizeof *names);
            assert_non_null(names);
        }
        size_t size = strlen(source) + strlen(e->d_name) + 2;
        names[count] = malloc(size);
        assert_non_null(names[count]);
        str_format(names[count], size, "%s/%s", source, e->d_name);
        count++;
    }
    closedir(d);
    qsort(names, count, sizeof *names, compare_names);
    int run = 0;
    for (size_t i = 0; i < count; i++) {
        if (stat(names[i], &st) == 0 && S_ISREG(st.st_mode)) {
            run += replay_file(fn, names[i]);
        }
        free(names[i]);
    }
    free(names);
    return run;
}

/* The words of the line of `name` in seeds.list (name, dictionary, sources...) in `line`,
 * split in place into `words`. Returns the number of words, 0 when the harness has no line. */
static int seeds_line(const char *name, char *line, size_t size, char **words, int max)
{
    FILE *f = fopen(SEEDS_LIST, "r");
    assert_non_null(f);
    int n = 0;
    while (n == 0 && fgets(line, (int)size, f)) {
        n = 0;
        for (char *w = strtok(line, " \t\r\n"); w && n < max; w = strtok(NULL, " \t\r\n")) {
            words[n++] = w;
        }
        if (n == 0 || words[0][0] == '#' || strcmp(words[0], name) != 0) {
            n = 0;
        }
    }
    fclose(f);
    return n;
}

static void replay(const char *name, FuzzFn fn)
{
    char line[4096];
    char *words[64];
    int n = seeds_line(name, line, sizeof line, words, 64);
    if (n < 2) {
        fail_msg("%s has no line in %s", name, SEEDS_LIST);
    }
    int run = 0, fixed = 0;
    for (int i = 2; i < n; i++) {
        run += replay_source(fn, words[i]);
    }
    char dir[256];
    str_format(dir, sizeof dir, "tests/fuzz/seeds/%s", name);
    run += replay_source(fn, dir);
    str_format(dir, sizeof dir, "tests/fuzz/regressions/%s", name);
    fixed = replay_source(fn, dir);
    printf("fuzz replay: %s: %d seeds, %d regressions\n", name, run, fixed);
    if (run + fixed == 0) {
        fail_msg("harness %s replayed no input", name);
    }
}

/* Every harness named in seeds.list is linked in here, and the other way round. */
static void test_list_matches(void **state)
{
    (void)state;
    FILE *f = fopen(SEEDS_LIST, "r");
    assert_non_null(f);
    char line[4096];
    int listed = 0;
    while (fgets(line, sizeof line, f)) {
        char *name = strtok(line, " \t\r\n");
        if (!name || name[0] == '#') {
            continue;
        }
        bool known = false;
        for (int i = 0; i < HARNESS_COUNT; i++) {
            known = known || strcmp(HARNESSES[i], name) == 0;
        }
        if (!known) {
            fail_msg("%s names harness '%s', which this test does not link", SEEDS_LIST, name);
        }
        listed++;
    }
    fclose(f);
    assert_int_equal(listed, HARNESS_COUNT);
}

#define REPLAY_TEST(name)                                                                          \
    static void test_replay_##name(void **state)                                                   \
    {                                                                                              \
        (void)state;                                                                               \
        replay(#name, fuzz_##name);                                                                \
    }
REPLAY_TEST(pack)
REPLAY_TEST(progress)
REPLAY_TEST(logs)
REPLAY_TEST(settings)
REPLAY_TEST(scores)
REPLAY_TEST(classroom)
REPLAY_TEST(answers)
REPLAY_TEST(numbers)
REPLAY_TEST(script)

int main(void)
{
    /* the harnesses' scratch files go under build/, not the system's temporary folder */
    const char *dir = scratch_dir("fuzz-replay");
    if (!dir || setenv("TMPDIR", dir, 1) != 0) {
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_list_matches),
        cmocka_unit_test(test_replay_pack),
        cmocka_unit_test(test_replay_progress),
        cmocka_unit_test(test_replay_logs),
        cmocka_unit_test(test_replay_settings),
        cmocka_unit_test(test_replay_scores),
        cmocka_unit_test(test_replay_classroom),
        cmocka_unit_test(test_replay_answers),
        cmocka_unit_test(test_replay_numbers),
        cmocka_unit_test(test_replay_script),
    };
    return cmocka_run_group_tests_name("fuzz replay", tests, NULL, NULL);
}
