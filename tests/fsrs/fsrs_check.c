/* fsrs_check.c - replays reference review histories (ts-fsrs 5.4.2 output, see README.md)
 * through the C scheduler and compares stability, difficulty, interval and retrievability
 * after every review. Reads only the two CSV files it is given; writes only to stdout/stderr.
 * Exit status: 0 all rows within tolerance, 1 some row outside, 2 bad input or usage. */
#include <errno.h>
#include <stdarg.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fsrs.h"

enum {
    LINE_MAX_BYTES = 1024, /* longer lines are refused, not split */
    ID_MAX_BYTES = 256,
    MAX_INTERVAL_ACCEPTED = 10000000,
    SHOWN_MISMATCHES = 10,
    SHOWN_ERRORS = 20,
    VECTOR_FIELDS = 8,
    PARAM_FIELDS = 5,
    EXIT_MISMATCH = 1,
    EXIT_INPUT = 2
};

static const char *const VECTOR_HEADER =
    "id,step,days_since_previous,rating,stability,difficulty,interval_days,retrievability";
static const char *const PARAM_HEADER =
    "id,desired_retention,maximum_interval,enable_short_term,reviews";

static const char *const usage =
    "usage: fsrs_check [--perturb-weight I:DELTA] [--expect-mismatches] VECTORS PARAMS\n"
    "  VECTORS: id,step,days_since_previous,rating,stability,difficulty,interval_days,\n"
    "           retrievability (one row per review, steps 1..n in order per id)\n"
    "  PARAMS:  id,desired_retention,maximum_interval,enable_short_term,reviews\n"
    "  --perturb-weight I:DELTA  add DELTA to weight w[I] before replaying\n"
    "  --expect-mismatches       invert: exit 0 only when some row is outside tolerance\n";

/* One review history: its parameters from PARAMS and its replay state. */
typedef struct History {
    char id[ID_MAX_BYTES];
    FsrsParams params;
    int reviews;     /* rows promised by PARAMS */
    int params_line; /* where PARAMS declares it */
    int steps;       /* rows of VECTORS seen so far */
    bool skip;       /* not replayed (short-term, or a broken row) */
    bool broken;     /* a row was malformed or out of order: one error is enough */
    FsrsCard card;
} History;

typedef struct Checker {
    History *hist;
    size_t count;
    int perturb_index; /* -1: no perturbation */
    double perturb_delta;
    long reviews;
    long mismatches;
    long errors;
} Checker;

/* ---- reporting ---- */

