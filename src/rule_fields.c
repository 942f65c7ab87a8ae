/* SPDX-License-Identifier: EUPL-1.2 */
/* rule_fields.c - front matter fields against the schema's field specs. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "condition.h"
#include "artefact.h"
#include "date.h"
#include "hint.h"
#include "i18n.h"
#include "load_yaml.h"
#include "rules.h"
#include "util.h"

const char *rule_article(const char *word)
{
	/* TRANSLATORS: the articles before a record type, "an agreement", "a
	 * decision"; Dutch uses "een" for both. */
	return word[0] != '\0' && strchr("aeiouAEIOU", word[0]) != NULL ? _("an") : _("a");
}

static int present(const struct ynode *n)
{
	return !ynode_is_null(n) && !(n->kind == YNODE_SCALAR && n->len == 0);
}

int rule_condition_holds(const struct rule_ctx *ctx, const struct condition *cond)
{
	return condition_holds(cond, ctx->rec->front, ctx->schema);
}

char *rule_condition_text(const struct rule_ctx *ctx, const struct condition *cond)
{
	return condition_text(cond, ctx->rec->front, ctx->schema);
}

/* "field 'x'" followed by its description in brackets when the schema gives one. */
static char *field_words(const struct field_spec *f)
{
	if (f->description != NULL)
		return xasprintf(_("field '%s' (%s)"), f->name, f->description);
	return xasprintf(_("field '%s'"), f->name);
}

/* Returns the closest of candidates to word when it is close enough to be a
 * likely misspelling, else NULL. */
static const char *closest(const char *word, const char *const *candidates, size_t n)
{
	const char *best = NULL;
	int best_d = 4, d;
	size_t i, limit = strlen(word) / 2;

	for (i = 0; i < n; i++) {
		d = edit_distance(word, candidates[i]);
		if (d < best_d && (size_t)d <= (limit > 1 ? limit : 1)) {
			best = candidates[i];
			best_d = d;
		}
	}
	return best;
}

/* ---------------------------------------------------------- single values */

struct value {
	const char *text;
	size_t len;
	int line, col;
	int exact; /* text stands as written at line:col (a plain scalar), so it can be replaced */
};

static void check_integer(struct rule_ctx *ctx, const struct field_spec *f, const struct value *v)
{
	const char *p = v->text + (v->text[0] == '+' || v->text[0] == '-');
	char *end;
	long n;

	if (*p == '\0' || strspn(p, "0123456789") != strlen(p)) {
		diag_report(ctx->diags, ctx->rec->path, v->line, v->col, RULE_FIELD_TYPE,
			    "field '%s' must be a whole number, not '%s'", f->name, v->text);
		return;
	}
	errno = 0;
	n = strtol(v->text, &end, 10);
	if (errno == ERANGE) {
		diag_report(ctx->diags, ctx->rec->path, v->line, v->col, RULE_FIELD_TYPE,
			    "field '%s': the number '%s' is too large", f->name, v->text);
		return;
	}
	if (f->has_min && f->has_max && (n < f->min || n > f->max))
		diag_report(ctx->diags, ctx->rec->path, v->line, v->col, RULE_FIELD_TYPE,
			    "field '%s' must be a whole number from %ld to %ld, not '%s'", f->name,
			    f->min, f->max, v->text);
	else if (f->has_min && n < f->min)
		diag_report(ctx->diags, ctx->rec->path, v->line, v->col, RULE_FIELD_TYPE,
			    "field '%s' must be a whole number of at least %ld, not '%s'", f->name,
			    f->min, v->text);
	else if (f->has_max && n > f->max)
		diag_report(ctx->diags, ctx->rec->path, v->line, v->col, RULE_FIELD_TYPE,
			    "field '%s' must be a whole number of at most %ld, not '%s'", f->name,
			    f->max, v->text);
}

/* Reads text as a day-month-year date (16-01-2017, 1/3/2024, 16.01.2017),
 * the Dutch way; writes it as YYYY-MM-DD into iso and returns 1 when it is
 * a real date, else returns 0. */
