/* SPDX-License-Identifier: EUPL-1.2 */
/* config.c - reading and querying .clerk.yml. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "date.h"
#include "load_yaml.h"
#include "util.h"
#include "yaml_ctx.h"

static const char *const config_names[] = CONFIG_NAMES;
#define NNAMES (sizeof config_names / sizeof *config_names)

void config_init(struct config *cfg)
{
	char cwd[PATH_MAX];
	int i;

	memset(cfg, 0, sizeof *cfg);
	cfg->arena = arena_new();
	cfg->dir = "";
	cfg->max_file_size = READ_LIMIT_DEFAULT;
	cfg->type_field = "type";
	cfg->builtin_schemas = 1;
	cfg->id_year_months = 3;
	cfg->root = arena_strdup(cfg->arena, getcwd(cwd, sizeof cwd) ? cwd : ".");
	for (i = 0; i < RULE_COUNT; i++)
		cfg->severity[i] = rule_catalogue[i].severity;
}

/* Returns path as the shortest of: relative below cwd, "../" steps up to an
 * ancestor of cwd, or absolute (malloc'd). */
static char *short_path(const char *cwd, const char *abs_dir, const char *name)
{
	size_t n = strlen(abs_dir);
	struct buf up = {0};
	char *path;
	const char *c;

	if (strcmp(cwd, abs_dir) == 0)
		return xstrdup(name);
	if (strncmp(cwd, abs_dir, n) == 0 && (cwd[n] == '/' || n == 1)) {
		for (c = cwd + n - (n == 1); *c != '\0'; c++)
			if (*c == '/')
				buf_puts(&up, "../");
		buf_puts(&up, name);
		return buf_take(&up);
	}
	if (strncmp(abs_dir, cwd, strlen(cwd)) == 0 && abs_dir[strlen(cwd)] == '/')
		return xasprintf("%s/%s", abs_dir + strlen(cwd) + 1, name);
	path = xasprintf("%s/%s", strcmp(abs_dir, "/") == 0 ? "" : abs_dir, name);
	return path;
}

int config_is_name(const char *path)
{
	const char *base = strrchr(path, '/');
	size_t i;

	base = base != NULL ? base + 1 : path;
	for (i = 0; i < NNAMES; i++)
		if (strcmp(base, config_names[i]) == 0)
			return 1;
	return 0;
}

/* Returns which of config_names the folder dir holds: its index, -1 for
 * none, -2 for more than one. */
static int config_in(const char *dir)
{
	char *path;
	int found = -1;
	size_t i;

	for (i = 0; i < NNAMES; i++) {
		path = xasprintf("%s/%s", strcmp(dir, "/") == 0 ? "" : dir, config_names[i]);
		if (access(path, F_OK) == 0)
			found = found == -1 ? (int)i : -2;
		free(path);
	}
	return found;
}

char *config_find_from(const char *start, struct config_error *err, int *rc)
{
	char dir[PATH_MAX], cwd[PATH_MAX], *slash, *yml, *yaml;
	struct stat st;
	int found;

	*rc = 0;
	if (realpath(start, dir) == NULL || getcwd(cwd, sizeof cwd) == NULL)
		return NULL;
	if (stat(dir, &st) == 0 && !S_ISDIR(st.st_mode)) {
		slash = strrchr(dir, '/');
		slash[slash == dir] = '\0';
	}
	while ((found = config_in(dir)) == -1) {
		slash = strrchr(dir, '/');
		if (slash == NULL || strcmp(dir, "/") == 0)
			return NULL;
		slash[slash == dir] = '\0';
	}
	if (found >= 0)
		return short_path(cwd, dir, config_names[found]);
	yml = short_path(cwd, dir, config_names[0]);
	yaml = short_path(cwd, dir, config_names[1]);
	*rc = config_error_set(err, yaml, 0, 0,
			       "this folder holds both %s and %s, and clerk cannot tell which one "
			       "applies; keep one of them",
			       yml, yaml);
	free(yml);
	free(yaml);
	return NULL;
}

/* A list of strings: a YAML sequence of single values, or one value. */
static int strings(struct ctx *c, const struct ynode *n, const char *what,
		   const struct ynode ***out, size_t *count)
{
	size_t i;

	if (n->kind == YNODE_SCALAR) {
		*out = arena_alloc(c->cfg->arena, sizeof **out);
		(*out)[0] = n;
		*count = 1;
		return 0;
	}
	if (n->kind != YNODE_SEQ)
		return fail(c, n, "'%s' must be a list", what);
	for (i = 0; i < n->n; i++)
		if (n->items[i]->kind != YNODE_SCALAR)
			return fail(c, n->items[i], "each entry of '%s' must be a single value",
				    what);
	*out = (const struct ynode **)n->items;
	*count = n->n;
	return 0;
}

