/* diag.h - diagnostics collected while reading user files, printed by the caller the way
 * compilers print them: `path:line: error: message`. Core code never prints them itself. */
#ifndef QUIZDECK_DIAG_H
#define QUIZDECK_DIAG_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

typedef enum DiagLevel { DIAG_NOTE, DIAG_WARNING, DIAG_ERROR, DIAG_LEVEL_COUNT } DiagLevel;

enum { DIAG_MESSAGE_MAX = 320 };

typedef struct Diag {
    char *path; /* owned by the list */
    int line;   /* 1-based; 0 when the message is about the whole file */
    DiagLevel level;
    char message[DIAG_MESSAGE_MAX];
} Diag;

typedef struct DiagList {
    Diag *items;
    size_t count;
    size_t cap;
    size_t counts[DIAG_LEVEL_COUNT];
    size_t dropped; /* messages not stored because memory ran out or the cap was reached */
} DiagList;

/* Most diagnostics stored per list; a file with more gets one summary line. */
enum { DIAG_MAX_STORED = 1000 };

#define DIAGLIST_INIT                                                                              \
    {                                                                                              \
        NULL, 0, 0, {0, 0, 0}, 0                                                                   \
    }

/* Frees every stored diagnostic. The list is empty afterwards. Accepts NULL. */
void diag_list_free(DiagList *list);

/* Records a diagnostic; `path` is copied. Counts it even when it cannot be stored. In the
 * message, every control character and every byte that is not UTF-8 becomes '?'. */
void diag_add(DiagList *list, DiagLevel level, const char *path, int line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Moves every diagnostic of `src` to the end of `dst`; `src` is left empty. */
void diag_list_move(DiagList *dst, DiagList *src);

/* Appends `path:line: level: message` lines for every diagnostic to `out`. */
void diag_list_format(const DiagList *list, StrBuf *out);

/* Appends one diagnostic, formatted, with no newline. */
void diag_format(const Diag *d, StrBuf *out);

/* "error", "warning" or "note". */
const char *diag_level_name(DiagLevel level);

#endif
