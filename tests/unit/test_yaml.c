/* SPDX-License-Identifier: EUPL-1.2 */
/* test_yaml.c - unit tests for ytree_parse and the ynode helpers (load_yaml.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "load_yaml.h"

/* Each test parses into its own arena, freed by the teardown. */
static int setup(void **state)
{
	*state = arena_new();
	return 0;
}

static int teardown(void **state)
{
	arena_free(*state);
	return 0;
}

/* Parses text that must be valid and returns its root. */
static const struct ynode *parse_ok(void **state, const char *text, int line_offset)
{
	struct yerror err;
	const struct ynode *root = ytree_parse(*state, text, strlen(text), line_offset, &err);

	if (root == NULL)
		fail_msg("unexpected YAML error %d:%d: %s", err.line, err.col, err.message);
	return root;
}

/* Parses text that must fail and fills err. */
static void parse_fail(void **state, const char *text, int line_offset, struct yerror *err)
{
	const struct ynode *root = ytree_parse(*state, text, strlen(text), line_offset, err);

	assert_null(root);
}

static void assert_scalar(const struct ynode *n, const char *text, int line, int col)
{
	assert_non_null(n);
	assert_int_equal(n->kind, YNODE_SCALAR);
	assert_string_equal(n->text, text);
	assert_int_equal(n->len, strlen(text));
	assert_int_equal(n->line, line);
	assert_int_equal(n->col, col);
}

/* -------------------------------------------------------------- scalars */

static void test_scalars_kept_as_written(void **state)
{
	const struct ynode *root = parse_ok(state,
					    "id: 2016009542\n"
					    "version: 1.10\n"
					    "octal: 010\n"
					    "flag: true\n"
					    "nothing: null\n"
					    "tilde: ~\n"
					    "date: 2024-02-30\n"
					    "hex: 0x1F\n"
					    "float: 1e3\n"
					    "empty:\n",
					    0);

	assert_int_equal(root->kind, YNODE_MAP);
	assert_int_equal(ynode_pairs(root), 10);
	assert_string_equal(ynode_get(root, "id")->text, "2016009542");
	assert_string_equal(ynode_get(root, "version")->text, "1.10");
	assert_string_equal(ynode_get(root, "octal")->text, "010");
	assert_string_equal(ynode_get(root, "flag")->text, "true");
	assert_string_equal(ynode_get(root, "nothing")->text, "null");
	assert_string_equal(ynode_get(root, "tilde")->text, "~");
	assert_string_equal(ynode_get(root, "date")->text, "2024-02-30");
	assert_string_equal(ynode_get(root, "hex")->text, "0x1F");
	assert_string_equal(ynode_get(root, "float")->text, "1e3");
	assert_string_equal(ynode_get(root, "empty")->text, "");
	assert_int_equal(ynode_get(root, "empty")->len, 0);
	assert_int_equal(ynode_get(root, "empty")->kind, YNODE_SCALAR);
}

static void test_null_detection(void **state)
{
	const struct ynode *root = parse_ok(state,
					    "a: null\n"
					    "b: ~\n"
					    "c:\n"
					    "d: Null\n"
					    "e: NULL\n"
					    "f: 'null'\n"
					    "g: \"~\"\n"
					    "h: nothing\n"
					    "i: ''\n"
					    "j: []\n"
					    "k: {}\n"
					    "l: nULL\n",
					    0);

	assert_true(ynode_is_null(ynode_get(root, "a")));
	assert_string_equal(ynode_get(root, "a")->text, "null");
	assert_true(ynode_is_null(ynode_get(root, "b")));
	assert_true(ynode_is_null(ynode_get(root, "c")));
	assert_true(ynode_is_null(ynode_get(root, "d")));
	assert_true(ynode_is_null(ynode_get(root, "e")));
	/* quoted text is never null */
	assert_false(ynode_is_null(ynode_get(root, "f")));
	assert_false(ynode_is_null(ynode_get(root, "g")));
	assert_false(ynode_is_null(ynode_get(root, "h")));
	assert_false(ynode_is_null(ynode_get(root, "i")));
	/* collections are not null, even when empty */
	assert_false(ynode_is_null(ynode_get(root, "j")));
	assert_false(ynode_is_null(ynode_get(root, "k")));
	assert_false(ynode_is_null(ynode_get(root, "l")));
	/* an absent value is */
	assert_true(ynode_is_null(ynode_get(root, "missing")));
	assert_true(ynode_is_null(NULL));
}

