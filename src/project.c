/* SPDX-License-Identifier: EUPL-1.2 */
/* project.c - opening a record set: its folder, configuration, schemas, resolved types. */
#include "project.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
		return config_find_from(".", err, rc);
	for (i = 0; i < npaths && *rc == 0; i++) {
		if (stat(paths[i], &st) != 0)
			continue; /* reported as unreadable when checked */
		other = config_find_from(paths[i], err, rc);
		if (*rc != 0)
			break;
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

/* ------------------------------------------------------ the set's folder */

/* Cuts the last part off the absolute path real ("/a/b" -> "/a", "/a" -> "/"). */
static void cut_last(char *real)
{
	char *slash = strrchr(real, '/');

	if (slash != NULL)
		slash[slash == real] = '\0';
}

/* Returns how much of the absolute folders a and b is one folder. */
static size_t common_length(const char *a, const char *b)
{
	size_t i = 0, n = 1; /* "/" at least */

	for (; a[i] != '\0' && a[i] == b[i]; i++)
		if (a[i] == '/' && i > 0)
			n = i;
	if ((a[i] == '\0' || a[i] == '/') && (b[i] == '\0' || b[i] == '/'))
		n = i > 0 ? i : 1;
	return n;
}

/* Returns the absolute path of path where it lies: a folder's real path,
 * and for anything else the real path of its folder and its own name, so
 * that a symbolic link to a file is where the link is, never where it
 * points (/dev/zero). NULL when it does not exist (malloc'd). */
static char *real_place(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir, *real = NULL, *place = NULL;
	struct stat st;

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return realpath(path, NULL);
	if (lstat(path, &st) != 0 || (slash != NULL && slash[1] == '\0'))
		return NULL;
	dir = path_dir(path);
	real = realpath(dir, NULL);
	if (real != NULL)
		place = xasprintf("%s/%s", strcmp(real, "/") == 0 ? "" : real,
				  slash != NULL ? slash + 1 : path);
	free(real);
	free(dir);
	return place;
}

/* Returns the absolute folder that holds every path that exists (none:
 * the current folder), or NULL (malloc'd). */
static char *common_folder(char *const *paths, size_t npaths)
{
	char *common = NULL, *real;
	struct stat st;
	size_t i;

	for (i = 0; i < npaths; i++) {
		real = real_place(paths[i]);
		if (real == NULL)
			continue; /* reported as unreadable when checked */
		if (stat(real, &st) != 0 || !S_ISDIR(st.st_mode))
			cut_last(real);
		if (common == NULL) {
			common = real;
			continue;
		}
		common[common_length(common, real)] = '\0';
		free(real);
	}
	return common != NULL ? common : realpath(".", NULL);
}

char *project_git_top(const char *dir)
{
	char *d = xstrdup(dir), *probe;
	struct stat st;
	int found;

	for (;;) {
		probe = xasprintf("%s/.git", strcmp(d, "/") == 0 ? "" : d);
		found = lstat(probe, &st) == 0;
		free(probe);
		if (found)
			return d;
		if (strcmp(d, "/") == 0)
			break;
		cut_last(d);
	}
	free(d);
	return NULL;
}

/* Returns the set's folder as written from the current folder (malloc'd):
 * that of found (the .clerk.yml found from the paths, or NULL), else the
 * top of the Git work tree, else the paths' common folder. */
static char *set_folder(const char *found, char *const *paths, size_t npaths)
{
	char *common, *top, *cwd, *folder;

	if (found != NULL)
		return path_dir(found);
	common = common_folder(paths, npaths);
	cwd = realpath(".", NULL);
	if (common == NULL || cwd == NULL) {
		folder = xstrdup(".");
	} else {
		top = project_git_top(common);
		folder = path_short_dir(cwd, top != NULL ? top : common);
		free(top);
	}
	free(common);
	free(cwd);
	return folder;
}

/* Returns the part of the absolute path real below the absolute folder
 * dir ("" for dir itself), or NULL when it is not below it. */
static const char *below(const char *real, const char *dir)
{
	size_t n = strlen(dir);

	if (strcmp(real, dir) == 0)
		return "";
	if (strcmp(dir, "/") == 0 && real[0] == '/')
		return real + 1;
	if (strncmp(real, dir, n) == 0 && real[n] == '/')
		return real + n + 1;
	return NULL;
}

/* Sets the set's folder and the ways to reach the files below it. */
static void set_root(struct project *p, const char *found, char *const *paths, size_t npaths)
{
	char *cwd = realpath(".", NULL), *glob;
	const char *rel;

	p->root = set_folder(found, paths, npaths);
	p->root_real = realpath(p->root, NULL);
	if (p->root_real == NULL)
		p->root_real = xstrdup(p->root);
	rel = cwd != NULL ? below(cwd, p->root_real) : NULL;
	p->cwd_prefix = rel == NULL ? NULL : *rel ? xasprintf("%s/", rel) : xstrdup("");
	glob = config_relpath(&p->cfg, p->root);
	p->glob_prefix = glob;
	free(cwd);
}

char *project_rel(const struct project *p, const char *path)
{
	char *real = real_place(path), *rel = NULL;
	const char *part = real != NULL ? below(real, p->root_real) : NULL;

	if (part != NULL)
		rel = xstrdup(part);
	free(real);
	return rel;
}

char *project_path(const struct project *p, const char *rel)
{
	char *path;

	if (p->cwd_prefix == NULL)
		return path_join(p->root, rel);
	path = path_from(p->cwd_prefix, rel);
	if (*path == '\0') {
		free(path);
		path = xstrdup(".");
	}
	return path;
}

char *project_glob_path(const struct project *p, const char *rel)
{
	return path_join(p->glob_prefix, rel);
}

/* ------------------------------------------------------------- opening */

static int add_dir(struct schema_set *set, const char *dir, struct config_error *err, void *data)
{
	(void)data;
	return schema_set_add_dir(set, dir, err);
}

/* Loads the built-in schemas and the set's own (each folder with add),
 * then resolves and checks the types. Returns 0 or -1 with err. */
static int load_schemas(struct project *p, project_schema_loader add, void *data,
			struct config_error *err)
{
	size_t i;
	int rc = 0;

	if (p->cfg.language[0] != '\0')
		i18n_prefer(p->cfg.language);
	if (p->cfg.builtin_schemas)
		rc = schema_set_add_builtin(&p->schemas, err);
	for (i = 0; rc == 0 && i < p->cfg.nschema_dirs; i++)
		rc = add(&p->schemas, p->cfg.schema_dirs[i], err, data);
	if (rc == 0)
		rc = schema_set_resolve(&p->schemas, err);
	if (rc == 0)
		rc = config_check_types(&p->cfg, &p->schemas, err);
	for (i = 0; rc == 0 && i < p->schemas.n; i++)
		p->schemas.items[i]->type_field = p->cfg.type_field;
	return rc;
}

int project_open(struct project *p, const char *config_path, char *const *paths, size_t npaths,
		 struct config_error *err)
{
	char *found = NULL;
	const char *path = config_path;
	int rc = 0;

	memset(p, 0, sizeof *p);
	config_init(&p->cfg);
	found = find_config(paths, npaths, err, &rc);
	if (path == NULL)
		path = found;
	if (rc == 0 && path != NULL)
		rc = config_load(&p->cfg, path, err);
	if (rc == 0)
		set_root(p, found, paths, npaths);
	free(found);
	if (rc == 0)
		rc = load_schemas(p, add_dir, NULL, err);
	return rc;
}

int project_open_text(struct project *p, const char *config_path, const char *text, size_t len,
		      project_schema_loader add, void *data, struct config_error *err)
{
	int rc;

	memset(p, 0, sizeof *p);
	config_init(&p->cfg);
	rc = config_load_text(&p->cfg, config_path, text, len, err);
	if (rc == 0) {
		set_root(p, config_path, NULL, 0);
		config_set_root(&p->cfg, p->root_real);
		free(p->glob_prefix);
		p->glob_prefix = xstrdup("");
		rc = load_schemas(p, add, data, err);
	}
	return rc;
}

void project_close(struct project *p)
{
	free(p->root);
	free(p->root_real);
	free(p->cwd_prefix);
	free(p->glob_prefix);
	schema_set_free(&p->schemas);
	config_free(&p->cfg);
}
