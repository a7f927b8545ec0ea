/* class_setup_rows.c - the rows of the classroom setup screen: which are shown, their values,
 * changing them with the arrows, and drawing one row. The screen (keys, typing, commands, layout)
 * is screen_class_setup.c. */
#include <stdio.h>
#include <string.h>

#include "core/strbuf.h"
#include "ui/class_view.h"

static const char *const row_arg[SETUP_ROW_TOTAL] = {
    "resume",    "mode",  "teams", "steal",  "reading", "time",  "scoring", "count", "order",
    "leave-out", "top",   "sound", "motion", "packs",   "topic", "results", "name1", "name2",
    "name3",     "name4", "name5", "name6",  "name7",   "name8", "start",   "back"};

/* Short labels, so that every row reads at one size even at 1024x768. */
static const char *const row_label[SETUP_ROW_NAME1] = {
    "Resume",        "Mode",      "Teams", "Steal on a miss", "Reading time", "Time",
    "Scoring",       "Questions", "Order", "Other types",     "Scoreboard",   "Sound",
    "Reduce motion", "Packs",     "Topic", "Results"};

/* Every value a stepped row can show but the packs and the topic (free text, cut to fit). */
static const char *const fixed_values[] = {"Whole class",
                                           "Turns",
                                           "Buzzer",
                                           "Answer pads",
                                           "Until Next",
                                           "10 s",
                                           "\xC3\x97 1.5",
                                           "Shuffled",
                                           "Pack order",
                                           "Accuracy only",
                                           "The pack's rules",
                                           "Teacher enters",
                                           "Leave out",
                                           "Top 8",
                                           "All",
                                           "On",
                                           "Off"};

static const char *const mode_names[CLASS_MODE_COUNT] = {"Whole class", "Turns", "Buzzer",
                                                         "Answer pads"};
static const int reading_steps[] = {0, 3000, 5000, 10000};
static const int count_steps[] = {5, 10, 15, 20, 0};
static const int top_steps[] = {3, 5, 8};

/* The rows shown for this setup, in focus order. */
int class_setup_visible_rows(const App *app, SetupRow *rows)
{
    const ClassroomUi *c = &app->classroom;
    ClassMode m = c->config.mode;
    int n = 0;
    if (c->has_saved) {
        rows[n++] = SETUP_ROW_RESUME;
    }
    for (int r = SETUP_ROW_MODE; r <= SETUP_ROW_RESULTS; r++) {
        if ((r == SETUP_ROW_TEAMS && m == CLASS_WHOLE) ||
            (r == SETUP_ROW_STEAL && m != CLASS_TURNS) ||
            (r == SETUP_ROW_UNSUPPORTED && m != CLASS_BUZZER && m != CLASS_PADS)) {
            continue;
        }
        rows[n++] = (SetupRow)r;
    }
    for (int t = 0; m != CLASS_WHOLE && t < c->config.team_count; t++) {
        rows[n++] = (SetupRow)(SETUP_ROW_NAME1 + t);
    }
    rows[n++] = SETUP_ROW_START;
    rows[n++] = SETUP_ROW_BACK;
    return n;
}

static int step_index(const int *steps, int n, int v)
{
    for (int i = 0; i < n; i++) {
        if (steps[i] == v) {
            return i;
        }
    }
    return 0;
}

static int cycle(int i, int n, int dir)
{
    return ((i + (dir == 0 ? 1 : dir)) % n + n) % n;
}

/* Pack ids of the library, "" first for every pack. */
static int pack_choices(const App *app, const char **ids, int cap)
{
    int n = 0;
    ids[n++] = "";
    for (int i = 0; i < app->library.count && n < cap; i++) {
        const LibraryEntry *e = &app->library.entries[i];
        if (e->pack && !e->replaced) {
            ids[n++] = e->pack->id;
        }
    }
    return n;
}

/* Topics of the chosen packs, "" first for every topic. */
static int topic_choices(const App *app, const char **topics, int cap)
{
    const ClassroomUi *c = &app->classroom;
    int n = 0;
    topics[n++] = "";
    for (int i = 0; i < app->library.count; i++) {
        const LibraryEntry *e = &app->library.entries[i];
        if (!e->pack || e->replaced) {
            continue;
        }
        char id[80];
        snprintf(id, sizeof id, ",%s,", e->pack->id);
        char list[sizeof c->packs + 2];
        snprintf(list, sizeof list, ",%s,", c->packs);
        if (c->packs[0] && !strstr(list, id)) {
            continue;
        }
        for (int q = 0; q < e->pack->question_count && n < cap; q++) {
            const char *t = e->pack->questions[q].topic;
            bool seen = !t || !t[0];
            for (int k = 0; k < n && !seen; k++) {
                seen = strcmp(topics[k], t) == 0;
            }
            if (!seen) {
                topics[n++] = t;
            }
        }
    }
    return n;
}