static int day_month_year(const char *text, size_t len, char iso[11])
{
	unsigned day = 0, month = 0, year = 0;
	size_t i = 0, k;
	unsigned *parts[] = {&day, &month, &year};
	static const size_t max_digits[] = {2, 2, 4};
	char sep = 0;

	for (k = 0; k < 3; k++) {
		size_t start = i;

		while (i < len && i - start < max_digits[k] && text[i] >= '0' && text[i] <= '9')
			*parts[k] = *parts[k] * 10 + (unsigned)(text[i++] - '0');
		if (i == start || (k == 2 && i - start != 4))
			return 0;
		if (k < 2 &&
		    (i >= len || strchr("-/.", text[i]) == NULL || (sep != 0 && text[i] != sep)))
			return 0;
		if (k < 2)
			sep = text[i++];
	}
	if (i != len)
		return 0;
	snprintf(iso, 11, "%04u-%02u-%02u", year, month, day);
	return date_parse(iso, 10, NULL) == DATE_OK;
}

/* Attaches the ISO form of a day-month-year date to d, when v is one. */
static void suggest_iso_date(struct diag *d, const struct value *v)
{
	char iso[11];

	if (d == NULL || !v->exact || !day_month_year(v->text, v->len, iso))
		return;
	diag_set_end(d, v->line, v->col + (int)v->len);
	diag_set_help(d, "write the year first: '%s' read as day-month-year is %s", v->text, iso);
	diag_set_sure_fix(d, v->line, v->col, v->line, v->col + (int)v->len, iso);
}

static void check_date(struct rule_ctx *ctx, const struct field_spec *f, const struct value *v)
{
	enum date_check r = date_parse(v->text, v->len, NULL);
	char why[64];

	struct diag *d;

	if (r == DATE_FORM) {
		d = diag_report(ctx->diags, ctx->rec->path, v->line, v->col, RULE_FIELD_TYPE,
				"field '%s' must be a date written as YYYY-MM-DD (such as "
				"2024-03-01), not '%s'",
				f->name, v->text);
		suggest_iso_date(d, v);
		artefact_note(d, v->text, v->len, v->line, v->col, v->exact);
	} else if (r == DATE_CALENDAR) {
		date_problem(v->text, v->len, why, sizeof why);
		diag_report(ctx->diags, ctx->rec->path, v->line, v->col, RULE_DATE_INVALID,
			    "field '%s': '%s' is not a real date: %s", f->name, v->text, why);
	}
}

/* Offers meant (the value a synonym or a misspelling stands for) as the
 * replacement of v, when v stands as written; sure for a synonym or a
 * form clerk reads, a guess for the nearest spelling. */
static void offer(struct diag *d, const struct value *v, const char *meant, int sure)
{
	if (d == NULL || !v->exact)
		return;
	diag_set_end(d, v->line, v->col + (int)v->len);
	if (sure)
		diag_set_sure_fix(d, v->line, v->col, v->line, v->col + (int)v->len, meant);
	else
		diag_set_fix(d, v->line, v->col, v->line, v->col + (int)v->len, meant);
}

/* True when text, composed (NFC), is one of values: "e" + a combining
 * diaeresis, as text pasted from some programs has it, is "ë". */
static int same_nfc(const char *text, const char *const *values, size_t n)
{
	size_t len, i;
	char *nfc = utf8_nfc(text, strlen(text), &len);
	int same = 0;

	for (i = 0; nfc != NULL && i < n && !same; i++)
		same = strlen(values[i]) == len && memcmp(values[i], nfc, len) == 0;
	free(nfc);
	return same;
}

static void check_enum(struct rule_ctx *ctx, const struct field_spec *f, const struct value *v)
{
	const char *near;
	char *list;
	size_t i;
	int sure;

	for (i = 0; i < f->nvalues; i++)
		if (strcmp(v->text, f->values[i]) == 0)
			return;
	if (same_nfc(v->text, f->values, f->nvalues))
		return;
	list = join_words(f->values, f->nvalues, "", " or ");
	near = hint_synonym(f, v->text);
	sure = near != NULL;
	if (near == NULL)
		near = closest(v->text, f->values, f->nvalues);
	if (near != NULL)
		offer(diag_report(ctx->diags, ctx->rec->path, v->line, v->col, RULE_FIELD_ENUM,
				  "field '%s' is '%s', which is not allowed; did you mean '%s'? "
				  "(use %s)",
				  f->name, v->text, near, list),
		      v, near, sure);
	else
		artefact_note(diag_report(ctx->diags, ctx->rec->path, v->line, v->col,
					  RULE_FIELD_ENUM,
					  "field '%s' is '%s', which is not allowed; use %s",
					  f->name, v->text, list),
			      v->text, v->len, v->line, v->col, v->exact);
	free(list);
}

