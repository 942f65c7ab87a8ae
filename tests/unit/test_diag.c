/* SPDX-License-Identifier: EUPL-1.2 */
/* test_diag.c - unit tests for the rule catalogue, diagnostic lists and edit_distance. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "diag.h"
#include "util.h"

/* Rule names are an interface: they are never renamed or reused. */
static const char *const known_names[] = {
    "frontmatter-missing", "frontmatter-invalid", "type-missing",     "type-unknown",
    "field-required",      "field-type",          "field-pattern",    "field-enum",
    "field-items",         "field-unknown",       "date-invalid",     "date-order",
    "id-pattern",          "file-name",           "section-required", "section-order",
    "section-empty",       "section-duplicate",
};

/* --------------------------------------------------------------- catalogue */

static void test_catalogue_round_trip(void **state)
{
	int i;

	(void)state;
	for (i = 0; i < RULE_COUNT; i++) {
		assert_non_null(rule_catalogue[i].name);
		assert_int_equal(rule_lookup(rule_catalogue[i].name), i);
	}
	assert_int_equal(rule_lookup(rule_catalogue[RULE_FIELD_ENUM].name), RULE_FIELD_ENUM);
	assert_string_equal(rule_catalogue[RULE_FRONTMATTER_INVALID].name, "frontmatter-invalid");
	assert_string_equal(rule_catalogue[RULE_SECTION_DUPLICATE].name, "section-duplicate");
}

static void test_catalogue_names_known(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof known_names / sizeof *known_names; i++)
		if (rule_lookup(known_names[i]) < 0)
			fail_msg("rule '%s' has gone from the catalogue", known_names[i]);
	assert_true(RULE_COUNT >= (int)(sizeof known_names / sizeof *known_names));
}

static void test_catalogue_names_unique(void **state)
{
	int i, j;

	(void)state;
	for (i = 0; i < RULE_COUNT; i++)
		for (j = i + 1; j < RULE_COUNT; j++)
			if (strcmp(rule_catalogue[i].name, rule_catalogue[j].name) == 0)
				fail_msg("rules %d and %d are both named '%s'", i, j,
					 rule_catalogue[i].name);
}

static void test_catalogue_entries_well_formed(void **state)
{
	const char *p;
	size_t n;
	int i;

	(void)state;
	for (i = 0; i < RULE_COUNT; i++) {
		/* names are lower-case words joined by hyphens */
		for (p = rule_catalogue[i].name; *p != '\0'; p++)
			if (!((*p >= 'a' && *p <= 'z') || *p == '-'))
				fail_msg("rule name '%s' has '%c'", rule_catalogue[i].name, *p);
		assert_true(strlen(rule_catalogue[i].name) > 0);
		assert_true(rule_catalogue[i].name[0] != '-');
		/* every rule is on by default and says what it checks in a sentence */
		assert_true(rule_catalogue[i].severity >= SEV_INFO &&
			    rule_catalogue[i].severity <= SEV_ERROR);
		assert_non_null(rule_catalogue[i].summary);
		n = strlen(rule_catalogue[i].summary);
		assert_true(n > 1);
		assert_int_equal(rule_catalogue[i].summary[n - 1], '.');
	}
	assert_int_equal(rule_catalogue[RULE_FRONTMATTER_INVALID].severity, SEV_ERROR);
	assert_int_equal(rule_catalogue[RULE_FIELD_UNKNOWN].severity, SEV_WARNING);
	assert_int_equal(rule_catalogue[RULE_SECTION_EMPTY].severity, SEV_WARNING);
}

static void test_rule_lookup_unknown(void **state)
{
	(void)state;
	assert_int_equal(rule_lookup(""), -1);
	assert_int_equal(rule_lookup("no-such-rule"), -1);
	assert_int_equal(rule_lookup("Field-Enum"), -1);
	assert_int_equal(rule_lookup("field-enum "), -1);
	assert_int_equal(rule_lookup("field"), -1);
	assert_int_equal(rule_lookup("field-enums"), -1);
}

