/* SPDX-License-Identifier: EUPL-1.2 */
/* condition.h - conditions on a record's fields (required-if, severity-if):
 * the one place where they are evaluated and put into words. */
#ifndef CLERK_CONDITION_H
#define CLERK_CONDITION_H

#include "schema.h"

struct ynode;

/* True when cond holds for the fields of front (a map, or NULL) under
 * schema s: a field not given counts with its default. Bounded by the
 * schema's nesting limit; no recursion deeper than that. */
int condition_holds(const struct condition *cond, const struct ynode *front,
		    const struct schema *s);
/* Says why cond holds, as the schema wrote it ("'status' is not 'Moved'";
 * for any: the parts that hold). Returns a malloc'd string. */
char *condition_text(const struct condition *cond, const struct ynode *front,
		     const struct schema *s);
/* Returns the key in front of the first field cond names that the record
 * gives, or NULL: the line where a finding caused by cond is reported. */
const struct ynode *condition_where(const struct condition *cond, const struct ynode *front);

#endif
