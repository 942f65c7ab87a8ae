/* SPDX-License-Identifier: EUPL-1.2 */
/* record_new.c - `clerk new`: the text of a new record, its id and its file. */
#include "record_new.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "check.h"
#include "condition.h"
#include "date.h"
#include "git_ids.h"
#include "idgen.h"
#include "load_yaml.h"
#include "rules.h"
#include "util.h"
#include "wfile.h"
#include "i18n.h"

#define MAX_TRIES 1000

/* Everything a new record's templates and fields are filled in from. */
struct new_ctx {
	const struct schema *schema;
	const struct new_request *rq;
	const char **set_names, **set_values; /* from --set, split at '=' */
	const char *title_field, *date_field;
	char date[11], year[5];
	const char *id;
	const char *lang; /* the set's language (language: in .clerk.yml), "" when not set */
	const struct config *cfg;
	char name[80];
};

/* The field a title goes in: 'title', else one named or aliased title or titel. */
static const char *title_field(const struct schema *s)
{
	size_t i, k;

	for (i = 0; i < s->nfields; i++) {
		if (strcmp(s->fields[i].name, "title") == 0 ||
		    strcmp(s->fields[i].name, "titel") == 0)
			return s->fields[i].name;
		for (k = 0; k < s->fields[i].naliases; k++)
			if (strcmp(s->fields[i].aliases[k], "title") == 0)
				return s->fields[i].name;
	}
	return NULL;
}

/* The record's date field: the lifecycle's, else the first required date. */
static const char *date_field(const struct schema *s)
{
	size_t i;

	if (schema_field(s, s->lifecycle.date) != NULL)
		return s->lifecycle.date;
	for (i = 0; i < s->nfields; i++)
		if (s->fields[i].type == FT_DATE && s->fields[i].required)
			return s->fields[i].name;
	return NULL;
}

/* The value given for field name, or NULL. */
static const char *given(const struct new_ctx *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->rq->nsets; i++)
		if (strcmp(c->set_names[i], name) == 0)
			return c->set_values[i];
	if (c->id != NULL && strcmp(name, c->schema->id_field) == 0)
		return c->id;
	if (c->title_field != NULL && c->rq->title != NULL && strcmp(name, c->title_field) == 0)
		return c->rq->title;
	if (c->date_field != NULL && strcmp(name, c->date_field) == 0)
		return c->date;
	return NULL;
}

/* template_lookup over the new record: {year}, {id} and its fields. */
static const char *ctx_value(void *arg, const char *name, size_t len)
{
	struct new_ctx *c = arg;

	snprintf(c->name, sizeof c->name, "%.*s", (int)len, name);
	if (strcmp(c->name, "year") == 0)
		return c->year;
	if (strcmp(c->name, "id") == 0 && c->id != NULL)
		return c->id;
	return given(c, c->name);
}

/* The YAML escape for the line break at p (NEL, LS or PS: YAML reads
 * them as line breaks), or NULL. */
static const char *yaml_break(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;

	if (u[0] == 0xc2 && u[1] == 0x85)
		return "\\N";
	if (u[0] == 0xe2 && u[1] == 0x80 && u[2] == 0xa8)
		return "\\L";
	if (u[0] == 0xe2 && u[1] == 0x80 && u[2] == 0xa9)
		return "\\P";
	return NULL;
}

/* True when value can be written without quotes in YAML and read back as it is. */
static int plain_safe(const char *v)
{
	const char *p;

	if (!((*v >= 'A' && *v <= 'Z') || (*v >= 'a' && *v <= 'z') || (*v >= '0' && *v <= '9')) ||
	    strcmp(v, "null") == 0 || strcmp(v, "true") == 0 || strcmp(v, "false") == 0)
		return 0;
	for (p = v; *p != '\0'; p++)
		if ((strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ._/-",
			    *p) == NULL &&
		     (unsigned char)*p < 0x80) ||
		    yaml_break(p) != NULL)
			return 0;
	return p[-1] != ' ';
}

