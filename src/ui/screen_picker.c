/* screen_picker.c - "Choose packs and topics": which packs, which topic, how many questions, timer
 * and scoring, then Start. Writes the choice into the settings and asks play.c to start; it
 * never builds a quiz itself. */
#include <stdio.h>
#include <string.h>

#include "core/strbuf.h"
#include "ui/app.h"
#include "ui/draw.h"

/* Rows below the packs, in focus order. */
typedef enum PickerOption {
    OPTION_TOPIC,
    OPTION_QUESTIONS,
    OPTION_TIMER,
    OPTION_SCORING,
    OPTION_START, /* the Start button: a focus stop, not a value */
    OPTION_COUNT
} PickerOption;

enum {
    VALUE_ROWS = OPTION_START, /* rows drawn as label + value */
    PACKS_MAX = (int)SDL_arraysize(((PickerState *)NULL)->pack_on),
    TOPICS_MAX = (int)SDL_arraysize(((PickerState *)NULL)->topics),
    TOPIC_LEN = (int)sizeof(((PickerState *)NULL)->topics[0]),
    KEYED_PACKS = 8, /* packs 1-8 have a number key */
};

/* Hotspot arguments of the value rows ("option", "prev", "next"). */
static const char *const option_arg[VALUE_ROWS] = {"topic", "count", "timer", "scoring"};
static const char *const option_label[VALUE_ROWS] = {"Topic", "Questions", "Timer", "Scoring"};

/* The Questions row's steps; the last one means every matching question. */
static const int count_steps[] = {5, 10, 15, 20, 30, SETTINGS_COUNT_MAX};
enum { COUNT_STEPS = (int)SDL_arraysize(count_steps) };

static const KeyBinding keys[] = {
    {SDLK_UP, 0, CMD_UP, 0, NULL},
    {SDLK_DOWN, 0, CMD_DOWN, 0, NULL},
    {SDLK_TAB, 0, CMD_DOWN, 0, NULL},
    {SDLK_TAB, KMOD_SHIFT, CMD_UP, 0, NULL},
    {SDLK_LEFT, 0, CMD_LEFT, 0, NULL},
    {SDLK_RIGHT, 0, CMD_RIGHT, 0, NULL},
    {SDLK_SPACE, 0, CMD_TOGGLE, 0, NULL},
    {SDLK_RETURN, 0, CMD_CONFIRM, 0, NULL},
    {SDLK_KP_ENTER, 0, CMD_CONFIRM, 0, NULL},
    {SDLK_ESCAPE, 0, CMD_BACK, 0, NULL},
    {SDLK_PAGEUP, 0, CMD_PREV, 0, NULL},
    {SDLK_PAGEDOWN, 0, CMD_NEXT, 0, NULL},
    {SDLK_1, 0, CMD_CHOOSE, 0, NULL},
    {SDLK_2, 0, CMD_CHOOSE, 1, NULL},
    {SDLK_3, 0, CMD_CHOOSE, 2, NULL},
    {SDLK_4, 0, CMD_CHOOSE, 3, NULL},
    {SDLK_5, 0, CMD_CHOOSE, 4, NULL},
    {SDLK_6, 0, CMD_CHOOSE, 5, NULL},
    {SDLK_7, 0, CMD_CHOOSE, 6, NULL},
    {SDLK_8, 0, CMD_CHOOSE, 7, NULL},
    {SDLK_KP_1, 0, CMD_CHOOSE, 0, NULL},
    {SDLK_KP_2, 0, CMD_CHOOSE, 1, NULL},
    {SDLK_KP_3, 0, CMD_CHOOSE, 2, NULL},
    {SDLK_KP_4, 0, CMD_CHOOSE, 3, NULL},
    {SDLK_KP_5, 0, CMD_CHOOSE, 4, NULL},
    {SDLK_KP_6, 0, CMD_CHOOSE, 5, NULL},
    {SDLK_KP_7, 0, CMD_CHOOSE, 6, NULL},
    {SDLK_KP_8, 0, CMD_CHOOSE, 7, NULL},
};

