/* test_save.c - atomic replacement under injected and real failures, the checksummed log with
 * torn and damaged records, setting files aside, and UTC dates. */
#include "support.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/paths.h"
#include "core/save.h"

/* ---- a SaveIo that fails on request ---- */

typedef struct Fault {
    SaveIo io;
    int writes;        /* write calls so far */
    int fail_write_at; /* 1-based write call that fails with ENOSPC; 0 = none */
    size_t chunk;      /* most bytes one write takes (short writes); 0 = all */
    bool eintr;        /* every other write fails with EINTR first */
    bool fail_open, fail_fsync, fail_close, fail_rename, fail_dir_fsync;
    int dir_fd;
} Fault;

static int f_open(void *ctx, const char *path, int flags, mode_t mode)
{
    Fault *f = ctx;
    if (f->fail_open) {
        errno = EROFS;
        return -1;
    }
    return save_io_posix()->open(NULL, path, flags, mode);
}

static int f_open_dir(void *ctx, const char *path)
{
    Fault *f = ctx;
    f->dir_fd = save_io_posix()->open_dir(NULL, path);
    return f->dir_fd;
}

static ssize_t f_write(void *ctx, int fd, const void *buf, size_t len)
{
    Fault *f = ctx;
    f->writes++;
    if (f->eintr && f->writes % 2 == 1) {
        errno = EINTR;
        return -1;
    }
    if (f->fail_write_at && f->writes >= f->fail_write_at) {
        errno = ENOSPC;
        return -1;
    }
    if (f->chunk && len > f->chunk) {
        len = f->chunk;
    }
    return save_io_posix()->write(NULL, fd, buf, len);
}

static ssize_t f_pread(void *ctx, int fd, void *buf, size_t len, off_t off)
{
    return save_io_posix()->pread(NULL, fd, buf, len, off);
}

static int f_fstat(void *ctx, int fd, struct stat *st)
{
    return save_io_posix()->fstat(NULL, fd, st);
}

static int f_fsync(void *ctx, int fd)
{
    Fault *f = ctx;
    if ((f->fail_fsync && fd != f->dir_fd) || (f->fail_dir_fsync && fd == f->dir_fd)) {
        errno = EIO;
        return -1;
    }
    return save_io_posix()->fsync(NULL, fd);
}

static int f_ftruncate(void *ctx, int fd, off_t len)
{
    return save_io_posix()->ftruncate(NULL, fd, len);
}

static int f_close(void *ctx, int fd)
{
    Fault *f = ctx;
    int rc = save_io_posix()->close(NULL, fd);
    if (f->fail_close && fd != f->dir_fd) {
        errno = EIO;
        return -1;
    }
    if (fd == f->dir_fd) {
        f->dir_fd = -1;
    }
    return rc;
}

static int f_rename(void *ctx, const char *from, const char *to)
{
    Fault *f = ctx;
    if (f->fail_rename) {
        errno = EXDEV;
        return -1;
    }
    return save_io_posix()->rename(NULL, from, to);
}

static int f_unlink(void *ctx, const char *path)
{
    return save_io_posix()->unlink(NULL, path);
}

static int f_mkdir(void *ctx, const char *path, mode_t mode)
{
    return save_io_posix()->mkdir(NULL, path, mode);
}

static int f_stat(void *ctx, const char *path, struct stat *st)
{
    return save_io_posix()->stat(NULL, path, st);
}

static void fault_init(Fault *f)
{
    memset(f, 0, sizeof *f);
    f->io = (SaveIo){f_open,  f_open_dir, f_write,  f_pread, f_fstat, f_fsync, f_ftruncate,
                     f_close, f_rename,   f_unlink, f_mkdir, f_stat,  f};
    f->dir_fd = -1;
}

/* ---- helpers ---- */

static char dir_buf[512];

static const char *scratch(const char *name)
{
    const char *d = scratch_dir(name);
    assert_non_null(d);
    str_copy(dir_buf, sizeof dir_buf, d);
    return dir_buf;
}

static void join(char *out, size_t size, const char *dir, const char *name)
{
    assert_true(str_format(out, size, "%s/%s", dir, name));
}

/* Number of entries in `dir` besides . and .. */
static int count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    int n = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0) {
            n++;
        }
    }
    closedir(d);
    return n;
}

static void assert_file(const char *path, const char *want, size_t want_len)
{
    size_t len;
    char *got = read_file(path, &len);
    assert_non_null(got);
    assert_int_equal(len, want_len);
    assert_memory_equal(got, want, want_len);
    free(got);
}

static const char OLD[] = "[score]\ntotal = 1\n";

