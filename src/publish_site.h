/* SPDX-License-Identifier: EUPL-1.2 */
/* publish_site.h - what the parts of `clerk publish` share while writing
 * one site (publish.c: the register, due, feed, sitemap and search pages;
 * publish_record.c: one page per record). */
#ifndef CLERK_PUBLISH_SITE_H
#define CLERK_PUBLISH_SITE_H

#include "due.h"
#include "publish.h"
#include "register.h"
#include "util.h"

struct site {
	const struct check_run *run;
	const struct publish_options *o;
	const char *dir; /* the folder being written */
	struct reg reg;  /* every readable record, by type and id */
	char **slug;     /* per record in reg.ix: its page's name, NULL when left out */
	char **who;      /* per record: its authority (or parties), NULL when none */
	char *
	    words; /* the start of the text of the record page last written, for the search index */
	size_t *series_group; /* per record: its series' first member in series_members */
	size_t *series_members;
	size_t *series_len; /* per first member: the series' length */
	long as_of;
	int failed;
	char why[256];
};

/* A file of the site written in parts (the pages that list every record,
 * the search index, the sitemap): text gathers in b and goes to the file
 * every PAGE_PART bytes, so that memory does not grow with the set. */
struct site_file {
	struct wfile_stream *w; /* NULL when it could not be started */
	char *rel;
	struct buf b;
};

/* In publish_html.c: */
/* Writes text (len bytes) as the new file rel (such as "records/x.html")
 * in the site's folder; on failure sets s->failed and s->why. */
void site_put(struct site *s, const char *rel, const struct buf *text);

/* Starts the new file rel of the site in f; on failure sets s->failed and
 * s->why (the later calls then only free what f holds). */
void site_file_open(struct site *s, struct site_file *f, const char *rel);
/* Hands f->b on to the file when it holds a part's worth of text. */
void site_file_part(struct site *s, struct site_file *f);
/* Writes the rest of f->b, puts the file in place and frees f's memory;
 * on failure sets s->failed and s->why. */
void site_file_close(struct site *s, struct site_file *f);

/* Appends a link to record i's page from a page at root ("" or "../"), its
 * text the record's id; only the id, as text, when i is left out. */
void site_record_link(struct site *s, struct buf *b, const char *root, size_t i);

/* Writes the page of record i (published) into records/, and keeps its
 * authority in s->who and the start of its text in s->words (NULL when it
 * could not be read again). */
void site_record_page(struct site *s, size_t i);

#endif
