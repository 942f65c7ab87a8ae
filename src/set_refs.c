/* SPDX-License-Identifier: EUPL-1.2 */
/* set_refs.c - whole-set rules on ids, references and links: id-duplicate,
 * ref-unresolved, ref-type, ref-date, ref-inactive, ref-cycle,
 * supersedes-status, ref-undeclared, link-broken. */
#include <stdlib.h>
#include <string.h>

#include "pattern.h"
#include "artefact.h"
#include "rules.h"
#include "set_index.h"
#include "util.h"
#include "i18n.h"

/* Suggestions for unknown ids compare at most this many ids in a whole run,
 * so that a set full of unknown ids stays linear. */
#define SUGGEST_BUDGET 4000000

/* ------------------------------------------------------------------ ids */

/* Reports an id shared by several records on each of them, naming a few
 * of the others (linear in the records that share it). */
static void report_duplicates(const struct set_index *ix, size_t first, struct diag_list *diags)
{
	struct summary *s;
	struct buf others;
	struct diag *d;
	size_t *group = NULL, n = 0, cap = 0, i, k, named;

	for (i = first; i != SET_NONE; i = ix->by_id.next[i]) {
		xgrow((void **)&group, &cap, n, sizeof *group);
		group[n++] = i;
	}
	for (i = 0; i < n; i++) {
		s = ix->recs[group[i]];
		memset(&others, 0, sizeof others);
		set_name_others(&others, ix, group, n, i);
		d = diag_report(diags, s->path, s->id_line, s->id_col, RULE_ID_DUPLICATE,
				"the id '%s' is also used by %s; each record needs its own id",
				s->id, others.data);
		for (k = 0, named = 0; k < n && named < SET_NAMED_OTHERS; k++)
			if (k != i) {
				diag_add_related(d, ix->recs[group[k]]->path,
						 ix->recs[group[k]]->id_line,
						 ix->recs[group[k]]->id_col, "the same id");
				named++;
			}
		buf_free(&others);
	}
	free(group);
}

/* The per-file rule file-name would send a record whose id another record
 * has too to the other's file name. On such a record it says instead to
 * give one of them a new id: dup[i] is set for records that share an id. */
static void reword_file_names(const struct set_index *ix, const unsigned char *dup,
			      struct diag_list *diags)
{
	const char **paths = xmalloc((ix->n ? ix->n : 1) * sizeof *paths);
	const struct summary *s, *o;
	struct smap m;
	size_t i, k;

	for (i = 0; i < ix->n; i++)
		paths[i] = dup[i] ? ix->recs[i]->path : NULL;
	smap_build(&m, paths, ix->n);
	for (k = 0; k < diags->n; k++) {
		if (diags->items[k].rule != RULE_FILE_NAME)
			continue;
		i = smap_find(&m, diags->items[k].path);
		if (i == SET_NONE)
			continue;
		s = ix->recs[i];
		o = ix->recs[smap_find(&ix->by_id, s->id)];
		if (o == s)
			o = ix->recs[ix->by_id.next[i]];
		diag_reword(&diags->items[k],
			    "the id '%s' is also used by %s, so renaming this file does not help; "
			    "give this record a new id with 'clerk renumber %s NEW'",
			    s->id, o->path, s->path);
	}
	smap_free(&m); /* and paths, its keys */
}

void set_check_ids(const struct set_index *ix, struct diag_list *diags)
{
	unsigned char *dup = xcalloc(ix->n ? ix->n : 1, 1);
	size_t i, first, k, ndup = 0;

	for (i = 0; i < ix->n; i++) {
		if (ix->recs[i]->id == NULL)
			continue;
		first = smap_find(&ix->by_id, ix->recs[i]->id);
		if (first != i || ix->by_id.next[i] == SET_NONE)
			continue;
		report_duplicates(ix, first, diags);
		for (k = first; k != SET_NONE; k = ix->by_id.next[k], ndup++)
			dup[k] = 1;
	}
	if (ndup > 0)
		reword_file_names(ix, dup, diags);
	free(dup);
}

/* ------------------------------------------------------- unknown ids */

