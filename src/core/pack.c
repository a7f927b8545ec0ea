/* pack.c - the pack loader: file checks, the line reader feeding inih, key collection per
 * section, and validation of each question into the Pack model. Never prints. */
#include "pack.h"

#include <errno.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "article.h"
#include "fold.h"
#include "linereader.h"
#include "number.h"
#include "strbuf.h"
#include "utf8.h"

/* ---- the keys a pack may use ---------------------------------------------------------- */

typedef enum Key {
    KEY_TYPE,
    KEY_PROMPT,
    KEY_A, KEY_B, KEY_C, KEY_D, KEY_E, KEY_F, KEY_G, KEY_H,
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

enum { IN_PACK = 1, IN_QUESTION = 2, TEXT = 4 };

static const struct {
    const char *name;
    int flags;
} key_info[KEY_COUNT] = {
    [KEY_TYPE] = {"type", IN_QUESTION},
    [KEY_PROMPT] = {"prompt", IN_QUESTION | TEXT},
    [KEY_A] = {"a", IN_QUESTION | TEXT},
    [KEY_B] = {"b", IN_QUESTION | TEXT},
    [KEY_C] = {"c", IN_QUESTION | TEXT},
    [KEY_D] = {"d", IN_QUESTION | TEXT},
    [KEY_E] = {"e", IN_QUESTION | TEXT},
    [KEY_F] = {"f", IN_QUESTION | TEXT},
    [KEY_G] = {"g", IN_QUESTION | TEXT},
    [KEY_H] = {"h", IN_QUESTION | TEXT},
    [KEY_ANSWER] = {"answer", IN_QUESTION},
    [KEY_TOLERANCE] = {"tolerance", IN_QUESTION},
    [KEY_UNIT] = {"unit", IN_QUESTION | TEXT},
    [KEY_EXACT] = {"exact", IN_QUESTION},
    [KEY_EXPLAIN] = {"explain", IN_QUESTION | TEXT},
    [KEY_SOURCE] = {"source", IN_QUESTION | TEXT},
    [KEY_TOPIC] = {"topic", IN_QUESTION},
    [KEY_REVISION] = {"revision", IN_QUESTION},
    [KEY_TIME_LIMIT] = {"time_limit", IN_PACK | IN_QUESTION},
    [KEY_SCORING] = {"scoring", IN_PACK | IN_QUESTION},
    [KEY_POINTS] = {"points", IN_PACK | IN_QUESTION},
    [KEY_PENALTY] = {"penalty", IN_PACK | IN_QUESTION},
    [KEY_PARTIAL_CREDIT] = {"partial_credit", IN_PACK | IN_QUESTION},
    [KEY_FORMAT] = {"format", IN_PACK},
    [KEY_ID] = {"id", IN_PACK},
    [KEY_TITLE] = {"title", IN_PACK | TEXT},
    [KEY_DESCRIPTION] = {"description", IN_PACK | TEXT},
    [KEY_LANGUAGE] = {"language", IN_PACK},
    [KEY_AUTHOR] = {"author", IN_PACK | TEXT},
    [KEY_VERSION] = {"version", IN_PACK},
    [KEY_FACTS_AS_OF] = {"facts_as_of", IN_PACK},
    [KEY_ARTICLE] = {"article", IN_PACK},
    [KEY_STREAK_BONUS] = {"streak_bonus", IN_PACK},
    [KEY_STREAK_STEP] = {"streak_step", IN_PACK},
    [KEY_STREAK_CAP] = {"streak_cap", IN_PACK},
};

static Key key_from_name(const char *name)
{
    for (int k = 0; k < KEY_COUNT; k++) {
        if (strcmp(key_info[k].name, name) == 0) {
            return (Key)k;
        }
    }
    return KEY_COUNT;
}

/* ---- loader state ----------------------------------------------------------------------- */

typedef struct Field {
    bool seen;
    int line;
    bool cut;    /* an inline " ;" comment cut the value short */
    StrBuf value;
} Field;

typedef struct Section {
    bool open;
    bool is_pack;
    char name[PACK_ID_MAX * 4 + 8]; /* enough to quote a too-long name, cut */
    bool name_ok;
    int line;
    int keys; /* key lines seen, known or not */
    Field fields[KEY_COUNT];
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
    bool too_many;
    bool oom;
} Loader;

#define ERROR(ld, line, ...) diag_add((ld)->diags, DIAG_ERROR, (ld)->path, (line), __VA_ARGS__)
#define WARN(ld, line, ...) diag_add((ld)->diags, DIAG_WARNING, (ld)->path, (line), __VA_ARGS__)
#define NOTE(ld, line, ...) diag_add((ld)->diags, DIAG_NOTE, (ld)->path, (line), __VA_ARGS__)

/* Quotes at most 60 bytes of `s` for a message, cut at a UTF-8 boundary with "...". */
static const char *quote(char *buf, size_t size, const char *s)
{
    size_t len = strlen(s);
    size_t max = size > 64 ? 60 : size - 4;
    if (len <= max) {
        str_copy(buf, size, s);
        return buf;
    }
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80) {
        max--;
    }
    memcpy(buf, s, max);
    memcpy(buf + max, "...", 4);
    return buf;
}