static void check_duration(struct rule_ctx *ctx, const struct field_spec *f, const struct value *v)
{
	char *words = join_words(f->keywords, f->nkeywords, "'", " or ");
	const char *meant = hint_synonym(f, v->text);
	char iso[16];

	if (meant == NULL && hint_duration(v->text, iso))
		meant = iso;
	if (meant != NULL)
		offer(diag_report(ctx->diags, ctx->rec->path, v->line, v->col, RULE_FIELD_TYPE,
				  "field '%s' is '%s', which is not a duration clerk can read; "
				  "did you mean '%s'?",
				  f->name, v->text, meant),
		      v, meant, 1);
	else if (f->nkeywords > 0)
		diag_report(ctx->diags, ctx->rec->path, v->line, v->col, RULE_FIELD_TYPE,
			    "field '%s' must be a duration such as P3Y (three years) or P6M (six "
			    "months), or the word %s, not '%s'",
			    f->name, words, v->text);
	else
		diag_report(ctx->diags, ctx->rec->path, v->line, v->col, RULE_FIELD_TYPE,
			    "field '%s' must be a duration such as P3Y (three years) or P6M (six "
			    "months), not '%s'",
			    f->name, v->text);
	free(words);
}

static int is_url(const char *s)
{
	const char *host;

	if (strncmp(s, "https://", 8) == 0)
		host = s + 8;
	else if (strncmp(s, "http://", 7) == 0)
		host = s + 7;
	else
		return 0;
	return *host != '\0' && *host != '/' && strpbrk(s, " \t") == NULL;
}

/* Checks one value against type t; returns 1 when its form is right. */
static int check_form(struct rule_ctx *ctx, const struct field_spec *f, enum field_type t,
		      const struct value *v)
{
	size_t before = ctx->diags->n;

	switch (t) {
	case FT_INTEGER:
		check_integer(ctx, f, v);
		break;
	case FT_DATE:
		check_date(ctx, f, v);
		break;
	case FT_DURATION:
		if (!duration_valid(v->text, v->len))
			check_duration(ctx, f, v);
		break;
	case FT_ENUM:
		check_enum(ctx, f, v);
		break;
	case FT_URL:
		if (!is_url(v->text))
			diag_report(ctx->diags, ctx->rec->path, v->line, v->col, RULE_FIELD_TYPE,
				    "field '%s' must be a web address starting with https:// or "
				    "http://, not '%s'",
				    f->name, v->text);
		break;
	case FT_REF:
		/* Judged with the whole set: ref-unresolved, ref-type. */
		break;
	default:
		break;
	}
	return ctx->diags->n == before;
}

static int is_keyword(const struct field_spec *f, const char *text)
{
	size_t i;

	for (i = 0; i < f->nkeywords; i++)
		if (strcmp(text, f->keywords[i]) == 0)
			return 1;
	return 0;
}

/* The number of characters (UTF-8 code points) of text. */
static size_t characters(const char *text, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		n += ((unsigned char)text[i] & 0xC0) != 0x80;
	return n;
}

/* min-length and max-length; returns 1 when the length is right. */
static int check_length(struct rule_ctx *ctx, const struct field_spec *f, const struct value *v)
{
	size_t n = characters(v->text, v->len);

	if (f->has_max_length && (long)n > f->max_length) {
		diag_report(ctx->diags, ctx->rec->path, v->line, v->col, RULE_FIELD_PATTERN,
			    "field '%s' is %zu characters long, but may be at most %ld", f->name, n,
			    f->max_length);
		return 0;
	}
	if (f->has_min_length && (long)n < f->min_length) {
		diag_report(ctx->diags, ctx->rec->path, v->line, v->col, RULE_FIELD_PATTERN,
			    "field '%s' is %zu characters long, but must be at least %ld", f->name,
			    n, f->min_length);
		return 0;
	}
	return 1;
}

