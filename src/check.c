/* SPDX-License-Identifier: EUPL-1.2 */
/* check.c - discovery, the per-file stage, and the run that merges their results. */
#include "check.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cache.h"
#include "load_yaml.h"
#include "pattern.h"
#include "record.h"
#include "register.h"
#include "rules.h"
#include "severity_if.h"
#include "suppress.h"
#include "util.h"
#include "version.h"
#include "wfile.h"
#include "i18n.h"

/* The rules run on each record that has a schema, in this order; one a
 * line, so that adding a rule is a one-line change. A function whose rules
 * the configuration all turns off is not run at all (the dates in the text
 * cost their scan); it decides nothing that another rule reads, so only
 * time changes. RULE_COUNT ends each list; an empty list: always run. */
/* clang-format off */
static const struct {
	void (*run)(struct rule_ctx *);
	enum rule_id reports[3];
} record_rules[] = {
    {rule_fields, {RULE_COUNT}},
    {rule_field_order, {RULE_COUNT}},
    {rule_date_order, {RULE_COUNT}},
    {rule_identity, {RULE_COUNT}},
    {rule_sections, {RULE_COUNT}},
    {rule_text_dates, {RULE_TEXT_DATE_INVALID, RULE_TEXT_DATE_WEEKDAY, RULE_COUNT}},
    {rule_decision_points, {RULE_COUNT}},
    {rule_numbers, {RULE_COUNT}},
    {rule_section_text, {RULE_COUNT}},
    {rule_body_patterns, {RULE_COUNT}},
    {rule_title, {RULE_COUNT}},
};
/* clang-format on */

/* True when record rule k reports only rules that severity turns off. */
static int rules_off(size_t k, const enum severity *severity)
{
	size_t i;

	if (record_rules[k].reports[0] == RULE_COUNT)
		return 0;
	for (i = 0; record_rules[k].reports[i] != RULE_COUNT; i++)
		if (severity[record_rules[k].reports[i]] != SEV_OFF)
			return 0;
	return 1;
}

/* A suppression of a rule that was not run (all of its function's rules
 * off) cannot have been used: it is not reported as unused either. */
static void forgive_skipped(struct suppress_list *list, const enum severity *severity)
{
	size_t i, k, r;

	for (k = 0; k < sizeof record_rules / sizeof *record_rules; k++)
		for (r = 0; rules_off(k, severity) && record_rules[k].reports[r] != RULE_COUNT; r++)
			for (i = 0; i < list->n; i++)
				list->items[i].used |=
				    list->items[i].rule == record_rules[k].reports[r];
}

/* ------------------------------------------------------------- discovery */

static void add_problem(struct problem_list *list, const char *path, const char *message, int fatal)
{
	struct problem *p;

	xgrow((void **)&list->items, &list->cap, list->n, sizeof *list->items);
	p = &list->items[list->n++];
	p->path = xstrdup(path);
	p->message = xstrdup(message);
	p->fatal = fatal;
}

static void add_source(struct source_list *list, const char *path, const char *relpath,
		       const char *abs, int named, int chosen)
{
	struct source *s;

	xgrow((void **)&list->items, &list->cap, list->n, sizeof *list->items);
	s = &list->items[list->n++];
	s->path = xstrdup(path);
	s->relpath = xstrdup(relpath);
	s->abs = abs != NULL ? xstrdup(abs) : NULL;
	s->named = named;
	s->chosen = chosen;
}

static int is_markdown(const char *name)
{
	size_t n = strlen(name);

	return n > 3 && strcmp(name + n - 3, ".md") == 0;
}

/* Hidden entries (.git, .github, editor folders) are never walked. */
static int visible(const char *name)
{
	return name[0] != '.';
}

/* A path given on the command line, from the set's folder. */
struct given {
	char *rel;
	const char *as_given;
	int reached; /* the walk of the set came by it */
};

static int given_compare(const void *a, const void *b)
{
	return strcmp(((const struct given *)a)->rel, ((const struct given *)b)->rel);
}

struct walk {
	const struct project *p;
	struct source_list *out;
	struct problem_list *problems;
	struct given *given; /* sorted by rel */
	size_t ngiven;
};

/* Returns the path given as rel (from the set's folder), or NULL. */
static struct given *find_given(const struct walk *w, const char *rel)
{
	struct given want = {(char *)rel, NULL, 0};

	if (rel == NULL || w->ngiven == 0)
		return NULL;
	return bsearch(&want, w->given, w->ngiven, sizeof *w->given, given_compare);
}

/* Where a walk is: the path to open and show, the path from the set's
 * folder (NULL when outside it), the absolute path (NULL when unknown), and
 * the kind of entry readdir gave (DT_UNKNOWN when it did not say). */
struct walk_at {
	const char *path, *rel, *abs;
	unsigned char kind;
};

static void walk(struct walk *w, const struct walk_at *at, int named, int chosen);

/* Returns the absolute path of name in the folder abs, or NULL. */
static char *join_abs(const char *abs, const char *name)
{
	return abs != NULL ? path_join_lexical(abs, name, strlen(name)) : NULL;
}

/* Walks the entries of the folder at; named: the folder was given. Each
 * entry's paths are built from the folder's, never asked of the file system. */
