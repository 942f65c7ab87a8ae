/* SPDX-License-Identifier: EUPL-1.2 */
/* test_wfile.c - unit tests for the one write path (wfile.h): names, one file, several files. */
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

#include "util.h"
#include "wfile.h"

static char dir[] = "/tmp/clerk-wfile.XXXXXX";

static char *in_dir(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static void put(const char *name, const char *text)
{
	char *path = in_dir(name);

	assert_int_equal(wfile_replace(path, text, strlen(text), 0644), 0);
	free(path);
}

static char *get(const char *name)
{
	struct read_error err;
	char *path = in_dir(name), *text;
	size_t len;

	text = read_file(path, 1024, &len, &err);
	free(path);
	return text;
}

/* The number of entries in dir whose name starts with ".clerk-". */
static int leftovers(void)
{
	char *cmd = xasprintf("ls -A %s | grep -c '^\\.clerk-'", dir);
	FILE *p = popen(cmd, "r");
	int n = -1;

	assert_non_null(p);
	assert_int_equal(fscanf(p, "%d", &n), 1);
	pclose(p);
	free(cmd);
	return n;
}

static void test_names(void **state)
{
	(void)state;
	assert_null(wfile_name_problem("2024-017.md"));
	assert_null(wfile_name_problem("Besluit één.md"));
	assert_non_null(wfile_name_problem(""));
	assert_non_null(wfile_name_problem(".."));
	assert_non_null(wfile_name_problem("a/b.md"));
	assert_non_null(wfile_name_problem(".md"));
	assert_non_null(wfile_name_problem("-rf.md"));
	assert_non_null(wfile_name_problem("a\nb.md"));
	assert_non_null(wfile_name_problem("a\xc2\x85"
					   "b.md"));
	assert_non_null(wfile_name_problem("a\xe2\x80\xa8"
					   "b.md"));
}

static void test_ids(void **state)
{
	(void)state;
	assert_null(wfile_id_problem("COV-2024-001"));
	assert_null(wfile_id_problem("2024000012"));
	assert_null(wfile_id_problem("2021-042"));
	assert_non_null(wfile_id_problem("../../escaped"));
	assert_non_null(wfile_id_problem("n9\nstatus: adopted"));
	assert_non_null(wfile_id_problem("n9 # x"));
	assert_non_null(wfile_id_problem(""));
	assert_non_null(wfile_id_problem("n\"9"));
	assert_non_null(wfile_id_problem(".hidden"));
	assert_non_null(wfile_id_problem("2024000999\n"));
	assert_non_null(wfile_id_problem("true"));
}

static void test_inside(void **state)
{
	char *link = in_dir("out"), *sub = in_dir("sub/new/x.md"), *esc = in_dir("out/x.md");

	(void)state;
	assert_int_equal(symlink("/tmp", link), 0);
	assert_true(wfile_inside(dir, sub));
	assert_false(wfile_inside(dir, esc));
	assert_false(wfile_inside(dir, "/etc/passwd"));
	unlink(link);
	free(link);
	free(sub);
	free(esc);
}

static void test_create_never_replaces(void **state)
{
	char *path = in_dir("a.md"), *text;

	(void)state;
	assert_int_equal(wfile_create(path, "one", 3, 0644), 0);
	assert_int_equal(wfile_create(path, "two", 3, 0644), -1);
	text = get("a.md");
	assert_string_equal(text, "one");
	assert_int_equal(leftovers(), 0);
	free(text);
	unlink(path);
	free(path);
}

/* A file written in parts appears whole at the end, never replaces one,
 * and an abandoned one leaves nothing behind. */
static void test_stream(void **state)
{
	char *path = in_dir("site.html"), *text;
	struct wfile_stream *w;

	(void)state;
	w = wfile_stream_new(path, 0644);
	assert_non_null(w);
	assert_int_equal(wfile_stream_write(w, "<p>one", 6), 0);
	assert_int_equal(access(path, F_OK), -1); /* not there before the end */
	assert_int_equal(wfile_stream_write(w, "</p>", 4), 0);
	assert_int_equal(wfile_stream_finish(w), 0);
	text = get("site.html");
	assert_string_equal(text, "<p>one</p>");
	free(text);
	w = wfile_stream_new(path, 0644);
	assert_non_null(w);
	assert_int_equal(wfile_stream_write(w, "other", 5), 0);
	assert_int_equal(wfile_stream_finish(w), -1); /* the file exists: kept */
	text = get("site.html");
	assert_string_equal(text, "<p>one</p>");
	free(text);
	unlink(path);
	w = wfile_stream_new(path, 0644);
	assert_non_null(w);
	assert_int_equal(wfile_stream_write(w, "half", 4), 0);
	wfile_stream_abandon(w);
	assert_int_equal(access(path, F_OK), -1);
	assert_int_equal(leftovers(), 0);
	free(path);
}

/* A file of a new tree is written whole, never over a file or through a
 * symbolic link. */
static void test_tree_create(void **state)
{
	char *path = in_dir("page.html"), *link_path = in_dir("link.html"), *text;

	(void)state;
	assert_int_equal(wfile_tree_create(path, "<p>one</p>", 10), 0);
	assert_int_equal(wfile_tree_create(path, "two", 3), -1);
	text = get("page.html");
	assert_string_equal(text, "<p>one</p>");
	free(text);
	assert_int_equal(symlink(path, link_path), 0);
	assert_int_equal(wfile_tree_create(link_path, "three", 5), -1);
	text = get("page.html");
	assert_string_equal(text, "<p>one</p>");
	free(text);
	unlink(link_path);
	unlink(path);
	free(link_path);
	free(path);
}

static void test_replace_keeps_link(void **state)
{
	char *target = in_dir("t.md"), *link = in_dir("l.md"), *text;
	struct stat st;

	(void)state;
	put("t.md", "old");
	assert_int_equal(symlink("t.md", link), 0);
	assert_int_equal(wfile_replace(link, "new", 3, 0644), 0);
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	text = get("t.md");
	assert_string_equal(text, "new");
	free(text);
	unlink(link);
	unlink(target);
	free(link);
	free(target);
}

static void test_txn_all(void **state)
{
	char *a = in_dir("a.md"), *b = in_dir("b.md"), *c = in_dir("c.md"), *text, msg[256];
	struct wfile_txn *t = wfile_txn_new(dir, "test");

	(void)state;
	put("a.md", "A");
	put("b.md", "B");
	assert_int_equal(wfile_txn_replace(t, a, "A2", 2), 0);
	assert_int_equal(wfile_txn_create(t, c, "C", 1, 0644), 0);
	assert_int_equal(wfile_txn_remove(t, b), 0);
	assert_int_equal(wfile_txn_replace(t, "/etc/passwd", "x", 1), -1);
	assert_int_equal(wfile_txn_commit(t, msg, sizeof msg), 0);
	wfile_txn_free(t);
	text = get("a.md");
	assert_string_equal(text, "A2");
	free(text);
	text = get("c.md");
	assert_string_equal(text, "C");
	free(text);
	assert_int_equal(access(b, F_OK), -1);
	assert_int_equal(leftovers(), 0);
	assert_false(wfile_pending(dir));
	unlink(a);
	unlink(c);
	free(a);
	free(b);
	free(c);
}

/* A create over an existing file fails the whole change: the replace
 * before it is undone. */
static void test_txn_none(void **state)
{
	char *a = in_dir("a.md"), *b = in_dir("b.md"), *text, msg[256];
	struct wfile_txn *t = wfile_txn_new(dir, "test");

	(void)state;
	put("a.md", "A");
	put("b.md", "B");
	assert_int_equal(wfile_txn_replace(t, a, "A2", 2), 0);
	assert_int_equal(wfile_txn_create(t, b, "B2", 2, 0644), 0);
	assert_int_equal(wfile_txn_commit(t, msg, sizeof msg), -1);
	assert_non_null(strstr(msg, "b.md"));
	wfile_txn_free(t);
	text = get("a.md");
	assert_string_equal(text, "A");
	free(text);
	text = get("b.md");
	assert_string_equal(text, "B");
	free(text);
	assert_int_equal(leftovers(), 0);
	assert_false(wfile_pending(dir));
	unlink(a);
	unlink(b);
	free(a);
	free(b);
}

/* A journal naming a file outside the root is not acted on. */
static void test_recover_refuses_outside(void **state)
{
	char msg[256];
	char *journal = in_dir(".clerk-journal");
	FILE *f = fopen(journal, "w");

	(void)state;
	assert_non_null(f);
	fprintf(f,
		"clerk journal 1\nstate commit\nwhat x\nD /etc/passwd - /etc/.clerk-p.1-0.old\n");
	fclose(f);
	assert_int_equal(wfile_recover(dir, msg, sizeof msg), WFILE_STUCK);
	assert_int_equal(access("/etc/passwd", F_OK), 0);
	unlink(journal);
	free(journal);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_names),
	    cmocka_unit_test(test_ids),
	    cmocka_unit_test(test_inside),
	    cmocka_unit_test(test_create_never_replaces),
	    cmocka_unit_test(test_replace_keeps_link),
	    cmocka_unit_test(test_stream),
	    cmocka_unit_test(test_tree_create),
	    cmocka_unit_test(test_txn_all),
	    cmocka_unit_test(test_txn_none),
	    cmocka_unit_test(test_recover_refuses_outside),
	};
	int rc;

	if (mkdtemp(dir) == NULL)
		return 1;
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	rmdir(dir);
	return rc;
}
