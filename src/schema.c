/* schema.c - reading schema files into struct schema, checking every key.
 *
 * A schema is read from the positioned YAML tree of load_yaml.c, so every
 * mistake in it is reported with the schema file's own line and column. */
#include "schema.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "load_yaml.h"
#include "util.h"

struct ctx {
	const char *file;
	struct arena *arena;
	struct config_error *err;
};

/* The names of the field types, indexed by enum field_type. */
static const char *const type_names[] = {"string", "integer", "date", "duration",
					 "enum",   "url",     "list", "ref"};

/* Records an error at node (or line 1) and returns -1. */
static int fail(struct ctx *c, const struct ynode *node, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int fail(struct ctx *c, const struct ynode *node, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	config_error_vset(c->err, c->file, node ? node->line : 1, node ? node->col : 1, fmt, ap);
	va_end(ap);
	return -1;
}

int config_error_vset(struct config_error *err, const char *file, int line, int col,
		      const char *fmt, va_list ap)
{
	snprintf(err->file, sizeof err->file, "%s", file);
	err->line = line;
	err->col = col;
	vsnprintf(err->message, sizeof err->message, fmt, ap);
	return -1;
}

int config_error_set(struct config_error *err, const char *file, int line, int col, const char *fmt,
		     ...)
{
	va_list ap;

	va_start(ap, fmt);
	config_error_vset(err, file, line, col, fmt, ap);
	va_end(ap);
	return -1;
}

/* Fails unless every key of map is in allowed (a NULL-terminated list). */
static int check_keys(struct ctx *c, const struct ynode *map, const char *what,
		      const char *const *allowed)
{
	size_t i, k;

	for (i = 0; i + 1 < map->n; i += 2) {
		for (k = 0; allowed[k] != NULL; k++)
			if (ynode_is(map->items[i], allowed[k]))
				break;
		if (allowed[k] == NULL)
			return fail(c, map->items[i], "unknown key '%s' in %s", map->items[i]->text,
				    what);
	}
	return 0;
}

static int want_kind(struct ctx *c, const struct ynode *n, enum ynode_kind kind, const char *what)
{
	static const char *const kinds[] = {"a single value", "a list", "a mapping of keys"};

	if (n->kind != kind)
		return fail(c, n, "%s must be %s", what, kinds[kind]);
	return 0;
}

static int get_string(struct ctx *c, const struct ynode *n, const char *what, const char **out)
{
	if (want_kind(c, n, YNODE_SCALAR, what) != 0)
		return -1;
	*out = n->text;
	return 0;
}

static int get_bool(struct ctx *c, const struct ynode *n, const char *what, int *out)
{
	if (ynode_is(n, "true") || ynode_is(n, "yes")) {
		*out = 1;
		return 0;
	}
	if (ynode_is(n, "false") || ynode_is(n, "no")) {
		*out = 0;
		return 0;
	}
	return fail(c, n, "%s must be true or false", what);
}

static int get_long(struct ctx *c, const struct ynode *n, const char *what, long *out)
{
	char *end;

	if (n->kind == YNODE_SCALAR && n->len > 0) {
		errno = 0;
		*out = strtol(n->text, &end, 10);
		if (*end == '\0' && errno == 0)
			return 0;
	}
	return fail(c, n, "%s must be a whole number", what);
}

/* A list of strings, given as a YAML sequence or as one value. */
static int get_strings(struct ctx *c, const struct ynode *n, const char *what, const char ***out,
		       size_t *count)
{
	size_t i;

	if (n->kind == YNODE_SCALAR) {
		*out = arena_alloc(c->arena, sizeof **out);
		(*out)[0] = n->text;
		*count = 1;
		return 0;
	}
	if (want_kind(c, n, YNODE_SEQ, what) != 0)
		return -1;
	*out = arena_alloc(c->arena, (n->n ? n->n : 1) * sizeof **out);
	for (i = 0; i < n->n; i++)
		if (get_string(c, n->items[i], what, &(*out)[i]) != 0)
			return -1;
	*count = n->n;
	return 0;
}

static int compile(struct ctx *c, const struct ynode *n, const char *src, unsigned flags,
		   pcre2_code **out)
{
	char msg[256];
	size_t offset = 0;

	*out = pattern_compile(src, flags, msg, sizeof msg, &offset);
	if (*out == NULL)
		return fail(c, n, "pattern '%s' does not compile: %s (at character %zu)", src, msg,
			    offset + 1);
	pattern_set_origin(*out, c->file, n->line, n->col);
	return 0;
}

static int parse_type(struct ctx *c, const struct ynode *n, enum field_type *out)
{
	char *list;
	size_t i;

	for (i = 0; i < sizeof type_names / sizeof *type_names; i++)
		if (ynode_is(n, type_names[i])) {
			*out = (enum field_type)i;
			return 0;
		}
	list = join_words(type_names, sizeof type_names / sizeof *type_names, "", " or ");
	fail(c, n, "unknown field type '%s'; use %s", n->text, list);
	free(list);
	return -1;
}

static int parse_condition(struct ctx *c, const struct ynode *n, struct condition **out)
{
	static const char *const keys[] = {"field", "equals", NULL};
	const struct ynode *v;
	struct condition *cond;

	if (want_kind(c, n, YNODE_MAP, "required-if") != 0 ||
	    check_keys(c, n, "required-if", keys) != 0)
		return -1;
	cond = arena_alloc(c->arena, sizeof *cond);
	v = ynode_get(n, "field");
	if (v == NULL)
		return fail(c, n, "required-if needs a 'field'");
	if (get_string(c, v, "required-if field", &cond->field) != 0)
		return -1;
	cond->line = v->line;
	cond->col = v->col;
	v = ynode_get(n, "equals");
	if (v != NULL &&
	    get_strings(c, v, "required-if equals", &cond->values, &cond->nvalues) != 0)
		return -1;
	if (v != NULL && cond->nvalues == 0)
		return fail(c, v, "required-if 'equals' needs at least one value");
	*out = cond;
	return 0;
}

/* ---------------------------------------------------------------- fields */

static int parse_field_key(struct ctx *c, struct field_spec *f, const struct ynode *key,
			   const struct ynode *v)
{
	const char *s;

	if (ynode_is(key, "type"))
		return parse_type(c, v, &f->type);
	if (ynode_is(key, "items"))
		return parse_type(c, v, &f->item_type);
	if (ynode_is(key, "description"))
		return get_string(c, v, "description", &f->description);
	if (ynode_is(key, "required"))
		return get_bool(c, v, "required", &f->required);
	if (ynode_is(key, "required-if"))
		return parse_condition(c, v, &f->required_if);
	if (ynode_is(key, "values"))
		return get_strings(c, v, "values", &f->values, &f->nvalues);
	if (ynode_is(key, "aliases"))
		return get_strings(c, v, "aliases", &f->aliases, &f->naliases);
	if (ynode_is(key, "keywords"))
		return get_strings(c, v, "keywords", &f->keywords, &f->nkeywords);
	if (ynode_is(key, "targets")) {
		f->targets_node = v;
		return get_strings(c, v, "targets", &f->targets, &f->ntargets);
	}
	if (ynode_is(key, "default"))
		return get_string(c, v, "default", &f->default_value);
	if (ynode_is(key, "min")) {
		f->has_min = 1;
		return get_long(c, v, "min", &f->min);
	}
	if (ynode_is(key, "max")) {
		f->has_max = 1;
		return get_long(c, v, "max", &f->max);
	}
	if (ynode_is(key, "min-items")) {
		f->has_min_items = 1;
		return get_long(c, v, "min-items", &f->min_items);
	}
	if (ynode_is(key, "max-items")) {
		f->has_max_items = 1;
		return get_long(c, v, "max-items", &f->max_items);
	}
	if (ynode_is(key, "pattern")) {
		if (get_string(c, v, "pattern", &s) != 0)
			return -1;
		f->pattern_src = s;
		return compile(c, v, s, 0, &f->pattern);
	}
	return fail(
	    c, key,
	    "unknown key '%s' in field '%s'; use type, items, description, aliases, required, "
	    "required-if, values, keywords, targets, default, min, max, min-items, "
	    "max-items or pattern",
	    key->text, f->name);
}

/* Checks that the keys given fit the field's type. */
static int check_field(struct ctx *c, const struct ynode *n, const struct field_spec *f)
{
	enum field_type t = f->type == FT_LIST ? f->item_type : f->type;

	if (t == FT_ENUM && f->nvalues == 0)
		return fail(c, n, "field '%s' is an enum but has no 'values'", f->name);
	if (t == FT_REF && f->ntargets == 0)
		return fail(c, n, "field '%s' is a ref but has no 'targets'", f->name);
	if (f->item_type == FT_LIST)
		return fail(c, n, "field '%s': a list cannot hold lists", f->name);
	if ((f->has_min || f->has_max) && t != FT_INTEGER)
		return fail(c, n, "field '%s': min and max need type integer", f->name);
	if (f->has_min && f->has_max && f->min > f->max)
		return fail(c, n, "field '%s': min is larger than max", f->name);
	if (f->has_min_items && f->has_max_items && f->min_items > f->max_items)
		return fail(c, n, "field '%s': min-items is larger than max-items", f->name);
	if ((f->has_min_items || f->has_max_items) && f->type != FT_LIST)
		return fail(c, n, "field '%s': min-items and max-items need type list", f->name);
	return 0;
}

static int parse_field(struct ctx *c, const struct ynode *key, const struct ynode *v,
		       struct field_spec *f)
{
	size_t i;

	if (key->kind != YNODE_SCALAR)
		return fail(c, key, "a field name must be a single word");
	f->name = key->text;
	f->line = key->line;
	f->col = key->col;
	f->item_type = FT_STRING;
	if (v->kind == YNODE_SCALAR) {
		if (parse_type(c, v, &f->type) != 0)
			return -1;
		return check_field(c, v, f);
	}
	if (want_kind(c, v, YNODE_MAP, "a field") != 0)
		return -1;
	if (ynode_get(v, "type") == NULL)
		return fail(c, v, "field '%s' needs a 'type'", f->name);
	for (i = 0; i + 1 < v->n; i += 2)
		if (parse_field_key(c, f, v->items[i], v->items[i + 1]) != 0)
			return -1;
	return check_field(c, v, f);
}

static int parse_fields(struct ctx *c, struct schema *s, const struct ynode *n)
{
	size_t i;

	if (want_kind(c, n, YNODE_MAP, "fields") != 0)
		return -1;
	s->nfields = ynode_pairs(n);
	s->fields = arena_alloc(c->arena, (s->nfields ? s->nfields : 1) * sizeof *s->fields);
	for (i = 0; i < s->nfields; i++)
		if (parse_field(c, n->items[2 * i], n->items[2 * i + 1], &s->fields[i]) != 0)
			return -1;
	return 0;
}

/* A list of lists of field names, each naming fields the schema defines. */
static int parse_groups(struct ctx *c, const struct schema *s, const struct ynode *n,
			const char *what, struct field_group **out, size_t *count)
{
	size_t i, k;

	if (want_kind(c, n, YNODE_SEQ, what) != 0)
		return -1;
	*out = arena_alloc(c->arena, (n->n ? n->n : 1) * sizeof **out);
	for (i = 0; i < n->n; i++) {
		if (want_kind(c, n->items[i], YNODE_SEQ, what) != 0 ||
		    get_strings(c, n->items[i], what, &(*out)[i].names, &(*out)[i].n) != 0)
			return -1;
		if ((*out)[i].n < 2)
			return fail(c, n->items[i], "each entry of %s names at least two fields",
				    what);
		for (k = 0; k < (*out)[i].n; k++)
			if (schema_field(s, (*out)[i].names[k]) == NULL)
				return fail(c, n->items[i]->items[k],
					    "%s names field '%s', which the "
					    "schema does not define",
					    what, (*out)[i].names[k]);
	}
	*count = n->n;
	return 0;
}

/* -------------------------------------------------------------- sections */

/* Appends name as a pattern: letters literal, spaces flexible, any apostrophe. */
static void add_name(struct buf *b, const char *name)
{
	const unsigned char *p;

	for (p = (const unsigned char *)name; *p != '\0'; p++) {
		if (*p == ' ')
			buf_puts(b, "\\s+");
		else if (*p == '\'')
			buf_puts(b, "['\u2019\u2018`]");
		else if (*p >= 0x80 || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
			 (*p >= '0' && *p <= '9'))
			buf_add(b, (const char *)p, 1);
		else
			buf_printf(b, "\\%c", *p);
	}
}

/* Compiles a heading pattern: optional numbering and article, then body
 * (one of the names, or the schema's own pattern), then anything after a
 * word end. */
static int compile_heading(struct ctx *c, const struct ynode *n, const char *body, pcre2_code **out)
{
	char *src =
	    xasprintf("^\\s*+(?:\\d++(?:\\.\\d++)*+[.)]?+\\s++)?(?:(?:de|het|the|een|a|an)\\s++)?"
		      "(?:%s)(?![\\p{L}\\p{N}])",
		      body);
	int rc = compile(c, n, src, PCRE2_CASELESS, out);

	free(src);
	return rc;
}

static int build_section_match(struct ctx *c, const struct ynode *n, struct section_spec *sec,
			       const char *own, const struct ynode *own_node)
{
	struct buf b = {0};
	size_t i;
	int rc = 0;

	for (i = 0; i < sec->nnames; i++) {
		if (i > 0)
			buf_puts(&b, "|");
		add_name(&b, sec->names[i]);
	}
	if (sec->nnames > 0)
		rc = compile_heading(c, n, b.data, &sec->match);
	if (rc == 0 && own != NULL)
		rc = compile_heading(c, own_node, own, &sec->pattern);
	buf_free(&b);
	return rc;
}

static int parse_section(struct ctx *c, const struct ynode *n, struct section_spec *sec)
{
	static const char *const keys[] = {"title",       "names",           "pattern", "required",
					   "required-if", "decision-points", NULL};
	const struct ynode *v;
	const char *own = NULL;
	const struct ynode *own_node = NULL;
	pcre2_code *probe;

	if (want_kind(c, n, YNODE_MAP, "a section") != 0 ||
	    check_keys(c, n, "a section", keys) != 0)
		return -1;
	v = ynode_get(n, "title");
	if (v == NULL)
		return fail(c, n, "a section needs a 'title'");
	if (get_string(c, v, "title", &sec->title) != 0)
		return -1;
	v = ynode_get(n, "names");
	if (v != NULL && get_strings(c, v, "names", &sec->names, &sec->nnames) != 0)
		return -1;
	v = ynode_get(n, "pattern");
	own_node = v;
	if (v != NULL) {
		if (get_string(c, v, "pattern", &own) != 0 || compile(c, v, own, 0, &probe) != 0)
			return -1;
		pcre2_code_free(probe); /* reports the pattern's own errors at its place */
	}
	if (sec->nnames == 0 && own == NULL) {
		sec->names = &sec->title;
		sec->nnames = 1;
	}
	v = ynode_get(n, "required");
	if (v != NULL && get_bool(c, v, "required", &sec->required) != 0)
		return -1;
	v = ynode_get(n, "required-if");
	if (v != NULL && parse_condition(c, v, &sec->required_if) != 0)
		return -1;
	v = ynode_get(n, "decision-points");
	if (v != NULL && get_bool(c, v, "decision-points", &sec->decision_points) != 0)
		return -1;
	return build_section_match(c, n, sec, own, own_node);
}

static int parse_sections(struct ctx *c, struct schema *s, const struct ynode *n)
{
	size_t i;

	if (want_kind(c, n, YNODE_SEQ, "sections") != 0)
		return -1;
	s->nsections = n->n;
	s->sections = arena_alloc(c->arena, (n->n ? n->n : 1) * sizeof *s->sections);
	for (i = 0; i < n->n; i++)
		if (parse_section(c, n->items[i], &s->sections[i]) != 0)
			return -1;
	return 0;
}

/* ---------------------------------------------------------------- schema */

/* Reads a '{name:N}' template (template.c) at n into *out. */
static int get_template(struct ctx *c, const struct ynode *n, const char *what,
			struct template *out)
{
	const char *src;
	char msg[256];

	if (get_string(c, n, what, &src) != 0)
		return -1;
	if (template_parse(c->arena, src, out, msg, sizeof msg) != 0)
		return fail(c, n, "%s: %s", what, msg);
	return 0;
}

static int parse_id(struct ctx *c, struct schema *s, const struct ynode *n)
{
	static const char *const keys[] = {"field",          "pattern",  "example",
					   "year-tolerance", "template", NULL};
	const struct ynode *v;
	long tolerance;

	if (want_kind(c, n, YNODE_MAP, "id") != 0 || check_keys(c, n, "id", keys) != 0)
		return -1;
	v = ynode_get(n, "year-tolerance");
	if (v != NULL &&
	    (get_long(c, v, "year-tolerance", &tolerance) != 0 || tolerance < 0 || tolerance > 100))
		return fail(c, v, "year-tolerance must be a whole number of years from 0 to 100");
	if (v != NULL)
		s->id_year_tolerance = (int)tolerance;
	v = ynode_get(n, "field");
	if (v != NULL && get_string(c, v, "id field", &s->id_field) != 0)
		return -1;
	v = ynode_get(n, "example");
	if (v != NULL && get_string(c, v, "id example", &s->id_example) != 0)
		return -1;
	v = ynode_get(n, "template");
	if (v != NULL && get_template(c, v, "id template", &s->id_template) != 0)
		return -1;
	v = ynode_get(n, "pattern");
	if (v == NULL)
		return 0;
	if (get_string(c, v, "id pattern", &s->id_pattern_src) != 0)
		return -1;
	return compile(c, v, s->id_pattern_src, 0, &s->id_pattern);
}

static int parse_level(struct ctx *c, struct schema *s, const struct ynode *n)
{
	long level;

	if (ynode_is(n, "auto")) {
		s->section_level = 0;
		return 0;
	}
	if (get_long(c, n, "section-level", &level) != 0 || level < 1 || level > 6)
		return fail(c, n, "section-level must be auto or a number from 1 to 6");
	s->section_level = (int)level;
	return 0;
}

/* Checks that conditions name defined fields. */
static int check_condition(struct ctx *c, const struct schema *s, const struct condition *cond)
{
	struct ynode where = {0};

	if (cond == NULL || schema_field(s, cond->field) != NULL ||
	    strcmp(cond->field, s->id_field) == 0)
		return 0;
	where.line = cond->line;
	where.col = cond->col;
	return fail(c, &where, "required-if names field '%s', which the schema does not define",
		    cond->field);
}

/* True when name (len bytes) is a field, the id field or a named group of
 * the id pattern: a value a record always has for a template. */
static int known_name(const struct schema *s, const char *name)
{
	return schema_field(s, name) != NULL || strcmp(name, s->id_field) == 0 ||
	       (s->id_pattern != NULL &&
		pcre2_substring_number_from_name(s->id_pattern, (PCRE2_SPTR)name) >= 0);
}

/* Checks that each {name} of template t (the schema key what, at where) is
 * a field or a named group of the id pattern, or, when dates is set, {year}
 * or {seq}, so that the template can always be filled in. */
static int check_template(struct ctx *c, const struct schema *s, const struct template *t,
			  const struct ynode *where, const char *what, int dates)
{
	char name[80];
	size_t i;

	for (i = 0; i < t->n; i++) {
		if (!t->segs[i].placeholder)
			continue;
		snprintf(name, sizeof name, "%.*s", (int)t->segs[i].len, t->segs[i].text);
		if (known_name(s, name) ||
		    (dates && (strcmp(name, "year") == 0 || strcmp(name, "seq") == 0)))
			continue;
		return fail(c, where,
			    "%s uses {%s}, which is neither a field nor a named group of the id "
			    "pattern%s",
			    what, name, dates ? " nor {year} or {seq}" : "");
	}
	return 0;
}

/* The id template numbers within a year: it needs {seq}. */
static int check_id_template(struct ctx *c, const struct schema *s, const struct ynode *id)
{
	const struct ynode *where = ynode_get(id, "template");

	if (s->id_template.n == 0)
		return 0;
	if (!template_has(&s->id_template, "seq"))
		return fail(c, where, "the id template needs {seq}, the number that counts up");
	return check_template(c, s, &s->id_template, where, "the id template", 1);
}

static int check_file_name(struct ctx *c, const struct schema *s, const struct ynode *root)
{
	if (check_template(c, s, &s->file_name_tpl, ynode_get(root, "file-name"), "file-name", 0) !=
		0 ||
	    check_template(c, s, &s->path_template, ynode_get(root, "path"), "path", 1) != 0)
		return -1;
	return check_id_template(c, s, ynode_get(root, "id"));
}

static int check_schema(struct ctx *c, const struct schema *s, const struct ynode *root)
{
	size_t i;

	if (check_file_name(c, s, root) != 0)
		return -1;
	for (i = 0; i < s->nfields; i++)
		if (check_condition(c, s, s->fields[i].required_if) != 0)
			return -1;
	for (i = 0; i < s->nsections; i++)
		if (check_condition(c, s, s->sections[i].required_if) != 0)
			return -1;
	return 0;
}

/* ------------------------------------------------------- record roles */

/* Reads the field name at key of map into *out; it must be a field the
 * schema defines (or its id field). Absent: *out is left as it is. */
static int role_field(struct ctx *c, const struct schema *s, const struct ynode *map,
		      const char *key, const char **out)
{
	const struct ynode *v = ynode_get(map, key);

	if (v == NULL)
		return 0;
	if (get_string(c, v, key, out) != 0)
		return -1;
	if (schema_field(s, *out) == NULL && strcmp(*out, s->id_field) != 0)
		return fail(c, v, "%s names field '%s', which the schema does not define", key,
			    *out);
	return 0;
}

static int role_list(struct ctx *c, const struct ynode *map, const char *key, const char ***out,
		     size_t *n)
{
	const struct ynode *v = ynode_get(map, key);

	return v == NULL ? 0 : get_strings(c, v, key, out, n);
}

static int parse_lifecycle(struct ctx *c, struct schema *s, const struct ynode *n)
{
	static const char *const keys[] = {"status",     "date",       "in-force", "ended",
					   "superseded", "draft",      "start",    "end",
					   "term",       "supersedes", NULL};
	struct schema_lifecycle *l = &s->lifecycle;

	if (want_kind(c, n, YNODE_MAP, "lifecycle") != 0 ||
	    check_keys(c, n, "lifecycle", keys) != 0)
		return -1;
	l->line = n->line;
	l->col = n->col;
	if (role_field(c, s, n, "status", &l->status) != 0 ||
	    role_field(c, s, n, "date", &l->date) != 0 ||
	    role_field(c, s, n, "start", &l->start) != 0 ||
	    role_field(c, s, n, "end", &l->end) != 0 ||
	    role_field(c, s, n, "term", &l->term) != 0 ||
	    role_field(c, s, n, "supersedes", &l->supersedes) != 0)
		return -1;
	return role_list(c, n, "in-force", &l->in_force, &l->nin_force) != 0 ||
		       role_list(c, n, "ended", &l->ended, &l->nended) != 0 ||
		       role_list(c, n, "superseded", &l->superseded, &l->nsuperseded) != 0 ||
		       role_list(c, n, "draft", &l->draft, &l->ndraft) != 0
		   ? -1
		   : 0;
}

static int parse_reporting(struct ctx *c, struct schema *s, const struct ynode *n)
{
	static const char *const keys[] = {"interval", "reported-by", NULL};
	struct schema_reporting *r = &s->reporting;

	if (want_kind(c, n, YNODE_MAP, "reporting") != 0 ||
	    check_keys(c, n, "reporting", keys) != 0)
		return -1;
	r->line = n->line;
	r->col = n->col;
	if (role_field(c, s, n, "interval", &r->interval) != 0)
		return -1;
	return role_list(c, n, "reported-by", &r->reported_by, &r->nreported_by);
}

static int parse_series(struct ctx *c, struct schema *s, const struct ynode *n)
{
	static const char *const keys[] = {"field", "number", "next-report", NULL};
	struct schema_series *r = &s->series;

	if (want_kind(c, n, YNODE_MAP, "series") != 0 || check_keys(c, n, "series", keys) != 0)
		return -1;
	r->line = n->line;
	r->col = n->col;
	if (role_field(c, s, n, "field", &r->field) != 0 ||
	    role_field(c, s, n, "number", &r->number) != 0 ||
	    role_field(c, s, n, "next-report", &r->next_report) != 0)
		return -1;
	return 0;
}

static int top_name(struct ctx *c, struct schema *s, const struct ynode *n)
{
	return get_string(c, n, "name", &s->name);
}

static int top_title(struct ctx *c, struct schema *s, const struct ynode *n)
{
	return get_string(c, n, "title", &s->title);
}

static int top_description(struct ctx *c, struct schema *s, const struct ynode *n)
{
	const char *ignored;

	(void)s;
	return get_string(c, n, "description", &ignored);
}

static int top_file_name(struct ctx *c, struct schema *s, const struct ynode *n)
{
	if (get_template(c, n, "file-name", &s->file_name_tpl) != 0)
		return -1;
	s->file_name = s->file_name_tpl.src;
	return 0;
}

static int top_path(struct ctx *c, struct schema *s, const struct ynode *n)
{
	return get_template(c, n, "path", &s->path_template);
}

static int top_allow_unknown(struct ctx *c, struct schema *s, const struct ynode *n)
{
	return get_bool(c, n, "allow-unknown-fields", &s->allow_unknown);
}

static int top_one_of(struct ctx *c, struct schema *s, const struct ynode *n)
{
	return parse_groups(c, s, n, "exactly-one-of", &s->one_of, &s->n_one_of);
}

static int top_date_order(struct ctx *c, struct schema *s, const struct ynode *n)
{
	return parse_groups(c, s, n, "date-order", &s->date_order, &s->ndate_order);
}

static int top_ordered(struct ctx *c, struct schema *s, const struct ynode *n)
{
	return get_bool(c, n, "sections-ordered", &s->sections_ordered);
}

/* The top-level keys of a schema, in the order they are read: fields come
 * before the keys that refer to them. */
static const struct {
	const char *key;
	int (*read)(struct ctx *c, struct schema *s, const struct ynode *n);
} top_keys[] = {
    {"name", top_name},
    {"title", top_title},
    {"description", top_description},
    {"id", parse_id},
    {"file-name", top_file_name},
    {"path", top_path},
    {"allow-unknown-fields", top_allow_unknown},
    {"fields", parse_fields},
    {"exactly-one-of", top_one_of},
    {"date-order", top_date_order},
    {"sections", parse_sections},
    {"sections-ordered", top_ordered},
    {"section-level", parse_level},
    {"lifecycle", parse_lifecycle},
    {"reporting", parse_reporting},
    {"series", parse_series},
};

#define NTOP (sizeof top_keys / sizeof *top_keys)

static int parse_top(struct ctx *c, struct schema *s, const struct ynode *root)
{
	const char *allowed[NTOP + 1];
	const struct ynode *v;
	size_t i;

	for (i = 0; i < NTOP; i++)
		allowed[i] = top_keys[i].key;
	allowed[NTOP] = NULL;
	if (want_kind(c, root, YNODE_MAP, "a schema") != 0 ||
	    check_keys(c, root, "a schema", allowed) != 0)
		return -1;
	if (ynode_get(root, "name") == NULL)
		return fail(c, root, "a schema needs a 'name'");
	s->id_field = "id";
	s->lifecycle.status = "status";
	s->lifecycle.date = "date";
	s->id_year_tolerance = 1;
	for (i = 0; i < NTOP; i++) {
		v = ynode_get(root, top_keys[i].key);
		if (v != NULL && top_keys[i].read(c, s, v) != 0)
			return -1;
	}
	if (s->title == NULL)
		s->title = s->name;
	return check_schema(c, s, root);
}

/* Makes sure the id field is defined: a required string unless the schema says more. */
static void add_id_field(struct schema *s)
{
	struct field_spec *fields;

	if (schema_field(s, s->id_field) != NULL)
		return;
	fields = arena_alloc(s->arena, (s->nfields + 1) * sizeof *fields);
	if (s->nfields > 0)
		memcpy(fields + 1, s->fields, s->nfields * sizeof *fields);
	fields[0].name = s->id_field;
	fields[0].type = FT_STRING;
	fields[0].required = 1;
	s->fields = fields;
	s->nfields++;
}

struct schema *schema_parse(const char *file, const char *text, size_t len,
			    struct config_error *err)
{
	struct schema *s = xcalloc(1, sizeof *s);
	struct ctx c;
	struct yerror yerr;
	const struct ynode *root;
	struct ydup dup;

	s->arena = arena_new();
	s->file = arena_strdup(s->arena, file);
	c.file = file;
	c.arena = s->arena;
	c.err = err;
	root = ytree_parse(s->arena, text, len, 0, &yerr);
	if (root == NULL) {
		if (yerr.message[0] != '\0')
			config_error_set(err, file, yerr.line ? yerr.line : 1,
					 yerr.col ? yerr.col : 1, "not valid YAML: %s%s%s",
					 yerr.message, yerr.hint[0] ? "; " : "", yerr.hint);
		else
			config_error_set(err, file, 1, 1, "the schema file is empty");
		schema_free(s);
		return NULL;
	}
	if (ytree_find_duplicate(root, &dup)) {
		fail(&c, dup.key, "'%s' is given twice (first on line %d)", dup.key->text,
		     dup.first->line);
		schema_free(s);
		return NULL;
	}
	if (parse_top(&c, s, root) != 0) {
		schema_free(s);
		return NULL;
	}
	add_id_field(s);
	return s;
}

void schema_free(struct schema *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->nfields; i++)
		pcre2_code_free(s->fields[i].pattern);
	for (i = 0; i < s->nsections; i++) {
		pcre2_code_free(s->sections[i].match);
		pcre2_code_free(s->sections[i].pattern);
	}
	pcre2_code_free(s->id_pattern);
	arena_free(s->arena);
	free(s);
}

