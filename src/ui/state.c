/* state.c - the game's state as text, for scripts' expect lines: one value per field name.
 * Reads the App; never changes it. The fields are listed in docs/scripting.md. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/script.h"
#include "ui/app.h"

static void put(char *out, size_t size, const char *fmt, ...) SDL_PRINTF_VARARG_FUNC(3);

static void put(char *out, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(out, size, fmt, ap);
    va_end(ap);
}

static const QuizItem *shown_item(const App *app)
{
    const QuizSession *s = app->run.session;
    if (!s) {
        return NULL;
    }
    return quiz_item(s, quiz_position(s));
}

/* What answers the shown question right, in the form a script types it: letters of the right
 * choices ("AC"), "T" or "F", the first accepted text, the number, or for order the rows as they
 * stand now, listed in the right order ("3,1,2": row 3 belongs first). A testing aid. */
static void right_answer(const App *app, const QuizItem *item, char *out, size_t size)
{
    const Question *q = item->pick.question;
    size_t len = 0;
    switch (q->type) {
    case QTYPE_SINGLE:
    case QTYPE_MULTI:
        for (int p = 0; p < q->choice_count && len + 1 < size; p++) {
            if (q->correct & (1u << item->choice_order[p])) {
                out[len++] = (char)('A' + p);
            }
        }
        out[len] = '\0';
        break;
    case QTYPE_TRUEFALSE:
        put(out, size, "%s", q->truth ? "T" : "F");
        break;
    case QTYPE_TEXT:
        put(out, size, "%s", q->answers[0]);
        break;
    case QTYPE_NUMBER:
        put(out, size, "%s", q->number_text);
        break;
    case QTYPE_ORDER:
        for (int k = 0; k < q->choice_count; k++) {
            for (int row = 0; row < q->choice_count; row++) {
                if (app->run.order[row] == k && len < size) {
                    int w = snprintf(out + len, size - len, k ? ",%d" : "%d", row + 1);
                    len += w > 0 ? (size_t)w : 0;
                }
            }
        }
        break;
    default:
        break;
    }
}

