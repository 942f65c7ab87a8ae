/* SPDX-License-Identifier: EUPL-1.2 */
/* load_record.c - splitting a file into front matter and body, and parsing both.
 *
 * The front matter is the block between a first line `---` and the next line
 * `---` or `...`; libyaml parses it and line numbers are shifted so that they
 * are the file's own. cmark parses the rest, again with shifted lines. */
#include "record.h"

#include <cmark.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "load_yaml.h"
#include "util.h"

/* Returns the length of the line at p (without its end), and sets *next to
 * the start of the following line. */
static size_t line_at(const char *p, const char *end, const char **next)
{
	const char *q = p;

	/* A line ends in LF, CRLF or a lone CR, as in CommonMark and YAML. */
	while (q < end && *q != '\n' && *q != '\r')
		q++;
	*next = q;
	if (q < end)
		*next = q + (*q == '\r' && q + 1 < end && q[1] == '\n' ? 2 : 1);
	return (size_t)(q - p);
}

/* True when the line is exactly marker, trailing blanks allowed. */
static int is_marker(const char *p, size_t n, const char *marker)
{
	while (n > 3 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	return n == 3 && memcmp(p, marker, 3) == 0;
}

/* Helpers for the shapes of mistaken lines. A run of at least min dashes
 * (hyphens, en and em dashes, spaces between them allowed). */
static int is_dash_run(const char *p, size_t n, size_t min)
{
	size_t i, dashes = 0;

	for (i = 0; i < n; i++) {
		if (p[i] == '-')
			dashes++;
		else if (i + 2 < n && (unsigned char)p[i] == 0xE2 &&
			 (unsigned char)p[i + 1] == 0x80 &&
			 ((unsigned char)p[i + 2] == 0x93 || (unsigned char)p[i + 2] == 0x94)) {
			i += 2; /* en and em dashes, as word processors make of "--" */
			dashes += 2;
		} else if (p[i] != ' ') {
			return 0;
		}
	}
	return dashes >= min;
}

/* A line of three or more dashes: a mistyped closing '---'. */
static int is_dashes(const char *p, size_t n)
{
	return is_dash_run(p, n, 3);
}

static int has_curly_quote(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i + 2 < n; i++)
		if ((unsigned char)p[i] == 0xE2 && (unsigned char)p[i + 1] == 0x80 &&
		    (unsigned char)p[i + 2] >= 0x98 && (unsigned char)p[i + 2] <= 0x9D)
			return 1;
	return 0;
}

/* A field name followed by ':' and no space ("date:2024-03-12"). */
static int colon_without_space(const char *p, size_t n)
{
	size_t i = 0;

	while (i < n && p[i] == ' ')
		i++;
	if (i == n || !isalpha((unsigned char)p[i]))
		return 0;
	while (i < n && (isalnum((unsigned char)p[i]) || p[i] == '-' || p[i] == '_'))
		i++;
	return i + 1 < n && p[i] == ':' && p[i + 1] != ' ' && p[i + 1] != '\t';
}

/* Moves err to line k of the front matter with a plain explanation. */
static void explain(struct yerror *err, int k, const char *hint)
{
	err->line = k + 2; /* the front matter starts on file line 2 */
	err->col = 1;
	snprintf(err->hint, sizeof err->hint, "%s", hint);
}

/* Looks at the lines up to a YAML error for the mistakes people make and
 * explains the likeliest in plain words, at its line. One pass. */
