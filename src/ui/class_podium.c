/* class_podium.c - the scores on the projector: the scoreboard after each question (top N),
 * the podium for the top three with the full ranking below, and the per-question summary that
 * shows the teacher what to revisit, with where the results were saved. Draws only. */
#include <stdio.h>
#include <string.h>

#include "ui/class_view.h"

/* One ranking row: place, badge, name, total and (when `delta`) this question's points. */
static void rank_row(App *app, SDL_Rect r, const ClassRank *rk, bool delta, int text)
{
    const ClassTheme *t = class_theme();
    const ClassGame *g = app->classroom.game;
    draw_fill(app, r, t->panel);
    int pad = class_u(app, 1.2f);
    char num[32];
    snprintf(num, sizeof num, "%d", rk->place);
    int pw = r.h * 13 / 10;
    text_draw_line_fit(app->text, FACE_BOLD, text, t->accent, r.x + pw / 2, r.y + r.h / 2, pw,
                       ALIGN_CENTER, num);
    SDL_Rect badge = {r.x + pw, r.y + pad / 2, r.h - pad, r.h - pad};
    class_draw_badge(app, badge, rk->team);
    int nx = badge.x + badge.w + pad;
    int score_w = r.w * 30 / 100;
    char name[CLASS_NAME_BYTES];
    class_team_label(app, classroom_team_name(g, rk->team), rk->team, name, sizeof name);
    text_draw_line_fit(app->text, FACE_BOLD, text, t->text, nx, r.y + r.h / 2,
                       r.x + r.w - score_w - nx - pad, ALIGN_LEFT, name);
    char score[64];
    ClassTeamResult res;
    int pos = classroom_position(g);
    if (delta && classroom_team_result(g, pos, rk->team, &res) && res.outcome == CLASS_OUT_SCORED) {
        snprintf(score, sizeof score, "%ld  (%+d)", rk->total, res.line.delta);
    } else {
        snprintf(score, sizeof score, "%ld", rk->total);
    }
    text_draw_line_fit(app->text, FACE_BOLD, text, t->text, r.x + r.w - pad, r.y + r.h / 2,
                       score_w - pad, ALIGN_RIGHT, score);
}

static void heading(App *app, SDL_Rect *a, const char *text)
{
    int h = class_u(app, 7);
    text_draw_line_fit(app->text, FACE_BOLD, class_u(app, 5.5f), class_theme()->text,
                       a->x + a->w / 2, a->y + h / 2, a->w, ALIGN_CENTER, text);
    a->y += h + class_u(app, 1);
    a->h -= h + class_u(app, 1);
}

void class_draw_scoreboard(App *app, SDL_Rect a)
{
    const ClassGame *g = app->classroom.game;
    ClassRank r[CLASS_TEAMS_MAX];
    int n = classroom_ranking(g, r);
    int top = classroom_config(g)->scoreboard_top;
    if (top > 0 && top < n) {
        n = top;
    }
    heading(app, &a, "Scoreboard");
    int gap = class_u(app, 1);
    int rh = (a.h - gap * (n - 1)) / (n > 0 ? n : 1);
    if (rh > class_u(app, 11)) {
        rh = class_u(app, 11);
    }
    int w = a.w < class_u(app, 150) ? a.w : class_u(app, 150);
    for (int i = 0; i < n; i++) {
        rank_row(app, (SDL_Rect){a.x + (a.w - w) / 2, a.y + i * (rh + gap), w, rh}, &r[i], true,
                 rh * 55 / 100);
    }
}

/* Where the results went, for the end screens. */
static void results_line(App *app, SDL_Rect r)
{
    const ClassroomUi *c = &app->classroom;
    const ClassTheme *t = class_theme();
    char a[PATHS_MAX], text[2 * PATHS_MAX + 200];
    SDL_Color col = t->dim;
    if (c->results_failed) {
        snprintf(text, sizeof text,
                 "\xE2\x9A\xA0 The results could not be saved (see the warning).");
        col = t->warn;
    } else if (c->results[0]) {
        app_short_path(app, c->results, a, sizeof a);
        snprintf(text, sizeof text, "%sResults saved: %s (and the -summary.csv beside it)",
                 c->results_fell_back ? "\xE2\x9A\xA0 Your folder failed; " : "", a);
        col = c->results_fell_back ? t->warn : t->dim;
    } else {
        return;
    }
    text_draw_box(app->text, FACE_REGULAR, col, r, class_u(app, 2.4f), class_u(app, 3.2f),
                  ALIGN_CENTER, true, text);
}

