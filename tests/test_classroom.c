/* test_classroom.c - the classroom game's rules: the four modes played through with scripted
 * inputs and times, the steps forwards and back, buzzer lock-out and ties, absent pads, shared
 * places, accuracy-only and extended time. Files (resume, CSV) are in test_classroom_files.c. */
#include "support.h"

#include <stdlib.h>
#include <string.h>

#include "core/classroom.h"

static Pack *pack;

/* Question indices of tests/fixtures/classroom/good/class-test.ini */
enum { Q_CAPITAL, Q_TRUTH, Q_MEMBERS, Q_CITY, Q_YEAR, Q_TIMELINE, Q_SIX };

static int setup(void **state)
{
    (void)state;
    DiagList d = DIAGLIST_INIT;
    pack = pack_load_file("tests/fixtures/classroom/good/class-test.ini", &d);
    diag_list_free(&d);
    return pack ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    pack_destroy(pack);
    return 0;
}

/* A game over the listed questions (pack order, no shuffle), 1 s reading. */
static ClassGame *start(ClassConfig *cfg, const int *qs, int n, uint64_t now)
{
    QuizPick picks[16];
    for (int i = 0; i < n; i++) {
        picks[i] = (QuizPick){pack, &pack->questions[qs[i]]};
    }
    cfg->shuffle = false;
    cfg->reading_ms = 1000;
    ClassGame *g = classroom_create(cfg, picks, n, now);
    assert_non_null(g);
    return g;
}

static Answer choice(int c)
{
    Answer a;
    memset(&a, 0, sizeof a);
    a.picked = (uint8_t)(1u << c);
    return a;
}

static Answer truth(bool t)
{
    Answer a;
    memset(&a, 0, sizeof a);
    a.truth = t;
    return a;
}

static ScoreLine line_of(const ClassGame *g, int q, int team)
{
    ClassTeamResult r;
    assert_true(classroom_team_result(g, q, team, &r));
    assert_int_equal(r.outcome, CLASS_OUT_SCORED);
    return r.line;
}

static ClassOutcome outcome_of(const ClassGame *g, int q, int team)
{
    ClassTeamResult r;
    assert_true(classroom_team_result(g, q, team, &r));
    return r.outcome;
}

/* Presses next from CLOSED (or a later step) through to the next READING (or the podium). */
static void to_next_question(ClassGame *g, uint64_t now)
{
    assert_true(classroom_step(g) >= CLASS_STEP_CLOSED);
    while (classroom_step(g) != CLASS_STEP_READING && classroom_step(g) != CLASS_STEP_END_PODIUM) {
        assert_true(classroom_next(g, now));
    }
}

static void test_whole_class(void **state)
{
    (void)state;
    ClassConfig cfg;
    classroom_config_default(&cfg, CLASS_WHOLE, 0);
    int qs[] = {Q_CAPITAL, Q_TRUTH, Q_CITY};
    ClassGame *g = start(&cfg, qs, 3, 1000);
    assert_int_equal(classroom_team_count(g), 1);
    assert_string_equal(classroom_team_name(g, 0), "Class");
    assert_false(classroom_tick(g, 1500));
    assert_int_equal(classroom_time_left(g, 1500), 500);
    assert_true(classroom_tick(g, 2000)); /* reading time over */
    assert_int_equal(classroom_step(g), CLASS_STEP_ANSWERING);
    assert_int_equal(classroom_time_left(g, 2000), 20000);
    Answer a = choice(1);
    assert_int_equal(classroom_answer(g, 0, &a, 6000), CLASS_INPUT_TAKEN); /* 4 s */
    assert_int_equal(classroom_step(g), CLASS_STEP_CLOSED);
    assert_int_equal(line_of(g, 0, 0).delta, 90); /* 100 * (1 - 4/40) */
    assert_true(classroom_next(g, 6100));
    assert_int_equal(classroom_step(g), CLASS_STEP_REVEAL); /* no chart for one team */
    to_next_question(g, 6200);
    classroom_next(g, 6300); /* the teacher skips the reading time */
    assert_int_equal(classroom_step(g), CLASS_STEP_ANSWERING);
    assert_false(classroom_tick(g, 6300 + 14999));
    assert_true(classroom_tick(g, 6300 + 15000)); /* time up */
    assert_int_equal(line_of(g, 1, 0).outcome, OUTCOME_TIMEOUT);
    to_next_question(g, 30000);
    classroom_next(g, 30000);
    a = (Answer){.text = "москва"};
    assert_int_equal(classroom_answer(g, 0, &a, 30400), CLASS_INPUT_TAKEN);
    assert_int_equal(line_of(g, 2, 0).delta, 100); /* under 0.5 s */
    to_next_question(g, 31000);
    assert_int_equal(classroom_step(g), CLASS_STEP_END_PODIUM);
    assert_true(classroom_next(g, 31000));
    assert_int_equal(classroom_step(g), CLASS_STEP_END_SUMMARY);
    assert_false(classroom_next(g, 31000));
    assert_int_equal(classroom_team_total(g, 0), 190);
    ClassRank r[CLASS_TEAMS_MAX];
    assert_int_equal(classroom_ranking(g, r), 1);
    assert_int_equal(r[0].place, 1);
    classroom_destroy(g);
}

