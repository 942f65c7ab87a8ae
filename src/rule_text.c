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

/* How far after cmark's column a date is looked for in the source line:
 * entities and escapes before it make the source longer than the text. */
#define SEARCH_WINDOW 256

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

/* The file column of d, found in the source line from cmark's column on. */
static int date_column(struct text_scan *sc, int line, int col, const char *lit,
		       const struct text_date *d)
{
	int from = col + (int)d->start, found;

	if (line == sc->cur_line && sc->cur_col > from)
		from = sc->cur_col;
	found = body_lines_find(&sc->lines, line, from, lit + d->start, d->end - d->start,
				SEARCH_WINDOW);
	if (found == 0)
		return col + (int)d->start;
	sc->cur_line = line;
	sc->cur_col = found + (int)(d->end - d->start);
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

static void judge(struct text_scan *sc, int line, int col, const char *lit,
		  const struct text_date *d)
{
	char why[128];
	int real = -1, file_line = line + sc->ctx->rec->body_line - 1, c;
	enum text_date_verdict v = text_date_judge(d, why, sizeof why, &real);

	if (v == TEXT_DATE_OK)
		return;
	c = date_column(sc, line, col, lit, d);
	if (v == TEXT_DATE_INVALID)
		report_invalid(sc, file_line, c, d, why);
	else
		report_weekday(sc, file_line, c, lit, d, real);
}

/* True when s holds a digit: every date does, most lines do not. */
static int has_digit(const char *s)
{
	for (; *s != '\0'; s++)
		if (*s >= '0' && *s <= '9')
			return 1;
	return 0;
}

static void scan_text(struct text_scan *sc, cmark_node *node)
{
	const char *lit = cmark_node_get_literal(node);
	struct text_date found[2];
	size_t pos = 0, len;
	int k, i, line = cmark_node_get_start_line(node), col = cmark_node_get_start_column(node);

	if (lit == NULL || !has_digit(lit) || autolink_text(node))
		return;
	len = strlen(lit);
	if (sc->md == NULL) {
		body_lines_init(&sc->lines, sc->ctx->rec);
		sc->md = text_dates_match_data(sc->td);
		if (sc->md == NULL)
			return;
	}
	for (k = text_dates_next(sc->td, sc->md, lit, len, &pos, sc->year, found); k > 0;
	     k = text_dates_next(sc->td, sc->md, lit, len, &pos, sc->year, found))
		for (i = 0; i < k; i++)
			judge(sc, line, col, lit, &found[i]);
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
		else if (ev == CMARK_EVENT_ENTER && images == 0 &&
			 cmark_node_get_type(node) == CMARK_NODE_TEXT)
			scan_text(&sc, node);
	}
	cmark_iter_free(it);
	pcre2_match_data_free(sc.md);
	body_lines_free(&sc.lines);
}
