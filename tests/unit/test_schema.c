/* SPDX-License-Identifier: EUPL-1.2 */
/* test_schema.c - unit tests for schema_parse, section matching and schema sets (schema.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "schema.h"

/* Parses a schema text that must be valid. */
static struct schema *parse_ok(const char *text)
{
	struct config_error err;
	struct schema *s = schema_parse("test.yml", text, strlen(text), &err);

	if (s == NULL)
		fail_msg("schema error %s:%d:%d: %s", err.file, err.line, err.col, err.message);
	return s;
}

/* Parses a schema text that must fail and checks where it fails. */
static void parse_fail(const char *text, int line, int col, const char *words)
{
	struct config_error err;
	struct schema *s;

	memset(&err, 0, sizeof err);
	s = schema_parse("bad.yml", text, strlen(text), &err);
	if (s != NULL) {
		schema_free(s);
		fail_msg("schema parsed, expected an error at %d:%d", line, col);
	}
	if (err.line != line || err.col != col || strstr(err.message, words) == NULL)
		fail_msg("got %d:%d '%s', expected %d:%d with '%s'", err.line, err.col, err.message,
			 line, col, words);
	assert_string_equal(err.file, "bad.yml");
}

static int section(const struct schema *s, const char *heading)
{
	return schema_section_match(s, heading, strlen(heading));
}

/* ----------------------------------------------------------- valid schema */

static const char minutes[] = "# a test schema\n"
			      "name: minutes\n"
			      "title: minutes of a meeting\n"
			      "description: What a meeting decided.\n"
			      "id:\n"
			      "  field: number\n"
			      "  pattern: '^M-(?<year>\\d{4})-(?<seq>\\d{2})$'\n"
			      "  example: M-2024-01\n"
			      "file-name: '{number}.md'\n"
			      "allow-unknown-fields: true\n"
			      "fields:\n"
			      "  number: string\n"
			      "  date:\n"
			      "    type: date\n"
			      "    required: true\n"
			      "    description: the date of the meeting\n"
			      "  kind:\n"
			      "    type: enum\n"
			      "    values: [regular, special]\n"
			      "    default: regular\n"
			      "  tags:\n"
			      "    type: list\n"
			      "    min-items: 1\n"
			      "    max-items: 3\n"
			      "  count:\n"
			      "    type: integer\n"
			      "    min: 0\n"
			      "    max: 10\n"
			      "  code:\n"
			      "    type: string\n"
			      "    pattern: '^[A-Z]+$'\n"
			      "  term:\n"
			      "    type: duration\n"
			      "    keywords: indefinite\n"
			      "  start: date\n"
			      "  end:\n"
			      "    type: date\n"
			      "    required-if:\n"
			      "      field: start\n"
			      "  reason:\n"
			      "    type: enum\n"
			      "    values: [a, b]\n"
			      "    required-if:\n"
			      "      field: kind\n"
			      "      equals: [special]\n"
			      "  refs:\n"
			      "    type: list\n"
			      "    items: ref\n"
			      "    targets: [minutes]\n"
			      "exactly-one-of:\n"
			      "  - [end, term]\n"
			      "date-order:\n"
			      "  - [start, end, date]\n"
			      "sections-ordered: true\n"
			      "section-level: 2\n"
			      "sections:\n"
			      "  - title: Attendees\n"
			      "    names: [Attendees, Aanwezigen]\n"
			      "    required: true\n"
			      "  - title: Notes\n"
			      "  - title: Decisions\n"
			      "    names: Besluiten\n"
			      "    required-if:\n"
			      "      field: kind\n"
			      "      equals: special\n";

