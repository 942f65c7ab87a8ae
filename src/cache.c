/* SPDX-License-Identifier: EUPL-1.2 */
/* cache.c - per-file results kept between runs: the encoding, the key, the file. */
#include "cache.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "schema.h"
#include "set.h"
#include "util.h"
#include "wfile.h"

#define CACHE_MAGIC "clerk-cache 4\n"
#define CACHE_FILE  "results"
#define STAGED_FILE "staged"

/* -------------------------------------------------------------- encoding
 * Numbers are decimal, each followed by a space; a string is its length,
 * a colon and its bytes ("~" for none). */

/* Appends n in decimal and then end (a space or a colon); no printf, as
 * every number of every entry passes here. */
static void put_digits(struct buf *b, uint64_t n, char end)
{
	char digits[24];
	size_t i = sizeof digits;

	digits[--i] = end;
	do {
		digits[--i] = (char)('0' + n % 10);
		n /= 10;
	} while (n > 0);
	buf_add(b, digits + i, sizeof digits - i);
}

static void put_u64(struct buf *b, uint64_t n)
{
	put_digits(b, n, ' ');
}

static void put_num(struct buf *b, long long n)
{
	if (n < 0)
		buf_add(b, "-", 1);
	put_digits(b, n < 0 ? (uint64_t)0 - (uint64_t)n : (uint64_t)n, ' ');
}

static void put_str(struct buf *b, const char *s)
{
	size_t n;

	if (s == NULL) {
		buf_add(b, "~", 1);
		return;
	}
	n = strlen(s);
	put_digits(b, n, ':');
	buf_add(b, s, n);
}

/* Reads an entry; bad is set at the first thing that is not as written. */
struct reader {
	const char *p, *end;
	int bad;
};

static uint64_t get_u64(struct reader *r)
{
	uint64_t n = 0;
	int digits = 0;

	while (!r->bad && r->p < r->end && *r->p >= '0' && *r->p <= '9') {
		if (n > (UINT64_MAX - 9) / 10)
			r->bad = 1;
		n = n * 10 + (uint64_t)(*r->p++ - '0');
		digits++;
	}
	if (digits == 0 || r->p >= r->end || *r->p != ' ')
		r->bad = 1;
	else
		r->p++;
	return r->bad ? 0 : n;
}

static long long get_num(struct reader *r)
{
	int minus = r->p < r->end && *r->p == '-';
	uint64_t n;

	r->p += minus;
	n = get_u64(r);
	if (n > (uint64_t)LLONG_MAX)
		r->bad = 1;
	return r->bad ? 0 : minus ? -(long long)n : (long long)n;
}

static int get_int(struct reader *r, int min, int max)
{
	long long n = get_num(r);

	if (n < min || n > max)
		r->bad = 1;
	return r->bad ? min : (int)n;
}

/* A string as it lies in the text read: s is NULL for none. */
struct span {
	const char *s;
	size_t n;
};

/* Returns the next string where it lies (s NULL for none or when bad). */
static struct span get_span(struct reader *r)
{
	struct span sp = {NULL, 0};
	uint64_t n = 0;

	if (r->p < r->end && *r->p == '~') {
		r->p++;
		return sp;
	}
	while (!r->bad && r->p < r->end && *r->p >= '0' && *r->p <= '9' && n < SIZE_MAX / 20)
		n = n * 10 + (uint64_t)(*r->p++ - '0');
	if (r->bad || r->p >= r->end || *r->p != ':' || n > (uint64_t)(r->end - r->p - 1) ||
	    memchr(r->p + 1, '\0', (size_t)n) != NULL) { /* a NUL: not written by put_str */
		r->bad = 1;
		return sp;
	}
	sp = (struct span){r->p + 1, (size_t)n};
	r->p += 1 + n;
	return sp;
}

/* Returns the string (malloc'd), or NULL for none or when bad. */
static char *get_str(struct reader *r)
{
	struct span sp = get_span(r);

	return sp.s != NULL ? xstrndup(sp.s, sp.n) : NULL;
}

/* -------------------------------------------------------------- findings */

