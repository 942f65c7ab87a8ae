/* SPDX-License-Identifier: EUPL-1.2 */
/* import_propose.c - the front matter read from a document's blocks.
 *
 * Each value is found by a pcre2 pattern (run with pattern.c's limits) in
 * the header lines ("Datum : 16 januari 2017"), the title and opening, or
 * the sentence that says it ("voor de duur van drie jaar"), and is kept
 * with that text and its line, so the secretary can see where every value
 * came from. Only fields the schema has are proposed. */
#include "import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "date.h"
#include "ordinal.h"
#include "pattern.h"
#include "text_date.h"
#include "util.h"
#include "i18n.h"

#define MONTHS                                                                                     \
	"januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|" \
	"january|february|march|may|june|july|august|october"
#define COUNT_WORDS                                                                                \
	"[0-9]{1,2}+|een|\xC3\xA9\xC3\xA9n|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|twaalf|"  \
	"one|two|three|four|five|six|seven|eight|nine|ten|twelve|an?"
#define NAME "\\p{Lu}[\\p{L}'-]*+"

enum {
	Q_TYPE,        /* a word naming a kind of record, at the end of a word */
	Q_PARTIES,     /* "tussen de gemeenten A en B" */
	Q_TERM,        /* "looptijd van maximaal 3 jaar", "voor de duur van drie jaar" */
	Q_EFFECTIVE,   /* "met ingang van", "treedt in werking op" */
	Q_CITE,        /* "raadsbesluit 2021-042", "Registratienummer : 2016009542" */
	Q_MONTH,       /* "april 2024" */
	Q_PERIOD,      /* "november 2015 – december 2016" */
	Q_AUTHORITY,   /* "Het college besluit:" */
	Q_SIGNING,     /* a sentence about signing */
	Q_DECIDED,     /* a sentence about deciding */
	Q_LETTERHEAD,  /* "Gemeente Hoogezand-Sappemeer" alone */
	Q_UNDERSIGNED, /* "De ondergetekenden:", "Partijen:" */
	Q_END_PARTIES, /* what follows the parties: "komen overeen", "overwegende" */
	Q_COUNT
};

static const char *const query_src[Q_COUNT] = {
    "(?i)(?<![\\p{L}])\\p{L}*?(?<w>samenwerkingsovereenkomst|overeenkomst|convenant|"
    "voortgangsrapportage|slotrapportage|eindrapportage|tussenrapportage|rapportage|"
    "collegebesluit|raadsbesluit|besluit|agreement|covenant|progress report|closing report|"
    "final report|decision)(?![\\p{L}])",
    "(?i:tussen\\s++(?:de\\s++)?gemeenten?|between\\s++the\\s++municipalities\\s++of)\\s++"
    "(?<a>" NAME "(?:\\s(?:aan|op|den|de|van|in|" NAME ")){0,3}?)\\s++(?:en|and)\\s++"
    "(?:(?i:de\\s++)?(?i:gemeente|municipality of)\\s++)?(?<b>" NAME
    "(?:\\s(?:aan|op|den|de|van|in)\\s" NAME ")?)",
    "(?i)(?:(?:looptijd|duur|termijn|periode|term|period|duration)\\s++(?:van|of)|"
    "(?:geldt|loopt|aangegaan|gesloten|runs|concluded)\\s++(?:voor|for)"
    "(?:\\s++(?:een\\s++periode|de\\s++duur|a\\s++period|a\\s++term)\\s++(?:van|of))?)\\s++"
    "(?<max>(?:maximaal|ten\\s++hoogste|hoogstens|at\\s++most|up\\s++to|a\\s++maximum\\s++of)"
    "\\s++)?(?<n>" COUNT_WORDS ")\\s++(?<u>jaar|jaren|maanden|maand|weken|week|years?+|months?+|"
    "weeks?+)\\b",
    "(?i)(?:met\\s++ingang\\s++van|ingaande|ingangsdatum\\s*+:?+|(?:treedt|treden)\\s++in\\s++"
    "werking\\s++(?:op|per)|in\\s++werking\\s++(?:op|per)|with\\s++effect\\s++from|takes\\s++"
    "effect\\s++on|effective\\s++from)\\s++",
    "(?i)(?:raadsbesluit|collegebesluit|besluit|besluitnummer|registratienummer|reg\\.?+\\s?+nr"
    "\\.?+|zaaknummer|kenmerk|convenant|overeenkomst|rapportage|agreement|decision|report)"
    "\\s*+(?:nr\\.?+|nummer|no\\.?+|number)?+\\s*+:?+\\s*+(?<n>(?-i:[A-Z]{0,6}+)-?+[0-9]"
    "[0-9-]{3,14}+)(?![\\p{L}\\p{N}])",
    "(?i)(?<![\\p{L}\\p{N}])(?<m>" MONTHS ")\\s++(?<y>[12][0-9]{3})(?![\\p{N}])",
    "(?i)(?<![\\p{L}\\p{N}])(?<m1>" MONTHS ")\\s++(?<y1>[12][0-9]{3})\\s*+(?:\xE2\x80\x93|"
    "\xE2\x80\x94|-|t/m|tot\\s++en\\s++met|to|until)\\s*+(?<m2>" MONTHS
    ")\\s++(?<y2>[12][0-9]{3})(?![\\p{N}])",
    "(?i)^(?<who>(?:het|de|the)\\s++(?:[\\p{L}-]++\\s++){0,4}?)(?:besluit|besluiten|decides)"
    "\\s*+:?+\\s*+$",
    "(?i)(?<![\\p{L}])(?:ondertekening|ondertekend|ondertekenen|getekend|signed|signing)"
    "(?![\\p{L}])",
    "(?i)(?<![\\p{L}])(?:besloten|vastgesteld|besluit\\s++van|decided|adopted)(?![\\p{L}])",
    "(?i)^(?:gemeente|provincie|waterschap|municipality\\s++of|city\\s++of)\\s++\\S++"
    "(?:\\s++\\S++)?$",
    "(?i)^(?:de\\s++)?(?:ondergetekenden|partijen|the\\s++undersigned|the\\s++parties|parties)"
    "\\s*+:?+$",
    "(?i)^(?:komen|verklaren|overwegende|in\\s++aanmerking|zijn\\s++overeengekomen|hereby|agree|"
    "whereas|considering)\\b",
};

