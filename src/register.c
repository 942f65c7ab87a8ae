/* SPDX-License-Identifier: EUPL-1.2 */
/* register.c - the rows of the register and the formats of `clerk list`. */
#include "register.h"

#include <stdlib.h>
#include <string.h>

#include "git_ids.h"
#include "hint.h"
#include "i18n.h"
#include "out_util.h"
#include "reg_text.h"
#include "util.h"

/* ---------------------------------------------------------------- rows */

static int listed(const char *word, const char *const *list, size_t n)
{
	size_t i;

	if (n == 0)
		return 1;
	for (i = 0; word != NULL && i < n; i++)
		if (strcmp(word, list[i]) == 0)
			return 1;
	return 0;
}

static int kept(const struct summary *s, const struct reg_filter *f)
{
	return f == NULL || (listed(s->schema->name, f->types, f->ntypes) &&
			     listed(s->status, f->statuses, f->nstatuses));
}

/* The status field of schema t when its statuses are a list of values, else NULL. */
static const struct field_spec *status_values(const struct schema *t)
{
	const struct field_spec *f = schema_field(t, t->lifecycle.status);

	return f != NULL && f->type == FT_ENUM ? f : NULL;
}

/* Appends word to the words of *list (n of them) unless it is there. */
static void add_word(struct strlist *list, const char *word)
{
	size_t i;

	for (i = 0; i < list->n; i++)
		if (strcmp(list->items[i], word) == 0)
			return;
	strlist_add(list, word, strlen(word));
}

int reg_status_known(const struct schema_set *set, const char *const *types, size_t ntypes,
		     const char *status, char **advice, int *meant)
{
	struct strlist meanings = {0}, all = {0};
	const struct field_spec *f;
	const struct schema *t;
	const char *near;
	char *word;
	size_t i, k;
	int known = 0;

	for (i = 0; i < set->n && !known; i++) {
		t = set->items[i];
		f = status_values(t);
		if (!listed(t->name, types, ntypes))
			continue;
		known = f == NULL || listed(status, f->values, f->nvalues);
		for (k = 0; f != NULL && k < f->nvalues; k++)
			add_word(&all, f->values[k]);
		near = f != NULL ? hint_synonym(f, status) : NULL;
		if (near == NULL)
			continue;
		word = xasprintf("'%s' (%s)", near, t->title);
		add_word(&meanings, word);
		free(word);
	}
	*meant = meanings.n > 0;
	*advice = NULL;
	if (!known)
		*advice = meanings.n > 0
			      ? join_words((const char **)meanings.items, meanings.n, "", " or ")
			      : join_words((const char **)all.items, all.n, "'", " or ");
	strlist_free(&meanings);
	strlist_free(&all);
	return known;
}

struct sort_item {
	const struct summary *s;
	size_t i;
};

/* By type, then id (records without one last), then path. */
static int row_compare(const void *pa, const void *pb)
{
	const struct summary *a = ((const struct sort_item *)pa)->s;
	const struct summary *b = ((const struct sort_item *)pb)->s;
	int rc = strcmp(a->schema->name, b->schema->name);

	if (rc == 0 && (a->id == NULL) != (b->id == NULL))
		rc = a->id == NULL ? 1 : -1;
	if (rc == 0 && a->id != NULL)
		rc = reg_id_compare(a->id, b->id);
	return rc != 0 ? rc : strcmp(a->path, b->path);
}

static void sort_rows(struct reg *r)
{
	struct sort_item *items = xmalloc((r->n ? r->n : 1) * sizeof *items);
	size_t k;

	for (k = 0; k < r->n; k++) {
		items[k].s = r->ix.recs[r->rows[k]];
		items[k].i = r->rows[k];
	}
	if (r->n > 1)
		qsort(items, r->n, sizeof *items, row_compare);
	for (k = 0; k < r->n; k++)
		r->rows[k] = items[k].i;
	free(items);
}

void reg_build(struct reg *r, const struct check_run *run, const struct reg_filter *filter)
{
	const struct summary *s;
	size_t i;

	memset(r, 0, sizeof *r);
	set_index_build(&r->ix, run->records, run->nrecords);
	r->rows = xmalloc((run->nrecords ? run->nrecords : 1) * sizeof *r->rows);
	r->skipped = xmalloc((run->nrecords ? run->nrecords : 1) * sizeof *r->skipped);
	for (i = 0; i < run->nrecords; i++) {
		s = run->records[i];
		if (!check_chosen(run, s->path))
			continue;
		if (s->unreadable || s->schema == NULL)
			r->skipped[r->nskipped++] = i;
		else if (kept(s, filter))
			r->rows[r->n++] = i;
	}
	sort_rows(r);
}

void reg_free(struct reg *r)
{
	set_index_free(&r->ix);
	free(r->rows);
	free(r->skipped);
	memset(r, 0, sizeof *r);
}

