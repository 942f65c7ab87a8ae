/* SPDX-License-Identifier: EUPL-1.2 */
/* publish.c - the commands that take the record set outward: clerk due
 * (what is due, also as a calendar), clerk export (a SQLite database) and
 * clerk publish (a static website).
 *
 * Each loads the whole record set as `clerk check` does and never changes a
 * record; export and publish write only where they are told, through
 * src/atomic.h. */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"
#include "cmd.h"
#include "date.h"
#include "due.h"
#include "export.h"
#include "i18n.h"
#include "publish.h"
#include "register.h"
#include "util.h"

/* What the options set; each command reads its own. */
struct pub_args {
	const char *as_of, *within, *format, *config, *output, *base_url;
	int force, drafts;
};

#define PUB(member) ((int)offsetof(struct pub_args, member))

/* Reads the options of cmd; returns 0, OPTS_HELP, or an exit code to stop with. */
static int parse_pub_options(int argc, char **argv, const struct cmd_spec *cmd, struct pub_args *a)
{
	int rc;

	memset(a, 0, sizeof *a);
	rc = opts_parse(cmd, argc, argv, opts_store, a);
	if (rc == 0 && a->as_of != NULL && date_parse(a->as_of, strlen(a->as_of), NULL) != DATE_OK)
		rc = opts_usage_error(
		    cmd, "--as-of needs a real date written as YYYY-MM-DD, not '%s'", a->as_of);
	return rc;
}

/* Loads the whole record set of the current folder (or of the
 * configuration given) into run, measured against as_of. Returns 0, or an
 * exit code after saying why; either way the caller frees run and p. */
static int load_whole_set(struct project *p, struct check_run *run, const struct pub_args *a)
{
	struct config_error err = {0};
	char today[11];

	memset(run, 0, sizeof *run);
	if (project_open(p, a->config, NULL, 0, &err) != 0)
		return config_failed(&err);
	if (a->as_of != NULL)
		snprintf(today, sizeof today, "%s", a->as_of);
	else if (p->cfg.as_of[0] != '\0')
		snprintf(today, sizeof today, "%s", p->cfg.as_of);
	else
		date_today(today);
	check_init(run, p, today);
	check_paths(run, NULL, 0);
	print_problems(run);
	return run->system_errors > 0 ? EXIT_USAGE : 0;
}

/* ------------------------------------------------------------------- due */

static const struct opt due_opts[] = {
    {"within", 0, PUB(within), "PERIOD",
     N_("how far ahead to look, such as 60d (default), 8w, 3m, 1y or P2M; what is overdue is "
	"always listed")},
    {"as-of", 0, PUB(as_of), "YYYY-MM-DD", opts_as_of_help},
    {"format", 0, PUB(format), "FORMAT",
     N_("table (default), csv, json or ics (an iCalendar file for a calendar application)")},
    {"config", 0, PUB(config), "FILE", opts_config_help},
};

const struct cmd_spec due_spec = {
    "due",
    N_("usage: clerk due [OPTION...]\n"),
    N_("Lists what is due or overdue in the record set of the current folder:\n"
       "the next report on each agreement (its reporting interval), the next\n"
       "report of each report series (its newest report's next-report), and the\n"
       "end of each agreement and decision in force. Overdue first, then by date."),
    NULL,
    due_opts,
    OPTS_N(due_opts),
};

static const struct {
	const char *name;
	void (*write)(FILE *f, const struct due_list *d);
} due_formats[] = {
    {"table", due_write_table},
    {"csv", due_write_csv},
    {"json", due_write_json},
    {"ics", due_write_ics},
};

#define NDUE_FORMATS (sizeof due_formats / sizeof *due_formats)

/* Turns --within (60d, 8w, 3m, 1y or an ISO duration) into the last day
 * number to list, from as_of. Returns the day number, or -1 when the
 * period cannot be read. */
