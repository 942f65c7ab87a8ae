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

/* Checks the staged records into run (prepared with check_init) and runs
 * check_finish. Returns the number of staged records that were reported
 * on (0: nothing to check), or -1 when Git could not be asked (not a
 * repository, git missing, the records' folder outside the repository)
 * with *error set to a message in plain words (malloc'd; the caller frees
 * it). */
long check_staged(struct check_run *run, char **error);

#endif
