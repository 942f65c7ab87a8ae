/* SPDX-License-Identifier: EUPL-1.2 */
/* lsp_pos.h - places in a text as clerk counts them and as an editor does.
 *
 * clerk's findings give a line from 1 and a column in bytes from 1; the
 * Language Server Protocol counts lines from 0 and columns in UTF-16 code
 * units from 0 (an accented letter or a Word dash is one unit, an emoji
 * two). A line index over a text converts between the two in time linear
 * in the line. Lines end in LF, CRLF or a lone CR, as in clerk's columns; a
 * UTF-8 byte-order mark before the first line is not part of it. */
#ifndef CLERK_LSP_POS_H
#define CLERK_LSP_POS_H

#include <stddef.h>

/* Where each line of a text starts; the text is borrowed, not copied. */
struct lsp_lines {
	const char *text;
	size_t len;
	size_t *start; /* byte offset of each line's first byte */
	size_t *end;   /* byte offset of each line's end (its terminator) */
	size_t n;      /* at least 1 */
};

/* Indexes text (len bytes). Free with lsp_lines_free. */
void lsp_lines_index(struct lsp_lines *l, const char *text, size_t len);
void lsp_lines_free(struct lsp_lines *l);

/* The UTF-16 column (from 0) of the byte column bytecol (from 1, as in a
 * finding) on line (from 1); clamped to the line. 0 when there is no such
 * line. */
long lsp_utf16_of(const struct lsp_lines *l, int line, int bytecol);

/* The byte offset in the text of the editor's place line0 (from 0),
 * utf16 (from 0); clamped to the line's end, or to the text's end when
 * there is no such line. A place inside a character's surrogate pair is
 * taken as the character's start. */
size_t lsp_offset_of(const struct lsp_lines *l, long line0, long utf16);

/* The byte column (from 1) of the editor's place, on line line0 + 1. */
int lsp_bytecol_of(const struct lsp_lines *l, long line0, long utf16);

/* The UTF-16 length of the line (from 1), without its terminator. */
long lsp_line_utf16_len(const struct lsp_lines *l, int line);

#endif
