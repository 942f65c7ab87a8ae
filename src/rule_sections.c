/* rule_sections.c - the body's sections against the schema's section list. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "load_yaml.h"
#include "rules.h"
#include "util.h"

/* The level of section headings: the schema's, or 2 when the body opens
 * with a level-1 title and 1 otherwise. */
int rule_section_level(const struct schema *schema, const struct record *rec)
{
	if (schema->section_level > 0)
		return schema->section_level;
	return rec->title_level1 ? 2 : 1;
}

void rule_index_sections(const struct schema *schema, struct record *rec)
{
	size_t i;

	record_index_sections(rec, rule_section_level(schema, rec));
	for (i = 0; i < rec->nsections; i++)
		rec->sections[i].spec =
		    schema_section_match(schema, rec->sections[i].heading, rec->sections[i].len);
}

static char *names_text(const struct section_spec *spec)
{
	struct buf b = {0};
	size_t i;

	for (i = 0; i < spec->nnames; i++)
		buf_printf(&b, "%s'%s'",
			   i == 0                  ? ""
			   : i + 1 == spec->nnames ? " or "
						   : ", ",
			   spec->names[i]);
	return buf_take(&b);
}

/* Returns the first section in the document that the schema puts after
 * section spec, or NULL: the place a missing section belongs before. */
static const struct section *next_present(const struct rule_ctx *ctx, int spec)
{
	size_t i;

	if (!ctx->schema->sections_ordered)
		return NULL;
	for (i = 0; i < ctx->rec->nsections; i++)
		if (ctx->rec->sections[i].spec > spec)
			return &ctx->rec->sections[i];
	return NULL;
}

static void check_missing(struct rule_ctx *ctx, int index, int level)
{
	const struct section_spec *spec = &ctx->schema->sections[index];
	const struct section *next = next_present(ctx, index);
	char *names = names_text(spec), *cond = NULL, *where = NULL;
	int line = next != NULL ? next->line : ctx->rec->first_line;

	if (!spec->required)
		cond = rule_condition_text(ctx, spec->required_if);
	if (next != NULL)
		where = xasprintf(", here before the heading '%s'", next->heading);
	diag_report(ctx->diags, ctx->rec->path, line, 1, RULE_SECTION_REQUIRED,
		    "the section '%s' is missing%s%s%s; add a heading of level %d named %s%s",
		    spec->title, cond ? " (it is required because " : "", cond ? cond : "",
		    cond ? ")" : "", level, names, where ? where : "");
	free(where);
	free(cond);
	free(names);
}

/* "'Besluit' (Decision)": the heading as written, and the schema's name for it. */
static char *section_words(const struct rule_ctx *ctx, const struct section *sec)
{
	const char *title = ctx->schema->sections[sec->spec].title;

	if (strcasecmp(sec->heading, title) == 0)
		return xasprintf("'%s'", sec->heading);
	return xasprintf("'%s' (%s)", sec->heading, title);
}

static void check_order(struct rule_ctx *ctx, const struct section *sec,
			const struct section *latest)
{
	char *words = section_words(ctx, sec), *before = section_words(ctx, latest);

	diag_report(ctx->diags, ctx->rec->path, sec->line, sec->col, RULE_SECTION_ORDER,
		    "the section %s should come before the section %s on line %d", words, before,
		    latest->line);
	free(words);
	free(before);
}

static void check_duplicate(struct rule_ctx *ctx, const struct section *sec, int first)
{
	char *words = section_words(ctx, sec);

	diag_report(ctx->diags, ctx->rec->path, sec->line, sec->col, RULE_SECTION_DUPLICATE,
		    "the section %s appears a second time; it was already given on line %d; merge "
		    "the two",
		    words, first);
	free(words);
}

void rule_sections(struct rule_ctx *ctx)
{
	const struct record *rec = ctx->rec;
	const struct section *latest = NULL, *sec;
	const struct section_spec *spec;
	int level = rule_section_level(ctx->schema, rec);
	int *first_line = xcalloc(ctx->schema->nsections + 1, sizeof *first_line);
	size_t i;

	for (i = 0; i < rec->nsections; i++) {
		sec = &rec->sections[i];
		if (!sec->has_content)
			diag_report(ctx->diags, rec->path, sec->line, sec->col, RULE_SECTION_EMPTY,
				    "the section '%s' has no content; write its text under the "
				    "heading or remove the heading",
				    sec->heading);
		if (sec->spec < 0)
			continue;
		if (first_line[sec->spec] != 0) {
			check_duplicate(ctx, sec, first_line[sec->spec]);
			continue;
		}
		first_line[sec->spec] = sec->line;
		if (ctx->schema->sections_ordered && latest != NULL && sec->spec < latest->spec)
			check_order(ctx, sec, latest);
		else
			latest = sec;
	}
	for (i = 0; i < ctx->schema->nsections; i++) {
		spec = &ctx->schema->sections[i];
		if (first_line[i] == 0 &&
		    (spec->required ||
		     (spec->required_if != NULL && rule_condition_holds(ctx, spec->required_if))))
			check_missing(ctx, (int)i, level);
	}
	free(first_line);
}
