/* picker_model.c - the picker's rows: which packs are checked, the topics they offer, the count
 * steps, and writing the choice into the settings. Knows nothing of layout or drawing. */
#include <string.h>

#include "core/strbuf.h"
#include "ui/picker.h"

enum {
    PACKS_MAX = (int)SDL_arraysize(((PickerState *)NULL)->pack_on),
    TOPICS_MAX = (int)SDL_arraysize(((PickerState *)NULL)->topics),
    TOPIC_LEN = (int)sizeof(((PickerState *)NULL)->topics[0]),
};

/* The Questions row's steps; the last one means every matching question. */
static const int count_steps[] = {5, 10, 15, 20, 30, SETTINGS_COUNT_MAX};
enum { COUNT_STEPS = (int)SDL_arraysize(count_steps) };

/* The n-th live pack (0-based, library order), or NULL. Borrowed from the library. */
const LibraryEntry *picker_live_entry(const Library *lib, int n)
{
    for (int i = 0; i < lib->count; i++) {
        const LibraryEntry *e = &lib->entries[i];
        if (e->pack && !e->replaced && n-- == 0) {
            return e;
        }
    }
    return NULL;
}

int picker_checked_count(const PickerState *p)
{
    int n = 0;
    for (int i = 0; i < p->pack_total; i++) {
        n += p->pack_on[i];
    }
    return n;
}

const char *picker_current_topic(const PickerState *p)
{
    return p->topic > 0 && p->topic <= p->topic_count ? p->topics[p->topic - 1] : "";
}

/* Collects the topics of the checked packs (in order of first appearance) and keeps `keep`
 * chosen when it is still among them. */
static void rebuild_topics(App *app, const char *keep)
{
    PickerState *p = &app->picker;
    char kept[TOPIC_LEN];
    str_copy(kept, sizeof kept, keep);
    p->topic_count = 0;
    p->topic = 0;
    for (int i = 0; i < p->pack_total; i++) {
        const LibraryEntry *e = picker_live_entry(&app->library, i);
        if (!e || !p->pack_on[i]) {
            continue;
        }
        for (int q = 0; q < e->pack->question_count && p->topic_count < TOPICS_MAX; q++) {
            const char *t = e->pack->questions[q].topic;
            bool seen = false;
            for (int k = 0; k < p->topic_count && !seen; k++) {
                seen = strcmp(p->topics[k], t) == 0;
            }
            if (!seen && str_copy(p->topics[p->topic_count], TOPIC_LEN, t)) {
                p->topic_count++;
            }
        }
    }
    for (int k = 0; k < p->topic_count; k++) {
        if (strcmp(p->topics[k], kept) == 0) {
            p->topic = k + 1;
        }
    }
}

/* Questions of the checked packs that match the chosen topic. */
int picker_matching_questions(const App *app)
{
    const PickerState *p = &app->picker;
    const char *topic = picker_current_topic(p);
    int n = 0;
    for (int i = 0; i < p->pack_total; i++) {
        const LibraryEntry *e = picker_live_entry(&app->library, i);
        if (!e || !p->pack_on[i]) {
            continue;
        }
        for (int q = 0; q < e->pack->question_count; q++) {
            n += !topic[0] || strcmp(e->pack->questions[q].topic, topic) == 0;
        }
    }
    return n;
}

int picker_current_count(const App *app)
{
    int i = app->picker.count_index;
    return i >= 0 && i < COUNT_STEPS ? count_steps[i] : app->settings.question_count;
}

/* Fills the rows from the library and the settings. */
void picker_rebuild(App *app)
{
    PickerState *p = &app->picker;
    const Settings *st = &app->settings;
    int live = library_pack_count(&app->library);
    p->pack_total = live < PACKS_MAX ? live : PACKS_MAX;
    bool any = false;
    for (int i = 0; i < p->pack_total; i++) {
        const LibraryEntry *e = picker_live_entry(&app->library, i);
        p->pack_on[i] = e && (!st->packs[0] || str_list_has(st->packs, e->pack->id));
        any = any || p->pack_on[i];
    }
    if (!any) {
        /* the packs last picked are gone: offer everything rather than nothing */
        for (int i = 0; i < p->pack_total; i++) {
            p->pack_on[i] = true;
        }
    }
    p->count_index = -1; /* a count from the settings screen that is not a step */
    for (int i = 0; i < COUNT_STEPS; i++) {
        if (count_steps[i] == st->question_count) {
            p->count_index = i;
        }
    }
    rebuild_topics(app, st->topic);
    int rows = p->pack_total + OPTION_COUNT;
    if (p->focus < 0 || p->focus >= rows) {
        p->focus = 0;
    }
    if (p->scroll < 0 || p->scroll >= p->pack_total) {
        p->scroll = 0;
    }
}

