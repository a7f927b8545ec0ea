/* play.c - the quiz as the window plays it: builds the question pool from a selection, runs
 * the session's clock, turns the player's input into answers, and records the result in the
 * high scores and the history. Screens call these; only this file talks to QuizSession. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "ui/app.h"

enum { TICK_FROM_SECONDS = 5 };

static void reset_answer(App *app)
{
    QuizRun *r = &app->run;
    r->picked = 0;
    r->cursor = 0;
    r->show_cursor = false;
    r->grabbed = false;
    r->drag_row = -1;
    r->typed[0] = '\0';
    r->typed_full = false;
    r->question_start = app->now_ms;
    r->paused_total = 0;
    r->paused = false;
    r->last_tick = -1;
    const QuizItem *item = quiz_current(r->session);
    if (!item) {
        return;
    }
    const Question *q = item->pick.question;
    for (int i = 0; i < q->choice_count && i < PACK_CHOICES_MAX; i++) {
        r->order[i] = item->choice_order[i];
    }
}

void play_end(App *app)
{
    QuizRun *r = &app->run;
    quiz_destroy(r->session);
    r->session = NULL;
    free(r->picks);
    r->picks = NULL;
    r->pick_count = 0;
}

bool play_start(App *app, const QuizPick *picks, int count, const char *selection,
                const char *label)
{
    QuizRun *r = &app->run;
    if (count <= 0) {
        app_warn(app, "No question matches this choice of packs and topic.");
        return false;
    }
    QuizPick *copy = malloc(sizeof *copy * (size_t)count);
    if (!copy) {
        app_warn(app, "Out of memory.");
        return false;
    }
    memcpy(copy, picks, sizeof *copy * (size_t)count);
    QuizConfig config = r->config;
    play_end(app);
    quiz_result_free(&r->result);
    r->has_result = false;
    r->rank = 0;
    r->has_last = false;
    config.seed = app->opt.has_seed    ? app->opt.seed
                  : app->virtual_clock ? 1
                                       : (uint64_t)SDL_GetPerformanceCounter();
    r->session = quiz_create(&config, copy, count);
    if (!r->session) {
        free(copy);
        app_warn(app, "Out of memory.");
        return false;
    }
    r->config = config;
    r->picks = copy;
    r->pick_count = count;
    snprintf(r->selection, sizeof r->selection, "%s", selection);
    snprintf(r->label, sizeof r->label, "%s", label);
    reset_answer(app);
    app_switch(app, SCREEN_QUIZ);
    return true;
}

/* Starts a quiz on `packs` (comma-separated ids, "" = all) and `topic` ("" = all). */
static bool start_selection(App *app, const char *packs, const char *topic, int count, bool timed,
                            bool relaxed)
{
    int cap = library_question_count(&app->library);
    QuizPick *picks = malloc(sizeof *picks * (size_t)(cap > 0 ? cap : 1));
    if (!picks) {
        return false;
    }
    int n = 0;
    char titles[200] = "";
    size_t tlen = 0;
    for (int i = 0; i < app->library.count; i++) {
        const LibraryEntry *e = &app->library.entries[i];
        if (!e->pack || e->replaced || (packs[0] && !str_list_has(packs, e->pack->id))) {
            continue;
        }
        bool any = false;
        for (int q = 0; q < e->pack->question_count && n < cap; q++) {
            const Question *qu = &e->pack->questions[q];
            if (topic[0] && strcmp(qu->topic, topic) != 0) {
                continue;
            }
            picks[n++] = (QuizPick){e->pack, qu};
            any = true;
        }
        if (any && packs[0]) {
            int w = snprintf(titles + tlen, sizeof titles - tlen, "%s%s", tlen ? ", " : "",
                             e->pack->title);
            if (w > 0 && (size_t)w < sizeof titles - tlen) {
                tlen += (size_t)w;
            }
        }
    }
    const char *mode = !timed ? "untimed" : relaxed ? "relaxed" : "timed";
    char selection[256], label[256];
    char count_text[16];
    if (count <= 0 || count >= n) {
        snprintf(count_text, sizeof count_text, "all");
    } else {
        snprintf(count_text, sizeof count_text, "%d", count);
    }
    /* a key longer than the table allows is cut; str_format keeps it terminated */
    str_format(selection, sizeof selection, "packs=%s;topic=%s;count=%s;mode=%s", packs, topic,
               count_text, mode);
    snprintf(label, sizeof label, "%s%s%s", packs[0] ? titles : "All packs",
             topic[0] ? " \xC2\xB7 " : "", topic);
    app->run.config = (QuizConfig){
        .question_count = count, .timed = timed, .relaxed = relaxed, .shuffle = true, .seed = 0};
    bool ok = play_start(app, picks, n, selection, label);
    free(picks);
    return ok;
}

