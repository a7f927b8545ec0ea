/* support.c - helpers for the unit tests. */
#include "support.h"

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
