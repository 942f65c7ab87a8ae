/* SPDX-License-Identifier: EUPL-1.2 */
/* test_record.c - unit tests for record_load and record_index_sections (record.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "diag.h"
#include "load_yaml.h"
#include "record.h"

/* Each test keeps its diagnostics in a list freed by the teardown. */
static int setup(void **state)
{
	static struct diag_list list;

	memset(&list, 0, sizeof list);
	*state = &list;
	return 0;
}

static int teardown(void **state)
{
	diag_list_free(*state);
	return 0;
}

static struct record *load(void **state, const char *text)
{
	struct record *rec = record_load("r.md", text, strlen(text), *state);

	assert_non_null(rec);
	assert_non_null(rec->arena);
	assert_string_equal(rec->path, "r.md");
	return rec;
}

static const struct diag_list *diags(void **state)
{
	return *state;
}

/* Checks that exactly one diagnostic was reported, frontmatter-invalid at line:col. */
static void assert_one_invalid(void **state, int line, int col, const char *words)
{
	const struct diag_list *list = diags(state);

	if (list->n != 1)
		fail_msg("expected one diagnostic, got %zu%s%s", list->n, list->n ? ": " : "",
			 list->n ? list->items[0].message : "");
	assert_int_equal(list->items[0].rule, RULE_FRONTMATTER_INVALID);
	assert_string_equal(list->items[0].path, "r.md");
	if (list->items[0].line != line || list->items[0].col != col ||
	    strstr(list->items[0].message, words) == NULL)
		fail_msg("got %d:%d '%s', expected %d:%d with '%s'", list->items[0].line,
			 list->items[0].col, list->items[0].message, line, col, words);
}

static const char *field(const struct record *rec, const char *name)
{
	const struct ynode *v = ynode_get(rec->front, name);

	assert_non_null(v);
	return v->text;
}

/* ----------------------------------------------------------- front matter */

static void test_no_front_matter(void **state)
{
	struct record *rec = load(state, "# A README\n\nNot a record.\n");

	assert_false(rec->has_front);
	assert_null(rec->front);
	assert_int_equal(diags(state)->n, 0);
	record_free(rec);

	rec = load(state, "");
	assert_false(rec->has_front);
	assert_null(rec->front);
	record_free(rec);

	/* a thematic break followed by text is not front matter */
	rec = load(state, "---\n\nJust a note.\n");
	assert_true(rec->has_front); /* opens like front matter, so it is checked */
	record_free(rec);
}

/* A file meant as a record whose first line is not exactly '---' has no
 * front matter as the format defines it: frontmatter-missing, reported on
 * the dash line with the repair, not skipped in silence. */
static void test_almost_front_matter(void **state)
{
	static const struct {
		const char *text;
		int line, end_col;
		const char *words;
	} cases[] = {
	    {"----\ntype: decision\n----\n", 1, 5, "but it is '----'"},
	    {" ---\ntype: decision\n---\n", 1, 5, "but it is ' ---'"},
	    {"--\ntype: decision\n---\n", 1, 3, "but it is '--'"},
	    {"\n---\ntype: decision\n---\n", 2, 4, "blank lines come before it"},
	    {"\xe2\x80\x94-\ntype: decision\n---\n", 1, 5, "exactly three hyphens ('---')"},
	    {"\xe2\x80\x94\xe2\x80\x94\ntype: decision\n---\n", 1, 7, "to open the front"},
	};
	const struct diag *d;
	struct record *rec;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		diag_list_free(*state);
		rec = load(state, cases[i].text);
		assert_true(rec->has_front);
		assert_null(rec->front);
		assert_int_equal(diags(state)->n, 1);
		d = &diags(state)->items[0];
		assert_int_equal(d->rule, RULE_FRONTMATTER_MISSING);
		assert_int_equal(d->line, cases[i].line);
		assert_int_equal(d->col, 1);
		if (strstr(d->message, cases[i].words) == NULL)
			fail_msg("case %zu: '%s' lacks '%s'", i, d->message, cases[i].words);
		/* the repair: from the file's start up to the end of the dash line */
		assert_non_null(d->fix);
		assert_int_equal(d->fix->line, 1);
		assert_int_equal(d->fix->col, 1);
		assert_int_equal(d->fix->end_line, cases[i].line);
		assert_int_equal(d->fix->end_col, cases[i].end_col);
		assert_string_equal(d->fix->text, "---");
		assert_non_null(d->help);
		record_free(rec);
	}
	/* not meant as a record: a dash line with no field after it, a lone dash */
	diag_list_free(*state);
	rec = load(state, "\n\n# Not a record\n\n---\n\ntext\n");
	assert_false(rec->has_front);
	assert_int_equal(diags(state)->n, 0);
	record_free(rec);
	rec = load(state, "--\nJust a line of text.\n");
	assert_false(rec->has_front);
	assert_int_equal(diags(state)->n, 0);
	record_free(rec);
	rec = load(state, "-\ntype: decision\n");
	assert_int_equal(diags(state)->n, 0);
	record_free(rec);
}

