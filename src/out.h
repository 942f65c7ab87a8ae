/* out.h - output writers: each turns the sorted diagnostics of a run into one format.
 *
 * Writers are rows in a table; adding a format is adding a row and a
 * function. None reads another's output. */
#ifndef CLERK_OUT_H
#define CLERK_OUT_H

#include <stdio.h>

#include "check.h"

struct out_options {
	int quiet; /* leave out the summary line */
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

/* Writes the summary line, such as "3 errors, 1 warning in 12 records". */
void out_summary(FILE *f, const struct check_run *run);

#endif
