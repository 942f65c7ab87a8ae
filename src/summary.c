/* SPDX-License-Identifier: EUPL-1.2 */
/* summary.c - what the whole-set rules need of one record, chosen by its schema. */
#include <cmark.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "load_yaml.h"
#include "pattern.h"
#include "record.h"
#include "set.h"
#include "severity_if.h"
#include "util.h"

/* Returns the scalar value of field name, or NULL when absent, empty or not one. */
static const struct ynode *scalar(const struct record *rec, const char *name)
{
	const struct ynode *v;

	if (name == NULL)
		return NULL;
	v = ynode_get(rec->front, name);
	if (v == NULL || v->kind != YNODE_SCALAR || ynode_is_null(v) || v->len == 0)
		return NULL;
	return v;
}

static char *dup_field(const struct record *rec, const char *name, int *line, int *col)
{
	const struct ynode *v = scalar(rec, name);

	if (v == NULL)
		return NULL;
	if (line != NULL) {
		*line = v->line;
		*col = v->col;
	}
	return xstrdup(v->text);
}

/* The field holding a record's title: 'title', or the field of the schema
 * that names 'title' among its aliases (an own schema's 'titel'). */
static const char *title_field(const struct schema *schema)
{
	size_t i, k;

	if (schema_field(schema, "title") != NULL)
		return "title";
	for (i = 0; i < schema->nfields; i++)
		for (k = 0; k < schema->fields[i].naliases; k++)
			if (strcmp(schema->fields[i].aliases[k], "title") == 0)
				return schema->fields[i].name;
	return "title";
}

/* Reads a date field into d; d->days is -1 when absent or not a date. */
static void read_date(const struct record *rec, const char *name, struct summary_date *d)
{
	const struct ynode *v = scalar(rec, name);

	d->days = -1;
	if (v == NULL || date_parse(v->text, v->len, &d->days) != DATE_OK)
		return;
	memcpy(d->text, v->text, 10);
	d->text[10] = '\0';
	d->line = v->line;
	d->col = v->col;
}

static int listed(const char *word, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; word != NULL && i < n; i++)
		if (strcmp(word, list[i]) == 0)
			return 1;
	return 0;
}

static enum life life_of(const struct schema_lifecycle *l, const char *status)
{
	if (listed(status, l->in_force, l->nin_force))
		return LIFE_IN_FORCE;
	if (listed(status, l->ended, l->nended))
		return LIFE_ENDED;
	if (listed(status, l->superseded, l->nsuperseded))
		return LIFE_SUPERSEDED;
	if (listed(status, l->draft, l->ndraft))
		return LIFE_DRAFT;
	return LIFE_OTHER;
}

/* An early end (ended-on, such as an indefinite agreement terminated)
 * ends the record's life when it comes before the planned end. */
static void read_ended_on(struct summary *s, const struct record *rec, const char *field)
{
	struct summary_date ended;

	read_date(rec, field, &ended);
	if (ended.days < 0 || (s->start.days >= 0 && ended.days < s->start.days))
		return; /* not a date, or before the start: date-order's finding */
	if (s->end.days < 0 || ended.days < s->end.days)
		s->end = ended;
}

/* The end of the record's life: its end field, else start + term, or the
 * day it ended early. */
static void read_end(struct summary *s, const struct record *rec, const struct schema *schema)
{
	const struct schema_lifecycle *l = &schema->lifecycle;
	const struct ynode *term = scalar(rec, l->term);

	read_date(rec, l->start, &s->start);
	read_date(rec, l->end, &s->end);
	if (s->end.days >= 0 && s->start.days >= 0 && s->end.days < s->start.days)
		s->end.days = -1; /* date-order's finding; the end is unknown */
	if (s->end.days < 0 && term != NULL && s->start.days >= 0) {
		s->end.days = date_add(s->start.text, term->text, s->end.text);
		s->end.line = term->line;
		s->end.col = term->col;
	}
	read_ended_on(s, rec, l->ended_on);
}

/* -------------------------------------------------------------- refs */

static void add_ref(struct summary *s, size_t *cap, const struct field_spec *f, int supersedes,
		    const char *text, size_t len, int line, int col)
{
	struct summary_ref *r;

	xgrow((void **)&s->refs, cap, s->nrefs, sizeof *s->refs);
	r = &s->refs[s->nrefs++];
	r->spec = f;
	r->supersedes = supersedes;
	r->value = xstrndup(text, len);
	r->line = line;
	r->col = col;
}

