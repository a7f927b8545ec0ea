/* pack_loader.h - private to the pack loader (pack.c, pack_field.c, pack_check.c): the keys a
 * pack may use, the state of one load, and the helpers the files share. Not for other modules. */
#ifndef QUIZDECK_PACK_LOADER_H
#define QUIZDECK_PACK_LOADER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "idset.h"
#include "linereader.h"
#include "pack.h"
#include "strbuf.h"

typedef enum Key {
    KEY_TYPE,
    KEY_PROMPT,
    KEY_A,
    KEY_B,
    KEY_C,
    KEY_D,
    KEY_E,
    KEY_F,
    KEY_G,
    KEY_H,
    KEY_ANSWER,
    KEY_TOLERANCE,
    KEY_UNIT,
    KEY_EXACT,
    KEY_EXPLAIN,
    KEY_SOURCE,
    KEY_TOPIC,
    KEY_REVISION,
    KEY_TIME_LIMIT,
    KEY_SCORING,
    KEY_POINTS,
    KEY_PENALTY,
    KEY_PARTIAL_CREDIT,
    KEY_FORMAT,
    KEY_ID,
    KEY_TITLE,
    KEY_DESCRIPTION,
    KEY_LANGUAGE,
    KEY_AUTHOR,
    KEY_VERSION,
    KEY_FACTS_AS_OF,
    KEY_ARTICLE,
    KEY_STREAK_BONUS,
    KEY_STREAK_STEP,
    KEY_STREAK_CAP,
    KEY_COUNT
} Key;

_Static_assert(KEY_COUNT <= 64, "Section.seen_keys has a bit per key");

enum { IN_PACK = 1, IN_QUESTION = 2, TEXT = 4 };

typedef struct PackKeyInfo {
    const char *name;
    int flags; /* IN_PACK, IN_QUESTION, TEXT */
} PackKeyInfo;

extern const PackKeyInfo pack_key_info[KEY_COUNT];

typedef struct Field {
    bool seen;
    int line;
    bool cut;        /* an inline " ;" comment cut the value short */
    int repeats;     /* how many times the key came again in its section (each refused) */
    int repeat_line; /* the line of the first repeat */
    StrBuf value;
} Field;

typedef struct Section {
    bool open;
    bool is_pack;
    char name[PACK_ID_MAX * 4 + 8]; /* enough to quote a too-long name, cut */
    bool name_ok;
    int line;
    int keys;                /* key lines seen, known or not */
    bool broken;             /* a line of it could not be read (already reported): not checked */
    int extra_choices;       /* keys i to z seen, each refused */
    int extra_line;          /* the line of the first of them */
    uint64_t seen_keys;      /* bit k set when fields[k].seen */
    Field fields[KEY_COUNT]; /* last: pack_section_clear clears what comes before it */
} Section;

typedef struct Loader {
    const char *path;
    DiagList *diags;
    LineReader reader;
    Pack *pack;
    Section section;
    Key last_key; /* field continuation lines append to; KEY_COUNT for none */
    bool seen_pack;
    bool any_section;
    int pack_line;
    int questions_cap;
    IdSet ids; /* every well-formed question id so far, with its line */
    bool too_many;
    bool oom;
} Loader;

#define ERROR(ld, line, ...) diag_add((ld)->diags, DIAG_ERROR, (ld)->path, (line), __VA_ARGS__)
#define WARN(ld, line, ...) diag_add((ld)->diags, DIAG_WARNING, (ld)->path, (line), __VA_ARGS__)
#define NOTE(ld, line, ...) diag_add((ld)->diags, DIAG_NOTE, (ld)->path, (line), __VA_ARGS__)

/* The key with this name, or KEY_COUNT. */
Key pack_key_from_name(const char *name);

/* Quotes at most 60 bytes of `s` into `buf` for a message, cut at a UTF-8 boundary with "...".
 * Returns buf. */
const char *pack_quote(char *buf, size_t size, const char *s);

/* Frees a section's values and clears it. */
void pack_section_reset(Section *s);

/* Clears a section for the next one but keeps its values' memory (pack_section_reset frees). */
void pack_section_clear(Section *s);

/* The value of key `k` in section `s`, or NULL when absent. Borrowed from the section. */
const char *pack_field(const Section *s, Key k);

/* Copies `s` (NULL as "") into the pack's arena; NULL and ld->oom set when memory runs out. */
char *pack_keep(Loader *ld, const char *s);

/* pack_keep(ld, pack_field(s, k)) without measuring the value again. */
char *pack_keep_field(Loader *ld, const Section *s, Key k);

/* on/yes/true/1 and off/no/false/0. Returns false for anything else. */
bool pack_parse_bool(const char *s, bool *out);

/* Reads an optional key into *out, reporting a bad value (and leaving *out alone). */
void pack_field_int(Loader *ld, const Section *s, Key k, long min, long max, int *out);
void pack_field_bool(Loader *ld, const Section *s, Key k, bool *out);
void pack_field_scoring(Loader *ld, const Section *s, ScoreSettings *score, int *time_limit);

/* Warns when an inline comment cut the prose value of `k` short. */
void pack_field_warn_cut(Loader *ld, const Section *s, Key k);

/* Validates the [pack] section into ld->pack. */
void pack_check_header(Loader *ld, Section *s);

/* Validates a question section and appends it to ld->pack when it has no error. */
void pack_check_question(Loader *ld, Section *s);

#endif
