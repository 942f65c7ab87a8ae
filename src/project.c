/* project.c - opening a record set: configuration, schemas, resolved types. */
#include "project.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "i18n.h"
#include "util.h"

/* True when the two found configurations (either may be NULL) are the same file. */
static int same_config(const char *a, const char *b)
{
	char ra[PATH_MAX], rb[PATH_MAX];

	if (a == NULL || b == NULL)
		return a == b;
	return realpath(a, ra) != NULL && realpath(b, rb) != NULL && strcmp(ra, rb) == 0;
}

/* Fills err: path and paths[0] belong to different record sets. */
static int different_sets(struct config_error *err, const char *path, const char *cfg,
			  const char *first, const char *first_cfg)
{
	if (cfg == NULL)
		return config_error_set(err, path, 0, 0,
					"this path belongs to another record set than '%s': no "
					".clerk.yml lies above it, but '%s' applies to '%s'; check "
					"each record set with a clerk check of its own",
					first, first_cfg, first);
	if (first_cfg == NULL)
		return config_error_set(
		    err, path, 0, 0,
		    "this path belongs to another record set than '%s': '%s' "
		    "applies to it, but no .clerk.yml lies above '%s'; check each "
		    "record set with a clerk check of its own",
		    first, cfg, first);
	return config_error_set(err, path, 0, 0,
				"this path belongs to another record set than '%s': '%s' applies "
				"to it, but '%s' to '%s'; check each record set with a clerk check "
				"of its own",
				first, cfg, first_cfg, first);
}

/* Returns the .clerk.yml that applies to every path (malloc'd, or NULL when
 * none does); -1 in *rc with err when two paths belong to different ones
 * (each would find another .clerk.yml walking up), also when the
 * configuration is given with --config: one run checks one record set. */
static char *find_config(char *const *paths, size_t npaths, struct config_error *err, int *rc)
{
	char *first = NULL, *other;
	const char *first_path = NULL;
	struct stat st;
	size_t i;

	*rc = 0;
	if (npaths == 0)
		return config_find_from(".");
	for (i = 0; i < npaths && *rc == 0; i++) {
		if (stat(paths[i], &st) != 0)
			continue; /* reported as unreadable when checked */
		other = config_find_from(paths[i]);
		if (first_path == NULL) {
			first = other;
			first_path = paths[i];
			continue;
		}
		if (!same_config(first, other))
			*rc = different_sets(err, paths[i], other, first_path, first);
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
	found = find_config(paths, npaths, err, &rc);
	if (path == NULL)
		path = found;
	if (rc == 0 && path != NULL)
		rc = config_load(&p->cfg, path, err);
	free(found);
	if (rc == 0 && p->cfg.language[0] != '\0')
		i18n_prefer(p->cfg.language);
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
