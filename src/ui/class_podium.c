/* class_podium.c - the scores on the projector: the scoreboard after each question (top N),
 * the podium for the top three with the full ranking below, and the per-question summary that
 * shows the teacher what to revisit, with where the results were saved. Draws only. */
#include <stdio.h>
#include <string.h>

#include "ui/class_view.h"

/* A team's total and (when `delta`) this question's points: "925  (+925)". */
static void score_text(const App *app, const ClassRank *rk, bool delta, char *out, size_t size)
{
    const ClassGame *g = app->classroom.game;
    ClassTeamResult res;
    int pos = classroom_position(g);
    if (delta && classroom_team_result(g, pos, rk->team, &res) && res.outcome == CLASS_OUT_SCORED) {
        snprintf(out, size, "%ld  (%+d)", rk->total, res.line.delta);
    } else {
        snprintf(out, size, "%ld", rk->total);
    }
}

/* The room for the score at the right of a ranking row `w` wide. */
static int score_room(const App *app, int w)
{
    return w * 30 / 100 - class_u(app, 1.2f);
}

/* The one text size of `n` ranking rows of `w` x `h`: every score fits at it. */
static int rank_size(App *app, const ClassRank *rk, int n, bool delta, int w, int h)
{
    char scores[CLASS_TEAMS_MAX][64];
    const char *sp[CLASS_TEAMS_MAX];
    for (int i = 0; i < n; i++) {
        score_text(app, &rk[i], delta, scores[i], sizeof scores[i]);
        sp[i] = scores[i];
    }
    int max = h * 55 / 100, min = class_u(app, 2.8f);
    int size =
        class_fit_size(app, FACE_BOLD, min < max ? min : max, max, score_room(app, w), sp, n);
    return size ? size : min;
}

/* One ranking row: place, badge, name, total and (when `delta`) this question's points, all at
 * `text` (rank_size); a long name is cut. */
static void rank_row(App *app, SDL_Rect r, const ClassRank *rk, bool delta, int text)
{
    const ClassTheme *t = class_theme();
    const ClassGame *g = app->classroom.game;
    draw_fill(app, r, t->panel);
    int pad = class_u(app, 1.2f);
    char num[32];
    snprintf(num, sizeof num, "%d", rk->place);
    int pw = r.h * 13 / 10;
    class_draw_line(app, FACE_BOLD, text, t->accent, r.x + pw / 2, r.y + r.h / 2, pw, ALIGN_CENTER,
                    num);
    SDL_Rect badge = {r.x + pw, r.y + pad / 2, r.h - pad, r.h - pad};
    class_draw_badge(app, badge, rk->team);
    int nx = badge.x + badge.w + pad;
    int score_w = r.w * 30 / 100;
    char name[CLASS_NAME_BYTES];
    class_team_label(app, classroom_team_name(g, rk->team), rk->team, name, sizeof name);
    class_draw_line(app, FACE_BOLD, text, t->text, nx, r.y + r.h / 2,
                    r.x + r.w - score_w - nx - pad, ALIGN_LEFT, name);
    char score[64];
    score_text(app, rk, delta, score, sizeof score);
    class_draw_line(app, FACE_BOLD, text, t->text, r.x + r.w - pad, r.y + r.h / 2,
                    score_room(app, r.w), ALIGN_RIGHT, score);
}

