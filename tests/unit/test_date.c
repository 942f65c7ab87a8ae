/* SPDX-License-Identifier: EUPL-1.2 */
/* test_date.c - unit tests for calendar dates and ISO 8601 durations (date.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "date.h"

/* Parses a NUL-terminated date. */
static enum date_check parse(const char *text, long *days)
{
	return date_parse(text, strlen(text), days);
}

/* Returns the day number of a date that must be valid. */
static long days_of(const char *text)
{
	long days = 0;

	assert_int_equal(parse(text, &days), DATE_OK);
	return days;
}

static int duration(const char *text)
{
	return duration_valid(text, strlen(text));
}

/* ------------------------------------------------------------ date_parse */

static void test_valid_dates(void **state)
{
	(void)state;
	assert_int_equal(parse("2024-03-05", NULL), DATE_OK);
	assert_int_equal(parse("2021-06-29", NULL), DATE_OK);
	assert_int_equal(parse("2024-01-01", NULL), DATE_OK);
	assert_int_equal(parse("2024-12-31", NULL), DATE_OK);
	assert_int_equal(parse("2024-04-30", NULL), DATE_OK);
	assert_int_equal(parse("1999-11-30", NULL), DATE_OK);
	assert_int_equal(parse("0001-01-01", NULL), DATE_OK);
	assert_int_equal(parse("9999-12-31", NULL), DATE_OK);
}

static void test_leap_years(void **state)
{
	(void)state;
	/* divisible by 400: leap */
	assert_int_equal(parse("2000-02-29", NULL), DATE_OK);
	assert_int_equal(parse("2400-02-29", NULL), DATE_OK);
	/* divisible by 100 but not 400: not leap */
	assert_int_equal(parse("1900-02-29", NULL), DATE_CALENDAR);
	assert_int_equal(parse("2100-02-29", NULL), DATE_CALENDAR);
	/* divisible by 4: leap */
	assert_int_equal(parse("2024-02-29", NULL), DATE_OK);
	assert_int_equal(parse("2016-02-29", NULL), DATE_OK);
	/* ordinary years */
	assert_int_equal(parse("2023-02-29", NULL), DATE_CALENDAR);
	assert_int_equal(parse("2023-02-28", NULL), DATE_OK);
	/* never a 30th of February */
	assert_int_equal(parse("2024-02-30", NULL), DATE_CALENDAR);
	assert_int_equal(parse("2000-02-30", NULL), DATE_CALENDAR);
}

static void test_calendar_errors(void **state)
{
	(void)state;
	assert_int_equal(parse("2016-02-30", NULL), DATE_CALENDAR);
	assert_int_equal(parse("2024-13-01", NULL), DATE_CALENDAR);
	assert_int_equal(parse("2024-00-10", NULL), DATE_CALENDAR);
	assert_int_equal(parse("2024-01-00", NULL), DATE_CALENDAR);
	assert_int_equal(parse("2024-01-32", NULL), DATE_CALENDAR);
	assert_int_equal(parse("2024-04-31", NULL), DATE_CALENDAR);
	assert_int_equal(parse("2024-06-31", NULL), DATE_CALENDAR);
	assert_int_equal(parse("2024-09-31", NULL), DATE_CALENDAR);
	assert_int_equal(parse("2024-11-31", NULL), DATE_CALENDAR);
	assert_int_equal(parse("2024-99-99", NULL), DATE_CALENDAR);
}

static void test_wrong_forms(void **state)
{
	(void)state;
	assert_int_equal(parse("2024-1-05", NULL), DATE_FORM);
	assert_int_equal(parse("2024-01-5", NULL), DATE_FORM);
	assert_int_equal(parse("12-03-2024", NULL), DATE_FORM);
	assert_int_equal(parse("2024-03-012", NULL), DATE_FORM);
	assert_int_equal(parse("", NULL), DATE_FORM);
	assert_int_equal(parse("2024/03/05", NULL), DATE_FORM);
	assert_int_equal(parse("2024.03.05", NULL), DATE_FORM);
	assert_int_equal(parse("20240305", NULL), DATE_FORM);
	assert_int_equal(parse("2024-0a-05", NULL), DATE_FORM);
	assert_int_equal(parse("2O24-03-05", NULL), DATE_FORM);
	assert_int_equal(parse("+024-03-05", NULL), DATE_FORM);
	assert_int_equal(parse("2024-+3-05", NULL), DATE_FORM);
	assert_int_equal(parse(" 2024-03-05", NULL), DATE_FORM);
	assert_int_equal(parse("2024-03-05 ", NULL), DATE_FORM);
	assert_int_equal(parse("2024-03-05T10:00", NULL), DATE_FORM);
	assert_int_equal(parse("24-03-05", NULL), DATE_FORM);
	/* a form error wins over a calendar error */
	assert_int_equal(parse("2024-13-1", NULL), DATE_FORM);
}