static void test_valid_schema(void **state)
{
	struct schema *s = parse_ok(minutes);
	const struct field_spec *f;
	char out[16];

	(void)state;
	assert_string_equal(s->name, "minutes");
	assert_string_equal(s->title, "minutes of a meeting");
	assert_string_equal(s->file, "test.yml");
	assert_string_equal(s->id_field, "number");
	assert_string_equal(s->id_example, "M-2024-01");
	assert_string_equal(s->file_name, "{number}.md");
	assert_true(s->allow_unknown);
	assert_true(s->sections_ordered);
	assert_int_equal(s->section_level, 2);
	assert_non_null(s->id_pattern);
	assert_int_equal(pattern_group(s->id_pattern, "M-2024-07", 9, "seq", out, sizeof out), 1);
	assert_string_equal(out, "07");
	/* the id field is defined, so no field is added */
	assert_int_equal(s->nfields, 11);
	assert_string_equal(s->fields[0].name, "number");
	assert_int_equal(s->fields[0].line, 12);
	assert_int_equal(s->fields[0].col, 3);

	f = schema_field(s, "date");
	assert_non_null(f);
	assert_int_equal(f->type, FT_DATE);
	assert_true(f->required);
	assert_string_equal(f->description, "the date of the meeting");
	assert_int_equal(f->line, 13);

	f = schema_field(s, "kind");
	assert_int_equal(f->type, FT_ENUM);
	assert_int_equal(f->nvalues, 2);
	assert_string_equal(f->values[0], "regular");
	assert_string_equal(f->values[1], "special");
	assert_string_equal(f->default_value, "regular");
	assert_false(f->required);

	f = schema_field(s, "tags");
	assert_int_equal(f->type, FT_LIST);
	assert_int_equal(f->item_type, FT_STRING);
	assert_true(f->has_min_items);
	assert_true(f->has_max_items);
	assert_int_equal(f->min_items, 1);
	assert_int_equal(f->max_items, 3);

	f = schema_field(s, "count");
	assert_int_equal(f->type, FT_INTEGER);
	assert_true(f->has_min && f->has_max);
	assert_int_equal(f->min, 0);
	assert_int_equal(f->max, 10);

	f = schema_field(s, "code");
	assert_non_null(f->pattern);
	assert_string_equal(f->pattern_src, "^[A-Z]+$");
	assert_int_equal(pattern_match(f->pattern, "ABC", 3), 1);
	assert_int_equal(pattern_match(f->pattern, "abc", 3), 0);

	f = schema_field(s, "term");
	assert_int_equal(f->type, FT_DURATION);
	assert_int_equal(f->nkeywords, 1);
	assert_string_equal(f->keywords[0], "indefinite");

	f = schema_field(s, "end");
	assert_non_null(f->required_if);
	assert_string_equal(f->required_if->field, "start");
	assert_int_equal(f->required_if->nvalues, 0);

	f = schema_field(s, "reason");
	assert_string_equal(f->required_if->field, "kind");
	assert_int_equal(f->required_if->nvalues, 1);
	assert_string_equal(f->required_if->values[0], "special");

	f = schema_field(s, "refs");
	assert_int_equal(f->type, FT_LIST);
	assert_int_equal(f->item_type, FT_REF);
	assert_int_equal(f->ntargets, 1);
	assert_string_equal(f->targets[0], "minutes");

	assert_null(schema_field(s, "nope"));
	assert_int_equal(schema_field(s, "start")->type, FT_DATE);

	assert_int_equal(s->n_one_of, 1);
	assert_int_equal(s->one_of[0].n, 2);
	assert_string_equal(s->one_of[0].names[1], "term");
	assert_int_equal(s->ndate_order, 1);
	assert_int_equal(s->date_order[0].n, 3);
	assert_string_equal(s->date_order[0].names[2], "date");

	assert_int_equal(s->nsections, 3);
	assert_string_equal(s->sections[0].title, "Attendees");
	assert_int_equal(s->sections[0].nnames, 2);
	assert_true(s->sections[0].required);
	/* without names, the title is the name */
	assert_int_equal(s->sections[1].nnames, 1);
	assert_string_equal(s->sections[1].names[0], "Notes");
	assert_false(s->sections[1].required);
	assert_int_equal(s->sections[2].nnames, 1);
	assert_string_equal(s->sections[2].names[0], "Besluiten");
	assert_string_equal(s->sections[2].required_if->field, "kind");
	assert_int_equal(section(s, "Aanwezigen"), 0);
	assert_int_equal(section(s, "Notes"), 1);
	assert_int_equal(section(s, "Besluiten"), 2);
	assert_int_equal(section(s, "Decisions"), -1);
	schema_free(s);
}

static void test_minimal_schema(void **state)
{
	struct schema *s = parse_ok("name: note\n");

	(void)state;
	assert_string_equal(s->name, "note");
	/* the title defaults to the name */
	assert_string_equal(s->title, "note");
	assert_string_equal(s->id_field, "id");
	assert_null(s->id_pattern);
	assert_null(s->file_name);
	assert_false(s->allow_unknown);
	assert_int_equal(s->section_level, 0);
	/* the id field is added: a required string */
	assert_int_equal(s->nfields, 1);
	assert_string_equal(s->fields[0].name, "id");
	assert_int_equal(s->fields[0].type, FT_STRING);
	assert_true(s->fields[0].required);
	assert_int_equal(s->nsections, 0);
	assert_int_equal(section(s, "Anything"), -1);
	schema_free(s);
}

