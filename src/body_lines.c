/* SPDX-License-Identifier: EUPL-1.2 */
/* body_lines.c - an index of the line starts of a record's body. */
#include "body_lines.h"

#include <stdlib.h>
#include <string.h>

#include "record.h"
#include "util.h"

void body_lines_init(struct body_lines *bl, const struct record *rec)
{
	size_t i, cap = 0, len = rec->body_len;
	const char *t = rec->body_text;

	memset(bl, 0, sizeof *bl);
	bl->text = t;
	if (t == NULL)
		return;
	xgrow((void **)&bl->starts, &cap, 0, sizeof *bl->starts);
	bl->starts[0] = 0;
	/* A line ends in LF, CRLF or a lone CR, as in CommonMark. */
	for (i = 0; i < len; i++) {
		if (t[i] != '\n' && t[i] != '\r')
			continue;
		if (t[i] == '\r' && i + 1 < len && t[i + 1] == '\n')
			i++;
		xgrow((void **)&bl->starts, &cap, ++bl->n, sizeof *bl->starts);
		bl->starts[bl->n] = i + 1;
	}
	if (bl->starts[bl->n] < len) {
		xgrow((void **)&bl->starts, &cap, ++bl->n, sizeof *bl->starts);
		bl->starts[bl->n] = len;
	}
}

const char *body_lines_get(const struct body_lines *bl, int line, size_t *len)
{
	const char *p;
	size_t n;

	if (bl->text == NULL || line < 1 || (size_t)line > bl->n)
		return NULL;
	p = bl->text + bl->starts[line - 1];
	n = bl->starts[line] - bl->starts[line - 1];
	while (n > 0 && (p[n - 1] == '\n' || p[n - 1] == '\r'))
		n--;
	*len = n;
	return p;
}

int body_lines_find(const struct body_lines *bl, int line, int from, const char *needle,
		    size_t nlen, size_t window)
{
	size_t len, start = from > 0 ? (size_t)from - 1 : 0, end;
	const char *p = body_lines_get(bl, line, &len);
	size_t i;

	if (p == NULL || nlen == 0 || start >= len)
		return 0;
	end = start + window + nlen < len ? start + window + nlen : len;
	for (i = start; i + nlen <= end; i++)
		if (memcmp(p + i, needle, nlen) == 0)
			return (int)i + 1;
	return 0;
}

void body_lines_free(struct body_lines *bl)
{
	free(bl->starts);
	memset(bl, 0, sizeof *bl);
}