/* Where everything goes; pure arithmetic on the layout unit, so command() can use it too. */
typedef struct PickerLayout {
    int x, w;        /* the content column */
    SDL_Rect header; /* "Packs" with All / none and the scroll arrows */
    int list_y;      /* first pack row */
    int row_h, gap;  /* pack and value rows */
    int visible;     /* pack rows that fit */
    int opt_y;       /* first value row */
    SDL_Rect bar;    /* Back, status, Start */
} PickerLayout;

static void layout(const App *app, PickerLayout *l)
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

/* ---- the packs ---- */

/* The n-th live pack (0-based, library order), or NULL. Borrowed from the library. */
static const LibraryEntry *live_entry(const Library *lib, int n)
{
    for (int i = 0; i < lib->count; i++) {
        const LibraryEntry *e = &lib->entries[i];
        if (e->pack && !e->replaced && n-- == 0) {
            return e;
        }
    }
    return NULL;
}

/* True when `id` is one of the comma-separated ids in `list`. */
static bool id_listed(const char *list, const char *id)
{
    size_t n = strlen(id);
    for (const char *p = list; *p;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        if (len == n && strncmp(p, id, n) == 0) {
            return true;
        }
        p += len;
        if (*p == ',') {
            p++;
        }
    }
    return false;
}

static int checked_count(const PickerState *p)
{
    int n = 0;
    for (int i = 0; i < p->pack_total; i++) {
        n += p->pack_on[i];
    }
    return n;
}

static const char *current_topic(const PickerState *p)
{
    return p->topic > 0 && p->topic <= p->topic_count ? p->topics[p->topic - 1] : "";
}

/* Collects the topics of the checked packs (in order of first appearance) and keeps `keep`
 * chosen when it is still among them. */
static void rebuild_topics(App *app, const char *keep)
{
    PickerState *p = &app->picker;
    char kept[TOPIC_LEN];
    str_copy(kept, sizeof kept, keep);
    p->topic_count = 0;
    p->topic = 0;
    for (int i = 0; i < p->pack_total; i++) {
        const LibraryEntry *e = live_entry(&app->library, i);
        if (!e || !p->pack_on[i]) {
            continue;
        }
        for (int q = 0; q < e->pack->question_count && p->topic_count < TOPICS_MAX; q++) {
            const char *t = e->pack->questions[q].topic;
            bool seen = false;
            for (int k = 0; k < p->topic_count && !seen; k++) {
                seen = strcmp(p->topics[k], t) == 0;
            }
            if (!seen && str_copy(p->topics[p->topic_count], TOPIC_LEN, t)) {
                p->topic_count++;
            }
        }
    }
    for (int k = 0; k < p->topic_count; k++) {
        if (strcmp(p->topics[k], kept) == 0) {
            p->topic = k + 1;
        }
    }
}

/* Questions of the checked packs that match the chosen topic. */
static int matching_questions(const App *app)
{
    const PickerState *p = &app->picker;
    const char *topic = current_topic(p);
    int n = 0;
    for (int i = 0; i < p->pack_total; i++) {
        const LibraryEntry *e = live_entry(&app->library, i);
        if (!e || !p->pack_on[i]) {
            continue;
        }
        for (int q = 0; q < e->pack->question_count; q++) {
            n += !topic[0] || strcmp(e->pack->questions[q].topic, topic) == 0;
        }
    }
    return n;
}

static int current_count(const App *app)
{
    int i = app->picker.count_index;
    return i >= 0 && i < COUNT_STEPS ? count_steps[i] : app->settings.question_count;
}

/* Fills the rows from the library and the settings. */
static void rebuild(App *app)
{
    PickerState *p = &app->picker;
    const Settings *st = &app->settings;
    int live = library_pack_count(&app->library);
    p->pack_total = live < PACKS_MAX ? live : PACKS_MAX;
    bool any = false;
    for (int i = 0; i < p->pack_total; i++) {
        const LibraryEntry *e = live_entry(&app->library, i);
        p->pack_on[i] = e && (!st->packs[0] || id_listed(st->packs, e->pack->id));
        any = any || p->pack_on[i];
    }
    if (!any) {
        /* the packs last picked are gone: offer everything rather than nothing */
        for (int i = 0; i < p->pack_total; i++) {
            p->pack_on[i] = true;
        }
    }
    p->count_index = -1; /* a count from the settings screen that is not a step */
    for (int i = 0; i < COUNT_STEPS; i++) {
        if (count_steps[i] == st->question_count) {
            p->count_index = i;
        }
    }
    rebuild_topics(app, st->topic);
    int rows = p->pack_total + OPTION_COUNT;
    if (p->focus < 0 || p->focus >= rows) {
        p->focus = 0;
    }
    if (p->scroll < 0 || p->scroll >= p->pack_total) {
        p->scroll = 0;
    }
}

