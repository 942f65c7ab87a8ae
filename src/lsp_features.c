/* SPDX-License-Identifier: EUPL-1.2 */
/* lsp_features.c - what the language server answers about a place in a
 * document: hover, go to definition, completion and code actions.
 *
 * Each request brings the last check up to date first (lsp_fresh), then
 * reads the record summaries and findings of that check; the document's
 * own text gives the lines, so that columns are those the editor shows. */
#include <string.h>

#include "fix.h"
#include "i18n.h"
#include "lsp.h"
#include "rule_doc.h"
#include "util.h"

/* The place a request is about, in the document's text. */
struct place {
	struct lsp_doc *doc;
	struct lsp_lines lines;
	int line, bytecol; /* from 1, the column in bytes */
	const char *text;  /* the line */
	size_t len;        /* its length in bytes */
};

/* Reads textDocument and position of params into p and brings the check
 * up to date. Returns 0, or -1 when the document is not open or its set
 * cannot be checked (p is then left empty). */
static int place_of(struct lsp_server *s, json_t *params, struct place *p)
{
	json_t *pos = json_object_get(params, "position");
	long line0 = (long)json_integer_value(json_object_get(pos, "line"));
	long utf16 = (long)json_integer_value(json_object_get(pos, "character"));
	const char *uri =
	    json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));

	memset(p, 0, sizeof *p);
	p->doc = lsp_doc_find(s, uri);
	if (p->doc == NULL || lsp_fresh(s, p->doc) != 0) {
		p->doc = NULL;
		return -1;
	}
	lsp_lines_index(&p->lines, p->doc->text, p->doc->len);
	if (line0 < 0 || (size_t)line0 >= p->lines.n)
		line0 = (long)p->lines.n - 1;
	p->line = (int)line0 + 1;
	p->bytecol = lsp_bytecol_of(&p->lines, line0, utf16);
	p->text = p->doc->text + p->lines.start[line0];
	p->len = p->lines.end[line0] - p->lines.start[line0];
	return 0;
}

static void place_free(struct place *p)
{
	lsp_lines_free(&p->lines);
}

/* --------------------------------------------------------- ids cited */

static int id_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '_';
}

/* The word of id characters around the place (malloc'd; "" when none). */
static char *word_at(const struct place *p)
{
	size_t at = (size_t)(p->bytecol - 1), from = at, to = at;

	if (at > p->len)
		return xstrdup("");
	while (from > 0 && id_char(p->text[from - 1]))
		from--;
	while (to < p->len && id_char(p->text[to]))
		to++;
	return xstrndup(p->text + from, to - from);
}

/* The record of the last check with id, or NULL. */
static const struct summary *record_with_id(const struct lsp_server *s, const char *id)
{
	size_t i;

	for (i = 0; id != NULL && *id != '\0' && i < s->run.nrecords; i++)
		if (s->run.records[i]->id != NULL && strcmp(s->run.records[i]->id, id) == 0)
			return s->run.records[i];
	return NULL;
}

/* Where the string needle starts in the n bytes of hay, or NULL. */
static const char *find_in(const char *hay, size_t n, const char *needle)
{
	size_t k = strlen(needle), i;

	for (i = 0; k > 0 && i + k <= n; i++)
		if (memcmp(hay + i, needle, k) == 0)
			return hay + i;
	return NULL;
}

/* The record a link on the place's line points to, when the place lies on
 * the link's destination as written. */
static const struct summary *linked_at(const struct lsp_server *s, const struct summary *self,
				       const struct place *p)
{
	const struct summary_link *k;
	const char *found;
	size_t i, r, at = (size_t)(p->bytecol - 1);

	for (i = 0; self != NULL && i < self->nlinks; i++) {
		k = &self->links[i];
		if (k->line != p->line || k->target == NULL || k->dest == NULL || *k->dest == '\0')
			continue;
		found = find_in(p->text, p->len, k->dest);
		if (found == NULL || at < (size_t)(found - p->text) ||
		    at > (size_t)(found - p->text) + strlen(k->dest))
			continue;
		for (r = 0; r < s->run.nrecords; r++)
			if (s->run.records[r]->real != NULL &&
			    strcmp(s->run.records[r]->real, k->target) == 0)
				return s->run.records[r];
	}
	return NULL;
}

