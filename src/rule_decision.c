/* rule_decision.c - decision-points: the decision section's numbered list.
 *
 * cmark keeps only the start number of an ordered list, so the number of
 * each point is read from the source line where its item starts. */
#include <cmark.h>
#include <stdlib.h>
#include <string.h>

#include "body_lines.h"
#include "rules.h"

struct points {
	struct rule_ctx *ctx;
	const struct section *sec;
	struct body_lines lines;
	long last;     /* the number of the previous point, 0 before the first */
	int last_line; /* its file line */
	int npoints;
};

/* Returns the top-level heading node of section sec, or NULL. */
static cmark_node *section_node(const struct record *rec, const struct section *sec)
{
	cmark_node *node;
	int line = sec->line - rec->body_line + 1;

	for (node = cmark_node_first_child(rec->body); node != NULL; node = cmark_node_next(node))
		if (cmark_node_get_type(node) == CMARK_NODE_HEADING &&
		    cmark_node_get_start_line(node) == line)
			return node;
	return NULL;
}

/* True when node ends the section: a heading at its level or higher. */
static int ends_section(const struct record *rec, cmark_node *node)
{
	return cmark_node_get_type(node) == CMARK_NODE_HEADING &&
	       cmark_node_get_heading_level(node) <= rec->section_level;
}

/* Reads the number written at the start of item; returns it, or -1. */
static long item_number(const struct points *pt, cmark_node *item, int *col)
{
	size_t len, i;
	const char *line = body_lines_get(&pt->lines, cmark_node_get_start_line(item), &len);
	long n = 0;
	int digits = 0;

	i = (size_t)cmark_node_get_start_column(item) - 1;
	if (line == NULL || i > len)
		return -1;
	while (i < len && (line[i] == ' ' || line[i] == '\t'))
		i++;
	*col = (int)i + 1;
	for (; i < len && line[i] >= '0' && line[i] <= '9' && digits < 9; i++, digits++)
		n = n * 10 + (line[i] - '0');
	return digits > 0 ? n : -1;
}

static void check_item(struct points *pt, cmark_node *item)
{
	const struct record *rec = pt->ctx->rec;
	int col = cmark_node_get_start_column(item);
	int line = cmark_node_get_start_line(item) + rec->body_line - 1;
	long n = item_number(pt, item, &col), want = pt->last + 1;

	if (n >= 0 && n != want && pt->last == 0)
		diag_report(pt->ctx->diags, rec->path, line, col, RULE_DECISION_POINTS,
			    "the decision points must be numbered from 1, but the first is %ld", n);
	else if (n >= 0 && n == pt->last)
		diag_report(pt->ctx->diags, rec->path, line, col, RULE_DECISION_POINTS,
			    "decision point %ld is numbered twice (also on line %d); number the "
			    "points 1, 2, 3, ... without repeats",
			    n, pt->last_line);
	else if (n >= 0 && n != want)
		diag_report(pt->ctx->diags, rec->path, line, col, RULE_DECISION_POINTS,
			    "decision point %ld follows %ld (line %d); number the points 1, 2, "
			    "3, ... without gaps, so this one is %ld",
			    n, pt->last, pt->last_line, want);
	if (cmark_node_first_child(item) == NULL)
		diag_report(pt->ctx->diags, rec->path, line, col, RULE_DECISION_POINTS,
			    "decision point %ld is empty; write the decision after its number",
			    n >= 0 ? n : want);
	pt->last = n >= 0 ? n : want;
	pt->last_line = line;
	pt->npoints++;
}

/* Checks every ordered list at the top of the section, as one numbering. */
static void check_section(struct points *pt, cmark_node *heading)
{
	cmark_node *node, *item;

	for (node = cmark_node_next(heading); node != NULL && !ends_section(pt->ctx->rec, node);
	     node = cmark_node_next(node)) {
		if (cmark_node_get_type(node) != CMARK_NODE_LIST ||
		    cmark_node_get_list_type(node) != CMARK_ORDERED_LIST)
			continue;
		for (item = cmark_node_first_child(node); item != NULL;
		     item = cmark_node_next(item))
			check_item(pt, item);
	}
	if (pt->npoints == 0)
		diag_report(pt->ctx->diags, pt->ctx->rec->path, pt->sec->line, pt->sec->col,
			    RULE_DECISION_POINTS,
			    "the section '%s' has no numbered decision points; write each decision "
			    "as a numbered line: '1. ...', '2. ...'",
			    pt->sec->heading);
}

void rule_decision_points(struct rule_ctx *ctx)
{
	const struct record *rec = ctx->rec;
	struct points pt;
	cmark_node *heading;
	size_t i;

	for (i = 0; i < rec->nsections; i++) {
		if (rec->sections[i].spec < 0 ||
		    !ctx->schema->sections[rec->sections[i].spec].decision_points)
			continue;
		/* An empty section is reported by the section rules. */
		heading =
		    rec->sections[i].has_content ? section_node(rec, &rec->sections[i]) : NULL;
		if (heading == NULL)
			return;
		memset(&pt, 0, sizeof pt);
		pt.ctx = ctx;
		pt.sec = &rec->sections[i];
		body_lines_init(&pt.lines, rec);
		check_section(&pt, heading);
		body_lines_free(&pt.lines);
		return; /* a second decision section is section-duplicate */
	}
}