/* pattern (with its message) and not-patterns: the first that fails is
 * reported, in the schema's words when it gives them. */
static void check_patterns(struct rule_ctx *ctx, const struct field_spec *f, const struct value *v)
{
	size_t i;

	struct diag *d;

	if (f->pattern != NULL && pattern_match(f->pattern, v->text, v->len) == PATTERN_NOMATCH) {
		if (f->message != NULL)
			d = diag_report(ctx->diags, ctx->rec->path, v->line, v->col,
					RULE_FIELD_PATTERN,
					"field '%s': '%s' does not have the required form (%s)",
					f->name, v->text, f->message);
		else
			d = diag_report(
			    ctx->diags, ctx->rec->path, v->line, v->col, RULE_FIELD_PATTERN,
			    "field '%s': '%s' does not have the required form (pattern %s)",
			    f->name, v->text, f->pattern_src);
		artefact_note(d, v->text, v->len, v->line, v->col, v->exact);
		return;
	}
	for (i = 0; i < f->nnot_patterns; i++)
		if (pattern_match(f->not_patterns[i].re, v->text, v->len) == PATTERN_MATCH) {
			diag_report(ctx->diags, ctx->rec->path, v->line, v->col, RULE_FIELD_PATTERN,
				    "field '%s': '%s' does not have the required form (%s)",
				    f->name, v->text, f->not_patterns[i].message);
			return;
		}
}

static void check_scalar(struct rule_ctx *ctx, const struct field_spec *f, enum field_type t,
			 const struct value *v)
{
	if (is_keyword(f, v->text))
		return;
	if (!check_form(ctx, f, t, v))
		return;
	if (check_length(ctx, f, v))
		check_patterns(ctx, f, v);
}

/* ------------------------------------------------------------------ lists */

static void check_count(struct rule_ctx *ctx, const struct field_spec *f, const struct ynode *n,
			size_t count)
{
	if (f->has_min_items && (long)count < f->min_items)
		diag_report(ctx->diags, ctx->rec->path, n->line, n->col, RULE_FIELD_ITEMS,
			    ngettext("field '%s' has %zu item but needs at least %ld%s",
				     "field '%s' has %zu items but needs at least %ld%s", count),
			    f->name, count, f->min_items,
			    n->kind == YNODE_SCALAR
				? _("; separate the items with commas, or put "
				    "each on a line of its own starting with '- '")
				: "");
	else if (f->has_max_items && (long)count > f->max_items)
		diag_report(ctx->diags, ctx->rec->path, n->line, n->col, RULE_FIELD_ITEMS,
			    "field '%s' has %zu items but may have at most %ld", f->name, count,
			    f->max_items);
}

/* The value of a list item as a number, for sorted-items: number; 0 when
 * it is not a whole number (*ok then 0). */
static long item_number(const struct value *v, int *ok)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(v->text, &end, 10);
	*ok = v->len > 0 && *end == '\0' && errno == 0;
	return n;
}

/* Compares items a and b in the order sorted-items asks for; -2 when one
 * of them is not a number in a list sorted by number. */
static int item_compare(enum sort_order order, const struct value *a, const struct value *b)
{
	int ok_a, ok_b;
	long x, y;

	if (order == SORT_TEXT)
		return strcmp(a->text, b->text);
	x = item_number(a, &ok_a);
	y = item_number(b, &ok_b);
	if (!ok_a || !ok_b)
		return -2;
	return x < y ? -1 : x > y;
}

static int value_compare(const void *pa, const void *pb)
{
	const struct value *const *a = pa, *const *b = pb;
	int c = strcmp((*a)->text, (*b)->text);

	if (c != 0)
		return c;
	return (*a)->line != (*b)->line ? ((*a)->line < (*b)->line ? -1 : 1)
					: ((*a)->col < (*b)->col ? -1 : (*a)->col > (*b)->col);
}