static void put_diag(struct buf *b, const struct diag *d)
{
	size_t i;

	put_str(b, d->path);
	put_num(b, d->line);
	put_num(b, d->col);
	put_num(b, d->end_line);
	put_num(b, d->end_col);
	put_num(b, d->rule);
	put_num(b, d->severity);
	put_str(b, d->message);
	put_str(b, d->help);
	put_num(b, d->fix != NULL);
	if (d->fix != NULL) {
		put_num(b, d->fix->line);
		put_num(b, d->fix->col);
		put_num(b, d->fix->end_line);
		put_num(b, d->fix->end_col);
		put_str(b, d->fix->text);
		put_num(b, d->fix->sure != 0);
	}
	put_num(b, (long long)d->nrelated);
	for (i = 0; i < d->nrelated; i++) {
		put_str(b, d->related[i].path);
		put_num(b, d->related[i].line);
		put_num(b, d->related[i].col);
		put_str(b, d->related[i].message);
	}
	put_num(b, (long long)d->seq);
}

/* Returns how many items of at least min bytes each the rest can hold. */
static size_t get_count(struct reader *r, size_t min)
{
	long long n = get_num(r);

	if (n < 0 || (uint64_t)n > (uint64_t)(r->end - r->p) / min)
		r->bad = 1;
	return r->bad ? 0 : (size_t)n;
}

static void get_fix(struct reader *r, struct diag *d)
{
	d->fix = xcalloc(1, sizeof *d->fix);
	d->fix->line = get_int(r, 0, INT_MAX);
	d->fix->col = get_int(r, 0, INT_MAX);
	d->fix->end_line = get_int(r, 0, INT_MAX);
	d->fix->end_col = get_int(r, 0, INT_MAX);
	d->fix->text = get_str(r);
	d->fix->sure = get_int(r, 0, 1);
	if (d->fix->text == NULL)
		r->bad = 1;
}

static void get_diag(struct reader *r, struct diag *d)
{
	size_t i;

	d->path = get_str(r);
	d->line = get_int(r, 0, INT_MAX);
	d->col = get_int(r, 0, INT_MAX);
	d->end_line = get_int(r, 0, INT_MAX);
	d->end_col = get_int(r, 0, INT_MAX);
	d->rule = (enum rule_id)get_int(r, 0, RULE_COUNT - 1);
	d->severity = (enum severity)get_int(r, SEV_OFF, SEV_ERROR);
	d->message = get_str(r);
	d->help = get_str(r);
	if (get_int(r, 0, 1))
		get_fix(r, d);
	d->nrelated = get_count(r, 8);
	d->related = d->nrelated ? xcalloc(d->nrelated, sizeof *d->related) : NULL;
	for (i = 0; i < d->nrelated; i++) {
		d->related[i].path = get_str(r);
		d->related[i].line = get_int(r, 0, INT_MAX);
		d->related[i].col = get_int(r, 0, INT_MAX);
		d->related[i].message = get_str(r);
	}
	d->seq = (size_t)get_num(r);
	if (d->path == NULL || d->message == NULL)
		r->bad = 1;
}

static void put_suppressions(struct buf *b, const struct suppress_list *list)
{
	size_t i;

	put_num(b, (long long)list->n);
	for (i = 0; i < list->n; i++) {
		put_num(b, list->items[i].kind);
		put_num(b, list->items[i].rule);
		put_num(b, list->items[i].from);
		put_num(b, list->items[i].to);
		put_num(b, list->items[i].line);
		put_num(b, list->items[i].col);
		put_num(b, list->items[i].used);
	}
}

static void get_suppressions(struct reader *r, struct suppress_list *list)
{
	struct suppress_entry *e;
	size_t i;

	list->n = list->cap = get_count(r, 14);
	list->items = list->n ? xcalloc(list->n, sizeof *list->items) : NULL;
	for (i = 0; i < list->n; i++) {
		e = &list->items[i];
		e->kind = (enum suppress_kind)get_int(r, SUPPRESS_LINE, SUPPRESS_FILE);
		e->rule = (enum rule_id)get_int(r, 0, RULE_COUNT - 1);
		e->from = get_int(r, INT_MIN, INT_MAX);
		e->to = get_int(r, INT_MIN, INT_MAX);
		e->line = get_int(r, 0, INT_MAX);
		e->col = get_int(r, 0, INT_MAX);
		e->used = get_int(r, 0, 1);
	}
}

/* --------------------------------------------------------------- summary */

static void put_date(struct buf *b, const struct summary_date *d)
{
	put_str(b, d->text);
	put_num(b, d->days);
	put_num(b, d->line);
	put_num(b, d->col);
}