/* The record cited at the place: by a reference field's value, by a link,
 * or by an id written there; NULL when none. */
static const struct summary *cited_at(const struct lsp_server *s, const struct place *p)
{
	const struct summary *self = lsp_record_of(s, p->doc->key), *found = NULL;
	const struct summary_ref *r;
	char *word;
	size_t i;

	for (i = 0; self != NULL && found == NULL && i < self->nrefs; i++) {
		r = &self->refs[i];
		if (r->line == p->line && r->value != NULL && p->bytecol >= r->col &&
		    (size_t)(p->bytecol - r->col) <= strlen(r->value) + 2)
			found = record_with_id(s, r->value);
	}
	if (found == NULL)
		found = linked_at(s, self, p);
	if (found == NULL) {
		word = word_at(p);
		found = record_with_id(s, word);
		free(word);
	}
	return found;
}

/* ------------------------------------------------------------- hover */

/* Appends what the record r is: id and title, type, date, status, file. */
static void describe_record(struct buf *b, const struct summary *r)
{
	buf_printf(b, "**%s** %s\n\n", r->id, r->title ? r->title : "");
	buf_printf(b, _("type: %s"), r->schema ? r->schema->title : "?");
	buf_puts(b, "  \n");
	buf_printf(b, _("date: %s"), r->date.text[0] ? r->date.text : "?");
	buf_puts(b, "  \n");
	buf_printf(b, _("status: %s"), r->status ? i18n_status(r->status) : "?");
	buf_puts(b, "  \n");
	buf_printf(b, _("file: %s"), r->path);
	buf_puts(b, "\n");
}

/* True when the finding d (of the place's file) covers the place. */
static int covers(const struct diag *d, const struct place *p)
{
	int end_line = d->end_line >= d->line ? d->end_line : d->line;

	if (p->line < d->line || p->line > end_line)
		return 0;
	if (p->line == d->line && p->bytecol < d->col)
		return 0;
	return d->end_line < d->line || p->line < end_line || p->bytecol <= d->end_col;
}

/* Appends the documentation of rule (its explanation), once a rule. */
static void describe_rule(struct buf *b, enum rule_id rule)
{
	const struct rule_doc *doc = rule_doc_find(rule_catalogue[rule].name);

	if (b->len > 0)
		buf_puts(b, "\n---\n\n");
	buf_printf(b, "**%s**: %s\n\n%s\n", rule_catalogue[rule].name,
		   _(rule_catalogue[rule].summary), doc ? doc->prose : "");
}

/* Appends the documentation of the rules of the findings at the place,
 * and of a rule named there (as in a clerk comment). */
static void describe_rules_at(struct buf *b, const struct lsp_server *s, const struct place *p)
{
	const char *path = lsp_held_path(s, p->doc->key);
	char shown[RULE_COUNT] = {0};
	const struct diag *d;
	char *word = word_at(p);
	int named = rule_lookup(word);
	size_t i;

	for (i = 0; path != NULL && i < s->run.diags.n; i++) {
		d = &s->run.diags.items[i];
		if (strcmp(d->path, path) != 0 || !covers(d, p) || shown[d->rule])
			continue;
		shown[d->rule] = 1;
		describe_rule(b, d->rule);
	}
	if (named >= 0 && !shown[named])
		describe_rule(b, (enum rule_id)named);
	free(word);
}

json_t *lsp_hover(struct lsp_server *s, json_t *params)
{
	const struct summary *r;
	struct buf b = {0};
	struct place p;
	json_t *result;

	if (place_of(s, params, &p) != 0)
		return json_null();
	r = cited_at(s, &p);
	if (r != NULL && r != lsp_record_of(s, p.doc->key))
		describe_record(&b, r);
	describe_rules_at(&b, s, &p);
	result = b.len == 0
		     ? json_null()
		     : json_pack("{s:{s:s, s:s}}", "contents", "kind", "markdown", "value", b.data);
	buf_free(&b);
	place_free(&p);
	return result;
}

/* -------------------------------------------------------- definition */

