/* common.c - the helpers every harness of tests/fuzz/ shares (see fuzz.h): the promise check,
 * the scratch folder and a SaveIo without fsync. */
#include "fuzz.h"

#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char *fuzz_input_name;

static char scratch[4096];

void fuzz_check(bool ok, const char *fmt, ...)
{
    if (ok) {
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    if (fuzz_input_name) {
        fprintf(stderr, "%s: ", fuzz_input_name);
    }
    fputs("fuzz: broken promise: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputs("\n", stderr);
    va_end(ap);
    abort();
}

char *fuzz_strndup(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    fuzz_check(s != NULL, "out of memory");
    if (size > 0) {
        memcpy(s, data, size);
    }
    s[size] = '\0';
    return s;
}

void fuzz_clear(void)
{
    DIR *d = scratch[0] ? opendir(scratch) : NULL;
    if (!d) {
        return;
    }
    struct dirent *e;
    char path[sizeof scratch + 256];
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0 &&
            str_format(path, sizeof path, "%s/%s", scratch, e->d_name)) {
            unlink(path);
        }
    }
    closedir(d);
}

static void remove_scratch(void)
{
    fuzz_clear();
    rmdir(scratch);
}

void fuzz_path(char *out, size_t size, const char *name)
{
    if (!scratch[0]) {
        const char *tmp = getenv("TMPDIR");
        bool fits = str_format(scratch, sizeof scratch, "%s/quizdeck-fuzz-XXXXXX",
                               tmp && *tmp ? tmp : "/tmp");
        fuzz_check(fits && mkdtemp(scratch) != NULL, "cannot make a scratch folder");
        atexit(remove_scratch);
    }
    fuzz_check(str_format(out, size, "%s/%s", scratch, name), "scratch path too long");
}

void fuzz_write(const char *path, const void *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    fuzz_check(f != NULL, "cannot write %s", path);
    bool ok = size == 0 || fwrite(data, 1, size, f) == size;
    ok = fclose(f) == 0 && ok;
    fuzz_check(ok, "cannot write %s", path);
}

static int no_fsync(void *ctx, int fd)
{
    (void)ctx;
    (void)fd;
    return 0;
}

const SaveIo *fuzz_io(void)
{
    static SaveIo io;
    if (!io.open) {
        io = *save_io_posix();
        io.fsync = no_fsync;
    }
    return &io;
}

void fuzz_log_line(StrBuf *out, const char *record)
{
    strbuf_printf(out, "%08x %s\n", (unsigned)save_crc32(record, strlen(record)), record);
}
