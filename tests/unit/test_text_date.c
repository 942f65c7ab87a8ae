/* SPDX-License-Identifier: EUPL-1.2 */
/* test_text_date.c - unit tests for dates written in running text (text_date.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "date.h"
#include "text_date.h"

#define MAXFOUND 8

struct scan {
	struct text_date d[MAXFOUND];
	int n;
};

/* Scans text with the record year; stores every date found. */
static struct scan scan_year(const char *text, int year)
{
	const struct text_dates *td = text_dates_shared();
	pcre2_match_data *md;
	struct scan sc;
	size_t pos = 0;
	int k;

	memset(&sc, 0, sizeof sc);
	assert_non_null(td);
	md = text_dates_match_data(td);
	assert_non_null(md);
	while (sc.n + 2 <= MAXFOUND) {
		k = text_dates_next(td, md, text, strlen(text), &pos, year, &sc.d[sc.n]);
		if (k == 0)
			break;
		sc.n += k;
	}
	pcre2_match_data_free(md);
	return sc;
}

static struct scan scan(const char *text)
{
	return scan_year(text, -1);
}

/* Asserts that text holds exactly one date, y-m-d, and returns it. */
static struct text_date one(const char *text, int y, int m, int d)
{
	struct scan sc = scan(text);

	assert_int_equal(sc.n, 1);
	assert_int_equal(sc.d[0].year, y);
	assert_int_equal(sc.d[0].month, m);
	assert_int_equal(sc.d[0].day, d);
	return sc.d[0];
}

static enum text_date_verdict judge(const struct text_date *d)
{
	char why[128];
	int wd = -1;

	return text_date_judge(d, why, sizeof why, &wd);
}

/* Judges the one date in text. */
static enum text_date_verdict verdict(const char *text)
{
	struct scan sc = scan(text);

	assert_int_equal(sc.n, 1);
	return judge(&sc.d[0]);
}

/* ------------------------------------------------------------- the forms */

static void test_dutch_forms(void **state)
{
	struct text_date d;

	(void)state;
	d = one("Het college besloot op 16 januari 2017 tot uitvoering.", 2017, 1, 16);
	assert_string_equal(d.written, "16 januari 2017");
	assert_int_equal(d.start, strlen("Het college besloot op "));
	assert_int_equal(d.end, d.start + strlen("16 januari 2017"));
	assert_int_equal(d.lang, TEXT_LANG_NL);
	assert_int_equal(d.weekday, -1);
	one("op 3 mrt. 2016", 2016, 3, 3);
	one("op 3 mrt 2016", 2016, 3, 3);
	one("op 5 febr. 2019", 2019, 2, 5);
	one("op 5 feb 2019", 2019, 2, 5);
	one("12 sept. 2020", 2020, 9, 12);
	one("12 sep 2020", 2020, 9, 12);
	one("7 okt 2021", 2021, 10, 7);
	one("1 Mei 2022", 2022, 5, 1);
	one("8 AUGUSTUS 2023", 2023, 8, 8);
	d = one("dinsdag 26 januari 2010", 2010, 1, 26);
	assert_int_equal(d.weekday, 1);
	assert_int_equal(d.start, 0);
	assert_string_equal(d.written, "26 januari 2010");
	d = one("vr. 4 juni 2021", 2021, 6, 4);
	assert_int_equal(d.weekday, 4);
	d = one("zo 6 juni 2021", 2021, 6, 6);
	assert_int_equal(d.weekday, 6);
}

static void test_english_forms(void **state)
{
	struct text_date d;

	(void)state;
	d = one("signed on 16 January 2017.", 2017, 1, 16);
	assert_int_equal(d.lang, TEXT_LANG_EN);
	d = one("signed on January 16, 2017.", 2017, 1, 16);
	assert_string_equal(d.written, "January 16, 2017");
	d = one("Tuesday 26 January 2010", 2010, 1, 26);
	assert_int_equal(d.weekday, 1);
	d = one("Tuesday, January 26, 2010", 2010, 1, 26);
	assert_int_equal(d.weekday, 1);
	assert_int_equal(d.lang, TEXT_LANG_EN);
	one("Wed. 27 Jan. 2010", 2010, 1, 27);
	one("on Oct 3, 2019", 2019, 10, 3);
	one("the 3rd of March 2019", 2019, 3, 3);
	one("Sept. 30, 2019", 2019, 9, 30);
}

static void test_numeric_forms(void **state)
{
	struct text_date d;

	(void)state;
	one("per 1/1/2014 geldt", 2014, 1, 1);
	one("per 28-1-2015 geldt", 2015, 1, 28);
	d = one("per 16.01.2017 geldt", 2017, 1, 16);
	assert_string_equal(d.written, "16.01.2017");
	d = one("vanaf 2017-01-16.", 2017, 1, 16);
	assert_string_equal(d.written, "2017-01-16");
	d = one("woensdag 27-01-2010", 2010, 1, 27);
	assert_int_equal(d.weekday, 2);
}

