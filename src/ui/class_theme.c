/* class_theme.c - the classroom presentation's frame: a high-contrast theme, team and choice
 * colours and shapes (never colour alone), the layout, the status bar with its big timer, the
 * team strip and the clicker's buttons. Draws only; never changes the game. */
#include <stdio.h>
#include <string.h>

#include "ui/class_view.h"

/* Contrast on bg (8,9,12): text 19.9:1, dim 12.3:1, accent 15.6:1, right 13.0:1, wrong 8.4:1,
 * warn 14.6:1; on panel (30,33,42) each stays above 7:1 (dim 9.9:1, wrong 7.0:1). */
static const ClassTheme theme = {
    .bg = {8, 9, 12, 255},
    .panel = {30, 33, 42, 255},
    .panel_hi = {48, 53, 68, 255},
    .text = {255, 255, 255, 255},
    .dim = {208, 212, 222, 255},
    .accent = {255, 224, 92, 255},
    .right = {96, 236, 140, 255},
    .wrong = {255, 150, 150, 255},
    .warn = {255, 196, 80, 255},
    .bar_bg = {58, 62, 76, 255},
    .ink = {8, 9, 12, 255},
    .team = {{255, 112, 112, 255},
             {110, 180, 255, 255},
             {255, 214, 70, 255},
             {100, 226, 130, 255},
             {205, 150, 255, 255},
             {70, 226, 226, 255},
             {255, 168, 72, 255},
             {255, 140, 214, 255}},
};

static const SDL_Color choice_colors[8] = {
    {255, 112, 112, 255}, {110, 180, 255, 255}, {255, 214, 70, 255}, {100, 226, 130, 255},
    {205, 150, 255, 255}, {70, 226, 226, 255},  {255, 168, 72, 255}, {255, 140, 214, 255},
};

const ClassTheme *class_theme(void)
{
    return &theme;
}

Shape class_team_shape(int team)
{
    static const Shape shapes[CLASS_TEAMS_MAX] = {SHAPE_CIRCLE,  SHAPE_SQUARE,  SHAPE_STAR,
                                                  SHAPE_HEXAGON, SHAPE_DIAMOND, SHAPE_PENTAGON,
                                                  SHAPE_CROSS,   SHAPE_TRIANGLE};
    return shapes[(team < 0 ? 0 : team) % CLASS_TEAMS_MAX];
}

Shape class_choice_shape(int pos)
{
    static const Shape shapes[8] = {SHAPE_TRIANGLE, SHAPE_DIAMOND, SHAPE_CIRCLE, SHAPE_SQUARE,
                                    SHAPE_PENTAGON, SHAPE_HEXAGON, SHAPE_STAR,   SHAPE_CROSS};
    return shapes[(pos < 0 ? 0 : pos) % 8];
}

SDL_Color class_choice_color(int pos)
{
    return choice_colors[(pos < 0 ? 0 : pos) % 8];
}

int class_u(const App *app, float n)
{
    int v = (int)((float)app->h * n / 100.0f + 0.5f);
    return v < 1 ? 1 : v;
}

int class_min_text(const App *app)
{
    return class_u(app, 3.5f);
}

int class_max_text(const App *app)
{
    return class_u(app, 9.0f);
}

static int team_rows(const App *app)
{
    const ClassGame *g = app->classroom.game;
    int n = g ? classroom_team_count(g) : 1;
    return n > 4 && app->w < app->h * 16 / 10 ? 2 : 1;
}

ClassLayout class_layout(const App *app)
{
    ClassLayout l;
    int m = class_u(app, 2);
    l.margin = m;
    l.top = (SDL_Rect){0, 0, app->w, class_u(app, 9)};
    int ch = class_u(app, 7);
    l.controls = (SDL_Rect){0, app->h - ch, app->w, ch};
    int th = class_u(app, 9.5f) * team_rows(app);
    l.teams = (SDL_Rect){m, l.controls.y - class_u(app, 1) - th, app->w - 2 * m, th};
    int cy = l.top.y + l.top.h + class_u(app, 1.5f);
    l.content = (SDL_Rect){m, cy, app->w - 2 * m, l.teams.y - class_u(app, 1.5f) - cy};
    return l;
}

