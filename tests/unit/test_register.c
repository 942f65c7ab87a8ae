/* SPDX-License-Identifier: EUPL-1.2 */
/* test_register.c - unit tests for the text helpers of list, graph and index (reg_text.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "reg_text.h"
#include "register.h"

/* Runs one appending helper on s and compares the result with want. */
static void expect(void (*add)(struct buf *, const char *), const char *s, const char *want)
{
	struct buf b = {0};
	char *got;

	add(&b, s);
	got = buf_take(&b);
	assert_string_equal(got, want);
	free(got);
}

static void test_csv(void **state)
{
	(void)state;
	expect(reg_csv_field, "plain text", "plain text");
	expect(reg_csv_field, "", "");
	expect(reg_csv_field, "a,b", "\"a,b\"");
	expect(reg_csv_field, "say \"yes\"", "\"say \"\"yes\"\"\"");
	expect(reg_csv_field, "two\nlines", "\"two\nlines\"");
	expect(reg_csv_field, "cr\rhere", "\"cr\rhere\"");
	expect(reg_csv_field, "Financiën; <b>", "Financiën; <b>");
}

static void test_markdown_cell(void **state)
{
	(void)state;
	expect(reg_md_cell, "Kaders 2024", "Kaders 2024");
	expect(reg_md_cell, "a | b", "a \\| b");
	expect(reg_md_cell, "line\nbreak\r\n", "line break  ");
	expect(reg_md_cell, "<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>");
	expect(reg_md_cell, "*bold* _it_ `code` [x](y) ~s~ &amp; \\",
	       "\\*bold\\* \\_it\\_ \\`code\\` \\[x\\](y) \\~s\\~ \\&amp; \\\\");
	expect(reg_md_cell, "Dijkmeer–Zandwijk", "Dijkmeer–Zandwijk");
	expect(reg_md_cell, "bad \xff byte", "bad \xef\xbf\xbd byte");
	expect(reg_md_cell, "rtl \xe2\x80\xae here", "rtl   here");
}

static void test_dot(void **state)
{
	(void)state;
	expect(reg_dot_text, "COV-2024-001", "COV-2024-001");
	expect(reg_dot_text, "say \"hi\" \\n", "say \\\"hi\\\" \\\\n");
	expect(reg_dot_text, "a\nb\tc", "a b c");
	expect(reg_dot_text, "<script>", "<script>");
	expect(reg_dot_text, "\xc3(", "\xef\xbf\xbd(");
}

static void test_mermaid(void **state)
{
	(void)state;
	expect(reg_mermaid_text, "RPT-2024-001: Rapport (slot)", "RPT-2024-001: Rapport (slot)");
	expect(reg_mermaid_text, "a \"b\" <c>", "a #34;b#34; #60;c#62;");
	expect(reg_mermaid_text, "x|y]z;", "x#124;y#93;z#59;");
	expect(reg_mermaid_text, "line\nbreak", "line break");
	expect(reg_mermaid_text, "Financiën", "Financiën");
	expect(reg_mermaid_text, "\xe2\x80\xae", "#8238;");
	expect(reg_mermaid_text, "#1;", "#35;1#59;");
}

static void test_terminal_text(void **state)
{
	char *s = reg_terminal_text("a\x1b[31mb\n");

	(void)state;
	assert_string_equal(s, "a\\x1b[31mb\\n");
	free(s);
}

static void test_width(void **state)
{
	(void)state;
	assert_int_equal(reg_display_width(""), 0);
	assert_int_equal(reg_display_width("abc"), 3);
	assert_int_equal(reg_display_width("Dijkmeer–Zandwijk"), 17);
	assert_int_equal(reg_display_width("Financiën"), 9);
	assert_int_equal(reg_display_width("e\xcc\x81"), 1);    /* e + combining acute */
	assert_int_equal(reg_display_width("\xe4\xb8\xad"), 2); /* a CJK character */
	assert_int_equal(reg_display_width("\xff"), 1);
}

static void test_id_order(void **state)
{
	(void)state;
	assert_true(reg_id_compare("2024-9", "2024-10") < 0);
	assert_true(reg_id_compare("2024-10", "2024-9") > 0);
	assert_true(reg_id_compare("COV-2021-001", "COV-2021-002") < 0);
	assert_true(reg_id_compare("COV-2021-999", "COV-2022-001") < 0);
	assert_true(reg_id_compare("2024-017", "2024-17") != 0);
	assert_true(reg_id_compare("2024-017", "2024-17") ==
		    -reg_id_compare("2024-17", "2024-017"));
	assert_int_equal(reg_id_compare("RPT-1", "RPT-1"), 0);
	assert_true(reg_id_compare("RPT", "RPT-1") < 0);
	assert_true(reg_id_compare("a", "b") < 0);
	assert_true(reg_id_compare("99999999999999999999999", "100000000000000000000000") < 0);
}

static void test_relative_path(void **state)
{
	static const char *const cases[][3] = {
	    {"/r", "/r/COV-1.md", "COV-1.md"},    {"/r", "/r/sub/x.md", "sub/x.md"},
	    {"/r/sub", "/r/x.md", "../x.md"},     {"/r/a/b", "/r/c/x.md", "../../c/x.md"},
	    {"/r/b", "/r/bc/x.md", "../bc/x.md"}, {"/", "/x.md", "x.md"},
	    {"/r", "/x.md", "../x.md"},
	};
	size_t i;
	char *got;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		got = reg_relative_path(cases[i][0], cases[i][1]);
		assert_string_equal(got, cases[i][2]);
		free(got);
	}
}

static void test_register_mark(void **state)
{
	const char *yes = REG_MARK "\n# Register\n";
	const char *crlf = REG_MARK "\r\n# Register\n";
	const char *no = REG_MARK " and more\n";

	(void)state;
	assert_true(reg_is_register(yes, strlen(yes)));
	assert_true(reg_is_register(crlf, strlen(crlf)));
	assert_false(reg_is_register(no, strlen(no)));
	assert_false(reg_is_register(REG_MARK, strlen(REG_MARK)));
	assert_false(reg_is_register("---\ntype: decision\n", 19));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_csv),           cmocka_unit_test(test_markdown_cell),
	    cmocka_unit_test(test_dot),           cmocka_unit_test(test_mermaid),
	    cmocka_unit_test(test_terminal_text), cmocka_unit_test(test_width),
	    cmocka_unit_test(test_id_order),      cmocka_unit_test(test_relative_path),
	    cmocka_unit_test(test_register_mark),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