json_t *lsp_definition(struct lsp_server *s, json_t *params)
{
	const struct summary *r;
	struct read_error err;
	struct lsp_lines l;
	struct place p;
	char *uri, *text = NULL, *key;
	const struct lsp_doc *open;
	size_t len = 0;
	json_t *result;

	if (place_of(s, params, &p) != 0)
		return json_null();
	r = cited_at(s, &p);
	if (r == NULL) {
		place_free(&p);
		return json_null();
	}
	uri = lsp_uri_of(s, r->path);
	key = lsp_key(s, r->path);
	open = lsp_doc_find(s, uri);
	if (open == NULL)
		text = read_file(r->path, s->project.cfg.max_file_size, &len, &err);
	lsp_lines_index(&l, open ? open->text : text ? text : "", open ? open->len : len);
	result = json_pack(
	    "{s:s, s:o}", "uri", uri, "range",
	    lsp_range(&l, r->id_line, r->id_col, r->id_line, r->id_col + (int)strlen(r->id)));
	lsp_lines_free(&l);
	free(text);
	free(key);
	free(uri);
	place_free(&p);
	return result;
}

/* -------------------------------------------------------- completion */

/* Where the front matter ends: the line (from 1) of its closing '---', or
 * the last line when it is not closed yet; 0 when there is none. */
static int front_matter_end(const struct lsp_lines *l)
{
	size_t i;

	if (l->end[0] - l->start[0] != 3 || memcmp(l->text + l->start[0], "---", 3) != 0)
		return 0;
	for (i = 1; i < l->n; i++)
		if (l->end[i] - l->start[i] == 3 && (memcmp(l->text + l->start[i], "---", 3) == 0 ||
						     memcmp(l->text + l->start[i], "...", 3) == 0))
			return (int)i + 1;
	return (int)l->n;
}

/* The key of a top-level line of front matter ("status: x" gives
 * "status"; malloc'd), or NULL when the line is not one. */
static char *line_key(const struct lsp_lines *l, size_t i)
{
	const char *t = l->text + l->start[i], *e = l->text + l->end[i], *k = t;

	while (k < e && (id_char(*k) || *k == '.'))
		k++;
	return k > t && k < e && *k == ':' ? xstrndup(t, (size_t)(k - t)) : NULL;
}

/* The field spec of s named key or known by key as another name. */
static const struct field_spec *field_named(const struct schema *s, const char *key)
{
	size_t i, k;

	for (i = 0; s != NULL && key != NULL && i < s->nfields; i++) {
		if (strcmp(s->fields[i].name, key) == 0)
			return &s->fields[i];
		for (k = 0; k < s->fields[i].naliases; k++)
			if (strcmp(s->fields[i].aliases[k], key) == 0)
				return &s->fields[i];
	}
	return NULL;
}

/* What the cursor is on in the front matter. */
struct slot {
	int fm_end; /* 0: not in front matter */
	char *key;  /* the field whose value is being written, or NULL */
	int at_key; /* a field name is being written */
	int from;   /* the byte column (from 1) where the word being written starts */
	const struct schema *schema;
};

/* The record type the front matter names (type: ...), else that of the
 * last check. */
static const struct schema *schema_of(const struct lsp_server *s, const struct place *p, int fm_end)
{
	const struct summary *self = lsp_record_of(s, p->doc->key);
	const char *t, *e;
	char *key, *value;
	const struct schema *found = self ? self->schema : NULL;
	int i;

	for (i = 1; found == NULL && i < fm_end - 1; i++) {
		key = line_key(&p->lines, (size_t)i);
		if (key != NULL && strcmp(key, "type") == 0) {
			t = p->lines.text + p->lines.start[i] + 5;
			e = p->lines.text + p->lines.end[i];
			while (t < e && (*t == ' ' || *t == '"' || *t == '\''))
				t++;
			while (e > t && (e[-1] == ' ' || e[-1] == '"' || e[-1] == '\''))
				e--;
			value = xstrndup(t, (size_t)(e - t));
			found = schema_set_lookup(&s->project.schemas, value);
			free(value);
		}
		free(key);
	}
	return found;
}

/* Finds what the place is on: a field name (on a top-level line without
 * a colon before the place), or the value of a field (after "key:", or on
 * an indented or list line under it). */
