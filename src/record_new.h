/* SPDX-License-Identifier: EUPL-1.2 */
/* record_new.h - `clerk new`: a new record from its schema, with the next free id.
 *
 * The record gets every required field (the id, the date, the title when
 * given, the draft status, the values given with --set, an empty
 * placeholder that `clerk check` reports for the rest) and every required
 * section as an empty heading. Its id is the next by the schema's id
 * template, past every id in the working tree and in every branch of the
 * Git repository; the file is created without ever replacing one, so two
 * runs at once never hand out one id twice. */
#ifndef CLERK_RECORD_NEW_H
#define CLERK_RECORD_NEW_H

#include <stddef.h>

#include "project.h"

struct new_request {
	const char *type;
	const char *title; /* NULL: a placeholder */
	const char *date;  /* YYYY-MM-DD; NULL: today */
	const char *id;    /* NULL: the next by the template */
	char *const *sets; /* "FIELD=VALUE" */
	size_t nsets;
	const char *root; /* the folder the path template starts from */
	/* When set, the record's whole text (malloc'd), made once its id is
	 * chosen (clerk import); the fields, title and sections above are then
	 * not written. */
	char *(*render)(void *arg, const char *id);
	void *render_arg;
	int dry_run; /* choose the id and the path, but write nothing */
};

/* What record_new returns. */
enum new_status {
	NEW_OK = 0,
	NEW_REFUSED = 1, /* the request cannot be met: an id taken, a wrong field */
	NEW_FAILED = 2,  /* the schema, Git or the file system failed */
};

/* Creates the record. On NEW_OK, *path is its malloc'd path (caller
 * frees); otherwise msg says why in plain words and nothing was written. */
enum new_status record_new(const struct project *p, const struct new_request *rq, char **path,
			   char *msg, size_t msglen);

/* Appends "name: value\n" to b, the value in single quotes when YAML
 * would read it otherwise; no value: "name:\n". */
struct buf;
void record_field_line(struct buf *b, const char *name, const char *value);
/* Appends "  - value\n", quoted the same way. */
void record_list_item(struct buf *b, const char *value);

/* Adds to ids the id and the file name (without .md) of every record in
 * the working tree under root, and (id_field) every id in the other Git
 * branches. Returns 0, or -1 with msg when Git failed. */
struct strlist;
int record_ids_in_use(const struct project *p, const char *root, const char *id_field,
		      struct strlist *ids, char *msg, size_t msglen);

#endif
