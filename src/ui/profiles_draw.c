/* profiles_draw.c - draws the profiles screen and adds its hotspots: the learners beside the
 * new-name field and the progress buttons, the packs to reset, the question before a reset.
 * Changes nothing but the scroll positions it keeps in range. */
#include <stdio.h>
#include <string.h>

#include "ui/draw.h"
#include "ui/keypad.h"
#include "ui/profiles.h"

#define CHECK "\xE2\x9C\x94"    /* ✔ */
#define UP_ARROW "\xE2\x96\xB2" /* ▲ */
#define DOWN_ARROW "\xE2\x96\xBC"

/* The screen's frame: where the content goes between the title and the bottom bar. */
typedef struct Frame {
    int x, w;   /* the content's columns */
    int top;    /* below the title */
    int bottom; /* above the bottom bar */
    int bar_y;  /* the bottom bar (Back) */
    int bar_h;
    int gap;
} Frame;

static Frame frame(App *app, const char *title)
{
    Frame f;
    int y = draw_title(app, draw_u(app, 2), title);
    int margin = draw_u(app, 3);
    f.w = app->w - 2 * margin;
    if (f.w > draw_u(app, 150)) {
        f.w = draw_u(app, 150);
    }
    f.x = (app->w - f.w) / 2;
    f.top = y + draw_u(app, 1);
    int help_top = app->h - draw_u(app, 4.5f);
    f.bar_h = draw_u(app, 6.5f);
    f.bar_y = help_top - draw_u(app, 1.5f) - f.bar_h;
    f.bottom = f.bar_y - draw_u(app, 1.5f);
    f.gap = draw_u(app, 0.8f);
    return f;
}

/* A row of a list: a panel with a bold label on the left and a note on the right. */
static void list_row(App *app, SDL_Rect r, const char *hot, int index, const char *label,
                     const char *note, SDL_Color note_color, bool focused)
{
    const Theme *t = &app->theme;
    draw_fill(app, r, app_hot_hovered(app, 1) ? t->panel_hi : t->panel);
    app_hot_add(app, hot, NULL, index, r);
    int pad = draw_u(app, 1.5f);
    int note_w = 0;
    if (note && note[0]) {
        note_w = text_width(app->text, FACE_BOLD, draw_u(app, 2.4f), note);
        if (note_w > r.w / 2) {
            note_w = r.w / 2;
        }
        text_draw_line_fit(app->text, FACE_BOLD, draw_u(app, 2.4f), note_color, r.x + r.w - pad,
                           r.y + r.h / 2, note_w, ALIGN_RIGHT, note);
        note_w += pad;
    }
    text_draw_line_fit(app->text, FACE_BOLD, draw_u(app, 3), t->text, r.x + pad, r.y + r.h / 2,
                       r.w - 2 * pad - note_w, ALIGN_LEFT, label);
    if (focused) {
        draw_outline(app, r, t->text, draw_u(app, 0.4f));
    }
}

/* How many rows of `row_h` (plus gaps) fit in `h`; with ▲▼ buttons when not all `n` do. Keeps
 * `l->scroll` in range and, when `follow`, the focused row (if it is one of the `n`) in view.
 * Returns the rows shown; *arrows_h is the height left for the arrows (0 for none). */
static int fit_rows(App *app, ListState *l, int n, int h, int row_h, int *arrows_h)
{
    ProfilesState *s = profiles_state(app);
    int gap = draw_u(app, 0.8f);
    int shown = (h + gap) / (row_h + gap);
    *arrows_h = 0;
    if (shown < n) {
        *arrows_h = draw_u(app, 5);
        shown = (h - *arrows_h) / (row_h + gap);
    }
    if (shown < 1) {
        shown = 1;
    }
    if (s->follow && l->focus < n) {
        if (l->focus < l->scroll) {
            l->scroll = l->focus;
        } else if (l->focus >= l->scroll + shown) {
            l->scroll = l->focus - shown + 1;
        }
    }
    int top = n - shown > 0 ? n - shown : 0;
    l->scroll = l->scroll < 0 ? 0 : l->scroll > top ? top : l->scroll;
    return shown;
}

static void scroll_arrows(App *app, SDL_Rect r)
{
    int gap = draw_u(app, 0.8f);
    int half = (r.w - gap) / 2;
    draw_button(app, (SDL_Rect){r.x, r.y, half, r.h}, "up", UP_ARROW, false, false);
    draw_button(app, (SDL_Rect){r.x + half + gap, r.y, r.w - half - gap, r.h}, "down", DOWN_ARROW,
                false, false);
}