static void test_ranges(void **state)
{
	struct scan sc;

	(void)state;
	sc = scan("van 1 t/m 3 maart 2016 in Zwolle");
	assert_int_equal(sc.n, 2);
	assert_int_equal(sc.d[0].day, 1);
	assert_int_equal(sc.d[0].month, 3);
	assert_int_equal(sc.d[0].year, 2016);
	assert_string_equal(sc.d[0].written, "1 maart 2016");
	assert_int_equal(sc.d[0].start, strlen("van "));
	assert_int_equal(sc.d[1].day, 3);
	assert_string_equal(sc.d[1].written, "3 maart 2016");
	assert_int_equal(sc.d[1].start, strlen("van 1 t/m "));
	sc = scan("30 tot en met 31 juni 2016");
	assert_int_equal(sc.n, 2);
	assert_int_equal(judge(&sc.d[0]), TEXT_DATE_OK);
	assert_int_equal(judge(&sc.d[1]), TEXT_DATE_INVALID);
	sc = scan("from 4-6 May 2018");
	assert_int_equal(sc.n, 2);
	assert_int_equal(sc.d[1].day, 6);
}

static void test_several_in_one_text(void **state)
{
	struct scan sc;

	(void)state;
	sc = scan("Van 16 januari 2017 tot 2017-03-01 en daarna 4/5/2018.");
	assert_int_equal(sc.n, 3);
	assert_int_equal(sc.d[1].month, 3);
	assert_int_equal(sc.d[2].month, 5);
}

/* ------------------------------------------------------------ judging */

static void test_month_lengths(void **state)
{
	char why[128];
	int wd;
	struct scan sc;

	(void)state;
	assert_int_equal(verdict("31 juni 2016"), TEXT_DATE_INVALID);
	assert_int_equal(verdict("30 juni 2016"), TEXT_DATE_OK);
	assert_int_equal(verdict("31 juli 2016"), TEXT_DATE_OK);
	assert_int_equal(verdict("31 april 2016"), TEXT_DATE_INVALID);
	assert_int_equal(verdict("31 September 2016"), TEXT_DATE_INVALID);
	assert_int_equal(verdict("32/1/2014"), TEXT_DATE_INVALID);
	assert_int_equal(verdict("14.13.2017"), TEXT_DATE_INVALID);
	assert_int_equal(verdict("12/13/2017"), TEXT_DATE_INVALID);
	assert_int_equal(verdict("28-12-2017"), TEXT_DATE_OK);
	assert_int_equal(verdict("0 mei 2014"), TEXT_DATE_INVALID);
	assert_int_equal(verdict("2017-13-01"), TEXT_DATE_INVALID);
	assert_int_equal(verdict("2017-00-10"), TEXT_DATE_INVALID);
	sc = scan("31 juni 2016");
	assert_int_equal(text_date_judge(&sc.d[0], why, sizeof why, &wd), TEXT_DATE_INVALID);
	assert_string_equal(why, "June 2016 has only 30 days");
}

static void test_leap_years(void **state)
{
	(void)state;
	assert_int_equal(verdict("29 februari 2015"), TEXT_DATE_INVALID);
	assert_int_equal(verdict("29 februari 2016"), TEXT_DATE_OK);
	assert_int_equal(verdict("29 February 1900"), TEXT_DATE_INVALID);
	assert_int_equal(verdict("29 February 2000"), TEXT_DATE_OK);
	assert_int_equal(verdict("29-2-2100"), TEXT_DATE_INVALID);
	assert_int_equal(verdict("2024-02-29"), TEXT_DATE_OK);
	assert_int_equal(verdict("30 feb 2024"), TEXT_DATE_INVALID);
}

static void test_weekdays(void **state)
{
	struct scan sc;
	char why[128];
	int wd = -1;

	(void)state;
	sc = scan("dinsdag 27 januari 2010");
	assert_int_equal(text_date_judge(&sc.d[0], why, sizeof why, &wd), TEXT_DATE_WEEKDAY);
	assert_int_equal(wd, 2);
	assert_int_equal(sc.d[0].lang, TEXT_LANG_NL);
	assert_string_equal(text_date_weekday_name(wd, sc.d[0].lang), "woensdag");
	assert_int_equal(verdict("woensdag 27 januari 2010"), TEXT_DATE_OK);
	sc = scan("Tuesday 27 January 2010");
	assert_int_equal(text_date_judge(&sc.d[0], why, sizeof why, &wd), TEXT_DATE_WEEKDAY);
	assert_string_equal(text_date_weekday_name(wd, sc.d[0].lang), "Wednesday");
	assert_int_equal(verdict("Monday, January 16, 2017"), TEXT_DATE_OK);
	assert_int_equal(verdict("ma 16 jan 2017"), TEXT_DATE_OK);
	assert_int_equal(verdict("zondag 1 januari 2017"), TEXT_DATE_OK);
	assert_int_equal(verdict("zaterdag 1 januari 2000"), TEXT_DATE_OK);
	assert_int_equal(verdict("Friday 29 February 2008"), TEXT_DATE_OK);
	/* a shared month name takes the language of its weekday */
	sc = scan("donderdag 1 december 2016");
	assert_int_equal(sc.d[0].lang, TEXT_LANG_NL);
	assert_int_equal(judge(&sc.d[0]), TEXT_DATE_OK);
}

