/* SPDX-License-Identifier: EUPL-1.2 */
/* condition.c - evaluating conditions on a record's fields, and saying them in words. */
#include "condition.h"

#include <stdlib.h>
#include <string.h>

#include "load_yaml.h"
#include "util.h"
#include "i18n.h"

static int present(const struct ynode *n)
{
	return !ynode_is_null(n) && !(n->kind == YNODE_SCALAR && n->len == 0);
}

/* The field's value as text: as given, else its default, else NULL. */
static const char *field_text(const struct condition *cond, const struct ynode *front,
			      const struct schema *s)
{
	const struct ynode *v = ynode_get(front, cond->field);
	const struct field_spec *spec = schema_field(s, cond->field);

	if (present(v))
		return v->kind == YNODE_SCALAR ? v->text : NULL;
	return spec != NULL ? spec->default_value : NULL;
}

static int equals_one(const char *text, const struct condition *cond)
{
	size_t i;

	for (i = 0; text != NULL && i < cond->nvalues; i++)
		if (strcmp(text, cond->values[i]) == 0)
			return 1;
	return 0;
}

int condition_holds(const struct condition *cond, const struct ynode *front, const struct schema *s)
{
	size_t i;

	switch (cond->kind) {
	case COND_EQUALS:
		return equals_one(field_text(cond, front, s), cond);
	case COND_NOT_EQUALS:
		return !equals_one(field_text(cond, front, s), cond);
	case COND_SET:
		return present(ynode_get(front, cond->field)) == cond->set;
	case COND_ALL:
		for (i = 0; i < cond->nitems; i++)
			if (!condition_holds(&cond->items[i], front, s))
				return 0;
		return 1;
	case COND_ANY:
		for (i = 0; i < cond->nitems; i++)
			if (condition_holds(&cond->items[i], front, s))
				return 1;
		return 0;
	}
	return 0;
}

/* "'a', 'b' or 'c'" (malloc'd). */
static char *quoted_values(const struct condition *cond)
{
	return join_words(cond->values, cond->nvalues, "'", " or ");
}

static char *compare_text(const struct condition *cond, const struct ynode *front,
			  const struct schema *s)
{
	const struct ynode *v = ynode_get(front, cond->field);
	const char *text = field_text(cond, front, s);
	char *list, *out;

	if (cond->kind == COND_SET)
		return xasprintf(cond->set ? _("'%s' is filled in") : _("'%s' is not filled in"),
				 cond->field);
	if (cond->kind == COND_EQUALS && !present(v) && text != NULL)
		return xasprintf(_("'%s' is '%s' when not given"), cond->field, text);
	if (cond->kind == COND_EQUALS)
		return xasprintf("'%s' is '%s'", cond->field, text ? text : cond->values[0]);
	list = quoted_values(cond);
	out = xasprintf(_("'%s' is not %s"), cond->field, list);
	free(list);
	return out;
}

char *condition_text(const struct condition *cond, const struct ynode *front,
		     const struct schema *s)
{
	struct buf b = {0};
	char *part;
	size_t i;
	int all = cond->kind == COND_ALL;

	if (cond->kind != COND_ALL && cond->kind != COND_ANY)
		return compare_text(cond, front, s);
	for (i = 0; i < cond->nitems; i++) {
		if (!all && !condition_holds(&cond->items[i], front, s))
			continue;
		part = condition_text(&cond->items[i], front, s);
		if (b.len > 0)
			buf_puts(&b, all ? _(" and ") : _(" or "));
		buf_puts(&b, part);
		free(part);
	}
	return buf_take(&b);
}

const struct ynode *condition_where(const struct condition *cond, const struct ynode *front)
{
	const struct ynode *key;
	size_t i;

	if (cond->kind != COND_ALL && cond->kind != COND_ANY)
		return ynode_key(front, cond->field);
	for (i = 0; i < cond->nitems; i++) {
		key = condition_where(&cond->items[i], front);
		if (key != NULL)
			return key;
	}
	return NULL;
}
