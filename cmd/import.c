/* SPDX-License-Identifier: EUPL-1.2 */
/* import.c - `clerk import FILE...`: existing documents become draft
 * records, each followed by a checklist of what to look at.
 *
 * Parses the arguments, opens the record set and calls the library
 * (src/import.c) per file; one file that cannot be imported does not stop
 * the others. The exit code is the worst of the files'. */
#include <limits.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "commands.h"
#include "import.h"
#include "project.h"
#include "util.h"
#include "i18n.h"

struct import_args {
	struct import_request rq;
	const char *dir, *config, *lang;
};

#define IMP(member) ((int)offsetof(struct import_args, member))

static const struct opt import_opts[] = {
    {"type", 0, IMP(rq.type), "T", N_("the record type (default: read from the document's words)")},
    {"id", 0, IMP(rq.id), "ID", N_("use this id (one file only)")},
    {"dry-run", 0, IMP(rq.dry_run), NULL, N_("print the record instead of writing it")},
    {"lang", 0, IMP(lang), "nl|en", N_("the language of the checklist")},
    OPTS_DIR_CONFIG(struct import_args),
};

const struct cmd_spec import_spec = {
    "import",
    N_("usage: clerk import FILE... [--type T] [--id ID] [--dry-run] [--lang nl|en]\n"
       "                           [--dir DIR] [--config FILE]\n"),
    N_("Turns existing documents (.docx, .odt, .rtf, .html, .pdf, .txt, .md) into draft\n"
       "records. Word, OpenDocument, RTF and HTML files are converted with pandoc, PDF\n"
       "files with pdftotext (Debian packages pandoc and poppler-utils); text and\n"
       "Markdown are read as they are. clerk cleans what conversion leaves (page\n"
       "headers and footers, page numbers, words broken at line ends, lines broken\n"
       "inside paragraphs), proposes the front matter from the text (type, title,\n"
       "date, number, parties, decision points, series number, term, start date),\n"
       "and puts the document's headings under the type's sections.\n"
       "\n"
       "Each record is written with status draft where 'clerk new' would put it,\n"
       "never over an existing file, and checked. A checklist follows: the fields\n"
       "left to fill in, every value clerk guessed with the text it came from, the\n"
       "headings that match no section, and every finding of the check."),
    N_("\nA converter gets 60 seconds per file (CLERK_IMPORT_TIMEOUT=SECONDS changes it)\n"
       "and a file may be at most 16 MB.\n"
       "\nexit codes: 0 every file imported, 1 a file could not be imported (nothing\n"
       "written for it), 2 a converter is missing or clerk could not do its work."),
    import_opts,
    OPTS_N(import_opts),
};

/* Reads import's arguments; returns 0, OPTS_HELP or an exit code. */
static int parse_import(int argc, char **argv, struct import_args *a)
{
	int rc = opts_parse(&import_spec, argc, argv, opts_store, a);

	if (rc != 0)
		return rc;
	if (a->lang != NULL && i18n_set_language(a->lang) != 0)
		return opts_usage_error(&import_spec, "unknown language '%s'; use en or nl",
					a->lang);
	if (optind >= argc)
		return opts_usage_error(&import_spec, "name a file to import");
	if (a->rq.id != NULL && argc - optind > 1)
		return opts_usage_error(&import_spec,
					"--id gives one record its id: import one file with it");
	return 0;
}

/* ------------------------------------------------------------ checklist */

/* Prints path relative to the current folder when it lies below it. */
static const char *shown_path(const char *path)
{
	static char cwd[PATH_MAX];
	size_t n;

	if (getcwd(cwd, sizeof cwd) != NULL) {
		n = strlen(cwd);
		if (strncmp(path, cwd, n) == 0 && path[n] == '/')
			return path + n + 1;
	}
	return path;
}

