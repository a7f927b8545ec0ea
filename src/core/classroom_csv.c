/* classroom_csv.c - the results a teacher keeps: a CSV per game, a per-question summary CSV and
 * a printable answer key. Spreadsheets open them without fixes: RFC 4180 quoting, CRLF, UTF-8
 * with a byte-order mark, and text cells that a spreadsheet would run as a formula neutralised.
 * Files are written through save.h; never prints. */
#include "classroom_private.h"

#include <string.h>

static const char BOM[] = "\xEF\xBB\xBF";

void classroom_csv_cell(StrBuf *out, const char *s, bool text, bool first)
{
    if (!first) {
        strbuf_puts(out, ",");
    }
    /* = + - @ start a formula in Excel, LibreOffice and Google Sheets; tab and CR too in some */
    bool neutralise = text && s[0] && strchr("=+-@\t\r", s[0]);
    bool quote = strpbrk(s, ",\"\r\n") != NULL;
    if (quote) {
        strbuf_puts(out, "\"");
    }
    if (neutralise) {
        strbuf_puts(out, "'");
    }
    for (const char *p = s; *p; p++) {
        strbuf_append(out, p, 1);
        if (*p == '"') {
            strbuf_append(out, p, 1);
        }
    }
    if (quote) {
        strbuf_puts(out, "\"");
    }
}

void classroom_csv_end(StrBuf *out)
{
    strbuf_puts(out, "\r\n");
}

static void cell_long(StrBuf *out, long v)
{
    char buf[32];
    str_format(buf, sizeof buf, "%ld", v);
    classroom_csv_cell(out, buf, false, false);
}

static void header(StrBuf *out, const char *const *names, size_t n)
{
    strbuf_puts(out, BOM);
    for (size_t i = 0; i < n; i++) {
        classroom_csv_cell(out, names[i], true, i == 0);
    }
    classroom_csv_end(out);
}

void classroom_results_csv(const ClassGame *g, time_t now, StrBuf *out)
{
    static const char *const cols[] = {"date",   "pack",         "question id", "prompt",
                                       "team",   "answer",       "correct",     "time ms",
                                       "points", "running total"};
    header(out, cols, sizeof cols / sizeof cols[0]);
    char date[32];
    save_format_time(now, date, sizeof date);
    StrBuf answer = STRBUF_INIT;
    for (int i = 0; i < g->count; i++) {
        const ClassQuestion *q = &g->qs[i];
        if (q->state != CLASS_Q_CLOSED) {
            continue;
        }
        for (int t = 0; t < g->team_count; t++) {
            ClassTeamResult res;
            classroom_team_result(g, i, t, &res);
            strbuf_clear(&answer);
            classroom_answer_text(g, i, t, &answer);
            const char *correct = "";
            if (res.outcome == CLASS_OUT_SCORED) {
                correct = res.line.outcome == OUTCOME_RIGHT     ? "yes"
                          : res.line.outcome == OUTCOME_PARTIAL ? "partly"
                                                                : "no";
            } else if (res.outcome == CLASS_OUT_ABSENT) {
                correct = "no";
            }
            const char *shown = strbuf_cstr(&answer);
            if (!res.answered) {
                shown = res.outcome == CLASS_OUT_ABSENT   ? "(absent)"
                        : res.outcome == CLASS_OUT_SCORED ? "(no answer)"
                                                          : "(no turn)";
            }
            classroom_csv_cell(out, date, true, true);
            classroom_csv_cell(out, q->pick.pack->id, true, false);
            classroom_csv_cell(out, q->pick.question->id, true, false);
            classroom_csv_cell(out, q->pick.question->prompt, true, false);
            classroom_csv_cell(out, g->cfg.team_names[t], true, false);
            classroom_csv_cell(out, shown, true, false);
            classroom_csv_cell(out, correct, true, false);
            if (res.answered) {
                cell_long(out, (long)res.time_ms);
            } else {
                classroom_csv_cell(out, "", false, false);
            }
            cell_long(out, res.outcome == CLASS_OUT_SCORED ? res.line.delta : 0);
            cell_long(out, res.total_after);
            classroom_csv_end(out);
        }
    }
    strbuf_free(&answer);
}

void classroom_summary_csv(const ClassGame *g, time_t now, StrBuf *out)
{
    static const char *const cols[] = {"date",
                                       "pack",
                                       "question",
                                       "question id",
                                       "prompt",
                                       "asked",
                                       "right answer",
                                       "teams",
                                       "teams right",
                                       "percent right",
                                       "most chosen wrong answer",
                                       "chosen by"};
    header(out, cols, sizeof cols / sizeof cols[0]);
    char date[32];
    save_format_time(now, date, sizeof date);
    StrBuf right = STRBUF_INIT;
    for (int i = 0; i < g->count; i++) {
        const Question *q = g->qs[i].pick.question;
        ClassSummary s;
        classroom_summary(g, i, &s);
        strbuf_clear(&right);
        classroom_right_answer_text(q, &right);
        classroom_csv_cell(out, date, true, true);
        classroom_csv_cell(out, g->qs[i].pick.pack->id, true, false);
        cell_long(out, i + 1);
        classroom_csv_cell(out, q->id, true, false);
        classroom_csv_cell(out, q->prompt, true, false);
        classroom_csv_cell(out, s.asked ? "yes" : "no", true, false);
        classroom_csv_cell(out, strbuf_cstr(&right), true, false);
        cell_long(out, s.teams);
        cell_long(out, s.right);
        cell_long(out, s.percent_right);
        classroom_csv_cell(out, s.wrong, true, false);
        cell_long(out, s.wrong_count);
        classroom_csv_end(out);
    }
    strbuf_free(&right);
}

