/* classroom_state.c - the resumable state file of a classroom game (INI through inidoc, written
 * atomically through save.h), and a text dump of the state for tests. Never prints.
 *
 * The file: a [classroom] record (format, the config, step, position, timer), one [team] per
 * team, one [question] per question (pack id, question id and revision, so a changed pack is
 * noticed, choice order, state) and one [answer] per team response that holds anything. Team
 * names and typed answers are stored with %XX escapes for '%', ';', '#', control characters,
 * byte-order marks and spaces at either end, and split over continuation lines when long. */
#include "classroom_private.h"

#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "inidoc.h"
#include "utf8.h"

enum { WRAP_WIDTH = 150 };

const char *const classroom_qstate_names[CLASS_Q_STATE_COUNT] = {"pending", "open", "closed",
                                                                 "skipped"};

/* ---- escapes ---- */

static void escape(const char *s, StrBuf *out)
{
    size_t n = strlen(s);
    size_t mark_end = 0; /* a byte-order mark (U+FEFF) ends here: the INI reader drops it */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        bool edge_space = c == ' ' && (i == 0 || i == n - 1);
        if (strncmp(s + i, "\xEF\xBB\xBF", 3) == 0) {
            mark_end = i + 3;
        }
        if (c < 0x20 || c == 0x7f || c == '%' || c == ';' || c == '#' || edge_space ||
            i < mark_end) {
            strbuf_printf(out, "%%%02X", c);
        } else {
            strbuf_append(out, (const char *)&c, 1);
        }
    }
}

