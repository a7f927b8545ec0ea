/* diag.c - the diagnostic list. */
#include "diag.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

void diag_list_free(DiagList *list)
{
    if (!list) {
        return;
    }
    for (size_t i = 0; i < list->count; i++) {
        free(list->items[i].path);
    }
    free(list->items);
    *list = (DiagList)DIAGLIST_INIT;
}

static bool grow(DiagList *list)
{
    if (list->count < list->cap) {
        return true;
    }
    size_t cap = list->cap ? list->cap * 2 : 16;
    Diag *p = realloc(list->items, cap * sizeof *p);
    if (!p) {
        return false;
    }
    list->items = p;
    list->cap = cap;
    return true;
}

/* Messages quote what files hold: a control byte or a byte that is not UTF-8 (also one cut
 * by the message's size) becomes '?', so that a message is always safe to print and draw. */
static void make_printable(char *s)
{
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        if (n == 0 || cp < 0x20 || cp == 0x7F) {
            s[i++] = '?';
        } else {
            i += n;
        }
    }
}

void diag_add(DiagList *list, DiagLevel level, const char *path, int line, const char *fmt, ...)
{
    list->counts[level]++;
    if (list->count >= DIAG_MAX_STORED || !grow(list)) {
        list->dropped++;
        return;
    }
    char *copy = strdup(path ? path : "");
    if (!copy) {
        list->dropped++;
        return;
    }
    Diag *d = &list->items[list->count++];
    d->path = copy;
    d->line = line;
    d->level = level;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->message, sizeof d->message, fmt, ap);
    va_end(ap);
    make_printable(d->message);
}

void diag_list_move(DiagList *dst, DiagList *src)
{
    for (size_t i = 0; i < src->count; i++) {
        Diag *d = &src->items[i];
        if (dst->count < DIAG_MAX_STORED && grow(dst)) {
            dst->items[dst->count++] = *d;
        } else {
            free(d->path);
            dst->dropped++;
        }
    }
    for (int l = 0; l < DIAG_LEVEL_COUNT; l++) {
        dst->counts[l] += src->counts[l];
    }
    dst->dropped += src->dropped;
    free(src->items);
    *src = (DiagList)DIAGLIST_INIT;
}

const char *diag_level_name(DiagLevel level)
{
    switch (level) {
    case DIAG_NOTE:
        return "note";
    case DIAG_WARNING:
        return "warning";
    case DIAG_ERROR:
    case DIAG_LEVEL_COUNT:
        break;
    }
    return "error";
}

void diag_format(const Diag *d, StrBuf *out)
{
    if (d->line > 0) {
        strbuf_printf(out, "%s:%d: %s: %s", d->path, d->line, diag_level_name(d->level),
                      d->message);
    } else {
        strbuf_printf(out, "%s: %s: %s", d->path, diag_level_name(d->level), d->message);
    }
}

void diag_list_format(const DiagList *list, StrBuf *out)
{
    for (size_t i = 0; i < list->count; i++) {
        diag_format(&list->items[i], out);
        strbuf_puts(out, "\n");
    }
    if (list->dropped) {
        strbuf_printf(out, "(%zu more diagnostics not shown)\n", list->dropped);
    }
}
