/* pack_dump.h - a loaded pack as plain text: what `--question` prints and what the golden-file
 * tests compare. Pure C; writes into a caller's StrBuf, never prints. */
#ifndef QUIZDECK_PACK_DUMP_H
#define QUIZDECK_PACK_DUMP_H

#include "pack.h"
#include "strbuf.h"

/* Describes one question as the game checks it: type, prompt, choices with the right ones
 * marked, accepted answers and the form they are compared in, points, rule, time and bonus. */
void pack_describe_question(const Pack *pack, const Question *q, StrBuf *out);

/* The pack's settings, then every question as pack_describe_question writes it. */
void pack_dump(const Pack *pack, StrBuf *out);

#endif
