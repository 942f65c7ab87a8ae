/* SPDX-License-Identifier: EUPL-1.2 */
/* test_staged.c - unit tests for the paths of clerk check --staged (path_from in util.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "util.h"

/* Asserts that path (from the top) reads as want from the folder prefix. */
static void relative_is(const char *prefix, const char *path, const char *want)
{
	char *got = path_from(prefix, path);

	assert_string_equal(got, want);
	free(got);
}

static void test_from_the_top(void **state)
{
	(void)state;
	relative_is("", "2024-017.md", "2024-017.md");
	relative_is("", "besluiten/Sociaal convenant.md", "besluiten/Sociaal convenant.md");
}

static void test_from_a_folder_above_the_file(void **state)
{
	(void)state;
	relative_is("besluiten/", "besluiten/2024-017.md", "2024-017.md");
	relative_is("a/", "a/b/c.md", "b/c.md");
}

static void test_from_a_folder_beside_or_below(void **state)
{
	(void)state;
	relative_is("sub/dir/", "sub/2024-040.md", "../2024-040.md");
	relative_is("rapporten/", "besluiten/2024-017.md", "../besluiten/2024-017.md");
	relative_is("a/b/c/", "x.md", "../../../x.md");
}

static void test_folders_that_share_a_prefix_of_their_name(void **state)
{
	(void)state;
	/* "besluit/" is not a folder of "besluiten/": compare whole names. */
	relative_is("besluit/", "besluiten/2024-017.md", "../besluiten/2024-017.md");
	relative_is("besluiten/", "besluit.md", "../besluit.md");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_from_the_top),
	    cmocka_unit_test(test_from_a_folder_above_the_file),
	    cmocka_unit_test(test_from_a_folder_beside_or_below),
	    cmocka_unit_test(test_folders_that_share_a_prefix_of_their_name),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
