/* check.c - discovery and the per-file stage of `clerk check`. */
#include "check.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "load_yaml.h"
#include "record.h"
#include "rules.h"
#include "util.h"

/* The rules run on each record that has a schema, in this order; one a
 * line, so that adding a rule is a one-line change. */
/* clang-format off */
static void (*const record_rules[])(struct rule_ctx *) = {
    rule_fields,
    rule_date_order,
    rule_identity,
    rule_sections,
    rule_text_dates,
    rule_decision_points,
    rule_numbers,
};
/* clang-format on */

void check_init(struct check_run *run, const struct config *cfg, const struct schema_set *schemas)
{
	memset(run, 0, sizeof *run);
	run->cfg = cfg;
	run->schemas = schemas;
	run->diags.severity = cfg->severity;
}

static void system_error(struct check_run *run, const char *path, const char *message)
{
	run->system_errors++;
	if (run->on_error != NULL)
		run->on_error(run->error_data, path, message);
}

/* -------------------------------------------------------------- records */

/* Returns the text of a scalar field, or NULL when it is absent or not one. */
static const char *scalar_text(const struct ynode *map, const char *key)
{
	const struct ynode *v = ynode_get(map, key);

	if (v == NULL || v->kind != YNODE_SCALAR || ynode_is_null(v))
		return NULL;
	return v->text;
}

static void keep_summary(struct check_run *run, const struct record *rec,
			 const struct schema *schema)
{
	struct summary *s;
	const struct ynode *id;
	const char *text;

	xgrow((void **)&run->records, &run->cap, run->nrecords, sizeof *run->records);
	s = &run->records[run->nrecords++];
	memset(s, 0, sizeof *s);
	s->path = xstrdup(rec->path);
	if (schema == NULL || rec->front == NULL)
		return;
	s->type = xstrdup(schema->name);
	text = scalar_text(rec->front, schema->id_field);
	s->id = text ? xstrdup(text) : NULL;
	id = ynode_key(rec->front, schema->id_field);
	s->id_line = id ? id->line : 0;
	text = scalar_text(rec->front, "date");
	snprintf(s->date, sizeof s->date, "%s", text ? text : "");
	text = scalar_text(rec->front, "status");
	snprintf(s->status, sizeof s->status, "%s", text ? text : "");
}

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

static void report_type_unknown(struct check_run *run, const struct ynode *type, const char *path,
				struct diag_list *diags)
{
	char *list = known_types(run->schemas);
	const char *near = type->kind == YNODE_SCALAR ? near_type(run->schemas, type->text) : NULL;

	if (type->kind != YNODE_SCALAR)
		diag_report(diags, path, type->line, type->col, RULE_TYPE_UNKNOWN,
			    "the field 'type' must be one word: %s", list);
	else if (near != NULL)
		diag_report(diags, path, type->line, type->col, RULE_TYPE_UNKNOWN,
			    "'%s' is not a known record type; did you mean '%s'?", type->text,
			    near);
	else
		diag_report(diags, path, type->line, type->col, RULE_TYPE_UNKNOWN,
			    "'%s' is not a known record type; use %s", type->text, list);
	free(list);
}

/* Finds the record's schema from its type field or the configuration;
 * reports type-missing or type-unknown and returns NULL when there is none. */
static const struct schema *find_schema(struct check_run *run, const struct record *rec,
					const char *mapped, struct diag_list *diags)
{
	const struct ynode *type = ynode_get(rec->front, "type");
	const struct schema *s;
	char *list;

	if (ynode_is_null(type) || (type->kind == YNODE_SCALAR && type->len == 0)) {
		if (mapped != NULL)
			return schema_set_find(run->schemas, mapped);
		list = known_types(run->schemas);
		diag_report(diags, rec->path, 1, 1, RULE_TYPE_MISSING,
			    "the record does not say what it is; add a field 'type' with %s", list);
		free(list);
		return NULL;
	}
	s = type->kind == YNODE_SCALAR ? schema_set_find(run->schemas, type->text) : NULL;
	if (s == NULL)
		report_type_unknown(run, type, rec->path, diags);
	return s;
}

