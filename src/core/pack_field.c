/* pack_field.c - the key table and the typed reading of one section's values. Never prints. */
#include "pack_loader.h"

#include <stddef.h>
#include <string.h>

#include "number.h"

const PackKeyInfo pack_key_info[KEY_COUNT] = {
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

/* The key this name could be, chosen by its length and first letter alone; the caller then
 * compares the whole name. KEY_COUNT when no key has that length and first letter. */
static Key key_candidate(const char *name, size_t len)
{
    char c = name[0];
    switch (len) {
    case 1:
        return c >= 'a' && c <= 'h' ? (Key)(KEY_A + (c - 'a')) : KEY_COUNT;
    case 2:
        return KEY_ID;
    case 4:
        return c == 't' ? KEY_TYPE : c == 'u' ? KEY_UNIT : KEY_COUNT;
    case 5:
        return c == 'e'   ? KEY_EXACT
               : c == 't' ? (name[1] == 'o' ? KEY_TOPIC : KEY_TITLE)
                          : KEY_COUNT;
    case 6:
        switch (c) {
        case 'p':
            return name[1] == 'r' ? KEY_PROMPT : KEY_POINTS;
        case 'a':
            return name[1] == 'n' ? KEY_ANSWER : KEY_AUTHOR;
        case 's':
            return KEY_SOURCE;
        case 'f':
            return KEY_FORMAT;
        default:
            return KEY_COUNT;
        }
    case 7:
        switch (c) {
        case 'e':
            return KEY_EXPLAIN;
        case 's':
            return KEY_SCORING;
        case 'p':
            return KEY_PENALTY;
        case 'v':
            return KEY_VERSION;
        case 'a':
            return KEY_ARTICLE;
        default:
            return KEY_COUNT;
        }
    case 8:
        return c == 'r' ? KEY_REVISION : c == 'l' ? KEY_LANGUAGE : KEY_COUNT;
    case 9:
        return KEY_TOLERANCE;
    case 10:
        return c == 't' ? KEY_TIME_LIMIT : KEY_STREAK_CAP;
    case 11:
        return c == 'd' ? KEY_DESCRIPTION : c == 'f' ? KEY_FACTS_AS_OF : KEY_STREAK_STEP;
    case 12:
        return KEY_STREAK_BONUS;
    case 14:
        return KEY_PARTIAL_CREDIT;
    default:
        return KEY_COUNT;
    }
}

Key pack_key_from_name(const char *name)
{
    /* no key is longer than 14 bytes: stop counting there */
    size_t len = 0;
    while (len < 16 && name[len]) {
        len++;
    }
    if (len == 0) {
        return KEY_COUNT;
    }
    Key k = key_candidate(name, len);
    if (k != KEY_COUNT && memcmp(pack_key_info[k].name, name, len + 1) == 0) {
        return k;
    }
    return KEY_COUNT;
}

const char *pack_quote(char *buf, size_t size, const char *s)
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

void pack_section_reset(Section *s)
{
    for (int k = 0; k < KEY_COUNT; k++) {
        strbuf_free(&s->fields[k].value);
    }
    memset(s, 0, sizeof *s);
}

void pack_section_clear(Section *s)
{
    /* only the fields that were seen hold anything */
    uint64_t left = s->seen_keys;
    for (int k = 0; left; k++, left >>= 1) {
        if (!(left & 1)) {
            continue;
        }
        Field *f = &s->fields[k];
        if (f->value.oom) {
            strbuf_free(&f->value);
        }
        strbuf_clear(&f->value);
        f->seen = false;
        f->line = 0;
        f->cut = false;
        f->repeats = 0;
        f->repeat_line = 0;
    }
    memset(s, 0, offsetof(Section, fields));
}

const char *pack_field(const Section *s, Key k)
{
    return s->fields[k].seen ? strbuf_cstr(&s->fields[k].value) : NULL;
}

char *pack_keep(Loader *ld, const char *s)
{
    char *p = arena_strdup(&ld->pack->arena, s ? s : "");
    if (!p) {
        ld->oom = true;
    }
    return p;
}

char *pack_keep_field(Loader *ld, const Section *s, Key k)
{
    const Field *f = &s->fields[k];
    char *p = f->seen ? arena_strndup(&ld->pack->arena, strbuf_cstr(&f->value), f->value.len)
                      : arena_strndup(&ld->pack->arena, "", 0);
    if (!p) {
        ld->oom = true;
    }
    return p;
}

bool pack_parse_bool(const char *s, bool *out)
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
void pack_field_int(Loader *ld, const Section *s, Key k, long min, long max, int *out)
{
    const char *v = pack_field(s, k);
    if (!v) {
        return;
    }
    long n;
    if (!number_parse_int(v, min, max, &n)) {
        char q[80];
        ERROR(ld, s->fields[k].line, "'%s' must be a whole number from %ld to %ld, not '%s'",
              pack_key_info[k].name, min, max, pack_quote(q, sizeof q, v));
        return;
    }
    *out = (int)n;
}

void pack_field_bool(Loader *ld, const Section *s, Key k, bool *out)
{
    const char *v = pack_field(s, k);
    if (v && !pack_parse_bool(v, out)) {
        char q[80];
        ERROR(ld, s->fields[k].line, "'%s' must be on or off, not '%s'", pack_key_info[k].name,
              pack_quote(q, sizeof q, v));
    }
}

void pack_field_scoring(Loader *ld, const Section *s, ScoreSettings *score, int *time_limit)
{
    const char *v = pack_field(s, KEY_SCORING);
    if (v) {
        ScoringRule rule = scoring_rule_from_name(v);
        if (rule == SCORING_RULE_COUNT) {
            char q[80];
            ERROR(ld, s->fields[KEY_SCORING].line,
                  "unknown scoring '%s' (expected accuracy, speed or linear)",
                  pack_quote(q, sizeof q, v));
        } else {
            score->rule = rule;
        }
    }
    pack_field_int(ld, s, KEY_POINTS, 0, PACK_POINTS_MAX, &score->points);
    pack_field_int(ld, s, KEY_PENALTY, 0, PACK_POINTS_MAX, &score->penalty);
    pack_field_bool(ld, s, KEY_PARTIAL_CREDIT, &score->partial_credit);
    pack_field_int(ld, s, KEY_TIME_LIMIT, 0, PACK_TIME_LIMIT_MAX, time_limit);
}

/* Warns about text cut by an inline comment, for keys whose value is prose. */
void pack_field_warn_cut(Loader *ld, const Section *s, Key k)
{
    if (s->fields[k].seen && s->fields[k].cut) {
        WARN(ld, s->fields[k].line,
             "' ;' starts a comment, so the rest of this line is not part of '%s'; "
             "write ';' without a space before it",
             pack_key_info[k].name);
    }
}
