/* inidoc.c - the kept-everything INI document: creation, lookups and edits. Parsing is in
 * inidoc_parse.c, output and value checks in inidoc_format.c. Never prints. */
#include "inidoc.h"

#include <stdlib.h>
#include <string.h>

#include "inidoc_private.h"

bool inidoc_is_space(char c)
{
    return c == ' ' || c == '\t';
}

char *inidoc_dup_n(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

char *inidoc_dup_s(const char *s)
{
    return inidoc_dup_n(s, strlen(s));
}

static void record_free(Record *r)
{
    for (size_t i = 0; i < r->count; i++) {
        free(r->entries[i].key);
        free(r->entries[i].value);
    }
    free(r->entries);
    free(r->section);
}

IniDoc *inidoc_create(const char *path)
{
    IniDoc *doc = calloc(1, sizeof *doc);
    if (!doc) {
        return NULL;
    }
    doc->path = inidoc_dup_s(path ? path : "");
    if (!doc->path) {
        free(doc);
        return NULL;
    }
    return doc;
}

void inidoc_destroy(IniDoc *doc)
{
    if (!doc) {
        return;
    }
    for (size_t i = 0; i < doc->count; i++) {
        record_free(&doc->records[i]);
    }
    free(doc->records);
    free(doc->path);
    free(doc);
}

long inidoc_insert_owned(IniDoc *doc, size_t at, char *section, int line)
{
    if (!section) {
        return -1;
    }
    if (doc->count == doc->cap) {
        size_t cap = doc->cap ? doc->cap * 2 : 8;
        Record *p = realloc(doc->records, cap * sizeof *p);
        if (!p) {
            free(section);
            return -1;
        }
        doc->records = p;
        doc->cap = cap;
    }
    memmove(&doc->records[at + 1], &doc->records[at], (doc->count - at) * sizeof *doc->records);
    doc->records[at] = (Record){section, line, NULL, 0, 0};
    doc->count++;
    return (long)at;
}

bool inidoc_add_entry(Record *r, char *key, char *value, int line)
{
    if (key && value && r->count == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 8;
        Entry *p = realloc(r->entries, cap * sizeof *p);
        if (p) {
            r->entries = p;
            r->cap = cap;
        }
    }
    if (!key || !value || r->count == r->cap) {
        free(key);
        free(value);
        return false;
    }
    r->entries[r->count++] = (Entry){key, value, line};
    return true;
}

long inidoc_top_record(IniDoc *doc)
{
    if (doc->count > 0 && doc->records[0].section[0] == '\0') {
        return 0;
    }
    return inidoc_insert_owned(doc, 0, inidoc_dup_s(""), 0);
}

size_t inidoc_record_count(const IniDoc *doc)
{
    return doc ? doc->count : 0;
}

const char *inidoc_record_section(const IniDoc *doc, size_t rec)
{
    return rec < doc->count ? doc->records[rec].section : NULL;
}

int inidoc_record_line(const IniDoc *doc, size_t rec)
{
    return rec < doc->count ? doc->records[rec].line : 0;
}

long inidoc_find_record(const IniDoc *doc, const char *section, size_t start)
{
    for (size_t i = start; doc && i < doc->count; i++) {
        if (strcmp(doc->records[i].section, section) == 0) {
            return (long)i;
        }
    }
    return -1;
}

size_t inidoc_entry_count(const IniDoc *doc, size_t rec)
{
    return rec < doc->count ? doc->records[rec].count : 0;
}

const char *inidoc_entry_key(const IniDoc *doc, size_t rec, size_t i)
{
    return rec < doc->count && i < doc->records[rec].count ? doc->records[rec].entries[i].key
                                                           : NULL;
}

const char *inidoc_entry_value(const IniDoc *doc, size_t rec, size_t i)
{
    return rec < doc->count && i < doc->records[rec].count ? doc->records[rec].entries[i].value
                                                           : NULL;
}

int inidoc_entry_line(const IniDoc *doc, size_t rec, size_t i)
{
    return rec < doc->count && i < doc->records[rec].count ? doc->records[rec].entries[i].line : 0;
}

static Entry *find_entry(const IniDoc *doc, size_t rec, const char *key)
{
    if (!doc || rec >= doc->count) {
        return NULL;
    }
    const Record *r = &doc->records[rec];
    for (size_t i = 0; i < r->count; i++) {
        if (strcmp(r->entries[i].key, key) == 0) {
            return &r->entries[i];
        }
    }
    return NULL;
}

const char *inidoc_record_get(const IniDoc *doc, size_t rec, const char *key, int *line)
{
    const Entry *e = find_entry(doc, rec, key);
    if (line) {
        *line = e ? e->line : 0;
    }
    return e ? e->value : NULL;
}

const char *inidoc_lookup(const IniDoc *doc, const char *section, const char *key, int *line)
{
    long rec = inidoc_find_record(doc, section, 0);
    if (rec < 0) {
        if (line) {
            *line = 0;
        }
        return NULL;
    }
    return inidoc_record_get(doc, (size_t)rec, key, line);
}

const char *inidoc_get(const IniDoc *doc, const char *section, const char *key)
{
    return inidoc_lookup(doc, section, key, NULL);
}

const char *inidoc_path(const IniDoc *doc)
{
    return doc ? doc->path : "";
}

bool inidoc_record_set(IniDoc *doc, size_t rec, const char *key, const char *value)
{
    if (rec >= doc->count || !inidoc_value_ok(key, value)) {
        return false;
    }
    Entry *e = find_entry(doc, rec, key);
    if (e) {
        char *v = inidoc_dup_s(value);
        if (!v) {
            return false;
        }
        free(e->value);
        e->value = v;
        return true;
    }
    return inidoc_add_entry(&doc->records[rec], inidoc_dup_s(key), inidoc_dup_s(value), 0);
}

bool inidoc_set(IniDoc *doc, const char *section, const char *key, const char *value)
{
    if (!inidoc_value_ok(key, value)) {
        return false;
    }
    long rec = inidoc_find_record(doc, section, 0);
    bool added = false;
    if (rec < 0) {
        rec = section[0] ? inidoc_add_record(doc, section) : inidoc_top_record(doc);
        added = true;
    }
    if (rec < 0) {
        return false;
    }
    if (!inidoc_record_set(doc, (size_t)rec, key, value)) {
        if (added) {
            record_free(&doc->records[rec]);
            memmove(&doc->records[rec], &doc->records[rec + 1],
                    (doc->count - (size_t)rec - 1) * sizeof *doc->records);
            doc->count--;
        }
        return false;
    }
    return true;
}

long inidoc_add_record(IniDoc *doc, const char *section)
{
    return inidoc_insert_record(doc, doc->count, section);
}

long inidoc_insert_record(IniDoc *doc, size_t at, const char *section)
{
    if (!inidoc_section_ok(section)) {
        return -1;
    }
    if (at > doc->count) {
        at = doc->count;
    }
    if (at == 0 && doc->count > 0 && doc->records[0].section[0] == '\0') {
        at = 1;
    }
    return inidoc_insert_owned(doc, at, inidoc_dup_s(section), 0);
}

long inidoc_copy_record(IniDoc *dst, const IniDoc *src, size_t rec)
{
    if (rec >= src->count) {
        return -1;
    }
    const Record *from = &src->records[rec];
    size_t at = dst->count;
    long to;
    if (from->section[0] == '\0') {
        to = inidoc_top_record(dst);
    } else {
        to = inidoc_insert_owned(dst, at, inidoc_dup_s(from->section), from->line);
    }
    if (to < 0) {
        return -1;
    }
    for (size_t i = 0; i < from->count; i++) {
        const Entry *e = &from->entries[i];
        if (!inidoc_add_entry(&dst->records[to], inidoc_dup_s(e->key), inidoc_dup_s(e->value),
                              e->line)) {
            return -1; /* the partial copy stays; the caller gives up on the document */
        }
    }
    return to;
}

size_t inidoc_remove_section(IniDoc *doc, const char *section)
{
    size_t kept = 0, removed = 0;
    for (size_t i = 0; i < doc->count; i++) {
        if (strcmp(doc->records[i].section, section) == 0) {
            record_free(&doc->records[i]);
            removed++;
        } else {
            doc->records[kept++] = doc->records[i];
        }
    }
    doc->count = kept;
    return removed;
}

void inidoc_record_remove(IniDoc *doc, size_t rec, const char *key)
{
    if (rec >= doc->count) {
        return;
    }
    Record *r = &doc->records[rec];
    size_t kept = 0;
    for (size_t i = 0; i < r->count; i++) {
        if (strcmp(r->entries[i].key, key) == 0) {
            free(r->entries[i].key);
            free(r->entries[i].value);
        } else {
            r->entries[kept++] = r->entries[i];
        }
    }
    r->count = kept;
}