static void test_severity_names(void **state)
{
	(void)state;
	assert_string_equal(severity_name(SEV_OFF), "off");
	assert_string_equal(severity_name(SEV_INFO), "info");
	assert_string_equal(severity_name(SEV_WARNING), "warning");
	assert_string_equal(severity_name(SEV_ERROR), "error");
	assert_int_equal(severity_parse("off"), SEV_OFF);
	assert_int_equal(severity_parse("info"), SEV_INFO);
	assert_int_equal(severity_parse("warning"), SEV_WARNING);
	assert_int_equal(severity_parse("error"), SEV_ERROR);
	assert_int_equal(severity_parse(""), -1);
	assert_int_equal(severity_parse("fatal"), -1);
	assert_int_equal(severity_parse("warn"), -1);
	assert_int_equal(severity_parse("errors"), -1);
	assert_int_equal(severity_parse("ERROR"), -1);
}

static void test_severity_round_trip(void **state)
{
	int sev;

	(void)state;
	for (sev = SEV_OFF; sev <= SEV_ERROR; sev++)
		assert_int_equal(severity_parse(severity_name((enum severity)sev)), sev);
}

/* ----------------------------------------------------------- diag_report */

static void test_report_copies(void **state)
{
	struct diag_list list = {0};
	char path[] = "besluiten/2024-017.md";

	(void)state;
	diag_report(&list, path, 6, 9, RULE_FIELD_ENUM, "field '%s' has the value '%s' (%d)",
		    "status", "vastgesteld", 42);
	path[0] = 'X';
	assert_int_equal(list.n, 1);
	assert_string_equal(list.items[0].path, "besluiten/2024-017.md");
	assert_int_equal(list.items[0].line, 6);
	assert_int_equal(list.items[0].col, 9);
	assert_int_equal(list.items[0].rule, RULE_FIELD_ENUM);
	assert_int_equal(list.items[0].severity, SEV_ERROR);
	assert_string_equal(list.items[0].message,
			    "field 'status' has the value 'vastgesteld' (42)");
	diag_list_free(&list);
	assert_int_equal(list.n, 0);
	assert_null(list.items);
}

static void test_report_clamps_position(void **state)
{
	struct diag_list list = {0};

	(void)state;
	diag_report(&list, "a.md", 0, 0, RULE_TYPE_MISSING, "x");
	diag_report(&list, "a.md", -3, -1, RULE_TYPE_MISSING, "y");
	assert_int_equal(list.items[0].line, 1);
	assert_int_equal(list.items[0].col, 1);
	assert_int_equal(list.items[1].line, 1);
	assert_int_equal(list.items[1].col, 1);
	diag_list_free(&list);
}

static void test_report_default_severity(void **state)
{
	struct diag_list list = {0};

	(void)state;
	diag_report(&list, "a.md", 1, 1, RULE_FIELD_UNKNOWN, "unknown");
	diag_report(&list, "a.md", 1, 1, RULE_DATE_INVALID, "invalid");
	assert_int_equal(list.n, 2);
	assert_int_equal(list.items[0].severity, SEV_WARNING);
	assert_int_equal(list.items[1].severity, SEV_ERROR);
	diag_list_free(&list);
}

