/* SPDX-License-Identifier: EUPL-1.2 */
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
#include <sys/stat.h>
#include <unistd.h>

#include "cache.h"
#include "check.h"
#include "commands.h"
#include "cmd.h"
#include "config.h"
#include "date.h"
#include "diag.h"
#include "i18n.h"
#include "opts.h"
#include "out.h"
#include "pattern.h"
#include "rule_doc.h"
#include "project.h"
#include "schema.h"
#include "show.h"
#include "staged.h"
#include "util.h"
#include "version.h"
#include "wfile.h"

/* One command: its name, the line clerk --help shows, its options and
 * the function that runs it (given its own argv, argv[0] its name). */
struct command {
	const char *name;
	const char *summary;
	const struct cmd_spec *spec;
	int (*run)(int argc, char **argv);
};

/* Writes "clerk: " and line on stderr, escaped, so that it stays one line
 * and cannot steer the terminal; frees line. */
static void put_error(char *line)
{
	fputs("clerk: ", stderr);
	fput_escaped(line, stderr);
	fputc('\n', stderr);
	free(line);
}

/* Writes one line "clerk: ..." on stderr, fmt translated. Every error line
 * goes through here or put_error. */
void error_line(const char *fmt, ...)
{
	va_list ap;
	char *line;

	va_start(ap, fmt);
	line = xvasprintf(_(fmt), ap);
	va_end(ap);
	put_error(line);
}

int settle_interrupted(const char *root, int writes)
{
	char msg[1024];
	enum wfile_recovery r;

	if (!writes) {
		if (wfile_pending(root))
			error_line(
			    "an earlier change of the records was interrupted half-way (%s/%s); "
			    "the next clerk command that writes (such as clerk new or clerk "
			    "renumber) undoes it",
			    root, ".clerk-journal");
		return 0;
	}
	r = wfile_recover(root, msg, sizeof msg);
	if (r != WFILE_CLEAN)
		error_line("%s", msg);
	return r == WFILE_STUCK ? EXIT_USAGE : 0;
}

static const struct command *find_command(const char *name);
static char *command_names(void);

/* Says what is wrong with the command line (fmt translated), then the
 * usage line with the commands; returns the exit code for usage errors. */
static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int usage_error(const char *fmt, ...)
{
	va_list ap;
	char *names = command_names();

	va_start(ap, fmt);
	put_error(xvasprintf(_(fmt), ap));
	va_end(ap);
	fprintf(stderr, _("usage: clerk COMMAND [OPTION...] [ARG...] (commands: %s)\n"), names);
	free(names);
	return EXIT_USAGE;
}

int config_failed(const struct config_error *err)
{
	if (err->line > 0)
		error_line("%s:%d:%d: %s", err->file, err->line, err->col, err->message);
	else
		error_line("%s: %s", err->file, err->message);
	return EXIT_USAGE;
}

/* ----------------------------------------------------------------- check */

/* The options of check: one row each, with the line `clerk check --help` shows. */
static const struct opt check_opts[] = {
    {"as-of", 'a', 'a', "YYYY-MM-DD", opts_as_of_help},
    {"format", 'f', 'f', "FORMAT",
     N_("how to write the findings: text, pretty, json, sarif, junit, github or gitlab")},
    {"output", 'o', 'o', "FILE",
     N_("write the findings to FILE (replaced whole, never half-written)")},
    {"color", 0, 'C', "WHEN",
     N_("colour the pretty format: auto (default, on a terminal without NO_COLOR), always or "
	"never")},
    {"config", 'c', 'c', "FILE", opts_config_help},
    {"max-warnings", 0, 'w', "N", N_("fail (exit 1) when there are more than N warnings")},
    {"jobs", 'j', 'j', "N",
     N_("check the files on N threads at once (default: the number of processors); the "
	"findings are the same for any N")},
    {"no-cache", 0, 'N', NULL,
     N_("check every file anew: neither read nor write the cache of results (clerk cache "
	"clean empties it)")},
    {"staged", 0, 'S', NULL,
     N_("check what is staged in Git for the next commit (the pre-commit hook): report on the "
	"added, changed and renamed records, checked against the staged version of the whole set")},
    {"fix", 0, 'F', NULL,
     N_("first apply the fixes clerk is sure of and write the files (as clerk fix), then "
	"report what is left")},
    {"stdin-filename", 0, 'I', "PATH",
     N_("with the path '-': check the text on standard input as if it were the file PATH, in "
	"its record set (for editors)")},
    {"hook", 0, 'H', NULL,
     N_("as a pre-commit hook: --staged when something is staged, else (pre-commit run "
	"--all-files, CI) the whole set of the working tree")},
    {"quiet", 'q', 'q', NULL, N_("leave out the summary line")},
    {"print-config", 0, 'P', NULL,
     N_("print the configuration in effect and where each setting came from")},
};