/* True when field f of s already names id. */
static int field_names(const struct summary *s, const struct field_spec *f, const char *id)
{
	size_t k;

	for (k = 0; k < s->nrefs; k++)
		if (s->refs[k].spec == f && strcmp(s->refs[k].value, id) == 0)
			return 1;
	return 0;
}

/* Returns the existing id of a type f allows that is nearest to value
 * (at most 2 edits), not s's own and not already named in s's field f,
 * or NULL. */
static const char *suggest(const struct set_index *ix, const struct summary *s,
			   const struct field_spec *f, const char *value, long *budget)
{
	const char *best = NULL;
	int dist, best_dist = 3;
	size_t i, len = strlen(value), n;

	for (i = 0; i<ix->n && * budget> 0; i++) {
		if (ix->recs[i]->id == NULL || ix->recs[i] == s ||
		    !set_allows(f, ix->recs[i]->schema))
			continue;
		n = strlen(ix->recs[i]->id);
		if (n + 2 < len || len + 2 < n)
			continue;
		(*budget)--;
		dist = edit_distance(value, ix->recs[i]->id);
		if (dist >= best_dist)
			continue;
		*budget -= (long)s->nrefs; /* the look through the field below */
		if (!field_names(s, f, ix->recs[i]->id)) {
			best_dist = dist;
			best = ix->recs[i]->id;
		}
	}
	return best;
}

/* True when value has the form of an id of a type f allows. */
static int looks_like_id(const struct field_spec *f, const char *value)
{
	size_t i;

	for (i = 0; i < f->ntargets; i++)
		if (f->target_schemas[i]->id_pattern == NULL ||
		    pattern_match(f->target_schemas[i]->id_pattern, value, strlen(value)) == 1)
			return 1;
	return 0;
}

/* Returns "covenant or decision" and "'COV-2024-001' or '2024-017'" for f's targets. */
static void target_words(const struct field_spec *f, char **titles, char **examples)
{
	const char **t = xmalloc((f->ntargets ? f->ntargets : 1) * sizeof *t);
	const char **e = xmalloc((f->ntargets ? f->ntargets : 1) * sizeof *e);
	size_t i, ne = 0;

	for (i = 0; i < f->ntargets; i++) {
		t[i] = f->target_schemas[i]->title;
		if (f->target_schemas[i]->id_example != NULL)
			e[ne++] = f->target_schemas[i]->id_example;
	}
	*titles = join_words(t, f->ntargets, "", " or ");
	*examples = join_words(e, ne, "'", " or ");
	free(t);
	free(e);
}

/* True when a record of a type f allows has an id of the wrong form. */
static int bad_id_of(const struct set_index *ix, const struct field_spec *f)
{
	size_t i;

	for (i = 0; i < ix->nbad_id; i++)
		if (set_allows(f, ix->bad_id[i]))
			return 1;
	return 0;
}

static void report_unresolved(const struct set_index *ix, const struct summary *s,
			      const struct summary_ref *r, long *budget, struct diag_list *diags)
{
	const char *near;
	char *titles, *examples;
	struct diag *d;

	if (bad_id_of(ix, r->spec) && looks_like_id(r->spec, r->value))
		return; /* it may mean that record: id-pattern reports it */
	target_words(r->spec, &titles, &examples);
	if (!looks_like_id(r->spec, r->value)) {
		d = diag_report(
		    diags, s->path, r->line, r->col, RULE_REF_UNRESOLVED,
		    "field '%s': '%s' is not the id of any record, and not written like the "
		    "id of %s %s%s%s%s",
		    r->spec->name, r->value, rule_article(titles), titles,
		    examples[0] ? _(" (ids look like ") : "", examples, examples[0] ? ")" : "");
	} else {
		near = suggest(ix, s, r->spec, r->value, budget);
		d = diag_report(diags, s->path, r->line, r->col, RULE_REF_UNRESOLVED,
				"field '%s': no record has the id '%s'%s%s%s", r->spec->name,
				r->value, near ? _("; did you mean ") : "", near ? near : "",
				near ? "?" : "");
	}
	/* Not repaired in place: the value may be one item of several on its line. */
	artefact_note(d, r->value, strlen(r->value), r->line, r->col, 0);
	free(titles);
	free(examples);
}