static void explain_front_error(const char *front, size_t len, struct yerror *err)
{
	const char *end = front + len, *p = front, *next, *last[2] = {NULL, NULL};
	size_t n, nlast[2] = {0, 0};
	int k, i, dashes = -1, heading = -1, at = err->line - 2;

	for (k = 0; k <= at && p < end; k++, p = next) {
		n = line_at(p, end, &next);
		if (dashes < 0 && is_dashes(p, n))
			dashes = k;
		if (heading < 0 && n > 1 && p[0] == '#' && (p[1] == ' ' || p[1] == '#'))
			heading = k;
		last[0] = last[1];
		nlast[0] = nlast[1];
		last[1] = p;
		nlast[1] = n;
	}
	if (dashes >= 0) {
		explain(err, dashes, "the line that closes the front matter must be exactly '---'");
		return;
	}
	if (heading >= 0) {
		explain(
		    err, heading,
		    "this heading is not a field; the line '---' that closes the front matter is "
		    "probably missing before it");
		return;
	}
	for (i = 1; i >= 0; i--) {
		if (last[i] == NULL)
			continue;
		if (has_curly_quote(last[i], nlast[i]))
			explain(err, k - 2 + i,
				"curly quotes do not count as quotes; put the value in straight "
				"quotes (\")");
		else if (colon_without_space(last[i], nlast[i]))
			explain(err, k - 2 + i,
				"put a space after the colon, as in 'date: 2024-03-12'");
		else
			continue;
		return;
	}
}

static void report_yaml_error(struct record *rec, struct diag_list *diags, const struct yerror *err)
{
	if (err->message[0] == '\0') {
		diag_report(diags, rec->path, 1, 1, RULE_FRONTMATTER_INVALID,
			    "the front matter is empty; it must list the record's fields, "
			    "such as 'type: decision'");
		return;
	}
	if (err->hint[0] != '\0')
		diag_report(diags, rec->path, err->line, err->col, RULE_FRONTMATTER_INVALID,
			    "the front matter cannot be read: %s", err->hint);
	else
		diag_report(diags, rec->path, err->line, err->col, RULE_FRONTMATTER_INVALID,
			    "the front matter cannot be read: %s; check the quotes and the "
			    "indentation on this line",
			    err->message);
}

/* Reports a key given twice or a key that is not a plain name. */
static int check_keys(struct record *rec, const struct ynode *map, struct diag_list *diags)
{
	struct ydup *dups;
	size_t i, n;
	int ok = 1;

	for (i = 0; i + 1 < map->n; i += 2)
		if (map->items[i]->kind != YNODE_SCALAR) {
			diag_report(diags, rec->path, map->items[i]->line, map->items[i]->col,
				    RULE_FRONTMATTER_INVALID,
				    "a field name must be a single word, not a list or mapping");
			ok = 0;
		}
	n = ynode_duplicates(map, &dups);
	for (i = 0; i < n; i++)
		diag_report(diags, rec->path, dups[i].key->line, dups[i].key->col,
			    RULE_FRONTMATTER_INVALID,
			    "field '%s' is given twice (first on line %d)", dups[i].key->text,
			    dups[i].first->line);
	free(dups);
	return ok && n == 0;
}

static void parse_front(struct record *rec, const char *text, size_t len, struct diag_list *diags)
{
	struct yerror err;
	const struct ynode *root = ytree_parse(rec->arena, text, len, 1, &err);

	if (root == NULL) {
		if (err.message[0] != '\0')
			explain_front_error(text, len, &err);
		report_yaml_error(rec, diags, &err);
		return;
	}
	if (root->kind != YNODE_MAP) {
		diag_report(diags, rec->path, root->line, root->col, RULE_FRONTMATTER_INVALID,
			    "the front matter must be a list of fields written as 'name: value'");
		return;
	}
	if (check_keys(rec, root, diags))
		rec->front = root;
}

static int heading_level(cmark_node *node)
{
	if (cmark_node_get_type(node) != CMARK_NODE_HEADING)
		return 0;
	return cmark_node_get_heading_level(node);
}