static void test_id_field_added_first(void **state)
{
	struct schema *s = parse_ok("name: note\nfields:\n  a: date\n  b: integer\n");

	(void)state;
	assert_int_equal(s->nfields, 3);
	assert_string_equal(s->fields[0].name, "id");
	assert_string_equal(s->fields[1].name, "a");
	assert_string_equal(s->fields[2].name, "b");
	assert_int_equal(s->fields[2].type, FT_INTEGER);
	schema_free(s);
}

static void test_field_types(void **state)
{
	struct schema *s = parse_ok("name: t\n"
				    "fields:\n"
				    "  a: string\n"
				    "  b: integer\n"
				    "  c: date\n"
				    "  d: duration\n"
				    "  e: url\n"
				    "  f: list\n");

	(void)state;
	assert_int_equal(schema_field(s, "a")->type, FT_STRING);
	assert_int_equal(schema_field(s, "b")->type, FT_INTEGER);
	assert_int_equal(schema_field(s, "c")->type, FT_DATE);
	assert_int_equal(schema_field(s, "d")->type, FT_DURATION);
	assert_int_equal(schema_field(s, "e")->type, FT_URL);
	assert_int_equal(schema_field(s, "f")->type, FT_LIST);
	schema_free(s);
}

static void test_required_if_later_field(void **state)
{
	/* a condition may name a field defined further down, or the id */
	struct schema *s = parse_ok("name: t\n"
				    "fields:\n"
				    "  a:\n"
				    "    type: date\n"
				    "    required-if: {field: b}\n"
				    "  b: date\n"
				    "  c:\n"
				    "    type: date\n"
				    "    required-if: {field: id}\n");

	(void)state;
	assert_string_equal(schema_field(s, "a")->required_if->field, "b");
	assert_string_equal(schema_field(s, "c")->required_if->field, "id");
	schema_free(s);
}

/* -------------------------------------------------------- section matching */

static const char sections_schema[] = "name: t\n"
				      "sections:\n"
				      "  - title: Progress\n"
				      "    names: [Progress, Voortgang]\n"
				      "  - title: Risks\n"
				      "    names: [\"Risico's\"]\n"
				      "  - title: Goal\n"
				      "    names: [Doel, Oorspronkelijke doel]\n"
				      "  - title: Finances\n"
				      "    names: [Financiën]\n"
				      "  - title: Decision\n"
				      "    pattern: '(?:college|raad)\\s+besluit'\n"
				      "  - title: Decision points\n"
				      "    names: [Decision points, Beslismomenten]\n"
				      "  - title: Q&A\n"
				      "  - title: Conclusion\n"
				      "    names: [Tot slot]\n";

static void test_section_plain_names(void **state)
{
	struct schema *s = parse_ok(sections_schema);

	(void)state;
	assert_int_equal(section(s, "Progress"), 0);
	assert_int_equal(section(s, "Voortgang"), 0);
	assert_int_equal(section(s, "Doel"), 2);
	assert_int_equal(section(s, "Oorspronkelijke doel"), 2);
	assert_int_equal(section(s, "Decision points"), 5);
	assert_int_equal(section(s, "Beslismomenten"), 5);
	assert_int_equal(section(s, "Q&A"), 6);
	assert_int_equal(section(s, "Tot slot"), 7);
	/* spaces in a name match any run of white space */
	assert_int_equal(section(s, "Tot  slot"), 7);
	assert_int_equal(section(s, "Totslot"), -1);
	assert_int_equal(section(s, "Inleiding"), -1);
	assert_int_equal(section(s, ""), -1);
	schema_free(s);
}

