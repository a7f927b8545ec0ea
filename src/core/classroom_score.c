/* classroom_score.c - team scores (each team's own streak and total through score_answer),
 * the ranking with shared places, the answer distribution and the per-question summary. */
#include "classroom_private.h"

#include <string.h>

/* The Answer a response stands for (its text borrowed from the response). */
static Answer to_answer(const ClassResponse *r)
{
    Answer a;
    memset(&a, 0, sizeof a);
    a.picked = r->picked;
    a.truth = r->truth;
    a.text = r->text;
    memcpy(a.order, r->order, sizeof a.order);
    a.order_count = r->order_count;
    return a;
}

/* score_answer with the window's limit in milliseconds. Limits are multiples of 500 ms (the
 * pack's seconds times 1, 1.5 or 2, plus steps of 10 s); score_answer takes whole seconds, so a
 * half-second limit is passed in half-seconds with the time doubled, which keeps t/T exact. */
static ScoreLine score_one(const ClassGame *g, const ClassQuestion *q, const ClassResponse *r,
                           const Verdict *v, int streak, long total)
{
    const Pack *pack = q->pick.pack;
    ScoreSettings s = q->pick.question->score;
    if (g->cfg.accuracy_only) {
        s.rule = SCORING_ACCURACY;
    }
    StreakSettings st = {pack->streak_bonus, pack->streak_step, pack->streak_cap};
    int limit = 0;
    uint32_t t = r->time_ms;
    if (r->limit_ms > 0 && r->limit_ms % 1000 == 0) {
        limit = (int)(r->limit_ms / 1000);
    } else if (r->limit_ms > 0) {
        limit = (int)(r->limit_ms / 500);
        t = t < 500 ? 0 : (t > r->limit_ms ? r->limit_ms : t) * 2;
    }
    return score_answer(&s, &st, limit, t, v, OUTCOME_TIMEOUT, streak, total);
}

static bool eligible(const ClassGame *g, const ClassResponse *r)
{
    return g->cfg.mode == CLASS_WHOLE || g->cfg.mode == CLASS_PADS || r->had_turn;
}

void classroom_rescore(ClassGame *g)
{
    long total[CLASS_TEAMS_MAX] = {0};
    int streak[CLASS_TEAMS_MAX] = {0};
    for (int i = 0; i < g->count; i++) {
        ClassQuestion *q = &g->qs[i];
        for (int t = 0; t < g->team_count; t++) {
            ClassResponse *r = &q->resp[t];
            r->scored = false;
            memset(&r->line, 0, sizeof r->line);
            r->total_after = total[t];
            if (q->state != CLASS_Q_CLOSED || !eligible(g, r) || r->absent) {
                continue;
            }
            Verdict v;
            if (r->answered) {
                Answer a = to_answer(r);
                v = answer_check(q->pick.question, &a);
            }
            r->line = score_one(g, q, r, r->answered ? &v : NULL, streak[t], total[t]);
            total[t] += r->line.delta;
            if (total[t] < 0) {
                total[t] = 0;
            }
            streak[t] = r->line.streak;
            r->scored = true;
            r->total_after = total[t];
        }
    }
    memcpy(g->totals, total, sizeof total);
    memcpy(g->streaks, streak, sizeof streak);
}

int classroom_ranking(const ClassGame *g, ClassRank out[CLASS_TEAMS_MAX])
{
    int n = g->team_count;
    for (int t = 0; t < n; t++) {
        out[t] = (ClassRank){t, 1, g->totals[t]};
    }
    /* insertion sort: by total, then team number */
    for (int i = 1; i < n; i++) {
        ClassRank x = out[i];
        int j = i;
        while (j > 0 && out[j - 1].total < x.total) {
            out[j] = out[j - 1];
            j--;
        }
        out[j] = x;
    }
    for (int i = 0; i < n; i++) {
        out[i].place = i > 0 && out[i].total == out[i - 1].total ? out[i - 1].place : i + 1;
    }
    return n;
}

bool classroom_team_result(const ClassGame *g, int index, int team, ClassTeamResult *out)
{
    memset(out, 0, sizeof *out);
    if (index < 0 || index >= g->count || team < 0 || team >= g->team_count) {
        return false;
    }
    const ClassQuestion *q = &g->qs[index];
    const ClassResponse *r = &q->resp[team];
    out->answered = r->answered;
    out->time_ms = r->time_ms;
    out->total_after = r->total_after;
    if (r->scored) {
        out->outcome = CLASS_OUT_SCORED;
        out->line = r->line;
    } else if (q->state == CLASS_Q_CLOSED && r->absent && eligible(g, r)) {
        out->outcome = CLASS_OUT_ABSENT;
    }
    return true;
}

