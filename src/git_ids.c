/* SPDX-License-Identifier: EUPL-1.2 */
/* git_ids.c - the ids in every branch, read through the git program. */
#include "git_ids.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "git.h"
#include "util.h"
#include "wfile.h"
#include "i18n.h"

/* How much of a blob is read for its front matter; the rest is skipped. */
#define FRONT_READ_MAX ((size_t)64 * 1024)

void strlist_add(struct strlist *l, const char *s, size_t len)
{
	xgrow((void **)&l->items, &l->cap, l->n, sizeof *l->items);
	l->items[l->n++] = xstrndup(s, len);
}

void strlist_free(struct strlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->items[i]);
	free(l->items);
	l->items = NULL;
	l->n = l->cap = 0;
}

/* True when dir lies in a Git work tree (false also without git). */
static int in_repository(const char *dir)
{
	static const char *const args[] = {"rev-parse", "--is-inside-work-tree", NULL};
	struct git g;
	char line[16] = "";
	int started = git_start(&g, dir, args, GIT_IN_NONE, 0) == 0;

	if (!started || fgets(line, sizeof line, g.out) == NULL)
		line[0] = '\0';
	return git_finish(&g) == 0 && started && strncmp(line, "true", 4) == 0;
}

/* Reads every output line (up to delim) of git -C dir args into out. */
static int git_lines(const char *dir, const char *const *args, int delim, struct strlist *out)
{
	struct git g;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	if (git_start(&g, dir, args, GIT_IN_NONE, 0) != 0) {
		git_finish(&g);
		return -1;
	}
	while ((n = getdelim(&line, &cap, delim, g.out)) > 0)
		strlist_add(out, line, (size_t)(line[n - 1] == delim ? n - 1 : n));
	free(line);
	return git_finish(&g) == 0 ? 0 : -1;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorts l and drops repeated strings. */
static void strlist_uniq(struct strlist *l)
{
	size_t i, k = 0;

	if (l->n == 0)
		return;
	qsort(l->items, l->n, sizeof *l->items, cmp_str);
	for (i = 1; i < l->n; i++) {
		if (strcmp(l->items[i], l->items[k]) == 0)
			free(l->items[i]);
		else
			l->items[++k] = l->items[i];
	}
	l->n = k + 1;
}

/* One entry of ls-tree -r -z: "mode type sha\tpath". Adds the name of a
 * Markdown blob (without .md) to ids and its object name to blobs. */
static void take_entry(const char *entry, struct strlist *ids, struct strlist *blobs)
{
	const char *tab = strchr(entry, '\t'), *sha, *base;
	size_t n;

	if (tab == NULL || strncmp(entry + strcspn(entry, " "), " blob ", 6) != 0)
		return;
	n = strlen(tab + 1);
	if (n < 4 || strcmp(tab + 1 + n - 3, ".md") != 0)
		return;
	sha = entry + strcspn(entry, " ") + 6;
	strlist_add(blobs, sha, (size_t)(tab - sha));
	base = strrchr(tab + 1, '/');
	base = base ? base + 1 : tab + 1;
	strlist_add(ids, base, strlen(base) - 3);
}

/* Lists the Markdown blobs of every commit in commits. */
static int list_blobs(const char *dir, const struct strlist *commits, struct strlist *ids,
		      struct strlist *blobs)
{
	const char *args[] = {"ls-tree", "-r", "-z", NULL, NULL};
	struct strlist entries = {0};
	size_t i, k;

	for (i = 0; i < commits->n; i++) {
		args[3] = commits->items[i];
		if (git_lines(dir, args, '\0', &entries) != 0) {
			strlist_free(&entries);
			return -1;
		}
		for (k = 0; k < entries.n; k++)
			take_entry(entries.items[k], ids, blobs);
		strlist_free(&entries);
	}
	strlist_uniq(blobs);
	return 0;
}

/* Reads size bytes of a blob (and its closing newline) from f: the first
 * FRONT_READ_MAX into buf, the rest skipped. Returns how many were kept. */
static size_t read_blob(FILE *f, unsigned long size, char *buf)
{
	size_t keep = size < FRONT_READ_MAX ? (size_t)size : FRONT_READ_MAX, got;
	unsigned long rest;

	got = fread(buf, 1, keep, f);
	for (rest = size - got; rest > 0 && got == keep; rest--)
		if (fgetc(f) == EOF)
			break;
	fgetc(f);
	return got;
}

/* Reads each blob's front matter from cat-file --batch and adds its id. */
static int read_blob_ids(const char *dir, const char *id_field, FILE *in, struct strlist *ids)
{
	static const char *const args[] = {"cat-file", "--batch", NULL};
	char header[256], *buf = xmalloc(FRONT_READ_MAX + 1), *id;
	unsigned long size;
	struct git g;
	size_t got;

	if (git_start(&g, dir, args, fileno(in), 0) != 0) {
		git_finish(&g);
		free(buf);
		return -1;
	}
	while (fgets(header, sizeof header, g.out) != NULL) {
		if (sscanf(header, "%*s blob %lu", &size) != 1)
			continue; /* "missing": nothing follows */
		got = read_blob(g.out, size, buf);
		id = git_ids_front_value(buf, got, id_field);
		if (id != NULL)
			strlist_add(ids, id, strlen(id));
		free(id);
	}
	free(buf);
	return git_finish(&g) == 0 ? 0 : -1;
}

/* Writes the blob names, one a line, to a temporary file for cat-file. */
static FILE *blob_list(const struct strlist *blobs)
{
	FILE *f = wfile_scratch();
	size_t i;

	if (f == NULL)
		return NULL;
	for (i = 0; i < blobs->n; i++)
		fprintf(f, "%s\n", blobs->items[i]);
	if (fflush(f) != 0 || fseek(f, 0, SEEK_SET) != 0) {
		fclose(f);
		return NULL;
	}
	return f;
}

int git_ids_collect(const char *dir, const char *id_field, struct strlist *ids, char *msg,
		    size_t msglen)
{
	static const char *const refs[] = {"for-each-ref", "--format=%(objectname)", "refs/heads",
					   "refs/remotes", NULL};
	struct strlist commits = {0}, blobs = {0};
	FILE *list = NULL;
	int rc = -1;

	if (!in_repository(dir))
		return 0;
	if (git_lines(dir, refs, '\n', &commits) != 0)
		goto out;
	strlist_uniq(&commits);
	if (list_blobs(dir, &commits, ids, &blobs) != 0)
		goto out;
	list = blob_list(&blobs);
	if (list != NULL && read_blob_ids(dir, id_field, list, ids) == 0)
		rc = 0;
out:
	if (rc != 0)
		snprintf(msg, msglen,
			 _("could not read the ids in the other Git branches (git failed)"));
	if (list != NULL)
		fclose(list);
	strlist_free(&commits);
	strlist_free(&blobs);
	return rc;
}

/* Returns the length of the line at p (up to end), without its newline. */
static size_t line_len(const char *p, const char *end)
{
	const char *nl = memchr(p, '\n', (size_t)(end - p));

	return (size_t)((nl ? nl : end) - p);
}

/* The value after "field:" on a line, trimmed, without quotes or comment. */
static char *line_value(const char *p, size_t n)
{
	const char *end = p + n;

	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	while (end > p && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
		end--;
	if (end - p >= 2 && (*p == '\'' || *p == '"') && end[-1] == *p) {
		p++;
		end--;
	} else if (memchr(p, '#', (size_t)(end - p)) != NULL) {
		end = memchr(p, '#', (size_t)(end - p));
		while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
	}
	return end > p ? xstrndup(p, (size_t)(end - p)) : NULL;
}

char *git_ids_front_value(const char *text, size_t len, const char *id_field)
{
	const char *p = text, *end = text + len;
	size_t n, f = strlen(id_field);

	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	n = line_len(p, end);
	if (n < 3 || memcmp(p, "---", 3) != 0)
		return NULL;
	for (p += n + 1; p < end; p += n + 1) {
		n = line_len(p, end);
		if (n >= 3 && (memcmp(p, "---", 3) == 0 || memcmp(p, "...", 3) == 0))
			return NULL;
		if (n > f && memcmp(p, id_field, f) == 0 && p[f] == ':')
			return line_value(p + f + 1, n - f - 1);
	}
	return NULL;
}
