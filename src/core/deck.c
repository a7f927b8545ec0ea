/* deck.c - the daily queue, cram, grading and undo (see deck.h). Never prints, never reads a
 * clock. Statistics are in deck_stats.c. */
#include "deck.h"

#include <stdlib.h>
#include <string.h>

#include "day.h"
#include "paths.h"
#include "rng.h"
#include "strbuf.h"

void deck_config_default(DeckConfig *cfg)
{
    cfg->new_per_day = 20;
    cfg->review_cap = 200;
    cfg->day_start_hour = DAY_START_HOUR_DEFAULT;
    cfg->leech_lapses = 8;
}

void deck_queue_free(DeckQueue *q)
{
    if (!q) {
        return;
    }
    free(q->items);
    memset(q, 0, sizeof *q);
}

static bool push(DeckQueue *q, const DeckItem *it)
{
    if (q->count == q->cap) {
        size_t cap = q->cap ? q->cap * 2 : 64;
        DeckItem *p = realloc(q->items, cap * sizeof *p);
        if (!p) {
            return false;
        }
        q->items = p;
        q->cap = cap;
    }
    q->items[q->count++] = *it;
    return true;
}

static int compare_due(const void *pa, const void *pb)
{
    const DeckItem *a = pa, *b = pb;
    if (a->recall != b->recall) {
        return a->recall < b->recall ? -1 : 1;
    }
    if (a->overdue != b->overdue) {
        return a->overdue > b->overdue ? -1 : 1;
    }
    if (a->source != b->source) {
        return a->source < b->source ? -1 : 1;
    }
    return (a->question > b->question) - (a->question < b->question);
}

/* The card of `q` in `pf` when it is studied as reviewed; NULL for a new one. */
static const ProgressCard *studied_card(const ProgressFile *pf, const Question *q)
{
    const ProgressCard *c = progress_find_const(pf, q->id);
    return c && c->revision == q->revision ? c : NULL;
}

bool deck_build(DeckQueue *q, const DeckSource *sources, size_t source_count, const DeckConfig *cfg,
                const FsrsParams *params, int64_t now)
{
    q->count = 0;
    q->due_total = 0;
    q->new_today = 0;
    int hour = cfg->day_start_hour;
    int64_t today = day_number(now, hour);
    for (size_t s = 0; s < source_count; s++) {
        const ProgressFile *pf = sources[s].progress;
        for (size_t i = 0; i < pf->count; i++) {
            const ProgressCard *c = &pf->cards[i];
            if (c->first_seen != 0 && day_number(c->first_seen, hour) == today) {
                q->new_today++;
            }
        }
    }
    /* 1. due cards */
    for (size_t s = 0; s < source_count; s++) {
        const Pack *pack = sources[s].pack;
        for (int i = 0; i < pack->question_count; i++) {
            const ProgressCard *c = studied_card(sources[s].progress, &pack->questions[i]);
            if (!c || c->suspended || progress_card_is_new(c)) {
                continue;
            }
            int64_t due_day = day_number(c->due, hour);
            if (due_day > today) {
                continue;
            }
            int elapsed = day_elapsed(c->fsrs.last_review, now, hour);
            DeckItem it = {s, i, false, c->leech, (int)(today - due_day), 1.0};
            if (c->fsrs.stability > 0) {
                it.recall = fsrs_retrievability(params, c->fsrs.stability, elapsed);
            }
            if (!push(q, &it)) {
                return false;
            }
        }
    }
    q->due_total = (int)q->count;
    if (q->count > 1) {
        qsort(q->items, q->count, sizeof q->items[0], compare_due);
    }
    if (cfg->review_cap >= 0 && q->count > (size_t)cfg->review_cap) {
        q->count = (size_t)cfg->review_cap;
    }
    /* 2. new cards */
    int room = cfg->new_per_day - q->new_today;
    for (size_t s = 0; s < source_count && room > 0; s++) {
        const Pack *pack = sources[s].pack;
        for (int i = 0; i < pack->question_count && room > 0; i++) {
            const Question *qu = &pack->questions[i];
            const ProgressCard *c = progress_find_const(sources[s].progress, qu->id);
            if (c && c->suspended) {
                continue;
            }
            if (studied_card(sources[s].progress, qu) && !progress_card_is_new(c)) {
                continue;
            }
            DeckItem it = {s, i, true, false, 0, 1.0};
            if (!push(q, &it)) {
                return false;
            }
            room--;
        }
    }
    return true;
}

bool deck_cram(DeckQueue *q, const DeckSource *sources, size_t source_count, const char *topic,
               uint64_t seed)
{
    q->count = 0;
    q->due_total = 0;
    q->new_today = 0;
    for (size_t s = 0; s < source_count; s++) {
        const Pack *pack = sources[s].pack;
        for (int i = 0; i < pack->question_count; i++) {
            const Question *qu = &pack->questions[i];
            const ProgressCard *c = progress_find_const(sources[s].progress, qu->id);
            if ((topic && topic[0] && (!qu->topic || strcmp(qu->topic, topic) != 0)) ||
                (c && c->suspended)) {
                continue;
            }
            DeckItem it = {s, i, !c || progress_card_is_new(c), c && c->leech, 0, 1.0};
            if (!push(q, &it)) {
                return false;
            }
        }
    }
    Rng rng;
    rng_seed(&rng, seed);
    for (size_t i = q->count; i > 1; i--) {
        size_t j = rng_below(&rng, (uint32_t)i);
        DeckItem t = q->items[i - 1];
        q->items[i - 1] = q->items[j];
        q->items[j] = t;
    }
    return true;
}

/* ---- grading ---- */

