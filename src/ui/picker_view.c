/* picker_view.c - the picker's layout and drawing: pack rows, value rows, the Start bar, and
 * their hotspots. Changes nothing but the scroll it clamps. */
#include <stdio.h>
#include <string.h>

#include "ui/draw.h"
#include "ui/picker.h"

enum { KEYED_PACKS = 8 }; /* packs 1-8 have a number key (see the key table in screen_picker.c) */

/* Hotspot arguments of the value rows ("option", "prev", "next"). */
static const char *const option_arg[VALUE_ROWS] = {"topic", "count", "timer", "scoring"};
static const char *const option_label[VALUE_ROWS] = {"Topic", "Questions", "Timer", "Scoring"};

void picker_layout(const App *app, PickerLayout *l)
{
    int margin = draw_u(app, 2);
    l->w = app->w - 2 * margin;
    if (l->w > draw_u(app, 140)) {
        l->w = draw_u(app, 140);
    }
    l->x = (app->w - l->w) / 2;
    l->row_h = draw_u(app, 5.2f);
    l->gap = draw_u(app, 0.7f);
    int help_top = app->h - draw_u(app, 4.5f);
    int bar_h = draw_u(app, 6.5f);
    l->bar = (SDL_Rect){l->x, help_top - draw_u(app, 1.5f) - bar_h, l->w, bar_h};
    l->opt_y = l->bar.y - draw_u(app, 1.5f) - VALUE_ROWS * l->row_h - (VALUE_ROWS - 1) * l->gap;
    l->header = (SDL_Rect){l->x, draw_u(app, 11), l->w, draw_u(app, 4.5f)};
    l->list_y = l->header.y + l->header.h + l->gap;
    int list_h = l->opt_y - draw_u(app, 1.5f) - l->list_y;
    l->visible = (list_h + l->gap) / (l->row_h + l->gap);
    if (l->visible < 1) {
        l->visible = 1; /* a tiny window: overlap rather than show no pack at all */
    }
}

void picker_clamp_scroll(App *app)
{
    PickerLayout l;
    picker_layout(app, &l);
    PickerState *p = &app->picker;
    int max = p->pack_total - l.visible;
    if (p->scroll > max) {
        p->scroll = max;
    }
    if (p->scroll < 0) {
        p->scroll = 0;
    }
}

int picker_option_from_arg(const char *arg)
{
    for (int i = 0; arg && i < VALUE_ROWS; i++) {
        if (strcmp(arg, option_arg[i]) == 0) {
            return i;
        }
    }
    return -1;
}

static void draw_pack_row(App *app, SDL_Rect r, int n, const LibraryEntry *e, bool focused)
{
    const Theme *t = &app->theme;
    const PickerState *p = &app->picker;
    bool on = p->pack_on[n];
    draw_fill(app, r, app_hot_hovered(app, 1) ? t->panel_hi : t->panel);
    app_hot_add(app, "pack", NULL, n + 1, r);
    if (focused) {
        draw_outline(app, r, t->text, draw_u(app, 0.4f));
    }
    int pad = draw_u(app, 1.2f);
    int cy = r.y + r.h / 2;
    int x = r.x + pad;
    int small = draw_u(app, 2.3f);
    if (p->pack_total > 1 && n < KEYED_PACKS) {
        char key[12];
        snprintf(key, sizeof key, "%d", n + 1);
        text_draw_line_fit(app->text, FACE_REGULAR, small, t->dim, x, cy, draw_u(app, 2.5f),
                           ALIGN_LEFT, key);
    }
    x += draw_u(app, 2.8f);
    int box = r.h * 6 / 10;
    SDL_Rect b = {x, cy - box / 2, box, box};
    if (on) {
        draw_fill(app, b, t->accent);
        text_draw_line_fit(app->text, FACE_BOLD, box * 8 / 10, t->bg, b.x + box / 2, cy, box,
                           ALIGN_CENTER, "\xE2\x9C\x93");
    } else {
        draw_outline(app, b, t->dim, draw_u(app, 0.3f));
    }
    x += box + pad;

    char info[128];
    const char *origin = e->origin == ORIGIN_USER           ? " \xC2\xB7 your pack"
                         : e->origin == ORIGIN_COMMAND_LINE ? " \xC2\xB7 command line"
                                                            : "";
    snprintf(info, sizeof info, "%d question%s%s", e->pack->question_count,
             e->pack->question_count == 1 ? "" : "s", origin);
    int right = r.x + r.w - pad;
    int info_w = text_width(app->text, FACE_REGULAR, small, info);
    int info_max = (right - x) * 2 / 5;
    if (info_w > info_max) {
        info_w = info_max;
    }
    text_draw_line_fit(app->text, FACE_REGULAR, small, t->dim, right, cy, info_w, ALIGN_RIGHT,
                       info);
    int title_w = right - info_w - pad - x;
    if (title_w > 0) {
        text_draw_line_fit(app->text, FACE_BOLD, draw_u(app, 2.8f), on ? t->text : t->dim, x, cy,
                           title_w, ALIGN_LEFT, e->pack->title);
    }
}

