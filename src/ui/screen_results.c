/* screen_results.c - the end of a quiz: score, accuracy, time, accuracy per topic as a bar
 * chart, the missed questions with their explanations, and the high-score table. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "ui/app.h"
#include "ui/draw.h"
#include "ui/hud.h"

static const KeyBinding keys[] = {
    {SDLK_RETURN, 0, CMD_CONFIRM, 0, NULL}, {SDLK_KP_ENTER, 0, CMD_CONFIRM, 0, NULL},
    {SDLK_ESCAPE, 0, CMD_BACK, 0, NULL},    {SDLK_UP, 0, CMD_UP, 0, NULL},
    {SDLK_DOWN, 0, CMD_DOWN, 0, NULL},      {SDLK_PAGEUP, 0, CMD_PREV, 0, NULL},
    {SDLK_PAGEDOWN, 0, CMD_NEXT, 0, NULL},
};

static void scroll(App *app, int by)
{
    int n = app->run.has_result ? app->run.result.missed_count : 0;
    int s = app->results.scroll + by;
    app->results.scroll = s < 0 ? 0 : s >= n ? (n > 0 ? n - 1 : 0) : s;
}

static void open_scores(App *app)
{
    app->back_to = SCREEN_RESULTS;
    app_switch(app, SCREEN_SCORES);
}

static void command(App *app, const Command *cmd)
{
    switch (cmd->kind) {
    case CMD_CONFIRM:
        play_start_from_settings(app);
        break;
    case CMD_BACK:
        play_end(app);
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
    case CMD_KEY:
        if (cmd->key == SDLK_r) {
            play_retry_missed(app);
        } else if (cmd->key == SDLK_h) {
            open_scores(app);
        }
        break;
    case CMD_ACTIVATE:
        if (!cmd->arg) {
            break;
        }
        if (strcmp(cmd->arg, "retry") == 0) {
            play_retry_missed(app);
        } else if (strcmp(cmd->arg, "again") == 0) {
            play_start_from_settings(app);
        } else if (strcmp(cmd->arg, "scores") == 0) {
            open_scores(app);
        } else if (strcmp(cmd->arg, "back") == 0) {
            play_end(app);
            app_switch(app, SCREEN_TITLE);
        } else if (strcmp(cmd->arg, "up") == 0) {
            scroll(app, -1);
        } else if (strcmp(cmd->arg, "down") == 0) {
            scroll(app, 1);
        }
        break;
    default:
        break;
    }
}

static void enter(App *app)
{
    app->results.scroll = 0;
}

static void format_time(uint64_t ms, char *out, size_t size)
{
    unsigned long s = (unsigned long)((ms + 500) / 1000);
    snprintf(out, size, "%lu:%02lu", s / 60, s % 60);
}

static int draw_topics(App *app, const QuizResult *res, SDL_Rect area)
{
    const Theme *t = &app->theme;
    int size = draw_u(app, 2.8f);
    int lh = text_line_height(app->text, FACE_BOLD, size);
    text_draw(app->text, FACE_BOLD, size, t->text, area.x, area.y, ALIGN_LEFT, "Accuracy by topic");
    int y = area.y + lh + draw_u(app, 0.5f);
    int rows = res->topic_count;
    int rh = draw_u(app, 4);
    int max_rows = (area.y + area.h - y) / rh;
    if (rows > max_rows) {
        rows = max_rows;
    }
    int name_w = area.w * 32 / 100, num_w = area.w * 24 / 100;
    int num_size = draw_u(app, 2.5f);
    for (int i = 0; i < rows; i++) {
        const TopicResult *tr = &res->topics[i];
        double frac = tr->asked ? (double)tr->right / tr->asked : 0;
        text_draw_line_fit(app->text, FACE_REGULAR, draw_u(app, 2.6f), t->text, area.x, y + rh / 2,
                           name_w - draw_u(app, 1), ALIGN_LEFT, tr->topic);
        SDL_Color fill = frac >= 0.8 ? t->right : frac >= 0.5 ? t->warn : t->wrong;
        draw_bar(app, (SDL_Rect){area.x + name_w, y + rh / 5, area.w - name_w - num_w, rh * 3 / 5},
                 frac, fill);
        char num[48];
        snprintf(num, sizeof num, "%d/%d  %d %%", tr->right, tr->asked,
                 tr->asked ? tr->right * 100 / tr->asked : 0);
        text_draw_line_fit(app->text, FACE_REGULAR, num_size, t->text, area.x + area.w, y + rh / 2,
                           num_w - draw_u(app, 1), ALIGN_RIGHT, num);
        y += rh;
    }
    return y;
}

static void draw_missed(App *app, const QuizResult *res, SDL_Rect area)
{
    const Theme *t = &app->theme;
    int size = draw_u(app, 2.8f);
    int lh = text_line_height(app->text, FACE_BOLD, size);
    char head[80];
    snprintf(head, sizeof head, res->missed_count ? "Missed (%d)" : "Nothing missed: well done!",
             res->missed_count);
    text_draw(app->text, FACE_BOLD, size, t->text, area.x, area.y, ALIGN_LEFT, head);
    int y = area.y + lh + draw_u(app, 0.5f);
    int gap = draw_u(app, 1);
    int avail = area.y + area.h - y;
    /* one or two at a time, large enough to read; the arrows scroll */
    int bh = avail >= draw_u(app, 30) ? (avail - gap) / 2 : avail;
    if (bh < draw_u(app, 10)) {
        bh = draw_u(app, 10);
    }
    int arrows = res->missed_count > 1 ? draw_u(app, 6) : 0;
    for (int i = app->results.scroll; i < res->missed_count; i++) {
        if (y + bh > area.y + area.h) {
            break;
        }
        const QuizItem *item = quiz_item(app->run.session, res->missed[i]);
        const Question *q = item->pick.question;
        char answer[PACK_TEXT_MAX * 2];
        char text[PACK_TEXT_MAX * 5];
        hud_answer_text(item, answer, sizeof answer);
        snprintf(text, sizeof text, "%s\n\xE2\x9C\x94 %s\n%s", q->prompt, answer, q->explain);
        SDL_Rect box = {area.x, y, area.w - arrows, bh};
        draw_fill(app, box, t->panel);
        draw_fill(app, (SDL_Rect){box.x, box.y, draw_u(app, 0.6f), bh}, t->wrong);
        SDL_Rect tb = {box.x + draw_u(app, 1.5f), box.y + draw_u(app, 0.5f),
                       box.w - draw_u(app, 2.5f), bh - draw_u(app, 1)};
        text_draw_box(app->text, FACE_REGULAR, t->text, tb, draw_u(app, 1.6f), draw_u(app, 2.8f),
                      ALIGN_LEFT, true, text);
        y += bh + gap;
    }
    if (arrows) {
        int ax = area.x + area.w - arrows + gap;
        int top = area.y + lh + draw_u(app, 0.5f);
        draw_button(app, (SDL_Rect){ax, top, arrows - gap, draw_u(app, 6)}, "up", "\xE2\x96\xB2",
                    false, false);
        draw_button(app, (SDL_Rect){ax, top + draw_u(app, 7), arrows - gap, draw_u(app, 6)}, "down",
                    "\xE2\x96\xBC", false, false);
    }
}

