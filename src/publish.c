/* SPDX-License-Identifier: EUPL-1.2 */
/* publish.c - `clerk publish`: which records go on the site, their page
 * names, and the pages over the whole set: the register (by type, by date,
 * per type, status and year), what is due, the Atom feed, the sitemap and
 * the search index. The record pages are in publish_record.c. */
#include "publish.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "atomic.h"
#include "condition.h"
#include "date.h"
#include "i18n.h"
#include "load_again.h"
#include "out_util.h"
#include "publish_html.h"
#include "publish_site.h"
#include "reg_text.h"

#define FEED_MAX 100 /* entries in the Atom feed: the newest records */

/* ------------------------------------------------- which records, names */

/* A name for a file: letters, digits, '-' and '_' as they are, any other
 * byte as '.' and two hex digits; never empty or hidden. */
static char *file_name(const char *s)
{
	struct buf b = {0};

	for (; *s != '\0'; s++) {
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '-' || *s == '_')
			buf_add(&b, s, 1);
		else
			buf_printf(&b, ".%02X", (unsigned char)*s);
	}
	if (b.len == 0 || b.data[0] == '.')
		buf_puts(&b, "_");
	return buf_take(&b);
}

/* True when record i's schema marks records as not public (not-public-if)
 * and the condition holds for its fields. Only the records of such a
 * schema are read again; one that cannot be read now is not published. */
static int not_public(const struct site *s, size_t i)
{
	const struct summary *r = s->reg.ix.recs[i];
	struct loaded l;
	int hidden = 1;

	if (r->schema->not_public == NULL)
		return 0;
	if (load_again(s->run->project, r->path, &l) == 0 && l.rec != NULL)
		hidden = condition_holds(r->schema->not_public, l.rec->front, r->schema);
	loaded_free(&l);
	return hidden;
}

/* Decides which records are published and names their pages: the file
 * name of the id, made unique with its place in the register. Drafts
 * (unless asked for) and records that are not public are left out. */
static void choose_records(struct site *s, void (*note)(const char *, const char *))
{
	const struct set_index *ix = &s->reg.ix;
	const struct summary *r;
	const char **keys;
	struct smap names;
	size_t k, i;
	char *again;

	for (k = 0; k < s->reg.nskipped; k++)
		note(ix->recs[s->reg.skipped[k]]->path,
		     N_("its type or front matter cannot be read"));
	for (k = 0; k < s->reg.n; k++) {
		i = s->reg.rows[k];
		r = ix->recs[i];
		if (r->id == NULL || r->id_bad || r->id_from_name)
			note(r->path, N_("it has no valid id"));
		else if ((r->life != LIFE_DRAFT || s->o->include_drafts) && !not_public(s, i))
			s->slug[i] = file_name(r->id);
	}
	keys = xcalloc(ix->n + 1, sizeof *keys);
	for (i = 0; i < ix->n; i++)
		keys[i] = s->slug[i];
	smap_build(&names, keys, ix->n);
	for (k = 0; k < s->reg.n; k++) {
		i = s->reg.rows[k];
		if (s->slug[i] == NULL || smap_find(&names, s->slug[i]) == i)
			continue;
		again = xasprintf("%s_%zu", s->slug[i], k + 1);
		free(s->slug[i]);
		s->slug[i] = again;
	}
	smap_free(&names); /* frees keys, not the names */
}

static void collect_series(const struct set_index *ix, const size_t *m, size_t n, int incomplete,
			   void *ctx)
{
	struct site *s = ctx;
	static size_t used;
	size_t k;

	(void)incomplete;
	if (m == NULL) { /* a new site */
		used = 0;
		return;
	}
	(void)ix;
	for (k = 0; k < n; k++) {
		s->series_members[used + k] = m[k];
		s->series_group[m[k]] = used;
	}
	s->series_len[used] = n;
	used += n;
}

static void find_series(struct site *s)
{
	size_t n = s->reg.ix.n + 1, i;

	s->series_group = xmalloc(n * sizeof *s->series_group);
	s->series_members = xmalloc(n * sizeof *s->series_members);
	s->series_len = xcalloc(n, sizeof *s->series_len);
	for (i = 0; i < n; i++)
		s->series_group[i] = SET_NONE;
	collect_series(&s->reg.ix, NULL, 0, 0, s);
	set_each_series(&s->reg.ix, collect_series, s);
}

