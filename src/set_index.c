/* SPDX-License-Identifier: EUPL-1.2 */
/* set_index.c - records by id and by file, and the reference graph both ways. */
#include "set_index.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "i18n.h"

/* FNV-1a. */
static size_t hash(const char *s)
{
	size_t h = (size_t)14695981039346656037ULL;

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= (size_t)1099511628211ULL;
	}
	return h;
}

void smap_build(struct smap *m, const char **keys, size_t n)
{
	size_t size = 16, i, h, first;

	while (size < 2 * n + 2)
		size *= 2;
	m->slot = xcalloc(size, sizeof *m->slot);
	m->mask = size - 1;
	m->next = xmalloc((n ? n : 1) * sizeof *m->next);
	m->keys = keys;
	/* Backwards, so that each chain lists its records in record order. */
	for (i = n; i-- > 0;) {
		m->next[i] = SET_NONE;
		if (keys[i] == NULL)
			continue;
		for (h = hash(keys[i]) & m->mask; m->slot[h] != 0; h = (h + 1) & m->mask)
			if (strcmp(keys[m->slot[h] - 1], keys[i]) == 0)
				break;
		first = m->slot[h];
		m->next[i] = first ? first - 1 : SET_NONE;
		m->slot[h] = i + 1;
	}
}

size_t smap_find(const struct smap *m, const char *key)
{
	size_t h;

	for (h = hash(key) & m->mask; m->slot[h] != 0; h = (h + 1) & m->mask)
		if (strcmp(m->keys[m->slot[h] - 1], key) == 0)
			return m->slot[h] - 1;
	return SET_NONE;
}

void smap_free(struct smap *m)
{
	free(m->slot);
	free(m->next);
	free((void *)m->keys);
	memset(m, 0, sizeof *m);
}

int set_allows(const struct field_spec *f, const struct schema *t)
{
	size_t i;

	for (i = 0; t != NULL && i < f->ntargets; i++)
		if (f->target_schemas[i] == t)
			return 1;
	return 0;
}

/* The record a ref names: the first with its id whose type the field
 * allows, else the first with its id, else SET_NONE. */
static size_t resolve(const struct set_index *ix, const struct summary_ref *r)
{
	size_t i, first = smap_find(&ix->by_id, r->value);

	for (i = first; i != SET_NONE; i = ix->by_id.next[i])
		if (set_allows(r->spec, ix->recs[i]->schema))
			return i;
	return first;
}

/* A link whose target no record has by its text: a symbolic link on the
 * way, a file outside the set, or no file at all. */
struct unseen {
	const char *target;
	size_t at; /* its place in link_target */
};

static int unseen_compare(const void *a, const void *b)
{
	return strcmp(((const struct unseen *)a)->target, ((const struct unseen *)b)->target);
}

/* Asks the file system about each target of the unseen links once: the
 * record its real path is, SET_NONE for another file, else SET_BROKEN. */
static void resolve_unseen(struct set_index *ix, struct unseen *list, size_t n)
{
	size_t i, t = SET_BROKEN;
	char *real;

	if (n > 1)
		qsort(list, n, sizeof *list, unseen_compare);
	for (i = 0; i < n; i++) {
		if (i == 0 || strcmp(list[i].target, list[i - 1].target) != 0) {
			real = realpath(list[i].target, NULL);
			t = real != NULL ? smap_find(&ix->by_file, real) : SET_BROKEN;
			free(real);
		}
		ix->link_target[list[i].at] = t;
	}
}

/* Resolves every link: by its target's text first, which names the file
 * of a record in the set without a system call, then the rest at once. */
static void resolve_links(struct set_index *ix)
{
	struct unseen *list = NULL;
	size_t i, k, at, n = 0, cap = 0;
	const struct summary_link *l;

	for (i = 0; i < ix->n; i++)
		for (k = 0; k < ix->recs[i]->nlinks; k++) {
			l = &ix->recs[i]->links[k];
			at = ix->link_base[i] + k;
			ix->link_target[at] = smap_find(&ix->by_file, l->target);
			if (ix->link_target[at] != SET_NONE)
				continue;
			xgrow((void **)&list, &cap, n, sizeof *list);
			list[n++] = (struct unseen){l->target, at};
		}
	resolve_unseen(ix, list, n);
	free(list);
}

static void build_maps(struct set_index *ix)
{
	const char **ids = xmalloc((ix->n ? ix->n : 1) * sizeof *ids);
	const char **files = xmalloc((ix->n ? ix->n : 1) * sizeof *files);
	size_t i;

	for (i = 0; i < ix->n; i++) {
		ids[i] = ix->recs[i]->id;
		files[i] = ix->recs[i]->real;
	}
	smap_build(&ix->by_id, ids, ix->n);
	smap_build(&ix->by_file, files, ix->n);
}

