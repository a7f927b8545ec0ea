/* screen_quiz.c - asking a question: the prompt fitted to its area, the choices (letter, shape
 * and colour), a text field, or a list to put in order; keyboard, mouse and touch alike. */
#include <stdio.h>
#include <string.h>

#include "core/utf8.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/hud.h"
#include "ui/keypad.h"

static const KeyBinding keys[] = {
    {SDLK_RETURN, 0, CMD_CONFIRM, 0, NULL},  {SDLK_KP_ENTER, 0, CMD_CONFIRM, 0, NULL},
    {SDLK_SPACE, 0, CMD_TOGGLE, 0, NULL},    {SDLK_UP, 0, CMD_UP, 0, NULL},
    {SDLK_DOWN, 0, CMD_DOWN, 0, NULL},       {SDLK_LEFT, 0, CMD_LEFT, 0, NULL},
    {SDLK_RIGHT, 0, CMD_RIGHT, 0, NULL},     {SDLK_TAB, 0, CMD_DOWN, 0, NULL},
    {SDLK_TAB, KMOD_SHIFT, CMD_UP, 0, NULL}, {SDLK_ESCAPE, 0, CMD_PAUSE, 0, NULL},
    {SDLK_p, 0, CMD_PAUSE, 0, NULL},         {SDLK_PAUSE, 0, CMD_PAUSE, 0, NULL},
    {SDLK_s, 0, CMD_SKIP, 0, NULL},
};

static const QuizItem *current(const App *app)
{
    return quiz_current(app->run.session);
}

static const Question *question(const App *app)
{
    const QuizItem *item = current(app);
    return item ? item->pick.question : NULL;
}

static int choice_total(const Question *q)
{
    return q->type == QTYPE_TRUEFALSE ? 2 : q->choice_count;
}

static bool is_typed(const Question *q)
{
    return q && (q->type == QTYPE_TEXT || q->type == QTYPE_NUMBER);
}

static bool text_focus(const App *app)
{
    return is_typed(question(app)) && !app->run.paused;
}

static void enter(App *app)
{
    if (text_focus(app)) {
        SDL_StartTextInput();
    }
}

static void leave(App *app)
{
    SDL_StopTextInput();
    app->run.composition[0] = '\0';
}

static void move_row(App *app, int from, int to)
{
    QuizRun *r = &app->run;
    const Question *q = question(app);
    if (!q || from < 0 || to < 0 || from >= q->choice_count || to >= q->choice_count ||
        from == to) {
        return;
    }
    int v = r->order[from];
    if (from < to) {
        memmove(&r->order[from], &r->order[from + 1], sizeof r->order[0] * (size_t)(to - from));
    } else {
        memmove(&r->order[to + 1], &r->order[to], sizeof r->order[0] * (size_t)(from - to));
    }
    r->order[to] = v;
    r->cursor = to;
}

static void erase_last(char *s)
{
    size_t n = strlen(s);
    while (n > 0) {
        n--;
        if (((unsigned char)s[n] & 0xC0) != 0x80) {
            break;
        }
    }
    s[n] = '\0';
}

