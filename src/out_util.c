/* SPDX-License-Identifier: EUPL-1.2 */
/* out_util.c - what the writers share: escaping for JSON and XML, UTF-8
 * counting, source lines, URI paths, and the summary line. */
#include "out_util.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "i18n.h"
#include "util.h"

#define REPLACEMENT "\xef\xbf\xbd"

/* Returns 1 when c is a UTF-8 continuation byte. */
static int cont(unsigned char c)
{
	return (c & 0xc0) == 0x80;
}

size_t out_utf8_len(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf && cont(p[1]))
		return 2;
	if (p[0] >= 0xe0 && p[0] <= 0xef && cont(p[1]) && cont(p[2])) {
		if ((p[0] == 0xe0 && p[1] < 0xa0) || (p[0] == 0xed && p[1] > 0x9f))
			return 0; /* overlong, or a UTF-16 surrogate */
		return 3;
	}
	if (p[0] >= 0xf0 && p[0] <= 0xf4 && cont(p[1]) && cont(p[2]) && cont(p[3])) {
		if ((p[0] == 0xf0 && p[1] < 0x90) || (p[0] == 0xf4 && p[1] > 0x8f))
			return 0;
		return 4;
	}
	return 0;
}

size_t out_utf8_count(const char *s, size_t n)
{
	size_t i = 0, count = 0, k;

	while (i < n && s[i] != '\0') {
		k = out_utf8_len(s + i);
		i += k ? k : 1;
		count++;
	}
	return count;
}

void out_json_string(FILE *f, const char *s)
{
	unsigned char c;
	size_t k;

	fputc('"', f);
	while (*s != '\0') {
		c = (unsigned char)*s;
		k = out_utf8_len(s);
		if (k == 0) {
			fputs(REPLACEMENT, f);
			k = 1;
		} else if (c == '"' || c == '\\') {
			fprintf(f, "\\%c", c);
		} else if (c == '\n') {
			fputs("\\n", f);
		} else if (c == '\r') {
			fputs("\\r", f);
		} else if (c == '\t') {
			fputs("\\t", f);
		} else if (c < 0x20 || c == 0x7f) {
			fprintf(f, "\\u%04x", c);
		} else {
			fwrite(s, 1, k, f);
		}
		s += k;
	}
	fputc('"', f);
}

/* XML 1.0 allows tab, LF, CR and everything from U+0020 on except
 * U+FFFE and U+FFFF. */
static int xml_allowed(const char *s, size_t k)
{
	unsigned char c = (unsigned char)s[0];

	if (k == 1)
		return c >= 0x20 || c == '\t' || c == '\n' || c == '\r';
	return !(k == 3 && c == 0xef && (unsigned char)s[1] == 0xbf && (unsigned char)s[2] >= 0xbe);
}

static const struct {
	char c;
	const char *entity;
} xml_entities[] = {{'&', "&amp;"},   {'<', "&lt;"},   {'>', "&gt;"},   {'"', "&quot;"},
		    {'\'', "&apos;"}, {'\n', "&#10;"}, {'\r', "&#13;"}, {'\t', "&#9;"}};

static const char *xml_entity(char c)
{
	size_t i;

	for (i = 0; i < sizeof xml_entities / sizeof *xml_entities; i++)
		if (xml_entities[i].c == c)
			return xml_entities[i].entity;
	return NULL;
}

void out_xml_text(FILE *f, const char *s)
{
	const char *entity;
	size_t k;

	while (*s != '\0') {
		k = out_utf8_len(s);
		entity = k == 1 ? xml_entity(*s) : NULL;
		if (k == 0 || !xml_allowed(s, k))
			fputs(REPLACEMENT, f);
		else if (entity != NULL)
			fputs(entity, f);
		else
			fwrite(s, 1, k, f);
		s += k ? k : 1;
	}
}

/* Reads path into src when it is a regular file of at most OUT_SOURCE_MAX
 * bytes; returns 0, or -1 (src->text stays NULL). */
