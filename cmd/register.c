/* register.c - the register commands: clerk list, clerk graph, clerk index.
 *
 * Each loads the record set as `clerk check` does (project, discovery, the
 * per-file and whole-set stages), builds the register (src/register.h) and
 * writes it. list and graph never write a file; index writes only its
 * register, through a temporary file renamed over it. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
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

/* One option of a register command, with the line its --help shows. */
struct reg_option {
	const char *name;
	int has_arg;
	int key;
	const char *arg, *help;
};

/* What the options of a command set; each command reads its own. */
struct reg_args {
	const char *types[64], *statuses[64];
	size_t ntypes, nstatuses;
	const char *format, *config, *output;
	int check, help;
};

static const char config_help[] =
    N_("read this configuration instead of the .clerk.yml found upwards");

static void print_help(const char *usage, const char *text, const struct reg_option *opts, size_t n)
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

/* Says what is wrong with the command line, then the usage line; returns EXIT_USAGE. */
static int reg_usage_error(const char *usage, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int reg_usage_error(const char *usage, const char *fmt, ...)
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

/* Adds value to list (of *n, at most 64). Returns 0, or -1 when full. */
static int add_value(const char **list, size_t *n, const char *value)
{
	if (*n >= 64)
		return -1;
	list[(*n)++] = value;
	return 0;
}

static int set_reg_option(struct reg_args *a, int key, const char *arg)
{
	switch (key) {
	case 't':
		return add_value(a->types, &a->ntypes, arg);
	case 's':
		return add_value(a->statuses, &a->nstatuses, arg);
	case 'f':
		a->format = arg;
		return 0;
	case 'c':
		a->config = arg;
		return 0;
	case 'o':
		a->output = arg;
		return 0;
	case 'C':
		a->check = 1;
		return 0;
	default:
		a->help = 1;
		return 0;
	}
}

/* Reads the options in opts; returns 0, or an exit code to stop with. */
static int parse_reg_options(int argc, char **argv, const struct reg_option *opts, size_t n,
			     const char *usage, struct reg_args *a)
{
	struct option longopts[8];
	size_t i;
	int c;

	memset(longopts, 0, sizeof longopts);
	memset(a, 0, sizeof *a);
	for (i = 0; i < n && i < 7; i++) {
		longopts[i].name = opts[i].name;
		longopts[i].has_arg = opts[i].has_arg ? required_argument : no_argument;
		longopts[i].val = opts[i].key;
	}
	opterr = 0;
	optind = 1;
	for (;;) {
		c = getopt_long(argc, argv, ":h", longopts, NULL);
		if (c == -1)
			return 0;
		if (c == ':')
			return reg_usage_error(usage, "'%s' needs a value", argv[optind - 1]);
		if (c == '?')
			return reg_usage_error(usage, "'%s' is not an option of this command",
					       argv[optind - 1]);
		if (set_reg_option(a, c, optarg) != 0)
			return reg_usage_error(usage, "'%s' is given too often (64 at most)",
					       argv[optind - 1]);
	}
}

/* Returns 0 when every --type names a record type (by its name or an
 * alias, which becomes the name), else reports the first that does not and
 * returns EXIT_USAGE. */
static int check_types(const struct project *p, struct reg_args *a, const char *usage)
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
		fputs(_(usage), stderr);
		free(list);
		rc = EXIT_USAGE;
	}
	free(names);
	return rc;
}

/* Returns 0 when every --status is a status of the types asked for, else
 * says what was meant (as a record's field-enum does) and returns EXIT_USAGE. */