static pcre2_code *queries[Q_COUNT];

static int queries_ready(void)
{
	char err[128];
	size_t off, i;

	for (i = 0; i < Q_COUNT; i++) {
		if (queries[i] == NULL)
			queries[i] = pattern_compile(query_src[i], 0, err, sizeof err, &off);
		if (queries[i] == NULL)
			return -1;
	}
	return 0;
}

static int find(int q, const char *s, size_t from, size_t *start, size_t *end)
{
	return pattern_find(queries[q], s, strlen(s), from, start, end) == PATTERN_MATCH;
}

static int group(int q, const char *s, const char *name, char *out, size_t outlen)
{
	return pattern_group(queries[q], s, strlen(s), name, out, outlen);
}

/* ------------------------------------------------------------- values */

/* A value as front matter wants it: typographic quotes, dashes and spaces
 * as plain ones, runs of space as one, no trailing punctuation. */
static char *plain_value(const char *s, size_t len)
{
	static const char *const from[][2] = {
	    {"\xE2\x80\x98", "'"},
	    {"\xE2\x80\x99", "'"},
	    {"\xE2\x80\x9A", "'"},
	    {"\xE2\x80\x9C", "\""},
	    {"\xE2\x80\x9D", "\""},
	    {"\xE2\x80\x9E", "\""},
	    {"\xE2\x80\x93", "-"},
	    {"\xE2\x80\x94", "-"},
	    {"\xE2\x80\xA6", "..."},
	    {"\xC2\xA0", " "},
	    {"\t", " "},
	};
	struct buf b = {0};
	size_t i = 0, k;

	while (i < len) {
		for (k = 0; k < sizeof from / sizeof *from; k++)
			if (strncmp(s + i, from[k][0], strlen(from[k][0])) == 0)
				break;
		if (k < sizeof from / sizeof *from) {
			buf_puts(&b, from[k][1]);
			i += strlen(from[k][0]);
		} else {
			if ((unsigned char)s[i] >= 0x20 &&
			    !(s[i] == ' ' && b.len > 0 && b.data[b.len - 1] == ' '))
				buf_add(&b, s + i, 1);
			i++;
		}
	}
	buf_puts(&b, "");
	while (b.len > 0 && strchr(" ,;:", b.data[b.len - 1]) != NULL)
		b.data[--b.len] = '\0';
	k = strspn(b.data, " ");
	memmove(b.data, b.data + k, b.len - k + 1);
	return buf_take(&b);
}

/* The text around [start, end) of s, at most about 90 bytes, on UTF-8 boundaries. */
static char *snippet(const char *s, size_t start, size_t end)
{
	size_t n = strlen(s), a = start > 30 ? start - 30 : 0, z = end + 30 < n ? end + 30 : n;

	if (z - a > 120)
		z = a + 120;
	while (a > 0 && ((unsigned char)s[a] & 0xC0) == 0x80)
		a--;
	while (z < n && ((unsigned char)s[z] & 0xC0) == 0x80)
		z++;
	return xasprintf("%s%.*s%s", a > 0 ? "..." : "", (int)(z - a), s + a, z < n ? "..." : "");
}

static struct import_value *add_value(struct import_proposal *p, const char *field,
				      const struct import_block *b, size_t start, size_t end)
{
	struct import_value *v;

	xgrow((void **)&p->values, &p->cap, p->n, sizeof *p->values);
	v = &p->values[p->n++];
	memset(v, 0, sizeof *v);
	v->field = field;
	v->source = b != NULL ? snippet(b->text, start, end) : NULL;
	v->line = b != NULL ? b->line : 0;
	return v;
}

static void value_item(struct import_value *v, char *item)
{
	v->items = xrealloc(v->items, (v->nitems + 1) * sizeof *v->items);
	v->items[v->nitems++] = item;
}

