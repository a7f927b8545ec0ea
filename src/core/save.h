/* save.h - every file the game writes goes through here: atomic replacement, an append-only
 * checksummed log, setting a damaged file aside, and UTC dates for the files. Pure C11 + POSIX;
 * never prints, never reads a clock (callers pass `now`). All system calls that change files
 * go through a SaveIo table, so tests can make any of them fail on purpose. */
#ifndef QUIZDECK_SAVE_H
#define QUIZDECK_SAVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>

#include "diag.h"

/* The system calls the module makes. Each behaves like the POSIX call of the same name: it
 * returns -1 (or a negative count) and sets errno on failure. `ctx` is passed to every call. */
typedef struct SaveIo {
    int (*open)(void *ctx, const char *path, int flags, mode_t mode);
    int (*open_dir)(void *ctx, const char *path); /* a folder opened read-only, for fsync */
    ssize_t (*write)(void *ctx, int fd, const void *buf, size_t len);
    ssize_t (*pread)(void *ctx, int fd, void *buf, size_t len, off_t offset);
    int (*fstat)(void *ctx, int fd, struct stat *st);
    int (*fsync)(void *ctx, int fd);
    int (*ftruncate)(void *ctx, int fd, off_t len);
    int (*close)(void *ctx, int fd);
    int (*rename)(void *ctx, const char *from, const char *to);
    int (*unlink)(void *ctx, const char *path);
    int (*mkdir)(void *ctx, const char *path, mode_t mode);
    int (*stat)(void *ctx, const char *path, struct stat *st);
    void *ctx;
} SaveIo;

/* The real system calls. Borrowed, static, valid for the whole program. */
const SaveIo *save_io_posix(void);

/* Why a save (or a read) failed. `err` is the errno value (0 when not from the system);
 * `message` is a whole sentence for the user, e.g. "could not save /x/scores.ini: No space left
 * on device (the previous file is unchanged)". */
typedef struct SaveError {
    int err;
    char message[512];
} SaveError;

/* Fills `e` with why a file is not saved: what is at `path` could not be read or set aside, so
 * saving over it would destroy it. Returns false, for `return save_refuse_blocked(path, e);`. */
bool save_refuse_blocked(const char *path, SaveError *e);

/* What a loader did to a file it could not read (settings, scores, progress...). */
typedef struct LoadReport {
    bool set_aside;   /* the file was damaged and was renamed to `aside` */
    char aside[4096]; /* the new name, "" when nothing was set aside */
} LoadReport;

/* Replaces `path` with `len` bytes of `data`: removes stale temporary files from its folder
 * (save_remove_stale_temps), writes a temporary file in the same folder (".NAME.tmp-PID-N",
 * created exclusively), retrying short writes and EINTR, fsyncs it, closes it, renames it over
 * `path` and fsyncs the folder. On failure returns false, fills `e` (may be NULL), removes the
 * temporary file and leaves the old `path` as it was. One exception: when only the final fsync
 * of the folder fails, the new file is in place and `e` says so. The folder must exist (see
 * save_make_dirs). */
bool save_write_atomic(const SaveIo *io, const char *path, const void *data, size_t len,
                       SaveError *e);

/* Removes what interrupted saves left in the folder of `path`: files named exactly as
 * save_write_atomic names its temporary files (".NAME.tmp-PID-N", any NAME) whose PID is this
 * process's or no running process's. A file of another running process is left alone, since it
 * may be saving right now. The game saves from one thread, so a file of this process is never
 * one in use (it was left by an earlier process that had the same PID). Never touches any other
 * name. Returns how many files were removed; a folder that cannot be read removes none. */
int save_remove_stale_temps(const SaveIo *io, const char *path);

/* Creates `dir` and any missing parents (mode 0700 for new ones), like `mkdir -p`. True when
 * the folder exists afterwards. */
bool save_make_dirs(const SaveIo *io, const char *dir, SaveError *e);

/* Creates the folder that will hold `path` (everything before its last '/'), like
 * save_make_dirs. True when there is no folder part. */
bool save_make_parent_dirs(const SaveIo *io, const char *path, SaveError *e);

typedef enum SaveReadStatus {
    SAVE_READ_OK,
    SAVE_READ_MISSING, /* no such file (ENOENT): not an error for a first start */
    SAVE_READ_FAILED,  /* it exists but could not be read (e->message says why) */
    SAVE_READ_TOO_BIG, /* larger than max_bytes */
    SAVE_READ_STATUS_COUNT
} SaveReadStatus;

/* Reads the whole of `path` (at most `max_bytes`) with plain POSIX calls. On SAVE_READ_OK
 * *data is a malloc'ed, NUL-terminated copy the caller frees and *len its length (the file may
 * hold NULs); otherwise *data is NULL and `e` (may be NULL) is filled. */
