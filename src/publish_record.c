/* SPDX-License-Identifier: EUPL-1.2 */
/* publish_record.c - one page per record: the front matter as a labelled
 * list, the body rendered by cmark in safe mode, references and
 * backlinks, an agreement's timeline and a report's series. */
#include <cmark.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "load_again.h"
#include "load_yaml.h"
#include "publish_html.h"
#include "publish_site.h"
#include "set_index.h"

#define TEXT_MAX 600 /* bytes of a record's text in the search index */

/* ------------------------------------------------------------ the fields */

static const struct field_spec *field_of(const struct schema *t, const char *name)
{
	size_t k;

	for (k = 0; k < t->nfields; k++)
		if (strcmp(t->fields[k].name, name) == 0)
			return &t->fields[k];
	return NULL;
}

static int is_ref(const struct field_spec *f)
{
	return f != NULL && (f->type == FT_REF || (f->type == FT_LIST && f->item_type == FT_REF));
}

/* One value: a link when it names a published record, the status word for
 * the status, else the text. */
static void put_value(struct site *s, struct buf *b, const struct summary *r,
		      const struct field_spec *f, const struct ynode *v)
{
	char *text = load_scalar(v);
	size_t t;

	if (text == NULL) {
		buf_puts(b, "&#8230;");
		return;
	}
	t = is_ref(f) ? smap_find(&s->reg.ix.by_id, text) : SET_NONE;
	if (t != SET_NONE)
		site_record_link(s, b, "../", t);
	else if (f != NULL && r->schema->lifecycle.status != NULL &&
		 strcmp(f->name, r->schema->lifecycle.status) == 0)
		html_text(b, html_status_word(text));
	else if (f != NULL && strcmp(f->name, "status") == 0)
		html_text(b, html_status_word(text));
	else
		html_text(b, text);
	free(text);
}

static void put_fields(struct site *s, struct buf *b, const struct summary *r,
		       const struct ynode *front)
{
	const struct field_spec *f;
	const struct ynode *key, *v;
	char label[128];
	size_t k, j;

	buf_printf(b, "<h2>%s</h2>\n<dl class=\"fields\">\n", _("Details"));
	for (k = 0; front != NULL && k + 1 < front->n; k += 2) {
		key = front->items[k];
		v = front->items[k + 1];
		if (key->kind != YNODE_SCALAR ||
		    (r->schema->type_field && strcmp(key->text, r->schema->type_field) == 0))
			continue;
		f = field_of(r->schema, key->text);
		if (f != NULL)
			html_field_label(f->name, f->aliases, f->naliases, label, sizeof label);
		else
			snprintf(label, sizeof label, "%s", key->text);
		buf_puts(b, "<dt>");
		html_text(b, label);
		buf_puts(b, "</dt>\n<dd>");
		if (v->kind == YNODE_SEQ) {
			buf_puts(b, "<ul>");
			for (j = 0; j < v->n; j++) {
				buf_puts(b, "<li>");
				put_value(s, b, r, f, v->items[j]);
				buf_puts(b, "</li>");
			}
			buf_puts(b, "</ul>");
		} else {
			put_value(s, b, r, f, v);
		}
		buf_puts(b, "</dd>\n");
	}
	buf_puts(b, "</dl>\n");
}

/* ------------------------------------------------------------- the body */

/* Moves the children of node before it and frees it: a link that leads
 * nowhere on the site keeps its words, an image its description. */
static void unwrap(cmark_node *node)
{
	cmark_node *child;

	for (child = cmark_node_first_child(node); child != NULL;
	     child = cmark_node_first_child(node))
		cmark_node_insert_before(node, child);
	cmark_node_free(node);
}

/* True when url names a place on another site or in the same page. */
static int is_external(const char *url)
{
	const char *p = url;

	if (url[0] == '#' || strncmp(url, "//", 2) == 0)
		return 1;
	while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
	       *p == '+' || *p == '-' || *p == '.')
		p++;
	return p > url && *p == ':';
}

