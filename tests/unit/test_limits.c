/* SPDX-License-Identifier: EUPL-1.2 */
/* test_limits.c - unit tests for bounded matching: limits, reuse, built-in patterns. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "pattern.h"
#include "schema.h"
#include "util.h"

#define BIG (100 * 1024)

static pcre2_code *compile_ok(const char *src)
{
	char msg[256];
	size_t offset = 0;
	pcre2_code *re = pattern_compile(src, 0, msg, sizeof msg, &offset);

	if (re == NULL)
		fail_msg("pattern '%s' does not compile: %s at %zu", src, msg, offset);
	return re;
}

/* Returns a malloc'd string: head, then unit repeated to about BIG bytes,
 * then tail. */
static char *adversarial(const char *head, const char *unit, const char *tail)
{
	size_t nh = strlen(head), nu = strlen(unit), nt = strlen(tail), n = nh;
	char *s = malloc(nh + BIG + nu + nt + 1);

	assert_non_null(s);
	memcpy(s, head, nh);
	while (n < BIG) {
		memcpy(s + n, unit, nu);
		n += nu;
	}
	memcpy(s + n, tail, nt + 1);
	return s;
}

static void test_catastrophic_pattern_hits_limit(void **state)
{
	pcre2_code *re = compile_ok("^(a+)+$");
	char *s = adversarial("", "a", "b");
	const struct pattern_failure *f;
	size_t n;

	(void)state;
	pattern_reset();
	pattern_set_origin(re, "schemas/x.yml", 12, 14);
	pattern_set_subject("besluiten/a.md");
	/* never "no match": the value cannot be judged */
	assert_int_equal(pattern_match(re, s, strlen(s)), PATTERN_LIMIT);
	/* given up once, the pattern answers at once and is reported once */
	assert_int_equal(pattern_match(re, "aaa", 3), PATTERN_LIMIT);
	f = pattern_failures(&n);
	assert_int_equal(n, 1);
	assert_string_equal(f[0].file, "schemas/x.yml");
	assert_int_equal(f[0].line, 12);
	assert_int_equal(f[0].col, 14);
	assert_int_equal(f[0].limit, 1);
	assert_string_equal(f[0].subject, "besluiten/a.md");
	pcre2_code_free(re);
	free(s);
	pattern_reset();
}

static void test_other_patterns_unaffected(void **state)
{
	pcre2_code *bad = compile_ok("^(a+)+$"), *good = compile_ok("^a+b$");
	char *s = adversarial("", "a", "b");
	size_t n;

	(void)state;
	pattern_reset();
	assert_int_equal(pattern_match(bad, s, strlen(s)), PATTERN_LIMIT);
	assert_int_equal(pattern_match(good, s, strlen(s)), PATTERN_MATCH);
	assert_int_equal(pattern_match(good, "ab", 2), PATTERN_MATCH);
	assert_int_equal(pattern_match(good, "a", 1), PATTERN_NOMATCH);
	(void)pattern_failures(&n);
	assert_int_equal(n, 1);
	pcre2_code_free(bad);
	pcre2_code_free(good);
	free(s);
	pattern_reset();
}

/* Match data is shared: a pattern with more groups than the last one must
 * still give every group. */
static void test_match_data_grows(void **state)
{
	pcre2_code *small = compile_ok("(a)"), *large;
	char out[32];
	struct buf src = {0};
	int i;

	(void)state;
	for (i = 0; i < 40; i++)
		buf_puts(&src, "(x)");
	buf_puts(&src, "(?<last>y)");
	large = compile_ok(src.data);
	assert_int_equal(pattern_match(small, "a", 1), PATTERN_MATCH);
	assert_int_equal(pattern_group(large, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxy", 41,
				       "last", out, sizeof out),
			 1);
	assert_string_equal(out, "y");
	buf_free(&src);
	pcre2_code_free(small);
	pcre2_code_free(large);
	pattern_reset();
}

/* The glob from a report of hostile input: polynomial backtracking before, bounded now,
 * and still right. */