static void test_plain_and_quoted(void **state)
{
	const struct ynode *root = parse_ok(state,
					    "plain: text\n"
					    "single: 'text'\n"
					    "double: \"text\"\n"
					    "literal: |\n"
					    "  line one\n"
					    "  line two\n"
					    "folded: >\n"
					    "  word\n"
					    "  word\n"
					    "escaped: \"a\\tb\"\n"
					    "quote: 'it''s'\n",
					    0);

	assert_true(ynode_get(root, "plain")->plain);
	assert_false(ynode_get(root, "single")->plain);
	assert_false(ynode_get(root, "double")->plain);
	assert_false(ynode_get(root, "literal")->plain);
	assert_false(ynode_get(root, "folded")->plain);
	assert_string_equal(ynode_get(root, "single")->text, "text");
	assert_string_equal(ynode_get(root, "double")->text, "text");
	assert_string_equal(ynode_get(root, "literal")->text, "line one\nline two\n");
	assert_string_equal(ynode_get(root, "folded")->text, "word word\n");
	assert_string_equal(ynode_get(root, "escaped")->text, "a\tb");
	assert_string_equal(ynode_get(root, "quote")->text, "it's");
	/* keys are plain scalars too */
	assert_true(ynode_key(root, "plain")->plain);
}

/* A NUL escape would cut a value short for every string function, so a
 * value holding one is an error at the value. */
static void test_scalar_with_nul_byte(void **state)
{
	struct yerror err;

	parse_fail(state, "a: ok\nb: \"x\\0y\"\n", 0, &err);
	assert_int_equal(err.line, 2);
	assert_int_equal(err.col, 4);
	assert_non_null(strstr(err.message, "NUL"));
}

static void test_scalar_root(void **state)
{
	const struct ynode *root = parse_ok(state, "just text\n", 0);

	assert_scalar(root, "just text", 1, 1);
	assert_int_equal(ynode_pairs(root), 0);
	assert_null(ynode_get(root, "just text"));
	assert_null(ynode_key(root, "just text"));
}

static void test_utf8_text(void **state)
{
	const struct ynode *root = parse_ok(state, "titel: Financiën – 2024\n", 0);

	assert_string_equal(ynode_get(root, "titel")->text, "Financiën – 2024");
	assert_int_equal(ynode_get(root, "titel")->len, strlen("Financiën – 2024"));
}

/* ------------------------------------------------------------ positions */

static void test_positions(void **state)
{
	const struct ynode *root = parse_ok(state,
					    "# a comment\n"
					    "type: decision\n"
					    "\n"
					    "title:   Spaced out\n"
					    "list:\n"
					    "  - one\n"
					    "  -   two\n"
					    "map:\n"
					    "    inner: value\n",
					    0);
	const struct ynode *list = ynode_get(root, "list");
	const struct ynode *map = ynode_get(root, "map");

	assert_int_equal(root->line, 2);
	assert_int_equal(root->col, 1);
	assert_scalar(ynode_key(root, "type"), "type", 2, 1);
	assert_scalar(ynode_get(root, "type"), "decision", 2, 7);
	assert_scalar(ynode_key(root, "title"), "title", 4, 1);
	assert_scalar(ynode_get(root, "title"), "Spaced out", 4, 10);
	assert_int_equal(list->kind, YNODE_SEQ);
	assert_int_equal(list->line, 6);
	assert_int_equal(list->col, 3);
	assert_scalar(list->items[0], "one", 6, 5);
	assert_scalar(list->items[1], "two", 7, 7);
	assert_int_equal(map->kind, YNODE_MAP);
	assert_int_equal(map->line, 9);
	assert_int_equal(map->col, 5);
	assert_scalar(ynode_key(map, "inner"), "inner", 9, 5);
	assert_scalar(ynode_get(map, "inner"), "value", 9, 12);
}

static void test_positions_with_line_offset(void **state)
{
	const struct ynode *root = parse_ok(state,
					    "type: decision\n"
					    "parties:\n"
					    "  - A\n"
					    "  - B\n",
					    1);
	const struct ynode *parties = ynode_get(root, "parties");

	/* the offset shifts lines, never columns */
	assert_int_equal(root->line, 2);
	assert_scalar(ynode_key(root, "type"), "type", 2, 1);
	assert_scalar(ynode_get(root, "type"), "decision", 2, 7);
	assert_scalar(ynode_key(root, "parties"), "parties", 3, 1);
	assert_scalar(parties->items[0], "A", 4, 5);
	assert_scalar(parties->items[1], "B", 5, 5);

	root = parse_ok(state, "a: 1\nb: 2\n", 100);
	assert_scalar(ynode_key(root, "b"), "b", 102, 1);
	assert_scalar(ynode_get(root, "b"), "2", 102, 4);
}

