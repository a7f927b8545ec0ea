/* cards_face.c - the two faces of a flashcard: the question with its choices on the front; the
 * right answer in its type's form, the explanation and the source on the back. Draws only. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ui/cards.h"
#include "ui/draw.h"
#include "ui/hud.h"

/* Appends `s` to the string in `out`, cut (never inside a UTF-8 sequence) when it is full. */
static void add(char *out, size_t size, const char *s)
{
    size_t len = strlen(out);
    size_t n = strlen(s);
    if (len + n + 1 > size) {
        n = size - 1 - len;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) {
            n--;
        }
    }
    memcpy(out + len, s, n);
    out[len + n] = '\0';
}

void cards_answer_text(const Question *q, char *out, size_t size)
{
    if (size == 0) {
        return;
    }
    out[0] = '\0';
    char part[64];
    switch (q->type) {
    case QTYPE_SINGLE:
    case QTYPE_MULTI:
        for (int i = 0; i < q->choice_count; i++) {
            if (q->correct & (1u << i)) {
                snprintf(part, sizeof part, "%s%c \xC2\xB7 ", out[0] ? "\n" : "", hud_letter(i));
                add(out, size, part);
                add(out, size, q->choices[i]);
            }
        }
        break;
    case QTYPE_TRUEFALSE:
        add(out, size, q->truth ? "True" : "False");
        break;
    case QTYPE_TEXT:
        add(out, size, q->answer_count > 0 ? q->answers[0] : "");
        break;
    case QTYPE_NUMBER:
        add(out, size, q->number_text ? q->number_text : "");
        if (q->unit && q->unit[0]) {
            add(out, size, " ");
            add(out, size, q->unit);
        }
        if (q->tolerance > 0) {
            snprintf(part, sizeof part, " (\xC2\xB1%g accepted)", q->tolerance);
            add(out, size, part);
        }
        break;
    case QTYPE_ORDER:
        for (int i = 0; i < q->choice_count; i++) {
            snprintf(part, sizeof part, "%s%d. ", i ? "\n" : "", i + 1);
            add(out, size, part);
            add(out, size, q->choices[i]);
        }
        break;
    default:
        break;
    }
}

void cards_interval_text(int days, char *out, size_t size)
{
    if (days < 1) {
        snprintf(out, size, "today");
    } else if (days < 30) {
        snprintf(out, size, "%d d", days);
    } else if (days < 365) {
        snprintf(out, size, "%.1f mo", days / 30.0);
    } else {
        snprintf(out, size, "%.1f y", days / 365.0);
    }
}

/* An order question's items are stored in their right order: the front lists them shuffled,
 * the same way for the same question every time (seeded by its id), never in the right order. */
static void shuffle_items(const Question *q, int order[PACK_CHOICES_MAX])
{
    uint32_t h = 2166136261u; /* FNV-1a of the id */
    for (const char *p = q->id; p && *p; p++) {
        h = (h ^ (unsigned char)*p) * 16777619u;
    }
    int n = q->choice_count;
    for (int i = 0; i < n; i++) {
        order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
        h = h * 1664525u + 1013904223u;
        int j = (int)((h >> 16) % (uint32_t)(i + 1));
        int v = order[i];
        order[i] = order[j];
        order[j] = v;
    }
    bool same = true;
    for (int i = 0; i < n; i++) {
        same = same && order[i] == i;
    }
    for (int i = 0; same && i < n; i++) {
        order[i] = (i + 1) % n;
    }
}

/* The small line under the prompt that says what kind of answer the card wants. */
static const char *kind_line(const Question *q, char *buf, size_t size)
{
    switch (q->type) {
    case QTYPE_MULTI:
        return "Several answers are right";
    case QTYPE_TRUEFALSE:
        return "True or false?";
    case QTYPE_ORDER:
        return "Put these in order";
    case QTYPE_NUMBER:
        if (q->unit && q->unit[0]) {
            snprintf(buf, size, "A number, in %s", q->unit);
            return buf;
        }
        return "A number";
    default:
        return NULL;
    }
}

