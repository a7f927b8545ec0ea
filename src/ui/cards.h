/* cards.h - the flashcard screen's two faces, shared by screen_cards.c and cards_face.c only.
 * Drawing and formatting: nothing here changes the study session. */
#ifndef QUIZDECK_CARDS_H
#define QUIZDECK_CARDS_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/pack.h"
#include "ui/app.h"

/* The buttons of the flashcard screen's bottom row. */
typedef enum CardButton {
    CARD_BTN_NONE,
    CARD_BTN_UNDO,
    CARD_BTN_SUSPEND,
    CARD_BTN_FLIP,
    CARD_BTN_AGAIN,
    CARD_BTN_HARD,
    CARD_BTN_GOOD,
    CARD_BTN_EASY,
    CARD_BTN_BACK,
    CARD_BTN_COUNT
} CardButton;

enum { CARDS_ROW_MAX = 8 };

/* The card shown (and its pack, when `pack` is not NULL); NULL when the session is done or
 * not running. Borrowed from the session. */
const Question *cards_shown(const App *app, const Pack **pack);

/* True when the back offers Again and Good only (two-button setting, or cram). */
bool cards_two_grades(const App *app);

/* True when study_undo has a grade to take back. */
bool cards_can_undo(const App *app);

/* The bottom row as it is now, left to right; returns how many (at most CARDS_ROW_MAX). */
int cards_row(const App *app, CardButton out[CARDS_ROW_MAX]);

/* The focused button: app->cards_view.focus when that button is in the row, else the default
 * ("Show answer" on the front, Good on the back, "Back to the menu" when done). */
CardButton cards_focused(const App *app);

/* A button's name for scripts ("good") and for people ("Good"). */
const char *cards_button_arg(CardButton b);
const char *cards_button_name(CardButton b);

/* Draws the bottom row across `span` and adds a "button" hotspot for each. */
void cards_draw_row(App *app, SDL_Rect span);

/* Draws the front of `q` inside `inner`: the prompt fitted large and, for single, multi and
 * order questions, the choices or items as a lettered list (order items shuffled, the same
 * way every time). Adds no hotspots. */
void cards_draw_front(App *app, const Question *q, SDL_Rect inner);

/* Draws the back of `q` (of `pack`) inside `inner`: the prompt small, the right answer big,
 * the explanation and the source. Adds no hotspots. */
void cards_draw_back(App *app, const Pack *pack, const Question *q, SDL_Rect inner);

/* Writes the right answer of `q` for people, in its type's form, one line per part:
 * "B · Moscow", "True", "1. a\n2. b", "1991 km (±2 accepted)". Letters follow the pack's
 * choice order, as the front lists them. Always NUL-terminates (size > 0). */
void cards_answer_text(const Question *q, char *out, size_t size);

/* Writes an interval of `days` as a grade button shows it: "1 d", "12 d", "1.5 mo", "2.1 y". */
void cards_interval_text(int days, char *out, size_t size);

#endif
