/* SPDX-License-Identifier: EUPL-1.2 */
/* rule_decision.c - decision-points: the decision section's numbered points.
 *
 * Points are numbered 1. 2. 3., a. b. c., I. II. III. or 1° 2° 3°, one way
 * per list. cmark keeps only the start number of an ordered list and reads
 * lettered points as a paragraph, so every number is read from the source
 * line where its point starts. */
#include <cmark.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "body_lines.h"
#include "rules.h"

/* The ways decision points are numbered: 1. 2. 3., a. b. c., I. II. III.
 * and 1° 2° 3°. One list keeps to one of them. */
enum scheme { SCHEME_NONE, SCHEME_DIGITS, SCHEME_LETTERS, SCHEME_ROMAN, SCHEME_DEGREES };

/* A point's number as written: its value in each scheme it can belong to
 * ("c" is the letter c and the Roman numeral 100). */
struct mark {
	long digits, letter, roman; /* 0: not of that scheme */
	int degrees;                /* digits followed by a degree sign */
	int upper;                  /* letters written in capitals */
	int col;                    /* 1-based byte column of the number */
	size_t end;                 /* offset after the number and its '.', ')' */
};

struct points {
	struct rule_ctx *ctx;
	const struct section *sec;
	struct body_lines lines;
	enum scheme scheme; /* of the first point */
	int upper;          /* the first point's letters are capitals */
	long last;          /* the value of the previous point, 0 before the first */
	int last_line;      /* its file line */
	int npoints;
};

/* Returns the top-level heading node of section sec, or NULL. */
static cmark_node *section_node(const struct record *rec, const struct section *sec)
{
	cmark_node *node;
	int line = sec->line - rec->body_line + 1;

	for (node = cmark_node_first_child(rec->body); node != NULL; node = cmark_node_next(node))
		if (cmark_node_get_type(node) == CMARK_NODE_HEADING &&
		    cmark_node_get_start_line(node) == line)
			return node;
	return NULL;
}

/* True when node ends the section: a heading at its level or higher. */
static int ends_section(const struct record *rec, cmark_node *node)
{
	return cmark_node_get_type(node) == CMARK_NODE_HEADING &&
	       cmark_node_get_heading_level(node) <= rec->section_level;
}

/* Roman numerals as points are written, 1 to 20. */
static const char *const romans[] = {"i",    "ii",  "iii",  "iv",    "v",   "vi",   "vii",
				     "viii", "ix",  "x",    "xi",    "xii", "xiii", "xiv",
				     "xv",   "xvi", "xvii", "xviii", "xix", "xx"};

/* The value of Roman numeral s (n letters, one case), or 0 when it is not
 * one written the usual way (IIII and IC are not). */
static long roman_value(const char *s, size_t n)
{
	size_t k;

	for (k = 0; k < sizeof romans / sizeof *romans; k++)
		if (strlen(romans[k]) == n && strncasecmp(romans[k], s, n) == 0)
			return (long)k + 1;
	return 0;
}

/* Reads letters at line[i] as a letter or a Roman numeral into m; returns
 * the offset after them, or i when they are neither. */
static size_t read_letters(const char *line, size_t len, size_t i, struct mark *m)
{
	size_t k = i;

	while (k < len && k - i < 6 && isalpha((unsigned char)line[k]))
		k++;
	if (k == i || (k < len && isalpha((unsigned char)line[k])))
		return i;
	m->upper = isupper((unsigned char)line[i]) != 0;
	for (size_t j = i; j < k; j++)
		if ((isupper((unsigned char)line[j]) != 0) != m->upper)
			return i;
	m->roman = roman_value(line + i, k - i);
	if (k - i == 1)
		m->letter = tolower((unsigned char)line[i]) - 'a' + 1;
	return m->roman || m->letter ? k : i;
}

/* Reads the number at line[i] (after blanks): digits with '.' or ')', a
 * letter or Roman numeral with '.' or ')' (also in parentheses), or digits
 * with a degree sign; then a blank or the line's end. Returns 1 when there
 * is one, filling m. */
static int read_mark(const char *line, size_t len, size_t i, struct mark *m)
{
	size_t k, open;
	int digits = 0;

	memset(m, 0, sizeof *m);
	while (i < len && (line[i] == ' ' || line[i] == '\t'))
		i++;
	m->col = (int)i + 1;
	open = i < len && line[i] == '(';
	k = i + open;
	for (; k < len && line[k] >= '0' && line[k] <= '9' && digits < 9; k++, digits++)
		m->digits = m->digits * 10 + (line[k] - '0');
	if (digits > 0 && !open && k + 1 < len && memcmp(line + k, "\xC2\xB0", 2) == 0) {
		m->degrees = 1;
		k += 2;
	} else if (digits > 0 && !open && k < len && (line[k] == '.' || line[k] == ')')) {
		k++;
	} else if (digits == 0) {
		m->digits = 0;
		k = read_letters(line, len, k, m);
		if (k == i + open || k >= len || (line[k] != ')' && (open || line[k] != '.')))
			return 0;
		k++;
	} else {
		return 0;
	}
	m->end = k;
	return k == len || line[k] == ' ' || line[k] == '\t';
}