/* unique-items: reports each item that repeats an earlier one, in
 * O(n log n). */
static void check_unique_items(struct rule_ctx *ctx, const struct field_spec *f,
			       const struct value *items, size_t n)
{
	const struct value **v = xmalloc((n ? n : 1) * sizeof *v);
	size_t i;

	for (i = 0; i < n; i++)
		v[i] = &items[i];
	qsort(v, n, sizeof *v, value_compare);
	for (i = 1; i < n; i++)
		if (strcmp(v[i]->text, v[i - 1]->text) == 0)
			diag_report(ctx->diags, ctx->rec->path, v[i]->line, v[i]->col,
				    RULE_FIELD_ITEMS,
				    "field '%s' names '%s' twice; remove the second one", f->name,
				    v[i]->text);
	free(v);
}

/* sorted-items: reports the first item that comes before its predecessor. */
static void check_sorted_items(struct rule_ctx *ctx, const struct field_spec *f,
			       const struct value *items, size_t n)
{
	size_t i;
	int c;

	for (i = 1; i < n; i++) {
		c = item_compare(f->sorted_items, &items[i - 1], &items[i]);
		if (c == -2)
			return; /* field-type or field-pattern says what is wrong */
		if (c <= 0)
			continue;
		if (f->sorted_items == SORT_NUMBER)
			diag_report(ctx->diags, ctx->rec->path, items[i].line, items[i].col,
				    RULE_FIELD_ITEMS,
				    "field '%s': '%s' should come before '%s'; keep the items in "
				    "order of their number",
				    f->name, items[i].text, items[i - 1].text);
		else
			diag_report(ctx->diags, ctx->rec->path, items[i].line, items[i].col,
				    RULE_FIELD_ITEMS,
				    "field '%s': '%s' should come before '%s'; keep the items in "
				    "alphabetical order",
				    f->name, items[i].text, items[i - 1].text);
		return;
	}
}

/* The checks of a list as a whole: its size (size items, of which the
 * count single values are in items), repeats and order. */
static void check_items(struct rule_ctx *ctx, const struct field_spec *f, const struct ynode *n,
			const struct value *items, size_t count, size_t size)
{
	check_count(ctx, f, n, size);
	if (f->unique_items)
		check_unique_items(ctx, f, items, count);
	if (f->sorted_items != SORT_NONE)
		check_sorted_items(ctx, f, items, count);
}

/* A list written as one value: items separated by commas. */
static void check_split_list(struct rule_ctx *ctx, const struct field_spec *f,
			     const struct ynode *n)
{
	const char *p = n->text, *end = n->text + n->len, *a;
	struct value *items = NULL;
	size_t count = 0, cap = 0, len, i;

	while (comma_item(&p, end, &a, &len)) {
		if (len == 0)
			continue;
		xgrow((void **)&items, &cap, count, sizeof *items);
		items[count].text = xstrndup(a, len);
		items[count].len = len;
		items[count].line = n->line;
		items[count].col = n->col + (int)(a - n->text) + (n->plain ? 0 : 1);
		items[count].exact = n->plain;
		check_scalar(ctx, f, f->item_type, &items[count]);
		count++;
	}
	check_items(ctx, f, n, items, count, count);
	for (i = 0; i < count; i++)
		free((char *)items[i].text);
	free(items);
}

static void check_list(struct rule_ctx *ctx, const struct field_spec *f, const struct ynode *n)
{
	const struct ynode *item;
	struct value *items;
	size_t i, count = 0;

	if (n->kind == YNODE_SCALAR) {
		check_split_list(ctx, f, n);
		return;
	}
	if (n->kind == YNODE_MAP) {
		diag_report(ctx->diags, ctx->rec->path, n->line, n->col, RULE_FIELD_TYPE,
			    "field '%s' must be a list, not a set of 'name: value' pairs", f->name);
		return;
	}
	items = xmalloc((n->n ? n->n : 1) * sizeof *items);
	for (i = 0; i < n->n; i++) {
		item = n->items[i];
		if (item->kind != YNODE_SCALAR) {
			diag_report(ctx->diags, ctx->rec->path, item->line, item->col,
				    RULE_FIELD_TYPE,
				    "each item of field '%s' must be a single value", f->name);
			continue;
		}
		items[count].text = item->text;
		items[count].len = item->len;
		items[count].line = item->line;
		items[count].col = item->col;
		items[count].exact = item->plain;
		check_scalar(ctx, f, f->item_type, &items[count]);
		count++;
	}
	check_items(ctx, f, n, items, count, n->n);
	free(items);
}