bool app_state(const App *app, const char *field, char *out, size_t size)
{
    const QuizRun *r = &app->run;
    const QuizItem *item = shown_item(app);
    out[0] = '\0';
    if (strcmp(field, "screen") == 0) {
        put(out, size, "%s", app->screen->name);
    } else if (strcmp(field, "question") == 0) {
        put(out, size, "%s", item ? item->pick.question->id : "");
    } else if (strcmp(field, "answer") == 0) {
        if (item) {
            right_answer(app, item, out, size);
        }
    } else if (strcmp(field, "pack") == 0) {
        put(out, size, "%s", item ? item->pick.pack->id : "");
    } else if (strcmp(field, "type") == 0) {
        put(out, size, "%s", item ? question_type_name(item->pick.question->type) : "");
    } else if (strcmp(field, "position") == 0) {
        put(out, size, "%d", r->session ? quiz_position(r->session) + 1 : 0);
    } else if (strcmp(field, "count") == 0) {
        put(out, size, "%d", r->session ? quiz_count(r->session) : 0);
    } else if (strcmp(field, "score") == 0) {
        put(out, size, "%ld", r->session ? quiz_total(r->session) : 0L);
    } else if (strcmp(field, "streak") == 0) {
        put(out, size, "%d", r->session ? quiz_streak(r->session) : 0);
    } else if (strcmp(field, "timer") == 0 || strcmp(field, "timer_ms") == 0) {
        int left =
            r->session && quiz_phase(r->session) == QUIZ_ASKING ? play_remaining_ms(app) : -1;
        if (left < 0) {
            left = 0;
        }
        put(out, size, "%d", field[5] ? left : (left + 999) / 1000);
    } else if (strcmp(field, "timed") == 0) {
        put(out, size, "%s", r->config.timed ? "yes" : "no");
    } else if (strcmp(field, "paused") == 0) {
        put(out, size, "%s", r->paused ? "yes" : "no");
    } else if (strcmp(field, "muted") == 0) {
        put(out, size, "%s", app->settings.muted ? "yes" : "no");
    } else if (strcmp(field, "fullscreen") == 0) {
        put(out, size, "%s", app_is_fullscreen(app) ? "yes" : "no");
    } else if (strcmp(field, "window") == 0) {
        put(out, size, "%dx%d", app->w, app->h);
    } else if (strcmp(field, "warnings") == 0) {
        put(out, size, "%d", app->warning_count);
    } else if (strcmp(field, "warning") == 0) {
        put(out, size, "%s", app->warning_count ? app->warnings[app->warning_count - 1] : "");
    } else if (strcmp(field, "outcome") == 0) {
        put(out, size, "%s", r->has_last ? outcome_name(r->last.outcome) : "");
    } else if (strcmp(field, "points") == 0) {
        put(out, size, "%d", r->has_last ? r->last.delta : 0);
    } else if (strcmp(field, "focus") == 0) {
        bool typing = app->screen->text_focus && app->screen->text_focus(app);
        put(out, size, "%s", typing ? "field" : "none");
    } else if (strcmp(field, "typed") == 0) {
        put(out, size, "%s", r->typed);
    } else if (strcmp(field, "typed_full") == 0) {
        put(out, size, "%s", r->typed_full ? "yes" : "no");
    } else if (strcmp(field, "order") == 0) {
        size_t len = 0;
        int n = item && item->pick.question->type == QTYPE_ORDER ? item->pick.question->choice_count
                                                                 : 0;
        for (int i = 0; i < n && len < size; i++) {
            int w = snprintf(out + len, size - len, i ? ",%d" : "%d", r->order[i] + 1);
            len += w > 0 ? (size_t)w : 0;
        }
    } else if (strcmp(field, "result.right") == 0) {
        put(out, size, "%d", r->has_result ? r->result.right : 0);
    } else if (strcmp(field, "result.asked") == 0) {
        put(out, size, "%d", r->has_result ? r->result.asked : 0);
    } else if (strcmp(field, "result.missed") == 0) {
        put(out, size, "%d", r->has_result ? r->result.missed_count : 0);
    } else if (strcmp(field, "result.timeouts") == 0) {
        put(out, size, "%d", r->has_result ? r->result.timeouts : 0);
    } else if (strcmp(field, "rank") == 0) {
        put(out, size, "%d", r->rank);
    } else if (strcmp(field, "selection") == 0) {
        put(out, size, "%s", r->selection);
    } else if (strcmp(field, "packs") == 0) {
        put(out, size, "%d", library_pack_count(&app->library));
    } else if (strcmp(field, "problems") == 0) {
        put(out, size, "%d", app->problem_count);
    } else if (strcmp(field, "profile") == 0) {
        put(out, size, "%s", app->profile);
    } else if (strcmp(field, "card") == 0) {
        const Question *q = study_question(app, NULL);
        put(out, size, "%s", q ? q->id : "");
    } else if (strcmp(field, "card.side") == 0) {
        const Question *q = study_question(app, NULL);
        put(out, size, "%s", !q ? "" : app->study.flipped ? "back" : "front");
    } else if (strcmp(field, "cards.due") == 0 || strcmp(field, "cards.new") == 0) {
        int due, fresh;
        study_left(app, &due, &fresh);
        put(out, size, "%d", field[6] == 'd' ? due : fresh);
    } else if (strcmp(field, "cards.reviewed") == 0) {
        put(out, size, "%d", app->study.reviewed);
    } else if (strcmp(field, "title.due") == 0) {
        put(out, size, "%d", app->title_due);
    } else if (strcmp(field, "title.new") == 0) {
        put(out, size, "%d", app->title_new);
    } else if (strcmp(field, "clock") == 0) {
        char when[32];
        script_format_time(app_wall_time(app) * 1000, when, sizeof when);
        put(out, size, "%s", when);
    } else if (strcmp(field, "pads") == 0) {
        put(out, size, "%d", pads_count(&app->pads));
    } else if (strcmp(field, "frames") == 0) {
        put(out, size, "%llu", (unsigned long long)app->frames);
    } else if (strcmp(field, "rasterisations") == 0) {
        put(out, size, "%lu", text_rasterisations(app->text));
    } else if (classroom_ui_state(app, field, out, size)) {
        return true;
    } else {
        return false;
    }
    return true;
}
