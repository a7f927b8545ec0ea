/* quiz_answers.h - the quiz screen's answer areas, shared by screen_quiz.c and quiz_answers.c
 * only. Drawing: nothing here changes the quiz session. */
#ifndef QUIZDECK_QUIZ_ANSWERS_H
#define QUIZDECK_QUIZ_ANSWERS_H

#include <SDL.h>

#include "core/pack.h"
#include "core/quiz.h"
#include "ui/app.h"

/* The number of choices a question shows: 2 for true/false, else its choice count. */
int quiz_answers_choice_count(const Question *q);

/* Draws the answer area of `item` (borrowed for the call) in `area`: the choice tiles, the text
 * field with its keypad, or the rows to put in order; adds their hotspots, and for an order
 * question records the rows' geometry in app->run for dragging. */
void quiz_answers_draw(App *app, const QuizItem *item, SDL_Rect area);

#endif
