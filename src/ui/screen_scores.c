/* screen_scores.c - the high-score tables, one selection at a time. Reads the board; never
 * changes it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/strbuf.h"
#include "ui/app.h"
#include "ui/draw.h"

enum { COLUMNS = 7 };

static const char *const column_name[COLUMNS] = {"#",    "Score", "Right", "Accuracy",
                                                 "Time", "Date",  "Mode"};
/* column widths in percent of the table */
static const int column_pct[COLUMNS] = {7, 14, 13, 14, 12, 26, 14};

static const KeyBinding keys[] = {
    {SDLK_LEFT, 0, CMD_LEFT, 0, NULL},   {SDLK_RIGHT, 0, CMD_RIGHT, 0, NULL},
    {SDLK_PAGEUP, 0, CMD_LEFT, 0, NULL}, {SDLK_PAGEDOWN, 0, CMD_RIGHT, 0, NULL},
    {SDLK_UP, 0, CMD_LEFT, 0, NULL},     {SDLK_DOWN, 0, CMD_RIGHT, 0, NULL},
    {SDLK_ESCAPE, 0, CMD_BACK, 0, NULL}, {SDLK_BACKSPACE, 0, CMD_BACK, 0, NULL},
    {SDLK_RETURN, 0, CMD_BACK, 0, NULL}, {SDLK_KP_ENTER, 0, CMD_BACK, 0, NULL},
};

static int selection_total(const App *app)
{
    return app->scores ? (int)scoreboard_selection_count(app->scores) : 0;
}

static bool has_rows(const App *app, int i)
{
    const char *sel = app->scores ? scoreboard_selection(app->scores, (size_t)i) : NULL;
    const ScoreEntry *one[1];
    return sel && scoreboard_get(app->scores, sel, one, 1) > 0;
}

/* Tables that have rows: how many, and where the one at `focus` is among them (1-based). */
static int tables_with_rows(const App *app, int focus, int *place)
{
    int n = 0;
    *place = 0;
    for (int i = 0; i < selection_total(app); i++) {
        if (has_rows(app, i)) {
            n++;
            if (i == focus) {
                *place = n;
            }
        }
    }
    return n;
}

/* Moves the focus to the next table with rows going `dir` (0: stay if it has rows). */
static void step(App *app, int dir)
{
    ListState *s = &app->scores_view;
    int n = selection_total(app);
    if (n == 0) {
        s->focus = 0;
        return;
    }
    int at = s->focus < 0 || s->focus >= n ? 0 : s->focus;
    if (dir == 0 && has_rows(app, at)) {
        s->focus = at;
        return;
    }
    int d = dir < 0 ? -1 : 1;
    for (int k = 1; k <= n; k++) {
        int i = ((at + d * k) % n + n) % n;
        if (has_rows(app, i)) {
            s->focus = i;
            return;
        }
    }
}

static void command(App *app, const Command *cmd)
{
    switch (cmd->kind) {
    case CMD_LEFT:
        step(app, -1);
        break;
    case CMD_RIGHT:
        step(app, +1);
        break;
    case CMD_BACK:
        app_switch(app, app->back_to);
        break;
    case CMD_ACTIVATE:
        if (cmd->name && strcmp(cmd->name, "button") == 0 && cmd->arg) {
            if (strcmp(cmd->arg, "prev") == 0) {
                step(app, -1);
            } else if (strcmp(cmd->arg, "next") == 0) {
                step(app, +1);
            } else if (strcmp(cmd->arg, "back") == 0) {
                app_switch(app, app->back_to);
            }
        }
        break;
    default:
        break;
    }
}