const struct field_spec *schema_field(const struct schema *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->nfields; i++)
		if (strcmp(s->fields[i].name, name) == 0)
			return &s->fields[i];
	return NULL;
}

int schema_section_match(const struct schema *s, const char *heading, size_t len)
{
	size_t i;

	/* Names first, so that "Toelichting op het besluit" is the Explanation
	 * even though a looser pattern elsewhere would take it. */
	for (i = 0; i < s->nsections; i++)
		if (s->sections[i].match != NULL &&
		    pattern_match(s->sections[i].match, heading, len) == 1)
			return (int)i;
	for (i = 0; i < s->nsections; i++)
		if (s->sections[i].pattern != NULL &&
		    pattern_match(s->sections[i].pattern, heading, len) == 1)
			return (int)i;
	return -1;
}

/* ------------------------------------------------------------ schema set */

void schema_set_put(struct schema_set *set, struct schema *s)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		if (strcmp(set->items[i]->name, s->name) == 0) {
			schema_free(set->items[i]);
			set->items[i] = s;
			return;
		}
	xgrow((void **)&set->items, &set->cap, set->n, sizeof *set->items);
	set->items[set->n++] = s;
}

int schema_set_add_builtin(struct schema_set *set, struct config_error *err)
{
	struct schema *s;
	size_t i;

	for (i = 0; i < builtin_schema_count; i++) {
		s = schema_parse(builtin_schemas[i].file, builtin_schemas[i].text,
				 strlen(builtin_schemas[i].text), err);
		if (s == NULL)
			return -1;
		schema_set_put(set, s);
	}
	return 0;
}