/* The learners, then "+ New profile". */
static void draw_learners(App *app, const ProfilesRows *rows, SDL_Rect col)
{
    const Theme *t = &app->theme;
    ListState *l = &app->profiles_view;
    int cap = draw_u(app, 3.5f);
    int n = rows->count + 1; /* the "+ New profile" row scrolls with the learners */
    int row_h = draw_u(app, 7);
    int arrows_h;
    int shown = fit_rows(app, l, n, col.h - cap, row_h, &arrows_h);
    char caption[64];
    if (shown < n) {
        snprintf(caption, sizeof caption, "Profiles (%d)", rows->count);
    } else {
        snprintf(caption, sizeof caption, "Profiles");
    }
    text_draw_line_fit(app->text, FACE_REGULAR, draw_u(app, 2.4f), t->dim, col.x, col.y + cap / 2,
                       col.w, ALIGN_LEFT, caption);
    int y = col.y + cap;
    for (int i = l->scroll; i < n && i < l->scroll + shown; i++) {
        SDL_Rect r = {col.x, y, col.w, row_h};
        if (i < rows->count) {
            const char *name = profiles_row_name(rows, i);
            bool current = strcmp(name, app->profile) == 0;
            list_row(app, r, "profile", i + 1, name, current ? CHECK " current" : NULL, t->right,
                     l->focus == i);
        } else {
            bool focused = l->focus == rows->count + STOP_NEW;
            draw_button(app, r, "new", "+ New profile", focused, false);
        }
        y += row_h + draw_u(app, 0.8f);
    }
    if (arrows_h > 0) {
        scroll_arrows(app, (SDL_Rect){col.x, col.y + col.h - arrows_h, col.w, arrows_h});
    }
}

/* The name field with its Create button and the line under it; returns the y below. */
static int draw_field(App *app, SDL_Rect col)
{
    const Theme *t = &app->theme;
    ProfilesState *s = profiles_state(app);
    int cap = draw_u(app, 3.5f);
    text_draw_line_fit(app->text, FACE_REGULAR, draw_u(app, 2.4f), t->dim, col.x, col.y + cap / 2,
                       col.w, ALIGN_LEFT, "New profile");
    int fh = draw_u(app, 7);
    int bw = draw_u(app, 15);
    int gap = draw_u(app, 1);
    SDL_Rect field = {col.x, col.y + cap, col.w - bw - gap, fh};
    draw_fill(app, field, t->panel);
    draw_outline(app, field, s->typing ? t->accent : t->bar_bg, draw_u(app, 0.4f));
    app_hot_add(app, "field", NULL, 0, field);
    int pad = draw_u(app, 1.5f);
    int size = draw_u(app, 3.2f);
    int room = field.w - 2 * pad;
    if (s->typing) {
        SDL_SetTextInputRect(&field);
    }
    if (s->name[0] || s->typing) {
        /* a steady caret; a name longer than the field shows its end, after a mark */
        char shown[PROFILE_NAME_SIZE + 160];
        const char *tail = s->name;
        for (;;) {
            snprintf(shown, sizeof shown, "%s%s%s%s", tail == s->name ? "" : "\xE2\x80\xA6", tail,
                     s->typing ? app->run.composition : "", s->typing ? "\xE2\x80\x8A|" : "");
            if (!*tail || text_width(app->text, FACE_REGULAR, size, shown) <= room) {
                break;
            }
            do {
                tail++;
            } while (((unsigned char)*tail & 0xC0) == 0x80);
        }
        text_draw_line_fit(app->text, FACE_REGULAR, size, t->text, field.x + pad, field.y + fh / 2,
                           room, ALIGN_LEFT, shown);
    } else {
        text_draw_line_fit(app->text, FACE_REGULAR, draw_u(app, 2.8f), t->dim, field.x + pad,
                           field.y + fh / 2, room, ALIGN_LEFT,
                           "Click here or press Enter, then type a name");
    }
    draw_button(app, (SDL_Rect){field.x + field.w + gap, field.y, bw, fh}, "create", "Create",
                false, s->typing);
    int y = field.y + fh + draw_u(app, 0.6f);
    int line = draw_u(app, 3.2f);
    const char *under =
        s->name_error[0] ? s->name_error : "Letters, digits, spaces, - _ and . (at most 40)";
    text_draw_line_fit(app->text, s->name_error[0] ? FACE_BOLD : FACE_REGULAR, draw_u(app, 2.4f),
                       s->name_error[0] ? t->wrong : t->dim, col.x, y + line / 2, col.w, ALIGN_LEFT,
                       under);
    return y + line + draw_u(app, 1.5f);
}