/* Appends value in double quotes, with its line breaks NEL, LS and PS
 * escaped (single quotes would fold them into spaces). */
static void add_double_quoted(struct buf *b, const char *value)
{
	const char *p, *esc;

	buf_puts(b, "\"");
	for (p = value; *p != '\0'; p++) {
		esc = yaml_break(p);
		if (esc != NULL) {
			buf_puts(b, esc);
			p += (unsigned char)*p == 0xc2 ? 1 : 2;
		} else if (*p == '"' || *p == '\\') {
			buf_printf(b, "\\%c", *p);
		} else {
			buf_add(b, p, 1);
		}
	}
	buf_puts(b, "\"");
}

/* True when value holds a YAML line break (NEL, LS, PS). */
static int has_yaml_break(const char *value)
{
	for (; *value != '\0'; value++)
		if (yaml_break(value) != NULL)
			return 1;
	return 0;
}

/* Appends value: plain when it can be, in double quotes when it holds a
 * YAML line break, else in single quotes. */
static void add_scalar(struct buf *b, const char *value)
{
	const char *p;

	if (plain_safe(value)) {
		buf_puts(b, value);
		return;
	}
	if (has_yaml_break(value)) {
		add_double_quoted(b, value);
		return;
	}
	buf_puts(b, "'");
	for (p = value; *p != '\0'; p++) {
		if (*p == '\'')
			buf_puts(b, "''");
		else
			buf_add(b, p, 1);
	}
	buf_puts(b, "'");
}

void record_field_line(struct buf *b, const char *name, const char *value)
{
	buf_printf(b, "%s:", name);
	if (value != NULL) {
		buf_puts(b, " ");
		add_scalar(b, value);
	}
	buf_puts(b, "\n");
}

void record_list_item(struct buf *b, const char *value)
{
	buf_puts(b, "  - ");
	add_scalar(b, value);
	buf_puts(b, "\n");
}

static void add_field(struct buf *b, const char *name, const char *value)
{
	record_field_line(b, name, value);
}

/* The status a new record starts with: the lifecycle's first draft status
 * when the status field allows it, else none (a placeholder). */
static const char *draft_status(const struct schema *s)
{
	const struct field_spec *f = schema_field(s, s->lifecycle.status);
	size_t i;

	if (f == NULL || s->lifecycle.ndraft == 0)
		return NULL;
	for (i = 0; i < f->nvalues; i++)
		if (strcmp(f->values[i], s->lifecycle.draft[0]) == 0)
			return f->values[i];
	return NULL;
}

/* True when field f is written: required, given, the status, or required
 * by a condition that the values given make true (front: those values). */
static int writes_field(const struct new_ctx *c, const struct field_spec *f,
			const struct ynode *front)
{
	return f->required || given(c, f->name) != NULL ||
	       strcmp(f->name, c->schema->lifecycle.status) == 0 ||
	       (f->required_if != NULL && front != NULL &&
		condition_holds(f->required_if, front, c->schema));
}

/* For each exactly-one-of group with no field written, the first field
 * as a placeholder. */
static void add_one_of(struct buf *b, const struct new_ctx *c, const struct ynode *front)
{
	const struct field_group *g;
	size_t i, k;

	for (i = 0; i < c->schema->n_one_of; i++) {
		g = &c->schema->one_of[i];
		for (k = 0; k < g->n; k++)
			if (writes_field(c, schema_field(c->schema, g->names[k]), front))
				break;
		if (k == g->n)
			add_field(b, g->names[0], NULL);
	}
}

/* Appends the front matter's fields; front (NULL on the first pass) holds
 * the values given, for the fields that conditions make required. */