static void test_quoted_positions(void **state)
{
	const struct ynode *root = parse_ok(state, "id: \"2021-042\"\nx: 'y'\n", 0);

	/* a quoted scalar starts at its opening quote */
	assert_scalar(ynode_get(root, "id"), "2021-042", 1, 5);
	assert_scalar(ynode_get(root, "x"), "y", 2, 4);
}

static void test_crlf_positions(void **state)
{
	const struct ynode *root = parse_ok(state, "a: one\r\nb: two\r\n", 0);

	assert_scalar(ynode_get(root, "a"), "one", 1, 4);
	assert_scalar(ynode_get(root, "b"), "two", 2, 4);
}

/* ---------------------------------------------------------- collections */

static void test_nested(void **state)
{
	const struct ynode *root = parse_ok(state,
					    "outer:\n"
					    "  - name: first\n"
					    "    tags: [x, y]\n"
					    "  - - deep\n"
					    "    - deeper\n"
					    "  - {k: v, n: [1, [2, 3]]}\n",
					    0);
	const struct ynode *outer = ynode_get(root, "outer");
	const struct ynode *first, *tags, *inner, *flow, *n;

	assert_int_equal(outer->kind, YNODE_SEQ);
	assert_int_equal(outer->n, 3);
	first = outer->items[0];
	assert_int_equal(first->kind, YNODE_MAP);
	assert_int_equal(ynode_pairs(first), 2);
	assert_string_equal(ynode_get(first, "name")->text, "first");
	tags = ynode_get(first, "tags");
	assert_int_equal(tags->kind, YNODE_SEQ);
	assert_int_equal(tags->n, 2);
	assert_scalar(tags->items[0], "x", 3, 12);
	assert_scalar(tags->items[1], "y", 3, 15);
	inner = outer->items[1];
	assert_int_equal(inner->kind, YNODE_SEQ);
	assert_int_equal(inner->n, 2);
	assert_scalar(inner->items[0], "deep", 4, 7);
	assert_scalar(inner->items[1], "deeper", 5, 7);
	flow = outer->items[2];
	assert_int_equal(flow->kind, YNODE_MAP);
	assert_int_equal(flow->line, 6);
	assert_int_equal(flow->col, 5);
	assert_string_equal(ynode_get(flow, "k")->text, "v");
	n = ynode_get(flow, "n");
	assert_int_equal(n->kind, YNODE_SEQ);
	assert_int_equal(n->n, 2);
	assert_string_equal(n->items[0]->text, "1");
	assert_int_equal(n->items[1]->kind, YNODE_SEQ);
	assert_string_equal(n->items[1]->items[1]->text, "3");
	/* collections have empty text */
	assert_string_equal(outer->text, "");
	assert_int_equal(outer->len, 0);
}

static void test_flow_sequence(void **state)
{
	const struct ynode *root =
	    parse_ok(state, "cites: [COV-2021-001, \"2021-042\", 'x', ]\n", 0);
	const struct ynode *cites = ynode_get(root, "cites");

	assert_int_equal(cites->kind, YNODE_SEQ);
	assert_int_equal(cites->line, 1);
	assert_int_equal(cites->col, 8);
	assert_int_equal(cites->n, 3);
	assert_scalar(cites->items[0], "COV-2021-001", 1, 9);
	assert_true(cites->items[0]->plain);
	assert_scalar(cites->items[1], "2021-042", 1, 23);
	assert_false(cites->items[1]->plain);
	assert_scalar(cites->items[2], "x", 1, 35);
	assert_false(cites->items[2]->plain);
}

static void test_empty_collections(void **state)
{
	const struct ynode *root = parse_ok(state, "a: []\nb: {}\n", 0);

	assert_int_equal(ynode_get(root, "a")->kind, YNODE_SEQ);
	assert_int_equal(ynode_get(root, "a")->n, 0);
	assert_int_equal(ynode_get(root, "b")->kind, YNODE_MAP);
	assert_int_equal(ynode_pairs(ynode_get(root, "b")), 0);
}

