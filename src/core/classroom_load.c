/* classroom_load.c - restoring a classroom game from its state file (see classroom_state.c for
 * the format), checking every value, and the text dump used by the tests. Never prints. */
#include "classroom_private.h"

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "inidoc.h"
#include "number.h"

/* Reads the values of one record; the first bad or missing key is remembered. */
typedef struct Reader {
    const IniDoc *doc;
    size_t rec;
    const char *bad; /* the first key that failed, or NULL */
} Reader;

static const char *get(Reader *r, const char *key)
{
    const char *v = r->bad ? NULL : inidoc_record_get(r->doc, r->rec, key, NULL);
    if (!v && !r->bad) {
        r->bad = key;
    }
    return v;
}

static long get_long(Reader *r, const char *key, long min, long max)
{
    const char *v = get(r, key);
    long out = min;
    if (v && !number_parse_int(v, min, max, &out)) {
        r->bad = key;
        out = min;
    }
    return out;
}

static bool get_bool(Reader *r, const char *key)
{
    const char *v = get(r, key);
    if (v && strcmp(v, "yes") != 0 && strcmp(v, "no") != 0) {
        r->bad = key;
    }
    return v && strcmp(v, "yes") == 0;
}

/* The index of `key`'s value among `names` (count of them), or 0 with r->bad set. */
static int get_name(Reader *r, const char *key, const char *(*name)(int), int count)
{
    const char *v = get(r, key);
    for (int i = 0; v && i < count; i++) {
        if (strcmp(v, name(i)) == 0) {
            return i;
        }
    }
    if (!r->bad) {
        r->bad = key;
    }
    return 0;
}

static const char *mode_at(int i)
{
    return classroom_mode_name((ClassMode)i);
}

static const char *step_at(int i)
{
    return classroom_step_name((ClassStep)i);
}

static const char *qstate_at(int i)
{
    return classroom_qstate_names[i];
}

static void get_text(Reader *r, const char *key, char *out, size_t size)
{
    const char *v = get(r, key);
    char buf[4 * CLASS_TEXT_MAX];
    if (v &&
        (!str_copy(buf, sizeof buf, v) || !classroom_unescape(inidoc_unwrap(buf), out, size))) {
        r->bad = key;
    }
}

/* Reads up to `max` small numbers separated by spaces; returns how many, or -1. */
static int get_list(Reader *r, const char *key, int *out, int max, int limit)
{
    const char *v = get(r, key);
    int n = 0;
    while (v && *v) {
        char *end;
        long x = strtol(v, &end, 10);
        if (end == v || x < 0 || x >= limit || n == max || (*end && *end != ' ')) {
            r->bad = key;
            return -1;
        }
        out[n++] = (int)x;
        v = *end ? end + 1 : end;
    }
    return v ? n : -1;
}

static bool read_config(Reader *r, ClassGame *g, int *count)
{
    ClassConfig *c = &g->cfg;
    if (get_long(r, "format", 0, INT_MAX) != CLASS_STATE_FORMAT) {
        r->bad = r->bad ? r->bad : "format";
    }
    c->mode = (ClassMode)get_name(r, "mode", mode_at, CLASS_MODE_COUNT);
    c->team_count = (int)get_long(r, "teams", 1, CLASS_TEAMS_MAX);
    c->steal = get_bool(r, "steal");
    c->reading_ms = (int)get_long(r, "reading_ms", 0, 600000);
    c->time_percent = (int)get_long(r, "time_percent", 100, 200);
    c->accuracy_only = get_bool(r, "accuracy_only");
    c->scoreboard_top = (int)get_long(r, "scoreboard_top", 1, 1000);
    c->skip_unsupported = get_bool(r, "skip_unsupported");
    c->question_count = (int)get_long(r, "question_count", 0, INT_MAX);
    c->shuffle = get_bool(r, "shuffle");
    const char *seed = get(r, "seed");
    char *end = NULL;
    if (seed) {
        errno = 0;
        c->seed = strtoull(seed, &end, 10);
        if (end == seed || *end || *seed < '0' || *seed > '9' || errno == ERANGE) {
            r->bad = "seed";
        }
    }
    g->step = (ClassStep)get_name(r, "step", step_at, CLASS_STEP_COUNT);
    g->position = (int)get_long(r, "position", 0, PACK_QUESTIONS_MAX);
    const char *timer = get(r, "timer");
    if (timer && strcmp(timer, "running") != 0 && strcmp(timer, "paused") != 0 &&
        strcmp(timer, "stopped") != 0) {
        r->bad = "timer";
    }
    g->paused = timer && strcmp(timer, "stopped") != 0; /* a running timer comes back paused */
    g->banked_ms = (uint32_t)get_long(r, "elapsed_ms", 0, UINT32_MAX);
    g->adjust_ms = (int32_t)get_long(r, "adjust_ms", -3600000, 3600000);
    *count = (int)get_long(r, "questions", 1, PACK_QUESTIONS_MAX);
    g->team_count = c->team_count;
    return !r->bad;
}