static void section_reset(Section *s)
{
    for (int k = 0; k < KEY_COUNT; k++) {
        strbuf_free(&s->fields[k].value);
    }
    memset(s, 0, sizeof *s);
}

static const char *field(const Section *s, Key k)
{
    return s->fields[k].seen ? strbuf_cstr(&s->fields[k].value) : NULL;
}

static char *keep(Loader *ld, const char *s)
{
    char *p = arena_strdup(&ld->pack->arena, s ? s : "");
    if (!p) {
        ld->oom = true;
    }
    return p;
}

static bool parse_bool(const char *s, bool *out)
{
    static const char *const yes[] = {"on", "yes", "true", "1"};
    static const char *const no[] = {"off", "no", "false", "0"};
    for (size_t i = 0; i < 4; i++) {
        if (strcmp(s, yes[i]) == 0) {
            *out = true;
            return true;
        }
        if (strcmp(s, no[i]) == 0) {
            *out = false;
            return true;
        }
    }
    return false;
}

/* Reads an integer field into *out when present; reports and keeps *out when it is bad. */
static void int_field(Loader *ld, const Section *s, Key k, long min, long max, int *out)
{
    const char *v = field(s, k);
    if (!v) {
        return;
    }
    long n;
    if (!number_parse_int(v, min, max, &n)) {
        char q[80];
        ERROR(ld, s->fields[k].line, "'%s' must be a whole number from %ld to %ld, not '%s'",
              key_info[k].name, min, max, quote(q, sizeof q, v));
        return;
    }
    *out = (int)n;
}

static void bool_field(Loader *ld, const Section *s, Key k, bool *out)
{
    const char *v = field(s, k);
    if (v && !parse_bool(v, out)) {
        char q[80];
        ERROR(ld, s->fields[k].line, "'%s' must be on or off, not '%s'", key_info[k].name,
              quote(q, sizeof q, v));
    }
}

static void scoring_field(Loader *ld, const Section *s, ScoreSettings *score, int *time_limit)
{
    const char *v = field(s, KEY_SCORING);
    if (v) {
        ScoringRule rule = scoring_rule_from_name(v);
        if (rule == SCORING_RULE_COUNT) {
            char q[80];
            ERROR(ld, s->fields[KEY_SCORING].line,
                  "unknown scoring '%s' (expected accuracy, speed or linear)",
                  quote(q, sizeof q, v));
        } else {
            score->rule = rule;
        }
    }
    int_field(ld, s, KEY_POINTS, 0, PACK_POINTS_MAX, &score->points);
    int_field(ld, s, KEY_PENALTY, 0, PACK_POINTS_MAX, &score->penalty);
    bool_field(ld, s, KEY_PARTIAL_CREDIT, &score->partial_credit);
    int_field(ld, s, KEY_TIME_LIMIT, 0, PACK_TIME_LIMIT_MAX, time_limit);
}

/* Warns about text cut by an inline comment, for keys whose value is prose. */
static void warn_cut(Loader *ld, const Section *s, Key k)
{
    if (s->fields[k].seen && s->fields[k].cut) {
        WARN(ld, s->fields[k].line,
             "' ;' starts a comment, so the rest of this line is not part of '%s'; "
             "write ';' without a space before it",
             key_info[k].name);
    }
}

/* ---- the [pack] section ----------------------------------------------------------------- */

static void finish_pack_section(Loader *ld, Section *s)
{
    Pack *p = ld->pack;
    for (int k = 0; k < KEY_COUNT; k++) {
        if (key_info[k].flags & TEXT) {
            warn_cut(ld, s, (Key)k);
        }
    }
    const char *format = field(s, KEY_FORMAT);
    if (!format) {
        ERROR(ld, s->line, "[pack] has no 'format' (write 'format = %d')", PACK_FORMAT);
    } else {
        long f;
        if (!number_parse_int(format, 1, 1000000, &f)) {
            char q[80];
            ERROR(ld, s->fields[KEY_FORMAT].line, "'format' must be a whole number, not '%s'",
                  quote(q, sizeof q, format));
        } else if (f > PACK_FORMAT) {
            ERROR(ld, s->fields[KEY_FORMAT].line,
                  "format %ld is newer than this version of quizdeck reads (%d); update quizdeck",
                  f, PACK_FORMAT);
        } else {
            p->format = (int)f;
        }
    }
    const char *id = field(s, KEY_ID);
    if (!id) {
        ERROR(ld, s->line, "[pack] has no 'id'");
    } else if (!pack_id_valid(id)) {
        char q[80];
        ERROR(ld, s->fields[KEY_ID].line,
              "pack id '%s' must be 1 to %d characters of a-z, 0-9 and '-'",
              quote(q, sizeof q, id), PACK_ID_MAX);
    } else {
        p->id = keep(ld, id);
    }
    const char *title = field(s, KEY_TITLE);
    if (!title || !*title) {
        ERROR(ld, s->line, "[pack] has no 'title'");
    } else {
        p->title = keep(ld, title);
    }
    p->description = keep(ld, field(s, KEY_DESCRIPTION));
    p->language = keep(ld, field(s, KEY_LANGUAGE) ? field(s, KEY_LANGUAGE) : "en");
    p->author = keep(ld, field(s, KEY_AUTHOR));
    p->version = keep(ld, field(s, KEY_VERSION));
    p->facts_as_of = keep(ld, field(s, KEY_FACTS_AS_OF));
    const char *article = field(s, KEY_ARTICLE);
    if (article) {
        if (!article_find(article)) {
            char q[80];
            WARN(ld, s->fields[KEY_ARTICLE].line,
                 "unknown article '%s': sources will not be checked", quote(q, sizeof q, article));
        } else {
            p->article = keep(ld, article);
        }
    }
    scoring_field(ld, s, &p->score, &p->time_limit);
    bool_field(ld, s, KEY_STREAK_BONUS, &p->streak_bonus);
    int_field(ld, s, KEY_STREAK_STEP, 0, PACK_POINTS_MAX, &p->streak_step);
    int_field(ld, s, KEY_STREAK_CAP, 0, PACK_POINTS_MAX, &p->streak_cap);
}

