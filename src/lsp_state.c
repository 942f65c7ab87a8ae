/* SPDX-License-Identifier: EUPL-1.2 */
/* lsp_state.c - what the language server knows: paths and URIs, the open
 * documents, the last check of a record set, and the diagnostics it
 * publishes from it (for the open documents, and for the other files
 * whose findings a change caused or resolved). */
#include "lsp.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "date.h"
#include "i18n.h"
#include "util.h"
#include "version.h"
#include "wfile.h"

/* ------------------------------------------------------------- paths */

/* Appends the segment seg (n bytes) of a path to b, resolving "." and "..". */
static void add_segment(struct buf *b, const char *seg, size_t n)
{
	char *slash;

	if (n == 0 || (n == 1 && seg[0] == '.'))
		return;
	if (n == 2 && seg[0] == '.' && seg[1] == '.') {
		slash = strrchr(b->data, '/');
		b->len = slash != NULL ? (size_t)(slash - b->data) : 0;
		b->data[b->len] = '\0';
		return;
	}
	buf_add(b, "/", 1);
	buf_add(b, seg, n);
}

/* The absolute form of path (from the current folder cwd), lexically. */
static char *absolute(const char *cwd, const char *path)
{
	char *joined = path[0] == '/' ? xstrdup(path) : xasprintf("%s/%s", cwd, path);
	const char *p = joined, *seg;
	struct buf b = {0};

	buf_add(&b, "", 0);
	while (*p != '\0') {
		while (*p == '/')
			p++;
		for (seg = p; *p != '\0' && *p != '/'; p++)
			;
		add_segment(&b, seg, (size_t)(p - seg));
	}
	if (b.len == 0)
		buf_add(&b, "/", 1);
	free(joined);
	return buf_take(&b);
}

char *lsp_key(const struct lsp_server *s, const char *path)
{
	char *abs = absolute(s->cwd, path), *slash = strrchr(abs, '/'), *dir, *real, *key;

	dir = slash == abs ? xstrdup("/") : xstrndup(abs, (size_t)(slash - abs));
	real = realpath(dir, NULL);
	key = real != NULL ? xasprintf("%s/%s", strcmp(real, "/") == 0 ? "" : real, slash + 1)
			   : xstrdup(abs);
	free(real);
	free(dir);
	free(abs);
	return key;
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

char *lsp_uri_path(const char *uri)
{
	struct buf b = {0};
	const char *p;
	int hi, lo;

	if (uri == NULL || strncmp(uri, "file://", 7) != 0)
		return NULL;
	p = uri + 7;
	if (strncmp(p, "localhost/", 10) == 0)
		p += 9;
	if (*p != '/')
		return NULL;
	for (; *p != '\0' && *p != '?' && *p != '#'; p++) {
		if (*p != '%') {
			buf_add(&b, p, 1);
			continue;
		}
		hi = hex_value(p[1]);
		lo = hi < 0 ? -1 : hex_value(p[2]);
		if (lo < 0 || (hi == 0 && lo == 0)) {
			buf_free(&b);
			return NULL;
		}
		buf_add(&b, (char[]){(char)(hi * 16 + lo)}, 1);
		p += 2;
	}
	return buf_take(&b);
}

/* The file:// URI of the absolute path, its bytes escaped as RFC 3986
 * asks (malloc'd). */
static char *path_uri(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	struct buf b = {0};
	unsigned char c;

	buf_puts(&b, "file://");
	for (; *path != '\0'; path++) {
		c = (unsigned char)*path;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    strchr("/-._~", c) != NULL)
			buf_add(&b, path, 1);
		else
			buf_printf(&b, "%%%c%c", hex[c >> 4], hex[c & 15]);
	}
	return buf_take(&b);
}

/* --------------------------------------------------------- documents */

struct lsp_doc *lsp_doc_find(struct lsp_server *s, const char *uri)
{
	size_t i;

	for (i = 0; uri != NULL && i < s->ndocs; i++)
		if (strcmp(s->docs[i].uri, uri) == 0)
			return &s->docs[i];
	return NULL;
}

/* The open document whose file is key, or NULL. */
static struct lsp_doc *doc_of_key(const struct lsp_server *s, const char *key)
{
	size_t i;