/* The status line: what the last export, import or reset did. */
static void draw_message(App *app, SDL_Rect box)
{
    const Theme *t = &app->theme;
    ProfilesState *s = profiles_state(app);
    if (!s->message[0] || box.h < draw_u(app, 2)) {
        return;
    }
    draw_fill(app, box, t->panel);
    SDL_Rect stripe = {box.x, box.y, draw_u(app, 0.6f), box.h};
    draw_fill(app, stripe, s->message_failed ? t->wrong : t->right);
    int pad = draw_u(app, 1.5f);
    SDL_Rect in = {box.x + pad, box.y + pad / 2, box.w - 2 * pad, box.h - pad};
    text_draw_box(app->text, FACE_REGULAR, t->text, in, draw_u(app, 1.4f), draw_u(app, 2.4f),
                  ALIGN_LEFT, true, s->message);
}

/* The current learner's progress: Export, Import, Reset, where Import looks, the status. */
static void draw_progress(App *app, const ProfilesRows *rows, SDL_Rect col)
{
    const Theme *t = &app->theme;
    const ListState *l = &app->profiles_view;
    int cap = draw_u(app, 4);
    char title[PROFILE_NAME_SIZE + 32];
    snprintf(title, sizeof title, "Progress of %s", app->profile);
    text_draw_line_fit(app->text, FACE_BOLD, draw_u(app, 3), t->text, col.x, col.y + cap / 2, col.w,
                       ALIGN_LEFT, title);
    int y = col.y + cap + draw_u(app, 0.5f);
    int bh = draw_u(app, 6.5f);
    int gap = draw_u(app, 1);
    static const char *const args[3] = {"export", "import", "reset"};
    static const char *const labels[3] = {"Export progress", "Import progress",
                                          "Reset a pack\xE2\x80\xA6"};
    for (int i = 0; i < 3; i++) {
        draw_button(app, (SDL_Rect){col.x, y, col.w, bh}, args[i], labels[i],
                    l->focus == rows->count + STOP_EXPORT + i, false);
        y += bh + gap;
    }
    char where[PATHS_MAX], hint[PATHS_MAX + 128];
    if (profiles_import_path(app, where, sizeof where, true)) {
        snprintf(hint, sizeof hint,
                 "Exports go to the exports folder. To import, put the file at %s and press "
                 "Import progress.",
                 where);
    } else {
        snprintf(hint, sizeof hint, "There is no data folder: set HOME or XDG_DATA_HOME.");
    }
    int hint_h = draw_u(app, 6);
    text_draw_box(app->text, FACE_REGULAR, t->dim, (SDL_Rect){col.x, y, col.w, hint_h},
                  draw_u(app, 1.4f), draw_u(app, 2.2f), ALIGN_LEFT, false, hint);
    y += hint_h + gap;
    int box_h = col.y + col.h - y;
    if (box_h > draw_u(app, 14)) {
        box_h = draw_u(app, 14);
    }
    draw_message(app, (SDL_Rect){col.x, y, col.w, box_h});
}

static void draw_list(App *app)
{
    ProfilesState *s = profiles_state(app);
    Frame f = frame(app, "Who is learning?");
    ProfilesRows rows;
    profiles_rows_load(app, &rows);
    int gap = draw_u(app, 3);
    int left_w = f.w * 42 / 100;
    SDL_Rect left = {f.x, f.top, left_w, f.bottom - f.top};
    SDL_Rect right = {f.x + left_w + gap, f.top, f.w - left_w - gap, f.bottom - f.top};
    draw_learners(app, &rows, left);
    int y = draw_field(app, right);
    SDL_Rect rest = {right.x, y, right.w, right.y + right.h - y};
    if (s->typing) {
        keypad_draw(app, rest, false);
    } else {
        draw_progress(app, &rows, rest);
    }
    draw_button(app, (SDL_Rect){f.x, f.bar_y, draw_u(app, 16), f.bar_h}, "back", "Back",
                app->profiles_view.focus == rows.count + STOP_BACK, false);
    profiles_rows_free(&rows);
    draw_help(app, s->typing ? "Type a name   Enter create   Backspace erase   Esc leave the field"
                             : "\xE2\x86\x91\xE2\x86\x93 choose   Enter pick   Esc back");
}