static void report_type(const struct summary *s, const struct summary_ref *r,
			const struct summary *t, struct diag_list *diags)
{
	char *titles, *examples;

	target_words(r->spec, &titles, &examples);
	diag_report(diags, s->path, r->line, r->col, RULE_REF_TYPE,
		    "field '%s' must name %s %s, but '%s' is %s %s (%s)", r->spec->name,
		    rule_article(titles), titles, r->value,
		    t->schema ? rule_article(t->schema->title) : "a",
		    t->schema ? t->schema->title : _("record of unknown type"), t->path);
	free(titles);
	free(examples);
}

/* ------------------------------------------------------------ in force */

/* Returns the record that supersedes t on or before day (not a draft, not
 * s itself), or SET_NONE. */
static size_t superseded_by(const struct set_index *ix, size_t t, long day, size_t s)
{
	const struct set_edge *e;
	const struct summary *u;
	size_t k;

	for (k = ix->in_start[t]; k < ix->in_start[t + 1]; k++) {
		e = &ix->in[k];
		u = ix->recs[e->from];
		if (e->link || e->from == s || !u->refs[e->k].supersedes || u->life == LIFE_DRAFT)
			continue;
		if (u->date.days >= 0 && u->date.days <= day)
			return e->from;
	}
	return SET_NONE;
}

static void check_inactive(const struct set_index *ix, size_t si, const struct summary_ref *r,
			   size_t ti, struct diag_list *diags)
{
	const struct summary *s = ix->recs[si], *t = ix->recs[ti];
	long day = s->date.days;
	size_t u;

	if (day < 0 || r->supersedes || t->id_from_name)
		return;
	if (t->end.days >= 0 && t->end.days < day) {
		diag_report(diags, s->path, r->line, r->col, RULE_REF_INACTIVE,
			    "field '%s': '%s' ended on %s, before this record's date %s",
			    r->spec->name, r->value, t->end.text, s->date.text);
		return;
	}
	if (t->life == LIFE_ENDED && t->end.days < 0) {
		diag_report(diags, s->path, r->line, r->col, RULE_REF_INACTIVE,
			    "field '%s': '%s' has status '%s', so it is no longer in force",
			    r->spec->name, r->value, t->status);
		return;
	}
	u = superseded_by(ix, ti, day, si);
	if (u != SET_NONE)
		diag_report(diags, s->path, r->line, r->col, RULE_REF_INACTIVE,
			    "field '%s': '%s' was replaced by %s (%s) of %s, on or before this "
			    "record's date %s; cite %s instead",
			    r->spec->name, r->value, ix->recs[u]->id, ix->recs[u]->path,
			    ix->recs[u]->date.text, s->date.text, ix->recs[u]->id);
}

/* The field of s's schema that may name a record of t's type dated later
 * (target-later, such as a decision's approves), or NULL. */
static const struct field_spec *later_field(const struct summary *s, const struct summary *t)
{
	const struct field_spec *f;
	size_t i, k;

	for (i = 0; s->schema != NULL && t->schema != NULL && i < s->schema->nfields; i++) {
		f = &s->schema->fields[i];
		for (k = 0; f->target_later && k < f->ntargets; k++)
			if (strcmp(f->targets[k], t->schema->name) == 0)
				return f;
	}
	return NULL;
}

static void check_date(const struct summary *s, const struct summary_ref *r,
		       const struct summary *t, struct diag_list *diags)
{
	const struct field_spec *later;

	if (s->date.days < 0 || t->date.days < 0 || r->spec->target_later)
		return;
	later = later_field(s, t);
	if (r->supersedes && t->date.days >= s->date.days)
		diag_report(diags, s->path, r->line, r->col, RULE_REF_DATE,
			    "field '%s': '%s' is dated %s, not before this record's date %s; a "
			    "record can only replace an older one",
			    r->spec->name, r->value, t->date.text, s->date.text);
	else if (!r->supersedes && t->date.days > s->date.days && later != NULL)
		diag_report(diags, s->path, r->line, r->col, RULE_REF_DATE,
			    "field '%s': '%s' is dated %s, after this record's date %s; this "
			    "field only names what existed on that date; %s %s that this record "
			    "approves before it is signed belongs in '%s'",
			    r->spec->name, r->value, t->date.text, s->date.text,
			    rule_article(t->schema->title), t->schema->title, later->name);
	else if (!r->supersedes && t->date.days > s->date.days)
		diag_report(diags, s->path, r->line, r->col, RULE_REF_DATE,
			    "field '%s': '%s' is dated %s, after this record's date %s; a record "
			    "can only cite what existed on its date",
			    r->spec->name, r->value, t->date.text, s->date.text);
}

