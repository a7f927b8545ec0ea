/* classroom.c - the classroom game: configuration, creation and the step machine (next, back,
 * tick, pause, time, skip). Input is in classroom_input.c, scores in classroom_score.c, the
 * read-only accessors in classroom_read.c. */
#include "classroom_private.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

void classroom_config_default(ClassConfig *cfg, ClassMode mode, int teams)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->mode = mode;
    cfg->team_count = teams;
    for (int t = 0; t < CLASS_TEAMS_MAX; t++) {
        str_format(cfg->team_names[t], sizeof cfg->team_names[t], "Team %d", t + 1);
    }
    cfg->reading_ms = 5000;
    cfg->time_percent = 100;
    cfg->scoreboard_top = 5;
    cfg->shuffle = true;
}

static bool fail(char *why, size_t size, const char *text)
{
    if (why && size > 0) {
        str_copy(why, size, text);
    }
    return false;
}

bool classroom_config_check(const ClassConfig *cfg, char *why, size_t why_size)
{
    if (cfg->mode < 0 || cfg->mode >= CLASS_MODE_COUNT) {
        return fail(why, why_size, "unknown mode");
    }
    if (cfg->time_percent != 100 && cfg->time_percent != 150 && cfg->time_percent != 200) {
        return fail(why, why_size, "the time multiplier must be 100, 150 or 200 percent");
    }
    if (cfg->reading_ms < 0 || cfg->reading_ms > 600000) {
        return fail(why, why_size, "the reading time must be 0 to 600 seconds");
    }
    if (cfg->scoreboard_top < 0 || cfg->question_count < 0) {
        return fail(why, why_size, "negative count");
    }
    if (cfg->mode == CLASS_WHOLE) {
        return true;
    }
    if (cfg->team_count < CLASS_TEAMS_MIN || cfg->team_count > CLASS_TEAMS_MAX) {
        return fail(why, why_size, "there must be 2 to 8 teams");
    }
    for (int t = 0; t < cfg->team_count; t++) {
        const char *name = cfg->team_names[t];
        size_t len = strnlen(name, sizeof cfg->team_names[t]);
        if (len == sizeof cfg->team_names[t] || len == 0 || !utf8_valid(name, len, NULL) ||
            utf8_length(name, len) > CLASS_NAME_MAX) {
            return fail(why, why_size, "a team name must be 1 to 40 characters of UTF-8");
        }
    }
    return true;
}

ClassGame *classroom_create(const ClassConfig *cfg, const QuizPick *picks, int count,
                            uint64_t now_ms)
{
    if (count <= 0 || !classroom_config_check(cfg, NULL, 0)) {
        return NULL;
    }
    bool filter = cfg->skip_unsupported && (cfg->mode == CLASS_BUZZER || cfg->mode == CLASS_PADS);
    QuizPick *kept = malloc((size_t)count * sizeof *kept);
    ClassGame *g = calloc(1, sizeof *g);
    if (!kept || !g) {
        free(kept);
        free(g);
        return NULL;
    }
    int n = 0;
    for (int i = 0; i < count; i++) {
        if (!filter || classroom_pad_type(picks[i].question)) {
            kept[n++] = picks[i];
        }
    }
    QuizConfig qc = {cfg->question_count, true, false, cfg->shuffle, cfg->seed};
    QuizSession *order = n > 0 ? quiz_create(&qc, kept, n) : NULL;
    free(kept);
    if (!order) {
        free(g);
        return NULL;
    }
    g->count = quiz_count(order);
    g->qs = calloc((size_t)g->count, sizeof *g->qs);
    if (!g->qs) {
        quiz_destroy(order);
        free(g);
        return NULL;
    }
    g->cfg = *cfg;
    if (g->cfg.scoreboard_top == 0) {
        g->cfg.scoreboard_top = 5;
    }
    if (cfg->mode == CLASS_WHOLE) {
        g->cfg.team_count = 1;
        str_copy(g->cfg.team_names[0], sizeof g->cfg.team_names[0], "Class");
    }
    for (int t = g->cfg.team_count; t < CLASS_TEAMS_MAX; t++) {
        g->cfg.team_names[t][0] = '\0';
    }
    g->team_count = g->cfg.team_count;
    for (int i = 0; i < g->count; i++) {
        const QuizItem *it = quiz_item(order, i);
        ClassQuestion *q = &g->qs[i];
        q->pick = it->pick;
        memcpy(q->choice_order, it->choice_order, sizeof q->choice_order);
        if (q->pick.question->type == QTYPE_TRUEFALSE) {
            q->choice_order[0] = 0;
            q->choice_order[1] = 1;
        }
        q->base_limit_ms =
            (uint32_t)q->pick.question->time_limit * 1000u * (uint32_t)cfg->time_percent / 100u;
        q->turn_team = -1;
        q->active_team = -1;
    }
    quiz_destroy(order);
    g->step = CLASS_STEP_READING;
    g->qs[0].state = CLASS_Q_OPEN;
    classroom_timer_restart(g, now_ms);
    return g;
}

