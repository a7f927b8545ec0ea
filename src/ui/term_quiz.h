/* term_quiz.h - a quiz played in a terminal, over the core session: the first front end,
 * kept as `--terminal`-style play for machines without a display. Reads stdin, writes stdout. */
#ifndef QUIZDECK_TERM_QUIZ_H
#define QUIZDECK_TERM_QUIZ_H

#include <stdbool.h>
#include <stdint.h>

#include "core/library.h"

typedef struct TermQuizOptions {
    const char **packs; /* ids or paths; none = every pack */
    int pack_count;
    const char **topics; /* none = every topic */
    int topic_count;
    int count; /* questions to ask; 0 = all */
    uint64_t seed;
    bool seeded; /* false: seed from the clock */
    bool untimed;
    bool relaxed;
} TermQuizOptions;

/* Plays one quiz on the terminal. Returns false when no question could be picked. */
bool term_quiz_run(const Library *lib, const TermQuizOptions *options);

#endif
