/* arena.c - block allocator: big blocks carved front to back, freed all at once. */
#include "arena.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

enum { ARENA_BLOCK_SIZE = 64 * 1024 };

struct ArenaBlock {
    ArenaBlock *next;
    size_t used;
    size_t size;
    alignas(max_align_t) unsigned char data[];
};

void arena_init(Arena *arena)
{
    arena->head = NULL;
}

void arena_free(Arena *arena)
{
    if (!arena) {
        return;
    }
    ArenaBlock *block = arena->head;
    while (block) {
        ArenaBlock *next = block->next;
        free(block);
        block = next;
    }
    arena->head = NULL;
}

void *arena_alloc(Arena *arena, size_t size)
{
    const size_t align = alignof(max_align_t);
    size_t need = (size + align - 1) & ~(align - 1);
    if (need < size) {
        return NULL; /* overflow */
    }
    ArenaBlock *block = arena->head;
    if (!block || block->size - block->used < need) {
        size_t cap = need > ARENA_BLOCK_SIZE ? need : ARENA_BLOCK_SIZE;
        if (cap > (size_t)-1 - sizeof(ArenaBlock)) {
            return NULL;
        }
        block = malloc(sizeof(ArenaBlock) + cap);
        if (!block) {
            return NULL;
        }
        block->used = 0;
        block->size = cap;
        block->next = arena->head;
        arena->head = block;
    }
    void *p = block->data + block->used;
    block->used += need;
    return p;
}

char *arena_strndup(Arena *arena, const char *src, size_t len)
{
    char *p = arena_alloc(arena, len + 1);
    if (!p) {
        return NULL;
    }
    memcpy(p, src, len);
    p[len] = '\0';
    return p;
}

char *arena_strdup(Arena *arena, const char *src)
{
    return arena_strndup(arena, src, strlen(src));
}
