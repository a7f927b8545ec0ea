/* save.c - atomic file replacement, reading whole files, setting damaged files aside and UTC
 * dates. The append-only log lives at the end of this file. Never prints, never reads a clock. */
#include "save.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "paths.h"
#include "strbuf.h"

/* ---- the real system calls ---- */

static int posix_open(void *ctx, const char *path, int flags, mode_t mode)
{
    (void)ctx;
    return open(path, flags, mode);
}

static int posix_open_dir(void *ctx, const char *path)
{
    (void)ctx;
    return open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

static ssize_t posix_write(void *ctx, int fd, const void *buf, size_t len)
{
    (void)ctx;
    return write(fd, buf, len);
}

static ssize_t posix_pread(void *ctx, int fd, void *buf, size_t len, off_t offset)
{
    (void)ctx;
    return pread(fd, buf, len, offset);
}

static int posix_fstat(void *ctx, int fd, struct stat *st)
{
    (void)ctx;
    return fstat(fd, st);
}

static int posix_fsync(void *ctx, int fd)
{
    (void)ctx;
    return fsync(fd);
}

static int posix_ftruncate(void *ctx, int fd, off_t len)
{
    (void)ctx;
    return ftruncate(fd, len);
}

static int posix_close(void *ctx, int fd)
{
    (void)ctx;
    return close(fd);
}

static int posix_rename(void *ctx, const char *from, const char *to)
{
    (void)ctx;
    return rename(from, to);
}

static int posix_unlink(void *ctx, const char *path)
{
    (void)ctx;
    return unlink(path);
}

static int posix_mkdir(void *ctx, const char *path, mode_t mode)
{
    (void)ctx;
    return mkdir(path, mode);
}

static int posix_stat(void *ctx, const char *path, struct stat *st)
{
    (void)ctx;
    return stat(path, st);
}

const SaveIo *save_io_posix(void)
{
    static const SaveIo io = {
        posix_open,  posix_open_dir,  posix_write, posix_pread,  posix_fstat,
        posix_fsync, posix_ftruncate, posix_close, posix_rename, posix_unlink,
        posix_mkdir, posix_stat,      NULL,
    };
    return &io;
}

/* ---- helpers ---- */

static void set_error(SaveError *e, int err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void set_error(SaveError *e, int err, const char *fmt, ...)
{
    if (!e) {
        return;
    }
    e->err = err;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->message, sizeof e->message, fmt, ap);
    va_end(ap);
}

/* Writes all `len` bytes, retrying EINTR and short writes. A write of 0 bytes counts as a full
 * disk, so the loop always ends. */
static bool write_all(const SaveIo *io, int fd, const char *p, size_t len)
{
    while (len > 0) {
        ssize_t n = io->write(io->ctx, fd, p, len);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return false;
        }
        if (n == 0) {
            errno = ENOSPC;
            return false;
        }
        p += n;
        len -= (size_t)n;
    }
    return true;
}

/* Splits `path` into its folder (or ".") and its last component. */
static bool split_path(const char *path, char *dir, size_t dir_size, const char **base)
{
    const char *slash = strrchr(path, '/');
    if (!slash) {
        *base = path;
        return str_copy(dir, dir_size, ".");
    }
    *base = slash + 1;
    size_t n = slash == path ? 1 : (size_t)(slash - path);
    if (n >= dir_size) {
        return false;
    }
    memcpy(dir, path, n);
    dir[n] = '\0';
    return true;
}

/* fsyncs a folder so a rename or a new file in it survives a crash. File systems that cannot
 * sync a folder (EINVAL, ENOTSUP) count as success. */
static bool sync_dir(const SaveIo *io, const char *dir)
{
    int fd = io->open_dir(io->ctx, dir);
    if (fd < 0) {
        return false;
    }
    int rc = io->fsync(io->ctx, fd);
    int err = errno;
    io->close(io->ctx, fd);
    if (rc != 0 && err != EINVAL && err != ENOTSUP) {
        errno = err;
        return false;
    }
    return true;
}

static bool exists(const SaveIo *io, const char *path)
{
    struct stat st;
    return io->stat(io->ctx, path, &st) == 0;
}

/* ---- atomic write ---- */

