/* inidoc_private.h - the document's structure and the helpers shared by the inidoc*.c files.
 * Private: nothing outside src/core/inidoc*.c may include it; the public API is inidoc.h. */
#ifndef QUIZDECK_INIDOC_PRIVATE_H
#define QUIZDECK_INIDOC_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>

#include "inidoc.h"

typedef struct Entry {
    char *key;
    char *value;
    int line;
} Entry;

typedef struct Record {
    char *section;
    int line;
    Entry *entries;
    size_t count;
    size_t cap;
} Record;

struct IniDoc {
    char *path;
    Record *records;
    size_t count;
    size_t cap;
};

/* A blank or a tab. */
bool inidoc_is_space(char c);

/* A malloc'ed NUL-terminated copy of `n` bytes of `s`, or NULL when out of memory. */
char *inidoc_dup_n(const char *s, size_t n);

/* A malloc'ed copy of `s`, or NULL when out of memory. */
char *inidoc_dup_s(const char *s);

/* Inserts an empty record at `at`. Takes ownership of `section` (freed on failure; NULL gives
 * -1). Returns `at`, or -1 when out of memory. */
long inidoc_insert_owned(IniDoc *doc, size_t at, char *section, int line);

/* Appends an entry; takes ownership of `key` and `value` (freed on failure). */
bool inidoc_add_entry(Record *r, char *key, char *value, int line);

/* The record that keys before any section go to: record 0, named "" (added when missing).
 * Returns 0, or -1 when out of memory. */
long inidoc_top_record(IniDoc *doc);

#endif
