/* app_bench.c - `--bench-draw N`: a quiz question drawn N times with the clock frozen, timed,
 * with the glyph rasterisations of the first and of the unchanged frames. */
#include <stdio.h>
#include <stdlib.h>

#include "ui/app.h"
#include "ui/app_private.h"

static int compare_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int app_bench_draw(App *app, int frames)
{
    /* a quiz question with the clock frozen: every frame shows the same thing */
    app->virtual_clock = true;
    app->now_ms = 0;
    app->opt.play = true;
    if (!play_start_from_settings(app)) {
        fprintf(stderr, "quizdeck: --bench-draw needs a pack to draw\n");
        return APP_EXIT_NO_DATA;
    }
    app_do_switch(app);
    unsigned long before = text_rasterisations(app->text);
    app_draw(app, true);
    app_present(app);
    unsigned long first = text_rasterisations(app->text) - before;
    double *ms = SDL_malloc(sizeof *ms * (size_t)frames);
    if (!ms) {
        return APP_EXIT_STARTUP;
    }
    unsigned long unchanged_before = text_rasterisations(app->text);
    double freq = (double)SDL_GetPerformanceFrequency();
    for (int i = 0; i < frames; i++) {
        Uint64 t0 = SDL_GetPerformanceCounter();
        app_draw(app, true);
        app_present(app);
        ms[i] = (double)(SDL_GetPerformanceCounter() - t0) * 1000.0 / freq;
    }
    unsigned long unchanged = text_rasterisations(app->text) - unchanged_before;
    qsort(ms, (size_t)frames, sizeof *ms, compare_double);
    printf("window %dx%d, %s renderer, %d frames\n", app->w, app->h,
           app->opt.gpu ? "gpu" : "software", frames);
    printf("draw_ms_median %.3f\n", ms[frames / 2]);
    printf("draw_ms_max %.3f\n", ms[frames - 1]);
    printf("glyphs_first_frame %lu\n", first);
    printf("glyphs_unchanged_frame %lu\n", frames > 0 ? unchanged / (unsigned long)frames : 0);
    SDL_free(ms);
    return APP_EXIT_OK;
}