bool save_write_atomic(const SaveIo *io, const char *path, const void *data, size_t len,
                       SaveError *e)
{
    const char *keep = exists(io, path) ? "the previous file is unchanged" : "nothing was written";
    char dir[PATHS_MAX];
    const char *base;
    if (!split_path(path, dir, sizeof dir, &base) || *base == '\0') {
        set_error(e, EINVAL, "could not save %s: not a file name", path);
        return false;
    }
    char tmp[PATHS_MAX + 64];
    int fd = -1;
    for (unsigned n = 0; fd < 0 && n < 100; n++) {
        if (!str_format(tmp, sizeof tmp, "%s/.%s.tmp-%ld-%u", dir, base, (long)getpid(), n)) {
            set_error(e, ENAMETOOLONG, "could not save %s: the path is too long (%s)", path, keep);
            return false;
        }
        fd = io->open(io->ctx, tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0 && errno != EEXIST) {
            break;
        }
    }
    if (fd < 0) {
        int err = errno;
        set_error(e, err, "could not save %s: %s (%s)", path, strerror(err), keep);
        return false;
    }
    int err = 0;
    if (!write_all(io, fd, data, len) || io->fsync(io->ctx, fd) != 0) {
        err = errno;
    }
    if (io->close(io->ctx, fd) != 0 && err == 0) {
        err = errno;
    }
    if (err == 0 && io->rename(io->ctx, tmp, path) != 0) {
        err = errno;
    }
    if (err != 0) {
        io->unlink(io->ctx, tmp);
        set_error(e, err, "could not save %s: %s (%s)", path, strerror(err), keep);
        return false;
    }
    if (!sync_dir(io, dir)) {
        err = errno;
        set_error(e, err,
                  "saved %s, but could not flush its folder: %s (a system crash now could "
                  "lose the change)",
                  path, strerror(err));
        return false;
    }
    return true;
}

bool save_make_dirs(const SaveIo *io, const char *dir, SaveError *e)
{
    char buf[PATHS_MAX];
    if (!str_copy(buf, sizeof buf, dir) || buf[0] == '\0') {
        set_error(e, ENAMETOOLONG, "could not create the folder %s: bad path", dir);
        return false;
    }
    size_t len = strlen(buf);
    while (len > 1 && buf[len - 1] == '/') {
        buf[--len] = '\0';
    }
    /* create each prefix in turn; existing ones give EEXIST */
    for (size_t i = 1; i <= len; i++) {
        if (buf[i] != '/' && buf[i] != '\0') {
            continue;
        }
        char c = buf[i];
        buf[i] = '\0';
        if (io->mkdir(io->ctx, buf, 0700) != 0 && errno != EEXIST) {
            int err = errno;
            set_error(e, err, "could not create the folder %s: %s", buf, strerror(err));
            return false;
        }
        buf[i] = c;
    }
    struct stat st;
    if (io->stat(io->ctx, buf, &st) != 0 || !S_ISDIR(st.st_mode)) {
        set_error(e, ENOTDIR, "could not create the folder %s: %s", buf, strerror(ENOTDIR));
        return false;
    }
    return true;
}

bool save_make_parent_dirs(const SaveIo *io, const char *path, SaveError *e)
{
    char dir[PATHS_MAX];
    const char *base;
    if (!strchr(path, '/')) {
        return true;
    }
    if (!split_path(path, dir, sizeof dir, &base)) {
        set_error(e, ENAMETOOLONG, "could not save %s: the path is too long", path);
        return false;
    }
    return save_make_dirs(io, dir, e);
}

/* ---- reading ---- */

SaveReadStatus save_read_file(const char *path, size_t max_bytes, char **data, size_t *len,
                              SaveError *e)
{
    *data = NULL;
    *len = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        int err = errno;
        set_error(e, err, "could not read %s: %s", path, strerror(err));
        return err == ENOENT ? SAVE_READ_MISSING : SAVE_READ_FAILED;
    }
    struct stat st;
    int stat_rc = fstat(fd, &st);
    if (stat_rc != 0 || S_ISDIR(st.st_mode)) {
        int err = stat_rc != 0 ? errno : EISDIR;
        close(fd);
        set_error(e, err, "could not read %s: %s", path, strerror(err));
        return SAVE_READ_FAILED;
    }
    StrBuf sb = STRBUF_INIT;
    char buf[16384];
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            int err = errno;
            close(fd);
            strbuf_free(&sb);
            set_error(e, err, "could not read %s: %s", path, strerror(err));
            return SAVE_READ_FAILED;
        }
        if (n == 0) {
            break;
        }
        if (sb.len + (size_t)n > max_bytes) {
            close(fd);
            strbuf_free(&sb);
            set_error(e, EFBIG, "could not read %s: it is larger than %zu bytes", path, max_bytes);
            return SAVE_READ_TOO_BIG;
        }
        strbuf_append(&sb, buf, (size_t)n);
    }
    close(fd);
    if (sb.oom) {
        strbuf_free(&sb);
        set_error(e, ENOMEM, "could not read %s: out of memory", path);
        return SAVE_READ_FAILED;
    }
    *len = sb.len;
    *data = sb.data ? sb.data : calloc(1, 1);
    if (!*data) {
        set_error(e, ENOMEM, "could not read %s: out of memory", path);
        return SAVE_READ_FAILED;
    }
    return SAVE_READ_OK;
}

/* ---- dates ---- */

/* Days since 1970-01-01 of a proleptic Gregorian date. Years are counted from March so that
 * the leap day is the last day of the counted year; 146097 days make a 400-year era. */
static long long days_from_civil(long long y, int m, int d)
{
    if (m <= 2) {
        y -= 1;
    }
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long year_of_era = y - era * 400;
    int month_from_march = m > 2 ? m - 3 : m + 9;
    long long day_of_year = (153 * month_from_march + 2) / 5 + d - 1;
    long long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468; /* 719468: days from 0000-03-01 to 1970-01-01 */
}

