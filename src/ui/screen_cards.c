/* screen_cards.c - studying flashcards: the front, a flip (animated unless motion is reduced),
 * the back with grade buttons that show their intervals, undo, suspend, and a done screen.
 * The session lives in study.c; this screen asks it, draws, and never switches by itself.
 *
 * app->cards_view.focus holds the bottom-row button picked with the arrows (CARD_BTN_NONE for
 * the default); app->cards_view.scroll is 1 while the last frame drawn showed an unfinished
 * flip, so that the settled frame is drawn too. study.warning is the notice line above the
 * buttons; it is cleared at the next action. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ui/app.h"
#include "ui/cards.h"
#include "ui/draw.h"

static const KeyBinding keys[] = {
    {SDLK_RETURN, 0, CMD_CONFIRM, 0, NULL},
    {SDLK_KP_ENTER, 0, CMD_CONFIRM, 0, NULL},
    {SDLK_SPACE, 0, CMD_TOGGLE, 0, NULL},
    {SDLK_PAGEDOWN, 0, CMD_NEXT, 0, NULL},
    {SDLK_UP, 0, CMD_UP, 0, NULL},
    {SDLK_DOWN, 0, CMD_DOWN, 0, NULL},
    {SDLK_LEFT, 0, CMD_LEFT, 0, NULL},
    {SDLK_RIGHT, 0, CMD_RIGHT, 0, NULL},
    {SDLK_TAB, 0, CMD_RIGHT, 0, NULL},
    {SDLK_TAB, KMOD_SHIFT, CMD_LEFT, 0, NULL},
    {SDLK_ESCAPE, 0, CMD_BACK, 0, NULL},
    {SDLK_1, 0, CMD_CHOOSE, 0, NULL},
    {SDLK_2, 0, CMD_CHOOSE, 1, NULL},
    {SDLK_3, 0, CMD_CHOOSE, 2, NULL},
    {SDLK_4, 0, CMD_CHOOSE, 3, NULL},
    {SDLK_KP_1, 0, CMD_CHOOSE, 0, NULL},
    {SDLK_KP_2, 0, CMD_CHOOSE, 1, NULL},
    {SDLK_KP_3, 0, CMD_CHOOSE, 2, NULL},
    {SDLK_KP_4, 0, CMD_CHOOSE, 3, NULL},
    /* letters arrive as CMD_KEY with the modifiers in `index`, as unmapped keys do */
    {SDLK_s, KMOD_CTRL, CMD_KEY, KMOD_CTRL, NULL},
    {SDLK_z, KMOD_CTRL, CMD_KEY, KMOD_CTRL, NULL},
};

/* The flip's progress 0..1. A card shown front up with flip_start 0 was never flipped (a new
 * card, or a session begun in a run's first moments): settled, whatever the clock says. */
static double flip_progress(const App *app)
{
    if (app->study.flip_start == 0 && !app->study.flipped) {
        return 1.0;
    }
    return study_flip_progress(app);
}

static void notice(App *app, const char *text)
{
    snprintf(app->study.warning, sizeof app->study.warning, "%s", text);
}

static void leave_session(App *app)
{
    study_end(app);
    app_switch(app, SCREEN_TITLE);
}

/* Does what button `b` says; every key and click ends here. */
static void press(App *app, CardButton b)
{
    bool card = cards_shown(app, NULL) != NULL;
    app->study.warning[0] = '\0';
    switch (b) {
    case CARD_BTN_UNDO:
        if (!cards_can_undo(app) || !study_undo(app)) {
            notice(app, "Nothing to undo");
        }
        break;
    case CARD_BTN_SUSPEND:
        if (card && study_suspend(app)) {
            notice(app, "Card suspended");
        }
        break;
    case CARD_BTN_FLIP:
        if (card) {
            study_flip(app);
        }
        break;
    case CARD_BTN_AGAIN:
    case CARD_BTN_HARD:
    case CARD_BTN_GOOD:
    case CARD_BTN_EASY:
        if (card && app->study.flipped) {
            study_grade(app, (FsrsRating)(FSRS_AGAIN + (b - CARD_BTN_AGAIN)));
        }
        break;
    case CARD_BTN_BACK:
        leave_session(app);
        break;
    default:
        break;
    }
    app->cards_view.focus = CARD_BTN_NONE;
}

