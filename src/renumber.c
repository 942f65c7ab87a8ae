/* renumber.c - changing a record's id: edits at the id's places, then all files at once. */
#include "renumber.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"
#include "check.h"
#include "git_ids.h"
#include "load_yaml.h"
#include "record.h"
#include "record_new.h"
#include "rules.h"
#include "util.h"
#include "i18n.h"

/* One replacement in a file's text: len bytes at off become with. */
struct edit {
	size_t off, len;
	const char *with;
};

/* A file that changes: its text, its edits, then its new text and temporary. */
struct change {
	const struct summary *rec;
	char *text;
	size_t len;
	struct edit *edits;
	size_t nedits, cap;
	char *tmp;      /* the temporary holding the new text */
	char *new_path; /* for the renumbered record: where it goes */
};

struct job {
	const char *old_id, *new_id;
	const struct summary *target; /* the record renumbered */
	char *old_base, *new_base;    /* its file name before and after */
	struct change *changes;
	size_t n, cap;
	char *msg;
	size_t msglen;
};

/* ------------------------------------------------------------ places */

/* The byte offset of line (1-based) and character column col in text, or
 * (size_t)-1 when the text is shorter. */
static size_t offset_of(const char *text, size_t len, int line, int col)
{
	size_t off = 0;
	int l, c;

	for (l = 1; l < line; l++) {
		const char *nl = memchr(text + off, '\n', len - off);

		if (nl == NULL)
			return (size_t)-1;
		off = (size_t)(nl - text) + 1;
	}
	for (c = 1; c < col && off < len && text[off] != '\n'; c++) {
		off++;
		while (off < len && ((unsigned char)text[off] & 0xc0) == 0x80)
			off++;
	}
	return c == col ? off : (size_t)-1;
}

/* True when c may end a scalar written without quotes. */
static int ends_plain(const char *text, size_t len, size_t off)
{
	return off >= len || strchr(" \t\r\n,]}#", text[off]) != NULL;
}

/* Finds the id written at line:col (plain or quoted). Returns its offset,
 * or (size_t)-1 when the text there is not exactly the id. */
static size_t id_at(const char *text, size_t len, int line, int col, const char *id)
{
	size_t off = offset_of(text, len, line, col), n = strlen(id);

	if (off == (size_t)-1)
		return off;
	if (off < len && (text[off] == '\'' || text[off] == '"') && off + n + 1 < len &&
	    memcmp(text + off + 1, id, n) == 0 && text[off + 1 + n] == text[off])
		return off + 1;
	if (n <= len - off && memcmp(text + off, id, n) == 0 && ends_plain(text, len, off + n))
		return off;
	return (size_t)-1;
}

/* ----------------------------------------------------------- changes */

static struct change *change_for(struct job *j, const struct summary *rec)
{
	struct read_error rerr;
	struct change *c;
	size_t i;

	for (i = 0; i < j->n; i++)
		if (j->changes[i].rec == rec)
			return &j->changes[i];
	xgrow((void **)&j->changes, &j->cap, j->n, sizeof *j->changes);
	c = &j->changes[j->n++];
	memset(c, 0, sizeof *c);
	c->rec = rec;
	c->text = read_file(rec->path, READ_LIMIT_DEFAULT, &c->len, &rerr);
	if (c->text == NULL)
		snprintf(j->msg, j->msglen, _("cannot read %s: %s"), rec->path, rerr.message);
	return c->text ? c : NULL;
}

static int add_edit(struct change *c, size_t off, size_t len, const char *with)
{
	xgrow((void **)&c->edits, &c->cap, c->nedits, sizeof *c->edits);
	c->edits[c->nedits].off = off;
	c->edits[c->nedits].len = len;
	c->edits[c->nedits++].with = with;
	return 0;
}

/* Replaces the id written at line:col in rec's file. */
static int edit_id_at(struct job *j, const struct summary *rec, int line, int col)
{
	struct change *c = change_for(j, rec);
	size_t off;

	if (c == NULL)
		return -1;
	off = id_at(c->text, c->len, line, col, j->old_id);
	if (off == (size_t)-1) {
		snprintf(
		    j->msg, j->msglen,
		    _("%s:%d:%d: '%s' is not written there as a plain value; change it by hand"),
		    rec->path, line, col, j->old_id);
		return -1;
	}
	return add_edit(c, off, strlen(j->old_id), j->new_id);
}

