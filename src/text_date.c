/* SPDX-License-Identifier: EUPL-1.2 */
/* text_date.c - the date recogniser: one pcre2 pattern built from word tables.
 *
 * The pattern is linear: every repetition is bounded or possessive, and the
 * word lists are plain alternations, so a line of any length is scanned in
 * time proportional to its length. */
#include "text_date.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "date.h"
#include "i18n.h"
#include "util.h"

struct word {
	const char *text;
	int value; /* month 1-12, or weekday 0 (Monday) to 6 */
	enum text_lang lang;
};

#define NL  TEXT_LANG_NL
#define EN  TEXT_LANG_EN
#define ANY TEXT_LANG_NONE

/* Month names; words spelt the same in both languages say neither. */
static const struct word months[] = {
    {"januari", 1, NL},    {"january", 1, EN},    {"jan", 1, ANY},   {"februari", 2, NL},
    {"february", 2, EN},   {"febr", 2, NL},       {"feb", 2, ANY},   {"maart", 3, NL},
    {"march", 3, EN},      {"mrt", 3, NL},        {"mar", 3, EN},    {"april", 4, ANY},
    {"apr", 4, ANY},       {"mei", 5, NL},        {"may", 5, EN},    {"juni", 6, NL},
    {"june", 6, EN},       {"jun", 6, ANY},       {"juli", 7, NL},   {"july", 7, EN},
    {"jul", 7, ANY},       {"augustus", 8, NL},   {"august", 8, EN}, {"aug", 8, ANY},
    {"september", 9, ANY}, {"sept", 9, ANY},      {"sep", 9, ANY},   {"oktober", 10, NL},
    {"october", 10, EN},   {"okt", 10, NL},       {"oct", 10, EN},   {"november", 11, ANY},
    {"nov", 11, ANY},      {"december", 12, ANY}, {"dec", 12, ANY},
};

static const struct word weekdays[] = {
    {"maandag", 0, NL},   {"dinsdag", 1, NL},  {"woensdag", 2, NL}, {"donderdag", 3, NL},
    {"vrijdag", 4, NL},   {"zaterdag", 5, NL}, {"zondag", 6, NL},   {"ma", 0, NL},
    {"di", 1, NL},        {"wo", 2, NL},       {"do", 3, NL},       {"vr", 4, NL},
    {"za", 5, NL},        {"zo", 6, NL},       {"monday", 0, EN},   {"tuesday", 1, EN},
    {"wednesday", 2, EN}, {"thursday", 3, EN}, {"friday", 4, EN},   {"saturday", 5, EN},
    {"sunday", 6, EN},    {"mon", 0, EN},      {"tues", 1, EN},     {"tue", 1, EN},
    {"wed", 2, EN},       {"thurs", 3, EN},    {"thur", 3, EN},     {"thu", 3, EN},
    {"fri", 4, EN},       {"sat", 5, EN},      {"sun", 6, EN},
};