/* Grade key `index` (0-based: the 1-4 keys). With two buttons: 1 Again, 2 or 3 Good. */
static void grade_key(App *app, int index)
{
    static const CardButton four[] = {CARD_BTN_AGAIN, CARD_BTN_HARD, CARD_BTN_GOOD, CARD_BTN_EASY};
    static const CardButton two[] = {CARD_BTN_AGAIN, CARD_BTN_GOOD, CARD_BTN_GOOD};
    if (!cards_shown(app, NULL) || !app->study.flipped) {
        return;
    }
    if (cards_two_grades(app)) {
        if (index >= 0 && index < (int)SDL_arraysize(two)) {
            press(app, two[index]);
        }
    } else if (index >= 0 && index < (int)SDL_arraysize(four)) {
        press(app, four[index]);
    }
}

static void move_focus(App *app, int step)
{
    CardButton row[CARDS_ROW_MAX];
    int n = cards_row(app, row);
    CardButton f = cards_focused(app);
    for (int i = 0; i < n; i++) {
        if (row[i] == f) {
            int j = i + step < 0 ? 0 : i + step >= n ? n - 1 : i + step;
            app->cards_view.focus = (int)row[j];
            return;
        }
    }
}

static void activate(App *app, const Command *cmd)
{
    if (strcmp(cmd->name, "card") == 0) {
        press(app, CARD_BTN_FLIP);
        return;
    }
    if (strcmp(cmd->name, "button") != 0 || !cmd->arg) {
        return;
    }
    for (int b = CARD_BTN_UNDO; b < CARD_BTN_COUNT; b++) {
        if (strcmp(cmd->arg, cards_button_arg((CardButton)b)) == 0) {
            press(app, (CardButton)b);
            return;
        }
    }
}

static void command(App *app, const Command *cmd)
{
    bool card = cards_shown(app, NULL) != NULL;
    bool back = card && app->study.flipped;
    switch (cmd->kind) {
    case CMD_BACK:
        leave_session(app);
        break;
    case CMD_CONFIRM:
    case CMD_TOGGLE:
    case CMD_NEXT:
        /* Enter, Space, pad A and X: the focused button (Show answer, or Good) */
        if (card || cmd->kind == CMD_CONFIRM) {
            press(app, cards_focused(app));
        }
        break;
    case CMD_DOWN:
        if (card && !back) {
            press(app, CARD_BTN_FLIP);
        }
        break;
    case CMD_UP:
        if (back) {
            press(app, CARD_BTN_FLIP); /* the question again */
        }
        break;
    case CMD_LEFT:
    case CMD_RIGHT:
        move_focus(app, cmd->kind == CMD_LEFT ? -1 : 1);
        break;
    case CMD_CHOOSE:
        grade_key(app, cmd->index);
        break;
    case CMD_KEY:
        if (cmd->key == SDLK_u || (cmd->key == SDLK_z && cmd->index == KMOD_CTRL)) {
            press(app, CARD_BTN_UNDO);
        } else if (cmd->key == SDLK_s && card) {
            press(app, CARD_BTN_SUSPEND);
        }
        break;
    case CMD_ACTIVATE:
        activate(app, cmd);
        break;
    default:
        break;
    }
    app_redraw(app);
}

static void enter(App *app)
{
    app->cards_view.focus = CARD_BTN_NONE;
    app->cards_view.scroll = 0;
}

static bool update(App *app, uint64_t now_ms)
{
    bool moving = cards_shown(app, NULL) && flip_progress(app) < 1.0;
    if (moving || app->cards_view.scroll) {
        app_redraw(app);
    }
    return moving;
}