/* ------------------------------------------------------------- cycles */

/* Finds circles of supersedes with an iterative depth-first search; marks
 * the refs that close or lie on one in on_cycle and reports each record of
 * a circle once, on its supersedes item. */
struct dfs {
	const struct set_index *ix;
	unsigned char *color; /* 0 new, 1 on the path, 2 done */
	size_t *stack, *pos;  /* record, and the next ref to follow */
	unsigned char *on_cycle;
	struct diag_list *diags;
};

static void report_cycle(struct dfs *d, size_t depth, size_t target)
{
	const struct summary *s, *t;
	const struct summary_ref *r;
	size_t i = depth, k, ri;

	while (i > 0 && d->stack[i - 1] != target)
		i--;
	for (k = i - 1; k < depth; k++) {
		s = d->ix->recs[d->stack[k]];
		ri = d->pos[k] - 1;
		r = &s->refs[ri];
		t = d->ix->recs[d->ix->ref_target[d->ix->ref_base[d->stack[k]] + ri]];
		d->on_cycle[d->ix->ref_base[d->stack[k]] + ri] = 1;
		diag_report(d->diags, s->path, r->line, r->col, RULE_REF_CYCLE,
			    "'%s' supersedes %s (%s), which in turn leads back to '%s' through "
			    "supersedes; remove the wrong one",
			    s->id, t->id, t->path, s->id);
	}
}

/* Returns the next supersedes target of the record on top, or SET_NONE. */
static size_t next_target(struct dfs *d, size_t depth)
{
	size_t i = d->stack[depth - 1], t;
	const struct summary *s = d->ix->recs[i];

	while (d->pos[depth - 1] < s->nrefs) {
		t = d->ix->ref_target[d->ix->ref_base[i] + d->pos[depth - 1]];
		if (s->refs[d->pos[depth - 1]++].supersedes && t != SET_NONE)
			return t;
	}
	return SET_NONE;
}

static void dfs_from(struct dfs *d, size_t start)
{
	size_t depth = 1, t;

	d->stack[0] = start;
	d->pos[0] = 0;
	d->color[start] = 1;
	while (depth > 0) {
		t = next_target(d, depth);
		if (t == SET_NONE) {
			d->color[d->stack[--depth]] = 2;
		} else if (d->color[t] == 1) {
			report_cycle(d, depth, t);
		} else if (d->color[t] == 0) {
			d->color[t] = 1;
			d->stack[depth] = t;
			d->pos[depth++] = 0;
		}
	}
}

static unsigned char *find_cycles(const struct set_index *ix, struct diag_list *diags)
{
	struct dfs d;
	size_t i;

	d.ix = ix;
	d.diags = diags;
	d.color = xcalloc(ix->n + 1, 1);
	d.stack = xmalloc((ix->n + 1) * sizeof *d.stack);
	d.pos = xmalloc((ix->n + 1) * sizeof *d.pos);
	d.on_cycle = xcalloc(ix->ref_base[ix->n] + 1, 1);
	for (i = 0; i < ix->n; i++)
		if (d.color[i] == 0)
			dfs_from(&d, i);
	free(d.color);
	free(d.stack);
	free(d.pos);
	return d.on_cycle;
}

/* ------------------------------------------------- supersedes-status */

static int has_superseded_status(const struct summary *t)
{
	const struct schema_lifecycle *l = &t->schema->lifecycle;

	if (l->nsuperseded > 0)
		return t->life == LIFE_SUPERSEDED;
	return l->nended == 0 || t->life == LIFE_ENDED;
}