static void test_front_matter(void **state)
{
	struct record *rec = load(state, "---\n"
					 "type: decision\n"
					 "id: 2016009542\n"
					 "version: 1.10\n"
					 "---\n"
					 "# Title\n");

	assert_true(rec->has_front);
	assert_non_null(rec->front);
	assert_int_equal(diags(state)->n, 0);
	assert_int_equal(rec->front->kind, YNODE_MAP);
	assert_int_equal(ynode_pairs(rec->front), 3);
	assert_string_equal(field(rec, "type"), "decision");
	assert_string_equal(field(rec, "id"), "2016009542");
	assert_string_equal(field(rec, "version"), "1.10");
	/* lines are the file's own: the front matter starts on line 2 */
	assert_int_equal(ynode_key(rec->front, "type")->line, 2);
	assert_int_equal(ynode_key(rec->front, "id")->line, 3);
	assert_int_equal(ynode_get(rec->front, "id")->col, 5);
	assert_int_equal(rec->body_line, 6);
	record_free(rec);
}

static void test_bom(void **state)
{
	struct record *rec = load(state, "\xEF\xBB\xBF---\ntype: decision\n---\n# Title\n");

	assert_true(rec->has_front);
	assert_non_null(rec->front);
	assert_string_equal(field(rec, "type"), "decision");
	assert_int_equal(ynode_key(rec->front, "type")->line, 2);
	assert_int_equal(ynode_key(rec->front, "type")->col, 1);
	assert_int_equal(rec->body_line, 4);
	assert_true(rec->title_level1);
	record_free(rec);

	/* a BOM before a file without front matter */
	rec = load(state, "\xEF\xBB\xBF# Title\n");
	assert_false(rec->has_front);
	record_free(rec);
	assert_int_equal(diags(state)->n, 0);
}

static void test_crlf(void **state)
{
	struct record *rec = load(state, "---\r\n"
					 "type: decision\r\n"
					 "id: 7\r\n"
					 "---\r\n"
					 "# Title\r\n"
					 "\r\n"
					 "## Besluit\r\n"
					 "\r\n"
					 "Text.\r\n");

	assert_true(rec->has_front);
	assert_non_null(rec->front);
	assert_int_equal(diags(state)->n, 0);
	assert_string_equal(field(rec, "type"), "decision");
	assert_string_equal(field(rec, "id"), "7");
	assert_int_equal(ynode_key(rec->front, "id")->line, 3);
	assert_int_equal(rec->body_line, 5);
	assert_true(rec->title_level1);
	record_index_sections(rec, 2);
	assert_int_equal(rec->nsections, 1);
	assert_string_equal(rec->sections[0].heading, "Besluit");
	assert_int_equal(rec->sections[0].line, 7);
	assert_true(rec->sections[0].has_content);
	record_free(rec);
}

static void test_closing_dots(void **state)
{
	struct record *rec = load(state, "---\ntype: decision\n...\n# Title\n");

	assert_true(rec->has_front);
	assert_non_null(rec->front);
	assert_int_equal(diags(state)->n, 0);
	assert_string_equal(field(rec, "type"), "decision");
	assert_int_equal(rec->body_line, 4);
	assert_true(rec->title_level1);
	record_free(rec);
}

