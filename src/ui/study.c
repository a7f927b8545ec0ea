/* study.c - a flashcard session as the window runs it: loads the packs' progress for the
 * current profile, builds today's queue (or a cram queue), and turns flips and grades into
 * deck_grade calls that save as they go. Only this file talks to deck and progress for the UI. */
#include "ui/study.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/day.h"
#include "core/strbuf.h"
#include "ui/app.h"

enum { FLIP_MS = 320 };

void study_config(const App *app, DeckConfig *cfg)
{
    deck_config_default(cfg);
    cfg->new_per_day = app->settings.new_per_day;
    cfg->review_cap = app->settings.review_cap;
    cfg->day_start_hour = app->settings.day_start;
}

static void params_for(const App *app, const Pack *pack, FsrsParams *p)
{
    fsrs_params_default(p);
    fsrs_params_set_retention(p, settings_retention(&app->settings, pack->id));
    fsrs_params_set_maximum_interval(p, app->settings.max_interval);
    p->enable_fuzz = true; /* in play, seeded per card and day (see grade_seed) */
}

static void free_sources(StudyState *st)
{
    for (int i = 0; i < st->source_count; i++) {
        progress_free(&st->progress[i]);
    }
    st->source_count = 0;
    deck_queue_free(&st->queue);
    memset(&st->queue, 0, sizeof st->queue);
}

void study_end(App *app)
{
    StudyState *st = &app->study;
    free_sources(st);
    st->active = false;
    st->pos = 0;
    st->undo_count = 0;
    st->flipped = false;
}

/* Loads the progress of every live pack the selection names (all when `all`). */
static bool load_sources(App *app, bool all)
{
    StudyState *st = &app->study;
    free_sources(st);
    if (!app->profile_dir[0]) {
        app_warn(app, "There is no folder for progress: set HOME or XDG_DATA_HOME.");
        return false;
    }
    for (int i = 0; i < app->library.count && st->source_count < STUDY_SOURCES_MAX; i++) {
        const LibraryEntry *e = &app->library.entries[i];
        if (!e->pack || e->replaced ||
            (!all && app->settings.packs[0] && !str_list_has(app->settings.packs, e->pack->id))) {
            continue;
        }
        ProgressFile *pf = &st->progress[st->source_count];
        progress_init(pf, e->pack->id);
        char path[PATHS_MAX];
        DiagList diags = DIAGLIST_INIT;
        LoadReport report;
        memset(&report, 0, sizeof report);
        if (progress_file_path(path, sizeof path, app->profile_dir, e->pack->id)) {
            progress_load(pf, app->io, path, (time_t)app_wall_time(app), &diags, &report);
        }
        progress_reconcile(pf, e->pack, &diags);
        for (size_t d = 0; d < diags.count; d++) {
            if (diags.items[d].level != DIAG_NOTE && diags.items[d].line == 0) {
                app_warn(app, "%s: %s", diags.items[d].path, diags.items[d].message);
            }
        }
        diag_list_free(&diags);
        st->sources[st->source_count] = (DeckSource){e->pack, pf};
        st->source_count++;
    }
    return st->source_count > 0;
}

bool study_start(App *app, bool cram, const char *topic)
{
    StudyState *st = &app->study;
    study_end(app);
    if (!load_sources(app, false)) {
        app_warn(app, "No pack to study: choose packs first.");
        return false;
    }
    st->cram = cram;
    str_copy(st->topic, sizeof st->topic, topic ? topic : "");
    bool ok;
    if (cram) {
        uint64_t seed = app->opt.has_seed ? app->opt.seed : (uint64_t)app_wall_time(app);
        ok = deck_cram(&st->queue, st->sources, (size_t)st->source_count, st->topic, seed);
    } else {
        DeckConfig cfg;
        FsrsParams params;
        study_config(app, &cfg);
        fsrs_params_default(&params);
        params.desired_retention = app->settings.retention;
        ok = deck_build(&st->queue, st->sources, (size_t)st->source_count, &cfg, &params,
                        app_wall_time(app));
    }
    if (!ok) {
        app_warn(app, "Out of memory while building the study queue.");
        study_end(app);
        return false;
    }
    st->active = true;
    st->pos = 0;
    st->flipped = false;
    st->reviewed = 0;
    st->again = 0;
    st->undo_count = 0;
    st->warning[0] = '\0';
    app_switch(app, SCREEN_CARDS);
    return true;
}