static void draw_timer(App *app, SDL_Rect r)
{
    const ClassGame *g = app->classroom.game;
    ClassStep s = classroom_step(g);
    long left = classroom_time_left(g, app->now_ms);
    char text[64];
    SDL_Color c = theme.text;
    if (classroom_is_paused(g)) {
        snprintf(text, sizeof text, "\xE2\x80\x96 Paused");
        c = theme.warn;
    } else if (s == CLASS_STEP_ANSWERING && classroom_active_team(g, NULL) >= 0 &&
               classroom_config(g)->mode == CLASS_BUZZER) {
        snprintf(text, sizeof text, "\xE2\x80\x96 %ld s", (left + 999) / 1000);
        c = theme.accent;
    } else if (left >= 0) {
        snprintf(text, sizeof text, "%s%ld", s == CLASS_STEP_READING ? "Reading " : "",
                 (left + 999) / 1000);
        c = s == CLASS_STEP_ANSWERING && left <= 5000 ? theme.warn : theme.text;
    } else if (s == CLASS_STEP_ANSWERING) {
        snprintf(text, sizeof text, "No time limit");
    } else {
        return;
    }
    text_draw_line_fit(app->text, FACE_BOLD, r.h * 80 / 100, c, r.x + r.w, r.y + r.h / 2, r.w,
                       ALIGN_RIGHT, text);
}

void class_draw_top(App *app, SDL_Rect r)
{
    const ClassroomUi *c = &app->classroom;
    const ClassGame *g = c->game;
    int m = class_u(app, 2);
    draw_fill(app, r, theme.panel);
    int pos = classroom_position(g), count = classroom_question_count(g);
    char left[96];
    if (pos < count) {
        snprintf(left, sizeof left, "Question %d of %d", pos + 1, count);
    } else {
        snprintf(left, sizeof left, "%d questions played", count);
    }
    int timer_w = r.w * 30 / 100;
    int left_w = r.w * 32 / 100;
    class_draw_line_in(app, FACE_BOLD, class_u(app, 3), class_u(app, 4.2f), theme.text, r.x + m,
                       r.y + r.h / 2, left_w, ALIGN_LEFT, left);
    static const char *const modes[CLASS_MODE_COUNT] = {"Whole class", "Turns", "Buzzer",
                                                        "Answer pads"};
    const Pack *p = classroom_question_pack(g, pos < count ? pos : 0);
    char mid[320];
    snprintf(mid, sizeof mid, "%s \xC2\xB7 %s", modes[classroom_config(g)->mode],
             p ? p->title : "");
    int mid_x = r.x + m + left_w + m;
    int mid_w = r.w - timer_w - left_w - 4 * m;
    /* the pack alone when the mode and the pack do not both fit */
    const char *mids[1] = {mid};
    if (!class_fit_size(app, FACE_REGULAR, class_u(app, 2.6f), class_u(app, 3.2f), mid_w, mids,
                        1) &&
        p) {
        snprintf(mid, sizeof mid, "%s", p->title);
    }
    class_draw_line_in(app, FACE_REGULAR, class_u(app, 2.6f), class_u(app, 3.2f), theme.dim,
                       mid_x + mid_w / 2, r.y + r.h / 2, mid_w, ALIGN_CENTER, mid);
    draw_timer(app, (SDL_Rect){r.x + r.w - m - timer_w, r.y, timer_w, r.h});
    /* a bar under the status bar shows the time left at a glance */
    long left_ms = classroom_time_left(g, app->now_ms);
    const Question *q = classroom_question(g, pos);
    if (classroom_step(g) == CLASS_STEP_ANSWERING && left_ms >= 0 && q && q->time_limit > 0) {
        double total = q->time_limit * 1000.0 * classroom_config(g)->time_percent / 100.0;
        draw_bar(app, (SDL_Rect){0, r.y + r.h, r.w, class_u(app, 0.8f)},
                 total > 0 ? left_ms / total : 0, left_ms <= 5000 ? theme.warn : theme.accent);
    }
}