static void test_turns_with_steal(void **state)
{
    (void)state;
    ClassConfig cfg;
    classroom_config_default(&cfg, CLASS_TURNS, 3);
    cfg.steal = true;
    int qs[] = {Q_CAPITAL, Q_CAPITAL, Q_MEMBERS};
    ClassGame *g = start(&cfg, qs, 3, 0);
    classroom_next(g, 0);
    assert_int_equal(classroom_active_team(g, NULL), 0);
    Answer right = choice(1), wrong = choice(0);
    assert_int_equal(classroom_answer(g, 1, &right, 100), CLASS_INPUT_NOT_TURN);
    assert_int_equal(classroom_answer(g, 0, &wrong, 5000), CLASS_INPUT_TAKEN);
    assert_int_equal(classroom_step(g), CLASS_STEP_ANSWERING); /* the steal */
    assert_int_equal(classroom_active_team(g, NULL), 1);
    assert_int_equal(classroom_time_left(g, 5000), 20000); /* a fresh timer */
    assert_int_equal(classroom_answer(g, 1, &right, 7000), CLASS_INPUT_TAKEN);
    assert_int_equal(classroom_step(g), CLASS_STEP_CLOSED);
    assert_int_equal(line_of(g, 0, 0).outcome, OUTCOME_WRONG);
    assert_int_equal(line_of(g, 0, 0).penalty, 0); /* nothing to take */
    assert_int_equal(line_of(g, 0, 1).delta, 95);  /* 2 s into the steal */
    assert_int_equal(outcome_of(g, 0, 2), CLASS_OUT_NONE);
    to_next_question(g, 8000);

    classroom_next(g, 10000); /* question 2 goes to team 2 (index 1) */
    assert_int_equal(classroom_active_team(g, NULL), 1);
    assert_true(classroom_tick(g, 30000)); /* time up: the steal goes to team 3 */
    assert_int_equal(classroom_active_team(g, NULL), 2);
    assert_int_equal(classroom_answer(g, 2, &wrong, 31000), CLASS_INPUT_TAKEN);
    assert_int_equal(classroom_step(g), CLASS_STEP_CLOSED); /* one steal only */
    assert_int_equal(line_of(g, 1, 1).outcome, OUTCOME_TIMEOUT);
    assert_int_equal(line_of(g, 1, 2).outcome, OUTCOME_WRONG);
    assert_int_equal(classroom_team_total(g, 1), 95); /* a timeout takes nothing */
    to_next_question(g, 32000);

    classroom_next(g, 40000); /* question 3: team 3 */
    assert_int_equal(classroom_active_team(g, NULL), 2);
    Answer multi = {.picked = 0x5};
    assert_int_equal(classroom_answer(g, 2, &multi, 40000), CLASS_INPUT_TAKEN);
    assert_int_equal(line_of(g, 2, 2).delta, 100);
    to_next_question(g, 41000);
    ClassRank r[CLASS_TEAMS_MAX];
    classroom_ranking(g, r);
    assert_int_equal(r[0].team, 2);
    assert_int_equal(r[0].total, 100);
    assert_int_equal(r[1].team, 1);
    assert_int_equal(r[2].total, 0);
    classroom_destroy(g);
}

