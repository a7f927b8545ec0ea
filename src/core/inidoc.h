/* inidoc.h - an INI document for the files the game writes (settings, scores, progress): parsed
 * with inih, every entry remembers its line, and sections and keys the program does not know
 * are kept in order, so a rewrite by an older version loses nothing. Pure C; never prints.
 *
 * The model: a document is a list of records in file order; a record is one [section] with its
 * entries (key = value) in order. A section name may repeat ([score] [score] ...): each is its
 * own record. Keys before the first section form a record named "" (always record 0).
 * A value continued on indented lines is joined with '\n', and written back the same way.
 * Comments and blank lines are not kept: inidoc_format writes a canonical form. */
#ifndef QUIZDECK_INIDOC_H
#define QUIZDECK_INIDOC_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

typedef struct IniDoc IniDoc;

/* The longest line inidoc_format writes: inih (r55) reads at most 199 bytes a line. */
enum { INIDOC_LINE_MAX = 199 };

/* An empty document; `path` (copied, may be NULL) names it in diagnostics. NULL when out of
 * memory. Destroy with inidoc_destroy. */
IniDoc *inidoc_create(const char *path);

/* Parses `len` bytes of `data` (need not be NUL-terminated) named `path`. Returns a new
 * document, or NULL when any line is not INI (binary data, invalid UTF-8, a line without '=',
 * a line too long, an unclosed '[', a section name inidoc_section_ok refuses) or a key repeats
 * within a section: each such problem is a `path:line: warning:` in `diags`. */
IniDoc *inidoc_parse(const char *path, const char *data, size_t len, DiagList *diags);

/* Like inidoc_parse, but keeps everything that could be read and skips the bad lines (each
 * still reported): of a repeated key the first value is kept. *clean is true when nothing was
 * skipped. NULL only when out of memory. */
IniDoc *inidoc_parse_partial(const char *path, const char *data, size_t len, DiagList *diags,
                             bool *clean);

/* Frees the document and every string in it. Accepts NULL. */
void inidoc_destroy(IniDoc *doc);

/* ---- reading. Strings returned are borrowed from the document: valid until it changes. -- */

size_t inidoc_record_count(const IniDoc *doc);
const char *inidoc_record_section(const IniDoc *doc, size_t rec);
int inidoc_record_line(const IniDoc *doc, size_t rec); /* 0 for records added in memory */

/* The index of the first record named `section` at or after `start`, or -1 when none. */
long inidoc_find_record(const IniDoc *doc, const char *section, size_t start);

size_t inidoc_entry_count(const IniDoc *doc, size_t rec);
const char *inidoc_entry_key(const IniDoc *doc, size_t rec, size_t i);
const char *inidoc_entry_value(const IniDoc *doc, size_t rec, size_t i);
int inidoc_entry_line(const IniDoc *doc, size_t rec, size_t i);

/* The value of the first `key` in record `rec`, or NULL. *line (may be NULL) gets its line. */
const char *inidoc_record_get(const IniDoc *doc, size_t rec, const char *key, int *line);

/* The value of `key` in the first record named `section`, or NULL. */
const char *inidoc_get(const IniDoc *doc, const char *section, const char *key);

/* Same, with its line number in *line (may be NULL; 0 when set in memory). */
const char *inidoc_lookup(const IniDoc *doc, const char *section, const char *key, int *line);

/* The path given at creation ("" when none). */
const char *inidoc_path(const IniDoc *doc);

/* ---- changing. Every function returns false (and changes nothing) when out of memory or
 * when a name or value would not read back the same (see inidoc_value_ok). -------------- */

/* Sets `key` in record `rec`: replaces the first such entry, or appends one. */
bool inidoc_record_set(IniDoc *doc, size_t rec, const char *key, const char *value);

/* Sets `key` in the first record named `section`, adding the record at the end if needed. */
bool inidoc_set(IniDoc *doc, const char *section, const char *key, const char *value);

/* Appends a new record named `section` (not ""). Returns its index, or -1. */
long inidoc_add_record(IniDoc *doc, const char *section);

/* Inserts a new record named `section` (not "") before record `at` (after a leading "" record,
 * which must stay first). Returns its index, or -1. */
long inidoc_insert_record(IniDoc *doc, size_t at, const char *section);

/* Appends to `dst` a copy of record `rec` of `src`, entries and lines included. Returns the
 * new record's index, or -1. */
long inidoc_copy_record(IniDoc *dst, const IniDoc *src, size_t rec);

/* Removes every record named `section`. Returns how many were removed. */
size_t inidoc_remove_section(IniDoc *doc, const char *section);

/* Removes every entry `key` of record `rec`. */
void inidoc_record_remove(IniDoc *doc, size_t rec, const char *key);

/* ---- writing ---- */

/* The document as INI text: "[section]" lines, "key = value" lines, a blank line between
 * records; continuation lines indented by four spaces. Returns a malloc'ed NUL-terminated
 * string the caller frees (its length in *len, may be NULL), or NULL when out of memory. */
char *inidoc_format(const IniDoc *doc, size_t *len);

/* True when `name` can be a section name: non-empty UTF-8 without ']', ';', '#', '=', ':',
 * control characters, byte-order marks (the parser removes them) or surrounding spaces. The
 * parser skips, with a warning, every section whose name is not one, and its keys. */
bool inidoc_section_ok(const char *name);

/* True when `key = value` reads back as the same key and value: the key is non-empty UTF-8
 * without '=', ':', ';', '#', '[', control characters or surrounding spaces; the value is
 * UTF-8 without control characters other than '\n'; neither has a byte-order mark; each of the
 * value's '\n'-separated parts is non-empty (unless the value is ""), has no surrounding
 * spaces, no ';' after a space (inih would cut an inline comment there), a continuation part
 * starts with neither ';' nor '#', and every line fits in INIDOC_LINE_MAX bytes. */
bool inidoc_value_ok(const char *key, const char *value);

/* Splits a long one-line `text` into '\n'-separated parts of at most `width` bytes, breaking
 * only between two non-space bytes and never before ';' or '#' or inside a UTF-8 sequence,
 * so it can be stored with inidoc_set and restored with inidoc_unwrap. Returns a malloc'ed
 * string, or NULL when out of memory or no break fits. */
char *inidoc_wrap(const char *text, size_t width);

/* Removes every '\n' of `text` in place (the inverse of inidoc_wrap). Returns `text`. */
char *inidoc_unwrap(char *text);

#endif
