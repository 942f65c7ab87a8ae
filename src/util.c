/* SPDX-License-Identifier: EUPL-1.2 */
/* util.c - allocation that aborts on exhaustion, growable buffers, file reading. */
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8proc.h>

#include "i18n.h"

static void out_of_memory(void)
{
	fputs(_("clerk: out of memory\n"), stderr);
	abort();
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (p == NULL)
		out_of_memory();
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);

	if (p == NULL)
		out_of_memory();
	return p;
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);

	if (p == NULL)
		out_of_memory();
	return p;
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xvasprintf(const char *fmt, va_list ap)
{
	va_list copy;
	int n;
	char *p;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		out_of_memory();
	p = xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

void xgrow(void **items, size_t *cap, size_t n, size_t elem)
{
	size_t want;

	if (n < *cap)
		return;
	want = *cap ? *cap * 2 : 8;
	while (want <= n)
		want *= 2;
	*items = xrealloc(*items, want * elem);
	*cap = want;
}

void buf_add(struct buf *b, const char *s, size_t n)
{
	xgrow((void **)&b->data, &b->cap, b->len + n + 1, 1);
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void buf_puts(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	buf_puts(b, s);
	free(s);
}

char *buf_take(struct buf *b)
{
	char *s = b->data ? b->data : xstrdup("");

	b->data = NULL;
	b->len = b->cap = 0;
	return s;
}

void buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

void format_size(unsigned long n, char *out, size_t outlen)
{
	const unsigned long mb = 1024ul * 1024ul;

	if (n >= mb && n % mb == 0)
		snprintf(out, outlen, "%lu MB", n / mb);
	else if (n >= mb)
		snprintf(out, outlen, "%.1f MB", (double)n / (double)mb);
	else if (n >= 1024 && n % 1024 == 0)
		snprintf(out, outlen, "%lu KB", n / 1024);
	else if (n >= 1024)
		snprintf(out, outlen, "%.1f KB", (double)n / 1024.0);
	else
		snprintf(out, outlen, ngettext("%lu byte", "%lu bytes", n), n);
}

/* The kinds of files that are never read, in plain words. */
static const char *file_kind(mode_t mode)
{
	if (S_ISDIR(mode))
		return _("a folder");
	if (S_ISFIFO(mode))
		return _("a named pipe");
	if (S_ISCHR(mode))
		return _("a character device");
	if (S_ISBLK(mode))
		return _("a block device");
	if (S_ISSOCK(mode))
		return _("a socket");
	return _("not a plain file");
}

static char *read_failed(struct read_error *err, enum read_fail kind, int fd)
{
	int saved = errno;

	if (fd >= 0)
		close(fd);
	err->kind = kind;
	if (kind == READ_ERRNO) {
		err->err = saved ? saved : EIO;
		snprintf(err->message, sizeof err->message, "%s", strerror(err->err));
	}
	errno = err->err ? err->err : EINVAL;
	return NULL;
}

/* size is the size found, or 0 when the file grew past limit while read. */
static void too_large(struct read_error *err, unsigned long size, size_t limit)
{
	char found[32], max[32];

	err->size = size ? size : (unsigned long)limit + 1;
	format_size(size, found, sizeof found);
	format_size((unsigned long)limit, max, sizeof max);
	if (size == 0)
		snprintf(err->message, sizeof err->message,
			 _("the file is larger than the limit of %s"), max);
	else
		snprintf(err->message, sizeof err->message,
			 _("the file is %s, more than the limit of %s"), found, max);
}

/* Reads the open file fd whole, expect bytes or more (it may grow while
 * read), at most limit, straight into the buffer: no copy, no regrowth
 * when the size is right. Returns the text (malloc'd), or NULL with err. */
static char *read_all(int fd, size_t expect, size_t limit, size_t *len, struct read_error *err)
{
	struct buf b = {0};
	ssize_t n;

	b.cap = expect + 2; /* room for one byte more, to see the end */
	b.data = xmalloc(b.cap);
	for (;;) {
		if (b.len + 1 >= b.cap)
			xgrow((void **)&b.data, &b.cap, b.len + 65536, 1);
		n = read(fd, b.data + b.len, b.cap - 1 - b.len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			buf_free(&b);
			return read_failed(err, READ_ERRNO, fd);
		}
		if (n == 0)
			break;
		if (b.len + (size_t)n > limit) { /* the file grew while being read */
			buf_free(&b);
			too_large(err, 0, limit);
			return read_failed(err, READ_TOO_LARGE, fd);
		}
		b.len += (size_t)n;
	}
	close(fd);
	b.data[b.len] = '\0';
	*len = b.len;
	return buf_take(&b);
}

char *read_file(const char *path, size_t limit, size_t *len, struct read_error *err)
{
	struct stat st;
	int fd;

	memset(err, 0, sizeof *err);
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return read_failed(err, READ_ERRNO, -1);
	if (fstat(fd, &st) != 0)
		return read_failed(err, READ_ERRNO, fd);
	if (!S_ISREG(st.st_mode)) {
		snprintf(err->message, sizeof err->message, _("not a regular file (%s)"),
			 file_kind(st.st_mode));
		return read_failed(err, READ_NOT_REGULAR, fd);
	}
	if ((unsigned long long)st.st_size > (unsigned long long)limit) {
		too_large(err, (unsigned long)st.st_size, limit);
		return read_failed(err, READ_TOO_LARGE, fd);
	}
	return read_all(fd, (size_t)st.st_size, limit, len, err);
}

struct dir_entry {
	char *name;
	unsigned char kind;
};

static int compare_entries(const void *a, const void *b)
{
	return strcmp(((const struct dir_entry *)a)->name, ((const struct dir_entry *)b)->name);
}

char **list_dir_kinds(const char *dir, int (*keep)(const char *name), size_t *count,
		      unsigned char **kinds)
{
	DIR *d = opendir(dir);
	struct dir_entry *entries = NULL;
	char **names;
	size_t n = 0, cap = 0, i;
	struct dirent *e;

	if (d == NULL)
		return NULL;
	for (;;) {
		e = readdir(d);
		if (e == NULL)
			break;
		if (!keep(e->d_name))
			continue;
		xgrow((void **)&entries, &cap, n, sizeof *entries);
		entries[n].name = xstrdup(e->d_name);
		entries[n++].kind = e->d_type;
	}
	closedir(d);
	if (n > 1)
		qsort(entries, n, sizeof *entries, compare_entries);
	names = xcalloc(n ? n : 1, sizeof *names);
	*kinds = xcalloc(n ? n : 1, 1);
	for (i = 0; i < n; i++) {
		names[i] = entries[i].name;
		(*kinds)[i] = entries[i].kind;
	}
	free(entries);
	*count = n;
	return names;
}

char **list_dir(const char *dir, int (*keep)(const char *name), size_t *count)
{
	unsigned char *kinds = NULL;
	char **names = list_dir_kinds(dir, keep, count, &kinds);

	free(kinds);
	return names;
}

/* True when the resolved relative path in b ends in "..", which another
 * ".." cannot take away. */
static int ends_in_up(const struct buf *b)
{
	return b->len >= 2 && strcmp(b->data + b->len - 2, "..") == 0 &&
	       (b->len == 2 || b->data[b->len - 3] == '/');
}

/* Takes the last part off b ("/" stays "/"). */
static void drop_part(struct buf *b, int absolute)
{
	char *slash = strrchr(b->data, '/');
	size_t at = slash != NULL ? (size_t)(slash - b->data) : 0;

	b->len = absolute && at == 0 ? 1 : at;
	b->data[b->len] = '\0';
}

/* Appends the first n bytes of path, part by part, to b (which holds a
 * resolved path), resolving ".", ".." and repeated slashes. */
static void add_parts(struct buf *b, const char *path, size_t n, int absolute)
{
	size_t i = 0, part;
	int up;

	while (i < n) {
		for (part = 0; i + part < n && path[i + part] != '/'; part++)
			;
		up = part == 2 && path[i] == '.' && path[i + 1] == '.';
		if (up && absolute)
			drop_part(b, 1);
		else if (up && b->len > 0 && !ends_in_up(b))
			drop_part(b, 0);
		else if (part > 0 && !(part == 1 && path[i] == '.')) {
			if (b->len > 0 && b->data[b->len - 1] != '/')
				buf_add(b, "/", 1);
			buf_add(b, path + i, part);
		}
		i += part + 1;
	}
}

char *path_join_lexical(const char *dir, const char *rel, size_t n)
{
	struct buf b = {0};
	int absolute = (dir[0] == '/') || (rel[0] == '/' && n > 0);

	buf_add(&b, absolute ? "/" : "", absolute ? 1 : 0);
	if (!(n > 0 && rel[0] == '/'))
		add_parts(&b, dir, strlen(dir), absolute);
	add_parts(&b, rel, n, absolute);
	return buf_take(&b);
}

char *path_lexical(const char *path)
{
	return path_join_lexical("", path, strlen(path));
}

void sort_pointers(const void **items, size_t n, int (*cmp)(const void *, const void *))
{
	const void *item;
	size_t i, k;

	if (n > 16) {
		qsort(items, n, sizeof *items, cmp);
		return;
	}
	for (i = 1; i < n; i++) {
		item = items[i];
		for (k = i; k > 0 && cmp(&items[k - 1], &item) > 0; k--)
			items[k] = items[k - 1];
		items[k] = item;
	}
}

char *join_words(const char *const *words, size_t n, const char *quote, const char *last)
{
	struct buf b = {0};
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_puts(&b, i + 1 == n ? _(last) : ", ");
		buf_printf(&b, "%s%s%s", quote, words[i], quote);
	}
	return buf_take(&b);
}

int edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	int row[256], prev, tmp, best;

	if (la > 255 || lb > 255)
		return 255;
	for (j = 0; j <= lb; j++)
		row[j] = (int)j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = (int)i;
		for (j = 1; j <= lb; j++) {
			tmp = row[j];
			best = prev + (a[i - 1] != b[j - 1]);
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			prev = tmp;
		}
	}
	return row[lb];
}

