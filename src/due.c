/* SPDX-License-Identifier: EUPL-1.2 */
/* due.c - what is due, and its formats: table, CSV, JSON and iCalendar. */
#include "due.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "out_util.h"
#include "reg_text.h"
#include "util.h"

/* ---------------------------------------------------------------- items */

static void add_item(struct due_list *d, size_t *cap, enum due_kind kind, const char *date,
		     long days, size_t record, long as_of)
{
	struct due_item *it;

	xgrow((void **)&d->items, cap, d->n, sizeof *d->items);
	it = &d->items[d->n++];
	memset(it, 0, sizeof *it);
	it->kind = kind;
	snprintf(it->date, sizeof it->date, "%s", date);
	it->days = days;
	it->overdue = days < as_of;
	it->record = record;
}

struct series_ctx {
	struct due_list *d;
	size_t *cap;
	long as_of, limit;
};

/* The next report of a series: its newest report's next-report, as
 * report-overdue reads it; none when a report of it cannot be placed. */
static void series_due(const struct set_index *ix, const size_t *m, size_t n, int incomplete,
		       void *ctx)
{
	struct series_ctx *c = ctx;
	const struct summary *newest = ix->recs[m[n - 1]];

	if (incomplete || newest->life == LIFE_DRAFT || newest->next_report.days < 0 ||
	    newest->next_report.days > c->limit)
		return;
	add_item(c->d, c->cap, DUE_SERIES, newest->next_report.text, newest->next_report.days,
		 m[n - 1], c->as_of);
}

/* The next report on agreement i and its end, when in force. */
static void record_due(struct due_list *d, size_t *cap, size_t i, long as_of, long limit)
{
	const struct summary *s = d->ix->recs[i];
	size_t newest;
	char date[11];
	long days;

	if (s->schema == NULL || s->id == NULL || s->id_from_name || s->life != LIFE_IN_FORCE)
		return;
	if (s->schema->reporting.interval != NULL) {
		days = set_agreement_due(d->ix, i, date, &newest);
		if (days >= 0 && days <= limit && (s->end.days < 0 || s->end.days >= as_of))
			add_item(d, cap, DUE_REPORT, date, days, i, as_of);
	}
	/* An end before the start is date-order's finding, not a deadline. */
	if (s->end.days >= 0 && s->end.days <= limit && s->end.days >= s->start.days)
		add_item(d, cap, DUE_END, s->end.text, s->end.days, i, as_of);
}

static const struct set_index *sort_ix;

/* Overdue first, then by date, kind, id and path. */
static int item_compare(const void *pa, const void *pb)
{
	const struct due_item *a = pa, *b = pb;
	const struct summary *ra = sort_ix->recs[a->record], *rb = sort_ix->recs[b->record];
	int rc;

	if (a->overdue != b->overdue)
		return a->overdue ? -1 : 1;
	if (a->days != b->days)
		return a->days < b->days ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	rc = reg_id_compare(ra->id ? ra->id : "", rb->id ? rb->id : "");
	return rc != 0 ? rc : strcmp(ra->path, rb->path);
}

void due_build(struct due_list *d, const struct set_index *ix, const char *as_of, long limit)
{
	struct series_ctx c;
	size_t cap = 0, i;
	long today = -1;

	memset(d, 0, sizeof *d);
	d->ix = ix;
	snprintf(d->as_of, sizeof d->as_of, "%s", as_of);
	date_parse(as_of, strlen(as_of), &today);
	for (i = 0; i < ix->n; i++)
		record_due(d, &cap, i, today, limit);
	c = (struct series_ctx){d, &cap, today, limit};
	set_each_series(ix, series_due, &c);
	sort_ix = ix;
	if (d->n > 1)
		qsort(d->items, d->n, sizeof *d->items, item_compare);
}

void due_free(struct due_list *d)
{
	free(d->items);
	memset(d, 0, sizeof *d);
}

/* ---------------------------------------------------------------- words */

const char *due_what(const struct due_item *item)
{
	static const char *const what[] = {
	    N_("next report"),
	    N_("next report of the series"),
	    N_("ends"),
	};

	return _(what[item->kind]);
}

const char *due_state(const struct due_item *item)
{
	return item->overdue ? _("overdue") : _("due");
}

/* The machine name of a kind, the same in every language. */
static const char *kind_key(enum due_kind kind)
{
	static const char *const keys[] = {"report", "series-report", "end"};

	return keys[kind];
}

char *due_uid(const struct due_list *d, const struct due_item *item)
{
	const struct summary *s = d->ix->recs[item->record];

	if (item->kind == DUE_SERIES)
		return xasprintf("%s-%s-%s@clerk", kind_key(item->kind), s->schema->name,
				 s->series);
	return xasprintf("%s-%s-%s@clerk", kind_key(item->kind), s->schema->name,
			 s->id ? s->id : s->path);
}

/* ---------------------------------------------------------------- table */

#define NCOLS 6

/* The cells of item (for table and CSV): date, state, what, id, title, file. */
static void item_cells(const struct due_list *d, const struct due_item *it,
		       const char *cells[NCOLS])
{
	const struct summary *s = d->ix->recs[it->record];

	cells[0] = it->date;
	cells[1] = due_state(it);
	cells[2] = due_what(it);
	cells[3] = s->id ? s->id : "";
	cells[4] = it->kind == DUE_SERIES ? s->series : s->title ? s->title : "";
	cells[5] = s->path;
}

/* reg_row_fn for the table: the cells of the k-th item. */
static void table_row(const void *data, size_t k, const char **cells)
{
	const struct due_list *d = data;

	item_cells(d, &d->items[k], cells);
}

