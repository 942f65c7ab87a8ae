/* SPDX-License-Identifier: EUPL-1.2 */
/* load_yaml.h - a YAML document as a tree of nodes that remember where they were written.
 *
 * libyaml does the parsing; this layer keeps every scalar as the text that
 * was written (no type guessing: 2016009542 and 1.10 stay strings) together
 * with its 1-based line and column. Front matter, configuration and schema
 * files all load through here. */
#ifndef CLERK_LOAD_YAML_H
#define CLERK_LOAD_YAML_H

#include <stddef.h>

struct arena;

enum ynode_kind { YNODE_SCALAR, YNODE_SEQ, YNODE_MAP };

struct ynode {
	enum ynode_kind kind;
	int line, col;
	int plain;            /* scalar written without quotes or block style */
	const char *text;     /* scalar: its text; "" for other kinds */
	size_t len;           /* scalar: length of text in bytes */
	struct ynode **items; /* seq: the items; map: key, value, key, value... */
	size_t n;             /* number of entries in items */
};

struct yerror {
	int line, col;     /* 1-based, 0 when unknown */
	char message[256]; /* what went wrong, in the YAML reader's words */
	char hint[192];    /* the same in plain words with what to do, or "" */
};

/* The deepest nesting of lists and mappings ytree_parse accepts: libyaml
 * slows down sharply with depth, and real front matter stays far below. */
#define YTREE_MAX_DEPTH 64

/* Parses one YAML document from text. Returns its root node, owned by the
 * arena, or NULL with err filled in when the text is not valid YAML or holds
 * more than one document. An empty document returns NULL with an empty
 * err->message. Line numbers are shifted by line_offset. */
struct ynode *ytree_parse(struct arena *a, const char *text, size_t len, int line_offset,
			  struct yerror *err);

/* Returns the value of key in map, or NULL when absent or map is not a map. */
const struct ynode *ynode_get(const struct ynode *map, const char *key);
/* Returns the key node paired with key in map, or NULL. */
const struct ynode *ynode_key(const struct ynode *map, const char *key);
/* True when node is NULL or a plain null scalar ("", ~, null). */
int ynode_is_null(const struct ynode *node);
/* True when node is a scalar equal to s. */
int ynode_is(const struct ynode *node, const char *s);
/* Returns the number of key/value pairs of a map. */
size_t ynode_pairs(const struct ynode *map);

/* A key written a second time in one mapping, and its first occurrence. */
struct ydup {
	const struct ynode *key;
	const struct ynode *first;
};

/* Finds the scalar keys of map given more than once, in O(n log n).
 * Returns how many; *dups (malloc'd, in document order, free it) lists them. */
size_t ynode_duplicates(const struct ynode *map, struct ydup **dups);
/* Returns the first duplicate key in any mapping of the tree under root
 * (each node visited once), or 0 when there is none. */
int ytree_find_duplicate(const struct ynode *root, struct ydup *dup);

#endif