static void test_map_order_and_pairs(void **state)
{
	const struct ynode *root = parse_ok(state, "z: 1\na: 2\nm: 3\n", 0);

	assert_int_equal(root->n, 6);
	assert_int_equal(ynode_pairs(root), 3);
	assert_string_equal(root->items[0]->text, "z");
	assert_string_equal(root->items[1]->text, "1");
	assert_string_equal(root->items[2]->text, "a");
	assert_string_equal(root->items[4]->text, "m");
	assert_string_equal(root->items[5]->text, "3");
}

/* ------------------------------------------------------- anchors, aliases */

static void test_anchors_and_aliases(void **state)
{
	const struct ynode *root = parse_ok(state,
					    "base: &who Gemeente Dijkmeer\n"
					    "list: &pair [a, b]\n"
					    "copy: *who\n"
					    "again: *pair\n",
					    0);
	const struct ynode *base = ynode_get(root, "base");
	const struct ynode *copy = ynode_get(root, "copy");

	assert_string_equal(base->text, "Gemeente Dijkmeer");
	assert_non_null(copy);
	assert_string_equal(copy->text, "Gemeente Dijkmeer");
	/* an alias is the anchored node itself */
	assert_ptr_equal(copy, base);
	assert_ptr_equal(ynode_get(root, "again"), ynode_get(root, "list"));
	assert_int_equal(ynode_get(root, "again")->n, 2);
}

static void test_anchor_redefined(void **state)
{
	const struct ynode *root = parse_ok(state, "a: &x one\nb: &x two\nc: *x\n", 0);

	/* an alias refers to the latest anchor of that name */
	assert_string_equal(ynode_get(root, "c")->text, "two");
}

static void test_undefined_alias(void **state)
{
	struct yerror err;

	parse_fail(state, "a: 1\nb: *nowhere\n", 0, &err);
	assert_int_equal(err.line, 2);
	assert_int_equal(err.col, 4);
	assert_non_null(strstr(err.message, "alias"));

	parse_fail(state, "a: 1\nb: *nowhere\n", 5, &err);
	assert_int_equal(err.line, 7);
}

/* ---------------------------------------------------------------- errors */

static void test_syntax_error(void **state)
{
	struct yerror err;

	parse_fail(state, "type: decision\ntitle: a: b\n", 0, &err);
	assert_int_equal(err.line, 2);
	assert_int_equal(err.col, 9);
	assert_true(strlen(err.message) > 0);
	assert_non_null(strstr(err.message, "mapping values are not allowed"));

	parse_fail(state, "type: decision\ntitle: a: b\n", 1, &err);
	assert_int_equal(err.line, 3);
	assert_int_equal(err.col, 9);
}

static void test_unclosed_flow(void **state)
{
	struct yerror err;

	parse_fail(state, "a: [1, 2\nb: 3\n", 0, &err);
	assert_true(err.line >= 1);
	assert_true(err.col >= 1);
	assert_true(strlen(err.message) > 0);
}

static void test_bad_indentation(void **state)
{
	struct yerror err;

	parse_fail(state, "a:\n  - x\n - y\n", 0, &err);
	assert_int_equal(err.line, 3);
	assert_true(strlen(err.message) > 0);
}

static void test_tab_indentation(void **state)
{
	struct yerror err;

	parse_fail(state, "a:\n\tb: 1\n", 0, &err);
	assert_int_equal(err.line, 2);
	assert_true(strlen(err.message) > 0);
}

static void test_invalid_utf8(void **state)
{
	struct yerror err;

	parse_fail(state, "a: 1\nb: x\xff\n", 0, &err);
	assert_int_equal(err.line, 2);
	assert_int_equal(err.col, 5);
	assert_non_null(strstr(err.message, "UTF-8"));
	/* columns count characters, not bytes */
	parse_fail(state, "a: 1\n\xc3\xa9: \xff\n", 0, &err);
	assert_int_equal(err.line, 2);
	assert_int_equal(err.col, 4);
	/* the line offset applies to encoding errors too */
	parse_fail(state, "a: 1\nb: x\xff\n", 1, &err);
	assert_int_equal(err.line, 3);
	assert_int_equal(err.col, 5);
	/* a sequence cut short */
	parse_fail(state, "a: 1\nb: \xc3\n", 0, &err);
	assert_int_equal(err.line, 2);
	assert_non_null(strstr(err.message, "UTF-8"));
	parse_fail(state, "\xff", 0, &err);
	assert_int_equal(err.line, 1);
	assert_int_equal(err.col, 1);
}