/* Proposes one value (copied) for field, found in b at [start, end). */
static struct import_value *propose(struct import_proposal *p, const char *field, const char *value,
				    const struct import_block *b, size_t start, size_t end)
{
	struct import_value *v;

	if (field == NULL || import_value_of(p, field) != NULL)
		return NULL;
	v = add_value(p, field, b, start, end);
	value_item(v, plain_value(value, strlen(value)));
	return v;
}

static void note(struct import_value *v, const char *why)
{
	if (v != NULL && v->note == NULL)
		v->note = xstrdup(why);
}

const struct import_value *import_value_of(const struct import_proposal *p, const char *field)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		if (strcmp(p->values[i].field, field) == 0)
			return &p->values[i];
	return NULL;
}

/* ---------------------------------------------------- the schema's fields */

/* The field of s named or aliased by one of names, or NULL. */
static const char *field_named(const struct schema *s, const char *const *names)
{
	const struct field_spec *f;
	size_t i, k, j;

	for (j = 0; names[j] != NULL; j++)
		for (i = 0; i < s->nfields; i++) {
			f = &s->fields[i];
			if (strcmp(f->name, names[j]) == 0)
				return f->name;
			for (k = 0; k < f->naliases; k++)
				if (strcmp(f->aliases[k], names[j]) == 0)
					return f->name;
		}
	return NULL;
}

static const char *field_if(const struct schema *s, const char *name)
{
	return name != NULL && schema_field(s, name) != NULL ? name : NULL;
}

/* ------------------------------------------------------------ field lines */

enum concept { C_NONE, C_TITLE, C_DATE, C_ID };

static const struct {
	const char *label;
	enum concept concept;
} labels[] = {
    {"onderwerp", C_TITLE},
    {"titel", C_TITLE},
    {"title", C_TITLE},
    {"subject", C_TITLE},
    {"betreft", C_TITLE},
    {"project", C_TITLE},
    {"datum", C_DATE},
    {"date", C_DATE},
    {"besluitdatum", C_DATE},
    {"vergaderdatum", C_DATE},
    {"datum besluit", C_DATE},
    {"datum vergadering", C_DATE},
    {"registratienummer", C_ID},
    {"reg.nr.", C_ID},
    {"reg. nr.", C_ID},
    {"regnr", C_ID},
    {"reg.nr", C_ID},
    {"zaaknummer", C_ID},
    {"kenmerk", C_ID},
    {"ons kenmerk", C_ID},
    {"besluitnummer", C_ID},
    {"nummer", C_ID},
    {"reference", C_ID},
    {"number", C_ID},
};

/* What the label of field line b names. */
static enum concept concept_of(const struct import_block *b)
{
	char label[64];
	size_t i;

	if (b->field == 0 || (size_t)b->field >= sizeof label)
		return C_NONE;
	snprintf(label, sizeof label, "%.*s", b->field, b->text + strspn(b->text, " \t"));
	for (i = 0; i < sizeof labels / sizeof *labels; i++)
		if (strcasecmp(label, labels[i].label) == 0)
	return labels[i].concept;
	return C_NONE;
}

/* The value of field line b (after its colon). */
static const char *field_value(const struct import_block *b)
{
	const char *c = strchr(b->text, ':');

	return c == NULL ? "" : c + 1 + strspn(c + 1, " \t");
}

/* The first field line naming concept, or NULL. */
static const struct import_block *field_line(const struct import_doc *doc, enum concept c)
{
	size_t i;

	for (i = 0; i < doc->n; i++)
		if (concept_of(&doc->blocks[i]) == c)
			return &doc->blocks[i];
	return NULL;
}

/* -------------------------------------------------------------- the type */

static const struct {
	const char *word, *type;
} type_words[] = {
    {"samenwerkingsovereenkomst", "covenant"},
    {"overeenkomst", "covenant"},
    {"convenant", "covenant"},
    {"agreement", "covenant"},
    {"covenant", "covenant"},
    {"voortgangsrapportage", "progress-report"},
    {"slotrapportage", "progress-report"},
    {"eindrapportage", "progress-report"},
    {"tussenrapportage", "progress-report"},
    {"rapportage", "progress-report"},
    {"progress report", "progress-report"},
    {"closing report", "progress-report"},
    {"final report", "progress-report"},
    {"collegebesluit", "decision"},
    {"raadsbesluit", "decision"},
    {"besluit", "decision"},
    {"decision", "decision"},
};

/* The type named by the first type word in s, or NULL. */
static const char *type_in(const char *s, size_t *start, size_t *end)
{
	char w[64];
	size_t i;

	if (!find(Q_TYPE, s, 0, start, end) || !group(Q_TYPE, s + *start, "w", w, sizeof w))
		return NULL;
	for (i = 0; i < sizeof type_words / sizeof *type_words; i++)
		if (strcasecmp(w, type_words[i].word) == 0)
			return type_words[i].type;
	return NULL;
}

/* The blocks where a document says what it is, most telling first: its
 * header lines, its first headings, its opening paragraphs. */