static void walk_dir(struct walk *w, const struct walk_at *at, int named, int chosen)
{
	char **names, *path, *rel, *abs;
	unsigned char *kinds = NULL;
	struct walk_at child;
	size_t i, n = 0;

	names = list_dir_kinds(at->path, visible, &n, &kinds);
	if (names == NULL) {
		/* A folder removed since its parent was read is gone, not unreadable. */
		if (named || errno != ENOENT)
			add_problem(w->problems, at->path, strerror(errno), 1);
		return;
	}
	for (i = 0; i < n; i++) {
		rel = at->rel != NULL ? path_join(at->rel, names[i]) : NULL;
		path = rel != NULL ? project_path(w->p, rel) : path_join(at->path, names[i]);
		abs = join_abs(at->abs, names[i]);
		child = (struct walk_at){path, rel, abs, kinds[i]};
		walk(w, &child, 0, chosen);
		free(path);
		free(rel);
		free(abs);
		free(names[i]);
	}
	free(names);
	free(kinds);
}

/* Fills in st's kind of file and *link (the entry is a symbolic link).
 * A regular file or a folder that readdir named as such is not asked
 * again; otherwise lstat, and stat for a link. Returns 0, or -1 with errno
 * set (*link then says whether the link itself was there). */
static int entry_kind(const struct walk_at *at, struct stat *st, int *link)
{
	*link = at->kind == DT_LNK;
	if (at->kind == DT_REG || at->kind == DT_DIR) {
		memset(st, 0, sizeof *st);
		st->st_mode = at->kind == DT_REG ? S_IFREG : S_IFDIR;
		st->st_nlink = 1;
		return 0;
	}
	if (at->kind == DT_UNKNOWN) {
		if (lstat(at->path, st) != 0)
			return -1;
		*link = S_ISLNK(st->st_mode);
		if (!*link)
			return 0;
	}
	return stat(at->path, st);
}

/* Adds a file: its absolute path is the one the walk built, unless it is a
 * symbolic link, whose real path is asked for (once per link). */
static void add_file(struct walk *w, const struct walk_at *at, const char *glob, int named,
		     int chosen, int link)
{
	char *real = link ? realpath(at->path, NULL) : NULL;

	add_source(w->out, at->path, glob, link ? real : at->abs, named, chosen);
	free(real);
}

/* Adds the file or folder at (a given entry is named): a folder is walked,
 * a file is kept when it was given on the command line or ends in .md.
 * Symbolic links to folders are not followed unless given. chosen: the
 * file is to be reported on (it was given, or lies in a folder given). */
static void walk(struct walk *w, const struct walk_at *given_at, int named, int chosen)
{
	struct given *g = find_given(w, given_at->rel);
	struct walk_at at = *given_at;
	char *glob;
	struct stat st;
	int link, failed;

	if (g != NULL) {
		g->reached = 1;
		named = chosen = 1;
		at.kind = DT_UNKNOWN; /* a given folder may have been deleted */
	}
	glob =
	    at.rel != NULL ? project_glob_path(w->p, at.rel) : config_relpath(&w->p->cfg, at.path);
	failed = entry_kind(&at, &st, &link);
	if (failed) {
		/* Gone since its folder was read, or a link to nothing that is no
		 * record: not there. A named path or a .md link to nothing is. */
		if (named || errno != ENOENT || (link && is_markdown(at.path)))
			add_problem(w->problems, at.path, strerror(errno), 1);
	} else if (named && S_ISDIR(st.st_mode) && st.st_nlink == 0) {
		add_problem(w->problems, at.path, _("this folder has been deleted"), 1);
	} else if (*glob != '\0' && config_excluded(&w->p->cfg, glob)) {
		if (named && !S_ISDIR(st.st_mode))
			add_problem(w->problems, at.path,
				    "not checked: the configuration excludes it (exclude in "
				    ".clerk.yml)",
				    0);
	} else if (S_ISDIR(st.st_mode)) {
		if (named || !link) /* a link to a folder is followed only when given */
			walk_dir(w, &at, named, chosen);
	} else if (named || is_markdown(at.path)) {
		/* A symbolic link found in the walk is not a record: a link to a
		 * file of the set is its target, which is read anyway, and Git keeps
		 * a link to a file outside the set as a link, so the committed set
		 * does not hold that file (the same rule as --staged, which never
		 * reads links). A link given by name is read. A FIFO or device
		 * named *.md is reported by check_file. */
		if (named || !link)
			add_file(w, &at, glob, named, chosen, link);
	}
	free(glob);
}

static int source_compare(const void *pa, const void *pb)
{
	const struct source *a = pa, *b = pb;

	return strcmp(a->path, b->path);
}

/* True when the list is in path order already (as one walk gives it). */
static int sorted(const struct source_list *list)
{
	size_t i;

	for (i = 1; i < list->n; i++)
		if (strcmp(list->items[i - 1].path, list->items[i].path) > 0)
			return 0;
	return 1;
}

/* Sorts the list and drops a file reached twice under one path. */
static void sort_unique(struct source_list *list)
{
	size_t i, kept = 0;

	if (!sorted(list))
		qsort(list->items, list->n, sizeof *list->items, source_compare);
	for (i = 0; i < list->n; i++) {
		if (kept > 0 && strcmp(list->items[kept - 1].path, list->items[i].path) == 0) {
			list->items[kept - 1].named |= list->items[i].named;
			list->items[kept - 1].chosen |= list->items[i].chosen;
			free(list->items[i].path);
			free(list->items[i].relpath);
			free(list->items[i].abs);
			continue;
		}
		list->items[kept++] = list->items[i];
	}
	list->n = kept;
}

