/* stats_chart.c - the four charts of the statistics screen, drawn with filled rectangles and
 * cached text. Only draws: never changes the game or the counts it is given. Every chart is
 * clipped to its panel, so a bar can never spill into its neighbour. */
#include "ui/stats_chart.h"

#include <math.h>
#include <stdio.h>

#include "ui/draw.h"

enum { FORECAST_LABELS = 5, HISTORY_LABELS = 5, RETENTION_LABELS = 3 };

/* A label under the x axis, centred on bar `index`. */
typedef struct AxisLabel {
    int index;
    const char *text;
} AxisLabel;

/* The sizes shared by every chart: axis labels at 2.3 % of the height (readable at 768 px). */
static int label_size(const App *app)
{
    return draw_u(app, 2.3f);
}

/* Draws the panel's background and title (with `note` right-aligned on the title line, may be
 * NULL), clips drawing to the panel and returns the area below the title. Pair with
 * panel_end. */
static SDL_Rect panel_begin(App *app, SDL_Rect panel, const char *title, const char *note)
{
    const Theme *t = &app->theme;
    draw_fill(app, panel, t->panel);
    SDL_RenderSetClipRect(app->renderer, &panel);
    int pad = draw_u(app, 1.2f);
    int size = draw_u(app, 2.8f);
    int lh = text_line_height(app->text, FACE_BOLD, size);
    int inner_w = panel.w - 2 * pad;
    int note_w = 0;
    if (note && note[0]) {
        note_w = text_width(app->text, FACE_REGULAR, label_size(app), note);
        if (note_w > inner_w * 40 / 100) {
            note_w = inner_w * 40 / 100;
        }
        text_draw_line_fit(app->text, FACE_REGULAR, label_size(app), t->dim,
                           panel.x + panel.w - pad, panel.y + pad + lh / 2, note_w, ALIGN_RIGHT,
                           note);
    }
    text_draw_line_fit(app->text, FACE_BOLD, size, t->text, panel.x + pad, panel.y + pad + lh / 2,
                       inner_w - note_w - (note_w ? pad : 0), ALIGN_LEFT, title);
    int top = panel.y + pad + lh + draw_u(app, 0.8f);
    return (SDL_Rect){panel.x + pad, top, inner_w, panel.y + panel.h - pad - top};
}

static void panel_end(App *app)
{
    SDL_RenderSetClipRect(app->renderer, NULL);
}

/* The line shown instead of a chart that has nothing to show. */
static void empty_state(App *app, SDL_Rect body, const char *text)
{
    text_draw_box(app->text, FACE_REGULAR, app->theme.dim, body, draw_u(app, 2.2f),
                  draw_u(app, 2.8f), ALIGN_CENTER, true, text);
}

/* Left edge of bar slot `i` of `n` across `w` pixels (slots share the width exactly). */
static int slot_x(int x, int w, int n, int i)
{
    return x + (int)lround((double)w * i / n);
}

/* An x-axis label centred under slot `index`, kept inside [plot.x, plot.x + plot.w]. */
static void axis_label(App *app, SDL_Rect plot, int n, int index, int y, const char *text)
{
    int size = label_size(app);
    int w = text_width(app->text, FACE_REGULAR, size, text);
    int cx = (slot_x(plot.x, plot.w, n, index) + slot_x(plot.x, plot.w, n, index + 1)) / 2;
    int x = cx - w / 2;
    if (x + w > plot.x + plot.w) {
        x = plot.x + plot.w - w;
    }
    if (x < plot.x) {
        x = plot.x;
    }
    text_draw(app->text, FACE_REGULAR, size, app->theme.dim, x, y, ALIGN_LEFT, text);
}

/* Vertical bars for `values` (already in display order, left to right) in `body`, scaled to
 * their largest value, which is written on the axis with a thin line at its height. */
