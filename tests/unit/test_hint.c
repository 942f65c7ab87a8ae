/* SPDX-License-Identifier: EUPL-1.2 */
/* test_hint.c - unit tests for the values meant by synonyms and by
 * durations written in words (hint.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "hint.h"
#include "schema.h"

/* Returns the ISO form hint_duration gives text, or "" when it gives none. */
static const char *iso(const char *text)
{
	static char out[16];

	if (!hint_duration(text, out))
		return "";
	return out;
}

static void test_dutch_durations(void **state)
{
	(void)state;
	assert_string_equal(iso("3 jaar"), "P3Y");
	assert_string_equal(iso("zes maanden"), "P6M");
	assert_string_equal(iso("een jaar"), "P1Y");
	assert_string_equal(iso("één jaar"), "P1Y");
	assert_string_equal(iso("twee weken"), "P2W");
	assert_string_equal(iso("10 dagen"), "P10D");
	assert_string_equal(iso("Twaalf Maanden"), "P12M");
	assert_string_equal(iso("  4   jaren "), "P4Y");
}

static void test_english_durations(void **state)
{
	(void)state;
	assert_string_equal(iso("3 years"), "P3Y");
	assert_string_equal(iso("a year"), "P1Y");
	assert_string_equal(iso("six months"), "P6M");
	assert_string_equal(iso("1 week"), "P1W");
}

static void test_not_durations(void **state)
{
	(void)state;
	assert_string_equal(iso(""), "");
	assert_string_equal(iso("jaar"), "");
	assert_string_equal(iso("3"), "");
	assert_string_equal(iso("0 jaar"), "");
	assert_string_equal(iso("drie jaar en zes maanden"), "");
	assert_string_equal(iso("3 eeuwen"), "");
	assert_string_equal(iso("1000 jaar"), "");
	assert_string_equal(iso("99999999999999999999 jaar"), "");
	assert_string_equal(iso("P3Y"), "");
}

static void test_synonyms(void **state)
{
	struct synonym syn[] = {{"vastgesteld", "adopted"}, {"onbepaalde tijd", "indefinite"}};
	struct field_spec f;

	(void)state;
	memset(&f, 0, sizeof f);
	f.synonyms = syn;
	f.nsynonyms = 2;
	assert_string_equal(hint_synonym(&f, "vastgesteld"), "adopted");
	assert_string_equal(hint_synonym(&f, "Vastgesteld"), "adopted");
	assert_string_equal(hint_synonym(&f, " onbepaalde  Tijd "), "indefinite");
	assert_null(hint_synonym(&f, "vastgesteld."));
	assert_null(hint_synonym(&f, "onbepaalde"));
	assert_null(hint_synonym(&f, ""));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_dutch_durations),
	    cmocka_unit_test(test_english_durations),
	    cmocka_unit_test(test_not_durations),
	    cmocka_unit_test(test_synonyms),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
