/* SPDX-License-Identifier: EUPL-1.2 */
/* rule_text.c - dates written in the body: text-date-invalid, text-date-weekday.
 *
 * Only cmark's text nodes are read, so code spans, code blocks, HTML, link
 * destinations and the alt text of images are never taken for dates; the
 * text of an autolink (a bare URL) is skipped too. The text nodes of one
 * run of lines (separated only by soft breaks) are read as one text, so a
 * date written across a line end is found; a hard break or the end of a
 * paragraph separates. */
#include <cmark.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "body_lines.h"
#include "date.h"
#include "i18n.h"
#include "load_yaml.h"
#include "rules.h"
#include "text_date.h"
#include "util.h"

/* How far after cmark's column a date is looked for in the source line:
 * entities and escapes before it make the source longer than the text. */
#define SEARCH_WINDOW 256

/* One text node of a run: where its literal starts in the joined text,
 * and where cmark puts it. */
struct segment {
	size_t off, end;
	int line, col;
};

struct text_scan {
	struct rule_ctx *ctx;
	const struct text_dates *td;
	pcre2_match_data *md;
	struct body_lines lines;
	int year;              /* of the record's date, -1 when it has none */
	int month, day;        /* of the record's date */
	int cur_line, cur_col; /* where the last date was found, searches go on from here */
	struct buf run;        /* the text nodes of a run, joined by "\n" at soft breaks */
	struct segment *segs;
	size_t nsegs, cap;
	cmark_node *run_last; /* the last text node of the run scanned, until visited */
};

/* Reads the year, month and day of the record's date field into sc; the
 * year is -1 when there is none. */
static void record_date(struct text_scan *sc, const struct record *rec)
{
	const struct ynode *v = rec->front ? ynode_get(rec->front, "date") : NULL;
	long days;

	sc->year = -1;
	if (v == NULL || v->kind != YNODE_SCALAR || date_parse(v->text, v->len, &days) != DATE_OK)
		return;
	sc->year = atoi(v->text);
	sc->month = atoi(v->text + 5);
	sc->day = atoi(v->text + 8);
}

/* True when the words next to the date at [start, end) of text say it is
 * the coming one: "a.s." or "aanstaande" after it, "aanstaande" or
 * "komende" before it. */
static int says_coming(const char *text, size_t len, size_t start, size_t end)
{
	static const char *const after[] = {"a.s.", "aanstaande", "aanst."};
	static const char *const before[] = {"aanstaande", "komende"};
	size_t i, n, k = end;

	while (k < len && (text[k] == ' ' || text[k] == '\n'))
		k++;
	for (i = 0; i < sizeof after / sizeof *after; i++)
		if (len - k >= strlen(after[i]) &&
		    strncasecmp(text + k, after[i], strlen(after[i])) == 0)
			return 1;
	for (k = start; k > 0 && (text[k - 1] == ' ' || text[k - 1] == '\n'); k--)
		;
	for (i = 0; i < sizeof before / sizeof *before; i++) {
		n = strlen(before[i]);
		if (k >= n && strncasecmp(text + k - n, before[i], n) == 0 &&
		    (k == n || text[k - n - 1] == ' ' || text[k - n - 1] == '\n'))
			return 1;
	}
	return 0;
}

/* A date without a year written in a record of November or December may
 * mean the coming January to March: it is read in the next year when the
 * text says so ("a.s.", "komende"), or when only the next year's day has
 * the weekday written. "aanstaande" alone moves any day that lies before
 * the record's own day in the year. Returns 1 when the year was moved. */
static int assume_next_year(const struct text_scan *sc, struct text_date *d)
{
	int coming, early;

	if (d->year_written || d->year < 0 || d->month < 1 || d->month > 12)
		return 0;
	coming = says_coming(sc->run.data, sc->run.len, d->start, d->end);
	early = d->month < sc->month || (d->month == sc->month && d->day < sc->day);
	if (!early || (!coming && (sc->month < 11 || d->month > 3 || d->weekday < 0)))
		return 0;
	if (!coming && (!date_valid(d->year + 1, d->month, d->day) ||
			date_weekday(d->year + 1, d->month, d->day) != d->weekday ||
			(date_valid(d->year, d->month, d->day) &&
			 date_weekday(d->year, d->month, d->day) == d->weekday)))
		return 0;
	d->year++;
	return 1;
}