static int hex_digit(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

bool classroom_unescape(const char *s, char *out, size_t size)
{
    size_t n = 0;
    for (; *s; s++) {
        int c = (unsigned char)*s;
        if (*s == '%') {
            int hi = hex_digit(s[1]), lo = hi >= 0 ? hex_digit(s[2]) : -1;
            if (lo < 0) {
                return false;
            }
            c = hi * 16 + lo;
            s += 2;
        }
        if (c == 0 || n + 1 >= size) {
            return false;
        }
        out[n++] = (char)c;
    }
    out[n] = '\0';
    return utf8_valid(out, n, NULL);
}

/* ---- writing ---- */

typedef struct Writer {
    IniDoc *doc;
    long rec;
    bool ok;
} Writer;

static void put(Writer *w, const char *key, const char *value)
{
    w->ok = w->ok && w->rec >= 0 && inidoc_record_set(w->doc, (size_t)w->rec, key, value);
}

static void put_long(Writer *w, const char *key, long v)
{
    char buf[32];
    str_format(buf, sizeof buf, "%ld", v);
    put(w, key, buf);
}

static void put_bool(Writer *w, const char *key, bool v)
{
    put(w, key, v ? "yes" : "no");
}

static void put_text(Writer *w, const char *key, const char *text)
{
    StrBuf sb = STRBUF_INIT;
    escape(text, &sb);
    char *wrapped = sb.len > WRAP_WIDTH ? inidoc_wrap(strbuf_cstr(&sb), WRAP_WIDTH) : NULL;
    w->ok = w->ok && !sb.oom && (sb.len <= WRAP_WIDTH || wrapped);
    put(w, key, wrapped ? wrapped : strbuf_cstr(&sb));
    free(wrapped);
    strbuf_free(&sb);
}

static const char *timer_name(const ClassGame *g)
{
    return g->running ? "running" : g->paused ? "paused" : "stopped";
}

static void put_config(Writer *w, const ClassGame *g, uint64_t now_ms)
{
    const ClassConfig *c = &g->cfg;
    char seed[32];
    str_format(seed, sizeof seed, "%" PRIu64, c->seed);
    put_long(w, "format", CLASS_STATE_FORMAT);
    put(w, "mode", classroom_mode_name(c->mode));
    put_long(w, "teams", g->team_count);
    put_bool(w, "steal", c->steal);
    put_long(w, "reading_ms", c->reading_ms);
    put_long(w, "time_percent", c->time_percent);
    put_bool(w, "accuracy_only", c->accuracy_only);
    put_long(w, "scoreboard_top", c->scoreboard_top);
    put_bool(w, "skip_unsupported", c->skip_unsupported);
    put_long(w, "question_count", c->question_count);
    put_bool(w, "shuffle", c->shuffle);
    put(w, "seed", seed);
    put(w, "step", classroom_step_name(g->step));
    put_long(w, "position", g->position);
    put(w, "timer", timer_name(g));
    put_long(w, "elapsed_ms", (long)classroom_elapsed(g, now_ms));
    put_long(w, "adjust_ms", g->adjust_ms);
    put_long(w, "questions", g->count);
}

static bool response_used(const ClassResponse *r)
{
    return r->answered || r->locked || r->had_turn || r->absent;
}

static void put_response(Writer *w, const ClassQuestion *q, int index, int team)
{
    const ClassResponse *r = &q->resp[team];
    put_long(w, "question", index + 1);
    put_long(w, "team", team + 1);
    put_bool(w, "answered", r->answered);
    put_bool(w, "locked", r->locked);
    put_bool(w, "had_turn", r->had_turn);
    put_bool(w, "absent", r->absent);
    put_long(w, "picked", r->picked);
    put_bool(w, "truth", r->truth);
    StrBuf order = STRBUF_INIT;
    for (int i = 0; i < r->order_count; i++) {
        strbuf_printf(&order, i ? " %d" : "%d", r->order[i]);
    }
    w->ok = w->ok && !order.oom;
    put(w, "order", strbuf_cstr(&order));
    strbuf_free(&order);
    put_text(w, "text", r->text);
    put_long(w, "time_ms", (long)r->time_ms);
    put_long(w, "limit_ms", (long)r->limit_ms);
    put_long(w, "window", r->window);
}

bool classroom_save(const ClassGame *g, const SaveIo *io, const char *path, uint64_t now_ms,
                    SaveError *e)
{
    Writer w = {inidoc_create(path), 0, true};
    w.ok = w.doc != NULL;
    w.rec = w.ok ? inidoc_add_record(w.doc, "classroom") : -1;
    put_config(&w, g, now_ms);
    for (int t = 0; t < g->team_count; t++) {
        w.rec = w.ok ? inidoc_add_record(w.doc, "team") : -1;
        put_long(&w, "number", t + 1);
        put_text(&w, "name", g->cfg.team_names[t]);
        put_bool(&w, "absent", g->absent[t]);
    }
    for (int i = 0; i < g->count; i++) {
        const ClassQuestion *q = &g->qs[i];
        w.rec = w.ok ? inidoc_add_record(w.doc, "question") : -1;
        put_long(&w, "number", i + 1);
        put(&w, "pack", q->pick.pack->id);
        put(&w, "id", q->pick.question->id);
        put_long(&w, "revision", q->pick.question->revision);
        char order[32] = "";
        for (int c = 0; c < PACK_CHOICES_MAX; c++) {
            order[2 * c] = (char)('0' + q->choice_order[c]);
            order[2 * c + 1] = c + 1 < PACK_CHOICES_MAX ? ' ' : '\0';
        }
        put(&w, "choices", order);
        put(&w, "state", classroom_qstate_names[q->state]);
        put_long(&w, "window", q->window);
        put_long(&w, "turn", q->turn_team);
        put_long(&w, "active", q->active_team);
        put_bool(&w, "stolen", q->stolen);
        put_bool(&w, "opened", q->opened);
        put_long(&w, "held_ms", (long)q->held_ms);
        put_long(&w, "buzz_ms", (long)q->buzz_ms);
    }
    for (int i = 0; i < g->count; i++) {
        for (int t = 0; t < g->team_count; t++) {
            if (response_used(&g->qs[i].resp[t])) {
                w.rec = w.ok ? inidoc_add_record(w.doc, "answer") : -1;
                put_response(&w, &g->qs[i], i, t);
            }
        }
    }
    size_t len = 0;
    char *text = w.ok ? inidoc_format(w.doc, &len) : NULL;
    inidoc_destroy(w.doc);
    if (!text) {
        if (e) {
            e->err = 0;
            str_format(e->message, sizeof e->message,
                       "could not save %s: out of memory (the previous file is unchanged)", path);
        }
        return false;
    }
    bool ok = save_write_atomic(io, path, text, len, e);
    free(text);
    return ok;
}

bool classroom_forget(const SaveIo *io, const char *path)
{
    struct stat st;
    return io->unlink(io->ctx, path) == 0 || io->stat(io->ctx, path, &st) != 0;
}
