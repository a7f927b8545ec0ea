/* classroom_input.c - what the teams and the teacher do while a question is open: answers,
 * pad presses, buzzers, absent teams, the same-millisecond rule, and the timer's tick. */
#include "classroom_private.h"

#include <string.h>

#include "rng.h"
#include "utf8.h"

static ClassQuestion *current(ClassGame *g)
{
    return &g->qs[g->position];
}

bool classroom_all_done(const ClassGame *g)
{
    const ClassQuestion *q = &g->qs[g->position];
    int present = 0, done = 0;
    for (int t = 0; t < g->team_count; t++) {
        const ClassResponse *r = &q->resp[t];
        if (g->cfg.mode == CLASS_BUZZER && r->answered && !r->locked) {
            return true; /* a right answer */
        }
        if (!g->absent[t]) {
            present++;
            done += r->answered || r->locked;
        }
    }
    return present > 0 && done == present;
}

static bool steal_possible(const ClassGame *g)
{
    const ClassQuestion *q = &g->qs[g->position];
    return g->cfg.mode == CLASS_TURNS && g->cfg.steal && !q->stolen &&
           classroom_next_present(g, (q->turn_team + 1) % g->team_count, q->turn_team) >= 0;
}

static void open_steal(ClassGame *g, uint64_t now_ms)
{
    ClassQuestion *q = current(g);
    q->stolen = true;
    q->window = 1;
    q->active_team = classroom_next_present(g, (q->turn_team + 1) % g->team_count, q->turn_team);
    q->resp[q->active_team].had_turn = true;
    g->adjust_ms = 0;
    classroom_timer_restart(g, now_ms);
}

/* Turns: the active team missed (wrong, time up or absent). */
static void turn_missed(ClassGame *g, uint64_t now_ms)
{
    if (steal_possible(g)) {
        open_steal(g, now_ms);
    } else {
        classroom_close(g, now_ms);
    }
}

/* Closes, steals or releases as the state now asks. True when something changed. */
static bool settle(ClassGame *g, uint64_t now_ms)
{
    ClassQuestion *q = current(g);
    bool time_up =
        g->running && q->base_limit_ms > 0 && classroom_elapsed(g, now_ms) >= classroom_limit(g);
    switch (g->cfg.mode) {
    case CLASS_TURNS: {
        int a = q->active_team;
        if (a < 0) {
            classroom_close(g, now_ms);
            return true;
        }
        if (time_up || g->absent[a]) {
            turn_missed(g, now_ms);
            return true;
        }
        return false;
    }
    case CLASS_BUZZER:
    case CLASS_WHOLE:
    case CLASS_PADS:
    case CLASS_MODE_COUNT:
        break;
    }
    if (time_up || classroom_all_done(g)) {
        classroom_close(g, now_ms);
        return true;
    }
    return false;
}

bool classroom_tick(ClassGame *g, uint64_t now_ms)
{
    if (g->paused) {
        return false;
    }
    if (g->step == CLASS_STEP_READING && g->running && g->cfg.reading_ms > 0 &&
        classroom_elapsed(g, now_ms) >= (uint32_t)g->cfg.reading_ms) {
        classroom_next(g, now_ms);
        return true;
    }
    return g->step == CLASS_STEP_ANSWERING && settle(g, now_ms);
}

/* True when `a` is a well-formed answer to `q`. */
static bool answer_fits(const Question *q, const Answer *a)
{
    uint8_t all = (uint8_t)((1u << q->choice_count) - 1u);
    switch (q->type) {
    case QTYPE_SINGLE:
        return a->picked != 0 && (a->picked & ~all) == 0 && (a->picked & (a->picked - 1)) == 0;
    case QTYPE_MULTI:
        return (a->picked & ~all) == 0;
    case QTYPE_TRUEFALSE:
        return true;
    case QTYPE_TEXT:
    case QTYPE_NUMBER:
        return a->text && utf8_valid(a->text, strlen(a->text), NULL);
    case QTYPE_ORDER: {
        if (a->order_count != q->choice_count) {
            return false;
        }
        unsigned seen = 0;
        for (int i = 0; i < a->order_count; i++) {
            if (a->order[i] < 0 || a->order[i] >= q->choice_count || (seen >> a->order[i]) & 1u) {
                return false;
            }
            seen |= 1u << a->order[i];
        }
        return true;
    }
    case QTYPE_COUNT:
        break;
    }
    return false;
}

/* Copies at most CLASS_TEXT_MAX bytes of `text`, never cutting a UTF-8 sequence. */
static void copy_text(char *dst, const char *text)
{
    size_t n = strlen(text);
    if (n > CLASS_TEXT_MAX) {
        n = CLASS_TEXT_MAX;
        while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80) {
            n--;
        }
    }
    memcpy(dst, text, n);
    dst[n] = '\0';
}

