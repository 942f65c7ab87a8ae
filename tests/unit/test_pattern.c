/* SPDX-License-Identifier: EUPL-1.2 */
/* test_pattern.c - unit tests for path globs and pcre2 patterns (pattern.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "pattern.h"

/* Compiles src, which must compile. */
static pcre2_code *compile_ok(const char *src, unsigned flags)
{
	char msg[256];
	size_t offset = 0;
	pcre2_code *re = pattern_compile(src, flags, msg, sizeof msg, &offset);

	if (re == NULL)
		fail_msg("pattern '%s' does not compile: %s at %zu", src, msg, offset);
	return re;
}

/* Returns pattern_match of src against s. */
static int matches(const char *src, unsigned flags, const char *s)
{
	pcre2_code *re = compile_ok(src, flags);
	int rc = pattern_match(re, s, strlen(s));

	pcre2_code_free(re);
	return rc;
}

/* Returns 1 when glob matches path, 0 when not. */
static int glob_matches(const char *glob, const char *path)
{
	char *src = glob_to_pattern(glob);
	pcre2_code *re;
	int rc;

	assert_non_null(src);
	re = compile_ok(src, 0);
	rc = pattern_match(re, path, strlen(path));
	pcre2_code_free(re);
	free(src);
	assert_true(rc == 0 || rc == 1);
	return rc;
}

/* ------------------------------------------------------------------ globs */

static void test_glob_without_slash_any_depth(void **state)
{
	(void)state;
	assert_true(glob_matches("*.md", "a.md"));
	assert_true(glob_matches("*.md", "x/a.md"));
	assert_true(glob_matches("*.md", "x/y/a.md"));
	assert_true(glob_matches("*.md", ".md"));
	assert_false(glob_matches("*.md", "a.txt"));
	assert_false(glob_matches("*.md", "a.mdx"));
	assert_false(glob_matches("*.md", "a_md"));
	assert_true(glob_matches("README.md", "README.md"));
	assert_true(glob_matches("README.md", "docs/README.md"));
	assert_false(glob_matches("README.md", "docs/OLD-README.md"));
	assert_false(glob_matches("README.md", "README.md.bak"));
}

static void test_glob_with_slash_anchored(void **state)
{
	(void)state;
	assert_true(glob_matches("besluiten/*.md", "besluiten/a.md"));
	assert_true(glob_matches("besluiten/*.md", "besluiten/2024-017.md"));
	assert_false(glob_matches("besluiten/*.md", "besluiten/x/a.md"));
	assert_false(glob_matches("besluiten/*.md", "other/besluiten/a.md"));
	assert_false(glob_matches("besluiten/*.md", "besluiten.md"));
	assert_false(glob_matches("besluiten/*.md", "besluitenx/a.md"));
	assert_false(glob_matches("besluiten/*.md", "a.md"));
	assert_true(glob_matches("a/b/c.md", "a/b/c.md"));
	assert_false(glob_matches("a/b/c.md", "x/a/b/c.md"));
}

static void test_glob_leading_slash(void **state)
{
	(void)state;
	assert_true(glob_matches("/README.md", "README.md"));
	assert_false(glob_matches("/README.md", "docs/README.md"));
	assert_true(glob_matches("/drafts", "drafts/a.md"));
	assert_false(glob_matches("/drafts", "x/drafts/a.md"));
}

static void test_glob_double_star(void **state)
{
	(void)state;
	assert_true(glob_matches("**/*.md", "a.md"));
	assert_true(glob_matches("**/*.md", "x/a.md"));
	assert_true(glob_matches("**/*.md", "x/y/z/a.md"));
	assert_false(glob_matches("**/*.md", "x/a.txt"));

	assert_true(glob_matches("drafts/**", "drafts/a.md"));
	assert_true(glob_matches("drafts/**", "drafts/x/y/a.md"));
	assert_false(glob_matches("drafts/**", "other/drafts/a.md"));
	assert_false(glob_matches("drafts/**", "draftsx/a.md"));
	assert_false(glob_matches("drafts/**", "a.md"));

	assert_true(glob_matches("docs/**/*.md", "docs/a.md"));
	assert_true(glob_matches("docs/**/*.md", "docs/x/a.md"));
	assert_true(glob_matches("docs/**/*.md", "docs/x/y/a.md"));
	assert_false(glob_matches("docs/**/*.md", "other/docs/a.md"));
	assert_false(glob_matches("docs/**/*.md", "docsx/a.md"));

	assert_true(glob_matches("a/**/b", "a/b"));
	assert_true(glob_matches("a/**/b", "a/x/y/b"));
	assert_false(glob_matches("a/**/b", "a/xb"));
}

