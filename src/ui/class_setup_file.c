/* class_setup_file.c - remembers the room's setup (mode, teams and their names, times, packs,
 * results folder) in user_data/classroom/setup.txt, one `key=value` a line, and finds the saved
 * game a teacher may resume. A bad line is ignored: this file only saves typing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/number.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "ui/app.h"

enum { SETUP_MAX_BYTES = 64 * 1024 };

static void setup_path(const App *app, char *out, size_t size)
{
    out[0] = '\0';
    if (app->paths.user_data[0]) {
        char dir[PATHS_MAX];
        paths_join(dir, sizeof dir, app->paths.user_data, "classroom");
        paths_join(out, size, dir, "setup.txt");
    }
}

static long to_long(const char *v, long min, long max, long fallback)
{
    long out = fallback;
    return number_parse_int(v, min, max, &out) ? out : fallback;
}

static void apply(ClassroomUi *c, const char *key, const char *v)
{
    ClassConfig *cfg = &c->config;
    bool yes = strcmp(v, "yes") == 0;
    if (strcmp(key, "mode") == 0) {
        for (int m = 0; m < CLASS_MODE_COUNT; m++) {
            if (strcmp(v, classroom_mode_name((ClassMode)m)) == 0) {
                cfg->mode = (ClassMode)m;
            }
        }
    } else if (strcmp(key, "teams") == 0) {
        cfg->team_count = (int)to_long(v, CLASS_TEAMS_MIN, CLASS_TEAMS_MAX, cfg->team_count);
    } else if (strncmp(key, "name", 4) == 0 && key[4] >= '1' && key[4] <= '8' && !key[5]) {
        size_t len = strlen(v);
        if (len > 0 && len < CLASS_NAME_BYTES && utf8_valid(v, len, NULL) &&
            utf8_length(v, len) <= CLASS_NAME_MAX) {
            str_copy(cfg->team_names[key[4] - '1'], CLASS_NAME_BYTES, v);
        }
    } else if (strcmp(key, "steal") == 0) {
        cfg->steal = yes;
    } else if (strcmp(key, "reading") == 0) {
        cfg->reading_ms = (int)to_long(v, 0, 600000, cfg->reading_ms);
    } else if (strcmp(key, "time") == 0) {
        long p = to_long(v, 100, 200, cfg->time_percent);
        cfg->time_percent = p == 150 || p == 200 ? (int)p : 100;
    } else if (strcmp(key, "accuracy") == 0) {
        cfg->accuracy_only = yes;
    } else if (strcmp(key, "count") == 0) {
        cfg->question_count = (int)to_long(v, 0, 500, cfg->question_count);
    } else if (strcmp(key, "shuffle") == 0) {
        cfg->shuffle = yes;
    } else if (strcmp(key, "leave-out") == 0) {
        cfg->skip_unsupported = yes;
    } else if (strcmp(key, "top") == 0) {
        cfg->scoreboard_top = (int)to_long(v, 1, CLASS_TEAMS_MAX, cfg->scoreboard_top);
    } else if (strcmp(key, "packs") == 0) {
        str_copy(c->packs, sizeof c->packs, v);
    } else if (strcmp(key, "topic") == 0) {
        str_copy(c->topic, sizeof c->topic, v);
    } else if (strcmp(key, "results") == 0) {
        str_copy(c->results_dir, sizeof c->results_dir, v);
    }
}

static void read_setup(App *app)
{
    char path[PATHS_MAX];
    setup_path(app, path, sizeof path);
    char *data = NULL;
    size_t len = 0;
    if (!path[0] || save_read_file(path, SETUP_MAX_BYTES, &data, &len, NULL) != SAVE_READ_OK) {
        return;
    }
    char *line = data;
    while (line && *line) {
        char *nl = strchr(line, '\n');
        if (nl) {
            *nl = '\0';
        }
        size_t n = strlen(line);
        if (n > 0 && line[n - 1] == '\r') {
            line[n - 1] = '\0';
        }
        char *eq = strchr(line, '=');
        if (line[0] != '#' && eq) {
            *eq = '\0';
            apply(&app->classroom, line, eq + 1);
        }
        line = nl ? nl + 1 : NULL;
    }
    free(data);
}

/* Packs named on the command line (--pack) become this game's choice. */
static void take_command_line_packs(App *app)
{
    ClassroomUi *c = &app->classroom;
    char packs[sizeof c->packs];
    if (app_named_packs(app, packs, sizeof packs)) {
        str_copy(c->packs, sizeof c->packs, packs);
        c->topic[0] = '\0';
    }
    if (app->opt.topic) {
        str_copy(c->topic, sizeof c->topic, app->opt.topic);
    }
}

