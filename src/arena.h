/* SPDX-License-Identifier: EUPL-1.2 */
/* arena.h - a bump allocator; one arena owns everything of one record or schema.
 *
 * Freeing the arena frees every allocation made from it at once, so trees
 * built in it (YAML nodes, sections) never need a recursive free. */
#ifndef CLERK_ARENA_H
#define CLERK_ARENA_H

#include <stddef.h>

struct arena;

/* Returns a new empty arena; free it with arena_free. Never NULL. */
struct arena *arena_new(void);
/* Frees the arena and all its allocations; NULL is allowed. */
void arena_free(struct arena *a);
/* Returns size zeroed bytes owned by the arena, aligned for any type. */
void *arena_alloc(struct arena *a, size_t size);
/* Returns an arena copy of the first n bytes of s, NUL-terminated. */
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);
/* Returns an arena copy of n elements of size elem (NULL when n is 0). */
void *arena_memdup(struct arena *a, const void *src, size_t n, size_t elem);

#endif