static void test_glob_folder_matches_below(void **state)
{
	(void)state;
	assert_true(glob_matches("drafts", "drafts/a.md"));
	assert_true(glob_matches("drafts", "drafts/x/a.md"));
	assert_true(glob_matches("drafts", "x/drafts/a.md"));
	assert_true(glob_matches("drafts", "drafts"));
	assert_false(glob_matches("drafts", "mydrafts/a.md"));
	assert_false(glob_matches("drafts", "drafts2/a.md"));
	assert_false(glob_matches("drafts", "drafts.md"));

	assert_true(glob_matches("archive/2019", "archive/2019/a.md"));
	assert_false(glob_matches("archive/2019", "archive/2019-old/a.md"));
	assert_false(glob_matches("archive/2019", "archive/20190/a.md"));
}

static void test_glob_trailing_slash(void **state)
{
	(void)state;
	assert_true(glob_matches("drafts/", "drafts/a.md"));
	assert_true(glob_matches("drafts/", "drafts/x/a.md"));
	assert_false(glob_matches("drafts/", "draftsx/a.md"));
	assert_false(glob_matches("drafts/", "drafts.md"));
	assert_true(glob_matches("old/drafts/", "old/drafts/a.md"));
	assert_false(glob_matches("old/drafts/", "old/draftsx/a.md"));
}

static void test_glob_question_mark(void **state)
{
	(void)state;
	assert_true(glob_matches("?.md", "a.md"));
	assert_true(glob_matches("?.md", "x/a.md"));
	assert_false(glob_matches("?.md", "ab.md"));
	assert_false(glob_matches("?.md", ".md"));
	assert_true(glob_matches("RPT-202?-*.md", "RPT-2024-001.md"));
	assert_false(glob_matches("RPT-202?-*.md", "RPT-20245-001.md"));
	/* ? and * never cross a folder */
	assert_false(glob_matches("a?b", "a/b"));
	assert_false(glob_matches("dir/a*b", "dir/a/b"));
	/* ? is one character, also when it takes more than one byte */
	assert_true(glob_matches("caf?.md", "café.md"));
}

static void test_glob_special_characters(void **state)
{
	(void)state;
	/* . is a dot, not any character */
	assert_false(glob_matches("a.md", "axmd"));
	assert_true(glob_matches("a.md", "a.md"));
	/* + ( ) and friends are literal */
	assert_true(glob_matches("a+b.md", "a+b.md"));
	assert_false(glob_matches("a+b.md", "aab.md"));
	assert_false(glob_matches("a+b.md", "ab.md"));
	assert_true(glob_matches("notes (old).md", "notes (old).md"));
	assert_false(glob_matches("notes (old).md", "notes old.md"));
	assert_true(glob_matches("x|y.md", "x|y.md"));
	assert_false(glob_matches("x|y.md", "x"));
	assert_false(glob_matches("x|y.md", "y.md"));
	assert_true(glob_matches("$1^.md", "$1^.md"));
	assert_true(glob_matches("a{1,2}.md", "a{1,2}.md"));
	assert_false(glob_matches("a{1,2}.md", "aa.md"));
	assert_true(glob_matches("back\\slash.md", "back\\slash.md"));
	assert_true(glob_matches("my-file_v2.md", "my-file_v2.md"));
	assert_true(glob_matches("a b.md", "a b.md"));
	assert_false(glob_matches("a b.md", "ab.md"));
	/* non-ASCII names */
	assert_true(glob_matches("financiën/*.md", "financiën/a.md"));
	assert_false(glob_matches("financiën/*.md", "financien/a.md"));
}

