/* SPDX-License-Identifier: EUPL-1.2 */
/* reg_text.h - text helpers of the register commands (list, graph, index):
 * escaping for CSV, Markdown tables, DOT and Mermaid, terminal widths, the
 * order of ids and relative paths. Pure functions, each unit-tested. */
#ifndef CLERK_REG_TEXT_H
#define CLERK_REG_TEXT_H

#include <stddef.h>
#include <stdio.h>

#include "util.h"

/* Fills cells[0..ncols) with the texts of row k of data (0 <= k < n). */
typedef void (*reg_row_fn)(const void *data, size_t k, const char **cells);
/* The most columns a table or CSV of reg_write_rows has. */
#define REG_MAX_COLS 8
/* Writes heads and then rows 0..n of data as a table for the terminal
 * (columns aligned by their display width, control characters escaped),
 * or, with csv, as CSV (RFC 4180: fields quoted when they need it, lines
 * ending in CRLF). ncols is at most REG_MAX_COLS. */
void reg_write_rows(FILE *f, int csv, const char *const *heads, size_t ncols, size_t n,
		    reg_row_fn row, const void *data);

/* Appends s as one CSV field (RFC 4180): in double quotes, quotes doubled,
 * when it holds a comma, a quote, a CR or an LF; as it is otherwise. */
void reg_csv_field(struct buf *b, const char *s);
/* Appends s as the text of a Markdown table cell: line breaks and other
 * control characters become spaces, the characters that start Markdown or
 * HTML (\ ` * _ [ ] < > & | ~) are escaped with a backslash, bytes that are
 * not UTF-8 become U+FFFD. */
void reg_md_cell(struct buf *b, const char *s);
/* Appends s for a DOT double-quoted string (quotes not included): " and \
 * escaped, line breaks and control characters as spaces, bad UTF-8 as U+FFFD. */
void reg_dot_text(struct buf *b, const char *s);
/* Appends s for a double-quoted Mermaid label (quotes not included): letters,
 * digits, spaces, - _ . , : / ( ) and printable non-ASCII text stay; other
 * ASCII punctuation and hidden controls become entity codes (#35;), line
 * breaks and control characters spaces, bad UTF-8 U+FFFD. */
void reg_mermaid_text(struct buf *b, const char *s);
/* Returns s with control characters escaped as fput_escaped does (malloc'd). */
char *reg_terminal_text(const char *s);
/* Returns the columns s takes on a terminal: one per character, two for
 * East Asian wide ones, none for combining marks. */
size_t reg_display_width(const char *s);
/* Compares two ids as a person would: runs of digits by their value
 * (2024-9 before 2024-10), the rest byte by byte, then as plain text so
 * that the order is total. Returns <0, 0 or >0. */
int reg_id_compare(const char *a, const char *b);
/* Returns the path of file to relative to the folder from (both absolute
 * and normalised, as realpath gives them), such as "../besluiten/x.md"
 * (malloc'd). */
char *reg_relative_path(const char *from, const char *to);

#endif