static void test_section_numbering(void **state)
{
	struct schema *s = parse_ok(sections_schema);

	(void)state;
	assert_int_equal(section(s, "2. Voortgang"), 0);
	assert_int_equal(section(s, "2 Voortgang"), 0);
	assert_int_equal(section(s, "3.1 Voortgang"), 0);
	assert_int_equal(section(s, "3.1. Voortgang"), 0);
	assert_int_equal(section(s, "1.2.3 Voortgang"), 0);
	assert_int_equal(section(s, "4) Voortgang"), 0);
	assert_int_equal(section(s, "10. Tot slot"), 7);
	assert_int_equal(section(s, "  Voortgang"), 0);
	/* numbering alone is no name */
	assert_int_equal(section(s, "2."), -1);
	assert_int_equal(section(s, "2. Inleiding"), -1);
	schema_free(s);
}

static void test_section_articles(void **state)
{
	struct schema *s = parse_ok(sections_schema);

	(void)state;
	assert_int_equal(section(s, "De voortgang"), 0);
	assert_int_equal(section(s, "Het oorspronkelijke doel"), 2);
	assert_int_equal(section(s, "The Progress"), 0);
	assert_int_equal(section(s, "De risico's"), 1);
	assert_int_equal(section(s, "5. De financiën"), 3);
	assert_int_equal(section(s, "het doel"), 2);
	/* an article alone is no name */
	assert_int_equal(section(s, "De"), -1);
	schema_free(s);
}

static void test_section_trailing_qualifier(void **state)
{
	struct schema *s = parse_ok(sections_schema);

	(void)state;
	assert_int_equal(section(s, "De voortgang (sept – dec 2023)"), 0);
	assert_int_equal(section(s, "2. De voortgang (april – december 2025)"), 0);
	assert_int_equal(section(s, "Voortgang: stand van zaken"), 0);
	assert_int_equal(section(s, "Doel (herzien)"), 2);
	schema_free(s);
}

static void test_section_whole_words(void **state)
{
	struct schema *s = parse_ok(sections_schema);

	(void)state;
	/* a name must end at a word end */
	assert_int_equal(section(s, "Doelstelling"), -1);
	assert_int_equal(section(s, "Doelen"), -1);
	assert_int_equal(section(s, "Voortgangsrapportage"), -1);
	assert_int_equal(section(s, "Progress2"), -1);
	assert_int_equal(section(s, "Financiënoverzicht"), -1);
	/* and start at the heading's start, after numbering and article */
	assert_int_equal(section(s, "Geen voortgang"), -1);
	assert_int_equal(section(s, "Het Risicoprofiel"), -1);
	schema_free(s);
}

static void test_section_apostrophes(void **state)
{
	struct schema *s = parse_ok(sections_schema);

	(void)state;
	assert_int_equal(section(s, "Risico's"), 1);
	assert_int_equal(section(s, "Risico\u2019s"), 1); /* right single quotation mark */
	assert_int_equal(section(s, "Risico\u2018s"), 1); /* left single quotation mark */
	assert_int_equal(section(s, "Risico`s"), 1);
	assert_int_equal(section(s, "3. De risico\u2019s"), 1);
	assert_int_equal(section(s, "Risicos"), -1);
	assert_int_equal(section(s, "Risico"), -1);
	schema_free(s);
}

static void test_section_case(void **state)
{
	struct schema *s = parse_ok(sections_schema);

	(void)state;
	assert_int_equal(section(s, "VOORTGANG"), 0);
	assert_int_equal(section(s, "voortgang"), 0);
	assert_int_equal(section(s, "vOoRtGaNg"), 0);
	assert_int_equal(section(s, "FINANCIËN"), 3);
	assert_int_equal(section(s, "financiën"), 3);
	assert_int_equal(section(s, "DE RISICO'S"), 1);
	/* financiën is not financien */
	assert_int_equal(section(s, "Financien"), -1);
	schema_free(s);
}

static void test_section_pattern(void **state)
{
	struct schema *s = parse_ok(sections_schema);

	(void)state;
	assert_int_equal(section(s, "Het college besluit"), 4);
	assert_int_equal(section(s, "De raad besluit"), 4);
	assert_int_equal(section(s, "college  besluit"), 4);
	assert_int_equal(section(s, "HET COLLEGE BESLUIT"), 4);
	assert_int_equal(section(s, "2. Het college besluit:"), 4);
	/* the title is not a name when a pattern is given */
	assert_int_equal(section(s, "Decision"), -1);
	/* the pattern is anchored at the start and ends at a word end */
	assert_int_equal(section(s, "Het college besluiten"), -1);
	assert_int_equal(section(s, "Waarom het college besluit"), -1);
	schema_free(s);
}

