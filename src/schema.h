/* SPDX-License-Identifier: EUPL-1.2 */
/* schema.h - record types described in YAML: fields, id, file name, sections.
 *
 * A schema_set holds the built-in schemas (compiled into the binary from
 * the .yml files of schemas/) and any a records repository adds or overrides. Every
 * pattern is compiled once, when the schema loads. See docs/schemas.md for
 * the language. */
#ifndef CLERK_SCHEMA_H
#define CLERK_SCHEMA_H

#include <stdarg.h>
#include <stddef.h>

#include "diag.h"
#include "pattern.h"
#include "config_error.h"
#include "template.h"

struct arena;
struct ynode;

enum field_type { FT_STRING, FT_INTEGER, FT_DATE, FT_DURATION, FT_ENUM, FT_URL, FT_LIST, FT_REF };

/* A condition on a record's fields (docs/schemas.md, "Conditions"):
 * {field, equals}, {field, not-equals}, {field, set}, or all/any of others.
 * Evaluated in one place: condition.c. */
enum condition_kind { COND_EQUALS, COND_NOT_EQUALS, COND_SET, COND_ALL, COND_ANY };

struct condition {
	enum condition_kind kind;
	const char *field;   /* the field compared (not for all/any) */
	int line, col;       /* where the schema writes the condition or its field */
	const char **values; /* equals, not-equals: the values compared with */
	size_t nvalues;
	int set;                 /* COND_SET: 1 filled in, 0 not filled in */
	struct condition *items; /* all, any: the conditions combined */
	size_t nitems;
};

/* How a list's items must be sorted (sorted-items). */
enum sort_order { SORT_NONE, SORT_TEXT, SORT_NUMBER };

/* A pattern the text must (section must-contain) or must not (a field's
 * not-patterns, body-patterns) hold, with the schema's own words for a
 * finding. */
struct text_rule {
	pcre2_code *re;
	const char *message;
	enum severity severity; /* body-patterns: the findings' severity */
	int line, col;          /* where the schema gives it */
};

/* A word people write for a value: not accepted, but named as the value meant. */
struct synonym {
	const char *word;  /* such as "vastgesteld" */
	const char *value; /* the enum value or keyword meant, such as "adopted" */
};

struct field_spec {
	const char *name;
	int line, col;           /* where the schema defines it */
	const char *description; /* words for messages, may be NULL */
	const char **aliases;    /* other names people use, such as Dutch ones */
	size_t naliases;
	enum field_type type;
	enum field_type item_type; /* for lists */
	int required;
	struct condition *required_if; /* NULL when unconditional */
	pcre2_code *pattern;           /* NULL when none */
	const char *pattern_src;
	const char **values; /* enum values */
	size_t nvalues;
	const char **keywords; /* words accepted besides the type (indefinite) */
	size_t nkeywords;
	struct synonym *synonyms; /* words meaning a value or keyword (synonyms:) */
	size_t nsynonyms;
	int synonyms_line, synonyms_col;
	const char *default_value;
	int has_min, has_max; /* integer bounds */
	long min, max;
	int has_min_items, has_max_items;
	long min_items, max_items;
	const char **targets; /* ref: target type names */
	size_t ntargets;
	const struct ynode *targets_node;     /* where targets are listed */
	const struct schema **target_schemas; /* resolved after loading */
	/* Lengths, forbidden forms, own words, list order, target status. */
	int has_min_length, has_max_length; /* in characters (UTF-8 code points) */
	long min_length, max_length;
	struct text_rule *not_patterns;
	size_t nnot_patterns;
	const char *message; /* said instead of the pattern in field-pattern, or NULL */
	int unique_items;
	enum sort_order sorted_items;
	const char **target_status; /* ref: the statuses a target must have */
	size_t ntarget_status;
	int target_not_behind; /* ref: the target's status is not behind the record's */
	int target_later;      /* ref: the target may be dated after the record */
	const struct ynode *target_status_node;
};

