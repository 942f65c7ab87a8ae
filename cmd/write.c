/* SPDX-License-Identifier: EUPL-1.2 */
/* write.c - the commands that write records: new, renumber and init.
 *
 * Each parses its arguments, opens the record set and calls the library
 * (record_new.c, renumber.c, init.c), which write through the one write
 * path (wfile.h) and never over a file they were not asked to change. */
#include <limits.h>
#include <stddef.h>
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
		return config_failed(&err);
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

struct new_args {
	struct new_request rq;
	const char *dir, *config;
	char **sets;
};

#define NEW(member) ((int)offsetof(struct new_args, member))
#define NEW_SET     (-1)

static const struct opt new_opts[] = {
    {"title", 0, NEW(rq.title), "T", N_("the record's title")},
    {"date", 0, NEW(rq.date), "YYYY-MM-DD",
     N_("the record's date (default: today); it gives the id's year")},
    {"set", 0, NEW_SET, "FIELD=VALUE", N_("fill in a field (may be given more than once)")},
    {"id", 0, NEW(rq.id), "ID", N_("use this id; refused when a record already has it")},
    OPTS_DIR_CONFIG(struct new_args),
};

const struct cmd_spec new_spec = {
    "new",
    N_("usage: clerk new TYPE [--title T] [--date YYYY-MM-DD] [--set FIELD=VALUE]... [--id ID]\n"
       "                      [--dir DIR] [--config FILE]\n"),
    N_("Creates a new record of type TYPE (such as covenant, decision or progress-report,\n"
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
       "another system hands out (id: assigned: external) needs --id."),
    N_("\nexit codes: 0 created, 1 refused (nothing written), 2 clerk could not do its work."),
    new_opts,
    OPTS_N(new_opts),
};

/* Applies one option of new (opt_set_fn): --set adds to the list. */
static int new_option(void *ctx, int key, const char *value)
{
	struct new_args *a = ctx;

	if (key != NEW_SET)
		return opts_store(ctx, key, value);
	a->sets[a->rq.nsets++] = (char *)value;
	return 0;
}

/* Reads new's arguments into a; returns 0, OPTS_HELP or an exit code. */
static int parse_new(int argc, char **argv, struct new_args *a)
{
	int rc;

	a->sets = xcalloc((size_t)argc + 1, sizeof *a->sets);
	a->rq.sets = a->sets;
	rc = opts_parse(&new_spec, argc, argv, new_option, a);
	if (rc != 0)
		return rc;
	if (optind != argc - 1)
		return opts_usage_error(&new_spec, "name one record type, such as covenant");
	a->rq.type = argv[optind];
	return 0;
}

int cmd_new(int argc, char **argv)
{
	struct new_args a = {0};
	struct project p;
	char msg[512], *path = NULL, *root = NULL;
	int rc = parse_new(argc, argv, &a);

	if (rc != 0) {
		free(a.sets);
		return rc == OPTS_HELP ? 0 : rc;
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

/* --dir and --config, for renumber. */
struct set_args {
	const char *dir, *config;
};

/* The options of the commands that work on a record set by its folder. */
static const struct opt set_opts[] = {
    OPTS_DIR_CONFIG(struct set_args),
};

const struct cmd_spec renumber_spec = {
    "renumber",
    N_("usage: clerk renumber [--dir DIR] [--config FILE] OLD NEW\n"),
    N_("Gives the record with id OLD the id NEW: changes the id in the record, renames\n"
       "its file to fit its type's file name, and changes every reference to OLD in the\n"
       "other records (ref fields, list items) and every link to its file. Use it when\n"
       "two people took the same number on two branches.\n"
       "\n"
       "OLD may also be a record's file (such as decisions/2024-017-copy.md): when two\n"
       "records have one id, that one gets NEW and the references keep naming the other.\n"
       "\n"
       "All or nothing: when one of the files cannot be written, none is changed.\n"
       "Refused when NEW is taken (in the folder or in any Git branch) or does not have\n"
       "the form of the type's ids. Files that do not change are not touched."),
    N_("\nexit codes: 0 renumbered, 1 refused (nothing written), 2 clerk could not do its "
       "work\n(nothing written)."),
    set_opts,
    OPTS_N(set_opts),
};

int cmd_renumber(int argc, char **argv)
{
	struct set_args a = {0};
	struct project p;
	char msg[512], *root = NULL;
	size_t changed;
	int first, rc = opts_parse(&renumber_spec, argc, argv, opts_store, &a);

	if (rc != 0)
		return rc == OPTS_HELP ? 0 : rc;
	first = optind;
	if (argc - first != 2)
		return opts_usage_error(&renumber_spec, "give the old id and the new id");
	rc = open_set(&p, a.config, a.dir, &root);
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

enum { INIT_LANG = 1 };

static const struct opt init_opts[] = {
    {"lang", 0, INIT_LANG, "LANG",
     N_("the language of the repository: en or nl (default: the language of the messages)")},
};

const struct cmd_spec init_spec = {
    "init",
    N_("usage: clerk init [--lang LANG] [DIR]\n"),
    N_("Starts a records repository in DIR (default: the current folder): a .clerk.yml\n"
       "with comments, a folder per record type with one example record each, a\n"
       ".pre-commit-config.yaml that runs clerk before each commit, and a README with\n"
       "the daily commands. In Dutch (--lang nl, or clerk --lang nl init) the\n"
       ".clerk.yml says language: nl, its comments and the README are Dutch and the\n"
       "folders are overeenkomsten/, besluiten/ and rapportages/; in English they are\n"
       "covenants/, decisions/ and reports/. Never replaces a file: when one of them\n"
       "exists, nothing is written."),
    N_("\nexit codes: 0 created, 1 refused (a file exists), 2 clerk could not do its work."),
    init_opts,
    OPTS_N(init_opts),
};

/* Applies --lang (opt_set_fn): the messages and the repository take it. */
static int init_option(void *ctx, int key, const char *value)
{
	(void)ctx;
	(void)key;
	if (i18n_set_language(value) != 0)
		return opts_usage_error(&init_spec, "--lang needs a language: en or nl");
	i18n_choose(value);
	return 0;
}

/* Reads init's options; *dir and *lang are set. Returns 0, OPTS_HELP, or
 * the exit code of a usage error. */
static int parse_init(int argc, char **argv, const char **dir, const char **lang)
{
	int rc = opts_parse(&init_spec, argc, argv, init_option, NULL);

	if (rc != 0)
		return rc;
	if (argc - optind > 1)
		return opts_usage_error(&init_spec, "give at most one folder");
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
		return rc == OPTS_HELP ? 0 : rc;
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
