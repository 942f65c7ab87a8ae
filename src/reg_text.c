/* SPDX-License-Identifier: EUPL-1.2 */
/* reg_text.c - escaping, widths, id order and relative paths for list, graph and index. */
#include "reg_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "out_util.h"

#define REPLACEMENT "\xef\xbf\xbd"

/* Reads the character at s: returns its length in bytes (1 for a byte that
 * does not start valid UTF-8, whose code point is then U+FFFD). */
static size_t next_char(const char *s, unsigned long *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t k = out_utf8_len(s), i;

	if (k == 0) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = k == 1 ? p[0] : (unsigned long)(p[0] & (0x7F >> k));
	for (i = 1; i < k; i++)
		*cp = (*cp << 6) | (p[i] & 0x3F);
	return k;
}

/* C0 and C1 controls and DEL: never written as they are. */
static int is_control(unsigned long c)
{
	return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

/* Characters that reorder or hide text on screen. */
static int is_hidden(unsigned long c)
{
	return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E ||
	       c == 0x200F || c == 0x061C || c == 0x2028 || c == 0x2029;
}

/* Appends the character at s (of k bytes, code point cp): U+FFFD for a bad byte. */
static void add_char(struct buf *b, const char *s, size_t k, unsigned long cp)
{
	if (cp == 0xFFFD && k == 1)
		buf_puts(b, REPLACEMENT);
	else
		buf_add(b, s, k);
}

void reg_csv_field(struct buf *b, const char *s)
{
	const char *p;

	if (strpbrk(s, ",\"\r\n") == NULL) {
		buf_puts(b, s);
		return;
	}
	buf_puts(b, "\"");
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			buf_puts(b, "\"");
		buf_add(b, p, 1);
	}
	buf_puts(b, "\"");
}

void reg_md_cell(struct buf *b, const char *s)
{
	unsigned long cp;
	size_t k;

	while (*s != '\0') {
		k = next_char(s, &cp);
		if (is_control(cp) || is_hidden(cp))
			buf_puts(b, " ");
		else if (cp < 0x80 && strchr("\\`*_[]<>&|~", (int)cp) != NULL)
			buf_printf(b, "\\%c", (char)cp);
		else
			add_char(b, s, k, cp);
		s += k;
	}
}

void reg_dot_text(struct buf *b, const char *s)
{
	unsigned long cp;
	size_t k;

	while (*s != '\0') {
		k = next_char(s, &cp);
		if (is_control(cp) || is_hidden(cp))
			buf_puts(b, " ");
		else if (cp == '"' || cp == '\\')
			buf_printf(b, "\\%c", (char)cp);
		else
			add_char(b, s, k, cp);
		s += k;
	}
}

static int mermaid_plain(unsigned long c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       (c != 0 && strchr(" -_.,:/()", (int)c) != NULL);
}

void reg_mermaid_text(struct buf *b, const char *s)
{
	unsigned long cp;
	size_t k;

	while (*s != '\0') {
		k = next_char(s, &cp);
		if (is_control(cp))
			buf_puts(b, " ");
		else if ((cp < 0x80 && !mermaid_plain(cp)) || is_hidden(cp) || cp == 0xFFFD)
			buf_printf(b, "#%lu;", cp);
		else
			add_char(b, s, k, cp);
		s += k;
	}
}

char *reg_terminal_text(const char *s)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	if (f == NULL) {
		fputs("clerk: out of memory\n", stderr);
		abort();
	}
	fput_escaped(s, f);
	if (fclose(f) != 0) {
		fputs("clerk: out of memory\n", stderr);
		abort();
	}
	return text;
}

