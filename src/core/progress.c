/* progress.c - reading and writing a pack's progress file through inidoc and save.
 * Never prints, never reads a clock. The review log is in progress_log.c. */
#include "progress.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "idset.h"
#include "number.h"
#include "settings.h"
#include "strbuf.h"

/* The keys of a card section that the file writes itself. */
static const char *const card_keys[] = {"revision",  "stability",   "difficulty", "reps",
                                        "lapses",    "last_review", "due",        "scheduled_days",
                                        "suspended", "leech",       "first_seen"};

enum { COUNT_MAX = 1000000, STABILITY_MAX = 1000000 };

void progress_init(ProgressFile *pf, const char *pack_id)
{
    memset(pf, 0, sizeof *pf);
    str_copy(pf->pack_id, sizeof pf->pack_id, pack_id ? pack_id : "");
}

void progress_free(ProgressFile *pf)
{
    if (!pf) {
        return;
    }
    free(pf->cards);
    free(pf->slots);
    inidoc_destroy(pf->doc);
    char id[sizeof pf->pack_id];
    memcpy(id, pf->pack_id, sizeof id);
    progress_init(pf, id);
}

bool progress_card_is_new(const ProgressCard *c)
{
    return c->fsrs.last_review == 0;
}

/* ---- the id index: a card is found in constant time, so a queue of a 20000-question pack
 * is built in one pass rather than in a pass per card ---- */

static size_t id_hash(const char *id)
{
    size_t h = 2166136261u; /* FNV-1a */
    for (const unsigned char *p = (const unsigned char *)id; *p; p++) {
        h = (h ^ *p) * 16777619u;
    }
    return h;
}

static void index_put(ProgressFile *pf, size_t card)
{
    size_t mask = pf->slot_cap - 1;
    size_t at = id_hash(pf->cards[card].id) & mask;
    while (pf->slots[at]) {
        at = (at + 1) & mask;
    }
    pf->slots[at] = card + 1;
}

/* Brings the index up to every card; false when out of memory (then the caller searches). */
static bool index_update(ProgressFile *pf)
{
    if (pf->indexed == pf->count && pf->slots) {
        return true;
    }
    if (!pf->slots || pf->count * 2 > pf->slot_cap) {
        size_t cap = 64;
        while (cap < pf->count * 2 + 2) {
            cap *= 2;
        }
        size_t *slots = calloc(cap, sizeof *slots);
        if (!slots) {
            return false;
        }
        free(pf->slots);
        pf->slots = slots;
        pf->slot_cap = cap;
        pf->indexed = 0;
    }
    for (; pf->indexed < pf->count; pf->indexed++) {
        index_put(pf, pf->indexed);
    }
    return true;
}

static void index_drop(ProgressFile *pf)
{
    if (pf->slots) {
        memset(pf->slots, 0, pf->slot_cap * sizeof *pf->slots);
    }
    pf->indexed = 0;
}

ProgressCard *progress_find(ProgressFile *pf, const char *id)
{
    if (index_update(pf)) {
        size_t mask = pf->slot_cap - 1;
        for (size_t at = id_hash(id) & mask; pf->slots[at]; at = (at + 1) & mask) {
            ProgressCard *c = &pf->cards[pf->slots[at] - 1];
            if (strcmp(c->id, id) == 0) {
                return c;
            }
        }
        return NULL;
    }
    for (size_t i = 0; i < pf->count; i++) {
        if (strcmp(pf->cards[i].id, id) == 0) {
            return &pf->cards[i];
        }
    }
    return NULL;
}

const ProgressCard *progress_find_const(const ProgressFile *pf, const char *id)
{
    return progress_find((ProgressFile *)pf, id);
}