void classroom_destroy(ClassGame *g)
{
    if (!g) {
        return;
    }
    free(g->qs);
    free(g);
}

void classroom_timer_restart(ClassGame *g, uint64_t now_ms)
{
    g->banked_ms = 0;
    g->run_start = now_ms;
    g->running = true;
    g->paused = false;
}

static void timer_stop(ClassGame *g, uint64_t now_ms)
{
    g->banked_ms = classroom_elapsed(g, now_ms);
    g->running = false;
}

static void enter_reading(ClassGame *g, uint64_t now_ms, bool timed)
{
    g->step = CLASS_STEP_READING;
    classroom_timer_restart(g, now_ms);
    g->running = timed && g->cfg.reading_ms > 0;
    ClassQuestion *q = &g->qs[g->position];
    if (q->state == CLASS_Q_PENDING) {
        q->state = CLASS_Q_OPEN;
    }
}

static void enter_answering(ClassGame *g, uint64_t now_ms)
{
    ClassQuestion *q = &g->qs[g->position];
    g->step = CLASS_STEP_ANSWERING;
    classroom_timer_restart(g, now_ms);
    if (q->opened) {
        g->banked_ms = q->held_ms;
        g->running = !(g->cfg.mode == CLASS_BUZZER && q->active_team >= 0);
        return;
    }
    q->opened = true;
    g->adjust_ms = 0;
    if (g->cfg.mode == CLASS_TURNS) {
        int ordinal = 0;
        for (int i = 0; i < g->position; i++) {
            ordinal += g->qs[i].state != CLASS_Q_SKIPPED;
        }
        q->turn_team = classroom_next_present(g, ordinal % g->team_count, -1);
        if (q->turn_team < 0) {
            q->turn_team = ordinal % g->team_count;
        }
        q->active_team = q->turn_team;
        q->resp[q->turn_team].had_turn = true;
    }
}

void classroom_close(ClassGame *g, uint64_t now_ms)
{
    ClassQuestion *q = &g->qs[g->position];
    q->held_ms = classroom_elapsed(g, now_ms);
    uint32_t limit = classroom_limit(g);
    for (int t = 0; t < g->team_count; t++) {
        ClassResponse *r = &q->resp[t];
        r->absent = g->absent[t] && !r->answered;
        if (r->answered && r->window == q->window) {
            r->limit_ms = limit;
        }
    }
    q->state = CLASS_Q_CLOSED;
    g->step = CLASS_STEP_CLOSED;
    g->running = false;
    g->paused = false;
    g->banked_ms = 0;
    classroom_rescore(g);
}

static bool shows_distribution(const ClassGame *g)
{
    int counts[PACK_CHOICES_MAX];
    return g->cfg.mode == CLASS_PADS && classroom_distribution(g, g->position, counts) > 0;
}

/* From the scoreboard (or a skip): the next question's READING, or the podium. */
static void advance(ClassGame *g, uint64_t now_ms)
{
    g->position++;
    if (g->position < g->count) {
        enter_reading(g, now_ms, true);
    } else {
        g->step = CLASS_STEP_END_PODIUM;
        g->running = false;
        g->paused = false;
        g->banked_ms = 0;
    }
}

bool classroom_next(ClassGame *g, uint64_t now_ms)
{
    switch (g->step) {
    case CLASS_STEP_READING:
        enter_answering(g, now_ms);
        return true;
    case CLASS_STEP_ANSWERING:
        classroom_close(g, now_ms);
        return true;
    case CLASS_STEP_CLOSED:
        g->step = shows_distribution(g) ? CLASS_STEP_DISTRIBUTION : CLASS_STEP_REVEAL;
        return true;
    case CLASS_STEP_DISTRIBUTION:
    case CLASS_STEP_REVEAL:
    case CLASS_STEP_EXPLAIN:
        g->step++;
        return true;
    case CLASS_STEP_SCOREBOARD:
        advance(g, now_ms);
        return true;
    case CLASS_STEP_END_PODIUM:
        g->step = CLASS_STEP_END_SUMMARY;
        return true;
    case CLASS_STEP_END_SUMMARY:
    case CLASS_STEP_COUNT:
        break;
    }
    return false;
}

