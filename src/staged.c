/* SPDX-License-Identifier: EUPL-1.2 */
/* staged.c - checking the records as the Git index holds them (clerk check --staged). */
#include "staged.h"

#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cache.h"
#include "git.h"
#include "i18n.h"
#include "pattern.h"
#include "rules.h"
#include "util.h"
#include "version.h"

/* ------------------------------------------------------ the index */

/* A record the commit deletes (or renames away): its path from the current
 * folder and from the top, its id and its absolute path. */
struct gone {
	char *path;
	char *top_path;
	char *id;
	char *real;
};

/* A record of the staged set: its blob, its path from the repository's top,
 * and whether the next commit adds, changes or renames it. */
struct entry {
	char sha[65];
	const char *path; /* points into the ls-files output */
	int changed;
};

/* Where the current folder lies in the repository. */
struct git_where {
	char *top;        /* the repository's top folder (absolute) */
	char *cwd_prefix; /* the current folder from the top: "" or "a/b/" */
};

struct staged {
	struct check_run *run;
	struct git_where w;
	char *root_prefix; /* the records' folder from the top: "" or "records/" */
	int whole;         /* the commit changes .clerk.yml or a schema: report on all */
	struct gone *gone; /* records the commit deletes or renames away */
	size_t ngone, gone_cap;
	struct entry *items;
	size_t n, cap;
	const char *index; /* the ls-files -s -z text the items point into */
	size_t index_len;
	char **changed; /* sorted paths from the top */
	size_t nchanged, changed_cap;
	size_t only_cap; /* of run->only */
};

/* Sets the repository's top from git rev-parse (only its last line break
 * is cut, so a top folder whose name holds a line break works) and the
 * current folder from there. Returns 0, or -1 with *error. */
static int read_where(struct git_where *w, char **error)
{
	static const char *const args[] = {"rev-parse", "--show-toplevel", NULL};
	size_t len;
	char *text = git_read(NULL, args, 0, &len), *real, *cwd = realpath(".", NULL);
	const char *rel;

	if (text == NULL || len == 0 || cwd == NULL) {
		*error = xstrdup(_("--staged checks what is staged in Git, but this folder is not "
				   "in a Git repository with a working tree (or git is not "
				   "installed); run it inside the repository of the records"));
		free(text);
		free(cwd);
		return -1;
	}
	text[len - 1] = text[len - 1] == '\n' ? '\0' : text[len - 1];
	real = realpath(text, NULL);
	w->top = real != NULL ? real : xstrdup(text);
	rel = strncmp(cwd, w->top, strlen(w->top)) == 0 ? cwd + strlen(w->top) : "";
	rel += *rel == '/';
	w->cwd_prefix = *rel != '\0' ? xasprintf("%s/", rel) : xstrdup("");
	free(text);
	free(cwd);
	return 0;
}

/* Returns path (from the current folder, or absolute) from the repository's
 * top, lexically: "." and ".." parts are resolved (malloc'd). */
static char *from_top(const struct git_where *w, const char *path)
{
	struct buf b = {0};
	char *whole, *part, *save = NULL;
	size_t n = strlen(w->top);

	if (path[0] == '/')
		whole =
		    xstrdup(strncmp(path, w->top, n) == 0 && path[n] == '/' ? path + n + 1 : path);
	else
		whole = xasprintf("%s%s", w->cwd_prefix, path);
	for (part = strtok_r(whole, "/", &save); part != NULL; part = strtok_r(NULL, "/", &save)) {
		if (strcmp(part, ".") == 0)
			continue;
		if (strcmp(part, "..") == 0) {
			while (b.len > 0 && b.data[b.len - 1] != '/')
				b.len--;
			if (b.len > 0)
				b.len--;
			if (b.data != NULL)
				b.data[b.len] = '\0';
			continue;
		}
		if (b.len > 0)
			buf_puts(&b, "/");
		buf_puts(&b, part);
	}
	free(whole);
	return buf_take(&b);
}