/* The height of one row of the list when `n` rows share `avail` pixels. */
static int row_height(const App *app, int n, int avail)
{
    int rh = (avail - draw_u(app, 0.8f) * (n - 1)) / n;
    rh = rh > draw_u(app, 8) ? draw_u(app, 8) : rh;
    return rh < 1 ? 1 : rh;
}

/* The choices or items as a plain lettered list, rows `rh` high from the top of `area`. */
static void draw_list(App *app, const Question *q, SDL_Rect area, int rh)
{
    const Theme *t = &app->theme;
    int n = q->choice_count;
    int order[PACK_CHOICES_MAX];
    for (int i = 0; i < n; i++) {
        order[i] = i;
    }
    if (q->type == QTYPE_ORDER) {
        shuffle_items(q, order);
    }
    int gap = draw_u(app, 0.8f);
    int badge = rh < draw_u(app, 6) ? rh : draw_u(app, 6);
    int pad = draw_u(app, 1.2f);
    int tw = area.w - badge - 2 * pad;
    /* one text size for every row, so no choice looks weightier than another */
    int size = draw_u(app, 3.6f);
    for (int i = 0; i < n; i++) {
        TextLayout lay = text_fit(app->text, FACE_REGULAR, q->choices[order[i]], tw,
                                  rh - draw_u(app, 0.6f), draw_u(app, 1.6f), size);
        size = lay.size < size ? lay.size : size;
    }
    for (int i = 0; i < n; i++) {
        SDL_Rect row = {area.x, area.y + i * (rh + gap), area.w, rh};
        draw_fill(app, row, t->panel_hi);
        SDL_Rect b = {row.x, row.y, badge, rh};
        draw_fill(app, b, t->choice[i % 8]);
        char letter[2] = {hud_letter(i), '\0'};
        text_draw_line_fit(app->text, FACE_BOLD, badge * 55 / 100, (SDL_Color){255, 255, 255, 255},
                           b.x + badge / 2, b.y + rh / 2, badge, ALIGN_CENTER, letter);
        SDL_Rect tb = {row.x + badge + pad, row.y, tw, rh};
        text_draw_box(app->text, FACE_REGULAR, t->text, tb, draw_u(app, 1.6f), size, ALIGN_LEFT,
                      true, q->choices[order[i]]);
    }
}

void cards_draw_front(App *app, const Question *q, SDL_Rect in)
{
    const Theme *t = &app->theme;
    bool list = (q->type == QTYPE_SINGLE || q->type == QTYPE_MULTI || q->type == QTYPE_ORDER) &&
                q->choice_count > 0;
    char buf[160];
    const char *kind = kind_line(q, buf, sizeof buf);
    int kind_size = draw_u(app, q->type == QTYPE_TRUEFALSE ? 3.6f : 2.8f);
    int kind_h = kind ? kind_size + draw_u(app, 2) : 0;
    if (!list) {
        text_draw_box(app->text, FACE_BOLD, t->text, (SDL_Rect){in.x, in.y, in.w, in.h - kind_h},
                      draw_u(app, 2), draw_u(app, 6.5f), ALIGN_CENTER, true, q->prompt);
        if (kind) {
            text_draw_line_fit(app->text, FACE_REGULAR, kind_size, t->dim, in.x + in.w / 2,
                               in.y + in.h - kind_h / 2, in.w, ALIGN_CENTER, kind);
        }
        return;
    }
    /* the prompt takes what it needs of the top 40 %, the list what it needs of the rest, and
     * the whole is centred in the card */
    TextLayout lay = text_fit(app->text, FACE_BOLD, q->prompt, in.w, in.h * 40 / 100,
                              draw_u(app, 2), draw_u(app, 5.5f));
    int prompt_h = lay.height < in.h * 40 / 100 ? lay.height : in.h * 40 / 100;
    int gap = draw_u(app, 1.5f);
    int n = q->choice_count;
    int rh = row_height(app, n, in.h - prompt_h - gap - kind_h);
    int list_h = n * rh + (n - 1) * draw_u(app, 0.8f);
    int y = in.y + (in.h - prompt_h - gap - kind_h - list_h) / 2;
    y = y < in.y ? in.y : y;
    text_draw_box(app->text, FACE_BOLD, t->text, (SDL_Rect){in.x, y, in.w, prompt_h},
                  draw_u(app, 2), draw_u(app, 5.5f), ALIGN_CENTER, true, q->prompt);
    y += prompt_h + gap;
    if (kind) {
        text_draw_line_fit(app->text, FACE_REGULAR, kind_size, t->dim, in.x + in.w / 2,
                           y + kind_h / 2 - draw_u(app, 0.5f), in.w, ALIGN_CENTER, kind);
        y += kind_h;
    }
    draw_list(app, q, (SDL_Rect){in.x, y, in.w, in.y + in.h - y}, rh);
}

