/* SPDX-License-Identifier: EUPL-1.2 */
/* set_ref_status.c - ref-status: the status a cited record must have (target-status). */
#include <stdlib.h>
#include <string.h>

#include "set_index.h"
#include "util.h"

/* Returns the place of status among the values of the enum that holds the
 * statuses of schema t, or -1 when it is not one of them. */
static long status_rank(const struct schema *t, const char *status)
{
	const struct field_spec *f = schema_field(t, t->lifecycle.status);
	size_t i;

	for (i = 0; f != NULL && f->type == FT_ENUM && i < f->nvalues; i++)
		if (strcmp(f->values[i], status) == 0)
			return (long)i;
	return -1;
}

static int listed(const struct field_spec *f, const char *status)
{
	size_t i;

	for (i = 0; i < f->ntarget_status; i++)
		if (strcmp(f->target_status[i], status) == 0)
			return 1;
	return 0;
}

/* The statuses of target-status that records of type t can have (all of
 * them when t's statuses are not an enum), as "'a' or 'b'" (malloc'd). */
static char *allowed_for(const struct field_spec *f, const struct schema *t)
{
	const char **names = xmalloc(f->ntarget_status * sizeof *names);
	size_t i, n = 0;
	char *list;

	for (i = 0; i < f->ntarget_status; i++)
		if (status_rank(t, f->target_status[i]) >= 0)
			names[n++] = f->target_status[i];
	list = n > 0 ? join_words(names, n, "'", " or ")
		     : join_words(f->target_status, f->ntarget_status, "'", " or ");
	free(names);
	return list;
}

static void check_listed(const struct summary *s, const struct summary_ref *r,
			 const struct summary *t, struct diag_list *diags)
{
	char *list;

	if (listed(r->spec, t->status))
		return;
	list = allowed_for(r->spec, t->schema);
	diag_report(diags, s->path, r->line, r->col, RULE_REF_STATUS,
		    "field '%s' names %s, whose status is '%s'; the records it names must have "
		    "status %s",
		    r->spec->name, r->value, t->status, list);
	free(list);
}

static void check_not_behind(const struct summary *s, const struct summary_ref *r,
			     const struct summary *t, struct diag_list *diags)
{
	long mine = s->status ? status_rank(t->schema, s->status) : -1;
	long theirs = status_rank(t->schema, t->status);

	if (mine < 0 || theirs < 0 || theirs >= mine)
		return;
	diag_report(diags, s->path, r->line, r->col, RULE_REF_STATUS,
		    "field '%s' names %s, whose status '%s' is behind this record's status '%s'; "
		    "a record names only records that are at least as far along",
		    r->spec->name, r->value, t->status, s->status);
}

void set_check_ref_status(const struct summary *s, const struct summary_ref *r,
			  const struct summary *t, struct diag_list *diags)
{
	const struct field_spec *st;

	if (t->status == NULL || t->schema == NULL)
		return;
	/* A status its type does not have is field-enum's finding, not a second one here. */
	st = schema_field(t->schema, t->schema->lifecycle.status);
	if (st != NULL && st->type == FT_ENUM && status_rank(t->schema, t->status) < 0)
		return;
	if (r->spec->ntarget_status > 0)
		check_listed(s, r, t, diags);
	else if (r->spec->target_not_behind)
		check_not_behind(s, r, t, diags);
}