static void check_value(struct rule_ctx *ctx, const struct field_spec *f, const struct ynode *n)
{
	struct value v;

	if (f->type == FT_LIST) {
		check_list(ctx, f, n);
		return;
	}
	if (n->kind != YNODE_SCALAR) {
		diag_report(ctx->diags, ctx->rec->path, n->line, n->col, RULE_FIELD_TYPE,
			    "field '%s' must be a single value, not a %s", f->name,
			    n->kind == YNODE_SEQ ? _("list") : _("set of 'name: value' pairs"));
		return;
	}
	v.text = n->text;
	v.len = n->len;
	v.line = n->line;
	v.col = n->col;
	v.exact = n->plain;
	check_scalar(ctx, f, f->type, &v);
}

/* ------------------------------------------------------------ presence */

/* Returns the field that an unknown name probably means: one it is an alias
 * of (such as the Dutch 'datum' for 'date'; *alias is set to 1), or one
 * spelt nearly the same (*alias is 0). */
static const struct field_spec *meant_field(const struct schema *s, const char *name, int *alias)
{
	const char **names = xmalloc((s->nfields + 1) * sizeof *names);
	const char *near;
	size_t i, k;

	*alias = 1;
	for (i = 0; i < s->nfields; i++)
		for (k = 0; k < s->fields[i].naliases; k++)
			if (strcasecmp(name, s->fields[i].aliases[k]) == 0) {
				free(names);
				return &s->fields[i];
			}
	for (i = 0; i < s->nfields; i++)
		names[i] = s->fields[i].name;
	near = closest(name, names, s->nfields);
	free(names);
	*alias = 0;
	return near != NULL ? schema_field(s, near) : NULL;
}

/* Attaches the rename of the field name key to name to d, when key is
 * written plainly (so that its text is what stands in the file); sure when
 * key is an alias of a field the record does not have yet. */
static void suggest_name(struct diag *d, const struct ynode *key, const char *name, int sure)
{
	if (d == NULL || !key->plain)
		return;
	diag_set_end(d, key->line, key->col + (int)key->len);
	diag_set_help(d, "rename the field '%s' to '%s'", key->text, name);
	if (sure)
		diag_set_sure_fix(d, key->line, key->col, key->line, key->col + (int)key->len,
				  name);
	else
		diag_set_fix(d, key->line, key->col, key->line, key->col + (int)key->len, name);
}

/* True when the record must have field f (required, or required now). */
static int needed(const struct rule_ctx *ctx, const struct field_spec *f)
{
	return f->required || (f->required_if != NULL && rule_condition_holds(ctx, f->required_if));
}

/* Reports an unknown field. When it stands for a needed field that is
 * missing, that is one mistake: it is reported once, as the missing field,
 * at this line, and the value is checked as that field's. Returns the field
 * so reported, or NULL. */
static const struct field_spec *check_unknown(struct rule_ctx *ctx, const struct ynode *key,
					      const struct ynode *value)
{
	int alias;
	const struct field_spec *f = meant_field(ctx->schema, key->text, &alias);
	const char *title = ctx->schema->title;
	struct diag *d;
	char *words;

	if (f != NULL && needed(ctx, f) && !present(ynode_get(ctx->rec->front, f->name))) {
		words = field_words(f);
		d = diag_report(
		    ctx->diags, ctx->rec->path, key->line, key->col, RULE_FIELD_REQUIRED,
		    "%s is missing; '%s' here is not a field of %s %s: rename it to '%s'", words,
		    key->text, rule_article(title), title, f->name);
		suggest_name(d, key, f->name, alias);
		free(words);
		if (present(value))
			check_value(ctx, f, value);
		return f;
	}
	if (f != NULL) {
		d = diag_report(ctx->diags, ctx->rec->path, key->line, key->col, RULE_FIELD_UNKNOWN,
				"unknown field '%s' for %s %s; did you mean '%s'?", key->text,
				rule_article(title), title, f->name);
		suggest_name(d, key, f->name, alias && ynode_get(ctx->rec->front, f->name) == NULL);
	} else
		diag_report(ctx->diags, ctx->rec->path, key->line, key->col, RULE_FIELD_UNKNOWN,
			    "unknown field '%s' for %s %s; check its spelling, or add it to the "
			    "schema",
			    key->text, rule_article(title), title);
	return NULL;
}

