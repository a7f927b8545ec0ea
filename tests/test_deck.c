/* test_deck.c - the daily queue (order, caps, new cards per day), grading and undo, leeches,
 * cram, statistics, and a three-day simulation on the real scheduler with files on disk. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/day.h"
#include "core/deck.h"
#include "core/progress.h"
#include "core/save.h"

#define QX(topic)                                                                                  \
    "type = truefalse\nprompt = p\nanswer = true\nexplain = e\nsource = s\ntopic = " topic "\n\n"

static const char PACK_TEXT[] = PACK_HEADER "\n[q1]\n" QX("alpha") "[q2]\n" QX("alpha") "[q3]\n" QX(
    "beta") "[q4]\n" QX("beta") "[q5]\n" QX("alpha") "[q6]\n" QX("beta");

static int64_t local(int y, int m, int d, int h, int mi)
{
    struct tm tm = {0};
    tm.tm_year = y - 1900;
    tm.tm_mon = m - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_isdst = -1;
    return (int64_t)mktime(&tm);
}

typedef struct Fixture {
    Pack *pack;
    ProgressFile pf;
    DeckConfig cfg;
    FsrsParams params;
    DeckStore store;
    char dir[512];
} Fixture;

static void setup(Fixture *fx, const char *name)
{
    setenv("TZ", "Europe/Berlin", 1);
    tzset();
    DiagList diags = DIAGLIST_INIT;
    fx->pack = load_string(PACK_TEXT, &diags);
    assert_non_null(fx->pack);
    assert_int_equal(diags.count, 0);
    progress_init(&fx->pf, "test");
    deck_config_default(&fx->cfg);
    fsrs_params_default(&fx->params);
    const char *d = scratch_dir(name);
    assert_non_null(d);
    str_copy(fx->dir, sizeof fx->dir, d);
    fx->store.io = save_io_posix();
    fx->store.profile_dir = fx->dir;
}

static void teardown(Fixture *fx)
{
    progress_free(&fx->pf);
    pack_destroy(fx->pack);
}

/* A reviewed card due `due_days_ago` study days before `now`, last reviewed `interval` days
 * before its due day. */
static ProgressCard *card(Fixture *fx, const char *id, int64_t now, int due_days_ago, int interval,
                          double stability)
{
    ProgressCard *c = progress_add(&fx->pf, id, 1);
    assert_non_null(c);
    int64_t today = day_number(now, 4);
    c->due = day_start_epoch(today - due_days_ago, 4);
    c->fsrs.last_review = c->due - (int64_t)interval * 86400 + 6 * 3600;
    c->fsrs.scheduled_days = interval;
    c->fsrs.stability = stability;
    c->fsrs.difficulty = 5;
    c->fsrs.reps = 2;
    c->first_seen = c->fsrs.last_review - 86400 * 10;
    return c;
}

static const char *item_id(const Fixture *fx, const DeckItem *it)
{
    return fx->pack->questions[it->question].id;
}

