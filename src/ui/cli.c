/* cli.c - the text modes of the command line: --check, --question, --list and --answer-key,
 * printed from a loaded pack library. Front-end code: it prints, and changes no pack. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/classroom.h"
#include "core/pack.h"
#include "core/pack_dump.h"
#include "core/paths.h"
#include "core/save.h"
#include "core/strbuf.h"
#include "ui/cli.h"

bool cli_is_pack_path(const char *s)
{
    size_t n = strlen(s);
    return strchr(s, '/') || (n > 4 && strcmp(s + n - 4, ".ini") == 0) || access(s, F_OK) == 0;
}

void cli_print_diags(const DiagList *diags)
{
    StrBuf sb = STRBUF_INIT;
    diag_list_format(diags, &sb);
    fputs(strbuf_cstr(&sb), stderr);
    strbuf_free(&sb);
}

/* Whether --check reports on this entry: all of them, or those named by path or id. */
static bool check_wanted(const LibraryEntry *e, const char *const *packs, int pack_count,
                         bool only_paths)
{
    bool wanted = only_paths || pack_count == 0;
    for (int k = 0; k < pack_count && !wanted; k++) {
        wanted = strcmp(e->path, packs[k]) == 0 || (e->pack && strcmp(e->pack->id, packs[k]) == 0);
    }
    return wanted;
}

/* --check: every diagnostic, then a line per pack; true only without errors. */
bool cli_check(const Library *lib, const char *const *packs, int pack_count, bool only_paths)
{
    size_t errors = 0;
    for (int i = 0; i < lib->count; i++) {
        if (check_wanted(&lib->entries[i], packs, pack_count, only_paths)) {
            cli_print_diags(&lib->entries[i].diags);
        }
    }
    fflush(stderr);
    int pack_total = 0;
    int questions = 0;
    for (int i = 0; i < lib->count; i++) {
        const LibraryEntry *e = &lib->entries[i];
        if (!check_wanted(e, packs, pack_count, only_paths)) {
            continue;
        }
        size_t ne = e->diags.counts[DIAG_ERROR];
        size_t nw = e->diags.counts[DIAG_WARNING];
        errors += ne;
        if (e->pack && ne == 0) {
            pack_total++;
            questions += e->pack->question_count;
            printf("%s: ok, %d question%s", e->path, e->pack->question_count,
                   e->pack->question_count == 1 ? "" : "s");
            if (nw) {
                printf(", %zu warning%s", nw, nw == 1 ? "" : "s");
            }
            printf("%s\n", e->replaced ? " (replaced by a user pack)" : "");
        } else {
            printf("%s: %zu error%s, %zu warning%s\n", e->path, ne, ne == 1 ? "" : "s", nw,
                   nw == 1 ? "" : "s");
        }
    }
    for (int k = 0; k < pack_count && !only_paths; k++) {
        if (!cli_is_pack_path(packs[k]) && !library_find(lib, packs[k])) {
            fprintf(stderr, "quizdeck: no pack with id '%s'\n", packs[k]);
            errors++;
        }
    }
    printf("%d pack%s, %d questions%s\n", pack_total, pack_total == 1 ? "" : "s", questions,
           errors ? ", with errors" : "");
    return errors == 0;
}

/* --question [PACK:]ID */
bool cli_question(const Library *lib, const char *spec, const char *const *packs, int pack_count)
{
    const char *id = spec;
    char pack_id[PATHS_MAX] = "";
    const char *colon = strchr(id, ':');
    if (colon) {
        size_t n = (size_t)(colon - id);
        if (n >= sizeof pack_id) {
            n = sizeof pack_id - 1;
        }
        memcpy(pack_id, id, n);
        pack_id[n] = '\0';
        id = colon + 1;
    }
    int found = 0;
    StrBuf sb = STRBUF_INIT;
    for (int i = 0; i < lib->count; i++) {
        const LibraryEntry *e = &lib->entries[i];
        if (!e->pack || e->replaced) {
            continue;
        }
        bool wanted = pack_id[0]
                          ? strcmp(e->pack->id, pack_id) == 0 || strcmp(e->path, pack_id) == 0
                          : pack_count == 0;
        for (int k = 0; k < pack_count && !wanted; k++) {
            wanted = strcmp(e->pack->id, packs[k]) == 0 || strcmp(e->path, packs[k]) == 0;
        }
        const Question *q = wanted ? pack_find_question(e->pack, id) : NULL;
        if (q) {
            strbuf_printf(&sb, "%s: %s:%d\n", e->pack->id, e->path, q->line);
            pack_describe_question(e->pack, q, &sb);
            found++;
        }
    }
    fputs(strbuf_cstr(&sb), stdout);
    strbuf_free(&sb);
    if (!found) {
        fprintf(stderr, "quizdeck: no question '%s'%s%s\n", id, pack_id[0] ? " in pack " : "",
                pack_id);
        return false;
    }
    return true;
}

void cli_list(const Library *lib)
{
    for (int i = 0; i < lib->count; i++) {
        const LibraryEntry *e = &lib->entries[i];
        if (!e->pack || e->replaced) {
            continue;
        }
        printf("%-20s %3d  %s  (%s)\n", e->pack->id, e->pack->question_count, e->pack->title,
               e->path);
    }
}

/* --answer-key PACK: the pack's answers as a CSV file in the current folder. */
bool cli_answer_key(const Library *lib, const char *id)
{
    const Pack *pack = id ? library_find(lib, id) : NULL;
    if (!pack) {
        fprintf(stderr, "quizdeck: no pack '%s' (see --list)\n", id ? id : "");
        return false;
    }
    char path[PATHS_MAX];
    str_format(path, sizeof path, "%s-answer-key.csv", pack->id);
    SaveError e;
    if (!classroom_write_answer_key(pack, save_io_posix(), path, &e)) {
        fprintf(stderr, "quizdeck: %s\n", e.message);
        return false;
    }
    printf("%s: the answers of %s (%d questions)\n", path, pack->title, pack->question_count);
    return true;
}