ClassInput classroom_answer(ClassGame *g, int team, const Answer *a, uint64_t now_ms)
{
    if (team < 0 || team >= g->team_count || !a) {
        return CLASS_INPUT_BAD;
    }
    classroom_tick(g, now_ms);
    if (g->step != CLASS_STEP_ANSWERING || g->paused) {
        return CLASS_INPUT_NOT_OPEN;
    }
    ClassQuestion *q = current(g);
    ClassResponse *r = &q->resp[team];
    if (g->absent[team]) {
        return CLASS_INPUT_ABSENT;
    }
    if (r->answered || r->locked) {
        return CLASS_INPUT_DONE;
    }
    if ((g->cfg.mode == CLASS_TURNS || g->cfg.mode == CLASS_BUZZER) && team != q->active_team) {
        return CLASS_INPUT_NOT_TURN;
    }
    const Question *question = q->pick.question;
    if (!answer_fits(question, a)) {
        return CLASS_INPUT_BAD;
    }
    r->answered = true;
    r->picked = a->picked;
    r->truth = a->truth;
    r->order_count = question->type == QTYPE_ORDER ? a->order_count : 0;
    memcpy(r->order, a->order, sizeof r->order);
    r->text[0] = '\0';
    if (question->type == QTYPE_TEXT || question->type == QTYPE_NUMBER) {
        copy_text(r->text, a->text);
    }
    r->time_ms = classroom_elapsed(g, now_ms);
    r->limit_ms = classroom_limit(g);
    r->window = q->window;
    bool right = answer_check(question, a).correct;
    switch (g->cfg.mode) {
    case CLASS_TURNS:
        if (right) {
            classroom_close(g, now_ms);
        } else {
            turn_missed(g, now_ms);
        }
        return CLASS_INPUT_TAKEN;
    case CLASS_BUZZER:
        if (!right) {
            r->locked = true;
            q->active_team = -1;
            q->buzz_tie_open = false;
            if (!g->paused) {
                g->running = true;
                g->run_start = now_ms;
            }
        }
        break;
    case CLASS_WHOLE:
    case CLASS_PADS:
    case CLASS_MODE_COUNT:
        break;
    }
    settle(g, now_ms);
    return CLASS_INPUT_TAKEN;
}

bool classroom_position_answer(const ClassGame *g, int position, Answer *out)
{
    memset(out, 0, sizeof *out);
    if (g->position >= g->count || position < 0) {
        return false;
    }
    const ClassQuestion *q = &g->qs[g->position];
    const Question *question = q->pick.question;
    switch (question->type) {
    case QTYPE_TRUEFALSE:
        if (position > 1) {
            return false;
        }
        out->truth = position == 0;
        return true;
    case QTYPE_SINGLE:
    case QTYPE_MULTI:
        if (position >= question->choice_count) {
            return false;
        }
        out->picked = (uint8_t)(1u << q->choice_order[position]);
        return true;
    case QTYPE_TEXT:
    case QTYPE_NUMBER:
    case QTYPE_ORDER:
    case QTYPE_COUNT:
        break;
    }
    return false;
}

ClassInput classroom_pad_answer(ClassGame *g, int team, int position, uint64_t now_ms)
{
    Answer a;
    if (position > 3 || !classroom_pad_ok(g, g->position) ||
        !classroom_position_answer(g, position, &a)) {
        return CLASS_INPUT_BAD;
    }
    return classroom_answer(g, team, &a, now_ms);
}

/* Same-millisecond rule for the buzzer: the team behind in points wins; with equal points a
 * coin seeded from the game's seed, the question and the pair of teams. */
static int tie_winner(const ClassGame *g, int holder, int challenger)
{
    if (g->totals[holder] != g->totals[challenger]) {
        return g->totals[holder] < g->totals[challenger] ? holder : challenger;
    }
    int lo = holder < challenger ? holder : challenger;
    int hi = holder < challenger ? challenger : holder;
    Rng rng;
    rng_seed(&rng, g->cfg.seed ^ ((uint64_t)(g->position + 1) * 0x9E3779B97F4A7C15ull) ^
                       (uint64_t)(lo * CLASS_TEAMS_MAX + hi));
    return rng_below(&rng, 2) == 0 ? lo : hi;
}

int classroom_buzz(ClassGame *g, int team, uint64_t now_ms)
{
    if (g->cfg.mode != CLASS_BUZZER) {
        return -1;
    }
    classroom_tick(g, now_ms);
    if (g->step != CLASS_STEP_ANSWERING || g->paused) {
        return -1;
    }
    ClassQuestion *q = current(g);
    if (team < 0 || team >= g->team_count || g->absent[team] || q->resp[team].locked ||
        q->resp[team].answered) {
        return q->active_team;
    }
    int holder = q->active_team;
    if (holder < 0) {
        q->active_team = team;
        q->buzz_ms = classroom_elapsed(g, now_ms);
        q->buzz_now = now_ms;
        q->buzz_tie_open = true;
        q->resp[team].had_turn = true;
        g->banked_ms = q->buzz_ms; /* the timer stops while the holder answers */
        g->running = false;
        return team;
    }
    if (holder != team && q->buzz_tie_open && now_ms == q->buzz_now &&
        tie_winner(g, holder, team) == team) {
        q->resp[holder].had_turn = false;
        q->resp[team].had_turn = true;
        q->active_team = team;
    }
    return q->active_team;
}

bool classroom_team_absent(ClassGame *g, int team, bool absent, uint64_t now_ms)
{
    if (team < 0 || team >= g->team_count || g->absent[team] == absent) {
        return false;
    }
    g->absent[team] = absent;
    if (g->step == CLASS_STEP_ANSWERING && absent) {
        ClassQuestion *q = current(g);
        if (g->cfg.mode == CLASS_BUZZER && q->active_team == team) {
            q->resp[team].locked = true;
            q->active_team = -1;
            q->buzz_tie_open = false;
            if (!g->paused) {
                g->running = true;
                g->run_start = now_ms;
            }
        }
        if (!g->paused) {
            settle(g, now_ms);
        }
    }
    return true;
}
