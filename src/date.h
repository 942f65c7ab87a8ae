/* SPDX-License-Identifier: EUPL-1.2 */
/* date.h - calendar dates and ISO 8601 durations, validated by clerk itself. */
#ifndef CLERK_DATE_H
#define CLERK_DATE_H

#include <stddef.h>

enum date_check {
	DATE_OK,      /* a real calendar date in YYYY-MM-DD form */
	DATE_FORM,    /* not written as YYYY-MM-DD */
	DATE_CALENDAR /* YYYY-MM-DD, but no such day (2016-02-30) */
};

/* Checks text of len bytes; on DATE_OK stores the day number (days since
 * 0000-03-01, comparable and subtractable) in *days when days is not NULL. */
enum date_check date_parse(const char *text, size_t len, long *days);
/* Returns the number of days in month (1-12) of year. */
int date_days_in_month(int year, int month);
/* Returns 1 when year-month-day is a real calendar date, 0 otherwise. */
int date_valid(int year, int month, int day);
/* Returns the weekday of a real date: 0 for Monday up to 6 for Sunday. */
int date_weekday(int year, int month, int day);
/* Explains in words why text (a DATE_CALENDAR date) is not a real date,
 * such as "February 2023 has only 28 days", into out. */
void date_problem(const char *text, size_t len, char *out, size_t outlen);
/* Writes today's local date as YYYY-MM-DD into out (11 bytes). */
void date_today(char out[11]);
/* Returns 1 when text is an ISO 8601 duration such as P3Y, P6M, P1Y6M, P2W,
 * P1DT12H; 0 otherwise. */
int duration_valid(const char *text, size_t len);

/* Adds an ISO 8601 duration (years, months, weeks, days; a time part is
 * ignored) to the date text (YYYY-MM-DD); a day past the end of the month
 * becomes its last day. Writes the result to out and returns its day
 * number, or -1 when either is not valid. */
long date_add(const char *date, const char *duration, char out[11]);
/* Writes duration in words for a message after "every": P1Y "year", P6M
 * "6 months", P2Y "2 years", P1Y6M "1 year and 6 months", P1DT12H "1 day
 * and 12 hours". A text that is not a valid duration is copied as written.
 * out is always terminated (truncated to outlen). */
void duration_words(const char *duration, char *out, size_t outlen);

#endif
