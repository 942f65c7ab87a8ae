/* SPDX-License-Identifier: EUPL-1.2 */
/* severity_if.c - severity-if: lowering a record's findings while a condition holds. */
#include "severity_if.h"

#include <stdlib.h>
#include <string.h>

#include "condition.h"
#include "util.h"

enum severity *severity_if_eval(const struct schema *s, const struct ynode *front)
{
	enum severity *cap = NULL;
	const struct severity_if *e;
	size_t i, r;

	for (i = 0; i < s->nseverity_if; i++) {
		e = &s->severity_if[i];
		if (!condition_holds(e->when, front, s))
			continue;
		if (cap == NULL) {
			cap = xmalloc(RULE_COUNT * sizeof *cap);
			for (r = 0; r < RULE_COUNT; r++)
				cap[r] = SEV_ERROR;
		}
		for (r = 0; r < RULE_COUNT; r++)
			if (e->rules[r] && e->severity < cap[r])
				cap[r] = e->severity;
	}
	return cap;
}

static int by_path(const void *pa, const void *pb)
{
	const struct summary *const *a = pa, *const *b = pb;

	return strcmp((*a)->path, (*b)->path);
}

void severity_if_apply(struct diag_list *diags, struct summary *const *records, size_t n)
{
	struct summary **capped = xmalloc((n ? n : 1) * sizeof *capped), key, *kp = &key, **hit;
	struct diag *d;
	size_t i, m = 0;

	for (i = 0; i < n; i++)
		if (records[i]->severity_cap != NULL)
			capped[m++] = records[i];
	qsort(capped, m, sizeof *capped, by_path);
	for (i = 0; m > 0 && i < diags->n; i++) {
		d = &diags->items[i];
		key.path = d->path;
		hit = bsearch(&kp, capped, m, sizeof *capped, by_path);
		if (hit != NULL && (*hit)->severity_cap[d->rule] < d->severity)
			d->severity = (*hit)->severity_cap[d->rule];
	}
	free(capped);
	diag_list_apply_severity(diags, NULL);
}