/* The folder of the body: links are looked for only after the front matter. */
static size_t body_start(const char *text, size_t len)
{
	const char *p = text, *end = text + len;

	if (len < 3 || memcmp(text, "---", 3) != 0)
		return 0;
	for (p = memchr(p, '\n', len); p != NULL && p + 1 < end;
	     p = memchr(p + 1, '\n', (size_t)(end - p - 1)))
		if ((size_t)(end - p - 1) >= 3 &&
		    (memcmp(p + 1, "---", 3) == 0 || memcmp(p + 1, "...", 3) == 0))
			return (size_t)(p + 1 - text) + 3;
	return len;
}

/* The name part of a link destination: after the last '/', before '?' or '#'. */
static void dest_name(const char *dest, size_t *start, size_t *len)
{
	size_t end = strcspn(dest, "?#"), k = end;

	while (k > 0 && dest[k - 1] != '/')
		k--;
	*start = k;
	*len = end - k;
}

/* Rewrites every "](dest" and "]: dest" of the body: the file name part
 * becomes the new file name. */
static int edit_link(struct job *j, const struct summary *rec, const char *dest)
{
	struct change *c = change_for(j, rec);
	size_t start, nlen, dlen = strlen(dest), off;
	const char *p;

	if (c == NULL)
		return -1;
	dest_name(dest, &start, &nlen);
	for (off = body_start(c->text, c->len); off + dlen + 2 <= c->len; off++) {
		p = c->text + off;
		if (p[0] != ']' ||
		    !(p[1] == '(' || (p[1] == ':' && off + 2 < c->len && p[2] == ' ')))
			continue;
		p += p[1] == '(' ? 2 : 3;
		if ((size_t)(c->text + c->len - p) >= dlen && memcmp(p, dest, dlen) == 0 &&
		    strchr(") \t\n>\"'", p[dlen]) != NULL)
			add_edit(c, (size_t)(p - c->text) + start, nlen, j->new_base);
	}
	return 0;
}

/* True when one edit at this offset is there already (one link written twice). */
static int cmp_edit(const void *a, const void *b)
{
	const struct edit *x = a, *y = b;

	return (x->off > y->off) - (x->off < y->off);
}

/* The new text of c: its edits applied in order (repeated ones once). */
static char *apply(struct change *c, size_t *len)
{
	struct buf b = {0};
	size_t pos = 0, i;

	qsort(c->edits, c->nedits, sizeof *c->edits, cmp_edit);
	buf_add(&b, "", 0);
	for (i = 0; i < c->nedits; i++) {
		if (c->edits[i].off < pos)
			continue;
		buf_add(&b, c->text + pos, c->edits[i].off - pos);
		buf_puts(&b, c->edits[i].with);
		pos = c->edits[i].off + c->edits[i].len;
	}
	buf_add(&b, c->text + pos, c->len - pos);
	*len = b.len;
	return buf_take(&b);
}

/* ------------------------------------------------------------ the job */

struct name_ctx {
	const struct schema *schema;
	const struct ynode *front;
	const char *new_id;
	char name[80], group[256];
};

/* template_lookup for the new file name: the new id, its named groups, or
 * another field of the record. */
static const char *name_value(void *arg, const char *name, size_t len)
{
	struct name_ctx *n = arg;
	const struct ynode *v;

	snprintf(n->name, sizeof n->name, "%.*s", (int)len, name);
	if (strcmp(n->name, n->schema->id_field) == 0)
		return n->new_id;
	if (n->schema->id_pattern != NULL &&
	    pattern_group(n->schema->id_pattern, n->new_id, strlen(n->new_id), n->name, n->group,
			  sizeof n->group))
		return n->group;
	v = ynode_get(n->front, n->name);
	return v != NULL && v->kind == YNODE_SCALAR && v->len > 0 ? v->text : NULL;
}

/* The record's file name after renumbering: by the file-name template,
 * else the old name with the id replaced when it was "OLD.md". */
