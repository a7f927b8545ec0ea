/* main.c - quizdeck's command line: finds the data folder and the user's folders, loads the
 * pack library, and runs the requested mode. The only file that knows every module. */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/diag.h"
#include "core/library.h"
#include "core/paths.h"
#include "core/strbuf.h"
#include "core/script.h"
#include "ui/app.h"
#include "ui/cli.h"
#include "ui/runner.h"
#include "ui/stats_cli.h"
#include "ui/term_quiz.h"

/* Exit codes (documented in --help). */
enum {
    EXIT_OK = 0,
    EXIT_PROBLEMS = 1, /* --check found errors; --question found no such question */
    EXIT_USAGE = 2,    /* bad command line */
    EXIT_NO_DATA = 3,  /* no pack could be loaded */
};

typedef enum Mode {
    MODE_WINDOW,
    MODE_TERMINAL,
    MODE_CHECK,
    MODE_QUESTION,
    MODE_LIST,
    MODE_STATS,
    MODE_ANSWER_KEY,
    MODE_COUNT
} Mode;

typedef struct Options {
    Mode mode;
    const char *data_dir;
    const char *question_id;
    const char **packs; /* --pack and --check arguments: ids or paths */
    int pack_count;
    TermQuizOptions play;
    AppOptions app;
    int64_t now; /* --now: the time --stats counts from (epoch s); 0 = the clock */
} Options;

static void print_help(FILE *out)
{
    fputs("Usage: quizdeck [OPTION]...\n"
          "       quizdeck --check [PACK]...\n"
          "       quizdeck --question [PACK:]ID [--pack PACK]\n"
          "A quiz and flashcard game. PACK is a pack id or the path of a pack file.\n"
          "\n"
          "Modes:\n"
          "  -c, --check [PACK]...   validate packs (all packs when none is named); print every\n"
          "                          diagnostic as path:line, then one line per pack\n"
          "  -q, --question ID       show how the game checks one question (PACK:ID or ID)\n"
          "  -l, --list              list the packs and topics that would load\n"
          "      --answer-key PACK   write PACK's answers as a printable CSV file\n"
          "      --stats             flashcard progress: counts and the cards due today\n"
          "                          (with --profile NAME, --pack PACK, --now TIME)\n"
          "  (none)                  open the game window\n"
          "      --terminal          play a quiz in the terminal instead\n"
          "      --script FILE       replay a test script in the window (docs/scripting.md)\n"
          "\n"
          "Options:\n"
          "  -p, --pack PACK         use this pack (repeatable); by default all packs\n"
          "      --topic TOPIC       ask only questions of this topic (repeatable)\n"
          "  -n, --count N           number of questions (default 10, 0 = all)\n"
          "      --seed N            fix the question and choice order\n"
          "      --untimed           no time limits\n"
          "      --relaxed           accuracy-only scoring (no speed bonus)\n"
          "      --data-dir DIR      read bundled packs and assets from DIR\n"
          "\n"
          "Window:\n"
          "      --window WxH        window size in pixels (default 1280x800)\n"
          "      --fullscreen        start in full screen (F11 toggles)\n"
          "      --renderer R        'software' (default: small and quick to start) or 'gpu'\n"
          "      --play              start a quiz at once with --pack, --topic, --count\n"
          "      --profile NAME      the learner whose progress, settings and scores to use\n"
          "      --classroom         start in classroom mode (teams on one screen)\n"
          "      --teams N           classroom teams, 2 to 8\n"
          "      --display N         open on screen N (0, 1, ...), e.g. the projector\n"
          "      --results-dir DIR   where classroom results are written\n"
          "      --bench-draw N      draw N frames of a quiz screen, print timings, exit\n"
          "  -h, --help              show this help and exit\n"
          "  -V, --version           show the version and exit\n"
          "\n"
          "Packs are read from DATA/questions and from $XDG_DATA_HOME/quizdeck/packs\n"
          "(default ~/.local/share/quizdeck/packs); a user pack replaces a bundled one with\n"
          "the same id.\n"
          "\n"
          "Exit status: 0 success, 1 problems found (--check, --question) or a script's\n"
          "expect failed, 2 usage error or a script with errors, 3 no usable pack,\n"
          "4 no window, renderer or font.\n",
          out);
}

