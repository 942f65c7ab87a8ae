/* SPDX-License-Identifier: EUPL-1.2 */
/* register_md.c - the Markdown register of `clerk index`: per type a table
 * of records, byte for byte the same for the same records, in the set's
 * language (never that of whoever runs clerk). */
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "out_util.h"
#include "reg_text.h"
#include "register.h"
#include "util.h"

int reg_is_register(const char *text, size_t len)
{
	size_t n = strlen(REG_MARK);

	return len > n && memcmp(text, REG_MARK, n) == 0 &&
	       (text[n] == '\n' || (text[n] == '\r' && len > n + 1 && text[n + 1] == '\n'));
}

/* Appends [id](relative path) for record s; the id escaped, the path
 * relative to dir and percent-encoded. */
static void md_link(struct buf *b, const struct summary *s, const char *dir)
{
	char *rel = s->real ? reg_relative_path(dir, s->real) : xstrdup(s->path);
	char *uri = out_uri_path(rel);

	buf_puts(b, "[");
	reg_md_cell(b, s->id ? s->id : s->path);
	buf_printf(b, "](%s)", uri);
	free(uri);
	free(rel);
}

static int reported_on(const struct schema *t)
{
	return t->reporting.interval != NULL && t->reporting.nreported_by > 0;
}

/* The cell of the last report on agreement i: its date and linked id, or "none". */
static void md_last_report(struct buf *b, const struct reg *r, size_t i, const char *dir)
{
	size_t last = set_newest_report(&r->ix, i);

	if (last == SET_NONE) {
		buf_printf(b, " %s |", _("none"));
		return;
	}
	buf_printf(b, " %s ", r->ix.recs[last]->date.text);
	md_link(b, r->ix.recs[last], dir);
	buf_puts(b, " |");
}

static void md_row(struct buf *b, const struct reg *r, size_t i, const char *dir)
{
	const struct summary *s = r->ix.recs[i];

	buf_puts(b, "| ");
	md_link(b, s, dir);
	buf_printf(b, " | %s | ", s->date.days >= 0 ? s->date.text : "");
	reg_md_cell(b, s->status ? i18n_status(s->status) : "");
	buf_puts(b, " | ");
	reg_md_cell(b, s->title ? s->title : "");
	buf_puts(b, " |");
	if (reported_on(s->schema))
		md_last_report(b, r, i, dir);
	buf_puts(b, "\n");
}

/* The heading and table head of type t, with its number of records. */
static void md_head(struct buf *b, const struct schema *t, size_t count)
{
	const char *title = t->title_msgid ? _(t->title_msgid) : t->title;

	buf_puts(b, "\n## ");
	reg_md_cell(b, t->name);
	buf_puts(b, ": ");
	reg_md_cell(b, title ? title : t->name);
	buf_puts(b, "\n\n");
	buf_printf(b, ngettext("%zu record.", "%zu records.", count), count);
	buf_printf(b, "\n\n| %s | %s | %s | %s |", _("id"), _("date"), _("status"), _("title"));
	if (reported_on(t))
		buf_printf(b, " %s |\n|---|---|---|---|---|\n", _("last report"));
	else
		buf_puts(b, "\n|---|---|---|---|\n");
}

char *reg_markdown(const struct reg *r, const char *dir, const char *lang)
{
	const char *was = i18n_switch(lang);
	struct buf b = {0};
	const struct schema *t;
	size_t k, end;

	buf_printf(&b, REG_MARK "\n# %s\n", _("Register"));
	if (r->n == 0)
		buf_printf(&b, "\n%s\n", _("No records."));
	for (k = 0; k < r->n; k = end) {
		t = r->ix.recs[r->rows[k]]->schema;
		for (end = k; end < r->n && r->ix.recs[r->rows[end]]->schema == t; end++)
			;
		md_head(&b, t, end - k);
		for (; k < end; k++)
			md_row(&b, r, r->rows[k], dir);
	}
	i18n_set_language(was);
	return buf_take(&b);
}