/* ---- atomic write ---- */

static void test_atomic_replaces(void **state)
{
    (void)state;
    const char *dir = scratch("save-replace");
    char path[600];
    join(path, sizeof path, dir, "scores.ini");
    SaveError e = {0, ""};
    assert_true(save_write_atomic(save_io_posix(), path, "new\n", 4, &e));
    assert_file(path, "new\n", 4);
    assert_true(write_file(path, OLD, strlen(OLD)));
    assert_true(save_write_atomic(save_io_posix(), path, "newer\n", 6, &e));
    assert_file(path, "newer\n", 6);
    assert_int_equal(count_entries(dir), 1);
    /* an empty file is a valid save */
    assert_true(save_write_atomic(save_io_posix(), path, "", 0, &e));
    assert_file(path, "", 0);
}

static void test_atomic_short_writes(void **state)
{
    (void)state;
    const char *dir = scratch("save-short");
    char path[600];
    join(path, sizeof path, dir, "s.ini");
    Fault f;
    fault_init(&f);
    f.chunk = 3;
    f.eintr = true;
    char data[1000];
    for (size_t i = 0; i < sizeof data; i++) {
        data[i] = (char)('a' + i % 26);
    }
    SaveError e;
    assert_true(save_write_atomic(&f.io, path, data, sizeof data, &e));
    assert_file(path, data, sizeof data);
    assert_true(f.writes > 600); /* 334 short writes and as many EINTR */
    assert_int_equal(count_entries(dir), 1);
}

/* Saves with `f` over OLD and checks that it failed cleanly. */
static void expect_failure(Fault *f, const char *name, const char *needle)
{
    const char *dir = scratch(name);
    char path[600];
    join(path, sizeof path, dir, "scores.ini");
    assert_true(write_file(path, OLD, strlen(OLD)));
    SaveError e = {0, ""};
    char big[5000];
    memset(big, 'x', sizeof big);
    assert_false(save_write_atomic(&f->io, path, big, sizeof big, &e));
    assert_non_null(strstr(e.message, "could not save "));
    assert_non_null(strstr(e.message, path));
    assert_non_null(strstr(e.message, needle));
    assert_non_null(strstr(e.message, "(the previous file is unchanged)"));
    assert_int_not_equal(e.err, 0);
    assert_file(path, OLD, strlen(OLD));
    assert_int_equal(count_entries(dir), 1); /* no temporary file left */
}

static void test_atomic_write_fails(void **state)
{
    (void)state;
    for (int n = 1; n <= 4; n++) {
        Fault f;
        fault_init(&f);
        f.chunk = 1500;
        f.fail_write_at = n;
        expect_failure(&f, "save-enospc", "No space left on device");
        assert_int_equal(f.writes, n);
    }
}

static void test_atomic_other_failures(void **state)
{
    (void)state;
    Fault f;
    fault_init(&f);
    f.fail_fsync = true;
    expect_failure(&f, "save-fsync", "Input/output error");
    fault_init(&f);
    f.fail_close = true;
    expect_failure(&f, "save-close", "Input/output error");
    fault_init(&f);
    f.fail_rename = true;
    expect_failure(&f, "save-rename", "Invalid cross-device link");
    fault_init(&f);
    f.fail_open = true;
    expect_failure(&f, "save-open", "Read-only file system");
}

static void test_atomic_new_file_failure(void **state)
{
    (void)state;
    const char *dir = scratch("save-nothing");
    char path[600];
    join(path, sizeof path, dir, "settings.ini");
    Fault f;
    fault_init(&f);
    f.fail_write_at = 1;
    SaveError e;
    assert_false(save_write_atomic(&f.io, path, "x", 1, &e));
    assert_non_null(strstr(e.message, "(nothing was written)"));
    assert_int_equal(count_entries(dir), 0);
}

static void test_atomic_dir_fsync_fails(void **state)
{
    (void)state;
    const char *dir = scratch("save-dirsync");
    char path[600];
    join(path, sizeof path, dir, "scores.ini");
    assert_true(write_file(path, OLD, strlen(OLD)));
    Fault f;
    fault_init(&f);
    f.fail_dir_fsync = true;
    SaveError e;
    assert_false(save_write_atomic(&f.io, path, "new", 3, &e));
    assert_non_null(strstr(e.message, "could not flush its folder"));
    assert_file(path, "new", 3); /* the rename had happened */
    assert_int_equal(count_entries(dir), 1);
}