/* ------------------------------------------------------- the register */

struct listing {
	const char *file;                 /* the page */
	const char *title;                /* its heading */
	const char *type, *status, *year; /* keep only these (NULL: any) */
	int by_date;                      /* one table, newest first, instead of one per type */
};

static int kept(const struct site *s, const struct listing *l, size_t i)
{
	const struct summary *r = s->reg.ix.recs[i];

	return s->slug[i] != NULL && (l->type == NULL || strcmp(r->schema->name, l->type) == 0) &&
	       (l->status == NULL || (r->status && strcmp(r->status, l->status) == 0)) &&
	       (l->year == NULL || (r->date.days >= 0 && strncmp(r->date.text, l->year, 4) == 0));
}

/* Opens a table with its column heads; labelled by the heading with the
 * id label, else captioned with caption. */
static void table_head(struct buf *b, const char *caption, const char *label)
{
	if (label != NULL) {
		buf_printf(b, "<table aria-labelledby=\"%s\">\n", label);
	} else {
		buf_puts(b, "<table>\n<caption>");
		html_text(b, caption);
		buf_puts(b, "</caption>\n");
	}
	buf_printf(b,
		   "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		   "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		   "</tr></thead>\n<tbody>\n",
		   _("Id"), _("Date"), _("Status"), _("Title"), _("Authority or parties"));
}

static void table_row(struct site *s, struct buf *b, size_t i)
{
	const struct summary *r = s->reg.ix.recs[i];

	buf_puts(b, "<tr data-id=\"");
	html_text(b, r->id);
	buf_printf(b, "\" data-url=\"records/%s.html\" data-type=\"", s->slug[i]);
	html_text(b, r->schema->name);
	buf_puts(b, "\" data-status=\"");
	html_text(b, r->status ? r->status : "");
	buf_printf(b, "\" data-year=\"%.4s\"><td>", r->date.days >= 0 ? r->date.text : "");
	site_record_link(s, b, "", i);
	buf_printf(b, "</td><td>%s</td><td>", r->date.days >= 0 ? r->date.text : "");
	html_text(b, html_status_word(r->status));
	buf_puts(b, "</td><td>");
	html_text(b, r->title ? r->title : "");
	buf_puts(b, "</td><td>");
	html_text(b, s->who[i] ? s->who[i] : "");
	buf_puts(b, "</td></tr>\n");
}

