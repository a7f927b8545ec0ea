/* screen_problems.c - "Pack problems": every diagnostic of every pack file, grouped by file
 * with a summary line each, as compilers print them. Shows the library; never reloads it
 * (the app does that on Ctrl+R). */
#include <stdio.h>
#include <string.h>

#include "core/strbuf.h"
#include "ui/app.h"
#include "ui/draw.h"

static const KeyBinding keys[] = {
    {SDLK_UP, 0, CMD_UP, 0, NULL},       {SDLK_DOWN, 0, CMD_DOWN, 0, NULL},
    {SDLK_PAGEUP, 0, CMD_PREV, 0, NULL}, {SDLK_PAGEDOWN, 0, CMD_NEXT, 0, NULL},
    {SDLK_HOME, 0, CMD_LEFT, 0, NULL},   {SDLK_END, 0, CMD_RIGHT, 0, NULL},
    {SDLK_ESCAPE, 0, CMD_BACK, 0, NULL}, {SDLK_BACKSPACE, 0, CMD_BACK, 0, NULL},
    {SDLK_RETURN, 0, CMD_BACK, 0, NULL}, {SDLK_KP_ENTER, 0, CMD_BACK, 0, NULL},
};

/* One line of the list: a file's summary, one of its diagnostics, or the count of those that
 * were not stored. `entry` is NULL for the group of problems found while loading. */
typedef struct Item {
    const LibraryEntry *entry;
    const DiagList *list;
    int diag; /* -1: the summary; list->count: "and N more" */
} Item;

/* Where the list goes; pure arithmetic on the layout unit. */
typedef struct ProblemsLayout {
    int x, w;
    SDL_Rect intro; /* the line above the list */
    SDL_Rect list;
    SDL_Rect bar; /* Back, position, scroll arrows */
} ProblemsLayout;

static void layout(const App *app, ProblemsLayout *l)
{
    int margin = draw_u(app, 2);
    l->w = app->w - 2 * margin;
    if (l->w > draw_u(app, 160)) {
        l->w = draw_u(app, 160);
    }
    l->x = (app->w - l->w) / 2;
    int help_top = app->h - draw_u(app, 4.5f);
    int bar_h = draw_u(app, 6.5f);
    l->bar = (SDL_Rect){l->x, help_top - draw_u(app, 1.5f) - bar_h, l->w, bar_h};
    l->intro = (SDL_Rect){l->x, draw_u(app, 11), l->w, draw_u(app, 4)};
    int top = l->intro.y + l->intro.h + draw_u(app, 1);
    l->list = (SDL_Rect){l->x, top, l->w, l->bar.y - draw_u(app, 1.5f) - top};
    if (l->list.h < 1) {
        l->list.h = 1;
    }
}

static bool has_problems(const LibraryEntry *e)
{
    return !e->pack || e->diags.count > 0 || e->diags.dropped > 0;
}

/* Items in a group: the summary, the diagnostics, maybe "and N more". Groups come in order:
 * the library's files with problems, then the problems of loading itself. */
static int group_items(const DiagList *list)
{
    return 1 + (int)list->count + (list->dropped > 0 ? 1 : 0);
}

static bool load_problems(const App *app)
{
    return app->load_diags.count > 0 || app->load_diags.dropped > 0;
}

static int item_total(const App *app)
{
    int n = 0;
    for (int i = 0; i < app->library.count; i++) {
        const LibraryEntry *e = &app->library.entries[i];
        if (has_problems(e)) {
            n += group_items(&e->diags);
        }
    }
    if (load_problems(app)) {
        n += group_items(&app->load_diags);
    }
    return n;
}

static bool item_at(const App *app, int n, Item *out)
{
    for (int i = 0; i < app->library.count; i++) {
        const LibraryEntry *e = &app->library.entries[i];
        if (!has_problems(e)) {
            continue;
        }
        int k = group_items(&e->diags);
        if (n < k) {
            *out = (Item){e, &e->diags, n - 1};
            return true;
        }
        n -= k;
    }
    if (load_problems(app) && n < group_items(&app->load_diags)) {
        *out = (Item){NULL, &app->load_diags, n - 1};
        return true;
    }
    return false;
}