static int is_schema_file(const char *name)
{
	size_t n = strlen(name);

	return name[0] != '.' && ((n > 4 && strcmp(name + n - 4, ".yml") == 0) ||
				  (n > 5 && strcmp(name + n - 5, ".yaml") == 0));
}

static int add_file(struct schema_set *set, const char *path, struct config_error *err)
{
	struct schema *s;
	size_t len;
	struct read_error rerr;
	char *text = read_file(path, READ_LIMIT_DEFAULT, &len, &rerr);

	if (text == NULL)
		return config_error_set(err, path, 0, 0, "cannot read schema: %s", rerr.message);
	s = schema_parse(path, text, len, err);
	free(text);
	if (s == NULL)
		return -1;
	schema_set_put(set, s);
	return 0;
}

int schema_set_add_dir(struct schema_set *set, const char *dir, struct config_error *err)
{
	char **names = NULL, *path;
	size_t i, n = 0;
	int rc = 0;

	names = list_dir(dir, is_schema_file, &n);
	if (names == NULL)
		return config_error_set(err, dir, 0, 0, "cannot open schema folder: %s",
					strerror(errno));
	for (i = 0; i < n; i++) {
		path = xasprintf("%s/%s", dir, names[i]);
		if (rc == 0)
			rc = add_file(set, path, err);
		free(path);
		free(names[i]);
	}
	free(names);
	return rc;
}

