/* SPDX-License-Identifier: EUPL-1.2 */
/* register.c - the register commands: clerk list, clerk graph, clerk index.
 *
 * Each loads the record set as `clerk check` does (project, discovery, the
 * per-file and whole-set stages), builds the register (src/register.h) and
 * writes it. list and graph never write a file; index writes only its
 * register, through a temporary file renamed over it. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "date.h"
#include "graph.h"
#include "register.h"
#include "util.h"
#include "wfile.h"
#include "i18n.h"

enum { REG_TYPE = 1, REG_STATUS, REG_FORMAT, REG_CONFIG, REG_OUTPUT, REG_CHECK };

/* What the options of a command set; each command reads its own. */
struct reg_args {
	const char **types, **statuses; /* argc long each */
	size_t ntypes, nstatuses;
	const char *format, *config, *output;
	int check;
};

/* Applies one option of list, graph or index (opt_set_fn). */
static int set_reg_option(void *ctx, int key, const char *value)
{
	struct reg_args *a = ctx;

	switch (key) {
	case REG_TYPE:
		a->types[a->ntypes++] = value;
		break;
	case REG_STATUS:
		a->statuses[a->nstatuses++] = value;
		break;
	case REG_FORMAT:
		a->format = value;
		break;
	case REG_CONFIG:
		a->config = value;
		break;
	case REG_OUTPUT:
		a->output = value;
		break;
	default:
		a->check = 1;
		break;
	}
	return 0;
}

/* Reads the options of cmd into a (room for as many --type and --status
 * as there are arguments; reg_args_free frees it). Returns 0, OPTS_HELP,
 * or an exit code to stop with. */
static int parse_reg_options(int argc, char **argv, const struct cmd_spec *cmd, struct reg_args *a)
{
	memset(a, 0, sizeof *a);
	a->types = xcalloc((size_t)argc + 1, sizeof *a->types);
	a->statuses = xcalloc((size_t)argc + 1, sizeof *a->statuses);
	return opts_parse(cmd, argc, argv, set_reg_option, a);
}

static void reg_args_free(struct reg_args *a)
{
	free(a->types);
	free(a->statuses);
}

/* Returns 0 when every --type names a record type (by its name or an
 * alias, which becomes the name), else reports the first that does not and
 * returns EXIT_USAGE. */
static int check_types(const struct project *p, struct reg_args *a, const struct cmd_spec *cmd)
{
	const char **names = xmalloc((p->schemas.n + 1) * sizeof *names);
	const struct schema *t;
	char *list;
	size_t i, k;
	int rc = 0;

	for (k = 0; k < p->schemas.n; k++)
		names[k] = p->schemas.items[k]->name;
	for (i = 0; i < a->ntypes && rc == 0; i++) {
		t = schema_set_lookup(&p->schemas, a->types[i]);
		if (t != NULL) {
			a->types[i] = t->name;
			continue;
		}
		list = join_words(names, p->schemas.n, "'", " or ");
		error_line("'%s' is not a known record type; use %s", a->types[i], list);
		fputs(_(cmd->usage), stderr);
		free(list);
		rc = EXIT_USAGE;
	}
	free(names);
	return rc;
}

/* Returns 0 when every --status is a status of the types asked for, else
 * says what was meant (as a record's field-enum does) and returns EXIT_USAGE. */
static int check_statuses(const struct project *p, const struct reg_args *a,
			  const struct cmd_spec *cmd)
{
	char *advice;
	size_t i;
	int rc = 0, meant;

	for (i = 0; i < a->nstatuses && rc == 0; i++) {
		if (reg_status_known(&p->schemas, a->types, a->ntypes, a->statuses[i], &advice,
				     &meant))
			continue;
		if (meant)
			error_line("no record type has the status '%s'; did you mean %s?",
				   a->statuses[i], advice);
		else
			error_line("no record type has the status '%s'; use %s", a->statuses[i],
				   advice);
		fputs(_(cmd->usage), stderr);
		free(advice);
		rc = EXIT_USAGE;
	}
	return rc;
}

/* Loads the record set the paths belong to (none: that of the current
 * folder) into run, as clerk check does; the paths choose the records
 * listed (none: every record of the set, from whichever folder). Returns
 * 0, or an exit code after saying why; either way the caller frees run
 * (when loaded) and p. */
