/* classroom.h - the classroom game: teams on one screen, a question revealed step by step, four
 * ways to answer, team scores, a resumable state file and the results as spreadsheets.
 * Pure C; no SDL, no printing, no clock: every function that needs the time takes `now_ms`
 * (a monotonic clock in milliseconds, any origin).
 *
 * Steps of one question (one key press each; classroom_back goes back one):
 *   READING        the question alone; after reading_ms (0: on the teacher's key) -> ANSWERING
 *   ANSWERING      choices shown, the timer runs; time up or every present team done -> CLOSED
 *   CLOSED         answers are in and scored
 *   DISTRIBUTION   bar chart of the answers (only in CLASS_PADS, where every team answers)
 *   REVEAL         the right answer marked
 *   EXPLAIN        explanation and article section
 *   SCOREBOARD     top scoreboard_top teams -> next question's READING, or END_PODIUM
 * then END_PODIUM (top 3 and the full ranking) and END_SUMMARY (per-question summary).
 *
 * Modes:
 *   CLASS_WHOLE   one team, "Class"; the teacher enters the class's answer.
 *   CLASS_TURNS   question k goes to team k mod n (the next present one). A wrong answer or time
 *                 up, with steal on, passes the question once to the next present team, with a
 *                 fresh timer. Only the teams that had the question score for it.
 *   CLASS_BUZZER  teams ring in (classroom_buzz); the first holds the buzzer and the timer stops
 *                 while the teacher enters its answer. Right: closed. Wrong: that team is locked
 *                 out for this question and the buzzers reopen, the timer running on. Only teams
 *                 that held the buzzer score for the question.
 *   CLASS_PADS    every team answers once, secretly, within the timer; the first answer is final.
 *                 Speed points use each team's own answer time.
 *
 * Ties in the same millisecond:
 *   Buzzer: when a second team rings in at the same elapsed millisecond as the holder (before
 *   the holder's answer), the team with fewer points takes the buzzer; with equal points a coin
 *   seeded from the game's seed, the question number and the two teams decides, so a replay or
 *   a resumed game decides the same way.
 *   Pads: two answers in the same millisecond are both taken with the same time and score the
 *   same; nothing depends on which arrived first.
 *
 * Scoring: each team's answers go through score_answer with the team's own streak and total.
 * The time is the answer's time since its answering window opened (the pad press, or when the
 * teacher entered the answer), without paused time. Speed factors use the question's limit times
 * the time multiplier plus any time the teacher added or removed. A question is scored when it
 * closes. A team that did not answer in time gets a timeout (streak ends, no penalty); an absent
 * team scores nothing for that question and keeps its streak; a skipped question scores nothing
 * for anyone and keeps every streak. Teams with equal totals share a place (1, 2, 2, 4).
 *
 * Back across an answer: back from CLOSED reopens the question (ANSWERING, timer paused), its
 * scores are taken back until it closes again; answers already given are kept. Back from
 * READING goes to the previous question's SCOREBOARD (or, when that question was skipped, to
 * its READING, no longer skipped). */
#ifndef QUIZDECK_CLASSROOM_H
#define QUIZDECK_CLASSROOM_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "answer.h"
#include "diag.h"
#include "pack.h"
#include "quiz.h"
#include "save.h"
#include "score.h"
#include "strbuf.h"

enum {
    CLASS_TEAMS_MIN = 2,
    CLASS_TEAMS_MAX = 8,
    CLASS_NAME_MAX = 40, /* code points in a team name */
    CLASS_NAME_BYTES = 4 * 40 + 1,
    CLASS_TEXT_MAX = 200,         /* bytes kept of a typed answer */
    CLASS_ADJUST_STEP_MS = 10000, /* what classroom_add_time adds or removes */
    CLASS_STATE_FORMAT = 1,       /* the version of the state file */
};

typedef enum ClassMode {
    CLASS_WHOLE,
    CLASS_TURNS,
    CLASS_BUZZER,
    CLASS_PADS,
    CLASS_MODE_COUNT
} ClassMode;

typedef enum ClassStep {
    CLASS_STEP_READING,
    CLASS_STEP_ANSWERING,
    CLASS_STEP_CLOSED,
    CLASS_STEP_DISTRIBUTION,
    CLASS_STEP_REVEAL,
    CLASS_STEP_EXPLAIN,
    CLASS_STEP_SCOREBOARD,
    CLASS_STEP_END_PODIUM,
    CLASS_STEP_END_SUMMARY,
    CLASS_STEP_COUNT
} ClassStep;

