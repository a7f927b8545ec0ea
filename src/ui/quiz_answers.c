/* quiz_answers.c - the quiz screen's answer areas: choice tiles (letter, shape and colour), the
 * text field with its keypad, and the rows of a list to put in order. Draws only; the answer
 * itself changes in screen_quiz.c. */
#include <stdio.h>
#include <string.h>

#include "ui/draw.h"
#include "ui/hud.h"
#include "ui/keypad.h"
#include "ui/quiz_answers.h"

int quiz_answers_choice_count(const Question *q)
{
    return q->type == QTYPE_TRUEFALSE ? 2 : q->choice_count;
}

/* A choice tile: a coloured badge with the shape and letter, the text beside it. */
static void draw_choice(App *app, SDL_Rect r, int pos, const char *label, bool picked, bool focused,
                        bool checkbox, int text_size)
{
    const Theme *t = &app->theme;
    bool hover = app_hot_hovered(app, 1);
    SDL_Color col = t->choice[pos % 8];
    draw_fill(app, r, picked ? t->panel_hi : hover ? t->panel_hi : t->panel);
    int bw = r.h < draw_u(app, 12) ? r.h : draw_u(app, 12);
    SDL_Rect badge = {r.x, r.y, bw, r.h};
    draw_fill(app, badge, col);
    int s = bw * 45 / 100;
    draw_shape(app, (Shape)(pos % SHAPE_COUNT),
               (SDL_Rect){badge.x + (bw - s) / 2, badge.y + r.h / 2 - s + s / 8, s, s},
               (SDL_Color){255, 255, 255, 235});
    char letter[8];
    snprintf(letter, sizeof letter, "%c", hud_letter(pos));
    int ls = bw * 30 / 100;
    text_draw_line_fit(app->text, FACE_BOLD, ls, (SDL_Color){255, 255, 255, 255}, badge.x + bw / 2,
                       badge.y + r.h / 2 + ls * 7 / 10, bw, ALIGN_CENTER, letter);
    int pad = draw_u(app, 1.5f);
    int x = r.x + bw + pad;
    if (checkbox) {
        int cb = draw_u(app, 4);
        SDL_Rect box = {x, r.y + (r.h - cb) / 2, cb, cb};
        draw_outline(app, box, t->text, draw_u(app, 0.4f));
        if (picked) {
            int in = cb / 4;
            draw_fill(app, (SDL_Rect){box.x + in, box.y + in, cb - 2 * in, cb - 2 * in}, t->text);
        }
        x += cb + pad;
    }
    SDL_Rect tb = {x, r.y + pad / 2, r.x + r.w - x - pad, r.h - pad};
    text_draw_box(app->text, FACE_REGULAR, t->text, tb, draw_u(app, 1.8f), text_size, ALIGN_LEFT,
                  true, label);
    if (focused) {
        draw_outline(app, r, t->text, draw_u(app, 0.5f));
    }
    if (picked && checkbox) {
        draw_outline(app, r, col, draw_u(app, 0.3f));
    }
    app_hot_add(app, "choice", NULL, pos + 1, r);
}

