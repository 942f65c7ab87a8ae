/* publish.c - the commands that take the record set outward: clerk due
 * (what is due, also as a calendar), clerk export (a SQLite database) and
 * clerk publish (a static website).
 *
 * Each loads the whole record set as `clerk check` does and never changes a
 * record; export and publish write only where they are told, through
 * src/atomic.h. */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
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

/* One option of these commands, with the line its --help shows. */
struct pub_option {
	const char *name;
	int has_arg;
	int key;
	const char *arg, *help;
};

/* What the options set; each command reads its own. */
struct pub_args {
	const char *as_of, *within, *format, *config, *output, *base_url;
	int force, drafts, help;
};

/* Says what is wrong with the command line, then the usage line; returns EXIT_USAGE. */
static int pub_usage_error(const char *usage, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int pub_usage_error(const char *usage, const char *fmt, ...)
{
	va_list ap;
	char *message;

	va_start(ap, fmt);
	message = xvasprintf(_(fmt), ap);
	va_end(ap);
	error_line("%s", message);
	free(message);
	fputs(_(usage), stderr);
	return EXIT_USAGE;
}

static void pub_help(const char *usage, const char *text, const struct pub_option *opts, size_t n)
{
	char left[64];
	size_t i;

	fputs(_(usage), stdout);
	puts(_(text));
	puts(_("\noptions:"));
	for (i = 0; i < n; i++) {
		snprintf(left, sizeof left, "--%s%s%s", opts[i].name, opts[i].arg ? " " : "",
			 opts[i].arg ? opts[i].arg : "");
		printf("  %-22s %s\n", left, _(opts[i].help));
	}
}

static void set_pub_option(struct pub_args *a, int key, const char *arg)
{
	switch (key) {
	case 'a':
		a->as_of = arg;
		break;
	case 'w':
		a->within = arg;
		break;
	case 'f':
		a->format = arg;
		break;
	case 'c':
		a->config = arg;
		break;
	case 'o':
		a->output = arg;
		break;
	case 'b':
		a->base_url = arg;
		break;
	case 'F':
		a->force = 1;
		break;
	case 'd':
		a->drafts = 1;
		break;
	default:
		a->help = 1;
		break;
	}
}

/* Reads the options in opts; returns 0, or an exit code to stop with.
 * The command's name is cmd, for the usage error. */
static int parse_pub_options(int argc, char **argv, const struct pub_option *opts, size_t n,
			     const char *cmd, const char *usage, struct pub_args *a)
{
	struct option longopts[12];
	size_t i;
	int c;

	memset(longopts, 0, sizeof longopts);
	memset(a, 0, sizeof *a);
	for (i = 0; i < n && i < 11; i++) {
		longopts[i].name = opts[i].name;
		longopts[i].has_arg = opts[i].has_arg ? required_argument : no_argument;
		longopts[i].val = opts[i].key;
	}
	opterr = 0;
	optind = 1;
	for (;;) {
		c = getopt_long(argc, argv, ":h", longopts, NULL);
		if (c == -1)
			break;
		if (c == ':')
			return pub_usage_error(usage, "'%s' needs a value", argv[optind - 1]);
		if (c == '?')
			return pub_usage_error(usage, "unknown option '%s'; see 'clerk %s --help'",
					       argv[optind - 1], cmd);
		set_pub_option(a, c, optarg);
	}
	if (a->as_of != NULL && date_parse(a->as_of, strlen(a->as_of), NULL) != DATE_OK)
		return pub_usage_error(
		    usage, "--as-of needs a real date written as YYYY-MM-DD, not '%s'", a->as_of);
	return 0;
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

static const char config_help[] =
    N_("read this configuration instead of the .clerk.yml found upwards");
static const char as_of_help[] =
    N_("the date that counts as today (default: .clerk.yml's, or today)");

/* ------------------------------------------------------------------- due */

static const char due_usage[] = N_("usage: clerk due [OPTION...]\n");

static const struct pub_option due_options[] = {
    {"within", 1, 'w', "PERIOD",
     N_("how far ahead to look, such as 60d (default), 8w, 3m, 1y or P2M; what is overdue is "
	"always listed")},
    {"as-of", 1, 'a', "YYYY-MM-DD", as_of_help},
    {"format", 1, 'f', "FORMAT",
     N_("table (default), csv, json or ics (an iCalendar file for a calendar application)")},
    {"config", 1, 'c', "FILE", config_help},
    {"help", 0, 'h', NULL, N_("show this help")},
};

#define NDUE (sizeof due_options / sizeof *due_options)

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

int cmd_due(int argc, char **argv)
{
	struct pub_args a;
	struct check_run run;
	struct project p;
	struct reg r;
	struct due_list d;
	size_t f;
	long limit;
	int rc = parse_pub_options(argc, argv, due_options, NDUE, "due", due_usage, &a);

	if (rc != 0 || a.help) {
		if (a.help)
			pub_help(
			    due_usage,
			    "Lists what is due or overdue in the record set of the current "
			    "folder:\n"
			    "the next report on each agreement (its reporting interval), the next\n"
			    "report of each report series (its newest report's next-report), and "
			    "the\n"
			    "end of each agreement and decision in force. Overdue first, then by "
			    "date.",
			    due_options, NDUE);
		return rc;
	}
	for (f = 0; f < NDUE_FORMATS && strcmp(a.format ? a.format : "table", due_formats[f].name);
	     f++)
		;
	if (f == NDUE_FORMATS)
		return pub_usage_error(
		    due_usage, "unknown format '%s'; use table, csv, json or ics", a.format);
	rc = load_whole_set(&p, &run, &a);
	if (rc == 0) {
		limit = due_limit(a.within ? a.within : "60d", run.as_of);
		if (limit < 0) {
			rc = pub_usage_error(due_usage,
					     "--within needs a period such as 60d, 8w, 3m, 1y or "
					     "P2M, not '%s'",
					     a.within);
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

/* ---------------------------------------------------------------- export */

static const char export_usage[] = N_("usage: clerk export --format sqlite [OPTION...] FILE\n");

static const struct pub_option export_options[] = {
    {"format", 1, 'f', "FORMAT", N_("sqlite: a SQLite database (the only format so far)")},
    {"force", 0, 'F', NULL, N_("replace FILE when it exists")},
    {"as-of", 1, 'a', "YYYY-MM-DD", as_of_help},
    {"config", 1, 'c', "FILE", config_help},
    {"help", 0, 'h', NULL, N_("show this help")},
};

#define NEXPORT (sizeof export_options / sizeof *export_options)

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
	int rc = parse_pub_options(argc, argv, export_options, NEXPORT, "export", export_usage, &a);

	if (rc != 0 || a.help) {
		if (a.help)
			pub_help(
			    export_usage,
			    "Writes the record set of the current folder to FILE as a SQLite "
			    "database:\nits records, every field, references, links, report "
			    "series and the findings\nof a check (see docs/publish.md). FILE is "
			    "written whole or not at all, and an\nexisting FILE is replaced only "
			    "with --force.",
			    export_options, NEXPORT);
		return rc;
	}
	if (a.format == NULL || strcmp(a.format, "sqlite") != 0)
		return pub_usage_error(export_usage, "export needs --format sqlite");
	if (optind + 1 != argc)
		return pub_usage_error(export_usage, "export needs one FILE to write");
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

static const char publish_usage[] = N_("usage: clerk publish [OPTION...]\n");

static const struct pub_option publish_options[] = {
    {"output", 1, 'o', "DIR",
     N_("the folder to write the site to (default: beside the record set, named after it "
	"with -site)")},
    {"as-of", 1, 'a', "YYYY-MM-DD", as_of_help},
    {"base-url", 1, 'b', "URL",
     N_("the address the site will have, for the feed and sitemap.xml (links stay relative)")},
    {"include-drafts", 0, 'd', NULL, N_("publish drafts too")},
    {"config", 1, 'c', "FILE", config_help},
    {"help", 0, 'h', NULL, N_("show this help")},
};

#define NPUBLISH (sizeof publish_options / sizeof *publish_options)

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
	int rc =
	    parse_pub_options(argc, argv, publish_options, NPUBLISH, "publish", publish_usage, &a);

	if (rc != 0 || a.help) {
		if (a.help)
			pub_help(
			    publish_usage,
			    "Writes the record set of the current folder as a static website: the\n"
			    "register, a page per record, what is due, an Atom feed and a search\n"
			    "index. Drafts, records that their schema marks as not public and\n"
			    "records without a valid id are left out. The site is written to a "
			    "new\n"
			    "folder and put in place when complete; an existing folder is "
			    "replaced\n"
			    "only when clerk publish wrote it.",
			    publish_options, NPUBLISH);
		return rc;
	}
	if (optind != argc)
		return pub_usage_error(publish_usage, "publish takes no arguments; leave out '%s'",
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
