/* settings.c - reading and writing settings.ini through inidoc and save. Never prints. */
#include "settings.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "number.h"
#include "pack.h"
#include "strbuf.h"

void settings_init(Settings *s)
{
    memset(s, 0, sizeof *s);
    s->timed = true;
    s->question_count = 10;
    s->new_per_day = 20;
    s->review_cap = 200;
    s->day_start = 4;
    s->retention = 0.90;
    s->max_interval = 36500;
}

void settings_free(Settings *s)
{
    if (!s) {
        return;
    }
    inidoc_destroy(s->doc);
    settings_init(s);
}

bool settings_parse_bool(const char *text, bool *out)
{
    static const char *const yes[] = {"on", "yes", "true", "1"};
    static const char *const no[] = {"off", "no", "false", "0"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
        if (strcasecmp(text, yes[i]) == 0) {
            *out = true;
            return true;
        }
        if (strcasecmp(text, no[i]) == 0) {
            *out = false;
            return true;
        }
    }
    return false;
}

/* Checks a comma-separated list of pack ids and writes it without spaces into `out`. */
static bool parse_packs(const char *text, char *out, size_t size)
{
    StrBuf sb = STRBUF_INIT;
    bool ok = true;
    const char *p = text;
    while (ok && *p) {
        size_t n = strcspn(p, ",");
        char id[PACK_ID_MAX + 2];
        const char *a = p, *b = p + n;
        while (a < b && *a == ' ') {
            a++;
        }
        while (b > a && b[-1] == ' ') {
            b--;
        }
        size_t len = (size_t)(b - a);
        ok = len > 0 && len < sizeof id;
        if (ok) {
            memcpy(id, a, len);
            id[len] = '\0';
            ok = pack_id_valid(id);
            if (sb.len) {
                strbuf_puts(&sb, ",");
            }
            strbuf_puts(&sb, id);
        }
        p += n;
        if (*p == ',') {
            p++;
            ok = ok && *p != '\0'; /* no empty last item */
        }
    }
    ok = ok && !sb.oom && str_copy(out, size, strbuf_cstr(&sb));
    strbuf_free(&sb);
    return ok;
}

/* A desired retention as written in the file: a decimal from 0.70 to 0.99. */
static bool parse_retention(const char *text, double *out)
{
    double r;
    if (!number_parse_strict(text, &r) || !(r >= 0.70 - 1e-9 && r <= 0.99 + 1e-9)) {
        return false;
    }
    *out = r;
    return true;
}

double settings_retention(const Settings *s, const char *pack_id)
{
    double r;
    const char *v = s->doc && pack_id ? inidoc_get(s->doc, "retention", pack_id) : NULL;
    return v && parse_retention(v, &r) ? r : s->retention;
}

/* The sections this version reads; each is read from its first copy only. */
static const char *const known_sections[] = {"quizdeck", "quiz",  "sound",
                                             "display",  "cards", "retention"};

/* True when record `rec` repeats a section of known_sections that an earlier record has. */
static bool repeated_section(const IniDoc *doc, size_t rec)
{
    const char *name = inidoc_record_section(doc, rec);
    for (size_t i = 0; i < sizeof known_sections / sizeof known_sections[0]; i++) {
        if (strcmp(name, known_sections[i]) == 0) {
            return inidoc_find_record(doc, name, 0) < (long)rec;
        }
    }
    return false;
}

/* Reads the values `s` knows from `doc`. Each bad value gets a warning and keeps its default.
 * Returns false when any value was bad. */