static void command(App *app, const Command *cmd)
{
    QuizRun *r = &app->run;
    const Question *q = question(app);
    if (!q) {
        return;
    }
    int n = choice_total(q);
    bool order = q->type == QTYPE_ORDER;
    if (cmd->kind == CMD_UP || cmd->kind == CMD_DOWN || cmd->kind == CMD_LEFT ||
        cmd->kind == CMD_RIGHT) {
        r->show_cursor = true;
    }
    switch (cmd->kind) {
    case CMD_PAUSE:
    case CMD_BACK:
        play_pause(app, true);
        app_switch(app, SCREEN_PAUSE);
        break;
    case CMD_SKIP:
        play_skip(app);
        break;
    case CMD_TEXT: {
        size_t have = strlen(r->typed), add = strlen(cmd->text);
        if (have + add < sizeof r->typed && have + add <= PACK_TEXT_MAX) {
            memcpy(r->typed + have, cmd->text, add + 1);
        }
        r->composition[0] = '\0';
        break;
    }
    case CMD_ERASE:
        erase_last(r->typed);
        break;
    case CMD_CONFIRM:
        if (!is_typed(q) && q->type != QTYPE_MULTI && q->type != QTYPE_ORDER) {
            play_choose(app, r->cursor); /* Enter picks the focused choice */
        } else {
            play_submit(app);
        }
        break;
    case CMD_TOGGLE:
        if (order) {
            r->grabbed = !r->grabbed;
        } else if (!is_typed(q)) {
            play_choose(app, r->cursor);
        }
        break;
    case CMD_UP:
    case CMD_LEFT:
        if (order && r->grabbed && cmd->kind == CMD_UP) {
            move_row(app, r->cursor, r->cursor - 1);
        } else if (n > 0) {
            r->cursor = (r->cursor + n - 1) % n;
        }
        break;
    case CMD_DOWN:
    case CMD_RIGHT:
        if (order && r->grabbed && cmd->kind == CMD_DOWN) {
            move_row(app, r->cursor, r->cursor + 1);
        } else if (n > 0) {
            r->cursor = (r->cursor + 1) % n;
        }
        break;
    case CMD_KEY: {
        Command c;
        if (q->type == QTYPE_TRUEFALSE && (cmd->key == SDLK_t || cmd->key == SDLK_f)) {
            play_choose(app, cmd->key == SDLK_t ? 0 : 1);
        } else if (input_choice_key(cmd->key, (Uint16)cmd->index, &c) && c.index < n) {
            if (order) {
                r->cursor = c.index;
                r->grabbed = true;
            } else {
                play_choose(app, c.index);
            }
        }
        break;
    }
    case CMD_ACTIVATE:
        if (strcmp(cmd->name, "choice") == 0) {
            play_choose(app, cmd->index - 1);
        } else if (strcmp(cmd->name, "item") == 0) {
            r->cursor = cmd->index - 1;
            r->grabbed = !r->grabbed;
        } else if (strcmp(cmd->name, "item-up") == 0) {
            r->grabbed = false;
            move_row(app, cmd->index - 1, cmd->index - 2);
        } else if (strcmp(cmd->name, "item-down") == 0) {
            r->grabbed = false;
            move_row(app, cmd->index - 1, cmd->index);
        } else if (strcmp(cmd->name, "key") == 0 && cmd->arg) {
            if (keypad_press(cmd->arg, r->typed, sizeof r->typed)) {
                play_submit(app);
            }
        } else if (strcmp(cmd->name, "button") == 0 && cmd->arg) {
            if (strcmp(cmd->arg, "submit") == 0) {
                play_submit(app);
            } else if (strcmp(cmd->arg, "skip") == 0) {
                play_skip(app);
            } else if (strcmp(cmd->arg, "pause") == 0) {
                play_pause(app, true);
                app_switch(app, SCREEN_PAUSE);
            }
        }
        break;
    case CMD_DRAG:
        r->drag_row = cmd->index - 1;
        r->drag_y = cmd->y;
        break;
    case CMD_DROP:
        if (order && r->row_h > 0) {
            int to = (cmd->y - r->rows_y0) / r->row_h;
            to = to < 0 ? 0 : to >= q->choice_count ? q->choice_count - 1 : to;
            move_row(app, cmd->index - 1, to);
        }
        r->drag_row = -1;
        break;
    default:
        break;
    }
    app_redraw(app);
}

static bool update(App *app, uint64_t now)
{
    return play_update(app, now);
}

