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
#include "project.h"
#include "schema.h"
#include "show.h"
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

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("clerk: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nTry 'clerk help'.\n", stderr);
	return EXIT_USAGE;
}

static int config_failed(const struct config_error *err)
{
	if (err->line > 0)
		fprintf(stderr, "clerk: %s:%d:%d: %s\n", err->file, err->line, err->col,
			err->message);
	else
		fprintf(stderr, "clerk: %s: %s\n", err->file, err->message);
	return EXIT_USAGE;
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

/* Prints what is not about a document: unreadable paths, I/O errors and
 * named files the configuration excludes. */
static void print_problems(const struct check_run *run)
{
	size_t i;

	for (i = 0; i < run->problems.n; i++)
		fprintf(stderr, "clerk: %s: %s\n", run->problems.items[i].path,
			run->problems.items[i].message);
}

/* Checks the paths (or the current folder) and writes the findings;
 * returns the exit code. */
static int run_check(const struct check_options *o, const struct project *p, char **paths,
		     int npaths)
{
	struct check_run run;
	char as_of[11];
	int rc = 0;

	if (o->as_of != NULL)
		snprintf(as_of, sizeof as_of, "%s", o->as_of);
	else if (p->cfg.as_of[0] != '\0')
		memcpy(as_of, p->cfg.as_of, sizeof as_of);
	else
		date_today(as_of);
	check_init(&run, p, as_of);
	check_paths(&run, paths, (size_t)npaths);
	print_problems(&run);
	if (getenv("CLERK_TIMINGS") != NULL)
		fprintf(stderr,
			"clerk: %zu records; per-file stage %.0f ms, whole-set stage %.0f ms\n",
			run.nrecords, run.load_ms, run.set_ms);
	o->writer->write(stdout, &run, &o->out);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "clerk: cannot write the output: %s\n", strerror(errno));
		run.system_errors++;
	}
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
	struct config_error err = {0};
	struct project p;
	int rc = parse_check_options(argc, argv, &o);

	if (rc != 0)
		return rc;
	if (o.help) {
		fputs(check_usage, stdout);
		return 0;
	}
	if (project_open(&p, o.config_path, argv + optind, (size_t)(argc - optind), &err) != 0)
		rc = config_failed(&err);
	else
		rc = run_check(&o, &p, argv + optind, argc - optind);
	project_close(&p);
	return rc;
}

/* clerk show [--config FILE] ID: the record set of the current folder. */
static int cmd_show(int argc, char **argv)
{
	struct config_error err = {0};
	const char *config_path = NULL;
	struct check_run run;
	struct project p;
	char today[11];
	int rc = 0;

	if (argc == 4 && strcmp(argv[1], "--config") == 0)
		config_path = argv[2];
	else if (argc != 2)
		return usage_error("usage: clerk show [--config FILE] ID");
	if (project_open(&p, config_path, NULL, 0, &err) != 0) {
		rc = config_failed(&err);
		project_close(&p);
		return rc;
	}
	date_today(today);
	check_init(&run, &p, today);
	check_paths(&run, NULL, 0);
	print_problems(&run);
	if (show_record(stdout, &run, argv[argc - 1]) != 0) {
		fprintf(stderr, "clerk: no record has the id '%s'\n", argv[argc - 1]);
		rc = EXIT_FINDINGS;
	}
	if (run.system_errors > 0)
		rc = EXIT_USAGE;
	check_free(&run);
	project_close(&p);
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
    {"show", "show a record: its fields, references and backlinks", cmd_show},
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

int main(int argc, char **argv)
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
