/* project.c - opening a record set: configuration, schemas, resolved types. */
#include "project.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Returns the .clerk.yml that applies to every path (malloc'd, or NULL when
 * none does); -1 in *rc with err when two paths belong to different ones. */
static char *find_config(char *const *paths, size_t npaths, struct config_error *err, int *rc)
{
	char *first = config_find_from(npaths > 0 ? paths[0] : "."), *other;
	char a[PATH_MAX], b[PATH_MAX];
	size_t i;

	*rc = 0;
	for (i = 1; i < npaths && *rc == 0; i++) {
		other = config_find_from(paths[i]);
		if ((first == NULL) != (other == NULL) ||
		    (first != NULL && (realpath(first, a) == NULL || realpath(other, b) == NULL ||
				       strcmp(a, b) != 0)))
			*rc = config_error_set(
			    err, paths[i], 0, 0,
			    "this path belongs to another record set than '%s' "
			    "(a different .clerk.yml applies); check them separately",
			    paths[0]);
		free(other);
	}
	return first;
}

int project_open(struct project *p, const char *config_path, char *const *paths, size_t npaths,
		 struct config_error *err)
{
	char *found = NULL;
	const char *path = config_path;
	size_t i;
	int rc = 0;

	memset(p, 0, sizeof *p);
	config_init(&p->cfg);
	if (path == NULL) {
		found = find_config(paths, npaths, err, &rc);
		path = found;
	}
	if (rc == 0 && path != NULL)
		rc = config_load(&p->cfg, path, err);
	free(found);
	if (rc == 0 && p->cfg.builtin_schemas)
		rc = schema_set_add_builtin(&p->schemas, err);
	for (i = 0; rc == 0 && i < p->cfg.nschema_dirs; i++)
		rc = schema_set_add_dir(&p->schemas, p->cfg.schema_dirs[i], err);
	if (rc == 0)
		rc = schema_set_resolve(&p->schemas, err);
	if (rc == 0)
		rc = config_check_types(&p->cfg, &p->schemas, err);
	for (i = 0; rc == 0 && i < p->schemas.n; i++)
		p->schemas.items[i]->type_field = p->cfg.type_field;
	return rc;
}

void project_close(struct project *p)
{
	schema_set_free(&p->schemas);
	config_free(&p->cfg);
}