int classroom_distribution(const ClassGame *g, int index, int counts[PACK_CHOICES_MAX])
{
    memset(counts, 0, PACK_CHOICES_MAX * sizeof counts[0]);
    if (index < 0 || index >= g->count) {
        return 0;
    }
    const ClassQuestion *q = &g->qs[index];
    const Question *question = q->pick.question;
    int n = question->type == QTYPE_TRUEFALSE ? 2
            : question->type == QTYPE_SINGLE || question->type == QTYPE_MULTI
                ? question->choice_count
                : 0;
    for (int t = 0; n > 0 && t < g->team_count; t++) {
        const ClassResponse *r = &q->resp[t];
        if (!r->answered) {
            continue;
        }
        for (int p = 0; p < n; p++) {
            bool hit = question->type == QTYPE_TRUEFALSE ? r->truth == (p == 0)
                                                         : (r->picked >> q->choice_order[p]) & 1u;
            counts[p] += hit;
        }
    }
    return n;
}

static void join_choices(const Question *q, uint8_t mask, StrBuf *out)
{
    bool first = true;
    for (int c = 0; c < q->choice_count; c++) {
        if ((mask >> c) & 1u) {
            strbuf_puts(out, first ? "" : "; ");
            strbuf_puts(out, q->choices[c]);
            first = false;
        }
    }
}

void classroom_answer_text(const ClassGame *g, int index, int team, StrBuf *out)
{
    if (index < 0 || index >= g->count || team < 0 || team >= g->team_count) {
        return;
    }
    const ClassResponse *r = &g->qs[index].resp[team];
    const Question *q = g->qs[index].pick.question;
    if (!r->answered) {
        return;
    }
    switch (q->type) {
    case QTYPE_SINGLE:
    case QTYPE_MULTI:
        join_choices(q, r->picked, out);
        break;
    case QTYPE_TRUEFALSE:
        strbuf_puts(out, r->truth ? "true" : "false");
        break;
    case QTYPE_TEXT:
    case QTYPE_NUMBER:
        strbuf_puts(out, r->text);
        break;
    case QTYPE_ORDER:
        for (int i = 0; i < r->order_count; i++) {
            strbuf_puts(out, i > 0 ? " > " : "");
            strbuf_puts(out, q->choices[r->order[i]]);
        }
        break;
    case QTYPE_COUNT:
        break;
    }
}

void classroom_right_answer_text(const Question *q, StrBuf *out)
{
    switch (q->type) {
    case QTYPE_SINGLE:
    case QTYPE_MULTI:
        join_choices(q, q->correct, out);
        break;
    case QTYPE_TRUEFALSE:
        strbuf_puts(out, q->truth ? "true" : "false");
        break;
    case QTYPE_TEXT:
        strbuf_puts(out, q->answer_count > 0 ? q->answers[0] : "");
        for (int i = 1; i < q->answer_count; i++) {
            strbuf_puts(out, i == 1 ? " (also accepted: " : ", ");
            strbuf_puts(out, q->answers[i]);
        }
        strbuf_puts(out, q->answer_count > 1 ? ")" : "");
        break;
    case QTYPE_NUMBER:
        strbuf_puts(out, q->number_text ? q->number_text : "");
        if (q->unit && *q->unit) {
            strbuf_printf(out, " %s", q->unit);
        }
        if (q->tolerance > 0) {
            strbuf_printf(out, " (within %g)", q->tolerance);
        }
        break;
    case QTYPE_ORDER:
        for (int i = 0; i < q->choice_count; i++) {
            strbuf_puts(out, i > 0 ? " > " : "");
            strbuf_puts(out, q->choices[i]);
        }
        break;
    case QTYPE_COUNT:
        break;
    }
}

bool classroom_summary(const ClassGame *g, int index, ClassSummary *out)
{
    memset(out, 0, sizeof *out);
    if (index < 0 || index >= g->count) {
        return false;
    }
    const ClassQuestion *q = &g->qs[index];
    out->asked = q->state == CLASS_Q_CLOSED;
    StrBuf texts[CLASS_TEAMS_MAX];
    bool wrong[CLASS_TEAMS_MAX] = {false};
    for (int t = 0; t < g->team_count; t++) {
        texts[t] = (StrBuf)STRBUF_INIT;
        const ClassResponse *r = &q->resp[t];
        if (!r->scored) {
            continue;
        }
        out->teams++;
        out->right += r->line.outcome == OUTCOME_RIGHT;
        if (r->answered && r->line.outcome != OUTCOME_RIGHT) {
            classroom_answer_text(g, index, t, &texts[t]);
            wrong[t] = true;
        }
    }
    if (out->teams > 0) {
        out->percent_right = (out->right * 200 + out->teams) / (2 * out->teams);
    }
    /* the most chosen wrong answer; on equal counts the one a lower team chose */
    for (int t = 0; t < g->team_count; t++) {
        int n = 0;
        for (int u = 0; wrong[t] && u < g->team_count; u++) {
            n += wrong[u] && strcmp(strbuf_cstr(&texts[t]), strbuf_cstr(&texts[u])) == 0;
        }
        if (n > out->wrong_count) {
            out->wrong_count = n;
            str_copy(out->wrong, sizeof out->wrong, strbuf_cstr(&texts[t]));
        }
    }
    for (int t = 0; t < g->team_count; t++) {
        strbuf_free(&texts[t]);
    }
    return true;
}
