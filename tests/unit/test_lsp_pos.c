/* SPDX-License-Identifier: EUPL-1.2 */
/* test_lsp_pos.c - unit tests for byte and UTF-16 columns (lsp_pos.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "lsp_pos.h"

/* "é" is 2 bytes and 1 unit, "–" 3 bytes and 1 unit, "😀" 4 bytes and 2 units. */
static const char text[] = "ab\r\n"
			   "é–😀x\n"
			   "\rlast";

static void test_lines_end_in_lf_crlf_or_cr(void **state)
{
	struct lsp_lines l;

	(void)state;
	lsp_lines_index(&l, text, strlen(text));
	assert_int_equal(l.n, 4);
	assert_int_equal(l.start[1], 4);
	assert_int_equal(l.end[2] - l.start[2], 0); /* the empty line between LF and CR */
	assert_int_equal(l.start[3], strlen(text) - 4);
	lsp_lines_free(&l);
}

static void test_byte_columns_become_utf16(void **state)
{
	struct lsp_lines l;

	(void)state;
	lsp_lines_index(&l, text, strlen(text));
	assert_int_equal(lsp_utf16_of(&l, 2, 1), 0);
	assert_int_equal(lsp_utf16_of(&l, 2, 3), 1);  /* after é */
	assert_int_equal(lsp_utf16_of(&l, 2, 6), 2);  /* after – */
	assert_int_equal(lsp_utf16_of(&l, 2, 10), 4); /* after 😀: two units */
	assert_int_equal(lsp_utf16_of(&l, 2, 11), 5); /* after x */
	assert_int_equal(lsp_utf16_of(&l, 2, 99), 5); /* clamped to the line */
	assert_int_equal(lsp_utf16_of(&l, 9, 1), 0);  /* no such line */
	assert_int_equal(lsp_line_utf16_len(&l, 2), 5);
	lsp_lines_free(&l);
}

static void test_utf16_places_become_bytes(void **state)
{
	struct lsp_lines l;

	(void)state;
	lsp_lines_index(&l, text, strlen(text));
	assert_int_equal(lsp_bytecol_of(&l, 1, 0), 1);
	assert_int_equal(lsp_bytecol_of(&l, 1, 1), 3);
	assert_int_equal(lsp_bytecol_of(&l, 1, 2), 6);
	assert_int_equal(lsp_bytecol_of(&l, 1, 3), 6); /* inside the pair: its start */
	assert_int_equal(lsp_bytecol_of(&l, 1, 4), 10);
	assert_int_equal(lsp_bytecol_of(&l, 1, 50), 11); /* clamped to the line */
	assert_int_equal(lsp_offset_of(&l, 7, 0), strlen(text));
	assert_int_equal(lsp_offset_of(&l, -1, 0), 0);
	lsp_lines_free(&l);
}

static void test_byte_order_mark_is_not_a_column(void **state)
{
	static const char bom[] = "\xEF\xBB\xBF---\n";
	struct lsp_lines l;

	(void)state;
	lsp_lines_index(&l, bom, strlen(bom));
	assert_int_equal(lsp_utf16_of(&l, 1, 2), 1);
	assert_int_equal(lsp_bytecol_of(&l, 0, 1), 2);
	lsp_lines_free(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_lines_end_in_lf_crlf_or_cr),
	    cmocka_unit_test(test_byte_columns_become_utf16),
	    cmocka_unit_test(test_utf16_places_become_bytes),
	    cmocka_unit_test(test_byte_order_mark_is_not_a_column),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