static int load_set(struct project *p, struct check_run *run, struct reg_args *a, char **paths,
		    size_t npaths, const struct cmd_spec *cmd, int writes)
{
	struct config_error err = {0};
	char today[11];
	int rc;

	memset(run, 0, sizeof *run);
	if (project_open(p, a->config, paths, npaths, &err) != 0)
		return config_failed(&err);
	rc = settle_interrupted(p->cfg.root, writes);
	if (rc == 0)
		rc = check_types(p, a, cmd);
	if (rc == 0)
		rc = check_statuses(p, a, cmd);
	if (rc != 0)
		return rc;
	date_today(today);
	check_init(run, p, today);
	if (npaths == 0)
		check_paths(run, &p->root, 1);
	else
		check_paths(run, paths, npaths);
	print_problems(run);
	return run->system_errors > 0 ? EXIT_USAGE : 0;
}

/* Names on stderr each record left out because it cannot be read. */
static void note_skipped(const struct reg *r, const char *where)
{
	size_t k;

	for (k = 0; k < r->nskipped; k++)
		error_line("%s: left out of the %s: its type or front matter cannot be read "
			   "('clerk check' says why)",
			   r->ix.recs[r->skipped[k]]->path, _(where));
}

/* ------------------------------------------------------------------ list */

static const struct opt list_opts[] = {
    {"type", 0, REG_TYPE, "TYPE", N_("only records of this type (may be given more than once)")},
    {"status", 0, REG_STATUS, "STATUS",
     N_("only records with this status (may be given more than once)")},
    {"format", 0, REG_FORMAT, "FORMAT",
     N_("table (default), csv or json (with references and backlinks)")},
    {"config", 0, REG_CONFIG, "FILE", opts_config_help},
};

const struct cmd_spec list_spec = {
    "list",
    N_("usage: clerk list [OPTION...] [PATH...]\n"),
    N_("Lists the records in the given files and folders (default: the current folder),\n"
       "one a line: id, type, date, status, title and file, sorted by type and then id.\n"
       "Records whose type or front matter cannot be read are left out and named on stderr."),
    NULL,
    list_opts,
    OPTS_N(list_opts),
};

/* The formats of list, one row each. */
static const struct {
	const char *name;
	void (*write)(FILE *f, const struct reg *r);
} list_formats[] = {
    {"table", reg_write_table},
    {"csv", reg_write_csv},
    {"json", reg_write_json},
};

/* Lists the records of the set (or under the paths) by a; returns the exit code. */
static int list_records(struct reg_args *a, char **paths, size_t npaths)
{
	struct reg_filter filter;
	struct check_run run;
	struct project p;
	struct reg r;
	size_t f;
	int rc;

	for (f = 0; f < 3 && strcmp(a->format ? a->format : "table", list_formats[f].name) != 0;
	     f++)
		;
	if (f == 3)
		return opts_usage_error(&list_spec, "unknown format '%s'; use table, csv or json",
					a->format);
	rc = load_set(&p, &run, a, paths, npaths, &list_spec, 0);
	if (rc == 0) {
		filter = (struct reg_filter){a->types, a->ntypes, a->statuses, a->nstatuses};
		reg_build(&r, &run, &filter);
		note_skipped(&r, N_("list"));
		list_formats[f].write(stdout, &r);
		reg_free(&r);
	}
	check_free(&run);
	project_close(&p);
	return rc;
}

int cmd_list(int argc, char **argv)
{
	struct reg_args a;
	int rc = parse_reg_options(argc, argv, &list_spec, &a);

	if (rc == 0)
		rc = list_records(&a, argv + optind, (size_t)(argc - optind));
	reg_args_free(&a);
	return rc == OPTS_HELP ? 0 : rc;
}

/* ----------------------------------------------------------------- graph */

static const struct opt graph_opts[] = {
    {"format", 0, REG_FORMAT, "FORMAT", N_("dot (Graphviz, the default) or mermaid (a flowchart)")},
    {"type", 0, REG_TYPE, "TYPE", N_("only records of this type (may be given more than once)")},
    {"config", 0, REG_CONFIG, "FILE", opts_config_help},
};