static void test_markers_with_trailing_blanks(void **state)
{
	struct record *rec = load(state, "--- \ntype: decision\n---\t \n# Title\n");

	assert_true(rec->has_front);
	assert_non_null(rec->front);
	assert_int_equal(diags(state)->n, 0);
	assert_int_equal(rec->body_line, 4);
	record_free(rec);
}

static void test_closing_at_end_of_file(void **state)
{
	struct record *rec = load(state, "---\ntype: decision\n---");

	assert_true(rec->has_front);
	assert_non_null(rec->front);
	assert_int_equal(diags(state)->n, 0);
	assert_false(rec->title_level1);
	record_index_sections(rec, 2);
	assert_int_equal(rec->nsections, 0);
	record_free(rec);
}

static void test_unclosed(void **state)
{
	struct record *rec = load(state, "---\ntype: decision\nid: 1\n\n# Title\n");

	assert_true(rec->has_front);
	assert_null(rec->front);
	assert_one_invalid(state, 1, 1, "never closed");
	record_free(rec);
}

static void test_unclosed_marker_only(void **state)
{
	struct record *rec = load(state, "---\n");

	assert_true(rec->has_front);
	assert_null(rec->front);
	assert_one_invalid(state, 1, 1, "never closed");
	record_free(rec);
}

static void test_empty_front_matter(void **state)
{
	struct record *rec = load(state, "---\n---\n# Title\n");

	assert_true(rec->has_front);
	assert_null(rec->front);
	assert_one_invalid(state, 1, 1, "empty");
	record_free(rec);
}

static void test_yaml_error_lines(void **state)
{
	struct record *rec = load(state, "---\n"
					 "type: decision\n"
					 "title: Besluit: subsidie\n"
					 "---\n");

	assert_true(rec->has_front);
	assert_null(rec->front);
	/* the error is on file line 3, where the second ': ' is */
	assert_one_invalid(state, 3, 15, "straight quotes");
	record_free(rec);
}

static void test_yaml_error_lines_crlf_bom(void **state)
{
	struct record *rec = load(state, "\xEF\xBB\xBF---\r\n"
					 "type: decision\r\n"
					 "\r\n"
					 "title: Besluit: subsidie\r\n"
					 "---\r\n");

	assert_null(rec->front);
	assert_one_invalid(state, 4, 15, "straight quotes");
	record_free(rec);
}

static void test_undefined_alias_line(void **state)
{
	struct record *rec = load(state, "---\ntype: decision\nparties: *who\n---\n");

	assert_null(rec->front);
	assert_one_invalid(state, 3, 10, "alias");
	record_free(rec);
}

static void test_duplicate_key(void **state)
{
	struct record *rec = load(state, "---\n"
					 "type: decision\n"
					 "id: 1\n"
					 "title: x\n"
					 "id: 2\n"
					 "---\n");

	assert_true(rec->has_front);
	assert_null(rec->front);
	assert_one_invalid(state, 5, 1, "'id' is given twice");
	assert_non_null(strstr(diags(state)->items[0].message, "line 3"));
	record_free(rec);
}

static void test_non_scalar_key(void **state)
{
	struct record *rec = load(state, "---\ntype: decision\n? [a, b]\n: c\n---\n");

	assert_null(rec->front);
	assert_one_invalid(state, 3, 3, "field name");
	record_free(rec);
}

static void test_non_mapping(void **state)
{
	struct record *rec = load(state, "---\n- type\n- decision\n---\n");

	assert_true(rec->has_front);
	assert_null(rec->front);
	assert_one_invalid(state, 2, 1, "name: value");
	record_free(rec);
}

static void test_scalar_front_matter(void **state)
{
	struct record *rec = load(state, "---\n\njust some text\n---\n");

	assert_null(rec->front);
	assert_one_invalid(state, 3, 1, "name: value");
	record_free(rec);
}

