/* test_wrap.c - line breaking and font-size fitting against fake fonts: a monospace one, a
 * proportional one and one whose kerning makes whole lines wider than their words. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "core/utf8.h"
#include "core/wrap.h"

enum { MAX_TEST_LINES = 2048 };

/* A fake font. Monospace: every character (code point or undecodable byte) is `size` px.
 * Proportional: widths from size/2 (a space) to about 2*size. `kern` px are added for each
 * space between two other characters, so a measured line is wider than its words and spaces
 * measured apart and added up. */
typedef struct Fake {
    int size;
    bool proportional;
    int kern;
    int calls;
    int sizes_set;
    int last_size;
} Fake;

static int char_width(const Fake *f, int32_t cp)
{
    if (!f->proportional || cp < 0) {
        return f->size;
    }
    if (cp == ' ') {
        return f->size / 2;
    }
    return f->size * (4 + (int)(cp % 9)) / 6;
}

static int fake_width(const Fake *f, const char *text, int len)
{
    int width = 0;
    int i = 0;
    while (i < len) {
        int32_t cp = -1;
        size_t n = utf8_decode(text + i, (size_t)(len - i), &cp);
        if (n == 0) {
            cp = -1;
            n = 1;
        }
        width += char_width(f, cp);
        if (cp == ' ' && i > 0 && i + 1 < len && text[i - 1] != ' ' && text[i + 1] != ' ') {
            width += f->kern;
        }
        i += (int)n;
    }
    return width;
}

static int fake_measure(void *ctx, const char *text, int len)
{
    Fake *f = ctx;
    f->calls++;
    return fake_width(f, text, len);
}

static void fake_set_size(void *ctx, int size)
{
    Fake *f = ctx;
    f->size = size;
    f->sizes_set++;
    f->last_size = size;
}

static int fake_line_height(void *ctx, int size)
{
    (void)ctx;
    return size + size / 4;
}

/* Grapheme clusters in `len` bytes; an undecodable byte is one. */
static int count_clusters(const char *s, int len)
{
    int count = 0;
    int32_t prev = -1;
    utf8proc_int32_t state = 0;
    int i = 0;
    while (i < len) {
        int32_t cp = -1;
        size_t n = utf8_decode(s + i, (size_t)(len - i), &cp);
        if (n == 0) {
            cp = -1;
            n = 1;
        }
        if (prev < 0 || cp < 0 || utf8proc_grapheme_break_stateful(prev, cp, &state)) {
            count++;
            state = 0;
        }
        prev = cp;
        i += (int)n;
    }
    return count;
}

static bool is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Wraps and checks what must hold for every text: lines in order, nothing lost (the text
 * between lines is only break spaces and at most one '\n'), no line wider than the box unless
 * it is one cluster, every width the measured width of its line. Returns the line count. */
static int check_wrap(const char *text, int max_width, Fake *f, WrapLine *lines)
{
    int n = wrap_lines(text, max_width, fake_measure, f, lines, MAX_TEST_LINES);
    assert_true(n <= MAX_TEST_LINES);
    int len = (int)strlen(text);
    int pos = 0;
    int newlines = 0;
    for (int i = 0; i < n; i++) {
        const WrapLine *l = &lines[i];
        assert_true(l->start >= pos);
        assert_true(l->len >= 0 && l->start + l->len <= len);
        int gap_newlines = 0;
        for (int k = pos; k < l->start; k++) {
            assert_true(is_ws(text[k]));
            gap_newlines += text[k] == '\n';
        }
        assert_true(gap_newlines <= 1);
        newlines += gap_newlines;
        for (int k = l->start; k < l->start + l->len; k++) {
            assert_int_not_equal(text[k], '\n');
        }
        if (l->len > 0) {
            assert_false(is_ws(text[l->start]));
            assert_false(is_ws(text[l->start + l->len - 1]));
        }
        assert_int_equal(l->width, fake_width(f, text + l->start, l->len));
        if (l->width > max_width) {
            assert_int_equal(count_clusters(text + l->start, l->len), 1);
        }
        pos = l->start + l->len;
    }
    for (int k = pos; k < len; k++) {
        assert_true(is_ws(text[k]));
        newlines += text[k] == '\n';
    }
    int want_newlines = 0;
    for (int k = 0; k < len; k++) {
        want_newlines += text[k] == '\n';
    }
    assert_int_equal(newlines, want_newlines);
    return n;
}

