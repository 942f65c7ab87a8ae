/* SPDX-License-Identifier: EUPL-1.2 */
/* graph.c - the reference graph as Graphviz DOT or a Mermaid flowchart. */
#include "graph.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "reg_text.h"
#include "util.h"

/* The nodes: node[i] is record i's node number (from 1), 0 when it has
 * none; missing[] the distinct ids not found, in order of first use. */
struct graph {
	const struct reg *r;
	const struct set_index *ix;
	size_t center;
	size_t *node;
	const char **missing;
	size_t nmissing;
	struct smap missing_map;
	enum graph_format format;
	struct buf out;
};

/* True when the edge from record i to record t belongs in the graph. */
static int edge_shown(const struct graph *g, size_t i, size_t t)
{
	if (g->center != SET_NONE && i != g->center && t != g->center)
		return 0;
	return g->node[i] != 0 && t < g->ix->n && g->node[t] != 0;
}

/* Numbers the rows that are nodes: all of them, or the center and its neighbours. */
static void number_nodes(struct graph *g)
{
	const struct set_index *ix = g->ix;
	size_t k, i, c = g->center, n = 0;
	char *near = xcalloc(ix->n + 1, 1);

	if (c != SET_NONE) {
		near[c] = 1;
		for (k = 0; k < ix->recs[c]->nrefs; k++)
			if (ix->ref_target[ix->ref_base[c] + k] < ix->n)
				near[ix->ref_target[ix->ref_base[c] + k]] = 1;
		for (k = 0; k < ix->recs[c]->nlinks; k++)
			if (ix->link_target[ix->link_base[c] + k] < ix->n)
				near[ix->link_target[ix->link_base[c] + k]] = 1;
		for (k = ix->in_start[c]; k < ix->in_start[c + 1]; k++)
			near[ix->in[k].from] = 1;
	}
	for (k = 0; k < g->r->n; k++) {
		i = g->r->rows[k];
		if (c == SET_NONE || near[i] || i == c)
			g->node[i] = ++n;
	}
	/* The center always shows, even when --type leaves its type out. */
	if (c != SET_NONE && g->node[c] == 0)
		g->node[c] = ++n;
	free(near);
}

/* Lists the distinct ids that the shown records cite but no record has. */
static void find_missing(struct graph *g)
{
	const struct set_index *ix = g->ix;
	const char **values;
	size_t i, k, n = 0;

	for (i = 0; i < ix->n; i++)
		n += ix->recs[i]->nrefs;
	values = xcalloc(n + 1, sizeof *values);
	for (i = 0; i < ix->n; i++) {
		if (g->node[i] == 0 || (g->center != SET_NONE && i != g->center))
			continue;
		for (k = 0; k < ix->recs[i]->nrefs; k++)
			if (ix->ref_target[ix->ref_base[i] + k] == SET_NONE)
				values[g->nmissing++] = ix->recs[i]->refs[k].value;
	}
	g->missing = values;
	smap_build(&g->missing_map, values, g->nmissing);
}

/* ----------------------------------------------------------- the writers */

static void add_text(struct graph *g, const char *s)
{
	if (g->format == GRAPH_DOT)
		reg_dot_text(&g->out, s);
	else
		reg_mermaid_text(&g->out, s);
}

/* A record's node: its id (or path) and title. */
static void write_node(struct graph *g, size_t i, const char *indent)
{
	const struct summary *s = g->ix->recs[i];

	buf_printf(&g->out, "%sr%zu%s", indent, g->node[i],
		   g->format == GRAPH_DOT ? " [label=\"" : "[\"");
	add_text(g, s->id ? s->id : s->path);
	if (s->title != NULL) {
		buf_puts(&g->out, g->format == GRAPH_DOT ? "\\n" : ": ");
		add_text(g, s->title);
	}
	buf_puts(&g->out, g->format == GRAPH_DOT ? "\"];\n" : "\"]\n");
}

/* The nodes of one type, in register order, as a cluster or subgraph. */
static void write_type(struct graph *g, size_t from, size_t to, size_t number)
{
	const struct schema *t = g->ix->recs[g->r->rows[from]]->schema;
	size_t k;

	if (g->format == GRAPH_DOT)
		buf_printf(&g->out, "\tsubgraph cluster_%zu {\n\t\tlabel=\"", number);
	else
		buf_printf(&g->out, "\tsubgraph t%zu[\"", number);
	add_text(g, t->name);
	buf_puts(&g->out, g->format == GRAPH_DOT ? "\";\n" : "\"]\n");
	for (k = from; k < to; k++)
		if (g->node[g->r->rows[k]] != 0)
			write_node(g, g->r->rows[k], "\t\t");
	buf_puts(&g->out, g->format == GRAPH_DOT ? "\t}\n" : "\tend\n");
}

