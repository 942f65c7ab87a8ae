/* SPDX-License-Identifier: EUPL-1.2 */
/* export.h - the record set as a SQLite database (`clerk export`).
 *
 * Tables (documented in docs/register.md): records, fields, "references",
 * links, series and findings, and export (the as-of date). */
#ifndef CLERK_EXPORT_H
#define CLERK_EXPORT_H

#include <stddef.h>

#include "check.h"
#include "set_index.h"

/* Writes the database of run's records (indexed in ix) and findings into
 * the new, empty file at path. Returns 0, or -1 with what went wrong in
 * plain words in why (why_len bytes). */
int export_sqlite(const char *path, const struct check_run *run, const struct set_index *ix,
		  char *why, size_t why_len);

#endif
