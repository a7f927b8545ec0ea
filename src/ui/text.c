/* text.c - fonts and the text-texture cache: each string is rasterised once per face, size and
 * colour; layouts of wrapped text are computed once per box. Never rasterises on a frame that
 * shows only what the last one showed. */
#include "ui/text.h"

#include <SDL_ttf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/wrap.h"

enum {
    FONT_SLOTS = 24,        /* open (face, size) pairs */
    BUCKETS = 1024,         /* hash buckets of the entry table */
    ENTRIES_SOFT_MAX = 600, /* above this, entries unused for a while are freed */
    LAYOUT_LINES_MAX = 400,
    MIN_FONT_SIZE = 6,
};

typedef struct FontSlot {
    TTF_Font *font;
    TextFace face;
    int size;
    unsigned long used;
} FontSlot;

typedef enum EntryKind { ENTRY_LINE, ENTRY_LAYOUT } EntryKind;

typedef struct Entry {
    struct Entry *next;
    uint32_t hash;
    EntryKind kind;
    TextFace face;
    int size;        /* LINE: font size; LAYOUT: min size */
    int max_size;    /* LAYOUT */
    int w, h;        /* LINE: texture size; LAYOUT: box */
    SDL_Color color; /* LINE */
    SDL_Texture *tex;
    TextLayout layout;
    WrapLine *lines; /* LAYOUT: layout.lines entries (byte ranges of s) */
    unsigned long used;
    char s[]; /* the string, NUL-terminated */
} Entry;

struct TextCache {
    SDL_Renderer *renderer;
    void *data[FACE_COUNT];
    size_t len[FACE_COUNT];
    FontSlot fonts[FONT_SLOTS];
    Entry *buckets[BUCKETS];
    int entries;
    unsigned long frame;
    unsigned long clock;
    unsigned long rasterisations;
};

static const char *const face_files[FACE_COUNT] = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"};

TextCache *text_create(SDL_Renderer *renderer, const char *font_dir, char *err, size_t errsz)
{
    TextCache *tc = calloc(1, sizeof *tc);
    if (!tc) {
        snprintf(err, errsz, "out of memory");
        return NULL;
    }
    tc->renderer = renderer;
    for (int f = 0; f < FACE_COUNT; f++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", font_dir, face_files[f]);
        tc->data[f] = SDL_LoadFile(path, &tc->len[f]);
        if (!tc->data[f]) {
            snprintf(err, errsz, "cannot read the font %s: %s", path, SDL_GetError());
            text_destroy(tc);
            return NULL;
        }
        /* a file that is not a font: find out now rather than on the first frame */
        SDL_RWops *rw = SDL_RWFromConstMem(tc->data[f], (int)tc->len[f]);
        TTF_Font *probe = rw ? TTF_OpenFontRW(rw, 1, 12) : NULL;
        if (!probe) {
            snprintf(err, errsz, "cannot use the font %s: %s", path, SDL_GetError());
            text_destroy(tc);
            return NULL;
        }
        TTF_CloseFont(probe);
    }
    return tc;
}

static void entry_free(Entry *e)
{
    if (e->tex) {
        SDL_DestroyTexture(e->tex);
    }
    free(e->lines);
    free(e);
}

void text_clear(TextCache *tc)
{
    if (!tc) {
        return;
    }
    for (int b = 0; b < BUCKETS; b++) {
        Entry *e = tc->buckets[b];
        while (e) {
            Entry *next = e->next;
            entry_free(e);
            e = next;
        }
        tc->buckets[b] = NULL;
    }
    tc->entries = 0;
}

void text_destroy(TextCache *tc)
{
    if (!tc) {
        return;
    }
    text_clear(tc);
    for (int i = 0; i < FONT_SLOTS; i++) {
        if (tc->fonts[i].font) {
            TTF_CloseFont(tc->fonts[i].font);
        }
    }
    for (int f = 0; f < FACE_COUNT; f++) {
        SDL_free(tc->data[f]);
    }
    free(tc);
}

