/* profile_archive.c - a profile's progress and review log exported as one file, and imported
 * back only when all of it is sound (format in profile.h). Never prints, never reads a clock. */
#include "profile.h"

#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pack.h"
#include "paths.h"
#include "progress.h"
#include "strbuf.h"

#define MAGIC "quizdeck-profile 1"

enum { ARCHIVE_FILES_MAX = 10000 };

static bool fail(SaveError *e, int err, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Fills `e` (may be NULL) and returns false. */
static bool fail(SaveError *e, int err, const char *fmt, ...)
{
    if (e) {
        va_list ap;
        va_start(ap, fmt);
        e->err = err;
        vsnprintf(e->message, sizeof e->message, fmt, ap);
        va_end(ap);
    }
    return false;
}

/* ---- export ---- */

static bool add_file(StrBuf *out, const char *rel, const char *data, size_t len)
{
    strbuf_printf(out, "file %s %zu %08" PRIx32 "\n", rel, len, save_crc32(data, len));
    strbuf_append(out, data, len);
    return strbuf_puts(out, "\n");
}

static bool collect_record(void *ctx, const char *record, int line)
{
    (void)line;
    StrBuf *sb = ctx;
    strbuf_printf(sb, "%08" PRIx32 " %s\n", save_crc32(record, strlen(record)), record);
    return !sb->oom;
}

static int compare_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The pack ids of `dir/progress/<id>.ini`, sorted; malloc'ed strings in *ids. */
static bool progress_ids(const char *dir, char ***ids, size_t *count)
{
    *ids = NULL;
    *count = 0;
    char pdir[PATHS_MAX];
    if (!paths_join(pdir, sizeof pdir, dir, "progress")) {
        return false;
    }
    DIR *d = opendir(pdir);
    if (!d) {
        return errno == ENOENT;
    }
    size_t cap = 0;
    bool ok = true;
    struct dirent *de;
    while (ok && (de = readdir(d)) != NULL) {
        size_t n = strlen(de->d_name);
        char id[PACK_ID_MAX + 1];
        if (n < 5 || n - 4 >= sizeof id || strcmp(de->d_name + n - 4, ".ini") != 0) {
            continue;
        }
        memcpy(id, de->d_name, n - 4);
        id[n - 4] = '\0';
        if (!pack_id_valid(id)) {
            continue;
        }
        if (*count == cap) {
            cap = cap ? cap * 2 : 16;
            char **p = realloc(*ids, cap * sizeof *p);
            ok = p != NULL;
            if (ok) {
                *ids = p;
            }
        }
        char *copy = ok ? malloc(n - 3) : NULL;
        ok = copy != NULL;
        if (ok) {
            memcpy(copy, id, n - 3);
            (*ids)[(*count)++] = copy;
        }
    }
    closedir(d);
    if (*count > 1) {
        qsort(*ids, *count, sizeof **ids, compare_str);
    }
    return ok;
}

static void free_ids(char **ids, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        free(ids[i]);
    }
    free(ids);
}

bool profile_export(const SaveIo *io, const char *data_dir, const char *name, const char *out_path,
                    SaveError *e)
{
    char dir[PATHS_MAX];
    if (!profile_dir(dir, sizeof dir, data_dir, name)) {
        return fail(e, 0, "'%.60s' is not a valid profile name", name ? name : "");
    }
    char **ids;
    size_t count;
    if (!progress_ids(dir, &ids, &count)) {
        free_ids(ids, count);
        return fail(e, errno, "could not list the progress of %s", dir);
    }
    StrBuf out = STRBUF_INIT;
    strbuf_puts(&out, MAGIC "\n");
    bool ok = true;
    size_t files = 0;
    for (size_t i = 0; ok && i < count; i++) {
        char path[PATHS_MAX], rel[PATHS_MAX];
        char *data = NULL;
        size_t len;
        SaveError re;
        ok = progress_file_path(path, sizeof path, dir, ids[i]) &&
             str_format(rel, sizeof rel, "progress/%s.ini", ids[i]);
        SaveReadStatus rs =
            ok ? save_read_file(path, PROGRESS_FILE_MAX, &data, &len, &re) : SAVE_READ_FAILED;
        if (rs == SAVE_READ_MISSING) {
            continue;
        }
        if (rs != SAVE_READ_OK) {
            ok = fail(e, re.err, "could not export: %s", re.message);
            break;
        }
        /* a damaged file would make the archive refuse to import: say so now */
        ProgressFile pf;
        progress_init(&pf, ids[i]);
        DiagList diags = DIAGLIST_INIT;
        bool sound = progress_parse(&pf, path, data, len, &diags) && diags.count == 0;
        progress_free(&pf);
        diag_list_free(&diags);
        if (!sound) {
            free(data);
            ok = fail(e, 0,
                      "could not export: %s is damaged (open the pack once so the sound part is "
                      "kept and the rest set aside)%s",
                      path, "");
            break;
        }
        add_file(&out, rel, data, len);
        files++;
        free(data);
    }
    free_ids(ids, count);
    char log_path[PATHS_MAX];
    if (ok && progress_log_path(log_path, sizeof log_path, dir) && paths_is_dir(dir)) {
        StrBuf log = STRBUF_INIT;
        SaveError le;
        struct stat st;
        if (io->stat(io->ctx, log_path, &st) == 0) {
            ok = save_log_read(log_path, collect_record, &log, NULL, NULL, &le) && !log.oom;
            if (!ok) {
                fail(e, le.err, "could not export: %s", le.message);
            } else {
                add_file(&out, "reviews.log", log.data ? log.data : "", log.len);
                files++;
            }
        }
        strbuf_free(&log);
    }
    strbuf_printf(&out, "end %zu\n", files);
    if (ok && out.oom) {
        ok = fail(e, ENOMEM, "could not export to %s: out of memory", out_path);
    }
    ok = ok && save_make_parent_dirs(io, out_path, e) &&
         save_write_atomic(io, out_path, out.data, out.len, e);
    strbuf_free(&out);
    return ok;
}

