/* fuzz_classroom.c - libFuzzer harness for the classroom game's state file (classroom_load,
 * which reads a file, so the input is written to a scratch folder first). The saved questions
 * are looked up in a small pack built in memory once (the questions of
 * tests/fixtures/classroom/good/class-test.ini). A game that loads must dump, save and load
 * back to the same dump, and then survive being played on: every step, answer, buzzer, absence
 * and the result files. */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "core/classroom.h"
#include "core/diag.h"
#include "core/pack.h"

static const char PACK_TEXT[] =
    "[pack]\nformat = 1\nid = class-test\ntitle = Classroom test\ntime_limit = 20\n"
    "scoring = speed\npoints = 100\npenalty = 20\nstreak_bonus = on\nstreak_step = 10\n"
    "streak_cap = 30\n\n"
    "[capital]\ntype = single\nprompt = Where was the treaty signed?\na = Moscow\n"
    "b = Tashkent\nc = Minsk\nd = Chisinau\nanswer = b\nexplain = In Tashkent.\n"
    "source = Origins\ntopic = founding\n\n"
    "[truth]\ntype = truefalse\nprompt = The CSTO decides by consensus.\nanswer = true\n"
    "time_limit = 15\nexplain = By consensus.\nsource = Bodies\ntopic = bodies\n\n"
    "[members]\ntype = multi\nprompt = Which are members?\na = Belarus\nb = Georgia\n"
    "c = Tajikistan\nanswer = a, c\nexplain = Georgia left.\nsource = Members\n"
    "topic = members\n\n"
    "[city]\ntype = text\nprompt = Where is the headquarters?\nanswer = Moscow | Москва\n"
    "explain = In Moscow.\nsource = Bodies\ntopic = bodies\n\n"
    "[year]\ntype = number\nprompt = When was the treaty signed?\nanswer = 1992\n"
    "explain = 1992.\nsource = Origins\ntopic = founding\n\n"
    "[timeline]\ntype = order\nprompt = Put these in order.\na = Treaty\nb = Charter\n"
    "c = Kazakhstan mission\nexplain = 1992, 2002, 2022.\nsource = Origins\ntopic = founding\n\n"
    "[six]\ntype = single\nprompt = Pick the sixth letter\na = A\nb = B\nc = C\nd = D\ne = E\n"
    "f = F\nanswer = f\nexplain = F.\nsource = Letters\ntopic = letters\n";

static Pack *pack;
static QuizPick picks[16];
static int pick_count;

static void init(void)
{
    if (pack) {
        return;
    }
    DiagList diags = DIAGLIST_INIT;
    pack = pack_load_buffer("class-test.ini", PACK_TEXT, sizeof PACK_TEXT - 1, &diags);
    fuzz_check(pack && pack->question_count <= 16, "the built-in pack does not load");
    diag_list_free(&diags);
    for (int i = 0; i < pack->question_count; i++) {
        picks[pick_count++] = (QuizPick){pack, &pack->questions[i]};
    }
}

static char *dump(const ClassGame *g, uint64_t now_ms)
{
    StrBuf sb = STRBUF_INIT;
    classroom_dump(g, now_ms, &sb);
    fuzz_check(!sb.oom, "out of memory");
    return sb.data ? sb.data : calloc(1, 1);
}

/* The dump without what a team that neither answered, held a turn, was locked out nor was
 * absent holds (its choice, text, times and window): nothing reads it, and the state file
 * does not keep it. */
static char *dump_kept(const ClassGame *g, uint64_t now_ms)
{
    char *text = dump(g, now_ms);
    static const char IDLE[] = " answered no locked no turn no absent no picked ";
    for (char *line = strstr(text, IDLE); line; line = strstr(line, IDLE)) {
        char *from = line + sizeof IDLE - sizeof " picked ";
        char *to = from + strcspn(from, "\n");
        char *score = strstr(from, " ->");
        if (score && score < to) {
            to = score;
        }
        memmove(from, to, strlen(to) + 1);
        line = from;
    }
    return text;
}

/* Saves `g` at `now_ms` and loads it back: the same game, or NULL when that is not expected
 * (a running timer comes back paused). */
static void check_round_trip(const ClassGame *g, uint64_t now_ms)
{
    char path[4200];
    fuzz_path(path, sizeof path, "resaved.ini");
    SaveError e;
    fuzz_check(classroom_save(g, fuzz_io(), path, now_ms, &e), "a game cannot be saved: %s",
               e.message);
    DiagList diags = DIAGLIST_INIT;
    ClassLoadStatus status;
    ClassGame *h =
        classroom_load(picks, pick_count, fuzz_io(), path, FUZZ_NOW, now_ms, &diags, &status);
    if (!h) {
        StrBuf why = STRBUF_INIT;
        diag_list_format(&diags, &why);
        char *text = dump(g, now_ms);
        fuzz_check(false, "a saved game does not load back (status %d): %s\n%s", (int)status,
                   strbuf_cstr(&why), text);
    }
    if (classroom_is_paused(g) == classroom_is_paused(h)) {
        char *a = dump_kept(g, now_ms), *b = dump_kept(h, now_ms);
        fuzz_check(strcmp(a, b) == 0, "a saved game loads back different:\n%s---\n%s", a, b);
        free(a);
        free(b);
    }
    classroom_destroy(h);
    diag_list_free(&diags);
}