void classroom_answer_key_csv(const Pack *pack, StrBuf *out)
{
    static const char *const cols[] = {"number",       "id",          "type",  "prompt",
                                       "right answer", "explanation", "source"};
    header(out, cols, sizeof cols / sizeof cols[0]);
    StrBuf right = STRBUF_INIT;
    for (int i = 0; i < pack->question_count; i++) {
        const Question *q = &pack->questions[i];
        strbuf_clear(&right);
        classroom_right_answer_text(q, &right);
        char number[16];
        str_format(number, sizeof number, "%d", i + 1);
        classroom_csv_cell(out, number, false, true);
        classroom_csv_cell(out, q->id, true, false);
        classroom_csv_cell(out, question_type_name(q->type), true, false);
        classroom_csv_cell(out, q->prompt ? q->prompt : "", true, false);
        classroom_csv_cell(out, strbuf_cstr(&right), true, false);
        classroom_csv_cell(out, q->explain ? q->explain : "", true, false);
        classroom_csv_cell(out, q->source ? q->source : "", true, false);
        classroom_csv_end(out);
    }
    strbuf_free(&right);
}

static bool write_buf(const SaveIo *io, const char *path, const StrBuf *sb, SaveError *e)
{
    if (sb->oom) {
        if (e) {
            e->err = 0;
            str_format(e->message, sizeof e->message, "could not write %s: out of memory", path);
        }
        return false;
    }
    return save_write_atomic(io, path, strbuf_cstr(sb), sb->len, e);
}

bool classroom_write_answer_key(const Pack *pack, const SaveIo *io, const char *path, SaveError *e)
{
    StrBuf sb = STRBUF_INIT;
    classroom_answer_key_csv(pack, &sb);
    bool ok = save_make_parent_dirs(io, path, e) && write_buf(io, path, &sb, e);
    strbuf_free(&sb);
    return ok;
}

/* "2026-11-29T101500-csto-members" (or "-mixed"), from `now` and the game's packs. */
static void base_name(const ClassGame *g, time_t now, char *out, size_t size)
{
    char iso[32];
    save_format_time(now, iso, sizeof iso); /* 2026-11-29T10:15:00Z */
    const char *pack = g->qs[0].pick.pack->id;
    for (int i = 1; i < g->count; i++) {
        if (strcmp(g->qs[i].pick.pack->id, pack) != 0) {
            pack = "mixed";
            break;
        }
    }
    str_format(out, size, "%.11s%.2s%.2s%.2s-%s", iso, iso + 11, iso + 14, iso + 17, pack);
}

/* Writes both files into `dir`; fills `files` with their paths. */
static bool write_into(const ClassGame *g, const SaveIo *io, const char *dir, time_t now,
                       const StrBuf *results, const StrBuf *summary, ClassResultFiles *files,
                       SaveError *e)
{
    if (!save_make_dirs(io, dir, e)) {
        return false;
    }
    char base[128];
    base_name(g, now, base, sizeof base);
    struct stat st;
    for (int n = 1; n < 1000; n++) {
        char suffix[16] = "";
        if (n > 1) {
            str_format(suffix, sizeof suffix, "-%d", n);
        }
        if (!str_format(files->results, sizeof files->results, "%s/%s%s.csv", dir, base, suffix) ||
            !str_format(files->summary, sizeof files->summary, "%s/%s%s-summary.csv", dir, base,
                        suffix)) {
            if (e) {
                e->err = 0;
                str_format(e->message, sizeof e->message, "the folder name %s is too long", dir);
            }
            return false;
        }
        if (io->stat(io->ctx, files->results, &st) != 0 &&
            io->stat(io->ctx, files->summary, &st) != 0) {
            break;
        }
    }
    if (!write_buf(io, files->results, results, e)) {
        return false;
    }
    if (!write_buf(io, files->summary, summary, e)) {
        /* never one file of the pair: the game is written again, whole, where it can be */
        io->unlink(io->ctx, files->results);
        return false;
    }
    return true;
}

bool classroom_write_results(const ClassGame *g, const SaveIo *io, const char *dir,
                             const char *fallback_dir, time_t now, ClassResultFiles *files,
                             SaveError *e)
{
    SaveError spare, first = {0, "no results folder was set"};
    e = e ? e : &spare;
    memset(files, 0, sizeof *files);
    StrBuf results = STRBUF_INIT, summary = STRBUF_INIT;
    classroom_results_csv(g, now, &results);
    classroom_summary_csv(g, now, &summary);
    bool ok = dir && write_into(g, io, dir, now, &results, &summary, files, &first);
    /* the same folder twice would fail the same way and say so twice */
    if (!ok && fallback_dir && !(dir && strcmp(dir, fallback_dir) == 0)) {
        ok = write_into(g, io, fallback_dir, now, &results, &summary, files, e);
        if (ok) {
            files->fell_back = true;
            e->err = first.err;
            str_format(e->message, sizeof e->message,
                       "%.300s; the results were saved in %.150s instead", first.message,
                       fallback_dir);
        } else {
            char second[300];
            str_copy(second, sizeof second, e->message);
            e->err = first.err;
            str_format(e->message, sizeof e->message, "%.200s; %.300s", first.message, second);
        }
    } else if (!ok) {
        *e = first;
    }
    strbuf_free(&results);
    strbuf_free(&summary);
    return ok;
}