static void test_many_star_glob_is_linear(void **state)
{
	char *src = glob_to_pattern("**a**a**a**a**a**ax");
	pcre2_code *re = compile_ok(src);
	char *path = adversarial("", "a", "");
	size_t n;

	(void)state;
	pattern_reset();
	assert_int_equal(pattern_match(re, path, 4000), PATTERN_NOMATCH);
	assert_int_equal(pattern_match(re, path, strlen(path)), PATTERN_NOMATCH);
	assert_int_equal(pattern_match(re, "aaaaaax", 7), PATTERN_MATCH);
	assert_int_equal(pattern_match(re, "a/a/a/a/a/ax", 12), PATTERN_MATCH);
	assert_int_equal(pattern_match(re, "aaaaax", 6), PATTERN_NOMATCH);
	assert_int_equal(pattern_match(re, "xaxaxaxaxaxax/d.md", 18), PATTERN_MATCH);
	(void)pattern_failures(&n);
	assert_int_equal(n, 0);
	pcre2_code_free(re);
	free(src);
	free(path);
	pattern_reset();
}

/* Globs whose stars were made atomic still mean what they meant. */
static void test_atomic_globs_keep_meaning(void **state)
{
	static const struct {
		const char *glob, *path;
		int match;
	} cases[] = {
	    {"*a*b", "xaab", 1},
	    {"*a*b", "xa/b", 0},
	    {"*a*b", "a/xab", 1},
	    {"a*b*c", "abbc", 1},
	    {"a*b*c", "ab/c", 0},
	    {"**/x/**/y.md", "x/y.md", 1},
	    {"**/x/**/y.md", "a/x/b/y.md", 1},
	    {"**/x/**/y.md", "a/x/b/z.md", 0},
	    {"**a**b", "a/b", 1},
	    {"**a**b", "ba", 0},
	    {"d*/**/*.md", "da/x/y.md", 1},
	    {"d*/**/*.md", "e/x/y.md", 0},
	};
	size_t i;
	char *src;
	pcre2_code *re;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		src = glob_to_pattern(cases[i].glob);
		re = compile_ok(src);
		if (pattern_match(re, cases[i].path, strlen(cases[i].path)) != cases[i].match)
			fail_msg("glob '%s' (%s) on '%s': expected %d", cases[i].glob, src,
				 cases[i].path, cases[i].match);
		pcre2_code_free(re);
		free(src);
	}
	pattern_reset();
}

/* The translation before stars became atomic, kept as the reference. */
static char *reference_glob(const char *glob)
{
	struct buf b = {0};
	const char *p = glob, *slash = strchr(glob, '/');

	buf_puts(&b, slash == NULL || slash[1] == '\0' ? "(?s)^(?:.*/)?" : "(?s)^");
	if (*p == '/')
		p++;
	for (; *p != '\0'; p++) {
		if (p[0] == '/' && p[1] == '\0')
			break;
		if (p[0] == '*' && p[1] == '*' && p[2] == '/' && p[3] == '\0') {
			buf_puts(&b, ".*"); /* a glob ending in two stars and a slash: all below */
			p += 2;
		} else if (p[0] == '*' && p[1] == '*' && p[2] == '/') {
			buf_puts(&b, "(?:.*/)?");
			p += 2;
		} else if (p[0] == '*' && p[1] == '*') {
			buf_puts(&b, ".*");
			p++;
		} else if (*p == '*') {
			buf_puts(&b, "[^/]*");
		} else if (*p == '?') {
			buf_puts(&b, "[^/]");
		} else if (*p == '/') {
			buf_puts(&b, "/");
		} else {
			buf_add(&b, p, 1);
		}
	}
	buf_puts(&b, "(?:/.*)?$");
	return buf_take(&b);
}

/* Random short globs and paths: the new translation agrees with the old. */
static void test_globs_agree_with_reference(void **state)
{
	static const char *const gparts[] = {"a", "b", "/", "*", "**", "?", "**/"};
	static const char paths[] = "ab/";
	char glob[32], path[16], *src, *ref;
	pcre2_code *re, *rre;
	unsigned seed = 12345;
	int i, k, len;

	(void)state;
	for (i = 0; i < 3000; i++) {
		glob[0] = '\0';
		len = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 6;
		for (k = 0; k < len; k++)
			strcat(glob, gparts[((seed = seed * 1103515245u + 12345u) >> 16) % 7]);
		len = (int)((seed = seed * 1103515245u + 12345u) >> 16) % 9;
		for (k = 0; k < len; k++)
			path[k] = paths[((seed = seed * 1103515245u + 12345u) >> 16) % 3];
		path[len] = '\0';
		src = glob_to_pattern(glob);
		ref = reference_glob(glob);
		re = compile_ok(src);
		rre = compile_ok(ref);
		if (pattern_match(re, path, (size_t)len) != pattern_match(rre, path, (size_t)len))
			fail_msg("glob '%s' on '%s': %s and %s disagree", glob, path, src, ref);
		pcre2_code_free(re);
		pcre2_code_free(rre);
		free(src);
		free(ref);
	}
	pattern_reset();
}