static void draw_choices(App *app, const Question *q, const QuizItem *item, SDL_Rect area)
{
    QuizRun *r = &app->run;
    int n = quiz_answers_choice_count(q);
    int cols = n >= 3 ? 2 : n;
    if (area.w < area.h) {
        cols = 1; /* a tall narrow window: one column */
    }
    int rows = (n + cols - 1) / cols;
    int gap = draw_u(app, 1.5f);
    int cw = (area.w - gap * (cols - 1)) / cols;
    int ch = (area.h - gap * (rows - 1)) / rows;
    if (ch > draw_u(app, 16)) {
        ch = draw_u(app, 16);
    }
    const char *labels[PACK_CHOICES_MAX];
    for (int p = 0; p < n; p++) {
        labels[p] = q->type == QTYPE_TRUEFALSE ? (p == 0 ? "True" : "False")
                                               : q->choices[item->choice_order[p]];
    }
    /* one text size for every tile, so no answer looks bigger than the others */
    int size = draw_u(app, 4.2f);
    for (int p = 0; p < n; p++) {
        int bw = ch < draw_u(app, 12) ? ch : draw_u(app, 12);
        int extra = q->type == QTYPE_MULTI ? draw_u(app, 5.5f) : 0;
        TextLayout lay =
            text_fit(app->text, FACE_REGULAR, labels[p], cw - bw - draw_u(app, 3) - extra,
                     ch - draw_u(app, 1.5f), draw_u(app, 1.8f), size);
        if (lay.size < size) {
            size = lay.size;
        }
    }
    for (int p = 0; p < n; p++) {
        int c = p % cols, row = p / cols;
        SDL_Rect tile = {area.x + c * (cw + gap), area.y + row * (ch + gap), cw, ch};
        bool picked = (r->picked & (1u << p)) != 0;
        draw_choice(app, tile, p, labels[p], picked, r->show_cursor && r->cursor == p,
                    q->type == QTYPE_MULTI, size);
    }
}

static void draw_field(App *app, const Question *q, SDL_Rect area)
{
    const Theme *t = &app->theme;
    QuizRun *r = &app->run;
    int fh = draw_u(app, 10);
    if (fh > area.h) {
        fh = area.h;
    }
    SDL_Rect field = {area.x, area.y + draw_u(app, 2), area.w, fh};
    draw_fill(app, field, t->panel);
    draw_outline(app, field, t->accent, draw_u(app, 0.4f));
    app_hot_add(app, "field", NULL, 0, field);
    int pad = draw_u(app, 2);
    char shown[PACK_TEXT_MAX + 160];
    SDL_Rect tb = {field.x + pad, field.y, field.w - 2 * pad, field.h};
    /* a steady caret (a blinking one would keep an idle window redrawing); when the answer is
     * longer than the field holds, its end shows, after a mark */
    const char *tail = r->typed;
    for (;;) {
        snprintf(shown, sizeof shown, "%s%s%s\xE2\x80\x8A|", tail == r->typed ? "" : "\xE2\x80\xA6",
                 tail, r->composition);
        if (!*tail || text_fit(app->text, FACE_REGULAR, shown, tb.w, tb.h, draw_u(app, 1.8f),
                               draw_u(app, 4.5f))
                          .fits) {
            break;
        }
        size_t len = strlen(tail);
        tail += len > 8 ? len / 4 : 1;
        while (((unsigned char)*tail & 0xC0) == 0x80) {
            tail++;
        }
    }
    if (q->type == QTYPE_NUMBER && q->unit) {
        int uw = text_width(app->text, FACE_REGULAR, draw_u(app, 4), q->unit) + pad;
        if (uw < tb.w / 3) {
            tb.w -= uw;
            text_draw_line_fit(app->text, FACE_REGULAR, draw_u(app, 4), t->dim,
                               field.x + field.w - pad, field.y + field.h / 2, uw, ALIGN_RIGHT,
                               q->unit);
        }
    }
    text_draw_box(app->text, FACE_REGULAR, t->text, tb, draw_u(app, 1.8f), draw_u(app, 4.5f),
                  ALIGN_LEFT, true, shown);
    SDL_SetTextInputRect(&field);
    char hint[160];
    if (r->typed_full) {
        /* text typed or pasted past the limit is not taken: say so rather than drop it quietly */
        snprintf(hint, sizeof hint, "\xE2\x9A\xA0 The answer is at its limit of %d bytes: nothing more fits",
                 (int)PACK_TEXT_MAX);
    } else {
        snprintf(hint, sizeof hint, "%s",
                 q->type == QTYPE_NUMBER ? "Type a number and press Enter"
                                         : "Type your answer and press Enter");
    }
    int hy = field.y + field.h + draw_u(app, 1);
    int hs = draw_u(app, 2.6f);
    text_draw_line_fit(app->text, FACE_REGULAR, hs, r->typed_full ? t->warn : t->dim, area.x,
                       hy + hs / 2, area.w, ALIGN_LEFT, hint);
    int ky = hy + hs + draw_u(app, 1.5f);
    keypad_draw(app, (SDL_Rect){area.x, ky, area.w, area.y + area.h - ky}, q->type == QTYPE_NUMBER);
}