static int compile_glob(struct ctx *c, const struct ynode *n, pcre2_code **out)
{
	char msg[256], *src = glob_to_pattern(n->text);
	size_t offset;

	*out = pattern_compile(src, 0, msg, sizeof msg, &offset);
	free(src);
	if (*out == NULL)
		return fail(c, n, "the path pattern '%s' is not valid: %s", n->text, msg);
	pattern_set_origin(*out, c->file, n->line, n->col);
	return 0;
}

static int read_schemas(struct ctx *c, const struct ynode *n)
{
	const struct ynode **dirs;
	struct config *cfg = c->cfg;
	struct stat st;
	char *path;
	size_t i;

	if (strings(c, n, "schemas", &dirs, &cfg->nschema_dirs) != 0)
		return -1;
	cfg->schema_dirs = arena_alloc(cfg->arena, (cfg->nschema_dirs + 1) * sizeof(char *));
	for (i = 0; i < cfg->nschema_dirs; i++) {
		if (dirs[i]->text[0] == '/')
			path = xstrdup(dirs[i]->text);
		else
			path = xasprintf("%s%s", cfg->dir, dirs[i]->text);
		cfg->schema_dirs[i] = arena_strdup(cfg->arena, path);
		free(path);
		if (stat(cfg->schema_dirs[i], &st) != 0)
			return fail(c, dirs[i], "the schema folder '%s' does not exist",
				    dirs[i]->text);
		if (!S_ISDIR(st.st_mode))
			return fail(c, dirs[i], "the schema folder '%s' is not a folder",
				    dirs[i]->text);
	}
	return 0;
}

static int read_type_entry(struct ctx *c, const struct ynode *n, struct type_map *t)
{
	static const char *const keys[] = {"path", "type", NULL};
	const struct ynode *path = ynode_get(n, "path"), *type = ynode_get(n, "type");

	if (n->kind != YNODE_MAP)
		return fail(c, n, "each entry of 'types' must have 'path' and 'type'");
	if (check_keys(c, n, "'types'", keys) != 0)
		return -1;
	if (path == NULL || type == NULL || path->kind != YNODE_SCALAR ||
	    type->kind != YNODE_SCALAR)
		return fail(c, n, "each entry of 'types' must have 'path' and 'type'");
	t->glob = path->text;
	t->type = type->text;
	t->line = type->line;
	t->col = type->col;
	return compile_glob(c, path, &t->re);
}

static int read_types(struct ctx *c, const struct ynode *n)
{
	size_t i;

	if (n->kind != YNODE_SEQ)
		return fail(c, n, "'types' must be a list of entries with 'path' and 'type'");
	c->cfg->types = arena_alloc(c->cfg->arena, (n->n + 1) * sizeof *c->cfg->types);
	for (i = 0; i < n->n; i++) {
		if (read_type_entry(c, n->items[i], &c->cfg->types[i]) != 0)
			return -1;
		c->cfg->ntypes = i + 1;
	}
	return 0;
}

static int read_exclude(struct ctx *c, const struct ynode *n)
{
	const struct ynode **globs;
	size_t i, count;

	if (strings(c, n, "exclude", &globs, &count) != 0)
		return -1;
	c->cfg->exclude = arena_alloc(c->cfg->arena, (count + 1) * sizeof *c->cfg->exclude);
	for (i = 0; i < count; i++) {
		if (compile_glob(c, globs[i], &c->cfg->exclude[i]) != 0)
			return -1;
		c->cfg->nexclude = i + 1;
	}
	return 0;
}

static int read_rules(struct ctx *c, const struct ynode *n)
{
	const struct ynode *key, *value;
	size_t i;
	int rule, sev;

	if (n->kind != YNODE_MAP)
		return fail(c, n, "'rules' must map rule names to off, info, warning or error");
	for (i = 0; i + 1 < n->n; i += 2) {
		key = n->items[i];
		value = n->items[i + 1];
		rule = rule_lookup(key->text);
		if (rule < 0)
			return fail(c, key, "unknown rule '%s'; 'clerk rules' lists them",
				    key->text);
		sev = value->kind == YNODE_SCALAR ? severity_parse(value->text) : -1;
		if (sev < 0)
			return fail(c, value,
				    "the severity of '%s' must be off, info, warning or error",
				    key->text);
		c->cfg->severity[rule] = (enum severity)sev;
		c->cfg->severity_line[rule] = key->line;
	}
	return 0;
}

