/* SPDX-License-Identifier: EUPL-1.2 */
/* fix.c - the fixes of findings applied to a text in memory, in the order of their places. */
#include "fix.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* The offsets where the lines of a text start: starts[0] is line 1. */
struct lines {
	size_t *starts;
	size_t n, cap, len;
};

/* Fills l with the line starts of text, a UTF-8 byte-order mark skipped. */
static void lines_index(struct lines *l, const char *text, size_t len)
{
	size_t i = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;

	memset(l, 0, sizeof *l);
	l->len = len;
	xgrow((void **)&l->starts, &l->cap, l->n, sizeof *l->starts);
	l->starts[l->n++] = i;
	for (; i < len; i++) {
		if (text[i] != '\n' && text[i] != '\r')
			continue;
		if (text[i] == '\r' && i + 1 < len && text[i + 1] == '\n')
			i++;
		xgrow((void **)&l->starts, &l->cap, l->n, sizeof *l->starts);
		l->starts[l->n++] = i + 1;
	}
}

/* The offset of line, col in the indexed text, or (size_t)-1. A column
 * may point just past the end of its line (an exclusive end), not beyond. */
static size_t lines_offset(const struct lines *l, const char *text, int line, int col)
{
	size_t start, end;

	if (line < 1 || col < 1 || (size_t)line > l->n)
		return (size_t)-1;
	start = l->starts[line - 1];
	end = start;
	while (end < l->len && text[end] != '\n' && text[end] != '\r')
		end++;
	if ((size_t)col - 1 > end - start)
		return (size_t)-1;
	return start + (size_t)col - 1;
}

size_t fix_offset(const char *text, size_t len, int line, int col)
{
	struct lines l;
	size_t at;

	lines_index(&l, text, len);
	at = lines_offset(&l, text, line, col);
	free(l.starts);
	return at;
}

int fix_wanted(const struct diag *d, int rule)
{
	return d->fix != NULL && d->fix->sure && (rule < 0 || (int)d->rule == rule);
}

/* One fix placed in the text. */
struct placed {
	size_t from, to, index;
	const char *text;
};