static void test_length_is_respected(void **state)
{
	long days = 0;

	(void)state;
	/* only the first len bytes count, the text need not end there */
	assert_int_equal(date_parse("2024-03-05 and more", 10, &days), DATE_OK);
	assert_int_equal(days, days_of("2024-03-05"));
	assert_int_equal(date_parse("2024-03-05", 9, NULL), DATE_FORM);
	assert_int_equal(date_parse("2024-03-05", 0, NULL), DATE_FORM);
}

static void test_days_untouched_on_error(void **state)
{
	long days = 4242;

	(void)state;
	assert_int_equal(parse("2016-02-30", &days), DATE_CALENDAR);
	assert_int_equal(days, 4242);
	assert_int_equal(parse("2024-1-05", &days), DATE_FORM);
	assert_int_equal(days, 4242);
}

/* ---------------------------------------------------------- day numbers */

static void test_day_number_origin(void **state)
{
	(void)state;
	/* days since 0000-03-01 */
	assert_int_equal(days_of("0000-03-01"), 0);
	assert_int_equal(days_of("0000-03-02"), 1);
	assert_int_equal(days_of("0001-03-01"), 365);
	/* the Unix epoch is 719468 days after 0000-03-01 */
	assert_int_equal(days_of("1970-01-01"), 719468);
	assert_int_equal(days_of("1970-01-02"), 719469);
}

static void test_consecutive_days(void **state)
{
	(void)state;
	/* within a month */
	assert_int_equal(days_of("2024-03-06") - days_of("2024-03-05"), 1);
	/* across month ends of every length */
	assert_int_equal(days_of("2024-02-01") - days_of("2024-01-31"), 1);
	assert_int_equal(days_of("2024-05-01") - days_of("2024-04-30"), 1);
	/* across the leap day */
	assert_int_equal(days_of("2024-02-29") - days_of("2024-02-28"), 1);
	assert_int_equal(days_of("2024-03-01") - days_of("2024-02-29"), 1);
	assert_int_equal(days_of("2023-03-01") - days_of("2023-02-28"), 1);
	assert_int_equal(days_of("1900-03-01") - days_of("1900-02-28"), 1);
	assert_int_equal(days_of("2000-02-29") - days_of("2000-02-28"), 1);
	assert_int_equal(days_of("2000-03-01") - days_of("2000-02-29"), 1);
	/* across the year end */
	assert_int_equal(days_of("2024-01-01") - days_of("2023-12-31"), 1);
	assert_int_equal(days_of("2000-01-01") - days_of("1999-12-31"), 1);
}

static void test_day_differences(void **state)
{
	(void)state;
	assert_int_equal(days_of("2024-01-01") - days_of("2023-01-01"), 365);
	assert_int_equal(days_of("2025-01-01") - days_of("2024-01-01"), 366);
	assert_int_equal(days_of("1901-01-01") - days_of("1900-01-01"), 365);
	assert_int_equal(days_of("2001-01-01") - days_of("2000-01-01"), 366);
	assert_int_equal(days_of("2000-01-01") - days_of("1970-01-01"), 10957);
	assert_int_equal(days_of("2000-03-01") - days_of("1900-03-01"), 36525);
	assert_int_equal(days_of("2100-03-01") - days_of("2000-03-01"), 36524);
	assert_int_equal(days_of("2400-03-01") - days_of("2000-03-01"), 146097);
	assert_int_equal(days_of("2024-03-01") - days_of("2024-02-01"), 29);
	assert_int_equal(days_of("2023-03-01") - days_of("2023-02-01"), 28);
	/* earlier dates have smaller numbers */
	assert_true(days_of("2023-12-31") < days_of("2024-01-01"));
	assert_true(days_of("2024-01-15") < days_of("2024-02-01"));
	assert_true(days_of("2023-06-30") > days_of("2023-06-01"));
}

/* Walks every day from first_year-01-01 to last_year-12-31 and checks each
 * is valid and exactly one day after the one before. */
