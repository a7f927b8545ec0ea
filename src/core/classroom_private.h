/* classroom_private.h - the game state shared by the files of the classroom module
 * (classroom*.c). Private: nothing else may include it; the public API is classroom.h. */
#ifndef QUIZDECK_CLASSROOM_PRIVATE_H
#define QUIZDECK_CLASSROOM_PRIVATE_H

#include "classroom.h"

/* One team's answer to one question. */
typedef struct ClassResponse {
    bool answered;
    bool locked;   /* buzzer: answered wrong (or went absent holding it): out for the question */
    bool had_turn; /* turns: the question or its steal went to this team; buzzer: held it */
    bool absent;   /* absent when the question closed without an answer */
    uint8_t picked;
    bool truth;
    int order[PACK_CHOICES_MAX];
    int order_count;
    char text[CLASS_TEXT_MAX + 1];
    uint32_t time_ms;  /* since its answering window opened, pauses left out */
    uint32_t limit_ms; /* the window's limit for the speed factor; 0 = untimed */
    int window;        /* the window it answered in */
    /* derived by classroom_rescore */
    bool scored;
    ScoreLine line;
    long total_after;
} ClassResponse;

typedef enum ClassQState {
    CLASS_Q_PENDING,
    CLASS_Q_OPEN,
    CLASS_Q_CLOSED,
    CLASS_Q_SKIPPED,
    CLASS_Q_STATE_COUNT
} ClassQState;

typedef struct ClassQuestion {
    QuizPick pick;
    uint8_t choice_order[PACK_CHOICES_MAX];
    uint32_t base_limit_ms; /* the pack's limit times the multiplier; 0 = untimed */
    ClassQState state;
    int window;         /* 0, then 1 after a steal */
    int turn_team;      /* turns: the team whose question it is */
    int active_team;    /* turns: who may answer now; buzzer: who holds the buzzer; else -1 */
    bool stolen;        /* turns: the steal was opened */
    bool opened;        /* the answering step was entered */
    uint32_t held_ms;   /* the answering timer, kept while the step is left (back, close) */
    uint32_t buzz_ms;   /* buzzer: when the holder rang in */
    uint64_t buzz_now;  /* buzzer: now_ms of that ring, for the same-millisecond rule */
    bool buzz_tie_open; /* buzz_now is from this run (not restored from a file) */
    ClassResponse resp[CLASS_TEAMS_MAX];
} ClassQuestion;

struct ClassGame {
    ClassConfig cfg;
    int team_count;
    bool absent[CLASS_TEAMS_MAX];
    ClassQuestion *qs;
    int count;
    int position;
    ClassStep step;
    /* the timer of the current step: banked_ms plus, while running, now - run_start */
    bool running;
    bool paused; /* by the teacher (or by a resume) */
    uint64_t run_start;
    uint32_t banked_ms;
    int32_t adjust_ms;
    /* derived by classroom_rescore */
    long totals[CLASS_TEAMS_MAX];
    int streaks[CLASS_TEAMS_MAX];
};

/* True when pads and buzzers can answer the question: single (at most 4 choices) or truefalse. */
bool classroom_pad_type(const Question *q);

/* Milliseconds on the current step's timer at `now_ms`. */
uint32_t classroom_elapsed(const ClassGame *g, uint64_t now_ms);

/* The current answering window's limit (base + adjust, at least 0); 0 when untimed. */
uint32_t classroom_limit(const ClassGame *g);

/* Recomputes every score line, total and streak from the closed questions, in order. */
void classroom_rescore(ClassGame *g);

/* Starts the step's timer afresh at `now_ms`. */
void classroom_timer_restart(ClassGame *g, uint64_t now_ms);

/* Closes the current question at `now_ms` and rescores. */
void classroom_close(ClassGame *g, uint64_t now_ms);

/* True when a team is done with the current question in the current mode. */
bool classroom_all_done(const ClassGame *g);

/* Turns: the first present team at or after `from` (wrapping), or -1; `skip` is never chosen. */
int classroom_next_present(const ClassGame *g, int from, int skip);

/* The state file's names of question states ("pending", "open", "closed", "skipped"). */
extern const char *const classroom_qstate_names[CLASS_Q_STATE_COUNT];

/* Undoes the state file's %XX escapes (after inidoc_unwrap) into `out`; false when malformed,
 * too long or not UTF-8. */
bool classroom_unescape(const char *s, char *out, size_t size);

/* The largest state file classroom_load reads. */
enum { CLASS_STATE_FILE_MAX = 4 * 1024 * 1024 };

/* CSV helpers: one cell (quoted when needed; `text` cells neutralised) and a line end. */
void classroom_csv_cell(StrBuf *out, const char *s, bool text, bool first);
void classroom_csv_end(StrBuf *out);

#endif
