/* SPDX-License-Identifier: EUPL-1.2 */
/* commands.h - the commands that write records (new, renumber and init in
 * write.c, import in import.c, fix in fix.c) and schema (schema.c). The
 * register and publication commands are declared in cmd.h, beside what
 * every command file shares. */
#ifndef CLERK_COMMANDS_H
#define CLERK_COMMANDS_H

#include <stddef.h>
#include <stdio.h>

/* Each returns the exit code: 0 done, 1 refused (nothing written), 2 usage,
 * configuration or system error. */
int cmd_new(int argc, char **argv);
int cmd_renumber(int argc, char **argv);
int cmd_init(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_fix(int argc, char **argv);
int cmd_schema(int argc, char **argv);
int cmd_lsp(int argc, char **argv);

struct check_run;
struct project;
/* Checks paths into run (initialised here), applies the fixes clerk is
 * sure of (of rule, or every rule when it is -1) and writes the changed
 * files all together (not when dry_run), printing each change on report;
 * *nfiles is how many files changed. Returns 0, or -1 after saying why
 * nothing was written. run is left as the last check, for the caller to
 * report on and free with check_free. */
int fix_and_write(struct check_run *run, const struct project *p, const char *as_of,
		  char *const *paths, size_t npaths, int rule, int dry_run, FILE *report,
		  size_t *nfiles);

#endif