/* True when node is the text of an autolink such as <https://...>. */
static int autolink_text(cmark_node *node)
{
	cmark_node *parent = cmark_node_parent(node);
	const char *url, *lit = cmark_node_get_literal(node);

	if (parent == NULL || cmark_node_get_type(parent) != CMARK_NODE_LINK || lit == NULL)
		return 0;
	url = cmark_node_get_url(parent);
	return url != NULL && (strcmp(url, lit) == 0 ||
			       (strncmp(url, "mailto:", 7) == 0 && strcmp(url + 7, lit) == 0));
}

/* The file column of d (offsets in the joined run), found in the source
 * line of its segment from cmark's column on; the part of the date on that
 * line is what is looked for. */
static int date_column(struct text_scan *sc, const struct segment *seg, const struct text_date *d)
{
	int col = seg->col + (int)(d->start - seg->off), from = col, found;
	size_t end = d->end < seg->end ? d->end : seg->end;

	if (seg->line == sc->cur_line && sc->cur_col > from)
		from = sc->cur_col;
	found = body_lines_find(&sc->lines, seg->line, from, sc->run.data + d->start,
				end - d->start, SEARCH_WINDOW);
	if (found == 0)
		return col;
	sc->cur_line = seg->line;
	sc->cur_col = found + (int)(end - d->start);
	return found;
}

static void report_invalid(struct text_scan *sc, int line, int col, const struct text_date *d,
			   const char *why, int next_year)
{
	struct diag *dg;

	if (next_year)
		dg = diag_report(
		    sc->ctx->diags, sc->ctx->rec->path, line, col, RULE_TEXT_DATE_INVALID,
		    "the date '%s' does not exist in %d, the year after the record's date, "
		    "which clerk assumed because the text says the day is still to come: %s",
		    d->written, d->year, why);
	else if (d->year_written || d->year < 0)
		dg = diag_report(sc->ctx->diags, sc->ctx->rec->path, line, col,
				 RULE_TEXT_DATE_INVALID, "the date '%s' does not exist: %s",
				 d->written, why);
	else
		dg = diag_report(
		    sc->ctx->diags, sc->ctx->rec->path, line, col, RULE_TEXT_DATE_INVALID,
		    "the date '%s' does not exist in %d, the year of the record's date: "
		    "%s",
		    d->written, d->year, why);
	diag_set_help(dg, "correct the day or the month");
}

static void report_weekday(struct text_scan *sc, int line, int col, const char *lit,
			   const struct text_date *d, int real, int next_year)
{
	const char *name = text_date_weekday_name(real, d->lang);
	char year[160] = "";
	struct diag *dg;

	if (next_year)
		snprintf(year, sizeof year,
			 _(" %d (clerk assumed the year after the record's date)"), d->year);
	else if (!d->year_written)
		snprintf(year, sizeof year, " %d", d->year);
	if (d->lang == TEXT_LANG_NL)
		dg = diag_report(sc->ctx->diags, sc->ctx->rec->path, line, col,
				 RULE_TEXT_DATE_WEEKDAY,
				 "the weekday '%.*s' does not match the date: %s%s is een %s",
				 (int)d->weekday_len, lit + d->start, d->written, year, name);
	else
		dg = diag_report(sc->ctx->diags, sc->ctx->rec->path, line, col,
				 RULE_TEXT_DATE_WEEKDAY,
				 "the weekday '%.*s' does not match the date: %s%s was a %s",
				 (int)d->weekday_len, lit + d->start, d->written, year, name);
	diag_set_help(dg, "correct the weekday or the date");
}

/* The date as written, a soft break read as a space. */
static void unbreak(struct text_date *d)
{
	char *p;

	for (p = d->written; *p != '\0'; p++)
		if (*p == '\n')
			*p = ' ';
}

/* Returns the segment of the run that holds offset off. */
static const struct segment *segment_at(const struct text_scan *sc, size_t off)
{
	size_t i = 0;

	while (i + 1 < sc->nsegs && sc->segs[i + 1].off <= off)
		i++;
	return &sc->segs[i];
}

static void judge(struct text_scan *sc, struct text_date *d)
{
	char why[128];
	const struct segment *seg;
	int real = -1, file_line, c, next_year = assume_next_year(sc, d);
	enum text_date_verdict v = text_date_judge(d, why, sizeof why, &real);

	if (v == TEXT_DATE_OK)
		return;
	unbreak(d);
	seg = segment_at(sc, d->start);
	file_line = seg->line + sc->ctx->rec->body_line - 1;
	c = date_column(sc, seg, d);
	if (v == TEXT_DATE_INVALID)
		report_invalid(sc, file_line, c, d, why, next_year);
	else
		report_weekday(sc, file_line, c, sc->run.data, d, real, next_year);
}