/* `ulimit -f`: a real EFBIG from the kernel, in a child so the limit does not stay. */
static void test_atomic_real_file_size_limit(void **state)
{
    (void)state;
    const char *dir = scratch("save-ulimit");
    char path[600];
    join(path, sizeof path, dir, "scores.ini");
    char old[3000];
    memset(old, 'o', sizeof old);
    assert_true(write_file(path, old, sizeof old));
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        signal(SIGXFSZ, SIG_IGN);
        struct rlimit rl = {1024, 1024};
        if (setrlimit(RLIMIT_FSIZE, &rl) != 0) {
            _exit(10);
        }
        char data[8192];
        memset(data, 'n', sizeof data);
        SaveError e;
        if (save_write_atomic(save_io_posix(), path, data, sizeof data, &e)) {
            _exit(11);
        }
        if (e.err != EFBIG || !strstr(e.message, "(the previous file is unchanged)")) {
            _exit(12);
        }
        _exit(0);
    }
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    assert_file(path, old, sizeof old);
    assert_int_equal(count_entries(dir), 1);
}

/* ---- folders and reading ---- */

static void test_make_dirs(void **state)
{
    (void)state;
    const char *dir = scratch("save-dirs");
    char deep[600], file[600];
    join(deep, sizeof deep, dir, "a/b/c/");
    SaveError e;
    assert_true(save_make_dirs(save_io_posix(), deep, &e));
    assert_true(paths_is_dir(deep));
    assert_true(save_make_dirs(save_io_posix(), deep, &e)); /* already there */
    join(file, sizeof file, dir, "a/b/c/f.ini");
    assert_true(save_make_parent_dirs(save_io_posix(), file, &e));
    join(file, sizeof file, dir, "plain");
    assert_true(write_file(file, "x", 1));
    join(deep, sizeof deep, dir, "plain/sub");
    assert_false(save_make_dirs(save_io_posix(), deep, &e));
    assert_non_null(strstr(e.message, "could not create the folder"));
}

static void test_read_file(void **state)
{
    (void)state;
    const char *dir = scratch("save-read");
    char path[600];
    join(path, sizeof path, dir, "f");
    char *data;
    size_t len;
    SaveError e;
    assert_int_equal(save_read_file(path, 100, &data, &len, &e), SAVE_READ_MISSING);
    assert_null(data);
    assert_true(write_file(path, "ab\0cd", 5));
    assert_int_equal(save_read_file(path, 100, &data, &len, &e), SAVE_READ_OK);
    assert_int_equal(len, 5);
    assert_memory_equal(data, "ab\0cd", 6);
    free(data);
    assert_int_equal(save_read_file(path, 4, &data, &len, &e), SAVE_READ_TOO_BIG);
    assert_null(data);
    assert_int_equal(save_read_file(dir, 100, &data, &len, &e), SAVE_READ_FAILED);
    assert_non_null(strstr(e.message, "Is a directory"));
}

/* ---- setting aside ---- */

static void test_set_aside(void **state)
{
    (void)state;
    const char *dir = scratch("save-aside");
    char path[600], want[700], aside[700];
    join(path, sizeof path, dir, "scores.ini");
    time_t now = 1795947300; /* 2026-11-29T10:15:00Z */
    SaveError e;
    assert_true(write_file(path, "one", 3));
    assert_true(save_set_aside(save_io_posix(), path, now, aside, sizeof aside, &e));
    str_format(want, sizeof want, "%s.2026-11-29T101500.bad", path);
    assert_string_equal(aside, want);
    assert_file(want, "one", 3);
    assert_false(paths_is_dir(path));
    assert_null(read_file(path, NULL));

    assert_true(write_file(path, "two", 3));
    assert_true(save_set_aside(save_io_posix(), path, now, aside, sizeof aside, &e));
    str_format(want, sizeof want, "%s.2026-11-29T101500-2.bad", path);
    assert_string_equal(aside, want);
    assert_file(want, "two", 3);

    assert_true(write_file(path, "three", 5));
    assert_true(save_set_aside(save_io_posix(), path, now, aside, sizeof aside, &e));
    str_format(want, sizeof want, "%s.2026-11-29T101500-3.bad", path);
    assert_string_equal(aside, want);
    assert_int_equal(count_entries(dir), 3);

    /* a missing file cannot be set aside */
    assert_false(save_set_aside(save_io_posix(), path, now, aside, sizeof aside, &e));
    assert_non_null(strstr(e.message, "No such file"));
}