static void test_queue_order_and_caps(void **state)
{
    (void)state;
    Fixture fx;
    setup(&fx, "deck-queue");
    int64_t now = local(2026, 11, 29, 10, 0);
    card(&fx, "q1", now, 0, 10, 10);  /* due today, on time */
    card(&fx, "q2", now, 5, 10, 10);  /* five days overdue */
    card(&fx, "q3", now, 2, 2, 2);    /* two days overdue on a short interval: lowest recall */
    card(&fx, "q4", now, -3, 10, 10); /* due in three days */
    card(&fx, "q6", now, 1, 10, 10)->suspended = true;
    card(&fx, "gone", now, 9, 10, 10); /* vanished question */
    progress_reconcile(&fx.pf, fx.pack, NULL);
    DeckSource src = {fx.pack, &fx.pf};
    DeckQueue q = {0};
    assert_true(deck_build(&q, &src, 1, &fx.cfg, &fx.params, now));
    /* q3, q2, q1 due (q3's recall is lowest), then the one new card q5 */
    assert_int_equal(q.due_total, 3);
    assert_int_equal(q.count, 4);
    assert_string_equal(item_id(&fx, &q.items[0]), "q3");
    assert_string_equal(item_id(&fx, &q.items[1]), "q2");
    assert_string_equal(item_id(&fx, &q.items[2]), "q1");
    assert_string_equal(item_id(&fx, &q.items[3]), "q5");
    assert_true(q.items[3].is_new);
    assert_int_equal(q.items[1].overdue, 5);
    assert_true(q.items[0].recall < q.items[1].recall);

    /* caps: two reviews, and new cards less those already introduced today */
    fx.cfg.review_cap = 2;
    fx.cfg.new_per_day = 1;
    assert_true(deck_build(&q, &src, 1, &fx.cfg, &fx.params, now));
    assert_int_equal(q.count, 3);
    assert_int_equal(q.due_total, 3);
    progress_find(&fx.pf, "q1")->first_seen = now - 3600; /* introduced today */
    assert_true(deck_build(&q, &src, 1, &fx.cfg, &fx.params, now));
    assert_int_equal(q.new_today, 1);
    assert_int_equal(q.count, 2); /* no room for a new card */
    /* the day starts at 4: at 02:00 the next night it is still the same study day */
    assert_true(deck_build(&q, &src, 1, &fx.cfg, &fx.params, local(2026, 11, 30, 2, 0)));
    assert_int_equal(q.new_today, 1);
    deck_queue_free(&q);
    teardown(&fx);
}

static void test_grade_and_undo_restore_exactly(void **state)
{
    (void)state;
    Fixture fx;
    setup(&fx, "deck-undo");
    int64_t now = local(2026, 11, 29, 10, 0);
    card(&fx, "q2", now, 1, 5, 6.5);
    char path[700], log[700];
    assert_true(progress_file_path(path, sizeof path, fx.dir, "test"));
    assert_true(progress_log_path(log, sizeof log, fx.dir));
    SaveError e;
    assert_true(progress_save(&fx.pf, save_io_posix(), path, &e));
    char *file_before = read_file(path, NULL);
    ProgressCard before = *progress_find(&fx.pf, "q2");

    /* a reviewed card */
    DeckUndo undo;
    const Question *q2 = pack_find_question(fx.pack, "q2");
    assert_int_equal(
        deck_grade(&fx.store, &fx.params, &fx.cfg, &fx.pf, q2, FSRS_GOOD, now, 1, &undo, &e),
        DECK_OK);
    const ProgressCard *c = progress_find(&fx.pf, "q2");
    assert_int_equal(c->fsrs.reps, 3);
    assert_int_equal(c->fsrs.last_review, now);
    assert_int_equal(day_number(c->due, 4), day_number(now, 4) + c->fsrs.scheduled_days);
    char *file_after = read_file(path, NULL);
    assert_string_not_equal(file_before, file_after);
    free(file_after);
    assert_int_equal(deck_undo(&fx.store, &fx.pf, &undo, now + 5, &e), DECK_OK);
    assert_memory_equal(progress_find(&fx.pf, "q2"), &before, sizeof before);
    file_after = read_file(path, NULL);
    assert_string_equal(file_before, file_after);
    free(file_after);
    assert_int_equal(deck_undo(&fx.store, &fx.pf, &undo, now + 6, &e), DECK_INVALID); /* once */

    /* a new card: undo removes its record again */
    const Question *q1 = pack_find_question(fx.pack, "q1");
    assert_int_equal(
        deck_grade(&fx.store, &fx.params, &fx.cfg, &fx.pf, q1, FSRS_AGAIN, now, 1, &undo, &e),
        DECK_OK);
    assert_int_equal(progress_find(&fx.pf, "q1")->first_seen, now);
    assert_int_equal(deck_undo(&fx.store, &fx.pf, &undo, now + 7, &e), DECK_OK);
    assert_null(progress_find(&fx.pf, "q1"));
    file_after = read_file(path, NULL);
    assert_string_equal(file_before, file_after);
    free(file_after);

    /* the log is append-only: two reviews and two undo records, both reviews taken back */
    ProgressLog pl = {0};
    assert_true(progress_log_read(log, &pl, NULL, NULL, &e));
    assert_int_equal(pl.count, 4);
    assert_int_equal(pl.entries[0].rating, FSRS_GOOD);
    assert_int_equal(pl.entries[0].prev_interval, 5);
    assert_true(pl.entries[0].undone);
    assert_int_equal(pl.entries[1].rating, PROGRESS_RATING_UNDO);
    assert_int_equal(pl.entries[2].prev_interval, -1);
    assert_true(pl.entries[2].undone);
    progress_log_free(&pl);

    /* a bad rating changes nothing */
    assert_int_equal(
        deck_grade(&fx.store, &fx.params, &fx.cfg, &fx.pf, q1, (FsrsRating)7, now, 1, NULL, &e),
        DECK_INVALID);
    assert_null(progress_find(&fx.pf, "q1"));
    free(file_before);
    teardown(&fx);
}

