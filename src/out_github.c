/* SPDX-License-Identifier: EUPL-1.2 */
/* out_github.c - GitHub Actions workflow commands, shown as annotations on the files.
 *
 * ::error file=PATH,line=L,col=C,endLine=L,endColumn=C,title=RULE::MESSAGE
 * GitHub's escaping: in the message %, CR and LF; in the properties also
 * ':' and ','. Other control characters are escaped as in the text format. */
#include <stdlib.h>

#include "out.h"
#include "out_util.h"
#include "util.h"

/* GitHub's own escape for c in a message (or, with in_property, in a
 * property such as file=), or NULL when GitHub gives c no escape. */
static const char *github_escape(char c, int in_property)
{
	switch (c) {
	case '%':
		return "%25";
	case '\r':
		return "%0D";
	case '\n':
		return "%0A";
	case ':':
		return in_property ? "%3A" : NULL;
	case ',':
		return in_property ? "%2C" : NULL;
	default:
		return NULL;
	}
}

/* Writes s with GitHub's escapes (%, CR and LF; ':' and ',' too when
 * in_property). Every other control character (ESC, DEL, a tab, a
 * direction override) is written as the other formats write it ("\x1b"),
 * so that a value can never colour or forge an annotation. */
static void escape(FILE *f, const char *s, int in_property)
{
	const char *run = s, *esc;
	char *part;

	for (;; s++) {
		esc = *s != '\0' ? github_escape(*s, in_property) : NULL;
		if (*s != '\0' && esc == NULL)
			continue;
		part = xstrndup(run, (size_t)(s - run));
		fput_escaped(part, f);
		free(part);
		if (*s == '\0')
			break;
		fputs(esc, f);
		run = s + 1;
	}
}

/* GitHub's three annotation levels. */
static const char *const commands[] = {
    [SEV_OFF] = "notice", [SEV_INFO] = "notice", [SEV_WARNING] = "warning", [SEV_ERROR] = "error"};

void out_write_github(FILE *f, const struct check_run *run, const struct out_options *opt)
{
	struct out_source src = {0};
	const struct diag *d;
	size_t i;

	src.run = run;
	for (i = 0; i < run->diags.n; i++) {
		d = &run->diags.items[i];
		fprintf(f, "::%s file=", commands[d->severity]);
		escape(f, d->path[0] == '.' && d->path[1] == '/' ? d->path + 2 : d->path, 1);
		fprintf(f, ",line=%d,col=%d", d->line,
			out_column(&src, d->path, d->line, d->col, OUT_CHARS));
		if (d->end_line > 0)
			fprintf(f, ",endLine=%d,endColumn=%d", d->end_line,
				out_column(&src, d->path, d->end_line, d->end_col, OUT_CHARS));
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
	out_source_free(&src);
	if (!opt->quiet)
		out_summary(f, run);
}
