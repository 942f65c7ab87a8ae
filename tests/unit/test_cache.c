/* SPDX-License-Identifier: EUPL-1.2 */
/* test_cache.c - unit tests for the cache of per-file results (cache.h):
 * a change of clerk's version is a miss; a cut or changed entry is never
 * taken for a result. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "cache.h"
#include "util.h"

static const char record[] = "---\ntype: decision\nid: 2024-001\ntitle: Besluit\n"
			     "date: 2024-02-30\nstatus: vastgesteld\n"
			     "authority: College van burgemeester en wethouders van Dijkmeer\n"
			     "cites:\n  - 2023-009\n---\n## Besluit\n\n1. Aan te nemen, zie "
			     "[ander](2024-002.md).\n"
			     "<!-- clerk-disable-next-line text-date-invalid -->\n";

struct fixture {
	char top[64], set[96], cache[96], file[160], old_cwd[4096];
	struct project p;
	struct source src;
};

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);
	struct config_error err = {0};
	char *paths[] = {(char *)"."};
	FILE *out;

	snprintf(f->top, sizeof f->top, "/tmp/clerk-cache-XXXXXX");
	assert_non_null(mkdtemp(f->top));
	snprintf(f->set, sizeof f->set, "%s/set", f->top);
	snprintf(f->cache, sizeof f->cache, "%s/cache", f->top);
	snprintf(f->file, sizeof f->file, "%s/2024-001.md", f->set);
	assert_int_equal(mkdir(f->set, 0700), 0);
	out = fopen(f->file, "w");
	assert_non_null(out);
	fputs(record, out);
	fclose(out);
	assert_non_null(getcwd(f->old_cwd, sizeof f->old_cwd));
	assert_int_equal(chdir(f->set), 0);
	setenv("XDG_CACHE_HOME", f->cache, 1);
	assert_int_equal(project_open(&f->p, NULL, paths, 1, &err), 0);
	f->src = (struct source){
	    .path = (char *)"2024-001.md", .relpath = (char *)"2024-001.md", .abs = f->file};
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	char *where = NULL;

	project_close(&f->p);
	assert_int_equal(cache_clean(&where), 0);
	free(where);
	unlink(f->file);
	rmdir(f->set);
	rmdir(f->cache);
	rmdir(f->top);
	assert_int_equal(chdir(f->old_cwd), 0);
	free(f);
	return 0;
}

static struct file_result *check_source(const struct project *p, const struct source *src,
					const char *text, size_t len)
{
	return text != NULL ? check_text(p, src, text, len) : check_file(p, src);
}

/* Checks the file through a cache opened under version; returns 1 when the
 * result came from the cache. */
static int run_once(struct fixture *f, const char *version, size_t *ndiags)
{
	struct cache *c = cache_open(&f->p, version);
	struct cache_slot slot = {0};
	struct file_result *r;
	int hit;

	assert_non_null(c);
	r = cache_check_file(c, &f->p, &f->src, check_source, &slot);
	assert_non_null(r);
	hit = slot.hit;
	*ndiags = r->diags.n;
	assert_int_equal(cache_save(c, &slot, 1), 0);
	cache_free(c);
	file_result_free(r);
	return hit;
}

static void test_version_change_is_a_miss(void **state)
{
	struct fixture *f = *state;
	size_t cold, warm;

	assert_int_equal(run_once(f, "1.0", &cold), 0);
	assert_true(cold >= 2); /* field-enum and field-type at least */
	assert_int_equal(run_once(f, "1.0", &warm), 1);
	assert_int_equal(warm, cold);
	assert_int_equal(run_once(f, "1.0.1", &warm), 0);
	assert_int_equal(warm, cold);
	assert_int_equal(run_once(f, "1.0.1", &warm), 1);
	assert_int_equal(run_once(f, "1.0", &warm), 0);
}

static void test_entry_round_trip_and_cuts(void **state)
{
	struct fixture *f = *state;
	struct file_result *r = check_file(&f->p, &f->src), *back;
	size_t len, len2, cut;
	char *entry = cache_encode(r, &len), *again, *bent;

	assert_non_null(r->summary);
	assert_true(r->suppressions.n > 0);
	back = cache_decode(&f->p, entry, len);
	assert_non_null(back);
	again = cache_encode(back, &len2);
	assert_int_equal(len, len2);
	assert_memory_equal(entry, again, len);
	/* every shorter entry is refused, never read past its end */
	for (cut = 0; cut < len; cut++)
		assert_null(cache_decode(&f->p, entry, cut));
	/* a length made larger than what follows is refused */
	bent = xstrdup(entry);
	bent[0] = '9';
	assert_null(cache_decode(&f->p, bent, len));
	free(bent);
	free(again);
	free(entry);
	file_result_free(back);
	file_result_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_version_change_is_a_miss, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_entry_round_trip_and_cuts, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