/* A choice tile: a coloured badge with the shape and letter, the text beside it. */
static void draw_choice(App *app, SDL_Rect r, int pos, const char *label, bool picked, bool focused,
                        bool checkbox, int text_size)
{
    const Theme *t = &app->theme;
    bool hover = app->hover == app->hot_count; /* the index this tile's hotspot gets */
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
    int n = choice_total(q);
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
    const char *hint = q->type == QTYPE_NUMBER ? "Type a number and press Enter"
                                               : "Type your answer and press Enter";
    int hy = field.y + field.h + draw_u(app, 1);
    int hs = draw_u(app, 2.6f);
    text_draw_line_fit(app->text, FACE_REGULAR, hs, t->dim, area.x, hy + hs / 2, area.w, ALIGN_LEFT,
                       hint);
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

static const char *help_for(const Question *q)
{
    switch (q->type) {
    case QTYPE_SINGLE:
        return "1-8 or A-H answer   \xE2\x86\x91\xE2\x86\x93 Enter   P pause   S skip   M sound";
    case QTYPE_MULTI:
        return "1-8 or A-H mark   Enter submit   P pause   S skip   M sound";
    case QTYPE_TRUEFALSE:
        return "T or 1 true   F or 2 false   P pause   S skip   M sound";
    case QTYPE_ORDER:
        return "\xE2\x86\x91\xE2\x86\x93 choose   Space pick up / put down   Enter submit   P pause"
               "   S skip";
    default:
        return "Type, then Enter to submit   Esc pause";
    }
}

static void draw(App *app)
{
    const Theme *t = &app->theme;
    const QuizItem *item = current(app);
    if (!item) {
        return;
    }
    const Question *q = item->pick.question;
    int y = hud_draw(app, 0, true);
    int margin = draw_u(app, 3);
    int help_top = app->h - draw_u(app, 4.5f);
    int bar_h = draw_u(app, 8);
    int buttons_y = help_top - bar_h - draw_u(app, 1.5f);
    /* the prompt gets about a third of what is left, the answers the rest */
    int top = y + draw_u(app, 2);
    int avail = buttons_y - top - draw_u(app, 2);
    int prompt_h = avail * 36 / 100;
    SDL_Rect pbox = {margin, top, app->w - 2 * margin, prompt_h};
    text_draw_box(app->text, FACE_BOLD, t->text, pbox, draw_u(app, 2.2f), draw_u(app, 7),
                  ALIGN_CENTER, true, q->prompt);
    const char *kind = q->type == QTYPE_MULTI   ? "Choose every right answer"
                       : q->type == QTYPE_ORDER ? "Put these in order, first at the top"
                                                : NULL;
    int ay = top + prompt_h + draw_u(app, 1);
    if (kind) {
        text_draw_line_fit(app->text, FACE_REGULAR, draw_u(app, 2.8f), t->dim, app->w / 2,
                           ay + draw_u(app, 1.5f), app->w - 2 * margin, ALIGN_CENTER, kind);
        ay += draw_u(app, 4);
    }
    SDL_Rect area = {margin, ay, app->w - 2 * margin, buttons_y - ay - draw_u(app, 1.5f)};
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
    int bw = draw_u(app, 22);
    int gap = draw_u(app, 2);
    bool needs_submit = q->type == QTYPE_MULTI || q->type == QTYPE_ORDER || is_typed(q);
    int count = needs_submit ? 3 : 2;
    int total = count * bw + (count - 1) * gap;
    if (total > app->w - 2 * margin) {
        bw = (app->w - 2 * margin - (count - 1) * gap) / count;
        total = count * bw + (count - 1) * gap;
    }
    int x = (app->w - total) / 2;
    draw_button(app, (SDL_Rect){x, buttons_y, bw, bar_h}, "pause", "Pause", false, false);
    draw_button(app, (SDL_Rect){x + bw + gap, buttons_y, bw, bar_h}, "skip", "Skip", false, false);
    if (needs_submit) {
        draw_button(app, (SDL_Rect){x + 2 * (bw + gap), buttons_y, bw, bar_h}, "submit", "Submit",
                    false, true);
    }
    draw_help(app, help_for(q));
}

const Screen screen_quiz = {
    .name = "quiz",
    .keys = keys,
    .key_count = SDL_arraysize(keys),
    .enter = enter,
    .leave = leave,
    .command = command,
    .update = update,
    .draw = draw,
    .text_focus = text_focus,
};
