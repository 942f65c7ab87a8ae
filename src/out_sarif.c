/* SPDX-License-Identifier: EUPL-1.2 */
/* out_sarif.c - SARIF 2.1.0 for code scanning.
 *
 * One run: the rule catalogue in tool.driver.rules (texts from the embedded
 * docs/rules.md), every checked record and file with findings in artifacts,
 * one result per finding. Relative paths are given against %SRCROOT%, the folder clerk ran
 * in (absolute paths stay absolute file: URIs). Columns are counted in
 * Unicode code points (columnKind), converted from clerk's byte columns with
 * the file's line when the file can be read again. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "out.h"
#include "out_util.h"
#include "rule_doc.h"
#include "util.h"
#include "version.h"

static const char *const levels[] = {
    [SEV_OFF] = "none", [SEV_INFO] = "note", [SEV_WARNING] = "warning", [SEV_ERROR] = "error"};

struct sarif {
	FILE *f;
	struct out_source src;
	const char **artifacts; /* distinct paths with findings, in order of the findings */
	size_t nartifacts;
};

static void text_object(FILE *f, const char *key, const char *text)
{
	fprintf(f, "\"%s\":{\"text\":", key);
	out_json_string(f, text);
	fputc('}', f);
}

static void write_rule(FILE *f, int id)
{
	const struct rule_info *r = &rule_catalogue[id];
	const struct rule_doc *doc = rule_doc_find(r->name);
	char *help_uri;

	fputs(id ? ",\n{\"id\":" : "\n{\"id\":", f);
	out_json_string(f, r->name);
	fputc(',', f);
	text_object(f, "shortDescription", r->summary);
	fputc(',', f);
	text_object(f, "fullDescription", doc && doc->prose[0] ? doc->prose : r->summary);
	fputs(",\"help\":{\"text\":", f);
	out_json_string(f, doc && doc->prose[0] ? doc->prose : r->summary);
	fprintf(f, "},\"defaultConfiguration\":{\"level\":\"%s\"}", levels[r->severity]);
	if (CLERK_RULES_URL[0] != '\0') {
		help_uri = xasprintf("%s#%s", CLERK_RULES_URL, r->name);
		fputs(",\"helpUri\":", f);
		out_json_string(f, help_uri);
		free(help_uri);
	}
	fputc('}', f);
}

/* Writes "uri":...,"uriBaseId":"SRCROOT" for a relative path, or a file:
 * URI for an absolute one. */
static void artifact_location(FILE *f, const char *path, long index)
{
	char *uri = out_uri_path(path);

	fputs("{\"uri\":\"", f);
	if (path[0] == '/')
		fputs("file://", f);
	fputs(uri, f);
	fputc('"', f);
	if (path[0] != '/')
		fputs(",\"uriBaseId\":\"SRCROOT\"", f);
	if (index >= 0)
		fprintf(f, ",\"index\":%ld", index);
	fputc('}', f);
	free(uri);
}

