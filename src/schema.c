/* SPDX-License-Identifier: EUPL-1.2 */
/* schema.c - reading schema files into struct schema, checking every key.
 *
 * A schema is read from the positioned YAML tree of load_yaml.c, so every
 * mistake in it is reported with the schema file's own line and column. */
#include "schema.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "i18n.h"
#include "load_yaml.h"
#include "util.h"
#include "yaml_ctx.h"

/* The names of the field types, indexed by enum field_type. */
static const char *const type_names[] = {"string", "integer", "date", "duration",
					 "enum",   "url",     "list", "ref"};

static int want_kind(struct ctx *c, const struct ynode *n, enum ynode_kind kind, const char *what)
{
	static const char *const kinds[] = {N_("a single value"), N_("a list"),
					    N_("a mapping of keys")};

	if (n->kind != kind)
		return fail(c, n, "%s must be %s", what, _(kinds[kind]));
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

	if (n->kind == YNODE_SCALAR && memchr(n->text, ',', n->len) != NULL)
		return fail(c, n,
			    "%s is one value with commas in it; write a list, such as [%s], or "
			    "each on a line of its own starting with '- '",
			    what, n->text);
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

/* One of a list of names, with its place in the list. */
struct named {
	const char *name;
	size_t index;
};

static int named_compare(const void *pa, const void *pb)
{
	const struct named *a = pa, *b = pb;
	int d = strcasecmp(a->name, b->name);

	if (d != 0)
		return d;
	return a->index < b->index ? -1 : a->index > b->index;
}

/* Returns the index of the first name (in list order) that an earlier one
 * repeats, letters compared without case, or n when there is none; in
 * O(n log n). *first is set to the index of the earlier one. */
static size_t find_repeat(const char *const *names, size_t n, size_t *first)
{
	struct named *v = xmalloc((n ? n : 1) * sizeof *v);
	size_t i, best = n;

	for (i = 0; i < n; i++) {
		v[i].name = names[i];
		v[i].index = i;
	}
	qsort(v, n, sizeof *v, named_compare);
	for (i = 1; i < n; i++)
		if (strcasecmp(v[i].name, v[i - 1].name) == 0 && v[i].index < best &&
		    (i < 2 || strcasecmp(v[i - 1].name, v[i - 2].name) != 0)) {
			best = v[i].index;
			*first = v[i - 1].index;
		}
	free(v);
	return best;
}

/* Fails when a name of the list at n (names read from it) is given twice. */
static int check_unique(struct ctx *c, const struct ynode *n, const char *what,
			const char *const *names, size_t count)
{
	size_t first = 0, k = find_repeat(names, count, &first);

	if (k == count)
		return 0;
	return fail(c, n->kind == YNODE_SEQ ? n->items[k] : n,
		    "%s: '%s' is given twice (also as item %zu of the list)", what, names[k],
		    first + 1);
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

/* ------------------------------------------------------------ conditions */

/* How deep all and any may nest: deeper is surely a mistake, and the
 * evaluation stays bounded. */
#define CONDITION_DEPTH 8

static const char *const condition_keys[] = {"field", "equals", "not-equals", "set",
					     "all",   "any",    NULL};

static int parse_cond(struct ctx *c, const struct ynode *n, const char *what, int depth,
		      struct condition *cond);

/* all: [...] or any: [...]: the list under key. */
static int parse_cond_group(struct ctx *c, const struct ynode *n, const char *what, int depth,
			    struct condition *cond)
{
	size_t i;

	if (depth >= CONDITION_DEPTH)
		return fail(c, n, "%s: 'all' and 'any' nest more than %d levels deep", what,
			    CONDITION_DEPTH);
	if (want_kind(c, n, YNODE_SEQ, what) != 0)
		return -1;
	if (n->n == 0)
		return fail(c, n, "%s: 'all' and 'any' need at least one condition", what);
	cond->items = arena_alloc(c->arena, n->n * sizeof *cond->items);
	cond->nitems = n->n;
	for (i = 0; i < n->n; i++)
		if (parse_cond(c, n->items[i], what, depth + 1, &cond->items[i]) != 0)
			return -1;
	return 0;
}

/* {field: F, equals: V}, {field: F, not-equals: V}, {field: F, set: B}, or
 * {field: F} alone, which means set: true. */
static int parse_cond_field(struct ctx *c, const struct ynode *n, const char *what,
			    struct condition *cond)
{
	const struct ynode *v = ynode_get(n, "field"), *eq = ynode_get(n, "equals"),
			   *ne = ynode_get(n, "not-equals"), *set = ynode_get(n, "set");

	if (v == NULL)
		return fail(c, n, "%s needs a 'field' (or 'all' or 'any')", what);
	if ((eq != NULL) + (ne != NULL) + (set != NULL) > 1)
		return fail(c, n, "%s: give only one of equals, not-equals and set", what);
	if (get_string(c, v, "the field of a condition", &cond->field) != 0)
		return -1;
	cond->line = v->line;
	cond->col = v->col;
	cond->kind = eq != NULL ? COND_EQUALS : ne != NULL ? COND_NOT_EQUALS : COND_SET;
	cond->set = 1;
	if (set != NULL)
		return get_bool(c, set, "set", &cond->set);
	v = eq != NULL ? eq : ne;
	if (v == NULL)
		return 0;
	if (get_strings(c, v, eq != NULL ? "equals" : "not-equals", &cond->values,
			&cond->nvalues) != 0)
		return -1;
	if (cond->nvalues == 0)
		return fail(c, v, "%s: '%s' needs at least one value", what,
			    eq ? "equals" : "not-equals");
	return 0;
}

static int parse_cond(struct ctx *c, const struct ynode *n, const char *what, int depth,
		      struct condition *cond)
{
	const struct ynode *all, *any;

	if (want_kind(c, n, YNODE_MAP, what) != 0 || check_keys(c, n, what, condition_keys) != 0)
		return -1;
	all = ynode_get(n, "all");
	any = ynode_get(n, "any");
	cond->line = n->line;
	cond->col = n->col;
	if (all == NULL && any == NULL)
		return parse_cond_field(c, n, what, cond);
	if (ynode_pairs(n) != 1)
		return fail(
		    c, n, "%s: 'all' or 'any' stands alone, with the conditions in its list", what);
	cond->kind = all != NULL ? COND_ALL : COND_ANY;
	return parse_cond_group(c, all != NULL ? all : any, what, depth, cond);
}

/* A condition of required-if (on a field or a section). */
static int parse_condition(struct ctx *c, const struct ynode *n, struct condition **out)
{
	*out = arena_alloc(c->arena, sizeof **out);
	return parse_cond(c, n, "required-if", 0, *out);
}

/* ---------------------------------------------------------------- fields */

/* synonyms: a mapping from an enum value or keyword to the words people
 * write for it (one word or a list), such as adopted: [vastgesteld]. */
static int parse_synonyms(struct ctx *c, struct field_spec *f, const struct ynode *n)
{
	const char **words;
	size_t i, k, nwords, total = 0;

	if (want_kind(c, n, YNODE_MAP, "synonyms") != 0)
		return -1;
	for (i = 0; i + 1 < n->n; i += 2)
		total += n->items[i + 1]->kind == YNODE_SEQ ? n->items[i + 1]->n : 1;
	f->synonyms = arena_alloc(c->arena, (total ? total : 1) * sizeof *f->synonyms);
	f->synonyms_line = n->line;
	f->synonyms_col = n->col;
	for (i = 0; i + 1 < n->n; i += 2) {
		if (n->items[i]->kind != YNODE_SCALAR)
			return fail(c, n->items[i], "each key of 'synonyms' must be one value");
		if (get_strings(c, n->items[i + 1], "synonyms", &words, &nwords) != 0)
			return -1;
		for (k = 0; k < nwords; k++) {
			f->synonyms[f->nsynonyms].word = words[k];
			f->synonyms[f->nsynonyms++].value = n->items[i]->text;
		}
	}
	return 0;
}

/* Checks that each synonym names one of the field's values or keywords. */
static int check_synonyms(struct ctx *c, const struct field_spec *f)
{
	struct ynode where = {0};
	size_t i, k;

	where.line = f->synonyms_line;
	where.col = f->synonyms_col;
	for (i = 0; i < f->nsynonyms; i++) {
		for (k = 0; k < f->nvalues && strcmp(f->values[k], f->synonyms[i].value) != 0; k++)
			;
		if (k < f->nvalues)
			continue;
		for (k = 0; k < f->nkeywords && strcmp(f->keywords[k], f->synonyms[i].value) != 0;
		     k++)
			;
		if (k == f->nkeywords)
			return fail(c, &where,
				    "synonyms of field '%s' name '%s', which is not one of its "
				    "values or keywords",
				    f->name, f->synonyms[i].value);
	}
	return 0;
}

/* The field types a key applies to, as bits 1 << enum field_type; a key
 * for single values applies as well to a list of such values. */
#define TYPE_BIT(t) (1u << (t))
#define ANY_TYPE    0xffu
#define TEXT_TYPES                                                                                 \
	(TYPE_BIT(FT_STRING) | TYPE_BIT(FT_INTEGER) | TYPE_BIT(FT_URL) | TYPE_BIT(FT_REF))

static int key_type(struct ctx *c, struct field_spec *f, const struct ynode *v)
{
	return parse_type(c, v, &f->type);
}

static int key_items(struct ctx *c, struct field_spec *f, const struct ynode *v)
{
	return parse_type(c, v, &f->item_type);
}

static int key_description(struct ctx *c, struct field_spec *f, const struct ynode *v)
{
	return get_string(c, v, "description", &f->description);
}

static int key_aliases(struct ctx *c, struct field_spec *f, const struct ynode *v)
{
	return get_strings(c, v, "aliases", &f->aliases, &f->naliases);
}

static int key_required(struct ctx *c, struct field_spec *f, const struct ynode *v)
{
	return get_bool(c, v, "required", &f->required);
}

static int key_required_if(struct ctx *c, struct field_spec *f, const struct ynode *v)
{
	return parse_condition(c, v, &f->required_if);
}

static int key_values(struct ctx *c, struct field_spec *f, const struct ynode *v)
{
	if (get_strings(c, v, "values", &f->values, &f->nvalues) != 0)
		return -1;
	return check_unique(c, v, "values", f->values, f->nvalues);
}

static int key_keywords(struct ctx *c, struct field_spec *f, const struct ynode *v)
{
	return get_strings(c, v, "keywords", &f->keywords, &f->nkeywords);
}

static int key_synonyms(struct ctx *c, struct field_spec *f, const struct ynode *v)
{
	return parse_synonyms(c, f, v);
}

static int key_targets(struct ctx *c, struct field_spec *f, const struct ynode *v)
{
	f->targets_node = v;
	return get_strings(c, v, "targets", &f->targets, &f->ntargets);
}

static int key_default(struct ctx *c, struct field_spec *f, const struct ynode *v)
{
	return get_string(c, v, "default", &f->default_value);
}

static int key_min(struct ctx *c, struct field_spec *f, const struct ynode *v)
{
	f->has_min = 1;
	return get_long(c, v, "min", &f->min);
}

static int key_max(struct ctx *c, struct field_spec *f, const struct ynode *v)
{
	f->has_max = 1;
	return get_long(c, v, "max", &f->max);
}

/* A count (items, characters): a whole number from 0. */
static int get_count(struct ctx *c, const struct ynode *v, const char *what, int *has, long *out)
{
	*has = 1;
	if (get_long(c, v, what, out) != 0)
		return -1;
	if (*out < 0)
		return fail(c, v, "%s must be 0 or more", what);
	return 0;
}

static int key_min_items(struct ctx *c, struct field_spec *f, const struct ynode *v)
{
	return get_count(c, v, "min-items", &f->has_min_items, &f->min_items);
}

static int key_max_items(struct ctx *c, struct field_spec *f, const struct ynode *v)
{
	return get_count(c, v, "max-items", &f->has_max_items, &f->max_items);
}

static int key_min_length(struct ctx *c, struct field_spec *f, const struct ynode *v)
{
	return get_count(c, v, "min-length", &f->has_min_length, &f->min_length);
}

static int key_max_length(struct ctx *c, struct field_spec *f, const struct ynode *v)
{
	return get_count(c, v, "max-length", &f->has_max_length, &f->max_length);
}

static int key_pattern(struct ctx *c, struct field_spec *f, const struct ynode *v)
{
	if (get_string(c, v, "pattern", &f->pattern_src) != 0)
		return -1;
	return compile(c, v, f->pattern_src, 0, &f->pattern);
}

static int key_message(struct ctx *c, struct field_spec *f, const struct ynode *v)
{
	return get_string(c, v, "message", &f->message);
}

static int parse_text_rules(struct ctx *c, const struct ynode *n, const char *what,
			    int with_severity, struct text_rule **out, size_t *count);

static int key_not_patterns(struct ctx *c, struct field_spec *f, const struct ynode *v)
{
	return parse_text_rules(c, v, "not-patterns", 0, &f->not_patterns, &f->nnot_patterns);
}

static int key_unique_items(struct ctx *c, struct field_spec *f, const struct ynode *v)
{
	return get_bool(c, v, "unique-items", &f->unique_items);
}

static int key_sorted_items(struct ctx *c, struct field_spec *f, const struct ynode *v)
{
	if (ynode_is(v, "text"))
		f->sorted_items = SORT_TEXT;
	else if (ynode_is(v, "number"))
		f->sorted_items = SORT_NUMBER;
	else
		return fail(c, v, "sorted-items must be text or number");
	return 0;
}

static int key_target_status(struct ctx *c, struct field_spec *f, const struct ynode *v)
{
	f->target_status_node = v;
	if (ynode_is(v, "not-behind")) {
		f->target_not_behind = 1;
		return 0;
	}
	if (v->kind == YNODE_SCALAR)
		return fail(c, v, "target-status must be not-behind or a list of statuses");
	return get_strings(c, v, "target-status", &f->target_status, &f->ntarget_status);
}

static int key_target_later(struct ctx *c, struct field_spec *f, const struct ynode *v)
{
	return get_bool(c, v, "target-later", &f->target_later);
}

/* The keys of a field: what each is called, which field types it applies
 * to, and its reader. */
static const struct field_key {
	const char *key;
	unsigned types;
	int (*parse)(struct ctx *c, struct field_spec *f, const struct ynode *v);
} field_keys[] = {
    {"type", ANY_TYPE, key_type},
    {"items", TYPE_BIT(FT_LIST), key_items},
    {"description", ANY_TYPE, key_description},
    {"aliases", ANY_TYPE, key_aliases},
    {"required", ANY_TYPE, key_required},
    {"required-if", ANY_TYPE, key_required_if},
    {"values", TYPE_BIT(FT_ENUM), key_values},
    {"keywords", ANY_TYPE, key_keywords},
    {"synonyms", TYPE_BIT(FT_ENUM) | TYPE_BIT(FT_DURATION), key_synonyms},
    {"targets", TYPE_BIT(FT_REF), key_targets},
    {"target-status", TYPE_BIT(FT_REF), key_target_status},
    {"target-later", TYPE_BIT(FT_REF), key_target_later},
    {"default", ANY_TYPE, key_default},
    {"min", TYPE_BIT(FT_INTEGER), key_min},
    {"max", TYPE_BIT(FT_INTEGER), key_max},
    {"min-items", TYPE_BIT(FT_LIST), key_min_items},
    {"max-items", TYPE_BIT(FT_LIST), key_max_items},
    {"unique-items", TYPE_BIT(FT_LIST), key_unique_items},
    {"sorted-items", TYPE_BIT(FT_LIST), key_sorted_items},
    {"min-length", TEXT_TYPES, key_min_length},
    {"max-length", TEXT_TYPES, key_max_length},
    {"pattern", TEXT_TYPES, key_pattern},
    {"not-patterns", TEXT_TYPES, key_not_patterns},
    {"message", TEXT_TYPES, key_message},
};

#define NFIELD_KEYS (sizeof field_keys / sizeof *field_keys)

static const struct field_key *find_field_key(const struct ynode *key)
{
	size_t i;

	for (i = 0; i < NFIELD_KEYS; i++)
		if (ynode_is(key, field_keys[i].key))
			return &field_keys[i];
	return NULL;
}

static int unknown_field_key(struct ctx *c, const struct field_spec *f, const struct ynode *key)
{
	const char *names[NFIELD_KEYS + 1];
	char *list;
	size_t i;

	for (i = 0; i < NFIELD_KEYS; i++)
		names[i] = field_keys[i].key;
	names[NFIELD_KEYS] = NULL;
	list = keys_list(names);
	fail(c, key, "unknown key '%s' in field '%s'; use %s", key->text, f->name, list);
	free(list);
	return -1;
}

/* Fails when key (of row k) does not apply to f's type: values on a
 * string, min-length on a date. */
static int check_applies(struct ctx *c, const struct field_spec *f, const struct ynode *key,
			 const struct field_key *k)
{
	const char *names[sizeof type_names / sizeof *type_names];
	char *list;
	size_t i, n = 0;

	if ((k->types & TYPE_BIT(f->type)) != 0 ||
	    (f->type == FT_LIST && (k->types & TYPE_BIT(f->item_type)) != 0))
		return 0;
	for (i = 0; i < sizeof type_names / sizeof *type_names; i++)
		if (k->types & TYPE_BIT(i))
			names[n++] = type_names[i];
	list = join_words(names, n, "", " or ");
	if (f->type == FT_LIST)
		fail(c, key,
		     "field '%s' is a list of %s, so '%s' does not apply to it; '%s' is for "
		     "fields of type %s",
		     f->name, type_names[f->item_type], k->key, k->key, list);
	else
		fail(c, key,
		     "field '%s' is of type %s, so '%s' does not apply to it; '%s' is for fields "
		     "of type %s",
		     f->name, type_names[f->type], k->key, k->key, list);
	free(list);
	return -1;
}

/* Checks that the keys given fit together. */
static int check_field(struct ctx *c, const struct ynode *n, const struct field_spec *f)
{
	enum field_type t = f->type == FT_LIST ? f->item_type : f->type;

	if (t == FT_ENUM && f->nvalues == 0)
		return fail(c, n, "field '%s' is an enum but has no 'values'", f->name);
	if (t == FT_REF && f->ntargets == 0)
		return fail(c, n, "field '%s' is a ref but has no 'targets'", f->name);
	if (f->item_type == FT_LIST)
		return fail(c, n, "field '%s': a list cannot hold lists", f->name);
	if (f->has_min && f->has_max && f->min > f->max)
		return fail(c, n, "field '%s': min is larger than max", f->name);
	if (f->has_min_items && f->has_max_items && f->min_items > f->max_items)
		return fail(c, n, "field '%s': min-items is larger than max-items", f->name);
	if (f->has_min_length && f->has_max_length && f->min_length > f->max_length)
		return fail(c, n, "field '%s': min-length is larger than max-length", f->name);
	if (f->message != NULL && f->pattern == NULL)
		return fail(c, n,
			    "field '%s': 'message' is said instead of the pattern, so it needs a "
			    "'pattern'",
			    f->name);
	return check_synonyms(c, f);
}

static int parse_field(struct ctx *c, const struct ynode *key, const struct ynode *v,
		       struct field_spec *f)
{
	const struct field_key *k;
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
	for (i = 0; i + 1 < v->n; i += 2) {
		k = find_field_key(v->items[i]);
		if (k == NULL)
			return unknown_field_key(c, f, v->items[i]);
		if (k->parse(c, f, v->items[i + 1]) != 0)
			return -1;
	}
	for (i = 0; i + 1 < v->n; i += 2)
		if (check_applies(c, f, v->items[i], find_field_key(v->items[i])) != 0)
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

/* Compiles a heading pattern, matched after the heading grammar's numbering
 * and article (schema_heading_skip): body (one of the names, or the
 * schema's own pattern), then anything after a word end. */
static int compile_heading(struct ctx *c, const struct ynode *n, const char *body, pcre2_code **out)
{
	char *src = xasprintf("^(?:%s)(?![\\p{L}\\p{N}])", body);
	int rc = compile(c, n, src, PCRE2_CASELESS, out);

	free(src);
	return rc;
}

/* Builds the patterns of a section; with match: exact its names are
 * compared as written and its own pattern is used as given. */
static int build_section_match(struct ctx *c, const struct ynode *n, struct section_spec *sec,
			       const char *own, const struct ynode *own_node)
{
	struct buf b = {0};
	size_t i;
	int rc = 0;

	if (sec->exact)
		return own == NULL ? 0 : compile(c, own_node, own, 0, &sec->pattern);
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

/* Reads a list of {pattern, message} (and severity when with_severity) for
 * must-contain and body-patterns. */
static int parse_text_rules(struct ctx *c, const struct ynode *n, const char *what,
			    int with_severity, struct text_rule **out, size_t *count)
{
	static const char *const keys[] = {"pattern", "message", "severity", NULL};
	static const char *const plain_keys[] = {"pattern", "message", NULL};
	const struct ynode *e, *v;
	struct text_rule *r;
	const char *src;
	size_t i;
	int sev;

	if (want_kind(c, n, YNODE_SEQ, what) != 0)
		return -1;
	*out = arena_alloc(c->arena, (n->n ? n->n : 1) * sizeof **out);
	for (i = 0; i < n->n; i++) {
		e = n->items[i];
		r = &(*out)[i];
		if (want_kind(c, e, YNODE_MAP, what) != 0 ||
		    check_keys(c, e, what, with_severity ? keys : plain_keys) != 0)
			return -1;
		v = ynode_get(e, "message");
		if (v == NULL)
			return fail(c, e, "each entry of %s needs a 'message': the words to show",
				    what);
		if (get_string(c, v, "message", &r->message) != 0)
			return -1;
		v = ynode_get(e, "pattern");
		if (v == NULL)
			return fail(c, e, "each entry of %s needs a 'pattern'", what);
		if (get_string(c, v, "pattern", &src) != 0 || compile(c, v, src, 0, &r->re) != 0)
			return -1;
		*count = i + 1;
		r->line = v->line;
		r->col = v->col;
		r->severity = SEV_ERROR;
		v = ynode_get(e, "severity");
		sev = v ? severity_parse(v->text) : SEV_ERROR;
		if (sev <= SEV_OFF || (v != NULL && v->kind != YNODE_SCALAR))
			return fail(c, v, "severity must be error, warning or info");
		r->severity = (enum severity)sev;
	}
	*count = n->n;
	return 0;
}

static int parse_match(struct ctx *c, const struct ynode *n, struct section_spec *sec)
{
	if (ynode_is(n, "exact"))
		sec->exact = 1;
	else if (!ynode_is(n, "tolerant"))
		return fail(c, n, "match must be exact or tolerant");
	return 0;
}

static int parse_section(struct ctx *c, const struct ynode *n, struct section_spec *sec)
{
	static const char *const keys[] = {
	    "title",       "names", "pattern",      "required",        "required-if",
	    "recommended", "match", "must-contain", "decision-points", NULL};
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
	v = ynode_get(n, "recommended");
	if (v != NULL && get_bool(c, v, "recommended", &sec->recommended) != 0)
		return -1;
	v = ynode_get(n, "match");
	if (v != NULL && parse_match(c, v, sec) != 0)
		return -1;
	v = ynode_get(n, "must-contain");
	if (v != NULL &&
	    parse_text_rules(c, v, "must-contain", 0, &sec->must_contain, &sec->nmust_contain) != 0)
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

/* id: {from: file-name, pattern: '...(?<id>...)...', example}: the id is
 * a named group of the file name. */
static int parse_id_from_name(struct ctx *c, struct schema *s, const struct ynode *n)
{
	static const char *const keys[] = {"from", "pattern", "example", NULL};
	const struct ynode *from = ynode_get(n, "from"), *v = ynode_get(n, "pattern");

	if (check_keys(c, n, "id with 'from: file-name'", keys) != 0)
		return -1;
	if (!ynode_is(from, "file-name"))
		return fail(c, from, "id 'from' must be file-name");
	if (v == NULL)
		return fail(c, n,
			    "an id taken from the file name needs a 'pattern' with a group "
			    "(?<id>...)");
	if (get_string(c, v, "id pattern", &s->id_name_pattern_src) != 0 ||
	    compile(c, v, s->id_name_pattern_src, 0, &s->id_name_pattern) != 0)
		return -1;
	if (pcre2_substring_number_from_name(s->id_name_pattern, (PCRE2_SPTR) "id") < 0)
		return fail(c, v, "the id pattern must have a named group (?<id>...) for the id");
	v = ynode_get(n, "example");
	return v == NULL ? 0 : get_string(c, v, "id example", &s->id_example);
}

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

/* id: assigned: clerk (the default: clerk new numbers by the template) or
 * external (another system hands out the numbers; clerk new asks for --id). */
static int parse_id_assigned(struct ctx *c, struct schema *s, const struct ynode *v)
{
	if (ynode_is(v, "external"))
		s->id_external = 1;
	else if (!ynode_is(v, "clerk"))
		return fail(c, v, "'assigned' must be clerk or external");
	return 0;
}

static int parse_id(struct ctx *c, struct schema *s, const struct ynode *n)
{
	static const char *const keys[] = {"field", "pattern",  "example",  "year-tolerance",
					   "from",  "template", "assigned", NULL};
	const struct ynode *v;
	long tolerance;

	if (want_kind(c, n, YNODE_MAP, "id") != 0)
		return -1;
	if (ynode_get(n, "from") != NULL)
		return parse_id_from_name(c, s, n);
	if (check_keys(c, n, "id", keys) != 0)
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
	v = ynode_get(n, "assigned");
	if (v != NULL && parse_id_assigned(c, s, v) != 0)
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

/* True when value is one of the enum f's values. */
static int has_value(const struct field_spec *f, const char *value)
{
	size_t i;

	for (i = 0; i < f->nvalues; i++)
		if (strcmp(f->values[i], value) == 0)
			return 1;
	return 0;
}

/* Checks that a condition names fields the schema defines and, for an
 * enum, compares with its values; all and any are checked part by part. */
static int check_condition(struct ctx *c, const struct schema *s, const struct condition *cond)
{
	const struct field_spec *f;
	struct ynode where = {0};
	size_t i;

	if (cond == NULL)
		return 0;
	for (i = 0; i < cond->nitems; i++)
		if (check_condition(c, s, &cond->items[i]) != 0)
			return -1;
	if (cond->kind == COND_ALL || cond->kind == COND_ANY)
		return 0;
	where.line = cond->line;
	where.col = cond->col;
	f = schema_field(s, cond->field);
	if (f == NULL && strcmp(cond->field, s->id_field) != 0)
		return fail(c, &where,
			    "a condition names field '%s', which the schema does not define",
			    cond->field);
	/* not-equals is left alone: a schema that extends another may change
	 * the values of a field that an inherited not-equals condition names. */
	for (i = 0;
	     f != NULL && f->type == FT_ENUM && cond->kind == COND_EQUALS && i < cond->nvalues; i++)
		if (!has_value(f, cond->values[i]))
			return fail(
			    c, &where,
			    "a condition compares field '%s' with '%s', which is not one of "
			    "its values",
			    cond->field, cond->values[i]);
	return 0;
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
			    what, name, dates ? _(" nor {year} or {seq}") : "");
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

/* Fails when a section name is given twice, in one section or in two
 * (letters compared without case); names are read from the schema as
 * written, for their places. */
static int check_section_names(struct ctx *c, const struct ynode *sections)
{
	const struct ynode **nodes, *names;
	const char **texts;
	size_t i, k, n = 0, total = 0, first = 0, at;
	int rc = 0;

	for (i = 0; sections != NULL && sections->kind == YNODE_SEQ && i < sections->n; i++) {
		names = ynode_get(sections->items[i], "names");
		total += names != NULL && names->kind == YNODE_SEQ ? names->n : 0;
	}
	if (total == 0)
		return 0;
	nodes = xmalloc(total * sizeof *nodes);
	texts = xmalloc(total * sizeof *texts);
	for (i = 0; i < sections->n; i++) {
		names = ynode_get(sections->items[i], "names");
		for (k = 0; names != NULL && names->kind == YNODE_SEQ && k < names->n; k++) {
			nodes[n] = names->items[k];
			texts[n++] = names->items[k]->text;
		}
	}
	at = find_repeat(texts, n, &first);
	if (at < n)
		rc = fail(c, nodes[at],
			  "the section name '%s' is given twice (first on line %d); a heading "
			  "can be only one section",
			  texts[at], nodes[first]->line);
	free(nodes);
	free(texts);
	return rc;
}

static int check_schema(struct ctx *c, const struct schema *s, const struct ynode *root)
{
	size_t i;

	if (check_file_name(c, s, root) != 0 ||
	    check_section_names(c, ynode_get(root, "sections")) != 0)
		return -1;
	for (i = 0; i < s->nfields; i++)
		if (check_condition(c, s, s->fields[i].required_if) != 0)
			return -1;
	for (i = 0; i < s->nsections; i++)
		if (check_condition(c, s, s->sections[i].required_if) != 0)
			return -1;
	for (i = 0; i < s->nseverity_if; i++)
		if (check_condition(c, s, s->severity_if[i].when) != 0)
			return -1;
	return check_condition(c, s, s->not_public);
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
					   "term",       "supersedes", "ended-on", NULL};
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
	    role_field(c, s, n, "ended-on", &l->ended_on) != 0 ||
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

static int top_aliases(struct ctx *c, struct schema *s, const struct ynode *n)
{
	return get_strings(c, n, "aliases", &s->aliases, &s->naliases);
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

static int top_fields_ordered(struct ctx *c, struct schema *s, const struct ynode *n)
{
	return get_bool(c, n, "fields-ordered", &s->fields_ordered);
}

/* The rules of a severity-if entry: names from the catalogue; all when absent. */
static int severity_if_rules(struct ctx *c, const struct ynode *n, struct severity_if *e)
{
	const char **names;
	size_t i, count;
	int rule;

	memset(e->rules, n == NULL, sizeof e->rules);
	if (n == NULL)
		return 0;
	if (get_strings(c, n, "rules", &names, &count) != 0)
		return -1;
	for (i = 0; i < count; i++) {
		rule = rule_lookup(names[i]);
		if (rule < 0)
			return fail(c, n->kind == YNODE_SEQ ? n->items[i] : n,
				    "severity-if: unknown rule '%s'; 'clerk rules' lists them",
				    names[i]);
		e->rules[rule] = 1;
	}
	return 0;
}

static int parse_severity_if_entry(struct ctx *c, const struct ynode *n, struct severity_if *e)
{
	static const char *const keys[] = {"when", "severity", "rules", NULL};
	const struct ynode *when = ynode_get(n, "when"), *sev = ynode_get(n, "severity");
	int level;

	if (want_kind(c, n, YNODE_MAP, "severity-if") != 0 ||
	    check_keys(c, n, "severity-if", keys) != 0)
		return -1;
	if (when == NULL || sev == NULL)
		return fail(c, n, "each entry of severity-if needs 'when' and 'severity'");
	level = sev->kind == YNODE_SCALAR ? severity_parse(sev->text) : -1;
	if (level < 0 || level == SEV_ERROR)
		return fail(c, sev, "the severity of severity-if must be warning, info or off");
	e->severity = (enum severity)level;
	e->when = arena_alloc(c->arena, sizeof *e->when);
	if (parse_cond(c, when, "the 'when' of severity-if", 0, e->when) != 0)
		return -1;
	return severity_if_rules(c, ynode_get(n, "rules"), e);
}

static int top_severity_if(struct ctx *c, struct schema *s, const struct ynode *n)
{
	size_t i;

	if (want_kind(c, n, YNODE_SEQ, "severity-if") != 0)
		return -1;
	s->severity_if = arena_alloc(c->arena, (n->n ? n->n : 1) * sizeof *s->severity_if);
	s->nseverity_if = n->n;
	for (i = 0; i < n->n; i++)
		if (parse_severity_if_entry(c, n->items[i], &s->severity_if[i]) != 0)
			return -1;
	return 0;
}

/* not-public-if: the condition under which a record is not public. */
static int top_not_public(struct ctx *c, struct schema *s, const struct ynode *n)
{
	s->not_public = arena_alloc(c->arena, sizeof *s->not_public);
	return parse_cond(c, n, "not-public-if", 0, s->not_public);
}

static int top_ordered(struct ctx *c, struct schema *s, const struct ynode *n)
{
	return get_bool(c, n, "sections-ordered", &s->sections_ordered);
}

static int top_extends(struct ctx *c, struct schema *s, const struct ynode *n)
{
	(void)c;
	(void)s;
	(void)n;
	return 0; /* read by schema_parse, applied by schema_set_resolve */
}

static int top_allow_unknown_sections(struct ctx *c, struct schema *s, const struct ynode *n)
{
	return get_bool(c, n, "allow-unknown-sections", &s->allow_unknown_sections);
}

static int top_body_patterns(struct ctx *c, struct schema *s, const struct ynode *n)
{
	return parse_text_rules(c, n, "body-patterns", 1, &s->body_patterns, &s->nbody_patterns);
}

/* The top-level keys of a schema, in the order they are read: fields come
 * before the keys that refer to them. */
static const struct {
	const char *key;
	int (*read)(struct ctx *c, struct schema *s, const struct ynode *n);
} top_keys[] = {
    {"name", top_name},
    {"extends", top_extends},
    {"title", top_title},
    {"aliases", top_aliases},
    {"description", top_description},
    {"id", parse_id},
    {"file-name", top_file_name},
    {"path", top_path},
    {"allow-unknown-fields", top_allow_unknown},
    {"fields", parse_fields},
    {"fields-ordered", top_fields_ordered},
    {"severity-if", top_severity_if},
    {"not-public-if", top_not_public},
    {"exactly-one-of", top_one_of},
    {"date-order", top_date_order},
    {"sections", parse_sections},
    {"sections-ordered", top_ordered},
    {"section-level", parse_level},
    {"allow-unknown-sections", top_allow_unknown_sections},
    {"body-patterns", top_body_patterns},
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
	s->type_field = "type";
	s->allow_unknown_sections = 1;
	for (i = 0; i < NTOP; i++) {
		v = ynode_get(root, top_keys[i].key);
		if (v != NULL && top_keys[i].read(c, s, v) != 0)
			return -1;
	}
	if (s->title == NULL)
		s->title = s->name;
	return check_schema(c, s, root);
}

/* Reads name and extends of a schema that extends another; the rest is
 * read when the set resolves it. */
static int read_extends(struct ctx *c, struct schema *s, const struct ynode *root)
{
	const struct ynode *v = ynode_get(root, "extends");

	if (v == NULL)
		return 0;
	if (root->kind != YNODE_MAP || ynode_get(root, "name") == NULL)
		return fail(c, root, "a schema needs a 'name'");
	if (get_string(c, ynode_get(root, "name"), "name", &s->name) != 0 ||
	    get_string(c, v, "extends", &s->extends) != 0)
		return -1;
	if (v->len == 0)
		return fail(c, v, "extends must name a record type");
	s->extends_node = v;
	return 0;
}

/* Makes sure the id field is defined: a required string unless the schema says more. */
static void add_id_field(struct schema *s)
{
	struct field_spec *fields;

	if (schema_field(s, s->id_field) != NULL || s->id_name_pattern != NULL)
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

/* Puts the schema's title, field descriptions and messages, the words messages use,
 * into the language of the messages. The built-in schemas' texts are in the
 * catalogue (Makefile: schema_texts.c); an organisation's own pass through
 * unchanged. Names that are matched (fields, sections) are never translated. */
static const char *translated(const char *text)
{
	return text != NULL && text[0] != '\0' ? _(text) : text;
}

static void translate_texts(struct schema *s)
{
	size_t i;

	s->title_msgid = s->title;
	s->title = translated(s->title);
	for (i = 0; i < s->nfields; i++) {
		s->fields[i].description = translated(s->fields[i].description);
		s->fields[i].message = translated(s->fields[i].message);
	}
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
	c.cfg = NULL;
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
	s->root = root;
	if (read_extends(&c, s, root) != 0 || (s->extends == NULL && parse_top(&c, s, root) != 0)) {
		schema_free(s);
		return NULL;
	}
	if (s->extends == NULL)
		add_id_field(s);
	translate_texts(s);
	return s;
}

static void free_text_rules(struct text_rule *r, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		pcre2_code_free(r[i].re);
}

void schema_free(struct schema *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->nfields; i++) {
		pcre2_code_free(s->fields[i].pattern);
		free_text_rules(s->fields[i].not_patterns, s->fields[i].nnot_patterns);
	}
	for (i = 0; i < s->nsections; i++) {
		pcre2_code_free(s->sections[i].match);
		pcre2_code_free(s->sections[i].pattern);
		free_text_rules(s->sections[i].must_contain, s->sections[i].nmust_contain);
	}
	free_text_rules(s->body_patterns, s->nbody_patterns);
	pcre2_code_free(s->id_pattern);
	pcre2_code_free(s->id_name_pattern);
	schema_free(s->base_owned);
	arena_free(s->arena);
	free(s);
}

char *schema_id_from_file_name(const struct schema *s, const char *path)
{
	const char *base = strrchr(path, '/');
	char id[256];

	base = base ? base + 1 : path;
	if (s->id_name_pattern == NULL ||
	    !pattern_group(s->id_name_pattern, base, strlen(base), "id", id, sizeof id) ||
	    id[0] == '\0')
		return NULL;
	return xstrdup(id);
}

const struct field_spec *schema_field(const struct schema *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->nfields; i++)
		if (strcmp(s->fields[i].name, name) == 0)
			return &s->fields[i];
	return NULL;
}

/* Skips spaces and tabs in h from i; returns the new offset. */
static size_t skip_blank(const char *h, size_t len, size_t i)
{
	while (i < len && (h[i] == ' ' || h[i] == '\t'))
		i++;
	return i;
}

/* Numbering at i: digits, more ".digits", an optional '.' or ')', then
 * blanks. Returns the offset after it, or i when there is none. */
static size_t skip_numbering(const char *h, size_t len, size_t i)
{
	size_t k = i, digits;

	do {
		k += k > i; /* the '.' before a further group */
		for (digits = 0; k < len && h[k] >= '0' && h[k] <= '9'; k++)
			digits++;
		if (digits == 0)
			return i;
	} while (k + 1 < len && h[k] == '.' && h[k + 1] >= '0' && h[k + 1] <= '9');
	if (k < len && (h[k] == '.' || h[k] == ')'))
		k++;
	return skip_blank(h, len, k) > k ? skip_blank(h, len, k) : i;
}

/* Roman numerals (I, IV, XII) at i, as a chapter may be numbered. Returns
 * the offset after them, or i. */
static size_t skip_roman(const char *h, size_t len, size_t i)
{
	size_t k = i;

	while (k < len && k - i < 8 && strchr("IVXLC", h[k]) != NULL && h[k] != '\0')
		k++;
	return k;
}

/* A dash between a numbered article and its name ("Artikel 1 - Partijen",
 * with a hyphen, en dash or em dash), then blanks; returns the offset
 * after it, or i. */
static size_t skip_dash(const char *h, size_t len, size_t i)
{
	static const char *const dashes[] = {"-", "\xE2\x80\x93", "\xE2\x80\x94"};
	size_t k, n;

	for (k = 0; k < sizeof dashes / sizeof *dashes; k++) {
		n = strlen(dashes[k]);
		if (i + n < len && memcmp(h + i, dashes[k], n) == 0 &&
		    skip_blank(h, len, i + n) > i + n)
			return skip_blank(h, len, i + n);
	}
	return i;
}

/* A numbering word and its number at i: "Artikel 3", "Art. 3", "Hoofdstuk
 * 2", "Hoofdstuk II", "Paragraaf 4", "§ 4", "Artikel 2a", followed by an
 * optional '.', ')' or ':', an optional dash, and blanks before the name.
 * Returns the offset of the name, or i when there is none. */
static size_t skip_numbering_word(const char *h, size_t len, size_t i)
{
	static const char *const words[] = {"artikel", "art.",    "hoofdstuk", "paragraaf",
					    "article", "chapter", "\xC2\xA7"};
	size_t w, n, k, num;

	for (w = 0; w < sizeof words / sizeof *words; w++) {
		n = strlen(words[w]);
		if (i + n >= len || strncasecmp(h + i, words[w], n) != 0)
			continue;
		k = skip_blank(h, len, i + n);
		if (k == i + n && h[i + n - 1] != '.' && h[i] != '\xC2')
			continue; /* "Artikelen": a word, not a numbering */
		for (num = k; num < len && h[num] >= '0' && h[num] <= '9'; num++)
			;
		if (num > k && num < len && h[num] >= 'a' && h[num] <= 'z' &&
		    (num + 1 == len || !isalnum((unsigned char)h[num + 1])))
			num++; /* "Artikel 2a" */
		if (num == k)
			num = skip_roman(h, len, k);
		if (num == k)
			return i;
		if (num < len && strchr(".):", h[num]) != NULL && h[num] != '\0')
			num++;
		k = skip_dash(h, len, skip_blank(h, len, num));
		return k > num && k < len ? k : i;
	}
	return i;
}

/* An article at i followed by blanks; returns the offset after it, or i. */
static size_t skip_article(const char *h, size_t len, size_t i)
{
	static const char *const articles[] = {"de", "het", "the", "een", "a", "an"};
	size_t k, n;

	for (k = 0; k < sizeof articles / sizeof *articles; k++) {
		n = strlen(articles[k]);
		if (i + n < len && strncasecmp(h + i, articles[k], n) == 0 &&
		    skip_blank(h, len, i + n) > i + n)
			return skip_blank(h, len, i + n);
	}
	return i;
}

size_t schema_heading_skip(const char *h, size_t len, size_t *number)
{
	size_t i = skip_blank(h, len, 0);

	i = skip_numbering(h, len, skip_numbering_word(h, len, i));
	*number = i;
	return skip_article(h, len, i);
}

/* True when re matches heading after its article, after its numbering or
 * from its start: the allowances of the heading grammar, widest first. */
static int heading_matches(const pcre2_code *re, const char *heading, size_t len)
{
	size_t number, words = schema_heading_skip(heading, len, &number);
	size_t from[3] = {words, number, skip_blank(heading, len, 0)};
	size_t i;

	for (i = 0; i < 3; i++)
		if ((i == 0 || from[i] != from[i - 1]) &&
		    pattern_match(re, heading + from[i], len - from[i]) == 1)
			return 1;
	return 0;
}

/* True when heading is one of sec's names as written (match: exact). */
static int exact_name(const struct section_spec *sec, const char *heading, size_t len)
{
	size_t i;

	for (i = 0; i < sec->nnames; i++)
		if (strlen(sec->names[i]) == len && memcmp(sec->names[i], heading, len) == 0)
			return 1;
	return 0;
}

int schema_section_match(const struct schema *s, const char *heading, size_t len)
{
	const struct section_spec *sec;
	size_t i;

	/* Names first, so that "Toelichting op het besluit" is the Explanation
	 * even though a looser pattern elsewhere would take it. */
	for (i = 0; i < s->nsections; i++) {
		sec = &s->sections[i];
		if (sec->exact ? exact_name(sec, heading, len)
			       : sec->match != NULL && heading_matches(sec->match, heading, len))
			return (int)i;
	}
	for (i = 0; i < s->nsections; i++) {
		sec = &s->sections[i];
		if (sec->pattern != NULL &&
		    (sec->exact ? pattern_match(sec->pattern, heading, len) == 1
				: heading_matches(sec->pattern, heading, len)))
			return (int)i;
	}
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

const struct schema *schema_set_lookup(const struct schema_set *set, const char *name)
{
	const struct schema *s = schema_set_find(set, name);
	size_t i, k;

	for (i = 0; s == NULL && i < set->n; i++)
		for (k = 0; k < set->items[i]->naliases; k++)
			if (strcmp(set->items[i]->aliases[k], name) == 0)
				return set->items[i];
	return s;
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

/* True when status can be the status of one of f's targets: a value of its
 * status enum, or anything when a target's statuses are not an enum. */
static int target_has_status(const struct field_spec *f, const char *status)
{
	const struct field_spec *st;
	size_t k;

	for (k = 0; k < f->ntargets; k++) {
		st = schema_field(f->target_schemas[k], f->target_schemas[k]->lifecycle.status);
		if (st == NULL || st->type != FT_ENUM || has_value(st, status))
			return 1;
	}
	return 0;
}

/* Checks target-status against the statuses the targets can have. */
static int check_target_status(const struct schema *s, const struct field_spec *f,
			       struct config_error *err)
{
	const struct ynode *n = f->target_status_node, *where;
	const struct field_spec *st;
	size_t k;

	for (k = 0; f->target_not_behind && k < f->ntargets; k++) {
		st = schema_field(f->target_schemas[k], f->target_schemas[k]->lifecycle.status);
		if (st == NULL || st->type != FT_ENUM)
			return config_error_set(
			    err, s->file, n->line, n->col,
			    "field '%s': target-status not-behind needs the status of '%s' to be "
			    "an enum, whose order of values it uses",
			    f->name, f->targets[k]);
	}
	for (k = 0; k < f->ntarget_status; k++) {
		if (target_has_status(f, f->target_status[k]))
			continue;
		where = n->kind == YNODE_SEQ ? n->items[k] : n;
		return config_error_set(err, s->file, where->line, where->col,
					"field '%s': target-status '%s' is not a status that the "
					"records it names can have",
					f->name, f->target_status[k]);
	}
	return 0;
}

/* ---------------------------------------------------------- extends */

/* Returns a new map node with room for n entries, in arena a. */
static struct ynode *new_map(struct arena *a, const struct ynode *like, size_t n)
{
	struct ynode *m = arena_alloc(a, sizeof *m);

	*m = *like;
	m->kind = YNODE_MAP;
	m->items = arena_alloc(a, (n ? n : 1) * sizeof *m->items);
	m->n = 0;
	return m;
}

/* The key under which item i of a merged list is matched: a field's name
 * (maps), a section's title (lists). */
static const char *entry_key(const struct ynode *list, size_t i)
{
	const struct ynode *t;

	if (list->kind == YNODE_MAP)
		return list->items[i]->text;
	t = ynode_get(list->items[i], "title");
	return t != NULL && t->kind == YNODE_SCALAR ? t->text : NULL;
}

/* Returns the index of the entry of list whose key is key, or list->n. */
static size_t find_entry(const struct ynode *list, const char *key)
{
	size_t i, step = list->kind == YNODE_MAP ? 2 : 1;
	const char *k;

	for (i = 0; key != NULL && i < list->n; i += step) {
		k = entry_key(list, i);
		if (k != NULL && strcmp(k, key) == 0)
			return i;
	}
	return list->n;
}

/* Merges fields (a map by name) or sections (a list by title): the base's
 * entries in their order, each replaced by the own one of the same key,
 * then the own new ones. Returns own when the two are not of one kind. */
static const struct ynode *merge_entries(struct arena *a, const struct ynode *base,
					 const struct ynode *own)
{
	size_t i, k, step = own->kind == YNODE_MAP ? 2 : 1;
	struct ynode *m;

	if (base->kind != own->kind || own->kind == YNODE_SCALAR)
		return own;
	m = new_map(a, own, base->n + own->n);
	m->kind = own->kind;
	for (i = 0; i < base->n; i += step) {
		k = find_entry(own, entry_key(base, i));
		memcpy(&m->items[m->n], k < own->n ? &own->items[k] : &base->items[i],
		       step * sizeof *m->items);
		m->n += step;
	}
	for (i = 0; i < own->n; i += step)
		if (find_entry(base, entry_key(own, i)) == base->n) {
			memcpy(&m->items[m->n], &own->items[i], step * sizeof *m->items);
			m->n += step;
		}
	return m;
}

/* Returns the top-level map of own over base: own's keys win, fields and
 * sections are merged entry by entry, extends itself is left out. */
static const struct ynode *merge_schema(struct arena *a, const struct ynode *base,
					const struct ynode *own)
{
	struct ynode *m = new_map(a, own, base->n + own->n);
	const struct ynode *value;
	size_t i;

	for (i = 0; i + 1 < base->n; i += 2) {
		value = ynode_get(own, base->items[i]->text);
		if (value != NULL &&
		    (ynode_is(base->items[i], "fields") || ynode_is(base->items[i], "sections")))
			value = merge_entries(a, base->items[i + 1], value);
		m->items[m->n++] =
		    (struct ynode *)(value ? ynode_key(own, base->items[i]->text) : base->items[i]);
		m->items[m->n++] = (struct ynode *)(value ? value : base->items[i + 1]);
	}
	for (i = 0; i + 1 < own->n; i += 2)
		if (!ynode_is(own->items[i], "extends") &&
		    ynode_get(base, own->items[i]->text) == NULL) {
			m->items[m->n++] = own->items[i];
			m->items[m->n++] = own->items[i + 1];
		}
	return m;
}

/* Returns the built-in schema named name, read anew (the caller frees
 * it), or NULL; -1 in *rc with err when a built-in one is broken. */
static struct schema *builtin_named(const char *name, struct config_error *err, int *rc)
{
	struct schema *s;
	size_t i;

	for (i = 0; i < builtin_schema_count; i++) {
		s = schema_parse(builtin_schemas[i].file, builtin_schemas[i].text,
				 strlen(builtin_schemas[i].text), err);
		if (s == NULL) {
			*rc = -1;
			return NULL;
		}
		if (strcmp(s->name, name) == 0)
			return s;
		schema_free(s);
	}
	return NULL;
}

/* Returns the schema that s extends: one of the set (not s itself), else a
 * built-in one kept in s->base_owned. NULL with err when there is none. */
static const struct schema *base_of(struct schema_set *set, struct schema *s,
				    struct config_error *err)
{
	const struct ynode *at = s->extends_node;
	struct schema *b = NULL;
	size_t i;
	int rc = 0;

	for (i = 0; i < set->n; i++)
		if (set->items[i] != s && strcmp(set->items[i]->name, s->extends) == 0)
			b = set->items[i];
	if (b == NULL) {
		b = builtin_named(s->extends, err, &rc);
		s->base_owned = b;
	}
	if (b == NULL && rc == 0)
		config_error_set(err, s->file, at->line, at->col,
				 "extends names record type '%s', which no schema defines",
				 s->extends);
	return b;
}

/* How many schemas one schema may extend, one through another: each level
 * is a schema read anew, so a long chain would cost memory and time for
 * nothing a real set needs. */
#define EXTENDS_DEPTH_MAX 10

/* Reads s over the schema it extends, which must be read already. */
static int apply_extends(struct schema_set *set, struct schema *s, struct config_error *err)
{
	const struct schema *base = base_of(set, s, err);
	struct ctx c = {s->file, s->arena, err, NULL};

	if (base == NULL)
		return -1;
	s->depth = base->depth + 1;
	if (s->depth > EXTENDS_DEPTH_MAX)
		return config_error_set(
		    err, s->file, s->extends_node->line, s->extends_node->col,
		    "'%s' extends '%s', which extends another schema, and so on: "
		    "more than %d schemas deep; extend the schema the chain "
		    "starts from instead",
		    s->name, s->extends, EXTENDS_DEPTH_MAX);
	s->root = merge_schema(s->arena, base->root, s->root);
	s->extends = NULL;
	if (parse_top(&c, s, s->root) != 0)
		return -1;
	add_id_field(s);
	return 0;
}

/* Returns the schema of the set that s extends when it is still to be
 * read, else NULL (a read one, a built-in one, or s's own name). */
static struct schema *pending_base(struct schema_set *set, const struct schema *s)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		if (set->items[i] != s && set->items[i]->extends != NULL &&
		    strcmp(set->items[i]->name, s->extends) == 0)
			return set->items[i];
	return NULL;
}

/* Reads s and, first, every schema still to be read on its chain of
 * extends; a chain that comes back to itself is an error at its extends. */
static int resolve_chain(struct schema_set *set, struct schema *s, struct config_error *err)
{
	struct schema **chain = xmalloc((set->n + 1) * sizeof *chain), *cur;
	size_t n = 0;
	int rc = 0;

	for (cur = s; cur != NULL && rc == 0; cur = pending_base(set, cur)) {
		if (cur->resolving)
			rc = config_error_set(err, cur->file, cur->extends_node->line,
					      cur->extends_node->col,
					      "'%s' extends '%s', which comes back to '%s'; "
					      "schemas cannot extend each other in a circle",
					      cur->name, cur->extends, cur->name);
		cur->resolving = 1;
		chain[n++] = cur;
	}
	while (rc == 0 && n > 0)
		rc = apply_extends(set, chain[--n], err);
	free(chain);
	return rc;
}

int schema_set_resolve(struct schema_set *set, struct config_error *err)
{
	size_t i, k;

	for (i = 0; i < set->n; i++)
		if (set->items[i]->extends != NULL && resolve_chain(set, set->items[i], err) != 0)
			return -1;
	for (i = 0; i < set->n; i++)
		for (k = 0; k < set->items[i]->nfields; k++)
			if (resolve_field(set, set->items[i], &set->items[i]->fields[k], err) !=
				0 ||
			    check_target_status(set->items[i], &set->items[i]->fields[k], err) != 0)
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

/* What a placeholder of the file-name template takes (schema_file_name). */
struct name_values {
	const struct schema *s;
	const struct ynode *front;
	const char *id;
	char name[80], group[256];
};

static const char *name_value(void *arg, const char *name, size_t len)
{
	struct name_values *nv = arg;
	const struct ynode *v;

	snprintf(nv->name, sizeof nv->name, "%.*s", (int)len, name);
	if (strcmp(nv->name, nv->s->id_field) == 0)
		return nv->id;
	v = nv->front != NULL ? ynode_get(nv->front, nv->name) : NULL;
	if (v != NULL && v->kind == YNODE_SCALAR && v->len > 0)
		return v->text;
	if (nv->s->id_pattern != NULL && pattern_group(nv->s->id_pattern, nv->id, strlen(nv->id),
						       nv->name, nv->group, sizeof nv->group))
		return nv->group;
	return NULL;
}

char *schema_file_name(const struct schema *s, const struct ynode *front, const char *id)
{
	struct name_values nv = {.s = s, .front = front, .id = id};

	if (s->file_name_tpl.n == 0)
		return NULL;
	return template_expand(&s->file_name_tpl, name_value, &nv);
}