static void test_two_documents_cannot_happen(void **state)
{
	/* the front matter ends at the first '---', so a second document is body */
	struct record *rec = load(state, "---\na: 1\n---\nb: 2\n---\n");

	assert_non_null(rec->front);
	assert_int_equal(ynode_pairs(rec->front), 1);
	assert_int_equal(diags(state)->n, 0);
	assert_int_equal(rec->body_line, 4);
	record_free(rec);
}

static void test_problems_keep_the_body(void **state)
{
	struct record *rec = load(state, "---\ntitle: a: b\n---\n# Title\n\n## Section\n\nText\n");

	assert_null(rec->front);
	assert_int_equal(diags(state)->n, 1);
	assert_true(rec->title_level1);
	assert_int_equal(rec->body_line, 4);
	record_index_sections(rec, 2);
	assert_int_equal(rec->nsections, 1);
	assert_int_equal(rec->sections[0].line, 6);
	record_free(rec);
}

/* -------------------------------------------------------------------- body */

static void test_body_line(void **state)
{
	struct record *rec = load(state, "---\na: 1\nb: 2\nc: 3\n---\nbody\n");

	assert_int_equal(rec->body_line, 6);
	record_free(rec);
	rec = load(state, "---\na: 1\n---\n");
	assert_int_equal(rec->body_line, 4);
	record_free(rec);
	rec = load(state, "---\na: 1\n\n\n---\n\n\n# Title\n");
	assert_int_equal(rec->body_line, 6);
	assert_true(rec->title_level1);
	record_free(rec);
}

static void test_title_level1(void **state)
{
	struct record *rec = load(state, "---\na: 1\n---\n# Title\n\n## Section\n");

	assert_true(rec->title_level1);
	record_free(rec);
	rec = load(state, "---\na: 1\n---\n\n\n# Title after blank lines\n");
	assert_true(rec->title_level1);
	record_free(rec);
	rec = load(state, "---\na: 1\n---\nTitle\n=====\n");
	assert_true(rec->title_level1);
	record_free(rec);
	rec = load(state, "---\na: 1\n---\n## Section\n");
	assert_false(rec->title_level1);
	record_free(rec);
	rec = load(state, "---\na: 1\n---\nSome text first.\n\n# Title\n");
	assert_false(rec->title_level1);
	record_free(rec);
	rec = load(state, "---\na: 1\n---\n");
	assert_false(rec->title_level1);
	record_free(rec);
	/* opening with a level-1 heading is all it takes; which level the
	 * sections are at is then chosen against the schema (rule_index_sections) */
	rec = load(state, "---\na: 1\n---\n# One\n\ntext\n\n# Two\n\ntext\n");
	assert_true(rec->title_level1);
	record_free(rec);
}

/* ---------------------------------------------------------------- sections */

static const char sectioned[] = "---\n"                      /* 1 */
				"type: decision\n"           /* 2 */
				"---\n"                      /* 3 */
				"# Title\n"                  /* 4 */
				"\n"                         /* 5 */
				"## Empty\n"                 /* 6 */
				"## Filled\n"                /* 7 */
				"\n"                         /* 8 */
				"Some text.\n"               /* 9 */
				"\n"                         /* 10 */
				"## Deeper\n"                /* 11 */
				"### Sub\n"                  /* 12 */
				"## Closed\n"                /* 13 */
				"# Part two\n"               /* 14 */
				"\n"                         /* 15 */
				"Text under level 1.\n"      /* 16 */
				"\n"                         /* 17 */
				"## Last\n"                  /* 18 */
				"\n"                         /* 19 */
				"  ## Indented *emph* `x`\n" /* 20 */
				"\n"                         /* 21 */
				"- a list\n";                /* 22 */

