/* SPDX-License-Identifier: EUPL-1.2 */
/* import_text.c - cleaning a converted document and cutting it into blocks.
 *
 * Plain text (a .txt file, pdftotext's output) is read line by line: the
 * remains of conversion go first (page headers and footers repeated on
 * every page, page numbers, HTML tags left in table cells, characters
 * decoded twice, lines of the web page a text was saved from); then lines
 * join into paragraphs (hyphenation at line ends undone), paragraphs that
 * a page break cut in two join again, and short lines standing alone
 * become headings. Markdown (pandoc's output, a .md file) is parsed with
 * cmark; a paragraph that is a numbered or bold line alone is a heading
 * there too, since Word writers often make headings that way. */
#include "import.h"

#include <cmark.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pattern.h"
#include "util.h"

/* ------------------------------------------------------------- patterns */

enum {
	P_PAGE_NUMBER, /* a line that is only a page number: "3", "- 3 -", "Pagina 3 van 7", "3/7"
			*/
	P_ITEM,        /* the marker of a list item: "- ", "• ", "3. ", "b) " */
	P_NUMHEAD,     /* the numbering of a heading: "2. ", "3.1 ", "Artikel 4 " */
	P_FIELD,       /* "Label : value" with a label of one to three words */
	P_CHROME,      /* a line of the web page a text was saved from */
	P_STAMP, /* a web address or a date and time alone: a browser's page header or footer */
	P_COUNT
};

static const char *const pattern_src[P_COUNT] = {
    "(?i)^[ \\t]*+(?:(?:pagina|page|blz\\.?+|p\\.)[ \\t]*+)?(?:[-\xE2\x80\x93][ \\t]*+)?"
    "[0-9]{1,4}+[ \\t]*+(?:(?:/|van|of)[ \\t]*+[0-9]{1,4}+[ \\t]*+)?(?:[-\xE2\x80\x93][ \\t]*+)?$",
    "^[ "
    "\\t]*+(?:[-*+\xE2\x80\xA2\xE2\x96\xAA\xE2\x97\xA6\xC2\xB7]|[0-9]{1,3}+\\\\?+[.)]|\\(?[a-z]"
    "\\\\?+[.)]|"
    "\\([0-9]{1,3}+\\))[ \\t]++(?=\\S)",
    "^[ "
    "\\t]*+(?:[0-9]{1,2}+(?:\\.[0-9]{1,2}+){0,3}+\\\\?+\\.?+|(?i:artikel|article|hoofdstuk|chapter|"
    "paragraaf|section)[ \\t]++[0-9]{1,3}+[a-z]?+[.:]?+)[ \\t]++(?=\\p{Lu})",
    "^[ \\t]*+(?<label>\\p{Lu}[\\p{L}.]{0,24}+(?:[ \\t][\\p{L}.]{1,24}+){0,2}+)[ \\t]*+:[ \\t]*+"
    "(?=\\S)",
    "(?i)^[ \\t]*+(?:download (?:de|the) presentati(?:e|on)|de presentatie wordt gedownload\\b.*+|"
    "gepubliceerd.{0,200}?laatst gewijzigd\\b.*+|published.{0,200}?last "
    "(?:modified|changed)\\b.*+)$",
    "^[ \\t]*+(?:(?:https?|file)://\\S++|[0-9]{1,2}+[/.-][0-9]{1,2}+[/.-][0-9]{2,4}+,?+[ \\t]++"
    "[0-9]{1,2}+:[0-9]{2}+(?::[0-9]{2}+)?+(?:[ \\t]|\xE2\x80\xAF|\xC2\xA0)*+(?:[AaPp][Mm])?+)"
    "[ \\t]*+$",
};

static pcre2_code *patterns[P_COUNT];

/* Compiles the patterns once; returns 0, or -1 when one failed (a bug). */
static int patterns_ready(void)
{
	char err[128];
	size_t off, i;

	for (i = 0; i < P_COUNT; i++) {
		if (patterns[i] == NULL)
			patterns[i] = pattern_compile(pattern_src[i], 0, err, sizeof err, &off);
		if (patterns[i] == NULL)
			return -1;
	}
	return 0;
}

/* The length of pattern k's match at the start of s, or 0 when none. */
static size_t prefix(int k, const char *s)
{
	size_t start, end;

	if (patterns[k] == NULL ||
	    pattern_find(patterns[k], s, strlen(s), 0, &start, &end) != PATTERN_MATCH || start != 0)
		return 0;
	return end;
}

