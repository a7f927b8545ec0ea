/* wrap.c - greedy line breaking over a measuring callback, and the fitting font-size search.
 * Never allocates: the per-call state (a cursor and a small width memo) lives on the stack. */
#include "wrap.h"

#include <limits.h>
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "utf8.h"

/* Widths of short byte strings (single clusters, short words, the space) are remembered for
 * the length of one call, in a small direct-mapped table. */
enum { MEMO_SLOTS = 64, MEMO_KEY_MAX = 16 };

typedef struct MemoSlot {
    char key[MEMO_KEY_MAX];
    int len; /* 0: empty slot */
    int width;
} MemoSlot;

typedef struct Wrapper {
    const char *text;
    int max_width;
    WrapMeasureFn measure;
    void *ctx;
    bool split_cluster; /* some word had to be split between grapheme clusters */
    int space_width;    /* of " ", the usual glue; -1 until measured */
    MemoSlot memo[MEMO_SLOTS];
} Wrapper;

/* The smallest unit a line is made of: a word, a part of an over-long word ending after a
 * hyphen or slash, or one grapheme cluster of a part still too long. */
typedef struct Piece {
    int glue; /* bytes of space right before `start`: dropped at a break, kept inside a line */
    int start;
    int end;
    int width;
} Piece;

/* Where the next piece comes from. A plain struct, so that saving and restoring it (to break a
 * line again) is a copy. */
typedef struct Cursor {
    int pos;
    int para_end;
    int word_end;  /* end of the over-long word being split, or -1 */
    int seg_end;   /* end of the over-long part being split into clusters, or -1 */
    Piece pending; /* a piece given back by the line filler */
    bool has_pending;
} Cursor;

/* The lines found so far. */
typedef struct LineSink {
    WrapLine *lines;
    int max_lines;
    int count;
    int stop_after; /* stop once this many lines were found */
    bool overflow;  /* some line is wider than max_width (a cluster wider than the box) */
} LineSink;

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

/* Characters a too-long word may be broken after. */
static bool is_break_after(int32_t cp)
{
    return cp == '-' || cp == '/' || cp == 0x058A || cp == 0x2010 || (cp >= 0x2012 && cp <= 0x2014);
}

static unsigned memo_hash(const char *s, int len)
{
    uint32_t h = 2166136261u;
    for (int i = 0; i < len; i++) {
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    }
    return (unsigned)(h % MEMO_SLOTS);
}

/* Width of `len` bytes at `start`; `remember` keeps a short string's width for the rest of the
 * call (not worth it for whole lines, which would push out words and clusters). */
static int measure_bytes(Wrapper *w, int start, int len, bool remember)
{
    const char *s = w->text + start;
    MemoSlot *slot = NULL;
    if (remember && len <= MEMO_KEY_MAX) {
        slot = &w->memo[memo_hash(s, len)];
        if (slot->len == len && memcmp(slot->key, s, (size_t)len) == 0) {
            return slot->width;
        }
    }
    int width = w->measure(w->ctx, s, len);
    if (width < 0) {
        width = 0;
    }
    if (slot != NULL) {
        memcpy(slot->key, s, (size_t)len);
        slot->len = len;
        slot->width = width;
    }
    return width;
}

/* One code point at `pos` (before `end`): its byte count, 1 for a byte that does not decode. */
static int decode_at(const char *text, int pos, int end, int32_t *cp)
{
    size_t n = utf8_decode(text + pos, (size_t)(end - pos), cp);
    if (n == 0) {
        *cp = -1;
        return 1;
    }
    return (int)n;
}

/* End of the grapheme cluster starting at `pos`. A byte that does not decode is a cluster of
 * its own. */
static int cluster_end(const char *text, int pos, int end)
{
    int32_t cp;
    int i = pos + decode_at(text, pos, end, &cp);
    if (cp < 0) {
        return i;
    }
    utf8proc_int32_t state = 0;
    while (i < end) {
        int32_t next;
        int n = decode_at(text, i, end, &next);
        if (next < 0 || utf8proc_grapheme_break_stateful(cp, next, &state)) {
            break;
        }
        cp = next;
        i += n;
    }
    return i;
}

/* End of the part of a word starting at `pos`: just after the first hyphen or slash that is
 * neither the part's first character nor the word's last, else the word's end. */
static int part_end(const char *text, int pos, int end)
{
    int i = pos;
    while (i < end) {
        int32_t cp;
        int n = decode_at(text, i, end, &cp);
        if (i > pos && i + n < end && is_break_after(cp)) {
            return i + n;
        }
        i += n;
    }
    return end;
}

