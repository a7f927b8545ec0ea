/* pads.c - game controllers and the virtual pads scripts plug in. Knows nothing of the game:
 * it opens, numbers and closes pads, and names their buttons. */
#include "ui/pads.h"

#include <string.h>

bool pads_start(Pads *p)
{
    if (p->started) {
        return true;
    }
    SDL_SetHint(SDL_HINT_JOYSTICK_ALLOW_BACKGROUND_EVENTS, "1");
    if (SDL_InitSubSystem(SDL_INIT_GAMECONTROLLER) != 0) {
        return false;
    }
    p->started = true;
    return true;
}

void pads_stop(Pads *p)
{
    if (!p->started) {
        return;
    }
    for (int i = 0; i < PADS_MAX; i++) {
        if (p->pad[i]) {
            SDL_GameControllerClose(p->pad[i]);
            p->pad[i] = NULL;
        }
        if (p->virt[i]) {
            int index = -1;
            SDL_JoystickID id = SDL_JoystickInstanceID(p->virt[i]);
            for (int d = 0; d < SDL_NumJoysticks(); d++) {
                if (SDL_JoystickGetDeviceInstanceID(d) == id) {
                    index = d;
                }
            }
            SDL_JoystickClose(p->virt[i]);
            if (index >= 0) {
                SDL_JoystickDetachVirtual(index);
            }
            p->virt[i] = NULL;
        }
    }
    SDL_QuitSubSystem(SDL_INIT_GAMECONTROLLER);
    p->started = false;
}

int pads_slot(const Pads *p, SDL_JoystickID which)
{
    for (int i = 0; i < PADS_MAX; i++) {
        if (p->pad[i] && p->id[i] == which) {
            return i;
        }
    }
    return -1;
}

int pads_count(const Pads *p)
{
    int n = 0;
    for (int i = 0; i < PADS_MAX; i++) {
        n += p->pad[i] != NULL;
    }
    return n;
}

int pads_device_event(Pads *p, const SDL_Event *ev, bool *added)
{
    *added = false;
    if (ev->type == SDL_CONTROLLERDEVICEADDED) {
        int device = ev->cdevice.which; /* a device index for this event */
        SDL_JoystickID id = SDL_JoystickGetDeviceInstanceID(device);
        if (pads_slot(p, id) >= 0) {
            return -1; /* already open */
        }
        for (int i = 0; i < PADS_MAX; i++) {
            if (!p->pad[i]) {
                p->pad[i] = SDL_GameControllerOpen(device);
                if (!p->pad[i]) {
                    return -1;
                }
                p->id[i] = id;
                *added = true;
                return i;
            }
        }
        return -1; /* more than PADS_MAX: ignored */
    }
    if (ev->type == SDL_CONTROLLERDEVICEREMOVED) {
        int slot = pads_slot(p, ev->cdevice.which); /* an instance id for this event */
        if (slot >= 0) {
            SDL_GameControllerClose(p->pad[slot]);
            p->pad[slot] = NULL;
        }
        return slot;
    }
    return -1;
}

bool pads_virtual_add(Pads *p, int n)
{
    if (n < 1 || n > PADS_MAX || !p->started) {
        SDL_SetError("no pad number %d (1 to %d)", n, PADS_MAX);
        return false;
    }
    if (p->virt[n - 1]) {
        SDL_SetError("pad %d is already plugged in", n);
        return false;
    }
    SDL_VirtualJoystickDesc desc;
    SDL_zero(desc);
    desc.version = SDL_VIRTUAL_JOYSTICK_DESC_VERSION;
    desc.type = SDL_JOYSTICK_TYPE_GAMECONTROLLER;
    desc.naxes = SDL_CONTROLLER_AXIS_MAX;
    desc.nbuttons = SDL_CONTROLLER_BUTTON_MAX;
    desc.button_mask = (1u << SDL_CONTROLLER_BUTTON_MAX) - 1u; /* buttons in enum order */
    desc.axis_mask = (1u << SDL_CONTROLLER_AXIS_MAX) - 1u;
    desc.name = "quizdeck virtual pad";
    int device = SDL_JoystickAttachVirtualEx(&desc);
    if (device < 0) {
        return false;
    }
    p->virt[n - 1] = SDL_JoystickOpen(device);
    return p->virt[n - 1] != NULL;
}

bool pads_virtual_button(Pads *p, int n, SDL_GameControllerButton b, bool down)
{
    if (n < 1 || n > PADS_MAX || !p->virt[n - 1]) {
        SDL_SetError("pad %d is not plugged in", n);
        return false;
    }
    return SDL_JoystickSetVirtualButton(p->virt[n - 1], (int)b, down ? 1 : 0) == 0;
}

bool pads_virtual_remove(Pads *p, int n)
{
    if (n < 1 || n > PADS_MAX || !p->virt[n - 1]) {
        SDL_SetError("pad %d is not plugged in", n);
        return false;
    }
    SDL_JoystickID id = SDL_JoystickInstanceID(p->virt[n - 1]);
    int index = -1;
    for (int d = 0; d < SDL_NumJoysticks(); d++) {
        if (SDL_JoystickGetDeviceInstanceID(d) == id) {
            index = d;
        }
    }
    SDL_JoystickClose(p->virt[n - 1]);
    p->virt[n - 1] = NULL;
    return index >= 0 && SDL_JoystickDetachVirtual(index) == 0;
}

SDL_GameControllerButton pads_button_from_name(const char *name)
{
    return SDL_GameControllerGetButtonFromString(name);
}

const char *pads_face_label(const Pads *p, int slot, SDL_GameControllerButton b)
{
    SDL_GameControllerType type = SDL_CONTROLLER_TYPE_UNKNOWN;
    if (slot >= 0 && slot < PADS_MAX && p->pad[slot]) {
        type = SDL_GameControllerGetType(p->pad[slot]);
    }
    bool ps = type == SDL_CONTROLLER_TYPE_PS3 || type == SDL_CONTROLLER_TYPE_PS4 ||
              type == SDL_CONTROLLER_TYPE_PS5;
    bool nintendo = type == SDL_CONTROLLER_TYPE_NINTENDO_SWITCH_PRO;
    switch (b) {
    case SDL_CONTROLLER_BUTTON_A:
        return ps ? "Cross" : nintendo ? "B" : "A";
    case SDL_CONTROLLER_BUTTON_B:
        return ps ? "Circle" : nintendo ? "A" : "B";
    case SDL_CONTROLLER_BUTTON_X:
        return ps ? "Square" : nintendo ? "Y" : "X";
    case SDL_CONTROLLER_BUTTON_Y:
        return ps ? "Triangle" : nintendo ? "X" : "Y";
    default:
        return SDL_GameControllerGetStringForButton(b);
    }
}