static void line_out(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void line_out(FILE *f, const char *fmt, ...)
{
	va_list ap;
	char *m;

	va_start(ap, fmt);
	m = xvasprintf(fmt, ap);
	va_end(ap);
	fputs("  ", f);
	fput_escaped(m, f);
	fputc('\n', f);
	free(m);
}

/* The value as one line: a list's items joined with "; ". */
static char *value_words(const struct import_value *v)
{
	struct buf b = {0};
	size_t i;

	for (i = 0; i < v->nitems; i++)
		buf_printf(&b, "%s%s", i > 0 ? "; " : "", v->items[i]);
	buf_puts(&b, "");
	return buf_take(&b);
}

static void print_guesses(FILE *f, const struct import_outcome *o)
{
	const struct import_value *v;
	char *words;
	size_t i;

	if (o->type_from[0] != '\0')
		line_out(f, _("guessed: type %s, from line %d: \"%s\""), o->type, o->type_line,
			 o->type_from);
	for (i = 0; i < o->proposal.n; i++) {
		v = &o->proposal.values[i];
		if (v->field[0] == '\0') {
			line_out(f, _("note: %s"), v->note);
			continue;
		}
		words = value_words(v);
		if (v->note != NULL)
			line_out(f, _("guessed: %s: %s (%s), from line %d: \"%s\""), v->field,
				 words, v->note, v->line, v->source);
		else
			line_out(f, _("guessed: %s: %s, from line %d: \"%s\""), v->field, words,
				 v->line, v->source);
		free(words);
	}
}

static void print_checklist(FILE *f, const struct import_outcome *o)
{
	const struct diag *d;
	size_t i;

	print_guesses(f, o);
	for (i = 0; i < o->nmissing; i++)
		line_out(f, _("to fill in: %s (not found in the document)"), o->missing[i]);
	for (i = 0; i < o->nunmapped; i++)
		line_out(f,
			 _("kept as a sub-heading (no section of this type): '%s' (line %d of the "
			   "document)"),
			 o->unmapped[i].heading, o->unmapped[i].line);
	for (i = 0; i < o->findings.n; i++) {
		d = &o->findings.items[i];
		line_out(f, _("finding: %d:%d: %s: %s [%s]"), d->line, d->col,
			 _(severity_name(d->severity)), d->message, rule_catalogue[d->rule].name);
	}
}

/* Imports one file and prints its outcome; returns its exit code. */
static int import_one(const struct project *p, struct import_request *rq)
{
	struct import_outcome o;
	int rc = import_file(p, rq, &o);
	FILE *f = rq->dry_run ? stderr : stdout;

	if (rc != 0) {
		error_line("%s: %s", rq->file, o.msg);
	} else {
		if (rq->dry_run)
			fputs(o.text, stdout);
		fprintf(f,
			rq->dry_run ? _("%s: would be written as %s (%s)\n")
				    : _("%s: imported as %s (%s)\n"),
			rq->file, shown_path(o.path), o.type);
		print_checklist(f, &o);
	}
	import_outcome_free(&o);
	return rc;
}

/* --------------------------------------------------------------- command */

/* Opens the record set (as clerk new does) and gives its root. */
static int open_records(struct project *p, const struct import_args *a, char **root)
{
	struct config_error err = {0};
	char *paths[] = {(char *)a->dir};
	int rc;

	*root = NULL;
	if (project_open(p, a->config, a->dir ? paths : NULL, a->dir ? 1 : 0, &err) != 0) {
		rc = config_failed(&err);
		project_close(p);
		return rc;
	}
	*root =
	    p->cfg.file != NULL || a->dir == NULL ? xstrdup(p->cfg.root) : realpath(a->dir, NULL);
	if (*root == NULL) {
		error_line("%s: no such folder", a->dir);
		project_close(p);
		return EXIT_USAGE;
	}
	return 0;
}

static unsigned time_limit(void)
{
	const char *env = getenv("CLERK_IMPORT_TIMEOUT");
	long v = env != NULL ? strtol(env, NULL, 10) : 0;

	return v > 0 && v <= 3600 ? (unsigned)v : IMPORT_TIME_DEFAULT;
}

int cmd_import(int argc, char **argv)
{
	struct import_args a = {0};
	struct project p;
	char *root = NULL;
	int rc = parse_import(argc, argv, &a), one, i, first;

	if (rc != 0)
		return rc == OPTS_HELP ? 0 : rc;
	first = optind;
	rc = open_records(&p, &a, &root);
	if (rc != 0)
		return rc;
	a.rq.root = root;
	a.rq.seconds = time_limit();
	for (i = first; i < argc; i++) {
		a.rq.file = argv[i];
		one = import_one(&p, &a.rq);
		rc = one > rc ? one : rc;
	}
	free(root);
	project_close(&p);
	return rc;
}