static int telling(const struct import_doc *doc, size_t i, int tier)
{
	const struct import_block *b = &doc->blocks[i];

	switch (tier) {
	case 0:
		return b->field != 0;
	case 1:
		return b->kind == BLOCK_HEADING && i < 12;
	default:
		return b->kind == BLOCK_PARA && i < 6;
	}
}

const char *import_guess_type(const struct import_doc *doc, const struct schema_set *set, int *line,
			      char *source, size_t sourcelen)
{
	const char *type;
	size_t i, start, end;
	int tier;
	char *snip;

	if (queries_ready() != 0)
		return NULL;
	for (tier = 0; tier < 3; tier++)
		for (i = 0; i < doc->n; i++) {
			if (!telling(doc, i, tier))
				continue;
			type = type_in(doc->blocks[i].text, &start, &end);
			if (type == NULL || schema_set_find(set, type) == NULL)
				continue;
			*line = doc->blocks[i].line;
			snip = snippet(doc->blocks[i].text, start, end);
			snprintf(source, sourcelen, "%s", snip);
			free(snip);
			return schema_set_find(set, type)->name;
		}
	return NULL;
}

/* ------------------------------------------------------------- the title */

/* Drops a trailing "(...)" and a trailing colon from a title. */
static void trim_title(char *t)
{
	size_t n = strlen(t);
	char *open;

	if (n > 0 && t[n - 1] == ')' && (open = strrchr(t, '(')) != NULL && open > t) {
		*open = '\0';
		n = strlen(t);
	}
	while (n > 0 && strchr(" :", t[n - 1]) != NULL)
		t[--n] = '\0';
}

/* The first heading that is not a letterhead ("Gemeente Malle"), among
 * the first blocks: a heading further on is a chapter, not the title. */
static const struct import_block *first_heading(const struct import_doc *doc)
{
	size_t i, start, end;
	int top = 6;

	for (i = 0; i < doc->n; i++)
		if (doc->blocks[i].kind == BLOCK_HEADING && doc->blocks[i].level < top)
			top = doc->blocks[i].level;
	for (i = 0; i < doc->n && i < 4; i++)
		if (doc->blocks[i].kind == BLOCK_HEADING &&
		    (doc->blocks[i].level == top || top > 1) &&
		    !find(Q_LETTERHEAD, doc->blocks[i].text, 0, &start, &end))
			return &doc->blocks[i];
	return NULL;
}

/* The first sentence of the first paragraph, for a document without headings. */
static char *first_sentence(const struct import_doc *doc, const struct import_block **from)
{
	size_t i, n;
	const char *s;

	for (i = 0; i < doc->n; i++) {
		if (doc->blocks[i].kind != BLOCK_PARA || doc->blocks[i].field)
			continue;
		s = doc->blocks[i].text;
		n = strcspn(s, ".?!");
		if (s[n] == '?' || s[n] == '!')
			n++;
		if (n > 120)
			n = 120;
		*from = &doc->blocks[i];
		return xstrndup(s, n);
	}
	return NULL;
}

static void propose_title(const struct import_doc *doc, const struct schema *s,
			  struct import_proposal *p)
{
	static const char *const names[] = {"title", "titel", NULL};
	const struct import_block *b = field_line(doc, C_TITLE);
	char *t = NULL;

	if (b != NULL)
		t = plain_value(field_value(b), strlen(field_value(b)));
	else if ((b = first_heading(doc)) != NULL)
		t = plain_value(b->text + strspn(b->text, "0123456789. "),
				strlen(b->text + strspn(b->text, "0123456789. ")));
	else
		t = first_sentence(doc, &b);
	if (t == NULL)
		return;
	trim_title(t);
	p->title = t;
	p->title_from = snippet(b->text, 0, strlen(b->text));
	p->title_line = b->line;
	propose(p, field_named(s, names), t, b, 0, strlen(b->text));
}

/* -------------------------------------------------------------- the date */

/* The year the document is about, from its title and opening: for dates
 * written without one. Returns -1 when none is written. */
static int doc_year(const struct import_doc *doc)
{
	size_t i;
	const char *s;

	for (i = 0; i < doc->n && i < 3; i++)
		for (s = doc->blocks[i].text; *s != '\0'; s++)
			if ((s[0] == '1' || s[0] == '2') && strspn(s, "0123456789") == 4 &&
			    (s == doc->blocks[i].text || !(s[-1] >= '0' && s[-1] <= '9')))
				return atoi(s);
	return -1;
}

/* Finds the first real date in s at or after from; writes YYYY-MM-DD into
 * out and its bytes into *start, *end. Returns 1, or 0 when none. */
