/* SPDX-License-Identifier: EUPL-1.2 */
/* text_date.h - finding dates written in running text, Dutch and English.
 *
 * A recogniser finds candidates with one pcre2 pattern ("16 januari 2017",
 * "dinsdag 26 januari", "January 16, 2017", "1 t/m 3 maart 2016",
 * "28-1-2015", "2017-01-16"); clerk's own calendar (date.h) judges them.
 * Numeric dates need a four-digit year, so fractions (1/2), version
 * numbers (1.2.3) and registration numbers never match. */
#ifndef CLERK_TEXT_DATE_H
#define CLERK_TEXT_DATE_H

#include <stddef.h>

#include "pattern.h"

enum text_lang { TEXT_LANG_NONE, TEXT_LANG_NL, TEXT_LANG_EN };

/* One date found in a text. */
struct text_date {
	size_t start, end;    /* its bytes in the text, weekday included */
	int year, month, day; /* as written; year -1 when neither written nor known */
	int year_written;     /* 0 when the year was taken from the record */
	int weekday;          /* as written: 0 Monday to 6 Sunday, -1 when none */
	size_t weekday_len;   /* the weekday's word at start, 0 when none */
	enum text_lang lang;  /* of the weekday, else of the month name */
	char written[96];     /* the date as written without weekday: "1 maart 2016" */
};

enum text_date_verdict {
	TEXT_DATE_OK,
	TEXT_DATE_INVALID, /* no such day */
	TEXT_DATE_WEEKDAY  /* a real day, but not on the weekday written */
};

struct text_dates;

/* Returns the recogniser shared by the whole process, compiled on first
 * use (thread-safe); NULL only when its pattern could not be compiled. Never
 * free it. */
const struct text_dates *text_dates_shared(void);
/* Returns match data for one user of td at a time (free with
 * pcre2_match_data_free), or NULL when out of memory. */
pcre2_match_data *text_dates_match_data(const struct text_dates *td);
/* Finds the next dates in s[0..len) at or after *pos, using md. A date
 * without a year takes default_year (-1 when unknown). Returns how many it
 * stored in out (1, or 2 for a range such as "1 t/m 3 maart"), with *pos
 * moved past them; 0 when there are no more. */
int text_dates_next(const struct text_dates *td, pcre2_match_data *md, const char *s, size_t len,
		    size_t *pos, int default_year, struct text_date out[2]);
/* Judges d. On TEXT_DATE_INVALID writes why into why ("June 2016 has only
 * 30 days"); on TEXT_DATE_WEEKDAY the real weekday's number (0 Monday). */
enum text_date_verdict text_date_judge(const struct text_date *d, char *why, size_t whylen,
				       int *real_weekday);
/* Returns the name of weekday (0 Monday to 6 Sunday) in lang: "woensdag"
 * for Dutch, "Wednesday" otherwise. */
const char *text_date_weekday_name(int weekday, enum text_lang lang);

#endif