static void draw_order(App *app, const Question *q, SDL_Rect area)
{
    const Theme *t = &app->theme;
    QuizRun *r = &app->run;
    int n = q->choice_count;
    int gap = draw_u(app, 1);
    int rh = (area.h - gap * (n - 1)) / n;
    if (rh > draw_u(app, 10)) {
        rh = draw_u(app, 10);
    }
    r->rows_y0 = area.y;
    r->row_h = rh + gap;
    int arrows = draw_u(app, 7);
    int size = draw_u(app, 3.8f);
    for (int i = 0; i < n; i++) {
        TextLayout lay = text_fit(app->text, FACE_REGULAR, q->choices[r->order[i]],
                                  area.w - 2 * arrows - draw_u(app, 12), rh - draw_u(app, 1),
                                  draw_u(app, 1.8f), size);
        size = lay.size < size ? lay.size : size;
    }
    for (int i = 0; i < n; i++) {
        SDL_Rect row = {area.x, area.y + i * (rh + gap), area.w - 2 * arrows - gap, rh};
        bool dragging = r->drag_row == i;
        if (dragging) {
            row.y = r->drag_y - rh / 2;
        }
        bool focus = r->cursor == i;
        draw_fill(app, row, focus && r->grabbed ? t->panel_hi : t->panel);
        SDL_Rect num = {row.x, row.y, draw_u(app, 8), rh};
        draw_fill(app, num, t->choice[i % 8]);
        char label[16];
        snprintf(label, sizeof label, "%d", i + 1);
        text_draw_line_fit(app->text, FACE_BOLD, rh / 2, (SDL_Color){255, 255, 255, 255},
                           num.x + num.w / 2, num.y + rh / 2, num.w, ALIGN_CENTER, label);
        SDL_Rect tb = {row.x + num.w + draw_u(app, 1.5f), row.y, row.w - num.w - draw_u(app, 3),
                       rh};
        text_draw_box(app->text, FACE_REGULAR, t->text, tb, draw_u(app, 1.8f), size, ALIGN_LEFT,
                      true, q->choices[r->order[i]]);
        if (focus) {
            draw_outline(app, row, r->grabbed ? t->accent : t->text, draw_u(app, 0.5f));
        }
        app_hot_add(app, "item", NULL, i + 1, row);
        SDL_Rect up = {area.x + area.w - 2 * arrows, area.y + i * (rh + gap), arrows - gap, rh};
        SDL_Rect down = {up.x + arrows, up.y, arrows - gap, rh};
        draw_fill(app, up, i > 0 ? t->panel : t->bg);
        draw_fill(app, down, i < n - 1 ? t->panel : t->bg);
        if (i > 0) {
            text_draw_line_fit(app->text, FACE_BOLD, rh / 2, t->text, up.x + up.w / 2,
                               up.y + rh / 2, up.w, ALIGN_CENTER, "\xE2\x96\xB2");
            app_hot_add(app, "item-up", NULL, i + 1, up);
        }
        if (i < n - 1) {
            text_draw_line_fit(app->text, FACE_BOLD, rh / 2, t->text, down.x + down.w / 2,
                               down.y + rh / 2, down.w, ALIGN_CENTER, "\xE2\x96\xBC");
            app_hot_add(app, "item-down", NULL, i + 1, down);
        }
    }
}

void quiz_answers_draw(App *app, const QuizItem *item, SDL_Rect area)
{
    const Question *q = item->pick.question;
    switch (q->type) {
    case QTYPE_TEXT:
    case QTYPE_NUMBER:
        draw_field(app, q, area);
        break;
    case QTYPE_ORDER:
        draw_order(app, q, area);
        break;
    default:
        draw_choices(app, q, item, area);
        break;
    }
}