void class_draw_podium(App *app, SDL_Rect a)
{
    const ClassGame *g = app->classroom.game;
    const ClassTheme *t = class_theme();
    ClassRank r[CLASS_TEAMS_MAX];
    int n = classroom_ranking(g, r);
    int foot = class_u(app, 7);
    heading(app, &a, "Final scores");
    int rest = n > 3 ? n - 3 : 0;
    int rows_h = rest > 0 ? (rest <= 2 ? rest : (rest + 1) / 2) * class_u(app, 7) : 0;
    int ph = a.h - foot - rows_h - class_u(app, 2);
    /* 2nd, 1st, 3rd from the left, as on a podium; heights by column */
    static const int order[3] = {1, 0, 2};
    static const int height[3] = {70, 100, 50};
    int cols = n < 3 ? n : 3;
    int bw = a.w / 4;
    int gap = class_u(app, 1.5f);
    int x0 = a.x + (a.w - (3 * bw + 2 * gap)) / 2;
    for (int k = 0; k < 3; k++) {
        int i = order[k];
        if (i >= cols) {
            continue;
        }
        int label_h = class_u(app, 15);
        int block_h = (ph - label_h) * height[k] / 100;
        SDL_Rect block = {x0 + k * (bw + gap), a.y + ph - block_h, bw, block_h};
        draw_fill(app, block, t->panel_hi);
        draw_fill(app, (SDL_Rect){block.x, block.y, block.w, class_u(app, 1)},
                  t->team[r[i].team % CLASS_TEAMS_MAX]);
        char place[16];
        snprintf(place, sizeof place, "%d", r[i].place);
        text_draw_line_fit(
            app->text, FACE_BOLD, block_h > class_u(app, 12) ? class_u(app, 9) : block_h * 6 / 10,
            t->accent, block.x + bw / 2, block.y + block_h / 2, bw, ALIGN_CENTER, place);
        int b = class_u(app, 6);
        SDL_Rect badge = {block.x + (bw - b) / 2, block.y - label_h, b, b};
        class_draw_badge(app, badge, r[i].team);
        char name[CLASS_NAME_BYTES];
        class_team_label(app, classroom_team_name(g, r[i].team), r[i].team, name, sizeof name);
        text_draw_line_fit(app->text, FACE_BOLD, class_u(app, 3.6f), t->text, block.x + bw / 2,
                           badge.y + b + class_u(app, 2.3f), bw, ALIGN_CENTER, name);
        char total[32];
        snprintf(total, sizeof total, "%ld points", r[i].total);
        text_draw_line_fit(app->text, FACE_REGULAR, class_u(app, 3), t->dim, block.x + bw / 2,
                           badge.y + b + class_u(app, 6.6f), bw, ALIGN_CENTER, total);
    }
    int y = a.y + ph + class_u(app, 2);
    int rcols = rest > 2 ? 2 : 1;
    int rw = (a.w - gap * (rcols - 1)) / rcols;
    for (int i = 3; i < n; i++) {
        int k = i - 3;
        SDL_Rect row = {a.x + (k % rcols) * (rw + gap), y + (k / rcols) * class_u(app, 7), rw,
                        class_u(app, 6)};
        rank_row(app, row, &r[i], false, class_u(app, 3.4f));
    }
    results_line(app, (SDL_Rect){a.x, a.y + a.h - foot, a.w, foot});
}

/* The first `max` bytes of `s` (never cutting a character), with an ellipsis when cut, so a long
 * prompt is shortened rather than shrunk. */
static void shorten(const char *s, size_t max, char *out, size_t size)
{
    size_t n = strlen(s);
    if (n <= max) {
        snprintf(out, size, "%s", s);
        return;
    }
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80) {
        max--;
    }
    snprintf(out, size, "%.*s\xE2\x80\xA6", (int)max, s);
}

static int summary_rows(const App *app, SDL_Rect a)
{
    int rh = class_u(app, 6.5f);
    int avail = a.h - class_u(app, 8) - class_u(app, 7) - class_u(app, 6);
    int n = avail / (rh + class_u(app, 0.6f));
    return n < 1 ? 1 : n;
}

