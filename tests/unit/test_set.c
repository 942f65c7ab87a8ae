/* SPDX-License-Identifier: EUPL-1.2 */
/* test_set.c - the whole-set index: the id map, reference resolution and
 * the reference graph in both directions, on summaries built in memory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "set_index.h"
#include "util.h"

static void test_smap(void **state)
{
	const char **keys = xmalloc(5 * sizeof *keys);
	struct smap m;

	(void)state;
	keys[0] = "a";
	keys[1] = "b";
	keys[2] = NULL;
	keys[3] = "a";
	keys[4] = "ab";
	smap_build(&m, keys, 5);
	assert_int_equal(smap_find(&m, "a"), 0);
	assert_int_equal(m.next[0], 3); /* the same key, in record order */
	assert_int_equal(m.next[3], SET_NONE);
	assert_int_equal(smap_find(&m, "b"), 1);
	assert_int_equal(smap_find(&m, "ab"), 4);
	assert_int_equal(smap_find(&m, "A"), SET_NONE); /* exact, as written */
	assert_int_equal(smap_find(&m, ""), SET_NONE);
	smap_free(&m); /* frees keys */
}

/* A summary of type t with id and the refs given (field f). */
static struct summary *rec(const struct schema *t, const char *id, const struct field_spec *f,
			   const char *const *refs, size_t n)
{
	struct summary *s = xcalloc(1, sizeof *s);
	size_t i;

	s->path = xasprintf("%s.md", id);
	s->schema = t;
	s->id = xstrdup(id);
	s->date.days = s->start.days = s->end.days = s->next_report.days = -1;
	s->refs = xcalloc(n ? n : 1, sizeof *s->refs);
	for (i = 0; i < n; i++) {
		s->refs[i].spec = f;
		s->refs[i].value = xstrdup(refs[i]);
		s->refs[i].line = (int)i + 1;
	}
	s->nrefs = n;
	return s;
}

static void test_graph(void **state)
{
	struct schema cov = {0}, dec = {0};
	const struct schema *targets[] = {&cov};
	struct field_spec cites = {0};
	const char *r0[] = {"C1"}, *r1[] = {"C1", "C2", "D1"}, *r2[] = {"X"};
	struct summary *recs[4];
	struct set_index ix;
	size_t i, k, in0 = 0;

	(void)state;
	cov.name = "covenant";
	dec.name = "decision";
	cites.name = "cites";
	cites.ntargets = 1;
	cites.target_schemas = targets;
	recs[0] = rec(&dec, "D1", &cites, r0, 1);
	recs[1] = rec(&dec, "D2", &cites, r1, 3);
	recs[2] = rec(&cov, "C1", &cites, r2, 1);
	recs[3] = rec(&cov, "C2", &cites, NULL, 0);
	set_index_build(&ix, recs, 4);
	assert_int_equal(ix.ref_target[ix.ref_base[0]], 2);
	assert_int_equal(ix.ref_target[ix.ref_base[1] + 0], 2);
	assert_int_equal(ix.ref_target[ix.ref_base[1] + 1], 3);
	assert_int_equal(ix.ref_target[ix.ref_base[1] + 2], 0); /* a decision, of another type */
	assert_int_equal(ix.ref_target[ix.ref_base[2]], SET_NONE);
	/* Incoming edges: C1 from D1 and D2, C2 from D2, D1 from D2, D2 from none. */
	assert_int_equal(ix.in_start[3] - ix.in_start[2], 2);
	assert_int_equal(ix.in_start[4] - ix.in_start[3], 1);
	assert_int_equal(ix.in_start[1] - ix.in_start[0], 1);
	assert_int_equal(ix.in_start[2] - ix.in_start[1], 0);
	for (k = ix.in_start[2]; k < ix.in_start[3]; k++)
		in0 += ix.in[k].from;
	assert_int_equal(in0, 0 + 1);
	assert_true(set_allows(&cites, &cov));
	assert_false(set_allows(&cites, &dec));
	set_index_free(&ix);
	for (i = 0; i < 4; i++)
		summary_free(recs[i]);
}

static void test_set_check_reports(void **state)
{
	struct schema cov = {0};
	const struct schema *targets[] = {&cov};
	struct field_spec cites = {0};
	const char *r[] = {"C9", "C1"};
	struct summary *recs[3];
	struct diag_list diags = {0};
	size_t i, dup = 0;

	(void)state;
	cov.name = cov.title = "covenant";
	cites.name = "cites";
	cites.ntargets = 1;
	cites.target_schemas = targets;
	recs[0] = rec(&cov, "C1", &cites, r, 2);
	recs[1] = rec(&cov, "C1", &cites, NULL, 0);
	recs[2] = rec(&cov, "C2", &cites, NULL, 0);
	set_check(recs, 3, "2025-12-31", &diags);
	/* id-duplicate on both C1s, ref-unresolved for C9 (with a suggestion:
	 * C2, as C1 is in the same field already). */
	assert_int_equal(diags.n, 3);
	for (i = 0; i < diags.n; i++) {
		if (diags.items[i].rule == RULE_ID_DUPLICATE) {
			assert_int_equal(diags.items[i].nrelated, 1);
			dup++;
		} else {
			assert_int_equal(diags.items[i].rule, RULE_REF_UNRESOLVED);
			assert_non_null(strstr(diags.items[i].message, "did you mean C2?"));
		}
	}
	assert_int_equal(dup, 2);
	diag_list_free(&diags);
	for (i = 0; i < 3; i++)
		summary_free(recs[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_smap),
	    cmocka_unit_test(test_graph),
	    cmocka_unit_test(test_set_check_reports),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