/* ---- question sections ------------------------------------------------------------------ */

/* Collects the choices a..h; reports gaps. Returns false when they are unusable. */
static bool read_choices(Loader *ld, const Section *s, Question *q)
{
    int count = 0;
    int gap = -1;
    for (int i = 0; i < PACK_CHOICES_MAX; i++) {
        const char *v = field(s, (Key)(KEY_A + i));
        if (!v) {
            if (gap < 0) {
                gap = i;
            }
            continue;
        }
        if (gap >= 0) {
            ERROR(ld, s->fields[KEY_A + i].line,
                  "choice '%c' follows a missing choice '%c' (name choices a, b, c ... "
                  "without gaps)",
                  'a' + i, 'a' + gap);
            return false;
        }
        if (!*v) {
            ERROR(ld, s->fields[KEY_A + i].line, "choice '%c' is empty", 'a' + i);
            return false;
        }
        q->choices[count++] = keep(ld, v);
    }
    q->choice_count = count;
    if (count < PACK_CHOICES_MIN) {
        ERROR(ld, s->line, "this %s question needs at least %d choices (a, b, ...), it has %d",
              question_type_name(q->type), PACK_CHOICES_MIN, count);
        return false;
    }
    /* duplicates, compared the way typed answers are */
    char *folded[PACK_CHOICES_MAX] = {0};
    bool ok = true;
    for (int i = 0; i < count; i++) {
        folded[i] = fold_loose(q->choices[i]);
        for (int j = 0; j < i && folded[i]; j++) {
            if (folded[j] && strcmp(folded[i], folded[j]) == 0) {
                ERROR(ld, s->fields[KEY_A + i].line, "choice '%c' repeats choice '%c'", 'a' + i,
                      'a' + j);
                ok = false;
            }
        }
    }
    for (int i = 0; i < count; i++) {
        free(folded[i]);
    }
    return ok;
}

/* Parses "b" or "a, c" into a bit mask of choices. */
static bool read_letters(Loader *ld, const Section *s, Question *q, uint8_t *mask, int *picked)
{
    const char *v = field(s, KEY_ANSWER);
    int line = s->fields[KEY_ANSWER].line;
    *mask = 0;
    *picked = 0;
    for (const char *p = v; *p;) {
        if (*p == ',' || *p == ' ' || *p == '\t') {
            p++;
            continue;
        }
        char c = *p;
        if (c >= 'A' && c <= 'Z') {
            c = (char)(c - 'A' + 'a');
        }
        bool letter = c >= 'a' && c <= 'z' && (p[1] == '\0' || p[1] == ',' || p[1] == ' ');
        if (!letter) {
            char qb[80];
            ERROR(ld, line, "answer '%s' must name choices by letter, like 'b' or 'a, c'",
                  quote(qb, sizeof qb, v));
            return false;
        }
        int index = c - 'a';
        if (index >= q->choice_count) {
            ERROR(ld, line, "answer '%c' names no choice (the choices are a to %c)", c,
                  'a' + q->choice_count - 1);
            return false;
        }
        if (*mask & (1u << index)) {
            WARN(ld, line, "answer names '%c' twice", c);
        } else {
            (*picked)++;
        }
        *mask |= (uint8_t)(1u << index);
        p++;
    }
    if (*picked == 0) {
        ERROR(ld, line, "'answer' is empty");
        return false;
    }
    return true;
}

