/* SPDX-License-Identifier: EUPL-1.2 */
/* load_yaml.c - libyaml events to a positioned node tree, built without recursion. */
#include "load_yaml.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "arena.h"
#include "i18n.h"
#include "util.h"

/* A collection being filled: its node and the children gathered so far. */
struct frame {
	struct ynode *node;
	struct ynode **items;
	size_t n, cap;
};

struct anchor {
	char *name;
	struct ynode *node;
};

struct builder {
	struct arena *arena;
	int line_offset;
	struct frame *stack;
	size_t depth, cap;
	struct anchor *anchors;
	size_t nanchors, anchors_cap;
	struct ynode *root;
	int documents;
	struct yerror *err;
	/* libyaml counts columns in characters; clerk's columns count bytes.
	 * Marks come in the order of the text, so a cursor that moves forward
	 * converts each in time linear in the text. */
	const char *text;
	size_t len;
	size_t chars, bytes, line_start; /* the cursor: a character index, its byte offset,
					    and where its line starts */
};

/* A limit that keeps hostile input cheap: every alias looks its anchor up.
 * Real front matter stays far below it (the depth limit is in the header). */
#define MAX_ANCHORS 256

static void set_error(struct yerror *err, int line, int col, const char *msg)
{
	err->line = line;
	err->col = col;
	snprintf(err->message, sizeof err->message, "%s", msg);
	err->hint[0] = '\0';
}

/* Records an error at the start of event ev and returns -1. */
static int event_error(struct builder *b, const yaml_event_t *ev, const char *msg)
{
	set_error(b->err, (int)ev->start_mark.line + 1 + b->line_offset,
		  (int)ev->start_mark.column + 1, msg);
	return -1;
}

/* True when the byte at p starts a line break (LF, CR; CRLF counts once). */
static int breaks_line(const char *p, const char *end)
{
	return *p == '\n' || (*p == '\r' && (p + 1 == end || p[1] != '\n'));
}

/* Returns the column in bytes (from 1) of mark, whose column libyaml counts
 * in characters. */
static int byte_column(struct builder *b, yaml_mark_t mark)
{
	const char *end = b->text + b->len;

	if (mark.index < b->chars) {
		b->chars = b->bytes = b->line_start = 0;
	}
	while (b->chars < mark.index && b->bytes < b->len) {
		if (breaks_line(b->text + b->bytes, end))
			b->line_start = b->bytes + 1;
		b->bytes++;
		while (b->bytes < b->len && ((unsigned char)b->text[b->bytes] & 0xC0) == 0x80)
			b->bytes++;
		b->chars++;
	}
	if (b->chars != mark.index)
		return (int)mark.column + 1;
	return (int)(b->bytes - b->line_start) + 1;
}

static struct ynode *node_new(struct builder *b, enum ynode_kind kind, yaml_mark_t mark)
{
	struct ynode *node = arena_alloc(b->arena, sizeof *node);

	node->kind = kind;
	node->line = (int)mark.line + 1 + b->line_offset;
	node->col = byte_column(b, mark);
	node->text = "";
	return node;
}

/* Remembers node under its anchor name; returns -1 when there are too many. */
static int remember_anchor(struct builder *b, const yaml_event_t *ev, yaml_char_t *anchor,
			   struct ynode *node)
{
	if (anchor == NULL)
		return 0;
	if (b->nanchors >= MAX_ANCHORS)
		return event_error(b, ev, "too many anchors (&name); at most 256 are allowed");
	xgrow((void **)&b->anchors, &b->anchors_cap, b->nanchors, sizeof *b->anchors);
	b->anchors[b->nanchors].name = xstrdup((const char *)anchor);
	b->anchors[b->nanchors].node = node;
	b->nanchors++;
	return 0;
}

static struct ynode *find_anchor(struct builder *b, const char *name)
{
	size_t i;

	for (i = b->nanchors; i > 0; i--)
		if (strcmp(b->anchors[i - 1].name, name) == 0)
			return b->anchors[i - 1].node;
	return NULL;
}

/* True when node is a collection still being read (an alias to it would
 * make the tree contain itself). */
static int is_open(const struct builder *b, const struct ynode *node)
{
	size_t i;

	for (i = 0; i < b->depth; i++)
		if (b->stack[i].node == node)
			return 1;
	return 0;
}

