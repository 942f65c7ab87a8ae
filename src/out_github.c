/* out_github.c - GitHub Actions workflow commands, shown as annotations on the files.
 *
 * ::error file=PATH,line=L,col=C,endLine=L,endColumn=C,title=RULE::MESSAGE
 * GitHub's escaping: in the message %, CR and LF; in the properties also
 * ':' and ','. */
#include "out.h"

/* Writes s with %, CR and LF escaped, and ':' and ',' too when in_property. */
static void escape(FILE *f, const char *s, int in_property)
{
	for (; *s != '\0'; s++) {
		if (*s == '%')
			fputs("%25", f);
		else if (*s == '\r')
			fputs("%0D", f);
		else if (*s == '\n')
			fputs("%0A", f);
		else if (in_property && *s == ':')
			fputs("%3A", f);
		else if (in_property && *s == ',')
			fputs("%2C", f);
		else
			fputc(*s, f);
	}
}

/* GitHub's three annotation levels. */
static const char *const commands[] = {
    [SEV_OFF] = "notice", [SEV_INFO] = "notice", [SEV_WARNING] = "warning", [SEV_ERROR] = "error"};

void out_write_github(FILE *f, const struct check_run *run, const struct out_options *opt)
{
	const struct diag *d;
	size_t i;

	for (i = 0; i < run->diags.n; i++) {
		d = &run->diags.items[i];
		fprintf(f, "::%s file=", commands[d->severity]);
		escape(f, d->path[0] == '.' && d->path[1] == '/' ? d->path + 2 : d->path, 1);
		fprintf(f, ",line=%d,col=%d", d->line, d->col);
		if (d->end_line > 0)
			fprintf(f, ",endLine=%d,endColumn=%d", d->end_line, d->end_col);
		fputs(",title=", f);
		escape(f, rule_catalogue[d->rule].name, 1);
		fputs("::", f);
		escape(f, d->message, 0);
		if (d->help != NULL) {
			fputs("%0Ahelp: ", f);
			escape(f, d->help, 0);
		}
		if (d->fix != NULL) {
			fputs("%0Afix: write ", f);
			escape(f, d->fix->text, 0);
		}
		fputc('\n', f);
	}
	if (!opt->quiet)
		out_summary(f, run);
}
