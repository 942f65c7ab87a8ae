/* SPDX-License-Identifier: EUPL-1.2 */
/* yaml_ctx.c - the error type, error context and key checks shared by
 * schema.c and config.c. */
#include "yaml_ctx.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "i18n.h"
#include "load_yaml.h"
#include "util.h"

int config_error_vset(struct config_error *err, const char *file, int line, int col,
		      const char *fmt, va_list ap)
{
	snprintf(err->file, sizeof err->file, "%s", file);
	err->line = line;
	err->col = col;
	vsnprintf(err->message, sizeof err->message, _(fmt), ap);
	return -1;
}

int config_error_set(struct config_error *err, const char *file, int line, int col, const char *fmt,
		     ...)
{
	va_list ap;

	va_start(ap, fmt);
	config_error_vset(err, file, line, col, fmt, ap);
	va_end(ap);
	return -1;
}

int fail(struct ctx *c, const struct ynode *node, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	config_error_vset(c->err, c->file, node ? node->line : 1, node ? node->col : 1, fmt, ap);
	va_end(ap);
	return -1;
}

char *keys_list(const char *const *keys)
{
	size_t n = 0;

	while (keys[n] != NULL)
		n++;
	return join_words(keys, n, "", " or ");
}

int check_keys(struct ctx *c, const struct ynode *map, const char *where,
	       const char *const *allowed)
{
	char *list;
	size_t i, k;

	for (i = 0; i + 1 < map->n; i += 2) {
		for (k = 0; allowed[k] != NULL; k++)
			if (ynode_is(map->items[i], allowed[k]))
				break;
		if (allowed[k] != NULL)
			continue;
		list = keys_list(allowed);
		fail(c, map->items[i], "unknown key '%s' in %s; use %s", map->items[i]->text, where,
		     list);
		free(list);
		return -1;
	}
	return 0;
}