static void test_control_character(void **state)
{
	struct yerror err;

	parse_fail(state, "a: 1\nb: x\x01y\n", 0, &err);
	assert_int_equal(err.line, 2);
	assert_int_equal(err.col, 5);
	assert_true(strlen(err.message) > 0);
}

static void test_empty_document(void **state)
{
	struct yerror err;

	memset(&err, 'x', sizeof err);
	parse_fail(state, "", 0, &err);
	assert_string_equal(err.message, "");

	memset(&err, 'x', sizeof err);
	parse_fail(state, "   \n\n# only a comment\n", 0, &err);
	assert_string_equal(err.message, "");
}

static void test_two_documents(void **state)
{
	struct yerror err;

	parse_fail(state, "a: 1\n---\nb: 2\n", 0, &err);
	assert_int_equal(err.line, 2);
	assert_int_equal(err.col, 1);
	assert_non_null(strstr(err.message, "one YAML document"));

	parse_fail(state, "a: 1\n---\nb: 2\n", 3, &err);
	assert_int_equal(err.line, 5);

	parse_fail(state, "---\na: 1\n...\n---\nb: 2\n", 0, &err);
	assert_int_equal(err.line, 4);
}

static void test_one_explicit_document(void **state)
{
	const struct ynode *root = parse_ok(state, "---\na: 1\n...\n", 0);

	assert_int_equal(root->kind, YNODE_MAP);
	assert_string_equal(ynode_get(root, "a")->text, "1");
}

static void test_error_is_cleared_on_success(void **state)
{
	struct yerror err;
	const struct ynode *root;

	memset(&err, 'x', sizeof err);
	err.message[sizeof err.message - 1] = '\0';
	root = ytree_parse(*state, "a: 1\n", 5, 0, &err);
	assert_non_null(root);
	assert_string_equal(err.message, "");
}

static void test_length_is_respected(void **state)
{
	struct yerror err;
	const struct ynode *root = ytree_parse(*state, "a: 1\nb: [unclosed", 5, 0, &err);

	assert_non_null(root);
	assert_int_equal(ynode_pairs(root), 1);
	assert_null(ynode_get(root, "b"));
}

/* --------------------------------------------------------- deep nesting */

/* Returns text of depth copies of open followed by depth copies of close. */
static char *nested(size_t depth, const char *open, const char *close)
{
	size_t lo = strlen(open), lc = strlen(close), i;
	char *text = malloc(depth * (lo + lc) + 1), *p = text;

	assert_non_null(text);
	for (i = 0; i < depth; i++, p += lo)
		memcpy(p, open, lo);
	for (i = 0; i < depth; i++, p += lc)
		memcpy(p, close, lc);
	*p = '\0';
	return text;
}

/* Parses depth nested flow sequences; asserts the tree has depth levels. */
static void assert_sequences_parse(void **state, size_t depth)
{
	char *text = nested(depth, "[", "]");
	const struct ynode *root = parse_ok(state, text, 0);
	const struct ynode *n;
	size_t levels = 0;

	free(text);
	for (n = root; n != NULL; n = n->n == 1 ? n->items[0] : NULL) {
		assert_int_equal(n->kind, YNODE_SEQ);
		levels++;
	}
	assert_int_equal(levels, depth);
}

/* Parses depth nested flow mappings {a: {a: ...}}; asserts every level. */
static void assert_mappings_parse(void **state, size_t depth)
{
	char *text = nested(depth, "{a: ", "}");
	const struct ynode *root = parse_ok(state, text, 0);
	const struct ynode *n;
	size_t levels = 0;

	free(text);
	for (n = root; n != NULL && n->kind == YNODE_MAP; n = ynode_get(n, "a"))
		levels++;
	assert_int_equal(levels, depth);
}

/* Asserts that text is refused for its nesting, at line 1. */
static void assert_too_deep(void **state, char *text)
{
	struct yerror err;

	parse_fail(state, text, 0, &err);
	free(text);
	assert_string_equal(err.message, "lists and mappings are nested too deeply");
	assert_int_equal(err.line, 1);
}

/* The nesting limit, pinned from both sides: the deepest input accepted
 * is read whole, one level more is refused with its reason. */
