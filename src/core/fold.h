/* fold.h - the text normalisation that typed answers are compared under.
 * Pure C on utf8proc; never prints. */
#ifndef QUIZDECK_FOLD_H
#define QUIZDECK_FOLD_H

#include <stdbool.h>
#include <stddef.h>

enum { FOLD_MAX_INPUT = 4096 }; /* bytes; longer input is folded up to this length */

/* Folds `text` for loose matching: Unicode compatibility forms, case folding, Latin accents
 * and a few Latin letters with strokes removed (é→e, ß→ss, ł→l), Cyrillic ё→е (but й stays й
 * and no other script loses its marks), Armenian և and եւ read as եվ, apostrophes removed, other
 * punctuation and every kind of space turned into single spaces, then trimmed. The result is NFC.
 * Returns a malloc'ed string the caller frees, or NULL for invalid UTF-8 or no memory. */
char *fold_loose(const char *text);

/* fold_loose without its fast path for ASCII text; the same result, for tests to compare. */
char *fold_loose_unicode(const char *text);

/* Folds `text` for exact matching: NFC, outer white space trimmed, nothing else.
 * Returns a malloc'ed string the caller frees, or NULL for invalid UTF-8 or no memory. */
char *fold_exact(const char *text);

#endif
