/* SPDX-License-Identifier: EUPL-1.2 */
/* set.h - what the whole-set stage knows of each record, and the stage itself.
 *
 * The per-file stage keeps a summary of each record (chosen by the schema:
 * id, dates, status, life span, reporting interval, series number, every
 * ref value and every local link, each with its line and column); the
 * whole-set stage indexes the summaries by id and checks references,
 * links, reporting and series. Time and memory are linear in records and
 * references. */
#ifndef CLERK_SET_H
#define CLERK_SET_H

#include <stddef.h>

#include "diag.h"
#include "schema.h"

struct record;

/* One value of a ref field. */
struct summary_ref {
	const struct field_spec *spec; /* the field, owned by the schema */
	int supersedes;                /* the field is the lifecycle's supersedes field */
	char *value;
	int line, col;
};

/* One link in the body to a local file. */
struct summary_link {
	char *dest;   /* as written */
	char *target; /* the file it names: the record's absolute folder +
		       * dest without its #fragment, "." and ".." resolved by
		       * their text; matched to a record by the whole-set stage */
	int line, col;
};

/* What the lifecycle statuses make of a record. */
enum life { LIFE_OTHER, LIFE_IN_FORCE, LIFE_ENDED, LIFE_SUPERSEDED, LIFE_DRAFT };

/* A date field: its text, day number (-1 when absent or not a date) and place. */
struct summary_date {
	char text[11];
	long days;
	int line, col;
};

struct summary {
	char *path;                  /* as reached */
	char *real;                  /* its absolute path as discovery built it
				      * (a symbolic link: its real path), NULL
				      * when unknown */
	const struct schema *schema; /* NULL when the record has no known type */
	char *id;                    /* NULL when none */
	char *title;                 /* its field 'title', or NULL */
	int id_line, id_col;
	int id_bad;         /* the id breaks its type's pattern (id-pattern said so) */
	int unreadable;     /* no usable front matter or no known type */
	int id_from_name;   /* ... and its id comes from the file name */
	int series_unknown; /* of a type with series, but no series or number */
	struct summary_date date;
	char *status;
	int status_line, status_col;
	enum life life;
	struct summary_date start; /* the lifecycle's start field */
	struct summary_date end;   /* the end field, or start + term */
	char *interval;            /* the reporting interval, such as P6M */
	int interval_line, interval_col;
	char *series;
	long number;
	int has_number, number_line, number_col;
	struct summary_date next_report;
	struct summary_ref *refs;
	size_t nrefs;
	struct summary_link *links;
	size_t nlinks;
	/* per rule: the highest severity its findings in this record keep
	 * (the schema's severity-if); NULL when no severity-if holds */
	enum severity *severity_cap;
};

/* Makes the summary of a loaded record under schema (NULL when it has
 * none); abs is the file's absolute path (NULL when unknown: the record's
 * links are then not followed). Returns a malloc'd summary; free with
 * summary_free. */
struct summary *summary_make(const struct record *rec, const char *abs,
			     const struct schema *schema);
/* For a record whose front matter could not be read: the id its file name
 * gives under the schema's file-name template ("{id}.md"), trying the
 * mapped type when given, else every type whose id pattern then matches
 * (when exactly one does). Returns a summary, or NULL when none applies. */
struct summary *summary_from_name(const char *path, const char *abs, const struct schema_set *set,
				  const char *mapped);
void summary_free(struct summary *s);

/* Runs every whole-set rule over the n summaries (in path order) and
 * reports to diags. as_of is YYYY-MM-DD. */
void set_check(struct summary *const *records, size_t n, const char *as_of,
	       struct diag_list *diags);

#endif