/* Appends a zeroed card; NULL when out of memory. */
static ProgressCard *push(ProgressFile *pf)
{
    if (pf->count == pf->cap) {
        size_t cap = pf->cap ? pf->cap * 2 : 16;
        ProgressCard *p = realloc(pf->cards, cap * sizeof *p);
        if (!p) {
            return NULL;
        }
        pf->cards = p;
        pf->cap = cap;
    }
    ProgressCard *c = &pf->cards[pf->count++];
    memset(c, 0, sizeof *c);
    c->rec = -1;
    return c;
}

ProgressCard *progress_add(ProgressFile *pf, const char *id, int revision)
{
    if (!pack_id_valid(id) || progress_find(pf, id) || revision < 1) {
        return NULL;
    }
    ProgressCard *c = push(pf);
    if (c) {
        str_copy(c->id, sizeof c->id, id);
        c->revision = revision;
    }
    return c;
}

bool progress_remove(ProgressFile *pf, const char *id)
{
    ProgressCard *c = progress_find(pf, id);
    if (!c) {
        return false;
    }
    size_t at = (size_t)(c - pf->cards);
    memmove(c, c + 1, (pf->count - at - 1) * sizeof *c);
    pf->count--;
    index_drop(pf); /* the cards after it moved */
    return true;
}

static bool time_ok(int64_t t)
{
    return t >= PROGRESS_TIME_MIN && t < PROGRESS_TIME_MAX;
}

const char *progress_card_problem(const ProgressCard *c)
{
    const FsrsCard *f = &c->fsrs;
    if (!pack_id_valid(c->id)) {
        return "id";
    }
    if (c->revision < 1 || c->revision > COUNT_MAX) {
        return "revision";
    }
    if (!isfinite(f->stability) || f->stability < 0 || f->stability > STABILITY_MAX) {
        return "stability";
    }
    bool reviewed = f->last_review != 0;
    if (!isfinite(f->difficulty) || f->difficulty > 10 ||
        (reviewed ? f->difficulty < 1 : f->difficulty != 0 && f->difficulty < 1)) {
        return "difficulty";
    }
    if (f->reps < 0 || f->reps > COUNT_MAX) {
        return "reps";
    }
    if (f->lapses < 0 || f->lapses > COUNT_MAX) {
        return "lapses";
    }
    if (f->scheduled_days < 0 || f->scheduled_days > COUNT_MAX) {
        return "scheduled_days";
    }
    if (reviewed && !time_ok(f->last_review)) {
        return "last_review";
    }
    if (reviewed ? !time_ok(c->due) : c->due != 0) {
        return "due";
    }
    if (c->first_seen != 0 && !time_ok(c->first_seen)) {
        return "first_seen";
    }
    return NULL;
}

/* ---- reading ---- */

static bool get_int(const char *v, int *out)
{
    long n;
    if (!number_parse_int(v, -COUNT_MAX, COUNT_MAX, &n)) {
        return false;
    }
    *out = (int)n;
    return true;
}

static bool get_time(const char *v, int64_t *out)
{
    time_t t;
    if (!save_parse_time(v, &t)) { /* the range is checked with the whole card */
        return false;
    }
    *out = (int64_t)t;
    return true;
}

/* Reads one key of a card. False when its value does not parse. */
static bool read_key(ProgressCard *c, const char *key, const char *v)
{
    FsrsCard *f = &c->fsrs;
    if (strcmp(key, "revision") == 0) {
        return get_int(v, &c->revision);
    }
    if (strcmp(key, "stability") == 0) {
        return number_parse_strict(v, &f->stability);
    }
    if (strcmp(key, "difficulty") == 0) {
        return number_parse_strict(v, &f->difficulty);
    }
    if (strcmp(key, "reps") == 0) {
        return get_int(v, &f->reps);
    }
    if (strcmp(key, "lapses") == 0) {
        return get_int(v, &f->lapses);
    }
    if (strcmp(key, "scheduled_days") == 0) {
        return get_int(v, &f->scheduled_days);
    }
    if (strcmp(key, "last_review") == 0) {
        return get_time(v, &f->last_review);
    }
    if (strcmp(key, "due") == 0) {
        return get_time(v, &c->due);
    }
    if (strcmp(key, "first_seen") == 0) {
        return get_time(v, &c->first_seen);
    }
    if (strcmp(key, "suspended") == 0) {
        return settings_parse_bool(v, &c->suspended);
    }
    if (strcmp(key, "leech") == 0) {
        return settings_parse_bool(v, &c->leech);
    }
    return false;
}

