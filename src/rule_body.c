/* SPDX-License-Identifier: EUPL-1.2 */
/* rule_body.c - the schema's own demands on the body's text: section-text, body-pattern.
 *
 * Only text is read: cmark's text nodes (and, for a section's required
 * text, its code spans), never HTML or code blocks. Each pattern runs once
 * over each piece of text with pattern.c's limits, so the cost is linear. */
#include <cmark.h>
#include <stdlib.h>
#include <string.h>

#include "body_lines.h"
#include "rules.h"
#include "util.h"
#include "i18n.h"

/* How far after cmark's column a match is looked for in the source line. */
#define SEARCH_WINDOW 256

/* ------------------------------------------------------ section-text */

/* Appends the text of node and everything in it to b: text and code
 * spans; a line break or the end of a block is a space. */
static void append_text(struct buf *b, cmark_node *node)
{
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;
	cmark_node *cur;
	cmark_node_type t;

	if (it == NULL)
		return;
	for (ev = cmark_iter_next(it); ev != CMARK_EVENT_DONE; ev = cmark_iter_next(it)) {
		cur = cmark_iter_get_node(it);
		t = cmark_node_get_type(cur);
		if (ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE))
			buf_puts(b, cmark_node_get_literal(cur) ? cmark_node_get_literal(cur) : "");
		else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK ||
			 (ev == CMARK_EVENT_EXIT && t == CMARK_NODE_PARAGRAPH))
			buf_puts(b, " ");
	}
	cmark_iter_free(it);
}

/* Checks the text of section sec (its blocks in text) against must-contain. */
static void check_section_text(struct rule_ctx *ctx, const struct section *sec,
			       const struct buf *text)
{
	const struct section_spec *spec = &ctx->schema->sections[sec->spec];
	const char *t = text->data ? text->data : "";
	size_t i;

	for (i = 0; i < spec->nmust_contain; i++)
		if (pattern_match(spec->must_contain[i].re, t, text->len) == PATTERN_NOMATCH)
			diag_report(ctx->diags, ctx->rec->path, sec->line, sec->col,
				    RULE_SECTION_TEXT, "the section '%s' lacks required text: %s",
				    spec->title ? _(spec->title) : "",
				    spec->must_contain[i].message);
}

/* True when the first appearance of section k has must-contain patterns. */
static int wants_text(const struct rule_ctx *ctx, size_t k, const int *seen)
{
	const struct section *sec = &ctx->rec->sections[k];

	return sec->spec >= 0 && !seen[sec->spec] &&
	       ctx->schema->sections[sec->spec].nmust_contain > 0;
}

void rule_section_text(struct rule_ctx *ctx)
{
	const struct record *rec = ctx->rec;
	int *seen = xcalloc(ctx->schema->nsections + 1, sizeof *seen);
	struct buf text = {0};
	cmark_node *node;
	size_t k = 0; /* sections passed so far */
	int open = 0, lv;

	for (node = rec->body ? cmark_node_first_child(rec->body) : NULL; node != NULL;
	     node = cmark_node_next(node)) {
		lv = cmark_node_get_type(node) == CMARK_NODE_HEADING
			 ? cmark_node_get_heading_level(node)
			 : 0;
		if (lv > 0 && lv <= rec->section_level) {
			if (open)
				check_section_text(ctx, &rec->sections[k - 1], &text);
			text.len = 0;
			open = lv == rec->section_level && k < rec->nsections &&
			       wants_text(ctx, k, seen);
			if (open)
				seen[rec->sections[k].spec] = 1;
			k += lv == rec->section_level;
		} else if (open) {
			append_text(&text, node);
		}
	}
	if (open)
		check_section_text(ctx, &rec->sections[k - 1], &text);
	buf_free(&text);
	free(seen);
}

/* ------------------------------------------------------ body-pattern */

struct body_scan {
	struct rule_ctx *ctx;
	struct body_lines lines;
	int have_lines;
};

/* The file column of lit[start..end), found in the source line from cmark's column on. */
static int match_column(struct body_scan *sc, int line, int col, const char *lit, size_t start,
			size_t end)
{
	int found;

	if (!sc->have_lines) {
		body_lines_init(&sc->lines, sc->ctx->rec);
		sc->have_lines = 1;
	}
	found = body_lines_find(&sc->lines, line, col + (int)start, lit + start, end - start,
				SEARCH_WINDOW);
	return found > 0 ? found : col + (int)start;
}

static void scan_text(struct body_scan *sc, cmark_node *node)
{
	const struct schema *s = sc->ctx->schema;
	const char *lit = cmark_node_get_literal(node);
	int line = cmark_node_get_start_line(node), col = cmark_node_get_start_column(node);
	size_t i, len, from, start, end;
	struct diag *d;

	if (lit == NULL)
		return;
	len = strlen(lit);
	for (i = 0; i < s->nbody_patterns; i++) {
		for (from = 0; from <= len; from = end > start ? end : start + 1) {
			if (pattern_find(s->body_patterns[i].re, lit, len, from, &start, &end) !=
			    PATTERN_MATCH)
				break;
			if (end == start)
				continue;
			d = diag_report(
			    sc->ctx->diags, sc->ctx->rec->path, line + sc->ctx->rec->body_line - 1,
			    match_column(sc, line, col, lit, start, end), RULE_BODY_PATTERN,
			    "the text '%.*s' is not allowed here: %s", (int)(end - start),
			    lit + start, s->body_patterns[i].message);
			if (d != NULL)
				d->severity = s->body_patterns[i].severity;
		}
	}
}

void rule_body_patterns(struct rule_ctx *ctx)
{
	struct body_scan sc = {0};
	cmark_iter *it;
	cmark_event_type ev;
	cmark_node *node;

	if (ctx->rec->body == NULL || ctx->schema->nbody_patterns == 0)
		return;
	it = cmark_iter_new(ctx->rec->body);
	if (it == NULL)
		return;
	sc.ctx = ctx;
	for (ev = cmark_iter_next(it); ev != CMARK_EVENT_DONE; ev = cmark_iter_next(it)) {
		node = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_TEXT)
			scan_text(&sc, node);
	}
	cmark_iter_free(it);
	if (sc.have_lines)
		body_lines_free(&sc.lines);
}
