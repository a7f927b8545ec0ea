/* fuzz_settings.c - libFuzzer harness for settings.ini (settings_load, which reads a file, so
 * the input is written to a scratch folder first) and the INI document under it (inidoc.h).
 * Promises checked: every value loaded is in its documented range; a document parsed and
 * formatted reads back as the same document; settings saved read back cleanly, the same, and
 * are saved again byte for byte. */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/inidoc.h"
#include "core/pack.h"
#include "core/settings.h"
#include "core/strbuf.h"

static bool same_doc(const IniDoc *a, const IniDoc *b)
{
    if (inidoc_record_count(a) != inidoc_record_count(b)) {
        return false;
    }
    for (size_t r = 0; r < inidoc_record_count(a); r++) {
        if (strcmp(inidoc_record_section(a, r), inidoc_record_section(b, r)) != 0 ||
            inidoc_entry_count(a, r) != inidoc_entry_count(b, r)) {
            return false;
        }
        for (size_t i = 0; i < inidoc_entry_count(a, r); i++) {
            if (strcmp(inidoc_entry_key(a, r, i), inidoc_entry_key(b, r, i)) != 0 ||
                strcmp(inidoc_entry_value(a, r, i), inidoc_entry_value(b, r, i)) != 0) {
                return false;
            }
        }
    }
    return true;
}

static void complain(const char *what, const char *text, const DiagList *diags)
{
    StrBuf why = STRBUF_INIT;
    diag_list_format(diags, &why);
    fuzz_check(false, "%s:\n%s\n---\n%s", what, text, strbuf_cstr(&why));
}

/* parse -> format -> parse gives the same document; the text is then stable. */
static void check_inidoc(const uint8_t *data, size_t size)
{
    DiagList diags = DIAGLIST_INIT;
    bool clean = false;
    IniDoc *doc = inidoc_parse_partial("doc.ini", (const char *)data, size, &diags, &clean);
    fuzz_check(doc != NULL, "inidoc_parse_partial failed without running out of memory");
    fuzz_check(clean || diags.counts[DIAG_WARNING] > 0, "a line was skipped without a warning");
    IniDoc *strict = inidoc_parse("doc.ini", (const char *)data, size, &diags);
    fuzz_check((strict != NULL) == clean, "inidoc_parse and inidoc_parse_partial disagree");
    inidoc_destroy(strict);
    size_t len = 0;
    char *text = inidoc_format(doc, &len);
    fuzz_check(text != NULL, "out of memory");
    DiagList d2 = DIAGLIST_INIT;
    IniDoc *again = inidoc_parse("again.ini", text, len, &d2);
    if (!again) {
        complain("what inidoc_format wrote does not read back", text, &d2);
    }
    if (!same_doc(doc, again)) {
        size_t len2 = 0;
        char *text2 = inidoc_format(again, &len2);
        fuzz_check(false, "what inidoc_format wrote reads back as another document:\n%s\n---\n%s",
                   text, text2);
    }
    size_t len2 = 0;
    char *text2 = inidoc_format(again, &len2);
    fuzz_check(text2 && len2 == len && memcmp(text, text2, len) == 0, "inidoc_format is unstable");
    free(text2);
    inidoc_destroy(again);
    diag_list_free(&d2);
    free(text);
    inidoc_destroy(doc);
    diag_list_free(&diags);
}

/* inidoc's setters refuse (see inidoc_value_ok) whatever would not read back the same: each
 * line of the input as `key=value` (a 0x1F byte in the value for a line break) and as a
 * section name, set in a document, must read back as it was set. */
static void check_setters(const uint8_t *data, size_t size)
{
    char *text = fuzz_strndup(data, size);
    IniDoc *doc = inidoc_create("set.ini");
    fuzz_check(doc != NULL, "out of memory");
    StrBuf kept = STRBUF_INIT; /* key NUL value NUL section NUL, for each line set */
    char *line = text;
    for (int n = 0; line && n < 64; n++) {
        char *next = strchr(line, '\n');
        if (next) {
            *next++ = '\0';
        }
        char *value = strchr(line, '=');
        if (value) {
            *value++ = '\0';
            for (char *c = value; *c; c++) {
                *c = *c == 0x1F ? '\n' : *c;
            }
        }
        const char *section = inidoc_section_ok(line) ? line : "s";
        if (value && inidoc_set(doc, section, line, value)) {
            strbuf_append(&kept, line, strlen(line) + 1);
            strbuf_append(&kept, value, strlen(value) + 1);
            strbuf_append(&kept, section, strlen(section) + 1);
        }
        line = next;
    }
    size_t len = 0;
    char *out = inidoc_format(doc, &len);
    DiagList diags = DIAGLIST_INIT;
    IniDoc *again = out ? inidoc_parse("set.ini", out, len, &diags) : NULL;
    if (!again) {
        complain("what inidoc_set accepted does not read back", out ? out : "", &diags);
    }
    for (const char *k = kept.data; k && k < kept.data + kept.len;) {
        const char *v = k + strlen(k) + 1, *sec = v + strlen(v) + 1;
        const char *now = inidoc_get(doc, sec, k), *back = inidoc_get(again, sec, k);
        fuzz_check(now && back && strcmp(now, back) == 0, "[%s] %s reads back as '%s', not '%s'",
                   sec, k, back ? back : "(none)", now ? now : "(none)");
        k = sec + strlen(sec) + 1;
    }
    inidoc_destroy(again);
    inidoc_destroy(doc);
    diag_list_free(&diags);
    strbuf_free(&kept);
    free(out);
    free(text);
}

