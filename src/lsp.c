/* SPDX-License-Identifier: EUPL-1.2 */
/* lsp.c - the language server's life cycle: the messages, read and answered.
 *
 * One loop reads a message, answers it, and, when a document changed and
 * no other message is waiting, checks its record set and publishes the
 * findings; so a burst of keystrokes costs one check. Requests about a
 * place check first when a change is still waiting. */
#include "lsp.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"
#include "version.h"

/* JSON-RPC's and the protocol's error codes. */
enum {
	ERR_PARSE = -32700,
	ERR_INVALID_REQUEST = -32600,
	ERR_NO_METHOD = -32601,
	ERR_INVALID_PARAMS = -32602,
	ERR_NOT_INITIALIZED = -32002,
};

/* -------------------------------------------------------- documents */

static void doc_set_text(struct lsp_doc *d, const char *text, size_t len)
{
	free(d->text);
	d->text = xstrndup(text, len);
	d->len = len;
}

static void doc_free(struct lsp_doc *d)
{
	free(d->uri);
	free(d->path);
	free(d->key);
	free(d->text);
}

/* Marks the document of uri as changed, for the next check. */
static void mark_dirty(struct lsp_server *s, const char *uri)
{
	if (s->dirty != NULL && strcmp(s->dirty, uri) != 0)
		s->dirty_all = 1;
	free(s->dirty);
	s->dirty = xstrdup(uri);
}

/* ----------------------------------------------------------- answers */

/* Answers the request id (borrowed) with result (taken over). */
static void reply(struct lsp_server *s, json_t *id, json_t *result)
{
	lsp_send(s, json_pack("{s:s, s:O, s:o}", "jsonrpc", "2.0", "id", id, "result", result));
}

static void reply_error(struct lsp_server *s, json_t *id, int code, const char *message)
{
	lsp_send(s, json_pack("{s:s, s:O, s:{s:i, s:s}}", "jsonrpc", "2.0", "id",
			      id ? id : json_null(), "error", "code", code, "message", message));
}

/* Tells the editor's log something went wrong that is not about a record. */
static void log_message(struct lsp_server *s, const char *text)
{
	lsp_notify(s, "window/logMessage", json_pack("{s:i, s:s}", "type", 1, "message", text));
}

/* ------------------------------------------------------ notifications */

/* A string member of obj, or NULL. */
static const char *str_of(json_t *obj, const char *name)
{
	return json_string_value(json_object_get(obj, name));
}

static void did_open(struct lsp_server *s, json_t *params)
{
	json_t *td = json_object_get(params, "textDocument");
	const char *uri = str_of(td, "uri"), *text = str_of(td, "text");
	char *path = lsp_uri_path(uri);
	struct lsp_doc *d;

	if (path == NULL || text == NULL) {
		free(path);
		return; /* only files are records */
	}
	d = lsp_doc_find(s, uri);
	if (d == NULL) {
		xgrow((void **)&s->docs, &s->docs_cap, s->ndocs, sizeof *s->docs);
		d = &s->docs[s->ndocs++];
		memset(d, 0, sizeof *d);
		d->uri = xstrdup(uri);
		d->path = path;
		d->key = lsp_key(s, path);
	} else {
		free(path);
	}
	doc_set_text(d, text, json_string_length(json_object_get(td, "text")));
	d->version = (long)json_integer_value(json_object_get(td, "version"));
	mark_dirty(s, uri);
}

/* Applies one change of didChange: the whole text, or (when the editor
 * sends a range anyway) the text in place of the range. */
static void apply_change(struct lsp_doc *d, json_t *change)
{
	json_t *range = json_object_get(change, "range"), *text = json_object_get(change, "text");
	json_t *start = json_object_get(range, "start"), *end = json_object_get(range, "end");
	struct lsp_lines l;
	struct buf b = {0};
	size_t from, to;

	if (!json_is_string(text))
		return;
	if (range == NULL) {
		doc_set_text(d, json_string_value(text), json_string_length(text));
		return;
	}
	lsp_lines_index(&l, d->text, d->len);
	from = lsp_offset_of(&l, (long)json_integer_value(json_object_get(start, "line")),
			     (long)json_integer_value(json_object_get(start, "character")));
	to = lsp_offset_of(&l, (long)json_integer_value(json_object_get(end, "line")),
			   (long)json_integer_value(json_object_get(end, "character")));
	lsp_lines_free(&l);
	if (to < from)
		to = from;
	buf_add(&b, d->text, from);
	buf_add(&b, json_string_value(text), json_string_length(text));
	buf_add(&b, d->text + to, d->len - to);
	free(d->text);
	d->len = b.len;
	d->text = buf_take(&b);
}