	for (i = 0; i < s->ndocs; i++)
		if (strcmp(s->docs[i].key, key) == 0)
			return &s->docs[i];
	return NULL;
}

char *lsp_uri_of(const struct lsp_server *s, const char *path)
{
	char *key = lsp_key(s, path), *uri;
	struct lsp_doc *d = doc_of_key(s, key);

	uri = d != NULL ? xstrdup(d->uri) : path_uri(key);
	free(key);
	return uri;
}

/* ----------------------------------------------------------- sending */

void lsp_send(struct lsp_server *s, json_t *msg)
{
	if (lsp_write(&s->conn, msg) != 0)
		s->done = 1; /* the editor is gone */
	json_decref(msg);
}

void lsp_notify(struct lsp_server *s, const char *method, json_t *params)
{
	lsp_send(
	    s, json_pack("{s:s, s:s, s:o}", "jsonrpc", "2.0", "method", method, "params", params));
}

/* ------------------------------------------------------- diagnostics */

json_t *lsp_range(const struct lsp_lines *l, int line, int col, int end_line, int end_col)
{
	long start_char, end_char;

	if (line < 1)
		line = col = 1;
	start_char = lsp_utf16_of(l, line, col);
	if (end_line < line || (end_line == line && end_col < col)) {
		end_line = line;
		end_char = lsp_line_utf16_len(l, line);
	} else {
		end_char = lsp_utf16_of(l, end_line, end_col);
	}
	if (end_line == line && end_char < start_char)
		end_char = start_char;
	return json_pack("{s:{s:i, s:I}, s:{s:i, s:I}}", "start", "line", line - 1, "character",
			 (json_int_t)start_char, "end", "line", end_line - 1, "character",
			 (json_int_t)end_char);
}

static json_t *related_json(const struct lsp_server *s, const struct diag *d)
{
	json_t *list = json_array();
	char *uri;
	size_t i;
	int line;

	for (i = 0; i < d->nrelated; i++) {
		uri = lsp_uri_of(s, d->related[i].path);
		line = d->related[i].line > 0 ? d->related[i].line - 1 : 0;
		json_array_append_new(
		    list, json_pack("{s:{s:s, s:{s:{s:i, s:i}, s:{s:i, s:i}}}, s:s}", "location",
				    "uri", uri, "range", "start", "line", line, "character", 0,
				    "end", "line", line, "character", 0, "message",
				    d->related[i].message ? d->related[i].message : ""));
		free(uri);
	}
	return list;
}

json_t *lsp_diagnostic(const struct lsp_server *s, const struct diag *d, const struct lsp_lines *l)
{
	static const int severity[] = {
	    [SEV_OFF] = 4, [SEV_INFO] = 3, [SEV_WARNING] = 2, [SEV_ERROR] = 1};
	char *message = d->help ? xasprintf("%s\n%s", d->message, d->help) : xstrdup(d->message);
	json_t *j = json_pack("{s:o, s:i, s:s, s:s, s:s}", "range",
			      lsp_range(l, d->line, d->col, d->end_line, d->end_col), "severity",
			      severity[d->severity], "code", rule_catalogue[d->rule].name, "source",
			      "clerk", "message", message);

	if (d->nrelated > 0)
		json_object_set_new(j, "relatedInformation", related_json(s, d));
	if (CLERK_RULES_URL[0] != '\0') {
		char *href = xasprintf("%s#%s", CLERK_RULES_URL, rule_catalogue[d->rule].name);

		json_object_set_new(j, "codeDescription", json_pack("{s:s}", "href", href));
		free(href);
	}
	free(message);
	return j;
}

/* Sends the diagnostics d[0..n) of the file at uri, whose text is text
 * (NULL: read from path; columns stay bytes when it cannot be read). */
static void publish(struct lsp_server *s, const char *uri, const char *path,
		    const struct lsp_doc *doc, const struct diag *d, size_t n)
{
	struct read_error err;
	struct lsp_lines l;
	char *disk = NULL;
	size_t len = 0, i;
	json_t *list = json_array(), *params;

	if (doc == NULL && n > 0)
		disk = read_file(path, s->project.cfg.max_file_size, &len, &err);
	lsp_lines_index(&l, doc ? doc->text : disk ? disk : "", doc ? doc->len : len);
	for (i = 0; i < n; i++)
		json_array_append_new(list, lsp_diagnostic(s, &d[i], &l));
	params = json_pack("{s:s, s:o}", "uri", uri, "diagnostics", list);
	if (doc != NULL)
		json_object_set_new(params, "version", json_integer(doc->version));
	lsp_notify(s, "textDocument/publishDiagnostics", params);
	lsp_lines_free(&l);
	free(disk);
}

