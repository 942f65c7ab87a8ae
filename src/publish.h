/* SPDX-License-Identifier: EUPL-1.2 */
/* publish.h - the record set as a static website (`clerk publish`).
 *
 * The site: index.html (the register by type, with pages per year, status
 * and type, and by date), one page per record under records/, due.html,
 * feed.xml (Atom), sitemap.xml (with a base URL), search-index.js, site.css
 * and site.js. Every link is relative, nothing is loaded from elsewhere, a
 * Content-Security-Policy forbids inline script, every value is escaped and
 * bodies are rendered by cmark in safe mode. The same records, as-of date
 * and options give the same bytes. */
#ifndef CLERK_PUBLISH_H
#define CLERK_PUBLISH_H

#include <stddef.h>

#include "check.h"

/* The file in a site's folder that says clerk wrote it (and may replace it). */
#define PUBLISH_MARK ".clerk-site"

struct publish_options {
	const char *base_url; /* absolute address of the site, or NULL */
	int include_drafts;   /* publish drafts too */
};

/* Writes the site of run's records into the folder dir (new and empty).
 * Returns 0, or -1 with what went wrong in why (why_len bytes); the names
 * of records left out are reported through note(path, reason). */
int publish_site(const struct check_run *run, const struct publish_options *o, const char *dir,
		 void (*note)(const char *path, const char *reason), char *why, size_t why_len);

#endif
