/* hud.c - the quiz's status bar and countdown, and answers written out for people. */
#include "ui/hud.h"

#include <stdio.h>
#include <string.h>

#include "ui/draw.h"

char hud_letter(int pos)
{
    return (char)('A' + pos);
}

/* Appends "<a><b>" to out, cut at the end of the buffer. */
static void append(char *out, size_t size, size_t *len, const char *a, const char *b)
{
    const char *parts[2] = {a, b};
    for (int i = 0; i < 2; i++) {
        for (const char *p = parts[i]; *p && *len + 1 < size; p++) {
            out[(*len)++] = *p;
        }
    }
    out[*len < size ? *len : size - 1] = '\0';
}

void hud_answer_text(const QuizItem *item, char *out, size_t size)
{
    const Question *q = item->pick.question;
    size_t len = 0;
    out[0] = '\0';
    switch (q->type) {
    case QTYPE_SINGLE:
    case QTYPE_MULTI:
        for (int p = 0; p < q->choice_count; p++) {
            int idx = item->choice_order[p];
            if (q->correct & (1u << idx)) {
                char letter[8] = {hud_letter(p), ' ', '\xC2', '\xB7', ' ', '\0'};
                append(out, size, &len, len ? "; " : "", letter);
                append(out, size, &len, q->choices[idx], "");
            }
        }
        break;
    case QTYPE_TRUEFALSE:
        append(out, size, &len, q->truth ? "True" : "False", "");
        break;
    case QTYPE_TEXT:
        append(out, size, &len, q->answers[0], "");
        break;
    case QTYPE_NUMBER: {
        append(out, size, &len, q->number_text, "");
        if (q->unit) {
            append(out, size, &len, " ", q->unit);
        }
        if (q->tolerance > 0) {
            char tol[64];
            snprintf(tol, sizeof tol, "%g", q->tolerance);
            append(out, size, &len, " (\xC2\xB1", tol);
            append(out, size, &len, " accepted)", "");
        }
        break;
    }
    case QTYPE_ORDER:
        for (int i = 0; i < q->choice_count; i++) {
            char num[16];
            snprintf(num, sizeof num, "%s%d. ", i ? "   " : "", i + 1);
            append(out, size, &len, num, q->choices[i]);
        }
        break;
    default:
        break;
    }
}

int hud_draw(App *app, int y, bool timer)
{
    const Theme *t = &app->theme;
    const QuizRun *r = &app->run;
    const QuizItem *item = quiz_current(r->session);
    int h = draw_u(app, 7);
    int pad = draw_u(app, 2);
    draw_fill(app, (SDL_Rect){0, y, app->w, h}, t->panel);
    char left[400], right[128];
    int pos = quiz_position(r->session);
    int count = quiz_count(r->session);
    if (pos >= count) {
        pos = count - 1;
    }
    snprintf(left, sizeof left, "Question %d / %d \xC2\xB7 %s", pos + 1, count,
             item ? item->pick.pack->title : "");
    int streak = quiz_streak(r->session);
    if (streak >= 2) {
        snprintf(right, sizeof right, "Score %ld   Streak %d", quiz_total(r->session), streak);
    } else {
        snprintf(right, sizeof right, "Score %ld", quiz_total(r->session));
    }
    int size = draw_u(app, 3.4f);
    int rw = text_width(app->text, FACE_BOLD, size, right);
    if (rw > app->w / 2) {
        rw = app->w / 2;
    }
    text_draw_line_fit(app->text, FACE_BOLD, size, t->text, app->w - pad, y + h / 2, rw,
                       ALIGN_RIGHT, right);
    text_draw_line_fit(app->text, FACE_REGULAR, size, t->dim, pad, y + h / 2, app->w - rw - 3 * pad,
                       ALIGN_LEFT, left);
    y += h;
    if (timer && item && item->time_limit > 0) {
        int left_ms = play_remaining_ms(app);
        double frac = (double)left_ms / (item->time_limit * 1000.0);
        int bh = draw_u(app, 3.6f);
        char secs[32];
        snprintf(secs, sizeof secs, "%d s", (left_ms + 999) / 1000);
        int sw = draw_u(app, 10);
        SDL_Color fill = left_ms <= 5000 ? t->wrong : left_ms <= 10000 ? t->warn : t->accent;
        draw_bar(app, (SDL_Rect){0, y, app->w - sw, bh}, frac, fill);
        draw_fill(app, (SDL_Rect){app->w - sw, y, sw, bh}, t->bar_bg);
        text_draw_line_fit(app->text, FACE_BOLD, bh * 3 / 4, t->text, app->w - sw / 2, y + bh / 2,
                           sw - draw_u(app, 1), ALIGN_CENTER, secs);
        y += bh;
    }
    return y;
}