static int date_in(const char *s, size_t from, int year, char out[11], size_t *start, size_t *end,
		   int *year_written)
{
	const struct text_dates *td = text_dates_shared();
	pcre2_match_data *md = td != NULL ? text_dates_match_data(td) : NULL;
	struct text_date d[2];
	size_t pos = from;
	int k, found = 0, real;
	char why[96];

	while (!found && md != NULL &&
	       (k = text_dates_next(td, md, s, strlen(s), &pos, year, d)) > 0) {
		if (d[0].year < 0 ||
		    text_date_judge(&d[0], why, sizeof why, &real) == TEXT_DATE_INVALID)
			continue;
		snprintf(out, 11, "%04d-%02d-%02d", d[0].year, d[0].month, d[0].day);
		*start = d[0].start;
		*end = d[0].end;
		*year_written = d[0].year_written;
		found = 1;
	}
	pcre2_match_data_free(md);
	return found;
}

static int month_number(const char *m)
{
	static const char *const nl[] = {"januari",   "februari", "maart",    "april",
					 "mei",       "juni",     "juli",     "augustus",
					 "september", "oktober",  "november", "december"};
	static const char *const en[] = {"january",   "february", "march",    "april",
					 "may",       "june",     "july",     "august",
					 "september", "october",  "november", "december"};
	int i;

	for (i = 0; i < 12; i++)
		if (strcasecmp(m, nl[i]) == 0 || strcasecmp(m, en[i]) == 0)
			return i + 1;
	return 0;
}

/* A month and year alone ("april 2024"): its first day. */
static int month_in(const char *s, char out[11], size_t *start, size_t *end)
{
	char m[16], y[8], tmp[48];

	if (!find(Q_MONTH, s, 0, start, end) || !group(Q_MONTH, s + *start, "m", m, sizeof m) ||
	    !group(Q_MONTH, s + *start, "y", y, sizeof y))
		return 0;
	snprintf(tmp, sizeof tmp, "%04d-%02d-01", atoi(y) % 10000, month_number(m) % 100);
	memcpy(out, tmp, 10);
	out[10] = '\0';
	return 1;
}

/* Proposes the date found in b (a full date, else a month when months is
 * set), saying why it was taken. Returns 1 when one was. */
static int date_from(struct import_proposal *p, const char *field, const struct import_block *b,
		     int year, int months, const char *why)
{
	char d[11];
	size_t start, end;
	int written = 1;
	struct import_value *v;

	if (date_in(b->text, 0, year, d, &start, &end, &written)) {
		v = propose(p, field, d, b, start, end);
		note(v, why);
		if (!written && v != NULL) {
			free(v->note);
			v->note = xasprintf(
			    _("%s; the year is not written, it is the year in the title"), why);
		}
		return 1;
	}
	if (months && month_in(b->text, d, &start, &end)) {
		v = propose(p, field, d, b, start, end);
		note(v, _("only the month is written: check the day"));
		return 1;
	}
	return 0;
}

/* The first block (up to limit) matching query q with a date in it. */
static int date_near(const struct import_doc *doc, struct import_proposal *p, const char *field,
		     int q, int year, const char *why)
{
	size_t i, start, end;

	for (i = 0; i < doc->n; i++)
		if (find(q, doc->blocks[i].text, 0, &start, &end) &&
		    date_from(p, field, &doc->blocks[i], year, 0, why))
			return 1;
	return 0;
}

static void propose_date(const struct import_doc *doc, const struct schema *s,
			 struct import_proposal *p)
{
	const char *field = field_if(s, s->lifecycle.date);
	const struct import_block *b = field_line(doc, C_DATE);
	int year = doc_year(doc);
	size_t i, start, end;

	if (field == NULL)
		field = field_if(s, "date");
	if (field == NULL || (b != NULL && date_from(p, field, b, year, 1, _("the date line"))))
		return;
	for (i = 0; i < doc->n && i < 8; i++) {
		b = &doc->blocks[i];
		if ((b->field && type_in(b->text, &start, &end) != NULL) ||
		    (i < 2 && b->kind != BLOCK_ITEM))
			if (date_from(p, field, b, year, 1, _("the date in the title")))
				return;
	}
	if (date_near(doc, p, field, Q_SIGNING, year, _("the date of signing")))
		return;
	date_near(doc, p, field, Q_DECIDED, year, _("the date of the decision"));
}

/* ---------------------------------------------------------------- the id */

/* The number written after an id label, spaces removed. */
static char *id_value(const struct import_block *b)
{
	const char *v = field_value(b);
	size_t n = strcspn(v, " \t,;(");

	return xstrndup(v, n);
}

/* True when id fits one of the id patterns of field f's target types. */
static int fits_target(const struct field_spec *f, const char *id)
{
	size_t i;

	for (i = 0; f != NULL && f->target_schemas != NULL && i < f->ntargets; i++)
		if (f->target_schemas[i] != NULL && f->target_schemas[i]->id_pattern != NULL &&
		    pattern_match(f->target_schemas[i]->id_pattern, id, strlen(id)) ==
			PATTERN_MATCH)
			return 1;
	return 0;
}

static void add_note(struct import_proposal *p, char *text)
{
	struct import_value *v = add_value(p, "", NULL, 0, 0);

	v->note = text;
}

static void propose_id(const struct import_doc *doc, const struct schema *s,
		       struct import_proposal *p)
{
	const struct import_block *b = field_line(doc, C_ID);
	char *id;