static const DeckItem *shown(const App *app)
{
    const StudyState *st = &app->study;
    return st->active && st->pos < st->queue.count ? &st->queue.items[st->pos] : NULL;
}

const Question *study_question(const App *app, const Pack **pack)
{
    const DeckItem *it = shown(app);
    if (!it) {
        return NULL;
    }
    const DeckSource *src = &app->study.sources[it->source];
    if (pack) {
        *pack = src->pack;
    }
    return &src->pack->questions[it->question];
}

void study_left(const App *app, int *due, int *fresh)
{
    const StudyState *st = &app->study;
    *due = 0;
    *fresh = 0;
    for (size_t i = st->pos; st->active && i < st->queue.count; i++) {
        if (st->queue.items[i].is_new) {
            (*fresh)++;
        } else {
            (*due)++;
        }
    }
}

void study_flip(App *app)
{
    StudyState *st = &app->study;
    if (!shown(app)) {
        return;
    }
    st->flipped = !st->flipped;
    st->flipping = true;
    st->flip_start = app->now_ms;
    app_redraw(app);
}

double study_flip_progress(const App *app)
{
    const StudyState *st = &app->study;
    if (!st->flipping || app->settings.reduce_motion || app->now_ms >= st->flip_start + FLIP_MS) {
        return 1.0;
    }
    return (double)(app->now_ms - st->flip_start) / FLIP_MS;
}

/* The card's progress record (NULL for a card never reviewed). */
static const ProgressCard *card_of(const App *app, const DeckItem *it)
{
    const DeckSource *src = &app->study.sources[it->source];
    return progress_find_const(src->progress, src->pack->questions[it->question].id);
}

/* One fuzz seed per card and study day: the preview and the grade agree. */
static uint64_t grade_seed(const App *app, const Question *q)
{
    uint64_t h = 1469598103934665603ull;
    for (const char *p = q->id; *p; p++) {
        h = (h ^ (unsigned char)*p) * 1099511628211ull;
    }
    int64_t day = day_number(app_wall_time(app), app->settings.day_start);
    return h ^ ((uint64_t)day * 0x9E3779B97F4A7C15ull) ^ (app->opt.has_seed ? app->opt.seed : 0);
}

void study_preview(const App *app, int intervals[4])
{
    memset(intervals, 0, sizeof(int) * 4);
    const DeckItem *it = shown(app);
    if (!it || app->study.cram) {
        return;
    }
    const DeckSource *src = &app->study.sources[it->source];
    const Question *q = &src->pack->questions[it->question];
    FsrsParams p;
    params_for(app, src->pack, &p);
    const ProgressCard *c = card_of(app, it);
    FsrsCard card;
    memset(&card, 0, sizeof card);
    int elapsed = 0;
    if (c && !progress_card_is_new(c)) {
        card = c->fsrs;
        elapsed = day_elapsed(c->fsrs.last_review, app_wall_time(app), app->settings.day_start);
    }
    fsrs_preview(&p, &card, elapsed, grade_seed(app, q), intervals);
}

/* True when the card at queue position `i` has been suspended since the queue was built. */
static bool suspended_at(const App *app, size_t i)
{
    const DeckItem *it = &app->study.queue.items[i];
    const ProgressCard *c = card_of(app, it);
    return c && c->suspended;
}

static void advance(App *app)
{
    StudyState *st = &app->study;
    st->pos++;
    while (st->pos < st->queue.count && suspended_at(app, st->pos)) {
        st->pos++; /* suspended after the queue was built (then undo went back past it) */
    }
    st->flipped = false;
    st->flipping = false;
    app_redraw(app);
}