static void draw_table(App *app, SDL_Rect area)
{
    const Theme *t = &app->theme;
    int size = draw_u(app, 2.8f);
    int lh = text_line_height(app->text, FACE_BOLD, size);
    text_draw(app->text, FACE_BOLD, size, t->text, area.x, area.y, ALIGN_LEFT, "High scores");
    int y = area.y + lh + draw_u(app, 0.5f);
    const ScoreEntry *rows[10];
    int n = app->scores ? scoreboard_get(app->scores, app->run.selection, rows, 10) : 0;
    if (n == 0) {
        text_draw_box(app->text, FACE_REGULAR, t->dim,
                      (SDL_Rect){area.x, y, area.w, draw_u(app, 8)}, draw_u(app, 1.6f),
                      draw_u(app, 2.6f), ALIGN_LEFT, false,
                      strstr(app->run.selection, ";retry")
                          ? "A retry of missed questions is practice: it does not enter the table."
                          : "No scores kept yet.");
        return;
    }
    int rh = draw_u(app, 3.8f);
    int fs = draw_u(app, 2.5f);
    for (int i = 0; i < n && y + rh <= area.y + area.h; i++) {
        const ScoreEntry *e = rows[i];
        bool mine = app->run.rank == i + 1;
        if (mine) {
            draw_fill(app, (SDL_Rect){area.x, y, area.w, rh}, t->panel_hi);
            draw_fill(app, (SDL_Rect){area.x, y, draw_u(app, 0.6f), rh}, t->accent);
        }
        char rank[16], score[32], acc[32], date[32];
        snprintf(rank, sizeof rank, "%d.", i + 1);
        snprintf(score, sizeof score, "%ld", e->total);
        snprintf(acc, sizeof acc, "%d/%d", e->right, e->asked);
        time_t when = e->when;
        struct tm tm;
        if (localtime_r(&when, &tm)) {
            strftime(date, sizeof date, "%Y-%m-%d", &tm);
        } else {
            snprintf(date, sizeof date, "?");
        }
        int cy = y + rh / 2;
        int c1 = area.x + area.w * 12 / 100, c2 = area.x + area.w * 40 / 100,
            c3 = area.x + area.w * 64 / 100;
        SDL_Color fg = mine ? t->text : t->dim;
        text_draw_line_fit(app->text, FACE_REGULAR, fs, fg, c1 - draw_u(app, 1), cy, c1 - area.x,
                           ALIGN_RIGHT, rank);
        text_draw_line_fit(app->text, FACE_BOLD, fs, fg, c2 - draw_u(app, 1), cy, c2 - c1,
                           ALIGN_RIGHT, score);
        text_draw_line_fit(app->text, FACE_REGULAR, fs, fg, c3 - draw_u(app, 1), cy, c3 - c2,
                           ALIGN_RIGHT, acc);
        text_draw_line_fit(app->text, FACE_REGULAR, fs, fg, area.x + area.w, cy,
                           area.x + area.w - c3, ALIGN_RIGHT, date);
        y += rh;
    }
}

