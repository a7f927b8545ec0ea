/* classroom_ui.c - the classroom game's life in the window: building the pool, starting,
 * resuming, saving after every step, writing the results. Never draws; the screens do. */
#include "ui/classroom_ui.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/strbuf.h"
#include "ui/app.h"

void classroom_ui_free(App *app)
{
    ClassroomUi *c = &app->classroom;
    classroom_destroy(c->game);
    c->game = NULL;
    free(c->picks);
    c->picks = NULL;
    c->pick_count = 0;
}

void classroom_ui_state_path(const App *app, char *out, size_t size)
{
    out[0] = '\0';
    if (app->paths.user_data[0]) {
        char dir[PATHS_MAX];
        paths_join(dir, sizeof dir, app->paths.user_data, "classroom");
        paths_join(out, size, dir, "state.ini");
    }
}

void classroom_ui_default_results(const App *app, char *out, size_t size)
{
    out[0] = '\0';
    if (app->paths.user_data[0]) {
        paths_join(out, size, app->paths.user_data, "results");
    }
}

int classroom_ui_team_pad(const App *app, int team)
{
    return team >= 0 && team < PADS_MAX && app->pads.pad[team] ? team : -1;
}

/* ---- the pool ---- */

int classroom_ui_pool(const App *app, QuizPick *picks, int cap, char *label, size_t label_size)
{
    const ClassroomUi *c = &app->classroom;
    int n = 0;
    size_t len = 0;
    if (label && label_size) {
        label[0] = '\0';
    }
    for (int i = 0; i < app->library.count; i++) {
        const LibraryEntry *e = &app->library.entries[i];
        if (!e->pack || e->replaced || (c->packs[0] && !str_list_has(c->packs, e->pack->id))) {
            continue;
        }
        bool any = false;
        for (int q = 0; q < e->pack->question_count; q++) {
            const Question *qu = &e->pack->questions[q];
            if (c->topic[0] && strcmp(qu->topic, c->topic) != 0) {
                continue;
            }
            if (picks && n < cap) {
                picks[n] = (QuizPick){e->pack, qu};
            }
            n++;
            any = true;
        }
        if (any && c->packs[0] && label && len < label_size) {
            int w =
                snprintf(label + len, label_size - len, "%s%s", len ? ", " : "", e->pack->title);
            len += w > 0 ? (size_t)w : 0;
        }
    }
    if (label && label_size) {
        if (!c->packs[0]) {
            str_copy(label, label_size, "All packs");
            len = strlen(label);
        }
        if (c->topic[0] && len < label_size) {
            snprintf(label + len, label_size - len, " \xC2\xB7 %s", c->topic);
        }
    }
    return n;
}

/* Every question of every live pack: what a saved game is looked up in. */
static QuizPick *all_picks(const App *app, int *count)
{
    int cap = library_question_count(&app->library);
    QuizPick *picks = malloc(sizeof *picks * (size_t)(cap > 0 ? cap : 1));
    int n = 0;
    for (int i = 0; picks && i < app->library.count; i++) {
        const LibraryEntry *e = &app->library.entries[i];
        if (!e->pack || e->replaced) {
            continue;
        }
        for (int q = 0; q < e->pack->question_count && n < cap; q++) {
            picks[n++] = (QuizPick){e->pack, &e->pack->questions[q]};
        }
    }
    *count = n;
    return picks;
}

/* ---- starting ---- */

/* Which teams answer with the keyboard and which are absent for want of a pad (pads mode),
 * from the pads plugged in now. */
static void assign_inputs(App *app)
{
    ClassroomUi *c = &app->classroom;
    ClassGame *g = c->game;
    c->keypad_team[0] = c->keypad_team[1] = -1;
    int keypads = 0;
    for (int t = 0; t < classroom_team_count(g); t++) {
        bool pad = classroom_ui_team_pad(app, t) >= 0;
        if (classroom_config(g)->mode != CLASS_PADS) {
            if (pad) {
                classroom_team_absent(g, t, false, app->now_ms);
            }
            continue;
        }
        if (!pad && keypads < CLASS_UI_KEYPADS) {
            c->keypad_team[keypads++] = t;
            pad = true;
        }
        classroom_team_absent(g, t, !pad, app->now_ms);
    }
}

static void reset_view(App *app)
{
    ClassroomUi *c = &app->classroom;
    c->black = false;
    c->help = false;
    c->menu = CLASS_MENU_NONE;
    c->menu_focus = 0;
    c->team_cursor = 0;
    c->marks = 0;
    c->typing = false;
    c->typed[0] = '\0';
    c->notice[0] = '\0';
    c->last_second = -1;
    c->summary_page = 0;
    c->save_warned = false;
    c->save_blocked = false;
    c->results_done = false;
    c->results_failed = false;
    c->results_fell_back = false;
    c->results[0] = c->summary[0] = '\0';
    c->shown_step = classroom_step(c->game);
    c->shown_position = classroom_position(c->game);
    assign_inputs(app);
}