static void draw_header(App *app, const PickerLayout *l)
{
    const Theme *t = &app->theme;
    const PickerState *p = &app->picker;
    SDL_Rect h = l->header;
    int cy = h.y + h.h / 2;
    int bh = h.h * 85 / 100;
    int all_w = draw_u(app, 16);
    SDL_Rect all = {h.x + h.w - all_w, cy - bh / 2, all_w, bh};
    draw_button(app, all, "all", "All / none", false, false);
    int right = all.x - draw_u(app, 1);
    if (p->pack_total > l->visible) {
        SDL_Rect down = {right - bh, cy - bh / 2, bh, bh};
        SDL_Rect up = {down.x - draw_u(app, 0.6f) - bh, down.y, bh, bh};
        draw_arrow_button(app, up, "button", "packs-up", "\xE2\x96\xB2");
        draw_arrow_button(app, down, "button", "packs-down", "\xE2\x96\xBC");
        right = up.x - draw_u(app, 1);
    }
    char label[96];
    int live = library_pack_count(&app->library);
    if (live > p->pack_total) {
        snprintf(label, sizeof label, "Packs: %d of %d checked (%d more not shown)",
                 picker_checked_count(p), p->pack_total, live - p->pack_total);
    } else if (p->pack_total > l->visible) {
        int last = p->scroll + l->visible;
        snprintf(label, sizeof label, "Packs: %d of %d checked \xC2\xB7 showing %d\xE2\x80\x93%d",
                 picker_checked_count(p), p->pack_total, p->scroll + 1,
                 last < p->pack_total ? last : p->pack_total);
    } else {
        snprintf(label, sizeof label, "Packs: %d of %d checked", picker_checked_count(p),
                 p->pack_total);
    }
    if (right > h.x) {
        text_draw_line_fit(app->text, FACE_BOLD, draw_u(app, 2.8f), t->text, h.x, cy, right - h.x,
                           ALIGN_LEFT, label);
    }
}

static void option_value(const App *app, PickerOption option, char *out, size_t size)
{
    const PickerState *p = &app->picker;
    const Settings *st = &app->settings;
    switch (option) {
    case OPTION_TOPIC:
        snprintf(out, size, "%s", p->topic ? picker_current_topic(p) : "All topics");
        break;
    case OPTION_QUESTIONS: {
        int c = picker_current_count(app);
        if (c >= SETTINGS_COUNT_MAX) {
            snprintf(out, size, "All");
        } else {
            snprintf(out, size, "%d", c);
        }
        break;
    }
    case OPTION_TIMER:
        snprintf(out, size, "%s", st->timed ? "Timed" : "Untimed");
        break;
    case OPTION_SCORING:
        snprintf(out, size, "%s",
                 st->relaxed ? "Relaxed: accuracy only, no speed pressure"
                             : "Normal: quicker answers score more");
        break;
    case OPTION_START:
    case OPTION_COUNT:
    default:
        out[0] = '\0';
        break;
    }
}