static void add_fields(struct buf *b, const struct new_ctx *c, const struct ynode *front)
{
	const struct schema *s = c->schema;
	const char *v;
	size_t i;

	for (i = 0; i < s->nfields; i++) {
		if (!writes_field(c, &s->fields[i], front))
			continue;
		v = given(c, s->fields[i].name);
		if (v == NULL && strcmp(s->fields[i].name, s->lifecycle.status) == 0)
			v = draft_status(s);
		add_field(b, s->fields[i].name, v);
	}
	add_one_of(b, c, front);
}

/* The heading written for section i: its title in the set's language (the
 * catalogue's translation, such as Voortgang for Progress, when that is one
 * of the section's own names), else the title as the schema writes it. */
static const char *heading_text(const struct schema *s, size_t i)
{
	const char *title = s->sections[i].title, *word = _(title);

	if (word != title && schema_section_match(s, word, strlen(word)) == (int)i)
		return word;
	return title;
}

/* True when new writes section i: required, recommended, or required by a
 * condition on the values given. */
static int writes_section(const struct schema *s, size_t i, const struct ynode *front)
{
	const struct section_spec *spec = &s->sections[i];

	return spec->required || spec->recommended ||
	       (spec->required_if != NULL && front != NULL &&
		condition_holds(spec->required_if, front, s));
}

/* The whole text of the new record (malloc'd): the front matter, then the
 * sections, headed in the set's language. The fields given are read back
 * as YAML so that conditions (required-if) are decided as check decides them. */
static char *record_text(const struct new_ctx *c)
{
	const struct schema *s = c->schema;
	struct arena *a = arena_new();
	struct yerror err;
	struct buf b = {0};
	const struct ynode *front;
	const char *was;
	size_t i;

	add_fields(&b, c, NULL);
	front = ytree_parse(a, b.data ? b.data : "", b.len, 0, &err);
	buf_free(&b);
	buf_printf(&b, "---\ntype: %s\n", s->name);
	add_fields(&b, c, front != NULL && front->kind == YNODE_MAP ? front : NULL);
	buf_puts(&b, "---\n\n");
	if (c->rq->title != NULL)
		buf_printf(&b, "# %s\n\n", c->rq->title);
	was = i18n_switch(c->lang);
	for (i = 0; i < s->nsections; i++)
		if (writes_section(s, i, front != NULL && front->kind == YNODE_MAP ? front : NULL))
			buf_printf(&b, "## %s\n\n", heading_text(s, i));
	i18n_set_language(was);
	arena_free(a);
	return buf_take(&b);
}

/* A value from the command line must fit on one line. */
static int has_control(const char *v)
{
	for (; *v != '\0'; v++)
		if ((unsigned char)*v < 0x20 || *v == 0x7f)
			return 1;
	return 0;
}

/* Splits each --set FIELD=VALUE; returns 0, or -1 with msg. */
static int read_sets(struct new_ctx *c, char *msg, size_t msglen)
{
	const struct new_request *rq = c->rq;
	const char *eq;
	size_t i;

	c->set_names = xcalloc(rq->nsets + 1, sizeof *c->set_names);
	c->set_values = xcalloc(rq->nsets + 1, sizeof *c->set_values);
	for (i = 0; i < rq->nsets; i++) {
		eq = strchr(rq->sets[i], '=');
		if (eq == NULL || eq == rq->sets[i]) {
			snprintf(msg, msglen,
				 _("--set needs FIELD=VALUE, such as --set status=draft, not '%s'"),
				 rq->sets[i]);
			return -1;
		}
		c->set_names[i] = xstrndup(rq->sets[i], (size_t)(eq - rq->sets[i]));
		c->set_values[i] = eq + 1;
		if (schema_field(c->schema, c->set_names[i]) == NULL) {
			snprintf(msg, msglen, _("--set: %s %s has no field '%s'"),
				 rule_article(c->schema->title), c->schema->title, c->set_names[i]);
			return -1;
		}
		if (has_control(c->set_values[i])) {
			snprintf(msg, msglen, _("--set %s: the value must be one line of text"),
				 c->set_names[i]);
			return -1;
		}
	}
	return 0;
}