/* A new game is about to save over the file of an earlier one (unfinished, from a changed pack,
 * or damaged and not set aside): keep that file as NAME.previous and say so. When it cannot be
 * kept, this game is not saved for resuming, so the earlier file is never written over. */
static void keep_earlier_game(App *app)
{
    ClassroomUi *c = &app->classroom;
    char path[PATHS_MAX], previous[PATHS_MAX + 16];
    struct stat st;
    classroom_ui_state_path(app, path, sizeof path);
    if (!path[0] || app->io->stat(app->io->ctx, path, &st) != 0) {
        return;
    }
    snprintf(previous, sizeof previous, "%s.previous", path);
    if (app->io->rename(app->io->ctx, path, previous) == 0) {
        app_warn(app, "The earlier classroom game was kept as %s; this one is saved in its place.",
                 previous);
    } else {
        c->save_blocked = true;
        app_warn(app, "The earlier classroom game in %s could not be kept aside (%s), so this game "
                      "will not be saved for resuming.",
                 path, strerror(errno));
    }
}

bool classroom_ui_start(App *app)
{
    ClassroomUi *c = &app->classroom;
    char why[160];
    if (!classroom_config_check(&c->config, why, sizeof why)) {
        app_warn(app, "The game cannot start: %s.", why);
        return false;
    }
    int n = classroom_ui_pool(app, NULL, 0, NULL, 0);
    QuizPick *picks = malloc(sizeof *picks * (size_t)(n > 0 ? n : 1));
    if (!picks) {
        app_warn(app, "Out of memory.");
        return false;
    }
    classroom_ui_pool(app, picks, n, NULL, 0);
    ClassConfig cfg = c->config;
    cfg.seed = app->opt.has_seed    ? app->opt.seed
               : app->virtual_clock ? 1
                                    : (uint64_t)SDL_GetPerformanceCounter();
    ClassGame *g = n > 0 ? classroom_create(&cfg, picks, n, app->now_ms) : NULL;
    if (!g) {
        free(picks);
        app_warn(app, n > 0 ? "No question is left for this game: pads and buzzers answer "
                              "single and true/false questions only."
                            : "No question matches this choice of packs and topic.");
        return false;
    }
    classroom_ui_free(app);
    c->game = g;
    c->picks = picks;
    c->pick_count = n;
    reset_view(app);
    keep_earlier_game(app);
    classroom_ui_save_setup(app);
    classroom_ui_save(app);
    app_switch(app, SCREEN_CLASSROOM);
    return true;
}

bool classroom_ui_resume(App *app)
{
    ClassroomUi *c = &app->classroom;
    char path[PATHS_MAX];
    classroom_ui_state_path(app, path, sizeof path);
    int n = 0;
    QuizPick *picks = all_picks(app, &n);
    if (!picks) {
        app_warn(app, "Out of memory.");
        return false;
    }
    DiagList diags = DIAGLIST_INIT;
    ClassLoadStatus status = CLASS_LOAD_FAILED;
    ClassGame *g = classroom_load(picks, n, app->io, path, (time_t)app_wall_time(app), app->now_ms,
                                  &diags, &status);
    for (size_t i = 0; i < diags.count; i++) {
        app_warn(app, "%s", diags.items[i].message);
    }
    diag_list_free(&diags);
    if (!g) {
        free(picks);
        if (status == CLASS_LOAD_MISSING) {
            app_warn(app, "There is no saved classroom game to resume.");
        }
        c->has_saved = status == CLASS_LOAD_PACK_CHANGED;
        return false;
    }
    classroom_ui_free(app);
    c->game = g;
    c->picks = picks;
    c->pick_count = n;
    c->config = *classroom_config(g);
    reset_view(app);
    c->has_saved = false;
    app_switch(app, SCREEN_CLASSROOM);
    return true;
}

void classroom_ui_save(App *app)
{
    ClassroomUi *c = &app->classroom;
    char path[PATHS_MAX];
    classroom_ui_state_path(app, path, sizeof path);
    if (!c->game || !path[0]) {
        return;
    }
    ClassStep s = classroom_step(c->game);
    if (s == CLASS_STEP_END_PODIUM || s == CLASS_STEP_END_SUMMARY) {
        return; /* the end: the results hold the game */
    }
    if (c->save_blocked) {
        return; /* said once, when the game started */
    }
    SaveError e;
    c->saved_ms = app->now_ms;
    if (!save_make_parent_dirs(app->io, path, &e) ||
        !classroom_save(c->game, app->io, path, app->now_ms, &e)) {
        if (!c->save_warned) {
            app_warn(app, "The game could not be saved for resuming: %s", e.message);
        }
        c->save_warned = true;
    }
}