static void test_section_first_match_wins(void **state)
{
	struct schema *s = parse_ok("name: t\n"
				    "sections:\n"
				    "  - title: A\n"
				    "    names: [Besluit]\n"
				    "  - title: B\n"
				    "    names: [Besluit en toelichting, Besluiten]\n");

	(void)state;
	assert_int_equal(section(s, "Besluit"), 0);
	assert_int_equal(section(s, "Besluit en toelichting"), 0);
	assert_int_equal(section(s, "Besluiten"), 1);
	schema_free(s);
	/* The same name in two sections is a mistake in the schema. */
	parse_fail("name: t\n"
		   "sections:\n"
		   "  - title: A\n"
		   "    names: [Besluit]\n"
		   "  - title: B\n"
		   "    names: [Besluit, Besluiten]\n",
		   6, 13, "the section name 'Besluit' is given twice (first on line 4)");
}

static void test_section_len_respected(void **state)
{
	struct schema *s = parse_ok(sections_schema);

	(void)state;
	assert_int_equal(schema_section_match(s, "Doelstelling", 4), 2);
	assert_int_equal(schema_section_match(s, "Doel", 3), -1);
	schema_free(s);
}

/* ------------------------------------------------------------------ errors */

static void test_error_unknown_top_key(void **state)
{
	(void)state;
	parse_fail("name: x\ncolour: blue\n", 2, 1, "unknown key 'colour'");
	parse_fail("name: x\nfields:\n  a: date\nsection: []\n", 4, 1, "unknown key 'section'");
}

static void test_error_unknown_field_key(void **state)
{
	(void)state;
	parse_fail("name: x\n"
		   "fields:\n"
		   "  date:\n"
		   "    type: date\n"
		   "    requried: true\n",
		   5, 5, "unknown key 'requried'");
	parse_fail("name: x\nfields:\n  date: {type: date, pattren: x}\n", 3, 22,
		   "unknown key 'pattren'");
}

static void test_error_unknown_field_type(void **state)
{
	(void)state;
	parse_fail("name: x\n"
		   "fields:\n"
		   "  date:\n"
		   "    type: datum\n",
		   4, 11, "unknown field type 'datum'");
	parse_fail("name: x\nfields:\n  date: datum\n", 3, 9, "unknown field type 'datum'");
	parse_fail("name: x\n"
		   "fields:\n"
		   "  refs:\n"
		   "    type: list\n"
		   "    items: reference\n",
		   5, 12, "unknown field type 'reference'");
}

static void test_error_field_without_type(void **state)
{
	(void)state;
	parse_fail("name: x\n"
		   "fields:\n"
		   "  date:\n"
		   "    required: true\n",
		   4, 5, "needs a 'type'");
}

static void test_error_pattern_does_not_compile(void **state)
{
	(void)state;
	parse_fail("name: x\n"
		   "fields:\n"
		   "  code:\n"
		   "    type: string\n"
		   "    pattern: '^(A'\n",
		   5, 14, "does not compile");
	parse_fail("name: x\n"
		   "id:\n"
		   "  pattern: '[a-'\n",
		   3, 12, "does not compile");
	parse_fail("name: x\n"
		   "sections:\n"
		   "  - title: A\n"
		   "    pattern: 'a)'\n",
		   4, 14, "does not compile");
}

static void test_error_enum_without_values(void **state)
{
	(void)state;
	parse_fail("name: x\n"
		   "fields:\n"
		   "  status:\n"
		   "    type: enum\n",
		   4, 5, "'status' is an enum but has no 'values'");
	parse_fail("name: x\n"
		   "fields:\n"
		   "  kinds:\n"
		   "    type: list\n"
		   "    items: enum\n",
		   4, 5, "'kinds' is an enum but has no 'values'");
}

static void test_error_ref_without_targets(void **state)
{
	(void)state;
	parse_fail("name: x\n"
		   "fields:\n"
		   "  link:\n"
		   "    type: ref\n",
		   4, 5, "'link' is a ref but has no 'targets'");
}

static void test_error_required_if_undefined(void **state)
{
	(void)state;
	/* the error points at the name of the undefined field */
	parse_fail("name: x\n"
		   "fields:\n"
		   "  a:\n"
		   "    type: date\n"
		   "    description: the first date\n"
		   "    required-if:\n"
		   "      field: nope\n",
		   7, 14, "'nope'");
}

