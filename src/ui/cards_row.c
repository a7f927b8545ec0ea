/* cards_row.c - the flashcard screen's bottom row: which buttons it holds, which has the
 * keyboard focus, and drawing them (grade buttons show their key and interval). Changes
 * nothing in the study session. */
#include <stdio.h>
#include <string.h>

#include "ui/cards.h"
#include "ui/draw.h"

static const char *const button_arg[CARD_BTN_COUNT] = {"",     "undo", "suspend", "flip", "again",
                                                       "hard", "good", "easy",    "back"};
static const char *const button_name[CARD_BTN_COUNT] = {
    "", "Undo", "Suspend", "Show answer", "Again", "Hard", "Good", "Easy", "End"};

const char *cards_button_arg(CardButton b)
{
    return b > CARD_BTN_NONE && b < CARD_BTN_COUNT ? button_arg[b] : "";
}

const char *cards_button_name(CardButton b)
{
    return b > CARD_BTN_NONE && b < CARD_BTN_COUNT ? button_name[b] : "";
}

const Question *cards_shown(const App *app, const Pack **pack)
{
    const Pack *p = NULL;
    const Question *q = app->study.active ? study_question(app, &p) : NULL;
    if (pack) {
        *pack = p;
    }
    return q;
}

bool cards_two_grades(const App *app)
{
    return app->settings.two_buttons || app->study.cram;
}

bool cards_can_undo(const App *app)
{
    const StudyState *st = &app->study;
    return st->active && st->pos > 0 && (st->cram || st->undo_count > 0);
}

int cards_row(const App *app, CardButton out[CARDS_ROW_MAX])
{
    int n = 0;
    if (!cards_shown(app, NULL)) {
        if (cards_can_undo(app)) {
            out[n++] = CARD_BTN_UNDO;
        }
        out[n++] = CARD_BTN_BACK;
        return n;
    }
    out[n++] = CARD_BTN_UNDO;
    out[n++] = CARD_BTN_SUSPEND;
    if (!app->study.flipped) {
        out[n++] = CARD_BTN_FLIP;
    } else if (cards_two_grades(app)) {
        out[n++] = CARD_BTN_AGAIN;
        out[n++] = CARD_BTN_GOOD;
    } else {
        for (int b = CARD_BTN_AGAIN; b <= CARD_BTN_EASY; b++) {
            out[n++] = (CardButton)b;
        }
    }
    out[n++] = CARD_BTN_BACK;
    return n;
}

CardButton cards_focused(const App *app)
{
    CardButton row[CARDS_ROW_MAX];
    int n = cards_row(app, row);
    for (int i = 0; i < n; i++) {
        if ((int)row[i] == app->cards_view.focus) {
            return row[i];
        }
    }
    if (!cards_shown(app, NULL)) {
        return CARD_BTN_BACK;
    }
    return app->study.flipped ? CARD_BTN_GOOD : CARD_BTN_FLIP;
}

static bool is_grade(CardButton b)
{
    return b >= CARD_BTN_AGAIN && b <= CARD_BTN_EASY;
}

/* A grade's label: "Good · 3 d", or just "Good" in cram (nothing is scheduled there). */
static void grade_label(const App *app, CardButton b, int days, char *out, size_t size)
{
    char when[32];
    if (app->study.cram) {
        snprintf(out, size, "%s", button_name[b]);
    } else {
        cards_interval_text(days, when, sizeof when);
        snprintf(out, size, "%s \xC2\xB7 %s", button_name[b], when);
    }
}

/* A grade button: its key in the corner, the label at `size`, a strip in the grade's colour. */
static void draw_grade(App *app, SDL_Rect r, CardButton b, int key, const char *label, int size,
                       bool focus)
{
    const Theme *t = &app->theme;
    const SDL_Color strip[] = {t->wrong, t->warn, t->right, t->accent};
    bool hover = app_hot_hovered(app, 1);
    draw_fill(app, r, hover || focus ? t->panel_hi : t->panel);
    int sh = draw_u(app, 0.7f);
    draw_fill(app, (SDL_Rect){r.x, r.y + r.h - sh, r.w, sh}, strip[b - CARD_BTN_AGAIN]);
    char num[16];
    snprintf(num, sizeof num, "%d", key);
    text_draw(app->text, FACE_REGULAR, draw_u(app, 2.2f), t->dim, r.x + draw_u(app, 0.8f),
              r.y + draw_u(app, 0.4f), ALIGN_LEFT, num);
    text_draw_line_fit(app->text, FACE_BOLD, size, t->text, r.x + r.w / 2, r.y + (r.h - sh) / 2,
                       r.w - 2 * draw_u(app, 2.5f), ALIGN_CENTER, label);
    if (focus) {
        draw_outline(app, r, t->text, draw_u(app, 0.4f));
    }
    app_hot_add(app, "button", button_arg[b], 0, r);
}