/* Cuts `s` with an ellipsis (never inside a UTF-8 sequence) until it fits `max_w` at `size`. */
static void ellipsize(App *app, int size, const char *s, int max_w, char *out, size_t out_size)
{
    snprintf(out, out_size, "%s", s);
    if (text_width(app->text, FACE_REGULAR, size, out) <= max_w) {
        return;
    }
    size_t lo = 0, hi = strlen(out); /* the longest prefix that fits lies in [lo, hi) */
    while (lo + 1 < hi) {
        size_t mid = (lo + hi) / 2, n = mid;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) {
            n--;
        }
        snprintf(out, out_size, "%.*s\xE2\x80\xA6", (int)n, s);
        if (text_width(app->text, FACE_REGULAR, size, out) <= max_w) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    while (lo > 0 && ((unsigned char)s[lo] & 0xC0) == 0x80) {
        lo--;
    }
    snprintf(out, out_size, "%.*s\xE2\x80\xA6", (int)lo, s);
}

static void draw_top_bar(App *app, const Pack *pack, int h)
{
    const Theme *t = &app->theme;
    int pad = draw_u(app, 2);
    draw_fill(app, (SDL_Rect){0, 0, app->w, h}, t->panel);
    char left[300], right[128];
    if (app->study.cram) {
        snprintf(left, sizeof left, "Cram \xC2\xB7 %s",
                 app->study.topic[0] ? app->study.topic : "all topics");
    } else if (pack) {
        snprintf(left, sizeof left, "Flashcards \xC2\xB7 %s", pack->title);
    } else {
        snprintf(left, sizeof left, "Flashcards");
    }
    int due = 0, fresh = 0;
    study_left(app, &due, &fresh);
    snprintf(right, sizeof right, "Due %d \xC2\xB7 New %d \xC2\xB7 Done %d", due, fresh,
             app->study.reviewed);
    int size = draw_u(app, 3.4f);
    int rw = text_width(app->text, FACE_BOLD, size, right);
    rw = rw > app->w / 2 ? app->w / 2 : rw;
    text_draw_line_fit(app->text, FACE_BOLD, size, t->text, app->w - pad, h / 2, rw, ALIGN_RIGHT,
                       right);
    char shown[300];
    ellipsize(app, size, left, app->w - rw - 3 * pad, shown, sizeof shown);
    text_draw_line_fit(app->text, FACE_REGULAR, size, t->dim, pad, h / 2, app->w - rw - 3 * pad,
                       ALIGN_LEFT, shown);
}

/* The card panel, squeezed to |cos(pi t)| of its width while it flips: the side it turns
 * from until the middle, then the other. The face is clipped to the panel. */
static void draw_card(App *app, const Pack *pack, const Question *q, SDL_Rect card)
{
    const Theme *t = &app->theme;
    double p = flip_progress(app);
    bool back = app->study.flipped;
    SDL_Rect panel = card;
    if (p < 1.0) {
        panel.w = (int)lround(card.w * fabs(cos(M_PI * p)));
        panel.w = panel.w < 2 ? 2 : panel.w;
        panel.x = card.x + (card.w - panel.w) / 2;
        back = p < 0.5 ? !back : back;
    }
    app->cards_view.scroll = p < 1.0;
    int sh = draw_u(app, 0.6f);
    draw_fill(app, (SDL_Rect){panel.x + sh, panel.y + sh, panel.w, panel.h}, t->shadow);
    draw_fill(app, panel, t->panel);
    draw_fill(app, (SDL_Rect){panel.x, panel.y, panel.w, sh}, back ? t->right : t->accent);
    int pad = draw_u(app, 3);
    SDL_Rect inner = {card.x + pad, card.y + pad, card.w - 2 * pad, card.h - 2 * pad};
    SDL_RenderSetClipRect(app->renderer, &panel);
    if (back) {
        cards_draw_back(app, pack, q, inner);
    } else {
        cards_draw_front(app, q, inner);
    }
    SDL_RenderSetClipRect(app->renderer, NULL);
    app_hot_add(app, "card", NULL, 0, card);
}

