/* SPDX-License-Identifier: EUPL-1.2 */
/* date.c - the proleptic Gregorian calendar and ISO 8601 durations. */
#include "date.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "i18n.h"

static int leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int date_days_in_month(int year, int month)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (month == 2 && leap(year))
		return 29;
	return days[month - 1];
}

/* Reads n digits at s; returns the number or -1 when one is not a digit. */
static int digits(const char *s, int n)
{
	int i, v = 0;

	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* Days since 0000-03-01 (a civil-from-days inverse; March-based years keep
 * the leap day at the end). */
static long floor_div(long a, long b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

static long day_number(int y, int m, int d)
{
	long yy = m <= 2 ? y - 1 : y;
	long mm = m <= 2 ? m + 9 : m - 3;

	return yy * 365 + floor_div(yy, 4) - floor_div(yy, 100) + floor_div(yy, 400) +
	       (153 * mm + 2) / 5 + d - 1;
}

int date_valid(int year, int month, int day)
{
	return month >= 1 && month <= 12 && day >= 1 && day <= date_days_in_month(year, month);
}

int date_weekday(int year, int month, int day)
{
	/* Day 0, 0000-03-01, was a Wednesday in the proleptic calendar. */
	long w = (day_number(year, month, day) + 2) % 7;

	return (int)(w < 0 ? w + 7 : w);
}

enum date_check date_parse(const char *text, size_t len, long *days)
{
	int y, m, d;

	if (len != 10 || text[4] != '-' || text[7] != '-')
		return DATE_FORM;
	y = digits(text, 4);
	m = digits(text + 5, 2);
	d = digits(text + 8, 2);
	if (y < 0 || m < 0 || d < 0)
		return DATE_FORM;
	if (m < 1 || m > 12 || d < 1 || d > date_days_in_month(y, m))
		return DATE_CALENDAR;
	if (days != NULL)
		*days = day_number(y, m, d);
	return DATE_OK;
}

void date_today(char out[11])
{
	time_t now = time(NULL);
	struct tm tm;

	if (localtime_r(&now, &tm) == NULL || strftime(out, 11, "%Y-%m-%d", &tm) != 10)
		snprintf(out, 11, "1970-01-01");
}

/* Reads "<digits><unit>" groups whose units appear in order in units;
 * returns the position after them and counts groups in *found, or -1. */
static long duration_part(const char *s, size_t len, size_t i, const char *units, int *found)
{
	const char *u = units;
	size_t start;

	while (i < len && isdigit((unsigned char)s[i])) {
		start = i;
		while (i < len && isdigit((unsigned char)s[i]))
			i++;
		if (i == len)
			return -1;
		while (*u != '\0' && *u != s[i])
			u++;
		if (*u == '\0' || i == start)
			return -1;
		u++;
		i++;
		(*found)++;
	}
	return (long)i;
}

int duration_valid(const char *text, size_t len)
{
	int found = 0, time_found = 0;
	long i;

	if (len < 2 || text[0] != 'P')
		return 0;
	i = duration_part(text, len, 1, "YMWD", &found);
	if (i < 0)
		return 0;
	if ((size_t)i < len && text[i] == 'T') {
		i = duration_part(text, len, (size_t)i + 1, "HMS", &time_found);
		if (i < 0 || time_found == 0)
			return 0;
	}
	return (size_t)i == len && found + time_found > 0;
}

void date_problem(const char *text, size_t len, char *out, size_t outlen)
{
	static const char *const months[] = {N_("January"), N_("February"), N_("March"),
					     N_("April"),   N_("May"),      N_("June"),
					     N_("July"),    N_("August"),   N_("September"),
					     N_("October"), N_("November"), N_("December")};
	int y, m, d;

	if (date_parse(text, len, NULL) != DATE_CALENDAR) {
		snprintf(out, outlen, "%s", _("it is not a date"));
		return;
	}
	y = digits(text, 4);
	m = digits(text + 5, 2);
	d = digits(text + 8, 2);
	if (m < 1 || m > 12)
		snprintf(out, outlen, _("there is no month %d"), m);
	else if (d < 1)
		snprintf(out, outlen, "%s", _("there is no day 0"));
	else
		/* TRANSLATORS: "April 2024 has only 30 days". */
		snprintf(out, outlen, _("%s %d has only %d days"), _(months[m - 1]), y,
			 date_days_in_month(y, m));
}

/* The inverse of day_number. */
static void civil(long n, int *y, int *m, int *d)
{
	long era = floor_div(n, 146097), doe = n - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;

	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* Reads the date part of a duration into years, months and days; 0 when
 * the duration is not valid. */
static int duration_parts(const char *s, long *years, long *months, long *days)
{
	size_t len = strlen(s), i = 1;
	long v;

	*years = *months = *days = 0;
	if (!duration_valid(s, len))
		return 0;
	while (i < len && s[i] != 'T') {
		for (v = 0; isdigit((unsigned char)s[i]) && v < 100000; i++)
			v = v * 10 + (s[i] - '0');
		while (isdigit((unsigned char)s[i]))
			i++;
		if (s[i] == 'Y')
			*years += v;
		else if (s[i] == 'M')
			*months += v;
		else if (s[i] == 'W')
			*days += 7 * v;
		else
			*days += v;
		i++;
	}
	return 1;
}

long date_add(const char *date, const char *duration, char out[11])
{
	long start, years, months, days, n;
	int y, m, d;

	if (date_parse(date, strlen(date), &start) != DATE_OK ||
	    !duration_parts(duration, &years, &months, &days))
		return -1;
	civil(start, &y, &m, &d);
	months += (long)(m - 1) + 12 * (years + y);
	y = (int)(months / 12);
	m = (int)(months % 12) + 1;
	if (y > 9999)
		return -1;
	if (d > date_days_in_month(y, m))
		d = date_days_in_month(y, m);
	n = day_number(y, m, d) + days;
	civil(n, &y, &m, &d);
	if (y < 0 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	snprintf(out, 11, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
	return n;
}

/* The units of a duration in words, singular and plural; a time part's M is minutes. */
static const struct {
	char letter;
	int time;
	const char *one, *many;
} duration_units[] = {
    {'Y', 0, N_("year"), N_("years")},     {'M', 0, N_("month"), N_("months")},
    {'W', 0, N_("week"), N_("weeks")},     {'D', 0, N_("day"), N_("days")},
    {'H', 1, N_("hour"), N_("hours")},     {'M', 1, N_("minute"), N_("minutes")},
    {'S', 1, N_("second"), N_("seconds")},
};

/* Returns the words of the unit letter c (in the time part or not), or -1. */
static int duration_unit(char c, int time)
{
	size_t k;

	for (k = 0; k < sizeof duration_units / sizeof *duration_units; k++)
		if (duration_units[k].letter == c && duration_units[k].time == time)
			return (int)k;
	return -1;
}

void duration_words(const char *duration, char *out, size_t outlen)
{
	const char *num[7];
	int nlen[7], unit[7], time = 0, n = 0, k;
	size_t len = strlen(duration), i = 1, start, used = 0;

	if (outlen == 0)
		return;
	snprintf(out, outlen, "%s", duration);
	if (!duration_valid(duration, len))
		return;
	while (i < len && n < 7) {
		if (duration[i] == 'T') {
			time = 1;
			i++;
			continue;
		}
		for (start = i; isdigit((unsigned char)duration[i]); i++)
			;
		while (i - start > 1 && duration[start] == '0')
			start++; /* P01Y is one year */
		unit[n] = duration_unit(duration[i], time);
		if (unit[n] < 0 || i - start > 12)
			return;
		num[n] = duration + start;
		nlen[n++] = (int)(i - start);
		i++;
	}
	/* "year" alone reads "every year"; in a list each part has its number */
	if (n == 1 && nlen[0] == 1 && num[0][0] == '1') {
		snprintf(out, outlen, "%s", _(duration_units[unit[0]].one));
		return;
	}
	out[0] = '\0';
	for (k = 0; k < n && used < outlen; k++)
		used += (size_t)snprintf(
		    out + used, outlen - used, "%s%.*s %s",
		    k == 0 ? "" : (k + 1 == n ? _(" and ") : ", "), nlen[k], num[k],
		    nlen[k] == 1 && num[k][0] == '1' ? _(duration_units[unit[k]].one)
						     : _(duration_units[unit[k]].many));
}
