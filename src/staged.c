/* staged.c - checking the records as the Git index holds them (clerk check --staged). */
#include "staged.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util.h"
#include "i18n.h"

extern char **environ;

/* Git's output is read whole; a list of file names longer than this is not
 * a records repository clerk can check in one go. */
#define GIT_OUTPUT_MAX ((size_t)256 * 1024 * 1024)

/* ------------------------------------------------------ running git */

/* A git process: its id and the ends of its pipes that clerk holds. */
struct git {
	pid_t pid;
	FILE *in;  /* its standard input, or NULL */
	FILE *out; /* its standard output */
};

/* Starts git with args (NULL-terminated, without "git"); its standard
 * error is kept when keep_stderr, else goes to /dev/null. Returns 0, or -1
 * when it could not be started. */
static int git_start(struct git *g, const char *const *args, int with_stdin, int keep_stderr)
{
	posix_spawn_file_actions_t fa;
	int out[2] = {-1, -1}, in[2] = {-1, -1}, rc = -1;
	char *argv[16];
	size_t n = 0;

	argv[n++] = (char *)"git";
	while (*args != NULL && n < sizeof argv / sizeof *argv - 1)
		argv[n++] = (char *)*args++;
	argv[n] = NULL;
	memset(g, 0, sizeof *g);
	if (pipe(out) != 0 || (with_stdin && pipe(in) != 0))
		goto out;
	if (posix_spawn_file_actions_init(&fa) != 0)
		goto out;
	posix_spawn_file_actions_adddup2(&fa, out[1], STDOUT_FILENO);
	posix_spawn_file_actions_addclose(&fa, out[0]);
	posix_spawn_file_actions_addclose(&fa, out[1]);
	if (with_stdin) {
		posix_spawn_file_actions_adddup2(&fa, in[0], STDIN_FILENO);
		posix_spawn_file_actions_addclose(&fa, in[0]);
		posix_spawn_file_actions_addclose(&fa, in[1]);
	}
	if (!keep_stderr)
		posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
	if (posix_spawnp(&g->pid, "git", &fa, NULL, argv, environ) == 0)
		rc = 0;
	posix_spawn_file_actions_destroy(&fa);
out:
	if (out[1] >= 0)
		close(out[1]);
	if (in[0] >= 0)
		close(in[0]);
	if (rc == 0)
		g->out = fdopen(out[0], "r");
	if (rc == 0 && with_stdin)
		g->in = fdopen(in[1], "w");
	if (rc == 0 && (g->out == NULL || (with_stdin && g->in == NULL)))
		rc = -1; /* the process is still reaped by git_finish */
	if (g->out == NULL && out[0] >= 0)
		close(out[0]);
	if (g->in == NULL && in[1] >= 0)
		close(in[1]);
	return rc;
}

/* Closes the pipes and waits for git; returns its exit code, or -1 when it
 * did not exit normally or was not started. */