/* ---------------------------------------------------------- the cells */

#define NCOLS 6
static const char *const columns[NCOLS] = {"id", "type", "date", "status", "title", "path"};
/* The table's headings, in the language of the messages (CSV and JSON keep columns[]). */
static const char *const headings[NCOLS] = {N_("id"),     N_("type"),  N_("date"),
					    N_("status"), N_("title"), N_("path")};

/* The cells of record s, in the order of columns[]; "" for what it lacks. */
static void row_cells(const struct summary *s, const char *cells[NCOLS])
{
	cells[0] = s->id ? s->id : "";
	cells[1] = s->schema->name;
	cells[2] = s->date.days >= 0 ? s->date.text : "";
	cells[3] = s->status ? s->status : "";
	cells[4] = s->title ? s->title : "";
	cells[5] = s->path;
}

/* ------------------------------------------------- the table and CSV */

/* reg_row_fn for CSV: the cells of the k-th row as they are. */
static void csv_row(const void *data, size_t k, const char **cells)
{
	const struct reg *r = data;

	row_cells(r->ix.recs[r->rows[k]], cells);
}

/* reg_row_fn for the table: the status in the words of the messages. */
static void table_row(const void *data, size_t k, const char **cells)
{
	csv_row(data, k, cells);
	cells[3] = i18n_status(cells[3]);
}

void reg_write_table(FILE *f, const struct reg *r)
{
	const char *heads[NCOLS];
	size_t c;

	for (c = 0; c < NCOLS; c++)
		heads[c] = _(headings[c]);
	reg_write_rows(f, 0, heads, NCOLS, r->n, table_row, r);
}

void reg_write_csv(FILE *f, const struct reg *r)
{
	reg_write_rows(f, 1, columns, NCOLS, r->n, csv_row, r);
}

/* ----------------------------------------------------------------- JSON */

static void json_or_null(FILE *f, const char *s)
{
	if (s == NULL)
		fputs("null", f);
	else
		out_json_string(f, s);
}

/* One reference: {"field", "target", "path"}; path null when not found. */
static void json_ref(FILE *f, int *first, const char *field, const char *target,
		     const struct summary *t)
{
	fprintf(f, "%s{\"field\":", *first ? "" : ",");
	out_json_string(f, field);
	fputs(",\"target\":", f);
	json_or_null(f, target);
	fputs(",\"path\":", f);
	json_or_null(f, t ? t->path : NULL);
	fputc('}', f);
	*first = 0;
}

/* The record's references: every ref value, and every body link to a record. */
static void json_refs(FILE *f, const struct set_index *ix, size_t i)
{
	const struct summary *s = ix->recs[i];
	size_t k, ti;
	int first = 1;

	fputs(",\"references\":[", f);
	for (k = 0; k < s->nrefs; k++) {
		ti = ix->ref_target[ix->ref_base[i] + k];
		json_ref(f, &first, s->refs[k].spec->name, s->refs[k].value,
			 ti < ix->n ? ix->recs[ti] : NULL);
	}
	for (k = 0; k < s->nlinks; k++) {
		ti = ix->link_target[ix->link_base[i] + k];
		if (ti < ix->n)
			json_ref(f, &first, "link", ix->recs[ti]->id, ix->recs[ti]);
	}
	fputc(']', f);
}

static void json_backlinks(FILE *f, const struct set_index *ix, size_t i)
{
	const struct set_edge *e;
	const struct summary *u;
	size_t k;

	fputs(",\"backlinks\":[", f);
	for (k = ix->in_start[i]; k < ix->in_start[i + 1]; k++) {
		e = &ix->in[k];
		u = ix->recs[e->from];
		fprintf(f, "%s{\"field\":", k > ix->in_start[i] ? "," : "");
		out_json_string(f, e->link ? "link" : u->refs[e->k].spec->name);
		fputs(",\"source\":", f);
		json_or_null(f, u->id);
		fputs(",\"path\":", f);
		out_json_string(f, u->path);
		fputc('}', f);
	}
	fputc(']', f);
}

void reg_write_json(FILE *f, const struct reg *r)
{
	const struct summary *s;
	const char *cells[NCOLS];
	size_t k, c;

	fputs("[", f);
	for (k = 0; k < r->n; k++) {
		s = r->ix.recs[r->rows[k]];
		row_cells(s, cells);
		fputs(k ? ",\n{" : "\n{", f);
		for (c = 0; c < NCOLS; c++) {
			fprintf(f, "%s\"%s\":", c ? "," : "", columns[c]);
			json_or_null(f, cells[c][0] != '\0' || c == 5 ? cells[c] : NULL);
		}
		json_refs(f, &r->ix, r->rows[k]);
		json_backlinks(f, &r->ix, r->rows[k]);
		fputc('}', f);
	}
	fputs(r->n ? "\n]\n" : "]\n", f);
}