static void draw(App *app)
{
    const Theme *t = &app->theme;
    const QuizRun *r = &app->run;
    int margin = draw_u(app, 3);
    int y = draw_title(app, draw_u(app, 2), "Results");
    text_draw_line_fit(app->text, FACE_REGULAR, draw_u(app, 2.8f), t->dim, app->w / 2, y,
                       app->w - 2 * margin, ALIGN_CENTER, r->label);
    y += draw_u(app, 3);
    if (!r->has_result) {
        draw_help(app, "Esc menu");
        return;
    }
    const QuizResult *res = &r->result;
    char score[64], line[200], time_text[32];
    snprintf(score, sizeof score, "%ld points", res->total);
    format_time(res->time_ms, time_text, sizeof time_text);
    snprintf(line, sizeof line,
             "%d of %d right  \xC2\xB7  %d %%  \xC2\xB7  time %s  \xC2\xB7  best streak %d",
             res->right, res->asked, res->asked ? res->right * 100 / res->asked : 0, time_text,
             res->best_streak);
    int big = draw_u(app, 8);
    int lh = text_line_height(app->text, FACE_BOLD, big);
    text_draw_line_fit(app->text, FACE_BOLD, big, t->accent, app->w / 2, y + lh / 2,
                       app->w - 2 * margin, ALIGN_CENTER, score);
    y += lh;
    text_draw_line_fit(app->text, FACE_REGULAR, draw_u(app, 3.2f), t->text, app->w / 2,
                       y + draw_u(app, 2), app->w - 2 * margin, ALIGN_CENTER, line);
    y += draw_u(app, 4);
    if (r->rank > 0) {
        char rank[96];
        snprintf(rank, sizeof rank,
                 r->rank == 1 ? "\xE2\x98\x85 New best score for this choice!"
                              : "\xE2\x98\x85 Place %d in the high scores",
                 r->rank);
        text_draw_line_fit(app->text, FACE_BOLD, draw_u(app, 3.2f), t->warn, app->w / 2,
                           y + draw_u(app, 2), app->w - 2 * margin, ALIGN_CENTER, rank);
        y += draw_u(app, 4);
    }
    y += draw_u(app, 1);
    int help_top = app->h - draw_u(app, 4.5f);
    int bh = draw_u(app, 7);
    int by = help_top - bh - draw_u(app, 1.5f);
    int colw = (app->w - 3 * margin) * 58 / 100;
    SDL_Rect left = {margin, y, colw, by - y - draw_u(app, 1.5f)};
    SDL_Rect right = {margin * 2 + colw, y, app->w - 3 * margin - colw, left.h};
    int topics_h = draw_u(app, 4) * (res->topic_count < 6 ? res->topic_count : 6) + draw_u(app, 5);
    if (topics_h > left.h / 2) {
        topics_h = left.h / 2;
    }
    int ty = draw_topics(app, res, (SDL_Rect){left.x, left.y, left.w, topics_h});
    draw_missed(app, res,
                (SDL_Rect){left.x, ty + draw_u(app, 1.5f), left.w,
                           left.y + left.h - ty - draw_u(app, 1.5f)});
    draw_table(app, right);

    const char *labels[4] = {"Retry missed", "Play again", "High scores", "Menu"};
    const char *args[4] = {"retry", "again", "scores", "back"};
    int first = res->missed_count > 0 ? 0 : 1;
    int count = 4 - first;
    int gap = draw_u(app, 2);
    int bw = (app->w - 2 * margin - (count - 1) * gap) / count;
    if (bw > draw_u(app, 30)) {
        bw = draw_u(app, 30);
    }
    int x = (app->w - count * bw - (count - 1) * gap) / 2;
    for (int i = first; i < 4; i++) {
        draw_button(app, (SDL_Rect){x, by, bw, bh}, args[i], labels[i], false, i == 1);
        x += bw + gap;
    }
    draw_help(app, res->missed_count ? "R retry missed   Enter play again   H high scores   "
                                       "\xE2\x86\x91\xE2\x86\x93 scroll   Esc menu"
                                     : "Enter play again   H high scores   Esc menu");
}

const Screen screen_results = {
    .name = "results",
    .keys = keys,
    .key_count = SDL_arraysize(keys),
    .enter = enter,
    .command = command,
    .draw = draw,
};
