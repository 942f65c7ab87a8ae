/* SPDX-License-Identifier: EUPL-1.2 */
/* staged.h - `clerk check --staged`: the records as the Git index holds them.
 *
 * Git itself is asked (git rev-parse, ls-files, diff --cached, cat-file
 * --batch; every list NUL-separated, no shell): the staged version of every
 * record of the set is read into memory and checked, the whole-set rules
 * see that staged set, and the findings are kept for the records that the
 * next commit adds, changes or renames. Nothing is written to disk. */
#ifndef CLERK_STAGED_H
#define CLERK_STAGED_H

#include "check.h"
#include "project.h"

/* Opens the project for --staged: the .clerk.yml that Git's index holds
 * (the nearest at or above the current folder, else the only one below
 * it), read from the index with the schemas of its folders; without one,
 * the .clerk.yml of the working tree (project_open); config_path, when not
 * NULL, is read from disk. Returns 0; -1 with err (a mistake in the
 * configuration or a schema); or 1 with *error (malloc'd) when Git could not
 * be asked. Either way close p with project_close. */
int staged_project_open(struct project *p, const char *config_path, struct config_error *err,
			char **error);

/* Checks the staged records into run (prepared with check_init) and runs
 * check_finish. Returns the number of staged records that were reported
 * on (0: nothing to check), or -1 when Git could not be asked (not a
 * repository, git missing, the records' folder outside the repository)
 * with *error set to a message in plain words (malloc'd; the caller frees
 * it). */
long check_staged(struct check_run *run, char **error);

/* Returns 1 when Git's index differs from HEAD (something is staged for the
 * next commit), 0 when it does not, -1 when git cannot say. */
int staged_anything(void);

#endif