/* Wraps with the monospace fake and compares the lines with `want` (NULL-terminated). */
static void expect_lines(const char *text, int max_width, const char *const *want)
{
    Fake f = {10, false, 0, 0, 0, 0};
    WrapLine lines[MAX_TEST_LINES];
    int n = check_wrap(text, max_width, &f, lines);
    int count = 0;
    while (want[count] != NULL) {
        count++;
    }
    for (int i = 0; i < n && i < count; i++) {
        char got[256];
        assert_true(lines[i].len < (int)sizeof got);
        memcpy(got, text + lines[i].start, (size_t)lines[i].len);
        got[lines[i].len] = '\0';
        assert_string_equal(got, want[i]);
    }
    assert_int_equal(n, count);
}

static void test_words(void **state)
{
    (void)state;
    const char *const want[] = {"the quick", "brown fox", "jumps over", "the lazy", "dog", NULL};
    expect_lines("the quick brown fox jumps over the lazy dog", 100, want);
    const char *const one[] = {"fits on one line", NULL};
    expect_lines("fits on one line", 1000, one);
    /* break spaces collapse, however many */
    const char *const many[] = {"aaaa", "bbbb", NULL};
    expect_lines("aaaa      bbbb", 60, many);
    const char *const keep[] = {"a  b", NULL};
    expect_lines("a  b", 40, keep);
}

static void test_hard_breaks(void **state)
{
    (void)state;
    const char *const blank[] = {"a", "", "b", NULL};
    expect_lines("a\n\nb", 100, blank);
    const char *const trailing[] = {"a", "", NULL};
    expect_lines("a\n", 100, trailing);
    const char *const crlf[] = {"line one", "line two", NULL};
    expect_lines("line one\r\nline two", 100, crlf);
    const char *const spaced[] = {"one", "two three", "four", NULL};
    expect_lines("one  \n  two three four", 90, spaced);
    const char *const only[] = {"", "", NULL};
    expect_lines("\n", 100, only);
}

static void test_empty_and_spaces(void **state)
{
    (void)state;
    Fake f = {10, false, 0, 0, 0, 0};
    WrapLine lines[4];
    assert_int_equal(wrap_lines("", 100, fake_measure, &f, lines, 4), 0);
    assert_int_equal(wrap_lines(NULL, 100, fake_measure, &f, lines, 4), 0);
    assert_int_equal(f.calls, 0);

    assert_int_equal(wrap_lines("     ", 100, fake_measure, &f, lines, 4), 1);
    assert_int_equal(lines[0].len, 0);
    assert_int_equal(lines[0].width, 0);

    const char *const trailing[] = {"abc", NULL};
    expect_lines("abc    ", 100, trailing);
    expect_lines("   abc", 100, trailing);
    const char *const wide[] = {"abc", "def", NULL};
    expect_lines("  abc   def   ", 50, wide);
}

static void test_hyphens_and_slashes(void **state)
{
    (void)state;
    /* a word that fits a line of its own moves down whole */
    const char *const whole[] = {"in", "Nagorno-Karabakh", NULL};
    expect_lines("in Nagorno-Karabakh", 160, whole);
    /* a word too wide for any line breaks after its hyphens first */
    const char *const hyphen[] = {"in", "Nagorno-", "Karabakh", NULL};
    expect_lines("in Nagorno-Karabakh", 100, hyphen);
    const char *const parts[] = {"see a/", "b/c/d", NULL};
    expect_lines("see a/b/c/d", 60, parts);
    /* en dash, em dash, Armenian hyphen */
    const char *const dashes[] = {"1992\xE2\x80\x93", "2002", NULL};
    expect_lines("1992\xE2\x80\x93"
                 "2002",
                 60, dashes);
    const char *const em[] = {"aaaa\xE2\x80\x94", "bbbb", NULL};
    expect_lines("aaaa\xE2\x80\x94"
                 "bbbb",
                 60, em);
    const char *const arm[] = {"\xD5\xA1\xD5\xA2\xD6\x8A", "\xD5\xA3\xD5\xA4", NULL};
    expect_lines("\xD5\xA1\xD5\xA2\xD6\x8A\xD5\xA3\xD5\xA4", 30, arm);
    /* a leading or final hyphen is no break point */
    const char *const lead[] = {"-abcd", "e", NULL};
    expect_lines("-abcde", 50, lead);
}

