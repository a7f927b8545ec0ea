/* pack_check.c - validation of the [pack] section and of each question into the Pack model.
 * Never prints: problems go to the loader's diagnostics. */
#include "pack_loader.h"

#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "fold.h"
#include "number.h"

void pack_check_header(Loader *ld, Section *s)
{
    Pack *p = ld->pack;
    for (int k = 0; k < KEY_COUNT; k++) {
        if (pack_key_info[k].flags & TEXT) {
            pack_field_warn_cut(ld, s, (Key)k);
        }
    }
    const char *format = pack_field(s, KEY_FORMAT);
    if (!format) {
        ERROR(ld, s->line, "[pack] has no 'format' (write 'format = %d')", PACK_FORMAT);
    } else {
        long f;
        if (!number_parse_int(format, 1, 1000000, &f)) {
            char q[80];
            ERROR(ld, s->fields[KEY_FORMAT].line, "'format' must be a whole number, not '%s'",
                  pack_quote(q, sizeof q, format));
        } else if (f > PACK_FORMAT) {
            ERROR(ld, s->fields[KEY_FORMAT].line,
                  "format %ld is newer than this version of quizdeck reads (%d); update quizdeck",
                  f, PACK_FORMAT);
        } else {
            p->format = (int)f;
        }
    }
    const char *id = pack_field(s, KEY_ID);
    if (!id) {
        ERROR(ld, s->line, "[pack] has no 'id'");
    } else if (!pack_id_valid(id)) {
        char q[80];
        ERROR(ld, s->fields[KEY_ID].line,
              "pack id '%s' must be 1 to %d characters of a-z, 0-9 and '-'",
              pack_quote(q, sizeof q, id), PACK_ID_MAX);
    } else {
        p->id = pack_keep(ld, id);
    }
    const char *title = pack_field(s, KEY_TITLE);
    if (!title || !*title) {
        ERROR(ld, s->line, "[pack] has no 'title'");
    } else {
        p->title = pack_keep(ld, title);
    }
    p->description = pack_keep(ld, pack_field(s, KEY_DESCRIPTION));
    p->language = pack_keep(ld, pack_field(s, KEY_LANGUAGE) ? pack_field(s, KEY_LANGUAGE) : "en");
    p->author = pack_keep(ld, pack_field(s, KEY_AUTHOR));
    p->version = pack_keep(ld, pack_field(s, KEY_VERSION));
    p->facts_as_of = pack_keep(ld, pack_field(s, KEY_FACTS_AS_OF));
    const char *article = pack_field(s, KEY_ARTICLE);
    if (article) {
        if (!article_find(article)) {
            char q[80];
            WARN(ld, s->fields[KEY_ARTICLE].line,
                 "unknown article '%s': sources will not be checked",
                 pack_quote(q, sizeof q, article));
        } else {
            p->article = pack_keep(ld, article);
        }
    }
    pack_field_scoring(ld, s, &p->score, &p->time_limit);
    pack_field_bool(ld, s, KEY_STREAK_BONUS, &p->streak_bonus);
    pack_field_int(ld, s, KEY_STREAK_STEP, 0, PACK_POINTS_MAX, &p->streak_step);
    pack_field_int(ld, s, KEY_STREAK_CAP, 0, PACK_POINTS_MAX, &p->streak_cap);
}