/* ---- import ---- */

typedef struct Entry {
    char rel[64];
    const char *data; /* borrowed from the archive text */
    size_t len;
    int line; /* of its `file` line */
} Entry;

/* 1-based line number of byte `at`. */
static int line_of(const char *text, size_t at)
{
    int line = 1;
    for (size_t i = 0; i < at; i++) {
        line += text[i] == '\n';
    }
    return line;
}

/* True when `rel` is a path an archive may hold. */
static bool rel_ok(const char *rel, char *pack_id, size_t size)
{
    pack_id[0] = '\0';
    if (strcmp(rel, "reviews.log") == 0) {
        return true;
    }
    size_t n = strlen(rel);
    if (strncmp(rel, "progress/", 9) != 0 || n < 14 || strcmp(rel + n - 4, ".ini") != 0 ||
        n - 13 >= size) {
        return false;
    }
    memcpy(pack_id, rel + 9, n - 13);
    pack_id[n - 13] = '\0';
    return pack_id_valid(pack_id);
}

/* Every line of a log file must be an intact record. */
static bool log_ok(const char *data, size_t len, const char *path, int first_line, DiagList *diags)
{
    size_t i = 0;
    int line = first_line;
    while (i < len) {
        const char *nl = memchr(data + i, '\n', len - i);
        size_t n = nl ? (size_t)(nl - (data + i)) : len - i;
        const char *s = data + i;
        unsigned crc = 0;
        bool ok = nl && n > 9 && s[8] == ' ' && sscanf(s, "%8x", &crc) == 1 &&
                  memchr(s, '\r', n) == NULL && memchr(s, '\0', n) == NULL &&
                  save_crc32(s + 9, n - 9) == (uint32_t)crc;
        for (int k = 0; ok && k < 8; k++) {
            ok = (s[k] >= '0' && s[k] <= '9') || (s[k] >= 'a' && s[k] <= 'f');
        }
        if (!ok) {
            diag_add(diags, DIAG_ERROR, path, line, "reviews.log: this record is damaged");
            return false;
        }
        i += n + 1;
        line++;
    }
    return true;
}

