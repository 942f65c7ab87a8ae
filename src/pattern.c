/* SPDX-License-Identifier: EUPL-1.2 */
/* pattern.c - compiling and running pcre2 patterns; globs as patterns. */
#include "pattern.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* The matching state of one thread: made once, reused by every match, and
 * the document whose values it matches. */
static _Thread_local struct {
	pcre2_match_context *mctx;
	pcre2_jit_stack *jit;
	pcre2_match_data *md;
	uint32_t pairs; /* the capacity of md */
	char *subject;
} state;

/* Where each pattern was written, and which ones gave up. Origins are set
 * while schemas load, before any thread starts; the per-file stage may run
 * on several threads, which record failures under the lock. any_failed
 * spares every match the lock until something has failed. */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int any_failed;
struct origin {
	const pcre2_code *re;
	char *file;
	int line, col;
	int failed; /* 0, or PATTERN_LIMIT / PATTERN_ERROR once it gave up */
};

static struct origin *origins;
static size_t norigins, origins_cap;
static struct pattern_failure *failures;
static size_t nfailures, failures_cap;
static int cleanup_registered;

static void register_cleanup(void)
{
	if (!cleanup_registered && atexit(pattern_reset) == 0)
		cleanup_registered = 1;
}

static struct origin *find_origin(const pcre2_code *re)
{
	size_t i;

	for (i = 0; i < norigins; i++)
		if (origins[i].re == re)
			return &origins[i];
	return NULL;
}

static struct origin *add_origin(const pcre2_code *re)
{
	struct origin *o = find_origin(re);

	if (o != NULL)
		return o;
	register_cleanup();
	xgrow((void **)&origins, &origins_cap, norigins, sizeof *origins);
	o = &origins[norigins++];
	memset(o, 0, sizeof *o);
	o->re = re;
	return o;
}

/* A freshly compiled pattern may reuse the address of a freed one: forget
 * what was known about that address. */
static void forget_origin(const pcre2_code *re)
{
	struct origin *o = find_origin(re);

	if (o == NULL)
		return;
	free(o->file);
	*o = origins[--norigins];
}

void pattern_set_origin(const pcre2_code *re, const char *file, int line, int col)
{
	struct origin *o;

	if (re == NULL)
		return;
	o = add_origin(re);
	free(o->file);
	o->file = xstrdup(file != NULL ? file : "");
	o->line = line;
	o->col = col;
}

void pattern_set_subject(const char *s)
{
	free(state.subject);
	state.subject = s != NULL ? xstrdup(s) : NULL;
	if (s != NULL)
		register_cleanup();
}

pcre2_code *pattern_compile(const char *src, unsigned flags, char *err, size_t errlen,
			    size_t *offset)
{
	int code = 0;
	PCRE2_SIZE off = 0;
	pcre2_code *re;

	/* Paths and file text need not be valid UTF-8: such subjects must
	 * match or fail, never make matching an error. A '$' matches only at
	 * the very end: "2021-042\n" is not an id that fits "^\d{4}-\d{3}$". */
	re = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED,
			   PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF | PCRE2_DOLLAR_ENDONLY |
			       flags,
			   &code, &off, NULL);
	if (re == NULL) {
		pcre2_get_error_message(code, (PCRE2_UCHAR *)err, errlen);
		*offset = off;
		return NULL;
	}
	/* JIT is an optimisation: when it is unavailable the interpreter runs. */
	(void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	forget_origin(re);
	return re;
}

/* Makes the match context (with its limits) and the JIT stack once.
 * Returns 0, or -1 when memory is short. */
static int ensure_context(void)
{
	if (state.mctx != NULL)
		return 0;
	register_cleanup();
	state.mctx = pcre2_match_context_create(NULL);
	if (state.mctx == NULL)
		return -1;
	if (pcre2_set_match_limit(state.mctx, PATTERN_MATCH_LIMIT) != 0 ||
	    pcre2_set_depth_limit(state.mctx, PATTERN_DEPTH_LIMIT) != 0 ||
	    pcre2_set_heap_limit(state.mctx, PATTERN_HEAP_LIMIT) != 0)
		return -1;
	state.jit = pcre2_jit_stack_create(32 * 1024, PATTERN_JIT_STACK, NULL);
	/* Without a JIT stack of its own, JIT uses a small one on the machine
	 * stack: still bounded, only sooner at its limit. */
	if (state.jit != NULL)
		pcre2_jit_stack_assign(state.mctx, NULL, state.jit);
	return 0;
}