const struct cmd_spec check_spec = {
    "check",
    N_("usage: clerk check [--staged] [OPTION...] [PATH...]\n"),
    N_("Checks every record (a .md file with front matter) in the given files and folders\n"
       "(default: the current folder) against its type's schema. Never writes a record.\n"
       "Named files are checked as part of their whole set and reported on alone. With\n"
       "--staged, the versions staged in Git are read (with git itself, into memory) and\n"
       "the records the next commit adds, changes or renames are reported on."),
    N_("\nexit codes: 0 no errors, 1 errors (or too many warnings), 2 clerk could not do its "
       "work."),
    check_opts,
    OPTS_N(check_opts),
};

enum color_when { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

struct check_options {
	const char *as_of, *config_path, *format, *output, *stdin_name;
	const struct writer *writer;
	struct out_options out;
	enum color_when color;
	long max_warnings; /* -1: no limit */
	int jobs;          /* 0: the default */
	int no_cache;
	int print_config, staged, hook, fix;
};

static int parse_color(struct check_options *o, const char *when)
{
	static const char *const names[] = {"auto", "always", "never"};
	size_t i;

	for (i = 0; i < 3; i++)
		if (strcmp(when, names[i]) == 0) {
			o->color = (enum color_when)i;
			return 0;
		}
	return opts_usage_error(&check_spec, "--color must be auto, always or never, not '%s'",
				when);
}

static int parse_jobs(struct check_options *o, const char *text)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(text, &end, 10);
	if (errno != 0 || end == text || *end != '\0' || n < 1 || n > CHECK_MAX_JOBS)
		return opts_usage_error(&check_spec,
					"--jobs needs a whole number from 1 to %d, not '%s'",
					CHECK_MAX_JOBS, text);
	o->jobs = (int)n;
	return 0;
}

static int parse_max_warnings(struct check_options *o, const char *text)
{
	char *end;

	errno = 0;
	o->max_warnings = strtol(text, &end, 10);
	if (errno != 0 || end == text || *end != '\0' || o->max_warnings < 0)
		return opts_usage_error(
		    &check_spec, "--max-warnings needs a whole number of 0 or more, not '%s'",
		    text);
	return 0;
}

/* Applies one parsed option of check (opt_set_fn); returns 0 or an exit code. */
static int set_option(void *ctx, int key, const char *arg)
{
	struct check_options *o = ctx;

	switch (key) {
	case 'a':
		o->as_of = arg;
		return 0;
	case 'f':
		o->format = arg;
		return 0;
	case 'o':
		o->output = arg;
		return 0;
	case 'C':
		return parse_color(o, arg);
	case 'c':
		o->config_path = arg;
		return 0;
	case 'w':
		return parse_max_warnings(o, arg);
	case 'j':
		return parse_jobs(o, arg);
	case 'N':
		o->no_cache = 1;
		return 0;
	case 'q':
		o->out.quiet = 1;
		return 0;
	case 'P':
		o->print_config = 1;
		return 0;
	case 'S':
		o->staged = 1;
		return 0;
	case 'H':
		o->hook = 1;
		return 0;
	case 'F':
		o->fix = 1;
		return 0;
	case 'I':
		o->stdin_name = arg;
		return 0;
	default:
		return -1;
	}
}

/* Decides the format: the one asked for, else pretty on a terminal and text otherwise. */
static int choose_writer(struct check_options *o)
{
	int tty = o->output == NULL && isatty(STDOUT_FILENO);
	const char *no_color = getenv("NO_COLOR");
	char *names;

	o->writer = out_find(o->format ? o->format : tty ? "pretty" : "text");
	if (o->writer == NULL) {
		names = out_format_names();
		error_line("unknown output format '%s'; use %s", o->format, names);
		fputs(_(check_spec.usage), stderr);
		free(names);
		return EXIT_USAGE;
	}
	o->out.color = o->color == COLOR_ALWAYS ||
		       (o->color == COLOR_AUTO && tty && (no_color == NULL || no_color[0] == '\0'));
	return 0;
}

/* --hook: true when a commit is being made (the index differs from HEAD),
 * so that the staged set is checked; false when pre-commit checks a range
 * of commits (PRE_COMMIT_FROM_REF) or runs with nothing staged (pre-commit
 * run --all-files, in CI), so that the whole working tree is. */