/* Collects the choices a..h; reports gaps. Returns false when they are unusable. */
static bool read_choices(Loader *ld, const Section *s, Question *q)
{
    int count = 0;
    int gap = -1;
    for (int i = 0; i < PACK_CHOICES_MAX; i++) {
        const char *v = pack_field(s, (Key)(KEY_A + i));
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
        q->choices[count++] = pack_keep_field(ld, s, (Key)(KEY_A + i));
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
    const char *v = pack_field(s, KEY_ANSWER);
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
                  pack_quote(qb, sizeof qb, v));
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
    const char *v = pack_field(s, KEY_ANSWER);
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
                      pack_quote(qb, sizeof qb, a));
                free(f);
            } else {
                for (int j = 0; j < q->answer_count; j++) {
                    if (folded[j] && strcmp(folded[j], f) == 0) {
                        NOTE(ld, line, "accepted answer '%s' is already matched by '%s'",
                             pack_quote(qb, sizeof qb, a), q->answers[j]);
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
                     pack_quote(qb, sizeof qb, a));
            }
            if (q->exact && strstr(a, "\xC2\xA0")) {
                WARN(ld, line,
                     "accepted answer '%s' has a no-break space (U+00A0); with exact = yes a "
                     "typed space will not match it",
                     pack_quote(qb, sizeof qb, a));
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

void pack_check_question(Loader *ld, Section *s)
{
    Pack *p = ld->pack;
    if (!s->name_ok) {
        return; /* the id was already reported; its keys are not checked further */
    }
    if (s->keys == 0 && !s->broken) {
        ERROR(ld, s->line, "question [%s] is empty", s->name);
        return;
    }
    char *id = pack_keep(ld, s->name);
    int first = id ? idset_add(&ld->ids, id, s->line) : -1;
    if (first < 0) {
        ld->oom = true;
        return;
    }
    if (first > 0) {
        ERROR(ld, s->line, "duplicate question id '%s' (first on line %d)", s->name, first);
        return;
    }
    if (s->broken) {
        return; /* a line of it could not be read: what seems missing may be on that line */
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
    q->id = id;
    q->line = s->line;
    q->revision = 1;
    q->time_limit = p->time_limit;
    q->score = p->score;

    size_t errors_before = ld->diags->counts[DIAG_ERROR];
    for (int k = 0; k < KEY_COUNT; k++) {
        if (pack_key_info[k].flags & TEXT) {
            pack_field_warn_cut(ld, s, (Key)k);
        }
    }
    const char *type = pack_field(s, KEY_TYPE);
    if (!type) {
        ERROR(ld, s->line,
              "question [%s] has no 'type' (single, multi, truefalse, text, "
              "number or order)",
              s->name);
        return;
    }
    q->type = question_type_from_name(type);
    if (q->type == QTYPE_COUNT) {
        char qb[80];
        ERROR(ld, s->fields[KEY_TYPE].line,
              "unknown type '%s' (expected single, multi, truefalse, text, number or order)",
              pack_quote(qb, sizeof qb, type));
        return;
    }
    const char *prompt = pack_field(s, KEY_PROMPT);
    if (!prompt || !*prompt) {
        ERROR(ld, s->line, "question [%s] has no 'prompt'", s->name);
    }
    q->prompt = pack_keep_field(ld, s, KEY_PROMPT);
    q->explain = pack_keep_field(ld, s, KEY_EXPLAIN);
    if (!pack_field(s, KEY_EXPLAIN) || !*q->explain) {
        WARN(ld, s->line, "question [%s] has no 'explain': learners see only the answer", s->name);
    }
    q->source = pack_keep_field(ld, s, KEY_SOURCE);
    if (!pack_field(s, KEY_SOURCE) || !*q->source) {
        WARN(ld, s->line, "question [%s] has no 'source'", s->name);
    } else if (p->article) {
        const Article *a = article_find(p->article);
        if (a && !article_heading(a, q->source)) {
            const char *near = article_heading_near(a, q->source);
            char qb[80];
            if (near) {
                WARN(ld, s->fields[KEY_SOURCE].line,
                     "source '%s' is not a heading of %s: did you mean '%s'?",
                     pack_quote(qb, sizeof qb, q->source), p->article, near);
            } else {
                WARN(ld, s->fields[KEY_SOURCE].line, "source '%s' is not a heading of %s",
                     pack_quote(qb, sizeof qb, q->source), p->article);
            }
        }
    }
    const char *topic = pack_field(s, KEY_TOPIC);
    if (topic && !pack_id_valid(topic)) {
        char qb[80];
        ERROR(ld, s->fields[KEY_TOPIC].line,
              "topic '%s' must be 1 to %d characters of a-z, 0-9 and '-'",
              pack_quote(qb, sizeof qb, topic), PACK_ID_MAX);
    }
    q->topic = pack_keep(ld, topic && *topic ? topic : "general");
    pack_field_int(ld, s, KEY_REVISION, 1, 1000000, &q->revision);
    pack_field_scoring(ld, s, &q->score, &q->time_limit);

    bool uses_choices = q->type == QTYPE_SINGLE || q->type == QTYPE_MULTI || q->type == QTYPE_ORDER;
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
    const char *answer = pack_field(s, KEY_ANSWER);
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
                  pack_quote(qb, sizeof qb, answer), picked);
        }
        break;
    }
    case QTYPE_ORDER:
        read_choices(ld, s, q);
        break;
    case QTYPE_TRUEFALSE:
        if (!pack_parse_bool(answer, &q->truth) || strcmp(answer, "on") == 0 ||
            strcmp(answer, "off") == 0 || strcmp(answer, "1") == 0 || strcmp(answer, "0") == 0) {
            char qb[80];
            ERROR(ld, s->fields[KEY_ANSWER].line, "a 'truefalse' answer is true or false, not '%s'",
                  pack_quote(qb, sizeof qb, answer));
        }
        break;
    case QTYPE_TEXT:
        pack_field_bool(ld, s, KEY_EXACT, &q->exact);
        pack_field_warn_cut(ld, s, KEY_ANSWER);
        read_text_answers(ld, s, q);
        break;
    case QTYPE_NUMBER: {
        char qb[80];
        if (!number_parse_strict(answer, &q->number)) {
            ERROR(ld, s->fields[KEY_ANSWER].line,
                  "answer '%s' is not a number (write digits with an optional '-' and '.', "
                  "like 1992 or -3.5)",
                  pack_quote(qb, sizeof qb, answer));
        }
        q->number_text = pack_keep(ld, answer);
        const char *tol = pack_field(s, KEY_TOLERANCE);
        if (tol && (tol[0] == '-' || !number_parse_strict(tol, &q->tolerance))) {
            ERROR(ld, s->fields[KEY_TOLERANCE].line, "tolerance '%s' must be a number of 0 or more",
                  pack_quote(qb, sizeof qb, tol));
        }
        q->unit = pack_field(s, KEY_UNIT) ? pack_keep(ld, pack_field(s, KEY_UNIT)) : NULL;
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