static void get_date(struct reader *r, struct summary_date *d)
{
	char *text = get_str(r);

	if (text == NULL || strlen(text) >= sizeof d->text)
		r->bad = 1;
	else
		memcpy(d->text, text, strlen(text) + 1);
	free(text);
	d->days = (long)get_num(r);
	d->line = get_int(r, 0, INT_MAX);
	d->col = get_int(r, 0, INT_MAX);
}

static void put_refs_links(struct buf *b, const struct summary *s)
{
	size_t i;

	put_num(b, (long long)s->nrefs);
	for (i = 0; i < s->nrefs; i++) {
		put_str(b, s->refs[i].spec->name);
		put_num(b, s->refs[i].supersedes);
		put_str(b, s->refs[i].value);
		put_num(b, s->refs[i].line);
		put_num(b, s->refs[i].col);
	}
	put_num(b, (long long)s->nlinks);
	for (i = 0; i < s->nlinks; i++) {
		put_str(b, s->links[i].dest);
		put_str(b, s->links[i].target);
		put_num(b, s->links[i].line);
		put_num(b, s->links[i].col);
	}
}

static void get_refs_links(struct reader *r, struct summary *s)
{
	char *name;
	size_t i;

	s->nrefs = get_count(r, 8);
	s->refs = s->nrefs ? xcalloc(s->nrefs, sizeof *s->refs) : NULL;
	for (i = 0; i < s->nrefs; i++) {
		name = get_str(r);
		s->refs[i].spec = name && s->schema ? schema_field(s->schema, name) : NULL;
		if (s->refs[i].spec == NULL)
			r->bad = 1;
		free(name);
		s->refs[i].supersedes = get_int(r, 0, 1);
		s->refs[i].value = get_str(r);
		s->refs[i].line = get_int(r, 0, INT_MAX);
		s->refs[i].col = get_int(r, 0, INT_MAX);
	}
	s->nlinks = get_count(r, 6);
	s->links = s->nlinks ? xcalloc(s->nlinks, sizeof *s->links) : NULL;
	for (i = 0; i < s->nlinks; i++) {
		s->links[i].dest = get_str(r);
		s->links[i].target = get_str(r);
		s->links[i].line = get_int(r, 0, INT_MAX);
		s->links[i].col = get_int(r, 0, INT_MAX);
	}
}

static void put_summary(struct buf *b, const struct summary *s)
{
	size_t i;

	put_str(b, s->path);
	put_str(b, s->real);
	put_str(b, s->schema != NULL ? s->schema->name : NULL);
	put_str(b, s->id);
	put_str(b, s->title);
	put_num(b, s->id_line);
	put_num(b, s->id_col);
	put_num(b, s->id_bad);
	put_num(b, s->unreadable);
	put_num(b, s->id_from_name);
	put_num(b, s->series_unknown);
	put_date(b, &s->date);
	put_str(b, s->status);
	put_num(b, s->status_line);
	put_num(b, s->status_col);
	put_num(b, s->life);
	put_date(b, &s->start);
	put_date(b, &s->end);
	put_str(b, s->interval);
	put_num(b, s->interval_line);
	put_num(b, s->interval_col);
	put_str(b, s->series);
	put_num(b, s->number);
	put_num(b, s->has_number);
	put_num(b, s->number_line);
	put_num(b, s->number_col);
	put_date(b, &s->next_report);
	put_refs_links(b, s);
	put_num(b, s->severity_cap != NULL);
	for (i = 0; s->severity_cap != NULL && i < RULE_COUNT; i++)
		put_num(b, s->severity_cap[i]);
}

static struct summary *get_summary(const struct project *p, struct reader *r)
{
	struct summary *s = xcalloc(1, sizeof *s);
	char *schema = NULL;
	size_t i;