bool play_start_from_settings(App *app)
{
    const Settings *s = &app->settings;
    char packs[512];
    snprintf(packs, sizeof packs, "%s", s->packs);
    const char *topic = s->topic;
    int count = s->question_count;
    bool timed = s->timed, relaxed = s->relaxed;
    if (app->opt.play) {
        /* the command line's choice for this run, not saved */
        app->opt.play = false;
        if (app->opt.pack_count > 0) {
            app_named_packs(app, packs, sizeof packs);
        }
        if (app->opt.topic) {
            topic = app->opt.topic;
        }
        if (app->opt.count > 0) {
            count = app->opt.count;
        }
        timed = timed && !app->opt.untimed;
        relaxed = relaxed || app->opt.relaxed;
    }
    return start_selection(app, packs, topic, count, timed, relaxed);
}

bool play_retry_missed(App *app)
{
    QuizRun *r = &app->run;
    if (!r->has_result || r->result.missed_count == 0 || !r->session) {
        return false;
    }
    int n = r->result.missed_count;
    QuizPick *picks = malloc(sizeof *picks * (size_t)n);
    if (!picks) {
        return false;
    }
    for (int i = 0; i < n; i++) {
        picks[i] = quiz_item(r->session, r->result.missed[i])->pick;
    }
    char selection[300], label[300];
    /* a retry is practice: it gets its own table so it never beats a full run */
    snprintf(selection, sizeof selection, "%s;retry", r->selection);
    snprintf(label, sizeof label, "Missed questions \xC2\xB7 %s", r->label);
    r->config.question_count = n;
    bool ok = play_start(app, picks, n, selection, label);
    free(picks);
    return ok;
}

uint32_t play_elapsed(const App *app)
{
    const QuizRun *r = &app->run;
    uint64_t now = r->paused ? r->pause_start : app->now_ms;
    uint64_t e = now - r->question_start - r->paused_total;
    return e > UINT32_MAX ? UINT32_MAX : (uint32_t)e;
}

int play_remaining_ms(const App *app)
{
    const QuizItem *item = quiz_current(app->run.session);
    if (!item || item->time_limit <= 0) {
        return -1;
    }
    long left = (long)item->time_limit * 1000 - (long)play_elapsed(app);
    return left < 0 ? 0 : (int)left;
}

static void answered(App *app, const ScoreLine *line)
{
    if (!line) {
        return;
    }
    app->run.last = *line;
    app->run.has_last = true;
    const QuizItem *item = quiz_item(app->run.session, quiz_position(app->run.session));
    if (item && line->outcome != OUTCOME_SKIPPED) {
        /* with the setting on, a quiz answer is a review: right = Good, anything else = Again */
        study_feed_quiz(app, item->pick.pack, item->pick.question, line->outcome == OUTCOME_RIGHT);
    }
    app->run.grabbed = false;
    SoundCue cue = line->outcome == OUTCOME_RIGHT || line->outcome == OUTCOME_PARTIAL ? SOUND_RIGHT
                   : line->outcome == OUTCOME_TIMEOUT ? SOUND_TIME_UP
                                                      : SOUND_WRONG;
    if (line->outcome != OUTCOME_SKIPPED) {
        sound_play(app->sound, cue);
    }
    app_switch(app, SCREEN_FEEDBACK);
}

void play_submit(App *app)
{
    QuizRun *r = &app->run;
    const QuizItem *item = quiz_current(r->session);
    if (!item || quiz_phase(r->session) != QUIZ_ASKING || r->paused) {
        return;
    }
    const Question *q = item->pick.question;
    Answer a;
    memset(&a, 0, sizeof a);
    switch (q->type) {
    case QTYPE_SINGLE:
    case QTYPE_MULTI:
        if (r->picked == 0) {
            return; /* nothing chosen yet */
        }
        for (int p = 0; p < q->choice_count; p++) {
            if (r->picked & (1u << p)) {
                a.picked |= (uint8_t)(1u << item->choice_order[p]);
            }
        }
        break;
    case QTYPE_TRUEFALSE:
        if (r->picked == 0) {
            return;
        }
        a.truth = (r->picked & 1u) != 0;
        break;
    case QTYPE_TEXT:
    case QTYPE_NUMBER: {
        const char *t = r->typed;
        while (*t == ' ') {
            t++;
        }
        if (!*t) {
            return; /* an empty answer is not sent; the field says what to do */
        }
        a.text = r->typed;
        break;
    }
    case QTYPE_ORDER:
        for (int i = 0; i < q->choice_count; i++) {
            a.order[i] = r->order[i];
        }
        a.order_count = q->choice_count;
        break;
    default:
        return;
    }
    answered(app, quiz_submit(r->session, &a, play_elapsed(app)));
}

