/* app_private.h - what the app's own files (app.c, app_events.c, app_files.c, app_bench.c)
 * share and screens must not call. */
#ifndef QUIZDECK_APP_PRIVATE_H
#define QUIZDECK_APP_PRIVATE_H

#include "ui/app.h"

/* Carries out a switch app_switch asked for (leave, enter). */
void app_do_switch(App *app);

/* Reads the renderer's output size into app->w/h and the layout unit; clears the text cache
 * when it changed. */
void app_update_size(App *app);

#endif
