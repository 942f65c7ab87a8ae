/* SPDX-License-Identifier: EUPL-1.2 */
/* publish_html.c - escaping, the page frame, display words, and the
 * stylesheet and script every page of the site shares. */
#include "publish_html.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "atomic.h"
#include "i18n.h"
#include "out_util.h"
#include "publish_site.h"

/* ------------------------------------------------------ writing pages */

void site_put(struct site *s, const char *rel, const struct buf *text)
{
	char *path = xasprintf("%s/%s", s->dir, rel);

	if (!s->failed && wfile_tree_create(path, text->data ? text->data : "", text->len) != 0) {
		s->failed = 1;
		snprintf(s->why, sizeof s->why, "%s: %s", rel, strerror(errno));
	}
	free(path);
}

#define PAGE_PART 65536 /* bytes gathered before a part goes to the file */

static void site_file_failed(struct site *s, const struct site_file *f)
{
	if (!s->failed) {
		s->failed = 1;
		snprintf(s->why, sizeof s->why, "%s: %s", f->rel, strerror(errno));
	}
}

void site_file_open(struct site *s, struct site_file *f, const char *rel)
{
	char *path = xasprintf("%s/%s", s->dir, rel);

	memset(f, 0, sizeof *f);
	f->rel = xstrdup(rel);
	if (!s->failed) {
		f->w = wfile_stream_new(path, wfile_new_mode());
		if (f->w == NULL)
			site_file_failed(s, f);
	}
	free(path);
}

static void site_file_write(struct site *s, struct site_file *f)
{
	if (f->w != NULL && f->b.len > 0 && wfile_stream_write(f->w, f->b.data, f->b.len) != 0)
		site_file_failed(s, f);
	f->b.len = 0;
	if (f->b.data != NULL)
		f->b.data[0] = '\0';
}

void site_file_part(struct site *s, struct site_file *f)
{
	if (f->b.len >= PAGE_PART)
		site_file_write(s, f);
}

void site_file_close(struct site *s, struct site_file *f)
{
	site_file_write(s, f);
	if (f->w != NULL && s->failed)
		wfile_stream_abandon(f->w);
	else if (f->w != NULL && wfile_stream_finish(f->w) != 0)
		site_file_failed(s, f);
	f->w = NULL;
	buf_free(&f->b);
	free(f->rel);
	f->rel = NULL;
}

void site_record_link(struct site *s, struct buf *b, const char *root, size_t i)
{
	const char *id = s->reg.ix.recs[i]->id;

	if (s->slug[i] == NULL) {
		html_text(b, id ? id : "");
		return;
	}
	buf_printf(b, "<a href=\"%srecords/%s.html\">", root, s->slug[i]);
	html_text(b, id);
	buf_puts(b, "</a>");
}

/* ----------------------------------------------------------- escaping */

void html_textn(struct buf *b, const char *s, size_t n)
{
	const char *end = s + n;
	size_t k;

	while (s < end && *s != '\0') {
		k = out_utf8_len(s);
		if (k == 0 || s + k > end ||
		    ((unsigned char)*s < 0x20 && *s != '\t' && *s != '\n')) {
			buf_puts(b, "\xef\xbf\xbd");
			s += k ? k : 1;
			continue;
		}
		switch (*s) {
		case '&':
			buf_puts(b, "&amp;");
			break;
		case '<':
			buf_puts(b, "&lt;");
			break;
		case '>':
			buf_puts(b, "&gt;");
			break;
		case '"':
			buf_puts(b, "&quot;");
			break;
		case '\'':
			buf_puts(b, "&#39;");
			break;
		default:
			buf_add(b, s, k);
		}
		s += k;
	}
}

void html_text(struct buf *b, const char *s)
{
	html_textn(b, s, strlen(s));
}

/* Scripts and styles only from the site itself, no inline script, no
 * frames, no forms sent anywhere. */
#define CSP                                                                                        \
	"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "                \
	"base-uri 'none'; form-action 'none'"