void classroom_ui_prepare(App *app)
{
    ClassroomUi *c = &app->classroom;
    if (!c->setup_loaded) {
        c->setup_loaded = true;
        c->editing = -1;
        classroom_config_default(&c->config, CLASS_TURNS, 3);
        c->config.question_count = 10;
        str_copy(c->packs, sizeof c->packs, app->settings.packs);
        str_copy(c->topic, sizeof c->topic, app->settings.topic);
        read_setup(app);
        if (app->opt.pack_count > 0 || app->opt.topic) {
            take_command_line_packs(app);
        }
        if (c->packs[0] && classroom_ui_pool(app, NULL, 0, NULL, 0) == 0) {
            c->packs[0] = '\0'; /* the packs remembered are gone: every pack */
            c->topic[0] = '\0';
        }
        if (app->opt.teams >= CLASS_TEAMS_MIN && app->opt.teams <= CLASS_TEAMS_MAX) {
            c->config.team_count = app->opt.teams;
            if (c->config.mode == CLASS_WHOLE) {
                c->config.mode = CLASS_TURNS;
            }
        }
        if (app->opt.count > 0) {
            c->config.question_count = app->opt.count;
        }
    }
    char path[PATHS_MAX];
    classroom_ui_state_path(app, path, sizeof path);
    struct stat st;
    c->has_saved = !c->game && path[0] && stat(path, &st) == 0;
    c->saved_when[0] = '\0';
    if (c->has_saved) {
        time_t t = st.st_mtime;
        struct tm tm;
        if (localtime_r(&t, &tm)) {
            strftime(c->saved_when, sizeof c->saved_when, "%Y-%m-%d %H:%M", &tm);
        }
    }
}

void classroom_ui_save_setup(App *app)
{
    const ClassroomUi *c = &app->classroom;
    const ClassConfig *cfg = &c->config;
    char path[PATHS_MAX];
    setup_path(app, path, sizeof path);
    if (!path[0]) {
        return;
    }
    StrBuf sb = STRBUF_INIT;
    strbuf_printf(&sb, "# quizdeck classroom setup: the last choices made before a game\n");
    strbuf_printf(&sb, "mode=%s\nteams=%d\n", classroom_mode_name(cfg->mode), cfg->team_count);
    for (int t = 0; t < CLASS_TEAMS_MAX; t++) {
        strbuf_printf(&sb, "name%d=%s\n", t + 1, cfg->team_names[t]);
    }
    strbuf_printf(&sb,
                  "steal=%s\nreading=%d\ntime=%d\naccuracy=%s\ncount=%d\nshuffle=%s\n"
                  "leave-out=%s\ntop=%d\npacks=%s\ntopic=%s\nresults=%s\n",
                  cfg->steal ? "yes" : "no", cfg->reading_ms, cfg->time_percent,
                  cfg->accuracy_only ? "yes" : "no", cfg->question_count,
                  cfg->shuffle ? "yes" : "no", cfg->skip_unsupported ? "yes" : "no",
                  cfg->scoreboard_top, c->packs, c->topic, c->results_dir);
    SaveError e;
    if (!save_make_parent_dirs(app->io, path, &e) ||
        !save_write_atomic(app->io, path, strbuf_cstr(&sb), strlen(strbuf_cstr(&sb)), &e)) {
        app_warn(app, "The classroom setup was not remembered: %s", e.message);
    }
    strbuf_free(&sb);
}
