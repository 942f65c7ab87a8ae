/* SPDX-License-Identifier: EUPL-1.2 */
/* util.h - memory helpers and a growable byte buffer shared by all layers.
 *
 * Out of memory is not a document error: the x* functions print one line
 * and abort, so callers never check their results. */
#ifndef CLERK_UTIL_H
#define CLERK_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

/* Allocation that never returns NULL; aborts with a message when memory is out. */
void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
/* Returns a malloc'd copy of s (or of its first n bytes, NUL-terminated). */
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Returns a malloc'd string formatted like printf. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* Sorts n pointers like qsort with cmp (which gets pointers to them):
 * insertion for the few keys of a front matter, qsort beyond. */
void sort_pointers(const void **items, size_t n, int (*cmp)(const void *, const void *));

/* Grows *items (of *cap elements of size elem) so that index n fits. */
void xgrow(void **items, size_t *cap, size_t n, size_t elem);

/* A growable NUL-terminated byte string; zero-initialise, free with buf_free. */
struct buf {
	char *data;
	size_t len, cap;
};

void buf_add(struct buf *b, const char *s, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hands the string over to the caller (never NULL) and resets b. */
char *buf_take(struct buf *b);
void buf_free(struct buf *b);

/* The largest file read by default: 16 MB (configurable for records). */
#define READ_LIMIT_DEFAULT ((size_t)16 * 1024 * 1024)

/* Why read_file gave no text. */
enum read_fail {
	READ_ERRNO = 1,   /* open or read failed: message is strerror */
	READ_NOT_REGULAR, /* a FIFO, device, socket or folder: never read */
	READ_TOO_LARGE,   /* larger than the limit: not read */
};

struct read_error {
	enum read_fail kind;
	int err;            /* errno for READ_ERRNO, else 0 */
	unsigned long size; /* READ_TOO_LARGE: the size found (at least limit + 1) */
	char message[128];  /* what went wrong in plain words, without the path */
};

/* Reads a whole regular file of at most limit bytes without ever blocking:
 * it is opened non-blocking and checked with fstat before anything is read,
 * so a FIFO, /dev/zero or /dev/stdin is refused, not waited for. Returns a
 * malloc'd NUL-terminated copy and its size in *len, or NULL with err filled
 * in. */
char *read_file(const char *path, size_t limit, size_t *len, struct read_error *err);
/* Reads f to its end (standard input). Returns the text (malloc'd,
 * NUL-terminated, its length in *len), or NULL with errno set: EFBIG when
 * it is longer than limit bytes, else the read error. */
char *read_stream(FILE *f, size_t limit, size_t *len);
/* Writes "12.5 MB", "16 MB", "900 bytes" for n into out. */
void format_size(unsigned long n, char *out, size_t outlen);

/* Lists the entries of dir for which keep(name) is true, sorted by name so
 * that results never depend on the file system's order. Returns a malloc'd
 * array of malloc'd names (free each, then the array) and their number in
 * *count, or NULL with errno set when dir cannot be read. */
char **list_dir(const char *dir, int (*keep)(const char *name), size_t *count);
/* The same, and in *kinds (malloc'd, parallel to the names) each entry's
 * d_type as readdir gave it (DT_UNKNOWN when the file system does not say). */
char **list_dir_kinds(const char *dir, int (*keep)(const char *name), size_t *count,
		      unsigned char **kinds);

/* Returns path (absolute) with ".", ".." and repeated slashes resolved by
 * its text alone, without asking the file system (malloc'd): "/a/b/../c"
 * gives "/a/c"; ".." above "/" stays at "/". A relative path is returned
 * resolved the same way, its leading ".." kept. */
char *path_lexical(const char *path);
/* Returns the path rel (its first n bytes) names from the folder dir,
 * resolved as path_lexical does (malloc'd): ("/a/b", "../c.md") gives
 * "/a/c.md". */
char *path_join_lexical(const char *dir, const char *rel, size_t n);

/* Returns "a, b or c" (with last " or ") for n words, each wrapped in quote
 * (such as "'"), as a malloc'd string. */
char *join_words(const char *const *words, size_t n, const char *quote, const char *last);

/* Writes s to f with everything that could break a line or steer a terminal
 * written as an escape: control characters as \n, \r, \t or \xNN (also
 * DEL), C1 controls and bidirectional overrides as \u{NNNN}, and bytes that
 * are not valid UTF-8 as \xNN. Printable text, UTF-8 included, is written as
 * it is. Used for every path, value and message clerk prints, so that one
 * finding is always one line. */
void fput_escaped(const char *s, FILE *f);

/* Reads the next item of a list written as one value, items apart by commas:
 * from *p (up to end), skips blanks, sets *item and *len to the item without
 * surrounding spaces and tabs, and moves *p past its comma. Returns 0 when
 * the text is used up; an item may be empty (*len 0). */
int comma_item(const char **p, const char *end, const char **item, size_t *len);

/* Returns path (relative to some folder F) as seen from the folder prefix
 * ("" or ending in '/', also relative to F), such as "../minutes/a.md";
 * "" stays "" (malloc'd). Lexical: no file is looked at. */
char *path_from(const char *prefix, const char *path);
/* Returns the absolute folder abs as short as it can be written from the
 * absolute folder cwd: "." when they are one, "a/b" below it, "../.."
 * above it, else abs itself (malloc'd). */
char *path_short_dir(const char *cwd, const char *abs);
/* Returns a with the path b appended after one '/' (a "" or "." gives b;
 * b "" gives a) (malloc'd). */
char *path_join(const char *a, const char *b);
/* Returns the folder part of path as written (malloc'd): "." when it has
 * no '/', "/" for a file in the root folder. Lexical. */
char *path_dir(const char *path);

/* Levenshtein distance between two short strings, capped at 255. */
int edit_distance(const char *a, const char *b);
/* Returns 1 when s[0..n) is valid UTF-8, 0 otherwise. */
int utf8_valid(const char *s, size_t n);
/* Returns the n bytes at s in Unicode normalisation form C (malloc'd, its
 * length in *out_len), so that "e" + a combining diaeresis is "ë"; NULL
 * when s is ASCII (nothing to compose) or not valid UTF-8. */
char *utf8_nfc(const char *s, size_t n, size_t *out_len);

/* Sets keep[i] to 1 for the items of a longest run of increasing pos[]
 * (in order of i): the items that stand in order. keep is zeroed by the
 * caller; for two swapped items the later one is left out. O(n log n). */
void longest_increasing(const size_t *pos, size_t n, int *keep);

#endif