void class_setup_change(App *app, SetupRow row, int dir)
{
    ClassroomUi *c = &app->classroom;
    ClassConfig *cfg = &c->config;
    const char *list[128];
    switch (row) {
    case SETUP_ROW_MODE:
        cfg->mode = (ClassMode)cycle(cfg->mode, CLASS_MODE_COUNT, dir);
        break;
    case SETUP_ROW_TEAMS:
        cfg->team_count += dir < 0 ? -1 : 1;
        if (cfg->team_count > CLASS_TEAMS_MAX) {
            cfg->team_count = dir == 0 ? CLASS_TEAMS_MIN : CLASS_TEAMS_MAX;
        }
        if (cfg->team_count < CLASS_TEAMS_MIN) {
            cfg->team_count = CLASS_TEAMS_MIN;
        }
        break;
    case SETUP_ROW_STEAL:
        cfg->steal = !cfg->steal;
        break;
    case SETUP_ROW_READING:
        cfg->reading_ms =
            reading_steps[cycle(step_index(reading_steps, 4, cfg->reading_ms), 4, dir)];
        break;
    case SETUP_ROW_TIME: {
        static const int times[] = {100, 150, 200};
        cfg->time_percent = times[cycle(step_index(times, 3, cfg->time_percent), 3, dir)];
        break;
    }
    case SETUP_ROW_SCORING:
        cfg->accuracy_only = !cfg->accuracy_only;
        break;
    case SETUP_ROW_COUNT_Q:
        cfg->question_count =
            count_steps[cycle(step_index(count_steps, 5, cfg->question_count), 5, dir)];
        break;
    case SETUP_ROW_ORDER:
        cfg->shuffle = !cfg->shuffle;
        break;
    case SETUP_ROW_UNSUPPORTED:
        cfg->skip_unsupported = !cfg->skip_unsupported;
        break;
    case SETUP_ROW_TOP:
        cfg->scoreboard_top =
            top_steps[cycle(step_index(top_steps, 3, cfg->scoreboard_top), 3, dir)];
        break;
    case SETUP_ROW_SOUND:
        app_toggle_mute(app);
        return;
    case SETUP_ROW_MOTION:
        app->settings.reduce_motion = !app->settings.reduce_motion;
        app_save_settings(app);
        return;
    case SETUP_ROW_PACKS: {
        int n = pack_choices(app, list, 128), i = -1;
        for (int k = 0; k < n; k++) {
            i = strcmp(list[k], c->packs) == 0 ? k : i;
        }
        str_copy(c->packs, sizeof c->packs, list[i < 0 ? 0 : cycle(i, n, dir)]);
        c->topic[0] = '\0';
        break;
    }
    case SETUP_ROW_TOPIC: {
        int n = topic_choices(app, list, 128), i = 0;
        for (int k = 0; k < n; k++) {
            i = strcmp(list[k], c->topic) == 0 ? k : i;
        }
        str_copy(c->topic, sizeof c->topic, list[cycle(i, n, dir)]);
        break;
    }
    default:
        return;
    }
    classroom_ui_save_setup(app);
}