/* Appends one "name=value" part of a selection key, for people. */
static void describe_part(char *part, StrBuf *out)
{
    char *eq = strchr(part, '=');
    const char *value = eq ? eq + 1 : "";
    if (eq) {
        *eq = '\0';
    }
    if (out->len) {
        strbuf_puts(out, " \xC2\xB7 ");
    }
    if (strcmp(part, "packs") == 0) {
        if (!value[0]) {
            strbuf_puts(out, "all packs");
        }
        for (const char *v = value; *v; v++) {
            if (*v == ',') {
                strbuf_puts(out, ", ");
            } else {
                strbuf_append(out, v, 1);
            }
        }
    } else if (strcmp(part, "topic") == 0) {
        strbuf_printf(out, value[0] ? "topic %s" : "all topics", value);
    } else if (strcmp(part, "count") == 0) {
        int n = atoi(value);
        if (n >= SETTINGS_COUNT_MAX || n <= 0) {
            strbuf_puts(out, "all questions");
        } else {
            strbuf_printf(out, "%d question%s", n, n == 1 ? "" : "s");
        }
    } else if (strcmp(part, "mode") == 0) {
        strbuf_puts(out, value);
    } else {
        strbuf_printf(out, "%s%s%s", part, eq ? " " : "", value);
    }
}

/* Turns "packs=a,b;topic=x;count=10;mode=timed" into "a, b · topic x · 10 questions · timed". */
static void describe(const char *key, StrBuf *out)
{
    char copy[SCOREBOARD_SELECTION_MAX + 1];
    str_copy(copy, sizeof copy, key);
    char *part = copy;
    while (part) {
        char *semi = strchr(part, ';');
        if (semi) {
            *semi = '\0';
        }
        if (part[0]) {
            describe_part(part, out);
        }
        part = semi ? semi + 1 : NULL;
    }
}

/* ---- drawing ---- */

static void cell_text(const ScoreEntry *e, int rank, int column, char *out, size_t size)
{
    switch (column) {
    case 0:
        snprintf(out, size, "%d", rank);
        break;
    case 1:
        snprintf(out, size, "%ld", e->total);
        break;
    case 2:
        snprintf(out, size, "%d/%d", e->right, e->asked);
        break;
    case 3:
        if (e->asked > 0) {
            snprintf(out, size, "%d %%", (e->right * 100 + e->asked / 2) / e->asked);
        } else {
            snprintf(out, size, "\xE2\x80\x93");
        }
        break;
    case 4: {
        unsigned long s = (unsigned long)(e->time_ms / 1000);
        if (s >= 3600) {
            snprintf(out, size, "%lu:%02lu:%02lu", s / 3600, s / 60 % 60, s % 60);
        } else {
            snprintf(out, size, "%lu:%02lu", s / 60, s % 60);
        }
        break;
    }
    case 5: {
        struct tm tm;
        time_t when = e->when;
        if (!localtime_r(&when, &tm) || strftime(out, size, "%Y-%m-%d %H:%M", &tm) == 0) {
            snprintf(out, size, "?");
        }
        break;
    }
    case 6:
    default:
        snprintf(out, size, "%s", e->mode);
        break;
    }
}

/* One table row (rank 0 = the column names). */
static void draw_table_row(App *app, SDL_Rect r, int rank, const ScoreEntry *e, bool mine)
{
    const Theme *t = &app->theme;
    if (rank == 0) {
        draw_fill(app, r, t->bar_bg);
    } else if (mine) {
        draw_fill(app, r, t->panel_hi);
        draw_outline(app, r, t->accent, draw_u(app, 0.3f));
    } else if (rank % 2 == 1) {
        draw_fill(app, r, t->panel);
    }
    int size = r.h * 48 / 100;
    int x = r.x;
    for (int c = 0; c < COLUMNS; c++) {
        int w = r.w * column_pct[c] / 100;
        char text[64];
        if (rank == 0) {
            snprintf(text, sizeof text, "%s", column_name[c]);
        } else {
            cell_text(e, rank, c, text, sizeof text);
        }
        SDL_Color col = rank == 0 ? t->dim : c == 1 ? t->accent : t->text;
        text_draw_line_fit(app->text, rank == 0 || c == 1 ? FACE_BOLD : FACE_REGULAR, size, col,
                           x + w / 2, r.y + r.h / 2, w - draw_u(app, 0.8f), ALIGN_CENTER, text);
        x += w;
    }
}

