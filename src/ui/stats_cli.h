/* stats_cli.h - `quizdeck --stats`: a profile's flashcard progress printed in the terminal. */
#ifndef QUIZDECK_STATS_CLI_H
#define QUIZDECK_STATS_CLI_H

#include <stdint.h>

#include "core/library.h"

/* Prints the counts (new, learning, mature, suspended, leeches) and the cards due today for
 * `profile` (NULL: the one used last, else "default") on the packs named (ids or paths; none =
 * every live pack of `lib`), as of `now` (epoch s; 0 = the clock). Returns the exit code. */
int stats_cli_run(const Library *lib, const char *user_data, const char *profile,
                  const char **packs, int pack_count, int64_t now);

#endif