static bool apply(Settings *s, const IniDoc *doc, DiagList *diags)
{
    const char *path = inidoc_path(doc);
    bool ok = true;
    int line;
    for (size_t r = 0; r < inidoc_record_count(doc); r++) {
        if (repeated_section(doc, r)) {
            const char *name = inidoc_record_section(doc, r);
            diag_add(diags, DIAG_WARNING, path, inidoc_record_line(doc, r),
                     "[%s] appears again (first on line %d); only the first is read", name,
                     inidoc_record_line(doc, (size_t)inidoc_find_record(doc, name, 0)));
            ok = false;
        }
    }
    const char *v = inidoc_lookup(doc, "quizdeck", "version", &line);
    long num;
    if (v && !number_parse_int(v, 1, 1000000, &num)) {
        diag_add(diags, DIAG_WARNING, path, line, "version = '%s' is not a version number", v);
        ok = false;
    }
    v = inidoc_lookup(doc, "quiz", "count", &line);
    if (v) {
        if (number_parse_int(v, SETTINGS_COUNT_MIN, SETTINGS_COUNT_MAX, &num)) {
            s->question_count = (int)num;
        } else {
            diag_add(diags, DIAG_WARNING, path, line,
                     "count = '%s' is not a whole number from %d to %d; using %d", v,
                     SETTINGS_COUNT_MIN, SETTINGS_COUNT_MAX, s->question_count);
            ok = false;
        }
    }
    static const struct {
        const char *section, *key;
        size_t offset;
    } bools[] = {
        {"quiz", "timed", offsetof(Settings, timed)},
        {"quiz", "relaxed", offsetof(Settings, relaxed)},
        {"sound", "muted", offsetof(Settings, muted)},
        {"display", "fullscreen", offsetof(Settings, fullscreen)},
        {"display", "reduce_motion", offsetof(Settings, reduce_motion)},
        {"cards", "two_buttons", offsetof(Settings, two_buttons)},
        {"cards", "quiz_feeds", offsetof(Settings, quiz_feeds)},
    };
    for (size_t i = 0; i < sizeof bools / sizeof bools[0]; i++) {
        bool *field = (bool *)((char *)s + bools[i].offset);
        v = inidoc_lookup(doc, bools[i].section, bools[i].key, &line);
        if (v && !settings_parse_bool(v, field)) {
            diag_add(diags, DIAG_WARNING, path, line, "%s = '%s' is not on or off; using %s",
                     bools[i].key, v, *field ? "on" : "off");
            ok = false;
        }
    }
    static const struct {
        const char *key;
        long lo, hi;
        size_t offset;
    } ints[] = {
        {"new_per_day", 0, 1000, offsetof(Settings, new_per_day)},
        {"review_cap", 1, 10000, offsetof(Settings, review_cap)},
        {"day_start", 0, 23, offsetof(Settings, day_start)},
        {"max_interval", 1, 36500, offsetof(Settings, max_interval)},
    };
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
        int *field = (int *)((char *)s + ints[i].offset);
        v = inidoc_lookup(doc, "cards", ints[i].key, &line);
        if (v && number_parse_int(v, ints[i].lo, ints[i].hi, &num)) {
            *field = (int)num;
        } else if (v) {
            diag_add(diags, DIAG_WARNING, path, line,
                     "%s = '%s' is not a whole number from %ld to %ld; using %d", ints[i].key, v,
                     ints[i].lo, ints[i].hi, *field);
            ok = false;
        }
    }
    v = inidoc_lookup(doc, "cards", "retention", &line);
    if (v) {
        double r;
        if (parse_retention(v, &r)) {
            s->retention = r;
        } else {
            diag_add(diags, DIAG_WARNING, path, line,
                     "retention = '%s' is not a number from 0.70 to 0.99; using %.2f", v,
                     s->retention);
            ok = false;
        }
    }
    v = inidoc_lookup(doc, "quiz", "packs", &line);
    if (v && !parse_packs(v, s->packs, sizeof s->packs)) {
        diag_add(diags, DIAG_WARNING, path, line,
                 "packs = '%.80s' is not a comma-separated list of pack ids; using every pack", v);
        s->packs[0] = '\0';
        ok = false;
    }
    v = inidoc_lookup(doc, "quiz", "topic", &line);
    if (v && *v && (!pack_id_valid(v) || !str_copy(s->topic, sizeof s->topic, v))) {
        diag_add(diags, DIAG_WARNING, path, line, "topic = '%.80s' is not a topic tag; using all",
                 v);
        s->topic[0] = '\0';
        ok = false;
    }
    return ok;
}