const struct cmd_spec graph_spec = {
    "graph",
    N_("usage: clerk graph [OPTION...] [ID]\n"),
    N_("Writes the references between the records of the current folder as a graph:\n"
       "an arrow from each record to each record it refers to, labelled with the\n"
       "field (or 'link' for a link in the text). With ID, only that record, the\n"
       "records it refers to and the records that refer to it. An id that no\n"
       "record has is drawn dashed, '(not found)'. Render DOT with Graphviz:\n"
       "  clerk graph | dot -Tsvg > records.svg"),
    NULL,
    graph_opts,
    OPTS_N(graph_opts),
};

/* Finds the center of the graph; returns 0, or EXIT_FINDINGS after saying
 * that no record has the id. */
static int find_center(const struct reg *r, const char *id, size_t *center)
{
	*center = id ? smap_find(&r->ix.by_id, id) : SET_NONE;
	if (id != NULL && *center == SET_NONE) {
		error_line("no record has the id '%s'", id);
		return EXIT_FINDINGS;
	}
	return 0;
}

/* Draws the graph by a, around the record id (NULL: all); returns the exit code. */
static int graph_records(struct reg_args *a, const char *id)
{
	enum graph_format format = GRAPH_DOT;
	struct reg_filter filter;
	struct check_run run;
	struct project p;
	struct reg r;
	size_t center;
	int rc;

	if (a->format != NULL && strcmp(a->format, "mermaid") == 0)
		format = GRAPH_MERMAID;
	else if (a->format != NULL && strcmp(a->format, "dot") != 0)
		return opts_usage_error(&graph_spec, "unknown format '%s'; use dot or mermaid",
					a->format);
	rc = load_set(&p, &run, a, NULL, 0, &graph_spec, 0);
	if (rc == 0) {
		filter = (struct reg_filter){a->types, a->ntypes, NULL, 0};
		reg_build(&r, &run, &filter);
		note_skipped(&r, N_("graph"));
		rc = find_center(&r, id, &center);
		if (rc == 0)
			graph_write(stdout, &r, center, format);
		reg_free(&r);
	}
	check_free(&run);
	project_close(&p);
	return rc;
}

int cmd_graph(int argc, char **argv)
{
	struct reg_args a;
	int rc = parse_reg_options(argc, argv, &graph_spec, &a);

	if (rc == 0 && argc - optind > 1)
		rc = opts_usage_error(&graph_spec, "'graph' takes at most one id, not also '%s'",
				      argv[optind + 1]);
	if (rc == 0)
		rc = graph_records(&a, optind < argc ? argv[optind] : NULL);
	reg_args_free(&a);
	return rc == OPTS_HELP ? 0 : rc;
}

/* ----------------------------------------------------------------- index */

static const struct opt index_opts[] = {
    {"output", 0, REG_OUTPUT, "FILE",
     N_("write the register to FILE (default: REGISTER.md in the folder)")},
    {"check", 0, REG_CHECK, NULL,
     N_("write nothing; fail (exit 1) when the register is missing or out of date")},
    {"config", 0, REG_CONFIG, "FILE", opts_config_help},
};

const struct cmd_spec index_spec = {
    "index",
    N_("usage: clerk index [OPTION...] [FOLDER]\n"),
    N_("Writes the register of the records in FOLDER (default: the folder of\n"
       ".clerk.yml, else the current folder) to FOLDER/REGISTER.md: per record type\n"
       "a table with each record's id (linked to its file), date, status and title,\n"
       "and for agreements the date of the last report. The same records give the\n"
       "same file, byte for byte. clerk check leaves the register alone."),
    NULL,
    index_opts,
    OPTS_N(index_opts),
};

/* Writes the register text to path through the one write path: a
 * temporary renamed over the file, or, for a FIFO or a device, in place.
 * Returns 0, or -1 after saying why (nothing is left behind). */
static int write_register(const char *path, const char *text, size_t len)
{
	struct stat st;

	if (wfile_output(path, text, len) == 0)
		return 0;
	if (errno == ENOENT && lstat(path, &st) == 0 && S_ISLNK(st.st_mode))
		error_line("cannot write %s: it is a symbolic link to a file that does not exist",
			   path);
	else
		error_line("cannot write %s: %s", path, strerror(errno));
	return -1;
}

