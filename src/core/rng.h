/* rng.h - a small seeded random number generator (PCG32, XSH RR) so that the same seed gives
 * the same question and choice order on every machine. Pure C; no global state. */
#ifndef QUIZDECK_RNG_H
#define QUIZDECK_RNG_H

#include <stdint.h>

typedef struct Rng {
    uint64_t state;
    uint64_t inc;
} Rng;

/* Seeds the generator; every seed, 0 included, gives its own stream. */
void rng_seed(Rng *rng, uint64_t seed);

/* The next 32 random bits. */
uint32_t rng_next(Rng *rng);

/* A uniformly distributed number in [0, bound), without modulo bias. bound must be > 0. */
uint32_t rng_below(Rng *rng, uint32_t bound);

#endif
