/* class_steps_draw.c - the steps of one classroom question on the projector: the question alone,
 * the choices with each pad's button next to them, the buzzer holder shown big, the answers'
 * bar chart, the right answer marked (symbol, word and colour) and the explanation.
 * Draws only; never changes the game. */
#include <stdio.h>
#include <string.h>

#include "core/strbuf.h"
#include "ui/class_view.h"

static int choice_total(const Question *q)
{
    switch (q->type) {
    case QTYPE_TRUEFALSE:
        return 2;
    case QTYPE_SINGLE:
    case QTYPE_MULTI:
    case QTYPE_ORDER:
        return q->choice_count;
    default:
        return 0;
    }
}

static const char *choice_label(const ClassGame *g, const Question *q, int pos)
{
    if (q->type == QTYPE_TRUEFALSE) {
        return pos == 0 ? "True" : "False";
    }
    return q->choices[classroom_choice_order(g, classroom_position(g))[pos]];
}

static bool position_right(const ClassGame *g, const Question *q, int pos)
{
    if (q->type == QTYPE_TRUEFALSE) {
        return (pos == 0) == q->truth;
    }
    if (q->type == QTYPE_SINGLE || q->type == QTYPE_MULTI) {
        return (q->correct >> classroom_choice_order(g, classroom_position(g))[pos]) & 1u;
    }
    return false;
}

/* The buttons and keys that answer position `pos`: each plugged pad's own face button name
 * ("A", "Cross"), without repeats, then the keyboard pads' keys. "" when none. */
static void answer_keys(const App *app, int pos, char *out, size_t size)
{
    const ClassroomUi *c = &app->classroom;
    ClassMode mode = classroom_config(c->game)->mode;
    out[0] = '\0';
    if (mode != CLASS_PADS || pos > 3 || classroom_step(c->game) >= CLASS_STEP_REVEAL ||
        !classroom_pad_ok(c->game, classroom_position(c->game))) {
        return;
    }
    static const SDL_GameControllerButton face[4] = {
        SDL_CONTROLLER_BUTTON_A, SDL_CONTROLLER_BUTTON_B, SDL_CONTROLLER_BUTTON_X,
        SDL_CONTROLLER_BUTTON_Y};
    size_t len = 0;
    const char *seen[PADS_MAX];
    int nseen = 0;
    for (int s = 0; s < PADS_MAX; s++) {
        if (!app->pads.pad[s]) {
            continue;
        }
        const char *label = pads_face_label(&app->pads, s, face[pos]);
        bool dup = false;
        for (int k = 0; k < nseen; k++) {
            dup = dup || strcmp(seen[k], label) == 0;
        }
        if (!dup && len < size) {
            seen[nseen++] = label;
            int w = snprintf(out + len, size - len, "%s%s", len ? " / " : "", label);
            len += w > 0 ? (size_t)w : 0;
        }
    }
    static const char *const keys[2][4] = {{"1", "2", "3", "4"}, {"7", "8", "9", "0"}};
    for (int k = 0; k < CLASS_UI_KEYPADS && len < size; k++) {
        if (c->keypad_team[k] >= 0) {
            int w = snprintf(out + len, size - len, "%skey %s", len ? " / " : "", keys[k][pos]);
            len += w > 0 ? (size_t)w : 0;
        }
    }
}

typedef enum TileLook { TILE_PLAIN, TILE_REVEAL } TileLook;

/* Where a tile's parts go: the choice badge, the keys chip, the "Right" mark and the text. */
typedef struct TileParts {
    SDL_Rect badge, chip, text;
    int mark_w;
    char keys[96];
} TileParts;

