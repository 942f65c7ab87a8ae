/* write.c - the commands that write records: new, renumber and init.
 *
 * Each parses its arguments, opens the record set and calls the library
 * (record_new.c, renumber.c, init.c), which write through the one write
 * path (wfile.h) and never over a file they were not asked to change. */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "commands.h"
#include "init.h"
#include "project.h"
#include "record_new.h"
#include "renumber.h"
#include "util.h"
#include "i18n.h"

#define EXIT_REFUSED 1

/* Writes "clerk: message" on stderr, escaped so that it stays one line. */
static void say(const char *message)
{
	fputs("clerk: ", stderr);
	fput_escaped(message, stderr);
	fputc('\n', stderr);
}

static int usage_fail(const char *usage, const char *message)
{
	say(_(message));
	fputs(_(usage), stderr);
	return EXIT_USAGE;
}

static int config_fail(const struct config_error *err)
{
	char *line = err->line > 0
			 ? xasprintf("%s:%d:%d: %s", err->file, err->line, err->col, err->message)
			 : xasprintf("%s: %s", err->file, err->message);

	say(line);
	free(line);
	return EXIT_USAGE;
}

/* Prints path relative to the current folder when it lies below it. */
static void print_path(const char *path)
{
	char cwd[PATH_MAX];
	size_t n;

	if (getcwd(cwd, sizeof cwd) != NULL) {
		n = strlen(cwd);
		if (strncmp(path, cwd, n) == 0 && path[n] == '/')
			path += n + 1;
	}
	fput_escaped(path, stdout);
	fputc('\n', stdout);
}

/* Opens the record set at dir (NULL: the current folder); *root becomes
 * the folder of its .clerk.yml, else dir itself (malloc'd). */
static int open_set(struct project *p, const char *config, const char *dir, char **root)
{
	struct config_error err = {0};
	char *paths[] = {(char *)dir};
	struct stat st;
	char *real;

	*root = NULL;
	if (dir != NULL && stat(dir, &st) == 0 && !S_ISDIR(st.st_mode)) {
		char *m = xasprintf(_("%s is not a folder; --dir needs the records folder"), dir);

		memset(p, 0, sizeof *p);
		say(m);
		free(m);
		return EXIT_USAGE;
	}
	if (project_open(p, config, dir ? paths : NULL, dir ? 1 : 0, &err) != 0)
		return config_fail(&err);
	if (p->cfg.file != NULL || dir == NULL) {
		*root = xstrdup(p->cfg.root);
		return settle_interrupted(*root, 1);
	}
	real = realpath(dir, NULL);
	if (real == NULL) {
		char *m = xasprintf(_("%s: no such folder"), dir);

		say(m);
		free(m);
		return EXIT_USAGE;
	}
	*root = real;
	return settle_interrupted(*root, 1);
}

/* ------------------------------------------------------------------- new */

static const char new_usage[] =
    N_("usage: clerk new TYPE [--title T] [--date YYYY-MM-DD] [--set FIELD=VALUE]... [--id ID]\n"
       "                      [--dir DIR] [--config FILE]\n");

static void new_help(void)
{
	fputs(_(new_usage), stdout);
	puts(_(
	    "Creates a new record of type TYPE (such as covenant, decision or progress-report,\n"
	    "or a name its schema lists among its aliases, such as besluit) and prints the\n"
	    "path of its file. The record has every field its type requires (those without a\n"
	    "value are left empty, for you to fill in: 'clerk check' lists them) and every\n"
	    "required or recommended section as an empty heading, in the language of the\n"
	    "record set (language: in .clerk.yml), with the sections and fields that the\n"
	    "values given with --set make required (--set term=indefinite: Termination).\n"
	    "\n"
	    "Its id is the next free one by the type's id template (such as COV-2024-007),\n"
	    "counted within the year of its date, past every id in the folder and in every\n"
	    "local and remote-tracking branch of the Git repository. The file goes where the\n"
	    "type's path template says (such as covenants/COV-2024-007.md), or in the folder\n"
	    ".clerk.yml maps to the type; an existing file is never replaced. A type whose ids\n"
	    "another system hands out (id: assigned: external) needs --id.\n"
	    "\noptions:\n"
	    "  --title T              the record's title\n"
	    "  --date YYYY-MM-DD      the record's date (default: today); it gives the id's year\n"
	    "  --set FIELD=VALUE      fill in a field (may be given more than once)\n"
	    "  --id ID                use this id; refused when a record already has it\n"
	    "  --dir DIR              the records folder (default: where .clerk.yml is)\n"
	    "  --config FILE          read this configuration instead of the .clerk.yml found "
	    "upwards\n"
	    "  --help                 show this help\n"
	    "\nexit codes: 0 created, 1 refused (nothing written), 2 clerk could not do its "
	    "work."));
}

