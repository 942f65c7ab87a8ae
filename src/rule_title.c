/* SPDX-License-Identifier: EUPL-1.2 */
/* rule_title.c - what the title and the text say of themselves:
 * title-heading (the front matter's title against the first '#' heading),
 * title-kind (a closing report's title against its kind), field-artefact
 * (curly quotes and zero-width spaces in a value) and encoding-invalid (a
 * body that is not UTF-8). */
#include <cmark.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "artefact.h"
#include "load_yaml.h"
#include "ordinal.h"
#include "rules.h"
#include "util.h"

/* Returns the scalar value of field name, or NULL. */
static const struct ynode *scalar(const struct record *rec, const char *name)
{
	const struct ynode *v = rec->front ? ynode_get(rec->front, name) : NULL;

	return v != NULL && v->kind == YNODE_SCALAR && !ynode_is_null(v) && v->len > 0 ? v : NULL;
}

/* ------------------------------------------------------------ title-heading */

/* Appends the plain text of node's inline children to b (emphasis and
 * links give their words, a line break a space). */
static void heading_text(cmark_node *heading, struct buf *b)
{
	cmark_iter *it = cmark_iter_new(heading);
	cmark_event_type ev;
	cmark_node *node;
	cmark_node_type t;

	if (it == NULL)
		return;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		node = cmark_iter_get_node(it);
		t = cmark_node_get_type(node);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE)
			buf_puts(b,
				 cmark_node_get_literal(node) ? cmark_node_get_literal(node) : "");
		else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK)
			buf_puts(b, " ");
	}
	cmark_iter_free(it);
}

/* Writes s in the form titles are compared in: lower case (ASCII), Word's
 * dashes and quotes as plain ones, every run of spaces and punctuation one
 * space, none at the ends; "Subsidie: buurthuis." and "subsidie buurthuis"
 * compare equal. */
static char *comparable(const char *s, size_t len)
{
	char *clean = artefact_clean(s, len), *out = xmalloc(strlen(clean) + 1);
	unsigned char c;
	size_t i, n = 0;

	for (i = 0; clean[i] != '\0'; i++) {
		c = (unsigned char)clean[i];
		if (c < 0x80 && !isalnum(c)) {
			if (n > 0 && out[n - 1] != ' ')
				out[n++] = ' ';
			continue;
		}
		out[n++] = (char)tolower(c);
	}
	while (n > 0 && out[n - 1] == ' ')
		n--;
	out[n] = '\0';
	free(clean);
	return out;
}

/* Returns the first level-1 heading of the body, or NULL. */
static cmark_node *first_title(const struct record *rec)
{
	cmark_node *node;

	for (node = rec->body ? cmark_node_first_child(rec->body) : NULL; node != NULL;
	     node = cmark_node_next(node))
		if (cmark_node_get_type(node) == CMARK_NODE_HEADING &&
		    cmark_node_get_heading_level(node) == 1)
			return node;
	return NULL;
}

/* True when the title's ordinal differs from the record's number in its
 * series: sequence-title's finding, which names the title already. */
static int ordinal_wrong(const struct rule_ctx *ctx, const struct ynode *title)
{
	const char *field = ctx->schema->series.number;
	const struct ynode *num = field ? scalar(ctx->rec, field) : NULL;
	size_t start, end;
	int ord = num != NULL ? ordinal_find(title->text, title->len, &start, &end) : 0;

	return ord != 0 && ord != atoi(num->text);
}

static void check_title_heading(struct rule_ctx *ctx, const struct ynode *title)
{
	cmark_node *heading = first_title(ctx->rec);
	struct buf text = {0};
	char *a, *b;

	/* When '#' headings are the sections, there is no title heading. */
	if (heading == NULL || title == NULL || ctx->rec->section_level < 2 ||
	    ordinal_wrong(ctx, title))
		return;
	heading_text(heading, &text);
	if (artefact_bad_utf8(text.data ? text.data : "", text.len) < text.len) {
		buf_free(&text); /* encoding-invalid's finding */
		return;
	}
	a = comparable(title->text, title->len);
	b = comparable(text.data ? text.data : "", text.len);
	if (b[0] != '\0' && strcmp(a, b) != 0)
		diag_report(
		    ctx->diags, ctx->rec->path,
		    cmark_node_get_start_line(heading) + ctx->rec->body_line - 1, 1,
		    RULE_TITLE_HEADING,
		    "the heading '%s' differs from the title '%s' in the front matter (line "
		    "%d); make them the same",
		    text.data, title->text, title->line);
	free(a);
	free(b);
	buf_free(&text);
}

/* --------------------------------------------------------------- title-kind */

/* Words in a title that say what kind of report it is. */
static const struct {
	const char *word;
	int closing;
} kind_words[] = {
    {"slotrapportage", 1},       {"eindrapportage", 1},   {"eindrapport", 1},
    {"slotrapport", 1},          {"closing report", 1},   {"final report", 1},
    {"voortgangsrapportage", 0}, {"tussenrapportage", 0}, {"progress report", 0},
};

/* Returns the index of the first kind word in s, or -1; closing words win. */
static int kind_word(const char *s, size_t len)
{
	size_t k, i, n;
	int found = -1;

	for (k = 0; k < sizeof kind_words / sizeof *kind_words; k++) {
		n = strlen(kind_words[k].word);
		for (i = 0; i + n <= len; i++)
			if (strncasecmp(s + i, kind_words[k].word, n) == 0 &&
			    (i == 0 || !isalpha((unsigned char)s[i - 1])))
				break;
		if (i + n <= len &&
		    (found < 0 || (kind_words[k].closing && !kind_words[found].closing)))
			found = (int)k;
	}
	return found;
}

