/* script_input.c - the script commands that act as the player: key, type, click, drag and the
 * controller's pad commands. Never prints: errors go to the DiagList through script_fail. */
#include "script.h"

#include <string.h>

#include "script_private.h"

const ScriptModifier script_modifiers[SCRIPT_MODIFIER_COUNT] = {
    {"Ctrl", SCRIPT_MOD_CTRL},
    {"Shift", SCRIPT_MOD_SHIFT},
    {"Alt", SCRIPT_MOD_ALT},
    {"Gui", SCRIPT_MOD_GUI},
};

/* Other names of the modifiers, for "did you mean" only. */
static const char *const MODIFIER_ALIASES[][2] = {
    {"Control", "Ctrl"}, {"Option", "Alt"}, {"Cmd", "Gui"},  {"Command", "Gui"},
    {"Super", "Gui"},    {"Win", "Gui"},    {"Meta", "Gui"}, {"Windows", "Gui"},
};

/* SDL_GameControllerGetStringForButton spellings of the buttons every controller has. */
static const char *const PAD_BUTTONS[] = {
    "a",
    "b",
    "x",
    "y",
    "back",
    "guide",
    "start",
    "leftstick",
    "rightstick",
    "leftshoulder",
    "rightshoulder",
    "dpup",
    "dpdown",
    "dpleft",
    "dpright",
};
enum { PAD_BUTTON_COUNT = sizeof PAD_BUTTONS / sizeof PAD_BUTTONS[0] };

bool script_cmd_key(Parser *p, char *rest, ScriptCommand *cmd)
{
    char *s = script_skip_blanks(rest);
    char buf[64];
    if (*s == '\0') {
        script_fail(p, "key: missing key name (e.g. 'key Return' or 'key Ctrl+R')");
        return false;
    }
    /* "MOD+" prefixes: a '+' after at least one byte, with no blank before it */
    for (;;) {
        char *plus = strchr(s + 1, '+');
        if (!plus || memchr(s, ' ', (size_t)(plus - s)) || memchr(s, '\t', (size_t)(plus - s))) {
            break;
        }
        size_t len = (size_t)(plus - s);
        unsigned bit = 0;
        for (int i = 0; i < SCRIPT_MODIFIER_COUNT; i++) {
            if (script_equal_nocase(s, len, script_modifiers[i].name)) {
                bit = script_modifiers[i].bit;
            }
        }
        if (bit == 0) {
            *plus = '\0';
            const char *names[SCRIPT_MODIFIER_COUNT];
            for (int i = 0; i < SCRIPT_MODIFIER_COUNT; i++) {
                names[i] = script_modifiers[i].name;
            }
            const char *guess = script_closest(s, names, SCRIPT_MODIFIER_COUNT);
            for (size_t i = 0; !guess && i < sizeof MODIFIER_ALIASES / sizeof *MODIFIER_ALIASES;
                 i++) {
                if (script_equal_nocase(s, len, MODIFIER_ALIASES[i][0])) {
                    guess = MODIFIER_ALIASES[i][1];
                }
            }
            char hint[64];
            script_fail(p, "key: '%s' is not a modifier (Ctrl, Shift, Alt or Gui)%s",
                        script_excerpt(s, buf, sizeof buf),
                        script_did_you_mean(guess, hint, sizeof hint));
            return false;
        }
        if (cmd->mods & bit) {
            script_fail(p, "key: modifier '%.*s' given twice", (int)len, s);
            return false;
        }
        cmd->mods |= bit;
        const char *modifier = s;
        s = script_skip_blanks(plus + 1);
        if (*s == '\0') {
            script_fail(p, "key: missing key after '%.*s+'", (int)len, modifier);
            return false;
        }
    }
    /* "Ctrl R" is no key name: a modifier must be joined with '+' */
    size_t first = strcspn(s, " \t");
    if (s[first] != '\0') {
        for (int i = 0; i < SCRIPT_MODIFIER_COUNT; i++) {
            if (script_equal_nocase(s, first, script_modifiers[i].name)) {
                script_fail(p, "key: join a modifier to its key with '+', as in '%s+R'",
                            script_modifiers[i].name);
                return false;
            }
        }
    }
    cmd->key = script_keep(p, s, strlen(s));
    return cmd->key != NULL;
}