static void test_error_section_required_if_undefined(void **state)
{
	(void)state;
	parse_fail("name: x\n"
		   "fields:\n"
		   "  a: date\n"
		   "sections:\n"
		   "  - title: A\n"
		   "    required: false\n"
		   "    required-if: {field: ghost, equals: x}\n",
		   7, 26, "'ghost'");
}

static void test_error_exactly_one_of_undefined(void **state)
{
	(void)state;
	parse_fail("name: x\n"
		   "fields:\n"
		   "  a: date\n"
		   "  b: date\n"
		   "exactly-one-of:\n"
		   "  - [a, c]\n",
		   6, 9, "exactly-one-of names field 'c'");
	parse_fail("name: x\n"
		   "fields:\n"
		   "  a: date\n"
		   "  b: date\n"
		   "date-order:\n"
		   "  - [a, b]\n"
		   "  - - b\n"
		   "    - zz\n",
		   8, 7, "date-order names field 'zz'");
	parse_fail("name: x\n"
		   "fields:\n"
		   "  a: date\n"
		   "exactly-one-of:\n"
		   "  - [a]\n",
		   5, 5, "at least two");
}

static void test_error_bad_yaml(void **state)
{
	(void)state;
	parse_fail("name: x\ntitle: a: b\n", 2, 9, "mapping values are not allowed");
	parse_fail("name: x\nfields: [a\n", 3, 1, "flow sequence");
}

static void test_error_empty(void **state)
{
	(void)state;
	parse_fail("", 1, 1, "empty");
	parse_fail("# nothing here\n", 1, 1, "empty");
}

static void test_error_structure(void **state)
{
	(void)state;
	parse_fail("- name: x\n", 1, 1, "a schema must be a mapping");
	parse_fail("title: x\n", 1, 1, "needs a 'name'");
	parse_fail("name: [x]\n", 1, 7, "name must be a single value");
	parse_fail("name: x\nfields: [a, b]\n", 2, 9, "fields must be a mapping");
	parse_fail("name: x\nsections:\n  - names: [A]\n", 3, 5, "needs a 'title'");
	parse_fail("name: x\nsections:\n  - title: A\n    colour: red\n", 4, 5,
		   "unknown key 'colour'");
	parse_fail("name: x\nsections-ordered: maybe\n", 2, 19, "true or false");
	parse_fail("name: x\nsection-level: 7\n", 2, 16, "section-level");
	parse_fail("name: x\nfields:\n  n:\n    type: integer\n    min: ten\n", 5, 10,
		   "whole number");
	parse_fail("name: x\nfields:\n  n:\n    type: string\n    min-items: 1\n", 5, 5,
		   "so 'min-items' does not apply to it; 'min-items' is for fields of type list");
	parse_fail("name: x\nfields:\n  n:\n    type: list\n    items: list\n", 4, 5,
		   "cannot hold lists");
}

/* -------------------------------------------------------------- schema set */

static void test_builtin_schemas(void **state)
{
	struct schema_set set = {0};
	struct config_error err;
	const struct schema *s;

	(void)state;
	assert_int_equal(builtin_schema_count, 3);
	if (schema_set_add_builtin(&set, &err) != 0)
		fail_msg("%s:%d:%d: %s", err.file, err.line, err.col, err.message);
	if (schema_set_resolve(&set, &err) != 0)
		fail_msg("%s:%d:%d: %s", err.file, err.line, err.col, err.message);
	assert_int_equal(set.n, 3);
	assert_non_null(schema_set_find(&set, "covenant"));
	assert_non_null(schema_set_find(&set, "decision"));
	assert_non_null(schema_set_find(&set, "progress-report"));
	assert_null(schema_set_find(&set, "minutes"));

	s = schema_set_find(&set, "covenant");
	assert_int_equal(pattern_match(s->id_pattern, "COV-2024-001", 12), 1);
	assert_int_equal(section(s, "2. Doel"), 1);
	assert_int_equal(section(s, "Doelstelling"), 1);
	assert_int_equal(section(s, "4. Financiën"), 3);
	/* refs are resolved to the schemas of the set */
	assert_ptr_equal(schema_field(s, "adopted-by")->target_schemas[0],
			 schema_set_find(&set, "decision"));

	s = schema_set_find(&set, "decision");
	assert_int_equal(pattern_match(s->id_pattern, "2016009542", 10), 1);
	assert_int_equal(pattern_match(s->id_pattern, "2021-042", 8), 1);
	assert_int_equal(section(s, "Het college besluit"), 1);
	assert_int_equal(section(s, "Aanleiding"), 0);

	s = schema_set_find(&set, "progress-report");
	assert_int_equal(section(s, "De voortgang (sept – dec 2023)"), 2);
	assert_int_equal(section(s, "3. De risico\u2019s"), 4);
	assert_int_equal(section(s, "Het oorspronkelijke doel"), 1);
	schema_set_free(&set);
	assert_int_equal(set.n, 0);
}

