/* SPDX-License-Identifier: EUPL-1.2 */
/* load_again.h - reading a record a second time, after the check, for the
 * commands that need more of it than its summary holds (its every field,
 * its body): clerk export and clerk publish. One record at a time, so
 * memory stays flat in the number of records. */
#ifndef CLERK_LOAD_AGAIN_H
#define CLERK_LOAD_AGAIN_H

#include "project.h"
#include "record.h"

/* A record read again with the text its body points into. */
struct loaded {
	struct record *rec; /* NULL when the file could not be read */
	char *text;
};

/* Reads and loads the record at path (as the check reached it) with the
 * set's file size limit. Returns 0, or -1 when it cannot be read now
 * (l->rec NULL). Free with loaded_free either way. */
int load_again(const struct project *p, const char *path, struct loaded *l);
void loaded_free(struct loaded *l);

/* Returns the text of a scalar node as a malloc'd string, or NULL when node
 * is not a scalar. */
char *load_scalar(const struct ynode *node);

#endif
