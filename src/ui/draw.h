/* draw.h - drawing helpers shared by the screens: panels, buttons, choice shapes, bars, the
 * status bar and the help line. Sizes are in pixels of the render output. */
#ifndef QUIZDECK_DRAW_H
#define QUIZDECK_DRAW_H

#include <SDL.h>
#include <stdbool.h>

#include "ui/app.h"

typedef enum Shape {
    SHAPE_TRIANGLE,
    SHAPE_DIAMOND,
    SHAPE_CIRCLE,
    SHAPE_SQUARE,
    SHAPE_PENTAGON,
    SHAPE_HEXAGON,
    SHAPE_STAR,
    SHAPE_CROSS,
    SHAPE_COUNT
} Shape;

/* Layout unit helpers: n % of the output height, at least `min` pixels. */
int draw_u(const App *app, float n);

void draw_fill(App *app, SDL_Rect r, SDL_Color c);
void draw_outline(App *app, SDL_Rect r, SDL_Color c, int thickness);
void draw_clear(App *app);

/* A filled shape centred in `r`. */
void draw_shape(App *app, Shape shape, SDL_Rect r, SDL_Color c);

/* A button's background, its focus ring `ring` pixels thick when `focused`, and its hotspot
 * "button" `arg`; returns the colour its label is drawn in. For buttons that draw their own
 * label (draw_button fits it to the button). */
SDL_Color draw_button_face(App *app, SDL_Rect r, const char *arg, bool focused, bool primary,
                           int ring);

/* A button with a label (fitted to it); `focused` draws the keyboard focus ring. Adds the
 * hotspot "button" `arg`. */
void draw_button(App *app, SDL_Rect r, const char *arg, const char *label, bool focused,
                 bool primary);

/* A small arrow button showing `glyph`, with the hotspot `name` `arg`. */
void draw_arrow_button(App *app, SDL_Rect r, const char *name, const char *arg, const char *glyph);

/* A horizontal bar filled to `fraction` (0..1). */
void draw_bar(App *app, SDL_Rect r, double fraction, SDL_Color fill);

/* The bottom help line, e.g. "1-4 answer   P pause   M sound on". Returns its top y. */
int draw_help(App *app, const char *help);

/* The warnings banner (if any) at the top; returns the height it took. */
int draw_warnings(App *app);

/* A screen title at the top; returns the y below it. */
int draw_title(App *app, int y, const char *title);

/* Colour with alpha changed. */
SDL_Color draw_alpha(SDL_Color c, Uint8 a);

#endif
