/* test_disk_temps.c - the temporary files a killed save leaves (".NAME.tmp-PID-N") are removed
 * by the next save or load in their folder when no running process owns them; a live owner's
 * file and every other name stay. */
#include "support.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/save.h"
#include "core/settings.h"

/* A PID that no process has: a child that has exited and been reaped. */
static pid_t dead_pid(void)
{
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        _exit(0);
    }
    assert_int_equal(waitpid(pid, NULL, 0), pid);
    return pid;
}

static void touch(const char *dir, const char *name)
{
    char path[700];
    str_format(path, sizeof path, "%s/%s", dir, name);
    assert_true(write_file(path, "partial", 7));
}

static bool exists(const char *dir, const char *name)
{
    char path[700];
    struct stat st;
    str_format(path, sizeof path, "%s/%s", dir, name);
    return stat(path, &st) == 0;
}

static int entries(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    int n = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        n += strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0;
    }
    closedir(d);
    return n;
}

/* A name made of `parts[0]`, the PID and `parts[1]`. */
static void pid_name(char *out, size_t size, const char *const parts[2], long pid)
{
    str_format(out, size, "%s%ld%s", parts[0], pid, parts[1]);
}

static void test_stale_removed_others_kept(void **state)
{
    (void)state;
    const char *d = scratch_dir("temps-names");
    assert_non_null(d);
    char dir[512], name[128];
    str_copy(dir, sizeof dir, d);
    long dead = (long)dead_pid();
    /* stale: a dead owner (any NAME in the folder), or this process (an earlier one that had
     * the same PID) */
    static const char *const stale[][2] = {
        {".settings.ini.tmp-", "-0"}, {".scores.ini.tmp-", "-17"}, {".a.tmp-b.tmp-", "-3"}};
    for (size_t i = 0; i < sizeof stale / sizeof stale[0]; i++) {
        pid_name(name, sizeof name, stale[i], dead);
        touch(dir, name);
    }
    pid_name(name, sizeof name, stale[0], (long)getpid());
    touch(dir, name);
    /* kept: live owners (the parent; PID 1, which may not be ours to signal) and every name
     * that is not exactly the pattern */
    static const char *const other[][2] = {
        {".settings.ini.tmp-", ""},
        {"settings.ini.tmp-", "-0"},
        {".settings.ini.tmp-", "-"},
        {".settings.ini.tmp-", "-0x"},
        {".settings.ini.tmp-", "-0.bad"},
        {".tmp-", "-0"},
        {".settings.ini.tmp--", "-0"},
        {".settings.ini.tmp- ", "-0"},
        {"settings.ini.", ".bad"},
        {".settings.ini.tmp-0", "-0"},
        {".settings.ini.tmp-99999999999999999999", "-0"},
        {".settings.ini.tmp-", "-01"},
    };
    enum { OTHERS = sizeof other / sizeof other[0] };
    char kept[OTHERS + 2][96];
    for (size_t i = 0; i < OTHERS; i++) {
        pid_name(kept[i], sizeof kept[i], other[i], dead);
        touch(dir, kept[i]);
    }
    str_format(kept[OTHERS], sizeof kept[0], ".settings.ini.tmp-%ld-0", (long)getppid());
    str_format(kept[OTHERS + 1], sizeof kept[0], ".settings.ini.tmp-1-0");
    touch(dir, kept[OTHERS]);
    touch(dir, kept[OTHERS + 1]);
    /* a folder with a stale name is not a file: left alone */
    char sub[700];
    str_format(name, sizeof name, ".x.tmp-%ld-0", dead);
    str_format(sub, sizeof sub, "%s/%s", dir, name);
    assert_int_equal(mkdir(sub, 0700), 0);
    touch(dir, "settings.ini");
    int before = entries(dir);

    char path[700];
    str_format(path, sizeof path, "%s/settings.ini", dir);
    assert_int_equal(save_remove_stale_temps(save_io_posix(), path), 4);
    assert_int_equal(entries(dir), before - 4);
    for (size_t i = 0; i < OTHERS + 2; i++) {
        if (!exists(dir, kept[i])) {
            print_error("%s was removed\n", kept[i]);
            fail();
        }
    }
    assert_true(exists(dir, name));
    assert_true(exists(dir, "settings.ini"));
    assert_int_equal(save_remove_stale_temps(save_io_posix(), path), 0);
    /* a folder that cannot be read removes nothing */
    assert_int_equal(save_remove_stale_temps(save_io_posix(), "build/test-scratch/no/such/x"), 0);
}

/* Saving a file, and loading one, clear what killed saves left in its folder. */
static void test_save_and_load_clear(void **state)
{
    (void)state;
    const char *d = scratch_dir("temps-save");
    assert_non_null(d);
    char dir[512], name[128], path[700];
    str_copy(dir, sizeof dir, d);
    str_format(path, sizeof path, "%s/settings.ini", dir);
    str_format(name, sizeof name, ".settings.ini.tmp-%ld-0", (long)dead_pid());
    touch(dir, name);
    SaveError e;
    assert_true(save_write_atomic(save_io_posix(), path, "[quiz]\ncount = 5\n", 17, &e));
    assert_false(exists(dir, name));
    assert_int_equal(entries(dir), 1);

    touch(dir, name);
    Settings s;
    settings_init(&s);
    DiagList diags = DIAGLIST_INIT;
    LoadReport report;
    assert_true(settings_load(&s, save_io_posix(), path, 0, &diags, &report));
    assert_int_equal(diags.count, 0);
    assert_int_equal(s.question_count, 5);
    assert_false(exists(dir, name));
    settings_free(&s);
    diag_list_free(&diags);
}

/* Removing goes through SaveIo: a refused unlink is not counted and changes nothing else. */
static int refuse_unlink(void *ctx, const char *path)
{
    (void)ctx;
    (void)path;
    errno = EACCES;
    return -1;
}

static void test_refused_unlink(void **state)
{
    (void)state;
    const char *d = scratch_dir("temps-refused");
    assert_non_null(d);
    char dir[512], name[128], path[700];
    str_copy(dir, sizeof dir, d);
    str_format(path, sizeof path, "%s/scores.ini", dir);
    str_format(name, sizeof name, ".scores.ini.tmp-%ld-0", (long)dead_pid());
    touch(dir, name);
    SaveIo io = *save_io_posix();
    io.unlink = refuse_unlink;
    assert_int_equal(save_remove_stale_temps(&io, path), 0);
    assert_true(exists(dir, name));
    SaveError e;
    assert_true(save_write_atomic(&io, path, "x\n", 2, &e)); /* the save itself still works */
    assert_true(exists(dir, name));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stale_removed_others_kept),
        cmocka_unit_test(test_save_and_load_clear),
        cmocka_unit_test(test_refused_unlink),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
