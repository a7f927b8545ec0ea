/* number.h - locale-independent decimal parsing for pack values and typed answers.
 * Pure C; never prints. */
#ifndef QUIZDECK_NUMBER_H
#define QUIZDECK_NUMBER_H

#include <stdbool.h>

/* Parses a pack's decimal: optional '-' or '+', digits, optionally '.' and digits, with no
 * exponent, no hex, no inf or nan and at most 15 significant digits. Surrounding spaces are
 * allowed. "-0" gives 0, never a negative zero. Returns false when `text` is anything else. */
bool number_parse_strict(const char *text, double *out);

/* Parses what a player typed: like number_parse_strict, but a decimal comma is accepted in place
 * of the point, and spaces (also no-break and thin spaces) between digit groups are ignored,
 * so "1 992", "3,5" and "-0.25" parse. Returns false for anything else. */
bool number_parse_input(const char *text, double *out);

/* Parses a whole number in [min, max] with optional sign and surrounding spaces. A '-' is
 * refused when `min` >= 0, so "-0" is not read as 0 where no negative number is allowed.
 * Returns false for anything else, also for a number beyond the range of `long`. */
bool number_parse_int(const char *text, long min, long max, long *out);

#endif