static void heading(App *app, SDL_Rect *a, const char *text)
{
    int h = class_u(app, 7);
    class_draw_line_in(app, FACE_BOLD, class_u(app, 4), class_u(app, 5.5f), class_theme()->text,
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
    int size = rank_size(app, r, n, true, w, rh);
    for (int i = 0; i < n; i++) {
        rank_row(app, (SDL_Rect){a.x + (a.w - w) / 2, a.y + i * (rh + gap), w, rh}, &r[i], true,
                 size);
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
    text_draw_box(app->text, FACE_REGULAR, col, r, class_u(app, 2.6f), class_u(app, 3.2f),
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
    /* one size for the three names and one for their points */
    char names[3][CLASS_NAME_BYTES], totals[3][32];
    const char *np[3], *tp[3];
    for (int i = 0; i < cols; i++) {
        class_team_label(app, classroom_team_name(g, r[i].team), r[i].team, names[i],
                         sizeof names[i]);
        snprintf(totals[i], sizeof totals[i], "%ld points", r[i].total);
        np[i] = names[i];
        tp[i] = totals[i];
    }
    int name_size =
        class_fit_size(app, FACE_BOLD, class_u(app, 2.8f), class_u(app, 3.6f), bw, np, cols);
    name_size = name_size ? name_size : class_u(app, 2.8f);
    int total_size =
        class_fit_size(app, FACE_REGULAR, class_u(app, 2.8f), class_u(app, 3), bw, tp, cols);
    total_size = total_size ? total_size : class_u(app, 2.8f);
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
        class_draw_line(app, FACE_BOLD, name_size, t->text, block.x + bw / 2,
                        badge.y + b + class_u(app, 2.3f), bw, ALIGN_CENTER, names[i]);
        class_draw_line(app, FACE_REGULAR, total_size, t->dim, block.x + bw / 2,
                        badge.y + b + class_u(app, 6.6f), bw, ALIGN_CENTER, totals[i]);
    }
    int y = a.y + ph + class_u(app, 2);
    int rcols = rest > 2 ? 2 : 1;
    int rw = (a.w - gap * (rcols - 1)) / rcols;
    int rest_size = rest > 0 ? rank_size(app, r + 3, rest, false, rw, class_u(app, 6)) : 0;
    rest_size = rest_size > class_u(app, 3.4f) ? class_u(app, 3.4f) : rest_size;
    for (int i = 3; i < n; i++) {
        int k = i - 3;
        SDL_Rect row = {a.x + (k % rcols) * (rw + gap), y + (k / rcols) * class_u(app, 7), rw,
                        class_u(app, 6)};
        rank_row(app, row, &r[i], false, rest_size);
    }
    results_line(app, (SDL_Rect){a.x, a.y + a.h - foot, a.w, foot});
}

/* The summary table: one text size for every cell of a page, rows two lines high so that a
 * cell wraps rather than shrinks; a prompt too long for its two lines is shortened. */
static int summary_text(const App *app)
{
    return class_u(app, 3.2f);
}

static int summary_min(const App *app)
{
    return class_u(app, 2.8f);
}

static int summary_row_h(const App *app)
{
    return 2 * text_line_height(app->text, FACE_REGULAR, summary_text(app)) + class_u(app, 1.2f);
}

/* Heights above and below the rows: the heading, the column titles, the results line. */
static int summary_head_h(const App *app)
{
    return class_u(app, 8) + class_u(app, 5);
}

static int summary_foot_h(const App *app)
{
    return class_u(app, 7) + class_u(app, 1);
}

static int summary_rows(const App *app, SDL_Rect a)
{
    int avail = a.h - summary_head_h(app) - summary_foot_h(app);
    int n = avail / (summary_row_h(app) + class_u(app, 0.8f));
    return n < 1 ? 1 : n;
}

int class_summary_pages(const App *app, SDL_Rect content)
{
    int n = classroom_question_count(app->classroom.game);
    int per = summary_rows(app, content);
    return (n + per - 1) / per;
}

/* Writes `s` into `out`, shortened with an ellipsis (at a character) until it fits a w x h box
 * wrapped at `size`. */
static void shorten_to_box(App *app, TextFace face, int size, const char *s, int w, int h,
                           char *out, size_t out_size)
{
    snprintf(out, out_size, "%s", s);
    size_t keep = strlen(out);
    while (keep > 0 && !text_fit(app->text, face, out, w, h, size, size).fits) {
        keep = keep > 16 ? keep - keep / 8 : keep - 1;
        while (keep > 0 && ((unsigned char)s[keep] & 0xC0) == 0x80) {
            keep--;
        }
        snprintf(out, out_size, "%.*s\xE2\x80\xA6", (int)keep, s);
    }
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
    SDL_Rect all = a;
    heading(app, &a, title);
    int pad = class_u(app, 1);
    int rh = summary_row_h(app), gap = class_u(app, 0.8f);
    int num_w = class_u(app, 7), pct_w = class_u(app, 17);
    int prompt_w = (a.w - num_w - pct_w) * 55 / 100;
    int wrong_w = a.w - num_w - pct_w - prompt_w;
    int first = page * per, last = classroom_question_count(g);
    last = last < first + per ? last : first + per;
    /* the cells of this page, then one size for all of them: the largest at which every
     * wrong answer fits its cell (the prompts are shortened to fit instead) */
    enum { SUMMARY_ROWS_MAX = 16 };
    ClassSummary sums[SUMMARY_ROWS_MAX];
    char wrong[SUMMARY_ROWS_MAX][600];
    SDL_Rect box_p = {0, 0, prompt_w - 2 * pad, rh - pad};
    SDL_Rect box_w = {0, 0, wrong_w - 3 * pad, rh - pad};
    int size = summary_text(app);
    last = last < first + SUMMARY_ROWS_MAX ? last : first + SUMMARY_ROWS_MAX;
    for (int i = first; i < last; i++) {
        ClassSummary *s = &sums[i - first];
        memset(s, 0, sizeof *s);
        classroom_summary(g, i, s);
        if (s->wrong[0]) {
            snprintf(wrong[i - first], sizeof wrong[i - first], "%s (%d)", s->wrong,
                     s->wrong_count);
        } else {
            snprintf(wrong[i - first], sizeof wrong[i - first], "\xE2\x80\x94");
        }
        TextLayout lay = text_fit(app->text, FACE_REGULAR, wrong[i - first], box_w.w, box_w.h,
                                  summary_min(app), summary_text(app));
        size = lay.size < size ? lay.size : size;
    }
    int hy = a.y + class_u(app, 2.5f);
    class_draw_line(app, FACE_BOLD, size, t->dim, a.x + num_w + pad, hy, prompt_w, ALIGN_LEFT,
                    "Question");
    class_draw_line(app, FACE_BOLD, size, t->dim, a.x + num_w + prompt_w + pct_w - pad, hy, pct_w,
                    ALIGN_RIGHT, "Right");
    class_draw_line(app, FACE_BOLD, size, t->dim, a.x + a.w - wrong_w + 2 * pad, hy,
                    wrong_w - 2 * pad, ALIGN_LEFT, "Top wrong answer");
    int y = a.y + class_u(app, 5);
    for (int i = first; i < last; i++) {
        const ClassSummary *s = &sums[i - first];
        SDL_Rect row = {a.x, y, a.w, rh};
        draw_fill(app, row, t->panel);
        const Question *q = classroom_question(g, i);
        char buf[600];
        snprintf(buf, sizeof buf, "%d", i + 1);
        class_draw_line(app, FACE_BOLD, size, t->accent, row.x + num_w / 2, row.y + rh / 2, num_w,
                        ALIGN_CENTER, buf);
        shorten_to_box(app, FACE_REGULAR, size, q->prompt, box_p.w, box_p.h, buf, sizeof buf);
        text_draw_box(app->text, FACE_REGULAR, t->text,
                      (SDL_Rect){row.x + num_w + pad, row.y + pad / 2, box_p.w, box_p.h}, size,
                      size, ALIGN_LEFT, true, buf);
        SDL_Color col = !s->asked ? t->dim : s->percent_right >= 50 ? t->right : t->wrong;
        if (s->asked) {
            snprintf(buf, sizeof buf, "%s %d %%",
                     s->percent_right >= 50 ? "\xE2\x9C\x94" : "\xE2\x9C\x98", s->percent_right);
        } else {
            snprintf(buf, sizeof buf, "skipped");
        }
        class_draw_line(app, FACE_BOLD, size, col, row.x + num_w + prompt_w + pct_w - pad,
                        row.y + rh / 2, pct_w - pad, ALIGN_RIGHT, buf);
        shorten_to_box(app, FACE_REGULAR, size, wrong[i - first], box_w.w, box_w.h, buf,
                       sizeof buf);
        text_draw_box(
            app->text, FACE_REGULAR, t->text,
            (SDL_Rect){row.x + a.w - wrong_w + 2 * pad, row.y + pad / 2, box_w.w, box_w.h}, size,
            size, ALIGN_LEFT, true, buf);
        y += rh + gap;
    }
    int foot = class_u(app, 7);
    results_line(app, (SDL_Rect){all.x, all.y + all.h - foot, all.w, foot});
}