static int matches(int k, const char *s)
{
	return patterns[k] != NULL && pattern_match(patterns[k], s, strlen(s)) == PATTERN_MATCH;
}

/* ---------------------------------------------------------------- lines */

/* One line of plain text after the remains of conversion were cleaned. */
struct line {
	char *s;
	int no;    /* its line in the converted text */
	int page;  /* its page (form feeds), from 0 */
	int blank; /* empty, or removed */
	int body;  /* the text of a table cell: never a heading */
	int edge;  /* among the first or last lines of its page */
};

struct lines {
	struct line *items;
	size_t n, cap;
	int pages;
};

static void lines_add(struct lines *l, const char *s, size_t len, int no, int page)
{
	struct line *x;

	xgrow((void **)&l->items, &l->cap, l->n, sizeof *l->items);
	x = &l->items[l->n++];
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r'))
		len--;
	while (len > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	x->s = xstrndup(s, len);
	x->no = no;
	x->page = page;
	x->blank = len == 0;
	x->body = 0;
	x->edge = 0;
}

static void lines_free(struct lines *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->items[i].s);
	free(l->items);
}

/* Text in Windows-1252 (old Word exports) as UTF-8; the C1 range maps to
 * the characters Windows puts there (quotes, dashes, the euro sign). */
static char *from_cp1252(const char *s, size_t len, size_t *outlen)
{
	static const unsigned short c1[32] = {
	    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
	    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
	    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
	struct buf b = {0};
	unsigned c;
	size_t i;
	char u[4];

	for (i = 0; i < len; i++) {
		c = (unsigned char)s[i];
		if (c >= 0x80 && c < 0xA0)
			c = c1[c - 0x80];
		if (c < 0x80) {
			u[0] = (char)c;
			buf_add(&b, u, 1);
		} else if (c < 0x800) {
			u[0] = (char)(0xC0 | (c >> 6));
			u[1] = (char)(0x80 | (c & 0x3F));
			buf_add(&b, u, 2);
		} else {
			u[0] = (char)(0xE0 | (c >> 12));
			u[1] = (char)(0x80 | ((c >> 6) & 0x3F));
			u[2] = (char)(0x80 | (c & 0x3F));
			buf_add(&b, u, 3);
		}
	}
	*outlen = b.len;
	return buf_take(&b);
}

/* ------------------------------------------------------- character repairs */

/* Characters decoded twice (UTF-8 read as Latin-1 and written again), and
 * what they were. */
static const char *const mojibake[][2] = {
    {"\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2", "\xE2\x80\x99"}, /* right single quote */
    {"\xC3\xA2\xE2\x82\xAC\xCB\x9C", "\xE2\x80\x98"},     /* left single quote */
    {"\xC3\xA2\xE2\x82\xAC\xC5\x93", "\xE2\x80\x9C"},     /* left double quote */
    {"\xC3\xA2\xE2\x82\xAC\xE2\x80\x9C", "\xE2\x80\x93"}, /* en dash */
    {"\xC3\x83\xC2\xA9", "\xC3\xA9"},                     /* e acute */
    {"\xC3\x83\xC2\xAB", "\xC3\xAB"},                     /* e diaeresis */
    {"\xC3\x83\xC2\xAF", "\xC3\xAF"},                     /* i diaeresis */
    {"\xC3\x83\xC2\xB6", "\xC3\xB6"},                     /* o diaeresis */
    {"\xC3\x83\xC2\xA8", "\xC3\xA8"},                     /* e grave */
    {"\xC3\x83\xC2\xBC", "\xC3\xBC"},                     /* u diaeresis */
    {"\xC3\x82\xC2\xA0", " "},                            /* no-break space */
};

static int is_letter_at(const char *s, size_t i, size_t len)
{
	unsigned char c = (unsigned char)s[i];

	return i < len && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0xC0);
}

/* Repairs one line in place of b: twice-decoded characters; and, where a
 * converter dropped the rest of such a sequence, a lone 'Â' (a no-break
 * space) and an 'â' at the edge of a word (a quote mark). */