static void draw_option_row(App *app, SDL_Rect r, PickerOption option, bool focused)
{
    const Theme *t = &app->theme;
    draw_fill(app, r, app_hot_hovered(app, 3) ? t->panel_hi : t->panel);
    app_hot_add(app, "option", option_arg[option], 0, r);
    if (focused) {
        draw_outline(app, r, t->text, draw_u(app, 0.4f));
    }
    int pad = draw_u(app, 1.2f);
    int cy = r.y + r.h / 2;
    int label_w = r.w * 24 / 100;
    text_draw_line_fit(app->text, FACE_BOLD, draw_u(app, 2.8f), t->text, r.x + pad, cy,
                       label_w - pad, ALIGN_LEFT, option_label[option]);
    int a = r.h - 2 * draw_u(app, 0.7f);
    SDL_Rect prev = {r.x + label_w, cy - a / 2, a, a};
    SDL_Rect next = {r.x + r.w - pad - a, cy - a / 2, a, a};
    draw_arrow_button(app, prev, "prev", option_arg[option], "\xE2\x97\x80");
    draw_arrow_button(app, next, "next", option_arg[option], "\xE2\x96\xB6");
    char value[160];
    option_value(app, option, value, sizeof value);
    /* scoring has no effect on an untimed quiz: show it, but quietly */
    bool moot = option == OPTION_SCORING && !app->settings.timed;
    int vx = prev.x + a + pad, vw = next.x - pad - vx;
    if (vw > 0) {
        text_draw_line_fit(app->text, FACE_REGULAR, draw_u(app, 2.8f), moot ? t->dim : t->text,
                           vx + vw / 2, cy, vw, ALIGN_CENTER, value);
    }
}

static void draw_bar_row(App *app, const PickerLayout *l)
{
    const Theme *t = &app->theme;
    const PickerState *p = &app->picker;
    SDL_Rect bar = l->bar;
    int back_w = draw_u(app, 16), start_w = draw_u(app, 24);
    SDL_Rect back = {bar.x, bar.y, back_w, bar.h};
    SDL_Rect go = {bar.x + bar.w - start_w, bar.y, start_w, bar.h};
    draw_button(app, back, "back", "Back", false, false);
    draw_button(app, go, "start", "Start", p->focus == p->pack_total + OPTION_START, true);
    char status[160];
    SDL_Color c = t->dim;
    int n = picker_matching_questions(app);
    if (picker_checked_count(p) == 0) {
        snprintf(status, sizeof status, "Check at least one pack to start.");
        c = t->warn;
    } else if (n == 0) {
        snprintf(status, sizeof status, "No question matches: pick another topic.");
        c = t->warn;
    } else {
        int c_ask = picker_current_count(app) < n ? picker_current_count(app) : n;
        snprintf(status, sizeof status, "%d question%s match \xC2\xB7 the quiz asks %d", n,
                 n == 1 ? "" : "s", c_ask);
    }
    int sx = back.x + back.w + draw_u(app, 1.5f);
    int sw = go.x - draw_u(app, 1.5f) - sx;
    if (sw > 0) {
        text_draw_line_fit(app->text, FACE_REGULAR, draw_u(app, 2.6f), c, sx + sw / 2,
                           bar.y + bar.h / 2, sw, ALIGN_CENTER, status);
    }
}

void picker_draw(App *app)
{
    picker_ensure_rows(app);
    picker_clamp_scroll(app);
    const Theme *t = &app->theme;
    PickerState *p = &app->picker;
    PickerLayout l;
    picker_layout(app, &l);
    draw_title(app, draw_u(app, 2), "Choose packs and topics");
    draw_header(app, &l);
    if (p->pack_total == 0) {
        text_draw_line_fit(app->text, FACE_REGULAR, draw_u(app, 2.8f), t->warn, app->w / 2,
                           l.list_y + l.row_h / 2, l.w, ALIGN_CENTER,
                           "No pack loaded: see Pack problems on the title screen.");
    }
    for (int i = 0; i < l.visible && p->scroll + i < p->pack_total; i++) {
        int n = p->scroll + i;
        const LibraryEntry *e = picker_live_entry(&app->library, n);
        if (e) {
            SDL_Rect r = {l.x, l.list_y + i * (l.row_h + l.gap), l.w, l.row_h};
            draw_pack_row(app, r, n, e, p->focus == n);
        }
    }
    for (int i = 0; i < VALUE_ROWS; i++) {
        SDL_Rect r = {l.x, l.opt_y + i * (l.row_h + l.gap), l.w, l.row_h};
        draw_option_row(app, r, (PickerOption)i, p->focus == p->pack_total + i);
    }
    draw_bar_row(app, &l);
    draw_help(app, "\xE2\x86\x91\xE2\x86\x93 move   Space check   \xE2\x86\x90\xE2\x86\x92 change"
                   "   1-8 pack   A all/none   Enter start   Esc back");
}
