/* SPDX-License-Identifier: EUPL-1.2 */
/* import_record.c - the text of an imported record: the proposed front
 * matter in the schema's order, and the document's blocks with its
 * headings mapped onto the schema's sections by the nearly-right matching
 * of `clerk check` (numbering, "Artikel N", typos, Dutch and English). */
#include "import.h"

#include <stdlib.h>
#include <string.h>

#include "record_new.h"
#include "rules.h"
#include "util.h"

/* --------------------------------------------------------- front matter */

static const char *draft_of(const struct schema *s)
{
	const struct field_spec *f = schema_field(s, s->lifecycle.status);
	size_t i;

	for (i = 0; f != NULL && s->lifecycle.ndraft > 0 && i < f->nvalues; i++)
		if (strcmp(f->values[i], s->lifecycle.draft[0]) == 0)
			return f->values[i];
	return NULL;
}

/* True when field is written: proposed, required, the id or the status. */
static int written(const struct schema *s, const struct import_proposal *p,
		   const struct field_spec *f)
{
	return import_value_of(p, f->name) != NULL || f->required ||
	       strcmp(f->name, s->id_field) == 0 || strcmp(f->name, s->lifecycle.status) == 0;
}

static void front_field(struct buf *b, const struct schema *s, const struct import_proposal *p,
			const struct field_spec *f, const char *id)
{
	const struct import_value *v = import_value_of(p, f->name);
	size_t i;

	if (strcmp(f->name, s->id_field) == 0)
		record_field_line(b, f->name, id);
	else if (v != NULL && v->list) {
		buf_printf(b, "%s:\n", f->name);
		for (i = 0; i < v->nitems; i++)
			record_list_item(b, v->items[i]);
	} else if (v != NULL && v->nitems > 0)
		record_field_line(b, f->name, v->items[0]);
	else if (strcmp(f->name, s->lifecycle.status) == 0)
		record_field_line(b, f->name, draft_of(s));
	else
		record_field_line(b, f->name, NULL);
}

static void front_matter(struct buf *b, const struct schema *s, const struct import_proposal *p,
			 const char *id)
{
	const struct field_group *g;
	size_t i, k;

	buf_printf(b, "---\ntype: %s\n", s->name);
	for (i = 0; i < s->nfields; i++)
		if (written(s, p, &s->fields[i]))
			front_field(b, s, p, &s->fields[i], id);
	for (i = 0; i < s->n_one_of; i++) {
		g = &s->one_of[i];
		for (k = 0; k < g->n; k++)
			if (written(s, p, schema_field(s, g->names[k])))
				break;
		if (k == g->n)
			record_field_line(b, g->names[0], NULL);
	}
	buf_puts(b, "---\n\n");
}

/* ------------------------------------------------------------- the body */

/* What the body writer keeps between blocks. */
struct body {
	struct buf out;
	const struct schema *s;
	const struct import_doc *doc;
	int *used;    /* per section: already given a heading */
	int top;      /* the level of the document's top headings */
	int decision; /* inside a decision section: items numbered from 1 */
	long next;    /* the next decision point's number */
	int in_list;  /* the last block written was a list item */
	int mapped;   /* the last top-level heading became a section */
	int seen_top; /* a top-level heading came already */
	struct import_unmapped *unmapped;
	size_t nunmapped, cap;
};

/* Plain text as Markdown: characters that would start a block (in a
 * paragraph or an item: para) or markup of their own are escaped. */
static void put_text(struct body *w, const char *s, int para)
{
	size_t d = strspn(s, "0123456789");

	if (w->doc->markdown) {
		buf_puts(&w->out, s);
		return;
	}
	if (para && d > 0 && d < 10 && (s[d] == '.' || s[d] == ')')) {
		buf_add(&w->out, s, d);
		buf_puts(&w->out, "\\");
		s += d;
	} else if (para &&
		   (strchr("#>+=|", s[0]) != NULL || (strchr("-*", s[0]) != NULL && s[1] == ' '))) {
		buf_puts(&w->out, "\\");
	}
	for (; *s != '\0'; s++) {
		if (*s == '<' || *s == '\\' || *s == '`')
			buf_puts(&w->out, "\\");
		buf_add(&w->out, s, 1);
	}
}

static void end_list(struct body *w)
{
	if (w->in_list)
		buf_puts(&w->out, "\n");
	w->in_list = 0;
}

/* The section heading b maps onto, or -1: an exact name at any level for
 * the decision section, else an exact or nearly right name at the top
 * level, each section once. */