const struct schema *schema_set_find(const struct schema_set *set, const char *name)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		if (strcmp(set->items[i]->name, name) == 0)
			return set->items[i];
	return NULL;
}

static int resolve_field(const struct schema_set *set, struct schema *s, struct field_spec *f,
			 struct config_error *err)
{
	const struct ynode *where;
	size_t k;

	if (f->ntargets == 0)
		return 0;
	f->target_schemas = arena_alloc(s->arena, f->ntargets * sizeof *f->target_schemas);
	for (k = 0; k < f->ntargets; k++) {
		f->target_schemas[k] = schema_set_find(set, f->targets[k]);
		if (f->target_schemas[k] == NULL) {
			where = f->targets_node->kind == YNODE_SEQ ? f->targets_node->items[k]
								   : f->targets_node;
			return config_error_set(
			    err, s->file, where->line, where->col,
			    "field '%s' refers to record type '%s', which no schema defines",
			    f->name, f->targets[k]);
		}
	}
	return 0;
}

int schema_set_resolve(struct schema_set *set, struct config_error *err)
{
	size_t i, k;

	for (i = 0; i < set->n; i++)
		for (k = 0; k < set->items[i]->nfields; k++)
			if (resolve_field(set, set->items[i], &set->items[i]->fields[k], err) != 0)
				return -1;
	return 0;
}

void schema_set_free(struct schema_set *set)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		schema_free(set->items[i]);
	free(set->items);
	set->items = NULL;
	set->n = set->cap = 0;
}