static void ctx_free(struct new_ctx *c)
{
	size_t i;

	for (i = 0; c->set_names != NULL && i < c->rq->nsets; i++)
		free((char *)c->set_names[i]);
	free(c->set_names);
	free(c->set_values);
}

int record_ids_in_use(const struct project *p, const char *root, const char *id_field,
		      struct strlist *ids, char *msg, size_t msglen)
{
	char *paths[] = {(char *)root};
	const char *base;
	struct check_run run;
	char today[11];
	size_t i, n;

	date_today(today);
	check_init(&run, p, today);
	check_paths(&run, paths, 1);
	for (i = 0; i < run.nrecords; i++) {
		if (run.records[i]->id != NULL)
			strlist_add(ids, run.records[i]->id, strlen(run.records[i]->id));
		base = strrchr(run.records[i]->path, '/');
		base = base ? base + 1 : run.records[i]->path;
		n = strlen(base);
		strlist_add(ids, base, n > 3 && strcmp(base + n - 3, ".md") == 0 ? n - 3 : n);
	}
	check_free(&run);
	return git_ids_collect(root, id_field, ids, msg, msglen);
}

static int in_list(const struct strlist *ids, const char *id)
{
	size_t i;

	for (i = 0; i < ids->n; i++)
		if (strcmp(ids->items[i], id) == 0)
			return 1;
	return 0;
}

/* The folder .clerk.yml gives the type (types:), such as "besluiten/":
 * the part of the first glob mapped to it before its last slash, when that
 * part has no wildcard. Returns a malloc'd folder, or NULL when none. */
static char *mapped_folder(const struct new_ctx *c)
{
	const char *glob, *slash;
	size_t i, n;

	for (i = 0; c->cfg != NULL && i < c->cfg->ntypes; i++) {
		if (strcmp(c->cfg->types[i].type, c->schema->name) != 0)
			continue;
		glob = c->cfg->types[i].glob;
		slash = strrchr(glob, '/');
		n = slash != NULL ? (size_t)(slash - glob) + 1 : 0;
		if (n > 0 && strcspn(glob, "*?[{\\") >= n)
			return xstrndup(glob, n);
	}
	return NULL;
}

/* The path of the new record below the root: in the folder .clerk.yml maps
 * to its type, named by the file-name template; else the schema's path
 * template; else {id}.md. Returns a malloc'd path, or NULL when a template
 * lacks a value. */
static char *relative_path(struct new_ctx *c)
{
	char *folder = mapped_folder(c), *name, *rel;

	if (folder == NULL)
		return c->schema->path_template.n > 0
			   ? template_expand(&c->schema->path_template, ctx_value, c)
			   : xasprintf("%s.md", c->id);
	name = c->schema->file_name_tpl.n > 0
		   ? template_expand(&c->schema->file_name_tpl, ctx_value, c)
		   : xasprintf("%s.md", c->id);
	rel = name != NULL ? xasprintf("%s%s", folder, name) : NULL;
	free(name);
	free(folder);
	return rel;
}

/* The file for the record with c->id: root + its relative path. Returns a
 * malloc'd path, or NULL with msg. */
static char *record_path(struct new_ctx *c, char *msg, size_t msglen)
{
	char *rel, *path;

	rel = relative_path(c);
	if (rel == NULL) {
		snprintf(
		    msg, msglen,
		    _("the path template '%s' uses a field that has no value; give it with --set"),
		    c->schema->path_template.n > 0 ? c->schema->path_template.src
						   : c->schema->file_name_tpl.src);
		return NULL;
	}
	if (rel[0] == '/' || strncmp(rel, "../", 3) == 0 || strstr(rel, "/../") != NULL) {
		snprintf(msg, msglen,
			 _("the new record's path '%s' would lie outside the records folder"), rel);
		free(rel);
		return NULL;
	}
	path = xasprintf("%s/%s", c->rq->root, rel);
	free(rel);
	return path;
}

