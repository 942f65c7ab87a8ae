/* SPDX-License-Identifier: EUPL-1.2 */
/* git.h - running the git program: the one place clerk starts it.
 *
 * git is started with posix_spawnp from an argument vector (never through
 * a shell), optionally as `git -C DIR`, with its standard output on a pipe
 * clerk reads. Its standard input is /dev/null, a file descriptor clerk
 * gives, or a pipe clerk writes (for `cat-file --batch`). Used by
 * `clerk check --staged` (staged.c) and for the ids in every branch
 * (git_ids.c). */
#ifndef CLERK_GIT_H
#define CLERK_GIT_H

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

/* Git's output is read whole by git_read; a list of file names longer than
 * this is not a records repository clerk can check in one go. */
#define GIT_OUTPUT_MAX ((size_t)256 * 1024 * 1024)

/* What git reads on its standard input: nothing (/dev/null), a pipe that
 * clerk writes through g->in, or else the file descriptor given. */
#define GIT_IN_NONE (-1)
#define GIT_IN_PIPE (-2)

/* A running git: its process and the ends of its pipes clerk holds. */
struct git {
	pid_t pid;
	FILE *in;  /* its standard input, with GIT_IN_PIPE; else NULL */
	FILE *out; /* its standard output */
};

/* Starts git with args (NULL-terminated, at most 12, without "git"), in
 * the folder dir when it is not NULL (git -C dir). in: GIT_IN_NONE,
 * GIT_IN_PIPE or a file descriptor. Its standard error is kept when
 * keep_stderr, else goes to /dev/null. Returns 0, or -1 with errno when it
 * could not be started; either way git_finish ends it. */
int git_start(struct git *g, const char *dir, const char *const *args, int in, int keep_stderr);

/* Closes the pipes and waits for git; returns its exit code, or -1 when it
 * did not exit normally or was not started (127: no git program). */
int git_finish(struct git *g);

/* Runs git as git_start does (input /dev/null) and returns all it wrote
 * (malloc'd, NUL-terminated, its length in *len), or NULL when it could
 * not run, failed, or wrote more than GIT_OUTPUT_MAX. */
char *git_read(const char *dir, const char *const *args, int keep_stderr, size_t *len);

#endif
