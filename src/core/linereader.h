/* linereader.h - feeds a file held in memory to inih's ini_parse_stream one raw line at a time,
 * and classifies each line the way inih (r55) will treat it, so that the loader knows the line
 * number and kind of every value inih hands to its handler. Pure C; never prints. */
#ifndef QUIZDECK_LINEREADER_H
#define QUIZDECK_LINEREADER_H

#include <stdbool.h>
#include <stddef.h>

typedef enum LineKind {
    LINE_BLANK,
    LINE_COMMENT,      /* starts with ';' or '#' */
    LINE_SECTION,      /* [name] */
    LINE_KEY,          /* name = value (or name: value) */
    LINE_CONTINUATION, /* indented, after a key in the same section: joined to that key */
    LINE_INVALID,      /* none of the above: inih would report an error */
    LINE_TOO_LONG,     /* longer than inih's buffer; handed to inih as a blank line */
    LINE_KIND_COUNT
} LineKind;

typedef struct LineReader {
    const char *data; /* borrowed; must outlive the reader */
    size_t len;
    size_t pos;
    int lineno;       /* 1-based number of the line last handed out */
    LineKind kind;    /* its kind */
    const char *line; /* its raw bytes, without the line ending (borrowed from data) */
    size_t line_len;
    bool after_key; /* a key line has been seen since the last section line (inih's prev_name) */
    bool ascii;     /* the line has no byte above 0x7F (so it is valid UTF-8) */
    bool has_nul;   /* the line has a NUL byte (inih sees it only up to there) */
} LineReader;

/* Starts reading `len` bytes of `data`. A UTF-8 byte-order mark at the start is skipped. */
void linereader_init(LineReader *r, const char *data, size_t len);

/* The ini_reader callback for ini_parse_stream: `stream` is a LineReader. Copies the next line
 * (without its ending; \n, \r\n and a lone \r all end a line) into `str` and returns `str`, or
 * returns NULL at the end. A line that does not fit in `num` - 1 bytes is not copied: it is
 * handed over as an empty line and classified LINE_TOO_LONG. Sets `ascii` and `has_nul` for
 * the raw line in the same pass that finds its end. */
char *linereader_read(char *str, int num, void *stream);

/* Classifies one raw line as inih r55 treats it. `after_key` says whether a key line came
 * earlier in the same section (only then can an indented line continue a value).
 * On LINE_SECTION, *name and *name_len (if not NULL) give the text between '[' and ']'. */
LineKind linereader_classify(const char *line, size_t len, bool after_key, const char **name,
                             size_t *name_len);

/* "blank", "comment", "section", "key", "continuation", "invalid" or "too long". */
const char *linereader_kind_name(LineKind kind);

#endif