static void check_superseded_status(const struct set_index *ix, size_t ti, struct diag_list *diags)
{
	const struct summary *t = ix->recs[ti], *u;
	const struct schema_lifecycle *l;
	const struct set_edge *e;
	size_t k;

	if (t->schema == NULL || t->status == NULL || t->id_from_name || has_superseded_status(t))
		return;
	l = &t->schema->lifecycle;
	for (k = ix->in_start[ti]; k < ix->in_start[ti + 1]; k++) {
		e = &ix->in[k];
		u = ix->recs[e->from];
		if (e->link || !u->refs[e->k].supersedes || u->life == LIFE_DRAFT)
			continue;
		diag_report(diags, t->path, t->status_line, t->status_col, RULE_SUPERSEDES_STATUS,
			    "%s (%s) replaces this record, but its status is '%s'; set it to '%s'",
			    u->id, u->path, t->status,
			    l->nsuperseded ? l->superseded[0] : l->ended[0]);
		return;
	}
}

/* -------------------------------------------------------------- refs */

static void check_ref(const struct set_index *ix, size_t si, size_t k,
		      const unsigned char *on_cycle, long *budget, struct diag_list *diags)
{
	const struct summary *s = ix->recs[si];
	const struct summary_ref *r = &s->refs[k];
	size_t ti = ix->ref_target[ix->ref_base[si] + k];
	const struct summary *t;

	if (ti == SET_NONE) {
		report_unresolved(ix, s, r, budget, diags);
		return;
	}
	t = ix->recs[ti];
	if (!set_allows(r->spec, t->schema)) {
		report_type(s, r, t, diags);
		return;
	}
	if (!on_cycle[ix->ref_base[si] + k])
		check_date(s, r, t, diags);
	check_inactive(ix, si, r, ti, diags);
	set_check_ref_status(s, r, t, diags);
}

void set_check_refs(const struct set_index *ix, struct diag_list *diags)
{
	unsigned char *on_cycle = find_cycles(ix, diags);
	long budget = SUGGEST_BUDGET;
	size_t i, k;

	for (i = 0; i < ix->n; i++) {
		for (k = 0; k < ix->recs[i]->nrefs; k++)
			check_ref(ix, i, k, on_cycle, &budget, diags);
		check_superseded_status(ix, i, diags);
	}
	free(on_cycle);
}

/* ------------------------------------------------------------- links */

static int names(const struct summary *s, const char *id)
{
	size_t k;

	for (k = 0; k < s->nrefs; k++)
		if (strcmp(s->refs[k].value, id) == 0)
			return 1;
	return 0;
}

/* The reference field of s's schema that could name t: a field that
 * allows t's type, other than the one that says what s replaces and one
 * that names later records, when there is another; or NULL when s's
 * schema has none, so that a link there needs no field. */
static const struct field_spec *field_for(const struct summary *s, const struct summary *t)
{
	const struct field_spec *f, *any = NULL;
	const char *sup = s->schema->lifecycle.supersedes;
	size_t i;

	for (i = 0; t->schema != NULL && i < s->schema->nfields; i++) {
		f = &s->schema->fields[i];
		if (f->ntargets == 0 || !set_allows(f, t->schema))
			continue;
		if (!f->target_later && (sup == NULL || strcmp(sup, f->name) != 0))
			return f;
		if (any == NULL)
			any = f;
	}
	return any;
}

void set_check_links(const struct set_index *ix, struct diag_list *diags)
{
	const struct summary *s, *t;
	const struct summary_link *l;
	const struct field_spec *f;
	size_t i, k, ti;

	for (i = 0; i < ix->n; i++) {
		s = ix->recs[i];
		for (k = 0; k < s->nlinks; k++) {
			l = &s->links[k];
			ti = ix->link_target[ix->link_base[i] + k];
			if (ti == SET_BROKEN)
				diag_report(diags, s->path, l->line, l->col, RULE_LINK_BROKEN,
					    "the link to '%s' points to a file that does not exist",
					    l->dest);
			if (ti >= ix->n || ti == i)
				continue;
			t = ix->recs[ti];
			if (t->id == NULL || s->schema == NULL || names(s, t->id))
				continue;
			f = field_for(s, t);
			if (f != NULL)
				diag_report(
				    diags, s->path, l->line, l->col, RULE_REF_UNDECLARED,
				    "the text links to %s (%s), which none of this record's "
				    "reference fields names; add '%s' to the field '%s'",
				    t->id, l->dest, t->id, f->name);
		}
	}
}