/* Everything the screens and the files read. */
static void check_views(const ClassGame *g, uint64_t now_ms)
{
    int teams = classroom_team_count(g);
    int count = classroom_question_count(g);
    fuzz_check(teams >= 1 && teams <= CLASS_TEAMS_MAX && count >= 1 && classroom_position(g) >= 0 &&
                   classroom_position(g) <= count && classroom_step(g) >= 0 &&
                   classroom_step(g) < CLASS_STEP_COUNT,
               "team count, position or step out of range");
    ClassRank ranks[CLASS_TEAMS_MAX];
    int n = classroom_ranking(g, ranks);
    fuzz_check(n == teams, "the ranking has %d of %d teams", n, teams);
    for (int i = 0; i < n; i++) {
        fuzz_check(ranks[i].place >= 1 && ranks[i].place <= i + 1 && ranks[i].total >= 0 &&
                       (i == 0 || ranks[i].total <= ranks[i - 1].total),
                   "the ranking is out of order");
    }
    classroom_time_left(g, now_ms);
    uint32_t buzz;
    int active = classroom_active_team(g, &buzz);
    fuzz_check(active >= -1 && active < teams, "active team %d of %d", active, teams);
    StrBuf sb = STRBUF_INIT;
    for (int i = 0; i < count; i++) {
        fuzz_check(classroom_question(g, i) && classroom_question_pack(g, i) &&
                       classroom_choice_order(g, i),
                   "question %d is missing", i);
        classroom_pad_ok(g, i);
        int counts[PACK_CHOICES_MAX];
        classroom_distribution(g, i, counts);
        ClassSummary sum;
        classroom_summary(g, i, &sum);
        for (int t = 0; t < teams; t++) {
            ClassTeamResult res;
            classroom_team_result(g, i, t, &res);
            classroom_answer_text(g, i, t, &sb);
        }
        classroom_right_answer_text(classroom_question(g, i), &sb);
    }
    for (int t = 0; t < teams; t++) {
        classroom_team_name(g, t);
        classroom_team_is_absent(g, t);
        classroom_team_total(g, t);
        classroom_team_streak(g, t);
        classroom_has_answered(g, t);
        classroom_is_locked(g, t);
    }
    classroom_results_csv(g, FUZZ_NOW, &sb);
    classroom_summary_csv(g, FUZZ_NOW, &sb);
    classroom_dump(g, now_ms, &sb);
    strbuf_free(&sb);
}

/* Plays on from the loaded state with a fixed sequence of everything a classroom does. */
static void play(ClassGame *g, uint64_t now_ms)
{
    uint64_t t = now_ms;
    classroom_resume(g, t);
    for (int i = 0; i < 48; i++) {
        t += 900 + (uint64_t)(i % 5) * 2100;
        int teams = classroom_team_count(g);
        int team = i % teams;
        classroom_tick(g, t);
        Answer a;
        memset(&a, 0, sizeof a);
        switch (i % 12) {
        case 0:
            for (int k = 0; k < teams; k++) {
                classroom_pad_answer(g, k, (i + k) % 4, t);
            }
            break;
        case 1:
            if (classroom_buzz(g, team, t) >= 0 && classroom_position_answer(g, i % 3, &a)) {
                classroom_answer(g, classroom_active_team(g, NULL), &a, t);
            }
            break;
        case 2:
            a.text = i % 2 ? "Moscow" : "1 992";
            classroom_answer(g, team, &a, t);
            break;
        case 3:
            a.order_count = 3;
            a.order[0] = 0;
            a.order[1] = 1;
            a.order[2] = 2;
            a.picked = 5;
            classroom_answer(
                g, classroom_active_team(g, NULL) >= 0 ? classroom_active_team(g, NULL) : team, &a,
                t);
            break;
        case 4:
        case 7:
        case 9:
            classroom_next(g, t);
            break;
        case 5:
            classroom_back(g, t);
            break;
        case 6:
            classroom_add_time(g, i % 3 - 1, t);
            break;
        case 8:
            classroom_team_absent(g, team, i % 24 == 8, t);
            break;
        case 10:
            classroom_pause(g, t);
            classroom_resume(g, t + 10);
            classroom_reveal_now(g, t);
            break;
        default:
            if (i % 24 == 11) {
                classroom_skip(g, t);
            } else {
                classroom_next(g, t);
            }
            break;
        }
        check_views(g, t);
    }
    classroom_pause(g, t);
    check_round_trip(g, t);
}

FUZZ_TARGET(classroom)
{
    init();
    char path[4200];
    fuzz_path(path, sizeof path, "classroom.ini");
    fuzz_write(path, data, size);
    DiagList diags = DIAGLIST_INIT;
    ClassLoadStatus status = CLASS_LOAD_STATUS_COUNT;
    uint64_t now_ms = 1000000;
    ClassGame *g =
        classroom_load(picks, pick_count, fuzz_io(), path, FUZZ_NOW, now_ms, &diags, &status);
    fuzz_check((g != NULL) == (status == CLASS_LOAD_OK), "status %d with game %p", (int)status,
               (void *)g);
    fuzz_check(g || diags.counts[DIAG_WARNING] > 0, "no game and no warning");
    if (g) {
        /* a game comes back with its clock stopped where it was saved */
        fuzz_check(classroom_time_left(g, now_ms) == classroom_time_left(g, now_ms + 100000),
                   "the clock of a resumed game runs");
        check_views(g, now_ms);
        check_round_trip(g, now_ms);
        play(g, now_ms);
    }
    classroom_destroy(g);
    diag_list_free(&diags);
    fuzz_clear();
    return 0;
}
