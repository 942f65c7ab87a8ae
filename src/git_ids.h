/* SPDX-License-Identifier: EUPL-1.2 */
/* git_ids.h - the ids taken in other branches of the Git repository.
 *
 * Reads with git itself (for-each-ref, ls-tree, cat-file --batch), never
 * over the network: every local branch and remote-tracking branch, every
 * Markdown file in them, its name and the id field of its front matter. */
#ifndef CLERK_GIT_IDS_H
#define CLERK_GIT_IDS_H

#include <stddef.h>

/* A growable list of malloc'd strings; zero-initialise, free with strlist_free. */
struct strlist {
	char **items;
	size_t n, cap;
};

void strlist_add(struct strlist *l, const char *s, size_t len);
void strlist_free(struct strlist *l);

/* Adds to ids, for every .md file in every branch of the repository that
 * holds dir: its name without .md, and the value of id_field in its front
 * matter. Returns 0 (also when dir is not in a Git repository or git is not
 * installed: nothing is added), or -1 with a message in msg when git fails
 * in a repository. */
int git_ids_collect(const char *dir, const char *id_field, struct strlist *ids, char *msg,
		    size_t msglen);

/* Reads the value of id_field from the front matter at the start of text
 * (len bytes), without a YAML parser: a line "id_field: value" before the
 * closing '---'. Returns a malloc'd value without quotes, or NULL. */
char *git_ids_front_value(const char *text, size_t len, const char *id_field);

#endif
