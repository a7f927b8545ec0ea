/* save_io.c - the real system calls behind SaveIo and the low-level helpers the save module
 * shares (errors, full writes, folder syncs). Never prints. */
#include "save.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "save_private.h"
#include "strbuf.h"

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

void save_set_error(SaveError *e, int err, const char *fmt, ...)
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

bool save_write_all(const SaveIo *io, int fd, const char *p, size_t len)
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

bool save_split_path(const char *path, char *dir, size_t dir_size, const char **base)
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

bool save_sync_dir(const SaveIo *io, const char *dir)
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

bool save_exists(const SaveIo *io, const char *path)
{
    struct stat st;
    return io->stat(io->ctx, path, &st) == 0;
}
