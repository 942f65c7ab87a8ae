/* SPDX-License-Identifier: EUPL-1.2 */
/* fix.c - `clerk fix` and `clerk check --fix`: the repairs clerk is sure of, written.
 *
 * The library (src/fix.c) applies the sure fixes in memory, round after
 * round, and checks again; here the changed files are written all together
 * or not at all, and what changed is printed. Fixes that are guesses (the
 * nearest spelling) are listed for a person to decide, never applied. */
#include <errno.h>
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

enum { FIX_RULE = 1, FIX_DRY_RUN, FIX_CONFIG, FIX_AS_OF, FIX_QUIET };

/* The options of fix: one row each, with the line `clerk fix --help` shows. */
static const struct opt fix_opts[] = {
    {"rule", 0, FIX_RULE, "NAME", N_("apply only the fixes of this rule")},
    {"dry-run", 'n', FIX_DRY_RUN, NULL, N_("say what would change, and change nothing")},
    {"config", 0, FIX_CONFIG, "FILE", opts_config_help},
    {"as-of", 0, FIX_AS_OF, "YYYY-MM-DD", opts_as_of_help},
    {"quiet", 'q', FIX_QUIET, NULL, N_("leave out the summary line")},
};

const struct cmd_spec fix_spec = {
    "fix",
    N_("usage: clerk fix [--rule NAME] [--dry-run] [--config FILE] [--as-of YYYY-MM-DD] "
       "[PATH...]\n"),
    N_("Applies every fix clerk is sure of to the records in the given files and folders\n"
       "(default: the current folder): a date written day-month-year, a Dutch or other\n"
       "word for an allowed value, a field's other name, the line that opens the front\n"
       "matter. It checks again after each round, so a fix that reveals another is made\n"
       "too. The changed files are written together, or none of them. Fixes that are a\n"
       "guess (the nearest spelling of a name) are listed for you to decide, not applied.\n"
       "'clerk check --fix' does the same, then reports what is left."),
    N_("\nexit codes: 0 done (also when findings are left that need a person), 2 clerk "
       "could not do its work (nothing was written)."),
    fix_opts,
    OPTS_N(fix_opts),
};

struct fix_options {
	const char *rule_name, *config_path, *as_of;
	int rule, dry_run, quiet;
};

/* Applies one parsed option of fix (opt_set_fn); returns 0 or an exit code. */
static int set_fix_option(void *ctx, int key, const char *arg)
{
	struct fix_options *o = ctx;

	switch (key) {
	case FIX_RULE:
		o->rule_name = arg;
		o->rule = rule_lookup(arg);
		if (o->rule < 0)
			return opts_usage_error(&fix_spec,
						"unknown rule '%s'; 'clerk rules' lists them", arg);
		break;
	case FIX_DRY_RUN:
		o->dry_run = 1;
		break;
	case FIX_CONFIG:
		o->config_path = arg;
		break;
	case FIX_AS_OF:
		o->as_of = arg;
		break;
	default:
		o->quiet = 1;
		break;
	}
	return 0;
}

/* Reads fix's options; returns 0, OPTS_HELP, or an exit code to stop with. */
static int parse_fix_options(int argc, char **argv, struct fix_options *o)
{
	int rc;

	o->rule = -1;
	rc = opts_parse(&fix_spec, argc, argv, set_fix_option, o);
	if (rc == 0 && o->as_of != NULL && date_parse(o->as_of, strlen(o->as_of), NULL) != DATE_OK)
		return opts_usage_error(&fix_spec,
					"--as-of needs a real date written as YYYY-MM-DD, not '%s'",
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
		return rc == OPTS_HELP ? 0 : rc;
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
