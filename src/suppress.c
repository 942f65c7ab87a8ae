/* SPDX-License-Identifier: EUPL-1.2 */
/* suppress.c - reading suppression comments and filtering findings with them. */
#include "suppress.h"

#include <cmark.h>
#include <stdlib.h>
#include <string.h>

#include "record.h"
#include "util.h"
#include "i18n.h"

static const struct {
	const char *word;
	int kind; /* enum suppress_kind, or -1 for clerk-enable */
} directives[] = {
    {"disable-next-line", SUPPRESS_LINE},
    {"disable-file", SUPPRESS_FILE},
    {"disable", SUPPRESS_RANGE},
    {"enable", -1},
};

#define NDIRECTIVES (sizeof directives / sizeof *directives)

/* What the scan of one file keeps track of. */
struct scan {
	struct suppress_list *list;
	struct diag_list *diags;
	const char *path;
	long open[RULE_COUNT]; /* index of the open range entry per rule, or -1 */
	int last_line;         /* where ranges left open end */
};

static struct suppress_entry *add_entry(struct scan *s, enum suppress_kind kind, enum rule_id rule,
					int line, int col)
{
	struct suppress_entry *e;

	xgrow((void **)&s->list->items, &s->list->cap, s->list->n, sizeof *s->list->items);
	e = &s->list->items[s->list->n++];
	memset(e, 0, sizeof *e);
	e->kind = kind;
	e->rule = rule;
	e->line = line;
	e->col = col;
	return e;
}

/* Applies one rule name of a comment ending on end_line. */
static void apply_name(struct scan *s, int kind, enum rule_id rule, int line, int col, int end_line)
{
	struct suppress_entry *e;

	if (kind == -1) {
		if (s->open[rule] >= 0)
			s->list->items[s->open[rule]].to = line;
		s->open[rule] = -1;
		return;
	}
	if (kind == SUPPRESS_RANGE && s->open[rule] >= 0)
		return; /* already off: this comment changes nothing */
	e = add_entry(s, (enum suppress_kind)kind, rule, line, col);
	e->from = kind == SUPPRESS_LINE ? end_line + 1 : kind == SUPPRESS_FILE ? 1 : line;
	e->to = kind == SUPPRESS_LINE ? end_line + 1 : s->last_line;
	if (kind == SUPPRESS_RANGE)
		s->open[rule] = (long)(s->list->n - 1);
}

static int name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '_';
}

/* Reads the rule names in [p, end): separated by commas and blanks. */
static void read_names(struct scan *s, int kind, const char *p, const char *end, int line, int col,
		       int end_line)
{
	const char *start;
	char *name;
	int rule, count = 0;

	while (p < end) {
		if (!name_char(*p)) {
			p++;
			continue;
		}
		for (start = p; p < end && name_char(*p); p++)
			;
		name = xstrndup(start, (size_t)(p - start));
		rule = rule_lookup(name);
		if (rule < 0)
			diag_report(s->diags, s->path, line, col, RULE_SUPPRESSION_UNKNOWN,
				    "'%s' in this clerk comment is not a rule; 'clerk rules' lists "
				    "them",
				    name);
		else
			apply_name(s, kind, (enum rule_id)rule, line, col, end_line);
		free(name);
		count++;
	}
	if (count == 0)
		diag_report(s->diags, s->path, line, col, RULE_SUPPRESSION_UNKNOWN,
			    "this clerk comment names no rule; name the rules after it, such as "
			    "<!-- clerk-disable-next-line field-unknown -->");
}

/* Returns the directive at p ("disable-next-line ..."), or -1. */
static int directive_at(const char *p, const char *end, size_t *len)
{
	size_t i, n;

	for (i = 0; i < NDIRECTIVES; i++) {
		n = strlen(directives[i].word);
		if ((size_t)(end - p) >= n && memcmp(p, directives[i].word, n) == 0 &&
		    (p + n == end || !name_char(p[n]))) {
			*len = n;
			return (int)i;
		}
	}
	return -1;
}

/* Returns the number of line breaks in [p, end). */
static int lines_in(const char *p, const char *end)
{
	int n = 0;

	for (; p < end; p++)
		n += *p == '\n';
	return n;
}

/* Reads one comment body [p, end) (between "<!--" and "-->") that starts
 * at line:col; does nothing unless it starts with "clerk-". */
static void read_comment(struct scan *s, const char *p, const char *end, int line, int col)
{
	const char *word, *reason, *names_end = end;
	int end_line = line + lines_in(p, end), d;
	size_t len;

	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	if ((size_t)(end - p) < 6 || memcmp(p, "clerk-", 6) != 0)
		return;
	word = p + 6;
	d = directive_at(word, end, &len);
	if (d < 0) {
		for (p = word; p < end && name_char(*p); p++)
			;
		diag_report(s->diags, s->path, line, col, RULE_SUPPRESSION_UNKNOWN,
			    "'clerk-%.*s' is not a clerk comment; use clerk-disable-next-line, "
			    "clerk-disable, clerk-enable or clerk-disable-file",
			    (int)(p - word), word);
		return;
	}
	for (reason = word + len; reason + 4 <= end; reason++)
		if (memcmp(reason, " -- ", 4) == 0) {
			names_end = reason;
			break;
		}
	read_names(s, directives[d].kind, word + len, names_end, line, col, end_line);
}