/* Reads the card in record `rec`; `seen` holds the ids of the cards kept so far (borrowed from
 * `doc`), so that a file of many cards is read in linear time. False (with a warning) when it
 * is not sound. */
static bool load_card(ProgressFile *pf, const IniDoc *doc, size_t rec, IdSet *seen, DiagList *diags)
{
    const char *path = inidoc_path(doc);
    const char *id = inidoc_record_section(doc, rec);
    int line = inidoc_record_line(doc, rec);
    if (idset_get(seen, id, NULL)) {
        diag_add(diags, DIAG_WARNING, path, line,
                 "[%s] repeats a question id; this copy is dropped", id);
        return false;
    }
    ProgressCard c;
    memset(&c, 0, sizeof c);
    str_copy(c.id, sizeof c.id, id);
    c.rec = (long)rec;
    /* the first of a repeated key counts, as everywhere in inidoc */
    for (size_t i = 0; i < sizeof card_keys / sizeof card_keys[0]; i++) {
        int at;
        const char *v = inidoc_record_get(doc, rec, card_keys[i], &at);
        if (v && !read_key(&c, card_keys[i], v)) {
            diag_add(diags, DIAG_WARNING, path, at,
                     "%s = '%.60s' cannot be read; the progress of [%s] is dropped", card_keys[i],
                     v, id);
            return false;
        }
    }
    if (!inidoc_record_get(doc, rec, "revision", NULL)) {
        diag_add(diags, DIAG_WARNING, path, line,
                 "[%s] has no revision; the progress of this question is dropped", id);
        return false;
    }
    const char *bad = progress_card_problem(&c);
    if (bad) {
        int at = line;
        const char *v = inidoc_record_get(doc, rec, bad, &at);
        diag_add(diags, DIAG_WARNING, path, at,
                 "%s = '%.60s' is out of range; the progress of [%s] is dropped", bad, v ? v : "",
                 id);
        return false;
    }
    ProgressCard *slot = idset_add(seen, id, line) == 0 ? push(pf) : NULL;
    if (!slot) {
        diag_add(diags, DIAG_WARNING, path, line, "out of memory; [%s] is dropped", id);
        return false;
    }
    *slot = c;
    return true;
}

/* Reads every card of `doc` into `pf`. False when anything was not sound. */
static bool load_doc(ProgressFile *pf, const IniDoc *doc, DiagList *diags)
{
    const char *path = inidoc_path(doc);
    bool ok = true;
    int line;
    const char *v = inidoc_lookup(doc, "", "version", &line);
    long num;
    if (v && !number_parse_int(v, 1, COUNT_MAX, &num)) {
        diag_add(diags, DIAG_WARNING, path, line, "version = '%.40s' is not a version number", v);
        ok = false;
    }
    v = inidoc_lookup(doc, "", "pack", &line);
    if (v && pf->pack_id[0] && strcmp(v, pf->pack_id) != 0) {
        diag_add(diags, DIAG_WARNING, path, line,
                 "pack = '%.40s' but this is the progress of '%s'; the cards are read anyway", v,
                 pf->pack_id);
    }
    IdSet seen = IDSET_INIT;
    for (size_t r = 0; r < inidoc_record_count(doc); r++) {
        if (pack_id_valid(inidoc_record_section(doc, r))) {
            ok = load_card(pf, doc, r, &seen, diags) && ok;
        }
    }
    idset_free(&seen);
    return ok;
}