/* Reads and checks the whole archive; fills `entries`. False with errors in `diags`. */
static bool parse_archive(const char *path, const char *text, size_t len, Entry **entries,
                          size_t *count, DiagList *diags)
{
    *entries = NULL;
    *count = 0;
    size_t at = strlen(MAGIC) + 1;
    if (len < at || memcmp(text, MAGIC "\n", at) != 0) {
        diag_add(diags, DIAG_ERROR, path, 1, "this is not a quizdeck profile export");
        return false;
    }
    size_t cap = 0;
    for (;;) {
        int line = line_of(text, at);
        const char *nl = at < len ? memchr(text + at, '\n', len - at) : NULL;
        char head[256];
        size_t n = nl ? (size_t)(nl - (text + at)) : 0;
        if (!nl || n >= sizeof head) {
            diag_add(diags, DIAG_ERROR, path, line, "the file ends early or a header is damaged");
            return false;
        }
        memcpy(head, text + at, n);
        head[n] = '\0';
        at += n + 1;
        size_t files;
        char rel[64], tail;
        unsigned long long flen;
        unsigned crc;
        if (sscanf(head, "end %zu%c", &files, &tail) == 1) {
            if (files != *count || at != len) {
                diag_add(diags, DIAG_ERROR, path, line, "the end line does not match the files");
                return false;
            }
            return true;
        }
        char pack_id[PACK_ID_MAX + 1];
        if (sscanf(head, "file %63s %llu %8x%c", rel, &flen, &crc, &tail) != 3 ||
            !rel_ok(rel, pack_id, sizeof pack_id) || flen > len - at || len - at - flen < 1 ||
            text[at + flen] != '\n' || *count >= ARCHIVE_FILES_MAX) {
            diag_add(diags, DIAG_ERROR, path, line, "damaged file header '%.80s'", head);
            return false;
        }
        if (save_crc32(text + at, (size_t)flen) != (uint32_t)crc) {
            diag_add(diags, DIAG_ERROR, path, line, "%s: the checksum does not match", rel);
            return false;
        }
        for (size_t i = 0; i < *count; i++) {
            if (strcmp((*entries)[i].rel, rel) == 0) {
                diag_add(diags, DIAG_ERROR, path, line, "%s is in the file twice", rel);
                return false;
            }
        }
        if (*count == cap) {
            cap = cap ? cap * 2 : 16;
            Entry *p = realloc(*entries, cap * sizeof *p);
            if (!p) {
                diag_add(diags, DIAG_ERROR, path, line, "out of memory");
                return false;
            }
            *entries = p;
        }
        Entry *en = &(*entries)[(*count)++];
        str_copy(en->rel, sizeof en->rel, rel);
        en->data = text + at;
        en->len = (size_t)flen;
        en->line = line;
        at += (size_t)flen + 1;
    }
}

/* Checks the contents of every file. */
static bool contents_ok(const char *path, const Entry *entries, size_t count, DiagList *diags)
{
    bool ok = true;
    for (size_t i = 0; i < count; i++) {
        const Entry *en = &entries[i];
        char pack_id[PACK_ID_MAX + 1];
        rel_ok(en->rel, pack_id, sizeof pack_id);
        if (!pack_id[0]) {
            ok = log_ok(en->data, en->len, path, en->line + 1, diags) && ok;
            continue;
        }
        char name[PATHS_MAX];
        str_format(name, sizeof name, "%s:%s", path, en->rel);
        ProgressFile pf;
        progress_init(&pf, pack_id);
        DiagList sub = DIAGLIST_INIT;
        bool sound = progress_parse(&pf, name, en->data, en->len, &sub) && sub.count == 0;
        progress_free(&pf);
        if (!sound) {
            diag_add(diags, DIAG_ERROR, path, en->line, "%s is damaged", en->rel);
            diag_list_move(diags, &sub);
            ok = false;
        }
        diag_list_free(&sub);
    }
    return ok;
}

bool profile_import(const SaveIo *io, const char *data_dir, const char *name, const char *in_path,
                    DiagList *diags, SaveError *e)
{
    char dir[PATHS_MAX];
    if (!profile_dir(dir, sizeof dir, data_dir, name)) {
        return fail(e, 0, "'%.60s' is not a valid profile name", name ? name : "");
    }
    char *text;
    size_t len;
    SaveError re;
    if (save_read_file(in_path, PROFILE_ARCHIVE_MAX, &text, &len, &re) != SAVE_READ_OK) {
        return fail(e, re.err, "could not import: %s", re.message);
    }
    Entry *entries;
    size_t count;
    bool ok = parse_archive(in_path, text, len, &entries, &count, diags) &&
              contents_ok(in_path, entries, count, diags);
    if (!ok) {
        fail(e, 0, "nothing was imported: %s is damaged", in_path);
    }
    ok = ok && profile_create(io, data_dir, name, e);
    /* progress first, the log last */
    for (int pass = 0; ok && pass < 2; pass++) {
        for (size_t i = 0; ok && i < count; i++) {
            bool is_log = strcmp(entries[i].rel, "reviews.log") == 0;
            char target[PATHS_MAX];
            if (is_log != (pass == 1)) {
                continue;
            }
            ok = paths_join(target, sizeof target, dir, entries[i].rel) &&
                 save_write_atomic(io, target, entries[i].data, entries[i].len, e);
        }
    }
    free(entries);
    free(text);
    return ok;
}
