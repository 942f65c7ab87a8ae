/* pattern.c - compiling and running pcre2 patterns; globs as patterns. */
#include "pattern.h"

#include <stdio.h>
#include <string.h>

#include "util.h"

pcre2_code *pattern_compile(const char *src, unsigned flags, char *err, size_t errlen,
			    size_t *offset)
{
	int code = 0;
	PCRE2_SIZE off = 0;
	pcre2_code *re;

	/* Paths and file text need not be valid UTF-8: such subjects must
	 * match or fail, never make matching an error. */
	re = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED,
			   PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF | flags, &code, &off,
			   NULL);
	if (re == NULL) {
		pcre2_get_error_message(code, (PCRE2_UCHAR *)err, errlen);
		*offset = off;
		return NULL;
	}
	/* JIT is an optimisation: when it is unavailable the interpreter runs. */
	(void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	return re;
}

static int run(const pcre2_code *re, const char *s, size_t len, pcre2_match_data **md)
{
	int rc;

	*md = pcre2_match_data_create_from_pattern(re, NULL);
	if (*md == NULL)
		return -1;
	rc = pcre2_match(re, (PCRE2_SPTR)s, len, 0, 0, *md, NULL);
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	return rc < 0 ? -1 : 1;
}

int pattern_match(const pcre2_code *re, const char *s, size_t len)
{
	pcre2_match_data *md = NULL;
	int rc = run(re, s, len, &md);

	pcre2_match_data_free(md);
	return rc;
}

int pattern_group(const pcre2_code *re, const char *s, size_t len, const char *group, char *out,
		  size_t outlen)
{
	pcre2_match_data *md = NULL;
	PCRE2_SIZE n = outlen;
	int found = 0;

	if (run(re, s, len, &md) == 1 &&
	    pcre2_substring_copy_byname(md, (PCRE2_SPTR)group, (PCRE2_UCHAR *)out, &n) == 0)
		found = 1;
	pcre2_match_data_free(md);
	return found;
}

char *glob_to_pattern(const char *glob)
{
	struct buf b = {0};
	const char *p = glob;

	const char *slash = strchr(glob, '/');

	/* Like .gitignore: a glob whose only slash ends it matches at any depth. */
	buf_puts(&b, slash == NULL || slash[1] == '\0' ? "^(?:.*/)?" : "^");
	if (*p == '/')
		p++;
	for (; *p != '\0'; p++) {
		if (p[0] == '/' && p[1] == '\0')
			break;
		if (p[0] == '*' && p[1] == '*' && p[2] == '/') {
			buf_puts(&b, "(?:.*/)?");
			p += 2;
		} else if (p[0] == '*' && p[1] == '*') {
			buf_puts(&b, ".*");
			p++;
		} else if (*p == '*') {
			buf_puts(&b, "[^/]*");
		} else if (*p == '?') {
			buf_puts(&b, "[^/]");
		} else if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
			   (*p >= '0' && *p <= '9') || (unsigned char)*p >= 0x80) {
			buf_add(&b, p, 1);
		} else {
			buf_add(&b, "\\", 1);
			buf_add(&b, p, 1);
		}
	}
	buf_puts(&b, "(?:/.*)?$");
	return buf_take(&b);
}
