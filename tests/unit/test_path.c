/* SPDX-License-Identifier: EUPL-1.2 */
/* test_path.c - unit tests for resolving paths by their text (util.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "util.h"

static void lexical(const char *path, const char *want)
{
	char *got = path_lexical(path);

	assert_string_equal(got, want);
	free(got);
}

static void joined(const char *dir, const char *rel, const char *want)
{
	char *got = path_join_lexical(dir, rel, strlen(rel));

	assert_string_equal(got, want);
	free(got);
}

static void test_absolute(void **state)
{
	(void)state;
	lexical("/", "/");
	lexical("/a/b/c.md", "/a/b/c.md");
	lexical("/a/./b//c.md", "/a/b/c.md");
	lexical("/a/b/../c.md", "/a/c.md");
	lexical("/a/../../c.md", "/c.md");
	lexical("/..", "/");
	lexical("/a/b/..", "/a");
	lexical("/a/b/", "/a/b");
}

static void test_relative(void **state)
{
	(void)state;
	lexical("a/b/../c.md", "a/c.md");
	lexical("../x.md", "../x.md");
	lexical("a/../../x.md", "../x.md");
	lexical("../../x/../y.md", "../../y.md");
	lexical("./a.md", "a.md");
}

static void test_join(void **state)
{
	(void)state;
	joined("/set/besluiten", "2024-001.md", "/set/besluiten/2024-001.md");
	joined("/set/besluiten", "../convenanten/COV-1.md", "/set/convenanten/COV-1.md");
	joined("/set", "/elsewhere/x.md", "/elsewhere/x.md");
	joined("/", "../x.md", "/x.md");
	/* only the first n bytes count: a fragment is left off by its caller */
	{
		char *got = path_join_lexical("/set", "a.md#top", 4);

		assert_string_equal(got, "/set/a.md");
		free(got);
	}
}

/* path_dir: the folder part as written, lexically. */
static void test_dir(void **state)
{
	static const char *const cases[][2] = {
	    {"a.md", "."},         {"d/a.md", "d"},   {"/a.md", "/"},
	    {"/x/y/a.md", "/x/y"}, {"../a.md", ".."},
	};
	size_t i;
	char *got;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		got = path_dir(cases[i][0]);
		assert_string_equal(got, cases[i][1]);
		free(got);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_absolute),
	    cmocka_unit_test(test_relative),
	    cmocka_unit_test(test_join),
	    cmocka_unit_test(test_dir),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