static void repair_line(const char *s, size_t len, struct buf *b)
{
	size_t i = 0, k, n;

	while (i < len) {
		for (k = 0; k < sizeof mojibake / sizeof *mojibake; k++) {
			n = strlen(mojibake[k][0]);
			if (len - i >= n && memcmp(s + i, mojibake[k][0], n) == 0)
				break;
		}
		if (k < sizeof mojibake / sizeof *mojibake) {
			buf_puts(b, mojibake[k][1]);
			i += strlen(mojibake[k][0]);
		} else if (len - i >= 2 && memcmp(s + i, "\xC3\x82", 2) == 0 &&
			   !is_letter_at(s, i + 2, len) &&
			   (i == 0 || !is_letter_at(s, i - 1, len))) {
			buf_puts(b, " ");
			i += 2;
		} else if (len - i >= 2 && memcmp(s + i, "\xC3\xA2", 2) == 0 &&
			   (i == 0 || !is_letter_at(s, i - 1, len) ||
			    !is_letter_at(s, i + 2, len))) {
			buf_puts(b, "'");
			i += 2;
		} else {
			buf_add(b, s + i, 1);
			i++;
		}
	}
}

/* ----------------------------------------------------- HTML in the cells */

/* The tags that end a paragraph, and those that start a list item. */
static int tag_breaks(const char *name, size_t n)
{
	static const char *const names[] = {"p",   "/p",  "ul",    "/ul",    "ol",
					    "/ol", "br",  "br/",   "div",    "/div",
					    "tr",  "/tr", "table", "/table", "/li"};
	size_t i;

	for (i = 0; i < sizeof names / sizeof *names; i++)
		if (strlen(names[i]) == n && strncasecmp(name, names[i], n) == 0)
			return 1;
	return 0;
}

/* Splits a line holding HTML (as a table cell exported to text holds it)
 * at its paragraph and list tags, drops the other tags, and turns bullets
 * into list items. A tab separates a table's cells: the text before it,
 * when short, is a heading. Adds the pieces to out. */
static void split_markup(const char *s, int no, int page, struct lines *out)
{
	struct buf b = {0};
	const char *p = s, *end, *tab = strchr(s, '\t');
	size_t n;

	if (tab != NULL && tab - s <= 80) {
		lines_add(out, "", 0, no, page);
		for (p = s; p < tab; p++) {
			if (*p == '<' && (end = memchr(p, '>', (size_t)(tab - p))) != NULL)
				p = end;
			else
				buf_add(&b, p, 1);
		}
		lines_add(out, b.data ? b.data : "", b.len, no, page);
		b.len = 0;
		lines_add(out, "", 0, no, page);
		p = tab + 1;
		if (*p != '<' && *p != '\0') {
			n = strcspn(p, "<");
			lines_add(out, p, n, no, page);
			out->items[out->n - 1].body = 1;
			p += n;
		}
	}
	while (*p != '\0') {
		if (*p == '<' && (end = strchr(p, '>')) != NULL && end - p <= 200) {
			n = strcspn(p + 1, " >");
			if (tag_breaks(p + 1, n) || (n == 2 && strncasecmp(p + 1, "li", 2) == 0)) {
				lines_add(out, b.data ? b.data : "", b.len, no, page);
				b.len = 0;
				if (n == 2 && strncasecmp(p + 1, "li", 2) == 0)
					buf_puts(&b, "- ");
				else
					lines_add(out, "", 0, no, page);
			}
			p = end + 1;
		} else if (strncmp(p, "\xE2\x80\xA2", 3) == 0) {
			lines_add(out, b.data ? b.data : "", b.len, no, page);
			b.len = 0;
			buf_puts(&b, "- ");
			p += 3;
			p += strspn(p, " \t");
		} else {
			buf_add(&b, p, 1);
			p++;
		}
	}
	lines_add(out, b.data ? b.data : "", b.len, no, page);
	buf_free(&b);
}

/* Cuts text into repaired lines (pages at form feeds). */
static void read_lines(const char *text, size_t len, struct lines *out)
{
	struct buf b = {0};
	const char *p = text, *end = text + len, *nl;
	int no = 1, page = 0, markup = strstr(text, "<p>") != NULL || strstr(text, "\t") != NULL;

	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		b.len = 0;
		repair_line(p, (size_t)(nl - p), &b);
		buf_add(&b, "", 0);
		for (char *f = strchr(b.data, '\f'); f != NULL; f = strchr(b.data, '\f')) {
			memmove(f, f + 1, strlen(f));
			page++;
		}
		if (markup)
			split_markup(b.data, no, page, out);
		else
			lines_add(out, b.data, strlen(b.data), no, page);
		p = nl + 1;
		no++;
	}
	out->pages = page + 1;
	buf_free(&b);
}

/* ------------------------------------------------- headers and footers */

/* The line with its digits as '#', so that "Pagina 3" and "Pagina 4" agree. */
static void digits_as_hash(const char *s, char *out, size_t outlen)
{
	size_t i;

	for (i = 0; s[i] != '\0' && i + 1 < outlen; i++)
		out[i] = s[i] >= '0' && s[i] <= '9' ? '#' : s[i];
	out[i] = '\0';
}