/* Frees entries not used in the last few frames once the table is large. */
void text_frame(TextCache *tc)
{
    tc->frame++;
    if (tc->entries <= ENTRIES_SOFT_MAX) {
        return;
    }
    for (int b = 0; b < BUCKETS; b++) {
        Entry **link = &tc->buckets[b];
        while (*link) {
            Entry *e = *link;
            if (e->used + 2 < tc->frame) {
                *link = e->next;
                entry_free(e);
                tc->entries--;
            } else {
                link = &e->next;
            }
        }
    }
}

static TTF_Font *font_get(TextCache *tc, TextFace face, int size)
{
    if (size < MIN_FONT_SIZE) {
        size = MIN_FONT_SIZE;
    }
    FontSlot *free_slot = NULL, *oldest = NULL;
    tc->clock++;
    for (int i = 0; i < FONT_SLOTS; i++) {
        FontSlot *s = &tc->fonts[i];
        if (s->font && s->face == face && s->size == size) {
            s->used = tc->clock;
            return s->font;
        }
        if (!s->font) {
            free_slot = free_slot ? free_slot : s;
        } else if (!oldest || s->used < oldest->used) {
            oldest = s;
        }
    }
    FontSlot *slot = free_slot ? free_slot : oldest;
    if (slot->font) {
        TTF_CloseFont(slot->font);
        slot->font = NULL;
    }
    SDL_RWops *rw = SDL_RWFromConstMem(tc->data[face], (int)tc->len[face]);
    slot->font = rw ? TTF_OpenFontRW(rw, 1, size) : NULL;
    slot->face = face;
    slot->size = size;
    slot->used = tc->clock;
    return slot->font;
}

static uint32_t hash_str(uint32_t h, const char *s)
{
    /* FNV-1a */
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 16777619u;
    }
    return h;
}

static uint32_t hash_int(uint32_t h, uint32_t v)
{
    for (int i = 0; i < 4; i++) {
        h ^= (v >> (i * 8)) & 0xffu;
        h *= 16777619u;
    }
    return h;
}

static Entry *entry_new(TextCache *tc, uint32_t hash, const char *s)
{
    size_t n = strlen(s);
    Entry *e = calloc(1, sizeof *e + n + 1);
    if (!e) {
        return NULL;
    }
    memcpy(e->s, s, n + 1);
    e->hash = hash;
    e->next = tc->buckets[hash % BUCKETS];
    tc->buckets[hash % BUCKETS] = e;
    tc->entries++;
    return e;
}

int text_line_height(TextCache *tc, TextFace face, int size)
{
    TTF_Font *f = font_get(tc, face, size);
    return f ? TTF_FontLineSkip(f) : size;
}

int text_width(TextCache *tc, TextFace face, int size, const char *s)
{
    TTF_Font *f = font_get(tc, face, size);
    int w = 0, h = 0;
    if (!f || !*s || TTF_SizeUTF8(f, s, &w, &h) != 0) {
        return 0;
    }
    return w;
}

/* The cached texture of one line; NULL for "" or on failure. */
static Entry *line_get(TextCache *tc, TextFace face, int size, SDL_Color c, const char *s)
{
    if (!*s) {
        return NULL; /* TTF renders nothing for an empty string */
    }
    uint32_t h = hash_int(hash_int(hash_int(2166136261u, (uint32_t)face), (uint32_t)size),
                          (uint32_t)c.r << 24 | (uint32_t)c.g << 16 | (uint32_t)c.b << 8 | c.a);
    h = hash_str(h, s);
    for (Entry *e = tc->buckets[h % BUCKETS]; e; e = e->next) {
        if (e->hash == h && e->kind == ENTRY_LINE && e->face == face && e->size == size &&
            e->color.r == c.r && e->color.g == c.g && e->color.b == c.b && e->color.a == c.a &&
            strcmp(e->s, s) == 0) {
            e->used = tc->frame;
            return e;
        }
    }
    TTF_Font *f = font_get(tc, face, size);
    if (!f) {
        return NULL;
    }
    SDL_Surface *surf = TTF_RenderUTF8_Blended(f, s, c);
    tc->rasterisations++;
    if (!surf) {
        return NULL;
    }
    SDL_Texture *tex = SDL_CreateTextureFromSurface(tc->renderer, surf);
    int w = surf->w, hgt = surf->h;
    SDL_FreeSurface(surf);
    if (!tex) {
        return NULL;
    }
    Entry *e = entry_new(tc, h, s);
    if (!e) {
        SDL_DestroyTexture(tex);
        return NULL;
    }
    e->kind = ENTRY_LINE;
    e->face = face;
    e->size = size;
    e->color = c;
    e->tex = tex;
    e->w = w;
    e->h = hgt;
    e->used = tc->frame;
    return e;
}