static TileParts tile_parts(App *app, SDL_Rect r, int pos, TileLook look, bool right)
{
    TileParts p;
    int bw = r.h * 9 / 10;
    if (bw > r.w / 4) {
        bw = r.w / 4;
    }
    p.badge = (SDL_Rect){r.x, r.y, bw, r.h};
    int pad = class_u(app, 1.2f);
    answer_keys(app, pos, p.keys, sizeof p.keys);
    int kw = 0;
    p.chip = (SDL_Rect){0, 0, 0, 0};
    if (p.keys[0]) {
        int ks = class_u(app, 2.8f);
        kw = text_width(app->text, FACE_BOLD, ks, p.keys) + 2 * pad;
        if (kw > r.w / 3) {
            kw = r.w / 3;
        }
        p.chip = (SDL_Rect){r.x + r.w - kw - pad / 2, r.y + (r.h - ks * 3 / 2) / 2, kw, ks * 3 / 2};
        kw += pad;
    }
    p.mark_w = 0;
    if (look == TILE_REVEAL && right) {
        p.mark_w = class_u(app, 22);
        if (p.mark_w > r.w / 3) {
            p.mark_w = r.w / 3;
        }
    }
    p.text =
        (SDL_Rect){r.x + bw + pad, r.y + pad / 2, r.w - bw - 2 * pad - kw - p.mark_w, r.h - pad};
    return p;
}

/* Draws a tile; `size` is the one text size of every tile, `one_line` when every label fits on
 * one line at it. */
static void draw_tile(App *app, SDL_Rect r, int pos, const char *label, int size, bool one_line,
                      TileLook look, bool right, bool marked)
{
    const ClassTheme *t = class_theme();
    bool dim = look == TILE_REVEAL && !right;
    draw_fill(app, r, marked ? t->panel_hi : t->panel);
    TileParts p = tile_parts(app, r, pos, look, right);
    class_draw_choice_badge(app, p.badge, pos);
    int pad = class_u(app, 1.2f);
    if (p.keys[0]) {
        draw_fill(app, p.chip, t->bg);
        draw_outline(app, p.chip, t->dim, class_u(app, 0.25f));
        class_draw_line_in(app, FACE_BOLD, class_u(app, 2.6f), class_u(app, 2.8f), t->text,
                           p.chip.x + p.chip.w / 2, p.chip.y + p.chip.h / 2, p.chip.w - pad,
                           ALIGN_CENTER, p.keys);
    }
    if (p.mark_w) {
        int right_x = p.chip.w ? p.chip.x - pad / 2 : r.x + r.w - pad;
        class_draw_line_in(app, FACE_BOLD, class_u(app, 3), class_u(app, 4), t->right, right_x,
                           r.y + r.h / 2, p.mark_w, ALIGN_RIGHT, "\xE2\x9C\x94 Right");
    }
    SDL_Color col = dim ? t->dim : t->text;
    if (one_line) {
        class_draw_line(app, FACE_REGULAR, size, col, p.text.x, p.text.y + p.text.h / 2, p.text.w,
                        ALIGN_LEFT, label);
    } else {
        text_draw_box(app->text, FACE_REGULAR, col, p.text, size, size, ALIGN_LEFT, true, label);
    }
    if (look == TILE_REVEAL && right) {
        draw_outline(app, r, t->right, class_u(app, 0.8f));
    }
    if (marked) {
        draw_outline(app, r, t->accent, class_u(app, 0.5f));
    }
    app_hot_add(app, "choice", NULL, pos + 1, r);
}

/* Rows and columns of `n` tiles in `area`. */
static void grid(const SDL_Rect *area, int n, int *cols, int *rows)
{
    *cols = n >= 3 && area->w > area->h ? 2 : (n == 2 && area->w > area->h ? 2 : 1);
    *rows = n > 0 ? (n + *cols - 1) / *cols : 0;
}

