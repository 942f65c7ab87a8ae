/* SPDX-License-Identifier: EUPL-1.2 */
/* lsp.h - `clerk lsp`: a Language Server Protocol server for any editor.
 *
 * The server keeps the documents the editor has open (their unsaved text)
 * and, after each change, checks the record set the document belongs to,
 * as `clerk check` does, with the open documents' texts in place of the
 * files on disk. It publishes the findings of the open documents, and of
 * any other record whose findings the change caused or resolved; offers
 * the fixes the findings carry as code actions; shows the record an id
 * cites on hover and goes to it; completes field names, allowed values
 * and the ids a reference field may cite; and shows a rule's
 * documentation on hover over its finding. It never writes a file.
 *
 * lsp.c holds the life cycle (the messages read and answered);
 * lsp_features.c the requests about a place in a document; lsp_state.c
 * the documents, the last check and the diagnostics published; lsp_rpc.c
 * the framing and lsp_pos.c the columns (UTF-16, as the protocol counts).
 * Calls go one way: lsp.c -> lsp_features.c -> lsp_state.c. */
#ifndef CLERK_LSP_H
#define CLERK_LSP_H

#include <stddef.h>

#include <jansson.h>

#include "check.h"
#include "lsp_pos.h"
#include "lsp_rpc.h"
#include "project.h"

/* Serves one editor over the descriptors in and out until it says exit or
 * the input ends. Returns the exit code the protocol asks for: 0 after
 * shutdown then exit, 1 otherwise. Never stops on a bad message or a bad
 * document: it answers with an error or a finding. */
int lsp_serve(int in, int out);

/* ------------------------------------- shared by lsp.c, lsp_features.c */

/* A document the editor has open: its text as the editor has it. */
struct lsp_doc {
	char *uri;
	char *path; /* absolute */
	char *key;  /* path with its folder resolved: how the file is compared */
	char *text;
	size_t len;
	long version;
	unsigned published; /* the check whose findings it was last given */
};

/* What the server last knew of a file not open: a digest of its findings. */
struct lsp_known {
	char *key, *uri, *digest;
	unsigned gen;
};

struct lsp_server {
	struct lsp_conn conn;
	int initialized, shutdown, done;
	int watch_dynamic; /* the editor lets the server ask to watch files */
	struct lsp_doc *docs;
	size_t ndocs, docs_cap;
	struct lsp_known *known; /* sorted by key */
	size_t nknown, known_cap;
	char **baselined; /* the sets (real folders) checked once already */
	size_t nbaselined, baselined_cap;
	char *cwd;
	char *config_error_uri; /* a configuration shown as broken, or NULL */
	/* The last check: its set, run and the document it was made for. */
	struct project project;
	struct check_run run;
	int has_project, has_run;
	char *checked; /* the key of the document the last check was made for */
	char *dirty;   /* the uri of a document changed since, or NULL */
	int dirty_all; /* the configuration or schemas changed: every set again */
	unsigned gen;
	long next_id;
};

/* Sends msg (taken over); when the editor is gone, the server is done. */
void lsp_send(struct lsp_server *s, json_t *msg);
/* Sends the notification method with params (taken over). */
void lsp_notify(struct lsp_server *s, const char *method, json_t *params);

/* The path of a file:// URI (malloc'd), or NULL for another scheme, a
 * host other than the local one, or an encoded NUL or bad escape. */
char *lsp_uri_path(const char *uri);

/* Notes that the editor has just been told the file key has no findings
 * (its document was closed): the next check takes its findings from disk
 * without publishing them, and later checks publish their changes. */
void lsp_known_forget(struct lsp_server *s, const char *key);

/* Checks again what changed since the last check (s->dirty, dirty_all)
 * and publishes the findings. */
void lsp_settle(struct lsp_server *s);
/* Frees the last check and its project. */
void lsp_drop_check(struct lsp_server *s);

/* Returns the open document of uri, or NULL. */
struct lsp_doc *lsp_doc_find(struct lsp_server *s, const char *uri);

/* Brings the last check up to date for doc (checking its set again when
 * something changed or the last check was of another set). Returns 0, or
 * -1 when the set could not be opened (its configuration is broken). */
int lsp_fresh(struct lsp_server *s, const struct lsp_doc *doc);

/* True when the last check covers doc: it was made for doc, or doc is a
 * record of its set. */
int lsp_covers(const struct lsp_server *s, const struct lsp_doc *doc);

/* The key of a path as the check gives it (relative to the current folder
 * or absolute): absolute, its folder resolved (malloc'd). */
char *lsp_key(const struct lsp_server *s, const char *path);

/* The URI of a path as the check gives it: that of the open document when
 * it is one, else file:// and the key (malloc'd). */
char *lsp_uri_of(const struct lsp_server *s, const char *path);

/* The path the last check gives the file key, when it holds its text (an
 * open document); NULL otherwise. Owned by the run. */
const char *lsp_held_path(const struct lsp_server *s, const char *key);

/* Returns the summary of the record in the last check whose file is key,
 * or NULL. */
const struct summary *lsp_record_of(const struct lsp_server *s, const char *key);

/* A range as JSON from clerk's places: line and byte column from 1, the
 * end exclusive (end_line 0: to the end of the line), in lines. */
json_t *lsp_range(const struct lsp_lines *l, int line, int col, int end_line, int end_col);

/* The diagnostic of d, with its columns from the text lines. */
json_t *lsp_diagnostic(const struct lsp_server *s, const struct diag *d, const struct lsp_lines *l);

/* The requests about a place, in lsp_features.c: each returns the result
 * (a new reference; json_null() when there is nothing) for params. */
json_t *lsp_hover(struct lsp_server *s, json_t *params);
json_t *lsp_definition(struct lsp_server *s, json_t *params);
json_t *lsp_completion(struct lsp_server *s, json_t *params);
json_t *lsp_code_action(struct lsp_server *s, json_t *params);

#endif
