/* SPDX-License-Identifier: EUPL-1.2 */
/* body_lines.h - the lines of a record's body source, for exact columns.
 *
 * cmark gives inline nodes a line but not always the column a reader
 * counts (indentation and entities shift it), and it keeps only the start
 * number of an ordered list; rules that need the text as written look it
 * up here. */
#ifndef CLERK_BODY_LINES_H
#define CLERK_BODY_LINES_H

#include <stddef.h>

struct record;

struct body_lines {
	const char *text;
	size_t *starts; /* offset of each line's first byte; one more for the end */
	size_t n;       /* number of lines */
};

/* Indexes the lines of rec's body (one pass). Free with body_lines_free;
 * the index is valid as long as the record's body text. */
void body_lines_init(struct body_lines *bl, const struct record *rec);
/* Returns body line `line` (1-based, as cmark counts) and its length
 * without the line end in *len, or NULL when there is no such line. */
const char *body_lines_get(const struct body_lines *bl, int line, size_t *len);
/* Returns the 1-based byte column of needle (nlen bytes) in body line
 * `line`, searching from column `from` up to `window` bytes further; 0 when
 * it is not there. */
int body_lines_find(const struct body_lines *bl, int line, int from, const char *needle,
		    size_t nlen, size_t window);
void body_lines_free(struct body_lines *bl);

#endif