static void test_failed_save_changes_nothing(void **state)
{
    (void)state;
    Fixture fx;
    setup(&fx, "deck-blocked");
    int64_t now = local(2026, 11, 29, 10, 0);
    card(&fx, "q2", now, 1, 5, 6.5);
    ProgressCard before = *progress_find(&fx.pf, "q2");
    fx.pf.save_blocked = true; /* a damaged file that could not be set aside */
    SaveError e;
    DeckUndo undo = {0};
    assert_int_equal(deck_grade(&fx.store, &fx.params, &fx.cfg, &fx.pf,
                                pack_find_question(fx.pack, "q2"), FSRS_GOOD, now, 1, &undo, &e),
                     DECK_SAVE_FAILED);
    assert_memory_equal(progress_find(&fx.pf, "q2"), &before, sizeof before);
    assert_false(undo.valid);
    assert_int_equal(deck_grade(&fx.store, &fx.params, &fx.cfg, &fx.pf,
                                pack_find_question(fx.pack, "q3"), FSRS_GOOD, now, 1, &undo, &e),
                     DECK_SAVE_FAILED);
    assert_null(progress_find(&fx.pf, "q3"));
    teardown(&fx);
}

static void test_leech_at_eight_lapses(void **state)
{
    (void)state;
    Fixture fx;
    setup(&fx, "deck-leech");
    int64_t now = local(2026, 11, 29, 10, 0);
    ProgressCard *c = card(&fx, "q3", now, 0, 3, 2);
    c->fsrs.lapses = 6;
    const Question *q3 = pack_find_question(fx.pack, "q3");
    SaveError e;
    assert_int_equal(
        deck_grade(&fx.store, &fx.params, &fx.cfg, &fx.pf, q3, FSRS_AGAIN, now, 1, NULL, &e),
        DECK_OK);
    assert_int_equal(progress_find(&fx.pf, "q3")->fsrs.lapses, 7);
    assert_false(progress_find(&fx.pf, "q3")->leech);
    int64_t next = day_start_epoch(day_number(now, 4) + 1, 4) + 3600 * 6;
    assert_int_equal(
        deck_grade(&fx.store, &fx.params, &fx.cfg, &fx.pf, q3, FSRS_AGAIN, next, 1, NULL, &e),
        DECK_OK);
    assert_int_equal(progress_find(&fx.pf, "q3")->fsrs.lapses, 8);
    assert_true(progress_find(&fx.pf, "q3")->leech);
    /* still studied, flagged */
    DeckSource src = {fx.pack, &fx.pf};
    DeckQueue q = {0};
    int64_t later = day_start_epoch(day_number(progress_find(&fx.pf, "q3")->due, 4), 4) + 3600;
    assert_true(deck_build(&q, &src, 1, &fx.cfg, &fx.params, later));
    assert_string_equal(item_id(&fx, &q.items[0]), "q3");
    assert_true(q.items[0].leech);
    /* a good answer does not clear the flag */
    assert_int_equal(
        deck_grade(&fx.store, &fx.params, &fx.cfg, &fx.pf, q3, FSRS_GOOD, later, 1, NULL, &e),
        DECK_OK);
    assert_true(progress_find(&fx.pf, "q3")->leech);
    deck_queue_free(&q);
    teardown(&fx);
}