/* What a team did, for its cell: a symbol and a word, with the colour to draw them in. */
static void team_status(const App *app, int t, char *out, size_t size, SDL_Color *col)
{
    const ClassGame *g = app->classroom.game;
    ClassStep s = classroom_step(g);
    ClassMode mode = classroom_config(g)->mode;
    int pos = classroom_position(g);
    *col = theme.dim;
    out[0] = '\0';
    if (classroom_team_is_absent(g, t)) {
        snprintf(out, size, "\xE2\x9C\x95 absent");
        *col = theme.warn;
        return;
    }
    if (s == CLASS_STEP_READING || s >= CLASS_STEP_END_PODIUM) {
        return;
    }
    if (s >= CLASS_STEP_REVEAL) {
        ClassTeamResult res;
        if (classroom_team_result(g, pos, t, &res) && res.outcome == CLASS_OUT_SCORED) {
            const ScoreLine *l = &res.line;
            if (l->outcome == OUTCOME_RIGHT) {
                snprintf(out, size, "\xE2\x9C\x94 right +%d", l->delta);
                *col = theme.right;
            } else if (l->outcome == OUTCOME_PARTIAL) {
                snprintf(out, size, "\xE2\x97\x90 partly +%d", l->delta);
                *col = theme.warn;
            } else if (l->outcome == OUTCOME_TIMEOUT) {
                snprintf(out, size, "\xE2\x97\xB7 no answer");
                *col = theme.dim;
            } else {
                if (l->delta < 0) {
                    snprintf(out, size, "\xE2\x9C\x98 wrong \xE2\x88\x92%d", -l->delta);
                } else {
                    snprintf(out, size, "\xE2\x9C\x98 wrong");
                }
                *col = theme.wrong;
            }
        }
        return;
    }
    int active = classroom_active_team(g, NULL);
    if (classroom_is_locked(g, t)) {
        snprintf(out, size, "\xE2\x9C\x98 locked out");
        *col = theme.wrong;
    } else if (classroom_has_answered(g, t)) {
        snprintf(out, size, "\xE2\x9C\x94 answered");
        *col = theme.right;
    } else if (active == t && mode == CLASS_BUZZER) {
        snprintf(out, size, "\xE2\x97\x89 rang in");
        *col = theme.accent;
    } else if (active == t) {
        snprintf(out, size, "\xE2\x96\xB6 your turn");
        *col = theme.accent;
    } else if (s == CLASS_STEP_ANSWERING && (mode == CLASS_PADS || mode == CLASS_WHOLE)) {
        snprintf(out, size, "\xE2\x80\xA6 thinking");
    }
}

/* How a team answers, for its cell in pads and buzzer modes: "pad 2", "keys 1-4", "key 3 or
 * pad"; `brief` leaves out "or pad" (the hint line under the choices says it too). */
static void team_input(const App *app, int t, bool brief, char *out, size_t size)
{
    const ClassroomUi *c = &app->classroom;
    ClassMode mode = classroom_config(c->game)->mode;
    out[0] = '\0';
    if (mode == CLASS_PADS) {
        if (classroom_ui_team_pad(app, t) >= 0) {
            snprintf(out, size, "pad %d", t + 1);
        } else if (c->keypad_team[0] == t) {
            snprintf(out, size, "keys 1-4");
        } else if (c->keypad_team[1] == t) {
            snprintf(out, size, "keys 7-0");
        }
    } else if (mode == CLASS_BUZZER) {
        snprintf(out, size,
                 classroom_ui_team_pad(app, t) >= 0 && !brief ? "key %d or pad" : "key %d", t + 1);
    }
}

/* The second line of a team's cell, in one of TEAM_LINE_FORMS wordings from the longest
 * ("0 points · key 1 or pad") to the shortest ("0 pts"); what the team did when there is news. */
enum { TEAM_LINE_FORMS = 4 };
static void team_line(const App *app, int t, int form, char *out, size_t size, SDL_Color *col)
{
    const ClassGame *g = app->classroom.game;
    team_status(app, t, out, size, col);
    if (out[0]) {
        return;
    }
    char input[32] = "";
    if (form < 3) {
        team_input(app, t, form == 2, input, sizeof input);
    }
    snprintf(out, size, "%ld %s%s%s", classroom_team_total(g, t), form == 0 ? "points" : "pts",
             input[0] ? " \xC2\xB7 " : "", input);
    *col = theme.dim;
}

