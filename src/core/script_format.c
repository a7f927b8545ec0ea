/* script_format.c - writes a parsed command back as one canonical script line, for logs and
 * failure reports. Never prints: it appends to the caller's StrBuf. */
#include "script.h"

#include <math.h>
#include <string.h>

#include "number.h"
#include "script_private.h"

/* Appends text verbatim when it reads back the same, else quoted with escapes. */
static void put_text(StrBuf *out, const char *s)
{
    size_t len = strlen(s);
    bool quote = len == 0 || s[0] == '"' || script_is_blank(s[0]) || script_is_blank(s[len - 1]);
    for (size_t i = 0; i < len && !quote; i++) {
        quote = (unsigned char)s[i] < 0x20 && s[i] != '\t';
    }
    if (!quote) {
        strbuf_append(out, s, len);
        return;
    }
    strbuf_puts(out, "\"");
    for (size_t i = 0; i < len; i++) {
        const char *esc = s[i] == '"'    ? "\\\""
                          : s[i] == '\\' ? "\\\\"
                          : s[i] == '\n' ? "\\n"
                          : s[i] == '\t' ? "\\t"
                                         : NULL;
        if (esc) {
            strbuf_puts(out, esc);
        } else {
            strbuf_append(out, s + i, 1);
        }
    }
    strbuf_puts(out, "\"");
}

/* Appends a fraction 0..1 with the fewest decimals that parse back to the same double; no
 * printf %g, whose decimal point follows the locale. The scale grows as number_parse_strict's
 * does, so a value read with many leading zeros ("0.0000000000000000001") is written back with
 * as many, not rounded to 0 at 15 decimals. */
static void put_fraction(StrBuf *out, double v)
{
    char text[400]; /* past 308 decimals the scale is infinite and the value read was 0 */
    double scale = 1.0;
    for (int decimals = 0; decimals <= 330; decimals++, scale *= 10.0) {
        double units = floor(v * scale + 0.5);
        if (!(units < 1e15)) {
            break; /* more digits than a number may have */
        }
        int64_t whole = units >= scale ? 1 : 0;
        int64_t part = (int64_t)(units - (double)whole * scale);
        if (decimals == 0) {
            str_format(text, sizeof text, "%lld", (long long)whole);
        } else {
            str_format(text, sizeof text, "%lld.%0*lld", (long long)whole, decimals,
                       (long long)part);
        }
        double back;
        if (number_parse_strict(text, &back) && back == v) {
            break;
        }
    }
    strbuf_puts(out, text);
}

static void put_target(StrBuf *out, const ScriptTarget *t)
{
    if (t->is_point) {
        put_fraction(out, t->x);
        strbuf_puts(out, " ");
        put_fraction(out, t->y);
        return;
    }
    strbuf_puts(out, t->name ? t->name : "?");
    if (t->arg) {
        strbuf_printf(out, " %s", t->arg);
    }
}

void script_format_command(const ScriptCommand *cmd, StrBuf *out)
{
    strbuf_puts(out, script_op_name(cmd->op));
    char stamp[32];
    switch (cmd->op) {
    case SCRIPT_KEY:
        strbuf_puts(out, " ");
        for (int i = 0; i < SCRIPT_MODIFIER_COUNT; i++) {
            if (cmd->mods & script_modifiers[i].bit) {
                strbuf_printf(out, "%s+", script_modifiers[i].name);
            }
        }
        strbuf_puts(out, cmd->key ? cmd->key : "?");
        break;
    case SCRIPT_TYPE:
    case SCRIPT_SCREENSHOT:
        strbuf_puts(out, " ");
        put_text(out, cmd->text ? cmd->text : "");
        break;
    case SCRIPT_CLICK:
        strbuf_puts(out, " ");
        put_target(out, &cmd->target);
        break;
    case SCRIPT_DRAG:
        strbuf_puts(out, " ");
        put_target(out, &cmd->target);
        strbuf_puts(out, " to ");
        put_target(out, &cmd->to);
        break;
    case SCRIPT_WAIT:
    case SCRIPT_ADVANCE_DAYS:
    case SCRIPT_PAD_REMOVE:
        strbuf_printf(out, " %lld", (long long)cmd->number);
        break;
    case SCRIPT_PAD_ADD:
        if (cmd->number > 0) {
            strbuf_printf(out, " %lld", (long long)cmd->number);
        }
        break;
    case SCRIPT_PAD_PRESS:
        strbuf_printf(out, " %lld %s", (long long)cmd->number, cmd->text ? cmd->text : "?");
        break;
    case SCRIPT_CLOCK:
        strbuf_printf(out, " %s",
                      script_format_time(cmd->number, stamp, sizeof stamp) ? stamp : "?");
        break;
    case SCRIPT_RESIZE:
        strbuf_printf(out, " %d %d", cmd->width, cmd->height);
        break;
    case SCRIPT_EXPECT:
        strbuf_printf(out, " %s %s ", cmd->field ? cmd->field : "?", script_compare_name(cmd->cmp));
        put_text(out, cmd->value ? cmd->value : "");
        break;
    default:
        break;
    }
}