/* The value of m in scheme s, or 0 when m is not of that scheme. */
static long mark_value(const struct mark *m, enum scheme s)
{
	switch (s) {
	case SCHEME_DIGITS:
		return m->degrees ? 0 : m->digits;
	case SCHEME_DEGREES:
		return m->degrees ? m->digits : 0;
	case SCHEME_LETTERS:
		return m->letter;
	case SCHEME_ROMAN:
		return m->roman;
	default:
		return 0;
	}
}

/* The scheme a first point sets: a single i (or I) starts Roman numerals,
 * any other single letter letters. */
static enum scheme mark_scheme(const struct mark *m)
{
	if (m->digits)
		return m->degrees ? SCHEME_DEGREES : SCHEME_DIGITS;
	if (m->letter && !(m->roman == 1))
		return SCHEME_LETTERS;
	return SCHEME_ROMAN;
}

/* Writes value n in the list's scheme into out ("3", "c", "III", "3°"). */
static void label(const struct points *pt, long n, char *out, size_t outlen)
{
	size_t k;

	if (pt->scheme == SCHEME_LETTERS && n >= 1 && n <= 26)
		snprintf(out, outlen, "%c", (char)((pt->upper ? 'A' : 'a') + n - 1));
	else if (pt->scheme == SCHEME_ROMAN && n >= 1 && n <= 20) {
		snprintf(out, outlen, "%s", romans[n - 1]);
		for (k = 0; pt->upper && out[k] != '\0'; k++)
			out[k] = (char)toupper((unsigned char)out[k]);
	} else if (pt->scheme == SCHEME_DEGREES)
		snprintf(out, outlen, "%ld\xC2\xB0", n);
	else
		snprintf(out, outlen, "%ld", n);
}

/* "1, 2, 3, ...", "a, b, c, ..." or "I, II, III, ...": the list's series. */
static void series(const struct points *pt, char *out, size_t outlen)
{
	char a[16], b[16], c[16];

	label(pt, 1, a, sizeof a);
	label(pt, 2, b, sizeof b);
	label(pt, 3, c, sizeof c);
	snprintf(out, outlen, "%s, %s, %s, ...", a, b, c);
}

/* Reports a point whose value n breaks the numbering. */
static void report_number(struct points *pt, int line, int col, long n)
{
	const char *path = pt->ctx->rec->path;
	char got[16], last[16], want[16], all[64];

	label(pt, n, got, sizeof got);
	label(pt, pt->last, last, sizeof last);
	label(pt, pt->last + 1, want, sizeof want);
	series(pt, all, sizeof all);
	if (pt->last == 0)
		diag_report(pt->ctx->diags, path, line, col, RULE_DECISION_POINTS,
			    "the decision points must be numbered from %s, but the first is %s",
			    want, got);
	else if (n == pt->last)
		diag_report(pt->ctx->diags, path, line, col, RULE_DECISION_POINTS,
			    "decision point %s is numbered twice (also on line %d); number the "
			    "points %s without repeats",
			    got, pt->last_line, all);
	else
		diag_report(pt->ctx->diags, path, line, col, RULE_DECISION_POINTS,
			    "decision point %s follows %s (line %d); number the points %s "
			    "without gaps, so this one is %s",
			    got, last, pt->last_line, all, want);
}

/* Checks one point: m as read in text, the source of file line `line`;
 * empty when no text follows its number. */
static void check_point(struct points *pt, const struct mark *m, const char *text, int line,
			int empty)
{
	const char *path = pt->ctx->rec->path;
	char got[16], all[64];
	long n;

	if (pt->scheme == SCHEME_NONE) {
		pt->scheme = mark_scheme(m);
		pt->upper = m->upper;
	}
	n = mark_value(m, pt->scheme);
	if (n == 0) {
		series(pt, all, sizeof all);
		diag_report(pt->ctx->diags, path, line, m->col, RULE_DECISION_POINTS,
			    "decision point '%.*s' is numbered another way than the point on line "
			    "%d; number all points of the list the same way: %s",
			    (int)(m->end - (size_t)(m->col - 1)), text + m->col - 1, pt->last_line,
			    all);
		n = pt->last + 1; /* it takes its place: the next is not a gap */
	} else if (n != pt->last + 1) {
		report_number(pt, line, m->col, n);
	}
	label(pt, n, got, sizeof got);
	if (empty)
		diag_report(pt->ctx->diags, path, line, m->col, RULE_DECISION_POINTS,
			    "decision point %s is empty; write the decision after its number", got);
	pt->last = n;
	pt->last_line = line;
	pt->npoints++;
}