/* Resolves every ref and link, counting the edges into each record. */
static void resolve_all(struct set_index *ix)
{
	size_t i, k, nrefs = 0, nlinks = 0, t;

	ix->ref_base = xmalloc((ix->n + 1) * sizeof *ix->ref_base);
	ix->link_base = xmalloc((ix->n + 1) * sizeof *ix->link_base);
	for (i = 0; i < ix->n; i++) {
		ix->ref_base[i] = nrefs;
		ix->link_base[i] = nlinks;
		nrefs += ix->recs[i]->nrefs;
		nlinks += ix->recs[i]->nlinks;
	}
	ix->ref_base[ix->n] = nrefs;
	ix->link_base[ix->n] = nlinks;
	ix->ref_target = xmalloc((nrefs ? nrefs : 1) * sizeof *ix->ref_target);
	ix->link_target = xmalloc((nlinks ? nlinks : 1) * sizeof *ix->link_target);
	ix->in_start = xcalloc(ix->n + 2, sizeof *ix->in_start);
	resolve_links(ix);
	for (i = 0; i < ix->n; i++) {
		for (k = 0; k < ix->recs[i]->nrefs; k++) {
			t = resolve(ix, &ix->recs[i]->refs[k]);
			ix->ref_target[ix->ref_base[i] + k] = t;
			if (t < ix->n)
				ix->in_start[t + 2]++;
		}
		for (k = 0; k < ix->recs[i]->nlinks; k++) {
			t = ix->link_target[ix->link_base[i] + k];
			if (t < ix->n)
				ix->in_start[t + 2]++;
		}
	}
}

static void add_edge(struct set_index *ix, size_t t, size_t from, size_t k, int link)
{
	struct set_edge *e;

	if (t >= ix->n)
		return;
	e = &ix->in[ix->in_start[t + 1]++];
	e->from = from;
	e->k = k;
	e->link = link;
}

/* Fills in[] by counting sort: in_start[t+2] held the counts. */
static void build_in_edges(struct set_index *ix)
{
	size_t i, k;

	for (i = 2; i < ix->n + 2; i++)
		ix->in_start[i] += ix->in_start[i - 1];
	ix->in = xmalloc((ix->in_start[ix->n + 1] ? ix->in_start[ix->n + 1] : 1) * sizeof *ix->in);
	for (i = 0; i < ix->n; i++) {
		for (k = 0; k < ix->recs[i]->nrefs; k++)
			add_edge(ix, ix->ref_target[ix->ref_base[i] + k], i, k, 0);
		for (k = 0; k < ix->recs[i]->nlinks; k++)
			add_edge(ix, ix->link_target[ix->link_base[i] + k], i, k, 1);
	}
}

/* Adds t to list (of *n) unless it is there; lists stay short: one per type. */
static void add_type(const struct schema ***list, size_t *n, size_t *cap, const struct schema *t)
{
	size_t k;

	for (k = 0; k < *n; k++)
		if ((*list)[k] == t)
			return;
	xgrow((void **)list, cap, *n, sizeof **list);
	(*list)[(*n)++] = t;
}

/* Lists the distinct types of records that could not be read, or whose
 * place in a series is unknown (few: one per type). */
static void find_unreadable(struct set_index *ix)
{
	size_t i, cap = 0, bad_cap = 0, series_cap = 0;

	for (i = 0; i < ix->n; i++) {
		/* A record of no known type does not silence rules about a type. */
		if (ix->recs[i]->unreadable && ix->recs[i]->schema != NULL)
			add_type(&ix->unreadable, &ix->nunreadable, &cap, ix->recs[i]->schema);
		if (ix->recs[i]->series_unknown && ix->recs[i]->series == NULL)
			add_type(&ix->no_series, &ix->nno_series, &series_cap, ix->recs[i]->schema);
		if (ix->recs[i]->id_bad)
			add_type(&ix->bad_id, &ix->nbad_id, &bad_cap, ix->recs[i]->schema);
	}
}

int set_unreadable(const struct set_index *ix, const struct schema *t)
{
	size_t k;

	for (k = 0; k < ix->nunreadable; k++)
		if (ix->unreadable[k] == t)
			return 1;
	return 0;
}

int set_series_unknown(const struct set_index *ix, const struct schema *t)
{
	size_t k;

	for (k = 0; k < ix->nno_series; k++)
		if (ix->no_series[k] == t)
			return 1;
	return set_unreadable(ix, t);
}

void set_index_build(struct set_index *ix, struct summary *const *recs, size_t n)
{
	memset(ix, 0, sizeof *ix);
	ix->recs = recs;
	ix->n = n;
	build_maps(ix);
	resolve_all(ix);
	build_in_edges(ix);
	find_unreadable(ix);
}

void set_index_free(struct set_index *ix)
{
	smap_free(&ix->by_id);
	smap_free(&ix->by_file);
	free(ix->ref_base);
	free(ix->ref_target);
	free(ix->link_base);
	free(ix->link_target);
	free(ix->in_start);
	free(ix->in);
	free(ix->unreadable);
	free(ix->bad_id);
	free(ix->no_series);
	memset(ix, 0, sizeof *ix);
}

void set_name_others(struct buf *b, const struct set_index *ix, const size_t *group, size_t n,
		     size_t self)
{
	size_t k, named = 0;

	buf_add(b, "", 0);
	for (k = 0; k < n && named < SET_NAMED_OTHERS; k++)
		if (k != self) {
			buf_printf(b, "%s%s", named ? ", " : "", ix->recs[group[k]]->path);
			named++;
		}
	if (n - 1 > named)
		buf_printf(b, ngettext(" and %zu more", " and %zu more", n - 1 - named),
			   n - 1 - named);
}