bool settings_load(Settings *s, const SaveIo *io, const char *path, time_t now, DiagList *diags,
                   LoadReport *report)
{
    settings_free(s);
    char *data;
    size_t len;
    bool result;
    if (!save_load_begin(io, path, SETTINGS_FILE_MAX, now, diags, report, &data, &len,
                         &s->save_blocked, &result)) {
        return result;
    }
    bool clean = false;
    IniDoc *doc = inidoc_parse_partial(path, data, len, diags, &clean);
    free(data);
    if (!doc) {
        diag_add(diags, DIAG_WARNING, path, 0, "out of memory while reading the settings");
        s->save_blocked = true;
        return false;
    }
    bool values_ok = apply(s, doc, diags);
    s->doc = doc;
    return save_load_finish(io, path, clean && values_ok, "the settings file is damaged", now,
                            diags, report, &s->save_blocked);
}

/* A copy of `src` (or a new document when it is NULL), without the repeats of known sections
 * (which were not read, so a save would keep values that mean nothing). */
static IniDoc *copy_doc(const IniDoc *src, const char *path)
{
    IniDoc *doc = inidoc_create(path);
    for (size_t i = 0; doc && i < inidoc_record_count(src); i++) {
        if (!repeated_section(src, i) && inidoc_copy_record(doc, src, i) < 0) {
            inidoc_destroy(doc);
            return NULL;
        }
    }
    return doc;
}

bool settings_save(const Settings *s, const SaveIo *io, const char *path, SaveError *e)
{
    SaveError spare;
    if (!e) {
        e = &spare;
    }
    if (s->save_blocked) {
        return save_refuse_blocked(path, e);
    }
    IniDoc *doc = copy_doc(s->doc, path);
    bool ok = doc != NULL;
    if (ok) {
        long version;
        const char *v = inidoc_get(doc, "quizdeck", "version");
        char count[16];
        str_format(count, sizeof count, "%d", s->question_count);
        if (inidoc_find_record(doc, "quizdeck", 0) < 0) {
            ok = inidoc_insert_record(doc, 0, "quizdeck") >= 0;
        }
        if (!v || !number_parse_int(v, SETTINGS_VERSION, 1000000, &version)) {
            ok = ok && inidoc_set(doc, "quizdeck", "version", "1");
        }
        ok = ok && inidoc_set(doc, "quiz", "count", count) &&
             inidoc_set(doc, "quiz", "timed", s->timed ? "on" : "off") &&
             inidoc_set(doc, "quiz", "relaxed", s->relaxed ? "on" : "off") &&
             inidoc_set(doc, "quiz", "packs", s->packs) &&
             inidoc_set(doc, "quiz", "topic", s->topic) &&
             inidoc_set(doc, "sound", "muted", s->muted ? "on" : "off") &&
             inidoc_set(doc, "display", "fullscreen", s->fullscreen ? "on" : "off") &&
             inidoc_set(doc, "display", "reduce_motion", s->reduce_motion ? "on" : "off");
        char num[5][32];
        str_format(num[0], sizeof num[0], "%d", s->new_per_day);
        str_format(num[1], sizeof num[1], "%d", s->review_cap);
        str_format(num[2], sizeof num[2], "%d", s->day_start);
        str_format(num[3], sizeof num[3], "%.2f", s->retention);
        str_format(num[4], sizeof num[4], "%d", s->max_interval);
        ok = ok && inidoc_set(doc, "cards", "new_per_day", num[0]) &&
             inidoc_set(doc, "cards", "review_cap", num[1]) &&
             inidoc_set(doc, "cards", "day_start", num[2]) &&
             inidoc_set(doc, "cards", "retention", num[3]) &&
             inidoc_set(doc, "cards", "max_interval", num[4]) &&
             inidoc_set(doc, "cards", "two_buttons", s->two_buttons ? "on" : "off") &&
             inidoc_set(doc, "cards", "quiz_feeds", s->quiz_feeds ? "on" : "off");
    }
    size_t len = 0;
    char *text = ok ? inidoc_format(doc, &len) : NULL;
    inidoc_destroy(doc);
    if (!text) {
        e->err = 0;
        str_format(e->message, sizeof e->message,
                   "could not save %s: a setting cannot be written or memory ran out (the "
                   "previous file is unchanged)",
                   path);
        return false;
    }
    ok = save_make_parent_dirs(io, path, e) && save_write_atomic(io, path, text, len, e);
    free(text);
    return ok;
}