void play_choose(App *app, int position)
{
    QuizRun *r = &app->run;
    const QuizItem *item = quiz_current(r->session);
    if (!item || quiz_phase(r->session) != QUIZ_ASKING || r->paused) {
        return;
    }
    const Question *q = item->pick.question;
    int n = q->type == QTYPE_TRUEFALSE ? 2 : q->choice_count;
    if (position < 0 || position >= n) {
        return;
    }
    r->cursor = position;
    if (q->type == QTYPE_MULTI) {
        r->picked ^= (uint8_t)(1u << position);
        app_redraw(app);
        return;
    }
    /* single and truefalse answer at once; truefalse position 0 is True (bit 0 = true) */
    r->picked = (uint8_t)(1u << position);
    play_submit(app);
}

void play_skip(App *app)
{
    QuizRun *r = &app->run;
    if (quiz_phase(r->session) == QUIZ_ASKING && !r->paused) {
        answered(app, quiz_skip(r->session, play_elapsed(app)));
    }
}

static void record_result(App *app)
{
    QuizRun *r = &app->run;
    if (!quiz_result(r->session, &r->result)) {
        app_warn(app, "Out of memory while adding up the results.");
        return;
    }
    r->has_result = true;
    ScoreEntry e;
    memset(&e, 0, sizeof e);
    e.total = r->result.total;
    e.right = r->result.right;
    e.asked = r->result.asked;
    e.time_ms = r->result.time_ms;
    e.when = (time_t)app_wall_time(app);
    snprintf(e.mode, sizeof e.mode, "%s",
             !r->config.timed    ? "untimed"
             : r->config.relaxed ? "relaxed"
                                 : "timed");
    e.count = quiz_count(r->session);
    SaveError err;
    memset(&err, 0, sizeof err);
    if (app->paths.history[0] &&
        !history_append(app->io, app->paths.history, r->selection, &e, &err)) {
        app_warn(app, "%s", err.message);
    }
    if (strstr(r->selection, ";retry")) {
        r->rank = 0;
        return;
    }
    r->rank = app->scores ? scoreboard_add(app->scores, r->selection, &e) : 0;
    if (r->rank > 0 && app->paths.scores[0] &&
        !scoreboard_save(app->scores, app->io, app->paths.scores, &err)) {
        app_warn(app, "%s", err.message);
    }
}

void play_next(App *app)
{
    QuizRun *r = &app->run;
    if (quiz_phase(r->session) != QUIZ_FEEDBACK) {
        return;
    }
    if (quiz_next(r->session) == QUIZ_DONE) {
        record_result(app);
        app_switch(app, SCREEN_RESULTS);
        return;
    }
    reset_answer(app);
    app_switch(app, SCREEN_QUIZ);
}

void play_pause(App *app, bool on)
{
    QuizRun *r = &app->run;
    if (on == r->paused) {
        return;
    }
    if (on) {
        r->pause_start = app->now_ms;
    } else {
        r->paused_total += app->now_ms - r->pause_start;
    }
    r->paused = on;
    app_redraw(app);
}

void play_abandon(App *app)
{
    play_end(app);
    app->run.paused = false;
    app_switch(app, SCREEN_TITLE);
}

bool play_update(App *app, uint64_t now)
{
    QuizRun *r = &app->run;
    if (!r->session || quiz_phase(r->session) != QUIZ_ASKING || r->paused) {
        return false;
    }
    int left = play_remaining_ms(app);
    if (left < 0) {
        return false; /* untimed: nothing moves */
    }
    if (left == 0) {
        answered(app, quiz_timeout(r->session));
        return false;
    }
    int second = (left + 999) / 1000;
    if (second <= TICK_FROM_SECONDS && second != r->last_tick) {
        r->last_tick = second;
        sound_play(app->sound, SOUND_TICK);
    }
    app_redraw(app);
    return true;
}
