/* out_text.c - the plain text writer: PATH:LINE:COL: SEVERITY: MESSAGE [RULE]. */
#include "out.h"

void out_write_text(FILE *f, const struct check_run *run, const struct out_options *opt)
{
	const struct diag *d;
	size_t i;

	for (i = 0; i < run->diags.n; i++) {
		d = &run->diags.items[i];
		fprintf(f, "%s:%d:%d: %s: %s [%s]\n", d->path, d->line, d->col,
			severity_name(d->severity), d->message, rule_catalogue[d->rule].name);
	}
	if (!opt->quiet)
		out_summary(f, run);
}