	s->path = get_str(r);
	s->real = get_str(r);
	schema = get_str(r);
	s->schema = schema != NULL ? schema_set_find(&p->schemas, schema) : NULL;
	r->bad |= schema != NULL && s->schema == NULL;
	free(schema);
	s->id = get_str(r);
	s->title = get_str(r);
	s->id_line = get_int(r, 0, INT_MAX);
	s->id_col = get_int(r, 0, INT_MAX);
	s->id_bad = get_int(r, 0, 1);
	s->unreadable = get_int(r, 0, 1);
	s->id_from_name = get_int(r, 0, 1);
	s->series_unknown = get_int(r, 0, 1);
	get_date(r, &s->date);
	s->status = get_str(r);
	s->status_line = get_int(r, 0, INT_MAX);
	s->status_col = get_int(r, 0, INT_MAX);
	s->life = (enum life)get_int(r, LIFE_OTHER, LIFE_DRAFT);
	get_date(r, &s->start);
	get_date(r, &s->end);
	s->interval = get_str(r);
	s->interval_line = get_int(r, 0, INT_MAX);
	s->interval_col = get_int(r, 0, INT_MAX);
	s->series = get_str(r);
	s->number = (long)get_num(r);
	s->has_number = get_int(r, 0, 1);
	s->number_line = get_int(r, 0, INT_MAX);
	s->number_col = get_int(r, 0, INT_MAX);
	get_date(r, &s->next_report);
	get_refs_links(r, s);
	if (get_int(r, 0, 1)) {
		s->severity_cap = xcalloc(RULE_COUNT, sizeof *s->severity_cap);
		for (i = 0; i < RULE_COUNT; i++)
			s->severity_cap[i] = (enum severity)get_int(r, SEV_OFF, SEV_ERROR);
	}
	r->bad |= s->path == NULL;
	return s;
}

/* ---------------------------------------------------------- file results */

char *cache_encode(const struct file_result *r, size_t *len)
{
	struct buf b = {0};
	size_t i;

	put_num(&b, (long long)r->diags.n);
	for (i = 0; i < r->diags.n; i++)
		put_diag(&b, &r->diags.items[i]);
	put_suppressions(&b, &r->suppressions);
	put_str(&b, r->path);
	put_num(&b, r->summary != NULL);
	if (r->summary != NULL)
		put_summary(&b, r->summary);
	*len = b.len;
	return buf_take(&b);
}

struct file_result *cache_decode(const struct project *p, const char *entry, size_t len)
{
	struct reader rd = {entry, entry + len, 0};
	struct file_result got = {0}, *r = NULL;
	size_t i, n = get_count(&rd, 16);

	got.diags.items = n ? xcalloc(n, sizeof *got.diags.items) : NULL;
	got.diags.cap = n;
	for (i = 0; i < n && !rd.bad; i++)
		get_diag(&rd, &got.diags.items[i]);
	got.diags.n = i;
	get_suppressions(&rd, &got.suppressions);
	got.path = get_str(&rd);
	if (get_int(&rd, 0, 1))
		got.summary = get_summary(p, &rd);
	if (!rd.bad && rd.p == rd.end) {
		r = xmalloc(sizeof *r);
		*r = got;
		return r;
	}
	diag_list_free(&got.diags);
	suppress_free(&got.suppressions);
	summary_free(got.summary);
	free(got.path);
	return NULL;
}

/* ------------------------------------------------------------------- key */

/* A 64-bit hash of data, continued from h, eight bytes a step. Each step
 * is a bijection of the state for a given word, so a file that differs in
 * one byte from another of the same length always hashes differently. Not
 * cryptographic: the cache guards against change, not against someone who
 * writes records to collide. */
static uint64_t hash_bytes(uint64_t h, const void *data, size_t len)
{
	const unsigned char *p = data;
	uint64_t w;
	size_t i;

	for (i = 0; i + 8 <= len; i += 8) {
		memcpy(&w, p + i, 8);
		h = (h ^ w) * 0x9E3779B97F4A7C15ULL;
		h ^= h >> 29;
	}
	w = 0;
	memcpy(&w, p + i, len - i);
	h = (h ^ w) * 0x9E3779B97F4A7C15ULL;
	h = (h ^ (uint64_t)len) * 0xBF58476D1CE4E5B9ULL;
	return h ^ (h >> 31);
}

#define HASH_START 14695981039346656037ULL

static uint64_t hash_str(uint64_t h, const char *s)
{
	s = s != NULL ? s : "";
	return hash_bytes(h, s, strlen(s) + 1);
}

/* Adds the bytes of the file at path to h; returns -1 when it cannot be read. */
static int hash_file(uint64_t *h, const char *path)
{
	struct read_error err;
	size_t len;
	char *text = read_file(path, READ_LIMIT_DEFAULT, &len, &err);

	if (text == NULL)
		return -1;
	*h = hash_bytes(hash_str(*h, path), text, len);
	free(text);
	return 0;
}

/* The files schema_set_add_dir reads. */
static int is_schema_file(const char *name)
{
	size_t n = strlen(name);

	return name[0] != '.' && ((n > 4 && strcmp(name + n - 4, ".yml") == 0) ||
				  (n > 5 && strcmp(name + n - 5, ".yaml") == 0));
}

