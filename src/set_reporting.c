/* SPDX-License-Identifier: EUPL-1.2 */
/* set_reporting.c - whole-set rules over time: agreement-unreported,
 * agreement-overdue, agreement-expired, report-overdue, series-duplicate,
 * series-gap, series-order. All measure against the as-of date. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "rules.h"
#include "set_index.h"
#include "util.h"

/* ---------------------------------------------------------- agreements */

static int reports_on(const struct schema *agreement, const struct summary *u)
{
	const struct schema_reporting *r = &agreement->reporting;
	size_t i;

	for (i = 0; u->schema != NULL && i < r->nreported_by; i++)
		if (strcmp(r->reported_by[i], u->schema->name) == 0)
			return 1;
	return 0;
}

/* Returns the newest dated report that cites agreement ai, or SET_NONE. */
static size_t newest_report(const struct set_index *ix, size_t ai)
{
	const struct summary *a = ix->recs[ai], *u;
	size_t k, best = SET_NONE;

	for (k = ix->in_start[ai]; k < ix->in_start[ai + 1]; k++) {
		u = ix->recs[ix->in[k].from];
		if (ix->in[k].link || u->life == LIFE_DRAFT || u->date.days < 0 ||
		    !reports_on(a->schema, u))
			continue;
		if (best == SET_NONE || u->date.days > ix->recs[best]->date.days)
			best = ix->in[k].from;
	}
	return best;
}

/* True when a record that might report on agreements of type t could not be read. */
static int reporters_unreadable(const struct set_index *ix, const struct schema *t)
{
	const struct schema_reporting *r = &t->reporting;
	size_t i, k;

	for (i = 0; i < ix->nunreadable; i++) {
		for (k = 0; k < r->nreported_by; k++)
			if (strcmp(ix->unreadable[i]->name, r->reported_by[k]) == 0)
				return 1;
	}
	return 0;
}

static void check_expired(const struct summary *a, long as_of, struct diag_list *diags)
{
	/* An end before the start is date-order's finding, not this one. */
	if (a->life != LIFE_IN_FORCE || a->end.days < 0 || a->end.days >= as_of ||
	    a->end.days < a->start.days)
		return;
	diag_report(diags, a->path, a->end.line, a->end.col, RULE_AGREEMENT_EXPIRED,
		    "this %s ended on %s, but its status is still '%s'; change the status or "
		    "the end",
		    a->schema->title, a->end.text, a->status);
}

long set_agreement_due(const struct set_index *ix, size_t ai, char due[11], size_t *newest)
{
	const struct summary *a = ix->recs[ai];
	const struct summary_date *from = &a->date;
	size_t r = newest_report(ix, ai);
	long due_days;

	*newest = r;
	if (r != SET_NONE)
		from = &ix->recs[r]->date;
	if (a->schema == NULL || a->id_from_name || a->id_bad ||
	    reporters_unreadable(ix, a->schema))
		return -1;
	if (a->life != LIFE_IN_FORCE || a->interval == NULL || from->days < 0)
		return -1;
	due_days = date_add(from->text, a->interval, due);
	if (due_days < 0 || (a->end.days >= 0 && a->end.days < due_days))
		return -1;
	return due_days;
}

static void check_reported(const struct set_index *ix, size_t ai, long as_of,
			   struct diag_list *diags)
{
	const struct summary *a = ix->recs[ai];
	char due[11], every[128];
	size_t r;
	long due_days = set_agreement_due(ix, ai, due, &r);

	if (due_days < 0 || due_days >= as_of)
		return;
	duration_words(a->interval, every, sizeof every);
	if (r == SET_NONE)
		diag_report(diags, a->path, a->interval_line, a->interval_col,
			    RULE_AGREEMENT_UNREPORTED,
			    "this %s must be reported every %s, but no report cites it; the "
			    "first was due on %s",
			    a->schema->title, every, due);
	else
		diag_report(diags, a->path, a->interval_line, a->interval_col,
			    RULE_AGREEMENT_OVERDUE,
			    "this %s must be reported every %s; the newest report, %s (%s), is "
			    "of %s, so the next was due on %s",
			    a->schema->title, every, ix->recs[r]->id, ix->recs[r]->path,
			    ix->recs[r]->date.text, due);
}

void set_check_reporting(const struct set_index *ix, long as_of, struct diag_list *diags)
{
	const struct summary *a;
	size_t i;

	for (i = 0; i < ix->n; i++) {
		a = ix->recs[i];
		if (a->schema == NULL || a->id_from_name || a->id_bad ||
		    a->schema->reporting.interval == NULL)
			continue;
		check_expired(a, as_of, diags);
		if (a->end.days < 0 || a->end.days >= as_of)
			check_reported(ix, i, as_of, diags);
	}
}

/* -------------------------------------------------------------- series */

static const struct set_index *sort_ix;

static int by_number(const void *pa, const void *pb)
{
	const struct summary *a = sort_ix->recs[*(const size_t *)pa];
	const struct summary *b = sort_ix->recs[*(const size_t *)pb];

	if (a->number != b->number)
		return a->number < b->number ? -1 : 1;
	return *(const size_t *)pa < *(const size_t *)pb ? -1 : 1;
}

static void report_same_number(const struct set_index *ix, const size_t *m, size_t from, size_t to,
			       struct diag_list *diags)
{
	const struct summary *s;
	struct buf others;
	size_t i;

