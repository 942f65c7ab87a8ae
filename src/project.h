/* SPDX-License-Identifier: EUPL-1.2 */
/* project.h - an opened record set: its folder, configuration and schemas.
 *
 * Every command that reads records (check, show, list, graph, index,
 * --staged) opens the project first: find .clerk.yml from the paths given,
 * find the set's folder, load the built-in schemas and the set's own,
 * resolve the types that refs name. The whole set under that folder is
 * always read; the paths given only choose what is reported. */
#ifndef CLERK_PROJECT_H
#define CLERK_PROJECT_H

#include <stddef.h>

#include "config.h"
#include "schema.h"

struct project {
	struct config cfg;
	struct schema_set schemas;
	/* The record set's folder: that of the .clerk.yml found walking up
	 * from the paths (none: the current folder); without one, the top of
	 * the Git work tree they lie in; else their common folder. */
	char *root;        /* as written from the current folder: ".", "..", "a", "/x/y" */
	char *root_real;   /* absolute */
	char *cwd_prefix;  /* the current folder from root: "" or "a/b/"; NULL when outside */
	char *glob_prefix; /* put before a path from root to match .clerk.yml's globs */
};

/* Opens the project for the given paths (none: the current folder). The
 * configuration is config_path when not NULL, else the .clerk.yml found by
 * walking up from the first path. Either way the paths must belong to one
 * record set: each must find the same .clerk.yml (or none) walking up.
 * Returns 0, or -1 with err filled in (exit code 2); either way free p
 * with project_close. */
int project_open(struct project *p, const char *config_path, char *const *paths, size_t npaths,
		 struct config_error *err);
/* Reads the schemas of the folder dir into set; returns 0 or -1 with err. */
typedef int (*project_schema_loader)(struct schema_set *set, const char *dir,
				     struct config_error *err, void *data);
/* Opens the project of the configuration text (len bytes, read from Git's
 * index by --staged) of the .clerk.yml at config_path (from the current
 * folder); the set's folder is that of config_path, and its schema folders
 * are read with add (data is passed on). Returns as project_open. */
int project_open_text(struct project *p, const char *config_path, const char *text, size_t len,
		      project_schema_loader add, void *data, struct config_error *err);
void project_close(struct project *p);
/* Returns the top of the Git work tree that holds the absolute folder dir
 * (the nearest folder upwards with a .git in it), or NULL (malloc'd). No
 * process is started: the folder is only looked at. */
char *project_git_top(const char *dir);

/* Returns the path to open and show for rel, a path from the set's folder
 * ("" for the folder itself): relative to the current folder when that lies
 * in the set ("x.md", "../covenants/a.md"), else below p->root. Lexical:
 * the same file always gets the same path (malloc'd). */
char *project_path(const struct project *p, const char *rel);
/* Returns rel as .clerk.yml's globs see it (malloc'd). */
char *project_glob_path(const struct project *p, const char *rel);
/* Returns the path from the set's folder of path, a path as the user gave
 * it ("" for the folder itself), or NULL when it does not exist or lies
 * outside the set (malloc'd). One realpath. */
char *project_rel(const struct project *p, const char *path);

#endif
