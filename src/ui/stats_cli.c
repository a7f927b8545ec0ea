/* stats_cli.c - `quizdeck --stats`: a profile's flashcard counts and today's cards, printed.
 * Strictly read-only: it never writes, renames or sets aside a file (a damaged progress file is
 * parsed in memory with progress_parse; settings go through a SaveIo that refuses renames). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/day.h"
#include "core/deck.h"
#include "core/paths.h"
#include "core/profile.h"
#include "core/progress.h"
#include "core/settings.h"
#include "core/strbuf.h"
#include "ui/stats_cli.h"

enum { DUE_LIST_MAX = 50, WEEK_DAYS = 7, SOURCES_MAX = 256 };

/* Exit codes, as main.c documents them. */
enum { STATS_EXIT_OK = 0, STATS_EXIT_USAGE = 2, STATS_EXIT_NO_DATA = 3 };

typedef struct StatsRun {
    DeckSource sources[SOURCES_MAX];
    ProgressFile progress[SOURCES_MAX];
    size_t count;
    int cards;
    DiagList diags;
} StatsRun;

static void print_diags(DiagList *diags)
{
    StrBuf sb = STRBUF_INIT;
    diag_list_format(diags, &sb);
    fputs(strbuf_cstr(&sb), stderr);
    strbuf_free(&sb);
    diag_list_free(diags);
}

/* A SaveIo whose rename and unlink refuse: loaders that would set a damaged file aside leave it
 * where it is and keep what they could read. */
static int refuse_rename(void *ctx, const char *from, const char *to)
{
    errno = EROFS;
    return -1;
}

static int refuse_unlink(void *ctx, const char *path)
{
    errno = EROFS;
    return -1;
}

/* The profile named, or the one used last (user_data/profiles/last), or "default". */
static void pick_profile(const char *user_data, const char *wanted, char *out, size_t size)
{
    str_copy(out, size, PROFILE_DEFAULT);
    if (wanted) {
        str_copy(out, size, wanted);
        return;
    }
    char path[PATHS_MAX];
    if (!str_format(path, sizeof path, "%s/profiles/last", user_data)) {
        return;
    }
    char *data = NULL;
    size_t len = 0;
    if (save_read_file(path, 4096, &data, &len, NULL) == SAVE_READ_OK) {
        data[strcspn(data, "\r\n")] = '\0';
        if (profile_name_valid(data)) {
            str_copy(out, size, data);
        }
    }
    free(data);
}

/* The profile's settings, read without changing the file. */
static void load_settings(Settings *s, const char *user_data, const char *profile, time_t now)
{
    settings_init(s);
    char config[PATHS_MAX], path[PATHS_MAX];
    if (!paths_user_config(config, sizeof config, getenv("XDG_CONFIG_HOME"), getenv("HOME")) ||
        !profile_settings_path(path, sizeof path, config, user_data, profile)) {
        return;
    }
    SaveIo io = *save_io_posix();
    io.rename = refuse_rename;
    io.unlink = refuse_unlink;
    DiagList diags = DIAGLIST_INIT;
    if (!settings_load(s, &io, path, now, &diags, NULL) || diags.counts[DIAG_WARNING] > 0) {
        /* keep the line-by-line warnings; the loader's own closing one would say the file
         * could not be set aside, which here is on purpose */
        DiagList kept = DIAGLIST_INIT;
        for (size_t i = 0; i < diags.count; i++) {
            const Diag *d = &diags.items[i];
            if (d->line > 0) {
                diag_add(&kept, d->level, d->path, d->line, "%s", d->message);
            }
        }
        diag_add(&kept, DIAG_WARNING, path, 0,
                 "the settings file is damaged or unreadable; --stats leaves it as it is and "
                 "uses the defaults for what it could not read");
        diag_list_free(&diags);
        diags = kept;
    }
    print_diags(&diags);
}

/* Reads one pack's progress into `pf` without setting a damaged file aside: every sound card
 * is kept and each problem is a warning. */
static void load_progress(ProgressFile *pf, const Pack *pack, const char *profile_dir,
                          DiagList *diags)
{
    progress_init(pf, pack->id);
    char path[PATHS_MAX];
    if (!progress_file_path(path, sizeof path, profile_dir, pack->id)) {
        return;
    }
    char *data = NULL;
    size_t len = 0;
    SaveError e;
    SaveReadStatus rs = save_read_file(path, PROGRESS_FILE_MAX, &data, &len, &e);
    if (rs == SAVE_READ_OK) {
        progress_parse(pf, path, data, len, diags);
    } else if (rs != SAVE_READ_MISSING) {
        diag_add(diags, DIAG_WARNING, path, 0, "%s", e.message);
    }
    free(data);
    progress_reconcile(pf, pack, NULL);
}

static void add_pack(StatsRun *run, const Pack *pack, const char *profile_dir)
{
    for (size_t i = 0; i < run->count; i++) {
        if (run->sources[i].pack == pack) {
            return; /* named twice */
        }
    }
    if (run->count == SOURCES_MAX) {
        return;
    }
    ProgressFile *pf = &run->progress[run->count];
    load_progress(pf, pack, profile_dir, &run->diags);
    run->sources[run->count] = (DeckSource){pack, pf};
    run->count++;
    run->cards += pack->question_count;
}

/* Fills `run` with the packs named (all live packs when none). False when a name matches no
 * pack (reported). */