static void draw_packs(App *app)
{
    const Theme *t = &app->theme;
    ProfilesState *s = profiles_state(app);
    ListState *l = &s->packs;
    Frame f = frame(app, "Reset a pack");
    char sub[PROFILE_NAME_SIZE + 96];
    snprintf(sub, sizeof sub, "Choose the pack where %s starts anew.", app->profile);
    int cap = draw_u(app, 4);
    text_draw_line_fit(app->text, FACE_REGULAR, draw_u(app, 2.6f), t->dim, app->w / 2,
                       f.top + cap / 2, f.w, ALIGN_CENTER, sub);
    int msg_h = s->message[0] ? draw_u(app, 9) : 0;
    int top = f.top + cap + draw_u(app, 0.5f);
    int h = f.bottom - top - (msg_h ? msg_h + draw_u(app, 1) : 0);
    int n = profiles_pack_count(app);
    int row_h = draw_u(app, 6.5f);
    int arrows_h;
    int shown = fit_rows(app, l, n, h, row_h, &arrows_h);
    int y = top;
    for (int i = l->scroll; i < n && i < l->scroll + shown; i++) {
        const Pack *p = profiles_pack_at(app, i);
        list_row(app, (SDL_Rect){f.x, y, f.w, row_h}, "pack", i + 1, p->title, p->id, t->dim,
                 s->mode == PROFILES_PACKS && l->focus == i);
        y += row_h + f.gap;
    }
    if (arrows_h > 0) {
        scroll_arrows(app, (SDL_Rect){f.x, top + h - arrows_h, f.w, arrows_h});
    }
    if (msg_h) {
        draw_message(app, (SDL_Rect){f.x, f.bottom - msg_h, f.w, msg_h});
    }
    draw_button(app, (SDL_Rect){f.x, f.bar_y, draw_u(app, 16), f.bar_h}, "back", "Back",
                s->mode == PROFILES_PACKS && l->focus >= n, false);
    draw_help(app, "\xE2\x86\x91\xE2\x86\x93 choose   Enter reset\xE2\x80\xA6   Esc back");
}

/* The question before a reset; nothing else answers while it is asked. */
static void draw_confirm(App *app)
{
    const Theme *t = &app->theme;
    ProfilesState *s = profiles_state(app);
    draw_title(app, draw_u(app, 2), "Reset a pack");
    const Pack *pack = library_find(&app->library, s->pack_id);
    char q[600];
    snprintf(q, sizeof q,
             "Reset your progress in %s? This cannot be undone from the game (the old file is "
             "kept aside).",
             pack ? pack->title : s->pack_id);
    int w = app->w - 2 * draw_u(app, 6);
    if (w > draw_u(app, 110)) {
        w = draw_u(app, 110);
    }
    int h = draw_u(app, 38);
    SDL_Rect box = {(app->w - w) / 2, (app->h - h) / 2, w, h};
    draw_fill(app, box, t->bg);
    draw_outline(app, box, t->warn, draw_u(app, 0.4f));
    int pad = draw_u(app, 3);
    int bh = draw_u(app, 7.5f);
    int keys_h = draw_u(app, 3.5f);
    SDL_Rect text = {box.x + pad, box.y + pad, box.w - 2 * pad, box.h - 3 * pad - bh - keys_h};
    text_draw_box(app->text, FACE_BOLD, t->text, text, draw_u(app, 2), draw_u(app, 3.6f),
                  ALIGN_CENTER, true, q);
    text_draw_line_fit(app->text, FACE_REGULAR, draw_u(app, 2.6f), t->dim, box.x + box.w / 2,
                       text.y + text.h + keys_h / 2, text.w, ALIGN_CENTER,
                       "Enter: reset \xC2\xB7 Esc: keep");
    int bw = (box.w - 3 * pad) / 2;
    int by = box.y + box.h - pad - bh;
    draw_button(app, (SDL_Rect){box.x + pad, by, bw, bh}, "confirm", "Reset", false, true);
    draw_button(app, (SDL_Rect){box.x + 2 * pad + bw, by, bw, bh}, "cancel", "Keep", false, false);
    draw_help(app, "Enter reset   Esc keep");
}

void profiles_draw(App *app)
{
    ProfilesState *s = profiles_state(app);
    switch (s->mode) {
    case PROFILES_PACKS:
        draw_packs(app);
        break;
    case PROFILES_CONFIRM:
        draw_confirm(app);
        break;
    default:
        draw_list(app);
        break;
    }
    s->follow = false;
}