static void test_report_overrides(void **state)
{
	enum severity sev[RULE_COUNT];
	struct diag_list list = {0};
	int i;

	(void)state;
	for (i = 0; i < RULE_COUNT; i++)
		sev[i] = rule_catalogue[i].severity;
	sev[RULE_SECTION_EMPTY] = SEV_OFF;
	sev[RULE_FIELD_UNKNOWN] = SEV_ERROR;
	sev[RULE_DATE_ORDER] = SEV_INFO;

	diag_report(&list, "a.md", 3, 1, RULE_SECTION_EMPTY, "dropped");
	diag_report(&list, "a.md", 4, 1, RULE_FIELD_UNKNOWN, "raised");
	diag_report(&list, "a.md", 5, 1, RULE_DATE_ORDER, "lowered");
	diag_report(&list, "a.md", 6, 1, RULE_FIELD_ENUM, "as is");
	diag_report(&list, "a.md", 7, 1, RULE_SECTION_EMPTY, "dropped again");
	/* Rules always report; the filter applies the configuration after them. */
	assert_int_equal(list.n, 5);
	diag_list_apply_severity(&list, sev);
	assert_int_equal(list.n, 3);
	assert_int_equal(list.items[0].rule, RULE_FIELD_UNKNOWN);
	assert_int_equal(list.items[0].severity, SEV_ERROR);
	assert_int_equal(list.items[1].rule, RULE_DATE_ORDER);
	assert_int_equal(list.items[1].severity, SEV_INFO);
	assert_int_equal(list.items[2].rule, RULE_FIELD_ENUM);
	assert_int_equal(list.items[2].severity, SEV_ERROR);
	assert_int_equal(diag_list_count(&list, SEV_ERROR), 2);
	assert_int_equal(diag_list_count(&list, SEV_INFO), 1);
	assert_int_equal(diag_list_count(&list, SEV_WARNING), 0);
	assert_int_equal(diag_list_count(&list, SEV_OFF), 0);
	diag_list_free(&list);
}

static void test_report_all_off(void **state)
{
	enum severity sev[RULE_COUNT];
	struct diag_list list = {0};
	int i;

	(void)state;
	for (i = 0; i < RULE_COUNT; i++)
		sev[i] = SEV_OFF;
	for (i = 0; i < RULE_COUNT; i++)
		diag_report(&list, "a.md", 1, 1, (enum rule_id)i, "rule %d", i);
	assert_int_equal(list.n, RULE_COUNT);
	diag_list_apply_severity(&list, sev);
	assert_int_equal(list.n, 0);
	diag_list_free(&list);
}

static void test_report_many(void **state)
{
	struct diag_list list = {0};
	int i;

	(void)state;
	for (i = 0; i < 1000; i++)
		diag_report(&list, "a.md", i + 1, 1, RULE_FIELD_TYPE, "number %d", i);
	assert_int_equal(list.n, 1000);
	assert_true(list.cap >= list.n);
	assert_int_equal(list.items[999].line, 1000);
	assert_string_equal(list.items[999].message, "number 999");
	assert_int_equal(diag_list_count(&list, SEV_ERROR), 1000);
	diag_list_free(&list);
}

/* ------------------------------------------------------------ list helpers */

static void test_move(void **state)
{
	struct diag_list dst = {0}, src = {0};

	(void)state;
	diag_report(&dst, "a.md", 1, 1, RULE_FIELD_TYPE, "first");
	diag_report(&src, "b.md", 2, 1, RULE_FIELD_ENUM, "second");
	diag_report(&src, "c.md", 3, 1, RULE_DATE_ORDER, "third");
	diag_list_move(&dst, &src);
	assert_int_equal(dst.n, 3);
	assert_int_equal(src.n, 0);
	assert_null(src.items);
	assert_string_equal(dst.items[0].message, "first");
	assert_string_equal(dst.items[1].message, "second");
	assert_string_equal(dst.items[2].path, "c.md");
	/* moving an empty list changes nothing */
	diag_list_move(&dst, &src);
	assert_int_equal(dst.n, 3);
	/* the emptied list can be used again */
	diag_report(&src, "d.md", 4, 1, RULE_FIELD_TYPE, "fourth");
	assert_int_equal(src.n, 1);
	diag_list_free(&src);
	diag_list_free(&dst);
}