/* True when s holds a digit: every date does, most lines do not. */
static int has_digit(const char *s)
{
	for (; *s != '\0'; s++)
		if (*s >= '0' && *s <= '9')
			return 1;
	return 0;
}

static int is_text(cmark_node *node)
{
	return node != NULL && cmark_node_get_type(node) == CMARK_NODE_TEXT;
}

static int is_soft_break(cmark_node *node)
{
	return node != NULL && cmark_node_get_type(node) == CMARK_NODE_SOFTBREAK;
}

/* Appends the literal of text node to sc->run as a new segment. */
static void add_segment(struct text_scan *sc, cmark_node *node)
{
	const char *lit = cmark_node_get_literal(node);
	struct segment *seg;

	xgrow((void **)&sc->segs, &sc->cap, sc->nsegs, sizeof *sc->segs);
	seg = &sc->segs[sc->nsegs++];
	seg->off = sc->run.len;
	buf_puts(&sc->run, lit != NULL ? lit : "");
	seg->end = sc->run.len;
	seg->line = cmark_node_get_start_line(node);
	seg->col = cmark_node_get_start_column(node);
}

/* Joins node and the text nodes after it that nothing or only a soft
 * break separates (one paragraph's lines) into sc->run, a soft break as
 * "\n", so that a date written across a line end is found. A hard break,
 * emphasis, code or a link ends the run. Returns the run's last text node. */
static cmark_node *join_run(struct text_scan *sc, cmark_node *node)
{
	cmark_node *next;

	sc->run.len = 0;
	sc->nsegs = 0;
	for (;;) {
		add_segment(sc, node);
		next = cmark_node_next(node);
		if (is_soft_break(next) && is_text(cmark_node_next(next))) {
			buf_add(&sc->run, "\n", 1);
			next = cmark_node_next(next);
		}
		if (!is_text(next))
			return node;
		node = next;
	}
}

static void scan_text(struct text_scan *sc, cmark_node *node)
{
	struct text_date found[2];
	size_t pos = 0;
	int k, i;

	if (autolink_text(node))
		return;
	sc->run_last = join_run(sc, node);
	if (sc->run_last == node)
		sc->run_last = NULL;
	if (sc->run.data == NULL || !has_digit(sc->run.data))
		return;
	if (sc->md == NULL) {
		body_lines_init(&sc->lines, sc->ctx->rec);
		sc->md = text_dates_match_data(sc->td);
		if (sc->md == NULL)
			return;
	}
	for (k = text_dates_next(sc->td, sc->md, sc->run.data, sc->run.len, &pos, sc->year, found);
	     k > 0;
	     k = text_dates_next(sc->td, sc->md, sc->run.data, sc->run.len, &pos, sc->year, found))
		for (i = 0; i < k; i++)
			judge(sc, &found[i]);
}

void rule_text_dates(struct rule_ctx *ctx)
{
	struct text_scan sc = {0};
	cmark_iter *it;
	cmark_event_type ev;
	cmark_node *node;
	int images = 0;

	sc.ctx = ctx;
	sc.td = text_dates_shared();
	record_date(&sc, ctx->rec);
	if (ctx->rec->body == NULL || sc.td == NULL)
		return;
	it = cmark_iter_new(ctx->rec->body);
	if (it == NULL)
		return;
	for (ev = cmark_iter_next(it); ev != CMARK_EVENT_DONE; ev = cmark_iter_next(it)) {
		node = cmark_iter_get_node(it);
		if (cmark_node_get_type(node) == CMARK_NODE_IMAGE)
			images += ev == CMARK_EVENT_ENTER ? 1 : -1;
		else if (ev != CMARK_EVENT_ENTER || images > 0 || !is_text(node))
			continue;
		else if (sc.run_last != NULL) /* already read as part of a run */
			sc.run_last = node == sc.run_last ? NULL : sc.run_last;
		else
			scan_text(&sc, node);
	}
	cmark_iter_free(it);
	pcre2_match_data_free(sc.md);
	body_lines_free(&sc.lines);
	buf_free(&sc.run);
	free(sc.segs);
}