/* The report's kind: the field 'kind' as written, or its default. */
static const char *report_kind(const struct rule_ctx *ctx, const struct field_spec *f)
{
	const struct ynode *v = scalar(ctx->rec, f->name);

	return v != NULL ? v->text : f->default_value;
}

static void check_title_kind(struct rule_ctx *ctx, const struct ynode *title)
{
	const struct field_spec *f = schema_field(ctx->schema, "kind");
	const char *kind;
	int w, closing;

	if (f == NULL || f->type != FT_ENUM || title == NULL)
		return;
	kind = report_kind(ctx, f);
	w = kind_word(title->text, title->len);
	if (w < 0 || kind == NULL ||
	    (strcmp(kind, "closing") != 0 && strcmp(kind, "progress") != 0))
		return; /* a kind of its own or misspelt: field-enum says so */
	closing = strcmp(kind, "closing") == 0;
	if (kind_words[w].closing && !closing)
		diag_report(ctx->diags, ctx->rec->path, title->line, title->col, RULE_TITLE_KIND,
			    "the title says '%s', but the report's kind is '%s'; add 'kind: "
			    "closing', or correct the title",
			    kind_words[w].word, kind);
	else if (!kind_words[w].closing && closing)
		diag_report(ctx->diags, ctx->rec->path, title->line, title->col, RULE_TITLE_KIND,
			    "the title says '%s', but the report's kind is 'closing'; correct the "
			    "title or the kind",
			    kind_words[w].word);
}

/* ----------------------------------------------------------- field-artefact */

/* Curly quotes around a text value, or an invisible zero-width space in it;
 * values that must have a form name these in their own findings. */
static void check_artefacts(struct rule_ctx *ctx)
{
	const struct field_spec *f;
	const struct ynode *v;
	struct diag *d;
	char *clean;
	size_t i;

	for (i = 0; i < ctx->schema->nfields; i++) {
		f = &ctx->schema->fields[i];
		v = scalar(ctx->rec, f->name);
		if (v == NULL || f->type != FT_STRING || f->pattern != NULL)
			continue;
		if (artefact_wrapped(v->text, v->len))
			d = diag_report(
			    ctx->diags, ctx->rec->path, v->line, v->col, RULE_FIELD_ARTEFACT,
			    "field '%s' is wrapped in curly quotes from a word processor; "
			    "remove them",
			    f->name);
		else if (artefact_find(v->text, v->len) == ARTEFACT_ZERO_WIDTH)
			d = diag_report(
			    ctx->diags, ctx->rec->path, v->line, v->col, RULE_FIELD_ARTEFACT,
			    "field '%s' holds an invisible zero-width space; remove it", f->name);
		else
			continue;
		clean = artefact_clean(v->text, v->len);
		if (v->plain) {
			diag_set_end(d, v->line, v->col + (int)v->len);
			diag_set_fix(d, v->line, v->col, v->line, v->col + (int)v->len, clean);
		}
		free(clean);
	}
}

/* --------------------------------------------------------- encoding-invalid */

/* The Windows-1252 characters Word writes most, by byte 0x80-0x9F. */
static const char *const cp1252[32] = {
    "\xE2\x82\xAC", NULL,           "\xE2\x80\x9A", "\xC6\x92",     "\xE2\x80\x9E", "\xE2\x80\xA6",
    "\xE2\x80\xA0", "\xE2\x80\xA1", "\xCB\x86",     "\xE2\x80\xB0", "\xC5\xA0",     "\xE2\x80\xB9",
    "\xC5\x92",     NULL,           "\xC5\xBD",     NULL,           NULL,           "\xE2\x80\x98",
    "\xE2\x80\x99", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\xA2", "\xE2\x80\x93", "\xE2\x80\x94",
    "\xCB\x9C",     "\xE2\x84\xA2", "\xC5\xA1",     "\xE2\x80\xBA", "\xC5\x93",     NULL,
    "\xC5\xBE",     "\xC5\xB8"};

/* Writes the Windows-1252 reading of byte c as UTF-8 into out. */
static void windows_1252(unsigned char c, char out[8])
{
	if (c >= 0x80 && c <= 0x9F && cp1252[c - 0x80] != NULL)
		strcpy(out, cp1252[c - 0x80]);
	else if (c >= 0xA0) {
		out[0] = (char)(0xC0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3F));
		out[2] = '\0';
	} else
		strcpy(out, "?");
}

static void check_encoding(struct rule_ctx *ctx)
{
	const struct record *rec = ctx->rec;
	size_t bad = artefact_bad_utf8(rec->body_text, rec->body_len), i;
	int line = rec->body_line, col = 1;
	char meant[8];

	if (rec->body_text == NULL || bad >= rec->body_len)
		return;
	for (i = 0; i < bad; i++) {
		col++;
		if (rec->body_text[i] == '\n') {
			line++;
			col = 1;
		}
	}
	windows_1252((unsigned char)rec->body_text[bad], meant);
	diag_report(ctx->diags, rec->path, line, col, RULE_ENCODING_INVALID,
		    "the text is not UTF-8 from this line on (byte 0x%02X, in Windows-1252 the "
		    "character '%s'); save the file as UTF-8, such as with 'Save as', 'Plain "
		    "text', 'UTF-8'",
		    (unsigned char)rec->body_text[bad], meant);
}

void rule_title(struct rule_ctx *ctx)
{
	const struct ynode *title = scalar(ctx->rec, "title");

	check_title_heading(ctx, title);
	check_title_kind(ctx, title);
	check_artefacts(ctx);
	check_encoding(ctx);
}