bool progress_parse(ProgressFile *pf, const char *path, const char *data, size_t len,
                    DiagList *diags)
{
    progress_free(pf);
    bool clean = false;
    IniDoc *doc = inidoc_parse_partial(path, data, len, diags, &clean);
    if (!doc) {
        diag_add(diags, DIAG_WARNING, path, 0, "out of memory while reading the progress");
        return false;
    }
    bool ok = load_doc(pf, doc, diags) && clean;
    pf->doc = doc;
    return ok;
}

bool progress_load(ProgressFile *pf, const SaveIo *io, const char *path, time_t now,
                   DiagList *diags, LoadReport *report)
{
    progress_free(pf);
    char *data;
    size_t len;
    bool result;
    if (!save_load_begin(io, path, PROGRESS_FILE_MAX, now, diags, report, &data, &len,
                         &pf->save_blocked, &result)) {
        return result;
    }
    bool ok = progress_parse(pf, path, data, len, diags);
    free(data);
    if (!pf->doc) {
        pf->save_blocked = true;
        return false;
    }
    return save_load_finish(io, path, ok, "the progress file is damaged", now, diags, report,
                            &pf->save_blocked);
}

/* ---- writing ---- */

static bool is_card_key(const char *key)
{
    for (size_t i = 0; i < sizeof card_keys / sizeof card_keys[0]; i++) {
        if (strcmp(key, card_keys[i]) == 0) {
            return true;
        }
    }
    return false;
}

static bool set_time(IniDoc *doc, size_t r, const char *key, int64_t t)
{
    char buf[32];
    return save_format_time((time_t)t, buf, sizeof buf) && inidoc_record_set(doc, r, key, buf);
}

static bool set_int(IniDoc *doc, size_t r, const char *key, int v)
{
    char buf[24];
    return str_format(buf, sizeof buf, "%d", v) && inidoc_record_set(doc, r, key, buf);
}

/* Six decimals: parses back with number_parse_strict (at most 15 significant digits). */
static bool set_real(IniDoc *doc, size_t r, const char *key, double v)
{
    char buf[48];
    return str_format(buf, sizeof buf, "%.6f", v) && inidoc_record_set(doc, r, key, buf);
}

static bool put_card(IniDoc *doc, const IniDoc *from, const ProgressCard *c)
{
    long rec = inidoc_add_record(doc, c->id);
    if (rec < 0) {
        return false;
    }
    size_t r = (size_t)rec;
    const FsrsCard *f = &c->fsrs;
    bool ok = set_int(doc, r, "revision", c->revision) &&
              set_real(doc, r, "stability", f->stability) &&
              set_real(doc, r, "difficulty", f->difficulty) && set_int(doc, r, "reps", f->reps) &&
              set_int(doc, r, "lapses", f->lapses);
    if (ok && f->last_review != 0) {
        ok = set_time(doc, r, "last_review", f->last_review) && set_time(doc, r, "due", c->due);
    }
    ok = ok && set_int(doc, r, "scheduled_days", f->scheduled_days) &&
         inidoc_record_set(doc, r, "suspended", c->suspended ? "on" : "off") &&
         inidoc_record_set(doc, r, "leech", c->leech ? "on" : "off");
    if (ok && c->first_seen != 0) {
        ok = set_time(doc, r, "first_seen", c->first_seen);
    }
    for (size_t i = 0; ok && from && c->rec >= 0 && i < inidoc_entry_count(from, (size_t)c->rec);
         i++) {
        const char *key = inidoc_entry_key(from, (size_t)c->rec, i);
        if (!is_card_key(key)) {
            ok = inidoc_record_set(doc, r, key, inidoc_entry_value(from, (size_t)c->rec, i));
        }
    }
    return ok;
}