static DeckResult invalid(SaveError *e, const char *why)
{
    if (e) {
        e->err = 0;
        str_copy(e->message, sizeof e->message, why);
    }
    return DECK_INVALID;
}

/* Saves `pf`, then appends `en` to the log. */
static DeckResult store(const DeckStore *st, const ProgressFile *pf, const ProgressLogEntry *en,
                        SaveError *e)
{
    char path[PATHS_MAX], log[PATHS_MAX];
    if (!progress_file_path(path, sizeof path, st->profile_dir, pf->pack_id) ||
        !progress_log_path(log, sizeof log, st->profile_dir)) {
        return invalid(e, "the progress path does not fit");
    }
    if (!progress_save(pf, st->io, path, e)) {
        return DECK_SAVE_FAILED;
    }
    return progress_log_append(st->io, log, en, e) ? DECK_OK : DECK_LOG_FAILED;
}

DeckResult deck_grade(const DeckStore *st, const FsrsParams *params, const DeckConfig *cfg,
                      ProgressFile *pf, const Question *q, FsrsRating rating, int64_t now,
                      uint64_t fuzz_seed, DeckUndo *undo, SaveError *e)
{
    if (!q || rating < FSRS_AGAIN || rating > FSRS_EASY) {
        return invalid(e, "not a rating");
    }
    ProgressCard *c = progress_find(pf, q->id);
    bool existed = c != NULL;
    ProgressCard before;
    memset(&before, 0, sizeof before);
    if (existed) {
        before = *c;
    } else if (!(c = progress_add(pf, q->id, q->revision))) {
        return invalid(e, "out of memory, or not a question id");
    }
    ProgressCard after = *c;
    if (after.revision != q->revision) { /* not reconciled: the old state is not this question's */
        memset(&after.fsrs, 0, sizeof after.fsrs);
        after.due = 0;
        after.first_seen = 0;
        after.leech = false;
        after.revision = q->revision;
    }
    int hour = cfg->day_start_hour;
    bool was_new = progress_card_is_new(&after);
    int elapsed = was_new ? 0 : day_elapsed(after.fsrs.last_review, now, hour);
    FsrsResult r = fsrs_review(params, &after.fsrs, rating, elapsed, fuzz_seed);
    int prev = was_new ? -1 : after.fsrs.scheduled_days;
    after.fsrs = r.card;
    after.fsrs.last_review = now;
    after.due = day_start_epoch(day_number(now, hour) + r.interval_days, hour);
    if (after.first_seen == 0) {
        after.first_seen = now;
    }
    if (after.fsrs.lapses >= cfg->leech_lapses) {
        after.leech = true;
    }
    *c = after;
    ProgressLogEntry en;
    memset(&en, 0, sizeof en);
    en.time = now;
    str_copy(en.pack, sizeof en.pack, pf->pack_id);
    str_copy(en.question, sizeof en.question, q->id);
    en.rating = (int)rating;
    en.elapsed_days = elapsed;
    en.interval_days = r.interval_days;
    en.stability = after.fsrs.stability;
    en.difficulty = after.fsrs.difficulty;
    en.prev_interval = prev;
    DeckResult res = store(st, pf, &en, e);
    if (res == DECK_SAVE_FAILED || res == DECK_INVALID) {
        if (existed) {
            *progress_find(pf, q->id) = before;
        } else {
            progress_remove(pf, q->id);
        }
        return res;
    }
    if (undo) {
        undo->valid = true;
        str_copy(undo->pack, sizeof undo->pack, pf->pack_id);
        str_copy(undo->question, sizeof undo->question, q->id);
        undo->existed = existed;
        undo->before = before;
    }
    return res;
}

DeckResult deck_undo(const DeckStore *st, ProgressFile *pf, DeckUndo *undo, int64_t now,
                     SaveError *e)
{
    if (!undo || !undo->valid || strcmp(undo->pack, pf->pack_id) != 0) {
        return invalid(e, "nothing to undo in this pack");
    }
    ProgressCard *c = progress_find(pf, undo->question);
    if (!c) {
        return invalid(e, "the card to undo is gone");
    }
    char path[PATHS_MAX], log[PATHS_MAX];
    if (!progress_file_path(path, sizeof path, st->profile_dir, pf->pack_id) ||
        !progress_log_path(log, sizeof log, st->profile_dir)) {
        return invalid(e, "the progress path does not fit");
    }
    ProgressCard after = *c;
    ProgressLogEntry en;
    memset(&en, 0, sizeof en);
    en.time = now;
    str_copy(en.pack, sizeof en.pack, pf->pack_id);
    str_copy(en.question, sizeof en.question, undo->question);
    en.rating = PROGRESS_RATING_UNDO;
    en.interval_days = undo->existed ? undo->before.fsrs.scheduled_days : 0;
    en.stability = undo->existed ? undo->before.fsrs.stability : 0;
    en.difficulty = undo->existed ? undo->before.fsrs.difficulty : 0;
    en.prev_interval = after.fsrs.scheduled_days;
    /* A grade saves the progress before it logs the review; an undo logs before it saves. Either
     * way a crash between the two writes leaves the log holding no review the progress lacks. */
    if (!progress_log_append(st->io, log, &en, e)) {
        return DECK_SAVE_FAILED;
    }
    undo->valid = false; /* logged: a second undo record would take back an older review */
    if (undo->existed) {
        *c = undo->before;
    } else {
        progress_remove(pf, undo->question);
    }
    if (!progress_save(pf, st->io, path, e)) {
        ProgressCard *back = progress_find(pf, undo->question);
        if (back) {
            *back = after;
        } else if ((back = progress_add(pf, undo->question, after.revision)) != NULL) {
            *back = after;
        }
        return DECK_SAVE_FAILED;
    }
    return DECK_OK;
}
