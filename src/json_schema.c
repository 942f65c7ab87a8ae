/* SPDX-License-Identifier: EUPL-1.2 */
/* json_schema.c - JSON Schemas (draft-07) written from clerk's schemas and configuration keys. */
#include "json_schema.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "out_util.h"
#include "util.h"

#define DRAFT "http://json-schema.org/draft-07/schema#"

/* ------------------------------------------------------------ patterns */

/* True when the escape \c is one neither ECMAScript nor Python reads as PCRE2 does. */
static int foreign_escape(char c)
{
	return strchr("pPAzZGKXRhHvVNQE", c) != NULL;
}

/* Copies the group opening at p ("(?...") as a plain or lookaround group;
 * returns the bytes read, or 0 when it is one clerk cannot translate. */
static size_t group_open(const char *p, struct buf *b)
{
	size_t n;

	if (p[2] == ':' || p[2] == '=' || p[2] == '!') {
		buf_add(b, p, 3);
		return 3;
	}
	if (p[2] == '<' && (p[3] == '=' || p[3] == '!')) {
		buf_add(b, p, 4);
		return 4;
	}
	if (p[2] == '>') { /* atomic group */
		buf_puts(b, "(?:");
		return 3;
	}
	if (p[2] == '<' || (p[2] == 'P' && p[3] == '<')) { /* named group */
		n = strcspn(p, ">");
		if (p[n] != '>')
			return 0;
		buf_puts(b, "(?:");
		return n + 1;
	}
	return 0;
}

char *json_schema_pattern(const char *pattern)
{
	struct buf b = {0};
	const char *p = pattern;
	int in_class = 0, quantified = 0;
	size_t n;

	buf_add(&b, "", 0);
	while (*p != '\0') {
		if (*p == '\\') {
			if (p[1] == '\0' || foreign_escape(p[1]))
				goto fail;
			buf_add(&b, p, 2);
			p += 2;
			quantified = 0;
			continue;
		}
		if (in_class) {
			in_class = *p != ']';
			buf_add(&b, p++, 1);
			continue;
		}
		if (*p == '+' && quantified) { /* possessive: as a plain quantifier */
			p++;
			quantified = 0;
			continue;
		}
		if (*p == '(' && p[1] == '?') {
			n = group_open(p, &b);
			if (n == 0)
				goto fail;
			p += n;
			quantified = 0;
			continue;
		}
		in_class = *p == '[';
		quantified = *p == '?' || *p == '*' || *p == '+' || *p == '}';
		buf_add(&b, p++, 1);
	}
	return buf_take(&b);
fail:
	buf_free(&b);
	return NULL;
}

/* ------------------------------------------------------------- writing */

/* Writes "key":"value" with value escaped; a comma before it unless first. */
static void pair_str(FILE *f, int first, const char *key, const char *value)
{
	fprintf(f, "%s\"%s\":", first ? "" : ",", key);
	out_json_string(f, value);
}

/* Writes a JSON array of strings. */
static void str_array(FILE *f, const char *const *items, size_t n)
{
	size_t i;

	fputc('[', f);
	for (i = 0; i < n; i++) {
		if (i > 0)
			fputc(',', f);
		out_json_string(f, items[i]);
	}
	fputc(']', f);
}

/* Writes ,"pattern":... when the pattern translates. */
static void pattern_of(FILE *f, const char *src)
{
	char *p = src ? json_schema_pattern(src) : NULL;

	if (p != NULL)
		pair_str(f, 0, "pattern", p);
	free(p);
}

/* Writes the schema of one value of type t (no braces around the list's
 * own keys): the members of an object, starting with "type" or "enum". */
static void value_schema(FILE *f, const struct field_spec *fs, enum field_type t, int is_id)
{
	switch (t) {
	case FT_STRING:
		fputs(is_id ? "\"type\":[\"string\",\"integer\"]"
			    : "\"type\":[\"string\",\"number\"]",
		      f);
		if (fs->has_min_length)
			fprintf(f, ",\"minLength\":%ld", fs->min_length);
		if (fs->has_max_length)
			fprintf(f, ",\"maxLength\":%ld", fs->max_length);
		pattern_of(f, fs->pattern_src);
		return;
	case FT_INTEGER:
		fputs("\"type\":\"integer\"", f);
		if (fs->has_min)
			fprintf(f, ",\"minimum\":%ld", fs->min);
		if (fs->has_max)
			fprintf(f, ",\"maximum\":%ld", fs->max);
		return;
	case FT_DATE:
		fputs("\"type\":\"string\",\"pattern\":\"^[0-9]{4}-[0-9]{2}-[0-9]{2}$\"", f);
		return;
	case FT_DURATION:
		fputs(
		    "\"anyOf\":[{\"type\":\"string\",\"pattern\":\"^P([0-9]+Y)?([0-9]+M)?([0-9]+W)?"
		    "([0-9]+D)?$\"},{\"enum\":",
		    f);
		str_array(f, fs->keywords, fs->nkeywords);
		fputs("}]", f);
		return;
	case FT_ENUM:
		fputs("\"enum\":", f);
		str_array(f, fs->values, fs->nvalues);
		return;
	case FT_URL:
		fputs("\"type\":\"string\",\"pattern\":\"^[A-Za-z][A-Za-z0-9+.-]*:\"", f);
		return;
	case FT_REF:
	case FT_LIST:
		fputs("\"type\":[\"string\",\"integer\"]", f);
		return;
	}
}