static void set_piece(Piece *p, int glue, int start, int end, int width)
{
    p->glue = glue;
    p->start = start;
    p->end = end;
    p->width = width;
}

/* Produces the next piece of the paragraph; false at its end. */
static bool next_piece(Wrapper *w, Cursor *c, Piece *p)
{
    const char *text = w->text;
    int glue = 0;
    bool whole_word_too_wide = false;
    if (c->word_end < 0) {
        int space = c->pos;
        while (c->pos < c->para_end && is_space(text[c->pos])) {
            c->pos++;
        }
        if (c->pos >= c->para_end) {
            return false;
        }
        glue = c->pos - space;
        int end = c->pos;
        while (end < c->para_end && !is_space(text[end])) {
            end++;
        }
        int width = measure_bytes(w, c->pos, end - c->pos, true);
        if (width <= w->max_width) {
            set_piece(p, glue, c->pos, end, width);
            c->pos = end;
            return true;
        }
        c->word_end = end;
        whole_word_too_wide = true;
    }
    if (c->seg_end < 0) {
        int end = part_end(text, c->pos, c->word_end);
        /* a word without a break point is its own only part, already measured too wide */
        if (!(whole_word_too_wide && end == c->word_end)) {
            int width = measure_bytes(w, c->pos, end - c->pos, true);
            if (width <= w->max_width) {
                set_piece(p, glue, c->pos, end, width);
                c->pos = end;
                if (end == c->word_end) {
                    c->word_end = -1;
                }
                return true;
            }
        }
        c->seg_end = end;
        w->split_cluster = true;
    }
    int end = cluster_end(text, c->pos, c->seg_end);
    set_piece(p, glue, c->pos, end, measure_bytes(w, c->pos, end - c->pos, true));
    c->pos = end;
    if (end == c->seg_end) {
        c->seg_end = -1;
        if (end == c->word_end) {
            c->word_end = -1;
        }
    }
    return true;
}

static bool take_piece(Wrapper *w, Cursor *c, Piece *p)
{
    if (c->has_pending) {
        *p = c->pending;
        c->has_pending = false;
        return true;
    }
    return next_piece(w, c, p);
}

static void give_back(Cursor *c, const Piece *p)
{
    c->pending = *p;
    c->has_pending = true;
}

/* Fills one line greedily with at most `cap` pieces, adding measured widths. The cursor must
 * have a piece left; the line always takes the first one, however wide. Returns the number of
 * pieces taken. */
static int fill_line(Wrapper *w, Cursor *c, int cap, WrapLine *line)
{
    Piece p;
    take_piece(w, c, &p);
    line->start = p.start;
    line->len = p.end - p.start;
    line->width = p.width;
    int pieces = 1;
    while (pieces < cap && take_piece(w, c, &p)) {
        long long add = p.width;
        if (p.glue == 1 && w->text[p.start - 1] == ' ') {
            if (w->space_width < 0) {
                w->space_width = measure_bytes(w, p.start - 1, 1, true);
            }
            add += w->space_width;
        } else if (p.glue > 0) {
            add += measure_bytes(w, p.start - p.glue, p.glue, true);
        }
        if (line->width + add > w->max_width) {
            give_back(c, &p);
            break;
        }
        line->width += (int)add;
        line->len = p.end - line->start;
        pieces++;
    }
    return pieces;
}

static void emit(LineSink *sink, const WrapLine *line)
{
    if (sink->count < sink->max_lines) {
        sink->lines[sink->count] = *line;
    }
    sink->count++;
}

/* Lays out the paragraph [start, end) (no '\n' inside). */
static void wrap_paragraph(Wrapper *w, int start, int end, LineSink *sink)
{
    Cursor c = {start, end, -1, -1, {0, 0, 0, 0}, false};
    Piece p;
    if (!take_piece(w, &c, &p)) {
        WrapLine empty = {start, 0, 0};
        emit(sink, &empty);
        return;
    }
    give_back(&c, &p);
    while (sink->count < sink->stop_after) {
        Cursor saved = c;
        int cap = INT_MAX;
        WrapLine line;
        for (;;) {
            int pieces = fill_line(w, &c, cap, &line);
            if (pieces == 1) {
                break; /* the piece's own measured width is the line's */
            }
            /* widths were added up; kerning may make the whole line a little wider */
            int whole = measure_bytes(w, line.start, line.len, false);
            if (whole <= w->max_width) {
                line.width = whole;
                break;
            }
            cap = pieces - 1;
            c = saved;
        }
        if (line.width > w->max_width) {
            sink->overflow = true;
        }
        emit(sink, &line);
        if (!take_piece(w, &c, &p)) {
            return;
        }
        give_back(&c, &p);
    }
}

