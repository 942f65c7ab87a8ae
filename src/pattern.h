/* SPDX-License-Identifier: EUPL-1.2 */
/* pattern.h - pcre2 patterns (with JIT) and path globs translated to them.
 *
 * Every pattern clerk runs - schema patterns, section names, path globs - is
 * compiled once here when a schema or configuration loads, and every match
 * runs with explicit limits: a pattern that would take too long to decide
 * gives up instead of hanging, and giving up is never taken for "no match". */
#ifndef CLERK_PATTERN_H
#define CLERK_PATTERN_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>

/* The results of pattern_match. A negative result means the value could not
 * be judged: callers must neither accept nor reject it. */
enum {
	PATTERN_NOMATCH = 0,
	PATTERN_MATCH = 1,
	PATTERN_ERROR = -1, /* any other matching error */
	PATTERN_LIMIT = -2, /* the match, depth, heap or JIT stack limit was hit */
};

/* The limits every match runs with (see docs/schemas.md). */
#define PATTERN_MATCH_LIMIT 1000000u
#define PATTERN_DEPTH_LIMIT 50000u
#define PATTERN_HEAP_LIMIT  20000u /* kibibytes */
#define PATTERN_JIT_STACK   (1024u * 1024u)

/* Compiles src (UTF-8, Unicode properties) with extra pcre2 flags, JIT if
 * available. Returns the code (free with pcre2_code_free) or NULL with a
 * message in err and the failing offset in *offset. */
pcre2_code *pattern_compile(const char *src, unsigned flags, char *err, size_t errlen,
			    size_t *offset);
/* Returns PATTERN_MATCH when re matches s[0..len), PATTERN_NOMATCH when not,
 * PATTERN_LIMIT when a resource limit stopped the match and PATTERN_ERROR on
 * any other error. A pattern that failed once (limit or error) is not run
 * again: later calls return the same failure at once, so its cost is bounded.
 * Each failure is recorded for pattern_failures(). Match data and the JIT
 * stack are allocated once per thread and reused. */
int pattern_match(const pcre2_code *re, const char *s, size_t len);
/* Finds the first match of re in s[0..len) at or after offset from. Returns
 * PATTERN_MATCH with its byte offsets in *start and *end, or what
 * pattern_match returns otherwise. */
int pattern_find(const pcre2_code *re, const char *s, size_t len, size_t from, size_t *start,
		 size_t *end);
/* Matches re against s and copies the named group into out (size outlen).
 * Returns 1 when found, 0 otherwise (also when the match failed). */
int pattern_group(const pcre2_code *re, const char *s, size_t len, const char *group, char *out,
		  size_t outlen);
/* Translates a path glob to a pcre2 pattern source (malloc'd). `*` and `?`
 * stay within one folder, `**` crosses folders, a glob without `/` matches
 * a name at any depth, and a glob naming a folder also matches below it. */
char *glob_to_pattern(const char *glob);

/* Says where re was written (file, line, col; file is copied), so that a
 * failure can be reported as a problem of that pattern. */
void pattern_set_origin(const pcre2_code *re, const char *file, int line, int col);
/* Names the document whose values this thread matches next (copied; NULL
 * clears). */
void pattern_set_subject(const char *subject);

/* A pattern that gave up: where it was written and on what. */
struct pattern_failure {
	const char *file; /* the schema or configuration file, or "" when unknown */
	int line, col;
	int limit;           /* 1: a resource limit; 0: another matching error */
	const char *subject; /* the document of the first failing value, or "" */
};

/* Returns the patterns that failed so far, each once, in the order they
 * first failed; *count receives their number. The array belongs to this
 * module and stays valid until the next failure or pattern_reset. */
const struct pattern_failure *pattern_failures(size_t *count);
/* Forgets all origins and failures and frees this thread's match data and
 * JIT stack (they are made again when needed). */
void pattern_reset(void);
/* Frees this thread's match data, JIT stack and subject: each thread that
 * matched calls it before it ends (pattern_reset does it for its own). */
void pattern_thread_done(void);

#endif
