/* arena.h - a block allocator that owns many small strings and frees them in one call.
 * Pure C; never prints. Used by packs so that a whole pack is released by pack_destroy. */
#ifndef QUIZDECK_ARENA_H
#define QUIZDECK_ARENA_H

#include <stddef.h>

typedef struct ArenaBlock ArenaBlock;

typedef struct Arena {
    ArenaBlock *head; /* newest block first */
} Arena;

/* Starts an empty arena (no allocation until the first request). */
void arena_init(Arena *arena);

/* Frees every block. The arena is empty afterwards and may be reused. Accepts NULL. */
void arena_free(Arena *arena);

/* Returns `size` bytes aligned for any object, owned by the arena, or NULL when memory runs out. */
void *arena_alloc(Arena *arena, size_t size);

/* Copies `len` bytes of `src` and a terminating NUL into the arena. Returns the copy or NULL. */
char *arena_strndup(Arena *arena, const char *src, size_t len);

/* Copies the NUL-terminated `src` into the arena. Returns the copy or NULL. */
char *arena_strdup(Arena *arena, const char *src);

#endif