/* Points a link to a local file at the page of the record it names, or
 * unwraps it; unwraps every image (the site loads nothing else). */
static void fix_node(struct site *s, size_t i, cmark_node *node)
{
	const struct summary *r = s->reg.ix.recs[i];
	const char *url;
	char *page;
	size_t k, t = SET_NONE;

	if (cmark_node_get_type(node) == CMARK_NODE_IMAGE) {
		unwrap(node);
		return;
	}
	url = cmark_node_get_url(node);
	if (url == NULL || is_external(url))
		return;
	for (k = 0; k < r->nlinks && t == SET_NONE; k++)
		if (strcmp(r->links[k].dest, url) == 0)
			t = s->reg.ix.link_target[s->reg.ix.link_base[i] + k];
	if (t == SET_NONE || t == SET_BROKEN || s->slug[t] == NULL) {
		unwrap(node);
		return;
	}
	page = xasprintf("%s.html", s->slug[t]);
	cmark_node_set_url(node, page);
	free(page);
}

/* Rewrites links and images of body, drops its opening title heading. */
static void fix_body(struct site *s, size_t i, struct record *rec)
{
	cmark_iter *it = cmark_iter_new(rec->body);
	cmark_node **nodes = NULL, *node, *first;
	size_t n = 0, cap = 0, k;
	cmark_event_type ev;

	for (ev = cmark_iter_next(it); ev != CMARK_EVENT_DONE; ev = cmark_iter_next(it)) {
		node = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER && (cmark_node_get_type(node) == CMARK_NODE_LINK ||
						cmark_node_get_type(node) == CMARK_NODE_IMAGE)) {
			xgrow((void **)&nodes, &cap, n, sizeof *nodes);
			nodes[n++] = node;
		}
	}
	cmark_iter_free(it);
	/* Innermost first, so that unwrapping never frees a node still listed. */
	for (k = n; k-- > 0;)
		fix_node(s, i, nodes[k]);
	free(nodes);
	first = cmark_node_first_child(rec->body);
	if (rec->title_level1 && first != NULL && cmark_node_get_type(first) == CMARK_NODE_HEADING)
		cmark_node_free(first);
}

/* Keeps the start of the body's words for the search index. */
static char *body_words(cmark_node *body)
{
	cmark_iter *it = cmark_iter_new(body);
	struct buf b = {0};
	cmark_node *node;
	const char *lit;

	while (cmark_iter_next(it) != CMARK_EVENT_DONE && b.len < TEXT_MAX) {
		node = cmark_iter_get_node(it);
		if (cmark_node_get_type(node) != CMARK_NODE_TEXT &&
		    cmark_node_get_type(node) != CMARK_NODE_CODE)
			continue;
		lit = cmark_node_get_literal(node);
		if (lit != NULL)
			buf_printf(&b, "%s%s", b.len ? " " : "", lit);
	}
	cmark_iter_free(it);
	/* Cut at a character's start. */
	while (b.len > TEXT_MAX && ((unsigned char)b.data[TEXT_MAX] & 0xc0) == 0x80)
		b.len--, b.data[b.len] = '\0';
	if (b.len > TEXT_MAX)
		b.data[b.len = TEXT_MAX] = '\0';
	return buf_take(&b);
}

static void put_body(struct site *s, struct buf *b, size_t i, struct record *rec)
{
	char *html;

	if (rec->body == NULL)
		return;
	fix_body(s, i, rec);
	s->words = body_words(rec->body);
	html = cmark_render_html(rec->body, CMARK_OPT_SAFE);
	buf_puts(b, "<div class=\"body\">\n");
	buf_puts(b, html);
	buf_puts(b, "</div>\n");
	free(html);
}

/* ----------------------------------------------- references and backlinks */