static void test_put_replaces(void **state)
{
	struct schema_set set = {0};
	struct config_error err;

	(void)state;
	assert_int_equal(schema_set_add_builtin(&set, &err), 0);
	schema_set_put(&set, parse_ok("name: decision\ntitle: my decision\n"));
	schema_set_put(&set, parse_ok("name: minutes\n"));
	assert_int_equal(set.n, 4);
	assert_string_equal(schema_set_find(&set, "decision")->title, "my decision");
	assert_non_null(schema_set_find(&set, "minutes"));
	assert_int_equal(schema_set_resolve(&set, &err), 0);
	schema_set_free(&set);
}

static void test_resolve_unknown_target(void **state)
{
	struct schema_set set = {0};
	struct config_error err;

	(void)state;
	assert_int_equal(schema_set_add_builtin(&set, &err), 0);
	schema_set_put(&set, parse_ok("name: minutes\n"
				      "fields:\n"
				      "  about:\n"
				      "    type: ref\n"
				      "    targets: [decision, ghost]\n"));
	memset(&err, 0, sizeof err);
	assert_int_equal(schema_set_resolve(&set, &err), -1);
	assert_string_equal(err.file, "test.yml");
	assert_int_equal(err.line, 5);
	assert_int_equal(err.col, 25);
	assert_non_null(strstr(err.message, "'ghost'"));
	assert_non_null(strstr(err.message, "'about'"));
	schema_set_free(&set);

	schema_set_put(&set, parse_ok("name: minutes\n"
				      "fields:\n"
				      "  cites:\n"
				      "    type: list\n"
				      "    items: ref\n"
				      "    targets: minutes\n"
				      "  others:\n"
				      "    type: list\n"
				      "    items: ref\n"
				      "    targets: [covenant]\n"));
	assert_int_equal(schema_set_resolve(&set, &err), -1);
	assert_int_equal(err.line, 10);
	assert_non_null(strstr(err.message, "'covenant'"));
	schema_set_free(&set);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_valid_schema),
	    cmocka_unit_test(test_minimal_schema),
	    cmocka_unit_test(test_id_field_added_first),
	    cmocka_unit_test(test_field_types),
	    cmocka_unit_test(test_required_if_later_field),
	    cmocka_unit_test(test_section_plain_names),
	    cmocka_unit_test(test_section_numbering),
	    cmocka_unit_test(test_section_articles),
	    cmocka_unit_test(test_section_trailing_qualifier),
	    cmocka_unit_test(test_section_whole_words),
	    cmocka_unit_test(test_section_apostrophes),
	    cmocka_unit_test(test_section_case),
	    cmocka_unit_test(test_section_pattern),
	    cmocka_unit_test(test_section_first_match_wins),
	    cmocka_unit_test(test_section_len_respected),
	    cmocka_unit_test(test_error_unknown_top_key),
	    cmocka_unit_test(test_error_unknown_field_key),
	    cmocka_unit_test(test_error_unknown_field_type),
	    cmocka_unit_test(test_error_field_without_type),
	    cmocka_unit_test(test_error_pattern_does_not_compile),
	    cmocka_unit_test(test_error_enum_without_values),
	    cmocka_unit_test(test_error_ref_without_targets),
	    cmocka_unit_test(test_error_required_if_undefined),
	    cmocka_unit_test(test_error_section_required_if_undefined),
	    cmocka_unit_test(test_error_exactly_one_of_undefined),
	    cmocka_unit_test(test_error_bad_yaml),
	    cmocka_unit_test(test_error_empty),
	    cmocka_unit_test(test_error_structure),
	    cmocka_unit_test(test_builtin_schemas),
	    cmocka_unit_test(test_put_replaces),
	    cmocka_unit_test(test_resolve_unknown_target),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
