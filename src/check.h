/* check.h - the pipeline of `clerk check`.
 *
 * discover files -> per file: load, parse, per-record rules, keep a small
 * summary, free the syntax tree -> (rules over the whole set) -> sort.
 * The per-file stage reads nothing but its own file. */
#ifndef CLERK_CHECK_H
#define CLERK_CHECK_H

#include <stddef.h>

#include "config.h"
#include "diag.h"
#include "schema.h"

/* What the whole-set rules need to know of a record once its tree is gone.
 * The strings are owned by the run and freed by check_free. */
struct summary {
	char *path;
	char *type;
	char *id;
	int id_line;
	char date[11];
	char status[32];
};

/* Reports a problem that is not about a document (an unreadable path);
 * the run goes on. */
typedef void (*check_error_fn)(void *data, const char *path, const char *message);

struct check_run {
	const struct config *cfg;
	const struct schema_set *schemas;
	check_error_fn on_error;
	void *error_data;
	struct diag_list diags;  /* every finding, sorted after check_finish */
	struct summary *records; /* one per record checked */
	size_t nrecords, cap;
	int system_errors; /* paths that could not be read */
};

/* Prepares a run; cfg and schemas must outlive it. */
void check_init(struct check_run *run, const struct config *cfg, const struct schema_set *schemas);
/* Checks a file or every *.md below a folder. Unreadable paths go to
 * on_error and count in system_errors. */
void check_path(struct check_run *run, const char *path);
/* Checks one file's text as if read from path; relpath is the path the
 * configuration's globs see. Used by check_path and by tests. */
void check_text(struct check_run *run, const char *path, const char *relpath, const char *text,
		size_t len);
/* Runs the whole-set rules and sorts the diagnostics. */
void check_finish(struct check_run *run);
void check_free(struct check_run *run);

#endif
