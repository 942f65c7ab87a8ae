/* SPDX-License-Identifier: EUPL-1.2 */
/* out_pretty.c - the writer for people at a terminal, in the manner of rustc:
 *
 *   error[field-enum]: field 'status' is 'genomen', which is not allowed; ...
 *     --> besluiten/2024-017.md:6:9
 *      |
 *    6 | status: genomen
 *      |         ^^^^^^^
 *      = help: ...
 *
 * The source line is read from the file when the findings are written
 * (out_source_line: regular files, bounded in size, each file read once as
 * findings come sorted by file) rather than kept in every diagnostic: a run
 * over thousands of records keeps only what the other formats need, and a
 * file that cannot be read again just goes without its snippet. Control
 * characters and bytes that are not UTF-8 are shown as U+FFFD, so a record
 * cannot send escape sequences to the terminal. */
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "out.h"
#include "out_util.h"
#include "util.h"

enum paint {
	PAINT_NONE,
	PAINT_ERROR,
	PAINT_WARNING,
	PAINT_INFO,
	PAINT_GUTTER,
	PAINT_HELP,
	PAINT_BOLD
};

static const char *const paints[] = {
    [PAINT_NONE] = "\033[0m",    [PAINT_ERROR] = "\033[1;31m",  [PAINT_WARNING] = "\033[1;33m",
    [PAINT_INFO] = "\033[1;36m", [PAINT_GUTTER] = "\033[1;34m", [PAINT_HELP] = "\033[1;32m",
    [PAINT_BOLD] = "\033[1m",
};

static const enum paint severity_paint[] = {[SEV_OFF] = PAINT_INFO,
					    [SEV_INFO] = PAINT_INFO,
					    [SEV_WARNING] = PAINT_WARNING,
					    [SEV_ERROR] = PAINT_ERROR};

struct pretty {
	FILE *f;
	int color;
	int width; /* of the line numbers in the gutter */
	struct out_source src;
};

static void paint(struct pretty *p, enum paint what)
{
	if (p->color)
		fputs(paints[what], p->f);
}

/* Writes n bytes of s (or up to its NUL when n is (size_t)-1) safely for a terminal. */
static void put_safe(FILE *f, const char *s, size_t n)
{
	size_t i = 0, k;

	while (i < n && s[i] != '\0') {
		k = out_utf8_len(s + i);
		if (k == 0 || (k == 1 && (unsigned char)s[i] < 0x20 && s[i] != '\t') ||
		    s[i] == 0x7f)
			fputs("\xef\xbf\xbd", f);
		else
			fwrite(s + i, 1, k, f);
		i += k ? k : 1;
	}
}

/* Writes the gutter: "   |" or "  6 |". */
static void gutter(struct pretty *p, int line)
{
	paint(p, PAINT_GUTTER);
	if (line > 0)
		fprintf(p->f, "%*d |", p->width, line);
	else
		fprintf(p->f, "%*s |", p->width, "");
	paint(p, PAINT_NONE);
}

/* Writes the blank that lines up under the first n bytes of text: tabs
 * stay tabs, every other character becomes one space. */
static void indent_under(FILE *f, const char *text, size_t n)
{
	size_t i = 0, k;

	while (i < n) {
		k = out_utf8_len(text + i);
		fputc(text[i] == '\t' ? '\t' : ' ', f);
		i += k ? k : 1;
	}
}

/* Writes the source line and a mark of mark_char under bytes [from, to). */
static void snippet(struct pretty *p, int line, const char *text, size_t len, size_t from,
		    size_t to, char mark_char, enum paint what)
{
	size_t n, i;

	if (from > len)
		from = len;
	if (to > len)
		to = len;
	n = to > from ? out_utf8_count(text + from, to - from) : 1;
	gutter(p, line);
	fputc(' ', p->f);
	put_safe(p->f, text, len);
	fputc('\n', p->f);
	gutter(p, 0);
	fputc(' ', p->f);
	indent_under(p->f, text, from);
	paint(p, what);
	for (i = 0; i < n; i++)
		fputc(mark_char, p->f);
	paint(p, PAINT_NONE);
	fputc('\n', p->f);
}

static int digits(int n)
{
	int d = 1;

	while (n >= 10) {
		n /= 10;
		d++;
	}
	return d;
}

/* The severity as a person reads it; the text format keeps the English
 * words, which tools match. */
static const char *severity_label(enum severity sev)
{
	static const char *const labels[] = {[SEV_OFF] = N_("off"),
					     [SEV_INFO] = N_("info"),
					     [SEV_WARNING] = N_("warning"),
					     [SEV_ERROR] = N_("error")};

	return _(labels[sev]);
}