static void read_text_answers(Loader *ld, const Section *s, Question *q)
{
    const char *v = field(s, KEY_ANSWER);
    int line = s->fields[KEY_ANSWER].line;
    char *folded[PACK_ANSWERS_MAX] = {0};
    const char *p = v;
    for (;;) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        while (len && (*p == ' ' || *p == '\t')) {
            p++;
            len--;
        }
        while (len && (p[len - 1] == ' ' || p[len - 1] == '\t')) {
            len--;
        }
        if (len == 0) {
            ERROR(ld, line, "an accepted answer is empty (check the '|' separators)");
        } else if (q->answer_count == PACK_ANSWERS_MAX) {
            ERROR(ld, line, "more than %d accepted answers", PACK_ANSWERS_MAX);
            break;
        } else {
            char *a = arena_strndup(&ld->pack->arena, p, len);
            if (!a) {
                ld->oom = true;
                break;
            }
            char *f = q->exact ? fold_exact(a) : fold_loose(a);
            char qb[80];
            if (!f || !*f) {
                ERROR(ld, line, "accepted answer '%s' has no letters or digits to match",
                      quote(qb, sizeof qb, a));
                free(f);
            } else {
                for (int j = 0; j < q->answer_count; j++) {
                    if (folded[j] && strcmp(folded[j], f) == 0) {
                        NOTE(ld, line, "accepted answer '%s' is already matched by '%s'",
                             quote(qb, sizeof qb, a), q->answers[j]);
                        break;
                    }
                }
                folded[q->answer_count] = f;
                q->answers[q->answer_count++] = a;
            }
            if (q->exact && (strstr(a, "\xE2\x80\x98") || strstr(a, "\xE2\x80\x99") ||
                             strstr(a, "\xE2\x80\x9C") || strstr(a, "\xE2\x80\x9D"))) {
                WARN(ld, line,
                     "accepted answer '%s' has a curly quote, which a keyboard does not type; "
                     "with exact = yes it will not match a straight quote",
                     quote(qb, sizeof qb, a));
            }
        }
        if (!bar) {
            break;
        }
        p = bar + 1;
    }
    for (int j = 0; j < PACK_ANSWERS_MAX; j++) {
        free(folded[j]);
    }
}