static const QuizPick *find_pick(const QuizPick *picks, int count, const char *pack, const char *id)
{
    for (int i = 0; i < count; i++) {
        if (strcmp(picks[i].pack->id, pack) == 0 && strcmp(picks[i].question->id, id) == 0) {
            return &picks[i];
        }
    }
    return NULL;
}

typedef enum Verdict3 { READ_OK, READ_BAD, READ_CHANGED } Verdict3;

static Verdict3 read_question(Reader *r, ClassGame *g, int i, const QuizPick *picks, int count,
                              char *changed, size_t changed_size)
{
    ClassQuestion *q = &g->qs[i];
    if (get_long(r, "number", 1, INT_MAX) != i + 1) {
        r->bad = r->bad ? r->bad : "number";
    }
    const char *pack = get(r, "pack");
    const char *id = get(r, "id");
    long revision = get_long(r, "revision", 1, INT_MAX);
    int order[PACK_CHOICES_MAX];
    unsigned seen = 0;
    if (get_list(r, "choices", order, PACK_CHOICES_MAX, PACK_CHOICES_MAX) != PACK_CHOICES_MAX) {
        r->bad = r->bad ? r->bad : "choices";
    }
    for (int c = 0; !r->bad && c < PACK_CHOICES_MAX; c++) {
        r->bad = (seen >> order[c]) & 1u ? "choices" : NULL;
        seen |= 1u << order[c];
        q->choice_order[c] = (uint8_t)order[c];
    }
    q->state = (ClassQState)get_name(r, "state", qstate_at, CLASS_Q_STATE_COUNT);
    q->window = (int)get_long(r, "window", 0, 1);
    q->turn_team = (int)get_long(r, "turn", -1, g->team_count - 1);
    q->active_team = (int)get_long(r, "active", -1, g->team_count - 1);
    q->stolen = get_bool(r, "stolen");
    q->opened = get_bool(r, "opened");
    q->held_ms = (uint32_t)get_long(r, "held_ms", 0, UINT32_MAX);
    q->buzz_ms = (uint32_t)get_long(r, "buzz_ms", 0, UINT32_MAX);
    if (r->bad) {
        return READ_BAD;
    }
    const QuizPick *p = find_pick(picks, count, pack, id);
    if (!p || p->question->revision != revision) {
        str_format(changed, changed_size, "question '%s' of pack '%s' %s", id, pack,
                   p ? "has a new revision" : "is gone");
        return READ_CHANGED;
    }
    q->pick = *p;
    q->base_limit_ms =
        (uint32_t)p->question->time_limit * 1000u * (uint32_t)g->cfg.time_percent / 100u;
    return READ_OK;
}

static bool read_answer(Reader *r, ClassGame *g)
{
    int i = (int)get_long(r, "question", 1, g->count) - 1;
    int t = (int)get_long(r, "team", 1, g->team_count) - 1;
    if (r->bad) {
        return false;
    }
    const Question *question = g->qs[i].pick.question;
    ClassResponse *a = &g->qs[i].resp[t];
    a->answered = get_bool(r, "answered");
    a->locked = get_bool(r, "locked");
    a->had_turn = get_bool(r, "had_turn");
    a->absent = get_bool(r, "absent");
    long all = (1L << question->choice_count) - 1;
    long picked = get_long(r, "picked", 0, 255);
    a->picked = (uint8_t)picked;
    a->truth = get_bool(r, "truth");
    a->order_count = get_list(r, "order", a->order, PACK_CHOICES_MAX, question->choice_count);
    get_text(r, "text", a->text, sizeof a->text);
    a->time_ms = (uint32_t)get_long(r, "time_ms", 0, UINT32_MAX);
    a->limit_ms = (uint32_t)get_long(r, "limit_ms", 0, UINT32_MAX);
    a->window = (int)get_long(r, "window", 0, 1);
    if (!r->bad && (picked & ~all) != 0) {
        r->bad = "picked";
    }
    if (!r->bad && a->order_count != 0 &&
        (question->type != QTYPE_ORDER || a->order_count != question->choice_count)) {
        r->bad = "order";
    }
    return !r->bad;
}