static void check_required(struct rule_ctx *ctx, const struct field_spec *f)
{
	const struct ynode *v = ynode_get(ctx->rec->front, f->name);
	const struct ynode *key, *why;
	char *words, *cond;

	if (present(v) || (!f->required &&
			   (f->required_if == NULL || !rule_condition_holds(ctx, f->required_if))))
		return;
	key = ynode_key(ctx->rec->front, f->name);
	words = field_words(f);
	if (f->required) {
		if (key != NULL)
			diag_report(ctx->diags, ctx->rec->path, key->line, key->col,
				    RULE_FIELD_REQUIRED, "%s is empty; %s %s needs it", words,
				    rule_article(ctx->schema->title), ctx->schema->title);
		else
			diag_report(ctx->diags, ctx->rec->path, 1, 1, RULE_FIELD_REQUIRED,
				    "%s is missing; %s %s needs it", words,
				    rule_article(ctx->schema->title), ctx->schema->title);
	} else {
		why = condition_where(f->required_if, ctx->rec->front);
		cond = rule_condition_text(ctx, f->required_if);
		diag_report(ctx->diags, ctx->rec->path, why ? why->line : 1, why ? why->col : 1,
			    RULE_FIELD_REQUIRED, "%s is required because %s", words, cond);
		free(cond);
	}
	free(words);
}

static void check_one_of(struct rule_ctx *ctx, const struct field_group *g)
{
	const struct ynode *second = NULL;
	char *list;
	size_t i, found = 0;

	for (i = 0; i < g->n; i++) {
		if (!present(ynode_get(ctx->rec->front, g->names[i])))
			continue;
		found++;
		if (found == 2)
			second = ynode_key(ctx->rec->front, g->names[i]);
	}
	if (found == 1)
		return;
	if (found == 0) {
		list = join_words(g->names, g->n, "'", " or ");
		diag_report(ctx->diags, ctx->rec->path, 1, 1, RULE_FIELD_REQUIRED,
			    "%s %s needs %s; none is given", rule_article(ctx->schema->title),
			    ctx->schema->title, list);
	} else {
		list = join_words(g->names, g->n, "'", " and ");
		diag_report(ctx->diags, ctx->rec->path, second->line, second->col,
			    RULE_FIELD_REQUIRED, "give only one of %s, not more", list);
	}
	free(list);
}

void rule_fields(struct rule_ctx *ctx)
{
	const struct ynode *front = ctx->rec->front;
	const struct field_spec *f;
	int *reported = xcalloc(ctx->schema->nfields + 1, sizeof *reported);
	size_t i;

	for (i = 0; i + 1 < front->n; i += 2) {
		if (ctx->schema->type_field != NULL &&
		    ynode_is(front->items[i], ctx->schema->type_field))
			continue;
		f = schema_field(ctx->schema, front->items[i]->text);
		if (f == NULL && !ctx->schema->allow_unknown) {
			f = check_unknown(ctx, front->items[i], front->items[i + 1]);
			if (f != NULL)
				reported[f - ctx->schema->fields] = 1;
		} else if (f != NULL && present(front->items[i + 1])) {
			check_value(ctx, f, front->items[i + 1]);
		}
	}
	for (i = 0; i < ctx->schema->nfields; i++)
		if (!reported[i])
			check_required(ctx, &ctx->schema->fields[i]);
	free(reported);
	for (i = 0; i < ctx->schema->n_one_of; i++)
		check_one_of(ctx, &ctx->schema->one_of[i]);
}
