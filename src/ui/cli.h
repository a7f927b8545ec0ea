/* cli.h - the text modes of the command line (--check, --question, --list, --answer-key): each
 * reads a loaded pack library and prints to stdout and stderr. Exit codes stay with main.c. */
#ifndef QUIZDECK_CLI_H
#define QUIZDECK_CLI_H

#include <stdbool.h>

#include "core/diag.h"
#include "core/library.h"

/* True when a PACK argument names a pack file rather than a pack id: it contains a '/', ends
 * in ".ini", or exists. */
bool cli_is_pack_path(const char *s);

/* Prints every diagnostic of `diags` to stderr as `path:line: error: ...`. */
void cli_print_diags(const DiagList *diags);

/* --check: prints the diagnostics of the packs it reports on to stderr, then one line per pack
 * and a total to stdout. It reports on every entry of `lib` when `only_paths` (the library holds
 * just the named files) or `pack_count` is 0, else on those whose path or id is among `packs`;
 * an id that names no pack is an error. Returns false when there were errors. */
bool cli_check(const Library *lib, const char *const *packs, int pack_count, bool only_paths);

/* --question: prints how the game checks the question `spec` ("PACK:ID" or "ID") of every live
 * pack that matches (PACK, else any of `packs`, else all of them). Returns false, with a message
 * on stderr, when no such question was found. */
bool cli_question(const Library *lib, const char *spec, const char *const *packs, int pack_count);

/* --list: one line per live pack: id, question count, title and path. */
void cli_list(const Library *lib);

/* --answer-key: writes the answers of pack `id` (an id or path; may be NULL) to
 * "<id>-answer-key.csv" in the current folder and says so. Returns false, with a message on
 * stderr, when there is no such pack or the file could not be written. */
bool cli_answer_key(const Library *lib, const char *id);

#endif
