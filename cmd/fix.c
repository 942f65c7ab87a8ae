/* fix.c - `clerk fix` and `clerk check --fix`: the repairs clerk is sure of, written.
 *
 * The library (src/fix.c) applies the sure fixes in memory, round after
 * round, and checks again; here the changed files are written all together
 * or not at all, and what changed is printed. Fixes that are guesses (the
 * nearest spelling) are listed for a person to decide, never applied. */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "commands.h"
#include "date.h"
#include "diag.h"
#include "fix.h"
#include "i18n.h"
#include "project.h"
#include "util.h"
#include "wfile.h"

static const char fix_usage[] =
    N_("usage: clerk fix [--rule NAME] [--dry-run] [--config FILE] [--as-of YYYY-MM-DD] "
       "[PATH...]\n");

/* The options of fix: one row each, with the line `clerk fix --help` shows. */
static const struct fix_option {
	const char *name;
	int has_arg;
	int key;
	const char *arg, *help;
} fix_options_table[] = {
    {"rule", 1, 'r', "NAME", N_("apply only the fixes of this rule")},
    {"dry-run", 0, 'n', NULL, N_("say what would change, and change nothing")},
    {"config", 1, 'c', "FILE",
     N_("read this configuration instead of the .clerk.yml found upwards")},
    {"as-of", 1, 'a', "YYYY-MM-DD",
     N_("the date that counts as today (default: .clerk.yml's, or today)")},
    {"quiet", 0, 'q', NULL, N_("leave out the summary line")},
    {"help", 0, 'h', NULL, N_("show this help")},
};

#define NFIX_OPTIONS (sizeof fix_options_table / sizeof *fix_options_table)

struct fix_options {
	const char *rule_name, *config_path, *as_of;
	int rule, dry_run, quiet, help;
};

static void fix_help(void)
{
	const struct fix_option *o;
	char left[64];
	size_t i;

	fputs(_(fix_usage), stdout);
	puts(_("Applies every fix clerk is sure of to the records in the given files and folders\n"
	       "(default: the current folder): a date written day-month-year, a Dutch or other\n"
	       "word for an allowed value, a field's other name, the line that opens the front\n"
	       "matter. It checks again after each round, so a fix that reveals another is made\n"
	       "too. The changed files are written together, or none of them. Fixes that are a\n"
	       "guess (the nearest spelling of a name) are listed for you to decide, not applied.\n"
	       "'clerk check --fix' does the same, then reports what is left.\n"
	       "\noptions:"));
	for (i = 0; i < NFIX_OPTIONS; i++) {
		o = &fix_options_table[i];
		snprintf(left, sizeof left, "--%s%s%s", o->name, o->arg ? " " : "",
			 o->arg ? o->arg : "");
		printf("  %-22s %s\n", left, _(o->help));
	}
	puts(_("\nexit codes: 0 done (also when findings are left that need a person), 2 clerk "
	       "could not do its work (nothing was written)."));
}

static int fix_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int fix_usage_error(const char *fmt, ...)
{
	va_list ap;
	char *line;

	va_start(ap, fmt);
	line = xvasprintf(_(fmt), ap);
	va_end(ap);
	error_line("%s", line);
	free(line);
	fputs(_(fix_usage), stderr);
	return EXIT_USAGE;
}

/* Applies one parsed option; returns 0 or an exit code. */
static int set_fix_option(struct fix_options *o, int key, const char *arg)
{
	switch (key) {
	case 'r':
		o->rule_name = arg;
		o->rule = rule_lookup(arg);
		if (o->rule < 0)
			return fix_usage_error("unknown rule '%s'; 'clerk rules' lists them", arg);
		return 0;
	case 'n':
		o->dry_run = 1;
		return 0;
	case 'c':
		o->config_path = arg;
		return 0;
	case 'a':
		o->as_of = arg;
		return 0;
	case 'q':
		o->quiet = 1;
		return 0;
	case 'h':
		o->help = 1;
		return 0;
	default:
		return -1;
	}
}

static int parse_fix_options(int argc, char **argv, struct fix_options *o)
{
	struct option longopts[NFIX_OPTIONS + 1];
	size_t i;
	int c, rc = 0;

	memset(longopts, 0, sizeof longopts);
	for (i = 0; i < NFIX_OPTIONS; i++) {
		longopts[i].name = fix_options_table[i].name;
		longopts[i].has_arg =
		    fix_options_table[i].has_arg ? required_argument : no_argument;
		longopts[i].val = fix_options_table[i].key;
	}
	o->rule = -1;
	opterr = 0;
	optind = 1;
	while (rc == 0) {
		c = getopt_long(argc, argv, ":nqh", longopts, NULL);
		if (c == -1)
			break;
		if (c == ':')
			return fix_usage_error("'%s' needs a value", argv[optind - 1]);
		if (c == '?')
			return fix_usage_error("unknown option '%s'; see 'clerk fix --help'",
					       argv[optind - 1]);
		rc = set_fix_option(o, c, optarg);
	}
	if (rc == 0 && o->as_of != NULL && date_parse(o->as_of, strlen(o->as_of), NULL) != DATE_OK)
		return fix_usage_error("--as-of needs a real date written as YYYY-MM-DD, not '%s'",
				       o->as_of);
	return rc;
}

/* ------------------------------------------------------------ writing */

