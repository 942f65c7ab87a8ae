/* SPDX-License-Identifier: EUPL-1.2 */
/* opts.c - the one command-line parser (see opts.h): getopt_long over a
 * command's table of options, one usage error, help from the same table. */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "opts.h"
#include "util.h"

/* getopt_long gives back OPT_BASE + i for row i, OPT_BASE + nopts for
 * --help and 'h' for -h. */
#define OPT_BASE 256

const char opts_config_help[] =
    N_("read this configuration instead of the .clerk.yml found upwards");
const char opts_dir_help[] = N_("the records folder (default: where .clerk.yml is)");
const char opts_as_of_help[] =
    N_("the date that counts as today (default: .clerk.yml's, or today)");

int opts_usage_error(const struct cmd_spec *cmd, const char *fmt, ...)
{
	va_list ap;
	char *message;

	va_start(ap, fmt);
	message = xvasprintf(_(fmt), ap);
	va_end(ap);
	error_line("%s", message);
	free(message);
	fputs(_(cmd->usage), stderr);
	return EXIT_USAGE;
}

int opts_store(void *ctx, int key, const char *value)
{
	char *field = (char *)ctx + key;

	if (value != NULL)
		memcpy(field, &value, sizeof value);
	else
		*(int *)(void *)field = 1;
	return 0;
}

/* Prints one row of the help: "  -l, --name ARG   what it does". */
static void help_row(char letter, const char *name, const char *arg, const char *help)
{
	char left[64];
	char shortform[8] = "";

	if (letter != 0)
		snprintf(shortform, sizeof shortform, "-%c, ", letter);
	snprintf(left, sizeof left, "%s--%s%s%s", shortform, name, arg ? " " : "", arg ? arg : "");
	printf("  %-22s  %s\n", left, _(help));
}

void opts_help(const struct cmd_spec *cmd)
{
	size_t i;

	fputs(_(cmd->usage), stdout);
	puts(_(cmd->about));
	puts(_("\noptions:"));
	for (i = 0; i < cmd->nopts; i++)
		help_row(cmd->opts[i].letter, cmd->opts[i].name, cmd->opts[i].arg,
			 cmd->opts[i].help);
	help_row('h', "help", NULL, N_("show this help"));
	if (cmd->footer != NULL)
		puts(_(cmd->footer));
}

void opts_list(const struct cmd_spec *cmd, FILE *f)
{
	char shortform[4];
	size_t i;

	for (i = 0; i < cmd->nopts; i++) {
		shortform[0] = '\0';
		if (cmd->opts[i].letter != 0)
			snprintf(shortform, sizeof shortform, "-%c", cmd->opts[i].letter);
		fprintf(f, "%s\t--%s\t%s\t%s\n", cmd->name, cmd->opts[i].name, shortform,
			cmd->opts[i].arg ? cmd->opts[i].arg : "");
	}
	fprintf(f, "%s\t--help\t-h\t\n", cmd->name);
}

/* The tables getopt_long reads, made from cmd's rows (malloc'd, freed by
 * the caller): the long options and the short ones (":" first, so that a
 * missing value is told apart from an unknown option). */
static void make_tables(const struct cmd_spec *cmd, struct option **longopts, char **shorts)
{
	struct option *lo = xcalloc(cmd->nopts + 2, sizeof *lo);
	char *s = xcalloc(2 * cmd->nopts + 4, 1);
	size_t i, n = 0;

	s[n++] = ':';
	for (i = 0; i < cmd->nopts; i++) {
		lo[i].name = cmd->opts[i].name;
		lo[i].has_arg = cmd->opts[i].arg ? required_argument : no_argument;
		lo[i].val = OPT_BASE + (int)i;
		if (cmd->opts[i].letter != 0) {
			s[n++] = cmd->opts[i].letter;
			if (cmd->opts[i].arg)
				s[n++] = ':';
		}
	}
	lo[i].name = "help";
	lo[i].has_arg = no_argument;
	lo[i].val = OPT_BASE + (int)i;
	s[n] = 'h';
	*longopts = lo;
	*shorts = s;
}

/* The option as written on the command line, for a message: "-x", or the
 * long one up to its "=" (malloc'd). */
static char *written(char **argv, int letter)
{
	const char *arg = argv[optind - 1];

	if (letter > 0 && letter < OPT_BASE)
		return xasprintf("-%c", letter);
	return xasprintf("%.*s", (int)strcspn(arg, "="), arg);
}

/* Reports a mistake getopt_long found (c is ':' or '?'); returns 2. */
static int parse_error(const struct cmd_spec *cmd, char **argv, int c)
{
	char *opt = written(argv, optopt);

	if (c == ':')
		error_line("option '%s' needs a value; see 'clerk %s --help'", opt, cmd->name);
	else if (optopt >= OPT_BASE)
		error_line("option '%s' takes no value; see 'clerk %s --help'", opt, cmd->name);
	else
		error_line("unknown option '%s'; see 'clerk %s --help'", opt, cmd->name);
	free(opt);
	return EXIT_USAGE;
}

/* The row of cmd that getopt_long's answer c stands for, or NULL. */
static const struct opt *row_of(const struct cmd_spec *cmd, int c)
{
	size_t i;

	if (c >= OPT_BASE && (size_t)(c - OPT_BASE) < cmd->nopts)
		return &cmd->opts[c - OPT_BASE];
	for (i = 0; i < cmd->nopts; i++)
		if (cmd->opts[i].letter != 0 && cmd->opts[i].letter == c)
			return &cmd->opts[i];
	return NULL;
}

int opts_parse(const struct cmd_spec *cmd, int argc, char **argv, opt_set_fn set, void *ctx)
{
	struct option *longopts;
	const struct opt *row;
	char *shorts;
	int c, rc = 0;

	make_tables(cmd, &longopts, &shorts);
	opterr = 0;
	optind = 0; /* glibc: start over, also after an earlier command's parse */
	while (rc == 0) {
		c = getopt_long(argc, argv, shorts, longopts, NULL);
		if (c == -1)
			break;
		row = row_of(cmd, c);
		if (c == 'h' || c == OPT_BASE + (int)cmd->nopts) {
			opts_help(cmd);
			rc = OPTS_HELP;
		} else if (row == NULL) {
			rc = parse_error(cmd, argv, c);
		} else {
			rc = set(ctx, row->key, row->arg ? optarg : NULL);
		}
	}
	free(longopts);
	free(shorts);
	return rc;
}
