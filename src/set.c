/* SPDX-License-Identifier: EUPL-1.2 */
/* set.c - the whole-set stage: every rule that looks at the set as a whole.
 *
 * The per-file stage leaves one summary per record; this builds the index
 * of them (set_index.c) and runs the rules over it in a fixed order: ids,
 * references, links (set_refs.c), then reporting on agreements and report
 * series (set_reporting.c). Each of those reads the index and nothing else,
 * so none of them needs another. */
#include "set.h"

#include <string.h>

#include "date.h"
#include "set_index.h"

void set_check(struct summary *const *records, size_t n, const char *as_of, struct diag_list *diags)
{
	struct set_index ix;
	long today = 0;

	date_parse(as_of, strlen(as_of), &today);
	set_index_build(&ix, records, n);
	set_check_ids(&ix, diags);
	set_check_refs(&ix, diags);
	set_check_links(&ix, diags);
	set_check_reporting(&ix, today, diags);
	set_check_series(&ix, today, diags);
	set_index_free(&ix);
}
