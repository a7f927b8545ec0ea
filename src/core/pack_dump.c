/* pack_dump.c - text form of packs and questions. */
#include "pack_dump.h"

#include <stdlib.h>

#include "fold.h"

static void describe_scoring(const Pack *pack, const Question *q, StrBuf *out)
{
    strbuf_printf(out, "  points: %d, %s scoring, ", q->score.points,
                  scoring_rule_name(q->score.rule));
    if (q->time_limit > 0) {
        strbuf_printf(out, "%d s", q->time_limit);
    } else {
        strbuf_puts(out, "untimed");
    }
    if (q->score.penalty > 0) {
        strbuf_printf(out, ", penalty %d", q->score.penalty);
    }
    if (q->score.partial_credit && (q->type == QTYPE_MULTI || q->type == QTYPE_ORDER)) {
        strbuf_puts(out, ", partial credit");
    }
    if (pack->streak_bonus) {
        strbuf_printf(out, ", streak bonus +%d a step up to %d", pack->streak_step,
                      pack->streak_cap);
    }
    strbuf_puts(out, "\n");
}

void pack_describe_question(const Pack *pack, const Question *q, StrBuf *out)
{
    strbuf_printf(out, "[%s] %s (line %d, revision %d, topic %s)\n", q->id,
                  question_type_name(q->type), q->line, q->revision, q->topic);
    strbuf_printf(out, "  prompt: %s\n", q->prompt);
    switch (q->type) {
    case QTYPE_SINGLE:
    case QTYPE_MULTI:
        for (int i = 0; i < q->choice_count; i++) {
            strbuf_printf(out, "  %c) [%c] %s\n", 'a' + i, (q->correct >> i) & 1 ? 'x' : ' ',
                          q->choices[i]);
        }
        break;
    case QTYPE_ORDER:
        strbuf_puts(out, "  right order:\n");
        for (int i = 0; i < q->choice_count; i++) {
            strbuf_printf(out, "  %d. %s\n", i + 1, q->choices[i]);
        }
        break;
    case QTYPE_TRUEFALSE:
        strbuf_printf(out, "  answer: %s\n", q->truth ? "true" : "false");
        break;
    case QTYPE_TEXT:
        strbuf_printf(out, "  matching: %s\n",
                      q->exact ? "exact (NFC, outer spaces trimmed)"
                               : "loose (case, Latin accents, punctuation and spacing ignored)");
        for (int i = 0; i < q->answer_count; i++) {
            char *f = q->exact ? fold_exact(q->answers[i]) : fold_loose(q->answers[i]);
            strbuf_printf(out, "  accepts: %s -> \"%s\"\n", q->answers[i], f ? f : "?");
            free(f);
        }
        break;
    case QTYPE_NUMBER:
        strbuf_printf(out, "  answer: %s%s%s", q->number_text, q->unit ? " " : "",
                      q->unit ? q->unit : "");
        if (q->tolerance > 0) {
            strbuf_printf(out, " (accepts %.15g to %.15g)", q->number - q->tolerance,
                          q->number + q->tolerance);
        } else {
            strbuf_puts(out, " (exactly)");
        }
        strbuf_puts(out, "\n");
        break;
    case QTYPE_COUNT:
        break;
    }
    describe_scoring(pack, q, out);
    strbuf_printf(out, "  explain: %s\n", q->explain);
    strbuf_printf(out, "  source: %s\n", q->source);
}

void pack_dump(const Pack *pack, StrBuf *out)
{
    strbuf_printf(out, "pack %s: %s\n", pack->id, pack->title);
    strbuf_printf(out, "  format %d, language %s, version '%s', author '%s', facts as of '%s'\n",
                  pack->format, pack->language, pack->version, pack->author, pack->facts_as_of);
    if (pack->description[0]) {
        strbuf_printf(out, "  description: %s\n", pack->description);
    }
    if (pack->article) {
        strbuf_printf(out, "  article: %s\n", pack->article);
    }
    strbuf_printf(out, "  %d question%s\n", pack->question_count,
                  pack->question_count == 1 ? "" : "s");
    for (int i = 0; i < pack->question_count; i++) {
        pack_describe_question(pack, &pack->questions[i], out);
    }
}
