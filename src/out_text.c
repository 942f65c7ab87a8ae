/* out_text.c - the plain text writer: PATH:LINE:COL: SEVERITY: MESSAGE [RULE]. */
#include <string.h>

#include "out.h"

static void write_text(FILE *f, const struct check_run *run, const struct out_options *opt)
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

static void count(FILE *f, size_t n, const char *word, const char *sep)
{
	fprintf(f, "%s%zu %s%s", sep, n, word, n == 1 ? "" : "s");
}

void out_summary(FILE *f, const struct check_run *run)
{
	size_t infos = diag_list_count(&run->diags, SEV_INFO);

	count(f, diag_list_count(&run->diags, SEV_ERROR), "error", "");
	count(f, diag_list_count(&run->diags, SEV_WARNING), "warning", ", ");
	if (infos > 0)
		count(f, infos, "info", ", ");
	count(f, run->nrecords, "record", " in ");
	if (run->excluded > 0)
		fprintf(f, " (%zu named file%s excluded)", run->excluded,
			run->excluded == 1 ? "" : "s");
	fputc('\n', f);
}

const struct writer out_writers[] = {
    {"text", "one line per finding: PATH:LINE:COL: SEVERITY: MESSAGE [RULE]", write_text},
    {NULL, NULL, NULL},
};

const struct writer *out_find(const char *name)
{
	const struct writer *w;

	for (w = out_writers; w->name != NULL; w++)
		if (strcmp(w->name, name) == 0)
			return w;
	return NULL;
}
