/* save_log.c - the append-only, checksummed log (see save.h): CRC-32, appending one record,
 * reading the intact ones back. Never prints; damaged lines go to the caller's DiagList. */
#include "save.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>

#include "paths.h"
#include "save_private.h"
#include "strbuf.h"

uint32_t save_crc32(const void *data, size_t len)
{
    const unsigned char *p = data;
    uint32_t crc = 0xFFFFFFFFu;
    for (size_t i = 0; i < len; i++) {
        crc ^= p[i];
        for (int k = 0; k < 8; k++) {
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
        }
    }
    return crc ^ 0xFFFFFFFFu;
}

bool save_log_append(const SaveIo *io, const char *path, const char *record, SaveError *e)
{
    size_t rlen = strlen(record);
    if (rlen > SAVE_LOG_RECORD_MAX || strpbrk(record, "\r\n")) {
        save_set_error(e, EINVAL, "could not add to %s: the record is too long or has a line break",
                       path);
        return false;
    }
    int fd = io->open(io->ctx, path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        int err = errno;
        save_set_error(e, err, "could not add to %s: %s", path, strerror(err));
        return false;
    }
    struct stat st;
    memset(&st, 0, sizeof st);
    char last = '\n';
    int err = 0;
    if (io->fstat(io->ctx, fd, &st) != 0) {
        err = errno;
    } else if (st.st_size > 0 && io->pread(io->ctx, fd, &last, 1, st.st_size - 1) != 1) {
        err = errno ? errno : EIO;
    }
    if (err == 0) {
        StrBuf line = STRBUF_INIT;
        if (last != '\n') {
            strbuf_puts(&line, "\n"); /* never glue a record to a torn one */
        }
        strbuf_printf(&line, "%08lx %s\n", (unsigned long)save_crc32(record, rlen), record);
        if (line.oom) {
            err = ENOMEM;
        } else if (!save_write_all(io, fd, line.data, line.len) || io->fsync(io->ctx, fd) != 0) {
            err = errno;
            io->ftruncate(io->ctx, fd, st.st_size); /* best effort: drop the partial line */
        }
        strbuf_free(&line);
    }
    if (io->close(io->ctx, fd) != 0 && err == 0) {
        err = errno;
    }
    if (err == 0 && st.st_size == 0) {
        char dir[PATHS_MAX];
        const char *base;
        if (save_split_path(path, dir, sizeof dir, &base) && !save_sync_dir(io, dir)) {
            err = errno;
        }
    }
    if (err != 0) {
        save_set_error(e, err, "could not add to %s: %s (the earlier records are unchanged)", path,
                       strerror(err));
        return false;
    }
    return true;
}

/* True when `line` is "xxxxxxxx record" with a matching checksum. */
static bool log_line_ok(const char *line, size_t len)
{
    if (len < 9 || line[8] != ' ' || memchr(line, '\0', len) || memchr(line, '\r', len)) {
        return false;
    }
    uint32_t want = 0;
    for (int i = 0; i < 8; i++) {
        char c = line[i];
        int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (v < 0) {
            return false;
        }
        want = want << 4 | (uint32_t)v;
    }
    return save_crc32(line + 9, len - 9) == want;
}

bool save_log_read(const char *path, SaveLogFn fn, void *ctx, SaveLogStats *stats, DiagList *diags,
                   SaveError *e)
{
    SaveLogStats local = {0, 0, 0};
    SaveLogStats *st = stats ? stats : &local;
    *st = local;
    char *data;
    size_t len;
    SaveReadStatus rs = save_read_file(path, SAVE_LOG_MAX_BYTES, &data, &len, e);
    if (rs == SAVE_READ_MISSING) {
        return true;
    }
    if (rs != SAVE_READ_OK) {
        return false;
    }
    size_t pos = 0;
    int lineno = 0;
    while (pos < len) {
        lineno++;
        char *line = data + pos;
        char *nl = memchr(line, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - line) : len - pos;
        pos += n + (nl ? 1 : 0);
        bool last = pos >= len;
        if (n == 0) {
            continue; /* an empty line holds nothing to lose */
        }
        if (!nl || !log_line_ok(line, n)) {
            if (last) {
                st->torn++;
            } else {
                st->damaged++;
                if (diags) {
                    diag_add(diags, DIAG_WARNING, path, lineno,
                             "damaged record skipped (its checksum does not match)");
                }
            }
            continue;
        }
        line[n] = '\0';
        st->records++;
        if (!fn(ctx, line + 9, lineno)) {
            break;
        }
    }
    free(data);
    return true;
}
