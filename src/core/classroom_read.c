/* classroom_read.c - the classroom game's read-only side: the accessors the screens, files and
 * tests use, the step timer's reading and the turn order's next present team. Changes nothing;
 * never prints or reads a clock (time is the caller's now_ms). */
#include "classroom_private.h"

bool classroom_pad_type(const Question *q)
{
    return q->type == QTYPE_TRUEFALSE || (q->type == QTYPE_SINGLE && q->choice_count <= 4);
}

uint32_t classroom_elapsed(const ClassGame *g, uint64_t now_ms)
{
    uint64_t e = g->banked_ms;
    if (g->running && now_ms > g->run_start) {
        e += now_ms - g->run_start;
    }
    return e > UINT32_MAX ? UINT32_MAX : (uint32_t)e;
}

uint32_t classroom_limit(const ClassGame *g)
{
    if (g->position >= g->count) {
        return 0;
    }
    const ClassQuestion *q = &g->qs[g->position];
    if (q->base_limit_ms == 0) {
        return 0;
    }
    int64_t l = (int64_t)q->base_limit_ms + g->adjust_ms;
    return l < 0 ? 0 : (uint32_t)l;
}

const ClassConfig *classroom_config(const ClassGame *g)
{
    return &g->cfg;
}

ClassStep classroom_step(const ClassGame *g)
{
    return g->step;
}

const char *classroom_step_name(ClassStep step)
{
    static const char *const names[CLASS_STEP_COUNT] = {
        "reading", "answering",  "closed",     "distribution", "reveal",
        "explain", "scoreboard", "end-podium", "end-summary",
    };
    return step >= 0 && step < CLASS_STEP_COUNT ? names[step] : "?";
}

const char *classroom_mode_name(ClassMode mode)
{
    static const char *const names[CLASS_MODE_COUNT] = {"whole", "turns", "buzzer", "pads"};
    return mode >= 0 && mode < CLASS_MODE_COUNT ? names[mode] : "?";
}

int classroom_team_count(const ClassGame *g)
{
    return g->team_count;
}

const char *classroom_team_name(const ClassGame *g, int team)
{
    return team >= 0 && team < g->team_count ? g->cfg.team_names[team] : "";
}

bool classroom_team_is_absent(const ClassGame *g, int team)
{
    return team >= 0 && team < g->team_count && g->absent[team];
}

long classroom_team_total(const ClassGame *g, int team)
{
    return team >= 0 && team < g->team_count ? g->totals[team] : 0;
}

int classroom_team_streak(const ClassGame *g, int team)
{
    return team >= 0 && team < g->team_count ? g->streaks[team] : 0;
}

int classroom_question_count(const ClassGame *g)
{
    return g->count;
}

int classroom_position(const ClassGame *g)
{
    return g->position;
}

const Question *classroom_question(const ClassGame *g, int index)
{
    return index >= 0 && index < g->count ? g->qs[index].pick.question : NULL;
}

const Pack *classroom_question_pack(const ClassGame *g, int index)
{
    return index >= 0 && index < g->count ? g->qs[index].pick.pack : NULL;
}

const uint8_t *classroom_choice_order(const ClassGame *g, int index)
{
    return index >= 0 && index < g->count ? g->qs[index].choice_order : NULL;
}

bool classroom_pad_ok(const ClassGame *g, int index)
{
    return index >= 0 && index < g->count && classroom_pad_type(g->qs[index].pick.question);
}

long classroom_time_left(const ClassGame *g, uint64_t now_ms)
{
    uint32_t e = classroom_elapsed(g, now_ms);
    if (g->step == CLASS_STEP_READING && g->cfg.reading_ms > 0 && (g->running || g->paused)) {
        return e >= (uint32_t)g->cfg.reading_ms ? 0 : (long)(g->cfg.reading_ms - (long)e);
    }
    if (g->step == CLASS_STEP_ANSWERING && classroom_limit(g) > 0) {
        uint32_t l = classroom_limit(g);
        return e >= l ? 0 : (long)(l - e);
    }
    if (g->step == CLASS_STEP_ANSWERING && g->qs[g->position].base_limit_ms > 0) {
        return 0; /* time removed below zero */
    }
    return -1;
}

bool classroom_is_paused(const ClassGame *g)
{
    return g->paused;
}

int classroom_active_team(const ClassGame *g, uint32_t *buzz_ms)
{
    if (g->position >= g->count || g->step != CLASS_STEP_ANSWERING) {
        return -1;
    }
    const ClassQuestion *q = &g->qs[g->position];
    if (buzz_ms) {
        *buzz_ms = q->buzz_ms;
    }
    return q->active_team;
}

bool classroom_has_answered(const ClassGame *g, int team)
{
    return g->position < g->count && team >= 0 && team < g->team_count &&
           g->qs[g->position].resp[team].answered;
}

bool classroom_is_locked(const ClassGame *g, int team)
{
    return g->position < g->count && team >= 0 && team < g->team_count &&
           g->qs[g->position].resp[team].locked;
}

int classroom_next_present(const ClassGame *g, int from, int skip)
{
    for (int k = 0; k < g->team_count; k++) {
        int t = (from + k) % g->team_count;
        if (!g->absent[t] && t != skip) {
            return t;
        }
    }
    return -1;
}
