/* idset.c - open addressing with linear probing and FNV-1a hashing. */
#include "idset.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void idset_free(IdSet *set)
{
    if (!set) {
        return;
    }
    free(set->slots);
    *set = (IdSet)IDSET_INIT;
}

static uint64_t hash(const char *s)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (; *s; s++) {
        h = (h ^ (unsigned char)*s) * 0x100000001b3ull;
    }
    return h;
}

static IdSetSlot *find(IdSetSlot *slots, size_t cap, const char *id)
{
    size_t i = (size_t)hash(id) & (cap - 1);
    while (slots[i].id && strcmp(slots[i].id, id) != 0) {
        i = (i + 1) & (cap - 1);
    }
    return &slots[i];
}

static bool grow(IdSet *set)
{
    size_t cap = set->cap ? set->cap * 2 : 64;
    IdSetSlot *slots = calloc(cap, sizeof *slots);
    if (!slots) {
        return false;
    }
    for (size_t i = 0; i < set->cap; i++) {
        if (set->slots[i].id) {
            *find(slots, cap, set->slots[i].id) = set->slots[i];
        }
    }
    free(set->slots);
    set->slots = slots;
    set->cap = cap;
    return true;
}

int idset_add(IdSet *set, const char *id, int line)
{
    if ((set->count + 1) * 2 > set->cap && !grow(set)) {
        return -1;
    }
    IdSetSlot *slot = find(set->slots, set->cap, id);
    if (slot->id) {
        return slot->line;
    }
    slot->id = id;
    slot->line = line;
    set->count++;
    return 0;
}

const char *idset_get(const IdSet *set, const char *id, int *line)
{
    if (set->cap == 0) {
        return NULL;
    }
    const IdSetSlot *slot = find(set->slots, set->cap, id);
    if (slot->id && line) {
        *line = slot->line;
    }
    return slot->id;
}