static void test_year_from_record(void **state)
{
	struct scan sc;

	(void)state;
	sc = scan_year("op 26 januari besproken", 2010);
	assert_int_equal(sc.n, 1);
	assert_int_equal(sc.d[0].year, 2010);
	assert_int_equal(sc.d[0].year_written, 0);
	assert_string_equal(sc.d[0].written, "26 januari");
	/* the full stop after a full month name ends the sentence */
	sc = scan_year("Besproken op 26 januari.", 2010);
	assert_string_equal(sc.d[0].written, "26 januari");
	assert_int_equal(sc.d[0].end, strlen("Besproken op 26 januari"));
	sc = scan_year("Besproken op 26 jan.", 2010);
	assert_string_equal(sc.d[0].written, "26 jan.");
	sc = scan_year("dinsdag 26 januari", 2010);
	assert_int_equal(judge(&sc.d[0]), TEXT_DATE_OK);
	sc = scan_year("dinsdag 26 januari", 2011);
	assert_int_equal(judge(&sc.d[0]), TEXT_DATE_WEEKDAY);
	sc = scan_year("29 februari", 2015);
	assert_int_equal(judge(&sc.d[0]), TEXT_DATE_INVALID);
	sc = scan_year("29 februari", 2016);
	assert_int_equal(judge(&sc.d[0]), TEXT_DATE_OK);
	/* a year written wins over the record's */
	sc = scan_year("16 januari 2017", 2016);
	assert_int_equal(sc.d[0].year, 2017);
	assert_int_equal(sc.d[0].year_written, 1);
	/* no year known: 29 February may be right, no weekday is judged */
	sc = scan("dinsdag 29 februari");
	assert_int_equal(sc.d[0].year, -1);
	assert_int_equal(judge(&sc.d[0]), TEXT_DATE_OK);
	assert_int_equal(verdict("31 juni"), TEXT_DATE_INVALID);
}

/* ----------------------------------------------------------- non-dates */

static void test_not_dates(void **state)
{
	static const char *const texts[] = {
	    "de helft, 1/2, van de kosten",
	    "versie 1.2.3 van het programma",
	    "versie 10.12.1 en 3/4",
	    "zie https://example.org/besluiten/16-01-2017/besluit.pdf",
	    "zie https://example.org/2016/01/16/nieuws",
	    "zie example.org?datum=16-01-2017",
	    "bel 06-12345678 of 020-5551234 of +31 20 555 1234",
	    "registratienummer 2016009542",
	    "kenmerk RPT-2024-001 en COV-2021-001",
	    "bedrag 1.250.000 euro, 12,5 procent",
	    "om 14.30 uur in zaal 3",
	    "artikel 3 lid 2",
	    "in 2016 en 2017",
	    "116 januari",
	    "d.d. x16-01-2017",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof texts / sizeof *texts; i++) {
		if (scan(texts[i]).n != 0)
			fail_msg("found a date in '%s'", texts[i]);
	}
}

static void test_long_text_is_linear(void **state)
{
	static char text[200001];
	struct scan sc;
	size_t i;

	(void)state;
	/* digits, spaces and weekday words that never become a date */
	for (i = 0; i + 1 < sizeof text; i++)
		text[i] = "12 dinsdag 3 t/m 4 "[i % 19];
	text[sizeof text - 1] = '\0';
	sc = scan(text);
	assert_int_equal(sc.n, 0);
}

/* rule_text.c joins the lines of a paragraph with "\n" at soft breaks:
 * the recogniser reads a line end as the space it stands for, but a blank
 * line (two line ends) does not join. */
static void test_across_line_ends(void **state)
{
	struct text_date d;
	struct scan sc;

	(void)state;
	d = one("tot 31\njuni 2016.", 2016, 6, 31);
	assert_int_equal(d.start, 4);
	assert_string_equal(d.written, "31\njuni 2016");
	d = one("op woensdag 27 januari\n2011, na", 2011, 1, 27);
	assert_int_equal(d.weekday, 2);
	assert_int_equal(d.start, 3);
	d = one("on Tuesday,\nJanuary\n27, 2010", 2010, 1, 27);
	assert_int_equal(d.weekday, 1);
	sc = scan("op 27 januari\n\n\n\n2011");
	assert_int_equal(sc.n, 1);
	assert_int_equal(sc.d[0].year, -1); /* too far apart to be one date */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_dutch_forms),      cmocka_unit_test(test_english_forms),
	    cmocka_unit_test(test_across_line_ends), cmocka_unit_test(test_numeric_forms),
	    cmocka_unit_test(test_ranges),           cmocka_unit_test(test_several_in_one_text),
	    cmocka_unit_test(test_month_lengths),    cmocka_unit_test(test_leap_years),
	    cmocka_unit_test(test_weekdays),         cmocka_unit_test(test_year_from_record),
	    cmocka_unit_test(test_not_dates),        cmocka_unit_test(test_long_text_is_linear),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
