/* screen_class_setup.c - placeholder until the screen is written. */
#include "ui/app.h"
#include "ui/draw.h"

static void draw(App *app)
{
    draw_help(app, "Esc back");
}

static void command(App *app, const Command *cmd)
{
    if (cmd->kind == CMD_BACK) {
        app_switch(app, SCREEN_TITLE);
    }
}

static const KeyBinding keys[] = {{SDLK_ESCAPE, 0, CMD_BACK, 0, NULL}};

const Screen screen_class_setup = {
    .name = "class_setup",
    .keys = keys,
    .key_count = 1,
    .command = command,
    .draw = draw,
};