static long due_limit(const char *within, const char *as_of)
{
	static const char units[] = "dwmy", iso[] = "DWMY";
	const char *u;
	char duration[32], end[11];
	char *stop;
	long n;

	if (within[0] == 'P')
		return duration_valid(within, strlen(within)) ? date_add(as_of, within, end) : -1;
	errno = 0;
	n = strtol(within, &stop, 10);
	if (errno != 0 || stop == within || n < 0 || n > 100000 || stop[0] == '\0' ||
	    stop[1] != '\0' || (u = strchr(units, stop[0])) == NULL)
		return -1;
	snprintf(duration, sizeof duration, "P%ld%c", n, iso[u - units]);
	return date_add(as_of, duration, end);
}

/* Lists what is due by a, in the format at row f; returns the exit code. */
static int list_due(const struct pub_args *a, size_t f)
{
	struct check_run run;
	struct project p;
	struct reg r;
	struct due_list d;
	long limit;
	int rc = load_whole_set(&p, &run, a);

	if (rc == 0) {
		limit = due_limit(a->within ? a->within : "60d", run.as_of);
		if (limit < 0) {
			rc = opts_usage_error(&due_spec,
					      "--within needs a period such as 60d, 8w, 3m, 1y or "
					      "P2M, not '%s'",
					      a->within);
		} else {
			reg_build(&r, &run, NULL);
			due_build(&d, &r.ix, run.as_of, limit);
			due_formats[f].write(stdout, &d);
			due_free(&d);
			reg_free(&r);
		}
	}
	check_free(&run);
	project_close(&p);
	return rc;
}

int cmd_due(int argc, char **argv)
{
	struct pub_args a;
	size_t f;
	int rc = parse_pub_options(argc, argv, &due_spec, &a);

	if (rc != 0)
		return rc == OPTS_HELP ? 0 : rc;
	if (optind < argc)
		return opts_usage_error(&due_spec, "'due' takes no arguments; leave out '%s'",
					argv[optind]);
	for (f = 0; f < NDUE_FORMATS && strcmp(a.format ? a.format : "table", due_formats[f].name);
	     f++)
		;
	if (f == NDUE_FORMATS)
		return opts_usage_error(
		    &due_spec, "unknown format '%s'; use table, csv, json or ics", a.format);
	return list_due(&a, f);
}

/* ---------------------------------------------------------------- export */

static const struct opt export_opts[] = {
    {"format", 0, PUB(format), "FORMAT", N_("sqlite: a SQLite database (the only format so far)")},
    {"force", 0, PUB(force), NULL, N_("replace FILE when it exists")},
    {"as-of", 0, PUB(as_of), "YYYY-MM-DD", opts_as_of_help},
    {"config", 0, PUB(config), "FILE", opts_config_help},
};

const struct cmd_spec export_spec = {
    "export",
    N_("usage: clerk export --format sqlite [OPTION...] FILE\n"),
    N_("Writes the record set of the current folder to FILE as a SQLite database:\n"
       "its records, every field, references, links, report series and the findings\n"
       "of a check (see docs/publish.md). FILE is written whole or not at all, and an\n"
       "existing FILE is replaced only with --force."),
    NULL,
    export_opts,
    OPTS_N(export_opts),
};

/* Writes the database to a temporary file beside file, then puts it in
 * place. Returns 0 or an exit code after saying why. */
static int write_export(const struct check_run *run, const char *file, int force)
{
	struct reg r;
	char why[256], *tmp = atomic_temp(file, "", 0, atomic_new_mode());
	int rc = 0;

	if (tmp == NULL) {
		error_line("cannot write %s: %s", file, strerror(errno));
		return EXIT_USAGE;
	}
	reg_build(&r, run, NULL);
	if (export_sqlite(tmp, run, &r.ix, why, sizeof why) != 0) {
		error_line("cannot write %s: %s", file, why);
		unlink(tmp);
		rc = EXIT_USAGE;
	} else if (atomic_put(tmp, file, force) != 0) {
		if (errno == EEXIST)
			error_line("%s exists already; give --force to replace it", file);
		else
			error_line("cannot write %s: %s", file, strerror(errno));
		rc = errno == EEXIST ? EXIT_FINDINGS : EXIT_USAGE;
	}
	reg_free(&r);
	free(tmp);
	return rc;
}

