/* class_widgets.c - the classroom presentation's drawing widgets: team labels, text sized and
 * cut to fit, single lines, buttons, and team and choice badges. Draws only; never changes the
 * game. */
#include <stdio.h>
#include <string.h>

#include "core/utf8.h"
#include "ui/class_view.h"

void class_team_label(App *app, const char *name, int team, char *out, size_t size)
{
    size_t len = strlen(name), o = 0;
    for (size_t i = 0; i < len && o + 5 < size;) {
        int32_t cp = 0;
        size_t n = utf8_decode(name + i, len - i, &cp);
        if (n == 0) {
            break;
        }
        if (text_has_glyph(app->text, (Uint32)cp)) {
            memcpy(out + o, name + i, n);
            o += n;
        }
        i += n;
    }
    out[o] = '\0';
    while (o > 0 && out[o - 1] == ' ') {
        out[--o] = '\0';
    }
    if (o == 0) {
        snprintf(out, size, "Team %d", team + 1);
    }
}

int class_fit_size(App *app, TextFace face, int min, int max, int w, const char *const *s, int n)
{
    /* widths grow about in proportion to the size: start from the narrowest ratio, then step
     * down until every string fits, so only two or three font sizes are opened */
    int size = max;
    for (int i = 0; i < n; i++) {
        int tw = s[i] && s[i][0] ? text_width(app->text, face, max, s[i]) : 0;
        if (tw > w) {
            int c = (int)((long)max * w / tw);
            size = c < size ? c : size;
        }
    }
    size = size < min ? min : size;
    for (;;) {
        bool ok = true;
        for (int i = 0; i < n && ok; i++) {
            ok = !s[i] || !s[i][0] || text_width(app->text, face, size, s[i]) <= w;
        }
        if (ok) {
            return size;
        }
        if (size <= min) {
            return 0;
        }
        size--;
    }
}

void class_cut(App *app, TextFace face, int size, const char *s, int w, bool keep_end, char *out,
               size_t out_size)
{
    size_t n = strlen(s);
    if (out_size < 8) {
        out[0] = '\0';
        return;
    }
    if (text_width(app->text, face, size, s) <= w) {
        snprintf(out, out_size, "%s", s);
        return;
    }
    size_t keep = n < out_size - 4 ? n : out_size - 4;
    for (;;) {
        if (keep_end) {
            size_t from = n - keep;
            while (from < n && ((unsigned char)s[from] & 0xC0) == 0x80) {
                from++;
            }
            snprintf(out, out_size, "\xE2\x80\xA6%s", s + from);
        } else {
            while (keep > 0 && ((unsigned char)s[keep] & 0xC0) == 0x80) {
                keep--;
            }
            snprintf(out, out_size, "%.*s\xE2\x80\xA6", (int)keep, s);
        }
        if (keep == 0 || text_width(app->text, face, size, out) <= w) {
            return;
        }
        keep = keep > 8 ? keep - keep / 8 : keep - 1;
    }
}

void class_draw_line(App *app, TextFace face, int size, SDL_Color color, int x, int cy, int w,
                     TextAlign align, const char *s)
{
    char cut[1024];
    class_cut(app, face, size, s, w, false, cut, sizeof cut);
    /* `cut` fits, so text_draw_line_fit draws it at `size` unshrunk */
    text_draw_line_fit(app->text, face, size, color, x, cy, w, align, cut);
}

void class_draw_line_in(App *app, TextFace face, int min, int max, SDL_Color color, int x, int cy,
                        int w, TextAlign align, const char *s)
{
    int size = class_fit_size(app, face, min, max, w, &s, 1);
    class_draw_line(app, face, size ? size : min, color, x, cy, w, align, s);
}

void class_draw_button(App *app, SDL_Rect r, const char *arg, const char *label, int size,
                       bool focused, bool primary)
{
    SDL_Color fg = draw_button_face(app, r, arg, focused, primary, class_u(app, 0.4f));
    class_draw_line(app, FACE_BOLD, size, fg, r.x + r.w / 2, r.y + r.h / 2, r.w - class_u(app, 1),
                    ALIGN_CENTER, label);
}

void class_draw_badge(App *app, SDL_Rect r, int team)
{
    const ClassTheme *theme = class_theme();
    draw_fill(app, r, theme->team[team % CLASS_TEAMS_MAX]);
    int s = (r.w < r.h ? r.w : r.h) * 62 / 100;
    draw_shape(app, class_team_shape(team),
               (SDL_Rect){r.x + (r.w - s) / 2, r.y + (r.h - s) / 2, s, s}, theme->ink);
}

void class_draw_choice_badge(App *app, SDL_Rect r, int pos)
{
    SDL_Color ink = class_theme()->ink;
    draw_fill(app, r, class_choice_color(pos));
    int s = (r.w < r.h ? r.w : r.h) * 40 / 100;
    draw_shape(app, class_choice_shape(pos),
               (SDL_Rect){r.x + (r.w - s) / 2, r.y + r.h / 2 - s, s, s}, ink);
    char letter[4] = {(char)('A' + pos), '\0'};
    int ls = r.h * 34 / 100;
    text_draw_line_fit(app->text, FACE_BOLD, ls, ink, r.x + r.w / 2, r.y + r.h * 72 / 100, r.w,
                       ALIGN_CENTER, letter);
}