void check_text(struct check_run *run, const char *path, const char *relpath, const char *text,
		size_t len)
{
	struct diag_list diags = {0};
	const char *mapped = config_type_for(run->cfg, relpath);
	const struct schema *schema = NULL;
	struct rule_ctx ctx;
	struct record *rec;
	size_t i;

	diags.severity = run->diags.severity;
	rec = record_load(path, text, len, &diags);
	if (!rec->has_front && mapped != NULL)
		diag_report(
		    &diags, path, 1, 1, RULE_FRONTMATTER_MISSING,
		    "this file should be %s %s record but has no front matter; start it with "
		    "a line '---', the fields, and another line '---'",
		    rule_article(mapped), mapped);
	if (rec->front != NULL)
		schema = find_schema(run, rec, mapped, &diags);
	if (schema != NULL) {
		rule_index_sections(schema, rec);
		ctx.rec = rec;
		ctx.schema = schema;
		ctx.diags = &diags;
		for (i = 0; i < sizeof record_rules / sizeof *record_rules; i++)
			record_rules[i](&ctx);
	}
	if (rec->has_front || mapped != NULL)
		keep_summary(run, rec, schema);
	record_free(rec);
	diag_list_move(&run->diags, &diags);
}

/* ------------------------------------------------------------- discovery */

static void check_file(struct check_run *run, const char *path, const char *relpath)
{
	size_t len;
	char *text = read_file(path, &len);

	if (text == NULL) {
		system_error(run, path, strerror(errno));
		return;
	}
	check_text(run, path, relpath, text, len);
	free(text);
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

static char *join_path(const char *dir, const char *name)
{
	size_t n = strlen(dir);

	if (n == 0 || strcmp(dir, ".") == 0)
		return xstrdup(name);
	return xasprintf("%s%s%s", dir, dir[n - 1] == '/' ? "" : "/", name);
}

static void walk(struct check_run *run, const char *path, const char *relpath, int explicit);

static void walk_dir(struct check_run *run, const char *path, const char *relpath)
{
	char **names, *child, *child_rel;
	size_t i, n = 0;

	names = list_dir(path, visible, &n);
	if (names == NULL) {
		system_error(run, path, strerror(errno));
		return;
	}
	for (i = 0; i < n; i++) {
		child = join_path(path, names[i]);
		child_rel = join_path(relpath, names[i]);
		walk(run, child, child_rel, 0);
		free(child);
		free(child_rel);
		free(names[i]);
	}
	free(names);
}

/* Checks path: a folder is walked, a file is checked when it was named on
 * the command line or ends in .md. Symbolic links to folders are not followed. */
static void walk(struct check_run *run, const char *path, const char *relpath, int explicit)
{
	struct stat st, lst;

	if (stat(path, &st) != 0) {
		system_error(run, path, strerror(errno));
		return;
	}
	if (*relpath != '\0' && config_excluded(run->cfg, relpath))
		return;
	if (S_ISDIR(st.st_mode)) {
		if (!explicit && lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode))
			return;
		walk_dir(run, path, relpath);
	} else if (explicit || (S_ISREG(st.st_mode) && is_markdown(path))) {
		check_file(run, path, relpath);
	}
}

/* Returns the path relative to the configuration's folder (malloc'd), or a
 * copy of path when it lies outside it. */
static char *relative_to_root(const struct check_run *run, const char *path)
{
	char real[PATH_MAX];
	const char *root = run->cfg->root;
	size_t n = strlen(root);

	if (realpath(path, real) == NULL)
		return xstrdup(path);
	if (strcmp(real, root) == 0)
		return xstrdup("");
	if (strncmp(real, root, n) == 0 && (real[n] == '/' || strcmp(root, "/") == 0))
		return xstrdup(real + n + (real[n] == '/'));
	return xstrdup(path);
}

void check_path(struct check_run *run, const char *path)
{
	char *rel = relative_to_root(run, path);

	walk(run, path, rel, 1);
	free(rel);
}

void check_finish(struct check_run *run)
{
	diag_list_sort(&run->diags);
}

void check_free(struct check_run *run)
{
	size_t i;

	for (i = 0; i < run->nrecords; i++) {
		free(run->records[i].path);
		free(run->records[i].type);
		free(run->records[i].id);
	}
	free(run->records);
	diag_list_free(&run->diags);
	memset(run, 0, sizeof *run);
}
