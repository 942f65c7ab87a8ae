/* SPDX-License-Identifier: EUPL-1.2 */
/* rule_field_order.c - field-order: front matter fields in the schema's order (fields-ordered). */
#include <stdlib.h>

#include "load_yaml.h"
#include "rules.h"
#include "util.h"
#include "i18n.h"

/* Reports key (out of place) next to the field in order it belongs after or before. */
static void report(struct rule_ctx *ctx, const struct ynode *key, const struct ynode *other,
		   int after)
{
	if (after)
		diag_report(ctx->diags, ctx->rec->path, key->line, key->col, RULE_FIELD_ORDER,
			    "the field '%s' is out of place: in %s %s it comes after the field "
			    "'%s' on line %d",
			    key->text, rule_article(ctx->schema->title), ctx->schema->title,
			    other->text, other->line);
	else
		diag_report(ctx->diags, ctx->rec->path, key->line, key->col, RULE_FIELD_ORDER,
			    "the field '%s' is out of place: in %s %s it comes before the field "
			    "'%s' on line %d",
			    key->text, rule_article(ctx->schema->title), ctx->schema->title,
			    other->text, other->line);
}

void rule_field_order(struct rule_ctx *ctx)
{
	const struct ynode *front = ctx->rec->front, **keys;
	const struct field_spec *f;
	size_t *pos, i, k, n = 0, after, before;
	int *keep;

	if (!ctx->schema->fields_ordered || front == NULL)
		return;
	keys = xmalloc((front->n / 2 + 1) * sizeof *keys);
	pos = xmalloc((front->n / 2 + 1) * sizeof *pos);
	for (i = 0; i + 1 < front->n; i += 2) {
		f = schema_field(ctx->schema, front->items[i]->text);
		if (f == NULL)
			continue;
		keys[n] = front->items[i];
		pos[n++] = (size_t)(f - ctx->schema->fields);
	}
	keep = xcalloc(n + 1, sizeof *keep);
	longest_increasing(pos, n, keep);
	for (i = 0; i < n; i++) {
		if (keep[i])
			continue;
		after = before = n;
		for (k = 0; k < n; k++) {
			if (!keep[k])
				continue;
			if (pos[k] < pos[i])
				after = k;
			else if (before == n)
				before = k;
		}
		if (after != n && after > i)
			report(ctx, keys[i], keys[after], 1);
		else if (before != n)
			report(ctx, keys[i], keys[before], 0);
	}
	free(keep);
	free(pos);
	free(keys);
}