/* Adds the bytes of every schema file in the folder dir. */
static int hash_schema_dir(uint64_t *h, const char *dir)
{
	size_t i, n = 0;
	char **names = list_dir(dir, is_schema_file, &n), *path;
	int rc = names == NULL ? -1 : 0;

	for (i = 0; i < n; i++) {
		path = path_join_lexical(dir, names[i], strlen(names[i]));
		if (rc == 0 && hash_file(h, path) != 0)
			rc = -1;
		free(path);
		free(names[i]);
	}
	free(names);
	return rc;
}

/* The fingerprint of what decides a file's result besides the file: the
 * version, the rule catalogue, the language, the configuration and every
 * schema. Returns 0, or -1 when one of them cannot be read again. */
static int fingerprint(const struct project *p, const char *version, const char *settings,
		       uint64_t *out)
{
	uint64_t h = hash_str(hash_str(HASH_START, version), settings);
	size_t i;

	for (i = 0; i < RULE_COUNT; i++)
		h = hash_str(h, rule_catalogue[i].name);
	h = hash_str(h, i18n_language());
	h = hash_str(hash_str(h, p->root_real), p->cfg.type_field);
	if (p->cfg.file != NULL && hash_file(&h, p->cfg.file) != 0)
		return -1;
	for (i = 0; p->cfg.builtin_schemas && i < builtin_schema_count; i++)
		h = hash_str(hash_str(h, builtin_schemas[i].file), builtin_schemas[i].text);
	for (i = 0; i < p->cfg.nschema_dirs; i++)
		if (hash_schema_dir(&h, p->cfg.schema_dirs[i]) != 0)
			return -1;
	*out = h;
	return 0;
}

static int all_names(const char *name)
{
	return strcmp(name, ".") != 0 && strcmp(name, "..") != 0;
}

/* Returns the folder of every set's cache (malloc'd), or NULL. */
static char *cache_base(void)
{
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");

	if (xdg != NULL && xdg[0] == '/')
		return path_join_lexical(xdg, "clerk", 5);
	if (home != NULL && home[0] == '/')
		return path_join_lexical(home, ".cache/clerk", 12);
	return NULL;
}

/* ------------------------------------------------------------ the file */

/* One file's kept result, as read. */
struct entry {
	struct span path, relpath, abs;
	struct span oid; /* the staged blob's Git object id; s is NULL on disk */
	const char *raw; /* the whole entry in the cache's text */
	size_t rawlen;
	int named;
	uint64_t size, mtime_s, mtime_ns, ctime_s, ctime_ns, ino, hash;
	const char *payload; /* in the cache's text */
	size_t plen;
};

struct cache {
	char *file; /* the cache file of the set */
	char *root; /* the set's folder */
	char *version;
	uint64_t fingerprint;
	char *text; /* the cache file as read, or NULL */
	struct entry *entries;
	size_t n;
	size_t *slot; /* entry + 1 by path, 0 when empty */
	size_t mask;
};

/* True when the string s (NULL for none) is the span sp. */
static int span_is(struct span sp, const char *s)
{
	if (sp.s == NULL || s == NULL)
		return sp.s == NULL && s == NULL;
	return strlen(s) == sp.n && memcmp(sp.s, s, sp.n) == 0;
}

static int same_key(const struct entry *e, const struct source *src)
{
	return span_is(e->path, src->path) && span_is(e->relpath, src->relpath) &&
	       span_is(e->abs, src->abs) && e->named == src->named;
}

static const struct entry *find_entry(const struct cache *c, const struct source *src)
{
	size_t h;

	if (c->slot == NULL)
		return NULL;
	for (h = hash_bytes(HASH_START, src->path, strlen(src->path)) & c->mask; c->slot[h] != 0;
	     h = (h + 1) & c->mask)
		if (same_key(&c->entries[c->slot[h] - 1], src))
			return &c->entries[c->slot[h] - 1];
	return NULL;
}

static void index_entries(struct cache *c)
{
	size_t size = 16, i, h;

	while (size < 2 * c->n + 2)
		size *= 2;
	c->slot = xcalloc(size, sizeof *c->slot);
	c->mask = size - 1;
	for (i = 0; i < c->n; i++) {
		for (h = hash_bytes(HASH_START, c->entries[i].path.s, c->entries[i].path.n) &
			 c->mask;
		     c->slot[h] != 0; h = (h + 1) & c->mask)
			;
		c->slot[h] = i + 1;
	}
}