/* Every string here is about 100 KB and built to make a backtracking
 * pattern work hard. */
static char **adversarial_set(size_t *count)
{
	static const char *const parts[][3] = {
	    {"", " ", "x"},
	    {"", "a ", "!"},
	    {"", "besluit ", "x"},
	    {"Het dagelijks bestuur besluit", " ", "x"},
	    {"Het dagelijks bestuur besluit", " ", ":x"},
	    {"1", ".1", ".x"},
	    {"", "1", ""},
	    {"", "1", "x"},
	    {"", "a", "!"},
	    {"", "-", ""},
	    {"2024-", "0", ""},
	    {"COV-2024-", "1", ""},
	    {"RPT-", "2", "-"},
	    {"", "\xc3\xa9", "\xff"},
	    {"", "\xff", ""},
	    {"de ", "de ", "x"},
	    {"", "a.", "besluit x"},
	    {"", "Toelichting ", "x"},
	};
	size_t i, n = sizeof parts / sizeof *parts;
	char **set = malloc(n * sizeof *set);

	assert_non_null(set);
	for (i = 0; i < n; i++)
		set[i] = adversarial(parts[i][0], parts[i][1], parts[i][2]);
	*count = n;
	return set;
}

static void expect_bounded(const pcre2_code *re, const char *what, char **set, size_t nset)
{
	size_t i;
	int rc;

	if (re == NULL)
		return;
	for (i = 0; i < nset; i++) {
		rc = pattern_match(re, set[i], strlen(set[i]));
		if (rc < 0)
			fail_msg("%s gave up (%d) on adversarial string %zu", what, rc, i);
	}
}

static void test_builtin_patterns_never_backtrack(void **state)
{
	struct schema_set set = {0};
	struct config_error err = {0};
	const struct schema *s;
	size_t i, k, nset, n;
	char **adv = adversarial_set(&nset);
	char what[160];

	(void)state;
	pattern_reset();
	assert_int_equal(schema_set_add_builtin(&set, &err), 0);
	assert_true(set.n >= 3);
	for (i = 0; i < set.n; i++) {
		s = set.items[i];
		snprintf(what, sizeof what, "%s: the id pattern", s->name);
		expect_bounded(s->id_pattern, what, adv, nset);
		for (k = 0; k < s->nfields; k++) {
			snprintf(what, sizeof what, "%s: field %s", s->name, s->fields[k].name);
			expect_bounded(s->fields[k].pattern, what, adv, nset);
		}
		for (k = 0; k < s->nsections; k++) {
			snprintf(what, sizeof what, "%s: section %s", s->name,
				 s->sections[k].title);
			expect_bounded(s->sections[k].match, what, adv, nset);
			expect_bounded(s->sections[k].pattern, what, adv, nset);
		}
	}
	(void)pattern_failures(&n);
	assert_int_equal(n, 0);
	for (i = 0; i < nset; i++)
		free(adv[i]);
	free(adv);
	schema_set_free(&set);
	pattern_reset();
}

/* The globs people write, on long adversarial paths. */
static void test_usual_globs_bounded(void **state)
{
	static const char *const globs[] = {"**/*.md",       "besluiten/**", "*.md",
					    "drafts/",       "**/x/**/y",    "*a*a*a*a*b",
					    "**a**a**a**ax", "?*?*?*?*x"};
	size_t i, nset;
	char **adv = adversarial_set(&nset), *src;
	pcre2_code *re;

	(void)state;
	pattern_reset();
	for (i = 0; i < sizeof globs / sizeof *globs; i++) {
		src = glob_to_pattern(globs[i]);
		re = compile_ok(src);
		expect_bounded(re, globs[i], adv, nset);
		pcre2_code_free(re);
		free(src);
	}
	for (i = 0; i < nset; i++)
		free(adv[i]);
	free(adv);
	pattern_reset();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_catastrophic_pattern_hits_limit),
	    cmocka_unit_test(test_other_patterns_unaffected),
	    cmocka_unit_test(test_match_data_grows),
	    cmocka_unit_test(test_many_star_glob_is_linear),
	    cmocka_unit_test(test_atomic_globs_keep_meaning),
	    cmocka_unit_test(test_globs_agree_with_reference),
	    cmocka_unit_test(test_builtin_patterns_never_backtrack),
	    cmocka_unit_test(test_usual_globs_bounded),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