static void counts_text(const DiagList *list, StrBuf *out)
{
    static const char *const names[DIAG_LEVEL_COUNT][2] = {
        [DIAG_ERROR] = {"error", "errors"},
        [DIAG_WARNING] = {"warning", "warnings"},
        [DIAG_NOTE] = {"note", "notes"},
    };
    static const DiagLevel order[DIAG_LEVEL_COUNT] = {DIAG_ERROR, DIAG_WARNING, DIAG_NOTE};
    size_t start = out->len;
    for (int i = 0; i < DIAG_LEVEL_COUNT; i++) {
        size_t c = list->counts[order[i]];
        if (c > 0) {
            strbuf_printf(out, "%s%zu %s", out->len > start ? ", " : "", c,
                          names[order[i]][c == 1 ? 0 : 1]);
        }
    }
}

/* The item's text, face and colour. */
static void item_text(const App *app, const Item *it, StrBuf *out, TextFace *face, SDL_Color *c)
{
    const Theme *t = &app->theme;
    *face = FACE_REGULAR;
    if (it->diag < 0) {
        *face = FACE_BOLD;
        *c = t->text;
        strbuf_printf(out, "%s: ", it->entry ? it->entry->path : "While loading");
        counts_text(it->list, out);
        if (it->entry) {
            const char *status = !it->entry->pack      ? "not loaded"
                                 : it->entry->replaced ? "loaded, but another pack with its id "
                                                         "is used instead"
                                                       : "loaded";
            strbuf_printf(out, "%s%s", it->list->count ? " \xC2\xB7 " : "", status);
        }
    } else if (it->diag >= (int)it->list->count) {
        *c = t->dim;
        strbuf_printf(out, "\xE2\x80\xA6 and %zu more not shown", it->list->dropped);
    } else {
        const Diag *d = &it->list->items[it->diag];
        *c = d->level == DIAG_ERROR ? t->wrong : d->level == DIAG_WARNING ? t->warn : t->dim;
        diag_format(d, out);
    }
}

static int text_size(const App *app, const Item *it)
{
    return it->diag < 0 ? draw_u(app, 2.7f) : draw_u(app, 2.3f);
}

/* The box an item wraps in: diagnostics are indented under their file. */
static SDL_Rect item_box(const App *app, const ProblemsLayout *l, const Item *it, int y)
{
    int indent = it->diag < 0 ? draw_u(app, 1.5f) : draw_u(app, 4);
    return (SDL_Rect){l->x + indent, y, l->w - indent - draw_u(app, 1), l->list.h};
}

/* Space above a file's summary, except at the top of the list. */
static int air_above(const App *app, const Item *it, bool at_top)
{
    return it->diag < 0 && !at_top ? draw_u(app, 1.2f) : 0;
}

/* Height of item `n` when drawn in the list, the space around it included (counted as if it
 * were not at the top, so a page never overflows). */
static int item_height(App *app, const ProblemsLayout *l, int n)
{
    Item it;
    if (!item_at(app, n, &it)) {
        return 0;
    }
    StrBuf s = STRBUF_INIT;
    TextFace face;
    SDL_Color c;
    item_text(app, &it, &s, &face, &c);
    SDL_Rect box = item_box(app, l, &it, 0);
    int size = text_size(app, &it);
    TextLayout lay = text_fit(app->text, face, strbuf_cstr(&s), box.w, box.h, size, size);
    strbuf_free(&s);
    return air_above(app, &it, n == 0) + lay.height + draw_u(app, 0.5f);
}

/* How many items from `first` fit in the list (at least one). */
static int page_items(App *app, const ProblemsLayout *l, int first)
{
    int total = item_total(app), used = 0, n = 0;
    while (first + n < total) {
        used += item_height(app, l, first + n);
        if (used > l->list.h && n > 0) {
            break;
        }
        n++;
    }
    return n > 0 ? n : 1;
}