/* A line at the top or bottom of a page, by its text with digits as '#'. */
struct edge {
	char key[256];
	int page;
	size_t line;
};

static int edge_compare(const void *pa, const void *pb)
{
	const struct edge *a = pa, *b = pb;
	int c = strcmp(a->key, b->key);

	return c != 0 ? c : a->page - b->page;
}

/* Adds the first two and the last two non-blank lines of the page of
 * lines [from, to) to e (of a page of fewer than six lines, the first and
 * the last). */
static size_t page_edges(const struct lines *l, size_t from, size_t to, struct edge *e, size_t n)
{
	size_t k, first = n, lines = 0;
	int c, per;

	for (k = from; k < to; k++)
		lines += !l->items[k].blank;
	per = lines < 6 ? 1 : 2; /* a short page: its first and last line only */
	for (k = from, c = 0; k < to && c < per; k++)
		if (!l->items[k].blank && strlen(l->items[k].s) <= 200) {
			e[n].page = l->items[k].page;
			e[n].line = k;
			digits_as_hash(l->items[k].s, e[n++].key, sizeof e->key);
			c++;
		}
	for (k = to, c = 0; k > from && c < per; k--)
		if (!l->items[k - 1].blank && strlen(l->items[k - 1].s) <= 200 &&
		    (n == first || e[first].line != k - 1) &&
		    (n < first + 2 || e[first + 1].line != k - 1)) {
			e[n].page = l->items[k - 1].page;
			e[n].line = k - 1;
			digits_as_hash(l->items[k - 1].s, e[n++].key, sizeof e->key);
			c++;
		}
	return n;
}

/* Blanks the lines that stand at the top or bottom of at least half the
 * pages (two at least): running headers and footers; and, on any page, a
 * web address or a date and time alone there (what a browser prints). Only the edges of a
 * page are compared, so a repeated line in the text stays. Sorting the
 * edges keeps this linear-logarithmic in the pages. */
static void drop_running_lines(struct lines *l)
{
	struct edge *e;
	size_t i, j, n = 0, pages;
	int need = l->pages < 4 ? 2 : (l->pages + 1) / 2;

	e = xcalloc((size_t)l->pages * 4 + 1, sizeof *e);
	for (i = 0; i < l->n; i = j) {
		for (j = i; j < l->n && l->items[j].page == l->items[i].page; j++)
			;
		n = page_edges(l, i, j, e, n);
	}
	for (i = 0; i < n; i++) {
		l->items[e[i].line].edge = 1;
		if (matches(P_STAMP, l->items[e[i].line].s))
			l->items[e[i].line].blank = 2;
	}
	qsort(e, n, sizeof *e, edge_compare);
	for (i = 0; i < n; i = j) {
		pages = 0;
		for (j = i; j < n && strcmp(e[j].key, e[i].key) == 0; j++)
			pages += j == i || e[j].page != e[j - 1].page;
		while ((int)pages >= need && l->pages >= 2 && i < j)
			l->items[e[i++].line].blank = 2;
	}
	free(e);
}

/* True when a line that is a number alone is a page number: on a page of
 * a paged text (form feeds) at its top or bottom; in a text without pages
 * (slides saved as text) anywhere, unless it continues the line before
 * ("2024-" and "2027"). */
static int page_number(const struct lines *l, size_t i)
{
	const char *prev = NULL;
	size_t k, n;

	if (!matches(P_PAGE_NUMBER, l->items[i].s))
		return 0;
	if (l->pages >= 2)
		return l->items[i].edge;
	for (k = i; k > 0 && prev == NULL; k--)
		if (!l->items[k - 1].blank)
			prev = l->items[k - 1].s;
	n = prev != NULL ? strlen(prev) : 0;
	return n == 0 ||
	       !(prev[n - 1] == '-' || (n >= 3 && strcmp(prev + n - 3, "\xE2\x80\x93") == 0));
}

/* Blanks page numbers and the lines of a saved web page. */
static void drop_noise(struct lines *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (!l->items[i].blank && (page_number(l, i) || matches(P_CHROME, l->items[i].s)))
			l->items[i].blank = 2;
}

/* -------------------------------------------------------------- blocks */

