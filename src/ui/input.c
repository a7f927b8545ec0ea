/* input.c - key maps: SDL key presses to the game's commands. Screens see commands only. */
#include "ui/input.h"

Uint16 input_mods(Uint16 m)
{
    Uint16 out = 0;
    if (m & KMOD_CTRL) {
        out |= KMOD_CTRL;
    }
    if (m & KMOD_SHIFT) {
        out |= KMOD_SHIFT;
    }
    if (m & KMOD_ALT) {
        out |= KMOD_ALT;
    }
    if (m & KMOD_GUI) {
        out |= KMOD_GUI;
    }
    return out;
}

bool input_lookup(const KeyBinding *map, int count, SDL_Keycode key, Uint16 mods, Command *out)
{
    Uint16 m = input_mods(mods);
    for (int i = 0; i < count; i++) {
        if (map[i].key == key && map[i].mods == m) {
            *out = (Command){.kind = map[i].cmd, .index = map[i].index, .key = key};
            return true;
        }
    }
    return false;
}

bool input_choice_key(SDL_Keycode key, Uint16 mods, Command *out)
{
    if (input_mods(mods) & (KMOD_CTRL | KMOD_ALT | KMOD_GUI)) {
        return false;
    }
    int index = -1;
    if (key >= SDLK_1 && key <= SDLK_8) {
        index = key - SDLK_1;
    } else if (key >= SDLK_KP_1 && key <= SDLK_KP_8) {
        index = key - SDLK_KP_1;
    } else if (key >= SDLK_a && key <= SDLK_h) {
        index = key - SDLK_a;
    }
    if (index < 0) {
        return false;
    }
    *out = (Command){.kind = CMD_CHOOSE, .index = index, .key = key};
    return true;
}