static void get_entry(struct reader *r, struct entry *e)
{
	e->raw = r->p;
	e->path = get_span(r);
	e->relpath = get_span(r);
	e->abs = get_span(r);
	e->named = get_int(r, 0, 1);
	e->oid = get_span(r);
	e->size = get_u64(r);
	e->mtime_s = get_u64(r);
	e->mtime_ns = get_u64(r);
	e->ctime_s = get_u64(r);
	e->ctime_ns = get_u64(r);
	e->ino = get_u64(r);
	e->hash = get_u64(r);
	e->plen = get_count(r, 1);
	e->payload = r->p;
	r->p += r->bad ? 0 : e->plen;
	e->rawlen = (size_t)(r->p - e->raw);
	r->bad |= e->path.s == NULL || e->relpath.s == NULL;
}

static void free_entries(struct cache *c)
{
	free(c->entries);
	c->entries = NULL;
	c->n = 0;
}

/* Reads the body of the cache file (after its checksum was found good);
 * returns 0, or -1 when it is not this run's. */
static int read_body(struct cache *c, const struct project *p, struct reader *r)
{
	char *version = get_str(r), *root;
	uint64_t print = get_u64(r);
	size_t i;
	int rc;

	root = get_str(r);
	rc = r->bad || version == NULL || strcmp(version, c->version) != 0 ||
		     print != c->fingerprint || root == NULL || strcmp(root, p->root_real) != 0
		 ? -1
		 : 0;
	free(version);
	free(root);
	if (rc != 0)
		return -1;
	c->n = get_count(r, 12);
	c->entries = c->n ? xcalloc(c->n, sizeof *c->entries) : NULL;
	for (i = 0; i < c->n && !r->bad; i++)
		get_entry(r, &c->entries[i]);
	return r->bad || r->p != r->end ? -1 : 0;
}

/* Reads the cache file when it is whole and this run's; else the cache
 * starts empty. The file ends in "end CHECKSUM \n" over all before it. */
static void read_cache(struct cache *c, const struct project *p)
{
	struct read_error err;
	struct reader r;
	size_t len, body;
	const char *end;

	c->text = read_file(c->file, SIZE_MAX / 2, &len, &err);
	if (c->text == NULL || len < sizeof CACHE_MAGIC ||
	    memcmp(c->text, CACHE_MAGIC, sizeof CACHE_MAGIC - 1) != 0)
		goto bad;
	for (end = c->text + len; end > c->text && end[-1] != 'd'; end--)
		;
	body = (size_t)(end - c->text);
	if (body < 4 || memcmp(end - 4, "\nend", 4) != 0)
		goto bad;
	r = (struct reader){end + 1, c->text + len - 1, 0};
	if (end >= c->text + len || *end != ' ' || c->text[len - 1] != '\n' ||
	    get_u64(&r) != hash_bytes(HASH_START, c->text, body - 3) || r.p != r.end)
		goto bad;
	r = (struct reader){c->text + sizeof CACHE_MAGIC - 1, c->text + body - 4, 0};
	if (read_body(c, p, &r) != 0)
		goto bad;
	index_entries(c);
	return;
bad:
	free_entries(c);
	free(c->text);
	c->text = NULL;
}

/* Opens the cache file of that name in the set's folder of the cache. */
static struct cache *open_file(const struct project *p, const char *version, const char *settings,
			       const char *file)
{
	char *base = cache_base(), name[64];
	struct cache *c = NULL;
	uint64_t print;
	size_t n = strlen(p->root_real);

	if (base == NULL || fingerprint(p, version, settings, &print) != 0)
		goto out;
	/* clerk check never writes inside the set */
	if (strncmp(base, p->root_real, n) == 0 && (base[n] == '/' || base[n] == '\0' || n == 1))
		goto out;
	c = xcalloc(1, sizeof *c);
	snprintf(name, sizeof name, "%016llx/%s",
		 (unsigned long long)hash_str(HASH_START, p->root_real), file);
	c->file = path_join_lexical(base, name, strlen(name));
	c->version = xstrdup(version);
	c->root = xstrdup(p->root_real);
	c->fingerprint = print;
	read_cache(c, p);
out:
	free(base);
	return c;
}

struct cache *cache_open(const struct project *p, const char *version)
{
	return open_file(p, version, NULL, CACHE_FILE);
}

struct cache *cache_open_staged(const struct project *p, const char *version, const char *settings)
{
	return open_file(p, version, settings, STAGED_FILE);
}