static void draw_done(App *app, SDL_Rect card)
{
    const Theme *t = &app->theme;
    const StudyState *st = &app->study;
    draw_fill(app, card, t->panel);
    const char *title = st->cram ? "Cram done" : "Done for today";
    char line[160], again[96];
    again[0] = '\0';
    if (st->reviewed == 0) {
        snprintf(line, sizeof line, "%s",
                 st->cram ? "No cards to cram here" : "Nothing is due now");
    } else {
        snprintf(line, sizeof line, "%d card%s reviewed", st->reviewed,
                 st->reviewed == 1 ? "" : "s");
        snprintf(again, sizeof again, "Again: %d", st->again);
    }
    int ts = draw_u(app, 7), ls = draw_u(app, 4), gap = draw_u(app, 2);
    int cx = card.x + card.w / 2, w = card.w - draw_u(app, 4);
    int y = card.y + (card.h - (ts + 2 * ls + 2 * gap)) / 2;
    text_draw_line_fit(app->text, FACE_BOLD, ts, t->text, cx, y + ts / 2, w, ALIGN_CENTER, title);
    y += ts + gap;
    text_draw_line_fit(app->text, FACE_REGULAR, ls, t->text, cx, y + ls / 2, w, ALIGN_CENTER, line);
    y += ls + gap;
    text_draw_line_fit(app->text, FACE_REGULAR, ls, t->dim, cx, y + ls / 2, w, ALIGN_CENTER, again);
}

static void help_line(const App *app, const Question *q, char *out, size_t size)
{
    const char *tail = "U undo   S suspend   Esc end   M sound";
    if (!q) {
        snprintf(out, size, "Enter or Esc: back to the menu%s",
                 cards_can_undo(app) ? "   U undo" : "");
    } else if (!app->study.flipped) {
        snprintf(out, size, "Space, Enter or click: show the answer   %s", tail);
    } else {
        snprintf(out, size, "%s   Enter %s   \xE2\x86\x90\xE2\x86\x92 buttons   %s",
                 cards_two_grades(app) ? "1 Again  2 Good" : "1 Again  2 Hard  3 Good  4 Easy",
                 cards_button_name(cards_focused(app)), tail);
    }
}

static void draw(App *app)
{
    const Theme *t = &app->theme;
    const Pack *pack = NULL;
    const Question *q = cards_shown(app, &pack);
    int bar = draw_u(app, 7);
    draw_top_bar(app, pack, bar);
    char help[300];
    help_line(app, q, help, sizeof help);
    int help_top = draw_help(app, help);
    int margin = draw_u(app, 3);
    int width = app->w - 2 * margin;
    width = width > draw_u(app, 150) ? draw_u(app, 150) : width;
    int x = (app->w - width) / 2;
    int row_h = draw_u(app, 8);
    int row_y = help_top - row_h - draw_u(app, 1.5f);
    int note_h = draw_u(app, 5);
    int card_y = bar + draw_u(app, 2.5f);
    SDL_Rect card = {x, card_y, width, row_y - note_h - card_y};

    if (q) {
        draw_card(app, pack, q, card);
    } else {
        app->cards_view.scroll = 0;
        draw_done(app, card);
    }
    const char *note = app->study.warning;
    SDL_Color nc = t->warn;
    if (!note[0] && q && !app->study.flipped) {
        note = "Space, click or A: show the answer";
        nc = t->dim;
    } else if (!note[0] && q && app->study.cram) {
        note = "Cram: not scheduled";
        nc = t->dim;
    }
    text_draw_line_fit(app->text, FACE_REGULAR, draw_u(app, 2.8f), nc, app->w / 2,
                       row_y - note_h / 2, width, ALIGN_CENTER, note);
    cards_draw_row(app, (SDL_Rect){x, row_y, width, row_h});
}

const Screen screen_cards = {
    .name = "cards",
    .keys = keys,
    .key_count = SDL_arraysize(keys),
    .enter = enter,
    .command = command,
    .update = update,
    .draw = draw,
};
