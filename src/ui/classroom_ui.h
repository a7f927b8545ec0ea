/* classroom_ui.h - the classroom game as the window runs it: the setup the teacher chose, the
 * game in progress, where its state and results are saved, and what the presentation shows. */
#ifndef QUIZDECK_CLASSROOM_UI_H
#define QUIZDECK_CLASSROOM_UI_H

#include <stdbool.h>
#include <stdint.h>

#include "core/classroom.h"

typedef struct App App;

typedef struct ClassroomUi {
    ClassConfig config; /* the setup screen's choices */
    ClassGame *game;    /* NULL when no game runs; owned */
    bool black;         /* B or '.': the screen is black */
    bool help;          /* H or ?: the help overlay */
} ClassroomUi;

/* Frees the game. Accepts a never-started ClassroomUi. */
void classroom_ui_free(App *app);

#endif