static int check_statuses(const struct project *p, const struct reg_args *a, const char *usage)
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
		fputs(_(usage), stderr);
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
		    size_t npaths, const char *usage, int writes)
{
	struct config_error err = {0};
	char today[11];
	int rc;

	memset(run, 0, sizeof *run);
	if (project_open(p, a->config, paths, npaths, &err) != 0)
		return config_failed(&err);
	rc = settle_interrupted(p->cfg.root, writes);
	if (rc == 0)
		rc = check_types(p, a, usage);
	if (rc == 0)
		rc = check_statuses(p, a, usage);
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

static const char list_usage[] = N_("usage: clerk list [OPTION...] [PATH...]\n");

static const struct reg_option list_options[] = {
    {"type", 1, 't', "TYPE", N_("only records of this type (may be given more than once)")},
    {"status", 1, 's', "STATUS", N_("only records with this status (may be given more than once)")},
    {"format", 1, 'f', "FORMAT",
     N_("table (default), csv or json (with references and backlinks)")},
    {"config", 1, 'c', "FILE", config_help},
    {"help", 0, 'h', NULL, N_("show this help")},
};

#define NLIST (sizeof list_options / sizeof *list_options)

/* The formats of list, one row each. */
static const struct {
	const char *name;
	void (*write)(FILE *f, const struct reg *r);
} list_formats[] = {
    {"table", reg_write_table},
    {"csv", reg_write_csv},
    {"json", reg_write_json},
};

int cmd_list(int argc, char **argv)
{
	struct reg_filter filter;
	struct reg_args a;
	struct check_run run;
	struct project p;
	struct reg r;
	size_t f;
	int rc = parse_reg_options(argc, argv, list_options, NLIST, list_usage, &a);

	if (rc != 0 || a.help) {
		if (a.help)
			print_help(
			    list_usage,
			    "Lists the records in the given files and folders (default: the "
			    "current folder),\none a line: id, type, date, status, title and "
			    "file, sorted by type and then id.\nRecords whose type or front "
			    "matter cannot be read are left out and named on stderr.",
			    list_options, NLIST);
		return rc;
	}
	for (f = 0; f < 3 && strcmp(a.format ? a.format : "table", list_formats[f].name) != 0; f++)
		;
	if (f == 3)
		return reg_usage_error(list_usage, "unknown format '%s'; use table, csv or json",
				       a.format);
	rc = load_set(&p, &run, &a, argv + optind, (size_t)(argc - optind), list_usage, 0);
	if (rc == 0) {
		filter = (struct reg_filter){a.types, a.ntypes, a.statuses, a.nstatuses};
		reg_build(&r, &run, &filter);
		note_skipped(&r, N_("list"));
		list_formats[f].write(stdout, &r);
		reg_free(&r);
	}
	check_free(&run);
	project_close(&p);
	return rc;
}

/* ----------------------------------------------------------------- graph */

static const char graph_usage[] = N_("usage: clerk graph [OPTION...] [ID]\n");

static const struct reg_option graph_options[] = {
    {"format", 1, 'f', "FORMAT", N_("dot (Graphviz, the default) or mermaid (a flowchart)")},
    {"type", 1, 't', "TYPE", N_("only records of this type (may be given more than once)")},
    {"config", 1, 'c', "FILE", config_help},
    {"help", 0, 'h', NULL, N_("show this help")},
};

#define NGRAPH (sizeof graph_options / sizeof *graph_options)

static int graph_help(void)
{
	print_help(graph_usage,
		   "Writes the references between the records of the current folder as a graph:\n"
		   "an arrow from each record to each record it refers to, labelled with the\n"
		   "field (or 'link' for a link in the text). With ID, only that record, the\n"
		   "records it refers to and the records that refer to it. An id that no\n"
		   "record has is drawn dashed, '(not found)'. Render DOT with Graphviz:\n"
		   "  clerk graph | dot -Tsvg > records.svg",
		   graph_options, NGRAPH);
	return 0;
}

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

int cmd_graph(int argc, char **argv)
{
	enum graph_format format = GRAPH_DOT;
	struct reg_filter filter;
	struct reg_args a;
	struct check_run run;
	struct project p;
	struct reg r;
	size_t center;
	int rc = parse_reg_options(argc, argv, graph_options, NGRAPH, graph_usage, &a);

	if (rc != 0 || a.help)
		return rc != 0 ? rc : graph_help();
	if (argc - optind > 1)
		return reg_usage_error(graph_usage, "'graph' takes at most one id, not also '%s'",
				       argv[optind + 1]);
	if (a.format != NULL && strcmp(a.format, "mermaid") == 0)
		format = GRAPH_MERMAID;
	else if (a.format != NULL && strcmp(a.format, "dot") != 0)
		return reg_usage_error(graph_usage, "unknown format '%s'; use dot or mermaid",
				       a.format);
	rc = load_set(&p, &run, &a, NULL, 0, graph_usage, 0);
	if (rc == 0) {
		filter = (struct reg_filter){a.types, a.ntypes, NULL, 0};
		reg_build(&r, &run, &filter);
		note_skipped(&r, N_("graph"));
		rc = find_center(&r, optind < argc ? argv[optind] : NULL, &center);
		if (rc == 0)
			graph_write(stdout, &r, center, format);
		reg_free(&r);
	}
	check_free(&run);
	project_close(&p);
	return rc;
}

/* ----------------------------------------------------------------- index */

static const char index_usage[] = N_("usage: clerk index [OPTION...] [FOLDER]\n");

static const struct reg_option index_options[] = {
    {"output", 1, 'o', "FILE",
     N_("write the register to FILE (default: REGISTER.md in the folder)")},
    {"check", 0, 'C', NULL,
     N_("write nothing; fail (exit 1) when the register is missing or out of date")},
    {"config", 1, 'c', "FILE", config_help},
    {"help", 0, 'h', NULL, N_("show this help")},
};

#define NINDEX (sizeof index_options / sizeof *index_options)

static int index_help(void)
{
	print_help(index_usage,
		   "Writes the register of the records in FOLDER (default: the folder of\n"
		   ".clerk.yml, else the current folder) to FOLDER/REGISTER.md: per record type\n"
		   "a table with each record's id (linked to its file), date, status and title,\n"
		   "and for agreements the date of the last report. The same records give the\n"
		   "same file, byte for byte. clerk check leaves the register alone.",
		   index_options, NINDEX);
	return 0;
}

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

int cmd_index(int argc, char **argv)
{
	struct check_run run;
	struct reg_args a;
	struct project p;
	char *folder, *output;
	int rc = parse_reg_options(argc, argv, index_options, NINDEX, index_usage, &a);

	if (rc != 0 || a.help)
		return rc != 0 ? rc : index_help();
	if (argc - optind > 1)
		return reg_usage_error(index_usage, "'index' takes one folder, not also '%s'",
				       argv[optind + 1]);
	folder = index_folder(&a, argc, argv);
	if (a.output != NULL)
		output = xstrdup(a.output);
	else if (strcmp(folder, ".") == 0)
		output = xstrdup("REGISTER.md");
	else
		output = xasprintf("%s%sREGISTER.md", folder,
				   folder[strlen(folder) - 1] == '/' ? "" : "/");
	rc = load_set(&p, &run, &a, &folder, 1, index_usage, !a.check);
	if (rc == 0)
		rc = index_write(&run, output, a.check, p.cfg.language);
	check_free(&run);
	project_close(&p);
	free(output);
	free(folder);
	return rc;
}