/* A point of an ordered list: cmark keeps only the list's start, so its
 * number is read from the source line where the item starts. */
static void check_item(struct points *pt, cmark_node *item)
{
	const struct record *rec = pt->ctx->rec;
	int body_line = cmark_node_get_start_line(item);
	size_t len, i = (size_t)cmark_node_get_start_column(item) - 1;
	const char *text = body_lines_get(&pt->lines, body_line, &len);
	struct mark m;

	if (text == NULL || i > len || !read_mark(text, len, i, &m) || m.digits == 0)
		return;
	check_point(pt, &m, text, body_line + rec->body_line - 1,
		    cmark_node_first_child(item) == NULL);
}

/* True when body line `line` ends with a colon: the words that introduce
 * points ("Het college besluit:"). */
static int ends_with_colon(const struct points *pt, int line)
{
	size_t len;
	const char *text = body_lines_get(&pt->lines, line, &len);

	while (text != NULL && len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t'))
		len--;
	return text != NULL && len > 0 && text[len - 1] == ':';
}

/* True when body line `line` starts with a point's number. */
static int starts_point(const struct points *pt, int line)
{
	size_t len;
	const char *text = body_lines_get(&pt->lines, line, &len);
	struct mark m;

	return text != NULL && read_mark(text, len, 0, &m);
}

/* True when m can open points in a paragraph: it continues the list's
 * scheme, or starts a series of its own (a, i, 1°). */
static int opens_points(const struct points *pt, const struct mark *m)
{
	return (pt->scheme != SCHEME_NONE && mark_value(m, pt->scheme) != 0) ||
	       mark_value(m, mark_scheme(m)) == 1;
}

/* Points that cmark reads as a paragraph: lines starting "a.", "b)", "I.",
 * "(ii)" or "1°". A paragraph holds points when its first line is one, or
 * when one follows a line ending in a colon; the lines after a point
 * continue it. A first point must start its series (a, i, 1°), so that
 * initials under a signature ("J. de Vries") are not taken for points. */
static void check_paragraph(struct points *pt, cmark_node *para)
{
	int first = cmark_node_get_start_line(para), last = cmark_node_get_end_line(para);
	int line, started = 0;
	size_t len;
	const char *text;
	struct mark m;

	for (line = first; line <= last; line++) {
		text = body_lines_get(&pt->lines, line, &len);
		if (text == NULL || !read_mark(text, len, 0, &m) || (m.digits && !m.degrees))
			continue;
		if (!started && line != first && !ends_with_colon(pt, line - 1))
			continue;
		if (!started && !opens_points(pt, &m))
			return;
		started = 1;
		check_point(pt, &m, text, line + pt->ctx->rec->body_line - 1,
			    m.end >= len && (line == last || starts_point(pt, line + 1)));
	}
}

/* Checks the points at the top of the section, lists and paragraphs, as
 * one numbering. */
static void check_section(struct points *pt, cmark_node *heading)
{
	cmark_node *node, *item;

	for (node = cmark_node_next(heading); node != NULL && !ends_section(pt->ctx->rec, node);
	     node = cmark_node_next(node)) {
		if (cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH)
			check_paragraph(pt, node);
		if (cmark_node_get_type(node) != CMARK_NODE_LIST ||
		    cmark_node_get_list_type(node) != CMARK_ORDERED_LIST)
			continue;
		for (item = cmark_node_first_child(node); item != NULL;
		     item = cmark_node_next(item))
			check_item(pt, item);
	}
	if (pt->npoints == 0)
		diag_report(pt->ctx->diags, pt->ctx->rec->path, pt->sec->line, pt->sec->col,
			    RULE_DECISION_POINTS,
			    "the section '%s' has no numbered decision points; write each decision "
			    "as a numbered line: '1. ...', '2. ...'",
			    pt->sec->heading);
}

void rule_decision_points(struct rule_ctx *ctx)
{
	const struct record *rec = ctx->rec;
	struct points pt;
	cmark_node *heading;
	size_t i;

	for (i = 0; i < rec->nsections; i++) {
		if (rec->sections[i].spec < 0 ||
		    !ctx->schema->sections[rec->sections[i].spec].decision_points)
			continue;
		/* An empty section is reported by the section rules. */
		heading =
		    rec->sections[i].has_content ? section_node(rec, &rec->sections[i]) : NULL;
		if (heading == NULL)
			return;
		memset(&pt, 0, sizeof pt);
		pt.ctx = ctx;
		pt.sec = &rec->sections[i];
		body_lines_init(&pt.lines, rec);
		check_section(&pt, heading);
		body_lines_free(&pt.lines);
		return; /* a second decision section is section-duplicate */
	}
}
