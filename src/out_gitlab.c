/* SPDX-License-Identifier: EUPL-1.2 */
/* out_gitlab.c - GitLab Code Quality report: a JSON array of issues.
 *
 * The fingerprint must stay the same from run to run while the finding
 * stays, and change when the finding changes. It is a hash of the path, the
 * rule, the message and the ordinal of that (path, rule, message) among the
 * run's findings - not of the line number alone, so that adding a line
 * above a finding does not make GitLab see it as fixed and new. Messages
 * that quote a line number ("already given on line 13") do change when
 * that line moves.
 *
 * GitLab reads location.path from the top of the repository, so each path
 * is written from there (found once, by looking for .git above the current
 * folder), however clerk was given it: relative, from a subfolder, or
 * absolute. The fingerprint hashes that path too, so it does not change
 * with the folder clerk runs in. Outside Git the path stays as printed. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "out.h"
#include "out_util.h"
#include "project.h"
#include "util.h"

/* Where the paths are written from: the Git work tree's top and the
 * current folder (both absolute), or NULL when there is no repository. */
struct place {
	char *top, *cwd;
};

/* Returns d's path from the repository's top (malloc'd). */
static char *repo_path(const struct place *pl, const char *path)
{
	size_t n = pl->top != NULL ? strlen(pl->top) : 0;
	char *abs, *out = NULL;

	if (path[0] == '.' && path[1] == '/')
		path += 2;
	if (pl->top == NULL)
		return xstrdup(path);
	abs = path[0] == '/' ? path_lexical(path) : path_join_lexical(pl->cwd, path, strlen(path));
	if (strcmp(pl->top, "/") == 0)
		out = xstrdup(abs + 1);
	else if (strncmp(abs, pl->top, n) == 0 && abs[n] == '/')
		out = xstrdup(abs + n + 1);
	free(abs);
	return out != NULL ? out : xstrdup(path);
}

/* GitLab's severities: info, minor, major, critical, blocker. */
static const char *const gitlab_severity[] = {
    [SEV_OFF] = "info", [SEV_INFO] = "info", [SEV_WARNING] = "minor", [SEV_ERROR] = "major"};

/* FNV-1a over s and a terminating 0 byte, continuing from h. */
static uint64_t fnv1a(uint64_t h, const char *s)
{
	do {
		h ^= (unsigned char)*s;
		h *= UINT64_C(0x100000001b3);
	} while (*s++ != '\0');
	return h;
}

/* Writes a 128-bit fingerprint of (path, rule, message, ordinal) as 32 hex digits. */
static void write_fingerprint(FILE *f, const struct diag *d, const char *path, size_t ordinal)
{
	uint64_t seeds[2] = {UINT64_C(0xcbf29ce484222325), UINT64_C(0x84222325cbf29ce4)};
	char num[32];
	uint64_t h;
	int i;

	snprintf(num, sizeof num, "%zu", ordinal);
	for (i = 0; i < 2; i++) {
		h = fnv1a(seeds[i], path);
		h = fnv1a(h, rule_catalogue[d->rule].name);
		h = fnv1a(h, d->message);
		h = fnv1a(h, num);
		fprintf(f, "%016" PRIx64, h);
	}
}

/* Orders findings by path, rule, message, then by their place in the run. */
static int by_finding(const void *pa, const void *pb)
{
	const struct diag *a = *(const struct diag *const *)pa,
			  *b = *(const struct diag *const *)pb;
	int c = strcmp(a->path, b->path);

	if (c == 0)
		c = (int)a->rule - (int)b->rule;
	if (c == 0)
		c = strcmp(a->message, b->message);
	if (c == 0)
		c = a < b ? -1 : a > b;
	return c;
}

/* Returns, per finding of list, how many findings before it in the run have
 * its path, rule and message (malloc'd, list->n entries). */
static size_t *ordinals(const struct diag_list *list)
{
	const struct diag **order = xmalloc((list->n ? list->n : 1) * sizeof *order);
	size_t *nth = xcalloc(list->n ? list->n : 1, sizeof *nth);
	size_t i;

	for (i = 0; i < list->n; i++)
		order[i] = &list->items[i];
	qsort(order, list->n, sizeof *order, by_finding);
	for (i = 1; i < list->n; i++)
		if (order[i]->rule == order[i - 1]->rule &&
		    strcmp(order[i]->path, order[i - 1]->path) == 0 &&
		    strcmp(order[i]->message, order[i - 1]->message) == 0)
			nth[order[i] - list->items] = nth[order[i - 1] - list->items] + 1;
	free(order);
	return nth;
}

static void write_issue(FILE *f, const struct diag *d, const char *path, size_t nth)
{
	fputs("{\"type\":\"issue\",\"description\":", f);
	out_json_string(f, d->message);
	fputs(",\"check_name\":", f);
	out_json_string(f, rule_catalogue[d->rule].name);
	fputs(",\"fingerprint\":\"", f);
	write_fingerprint(f, d, path, nth);
	fprintf(f, "\",\"severity\":\"%s\",\"location\":{\"path\":", gitlab_severity[d->severity]);
	out_json_string(f, path);
	fprintf(f, ",\"lines\":{\"begin\":%d", d->line);
	if (d->end_line > 0)
		fprintf(f, ",\"end\":%d", d->end_line);
	fputs("}}}", f);
}

void out_write_gitlab(FILE *f, const struct check_run *run, const struct out_options *opt)
{
	size_t *nth = ordinals(&run->diags);
	struct place pl = {NULL, realpath(".", NULL)};
	char *path;
	size_t i;

	(void)opt;
	pl.top = pl.cwd != NULL ? project_git_top(pl.cwd) : NULL;
	fputc('[', f);
	for (i = 0; i < run->diags.n; i++) {
		fputs(i ? ",\n" : "\n", f);
		path = repo_path(&pl, run->diags.items[i].path);
		write_issue(f, &run->diags.items[i], path, nth[i]);
		free(path);
	}
	fputs("\n]\n", f);
	free(pl.top);
	free(pl.cwd);
	free(nth);
}