static int hook_mode_staged(void)
{
	const char *from = getenv("PRE_COMMIT_FROM_REF");

	if (from != NULL && *from != '\0')
		return 0;
	return staged_anything() != 0;
}

/* The paths that go with --stdin-filename (only '-'), --fix (not with
 * --staged or standard input); returns 0 or the exit code of the mistake. */
static int check_stdin_usage(const struct check_options *o, int npaths, char **paths)
{
	int dash = npaths == 1 && strcmp(paths[0], "-") == 0;

	if (o->fix && (o->staged || o->stdin_name != NULL))
		return opts_usage_error(&check_spec,
					"--fix writes the files on disk; it cannot be used with "
					"--staged or --stdin-filename");
	if (o->stdin_name == NULL && npaths > 0 && strcmp(paths[npaths - 1], "-") == 0)
		return opts_usage_error(&check_spec,
					"to check standard input, say which file it is: "
					"--stdin-filename PATH -");
	if (o->stdin_name != NULL && !dash)
		return opts_usage_error(&check_spec,
					"--stdin-filename PATH reads standard input: give '-' "
					"as the only path");
	if (o->stdin_name != NULL && o->stdin_name[0] == '\0')
		return opts_usage_error(&check_spec, "--stdin-filename needs the path of the file");
	return 0;
}

/* Reads the options of check; returns 0, OPTS_HELP, or an exit code to stop with. */
static int parse_check_options(int argc, char **argv, struct check_options *o)
{
	int rc;

	o->max_warnings = -1;
	rc = opts_parse(&check_spec, argc, argv, set_option, o);
	if (rc != 0)
		return rc;
	if ((o->staged || o->hook) && optind < argc)
		return opts_usage_error(&check_spec,
					"--staged checks what is staged in Git and takes no "
					"paths; leave out '%s'",
					argv[optind]);
	if (o->hook)
		o->staged = hook_mode_staged();
	rc = check_stdin_usage(o, argc - optind, argv + optind);
	if (rc != 0)
		return rc;
	if (o->as_of != NULL && date_parse(o->as_of, strlen(o->as_of), NULL) != DATE_OK)
		return opts_usage_error(&check_spec,
					"--as-of needs a real date written as YYYY-MM-DD, not '%s'",
					o->as_of);
	return choose_writer(o);
}

/* Where the findings go: standard output, or (--output FILE) memory that
 * finish_output hands to the one write path. */
struct output {
	FILE *f;
	char *text;
	size_t len;
};

/* Opens where the findings go. Returns 0, or -1 after saying why. */
static int open_output(const char *output, struct output *out)
{
	memset(out, 0, sizeof *out);
	out->f = stdout;
	if (output == NULL)
		return 0;
	out->f = open_memstream(&out->text, &out->len);
	if (out->f == NULL) {
		error_line("%s: %s", output, strerror(errno));
		return -1;
	}
	return 0;
}

/* True when path is the same file as a record of run or the set's
 * configuration: --output never writes over those. */
static int is_set_file(const struct check_run *run, const char *path)
{
	const char *cfg = run->project->cfg.file;
	struct stat out, st;
	size_t i;

	if (stat(path, &out) != 0)
		return 0;
	if (cfg != NULL && stat(cfg, &st) == 0 && st.st_dev == out.st_dev &&
	    st.st_ino == out.st_ino)
		return 1;
	for (i = 0; i < run->nrecords; i++)
		if (stat(run->records[i]->path, &st) == 0 && st.st_dev == out.st_dev &&
		    st.st_ino == out.st_ino)
			return 1;
	return 0;
}

/* Writes the findings in out to output through the one write path.
 * Returns 0, or -1 after saying why (nothing written). Standard output
 * (output NULL) is left to finish_stdout, which main calls for every
 * command. */
static int finish_output(const struct check_run *run, struct output *out, const char *output)
{
	struct stat st;
	int rc = -1;

	if (output == NULL)
		return 0;
	if (fclose(out->f) != 0)
		error_line("cannot write %s: %s", output, strerror(errno));
	else if (is_set_file(run, output))
		error_line("%s is a file of the record set; --output never writes over it", output);
	else if (wfile_output(output, out->text, out->len) == 0)
		rc = 0;
	else if (errno == ENOENT && lstat(output, &st) == 0 && S_ISLNK(st.st_mode))
		error_line("cannot write %s: it is a symbolic link to a file that does not exist",
			   output);
	else
		error_line("cannot write %s: %s", output, strerror(errno));
	free(out->text);
	return rc;
}