/* Attaches a finished node to the collection on top of the stack, or makes it the root. */
static void attach(struct builder *b, struct ynode *node)
{
	struct frame *top;

	if (b->depth == 0) {
		b->root = node;
		return;
	}
	top = &b->stack[b->depth - 1];
	xgrow((void **)&top->items, &top->cap, top->n, sizeof *top->items);
	top->items[top->n++] = node;
}

static void push(struct builder *b, struct ynode *node)
{
	xgrow((void **)&b->stack, &b->cap, b->depth, sizeof *b->stack);
	b->stack[b->depth].node = node;
	b->stack[b->depth].items = NULL;
	b->stack[b->depth].n = b->stack[b->depth].cap = 0;
	b->depth++;
}

static void pop(struct builder *b)
{
	struct frame *top = &b->stack[--b->depth];

	top->node->items = arena_memdup(b->arena, top->items, top->n, sizeof *top->items);
	top->node->n = top->n;
	free(top->items);
	attach(b, top->node);
}

static int on_scalar(struct builder *b, const yaml_event_t *ev)
{
	struct ynode *node;

	/* A NUL written as an escape would cut the value short for every rule. */
	if (memchr(ev->data.scalar.value, '\0', ev->data.scalar.length) != NULL)
		return event_error(b, ev, "a value contains a NUL character (\\0)");
	node = node_new(b, YNODE_SCALAR, ev->start_mark);
	node->text =
	    arena_strndup(b->arena, (const char *)ev->data.scalar.value, ev->data.scalar.length);
	node->len = ev->data.scalar.length;
	node->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	attach(b, node);
	return remember_anchor(b, ev, ev->data.scalar.anchor, node);
}

static int on_collection(struct builder *b, const yaml_event_t *ev)
{
	int seq = ev->type == YAML_SEQUENCE_START_EVENT;
	struct ynode *node;

	if (b->depth >= YTREE_MAX_DEPTH)
		return event_error(b, ev, "lists and mappings are nested too deeply");
	node = node_new(b, seq ? YNODE_SEQ : YNODE_MAP, ev->start_mark);
	push(b, node);
	return remember_anchor(
	    b, ev, seq ? ev->data.sequence_start.anchor : ev->data.mapping_start.anchor, node);
}

static int on_alias(struct builder *b, const yaml_event_t *ev)
{
	struct ynode *node = find_anchor(b, (const char *)ev->data.alias.anchor);

	if (node == NULL)
		return event_error(b, ev, "alias to an anchor that is not defined");
	if (is_open(b, node))
		return event_error(b, ev, "alias to the list or mapping that contains it");
	attach(b, node);
	return 0;
}

/* Handles one event; returns 0 to go on, -1 on an error. */
static int on_event(struct builder *b, const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (++b->documents > 1)
			return event_error(b, ev, "only one YAML document is allowed here");
		return 0;
	case YAML_SCALAR_EVENT:
		return on_scalar(b, ev);
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		return on_collection(b, ev);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		pop(b);
		return 0;
	case YAML_ALIAS_EVENT:
		return on_alias(b, ev);
	default:
		return 0;
	}
}

/* Reader errors (bad encoding) carry a byte offset instead of a mark. */
static yaml_mark_t offset_mark(const char *text, size_t offset)
{
	yaml_mark_t mark = {offset, 0, 0};
	size_t i;

	for (i = 0; i < offset && text[i] != '\0'; i++) {
		if (text[i] == '\n') {
			mark.line++;
			mark.column = 0;
		} else if (((unsigned char)text[i] & 0xC0) != 0x80) {
			mark.column++;
		}
	}
	return mark;
}

/* Plain words for the YAML mistakes people make most. */
static const struct {
	const char *problem;
	const char *hint;
} yaml_hints[] = {
    {"found unknown escape character",
     "inside double quotes a backslash starts an escape such as \\n; write a value with "
     "backslashes, such as a pattern, in single quotes instead: pattern: '^\\d{4}$'"},
    {"mapping values are not allowed",
     N_("a value that contains ': ' must be put in straight quotes, such as "
	"title: \"Besluit: subsidie\"")},
    {"unexpected end of stream while scanning a quoted scalar",
     N_("a quote opened here is never closed")},
    {"found character that cannot start any token",
     N_("a value that starts with a character such as @ or ` must be put in quotes")},
    {"could not find expected ':'", N_("each line must be a field written as 'name: value'")},
    {"did not find expected key",
     N_("check the indentation and the quotes on this line and the one before")},
    {"found undefined tag handle", N_("a value that starts with ! must be put in quotes")},
    {"UTF-8", N_("the file is not valid UTF-8 text; save it as UTF-8")},
    {"invalid Unicode character", N_("the file is not valid UTF-8 text; save it as UTF-8")},
    {"control characters are not allowed", N_("remove the invisible control character")},
};