static void test_long_word(void **state)
{
    (void)state;
    char word[1001];
    for (int i = 0; i < 1000; i++) {
        word[i] = (char)('a' + i % 26);
    }
    word[1000] = '\0';
    Fake f = {10, false, 0, 0, 0, 0};
    WrapLine lines[MAX_TEST_LINES];
    int n = check_wrap(word, 100, &f, lines);
    assert_int_equal(n, 100);
    for (int i = 0; i < n; i++) {
        assert_int_equal(lines[i].len, 10);
        assert_int_equal(lines[i].width, 100);
    }
    /* the word once, each distinct letter once, each line once */
    assert_true(f.calls <= 1 + 26 + 100);

    /* starting on a line that already has a word */
    char text[1100] = "short ";
    memcpy(text + 6, word, sizeof word);
    f.calls = 0;
    n = check_wrap(text, 100, &f, lines);
    assert_int_equal(n, 101);
    assert_int_equal(lines[0].len, 10); /* "short abcd" */
}

static void test_scripts(void **state)
{
    (void)state;
    const char *texts[] = {
        "Организация Договора о коллективной безопасности (ОДКБ) — военно-политический союз",
        "Հավաքական անվտանգության պայմանագրի կազմակերպություն, Հայաստան, Ռուսաստան",
        "Mixed: ОДКБ, ՀԱՊԿ and CSTO / Организация-участница",
    };
    Fake mono = {10, false, 0, 0, 0, 0};
    Fake prop = {10, true, 0, 0, 0, 0};
    WrapLine lines[MAX_TEST_LINES];
    for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
        for (int width = 0; width <= 400; width += 7) {
            check_wrap(texts[t], width, &mono, lines);
            check_wrap(texts[t], width, &prop, lines);
        }
    }
    /* Cyrillic in code points, not bytes: 12 characters per 120 px */
    const char *const cyr[] = {"Организация", "Договора о", "коллективной", "безопасности", NULL};
    expect_lines("Организация Договора о коллективной безопасности", 120, cyr);
    const char *const arm[] = {"Հավաքական", "անվտանգության", NULL};
    expect_lines("Հավաքական անվտանգության", 130, arm);
}

static void test_clusters_stay_whole(void **state)
{
    (void)state;
    /* e + combining acute, three times: 20 px per cluster with the monospace fake */
    const char *text = "e\xCC\x81"
                       "e\xCC\x81"
                       "e\xCC\x81";
    const char *const pairs[] = {"e\xCC\x81", "e\xCC\x81", "e\xCC\x81", NULL};
    expect_lines(text, 30, pairs);
    /* narrower than one cluster: still one cluster per line, never a lone mark */
    Fake f = {10, false, 0, 0, 0, 0};
    WrapLine lines[MAX_TEST_LINES];
    assert_int_equal(check_wrap(text, 10, &f, lines), 3);
    /* a flag (two regional indicators) is one cluster */
    const char *flag = "\xF0\x9F\x87\xA6\xF0\x9F\x87\xB2\xF0\x9F\x87\xB7\xF0\x9F\x87\xBA";
    assert_int_equal(check_wrap(flag, 10, &f, lines), 2);
    assert_int_equal(lines[0].len, 8);
}

static void test_narrower_than_a_character(void **state)
{
    (void)state;
    Fake f = {10, false, 0, 0, 0, 0};
    WrapLine lines[MAX_TEST_LINES];
    const char *text = "héllo wörld";
    for (int width = -5; width < 10; width++) {
        assert_int_equal(check_wrap(text, width, &f, lines), 10);
        for (int i = 0; i < 10; i++) {
            assert_int_equal(count_clusters(text + lines[i].start, lines[i].len), 1);
        }
    }
    assert_int_equal(check_wrap("a-b/c", 0, &f, lines), 5);
}

static void test_invalid_utf8(void **state)
{
    (void)state;
    Fake f = {10, false, 0, 0, 0, 0};
    WrapLine lines[MAX_TEST_LINES];
    const char *bad = "ab\xFF\xFE cd\xC3 \xE2\x82 x\xC0\xAFy \xED\xA0\x80z";
    for (int width = 0; width <= 200; width += 5) {
        check_wrap(bad, width, &f, lines);
    }
    const char *const want[] = {"ab\xFF", "\xFE", "cd\xC3", NULL};
    expect_lines("ab\xFF\xFE cd\xC3", 30, want);
}

static void test_proportional_sweep(void **state)
{
    (void)state;
    const char *text = "The Collective Security Treaty was signed in Tashkent on 15 May 1992; "
                       "the Organization followed in 2002.\nArmenia froze its participation "
                       "in 2024 - a step the article calls   \"temporary\".  ";
    Fake f = {10, true, 0, 0, 0, 0};
    WrapLine lines[MAX_TEST_LINES];
    for (int width = -1; width <= 1200; width++) {
        check_wrap(text, width, &f, lines);
    }
}

