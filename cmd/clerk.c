/* clerk.c - the command-line program: parses arguments and calls the library.
 *
 * Exit codes: 0 no errors, 1 at least one error in the records, 2 usage,
 * configuration or schema errors and unreadable paths. */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "config.h"
#include "date.h"
#include "diag.h"
#include "out.h"
#include "pattern.h"
#include "schema.h"
#include "util.h"

#define EXIT_FINDINGS 1
#define EXIT_USAGE    2

#ifndef CLERK_VERSION
#define CLERK_VERSION "0.1.0"
#endif

struct command {
	const char *name;
	const char *summary;
	int (*run)(int argc, char **argv);
};

static void error_line(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Writes one line "clerk: ..." on stderr. Every error line goes through
 * here: paths, keys and arguments in it are escaped, so that it stays one
 * line and cannot steer the terminal. */
static void error_line(const char *fmt, ...)
{
	va_list ap;
	char *line;

	va_start(ap, fmt);
	line = xvasprintf(fmt, ap);
	va_end(ap);
	fputs("clerk: ", stderr);
	fput_escaped(line, stderr);
	fputc('\n', stderr);
	free(line);
}

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int usage_error(const char *fmt, ...)
{
	va_list ap;
	char *message;

	va_start(ap, fmt);
	message = xvasprintf(fmt, ap);
	va_end(ap);
	error_line("%s", message);
	free(message);
	fputs("Try 'clerk help'.\n", stderr);
	return EXIT_USAGE;
}

static int config_failed(const struct config_error *err)
{
	if (err->line > 0)
		error_line("%s:%d:%d: %s", err->file, err->line, err->col, err->message);
	else
		error_line("%s: %s", err->file, err->message);
	return EXIT_USAGE;
}

static void print_error(void *data, const char *path, const char *message)
{
	(void)data;
	error_line("%s: %s", path, message);
}

/* Loads the configuration (named, or found upwards) and the schemas. */
static int load_setup(const char *config_path, struct config *cfg, struct schema_set *set)
{
	struct config_error err = {0};
	char *found = config_path ? NULL : config_find();
	const char *path = config_path ? config_path : found;
	size_t i;
	int rc = 0;

	config_init(cfg);
	if (path != NULL && config_load(cfg, path, &err) != 0)
		rc = config_failed(&err);
	free(found);
	if (rc == 0 && schema_set_add_builtin(set, &err) != 0)
		rc = config_failed(&err);
	for (i = 0; rc == 0 && i < cfg->nschema_dirs; i++)
		if (schema_set_add_dir(set, cfg->schema_dirs[i], &err) != 0)
			rc = config_failed(&err);
	if (rc == 0 && schema_set_resolve(set, &err) != 0)
		rc = config_failed(&err);
	if (rc == 0 && config_check_types(cfg, set, &err) != 0)
		rc = config_failed(&err);
	return rc;
}

static const char check_usage[] =
    "usage: clerk check [--as-of YYYY-MM-DD] [--format FORMAT] [--config FILE] [--quiet]\n"
    "                   [PATH...]\n"
    "Checks every record (a .md file with front matter) in the given files and folders\n"
    "(default: the current folder) against its type's schema.\n";

struct check_options {
	const char *as_of, *config_path;
	const struct writer *writer;
	struct out_options out;
	int help;
};

/* Reads the options of check; returns 0, or an exit code to stop with. */
static int parse_check_options(int argc, char **argv, struct check_options *o)
{
	static const struct option longopts[] = {
	    {"as-of", required_argument, NULL, 'a'},  {"format", required_argument, NULL, 'f'},
	    {"config", required_argument, NULL, 'c'}, {"quiet", no_argument, NULL, 'q'},
	    {"help", no_argument, NULL, 'h'},         {NULL, 0, NULL, 0}};
	const char *format = "text";
	int c;

	for (;;) {
		c = getopt_long(argc, argv, "a:f:c:qh", longopts, NULL);
		if (c == -1)
			break;
		if (c == 'a')
			o->as_of = optarg;
		else if (c == 'f')
			format = optarg;
		else if (c == 'c')
			o->config_path = optarg;
		else if (c == 'q')
			o->out.quiet = 1;
		else if (c == 'h')
			o->help = 1;
		else
			break;
	}
	if (c != -1) {
		fputs(check_usage, stderr);
		return EXIT_USAGE;
	}
	if (o->as_of != NULL && date_parse(o->as_of, strlen(o->as_of), NULL) != DATE_OK)
		return usage_error("--as-of needs a real date written as YYYY-MM-DD, not '%s'",
				   o->as_of);
	o->writer = out_find(format);
	if (o->writer == NULL)
		return usage_error("unknown output format '%s'", format);
	return 0;
}

/* Flushes and closes stdout; returns 0, or -1 after saying on stderr that
 * the output could not be written (a full disk, a closed pipe or stdout). */
static int finish_output(void)
{
	static int done, rc;
	int failed;

	if (done)
		return rc;
	done = 1;
	errno = 0;
	failed = fflush(stdout) != 0 || ferror(stdout);
	/* Closing a stdout that was closed from the start fails with EBADF;
	 * anything written to it would already have failed to flush. */
	if (fclose(stdout) != 0 && errno != EBADF)
		failed = 1;
	if (failed) {
		error_line("cannot write the output: %s",
			   errno != 0 ? strerror(errno) : "write error");
		rc = -1;
	}
	return rc;
}

/* Reports each pattern that gave up on a value (once) on stderr; returns
 * how many. Such a value was neither accepted nor rejected, so the run could
 * not do all its work: the caller exits 2. */
static size_t report_pattern_failures(void)
{
	size_t i, n;
	const struct pattern_failure *f = pattern_failures(&n);

	char where[64];

	for (i = 0; i < n; i++) {
		snprintf(where, sizeof where, ":%d:%d", f[i].line, f[i].col);
		error_line("%s%s%s%s%s%s; values it had to judge from there on were not checked "
			   "against it; write it without nested repetition such as (a+)+",
			   f[i].file, f[i].file[0] != '\0' ? where : "",
			   f[i].file[0] != '\0' ? ": " : "",
			   f[i].limit ? "this pattern takes too long to decide (a resource limit "
					"was hit)"
				      : "this pattern could not be matched",
			   f[i].subject[0] != '\0' ? " on a value in " : "", f[i].subject);
	}
	return n;
}

/* Checks the paths (or the current folder) and writes the findings;
 * returns the exit code. */
static int run_check(const struct check_options *o, struct config *cfg,
		     const struct schema_set *set, char **paths, int npaths)
{
	struct check_run run;
	int i, rc = 0;

	if (o->as_of != NULL)
		memcpy(cfg->as_of, o->as_of, 11);
	else if (cfg->as_of[0] == '\0')
		date_today(cfg->as_of);
	check_init(&run, cfg, set);
	run.on_error = print_error;
	for (i = 0; i < npaths; i++)
		check_path(&run, paths[i]);
	if (npaths == 0)
		check_path(&run, ".");
	check_finish(&run);
	run.system_errors += report_pattern_failures();
	o->writer->write(stdout, &run, &o->out);
	if (finish_output() != 0)
		run.system_errors++;
	if (run.system_errors > 0)
		rc = EXIT_USAGE;
	else if (diag_list_count(&run.diags, SEV_ERROR) > 0)
		rc = EXIT_FINDINGS;
	check_free(&run);
	return rc;
}

static int cmd_check(int argc, char **argv)
{
	struct check_options o = {0};
	struct config cfg;
	struct schema_set set = {0};
	int rc = parse_check_options(argc, argv, &o);

	if (rc != 0)
		return rc;
	if (o.help) {
		fputs(check_usage, stdout);
		return 0;
	}
	rc = load_setup(o.config_path, &cfg, &set);
	if (rc == 0)
		rc = run_check(&o, &cfg, &set, argv + optind, argc - optind);
	schema_set_free(&set);
	config_free(&cfg);
	return rc;
}

static int cmd_rules(int argc, char **argv)
{
	int i;

	(void)argv;
	if (argc > 1)
		return usage_error("'rules' takes no arguments");
	for (i = 0; i < RULE_COUNT; i++)
		printf("%-20s %-8s %s\n", rule_catalogue[i].name,
		       severity_name(rule_catalogue[i].severity), rule_catalogue[i].summary);
	return 0;
}

static int cmd_version(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	printf("clerk %s\n", CLERK_VERSION);
	return 0;
}

static int cmd_help(int argc, char **argv);

static const struct command commands[] = {
    {"check", "check records against their schemas", cmd_check},
    {"rules", "list every rule with its default severity", cmd_rules},
    {"version", "print the version", cmd_version},
    {"help", "show this help", cmd_help},
};

#define NCOMMANDS (sizeof commands / sizeof *commands)

static int cmd_help(int argc, char **argv)
{
	size_t i;

	(void)argc;
	(void)argv;
	puts("usage: clerk COMMAND [OPTION...] [ARG...]\n"
	     "clerk keeps and checks governance records: Markdown files with YAML front matter.\n"
	     "\ncommands:");
	for (i = 0; i < NCOMMANDS; i++)
		printf("  %-10s %s\n", commands[i].name, commands[i].summary);
	puts("\nRun 'clerk check --help' for the options of check.");
	return 0;
}

/* Runs the command named in argv[1]; returns its exit code. */
static int dispatch(int argc, char **argv)
{
	size_t i;

	if (argc < 2)
		return cmd_help(argc, argv);
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
		return cmd_help(argc, argv);
	if (strcmp(argv[1], "--version") == 0)
		return cmd_version(argc, argv);
	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].run(argc - 1, argv + 1);
	return usage_error("unknown command '%s'", argv[1]);
}

/* Every command's output is checked: what cannot be written is an error. */
int main(int argc, char **argv)
{
	int rc = dispatch(argc, argv);

	if (finish_output() != 0)
		return EXIT_USAGE;
	return rc;
}