struct field_group {
	const char **names;
	size_t n;
};

struct section_spec {
	const char *title;  /* display name, e.g. "Progress" */
	const char **names; /* names and aliases, e.g. Progress, Voortgang */
	size_t nnames;
	pcre2_code *match;   /* its names, NULL when it has none */
	pcre2_code *pattern; /* its own pattern, NULL when it has none */
	int required;
	struct condition *required_if;
	int decision_points; /* holds the numbered decision points (decision-points) */
	int recommended;     /* absent: section-recommended (info) */
	int exact;           /* match: exact - names compared as written, case included */
	struct text_rule *must_contain; /* each must match the section's text */
	size_t nmust_contain;
};

/* Which statuses mean what, and which fields give a record's life span
 * (schema key lifecycle). Every member is NULL or empty when not set. */
struct schema_lifecycle {
	const char *status;    /* the field holding the status; default "status" */
	const char *date;      /* the record's own date; default "date" */
	const char **in_force; /* statuses of a record in force */
	size_t nin_force;
	const char **ended; /* statuses of a record that has ended */
	size_t nended;
	const char **superseded; /* statuses of a record another replaced */
	size_t nsuperseded;
	const char **draft; /* statuses of a record not yet adopted */
	size_t ndraft;
	const char *start, *end, *term; /* date, date and duration fields */
	const char *ended_on;           /* date field: the day the record ended early */
	const char *supersedes;         /* the ref field naming the records this one replaces */
	int line, col;
};

/* Agreements that must be reported on (schema key reporting). */
struct schema_reporting {
	const char *interval;     /* the duration field, such as reporting */
	const char **reported_by; /* types whose records report by citing it */
	size_t nreported_by;
	int line, col;
};

/* Numbered series of reports (schema key series). */
struct schema_series {
	const char *field, *number, *next_report;
	int line, col;
};

/* severity-if: the record's findings of the rules marked are shown at
 * severity (or dropped when it is 0, off) when the condition holds. */
struct severity_if {
	struct condition *when;
	enum severity severity;
	unsigned char rules[RULE_COUNT]; /* 1 for each rule it applies to */
};

struct schema {
	struct arena *arena;
	const char *file; /* where it was loaded from, for messages */
	const char *name;
	const char *title;       /* e.g. "agreement", in the language of the messages */
	const char *title_msgid; /* the title as the schema writes it, untranslated */
	const char **aliases;    /* other names for the type on the command line (besluit) */
	size_t naliases;
	const char *id_field;
	pcre2_code *id_pattern;
	const char *id_pattern_src;
	const char *id_example;        /* an id of the right form, for messages */
	int id_year_tolerance;         /* years an id's year group may lie before the date's */
	const char *file_name;         /* template such as "{id}.md", or NULL */
	struct template file_name_tpl; /* file_name parsed (n 0 when none) */
	struct template id_template;   /* id: template: how clerk new numbers (n 0: none) */
	int id_external;               /* id: assigned: external - clerk new never numbers */
	struct template path_template; /* path: where clerk new puts a record (n 0: none) */
	/* id: {from: file-name, pattern}: the id is the named group "id" of
	 * this pattern matched against the file's name; no id field then. */
	pcre2_code *id_name_pattern;
	const char *id_name_pattern_src;
	int allow_unknown;
	struct field_spec *fields;
	size_t nfields;
	struct field_group *one_of; /* exactly one of these fields */
	size_t n_one_of;
	struct field_group *date_order; /* each date not later than the next */
	size_t ndate_order;
	struct section_spec *sections;
	size_t nsections;
	int sections_ordered;
	int section_level;               /* 0: automatic, else 1..6 */
	int allow_unknown_sections;      /* 0: other headings are section-unknown */
	struct text_rule *body_patterns; /* forbidden in the body's text */
	size_t nbody_patterns;
	struct schema_lifecycle lifecycle;
	struct schema_reporting reporting;
	struct schema_series series;
	/* The order of the front matter. */
	int fields_ordered; /* front matter fields in the schema's order (field-order) */
	struct severity_if *severity_if;
	size_t nseverity_if;
	/* not-public-if: a record for which this condition holds is not public
	 * (Woo: niet openbaar) and clerk publish leaves it out; NULL when none. */
	struct condition *not_public;
	/* extends: the schema this one builds on, and where it says so; the
	 * schema is read only when the set resolves it (schema_set_resolve). */
	const char *extends;
	const struct ynode *extends_node;
	const struct ynode *root;  /* the schema as written, for schemas extending it */
	struct schema *base_owned; /* a built-in base read for this schema alone */
	int resolving;             /* extends: on the chain being resolved */
	int depth;                 /* how many schemas it extends, one through another */
	/* The front-matter field that names the record type, skipped by the
	 * field rules; set from .clerk.yml's type-field, NULL for none. */
	const char *type_field;
};