/* Reads the rules of an ignore entry: a name or a list; all when absent. */
static int read_ignore_rules(struct ctx *c, const struct ynode *n, struct ignore_entry *e)
{
	const struct ynode **names;
	size_t i, count;
	int rule;

	memset(e->rules, n == NULL, sizeof e->rules);
	if (n == NULL)
		return 0;
	if (strings(c, n, "rules", &names, &count) != 0)
		return -1;
	for (i = 0; i < count; i++) {
		rule = rule_lookup(names[i]->text);
		if (rule < 0)
			return fail(c, names[i], "unknown rule '%s'; 'clerk rules' lists them",
				    names[i]->text);
		e->rules[rule] = 1;
	}
	return 0;
}

static int read_ignore_entry(struct ctx *c, const struct ynode *n, struct ignore_entry *e)
{
	static const char *const keys[] = {"path", "rules", "reason", NULL};
	const struct ynode *path = ynode_get(n, "path"), *reason = ynode_get(n, "reason");

	if (n->kind != YNODE_MAP)
		return fail(c, n, "each entry of 'ignore' must have 'path', 'rules' and 'reason'");
	if (check_keys(c, n, "'ignore'", keys) != 0)
		return -1;
	if (path == NULL || path->kind != YNODE_SCALAR || path->len == 0)
		return fail(c, n, "an entry of 'ignore' needs 'path': the files it covers");
	if (reason == NULL || reason->kind != YNODE_SCALAR || reason->len == 0)
		return fail(c, n, "an entry of 'ignore' needs 'reason': why these findings stay");
	e->glob = path->text;
	e->reason = reason->text;
	e->line = n->line;
	if (read_ignore_rules(c, ynode_get(n, "rules"), e) != 0)
		return -1;
	return compile_glob(c, path, &e->re);
}

static int read_ignore(struct ctx *c, const struct ynode *n)
{
	size_t i;

	if (n->kind != YNODE_SEQ)
		return fail(c, n,
			    "'ignore' must be a list of entries with 'path', 'rules' and "
			    "'reason'");
	c->cfg->ignore = arena_alloc(c->cfg->arena, (n->n + 1) * sizeof *c->cfg->ignore);
	for (i = 0; i < n->n; i++) {
		if (read_ignore_entry(c, n->items[i], &c->cfg->ignore[i]) != 0)
			return -1;
		c->cfg->nignore = i + 1;
	}
	return 0;
}

static int read_as_of(struct ctx *c, const struct ynode *n)
{
	if (n->kind != YNODE_SCALAR || date_parse(n->text, n->len, NULL) != DATE_OK)
		return fail(c, n, "'as-of' must be a real date written as YYYY-MM-DD");
	memcpy(c->cfg->as_of, n->text, 11);
	c->cfg->as_of_line = n->line;
	return 0;
}

/* language: the language of clerk's messages for everyone using this set,
 * unless --lang says otherwise. */
static int read_language(struct ctx *c, const struct ynode *n)
{
	if (n->kind != YNODE_SCALAR || (!ynode_is(n, "nl") && !ynode_is(n, "en")))
		return fail(c, n, "'language' must be en (English) or nl (Dutch)");
	memcpy(c->cfg->language, n->text, 3);
	return 0;
}

/* The largest max-file-size: records are read into memory whole. */
#define MAX_FILE_SIZE_CEILING ((unsigned long long)1024 * 1024 * 1024)

/* max-file-size: a number of bytes, or a number followed by KB or MB
 * (1024 bytes and 1024 KB), such as 16MB or "500 KB". */
static int read_max_file_size(struct ctx *c, const struct ynode *n)
{
	static const struct {
		const char *unit;
		unsigned long long factor;
	} units[] = {{"", 1}, {"B", 1}, {"bytes", 1}, {"KB", 1024}, {"MB", 1024 * 1024}};
	unsigned long long v = 0;
	const char *p = n->text;
	size_t i, digits = 0;

	for (; n->kind == YNODE_SCALAR && *p >= '0' && *p <= '9' && digits < 12; p++, digits++)
		v = v * 10 + (unsigned long long)(*p - '0');
	while (*p == ' ')
		p++;
	for (i = 0; digits > 0 && i < sizeof units / sizeof *units; i++)
		if (strcmp(p, units[i].unit) == 0)
			break;
	if (digits == 0 || i == sizeof units / sizeof *units || v == 0 ||
	    v * units[i].factor > MAX_FILE_SIZE_CEILING)
		return fail(c, n,
			    "'max-file-size' must be a size such as 16MB, 500KB or 100000 bytes, "
			    "at least 1 byte and at most 1024MB");
	c->cfg->max_file_size = (size_t)(v * units[i].factor);
	return 0;
}

