/* png.c - screenshots as PNG through libpng, written to a temporary file and renamed into place.
 * Never exits and never prints: every failure comes back as false and a message. */
#include "png.h" /* this folder's header; libpng's is <png.h> below */

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <png.h>

#include "core/strbuf.h"

/* What the libpng error callback needs: where to put the message. */
typedef struct PngErrorSink {
    char *err;
    size_t errsz;
    const char *path;
} PngErrorSink;

static void set_error(char *err, size_t errsz, const char *path, const char *what,
                      const char *detail)
{
    if (err == NULL || errsz == 0) {
        return;
    }
    str_format(err, errsz, "%s: %s%s%s", path != NULL ? path : "(no path)", what,
               detail != NULL ? ": " : "", detail != NULL ? detail : "");
}

/* libpng calls this for a fatal error; it must not return, so it jumps back to write_image(). */
static void on_png_error(png_structp png, png_const_charp message)
{
    PngErrorSink *sink = png_get_error_ptr(png);
    set_error(sink->err, sink->errsz, sink->path, "cannot write PNG", message);
    png_longjmp(png, 1);
}

/* Warnings (none are expected when writing) are not worth a message. */
static void on_png_warning(png_structp png, png_const_charp message)
{
    (void)png;
    (void)message;
}

/* The part of the work libpng may abandon with longjmp. It lives in its own function so that
 * nothing it changes after setjmp() is used after the jump: the caller owns and frees `png`,
 * `info` and `fp` (unchanged here), and the only variable written after setjmp(), the row
 * index, is dead once the jump lands. So no local needs to be volatile. */
static bool write_image(png_structp png, png_infop info, FILE *fp, const unsigned char *rgb, int w,
                        int h, int pitch)
{
    if (setjmp(png_jmpbuf(png))) {
        return false;
    }
    png_init_io(png, fp);
    png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    for (int y = 0; y < h; y++) {
        png_write_row(png, rgb + (size_t)y * (size_t)pitch);
    }
    png_write_end(png, info);
    return true;
}

bool png_write_rgb(const char *path, const unsigned char *rgb, int w, int h, int pitch, char *err,
                   size_t errsz)
{
    if (err != NULL && errsz > 0) {
        err[0] = '\0';
    }
    if (path == NULL || path[0] == '\0' || rgb == NULL || w <= 0 || h <= 0 || w > INT_MAX / 3 ||
        pitch < 3 * w) {
        set_error(err, errsz, path, "cannot write PNG", "bad image size or pitch");
        return false;
    }
    StrBuf tmp = STRBUF_INIT;
    if (!strbuf_printf(&tmp, "%s.tmp", path)) {
        strbuf_free(&tmp);
        set_error(err, errsz, path, "cannot write PNG", "out of memory");
        return false;
    }
    const char *tmp_path = strbuf_cstr(&tmp);
    FILE *fp = fopen(tmp_path, "wb");
    if (fp == NULL) {
        set_error(err, errsz, tmp_path, "cannot create", strerror(errno));
        strbuf_free(&tmp);
        return false;
    }
    PngErrorSink sink = {err, errsz, path};
    png_structp png =
        png_create_write_struct(PNG_LIBPNG_VER_STRING, &sink, on_png_error, on_png_warning);
    png_infop info = png != NULL ? png_create_info_struct(png) : NULL;
    bool ok = false;
    if (png == NULL || info == NULL) {
        set_error(err, errsz, path, "cannot write PNG", "out of memory");
    } else {
        ok = write_image(png, info, fp, rgb, w, h, pitch);
    }
    png_destroy_write_struct(&png, &info);
    /* a full disk may only show when the buffered data is flushed */
    if (fclose(fp) != 0 && ok) {
        set_error(err, errsz, tmp_path, "cannot write", strerror(errno));
        ok = false;
    }
    if (ok && rename(tmp_path, path) != 0) {
        set_error(err, errsz, path, "cannot rename the finished PNG into place", strerror(errno));
        ok = false;
    }
    if (!ok) {
        remove(tmp_path);
    }
    strbuf_free(&tmp);
    return ok;
}

bool png_save_renderer(SDL_Renderer *r, const char *path, char *err, size_t errsz)
{
    int w = 0;
    int h = 0;
    if (r == NULL || SDL_GetRendererOutputSize(r, &w, &h) != 0 || w <= 0 || h <= 0) {
        set_error(err, errsz, path, "cannot take a screenshot",
                  r == NULL ? "no renderer" : SDL_GetError());
        return false;
    }
    size_t pitch = (size_t)w * 3;
    unsigned char *pixels = malloc(pitch * (size_t)h);
    if (pixels == NULL) {
        set_error(err, errsz, path, "cannot take a screenshot", "out of memory");
        return false;
    }
    /* SDL reads within the viewport, in output pixels only at scale 1: widen both for the read */
    SDL_Rect viewport;
    float scale_x = 1.0f;
    float scale_y = 1.0f;
    SDL_RenderGetViewport(r, &viewport);
    SDL_RenderGetScale(r, &scale_x, &scale_y);
    SDL_RenderSetScale(r, 1.0f, 1.0f);
    SDL_RenderSetViewport(r, NULL);
    SDL_Rect all = {0, 0, w, h};
    int read = SDL_RenderReadPixels(r, &all, SDL_PIXELFORMAT_RGB24, pixels, (int)pitch);
    SDL_RenderSetScale(r, scale_x, scale_y);
    SDL_RenderSetViewport(r, &viewport);
    if (read != 0) {
        set_error(err, errsz, path, "cannot read the renderer's pixels", SDL_GetError());
        free(pixels);
        return false;
    }
    bool ok = png_write_rgb(path, pixels, w, h, (int)pitch, err, errsz);
    free(pixels);
    return ok;
}