static void finish_question(Loader *ld, Section *s)
{
    Pack *p = ld->pack;
    if (!s->name_ok) {
        return; /* the id was already reported; its keys are not checked further */
    }
    if (s->keys == 0) {
        ERROR(ld, s->line, "question [%s] is empty", s->name);
        return;
    }
    for (int i = 0; i < p->question_count; i++) {
        if (strcmp(p->questions[i].id, s->name) == 0) {
            ERROR(ld, s->line, "duplicate question id '%s' (first on line %d)", s->name,
                  p->questions[i].line);
            return;
        }
    }
    if (p->question_count >= PACK_QUESTIONS_MAX) {
        if (!ld->too_many) {
            ERROR(ld, s->line, "more than %d questions in one pack; split it into several packs",
                  PACK_QUESTIONS_MAX);
            ld->too_many = true;
        }
        return;
    }
    if (p->question_count == ld->questions_cap) {
        int cap = ld->questions_cap ? ld->questions_cap * 2 : 64;
        Question *grown = realloc(p->questions, (size_t)cap * sizeof *grown);
        if (!grown) {
            ld->oom = true;
            return;
        }
        p->questions = grown;
        ld->questions_cap = cap;
    }
    Question *q = &p->questions[p->question_count];
    memset(q, 0, sizeof *q);
    q->id = keep(ld, s->name);
    q->line = s->line;
    q->revision = 1;
    q->time_limit = p->time_limit;
    q->score = p->score;

    size_t errors_before = ld->diags->counts[DIAG_ERROR];
    for (int k = 0; k < KEY_COUNT; k++) {
        if (key_info[k].flags & TEXT) {
            warn_cut(ld, s, (Key)k);
        }
    }
    const char *type = field(s, KEY_TYPE);
    if (!type) {
        ERROR(ld, s->line, "question [%s] has no 'type' (single, multi, truefalse, text, "
                           "number or order)", s->name);
        return;
    }
    q->type = question_type_from_name(type);
    if (q->type == QTYPE_COUNT) {
        char qb[80];
        ERROR(ld, s->fields[KEY_TYPE].line,
              "unknown type '%s' (expected single, multi, truefalse, text, number or order)",
              quote(qb, sizeof qb, type));
        return;
    }
    const char *prompt = field(s, KEY_PROMPT);
    if (!prompt || !*prompt) {
        ERROR(ld, s->line, "question [%s] has no 'prompt'", s->name);
    }
    q->prompt = keep(ld, prompt);
    q->explain = keep(ld, field(s, KEY_EXPLAIN));
    if (!field(s, KEY_EXPLAIN) || !*q->explain) {
        WARN(ld, s->line, "question [%s] has no 'explain': learners see only the answer",
             s->name);
    }
    q->source = keep(ld, field(s, KEY_SOURCE));
    if (!field(s, KEY_SOURCE) || !*q->source) {
        WARN(ld, s->line, "question [%s] has no 'source'", s->name);
    } else if (p->article) {
        const Article *a = article_find(p->article);
        if (a && !article_heading(a, q->source)) {
            const char *near = article_heading_near(a, q->source);
            char qb[80];
            if (near) {
                WARN(ld, s->fields[KEY_SOURCE].line,
                     "source '%s' is not a heading of %s: did you mean '%s'?",
                     quote(qb, sizeof qb, q->source), p->article, near);
            } else {
                WARN(ld, s->fields[KEY_SOURCE].line, "source '%s' is not a heading of %s",
                     quote(qb, sizeof qb, q->source), p->article);
            }
        }
    }
    const char *topic = field(s, KEY_TOPIC);
    if (topic && !pack_id_valid(topic)) {
        char qb[80];
        ERROR(ld, s->fields[KEY_TOPIC].line,
              "topic '%s' must be 1 to %d characters of a-z, 0-9 and '-'",
              quote(qb, sizeof qb, topic), PACK_ID_MAX);
    }
    q->topic = keep(ld, topic && *topic ? topic : "general");
    int_field(ld, s, KEY_REVISION, 1, 1000000, &q->revision);
    scoring_field(ld, s, &q->score, &q->time_limit);

    bool uses_choices = q->type == QTYPE_SINGLE || q->type == QTYPE_MULTI ||
                        q->type == QTYPE_ORDER;
    if (!uses_choices) {
        for (int i = 0; i < PACK_CHOICES_MAX; i++) {
            if (s->fields[KEY_A + i].seen) {
                WARN(ld, s->fields[KEY_A + i].line,
                     "a '%s' question has no choices: '%c' is ignored", type, 'a' + i);
            }
        }
    }
    if (q->type != QTYPE_NUMBER) {
        if (s->fields[KEY_TOLERANCE].seen) {
            WARN(ld, s->fields[KEY_TOLERANCE].line, "'tolerance' is only for number questions");
        }
        if (s->fields[KEY_UNIT].seen) {
            WARN(ld, s->fields[KEY_UNIT].line, "'unit' is only for number questions");
        }
    }
    if (q->type != QTYPE_TEXT && s->fields[KEY_EXACT].seen) {
        WARN(ld, s->fields[KEY_EXACT].line, "'exact' is only for text questions");
    }
    if (q->type != QTYPE_MULTI && q->type != QTYPE_ORDER && s->fields[KEY_PARTIAL_CREDIT].seen) {
        WARN(ld, s->fields[KEY_PARTIAL_CREDIT].line,
             "'partial_credit' only changes multi and order questions");
    }
    const char *answer = field(s, KEY_ANSWER);
    if (q->type == QTYPE_ORDER) {
        if (answer) {
            WARN(ld, s->fields[KEY_ANSWER].line,
                 "an 'order' question takes no 'answer': write its items a, b, c ... in the "
                 "right order");
        }
    } else if (!answer) {
        ERROR(ld, s->line, "question [%s] has no 'answer'", s->name);
        goto done;
    }

    switch (q->type) {
    case QTYPE_SINGLE:
    case QTYPE_MULTI: {
        if (!read_choices(ld, s, q)) {
            break;
        }
        int picked;
        if (!read_letters(ld, s, q, &q->correct, &picked)) {
            break;
        }
        if (q->type == QTYPE_SINGLE && picked > 1) {
            char qb[80];
            ERROR(ld, s->fields[KEY_ANSWER].line,
                  "a 'single' question has one right answer, but '%s' names %d "
                  "(use type = multi)",
                  quote(qb, sizeof qb, answer), picked);
        }
        break;
    }
    case QTYPE_ORDER:
        read_choices(ld, s, q);
        break;
    case QTYPE_TRUEFALSE:
        if (!parse_bool(answer, &q->truth) || strcmp(answer, "on") == 0 ||
            strcmp(answer, "off") == 0 || strcmp(answer, "1") == 0 || strcmp(answer, "0") == 0) {
            char qb[80];
            ERROR(ld, s->fields[KEY_ANSWER].line,
                  "a 'truefalse' answer is true or false, not '%s'", quote(qb, sizeof qb, answer));
        }
        break;
    case QTYPE_TEXT:
        bool_field(ld, s, KEY_EXACT, &q->exact);
        warn_cut(ld, s, KEY_ANSWER);
        read_text_answers(ld, s, q);
        break;
    case QTYPE_NUMBER: {
        char qb[80];
        if (!number_parse_strict(answer, &q->number)) {
            ERROR(ld, s->fields[KEY_ANSWER].line,
                  "answer '%s' is not a number (write digits with an optional '-' and '.', "
                  "like 1992 or -3.5)",
                  quote(qb, sizeof qb, answer));
        }
        q->number_text = keep(ld, answer);
        const char *tol = field(s, KEY_TOLERANCE);
        if (tol && (!number_parse_strict(tol, &q->tolerance) || q->tolerance < 0)) {
            ERROR(ld, s->fields[KEY_TOLERANCE].line,
                  "tolerance '%s' must be a number of 0 or more", quote(qb, sizeof qb, tol));
        }
        q->unit = field(s, KEY_UNIT) ? keep(ld, field(s, KEY_UNIT)) : NULL;
        break;
    }
    case QTYPE_COUNT:
        break;
    }
done:
    if (ld->diags->counts[DIAG_ERROR] == errors_before && !ld->oom) {
        p->question_count++;
    }
}