static void vertical_bars(App *app, SDL_Rect body, const int *values, int n, SDL_Color fill,
                          const AxisLabel *labels, int label_count)
{
    const Theme *t = &app->theme;
    int size = label_size(app);
    int lh = text_line_height(app->text, FACE_REGULAR, size);
    int max = 1;
    for (int i = 0; i < n; i++) {
        if (values[i] > max) {
            max = values[i];
        }
    }
    char max_text[24];
    snprintf(max_text, sizeof max_text, "%d", max);
    int gutter = text_width(app->text, FACE_REGULAR, size, max_text) + draw_u(app, 1);
    SDL_Rect plot = {body.x + gutter, body.y + lh / 2, body.w - gutter,
                     body.h - lh / 2 - lh - draw_u(app, 0.6f)};
    if (plot.h < 2 || plot.w < n) {
        return;
    }
    int line = draw_u(app, 0.2f);
    int base = plot.y + plot.h;
    /* the scale: the largest value at the top, 0 at the axis */
    draw_fill(app, (SDL_Rect){plot.x, plot.y, plot.w, line}, t->bar_bg);
    text_draw(app->text, FACE_REGULAR, size, t->dim, plot.x - draw_u(app, 0.6f), plot.y - lh / 2,
              ALIGN_RIGHT, max_text);
    text_draw(app->text, FACE_REGULAR, size, t->dim, plot.x - draw_u(app, 0.6f), base - lh / 2,
              ALIGN_RIGHT, "0");
    for (int i = 0; i < n; i++) {
        int x0 = slot_x(plot.x, plot.w, n, i), x1 = slot_x(plot.x, plot.w, n, i + 1);
        int gap = (x1 - x0) / 5;
        if (gap < 1 && x1 - x0 > 2) {
            gap = 1;
        }
        int h = (int)lround((double)values[i] * plot.h / max);
        if (values[i] > 0 && h < 2) {
            h = 2; /* a single review still shows */
        }
        if (h > plot.h) {
            h = plot.h;
        }
        if (h > 0) {
            draw_fill(app, (SDL_Rect){x0 + gap / 2, base - h, x1 - x0 - gap, h}, fill);
        }
    }
    draw_fill(app, (SDL_Rect){plot.x, base, plot.w, line}, t->dim);
    for (int i = 0; i < label_count; i++) {
        axis_label(app, plot, n, labels[i].index, base + line + draw_u(app, 0.3f), labels[i].text);
    }
}

static int sum(const int *values, int n)
{
    int s = 0;
    for (int i = 0; i < n; i++) {
        s += values[i];
    }
    return s;
}

static bool never_reviewed(const DeckStats *st)
{
    return st->learning + st->mature == 0 && sum(st->reviews_per_day, DECK_HISTORY_DAYS) == 0;
}

void stats_chart_forecast(App *app, SDL_Rect panel, const DeckStats *st)
{
    int total = sum(st->forecast, DECK_FORECAST_DAYS);
    char note[48];
    snprintf(note, sizeof note, "%d due", total);
    SDL_Rect body = panel_begin(app, panel, "Due in the next 30 days", total ? note : NULL);
    if (never_reviewed(st)) {
        empty_state(app, body, "No reviews yet: cards appear here once studied");
    } else if (total == 0) {
        empty_state(app, body, "Nothing due in the next 30 days");
    } else {
        static const AxisLabel labels[FORECAST_LABELS] = {
            {0, "today"}, {7, "+7"}, {14, "+14"}, {21, "+21"}, {29, "+29"}};
        vertical_bars(app, body, st->forecast, DECK_FORECAST_DAYS, app->theme.accent, labels,
                      FORECAST_LABELS);
    }
    panel_end(app);
}

void stats_chart_history(App *app, SDL_Rect panel, const DeckStats *st)
{
    /* reviews_per_day[0] is today: reverse it so that time runs left to right */
    int values[DECK_HISTORY_DAYS];
    for (int i = 0; i < DECK_HISTORY_DAYS; i++) {
        values[i] = st->reviews_per_day[DECK_HISTORY_DAYS - 1 - i];
    }
    int total = sum(values, DECK_HISTORY_DAYS);
    char note[48];
    snprintf(note, sizeof note, "%d review%s", total, total == 1 ? "" : "s");
    SDL_Rect body = panel_begin(app, panel, "Reviews, last 30 days", total ? note : NULL);
    if (total == 0) {
        empty_state(app, body,
                    never_reviewed(st) ? "No reviews yet" : "No reviews in the last 30 days");
    } else {
        static const AxisLabel labels[HISTORY_LABELS] = {
            {0, "-29"}, {8, "-21"}, {15, "-14"}, {22, "-7"}, {29, "today"}};
        vertical_bars(app, body, values, DECK_HISTORY_DAYS, app->theme.right, labels,
                      HISTORY_LABELS);
    }
    panel_end(app);
}

