/* SPDX-License-Identifier: EUPL-1.2 */
/* renumber.c - changing a record's id: edits at the id's places, then all files at once. */
#include "renumber.h"

#include <cmark.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "git_ids.h"
#include "load_yaml.h"
#include "record.h"
#include "record_new.h"
#include "rules.h"
#include "util.h"
#include "wfile.h"
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
	char *new_path; /* for the renumbered record: where it goes */
};

struct job {
	const char *old_id, *new_id;
	const struct summary *target; /* the record renumbered */
	int shared;                   /* another record has its id: citations stay */
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

/* The offset of the line after the front matter: where cmark's line 1 is. */
static size_t body_offset(const char *text, size_t len)
{
	size_t off = body_start(text, len);
	const char *nl;

	if (off == 0 || off >= len)
		return off;
	nl = memchr(text + off, '\n', len - off);
	return nl ? (size_t)(nl - text) + 1 : len;
}

/* The byte offset in body of cmark's line:col (both 1-based, col in bytes),
 * or (size_t)-1. */
static size_t body_pos(const char *body, size_t len, int line, int col)
{
	size_t off = 0;
	const char *nl;
	int l;

	for (l = 1; l < line; l++) {
		nl = memchr(body + off, '\n', len - off);
		if (nl == NULL)
			return (size_t)-1;
		off = (size_t)(nl - body) + 1;
	}
	return off + (size_t)(col - 1) <= len ? off + (size_t)(col - 1) : (size_t)-1;
}

/* True when dest is written at p (before end), followed by what may end a
 * link destination. */
static int dest_at(const char *p, const char *end, const char *dest, size_t dlen)
{
	if (*p == '<')
		p++;
	return (size_t)(end - p) >= dlen && memcmp(p, dest, dlen) == 0 &&
	       (p + dlen == end || strchr(") \t\r\n>\"'", p[dlen]) != NULL);
}

/* Edits the inline link written from off to end ("[text](dest)"). Returns
 * 1 when its destination was found there, else 0 (a reference link). */
static int edit_inline(struct job *j, struct change *c, size_t off, size_t end, const char *dest)
{
	size_t start, nlen, dlen = strlen(dest);
	const char *p;

	dest_name(dest, &start, &nlen);
	for (p = c->text + off; p + 2 < c->text + end; p++)
		if (p[0] == ']' && p[1] == '(' && dest_at(p + 2, c->text + end, dest, dlen)) {
			p += 2 + (p[2] == '<');
			add_edit(c, (size_t)(p - c->text) + start, nlen, j->new_base);
			return 1;
		}
	return 0;
}

/* True when line (1-based) lies in one of the n code blocks [from, to]. */
static int in_code(const int *from, const int *to, size_t n, int line)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (line >= from[i] && line <= to[i])
			return 1;
	return 0;
}

/* Edits each link reference definition "[label]: dest" of the body that
 * lies outside the n code blocks. */
static void edit_definitions(struct job *j, struct change *c, size_t body, const int *from,
			     const int *to, size_t n, const char *dest)
{
	size_t start, nlen, dlen = strlen(dest), off = body;
	const char *p, *end = c->text + c->len, *eol;
	int line = 1;

	dest_name(dest, &start, &nlen);
	for (; off < c->len; line++, off = (size_t)(eol - c->text) + 1) {
		eol = memchr(c->text + off, '\n', c->len - off);
		if (eol == NULL)
			eol = end;
		p = c->text + off;
		while (p < eol && *p == ' ' && p - (c->text + off) < 3)
			p++;
		if (p >= eol || *p != '[' || in_code(from, to, n, line))
			continue;
		p = memchr(p, ']', (size_t)(eol - p));
		if (p == NULL || p + 1 >= eol || p[1] != ':')
			continue;
		for (p += 2; p < eol && (*p == ' ' || *p == '\t'); p++)
			;
		if (dest_at(p, eol, dest, dlen))
			add_edit(c, (size_t)(p + (*p == '<') - c->text) + start, nlen, j->new_base);
		if (eol == end)
			break;
	}
}

