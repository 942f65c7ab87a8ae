/* SPDX-License-Identifier: EUPL-1.2 */
/* rule_identity.c - the record's id, its file name, and the order of its dates. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "load_yaml.h"
#include "artefact.h"
#include "rules.h"
#include "util.h"

/* A date field that is present and valid, for comparing. */
struct dated {
	const char *name;
	const struct ynode *node;
	long days;
};

static int read_date(const struct rule_ctx *ctx, const char *name, struct dated *out)
{
	const struct ynode *n = ynode_get(ctx->rec->front, name);

	if (n == NULL || n->kind != YNODE_SCALAR ||
	    date_parse(n->text, n->len, &out->days) != DATE_OK)
		return 0;
	out->name = name;
	out->node = n;
	return 1;
}

void rule_date_order(struct rule_ctx *ctx)
{
	const struct field_group *g;
	struct dated prev, cur;
	size_t i, k;
	int have_prev;

	for (i = 0; i < ctx->schema->ndate_order; i++) {
		g = &ctx->schema->date_order[i];
		have_prev = 0;
		for (k = 0; k < g->n; k++) {
			if (!read_date(ctx, g->names[k], &cur))
				continue;
			if (have_prev && cur.days < prev.days)
				diag_report(ctx->diags, ctx->rec->path, cur.node->line,
					    cur.node->col, RULE_DATE_ORDER,
					    "'%s' (%s) may not be earlier than '%s' (%s)", cur.name,
					    cur.node->text, prev.name, prev.node->text);
			prev = cur;
			have_prev = 1;
		}
	}
}

/* True when path ends with want as whole path components. */
static int path_ends_with(const char *path, const char *want)
{
	size_t lp = strlen(path), lw = strlen(want);

	if (lw > lp || strcmp(path + lp - lw, want) != 0)
		return 0;
	return lw == lp || path[lp - lw - 1] == '/';
}

static void check_file_name(struct rule_ctx *ctx, const struct ynode *id)
{
	const char *base = strrchr(ctx->rec->path, '/');
	char *want;

	if (ctx->schema->file_name == NULL)
		return;
	want = schema_file_name(ctx->schema, ctx->rec->front, id->text);
	base = base ? base + 1 : ctx->rec->path;
	if (want != NULL && !path_ends_with(ctx->rec->path, want))
		diag_report(ctx->diags, ctx->rec->path, id->line, id->col, RULE_FILE_NAME,
			    "the file is named '%s', but %s %s with %s '%s' belongs in a file "
			    "named '%s'",
			    base, rule_article(ctx->schema->title), ctx->schema->title,
			    ctx->schema->id_field, id->text, want);
	free(want);
}

/* For ids taken from file names: a name that gives no id is a file-name
 * finding on the first line. */
static void check_name_gives_id(struct rule_ctx *ctx)
{
	const struct schema *s = ctx->schema;
	const char *base = strrchr(ctx->rec->path, '/');
	char *id = schema_id_from_file_name(s, ctx->rec->path);

	base = base ? base + 1 : ctx->rec->path;
	if (id == NULL && s->id_example != NULL)
		diag_report(ctx->diags, ctx->rec->path, 1, 1, RULE_FILE_NAME,
			    "the file is named '%s', which does not give %s %s its id; name it "
			    "like '%s'",
			    base, rule_article(s->title), s->title, s->id_example);
	else if (id == NULL)
		diag_report(ctx->diags, ctx->rec->path, 1, 1, RULE_FILE_NAME,
			    "the file is named '%s', which does not give %s %s its id; the name "
			    "must have the form %s",
			    base, rule_article(s->title), s->title, s->id_name_pattern_src);
	free(id);
}

void rule_identity(struct rule_ctx *ctx)
{
	const struct schema *s = ctx->schema;
	const struct ynode *id = ynode_get(ctx->rec->front, s->id_field);
	struct diag *d;

	if (s->id_name_pattern != NULL) {
		check_name_gives_id(ctx);
		return;
	}
	if (id == NULL || id->kind != YNODE_SCALAR || id->len == 0 || ynode_is_null(id))
		return;
	if (s->id_pattern != NULL &&
	    pattern_match(s->id_pattern, id->text, id->len) == PATTERN_NOMATCH) {
		if (s->id_example != NULL)
			d = diag_report(ctx->diags, ctx->rec->path, id->line, id->col,
					RULE_ID_PATTERN,
					"'%s' is not a valid id for %s %s; ids look like '%s'",
					id->text, rule_article(s->title), s->title, s->id_example);
		else
			d = diag_report(ctx->diags, ctx->rec->path, id->line, id->col,
					RULE_ID_PATTERN,
					"'%s' is not a valid id for %s %s (pattern %s)", id->text,
					rule_article(s->title), s->title, s->id_pattern_src);
		artefact_note(d, id->text, id->len, id->line, id->col, id->plain);
		return;
	}
	check_file_name(ctx, id);
}