static int git_finish(struct git *g)
{
	int status;

	if (g->in != NULL)
		fclose(g->in);
	if (g->out != NULL)
		fclose(g->out);
	g->in = g->out = NULL;
	if (g->pid <= 0)
		return -1;
	while (waitpid(g->pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* Runs git with args and returns all it wrote (malloc'd, NUL-terminated,
 * its length in *len), or NULL when it could not run or failed. */
static char *git_read(const char *const *args, int keep_stderr, size_t *len)
{
	struct buf b = {0};
	struct git g;
	char chunk[65536];
	size_t n;
	int ok;

	ok = git_start(&g, args, 0, keep_stderr) == 0;
	buf_add(&b, "", 0);
	while (ok && (n = fread(chunk, 1, sizeof chunk, g.out)) > 0) {
		if (b.len + n > GIT_OUTPUT_MAX)
			ok = 0;
		else
			buf_add(&b, chunk, n);
	}
	if (git_finish(&g) != 0)
		ok = 0;
	if (!ok) {
		buf_free(&b);
		return NULL;
	}
	*len = b.len;
	return buf_take(&b);
}

/* ------------------------------------------------------ the index */

/* A record of the staged set: its blob, its path from the repository's top,
 * and whether the next commit adds, changes or renames it. */
struct entry {
	char sha[65];
	const char *path; /* points into the ls-files output */
	int changed;
};

struct staged {
	struct check_run *run;
	char *top;         /* the repository's top folder (absolute) */
	char *cwd_prefix;  /* the current folder from the top: "" or "a/b/" */
	char *root_prefix; /* the records' folder from the top: "" or "records/" */
	struct entry *items;
	size_t n, cap;
	char **changed; /* sorted paths from the top */
	size_t nchanged, changed_cap;
	size_t only_cap; /* of run->only */
};

/* Splits "TOP\nPREFIX\n" from git rev-parse; returns 0 or -1. */
static int read_where(struct staged *s, char **error)
{
	static const char *const args[] = {"rev-parse", "--show-toplevel", "--show-prefix", NULL};
	size_t len;
	char *text = git_read(args, 0, &len), *nl, *real;

	if (text == NULL) {
		*error =
		    xstrdup("--staged checks what is staged in Git, but this folder is not in a "
			    "Git repository with a working tree (or git is not installed); run "
			    "it inside the repository of the records");
		return -1;
	}
	nl = strchr(text, '\n');
	if (nl != NULL)
		*nl = '\0';
	real = realpath(text, NULL);
	s->top = real != NULL ? real : xstrdup(text);
	s->cwd_prefix = xstrdup(nl != NULL ? nl + 1 : "");
	nl = strchr(s->cwd_prefix, '\n');
	if (nl != NULL)
		*nl = '\0';
	free(text);
	return 0;
}

/* Sets root_prefix: the configuration's folder from the top. Returns 0, or
 * -1 when it lies outside the repository. */
static int find_root(struct staged *s, char **error)
{
	const char *root = s->run->project->cfg.root;
	size_t n = strlen(s->top);

	if (strcmp(root, s->top) == 0) {
		s->root_prefix = xstrdup("");
		return 0;
	}
	if (strncmp(root, s->top, n) == 0 && (root[n] == '/' || strcmp(s->top, "/") == 0)) {
		s->root_prefix = xasprintf("%s/", root + n + (root[n] == '/'));
		return 0;
	}
	*error = xasprintf(_("the records' folder %s (where .clerk.yml is) is not inside the Git "
			     "repository %s, so --staged cannot check it"),
			   root, s->top);
	return -1;
}

/* True when the file at relpath (from the records' folder) belongs to the
 * set as `clerk check` walks it: a .md file, no part hidden or excluded. */
static int in_set(const struct config *cfg, const char *relpath)
{
	size_t n = strlen(relpath), i;
	int keep = n > 3 && strcmp(relpath + n - 3, ".md") == 0;
	char *part;

	for (i = 0; keep && i <= n; i++) {
		if ((i == 0 || relpath[i - 1] == '/') && relpath[i] == '.')
			keep = 0;
		if (keep && (i == n || relpath[i] == '/')) {
			part = xstrndup(relpath, i);
			keep = !config_excluded(cfg, part);
			free(part);
		}
	}
	return keep;
}

static int path_compare(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads the paths the next commit adds, changes or renames into s->changed
 * (pointers into the returned text, which the caller frees), or NULL. */
static char *read_changed(struct staged *s)
{
	static const char *const args[] = {
	    "-c", "core.quotePath=false", "diff",          "--cached", "--name-only",
	    "-z", "--diff-filter=ACMR",   "--no-ext-diff", "--",       ":/",
	    NULL};
	size_t len;
	char *text = git_read(args, 1, &len), *p;

	if (text == NULL)
		return NULL;
	for (p = text; p < text + len; p += strlen(p) + 1) {
		xgrow((void **)&s->changed, &s->changed_cap, s->nchanged, sizeof *s->changed);
		s->changed[s->nchanged++] = p;
	}
	if (s->nchanged > 1)
		qsort(s->changed, s->nchanged, sizeof *s->changed, path_compare);
	return text;
}

/* Parses one "MODE SHA STAGE\tPATH" entry of ls-files -s; keeps a regular
 * file at stage 0 that belongs to the set. */
static void add_entry(struct staged *s, const char *line)
{
	const struct config *cfg = &s->run->project->cfg;
	size_t nroot = strlen(s->root_prefix);
	const char *tab = strchr(line, '\t'), *sp1 = strchr(line, ' '), *sp2, *path;
	struct entry *e;

	if (tab == NULL || sp1 == NULL ||
	    (strncmp(line, "100644 ", 7) != 0 && strncmp(line, "100755 ", 7) != 0))
		return; /* symbolic links, submodules */
	sp2 = strchr(sp1 + 1, ' ');
	if (sp2 == NULL || sp2 > tab || sp2 - sp1 - 1 >= (long)sizeof e->sha ||
	    strncmp(sp2, " 0\t", 3) != 0)
		return; /* not merged yet */
	path = tab + 1;
	if (strncmp(path, s->root_prefix, nroot) != 0 || !in_set(cfg, path + nroot))
		return;
	xgrow((void **)&s->items, &s->cap, s->n, sizeof *s->items);
	e = &s->items[s->n++];
	memcpy(e->sha, sp1 + 1, (size_t)(sp2 - sp1 - 1));
	e->sha[sp2 - sp1 - 1] = '\0';
	e->path = path;
	e->changed = s->nchanged > 0 && bsearch(&path, s->changed, s->nchanged, sizeof *s->changed,
						path_compare) != NULL;
}

/* Lists the staged set; returns the ls-files text the entries point into. */
static char *read_index(struct staged *s)
{
	static const char *const args[] = {"ls-files", "-s", "-z", "--full-name", "--", ":/", NULL};
	size_t len;
	char *text = git_read(args, 1, &len), *p;

	if (text == NULL)
		return NULL;
	for (p = text; p < text + len; p += strlen(p) + 1)
		add_entry(s, p);
	return text;
}

/* ------------------------------------------------------ the blobs */

/* Keeps the text of a file reported on, for the writers that show lines. */
static void hold_text(struct check_run *run, const char *path, char *text, size_t len)
{
	struct held_text *h;

	xgrow((void **)&run->texts, &run->ntexts_cap, run->ntexts, sizeof *run->texts);
	h = &run->texts[run->ntexts++];
	h->path = xstrdup(path);
	h->text = text;
	h->len = len;
}

/* Reads the next blob of cat-file --batch; checks it as src. Returns 0, or
 * -1 when git's answer cannot be read. */
static int check_blob(struct staged *s, struct git *g, const struct source *src, int changed)
{
	const struct project *p = s->run->project;
	char header[256], found[32], limit[32], *why, *text = NULL;
	unsigned long size;
	struct file_result *r;

	if (fgets(header, sizeof header, g->out) == NULL ||
	    sscanf(header, "%*s blob %lu", &size) != 1)
		return -1;
	if (size > p->cfg.max_file_size) {
		format_size(size, found, sizeof found);
		format_size((unsigned long)p->cfg.max_file_size, limit, sizeof limit);
		why = xasprintf(_("the file is %s, more than the limit of %s"), found, limit);
		r = check_unread(p, src, why);
		free(why);
		for (; size > 0 && fgetc(g->out) != EOF; size--)
			;
	} else {
		text = xmalloc((size_t)size + 1);
		if (fread(text, 1, (size_t)size, g->out) != (size_t)size) {
			free(text);
			return -1;
		}
		text[size] = '\0';
		r = check_text(p, src, text, (size_t)size);
	}
	fgetc(g->out); /* the line break after the contents */
	check_add(s->run, r);
	if (changed && text != NULL)
		hold_text(s->run, src->path, text, (size_t)size);
	else
		free(text);
	return 0;
}

/* Checks every entry, reading the blobs one by one through cat-file. */
static int check_blobs(struct staged *s)
{
	static const char *const args[] = {"cat-file", "--batch", NULL};
	size_t nroot = strlen(s->root_prefix), i;
	struct source src;
	struct git g;
	int rc = git_start(&g, args, 1, 1);
	void (*old)(int) = signal(SIGPIPE, SIG_IGN);

	for (i = 0; rc == 0 && i < s->n; i++) {
		src.path = path_from(s->cwd_prefix, s->items[i].path);
		src.relpath = (char *)s->items[i].path + nroot;
		src.named = 0;
		src.chosen = s->items[i].changed;
		if (fprintf(g.in, "%s\n", s->items[i].sha) < 0 || fflush(g.in) != 0 ||
		    check_blob(s, &g, &src, s->items[i].changed) != 0)
			rc = -1;
		if (rc == 0 && s->items[i].changed) {
			xgrow((void **)&s->run->only, &s->only_cap, s->run->nonly,
			      sizeof *s->run->only);
			s->run->only[s->run->nonly++] = src.path;
		} else
			free(src.path);
	}
	if (git_finish(&g) != 0)
		rc = -1;
	signal(SIGPIPE, old);
	return rc;
}

/* ------------------------------------------------------ the run */

static void staged_free(struct staged *s)
{
	free(s->top);
	free(s->cwd_prefix);
	free(s->root_prefix);
	free(s->items);
	free(s->changed);
}

/* Returns how many entries the next commit adds, changes or renames. */
static size_t count_changed(const struct staged *s)
{
	size_t i, n = 0;

	for (i = 0; i < s->n; i++)
		n += s->items[i].changed != 0;
	return n;
}

long check_staged(struct check_run *run, char **error)
{
	struct staged s = {0};
	char *changed = NULL, *index = NULL;
	long rc = -1;

	s.run = run;
	*error = NULL;
	if (read_where(&s, error) != 0 || find_root(&s, error) != 0)
		goto out;
	changed = read_changed(&s);
	index = changed != NULL ? read_index(&s) : NULL;
	if (index == NULL) {
		*error = xstrdup("git could not list what is staged (see its message above)");
		goto out;
	}
	rc = (long)count_changed(&s);
	/* An empty list of files to report on reports on none. */
	run->only = xmalloc(sizeof *run->only);
	s.only_cap = 1;
	if (rc > 0 && check_blobs(&s) != 0) {
		*error = xstrdup("git could not give the staged version of a record (see its "
				 "message above)");
		rc = -1;
		goto out;
	}
	if (run->nonly > 1)
		qsort(run->only, run->nonly, sizeof *run->only, path_compare);
	check_finish(run);
out:
	free(changed);
	free(index);
	staged_free(&s);
	return rc;
}
