/* SPDX-License-Identifier: EUPL-1.2 */
/* test_out.c - unit tests for what the writers share: JSON and XML escaping,
 * UTF-8 counting, source lines and URI paths; and diag_list_filter. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "diag.h"
#include "out_util.h"
#include "util.h"

/* Returns what fn writes for s (malloc'd). */
static char *written(void (*fn)(FILE *, const char *), const char *s)
{
	char *data = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&data, &len);

	assert_non_null(f);
	fn(f, s);
	fclose(f);
	return data;
}

static void expect(void (*fn)(FILE *, const char *), const char *in, const char *out)
{
	char *got = written(fn, in);

	assert_string_equal(got, out);
	free(got);
}

static void test_json_string(void **state)
{
	(void)state;
	expect(out_json_string, "plain", "\"plain\"");
	expect(out_json_string, "a\"b\\c", "\"a\\\"b\\\\c\"");
	expect(out_json_string, "l1\nl2\r\t", "\"l1\\nl2\\r\\t\"");
	expect(out_json_string, "\x01\x1f\x7f", "\"\\u0001\\u001f\\u007f\"");
	expect(out_json_string, "Financi\xc3\xabn \xe2\x82\xac",
	       "\"Financi\xc3\xabn \xe2\x82\xac\"");
	/* Bytes that are not UTF-8 become U+FFFD, one each. */
	expect(out_json_string,
	       "a\xff"
	       "b\xc3",
	       "\"a\xef\xbf\xbd"
	       "b\xef\xbf\xbd\"");
	/* Overlong forms and UTF-16 surrogates are not UTF-8 either. */
	expect(out_json_string, "\xc0\xaf", "\"\xef\xbf\xbd\xef\xbf\xbd\"");
	expect(out_json_string, "\xed\xa0\x80", "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"");
}

static void test_xml_text(void **state)
{
	(void)state;
	expect(out_xml_text, "<a href=\"x\">&'</a>",
	       "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
	expect(out_xml_text,
	       "a\x01"
	       "b\n",
	       "a\xef\xbf\xbd"
	       "b&#10;");
	expect(out_xml_text, "\xef\xbf\xbe", "\xef\xbf\xbd");
	expect(out_xml_text, "Be\xc3\xabindiging", "Be\xc3\xabindiging");
}

static void test_utf8_count(void **state)
{
	(void)state;
	assert_int_equal(out_utf8_count("abc", 3), 3);
	assert_int_equal(out_utf8_count("\xc3\xab\xe2\x82\xac!", 6), 3);
	assert_int_equal(out_utf8_count("\xff\xfe", 2), 2);
	assert_int_equal(out_utf8_count("abc", 0), 0);
}

static void test_uri_path(void **state)
{
	char *u;

	(void)state;
	u = out_uri_path("./besluiten/Sociaal convenant 100%.md");
	assert_string_equal(u, "besluiten/Sociaal%20convenant%20100%25.md");
	free(u);
	u = out_uri_path("a,b:c/\xc3\xab.md");
	assert_string_equal(u, "a%2Cb%3Ac/%C3%AB.md");
	free(u);
}

static void test_source_lines(void **state)
{
	char path[] = "/tmp/clerk-test-out-XXXXXX";
	struct out_source src = {0};
	const char *line;
	size_t len;
	int fd = mkstemp(path);
	FILE *f;

	(void)state;
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	fputs("one\r\ntwo\n\nfour", f);
	fclose(f);
	line = out_source_line(&src, path, 2, &len);
	assert_non_null(line);
	assert_int_equal(len, 3);
	assert_memory_equal(line, "two", 3);
	line = out_source_line(&src, path, 1, &len); /* backwards: read again */
	assert_int_equal(len, 3);
	assert_memory_equal(line, "one", 3);
	line = out_source_line(&src, path, 4, &len);
	assert_int_equal(len, 4);
	assert_memory_equal(line, "four", 4);
	line = out_source_line(&src, path, 3, &len);
	assert_int_equal(len, 0);
	assert_null(out_source_line(&src, path, 5, &len));
	assert_null(out_source_line(&src, "/nonexistent/clerk", 1, &len));
	assert_null(out_source_line(&src, "/tmp", 1, &len)); /* not a regular file */
	out_source_free(&src);
	unlink(path);
}

static int keep_errors(const struct diag *d, void *data)
{
	(*(int *)data)++;
	return d->severity == SEV_ERROR;
}

static void test_filter(void **state)
{
	struct diag_list list = {0};
	int calls = 0;

	(void)state;
	diag_report(&list, "a.md", 1, 1, RULE_FIELD_ENUM, "one");
	diag_report(&list, "a.md", 2, 1, RULE_FIELD_UNKNOWN, "two");
	diag_report(&list, "a.md", 3, 1, RULE_FIELD_TYPE, "three");
	diag_list_filter(&list, keep_errors, &calls);
	assert_int_equal(calls, 3);
	assert_int_equal(list.n, 2);
	assert_string_equal(list.items[0].message, "one");
	assert_string_equal(list.items[1].message, "three");
	diag_list_free(&list);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_json_string),  cmocka_unit_test(test_xml_text),
	    cmocka_unit_test(test_utf8_count),   cmocka_unit_test(test_uri_path),
	    cmocka_unit_test(test_source_lines), cmocka_unit_test(test_filter),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