/* Ctrl+R empties the rows (pack_total = 0): fill them again before using them. */
void picker_ensure_rows(App *app)
{
    if (app->picker.pack_total == 0) {
        picker_rebuild(app);
    }
}

void picker_toggle_pack(App *app, int n)
{
    PickerState *p = &app->picker;
    if (n < 0 || n >= p->pack_total) {
        return;
    }
    char keep[TOPIC_LEN];
    str_copy(keep, sizeof keep, picker_current_topic(p));
    p->pack_on[n] = !p->pack_on[n];
    rebuild_topics(app, keep);
}

/* Checks every pack, or none when all are checked already. */
void picker_toggle_all(App *app)
{
    PickerState *p = &app->picker;
    bool all = picker_checked_count(p) == p->pack_total;
    char keep[TOPIC_LEN];
    str_copy(keep, sizeof keep, picker_current_topic(p));
    for (int i = 0; i < p->pack_total; i++) {
        p->pack_on[i] = !all;
    }
    rebuild_topics(app, keep);
}

/* Moves a value row: `dir` -1 or +1 steps that way (the count stops at its ends, the topic
 * wraps around); 0 cycles forward, wrapping (Space, or a click on the row). */
void picker_change_option(App *app, PickerOption option, int dir)
{
    PickerState *p = &app->picker;
    Settings *st = &app->settings;
    switch (option) {
    case OPTION_TOPIC: {
        int n = p->topic_count + 1;
        p->topic = ((p->topic + (dir < 0 ? -1 : 1)) % n + n) % n;
        break;
    }
    case OPTION_QUESTIONS: {
        int v = picker_current_count(app);
        int next = -1;
        if (p->count_index >= 0) {
            next = p->count_index + (dir < 0 ? -1 : 1);
        } else {
            /* an odd count from the settings: go to the nearest step that way */
            for (int i = 0; i < COUNT_STEPS; i++) {
                if (dir >= 0 ? count_steps[i] > v && next < 0 : count_steps[i] < v) {
                    next = i;
                }
            }
            if (next < 0) {
                break; /* nothing further that way: keep the odd count */
            }
        }
        if (next < 0) {
            next = 0;
        } else if (next >= COUNT_STEPS) {
            next = dir == 0 ? 0 : COUNT_STEPS - 1;
        }
        p->count_index = next;
        break;
    }
    /* timer and scoring are the same preferences the settings screen shows: saved at once */
    case OPTION_TIMER:
        st->timed = !st->timed;
        app_save_settings(app);
        break;
    case OPTION_SCORING:
        st->relaxed = !st->relaxed;
        app_save_settings(app);
        break;
    case OPTION_START:
    case OPTION_COUNT:
    default:
        break;
    }
}

/* Writes the choice into the settings, saves them and starts the quiz. */
void picker_start(App *app)
{
    PickerState *p = &app->picker;
    int checked = picker_checked_count(p);
    if (checked == 0) {
        /* the status line says what to do; put the focus where it is done */
        p->focus = 0;
        p->scroll = 0;
        return;
    }
    Settings *st = &app->settings;
    StrBuf ids = STRBUF_INIT;
    bool all = checked == p->pack_total && p->pack_total == library_pack_count(&app->library);
    for (int i = 0; i < p->pack_total && !all; i++) {
        const LibraryEntry *e = picker_live_entry(&app->library, i);
        if (e && p->pack_on[i]) {
            strbuf_printf(&ids, "%s%s", ids.len ? "," : "", e->pack->id);
        }
    }
    if (ids.oom || ids.len >= sizeof st->packs) {
        app_warn(app, "Too many packs checked to remember (%d): check fewer, or all of them.",
                 checked);
        strbuf_free(&ids);
        return;
    }
    str_copy(st->packs, sizeof st->packs, strbuf_cstr(&ids));
    strbuf_free(&ids);
    str_copy(st->topic, sizeof st->topic, picker_current_topic(p));
    st->question_count = picker_current_count(app);
    app_save_settings(app);
    play_start_from_settings(app);
}