/* Walks path (rel from the set's folder, NULL when outside it) as given
 * on the command line: one real path, from which the files below it are
 * named. */
static void walk_given(struct walk *w, const char *path, const char *rel)
{
	char *abs = realpath(path, NULL);
	struct walk_at at = {path, rel, abs, DT_UNKNOWN};

	walk(w, &at, 1, 1);
	free(abs);
}

/* Fills w->given with the paths from the set's folder; walks a path that
 * does not exist or lies outside the set on its own (it is reported). */
static void take_given(struct walk *w, char *const *paths, size_t npaths)
{
	size_t i;
	char *rel;

	w->given = xcalloc(npaths, sizeof *w->given);
	for (i = 0; i < npaths; i++) {
		rel = project_rel(w->p, paths[i]);
		if (rel == NULL) {
			walk_given(w, paths[i], NULL);
			continue;
		}
		w->given[w->ngiven++] = (struct given){rel, paths[i], 0};
	}
	if (w->ngiven > 1)
		qsort(w->given, w->ngiven, sizeof *w->given, given_compare);
}

void discover(const struct project *p, char *const *paths, size_t npaths, struct source_list *out,
	      struct problem_list *problems)
{
	static char here[] = ".";
	static char *const current[] = {here};
	struct walk w = {p, out, problems, NULL, 0};
	struct walk_at at;
	char *path;
	size_t i;

	if (npaths == 0) {
		paths = current;
		npaths = 1;
	}
	take_given(&w, paths, npaths);
	path = project_path(p, "");
	at = (struct walk_at){path, "", p->root_real, DT_UNKNOWN};
	walk(&w, &at, 1, 0);
	free(path);
	/* What the walk of the set does not come by (a hidden folder, a
	 * symbolic link to a folder) is walked as given. */
	for (i = 0; i < w.ngiven; i++) {
		if (!w.given[i].reached) {
			path = project_path(p, w.given[i].rel);
			walk_given(&w, path, w.given[i].rel);
			free(path);
		}
		free(w.given[i].rel);
	}
	free(w.given);
	sort_unique(out);
}

void source_list_free(struct source_list *list)
{
	size_t i;

	for (i = 0; i < list->n; i++) {
		free(list->items[i].path);
		free(list->items[i].relpath);
		free(list->items[i].abs);
	}
	free(list->items);
	memset(list, 0, sizeof *list);
}

void problem_list_free(struct problem_list *list)
{
	size_t i;

	for (i = 0; i < list->n; i++) {
		free(list->items[i].path);
		free(list->items[i].message);
	}
	free(list->items);
	memset(list, 0, sizeof *list);
}

/* ------------------------------------------------------- per-file stage */

/* Returns "'covenant', 'decision' or 'progress-report'" (malloc'd). */
static char *known_types(const struct schema_set *set)
{
	const char **names = xmalloc((set->n ? set->n : 1) * sizeof *names);
	char *list;
	size_t i;

	for (i = 0; i < set->n; i++)
		names[i] = set->items[i]->name;
	list = join_words(names, set->n, "'", " or ");
	free(names);
	return list;
}

/* Returns the known type spelt like name but for case or a typing slip, or NULL. */
static const char *near_type(const struct schema_set *set, const char *name)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		if (strcasecmp(set->items[i]->name, name) == 0 ||
		    edit_distance(set->items[i]->name, name) <= 2)
			return set->items[i]->name;
	return NULL;
}

static void report_type_unknown(const struct schema_set *set, const struct ynode *type,
				const char *field, const char *path, struct diag_list *diags)
{
	char *list = known_types(set);
	const char *near = type->kind == YNODE_SCALAR ? near_type(set, type->text) : NULL;

	if (type->kind != YNODE_SCALAR)
		diag_report(diags, path, type->line, type->col, RULE_TYPE_UNKNOWN,
			    "the field '%s' must be one word: %s", field, list);
	else if (near != NULL)
		diag_report(diags, path, type->line, type->col, RULE_TYPE_UNKNOWN,
			    "'%s' is not a known record type; did you mean '%s'?", type->text,
			    near);
	else
		diag_report(diags, path, type->line, type->col, RULE_TYPE_UNKNOWN,
			    "'%s' is not a known record type; use %s", type->text, list);
	free(list);
}

static void report_type_missing(const struct schema_set *set, const struct record *rec,
				const char *field, struct diag_list *diags)
{
	char *list;

	if (field == NULL) {
		diag_report(diags, rec->path, 1, 1, RULE_TYPE_MISSING,
			    "no entry of 'types' in .clerk.yml covers this file, so its record "
			    "type is not known; add a 'path' there that covers it");
		return;
	}
	list = known_types(set);
	diag_report(diags, rec->path, 1, 1, RULE_TYPE_MISSING,
		    "the record does not say what it is; add a field '%s' with %s", field, list);
	free(list);
}

/* Finds the record's schema from its type field (field, NULL for none) or
 * the configuration (mapped); reports type-missing or type-unknown and
 * returns NULL when there is none. */