void classroom_ui_write_results(App *app)
{
    ClassroomUi *c = &app->classroom;
    if (!c->game || c->results_done) {
        return;
    }
    char fallback[PATHS_MAX];
    classroom_ui_default_results(app, fallback, sizeof fallback);
    const char *dir = app->opt.results_dir ? app->opt.results_dir
                      : c->results_dir[0]  ? c->results_dir
                                           : fallback;
    ClassResultFiles files;
    memset(&files, 0, sizeof files);
    SaveError e;
    memset(&e, 0, sizeof e);
    bool ok = classroom_write_results(c->game, app->io, dir, fallback, (time_t)app_wall_time(app),
                                      &files, &e);
    c->results_done = true;
    c->results_failed = !ok;
    c->results_fell_back = ok && files.fell_back;
    str_copy(c->results, sizeof c->results, ok ? files.results : "");
    str_copy(c->summary, sizeof c->summary, ok ? files.summary : "");
    if (!ok || files.fell_back) {
        app_warn(app, "%s", e.message);
    }
    char path[PATHS_MAX];
    classroom_ui_state_path(app, path, sizeof path);
    if (ok && path[0] && !c->save_blocked) {
        classroom_forget(app->io, path);
    }
}

void classroom_ui_end(App *app, bool results)
{
    ClassroomUi *c = &app->classroom;
    if (results) {
        classroom_ui_write_results(app);
    }
    char path[PATHS_MAX];
    classroom_ui_state_path(app, path, sizeof path);
    if (path[0] && (!results || !c->results_failed) && !c->save_blocked) {
        classroom_forget(app->io, path); /* a blocked game never wrote it: the file is not ours */
    }
    classroom_ui_free(app);
    c->has_saved = false;
}

/* ---- state for scripts ---- */

static void put_yes(char *out, size_t size, bool v)
{
    str_copy(out, size, v ? "yes" : "no");
}

/* "teamN.FIELD": a team's total, name, place, absent, answered, streak. */
static bool team_field(const App *app, const char *f, char *out, size_t size)
{
    const ClassGame *g = app->classroom.game;
    char *end = NULL;
    long n = strtol(f, &end, 10);
    if (end == f || *end != '.' || n < 1 || n > CLASS_TEAMS_MAX) {
        return false;
    }
    int t = (int)n - 1;
    const char *what = end + 1;
    if (strcmp(what, "name") == 0) {
        str_copy(out, size, g ? classroom_team_name(g, t) : app->classroom.config.team_names[t]);
    } else if (strcmp(what, "total") == 0) {
        str_format(out, size, "%ld", g ? classroom_team_total(g, t) : 0L);
    } else if (strcmp(what, "streak") == 0) {
        str_format(out, size, "%d", g ? classroom_team_streak(g, t) : 0);
    } else if (strcmp(what, "absent") == 0) {
        put_yes(out, size, g && classroom_team_is_absent(g, t));
    } else if (strcmp(what, "answered") == 0) {
        put_yes(out, size, g && classroom_has_answered(g, t));
    } else if (strcmp(what, "locked") == 0) {
        put_yes(out, size, g && classroom_is_locked(g, t));
    } else if (strcmp(what, "place") == 0) {
        ClassRank r[CLASS_TEAMS_MAX];
        int k = g ? classroom_ranking(g, r) : 0;
        str_copy(out, size, "0");
        for (int i = 0; i < k; i++) {
            if (r[i].team == t) {
                str_format(out, size, "%d", r[i].place);
            }
        }
    } else {
        return false;
    }
    return true;
}