/* A horizontal dashed line. */
static void dashed(App *app, int x, int y, int w, int thickness, SDL_Color c)
{
    int dash = draw_u(app, 1), gap = draw_u(app, 0.7f);
    for (int dx = 0; dx < w; dx += dash + gap) {
        int len = dx + dash > w ? w - dx : dash;
        draw_fill(app, (SDL_Rect){x + dx, y, len, thickness}, c);
    }
}

void stats_chart_retention(App *app, SDL_Rect panel, const DeckStats *st, double target)
{
    const Theme *t = &app->theme;
    char note[48];
    snprintf(note, sizeof note, "- - target %d %%", (int)lround(target * 100));
    SDL_Rect body = panel_begin(app, panel, "True retention, mature cards", note);
    if (sum(st->mature_reviews, DECK_RETENTION_WEEKS) == 0) {
        empty_state(app, body,
                    "No reviews of mature cards yet (cards with an interval of 21 days or more)");
        panel_end(app);
        return;
    }
    int size = label_size(app);
    int lh = text_line_height(app->text, FACE_REGULAR, size);
    int gutter = text_width(app->text, FACE_REGULAR, size, "100%") + draw_u(app, 1);
    /* room above the plot for the value over a full bar, below it for the week labels */
    SDL_Rect plot = {body.x + gutter, body.y + lh, body.w - gutter,
                     body.h - lh - lh - draw_u(app, 0.6f)};
    if (plot.h < 2) {
        panel_end(app);
        return;
    }
    int line = draw_u(app, 0.2f);
    int base = plot.y + plot.h;
    static const int marks[3] = {100, 50, 0};
    for (int m = 0; m < 3; m++) {
        int y = base - plot.h * marks[m] / 100;
        char mark[8];
        snprintf(mark, sizeof mark, "%d%%", marks[m]);
        if (marks[m] > 0) {
            draw_fill(app, (SDL_Rect){plot.x, y, plot.w, line}, t->bar_bg);
        }
        text_draw(app->text, FACE_REGULAR, size, t->dim, plot.x - draw_u(app, 0.6f), y - lh / 2,
                  ALIGN_RIGHT, mark);
    }
    const int n = DECK_RETENTION_WEEKS;
    /* "100%" wider than a slot: the numbers go without their sign (the axis has it) */
    bool sign = text_width(app->text, FACE_REGULAR, size, "100%") < plot.w / n;
    for (int i = 0; i < n; i++) {
        int week = n - 1 - i; /* mature_reviews[0] is this week: oldest on the left */
        int x0 = slot_x(plot.x, plot.w, n, i), x1 = slot_x(plot.x, plot.w, n, i + 1);
        int cx = (x0 + x1) / 2;
        int reviews = st->mature_reviews[week];
        if (reviews == 0) {
            text_draw(app->text, FACE_REGULAR, size, t->dim, cx, base - lh, ALIGN_CENTER,
                      "\xE2\x80\x93");
            continue;
        }
        double rate = (double)st->mature_passed[week] / reviews;
        int h = (int)lround(rate * plot.h);
        h = h < 2 ? 2 : h > plot.h ? plot.h : h;
        int bw = (x1 - x0) * 3 / 5;
        SDL_Color fill = rate >= target ? t->right : rate >= target - 0.1 ? t->warn : t->wrong;
        draw_fill(app, (SDL_Rect){cx - bw / 2, base - h, bw, h}, fill);
        char pct[16];
        snprintf(pct, sizeof pct, sign ? "%d%%" : "%d", (int)lround(rate * 100));
        text_draw_line_fit(app->text, FACE_REGULAR, size, t->text, cx, base - h - lh / 2, x1 - x0,
                           ALIGN_CENTER, pct);
    }
    int ty = base - (int)lround(target * plot.h);
    dashed(app, plot.x, ty - line / 2, plot.w, line > 1 ? line : 2, t->text);
    draw_fill(app, (SDL_Rect){plot.x, base, plot.w, line}, t->dim);
    static const AxisLabel labels[RETENTION_LABELS] = {
        {0, "11 wk ago"}, {5, "6 wk ago"}, {11, "this week"}};
    for (int i = 0; i < RETENTION_LABELS; i++) {
        axis_label(app, plot, n, labels[i].index, base + line + draw_u(app, 0.3f), labels[i].text);
    }
    panel_end(app);
}

