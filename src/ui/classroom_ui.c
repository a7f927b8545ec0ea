/* classroom_ui.c - placeholder until the classroom front end is written. */
#include "ui/app.h"

void classroom_ui_free(App *app)
{
    classroom_destroy(app->classroom.game);
    app->classroom.game = NULL;
}