static void close_section(Loader *ld)
{
    Section *s = &ld->section;
    if (s->open) {
        if (s->is_pack) {
            finish_pack_section(ld, s);
        } else {
            finish_question(ld, s);
        }
    }
    section_reset(s);
    ld->last_key = KEY_COUNT;
}

static void open_section(Loader *ld, const char *name, size_t len, int line)
{
    close_section(ld);
    ld->any_section = true;
    Section *s = &ld->section;
    s->open = true;
    s->line = line;
    char raw[PACK_ID_MAX * 4 + 8];
    size_t keep_len = len < sizeof raw - 1 ? len : sizeof raw - 1;
    memcpy(raw, name, keep_len);
    raw[keep_len] = '\0';
    str_copy(s->name, sizeof s->name, raw);
    if (len == 4 && memcmp(name, "pack", 4) == 0) {
        if (ld->seen_pack) {
            ERROR(ld, line, "a second [pack] section (the first is on line %d)", ld->pack_line);
            s->open = false;
            return;
        }
        ld->seen_pack = true;
        ld->pack_line = line;
        s->is_pack = true;
        s->name_ok = true;
        return;
    }
    if (!ld->seen_pack) {
        ERROR(ld, line, "question [%s] comes before the [pack] section", s->name);
    }
    char qb[80];
    if (len == 0) {
        ERROR(ld, line, "a section needs a name: [question-id]");
    } else if (len > PACK_ID_MAX || memchr(name, '\0', len) || !pack_id_valid(raw)) {
        ERROR(ld, line, "question id '%s' must be 1 to %d characters of a-z, 0-9 and '-'",
              quote(qb, sizeof qb, raw), PACK_ID_MAX);
    } else {
        s->name_ok = true;
    }
}

/* ---- inih glue -------------------------------------------------------------------------- */

/* Wraps linereader_read: reports raw-line problems before inih sees the line, and opens
 * sections itself (inih never reports an empty section). */
static char *reader(char *str, int num, void *stream)
{
    Loader *ld = stream;
    LineReader *r = &ld->reader;
    char *line = linereader_read(str, num, r);
    if (!line) {
        return NULL;
    }
    int n = r->lineno;
    size_t bad;
    if (r->kind == LINE_TOO_LONG) {
        ERROR(ld, n, "line is %zu bytes long; the limit is %d (continue long text on indented "
                     "lines)", r->line_len, num - 1);
        return line;
    }
    if (memchr(r->line, '\0', r->line_len)) {
        ERROR(ld, n, "line contains a NUL byte: is this a binary file?");
        str[0] = '\0';
        r->kind = LINE_BLANK;
        return line;
    }
    if (!utf8_valid(r->line, r->line_len, &bad)) {
        unsigned char b = (unsigned char)r->line[bad];
        ERROR(ld, n, "invalid UTF-8 (byte 0x%02X at column %zu)%s", b, bad + 1,
              b >= 0x80 ? ": save the file as UTF-8 (it looks like Windows-1252 or Latin-1)"
                        : "");
    } else if (strstr(line, "\xEF\xBB\xBF")) {
        WARN(ld, n, "byte-order mark (U+FEFF) inside the file, ignored; delete it (files "
                    "joined together?)");
        /* hand inih the line without it, and classify it again */
        char *bom;
        while ((bom = strstr(line, "\xEF\xBB\xBF")) != NULL) {
            memmove(bom, bom + 3, strlen(bom + 3) + 1);
        }
        r->kind = linereader_classify(line, strlen(line), r->after_key, NULL, NULL);
        r->after_key = r->kind == LINE_KEY || (r->after_key && r->kind != LINE_SECTION);
    }
    switch (r->kind) {
    case LINE_SECTION: {
        const char *name;
        size_t len;
        linereader_classify(line, strlen(line), false, &name, &len);
        open_section(ld, name, len, n);
        break;
    }
    case LINE_INVALID: {
        const char *s = line;
        while (*s == ' ' || *s == '\t') {
            s++;
        }
        if (*s == '[') {
            ERROR(ld, n, "section line has no closing ']'");
            /* its keys belong to no section: do not report them against the one before */
            close_section(ld);
            ld->any_section = true;
        } else {
            ERROR(ld, n, "expected 'key = value', '[section]' or a comment");
        }
        break;
    }
    default:
        break;
    }
    return line;
}

/* True when the raw line's value holds an inline comment that inih will cut off. */
static bool value_cut(const char *line, size_t len)
{
    for (size_t i = 1; i < len; i++) {
        if (line[i] == ';' && (line[i - 1] == ' ' || line[i - 1] == '\t')) {
            return true;
        }
    }
    return false;
}

/* Same for a key line: looks only at what follows the first '=' or ':'. */
static bool value_cut_after_key(const char *line, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (line[i] == '=' || line[i] == ':') {
            return value_cut(line + i, len - i);
        }
    }
    return false;
}

