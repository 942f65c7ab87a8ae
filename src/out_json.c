/* SPDX-License-Identifier: EUPL-1.2 */
/* out_json.c - the JSON writer: one document with the run and every finding (docs/output.md). */
#include "out.h"
#include "out_util.h"
#include "version.h"

/* Writes ,"key":"value" (or null when value is NULL). */
static void field_str(FILE *f, const char *key, const char *value)
{
	fprintf(f, ",\"%s\":", key);
	if (value == NULL)
		fputs("null", f);
	else
		out_json_string(f, value);
}

/* Writes ,"key":n, or ,"key":null when n is 0 (unknown). */
static void field_int(FILE *f, const char *key, int n)
{
	if (n > 0)
		fprintf(f, ",\"%s\":%d", key, n);
	else
		fprintf(f, ",\"%s\":null", key);
}

/* The sources the columns are read from: the findings' files, and those
 * of their related places, kept apart so that neither is read twice. */
struct cols {
	struct out_source src, rel;
};

/* Returns byte column col on line of path in characters. */
static int chars(struct out_source *src, const char *path, int line, int col)
{
	return col > 0 ? out_column(src, path, line, col, OUT_CHARS) : col;
}

static void write_fix(FILE *f, struct cols *c, const char *path, const struct diag_fix *fix)
{
	fputs(",\"fix\":", f);
	if (fix == NULL) {
		fputs("null", f);
		return;
	}
	fprintf(f, "{\"line\":%d,\"column\":%d,\"end_line\":%d,\"end_column\":%d", fix->line,
		chars(&c->src, path, fix->line, fix->col), fix->end_line,
		chars(&c->src, path, fix->end_line, fix->end_col));
	field_str(f, "text", fix->text);
	fputc('}', f);
}

static void write_related(FILE *f, struct cols *c, const struct diag *d)
{
	size_t i;

	fputs(",\"related\":[", f);
	for (i = 0; i < d->nrelated; i++) {
		fputs(i ? ",{\"path\":" : "{\"path\":", f);
		out_json_string(f, d->related[i].path);
		fprintf(f, ",\"line\":%d,\"column\":%d", d->related[i].line,
			chars(&c->rel, d->related[i].path, d->related[i].line, d->related[i].col));
		field_str(f, "message", d->related[i].message);
		fputc('}', f);
	}
	fputc(']', f);
}

static void write_diag(FILE *f, struct cols *c, const struct diag *d)
{
	fputs("{\"path\":", f);
	out_json_string(f, d->path);
	fprintf(f, ",\"line\":%d,\"column\":%d", d->line, chars(&c->src, d->path, d->line, d->col));
	field_int(f, "end_line", d->end_line);
	field_int(f, "end_column", chars(&c->src, d->path, d->end_line, d->end_col));
	field_str(f, "severity", severity_name(d->severity));
	field_str(f, "rule", rule_catalogue[d->rule].name);
	field_str(f, "message", d->message);
	field_str(f, "help", d->help);
	write_fix(f, c, d->path, d->fix);
	write_related(f, c, d);
	fputc('}', f);
}

void out_write_json(FILE *f, const struct check_run *run, const struct out_options *opt)
{
	struct cols c = {{0}, {0}};
	size_t i;

	(void)opt;
	/* The version of this format (docs/clerk-check.schema.json), not of clerk. */
	fputs("{\"version\":1,\"tool\":{\"name\":\"clerk\",\"version\":", f);
	out_json_string(f, CLERK_VERSION);
	fputs("}", f);
	field_str(f, "as_of", run->as_of[0] ? run->as_of : NULL);
	fprintf(f, ",\"records\":%zu", run->nrecords);
	fprintf(f, ",\"summary\":{\"errors\":%zu,\"warnings\":%zu,\"infos\":%zu}",
		diag_list_count(&run->diags, SEV_ERROR), diag_list_count(&run->diags, SEV_WARNING),
		diag_list_count(&run->diags, SEV_INFO));
	fputs(",\"diagnostics\":[", f);
	c.src.run = c.rel.run = run;
	for (i = 0; i < run->diags.n; i++) {
		fputs(i ? ",\n" : "\n", f);
		write_diag(f, &c, &run->diags.items[i]);
	}
	fputs("\n]}\n", f);
	out_source_free(&c.src);
	out_source_free(&c.rel);
}
