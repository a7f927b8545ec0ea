/* strbuf.c - growable strings and bounded copies. */
#include "strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void strbuf_free(StrBuf *sb)
{
    if (!sb) {
        return;
    }
    free(sb->data);
    sb->data = NULL;
    sb->len = sb->cap = 0;
    sb->oom = false;
}

void strbuf_clear(StrBuf *sb)
{
    sb->len = 0;
    if (sb->data) {
        sb->data[0] = '\0';
    }
}

static bool reserve(StrBuf *sb, size_t extra)
{
    if (sb->oom) {
        return false;
    }
    if (extra > (size_t)-1 - sb->len - 1) {
        sb->oom = true;
        return false;
    }
    size_t need = sb->len + extra + 1;
    if (need <= sb->cap) {
        return true;
    }
    size_t cap = sb->cap ? sb->cap : 64;
    while (cap < need) {
        cap = cap > (size_t)-1 / 2 ? need : cap * 2;
    }
    char *p = realloc(sb->data, cap);
    if (!p) {
        sb->oom = true;
        return false;
    }
    sb->data = p;
    sb->cap = cap;
    return true;
}

bool strbuf_append(StrBuf *sb, const char *s, size_t len)
{
    if (!reserve(sb, len)) {
        return false;
    }
    if (len) {
        memcpy(sb->data + sb->len, s, len);
    }
    sb->len += len;
    sb->data[sb->len] = '\0';
    return true;
}

bool strbuf_puts(StrBuf *sb, const char *s)
{
    return strbuf_append(sb, s, strlen(s));
}

bool strbuf_vprintf(StrBuf *sb, const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n < 0 || !reserve(sb, (size_t)n)) {
        return false;
    }
    vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap);
    sb->len += (size_t)n;
    return true;
}

bool strbuf_printf(StrBuf *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    bool ok = strbuf_vprintf(sb, fmt, ap);
    va_end(ap);
    return ok;
}

const char *strbuf_cstr(const StrBuf *sb)
{
    return sb->data ? sb->data : "";
}

bool str_copy(char *dst, size_t size, const char *src)
{
    if (size == 0) {
        return false;
    }
    size_t len = strlen(src);
    if (len >= size) {
        memcpy(dst, src, size - 1);
        dst[size - 1] = '\0';
        return false;
    }
    memcpy(dst, src, len + 1);
    return true;
}

bool str_format(char *dst, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(dst, size, fmt, ap);
    va_end(ap);
    return n >= 0 && (size_t)n < size;
}

bool str_list_has(const char *list, const char *item)
{
    size_t n = strlen(item);
    for (const char *p = list; *p;) {
        size_t len = strcspn(p, ",");
        if (len == n && strncmp(p, item, n) == 0) {
            return true;
        }
        p += len + (p[len] == ',');
    }
    return false;
}