char *progress_format(const ProgressFile *pf, size_t *len)
{
    IniDoc *doc = inidoc_create(pf->doc ? inidoc_path(pf->doc) : NULL);
    bool ok = doc != NULL;
    /* the file's own keys first: version and pack, then any unknown ones */
    long version;
    const char *v = pf->doc ? inidoc_get(pf->doc, "", "version") : NULL;
    bool keep = v && number_parse_int(v, PROGRESS_VERSION, COUNT_MAX, &version);
    ok = ok && inidoc_set(doc, "", "version", keep ? v : "1") &&
         inidoc_set(doc, "", "pack", pf->pack_id);
    long top = pf->doc ? inidoc_find_record(pf->doc, "", 0) : -1;
    for (size_t i = 0; ok && top >= 0 && i < inidoc_entry_count(pf->doc, (size_t)top); i++) {
        const char *key = inidoc_entry_key(pf->doc, (size_t)top, i);
        if (strcmp(key, "version") != 0 && strcmp(key, "pack") != 0) {
            ok = inidoc_set(doc, "", key, inidoc_entry_value(pf->doc, (size_t)top, i));
        }
    }
    for (size_t i = 0; ok && i < pf->count; i++) {
        ok = progress_card_problem(&pf->cards[i]) == NULL && put_card(doc, pf->doc, &pf->cards[i]);
    }
    /* sections that are not question ids (from a newer version) */
    for (size_t r = 0; ok && pf->doc && r < inidoc_record_count(pf->doc); r++) {
        const char *name = inidoc_record_section(pf->doc, r);
        if (name[0] && !pack_id_valid(name)) {
            ok = inidoc_copy_record(doc, pf->doc, r) >= 0;
        }
    }
    char *text = ok ? inidoc_format(doc, len) : NULL;
    inidoc_destroy(doc);
    return text;
}

bool progress_save(const ProgressFile *pf, const SaveIo *io, const char *path, SaveError *e)
{
    SaveError spare;
    if (!e) {
        e = &spare;
    }
    if (pf->save_blocked) {
        return save_refuse_blocked(path, e);
    }
    size_t len = 0;
    char *text = progress_format(pf, &len);
    if (!text) {
        e->err = 0;
        str_format(e->message, sizeof e->message,
                   "could not save %s: a value cannot be written or memory ran out (the "
                   "previous file is unchanged)",
                   path);
        return false;
    }
    bool ok = save_make_parent_dirs(io, path, e) && save_write_atomic(io, path, text, len, e);
    free(text);
    return ok;
}

/* ---- matching the pack ---- */

int progress_reconcile(ProgressFile *pf, const Pack *pack, DiagList *diags)
{
    /* the pack's ids with their index, so that a large pack and file match in linear time */
    IdSet ids = IDSET_INIT;
    bool indexed = true;
    for (int i = 0; indexed && i < pack->question_count; i++) {
        indexed = idset_add(&ids, pack->questions[i].id, i) >= 0;
    }
    int reset = 0;
    for (size_t i = 0; i < pf->count; i++) {
        ProgressCard *c = &pf->cards[i];
        int at = 0;
        const Question *q = !indexed                      ? pack_find_question(pack, c->id)
                            : idset_get(&ids, c->id, &at) ? &pack->questions[at]
                                                          : NULL;
        c->vanished = q == NULL;
        if (q && q->revision != c->revision) {
            if (diags) {
                diag_add(diags, DIAG_NOTE, pack->path, q->line,
                         "question '%s' changed (revision %d, was %d): its progress starts anew",
                         c->id, q->revision, c->revision);
            }
            bool suspended = c->suspended;
            long rec = c->rec;
            char id[sizeof c->id];
            memcpy(id, c->id, sizeof id);
            memset(c, 0, sizeof *c);
            memcpy(c->id, id, sizeof id);
            c->revision = q->revision;
            c->suspended = suspended;
            c->rec = rec;
            reset++;
        }
    }
    idset_free(&ids);
    return reset;
}

bool progress_file_path(char *out, size_t size, const char *profile_dir, const char *pack_id)
{
    return pack_id_valid(pack_id) &&
           str_format(out, size, "%s/progress/%s.ini", profile_dir, pack_id);
}

bool progress_log_path(char *out, size_t size, const char *profile_dir)
{
    return str_format(out, size, "%s/reviews.log", profile_dir);
}