static void test_kerning_rebreaks(void **state)
{
    (void)state;
    /* each measured space costs 6 px more than the space measured alone, so lines built from
     * added-up widths come out too wide and must be broken again */
    Fake f = {10, false, 6, 0, 0, 0};
    WrapLine lines[MAX_TEST_LINES];
    const char *text = "aa bb cc dd ee ff gg hh ii jj kk ll mm nn oo pp";
    for (int width = 20; width <= 500; width++) {
        int n = check_wrap(text, width, &f, lines);
        for (int i = 0; i < n; i++) {
            assert_true(lines[i].width <= width);
        }
    }
    /* 80 px holds "aa bb cc" by the sum (80) but not measured whole (92) */
    int n = check_wrap(text, 80, &f, lines);
    assert_int_equal(lines[0].len, 5);
    assert_int_equal(n, 8);
}

static void test_measure_calls_bounded(void **state)
{
    (void)state;
    /* 60 distinct words: each measured once, the space once, each line once */
    char text[2048] = "";
    size_t used = 0;
    for (int i = 0; i < 60; i++) {
        int wrote = snprintf(text + used, sizeof text - used, "%sword%02dx", i ? " " : "", i);
        assert_true(wrote > 0 && (size_t)wrote < sizeof text - used);
        used += (size_t)wrote;
    }
    Fake f = {10, true, 0, 0, 0, 0};
    WrapLine lines[MAX_TEST_LINES];
    int n = check_wrap(text, 300, &f, lines);
    assert_true(n > 5);
    assert_true(f.calls <= 60 + 1 + n);

    /* a repeated short word is measured once */
    f.calls = 0;
    n = check_wrap("yes yes yes yes yes yes yes yes yes yes yes yes", 80, &f, lines);
    assert_true(f.calls <= 2 + n);
}

static void test_max_lines(void **state)
{
    (void)state;
    Fake f = {10, false, 0, 0, 0, 0};
    WrapLine lines[3];
    memset(lines, 0x55, sizeof lines);
    int n = wrap_lines("one two three four five", 50, fake_measure, &f, lines, 2);
    assert_int_equal(n, 5);
    assert_int_equal(lines[0].start, 0);
    assert_int_equal(lines[1].start, 4);
    assert_int_equal(lines[2].start, 0x55555555); /* untouched */
    assert_int_equal(wrap_lines("one two three", 50, fake_measure, &f, NULL, 0), 3);
}

/* Whether `text` fits the box at `size` with no word cut between letters, checked by hand on
 * the lines from wrap_lines(). */
static bool fits_by_hand(const char *text, int box_w, int box_h, int size, bool proportional)
{
    Fake f = {size, proportional, 0, 0, 0, 0};
    WrapLine lines[MAX_TEST_LINES];
    int n = wrap_lines(text, box_w, fake_measure, &f, lines, MAX_TEST_LINES);
    for (int i = 0; i < n; i++) {
        if (lines[i].width > box_w) {
            return false;
        }
        int end = lines[i].start + lines[i].len;
        char last = lines[i].len > 0 ? text[end - 1] : ' ';
        if (text[end] != '\0' && !is_ws(text[end]) && last != '-' && last != '/') {
            return false;
        }
    }
    return n * fake_line_height(&f, size) <= box_h;
}

static void test_fit_largest(void **state)
{
    (void)state;
    const char *text = "Which year was the Collective Security Treaty signed in Tashkent?";
    for (int prop = 0; prop < 2; prop++) {
        for (int box_w = 200; box_w <= 900; box_w += 70) {
            Fake f = {0, prop != 0, 0, 0, 0, 0};
            WrapFitFns fns = {fake_set_size, fake_measure, fake_line_height, &f};
            bool fits = false;
            int size = wrap_fit(text, box_w, 300, 8, 120, &fns, &fits);
            assert_true(fits);
            assert_true(size >= 8 && size <= 120);
            assert_true(fits_by_hand(text, box_w, 300, size, prop != 0));
            if (size < 120) {
                assert_false(fits_by_hand(text, box_w, 300, size + 1, prop != 0));
            }
            assert_int_equal(f.last_size, size);
            /* max first, then a binary search over 112 sizes */
            assert_true(f.sizes_set <= 1 + 8 + 1);
        }
    }
}