/* The inverse of days_from_civil. */
static void civil_from_days(long long z, long long *y, int *m, int *d)
{
    z += 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2 ? 1 : 0);
}

typedef struct Utc {
    long long year;
    int month, day, hour, minute, second;
} Utc;

static Utc utc_from_time(time_t t)
{
    long long s = (long long)t;
    long long days = s >= 0 ? s / 86400 : -((-s + 86399) / 86400);
    long long rest = s - days * 86400;
    Utc u;
    civil_from_days(days, &u.year, &u.month, &u.day);
    u.hour = (int)(rest / 3600);
    u.minute = (int)(rest / 60 % 60);
    u.second = (int)(rest % 60);
    return u;
}

bool save_format_time(time_t t, char *out, size_t size)
{
    Utc u = utc_from_time(t);
    return str_format(out, size, "%04lld-%02d-%02dT%02d:%02d:%02dZ", u.year, u.month, u.day, u.hour,
                      u.minute, u.second);
}

/* Reads exactly `n` digits. */
static bool digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

bool save_parse_time(const char *text, time_t *out)
{
    /* 2026-11-29T10:15:00Z */
    int y, mo, d, h, mi, s;
    if (strlen(text) != 20 || !digits(text, 4, &y) || text[4] != '-' || !digits(text + 5, 2, &mo) ||
        text[7] != '-' || !digits(text + 8, 2, &d) || text[10] != 'T' ||
        !digits(text + 11, 2, &h) || text[13] != ':' || !digits(text + 14, 2, &mi) ||
        text[16] != ':' || !digits(text + 17, 2, &s) || text[19] != 'Z') {
        return false;
    }
    static const int month_days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > month_days[mo - 1] ||
        (mo == 2 && d == 29 && !leap) || h > 23 || mi > 59 || s > 59) {
        return false;
    }
    long long v = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
    if ((long long)(time_t)v != v) {
        return false; /* beyond a 32-bit time_t */
    }
    *out = (time_t)v;
    return true;
}

/* ---- setting a damaged file aside ---- */

bool save_set_aside(const SaveIo *io, const char *path, time_t now, char *aside, size_t aside_size,
                    SaveError *e)
{
    Utc u = utc_from_time(now);
    char stamp[40];
    str_format(stamp, sizeof stamp, "%04lld-%02d-%02dT%02d%02d%02d", u.year, u.month, u.day, u.hour,
               u.minute, u.second);
    char name[PATHS_MAX + 64];
    for (int n = 1; n < 1000; n++) {
        bool fits = n == 1 ? str_format(name, sizeof name, "%s.%s.bad", path, stamp)
                           : str_format(name, sizeof name, "%s.%s-%d.bad", path, stamp, n);
        if (!fits) {
            set_error(e, ENAMETOOLONG, "could not set %s aside: the path is too long", path);
            return false;
        }
        if (exists(io, name)) {
            continue;
        }
        if (io->rename(io->ctx, path, name) != 0) {
            int err = errno;
            set_error(e, err, "could not set %s aside: %s", path, strerror(err));
            return false;
        }
        char dir[PATHS_MAX];
        const char *base;
        if (split_path(path, dir, sizeof dir, &base)) {
            sync_dir(io, dir); /* the rename is done; a failed flush changes nothing here */
        }
        if (aside && !str_copy(aside, aside_size, name)) {
            aside[0] = '\0';
        }
        return true;
    }
    set_error(e, EEXIST, "could not set %s aside: too many earlier copies", path);
    return false;
}

bool save_quarantine(const SaveIo *io, const char *path, time_t now, const char *why,
                     DiagList *diags, LoadReport *report)
{
    char aside[PATHS_MAX + 64];
    SaveError e;
    if (save_set_aside(io, path, now, aside, sizeof aside, &e)) {
        diag_add(diags, DIAG_WARNING, path, 0,
                 "%s; it was renamed to %s and defaults are used for what could not be read", why,
                 aside);
        if (report) {
            report->set_aside = true;
            str_copy(report->aside, sizeof report->aside, aside);
        }
        return true;
    }
    diag_add(diags, DIAG_WARNING, path, 0,
             "%s, and %s; the file is left as it is and will not be overwritten", why, e.message);
    return false;
}

/* ---- the append-only log ---- */

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
        set_error(e, EINVAL, "could not add to %s: the record is too long or has a line break",
                  path);
        return false;
    }
    int fd = io->open(io->ctx, path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        int err = errno;
        set_error(e, err, "could not add to %s: %s", path, strerror(err));
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
        } else if (!write_all(io, fd, line.data, line.len) || io->fsync(io->ctx, fd) != 0) {
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
        if (split_path(path, dir, sizeof dir, &base) && !sync_dir(io, dir)) {
            err = errno;
        }
    }
    if (err != 0) {
        set_error(e, err, "could not add to %s: %s (the earlier records are unchanged)", path,
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