	if (b == NULL)
		return;
	id = id_value(b);
	if (s->id_pattern != NULL && pattern_match(s->id_pattern, id, strlen(id)) == PATTERN_MATCH)
		propose(p, s->id_field, id, b, 0, strlen(b->text));
	else if (!fits_target(schema_field(s, "cites"), id))
		add_note(p,
			 xasprintf(_("the number '%s' on line %d does not have the form of this "
				     "type's ids (%s), so the record gets the next free id"),
				   id, b->line, s->id_example ? s->id_example : s->id_pattern_src));
	free(id);
}

/* ------------------------------------------------------------ the parties */

/* A party's name from a line of the parties' block: up to the first comma
 * or a word that starts the rest ("gevestigd", "hierna"). */
static char *party_name(const char *s)
{
	static const char *const stops[] = {
	    ",",        " gevestigd",   " hierna",      " vertegenwoordigd",
	    " located", " hereinafter", " represented", ";"};
	size_t n = strlen(s), i;
	const char *at;
	char *v;

	for (i = 0; i < sizeof stops / sizeof *stops; i++)
		if ((at = strstr(s, stops[i])) != NULL && (size_t)(at - s) < n)
			n = (size_t)(at - s);
	v = plain_value(s, n);
	if (strncasecmp(v, "de ", 3) == 0 || strncasecmp(v, "het ", 4) == 0) {
		memmove(v, v + (v[1] == 'e' || v[1] == 'E' ? 3 : 4), strlen(v) - 2);
		if (v[0] >= 'a' && v[0] <= 'z')
			v[0] = (char)(v[0] - 'a' + 'A');
	}
	return v;
}

/* The block after "De ondergetekenden:" or a "Partijen" heading: each item
 * or paragraph up to what follows the parties is one party. */
static int parties_block(const struct import_doc *doc, const char *field, struct import_proposal *p)
{
	struct import_value *v = NULL;
	size_t i, k, start, end;

	for (i = 0; i < doc->n && v == NULL; i++)
		if (find(Q_UNDERSIGNED, doc->blocks[i].text, 0, &start, &end))
			v = add_value(p, field, &doc->blocks[i], start, end);
	if (v == NULL)
		return 0;
	v->list = 1;
	for (k = i; k < doc->n && v->nitems < 12; k++) {
		if (doc->blocks[k].kind == BLOCK_HEADING ||
		    find(Q_END_PARTIES, doc->blocks[k].text, 0, &start, &end))
			break;
		if (strlen(doc->blocks[k].text) > 2)
			value_item(v, party_name(doc->blocks[k].text));
	}
	return 1;
}

static void propose_parties(const struct import_doc *doc, const struct schema *s,
			    struct import_proposal *p)
{
	static const char *const names[] = {"parties", "partijen", NULL};
	const char *field = field_named(s, names);
	struct import_value *v;
	char a[128], b[128];
	size_t i, start, end;

	if (field == NULL || parties_block(doc, field, p))
		return;
	for (i = 0; i < doc->n; i++) {
		if (!find(Q_PARTIES, doc->blocks[i].text, 0, &start, &end))
			continue;
		if (!group(Q_PARTIES, doc->blocks[i].text + start, "a", a, sizeof a) ||
		    !group(Q_PARTIES, doc->blocks[i].text + start, "b", b, sizeof b))
			continue;
		v = add_value(p, field, &doc->blocks[i], start, end);
		v->list = 1;
		value_item(v, xasprintf("Gemeente %s", a));
		value_item(v, xasprintf("Gemeente %s", b));
		return;
	}
}

/* -------------------------------------------------------- term and start */

/* The number a count word says: "drie" 3, "twelve" 12, "een" 1. */
static int count_value(const char *w)
{
	static const char *const words[][2] = {{"een", "1"},     {"\xC3\xA9\xC3\xA9n", "1"},
					       {"twee", "2"},    {"drie", "3"},
					       {"vier", "4"},    {"vijf", "5"},
					       {"zes", "6"},     {"zeven", "7"},
					       {"acht", "8"},    {"negen", "9"},
					       {"tien", "10"},   {"twaalf", "12"},
					       {"one", "1"},     {"two", "2"},
					       {"three", "3"},   {"four", "4"},
					       {"five", "5"},    {"six", "6"},
					       {"seven", "7"},   {"eight", "8"},
					       {"nine", "9"},    {"ten", "10"},
					       {"twelve", "12"}, {"a", "1"},
					       {"an", "1"}};
	size_t i;

	if (*w >= '0' && *w <= '9')
		return atoi(w);
	for (i = 0; i < sizeof words / sizeof *words; i++)
		if (strcasecmp(w, words[i][0]) == 0)
			return atoi(words[i][1]);
	return 0;
}

static void propose_term(const struct import_doc *doc, const struct schema *s,
			 struct import_proposal *p)
{
	const char *field = field_if(s, s->lifecycle.term);
	char n[16], u[16], max[32], d[16];
	struct import_value *v;
	size_t i, start, end;

