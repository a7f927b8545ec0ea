/* strbuf.h - a growable byte string and bounded-copy helpers (no strcpy/sprintf in this tree).
 * Pure C; never prints. An out-of-memory StrBuf stays valid and remembers the failure. */
#ifndef QUIZDECK_STRBUF_H
#define QUIZDECK_STRBUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct StrBuf {
    char *data; /* always NUL-terminated once anything was appended; may be NULL when empty */
    size_t len;
    size_t cap;
    bool oom; /* an allocation failed; later appends are ignored */
} StrBuf;

/* An empty buffer: StrBuf b = STRBUF_INIT; */
#define STRBUF_INIT                                                                                \
    {                                                                                              \
        NULL, 0, 0, false                                                                          \
    }

/* Releases the buffer's memory and empties it. Accepts NULL. */
void strbuf_free(StrBuf *sb);

/* Empties the buffer, keeping its memory. */
void strbuf_clear(StrBuf *sb);

/* Appends `len` bytes. Returns false when memory ran out. */
bool strbuf_append(StrBuf *sb, const char *s, size_t len);

/* Appends a NUL-terminated string. */
bool strbuf_puts(StrBuf *sb, const char *s);

/* Appends printf-formatted text. */
bool strbuf_printf(StrBuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
bool strbuf_vprintf(StrBuf *sb, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));

/* The contents as a C string ("" when empty). Borrowed: valid until the next change. */
const char *strbuf_cstr(const StrBuf *sb);

/* True when `item` is one of the comma-separated entries of `list` ("a,b,c"). */
bool str_list_has(const char *list, const char *item);

/* Copies `src` into `dst` of `size` bytes, always NUL-terminating when size > 0.
 * Returns true when it fitted, false when it was cut. */
bool str_copy(char *dst, size_t size, const char *src);

/* snprintf that reports truncation: true when the whole text fitted. */
bool str_format(char *dst, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