/* Reads every comment in an HTML node's text, which starts at line:col. */
static void read_html(struct scan *s, const char *text, int line, int col)
{
	const char *p = text, *open, *close, *line_start = text;
	size_t n = strlen(text);
	const char *end = text + n;
	int at_line = line;

	for (;;) {
		open = strstr(p, "<!--");
		if (open == NULL)
			return;
		close = strstr(open + 4, "-->");
		if (close == NULL)
			return;
		for (; p < open; p++)
			if (*p == '\n') {
				at_line++;
				line_start = p + 1;
			}
		read_comment(s, open + 4, close, at_line,
			     (int)(open - line_start) + (at_line == line ? col : 1));
		p = close + 3 <= end ? close + 3 : end;
		for (; open < p; open++)
			if (*open == '\n') {
				at_line++;
				line_start = open + 1;
			}
	}
}

static int by_kind_rule_from(const void *pa, const void *pb)
{
	const struct suppress_entry *a = pa, *b = pb;

	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if (a->rule != b->rule)
		return a->rule < b->rule ? -1 : 1;
	if (a->from != b->from)
		return a->from < b->from ? -1 : 1;
	return a->line < b->line ? -1 : a->line > b->line;
}

void suppress_scan(struct suppress_list *list, const struct record *rec, struct diag_list *diags)
{
	struct scan s = {list, diags, rec->path, {0}, 0};
	cmark_iter *it;
	cmark_node *node;
	cmark_node_type type;
	const char *text;
	size_t i;

	if (rec->body == NULL)
		return;
	for (i = 0; i < RULE_COUNT; i++)
		s.open[i] = -1;
	s.last_line = 0x7fffffff; /* ranges left open run to the end of the file */
	it = cmark_iter_new(rec->body);
	if (it == NULL)
		return;
	while (cmark_iter_next(it) != CMARK_EVENT_DONE) {
		node = cmark_iter_get_node(it);
		type = cmark_node_get_type(node);
		if (cmark_iter_get_event_type(it) != CMARK_EVENT_ENTER ||
		    (type != CMARK_NODE_HTML_BLOCK && type != CMARK_NODE_HTML_INLINE))
			continue;
		text = cmark_node_get_literal(node);
		if (text != NULL)
			read_html(&s, text, cmark_node_get_start_line(node) + rec->body_line - 1,
				  cmark_node_get_start_column(node));
	}
	cmark_iter_free(it);
	if (list->n > 1)
		qsort(list->items, list->n, sizeof *list->items, by_kind_rule_from);
}

/* Returns the entry of kind and rule whose lines hold line, or NULL.
 * Entries of one kind and rule do not overlap (ranges open only once per
 * rule; a next line is one line), so the last one starting at or before
 * line is the only candidate. */
static struct suppress_entry *find(struct suppress_list *list, enum suppress_kind kind,
				   enum rule_id rule, int line)
{
	size_t lo = 0, hi = list->n, mid;
	struct suppress_entry *e, key = {kind, rule, line, 0, 0, 0, 0};

	key.line = 0x7fffffff;
	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (by_kind_rule_from(&list->items[mid], &key) <= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return NULL;
	e = &list->items[lo - 1];
	if (e->kind != kind || e->rule != rule || e->to < line)
		return NULL;
	return e;
}

int suppress_silences(struct suppress_list *list, const struct diag *d)
{
	struct suppress_entry *e;
	int k;

	if (d->rule == RULE_SUPPRESSION_UNKNOWN || d->rule == RULE_SUPPRESSION_UNUSED)
		return 0;
	for (k = SUPPRESS_LINE; k <= SUPPRESS_FILE; k++) {
		e = find(list, (enum suppress_kind)k, d->rule, d->line);
		if (e != NULL) {
			e->used = 1;
			return 1;
		}
	}
	return 0;
}

static const char *const kind_words[] = {
    [SUPPRESS_LINE] = N_("on the next line"),
    [SUPPRESS_RANGE] = N_("in its part of the file"),
    [SUPPRESS_FILE] = N_("in this file"),
};

void suppress_report_unused(const struct suppress_list *list, struct diag_list *diags,
			    const char *path)
{
	const struct suppress_entry *e;
	size_t i;

	for (i = 0; i < list->n; i++) {
		e = &list->items[i];
		if (!e->used)
			diag_report(
			    diags, path, e->line, e->col, RULE_SUPPRESSION_UNUSED,
			    "this clerk comment silences '%s', but there is no such finding "
			    "%s; remove the rule from the comment",
			    rule_catalogue[e->rule].name, _(kind_words[e->kind]));
	}
}

void suppress_free(struct suppress_list *list)
{
	free(list->items);
	memset(list, 0, sizeof *list);
}