/* type-field: NAME, or none when only `types:` gives the type. */
static int read_type_field(struct ctx *c, const struct ynode *n)
{
	if (n->kind != YNODE_SCALAR || n->len == 0)
		return fail(c, n, "'type-field' must be the name of a front-matter field, or none");
	c->cfg->type_field = ynode_is(n, "none") ? NULL : n->text;
	return 0;
}

static int read_builtin_schemas(struct ctx *c, const struct ynode *n)
{
	if (ynode_is(n, "true") || ynode_is(n, "yes"))
		c->cfg->builtin_schemas = 1;
	else if (ynode_is(n, "false") || ynode_is(n, "no"))
		c->cfg->builtin_schemas = 0;
	else
		return fail(c, n, "'builtin-schemas' must be true or false");
	return 0;
}

/* id-year-months: a whole number of months, 0 to 12. */
static int read_id_year_months(struct ctx *c, const struct ynode *n)
{
	char *end = NULL;
	long v = n->kind == YNODE_SCALAR ? strtol(n->text, &end, 10) : -1;

	if (n->kind != YNODE_SCALAR || n->len == 0 || end == NULL || *end != '\0' || v < 0 ||
	    v > 12)
		return fail(c, n, "'id-year-months' must be a whole number of months from 0 to 12");
	c->cfg->id_year_months = (int)v;
	return 0;
}

static const struct {
	const char *key;
	int (*read)(struct ctx *c, const struct ynode *n);
} config_keys[] = {
    {"schemas", read_schemas},
    {"types", read_types},
    {"exclude", read_exclude},
    {"rules", read_rules},
    {"as-of", read_as_of},
    {"max-file-size", read_max_file_size},
    {"ignore", read_ignore},
    {"type-field", read_type_field},
    {"builtin-schemas", read_builtin_schemas},
    {"language", read_language},
    {"id-year-months", read_id_year_months},
};

#define NKEYS (sizeof config_keys / sizeof *config_keys)

static int read_key(struct ctx *c, const struct ynode *key, const struct ynode *value)
{
	const char *names[NKEYS + 1];
	char *list;
	size_t k;

	for (k = 0; k < NKEYS; k++)
		if (ynode_is(key, config_keys[k].key))
			return config_keys[k].read(c, value);
	for (k = 0; k < NKEYS; k++)
		names[k] = config_keys[k].key;
	names[NKEYS] = NULL;
	list = keys_list(names);
	fail(c, key, "unknown key '%s'; use %s", key->text, list);
	free(list);
	return -1;
}

/* Sets cfg->dir to the folder of path as written, with a final slash ("" for
 * the current folder), so that schema folders are named the way the user
 * named the configuration. */
static void set_dir(struct config *cfg, const char *path)
{
	const char *slash = strrchr(path, '/');

	cfg->dir = slash ? arena_strndup(cfg->arena, path, (size_t)(slash - path + 1)) : "";
}

/* Sets cfg->root to the absolute folder holding path. */
static void set_root(struct config *cfg, const char *path)
{
	char real[PATH_MAX], *slash;

	if (realpath(path, real) == NULL)
		return;
	slash = strrchr(real, '/');
	if (slash == real)
		slash[1] = '\0';
	else if (slash != NULL)
		*slash = '\0';
	cfg->root = arena_strdup(cfg->arena, real);
}

int config_load(struct config *cfg, const char *path, struct config_error *err)
{
	size_t len;
	struct read_error rerr;
	char *text = read_file(path, READ_LIMIT_DEFAULT, &len, &rerr);
	int rc;

	if (text == NULL)
		return config_error_set(err, path, 0, 0, "cannot read: %s", rerr.message);
	set_root(cfg, path);
	rc = config_load_text(cfg, path, text, len, err);
	free(text);
	return rc;
}

int config_load_text(struct config *cfg, const char *path, const char *text, size_t len,
		     struct config_error *err)
{
	struct ctx c = {path, cfg->arena, err, cfg};
	struct yerror yerr;
	const struct ynode *root;
	struct ydup dup;
	size_t i;