	for (i = 0; field != NULL && i < doc->n; i++) {
		if (!find(Q_TERM, doc->blocks[i].text, 0, &start, &end) ||
		    !group(Q_TERM, doc->blocks[i].text + start, "n", n, sizeof n) ||
		    !group(Q_TERM, doc->blocks[i].text + start, "u", u, sizeof u) ||
		    count_value(n) <= 0)
			continue;
		snprintf(d, sizeof d, "P%d%c", count_value(n),
			 u[0] == 'j' || u[0] == 'y' || u[0] == 'J' || u[0] == 'Y' ? 'Y'
			 : u[0] == 'm' || u[0] == 'M'                             ? 'M'
										  : 'W');
		v = propose(p, field, d, &doc->blocks[i], start, end);
		if (group(Q_TERM, doc->blocks[i].text + start, "max", max, sizeof max))
			note(v, _("written as a longest term ('at most')"));
		return;
	}
}

static void propose_effective(const struct import_doc *doc, const struct schema *s,
			      struct import_proposal *p)
{
	const char *field = field_if(s, s->lifecycle.start);
	char d[11];
	size_t i, start, end, ds, de;
	int written;
	struct import_value *v;

	for (i = 0; field != NULL && i < doc->n; i++) {
		if (!find(Q_EFFECTIVE, doc->blocks[i].text, 0, &start, &end) ||
		    !date_in(doc->blocks[i].text, end, doc_year(doc), d, &ds, &de, &written) ||
		    ds > end + 2)
			continue;
		v = propose(p, field, d, &doc->blocks[i], start, de);
		if (!written)
			note(v, _("the year is not written, it is the year in the title"));
		return;
	}
}

/* ------------------------------------------------------------ the reports */

/* The series' name from the title: without the ordinal, the words naming
 * the kind of report, periods and years; lower case with hyphens. */
static char *series_slug(const char *title)
{
	static const char *const fold[][2] = {
	    {"\xC3\xA9", "e"}, {"\xC3\xAB", "e"}, {"\xC3\xA8", "e"}, {"\xC3\xAF", "i"},
	    {"\xC3\xB6", "o"}, {"\xC3\xBC", "u"}, {"\xC3\xA1", "a"}, {"\xC3\xA0", "a"}};
	struct buf b = {0};
	size_t i, k, start, end;
	char *t = xstrdup(title);

	if (ordinal_find(t, strlen(t), &start, &end) > 0)
		memset(t + start, ' ', end - start);
	while (find(Q_TYPE, t, 0, &start, &end))
		memset(t + start, ' ', end - start);
	while (find(Q_PERIOD, t, 0, &start, &end) || find(Q_MONTH, t, 0, &start, &end))
		memset(t + start, ' ', end - start);
	for (i = 0; t[i] != '\0';) {
		for (k = 0; k < sizeof fold / sizeof *fold; k++)
			if (strncmp(t + i, fold[k][0], 2) == 0)
				break;
		char c = k < sizeof fold / sizeof *fold ? fold[k][1][0] : t[i];
		i += k < sizeof fold / sizeof *fold ? 2 : 1;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			buf_add(&b, &c, 1);
		else if (b.len > 0 && b.data[b.len - 1] != '-')
			buf_puts(&b, "-");
	}
	while (b.len > 0 && b.data[b.len - 1] == '-')
		b.len--;
	buf_puts(&b, "");
	free(t);
	return buf_take(&b);
}

static void propose_series(const struct import_doc *doc, const struct schema *s,
			   struct import_proposal *p)
{
	const char *number = field_if(s, s->series.number), *name = field_if(s, s->series.field);
	const char *kind = field_if(s, "kind");
	const struct import_block *tb = NULL;
	char buf[16], *slug;
	size_t start, end, i;
	int n;

	for (i = 0; i < doc->n && p->title != NULL; i++)
		if (doc->blocks[i].line == p->title_line)
			tb = &doc->blocks[i];
	if (tb == NULL)
		return;
	n = ordinal_find(p->title, strlen(p->title), &start, &end);
	if (number != NULL && n > 0) {
		snprintf(buf, sizeof buf, "%d", n);
		propose(p, number, buf, tb, 0, strlen(tb->text));
	}
	slug = series_slug(p->title);
	if (name != NULL && slug[0] != '\0')
		note(propose(p, name, slug, tb, 0, strlen(tb->text)),
		     _("made from the title's words"));
	free(slug);
	for (i = 0; kind != NULL && i < doc->n && i < 8; i++)
		if (type_in(doc->blocks[i].text, &start, &end) != NULL) {
			const char *w = doc->blocks[i].text + start;

			if (strncasecmp(w, "slot", 4) == 0 || strncasecmp(w, "eind", 4) == 0 ||
			    strncasecmp(w, "closing", 7) == 0 || strncasecmp(w, "final", 5) == 0)
				propose(p, kind, "closing", &doc->blocks[i], start, end);
			else if (strncasecmp(w, "voortgang", 9) == 0 ||
				 strncasecmp(w, "tussen", 6) == 0 ||
				 strncasecmp(w, "progress", 8) == 0)
				propose(p, kind, "progress", &doc->blocks[i], start, end);
			else
				continue;
			break;
		}
}