/* Back from a question's READING (or from the podium): the previous question's last step. */
static bool back_to_previous(ClassGame *g, uint64_t now_ms)
{
    if (g->position == 0) {
        return false;
    }
    g->position--;
    ClassQuestion *q = &g->qs[g->position];
    if (q->state == CLASS_Q_SKIPPED) {
        q->state = CLASS_Q_OPEN;
        enter_reading(g, now_ms, false);
        return true;
    }
    g->step = CLASS_STEP_SCOREBOARD;
    g->running = false;
    g->paused = false;
    g->banked_ms = 0;
    return true;
}

bool classroom_back(ClassGame *g, uint64_t now_ms)
{
    switch (g->step) {
    case CLASS_STEP_READING:
        return back_to_previous(g, now_ms);
    case CLASS_STEP_ANSWERING:
        g->qs[g->position].held_ms = classroom_elapsed(g, now_ms);
        enter_reading(g, now_ms, false);
        return true;
    case CLASS_STEP_CLOSED: {
        ClassQuestion *q = &g->qs[g->position];
        q->state = CLASS_Q_OPEN;
        g->step = CLASS_STEP_ANSWERING;
        g->banked_ms = q->held_ms;
        g->running = false;
        g->paused = true;
        classroom_rescore(g);
        return true;
    }
    case CLASS_STEP_DISTRIBUTION:
        g->step = CLASS_STEP_CLOSED;
        return true;
    case CLASS_STEP_REVEAL:
        g->step = shows_distribution(g) ? CLASS_STEP_DISTRIBUTION : CLASS_STEP_CLOSED;
        return true;
    case CLASS_STEP_EXPLAIN:
    case CLASS_STEP_SCOREBOARD:
        g->step--;
        return true;
    case CLASS_STEP_END_PODIUM:
        g->position = g->count;
        return back_to_previous(g, now_ms);
    case CLASS_STEP_END_SUMMARY:
        g->step = CLASS_STEP_END_PODIUM;
        return true;
    case CLASS_STEP_COUNT:
        break;
    }
    return false;
}

bool classroom_pause(ClassGame *g, uint64_t now_ms)
{
    if ((g->step != CLASS_STEP_READING && g->step != CLASS_STEP_ANSWERING) || g->paused) {
        return false;
    }
    timer_stop(g, now_ms);
    g->paused = true;
    return true;
}

bool classroom_resume(ClassGame *g, uint64_t now_ms)
{
    if (!g->paused) {
        return false;
    }
    g->paused = false;
    bool frozen = g->step == CLASS_STEP_ANSWERING && g->cfg.mode == CLASS_BUZZER &&
                  g->qs[g->position].active_team >= 0;
    if (!frozen) {
        g->running = true;
        g->run_start = now_ms;
    }
    return true;
}

bool classroom_add_time(ClassGame *g, int steps, uint64_t now_ms)
{
    if (g->step != CLASS_STEP_ANSWERING || g->qs[g->position].base_limit_ms == 0 || steps == 0) {
        return false;
    }
    int64_t adjust = (int64_t)g->adjust_ms + (int64_t)steps * CLASS_ADJUST_STEP_MS;
    /* at least one second stays on the limit, so a timed question stays timed */
    int64_t floor = 1000 - (int64_t)g->qs[g->position].base_limit_ms;
    if (adjust < floor) {
        adjust = floor;
    }
    if (adjust > 3600000) {
        adjust = 3600000;
    }
    g->adjust_ms = (int32_t)adjust;
    classroom_tick(g, now_ms);
    return true;
}

bool classroom_skip(ClassGame *g, uint64_t now_ms)
{
    if (g->step != CLASS_STEP_READING && g->step != CLASS_STEP_ANSWERING) {
        return false;
    }
    ClassQuestion *q = &g->qs[g->position];
    memset(q->resp, 0, sizeof q->resp);
    q->state = CLASS_Q_SKIPPED;
    q->opened = false;
    q->stolen = false;
    q->window = 0;
    q->held_ms = 0;
    q->buzz_ms = 0;
    q->turn_team = -1;
    q->active_team = -1;
    advance(g, now_ms);
    return true;
}

bool classroom_reveal_now(ClassGame *g, uint64_t now_ms)
{
    if (g->step == CLASS_STEP_ANSWERING) {
        classroom_close(g, now_ms);
    }
    if (g->step != CLASS_STEP_CLOSED && g->step != CLASS_STEP_DISTRIBUTION) {
        return false;
    }
    g->step = CLASS_STEP_REVEAL;
    return true;
}
