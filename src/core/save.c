/* save.c - atomic file replacement, creating folders, reading whole files and setting damaged
 * files aside. The system calls are in save_io.c, dates in save_time.c, the append-only log in
 * save_log.c. Never prints, never reads a clock. */
#include "save.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "paths.h"
#include "save_private.h"
#include "strbuf.h"

/* Reads a decimal number at *p as printf's %ld or %u writes it (no sign, no leading zero) into
 * *out; false when there is none or it overflows. */
static bool read_number(const char **p, long *out)
{
    long v = 0;
    const char *s = *p;
    if (s[0] == '0' && s[1] >= '0' && s[1] <= '9') {
        return false;
    }
    while (*s >= '0' && *s <= '9') {
        if (v > (LONG_MAX - 9) / 10) {
            return false;
        }
        v = v * 10 + (*s++ - '0');
    }
    if (s == *p) {
        return false;
    }
    *p = s;
    *out = v;
    return true;
}

/* The PID in a temporary file's name ".NAME.tmp-PID-N"; 0 when `name` is not one. */
static pid_t temp_owner(const char *name)
{
    if (name[0] != '.') {
        return 0;
    }
    const char *tag = NULL;
    for (const char *p = strstr(name + 1, ".tmp-"); p; p = strstr(p + 1, ".tmp-")) {
        tag = p;
    }
    if (!tag || tag == name + 1) {
        return 0; /* no ".tmp-", or no NAME before it */
    }
    const char *p = tag + 5;
    long pid = 0, n = 0;
    if (!read_number(&p, &pid) || *p++ != '-' || !read_number(&p, &n) || *p != '\0' || pid <= 0 ||
        (long)(pid_t)pid != pid) {
        return 0;
    }
    return (pid_t)pid;
}

int save_remove_stale_temps(const SaveIo *io, const char *path)
{
    char dir[PATHS_MAX];
    const char *base;
    if (!save_split_path(path, dir, sizeof dir, &base)) {
        return 0;
    }
    DIR *d = opendir(dir);
    if (!d) {
        return 0;
    }
    int removed = 0;
    pid_t self = getpid();
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        pid_t owner = temp_owner(de->d_name);
        /* EPERM: a running process of another user */
        if (owner == 0 || (owner != self && (kill(owner, 0) == 0 || errno != ESRCH))) {
            continue;
        }
        char tmp[PATHS_MAX + 256];
        if (str_format(tmp, sizeof tmp, "%s/%s", dir, de->d_name) &&
            io->unlink(io->ctx, tmp) == 0) {
            removed++;
        }
    }
    closedir(d);
    return removed;
}

bool save_write_atomic(const SaveIo *io, const char *path, const void *data, size_t len,
                       SaveError *e)
{
    const char *keep =
        save_exists(io, path) ? "the previous file is unchanged" : "nothing was written";
    char dir[PATHS_MAX];
    const char *base;
    if (!save_split_path(path, dir, sizeof dir, &base) || *base == '\0') {
        save_set_error(e, EINVAL, "could not save %s: not a file name", path);
        return false;
    }
    save_remove_stale_temps(io, path);
    char tmp[PATHS_MAX + 64];
    int fd = -1;
    for (unsigned n = 0; fd < 0 && n < 100; n++) {
        if (!str_format(tmp, sizeof tmp, "%s/.%s.tmp-%ld-%u", dir, base, (long)getpid(), n)) {
            save_set_error(e, ENAMETOOLONG, "could not save %s: the path is too long (%s)", path,
                           keep);
            return false;
        }
        fd = io->open(io->ctx, tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (fd < 0 && errno != EEXIST) {
            break;
        }
    }
    if (fd < 0) {
        int err = errno;
        save_set_error(e, err, "could not save %s: %s (%s)", path, strerror(err), keep);
        return false;
    }
    int err = 0;
    if (!save_write_all(io, fd, data, len) || io->fsync(io->ctx, fd) != 0) {
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
        save_set_error(e, err, "could not save %s: %s (%s)", path, strerror(err), keep);
        return false;
    }
    if (!save_sync_dir(io, dir)) {
        err = errno;
        save_set_error(e, err,
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
        save_set_error(e, ENAMETOOLONG, "could not create the folder %s: bad path", dir);
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
            save_set_error(e, err, "could not create the folder %s: %s", buf, strerror(err));
            return false;
        }
        buf[i] = c;
    }
    struct stat st;
    if (io->stat(io->ctx, buf, &st) != 0 || !S_ISDIR(st.st_mode)) {
        save_set_error(e, ENOTDIR, "could not create the folder %s: %s", buf, strerror(ENOTDIR));
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
    if (!save_split_path(path, dir, sizeof dir, &base)) {
        save_set_error(e, ENAMETOOLONG, "could not save %s: the path is too long", path);
        return false;
    }
    return save_make_dirs(io, dir, e);
}

SaveReadStatus save_read_file(const char *path, size_t max_bytes, char **data, size_t *len,
                              SaveError *e)
{
    *data = NULL;
    *len = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        int err = errno;
        save_set_error(e, err, "could not read %s: %s", path, strerror(err));
        return err == ENOENT ? SAVE_READ_MISSING : SAVE_READ_FAILED;
    }
    struct stat st;
    int stat_rc = fstat(fd, &st);
    if (stat_rc != 0 || S_ISDIR(st.st_mode)) {
        int err = stat_rc != 0 ? errno : EISDIR;
        close(fd);
        save_set_error(e, err, "could not read %s: %s", path, strerror(err));
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
            save_set_error(e, err, "could not read %s: %s", path, strerror(err));
            return SAVE_READ_FAILED;
        }
        if (n == 0) {
            break;
        }
        if (sb.len + (size_t)n > max_bytes) {
            close(fd);
            strbuf_free(&sb);
            save_set_error(e, EFBIG, "could not read %s: it is larger than %zu bytes", path,
                           max_bytes);
            return SAVE_READ_TOO_BIG;
        }
        strbuf_append(&sb, buf, (size_t)n);
    }
    close(fd);
    if (sb.oom) {
        strbuf_free(&sb);
        save_set_error(e, ENOMEM, "could not read %s: out of memory", path);
        return SAVE_READ_FAILED;
    }
    *len = sb.len;
    *data = sb.data ? sb.data : calloc(1, 1);
    if (!*data) {
        save_set_error(e, ENOMEM, "could not read %s: out of memory", path);
        return SAVE_READ_FAILED;
    }
    return SAVE_READ_OK;
}