static void parse_body(struct record *rec, const char *text, size_t len)
{
	cmark_node *first;

	rec->first_line = rec->body_line;
	rec->body_text = text;
	rec->body_len = len;
	rec->body = cmark_parse_document(text, len, CMARK_OPT_DEFAULT);
	if (rec->body == NULL)
		return;
	first = cmark_node_first_child(rec->body);
	if (first != NULL)
		rec->first_line = cmark_node_get_start_line(first) + rec->body_line - 1;
	else
		rec->first_line = rec->body_line - 1; /* no body: the closing line */
	rec->title_level1 = first != NULL && heading_level(first) == 1;
}

/* A file that was meant to be a record but whose first line is not exactly
 * '---': blank lines before it, or a line of other dashes ("—-", "----",
 * "--"), followed by a line that looks like a field. Returns that dash
 * line's number and sets *dash, *ndash to it; 0 when the file is not so. */
static int almost_front(const char *text, const char *end, const char **dash, size_t *ndash)
{
	const char *p = text, *next;
	size_t n;
	int line = 1;

	for (n = line_at(p, end, &next); n == 0 && next < end; n = line_at(p, end, &next)) {
		p = next;
		line++;
	}
	if (!is_dash_run(p, n, 2) || next >= end)
		return 0;
	*dash = p;
	*ndash = n;
	n = line_at(next, end, &p);
	return memchr(next, ':', n) != NULL && isalpha((unsigned char)next[0]) ? line : 0;
}

/* Reports a front matter whose opening line is not exactly '---' on the
 * first line (frontmatter-missing: the file has no front matter as the
 * format defines it), with the repair: the dash line becomes '---' and the
 * blank lines above it go. */
static void report_almost_front(struct record *rec, int line, const char *dash, size_t n,
				struct diag_list *diags)
{
	struct diag *d;

	if (line == 1)
		d = diag_report(diags, rec->path, 1, 1, RULE_FRONTMATTER_MISSING,
				"the first line must be exactly three hyphens ('---') to open the "
				"front matter, but it is '%.*s'; it was not checked",
				(int)(n < 40 ? n : 40), dash);
	else
		d = diag_report(diags, rec->path, line, 1, RULE_FRONTMATTER_MISSING,
				"the front matter must open on the very first line with exactly "
				"three hyphens ('---'), but blank lines come before it; it was not "
				"checked");
	diag_set_end(d, line, (int)n + 1);
	if (line == 1)
		diag_set_help(d, "replace the first line with exactly three hyphens: ---");
	else
		diag_set_help(d, "remove the blank lines above it, so that the first line is "
				 "exactly three hyphens: ---");
	diag_set_sure_fix(d, 1, 1, line, (int)n + 1, "---");
}

/* The byte-order marks of encodings other than UTF-8, longest first. */
static const struct {
	const char *bom;
	size_t n;
	const char *name;
	size_t unit; /* bytes per code unit */
	int big;     /* big-endian */
} foreign_boms[] = {
    {"\xFF\xFE\x00\x00", 4, "UTF-32 (little-endian)", 4, 0},
    {"\x00\x00\xFE\xFF", 4, "UTF-32 (big-endian)", 4, 1},
    {"\xFF\xFE", 2, "UTF-16 (little-endian)", 2, 0},
    {"\xFE\xFF", 2, "UTF-16 (big-endian)", 2, 1},
};

/* True when the code units after the mark spell "---" in that encoding. */
static int foreign_dashes(const char *p, const char *end, size_t unit, int big)
{
	size_t i, k;

	if ((size_t)(end - p) < 3 * unit)
		return 0;
	for (i = 0; i < 3; i++)
		for (k = 0; k < unit; k++)
			if (p[i * unit + k] != ((big ? k == unit - 1 : k == 0) ? '-' : '\0'))
				return 0;
	return 1;
}

/* A file saved as UTF-16 or UTF-32: reports it and returns 1. */
static int foreign_encoding(struct record *rec, const char *text, const char *end,
			    struct diag_list *diags)
{
	size_t i, len = (size_t)(end - text);

