/* SPDX-License-Identifier: EUPL-1.2 */
/* template.c - parsing '{name:N}' templates into segments, and filling them in. */
#include "template.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "util.h"
#include "i18n.h"

#define NAME_MAX_LEN 64

static int parse_fail(char *msg, size_t msglen, const char *what, const char *src)
{
	snprintf(msg, msglen, _("%s in template '%s'"), what, src);
	return -1;
}

/* Reads the width after ':' in "{name:N}" (between colon and close). */
static int parse_width(const char *p, const char *close, int *width)
{
	long w = 0;

	if (p == close)
		return -1;
	for (; p < close; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		w = w * 10 + (*p - '0');
		if (w > 18)
			return -1;
	}
	if (w < 1)
		return -1;
	*width = (int)w;
	return 0;
}

/* Parses the placeholder at open ('{'); returns the character after '}'. */
static const char *parse_placeholder(const char *open, struct template_seg *seg, const char *src,
				     char *msg, size_t msglen)
{
	const char *close = strchr(open, '}');
	const char *colon;

	if (close == NULL) {
		parse_fail(msg, msglen, "a '{' is not closed with '}'", src);
		return NULL;
	}
	colon = memchr(open, ':', (size_t)(close - open));
	seg->placeholder = 1;
	seg->text = open + 1;
	seg->len = (size_t)((colon ? colon : close) - open - 1);
	if (seg->len == 0 || seg->len > NAME_MAX_LEN || memchr(seg->text, '{', seg->len)) {
		parse_fail(msg, msglen, "a {...} needs a name of 1 to 64 characters", src);
		return NULL;
	}
	if (colon != NULL && parse_width(colon + 1, close, &seg->width) != 0) {
		parse_fail(msg, msglen, "the width after ':' must be a number from 1 to 18", src);
		return NULL;
	}
	return close + 1;
}

int template_parse(struct arena *a, const char *src, struct template *t, char *msg, size_t msglen)
{
	size_t cap = 1, len = strlen(src), i;
	const char *p = src, *brace;

	for (i = 0; i < len; i++)
		cap += src[i] == '{' ? 2 : 0;
	t->src = src;
	t->n = 0;
	t->segs = arena_alloc(a, cap * sizeof *t->segs);
	while (*p != '\0') {
		brace = strchr(p, '{');
		if (brace == NULL || brace > p) {
			t->segs[t->n].text = p;
			t->segs[t->n].len = brace ? (size_t)(brace - p) : strlen(p);
			p += t->segs[t->n++].len;
			continue;
		}
		p = parse_placeholder(brace, &t->segs[t->n], src, msg, msglen);
		if (p == NULL)
			return -1;
		t->n++;
	}
	return 0;
}

/* Appends value, padded with zeros to width when it is all digits. */
static void add_value(struct buf *b, const char *value, int width)
{
	size_t len = strlen(value), i;
	int digits = len > 0;

	for (i = 0; i < len; i++)
		digits = digits && value[i] >= '0' && value[i] <= '9';
	for (; digits && (int)len < width; width--)
		buf_add(b, "0", 1);
	buf_puts(b, value);
}

char *template_expand(const struct template *t, template_lookup lookup, void *ctx)
{
	struct buf b = {0};
	const char *value;
	size_t i;

	buf_add(&b, "", 0);
	for (i = 0; i < t->n; i++) {
		if (!t->segs[i].placeholder) {
			buf_add(&b, t->segs[i].text, t->segs[i].len);
			continue;
		}
		value = lookup(ctx, t->segs[i].text, t->segs[i].len);
		if (value == NULL) {
			buf_free(&b);
			return NULL;
		}
		add_value(&b, value, t->segs[i].width);
	}
	return buf_take(&b);
}

int template_has(const struct template *t, const char *name)
{
	size_t i, len = strlen(name);

	for (i = 0; i < t->n; i++)
		if (t->segs[i].placeholder && t->segs[i].len == len &&
		    memcmp(t->segs[i].text, name, len) == 0)
			return 1;
	return 0;
}
