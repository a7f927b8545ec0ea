/* keypad.h - on-screen keys under a text field, so that text and number questions can be
 * answered with the mouse or a touch screen alone. */
#ifndef QUIZDECK_KEYPAD_H
#define QUIZDECK_KEYPAD_H

#include <stdbool.h>

#include "ui/app.h"

/* Draws the keys in `area` (digits only when `digits`) and adds a "key" hotspot for each, with
 * the key's name as argument: "a".."z", "0".."9", "space", "minus", "point", "comma",
 * "backspace", "enter". */
void keypad_draw(App *app, SDL_Rect area, bool digits);

/* Applies a key by name to `typed` (a buffer of `size` bytes). Returns true for "enter".
 * `full` (may be NULL) is set when the key's character did not fit, cleared otherwise. */
bool keypad_press(const char *name, char *typed, size_t size, bool *full);

#endif