static void draw_tiles(App *app, const Question *q, SDL_Rect area, TileLook look)
{
    const ClassroomUi *c = &app->classroom;
    int n = choice_total(q);
    int cols, rows;
    grid(&area, n, &cols, &rows);
    int gap = class_u(app, 1.2f);
    int cw = (area.w - gap * (cols - 1)) / cols;
    int th = (area.h - gap * (rows - 1)) / rows;
    SDL_Rect tiles[PACK_CHOICES_MAX];
    for (int p = 0; p < n; p++) {
        tiles[p] =
            (SDL_Rect){area.x + (p % cols) * (cw + gap), area.y + (p / cols) * (th + gap), cw, th};
    }
    /* one text size for every tile, measured in each tile's own text box, so no answer looks
     * bigger than the others; one line each when that still reads well (3.2 %), so that no
     * answer wraps beside others that do not, else wrapped at the smallest size that fits */
    int max = class_u(app, 5), min = class_u(app, 2.6f);
    int one = max, wrapped = max;
    for (int p = 0; p < n; p++) {
        TileParts tp = tile_parts(app, tiles[p], p, look, position_right(c->game, q, p));
        const char *label = choice_label(c->game, q, p);
        int s1 = class_fit_size(app, FACE_REGULAR, min, max, tp.text.w, &label, 1);
        one = s1 < one ? s1 : one;
        TextLayout lay = text_fit(app->text, FACE_REGULAR, label, tp.text.w, tp.text.h, min, max);
        wrapped = lay.size < wrapped ? lay.size : wrapped;
    }
    bool one_line = one >= class_u(app, 3.2f) || (one > 0 && one >= wrapped);
    int size = one_line ? one : wrapped;
    for (int p = 0; p < n; p++) {
        draw_tile(app, tiles[p], p, choice_label(c->game, q, p), size, one_line, look,
                  position_right(c->game, q, p), (c->marks >> p) & 1u);
    }
}

static void draw_prompt(App *app, SDL_Rect box, const Question *q, int max)
{
    text_draw_box(app->text, FACE_BOLD, class_theme()->text, box, class_min_text(app), max,
                  ALIGN_CENTER, true, q->prompt);
}

/* The right answer written out, with the letters of the right choices first. */
static void right_text(const ClassGame *g, const Question *q, char *out, size_t size)
{
    StrBuf sb = STRBUF_INIT;
    classroom_right_answer_text(q, &sb);
    char letters[16] = "";
    size_t n = 0;
    for (int p = 0; p < choice_total(q) && q->type != QTYPE_ORDER && n + 2 < sizeof letters; p++) {
        if (position_right(g, q, p)) {
            letters[n++] = (char)('A' + p);
        }
    }
    letters[n] = '\0';
    snprintf(out, size, "\xE2\x9C\x94 Right answer: %s%s%s", letters, n ? " \xC2\xB7 " : "",
             strbuf_cstr(&sb));
    strbuf_free(&sb);
}

static void draw_answer_panel(App *app, SDL_Rect r, const char *text)
{
    const ClassTheme *t = class_theme();
    draw_fill(app, r, t->panel);
    draw_fill(app, (SDL_Rect){r.x, r.y, class_u(app, 1), r.h}, t->right);
    int pad = class_u(app, 2);
    text_draw_box(app->text, FACE_BOLD, t->right, (SDL_Rect){r.x + pad, r.y, r.w - 2 * pad, r.h},
                  class_u(app, 3.2f), class_u(app, 6), ALIGN_LEFT, true, text);
}

/* A big band: the buzzer holder with its time, or a step's headline. */
static void draw_band(App *app, SDL_Rect r, int team, const char *text, SDL_Color col)
{
    const ClassTheme *t = class_theme();
    draw_fill(app, r, t->panel_hi);
    int x = r.x + class_u(app, 1.5f);
    if (team >= 0) {
        class_draw_badge(app, (SDL_Rect){x, r.y + r.h / 10, r.h * 8 / 10, r.h * 8 / 10}, team);
        x += r.h;
    }
    class_draw_line_in(app, FACE_BOLD, class_min_text(app), r.h * 60 / 100, col, x, r.y + r.h / 2,
                       r.x + r.w - x - class_u(app, 1.5f), ALIGN_LEFT, text);
}

