/* class_help.c - the classroom's overlays: the help that lists the keys of the current step
 * (the same map screen_classroom.c follows), and the Esc menu with its confirmation before a
 * game ends. Draws only. */
#include <stdio.h>
#include <string.h>

#include "core/strbuf.h"
#include "ui/class_view.h"

static void line(StrBuf *sb, const char *keys, const char *what)
{
    strbuf_printf(sb, "%s\t%s\n", keys, what);
}

static void answer_lines(const App *app, StrBuf *sb)
{
    const ClassroomUi *c = &app->classroom;
    const ClassGame *g = c->game;
    const Question *q = classroom_question(g, classroom_position(g));
    ClassMode mode = classroom_config(g)->mode;
    char what[160];
    if (!q) {
        return;
    }
    if (mode == CLASS_BUZZER) {
        snprintf(what, sizeof what, "team 1 to %d rings in (or any pad button)",
                 classroom_team_count(g));
        line(sb, "1 - 8", what);
    }
    if (mode == CLASS_PADS) {
        for (int k = 0; k < CLASS_UI_KEYPADS; k++) {
            if (c->keypad_team[k] >= 0) {
                snprintf(what, sizeof what, "%s's keyboard pad: choices 1 to 4",
                         classroom_team_name(g, c->keypad_team[k]));
                line(sb, k == 0 ? "1 2 3 4" : "7 8 9 0", what);
            }
        }
        line(sb, "pad A B X Y", "answer; each pad's symbols are on the choices");
        line(sb, "\xE2\x86\x91 \xE2\x86\x93", "choose the team you enter an answer for");
    }
    const char *who = mode == CLASS_BUZZER  ? "the holder"
                      : mode == CLASS_PADS  ? "the chosen team"
                      : mode == CLASS_TURNS ? "the team on turn"
                                            : "the class";
    switch (q->type) {
    case QTYPE_SINGLE:
        snprintf(what, sizeof what, "enter the answer of %s", who);
        line(sb, mode == CLASS_WHOLE || mode == CLASS_TURNS ? "A - H  or  1 - 8" : "A - H", what);
        break;
    case QTYPE_TRUEFALSE:
        snprintf(what, sizeof what, "true or false for %s", who);
        line(sb, mode == CLASS_WHOLE || mode == CLASS_TURNS ? "T F  A B  1 2" : "T F  A B", what);
        break;
    case QTYPE_MULTI:
        snprintf(what, sizeof what, "mark choices for %s, then Enter", who);
        line(sb, "A - H", what);
        break;
    default:
        snprintf(what, sizeof what, "type the answer of %s, then Enter", who);
        line(sb, "Enter", what);
        break;
    }
}

void class_help_text(const App *app, char *out, size_t size)
{
    const ClassGame *g = app->classroom.game;
    ClassStep s = classroom_step(g);
    bool answering = s == CLASS_STEP_ANSWERING;
    StrBuf sb = STRBUF_INIT;
    if (answering) {
        answer_lines(app, &sb);
    }
    line(&sb, "PageDown  \xE2\x86\x92  Space",
         s == CLASS_STEP_ANSWERING     ? "next step: close the answers"
         : s == CLASS_STEP_END_SUMMARY ? "next page"
                                       : "next step");
    if (!answering) {
        line(&sb, "Enter", "next step");
    }
    line(&sb, "PageUp  \xE2\x86\x90  Backspace", "back a step");
    if (s == CLASS_STEP_READING || answering) {
        line(&sb, "P", "pause or restart the timer");
        line(&sb, "S", "skip this question (nobody scores)");
    }
    if (answering) {
        line(&sb, "+  \xE2\x88\x92", "add or remove 10 seconds");
    }
    if (answering || s == CLASS_STEP_CLOSED || s == CLASS_STEP_DISTRIBUTION) {
        line(&sb, "R", "reveal the right answer now");
    }
    line(&sb, answering ? "." : "B  or  .", "black screen, and back");
    line(&sb, answering ? "?" : "H  or  ?", "this help");
    line(&sb, "F5", "resume after a pause, black screen or menu");
    line(&sb, "Esc", "menu: resume, leave for later, end the game");
    line(&sb, "M   F11", "sound on or off, full screen");
    snprintf(out, size, "%s", strbuf_cstr(&sb));
    strbuf_free(&sb);
}

static SDL_Rect panel(App *app, int w_pct, int h_pct)
{
    const ClassTheme *t = class_theme();
    draw_fill(app, (SDL_Rect){0, 0, app->w, app->h}, draw_alpha(t->bg, 235));
    int w = app->w * w_pct / 100, h = app->h * h_pct / 100;
    SDL_Rect r = {(app->w - w) / 2, (app->h - h) / 2, w, h};
    draw_fill(app, r, t->panel);
    draw_outline(app, r, t->accent, class_u(app, 0.4f));
    return r;
}