int class_summary_pages(const App *app, SDL_Rect content)
{
    int n = classroom_question_count(app->classroom.game);
    int per = summary_rows(app, content);
    return (n + per - 1) / per;
}

void class_draw_summary(App *app, SDL_Rect a)
{
    const ClassroomUi *c = &app->classroom;
    const ClassGame *g = c->game;
    const ClassTheme *t = class_theme();
    int per = summary_rows(app, a);
    int pages = class_summary_pages(app, a);
    int page = c->summary_page < pages ? c->summary_page : pages - 1;
    char title[96];
    if (pages > 1) {
        snprintf(title, sizeof title, "What to revisit (page %d of %d)", page + 1, pages);
    } else {
        snprintf(title, sizeof title, "What to revisit");
    }
    int foot = class_u(app, 7);
    heading(app, &a, title);
    int pad = class_u(app, 1);
    int rh = class_u(app, 6.5f), gap = class_u(app, 0.6f);
    int text = class_u(app, 3);
    int num_w = class_u(app, 7), pct_w = class_u(app, 14);
    int prompt_w = (a.w - num_w - pct_w) * 55 / 100;
    int wrong_w = a.w - num_w - pct_w - prompt_w;
    int hy = a.y + class_u(app, 3);
    text_draw_line_fit(app->text, FACE_BOLD, text, t->dim, a.x + num_w + pad, hy, prompt_w,
                       ALIGN_LEFT, "Question");
    text_draw_line_fit(app->text, FACE_BOLD, text, t->dim, a.x + num_w + prompt_w + pct_w - pad, hy,
                       pct_w, ALIGN_RIGHT, "Right");
    text_draw_line_fit(app->text, FACE_BOLD, text, t->dim, a.x + a.w - wrong_w + 2 * pad, hy,
                       wrong_w - 2 * pad, ALIGN_LEFT, "Most chosen wrong answer");
    int y = a.y + class_u(app, 6);
    int count = classroom_question_count(g);
    for (int i = page * per; i < count && i < (page + 1) * per; i++) {
        SDL_Rect row = {a.x, y, a.w, rh};
        draw_fill(app, row, t->panel);
        const Question *q = classroom_question(g, i);
        ClassSummary s;
        memset(&s, 0, sizeof s);
        classroom_summary(g, i, &s);
        char buf[600];
        snprintf(buf, sizeof buf, "%d", i + 1);
        text_draw_line_fit(app->text, FACE_BOLD, text, t->accent, row.x + num_w / 2, row.y + rh / 2,
                           num_w, ALIGN_CENTER, buf);
        shorten(q->prompt, (size_t)(prompt_w / (text / 2 + 1)), buf, sizeof buf);
        text_draw_line_fit(app->text, FACE_REGULAR, text, t->text, row.x + num_w + pad,
                           row.y + rh / 2, prompt_w - 2 * pad, ALIGN_LEFT, buf);
        SDL_Color col = !s.asked ? t->dim : s.percent_right >= 50 ? t->right : t->wrong;
        if (s.asked) {
            snprintf(buf, sizeof buf, "%s %d %%",
                     s.percent_right >= 50 ? "\xE2\x9C\x94" : "\xE2\x9C\x98", s.percent_right);
        } else {
            snprintf(buf, sizeof buf, "skipped");
        }
        text_draw_line_fit(app->text, FACE_BOLD, text, col, row.x + num_w + prompt_w + pct_w - pad,
                           row.y + rh / 2, pct_w - pad, ALIGN_RIGHT, buf);
        if (s.wrong[0]) {
            char wrong[200];
            shorten(s.wrong, (size_t)(wrong_w / (text / 2 + 1)), wrong, sizeof wrong);
            snprintf(buf, sizeof buf, "%s (%d)", wrong, s.wrong_count);
        } else {
            snprintf(buf, sizeof buf, "\xE2\x80\x94");
        }
        text_draw_line_fit(app->text, FACE_REGULAR, text, t->text, row.x + a.w - wrong_w + 2 * pad,
                           row.y + rh / 2, wrong_w - 3 * pad, ALIGN_LEFT, buf);
        y += rh + gap;
    }
    results_line(app, (SDL_Rect){a.x, a.y + a.h - foot, a.w, foot});
}