/* Returns the length of the valid UTF-8 sequence at p (at most n bytes)
 * and its code point in *cp, or 0 when it is not valid. */
static size_t utf8_sequence(const unsigned char *p, size_t n, unsigned long *cp)
{
	size_t len, i;
	unsigned long c;

	if (p[0] < 0xC2 || p[0] > 0xF4)
		return 0;
	len = p[0] >= 0xF0 ? 4 : p[0] >= 0xE0 ? 3 : 2;
	if (n < len)
		return 0;
	c = p[0] & (0x7F >> len);
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (p[i] & 0x3F);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
	    (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

int utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned long cp;
	size_t i = 0, k;

	while (i < n) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		k = utf8_sequence(p + i, n - i, &cp);
		if (k == 0)
			return 0;
		i += k;
	}
	return 1;
}

/* C1 controls, and the characters that reorder text on screen. */
static int hidden_control(unsigned long c)
{
	return (c >= 0x80 && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
	       (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
}

void fput_escaped(const char *s, FILE *f)
{
	static const char named[] = {'\n', 'n', '\r', 'r', '\t', 't', '\0'};
	const unsigned char *p = (const unsigned char *)s;
	const char *hit;
	unsigned long cp;
	size_t n = strlen(s), k;

	while (n > 0) {
		if (*p >= 0x20 && *p < 0x7F) {
			fputc(*p, f);
			p++;
			n--;
			continue;
		}
		hit = *p != 0 ? memchr(named, *p, sizeof named - 1) : NULL;
		if (hit != NULL && (hit - named) % 2 == 0) {
			fprintf(f, "\\%c", hit[1]);
			p++;
			n--;
			continue;
		}
		k = *p >= 0x80 ? utf8_sequence(p, n, &cp) : 0;
		if (k == 0)
			fprintf(f, "\\x%02x", *p);
		else if (hidden_control(cp))
			fprintf(f, "\\u{%04lx}", cp);
		else
			fwrite(p, 1, k, f);
		p += k ? k : 1;
		n -= k ? k : 1;
	}
}

int comma_item(const char **p, const char *end, const char **item, size_t *len)
{
	const char *comma, *a, *b;

	if (*p > end)
		return 0;
	comma = memchr(*p, ',', (size_t)(end - *p));
	if (comma == NULL)
		comma = end;
	for (a = *p; a < comma && (*a == ' ' || *a == '\t'); a++)
		;
	for (b = comma; b > a && (b[-1] == ' ' || b[-1] == '\t'); b--)
		;
	*item = a;
	*len = (size_t)(b - a);
	*p = comma + 1;
	return 1;
}

/* Marks in keep[] a longest run of the n positions (in document order)
 * that increase. Patience sorting from the end, O(n log n), so that of two
 * swapped items the later one is the one out of place. */
void longest_increasing(const size_t *pos, size_t n, int *keep)
{
	size_t *tail = xmalloc((n + 1) * sizeof *tail), *prev = xmalloc((n + 1) * sizeof *prev);
	size_t len = 0, lo, hi, mid, i, k;

	for (i = n; i-- > 0;) {
		lo = 0;
		hi = len;
		while (lo < hi) {
			mid = (lo + hi) / 2;
			if (pos[tail[mid]] > pos[i])
				lo = mid + 1;
			else
				hi = mid;
		}
		prev[i] = lo > 0 ? tail[lo - 1] : n;
		tail[lo] = i;
		if (lo == len)
			len++;
	}
	for (k = len ? tail[len - 1] : n; k != n; k = prev[k])
		keep[k] = 1;
	free(tail);
	free(prev);
}

char *read_stream(FILE *f, size_t limit, size_t *len)
{
	struct buf b = {0};
	char chunk[65536];
	size_t n;

	buf_add(&b, "", 0);
	for (n = fread(chunk, 1, sizeof chunk, f); n > 0; n = fread(chunk, 1, sizeof chunk, f)) {
		if (b.len + n > limit) {
			buf_free(&b);
			errno = EFBIG;
			return NULL;
		}
		buf_add(&b, chunk, n);
	}
	if (ferror(f)) {
		buf_free(&b);
		errno = EIO;
		return NULL;
	}
	*len = b.len;
	return buf_take(&b);
}

char *path_from(const char *prefix, const char *path)
{
	struct buf b = {0};
	size_t common = 0, i;

	/* The folders both start with. */
	for (i = 0; prefix[i] != '\0' && prefix[i] == path[i]; i++)
		if (prefix[i] == '/')
			common = i + 1;
	for (i = common; prefix[i] != '\0'; i++)
		if (prefix[i] == '/')
			buf_puts(&b, "../");
	buf_puts(&b, path + common);
	if (b.len > 0 && path[common] == '\0')
		b.data[--b.len] = '\0'; /* "../" up to a folder is written ".." */
	return buf_take(&b);
}

char *path_short_dir(const char *cwd, const char *abs)
{
	size_t n = strlen(abs), nc = strlen(cwd);
	struct buf up = {0};
	const char *c;

	if (strcmp(cwd, abs) == 0)
		return xstrdup(".");
	if (strcmp(abs, "/") != 0 && strncmp(cwd, abs, n) == 0 && cwd[n] == '/') {
		for (c = cwd + n; *c != '\0'; c++)
			if (*c == '/')
				buf_puts(&up, up.len ? "/.." : "..");
		return buf_take(&up);
	}
	if (strcmp(abs, "/") == 0)
		for (c = cwd; *c != '\0'; c++)
			if (*c == '/')
				buf_puts(&up, up.len ? "/.." : "..");
	if (up.len > 0)
		return buf_take(&up);
	if (strcmp(cwd, "/") == 0)
		return xstrdup(abs + 1);
	if (strncmp(abs, cwd, nc) == 0 && abs[nc] == '/')
		return xstrdup(abs + nc + 1);
	return xstrdup(abs);
}

char *path_join(const char *a, const char *b)
{
	size_t n = strlen(a), k = strlen(b), slash;
	char *path;

	if (n == 0 || strcmp(a, ".") == 0)
		return xstrdup(b);
	if (k == 0)
		return xstrdup(a);
	/* Called for every file of a walk: no printf. */
	slash = a[n - 1] != '/';
	path = xmalloc(n + slash + k + 1);
	memcpy(path, a, n);
	path[n] = '/';
	memcpy(path + n + slash, b, k + 1);
	return path;
}

char *path_dir(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	return slash == path ? xstrdup("/") : xstrndup(path, (size_t)(slash - path));
}

char *utf8_nfc(const char *s, size_t n, size_t *out_len)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t len;
	size_t i;

	for (i = 0; i < n && (unsigned char)s[i] < 0x80; i++)
		;
	if (i == n)
		return NULL;
	len = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &out,
			   UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (len < 0) {
		free(out);
		return NULL;
	}
	*out_len = (size_t)len;
	return (char *)out;
}