static void test_cram_touches_nothing(void **state)
{
    (void)state;
    Fixture fx;
    setup(&fx, "deck-cram");
    int64_t now = local(2026, 11, 29, 10, 0);
    card(&fx, "q1", now, 0, 3, 2);
    card(&fx, "q5", now, 0, 3, 2)->suspended = true;
    char *text_before = progress_format(&fx.pf, NULL);
    DeckSource src = {fx.pack, &fx.pf};
    DeckQueue a = {0}, b = {0};
    assert_true(deck_cram(&a, &src, 1, "alpha", 42));
    assert_int_equal(a.count, 2); /* q1, q2; q5 is suspended */
    assert_true(deck_cram(&b, &src, 1, "alpha", 42));
    assert_memory_equal(a.items, b.items, a.count * sizeof a.items[0]);
    assert_true(deck_cram(&a, &src, 1, NULL, 7));
    assert_int_equal(a.count, 5);
    char *text_after = progress_format(&fx.pf, NULL);
    assert_string_equal(text_before, text_after);
    char path[700];
    str_format(path, sizeof path, "%s/reviews.log", fx.dir);
    assert_null(read_file(path, NULL)); /* no file written */
    free(text_before);
    free(text_after);
    deck_queue_free(&a);
    deck_queue_free(&b);
    teardown(&fx);
}

/* Three study days (28, 29 and 31 March 2026 in Berlin, across the DST change, the last one
 * at 01:30 the next night): day 1 learns three new cards, day 2 sees the one forgotten and the
 * other new ones, day 3 the two FSRS gave three days; the file on disk always matches memory. */
static void test_three_day_simulation(void **state)
{
    (void)state;
    Fixture fx;
    setup(&fx, "deck-sim");
    fx.cfg.new_per_day = 3;
    char path[700], log[700];
    assert_true(progress_file_path(path, sizeof path, fx.dir, "test"));
    assert_true(progress_log_path(log, sizeof log, fx.dir));
    DeckSource src = {fx.pack, &fx.pf};
    DeckQueue q = {0};
    SaveError e;
    int reviews = 0;
    int64_t days[3] = {local(2026, 3, 28, 21, 0), local(2026, 3, 29, 23, 30),
                       local(2026, 4, 1, 1, 30)}; /* over the DST change, late at night */
    for (int day = 0; day < 3; day++) {
        int64_t now = days[day];
        assert_true(deck_build(&q, &src, 1, &fx.cfg, &fx.params, now));
        StrBuf seen = STRBUF_INIT;
        for (size_t i = 0; i < q.count; i++) {
            const Question *qu = &fx.pack->questions[q.items[i].question];
            strbuf_printf(&seen, "%s%s%s", i ? " " : "", qu->id, q.items[i].is_new ? "*" : "");
            FsrsRating r = strcmp(qu->id, "q1") == 0 && day == 0 ? FSRS_AGAIN : FSRS_GOOD;
            assert_int_equal(deck_grade(&fx.store, &fx.params, &fx.cfg, &fx.pf, qu, r,
                                        now + (int64_t)i * 30, 9, NULL, &e),
                             DECK_OK);
            reviews++;
        }
        /* what each day shows */
        static const char *const want[] = {"q1* q2* q3*", "q1 q4* q5* q6*", "q2 q3"};
        if (strcmp(strbuf_cstr(&seen), want[day]) != 0) {
            fail_msg("day %d: got '%s', want '%s'", day + 1, strbuf_cstr(&seen), want[day]);
        }
        strbuf_free(&seen);
        /* the file on disk is what memory holds */
        ProgressFile disk;
        progress_init(&disk, "test");
        DiagList diags = DIAGLIST_INIT;
        assert_true(progress_load(&disk, save_io_posix(), path, now, &diags, NULL));
        assert_int_equal(diags.count, 0);
        char *a = progress_format(&disk, NULL), *b = progress_format(&fx.pf, NULL);
        assert_string_equal(a, b);
        free(a);
        free(b);
        progress_free(&disk);
    }
    /* every card was seen and is scheduled in the future */
    assert_int_equal(fx.pf.count, 6);
    for (size_t i = 0; i < fx.pf.count; i++) {
        assert_true(day_number(fx.pf.cards[i].due, 4) > day_number(days[2], 4));
    }
    ProgressLog pl = {0};
    assert_true(progress_log_read(log, &pl, NULL, NULL, &e));
    assert_int_equal((int)pl.count, reviews);
    /* statistics at the end */
    DeckStats st;
    assert_true(deck_stats(&st, &src, 1, &pl, &fx.cfg, days[2]));
    assert_int_equal(st.new_cards, 0);
    assert_int_equal(st.learning, 6);
    assert_int_equal(st.mature, 0);
    int forecast = 0;
    for (int i = 0; i < DECK_FORECAST_DAYS; i++) {
        forecast += st.forecast[i];
    }
    assert_int_equal(forecast, 6);
    assert_int_equal(st.forecast[0], 0);
    /* 01:30 on 1 April still counts as 31 March; nothing on the 30th */
    assert_int_equal(st.reviews_per_day[0], 2);
    assert_int_equal(st.reviews_per_day[1], 0);
    assert_int_equal(st.reviews_per_day[2], 4);
    assert_int_equal(st.reviews_per_day[3], 3);
    assert_int_equal(st.topic_count, 2);
    assert_string_equal(st.topics[0].topic, "alpha");
    assert_int_equal(st.topics[0].reviews, 5); /* q1 and q2 twice, q5 once */
    assert_int_equal(st.topics[0].passed, 4);  /* all but the first q1 */
    deck_stats_free(&st);
    progress_log_free(&pl);
    deck_queue_free(&q);
    teardown(&fx);
}

