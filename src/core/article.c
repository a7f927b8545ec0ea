/* article.c - headings of the articles bundled packs cite. */
#include "article.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>

static const char *const csto_headings[] = {
    "Origins and Formation of the Collective Security Treaty Organization",
    "Core Principles and Objectives of the Alliance",
    "Member Countries and Expansion Over Time",
    "Institutional Structure and Decision-Making Processes",
    "Military and Strategic Capabilities of the Collective Security Treaty Organization",
    "Joint military exercises and operational readiness",
    "Integration of defense systems and strategic assets",
    "Role in Regional and Global Security Dynamics",
    "Influence on Eurasian security architecture",
    "Relations with NATO and other international organizations",
    "Challenges and Criticisms Facing the Organization",
    "Notable Missions and Operations Led by the Collective Security Treaty Organization",
    "The Future Trajectory of the Collective Security Treaty Organization",
    "Strategic priorities and potential reforms",
    "Impact of geopolitical shifts in Eurasia",
    "Comparative Analysis with Other Military Alliances",
    NULL,
};

static const Article articles[] = {
    {"csto-article", "The Collective Security Treaty Organization (CSTO)", csto_headings},
};

const Article *article_find(const char *id)
{
    for (size_t i = 0; i < sizeof articles / sizeof articles[0]; i++) {
        if (strcmp(articles[i].id, id) == 0) {
            return &articles[i];
        }
    }
    return NULL;
}

const char *article_heading(const Article *article, const char *text)
{
    for (const char *const *h = article->headings; *h; h++) {
        if (strcmp(*h, text) == 0) {
            return *h;
        }
    }
    return NULL;
}

/* Compares letters and digits only, ignoring ASCII case. */
static bool loosely_equal(const char *a, const char *b)
{
    for (;;) {
        while (*a && !isalnum((unsigned char)*a)) {
            a++;
        }
        while (*b && !isalnum((unsigned char)*b)) {
            b++;
        }
        if (!*a || !*b) {
            return !*a && !*b;
        }
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b)) {
            return false;
        }
        a++;
        b++;
    }
}

const char *article_heading_near(const Article *article, const char *text)
{
    for (const char *const *h = article->headings; *h; h++) {
        if (loosely_equal(*h, text)) {
            return *h;
        }
    }
    return NULL;
}