/* What the findings of one file are, for telling whether they changed. */
static char *digest(const struct diag *d, size_t n)
{
	struct buf b = {0};
	size_t i;

	buf_add(&b, "", 0);
	for (i = 0; i < n; i++)
		buf_printf(&b, "%d:%d:%d:%d:%d:%d:%s\n", d[i].line, d[i].col, d[i].end_line,
			   d[i].end_col, (int)d[i].rule, (int)d[i].severity, d[i].message);
	return buf_take(&b);
}

static int known_compare(const void *a, const void *b)
{
	return strcmp(((const struct lsp_known *)a)->key, ((const struct lsp_known *)b)->key);
}

static struct lsp_known *known_find(struct lsp_server *s, const char *key)
{
	struct lsp_known want = {(char *)key, NULL, NULL, 0};

	return s->nknown ? bsearch(&want, s->known, s->nknown, sizeof want, known_compare) : NULL;
}

/* True when key lies in the set whose real folder is root. */
static int under(const char *key, const char *root)
{
	size_t n = strlen(root);

	return strncmp(key, root, n) == 0 && (key[n] == '/' || strcmp(root, "/") == 0);
}

static int baselined(struct lsp_server *s, const char *root)
{
	size_t i;

	for (i = 0; i < s->nbaselined; i++)
		if (strcmp(s->baselined[i], root) == 0)
			return 1;
	xgrow((void **)&s->baselined, &s->baselined_cap, s->nbaselined, sizeof *s->baselined);
	s->baselined[s->nbaselined++] = xstrdup(root);
	return 0;
}

/* The findings d[0..n) of a file not open: published when they differ from
 * what the editor was last told (or, on a set's first check, only noted). */
static void publish_other(struct lsp_server *s, const char *path, const char *key,
			  const struct diag *d, size_t n, int quiet, size_t *added)
{
	struct lsp_known *k = known_find(s, key);
	char *now = digest(d, n), *uri;

	if (k != NULL && (k->digest == NULL || strcmp(k->digest, now) == 0)) {
		/* unchanged, or closed in the editor just now: the editor has
		 * been told (its findings were cleared on close) */
		free(k->digest);
		k->digest = now;
		k->gen = s->gen;
		return;
	}
	if (k == NULL) {
		xgrow((void **)&s->known, &s->known_cap, s->nknown + *added, sizeof *s->known);
		k = &s->known[s->nknown + (*added)++];
		k->key = xstrdup(key);
		k->uri = path_uri(key);
		k->digest = NULL;
	}
	uri = k->uri;
	if (!quiet)
		publish(s, uri, path, NULL, d, n);
	free(k->digest);
	k->digest = now;
	k->gen = s->gen;
}

void lsp_known_forget(struct lsp_server *s, const char *key)
{
	struct lsp_known *k = known_find(s, key);

	if (k == NULL) {
		xgrow((void **)&s->known, &s->known_cap, s->nknown, sizeof *s->known);
		k = &s->known[s->nknown++];
		k->key = xstrdup(key);
		k->uri = path_uri(key);
		k->digest = NULL;
		k->gen = 0;
		qsort(s->known, s->nknown, sizeof *s->known, known_compare);
		k = known_find(s, key);
	}
	free(k->digest);
	k->digest = NULL;
}

/* Publishes the last check: every open document of its set, and the other
 * files whose findings changed; files no longer with findings get none. */