void cache_free(struct cache *c)
{
	if (c == NULL)
		return;
	free_entries(c);
	free(c->slot);
	free(c->text);
	free(c->file);
	free(c->root);
	free(c->version);
	free(c);
}

/* ------------------------------------------------- the per-file stage */

/* Sets slot to the entry of src's result (payload) with the stat st;
 * from is 1 when the result came from the cache. */
/* What an entry says of the file's content: its stat data and content
 * hash (on disk), or its Git object id (staged; the rest zero). */
struct file_key {
	const struct stat *st;
	uint64_t hash;
	const char *oid;
};

static void make_entry(struct cache_slot *slot, const struct source *src, const struct file_key *k,
		       const char *payload, size_t plen, int changed, int from)
{
	const struct stat *st = k->st;
	uint64_t hash = k->hash;
	struct buf b = {0};

	put_str(&b, src->path);
	put_str(&b, src->relpath);
	put_str(&b, src->abs);
	put_num(&b, src->named);
	put_str(&b, k->oid);
	put_u64(&b, (uint64_t)st->st_size);
	put_u64(&b, (uint64_t)st->st_mtim.tv_sec);
	put_u64(&b, (uint64_t)st->st_mtim.tv_nsec);
	put_u64(&b, (uint64_t)st->st_ctim.tv_sec);
	put_u64(&b, (uint64_t)st->st_ctim.tv_nsec);
	put_u64(&b, (uint64_t)st->st_ino);
	put_u64(&b, hash);
	put_num(&b, (long long)plen);
	buf_add(&b, payload, plen);
	slot->len = b.len;
	slot->entry = buf_take(&b);
	slot->changed = changed;
	slot->hit = from;
}

static int same_stat(const struct entry *e, const struct stat *st)
{
	return e->size == (uint64_t)st->st_size && e->mtime_s == (uint64_t)st->st_mtim.tv_sec &&
	       e->mtime_ns == (uint64_t)st->st_mtim.tv_nsec &&
	       e->ctime_s == (uint64_t)st->st_ctim.tv_sec &&
	       e->ctime_ns == (uint64_t)st->st_ctim.tv_nsec && e->ino == (uint64_t)st->st_ino;
}

/* Checks text (the file's, read at stat st) and keeps its result in slot. */
static struct file_result *check_and_keep(const struct project *p, const struct source *src,
					  const struct stat *st, const char *text, size_t len,
					  cache_check_fn check, struct cache_slot *slot)
{
	struct file_result *r = check(p, src, text, len);
	struct file_key k = {st, 0, NULL};
	size_t plen;
	char *payload;

	if (r->error != NULL)
		return r;
	payload = cache_encode(r, &plen);
	k.hash = hash_bytes(HASH_START, text, len);
	make_entry(slot, src, &k, payload, plen, 1, 0);
	free(payload);
	return r;
}

struct file_result *cache_check_file(const struct cache *c, const struct project *p,
				     const struct source *src, cache_check_fn check,
				     struct cache_slot *slot)
{
	const struct entry *e = find_entry(c, src);
	struct file_result *r = NULL;
	struct read_error err;
	struct stat st;
	size_t len;
	char *text;

	if (stat(src->path, &st) != 0 || !S_ISREG(st.st_mode))
		return check(p, src, NULL, 0);
	if (e != NULL && e->oid.s != NULL)
		e = NULL; /* a staged blob's entry: not this kind of cache */
	if (e != NULL && same_stat(e, &st))
		r = cache_decode(p, e->payload, e->plen);
	if (r != NULL) {
		/* The same key and stat data: the entry as read, not made again. */
		*slot = (struct cache_slot){.as_read = e->raw, .len = e->rawlen, .hit = 1};
		return r;
	}
	text = read_file(src->path, p->cfg.max_file_size, &len, &err);
	if (text == NULL)
		return check(p, src, NULL, 0); /* reports why, as without a cache */
	if (e != NULL && e->size == len && e->hash == hash_bytes(HASH_START, text, len))
		r = cache_decode(p, e->payload, e->plen);
	if (r != NULL)
		make_entry(slot, src, &(struct file_key){&st, e->hash, NULL}, e->payload, e->plen,
			   1, 1);
	else
		r = check_and_keep(p, src, &st, text, len, check, slot);
	free(text);
	return r;
}

/* ------------------------------------------------------- staged blobs */

