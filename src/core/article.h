/* article.h - the source articles that bundled packs are derived from, by id, with their
 * section headings, so that the validator can check a question's `source` word for word.
 * Pure C; data only. */
#ifndef QUIZDECK_ARTICLE_H
#define QUIZDECK_ARTICLE_H

#include <stddef.h>

typedef struct Article {
    const char *id;
    const char *title;
    const char *const *headings; /* NULL-terminated */
} Article;

/* The article with this id, or NULL. Static data. */
const Article *article_find(const char *id);

/* The heading of `article` equal to `text`, or NULL. */
const char *article_heading(const Article *article, const char *text);

/* A heading that equals `text` ignoring case and spacing, for "did you mean" hints, or NULL. */
const char *article_heading_near(const Article *article, const char *text);

#endif
