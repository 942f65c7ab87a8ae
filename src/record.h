/* SPDX-License-Identifier: EUPL-1.2 */
/* record.h - one loaded record: its front matter tree, its body and its sections.
 *
 * A record owns an arena holding everything loaded from its file; the
 * Markdown syntax tree is kept only until record_free, which the pipeline
 * calls right after the per-record rules, so memory never grows with the
 * number of files. */
#ifndef CLERK_RECORD_H
#define CLERK_RECORD_H

#include <stddef.h>

#include "diag.h"

struct arena;
struct ynode;
struct cmark_node;

/* A heading at the document's section level and what follows it. */
struct section {
	const char *heading; /* the heading's plain text */
	size_t len;
	int line, col;
	int end_line, end_col; /* the heading's last character (inclusive) */
	int has_content;       /* any block before the next heading of this level or higher */
	int spec;              /* index of the schema section it matches, or -1 */
};

struct record {
	struct arena *arena;
	const char *path;          /* as reached from the command-line argument */
	int has_front;             /* the file starts with a front matter block */
	const struct ynode *front; /* the front matter mapping, NULL when invalid */
	int body_line;             /* the file line where the body starts */
	int first_line;            /* the file line of the body's first block */
	struct cmark_node *body;   /* the parsed body, NULL when not parsed */
	int title_level1;          /* the body opens with a level-1 heading */
	int section_level;         /* the heading level of its sections */
	struct section *sections;  /* its headings at section_level */
	size_t nsections;
	/* The body's source: it points into the text given to record_load and
	 * is valid only as long as that text. */
	const char *body_text;
	size_t body_len;
};

/* Loads the record at path from text (len bytes; a BOM is skipped). Always
 * returns a record (free with record_free); problems with the front matter
 * go to diags as frontmatter-invalid. A file that looks like a record but
 * does not open with exactly '---' on its first line (a dash run such as
 * "—-", blank lines first, fields without the line) is frontmatter-missing,
 * with has_front 1 so that it counts. A file without front matter returns a
 * record with has_front 0 and nothing reported. */
struct record *record_load(const char *path, const char *text, size_t len, struct diag_list *diags);
/* Fills rec->sections with the top-level headings of the given level (1-6). */
void record_index_sections(struct record *rec, int level);
/* Returns the plain text of a heading or paragraph node as a heading is
 * matched (malloc'd, never NULL), its length in *len. */
char *record_node_text(struct cmark_node *node, size_t *len);
void record_free(struct record *rec);

#endif