static int placed_compare(const void *pa, const void *pb)
{
	const struct placed *a = pa, *b = pb;

	if (a->from != b->from)
		return a->from < b->from ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

/* Places the fixes in text; returns how many have a place, sorted. */
static size_t place_all(const char *text, size_t len, const struct diag *const *fixes, size_t n,
			struct placed *out)
{
	struct lines l;
	size_t i, k = 0;
	const struct diag_fix *fix;

	lines_index(&l, text, len);
	for (i = 0; i < n; i++) {
		fix = fixes[i]->fix;
		out[k].from = lines_offset(&l, text, fix->line, fix->col);
		out[k].to = lines_offset(&l, text, fix->end_line, fix->end_col);
		out[k].index = i;
		out[k].text = fix->text;
		if (out[k].from != (size_t)-1 && out[k].to != (size_t)-1 &&
		    out[k].from <= out[k].to)
			k++;
	}
	free(l.starts);
	qsort(out, k, sizeof *out, placed_compare);
	return k;
}

char *fix_apply(const char *text, size_t len, const struct diag *const *fixes, size_t n,
		int *applied, size_t *out_len)
{
	struct placed *placed = xcalloc(n + 1, sizeof *placed);
	struct buf b = {0};
	size_t i, k, done = 0, at = 0;

	k = place_all(text, len, fixes, n, placed);
	for (i = 0; i < k; i++) {
		if (done > 0 && placed[i].from < at)
			continue; /* overlaps the one before: the next round */
		buf_add(&b, text + at, placed[i].from - at);
		buf_puts(&b, placed[i].text);
		at = placed[i].to;
		if (applied != NULL)
			applied[placed[i].index] = 1;
		done++;
	}
	free(placed);
	if (done == 0) {
		buf_free(&b);
		return NULL;
	}
	buf_add(&b, text + at, len - at);
	*out_len = b.len;
	return buf_take(&b);
}

char *fix_old_text(const char *text, size_t len, const struct diag_fix *fix)
{
	struct lines l;
	size_t from, to;
	char *old;

	lines_index(&l, text, len);
	from = lines_offset(&l, text, fix->line, fix->col);
	to = lines_offset(&l, text, fix->end_line, fix->end_col);
	free(l.starts);
	if (from == (size_t)-1 || to == (size_t)-1 || from > to)
		return xstrdup("");
	old = xstrndup(text + from, to - from);
	return old;
}

/* ------------------------------------------------------------ rounds */

#define FIX_ROUNDS 8

/* Returns the file text of path in r, or NULL when it is not changed yet. */
static struct held_text *result_file(struct fix_result *r, const char *path)
{
	size_t i;

	for (i = 0; i < r->nfiles; i++)
		if (strcmp(r->files[i].path, path) == 0)
			return &r->files[i];
	return NULL;
}

/* Sets the text of path in r to text (taken over). */
static void result_set(struct fix_result *r, const char *path, char *text, size_t len)
{
	struct held_text *h = result_file(r, path);

	if (h == NULL) {
		xgrow((void **)&r->files, &r->files_cap, r->nfiles, sizeof *r->files);
		h = &r->files[r->nfiles++];
		h->path = xstrdup(path);
	} else
		free(h->text);
	h->text = text;
	h->len = len;
}

static void add_change(struct fix_result *r, const struct diag *d, const char *text, size_t len)
{
	struct fix_change *c;

	xgrow((void **)&r->changes, &r->cap, r->n, sizeof *r->changes);
	c = &r->changes[r->n++];
	c->path = xstrdup(d->path);
	c->line = d->line;
	c->col = d->col;
	c->rule = d->rule;
	c->message = xstrdup(d->message);
	c->old = fix_old_text(text, len, d->fix);
	c->text = xstrdup(d->fix->text);
}

/* Applies the n fixes (of one file, path) to its current text; returns how
 * many applied. */
static size_t fix_file(struct fix_result *r, const struct project *p, const char *path,
		       const struct diag *const *fixes, size_t n)
{
	struct held_text *h = result_file(r, path);
	struct read_error err;
	size_t len = 0, newlen = 0, i, done = 0;
	char *text = h ? h->text : read_file(path, p->cfg.max_file_size, &len, &err), *fixed;
	int *applied = xcalloc(n + 1, sizeof *applied);

	if (h != NULL)
		len = h->len;
	fixed = text ? fix_apply(text, len, fixes, n, applied, &newlen) : NULL;
	if (fixed != NULL && newlen == len && memcmp(fixed, text, len) == 0) {
		free(fixed); /* the fixes change nothing: do not go round again */
		fixed = NULL;
	}
	for (i = 0; fixed != NULL && i < n; i++)
		if (applied[i]) {
			add_change(r, fixes[i], text, len);
			done++;
		}
	if (h == NULL)
		free(text);
	if (fixed != NULL)
		result_set(r, path, fixed, newlen);
	free(applied);
	return done;
}

/* Applies the sure fixes of run's findings; returns how many applied. The
 * findings are sorted by path, so one file's fixes stand together. */
static size_t fix_round(const struct check_run *run, int rule, struct fix_result *r)
{
	const struct diag **fixes = xcalloc(run->diags.n + 1, sizeof *fixes);
	size_t i, k, n, done = 0;

	for (i = 0; i < run->diags.n; i = k) {
		n = 0;
		for (k = i; k < run->diags.n &&
			    strcmp(run->diags.items[k].path, run->diags.items[i].path) == 0;
		     k++)
			if (fix_wanted(&run->diags.items[k], rule))
				fixes[n++] = &run->diags.items[k];
		if (n > 0)
			done += fix_file(r, run->project, run->diags.items[i].path, fixes, n);
	}
	free(fixes);
	return done;
}

void fix_paths(struct check_run *run, const struct project *p, const char *as_of,
	       char *const *paths, size_t npaths, int rule, struct fix_result *out)
{
	size_t round, i;

	memset(out, 0, sizeof *out);
	check_init(run, p, as_of);
	check_paths(run, paths, npaths);
	for (round = 0; round < FIX_ROUNDS && fix_round(run, rule, out) > 0; round++) {
		check_free(run);
		check_init(run, p, as_of);
		for (i = 0; i < out->nfiles; i++)
			check_hold_text(run, out->files[i].path, out->files[i].text,
					out->files[i].len);
		check_paths(run, paths, npaths);
	}
}

void fix_result_free(struct fix_result *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		free(r->changes[i].path);
		free(r->changes[i].message);
		free(r->changes[i].old);
		free(r->changes[i].text);
	}
	free(r->changes);
	for (i = 0; i < r->nfiles; i++) {
		free(r->files[i].path);
		free(r->files[i].text);
	}
	free(r->files);
	memset(r, 0, sizeof *r);
}