static void test_glob_pattern_compiles(void **state)
{
	static const char *const globs[] = {
	    "*.md", "**", "**/", "/",  "",  "a/**/b/**/c", "[", "]",  "(",     ")",   "\\",
	    "\\E",  "{",  "(?",  "#x", "%", "~",           "'", "\"", "a\\Qb", "***",
	};
	size_t i;
	char *src;
	pcre2_code *re;

	(void)state;
	for (i = 0; i < sizeof globs / sizeof *globs; i++) {
		src = glob_to_pattern(globs[i]);
		re = compile_ok(src, 0);
		pcre2_code_free(re);
		free(src);
	}
	/* characters that mean something in a regex are taken literally */
	assert_true(glob_matches("[", "["));
	assert_true(glob_matches("\\E", "\\E"));
	assert_true(glob_matches("a\\Qb", "a\\Qb"));
	assert_true(glob_matches("(?", "x/(?"));
}

/* --------------------------------------------------------------- patterns */

static void test_match_basics(void **state)
{
	pcre2_code *re;

	(void)state;
	assert_int_equal(matches("^COV-\\d{4}-\\d{3}$", 0, "COV-2024-001"), 1);
	assert_int_equal(matches("^COV-\\d{4}-\\d{3}$", 0, "COV-2024-01"), 0);
	assert_int_equal(matches("^COV-\\d{4}-\\d{3}$", 0, "cov-2024-001"), 0);
	assert_int_equal(matches("^COV-\\d{4}-\\d{3}$", PCRE2_CASELESS, "cov-2024-001"), 1);
	/* unanchored patterns find a match anywhere */
	assert_int_equal(matches("besluit", 0, "het college besluit"), 1);
	/* only len bytes are searched */
	re = compile_ok("^abc$", 0);
	assert_int_equal(pattern_match(re, "abcdef", 3), 1);
	assert_int_equal(pattern_match(re, "abcdef", 6), 0);
	assert_int_equal(pattern_match(re, "abcdef", 2), 0);
	pcre2_code_free(re);
	re = compile_ok("^$", 0);
	assert_int_equal(pattern_match(re, "", 0), 1);
	pcre2_code_free(re);
}

static void test_match_utf8_caseless(void **state)
{
	(void)state;
	assert_int_equal(matches("^financiën$", PCRE2_CASELESS, "FINANCIËN"), 1);
	assert_int_equal(matches("^FINANCIËN$", PCRE2_CASELESS, "financiën"), 1);
	assert_int_equal(matches("^financiën$", 0, "FINANCIËN"), 0);
	assert_int_equal(matches("^beëindiging$", PCRE2_CASELESS, "BEËINDIGING"), 1);
	/* a dot is one character, not one byte */
	assert_int_equal(matches("^Financi.n$", 0, "Financiën"), 1);
	/* Unicode properties: \w and \p{L} know accented letters */
	assert_int_equal(matches("^\\w+$", 0, "financiën"), 1);
	assert_int_equal(matches("^\\p{L}+$", 0, "Ærø"), 1);
	assert_int_equal(matches("^\\d+$", 0, "١٢٣"), 1);
}

static void test_match_error(void **state)
{
	pcre2_code *re = compile_ok("^a", 0);

	(void)state;
	/* invalid UTF-8 in the subject (a path, a heading) matches or fails
	 * like any text; it never makes matching an error */
	assert_int_equal(pattern_match(re, "a\xff", 2), 1);
	assert_int_equal(pattern_match(re, "\xc3", 1), 0);
	pcre2_code_free(re);
}

static void test_compile_error(void **state)
{
	static const char *const bad[] = {"(",       "a)", "[a",       "a{2,1}", "\\",
					  "(?<name", "*a", "(?<1x>a)", "\xff"};
	char msg[256];
	size_t i, offset;
	pcre2_code *re;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		msg[0] = '\0';
		offset = 9999;
		re = pattern_compile(bad[i], 0, msg, sizeof msg, &offset);
		if (re != NULL) {
			pcre2_code_free(re);
			fail_msg("pattern '%s' compiled", bad[i]);
		}
		assert_true(strlen(msg) > 0);
		assert_true(offset <= strlen(bad[i]));
	}
	re = pattern_compile("^(A", 0, msg, sizeof msg, &offset);
	assert_null(re);
	assert_int_equal(offset, 3);
	assert_non_null(strstr(msg, "parenthesis"));
}