/* Characters that take two columns: East Asian wide and full-width ones, and emoji. */
static int is_wide(unsigned long c)
{
	static const unsigned long ranges[][2] = {
	    {0x1100, 0x115F},   {0x2E80, 0x303E},   {0x3041, 0x33FF},   {0x3400, 0x4DBF},
	    {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},
	    {0xFE30, 0xFE4F},   {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x1F300, 0x1F64F},
	    {0x1F900, 0x1F9FF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
	};
	size_t i;

	for (i = 0; i < sizeof ranges / sizeof *ranges; i++)
		if (c >= ranges[i][0] && c <= ranges[i][1])
			return 1;
	return 0;
}

/* Combining marks and zero-width characters: no column of their own. */
static int is_zero_width(unsigned long c)
{
	return (c >= 0x0300 && c <= 0x036F) || (c >= 0x200B && c <= 0x200D) ||
	       (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0x20D0 && c <= 0x20FF);
}

size_t reg_display_width(const char *s)
{
	unsigned long cp;
	size_t width = 0;

	while (*s != '\0') {
		s += next_char(s, &cp);
		width += is_zero_width(cp) ? 0 : is_wide(cp) ? 2 : 1;
	}
	return width;
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Compares the digit runs at *a and *b by value and moves past them. */
static int compare_numbers(const char **a, const char **b)
{
	const char *x = *a, *y = *b;
	size_t nx, ny;
	int rc;

	while (*x == '0' && is_digit(x[1]))
		x++;
	while (*y == '0' && is_digit(y[1]))
		y++;
	for (nx = 0; is_digit(x[nx]); nx++)
		;
	for (ny = 0; is_digit(y[ny]); ny++)
		;
	*a = x + nx;
	*b = y + ny;
	if (nx != ny)
		return nx < ny ? -1 : 1;
	rc = memcmp(x, y, nx);
	return rc < 0 ? -1 : rc > 0;
}

int reg_id_compare(const char *a, const char *b)
{
	const char *x = a, *y = b;
	int rc;

	while (*x != '\0' && *y != '\0') {
		if (is_digit(*x) && is_digit(*y)) {
			rc = compare_numbers(&x, &y);
			if (rc != 0)
				return rc;
			continue;
		}
		if (*x != *y)
			return (unsigned char)*x < (unsigned char)*y ? -1 : 1;
		x++;
		y++;
	}
	if (*x != *y)
		return *x == '\0' ? -1 : 1;
	rc = strcmp(a, b);
	return rc < 0 ? -1 : rc > 0;
}

char *reg_relative_path(const char *from, const char *to)
{
	struct buf b = {0};
	size_t common = 0, i, nfrom = strlen(from);
	const char *rest, *p;

	/* The longest common run of whole folders. */
	for (i = 0; from[i] != '\0' && from[i] == to[i]; i++)
		if (from[i] == '/')
			common = i + 1;
	if (from[i] == '\0' && to[i] == '/')
		common = i + 1;
	if (strcmp(from, "/") == 0)
		common = 1;
	rest = common <= nfrom ? from + common : "";
	for (p = rest; *p != '\0'; p++)
		if (p == rest || p[-1] == '/')
			buf_puts(&b, "../");
	buf_puts(&b, to + common);
	return buf_take(&b);
}

/* ------------------------------------------------------- tables and CSV */

static void csv_line(FILE *f, const char *const *cells, size_t ncols)
{
	struct buf b = {0};
	size_t c;

	for (c = 0; c < ncols; c++) {
		if (c > 0)
			buf_puts(&b, ",");
		reg_csv_field(&b, cells[c]);
	}
	buf_puts(&b, "\r\n");
	fputs(b.data, f);
	buf_free(&b);
}

static void table_line(FILE *f, char *const *cells, size_t ncols, const size_t *width)
{
	size_t c, w;

	for (c = 0; c < ncols; c++) {
		fputs(cells[c], f);
		if (c + 1 == ncols)
			break;
		for (w = reg_display_width(cells[c]); w < width[c] + 2; w++)
			fputc(' ', f);
	}
	fputc('\n', f);
}

static void write_table(FILE *f, const char *const *heads, size_t ncols, size_t n, reg_row_fn row,
			const void *data)
{
	char **text = xmalloc((n + 1) * ncols * sizeof *text);
	const char *cells[REG_MAX_COLS];
	size_t width[REG_MAX_COLS] = {0}, k, c, w;

	for (k = 0; k <= n; k++) {
		if (k > 0)
			row(data, k - 1, cells);
		for (c = 0; c < ncols; c++) {
			text[k * ncols + c] = reg_terminal_text(k > 0 ? cells[c] : heads[c]);
			w = reg_display_width(text[k * ncols + c]);
			width[c] = w > width[c] ? w : width[c];
		}
	}
	for (k = 0; k <= n; k++)
		table_line(f, text + k * ncols, ncols, width);
	for (k = 0; k < (n + 1) * ncols; k++)
		free(text[k]);
	free(text);
}

void reg_write_rows(FILE *f, int csv, const char *const *heads, size_t ncols, size_t n,
		    reg_row_fn row, const void *data)
{
	const char *cells[REG_MAX_COLS];
	size_t k;

	if (!csv) {
		write_table(f, heads, ncols, n, row, data);
		return;
	}
	csv_line(f, heads, ncols);
	for (k = 0; k < n; k++) {
		row(data, k, cells);
		csv_line(f, cells, ncols);
	}
}