static void put_refs(struct site *s, struct buf *b, size_t i)
{
	const struct set_index *ix = &s->reg.ix;
	const struct summary *r = ix->recs[i];
	size_t k, t, n = 0;

	for (k = 0; k < r->nrefs + r->nlinks; k++) {
		t = k < r->nrefs ? ix->ref_target[ix->ref_base[i] + k]
				 : ix->link_target[ix->link_base[i] + k - r->nrefs];
		if (k >= r->nrefs && (t == SET_NONE || t == SET_BROKEN))
			continue;
		if (n++ == 0)
			buf_printf(b, "<h2>%s</h2>\n<ul>\n", _("References"));
		buf_puts(b, "<li>");
		if (t != SET_NONE && t != SET_BROKEN)
			site_record_link(s, b, "../", t);
		else
			html_text(b, r->refs[k].value);
		if (t != SET_NONE && t != SET_BROKEN && s->slug[t] != NULL && ix->recs[t]->title) {
			buf_puts(b, " ");
			html_text(b, ix->recs[t]->title);
		}
		buf_puts(b, "</li>\n");
	}
	if (n > 0)
		buf_puts(b, "</ul>\n");
}

static void put_backlinks(struct site *s, struct buf *b, size_t i)
{
	const struct set_index *ix = &s->reg.ix;
	size_t k, from, last = SET_NONE, n = 0;

	for (k = ix->in_start[i]; k < ix->in_start[i + 1]; k++) {
		from = ix->in[k].from;
		if (from == last || s->slug[from] == NULL)
			continue;
		last = from;
		if (n++ == 0)
			buf_printf(b, "<h2>%s</h2>\n<ul>\n", _("Cited by"));
		buf_puts(b, "<li>");
		site_record_link(s, b, "../", from);
		if (ix->recs[from]->title) {
			buf_puts(b, " ");
			html_text(b, ix->recs[from]->title);
		}
		buf_puts(b, "</li>\n");
	}
	if (n > 0)
		buf_puts(b, "</ul>\n");
}

/* ------------------------------------------------ timeline and series */

struct event {
	long days;
	char date[11];
	const char *what;
	size_t record; /* a record it names, or SET_NONE */
};

static void add_event(struct event **ev, size_t *n, size_t *cap, const struct summary_date *d,
		      const char *what, size_t record)
{
	if (d->days < 0)
		return;
	xgrow((void **)ev, cap, *n, sizeof **ev);
	(*ev)[*n].days = d->days;
	memcpy((*ev)[*n].date, d->text, sizeof d->text);
	(*ev)[*n].what = what;
	(*ev)[(*n)++].record = record;
}

static int event_compare(const void *pa, const void *pb)
{
	const struct event *a = pa, *b = pb;

	if (a->days != b->days)
		return a->days < b->days ? -1 : 1;
	return 0;
}

/* The reports on agreement i that are published, as events. */
static void report_events(struct site *s, size_t i, struct event **ev, size_t *n, size_t *cap)
{
	const struct set_index *ix = &s->reg.ix;
	const struct schema_reporting *rep = &ix->recs[i]->schema->reporting;
	const struct summary *u;
	size_t k, j;

	for (k = ix->in_start[i]; k < ix->in_start[i + 1]; k++) {
		u = ix->recs[ix->in[k].from];
		if (ix->in[k].link || u->schema == NULL || s->slug[ix->in[k].from] == NULL)
			continue;
		for (j = 0; j < rep->nreported_by; j++)
			if (strcmp(rep->reported_by[j], u->schema->name) == 0)
				add_event(ev, n, cap, &u->date, _("report delivered"),
					  ix->in[k].from);
	}
}