static void test_count(void **state)
{
	struct diag_list list = {0};

	(void)state;
	assert_int_equal(diag_list_count(&list, SEV_ERROR), 0);
	diag_report(&list, "a.md", 1, 1, RULE_FIELD_TYPE, "e");
	diag_report(&list, "a.md", 1, 1, RULE_FIELD_UNKNOWN, "w");
	diag_report(&list, "a.md", 1, 1, RULE_FILE_NAME, "w");
	diag_report(&list, "a.md", 1, 1, RULE_SECTION_ORDER, "w");
	diag_report(&list, "a.md", 1, 1, RULE_ID_PATTERN, "e");
	assert_int_equal(diag_list_count(&list, SEV_ERROR), 2);
	assert_int_equal(diag_list_count(&list, SEV_WARNING), 3);
	assert_int_equal(diag_list_count(&list, SEV_INFO), 0);
	diag_list_free(&list);
}

static void test_sort(void **state)
{
	struct diag_list list = {0};
	size_t i;
	static const char *const expected[] = {
	    "a.md 2:1 field-type",    "a.md 9:5 field-type",   "a.md 10:1 field-type",
	    "a.md 10:3 date-invalid", "a.md 10:3 field-enum",  "a.md 10:3 frontmatter-missing",
	    "b.md 1:1 field-type",    "b/a.md 1:1 field-type",
	};
	char got[128];

	(void)state;
	/* added in an order that is wrong on every key; paths compare byte by byte */
	diag_report(&list, "b.md", 1, 1, RULE_FIELD_TYPE, "m");
	diag_report(&list, "a.md", 10, 3, RULE_FRONTMATTER_MISSING, "m");
	diag_report(&list, "a.md", 10, 3, RULE_FIELD_ENUM, "m");
	diag_report(&list, "a.md", 10, 1, RULE_FIELD_TYPE, "m");
	diag_report(&list, "b/a.md", 1, 1, RULE_FIELD_TYPE, "m");
	diag_report(&list, "a.md", 10, 3, RULE_DATE_INVALID, "m");
	diag_report(&list, "a.md", 9, 5, RULE_FIELD_TYPE, "m");
	diag_report(&list, "a.md", 2, 1, RULE_FIELD_TYPE, "m");
	diag_list_sort(&list);
	assert_int_equal(list.n, sizeof expected / sizeof *expected);
	for (i = 0; i < list.n; i++) {
		snprintf(got, sizeof got, "%s %d:%d %s", list.items[i].path, list.items[i].line,
			 list.items[i].col, rule_catalogue[list.items[i].rule].name);
		assert_string_equal(got, expected[i]);
	}
	diag_list_free(&list);
}

static void test_sort_by_rule_name_not_id(void **state)
{
	struct diag_list list = {0};

	(void)state;
	/* frontmatter-missing comes first in the catalogue but last by name */
	assert_true(RULE_FRONTMATTER_MISSING < RULE_SECTION_EMPTY);
	diag_report(&list, "a.md", 1, 1, RULE_FRONTMATTER_MISSING, "m");
	diag_report(&list, "a.md", 1, 1, RULE_SECTION_EMPTY, "m");
	diag_report(&list, "a.md", 1, 1, RULE_DATE_ORDER, "m");
	diag_list_sort(&list);
	assert_int_equal(list.items[0].rule, RULE_DATE_ORDER);
	assert_int_equal(list.items[1].rule, RULE_FRONTMATTER_MISSING);
	assert_int_equal(list.items[2].rule, RULE_SECTION_EMPTY);
	diag_list_free(&list);
}

static void test_sort_is_deterministic(void **state)
{
	struct diag_list list = {0};

	(void)state;
	/* same place, same rule: the order of reporting decides (missing
	 * sections stay in schema order), so output never depends on qsort */
	diag_report(&list, "a.md", 1, 1, RULE_FIELD_TYPE, "zeta");
	diag_report(&list, "a.md", 1, 1, RULE_FIELD_TYPE, "alpha");
	diag_report(&list, "a.md", 1, 1, RULE_FIELD_TYPE, "mu");
	diag_list_sort(&list);
	assert_string_equal(list.items[0].message, "zeta");
	assert_string_equal(list.items[1].message, "alpha");
	assert_string_equal(list.items[2].message, "mu");
	diag_list_free(&list);
}