static void header(struct pretty *p, const struct diag *d)
{
	paint(p, severity_paint[d->severity]);
	fprintf(p->f, "%s[%s]", severity_label(d->severity), rule_catalogue[d->rule].name);
	paint(p, PAINT_BOLD);
	fputs(": ", p->f);
	put_safe(p->f, d->message, (size_t)-1);
	paint(p, PAINT_NONE);
	fputc('\n', p->f);
	fprintf(p->f, "%*s", p->width, "");
	paint(p, PAINT_GUTTER);
	fputs("--> ", p->f);
	paint(p, PAINT_NONE);
	put_safe(p->f, d->path, (size_t)-1);
	fprintf(p->f, ":%d:%d\n", d->line,
		out_column(&p->src, d->path, d->line, d->col, OUT_CHARS));
}

/* Shows the fix applied to its line, the new text marked, when the fix
 * stays on one line of the file. */
static void show_fix(struct pretty *p, const struct diag *d)
{
	const struct diag_fix *fix = d->fix;
	const char *text;
	char *line;
	struct buf b = {0};
	size_t len, from, to;

	text = out_source_line(&p->src, d->path, fix->line, &len);
	if (text == NULL || fix->end_line != fix->line || fix->end_col < fix->col) {
		paint(p, PAINT_HELP);
		fputs(_("fix"), p->f);
		paint(p, PAINT_NONE);
		fputs(": ", p->f);
		line = xasprintf(_("write '%s'"), fix->text);
		put_safe(p->f, line, (size_t)-1);
		free(line);
		fputc('\n', p->f);
		return;
	}
	from = (size_t)fix->col - 1 < len ? (size_t)fix->col - 1 : len;
	to = (size_t)fix->end_col - 1 < len ? (size_t)fix->end_col - 1 : len;
	buf_add(&b, text, from);
	buf_puts(&b, fix->text);
	buf_add(&b, text + to, len - to);
	paint(p, PAINT_HELP);
	fputs(_("fix"), p->f);
	paint(p, PAINT_NONE);
	fputs(": ", p->f);
	fputs(_("write it like this"), p->f);
	fputc('\n', p->f);
	snippet(p, fix->line, b.data, b.len, from, from + strlen(fix->text), '+', PAINT_HELP);
	buf_free(&b);
}

static void note_line(struct pretty *p, const char *word, const char *text)
{
	fprintf(p->f, "%*s ", p->width, "");
	paint(p, PAINT_GUTTER);
	fputs("= ", p->f);
	paint(p, PAINT_BOLD);
	fputs(word, p->f);
	paint(p, PAINT_NONE);
	fputs(": ", p->f);
	put_safe(p->f, text, (size_t)-1);
	fputc('\n', p->f);
}

static void write_related(struct pretty *p, const struct diag *d)
{
	const struct diag_related *r;
	size_t i;

	for (i = 0; i < d->nrelated; i++) {
		r = &d->related[i];
		fprintf(p->f, "%*s ", p->width, "");
		paint(p, PAINT_GUTTER);
		fputs("= ", p->f);
		paint(p, PAINT_BOLD);
		fputs(_("see"), p->f);
		paint(p, PAINT_NONE);
		fputs(": ", p->f);
		put_safe(p->f, r->path, (size_t)-1);
		fprintf(p->f, ":%d:%d", r->line,
			out_column(&p->src, r->path, r->line, r->col, OUT_CHARS));
		if (r->message != NULL) {
			fputs(": ", p->f);
			put_safe(p->f, r->message, (size_t)-1);
		}
		fputc('\n', p->f);
	}
}

static void write_diag(struct pretty *p, const struct diag *d)
{
	const char *text;
	size_t len, to;

	p->width = digits(d->fix && d->fix->line > d->line ? d->fix->line : d->line);
	header(p, d);
	text = out_source_line(&p->src, d->path, d->line, &len);
	if (text != NULL) {
		to = d->end_line == d->line && d->end_col > d->col ? (size_t)d->end_col - 1 : 0;
		gutter(p, 0);
		fputc('\n', p->f);
		snippet(p, d->line, text, len, (size_t)d->col - 1, to, '^',
			severity_paint[d->severity]);
	}
	if (d->help != NULL)
		note_line(p, _("help"), d->help);
	write_related(p, d);
	if (d->fix != NULL)
		show_fix(p, d);
	fputc('\n', p->f);
}

void out_write_pretty(FILE *f, const struct check_run *run, const struct out_options *opt)
{
	struct pretty p = {f, opt->color, 1, {0}};
	size_t i;

	p.src.run = run;
	for (i = 0; i < run->diags.n; i++)
		write_diag(&p, &run->diags.items[i]);
	out_source_free(&p.src);
	if (!opt->quiet)
		out_summary(f, run);
}
