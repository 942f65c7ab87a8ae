/* SPDX-License-Identifier: EUPL-1.2 */
/* test_template.c - unit tests for templates (template.h) and id numbering (idgen.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "idgen.h"
#include "template.h"

static const char *series_value(void *ctx, const char *name, size_t len)
{
	(void)ctx;
	return len == 6 && memcmp(name, "series", 6) == 0 ? "zorg" : NULL;
}

static void parse_ok(struct arena *a, const char *src, struct template *t)
{
	char msg[256];

	assert_int_equal(template_parse(a, src, t, msg, sizeof msg), 0);
}

static void test_parse_segments(void **state)
{
	struct arena *a = arena_new();
	struct template t;

	(void)state;
	parse_ok(a, "COV-{year}-{seq:3}", &t);
	assert_int_equal(t.n, 4);
	assert_false(t.segs[0].placeholder);
	assert_int_equal(t.segs[0].len, 4);
	assert_true(t.segs[1].placeholder);
	assert_int_equal(t.segs[1].width, 0);
	assert_true(t.segs[3].placeholder);
	assert_int_equal(t.segs[3].width, 3);
	assert_memory_equal(t.segs[3].text, "seq", 3);
	assert_true(template_has(&t, "year"));
	assert_false(template_has(&t, "id"));
	arena_free(a);
}

static void test_parse_errors(void **state)
{
	static const char *const bad[] = {"{id",     "a{}b",    "{seq:}",
					  "{seq:x}", "{seq:0}", "{seq:19}"};
	struct arena *a = arena_new();
	struct template t;
	char msg[256];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		msg[0] = '\0';
		assert_int_equal(template_parse(a, bad[i], &t, msg, sizeof msg), -1);
		assert_non_null(strstr(msg, bad[i]));
	}
	arena_free(a);
}

static void test_make_pads(void **state)
{
	struct arena *a = arena_new();
	struct template t;
	char *id;

	(void)state;
	parse_ok(a, "{year}{seq:6}", &t);
	id = idgen_make(&t, 2024, 17, NULL, NULL);
	assert_string_equal(id, "2024000017");
	free(id);
	parse_ok(a, "RPT-{year}-{seq:3}", &t);
	id = idgen_make(&t, 2025, 1234, NULL, NULL);
	assert_string_equal(id, "RPT-2025-1234");
	free(id);
	parse_ok(a, "{series}-{seq:2}", &t);
	id = idgen_make(&t, 2025, 3, series_value, NULL);
	assert_string_equal(id, "zorg-03");
	free(id);
	parse_ok(a, "{other}-{seq:2}", &t);
	assert_null(idgen_make(&t, 2025, 3, series_value, NULL));
	arena_free(a);
}

static void test_match(void **state)
{
	struct arena *a = arena_new();
	struct template t;
	long year, seq;

	(void)state;
	parse_ok(a, "COV-{year}-{seq:3}", &t);
	assert_true(idgen_match(&t, "COV-2024-007", 12, NULL, NULL, &year, &seq));
	assert_int_equal(year, 2024);
	assert_int_equal(seq, 7);
	assert_true(idgen_match(&t, "COV-2024-1007", 13, NULL, NULL, &year, &seq));
	assert_int_equal(seq, 1007);
	assert_false(idgen_match(&t, "COV-2024-07", 11, NULL, NULL, &year, &seq));
	assert_false(idgen_match(&t, "COV-24-007", 10, NULL, NULL, &year, &seq));
	assert_false(idgen_match(&t, "COV-2024-007x", 13, NULL, NULL, &year, &seq));
	assert_false(idgen_match(&t, "RPT-2024-007", 12, NULL, NULL, &year, &seq));
	parse_ok(a, "{series}-{seq:2}", &t);
	assert_true(idgen_match(&t, "zorg-11", 7, series_value, NULL, &year, &seq));
	assert_int_equal(year, -1);
	assert_false(idgen_match(&t, "wonen-11", 8, series_value, NULL, &year, &seq));
	arena_free(a);
}

static void test_highest_per_year(void **state)
{
	static const char *const ids[] = {"COV-2023-009", "COV-2024-002", "COV-2024-010",
					  "RPT-2024-050", "COV-2024-003", "2024000099"};
	struct arena *a = arena_new();
	struct template t;

	(void)state;
	parse_ok(a, "COV-{year}-{seq:3}", &t);
	assert_int_equal(idgen_highest(&t, ids, 6, 2024, NULL, NULL), 10);
	assert_int_equal(idgen_highest(&t, ids, 6, 2023, NULL, NULL), 9);
	assert_int_equal(idgen_highest(&t, ids, 6, 2025, NULL, NULL), 0);
	parse_ok(a, "{year}{seq:6}", &t);
	assert_int_equal(idgen_highest(&t, ids, 6, 2024, NULL, NULL), 99);
	parse_ok(a, "COV-{seq:4}", &t);
	assert_int_equal(idgen_highest(&t, ids, 6, 1999, NULL, NULL), 0);
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_parse_segments),   cmocka_unit_test(test_parse_errors),
	    cmocka_unit_test(test_make_pads),        cmocka_unit_test(test_match),
	    cmocka_unit_test(test_highest_per_year),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
