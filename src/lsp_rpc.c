/* SPDX-License-Identifier: EUPL-1.2 */
/* lsp_rpc.c - Content-Length framing of JSON-RPC messages over pipes.
 *
 * The reader keeps one buffer; a header is looked for from where the last
 * look stopped, so a message arriving in small pieces is not scanned again
 * and again. */
#include "lsp_rpc.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "util.h"

#define HEADER_MAX 8192

void lsp_conn_init(struct lsp_conn *c, int in, int out)
{
	memset(c, 0, sizeof *c);
	c->in = in;
	c->out = out;
}

void lsp_conn_free(struct lsp_conn *c)
{
	free(c->buf);
	memset(c, 0, sizeof *c);
}

/* Reads what is there (at least one byte, waiting for it) into the buffer;
 * returns the bytes read, 0 at the end of the input. */
static size_t fill(struct lsp_conn *c)
{
	ssize_t n;

	if (c->start > 0 && c->start == c->len)
		c->start = c->len = 0;
	if (c->start > c->cap / 2) {
		memmove(c->buf, c->buf + c->start, c->len - c->start);
		c->len -= c->start;
		c->start = 0;
	}
	if (c->cap - c->len < 65536) {
		c->cap = c->cap * 2 + 65536;
		c->buf = xrealloc(c->buf, c->cap);
	}
	do
		n = read(c->in, c->buf + c->len, c->cap - c->len);
	while (n < 0 && errno == EINTR);
	if (n <= 0) {
		c->eof = 1;
		return 0;
	}
	c->len += (size_t)n;
	return (size_t)n;
}

/* Throws away the rest of a body too large to keep; returns 0, or -1 at
 * the end of the input. */
static int skip_body(struct lsp_conn *c)
{
	size_t have;

	while (c->skip > 0) {
		if (c->start == c->len && fill(c) == 0)
			return -1;
		have = c->len - c->start < c->skip ? c->len - c->start : c->skip;
		c->start += have;
		c->skip -= have;
	}
	return 0;
}

/* Finds the end of the header; returns its length with the blank line, or
 * 0 when it has not all come, or (size_t)-1 when it is too long. */
static size_t header_end(const struct lsp_conn *c, size_t *looked)
{
	const char *h = c->buf + c->start;
	size_t n = c->len - c->start, i = *looked > 3 ? *looked - 3 : 0;

	for (; i + 3 < n; i++)
		if (h[i] == '\r' && memcmp(h + i, "\r\n\r\n", 4) == 0)
			return i + 4;
	*looked = n;
	return n > HEADER_MAX ? (size_t)-1 : 0;
}

/* The Content-Length of the header h (hlen bytes), or -1 when it has none. */
static long long content_length(const char *h, size_t hlen)
{
	static const char name[] = "Content-Length:";
	const char *line = h, *end = h + hlen;
	char digits[24];
	size_t k;

	while (line < end) {
		const char *eol = memchr(line, '\n', (size_t)(end - line));

		if (eol == NULL)
			eol = end;
		if ((size_t)(eol - line) > sizeof name - 1 &&
		    strncasecmp(line, name, sizeof name - 1) == 0) {
			line += sizeof name - 1;
			while (line < eol && *line == ' ')
				line++;
			for (k = 0; line < eol && *line >= '0' && *line <= '9' && k < 19; k++)
				digits[k] = *line++;
			digits[k] = '\0';
			return k > 0 ? strtoll(digits, NULL, 10) : -1;
		}
		line = eol + 1;
	}
	return -1;
}

/* Waits for the whole header; returns its length, 0 at the end of input
 * or when it is too long (the stream cannot be followed after that). */
static size_t read_header(struct lsp_conn *c)
{
	size_t looked = 0, hlen;

	for (;;) {
		hlen = header_end(c, &looked);
		if (hlen == (size_t)-1)
			return 0;
		if (hlen > 0)
			return hlen;
		if (fill(c) == 0)
			return 0;
	}
}

enum lsp_read_result lsp_read(struct lsp_conn *c, json_t **msg, const char **why)
{
	json_error_t error;
	long long clen;
	size_t hlen;

	*msg = NULL;
	*why = NULL;
	if (skip_body(c) != 0)
		return LSP_END;
	hlen = read_header(c);
	if (hlen == 0)
		return LSP_END;
	clen = content_length(c->buf + c->start, hlen);
	c->start += hlen;
	if (clen < 0) {
		*why = "a message without a Content-Length header";
		return LSP_BAD;
	}
	if ((unsigned long long)clen > LSP_MAX_MESSAGE) {
		c->skip = (size_t)clen;
		*why = "a message larger than 64 MB";
		return LSP_BAD;
	}
	while (c->len - c->start < (size_t)clen)
		if (fill(c) == 0)
			return LSP_END;
	*msg = json_loadb(c->buf + c->start, (size_t)clen, JSON_DECODE_ANY, &error);
	c->start += (size_t)clen;
	if (*msg == NULL) {
		*why = "a message that is not JSON";
		return LSP_BAD;
	}
	return LSP_MESSAGE;
}

int lsp_pending(struct lsp_conn *c)
{
	struct pollfd p = {c->in, POLLIN, 0};

	if (c->eof || c->len > c->start)
		return 1;
	return poll(&p, 1, 0) > 0;
}

/* Writes all n bytes of s; returns 0 or -1 with errno. */
static int write_all(int fd, const char *s, size_t n)
{
	ssize_t w;

	while (n > 0) {
		w = write(fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

int lsp_write(struct lsp_conn *c, const json_t *msg)
{
	char *body = json_dumps(msg, JSON_COMPACT | JSON_ENCODE_ANY), header[64];
	int rc = -1, n;

	if (body == NULL) {
		errno = ENOMEM;
		return -1;
	}
	n = snprintf(header, sizeof header, "Content-Length: %zu\r\n\r\n", strlen(body));
	if (write_all(c->out, header, (size_t)n) == 0 && write_all(c->out, body, strlen(body)) == 0)
		rc = 0;
	free(body);
	return rc;
}
