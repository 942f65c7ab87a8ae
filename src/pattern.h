/* pattern.h - pcre2 patterns (with JIT) and path globs translated to them.
 *
 * Every pattern clerk runs - schema patterns, section names, path globs - is
 * compiled once here when a schema or configuration loads. */
#ifndef CLERK_PATTERN_H
#define CLERK_PATTERN_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>

/* Compiles src (UTF-8, Unicode properties) with extra pcre2 flags, JIT if
 * available. Returns the code (free with pcre2_code_free) or NULL with a
 * message in err and the failing offset in *offset. */
pcre2_code *pattern_compile(const char *src, unsigned flags, char *err, size_t errlen,
			    size_t *offset);
/* Returns 1 when re matches s[0..len), 0 when not, -1 on a matching error
 * (such as a resource limit). */
int pattern_match(const pcre2_code *re, const char *s, size_t len);
/* Matches re against s and copies the named group into out (size outlen).
 * Returns 1 when found, 0 otherwise. */
int pattern_group(const pcre2_code *re, const char *s, size_t len, const char *group, char *out,
		  size_t outlen);
/* Translates a path glob to a pcre2 pattern source (malloc'd). `*` and `?`
 * stay within one folder, `**` crosses folders, a glob without `/` matches
 * a name at any depth, and a glob naming a folder also matches below it. */
char *glob_to_pattern(const char *glob);

#endif