static int source_load(struct out_source *src, const char *path)
{
	struct read_error err;
	size_t i;

	free(src->path);
	free(src->text);
	src->path = xstrdup(path);
	src->text = NULL;
	src->len = 0;
	src->cur_line = 1;
	src->cur_off = 0;
	for (i = 0; src->run != NULL && i < src->run->ntexts; i++)
		if (strcmp(src->run->texts[i].path, path) == 0) {
			src->len = src->run->texts[i].len;
			src->text = xmalloc(src->len + 1);
			memcpy(src->text, src->run->texts[i].text, src->len + 1);
			return 0;
		}
	src->text = read_file(path, OUT_SOURCE_MAX, &src->len, &err);
	return src->text ? 0 : -1;
}

const char *out_source_line(struct out_source *src, const char *path, int line, size_t *len)
{
	const char *p, *end, *nl;

	if ((src->path == NULL || strcmp(src->path, path) != 0) && source_load(src, path) != 0)
		return NULL;
	if (src->text == NULL || line < 1)
		return NULL;
	if (line < src->cur_line) {
		src->cur_line = 1;
		src->cur_off = 0;
	}
	p = src->text + src->cur_off;
	end = src->text + src->len;
	for (; src->cur_line < line; src->cur_line++) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			return NULL;
		p = nl + 1;
		src->cur_off = (size_t)(p - src->text);
	}
	nl = memchr(p, '\n', (size_t)(end - p));
	*len = (size_t)((nl ? nl : end) - p);
	if (*len > 0 && p[*len - 1] == '\r')
		(*len)--;
	return p;
}

size_t out_unit_count(const char *s, size_t n, enum out_unit unit)
{
	size_t i = 0, count = 0, k;

	if (unit == OUT_BYTES)
		return n;
	while (i < n) {
		k = out_utf8_len(s + i);
		/* UTF-16 needs two units (a surrogate pair) above U+FFFF. */
		count += unit == OUT_UTF16 && k == 4 ? 2 : 1;
		i += k ? k : 1;
	}
	return count;
}

int out_column(struct out_source *src, const char *path, int line, int col, enum out_unit unit)
{
	size_t len;
	const char *text = out_source_line(src, path, line, &len);

	if (text == NULL || col < 1 || (size_t)col - 1 > len || unit == OUT_BYTES)
		return col;
	if (line == 1 && len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
	}
	if ((size_t)col - 1 > len)
		return col;
	return (int)out_unit_count(text, (size_t)col - 1, unit) + 1;
}

void out_source_free(struct out_source *src)
{
	free(src->path);
	free(src->text);
	memset(src, 0, sizeof *src);
}

static int uri_plain(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
}

char *out_uri_path(const char *path)
{
	struct buf b = {0};

	while (path[0] == '.' && path[1] == '/')
		path += 2;
	for (; *path != '\0'; path++) {
		if (uri_plain((unsigned char)*path))
			buf_add(&b, path, 1);
		else
			buf_printf(&b, "%%%02X", (unsigned char)*path);
	}
	return buf_take(&b);
}

void out_summary(FILE *f, const struct check_run *run)
{
	size_t errors = diag_list_count(&run->diags, SEV_ERROR);
	size_t warnings = diag_list_count(&run->diags, SEV_WARNING);
	size_t infos = diag_list_count(&run->diags, SEV_INFO);
	size_t records = run->nrecords;
	char *e = xasprintf(ngettext("%zu error", "%zu errors", errors), errors);
	char *w = xasprintf(ngettext("%zu warning", "%zu warnings", warnings), warnings);
	char *i = xasprintf(ngettext("%zu info", "%zu info", infos), infos);
	char *r = xasprintf(ngettext("%zu record", "%zu records", records), records);

	/* TRANSLATORS: the summary line, such as "2 errors, 1 warning in 12 records". */
	if (infos > 0)
		fprintf(f, _("%s, %s, %s in %s"), e, w, i, r);
	else
		fprintf(f, _("%s, %s in %s"), e, w, r);
	if (run->excluded > 0)
		fprintf(f,
			ngettext(" (%zu named file excluded)", " (%zu named files excluded)",
				 run->excluded),
			run->excluded);
	fputc('\n', f);
	free(e);
	free(w);
	free(i);
	free(r);
}
