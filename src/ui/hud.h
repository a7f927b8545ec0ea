/* hud.h - what stays on screen during a quiz: question number, pack, score and streak, the
 * countdown; and the right answer written out in each question type's form. */
#ifndef QUIZDECK_HUD_H
#define QUIZDECK_HUD_H

#include <stddef.h>

#include "ui/app.h"

/* Draws the status bar (and the countdown when timed and `timer`); returns the y below it. */
int hud_draw(App *app, int y, bool timer);

/* Writes the right answer of `item` for people: "B · Moscow", "True", "1. a  2. b", "1991 (±2)". */
void hud_answer_text(const QuizItem *item, char *out, size_t size);

/* The letter of screen position `pos` ("A".."H"). */
char hud_letter(int pos);

#endif