/* Writes the schema of field fs: a list is an array of its items or one
 * line of items separated by commas; a field that is not required may be
 * left empty (null). */
static void field_schema(FILE *f, const struct field_spec *fs, int is_id)
{
	char *aliases = fs->naliases ? join_words(fs->aliases, fs->naliases, "'", " or ") : NULL;
	char *about = xasprintf("%s%s%s%s", fs->description ? fs->description : fs->name,
				aliases ? " (not to be written as " : "", aliases ? aliases : "",
				aliases ? ")" : "");

	fputc('{', f);
	pair_str(f, 1, "description", about);
	fputs(",\"anyOf\":[{", f);
	if (fs->type == FT_LIST) {
		fputs("\"type\":\"array\",\"items\":{", f);
		value_schema(f, fs, fs->item_type, 0);
		fputc('}', f);
		if (fs->has_min_items)
			fprintf(f, ",\"minItems\":%ld", fs->min_items);
		if (fs->has_max_items)
			fprintf(f, ",\"maxItems\":%ld", fs->max_items);
		if (fs->unique_items)
			fputs(",\"uniqueItems\":true", f);
		/* One item written without the list (a number for a reference
		 * or a number), or the items on one line. */
		fputs("},{\"type\":", f);
		fputs(fs->item_type == FT_STRING ? "[\"string\",\"number\"]"
		      : fs->item_type == FT_REF || fs->item_type == FT_INTEGER
			  ? "[\"string\",\"integer\"]"
			  : "\"string\"",
		      f);
	} else
		value_schema(f, fs, fs->type, is_id);
	fputc('}', f);
	if (!fs->required)
		fputs(",{\"type\":\"null\"}", f);
	fputs("]}", f);
	free(about);
	free(aliases);
}

/* Writes the "required" list and the exactly-one-of groups. */
static void required_of(FILE *f, const struct schema *s)
{
	size_t i, k, n = 0;

	fputs(",\"required\":[", f);
	for (i = 0; i < s->nfields; i++)
		if (s->fields[i].required && s->fields[i].required_if == NULL) {
			fputs(n++ ? "," : "", f);
			out_json_string(f, s->fields[i].name);
		}
	fputc(']', f);
	for (i = 0; i < s->n_one_of; i++) {
		fputs(i ? ",{\"oneOf\":[" : ",\"allOf\":[{\"oneOf\":[", f);
		for (k = 0; k < s->one_of[i].n; k++) {
			fputs(k ? ",{\"required\":[" : "{\"required\":[", f);
			out_json_string(f, s->one_of[i].names[k]);
			fputs("]}", f);
		}
		fputs("]}", f);
	}
	if (s->n_one_of > 0)
		fputc(']', f);
}

/* Writes the members of the object schema of s's front matter. */
/* Writes the schema of field i of s; the id field gets the id's pattern. */
static void property(FILE *f, const struct schema *s, size_t i)
{
	int is_id = s->id_field != NULL && strcmp(s->fields[i].name, s->id_field) == 0;
	struct field_spec id;

	if (!is_id || s->fields[i].pattern_src != NULL || s->id_pattern_src == NULL) {
		field_schema(f, &s->fields[i], is_id);
		return;
	}
	id = s->fields[i];
	id.pattern_src = s->id_pattern_src;
	field_schema(f, &id, 1);
}

static void type_body(FILE *f, const struct schema *s, const char *type_field)
{
	size_t i;

	fputs("\"type\":\"object\"", f);
	pair_str(f, 0, "title", s->title ? s->title : s->name);
	fputs(",\"properties\":{", f);
	if (type_field != NULL && schema_field(s, type_field) == NULL) {
		out_json_string(f, type_field);
		fputs(":{\"description\":\"the record type\",\"const\":", f);
		out_json_string(f, s->name);
		fputc('}', f);
	}
	for (i = 0; i < s->nfields; i++) {
		if (i > 0 || (type_field != NULL && schema_field(s, type_field) == NULL))
			fputc(',', f);
		out_json_string(f, s->fields[i].name);
		fputc(':', f);
		property(f, s, i);
	}
	fputc('}', f);
	required_of(f, s);
	fprintf(f, ",\"additionalProperties\":%s", s->allow_unknown ? "true" : "false");
}

