/* SPDX-License-Identifier: EUPL-1.2 */
/* idgen.h - the next id by a schema's id template, such as 'COV-{year}-{seq:3}'.
 *
 * Pure functions over a list of ids already in use (gathered by the caller
 * from the working tree and from Git): which of them have the template's
 * form in a given year, and the id after the highest. */
#ifndef CLERK_IDGEN_H
#define CLERK_IDGEN_H

#include <stddef.h>

#include "template.h"

/* Reads id (len bytes) against t: literal text must match, {year} takes
 * four digits, {seq} a run of digits, and any other {field} the value
 * lookup gives for it. Returns 1 with *year (-1 when t has no {year}) and
 * *seq filled in when id has the template's form, else 0. Linear in len. */
int idgen_match(const struct template *t, const char *id, size_t len, template_lookup fields,
		void *ctx, long *year, long *seq);

/* Returns the id of t for this year and sequence number (malloc'd), or
 * NULL when a field placeholder has no value from lookup. */
char *idgen_make(const struct template *t, long year, long seq, template_lookup fields, void *ctx);

/* Returns the highest sequence number among the n ids that have t's form
 * and (when t has {year}) the given year; 0 when none has. */
long idgen_highest(const struct template *t, const char *const *ids, size_t n, long year,
		   template_lookup fields, void *ctx);

#endif
