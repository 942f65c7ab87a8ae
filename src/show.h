/* SPDX-License-Identifier: EUPL-1.2 */
/* show.h - `clerk show ID`: one record with its references and backlinks. */
#ifndef CLERK_SHOW_H
#define CLERK_SHOW_H

#include <stdio.h>

#include "check.h"

/* Writes the record with id (from a finished run) to f: its fields, its
 * references with each target's title and path (or "not found"), and its
 * backlinks by field. Returns 0, or -1 when no record has the id. */
int show_record(FILE *f, const struct check_run *run, const char *id);

#endif