static void check_ranges(const Settings *s)
{
    fuzz_check(s->question_count >= SETTINGS_COUNT_MIN && s->question_count <= SETTINGS_COUNT_MAX &&
                   s->new_per_day >= 0 && s->new_per_day <= 1000 && s->review_cap >= 1 &&
                   s->review_cap <= 10000 && s->day_start >= 0 && s->day_start <= 23 &&
                   s->retention >= 0.70 - 1e-9 && s->retention <= 0.99 + 1e-9 &&
                   s->max_interval >= 1 && s->max_interval <= 36500,
               "a setting is out of its range");
    fuzz_check(s->topic[0] == '\0' || pack_id_valid(s->topic), "topic '%s' is no tag", s->topic);
    fuzz_check(memchr(s->packs, '\0', sizeof s->packs) && !strchr(s->packs, ' '),
               "packs '%s' is not a clean list", s->packs);
    double r = settings_retention(s, "csto-members");
    fuzz_check(r >= 0.70 - 1e-9 && r <= 0.99 + 1e-9, "a pack's retention is out of range");
}

static bool same_settings(const Settings *a, const Settings *b)
{
    double d = a->retention - b->retention;
    return a->muted == b->muted && a->fullscreen == b->fullscreen &&
           a->reduce_motion == b->reduce_motion && a->timed == b->timed &&
           a->relaxed == b->relaxed && a->question_count == b->question_count &&
           strcmp(a->packs, b->packs) == 0 && strcmp(a->topic, b->topic) == 0 &&
           a->new_per_day == b->new_per_day && a->review_cap == b->review_cap &&
           a->day_start == b->day_start && d > -0.005 && d < 0.005 &&
           a->max_interval == b->max_interval && a->two_buttons == b->two_buttons &&
           a->quiz_feeds == b->quiz_feeds;
}

FUZZ_TARGET(settings)
{
    check_inidoc(data, size);
    check_setters(data, size);
    char path[4200], saved[4200];
    fuzz_path(path, sizeof path, "settings.ini");
    fuzz_path(saved, sizeof saved, "saved.ini");
    fuzz_write(path, data, size);
    Settings s;
    settings_init(&s);
    DiagList diags = DIAGLIST_INIT;
    LoadReport report;
    bool loaded = settings_load(&s, fuzz_io(), path, FUZZ_NOW, &diags, &report);
    fuzz_check(loaded && !s.save_blocked, "a readable file was not loaded");
    fuzz_check(report.set_aside == (diags.counts[DIAG_WARNING] > 0),
               "set aside without a warning, or a warning without setting aside");
    check_ranges(&s);
    SaveError e;
    if (!settings_save(&s, fuzz_io(), saved, &e)) {
        fuzz_check(false, "settings that loaded cannot be saved: %s", e.message);
    }
    Settings again;
    settings_init(&again);
    DiagList d2 = DIAGLIST_INIT;
    LoadReport r2;
    fuzz_check(settings_load(&again, fuzz_io(), saved, FUZZ_NOW, &d2, &r2), "saved file unread");
    if (r2.set_aside || d2.count > 0) {
        size_t len;
        char *text;
        save_read_file(r2.set_aside ? r2.aside : saved, SETTINGS_FILE_MAX, &text, &len, NULL);
        complain("saved settings do not read back cleanly", text ? text : "", &d2);
    }
    fuzz_check(same_settings(&s, &again), "saved settings read back different");
    size_t len1 = 0, len2 = 0;
    char *text1 = NULL, *text2 = NULL;
    save_read_file(saved, SETTINGS_FILE_MAX, &text1, &len1, NULL);
    fuzz_check(settings_save(&again, fuzz_io(), saved, &e), "saving again failed: %s", e.message);
    save_read_file(saved, SETTINGS_FILE_MAX, &text2, &len2, NULL);
    fuzz_check(text1 && text2 && len1 == len2 && memcmp(text1, text2, len1) == 0,
               "saving what was read back writes another file");
    free(text1);
    free(text2);
    settings_free(&again);
    settings_free(&s);
    diag_list_free(&d2);
    diag_list_free(&diags);
    fuzz_clear();
    return 0;
}
