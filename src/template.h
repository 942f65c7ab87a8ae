/* SPDX-License-Identifier: EUPL-1.2 */
/* template.h - '{name}' and '{name:N}' templates, parsed once when a schema loads.
 *
 * A template such as 'COV-{year}-{seq:3}' or 'covenants/{id}.md' is a list
 * of segments: literal text, and placeholders with a name and a width (a
 * number filled in with leading zeros up to that width; 0: as it is). The
 * id template, the path template and the file-name template of a schema all
 * use it. */
#ifndef CLERK_TEMPLATE_H
#define CLERK_TEMPLATE_H

#include <stddef.h>

struct arena;

struct template_seg {
	const char *text; /* literal text, or the placeholder's name */
	size_t len;
	int placeholder; /* 1: {text} or {text:width} */
	int width;       /* zero-padded width of a number, 0 when none */
};

struct template
{
	const char *src; /* as written in the schema */
	struct template_seg *segs;
	size_t n;
};

/* Parses src into t; segments live in arena a. Returns 0, or -1 with a
 * plain-words message in msg (an unclosed '{', an empty or too long name, a
 * width that is not a number from 1 to 18). */
int template_parse(struct arena *a, const char *src, struct template *t, char *msg, size_t msglen);

/* Gives the value of placeholder name (not NUL-terminated: len bytes), or
 * NULL when it has none. The string must stay valid until the next call. */
typedef const char *(*template_lookup)(void *ctx, const char *name, size_t len);

/* Fills t in: literal text as it is, each placeholder by lookup, a value of
 * digits shorter than the width padded with leading zeros. Returns a
 * malloc'd string (caller frees), or NULL when a placeholder has no value. */
char *template_expand(const struct template *t, template_lookup lookup, void *ctx);

/* True when t has a placeholder named name. */
int template_has(const struct template *t, const char *name);

#endif