void json_schema_type(FILE *f, const struct schema *s, const char *type_field)
{
	fputs("{\"$schema\":\"" DRAFT "\",", f);
	type_body(f, s, type_field);
	fputs("}\n", f);
}

void json_schema_all(FILE *f, const struct schema_set *set, const char *type_field)
{
	size_t i;
	char *ref;

	fputs("{\"$schema\":\"" DRAFT "\",\"title\":\"clerk records\",\"type\":\"object\"", f);
	if (type_field != NULL) {
		fputs(",\"properties\":{", f);
		out_json_string(f, type_field);
		fputs(":{\"description\":\"the record type\",\"enum\":[", f);
		for (i = 0; i < set->n; i++) {
			fputs(i ? "," : "", f);
			out_json_string(f, set->items[i]->name);
		}
		fputs("]}}", f);
	}
	fputs(",\"definitions\":{", f);
	for (i = 0; i < set->n; i++) {
		fputs(i ? ",\n" : "\n", f);
		out_json_string(f, set->items[i]->name);
		fputs(":{", f);
		type_body(f, set->items[i], type_field);
		fputc('}', f);
	}
	fputs("},\"allOf\":[", f);
	for (i = 0; type_field != NULL && i < set->n; i++) {
		fputs(i ? ",\n{\"if\":{\"properties\":{" : "\n{\"if\":{\"properties\":{", f);
		out_json_string(f, type_field);
		fputs(":{\"const\":", f);
		out_json_string(f, set->items[i]->name);
		fputs("}},\"required\":[", f);
		out_json_string(f, type_field);
		fputs("]},\"then\":{\"$ref\":", f);
		ref = xasprintf("#/definitions/%s", set->items[i]->name);
		out_json_string(f, ref);
		free(ref);
		fputs("}}", f);
	}
	fputs("]}\n", f);
}

/* ------------------------------------------------------------ .clerk.yml */

/* One string or a list of strings. */
#define STRINGS                                                                                    \
	"{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"array\",\"items\":{\"type\":\"string\"}}]"

/* Writes the enum of the rule names. */
static void rule_names(FILE *f)
{
	size_t i;

	fputs("{\"enum\":[", f);
	for (i = 0; i < RULE_COUNT; i++) {
		fputs(i ? "," : "", f);
		out_json_string(f, rule_catalogue[i].name);
	}
	fputs("]}", f);
}

void json_schema_config(FILE *f, const struct schema_set *set)
{
	size_t i;

	fputs("{\"$schema\":\"" DRAFT "\",\"title\":\"clerk configuration (.clerk.yml)\","
	      "\"type\":\"object\",\"additionalProperties\":false,\"properties\":{\n"
	      "\"schemas\":" STRINGS ",\"description\":\"folders of your own schemas\"},\n"
	      "\"types\":{\"type\":\"array\",\"description\":\"the type of the records whose "
	      "path matches\",\"items\":{\"type\":\"object\",\"additionalProperties\":false,"
	      "\"required\":[\"path\",\"type\"],\"properties\":{\"path\":{\"type\":\"string\"},"
	      "\"type\":{\"enum\":[",
	      f);
	for (i = 0; i < set->n; i++) {
		fputs(i ? "," : "", f);
		out_json_string(f, set->items[i]->name);
	}
	fputs("]}}}},\n\"exclude\":" STRINGS ",\"description\":\"paths clerk leaves alone\"},\n"
	      "\"rules\":{\"type\":\"object\",\"description\":\"the severity of a rule\","
	      "\"propertyNames\":",
	      f);
	rule_names(f);
	fputs(",\"additionalProperties\":{\"enum\":[\"error\",\"warning\",\"info\",\"off\"]}},\n"
	      "\"as-of\":{\"type\":\"string\",\"pattern\":\"^[0-9]{4}-[0-9]{2}-[0-9]{2}$\"},\n"
	      "\"max-file-size\":{\"type\":[\"string\",\"integer\"]},\n"
	      "\"ignore\":{\"type\":\"array\",\"items\":{\"type\":\"object\","
	      "\"additionalProperties\":false,\"required\":[\"path\",\"reason\"],\"properties\":{"
	      "\"path\":{\"type\":\"string\"},\"reason\":{\"type\":\"string\"},\"rules\":{"
	      "\"anyOf\":[",
	      f);
	rule_names(f);
	fputs(",{\"type\":\"array\",\"items\":", f);
	rule_names(f);
	fputs("}]}}}},\n\"type-field\":{\"type\":\"string\"},\n"
	      "\"builtin-schemas\":{\"enum\":[true,false,\"true\",\"false\",\"yes\",\"no\"]},\n"
	      "\"language\":{\"enum\":[\"en\",\"nl\"]}}}\n",
	      f);
}