struct file_result *cache_staged_find(const struct cache *c, const struct project *p,
				      const struct source *src, const char *oid,
				      struct cache_slot *slot)
{
	const struct entry *e = find_entry(c, src);
	struct file_result *r;

	if (e == NULL || oid == NULL || !span_is(e->oid, oid))
		return NULL;
	r = cache_decode(p, e->payload, e->plen);
	if (r != NULL)
		*slot = (struct cache_slot){.as_read = e->raw, .len = e->rawlen, .hit = 1};
	return r;
}

void cache_staged_keep(const struct cache *c, const struct source *src, const char *oid,
		       const struct file_result *r, struct cache_slot *slot)
{
	const struct entry *e = find_entry(c, src);
	struct stat none;
	size_t plen;
	char *payload;

	if (r->error != NULL)
		return;
	if (e != NULL && span_is(e->oid, oid)) { /* kept already: the entry as read */
		*slot = (struct cache_slot){.as_read = e->raw, .len = e->rawlen};
		return;
	}
	memset(&none, 0, sizeof none);
	payload = cache_encode(r, &plen);
	make_entry(slot, src, &(struct file_key){&none, 0, oid}, payload, plen, 1, 0);
	free(payload);
}

/* ---------------------------------------------------------------- saving */

int cache_save(struct cache *c, struct cache_slot *slots, size_t n)
{
	struct buf b = {0};
	size_t i, kept = 0, total = 0;
	int changed = c->text == NULL, rc = 0;

	for (i = 0; i < n; i++) {
		kept += slots[i].entry != NULL || slots[i].as_read != NULL;
		total += slots[i].entry != NULL || slots[i].as_read != NULL ? slots[i].len : 0;
		changed |= slots[i].changed;
	}
	if (!changed && kept == c->n)
		goto out;
	/* The file's size known, it is made in one buffer, each entry freed
	 * once copied: the entries are not held twice over. */
	b.cap = total + strlen(c->version) + strlen(c->root) + 256;
	b.data = xmalloc(b.cap);
	buf_add(&b, CACHE_MAGIC, sizeof CACHE_MAGIC - 1);
	put_str(&b, c->version);
	put_u64(&b, c->fingerprint);
	put_str(&b, c->root);
	put_num(&b, (long long)kept);
	for (i = 0; i < n; i++) {
		if (slots[i].entry != NULL || slots[i].as_read != NULL)
			buf_add(&b, slots[i].entry != NULL ? slots[i].entry : slots[i].as_read,
				slots[i].len);
		free(slots[i].entry);
		slots[i].entry = NULL;
	}
	buf_puts(&b, "\nend ");
	put_u64(&b, hash_bytes(HASH_START, b.data, b.len - 4));
	buf_add(&b, "\n", 1);
	rc = wfile_replace_rebuildable(c->file, b.data, b.len);
out:
	buf_free(&b);
	for (i = 0; i < n; i++)
		free(slots[i].entry);
	return rc;
}

/* Removes what clerk wrote in one set's cache folder, then the folder. */
static int clean_set(const char *dir)
{
	static const char prefix[] = ".clerk-" CACHE_FILE ".";
	size_t i, n = 0;
	char **names = list_dir(dir, all_names, &n), *path;
	int rc = names == NULL ? -1 : 0;

	for (i = 0; i < n; i++) {
		path = path_join_lexical(dir, names[i], strlen(names[i]));
		if ((strcmp(names[i], CACHE_FILE) == 0 ||
		     strncmp(names[i], prefix, sizeof prefix - 1) == 0) &&
		    unlink(path) != 0 && errno != ENOENT)
			rc = -1;
		free(path);
		free(names[i]);
	}
	free(names);
	if (rc == 0 && rmdir(dir) != 0 && errno != ENOENT)
		rc = -1;
	return rc;
}

int cache_clean(char **where)
{
	char *base = cache_base(), *dir;
	char **names;
	size_t i, n = 0;
	int rc = 0;

	*where = base;
	if (base == NULL)
		return 0;
	names = list_dir(base, all_names, &n);
	if (names == NULL)
		return errno == ENOENT ? 0 : -1;
	for (i = 0; i < n; i++) {
		dir = path_join_lexical(base, names[i], strlen(names[i]));
		if (clean_set(dir) != 0)
			rc = -1;
		free(dir);
		free(names[i]);
	}
	free(names);
	if (rc == 0 && rmdir(base) != 0 && errno != ENOENT)
		rc = -1;
	return rc;
}