static void test_quarantine_reports(void **state)
{
    (void)state;
    const char *dir = scratch("save-quarantine");
    char path[600];
    join(path, sizeof path, dir, "settings.ini");
    assert_true(write_file(path, "x", 1));
    DiagList diags = DIAGLIST_INIT;
    LoadReport report = {false, ""};
    Fault f;
    fault_init(&f);
    f.fail_rename = true;
    assert_false(save_quarantine(&f.io, path, 0, "it is damaged", &diags, &report));
    assert_false(report.set_aside);
    assert_true(has_diag(&diags, DIAG_WARNING, 0, "will not be overwritten"));
    assert_true(save_quarantine(save_io_posix(), path, 0, "it is damaged", &diags, &report));
    assert_true(report.set_aside);
    assert_non_null(strstr(report.aside, "settings.ini.1970-01-01T000000.bad"));
    assert_true(has_diag(&diags, DIAG_WARNING, 0, "it is damaged; it was renamed to "));
    diag_list_free(&diags);
}

/* ---- dates ---- */

static void test_dates(void **state)
{
    (void)state;
    char buf[32];
    time_t t;
    assert_true(save_format_time(0, buf, sizeof buf));
    assert_string_equal(buf, "1970-01-01T00:00:00Z");
    assert_true(save_format_time(1795947300, buf, sizeof buf));
    assert_string_equal(buf, "2026-11-29T10:15:00Z");
    assert_true(save_format_time(951782400, buf, sizeof buf));
    assert_string_equal(buf, "2000-02-29T00:00:00Z");
    assert_false(save_format_time(0, buf, 20));
    assert_true(save_parse_time("2026-11-29T10:15:00Z", &t));
    assert_int_equal(t, 1795947300);
    assert_true(save_parse_time("2024-02-29T23:59:59Z", &t));
    assert_false(save_parse_time("2026-02-29T00:00:00Z", &t));
    assert_false(save_parse_time("1900-02-29T00:00:00Z", &t));
    assert_false(save_parse_time("2026-11-29T10:15:00", &t));
    assert_false(save_parse_time("2026-11-29 10:15:00Z", &t));
    assert_false(save_parse_time("2026-13-01T00:00:00Z", &t));
    assert_false(save_parse_time("2026-11-29T24:00:00Z", &t));
    assert_false(save_parse_time("+026-11-29T10:15:00Z", &t));
    /* every day for 130 years, at a varying time of day */
    for (time_t s = 0; s < (time_t)130 * 365 * 86400; s += 86400 + 3607) {
        assert_true(save_format_time(s, buf, sizeof buf));
        assert_true(save_parse_time(buf, &t));
        assert_int_equal(t, s);
    }
}

/* ---- the log ---- */

static void test_crc32(void **state)
{
    (void)state;
    assert_int_equal(save_crc32("123456789", 9), 0xCBF43926u);
    assert_int_equal(save_crc32("", 0), 0);
}

typedef struct Collected {
    char records[32][64];
    int lines[32];
    int count;
} Collected;

static bool collect(void *ctx, const char *record, int line)
{
    Collected *c = ctx;
    if (c->count < 32) {
        str_copy(c->records[c->count], sizeof c->records[0], record);
        c->lines[c->count] = line;
    }
    c->count++;
    return true;
}

static void read_log(const char *path, Collected *c, SaveLogStats *st, DiagList *diags)
{
    memset(c, 0, sizeof *c);
    SaveError e;
    assert_true(save_log_read(path, collect, c, st, diags, &e));
}

static void test_log_round_trip(void **state)
{
    (void)state;
    const char *dir = scratch("log-trip");
    char path[600];
    join(path, sizeof path, dir, "history.log");
    Collected c;
    SaveLogStats st;
    read_log(path, &c, &st, NULL); /* missing: empty */
    assert_int_equal(c.count, 0);
    SaveError e;
    char rec[32];
    for (int i = 0; i < 5; i++) {
        str_format(rec, sizeof rec, "record %d\tÄ", i);
        assert_true(save_log_append(save_io_posix(), path, rec, &e));
    }
    assert_true(save_log_append(save_io_posix(), path, "", &e));
    assert_false(save_log_append(save_io_posix(), path, "two\nlines", &e));
    assert_false(save_log_append(save_io_posix(), path, "cr\r", &e));
    read_log(path, &c, &st, NULL);
    assert_int_equal(c.count, 6);
    assert_int_equal(st.records, 6);
    assert_int_equal(st.torn + st.damaged, 0);
    assert_string_equal(c.records[0], "record 0\tÄ");
    assert_string_equal(c.records[4], "record 4\tÄ");
    assert_string_equal(c.records[5], "");
    assert_int_equal(c.lines[3], 4);
    size_t len;
    char *text = read_file(path, &len);
    assert_non_null(text);
    assert_memory_equal(text, "4a89394c record 0\t", 18);
    free(text);
}