/* Remembers a grade for undo: the card's place, whether cram put a copy at the end. */
static void push_undo(StudyState *st, const DeckUndo *u, bool requeued, bool again)
{
    if (st->undo_count == STUDY_UNDO_MAX) {
        memmove(&st->undo[0], &st->undo[1], sizeof st->undo[0] * (STUDY_UNDO_MAX - 1));
        memmove(&st->undo_pos[0], &st->undo_pos[1], sizeof st->undo_pos[0] * (STUDY_UNDO_MAX - 1));
        memmove(&st->undo_requeued[0], &st->undo_requeued[1],
                sizeof st->undo_requeued[0] * (STUDY_UNDO_MAX - 1));
        memmove(&st->undo_again[0], &st->undo_again[1],
                sizeof st->undo_again[0] * (STUDY_UNDO_MAX - 1));
        st->undo_count--;
    }
    if (u) {
        st->undo[st->undo_count] = *u;
    } else {
        memset(&st->undo[st->undo_count], 0, sizeof st->undo[0]);
    }
    st->undo_pos[st->undo_count] = st->pos;
    st->undo_requeued[st->undo_count] = requeued;
    st->undo_again[st->undo_count] = again;
    st->undo_count++;
}

bool study_grade(App *app, FsrsRating rating)
{
    StudyState *st = &app->study;
    const DeckItem *it = shown(app);
    if (!it || rating < FSRS_AGAIN || rating > FSRS_EASY) {
        return false;
    }
    if (st->cram) {
        /* cram never schedules: an Again comes back at the end of the queue */
        bool requeue = rating == FSRS_AGAIN && st->queue.count < st->queue.cap;
        if (requeue) {
            st->queue.items[st->queue.count++] = *it;
        }
        st->again += rating == FSRS_AGAIN;
        push_undo(st, NULL, requeue, rating == FSRS_AGAIN);
        st->reviewed++;
        advance(app);
        return true;
    }
    DeckSource *src = &st->sources[it->source];
    const Question *q = &src->pack->questions[it->question];
    FsrsParams p;
    params_for(app, src->pack, &p);
    DeckConfig cfg;
    study_config(app, &cfg);
    DeckStore store = {app->io, app->profile_dir};
    DeckUndo undo;
    SaveError e;
    memset(&e, 0, sizeof e);
    DeckResult r = deck_grade(&store, &p, &cfg, src->progress, q, rating, app_wall_time(app),
                              grade_seed(app, q), &undo, &e);
    if (r == DECK_SAVE_FAILED || r == DECK_INVALID) {
        app_warn(app, "%s", r == DECK_INVALID ? "This card cannot be graded." : e.message);
        return false;
    }
    if (r == DECK_LOG_FAILED) {
        app_warn(app, "%s", e.message); /* the progress is saved; only the log missed it */
    }
    push_undo(st, &undo, false, rating == FSRS_AGAIN);
    st->reviewed++;
    st->again += rating == FSRS_AGAIN;
    advance(app);
    return true;
}

bool study_undo(App *app)
{
    StudyState *st = &app->study;
    if (!st->active || st->undo_count == 0) {
        return false;
    }
    int k = st->undo_count - 1;
    if (st->cram) {
        if (st->undo_requeued[k] && st->queue.count > 0) {
            st->queue.count--; /* the copy an Again put at the end */
        }
    } else {
        DeckUndo *u = &st->undo[k];
        ProgressFile *pf = NULL;
        for (int i = 0; i < st->source_count; i++) {
            if (strcmp(st->sources[i].pack->id, u->pack) == 0) {
                pf = st->sources[i].progress;
            }
        }
        SaveError e;
        memset(&e, 0, sizeof e);
        DeckResult r =
            pf ? deck_undo(&(DeckStore){app->io, app->profile_dir}, pf, u, app_wall_time(app), &e)
               : DECK_INVALID;
        if (r == DECK_SAVE_FAILED || r == DECK_INVALID) {
            app_warn(app, "%s", r == DECK_INVALID ? "Nothing to undo." : e.message);
            return false;
        }
        if (r == DECK_LOG_FAILED) {
            app_warn(app, "%s", e.message);
        }
    }
    if (st->undo_again[k]) {
        st->again -= st->again > 0;
    }
    st->pos = st->undo_pos[k];
    st->undo_count--;
    st->reviewed -= st->reviewed > 0;
    st->flipped = false;
    st->flipping = false;
    app_redraw(app);
    return true;
}