static int aligned_x(int x, int w, TextAlign align)
{
    return align == ALIGN_CENTER ? x - w / 2 : align == ALIGN_RIGHT ? x - w : x;
}

int text_draw(TextCache *tc, TextFace face, int size, SDL_Color color, int x, int y,
              TextAlign align, const char *s)
{
    Entry *e = line_get(tc, face, size, color, s);
    if (!e) {
        return 0;
    }
    SDL_Rect dst = {aligned_x(x, e->w, align), y, e->w, e->h};
    SDL_RenderCopy(tc->renderer, e->tex, NULL, &dst);
    return e->w;
}

int text_draw_line_fit(TextCache *tc, TextFace face, int size, SDL_Color color, int x, int cy,
                       int max_w, TextAlign align, const char *s)
{
    if (!*s || max_w <= 0) {
        return size;
    }
    int lo = size / 2 > MIN_FONT_SIZE ? size / 2 : MIN_FONT_SIZE;
    int use = size;
    while (use > lo && text_width(tc, face, use, s) > max_w) {
        use = use * 9 / 10 < use - 1 ? use * 9 / 10 : use - 1;
    }
    char buf[1024];
    const char *show = s;
    if (text_width(tc, face, use, s) > max_w) {
        /* cut at a code point with an ellipsis, longest that fits */
        size_t n = strlen(s);
        if (n > sizeof buf - 4) {
            n = sizeof buf - 4;
        }
        size_t keep = n;
        do {
            while (keep > 0 && ((unsigned char)s[keep] & 0xC0) == 0x80) {
                keep--;
            }
            memcpy(buf, s, keep);
            memcpy(buf + keep, "\xE2\x80\xA6", 4);
            if (text_width(tc, face, use, buf) <= max_w || keep == 0) {
                break;
            }
            keep = keep > 8 ? keep - keep / 8 : keep - 1;
        } while (1);
        show = buf;
    }
    int lh = text_line_height(tc, face, use);
    text_draw(tc, face, use, color, x, cy - lh / 2, align, show);
    return use;
}

/* ---- wrapping ---- */

typedef struct MeasureCtx {
    TextCache *tc;
    TextFace face;
    int size;
} MeasureCtx;

static int measure(void *ctx, const char *text, int len)
{
    MeasureCtx *m = ctx;
    char stack[512];
    char *buf = len < (int)sizeof stack ? stack : malloc((size_t)len + 1);
    if (!buf) {
        return 1 << 20;
    }
    memcpy(buf, text, (size_t)len);
    buf[len] = '\0';
    int w = text_width(m->tc, m->face, m->size, buf);
    if (buf != stack) {
        free(buf);
    }
    return w;
}

static void set_size(void *ctx, int size)
{
    ((MeasureCtx *)ctx)->size = size;
}

static int line_height_at(void *ctx, int size)
{
    MeasureCtx *m = ctx;
    return text_line_height(m->tc, m->face, size);
}