void html_open(struct buf *b, const char *root, const char *title, int search)
{
	buf_printf(b,
		   "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
		   "<meta http-equiv=\"Content-Security-Policy\" content=\"" CSP "\">\n"
		   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		   "<meta name=\"referrer\" content=\"no-referrer\">\n<title>",
		   i18n_language());
	html_text(b, title);
	buf_printf(b,
		   "</title>\n<link rel=\"stylesheet\" href=\"%ssite.css\">\n"
		   "<link rel=\"icon\" type=\"image/svg+xml\" href=\"%sfavicon.svg\">\n"
		   "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"%sfeed.xml\">\n",
		   root, root, root);
	if (search)
		buf_printf(b, "<script src=\"%ssearch-index.js\" defer></script>\n", root);
	buf_printf(b,
		   "<script src=\"%ssite.js\" defer></script>\n</head>\n<body>\n"
		   "<a class=\"skip\" href=\"#main\">",
		   root);
	html_text(b, _("Skip to the content"));
	buf_printf(b, "</a>\n<header><nav aria-label=\"");
	html_text(b, _("Site"));
	buf_printf(b, "\"><ul>\n<li><a href=\"%sindex.html\">", root);
	html_text(b, _("Register"));
	buf_printf(b, "</a></li>\n<li><a href=\"%sby-date.html\">", root);
	html_text(b, _("By date"));
	buf_printf(b, "</a></li>\n<li><a href=\"%sdue.html\">", root);
	html_text(b, _("Due"));
	buf_printf(b, "</a></li>\n<li><a href=\"%sfeed.xml\">", root);
	html_text(b, _("Feed"));
	buf_puts(b, "</a></li>\n</ul></nav></header>\n<main id=\"main\">\n");
}

void html_close(struct buf *b)
{
	buf_puts(b, "</main>\n</body>\n</html>\n");
}

const char *html_status_word(const char *status)
{
	static const char *const words[][2] = {
	    {"draft", N_("draft")},           {"adopted", N_("adopted")},
	    {"active", N_("in force")},       {"expired", N_("expired")},
	    {"terminated", N_("terminated")}, {"superseded", N_("superseded")},
	    {"withdrawn", N_("withdrawn")},   {"final", N_("final")},
	};
	size_t i;

	for (i = 0; status != NULL && i < sizeof words / sizeof *words; i++)
		if (strcmp(status, words[i][0]) == 0)
			return _(words[i][1]);
	return status ? status : "";
}

void html_field_label(const char *name, const char *const *aliases, size_t naliases, char *out,
		      size_t outlen)
{
	const char *word = name;
	size_t i;

	if (naliases > 0 && strcmp(i18n_language(), "nl") == 0)
		word = aliases[0];
	snprintf(out, outlen, "%s", word);
	for (i = 0; out[i] != '\0'; i++)
		if (out[i] == '-')
			out[i] = ' ';
	if (out[0] != '\0')
		out[0] = (char)toupper((unsigned char)out[0]);
}

/* The site's icon, so that a browser finds one on the site itself. */
const char html_favicon_svg[] =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\">"
    "<rect width=\"16\" height=\"16\" rx=\"3\" fill=\"#0b4f9c\"/>"
    "<path d=\"M4 4h8M4 8h8M4 12h5\" stroke=\"#fff\" stroke-width=\"1.5\"/></svg>\n";