typedef struct ClassConfig {
    ClassMode mode;
    int team_count; /* 2..8; ignored for CLASS_WHOLE (one team, "Class") */
    char team_names[CLASS_TEAMS_MAX][CLASS_NAME_BYTES]; /* UTF-8, 1..40 code points */
    bool steal;            /* CLASS_TURNS: a miss passes the question to the next team */
    int reading_ms;        /* the question alone; 0 = until the teacher's key */
    int time_percent;      /* 100, 150 or 200: multiplies every time limit */
    bool accuracy_only;    /* accuracy scoring whatever the pack says */
    int scoreboard_top;    /* rows on the scoreboard step; 0 means 5 */
    bool skip_unsupported; /* buzzer/pads: leave out questions pads cannot answer (else the
                              teacher enters the team's answer) */
    int question_count;    /* 0 = every pick */
    bool shuffle;          /* false keeps the picks' order */
    uint64_t seed;         /* question and choice order, and the buzzer's coin */
} ClassConfig;

/* Team i has colour i and shape i of the UI's palette; the core only numbers teams 0..n-1. */

typedef struct ClassGame ClassGame;

/* Fills `cfg` with defaults: `teams` teams named "Team 1"..., no steal, 5 s reading, 100 %,
 * the pack's scoring, top 5, teacher enters unsupported types, shuffled, seed 0. */
void classroom_config_default(ClassConfig *cfg, ClassMode mode, int teams);

/* True when `cfg` can start a game; otherwise writes the reason to `why` (may be NULL). */
bool classroom_config_check(const ClassConfig *cfg, char *why, size_t why_size);

/* Starts a game over `count` picks (copied; the packs are borrowed and must outlive the game).
 * Returns NULL when the config is bad, no question is left, or memory ran out. The game starts
 * at the first question's READING step, its reading timer starting at `now_ms`. */
ClassGame *classroom_create(const ClassConfig *cfg, const QuizPick *picks, int count,
                            uint64_t now_ms);

/* Frees the game. Accepts NULL. */
void classroom_destroy(ClassGame *g);

/* ---- what the screens show (borrowed pointers live until the game is destroyed) ---- */

const ClassConfig *classroom_config(const ClassGame *g);
ClassStep classroom_step(const ClassGame *g);
const char *classroom_step_name(ClassStep step); /* "reading", "answering", ... */
const char *classroom_mode_name(ClassMode mode); /* "whole", "turns", "buzzer", "pads" */
int classroom_team_count(const ClassGame *g);
const char *classroom_team_name(const ClassGame *g, int team);
bool classroom_team_is_absent(const ClassGame *g, int team);
long classroom_team_total(const ClassGame *g, int team); /* after every closed question */
int classroom_team_streak(const ClassGame *g, int team);
int classroom_question_count(const ClassGame *g);
int classroom_position(const ClassGame *g); /* 0-based question shown; count at the end */
const Question *classroom_question(const ClassGame *g, int index);
const Pack *classroom_question_pack(const ClassGame *g, int index);

/* Screen position -> pack choice index for question `index` (single, multi, order: shuffled;
 * truefalse: position 0 is true, 1 false). NULL when out of range. */
const uint8_t *classroom_choice_order(const ClassGame *g, int index);

/* True when pads and buzzers can answer question `index` (single with at most 4 choices, or
 * truefalse); otherwise the teacher enters each team's answer. */
bool classroom_pad_ok(const ClassGame *g, int index);

/* Milliseconds left on the current step's timer (reading or answering), 0 when up; -1 when
 * the step has no timer (untimed question, manual reading, other steps). */
long classroom_time_left(const ClassGame *g, uint64_t now_ms);
bool classroom_is_paused(const ClassGame *g);

/* The team that may answer now: turns: the team whose turn (or steal) it is; buzzer: the team
 * holding the buzzer; -1 when none or other modes. *buzz_ms (may be NULL) gets the holder's
 * buzz time since the window opened. */
int classroom_active_team(const ClassGame *g, uint32_t *buzz_ms);

/* True when `team` has an answer for the current question (the screen shows who, not what). */
bool classroom_has_answered(const ClassGame *g, int team);
/* True when `team` is locked out of the current question (buzzer: answered wrong). */
bool classroom_is_locked(const ClassGame *g, int team);

/* ---- steps (each returns true when something changed) ---- */