static Entry *layout_get(TextCache *tc, TextFace face, const char *s, int w, int h, int min_size,
                         int max_size)
{
    uint32_t hash =
        hash_int(hash_int(hash_int(hash_int(hash_int(0x9e3779b9u, (uint32_t)face), (uint32_t)w),
                                   (uint32_t)h),
                          (uint32_t)min_size),
                 (uint32_t)max_size);
    hash = hash_str(hash, s);
    for (Entry *e = tc->buckets[hash % BUCKETS]; e; e = e->next) {
        if (e->hash == hash && e->kind == ENTRY_LAYOUT && e->face == face && e->w == w &&
            e->h == h && e->size == min_size && e->max_size == max_size && strcmp(e->s, s) == 0) {
            e->used = tc->frame;
            return e;
        }
    }
    if (min_size < MIN_FONT_SIZE) {
        min_size = MIN_FONT_SIZE;
    }
    if (max_size < min_size) {
        max_size = min_size;
    }
    MeasureCtx m = {tc, face, min_size};
    WrapFitFns fns = {set_size, measure, line_height_at, &m};
    bool fits = true;
    int size = wrap_fit(s, w, h, min_size, max_size, &fns, &fits);
    m.size = size;
    WrapLine *lines = calloc(LAYOUT_LINES_MAX, sizeof *lines);
    if (!lines) {
        return NULL;
    }
    int n = wrap_lines(s, w, measure, &m, lines, LAYOUT_LINES_MAX);
    if (n > LAYOUT_LINES_MAX) {
        n = LAYOUT_LINES_MAX;
        fits = false;
    }
    Entry *e = entry_new(tc, hash, s);
    if (!e) {
        free(lines);
        return NULL;
    }
    e->kind = ENTRY_LAYOUT;
    e->face = face;
    e->w = w;
    e->h = h;
    e->size = min_size;
    e->max_size = max_size;
    e->lines = lines;
    e->used = tc->frame;
    int lh = text_line_height(tc, face, size);
    int widest = 0;
    for (int i = 0; i < n; i++) {
        widest = lines[i].width > widest ? lines[i].width : widest;
    }
    e->layout = (TextLayout){size, n, n * lh, widest, fits && n * lh <= h};
    return e;
}

TextLayout text_fit(TextCache *tc, TextFace face, const char *s, int w, int h, int min_size,
                    int max_size)
{
    Entry *e = layout_get(tc, face, s, w, h, min_size, max_size);
    if (!e) {
        return (TextLayout){min_size, 0, 0, 0, false};
    }
    return e->layout;
}

TextLayout text_draw_box(TextCache *tc, TextFace face, SDL_Color color, SDL_Rect box, int min_size,
                         int max_size, TextAlign align, bool valign_center, const char *s)
{
    Entry *e = layout_get(tc, face, s, box.w, box.h, min_size, max_size);
    if (!e) {
        return (TextLayout){min_size, 0, 0, 0, false};
    }
    TextLayout lay = e->layout;
    int lh = text_line_height(tc, face, lay.size);
    int shown = lay.lines;
    bool cut = false;
    if (lh > 0 && lay.height > box.h) {
        /* even the smallest size overflows: show what fits and mark the cut, never draw over
         * what lies below the box */
        shown = box.h / lh > 0 ? box.h / lh : 1;
        cut = shown < lay.lines;
    }
    int used = shown * lh;
    int y = box.y + (valign_center && used < box.h ? (box.h - used) / 2 : 0);
    int x = align == ALIGN_CENTER  ? box.x + box.w / 2
            : align == ALIGN_RIGHT ? box.x + box.w
                                   : box.x;
    char stack[1024];
    for (int i = 0; i < shown; i++) {
        const WrapLine *l = &e->lines[i];
        bool last_cut = cut && i == shown - 1;
        size_t need = (size_t)l->len + (last_cut ? 4 : 1);
        char *buf = need <= sizeof stack ? stack : malloc(need);
        if (!buf) {
            break;
        }
        memcpy(buf, e->s + l->start, (size_t)l->len);
        buf[l->len] = '\0';
        if (last_cut) {
            memcpy(buf + l->len, "\xE2\x80\xA6", 4);
            text_draw_line_fit(tc, face, lay.size, color, x, y + i * lh + lh / 2, box.w, align,
                               buf);
        } else {
            text_draw(tc, face, lay.size, color, x, y + i * lh, align, buf);
        }
        if (buf != stack) {
            free(buf);
        }
    }
    return lay;
}

unsigned long text_rasterisations(const TextCache *tc)
{
    return tc->rasterisations;
}

bool text_has_glyph(TextCache *tc, Uint32 cp)
{
    TTF_Font *f = font_get(tc, FACE_REGULAR, 16);
    return f && TTF_GlyphIsProvided32(f, cp);
}