/* What the teacher does on this question, in a line under the choices. */
static void entry_hint(const App *app, const Question *q, char *out, size_t size)
{
    const ClassroomUi *c = &app->classroom;
    const ClassGame *g = c->game;
    ClassMode mode = classroom_config(g)->mode;
    int team = class_entry_team(app);
    const char *name = team >= 0 ? classroom_team_name(g, team) : "";
    out[0] = '\0';
    if (c->typing) {
        snprintf(out, size, "Typing %s's answer: Enter to record it, Esc to cancel", name);
    } else if (mode == CLASS_BUZZER && team < 0) {
        snprintf(out, size, "Ring in: keys 1-%d or any button on your pad",
                 classroom_team_count(g));
    } else if (mode == CLASS_PADS && classroom_pad_ok(g, classroom_position(g))) {
        snprintf(out, size, "Answer on your pad; the screen shows who has answered, not what");
    } else if (team >= 0 && (q->type == QTYPE_TEXT || q->type == QTYPE_NUMBER)) {
        snprintf(out, size, "Enter: type %s's answer", name);
    } else if (team >= 0 && q->type == QTYPE_ORDER) {
        snprintf(out, size, "Enter: type %s's order as letters, first to last", name);
    } else if (team >= 0 && q->type == QTYPE_MULTI) {
        snprintf(out, size, "%s: mark with A-%c, then Enter", name, 'A' + q->choice_count - 1);
    } else if (team >= 0) {
        snprintf(out, size, "%s answers: A-%c%s", name, 'A' + choice_total(q) - 1,
                 q->type == QTYPE_TRUEFALSE ? ", or T / F" : "");
    }
    if (mode == CLASS_PADS && !classroom_pad_ok(g, classroom_position(g)) && team >= 0 &&
        !c->typing) {
        size_t n = strlen(out);
        snprintf(out + n, size - n, "   (\xE2\x86\x91\xE2\x86\x93 choose the team)");
    }
}

static void draw_typed(App *app, SDL_Rect r)
{
    const ClassTheme *t = class_theme();
    draw_fill(app, r, t->bg);
    draw_outline(app, r, t->accent, class_u(app, 0.5f));
    char shown[CLASS_TEXT_MAX + 64];
    snprintf(shown, sizeof shown, "%s|%s", app->classroom.typed,
             app->classroom.typed_full ? "   \xE2\x9A\xA0 full" : "");
    int pad = class_u(app, 1.5f);
    text_draw_box(app->text, FACE_BOLD, t->text, (SDL_Rect){r.x + pad, r.y, r.w - 2 * pad, r.h},
                  class_u(app, 3), class_u(app, 6), ALIGN_LEFT, true, shown);
    SDL_SetTextInputRect(&r);
}