/* True when path exists and is not a regular file (a FIFO, a device). */
static int not_regular(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
}

/* Compares the register text with the file at path: returns 0 when equal,
 * 1 when the file is missing or differs (said on stderr when check is
 * set), 2 when it cannot be read or is not a register. */
static int compare_register(const char *path, const char *text, int check)
{
	struct read_error err;
	size_t len = 0;
	char *old = read_file(path, READ_LIMIT_DEFAULT, &len, &err);
	int rc = 0;

	if (old == NULL && err.kind == READ_ERRNO && err.err == ENOENT) {
		if (check)
			error_line("%s does not exist; run 'clerk index' to write the register",
				   path);
		return 1;
	}
	if (old == NULL) {
		error_line("%s: %s", path, err.message);
		return EXIT_USAGE;
	}
	if (!reg_is_register(old, len)) {
		error_line("%s was not written by 'clerk index', so it is left alone; move it, "
			   "or write the register elsewhere with --output",
			   path);
		rc = EXIT_USAGE;
	} else if (len != strlen(text) || memcmp(old, text, len) != 0) {
		if (check)
			error_line("%s is out of date; run 'clerk index' to write it again", path);
		rc = 1;
	}
	free(old);
	return rc;
}

/* Makes the register of run and checks or writes it at output. Returns the exit code. */
static int index_write(const struct check_run *run, const char *output, int check, const char *lang)
{
	char *folder = path_dir(output), *dir = realpath(folder, NULL), *text;
	struct reg r;
	int rc;

	if (dir == NULL) {
		error_line("cannot write %s: %s", output, strerror(errno));
		free(folder);
		return EXIT_USAGE;
	}
	reg_build(&r, run, NULL);
	note_skipped(&r, N_("register"));
	text = reg_markdown(&r, dir, lang);
	rc = !check && not_regular(output) ? 1 : compare_register(output, text, check);
	if (rc == 0)
		printf(_("%s is up to date\n"), output);
	else if (rc == 1 && !check)
		rc = write_register(output, text, strlen(text)) == 0 ? 0 : EXIT_USAGE;
	if (rc == 0 && !check)
		printf(ngettext("%s: %zu record\n", "%s: %zu records\n", r.n), output, r.n);
	free(text);
	reg_free(&r);
	free(dir);
	free(folder);
	return rc;
}

/* The folder to index: the one given, else the set's folder (project.h). */
static char *index_folder(const struct reg_args *a, int argc, char **argv)
{
	struct config_error err = {0};
	struct project p;
	char *folder = NULL;

	if (optind < argc)
		return xstrdup(argv[optind]);
	if (project_open(&p, a->config, NULL, 0, &err) == 0)
		folder = xstrdup(p.root);
	project_close(&p);
	return folder ? folder : xstrdup(".");
}

/* Writes (or checks) the register of folder by a; returns the exit code. */
static int index_records(struct reg_args *a, char *folder)
{
	struct check_run run;
	struct project p;
	char *output;
	int rc;

	if (a->output != NULL)
		output = xstrdup(a->output);
	else if (strcmp(folder, ".") == 0)
		output = xstrdup("REGISTER.md");
	else
		output = xasprintf("%s%sREGISTER.md", folder,
				   folder[strlen(folder) - 1] == '/' ? "" : "/");
	rc = load_set(&p, &run, a, &folder, 1, &index_spec, !a->check);
	if (rc == 0)
		rc = index_write(&run, output, a->check, p.cfg.language);
	check_free(&run);
	project_close(&p);
	free(output);
	return rc;
}

int cmd_index(int argc, char **argv)
{
	struct reg_args a;
	char *folder;
	int rc = parse_reg_options(argc, argv, &index_spec, &a);

	if (rc == 0 && argc - optind > 1)
		rc = opts_usage_error(&index_spec, "'index' takes one folder, not also '%s'",
				      argv[optind + 1]);
	if (rc == 0) {
		folder = index_folder(&a, argc, argv);
		rc = index_records(&a, folder);
		free(folder);
	}
	reg_args_free(&a);
	return rc == OPTS_HELP ? 0 : rc;
}