bool script_cmd_type(Parser *p, char *rest, ScriptCommand *cmd)
{
    /* the text starts after exactly one blank, so that inner spacing is kept verbatim */
    if (rest[0] == '\0' || rest[1] == '\0') {
        script_fail(p, "type: missing text (e.g. 'type Moscow' or 'type \"  two  spaces\"')");
        return false;
    }
    cmd->text = script_take_text(p, "type", rest + 1);
    if (cmd->text && cmd->text[0] == '\0') {
        script_fail(p, "type: empty text");
        return false;
    }
    return cmd->text != NULL;
}

bool script_cmd_click(Parser *p, char *rest, ScriptCommand *cmd)
{
    Words w;
    script_split_words(rest, &w);
    if (w.more) {
        script_fail(p, "click: too many words");
        return false;
    }
    return script_parse_target(p, "click", w.w, w.n, &cmd->target);
}

bool script_cmd_drag(Parser *p, char *rest, ScriptCommand *cmd)
{
    Words w;
    script_split_words(rest, &w);
    int to = -1;
    for (int i = 0; i < w.n && to < 0; i++) {
        if (strcmp(w.w[i], "to") == 0) {
            to = i;
        }
    }
    if (w.more) {
        script_fail(p, "drag: too many words");
        return false;
    }
    if (to < 0) {
        script_fail(p, "drag: missing 'to' (e.g. 'drag item 1 to item 3')");
        return false;
    }
    return script_parse_target(p, "drag", w.w, to, &cmd->target) &&
           script_parse_target(p, "drag", w.w + to + 1, w.n - to - 1, &cmd->to);
}

bool script_cmd_pad(Parser *p, char *rest, ScriptCommand *cmd)
{
    static const char *const SUBS[] = {"add", "press", "remove"};
    Words w;
    script_split_words(rest, &w);
    char buf[64];
    if (w.n == 0) {
        script_fail(p, "pad: expected 'pad add', 'pad press N BUTTON' or 'pad remove N'");
        return false;
    }
    if (strcmp(w.w[0], "add") == 0) {
        cmd->op = SCRIPT_PAD_ADD;
        cmd->number = 0;
        return (w.n < 2 ||
                script_parse_index(p, "pad add", w.w[1], 1, SCRIPT_PAD_MAX, "pad", &cmd->number)) &&
               script_no_more_words(p, "pad add", &w, w.n < 2 ? 1 : 2);
    }
    if (strcmp(w.w[0], "remove") == 0) {
        cmd->op = SCRIPT_PAD_REMOVE;
        if (w.n < 2) {
            script_fail(p, "pad remove: missing pad number (e.g. 'pad remove 1')");
            return false;
        }
        return script_parse_index(p, "pad remove", w.w[1], 1, SCRIPT_PAD_MAX, "pad",
                                  &cmd->number) &&
               script_no_more_words(p, "pad remove", &w, 2);
    }
    if (strcmp(w.w[0], "press") == 0) {
        cmd->op = SCRIPT_PAD_PRESS;
        if (w.n < 3) {
            script_fail(p, "pad press: expected a pad number and a button (e.g. 'pad press 1 a')");
            return false;
        }
        if (!script_parse_index(p, "pad press", w.w[1], 1, SCRIPT_PAD_MAX, "pad", &cmd->number)) {
            return false;
        }
        for (int i = 0; i < PAD_BUTTON_COUNT; i++) {
            if (script_equal_nocase(w.w[2], strlen(w.w[2]), PAD_BUTTONS[i])) {
                cmd->text = PAD_BUTTONS[i]; /* static: outlives the script */
            }
        }
        if (!cmd->text) {
            const char *hint = script_closest(w.w[2], PAD_BUTTONS, PAD_BUTTON_COUNT);
            char hint_text[64];
            script_fail(p, "pad press: '%s' is not a controller button%s",
                        script_excerpt(w.w[2], buf, sizeof buf),
                        hint ? script_did_you_mean(hint, hint_text, sizeof hint_text)
                             : " (a b x y back guide start leftstick rightstick leftshoulder "
                               "rightshoulder dpup dpdown dpleft dpright)");
            return false;
        }
        return script_no_more_words(p, "pad press", &w, 3);
    }
    char hint[64];
    script_fail(p, "pad: unknown '%s' (add, press or remove)%s",
                script_excerpt(w.w[0], buf, sizeof buf),
                script_did_you_mean(script_closest(w.w[0], SUBS, 3), hint, sizeof hint));
    return false;
}