static void publish_run(struct lsp_server *s)
{
	const struct diag *d = s->run.diags.items;
	const char *root = s->project.root_real;
	int quiet = !baselined(s, root);
	size_t i, k, added = 0;
	struct lsp_doc *doc;
	char *key;

	s->gen++;
	for (i = 0; i < s->run.diags.n; i = k) {
		for (k = i; k < s->run.diags.n && strcmp(d[k].path, d[i].path) == 0; k++)
			;
		key = lsp_key(s, d[i].path);
		doc = doc_of_key(s, key);
		if (doc != NULL) {
			publish(s, doc->uri, doc->path, doc, d + i, k - i);
			doc->published = s->gen;
		} else
			publish_other(s, d[i].path, key, d + i, k - i, quiet, &added);
		free(key);
	}
	s->nknown += added;
	if (s->nknown > 1)
		qsort(s->known, s->nknown, sizeof *s->known, known_compare);
	for (i = 0; i < s->nknown; i++)
		if (s->known[i].gen != s->gen && under(s->known[i].key, root) &&
		    s->known[i].digest != NULL && s->known[i].digest[0] != '\0') {
			publish(s, s->known[i].uri, s->known[i].key, NULL, NULL, 0);
			s->known[i].digest[0] = '\0';
		}
}

/* Publishes no findings for the open documents the check covered that
 * have none (publish_run only sees files with findings). */
static void publish_clean_docs(struct lsp_server *s)
{
	size_t i;

	for (i = 0; i < s->ndocs; i++)
		if (s->docs[i].published != s->gen && lsp_covers(s, &s->docs[i]))
			publish(s, s->docs[i].uri, s->docs[i].path, &s->docs[i], NULL, 0);
}

/* ------------------------------------------------------------ checks */

void lsp_drop_check(struct lsp_server *s)
{
	if (s->has_run)
		check_free(&s->run);
	if (s->has_project)
		project_close(&s->project);
	s->has_run = s->has_project = 0;
}

/* Shows a configuration that cannot be read: on its own file, at its line,
 * and on the document, whose set cannot be checked. */
static void publish_config_error(struct lsp_server *s, const struct lsp_doc *doc,
				 const struct config_error *err)
{
	char *text = xasprintf(_("the record set cannot be checked: %s:%d: %s"), err->file,
			       err->line, err->message);
	char *uri = err->file[0] ? lsp_uri_of(s, err->file) : NULL;
	int line = err->line > 0 ? err->line - 1 : 0;
	json_t *one = json_pack("{s:{s:{s:i, s:i}, s:{s:i, s:i}}, s:i, s:s, s:s}", "range", "start",
				"line", line, "character", 0, "end", "line", line + 1, "character",
				0, "severity", 1, "source", "clerk", "message", err->message);
	json_t *on_doc =
	    json_pack("{s:{s:{s:i, s:i}, s:{s:i, s:i}}, s:i, s:s, s:s}", "range", "start", "line",
		      0, "character", 0, "end", "line", 0, "character", 0, "severity", 1, "source",
		      "clerk", "message", text);

	if (uri != NULL && strcmp(uri, doc->uri) != 0) {
		lsp_notify(s, "textDocument/publishDiagnostics",
			   json_pack("{s:s, s:[o]}", "uri", uri, "diagnostics", one));
		free(s->config_error_uri);
		s->config_error_uri = uri;
		uri = NULL;
	} else {
		json_decref(one);
	}
	lsp_notify(s, "textDocument/publishDiagnostics",
		   json_pack("{s:s, s:I, s:[o]}", "uri", doc->uri, "version",
			     (json_int_t)doc->version, "diagnostics", on_doc));
	free(uri);
	free(text);
}

/* Clears a configuration error shown before, now that the set opened. */
static void clear_config_error(struct lsp_server *s)
{
	if (s->config_error_uri == NULL)
		return;
	lsp_notify(s, "textDocument/publishDiagnostics",
		   json_pack("{s:s, s:[]}", "uri", s->config_error_uri, "diagnostics"));
	free(s->config_error_uri);
	s->config_error_uri = NULL;
}

/* Opens the set of doc's file (of its folder when the file is not saved
 * yet). Returns 0 or -1 (the error published). */
static int open_set(struct lsp_server *s, const struct lsp_doc *doc)
{
	struct config_error err = {0};
	char *folder = NULL, *paths[1];
	struct stat st;
	int rc;

	paths[0] = doc->path;
	if (stat(doc->path, &st) != 0) {
		folder = xstrndup(doc->path, (size_t)(strrchr(doc->path, '/') - doc->path));
		paths[0] = folder[0] ? folder : "/";
	}
	rc = project_open(&s->project, NULL, paths, 1, &err);
	s->has_project = 1;
	if (rc != 0)
		publish_config_error(s, doc, &err);
	free(folder);
	return rc;
}