/* Returns match data with room for every group of re, or NULL. */
static pcre2_match_data *match_data_for(const pcre2_code *re)
{
	uint32_t groups = 0;

	if (pcre2_pattern_info(re, PCRE2_INFO_CAPTURECOUNT, &groups) != 0)
		return NULL;
	if (state.md != NULL && state.pairs > groups)
		return state.md;
	pcre2_match_data_free(state.md);
	state.pairs = groups + 1 < 16 ? 16 : groups + 1;
	state.md = pcre2_match_data_create(state.pairs, NULL);
	if (state.md == NULL)
		state.pairs = 0;
	return state.md;
}

static int is_limit(int rc)
{
	return rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
	       rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT ||
	       rc == PCRE2_ERROR_NOMEMORY;
}

/* Remembers that re gave up (once per pattern) and returns why. */
static int record_failure(const pcre2_code *re, int why)
{
	struct origin *o;
	struct pattern_failure *f;

	pthread_mutex_lock(&lock);
	o = add_origin(re);
	if (o->failed != 0) {
		why = o->failed;
		goto out;
	}
	o->failed = why;
	xgrow((void **)&failures, &failures_cap, nfailures, sizeof *failures);
	f = &failures[nfailures++];
	f->file = xstrdup(o->file != NULL ? o->file : "");
	f->line = o->line;
	f->col = o->col;
	f->limit = why == PATTERN_LIMIT;
	f->subject = xstrdup(state.subject != NULL ? state.subject : "");
	__atomic_store_n(&any_failed, 1, __ATOMIC_RELEASE);
out:
	pthread_mutex_unlock(&lock);
	return why;
}

/* Returns how re failed before (PATTERN_LIMIT or PATTERN_ERROR), or 0. */
static int failed_before(const pcre2_code *re)
{
	const struct origin *o;
	int failed;

	if (!__atomic_load_n(&any_failed, __ATOMIC_ACQUIRE))
		return 0;
	pthread_mutex_lock(&lock);
	o = find_origin(re);
	failed = o != NULL ? o->failed : 0;
	pthread_mutex_unlock(&lock);
	return failed;
}

/* Runs re on s from offset from; returns the pcre2 result, or a PATTERN_ failure. */
static int run_from(const pcre2_code *re, const char *s, size_t len, size_t from,
		    pcre2_match_data **md)
{
	int rc = failed_before(re);

	if (rc != 0)
		return rc;
	if (ensure_context() != 0)
		return record_failure(re, PATTERN_LIMIT);
	*md = match_data_for(re);
	if (*md == NULL)
		return record_failure(re, PATTERN_LIMIT);
	rc = pcre2_match(re, (PCRE2_SPTR)s, len, from, 0, *md, state.mctx);
	if (rc == PCRE2_ERROR_NOMATCH)
		return PATTERN_NOMATCH;
	if (rc < 0)
		return record_failure(re, is_limit(rc) ? PATTERN_LIMIT : PATTERN_ERROR);
	return PATTERN_MATCH;
}

static int run(const pcre2_code *re, const char *s, size_t len, pcre2_match_data **md)
{
	return run_from(re, s, len, 0, md);
}

int pattern_find(const pcre2_code *re, const char *s, size_t len, size_t from, size_t *start,
		 size_t *end)
{
	pcre2_match_data *md = NULL;
	PCRE2_SIZE *ov;
	int rc = run_from(re, s, len, from, &md);

	if (rc != PATTERN_MATCH)
		return rc;
	ov = pcre2_get_ovector_pointer(md);
	*start = ov[0];
	*end = ov[1];
	return PATTERN_MATCH;
}

int pattern_match(const pcre2_code *re, const char *s, size_t len)
{
	pcre2_match_data *md = NULL;

	return run(re, s, len, &md);
}

int pattern_group(const pcre2_code *re, const char *s, size_t len, const char *group, char *out,
		  size_t outlen)
{
	pcre2_match_data *md = NULL;
	PCRE2_SIZE n = outlen;

	return run(re, s, len, &md) == PATTERN_MATCH &&
	       pcre2_substring_copy_byname(md, (PCRE2_SPTR)group, (PCRE2_UCHAR *)out, &n) == 0;
}

const struct pattern_failure *pattern_failures(size_t *count)
{
	*count = nfailures;
	return failures;
}