const char html_site_css[] =
    ":root { --ink: #1b1b1b; --muted: #4a4a4a; --line: #c8c8c8; --link: #0b4f9c; "
    "--bg: #ffffff; --band: #f2f4f7; }\n"
    "* { box-sizing: border-box; }\n"
    "body { margin: 0; font: 1rem/1.5 system-ui, -apple-system, 'Segoe UI', sans-serif; "
    "color: var(--ink); background: var(--bg); }\n"
    "a { color: var(--link); }\n"
    "a:focus, input:focus, select:focus { outline: 3px solid #ffbf47; outline-offset: 1px; }\n"
    ".skip { position: absolute; left: -10000px; }\n"
    ".skip:focus { position: static; }\n"
    "header { background: var(--band); border-bottom: 1px solid var(--line); }\n"
    "header ul { display: flex; flex-wrap: wrap; gap: 1.5rem; list-style: none; margin: 0; "
    "padding: 0.75rem 1.5rem; }\n"
    "main { padding: 1rem 1.5rem 3rem; max-width: 72rem; }\n"
    "h1 { font-size: 1.6rem; line-height: 1.25; }\n"
    "table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.5rem; }\n"
    "caption { text-align: left; font-weight: bold; padding: 0.25rem 0; }\n"
    "th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.6rem; "
    "border-bottom: 1px solid var(--line); }\n"
    "th { background: var(--band); }\n"
    "td:nth-child(1), td:nth-child(2) { white-space: nowrap; }\n"
    "dl.fields { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; "
    "gap: 0.25rem 1rem; }\n"
    "dl.fields dt { font-weight: bold; }\n"
    "dl.fields dd { margin: 0; }\n"
    "dl.fields ul { margin: 0; padding-left: 1.2rem; }\n"
    ".muted, .count { color: var(--muted); }\n"
    ".overdue { font-weight: bold; color: #8a1c1c; }\n"
    ".filters { display: flex; flex-wrap: wrap; gap: 1rem; align-items: end; "
    "margin: 1rem 0; }\n"
    ".filters label { display: block; font-weight: bold; }\n"
    ".filters input, .filters select { font: inherit; padding: 0.25rem; }\n"
    ".pages { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; list-style: none; "
    "padding: 0; }\n"
    "ol.timeline { padding-left: 1.2rem; }\n"
    ".body { max-width: 48rem; }\n"
    "@media print {\n"
    "  @page { size: A4; margin: 2cm; }\n"
    "  header, .skip, .filters, nav { display: none; }\n"
    "  body { font: 11pt/1.4 Georgia, 'Times New Roman', serif; color: #000; }\n"
    "  main { padding: 0; max-width: none; }\n"
    "  a { color: #000; text-decoration: none; }\n"
    "  th { background: none; }\n"
    "  h1, h2, h3 { break-after: avoid; }\n"
    "  tr, li { break-inside: avoid; }\n"
    "}\n";

/* Filtering and search on register pages: the controls are in the page
 * but hidden; this script shows them and hides the rows that do not match.
 * The search index (search-index.js) gives each record's text. */
const char html_site_js[] =
    "'use strict';\n"
    "(function () {\n"
    "  var form = document.getElementById('filters');\n"
    "  if (!form) { return; }\n"
    "  var rows = Array.prototype.slice.call(document.querySelectorAll('tr[data-id]'));\n"
    "  var texts = {};\n"
    "  (window.clerkSearch || []).forEach(function (r) { texts[r.u] = "
    "(r.i + ' ' + r.t + ' ' + r.x).toLowerCase(); });\n"
    "  var fields = ['type', 'status', 'year'];\n"
    "  var count = document.getElementById('count');\n"
    "  function update() {\n"
    "    var q = document.getElementById('q').value.trim().toLowerCase();\n"
    "    var words = q ? q.split(/\\s+/) : [];\n"
    "    var shown = 0;\n"
    "    rows.forEach(function (row) {\n"
    "      var ok = fields.every(function (f) {\n"
    "        var v = document.getElementById('f-' + f).value;\n"
    "        return v === '' || row.getAttribute('data-' + f) === v;\n"
    "      });\n"
    "      var text = texts[row.getAttribute('data-url')] ||\n"
    "        (row.getAttribute('data-id') + ' ' + row.textContent).toLowerCase();\n"
    "      ok = ok && words.every(function (w) { return text.indexOf(w) >= 0; });\n"
    "      row.hidden = !ok;\n"
    "      if (ok) { shown++; }\n"
    "    });\n"
    "    count.textContent = count.getAttribute('data-template').replace('N', String(shown));\n"
    "  }\n"
    "  form.hidden = false;\n"
    "  form.addEventListener('input', update);\n"
    "  form.addEventListener('change', update);\n"
    "  form.addEventListener('submit', function (e) { e.preventDefault(); update(); });\n"
    "  update();\n"
    "})();\n";