static void slot_of(const struct lsp_server *s, const struct place *p, struct slot *sl)
{
	const char *t = p->text, *colon = NULL;
	size_t upto = (size_t)(p->bytecol - 1), start = 0;
	int line, top;

	memset(sl, 0, sizeof *sl);
	sl->fm_end = front_matter_end(&p->lines);
	if (sl->fm_end == 0 || p->line <= 1 || p->line > sl->fm_end ||
	    (p->line == sl->fm_end && sl->fm_end < (int)p->lines.n))
		return;
	sl->schema = schema_of(s, p, sl->fm_end);
	top = p->len > 0 && t[0] != ' ' && t[0] != '-' && t[0] != '\t';
	if (top)
		colon = memchr(t, ':', upto);
	if (colon == NULL && (top || p->len == 0)) {
		sl->at_key = 1;
		sl->from = 1;
		return;
	}
	if (colon != NULL) {
		sl->key = xstrndup(t, (size_t)(colon - t));
		start = (size_t)(colon - t) + 1;
	}
	for (line = p->line - 1; line > 1 && sl->key == NULL; line--)
		sl->key = line_key(&p->lines, (size_t)line - 1);
	while (upto > start && strchr(" ,[\"'\t", t[upto - 1]) == NULL)
		upto--;
	sl->from = (int)upto + 1;
}

/* Adds a completion item: label, its kind, detail (may be NULL), and the
 * text that replaces the word being written (from..place). */
static void add_item(json_t *items, const struct place *p, int from, const char *label, int kind,
		     const char *detail, const char *text)
{
	json_t *item =
	    json_pack("{s:s, s:i, s:{s:o, s:s}}", "label", label, "kind", kind, "textEdit", "range",
		      lsp_range(&p->lines, p->line, from, p->line, p->bytecol), "newText", text);

	if (detail != NULL)
		json_object_set_new(item, "detail", json_string(detail));
	json_array_append_new(items, item);
}

/* The protocol's completion item kinds used here. */
enum {
	KIND_VALUE = 12,
	KIND_FIELD = 5,
	KIND_ENUM_MEMBER = 20,
	KIND_REFERENCE = 18,
	KIND_CLASS = 7
};

/* True when the front matter has a top-level key named name. */
static int has_key(const struct place *p, int fm_end, const char *name)
{
	char *key;
	int i, found = 0;

	for (i = 1; !found && i < fm_end - 1; i++) {
		key = line_key(&p->lines, (size_t)i);
		found = key != NULL && strcmp(key, name) == 0 && i + 1 != p->line;
		free(key);
	}
	return found;
}

static void complete_keys(json_t *items, const struct place *p, const struct slot *sl)
{
	const struct field_spec *f;
	char *text;
	size_t i;

	if (!has_key(p, sl->fm_end, "type"))
		add_item(items, p, sl->from, "type", KIND_FIELD, _("the record type"), "type: ");
	for (i = 0; sl->schema != NULL && i < sl->schema->nfields; i++) {
		f = &sl->schema->fields[i];
		if (has_key(p, sl->fm_end, f->name))
			continue;
		text = xasprintf("%s: ", f->name);
		add_item(items, p, sl->from, f->name, KIND_FIELD, f->description, text);
		free(text);
	}
}

/* True when a record of type r may be cited by the reference field f. */
static int may_cite(const struct field_spec *f, const struct summary *r)
{
	size_t i;

	if (f->ntargets == 0)
		return 1;
	for (i = 0; r->schema != NULL && i < f->ntargets; i++)
		if (strcmp(f->targets[i], r->schema->name) == 0)
			return 1;
	return 0;
}

static void complete_ids(json_t *items, const struct lsp_server *s, const struct place *p,
			 const struct slot *sl, const struct field_spec *f)
{
	const struct summary *r, *self = lsp_record_of(s, p->doc->key);
	size_t i;

	for (i = 0; i < s->run.nrecords; i++) {
		r = s->run.records[i];
		if (r->id != NULL && r != self && may_cite(f, r))
			add_item(items, p, sl->from, r->id, KIND_REFERENCE, r->title, r->id);
	}
}