/* Rewrites the file name in every link of rec's body to dest: found by
 * cmark, so that code blocks and code spans are left alone. An inline link
 * is edited where cmark says it is; a reference link at its definition. */
static int edit_link(struct job *j, const struct summary *rec, const char *dest)
{
	struct change *c = change_for(j, rec);
	size_t body, nblocks = 0, cap = 0, cap2 = 0, off, end;
	int *from = NULL, *to = NULL, refs = 0;
	cmark_node *doc, *node;
	cmark_event_type ev;
	cmark_iter *it;

	if (c == NULL)
		return -1;
	body = body_offset(c->text, c->len);
	doc = cmark_parse_document(c->text + body, c->len - body, CMARK_OPT_DEFAULT);
	it = cmark_iter_new(doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		node = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		if (cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK ||
		    cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK) {
			xgrow((void **)&from, &cap, nblocks, sizeof *from);
			xgrow((void **)&to, &cap2, nblocks, sizeof *to);
			from[nblocks] = cmark_node_get_start_line(node);
			to[nblocks++] = cmark_node_get_end_line(node);
		}
		if (cmark_node_get_type(node) != CMARK_NODE_LINK ||
		    strcmp(cmark_node_get_url(node) ? cmark_node_get_url(node) : "", dest) != 0)
			continue;
		off = body_pos(c->text + body, c->len - body, cmark_node_get_start_line(node),
			       cmark_node_get_start_column(node));
		end = body_pos(c->text + body, c->len - body, cmark_node_get_end_line(node),
			       cmark_node_get_end_column(node) + 1);
		if (off == (size_t)-1 || end == (size_t)-1 ||
		    !edit_inline(j, c, body + off, body + end, dest))
			refs = 1;
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
	if (refs)
		edit_definitions(j, c, body, from, to, nblocks, dest);
	free(from);
	free(to);
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

/* The record's file name after renumbering: by the file-name template,
 * else the old name with the id replaced when it was "OLD.md". */
static char *new_file_name(struct job *j, const struct change *c)
{
	const struct schema *s = j->target->schema;
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
	full = schema_file_name(s, rec->front, j->new_id);
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
	if (strcmp(l->target, j->target->real) == 0)
		return 1;
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
		for (k = 0; k < s->nrefs && !j->shared; k++)
			if (strcmp(s->refs[k].value, j->old_id) == 0 &&
			    edit_id_at(j, s, s->refs[k].line, s->refs[k].col) != 0)
				return -1;
		for (k = 0; k < s->nlinks; k++)
			if (links_target(j, &s->links[k]) && edit_link(j, s, s->links[k].dest) != 0)
				return -1;
	}
	return 0;
}

/* Adds the new text of c to the change t: the renumbered record under
 * its new name (never over a file) and its old file removed, or its file
 * replaced. Returns 0 or -1 with msg. */
static int stage_change(struct job *j, struct wfile_txn *t, const struct change *c)
{
	struct stat st;
	size_t len;
	char *text;
	int rc;

	if (stat(c->rec->path, &st) != 0 || access(c->rec->path, W_OK) != 0) {
		snprintf(j->msg, j->msglen, _("cannot change %s: %s"), c->rec->path,
			 strerror(errno));
		return -1;
	}
	text = apply(&j->changes[c - j->changes], &len);
	if (c->new_path != NULL)
		rc = wfile_txn_create(t, c->new_path, text, len, st.st_mode & 07777);
	else
		rc = wfile_txn_replace(t, c->rec->path, text, len);
	free(text);
	if (rc != 0)
		snprintf(j->msg, j->msglen, _("cannot change %s: %s"),
			 c->new_path ? c->new_path : c->rec->path, strerror(errno));
	return rc;
}

/* Puts every changed file in place, all or nothing: first the renumbered
 * record under its new name, then the others, then its old file goes. */
static int install(struct job *j, const char *root)
{
	char *what = xasprintf("clerk renumber %s %s", j->old_id, j->new_id);
	struct wfile_txn *t = wfile_txn_new(root, what);
	size_t i;
	int rc = 0;

	for (i = 0; rc == 0 && i < j->n; i++)
		rc = stage_change(j, t, &j->changes[i]);
	if (rc == 0 && j->changes[0].new_path != NULL &&
	    wfile_txn_remove(t, j->changes[0].rec->path) != 0) {
		snprintf(j->msg, j->msglen, _("cannot change %s: %s"), j->changes[0].rec->path,
			 strerror(errno));
		rc = -1;
	}
	if (rc == 0)
		rc = wfile_txn_commit(t, j->msg, j->msglen);
	wfile_txn_free(t);
	free(what);
	return rc;
}

static void job_free(struct job *j)
{
	size_t i;

	for (i = 0; i < j->n; i++) {
		free(j->changes[i].text);
		free(j->changes[i].edits);
		free(j->changes[i].new_path);
	}
	free(j->changes);
	free(j->old_base);
	free(j->new_base);
}

/* True when OLD names a record's file rather than an id: an id holds no
 * '/', and the records' files end in .md. */
static int names_file(const char *old)
{
	size_t n = strlen(old);

	return strchr(old, '/') != NULL || (n > 3 && strcmp(old + n - 3, ".md") == 0);
}

/* Finds the record in the file j->old_id names; its id becomes the old
 * id. When another record has that id too, the citations of it stay as
 * they are: they go on naming the other. Returns 0, or 1 with msg. */
static int find_target_file(struct job *j, const struct check_run *run)
{
	char *real = realpath(j->old_id, NULL);
	size_t i;

	for (i = 0; real != NULL && i < run->nrecords; i++)
		if (run->records[i]->real != NULL && strcmp(run->records[i]->real, real) == 0)
			j->target = run->records[i];
	free(real);
	if (j->target == NULL || j->target->schema == NULL || j->target->id == NULL ||
	    j->target->id_from_name) {
		snprintf(j->msg, j->msglen,
			 _("'%s' is not the file of a record of a known type with an id"),
			 j->old_id);
		return 1;
	}
	j->old_id = j->target->id;
	for (i = 0; i < run->nrecords; i++)
		if (run->records[i] != j->target && run->records[i]->id != NULL &&
		    strcmp(run->records[i]->id, j->old_id) == 0)
			j->shared = 1;
	return 0;
}

/* Finds the one record with the old id; returns 0, or 1 with msg. */
static int find_target(struct job *j, const struct check_run *run)
{
	size_t i;

	if (names_file(j->old_id))
		return find_target_file(j, run);
	for (i = 0; i < run->nrecords; i++) {
		if (run->records[i]->id == NULL || run->records[i]->id_from_name ||
		    strcmp(run->records[i]->id, j->old_id) != 0)
			continue;
		if (j->target != NULL) {
			snprintf(j->msg, j->msglen,
				 _("two records have the id '%s' (%s and %s); give one of them a "
				   "new id by naming its file: clerk renumber %s NEW"),
				 j->old_id, j->target->path, run->records[i]->path,
				 run->records[i]->path);
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
	const char *why = wfile_id_problem(j->new_id);
	size_t i;
	int rc = 0;

	if (why != NULL) {
		snprintf(j->msg, j->msglen, _("'%s' cannot be an id: %s"), j->new_id, _(why));
		return 1;
	}
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
	if (wfile_name_problem(j->new_base) != NULL) {
		snprintf(j->msg, j->msglen, _("the new file name '%s' cannot be used: %s"),
			 j->new_base, _(wfile_name_problem(j->new_base)));
		return 1;
	}
	if (collect(j, run) != 0)
		return 2;
	return install(j, root) == 0 ? 0 : 2;
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
