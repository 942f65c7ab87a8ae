/* SPDX-License-Identifier: EUPL-1.2 */
/* lsp_pos.c - byte columns to UTF-16 columns and back, over a line index. */
#include "lsp_pos.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* The UTF-16 units that the byte c stands for when it starts a character
 * (a continuation byte counts 0; a four-byte character 2; a stray byte 1,
 * as an editor shows it as one replacement character). */
static long units_of(unsigned char c)
{
	if (c >= 0x80 && c < 0xC0)
		return 0;
	return c >= 0xF0 && c < 0xF8 ? 2 : 1;
}

void lsp_lines_index(struct lsp_lines *l, const char *text, size_t len)
{
	size_t i = 0, cap = 0;

	memset(l, 0, sizeof *l);
	l->text = text;
	l->len = len;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	for (;;) {
		xgrow((void **)&l->start, &cap, l->n, sizeof *l->start);
		l->end = xrealloc(l->end, cap * sizeof *l->end);
		l->start[l->n] = i;
		while (i < len && text[i] != '\n' && text[i] != '\r')
			i++;
		l->end[l->n++] = i;
		if (i >= len)
			break;
		i += text[i] == '\r' && i + 1 < len && text[i + 1] == '\n' ? 2 : 1;
	}
}

void lsp_lines_free(struct lsp_lines *l)
{
	free(l->start);
	free(l->end);
	memset(l, 0, sizeof *l);
}

long lsp_utf16_of(const struct lsp_lines *l, int line, int bytecol)
{
	size_t i, stop;
	long units = 0;

	if (line < 1 || (size_t)line > l->n)
		return 0;
	i = l->start[line - 1];
	stop = bytecol > 1 ? i + (size_t)(bytecol - 1) : i;
	if (stop > l->end[line - 1])
		stop = l->end[line - 1];
	for (; i < stop; i++)
		units += units_of((unsigned char)l->text[i]);
	return units;
}

size_t lsp_offset_of(const struct lsp_lines *l, long line0, long utf16)
{
	size_t i, end;
	long units = 0, u;

	if (line0 < 0)
		return 0;
	if ((size_t)line0 >= l->n)
		return l->len;
	i = l->start[line0];
	end = l->end[line0];
	while (i < end) {
		u = units_of((unsigned char)l->text[i]);
		if (u > 0 && units + u > utf16)
			break;
		units += u;
		i++;
		/* the rest of a character belongs with its first byte */
		while (i < end && units_of((unsigned char)l->text[i]) == 0)
			i++;
	}
	return i;
}

int lsp_bytecol_of(const struct lsp_lines *l, long line0, long utf16)
{
	if (line0 < 0 || (size_t)line0 >= l->n)
		return 1;
	return (int)(lsp_offset_of(l, line0, utf16) - l->start[line0]) + 1;
}

long lsp_line_utf16_len(const struct lsp_lines *l, int line)
{
	if (line < 1 || (size_t)line > l->n)
		return 0;
	return lsp_utf16_of(l, line, (int)(l->end[line - 1] - l->start[line - 1]) + 1);
}
