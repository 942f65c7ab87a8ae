/* SPDX-License-Identifier: EUPL-1.2 */
/* register.h - the register of a record set: one row per record, sorted by
 * type then id, for `clerk list`, `clerk graph` and `clerk index`.
 *
 * Built over the whole-set index of a finished check run (set_index.h), so
 * references and backlinks are those `clerk check` and `clerk show` see.
 * Records whose type or front matter cannot be read are not rows: they are
 * kept apart in skipped[], for the caller to name. */
#ifndef CLERK_REGISTER_H
#define CLERK_REGISTER_H

#include <stdio.h>

#include "check.h"
#include "set_index.h"

/* Which records to keep: of one of types[] (none given: any type) and with
 * one of statuses[] (none given: any status). */
struct reg_filter {
	const char *const *types;
	size_t ntypes;
	const char *const *statuses;
	size_t nstatuses;
};

struct reg {
	struct set_index ix; /* over the run's records */
	size_t *rows;        /* record numbers in ix, sorted by type, id, path */
	size_t n;
	size_t *skipped; /* records that cannot be read, in path order */
	size_t nskipped;
};

/* True when status is a status of one of the types (none given: any type
 * of set); a type whose status is not a list of values accepts any.
 * Otherwise returns 0 and sets *advice (malloc'd, caller frees) to what
 * to write instead: the values its synonyms stand for ("'adopted'
 * (decision) or 'final' (progress report)"), else every status there is. */
int reg_status_known(const struct schema_set *set, const char *const *types, size_t ntypes,
		     const char *status, char **advice, int *meant);

/* Builds the register of run's records (run must outlive it); filter may
 * be NULL. Free with reg_free. */
void reg_build(struct reg *r, const struct check_run *run, const struct reg_filter *filter);
void reg_free(struct reg *r);

/* The formats of `clerk list`. */
void reg_write_table(FILE *f, const struct reg *r);
void reg_write_csv(FILE *f, const struct reg *r);
void reg_write_json(FILE *f, const struct reg *r);

/* The first line of a register written by `clerk index`; `clerk check`
 * leaves a file that starts with it alone. */
#define REG_MARK                                                                                   \
	"<!-- clerk register: written by 'clerk index'; edit the records, not this file -->"
/* True when text (len bytes) starts with REG_MARK and a line break. */
int reg_is_register(const char *text, size_t len);

/* Returns the Markdown register of r (malloc'd): per type a table with id
 * (linked relative to the folder dir, an absolute real path), date, status,
 * title, and for types that are reported on the date of the last report.
 * Its words are in lang (the set's language: "nl", "en", or "" for
 * English), whatever the language of the messages. */
char *reg_markdown(const struct reg *r, const char *dir, const char *lang);

#endif
