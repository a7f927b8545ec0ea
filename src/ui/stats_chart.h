/* stats_chart.h - the charts of the statistics screen, drawn with SDL rectangles and cached text:
 * due forecast, reviews per day, true retention per week and accuracy per topic. They only
 * draw; what they show comes from a DeckStats the caller owns. */
#ifndef QUIZDECK_STATS_CHART_H
#define QUIZDECK_STATS_CHART_H

#include <SDL.h>

#include "core/deck.h"
#include "ui/app.h"

/* Each draws one panel filling `panel`: a title, the chart, its axis labels, or a line saying
 * there is nothing to show yet. Nothing is drawn outside `panel`. */

/* Cards due on each of the next 30 days, today first. */
void stats_chart_forecast(App *app, SDL_Rect panel, const DeckStats *st);

/* Reviews on each of the last 30 study days, the oldest left, today right. */
void stats_chart_history(App *app, SDL_Rect panel, const DeckStats *st);

/* The share of reviews of mature cards not rated Again, per week for 12 weeks (oldest left),
 * with the desired retention `target` (0..1) as a dashed line. */
void stats_chart_retention(App *app, SDL_Rect panel, const DeckStats *st, double target);

/* Passed / reviews per topic as horizontal bars, from topic `*first_row` on; rows that do not
 * fit are left out. `*first_row` is clamped so that the last rows fill the panel. Returns the
 * number of rows that fit. */
int stats_chart_topics(App *app, SDL_Rect panel, const DeckStats *st, int *first_row);

#endif