/* Consistency of the step and position with the questions. */
static bool consistent(const ClassGame *g)
{
    bool at_end = g->step == CLASS_STEP_END_PODIUM || g->step == CLASS_STEP_END_SUMMARY;
    if (at_end != (g->position == g->count) || g->position > g->count) {
        return false;
    }
    if (g->cfg.mode == CLASS_WHOLE ? g->team_count != 1 : g->team_count < CLASS_TEAMS_MIN) {
        return false;
    }
    return at_end || g->step > CLASS_STEP_ANSWERING
               ? at_end || g->qs[g->position].state == CLASS_Q_CLOSED
               : g->qs[g->position].state == CLASS_Q_OPEN;
}

static ClassGame *damaged(ClassGame *g, const SaveIo *io, const char *path, time_t now,
                          const char *why, DiagList *diags, ClassLoadStatus *status)
{
    classroom_destroy(g);
    *status =
        save_quarantine(io, path, now, why, diags, NULL) ? CLASS_LOAD_DAMAGED : CLASS_LOAD_FAILED;
    return NULL;
}

ClassGame *classroom_load(const QuizPick *picks, int count, const SaveIo *io, const char *path,
                          time_t now, uint64_t now_ms, DiagList *diags, ClassLoadStatus *status)
{
    ClassLoadStatus spare;
    status = status ? status : &spare;
    char *data = NULL;
    size_t len = 0;
    SaveError e;
    SaveReadStatus rs = save_read_file(path, CLASS_STATE_FILE_MAX, &data, &len, &e);
    if (rs == SAVE_READ_MISSING) {
        *status = CLASS_LOAD_MISSING;
        return NULL;
    }
    if (rs != SAVE_READ_OK) {
        return damaged(NULL, io, path, now, e.message, diags, status);
    }
    IniDoc *doc = inidoc_parse(path, data, len, diags);
    free(data);
    ClassGame *g = calloc(1, sizeof *g);
    if (!doc || !g) {
        inidoc_destroy(doc);
        return damaged(g, io, path, now, "the saved classroom game is damaged", diags, status);
    }
    char why[DIAG_MESSAGE_MAX] = "";
    char changed[200] = "";
    Reader r = {doc, 0, NULL};
    long rec = inidoc_find_record(doc, "classroom", 0);
    if (rec >= 0 && inidoc_find_record(doc, "classroom", (size_t)rec + 1) >= 0) {
        str_copy(why, sizeof why, "two [classroom] sections");
        rec = -1;
    }
    int qcount = 0;
    bool ok = rec >= 0 && (r.rec = (size_t)rec, read_config(&r, g, &qcount));
    g->qs = ok ? calloc((size_t)qcount, sizeof *g->qs) : NULL;
    g->count = g->qs ? qcount : 0;
    ok = ok && g->qs;
    int t = 0;
    for (long x = inidoc_find_record(doc, "team", 0); ok && x >= 0;
         x = inidoc_find_record(doc, "team", (size_t)x + 1), t++) {
        r.rec = (size_t)x;
        ok = t < g->team_count && get_long(&r, "number", 1, CLASS_TEAMS_MAX) == t + 1;
        get_text(&r, "name", g->cfg.team_names[t], sizeof g->cfg.team_names[t]);
        g->absent[t] = get_bool(&r, "absent");
        ok = ok && !r.bad;
    }
    if (ok && t != g->team_count) {
        str_format(why, sizeof why, "teams = %d but %d [team] section%s", g->team_count, t,
                   t == 1 ? "" : "s");
        ok = false;
    }
    ok = ok && classroom_config_check(&g->cfg, why, sizeof why);
    int i = 0;
    Verdict3 v = READ_OK;
    for (long x = inidoc_find_record(doc, "question", 0); ok && x >= 0 && v == READ_OK;
         x = inidoc_find_record(doc, "question", (size_t)x + 1), i++) {
        r.rec = (size_t)x;
        v = i < g->count ? read_question(&r, g, i, picks, count, changed, sizeof changed)
                         : READ_BAD;
        ok = v != READ_BAD;
    }
    ok = ok && (v == READ_CHANGED || i == g->count);
    for (long x = inidoc_find_record(doc, "answer", 0); ok && v == READ_OK && x >= 0;
         x = inidoc_find_record(doc, "answer", (size_t)x + 1)) {
        r.rec = (size_t)x;
        ok = read_answer(&r, g);
    }
    ok = ok && (v == READ_CHANGED || consistent(g));
    int bad_line = 0;
    if (r.bad && !inidoc_record_get(doc, r.rec, r.bad, &bad_line)) {
        bad_line = inidoc_record_line(doc, r.rec); /* missing: the line of its section */
    }
    inidoc_destroy(doc);
    if (!ok) {
        if (r.bad) {
            str_format(why, sizeof why, "the saved classroom game is damaged (bad '%s' on line %d)",
                       r.bad, bad_line);
        } else {
            char reason[200];
            str_copy(reason, sizeof reason, why);
            str_format(why, sizeof why, "the saved classroom game is damaged%s%s%s",
                       reason[0] ? " (" : "", reason, reason[0] ? ")" : "");
        }
        return damaged(g, io, path, now, why, diags, status);
    }
    if (v == READ_CHANGED) {
        diag_add(diags, DIAG_WARNING, path, 0,
                 "the saved classroom game cannot be resumed: %s since it was saved; the file "
                 "is left as it is",
                 changed);
        classroom_destroy(g);
        *status = CLASS_LOAD_PACK_CHANGED;
        return NULL;
    }
    g->running = false;
    g->run_start = now_ms;
    classroom_rescore(g);
    *status = CLASS_LOAD_OK;
    return g;
}