/* READING, ANSWERING, CLOSED and REVEAL: the question over its choices. */
static void draw_asking(App *app, SDL_Rect a, const Question *q)
{
    const ClassroomUi *c = &app->classroom;
    const ClassGame *g = c->game;
    const ClassTheme *t = class_theme();
    ClassStep s = classroom_step(g);
    if (s == CLASS_STEP_READING) {
        draw_prompt(app, a, q, class_max_text(app));
        return;
    }
    int gap = class_u(app, 1.2f);
    int n = choice_total(q);
    int cols, rows;
    grid(&a, n, &cols, &rows);
    uint32_t buzz_ms = 0;
    int holder = classroom_config(g)->mode == CLASS_BUZZER && s == CLASS_STEP_ANSWERING
                     ? classroom_active_team(g, &buzz_ms)
                     : -1;
    int band_h = holder >= 0 || s == CLASS_STEP_CLOSED ? class_u(app, 10) : 0;
    int field_h = c->typing ? class_u(app, 9) : 0;
    int hint_h = s == CLASS_STEP_ANSWERING ? class_u(app, 4.5f) : 0;
    bool reveal_panel = s == CLASS_STEP_REVEAL && n == 0;
    if (reveal_panel) {
        band_h = class_u(app, 14);
    }
    int extras = (band_h ? band_h + gap : 0) + (field_h ? field_h + gap : 0) + hint_h;
    /* the choices shrink (to a floor) until the question fits at 5 % line height */
    int tile = class_u(app, 13);
    int want = class_u(app, 4.4f);
    for (;;) {
        int qh = a.h - extras - rows * (tile + gap);
        TextLayout lay = text_fit(app->text, FACE_BOLD, q->prompt, a.w, qh, class_min_text(app),
                                  class_max_text(app));
        if ((lay.fits && lay.size >= want) || tile <= class_u(app, 7)) {
            break;
        }
        tile -= class_u(app, 0.5f);
    }
    int qh = a.h - extras - rows * (tile + gap);
    draw_prompt(app, (SDL_Rect){a.x, a.y, a.w, qh}, q, class_max_text(app));
    int y = a.y + qh + gap;
    if (n > 0) {
        int th = rows * tile + (rows - 1) * gap;
        draw_tiles(app, q, (SDL_Rect){a.x, y, a.w, th},
                   s == CLASS_STEP_REVEAL ? TILE_REVEAL : TILE_PLAIN);
        y += th + gap;
    }
    char text[600];
    if (holder >= 0) {
        char name[CLASS_NAME_BYTES];
        class_team_label(app, classroom_team_name(g, holder), holder, name, sizeof name);
        snprintf(text, sizeof text, "%s rang in at %u.%u s", name, buzz_ms / 1000,
                 buzz_ms % 1000 / 100);
        draw_band(app, (SDL_Rect){a.x, y, a.w, band_h}, holder, text, t->accent);
        y += band_h + gap;
    } else if (s == CLASS_STEP_CLOSED) {
        bool up = classroom_time_left(g, app->now_ms) == 0;
        draw_band(app, (SDL_Rect){a.x, y, a.w, band_h}, -1,
                  up ? "\xE2\x97\xB7 Time is up" : "\xE2\x9C\x94 Answers are in", t->text);
        y += band_h + gap;
    } else if (reveal_panel) {
        right_text(g, q, text, sizeof text);
        draw_answer_panel(app, (SDL_Rect){a.x, y, a.w, band_h}, text);
        y += band_h + gap;
    }
    if (field_h) {
        draw_typed(app, (SDL_Rect){a.x, y, a.w, field_h});
        y += field_h + gap;
    }
    if (hint_h) {
        entry_hint(app, q, text, sizeof text);
        if (app->now_ms < c->notice_until) {
            snprintf(text, sizeof text, "%s", c->notice);
        }
        class_draw_line_in(app, FACE_BOLD, class_u(app, 2.6f), class_u(app, 3.2f), t->accent,
                           a.x + a.w / 2, y + hint_h / 2, a.w, ALIGN_CENTER, text);
    }
}