static int handler(void *user, const char *section, const char *name, const char *value)
{
    (void)section; /* inih cuts long section names: the loader keeps its own */
    Loader *ld = user;
    const LineReader *r = &ld->reader;
    int n = r->lineno;
    Section *s = &ld->section;
    if (r->kind == LINE_CONTINUATION) {
        if (ld->last_key == KEY_COUNT) {
            return 1; /* continues an unknown or refused key: already reported */
        }
        Field *f = &s->fields[ld->last_key];
        /* an indented 'key = value' is joined, not read as a key: say so */
        const char *eq = strpbrk(value, "=:");
        if (eq) {
            char word[32];
            size_t wl = (size_t)(eq - value);
            while (wl && (value[wl - 1] == ' ' || value[wl - 1] == '\t')) {
                wl--;
            }
            if (wl < sizeof word) {
                memcpy(word, value, wl);
                word[wl] = '\0';
                if (key_from_name(word) != KEY_COUNT) {
                    WARN(ld, n,
                         "this indented line is joined to '%s'; remove the indentation if "
                         "'%s' is meant as a key",
                         key_info[ld->last_key].name, word);
                }
            }
        }
        if (value_cut(r->line, r->line_len)) {
            f->cut = true;
        }
        if (f->value.len + 1 + strlen(value) > PACK_TEXT_MAX) {
            ERROR(ld, n, "'%s' is longer than %d bytes", key_info[ld->last_key].name,
                  PACK_TEXT_MAX);
            ld->last_key = KEY_COUNT;
            return 1;
        }
        if (f->value.len) {
            strbuf_puts(&f->value, " ");
        }
        strbuf_puts(&f->value, value);
        if (f->value.oom) {
            ld->oom = true;
        }
        return 1;
    }
    ld->last_key = KEY_COUNT;
    if (!s->open) {
        if (!ld->any_section) {
            char qb[80];
            ERROR(ld, n, "'%s' is outside any section (put [pack] first)",
                  quote(qb, sizeof qb, name));
        }
        return 1; /* keys of a refused section were reported with it */
    }
    s->keys++;
    Key k = key_from_name(name);
    int where = s->is_pack ? IN_PACK : IN_QUESTION;
    if (k == KEY_COUNT || !(key_info[k].flags & where)) {
        char qb[80];
        if (strstr(name, "\xC2\xA0")) {
            WARN(ld, n, "key '%s' contains a no-break space (U+00A0); retype the spaces",
                 quote(qb, sizeof qb, name));
        } else if (strlen(name) == 1 && name[0] >= 'i' && name[0] <= 'z' && !s->is_pack) {
            ERROR(ld, n, "at most %d choices, a to h: '%s' is one too many", PACK_CHOICES_MAX,
                  name);
        } else {
            WARN(ld, n, "unknown key '%s' in [%s] (ignored)", quote(qb, sizeof qb, name),
                 s->name);
        }
        return 1;
    }
    Field *f = &s->fields[k];
    if (f->seen) {
        ERROR(ld, n, "duplicate key '%s' (first on line %d)", name, f->line);
        return 1;
    }
    if (strlen(value) > PACK_TEXT_MAX) {
        ERROR(ld, n, "'%s' is longer than %d bytes", name, PACK_TEXT_MAX);
        return 1;
    }
    f->seen = true;
    f->line = n;
    f->cut = value_cut_after_key(r->line, r->line_len);
    strbuf_puts(&f->value, value);
    if (f->value.oom) {
        ld->oom = true;
    }
    ld->last_key = k;
    return 1;
}

/* ---- whole-file checks and the public API ---------------------------------------------- */

static bool check_encoding(Loader *ld, const char *data, size_t len)
{
    const unsigned char *u = (const unsigned char *)data;
    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        ERROR(ld, 0, "the file is UTF-16; save it as UTF-8");
        return false;
    }
    if (len >= 4 && ((u[0] == 0 && u[1] != 0 && u[2] == 0) || (u[0] != 0 && u[1] == 0 &&
                                                                 u[3] == 0))) {
        ERROR(ld, 0, "the file looks like UTF-16 without a byte-order mark; save it as UTF-8");
        return false;
    }
    return true;
}