/* A <select> of the values of one filter, each once, in the order given. */
static void filter_select(struct buf *b, const char *key, const char *label,
			  const char *const *values, const char *const *words, size_t n)
{
	size_t k;

	buf_printf(b, "<div><label for=\"f-%s\">%s</label><select id=\"f-%s\">\n", key, label, key);
	buf_printf(b, "<option value=\"\">%s</option>\n", _("all"));
	for (k = 0; k < n; k++) {
		if (k > 0 && strcmp(values[k], values[k - 1]) == 0)
			continue;
		buf_puts(b, "<option value=\"");
		html_text(b, values[k]);
		buf_puts(b, "\">");
		html_text(b, words[k]);
		buf_puts(b, "</option>\n");
	}
	buf_puts(b, "</select></div>\n");
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The values of one column (0 type, 1 status, 2 year) of the published
 * records, sorted, with their display words; returns how many. */
static size_t column_values(struct site *s, int col, const char **values, const char **words,
			    char (*years)[5])
{
	const struct summary *r;
	size_t i, n = 0;

	for (i = 0; i < s->reg.ix.n; i++) {
		r = s->reg.ix.recs[i];
		if (s->slug[i] == NULL)
			continue;
		if (col == 0)
			values[n++] = r->schema->name;
		else if (col == 1 && r->status)
			values[n++] = r->status;
		else if (col == 2 && r->date.days >= 0) {
			memcpy(years[n], r->date.text, 4);
			years[n][4] = '\0';
			values[n] = years[n];
			n++;
		}
	}
	qsort(values, n, sizeof *values, compare_strings);
	for (i = 0; i < n; i++) {
		const struct schema *t =
		    col == 0 ? schema_set_find(&s->run->project->schemas, values[i]) : NULL;

		words[i] = col == 1 ? html_status_word(values[i]) : t ? _(t->title) : values[i];
	}
	return n;
}

/* The filter and search form: hidden until site.js shows it. */
static void put_filters(struct site *s, struct buf *b)
{
	static const char *const keys[] = {"type", "status", "year"};
	const char *labels[3] = {_("Type"), _("Status"), _("Year")};
	const char **values = xmalloc((s->reg.ix.n + 1) * sizeof *values);
	const char **words = xmalloc((s->reg.ix.n + 1) * sizeof *words);
	char(*years)[5] = xmalloc((s->reg.ix.n + 1) * sizeof *years);
	size_t n;
	int c;

	buf_printf(b, "<form id=\"filters\" class=\"filters\" hidden role=\"search\">\n");
	buf_printf(b, "<div><label for=\"q\">%s</label><input id=\"q\" type=\"search\"></div>\n",
		   _("Search by id, title or text"));
	for (c = 0; c < 3; c++) {
		n = column_values(s, c, values, words, years);
		filter_select(b, keys[c], labels[c], values, words, n);
	}
	buf_printf(
	    b, "<p id=\"count\" class=\"count\" aria-live=\"polite\" data-template=\"%s\"></p>\n",
	    _("N records shown"));
	buf_puts(b, "</form>\n");
	free(values);
	free(words);
	free(years);
}

/* Links to the other listings: by type, status and year (without
 * JavaScript, these pages are the filters). */
static void put_listing_links(struct site *s, struct buf *b);

static void write_listing(struct site *s, const struct listing *l)
{
	const struct schema *type = NULL;
	struct site_file page;
	struct buf *b = &page.b;
	size_t k, i, shown = 0, *order = xmalloc((s->reg.n + 1) * sizeof *order);
	char *label;
	int open = 0;

	site_file_open(s, &page, l->file);
	html_open(b, "", l->title, 1);
	buf_puts(b, "<h1>");
	html_text(b, l->title);
	buf_puts(b, "</h1>\n");
	put_listing_links(s, b);
	put_filters(s, b);
	for (k = 0; k < s->reg.n; k++)
		order[k] = s->reg.rows[k];
	for (k = 0; k < s->reg.n; k++) {
		i = l->by_date ? order[s->reg.n - 1 - k] : order[k];
		if (!kept(s, l, i))
			continue;
		if (!l->by_date && s->reg.ix.recs[i]->schema != type) {
			if (open)
				buf_puts(b, "</tbody>\n</table>\n");
			type = s->reg.ix.recs[i]->schema;
			label = xasprintf("type-%zu", k);
			buf_printf(b, "<h2 id=\"%s\">", label);
			html_text(b, _(type->title));
			buf_puts(b, "</h2>\n");
			table_head(b, NULL, label);
			free(label);
			open = 1;
		} else if (!open) {
			table_head(b, l->title, NULL);
			open = 1;
		}
		table_row(s, b, i);
		shown++;
		site_file_part(s, &page);
	}
	if (open)
		buf_puts(b, "</tbody>\n</table>\n");
	if (shown == 0)
		buf_printf(b, "<p>%s</p>\n", _("No records."));
	html_close(b);
	site_file_close(s, &page);
	free(order);
}

static const struct site *date_site;

/* Newest first for by-date: the register rows sorted by date, then id. */
static int by_date(const void *pa, const void *pb)
{
	const struct summary *a = date_site->reg.ix.recs[*(const size_t *)pa];
	const struct summary *b = date_site->reg.ix.recs[*(const size_t *)pb];
	int rc =
	    strcmp(a->date.days >= 0 ? a->date.text : "", b->date.days >= 0 ? b->date.text : "");

	if (rc == 0)
		rc = reg_id_compare(a->id ? a->id : "", b->id ? b->id : "");
	return rc != 0 ? rc : strcmp(a->path, b->path);
}

/* The page name of a listing: kind-value.html, the value made safe. */
static char *listing_file(const char *kind, const char *value)
{
	char *name = file_name(value), *file = xasprintf("%s-%s.html", kind, name);

	free(name);
	return file;
}

static void put_listing_group(struct site *s, struct buf *b, int col, const char *kind,
			      const char *label)
{
	const char **values = xmalloc((s->reg.ix.n + 1) * sizeof *values);
	const char **words = xmalloc((s->reg.ix.n + 1) * sizeof *words);
	char(*years)[5] = xmalloc((s->reg.ix.n + 1) * sizeof *years), *file;
	size_t n = column_values(s, col, values, words, years), k;

	buf_printf(b, "<h2 class=\"muted\">%s</h2>\n<ul class=\"pages\">\n", label);
	for (k = 0; k < n; k++) {
		if (k > 0 && strcmp(values[k], values[k - 1]) == 0)
			continue;
		file = listing_file(kind, values[k]);
		buf_printf(b, "<li><a href=\"%s\">", file);
		html_text(b, words[k]);
		buf_puts(b, "</a></li>\n");
		free(file);
	}
	buf_puts(b, "</ul>\n");
	free(values);
	free(words);
	free(years);
}

static void put_listing_links(struct site *s, struct buf *b)
{
	buf_printf(b, "<nav aria-label=\"%s\">\n", _("Listings"));
	put_listing_group(s, b, 0, "type", _("By type"));
	put_listing_group(s, b, 1, "status", _("By status"));
	put_listing_group(s, b, 2, "year", _("By year"));
	buf_puts(b, "</nav>\n");
}

/* Writes the pages of one column's values. */
static void write_listings_of(struct site *s, int col, const char *kind)
{
	const char **values = xmalloc((s->reg.ix.n + 1) * sizeof *values);
	const char **words = xmalloc((s->reg.ix.n + 1) * sizeof *words);
	char(*years)[5] = xmalloc((s->reg.ix.n + 1) * sizeof *years), *file, *title;
	size_t n = column_values(s, col, values, words, years), k;
	struct listing l;

	for (k = 0; k < n && !s->failed; k++) {
		if (k > 0 && strcmp(values[k], values[k - 1]) == 0)
			continue;
		file = listing_file(kind, values[k]);
		title = xasprintf("%s: %s", _("Register"), words[k]);
		memset(&l, 0, sizeof l);
		l.file = file;
		l.title = title;
		l.type = col == 0 ? values[k] : NULL;
		l.status = col == 1 ? values[k] : NULL;
		l.year = col == 2 ? values[k] : NULL;
		write_listing(s, &l);
		free(file);
		free(title);
	}
	free(values);
	free(words);
	free(years);
}

static void write_register(struct site *s)
{
	struct listing l = {"index.html", NULL, NULL, NULL, NULL, 0};
	size_t *rows = s->reg.rows;

	l.title = _("Register");
	write_listing(s, &l);
	write_listings_of(s, 0, "type");
	write_listings_of(s, 1, "status");
	write_listings_of(s, 2, "year");
	/* by-date: the same rows in date order (write_listing reads them backwards). */
	s->reg.rows = xmalloc((s->reg.n + 1) * sizeof *rows);
	memcpy(s->reg.rows, rows, s->reg.n * sizeof *rows);
	date_site = s;
	if (s->reg.n > 1)
		qsort(s->reg.rows, s->reg.n, sizeof *rows, by_date);
	l = (struct listing){"by-date.html", _("Register by date"), NULL, NULL, NULL, 1};
	write_listing(s, &l);
	free(s->reg.rows);
	s->reg.rows = rows;
}

/* --------------------------------------------------------------- due */

static void write_due(struct site *s)
{
	struct due_list d;
	const struct due_item *it;
	const struct summary *r;
	struct buf b = {0};
	size_t k;

	due_build(&d, &s->reg.ix, s->run->as_of, s->as_of + 366);
	html_open(&b, "", _("Due"), 0);
	buf_printf(&b, "<h1>%s</h1>\n<p>", _("Due"));
	buf_printf(&b, _("What is due or overdue on %s, and what falls due within a year."),
		   s->run->as_of);
	buf_puts(&b, "</p>\n");
	table_head(&b, _("Due"), NULL);
	/* The same columns as the register, with what and when first. */
	b.len -= strlen("</tr></thead>\n<tbody>\n");
	b.data[b.len] = '\0';
	buf_printf(&b, "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n", _("What"));
	for (k = 0; k < d.n; k++) {
		it = &d.items[k];
		r = s->reg.ix.recs[it->record];
		if (s->slug[it->record] == NULL)
			continue;
		buf_puts(&b, "<tr><td>");
		site_record_link(s, &b, "", it->record);
		buf_printf(&b, "</td><td>%s</td><td%s>", it->date,
			   it->overdue ? " class=\"overdue\"" : "");
		html_text(&b, due_state(it));
		buf_puts(&b, "</td><td>");
		html_text(&b, it->kind == DUE_SERIES ? r->series : r->title ? r->title : "");
		buf_puts(&b, "</td><td>");
		html_text(&b, s->who[it->record] ? s->who[it->record] : "");
		buf_puts(&b, "</td><td>");
		html_text(&b, due_what(it));
		buf_puts(&b, "</td></tr>\n");
	}
	buf_puts(&b, "</tbody>\n</table>\n");
	html_close(&b);
	site_put(s, "due.html", &b);
	buf_free(&b);
	due_free(&d);
}

/* --------------------------------------------- feed, sitemap, search */

static void xml_text(struct buf *b, const char *s)
{
	html_text(b, s);
}

static void write_feed(struct site *s)
{
	const struct summary *r;
	struct buf b = {0};
	size_t k, i, n = 0, *rows = xmalloc((s->reg.n + 1) * sizeof *rows);
	const char *base = s->o->base_url ? s->o->base_url : "";

	memcpy(rows, s->reg.rows, s->reg.n * sizeof *rows);
	date_site = s;
	if (s->reg.n > 1)
		qsort(rows, s->reg.n, sizeof *rows, by_date);
	buf_puts(&b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
		     "<feed xmlns=\"http://www.w3.org/2005/Atom\"");
	if (base[0] != '\0') {
		buf_puts(&b, " xml:base=\"");
		xml_text(&b, base);
		buf_puts(&b, "\"");
	}
	buf_puts(&b, ">\n<title>");
	xml_text(&b, _("Register"));
	buf_puts(&b, "</title>\n<id>");
	xml_text(&b, base[0] ? base : "urn:clerk:register");
	buf_puts(&b, "</id>\n<link href=\"index.html\"/>\n");
	for (k = s->reg.n; k-- > 0 && n < FEED_MAX;) {
		i = rows[k];
		r = s->reg.ix.recs[i];
		if (s->slug[i] == NULL || r->date.days < 0)
			continue;
		if (n++ == 0)
			buf_printf(
			    &b,
			    "<updated>%sT00:00:00Z</updated>\n<author><name>%s</name></author>\n",
			    r->date.text, "clerk");
		buf_puts(&b, "<entry>\n<title>");
		xml_text(&b, r->title ? r->title : r->id);
		buf_printf(&b, "</title>\n<id>urn:clerk:record:%s</id>\n", s->slug[i]);
		buf_printf(&b, "<link href=\"records/%s.html\"/>\n", s->slug[i]);
		buf_printf(&b, "<updated>%sT00:00:00Z</updated>\n<summary>", r->date.text);
		xml_text(&b, _(r->schema->title));
		buf_puts(&b, " ");
		xml_text(&b, r->id);
		buf_puts(&b, ", ");
		xml_text(&b, html_status_word(r->status));
		buf_puts(&b, "</summary>\n</entry>\n");
	}
	if (n == 0)
		buf_puts(&b, "<updated>1970-01-01T00:00:00Z</updated>\n"
			     "<author><name>clerk</name></author>\n");
	buf_puts(&b, "</feed>\n");
	site_put(s, "feed.xml", &b);
	buf_free(&b);
	free(rows);
}

static void sitemap_url(struct buf *b, const char *base, const char *page)
{
	size_t n = strlen(base);

	buf_puts(b, "<url><loc>");
	xml_text(b, base);
	if (n > 0 && base[n - 1] != '/')
		buf_puts(b, "/");
	xml_text(b, page);
	buf_puts(b, "</loc></url>\n");
}

/* sitemap.xml lists absolute addresses, so it is written only with a base URL. */
static void write_sitemap(struct site *s)
{
	struct site_file f;
	struct buf *b = &f.b;
	char *page;
	size_t k, i;

	if (s->o->base_url == NULL)
		return;
	site_file_open(s, &f, "sitemap.xml");
	buf_puts(b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
		    "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
	sitemap_url(b, s->o->base_url, "index.html");
	sitemap_url(b, s->o->base_url, "by-date.html");
	sitemap_url(b, s->o->base_url, "due.html");
	for (k = 0; k < s->reg.n; k++) {
		i = s->reg.rows[k];
		if (s->slug[i] == NULL)
			continue;
		page = xasprintf("records/%s.html", s->slug[i]);
		sitemap_url(b, s->o->base_url, page);
		free(page);
		site_file_part(s, &f);
	}
	buf_puts(b, "</urlset>\n");
	site_file_close(s, &f);
}

/* A JSON string for a script: as JSON, with '<' escaped too. */
static void js_string(struct buf *b, const char *text)
{
	char *data = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&data, &size);
	size_t k;

	if (f == NULL)
		return;
	out_json_string(f, text);
	fclose(f);
	for (k = 0; k < size; k++) {
		if (data[k] == '<')
			buf_puts(b, "\\u003c");
		else
			buf_add(b, data + k, 1);
	}
	free(data);
}

/* The search index: one entry per published record, added as its page is
 * written (search_entry), in the order of the register. */
static void search_entry(struct site *s, struct site_file *f, size_t i)
{
	const struct summary *r = s->reg.ix.recs[i];

	buf_printf(&f->b, "{\"u\":\"records/%s.html\",\"i\":", s->slug[i]);
	js_string(&f->b, r->id);
	buf_puts(&f->b, ",\"t\":");
	js_string(&f->b, r->title ? r->title : "");
	buf_puts(&f->b, ",\"x\":");
	js_string(&f->b, s->words ? s->words : "");
	buf_puts(&f->b, "},\n");
	site_file_part(s, f);
}

/* Writes the page of every published record, and the search index. */
static void write_records(struct site *s)
{
	struct site_file search;
	size_t k, i;

	site_file_open(s, &search, "search-index.js");
	buf_puts(&search.b, "window.clerkSearch = [\n");
	for (k = 0; k < s->reg.n && !s->failed; k++) {
		i = s->reg.rows[k];
		if (s->slug[i] == NULL)
			continue;
		site_record_page(s, i);
		search_entry(s, &search, i);
		free(s->words);
		s->words = NULL;
	}
	buf_puts(&search.b, "];\n");
	site_file_close(s, &search);
}

/* --------------------------------------------------------------- all */

static void put_static(struct site *s, const char *rel, const char *text)
{
	struct buf b = {0};

	buf_puts(&b, text);
	site_put(s, rel, &b);
	buf_free(&b);
}

static void site_free(struct site *s)
{
	size_t i;

	for (i = 0; i < s->reg.ix.n; i++) {
		free(s->slug[i]);
		free(s->who[i]);
	}
	free(s->slug);
	free(s->who);
	free(s->words);
	free(s->series_group);
	free(s->series_members);
	free(s->series_len);
	reg_free(&s->reg);
}

int publish_site(const struct check_run *run, const struct publish_options *o, const char *dir,
		 void (*note)(const char *path, const char *reason), char *why, size_t why_len)
{
	struct site s;
	char *records = xasprintf("%s/records", dir);
	size_t k;

	memset(&s, 0, sizeof s);
	s.run = run;
	s.o = o;
	s.dir = dir;
	date_parse(run->as_of, strlen(run->as_of), &s.as_of);
	reg_build(&s.reg, run, NULL);
	s.slug = xcalloc(s.reg.ix.n + 1, sizeof *s.slug);
	s.who = xcalloc(s.reg.ix.n + 1, sizeof *s.who);
	choose_records(&s, note);
	find_series(&s);
	if (mkdir(records, 0777) != 0) {
		s.failed = 1;
		snprintf(s.why, sizeof s.why, "records: %s", strerror(errno));
	}
	put_static(&s, PUBLISH_MARK,
		   "This folder was written by clerk publish, which replaces it.\n");
	put_static(&s, "site.css", html_site_css);
	put_static(&s, "site.js", html_site_js);
	put_static(&s, "favicon.svg", html_favicon_svg);
	write_records(&s);
	write_register(&s);
	write_due(&s);
	write_feed(&s);
	write_sitemap(&s);
	snprintf(why, why_len, "%s", s.why);
	k = (size_t)s.failed;
	site_free(&s);
	free(records);
	return k ? -1 : 0;
}