static void draw_distribution(App *app, SDL_Rect a, const Question *q)
{
    const ClassGame *g = app->classroom.game;
    const ClassTheme *t = class_theme();
    int counts[PACK_CHOICES_MAX] = {0};
    int n = classroom_distribution(g, classroom_position(g), counts);
    int total = 0;
    for (int p = 0; p < n; p++) {
        total += counts[p];
    }
    int qh = a.h * 30 / 100;
    draw_prompt(app, (SDL_Rect){a.x, a.y, a.w, qh}, q, class_u(app, 6));
    int gap = class_u(app, 1.2f);
    int y = a.y + qh + gap;
    int rh = (a.y + a.h - y - gap * (n - 1)) / (n > 0 ? n : 1);
    if (rh > class_u(app, 12)) {
        rh = class_u(app, 12);
    }
    int label_w = a.w * 40 / 100;
    int pad = class_u(app, 1.2f);
    /* one size for every choice's label */
    const char *labels[PACK_CHOICES_MAX];
    for (int p = 0; p < n; p++) {
        labels[p] = choice_label(g, q, p);
    }
    int size = class_fit_size(app, FACE_REGULAR, class_u(app, 2.6f), class_u(app, 4),
                              label_w - rh - 2 * pad, labels, n);
    size = size ? size : class_u(app, 2.6f);
    for (int p = 0; p < n; p++) {
        SDL_Rect row = {a.x, y + p * (rh + gap), a.w, rh};
        class_draw_choice_badge(app, (SDL_Rect){row.x, row.y, rh, rh}, p);
        class_draw_line(app, FACE_REGULAR, size, t->text, row.x + rh + pad, row.y + rh / 2,
                        label_w - rh - 2 * pad, ALIGN_LEFT, labels[p]);
        int num_w = class_u(app, 16);
        SDL_Rect bar = {row.x + label_w, row.y + rh / 6, a.w - label_w - num_w, rh * 2 / 3};
        draw_fill(app, bar, t->bar_bg);
        SDL_Rect fill = bar;
        fill.w = total > 0 ? bar.w * counts[p] / total : 0;
        if (fill.w > 0) {
            draw_fill(app, fill, class_choice_color(p));
        }
        char num[32];
        snprintf(num, sizeof num, "%d", counts[p]);
        text_draw_line_fit(app->text, FACE_BOLD, class_u(app, 5), t->text, a.x + a.w,
                           row.y + rh / 2, num_w - pad, ALIGN_RIGHT, num);
    }
}

static void draw_explain(App *app, SDL_Rect a, const Question *q)
{
    const ClassGame *g = app->classroom.game;
    const ClassTheme *t = class_theme();
    const Pack *pack = classroom_question_pack(g, classroom_position(g));
    int gap = class_u(app, 1.5f);
    int qh = a.h * 20 / 100;
    int ah = a.h * 18 / 100;
    int sh = class_u(app, 5.5f);
    /* the question again, as a reminder, only when the explanation still fits beside it */
    TextLayout fit = text_fit(app->text, FACE_REGULAR, q->explain, a.w,
                              a.h - qh - ah - sh - 3 * gap, class_min_text(app), class_u(app, 6));
    if (fit.fits) {
        text_draw_box(app->text, FACE_BOLD, t->dim, (SDL_Rect){a.x, a.y, a.w, qh},
                      class_min_text(app), class_u(app, 5), ALIGN_CENTER, true, q->prompt);
    } else {
        qh = -gap;
    }
    int y = a.y + qh + gap;
    char text[600];
    right_text(g, q, text, sizeof text);
    draw_answer_panel(app, (SDL_Rect){a.x, y, a.w, ah}, text);
    y += ah + gap;
    SDL_Rect eb = {a.x, y, a.w, a.y + a.h - y - sh - gap};
    text_draw_box(app->text, FACE_REGULAR, t->text, eb, class_min_text(app), class_u(app, 6),
                  ALIGN_LEFT, true, q->explain);
    snprintf(text, sizeof text, "%s%s%s",
             pack && pack->article ? "Article section: " : "Source: ", q->source, "");
    class_draw_line_in(app, FACE_BOLD, class_u(app, 2.6f), class_u(app, 3.5f), t->accent, a.x,
                       a.y + a.h - sh / 2, a.w, ALIGN_LEFT, text);
}

void class_draw_question_step(App *app, SDL_Rect content)
{
    const ClassGame *g = app->classroom.game;
    const Question *q = classroom_question(g, classroom_position(g));
    if (!q) {
        return;
    }
    switch (classroom_step(g)) {
    case CLASS_STEP_DISTRIBUTION:
        draw_distribution(app, content, q);
        break;
    case CLASS_STEP_EXPLAIN:
        draw_explain(app, content, q);
        break;
    default:
        draw_asking(app, content, q);
        break;
    }
}
