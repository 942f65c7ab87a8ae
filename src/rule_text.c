/* rule_text.c - dates written in the body: text-date-invalid, text-date-weekday.
 *
 * Only cmark's text nodes are read, so code spans, code blocks, HTML, link
 * destinations and the alt text of images are never taken for dates; the
 * text of an autolink (a bare URL) is skipped too. */
#include <cmark.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "body_lines.h"
#include "date.h"
#include "load_yaml.h"
#include "rules.h"
#include "text_date.h"
#include "util.h"

/* How far after cmark's column a date is looked for in the source line:
 * entities and escapes before it make the source longer than the text. */
#define SEARCH_WINDOW 256

/* One text node within a run of running text: its bytes in the run and
 * where cmark places it. */
struct text_seg {
	size_t off, len;
	int line, col;
};

struct text_scan {
	struct rule_ctx *ctx;
	const struct text_dates *td;
	pcre2_match_data *md;
	struct body_lines lines;
	int year;              /* of the record's date, -1 when it has none */
	int cur_line, cur_col; /* where the last date was found, searches go on from here */
};

/* Returns the year of the record's date field, or -1. */
static int record_year(const struct record *rec)
{
	const struct ynode *v = rec->front ? ynode_get(rec->front, "date") : NULL;
	long days;

	if (v == NULL || v->kind != YNODE_SCALAR || date_parse(v->text, v->len, &days) != DATE_OK)
		return -1;
	return atoi(v->text);
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

/* The file column of a date whose first bytes (nlen, within one text node)
 * are needle, found in the source line from the column cmark suggests on;
 * col itself when it is not there. */
static int date_column(struct text_scan *sc, int line, int col, const char *needle, size_t nlen)
{
	int from = col, found;

	if (line == sc->cur_line && sc->cur_col > from)
		from = sc->cur_col;
	found = body_lines_find(&sc->lines, line, from, needle, nlen, SEARCH_WINDOW);
	if (found == 0)
		return col;
	sc->cur_line = line;
	sc->cur_col = found + (int)nlen;
	return found;
}

static void report_invalid(struct text_scan *sc, int line, int col, const struct text_date *d,
			   const char *why)
{
	struct diag *dg;

	if (d->year_written || d->year < 0)
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
			   const struct text_date *d, int real)
{
	const char *name = text_date_weekday_name(real, d->lang);
	char year[16] = "";
	struct diag *dg;

	if (!d->year_written)
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

/* Judges d, found in text (a run of one paragraph's text), and reports it at
 * the source place of its first bytes: within the text node seg. */
static void judge(struct text_scan *sc, const struct text_seg *seg, const char *text,
		  const struct text_date *d)
{
	char why[128];
	int real = -1, file_line = seg->line + sc->ctx->rec->body_line - 1, c;
	size_t seg_end = seg->off + seg->len;
	size_t nlen = (d->end < seg_end ? d->end : seg_end) - d->start;
	enum text_date_verdict v = text_date_judge(d, why, sizeof why, &real);

	if (v == TEXT_DATE_OK)
		return;
	c = date_column(sc, seg->line, seg->col + (int)(d->start - seg->off), text + d->start,
			nlen);
	if (v == TEXT_DATE_INVALID)
		report_invalid(sc, file_line, c, d, why);
	else
		report_weekday(sc, file_line, c, text, d, real);
}

/* True when s holds a digit: every date does, most lines do not. */
static int has_digit(const char *s)
{
	for (; *s != '\0'; s++)
		if (*s >= '0' && *s <= '9')
			return 1;
	return 0;
}

/* True when node belongs to a run of running text: a text node (not the
 * text of an autolink) or a line break inside a paragraph. */
static int run_member(cmark_node *node)
{
	cmark_node_type t = cmark_node_get_type(node);

	if (t == CMARK_NODE_TEXT)
		return !autolink_text(node);
	return t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK;
}

/* Returns the text node segment holding byte off of the run (the last one
 * starting at or before it). */
static const struct text_seg *seg_at(const struct text_seg *segs, size_t n, size_t off)
{
	size_t lo = 0, hi = n;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (segs[mid].off <= off)
			lo = mid;
		else
			hi = mid;
	}
	return &segs[lo];
}

/* Reads the run of text nodes and line breaks that starts at first as one
 * text, a line break as a space, so that a date may run over a line end. */
static void scan_run(struct text_scan *sc, cmark_node *first)
{
	struct buf b = {0};
	struct text_seg *segs = NULL;
	struct text_date found[2];
	size_t nsegs = 0, cap = 0, pos = 0;
	cmark_node *n;
	const char *lit;
	int k, i;

	for (n = first; n != NULL && run_member(n); n = cmark_node_next(n)) {
		lit = cmark_node_get_literal(n);
		if (cmark_node_get_type(n) != CMARK_NODE_TEXT || lit == NULL) {
			buf_add(&b, " ", 1);
			continue;
		}
		xgrow((void **)&segs, &cap, nsegs, sizeof *segs);
		segs[nsegs].off = b.len;
		segs[nsegs].len = strlen(lit);
		segs[nsegs].line = cmark_node_get_start_line(n);
		segs[nsegs].col = cmark_node_get_start_column(n);
		buf_add(&b, lit, segs[nsegs].len);
		nsegs++;
	}
	if (nsegs == 0 || !has_digit(b.data))
		goto done;
	if (sc->md == NULL) {
		body_lines_init(&sc->lines, sc->ctx->rec);
		sc->md = text_dates_match_data(sc->td);
		if (sc->md == NULL)
			goto done;
	}
	for (k = text_dates_next(sc->td, sc->md, b.data, b.len, &pos, sc->year, found); k > 0;
	     k = text_dates_next(sc->td, sc->md, b.data, b.len, &pos, sc->year, found))
		for (i = 0; i < k; i++)
			judge(sc, seg_at(segs, nsegs, found[i].start), b.data, &found[i]);
done:
	buf_free(&b);
	free(segs);
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
	sc.year = record_year(ctx->rec);
	if (ctx->rec->body == NULL || sc.td == NULL)
		return;
	it = cmark_iter_new(ctx->rec->body);
	if (it == NULL)
		return;
	for (ev = cmark_iter_next(it); ev != CMARK_EVENT_DONE; ev = cmark_iter_next(it)) {
		node = cmark_iter_get_node(it);
		if (cmark_node_get_type(node) == CMARK_NODE_IMAGE)
			images += ev == CMARK_EVENT_ENTER ? 1 : -1;
		else if (ev == CMARK_EVENT_ENTER && images == 0 && run_member(node) &&
			 (cmark_node_previous(node) == NULL ||
			  !run_member(cmark_node_previous(node))))
			scan_run(&sc, node);
	}
	cmark_iter_free(it);
	pcre2_match_data_free(sc.md);
	body_lines_free(&sc.lines);
}