/* type-folder: the record says one type, .clerk.yml gives its files another. */
static void report_type_folder(const struct record *rec, const struct ynode *type,
			       const struct schema *is, const struct schema *mapped,
			       const struct type_map *t, struct diag_list *diags)
{
	diag_report(diags, rec->path, type->line, type->col, RULE_TYPE_FOLDER,
		    "this record is %s %s, but .clerk.yml (line %d) says the files where it lies "
		    "are %s %s; move the file to the folder of its type, or correct the type",
		    rule_article(is->title), is->title, t->line, rule_article(mapped->title),
		    mapped->title);
}

static const struct schema *find_schema(const struct schema_set *set, const struct record *rec,
					const char *field, const struct type_map *entry,
					struct diag_list *diags)
{
	const char *mapped = entry != NULL ? entry->type : NULL;
	const struct ynode *type = field ? ynode_get(rec->front, field) : NULL;
	const struct schema *s;

	if (ynode_is_null(type) || (type->kind == YNODE_SCALAR && type->len == 0)) {
		if (mapped != NULL)
			return schema_set_find(set, mapped);
		report_type_missing(set, rec, field, diags);
		return NULL;
	}
	s = type->kind == YNODE_SCALAR ? schema_set_find(set, type->text) : NULL;
	if (s == NULL)
		report_type_unknown(set, type, field, rec->path, diags);
	else if (mapped != NULL && schema_set_find(set, mapped) != NULL &&
		 schema_set_find(set, mapped) != s)
		report_type_folder(rec, type, s, schema_set_find(set, mapped), entry, diags);
	return s;
}

static void report_missing_front(struct record *rec, const char *mapped, struct diag_list *diags)
{
	if (mapped != NULL)
		diag_report(diags, rec->path, 1, 1, RULE_FRONTMATTER_MISSING,
			    "this file should be %s %s record but has no front matter; start it "
			    "with a line '---', the fields, and another line '---'",
			    rule_article(mapped), mapped);
	else
		diag_report(diags, rec->path, 1, 1, RULE_FRONTMATTER_MISSING,
			    "this file was named to be checked but has no front matter, so it is "
			    "not a record; start it with a line '---', the fields, and another "
			    "line '---'");
}

/* The summary of a record: from its fields, or, when its front matter could
 * not be read, the id its file name gives. */
static struct summary *summarise(const struct project *p, const struct record *rec,
				 const struct schema *schema, const char *mapped, const char *abs)
{
	struct summary *s = NULL;

	if (schema == NULL)
		s = summary_from_name(rec->path, abs, &p->schemas, mapped);
	if (s == NULL)
		s = summary_make(rec, abs, schema);
	s->unreadable = schema == NULL;
	return s;
}

struct file_result *check_text(const struct project *p, const struct source *src, const char *text,
			       size_t len)
{
	struct file_result *r = xcalloc(1, sizeof *r);
	const struct type_map *entry = config_type_entry(&p->cfg, src->relpath);
	const char *mapped = entry != NULL ? entry->type : NULL;
	const struct schema *schema = NULL;
	struct rule_ctx ctx;
	struct record *rec;
	size_t i;

	/* The register `clerk index` writes is not a record. */
	if (reg_is_register(text, len))
		return r;
	pattern_set_subject(src->path);
	rec = record_load(src->path, text, len, &r->diags);
	if (!rec->has_front && (mapped != NULL || src->named))
		report_missing_front(rec, mapped, &r->diags);
	if (rec->front != NULL)
		schema = find_schema(&p->schemas, rec, p->cfg.type_field, entry, &r->diags);
	if (schema != NULL) {
		rule_index_sections(schema, rec);
		ctx.rec = rec;
		ctx.schema = schema;
		ctx.diags = &r->diags;
		ctx.id_year_months = p->cfg.id_year_months;
		for (i = 0; i < sizeof record_rules / sizeof *record_rules; i++)
			if (!rules_off(i, p->cfg.severity))
				record_rules[i].run(&ctx);
	}
	if (rec->has_front || mapped != NULL || src->named)
		r->summary = summarise(p, rec, schema, mapped, src->abs);
	/* Suppression comments are read while the tree exists; check_finish
	 * applies them after the whole-set rules too. */
	suppress_scan(&r->suppressions, rec, &r->diags);
	forgive_skipped(&r->suppressions, p->cfg.severity);
	if (r->suppressions.n > 0)
		r->path = xstrdup(src->path);
	record_free(rec);
	return r;
}

/* The summary of a record that was not read (too large): it counts as a
 * record and answers for the id its file name gives, so that the records
 * citing it get no second, misleading finding. */
static struct summary *unread_summary(const struct project *p, const struct source *src)
{
	const char *mapped = config_type_for(&p->cfg, src->relpath);
	struct summary *s = summary_from_name(src->path, src->abs, &p->schemas, mapped);
	struct diag_list ignored = {0};
	struct record *rec;

	if (s == NULL) {
		rec = record_load(src->path, "", 0, &ignored);
		s = summary_make(rec, src->abs, NULL);
		record_free(rec);
		diag_list_free(&ignored);
	}
	s->unreadable = 1;
	return s;
}

struct file_result *check_unread(const struct project *p, const struct source *src, const char *why)
{
	struct file_result *r = xcalloc(1, sizeof *r);