/* Prints the configuration in effect, one setting a line, with where it came from. */
static void print_config(const struct check_options *o, const struct config *cfg,
			 const struct schema_set *set)
{
	const char *file = cfg->file ? cfg->file : "no .clerk.yml";
	int tty = o->output == NULL && isatty(STDOUT_FILENO);
	size_t i;

	printf("configuration: %s\n", cfg->file ? cfg->file : "(none found; defaults)");
	printf("root: %s\t(%s)\n", cfg->root,
	       cfg->file ? "the folder of the configuration" : "the current folder");
	if (o->as_of != NULL)
		printf("as-of: %s\t(--as-of)\n", o->as_of);
	else if (cfg->as_of[0] != '\0')
		printf("as-of: %s\t(%s:%d)\n", cfg->as_of, file, cfg->as_of_line);
	else
		printf("as-of: today\t(default)\n");
	printf("format: %s\t(%s)\n", o->writer->name,
	       o->format ? "--format"
	       : tty     ? "default on a terminal"
			 : "default when not on a terminal");
	printf("color: %s\t(%s)\n", o->out.color ? "yes" : "no",
	       o->color == COLOR_AUTO ? "--color auto: terminal and NO_COLOR" : "--color");
	printf("output: %s\t(%s)\n", o->output ? o->output : "standard output",
	       o->output ? "--output" : "default");
	if (o->max_warnings >= 0)
		printf("max-warnings: %ld\t(--max-warnings)\n", o->max_warnings);
	else
		printf("max-warnings: no limit\t(default)\n");
	for (i = 0; i < cfg->nschema_dirs; i++)
		printf("schemas: %s\t(%s)\n", cfg->schema_dirs[i], file);
	printf("type-field: %s\t(%s)\n", cfg->type_field ? cfg->type_field : "none",
	       cfg->type_field && strcmp(cfg->type_field, "type") == 0 ? "default" : file);
	printf("builtin-schemas: %s\t(%s)\n", cfg->builtin_schemas ? "true" : "false",
	       cfg->builtin_schemas ? "default" : file);
	for (i = 0; i < set->n; i++)
		printf("record type: %s\t(%s)\n", set->items[i]->name, set->items[i]->file);
	for (i = 0; i < cfg->ntypes; i++)
		printf("types: %s -> %s\t(%s:%d)\n", cfg->types[i].glob, cfg->types[i].type, file,
		       cfg->types[i].line);
	printf("exclude: %zu path pattern%s\t(%s)\n", cfg->nexclude, cfg->nexclude == 1 ? "" : "s",
	       cfg->nexclude ? file : "default");
	for (i = 0; i < cfg->nignore; i++)
		printf("ignore: %s (%s)\t(%s:%d)\n", cfg->ignore[i].glob, cfg->ignore[i].reason,
		       file, cfg->ignore[i].line);
	for (i = 0; i < RULE_COUNT; i++)
		if (cfg->severity_line[i] > 0)
			printf("rule %s: %s\t(%s:%d)\n", rule_catalogue[i].name,
			       severity_name(cfg->severity[i]), file, cfg->severity_line[i]);
		else
			printf("rule %s: %s\t(default)\n", rule_catalogue[i].name,
			       severity_name(cfg->severity[i]));
}

/* Returns the exit code for the findings of run. */
static int findings_code(const struct check_options *o, const struct check_run *run)
{
	if (diag_list_count(&run->diags, SEV_ERROR) > 0)
		return EXIT_FINDINGS;
	if (o->max_warnings >= 0 &&
	    diag_list_count(&run->diags, SEV_WARNING) > (size_t)o->max_warnings)
		return EXIT_FINDINGS;
	return 0;
}

/* Flushes and closes stdout; returns 0, or -1 after saying on stderr that
 * the output could not be written (a full disk, a closed pipe or stdout). */
static int finish_stdout(void)
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

/* Prints what is not about a document: unreadable paths, I/O errors and
 * named files the configuration excludes. */
void print_problems(const struct check_run *run)
{
	size_t i;

	for (i = 0; i < run->problems.n; i++)
		error_line("%s: %s", run->problems.items[i].path, run->problems.items[i].message);
}

/* Checks the staged records into run; returns 0, or -1 after saying why
 * Git could not be asked. Says so when no record is staged. */
static int run_staged(struct check_run *run)
{
	char *error = NULL;
	long n = check_staged(run, &error);

	if (n < 0) {
		error_line("%s", error);
		free(error);
		return -1;
	}
	if (n == 0)
		error_line("no record is staged for the next commit; nothing to check");
	return 0;
}