static void test_sort_small_lists(void **state)
{
	struct diag_list list = {0};

	(void)state;
	diag_list_sort(&list);
	assert_int_equal(list.n, 0);
	diag_report(&list, "a.md", 1, 1, RULE_FIELD_TYPE, "only");
	diag_list_sort(&list);
	assert_int_equal(list.n, 1);
	assert_string_equal(list.items[0].message, "only");
	diag_list_free(&list);
}

/* ----------------------------------------------------------- edit distance */

static void test_edit_distance(void **state)
{
	(void)state;
	assert_int_equal(edit_distance("", ""), 0);
	assert_int_equal(edit_distance("abc", "abc"), 0);
	assert_int_equal(edit_distance("", "abc"), 3);
	assert_int_equal(edit_distance("abc", ""), 3);
	assert_int_equal(edit_distance("kitten", "sitting"), 3);
	assert_int_equal(edit_distance("sitting", "kitten"), 3);
	assert_int_equal(edit_distance("flaw", "lawn"), 2);
	assert_int_equal(edit_distance("partijen", "parties"), 2);
	assert_int_equal(edit_distance("requried", "required"), 2);
	assert_int_equal(edit_distance("stauts", "status"), 2);
	assert_int_equal(edit_distance("statu", "status"), 1);
	assert_int_equal(edit_distance("tatus", "status"), 1);
	assert_int_equal(edit_distance("staXus", "status"), 1);
	assert_int_equal(edit_distance("abc", "xyz"), 3);
	assert_int_equal(edit_distance("a", "b"), 1);
}

static void test_edit_distance_long(void **state)
{
	char a[301], b[301];

	(void)state;
	memset(a, 'a', sizeof a - 1);
	a[sizeof a - 1] = '\0';
	memset(b, 'a', sizeof b - 1);
	b[sizeof b - 1] = '\0';
	/* strings longer than 255 bytes give the cap */
	assert_int_equal(edit_distance(a, "a"), 255);
	assert_int_equal(edit_distance("a", b), 255);
	/* 255 bytes is still measured exactly */
	a[255] = '\0';
	b[255] = '\0';
	assert_int_equal(edit_distance(a, b), 0);
	b[0] = 'b';
	assert_int_equal(edit_distance(a, b), 1);
	assert_int_equal(edit_distance(a, ""), 255);
	a[200] = '\0';
	assert_int_equal(edit_distance(a, ""), 200);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_catalogue_round_trip),
	    cmocka_unit_test(test_catalogue_names_known),
	    cmocka_unit_test(test_catalogue_names_unique),
	    cmocka_unit_test(test_catalogue_entries_well_formed),
	    cmocka_unit_test(test_rule_lookup_unknown),
	    cmocka_unit_test(test_severity_names),
	    cmocka_unit_test(test_severity_round_trip),
	    cmocka_unit_test(test_report_copies),
	    cmocka_unit_test(test_report_clamps_position),
	    cmocka_unit_test(test_report_default_severity),
	    cmocka_unit_test(test_report_overrides),
	    cmocka_unit_test(test_report_all_off),
	    cmocka_unit_test(test_report_many),
	    cmocka_unit_test(test_move),
	    cmocka_unit_test(test_count),
	    cmocka_unit_test(test_sort),
	    cmocka_unit_test(test_sort_by_rule_name_not_id),
	    cmocka_unit_test(test_sort_is_deterministic),
	    cmocka_unit_test(test_sort_small_lists),
	    cmocka_unit_test(test_edit_distance),
	    cmocka_unit_test(test_edit_distance_long),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