static void draw_table(App *app, const char *selection, SDL_Rect area)
{
    const ScoreEntry *rows[SCOREBOARD_ROWS];
    int n = scoreboard_get(app->scores, selection, rows, SCOREBOARD_ROWS);
    int rh = area.h / (SCOREBOARD_ROWS + 1);
    if (rh > draw_u(app, 5.5f)) {
        rh = draw_u(app, 5.5f);
    }
    bool latest = strcmp(selection, app->run.selection) == 0;
    draw_table_row(app, (SDL_Rect){area.x, area.y, area.w, rh}, 0, NULL, false);
    for (int i = 0; i < n; i++) {
        SDL_Rect r = {area.x, area.y + (i + 1) * rh, area.w, rh};
        draw_table_row(app, r, i + 1, rows[i], latest && app->run.rank == i + 1);
    }
}

static void draw_selection(App *app, const char *selection, SDL_Rect band, int place, int tables)
{
    const Theme *t = &app->theme;
    int a = draw_u(app, 6);
    int text_x = band.x, text_w = band.w;
    if (tables > 1) {
        SDL_Rect prev = {band.x, band.y + (band.h - a) / 2, a, a};
        SDL_Rect next = {band.x + band.w - a, prev.y, a, a};
        draw_button(app, prev, "prev", "\xE2\x97\x80", false, false);
        draw_button(app, next, "next", "\xE2\x96\xB6", false, false);
        text_x += a + draw_u(app, 1.5f);
        text_w -= 2 * (a + draw_u(app, 1.5f));
    }
    if (text_w <= 0) {
        return;
    }
    StrBuf about = STRBUF_INIT;
    describe(selection, &about);
    int line = draw_u(app, 3);
    SDL_Rect box = {text_x, band.y, text_w, band.h - line};
    text_draw_box(app->text, FACE_BOLD, t->text, box, draw_u(app, 1.8f), draw_u(app, 3.2f),
                  ALIGN_CENTER, true, strbuf_cstr(&about));
    strbuf_free(&about);
    char count[64];
    snprintf(count, sizeof count, "Table %d of %d", place, tables);
    text_draw_line_fit(app->text, FACE_REGULAR, draw_u(app, 2.2f), t->dim, text_x + text_w / 2,
                       band.y + band.h - line / 2, text_w, ALIGN_CENTER, count);
}

static void draw(App *app)
{
    const Theme *t = &app->theme;
    draw_title(app, draw_u(app, 2), "High scores");
    int margin = draw_u(app, 2);
    int w = app->w - 2 * margin;
    if (w > draw_u(app, 140)) {
        w = draw_u(app, 140);
    }
    int x = (app->w - w) / 2;
    int help_top = app->h - draw_u(app, 4.5f);
    int bar_h = draw_u(app, 6.5f);
    int bar_y = help_top - draw_u(app, 1.5f) - bar_h;

    step(app, 0);
    int place = 0;
    int tables = tables_with_rows(app, app->scores_view.focus, &place);
    if (tables == 0) {
        text_draw_line_fit(app->text, FACE_REGULAR, draw_u(app, 3.4f), t->dim, app->w / 2,
                           app->h * 45 / 100, w, ALIGN_CENTER,
                           "No scores yet: finish a quiz to set one.");
    } else {
        const char *sel = scoreboard_selection(app->scores, (size_t)app->scores_view.focus);
        SDL_Rect band = {x, draw_u(app, 11), w, draw_u(app, 10)};
        draw_selection(app, sel, band, place, tables);
        int top = band.y + band.h + draw_u(app, 1.5f);
        draw_table(app, sel, (SDL_Rect){x, top, w, bar_y - draw_u(app, 1.5f) - top});
    }

    SDL_Rect back = {x, bar_y, draw_u(app, 16), bar_h};
    draw_button(app, back, "back", "Back", false, false);
    draw_help(app, tables > 1 ? "\xE2\x86\x90\xE2\x86\x92 other tables   Esc back" : "Esc back");
}

static void enter(App *app)
{
    ListState *s = &app->scores_view;
    if (app->back_to == SCREEN_RESULTS && app->scores) {
        /* straight from a finished quiz: show its table */
        for (int i = 0; i < selection_total(app); i++) {
            if (strcmp(scoreboard_selection(app->scores, (size_t)i), app->run.selection) == 0) {
                s->focus = i;
            }
        }
    }
    step(app, 0);
}

const Screen screen_scores = {
    .name = "scores",
    .keys = keys,
    .key_count = SDL_arraysize(keys),
    .enter = enter,
    .command = command,
    .draw = draw,
};
