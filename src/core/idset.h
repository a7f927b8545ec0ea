/* idset.h - a hash set of id strings with the line each was first seen on, for finding
 * duplicate ids in linear time. Pure C; borrows the strings it is given. */
#ifndef QUIZDECK_IDSET_H
#define QUIZDECK_IDSET_H

#include <stdbool.h>
#include <stddef.h>

typedef struct IdSetSlot {
    const char *id; /* borrowed; NULL when empty */
    int line;
} IdSetSlot;

typedef struct IdSet {
    IdSetSlot *slots;
    size_t cap; /* a power of two, or 0 */
    size_t count;
} IdSet;

#define IDSET_INIT                                                                                 \
    {                                                                                              \
        NULL, 0, 0                                                                                 \
    }

/* Frees the table (not the strings). Accepts NULL. */
void idset_free(IdSet *set);

/* Adds `id` (which must outlive the set) seen on `line`. Returns 0 when it was new, the line
 * of its first appearance when it was already there, or -1 when memory ran out. */
int idset_add(IdSet *set, const char *id, int line);

/* The string equal to `id` that the set holds (the pointer it was given), with its line in
 * *line (may be NULL); NULL when there is none. */
const char *idset_get(const IdSet *set, const char *id, int *line);

#endif
