/* pads.h - game controllers: opened when plugged in, numbered 1 to 8 in the order they came
 * (a pad keeps its number while it stays plugged in), and virtual pads for scripted runs. */
#ifndef QUIZDECK_PADS_H
#define QUIZDECK_PADS_H

#include <SDL.h>
#include <stdbool.h>

enum { PADS_MAX = 8 };

typedef struct Pads {
    bool started;
    SDL_GameController *pad[PADS_MAX]; /* by slot; NULL when empty */
    SDL_JoystickID id[PADS_MAX];
    SDL_Joystick *virt[PADS_MAX]; /* virtual pads a script attached, by the script's number */
} Pads;

/* Starts the controller subsystem (after the first frame, so the window shows sooner) with
 * background events allowed, so pads work when the window lacks focus. Returns false when SDL
 * has no controller support; the game then runs without pads. */
bool pads_start(Pads *p);

/* Closes every pad and detaches virtual ones. Accepts a never-started Pads. */
void pads_stop(Pads *p);

/* Handles a controller device event: opens an added pad in the first free slot, closes a
 * removed one. Returns the slot (0-based) it concerned, or -1. `*added` says which. */
int pads_device_event(Pads *p, const SDL_Event *ev, bool *added);

/* The slot of the pad that sent `which`, or -1. */
int pads_slot(const Pads *p, SDL_JoystickID which);

/* Number of pads plugged in. */
int pads_count(const Pads *p);

/* Scripts: attach a virtual pad as number n (1-based); press or release one of its buttons by
 * SDL_GameControllerButton; detach it. Each returns false with SDL_GetError() set on failure. */
bool pads_virtual_add(Pads *p, int n);
bool pads_virtual_button(Pads *p, int n, SDL_GameControllerButton b, bool down);
bool pads_virtual_remove(Pads *p, int n);

/* The button's name as scripts write it ("a", "dpup"), and back. */
SDL_GameControllerButton pads_button_from_name(const char *name);

/* The label of a face button for people, in the pad's own style: "A", "B", "X", "Y" for Xbox
 * and generic pads, "Cross", "Circle", "Square", "Triangle" for PlayStation ones. */
const char *pads_face_label(const Pads *p, int slot, SDL_GameControllerButton b);

#endif
