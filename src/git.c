/* SPDX-License-Identifier: EUPL-1.2 */
/* git.c - running the git program: the one place clerk starts it. */
#include "git.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util.h"

extern char **environ;

/* Fills argv with git [-C dir] args; at most n entries with the NULL. */
static void git_argv(char **argv, size_t n, const char *dir, const char *const *args)
{
	size_t k = 0;

	argv[k++] = (char *)"git";
	if (dir != NULL) {
		argv[k++] = (char *)"-C";
		argv[k++] = (char *)dir;
	}
	while (*args != NULL && k < n - 1)
		argv[k++] = (char *)*args++;
	argv[k] = NULL;
}

/* Sets up the child's standard input, output and error in fa. */
static int git_actions(posix_spawn_file_actions_t *fa, const int out[2], const int pin[2], int in,
		       int keep_stderr)
{
	int rc = posix_spawn_file_actions_adddup2(fa, out[1], STDOUT_FILENO);

	rc = rc ? rc : posix_spawn_file_actions_addclose(fa, out[0]);
	rc = rc ? rc : posix_spawn_file_actions_addclose(fa, out[1]);
	if (in == GIT_IN_PIPE) {
		rc = rc ? rc : posix_spawn_file_actions_adddup2(fa, pin[0], STDIN_FILENO);
		rc = rc ? rc : posix_spawn_file_actions_addclose(fa, pin[0]);
		rc = rc ? rc : posix_spawn_file_actions_addclose(fa, pin[1]);
	} else if (in >= 0) {
		rc = rc ? rc : posix_spawn_file_actions_adddup2(fa, in, STDIN_FILENO);
	} else {
		rc = rc ? rc
			: posix_spawn_file_actions_addopen(fa, STDIN_FILENO, "/dev/null", O_RDONLY,
							   0);
	}
	if (!keep_stderr)
		rc = rc ? rc
			: posix_spawn_file_actions_addopen(fa, STDERR_FILENO, "/dev/null", O_WRONLY,
							   0);
	return rc;
}

int git_start(struct git *g, const char *dir, const char *const *args, int in, int keep_stderr)
{
	posix_spawn_file_actions_t fa;
	int out[2] = {-1, -1}, pin[2] = {-1, -1}, rc = -1, err = 0;
	char *argv[16];

	git_argv(argv, sizeof argv / sizeof *argv, dir, args);
	memset(g, 0, sizeof *g);
	if (pipe(out) != 0 || (in == GIT_IN_PIPE && pipe(pin) != 0))
		goto out;
	if (posix_spawn_file_actions_init(&fa) != 0)
		goto out;
	err = git_actions(&fa, out, pin, in, keep_stderr);
	if (err == 0)
		err = posix_spawnp(&g->pid, "git", &fa, NULL, argv, environ);
	if (err == 0)
		rc = 0;
	else
		g->pid = 0;
	posix_spawn_file_actions_destroy(&fa);
out:
	if (out[1] >= 0)
		close(out[1]);
	if (pin[0] >= 0)
		close(pin[0]);
	if (rc == 0)
		g->out = fdopen(out[0], "r");
	if (rc == 0 && in == GIT_IN_PIPE)
		g->in = fdopen(pin[1], "w");
	if (rc == 0 && (g->out == NULL || (in == GIT_IN_PIPE && g->in == NULL)))
		rc = -1; /* the process is still reaped by git_finish */
	if (g->out == NULL && out[0] >= 0)
		close(out[0]);
	if (g->in == NULL && pin[1] >= 0)
		close(pin[1]);
	if (err != 0)
		errno = err;
	return rc;
}

int git_finish(struct git *g)
{
	int status;

	if (g->in != NULL)
		fclose(g->in);
	if (g->out != NULL)
		fclose(g->out);
	g->in = g->out = NULL;
	if (g->pid <= 0)
		return -1;
	while (waitpid(g->pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	g->pid = 0;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

char *git_read(const char *dir, const char *const *args, int keep_stderr, size_t *len)
{
	struct buf b = {0};
	struct git g;
	char chunk[65536];
	size_t n;
	int ok;

	ok = git_start(&g, dir, args, GIT_IN_NONE, keep_stderr) == 0;
	buf_add(&b, "", 0);
	while (ok && (n = fread(chunk, 1, sizeof chunk, g.out)) > 0) {
		if (b.len + n > GIT_OUTPUT_MAX)
			ok = 0;
		else
			buf_add(&b, chunk, n);
	}
	if (git_finish(&g) != 0)
		ok = 0;
	if (!ok) {
		buf_free(&b);
		return NULL;
	}
	*len = b.len;
	return buf_take(&b);
}