	cfg->file = arena_strdup(cfg->arena, path);
	set_dir(cfg, path);
	root = ytree_parse(cfg->arena, text, len, 0, &yerr);
	if (root == NULL && yerr.message[0] != '\0')
		return config_error_set(err, path, yerr.line ? yerr.line : 1,
					yerr.col ? yerr.col : 1, "not valid YAML: %s%s%s",
					yerr.message, yerr.hint[0] ? "; " : "", yerr.hint);
	if (root == NULL)
		return 0; /* an empty file configures nothing */
	if (root->kind != YNODE_MAP)
		return fail(&c, root,
			    "the configuration must be a mapping of keys such as 'rules:'");
	if (ytree_find_duplicate(root, &dup))
		return fail(&c, dup.key, "'%s' is given twice (first on line %d)", dup.key->text,
			    dup.first->line);
	for (i = 0; i + 1 < root->n; i += 2)
		if (read_key(&c, root->items[i], root->items[i + 1]) != 0)
			return -1;
	return 0;
}

void config_set_root(struct config *cfg, const char *root)
{
	cfg->root = arena_strdup(cfg->arena, root);
}

int config_check_types(const struct config *cfg, const struct schema_set *set,
		       struct config_error *err)
{
	size_t i;

	for (i = 0; i < cfg->ntypes; i++)
		if (schema_set_find(set, cfg->types[i].type) == NULL)
			return config_error_set(
			    err, cfg->file, cfg->types[i].line, cfg->types[i].col,
			    "unknown record type '%s'; no schema defines it", cfg->types[i].type);
	return 0;
}

/* Returns real (an absolute real path) relative to the folder dir (also
 * absolute and real): "" for dir itself, "a/b" below it, NULL elsewhere. */
static const char *below(const char *real, const char *dir)
{
	size_t n = strlen(dir);

	if (strcmp(real, dir) == 0)
		return "";
	if (strncmp(real, dir, n) == 0 && (real[n] == '/' || strcmp(dir, "/") == 0))
		return real + n + (real[n] == '/');
	return NULL;
}

char *config_relpath(const struct config *cfg, const char *path)
{
	char real[PATH_MAX], cwd[PATH_MAX], *slash;
	const char *rel;

	if (realpath(path, real) == NULL)
		return xstrdup(path);
	rel = below(real, cfg->root);
	if (rel != NULL)
		return xstrdup(rel);
	if (realpath(".", cwd) == NULL)
		return xstrdup(real);
	rel = below(real, cwd);
	if (rel != NULL)
		return xstrdup(rel);
	slash = strrchr(real, '/');
	*slash = '\0';
	return short_path(cwd, real[0] != '\0' ? real : "/", slash + 1);
}

const struct type_map *config_type_entry(const struct config *cfg, const char *relpath)
{
	size_t i;

	pattern_set_subject(relpath);
	for (i = 0; i < cfg->ntypes; i++)
		if (pattern_match(cfg->types[i].re, relpath, strlen(relpath)) == 1)
			return &cfg->types[i];
	return NULL;
}

const char *config_type_for(const struct config *cfg, const char *relpath)
{
	const struct type_map *t = config_type_entry(cfg, relpath);

	return t != NULL ? t->type : NULL;
}

int config_excluded(const struct config *cfg, const char *relpath)
{
	size_t i;

	pattern_set_subject(relpath);
	for (i = 0; i < cfg->nexclude; i++)
		if (pattern_match(cfg->exclude[i], relpath, strlen(relpath)) == 1)
			return 1;
	return 0;
}

int config_ignores(const struct config *cfg, const char *relpath, enum rule_id rule)
{
	size_t i;

	for (i = 0; i < cfg->nignore; i++)
		if (cfg->ignore[i].rules[rule] &&
		    pattern_match(cfg->ignore[i].re, relpath, strlen(relpath)) == 1)
			return 1;
	return 0;
}

void config_free(struct config *cfg)
{
	size_t i;

	for (i = 0; i < cfg->nignore; i++)
		pcre2_code_free(cfg->ignore[i].re);

	for (i = 0; i < cfg->ntypes; i++)
		pcre2_code_free(cfg->types[i].re);
	for (i = 0; i < cfg->nexclude; i++)
		pcre2_code_free(cfg->exclude[i]);
	arena_free(cfg->arena);
	memset(cfg, 0, sizeof *cfg);
}