static void test_sections_level2(void **state)
{
	struct record *rec = load(state, sectioned);
	static const struct {
		const char *heading;
		int line, col, content;
	} want[] = {
	    {"Empty", 6, 1, 0},   {"Filled", 7, 1, 1}, {"Deeper", 11, 1, 1},
	    {"Closed", 13, 1, 0}, {"Last", 18, 1, 0},  {"Indented emph x", 20, 3, 1},
	};
	size_t i;

	record_index_sections(rec, 2);
	assert_int_equal(rec->nsections, sizeof want / sizeof *want);
	for (i = 0; i < rec->nsections; i++) {
		assert_string_equal(rec->sections[i].heading, want[i].heading);
		assert_int_equal(rec->sections[i].len, strlen(want[i].heading));
		assert_int_equal(rec->sections[i].line, want[i].line);
		assert_int_equal(rec->sections[i].col, want[i].col);
		if (rec->sections[i].has_content != want[i].content)
			fail_msg("section '%s': has_content %d, expected %d", want[i].heading,
				 rec->sections[i].has_content, want[i].content);
		assert_int_equal(rec->sections[i].spec, -1);
	}
	record_free(rec);
}

static void test_sections_level1(void **state)
{
	struct record *rec = load(state, sectioned);

	record_index_sections(rec, 1);
	assert_int_equal(rec->nsections, 2);
	assert_string_equal(rec->sections[0].heading, "Title");
	assert_int_equal(rec->sections[0].line, 4);
	/* deeper headings count as content */
	assert_true(rec->sections[0].has_content);
	assert_string_equal(rec->sections[1].heading, "Part two");
	assert_int_equal(rec->sections[1].line, 14);
	assert_true(rec->sections[1].has_content);
	record_free(rec);
}

static void test_sections_reindex(void **state)
{
	struct record *rec = load(state, sectioned);

	record_index_sections(rec, 1);
	assert_int_equal(rec->nsections, 2);
	record_index_sections(rec, 2);
	assert_int_equal(rec->nsections, 6);
	assert_string_equal(rec->sections[0].heading, "Empty");
	record_free(rec);
}

static void test_sections_heading_last(void **state)
{
	struct record *rec = load(state, "---\na: 1\n---\n# T\n\n## Only\n");

	record_index_sections(rec, 2);
	assert_int_equal(rec->nsections, 1);
	assert_false(rec->sections[0].has_content);
	assert_int_equal(rec->sections[0].line, 6);
	record_free(rec);
}

static void test_sections_content_kinds(void **state)
{
	struct record *rec = load(state, "---\na: 1\n---\n"
					 "## Code\n\n```\nx\n```\n"
					 "## Quote\n\n> q\n"
					 "## Rule\n\n***\n"
					 "## Html\n\n<div>x</div>\n\n"
					 "## Setext\nSetext\n------\n");

	record_index_sections(rec, 2);
	assert_int_equal(rec->nsections, 6);
	assert_true(rec->sections[0].has_content);
	assert_true(rec->sections[1].has_content);
	assert_true(rec->sections[2].has_content);
	assert_true(rec->sections[3].has_content);
	/* a setext heading of the same level is a section, not content */
	assert_false(rec->sections[4].has_content);
	assert_string_equal(rec->sections[5].heading, "Setext");
	assert_int_equal(rec->sections[5].line, 20);
	record_free(rec);
}

static void test_sections_without_front_matter(void **state)
{
	struct record *rec = load(state, "# Title\n\n## Section\n\nText\n");

	assert_false(rec->has_front);
	record_index_sections(rec, 2);
	assert_true(rec->nsections == 0 || rec->sections[0].line == 3);
	record_free(rec);
}

static void test_free_null(void **state)
{
	(void)state;
	record_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_no_front_matter, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_almost_front_matter, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_front_matter, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_bom, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_crlf, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_closing_dots, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_markers_with_trailing_blanks, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_closing_at_end_of_file, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_unclosed, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_unclosed_marker_only, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_empty_front_matter, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_yaml_error_lines, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_yaml_error_lines_crlf_bom, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_undefined_alias_line, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_duplicate_key, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_non_scalar_key, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_non_mapping, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_scalar_front_matter, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_two_documents_cannot_happen, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_problems_keep_the_body, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_body_line, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_title_level1, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_sections_level2, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_sections_level1, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_sections_reindex, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_sections_heading_last, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_sections_content_kinds, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_sections_without_front_matter, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_free_null, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
