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

/* Why the bytes at `s` (at most `len` of them; the first byte utf8_decode refused) are not
 * UTF-8, as a phrase for a message: "an overlong encoding", "an encoded UTF-16 surrogate",
 * "a code point beyond U+10FFFF", "a character cut short at the end of the line", or NULL when
 * they are simply not UTF-8 (text in another encoding, or binary data). Static strings. */
const char *utf8_explain(const char *s, size_t len);

/* True when `len` bytes of `data` look like UTF-16 text: a UTF-16 byte-order mark (then *bom,
 * if not NULL, is set), or, without one, a NUL byte in every other place of the first four
 * bytes, as ASCII text in UTF-16 has. */
bool utf8_looks_utf16(const char *data, size_t len, bool *bom);

/* Appends the NUL-terminated `add` to the NUL-terminated `dst`, keeping `dst` at most `max`
 * bytes long (the buffer holds max + 1). When not all of `add` fits, as many whole code
 * points as fit are appended and false is returned: the caller shows that the text is at its
 * limit. Never cuts a multi-byte character. */
bool utf8_append_bounded(char *dst, size_t max, const char *add);

/* Number of code points in a valid UTF-8 string of `len` bytes. */
size_t utf8_length(const char *s, size_t len);

#endif
