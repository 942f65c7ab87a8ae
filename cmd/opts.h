/* SPDX-License-Identifier: EUPL-1.2 */
/* opts.h - the one command-line parser of every command.
 *
 * A command's options are rows of one table (struct opt): its long name, an
 * optional one-letter form, the name of its value and the line --help
 * shows. opts_parse reads them with getopt_long (--opt=value and
 * --opt value, "--" ends the options, -h and --help for every command) and
 * opts_help prints the help from the same rows, so that what is parsed and
 * what is documented cannot disagree. */
#ifndef CLERK_OPTS_H
#define CLERK_OPTS_H

#include <stddef.h> /* offsetof */
#include <stdio.h>

/* One option of a command. */
struct opt {
	const char *name; /* the long name, without "--" */
	char letter;      /* the one-letter form (-j), or 0 */
	int key;          /* what the command's set function is given */
	const char *arg;  /* the name of its value in --help; NULL: it takes none */
	const char *help; /* what it does, one line (marked N_) */
};

/* One command: its usage line, what it does, its options. The texts are
 * marked N_ and translated when printed. */
struct cmd_spec {
	const char *name;
	const char *usage;  /* "usage: clerk NAME ...\n" */
	const char *about;  /* the text below the usage line in --help */
	const char *footer; /* after the options (the exit codes), or NULL */
	const struct opt *opts;
	size_t nopts;
};

#define OPTS_N(table) (sizeof(table) / sizeof *(table))

/* Applies one option (key from its row, value NULL when it takes none) to
 * ctx; returns 0, or an exit code after saying what is wrong. */
typedef int (*opt_set_fn)(void *ctx, int key, const char *value);

/* An opt_set_fn for the options that only keep what they are given: key
 * is the offset (offsetof) in ctx of a const char * that takes the value,
 * or, for an option without a value, of an int that is set to 1. */
int opts_store(void *ctx, int key, const char *value);

/* Returned by opts_parse after printing the help: the command exits 0. */
#define OPTS_HELP (-1)

/* Parses argv[1..] (argv[0] is the command's name) by cmd's table, calling
 * set for each option in order; the operands are then argv[optind..].
 * Returns 0; OPTS_HELP after printing the help for -h or --help; 2 (usage)
 * after the one usage error for an unknown option, a missing value or a
 * value given to an option that takes none; or the first nonzero code set
 * returned. */
int opts_parse(const struct cmd_spec *cmd, int argc, char **argv, opt_set_fn set, void *ctx);

/* Prints cmd's help on stdout: usage line, about, the options, footer. */
void opts_help(const struct cmd_spec *cmd);

/* Says on stderr what is wrong (fmt translated) and then cmd's usage
 * line; returns 2 (usage). */
int opts_usage_error(const struct cmd_spec *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Writes cmd's options on f, one a line: command, --name, -letter (or
 * empty) and the value's name (or empty), separated by tabs. */
void opts_list(const struct cmd_spec *cmd, FILE *f);

/* The two rows of the commands that open a record set by its folder
 * (new, renumber, import): --dir DIR and --config FILE, kept with
 * opts_store in the members dir and config of the struct type. */
#define OPTS_DIR_CONFIG(type)                                                                      \
	{"dir", 0, (int)offsetof(type, dir), "DIR", opts_dir_help},                                \
	{                                                                                          \
		"config", 0, (int)offsetof(type, config), "FILE", opts_config_help                 \
	}

/* The help lines of --config, --dir and --as-of, which several commands share. */
extern const char opts_config_help[], opts_dir_help[], opts_as_of_help[];

#endif
