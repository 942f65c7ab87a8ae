/* SPDX-License-Identifier: EUPL-1.2 */
/* renumber.h - `clerk renumber OLD NEW`: a record's new id, everywhere at once.
 *
 * Changes the id in the record, renames its file by the file-name template,
 * and rewrites every reference to it (ref fields, list items) and every
 * relative link to its file in the other records. The text is edited only
 * where the id stands (found by the YAML reader's line and column), so
 * formatting and comments stay. All or nothing: every changed file is
 * written to a temporary beside it first; only when all are written are
 * they put in place. Files that do not change are never touched. */
#ifndef CLERK_RENUMBER_H
#define CLERK_RENUMBER_H

#include <stddef.h>

#include "project.h"

/* Renumbers the record with id old_id under root; old_id may also be the
 * path of a record's file (it holds a '/' or ends in .md), which is how
 * one of two records with the same id is chosen: then only that record
 * and the links to its file change, and the references to the id keep
 * naming the other record. Returns 0 (*changed:
 * how many files were written), 1 when refused (msg says why: no such
 * record, new_id taken or of the wrong form) or 2 when a file could not be
 * written (msg says which; every file is as it was). */
int renumber(const struct project *p, const char *root, const char *old_id, const char *new_id,
	     size_t *changed, char *msg, size_t msglen);

#endif