static void value_text(const App *app, SetupRow row, char *out, size_t size)
{
    const ClassroomUi *c = &app->classroom;
    const ClassConfig *cfg = &c->config;
    out[0] = '\0';
    switch (row) {
    case SETUP_ROW_MODE:
        snprintf(out, size, "%s", mode_names[cfg->mode]);
        break;
    case SETUP_ROW_TEAMS:
        snprintf(out, size, "%d", cfg->team_count);
        break;
    case SETUP_ROW_STEAL:
    case SETUP_ROW_ORDER:
        snprintf(out, size, "%s",
                 row == SETUP_ROW_STEAL ? (cfg->steal ? "On" : "Off")
                                        : (cfg->shuffle ? "Shuffled" : "Pack order"));
        break;
    case SETUP_ROW_READING:
        if (cfg->reading_ms == 0) {
            snprintf(out, size, "Until Next");
        } else {
            snprintf(out, size, "%d s", cfg->reading_ms / 1000);
        }
        break;
    case SETUP_ROW_TIME:
        snprintf(out, size, "%s",
                 cfg->time_percent == 150   ? "\xC3\x97 1.5"
                 : cfg->time_percent == 200 ? "\xC3\x97 2"
                                            : "\xC3\x97 1");
        break;
    case SETUP_ROW_SCORING:
        snprintf(out, size, "%s", cfg->accuracy_only ? "Accuracy only" : "The pack's rules");
        break;
    case SETUP_ROW_COUNT_Q:
        if (cfg->question_count == 0) {
            snprintf(out, size, "All");
        } else {
            snprintf(out, size, "%d", cfg->question_count);
        }
        break;
    case SETUP_ROW_UNSUPPORTED:
        snprintf(out, size, "%s", cfg->skip_unsupported ? "Leave out" : "Teacher enters");
        break;
    case SETUP_ROW_TOP:
        snprintf(out, size, "Top %d", cfg->scoreboard_top);
        break;
    case SETUP_ROW_SOUND:
        snprintf(out, size, "%s", app->settings.muted ? "Off" : "On");
        break;
    case SETUP_ROW_MOTION:
        snprintf(out, size, "%s", app->settings.reduce_motion ? "On" : "Off");
        break;
    case SETUP_ROW_PACKS: {
        char label[400];
        int n = classroom_ui_pool(app, NULL, 0, label, sizeof label);
        char *dot = strstr(label, " \xC2\xB7 ");
        if (dot) {
            *dot = '\0';
        }
        snprintf(out, size, "%s (%d)", label, n);
        break;
    }
    case SETUP_ROW_TOPIC:
        snprintf(out, size, "%s", c->topic[0] ? c->topic : "All topics");
        break;
    case SETUP_ROW_RESULTS: {
        char dir[PATHS_MAX];
        if (app->opt.results_dir) {
            snprintf(dir, sizeof dir, "%s", app->opt.results_dir);
        } else if (c->results_dir[0]) {
            snprintf(dir, sizeof dir, "%s", c->results_dir);
        } else {
            classroom_ui_default_results(app, dir, sizeof dir);
        }
        app_short_path(app, dir, out, size);
        break;
    }
    default:
        if (row >= SETUP_ROW_NAME1 && row < SETUP_ROW_START) {
            snprintf(out, size, "%s", cfg->team_names[row - SETUP_ROW_NAME1]);
        }
        break;
    }
}

bool class_setup_is_text_row(SetupRow row)
{
    return row == SETUP_ROW_RESULTS || (row >= SETUP_ROW_NAME1 && row < SETUP_ROW_START);
}

int class_setup_row_from_arg(const char *arg)
{
    for (int i = 0; arg && i < SETUP_ROW_TOTAL; i++) {
        if (strcmp(arg, row_arg[i]) == 0) {
            return i;
        }
    }
    return -1;
}

static void arrow(App *app, SDL_Rect r, const char *name, const char *arg, const char *glyph)
{
    const ClassTheme *t = class_theme();
    draw_fill(app, r, t->bar_bg);
    text_draw_line_fit(app->text, FACE_BOLD, r.h * 55 / 100, t->text, r.x + r.w / 2, r.y + r.h / 2,
                       r.w, ALIGN_CENTER, glyph);
    app_hot_add(app, name, arg, 0, r);
}

/* The parts of a row: the arrow buttons' side and the room left for the value. */
static int arrow_side(const App *app, int row_h)
{
    return (row_h - class_u(app, 1.2f)) * 8 / 10;
}

SetupLook class_setup_look(App *app, int row_h, int col_w)
{
    int pad = class_u(app, 1.2f);
    int a = arrow_side(app, row_h);
    int min = class_u(app, 2.6f);
    int size = row_h * 46 / 100;
    size = size < min ? min : size;
    /* the largest size at which the widest label of the left column and the widest fixed value
     * share a row */
    for (;;) {
        int lw = 0, vw = 0;
        for (int i = SETUP_ROW_MODE; i < SETUP_ROW_PACKS; i++) {
            int w = text_width(app->text, FACE_BOLD, size, row_label[i]);
            lw = w > lw ? w : lw;
        }
        for (size_t i = 0; i < SDL_arraysize(fixed_values); i++) {
            int w = text_width(app->text, FACE_BOLD, size, fixed_values[i]);
            vw = w > vw ? w : vw;
        }
        int label_w = lw + 2 * pad;
        int room = col_w - label_w - pad - 2 * a - 3 * pad;
        if ((vw <= room && label_w <= col_w / 2) || size <= min) {
            break;
        }
        size--;
    }
    /* the right column (packs, topic, results, team names) has short labels: its own, narrower
     * label column leaves the pack's title more room */
    SetupLook look = {size, 0, 0};
    for (int i = SETUP_ROW_MODE; i < SETUP_ROW_NAME1; i++) {
        int w = text_width(app->text, FACE_BOLD, size, row_label[i]) + 2 * pad;
        int *into = i >= SETUP_ROW_PACKS ? &look.label_w_right : &look.label_w;
        *into = w > *into ? w : *into;
    }
    int team_w = text_width(app->text, FACE_BOLD, size, "Team 8") + (row_h - 2 * pad) + 3 * pad;
    look.label_w_right = team_w > look.label_w_right ? team_w : look.label_w_right;
    look.label_w = look.label_w > col_w / 2 ? col_w / 2 : look.label_w;
    look.label_w_right = look.label_w_right > col_w / 2 ? col_w / 2 : look.label_w_right;
    return look;
}