struct new_args {
	struct new_request rq;
	const char *dir, *config;
	char **sets;
	int help;
};

static int new_option(struct new_args *a, int c, int *nsets)
{
	switch (c) {
	case 't':
		a->rq.title = optarg;
		return 0;
	case 'd':
		a->rq.date = optarg;
		return 0;
	case 's':
		a->sets[(*nsets)++] = optarg;
		return 0;
	case 'i':
		a->rq.id = optarg;
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
		return usage_fail(new_usage, "an option needs a value");
	default:
		return usage_fail(new_usage, "unknown option; see clerk new --help");
	}
}

static int parse_new(int argc, char **argv, struct new_args *a)
{
	static const struct option longopts[] = {
	    {"title", required_argument, NULL, 't'}, {"date", required_argument, NULL, 'd'},
	    {"set", required_argument, NULL, 's'},   {"id", required_argument, NULL, 'i'},
	    {"dir", required_argument, NULL, 'D'},   {"config", required_argument, NULL, 'c'},
	    {"help", no_argument, NULL, 'h'},        {NULL, 0, NULL, 0},
	};
	int c, rc = 0, nsets = 0;

	a->sets = xcalloc((size_t)argc + 1, sizeof *a->sets);
	opterr = 0;
	optind = 1;
	while (rc == 0) {
		c = getopt_long(argc, argv, ":h", longopts, NULL);
		if (c == -1)
			break;
		rc = new_option(a, c, &nsets);
	}
	a->rq.sets = a->sets;
	a->rq.nsets = (size_t)nsets;
	if (rc != 0 || a->help)
		return rc;
	if (optind != argc - 1)
		return usage_fail(new_usage, "name one record type, such as covenant");
	a->rq.type = argv[optind];
	return 0;
}

int cmd_new(int argc, char **argv)
{
	struct new_args a = {0};
	struct project p;
	char msg[512], *path = NULL, *root = NULL;
	int rc = parse_new(argc, argv, &a);

	if (rc != 0 || a.help) {
		if (a.help)
			new_help();
		free(a.sets);
		return rc;
	}
	rc = open_set(&p, a.config, a.dir, &root);
	if (rc == 0) {
		a.rq.root = root;
		rc = (int)record_new(&p, &a.rq, &path, msg, sizeof msg);
		if (rc == 0)
			print_path(path);
		else
			say(msg);
	}
	free(path);
	free(root);
	free(a.sets);
	project_close(&p);
	return rc;
}

/* -------------------------------------------------------------- renumber */

static const char renumber_usage[] =
    N_("usage: clerk renumber [--dir DIR] [--config FILE] OLD NEW\n");

static void renumber_help(void)
{
	fputs(_(renumber_usage), stdout);
	puts(_("Gives the record with id OLD the id NEW: changes the id in the record, renames\n"
	       "its file to fit its type's file name, and changes every reference to OLD in the\n"
	       "other records (ref fields, list items) and every link to its file. Use it when\n"
	       "two people took the same number on two branches.\n"
	       "\n"
	       "All or nothing: when one of the files cannot be written, none is changed.\n"
	       "Refused when NEW is taken (in the folder or in any Git branch) or does not have\n"
	       "the form of the type's ids. Files that do not change are not touched.\n"
	       "\noptions:\n"
	       "  --dir DIR              the records folder (default: where .clerk.yml is)\n"
	       "  --config FILE          read this configuration instead of the .clerk.yml found "
	       "upwards\n"
	       "  --help                 show this help\n"
	       "\nexit codes: 0 renumbered, 1 refused (nothing written), 2 clerk could not do its "
	       "work\n(nothing written)."));
}