static void complete_values(json_t *items, const struct lsp_server *s, const struct place *p,
			    const struct slot *sl)
{
	const struct field_spec *f = field_named(sl->schema, sl->key);
	enum field_type t = f ? (f->type == FT_LIST ? f->item_type : f->type) : FT_STRING;
	size_t i;

	if (strcmp(sl->key, "type") == 0) {
		for (i = 0; i < s->project.schemas.n; i++)
			add_item(items, p, sl->from, s->project.schemas.items[i]->name, KIND_CLASS,
				 s->project.schemas.items[i]->title,
				 s->project.schemas.items[i]->name);
		return;
	}
	if (f == NULL)
		return;
	if (t == FT_ENUM)
		for (i = 0; i < f->nvalues; i++)
			add_item(items, p, sl->from, f->values[i], KIND_ENUM_MEMBER,
				 strcmp(i18n_status(f->values[i]), f->values[i]) != 0
				     ? i18n_status(f->values[i])
				     : NULL,
				 f->values[i]);
	else if (t == FT_REF)
		complete_ids(items, s, p, sl, f);
	for (i = 0; i < f->nkeywords; i++)
		add_item(items, p, sl->from, f->keywords[i], KIND_VALUE, NULL, f->keywords[i]);
}

json_t *lsp_completion(struct lsp_server *s, json_t *params)
{
	json_t *items;
	struct place p;
	struct slot sl;

	if (place_of(s, params, &p) != 0)
		return json_null();
	items = json_array();
	slot_of(s, &p, &sl);
	if (sl.at_key)
		complete_keys(items, &p, &sl);
	else if (sl.key != NULL)
		complete_values(items, s, &p, &sl);
	free(sl.key);
	place_free(&p);
	return json_pack("{s:b, s:o}", "isIncomplete", 0, "items", items);
}

/* ------------------------------------------------------- code actions */

/* The first line of text, at most 60 bytes of it (malloc'd). */
static char *short_text(const char *text)
{
	size_t n = strcspn(text, "\r\n");

	return xstrndup(text, n > 60 ? 60 : n);
}

/* The code action of the finding d, whose fix is applied to doc. */
static json_t *action_of(const struct lsp_server *s, const struct lsp_doc *doc,
			 const struct lsp_lines *l, const struct diag *d)
{
	char *old = fix_old_text(doc->text, doc->len, d->fix), *o = short_text(old),
	     *n = short_text(d->fix->text), *title;
	json_t *action, *edit;

	title = d->fix->sure ? xasprintf(_("Fix: '%s' becomes '%s'"), o, n)
			     : xasprintf(_("Replace '%s' with '%s' (a guess: check it)"), o, n);
	edit = json_pack("{s:o, s:s}", "range",
			 lsp_range(l, d->fix->line, d->fix->col, d->fix->end_line, d->fix->end_col),
			 "newText", d->fix->text);
	action = json_pack("{s:s, s:s, s:[o], s:b, s:{s:{s:[o]}}}", "title", title, "kind",
			   "quickfix", "diagnostics", lsp_diagnostic(s, d, l), "isPreferred",
			   d->fix->sure, "edit", "changes", doc->uri, edit);
	free(title);
	free(n);
	free(o);
	free(old);
	return action;
}

json_t *lsp_code_action(struct lsp_server *s, json_t *params)
{
	json_t *range = json_object_get(params, "range"), *actions;
	long first =
	    (long)json_integer_value(json_object_get(json_object_get(range, "start"), "line"));
	long last =
	    (long)json_integer_value(json_object_get(json_object_get(range, "end"), "line"));
	json_t *at = json_pack("{s:O, s:{s:i, s:i}}", "textDocument",
			       json_object_get(params, "textDocument"), "position", "line", 0,
			       "character", 0);
	const char *path;
	const struct diag *d;
	struct place p;
	size_t i;
	int rc = at != NULL ? place_of(s, at, &p) : -1;

	json_decref(at);
	if (rc != 0)
		return json_null();
	actions = json_array();
	path = lsp_held_path(s, p.doc->key);
	for (i = 0; path != NULL && i < s->run.diags.n; i++) {
		d = &s->run.diags.items[i];
		if (d->fix == NULL || strcmp(d->path, path) != 0)
			continue;
		if (d->line - 1 > last ||
		    (d->end_line > d->line ? d->end_line : d->line) - 1 < first)
			continue;
		json_array_append_new(actions, action_of(s, p.doc, &p.lines, d));
	}
	place_free(&p);
	return actions;
}
