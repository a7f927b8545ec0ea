/* pack.h - question packs: the data model and the loader that reads a pack file with inih,
 * validates it and reports every problem as a `path:line:` diagnostic.
 * Pure C; never prints, never exits. A pack owns all of its strings. */
#ifndef QUIZDECK_PACK_H
#define QUIZDECK_PACK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"

enum {
    PACK_FORMAT = 1,     /* the only format this build reads */
    PACK_ID_MAX = 40,    /* characters in a pack or question id */
    PACK_LINE_MAX = 199, /* bytes in one line (inih's buffer is 200 with the NUL) */
    PACK_CHOICES_MIN = 2,
    PACK_CHOICES_MAX = 8,
    PACK_TEXT_MAX = 2000,       /* bytes in one value after joining continuation lines */
    PACK_ANSWERS_MAX = 16,      /* accepted forms of a text answer */
    PACK_QUESTIONS_MAX = 20000, /* questions in one pack */
    PACK_TIME_LIMIT_MAX = 3600, /* seconds */
    PACK_POINTS_MAX = 100000,   /* points for one question, also the cap for bonus and penalty */
};
#define PACK_BYTES_MAX (8L * 1024 * 1024) /* larger files are refused unread */

typedef enum QuestionType {
    QTYPE_SINGLE,
    QTYPE_MULTI,
    QTYPE_TRUEFALSE,
    QTYPE_TEXT,
    QTYPE_NUMBER,
    QTYPE_ORDER,
    QTYPE_COUNT
} QuestionType;

typedef enum ScoringRule {
    SCORING_ACCURACY, /* P for a right answer */
    SCORING_SPEED,    /* round(P * (1 - (t/T)/2)), P under 0.5 s */
    SCORING_LINEAR,   /* round(P * (T - t) / T) */
    SCORING_RULE_COUNT
} ScoringRule;

/* How one question is scored; the pack's values with the question's overrides applied. */
typedef struct ScoreSettings {
    ScoringRule rule;
    int points;  /* P */
    int penalty; /* taken for a wrong answer; 0 = none */
    bool partial_credit;
} ScoreSettings;

typedef struct Question {
    const char *id; /* the section name; [a-z0-9-], at most PACK_ID_MAX */
    int line;       /* line of its [section] */
    QuestionType type;
    const char *prompt;
    const char *explain;
    const char *source;
    const char *topic;
    int revision;   /* >= 1 */
    int time_limit; /* seconds; 0 = untimed */
    ScoreSettings score;

    /* single, multi, order: the choices; for order, in their correct order */
    const char *choices[PACK_CHOICES_MAX];
    int choice_count;
    uint8_t correct; /* single, multi: bit i set when choice i is right */

    bool truth; /* truefalse */

    /* text: accepted answers, the first is the one shown */
    const char *answers[PACK_ANSWERS_MAX];
    int answer_count;
    bool exact;

    /* number */
    double number;
    double tolerance;
    const char *number_text; /* the answer as written */
    const char *unit;        /* may be NULL */
} Question;

typedef struct Pack {
    const char *path; /* as given to the loader */
    const char *id;
    const char *title;
    const char *description; /* "" when absent */
    const char *language;
    const char *author;
    const char *version;
    const char *facts_as_of;
    const char *article; /* NULL when the pack names no article */
    int format;
    int time_limit;
    ScoreSettings score;
    bool streak_bonus;
    int streak_step;
    int streak_cap;

    Question *questions;
    int question_count;

    Arena arena; /* owns every string above */
} Pack;

/* Reads and validates the pack at `path`. Every problem is added to `diags` (which the caller
 * owns). Returns a pack the caller frees with pack_destroy when the file had no error, or NULL
 * when it had one (the diagnostics say why) or memory ran out. Warnings do not stop loading.
 * The file is never modified. */
Pack *pack_load_file(const char *path, DiagList *diags);

/* Same as pack_load_file for `len` bytes already in memory; `path` names them in diagnostics. */
Pack *pack_load_buffer(const char *path, const char *data, size_t len, DiagList *diags);

/* Frees the pack and everything it owns. Accepts NULL. */
void pack_destroy(Pack *pack);

/* The question with this id, or NULL. Borrowed from the pack. */
const Question *pack_find_question(const Pack *pack, const char *id);

/* "single", "multi", ... and the reverse; returns QTYPE_COUNT for an unknown name. */
const char *question_type_name(QuestionType type);
QuestionType question_type_from_name(const char *name);

/* "accuracy", "speed", "linear" and the reverse; SCORING_RULE_COUNT for an unknown name. */
const char *scoring_rule_name(ScoringRule rule);
ScoringRule scoring_rule_from_name(const char *name);

/* True when `id` is 1..PACK_ID_MAX characters of [a-z0-9-]. */
bool pack_id_valid(const char *id);

#endif