	for (i = 0; i < sizeof foreign_boms / sizeof *foreign_boms; i++) {
		if (len < foreign_boms[i].n || memcmp(text, foreign_boms[i].bom, foreign_boms[i].n))
			continue;
		rec->has_front = foreign_dashes(text + foreign_boms[i].n, end, foreign_boms[i].unit,
						foreign_boms[i].big);
		diag_report(diags, rec->path, 1, 1, RULE_FRONTMATTER_INVALID,
			    "the file is saved as %s; save it as UTF-8 (in the editor's \"Save "
			    "as\" choose the encoding UTF-8); it was not checked",
			    foreign_boms[i].name);
		return 1;
	}
	return 0;
}

/* A file with a NUL byte is not text (an image or a document renamed to
 * .md, or UTF-16 without a byte-order mark): reports where and returns 1. */
static int binary_content(struct record *rec, const char *text, const char *end,
			  struct diag_list *diags)
{
	const char *nul = memchr(text, '\0', (size_t)(end - text)), *p, *next, *start = text;
	int line = 1;

	if (nul == NULL)
		return 0;
	for (p = text; p < end; p = next) {
		line_at(p, end, &next);
		if (next > nul)
			break;
		start = next;
		line++;
	}
	rec->has_front = (size_t)(end - text) >= 3 && memcmp(text, "---", 3) == 0;
	diag_report(diags, rec->path, line, (int)(nul - start) + 1, RULE_FRONTMATTER_INVALID,
		    "the file holds binary data (a NUL byte) here, so it is not a text file; a "
		    "record must be plain text saved as UTF-8; it was not checked");
	return 1;
}

/* True when the line is written like a field: a name, ':' and a space or nothing. */
static int field_like(const char *p, size_t n)
{
	size_t i = 0;

	if (n == 0 || !isalpha((unsigned char)p[0]))
		return 0;
	while (i < n && (isalnum((unsigned char)p[i]) || p[i] == '-' || p[i] == '_'))
		i++;
	return i < n && p[i] == ':' && (i + 1 == n || p[i + 1] == ' ');
}

/* True when the file opens with two lines written like fields and no
 * '---' line: front matter whose opening line was lost. */
static int fields_without_marker(const char *text, const char *end)
{
	const char *next, *after;
	size_t n = line_at(text, end, &next);

	if (!field_like(text, n) || next >= end)
		return 0;
	return field_like(next, line_at(next, end, &after));
}

struct record *record_load(const char *path, const char *text, size_t len, struct diag_list *diags)
{
	struct record *rec = xcalloc(1, sizeof *rec);
	const char *end = text + len, *p, *next, *front, *dash = NULL;
	size_t n, ndash = 0;
	int line = 1;

	rec->arena = arena_new();
	rec->path = arena_strdup(rec->arena, path);
	if (foreign_encoding(rec, text, end, diags))
		return rec;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		text += 3;
	if (binary_content(rec, text, end, diags))
		return rec;
	n = line_at(text, end, &next);
	if (!is_marker(text, n, "---")) {
		line = almost_front(text, end, &dash, &ndash);
		if (line == 0 && fields_without_marker(text, end)) {
			rec->has_front = 1;
			diag_report(diags, rec->path, 1, 1, RULE_FRONTMATTER_MISSING,
				    "this file starts with lines written like fields ('%.*s') but "
				    "not with a line '---'; put a line '---' above the fields and "
				    "another below them; it was not checked",
				    (int)(n < 60 ? n : 60), text);
		}
		if (line > 0) {
			rec->has_front = 1;
			report_almost_front(rec, line, dash, ndash, diags);
		}
		return rec;
	}
	rec->has_front = 1;
	front = next;
	for (p = next; p < end; p = next) {
		n = line_at(p, end, &next);
		line++;
		if (is_marker(p, n, "---") || is_marker(p, n, "...")) {
			parse_front(rec, front, (size_t)(p - front), diags);
			rec->body_line = line + 1;
			parse_body(rec, next, (size_t)(end - next));
			return rec;
		}
	}
	line = 1;
	for (p = front; p < end; p = next) {
		n = line_at(p, end, &next);
		line++;
		if (is_dashes(p, n)) {
			diag_report(diags, rec->path, line, 1, RULE_FRONTMATTER_INVALID,
				    "the line that closes the front matter must be exactly '---'");
			return rec;
		}
	}
	diag_report(diags, rec->path, 1, 1, RULE_FRONTMATTER_INVALID,
		    "the front matter that starts on line 1 is never closed; add a line '---' "
		    "after the last field");
	return rec;
}