static void test_deep_flow_sequences(void **state)
{
	assert_sequences_parse(state, YTREE_MAX_DEPTH);
	assert_too_deep(state, nested(YTREE_MAX_DEPTH + 1, "[", "]"));
	/* far beyond it, as hostile input would be */
	assert_too_deep(state, nested(10000, "[", "]"));
}

static void test_deep_flow_mappings(void **state)
{
	assert_mappings_parse(state, YTREE_MAX_DEPTH);
	assert_too_deep(state, nested(YTREE_MAX_DEPTH + 1, "{a: ", "}"));
	assert_too_deep(state, nested(10000, "{a: ", "}"));
}

static void test_deep_unclosed(void **state)
{
	const size_t depth = 10000;
	char *text = nested(depth, "[", "");
	struct yerror err;

	parse_fail(state, text, 0, &err);
	free(text);
	assert_true(strlen(err.message) > 0);
}

/* ---------------------------------------------------------- node helpers */

static void test_get_and_key(void **state)
{
	const struct ynode *root = parse_ok(state, "a: 1\nb: [x]\n'c': 3\n", 0);
	const struct ynode *seq = ynode_get(root, "b");

	assert_scalar(ynode_get(root, "a"), "1", 1, 4);
	assert_scalar(ynode_key(root, "a"), "a", 1, 1);
	assert_scalar(ynode_key(root, "b"), "b", 2, 1);
	/* quoted keys are found by their text */
	assert_scalar(ynode_get(root, "c"), "3", 3, 6);
	assert_null(ynode_get(root, "d"));
	assert_null(ynode_key(root, "d"));
	/* values are not keys */
	assert_null(ynode_get(root, "1"));
	assert_null(ynode_key(root, "1"));
	/* not a map */
	assert_null(ynode_get(seq, "x"));
	assert_null(ynode_key(seq, "x"));
	assert_null(ynode_get(NULL, "a"));
	assert_null(ynode_key(NULL, "a"));
	assert_int_equal(ynode_pairs(seq), 0);
	assert_int_equal(ynode_pairs(NULL), 0);
	assert_int_equal(ynode_pairs(root), 3);
}

static void test_non_scalar_keys(void **state)
{
	const struct ynode *root = parse_ok(state, "? [a, b]\n: value\nplain: 1\n", 0);

	assert_int_equal(ynode_pairs(root), 2);
	assert_int_equal(root->items[0]->kind, YNODE_SEQ);
	assert_null(ynode_get(root, ""));
	assert_string_equal(ynode_get(root, "plain")->text, "1");
}

static void test_duplicate_keys_first_wins(void **state)
{
	const struct ynode *root = parse_ok(state, "a: 1\na: 2\n", 0);

	/* the tree keeps both; lookup finds the first */
	assert_int_equal(ynode_pairs(root), 2);
	assert_string_equal(ynode_get(root, "a")->text, "1");
	assert_int_equal(ynode_key(root, "a")->line, 1);
}

static void test_ynode_is(void **state)
{
	const struct ynode *root = parse_ok(state, "a: yes\nb: [yes]\nc: 'yes'\n", 0);

	assert_true(ynode_is(ynode_get(root, "a"), "yes"));
	assert_false(ynode_is(ynode_get(root, "a"), "ye"));
	assert_false(ynode_is(ynode_get(root, "a"), "yes "));
	assert_false(ynode_is(ynode_get(root, "b"), "yes"));
	assert_false(ynode_is(ynode_get(root, "b"), ""));
	assert_true(ynode_is(ynode_get(root, "c"), "yes"));
	assert_false(ynode_is(NULL, "yes"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_scalars_kept_as_written, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_null_detection, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_plain_and_quoted, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_scalar_with_nul_byte, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_scalar_root, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_utf8_text, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_positions, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_positions_with_line_offset, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_quoted_positions, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_crlf_positions, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_nested, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_flow_sequence, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_empty_collections, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_map_order_and_pairs, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_anchors_and_aliases, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_anchor_redefined, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_undefined_alias, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_syntax_error, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_unclosed_flow, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_bad_indentation, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_tab_indentation, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_invalid_utf8, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_control_character, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_empty_document, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_two_documents, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_one_explicit_document, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_error_is_cleared_on_success, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_length_is_respected, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_deep_flow_sequences, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_deep_flow_mappings, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_deep_unclosed, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_get_and_key, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_non_scalar_keys, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_duplicate_keys_first_wins, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_ynode_is, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