static void test_buzzer_lockout(void **state)
{
    (void)state;
    ClassConfig cfg;
    classroom_config_default(&cfg, CLASS_BUZZER, 3);
    int qs[] = {Q_CAPITAL, Q_CITY};
    ClassGame *g = start(&cfg, qs, 2, 0);
    assert_int_equal(classroom_buzz(g, 0, 500), -1); /* still reading */
    classroom_next(g, 1000);
    assert_int_equal(classroom_buzz(g, 1, 4000), 1);
    assert_int_equal(classroom_buzz(g, 0, 4001), 1); /* locked out */
    uint32_t at = 0;
    assert_int_equal(classroom_active_team(g, &at), 1);
    assert_int_equal(at, 3000);
    assert_int_equal(classroom_time_left(g, 9000), 17000); /* the timer stopped at the buzz */
    Answer right = choice(1), wrong = choice(3);
    assert_int_equal(classroom_answer(g, 0, &right, 5000), CLASS_INPUT_NOT_TURN);
    assert_int_equal(classroom_answer(g, 1, &wrong, 9000), CLASS_INPUT_TAKEN);
    assert_true(classroom_is_locked(g, 1));
    assert_int_equal(classroom_active_team(g, NULL), -1); /* open again */
    assert_int_equal(classroom_buzz(g, 1, 9100), -1);     /* the wrong team stays out */
    assert_int_equal(classroom_buzz(g, 2, 11000), 2);
    assert_int_equal(classroom_time_left(g, 11000), 15000);
    assert_int_equal(classroom_answer(g, 2, &right, 12000), CLASS_INPUT_TAKEN);
    assert_int_equal(classroom_step(g), CLASS_STEP_CLOSED);
    assert_int_equal(line_of(g, 0, 2).delta, 88); /* 5 s: 100 * (1 - 5/40) = 87.5 */
    assert_int_equal(line_of(g, 0, 1).outcome, OUTCOME_WRONG);
    assert_int_equal(outcome_of(g, 0, 0), CLASS_OUT_NONE);
    to_next_question(g, 13000);
    /* every team wrong: the question closes */
    classroom_next(g, 20000);
    Answer w = {.text = "Minsk"};
    for (int t = 0; t < 3; t++) {
        assert_int_equal(classroom_buzz(g, t, 21000 + (uint64_t)t * 1000), t);
        assert_int_equal(classroom_answer(g, t, &w, 21500 + (uint64_t)t * 1000), CLASS_INPUT_TAKEN);
    }
    assert_int_equal(classroom_step(g), CLASS_STEP_CLOSED);
    assert_int_equal(classroom_team_total(g, 2), 68); /* 88 - 20 */
    ClassSummary s;
    classroom_summary(g, 1, &s);
    assert_int_equal(s.teams, 3);
    assert_int_equal(s.right, 0);
    assert_string_equal(s.wrong, "Minsk");
    assert_int_equal(s.wrong_count, 3);
    classroom_destroy(g);
}

/* Plays question 1 so team 2 (index 1) leads, then two same-millisecond buzzes. Returns the
 * holder after team `second` rings in at the same millisecond as team `first`. */
static int same_ms(uint64_t seed, int first, int second)
{
    ClassConfig cfg;
    classroom_config_default(&cfg, CLASS_BUZZER, 4);
    cfg.seed = seed;
    int qs[] = {Q_CAPITAL, Q_CAPITAL};
    ClassGame *g = start(&cfg, qs, 2, 0);
    classroom_next(g, 0);
    Answer right = choice(1);
    classroom_buzz(g, 1, 1000);
    classroom_answer(g, 1, &right, 1000);
    to_next_question(g, 2000);
    classroom_next(g, 3000);
    assert_int_equal(classroom_buzz(g, first, 5000), first);
    int holder = classroom_buzz(g, second, 5000);
    assert_int_equal(classroom_buzz(g, 3, 5001), holder); /* a millisecond later: out */
    classroom_destroy(g);
    return holder;
}

static void test_buzzer_same_millisecond(void **state)
{
    (void)state;
    /* the team behind in points wins the tie, whoever came first */
    assert_int_equal(same_ms(1, 1, 0), 0);
    assert_int_equal(same_ms(1, 0, 1), 0);
    /* equal points: the seeded coin, the same whichever arrives first, both sides possible */
    int wins[2] = {0, 0};
    for (uint64_t seed = 0; seed < 32; seed++) {
        int a = same_ms(seed, 0, 2), b = same_ms(seed, 2, 0);
        assert_int_equal(a, b);
        assert_int_equal(a, same_ms(seed, 0, 2));
        wins[a == 0 ? 0 : 1]++;
    }
    assert_true(wins[0] > 0 && wins[1] > 0);
}