void class_draw_teams(App *app, SDL_Rect r)
{
    const ClassroomUi *c = &app->classroom;
    const ClassGame *g = c->game;
    int n = classroom_team_count(g);
    int rows = team_rows(app);
    int cols = (n + rows - 1) / rows;
    int gap = class_u(app, 0.8f);
    int cw = (r.w - gap * (cols - 1)) / cols;
    int chh = (r.h - gap * (rows - 1)) / rows;
    bool cursor = classroom_config(g)->mode == CLASS_PADS &&
                  classroom_step(g) == CLASS_STEP_ANSWERING &&
                  !classroom_pad_ok(g, classroom_position(g));
    int active = classroom_active_team(g, NULL);
    int b = chh - 2 * gap;
    int tw = cw - 3 * gap - b * 8 / 10;
    /* one size for every name and one for every second line, so no card looks smaller; the
     * second lines take the longest wording that fits every card at that size */
    char names[CLASS_TEAMS_MAX][CLASS_NAME_BYTES], lines[CLASS_TEAMS_MAX][96];
    SDL_Color colors[CLASS_TEAMS_MAX];
    const char *np[CLASS_TEAMS_MAX], *lp[CLASS_TEAMS_MAX];
    for (int t = 0; t < n; t++) {
        class_team_label(app, classroom_team_name(g, t), t, names[t], sizeof names[t]);
        np[t] = names[t];
        lp[t] = lines[t];
    }
    int name_size =
        class_fit_size(app, FACE_BOLD, class_u(app, 2.6f), class_u(app, 3.2f), tw, np, n);
    name_size = name_size ? name_size : class_u(app, 2.6f);
    int line_size = 0;
    for (int form = 0; form < TEAM_LINE_FORMS && !line_size; form++) {
        for (int t = 0; t < n; t++) {
            team_line(app, t, form, lines[t], sizeof lines[t], &colors[t]);
        }
        line_size =
            class_fit_size(app, FACE_BOLD, class_u(app, 2.6f), class_u(app, 2.9f), tw, lp, n);
    }
    line_size = line_size ? line_size : class_u(app, 2.6f);
    for (int t = 0; t < n; t++) {
        SDL_Rect cell = {r.x + (t % cols) * (cw + gap), r.y + (t / cols) * (chh + gap), cw, chh};
        bool hot = active == t || (cursor && c->team_cursor == t);
        draw_fill(app, cell, hot ? theme.panel_hi : theme.panel);
        if (hot) {
            draw_outline(app, cell, theme.accent, class_u(app, 0.5f));
        }
        SDL_Rect badge = {cell.x + gap, cell.y + gap, b * 8 / 10, b};
        class_draw_badge(app, badge, t);
        int tx = badge.x + badge.w + gap;
        class_draw_line(app, FACE_BOLD, name_size, theme.text, tx, cell.y + chh * 27 / 100, tw,
                        ALIGN_LEFT, names[t]);
        class_draw_line(app, FACE_BOLD, line_size, colors[t], tx, cell.y + chh * 72 / 100, tw,
                        ALIGN_LEFT, lines[t]);
        app_hot_add(app, "team", NULL, t + 1, cell);
    }
}

void class_draw_controls(App *app, SDL_Rect r)
{
    const ClassGame *g = app->classroom.game;
    ClassStep s = classroom_step(g);
    const char *args[12], *labels[12];
    int n = 0;
#define ADD(a, l) (args[n] = (a), labels[n] = (l), n++)
    ADD("back", "\xE2\x97\x80 Back");
    if (s == CLASS_STEP_READING || s == CLASS_STEP_ANSWERING) {
        ADD("pause", classroom_is_paused(g) ? "Resume" : "Pause");
        ADD("skip", "Skip");
    }
    if (s == CLASS_STEP_ANSWERING) {
        ADD("less", "\xE2\x88\x92"
                    "10 s");
        ADD("more", "+10 s");
    }
    if (s == CLASS_STEP_ANSWERING || s == CLASS_STEP_CLOSED || s == CLASS_STEP_DISTRIBUTION) {
        ADD("reveal", "Reveal");
    }
    ADD("black", "Black");
    ADD("help", "Help");
    ADD("menu", "Menu");
    ADD("next", "Next \xE2\x96\xB6");
#undef ADD
    int gap = class_u(app, 0.6f);
    int w = (r.w - gap * (n + 1)) / n;
    if (w > class_u(app, 22)) {
        w = class_u(app, 22);
    }
    /* one size for every button: the largest that fits all the labels */
    int size = class_fit_size(app, FACE_BOLD, class_u(app, 2.5f), class_u(app, 3.4f),
                              w - class_u(app, 1), labels, n);
    size = size ? size : class_u(app, 2.5f);
    int x = r.x + (r.w - (w * n + gap * (n - 1))) / 2;
    for (int i = 0; i < n; i++) {
        class_draw_button(app, (SDL_Rect){x + i * (w + gap), r.y, w, r.h - gap}, args[i], labels[i],
                          size, false, strcmp(args[i], "next") == 0);
    }
}
