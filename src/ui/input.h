/* input.h - turns SDL events into the game's own commands. Keyboard, mouse, touch and a
 * presentation clicker's PageUp/PageDown all end as the same few commands, so screens never look
 * at SDL_Event. */
#ifndef QUIZDECK_INPUT_H
#define QUIZDECK_INPUT_H

#include <SDL.h>
#include <stdbool.h>

typedef enum CommandKind {
    CMD_NONE,
    CMD_UP,
    CMD_DOWN,
    CMD_LEFT,
    CMD_RIGHT,
    CMD_CONFIRM, /* Return, keypad Enter */
    CMD_TOGGLE,  /* Space */
    CMD_BACK,    /* Escape */
    CMD_NEXT,    /* PageDown: a clicker's forward button */
    CMD_PREV,    /* PageUp */
    CMD_PAUSE,
    CMD_SKIP,
    CMD_MUTE,
    CMD_FULLSCREEN,
    CMD_RELOAD,
    CMD_CHOOSE,   /* pick choice or row `index` (0-based), from 1-8 or A-H */
    CMD_ERASE,    /* Backspace in a text field */
    CMD_TEXT,     /* typed text in `text` */
    CMD_ACTIVATE, /* a hotspot was clicked: `name`, `index` */
    CMD_DRAG,     /* dragging from hotspot `name`,`index` is at (x, y) */
    CMD_DROP,     /* released a drag at (x, y) */
    CMD_SCROLL,   /* wheel: index = lines, negative up */
    CMD_KEY,      /* a letter key (for screens with their own letter keys): `key` */
    CMD_QUIT,
    CMD_PAD_BUTTON,  /* a pad's button: pad slot `index` (0-based), button in `key` */
    CMD_PAD_ADDED,   /* pad slot `index` was plugged in */
    CMD_PAD_REMOVED, /* pad slot `index` was unplugged */
    CMD_KIND_COUNT
} CommandKind;

typedef struct Command {
    CommandKind kind;
    int index;
    const char *name; /* CMD_ACTIVATE, CMD_DRAG: the hotspot's name (static string) */
    const char *arg;  /* CMD_ACTIVATE: the hotspot's argument (a button's name), or NULL */
    const char *text; /* CMD_TEXT: borrowed for the call */
    SDL_Keycode key;
    int x, y; /* pixels of the render output */
} Command;

/* One entry of a key map: `key` with exactly `mods` (KMOD_CTRL, KMOD_SHIFT, KMOD_ALT or 0;
 * left and right count alike) gives `cmd` (with `index`). */
typedef struct KeyBinding {
    SDL_Keycode key;
    Uint16 mods;
    CommandKind cmd;
    int index;
    const char *help; /* shown in help lines; NULL for aliases */
} KeyBinding;

/* Looks `key`/`mods` up in `map`; fills `out` and returns true on a match. */
bool input_lookup(const KeyBinding *map, int count, SDL_Keycode key, Uint16 mods, Command *out);

/* The choice keys: 1-8 and A-H give CMD_CHOOSE 0-7. Returns true when `key` is one. */
bool input_choice_key(SDL_Keycode key, Uint16 mods, Command *out);

/* Modifier state reduced to KMOD_CTRL, KMOD_SHIFT, KMOD_ALT, KMOD_GUI bits. */
Uint16 input_mods(Uint16 sdl_mods);

#endif