static struct import_block *block_add(struct import_doc *doc, enum block_kind kind,
				      const char *text, int line)
{
	struct import_block *b;

	xgrow((void **)&doc->blocks, &doc->cap, doc->n, sizeof *doc->blocks);
	b = &doc->blocks[doc->n++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	b->text = xstrdup(text);
	b->line = line;
	for (size_t n = strlen(b->text); n > 0 && strchr(" \t\\", b->text[n - 1]) != NULL; n--)
		b->text[n - 1] = '\0';
	return b;
}

/* True when the text ends a sentence or a clause. */
static int ends_clause(const char *s)
{
	size_t n = strlen(s);

	if (n == 0)
		return 1;
	if (n >= 3 &&
	    (strcmp(s + n - 3, "\xE2\x80\x99") == 0 || strcmp(s + n - 3, "\xE2\x80\x9D") == 0 ||
	     strcmp(s + n - 3, "\xE2\x80\xA6") == 0))
		return 1;
	return strchr(".!?:;)\"'", s[n - 1]) != NULL;
}

/* True when s starts with a lower-case letter (ASCII or a Latin-1 one). */
static int starts_lower(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	return (*u >= 'a' && *u <= 'z') || (u[0] == 0xC3 && u[1] >= 0x9F && u[1] <= 0xBF);
}

static int starts_upper(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	return (*u >= 'A' && *u <= 'Z') || (u[0] == 0xC3 && u[1] >= 0x80 && u[1] <= 0x9E) ||
	       (*u >= '0' && *u <= '9');
}

/* True when the text ends in a number and a dash and s starts with a
 * number: "2024-" + "2027" is one range, written without a space. */
static int dash_between_numbers(const struct buf *b, const char *s)
{
	size_t n = b->len;

	if (!(*s >= '0' && *s <= '9'))
		return 0;
	if (n >= 4 && memcmp(b->data + n - 3, "\xE2\x80\x93", 3) == 0)
		n -= 3;
	else if (n >= 2 && b->data[n - 1] == '-')
		n -= 1;
	else
		return 0;
	return b->data[n - 1] >= '0' && b->data[n - 1] <= '9';
}

/* Appends line s to the text of a block: a word broken at the line end
 * ("samen-" + "werking") is joined again unless the next word is a
 * conjunction ("Bouw- en Woningtoezicht"). */
static void join_text(struct buf *b, const char *s)
{
	static const char *const keep[] = {"en ", "of ", "tot ", "and ", "or ", "to "};
	size_t i;
	int hyphen = b->len >= 2 && b->data[b->len - 1] == '-' && b->data[b->len - 2] != ' ' &&
		     starts_lower(s);

	for (i = 0; hyphen && i < sizeof keep / sizeof *keep; i++)
		if (strncmp(s, keep[i], strlen(keep[i])) == 0)
			hyphen = 0;
	if (hyphen)
		b->len--;
	else if (b->len > 0 && !dash_between_numbers(b, s))
		buf_puts(b, " ");
	buf_puts(b, s);
}

/* Looks like a heading: one short line, starting with a capital or a
 * number, not ending a sentence (a colon only after "besluit"). */
static int heading_like(const char *s)
{
	size_t n = strlen(s), words = 1, i;

	if (n == 0 || n > 90 || !starts_upper(s))
		return 0;
	for (i = 0; i < n; i++)
		words += s[i] == ' ';
	if (words > 12)
		return 0;
	if (s[n - 1] == ':')
		return strstr(s, "besluit") != NULL || strstr(s, "decide") != NULL;
	return strchr(".,;!?", s[n - 1]) == NULL;
}

/* The block being built from lines. */
struct pending {
	struct buf text;
	int line, nlines, item, field, body;
	size_t last_len; /* the length of the last line taken */
	size_t width;    /* where the text's lines wrap */
	int whole;       /* lines are not wrapped: each line is a paragraph or more */
};

static void flush(struct import_doc *doc, struct pending *p)
{
	struct import_block *b;

	if (p->text.len == 0)
		return;
	b = block_add(doc, p->item ? BLOCK_ITEM : BLOCK_PARA, p->text.data, p->line);
	b->number = p->item ? -1 : 0; /* an item's marker is still in its text */
	b->field = p->field;
	b->body = p->body;
	b->level = p->nlines; /* the number of lines, until classify() */
	p->text.len = 0;
	p->text.data[0] = '\0';
	p->nlines = p->item = p->field = p->body = 0;
}

/* The bytes of a "Label : value" line's label, or 0. */
static int field_label(const char *s)
{
	char label[80];

	if (strlen(s) > 300 || prefix(P_FIELD, s) == 0)
		return 0;
	if (!pattern_group(patterns[P_FIELD], s, strlen(s), "label", label, sizeof label))
		return 0;
	return (int)strlen(label);
}

/* True when line x goes on the block p holds: p is not a field line or
 * its line was wrapped (as long as the text's lines), and p's last line
 * did not end a sentence short of the wrap width (a paragraph's end). */
static int continues(const struct pending *p, const char *x)
{
	int wrapped = p->last_len * 4 >= p->width * 3;

	if (p->whole)
		return 0;
	if (p->field)
		return wrapped;
	if (p->nlines == 1 && heading_like(p->text.data) && starts_upper(x) && !p->item)
		return 0;
	if (ends_clause(p->text.data) && heading_like(x) && strlen(x) * 2 < p->width)
		return 0; /* a short heading after a sentence */
	return wrapped || !ends_clause(p->text.data);
}

/* Adds line x to the blocks: a list item, a numbered heading or a field
 * line starts a block of its own; a short line alone ends its block. */
static void take_line(struct import_doc *doc, struct pending *p, const struct line *x)
{
	int item = prefix(P_ITEM, x->s) > 0, head = prefix(P_NUMHEAD, x->s) > 0;
	int field = field_label(x->s);

	size_t n = strlen(x->s);
	int decides = n > 0 && x->s[n - 1] == ':' && heading_like(x->s);

	if (p->text.len > 0 && (item || head || field || decides || !continues(p, x->s)))
		flush(doc, p);
	if (p->text.len == 0)
		p->line = x->no;
	join_text(&p->text, x->s);
	p->nlines++;
	p->last_len = strlen(x->s);
	p->item = p->item || (item && (!head || !heading_like(x->s)));
	p->body |= x->body;
	p->field = field ? field : p->field;
}

/* Joins a paragraph that a page break or a blank line cut in two: the
 * first does not end a clause and the next starts with a small letter. */
static void join_cut_paragraphs(struct import_doc *doc)
{
	struct import_block *a, *b;
	struct buf t = {0};
	size_t i, k = 0;

	for (i = 0; i < doc->n; i++) {
		b = &doc->blocks[i];
		a = k > 0 ? &doc->blocks[k - 1] : NULL;
		if (a != NULL && a->kind != BLOCK_HEADING && b->kind == BLOCK_PARA && !a->field &&
		    !ends_clause(a->text) && starts_lower(b->text)) {
			t.len = 0;
			buf_puts(&t, a->text);
			join_text(&t, b->text);
			free(a->text);
			a->text = xstrdup(t.data);
			a->level += b->level;
			free(b->text);
			continue;
		}
		doc->blocks[k++] = *b;
	}
	doc->n = k;
	buf_free(&t);
}

/* The item's marker: kind (0 bullet, 1 numbered, 2 lettered) and number. */
static void item_marker(struct import_block *b)
{
	size_t n = prefix(P_ITEM, b->text);
	const char *s = b->text + strspn(b->text, " \t(");
	char *rest;

	b->level = 0;
	b->number = 0;
	if (*s >= '0' && *s <= '9') {
		b->level = 1;
		b->number = strtol(s, NULL, 10);
	} else if (*s >= 'a' && *s <= 'z' && (s[1] == '.' || s[1] == ')' || s[1] == '\\')) {
		b->level = 2;
		b->number = *s - 'a' + 1;
	}
	rest = xstrdup(b->text + n);
	free(b->text);
	b->text = rest;
}

/* Decides which blocks are headings and at what level: numbered headings
 * at level 2 and the others below them at 3; with no numbered heading in
 * the document, every heading is at level 2. */
static void classify(struct import_doc *doc)
{
	struct import_block *b;
	size_t i;

	for (i = 0; i < doc->n; i++) {
		b = &doc->blocks[i];
		if (b->kind == BLOCK_PARA && b->level == 1 && !b->field && !b->body &&
		    heading_like(b->text)) {
			b->kind = BLOCK_HEADING;
			b->level = prefix(P_NUMHEAD, b->text) > 0 ? 2 : 3;
			doc->numbered |= b->level == 2;
		} else if (b->kind == BLOCK_ITEM && b->level == 1 &&
			   prefix(P_NUMHEAD, b->text) > 0 && heading_like(b->text)) {
			b->kind = BLOCK_HEADING;
			b->level = 2;
			doc->numbered = 1;
		} else if (b->kind == BLOCK_ITEM) {
			item_marker(b);
		} else {
			b->level = 0;
		}
	}
	for (i = 0; i < doc->n && !doc->numbered; i++)
		if (doc->blocks[i].kind == BLOCK_HEADING)
			doc->blocks[i].level = 2;
}

static int size_compare(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;

	return a < b ? -1 : a > b;
}

/* Where the text's lines wrap: the median length of its lines of 20
 * bytes or more (a line or two of other lengths does not move it). */
static size_t wrap_width(const struct lines *l)
{
	size_t *len = xcalloc(l->n + 1, sizeof *len), n = 0, i, w;

	for (i = 0; i < l->n; i++)
		if (!l->items[i].blank && strlen(l->items[i].s) >= 20)
			len[n++] = strlen(l->items[i].s);
	qsort(len, n, sizeof *len, size_compare);
	w = n > 0 ? len[n / 2] : 0;
	free(len);
	return w;
}

static void plain_blocks(const struct import_text *t, struct import_doc *doc)
{
	struct lines l = {0};
	struct pending p = {{0}, 0, 0, 0, 0, 0, 0, 0, 0};
	size_t i;

	read_lines(t->text, t->len, &l);
	drop_running_lines(&l);
	drop_noise(&l);
	p.width = wrap_width(&l);
	for (i = 0; i < l.n; i++)
		p.whole |= !l.items[i].blank && strlen(l.items[i].s) > 2 * p.width + 40;
	buf_puts(&p.text, "");
	for (i = 0; i < l.n; i++) {
		if (l.items[i].blank)
			flush(doc, &p);
		else
			take_line(doc, &p, &l.items[i]);
	}
	flush(doc, &p);
	join_cut_paragraphs(doc);
	classify(doc);
	buf_free(&p.text);
	lines_free(&l);
}

/* ------------------------------------------------------------- Markdown */

/* The node rendered as CommonMark without a trailing newline (malloc'd). */
static char *render(cmark_node *node)
{
	char *s = cmark_render_commonmark(node, CMARK_OPT_DEFAULT, 0);
	size_t n = strlen(s);

	while (n > 0 && s[n - 1] == '\n')
		s[--n] = '\0';
	return s;
}

/* The text of the inline children of node, one line (malloc'd). */
static char *inline_text(cmark_node *node)
{
	struct buf b = {0};
	cmark_node *c;
	char *s;

	for (c = cmark_node_first_child(node); c != NULL; c = cmark_node_next(c)) {
		if (cmark_node_get_type(c) == CMARK_NODE_SOFTBREAK ||
		    cmark_node_get_type(c) == CMARK_NODE_LINEBREAK) {
			buf_puts(&b, "\n");
			continue;
		}
		s = cmark_render_commonmark(c, CMARK_OPT_DEFAULT, 0);
		buf_puts(&b, s);
		free(s);
	}
	return buf_take(&b);
}

/* A paragraph: its lines, joined, except that field lines and a numbered
 * heading stand alone. */
static void md_paragraph(cmark_node *node, struct import_doc *doc)
{
	struct pending p = {{0}, 0, 0, 0, 0, 0, 0, (size_t)-1, 0};
	struct line x = {0};
	char *text = inline_text(node), *save = NULL, *tok;

	buf_puts(&p.text, "");
	x.no = cmark_node_get_start_line(node);
	for (tok = strtok_r(text, "\n", &save); tok != NULL; tok = strtok_r(NULL, "\n", &save)) {
		x.s = tok + strspn(tok, " \t");
		take_line(doc, &p, &x);
		x.no++;
	}
	flush(doc, &p);
	buf_free(&p.text);
	free(text);
}

/* A list: one block per item, the item's content on one line. */
static void md_list(cmark_node *node, struct import_doc *doc)
{
	int ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
	long number = cmark_node_get_list_start(node);
	cmark_node *item, *c;
	struct buf b = {0};
	struct import_block *blk;
	char *s;

	for (item = cmark_node_first_child(node); item != NULL; item = cmark_node_next(item)) {
		b.len = 0;
		for (c = cmark_node_first_child(item); c != NULL; c = cmark_node_next(c)) {
			s = cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH ? inline_text(c)
									   : render(c);
			for (char *q = s; *q != '\0'; q++)
				if (*q == '\n')
					*q = ' ';
			join_text(&b, s);
			free(s);
		}
		blk = block_add(doc, BLOCK_ITEM, b.data ? b.data : "",
				cmark_node_get_start_line(item));
		blk->level = ordered ? 1 : 0;
		blk->number = ordered ? number++ : 0;
	}
	buf_free(&b);
}

/* A paragraph that is wholly bold ("**Inleiding**") is a heading. */
static int bold_line(cmark_node *node)
{
	cmark_node *c = cmark_node_first_child(node);

	return c != NULL && cmark_node_next(c) == NULL &&
	       cmark_node_get_type(c) == CMARK_NODE_STRONG;
}

static void md_block(cmark_node *node, struct import_doc *doc)
{
	struct import_block *b;
	char *s;

	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_HEADING:
		s = inline_text(node);
		b = block_add(doc, BLOCK_HEADING, s, cmark_node_get_start_line(node));
		b->level = cmark_node_get_heading_level(node);
		free(s);
		break;
	case CMARK_NODE_PARAGRAPH:
		if (bold_line(node)) {
			s = inline_text(cmark_node_first_child(node));
			b = block_add(doc, BLOCK_PARA, s, cmark_node_get_start_line(node));
			b->level = 1;
			free(s);
		} else {
			md_paragraph(node, doc);
		}
		break;
	case CMARK_NODE_LIST:
		md_list(node, doc);
		break;
	default:
		s = render(node);
		block_add(doc, BLOCK_RAW, s, cmark_node_get_start_line(node));
		free(s);
	}
}