bool study_suspend(App *app)
{
    StudyState *st = &app->study;
    const DeckItem *it = shown(app);
    if (!it) {
        return false;
    }
    DeckSource *src = &st->sources[it->source];
    const Question *q = &src->pack->questions[it->question];
    ProgressCard *c = progress_find(src->progress, q->id);
    if (!c) {
        c = progress_add(src->progress, q->id, q->revision);
    }
    if (!c) {
        app_warn(app, "Out of memory.");
        return false;
    }
    c->suspended = true;
    char path[PATHS_MAX];
    SaveError e;
    memset(&e, 0, sizeof e);
    if (!progress_file_path(path, sizeof path, app->profile_dir, src->pack->id) ||
        !progress_save(src->progress, app->io, path, &e)) {
        c->suspended = false;
        app_warn(app, "%s", e.message[0] ? e.message : "Cannot save the progress.");
        return false;
    }
    snprintf(st->warning, sizeof st->warning, "Suspended: %s", q->id);
    advance(app);
    return true;
}

bool study_today(App *app, int *due, int *fresh)
{
    *due = *fresh = 0;
    if (app->study.active || !load_sources(app, false)) {
        return false;
    }
    DeckConfig cfg;
    FsrsParams params;
    study_config(app, &cfg);
    fsrs_params_default(&params);
    params.desired_retention = app->settings.retention;
    bool ok = deck_build(&app->study.queue, app->study.sources, (size_t)app->study.source_count,
                         &cfg, &params, app_wall_time(app));
    for (size_t i = 0; ok && i < app->study.queue.count; i++) {
        if (app->study.queue.items[i].is_new) {
            (*fresh)++;
        } else {
            (*due)++;
        }
    }
    free_sources(&app->study);
    return ok;
}

bool study_stats(App *app, DeckStats *out)
{
    memset(out, 0, sizeof *out);
    bool was_active = app->study.active;
    if (was_active) {
        study_end(app);
    }
    if (!load_sources(app, true)) {
        return false;
    }
    ProgressLog log;
    memset(&log, 0, sizeof log);
    char path[PATHS_MAX];
    DiagList diags = DIAGLIST_INIT;
    SaveLogStats ls;
    SaveError e;
    if (progress_log_path(path, sizeof path, app->profile_dir)) {
        progress_log_read(path, &log, &ls, &diags, &e);
    }
    DeckConfig cfg;
    study_config(app, &cfg);
    bool ok = deck_stats(out, app->study.sources, (size_t)app->study.source_count, &log, &cfg,
                         app_wall_time(app));
    progress_log_free(&log);
    diag_list_free(&diags);
    free_sources(&app->study);
    return ok;
}

void study_feed_quiz(App *app, const Pack *pack, const Question *q, bool right)
{
    if (!app->settings.quiz_feeds || !app->profile_dir[0] || app->study.active) {
        return;
    }
    ProgressFile pf;
    progress_init(&pf, pack->id);
    char path[PATHS_MAX];
    DiagList diags = DIAGLIST_INIT;
    LoadReport report;
    memset(&report, 0, sizeof report);
    if (!progress_file_path(path, sizeof path, app->profile_dir, pack->id)) {
        progress_free(&pf);
        return;
    }
    progress_load(&pf, app->io, path, (time_t)app_wall_time(app), &diags, &report);
    progress_reconcile(&pf, pack, &diags);
    FsrsParams p;
    params_for(app, pack, &p);
    DeckConfig cfg;
    study_config(app, &cfg);
    SaveError e;
    memset(&e, 0, sizeof e);
    DeckResult r = deck_grade(&(DeckStore){app->io, app->profile_dir}, &p, &cfg, &pf, q,
                              right ? FSRS_GOOD : FSRS_AGAIN, app_wall_time(app),
                              grade_seed(app, q), NULL, &e);
    if (r == DECK_SAVE_FAILED || r == DECK_LOG_FAILED) {
        app_warn(app, "%s", e.message);
    }
    progress_free(&pf);
    diag_list_free(&diags);
}
