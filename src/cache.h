/* SPDX-License-Identifier: EUPL-1.2 */
/* cache.h - per-file results kept between runs, outside the record set.
 *
 * The per-file stage is a function of (project, file) returning a file
 * result; the cache keeps those results in $XDG_CACHE_HOME/clerk/ (else
 * ~/.cache/clerk/), one folder per record set, in one file written whole
 * through the one write path. A result is used again only when it was made
 * by this clerk (its version and rule catalogue), under the same
 * configuration, schemas and language (a fingerprint of their bytes), for
 * the same file under the same path and a file with the same content: the
 * same size, inode, modification and change times (the fast path), or else
 * the same size and content hash. A cache
 * file that is truncated, corrupt or foreign is ignored whole and made
 * again; nothing in it is trusted before its checksum and every length in
 * it are checked. */
#ifndef CLERK_CACHE_H
#define CLERK_CACHE_H

#include <stddef.h>

#include "check.h"
#include "project.h"

struct cache;

/* The encoded result of one file, for the cache file the run writes. */
struct cache_slot {
	char *entry;         /* malloc'd, or NULL when the file's result is not kept */
	const char *as_read; /* else the entry unchanged, in the cache as read */
	size_t len;          /* of either */
	int changed;         /* the entry differs from the one read */
	int hit;             /* the result came from the cache */
};

/* Opens the cache of p's set under version (CLERK_VERSION; a parameter so
 * that tests can change it). Returns a cache (free with cache_free), or
 * NULL when there is no cache folder to use (no XDG_CACHE_HOME or HOME, or
 * one inside the set, which clerk check never writes in). */
struct cache *cache_open(const struct project *p, const char *version);
/* Opens the cache of the staged versions of p's set (clerk check
 * --staged), a file of its own beside the other: its files are known by
 * their Git object ids instead of their stat data, and settings (the
 * object ids of the staged .clerk.yml and schemas, in any text that
 * changes when they change) joins the fingerprint. Returns as cache_open. */
struct cache *cache_open_staged(const struct project *p, const char *version, const char *settings);
/* The per-file stage the cache runs on a miss: checks src on text (len
 * bytes) when text is given, else reads the file itself (check_text and
 * check_file). */
typedef struct file_result *(*cache_check_fn)(const struct project *p, const struct source *src,
					      const char *text, size_t len);
/* The per-file stage through the cache: the kept result when it still
 * holds, else check's; either way the entry to keep goes to slot. Safe to
 * call from several threads at once (each with its own slot). */
struct file_result *cache_check_file(const struct cache *c, const struct project *p,
				     const struct source *src, cache_check_fn check,
				     struct cache_slot *slot);
/* For a staged cache: the kept result of src when its blob had the object
 * id oid, its entry going to slot; NULL when there is none (then check the
 * blob and give the result to cache_staged_keep). */
struct file_result *cache_staged_find(const struct cache *c, const struct project *p,
				      const struct source *src, const char *oid,
				      struct cache_slot *slot);
/* Puts the result r of the staged blob oid of src in slot, to be kept in c
 * (not when r says the file could not be read; c's own entry when it has
 * one for that blob). */
void cache_staged_keep(const struct cache *c, const struct source *src, const char *oid,
		       const struct file_result *r, struct cache_slot *slot);
/* Writes the cache file anew from the n slots (of the sources in order)
 * when they differ from what was read (c must not be freed before). Returns 0, or -1 with errno set
 * (a cache that cannot be written is not an error of the check). Frees the slots' entries. */
int cache_save(struct cache *c, struct cache_slot *slots, size_t n);
void cache_free(struct cache *c);

/* Removes every set's cache file and folder under the cache folder (the
 * files clerk wrote, nothing else). Returns 0, or -1 with errno set; *where
 * gets the folder (malloc'd, NULL when there is none). */
int cache_clean(char **where);

/* Encodes a file result (for tests); returns a malloc'd entry and its
 * length in *len. */
char *cache_encode(const struct file_result *r, size_t *len);
/* Decodes an entry made by cache_encode under p's schemas; returns the
 * result, or NULL when the entry is not whole or names what p lacks. */
struct file_result *cache_decode(const struct project *p, const char *entry, size_t len);

#endif