/* reg_row_fn for CSV: the machine formats keep their words in English. */
static void csv_row(const void *data, size_t k, const char **cells)
{
	const struct due_list *d = data;

	item_cells(d, &d->items[k], cells);
	cells[1] = d->items[k].overdue ? "overdue" : "due";
	cells[2] = kind_key(d->items[k].kind);
}

void due_write_table(FILE *f, const struct due_list *d)
{
	const char *heads[NCOLS] = {_("date"), _("state"),           _("what"),
				    _("id"),   _("title or series"), _("file")};

	reg_write_rows(f, 0, heads, NCOLS, d->n, table_row, d);
}

void due_write_csv(FILE *f, const struct due_list *d)
{
	static const char *const header[NCOLS] = {"date", "state", "what", "id", "title", "path"};

	reg_write_rows(f, 1, header, NCOLS, d->n, csv_row, d);
}

/* ----------------------------------------------------------------- JSON */

static void json_field(FILE *f, const char *name, const char *value)
{
	fprintf(f, ",\"%s\":", name);
	if (value == NULL)
		fputs("null", f);
	else
		out_json_string(f, value);
}

void due_write_json(FILE *f, const struct due_list *d)
{
	const struct due_item *it;
	const struct summary *s;
	size_t k;

	fputs("{\"as_of\":", f);
	out_json_string(f, d->as_of);
	fputs(",\"items\":[", f);
	for (k = 0; k < d->n; k++) {
		it = &d->items[k];
		s = d->ix->recs[it->record];
		fprintf(f, "%s\n{\"date\":\"%s\",\"overdue\":%s", k ? "," : "", it->date,
			it->overdue ? "true" : "false");
		json_field(f, "kind", kind_key(it->kind));
		json_field(f, "id", s->id);
		json_field(f, "type", s->schema->name);
		json_field(f, "title", s->title);
		json_field(f, "series", it->kind == DUE_SERIES ? s->series : NULL);
		json_field(f, "path", s->path);
		fputc('}', f);
	}
	fputs("\n]}\n", f);
}

/* ------------------------------------------------------------ iCalendar */

/* Appends s as an iCalendar TEXT value (RFC 5545 3.3.11): backslash,
 * semicolon and comma escaped, a line break as \n, other control
 * characters and bad UTF-8 left out. */
static void ics_text(struct buf *b, const char *s)
{
	size_t n;

	while (*s != '\0') {
		n = out_utf8_len(s);
		if (n == 0) {
			s++;
			continue;
		}
		if (*s == '\\' || *s == ';' || *s == ',')
			buf_printf(b, "\\%c", *s);
		else if (*s == '\n')
			buf_puts(b, "\\n");
		else if ((unsigned char)*s >= 0x20 && *s != 0x7f)
			buf_add(b, s, n);
		s += n;
	}
}

/* Writes one content line, folded so that no line is longer than 75
 * octets (a fold never splits a UTF-8 character), ending in CRLF. */
static void ics_line(FILE *f, const char *line)
{
	size_t used = 0, n;

	while (*line != '\0') {
		n = out_utf8_len(line);
		n = n ? n : 1;
		if (used + n > 75) {
			fputs("\r\n ", f);
			used = 1;
		}
		fwrite(line, 1, n, f);
		used += n;
		line += n;
	}
	fputs("\r\n", f);
}

/* Writes NAME:text with text escaped. */
static void ics_prop(FILE *f, const char *name, const char *text)
{
	struct buf b = {0};

	buf_printf(&b, "%s:", name);
	ics_text(&b, text);
	ics_line(f, b.data);
	buf_free(&b);
}

/* YYYY-MM-DD as YYYYMMDD. */
static void ics_date(const char *date, char out[9])
{
	memcpy(out, date, 4);
	memcpy(out + 4, date + 5, 2);
	memcpy(out + 6, date + 8, 2);
	out[8] = '\0';
}

static void ics_event(FILE *f, const struct due_list *d, const struct due_item *it,
		      const char *stamp)
{
	const struct summary *s = d->ix->recs[it->record];
	char day[9], next[11], next_day[9], *uid = due_uid(d, it), *summary, *desc;
	const char *name = it->kind == DUE_SERIES ? s->series : s->title ? s->title : "";

	ics_date(it->date, day);
	date_add(it->date, "P1D", next);
	ics_date(next, next_day);
	summary = xasprintf("%s: %s %s", due_what(it), s->id ? s->id : "", name);
	desc = it->overdue ? xasprintf("%s\n%s", s->path, _("overdue")) : xstrdup(s->path);
	ics_line(f, "BEGIN:VEVENT");
	ics_prop(f, "UID", uid);
	fprintf(f, "DTSTAMP:%sT000000Z\r\n", stamp);
	fprintf(f, "DTSTART;VALUE=DATE:%s\r\n", day);
	fprintf(f, "DTEND;VALUE=DATE:%s\r\n", next_day);
	ics_prop(f, "SUMMARY", summary);
	ics_prop(f, "DESCRIPTION", desc);
	ics_line(f, "TRANSP:TRANSPARENT");
	ics_line(f, "END:VEVENT");
	free(uid);
	free(summary);
	free(desc);
}

void due_write_ics(FILE *f, const struct due_list *d)
{
	char stamp[9];
	size_t k;

	ics_date(d->as_of, stamp);
	ics_line(f, "BEGIN:VCALENDAR");
	ics_line(f, "VERSION:2.0");
	ics_line(f, "PRODID:-//clerk//clerk due//EN");
	ics_line(f, "CALSCALE:GREGORIAN");
	for (k = 0; k < d->n; k++)
		ics_event(f, d, &d->items[k], stamp);
	ics_line(f, "END:VCALENDAR");
}