static void walk_days(int first_year, int last_year)
{
	char text[48];
	long prev = 0, days = 0;
	int y, m, d, first = 1;

	for (y = first_year; y <= last_year; y++)
		for (m = 1; m <= 12; m++)
			for (d = 1; d <= date_days_in_month(y, m); d++) {
				snprintf(text, sizeof text, "%04d-%02d-%02d", y, m, d);
				assert_int_equal(parse(text, &days), DATE_OK);
				if (!first && days != prev + 1)
					fail_msg("%s is day %ld, expected %ld", text, days,
						 prev + 1);
				prev = days;
				first = 0;
			}
}

static void test_every_day_follows_the_last(void **state)
{
	(void)state;
	walk_days(1, 2500);
}

/* The proleptic Gregorian year 0000 is a leap year; dates in January and
 * February of that year lie before the origin 0000-03-01. */
static void test_days_before_origin(void **state)
{
	(void)state;
	assert_int_equal(parse("0000-02-29", NULL), DATE_OK);
	assert_int_equal(days_of("0000-02-29"), -1);
	assert_int_equal(days_of("0000-01-01"), -60);
	assert_true(days_of("0000-02-29") < days_of("0000-03-01"));
	walk_days(0, 1);
}

/* ----------------------------------------------------- days in a month */

static void test_days_in_month(void **state)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int m;

	(void)state;
	for (m = 1; m <= 12; m++)
		assert_int_equal(date_days_in_month(2023, m), days[m - 1]);
	for (m = 1; m <= 12; m++)
		assert_int_equal(date_days_in_month(2024, m), m == 2 ? 29 : days[m - 1]);
	assert_int_equal(date_days_in_month(2000, 2), 29);
	assert_int_equal(date_days_in_month(1900, 2), 28);
	assert_int_equal(date_days_in_month(2100, 2), 28);
	assert_int_equal(date_days_in_month(2400, 2), 29);
	assert_int_equal(date_days_in_month(2024, 2), 29);
	assert_int_equal(date_days_in_month(2025, 2), 28);
}

static void test_today(void **state)
{
	char today[11];

	(void)state;
	memset(today, 'x', sizeof today);
	date_today(today);
	assert_int_equal(strlen(today), 10);
	assert_int_equal(parse(today, NULL), DATE_OK);
}

/* Returns date_problem's explanation of text. */
static const char *problem(const char *text)
{
	static char out[128];

	memset(out, 'x', sizeof out);
	date_problem(text, strlen(text), out, sizeof out);
	return out;
}

static void test_date_problem(void **state)
{
	char small[8];

	(void)state;
	assert_string_equal(problem("2023-02-29"), "February 2023 has only 28 days");
	assert_string_equal(problem("2016-02-30"), "February 2016 has only 29 days");
	assert_string_equal(problem("1900-02-29"), "February 1900 has only 28 days");
	assert_string_equal(problem("2024-04-31"), "April 2024 has only 30 days");
	assert_string_equal(problem("2024-01-32"), "January 2024 has only 31 days");
	assert_string_equal(problem("2024-13-01"), "there is no month 13");
	assert_string_equal(problem("2024-00-10"), "there is no month 0");
	assert_string_equal(problem("2024-01-00"), "there is no day 0");
	/* the output is cut to its size and stays a string */
	date_problem("2023-02-29", 10, small, sizeof small);
	assert_string_equal(small, "Februar");
}

/* -------------------------------------------------------------- durations */

static void test_valid_durations(void **state)
{
	(void)state;
	assert_true(duration("P3Y"));
	assert_true(duration("P6M"));
	assert_true(duration("P1Y6M"));
	assert_true(duration("P2W"));
	assert_true(duration("P90D"));
	assert_true(duration("P1DT12H"));
	assert_true(duration("PT30M"));
	assert_true(duration("PT1H30M"));
	assert_true(duration("PT45S"));
	assert_true(duration("P1Y2M3DT4H5M6S"));
	assert_true(duration("P10Y"));
	assert_true(duration("P0D"));
}

static void test_invalid_durations(void **state)
{
	(void)state;
	assert_false(duration(""));
	assert_false(duration("P"));
	assert_false(duration("PT"));
	assert_false(duration("3Y"));
	assert_false(duration("P3"));
	assert_false(duration("P3X"));
	assert_false(duration("PY"));
	assert_false(duration("P1H"));   /* hours need T */
	assert_false(duration("P1M2Y")); /* wrong order */
	assert_false(duration("P1D2Y"));
	assert_false(duration("P1Y1Y")); /* a unit twice */
	assert_false(duration("P3Y "));
	assert_false(duration(" P3Y"));
	assert_false(duration("P1DT")); /* T without a time part */
	assert_false(duration("PT1D")); /* days are not a time unit */
	assert_false(duration("PT1M1H"));
	assert_false(duration("P1YT1Y"));
	assert_false(duration("P-1Y"));
	assert_false(duration("T1H"));
	assert_false(duration("p3y"));
	assert_false(duration("P3YT"));
	assert_false(duration("indefinite"));
}