/* Holds standard input as the text of the file path, for check_paths;
 * returns 0, or -1 after saying why it could not be read. */
static int hold_stdin(struct check_run *run, const char *path)
{
	size_t len = 0;
	char *text = read_stream(stdin, run->project->cfg.max_file_size, &len);

	if (text == NULL) {
		error_line("cannot read standard input: %s",
			   errno == EFBIG ? _("it is larger than 'max-file-size'")
					  : strerror(errno));
		return -1;
	}
	check_hold_text(run, path, text, len);
	free(text);
	return 0;
}

/* Fills run (initialised here) with the findings: of what is staged, of
 * the paths after fixing them (--fix), or of the paths, standard input
 * read as the file named. Returns 0, or -1 when that could not be done
 * (said why). */
static int collect_findings(const struct check_options *o, const struct project *p,
			    const char *as_of, struct check_run *run, char **paths, int npaths)
{
	size_t nfiles;

	if (o->fix)
		return fix_and_write(run, p, as_of, paths, (size_t)npaths, -1, 0, stderr, &nfiles);
	check_init(run, p, as_of);
	if (o->jobs > 0)
		run->jobs = o->jobs;
	run->no_cache = o->no_cache;
	if (o->staged)
		return run_staged(run);
	if (o->stdin_name != NULL && hold_stdin(run, o->stdin_name) != 0)
		return -1;
	check_paths(run, paths, (size_t)npaths);
	return 0;
}

/* Checks the paths (or the current folder) and writes the findings;
 * returns the exit code. */
static int run_check(const struct check_options *o, const struct project *p, char **paths,
		     int npaths)
{
	struct out_options out = o->out;
	struct check_run run;
	char as_of[11];
	struct output dest;
	int rc;

	if (o->as_of != NULL)
		snprintf(as_of, sizeof as_of, "%s", o->as_of);
	else if (p->cfg.as_of[0] != '\0')
		memcpy(as_of, p->cfg.as_of, sizeof as_of);
	else
		date_today(as_of);
	if (!o->fix)
		settle_interrupted(p->cfg.root, 0);
	if (collect_findings(o, p, as_of, &run, paths, npaths) != 0) {
		check_free(&run);
		return EXIT_USAGE;
	}
	print_problems(&run);
	run.system_errors += report_pattern_failures();
	if (getenv("CLERK_TIMINGS") != NULL)
		error_line("%zu records; per-file stage %.0f ms (%zu files from the cache), "
			   "whole-set stage %.0f ms",
			   run.nrecords, run.load_ms, run.cached, run.set_ms);
	/* A summary after "no such file" would read as if the check had run. */
	if (run.system_errors > 0)
		out.quiet = 1;
	if (open_output(o->output, &dest) != 0) {
		run.system_errors++;
	} else {
		o->writer->write(dest.f, &run, &out);
		if (finish_output(&run, &dest, o->output) != 0)
			run.system_errors++;
	}
	if (run.hidden == 1 && !o->out.quiet && run.system_errors == 0)
		error_line("note: 1 finding in another file of the record set is not shown; check "
			   "the whole set to see it");
	else if (run.hidden > 1 && !o->out.quiet && run.system_errors == 0)
		error_line("note: %zu findings in other files of the record set are not shown; "
			   "check the whole set to see them",
			   run.hidden);
	rc = run.system_errors > 0 ? EXIT_USAGE : findings_code(o, &run);
	check_free(&run);
	return rc;
}

/* Opens the project the check reads: with --staged that of Git's index.
 * Returns 0, or -1 with *rc the exit code after saying why. */
static int open_for_check(const struct check_options *o, struct project *p, char **paths,
			  int npaths, struct config_error *err, int *rc)
{
	char *error = NULL;
	int opened;

	if (o->staged)
		opened = staged_project_open(p, o->config_path, err, &error);
	else
		opened = project_open(p, o->config_path, paths, (size_t)npaths, err);
	if (opened > 0) {
		error_line("%s", error);
		*rc = EXIT_USAGE;
	} else if (opened < 0) {
		*rc = config_failed(err);
	}
	free(error);
	return opened != 0 ? -1 : 0;
}