/* Appends the plain text of node's inline content to b. */
static void inline_text(cmark_node *node, struct buf *b)
{
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;
	cmark_node *cur;
	const char *lit;

	if (it == NULL)
		return;
	for (;;) {
		ev = cmark_iter_next(it);
		if (ev == CMARK_EVENT_DONE)
			break;
		cur = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(cur)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			lit = cmark_node_get_literal(cur);
			if (lit != NULL)
				buf_puts(b, lit);
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			buf_puts(b, " ");
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
}

/* Removes combining diacritical marks (U+0300-U+036F), so that a heading
 * typed with decomposed letters ("e" + U+0308) matches the plain spelling
 * of a name ("Financien"). */
static void strip_marks(struct buf *b)
{
	size_t i, o = 0;
	unsigned char c, d;

	for (i = 0; i < b->len; i++) {
		c = (unsigned char)b->data[i];
		d = i + 1 < b->len ? (unsigned char)b->data[i + 1] : 0;
		if ((c == 0xCC && d >= 0x80 && d <= 0xBF) ||
		    (c == 0xCD && d >= 0x80 && d <= 0xAF)) {
			i++;
			continue;
		}
		b->data[o++] = b->data[i];
	}
	b->len = o;
	if (b->data != NULL)
		b->data[o] = '\0';
}

static void add_section(struct record *rec, cmark_node *node, struct section **items, size_t *cap)
{
	struct section *s;
	struct buf b = {0};

	inline_text(node, &b);
	strip_marks(&b);
	xgrow((void **)items, cap, rec->nsections, sizeof **items);
	s = &(*items)[rec->nsections++];
	s->len = b.len;
	s->heading = arena_strndup(rec->arena, b.data ? b.data : "", b.len);
	s->line = cmark_node_get_start_line(node) + rec->body_line - 1;
	s->col = cmark_node_get_start_column(node);
	s->end_line = cmark_node_get_end_line(node) + rec->body_line - 1;
	s->end_col = cmark_node_get_end_column(node);
	s->has_content = 0;
	s->spec = -1;
	buf_free(&b);
}

char *record_node_text(struct cmark_node *node, size_t *len)
{
	struct buf b = {0};

	inline_text(node, &b);
	strip_marks(&b);
	*len = b.len;
	return buf_take(&b);
}

void record_index_sections(struct record *rec, int level)
{
	struct section *items = NULL;
	size_t cap = 0;
	cmark_node *node;
	int lv, open = 0;

	rec->nsections = 0;
	if (rec->body == NULL)
		return;
	for (node = cmark_node_first_child(rec->body); node != NULL; node = cmark_node_next(node)) {
		lv = heading_level(node);
		if (lv == level) {
			add_section(rec, node, &items, &cap);
			open = 1;
		} else if (lv > 0 && lv < level) {
			open = 0; /* a higher heading closes the section */
		} else if (open) {
			items[rec->nsections - 1].has_content = 1;
		}
	}
	rec->sections = arena_memdup(rec->arena, items, rec->nsections, sizeof *items);
	free(items);
}

void record_free(struct record *rec)
{
	if (rec == NULL)
		return;
	if (rec->body != NULL)
		cmark_node_free(rec->body);
	arena_free(rec->arena);
	free(rec);
}
