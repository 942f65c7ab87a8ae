/* SPDX-License-Identifier: EUPL-1.2 */
/* config.h - the records repository's .clerk.yml.
 *
 * Found by walking up from the paths checked (see project.h). It names extra schema
 * folders, maps path globs to record types, excludes paths, overrides rule
 * severities and fixes the reference date. Every mistake in it is a
 * configuration error with its own file:line (exit code 2). */
#ifndef CLERK_CONFIG_H
#define CLERK_CONFIG_H

#include <stddef.h>

#include "diag.h"
#include "schema.h"

struct arena;

struct type_map {
	pcre2_code *re;
	const char *glob;
	const char *type;
	int line, col;
};

/* A baseline entry of `ignore:`: findings of these rules in files matching
 * the glob are dropped after all rules ran (old records never edited again). */
struct ignore_entry {
	pcre2_code *re;
	const char *glob;
	unsigned char rules[RULE_COUNT]; /* 1 for each rule ignored */
	const char *reason;
	int line;
};

struct config {
	struct arena *arena;
	const char *file;         /* the .clerk.yml read, or NULL */
	const char *root;         /* absolute folder globs are relative to */
	const char *dir;          /* its folder as written: "" or ending in a slash */
	const char **schema_dirs; /* resolved against dir */
	size_t nschema_dirs;
	struct type_map *types;
	size_t ntypes;
	pcre2_code **exclude;
	size_t nexclude;
	struct ignore_entry *ignore;
	size_t nignore;
	enum severity severity[RULE_COUNT];
	int severity_line[RULE_COUNT]; /* where .clerk.yml sets it; 0 when it does not */
	char as_of[11];                /* YYYY-MM-DD, or "" when not set */
	int as_of_line;
	size_t max_file_size; /* records larger than this are not read */
	/* type-field: the front-matter field naming a record's type ("type"),
	 * or NULL for none (the type then comes only from `types:`). */
	const char *type_field;
	int builtin_schemas; /* builtin-schemas: load the three built-in types */
	char language[3];    /* "nl", "en", or "" when not set */
	/* id-year-months: an id of the year before the record's date is usual
	 * only for records dated in the first this many months (default 3). */
	int id_year_months;
};

/* Sets defaults: no file, root = the current directory, catalogue severities. */
void config_init(struct config *cfg);
/* The names a configuration file may have; one folder holds at most one. */
#define CONFIG_NAMES                                                                               \
	{                                                                                          \
		".clerk.yml", ".clerk.yaml"                                                        \
	}
/* Looks for .clerk.yml or .clerk.yaml in the folder of start (a file or
 * folder) and then in each folder above it. Returns a malloc'd path,
 * short and relative to the current directory when it can be, or NULL
 * when there is none or, with *rc = -1 and err, when the nearest folder
 * that has one has both (which one applies is not clear). */
char *config_find_from(const char *start, struct config_error *err, int *rc);
/* True when the last part of path is one of CONFIG_NAMES. */
int config_is_name(const char *path);
/* Reads the configuration file at path into cfg (initialised). Returns 0,
 * or -1 with err; either way cfg is freed with config_free. */
int config_load(struct config *cfg, const char *path, struct config_error *err);
/* The same on text already read (len bytes; --staged reads it from Git's
 * index); path names it in messages and gives the folder its paths are
 * relative to. cfg->root is left to the caller. */
int config_load_text(struct config *cfg, const char *path, const char *text, size_t len,
		     struct config_error *err);
void config_set_root(struct config *cfg, const char *root);
/* Checks that every mapped type has a schema; returns 0, or -1 with err. */
int config_check_types(const struct config *cfg, const struct schema_set *set,
		       struct config_error *err);
/* Returns path relative to the configuration's folder when it lies in it,
 * else relative to the current folder (with "../" steps, never "./"), so
 * that "EIPS", "./EIPS" and its absolute path all give the same result; the
 * path as written when it does not exist. malloc'd. */
char *config_relpath(const struct config *cfg, const char *path);
/* Returns the entry of `types:` whose glob matches relpath (owned by cfg),
 * or NULL. */
const struct type_map *config_type_entry(const struct config *cfg, const char *relpath);
/* Returns the type the configuration gives relpath, or NULL. */
const char *config_type_for(const struct config *cfg, const char *relpath);
/* True when relpath (relative to cfg->root) is excluded. */
int config_excluded(const struct config *cfg, const char *relpath);
/* True when an `ignore:` entry drops findings of rule in relpath. */
int config_ignores(const struct config *cfg, const char *relpath, enum rule_id rule);
void config_free(struct config *cfg);

#endif