/* Refuses a path that leaves the records folder or whose file name could
 * hide the record or break a line; returns 0, or -1 with msg. */
static int path_allowed(const struct new_ctx *c, const char *path, char *msg, size_t msglen)
{
	const char *slash = strrchr(path, '/');
	const char *why = wfile_name_problem(slash ? slash + 1 : path);

	if (why != NULL) {
		snprintf(msg, msglen, _("the new record's file name '%s' cannot be used: %s"),
			 slash ? slash + 1 : path, _(why));
		return -1;
	}
	if (!wfile_inside(c->rq->root, path)) {
		snprintf(msg, msglen,
			 _("the new record's path '%s' would lie outside the records folder"),
			 path);
		return -1;
	}
	return 0;
}

/* Writes the record for c->id at its path. Returns 0, 1 when the path is
 * taken (errno EEXIST), or -1 with msg. */
static int try_create(struct new_ctx *c, char **path, char *msg, size_t msglen)
{
	char *text;
	int rc = -1;

	*path = record_path(c, msg, msglen);
	if (*path == NULL)
		return -1;
	if (path_allowed(c, *path, msg, msglen) != 0)
		goto out;
	text = c->rq->render != NULL ? c->rq->render(c->rq->render_arg, c->id) : record_text(c);
	if (c->rq->dry_run) {
		rc = access(*path, F_OK) == 0 ? -1 : 0;
		errno = EEXIST;
	} else if (wfile_mkdirs(*path) == 0) {
		rc = wfile_create(*path, text, strlen(text), wfile_new_mode());
	}
	free(text);
	if (rc == 0)
		return 0;
	if (errno == EEXIST)
		rc = 1;
	else
		snprintf(msg, msglen, _("cannot create %s: %s"), *path, strerror(errno));
out:
	free(*path);
	*path = NULL;
	return rc;
}

/* True when id fits the schema's id pattern; else msg says what ids look like. */
static int id_fits(const struct schema *s, const char *id, char *msg, size_t msglen)
{
	const char *why = wfile_id_problem(id);

	if (why != NULL) {
		snprintf(msg, msglen, _("'%s' cannot be an id: %s"), id, _(why));
		return 0;
	}
	if (s->id_pattern == NULL || pattern_match(s->id_pattern, id, strlen(id)) == PATTERN_MATCH)
		return 1;
	snprintf(msg, msglen, _("'%s' is not a valid id for %s %s; ids look like '%s'"), id,
		 rule_article(s->title), s->title,
		 s->id_example ? s->id_example : s->id_pattern_src);
	return 0;
}

/* --id ID: that id or nothing. */
static enum new_status create_given(struct new_ctx *c, const struct strlist *ids, char **path,
				    char *msg, size_t msglen)
{
	int rc;

	c->id = c->rq->id;
	if (!id_fits(c->schema, c->id, msg, msglen))
		return NEW_REFUSED;
	if (in_list(ids, c->id)) {
		snprintf(
		    msg, msglen,
		    _("the id '%s' is taken: a record in the folder or in a Git branch has it"),
		    c->id);
		return NEW_REFUSED;
	}
	rc = try_create(c, path, msg, msglen);
	if (rc == 1)
		snprintf(msg, msglen, _("the id '%s' is taken: its file exists"), c->id);
	return rc == 0 ? NEW_OK : rc == 1 ? NEW_REFUSED : NEW_FAILED;
}

/* The next free id by the template: past the highest in use, and past any
 * whose file another run created first. */