/* Writes every changed file of r under the set's folder root, all or none,
 * through one change of several files (wfile.h: a journal, temporaries,
 * then each put in place). A record reached through a symbolic link has
 * the file it points to replaced and keeps the link, when that file lies
 * inside the set too; otherwise nothing is written. Returns 0, or -1
 * after saying why (every file as it was). */
static int write_files(const struct fix_result *r, const char *root)
{
	struct wfile_txn *t = wfile_txn_new(root, "clerk fix");
	char msg[1024];
	size_t i;
	int rc = 0;

	for (i = 0; i < r->nfiles && rc == 0; i++) {
		if (wfile_txn_replace(t, r->files[i].path, r->files[i].text, r->files[i].len) == 0)
			continue;
		if (errno == EXDEV)
			error_line("cannot write %s: the file lies outside the record set (%s); "
				   "no file was changed",
				   r->files[i].path, root);
		else
			error_line("cannot write %s: %s; no file was changed", r->files[i].path,
				   strerror(errno));
		rc = -1;
	}
	if (rc == 0 && wfile_txn_commit(t, msg, sizeof msg) != 0) {
		error_line("%s", msg);
		rc = -1;
	}
	wfile_txn_free(t);
	return rc;
}

/* ----------------------------------------------------------- reporting */

/* Prints what was (or would be) changed, one line a repair. */
static void print_changes(FILE *f, const struct fix_result *r, int dry_run)
{
	const struct fix_change *c;
	char *line;
	size_t i;

	for (i = 0; i < r->n; i++) {
		c = &r->changes[i];
		line = xasprintf(dry_run ? _("%s:%d:%d: would fix [%s]: '%s' becomes '%s'")
					 : _("%s:%d:%d: fixed [%s]: '%s' became '%s'"),
				 c->path, c->line, c->col, rule_catalogue[c->rule].name, c->old,
				 c->text);
		fput_escaped(line, f);
		fputc('\n', f);
		free(line);
	}
}

/* Prints the findings whose fix is a guess; returns how many. */
static size_t print_guesses(FILE *f, const struct check_run *run, int rule)
{
	const struct diag *d;
	size_t i, n = 0;
	char *line;

	for (i = 0; i < run->diags.n; i++) {
		d = &run->diags.items[i];
		if (d->fix == NULL || d->fix->sure || (rule >= 0 && (int)d->rule != rule))
			continue;
		line = xasprintf(_("%s:%d:%d: not fixed [%s]: %s; clerk is not sure: decide "
				   "whether '%s' is meant"),
				 d->path, d->line, d->col, rule_catalogue[d->rule].name, d->message,
				 d->fix->text);
		fput_escaped(line, f);
		fputc('\n', f);
		free(line);
		n++;
	}
	return n;
}

int fix_and_write(struct check_run *run, const struct project *p, const char *as_of,
		  char *const *paths, size_t npaths, int rule, int dry_run, FILE *report,
		  size_t *nfiles)
{
	struct fix_result r;
	int rc = 0;

	if (!dry_run && settle_interrupted(p->cfg.root, 1) != 0) {
		check_init(run, p, as_of);
		*nfiles = 0;
		return -1;
	}
	fix_paths(run, p, as_of, paths, npaths, rule, &r);
	*nfiles = r.nfiles;
	if (run->system_errors == 0 && !dry_run && r.nfiles > 0)
		rc = write_files(&r, p->cfg.root);
	if (rc == 0)
		print_changes(report, &r, dry_run || run->system_errors > 0);
	if (run->system_errors > 0 && r.nfiles > 0)
		error_line("no file was changed, because not every file could be read");
	fix_result_free(&r);
	return rc;
}

/* Prints the last line: how many files changed, how many findings need a person. */
static void print_fix_summary(size_t nfiles, size_t guesses, int dry_run)
{
	char *files =
	    xasprintf(dry_run ? ngettext("would change %zu file", "would change %zu files", nfiles)
			      : ngettext("changed %zu file", "changed %zu files", nfiles),
		      nfiles);
	char *left = xasprintf(
	    ngettext("%zu finding needs a person", "%zu findings need a person", guesses), guesses);

	printf("%s; %s\n", files, left);
	free(files);
	free(left);
}

int cmd_fix(int argc, char **argv)
{
	struct fix_options o = {0};
	struct config_error err = {0};
	struct check_run run;
	struct project p;
	char as_of[11];
	size_t guesses, nfiles = 0;
	int rc = parse_fix_options(argc, argv, &o);

	if (rc != 0)
		return rc;
	if (o.help) {
		fix_help();
		return 0;
	}
	if (project_open(&p, o.config_path, argv + optind, (size_t)(argc - optind), &err) != 0) {
		rc = config_failed(&err);
		project_close(&p);
		return rc;
	}
	if (o.as_of != NULL)
		snprintf(as_of, sizeof as_of, "%s", o.as_of);
	else if (p.cfg.as_of[0] != '\0')
		memcpy(as_of, p.cfg.as_of, sizeof as_of);
	else
		date_today(as_of);
	if (fix_and_write(&run, &p, as_of, argv + optind, (size_t)(argc - optind), o.rule,
			  o.dry_run, stdout, &nfiles) != 0)
		rc = EXIT_USAGE;
	print_problems(&run);
	guesses = print_guesses(stdout, &run, o.rule);
	if (run.system_errors > 0)
		rc = EXIT_USAGE;
	if (rc == 0 && !o.quiet)
		print_fix_summary(nfiles, guesses, o.dry_run);
	check_free(&run);
	project_close(&p);
	return rc;
}