static const char *const weekday_names[2][7] = {
    {"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"},
    {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"},
};

#define NMONTHS   (sizeof months / sizeof *months)
#define NWEEKDAYS (sizeof weekdays / sizeof *weekdays)

/* The capture groups, by name. */
enum group { G_WD, G_D, G_D2, G_M, G_Y, G_M2, G_D3, G_Y2, G_DN, G_MN, G_YN, G_YI, G_MI, G_DI, NG };

static const char *const group_names[NG] = {"wd", "d",  "d2", "m",  "y",  "m2", "d3",
					    "y2", "dn", "mn", "yn", "yi", "mi", "di"};

struct text_dates {
	pcre2_code *re;
	int group[NG];
};

/* Appends the words as an alternation, longest first so that "juni" is
 * preferred to "jun" (the \b after each list decides anyway). */
static void add_words(struct buf *b, const struct word *words, size_t n)
{
	size_t i, len, longest = 0;
	int first = 1;

	for (i = 0; i < n; i++)
		longest = strlen(words[i].text) > longest ? strlen(words[i].text) : longest;
	for (len = longest; len > 0; len--)
		for (i = 0; i < n; i++) {
			if (strlen(words[i].text) != len)
				continue;
			buf_puts(b, first ? "" : "|");
			buf_puts(b, words[i].text);
			first = 0;
		}
}

/* The pieces of the pattern; "@M" stands for the month names, "@W" for the weekdays. */
static const char *const pattern_parts[] = {
    /* not in the middle of a word, a number, a path or a URL */
    "(?i)(?<![\\p{L}\\p{N}/.:=#_+&?%@\\\\-])",
    "(?:(?<wd>@W)\\b\\.?,?\\s{1,3}+)?",
    "(?:",
    /* 16 januari 2017, 1 t/m 3 maart 2016, 26 januari, 16th of January */
    "(?<d>[0-3]?[0-9])(?:st|nd|rd|th)?",
    "(?:\\s{0,3}+(?:t/m|tot en met|tot|until|to|-|\xE2\x80\x93)\\s{0,3}+"
    "(?<d2>[0-3]?[0-9])(?:st|nd|rd|th)?)?",
    "\\s{1,3}+(?:of\\s{1,3}+)?(?<m>@M)\\b\\.?",
    "(?:,?\\s{1,3}+(?<y>[12][0-9]{3})(?![\\p{N}]))?",
    /* January 16, 2017 */
    "|(?<m2>@M)\\b\\.?\\s{1,3}+(?<d3>[0-3]?[0-9])(?:st|nd|rd|th)?,?\\s{1,3}+"
    "(?<y2>[12][0-9]{3})(?![\\p{N}])",
    /* 28-1-2015, 1/1/2014, 16.01.2017: day first, four-digit year; a month
     * up to 19 is read so that 14.13.2017 (month first) is reported too */
    "|(?<dn>[0-3]?[0-9])(?<sep>[-/.])(?<mn>0?[1-9]|1[0-9])\\k<sep>(?<yn>[12][0-9]{3})"
    "(?![\\p{N}]|[-/.][\\p{N}])",
    /* 2017-01-16 */
    "|(?<yi>[12][0-9]{3})-(?<mi>[01][0-9])-(?<di>[0-3][0-9])(?![\\p{N}]|-[\\p{N}])",
    ")",
};

static char *build_pattern(void)
{
	struct buf b = {0};
	const char *p;
	size_t i;

	for (i = 0; i < sizeof pattern_parts / sizeof *pattern_parts; i++)
		for (p = pattern_parts[i]; *p != '\0'; p++) {
			if (p[0] == '@' && (p[1] == 'M' || p[1] == 'W')) {
				if (p[1] == 'M')
					add_words(&b, months, NMONTHS);
				else
					add_words(&b, weekdays, NWEEKDAYS);
				p++;
			} else {
				buf_add(&b, p, 1);
			}
		}
	return buf_take(&b);
}

static struct text_dates shared;
static const struct text_dates *shared_ok;
static pthread_once_t shared_once = PTHREAD_ONCE_INIT;

static void compile_shared(void)
{
	char *src = build_pattern(), err[256];
	size_t offset = 0;
	int i;

	shared.re = pattern_compile(src, 0, err, sizeof err, &offset);
	free(src);
	if (shared.re == NULL)
		return;
	for (i = 0; i < NG; i++)
		shared.group[i] =
		    pcre2_substring_number_from_name(shared.re, (PCRE2_SPTR)group_names[i]);
	shared_ok = &shared;
}

const struct text_dates *text_dates_shared(void)
{
	pthread_once(&shared_once, compile_shared);
	return shared_ok;
}

pcre2_match_data *text_dates_match_data(const struct text_dates *td)
{
	return pcre2_match_data_create_from_pattern(td->re, NULL);
}

/* ------------------------------------------------------------ the parts */

struct found {
	const char *s;
	const PCRE2_SIZE *ov;
	const int *group;
};

/* True when group g took part in the match. */
static int has(const struct found *f, enum group g)
{
	return f->ov[2 * f->group[g]] != PCRE2_UNSET;
}

static size_t g_start(const struct found *f, enum group g)
{
	return f->ov[2 * f->group[g]];
}

static size_t g_end(const struct found *f, enum group g)
{
	return f->ov[2 * f->group[g] + 1];
}

static int number(const struct found *f, enum group g)
{
	size_t i;
	int v = 0;

	for (i = g_start(f, g); i < g_end(f, g); i++)
		v = v * 10 + (f->s[i] - '0');
	return v;
}

/* Looks the word of group g up in words; returns its index, or -1. */
static int lookup(const struct found *f, enum group g, const struct word *words, size_t n)
{
	size_t i, len = g_end(f, g) - g_start(f, g);

	for (i = 0; i < n; i++)
		if (strlen(words[i].text) == len &&
		    strncasecmp(words[i].text, f->s + g_start(f, g), len) == 0)
			return (int)i;
	return -1;
}

/* Fills the fields common to every form from the match. */
static void fill_common(const struct found *f, int default_year, struct text_date *d)
{
	int w = has(f, G_WD) ? lookup(f, G_WD, weekdays, NWEEKDAYS) : -1;

	d->start = f->ov[0];
	d->end = f->ov[1];
	d->weekday = w >= 0 ? weekdays[w].value : -1;
	d->weekday_len = w >= 0 ? g_end(f, G_WD) - g_start(f, G_WD) : 0;
	d->lang = w >= 0 ? weekdays[w].lang : TEXT_LANG_NONE;
	d->year = default_year;
	d->year_written = 0;
	d->written[0] = '\0';
}

/* Copies s[from..to) into d->written. */
static void written(const struct found *f, size_t from, size_t to, struct text_date *d)
{
	snprintf(d->written, sizeof d->written, "%.*s", (int)(to - from), f->s + from);
}

/* True when word (of len bytes) is a full month name: a dot after it ends
 * the sentence, not an abbreviation. */
static int full_month(const char *word, size_t len)
{
	static const char *const short_names[] = {"mei", "may", "juni", "june", "juli", "july"};
	size_t i;

	for (i = 0; i < sizeof short_names / sizeof *short_names; i++)
		if (len == 3 + (i >= 2) && strncasecmp(word, short_names[i], len) == 0)
			return 1;
	return len > 4;
}

/* 16 januari 2017; for a range "1 t/m 3 maart 2016" both days, each
 * written out in full. Returns how many dates it stored. */
static int day_first(const struct found *f, int default_year, struct text_date out[2])
{
	int m = lookup(f, G_M, months, NMONTHS);
	size_t mstart = g_start(f, G_M), ylen;
	const char *after;

	fill_common(f, default_year, &out[0]);
	if (!has(f, G_Y) && f->s[f->ov[1] - 1] == '.' &&
	    full_month(f->s + mstart, g_end(f, G_M) - mstart))
		out[0].end--;
	out[0].month = months[m].value;
	out[0].day = number(f, G_D);
	if (out[0].lang == TEXT_LANG_NONE)
		out[0].lang = months[m].lang;
	if (has(f, G_Y)) {
		out[0].year = number(f, G_Y);
		out[0].year_written = 1;
	}
	if (!has(f, G_D2)) {
		written(f, g_start(f, G_D), out[0].end, &out[0]);
		return 1;
	}
	out[1] = out[0];
	out[1].weekday = -1;
	out[1].weekday_len = 0;
	out[1].day = number(f, G_D2);
	out[1].start = g_start(f, G_D2);
	out[0].end = g_end(f, G_D);
	written(f, out[1].start, out[1].end, &out[1]);
	after = f->s + mstart;
	ylen = out[1].end - mstart;
	snprintf(out[0].written, sizeof out[0].written, "%.*s %.*s",
		 (int)(g_end(f, G_D) - g_start(f, G_D)), f->s + g_start(f, G_D), (int)ylen, after);
	return 2;
}

/* January 16, 2017 */
static int month_first(const struct found *f, struct text_date *d)
{
	int m = lookup(f, G_M2, months, NMONTHS);

	fill_common(f, -1, d);
	d->month = months[m].value;
	d->day = number(f, G_D3);
	d->year = number(f, G_Y2);
	d->year_written = 1;
	if (d->lang == TEXT_LANG_NONE)
		d->lang = months[m].lang;
	written(f, g_start(f, G_M2), f->ov[1], d);
	return 1;
}

/* 28-1-2015 and 2017-01-16 */
static int numeric(const struct found *f, enum group dg, enum group mg, enum group yg,
		   struct text_date *d)
{
	fill_common(f, -1, d);
	d->day = number(f, dg);
	d->month = number(f, mg);
	d->year = number(f, yg);
	d->year_written = 1;
	written(f, g_start(f, dg) < g_start(f, yg) ? g_start(f, dg) : g_start(f, yg), f->ov[1], d);
	return 1;
}

int text_dates_next(const struct text_dates *td, pcre2_match_data *md, const char *s, size_t len,
		    size_t *pos, int default_year, struct text_date out[2])
{
	struct found f;
	int rc;

	if (*pos >= len)
		return 0;
	rc = pcre2_match(td->re, (PCRE2_SPTR)s, len, *pos, 0, md, NULL);
	if (rc < 0)
		return 0; /* no match, or a resource limit: no more dates */
	f.s = s;
	f.ov = pcre2_get_ovector_pointer(md);
	f.group = td->group;
	*pos = f.ov[1] > f.ov[0] ? f.ov[1] : f.ov[0] + 1;
	if (has(&f, G_D))
		return day_first(&f, default_year, out);
	if (has(&f, G_M2))
		return month_first(&f, out);
	if (has(&f, G_DN))
		return numeric(&f, G_DN, G_MN, G_YN, out);
	return numeric(&f, G_DI, G_MI, G_YI, out);
}

/* ------------------------------------------------------------- judging */

enum text_date_verdict text_date_judge(const struct text_date *d, char *why, size_t whylen,
				       int *real_weekday)
{
	/* Without a year, 29 February may be right: judge in a leap year. */
	int year = d->year >= 0 ? d->year : 2000;
	char iso[32];

	if (!date_valid(year, d->month, d->day)) {
		snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, d->month, d->day);
		date_problem(iso, strlen(iso), why, whylen);
		if (d->year < 0 && d->month >= 1 && d->month <= 12 && d->day > 0)
			snprintf(why, whylen, _("that month has only %d days"),
				 date_days_in_month(year, d->month));
		return TEXT_DATE_INVALID;
	}
	if (d->weekday < 0 || d->year < 0)
		return TEXT_DATE_OK;
	*real_weekday = date_weekday(d->year, d->month, d->day);
	return *real_weekday == d->weekday ? TEXT_DATE_OK : TEXT_DATE_WEEKDAY;
}

const char *text_date_weekday_name(int weekday, enum text_lang lang)
{
	return weekday_names[lang == TEXT_LANG_NL ? 0 : 1][weekday];
}