	diag_report(&r->diags, src->path, 1, 1, RULE_FILE_TOO_LARGE,
		    "%s, so it was not checked; split it into smaller records, or "
		    "raise 'max-file-size' in .clerk.yml",
		    why);
	r->summary = unread_summary(p, src);
	return r;
}

struct file_result *check_file(const struct project *p, const struct source *src)
{
	struct file_result *r;
	size_t len;
	struct read_error err;
	char *text = read_file(src->path, p->cfg.max_file_size, &len, &err);

	if (text == NULL && err.kind == READ_TOO_LARGE)
		return check_unread(p, src, err.message);
	if (text == NULL) {
		r = xcalloc(1, sizeof *r);
		/* A file removed since its folder was read is gone, not unreadable. */
		r->gone = !src->named && err.kind == READ_ERRNO && err.err == ENOENT;
		r->error = r->gone ? NULL : xstrdup(err.message);
		return r;
	}
	r = check_text(p, src, text, len);
	free(text);
	return r;
}

void file_result_free(struct file_result *r)
{
	if (r == NULL)
		return;
	diag_list_free(&r->diags);
	summary_free(r->summary);
	suppress_free(&r->suppressions);
	free(r->path);
	free(r->error);
	free(r);
}

/* ------------------------------------------------------------------ run */

void check_init(struct check_run *run, const struct project *p, const char *as_of)
{
	memset(run, 0, sizeof *run);
	run->project = p;
	run->jobs = check_default_jobs();
	snprintf(run->as_of, sizeof run->as_of, "%s", as_of);
}

void check_add(struct check_run *run, struct file_result *r)
{
	struct file_suppressions *fs;

	diag_list_move(&run->diags, &r->diags);
	if (r->suppressions.n > 0 && r->path != NULL) {
		xgrow((void **)&run->suppress, &run->suppress_cap, run->nsuppress,
		      sizeof *run->suppress);
		fs = &run->suppress[run->nsuppress++];
		fs->path = r->path;
		fs->list = r->suppressions;
		r->path = NULL;
		memset(&r->suppressions, 0, sizeof r->suppressions);
	}
	if (r->summary != NULL) {
		xgrow((void **)&run->records, &run->cap, run->nrecords, sizeof *run->records);
		run->records[run->nrecords++] = r->summary;
		r->summary = NULL;
	}
	file_result_free(r);
}

static void take_problems(struct check_run *run, struct problem_list *problems)
{
	size_t i;

	for (i = 0; i < problems->n; i++) {
		run->system_errors += problems->items[i].fatal;
		run->excluded += !problems->items[i].fatal;
		add_problem(&run->problems, problems->items[i].path, problems->items[i].message,
			    problems->items[i].fatal);
	}
	problem_list_free(problems);
}

/* ----------------------------------------------------------- held texts */

/* The path the walk of the set gives the file at path, which need not
 * exist yet (its folder must): relative to the current folder as
 * project_path makes it. A copy of path when it lies outside the set. */
static char *walk_path(const struct project *p, const char *path)
{
	char *rel = project_rel(p, path), *dir, *dir_rel, *out;
	const char *slash;

	if (rel == NULL) {
		slash = strrchr(path, '/');
		dir = path_dir(path);
		dir_rel = project_rel(p, dir);
		rel = dir_rel != NULL ? path_join(dir_rel, slash ? slash + 1 : path) : NULL;
		free(dir_rel);
		free(dir);
	}
	out = rel != NULL ? project_path(p, rel) : xstrdup(path);
	free(rel);
	return out;
}

void check_hold_text(struct check_run *run, const char *path, const char *text, size_t len)
{
	struct held_text *h;

	xgrow((void **)&run->texts, &run->ntexts_cap, run->ntexts, sizeof *run->texts);
	h = &run->texts[run->ntexts++];
	h->path = walk_path(run->project, path);
	h->text = xmalloc(len + 1);
	memcpy(h->text, text, len);
	h->text[len] = '\0';
	h->len = len;
}

const struct held_text *check_held(const struct check_run *run, const char *path)
{
	size_t i;

	for (i = 0; i < run->ntexts; i++)
		if (strcmp(run->texts[i].path, path) == 0)
			return &run->texts[i];
	return NULL;
}

/* Returns the held text of path when the file is not on disk (a file still
 * to be saved), else NULL. */
static const struct held_text *unsaved(const struct check_run *run, const char *path)
{
	const struct held_text *h;
	struct stat st;
	char *walked;

	if (run->ntexts == 0 || stat(path, &st) == 0)
		return NULL;
	walked = walk_path(run->project, path);
	h = check_held(run, walked);
	free(walked);
	return h;
}

/* The absolute path of a file not saved yet: its folder's real path and
 * its name (malloc'd), or NULL when the folder does not exist either. */
static char *unsaved_abs(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = path_dir(path), *real = realpath(dir, NULL), *abs;

	abs = real != NULL ? path_join(real, slash ? slash + 1 : path) : NULL;
	free(real);
	free(dir);
	return abs;
}

/* Splits paths into those on disk (kept in *on_disk, malloc'd, their count
 * returned) and the held files not saved yet, which are added to sources
 * as named. */