/* Draws `s` wrapped in `box` as a left-aligned block centred in the box: lists read down a
 * straight left edge, yet a short answer still sits in the middle. */
static void draw_block(App *app, TextFace face, SDL_Color c, SDL_Rect box, int min_size,
                       int max_size, const char *s)
{
    TextLayout lay = text_fit(app->text, face, s, box.w, box.h, min_size, max_size);
    int w = lay.width + 2 < box.w ? lay.width + 2 : box.w;
    SDL_Rect inner = {box.x + (box.w - w) / 2, box.y, w, box.h};
    text_draw_box(app->text, face, c, inner, min_size, lay.size, ALIGN_LEFT, true, s);
}

void cards_draw_back(App *app, const Pack *pack, const Question *q, SDL_Rect in)
{
    const Theme *t = &app->theme;
    int gap = draw_u(app, 1.2f);
    bool has_source = q->source && q->source[0];
    int src_h = has_source ? draw_u(app, 6) : 0;
    bool tall = q->type == QTYPE_MULTI || q->type == QTYPE_ORDER;
    int ph = in.h * 15 / 100;
    int ah = in.h * (tall ? 38 : 26) / 100;
    int y = in.y;

    text_draw_box(app->text, FACE_REGULAR, t->dim, (SDL_Rect){in.x, y, in.w, ph}, draw_u(app, 1.6f),
                  draw_u(app, 3.2f), ALIGN_CENTER, true, q->prompt);
    y += ph + gap;
    draw_fill(app, (SDL_Rect){in.x + in.w / 6, y, in.w * 2 / 3, draw_u(app, 0.25f)}, t->bar_bg);
    y += gap;

    char answer[PACK_TEXT_MAX * 2];
    cards_answer_text(q, answer, sizeof answer);
    SDL_Rect abox = {in.x, y, in.w, ah};
    if (tall || strchr(answer, '\n')) {
        draw_block(app, FACE_BOLD, t->text, abox, draw_u(app, 1.8f), draw_u(app, 5.5f), answer);
    } else {
        text_draw_box(app->text, FACE_BOLD, t->text, abox, draw_u(app, 2), draw_u(app, 6.5f),
                      ALIGN_CENTER, true, answer);
    }
    y += ah + gap;

    int eh = in.y + in.h - src_h - y;
    if (q->explain && q->explain[0] && eh > 0) {
        text_draw_box(app->text, FACE_REGULAR, t->text, (SDL_Rect){in.x, y, in.w, eh},
                      draw_u(app, 1.6f), draw_u(app, 3.4f), ALIGN_LEFT, false, q->explain);
    }
    if (has_source) {
        char src[600];
        bool article = pack && pack->article;
        snprintf(src, sizeof src, "Source: %s%s%s", article ? "article section \xE2\x80\x9C" : "",
                 q->source, article ? "\xE2\x80\x9D" : "");
        SDL_Rect sbox = {in.x, in.y + in.h - src_h, in.w, src_h};
        text_draw_box(app->text, FACE_REGULAR, t->accent, sbox, draw_u(app, 1.8f),
                      draw_u(app, 2.5f), ALIGN_LEFT, true, src);
    }
}
