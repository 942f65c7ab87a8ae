/* import.c - `clerk import FILE...`: existing documents become draft
 * records, each followed by a checklist of what to look at.
 *
 * Parses the arguments, opens the record set and calls the library
 * (src/import.c) per file; one file that cannot be imported does not stop
 * the others. The exit code is the worst of the files'. */
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "import.h"
#include "project.h"
#include "util.h"
#include "i18n.h"

#define EXIT_USAGE 2

static const char import_usage[] =
    N_("usage: clerk import FILE... [--type T] [--id ID] [--dry-run] [--lang nl|en]\n"
       "                           [--dir DIR] [--config FILE]\n");

static void import_help(void)
{
	fputs(_(import_usage), stdout);
	puts(
	    _("Turns existing documents (.docx, .odt, .rtf, .html, .pdf, .txt, .md) into draft\n"
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
	      "headings that match no section, and every finding of the check.\n"
	      "\noptions:\n"
	      "  --type T               the record type (default: read from the document's words)\n"
	      "  --id ID                use this id (one file only)\n"
	      "  --dry-run              print the record instead of writing it\n"
	      "  --lang nl|en           the language of the checklist\n"
	      "  --dir DIR              the records folder (default: where .clerk.yml is)\n"
	      "  --config FILE          read this configuration instead of the .clerk.yml found "
	      "upwards\n"
	      "  --help                 show this help\n"
	      "\nA converter gets 60 seconds per file (CLERK_IMPORT_TIMEOUT=SECONDS changes it)\n"
	      "and a file may be at most 16 MB.\n"
	      "\nexit codes: 0 every file imported, 1 a file could not be imported (nothing\n"
	      "written for it), 2 a converter is missing or clerk could not do its work."));
}

struct import_args {
	struct import_request rq;
	const char *dir, *config, *lang;
	int help;
};

/* Writes "clerk: message" on stderr, escaped so that it stays one line. */
static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *fmt, ...)
{
	va_list ap;
	char *m;

	va_start(ap, fmt);
	m = xvasprintf(fmt, ap);
	va_end(ap);
	fputs("clerk: ", stderr);
	fput_escaped(m, stderr);
	fputc('\n', stderr);
	free(m);
}

/* message has one %s, for arg. */
static int usage_fail(const char *message, const char *arg)
{
	char *m = xstrdup(_(message)), *at = strstr(m, "%s");

	if (at != NULL) {
		*at = '\0';
		say("%s%s%s", m, arg, at + 2);
	} else {
		say("%s", m);
	}
	free(m);
	fputs(_(import_usage), stderr);
	return EXIT_USAGE;
}

static int import_option(struct import_args *a, int c, char **argv)
{
	switch (c) {
	case 't':
		a->rq.type = optarg;
		return 0;
	case 'i':
		a->rq.id = optarg;
		return 0;
	case 'n':
		a->rq.dry_run = 1;
		return 0;
	case 'l':
		a->lang = optarg;
		return 0;
	case 'D':
		a->dir = optarg;
		return 0;
	case 'c':
		a->config = optarg;
		return 0;
	case 'h':
		a->help = 1;
		return 0;
	case ':':
		return usage_fail(N_("the option '%s' needs a value"), argv[optind - 1]);
	default:
		return usage_fail(N_("unknown option '%s'; see 'clerk import --help'"),
				  argv[optind - 1]);
	}
}

static int parse_import(int argc, char **argv, struct import_args *a)
{
	static const struct option longopts[] = {
	    {"type", required_argument, NULL, 't'}, {"id", required_argument, NULL, 'i'},
	    {"dry-run", no_argument, NULL, 'n'},    {"lang", required_argument, NULL, 'l'},
	    {"dir", required_argument, NULL, 'D'},  {"config", required_argument, NULL, 'c'},
	    {"help", no_argument, NULL, 'h'},       {NULL, 0, NULL, 0},
	};
	int c, rc = 0;

	opterr = 0;
	optind = 1;
	while (rc == 0 && (c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1)
		rc = import_option(a, c, argv);
	if (rc != 0 || a->help)
		return rc;
	if (a->lang != NULL && i18n_set_language(a->lang) != 0)
		return usage_fail(N_("unknown language '%s'; use en or nl"), a->lang);
	if (optind >= argc)
		return usage_fail(N_("name a file to import%s"), "");
	if (a->rq.id != NULL && argc - optind > 1)
		return usage_fail(N_("--id gives one record its id: import one file with it%s"),
				  "");
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
		say("%s: %s", rq->file, o.msg);
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

	*root = NULL;
	if (project_open(p, a->config, a->dir ? paths : NULL, a->dir ? 1 : 0, &err) != 0) {
		if (err.line > 0)
			say("%s:%d:%d: %s", err.file, err.line, err.col, err.message);
		else
			say("%s: %s", err.file, err.message);
		return EXIT_USAGE;
	}
	*root =
	    p->cfg.file != NULL || a->dir == NULL ? xstrdup(p->cfg.root) : realpath(a->dir, NULL);
	if (*root == NULL) {
		say(_("%s: no such folder"), a->dir);
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

	if (rc != 0 || a.help) {
		if (a.help)
			import_help();
		return rc;
	}
	first = optind;
	rc = open_records(&p, &a, &root);
	if (rc != 0)
		return rc;
	a.rq.root = root;
	a.rq.seconds = time_limit();
	first = optind;
	for (i = first; i < argc; i++) {
		a.rq.file = argv[i];
		one = import_one(&p, &a.rq);
		rc = one > rc ? one : rc;
	}
	free(root);
	project_close(&p);
	return rc;
}