static int cmd_check(int argc, char **argv)
{
	struct check_options o = {0};
	struct config_error err = {0};
	struct project p;
	char *stdin_paths[] = {NULL, NULL}, *set_paths[] = {NULL, NULL};
	char **paths, *parent = NULL;
	int npaths, rc = parse_check_options(argc, argv, &o);
	struct stat st;

	if (rc != 0)
		return rc == OPTS_HELP ? 0 : rc;
	paths = argv + optind;
	npaths = argc - optind;
	if (o.stdin_name != NULL) {
		stdin_paths[0] = (char *)o.stdin_name;
		paths = stdin_paths;
		npaths = 1;
		/* A file not saved yet belongs to the set of its folder. */
		if (stat(o.stdin_name, &st) != 0)
			set_paths[0] = parent = path_dir(o.stdin_name);
	}
	if (open_for_check(&o, &p, parent ? set_paths : paths, npaths, &err, &rc) == 0 &&
	    o.print_config)
		print_config(&o, &p.cfg, &p.schemas);
	else if (rc == 0)
		rc = run_check(&o, &p, paths, npaths);
	project_close(&p);
	free(parent);
	return rc;
}

/* ------------------------------------------------------------------ show */

enum { SHOW_CONFIG = 1 };

static const struct opt show_opts[] = {
    {"config", 0, SHOW_CONFIG, "FILE", opts_config_help},
};

const struct cmd_spec show_spec = {
    "show",
    N_("usage: clerk show [--config FILE] ID\n"),
    N_("Shows the record with this id: its fields, the records it refers to (with\n"
       "their titles and files, or \"not found\") and every record that refers or\n"
       "links to it."),
    NULL,
    show_opts,
    OPTS_N(show_opts),
};

/* Keeps the one option of show, --config (opt_set_fn). */
static int set_config_path(void *ctx, int key, const char *value)
{
	(void)key;
	*(const char **)ctx = value;
	return 0;
}

/* Shows the record id of the whole set p; returns the exit code. */
static int show_in_set(const struct project *p, const char *id)
{
	struct check_run run;
	char today[11];
	int rc = 0;

	date_today(today);
	check_init(&run, p, today);
	check_paths(&run, NULL, 0);
	print_problems(&run);
	if (show_record(stdout, &run, id) != 0) {
		error_line("no record has the id '%s'", id);
		rc = EXIT_FINDINGS;
	}
	if (run.system_errors > 0)
		rc = EXIT_USAGE;
	check_free(&run);
	return rc;
}

/* clerk show [--config FILE] ID: the record set of the current folder. */
static int cmd_show(int argc, char **argv)
{
	struct config_error err = {0};
	const char *config_path = NULL;
	struct project p;
	int rc = opts_parse(&show_spec, argc, argv, set_config_path, &config_path);

	if (rc != 0)
		return rc == OPTS_HELP ? 0 : rc;
	if (argc - optind != 1)
		return opts_usage_error(&show_spec, "name one record id");
	if (project_open(&p, config_path, NULL, 0, &err) != 0)
		rc = config_failed(&err);
	else
		rc = show_in_set(&p, argv[optind]);
	project_close(&p);
	return rc;
}

/* ----------------------------------------------------------------- rules */

const struct cmd_spec rules_spec = {
    "rules",
    N_("usage: clerk rules [NAME]\n"),
    N_("Without NAME, lists every rule: its name, default severity and what it looks for.\n"
       "With NAME, explains that rule, with a record that breaks it and one that passes\n"
       "(the text of docs/rules.md, built into clerk)."),
    NULL,
    NULL,
    0,
};

/* For the commands without options of their own (opt_set_fn): never called. */
static int no_option(void *ctx, int key, const char *value)
{
	(void)ctx;
	(void)key;
	(void)value;
	return EXIT_USAGE;
}

/* Prints one rule's entry: name, severity, summary and its documentation. */
static int explain_rule(const char *name)
{
	int id = rule_lookup(name);
	const struct rule_doc *doc;

	if (id < 0)
		return opts_usage_error(&rules_spec, "unknown rule '%s'; 'clerk rules' lists them",
					name);
	doc = rule_doc_find(name);
	printf(_("%s (default severity: %s)\n"), name, severity_name(rule_catalogue[id].severity));
	if (doc == NULL)
		printf("\n%s\n", _(rule_catalogue[id].summary));
	else
		fputs(doc->section, stdout);
	return 0;
}

static int cmd_rules(int argc, char **argv)
{
	int i, rc = opts_parse(&rules_spec, argc, argv, no_option, NULL);

	if (rc != 0)
		return rc == OPTS_HELP ? 0 : rc;
	if (argc - optind > 1)
		return opts_usage_error(&rules_spec, "'rules' takes at most one rule name");
	if (argc - optind == 1)
		return explain_rule(argv[optind]);
	for (i = 0; i < RULE_COUNT; i++)
		printf("%-20s %-8s %s\n", rule_catalogue[i].name,
		       severity_name(rule_catalogue[i].severity), _(rule_catalogue[i].summary));
	return 0;
}