static void test_compile_error_small_buffer(void **state)
{
	char msg[8];
	size_t offset;
	pcre2_code *re;

	(void)state;
	memset(msg, 'x', sizeof msg);
	re = pattern_compile("(", 0, msg, sizeof msg, &offset);
	assert_null(re);
	/* the message is cut short but still a string */
	assert_true(memchr(msg, '\0', sizeof msg) != NULL);
}

/* ---------------------------------------------------------------- groups */

static void test_group(void **state)
{
	pcre2_code *re = compile_ok("^(?<year>\\d{4})-?(?<seq>\\d{3,6})$", 0);
	char out[32];

	(void)state;
	assert_int_equal(pattern_group(re, "2016009542", 10, "year", out, sizeof out), 1);
	assert_string_equal(out, "2016");
	assert_int_equal(pattern_group(re, "2016009542", 10, "seq", out, sizeof out), 1);
	assert_string_equal(out, "009542");
	assert_int_equal(pattern_group(re, "2021-042", 8, "year", out, sizeof out), 1);
	assert_string_equal(out, "2021");
	assert_int_equal(pattern_group(re, "2021-042", 8, "seq", out, sizeof out), 1);
	assert_string_equal(out, "042");
	/* no match */
	assert_int_equal(pattern_group(re, "COV-2021-001", 12, "year", out, sizeof out), 0);
	/* no such group */
	assert_int_equal(pattern_group(re, "2021-042", 8, "month", out, sizeof out), 0);
	/* the group does not fit */
	assert_int_equal(pattern_group(re, "2016009542", 10, "seq", out, 4), 0);
	/* len is respected */
	assert_int_equal(pattern_group(re, "2021-04299", 8, "seq", out, sizeof out), 1);
	assert_string_equal(out, "042");
	pcre2_code_free(re);
}

static void test_group_unset(void **state)
{
	pcre2_code *re = compile_ok("^(?<prefix>[A-Z]+-)?(?<num>\\d+)$", 0);
	char out[32];

	(void)state;
	assert_int_equal(pattern_group(re, "42", 2, "num", out, sizeof out), 1);
	assert_string_equal(out, "42");
	/* a group that took no part in the match is not found */
	assert_int_equal(pattern_group(re, "42", 2, "prefix", out, sizeof out), 0);
	assert_int_equal(pattern_group(re, "RPT-42", 6, "prefix", out, sizeof out), 1);
	assert_string_equal(out, "RPT-");
	pcre2_code_free(re);
}

static void test_group_utf8(void **state)
{
	pcre2_code *re = compile_ok("^(?<word>\\w+) (?<rest>.*)$", PCRE2_CASELESS);
	const char *s = "Financiën € 184.000";
	char out[32];

	(void)state;
	assert_int_equal(pattern_group(re, s, strlen(s), "word", out, sizeof out), 1);
	assert_string_equal(out, "Financiën");
	assert_int_equal(pattern_group(re, s, strlen(s), "rest", out, sizeof out), 1);
	assert_string_equal(out, "€ 184.000");
	pcre2_code_free(re);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_glob_without_slash_any_depth),
	    cmocka_unit_test(test_glob_with_slash_anchored),
	    cmocka_unit_test(test_glob_leading_slash),
	    cmocka_unit_test(test_glob_double_star),
	    cmocka_unit_test(test_glob_folder_matches_below),
	    cmocka_unit_test(test_glob_trailing_slash),
	    cmocka_unit_test(test_glob_question_mark),
	    cmocka_unit_test(test_glob_special_characters),
	    cmocka_unit_test(test_glob_pattern_compiles),
	    cmocka_unit_test(test_match_basics),
	    cmocka_unit_test(test_match_utf8_caseless),
	    cmocka_unit_test(test_match_error),
	    cmocka_unit_test(test_compile_error),
	    cmocka_unit_test(test_compile_error_small_buffer),
	    cmocka_unit_test(test_group),
	    cmocka_unit_test(test_group_unset),
	    cmocka_unit_test(test_group_utf8),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
