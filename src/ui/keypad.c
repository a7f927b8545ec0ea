/* keypad.c - on-screen keys for text and number answers (mouse and touch). Only edits the
 * text it is given; submitting is the caller's. */
#include "ui/keypad.h"

#include <string.h>

#include "core/utf8.h"
#include "ui/draw.h"

static const char *const letter_rows[] = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
static const char *const digit_rows[] = {"789", "456", "123"};

/* The label shown for a key name. */
static const char *label_of(const char *name)
{
    if (strcmp(name, "space") == 0) {
        return "space";
    }
    if (strcmp(name, "backspace") == 0) {
        return "\xE2\x8C\xAB"; /* erase to the left */
    }
    if (strcmp(name, "enter") == 0) {
        return "Enter";
    }
    if (strcmp(name, "minus") == 0) {
        return "\xE2\x88\x92";
    }
    if (strcmp(name, "point") == 0) {
        return ".";
    }
    if (strcmp(name, "comma") == 0) {
        return ",";
    }
    return name;
}

/* Static names of single characters, so hotspots can keep pointers to them. */
static const char *const char_names[] = {
    "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r",
    "s", "t", "u", "v", "w", "x", "y", "z", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
};

static const char *name_of(char c)
{
    if (c >= 'a' && c <= 'z') {
        return char_names[c - 'a'];
    }
    return char_names[26 + (c - '0')];
}

static void key(App *app, SDL_Rect r, const char *name)
{
    const Theme *t = &app->theme;
    bool hover = app_hot_hovered(app, 1);
    draw_fill(app, r, hover ? t->panel_hi : t->panel);
    bool wide = strlen(name) > 1 && strcmp(label_of(name), name) != 0;
    text_draw_line_fit(app->text, wide ? FACE_BOLD : FACE_REGULAR, r.h * 55 / 100, t->text,
                       r.x + r.w / 2, r.y + r.h / 2, r.w - 2, ALIGN_CENTER, label_of(name));
    app_hot_add(app, "key", name, 0, r);
}

void keypad_draw(App *app, SDL_Rect area, bool digits)
{
    int gap = draw_u(app, 0.6f);
    int rows = 4;
    int kh = (area.h - gap * (rows - 1)) / rows;
    if (kh > draw_u(app, 6.5f)) {
        kh = draw_u(app, 6.5f);
    }
    if (kh < 6) {
        return; /* no room: the keyboard still works */
    }
    const char *const *layout = digits ? digit_rows : letter_rows;
    int cols = digits ? 4 : 10;
    int kw = (area.w - gap * (cols - 1)) / cols;
    if (digits && kw > kh * 2) {
        kw = kh * 2;
    }
    int total_w = cols * kw + (cols - 1) * gap;
    int x0 = area.x + (area.w - total_w) / 2;
    int y = area.y;
    for (int row = 0; row < 3; row++) {
        const char *keys = layout[row];
        int n = (int)strlen(keys);
        int x = x0 + (digits ? 0 : (cols - n) * (kw + gap) / 2);
        for (int i = 0; i < n; i++) {
            key(app, (SDL_Rect){x, y, kw, kh}, name_of(keys[i]));
            x += kw + gap;
        }
        if (digits) {
            const char *side = row == 0 ? "backspace" : row == 1 ? "minus" : "comma";
            key(app, (SDL_Rect){x, y, kw, kh}, side);
        } else if (row == 2) {
            key(app, (SDL_Rect){x, y, kw * 3 / 2, kh}, "backspace");
        }
        y += kh + gap;
    }
    if (digits) {
        key(app, (SDL_Rect){x0, y, kw * 2 + gap, kh}, "0");
        key(app, (SDL_Rect){x0 + 2 * (kw + gap), y, kw, kh}, "point");
        key(app, (SDL_Rect){x0 + 3 * (kw + gap), y, kw, kh}, "enter");
    } else {
        int sw = kw * 5 + gap * 4;
        key(app, (SDL_Rect){x0 + (total_w - sw) / 2 - kw - gap, y, kw, kh}, "minus");
        key(app, (SDL_Rect){x0 + (total_w - sw) / 2, y, sw, kh}, "space");
        key(app, (SDL_Rect){x0 + (total_w + sw) / 2 + gap, y, kw * 2, kh}, "enter");
    }
}

bool keypad_press(const char *name, char *typed, size_t size, bool *full)
{
    size_t n = strlen(typed);
    const char *add = NULL;
    if (full) {
        *full = false;
    }
    if (strcmp(name, "enter") == 0) {
        return true;
    }
    if (strcmp(name, "backspace") == 0) {
        while (n > 0) {
            n--;
            if (((unsigned char)typed[n] & 0xC0) != 0x80) {
                break;
            }
        }
        typed[n] = '\0';
        return false;
    }
    add = strcmp(name, "space") == 0   ? " "
          : strcmp(name, "minus") == 0 ? "-"
          : strcmp(name, "point") == 0 ? "."
          : strcmp(name, "comma") == 0 ? ","
          : strlen(name) == 1          ? name
                                       : NULL;
    if (add && !utf8_append_bounded(typed, size - 1, add) && full) {
        *full = true;
    }
    return false;
}
