/* save_private.h - helpers shared by the files of the save module (save*.c). Private: nothing
 * outside src/core/save*.c may include it; the public API is save.h. */
#ifndef QUIZDECK_SAVE_PRIVATE_H
#define QUIZDECK_SAVE_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "save.h"

/* Fills `e` (may be NULL) with `err` and a formatted message. */
void save_set_error(SaveError *e, int err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Writes all `len` bytes, retrying EINTR and short writes. A write of 0 bytes counts as a full
 * disk, so the loop always ends. */
bool save_write_all(const SaveIo *io, int fd, const char *p, size_t len);

/* Splits `path` into its folder (or ".") and its last component. */
bool save_split_path(const char *path, char *dir, size_t dir_size, const char **base);

/* fsyncs a folder so a rename or a new file in it survives a crash. File systems that cannot
 * sync a folder (EINVAL, ENOTSUP) count as success. */
bool save_sync_dir(const SaveIo *io, const char *dir);

/* True when `path` exists (io->stat succeeds). */
bool save_exists(const SaveIo *io, const char *path);

/* A moment in UTC, broken down. */
typedef struct SaveUtc {
    long long year;
    int month, day, hour, minute, second;
} SaveUtc;

/* `t` broken down as UTC (proleptic Gregorian, no leap seconds). */
SaveUtc save_utc_from_time(time_t t);

#endif