/* ----------------------------------------------------------------- cache */

const struct cmd_spec cache_spec = {
    "cache",
    N_("usage: clerk cache clean\n"),
    N_("clerk check keeps each file's results in $XDG_CACHE_HOME/clerk (else\n"
       "~/.cache/clerk), outside the records, and uses them again while the file,\n"
       "the configuration, the schemas and clerk itself are unchanged.\n"
       "'clerk cache clean' removes that cache, for every record set."),
    NULL,
    NULL,
    0,
};

static int cmd_cache(int argc, char **argv)
{
	char *where = NULL;
	int rc = opts_parse(&cache_spec, argc, argv, no_option, NULL);

	if (rc != 0)
		return rc == OPTS_HELP ? 0 : rc;
	if (argc - optind != 1 || strcmp(argv[optind], "clean") != 0)
		return opts_usage_error(&cache_spec, "use 'clerk cache clean'");
	rc = cache_clean(&where);
	if (rc != 0)
		error_line("cannot remove the cache in %s: %s", where, strerror(errno));
	free(where);
	return rc != 0 ? EXIT_USAGE : 0;
}

/* ------------------------------------------------------ version and help */

const struct cmd_spec version_spec = {
    "version",
    N_("usage: clerk version\n"),
    N_("Prints clerk's version and licence (also: clerk --version)."),
    NULL,
    NULL,
    0,
};

static int cmd_version(int argc, char **argv)
{
	int rc = opts_parse(&version_spec, argc, argv, no_option, NULL);

	if (rc != 0)
		return rc == OPTS_HELP ? 0 : rc;
	if (optind < argc)
		return opts_usage_error(&version_spec, "'version' takes no arguments");
	printf("clerk %s\n", CLERK_VERSION);
	/* TRANSLATORS: the licence's name (EUPL-1.2) is an SPDX identifier; keep it. */
	puts(_("licence: EUPL-1.2 (European Union Public Licence 1.2; see the file LICENSE)"));
	if (CLERK_HOME[0] != '\0')
		printf(_("home: %s\n"), CLERK_HOME);
	return 0;
}

static int cmd_help(int argc, char **argv);

static const struct command commands[] = {
    {"check", N_("check records against their schemas"), &check_spec, cmd_check},
    {"show", N_("show a record: its fields, references and backlinks"), &show_spec, cmd_show},
    {"new", N_("create a record with the next free id: clerk new TYPE"), &new_spec, cmd_new},
    {"renumber", N_("give a record another id, and every reference to it"), &renumber_spec,
     cmd_renumber},
    {"init", N_("start a records repository: configuration, folders, examples"), &init_spec,
     cmd_init},
    {"import", N_("turn Word, OpenDocument, PDF or text documents into draft records"),
     &import_spec, cmd_import},
    {"list", N_("list the records: id, type, date, status, title, file"), &list_spec, cmd_list},
    {"graph", N_("draw the references between records (Graphviz or Mermaid)"), &graph_spec,
     cmd_graph},
    {"index", N_("write the register of the records as a Markdown file"), &index_spec, cmd_index},
    {"due", N_("list what is due: reports, series, ends (also as a calendar)"), &due_spec, cmd_due},
    {"export", N_("write the record set as a SQLite database"), &export_spec, cmd_export},
    {"publish", N_("write the register and every record as a static website"), &publish_spec,
     cmd_publish},
    {"fix", N_("apply the fixes clerk is sure of to the records"), &fix_spec, cmd_fix},
    {"schema", N_("write a JSON Schema of the records or the configuration, for editors"),
     &schema_spec, cmd_schema},
    {"lsp", N_("serve editors as a language server: findings as you type, fixes, ids"), &lsp_spec,
     cmd_lsp},
    {"rules", N_("list every rule, or explain one: clerk rules NAME"), &rules_spec, cmd_rules},
    {"cache", N_("remove the cache of check results: clerk cache clean"), &cache_spec, cmd_cache},
    {"version", N_("print the version"), &version_spec, cmd_version},
    {"help", N_("show this help, or a command's: clerk help COMMAND"), &help_spec, cmd_help},
};

#define NCOMMANDS (sizeof commands / sizeof *commands)

/* The commands' names, separated by ", " (malloc'd). */
static char *command_names(void)
{
	const char *names[NCOMMANDS];
	size_t i;

	for (i = 0; i < NCOMMANDS; i++)
		names[i] = commands[i].name;
	return join_words(names, NCOMMANDS, "", ", ");
}

static const struct command *find_command(const char *name)
{
	size_t i;

	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(name, commands[i].name) == 0)
			return &commands[i];
	return NULL;
}