static bool parse_u64(const char *s, unsigned long long *out)
{
    char *end;
    if (!*s || *s == '-') {
        return false;
    }
    unsigned long long v = strtoull(s, &end, 10);
    if (*end) {
        return false;
    }
    *out = v;
    return true;
}

static int parse_args(int argc, char **argv, Options *o)
{
    enum {
        OPT_SEED = 256,
        OPT_UNTIMED,
        OPT_RELAXED,
        OPT_DATA_DIR,
        OPT_TOPIC,
        OPT_TERMINAL,
        OPT_SCRIPT,
        OPT_WINDOW,
        OPT_FULLSCREEN,
        OPT_RENDERER,
        OPT_PLAY,
        OPT_BENCH_DRAW,
        OPT_PROFILE,
        OPT_STATS,
        OPT_NOW,
        OPT_CLASSROOM,
        OPT_TEAMS,
        OPT_DISPLAY,
        OPT_RESULTS_DIR,
        OPT_ANSWER_KEY,
    };
    static const struct option longs[] = {
        {"check", no_argument, NULL, 'c'},
        {"question", required_argument, NULL, 'q'},
        {"list", no_argument, NULL, 'l'},
        {"pack", required_argument, NULL, 'p'},
        {"topic", required_argument, NULL, OPT_TOPIC},
        {"count", required_argument, NULL, 'n'},
        {"seed", required_argument, NULL, OPT_SEED},
        {"untimed", no_argument, NULL, OPT_UNTIMED},
        {"relaxed", no_argument, NULL, OPT_RELAXED},
        {"data-dir", required_argument, NULL, OPT_DATA_DIR},
        {"terminal", no_argument, NULL, OPT_TERMINAL},
        {"script", required_argument, NULL, OPT_SCRIPT},
        {"window", required_argument, NULL, OPT_WINDOW},
        {"fullscreen", no_argument, NULL, OPT_FULLSCREEN},
        {"renderer", required_argument, NULL, OPT_RENDERER},
        {"play", no_argument, NULL, OPT_PLAY},
        {"bench-draw", required_argument, NULL, OPT_BENCH_DRAW},
        {"profile", required_argument, NULL, OPT_PROFILE},
        {"stats", no_argument, NULL, OPT_STATS},
        {"now", required_argument, NULL, OPT_NOW},
        {"classroom", no_argument, NULL, OPT_CLASSROOM},
        {"teams", required_argument, NULL, OPT_TEAMS},
        {"display", required_argument, NULL, OPT_DISPLAY},
        {"results-dir", required_argument, NULL, OPT_RESULTS_DIR},
        {"answer-key", required_argument, NULL, OPT_ANSWER_KEY},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    o->packs = calloc((size_t)argc + 1, sizeof *o->packs);
    o->play.topics = calloc((size_t)argc + 1, sizeof *o->play.topics);
    if (!o->packs || !o->play.topics) {
        fputs("quizdeck: out of memory\n", stderr);
        return EXIT_USAGE;
    }
    int c;
    unsigned long long n;
    while ((c = getopt_long(argc, argv, "cq:lp:n:hV", longs, NULL)) != -1) {
        switch (c) {
        case 'c':
            o->mode = MODE_CHECK;
            break;
        case 'q':
            o->mode = MODE_QUESTION;
            o->question_id = optarg;
            break;
        case 'l':
            o->mode = MODE_LIST;
            break;
        case 'p':
            o->packs[o->pack_count++] = optarg;
            break;
        case OPT_TOPIC:
            o->play.topics[o->play.topic_count++] = optarg;
            break;
        case 'n':
            if (!parse_u64(optarg, &n) || n > INT_MAX) {
                fprintf(stderr, "quizdeck: --count needs a whole number, not '%s'\n", optarg);
                return EXIT_USAGE;
            }
            o->play.count = (int)n;
            break;
        case OPT_SEED:
            if (!parse_u64(optarg, &n)) {
                fprintf(stderr, "quizdeck: --seed needs a whole number, not '%s'\n", optarg);
                return EXIT_USAGE;
            }
            o->play.seed = n;
            o->play.seeded = true;
            break;
        case OPT_UNTIMED:
            o->play.untimed = true;
            break;
        case OPT_RELAXED:
            o->play.relaxed = true;
            break;
        case OPT_DATA_DIR:
            o->data_dir = optarg;
            break;
        case OPT_TERMINAL:
            o->mode = MODE_TERMINAL;
            break;
        case OPT_SCRIPT:
            o->app.script = optarg;
            break;
        case OPT_WINDOW: {
            int w = 0, h = 0;
            char extra;
            if (sscanf(optarg, "%dx%d%c", &w, &h, &extra) != 2 || w < 320 || h < 200 || w > 16384 ||
                h > 16384) {
                fprintf(stderr,
                        "quizdeck: --window needs WIDTHxHEIGHT from 320x200 to 16384x16384, "
                        "not '%s'\n",
                        optarg);
                return EXIT_USAGE;
            }
            o->app.window_w = w;
            o->app.window_h = h;
            break;
        }
        case OPT_FULLSCREEN:
            o->app.fullscreen = true;
            break;
        case OPT_RENDERER:
            if (strcmp(optarg, "gpu") == 0) {
                o->app.gpu = true;
            } else if (strcmp(optarg, "software") == 0) {
                o->app.gpu = false;
            } else {
                fprintf(stderr, "quizdeck: --renderer is 'software' or 'gpu', not '%s'\n", optarg);
                return EXIT_USAGE;
            }
            break;
        case OPT_PLAY:
            o->app.play = true;
            break;
        case OPT_PROFILE:
            o->app.profile = optarg;
            break;
        case OPT_STATS:
            o->mode = MODE_STATS;
            break;
        case OPT_CLASSROOM:
            o->app.classroom = true;
            break;
        case OPT_TEAMS:
            if (!parse_u64(optarg, &n) || n < 2 || n > 8) {
                fprintf(stderr, "quizdeck: --teams needs a number from 2 to 8, not '%s'\n", optarg);
                return EXIT_USAGE;
            }
            o->app.teams = (int)n;
            break;
        case OPT_DISPLAY:
            if (!parse_u64(optarg, &n) || n > 16) {
                fprintf(stderr, "quizdeck: --display needs a screen number (0, 1, ...), not '%s'\n",
                        optarg);
                return EXIT_USAGE;
            }
            o->app.display = (int)n;
            break;
        case OPT_RESULTS_DIR:
            o->app.results_dir = optarg;
            break;
        case OPT_ANSWER_KEY:
            o->mode = MODE_ANSWER_KEY;
            o->packs[o->pack_count++] = optarg;
            break;
        case OPT_NOW: {
            int64_t ms;
            if (!script_parse_time(optarg, &ms)) {
                fprintf(stderr,
                        "quizdeck: --now needs a UTC time like 2026-11-29T10:15:00Z, not '%s'\n",
                        optarg);
                return EXIT_USAGE;
            }
            o->now = ms / 1000;
            break;
        }
        case OPT_BENCH_DRAW:
            if (!parse_u64(optarg, &n) || n < 1 || n > 100000) {
                fprintf(stderr, "quizdeck: --bench-draw needs a number of frames, not '%s'\n",
                        optarg);
                return EXIT_USAGE;
            }
            o->app.bench_draw = (int)n;
            break;
        case 'h':
            print_help(stdout);
            exit(EXIT_OK);
        case 'V':
            printf("quizdeck %s\n", QUIZDECK_VERSION);
            exit(EXIT_OK);
        default:
            fputs("Try 'quizdeck --help' for more information.\n", stderr);
            return EXIT_USAGE;
        }
    }
    if (o->mode == MODE_CHECK) {
        for (int i = optind; i < argc; i++) {
            o->packs[o->pack_count++] = argv[i];
        }
    } else if (optind < argc) {
        fprintf(stderr,
                "quizdeck: unexpected argument '%s'\n"
                "Try 'quizdeck --help' for more information.\n",
                argv[optind]);
        return EXIT_USAGE;
    }
    return EXIT_OK;
}

/* The folder that holds this executable, from /proc/self/exe. */
static bool exe_dir(char *out, size_t size)
{
    char buf[PATHS_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) {
        return false;
    }
    buf[n] = '\0';
    char *slash = strrchr(buf, '/');
    if (!slash) {
        return false;
    }
    *slash = '\0';
    return str_copy(out, size, buf[0] ? buf : "/");
}

/* Loads what the run needs: the named paths alone when every PACK is a path; otherwise the
 * bundled and user folders plus the named paths. */
static int load_library(const Options *o, Library *lib, bool *only_paths)
{
    char cwd[PATHS_MAX];
    if (!getcwd(cwd, sizeof cwd)) {
        cwd[0] = '\0';
    }
    *only_paths = o->pack_count > 0;
    for (int i = 0; i < o->pack_count; i++) {
        *only_paths = *only_paths && cli_is_pack_path(o->packs[i]);
    }
    if (!*only_paths) {
        char data[PATHS_MAX];
        char dir[PATHS_MAX];
        if (o->data_dir) {
            if (!str_copy(data, sizeof data, o->data_dir)) {
                fputs("quizdeck: --data-dir is too long\n", stderr);
                return EXIT_USAGE;
            }
        } else if (!exe_dir(dir, sizeof dir) || !paths_find_data_dir(data, sizeof data, dir)) {
            fputs("quizdeck: warning: cannot find the bundled packs next to the program; "
                  "use --data-dir DIR\n",
                  stderr);
            data[0] = '\0';
        }
        if (data[0] && paths_join(dir, sizeof dir, data, "questions")) {
            char *real = realpath(dir, NULL);
            char shown[PATHS_MAX];
            paths_display(shown, sizeof shown, real ? real : dir, cwd);
            library_add_dir(lib, real ? real : dir, shown, ORIGIN_BUNDLED, false);
            free(real);
        }
        char user[PATHS_MAX];
        if (paths_user_data(user, sizeof user, getenv("XDG_DATA_HOME"), getenv("HOME")) &&
            paths_join(dir, sizeof dir, user, "packs")) {
            library_add_dir(lib, dir, NULL, ORIGIN_USER, true);
        }
    }
    for (int i = 0; i < o->pack_count; i++) {
        if (cli_is_pack_path(o->packs[i])) {
            library_add_file(lib, o->packs[i], NULL, ORIGIN_COMMAND_LINE);
        }
    }
    library_resolve(lib);
    return EXIT_OK;
}

/* The game window: paths for the app, then the loop, a script or a benchmark. */
static int run_window(Options *o)
{
    AppPaths paths;
    memset(&paths, 0, sizeof paths);
    if (!getcwd(paths.cwd, sizeof paths.cwd)) {
        paths.cwd[0] = '\0';
    }
    char dir[PATHS_MAX];
    if (o->data_dir) {
        if (!str_copy(paths.data_dir, sizeof paths.data_dir, o->data_dir)) {
            fputs("quizdeck: --data-dir is too long\n", stderr);
            return EXIT_USAGE;
        }
    } else if (!exe_dir(dir, sizeof dir) ||
               !paths_find_data_dir(paths.data_dir, sizeof paths.data_dir, dir)) {
        fputs("quizdeck: cannot find the game's data (questions/ and assets/) next to the "
              "program; use --data-dir DIR\n",
              stderr);
        return APP_EXIT_STARTUP;
    }
    const char *home = getenv("HOME");
    if (home && home[0] == '/' && !str_copy(paths.home, sizeof paths.home, home)) {
        paths.home[0] = '\0';
    }
    if (paths_user_data(paths.user_data, sizeof paths.user_data, getenv("XDG_DATA_HOME"), home)) {
        paths_join(paths.user_packs, sizeof paths.user_packs, paths.user_data, "packs");
        paths_join(paths.scores, sizeof paths.scores, paths.user_data, "scores.ini");
        paths_join(paths.history, sizeof paths.history, paths.user_data, "history.log");
    } else {
        fputs("quizdeck: warning: neither XDG_DATA_HOME nor HOME is set: scores are not kept\n",
              stderr);
    }
    if (paths_user_config(paths.user_config, sizeof paths.user_config, getenv("XDG_CONFIG_HOME"),
                          home)) {
        paths_join(paths.settings, sizeof paths.settings, paths.user_config, "settings.ini");
    }
    const char **extra = calloc((size_t)o->pack_count + 1, sizeof *extra);
    if (!extra) {
        return EXIT_USAGE;
    }
    for (int i = 0; i < o->pack_count; i++) {
        if (cli_is_pack_path(o->packs[i])) {
            extra[paths.extra_count++] = o->packs[i];
        }
    }
    paths.extra_packs = extra;

    Script *script = NULL;
    if (o->app.script) {
        DiagList diags = DIAGLIST_INIT;
        script = script_load_file(o->app.script, &diags);
        cli_print_diags(&diags);
        diag_list_free(&diags);
        if (!script || runner_check(script) > 0) {
            script_destroy(script);
            free(extra);
            return APP_EXIT_USAGE;
        }
    }
    o->app.packs = o->packs;
    o->app.pack_count = o->pack_count;
    o->app.topic = o->play.topic_count > 0 ? o->play.topics[0] : NULL;
    o->app.count = o->play.count;
    o->app.untimed = o->play.untimed;
    o->app.relaxed = o->play.relaxed;
    o->app.has_seed = o->play.seeded;
    o->app.seed = o->play.seed;
    App *app = app_create(&o->app, &paths);
    int rc;
    if (!app) {
        rc = APP_EXIT_STARTUP;
    } else if (o->app.bench_draw > 0) {
        rc = app_bench_draw(app, o->app.bench_draw);
    } else if (script) {
        rc = runner_run(app, script);
    } else {
        rc = app_run(app);
    }
    app_destroy(app);
    script_destroy(script);
    free(extra);
    return rc;
}

int main(int argc, char **argv)
{
    Options o;
    memset(&o, 0, sizeof o);
    o.play.count = -1;  /* not given */
    o.app.display = -1; /* the default screen */
    int rc = parse_args(argc, argv, &o);
    if (rc != EXIT_OK) {
        free(o.packs);
        free(o.play.topics);
        return rc;
    }
    if (o.mode == MODE_WINDOW) {
        if (o.play.count == 0) {
            o.play.count = 500; /* --count 0: every question */
        } else if (o.play.count < 0) {
            o.play.count = 0; /* the settings' count */
        }
        rc = run_window(&o);
        free(o.packs);
        free(o.play.topics);
        return rc;
    }
    if (o.play.count < 0) {
        o.play.count = 10;
    }
    Library lib = LIBRARY_INIT;
    bool only_paths;
    rc = load_library(&o, &lib, &only_paths);
    if (rc == EXIT_OK) {
        switch (o.mode) {
        case MODE_CHECK:
            rc = cli_check(&lib, o.packs, o.pack_count, only_paths) ? EXIT_OK : EXIT_PROBLEMS;
            break;
        case MODE_QUESTION:
            rc = cli_question(&lib, o.question_id, o.packs, o.pack_count) ? EXIT_OK : EXIT_PROBLEMS;
            break;
        case MODE_STATS: {
            char user[PATHS_MAX];
            const char *home = getenv("HOME");
            if (!paths_user_data(user, sizeof user, getenv("XDG_DATA_HOME"), home)) {
                fputs("quizdeck: neither XDG_DATA_HOME nor HOME is set: no progress to show\n",
                      stderr);
                rc = EXIT_NO_DATA;
                break;
            }
            rc = stats_cli_run(&lib, user, o.app.profile, o.packs, o.pack_count, o.now);
            break;
        }
        case MODE_ANSWER_KEY:
            rc = cli_answer_key(&lib, o.pack_count ? o.packs[0] : NULL) ? EXIT_OK : EXIT_PROBLEMS;
            break;
        case MODE_LIST:
            for (int i = 0; i < lib.count; i++) {
                cli_print_diags(&lib.entries[i].diags);
            }
            cli_list(&lib);
            rc = EXIT_OK;
            break;
        case MODE_TERMINAL:
        case MODE_WINDOW:
        case MODE_COUNT:
            for (int i = 0; i < lib.count; i++) {
                cli_print_diags(&lib.entries[i].diags);
            }
            o.play.packs = o.packs;
            o.play.pack_count = o.pack_count;
            rc = term_quiz_run(&lib, &o.play) ? EXIT_OK : EXIT_NO_DATA;
            break;
        }
    }
    library_free(&lib);
    free(o.packs);
    free(o.play.topics);
    return rc;
}