static void test_duration_length_is_respected(void **state)
{
	(void)state;
	assert_true(duration_valid("P3Y and more", 3));
	assert_false(duration_valid("P3Y", 2));
	assert_false(duration_valid("P3Y", 0));
}

static void test_date_add(void **state)
{
	char out[11];
	long days, expect;

	(void)state;
	assert_true(date_add("2021-07-01", "P3Y", out) >= 0);
	assert_string_equal(out, "2024-07-01");
	assert_true(date_add("2024-08-31", "P6M", out) >= 0);
	assert_string_equal(out, "2025-02-28"); /* the last day of a shorter month */
	assert_true(date_add("2024-01-31", "P1M", out) >= 0);
	assert_string_equal(out, "2024-02-29");
	assert_true(date_add("2024-12-20", "P2W", out) >= 0);
	assert_string_equal(out, "2025-01-03");
	assert_true(date_add("2023-03-01", "P1Y6M10D", out) >= 0);
	assert_string_equal(out, "2024-09-11");
	days = date_add("2024-02-28", "P1D", out);
	assert_string_equal(out, "2024-02-29");
	assert_int_equal(date_parse("2024-02-29", 10, &expect), DATE_OK);
	assert_int_equal(days, expect);
	assert_true(date_add("2024-02-28", "P1DT12H", out) >= 0); /* time ignored */
	assert_string_equal(out, "2024-02-29");
	assert_int_equal(date_add("2024-02-30", "P1Y", out), -1);
	assert_int_equal(date_add("2024-02-28", "1Y", out), -1);
	assert_int_equal(date_add("2024-02-28", "indefinite", out), -1);
	assert_int_equal(date_add("9999-12-31", "P1D", out), -1);
	assert_int_equal(date_add("2024-01-01", "P99999999999999999999Y", out), -1);
}

/* Durations in words, for "every ..." in messages. */
static void test_duration_words(void **state)
{
	static const char *const cases[][2] = {
	    {"P1Y", "year"},
	    {"P6M", "6 months"},
	    {"P2Y", "2 years"},
	    {"P1M", "month"},
	    {"P3M", "3 months"},
	    {"P2W", "2 weeks"},
	    {"P1D", "day"},
	    {"P01Y", "year"},
	    {"P1Y6M", "1 year and 6 months"},
	    {"P1Y2M3D", "1 year, 2 months and 3 days"},
	    {"P1DT12H", "1 day and 12 hours"},
	    {"PT30M", "30 minutes"},
	    {"PT1S", "second"},
	    {"indefinite", "indefinite"}, /* not a duration: as written */
	    {"P", "P"},
	};
	char out[128], tiny[6];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		duration_words(cases[i][0], out, sizeof out);
		assert_string_equal(out, cases[i][1]);
	}
	duration_words("P1Y2M3D", tiny, sizeof tiny); /* truncated, terminated */
	assert_string_equal(tiny, "1 yea");
	duration_words("P99999999999999999999Y", out, sizeof out);
	assert_string_equal(out, "P99999999999999999999Y"); /* too long a number: as written */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_valid_dates),
	    cmocka_unit_test(test_date_add),
	    cmocka_unit_test(test_duration_words),
	    cmocka_unit_test(test_leap_years),
	    cmocka_unit_test(test_calendar_errors),
	    cmocka_unit_test(test_wrong_forms),
	    cmocka_unit_test(test_length_is_respected),
	    cmocka_unit_test(test_days_untouched_on_error),
	    cmocka_unit_test(test_day_number_origin),
	    cmocka_unit_test(test_consecutive_days),
	    cmocka_unit_test(test_day_differences),
	    cmocka_unit_test(test_every_day_follows_the_last),
	    cmocka_unit_test(test_days_before_origin),
	    cmocka_unit_test(test_days_in_month),
	    cmocka_unit_test(test_today),
	    cmocka_unit_test(test_date_problem),
	    cmocka_unit_test(test_valid_durations),
	    cmocka_unit_test(test_invalid_durations),
	    cmocka_unit_test(test_duration_length_is_respected),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