static size_t split_unsaved(const struct check_run *run, char *const *paths, size_t npaths,
			    char ***on_disk, struct source_list *sources)
{
	const struct held_text *h;
	size_t i, n = 0;
	char *rel, *glob, *abs;

	*on_disk = xcalloc(npaths + 1, sizeof **on_disk);
	for (i = 0; i < npaths; i++) {
		h = unsaved(run, paths[i]);
		if (h == NULL) {
			(*on_disk)[n++] = paths[i];
			continue;
		}
		rel = config_relpath(&run->project->cfg, h->path);
		glob = project_glob_path(run->project, rel);
		abs = unsaved_abs(h->path);
		add_source(sources, h->path, glob, abs, 1, 1);
		free(abs);
		free(glob);
		free(rel);
	}
	return n;
}

/* Lists the sources of the paths: discover's walk of the set, and the
 * named files held but not saved yet. When only such files are named, the
 * whole set is walked for them and they alone are chosen. */
static void discover_held(struct check_run *run, char *const *paths, size_t npaths,
			  struct source_list *sources, struct problem_list *problems)
{
	struct source_list held = {0};
	char **on_disk, *root = NULL;
	size_t n, i;

	if (run->ntexts == 0) {
		discover(run->project, paths, npaths, sources, problems);
		return;
	}
	n = split_unsaved(run, paths, npaths, &on_disk, &held);
	if (n == 0 && npaths > 0)
		on_disk[n++] = root = project_path(run->project, "");
	discover(run->project, on_disk, n, sources, problems);
	for (i = 0; root != NULL && i < sources->n; i++)
		sources->items[i].chosen = 0;
	for (i = 0; i < held.n; i++) {
		xgrow((void **)&sources->items, &sources->cap, sources->n, sizeof *sources->items);
		sources->items[sources->n++] = held.items[i];
	}
	free(held.items);
	sort_unique(sources);
	free(on_disk);
	free(root);
}

/* ------------------------------------------------- some files of a set */