bool save_set_aside(const SaveIo *io, const char *path, time_t now, char *aside, size_t aside_size,
                    SaveError *e)
{
    SaveUtc u = save_utc_from_time(now);
    char stamp[40];
    str_format(stamp, sizeof stamp, "%04lld-%02d-%02dT%02d%02d%02d", u.year, u.month, u.day, u.hour,
               u.minute, u.second);
    char name[PATHS_MAX + 64];
    for (int n = 1; n < 1000; n++) {
        bool fits = n == 1 ? str_format(name, sizeof name, "%s.%s.bad", path, stamp)
                           : str_format(name, sizeof name, "%s.%s-%d.bad", path, stamp, n);
        if (!fits) {
            save_set_error(e, ENAMETOOLONG, "could not set %s aside: the path is too long", path);
            return false;
        }
        if (save_exists(io, name)) {
            continue;
        }
        if (io->rename(io->ctx, path, name) != 0) {
            int err = errno;
            save_set_error(e, err, "could not set %s aside: %s", path, strerror(err));
            return false;
        }
        char dir[PATHS_MAX];
        const char *base;
        if (save_split_path(path, dir, sizeof dir, &base)) {
            save_sync_dir(io, dir); /* the rename is done; a failed flush changes nothing here */
        }
        if (aside && !str_copy(aside, aside_size, name)) {
            aside[0] = '\0';
        }
        return true;
    }
    save_set_error(e, EEXIST, "could not set %s aside: too many earlier copies", path);
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

bool save_load_begin(const SaveIo *io, const char *path, size_t max_bytes, time_t now,
                     DiagList *diags, LoadReport *report, char **data, size_t *len, bool *blocked,
                     bool *result)
{
    if (report) {
        report->set_aside = false;
        report->aside[0] = '\0';
    }
    save_remove_stale_temps(io, path);
    SaveError e;
    SaveReadStatus rs = save_read_file(path, max_bytes, data, len, &e);
    if (rs == SAVE_READ_OK) {
        return true;
    }
    *result = rs == SAVE_READ_MISSING;
    if (rs != SAVE_READ_MISSING) {
        bool aside = save_quarantine(io, path, now, e.message, diags, report);
        *blocked = !aside;
        *result = rs == SAVE_READ_TOO_BIG && aside;
    }
    return false;
}

bool save_load_finish(const SaveIo *io, const char *path, bool sound, const char *why, time_t now,
                      DiagList *diags, LoadReport *report, bool *blocked)
{
    if (!sound && !save_quarantine(io, path, now, why, diags, report)) {
        *blocked = true;
        return false;
    }
    return true;
}

bool save_refuse_blocked(const char *path, SaveError *e)
{
    e->err = 0;
    str_format(e->message, sizeof e->message,
               "not saving %s: the file there could not be read or set aside, so it is left as "
               "it is",
               path);
    return false;
}