/* Ctrl+R empties the rows (pack_total = 0): fill them again before using them. */
static void ensure_rows(App *app)
{
    if (app->picker.pack_total == 0) {
        rebuild(app);
    }
}

static void clamp_scroll(App *app)
{
    PickerLayout l;
    layout(app, &l);
    PickerState *p = &app->picker;
    int max = p->pack_total - l.visible;
    if (p->scroll > max) {
        p->scroll = max;
    }
    if (p->scroll < 0) {
        p->scroll = 0;
    }
}

/* Scrolls the pack rows so that a focused pack is on screen. */
static void follow_focus(App *app)
{
    PickerLayout l;
    layout(app, &l);
    PickerState *p = &app->picker;
    if (p->focus < p->pack_total) {
        if (p->focus < p->scroll) {
            p->scroll = p->focus;
        } else if (p->focus >= p->scroll + l.visible) {
            p->scroll = p->focus - l.visible + 1;
        }
    }
    clamp_scroll(app);
}

static void toggle_pack(App *app, int n)
{
    PickerState *p = &app->picker;
    if (n < 0 || n >= p->pack_total) {
        return;
    }
    char keep[TOPIC_LEN];
    str_copy(keep, sizeof keep, current_topic(p));
    p->pack_on[n] = !p->pack_on[n];
    rebuild_topics(app, keep);
}

/* Checks every pack, or none when all are checked already. */
static void toggle_all(App *app)
{
    PickerState *p = &app->picker;
    bool all = checked_count(p) == p->pack_total;
    char keep[TOPIC_LEN];
    str_copy(keep, sizeof keep, current_topic(p));
    for (int i = 0; i < p->pack_total; i++) {
        p->pack_on[i] = !all;
    }
    rebuild_topics(app, keep);
}

/* Moves a value row: `dir` -1 or +1 steps that way (the count stops at its ends, the topic
 * wraps around); 0 cycles forward, wrapping (Space, or a click on the row). */
static void change_option(App *app, PickerOption option, int dir)
{
    PickerState *p = &app->picker;
    Settings *st = &app->settings;
    switch (option) {
    case OPTION_TOPIC: {
        int n = p->topic_count + 1;
        p->topic = ((p->topic + (dir < 0 ? -1 : 1)) % n + n) % n;
        break;
    }
    case OPTION_QUESTIONS: {
        int v = current_count(app);
        int next = -1;
        if (p->count_index >= 0) {
            next = p->count_index + (dir < 0 ? -1 : 1);
        } else {
            /* an odd count from the settings: go to the nearest step that way */
            for (int i = 0; i < COUNT_STEPS; i++) {
                if (dir >= 0 ? count_steps[i] > v && next < 0 : count_steps[i] < v) {
                    next = i;
                }
            }
            if (next < 0) {
                break; /* nothing further that way: keep the odd count */
            }
        }
        if (next < 0) {
            next = 0;
        } else if (next >= COUNT_STEPS) {
            next = dir == 0 ? 0 : COUNT_STEPS - 1;
        }
        p->count_index = next;
        break;
    }
    /* timer and scoring are the same preferences the settings screen shows: saved at once */
    case OPTION_TIMER:
        st->timed = !st->timed;
        app_save_settings(app);
        break;
    case OPTION_SCORING:
        st->relaxed = !st->relaxed;
        app_save_settings(app);
        break;
    case OPTION_START:
    case OPTION_COUNT:
    default:
        break;
    }
}