SaveReadStatus save_read_file(const char *path, size_t max_bytes, char **data, size_t *len,
                              SaveError *e);

/* Renames a file that could not be read out of the way, so nothing overwrites it:
 * `path` becomes `path.YYYY-MM-DDTHHMMSS.bad` (UTC from `now`), or `...THHMMSS-2.bad`, `-3`...
 * when that name is taken. Writes the new name to `aside` (may be NULL). False on failure. */
bool save_set_aside(const SaveIo *io, const char *path, time_t now, char *aside, size_t aside_size,
                    SaveError *e);

/* For loaders of damaged files: sets `path` aside (save_set_aside) and adds a warning to
 * `diags` naming the new file, "...; it was renamed to X and defaults are used for what could
 * not be read", and fills `report` (may be NULL). When that fails, the warning says the file
 * is left alone and will not be overwritten, and it returns false: the caller must then not
 * save over `path`. `why` (e.g. "it could not be read in full") starts the warning. */
bool save_quarantine(const SaveIo *io, const char *path, time_t now, const char *why,
                     DiagList *diags, LoadReport *report);

/* The first step every loader of a file the game writes shares: clears `report` (may be NULL),
 * removes stale temporary files beside `path` (save_remove_stale_temps) and reads `path` (at
 * most `max_bytes`). Returns true with the bytes in *data (malloc'ed, NUL-terminated, the
 * caller frees) when there is something to parse. Otherwise returns false and sets *result to
 * what the loader returns: true for a missing file (defaults, no diagnostic) and for a file too
 * large that was set aside; false for a file that could not be read. A file that could not be
 * read is quarantined (save_quarantine); *blocked is set when that failed, so that the loader
 * never saves over it. */
bool save_load_begin(const SaveIo *io, const char *path, size_t max_bytes, time_t now,
                     DiagList *diags, LoadReport *report, char **data, size_t *len, bool *blocked,
                     bool *result);

/* The last step: when what was read was not `sound`, quarantines `path` with the warning `why`.
 * Returns false and sets *blocked when it could not be set aside (the loader returns false). */
bool save_load_finish(const SaveIo *io, const char *path, bool sound, const char *why, time_t now,
                      DiagList *diags, LoadReport *report, bool *blocked);

/* ---- the append-only log ----------------------------------------------------------------
 * A log is a text file of records, one a line: eight lower-case hex digits of the CRC-32
 * (IEEE 802.3, as zlib computes it) of the record's bytes, one space, the record, '\n':
 *     3610a686 hello world
 * A record is UTF-8 text without '\n', '\r' or NUL, at most SAVE_LOG_RECORD_MAX bytes.
 * A crash while appending can leave a torn last line (no '\n', or a bad checksum). The reader
 * skips it quietly; the next append starts with '\n' when the file does not end with one, so
 * the new record is never glued to the torn one (the torn line then counts as damaged). */
enum { SAVE_LOG_RECORD_MAX = 4000 };

/* Largest log the reader accepts. */
#define SAVE_LOG_MAX_BYTES ((size_t)64 * 1024 * 1024)

/* Appends one record to the log at `path` (created, mode 0600, when missing; its folder must
 * exist), with O_APPEND, then fsyncs it. On failure the file is cut back to its old length
 * when possible and `e` is filled. False also when `record` is not a valid record. */
bool save_log_append(const SaveIo *io, const char *path, const char *record, SaveError *e);

/* Called for each intact record, in file order: `record` is borrowed for the call, `line` is
 * its 1-based line number. Return false to stop reading. */
typedef bool (*SaveLogFn)(void *ctx, const char *record, int line);

typedef struct SaveLogStats {
    int records; /* intact records handed to the callback */
    int torn;    /* a damaged last line (an interrupted append): skipped without a warning */
    int damaged; /* damaged lines before the end: skipped, each with a warning */
} SaveLogStats;

/* Reads the log at `path`, calling `fn` for every intact record. A missing file is an empty
 * log. Damaged lines in the middle are reported as `path:line: warning:` in `diags` (may be
 * NULL). `stats` may be NULL. Returns false only when the file could not be read (`e`). */
bool save_log_read(const char *path, SaveLogFn fn, void *ctx, SaveLogStats *stats, DiagList *diags,
                   SaveError *e);

/* The CRC-32 of `len` bytes of `data`. */
uint32_t save_crc32(const void *data, size_t len);

/* ---- dates ------------------------------------------------------------------------------ */

/* Writes `t` as ISO 8601 UTC, "2026-11-29T10:15:00Z", into `out` (at least 21 bytes).
 * Returns false when it does not fit. */
bool save_format_time(time_t t, char *out, size_t size);

/* Parses exactly the form save_format_time writes (years 1970 to 9999). */
bool save_parse_time(const char *text, time_t *out);

#endif