/* A list written as one value: items separated by commas, as rule_fields reads it. */
static void add_split(struct summary *s, size_t *cap, const struct field_spec *f, int sup,
		      const struct ynode *n)
{
	const char *p = n->text, *end = n->text + n->len, *a;
	size_t len;

	while (comma_item(&p, end, &a, &len))
		if (len > 0)
			add_ref(s, cap, f, sup, a, len, n->line,
				n->col + (int)(a - n->text) + (n->plain ? 0 : 1));
}

static void add_refs(struct summary *s, const struct record *rec, const struct schema *schema)
{
	const struct field_spec *f;
	const struct ynode *v;
	size_t i, k, cap = 0;
	int sup;

	for (i = 0; i < schema->nfields; i++) {
		f = &schema->fields[i];
		if (f->type != FT_REF && !(f->type == FT_LIST && f->item_type == FT_REF))
			continue;
		v = ynode_get(rec->front, f->name);
		sup = schema->lifecycle.supersedes != NULL &&
		      strcmp(schema->lifecycle.supersedes, f->name) == 0;
		if (v == NULL || ynode_is_null(v))
			continue;
		if (v->kind == YNODE_SCALAR)
			add_split(s, &cap, f, sup, v);
		for (k = 0; v->kind == YNODE_SEQ && k < v->n; k++)
			if (v->items[k]->kind == YNODE_SCALAR && v->items[k]->len > 0)
				add_ref(s, &cap, f, sup, v->items[k]->text, v->items[k]->len,
					v->items[k]->line, v->items[k]->col);
	}
}

/* ------------------------------------------------------------- links */

/* True when dest names a local file: no scheme, not only a fragment, not absolute. */
static int is_local(const char *dest)
{
	size_t n = strcspn(dest, ":/?#");

	if (dest[0] == '\0' || dest[0] == '#' || dest[0] == '/' || dest[0] == '?')
		return 0;
	return dest[n] != ':';
}

/* Returns the file dest names from the record whose absolute path is abs
 * (malloc'd): dest without "?query" or "#fragment" taken from abs's
 * folder, "." and ".." resolved by their text. */
static char *link_target(const char *abs, const char *dest)
{
	const char *slash = strrchr(abs, '/');
	char *dir = xstrndup(abs, slash != NULL && slash != abs ? (size_t)(slash - abs) : 1);
	char *target = path_join_lexical(dir, dest, strcspn(dest, "?#"));

	free(dir);
	return target;
}

static void add_link(struct summary *s, size_t *cap, const struct record *rec, cmark_node *node)
{
	const char *dest = cmark_node_get_url(node);
	struct summary_link *l;

	if (dest == NULL || s->real == NULL || !is_local(dest) || strcspn(dest, "?#") == 0)
		return;
	xgrow((void **)&s->links, cap, s->nlinks, sizeof *s->links);
	l = &s->links[s->nlinks++];
	l->dest = xstrdup(dest);
	l->target = link_target(s->real, dest);
	l->line = cmark_node_get_start_line(node) + rec->body_line - 1;
	l->col = cmark_node_get_start_column(node);
}

static void add_links(struct summary *s, const struct record *rec)
{
	cmark_iter *it;
	cmark_event_type ev;
	cmark_node *node;
	size_t cap = 0;

	if (rec->body == NULL)
		return;
	it = cmark_iter_new(rec->body);
	if (it == NULL)
		return;
	for (ev = cmark_iter_next(it); ev != CMARK_EVENT_DONE; ev = cmark_iter_next(it)) {
		node = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_LINK)
			add_link(s, &cap, rec, node);
	}
	cmark_iter_free(it);
}

/* ------------------------------------------------------------ summary */

static void read_identity(struct summary *s, const struct record *rec, const struct schema *schema)
{
	const struct ynode *id = scalar(rec, schema->id_field);

	if (schema->id_name_pattern != NULL) {
		s->id = schema_id_from_file_name(schema, rec->path);
		s->id_line = s->id_col = 1;
		return;
	}
	if (id == NULL)
		return;
	s->id = xstrdup(id->text);
	s->id_line = id->line;
	s->id_col = id->col;
	s->id_bad =
	    schema->id_pattern != NULL && pattern_match(schema->id_pattern, id->text, id->len) != 1;
}

static void read_series(struct summary *s, const struct record *rec, const struct schema *schema)
{
	const struct ynode *num = scalar(rec, schema->series.number);
	char *end;

	s->series = dup_field(rec, schema->series.field, NULL, NULL);
	read_date(rec, schema->series.next_report, &s->next_report);
	s->series_unknown = schema->series.field != NULL && schema->series.number != NULL;
	if (num == NULL || num->text[0] < '1' || num->text[0] > '9' || num->len > 9)
		return;
	s->number = strtol(num->text, &end, 10);
	s->has_number = *end == '\0';
	s->series_unknown = s->series_unknown && (s->series == NULL || !s->has_number);
	s->number_line = num->line;
	s->number_col = num->col;
}