/* Writes the choice into the settings, saves them and starts the quiz. */
static void start(App *app)
{
    PickerState *p = &app->picker;
    int checked = checked_count(p);
    if (checked == 0) {
        /* the status line says what to do; put the focus where it is done */
        p->focus = 0;
        p->scroll = 0;
        return;
    }
    Settings *st = &app->settings;
    StrBuf ids = STRBUF_INIT;
    bool all = checked == p->pack_total && p->pack_total == library_pack_count(&app->library);
    for (int i = 0; i < p->pack_total && !all; i++) {
        const LibraryEntry *e = live_entry(&app->library, i);
        if (e && p->pack_on[i]) {
            strbuf_printf(&ids, "%s%s", ids.len ? "," : "", e->pack->id);
        }
    }
    if (ids.oom || ids.len >= sizeof st->packs) {
        app_warn(app, "Too many packs checked to remember (%d): check fewer, or all of them.",
                 checked);
        strbuf_free(&ids);
        return;
    }
    str_copy(st->packs, sizeof st->packs, strbuf_cstr(&ids));
    strbuf_free(&ids);
    str_copy(st->topic, sizeof st->topic, current_topic(p));
    st->question_count = current_count(app);
    app_save_settings(app);
    play_start_from_settings(app);
}

static int option_from_arg(const char *arg)
{
    for (int i = 0; arg && i < VALUE_ROWS; i++) {
        if (strcmp(arg, option_arg[i]) == 0) {
            return i;
        }
    }
    return -1;
}

static void activate(App *app, const Command *cmd)
{
    PickerState *p = &app->picker;
    const char *name = cmd->name ? cmd->name : "";
    const char *arg = cmd->arg ? cmd->arg : "";
    int option = option_from_arg(cmd->arg);
    if (strcmp(name, "pack") == 0) {
        if (cmd->index >= 1 && cmd->index <= p->pack_total) {
            p->focus = cmd->index - 1;
            toggle_pack(app, cmd->index - 1);
        }
    } else if (option >= 0 && strcmp(name, "option") == 0) {
        p->focus = p->pack_total + option;
        change_option(app, (PickerOption)option, 0);
    } else if (option >= 0 && strcmp(name, "next") == 0) {
        p->focus = p->pack_total + option;
        change_option(app, (PickerOption)option, +1);
    } else if (option >= 0 && strcmp(name, "prev") == 0) {
        p->focus = p->pack_total + option;
        change_option(app, (PickerOption)option, -1);
    } else if (strcmp(name, "button") == 0) {
        if (strcmp(arg, "start") == 0) {
            p->focus = p->pack_total + OPTION_START;
            start(app);
        } else if (strcmp(arg, "back") == 0) {
            app_switch(app, SCREEN_TITLE);
        } else if (strcmp(arg, "all") == 0) {
            toggle_all(app);
        } else if (strcmp(arg, "packs-up") == 0) {
            p->scroll--;
        } else if (strcmp(arg, "packs-down") == 0) {
            p->scroll++;
        }
        clamp_scroll(app);
    }
}

static void command(App *app, const Command *cmd)
{
    ensure_rows(app);
    PickerState *p = &app->picker;
    int rows = p->pack_total + OPTION_COUNT;
    int option = p->focus - p->pack_total; /* < 0 on a pack row */
    PickerLayout l;
    layout(app, &l);
    switch (cmd->kind) {
    case CMD_UP:
        p->focus = (p->focus + rows - 1) % rows;
        follow_focus(app);
        break;
    case CMD_DOWN:
        p->focus = (p->focus + 1) % rows;
        follow_focus(app);
        break;
    case CMD_LEFT:
    case CMD_RIGHT:
        if (option >= 0) {
            change_option(app, (PickerOption)option, cmd->kind == CMD_LEFT ? -1 : +1);
        }
        break;
    case CMD_TOGGLE:
        if (option < 0) {
            toggle_pack(app, p->focus);
        } else if (option == OPTION_START) {
            start(app);
        } else {
            change_option(app, (PickerOption)option, 0);
        }
        break;
    case CMD_CONFIRM:
        start(app);
        break;
    case CMD_BACK:
        app_switch(app, SCREEN_TITLE);
        break;
    case CMD_CHOOSE:
        if (cmd->index < p->pack_total) {
            p->focus = cmd->index;
            toggle_pack(app, cmd->index);
            follow_focus(app);
        }
        break;
    case CMD_PREV:
    case CMD_NEXT:
        p->scroll += cmd->kind == CMD_NEXT ? l.visible : -l.visible;
        clamp_scroll(app);
        break;
    case CMD_SCROLL:
        p->scroll += cmd->index;
        clamp_scroll(app);
        break;
    case CMD_KEY:
        if (cmd->key == SDLK_a) {
            toggle_all(app);
        }
        break;
    case CMD_RELOAD:
        rebuild(app); /* the app emptied the rows; the library is new */
        break;
    case CMD_ACTIVATE:
        activate(app, cmd);
        break;
    default:
        break;
    }
}