/* Sets root_prefix: the configuration's folder from the top. Returns 0, or
 * -1 when it lies outside the repository. */
static int find_root(struct staged *s, char **error)
{
	const char *root = s->run->project->root_real;
	size_t n = strlen(s->w.top);

	if (strcmp(root, s->w.top) == 0) {
		s->root_prefix = xstrdup("");
		return 0;
	}
	if (strncmp(root, s->w.top, n) == 0 && (root[n] == '/' || strcmp(s->w.top, "/") == 0)) {
		s->root_prefix = xasprintf("%s/", root + n + (root[n] == '/'));
		return 0;
	}
	*error = xasprintf(_("the records' folder %s (where .clerk.yml is) is not inside the Git "
			     "repository %s, so --staged cannot check it"),
			   root, s->w.top);
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

/* True when top_path (from the top) is the configuration or lies in a
 * schema folder of it: a commit that changes it can change every finding. */
static int is_setting(const struct staged *s, const char *top_path)
{
	const struct config *cfg = &s->run->project->cfg;
	char *file, *dir;
	size_t i, n;
	int hit = 0;

	if (cfg->file != NULL) {
		file = from_top(&s->w, cfg->file);
		hit = strcmp(file, top_path) == 0;
		free(file);
	}
	for (i = 0; !hit && i < cfg->nschema_dirs; i++) {
		dir = from_top(&s->w, cfg->schema_dirs[i]);
		n = strlen(dir);
		hit = n == 0 || (strncmp(top_path, dir, n) == 0 && top_path[n] == '/');
		free(dir);
	}
	return hit;
}

/* Remembers a record the commit takes away (path from the top). */
static void add_gone(struct staged *s, const char *top_path)
{
	size_t nroot = strlen(s->root_prefix);
	struct gone *g;

	if (strncmp(top_path, s->root_prefix, nroot) != 0 ||
	    !in_set(&s->run->project->cfg, top_path + nroot))
		return;
	xgrow((void **)&s->gone, &s->gone_cap, s->ngone, sizeof *s->gone);
	g = &s->gone[s->ngone++];
	g->path = path_from(s->w.cwd_prefix, top_path);
	g->top_path = xstrdup(top_path);
	g->id = NULL;
	g->real = xasprintf("%s/%s", strcmp(s->w.top, "/") == 0 ? "" : s->w.top, top_path);
}

/* Reads what the next commit changes: the paths it adds, changes or renames
 * into s->changed (pointers into the returned text, which the caller
 * frees), the records it deletes or renames away into s->gone; sets
 * s->whole when it changes the configuration or a schema. NULL when git
 * cannot say. */
static char *read_changed(struct staged *s)
{
	static const char *const args[] = {
	    "-c", "core.quotePath=false", "diff",          "--cached", "--name-status",
	    "-z", "--no-renames",         "--no-ext-diff", "--",       ":/",
	    NULL};
	size_t len;
	char *text = git_read(NULL, args, 1, &len), *p, *path;
	char status;

	if (text == NULL)
		return NULL;
	for (p = text; p < text + len; p += strlen(p) + 1) {
		status = *p;
		path = p + strlen(p) + 1;
		if (path >= text + len)
			break;
		p = path;
		s->whole |= is_setting(s, path);
		if (status == 'D') {
			add_gone(s, path);
			continue;
		}
		xgrow((void **)&s->changed, &s->changed_cap, s->nchanged, sizeof *s->changed);
		s->changed[s->nchanged++] = path;
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
	char *text = git_read(NULL, args, 1, &len), *p;

	if (text == NULL)
		return NULL;
	for (p = text; p < text + len; p += strlen(p) + 1)
		add_entry(s, p);
	s->index = text;
	s->index_len = len;
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

/* Reads the next blob of cat-file --batch, that of item; checks it as src
 * and, when slot is given, puts the result there for the cache c. Returns
 * 0, or -1 when git's answer cannot be read. */
static int check_blob(struct staged *s, struct git *g, const struct source *src,
		      const struct entry *item, const struct cache *c, struct cache_slot *slot)
{
	int changed = item->changed;
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
		if (slot != NULL)
			cache_staged_keep(c, src, item->sha, r, slot);
	}
	fgetc(g->out); /* the line break after the contents */
	check_add(s->run, r);
	if (changed && text != NULL)
		hold_text(s->run, src->path, text, (size_t)size);
	else
		free(text);
	return 0;
}

static int index_entry(const char *e, char sha[65], const char **path);

/* Returns the object ids of the staged configuration and schemas, one
 * "PATH ID" a line (malloc'd): what the cache of staged blobs depends on
 * besides the blobs. */
static char *settings_ids(const struct staged *s)
{
	struct buf b = {0};
	const char *e, *path;
	char sha[65];

	buf_add(&b, "", 0);
	for (e = s->index; e < s->index + s->index_len; e += strlen(e) + 1)
		if (index_entry(e, sha, &path) && is_setting(s, path)) {
			buf_puts(&b, path);
			buf_add(&b, " ", 1);
			buf_puts(&b, sha);
			buf_add(&b, "\n", 1);
		}
	return buf_take(&b);
}

/* Checks item (a record not changed by the commit) from the cache; returns
 * 1 when its result was found there and added to the run. */
static int from_cache(struct staged *s, const struct cache *c, const struct source *src,
		      const struct entry *item, struct cache_slot *slot)
{
	struct file_result *r = c != NULL && !item->changed
				    ? cache_staged_find(c, s->run->project, src, item->sha, slot)
				    : NULL;

	if (r == NULL)
		return 0;
	check_add(s->run, r);
	s->run->cached++;
	return 1;
}

/* Keeps the slots' entries in the cache, unless a pattern gave up (then a
 * result may be wrong and the run fails anyway). */
static void keep_cache(struct cache *c, struct cache_slot *slots, size_t n, int rc)
{
	size_t failures, i;

	if (c == NULL)
		return;
	pattern_failures(&failures);
	if (rc == 0 && failures == 0)
		cache_save(c, slots, n);
	else
		for (i = 0; i < n; i++)
			free(slots[i].entry);
	free(slots);
	cache_free(c);
}

/* Checks every entry: from the cache when its blob's result is kept there,
 * else reading the blob through cat-file (one by one). */
static int check_blobs(struct staged *s)
{
	static const char *const args[] = {"cat-file", "--batch", NULL};
	size_t nroot = strlen(s->root_prefix), i;
	char *settings = s->run->no_cache ? NULL : settings_ids(s);
	struct cache *c =
	    settings != NULL ? cache_open_staged(s->run->project, CLERK_VERSION, settings) : NULL;
	struct cache_slot *slots = c != NULL ? xcalloc(s->n ? s->n : 1, sizeof *slots) : NULL;
	struct cache_slot *slot;
	struct source src;
	struct git g;
	int rc = git_start(&g, NULL, args, GIT_IN_PIPE, 1);
	void (*old)(int) = signal(SIGPIPE, SIG_IGN);

	free(settings);
	for (i = 0; rc == 0 && i < s->n; i++) {
		src.path = path_from(s->w.cwd_prefix, s->items[i].path);
		src.relpath = (char *)s->items[i].path + nroot;
		src.abs =
		    path_join_lexical(s->run->project->root_real, src.relpath, strlen(src.relpath));
		src.named = 0;
		src.chosen = s->items[i].changed;
		slot = slots != NULL ? &slots[i] : NULL;
		if (!from_cache(s, c, &src, &s->items[i], slot) &&
		    (fprintf(g.in, "%s\n", s->items[i].sha) < 0 || fflush(g.in) != 0 ||
		     check_blob(s, &g, &src, &s->items[i], c, slot) != 0))
			rc = -1;
		if (rc == 0 && s->items[i].changed) {
			xgrow((void **)&s->run->only, &s->only_cap, s->run->nonly,
			      sizeof *s->run->only);
			s->run->only[s->run->nonly++] = src.path;
		} else
			free(src.path);
		free(src.abs);
	}
	if (git_finish(&g) != 0)
		rc = -1;
	signal(SIGPIPE, old);
	keep_cache(c, slots, s->n, rc);
	return rc;
}

/* ------------------------------------------------------ the run */

static void staged_free(struct staged *s)
{
	size_t i;

	for (i = 0; i < s->ngone; i++) {
		free(s->gone[i].path);
		free(s->gone[i].top_path);
		free(s->gone[i].id);
		free(s->gone[i].real);
	}
	free(s->gone);
	free(s->w.top);
	free(s->w.cwd_prefix);
	free(s->root_prefix);
	free(s->items);
	free(s->changed);
}

/* Returns how many entries the next commit adds, changes or renames
 * (every entry when it changes the configuration or a schema). */
static size_t count_changed(struct staged *s)
{
	size_t i, n = 0;

	for (i = 0; i < s->n; i++) {
		s->items[i].changed |= s->whole;
		n += s->items[i].changed != 0;
	}
	return n;
}

/* Reads the id of each record the commit takes away, from its version in
 * HEAD. */
static void read_gone_ids(struct staged *s)
{
	const struct project *p = s->run->project;
	const char *args[] = {"cat-file", "blob", NULL, NULL};
	struct file_result *r;
	struct source src;
	size_t i, len, nroot = strlen(s->root_prefix);
	char *rev, *text;

	for (i = 0; i < s->ngone; i++) {
		rev = xasprintf("HEAD:%s", s->gone[i].top_path);
		args[2] = rev;
		text = git_read(NULL, args, 0, &len);
		free(rev);
		if (text == NULL || len > p->cfg.max_file_size) {
			free(text);
			continue;
		}
		src = (struct source){.path = s->gone[i].path,
				      .relpath = s->gone[i].top_path + nroot};
		r = check_text(p, &src, text, len);
		if (r->summary != NULL && r->summary->id != NULL)
			s->gone[i].id = xstrdup(r->summary->id);
		file_result_free(r);
		free(text);
	}
}

/* Returns the record taken away that a reference (an id) or a link (an
 * absolute path) of a staged record names, or NULL. An id another staged
 * record still has is not gone. */
static const struct gone *gone_cited(const struct staged *s, const char *id, const char *target)
{
	size_t i, k;

	for (i = 0; i < s->ngone; i++) {
		if (target != NULL && strcmp(s->gone[i].real, target) == 0)
			return &s->gone[i];
		if (id == NULL || s->gone[i].id == NULL || strcmp(s->gone[i].id, id) != 0)
			continue;
		for (k = 0; k < s->run->nrecords; k++)
			if (s->run->records[k]->id != NULL &&
			    strcmp(s->run->records[k]->id, id) == 0)
				return NULL;
		return &s->gone[i];
	}
	return NULL;
}

/* A citation of a record the commit takes away. */
struct orphan {
	const char *path;
	int line, col;
	const struct gone *gone;
};

/* Reports also on the staged records that cite a record the commit takes
 * away; returns their citations (malloc'd, count in *n). */
static struct orphan *find_orphans(struct staged *s, size_t *n)
{
	struct orphan *out = NULL;
	const struct summary *r;
	const struct gone *g;
	size_t i, k, cap = 0, nref;
	int added;

	*n = 0;
	for (i = 0; s->ngone > 0 && i < s->run->nrecords; i++) {
		r = s->run->records[i];
		added = 0;
		nref = r->nrefs + r->nlinks;
		for (k = 0; k < nref; k++) {
			g = k < r->nrefs ? gone_cited(s, r->refs[k].value, NULL)
					 : gone_cited(s, NULL, r->links[k - r->nrefs].target);
			if (g == NULL)
				continue;
			xgrow((void **)&out, &cap, *n, sizeof *out);
			out[(*n)++] = (struct orphan){
			    r->path, k < r->nrefs ? r->refs[k].line : r->links[k - r->nrefs].line,
			    k < r->nrefs ? r->refs[k].col : r->links[k - r->nrefs].col, g};
			if (!added && !check_chosen(s->run, r->path)) {
				xgrow((void **)&s->run->only, &s->only_cap, s->run->nonly,
				      sizeof *s->run->only);
				s->run->only[s->run->nonly++] = xstrdup(r->path);
			}
			added = 1;
		}
	}
	return out;
}

/* Names the record taken away as the related place of each finding on a
 * citation of it. */
static void relate_orphans(struct check_run *run, const struct orphan *o, size_t n)
{
	struct diag *d;
	size_t i, k;

	for (i = 0; i < run->diags.n; i++) {
		d = &run->diags.items[i];
		if (d->rule != RULE_REF_UNRESOLVED && d->rule != RULE_LINK_BROKEN)
			continue;
		for (k = 0; k < n; k++)
			if (o[k].line == d->line && o[k].col == d->col &&
			    strcmp(o[k].path, d->path) == 0)
				diag_add_related(d, o[k].gone->path, 1, 1,
						 N_("the record this commit deletes"));
	}
}

/* Returns the reference of a shown record that d (ref-unresolved) is
 * about, or NULL. */
static const struct summary_ref *unresolved_ref(const struct check_run *run, const struct diag *d)
{
	const struct summary *r;
	size_t i, k;

	for (i = 0; i < run->nrecords; i++) {
		r = run->records[i];
		if (strcmp(r->path, d->path) != 0)
			continue;
		for (k = 0; k < r->nrefs; k++)
			if (r->refs[k].line == d->line && r->refs[k].col == d->col &&
			    r->refs[k].value != NULL)
				return &r->refs[k];
	}
	return NULL;
}

/* True when a record of the working tree (staged or not) has the id. */
static int id_in_tree(const struct check_run *tree, const char *id)
{
	size_t i;

	for (i = 0; i < tree->nrecords; i++)
		if (tree->records[i]->id != NULL && strcmp(tree->records[i]->id, id) == 0)
			return 1;
	return 0;
}

/* Says "X exists but is not staged; git add it" on each reference to an id
 * that only a record of the working tree has. The working tree is read
 * only when a reference is unresolved. */
static void hint_not_staged(struct check_run *run)
{
	const struct project *p = run->project;
	const struct summary_ref *ref;
	struct check_run tree;
	int loaded = 0;
	struct diag *d;
	size_t i;

	for (i = 0; i < run->diags.n; i++) {
		d = &run->diags.items[i];
		ref = d->rule == RULE_REF_UNRESOLVED ? unresolved_ref(run, d) : NULL;
		if (ref == NULL)
			continue;
		if (!loaded) {
			check_init(&tree, p, run->as_of);
			check_paths(&tree, (char *const *)&p->root, 1);
			loaded = 1;
		}
		if (!id_in_tree(&tree, ref->value))
			continue;
		free(d->message);
		d->message = xasprintf(_("field '%s': %s exists but is not staged; git add it"),
				       ref->spec->name, ref->value);
		free(d->help);
		d->help = NULL;
		if (d->fix != NULL)
			free(d->fix->text);
		free(d->fix);
		d->fix = NULL;
	}
	if (loaded)
		check_free(&tree);
}

long check_staged(struct check_run *run, char **error)
{
	struct staged s = {0};
	struct orphan *orphans = NULL;
	char *changed = NULL, *index = NULL;
	size_t norphans = 0;
	long rc = -1;

	s.run = run;
	*error = NULL;
	if (read_where(&s.w, error) != 0 || find_root(&s, error) != 0)
		goto out;
	changed = read_changed(&s);
	index = changed != NULL ? read_index(&s) : NULL;
	if (index == NULL) {
		*error = xstrdup(_("git could not list what is staged (see its message above)"));
		goto out;
	}
	rc = (long)count_changed(&s);
	/* An empty list of files to report on reports on none. */
	run->only = xmalloc(sizeof *run->only);
	s.only_cap = 1;
	if ((rc > 0 || s.ngone > 0) && check_blobs(&s) != 0) {
		*error = xstrdup(_("git could not give the staged version of a record (see its "
				   "message above)"));
		rc = -1;
		goto out;
	}
	if (run->nonly > 1)
		qsort(run->only, run->nonly, sizeof *run->only, path_compare);
	read_gone_ids(&s);
	orphans = find_orphans(&s, &norphans);
	rc += (long)norphans;
	if (run->nonly > 1)
		qsort(run->only, run->nonly, sizeof *run->only, path_compare);
	check_finish(run);
	relate_orphans(run, orphans, norphans);
	hint_not_staged(run);
out:
	free(orphans);
	free(changed);
	free(index);
	staged_free(&s);
	return rc;
}

/* ------------------------------------------------ the staged configuration */

/* The entries of ls-files -s -z: each "MODE SHA STAGE\tPATH". */
struct index_list {
	const struct git_where *w;
	char *text;
	size_t len;
};

/* Returns the blob name and path of entry e (a regular file at stage 0),
 * or 0 when it is something else. */
static int index_entry(const char *e, char sha[65], const char **path)
{
	const char *tab = strchr(e, '\t'), *sp1 = strchr(e, ' '), *sp2;

	if (tab == NULL || sp1 == NULL ||
	    (strncmp(e, "100644 ", 7) != 0 && strncmp(e, "100755 ", 7) != 0))
		return 0;
	sp2 = strchr(sp1 + 1, ' ');
	if (sp2 == NULL || sp2 > tab || sp2 - sp1 - 1 >= 65 || strncmp(sp2, " 0\t", 3) != 0)
		return 0;
	memcpy(sha, sp1 + 1, (size_t)(sp2 - sp1 - 1));
	sha[sp2 - sp1 - 1] = '\0';
	*path = tab + 1;
	return 1;
}

/* Returns the blob's text (malloc'd, length in *len), or NULL. */
static char *read_blob(const char *sha, size_t *len)
{
	const char *args[] = {"cat-file", "blob", sha, NULL};

	return git_read(NULL, args, 0, len);
}

static int is_schema_name(const char *name)
{
	size_t n = strlen(name);

	return name[0] != '.' && ((n > 4 && strcmp(name + n - 4, ".yml") == 0) ||
				  (n > 5 && strcmp(name + n - 5, ".yaml") == 0));
}

/* Reads the schemas of the folder dir from the index (project_schema_loader);
 * a folder of which the index holds no schema is read from disk. */
static int index_schemas(struct schema_set *set, const char *dir, struct config_error *err,
			 void *data)
{
	const struct index_list *ix = data;
	char *top_dir = from_top(ix->w, dir), *text, *shown, sha[65];
	const char *e, *path, *name;
	size_t n = strlen(top_dir), len;
	struct schema *sc;
	int rc = 0, found = 0;

	for (e = ix->text; rc == 0 && e < ix->text + ix->len; e += strlen(e) + 1) {
		if (!index_entry(e, sha, &path) || strncmp(path, top_dir, n) != 0 ||
		    (n > 0 && path[n] != '/'))
			continue;
		name = path + n + (n > 0);
		if (strchr(name, '/') != NULL || !is_schema_name(name))
			continue;
		found = 1;
		shown = path_from(ix->w->cwd_prefix, path);
		text = read_blob(sha, &len);
		if (text == NULL) {
			rc = config_error_set(err, shown, 0, 0,
					      "git could not give the staged version of this "
					      "schema");
		} else {
			sc = schema_parse(shown, text, len, err);
			if (sc == NULL)
				rc = -1;
			else
				schema_set_put(set, sc);
		}
		free(text);
		free(shown);
	}
	free(top_dir);
	return rc != 0 || found ? rc : schema_set_add_dir(set, dir, err);
}

/* Returns the staged .clerk.yml (or .clerk.yaml) that applies from the
 * current folder: the nearest one at or above it, else the only one below
 * it; NULL when there is none (*several set when there are several below
 * it, or when the nearest folder holds both names). Points into ix. */
static const char *staged_config(const struct index_list *ix, char sha[65], int *several)
{
	const char *e, *path, *slash, *best = NULL, *below = NULL;
	const char *prefix = ix->w->cwd_prefix;
	char esha[65], below_sha[65] = "";
	size_t n, nbest = 0, nbelow = 0;
	int both = 0;

	*several = 0;
	for (e = ix->text; e < ix->text + ix->len; e += strlen(e) + 1) {
		if (!index_entry(e, esha, &path) || !config_is_name(path))
			continue;
		slash = strrchr(path, '/');
		n = slash != NULL ? (size_t)(slash - path) + 1 : 0; /* the folder, with its slash */
		if (best != NULL && n == nbest && strncmp(best, path, n) == 0) {
			both = 1;
		} else if (strncmp(prefix, path, n) == 0 && (best == NULL || n > nbest)) {
			best = path;
			nbest = n;
			both = 0;
			memcpy(sha, esha, sizeof esha);
		} else if (strncmp(path, prefix, strlen(prefix)) == 0) {
			below = path;
			nbelow++;
			memcpy(below_sha, esha, sizeof esha);
		}
	}
	if (both) {
		*several = 1;
		return NULL;
	}
	if (best != NULL || nbelow != 1) {
		*several = best == NULL && nbelow > 1;
		return best;
	}
	memcpy(sha, below_sha, sizeof below_sha);
	return below;
}

int staged_project_open(struct project *p, const char *config_path, struct config_error *err,
			char **error)
{
	static const char *const args[] = {"ls-files", "-s", "-z", "--full-name", "--", ":/", NULL};
	struct git_where w = {0};
	struct index_list ix = {&w, NULL, 0};
	const char *cfg;
	char sha[65], *text = NULL, *shown = NULL;
	size_t len;
	int several, rc = 1;

	memset(p, 0, sizeof *p);
	*error = NULL;
	if (config_path == NULL && read_where(&w, error) == 0)
		ix.text = git_read(NULL, args, 1, &ix.len);
	cfg = ix.text != NULL ? staged_config(&ix, sha, &several) : NULL;
	if (*error != NULL) {
		config_init(&p->cfg);
		goto out;
	}
	rc = -1;
	if (ix.text != NULL && cfg == NULL && several) {
		config_init(&p->cfg);
		config_error_set(err, ".clerk.yml", 0, 0,
				 "Git's index holds several .clerk.yml or .clerk.yaml for this "
				 "folder; keep one per record set and run clerk check --staged in "
				 "the folder of the record set to check, or name its configuration "
				 "with --config");
		goto out;
	}
	text = cfg != NULL ? read_blob(sha, &len) : NULL;
	if (cfg == NULL || text == NULL) {
		rc = project_open(p, config_path, NULL, 0, err);
		goto out;
	}
	shown = path_from(w.cwd_prefix, cfg);
	rc = project_open_text(p, shown, text, len, index_schemas, &ix, err);
out:
	free(text);
	free(shown);
	free(ix.text);
	free(w.top);
	free(w.cwd_prefix);
	return rc;
}

int staged_anything(void)
{
	static const char *const args[] = {"diff", "--cached", "--quiet", "--no-ext-diff", NULL};
	struct git g;
	char chunk[256];
	int rc = git_start(&g, NULL, args, GIT_IN_NONE, 0);

	while (rc == 0 && fread(chunk, 1, sizeof chunk, g.out) > 0)
		;
	rc = git_finish(&g);
	return rc == 0 || rc == 1 ? rc : -1;
}