void class_setup_draw_row(App *app, SDL_Rect r, SetupRow row, const SetupLook *look)
{
    const ClassroomUi *c = &app->classroom;
    const ClassTheme *t = class_theme();
    bool focused = c->focus == (int)row;
    draw_fill(app, r, focused ? t->panel_hi : t->panel);
    app_hot_add(app, "option", row_arg[row], 0, r);
    int pad = class_u(app, 1.2f);
    int size = look->size;
    int label_w = row >= SETUP_ROW_PACKS ? look->label_w_right : look->label_w;
    char label[48], value[PATHS_MAX + 32], shown[PATHS_MAX + 32];
    if (row >= SETUP_ROW_NAME1) {
        int team = row - SETUP_ROW_NAME1;
        int b = r.h - 2 * pad;
        class_draw_badge(app, (SDL_Rect){r.x + pad, r.y + pad, b, b}, team);
        snprintf(label, sizeof label, "Team %d", team + 1);
        class_draw_line(app, FACE_BOLD, size, t->dim, r.x + 2 * pad + b, r.y + r.h / 2,
                        label_w - b - 2 * pad, ALIGN_LEFT, label);
    } else {
        class_draw_line(app, FACE_BOLD, size, t->text, r.x + pad, r.y + r.h / 2, label_w - pad,
                        ALIGN_LEFT, row_label[row]);
    }
    int vx = r.x + label_w + pad;
    int vw = r.x + r.w - pad - vx;
    if (c->editing == (int)row) {
        SDL_Rect field = {vx, r.y + pad / 2, vw, r.h - pad};
        draw_fill(app, field, t->bg);
        draw_outline(app, field, t->accent, class_u(app, 0.4f));
        snprintf(value, sizeof value, "%s|%s", c->edit,
                 c->edit_full ? "  \xE2\x9A\xA0 at the limit" : "");
        /* while typing, the end of the text (where the cursor is) stays in sight */
        class_cut(app, FACE_BOLD, size, value, field.w - 2 * pad, true, shown, sizeof shown);
        class_draw_line(app, FACE_BOLD, size, c->edit_fresh ? t->accent : t->text,
                        field.x + field.w - pad, r.y + r.h / 2, field.w - 2 * pad, ALIGN_RIGHT,
                        shown);
        SDL_SetTextInputRect(&field);
    } else if (class_setup_is_text_row(row)) {
        value_text(app, row, value, sizeof value);
        if (row >= SETUP_ROW_NAME1) {
            char name[CLASS_NAME_BYTES];
            class_team_label(app, value, row - SETUP_ROW_NAME1, name, sizeof name);
            snprintf(value, sizeof value, "%s", name);
        }
        /* a folder keeps its end, the part that tells folders apart */
        class_cut(app, FACE_BOLD, size, value, vw, row == SETUP_ROW_RESULTS, shown, sizeof shown);
        class_draw_line(app, FACE_BOLD, size, t->accent, vx + vw / 2, r.y + r.h / 2, vw,
                        ALIGN_CENTER, shown);
    } else {
        int a = arrow_side(app, r.h);
        int ay = r.y + (r.h - a) / 2;
        arrow(app, (SDL_Rect){vx, ay, a, a}, "prev", row_arg[row], "\xE2\x97\x80");
        arrow(app, (SDL_Rect){r.x + r.w - pad - a, ay, a, a}, "next", row_arg[row], "\xE2\x96\xB6");
        int room = vw - 2 * a - 2 * pad;
        value_text(app, row, value, sizeof value);
        if (row == SETUP_ROW_PACKS) {
            /* a long pack title is cut, its question count kept */
            char *open = strrchr(value, '(');
            char count[32] = "";
            if (open && open > value) {
                snprintf(count, sizeof count, " %s", open);
                open[-1] = '\0';
            }
            class_cut(app, FACE_BOLD, size, value,
                      room - text_width(app->text, FACE_BOLD, size, count), false, shown,
                      sizeof shown);
            size_t n = strlen(shown);
            snprintf(shown + n, sizeof shown - n, "%s", count);
            snprintf(value, sizeof value, "%s", shown);
        }
        class_draw_line(app, FACE_BOLD, size, t->accent, vx + vw / 2, r.y + r.h / 2, room,
                        ALIGN_CENTER, value);
    }
    if (focused) {
        draw_outline(app, r, t->text, class_u(app, 0.4f));
    }
}