static void test_fit_edges(void **state)
{
    (void)state;
    Fake f = {0, false, 0, 0, 0, 0};
    WrapFitFns fns = {fake_set_size, fake_measure, fake_line_height, &f};
    bool fits = false;

    /* short text: the largest size, found with one try */
    assert_int_equal(wrap_fit("Yes", 1000, 1000, 10, 60, &fns, &fits), 60);
    assert_true(fits);
    assert_int_equal(f.sizes_set, 1);

    /* empty text fits at any size */
    assert_int_equal(wrap_fit("", 10, 10, 10, 60, &fns, &fits), 60);
    assert_true(fits);

    /* nothing fits: min_size, fits false, font left at min_size */
    f.sizes_set = 0;
    assert_int_equal(wrap_fit("far too much text for this box", 50, 20, 10, 60, &fns, &fits), 10);
    assert_false(fits);
    assert_int_equal(f.last_size, 10);

    /* min == max, and max < min: only min is tried */
    assert_int_equal(wrap_fit("ab", 100, 100, 20, 20, &fns, &fits), 20);
    assert_true(fits);
    assert_int_equal(wrap_fit("ab", 100, 100, 30, 20, &fns, &fits), 30);
    assert_true(fits);

    /* the size found is exactly the boundary: "abcd" in 100 px is 25 px a character */
    assert_int_equal(wrap_fit("abcd", 100, 1000, 1, 200, &fns, &fits), 25);
    assert_true(fits);
    assert_int_equal(f.last_size, 25);

    /* a size that would cut a word between letters loses to a smaller one that does not:
     * at 50 "Kazakhstan" would be two lines of 5 letters; 25 keeps it whole */
    assert_int_equal(wrap_fit("Kazakhstan", 250, 1000, 5, 100, &fns, &fits), 25);
    assert_true(fits);
    /* unless every size needs the cut */
    assert_int_equal(wrap_fit("Kazakhstan", 45, 1000, 10, 40, &fns, &fits), 40);
    assert_true(fits);
    /* a cut at a hyphen is fine */
    assert_int_equal(wrap_fit("Nagorno-Karabakh", 80, 1000, 5, 100, &fns, &fits), 10);
    assert_true(fits);
}

/* utf8_append_bounded keeps a field within its bytes and never cuts a character in two. */
static void test_append_bounded(void **state)
{
    (void)state;
    char buf[8] = "ab";
    assert_true(utf8_append_bounded(buf, 7, "cd"));
    assert_string_equal(buf, "abcd");
    /* "\xD0\x9C" (2 bytes) fits in 3 bytes left; the next "\xD0\x9C" would need 2 of 1 */
    assert_false(utf8_append_bounded(buf, 7, "\xD0\x9C\xD0\x9C"));
    assert_string_equal(buf, "abcd\xD0\x9C");
    assert_int_equal(strlen(buf), 6);
    assert_true(utf8_valid(buf, strlen(buf), NULL));
    /* one byte left: a 4-byte emoji does not fit at all, an ASCII letter does */
    assert_false(utf8_append_bounded(buf, 7, "\xF0\x9F\x9A\x80"));
    assert_string_equal(buf, "abcd\xD0\x9C");
    assert_false(utf8_append_bounded(buf, 7, "xy"));
    assert_string_equal(buf, "abcd\xD0\x9Cx");
    /* full: nothing more fits, appending nothing is still "all of it" */
    assert_false(utf8_append_bounded(buf, 7, "z"));
    assert_true(utf8_append_bounded(buf, 7, ""));
    assert_string_equal(buf, "abcd\xD0\x9Cx");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words),
        cmocka_unit_test(test_hard_breaks),
        cmocka_unit_test(test_empty_and_spaces),
        cmocka_unit_test(test_hyphens_and_slashes),
        cmocka_unit_test(test_long_word),
        cmocka_unit_test(test_scripts),
        cmocka_unit_test(test_clusters_stay_whole),
        cmocka_unit_test(test_narrower_than_a_character),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_proportional_sweep),
        cmocka_unit_test(test_kerning_rebreaks),
        cmocka_unit_test(test_measure_calls_bounded),
        cmocka_unit_test(test_max_lines),
        cmocka_unit_test(test_fit_largest),
        cmocka_unit_test(test_fit_edges),
        cmocka_unit_test(test_append_bounded),
    };
    return cmocka_run_group_tests_name("wrap", tests, NULL, NULL);
}