static int path_compare(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A reference from a named file: the id or the real path it names, and
 * where it is written. */
struct citation {
	const char *key;
	const char *path;
	int line, col;
};

/* A file of the set, not named, that a named file cites. */
struct cited_file {
	const char *path;
	const struct citation *by;
};

static int citation_compare(const void *a, const void *b)
{
	return strcmp(((const struct citation *)a)->key, ((const struct citation *)b)->key);
}

static int cited_compare(const void *a, const void *b)
{
	return strcmp(((const struct cited_file *)a)->path, ((const struct cited_file *)b)->path);
}

static int is_named(const struct check_run *run, const char *path)
{
	return bsearch(&path, run->only, run->nonly, sizeof *run->only, path_compare) != NULL;
}

int check_chosen(const struct check_run *run, const char *path)
{
	return run->only == NULL || is_named(run, path);
}

/* Lists what the named records cite: ids (refs) in ids, real paths (links)
 * in reals, each sorted. */
static void named_citations(const struct check_run *run, struct citation **ids, size_t *nids,
			    struct citation **reals, size_t *nreals)
{
	size_t i, k, capi = 0, capr = 0;
	const struct summary *s;

	*ids = *reals = NULL;
	*nids = *nreals = 0;
	for (i = 0; i < run->nrecords; i++) {
		s = run->records[i];
		if (!is_named(run, s->path))
			continue;
		for (k = 0; k < s->nrefs; k++) {
			if (s->refs[k].value == NULL)
				continue;
			xgrow((void **)ids, &capi, *nids, sizeof **ids);
			(*ids)[(*nids)++] = (struct citation){s->refs[k].value, s->path,
							      s->refs[k].line, s->refs[k].col};
		}
		for (k = 0; k < s->nlinks; k++) {
			if (s->links[k].target == NULL)
				continue;
			xgrow((void **)reals, &capr, *nreals, sizeof **reals);
			(*reals)[(*nreals)++] = (struct citation){
			    s->links[k].target, s->path, s->links[k].line, s->links[k].col};
		}
	}
	if (*nids > 1)
		qsort(*ids, *nids, sizeof **ids, citation_compare);
	if (*nreals > 1)
		qsort(*reals, *nreals, sizeof **reals, citation_compare);
}

/* Returns the citation of key in list, or NULL. */
static const struct citation *find_citation(const struct citation *list, size_t n, const char *key)
{
	struct citation want = {key, NULL, 0, 0};

	if (key == NULL || n == 0)
		return NULL;
	return bsearch(&want, list, n, sizeof *list, citation_compare);
}

/* Returns the files of the set, not named, that a named file cites by id
 * or links to, sorted by path (malloc'd); their count in *n. The
 * citations are kept in *ids and *reals, which the caller frees. */
static struct cited_file *cited_files(const struct check_run *run, size_t *n, struct citation **ids,
				      struct citation **reals)
{
	struct cited_file *out = NULL;
	const struct citation *c;
	size_t i, cap = 0, nids, nreals;
	const struct summary *s;

	named_citations(run, ids, &nids, reals, &nreals);
	*n = 0;
	for (i = 0; i < run->nrecords; i++) {
		s = run->records[i];
		c = find_citation(*ids, nids, s->id);
		if (c == NULL)
			c = find_citation(*reals, nreals, s->real);
		if (c == NULL || is_named(run, s->path))
			continue;
		xgrow((void **)&out, &cap, *n, sizeof *out);
		out[(*n)++] = (struct cited_file){s->path, c};
	}
	if (*n > 1)
		qsort(out, *n, sizeof *out, cited_compare);
	return out;
}

/* The rules whose finding on a cited record keeps its citers silent (no
 * cascade): in a run on some files, they are shown though the record was
 * not named, since the named file depends on it. */
static int silences_citers(enum rule_id rule)
{
	static const enum rule_id rules[] = {
	    RULE_FRONTMATTER_MISSING, RULE_FRONTMATTER_INVALID, RULE_FILE_TOO_LARGE,
	    RULE_TYPE_MISSING,        RULE_TYPE_UNKNOWN,        RULE_ID_PATTERN,
	    RULE_ID_DUPLICATE,
	};
	size_t i;

	for (i = 0; i < sizeof rules / sizeof *rules; i++)
		if (rules[i] == rule)
			return 1;
	return 0;
}

/* Keeps the diagnostics located in the files named, and those of a cited
 * record that leave a named file's reference unchecked (with the citation
 * as a related place); counts the others in run->hidden. */
static void keep_named(struct check_run *run)
{
	struct diag_list kept = {0}, rest = {0};
	struct citation *ids, *reals;
	struct cited_file *cited, want = {NULL, NULL}, *hit;
	struct diag_list *to;
	struct diag *d;
	size_t i, ncited;

	cited = cited_files(run, &ncited, &ids, &reals);
	for (i = 0; i < run->diags.n; i++) {
		d = &run->diags.items[i];
		want.path = d->path;
		hit = ncited && silences_citers(d->rule)
			  ? bsearch(&want, cited, ncited, sizeof *cited, cited_compare)
			  : NULL;
		to = is_named(run, d->path) || hit != NULL ? &kept : &rest;
		xgrow((void **)&to->items, &to->cap, to->n, sizeof *to->items);
		to->items[to->n++] = *d;
		if (hit != NULL && !is_named(run, d->path))
			diag_add_related(&to->items[to->n - 1], hit->by->path, hit->by->line,
					 hit->by->col, "cited here by a file being checked");
	}
	run->hidden = rest.n;
	free(run->diags.items);
	run->diags = kept;
	diag_list_free(&rest);
	free(cited);
	free(ids);
	free(reals);
}

/* Remembers to report on the chosen sources only, unless that is all. */
static void choose(struct check_run *run, const struct source_list *sources)
{
	size_t i, n = 0;

	for (i = 0; i < sources->n; i++)
		n += sources->items[i].chosen != 0;
	if (n == sources->n)
		return;
	run->only = xmalloc((n ? n : 1) * sizeof *run->only);
	for (i = 0; i < sources->n; i++)
		if (sources->items[i].chosen)
			run->only[run->nonly++] = xstrdup(sources->items[i].path);
	/* sources are sorted by path already */
}

/* Milliseconds on a monotonic clock. */
static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

/* ------------------------------------------- the per-file stage on threads */

/* The work of a pool: every source, taken in turn by whichever thread is
 * free; each result lands in its own slot, so no two threads write the
 * same memory, and the run merges the slots in path order. */
struct pool {
	const struct check_run *run; /* for the texts it holds */
	const struct project *project;
	const struct source_list *sources;
	const struct cache *cache; /* NULL: none */
	struct file_result **results;
	struct cache_slot *slots; /* per source: its entry for the cache */
	size_t next;              /* the next source to take (atomic) */
};

/* The per-file stage as the cache calls it: on text when given. */
static struct file_result *check_source(const struct project *p, const struct source *src,
					const char *text, size_t len)
{
	return text != NULL ? check_text(p, src, text, len) : check_file(p, src);
}

static void *pool_work(void *data)
{
	struct pool *pool = data;
	const struct held_text *held;
	const struct source *src;
	size_t i;

	for (;;) {
		i = __atomic_fetch_add(&pool->next, 1, __ATOMIC_RELAXED);
		if (i >= pool->sources->n)
			break;
		src = &pool->sources->items[i];
		held = check_held(pool->run, src->path);
		/* A held text (an editor's, stdin) is never cached: it is not the file. */
		pool->results[i] =
		    held != NULL          ? check_text(pool->project, src, held->text, held->len)
		    : pool->cache != NULL ? cache_check_file(pool->cache, pool->project, src,
							     check_source, &pool->slots[i])
					  : check_file(pool->project, src);
	}
	return NULL;
}

static void *pool_thread(void *data)
{
	pool_work(data);
	pattern_thread_done();
	return NULL;
}

int check_default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > CHECK_MAX_JOBS ? CHECK_MAX_JOBS : (int)n;
}

/* Checks every source on jobs threads (this one among them), through the
 * cache when there is one (its entries go to slots); returns the results
 * in source order (malloc'd). A thread that cannot start leaves its share
 * to the others. */
static struct file_result **check_all(const struct check_run *run,
				      const struct source_list *sources, int jobs,
				      const struct cache *cache, struct cache_slot *slots)
{
	struct pool pool = {run,
			    run->project,
			    sources,
			    cache,
			    xcalloc(sources->n ? sources->n : 1, sizeof(void *)),
			    slots,
			    0};
	pthread_t threads[CHECK_MAX_JOBS];
	int started = 0, i;

	if ((size_t)jobs > sources->n)
		jobs = (int)sources->n;
	for (i = 1; i < jobs; i++)
		if (pthread_create(&threads[started], NULL, pool_thread, &pool) == 0)
			started++;
	pool_work(&pool);
	for (i = 0; i < started; i++)
		pthread_join(threads[i], NULL);
	return pool.results;
}