static void did_change(struct lsp_server *s, json_t *params)
{
	json_t *td = json_object_get(params, "textDocument");
	json_t *changes = json_object_get(params, "contentChanges");
	struct lsp_doc *d = lsp_doc_find(s, str_of(td, "uri"));
	size_t i;

	if (d == NULL)
		return;
	for (i = 0; i < json_array_size(changes); i++)
		apply_change(d, json_array_get(changes, i));
	d->version = (long)json_integer_value(json_object_get(td, "version"));
	mark_dirty(s, d->uri);
}

/* True when path names the configuration or a schema: a .yml or .yaml file. */
static int is_settings(const char *path)
{
	size_t n = path ? strlen(path) : 0;

	return (n > 4 && strcmp(path + n - 4, ".yml") == 0) ||
	       (n > 5 && strcmp(path + n - 5, ".yaml") == 0);
}

static void did_save(struct lsp_server *s, json_t *params)
{
	const char *uri = str_of(json_object_get(params, "textDocument"), "uri");

	if (is_settings(uri))
		s->dirty_all = 1;
	else if (lsp_doc_find(s, uri) != NULL)
		mark_dirty(s, uri);
}

static void did_close(struct lsp_server *s, json_t *params)
{
	const char *uri = str_of(json_object_get(params, "textDocument"), "uri");
	struct lsp_doc *d = lsp_doc_find(s, uri);

	if (d == NULL)
		return;
	lsp_notify(s, "textDocument/publishDiagnostics",
		   json_pack("{s:s, s:[]}", "uri", d->uri, "diagnostics"));
	lsp_known_forget(s, d->key);
	doc_free(d);
	*d = s->docs[--s->ndocs];
	/* its file on disk counts again, for the other open documents */
	if (s->ndocs > 0)
		s->dirty_all = 1;
}

static void did_change_watched(struct lsp_server *s, json_t *params)
{
	(void)params;
	s->dirty_all = 1; /* .clerk.yml, a schema or a record changed on disk */
}

/* ------------------------------------------------------------ requests */

static json_t *initialize(struct lsp_server *s, json_t *params)
{
	json_t *watch =
	    json_object_get(json_object_get(json_object_get(params, "capabilities"), "workspace"),
			    "didChangeWatchedFiles");

	s->watch_dynamic = json_is_true(json_object_get(watch, "dynamicRegistration"));
	s->initialized = 1;
	return json_pack("{s:{s:s, s:{s:b, s:i, s:{s:b}}, s:b, s:b, s:{s:[s,s,s]}, s:{s:[s]}},"
			 " s:{s:s, s:s}}",
			 "capabilities", "positionEncoding", "utf-16", "textDocumentSync",
			 "openClose", 1, "change", 1, "save", "includeText", 0, "hoverProvider", 1,
			 "definitionProvider", 1, "completionProvider", "triggerCharacters", ":",
			 " ", "-", "codeActionProvider", "codeActionKinds", "quickfix",
			 "serverInfo", "name", "clerk", "version", CLERK_VERSION);
}

/* Once the editor is ready: asks it to say when .clerk.yml, a schema or a
 * record changes on disk (a checkout, another program), when it can. */
static void did_initialize(struct lsp_server *s, json_t *params)
{
	(void)params;
	if (!s->watch_dynamic)
		return;
	lsp_send(s, json_pack("{s:s, s:s, s:s, s:{s:[{s:s, s:s, s:{s:[{s:s}, {s:s}, {s:s}]}}]}}",
			      "jsonrpc", "2.0", "id", "clerk-watch", "method",
			      "client/registerCapability", "params", "registrations", "id",
			      "clerk-watch", "method", "workspace/didChangeWatchedFiles",
			      "registerOptions", "watchers", "globPattern", "**/.clerk.yml",
			      "globPattern", "**/*.{yml,yaml}", "globPattern", "**/*.md"));
}

static json_t *do_shutdown(struct lsp_server *s, json_t *params)
{
	(void)params;
	s->shutdown = 1;
	return json_null();
}