void class_draw_help(App *app)
{
    const ClassTheme *t = class_theme();
    char text[4096];
    class_help_text(app, text, sizeof text);
    enum { HELP_LINES_MAX = 24 };
    const char *keys[HELP_LINES_MAX], *what[HELP_LINES_MAX];
    int lines = 0;
    char *save = NULL;
    for (char *l = strtok_r(text, "\n", &save); l && lines < HELP_LINES_MAX;
         l = strtok_r(NULL, "\n", &save)) {
        char *tab = strchr(l, '\t');
        if (tab) {
            *tab = '\0';
            keys[lines] = l;
            what[lines++] = tab + 1;
        }
    }
    SDL_Rect r = panel(app, 92, 92);
    int pad = class_u(app, 2);
    char title[96];
    snprintf(title, sizeof title, "Keys now (%s)",
             classroom_step_name(classroom_step(app->classroom.game)));
    int th = class_u(app, 7);
    class_draw_line_in(app, FACE_BOLD, class_u(app, 3.5f), class_u(app, 5), t->text, r.x + r.w / 2,
                       r.y + pad + th / 2, r.w - 2 * pad, ALIGN_CENTER, title);
    int y = r.y + pad + th + class_u(app, 1);
    int foot = class_u(app, 5);
    int rh = (r.y + r.h - pad - foot - y) / (lines > 0 ? lines : 1);
    if (rh > class_u(app, 6)) {
        rh = class_u(app, 6);
    }
    /* one size for the whole overlay: the largest at which the widest keys and the widest
     * description fit side by side (never below 2.8 % of the height; cut there if need be) */
    int min = class_u(app, 2.8f), size = rh * 62 / 100;
    size = size < min ? min : size;
    int avail = r.w - 3 * pad, key_w = 0;
    for (;;) {
        int kw = 0, ww = 0;
        for (int i = 0; i < lines; i++) {
            int a = text_width(app->text, FACE_BOLD, size, keys[i]);
            int b = text_width(app->text, FACE_REGULAR, size, what[i]);
            kw = a > kw ? a : kw;
            ww = b > ww ? b : ww;
        }
        key_w = kw;
        if (kw + ww <= avail || size <= min) {
            break;
        }
        int next = (int)((long)size * avail / (kw + ww));
        size = next < size - 1 ? next : size - 1;
        size = size < min ? min : size;
    }
    key_w = key_w > avail * 45 / 100 ? avail * 45 / 100 : key_w;
    int x0 = r.x + pad;
    for (int i = 0; i < lines; i++) {
        class_draw_line(app, FACE_BOLD, size, t->accent, x0 + key_w, y + rh / 2, key_w, ALIGN_RIGHT,
                        keys[i]);
        class_draw_line(app, FACE_REGULAR, size, t->text, x0 + key_w + pad, y + rh / 2,
                        avail - key_w, ALIGN_LEFT, what[i]);
        y += rh;
    }
    class_draw_line_in(app, FACE_REGULAR, class_u(app, 2.6f), class_u(app, 3), t->dim,
                       r.x + r.w / 2, r.y + r.h - pad - foot / 2, r.w - 2 * pad, ALIGN_CENTER,
                       "Any key closes this help");
    app_hot_add(app, "button", "help", 0, r);
}

void class_draw_menu(App *app)
{
    const ClassroomUi *c = &app->classroom;
    const ClassTheme *t = class_theme();
    bool end = classroom_step(c->game) >= CLASS_STEP_END_PODIUM;
    const char *args[3], *labels[3];
    int n = 0;
    const char *title = "Menu";
    if (c->menu == CLASS_MENU_CONFIRM) {
        title = "End the game now? Questions not played are left out; the results are saved.";
        args[n] = "end-confirm", labels[n++] = "End the game";
        args[n] = "cancel", labels[n++] = "Cancel (back to the game)";
    } else if (end) {
        args[n] = "resume", labels[n++] = "Back to the game (F5)";
        args[n] = "finish", labels[n++] = "Close the game";
    } else {
        args[n] = "resume", labels[n++] = "Resume the game (F5)";
        args[n] = "leave", labels[n++] = "Leave for now (resume later)";
        args[n] = "end", labels[n++] = "End the game\xE2\x80\xA6";
    }
    SDL_Rect r = panel(app, 70, 70);
    int pad = class_u(app, 3);
    int th = class_u(app, 14);
    text_draw_box(app->text, FACE_BOLD, t->text,
                  (SDL_Rect){r.x + pad, r.y + pad, r.w - 2 * pad, th}, class_u(app, 3.5f),
                  class_u(app, 6), ALIGN_CENTER, true, title);
    int y = r.y + pad + th + class_u(app, 2);
    int bh = class_u(app, 9);
    for (int i = 0; i < n; i++) {
        draw_button(app, (SDL_Rect){r.x + pad, y, r.w - 2 * pad, bh}, args[i], labels[i],
                    c->menu_focus == i, i == 0);
        y += bh + class_u(app, 2);
    }
    class_draw_line_in(app, FACE_REGULAR, class_u(app, 2.6f), class_u(app, 3), t->dim,
                       r.x + r.w / 2, r.y + r.h - pad, r.w - 2 * pad, ALIGN_CENTER,
                       "\xE2\x86\x91\xE2\x86\x93 choose   Enter select   Esc or F5 back");
}
