/* project.h - an opened record set: its configuration and its schemas.
 *
 * Every command that reads records (check, show) opens the project first:
 * find .clerk.yml from the paths given, load the built-in schemas and the
 * set's own, resolve the types that refs name. */
#ifndef CLERK_PROJECT_H
#define CLERK_PROJECT_H

#include <stddef.h>

#include "config.h"
#include "schema.h"

struct project {
	struct config cfg;
	struct schema_set schemas;
};

/* Opens the project for the given paths (none: the current folder). The
 * configuration is config_path when not NULL, else the .clerk.yml found by
 * walking up from the first path. Either way the paths must belong to one
 * record set: each must find the same .clerk.yml (or none) walking up.
 * Returns 0, or -1 with err filled in (exit code 2); either way free p
 * with project_close. */
int project_open(struct project *p, const char *config_path, char *const *paths, size_t npaths,
		 struct config_error *err);
void project_close(struct project *p);

#endif