static int by_path(const void *pa, const void *pb)
{
	return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

static long artifact_index(const struct sarif *s, const char *path)
{
	const char **hit =
	    bsearch(&path, s->artifacts, s->nartifacts, sizeof *s->artifacts, by_path);

	return hit ? (long)(hit - s->artifacts) : -1;
}

/* Converts a byte column on path's line into a code-point column. */
static int column(struct sarif *s, const char *path, int line, int col)
{
	return out_column(&s->src, path, line, col, OUT_CHARS);
}

static void region(struct sarif *s, const char *path, int line, int col, int end_line, int end_col)
{
	fprintf(s->f, "{\"startLine\":%d,\"startColumn\":%d", line, column(s, path, line, col));
	if (end_line > 0 && (end_line > line || (end_line == line && end_col > col)))
		fprintf(s->f, ",\"endLine\":%d,\"endColumn\":%d", end_line,
			column(s, path, end_line, end_col));
	fputc('}', s->f);
}

static void write_fix(struct sarif *s, const struct diag *d)
{
	const struct diag_fix *fix = d->fix;

	fputs(",\"fixes\":[{", s->f);
	text_object(s->f, "description", d->help ? d->help : "Write the suggested text instead.");
	fputs(",\"artifactChanges\":[{\"artifactLocation\":", s->f);
	artifact_location(s->f, d->path, artifact_index(s, d->path));
	fputs(",\"replacements\":[{\"deletedRegion\":", s->f);
	region(s, d->path, fix->line, fix->col, fix->end_line, fix->end_col);
	fputs(",\"insertedContent\":{\"text\":", s->f);
	out_json_string(s->f, fix->text);
	fputs("}}]}]}]", s->f);
}

static void write_related(struct sarif *s, const struct diag *d)
{
	size_t i;

	fputs(",\"relatedLocations\":[", s->f);
	for (i = 0; i < d->nrelated; i++) {
		fprintf(s->f,
			"%s{\"id\":%zu,\"physicalLocation\":{\"artifactLocation\":", i ? "," : "",
			i);
		artifact_location(s->f, d->related[i].path, -1);
		fputs(",\"region\":", s->f);
		region(s, d->related[i].path, d->related[i].line, d->related[i].col, 0, 0);
		fputc('}', s->f);
		if (d->related[i].message != NULL) {
			fputc(',', s->f);
			text_object(s->f, "message", d->related[i].message);
		}
		fputc('}', s->f);
	}
	fputc(']', s->f);
}

static void write_result(struct sarif *s, const struct diag *d, size_t i)
{
	fputs(i ? ",\n{\"ruleId\":" : "\n{\"ruleId\":", s->f);
	out_json_string(s->f, rule_catalogue[d->rule].name);
	fprintf(s->f, ",\"ruleIndex\":%d,\"level\":\"%s\",", (int)d->rule, levels[d->severity]);
	text_object(s->f, "message", d->message);
	fputs(",\"locations\":[{\"physicalLocation\":{\"artifactLocation\":", s->f);
	artifact_location(s->f, d->path, artifact_index(s, d->path));
	fputs(",\"region\":", s->f);
	region(s, d->path, d->line, d->col, d->end_line, d->end_col);
	fputs("}}]", s->f);
	if (d->nrelated > 0)
		write_related(s, d);
	if (d->fix != NULL)
		write_fix(s, d);
	fputc('}', s->f);
}

/* Collects the checked records and the files with findings, sorted and distinct. */
static void collect_artifacts(struct sarif *s, const struct check_run *run)
{
	size_t total = run->nrecords + run->diags.n, i, k = 0;

	s->artifacts = xmalloc((total ? total : 1) * sizeof *s->artifacts);
	for (i = 0; i < run->nrecords; i++)
		s->artifacts[k++] = run->records[i]->path;
	for (i = 0; i < run->diags.n; i++)
		s->artifacts[k++] = run->diags.items[i].path;
	qsort(s->artifacts, k, sizeof *s->artifacts, by_path);
	for (i = 0; i < k; i++)
		if (s->nartifacts == 0 ||
		    strcmp(s->artifacts[s->nartifacts - 1], s->artifacts[i]) != 0)
			s->artifacts[s->nartifacts++] = s->artifacts[i];
}

static void write_base(FILE *f)
{
	char cwd[PATH_MAX];
	char *uri;

	if (getcwd(cwd, sizeof cwd) == NULL)
		return;
	uri = out_uri_path(cwd);
	fprintf(f, ",\"originalUriBaseIds\":{\"SRCROOT\":{\"uri\":\"file://%s%s\"}}", uri,
		strcmp(cwd, "/") == 0 ? "" : "/");
	free(uri);
}

void out_write_sarif(FILE *f, const struct check_run *run, const struct out_options *opt)
{
	struct sarif s = {f, {0}, NULL, 0};
	size_t i;

	(void)opt;
	collect_artifacts(&s, run);
	fputs(
	    "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\","
	    "\"runs\":[{\"tool\":{\"driver\":{\"name\":\"clerk\",\"version\":",
	    f);
	out_json_string(f, CLERK_VERSION);
	if (CLERK_HOME[0] != '\0') {
		fputs(",\"informationUri\":", f);
		out_json_string(f, CLERK_HOME);
	}
	fputs(",\"rules\":[", f);
	for (i = 0; i < RULE_COUNT; i++)
		write_rule(f, (int)i);
	fputs("]}}", f);
	write_base(f);
	fputs(",\"columnKind\":\"unicodeCodePoints\",\"artifacts\":[", f);
	for (i = 0; i < s.nartifacts; i++) {
		fputs(i ? ",\n{\"location\":" : "\n{\"location\":", f);
		artifact_location(f, s.artifacts[i], -1);
		fputs(",\"mimeType\":\"text/markdown\",\"roles\":[\"analysisTarget\"]}", f);
	}
	fputs("],\"results\":[", f);
	for (i = 0; i < run->diags.n; i++)
		write_result(&s, &run->diags.items[i], i);
	fputs("]}]}\n", f);
	out_source_free(&s.src);
	free(s.artifacts);
}