/* The last first item that still fills the list: scrolling stops there. */
static int max_scroll(App *app, const ProblemsLayout *l)
{
    int total = item_total(app), used = 0;
    for (int n = total - 1; n >= 0; n--) {
        used += item_height(app, l, n);
        if (used > l->list.h) {
            return n + 1 < total ? n + 1 : n;
        }
    }
    return 0;
}

static void scroll_by(App *app, int delta)
{
    ProblemsLayout l;
    layout(app, &l);
    ListState *s = &app->problems;
    s->scroll += delta;
    int max = max_scroll(app, &l);
    if (s->scroll > max) {
        s->scroll = max;
    }
    if (s->scroll < 0) {
        s->scroll = 0;
    }
}

static void page(App *app, int dir)
{
    ProblemsLayout l;
    layout(app, &l);
    ListState *s = &app->problems;
    if (dir > 0) {
        scroll_by(app, page_items(app, &l, s->scroll));
        return;
    }
    /* back by as many items as fit above the current first one */
    int used = 0, n = 0;
    while (s->scroll - n - 1 >= 0) {
        used += item_height(app, &l, s->scroll - n - 1);
        if (used > l.list.h && n > 0) {
            break;
        }
        n++;
    }
    scroll_by(app, -n);
}

static void command(App *app, const Command *cmd)
{
    switch (cmd->kind) {
    case CMD_UP:
        scroll_by(app, -1);
        break;
    case CMD_DOWN:
        scroll_by(app, +1);
        break;
    case CMD_PREV:
        page(app, -1);
        break;
    case CMD_NEXT:
        page(app, +1);
        break;
    case CMD_LEFT:
        app->problems.scroll = 0;
        break;
    case CMD_RIGHT:
        scroll_by(app, item_total(app));
        break;
    case CMD_SCROLL:
        scroll_by(app, cmd->index);
        break;
    case CMD_RELOAD:
        app->problems.scroll = 0; /* the app has reloaded every pack */
        break;
    case CMD_BACK:
        app_switch(app, app->back_to);
        break;
    case CMD_ACTIVATE:
        if (cmd->name && strcmp(cmd->name, "button") == 0 && cmd->arg) {
            if (strcmp(cmd->arg, "up") == 0) {
                page(app, -1);
            } else if (strcmp(cmd->arg, "down") == 0) {
                page(app, +1);
            } else if (strcmp(cmd->arg, "back") == 0) {
                app_switch(app, app->back_to);
            }
        }
        break;
    default:
        break;
    }
}

/* ---- drawing ---- */

static void draw_empty(App *app, const ProblemsLayout *l)
{
    const Theme *t = &app->theme;
    int cy = l->list.y + l->list.h * 35 / 100;
    text_draw_line_fit(app->text, FACE_BOLD, draw_u(app, 3.4f), t->right, app->w / 2, cy, l->w,
                       ALIGN_CENTER, "No problems: every pack loaded cleanly.");
    char where[PATHS_MAX + 64];
    if (app->paths.user_packs[0]) {
        char shown[PATHS_MAX];
        app_short_path(app, app->paths.user_packs, shown, sizeof shown);
        snprintf(where, sizeof where, "Your own packs go in %s", shown);
    } else {
        snprintf(where, sizeof where,
                 "There is no folder for your own packs: set HOME or XDG_DATA_HOME.");
    }
    SDL_Rect box = {l->x, cy + draw_u(app, 4), l->w, draw_u(app, 8)};
    text_draw_box(app->text, FACE_REGULAR, t->dim, box, draw_u(app, 1.4f), draw_u(app, 2.6f),
                  ALIGN_CENTER, false, where);
}