	for (i = from; i < to; i++) {
		s = ix->recs[m[i]];
		memset(&others, 0, sizeof others);
		set_name_others(&others, ix, m + from, to - from, i - from);
		diag_report(diags, s->path, s->number_line, s->number_col, RULE_SERIES_DUPLICATE,
			    "number %ld of series '%s' is also used by %s; give each report its "
			    "own number",
			    s->number, s->series, others.data);
		buf_free(&others);
	}
}

static void report_gap(const struct summary *s, long low, struct diag_list *diags)
{
	long first = low + 1, last = s->number - 1;

	if (first == last)
		diag_report(diags, s->path, s->number_line, s->number_col, RULE_SERIES_GAP,
			    "report %ld of series '%s' is missing before this one (%ld)", first,
			    s->series, s->number);
	else
		diag_report(diags, s->path, s->number_line, s->number_col, RULE_SERIES_GAP,
			    "reports %ld to %ld of series '%s' are missing before this one (%ld)",
			    first, last, s->series, s->number);
}

/* Checks one series, its members m[0..n) sorted by number; incomplete
 * when a report that may belong to it has no readable number, so that
 * gaps and the newest report cannot be known. */
static void check_one_series(const struct set_index *ix, const size_t *m, size_t n, long as_of,
			     int incomplete, struct diag_list *diags)
{
	const struct summary *s, *latest = NULL, *newest = ix->recs[m[n - 1]];
	size_t i, run;

	for (i = 0; i < n; i = run) {
		s = ix->recs[m[i]];
		for (run = i + 1; run < n && ix->recs[m[run]]->number == s->number; run++)
			;
		if (run - i > 1)
			report_same_number(ix, m, i, run, diags);
		if (i > 0 && s->number > ix->recs[m[i - 1]]->number + 1 && !incomplete)
			report_gap(s, ix->recs[m[i - 1]]->number, diags);
		if (latest != NULL && s->date.days >= 0 && s->date.days < latest->date.days &&
		    latest->number < s->number)
			diag_report(diags, s->path, s->date.line, s->date.col, RULE_SERIES_ORDER,
				    "this is report %ld of series '%s', but it is dated %s, before "
				    "report %ld (%s) of %s",
				    s->number, s->series, s->date.text, latest->number,
				    latest->path, latest->date.text);
		for (; i < run; i++)
			if (ix->recs[m[i]]->date.days >= 0 &&
			    (latest == NULL || ix->recs[m[i]]->date.days > latest->date.days))
				latest = ix->recs[m[i]];
	}
	if (newest->next_report.days >= 0 && newest->next_report.days < as_of && !incomplete)
		diag_report(diags, newest->path, newest->next_report.line, newest->next_report.col,
			    RULE_REPORT_OVERDUE,
			    "this is the newest report of series '%s', and the next was due on %s; "
			    "no later report exists",
			    newest->series, newest->next_report.text);
}

/* Groups the reports by type and series: the keys of the numbered ones
 * (numbered 1), or of those whose number cannot be read (numbered 0). */
static const char **series_keys(const struct set_index *ix, int numbered)
{
	const char **keys = xcalloc(ix->n + 1, sizeof *keys);
	const struct summary *s;
	size_t i;

	for (i = 0; i < ix->n; i++) {
		s = ix->recs[i];
		if (s->schema != NULL && s->series != NULL && !s->id_from_name &&
		    (numbered ? s->has_number : s->series_unknown))
			keys[i] = xasprintf("%s\x1f%s", s->schema->name, s->series);
	}
	return keys;
}

static void free_keys(const char **keys, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free((void *)keys[i]);
}

void set_each_series(const struct set_index *ix, set_series_fn fn, void *ctx)
{
	const char **keys = series_keys(ix, 1), **unknown = series_keys(ix, 0);
	size_t *members = xmalloc((ix->n + 1) * sizeof *members);
	struct smap map, unknown_map;
	size_t i, k, n;

	smap_build(&map, keys, ix->n);
	smap_build(&unknown_map, unknown, ix->n);
	sort_ix = ix;
	for (i = 0; i < ix->n; i++) {
		if (keys[i] == NULL || smap_find(&map, keys[i]) != i)
			continue;
		n = 0;
		for (k = i; k != SET_NONE; k = map.next[k])
			members[n++] = k;
		qsort(members, n, sizeof *members, by_number);
		fn(ix, members, n,
		   smap_find(&unknown_map, keys[i]) != SET_NONE ||
		       set_series_unknown(ix, ix->recs[i]->schema),
		   ctx);
	}
	free_keys(keys, ix->n);
	free_keys(unknown, ix->n);
	smap_free(&map);
	smap_free(&unknown_map);
	free(members);
}

struct series_check {
	long as_of;
	struct diag_list *diags;
};

static void check_series_fn(const struct set_index *ix, const size_t *m, size_t n, int incomplete,
			    void *ctx)
{
	struct series_check *c = ctx;

	check_one_series(ix, m, n, c->as_of, incomplete, c->diags);
}

void set_check_series(const struct set_index *ix, long as_of, struct diag_list *diags)
{
	struct series_check c = {as_of, diags};

	set_each_series(ix, check_series_fn, &c);
}

/* ------------------------------------------------- for the register */

size_t set_newest_report(const struct set_index *ix, size_t ai)
{
	return newest_report(ix, ai);
}
