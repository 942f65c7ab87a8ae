/* SPDX-License-Identifier: EUPL-1.2 */
/* out_junit.c - JUnit XML: one test case per checked record, a failure per error.
 *
 * Warnings and infos go to the test case's system-out, so CI shows them
 * without failing the case. A finding on a file that is not a record gets a
 * test case of its own. A path that could not be read at all (a run's
 * problem) is a test case with an <error>: JUnit's word for a test that
 * could not run, counted in the suite's errors. The output validates against
 * Jenkins' junit-10.xsd (tests/fixtures/formats/). */
#include <stdlib.h>
#include <string.h>

#include "out.h"
#include "out_util.h"
#include "util.h"

static int by_path(const void *pa, const void *pb)
{
	return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

/* Returns the sorted distinct paths of the records and the findings
 * (malloc'd array of borrowed strings), their number in *n. */
static const char **case_paths(const struct check_run *run, size_t *n)
{
	size_t total = run->nrecords + run->diags.n, i, k = 0;
	const char **paths = xmalloc((total ? total : 1) * sizeof *paths);

	for (i = 0; i < run->nrecords; i++)
		paths[k++] = run->records[i]->path;
	for (i = 0; i < run->diags.n; i++)
		paths[k++] = run->diags.items[i].path;
	qsort(paths, k, sizeof *paths, by_path);
	*n = 0;
	for (i = 0; i < k; i++)
		if (*n == 0 || strcmp(paths[*n - 1], paths[i]) != 0)
			paths[(*n)++] = paths[i];
	return paths;
}

static void write_line(FILE *f, struct out_source *src, const struct diag *d)
{
	fprintf(f, "%d:%d: %s: ", d->line, out_column(src, d->path, d->line, d->col, OUT_CHARS),
		severity_name(d->severity));
	out_xml_text(f, d->message);
	fprintf(f, " [%s]", rule_catalogue[d->rule].name);
	if (d->help != NULL) {
		fputs(" help: ", f);
		out_xml_text(f, d->help);
	}
	if (d->fix != NULL) {
		fputs(" fix: write '", f);
		out_xml_text(f, d->fix->text);
		fputc('\'', f);
	}
	fputc('\n', f);
}

/* Writes the test case of path, whose findings are diags[0..n). */
static void write_case(FILE *f, struct out_source *src, const char *path, const struct diag *diags,
		       size_t n)
{
	size_t i, others = 0;

	fputs("    <testcase classname=\"clerk\" name=\"", f);
	out_xml_text(f, path);
	fputs("\">\n", f);
	for (i = 0; i < n; i++) {
		if (diags[i].severity != SEV_ERROR) {
			others++;
			continue;
		}
		fprintf(f, "      <failure type=\"%s\" message=\"",
			rule_catalogue[diags[i].rule].name);
		out_xml_text(f, diags[i].message);
		fputs("\">", f);
		write_line(f, src, &diags[i]);
		fputs("</failure>\n", f);
	}
	if (others > 0) {
		fputs("      <system-out>", f);
		for (i = 0; i < n; i++)
			if (diags[i].severity != SEV_ERROR)
				write_line(f, src, &diags[i]);
		fputs("</system-out>\n", f);
	}
	fputs("    </testcase>\n", f);
}

/* Returns the number of files with at least one error: the failed test cases. */
static size_t failed_cases(const struct diag_list *list)
{
	size_t i, n = 0;
	const char *last = NULL;

	for (i = 0; i < list->n; i++) {
		if (list->items[i].severity != SEV_ERROR)
			continue;
		if (last == NULL || strcmp(last, list->items[i].path) != 0)
			n++;
		last = list->items[i].path;
	}
	return n;
}

/* Writes the test case of a path that could not be read. */
static void write_problem(FILE *f, const struct problem *p)
{
	fputs("    <testcase classname=\"clerk\" name=\"", f);
	out_xml_text(f, p->path);
	fputs("\">\n      <error type=\"unreadable\" message=\"", f);
	out_xml_text(f, p->message);
	fputs("\">", f);
	out_xml_text(f, p->message);
	fputs("</error>\n    </testcase>\n", f);
}

void out_write_junit(FILE *f, const struct check_run *run, const struct out_options *opt)
{
	size_t npaths, i, d = 0, first, failed = failed_cases(&run->diags);
	size_t errors = run->problems.n, tests;
	const char **paths = case_paths(run, &npaths);
	const struct diag *items = run->diags.items;
	struct out_source src = {0};

	(void)opt;
	tests = npaths + errors;
	src.run = run;
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", f);
	fprintf(f, "<testsuites name=\"clerk\" tests=\"%zu\" failures=\"%zu\" errors=\"%zu\">\n",
		tests, failed, errors);
	fprintf(
	    f, "  <testsuite name=\"clerk check\" tests=\"%zu\" failures=\"%zu\" errors=\"%zu\">\n",
	    tests, failed, errors);
	for (i = 0; i < npaths; i++) {
		first = d;
		while (d < run->diags.n && strcmp(items[d].path, paths[i]) == 0)
			d++;
		write_case(f, &src, paths[i], items + first, d - first);
	}
	for (i = 0; i < errors; i++)
		write_problem(f, &run->problems.items[i]);
	out_source_free(&src);
	fputs("  </testsuite>\n</testsuites>\n", f);
	free(paths);
}