Pack *pack_load_buffer(const char *path, const char *data, size_t len, DiagList *diags)
{
    Loader ld;
    memset(&ld, 0, sizeof ld);
    ld.path = path;
    ld.diags = diags;
    ld.last_key = KEY_COUNT;
    size_t errors_before = diags->counts[DIAG_ERROR];

    Pack *p = calloc(1, sizeof *p);
    if (!p) {
        ERROR(&ld, 0, "out of memory");
        return NULL;
    }
    arena_init(&p->arena);
    p->time_limit = 20;
    p->score = (ScoreSettings){SCORING_SPEED, 1000, 0, false};
    p->streak_bonus = true;
    p->streak_step = 100;
    p->streak_cap = 500;
    ld.pack = p;
    p->path = keep(&ld, path);

    if (!check_encoding(&ld, data, len)) {
        pack_destroy(p);
        return NULL;
    }
    linereader_init(&ld.reader, data, len);
    int rc = ini_parse_stream(reader, &ld, handler, &ld);
    close_section(&ld);
    if (rc == -2) {
        ld.oom = true;
    }
    if (ld.oom) {
        ERROR(&ld, 0, "out of memory while reading the pack");
    } else if (!ld.seen_pack && len > 0) {
        ERROR(&ld, 0, "no [pack] section: a pack starts with [pack], format, id and title");
    }
    if (len == 0 || (p->question_count == 0 && diags->counts[DIAG_ERROR] == errors_before)) {
        ERROR(&ld, len == 0 ? 0 : ld.pack_line, "the pack has no questions");
    }
    if (diags->counts[DIAG_ERROR] != errors_before) {
        pack_destroy(p);
        return NULL;
    }
    /* the questions array was grown by doubling: give back the slack */
    if (p->question_count > 0) {
        Question *fit = realloc(p->questions, (size_t)p->question_count * sizeof *fit);
        if (fit) {
            p->questions = fit;
        }
    }
    return p;
}

Pack *pack_load_file(const char *path, DiagList *diags)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        diag_add(diags, DIAG_ERROR, path, 0, "cannot open: %s", strerror(errno));
        return NULL;
    }
    if (S_ISDIR(st.st_mode)) {
        diag_add(diags, DIAG_ERROR, path, 0, "is a directory, not a pack file");
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) {
        diag_add(diags, DIAG_ERROR, path, 0, "is not a regular file");
        return NULL;
    }
    if (st.st_size > PACK_BYTES_MAX) {
        diag_add(diags, DIAG_ERROR, path, 0,
                 "is %lld bytes; a pack may be at most %ld bytes (split it into several packs)",
                 (long long)st.st_size, PACK_BYTES_MAX);
        return NULL;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        diag_add(diags, DIAG_ERROR, path, 0, "cannot open: %s", strerror(errno));
        return NULL;
    }
    size_t cap = (size_t)st.st_size + 1;
    char *data = malloc(cap);
    if (!data) {
        fclose(f);
        diag_add(diags, DIAG_ERROR, path, 0, "out of memory");
        return NULL;
    }
    /* read to the end, not to st_size: the file may change size while we read it */
    size_t len = 0;
    for (;;) {
        size_t got = fread(data + len, 1, cap - len, f);
        len += got;
        if (got == 0 || len < cap) {
            break;
        }
        if ((long)len > PACK_BYTES_MAX) {
            break;
        }
        char *grown = realloc(data, cap * 2);
        if (!grown) {
            break;
        }
        data = grown;
        cap *= 2;
    }
    bool failed = ferror(f);
    int err = errno;
    fclose(f);
    if (failed) {
        free(data);
        diag_add(diags, DIAG_ERROR, path, 0, "cannot read: %s", strerror(err));
        return NULL;
    }
    if ((long)len > PACK_BYTES_MAX) {
        free(data);
        diag_add(diags, DIAG_ERROR, path, 0, "is more than %ld bytes; split it into several packs",
                 PACK_BYTES_MAX);
        return NULL;
    }
    Pack *p = pack_load_buffer(path, data, len, diags);
    free(data);
    return p;
}

void pack_destroy(Pack *pack)
{
    if (!pack) {
        return;
    }
    free(pack->questions);
    arena_free(&pack->arena);
    free(pack);
}

const Question *pack_find_question(const Pack *pack, const char *id)
{
    for (int i = 0; i < pack->question_count; i++) {
        if (strcmp(pack->questions[i].id, id) == 0) {
            return &pack->questions[i];
        }
    }
    return NULL;
}

static const char *const type_names[QTYPE_COUNT] = {
    "single", "multi", "truefalse", "text", "number", "order",
};

const char *question_type_name(QuestionType type)
{
    return type < QTYPE_COUNT ? type_names[type] : "?";
}

QuestionType question_type_from_name(const char *name)
{
    for (int t = 0; t < QTYPE_COUNT; t++) {
        if (strcmp(type_names[t], name) == 0) {
            return (QuestionType)t;
        }
    }
    return QTYPE_COUNT;
}

static const char *const rule_names[SCORING_RULE_COUNT] = {"accuracy", "speed", "linear"};

const char *scoring_rule_name(ScoringRule rule)
{
    return rule < SCORING_RULE_COUNT ? rule_names[rule] : "?";
}

ScoringRule scoring_rule_from_name(const char *name)
{
    for (int r = 0; r < SCORING_RULE_COUNT; r++) {
        if (strcmp(rule_names[r], name) == 0) {
            return (ScoringRule)r;
        }
    }
    return SCORING_RULE_COUNT;
}

bool pack_id_valid(const char *id)
{
    size_t n = 0;
    for (const char *p = id; *p; p++, n++) {
        bool ok = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-';
        if (!ok || n >= PACK_ID_MAX) {
            return false;
        }
    }
    return n > 0;
}