static bool add_packs(StatsRun *run, const Library *lib, const char **packs, int pack_count,
                      const char *profile_dir)
{
    bool ok = true;
    if (pack_count == 0) {
        for (int i = 0; i < lib->count; i++) {
            const LibraryEntry *en = &lib->entries[i];
            if (en->pack && !en->replaced) {
                add_pack(run, en->pack, profile_dir);
            }
        }
        return true;
    }
    for (int i = 0; i < pack_count; i++) {
        const Pack *p = library_find(lib, packs[i]);
        if (!p) {
            fprintf(stderr, "quizdeck: no pack '%s' is loaded\n", packs[i]);
            ok = false;
            continue;
        }
        add_pack(run, p, profile_dir);
    }
    return ok;
}

static void print_counts(const StatsRun *run, const DeckStats *st, const DeckQueue *q,
                         const DeckConfig *cfg)
{
    printf("packs: %zu (%d cards)\n", run->count, run->cards);
    printf("new %d \xC2\xB7 learning %d \xC2\xB7 mature %d \xC2\xB7 suspended %d \xC2\xB7 "
           "leeches %d\n",
           st->new_cards, st->learning, st->mature, st->suspended, st->leeches);
    if (st->vanished > 0) {
        printf("kept for questions no longer in their pack: %d\n", st->vanished);
    }
    int fresh = 0;
    for (size_t i = 0; i < q->count; i++) {
        fresh += q->items[i].is_new;
    }
    int reviews = (int)q->count - fresh;
    printf("due today: %d (reviews %d", q->due_total, reviews);
    if (q->due_total > reviews) {
        printf(", capped at %d a day", cfg->review_cap);
    }
    printf(", new %d left today)\n", fresh);
    printf("due in the next %d days:", WEEK_DAYS);
    for (int i = 1; i <= WEEK_DAYS; i++) {
        printf(" %d", st->forecast[i]);
    }
    printf("\nreviews, last %d days:", WEEK_DAYS);
    for (int i = WEEK_DAYS - 1; i >= 0; i--) {
        printf(" %d", st->reviews_per_day[i]); /* oldest first, today last */
    }
    putchar('\n');
}

static void print_due(const StatsRun *run, const DeckQueue *q)
{
    size_t shown = q->count < DUE_LIST_MAX ? q->count : DUE_LIST_MAX;
    for (size_t i = 0; i < shown; i++) {
        const DeckItem *it = &q->items[i];
        const Pack *pack = run->sources[it->source].pack;
        const Question *qu = &pack->questions[it->question];
        printf("  %s  %s:%s", it->is_new ? "new" : "due", pack->id, qu->id);
        if (it->overdue > 0) {
            printf("  (overdue %d day%s)", it->overdue, it->overdue == 1 ? "" : "s");
        }
        if (it->leech) {
            printf("  (leech)");
        }
        putchar('\n');
    }
    if (q->count > shown) {
        printf("  ... and %zu more\n", q->count - shown);
    }
}

/* Builds the counts and the queue and prints them. False when memory ran out. */
static bool report(StatsRun *run, const char *profile_dir, const Settings *set, int64_t now)
{
    DeckConfig cfg;
    deck_config_default(&cfg);
    cfg.new_per_day = set->new_per_day;
    cfg.review_cap = set->review_cap;
    cfg.day_start_hour = set->day_start;
    FsrsParams params;
    fsrs_params_default(&params);
    fsrs_params_set_retention(&params, set->retention);
    fsrs_params_set_maximum_interval(&params, set->max_interval);

    ProgressLog log = {0};
    char path[PATHS_MAX];
    SaveError e;
    if (progress_log_path(path, sizeof path, profile_dir) &&
        !progress_log_read(path, &log, NULL, &run->diags, &e)) {
        diag_add(&run->diags, DIAG_WARNING, path, 0, "%s", e.message);
    }
    print_diags(&run->diags);

    DeckStats st = {0};
    DeckQueue q = {0};
    bool ok = deck_stats(&st, run->sources, run->count, &log, &cfg, now);
    if (ok && deck_build(&q, run->sources, run->count, &cfg, &params, now)) {
        print_counts(run, &st, &q, &cfg);
        print_due(run, &q);
    } else {
        fputs("quizdeck: out of memory\n", stderr);
        ok = false;
    }
    deck_stats_free(&st);
    deck_queue_free(&q);
    progress_log_free(&log);
    return ok;
}

int stats_cli_run(const Library *lib, const char *user_data, const char *profile,
                  const char **packs, int pack_count, int64_t now)
{
    if (now == 0) {
        now = (int64_t)time(NULL);
    }
    char name[PROFILE_NAME_SIZE];
    pick_profile(user_data, profile, name, sizeof name);
    char dir[PATHS_MAX];
    if (!profile_dir(dir, sizeof dir, user_data, name)) {
        fprintf(stderr, "quizdeck: '%s' cannot be a profile name\n", name);
        return STATS_EXIT_USAGE;
    }
    StatsRun *run = calloc(1, sizeof *run);
    if (!run) {
        fputs("quizdeck: out of memory\n", stderr);
        return STATS_EXIT_NO_DATA;
    }
    bool named_ok = add_packs(run, lib, packs, pack_count, dir);
    int rc = STATS_EXIT_OK;
    if (run->count == 0) {
        print_diags(&run->diags);
        fputs("quizdeck: no pack is loaded: no progress to show\n", stderr);
        rc = STATS_EXIT_NO_DATA;
    } else {
        Settings set;
        load_settings(&set, user_data, name, (time_t)now);
        printf("profile: %s\n", name);
        if (!report(run, dir, &set, now)) {
            rc = STATS_EXIT_NO_DATA;
        }
        settings_free(&set);
        if (!named_ok) {
            rc = STATS_EXIT_NO_DATA;
        }
    }
    for (size_t i = 0; i < run->count; i++) {
        progress_free(&run->progress[i]);
    }
    diag_list_free(&run->diags);
    free(run);
    return rc;
}