static char *new_file_name(struct job *j, const struct change *c)
{
	const struct schema *s = j->target->schema;
	struct name_ctx n = {.schema = s, .new_id = j->new_id};
	struct diag_list diags = {0};
	struct record *rec;
	char *full, *base;

	if (s->file_name_tpl.n == 0) {
		full = xasprintf("%s.md", j->old_id);
		base = strcmp(full, j->old_base) == 0 ? xasprintf("%s.md", j->new_id)
						      : xstrdup(j->old_base);
		free(full);
		return base;
	}
	rec = record_load(j->target->path, c->text, c->len, &diags);
	n.front = rec->front;
	full = template_expand(&s->file_name_tpl, name_value, &n);
	record_free(rec);
	diag_list_free(&diags);
	if (full == NULL)
		return xstrdup(j->old_base);
	base = xstrdup(strrchr(full, '/') ? strrchr(full, '/') + 1 : full);
	free(full);
	return base;
}

/* True when link l of a record names the target's file. */
static int links_target(const struct job *j, const struct summary_link *l)
{
	size_t start, len;
	char *real;
	int same;

	dest_name(l->dest, &start, &len);
	if (len != strlen(j->old_base) || memcmp(l->dest + start, j->old_base, len) != 0 ||
	    j->target->real == NULL)
		return 0;
	real = realpath(l->target, NULL);
	same = real != NULL && strcmp(real, j->target->real) == 0;
	free(real);
	return same;
}

/* Collects every edit: the id itself, references, links. */
static int collect(struct job *j, const struct check_run *run)
{
	const struct summary *s;
	size_t i, k;

	if (edit_id_at(j, j->target, j->target->id_line, j->target->id_col) != 0)
		return -1;
	for (i = 0; i < run->nrecords; i++) {
		s = run->records[i];
		for (k = 0; k < s->nrefs; k++)
			if (strcmp(s->refs[k].value, j->old_id) == 0 &&
			    edit_id_at(j, s, s->refs[k].line, s->refs[k].col) != 0)
				return -1;
		for (k = 0; k < s->nlinks; k++)
			if (links_target(j, &s->links[k]) && edit_link(j, s, s->links[k].dest) != 0)
				return -1;
	}
	return 0;
}

/* Writes the new text of c to a temporary beside its file (or beside its
 * new path). Returns 0 or -1 with msg. */
static int write_temp(struct job *j, struct change *c)
{
	const char *dest = c->new_path ? c->new_path : c->rec->path;
	struct stat st;
	size_t len;
	char *text;

	if (stat(c->rec->path, &st) != 0 || access(c->rec->path, W_OK) != 0) {
		snprintf(j->msg, j->msglen, _("cannot change %s: %s"), c->rec->path,
			 strerror(errno));
		return -1;
	}
	text = apply(c, &len);
	c->tmp = atomic_temp(dest, text, len, st.st_mode & 07777);
	free(text);
	if (c->tmp == NULL) {
		snprintf(j->msg, j->msglen, _("cannot write beside %s: %s"), dest, strerror(errno));
		return -1;
	}
	return 0;
}

/* Puts every temporary in place: first the renumbered record under its
 * new name (link: never over a file), then the others over their files. */
static int install(struct job *j)
{
	struct change *t = &j->changes[0];
	size_t i;

	if (t->new_path != NULL && link(t->tmp, t->new_path) != 0) {
		snprintf(j->msg, j->msglen, _("cannot create %s: %s"), t->new_path,
			 strerror(errno));
		return -1;
	}
	if (t->new_path == NULL && rename(t->tmp, t->rec->path) != 0) {
		snprintf(j->msg, j->msglen, _("cannot replace %s: %s"), t->rec->path,
			 strerror(errno));
		return -1;
	}
	if (t->new_path == NULL) {
		free(t->tmp);
		t->tmp = NULL;
	}
	for (i = 1; i < j->n; i++) {
		if (rename(j->changes[i].tmp, j->changes[i].rec->path) != 0) {
			snprintf(j->msg, j->msglen,
				 _("cannot replace %s: %s; the files before it in this run were "
				   "changed"),
				 j->changes[i].rec->path, strerror(errno));
			if (t->new_path != NULL)
				unlink(t->new_path);
			return -2;
		}
		free(j->changes[i].tmp);
		j->changes[i].tmp = NULL;
	}
	if (t->new_path != NULL)
		unlink(t->rec->path);
	return 0;
}