static void put_timeline(struct site *s, struct buf *b, size_t i)
{
	const struct summary *r = s->reg.ix.recs[i];
	struct summary_date next = {"", -1, 0, 0};
	struct event *ev = NULL;
	size_t n = 0, cap = 0, k, newest;

	if (r->schema->reporting.interval == NULL)
		return;
	add_event(&ev, &n, &cap, &r->date, _("signed"), SET_NONE);
	add_event(&ev, &n, &cap, &r->start, _("takes effect"), SET_NONE);
	report_events(s, i, &ev, &n, &cap);
	next.days = set_agreement_due(&s->reg.ix, i, next.text, &newest);
	add_event(&ev, &n, &cap, &next,
		  next.days >= 0 && next.days < s->as_of ? _("next report overdue")
							 : _("next report due"),
		  SET_NONE);
	add_event(&ev, &n, &cap, &r->end, _("ends"), SET_NONE);
	if (n > 1)
		qsort(ev, n, sizeof *ev, event_compare);
	buf_printf(b, "<h2>%s</h2>\n<ol class=\"timeline\">\n", _("Timeline"));
	for (k = 0; k < n; k++) {
		buf_printf(b, "<li><time datetime=\"%s\">%s</time> ", ev[k].date, ev[k].date);
		html_text(b, ev[k].what);
		if (ev[k].record != SET_NONE) {
			buf_puts(b, ": ");
			site_record_link(s, b, "../", ev[k].record);
		}
		buf_puts(b, "</li>\n");
	}
	buf_puts(b, "</ol>\n");
	free(ev);
}

static void put_series(struct site *s, struct buf *b, size_t i)
{
	const struct summary *r = s->reg.ix.recs[i], *m;
	size_t g = s->series_group[i], k;

	if (g == SET_NONE)
		return;
	buf_printf(b, "<h2>%s: ", _("Series"));
	html_text(b, r->series);
	buf_puts(b, "</h2>\n<ol>\n");
	for (k = g; k < g + s->series_len[g]; k++) {
		m = s->reg.ix.recs[s->series_members[k]];
		if (s->slug[s->series_members[k]] == NULL)
			continue;
		buf_printf(b, "<li value=\"%ld\">", m->number);
		site_record_link(s, b, "../", s->series_members[k]);
		if (m->title) {
			buf_puts(b, " ");
			html_text(b, m->title);
		}
		buf_puts(b, "</li>\n");
	}
	buf_puts(b, "</ol>\n");
}

/* ------------------------------------------------------------- the page */

/* The authority of a record, or its parties, for the register. */
static char *who_of(const struct ynode *front)
{
	const struct ynode *v = ynode_get(front, "authority");
	struct buf b = {0};
	size_t k;

	if (v != NULL && v->kind == YNODE_SCALAR)
		return load_scalar(v);
	v = ynode_get(front, "parties");
	for (k = 0; v != NULL && v->kind == YNODE_SEQ && k < v->n; k++)
		if (v->items[k]->kind == YNODE_SCALAR)
			buf_printf(&b, "%s%s", b.len ? ", " : "", v->items[k]->text);
	return b.len ? buf_take(&b) : NULL;
}

void site_record_page(struct site *s, size_t i)
{
	const struct summary *r = s->reg.ix.recs[i];
	struct buf b = {0};
	struct loaded l;
	char *rel;

	if (load_again(s->run->project, r->path, &l) != 0 || l.rec == NULL) {
		loaded_free(&l);
		return;
	}
	html_open(&b, "../", r->title ? r->title : r->id, 0);
	buf_puts(&b, "<h1>");
	html_text(&b, r->title ? r->title : r->id);
	buf_puts(&b, "</h1>\n<p class=\"muted\">");
	html_text(&b, _(r->schema->title));
	buf_puts(&b, " ");
	html_text(&b, r->id);
	buf_puts(&b, "</p>\n");
	put_fields(s, &b, r, l.rec->front);
	put_timeline(s, &b, i);
	put_series(s, &b, i);
	put_body(s, &b, i, l.rec);
	put_refs(s, &b, i);
	put_backlinks(s, &b, i);
	html_close(&b);
	s->who[i] = who_of(l.rec->front);
	rel = xasprintf("records/%s.html", s->slug[i]);
	site_put(s, rel, &b);
	free(rel);
	buf_free(&b);
	loaded_free(&l);
}
