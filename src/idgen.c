/* SPDX-License-Identifier: EUPL-1.2 */
/* idgen.c - reading ids against an id template, and making the next one. */
#include "idgen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SEQ_DIGITS_MAX 18

static int is_name(const struct template_seg *seg, const char *name)
{
	return seg->placeholder && seg->len == strlen(name) &&
	       memcmp(seg->text, name, seg->len) == 0;
}

/* Reads up to max digits (at least min) at id[*pos]; returns -1 when too few. */
static long read_digits(const char *id, size_t len, size_t *pos, size_t min, size_t max)
{
	long v = 0;
	size_t k = 0;

	while (*pos < len && k < max && id[*pos] >= '0' && id[*pos] <= '9') {
		v = v * 10 + (id[*pos] - '0');
		(*pos)++;
		k++;
	}
	return k < min ? -1 : v;
}

/* Matches literal text (or a field's value) at id[*pos]. */
static int read_text(const char *id, size_t len, size_t *pos, const char *text, size_t n)
{
	if (n > len - *pos || memcmp(id + *pos, text, n) != 0)
		return 0;
	*pos += n;
	return 1;
}

/* Reads one segment at id[*pos]; returns 0 when it does not match. */
static int read_seg(const struct template_seg *seg, const char *id, size_t len, size_t *pos,
		    template_lookup fields, void *ctx, long *year, long *seq)
{
	const char *value;

	if (!seg->placeholder)
		return read_text(id, len, pos, seg->text, seg->len);
	if (is_name(seg, "year")) {
		*year = read_digits(id, len, pos, 4, 4);
		return *year >= 0;
	}
	if (is_name(seg, "seq")) {
		*seq = read_digits(id, len, pos, seg->width > 0 ? (size_t)seg->width : 1,
				   SEQ_DIGITS_MAX);
		return *seq >= 0;
	}
	value = fields ? fields(ctx, seg->text, seg->len) : NULL;
	return value != NULL && read_text(id, len, pos, value, strlen(value));
}

int idgen_match(const struct template *t, const char *id, size_t len, template_lookup fields,
		void *ctx, long *year, long *seq)
{
	size_t i, pos = 0;

	*year = -1;
	*seq = -1;
	for (i = 0; i < t->n; i++)
		if (!read_seg(&t->segs[i], id, len, &pos, fields, ctx, year, seq))
			return 0;
	return pos == len && *seq >= 0;
}

struct make_ctx {
	template_lookup fields;
	void *ctx;
	char year[24], seq[24];
};

static const char *make_value(void *arg, const char *name, size_t len)
{
	struct make_ctx *m = arg;

	if (len == 4 && memcmp(name, "year", 4) == 0)
		return m->year;
	if (len == 3 && memcmp(name, "seq", 3) == 0)
		return m->seq;
	return m->fields ? m->fields(m->ctx, name, len) : NULL;
}

char *idgen_make(const struct template *t, long year, long seq, template_lookup fields, void *ctx)
{
	struct make_ctx m = {.fields = fields, .ctx = ctx};

	snprintf(m.year, sizeof m.year, "%04ld", year);
	snprintf(m.seq, sizeof m.seq, "%ld", seq);
	return template_expand(t, make_value, &m);
}

long idgen_highest(const struct template *t, const char *const *ids, size_t n, long year,
		   template_lookup fields, void *ctx)
{
	long best = 0, y, seq;
	int by_year = template_has(t, "year");
	size_t i;

	for (i = 0; i < n; i++)
		if (idgen_match(t, ids[i], strlen(ids[i]), fields, ctx, &y, &seq) &&
		    (!by_year || y == year) && seq > best)
			best = seq;
	return best;
}