/* Checks the whole set of the open project, the open documents' texts in
 * place of their files. */
static void check_set(struct lsp_server *s)
{
	char **paths = xcalloc(s->ndocs + 1, sizeof *paths), as_of[11];
	struct stat st;
	size_t i, n = 0;

	if (s->project.cfg.as_of[0] != '\0')
		memcpy(as_of, s->project.cfg.as_of, sizeof as_of);
	else
		date_today(as_of);
	check_init(&s->run, &s->project, as_of);
	s->has_run = 1;
	paths[n++] = project_path(&s->project, "");
	for (i = 0; i < s->ndocs; i++) {
		check_hold_text(&s->run, s->docs[i].path, s->docs[i].text, s->docs[i].len);
		/* a document not saved yet is named, so that it is checked too */
		if (stat(s->docs[i].path, &st) != 0 &&
		    wfile_inside(s->project.root_real, s->docs[i].path))
			paths[n++] = xstrdup(s->docs[i].path);
	}
	check_paths(&s->run, paths, n);
	for (i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
}

/* Checks the set of doc and publishes the findings. Returns 0, or -1 when
 * the set could not be opened. */
static int check_doc(struct lsp_server *s, const struct lsp_doc *doc)
{
	lsp_drop_check(s);
	free(s->checked);
	s->checked = xstrdup(doc->key);
	if (open_set(s, doc) != 0)
		return -1;
	clear_config_error(s);
	check_set(s);
	publish_run(s);
	publish_clean_docs(s);
	return 0;
}

/* Checks every set with an open document, each once (the configuration or
 * a schema changed). */
static void check_all(struct lsp_server *s)
{
	char *done = xcalloc(s->ndocs + 1, 1);
	size_t i, k;

	for (i = 0; i < s->ndocs; i++) {
		if (done[i] || check_doc(s, &s->docs[i]) != 0)
			continue;
		for (k = i; k < s->ndocs; k++)
			done[k] = done[k] || lsp_covers(s, &s->docs[k]);
	}
	free(done);
}

void lsp_settle(struct lsp_server *s)
{
	struct lsp_doc *doc = lsp_doc_find(s, s->dirty);

	if (s->dirty_all)
		check_all(s);
	else if (doc != NULL)
		check_doc(s, doc);
	free(s->dirty);
	s->dirty = NULL;
	s->dirty_all = 0;
}

int lsp_fresh(struct lsp_server *s, const struct lsp_doc *doc)
{
	if (s->dirty != NULL || s->dirty_all)
		lsp_settle(s);
	if (!lsp_covers(s, doc))
		return check_doc(s, doc);
	return 0;
}

int lsp_covers(const struct lsp_server *s, const struct lsp_doc *doc)
{
	if (!s->has_run)
		return 0;
	return (s->checked != NULL && strcmp(s->checked, doc->key) == 0) ||
	       lsp_record_of(s, doc->key) != NULL;
}

const char *lsp_held_path(const struct lsp_server *s, const char *key)
{
	const char *found = NULL;
	size_t i;
	char *k;

	for (i = 0; found == NULL && i < s->run.ntexts; i++) {
		k = lsp_key(s, s->run.texts[i].path);
		if (strcmp(k, key) == 0)
			found = s->run.texts[i].path;
		free(k);
	}
	return found;
}

const struct summary *lsp_record_of(const struct lsp_server *s, const char *key)
{
	const char *path = s->has_run ? lsp_held_path(s, key) : NULL;
	const struct summary *found = NULL;
	size_t i;
	char *k;

	for (i = 0; path != NULL && found == NULL && i < s->run.nrecords; i++)
		if (strcmp(s->run.records[i]->path, path) == 0)
			found = s->run.records[i];
	for (i = 0; path == NULL && s->has_run && found == NULL && i < s->run.nrecords; i++) {
		k = lsp_key(s, s->run.records[i]->path);
		if (strcmp(k, key) == 0)
			found = s->run.records[i];
		free(k);
	}
	return found;
}