enum { HELP_OPTIONS = 1 };

static const struct opt help_opts[] = {
    {"options", 0, HELP_OPTIONS, NULL,
     N_("list the options of every command (or of COMMAND), one a line: command, long "
	"form, short form and value, separated by tabs")},
};

const struct cmd_spec help_spec = {
    "help",
    N_("usage: clerk help [--options] [COMMAND]\n"),
    N_("Shows the commands, or the help of COMMAND (the same as clerk COMMAND --help)."),
    NULL,
    help_opts,
    OPTS_N(help_opts),
};

/* Sets the int at ctx (opt_set_fn for a command with one flag). */
static int set_flag(void *ctx, int key, const char *value)
{
	(void)key;
	(void)value;
	*(int *)ctx = 1;
	return 0;
}

/* Prints clerk --help: the commands and the options before them. */
static void main_help(void)
{
	size_t i;

	puts(_("usage: clerk COMMAND [OPTION...] [ARG...]\n"
	       "clerk keeps and checks governance records: Markdown files with YAML front matter.\n"
	       "\ncommands:"));
	for (i = 0; i < NCOMMANDS; i++)
		printf("  %-10s %s\n", commands[i].name, _(commands[i].summary));
	puts(_("\noptions:\n"
	       "  --help       show this help\n"
	       "  --version    print the version\n"
	       "  --lang LANG  the language of the messages: en or nl (before or after the\n"
	       "               command)\n"
	       "\nRun 'clerk COMMAND --help' for the options of a command."));
}

/* clerk help [--options] [COMMAND]. */
static int cmd_help(int argc, char **argv)
{
	const struct command *c = NULL;
	int list = 0, rc = opts_parse(&help_spec, argc, argv, set_flag, &list);
	size_t i;

	if (rc != 0)
		return rc == OPTS_HELP ? 0 : rc;
	if (argc - optind > 1)
		return opts_usage_error(&help_spec, "'help' takes at most one command");
	if (optind < argc) {
		c = find_command(argv[optind]);
		if (c == NULL)
			return usage_error("unknown command '%s'", argv[optind]);
	}
	if (list) {
		for (i = 0; i < NCOMMANDS; i++)
			if (c == NULL || c == &commands[i])
				opts_list(commands[i].spec, stdout);
	} else if (c != NULL) {
		opts_help(c->spec);
	} else {
		main_help();
	}
	return 0;
}

/* Takes the global option --lang LANG (or --lang=LANG) wherever it stands
 * before a "--": before the command or among its options. Removes it from
 * argv (and *argc); returns 0, or -1 after reporting a mistake. */
static int global_options(int *argc, char **argv)
{
	const char *lang = NULL;
	int i, used;

	for (i = 1; i < *argc && strcmp(argv[i], "--") != 0; i++) {
		used = 0;
		if (strncmp(argv[i], "--lang=", 7) == 0) {
			lang = argv[i] + 7;
			used = 1;
		} else if (strcmp(argv[i], "--lang") == 0) {
			if (i + 1 >= *argc && i > 1 && find_command(argv[1]) != NULL) {
				error_line("option '%s' needs a value; see 'clerk %s --help'",
					   "--lang", argv[1]);
				return -1;
			}
			if (i + 1 >= *argc) {
				usage_error("--lang needs a language: en or nl");
				return -1;
			}
			lang = argv[i + 1];
			used = 2;
		}
		if (used == 0)
			continue;
		memmove(argv + i, argv + i + used, (size_t)(*argc - i - used + 1) * sizeof *argv);
		*argc -= used;
		i--;
	}
	if (lang != NULL && i18n_set_language(lang) != 0) {
		usage_error("unknown language '%s'; use en or nl", lang);
		return -1;
	}
	if (lang != NULL)
		i18n_choose(lang);
	return 0;
}

/* Runs the command named in argv[1]; returns its exit code. */
static int dispatch(int argc, char **argv)
{
	const struct command *c;

	if (global_options(&argc, argv) < 0)
		return EXIT_USAGE;
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		main_help();
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0)
		return cmd_version(1, argv);
	c = find_command(argv[1]);
	if (c != NULL)
		return c->run(argc - 1, argv + 1);
	return usage_error("unknown command '%s'", argv[1]);
}

/* Every command's output is checked: what cannot be written is an error. */
int main(int argc, char **argv)
{
	int rc;

	i18n_init(argv[0]);
	rc = dispatch(argc, argv);

	if (finish_stdout() != 0)
		return EXIT_USAGE;
	return rc;
}
