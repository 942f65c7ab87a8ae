/* SPDX-License-Identifier: EUPL-1.2 */
/* test_git_ids.c - unit tests for reading an id from front matter without a parser (git_ids.h)
 * and for creating a file that never replaces one (atomic.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "atomic.h"
#include "git_ids.h"

static void front_is(const char *text, const char *field, const char *want)
{
	char *got = git_ids_front_value(text, strlen(text), field);

	if (want == NULL) {
		assert_null(got);
		return;
	}
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void test_front_value(void **state)
{
	(void)state;
	front_is("---\ntype: covenant\nid: COV-2024-001\n---\n", "id", "COV-2024-001");
	front_is("\xef\xbb\xbf---\r\nid: \"2024000017\"\r\n---\r\n", "id", "2024000017");
	front_is("---\nid: 'COV-2024-002'  \n...\n", "id", "COV-2024-002");
	front_is("---\nid: COV-2024-003 # the third\n---\n", "id", "COV-2024-003");
	front_is("---\nnummer: 0042\n---\n", "nummer", "0042");
	/* Not in the front matter, not the field, or no front matter at all. */
	front_is("---\ntitle: x\n---\nid: COV-2024-004\n", "id", NULL);
	front_is("---\nidentifier: COV-2024-005\n---\n", "id", NULL);
	front_is("  id: COV-2024-006\n", "id", NULL);
	front_is("---\nid:\n---\n", "id", NULL);
	front_is("---\nid: COV-2024-007", "id", "COV-2024-007");
}

static void test_create_never_replaces(void **state)
{
	char dir[] = "/tmp/clerk-atomic-XXXXXX", path[64], text[16] = "";
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/a/b/file.md", dir);
	assert_int_equal(make_parents(path), 0);
	assert_int_equal(atomic_create(path, "first\n", 6), 0);
	assert_int_equal(atomic_create(path, "second\n", 7), -1);
	f = fopen(path, "r");
	assert_non_null(f);
	assert_non_null(fgets(text, sizeof text, f));
	fclose(f);
	assert_string_equal(text, "first\n");
	unlink(path);
	snprintf(path, sizeof path, "%s/a/b", dir);
	rmdir(path);
	snprintf(path, sizeof path, "%s/a", dir);
	rmdir(path);
	assert_int_equal(rmdir(dir), 0); /* no temporary left behind */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_front_value),
	    cmocka_unit_test(test_create_never_replaces),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