void pattern_reset(void)
{
	size_t i;

	for (i = 0; i < norigins; i++)
		free(origins[i].file);
	free(origins);
	origins = NULL;
	norigins = origins_cap = 0;
	for (i = 0; i < nfailures; i++) {
		free((char *)failures[i].file);
		free((char *)failures[i].subject);
	}
	free(failures);
	failures = NULL;
	nfailures = failures_cap = 0;
	__atomic_store_n(&any_failed, 0, __ATOMIC_RELEASE);
	pattern_thread_done();
}

void pattern_thread_done(void)
{
	free(state.subject);
	pcre2_match_data_free(state.md);
	pcre2_match_context_free(state.mctx);
	pcre2_jit_stack_free(state.jit);
	memset(&state, 0, sizeof state);
}

/* The pieces of a glob: a star and the text up to the next star. */
enum star { STAR_NONE, STAR_ONE, STAR_TWO, STAR_DIRS };

struct piece {
	enum star star;
	struct buf text; /* the text after the star, as pattern source */
	int slash;       /* the text holds a '/' */
	int ends_slash;  /* the text ends with '/' */
};

static const char *const star_greedy[] = {"", "[^/]*", ".*", "(?:.*/)?"};
static const char *const star_lazy[] = {"", "[^/]*?", ".*?", "(?:.*?/)??"};

/* Reads the run of stars at *p and moves *p past it. Stars pair up from
 * the left: two stars and a slash cross folders and take the slash (also at
 * the very end), two stars alone are any text, one star stays in one folder.
 * A longer run means the same as two stars, except that an even run before
 * a slash takes the slash as well. */
static enum star read_star(const char **p)
{
	const char *q = *p;
	size_t run;

	while (*q == '*')
		q++;
	run = (size_t)(q - *p);
	*p = q;
	if (run == 1)
		return STAR_ONE;
	if (*q == '/' && run % 2 == 0) {
		*p = q + 1;
		return run == 2 && q[1] != '\0' ? STAR_DIRS : STAR_TWO;
	}
	return STAR_TWO;
}

static void add_literal(struct piece *pc, const char *p)
{
	unsigned char c = (unsigned char)*p;

	if (c == '?')
		buf_puts(&pc->text, "[^/]");
	else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		 c >= 0x80)
		buf_add(&pc->text, p, 1);
	else if (c == '\n')
		buf_puts(&pc->text, "\\n");
	else
		buf_printf(&pc->text, "\\x{%x}", c);
	pc->slash |= c == '/';
	pc->ends_slash = c == '/';
}

/* True when the text after star i can take its leftmost place and never
 * give it back: the next star can absorb whatever a later place would have
 * skipped. This keeps globs such as a**b**c**d from backtracking. */
static int can_be_atomic(const struct piece *pcs, size_t i, size_t n)
{
	enum star next;

	if (i + 1 >= n || pcs[i].star == STAR_NONE)
		return 0;
	next = pcs[i + 1].star;
	return next == STAR_TWO || (next == STAR_ONE && pcs[i].star == STAR_ONE && !pcs[i].slash) ||
	       (next == STAR_DIRS && pcs[i].ends_slash);
}

char *glob_to_pattern(const char *glob)
{
	struct buf b = {0};
	struct piece *pcs = NULL;
	size_t n = 1, cap = 0, i;
	const char *p = glob, *slash = strchr(glob, '/');

	xgrow((void **)&pcs, &cap, 0, sizeof *pcs);
	memset(&pcs[0], 0, sizeof *pcs);
	if (*p == '/')
		p++;
	while (*p != '\0' && !(p[0] == '/' && p[1] == '\0')) {
		if (*p != '*') {
			add_literal(&pcs[n - 1], p++);
			continue;
		}
		xgrow((void **)&pcs, &cap, n, sizeof *pcs);
		memset(&pcs[n], 0, sizeof *pcs);
		pcs[n++].star = read_star(&p);
	}
	/* Like .gitignore: a glob whose only slash ends it matches at any depth.
	 * (?s): a name may hold a newline. */
	buf_puts(&b, slash == NULL || slash[1] == '\0' ? "(?s)^(?:.*/)?" : "(?s)^");
	for (i = 0; i < n; i++) {
		if (can_be_atomic(pcs, i, n))
			buf_printf(&b, "(?>%s%s)", star_lazy[pcs[i].star],
				   pcs[i].text.data ? pcs[i].text.data : "");
		else
			buf_printf(&b, "%s%s", star_greedy[pcs[i].star],
				   pcs[i].text.data ? pcs[i].text.data : "");
		buf_free(&pcs[i].text);
	}
	free(pcs);
	buf_puts(&b, "(?:/.*)?$");
	return buf_take(&b);
}