static void test_pads_absent_team(void **state)
{
    (void)state;
    ClassConfig cfg;
    classroom_config_default(&cfg, CLASS_PADS, 4);
    int qs[] = {Q_CAPITAL, Q_CAPITAL};
    ClassGame *g = start(&cfg, qs, 2, 0);
    const uint8_t *order = classroom_choice_order(g, 0);
    int right_pos = 0;
    while (order[right_pos] != 1) {
        right_pos++;
    }
    classroom_next(g, 1000);
    /* two pads in the same millisecond: both taken with the same time */
    assert_int_equal(classroom_pad_answer(g, 0, right_pos, 3000), CLASS_INPUT_TAKEN);
    assert_int_equal(classroom_pad_answer(g, 1, right_pos, 3000), CLASS_INPUT_TAKEN);
    assert_int_equal(classroom_pad_answer(g, 1, 0, 3001), CLASS_INPUT_DONE); /* final */
    assert_true(classroom_has_answered(g, 1));
    assert_false(classroom_has_answered(g, 2));
    assert_true(classroom_team_absent(g, 3, true, 4000)); /* unplugged */
    assert_int_equal(classroom_pad_answer(g, 3, 0, 4500), CLASS_INPUT_ABSENT);
    assert_int_equal(classroom_pad_answer(g, 2, (right_pos + 1) % 4, 5000), CLASS_INPUT_TAKEN);
    assert_int_equal(classroom_step(g), CLASS_STEP_CLOSED); /* not waiting for team 4 */
    assert_int_equal(line_of(g, 0, 0).delta, 95);
    assert_int_equal(line_of(g, 0, 1).delta, 95);
    assert_int_equal(line_of(g, 0, 2).outcome, OUTCOME_WRONG);
    assert_int_equal(outcome_of(g, 0, 3), CLASS_OUT_ABSENT);
    assert_true(classroom_next(g, 6000));
    assert_int_equal(classroom_step(g), CLASS_STEP_DISTRIBUTION);
    int counts[PACK_CHOICES_MAX];
    assert_int_equal(classroom_distribution(g, 0, counts), 4);
    assert_int_equal(counts[right_pos], 2);
    assert_int_equal(counts[(right_pos + 1) % 4], 1);
    while (classroom_step(g) != CLASS_STEP_READING) {
        classroom_next(g, 6000);
    }
    assert_true(classroom_team_absent(g, 3, false, 7000)); /* back for question 2 */
    classroom_next(g, 7000);
    for (int t = 0; t < 4; t++) {
        classroom_pad_answer(g, t, right_pos, 7100 + (uint64_t)t);
    }
    assert_int_equal(classroom_step(g), CLASS_STEP_CLOSED);
    assert_int_equal(line_of(g, 1, 3).delta, 100);
    assert_int_equal(line_of(g, 1, 0).bonus, 10); /* second right in a row */
    assert_int_equal(line_of(g, 1, 3).bonus, 0);
    classroom_destroy(g);
}

static void test_back_and_next_through_every_step(void **state)
{
    (void)state;
    ClassConfig cfg;
    classroom_config_default(&cfg, CLASS_PADS, 2);
    int qs[] = {Q_TRUTH, Q_CAPITAL};
    ClassGame *g = start(&cfg, qs, 2, 0);
    ClassStep seen[32];
    int n = 0;
    uint64_t now = 0;
    seen[n++] = classroom_step(g);
    while (classroom_next(g, now += 100)) {
        if (classroom_step(g) == CLASS_STEP_ANSWERING && classroom_position(g) == 0) {
            Answer yes = truth(true);
            classroom_answer(g, 0, &yes, now + 50); /* team 1 answers; team 2 does not */
        }
        seen[n++] = classroom_step(g);
    }
    static const ClassStep want[] = {
        CLASS_STEP_READING,      CLASS_STEP_ANSWERING,    CLASS_STEP_CLOSED,
        CLASS_STEP_DISTRIBUTION, CLASS_STEP_REVEAL,       CLASS_STEP_EXPLAIN,
        CLASS_STEP_SCOREBOARD,   CLASS_STEP_READING,      CLASS_STEP_ANSWERING,
        CLASS_STEP_CLOSED,       CLASS_STEP_DISTRIBUTION, CLASS_STEP_REVEAL,
        CLASS_STEP_EXPLAIN,      CLASS_STEP_SCOREBOARD,   CLASS_STEP_END_PODIUM,
        CLASS_STEP_END_SUMMARY};
    assert_int_equal(n, (int)(sizeof want / sizeof want[0]));
    for (int i = 0; i < n; i++) {
        assert_int_equal(seen[i], want[i]);
    }
    long total = classroom_team_total(g, 0);
    assert_true(total > 0);
    /* back all the way: the same steps in reverse */
    for (int i = n - 2; i >= 0; i--) {
        assert_true(classroom_back(g, now += 100));
        assert_int_equal(classroom_step(g), want[i]);
        if (want[i] == CLASS_STEP_ANSWERING && classroom_position(g) == 0) {
            /* back across the close: its scores are taken back, the answer kept */
            assert_int_equal(classroom_team_total(g, 0), 0);
            assert_true(classroom_has_answered(g, 0));
            assert_true(classroom_is_paused(g));
        }
    }
    assert_false(classroom_back(g, now));
    /* forwards again: the kept answer scores the same */
    classroom_next(g, now += 100);
    classroom_next(g, now += 100);
    assert_int_equal(classroom_step(g), CLASS_STEP_CLOSED);
    assert_int_equal(classroom_team_total(g, 0), total);
    classroom_destroy(g);
}