/* The right answer of the question shown, as letters ("B") or T/F; a testing aid. */
static void right_letters(const ClassGame *g, char *out, size_t size)
{
    int pos = classroom_position(g);
    const Question *q = classroom_question(g, pos);
    const uint8_t *order = classroom_choice_order(g, pos);
    size_t len = 0;
    out[0] = '\0';
    if (!q) {
        return;
    }
    if (q->type == QTYPE_TRUEFALSE) {
        str_copy(out, size, q->truth ? "T" : "F");
    } else if (q->type == QTYPE_SINGLE || q->type == QTYPE_MULTI) {
        for (int p = 0; p < q->choice_count && len + 1 < size; p++) {
            if (q->correct & (1u << order[p])) {
                out[len++] = (char)('A' + p);
            }
        }
        out[len] = '\0';
    } else if (q->type == QTYPE_TEXT) {
        str_copy(out, size, q->answers[0]);
    } else if (q->type == QTYPE_NUMBER) {
        str_copy(out, size, q->number_text);
    } else if (q->type == QTYPE_ORDER) {
        /* the screen positions, listed in the right order */
        for (int k = 0; k < q->choice_count && len < size; k++) {
            for (int p = 0; p < q->choice_count; p++) {
                if (order[p] == k) {
                    int w = snprintf(out + len, size - len, "%d", p + 1);
                    len += w > 0 ? (size_t)w : 0;
                }
            }
        }
    }
}

static int answered_count(const ClassGame *g)
{
    int n = 0;
    for (int t = 0; t < classroom_team_count(g); t++) {
        n += classroom_has_answered(g, t);
    }
    return n;
}

bool classroom_ui_state(const App *app, const char *field, char *out, size_t size)
{
    const ClassroomUi *c = &app->classroom;
    const ClassGame *g = c->game;
    out[0] = '\0';
    if (strncmp(field, "class.", 6) != 0) {
        return false;
    }
    const char *f = field + 6;
    int pos = g ? classroom_position(g) : 0;
    const Question *q = g ? classroom_question(g, pos) : NULL;
    static const char *const menus[CLASS_MENU_COUNT] = {"none", "open", "confirm"};
    if (strcmp(f, "step") == 0) {
        str_copy(out, size, g ? classroom_step_name(classroom_step(g)) : "");
    } else if (strcmp(f, "mode") == 0) {
        str_copy(out, size, classroom_mode_name(g ? classroom_config(g)->mode : c->config.mode));
    } else if (strcmp(f, "position") == 0) {
        int count = g ? classroom_question_count(g) : 0;
        str_format(out, size, "%d", !g ? 0 : pos < count ? pos + 1 : count);
    } else if (strcmp(f, "count") == 0) {
        str_format(out, size, "%d", g ? classroom_question_count(g) : 0);
    } else if (strcmp(f, "question") == 0) {
        str_copy(out, size, q ? q->id : "");
    } else if (strcmp(f, "type") == 0) {
        str_copy(out, size, q ? question_type_name(q->type) : "");
    } else if (strcmp(f, "answer") == 0) {
        if (g) {
            right_letters(g, out, size);
        }
    } else if (strcmp(f, "teams") == 0) {
        str_format(out, size, "%d", g ? classroom_team_count(g) : c->config.team_count);
    } else if (strncmp(f, "team", 4) == 0 && f[4] >= '1' && f[4] <= '9') {
        return team_field(app, f + 4, out, size);
    } else if (strcmp(f, "buzzer") == 0 || strcmp(f, "turn") == 0) {
        str_format(out, size, "%d", g ? classroom_active_team(g, NULL) + 1 : 0);
    } else if (strcmp(f, "answered") == 0) {
        str_format(out, size, "%d", g ? answered_count(g) : 0);
    } else if (strcmp(f, "timer") == 0) {
        long left = g ? classroom_time_left(g, app->now_ms) : -1;
        str_format(out, size, "%ld", left < 0 ? 0 : (left + 999) / 1000);
    } else if (strcmp(f, "paused") == 0) {
        put_yes(out, size, g && classroom_is_paused(g));
    } else if (strcmp(f, "results") == 0) {
        str_copy(out, size, c->results);
    } else if (strcmp(f, "summary") == 0) {
        str_copy(out, size, c->summary);
    } else if (strcmp(f, "fellback") == 0) {
        put_yes(out, size, c->results_fell_back);
    } else if (strcmp(f, "black") == 0) {
        put_yes(out, size, c->black);
    } else if (strcmp(f, "help") == 0) {
        put_yes(out, size, c->help);
    } else if (strcmp(f, "menu") == 0) {
        str_copy(out, size, menus[c->menu]);
    } else if (strcmp(f, "saved") == 0) {
        put_yes(out, size, c->has_saved);
    } else if (strcmp(f, "notice") == 0) {
        str_copy(out, size, app->now_ms < c->notice_until ? c->notice : "");
    } else if (strcmp(f, "marks") == 0) {
        str_format(out, size, "%u", (unsigned)c->marks);
    } else if (strcmp(f, "typed") == 0) {
        str_copy(out, size, c->typing ? c->typed : "");
    } else if (strcmp(f, "cursor") == 0) {
        str_format(out, size, "%d", c->team_cursor + 1);
    } else {
        return false;
    }
    return true;
}