/* Paragraphs and numbered one-line list items that look like headings
 * become headings, as in plain text; real headings keep their level. */
static void md_classify(struct import_doc *doc)
{
	struct import_block *b;
	size_t i;
	int real = 0;

	for (i = 0; i < doc->n; i++)
		real |= doc->blocks[i].kind == BLOCK_HEADING;
	for (i = 0; i < doc->n; i++) {
		b = &doc->blocks[i];
		if (b->kind == BLOCK_PARA && b->level == 1 && !b->field && !real &&
		    heading_like(b->text)) {
			b->kind = BLOCK_HEADING;
			b->level = prefix(P_NUMHEAD, b->text) > 0 ? 2 : 3;
			doc->numbered |= b->level == 2;
		} else if (b->kind == BLOCK_ITEM && b->level == 1 && !real &&
			   heading_like(b->text) && strlen(b->text) < 80 &&
			   (i + 1 >= doc->n || doc->blocks[i + 1].kind != BLOCK_ITEM)) {
			/* Word numbers such headings itself: the number is lost
			 * in conversion, so the heading goes without it. */
			b->kind = BLOCK_HEADING;
			b->level = 2;
			doc->numbered = 1;
		} else if (b->kind == BLOCK_PARA) {
			b->level = 0;
		} else if (b->kind == BLOCK_ITEM && b->number == -1) {
			item_marker(b);
		}
	}
	for (i = 0; i < doc->n && !doc->numbered && !real; i++)
		if (doc->blocks[i].kind == BLOCK_HEADING)
			doc->blocks[i].level = 2;
}