static void test_ties_share_places(void **state)
{
    (void)state;
    ClassConfig cfg;
    classroom_config_default(&cfg, CLASS_PADS, 4);
    cfg.accuracy_only = true;
    int qs[] = {Q_TRUTH, Q_TRUTH};
    ClassGame *g = start(&cfg, qs, 2, 0);
    /* question 1: teams 1, 2, 3 right; question 2: only team 1 */
    bool q1[] = {true, true, true, false}, q2[] = {true, false, false, false};
    for (int round = 0; round < 2; round++) {
        classroom_next(g, 0);
        for (int t = 0; t < 4; t++) {
            Answer a = truth(round == 0 ? q1[t] : q2[t]);
            classroom_answer(g, t, &a, 100);
        }
        to_next_question(g, 200);
    }
    ClassRank r[CLASS_TEAMS_MAX];
    assert_int_equal(classroom_ranking(g, r), 4);
    /* totals 210 (with the streak bonus), 80, 80 (a penalty of 20), 0: places 1, 2, 2, 4 */
    static const int team[] = {0, 1, 2, 3}, place[] = {1, 2, 2, 4};
    static const long total[] = {210, 80, 80, 0};
    for (int i = 0; i < 4; i++) {
        assert_int_equal(r[i].team, team[i]); /* ties listed by team number */
        assert_int_equal(r[i].place, place[i]);
        assert_int_equal(r[i].total, total[i]);
    }
    classroom_destroy(g);

    /* everybody equal: everybody first */
    g = start(&cfg, qs, 1, 0);
    classroom_next(g, 0);
    for (int t = 0; t < 4; t++) {
        Answer a = truth(false);
        classroom_answer(g, t, &a, 100);
    }
    classroom_ranking(g, r);
    for (int i = 0; i < 4; i++) {
        assert_int_equal(r[i].place, 1);
    }
    classroom_destroy(g);
}

static void test_accuracy_only_and_extended_time(void **state)
{
    (void)state;
    ClassConfig cfg;
    classroom_config_default(&cfg, CLASS_PADS, 2);
    cfg.time_percent = 150;
    int qs[] = {Q_CAPITAL, Q_TRUTH};
    ClassGame *g = start(&cfg, qs, 2, 0);
    classroom_next(g, 0);
    assert_int_equal(classroom_time_left(g, 0), 30000);
    Answer right = choice(1);
    classroom_answer(g, 0, &right, 15000);
    assert_false(classroom_tick(g, 20500)); /* the pack's 20 s are not the limit */
    assert_true(classroom_tick(g, 30000));
    assert_int_equal(line_of(g, 0, 0).base, 75); /* 100 * (1 - 15/60) */
    assert_int_equal(line_of(g, 0, 1).outcome, OUTCOME_TIMEOUT);
    to_next_question(g, 30000);
    classroom_next(g, 40000);
    assert_int_equal(classroom_time_left(g, 40000), 22500); /* 15 s x 1.5 */
    Answer yes = truth(true);
    classroom_answer(g, 1, &yes, 40400); /* under 0.5 s: all the points */
    classroom_answer(g, 0, &yes, 49000); /* 9 s of 22.5: 100 * (1 - 9/45) = 80 */
    assert_int_equal(line_of(g, 1, 0).base, 80);
    assert_int_equal(line_of(g, 1, 1).base, 100);
    classroom_destroy(g);

    cfg.time_percent = 100;
    cfg.accuracy_only = true;
    g = start(&cfg, qs, 1, 0);
    classroom_next(g, 0);
    classroom_answer(g, 0, &right, 15000);
    classroom_answer(g, 1, &right, 19999);
    assert_int_equal(line_of(g, 0, 0).base, 100);
    assert_int_equal(line_of(g, 0, 1).base, 100);
    classroom_destroy(g);

    /* the teacher adds 10 s: the speed factor uses the longer limit */
    cfg.accuracy_only = false;
    g = start(&cfg, qs, 1, 0);
    classroom_next(g, 0);
    assert_true(classroom_add_time(g, 1, 1000));
    assert_int_equal(classroom_time_left(g, 1000), 29000);
    classroom_answer(g, 1, &right, 6000);
    assert_false(classroom_tick(g, 25000));
    classroom_answer(g, 0, &right, 27000);
    assert_int_equal(line_of(g, 0, 0).base, 55); /* 100 * (1 - 27/60) */
    assert_int_equal(line_of(g, 0, 1).base, 90); /* 100 * (1 - 6/60) */
    classroom_destroy(g);
}