static void propose_period(const struct import_doc *doc, const struct schema *s,
			   struct import_proposal *p)
{
	const char *from = field_if(s, "period-start"), *to = field_if(s, "period-end");
	char m1[16], y1[8], m2[16], y2[8], d[48];
	size_t i, start, end;
	const char *t;

	for (i = 0; from != NULL && to != NULL && i < doc->n && i < 6; i++) {
		t = doc->blocks[i].text;
		if (doc->blocks[i].kind != BLOCK_HEADING && !doc->blocks[i].field)
			continue;
		if (!find(Q_PERIOD, t, 0, &start, &end) ||
		    !group(Q_PERIOD, t + start, "m1", m1, sizeof m1) ||
		    !group(Q_PERIOD, t + start, "y1", y1, sizeof y1) ||
		    !group(Q_PERIOD, t + start, "m2", m2, sizeof m2) ||
		    !group(Q_PERIOD, t + start, "y2", y2, sizeof y2))
			continue;
		snprintf(d, sizeof d, "%04d-%02d-01", atoi(y1) % 10000, month_number(m1) % 100);
		propose(p, from, d, &doc->blocks[i], start, end);
		snprintf(d, sizeof d, "%04d-%02d-%02d", atoi(y2) % 10000, month_number(m2) % 100,
			 date_days_in_month(atoi(y2), month_number(m2)) % 100);
		propose(p, to, d, &doc->blocks[i], start, end);
		return;
	}
}

/* Every number cited after a word naming a record, that has the form of
 * the ids of the types the field may cite; not the record's own id. */
static void propose_cites(const struct import_doc *doc, const struct schema *s,
			  struct import_proposal *p)
{
	const struct field_spec *f = schema_field(s, "cites");
	const struct import_value *own = import_value_of(p, s->id_field);
	struct import_value *v = NULL;
	char n[32];
	size_t i, k, start, end, from;

	for (i = 0; f != NULL && i < doc->n; i++)
		for (from = 0; find(Q_CITE, doc->blocks[i].text, from, &start, &end); from = end) {
			if (!group(Q_CITE, doc->blocks[i].text + start, "n", n, sizeof n) ||
			    !fits_target(f, n) || (own != NULL && strcmp(own->items[0], n) == 0))
				continue;
			for (k = 0; v != NULL && k < v->nitems; k++)
				if (strcmp(v->items[k], n) == 0)
					break;
			if (v != NULL && k < v->nitems)
				continue;
			if (v == NULL) {
				v = add_value(p, f->name, &doc->blocks[i], start, end);
				v->list = 1;
			}
			if (v->nitems < 20)
				value_item(v, xstrdup(n));
		}
}

/* The body that decided, from "Het college besluit:". */
static void propose_authority(const struct import_doc *doc, const struct schema *s,
			      struct import_proposal *p)
{
	static const char *const names[] = {"authority", "bestuursorgaan", NULL};
	static const char *const known[][2] = {
	    {"het college", "College van burgemeester en wethouders"},
	    {"de raad", "Gemeenteraad"},
	    {"de gemeenteraad", "Gemeenteraad"},
	    {"het dagelijks bestuur", "Dagelijks bestuur"},
	    {"het algemeen bestuur", "Algemeen bestuur"},
	};
	const char *field = field_named(s, names);
	char who[128], *w;
	size_t i, k, start, end;

	for (i = 0; field != NULL && i < doc->n; i++) {
		if (!find(Q_AUTHORITY, doc->blocks[i].text, 0, &start, &end) ||
		    !group(Q_AUTHORITY, doc->blocks[i].text, "who", who, sizeof who))
			continue;
		w = plain_value(who, strlen(who));
		for (k = 0; k < sizeof known / sizeof *known; k++)
			if (strcasecmp(w, known[k][0]) == 0)
				break;
		note(propose(p, field, k < sizeof known / sizeof *known ? known[k][1] : w,
			     &doc->blocks[i], start, end),
		     _("the body named before 'besluit'"));
		free(w);
		return;
	}
}

/* ------------------------------------------------------------------- API */

void import_propose(const struct import_doc *doc, const struct schema *s,
		    struct import_proposal *out)
{
	memset(out, 0, sizeof *out);
	if (queries_ready() != 0)
		return;
	propose_title(doc, s, out);
	propose_date(doc, s, out);
	propose_id(doc, s, out);
	propose_authority(doc, s, out);
	propose_parties(doc, s, out);
	propose_effective(doc, s, out);
	propose_term(doc, s, out);
	propose_series(doc, s, out);
	propose_period(doc, s, out);
	propose_cites(doc, s, out);
}

void import_proposal_free(struct import_proposal *p)
{
	size_t i, k;

	for (i = 0; i < p->n; i++) {
		for (k = 0; k < p->values[i].nitems; k++)
			free(p->values[i].items[k]);
		free(p->values[i].items);
		free(p->values[i].source);
		free(p->values[i].note);
	}
	free(p->values);
	free(p->title);
	free(p->title_from);
	memset(p, 0, sizeof *p);
}