static void draw_list(App *app, const ProblemsLayout *l, int first, int count)
{
    const Theme *t = &app->theme;
    SDL_RenderSetClipRect(app->renderer, &l->list);
    int y = l->list.y;
    for (int n = first; n < first + count; n++) {
        Item it;
        if (!item_at(app, n, &it)) {
            break;
        }
        y += air_above(app, &it, n == first);
        StrBuf s = STRBUF_INIT;
        TextFace face;
        SDL_Color c;
        item_text(app, &it, &s, &face, &c);
        SDL_Rect box = item_box(app, l, &it, y);
        int size = text_size(app, &it);
        TextLayout lay =
            text_draw_box(app->text, face, c, box, size, size, ALIGN_LEFT, false, strbuf_cstr(&s));
        if (it.diag < 0) {
            SDL_Color mark = !it.entry || !it.entry->pack ? t->wrong : t->right;
            draw_fill(app, (SDL_Rect){l->x, y, draw_u(app, 0.6f), lay.height}, mark);
        }
        strbuf_free(&s);
        y += lay.height + draw_u(app, 0.5f);
    }
    SDL_RenderSetClipRect(app->renderer, NULL);
}

static void draw_bar_row(App *app, const ProblemsLayout *l, int first, int count, int total)
{
    const Theme *t = &app->theme;
    SDL_Rect bar = l->bar;
    SDL_Rect back = {bar.x, bar.y, draw_u(app, 16), bar.h};
    draw_button(app, back, "back", "Back", false, false);
    int right = bar.x + bar.w;
    if (total > count) {
        SDL_Rect down = {right - bar.h, bar.y, bar.h, bar.h};
        SDL_Rect up = {down.x - draw_u(app, 1) - bar.h, bar.y, bar.h, bar.h};
        draw_button(app, up, "up", "\xE2\x96\xB2", false, false);
        draw_button(app, down, "down", "\xE2\x96\xBC", false, false);
        right = up.x;
        char where[64];
        snprintf(where, sizeof where, "Lines %d\xE2\x80\x93%d of %d", first + 1, first + count,
                 total);
        int sx = back.x + back.w + draw_u(app, 1.5f), sw = right - draw_u(app, 1.5f) - sx;
        if (sw > 0) {
            text_draw_line_fit(app->text, FACE_REGULAR, draw_u(app, 2.4f), t->dim, sx + sw / 2,
                               bar.y + bar.h / 2, sw, ALIGN_CENTER, where);
        }
    }
}

static void draw(App *app)
{
    const Theme *t = &app->theme;
    ProblemsLayout l;
    layout(app, &l);
    draw_title(app, draw_u(app, 2), "Pack problems");
    int total = item_total(app);
    int first = 0, count = 0;
    if (total == 0) {
        draw_empty(app, &l);
    } else {
        scroll_by(app, 0);
        first = app->problems.scroll;
        count = page_items(app, &l, first);
        int files = 0;
        for (int i = 0; i < app->library.count; i++) {
            files += has_problems(&app->library.entries[i]);
        }
        char intro[160];
        snprintf(intro, sizeof intro,
                 "%d file%s with problems \xC2\xB7 fix them, then press Ctrl+R to reload", files,
                 files == 1 ? "" : "s");
        text_draw_line_fit(app->text, FACE_REGULAR, draw_u(app, 2.4f), t->dim, l.x,
                           l.intro.y + l.intro.h / 2, l.w, ALIGN_LEFT, intro);
        draw_list(app, &l, first, count);
    }
    draw_bar_row(app, &l, first, count, total);
    draw_help(app, total > count ? "\xE2\x86\x91\xE2\x86\x93 scroll   PgUp/PgDn page   Home/End"
                                   "   Ctrl+R reload   Esc back"
                                 : "Ctrl+R reload packs   Esc back");
}

static void enter(App *app)
{
    app->problems.scroll = 0;
}

const Screen screen_problems = {
    .name = "problems",
    .keys = keys,
    .key_count = SDL_arraysize(keys),
    .enter = enter,
    .command = command,
    .draw = draw,
};
