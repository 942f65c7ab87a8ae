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

static void print_error(void *data, const char *path, const char *message)
{
	(void)data;
	fprintf(stderr, "clerk: %s: %s\n", path, message);
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

static int cmd_check(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"as-of", required_argument, NULL, 'a'},  {"format", required_argument, NULL, 'f'},
	    {"config", required_argument, NULL, 'c'}, {"quiet", no_argument, NULL, 'q'},
	    {"help", no_argument, NULL, 'h'},         {NULL, 0, NULL, 0}};
	const char *as_of = NULL, *config_path = NULL, *format = "text";
	const struct writer *writer;
	struct out_options opt = {0};
	struct config cfg;
	struct schema_set set = {0};
	struct check_run run;
	int c, i, rc;

	for (;;) {
		c = getopt_long(argc, argv, "a:f:c:qh", longopts, NULL);
		if (c == -1)
			break;
		switch (c) {
		case 'a':
			as_of = optarg;
			break;
		case 'f':
			format = optarg;
			break;
		case 'c':
			config_path = optarg;
			break;
		case 'q':
			opt.quiet = 1;
			break;
		case 'h':
			fputs(check_usage, stdout);
			return 0;
		default:
			fputs(check_usage, stderr);
			return EXIT_USAGE;
		}
	}
	if (as_of != NULL && date_parse(as_of, strlen(as_of), NULL) != DATE_OK)
		return usage_error("--as-of needs a real date written as YYYY-MM-DD, not '%s'",
				   as_of);
	writer = out_find(format);
	if (writer == NULL)
		return usage_error("unknown output format '%s'", format);
	rc = load_setup(config_path, &cfg, &set);
	if (rc == 0) {
		if (as_of != NULL)
			memcpy(cfg.as_of, as_of, 11);
		else if (cfg.as_of[0] == '\0')
			date_today(cfg.as_of);
		check_init(&run, &cfg, &set);
		run.on_error = print_error;
		for (i = optind; i < argc; i++)
			check_path(&run, argv[i]);
		if (optind == argc)
			check_path(&run, ".");
		check_finish(&run);
		writer->write(stdout, &run, &opt);
		if (fflush(stdout) != 0 || ferror(stdout)) {
			fprintf(stderr, "clerk: cannot write the output: %s\n", strerror(errno));
			run.system_errors++;
		}
		if (run.system_errors > 0)
			rc = EXIT_USAGE;
		else if (diag_list_count(&run.diags, SEV_ERROR) > 0)
			rc = EXIT_FINDINGS;
		check_free(&run);
	}
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
