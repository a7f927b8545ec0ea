/* screen_stats.c - the statistics screen: counts of new, learning, mature, suspended and leech
 * cards as tiles, then four charts (stats_chart.c). The counts are read once on enter into
 * app->stats_data, which this screen owns: it frees them on leave. It never writes a file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/app.h"
#include "ui/draw.h"
#include "ui/stats_chart.h"

enum { TILE_COUNT = 5 };

static const KeyBinding keys[] = {
    {SDLK_ESCAPE, 0, CMD_BACK, 0, NULL},    {SDLK_BACKSPACE, 0, CMD_BACK, 0, NULL},
    {SDLK_RETURN, 0, CMD_CONFIRM, 0, NULL}, {SDLK_KP_ENTER, 0, CMD_CONFIRM, 0, NULL},
    {SDLK_UP, 0, CMD_UP, 0, NULL},          {SDLK_DOWN, 0, CMD_DOWN, 0, NULL},
    {SDLK_PAGEUP, 0, CMD_PREV, 0, NULL},    {SDLK_PAGEDOWN, 0, CMD_NEXT, 0, NULL},
};

/* The counts in one heap block: the DeckStats first, then copies of its topic names, so the
 * names outlive a reload of the packs (deck_stats borrows them from the packs) and one
 * deck_stats_free plus one free() release everything. NULL when they could not be read. */
static DeckStats *load_stats(App *app)
{
    DeckStats st;
    memset(&st, 0, sizeof st);
    if (!study_stats(app, &st)) {
        return NULL;
    }
    size_t names = 0;
    for (size_t i = 0; i < st.topic_count; i++) {
        names += strlen(st.topics[i].topic) + 1;
    }
    DeckStats *block = malloc(sizeof *block + names);
    if (!block) {
        deck_stats_free(&st);
        return NULL;
    }
    *block = st; /* the topics array moves into the block */
    char *p = (char *)(block + 1);
    for (size_t i = 0; i < st.topic_count; i++) {
        size_t len = strlen(st.topics[i].topic) + 1;
        memcpy(p, st.topics[i].topic, len);
        block->topics[i].topic = p;
        p += len;
    }
    return block;
}

static void free_stats(App *app)
{
    if (app->stats_data) {
        deck_stats_free(app->stats_data);
        free(app->stats_data);
        app->stats_data = NULL;
    }
}

static void enter(App *app)
{
    free_stats(app);
    app->stats_data = load_stats(app);
    app->stats_view.focus = 0;
    app->stats_view.scroll = 0;
}

static void leave(App *app)
{
    free_stats(app);
}

static void scroll(App *app, int by)
{
    int n = app->stats_data ? (int)app->stats_data->topic_count : 0;
    int s = app->stats_view.scroll + by;
    /* the chart clamps it further to what fits on screen */
    app->stats_view.scroll = s < 0 ? 0 : s >= n ? (n > 0 ? n - 1 : 0) : s;
}

static void command(App *app, const Command *cmd)
{
    switch (cmd->kind) {
    case CMD_BACK:
    case CMD_CONFIRM:
        app_switch(app, SCREEN_TITLE);
        break;
    case CMD_UP:
    case CMD_PREV:
        scroll(app, -1);
        break;
    case CMD_DOWN:
    case CMD_NEXT:
        scroll(app, 1);
        break;
    case CMD_SCROLL:
        scroll(app, cmd->index > 0 ? 1 : -1);
        break;
    case CMD_ACTIVATE:
        if (cmd->arg && strcmp(cmd->arg, "back") == 0) {
            app_switch(app, SCREEN_TITLE);
        }
        break;
    default:
        break;
    }
}

