/* support.c - helpers for the unit tests. */
#include "support.h"

#include <dirent.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

Pack *load_string(const char *text, DiagList *diags)
{
    return pack_load_buffer("test.ini", text, strlen(text), diags);
}

bool has_diag(const DiagList *diags, DiagLevel level, int line, const char *needle)
{
    for (size_t i = 0; i < diags->count; i++) {
        const Diag *d = &diags->items[i];
        if (d->level == level && d->line == line && strstr(d->message, needle)) {
            return true;
        }
    }
    return false;
}

char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        return NULL;
    }
    StrBuf sb = STRBUF_INIT;
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        strbuf_append(&sb, buf, n);
    }
    fclose(f);
    if (len) {
        *len = sb.len;
    }
    if (!sb.data) {
        return calloc(1, 1);
    }
    return sb.data;
}

bool write_file(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        return false;
    }
    bool ok = fwrite(data, 1, len, f) == len;
    return fclose(f) == 0 && ok;
}

const char *scratch_dir(const char *name)
{
    static char path[512];
    char cmd[1200];
    str_format(path, sizeof path, "build/test-scratch/%s", name);
    str_format(cmd, sizeof cmd, "rm -rf '%s' && mkdir -p '%s'", path, path);
    if (system(cmd) != 0) {
        return NULL;
    }
    return path;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int golden_check_dir(const char *area, const char *kind, const char *ext, GoldenDumpFn dump,
                     GoldenCheckFn check)
{
    char dir[256];
    str_format(dir, sizeof dir, "tests/fixtures/%s/%s", area, kind);
    DIR *d = opendir(dir);
    assert_non_null(d);
    char *names[512];
    int n = 0;
    size_t ext_len = strlen(ext);
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < 512) {
        size_t len = strlen(e->d_name);
        if (len > ext_len && strcmp(e->d_name + len - ext_len, ext) == 0) {
            names[n++] = strdup(e->d_name);
        }
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof names[0], compare_names);
    bool update = getenv("UPDATE_GOLDEN") != NULL;
    int failures = 0;
    for (int i = 0; i < n; i++) {
        char path[512], expected_path[512];
        str_format(path, sizeof path, "%s/%s", dir, names[i]);
        str_format(expected_path, sizeof expected_path, "tests/expected/%s/%s-%.*s.txt", area, kind,
                   (int)(strlen(names[i]) - ext_len), names[i]);
        StrBuf got = STRBUF_INIT;
        dump(path, &got);
        const char *complaint = check ? check(path, strbuf_cstr(&got)) : NULL;
        if (complaint) {
            fprintf(stderr, "%s: %s:\n%s", path, complaint, strbuf_cstr(&got));
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
                fprintf(stderr, "%s differs from %s (UPDATE_GOLDEN=1 rewrites); got:\n%s\n", path,
                        expected_path, strbuf_cstr(&got));
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
