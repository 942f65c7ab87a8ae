/* SPDX-License-Identifier: EUPL-1.2 */
/* check.h - the pipeline of `clerk check`.
 *
 * discover() lists the files -> check_file() on each: load, parse, the
 * per-record rules and a summary, returned as a file result that shares
 * nothing -> the run merges the results -> set_check() over the summaries
 * -> the configuration's severities filter the findings -> sort. */
#ifndef CLERK_CHECK_H
#define CLERK_CHECK_H

#include <stddef.h>

#include "diag.h"
#include "project.h"
#include "set.h"
#include "suppress.h"

/* A file to check: its path (project_path), its path as the
 * configuration's globs see it, its absolute path (built from the set's
 * real folder and the names below it, without asking the file system per
 * file; a symbolic link's real path; NULL when unknown), whether it was
 * named on the command line, and whether it is to be reported on (named,
 * or in a folder named). */
struct source {
	char *path;
	char *relpath;
	char *abs;
	int named;
	int chosen;
};

/* Something that is not about a document: an unreadable path or an I/O
 * error (fatal: exit code 2), or a named file the configuration excludes. */
struct problem {
	char *path;
	char *message;
	int fatal;
};

struct source_list {
	struct source *items;
	size_t n, cap;
};

struct problem_list {
	struct problem *items;
	size_t n, cap;
};

/* Lists every file of the set (the .md files below the set's folder, minus
 * what the configuration excludes, and the files named), sorted by path,
 * each once; those the paths (none: the current folder) choose are marked
 * chosen. Paths that cannot be read, and named files that are excluded, go
 * to problems. Free both with source_list_free and problem_list_free. */
void discover(const struct project *p, char *const *paths, size_t npaths, struct source_list *out,
	      struct problem_list *problems);
void source_list_free(struct source_list *list);
void problem_list_free(struct problem_list *list);

/* What the per-file stage returns for one file. */
struct file_result {
	struct diag_list diags;            /* every finding, before severities apply */
	struct suppress_list suppressions; /* its clerk comments, applied by check_finish */
	char *path;                        /* the file's path, when it has suppressions */
	struct summary *summary;           /* NULL when the file is not a record */
	char *error;                       /* why the file could not be read, or NULL */
	int gone;                          /* removed since its folder was read: no record */
};

/* The per-file stage: reads src and checks it on its own. Writes nothing
 * shared. Returns a result to free with file_result_free. */
struct file_result *check_file(const struct project *p, const struct source *src);
/* The same on text already read (len bytes); for tests and the fuzzer. */
struct file_result *check_text(const struct project *p, const struct source *src, const char *text,
			       size_t len);
/* The result for a file too large to read (why: "the file is 20 MB, more
 * than the limit of 16 MB"): file-too-large, and a summary that counts it. */
struct file_result *check_unread(const struct project *p, const struct source *src,
				 const char *why);
void file_result_free(struct file_result *r);

/* The clerk comments of one file, kept by the run until check_finish. */
struct file_suppressions {
	char *path;
	struct suppress_list list;
};

/* A file's text as checked, when the file on disk may differ (--staged). */
struct held_text {
	char *path;
	char *text;
	size_t len;
};

/* The most threads the per-file stage runs on. */
#define CHECK_MAX_JOBS 256

struct check_run {
	const struct project *project;
	char as_of[11];
	int jobs;                 /* threads for the per-file stage (check_init: the online CPUs) */
	int no_cache;             /* neither read nor write the cache of per-file results */
	size_t cached;            /* files whose result came from the cache */
	struct diag_list diags;   /* every finding shown, sorted after check_finish */
	struct summary **records; /* one per record, in path order */
	size_t nrecords, cap;
	struct problem_list problems;
	size_t excluded;   /* named files the configuration excludes */
	int system_errors; /* fatal problems */
	char **only;       /* when set, report only findings in these files */
	size_t nonly;
	size_t hidden;                      /* findings in other files of the set, not shown */
	double load_ms, set_ms;             /* time spent per file and in the whole-set stage */
	struct file_suppressions *suppress; /* by path, of files that have clerk comments */
	size_t nsuppress, suppress_cap;
	struct held_text *texts; /* --staged: the texts of the files reported on */
	size_t ntexts, ntexts_cap;
};

/* Gives the run the text of the file path (len bytes, copied), to check
 * instead of what is on disk (an editor's unsaved text, stdin): before
 * check_paths. path may be written any way (relative, absolute); it is kept
 * as the walk of the set names the file, so that check_held finds it by a
 * finding's path. A held file that does not exist yet (its folder must) is
 * checked when check_paths names it. The writers show its lines. */
void check_hold_text(struct check_run *run, const char *path, const char *text, size_t len);
/* Returns the text held for path (as the walk of the set names it), or NULL. */
const struct held_text *check_held(const struct check_run *run, const char *path);

/* Returns the number of online processors (1 when unknown), at most
 * CHECK_MAX_JOBS: the default number of threads. */
int check_default_jobs(void);
/* Prepares a run; p must outlive it. as_of is YYYY-MM-DD. */
void check_init(struct check_run *run, const struct project *p, const char *as_of);
/* Discovers and checks the paths, then runs check_finish. */
void check_paths(struct check_run *run, char *const *paths, size_t npaths);
/* Takes over a file result (and frees it). */
void check_add(struct check_run *run, struct file_result *r);
/* Runs the whole-set rules, applies the files' suppression comments, the
 * severities and the baseline, sorts, and keeps only the files asked for
 * (and the findings on records they cite that leave a citation unchecked;
 * the rest counts in hidden). */
void check_finish(struct check_run *run);
/* True when the run reports on the file at path: it was chosen by the
 * paths given (or the run reports on every file). */
int check_chosen(const struct check_run *run, const char *path);
void check_free(struct check_run *run);

#endif
