/* wrap.h - breaks UTF-8 text into lines no wider than a box, on top of a caller's measuring
 * callback, and finds the largest font size at which a text fits a box. Pure C: it never
 * allocates, prints or knows about fonts; every width comes from the callback. */
#ifndef QUIZDECK_WRAP_H
#define QUIZDECK_WRAP_H

#include <stdbool.h>

/* One wrapped line: `len` bytes of the text from byte offset `start`, and its width in pixels.
 * A line never includes the spaces it was broken at nor the '\n' that ended it. */
typedef struct WrapLine {
    int start;
    int len;
    int width;
} WrapLine;

/* Returns the width in pixels of the `len` bytes at `text` (not NUL-terminated) at the size
 * the caller currently has set. `ctx` is the caller's, passed through untouched. The bytes may
 * be invalid UTF-8 when the text is. A negative result counts as 0. */
typedef int (*WrapMeasureFn)(void *ctx, const char *text, int len);

/* Breaks the NUL-terminated UTF-8 `text` into lines no wider than `max_width` pixels.
 *
 * - '\n' (or "\r\n") is a hard break; each one starts a new line, so "a\n\nb" is three lines
 *   and a trailing '\n' ends with an empty line.
 * - Lines break at runs of spaces and tabs; the run is dropped (it belongs to no line), and so
 *   are spaces at the start and end of a paragraph. A paragraph of only spaces is one empty
 *   line. An empty text has no lines.
 * - A word wider than the whole line is split after hyphens, dashes and slashes ('-', '/',
 *   U+2010, U+2012-U+2014, the Armenian hyphen U+058A), and a piece still too wide between
 *   grapheme clusters (UAX #29, via utf8proc). Nothing is ever cut off: a single cluster wider
 *   than `max_width` (or any cluster when `max_width` < 1) gets a line of its own.
 * - Invalid UTF-8 never fails: each byte that does not decode is one character.
 *
 * Words are measured once each (short repeated words and single clusters are remembered within
 * the call), widths are added up, and every line of more than one piece is measured once as a
 * whole; when kerning makes it wider than `max_width`, the line is broken again with one piece
 * fewer. Every line's `width` is therefore a measured width.
 *
 * Fills at most `max_lines` entries of `lines` (which may be NULL when `max_lines` is 0) and
 * returns the number of lines the whole text needs, which may exceed `max_lines`: the caller
 * then knows it did not fit. Returns 0 for NULL or empty text. */
int wrap_lines(const char *text, int max_width, WrapMeasureFn measure, void *ctx, WrapLine *lines,
               int max_lines);

/* The callbacks wrap_fit() needs; `ctx` is passed to each of them. */
typedef struct WrapFitFns {
    /* makes `measure` measure at font size `size` from now on */
    void (*set_size)(void *ctx, int size);
    WrapMeasureFn measure;
    /* the distance in pixels from one line to the next at `size` (called after set_size) */
    int (*line_height)(void *ctx, int size);
    void *ctx;
} WrapFitFns;

/* Finds the largest size in [min_size, max_size] at which `text`, wrapped to `box_w`, has every
 * line no wider than `box_w` and lines * line_height(size) <= `box_h`. Sizes at which some word
 * would be cut between letters (not at a hyphen or slash) count as not fitting unless no size
 * fits without that; then the search is repeated allowing it. It tries max_size first, then
 * binary-searches assuming that a text which fits at some size fits at every smaller one; the
 * result is always one that was checked. Only as many lines as the box holds (plus one) are
 * measured at each size tried, so a size far too large costs little.
 *
 * Returns that size and sets *fits (if not NULL) to true; when nothing fits, returns min_size
 * and sets *fits to false (the caller may then clip or scroll). When max_size < min_size only
 * min_size is tried. The last set_size() call made is always for the returned size, so the
 * caller's font is left at it. */
int wrap_fit(const char *text, int box_w, int box_h, int min_size, int max_size,
             const WrapFitFns *fns, bool *fits);

#endif