/* "passed/reviews  NN %" for one topic. */
static void topic_numbers(const DeckTopicStat *ts, char *out, size_t size)
{
    snprintf(out, size, "%d/%d  %d %%", ts->passed, ts->reviews,
             ts->reviews ? (int)lround(100.0 * ts->passed / ts->reviews) : 0);
}

int stats_chart_topics(App *app, SDL_Rect panel, const DeckStats *st, int *first_row)
{
    const Theme *t = &app->theme;
    int size = label_size(app);
    int rh = text_line_height(app->text, FACE_REGULAR, size) + draw_u(app, 1.2f);
    /* the body's height is known only after the title: measure it on a dry run of the sizes */
    int title_h = draw_u(app, 1.2f) + text_line_height(app->text, FACE_BOLD, draw_u(app, 2.8f)) +
                  draw_u(app, 0.8f);
    int fit = (panel.h - title_h - draw_u(app, 1.2f)) / rh;
    int n = (int)st->topic_count;
    int first = *first_row;
    if (first > n - fit) {
        first = n - fit;
    }
    if (first < 0) {
        first = 0;
    }
    *first_row = first;
    char note[48] = "";
    if (n > fit && fit > 0) {
        int last = first + fit < n ? first + fit : n;
        snprintf(note, sizeof note, "%d\xE2\x80\x93%d of %d  \xE2\x86\x91\xE2\x86\x93", first + 1,
                 last, n);
    }
    SDL_Rect body = panel_begin(app, panel, "Accuracy by topic", note);
    if (n == 0) {
        empty_state(app, body, "No reviews yet");
        panel_end(app);
        return fit;
    }
    /* the numbers column as wide as its widest row (within reason), the bars take the rest */
    int num_w = 0;
    char num[48];
    for (int i = first; i < n && i < first + fit; i++) {
        topic_numbers(&st->topics[i], num, sizeof num);
        int w = text_width(app->text, FACE_REGULAR, size, num);
        num_w = w > num_w ? w : num_w;
    }
    num_w += draw_u(app, 1.5f);
    if (num_w > body.w * 36 / 100) {
        num_w = body.w * 36 / 100;
    }
    int name_w = body.w * 32 / 100;
    int bar_w = body.w - name_w - num_w;
    int y = body.y;
    for (int i = first; i < n && y + rh <= body.y + body.h; i++) {
        const DeckTopicStat *ts = &st->topics[i];
        double frac = ts->reviews ? (double)ts->passed / ts->reviews : 0;
        int cy = y + rh / 2;
        text_draw_line_fit(app->text, FACE_REGULAR, size, t->text, body.x, cy,
                           name_w - draw_u(app, 1), ALIGN_LEFT, ts->topic);
        SDL_Color fill = frac >= 0.8 ? t->right : frac >= 0.5 ? t->warn : t->wrong;
        draw_bar(app, (SDL_Rect){body.x + name_w, y + rh / 4, bar_w, rh / 2}, frac, fill);
        topic_numbers(ts, num, sizeof num);
        text_draw_line_fit(app->text, FACE_REGULAR, size, t->text, body.x + body.w, cy,
                           num_w - draw_u(app, 1), ALIGN_RIGHT, num);
        y += rh;
    }
    panel_end(app);
    return fit;
}