static void test_stats_counts(void **state)
{
    (void)state;
    Fixture fx;
    setup(&fx, "deck-stats");
    int64_t now = local(2026, 11, 29, 10, 0);
    card(&fx, "q1", now, 0, 30, 40);                 /* mature, due today */
    card(&fx, "q2", now, -2, 5, 5);                  /* learning, due in 2 days */
    card(&fx, "q3", now, 0, 5, 5)->suspended = true; /* suspended */
    card(&fx, "q4", now, 3, 5, 5)->leech = true;     /* leech, overdue: due today */
    card(&fx, "gone", now, 3, 5, 5);
    ProgressLog pl = {0};
    ProgressLogEntry en[] = {
        {now - 3600, "test", "q1", 1, 30, 1, 5, 5, 30, false},      /* mature, forgotten */
        {now - 3500, "test", "q1", 3, 30, 40, 40, 5, 30, false},    /* mature, kept */
        {now - 8 * 86400, "test", "q2", 3, 3, 5, 5, 5, 25, false},  /* a week before */
        {now - 8 * 86400, "other", "q2", 3, 3, 5, 5, 5, 25, false}, /* another pack */
        {now - 60, "test", "q2", 4, 0, 5, 5, 5, 5, true},           /* undone */
    };
    pl.entries = en;
    pl.count = sizeof en / sizeof en[0];
    DeckSource src = {fx.pack, &fx.pf};
    DeckStats st;
    assert_true(deck_stats(&st, &src, 1, &pl, &fx.cfg, now));
    assert_int_equal(st.new_cards, 2); /* q5, q6 */
    assert_int_equal(st.learning, 2);
    assert_int_equal(st.mature, 1);
    assert_int_equal(st.suspended, 1);
    assert_int_equal(st.leeches, 1);
    assert_int_equal(st.vanished, 1);
    assert_int_equal(st.forecast[0], 2);
    assert_int_equal(st.forecast[2], 1);
    assert_int_equal(st.reviews_per_day[0], 2);
    assert_int_equal(st.reviews_per_day[8], 1);
    assert_int_equal(st.mature_reviews[0], 2);
    assert_int_equal(st.mature_passed[0], 1);
    assert_int_equal(st.mature_reviews[1], 1);
    assert_int_equal(st.mature_passed[1], 1);
    deck_stats_free(&st);
    teardown(&fx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_queue_order_and_caps),
        cmocka_unit_test(test_grade_and_undo_restore_exactly),
        cmocka_unit_test(test_failed_save_changes_nothing),
        cmocka_unit_test(test_leech_at_eight_lapses),
        cmocka_unit_test(test_cram_touches_nothing),
        cmocka_unit_test(test_three_day_simulation),
        cmocka_unit_test(test_stats_counts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
