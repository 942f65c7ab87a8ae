/* SPDX-License-Identifier: EUPL-1.2 */
/* severity-if.h - a schema's severity-if: lower the severity of a record's
 * findings while a condition on its fields holds. A filter after all rules,
 * like the severities of .clerk.yml; no rule asks for it. */
#ifndef CLERK_SEVERITY_IF_H
#define CLERK_SEVERITY_IF_H

#include "diag.h"
#include "schema.h"
#include "set.h"

struct ynode;

/* Evaluates the schema's severity-if entries on the fields of front.
 * Returns, per rule, the highest severity the record's findings may keep
 * (malloc'd, RULE_COUNT entries), or NULL when no entry holds. */
enum severity *severity_if_eval(const struct schema *s, const struct ynode *front);
/* Lowers each diagnostic to the cap of the record it is in (the n records
 * in path order, their severity_cap) and drops those that become off. */
void severity_if_apply(struct diag_list *diags, struct summary *const *records, size_t n);

#endif