/* Reads --dir and --config (each followed by a value) before OLD NEW. */
static int parse_set_options(int argc, char **argv, const char *usage, const char **dir,
			     const char **config, int *first)
{
	int i = 1;

	while (i < argc && argv[i][0] == '-') {
		if (strcmp(argv[i], "--dir") == 0 && i + 1 < argc)
			*dir = argv[i + 1];
		else if (strcmp(argv[i], "--config") == 0 && i + 1 < argc)
			*config = argv[i + 1];
		else
			return usage_fail(usage, "unknown option or an option without its value");
		i += 2;
	}
	*first = i;
	return 0;
}

static int is_help(int argc, char **argv)
{
	return argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0);
}

int cmd_renumber(int argc, char **argv)
{
	const char *dir = NULL, *config = NULL;
	struct project p;
	char msg[512], *root = NULL;
	size_t changed;
	int first = 1, rc;

	if (is_help(argc, argv)) {
		renumber_help();
		return 0;
	}
	rc = parse_set_options(argc, argv, renumber_usage, &dir, &config, &first);
	if (rc != 0)
		return rc;
	if (argc - first != 2)
		return usage_fail(renumber_usage, "give the old id and the new id");
	rc = open_set(&p, config, dir, &root);
	if (rc == 0) {
		rc = renumber(&p, root, argv[first], argv[first + 1], &changed, msg, sizeof msg);
		if (rc == 0)
			printf(ngettext("renumbered %s to %s: %zu file changed\n",
					"renumbered %s to %s: %zu files changed\n", changed),
			       argv[first], argv[first + 1], changed);
		else
			say(msg);
	}
	free(root);
	project_close(&p);
	return rc;
}

/* ------------------------------------------------------------------ init */

static const char init_usage[] = N_("usage: clerk init [--lang LANG] [DIR]\n");

static void init_help(void)
{
	fputs(_(init_usage), stdout);
	puts(_(
	    "Starts a records repository in DIR (default: the current folder): a .clerk.yml\n"
	    "with comments, a folder per record type with one example record each, a\n"
	    ".pre-commit-config.yaml that runs clerk before each commit, and a README with\n"
	    "the daily commands. In Dutch (--lang nl, or clerk --lang nl init) the\n"
	    ".clerk.yml says language: nl, its comments and the README are Dutch and the\n"
	    "folders are overeenkomsten/, besluiten/ and rapportages/; in English they are\n"
	    "covenants/, decisions/ and reports/. Never replaces a file: when one of them\n"
	    "exists, nothing is written.\n"
	    "\noptions:\n"
	    "  --lang LANG            the language of the repository: en or nl (default: the\n"
	    "                         language of the messages)\n"
	    "  --help                 show this help\n"
	    "\nexit codes: 0 created, 1 refused (a file exists), 2 clerk could not do its work."));
}

/* Reads init's options; *dir and *lang are set. Returns 0, -1 after
 * --help, or the exit code of a usage error. */
static int parse_init(int argc, char **argv, const char **dir, const char **lang)
{
	static const struct option longopts[] = {
	    {"lang", required_argument, NULL, 'l'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	int c;

	opterr = 0;
	optind = 1;
	for (;;) {
		c = getopt_long(argc, argv, ":h", longopts, NULL);
		if (c == -1)
			break;
		if (c == 'h') {
			init_help();
			return -1;
		}
		if (c == ':')
			return usage_fail(init_usage, "an option needs a value");
		if (c != 'l')
			return usage_fail(init_usage, "unknown option; see clerk init --help");
		if (i18n_set_language(optarg) != 0)
			return usage_fail(init_usage, "--lang needs a language: en or nl");
		i18n_choose(optarg);
	}
	if (argc - optind > 1)
		return usage_fail(init_usage, "give at most one folder");
	*dir = optind < argc ? argv[optind] : ".";
	*lang = i18n_language();
	return 0;
}

int cmd_init(int argc, char **argv)
{
	const char *dir = NULL, *lang = NULL;
	const struct init_file *files;
	char msg[512], *path;
	size_t i, count;
	int rc = parse_init(argc, argv, &dir, &lang);

	if (rc != 0)
		return rc < 0 ? 0 : rc;
	rc = init_records(dir, lang, msg, sizeof msg);
	if (rc != 0) {
		say(msg);
		return rc;
	}
	files = init_files(lang, &count);
	for (i = 0; i < count; i++) {
		path = strcmp(dir, ".") == 0 ? xstrdup(files[i].path)
					     : xasprintf("%s/%s", dir, files[i].path);
		fputs(_("created "), stdout);
		print_path(path);
		free(path);
	}
	return 0;
}