static const char *yaml_hint(const char *message)
{
	size_t i;

	for (i = 0; i < sizeof yaml_hints / sizeof *yaml_hints; i++)
		if (strstr(message, yaml_hints[i].problem) != NULL)
			return _(yaml_hints[i].hint);
	return "";
}

/* Turns libyaml's error into a message and a plain hint, at the most useful
 * place: an unclosed quote is reported where it opens, not at the end. */
static void parser_error(struct builder *b, yaml_parser_t *parser, const char *text, size_t len)
{
	const char *problem = parser->problem ? parser->problem : "error";
	yaml_mark_t mark = parser->problem_mark;
	char msg[200];

	if (parser->error == YAML_MEMORY_ERROR) {
		set_error(b->err, 0, 0, _("out of memory while reading YAML"));
		return;
	}
	if (parser->error == YAML_READER_ERROR)
		mark =
		    offset_mark(text, parser->problem_offset < len ? parser->problem_offset : len);
	snprintf(msg, sizeof msg, "%s%s%s", problem, parser->context ? " " : "",
		 parser->context ? parser->context : "");
	if (parser->context != NULL && strstr(parser->context, "quoted scalar") != NULL)
		mark = parser->context_mark;
	set_error(b->err, (int)mark.line + 1 + b->line_offset, (int)mark.column + 1, msg);
	if (mark.index < len && text[mark.index] == '\t')
		snprintf(b->err->hint, sizeof b->err->hint, "%s",
			 _("indent with spaces, not tabs"));
	else
		snprintf(b->err->hint, sizeof b->err->hint, "%s", yaml_hint(msg));
}

static void builder_free(struct builder *b)
{
	size_t i;

	for (i = 0; i < b->depth; i++)
		free(b->stack[i].items);
	free(b->stack);
	for (i = 0; i < b->nanchors; i++)
		free(b->anchors[i].name);
	free(b->anchors);
}

struct ynode *ytree_parse(struct arena *a, const char *text, size_t len, int line_offset,
			  struct yerror *err)
{
	struct builder b = {0};
	yaml_parser_t parser;
	yaml_event_t ev;
	int done = 0, failed = 0;

