/* fuzz.h - what the libFuzzer harnesses of tests/fuzz/ share: the entry point, the check that
 * stops on a broken promise, and a scratch folder for the loaders that only read files.
 * Harness code is test code: it may print (to stderr) and abort; core code never does. */
#ifndef QUIZDECK_FUZZ_H
#define QUIZDECK_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "core/save.h"
#include "core/strbuf.h"

/* libFuzzer's entry point; defined by FUZZ_TARGET unless built for the replay test. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Defines harness NAME as `int fuzz_NAME(const uint8_t *data, size_t size)`. Built normally it
 * is also libFuzzer's entry point; with -DFUZZ_REPLAY it is only fuzz_NAME, so that
 * tests/test_fuzz_replay.c can link every harness into one program. */
#ifdef FUZZ_REPLAY
#define FUZZ_TARGET(name)                                                                          \
    int fuzz_##name(const uint8_t *data, size_t size);                                             \
    int fuzz_##name(const uint8_t *data, size_t size)
#else
#define FUZZ_TARGET(name)                                                                          \
    int fuzz_##name(const uint8_t *data, size_t size);                                             \
    int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)                                   \
    {                                                                                              \
        return fuzz_##name(data, size);                                                            \
    }                                                                                              \
    int fuzz_##name(const uint8_t *data, size_t size)
#endif

/* The clock every harness passes as `now` (2026-11-29T10:15:00Z), so runs are repeatable. */
#define FUZZ_NOW ((time_t)1796120100)

/* The input being run, named in fuzz_check's message: set by the replay test, NULL under
 * libFuzzer (which names the input itself). */
extern const char *fuzz_input_name;

/* When `ok` is false: prints "fuzz: broken promise: MESSAGE" to stderr and aborts, which
 * libFuzzer reports as a crash (with the input saved) and the replay test as a failure. */
void fuzz_check(bool ok, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* `size` bytes of `data` with a NUL after them, malloc'ed (C string functions see the bytes up to
 * the first NUL). Aborts when out of memory. */
char *fuzz_strndup(const uint8_t *data, size_t size);

/* Writes into `out` the path of file `name` in this process's scratch folder: a fresh folder
 * made on first use under $TMPDIR (or /tmp) and removed at exit. Aborts when it cannot be made
 * or the path does not fit. */
void fuzz_path(char *out, size_t size, const char *name);

/* Writes `size` bytes to `path` (created or truncated). Aborts on failure. */
void fuzz_write(const char *path, const void *data, size_t size);

/* Removes every file in the scratch folder (set-aside copies, temporary files). */
void fuzz_clear(void);

/* The real system calls without fsync, so that saving in a loop stays fast. Static. */
const SaveIo *fuzz_io(void);

/* Appends `record` to `out` as one line of a save.h log: its CRC-32 in hex, a space, the record
 * and '\n'. */
void fuzz_log_line(StrBuf *out, const char *record);

#endif