static void test_log_torn_tail(void **state)
{
    (void)state;
    const char *dir = scratch("log-torn");
    char path[600];
    join(path, sizeof path, dir, "history.log");
    SaveError e;
    assert_true(save_log_append(save_io_posix(), path, "first", &e));
    assert_true(save_log_append(save_io_posix(), path, "second", &e));
    size_t keep;
    char *two = read_file(path, &keep);
    assert_true(save_log_append(save_io_posix(), path, "third record", &e));
    size_t full;
    char *all = read_file(path, &full);
    /* cut the last record at every byte */
    for (size_t cut = keep + 1; cut < full; cut++) {
        assert_true(write_file(path, all, cut));
        Collected c;
        SaveLogStats st;
        DiagList diags = DIAGLIST_INIT;
        read_log(path, &c, &st, &diags);
        assert_int_equal(c.count, 2);
        assert_string_equal(c.records[1], "second");
        assert_int_equal(st.torn, 1);
        assert_int_equal(st.damaged, 0);
        assert_int_equal(diags.count, 0);
        diag_list_free(&diags);
    }
    /* appending after a torn tail: the new record reads back, the torn one is reported */
    assert_true(write_file(path, all, full - 4));
    assert_true(save_log_append(save_io_posix(), path, "fourth", &e));
    Collected c;
    SaveLogStats st;
    DiagList diags = DIAGLIST_INIT;
    read_log(path, &c, &st, &diags);
    assert_int_equal(c.count, 3);
    assert_string_equal(c.records[2], "fourth");
    assert_int_equal(c.lines[2], 4);
    assert_int_equal(st.damaged, 1);
    assert_true(has_diag(&diags, DIAG_WARNING, 3, "damaged record skipped"));
    diag_list_free(&diags);
    free(two);
    free(all);
}

static void test_log_damaged_middle(void **state)
{
    (void)state;
    const char *dir = scratch("log-flip");
    char path[600];
    join(path, sizeof path, dir, "history.log");
    SaveError e;
    assert_true(save_log_append(save_io_posix(), path, "alpha", &e));
    assert_true(save_log_append(save_io_posix(), path, "bravo", &e));
    assert_true(save_log_append(save_io_posix(), path, "charlie", &e));
    size_t len;
    char *text = read_file(path, &len);
    char *b = strstr(text, "bravo");
    b[2] ^= 0x01; /* "brwvo" */
    assert_true(write_file(path, text, len));
    Collected c;
    SaveLogStats st;
    DiagList diags = DIAGLIST_INIT;
    read_log(path, &c, &st, &diags);
    assert_int_equal(c.count, 2);
    assert_string_equal(c.records[0], "alpha");
    assert_string_equal(c.records[1], "charlie");
    assert_int_equal(st.damaged, 1);
    assert_int_equal(st.torn, 0);
    assert_true(has_diag(&diags, DIAG_WARNING, 2, "damaged record skipped"));
    diag_list_free(&diags);
    free(text);
}

static void test_log_append_fails(void **state)
{
    (void)state;
    const char *dir = scratch("log-fail");
    char path[600];
    join(path, sizeof path, dir, "history.log");
    SaveError e;
    assert_true(save_log_append(save_io_posix(), path, "kept", &e));
    size_t before;
    char *old = read_file(path, &before);
    Fault f;
    fault_init(&f);
    f.chunk = 5;
    f.fail_write_at = 2; /* five bytes land, then the disk is full */
    assert_false(save_log_append(&f.io, path, "lost record", &e));
    assert_non_null(strstr(e.message, "No space left on device"));
    assert_file(path, old, before); /* cut back */
    fault_init(&f);
    f.fail_fsync = true;
    assert_false(save_log_append(&f.io, path, "lost record", &e));
    assert_file(path, old, before);
    free(old);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_atomic_replaces),
        cmocka_unit_test(test_atomic_short_writes),
        cmocka_unit_test(test_atomic_write_fails),
        cmocka_unit_test(test_atomic_other_failures),
        cmocka_unit_test(test_atomic_new_file_failure),
        cmocka_unit_test(test_atomic_dir_fsync_fails),
        cmocka_unit_test(test_atomic_real_file_size_limit),
        cmocka_unit_test(test_make_dirs),
        cmocka_unit_test(test_read_file),
        cmocka_unit_test(test_set_aside),
        cmocka_unit_test(test_quarantine_reports),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_crc32),
        cmocka_unit_test(test_log_round_trip),
        cmocka_unit_test(test_log_torn_tail),
        cmocka_unit_test(test_log_damaged_middle),
        cmocka_unit_test(test_log_append_fails),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
