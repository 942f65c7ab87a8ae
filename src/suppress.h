/* suppress.h - suppression comments in a record's body.
 *
 *   <!-- clerk-disable-next-line RULE[, RULE...] -->   the next line
 *   <!-- clerk-disable RULE... --> ... <!-- clerk-enable RULE... -->
 *   <!-- clerk-disable-file RULE... -->               the whole file, front matter included
 *
 * A reason may follow the names after " -- ". suppress_scan reads the
 * comments in the per-file stage (while the Markdown tree exists) into a
 * small list kept with the file's result; suppress_apply is a filter over
 * the file's diagnostics after all rules ran. Lookups are binary searches,
 * so many comments and many findings do not multiply. */
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
/* Drops the diagnostics of diags (all of one file) that list silences,
 * then reports suppression-unused for each entry that silenced nothing. */
void suppress_apply(struct suppress_list *list, struct diag_list *diags, const char *path);
void suppress_free(struct suppress_list *list);

#endif
