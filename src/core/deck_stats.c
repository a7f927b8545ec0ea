/* deck_stats.c - counts for the statistics screen: cards by state, the due forecast, reviews
 * per day, true retention of mature cards per week and accuracy per topic (see deck.h).
 * Pure functions of their arguments and `now`; never prints. */
#include "deck.h"

#include <stdlib.h>
#include <string.h>

#include "day.h"

void deck_stats_free(DeckStats *st)
{
    if (!st) {
        return;
    }
    free(st->topics);
    memset(st, 0, sizeof *st);
}

static void count_cards(DeckStats *st, const DeckSource *src, int hour, int64_t today)
{
    const Pack *pack = src->pack;
    const ProgressFile *pf = src->progress;
    for (int i = 0; i < pack->question_count; i++) {
        const Question *q = &pack->questions[i];
        const ProgressCard *c = progress_find_const(pf, q->id);
        bool fresh = !c || c->revision != q->revision || progress_card_is_new(c);
        if (c && c->suspended) {
            st->suspended++;
            continue;
        }
        if (c && c->leech && !fresh) {
            st->leeches++;
        }
        if (fresh) {
            st->new_cards++;
            continue;
        }
        if (c->fsrs.scheduled_days >= DECK_MATURE_DAYS) {
            st->mature++;
        } else {
            st->learning++;
        }
        int64_t in = day_number(c->due, hour) - today;
        if (in < 0) {
            in = 0;
        }
        if (in < DECK_FORECAST_DAYS) {
            st->forecast[in]++;
        }
    }
    for (size_t i = 0; i < pf->count; i++) {
        st->vanished += pack_find_question(pack, pf->cards[i].id) == NULL;
    }
}

/* The source of pack `id`, or -1. */
static long find_source(const DeckSource *sources, size_t count, const char *id)
{
    for (size_t s = 0; s < count; s++) {
        if (strcmp(sources[s].pack->id, id) == 0) {
            return (long)s;
        }
    }
    return -1;
}

static DeckTopicStat *topic_stat(DeckStats *st, const char *topic, size_t *cap)
{
    for (size_t i = 0; i < st->topic_count; i++) {
        if (strcmp(st->topics[i].topic, topic) == 0) {
            return &st->topics[i];
        }
    }
    if (st->topic_count == *cap) {
        size_t n = *cap ? *cap * 2 : 8;
        DeckTopicStat *p = realloc(st->topics, n * sizeof *p);
        if (!p) {
            return NULL;
        }
        st->topics = p;
        *cap = n;
    }
    DeckTopicStat *t = &st->topics[st->topic_count++];
    t->topic = topic;
    t->reviews = 0;
    t->passed = 0;
    return t;
}

bool deck_stats(DeckStats *st, const DeckSource *sources, size_t source_count,
                const ProgressLog *log, const DeckConfig *cfg, int64_t now)
{
    memset(st, 0, sizeof *st);
    int hour = cfg->day_start_hour;
    int64_t today = day_number(now, hour);
    for (size_t s = 0; s < source_count; s++) {
        count_cards(st, &sources[s], hour, today);
    }
    size_t cap = 0;
    for (size_t i = 0; log && i < log->count; i++) {
        const ProgressLogEntry *en = &log->entries[i];
        long s = find_source(sources, source_count, en->pack);
        if (en->rating == PROGRESS_RATING_UNDO || en->undone || s < 0) {
            continue;
        }
        int64_t ago = today - day_number(en->time, hour);
        bool passed = en->rating != FSRS_AGAIN;
        if (ago >= 0 && ago < DECK_HISTORY_DAYS) {
            st->reviews_per_day[ago]++;
        }
        if (ago >= 0 && ago / 7 < DECK_RETENTION_WEEKS && en->prev_interval >= DECK_MATURE_DAYS) {
            st->mature_reviews[ago / 7]++;
            st->mature_passed[ago / 7] += passed;
        }
        const Question *q = pack_find_question(sources[s].pack, en->question);
        if (q && q->topic && q->topic[0]) {
            DeckTopicStat *t = topic_stat(st, q->topic, &cap);
            if (!t) {
                deck_stats_free(st);
                return false;
            }
            t->reviews++;
            t->passed += passed;
        }
    }
    return true;
}