/* The largest size up to `size` at which every grade label fits `max_w`: one size for all, so
 * no grade looks weightier than another. */
static int grade_size(App *app, char labels[][96], int n, int max_w, int size)
{
    for (int i = 0; i < n; i++) {
        int w = text_width(app->text, FACE_BOLD, size, labels[i]);
        while (w > max_w && size > 6) {
            size = size * max_w / w < size ? size * max_w / w : size - 1;
            size = size < 6 ? 6 : size;
            w = text_width(app->text, FACE_BOLD, size, labels[i]);
        }
    }
    return size;
}

/* Undo and Suspend sit on the left, End on the right, the main buttons (Show answer, the
 * grades, or Back to the menu) in the middle. */
void cards_draw_row(App *app, SDL_Rect span)
{
    CardButton row[CARDS_ROW_MAX];
    int n = cards_row(app, row);
    CardButton f = cards_focused(app);
    bool card = cards_shown(app, NULL) != NULL;
    int gap = draw_u(app, 1.2f), group = draw_u(app, 3);
    int side = draw_u(app, 14);
    int sides = 0, mains = 0;
    for (int i = 0; i < n; i++) {
        bool mid = is_grade(row[i]) || row[i] == CARD_BTN_FLIP || !card;
        mains += mid;
        sides += !mid;
    }
    if (sides > 0) { /* the middle keeps at least about half the row */
        int most = (span.w * 55 / 100 - 2 * group - gap) / sides;
        side = side > most ? most : side;
    }
    int lefts = sides > 0 && card ? sides - 1 : sides; /* End is the one on the right */
    int rights = sides - lefts;
    int left_w = lefts * side + (lefts > 1 ? (lefts - 1) * gap : 0);
    int region_x = span.x + (lefts ? left_w + group : 0);
    int region_w = span.x + span.w - (rights ? side + group : 0) - region_x;
    int mw = mains > 0 ? (region_w - (mains - 1) * gap) / mains : 0;
    int cap = draw_u(app, mains <= 2 ? 36 : 30);
    mw = mw > cap ? cap : mw;
    int main_total = mains * mw + (mains - 1) * gap;
    int main_x = region_x + (region_w - main_total) / 2;
    int left_x = span.x;
    int intervals[4] = {0, 0, 0, 0};
    if (card && app->study.flipped) {
        study_preview(app, intervals);
    }
    char labels[CARDS_ROW_MAX][96];
    int grades = 0;
    for (int i = 0; i < n; i++) {
        if (is_grade(row[i])) {
            grade_label(app, row[i], intervals[row[i] - CARD_BTN_AGAIN], labels[grades],
                        sizeof labels[grades]);
            grades++;
        }
    }
    int size = grade_size(app, labels, grades, mw - 2 * draw_u(app, 2.5f), span.h * 38 / 100);
    int key = 0;
    for (int i = 0; i < n; i++) {
        CardButton b = row[i];
        bool focus = b == f;
        SDL_Rect r = {main_x, span.y, mw, span.h};
        if (is_grade(b)) {
            draw_grade(app, r, b, key + 1, labels[key], size, focus);
            key++;
            main_x += mw + gap;
        } else if (b == CARD_BTN_FLIP || !card) {
            bool primary = b != CARD_BTN_UNDO;
            const char *label = b == CARD_BTN_BACK ? "Back to the menu" : button_name[b];
            draw_button(app, r, button_arg[b], label, focus, primary);
            main_x += mw + gap;
        } else if (b == CARD_BTN_BACK) {
            r = (SDL_Rect){span.x + span.w - side, span.y, side, span.h};
            draw_button(app, r, button_arg[b], button_name[b], focus, false);
        } else {
            r = (SDL_Rect){left_x, span.y, side, span.h};
            draw_button(app, r, button_arg[b], button_name[b], focus, false);
            left_x += side + gap;
        }
    }
}
