/* SPDX-License-Identifier: EUPL-1.2 */
/* cmd.h - what the command files of the program share (defined in clerk.c),
 * the commands of register.c and publish.c, and every command's table of
 * options (opts.h), each defined in the file of its command. */
#ifndef CLERK_CMD_H
#define CLERK_CMD_H

#include "check.h"
#include "config.h"
#include "opts.h"

#define EXIT_FINDINGS 1
#define EXIT_USAGE    2

/* Writes one line "clerk: ..." on stderr, escaped so that it stays one line. */
void error_line(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Reports a configuration or schema error; returns EXIT_USAGE. */
int config_failed(const struct config_error *err);
/* Prints the run's unreadable paths and I/O errors on stderr. */
void print_problems(const struct check_run *run);

/* Before a command reads the record set at root: a change of several
 * files that an earlier run left half-way is undone or completed (writes:
 * the command writes files) or only pointed out. Says what it did on
 * stderr. Returns 0, or EXIT_USAGE when it could not be undone. */
int settle_interrupted(const char *root, int writes);

/* The register commands, in register.c. */
int cmd_list(int argc, char **argv);
int cmd_graph(int argc, char **argv);
int cmd_index(int argc, char **argv);

/* The publication commands, in publish.c. */
int cmd_due(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_publish(int argc, char **argv);

/* Every command's options (opts.h), one table each, in the file of the
 * command; clerk.c lists them in its table of commands. */
extern const struct cmd_spec check_spec, show_spec, rules_spec, cache_spec, version_spec, help_spec,
    new_spec, renumber_spec, init_spec, import_spec, list_spec, graph_spec, index_spec, due_spec,
    export_spec, publish_spec, fix_spec, schema_spec, lsp_spec;

#endif