static void job_free(struct job *j)
{
	size_t i;

	for (i = 0; i < j->n; i++) {
		if (j->changes[i].tmp != NULL)
			unlink(j->changes[i].tmp);
		free(j->changes[i].tmp);
		free(j->changes[i].text);
		free(j->changes[i].edits);
		free(j->changes[i].new_path);
	}
	free(j->changes);
	free(j->old_base);
	free(j->new_base);
}

/* Finds the one record with the old id; returns 0, or 1 with msg. */
static int find_target(struct job *j, const struct check_run *run)
{
	size_t i;

	for (i = 0; i < run->nrecords; i++) {
		if (run->records[i]->id == NULL || run->records[i]->id_from_name ||
		    strcmp(run->records[i]->id, j->old_id) != 0)
			continue;
		if (j->target != NULL) {
			snprintf(
			    j->msg, j->msglen,
			    _("two records have the id '%s' (%s and %s); renumber one by hand"),
			    j->old_id, j->target->path, run->records[i]->path);
			return 1;
		}
		j->target = run->records[i];
	}
	if (j->target == NULL || j->target->schema == NULL) {
		snprintf(j->msg, j->msglen, _("no record of a known type has the id '%s'"),
			 j->old_id);
		return 1;
	}
	return 0;
}

/* Refuses a new id that is taken or of the wrong form; returns 0, 1 or 2. */
static int check_new_id(struct job *j, const struct project *p, const char *root)
{
	const struct schema *s = j->target->schema;
	struct strlist ids = {0};
	size_t i;
	int rc = 0;

	if (s->id_pattern != NULL &&
	    pattern_match(s->id_pattern, j->new_id, strlen(j->new_id)) != PATTERN_MATCH) {
		snprintf(j->msg, j->msglen,
			 _("'%s' is not a valid id for %s %s; ids look like '%s'"), j->new_id,
			 rule_article(s->title), s->title,
			 s->id_example ? s->id_example : s->id_pattern_src);
		return 1;
	}
	if (record_ids_in_use(p, root, s->id_field, &ids, j->msg, j->msglen) != 0)
		rc = 2;
	for (i = 0; rc == 0 && i < ids.n; i++)
		if (strcmp(ids.items[i], j->new_id) == 0) {
			snprintf(
			    j->msg, j->msglen,
			    _("the id '%s' is taken: a record in the folder or in a Git branch "
			      "has it"),
			    j->new_id);
			rc = 1;
		}
	strlist_free(&ids);
	return rc;
}

/* Sets the target's new path: its folder and its new file name. */
static void plan_rename(struct job *j)
{
	struct change *t = &j->changes[0];
	const char *path = t->rec->path, *slash = strrchr(path, '/');

	j->new_base = new_file_name(j, t);
	if (strcmp(j->new_base, j->old_base) != 0)
		t->new_path = slash ? xasprintf("%.*s/%s", (int)(slash - path), path, j->new_base)
				    : xstrdup(j->new_base);
}

static int run_job(struct job *j, const struct project *p, const char *root,
		   const struct check_run *run)
{
	const char *base;
	size_t i;
	int rc = find_target(j, run);

	if (rc == 0)
		rc = check_new_id(j, p, root);
	if (rc != 0)
		return rc;
	base = strrchr(j->target->path, '/');
	j->old_base = xstrdup(base ? base + 1 : j->target->path);
	j->new_base = xstrdup(j->old_base); /* until the target's text is read */
	if (change_for(j, j->target) == NULL)
		return 2;
	free(j->new_base);
	plan_rename(j);
	if (collect(j, run) != 0)
		return 2;
	for (i = 0; i < j->n; i++)
		if (write_temp(j, &j->changes[i]) != 0)
			return 2;
	return install(j) == 0 ? 0 : 2;
}

int renumber(const struct project *p, const char *root, const char *old_id, const char *new_id,
	     size_t *changed, char *msg, size_t msglen)
{
	struct job j = {.old_id = old_id, .new_id = new_id, .msg = msg, .msglen = msglen};
	char *paths[] = {(char *)root};
	struct check_run run;
	int rc;

	*changed = 0;
	if (strcmp(old_id, new_id) == 0) {
		snprintf(msg, msglen, _("the old and the new id are the same"));
		return 1;
	}
	check_init(&run, p, "2000-01-01");
	check_paths(&run, paths, 1);
	rc = run_job(&j, p, root, &run);
	if (rc == 0)
		*changed = j.n;
	job_free(&j);
	check_free(&run);
	return rc;
}
