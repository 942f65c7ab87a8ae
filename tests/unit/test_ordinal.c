/* SPDX-License-Identifier: EUPL-1.2 */
/* test_ordinal.c - unit tests for ordinal words in titles (ordinal.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "ordinal.h"

static int value(const char *w)
{
	return ordinal_value(w, strlen(w));
}

static void test_dutch_words(void **state)
{
	(void)state;
	assert_int_equal(value("eerste"), 1);
	assert_int_equal(value("Vijfde"), 5);
	assert_int_equal(value("achtste"), 8);
	assert_int_equal(value("twaalfde"), 12);
	assert_int_equal(value("negentiende"), 19);
	assert_int_equal(value("twintigste"), 20);
	assert_int_equal(value("eenentwintigste"), 21);
	assert_int_equal(value("tweeëntwintigste"), 22);
	assert_int_equal(value("drieëndertigste"), 33);
	assert_int_equal(value("vijfenveertigste"), 45);
	assert_int_equal(value("negenennegentigste"), 99);
	assert_int_equal(value("dertigste"), 30);
	assert_int_equal(value("honderdste"), 100);
}

static void test_english_words(void **state)
{
	(void)state;
	assert_int_equal(value("first"), 1);
	assert_int_equal(value("Second"), 2);
	assert_int_equal(value("twelfth"), 12);
	assert_int_equal(value("twentieth"), 20);
	assert_int_equal(value("twenty-first"), 21);
	assert_int_equal(value("Thirty-Third"), 33);
	assert_int_equal(value("ninetieth"), 90);
}

static void test_numerals(void **state)
{
	(void)state;
	assert_int_equal(value("5e"), 5);
	assert_int_equal(value("5de"), 5);
	assert_int_equal(value("5ste"), 5);
	assert_int_equal(value("5th"), 5);
	assert_int_equal(value("1st"), 1);
	assert_int_equal(value("2nd"), 2);
	assert_int_equal(value("3rd"), 3);
	assert_int_equal(value("21ste"), 21);
}

static void test_not_ordinals(void **state)
{
	(void)state;
	assert_int_equal(value("5"), 0);
	assert_int_equal(value("2024"), 0);
	assert_int_equal(value("een"), 0);
	assert_int_equal(value("twee"), 0);
	assert_int_equal(value("twenty"), 0);
	assert_int_equal(value("twenty-"), 0);
	assert_int_equal(value("eenentwintig"), 0);
	assert_int_equal(value("eerstelijnszorg"), 0);
	assert_int_equal(value("5x"), 0);
	assert_int_equal(value("e"), 0);
	assert_int_equal(value(""), 0);
}

static void test_find_in_title(void **state)
{
	const char *t = "Voortgangsrapportage: de vijfde rapportage glasvezel 2024";
	size_t s = 0, e = 0;

	(void)state;
	assert_int_equal(ordinal_find(t, strlen(t), &s, &e), 5);
	assert_int_equal(s, strlen("Voortgangsrapportage: de "));
	assert_int_equal(e, s + strlen("vijfde"));
	t = "Rapportage 2024 over het eerstelijnsverblijf";
	assert_int_equal(ordinal_find(t, strlen(t), &s, &e), 0);
	t = "Tweeëntwintigste-rapportage";
	assert_int_equal(ordinal_find(t, strlen(t), &s, &e), 22);
	assert_int_equal(s, 0);
	t = "The 3rd progress report";
	assert_int_equal(ordinal_find(t, strlen(t), &s, &e), 3);
	t = "Slotrapportage";
	assert_int_equal(ordinal_find(t, strlen(t), &s, &e), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_dutch_words),   cmocka_unit_test(test_english_words),
	    cmocka_unit_test(test_numerals),      cmocka_unit_test(test_not_ordinals),
	    cmocka_unit_test(test_find_in_title),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