bool classroom_next(ClassGame *g, uint64_t now_ms);
bool classroom_back(ClassGame *g, uint64_t now_ms);
/* Moves READING -> ANSWERING when the reading time is over and ANSWERING -> CLOSED when the
 * time is up or every present team is done (TURNS: opens the steal first). */
bool classroom_tick(ClassGame *g, uint64_t now_ms);
bool classroom_pause(ClassGame *g, uint64_t now_ms);
bool classroom_resume(ClassGame *g, uint64_t now_ms);
/* Adds (steps > 0) or removes (steps < 0) steps * 10 s on a timed question's running answer
 * timer; the limit never goes below 0. */
bool classroom_add_time(ClassGame *g, int steps, uint64_t now_ms);
/* Leaves the current question out (from READING or ANSWERING): nobody scores, streaks stay;
 * goes to the next question's READING (or the end). */
bool classroom_skip(ClassGame *g, uint64_t now_ms);
/* From ANSWERING, CLOSED or DISTRIBUTION: closes the question if open and shows REVEAL. */
bool classroom_reveal_now(ClassGame *g, uint64_t now_ms);

/* ---- input ---- */

typedef enum ClassInput {
    CLASS_INPUT_TAKEN,
    CLASS_INPUT_NOT_OPEN, /* not in ANSWERING (or paused) */
    CLASS_INPUT_NOT_TURN, /* not this team's turn, or another team holds the buzzer */
    CLASS_INPUT_ABSENT,   /* the team is marked absent */
    CLASS_INPUT_DONE,     /* the team already answered (or is locked out) */
    CLASS_INPUT_BAD,      /* no such team, or the answer does not fit the question */
    CLASS_INPUT_COUNT
} ClassInput;

/* Records `team`'s answer to the current question at `now_ms` (a pad, a key, or the teacher
 * entering it). `a` is borrowed; its text is copied (at most CLASS_TEXT_MAX bytes). In
 * CLASS_BUZZER only the holder may answer. The question may close as a result. */
ClassInput classroom_answer(ClassGame *g, int team, const Answer *a, uint64_t now_ms);

/* A pad's face button (0..3, by position) or a teacher's position key for `team`. */
ClassInput classroom_pad_answer(ClassGame *g, int team, int position, uint64_t now_ms);

/* Fills `out` with the answer "position `position` of the current question" (single,
 * truefalse, and multi one position at a time). False when there is no such position. */
bool classroom_position_answer(const ClassGame *g, int position, Answer *out);

/* `team` rings in. Returns the team that holds the buzzer afterwards (-1 when none: not
 * answering, not buzzer mode, or the team cannot ring in). See the tie rule above. */
int classroom_buzz(ClassGame *g, int team, uint64_t now_ms);

/* Marks `team` absent (a pad unplugged) or back. Absent teams are not waited for, cannot
 * answer or ring in, and score nothing for a question they had not answered when it closed.
 * A buzzer holder that goes absent releases the buzzer (and is locked out); a turn passes on. */
bool classroom_team_absent(ClassGame *g, int team, bool absent, uint64_t now_ms);

/* ---- results ---- */

typedef struct ClassRank {
    int team;
    int place; /* 1-based; equal totals share a place */
    long total;
} ClassRank;

/* The ranking by total (ties by team number for display). Returns the number of teams. */
int classroom_ranking(const ClassGame *g, ClassRank out[CLASS_TEAMS_MAX]);

/* What one team did on question `index`. */
typedef enum ClassOutcome {
    CLASS_OUT_NONE,   /* not scored: not closed, skipped, not its turn, never rang in */
    CLASS_OUT_ABSENT, /* absent without an answer */
    CLASS_OUT_SCORED, /* `line` holds the score */
    CLASS_OUTCOME_COUNT
} ClassOutcome;

typedef struct ClassTeamResult {
    ClassOutcome outcome;
    bool answered;
    uint32_t time_ms;
    ScoreLine line;   /* when CLASS_OUT_SCORED */
    long total_after; /* the team's running total after this question */
} ClassTeamResult;

bool classroom_team_result(const ClassGame *g, int index, int team, ClassTeamResult *out);

/* Answers per screen position of question `index` (single, truefalse, multi; counts[p] for
 * position p), over every team's answer. Returns the number of positions, 0 for other types. */
int classroom_distribution(const ClassGame *g, int index, int counts[PACK_CHOICES_MAX]);

