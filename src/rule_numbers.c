/* SPDX-License-Identifier: EUPL-1.2 */
/* rule_numbers.c - numbers that must agree: id-year and sequence-title. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "load_yaml.h"
#include "ordinal.h"
#include "rules.h"

/* Returns the scalar value of field name, or NULL. */
static const struct ynode *scalar(const struct record *rec, const char *name)
{
	const struct ynode *v = ynode_get(rec->front, name);

	return v != NULL && v->kind == YNODE_SCALAR && !ynode_is_null(v) ? v : NULL;
}

/* id-year: the id's year group against the year of the record's date. */
static void check_id_year(struct rule_ctx *ctx)
{
	const struct schema *s = ctx->schema;
	const struct ynode *id = scalar(ctx->rec, s->id_field), *date = scalar(ctx->rec, "date");
	char year[16];
	long days;
	int idyear, dyear, tol = s->id_year_tolerance;

	if (s->id_pattern == NULL || id == NULL || date == NULL ||
	    pcre2_substring_number_from_name(s->id_pattern, (PCRE2_SPTR) "year") < 0 ||
	    date_parse(date->text, date->len, &days) != DATE_OK ||
	    !pattern_group(s->id_pattern, id->text, id->len, "year", year, sizeof year))
		return;
	idyear = atoi(year);
	dyear = atoi(date->text);
	if (idyear == dyear || (idyear < dyear && idyear >= dyear - tol &&
				atoi(date->text + 5) <= ctx->id_year_months))
		return;
	if (tol > 0 && idyear < dyear && idyear >= dyear - tol)
		diag_report(ctx->diags, ctx->rec->path, id->line, id->col, RULE_ID_YEAR,
			    "the id '%s' has the year %d, but the record is dated %s; an id of "
			    "an earlier year is usual only for records dated in the first %d "
			    "months of the year, so the year in the id should be %d",
			    id->text, idyear, date->text, ctx->id_year_months, dyear);
	else if (tol == 0)
		diag_report(ctx->diags, ctx->rec->path, id->line, id->col, RULE_ID_YEAR,
			    "the id '%s' has the year %d, but the record is dated %s; the year in "
			    "the id should be %d",
			    id->text, idyear, date->text, dyear);
	else
		diag_report(ctx->diags, ctx->rec->path, id->line, id->col, RULE_ID_YEAR,
			    "the id '%s' has the year %d, but the record is dated %s; the year in "
			    "the id should be %d, or at most %d year%s earlier",
			    id->text, idyear, date->text, dyear, tol, tol == 1 ? "" : "s");
}

/* sequence-title: an ordinal in the title against the series number. */
static void check_sequence_title(struct rule_ctx *ctx)
{
	const char *field = ctx->schema->series.number;
	const struct ynode *num = field ? scalar(ctx->rec, field) : NULL;
	const struct ynode *title = scalar(ctx->rec, "title");
	const struct field_spec *spec;
	size_t start, end;
	char *stop;
	long n;
	int ord;

	if (num == NULL || title == NULL)
		return;
	spec = schema_field(ctx->schema, field);
	n = strtol(num->text, &stop, 10);
	/* A number that is not one, or out of bounds: field-type says so. */
	if (*stop != '\0' || stop == num->text || n < 1 ||
	    (spec != NULL && spec->has_min && n < spec->min) ||
	    (spec != NULL && spec->has_max && n > spec->max))
		return;
	ord = ordinal_find(title->text, title->len, &start, &end);
	if (ord == 0 || ord == n)
		return;
	diag_report(ctx->diags, ctx->rec->path, title->line, title->col, RULE_SEQUENCE_TITLE,
		    "the title says '%.*s' (number %d), but '%s' is %ld; correct the title or "
		    "the number",
		    (int)(end - start), title->text + start, ord, field, n);
}

void rule_numbers(struct rule_ctx *ctx)
{
	if (ctx->rec->front == NULL)
		return;
	check_id_year(ctx);
	check_sequence_title(ctx);
}
