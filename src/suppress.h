/* SPDX-License-Identifier: EUPL-1.2 */
/* suppress.h - suppression comments in a record's body.
 *
 *   <!-- clerk-disable-next-line RULE[, RULE...] -->   the next line
 *   <!-- clerk-disable RULE... --> ... <!-- clerk-enable RULE... -->
 *   <!-- clerk-disable-file RULE... -->               the whole file, front matter included
 *
 * A reason may follow the names after " -- ". suppress_scan reads the
 * comments in the per-file stage (while the Markdown tree exists) into a
 * small list kept with the file's result; the run applies every file's list
 * as a filter after all rules ran, the whole-set rules included
 * (check_finish), so that any finding on a line can be silenced. Lookups
 * are binary searches, so many comments and many findings do not multiply. */
#ifndef CLERK_SUPPRESS_H
#define CLERK_SUPPRESS_H

#include <stddef.h>

#include "diag.h"

struct record;

enum suppress_kind { SUPPRESS_LINE, SUPPRESS_RANGE, SUPPRESS_FILE };

/* One rule silenced over lines [from, to] by the comment at line:col. */
struct suppress_entry {
	enum suppress_kind kind;
	enum rule_id rule;
	int from, to;
	int line, col;
	int used;
};

struct suppress_list {
	struct suppress_entry *items; /* sorted by kind, rule, from after suppress_scan */
	size_t n, cap;
};

/* Reads the clerk comments of rec's body into list (zero-initialised);
 * reports suppression-unknown for names that are no rule to diags. */
void suppress_scan(struct suppress_list *list, const struct record *rec, struct diag_list *diags);
/* Returns 1 when list (the comments of d's file) silences d, and marks
 * the entry that does as used; else 0. The suppression rules themselves
 * are never silenced. */
int suppress_silences(struct suppress_list *list, const struct diag *d);
/* Reports suppression-unused at path for each entry of list that silenced
 * nothing; call it after every finding was passed to suppress_silences. */
void suppress_report_unused(const struct suppress_list *list, struct diag_list *diags,
			    const char *path);
void suppress_free(struct suppress_list *list);

#endif
