/* SPDX-License-Identifier: EUPL-1.2 */
/* out_util.h - what several writers share: string escaping, source lines, paths,
 * and the summary line.
 *
 * JSON (json, sarif, gitlab) and XML (junit) strings are escaped here and
 * nowhere else. Text that is not valid UTF-8 comes out with U+FFFD in place
 * of each bad byte, so every writer's output is valid UTF-8. */
#ifndef CLERK_OUT_UTIL_H
#define CLERK_OUT_UTIL_H

#include <stddef.h>
#include <stdio.h>

#include "check.h"

/* Writes s as a JSON string literal, quotes included. */
void out_json_string(FILE *f, const char *s);
/* Writes s as XML character data or attribute text (quotes escaped too);
 * characters XML 1.0 forbids become U+FFFD. */
void out_xml_text(FILE *f, const char *s);
/* Returns the length of the valid UTF-8 sequence at s (1-4), or 0 when the
 * byte at s does not start one. s is NUL-terminated. */
size_t out_utf8_len(const char *s);
/* Returns the number of characters (code points; a bad byte counts as one)
 * in the first n bytes of s. */
size_t out_utf8_count(const char *s, size_t n);

/* A cache of one file's lines for writers that show the source. Files are
 * read when first asked for, only when regular and at most OUT_SOURCE_MAX
 * bytes; a text the run holds for the path (the staged version) is used
 * instead of the file. Zero-initialise, set run, free with out_source_free. */
#define OUT_SOURCE_MAX (4u << 20)
struct out_source {
	char *path; /* the file now held, or NULL */
	char *text;
	size_t len;
	int cur_line; /* the line that starts at cur_off: lines are asked for in order */
	size_t cur_off;
	const struct check_run *run; /* its held texts stand in for the files (--staged) */
};

/* Returns line (from 1) of path without its line ending, its length in
 * *len; NULL when the file cannot be read or has no such line. Valid until
 * the next call with another path. */
const char *out_source_line(struct out_source *src, const char *path, int line, size_t *len);
void out_source_free(struct out_source *src);

/* What a column counts: clerk's findings count bytes; the text, JSON, SARIF,
 * pretty, GitHub and JUnit formats count characters (Unicode code points,
 * as rustc and ruff do); the language server counts UTF-16 code units, as
 * its protocol says. */
enum out_unit { OUT_BYTES, OUT_CHARS, OUT_UTF16 };

/* Returns how many units the first n bytes of s make (a byte that is not
 * valid UTF-8 counts as one). */
size_t out_unit_count(const char *s, size_t n, enum out_unit unit);
/* Returns the byte column col (from 1) on line of path counted in unit
 * (from 1); col itself when the line cannot be read or col lies past its
 * end. A UTF-8 byte-order mark before line 1 is not counted. */
int out_column(struct out_source *src, const char *path, int line, int col, enum out_unit unit);

/* Returns path as a relative URI reference (malloc'd): "./" dropped,
 * characters outside RFC 3986's unreserved set and '/' percent-encoded. */
char *out_uri_path(const char *path);

/* Writes the summary line, such as "3 errors, 1 warning in 12 records". */
void out_summary(FILE *f, const struct check_run *run);

#endif