static int section_of(struct body *w, const struct import_block *b)
{
	const char *words = b->text + import_heading_number(b->text);
	int k = schema_section_match(w->s, b->text, strlen(b->text));

	if (k < 0)
		k = schema_section_match(w->s, words, strlen(words));
	if (k >= 0 && !w->s->sections[k].decision_points && b->level != w->top)
		k = -1;
	if (k < 0 && b->level == w->top)
		k = section_resembling(w->s, words);
	if (k >= 0 && w->used[k])
		k = -1;
	return k;
}

static void heading(struct body *w, const struct import_block *b)
{
	int k = section_of(w, b), level;

	end_list(w);
	w->decision = 0;
	if (k >= 0) {
		w->used[k] = 1;
		w->mapped = 1;
		w->seen_top = 1;
		w->decision = w->s->sections[k].decision_points;
		w->next = 1;
		buf_puts(&w->out, "## ");
	} else {
		if (b->level <= w->top)
			w->mapped = 0;
		w->seen_top |= b->level <= w->top;
		level =
		    3 + (b->level > w->top && !w->mapped && w->seen_top ? b->level - w->top : 0);
		buf_printf(&w->out, "%.*s ", level > 6 ? 6 : level, "######");
		xgrow((void **)&w->unmapped, &w->cap, w->nunmapped, sizeof *w->unmapped);
		w->unmapped[w->nunmapped].heading = xstrdup(b->text);
		w->unmapped[w->nunmapped++].line = b->line;
	}
	put_text(w, b->text, 0);
	buf_puts(&w->out, "\n\n");
}

static void item(struct body *w, const struct import_block *b)
{
	if (w->decision)
		buf_printf(&w->out, "%ld. ", w->next++);
	else if (b->level == 1)
		buf_printf(&w->out, "%ld. ", b->number);
	else if (b->level == 2)
		buf_printf(&w->out, "- %c. ", (char)('a' + (b->number - 1) % 26));
	else
		buf_puts(&w->out, "- ");
	put_text(w, b->text, 1);
	buf_puts(&w->out, "\n");
	w->in_list = 1;
}

/* True when b went into the front matter: a header line whose value was
 * taken, or the heading the title came from. */
static int moved(const struct import_proposal *p, const struct import_block *b)
{
	size_t i;

	if (b->line == p->title_line && (b->field || b->kind == BLOCK_HEADING))
		return 1;
	for (i = 0; i < p->n && b->field; i++)
		if (p->values[i].line == b->line && p->values[i].source != NULL &&
		    strncmp(p->values[i].source, b->text, 8) == 0)
			return 1;
	return 0;
}

/* The level of the document's top headings (its title's level aside). */
static int top_level(const struct import_doc *doc, const struct import_proposal *p)
{
	size_t i;
	int top = 7;

	for (i = 0; i < doc->n; i++)
		if (doc->blocks[i].kind == BLOCK_HEADING && doc->blocks[i].line != p->title_line &&
		    doc->blocks[i].level < top && !(doc->blocks[i].level == 1 && doc->markdown))
			top = doc->blocks[i].level;
	return doc->numbered ? 2 : top;
}

static void body(struct body *w, const struct import_proposal *p)
{
	const struct import_block *b;
	size_t i;

	if (p->title != NULL)
		buf_printf(&w->out, "# %s\n\n", p->title);
	for (i = 0; i < w->doc->n; i++) {
		b = &w->doc->blocks[i];
		if (moved(p, b))
			continue;
		if (b->kind == BLOCK_HEADING) {
			heading(w, b);
		} else if (b->kind == BLOCK_ITEM) {
			item(w, b);
		} else {
			end_list(w);
			w->decision = 0;
			put_text(w, b->text, b->kind == BLOCK_PARA);
			buf_puts(&w->out, "\n\n");
		}
	}
	end_list(w);
}

char *import_record(const struct import_doc *doc, const struct schema *s,
		    const struct import_proposal *p, const char *id,
		    struct import_unmapped **unmapped, size_t *nunmapped)
{
	struct body w = {0};
	size_t n;

	w.s = s;
	w.doc = doc;
	w.used = xcalloc(s->nsections + 1, sizeof *w.used);
	w.top = top_level(doc, p);
	front_matter(&w.out, s, p, id);
	body(&w, p);
	n = w.out.len;
	while (n > 1 && w.out.data[n - 1] == '\n' && w.out.data[n - 2] == '\n')
		w.out.data[--n] = '\0';
	w.out.len = n;
	free(w.used);
	if (unmapped != NULL) {
		*unmapped = w.unmapped;
		*nunmapped = w.nunmapped;
	} else {
		import_unmapped_free(w.unmapped, w.nunmapped);
	}
	return buf_take(&w.out);
}

void import_unmapped_free(struct import_unmapped *u, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(u[i].heading);
	free(u);
}