struct summary *summary_make(const struct record *rec, const char *abs, const struct schema *schema)
{
	struct summary *s = xcalloc(1, sizeof *s);

	s->path = xstrdup(rec->path);
	s->real = abs != NULL ? xstrdup(abs) : NULL;
	s->schema = schema;
	s->date.days = s->start.days = s->end.days = s->next_report.days = -1;
	if (rec->front != NULL)
		add_links(s, rec);
	if (schema == NULL || rec->front == NULL)
		return s;
	read_identity(s, rec, schema);
	s->severity_cap = severity_if_eval(schema, rec->front);
	s->title = dup_field(rec, title_field(schema), NULL, NULL);
	read_date(rec, schema->lifecycle.date, &s->date);
	s->status = dup_field(rec, schema->lifecycle.status, &s->status_line, &s->status_col);
	s->life = life_of(&schema->lifecycle, s->status);
	read_end(s, rec, schema);
	s->interval =
	    dup_field(rec, schema->reporting.interval, &s->interval_line, &s->interval_col);
	if (s->interval != NULL && !duration_valid(s->interval, strlen(s->interval))) {
		free(s->interval);
		s->interval = NULL;
	}
	read_series(s, rec, schema);
	add_refs(s, rec, schema);
	return s;
}

/* Returns the id that the file name at path gives under schema's
 * template, when the template is a prefix, {id field} and a suffix and the
 * id then matches the id pattern (malloc'd), or NULL. */
static char *id_from_name(const char *path, const struct schema *schema)
{
	const struct template *t = &schema->file_name_tpl;
	const char *base = strrchr(path, '/');
	size_t k, pre = 0, post = 0, n, at = t->n;
	char *id;

	if (schema->id_name_pattern != NULL)
		return schema_id_from_file_name(schema, path);
	for (k = 0; k < t->n; k++)
		if (t->segs[k].placeholder) {
			if (at != t->n || t->segs[k].len != strlen(schema->id_field) ||
			    memcmp(t->segs[k].text, schema->id_field, t->segs[k].len) != 0)
				return NULL;
			at = k;
		}
	if (at == t->n)
		return NULL;
	base = base ? base + 1 : path;
	n = strlen(base);
	pre = at == 1 ? t->segs[0].len : 0;
	post = at + 2 == t->n ? t->segs[at + 1].len : 0;
	if (n <= pre + post || (pre > 0 && strncmp(base, t->segs[0].text, pre) != 0) ||
	    (post > 0 && strncmp(base + n - post, t->segs[at + 1].text, post) != 0))
		return NULL;
	id = xstrndup(base + pre, n - pre - post);
	if (schema->id_pattern != NULL && pattern_match(schema->id_pattern, id, strlen(id)) != 1) {
		free(id);
		return NULL;
	}
	return id;
}

struct summary *summary_from_name(const char *path, const char *abs, const struct schema_set *set,
				  const char *mapped)
{
	const struct schema *found = NULL;
	struct summary *s;
	char *id = NULL, *other;
	size_t i;

	if (mapped != NULL) {
		found = schema_set_find(set, mapped);
		id = found ? id_from_name(path, found) : NULL;
	}
	for (i = 0; mapped == NULL && i < set->n; i++) {
		other = id_from_name(path, set->items[i]);
		if (other != NULL && id != NULL) {
			free(other);
			free(id);
			return NULL; /* the name fits two types: no guess */
		}
		if (other != NULL) {
			id = other;
			found = set->items[i];
		}
	}
	if (id == NULL)
		return NULL;
	s = xcalloc(1, sizeof *s);
	s->path = xstrdup(path);
	s->real = abs != NULL ? xstrdup(abs) : NULL;
	s->schema = found;
	s->id = id;
	s->id_from_name = 1;
	s->id_line = s->id_col = 1;
	s->date.days = s->start.days = s->end.days = s->next_report.days = -1;
	return s;
}

void summary_free(struct summary *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->nrefs; i++)
		free(s->refs[i].value);
	for (i = 0; i < s->nlinks; i++) {
		free(s->links[i].dest);
		free(s->links[i].target);
	}
	free(s->refs);
	free(s->links);
	free(s->path);
	free(s->real);
	free(s->id);
	free(s->title);
	free(s->status);
	free(s->interval);
	free(s->series);
	free(s->severity_cap);
	free(s);
}