/* The methods, requests (with a result) and notifications. */
static const struct method {
	const char *name;
	json_t *(*request)(struct lsp_server *s, json_t *params);
	void (*notification)(struct lsp_server *s, json_t *params);
} methods[] = {
    {"initialize", initialize, NULL},
    {"shutdown", do_shutdown, NULL},
    {"textDocument/hover", lsp_hover, NULL},
    {"textDocument/definition", lsp_definition, NULL},
    {"textDocument/completion", lsp_completion, NULL},
    {"textDocument/codeAction", lsp_code_action, NULL},
    {"initialized", NULL, did_initialize},
    {"textDocument/didOpen", NULL, did_open},
    {"textDocument/didChange", NULL, did_change},
    {"textDocument/didSave", NULL, did_save},
    {"textDocument/didClose", NULL, did_close},
    {"workspace/didChangeWatchedFiles", NULL, did_change_watched},
};

static const struct method *method_find(const char *name)
{
	size_t i;

	for (i = 0; name != NULL && i < sizeof methods / sizeof *methods; i++)
		if (strcmp(methods[i].name, name) == 0)
			return &methods[i];
	return NULL;
}

/* Answers a request: errors before initialize and after shutdown, an
 * unknown method, or the handler's result. */
static void handle_request(struct lsp_server *s, const struct method *m, const char *name,
			   json_t *id, json_t *params)
{
	if (!s->initialized && (m == NULL || m->request != initialize))
		reply_error(s, id, ERR_NOT_INITIALIZED, "the server is not initialized yet");
	else if (s->shutdown)
		reply_error(s, id, ERR_INVALID_REQUEST, "the server is shut down");
	else if (m == NULL || m->request == NULL)
		reply_error(s, id, ERR_NO_METHOD, name ? name : "no method");
	else if (params != NULL && !json_is_object(params) && !json_is_null(params))
		reply_error(s, id, ERR_INVALID_PARAMS, "params must be an object");
	else
		reply(s, id, m->request(s, params));
}

static void handle(struct lsp_server *s, json_t *msg)
{
	const char *name = str_of(msg, "method");
	json_t *id = json_object_get(msg, "id"), *params = json_object_get(msg, "params");
	const struct method *m = method_find(name);

	if (!json_is_object(msg)) {
		reply_error(s, NULL, ERR_INVALID_REQUEST, "a message must be a JSON object");
	} else if (name == NULL) {
		/* an answer of the editor to a request of ours: nothing to do */
	} else if (id != NULL) {
		handle_request(s, m, name, id, params);
	} else if (strcmp(name, "exit") == 0) {
		s->done = 1;
	} else if (m != NULL && m->notification != NULL && s->initialized && !s->shutdown &&
		   json_is_object(params)) {
		m->notification(s, params);
	}
}

/* ---------------------------------------------------------------- loop */

static void server_free(struct lsp_server *s)
{
	size_t i;

	lsp_drop_check(s);
	for (i = 0; i < s->ndocs; i++)
		doc_free(&s->docs[i]);
	free(s->docs);
	for (i = 0; i < s->nknown; i++) {
		free(s->known[i].key);
		free(s->known[i].uri);
		free(s->known[i].digest);
	}
	free(s->known);
	for (i = 0; i < s->nbaselined; i++)
		free(s->baselined[i]);
	free(s->baselined);
	free(s->config_error_uri);
	free(s->dirty);
	free(s->checked);
	free(s->cwd);
	lsp_conn_free(&s->conn);
}

int lsp_serve(int in, int out)
{
	struct lsp_server s;
	enum lsp_read_result r;
	const char *why;
	json_t *msg;
	int rc;

	memset(&s, 0, sizeof s);
	lsp_conn_init(&s.conn, in, out);
	s.cwd = getcwd(NULL, 0);
	if (s.cwd == NULL)
		s.cwd = xstrdup("/");
	while (!s.done) {
		r = lsp_read(&s.conn, &msg, &why);
		if (r == LSP_END)
			break;
		if (r == LSP_BAD) {
			log_message(&s, why);
			reply_error(&s, NULL, ERR_PARSE, why);
			continue;
		}
		handle(&s, msg);
		json_decref(msg);
		if ((s.dirty != NULL || s.dirty_all) && !s.done && !lsp_pending(&s.conn))
			lsp_settle(&s);
	}
	rc = s.shutdown && s.done ? 0 : 1;
	server_free(&s);
	return rc;
}
