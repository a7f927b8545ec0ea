/* draw.c - drawing helpers shared by the screens. Only draws: never changes the game. */
#include "ui/draw.h"

#include <math.h>

int draw_u(const App *app, float n)
{
    int v = (int)lroundf(app->u * n);
    return v < 1 ? 1 : v;
}

void draw_clear(App *app)
{
    SDL_Color c = app->theme.bg;
    SDL_SetRenderDrawColor(app->renderer, c.r, c.g, c.b, 255);
    SDL_RenderClear(app->renderer);
}

void draw_fill(App *app, SDL_Rect r, SDL_Color c)
{
    SDL_SetRenderDrawBlendMode(app->renderer,
                               c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(app->renderer, c.r, c.g, c.b, c.a);
    SDL_RenderFillRect(app->renderer, &r);
}

void draw_outline(App *app, SDL_Rect r, SDL_Color c, int t)
{
    draw_fill(app, (SDL_Rect){r.x, r.y, r.w, t}, c);
    draw_fill(app, (SDL_Rect){r.x, r.y + r.h - t, r.w, t}, c);
    draw_fill(app, (SDL_Rect){r.x, r.y, t, r.h}, c);
    draw_fill(app, (SDL_Rect){r.x + r.w - t, r.y, t, r.h}, c);
}

SDL_Color draw_alpha(SDL_Color c, Uint8 a)
{
    c.a = a;
    return c;
}

static void polygon(App *app, float cx, float cy, const float *xs, const float *ys, int n,
                    SDL_Color c)
{
    /* a fan of triangles around the centre, one call each: SDL's software renderer takes two
     * triangles in one call for a rectangle when they look like one, and draws it wrong */
    for (int i = 0; i < n; i++) {
        int j = (i + 1) % n;
        SDL_Vertex v[3] = {
            {{cx, cy}, c, {0, 0}}, {{xs[i], ys[i]}, c, {0, 0}}, {{xs[j], ys[j]}, c, {0, 0}}};
        SDL_RenderGeometry(app->renderer, NULL, v, 3, NULL, 0);
    }
}

static void regular(App *app, float cx, float cy, float rad, int n, float start, SDL_Color c)
{
    float xs[24], ys[24];
    for (int i = 0; i < n; i++) {
        float a = start + (float)i * 2.0f * (float)M_PI / (float)n;
        xs[i] = cx + rad * cosf(a);
        ys[i] = cy + rad * sinf(a);
    }
    polygon(app, cx, cy, xs, ys, n, c);
}

void draw_shape(App *app, Shape shape, SDL_Rect r, SDL_Color c)
{
    float cx = (float)r.x + (float)r.w / 2.0f, cy = (float)r.y + (float)r.h / 2.0f;
    float rad = (float)(r.w < r.h ? r.w : r.h) / 2.0f;
    const float up = -(float)M_PI / 2.0f;
    switch (shape) {
    case SHAPE_TRIANGLE:
        regular(app, cx, cy + rad * 0.15f, rad * 1.05f, 3, up, c);
        break;
    case SHAPE_DIAMOND:
        regular(app, cx, cy, rad, 4, up, c);
        break;
    case SHAPE_CIRCLE:
        regular(app, cx, cy, rad * 0.92f, 24, 0, c);
        break;
    case SHAPE_SQUARE:
        regular(app, cx, cy, rad * 1.15f, 4, (float)M_PI / 4.0f, c);
        break;
    case SHAPE_PENTAGON:
        regular(app, cx, cy + rad * 0.05f, rad, 5, up, c);
        break;
    case SHAPE_HEXAGON:
        regular(app, cx, cy, rad, 6, 0, c);
        break;
    case SHAPE_STAR: {
        float xs[10], ys[10];
        for (int i = 0; i < 10; i++) {
            float a = up + (float)i * (float)M_PI / 5.0f;
            float rr = i % 2 ? rad * 0.45f : rad;
            xs[i] = cx + rr * cosf(a);
            ys[i] = cy + rad * 0.08f + rr * sinf(a);
        }
        polygon(app, cx, cy, xs, ys, 10, c);
        break;
    }
    case SHAPE_CROSS:
    default: {
        int t = (int)(rad * 0.6f);
        int len = (int)(rad * 1.8f);
        draw_fill(app, (SDL_Rect){(int)cx - len / 2, (int)cy - t / 2, len, t}, c);
        draw_fill(app, (SDL_Rect){(int)cx - t / 2, (int)cy - len / 2, t, len}, c);
        break;
    }
    }
}

SDL_Color draw_button_face(App *app, SDL_Rect r, const char *arg, bool focused, bool primary,
                           int ring)
{
    const Theme *t = &app->theme;
    bool hover = app_hot_hovered(app, 1);
    SDL_Color bg = primary ? t->accent : (hover ? t->panel_hi : t->panel);
    if (primary && hover) {
        bg = (SDL_Color){(Uint8)(bg.r * 0.85), (Uint8)(bg.g * 0.85), (Uint8)(bg.b * 0.85), 255};
    }
    draw_fill(app, r, bg);
    if (focused) {
        draw_outline(app, r, t->text, ring);
    }
    app_hot_add(app, "button", arg, 0, r);
    return primary ? (SDL_Color){10, 14, 22, 255} : t->text;
}

void draw_button(App *app, SDL_Rect r, const char *arg, const char *label, bool focused,
                 bool primary)
{
    SDL_Color fg = draw_button_face(app, r, arg, focused, primary, draw_u(app, 0.4f));
    text_draw_line_fit(app->text, FACE_BOLD, r.h * 45 / 100, fg, r.x + r.w / 2, r.y + r.h / 2,
                       r.w - draw_u(app, 1.5f), ALIGN_CENTER, label);
}

void draw_arrow_button(App *app, SDL_Rect r, const char *name, const char *arg, const char *glyph)
{
    const Theme *t = &app->theme;
    draw_fill(app, r, app_hot_hovered(app, 1) ? t->accent : t->bar_bg);
    text_draw_line_fit(app->text, FACE_BOLD, r.h * 55 / 100, t->text, r.x + r.w / 2, r.y + r.h / 2,
                       r.w, ALIGN_CENTER, glyph);
    app_hot_add(app, name, arg, 0, r);
}

void draw_bar(App *app, SDL_Rect r, double fraction, SDL_Color fill)
{
    if (fraction < 0) {
        fraction = 0;
    }
    if (fraction > 1) {
        fraction = 1;
    }
    draw_fill(app, r, app->theme.bar_bg);
    SDL_Rect f = r;
    f.w = (int)lround(r.w * fraction);
    if (f.w > 0) {
        draw_fill(app, f, fill);
    }
}

int draw_help(App *app, const char *help)
{
    int h = draw_u(app, 4.5f);
    int y = app->h - h;
    draw_fill(app, (SDL_Rect){0, y, app->w, h}, app->theme.panel);
    text_draw_line_fit(app->text, FACE_REGULAR, draw_u(app, 2.6f), app->theme.dim, app->w / 2,
                       y + h / 2, app->w - draw_u(app, 2), ALIGN_CENTER, help);
    return y;
}

int draw_warnings(App *app)
{
    if (app->warning_count == 0) {
        return 0;
    }
    const Theme *t = &app->theme;
    const char *msg = app->warnings[app->warning_count - 1];
    int pad = draw_u(app, 1);
    int w = app->w - 2 * pad;
    int close_w = draw_u(app, 14);
    SDL_Rect box = {pad + pad, pad, w - close_w - 3 * pad, draw_u(app, 7)};
    TextLayout lay =
        text_fit(app->text, FACE_REGULAR, msg, box.w, box.h, draw_u(app, 1.6f), draw_u(app, 2.6f));
    int h = (lay.height > box.h ? lay.height : box.h) + 2 * pad;
    SDL_Rect band = {pad, pad, w, h};
    draw_fill(app, band, (SDL_Color){72, 52, 8, 255});
    draw_outline(app, band, t->warn, draw_u(app, 0.3f));
    box.y = pad + pad;
    box.h = h - 2 * pad;
    text_draw_box(app->text, FACE_REGULAR, t->text, box, draw_u(app, 1.6f), draw_u(app, 2.6f),
                  ALIGN_LEFT, true, msg);
    char label[64];
    SDL_snprintf(label, sizeof label, app->warning_count > 1 ? "OK (%d more)" : "OK",
                 app->warning_count - 1);
    SDL_Rect b = {pad + w - close_w - pad, pad + (h - draw_u(app, 5)) / 2, close_w, draw_u(app, 5)};
    draw_button(app, b, "dismiss", label, false, false);
    return h + 2 * pad;
}

int draw_title(App *app, int y, const char *title)
{
    int size = draw_u(app, 6);
    int lh = text_line_height(app->text, FACE_BOLD, size);
    text_draw_line_fit(app->text, FACE_BOLD, size, app->theme.text, app->w / 2, y + lh / 2,
                       app->w - draw_u(app, 4), ALIGN_CENTER, title);
    return y + lh + draw_u(app, 1);
}