static void test_pause_skip_and_unsupported(void **state)
{
    (void)state;
    ClassConfig cfg;
    classroom_config_default(&cfg, CLASS_PADS, 2);
    cfg.skip_unsupported = true;
    int qs[] = {Q_CAPITAL, Q_MEMBERS, Q_CITY, Q_SIX, Q_TRUTH};
    ClassGame *g = start(&cfg, qs, 5, 0);
    assert_int_equal(classroom_question_count(g), 2); /* capital and truth */
    classroom_next(g, 0);
    assert_true(classroom_pause(g, 5000));
    assert_false(classroom_tick(g, 60000));
    Answer right = choice(1);
    assert_int_equal(classroom_answer(g, 0, &right, 60000), CLASS_INPUT_NOT_OPEN);
    assert_true(classroom_resume(g, 60000));
    assert_int_equal(classroom_time_left(g, 60000), 15000);
    assert_int_equal(classroom_answer(g, 0, &right, 62000), CLASS_INPUT_TAKEN); /* 7 s */
    assert_true(classroom_skip(g, 63000));
    assert_int_equal(classroom_step(g), CLASS_STEP_READING);
    assert_int_equal(classroom_position(g), 1);
    assert_int_equal(classroom_team_total(g, 0), 0); /* a skipped question scores nothing */
    assert_true(classroom_back(g, 64000));           /* back: the skipped question again */
    assert_int_equal(classroom_position(g), 0);
    assert_false(classroom_has_answered(g, 0));
    classroom_destroy(g);

    cfg.skip_unsupported = false;
    g = start(&cfg, qs, 5, 0);
    assert_int_equal(classroom_question_count(g), 5);
    assert_false(classroom_pad_ok(g, 1));
    assert_false(classroom_pad_ok(g, 3));
    assert_true(classroom_pad_ok(g, 4));
    classroom_skip(g, 0);
    classroom_next(g, 0);
    assert_int_equal(classroom_pad_answer(g, 0, 0, 100), CLASS_INPUT_BAD);
    Answer multi = {.picked = 0x5}; /* the teacher enters it */
    assert_int_equal(classroom_answer(g, 0, &multi, 100), CLASS_INPUT_TAKEN);
    classroom_destroy(g);

    char why[100];
    classroom_config_default(&cfg, CLASS_PADS, 9);
    assert_false(classroom_config_check(&cfg, why, sizeof why));
    classroom_config_default(&cfg, CLASS_PADS, 2);
    cfg.time_percent = 120;
    assert_false(classroom_config_check(&cfg, why, sizeof why));
    classroom_config_default(&cfg, CLASS_PADS, 2);
    str_copy(cfg.team_names[1], sizeof cfg.team_names[1], "\xff bad");
    assert_false(classroom_config_check(&cfg, why, sizeof why));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_whole_class),
        cmocka_unit_test(test_turns_with_steal),
        cmocka_unit_test(test_buzzer_lockout),
        cmocka_unit_test(test_buzzer_same_millisecond),
        cmocka_unit_test(test_pads_absent_team),
        cmocka_unit_test(test_back_and_next_through_every_step),
        cmocka_unit_test(test_ties_share_places),
        cmocka_unit_test(test_accuracy_only_and_extended_time),
        cmocka_unit_test(test_pause_skip_and_unsupported),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