/* wrap_lines() that stops after `stop_after` lines (then returning that count) and reports
 * whether any line is wider than max_width and whether a word was split between clusters. */
static int wrap_run(const char *text, int max_width, WrapMeasureFn measure_fn, void *ctx,
                    WrapLine *lines, int max_lines, int stop_after, bool *overflow,
                    bool *split_cluster)
{
    *overflow = false;
    *split_cluster = false;
    if (text == NULL || text[0] == '\0' || measure_fn == NULL) {
        return 0;
    }
    size_t size = strlen(text);
    int len = size > (size_t)INT_MAX - 1 ? INT_MAX - 1 : (int)size;
    Wrapper w;
    w.text = text;
    w.max_width = max_width;
    w.measure = measure_fn;
    w.ctx = ctx;
    w.split_cluster = false;
    w.space_width = -1;
    memset(w.memo, 0, sizeof w.memo);
    LineSink sink = {lines, lines != NULL && max_lines > 0 ? max_lines : 0, 0, stop_after, false};
    int pos = 0;
    while (sink.count < stop_after) {
        int end = pos;
        while (end < len && text[end] != '\n') {
            end++;
        }
        wrap_paragraph(&w, pos, end, &sink);
        if (end >= len) {
            break;
        }
        pos = end + 1;
    }
    *overflow = sink.overflow;
    *split_cluster = w.split_cluster;
    return sink.count;
}

int wrap_lines(const char *text, int max_width, WrapMeasureFn measure, void *ctx, WrapLine *lines,
               int max_lines)
{
    bool overflow;
    bool split_cluster;
    return wrap_run(text, max_width, measure, ctx, lines, max_lines, INT_MAX, &overflow,
                    &split_cluster);
}

/* Whether `text` fits the box at `size`; measures at most one line more than the box holds.
 * When `whole_clusters`, a word split between grapheme clusters (not at a hyphen) does not fit. */
static bool fits_at(const char *text, int box_w, int box_h, int size, const WrapFitFns *fns,
                    bool whole_clusters)
{
    fns->set_size(fns->ctx, size);
    int line_height = fns->line_height(fns->ctx, size);
    if (line_height < 1) {
        line_height = 1;
    }
    int room = box_h < 0 ? 0 : box_h / line_height;
    int stop = room == INT_MAX ? INT_MAX : room + 1;
    bool overflow;
    bool split_cluster;
    int count =
        wrap_run(text, box_w, fns->measure, fns->ctx, NULL, 0, stop, &overflow, &split_cluster);
    return count <= room && !overflow && !(whole_clusters && split_cluster);
}

/* The largest size in [min_size, max_size] that fits, trying max_size first and then
 * binary-searching; *last_set is the last size set. False when none fits. */
static bool search(const char *text, int box_w, int box_h, int min_size, int max_size,
                   const WrapFitFns *fns, bool whole_clusters, int *best, int *last_set)
{
    *last_set = max_size;
    if (fits_at(text, box_w, box_h, max_size, fns, whole_clusters)) {
        *best = max_size;
        return true;
    }
    /* every size above hi failed; lo is min_size (untried) or a size that fits */
    int lo = min_size;
    int hi = max_size - 1;
    bool lo_fits = false;
    while (lo < hi) {
        int mid = lo + (hi - lo + 1) / 2;
        *last_set = mid;
        if (fits_at(text, box_w, box_h, mid, fns, whole_clusters)) {
            lo = mid;
            lo_fits = true;
        } else {
            hi = mid - 1;
        }
    }
    if (!lo_fits && lo < max_size) {
        *last_set = lo;
        lo_fits = fits_at(text, box_w, box_h, lo, fns, whole_clusters);
    }
    *best = lo;
    return lo_fits;
}

int wrap_fit(const char *text, int box_w, int box_h, int min_size, int max_size,
             const WrapFitFns *fns, bool *fits)
{
    if (max_size < min_size) {
        max_size = min_size;
    }
    int best = min_size;
    int last_set = min_size;
    /* prefer sizes at which no word is cut between letters; allow it only when none is */
    bool ok = search(text, box_w, box_h, min_size, max_size, fns, true, &best, &last_set);
    if (!ok) {
        ok = search(text, box_w, box_h, min_size, max_size, fns, false, &best, &last_set);
    }
    if (!ok) {
        best = min_size;
    }
    if (last_set != best) {
        fns->set_size(fns->ctx, best);
    }
    if (fits != NULL) {
        *fits = ok;
    }
    return best;
}