int cmd_export(int argc, char **argv)
{
	struct pub_args a;
	struct check_run run;
	struct project p;
	struct stat st;
	int rc = parse_pub_options(argc, argv, &export_spec, &a);

	if (rc != 0)
		return rc == OPTS_HELP ? 0 : rc;
	if (a.format == NULL || strcmp(a.format, "sqlite") != 0)
		return opts_usage_error(&export_spec, "export needs --format sqlite");
	if (optind + 1 != argc)
		return opts_usage_error(&export_spec, "export needs one FILE to write");
	if (!a.force && lstat(argv[optind], &st) == 0) {
		error_line("%s exists already; give --force to replace it", argv[optind]);
		return EXIT_FINDINGS;
	}
	rc = load_whole_set(&p, &run, &a);
	if (rc == 0)
		rc = write_export(&run, argv[optind], a.force);
	check_free(&run);
	project_close(&p);
	return rc;
}

/* --------------------------------------------------------------- publish */

static const struct opt publish_opts[] = {
    {"output", 0, PUB(output), "DIR",
     N_("the folder to write the site to (default: beside the record set, named after it "
	"with -site)")},
    {"as-of", 0, PUB(as_of), "YYYY-MM-DD", opts_as_of_help},
    {"base-url", 0, PUB(base_url), "URL",
     N_("the address the site will have, for the feed and sitemap.xml (links stay relative)")},
    {"include-drafts", 0, PUB(drafts), NULL, N_("publish drafts too")},
    {"config", 0, PUB(config), "FILE", opts_config_help},
};

const struct cmd_spec publish_spec = {
    "publish",
    N_("usage: clerk publish [OPTION...]\n"),
    N_("Writes the record set of the current folder as a static website: the\n"
       "register, a page per record, what is due, an Atom feed and a search\n"
       "index. Drafts, records that their schema marks as not public and\n"
       "records without a valid id are left out. The site is written to a new\n"
       "folder and put in place when complete; an existing folder is replaced\n"
       "only when clerk publish wrote it."),
    NULL,
    publish_opts,
    OPTS_N(publish_opts),
};

static void note_left_out(const char *path, const char *reason)
{
	error_line("%s: left out of the site: %s", path, _(reason));
}

/* The default folder: beside the set's root, named after it with -site. */
static char *default_output(const struct project *p)
{
	const char *root = p->cfg.root, *slash = strrchr(root, '/');

	if (slash == NULL || slash[1] == '\0')
		return xstrdup("site");
	return xasprintf("%.*s/%s-site", (int)(slash - root), root, slash + 1);
}

/* Writes the site into a new folder beside output and puts it in place. */
static int write_site(const struct check_run *run, const struct pub_args *a, const char *output)
{
	struct publish_options o = {a->base_url, a->drafts};
	char why[256], *tmp = atomic_temp_dir(output);
	int rc = 0;

	if (tmp == NULL) {
		error_line("cannot write %s: %s", output, strerror(errno));
		return EXIT_USAGE;
	}
	if (publish_site(run, &o, tmp, note_left_out, why, sizeof why) != 0) {
		error_line("cannot write %s: %s", output, why);
		atomic_remove_tree(tmp);
		rc = EXIT_USAGE;
	} else if (atomic_put_dir(tmp, output, PUBLISH_MARK) != 0) {
		if (errno == ENOTEMPTY || errno == ENOTDIR)
			error_line("%s exists and was not written by clerk publish; it is left "
				   "alone: choose another --output",
				   output);
		else
			error_line("cannot write %s: %s", output, strerror(errno));
		rc = EXIT_USAGE;
	} else {
		printf("%s\n", output);
	}
	free(tmp);
	return rc;
}

int cmd_publish(int argc, char **argv)
{
	struct pub_args a;
	struct check_run run;
	struct project p;
	char *output = NULL;
	int rc = parse_pub_options(argc, argv, &publish_spec, &a);

	if (rc != 0)
		return rc == OPTS_HELP ? 0 : rc;
	if (optind != argc)
		return opts_usage_error(&publish_spec, "publish takes no arguments; leave out '%s'",
					argv[optind]);
	rc = load_whole_set(&p, &run, &a);
	if (rc == 0) {
		output = a.output ? xstrdup(a.output) : default_output(&p);
		rc = write_site(&run, &a, output);
	}
	free(output);
	check_free(&run);
	project_close(&p);
	return rc;
}