/* ---- drawing ---- */

/* True when the hotspot about to be added is under the mouse (the layout is the same as the
 * last frame's, so it gets the same index). */
static bool hovered_next(const App *app, int hotspots)
{
    return app->hover >= app->hot_count && app->hover < app->hot_count + hotspots;
}

/* A small arrow button with its own hotspot `name` `arg`. */
static void arrow_button(App *app, SDL_Rect r, const char *name, const char *arg, const char *glyph)
{
    const Theme *t = &app->theme;
    draw_fill(app, r, hovered_next(app, 1) ? t->accent : t->bar_bg);
    text_draw_line_fit(app->text, FACE_BOLD, r.h * 55 / 100, t->text, r.x + r.w / 2, r.y + r.h / 2,
                       r.w, ALIGN_CENTER, glyph);
    app_hot_add(app, name, arg, 0, r);
}

static void draw_pack_row(App *app, SDL_Rect r, int n, const LibraryEntry *e, bool focused)
{
    const Theme *t = &app->theme;
    const PickerState *p = &app->picker;
    bool on = p->pack_on[n];
    draw_fill(app, r, hovered_next(app, 1) ? t->panel_hi : t->panel);
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
        arrow_button(app, up, "button", "packs-up", "\xE2\x96\xB2");
        arrow_button(app, down, "button", "packs-down", "\xE2\x96\xBC");
        right = up.x - draw_u(app, 1);
    }
    char label[96];
    int live = library_pack_count(&app->library);
    if (live > p->pack_total) {
        snprintf(label, sizeof label, "Packs: %d of %d checked (%d more not shown)",
                 checked_count(p), p->pack_total, live - p->pack_total);
    } else if (p->pack_total > l->visible) {
        int last = p->scroll + l->visible;
        snprintf(label, sizeof label, "Packs: %d of %d checked \xC2\xB7 showing %d\xE2\x80\x93%d",
                 checked_count(p), p->pack_total, p->scroll + 1,
                 last < p->pack_total ? last : p->pack_total);
    } else {
        snprintf(label, sizeof label, "Packs: %d of %d checked", checked_count(p), p->pack_total);
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
        snprintf(out, size, "%s", p->topic ? current_topic(p) : "All topics");
        break;
    case OPTION_QUESTIONS: {
        int c = current_count(app);
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
    draw_fill(app, r, hovered_next(app, 3) ? t->panel_hi : t->panel);
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
    arrow_button(app, prev, "prev", option_arg[option], "\xE2\x97\x80");
    arrow_button(app, next, "next", option_arg[option], "\xE2\x96\xB6");
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
    int n = matching_questions(app);
    if (checked_count(p) == 0) {
        snprintf(status, sizeof status, "Check at least one pack to start.");
        c = t->warn;
    } else if (n == 0) {
        snprintf(status, sizeof status, "No question matches: pick another topic.");
        c = t->warn;
    } else {
        int c_ask = current_count(app) < n ? current_count(app) : n;
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

static void draw(App *app)
{
    ensure_rows(app);
    clamp_scroll(app);
    const Theme *t = &app->theme;
    PickerState *p = &app->picker;
    PickerLayout l;
    layout(app, &l);
    draw_title(app, draw_u(app, 2), "Choose packs and topics");
    draw_header(app, &l);
    if (p->pack_total == 0) {
        text_draw_line_fit(app->text, FACE_REGULAR, draw_u(app, 2.8f), t->warn, app->w / 2,
                           l.list_y + l.row_h / 2, l.w, ALIGN_CENTER,
                           "No pack loaded: see Pack problems on the title screen.");
    }
    for (int i = 0; i < l.visible && p->scroll + i < p->pack_total; i++) {
        int n = p->scroll + i;
        const LibraryEntry *e = live_entry(&app->library, n);
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

static void enter(App *app)
{
    rebuild(app);
    clamp_scroll(app);
}

const Screen screen_picker = {
    .name = "picker",
    .keys = keys,
    .key_count = SDL_arraysize(keys),
    .enter = enter,
    .command = command,
    .draw = draw,
};
