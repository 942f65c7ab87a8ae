/* SPDX-License-Identifier: EUPL-1.2 */
/* due.h - what is due: the next report of each agreement, the next report
 * of each report series, and the end of each record in force, measured
 * against an as-of date (`clerk due`, the due page of `clerk publish`).
 *
 * The dates come from the whole-set reporting rules (set_reporting.c), so
 * `clerk due` lists before the deadline what `clerk check` reports after
 * it. */
#ifndef CLERK_DUE_H
#define CLERK_DUE_H

#include <stdio.h>

#include "set_index.h"

enum due_kind {
	DUE_REPORT, /* the next report on an agreement (its reporting interval) */
	DUE_SERIES, /* the next report of a series (its newest report's next-report) */
	DUE_END     /* a record in force ends (its end field, or start + term) */
};

struct due_item {
	enum due_kind kind;
	char date[11];
	long days;
	int overdue;   /* the date lies before the as-of date */
	size_t record; /* the record in the index: the agreement, the newest report of
			* the series, or the record that ends */
};

struct due_list {
	struct due_item *items; /* overdue first, then by date, kind and id */
	size_t n;
	char as_of[11];
	const struct set_index *ix;
};

/* Lists what is due up to and including the day number limit (as_of is
 * YYYY-MM-DD; everything overdue is listed whatever the limit), over ix,
 * which must outlive the list. Drafts are never listed. Free with
 * due_free. */
void due_build(struct due_list *d, const struct set_index *ix, const char *as_of, long limit);
void due_free(struct due_list *d);

/* What item is, in words of the current language ("next report", "ends"). */
const char *due_what(const struct due_item *item);
/* Its state in words: "overdue" or "due". */
const char *due_state(const struct due_item *item);
/* A UID that stays the same for the same obligation on every run, so a
 * calendar that imports the file again updates instead of duplicating
 * (malloc'd). */
char *due_uid(const struct due_list *d, const struct due_item *item);

/* The formats of `clerk due`. */
void due_write_table(FILE *f, const struct due_list *d);
void due_write_csv(FILE *f, const struct due_list *d);
void due_write_json(FILE *f, const struct due_list *d);
/* An iCalendar file (RFC 5545): one all-day VEVENT per item, lines ending
 * in CRLF and folded at 75 octets, texts escaped; DTSTAMP is the as-of
 * date, so the same records and date give the same bytes. */
void due_write_ics(FILE *f, const struct due_list *d);

#endif