void check_paths(struct check_run *run, char *const *paths, size_t npaths)
{
	double start = now_ms();
	struct source_list sources = {0};
	struct problem_list problems = {0};
	struct file_result **results;
	struct cache *cache = run->no_cache ? NULL : cache_open(run->project, CLERK_VERSION);
	struct cache_slot *slots = NULL;
	size_t i, failures;

	discover_held(run, paths, npaths, &sources, &problems);
	choose(run, &sources);
	take_problems(run, &problems);
	if (cache != NULL)
		slots = xcalloc(sources.n ? sources.n : 1, sizeof *slots);
	results = check_all(run, &sources, run->jobs > 0 ? run->jobs : 1, cache, slots);
	for (i = 0; i < sources.n; i++) {
		if (results[i]->error != NULL) {
			add_problem(&run->problems, sources.items[i].path, results[i]->error, 1);
			run->system_errors++;
		}
		check_add(run, results[i]);
	}
	free(results);
	/* A result made while a pattern gave up is not kept: the run fails. */
	for (i = 0; cache != NULL && i < sources.n; i++)
		run->cached += slots[i].hit;
	pattern_failures(&failures);
	if (cache != NULL && failures == 0)
		cache_save(cache, slots, sources.n);
	for (i = 0; cache != NULL && failures > 0 && i < sources.n; i++)
		free(slots[i].entry);
	free(slots);
	cache_free(cache);
	source_list_free(&sources);
	run->load_ms = now_ms() - start;
	check_finish(run);
}

/* ----------------------------------------- suppression comments, as a filter */

static int suppressions_compare(const void *pa, const void *pb)
{
	const struct file_suppressions *a = pa, *b = pb;

	return strcmp(a->path, b->path);
}

/* True when d stays: its file's comments do not silence it. */
static int not_suppressed(const struct diag *d, void *data)
{
	struct check_run *run = data;
	struct file_suppressions key = {(char *)d->path, {0}}, *fs;

	fs = bsearch(&key, run->suppress, run->nsuppress, sizeof *run->suppress,
		     suppressions_compare);
	return fs == NULL || !suppress_silences(&fs->list, d);
}

/* Drops what the files' clerk comments silence, among the findings of
 * every rule, then reports the comments that silenced nothing. */
static void apply_suppressions(struct check_run *run)
{
	size_t i;

	if (run->nsuppress == 0)
		return;
	qsort(run->suppress, run->nsuppress, sizeof *run->suppress, suppressions_compare);
	diag_list_filter(&run->diags, not_suppressed, run);
	for (i = 0; i < run->nsuppress; i++)
		suppress_report_unused(&run->suppress[i].list, &run->diags, run->suppress[i].path);
}

/* ------------------------------------------------ filters after all rules
 * The baseline of .clerk.yml's `ignore:` drops findings after every rule
 * has run, like severities and suppressions: a rule decides, a filter only
 * hides. */

struct ignore_state {
	const struct check_run *run;
	char *path; /* the last path looked up (a copy), and its relative form */
	char *rel;
};

static int not_ignored(const struct diag *d, void *data)
{
	struct ignore_state *st = data;

	/* Findings come sorted by path: one lookup per file. */
	if (st->path == NULL || strcmp(st->path, d->path) != 0) {
		free(st->rel);
		free(st->path);
		st->rel = config_relpath(&st->run->project->cfg, d->path);
		st->path = xstrdup(d->path); /* d is freed when it is dropped */
	}
	return !config_ignores(&st->run->project->cfg, st->rel, d->rule);
}

static void drop_ignored(struct check_run *run)
{
	struct ignore_state st = {run, NULL, NULL};

	if (run->project->cfg.nignore == 0)
		return;
	diag_list_filter(&run->diags, not_ignored, &st);
	free(st.path);
	free(st.rel);
}

void check_finish(struct check_run *run)
{
	double start = now_ms();

	set_check(run->records, run->nrecords, run->as_of, &run->diags);
	run->set_ms = now_ms() - start;
	apply_suppressions(run);
	diag_list_apply_severity(&run->diags, run->project->cfg.severity);
	severity_if_apply(&run->diags, run->records, run->nrecords);
	diag_list_sort(&run->diags);
	drop_ignored(run);
	/* after the filters, so that what it counts as not shown would show */
	if (run->only != NULL)
		keep_named(run);
}

void check_free(struct check_run *run)
{
	size_t i;

	for (i = 0; i < run->nrecords; i++)
		summary_free(run->records[i]);
	free(run->records);
	diag_list_free(&run->diags);
	problem_list_free(&run->problems);
	for (i = 0; i < run->nonly; i++)
		free(run->only[i]);
	free(run->only);
	for (i = 0; i < run->nsuppress; i++) {
		free(run->suppress[i].path);
		suppress_free(&run->suppress[i].list);
	}
	free(run->suppress);
	for (i = 0; i < run->ntexts; i++) {
		free(run->texts[i].path);
		free(run->texts[i].text);
	}
	free(run->texts);
	memset(run, 0, sizeof *run);
}
