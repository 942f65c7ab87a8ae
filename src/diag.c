/* SPDX-License-Identifier: EUPL-1.2 */
/* diag.c - the catalogue table and the diagnostic list every rule reports to. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "util.h"

const struct rule_info rule_catalogue[RULE_COUNT] = {
#define RULE(id, name, sev, summary) {name, sev, summary},
#include "rules.def"
#undef RULE
};

static const char *const severity_names[] = {"off", "info", "warning", "error"};

int rule_lookup(const char *name)
{
	int i;

	for (i = 0; i < RULE_COUNT; i++)
		if (strcmp(rule_catalogue[i].name, name) == 0)
			return i;
	return -1;
}

const char *severity_name(enum severity sev)
{
	return severity_names[sev];
}

int severity_parse(const char *name)
{
	int i;

	for (i = SEV_OFF; i <= SEV_ERROR; i++)
		if (strcmp(severity_names[i], name) == 0)
			return i;
	return -1;
}

struct diag *diag_report(struct diag_list *list, const char *path, int line, int col,
			 enum rule_id rule, const char *fmt, ...)
{
	struct diag *d;
	va_list ap;

	xgrow((void **)&list->items, &list->cap, list->n, sizeof *list->items);
	d = &list->items[list->n++];
	memset(d, 0, sizeof *d);
	d->seq = list->n;
	d->path = xstrdup(path);
	d->line = line > 0 ? line : 1;
	d->col = col > 0 ? col : 1;
	d->rule = rule;
	d->severity = rule_catalogue[rule].severity;
	va_start(ap, fmt);
	d->message = xvasprintf(_(fmt), ap);
	va_end(ap);
	return d;
}

void diag_set_end(struct diag *d, int end_line, int end_col)
{
	if (d == NULL)
		return;
	d->end_line = end_line;
	d->end_col = end_col;
}

void diag_set_help(struct diag *d, const char *fmt, ...)
{
	va_list ap;

	if (d == NULL)
		return;
	free(d->help);
	va_start(ap, fmt);
	d->help = xvasprintf(_(fmt), ap);
	va_end(ap);
}

void diag_reword(struct diag *d, const char *fmt, ...)
{
	va_list ap;

	free(d->message);
	va_start(ap, fmt);
	d->message = xvasprintf(_(fmt), ap);
	va_end(ap);
}

void diag_set_fix(struct diag *d, int line, int col, int end_line, int end_col, const char *text)
{
	if (d == NULL)
		return;
	if (d->fix == NULL)
		d->fix = xmalloc(sizeof *d->fix);
	else
		free(d->fix->text);
	d->fix->line = line;
	d->fix->col = col;
	d->fix->end_line = end_line;
	d->fix->end_col = end_col;
	d->fix->text = xstrdup(text);
	d->fix->sure = 0;
}

void diag_set_sure_fix(struct diag *d, int line, int col, int end_line, int end_col,
		       const char *text)
{
	diag_set_fix(d, line, col, end_line, end_col, text);
	if (d != NULL)
		d->fix->sure = 1;
}

void diag_add_related(struct diag *d, const char *path, int line, int col, const char *message)
{
	struct diag_related *r;

	if (d == NULL)
		return;
	/* Few related places per diagnostic: grow one at a time. */
	d->related = xrealloc(d->related, (d->nrelated + 1) * sizeof *d->related);
	r = &d->related[d->nrelated++];
	r->path = xstrdup(path);
	r->line = line;
	r->col = col;
	r->message = message ? xstrdup(_(message)) : NULL;
}

/* Frees what d owns. */
static void diag_free(struct diag *d)
{
	size_t i;

	free(d->path);
	free(d->message);
	free(d->help);
	if (d->fix != NULL)
		free(d->fix->text);
	free(d->fix);
	for (i = 0; i < d->nrelated; i++) {
		free(d->related[i].path);
		free(d->related[i].message);
	}
	free(d->related);
}

void diag_list_move(struct diag_list *dst, struct diag_list *src)
{
	size_t i;

	for (i = 0; i < src->n; i++) {
		xgrow((void **)&dst->items, &dst->cap, dst->n, sizeof *dst->items);
		dst->items[dst->n++] = src->items[i];
	}
	free(src->items);
	src->items = NULL;
	src->n = src->cap = 0;
}

void diag_list_apply_severity(struct diag_list *list, const enum severity *severity)
{
	size_t i, kept = 0;

	for (i = 0; i < list->n; i++) {
		/* A severity the configuration leaves at the catalogue's default
		 * keeps the one the rule gave (body-patterns give their own). */
		if (severity != NULL &&
		    severity[list->items[i].rule] != rule_catalogue[list->items[i].rule].severity)
			list->items[i].severity = severity[list->items[i].rule];
		if (list->items[i].severity == SEV_OFF)
			diag_free(&list->items[i]);
		else
			list->items[kept++] = list->items[i];
	}
	list->n = kept;
}

static int diag_compare(const void *pa, const void *pb)
{
	const struct diag *a = pa, *b = pb;
	int c = strcmp(a->path, b->path);

	if (c != 0)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	c = strcmp(rule_catalogue[a->rule].name, rule_catalogue[b->rule].name);
	if (c != 0)
		return c;
	/* At one place, the order the rule reported them in: missing
	 * sections stay in schema order, never alphabetical. */
	if (a->seq != b->seq)
		return a->seq < b->seq ? -1 : 1;
	return strcmp(a->message, b->message);
}

void diag_list_sort(struct diag_list *list)
{
	if (list->n > 1)
		qsort(list->items, list->n, sizeof *list->items, diag_compare);
}

void diag_list_filter(struct diag_list *list, int (*keep)(const struct diag *d, void *data),
		      void *data)
{
	size_t i, n = 0;

	for (i = 0; i < list->n; i++) {
		if (keep(&list->items[i], data))
			list->items[n++] = list->items[i];
		else
			diag_free(&list->items[i]);
	}
	list->n = n;
}

size_t diag_list_count(const struct diag_list *list, enum severity sev)
{
	size_t i, n = 0;

	for (i = 0; i < list->n; i++)
		n += list->items[i].severity == sev;
	return n;
}

void diag_list_free(struct diag_list *list)
{
	size_t i;

	for (i = 0; i < list->n; i++)
		diag_free(&list->items[i]);
	free(list->items);
	list->items = NULL;
	list->n = list->cap = 0;
}