typedef struct ClassSummary {
    bool asked;        /* closed (not skipped) */
    int teams;         /* teams that scored on it (had it and were present) */
    int right;         /* of those, fully right */
    int percent_right; /* right * 100 / teams, rounded half up; 0 when no team */
    char wrong[512];   /* the most chosen wrong answer written out, "" when none */
    int wrong_count;   /* how many teams chose it */
} ClassSummary;

bool classroom_summary(const ClassGame *g, int index, ClassSummary *out);

/* Writes a team's answer to question `index` as words ("Tashkent", "true", "Belarus; Tajikistan",
 * what was typed); "" when none. */
void classroom_answer_text(const ClassGame *g, int index, int team, StrBuf *out);

/* The right answer of `q` written out (used by the answer key and the summary). */
void classroom_right_answer_text(const Question *q, StrBuf *out);

/* A text dump of the whole state at `now_ms`, for tests and debugging. */
void classroom_dump(const ClassGame *g, uint64_t now_ms, StrBuf *out);

/* ---- resume ---- */

/* Writes the whole state to `path` (INI, atomically). Timers are stored as elapsed time, so a
 * resumed game comes back paused at the same point. False with `e` filled on failure. */
bool classroom_save(const ClassGame *g, const SaveIo *io, const char *path, uint64_t now_ms,
                    SaveError *e);

typedef enum ClassLoadStatus {
    CLASS_LOAD_OK,
    CLASS_LOAD_MISSING,      /* no saved game */
    CLASS_LOAD_DAMAGED,      /* unreadable or bad: set aside (save_quarantine), with a warning */
    CLASS_LOAD_PACK_CHANGED, /* a question is gone or has a new revision: file left, warning */
    CLASS_LOAD_FAILED,       /* out of memory, or the file could not be read or set aside */
    CLASS_LOAD_STATUS_COUNT
} ClassLoadStatus;

/* Restores the game saved at `path`. `picks` are the questions available now (every loaded
 * pack's); the saved questions are found among them by pack id and question id, and must have
 * the saved revision. Returns the game (paused, at the saved step) on CLASS_LOAD_OK, else NULL
 * with the reason in *status and a warning in `diags`. `now` dates a set-aside file. */
ClassGame *classroom_load(const QuizPick *picks, int count, const SaveIo *io, const char *path,
                          time_t now, uint64_t now_ms, DiagList *diags, ClassLoadStatus *status);

/* Removes the state file once a game is over or abandoned. True when it is gone. */
bool classroom_forget(const SaveIo *io, const char *path);

/* ---- spreadsheets (RFC 4180, UTF-8 with a byte-order mark, CRLF; text cells starting with
 * = + - @ tab or CR get a leading ') ---- */

typedef struct ClassResultFiles {
    char results[4096]; /* the per-game CSV written */
    char summary[4096]; /* the per-question summary CSV written */
    bool fell_back;     /* `dir` failed; both went to `fallback_dir` (e says why) */
} ClassResultFiles;

/* Writes DIR/YYYY-MM-DDTHHMMSS-PACK.csv (one row per team per asked question: date, pack,
 * question id, prompt, team, answer, correct, time ms, points, running total) and
 * ...-PACK-summary.csv (per question: date, pack, question, question id, prompt, right answer,
 * teams, teams right, percent right, most chosen wrong answer, chosen by). PACK is the pack id,
 * or "mixed" for several packs; "-2", "-3"... is added when the name is taken. The folder is
 * created. When that fails, both go to `fallback_dir` instead (unless it is the same folder),
 * `files->fell_back` is set and `e` says what failed and where the files are. A folder that
 * failed holds neither file afterwards. False (with `e`) only when both failed. */
bool classroom_write_results(const ClassGame *g, const SaveIo *io, const char *dir,
                             const char *fallback_dir, time_t now, ClassResultFiles *files,
                             SaveError *e);

/* Writes a printable answer key of `pack` to `path`: number, id, type, prompt, right answer,
 * explanation, source. */
bool classroom_write_answer_key(const Pack *pack, const SaveIo *io, const char *path, SaveError *e);

/* The CSV text of the two files and of the key (for tests), appended to `out`. */
void classroom_results_csv(const ClassGame *g, time_t now, StrBuf *out);
void classroom_summary_csv(const ClassGame *g, time_t now, StrBuf *out);
void classroom_answer_key_csv(const Pack *pack, StrBuf *out);

#endif