static enum new_status create_next(struct new_ctx *c, const struct strlist *ids, char **path,
				   char *msg, size_t msglen)
{
	const struct template *t = &c->schema->id_template;
	long seq =
	    idgen_highest(t, (const char *const *)ids->items, ids->n, atol(c->year), ctx_value, c) +
	    1;
	char *id = NULL;
	int tries, rc = 1;

	for (tries = 0; tries < MAX_TRIES && rc == 1; tries++, seq++) {
		free(id);
		id = idgen_make(t, atol(c->year), seq, ctx_value, c);
		c->id = id;
		if (id == NULL) {
			snprintf(msg, msglen,
				 _("the id template '%s' uses a field that has no value; give it "
				   "with --set"),
				 t->src);
			return NEW_REFUSED;
		}
		if (!id_fits(c->schema, id, msg, msglen))
			rc = -1;
		else if (!in_list(ids, id))
			rc = try_create(c, path, msg, msglen);
	}
	free(id);
	c->id = NULL;
	if (rc == 1)
		snprintf(msg, msglen, _("no free id found after %d tries"), MAX_TRIES);
	return rc == 0 ? NEW_OK : NEW_FAILED;
}

/* Says which types there are. */
static void unknown_type(const struct project *p, const char *type, char *msg, size_t msglen)
{
	const char **names = xcalloc(p->schemas.n + 1, sizeof *names);
	char *list;
	size_t i;

	for (i = 0; i < p->schemas.n; i++)
		names[i] = p->schemas.items[i]->name;
	list = join_words(names, p->schemas.n, "", " or ");
	snprintf(msg, msglen, _("there is no record type '%s'; use %s"), type, list);
	free(list);
	free(names);
}

/* Fills in the type, the --set values and the date; returns 0 or -1 with msg. */
static int prepare(const struct project *p, const struct new_request *rq, struct new_ctx *c,
		   char *msg, size_t msglen)
{
	c->rq = rq;
	c->lang = p->cfg.language;
	c->cfg = &p->cfg;
	c->schema = schema_set_lookup(&p->schemas, rq->type);
	if (c->schema == NULL) {
		unknown_type(p, rq->type, msg, msglen);
		return -1;
	}
	c->title_field = title_field(c->schema);
	c->date_field = date_field(c->schema);
	if (rq->date != NULL && date_parse(rq->date, strlen(rq->date), NULL) != DATE_OK) {
		snprintf(msg, msglen, _("--date needs a real date written as YYYY-MM-DD, not '%s'"),
			 rq->date);
		return -1;
	}
	if (rq->date != NULL)
		snprintf(c->date, sizeof c->date, "%s", rq->date);
	else
		date_today(c->date);
	memcpy(c->year, c->date, 4);
	if (rq->title != NULL && has_control(rq->title)) {
		snprintf(msg, msglen, _("--title must be one line of text"));
		return -1;
	}
	return read_sets(c, msg, msglen);
}

enum new_status record_new(const struct project *p, const struct new_request *rq, char **path,
			   char *msg, size_t msglen)
{
	struct new_ctx c = {0};
	struct strlist ids = {0};
	enum new_status rc = NEW_REFUSED;

	*path = NULL;
	if (prepare(p, rq, &c, msg, msglen) != 0) {
		if (c.schema == NULL)
			rc = NEW_FAILED;
		goto out;
	}
	if (rq->id == NULL && c.schema->id_external) {
		snprintf(msg, msglen,
			 _("the ids of %s %s are handed out by another system (id: assigned: "
			   "external in its schema); give the number it gave with --id, such as "
			   "--id %s"),
			 rule_article(c.schema->title), c.schema->title,
			 c.schema->id_example ? c.schema->id_example : "...");
		goto out;
	}
	if (rq->id == NULL && c.schema->id_template.n == 0) {
		snprintf(msg, msglen,
			 _("the record type '%s' has no id template (id: template: in its schema); "
			   "give the id with --id"),
			 c.schema->name);
		goto out;
	}
	rc = NEW_FAILED;
	if (record_ids_in_use(p, rq->root, c.schema->id_field, &ids, msg, msglen) != 0)
		goto out;
	rc = rq->id != NULL ? create_given(&c, &ids, path, msg, msglen)
			    : create_next(&c, &ids, path, msg, msglen);
out:
	strlist_free(&ids);
	ctx_free(&c);
	return rc;
}
