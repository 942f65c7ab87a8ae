/* SPDX-License-Identifier: EUPL-1.2 */
/* out_text.c - the plain text writer: PATH:LINE:COL: SEVERITY: MESSAGE [RULE].
 * COL counts characters (Unicode code points) from 1. */
#include "out.h"
#include "out_util.h"
#include "util.h"

void out_write_text(FILE *f, const struct check_run *run, const struct out_options *opt)
{
	struct out_source src = {0};
	const struct diag *d;
	size_t i;

	src.run = run;
	for (i = 0; i < run->diags.n; i++) {
		d = &run->diags.items[i];
		/* Paths and messages quote what was written in files and file
		 * names: escaped, so that one finding is always one line. */
		fput_escaped(d->path, f);
		fprintf(f, ":%d:%d: %s: ", d->line,
			out_column(&src, d->path, d->line, d->col, OUT_CHARS),
			severity_name(d->severity));
		fput_escaped(d->message, f);
		fprintf(f, " [%s]\n", rule_catalogue[d->rule].name);
	}
	out_source_free(&src);
	if (!opt->quiet)
		out_summary(f, run);
}
