/* inidoc_format.c - writes an IniDoc as canonical INI text, checks that names and values read
 * back the same, and wraps long values. Never prints. */
#include "inidoc.h"

#include <stdlib.h>
#include <string.h>

#include "inidoc_private.h"
#include "strbuf.h"
#include "utf8.h"

char *inidoc_format(const IniDoc *doc, size_t *len)
{
    StrBuf sb = STRBUF_INIT;
    for (size_t i = 0; i < doc->count; i++) {
        const Record *r = &doc->records[i];
        if (i > 0) {
            strbuf_puts(&sb, "\n");
        }
        if (r->section[0] != '\0' || i > 0) {
            strbuf_printf(&sb, "[%s]\n", r->section);
        }
        for (size_t k = 0; k < r->count; k++) {
            const char *v = r->entries[k].value;
            size_t first = strcspn(v, "\n");
            strbuf_printf(&sb, "%s =%s%.*s\n", r->entries[k].key, first ? " " : "", (int)first, v);
            for (v += first; *v == '\n'; v += first) {
                v++;
                first = strcspn(v, "\n");
                strbuf_printf(&sb, "    %.*s\n", (int)first, v);
            }
        }
    }
    if (sb.oom) {
        strbuf_free(&sb);
        return NULL;
    }
    if (len) {
        *len = sb.len;
    }
    return sb.data ? sb.data : calloc(1, 1);
}

/* UTF-8 with no control bytes except those in `allowed`, and no byte-order mark (U+FEFF), which
 * the parser takes out of a line. */
static bool plain_text(const char *s, const char *allowed)
{
    for (const unsigned char *u = (const unsigned char *)s; *u; u++) {
        if ((*u < 0x20 && !strchr(allowed, *u)) || *u == 0x7F) {
            return false;
        }
    }
    return utf8_valid(s, strlen(s), NULL) && !strstr(s, "\xEF\xBB\xBF");
}

bool inidoc_section_ok(const char *name)
{
    size_t n = strlen(name);
    return n > 0 && n < INIDOC_LINE_MAX - 2 && plain_text(name, "") && !strpbrk(name, "];#=:") &&
           !inidoc_is_space(name[0]) && !inidoc_is_space(name[n - 1]);
}

bool inidoc_value_ok(const char *key, const char *value)
{
    size_t kn = strlen(key);
    if (kn == 0 || !plain_text(key, "") || strpbrk(key, "=:;#[") || inidoc_is_space(key[0]) ||
        inidoc_is_space(key[kn - 1]) || !plain_text(value, "\n")) {
        return false;
    }
    if (value[0] == '\0') {
        return kn + 2 <= INIDOC_LINE_MAX;
    }
    const char *part = value;
    for (bool first = true;; first = false) {
        size_t n = strcspn(part, "\n");
        size_t indent = first ? kn + 3 : 4;
        if (n == 0 || indent + n > INIDOC_LINE_MAX || inidoc_is_space(part[0]) ||
            inidoc_is_space(part[n - 1]) || part[0] == ';' || (!first && part[0] == '#')) {
            return false;
        }
        for (size_t i = 1; i < n; i++) {
            if (part[i] == ';' && inidoc_is_space(part[i - 1])) {
                return false;
            }
        }
        if (part[n] == '\0') {
            return true;
        }
        part += n + 1;
    }
}

char *inidoc_wrap(const char *text, size_t width)
{
    size_t len = strlen(text);
    StrBuf sb = STRBUF_INIT;
    size_t start = 0;
    while (len - start > width) {
        /* break after a ',' or ';' when one is in reach, else anywhere allowed */
        size_t cut = 0;
        for (int pass = 0; pass < 2 && cut == 0; pass++) {
            for (size_t i = start + width; i > start; i--) {
                unsigned char c = (unsigned char)text[i];
                if (!inidoc_is_space(text[i - 1]) && !inidoc_is_space(text[i]) && text[i] != ';' &&
                    text[i] != '#' && (c & 0xC0) != 0x80 &&
                    (pass == 1 || text[i - 1] == ',' || text[i - 1] == ';')) {
                    cut = i;
                    break;
                }
            }
        }
        if (cut == 0) {
            strbuf_free(&sb);
            return NULL;
        }
        strbuf_append(&sb, text + start, cut - start);
        strbuf_puts(&sb, "\n");
        start = cut;
    }
    strbuf_append(&sb, text + start, len - start);
    if (sb.oom) {
        strbuf_free(&sb);
        return NULL;
    }
    return sb.data ? sb.data : calloc(1, 1);
}

char *inidoc_unwrap(char *text)
{
    char *w = text;
    for (const char *r = text; *r; r++) {
        if (*r != '\n') {
            *w++ = *r;
        }
    }
    *w = '\0';
    return text;
}