/* One count: a number over its label, with a colour strip (the label says it too). */
static void draw_tile(App *app, SDL_Rect r, int value, const char *label, SDL_Color color)
{
    const Theme *t = &app->theme;
    draw_fill(app, r, t->panel);
    draw_fill(app, (SDL_Rect){r.x, r.y, r.w, draw_u(app, 0.7f)}, color);
    char num[24];
    snprintf(num, sizeof num, "%d", value);
    int pad = draw_u(app, 1);
    text_draw_line_fit(app->text, FACE_BOLD, draw_u(app, 5), value ? color : t->dim, r.x + r.w / 2,
                       r.y + r.h * 42 / 100, r.w - 2 * pad, ALIGN_CENTER, num);
    text_draw_line_fit(app->text, FACE_REGULAR, draw_u(app, 2.6f), t->text, r.x + r.w / 2,
                       r.y + r.h * 80 / 100, r.w - 2 * pad, ALIGN_CENTER, label);
}

static void draw_tiles(App *app, SDL_Rect area, const DeckStats *st)
{
    const Theme *t = &app->theme;
    const int values[TILE_COUNT] = {st->new_cards, st->learning, st->mature, st->suspended,
                                    st->leeches};
    const char *labels[TILE_COUNT] = {"New", "Learning", "Mature", "Suspended", "Leeches"};
    const SDL_Color colors[TILE_COUNT] = {t->accent, t->warn, t->right, t->dim, t->wrong};
    int gap = draw_u(app, 1.5f);
    int tw = (area.w - (TILE_COUNT - 1) * gap) / TILE_COUNT;
    for (int i = 0; i < TILE_COUNT; i++) {
        SDL_Rect r = {area.x + i * (tw + gap), area.y, tw, area.h};
        draw_tile(app, r, values[i], labels[i], colors[i]);
    }
}

static void draw(App *app)
{
    const Theme *t = &app->theme;
    int margin = draw_u(app, 2.5f);
    int top = draw_u(app, 2);
    int bw = draw_u(app, 13), bh = draw_u(app, 5.5f);
    draw_button(app, (SDL_Rect){margin, top, bw, bh}, "back", "\xE2\x97\x80 Back", false, false);
    char title[PROFILE_NAME_SIZE + 32];
    snprintf(title, sizeof title, "Statistics \xC2\xB7 %s", app->profile);
    int size = draw_u(app, 5);
    int lh = text_line_height(app->text, FACE_BOLD, size);
    text_draw_line_fit(app->text, FACE_BOLD, size, t->text, app->w / 2, top + bh / 2,
                       app->w - 2 * (bw + 2 * margin), ALIGN_CENTER, title);
    int y = top + (lh > bh ? lh : bh) + draw_u(app, 1.5f);
    int help_top = app->h - draw_u(app, 4.5f);
    const DeckStats *st = app->stats_data;
    if (!st) {
        text_draw_box(app->text, FACE_REGULAR, t->dim,
                      (SDL_Rect){margin, y, app->w - 2 * margin, help_top - y}, draw_u(app, 2.2f),
                      draw_u(app, 3), ALIGN_CENTER, true,
                      "The statistics could not be read (see the warning above).");
        draw_help(app, "Esc back");
        return;
    }
    int tiles_h = draw_u(app, 11);
    draw_tiles(app, (SDL_Rect){margin, y, app->w - 2 * margin, tiles_h}, st);
    y += tiles_h + draw_u(app, 1.5f);

    int gap = draw_u(app, 1.5f);
    int bottom = help_top - gap;
    int cw = (app->w - 2 * margin - gap) / 2;
    int ch = (bottom - y - gap) / 2;
    if (ch > 0 && cw > 0) {
        int x2 = margin + cw + gap, y2 = y + ch + gap;
        stats_chart_forecast(app, (SDL_Rect){margin, y, cw, ch}, st);
        stats_chart_history(app, (SDL_Rect){x2, y, cw, ch}, st);
        stats_chart_retention(app, (SDL_Rect){margin, y2, cw, ch}, st, app->settings.retention);
        stats_chart_topics(app, (SDL_Rect){x2, y2, cw, ch}, st, &app->stats_view.scroll);
    }
    draw_help(app, "Esc back   \xE2\x86\x91\xE2\x86\x93 scroll topics   F11 full screen");
}

const Screen screen_stats = {
    .name = "stats",
    .keys = keys,
    .key_count = SDL_arraysize(keys),
    .enter = enter,
    .leave = leave,
    .command = command,
    .draw = draw,
};
