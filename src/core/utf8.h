/* utf8.h - strict UTF-8 decoding and validation (no overlong forms, no surrogates).
 * Pure C; never allocates. */
#ifndef QUIZDECK_UTF8_H
#define QUIZDECK_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes one code point from `s` (at most `len` bytes). Returns the number of bytes used
 * (1-4) and stores the code point in *cp, or returns 0 when the bytes there are not valid
 * UTF-8 (and *cp is left alone). */
size_t utf8_decode(const char *s, size_t len, int32_t *cp);

/* True when `len` bytes of `s` are valid UTF-8. On failure *bad_offset (if not NULL) is the
 * offset of the first byte that does not decode. */
bool utf8_valid(const char *s, size_t len, size_t *bad_offset);

/* Number of code points in a valid UTF-8 string of `len` bytes. */
size_t utf8_length(const char *s, size_t len);

#endif
