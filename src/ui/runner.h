/* runner.h - replays a parsed script inside the real game: synthetic SDL events, a virtual
 * clock, screenshots and expect lines (docs/scripting.md). */
#ifndef QUIZDECK_RUNNER_H
#define QUIZDECK_RUNNER_H

#include "core/script.h"
#include "ui/app.h"

/* Checks what the parser cannot (SDL key names): prints `path:line: error:` for each problem.
 * Returns the number of problems. */
int runner_check(const Script *script);

/* Runs every command; prints each failed expect as `path:line: error:` on stderr and a summary
 * line. Returns APP_EXIT_OK, or APP_EXIT_EXPECT_FAILED when an expect, a click or a screenshot
 * failed. */
int runner_run(App *app, const Script *script);

#endif
