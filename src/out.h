/* SPDX-License-Identifier: EUPL-1.2 */
/* out.h - output writers: each turns the sorted diagnostics of a run into one format.
 *
 * Writers are rows in a table (src/out.c); adding a format is adding a row
 * and a function in its own src/out_NAME.c. All consume the same struct diag
 * records; none recomputes a finding or reads another's output. */
#ifndef CLERK_OUT_H
#define CLERK_OUT_H

#include <stdio.h>

#include "check.h"

struct out_options {
	int quiet; /* leave out the summary line */
	int color; /* pretty: colour with ANSI escapes */
};

struct writer {
	const char *name;
	const char *summary;
	void (*write)(FILE *f, const struct check_run *run, const struct out_options *opt);
};

/* Returns the writer named name, or NULL. */
const struct writer *out_find(const char *name);
/* The table of writers, ending with a row whose name is NULL. */
extern const struct writer out_writers[];
/* Returns the names of every format, "text, pretty, ... or gitlab" (malloc'd). */
char *out_format_names(void);

/* The writers, one per src/out_NAME.c. */
void out_write_text(FILE *f, const struct check_run *run, const struct out_options *opt);
void out_write_pretty(FILE *f, const struct check_run *run, const struct out_options *opt);
void out_write_json(FILE *f, const struct check_run *run, const struct out_options *opt);
void out_write_sarif(FILE *f, const struct check_run *run, const struct out_options *opt);
void out_write_junit(FILE *f, const struct check_run *run, const struct out_options *opt);
void out_write_github(FILE *f, const struct check_run *run, const struct out_options *opt);
void out_write_gitlab(FILE *f, const struct check_run *run, const struct out_options *opt);

#endif