/* ---- the dump ---- */

static const char *yn(bool b)
{
    return b ? "yes" : "no";
}

void classroom_dump(const ClassGame *g, uint64_t now_ms, StrBuf *out)
{
    const ClassConfig *c = &g->cfg;
    strbuf_printf(out,
                  "mode %s teams %d steal %s reading %d percent %d accuracy %s top %d skip %s "
                  "count %d shuffle %s seed %" PRIu64 "\n",
                  classroom_mode_name(c->mode), g->team_count, yn(c->steal), c->reading_ms,
                  c->time_percent, yn(c->accuracy_only), c->scoreboard_top, yn(c->skip_unsupported),
                  c->question_count, yn(c->shuffle), c->seed);
    strbuf_printf(out, "step %s position %d paused %s elapsed %" PRIu32 " adjust %" PRId32 "\n",
                  classroom_step_name(g->step), g->position, yn(g->paused),
                  classroom_elapsed(g, now_ms), g->adjust_ms);
    for (int t = 0; t < g->team_count; t++) {
        strbuf_printf(out, "team %d [%s] absent %s total %ld streak %d\n", t + 1, c->team_names[t],
                      yn(g->absent[t]), g->totals[t], g->streaks[t]);
    }
    for (int i = 0; i < g->count; i++) {
        const ClassQuestion *q = &g->qs[i];
        strbuf_printf(out, "q%d %s:%s rev %d limit %" PRIu32 " order", i + 1, q->pick.pack->id,
                      q->pick.question->id, q->pick.question->revision, q->base_limit_ms);
        for (int k = 0; k < PACK_CHOICES_MAX; k++) {
            strbuf_printf(out, " %d", q->choice_order[k]);
        }
        strbuf_printf(out,
                      " %s window %d turn %d active %d stolen %s opened %s held %" PRIu32
                      " buzz %" PRIu32 "\n",
                      classroom_qstate_names[q->state], q->window, q->turn_team, q->active_team,
                      yn(q->stolen), yn(q->opened), q->held_ms, q->buzz_ms);
        for (int t = 0; t < g->team_count; t++) {
            const ClassResponse *r = &q->resp[t];
            if (!r->answered && !r->locked && !r->had_turn && !r->absent && !r->scored) {
                continue;
            }
            strbuf_printf(out,
                          "  t%d answered %s locked %s turn %s absent %s picked %d truth %s "
                          "text [%s] order %d time %" PRIu32 " limit %" PRIu32 " window %d",
                          t + 1, yn(r->answered), yn(r->locked), yn(r->had_turn), yn(r->absent),
                          r->picked, yn(r->truth), r->text, r->order_count, r->time_ms, r->limit_ms,
                          r->window);
            if (r->scored) {
                strbuf_printf(out, " -> %s %+d (base %d bonus %d penalty %d) streak %d total %ld",
                              outcome_name(r->line.outcome), r->line.delta, r->line.base,
                              r->line.bonus, r->line.penalty, r->line.streak, r->total_after);
            }
            strbuf_puts(out, "\n");
        }
    }
}
