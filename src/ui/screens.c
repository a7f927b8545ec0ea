/* screens.c - the table of screens, indexed by ScreenId. */
#include <string.h>

#include "ui/screen.h"

static const Screen *const table[SCREEN_COUNT] = {
    [SCREEN_TITLE] = &screen_title,       [SCREEN_PICKER] = &screen_picker,
    [SCREEN_QUIZ] = &screen_quiz,         [SCREEN_FEEDBACK] = &screen_feedback,
    [SCREEN_PAUSE] = &screen_pause,       [SCREEN_RESULTS] = &screen_results,
    [SCREEN_SCORES] = &screen_scores,     [SCREEN_SETTINGS] = &screen_settings,
    [SCREEN_PROBLEMS] = &screen_problems, [SCREEN_CARDS] = &screen_cards,
    [SCREEN_STATS] = &screen_stats,       [SCREEN_PROFILES] = &screen_profiles,
    [SCREEN_CLASS_SETUP] = &screen_class_setup, [SCREEN_CLASSROOM] = &screen_classroom,
};

const Screen *screen_get(ScreenId id)
{
    return id >= 0 && id < SCREEN_COUNT ? table[id] : table[SCREEN_TITLE];
}

ScreenId screen_from_name(const char *name)
{
    for (int i = 0; i < SCREEN_COUNT; i++) {
        if (strcmp(table[i]->name, name) == 0) {
            return (ScreenId)i;
        }
    }
    return SCREEN_COUNT;
}