static void report_error(Checker *c, const char *path, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void report_error(Checker *c, const char *path, int line, const char *fmt, ...)
{
    c->errors++;
    if (c->errors > SHOWN_ERRORS) {
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    if (line > 0) {
        fprintf(stderr, "%s:%d: error: ", path, line);
    } else {
        fprintf(stderr, "%s: error: ", path);
    }
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

/* ---- strict field parsing ---- */

/* Splits `line` in place at commas. Returns the number of fields, or -1 when there are more
 * than `max`. */
static int split_fields(char *line, char **fields, int max)
{
    int n = 0;
    char *p = line;
    for (;;) {
        if (n == max) {
            return -1;
        }
        fields[n++] = p;
        char *comma = strchr(p, ',');
        if (comma == NULL) {
            return n;
        }
        *comma = '\0';
        p = comma + 1;
    }
}

static bool parse_long(const char *s, long lo, long hi, long *out)
{
    if (*s == '\0' || !(*s == '-' || (*s >= '0' && *s <= '9'))) {
        return false;
    }
    char *end = NULL;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno != 0 || *end != '\0' || v < lo || v > hi) {
        return false;
    }
    *out = v;
    return true;
}

static bool parse_int(const char *s, long lo, long hi, int *out)
{
    long v = 0;
    if (!parse_long(s, lo, hi, &v)) {
        return false;
    }
    *out = (int)v;
    return true;
}

/* A finite decimal number; with allow_nan also the word "nan" (stored as NAN). */
static bool parse_double(const char *s, bool allow_nan, double *out)
{
    if (allow_nan && strcmp(s, "nan") == 0) {
        *out = NAN;
        return true;
    }
    if (*s == '\0' || !(*s == '-' || *s == '+' || *s == '.' || (*s >= '0' && *s <= '9'))) {
        return false;
    }
    char *end = NULL;
    errno = 0;
    double v = strtod(s, &end);
    if (errno != 0 || *end != '\0' || !isfinite(v)) {
        return false;
    }
    *out = v;
    return true;
}

/* ---- line reading ---- */

/* Reads one line without its "\n" or "\r\n". Returns 1 for a line, 0 at the end, -1 for a line
 * longer than the buffer or containing a NUL byte (the rest of it is skipped). */
static int read_line(FILE *f, char *buf, size_t size)
{
    if (fgets(buf, (int)size, f) == NULL) {
        return 0;
    }
    size_t len = strlen(buf);
    bool complete = len > 0 && buf[len - 1] == '\n';
    if (!complete && !feof(f)) {
        int ch;
        while ((ch = fgetc(f)) != EOF && ch != '\n') {
        }
        return -1;
    }
    if (complete) {
        buf[--len] = '\0';
    }
    if (len > 0 && buf[len - 1] == '\r') {
        buf[--len] = '\0';
    }
    return 1;
}

/* Opens `path`, checks its header; NULL (after an error) when either fails. */
static FILE *open_csv(Checker *c, const char *path, const char *header, char *buf, size_t size)
{
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        report_error(c, path, 0, "cannot open: %s", strerror(errno));
        return NULL;
    }
    if (read_line(f, buf, size) != 1 || strcmp(buf, header) != 0) {
        report_error(c, path, 1, "the header must be exactly \"%s\"", header);
        fclose(f);
        return NULL;
    }
    return f;
}

/* ---- PARAMS ---- */

static int compare_history(const void *a, const void *b)
{
    return strcmp(((const History *)a)->id, ((const History *)b)->id);
}

static History *find_history(const Checker *c, const char *id)
{
    History key;
    size_t len = strlen(id);
    if (len >= sizeof key.id) {
        return NULL;
    }
    memcpy(key.id, id, len + 1);
    return bsearch(&key, c->hist, c->count, sizeof *c->hist, compare_history);
}

/* Fills h from one PARAMS row; false after reporting what is wrong. */
static bool parse_params_row(Checker *c, const char *path, int line, char **fld, History *h)
{
    double retention = 0;
    int max_ivl = 0;
    int short_term = 0;
    size_t len = strlen(fld[0]);
    if (len == 0 || len >= sizeof h->id) {
        report_error(c, path, line, "the id must be 1..%d bytes", ID_MAX_BYTES - 1);
        return false;
    }
    memcpy(h->id, fld[0], len + 1);
    fsrs_params_default(&h->params);
    /* The formulas hold for any retention in (0, 1) and any cap, so the checker accepts more
     * than the game's setters (0.70..0.99, 1..36500) and sets the fields itself. */
    if (!parse_double(fld[1], false, &retention) || !(retention > 0 && retention < 1)) {
        report_error(c, path, line, "desired_retention '%s' is not a number between 0 and 1",
                     fld[1]);
        return false;
    }
    h->params.desired_retention = retention;
    if (!parse_int(fld[2], 1, MAX_INTERVAL_ACCEPTED, &max_ivl)) {
        report_error(c, path, line, "maximum_interval '%s' is not a whole number in 1..%d", fld[2],
                     MAX_INTERVAL_ACCEPTED);
        return false;
    }
    h->params.maximum_interval = max_ivl;
    if (!parse_int(fld[3], 0, 1, &short_term)) {
        report_error(c, path, line, "enable_short_term '%s' is not 0 or 1", fld[3]);
        return false;
    }
    if (!parse_int(fld[4], 1, 1000000, &h->reviews)) {
        report_error(c, path, line, "reviews '%s' is not a whole number in 1..1000000", fld[4]);
        return false;
    }
    h->params_line = line;
    if (short_term) {
        report_error(c, path, line,
                     "'%s' asks for the short-term scheduler (learning steps in minutes), "
                     "which this port does not implement; it is not replayed",
                     h->id);
        h->skip = true;
    }
    if (c->perturb_index >= 0) {
        h->params.w[c->perturb_index] += c->perturb_delta;
    }
    return true;
}

/* Reads PARAMS into c->hist, sorted by id. False when the file could not be read at all. */
static bool load_params(Checker *c, const char *path)
{
    char buf[LINE_MAX_BYTES];
    FILE *f = open_csv(c, path, PARAM_HEADER, buf, sizeof buf);
    if (f == NULL) {
        return false;
    }
    size_t cap = 0;
    int line = 1;
    int got;
    while ((got = read_line(f, buf, sizeof buf)) != 0) {
        line++;
        if (got < 0) {
            report_error(c, path, line, "line longer than %d bytes", LINE_MAX_BYTES - 2);
            continue;
        }
        char *fld[PARAM_FIELDS];
        if (split_fields(buf, fld, PARAM_FIELDS) != PARAM_FIELDS) {
            report_error(c, path, line, "expected %d comma-separated fields", PARAM_FIELDS);
            continue;
        }
        if (c->count == cap) {
            cap = cap ? cap * 2 : 64;
            History *grown = realloc(c->hist, cap * sizeof *grown);
            if (grown == NULL) {
                report_error(c, path, line, "out of memory");
                break;
            }
            c->hist = grown;
        }
        History *h = &c->hist[c->count];
        memset(h, 0, sizeof *h);
        if (parse_params_row(c, path, line, fld, h)) {
            c->count++;
        }
    }
    fclose(f);
    qsort(c->hist, c->count, sizeof *c->hist, compare_history);
    for (size_t i = 1; i < c->count; i++) {
        if (strcmp(c->hist[i - 1].id, c->hist[i].id) == 0) {
            report_error(c, path, c->hist[i].params_line, "duplicate id '%s' (first on line %d)",
                         c->hist[i].id, c->hist[i - 1].params_line);
        }
    }
    return true;
}

/* ---- VECTORS: replay and compare ---- */

typedef struct Row {
    int step;
    int days;
    int rating;
    int interval;
    double s;
    double d;
    double r;
} Row;

static bool parse_vector_row(Checker *c, const char *path, int line, char **fld, Row *row)
{
    if (!parse_int(fld[1], 1, 1000000, &row->step)) {
        report_error(c, path, line, "step '%s' is not a whole number >= 1", fld[1]);
        return false;
    }
    if (!parse_int(fld[2], 0, 10000000, &row->days)) {
        report_error(c, path, line, "days_since_previous '%s' is not a whole number >= 0", fld[2]);
        return false;
    }
    if (!parse_int(fld[3], FSRS_AGAIN, FSRS_EASY, &row->rating)) {
        report_error(c, path, line, "rating '%s' is not 1, 2, 3 or 4", fld[3]);
        return false;
    }
    if (!parse_double(fld[4], false, &row->s) || !parse_double(fld[5], false, &row->d)) {
        report_error(c, path, line, "stability and difficulty must be finite numbers");
        return false;
    }
    if (!parse_int(fld[6], 0, 100000000, &row->interval)) {
        report_error(c, path, line, "interval_days '%s' is not a whole number >= 0", fld[6]);
        return false;
    }
    if (!parse_double(fld[7], true, &row->r)) {
        report_error(c, path, line, "retrievability '%s' is neither a number nor nan", fld[7]);
        return false;
    }
    return true;
}

static bool same_r(double expected, double got)
{
    if (isnan(expected) || isnan(got)) {
        return isnan(expected) && isnan(got);
    }
    return fabs(got - expected) <= 1e-6;
}

/* Replays one row on h's card and records a mismatch when some value is out of tolerance. */
static void replay_row(Checker *c, const char *path, int line, History *h, const Row *row)
{
    if (row->step == 1) {
        memset(&h->card, 0, sizeof h->card);
    }
    FsrsResult res = fsrs_review(&h->params, &h->card, (FsrsRating)row->rating, row->days, 0);
    h->card = res.card;
    h->card.last_review = row->step; /* any non-zero stamp: the card has been reviewed */
    c->reviews++;

    bool s_ok = fabs(res.card.stability - row->s) <= 1e-6 * fabs(row->s) + 1e-6;
    bool d_ok = fabs(res.card.difficulty - row->d) <= 1e-6;
    bool i_ok = res.interval_days == row->interval;
    bool r_ok = same_r(row->r, res.retrievability);
    if (s_ok && d_ok && i_ok && r_ok) {
        return;
    }
    c->mismatches++;
    if (c->mismatches > SHOWN_MISMATCHES) {
        return;
    }
    printf("%s:%d: mismatch: '%s' step %d (t=%d, rating %d):", path, line, h->id, row->step,
           row->days, row->rating);
    if (!s_ok) {
        printf(" stability expected %.12g got %.12g;", row->s, res.card.stability);
    }
    if (!d_ok) {
        printf(" difficulty expected %.12g got %.12g;", row->d, res.card.difficulty);
    }
    if (!i_ok) {
        printf(" interval expected %d got %d;", row->interval, res.interval_days);
    }
    if (!r_ok) {
        printf(" retrievability expected %.12g got %.12g;", row->r, res.retrievability);
    }
    putchar('\n');
}

static void check_vector_line(Checker *c, const char *path, int line, char *buf)
{
    char *fld[VECTOR_FIELDS];
    if (split_fields(buf, fld, VECTOR_FIELDS) != VECTOR_FIELDS) {
        report_error(c, path, line, "expected %d comma-separated fields", VECTOR_FIELDS);
        return;
    }
    History *h = find_history(c, fld[0]);
    if (h == NULL) {
        report_error(c, path, line, "unknown id '%s' (not in the params file)", fld[0]);
        return;
    }
    Row row;
    if (!parse_vector_row(c, path, line, fld, &row)) {
        h->skip = h->broken = true;
        h->steps++;
        return;
    }
    if (row.step != h->steps + 1 && !h->broken) {
        report_error(c, path, line, "'%s' step %d, expected step %d (steps run 1..n in order)",
                     h->id, row.step, h->steps + 1);
        h->skip = h->broken = true;
    }
    h->steps++;
    if (!h->skip) {
        replay_row(c, path, line, h, &row);
    }
}

static void check_vectors(Checker *c, const char *path, const char *params_path)
{
    char buf[LINE_MAX_BYTES];
    FILE *f = open_csv(c, path, VECTOR_HEADER, buf, sizeof buf);
    if (f == NULL) {
        return;
    }
    int line = 1;
    int got;
    while ((got = read_line(f, buf, sizeof buf)) != 0) {
        line++;
        if (got < 0) {
            report_error(c, path, line, "line longer than %d bytes", LINE_MAX_BYTES - 2);
            continue;
        }
        check_vector_line(c, path, line, buf);
    }
    fclose(f);
    for (size_t i = 0; i < c->count; i++) {
        const History *h = &c->hist[i];
        if (h->steps != h->reviews && !h->broken) {
            report_error(c, params_path, h->params_line,
                         "'%s' declares %d reviews but %s has %d rows for it", h->id, h->reviews,
                         path, h->steps);
        }
    }
}

/* ---- main ---- */

static bool parse_perturbation(const char *arg, Checker *c)
{
    char index[16];
    const char *colon = strchr(arg, ':');
    size_t len = colon ? (size_t)(colon - arg) : 0;
    if (colon == NULL || len == 0 || len >= sizeof index) {
        return false;
    }
    memcpy(index, arg, len);
    index[len] = '\0';
    if (!parse_int(index, 0, FSRS_WEIGHTS - 1, &c->perturb_index) ||
        !parse_double(colon + 1, false, &c->perturb_delta) || c->perturb_delta == 0) {
        return false;
    }
    return true;
}

int main(int argc, char **argv)
{
    Checker c = {.hist = NULL, .perturb_index = -1};
    bool expect_mismatches = false;
    const char *files[2] = {NULL, NULL};
    int nfiles = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--perturb-weight") == 0 && i + 1 < argc) {
            if (!parse_perturbation(argv[++i], &c)) {
                fprintf(stderr,
                        "fsrs_check: --perturb-weight wants I:DELTA, I in 0..%d and "
                        "DELTA a non-zero number\n",
                        FSRS_WEIGHTS - 1);
                return EXIT_INPUT;
            }
        } else if (strcmp(argv[i], "--expect-mismatches") == 0) {
            expect_mismatches = true;
        } else if (argv[i][0] != '-' && nfiles < 2) {
            files[nfiles++] = argv[i];
        } else {
            fputs(usage, stderr);
            return EXIT_INPUT;
        }
    }
    if (nfiles != 2) {
        fputs(usage, stderr);
        return EXIT_INPUT;
    }
    if (c.perturb_index >= 0) {
        printf("fsrs-check: perturbed scheduler: w[%d] %+g\n", c.perturb_index, c.perturb_delta);
    }
    if (load_params(&c, files[1])) {
        check_vectors(&c, files[0], files[1]);
    }
    free(c.hist);

    printf("fsrs-check: %zu histories, %ld reviews, %ld mismatches\n", c.count, c.reviews,
           c.mismatches);
    if (c.mismatches > SHOWN_MISMATCHES) {
        printf("fsrs-check: (first %d mismatches shown)\n", SHOWN_MISMATCHES);
    }
    if (c.errors > 0) {
        if (c.errors > SHOWN_ERRORS) {
            fprintf(stderr, "fsrs-check: ... and %ld more errors\n", c.errors - SHOWN_ERRORS);
        }
        fprintf(stderr, "fsrs-check: %ld input errors; failing\n", c.errors);
        return EXIT_INPUT;
    }
    if (expect_mismatches) {
        if (c.mismatches > 0) {
            printf("fsrs-check: perturbed scheduler rejected as expected (%ld mismatches)\n",
                   c.mismatches);
            return EXIT_SUCCESS;
        }
        printf("fsrs-check: error: the perturbed scheduler passed every review; the check "
               "cannot tell it from the reference\n");
        return EXIT_MISMATCH;
    }
    return c.mismatches > 0 ? EXIT_MISMATCH : EXIT_SUCCESS;
}