	b.arena = a;
	b.text = text;
	b.len = len;
	b.line_offset = line_offset;
	b.err = err;
	set_error(err, 0, 0, "");
	if (!yaml_parser_initialize(&parser)) {
		set_error(err, 0, 0, "out of memory while reading YAML");
		return NULL;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	while (!done && !failed) {
		if (!yaml_parser_parse(&parser, &ev)) {
			parser_error(&b, &parser, text, len);
			failed = 1;
			break;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		failed = on_event(&b, &ev) != 0;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	builder_free(&b);
	return failed ? NULL : b.root;
}

/* Returns the index of key's node in map->items, or -1. */
static long key_index(const struct ynode *map, const char *key)
{
	size_t i;

	if (map == NULL || map->kind != YNODE_MAP)
		return -1;
	for (i = 0; i + 1 < map->n; i += 2)
		if (ynode_is(map->items[i], key))
			return (long)i;
	return -1;
}

const struct ynode *ynode_key(const struct ynode *map, const char *key)
{
	long i = key_index(map, key);

	return i < 0 ? NULL : map->items[i];
}

const struct ynode *ynode_get(const struct ynode *map, const char *key)
{
	long i = key_index(map, key);

	return i < 0 ? NULL : map->items[i + 1];
}

int ynode_is_null(const struct ynode *node)
{
	if (node == NULL)
		return 1;
	if (node->kind != YNODE_SCALAR || !node->plain)
		return 0;
	/* By length first: asked of every field a rule reads. */
	if (node->len == 1)
		return node->text[0] == '~';
	return node->len == 0 || (node->len == 4 && (strcmp(node->text, "null") == 0 ||
						     strcmp(node->text, "Null") == 0 ||
						     strcmp(node->text, "NULL") == 0));
}

int ynode_is(const struct ynode *node, const char *s)
{
	return node != NULL && node->kind == YNODE_SCALAR && node->text[0] == s[0] &&
	       strcmp(node->text, s) == 0;
}

size_t ynode_pairs(const struct ynode *map)
{
	return map != NULL && map->kind == YNODE_MAP ? map->n / 2 : 0;
}

/* Orders key nodes by text, then by position in the document. */
static int compare_keys(const void *pa, const void *pb)
{
	const struct ynode *a = *(const struct ynode *const *)pa;
	const struct ynode *b = *(const struct ynode *const *)pb;
	int c = strcmp(a->text, b->text);

	if (c != 0)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	return (a->col > b->col) - (a->col < b->col);
}

/* Orders duplicates by where the second occurrence stands. */
static int compare_dups(const void *pa, const void *pb)
{
	const struct ynode *a = ((const struct ydup *)pa)->key;
	const struct ynode *b = ((const struct ydup *)pb)->key;

	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	return (a->col > b->col) - (a->col < b->col);
}

size_t ynode_duplicates(const struct ynode *map, struct ydup **dups)
{
	const struct ynode **keys;
	size_t i, n = 0, count = 0, group = 0;

	*dups = NULL;
	if (map == NULL || map->kind != YNODE_MAP || map->n < 4)
		return 0;
	keys = xmalloc(map->n / 2 * sizeof *keys);
	for (i = 0; i + 1 < map->n; i += 2)
		if (map->items[i]->kind == YNODE_SCALAR)
			keys[n++] = map->items[i];
	sort_pointers((const void **)keys, n, compare_keys);
	*dups = xmalloc((n ? n : 1) * sizeof **dups);
	for (i = 1; i < n; i++) {
		if (strcmp(keys[i]->text, keys[group]->text) != 0) {
			group = i;
			continue;
		}
		(*dups)[count].key = keys[i];
		(*dups)[count].first = keys[group];
		count++;
	}
	free(keys);
	if (count > 1)
		qsort(*dups, count, sizeof **dups, compare_dups);
	return count;
}

/* A set of nodes (open addressing on the pointer), so that each node of a
 * tree with shared (aliased) parts is visited once in constant time. */
struct node_set {
	const struct ynode **slots;
	size_t n, cap; /* cap is a power of two */
};

static size_t slot_of(const struct ynode *node, size_t cap)
{
	size_t h = (size_t)(uintptr_t)node;

	h ^= h >> 17;
	h *= (size_t)0x9E3779B97F4A7C15ull;
	return (h ^ (h >> 29)) & (cap - 1);
}

/* Adds node; returns 1 when it was new, 0 when it was already there. */
static int node_set_add(struct node_set *set, const struct ynode *node)
{
	const struct ynode **old = set->slots;
	size_t i, k, old_cap = set->cap;

	if ((set->n + 1) * 2 > set->cap) {
		set->cap = old_cap ? old_cap * 2 : 64;
		set->slots = xcalloc(set->cap, sizeof *set->slots);
		set->n = 0;
		for (k = 0; k < old_cap; k++)
			if (old[k] != NULL)
				(void)node_set_add(set, old[k]);
		free(old);
	}
	for (i = slot_of(node, set->cap); set->slots[i] != NULL; i = (i + 1) & (set->cap - 1))
		if (set->slots[i] == node)
			return 0;
	set->slots[i] = node;
	set->n++;
	return 1;
}

int ytree_find_duplicate(const struct ynode *root, struct ydup *dup)
{
	const struct ynode **stack = NULL, *node;
	struct node_set seen = {0};
	size_t depth = 0, cap = 0, i, n;
	struct ydup *dups;
	int found = 0;

	if (root == NULL)
		return 0;
	xgrow((void **)&stack, &cap, depth, sizeof *stack);
	stack[depth++] = root;
	while (depth > 0 && !found) {
		node = stack[--depth];
		if (node->kind == YNODE_SCALAR)
			continue;
		/* Aliases share nodes: visit each collection once. */
		if (!node_set_add(&seen, node))
			continue;
		n = ynode_duplicates(node, &dups);
		if (n > 0) {
			*dup = dups[0];
			found = 1;
		}
		free(dups);
		for (i = node->n; i > 0; i--) {
			xgrow((void **)&stack, &cap, depth, sizeof *stack);
			stack[depth++] = node->items[i - 1];
		}
	}
	free(stack);
	free(seen.slots);
	return found;
}
