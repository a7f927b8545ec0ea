/* text.h - fonts and the text-texture cache. A string is rasterised once per (font, size,
 * colour) and kept as a texture until the window is resized or the entry goes unused; wrapped
 * and fitted text is laid out once per box. Must not be called from core. */
#ifndef QUIZDECK_TEXT_H
#define QUIZDECK_TEXT_H

#include <SDL.h>
#include <stdbool.h>

typedef enum TextFace { FACE_REGULAR, FACE_BOLD, FACE_COUNT } TextFace;
typedef enum TextAlign { ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT } TextAlign;

typedef struct TextCache TextCache;

/* Reads DejaVuSans.ttf and DejaVuSans-Bold.ttf from `font_dir` (TTF_Init must have run).
 * Returns NULL with a message in `err` when a font is missing or unreadable. */
TextCache *text_create(SDL_Renderer *renderer, const char *font_dir, char *err, size_t errsz);

/* Frees every texture and font. Accepts NULL. */
void text_destroy(TextCache *tc);

/* Drops every cached texture and layout (after a resize or a renderer reset). */
void text_clear(TextCache *tc);

/* Marks the start of a frame: entries unused for many frames are freed when the cache is full. */
void text_frame(TextCache *tc);

/* Height of one line and width of `s` (one line) at `size` pixels. */
int text_line_height(TextCache *tc, TextFace face, int size);
int text_width(TextCache *tc, TextFace face, int size, const char *s);

/* Draws `s` as one line with its top at y, aligned on x. Returns the width drawn (0 for ""). */
int text_draw(TextCache *tc, TextFace face, int size, SDL_Color color, int x, int y,
              TextAlign align, const char *s);

/* Draws `s` as one line, shrunk (never below 6 px) until it fits `max_w`, ellipsised if it
 * still does not; vertical centre at cy. Returns the size used. */
int text_draw_line_fit(TextCache *tc, TextFace face, int size, SDL_Color color, int x, int cy,
                       int max_w, TextAlign align, const char *s);

/* Layout of wrapped text, computed once per (text, face, box, sizes) and cached. */
typedef struct TextLayout {
    int size;   /* font size chosen */
    int lines;  /* number of lines */
    int height; /* lines * line height */
    int width;  /* widest line */
    bool fits;  /* false when even min_size overflowed the box */
} TextLayout;

/* Fits `s` into a box of w x h: the largest size in [min_size, max_size] at which the wrapped
 * text fits. Never cuts text: when nothing fits, min_size is used and fits is false. */
TextLayout text_fit(TextCache *tc, TextFace face, const char *s, int w, int h, int min_size,
                    int max_size);

/* Draws `s` wrapped in `box` with the layout text_fit gives for the same arguments; vertical
 * alignment: `valign_center` centres it in the box, else it starts at the top. */
TextLayout text_draw_box(TextCache *tc, TextFace face, SDL_Color color, SDL_Rect box, int min_size,
                         int max_size, TextAlign align, bool valign_center, const char *s);

/* Glyph rasterisations (TTF render calls) since creation; an unchanged frame adds none. */
unsigned long text_rasterisations(const TextCache *tc);

/* True when the regular face has a glyph for code point `cp`. */
bool text_has_glyph(TextCache *tc, Uint32 cp);

#endif
