/* SPDX-License-Identifier: EUPL-1.2 */
/* set_index.h - the index of the whole-set stage: records by id, by file
 * and by series, and the reference graph in both directions.
 *
 * Built in time and memory linear in records and references; shared by
 * the set_ rule files. */
#ifndef CLERK_SET_INDEX_H
#define CLERK_SET_INDEX_H

#include <stddef.h>

#include "set.h"
#include "util.h"

#define SET_NONE   ((size_t)-1)
#define SET_BROKEN ((size_t)-2) /* a link to a file that does not exist */

/* A map from strings to the records holding them: the first record with a
 * key, and the next record with the same key, in record order. */
struct smap {
	size_t *slot; /* record index + 1, 0 when empty */
	size_t mask;
	size_t *next; /* per record: the next with the same key, or SET_NONE */
	const char **keys;
};

/* One edge into a record: record from, its ref (or, when link is set, its
 * link) number k. */
struct set_edge {
	size_t from, k;
	int link;
};

struct set_index {
	struct summary *const *recs;
	size_t n;
	struct smap by_id, by_file;
	size_t *ref_base;   /* per record: where its refs start in ref_target */
	size_t *ref_target; /* per ref: the record it names (allowed type first), or SET_NONE */
	size_t *link_base;
	size_t *link_target; /* per link: the record it names, or SET_NONE */
	size_t *in_start;    /* per record: its incoming edges in[in_start[i]..in_start[i+1]) */
	struct set_edge *in;
	const struct schema **unreadable; /* types of unreadable records */
	size_t nunreadable;
	const struct schema **no_series; /* types of records with no place in a series */
	size_t nno_series;
	const struct schema **bad_id; /* types of records whose id breaks its pattern */
	size_t nbad_id;
};

/* Builds the map of keys[i] (NULL keys are left out). Free with smap_free. */
void smap_build(struct smap *m, const char **keys, size_t n);
/* Returns the first record whose key is key, or SET_NONE. */
size_t smap_find(const struct smap *m, const char *key);
void smap_free(struct smap *m);

/* Builds the index over n summaries; link targets are resolved to real
 * files here. Free with set_index_free. */
void set_index_build(struct set_index *ix, struct summary *const *recs, size_t n);
void set_index_free(struct set_index *ix);
/* True when schema t is one of the targets field f allows. */
int set_allows(const struct field_spec *f, const struct schema *t);

/* True when some record of type t could not be read (its type comes from
 * its file name): rules
 * that count records of t (series-gap, agreement-unreported...) then stay
 * silent rather than blame the records that could be read. */
int set_unreadable(const struct set_index *ix, const struct schema *t);
/* True when some record of type t has no series name (or cannot be read). */
int set_series_unknown(const struct set_index *ix, const struct schema *t);

/* The rule families, in set_refs.c and set_reporting.c. */
/* How many other records a finding about records that share a value
 * (id-duplicate, series-duplicate) names; the rest are counted, so that a
 * thousand copies of one id make a thousand short messages, not a
 * thousand messages of a thousand names each. */
#define SET_NAMED_OTHERS 3

/* Appends to b the paths of the first SET_NAMED_OTHERS records of
 * group[0..n) other than group[self], then "and N more" for the rest. */
void set_name_others(struct buf *b, const struct set_index *ix, const size_t *group, size_t n,
		     size_t self);

void set_check_ids(const struct set_index *ix, struct diag_list *diags);
void set_check_refs(const struct set_index *ix, struct diag_list *diags);
void set_check_links(const struct set_index *ix, struct diag_list *diags);
void set_check_reporting(const struct set_index *ix, long as_of, struct diag_list *diags);
/* ref-status: reports when t, the record that ref r of s names, has a
 * status r's field does not allow (target-status). */
void set_check_ref_status(const struct summary *s, const struct summary_ref *r,
			  const struct summary *t, struct diag_list *diags);
void set_check_series(const struct set_index *ix, long as_of, struct diag_list *diags);

/* The date the next report on agreement ai is due: its newest report's
 * date (else its own) plus its reporting interval, written into due.
 * Returns its day number, or -1 when none is due (not in force, no
 * interval, the end comes first, a possible report unreadable). *newest
 * gets the newest report, or SET_NONE. Shared by agreement-unreported,
 * agreement-overdue and `clerk due`. */
long set_agreement_due(const struct set_index *ix, size_t ai, char due[11], size_t *newest);

/* Called once per report series with its members m[0..n) sorted by number;
 * incomplete when a report that may belong to it cannot be placed. */
typedef void (*set_series_fn)(const struct set_index *ix, const size_t *m, size_t n, int incomplete,
			      void *ctx);
/* Calls fn for each series of the set, in the order of its first record. */
void set_each_series(const struct set_index *ix, set_series_fn fn, void *ctx);

/* Returns the newest dated report (not a draft) that cites agreement ai as
 * its type's reporting says, or SET_NONE; for `clerk index`. */
size_t set_newest_report(const struct set_index *ix, size_t ai);

#endif
