/* SPDX-License-Identifier: EUPL-1.2 */
/* publish_html.h - HTML text for the site: escaping, the frame of each
 * page, display words in the set's language. */
#ifndef CLERK_PUBLISH_HTML_H
#define CLERK_PUBLISH_HTML_H

#include "util.h"

/* Appends s escaped for HTML text and attribute values (& < > " ' as
 * entities); control characters other than tab and line break and bytes
 * that are not UTF-8 become U+FFFD. */
void html_text(struct buf *b, const char *s);
/* The same for the first n bytes of s. */
void html_textn(struct buf *b, const char *s, size_t n);

/* Opens a page: doctype, the language, the Content-Security-Policy, the
 * title (escaped), the stylesheet and script at root ("" or "../") and,
 * when search is set, the search index; the navigation; then <main>. */
void html_open(struct buf *b, const char *root, const char *title, int search);
/* Closes main, body and html. */
void html_close(struct buf *b);

/* The word a page shows for a status value ("van kracht" for active in
 * Dutch), or the value itself when clerk has no word for it. */
const char *html_status_word(const char *status);
/* Writes the label of a field name into out, in the set's language: in
 * Dutch its first alias when the schema gives one; capitalised, hyphens as
 * spaces. */
void html_field_label(const char *name, const char *const *aliases, size_t naliases, char *out,
		      size_t outlen);

/* The stylesheet (screen and print) and the script of the site. */
extern const char html_site_css[];
extern const char html_favicon_svg[];
extern const char html_site_js[];

#endif