static void markdown_blocks(const struct import_text *t, struct import_doc *doc)
{
	cmark_node *root = cmark_parse_document(t->text, t->len, CMARK_OPT_DEFAULT);
	cmark_node *node;

	if (root == NULL)
		return;
	for (node = cmark_node_first_child(root); node != NULL; node = cmark_node_next(node))
		md_block(node, doc);
	cmark_node_free(root);
	join_cut_paragraphs(doc);
	md_classify(doc);
}

/* ------------------------------------------------------------------ API */

size_t import_heading_number(const char *heading)
{
	return patterns_ready() == 0 ? prefix(P_NUMHEAD, heading) : 0;
}

void import_blocks(const struct import_text *t, struct import_doc *doc)
{
	struct import_text utf = *t;
	char *converted = NULL;

	memset(doc, 0, sizeof *doc);
	if (patterns_ready() != 0 || t->text == NULL)
		return;
	if (!utf8_valid(t->text, t->len)) {
		converted = from_cp1252(t->text, t->len, &utf.len);
		utf.text = converted;
	}
	doc->markdown = utf.markdown;
	if (utf.markdown)
		markdown_blocks(&utf, doc);
	else
		plain_blocks(&utf, doc);
	free(converted);
}

void import_doc_free(struct import_doc *doc)
{
	size_t i;

	for (i = 0; i < doc->n; i++)
		free(doc->blocks[i].text);
	free(doc->blocks);
	memset(doc, 0, sizeof *doc);
}

char *import_clean_text(const char *text, size_t len)
{
	struct import_text t = {(char *)text, len, 0};
	struct import_doc doc;
	struct buf b = {0};
	size_t i;

	import_blocks(&t, &doc);
	for (i = 0; i < doc.n; i++)
		buf_printf(&b, "%s%s\n", i > 0 ? "\n" : "", doc.blocks[i].text);
	import_doc_free(&doc);
	return buf_take(&b);
}
