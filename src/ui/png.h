/* png.h - screenshots: the renderer's output, or any RGB24 image, written as an 8-bit RGB PNG
 * through libpng. Writes are atomic: a half-written file never has the final name. */
#ifndef QUIZDECK_PNG_H
#define QUIZDECK_PNG_H

#include <stdbool.h>
#include <stddef.h>

#include <SDL.h>

/* Reads every pixel of the renderer's current target (the window, or the target texture when
 * one is set) at its full output size, whatever the viewport, clip or scale, and writes them
 * to `path` as png_write_rgb() does. Call it after drawing and before SDL_RenderPresent(): what
 * the window holds after a present is undefined. The renderer's viewport and scale are left as
 * they were. Returns true on success; on failure returns false and writes a message (naming
 * the path where it helps) into `err` (`errsz` bytes, always NUL-terminated when errsz > 0;
 * `err` may be NULL). */
bool png_save_renderer(SDL_Renderer *r, const char *path, char *err, size_t errsz);

/* Writes `w` x `h` pixels of 3 bytes each (R, G, B), rows `pitch` bytes apart (pitch >= 3*w),
 * as an 8-bit RGB PNG at `path`. The image goes to `path` + ".tmp" first and is renamed to
 * `path` only when complete; on failure the temporary file is removed and `path` is left as it
 * was. Returns true on success; on failure false with a message in `err` as above. The pixels
 * stay the caller's. */
bool png_write_rgb(const char *path, const unsigned char *rgb, int w, int h, int pitch, char *err,
                   size_t errsz);

#endif