struct schema_set {
	struct schema **items;
	size_t n, cap;
};

/* Parses one schema file's text. Returns the schema (free with schema_free)
 * or NULL with err filled in. */
struct schema *schema_parse(const char *file, const char *text, size_t len,
			    struct config_error *err);
void schema_free(struct schema *s);

/* Adds the built-in schemas. Returns 0, or -1 with err when one is broken. */
int schema_set_add_builtin(struct schema_set *set, struct config_error *err);
/* Adds every .yml or .yaml schema in dir, replacing a schema of the same
 * name. Returns 0, or -1 with err; the set keeps the schemas added before
 * the error and is freed with schema_set_free either way. */
int schema_set_add_dir(struct schema_set *set, const char *dir, struct config_error *err);
/* Adds s, replacing (and freeing) a schema of the same name. */
void schema_set_put(struct schema_set *set, struct schema *s);
/* Reads the schemas that extend another (built-in ones included, also when
 * the set leaves them out), then resolves ref targets by name. Returns 0,
 * or -1 with err on an unknown type, an unknown or circular extends, or a
 * mistake in the combined schema. */
int schema_set_resolve(struct schema_set *set, struct config_error *err);
/* Returns the schema named name (owned by the set), or NULL. */
const struct schema *schema_set_find(const struct schema_set *set, const char *name);
/* As schema_set_find, and else the schema that lists name among its
 * aliases (a type named on the command line: clerk new besluit). */
const struct schema *schema_set_lookup(const struct schema_set *set, const char *name);
void schema_set_free(struct schema_set *set);

/* For a schema whose ids come from file names: returns the id that the
 * file name of path gives (malloc'd), or NULL when the name does not fit
 * the pattern. Returns NULL for other schemas. */
char *schema_id_from_file_name(const struct schema *s, const char *path);
/* Returns the file name the file-name template of s gives the record with
 * front matter front and this id (malloc'd): {ID-FIELD} is the id, any
 * other {name} a field of the record, else a named group of the id
 * pattern. NULL when s has no template or a placeholder has no value.
 * `clerk check` (file-name) and `clerk renumber` both name files by it. */
struct ynode;
char *schema_file_name(const struct schema *s, const struct ynode *front, const char *id);
/* Returns the field spec named name (owned by the schema), or NULL. */
const struct field_spec *schema_field(const struct schema *s, const char *name);
/* Returns the index of the section whose names match heading, or -1. */
int schema_section_match(const struct schema *s, const char *heading, size_t len);
/* The heading grammar: returns how many bytes of heading h (len bytes) are
 * leading space, numbering ("2.", "3.1", "2)") and an article (de, het,
 * the, een, a, an); *number receives the bytes of space and numbering only.
 * Section names are matched after these. */
size_t schema_heading_skip(const char *h, size_t len, size_t *number);

/* The built-in schema texts, generated from schemas/ at build time. */
struct builtin_schema {
	const char *file;
	const char *text;
};
extern const struct builtin_schema builtin_schemas[];
extern const size_t builtin_schema_count;

#endif
