/* SPDX-License-Identifier: EUPL-1.2 */
/* lsp_rpc.h - the base protocol of the Language Server Protocol: JSON-RPC
 * messages, each after a header with its Content-Length, over two file
 * descriptors (an editor's pipes to clerk lsp).
 *
 * Everything read is untrusted: a header line longer than 8 KB or a body
 * larger than LSP_MAX_MESSAGE is not read into memory, a body that is not
 * JSON is reported and skipped, and reading goes on with the next message.
 * JSON values are jansson's (json_t); see https://jansson.readthedocs.io. */
#ifndef CLERK_LSP_RPC_H
#define CLERK_LSP_RPC_H

#include <stddef.h>

#include <jansson.h>

/* The largest message body read: 64 MB (a record is at most max-file-size). */
#define LSP_MAX_MESSAGE ((size_t)64 * 1024 * 1024)

/* One connection: bytes read but not handed out yet, and the descriptors. */
struct lsp_conn {
	int in, out;
	char *buf;
	size_t start, len, cap; /* unread bytes are buf[start, len) */
	size_t skip;            /* bytes of a too-large body still to throw away */
	int eof;
};

/* What lsp_read found. */
enum lsp_read_result {
	LSP_MESSAGE, /* *msg is a JSON value; the caller json_decref's it */
	LSP_BAD,     /* a message that could not be used; *why says why (static, English) */
	LSP_END,     /* the input ended (or broke off in a header: nothing more can follow) */
};

/* Starts a connection reading in and writing out. Free with lsp_conn_free. */
void lsp_conn_init(struct lsp_conn *c, int in, int out);
void lsp_conn_free(struct lsp_conn *c);

/* Reads the next message, waiting for it. */
enum lsp_read_result lsp_read(struct lsp_conn *c, json_t **msg, const char **why);

/* True when more input is waiting now (read already, or readable without
 * waiting): the server then handles it before a slow step. */
int lsp_pending(struct lsp_conn *c);

/* Writes msg (borrowed) with its header, whole. Returns 0, or -1 with errno
 * when the editor's end is gone. */
int lsp_write(struct lsp_conn *c, const json_t *msg);

#endif