/* True when a row between from and to is a node. */
static int any_node(const struct graph *g, size_t from, size_t to)
{
	for (; from < to; from++)
		if (g->node[g->r->rows[from]] != 0)
			return 1;
	return 0;
}

static void write_nodes(struct graph *g)
{
	const struct reg *r = g->r;
	size_t k, end, types = 0, k2;

	for (k = 0; k < r->n; k = end) {
		for (end = k; end < r->n &&
			      g->ix->recs[r->rows[end]]->schema == g->ix->recs[r->rows[k]]->schema;
		     end++)
			;
		if (any_node(g, k, end))
			write_type(g, k, end, ++types);
	}
	/* A center outside the rows (--type left it out) still shows. */
	for (k2 = 0; g->center != SET_NONE && k2 < r->n && r->rows[k2] != g->center; k2++)
		;
	if (g->center != SET_NONE && k2 == r->n)
		write_node(g, g->center, "\t");
	for (k = 0; k < g->nmissing; k++) {
		if (smap_find(&g->missing_map, g->missing[k]) != k)
			continue;
		buf_printf(&g->out, g->format == GRAPH_DOT ? "\tm%zu [label=\"" : "\tm%zu[\"",
			   k + 1);
		add_text(g, g->missing[k]);
		add_text(g, _(" (not found)"));
		buf_puts(&g->out,
			 g->format == GRAPH_DOT ? "\", style=dashed];\n" : "\"]:::missing\n");
	}
}

static void write_edge(struct graph *g, const char *from, size_t a, const char *to, size_t b,
		       const char *field)
{
	if (g->format == GRAPH_DOT) {
		buf_printf(&g->out, "\t%s%zu -> %s%zu [label=\"", from, a, to, b);
		add_text(g, field);
		buf_puts(&g->out, "\"];\n");
		return;
	}
	buf_printf(&g->out, "\t%s%zu -->|\"", from, a);
	add_text(g, field);
	buf_printf(&g->out, "\"| %s%zu\n", to, b);
}

/* The edges of record i: its refs, then its links to records. */
static void write_edges_of(struct graph *g, size_t i, size_t *nmissing)
{
	const struct set_index *ix = g->ix;
	const struct summary *s = ix->recs[i];
	size_t k, t;

	for (k = 0; k < s->nrefs; k++) {
		t = ix->ref_target[ix->ref_base[i] + k];
		if (t == SET_NONE && (g->center == SET_NONE || i == g->center))
			write_edge(g, "r", g->node[i], "m",
				   smap_find(&g->missing_map, g->missing[(*nmissing)++]) + 1,
				   s->refs[k].spec->name);
		else if (edge_shown(g, i, t))
			write_edge(g, "r", g->node[i], "r", g->node[t], s->refs[k].spec->name);
	}
	for (k = 0; k < s->nlinks; k++) {
		t = ix->link_target[ix->link_base[i] + k];
		if (edge_shown(g, i, t))
			write_edge(g, "r", g->node[i], "r", g->node[t], _("link"));
	}
}

/* Every edge, from the records in record order (the order find_missing used). */
static void write_edges(struct graph *g)
{
	size_t i, nmissing = 0;

	for (i = 0; i < g->ix->n; i++)
		if (g->node[i] != 0)
			write_edges_of(g, i, &nmissing);
}

void graph_write(FILE *f, const struct reg *r, size_t center, enum graph_format format)
{
	struct graph g = {0};

	g.r = r;
	g.ix = &r->ix;
	g.center = center;
	g.format = format;
	g.node = xcalloc(r->ix.n + 1, sizeof *g.node);
	number_nodes(&g);
	find_missing(&g);
	if (format == GRAPH_DOT)
		buf_puts(&g.out, "digraph records {\n\trankdir=LR;\n\tnode [shape=box];\n");
	else
		buf_puts(&g.out, "flowchart LR\n\tclassDef missing stroke-dasharray: 5 5\n");
	write_nodes(&g);
	write_edges(&g);
	if (format == GRAPH_DOT)
		buf_puts(&g.out, "}\n");
	if (g.out.data != NULL)
		fputs(g.out.data, f);
	buf_free(&g.out);
	smap_free(&g.missing_map);
	free(g.node);
}
