/* SPDX-License-Identifier: EUPL-1.2 */
/* subproc.c - running another program without a shell, within a time and an
 * output limit (see subproc.h). */
#include "subproc.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

extern char **environ;

/* A running child: its pid and the read ends of its output and errors. */
struct child {
	pid_t pid;
	int out, err;
};

/* Starts argv with stdin from /dev/null and stdout, stderr to pipes.
 * Returns 0, or an errno value. */
static int child_start(char *const argv[], struct child *c)
{
	posix_spawn_file_actions_t fa;
	int po[2] = {-1, -1}, pe[2] = {-1, -1}, rc;

	if (pipe(po) != 0 || pipe(pe) != 0) {
		rc = errno;
		goto fail;
	}
	/* None of the four reaches the program but as its stdout and stderr. */
	for (int i = 0; i < 2; i++) {
		fcntl(po[i], F_SETFD, FD_CLOEXEC);
		fcntl(pe[i], F_SETFD, FD_CLOEXEC);
	}
	rc = posix_spawn_file_actions_init(&fa);
	if (rc != 0)
		goto fail;
	posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, po[1], STDOUT_FILENO);
	posix_spawn_file_actions_adddup2(&fa, pe[1], STDERR_FILENO);
	rc = posix_spawnp(&c->pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0)
		goto fail;
	close(po[1]);
	close(pe[1]);
	c->out = po[0];
	c->err = pe[0];
	return 0;
fail:
	for (int i = 0; i < 2; i++) {
		if (po[i] >= 0)
			close(po[i]);
		if (pe[i] >= 0)
			close(pe[i]);
	}
	return rc;
}

/* Milliseconds left until deadline (a CLOCK_MONOTONIC time), at least 0. */
static int ms_left(const struct timespec *deadline)
{
	struct timespec now;
	long ms;

	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = (deadline->tv_sec - now.tv_sec) * 1000 + (deadline->tv_nsec - now.tv_nsec) / 1000000;
	return ms < 0 ? 0 : ms > 60000 ? 60000 : (int)ms;
}

/* Reads what is ready on fd into b (up to max bytes in all); returns the
 * bytes read, 0 at the end, -1 on error (EINTR and EAGAIN are not errors:
 * they return 1). */
static ssize_t drain(int fd, struct buf *b, size_t max)
{
	char chunk[65536];
	ssize_t n = read(fd, chunk, sizeof chunk);

	if (n < 0)
		return errno == EINTR || errno == EAGAIN ? 1 : -1;
	if (n > 0 && b->len < max)
		buf_add(b, chunk, (size_t)n < max - b->len ? (size_t)n : max - b->len);
	return n;
}

/* Collects the child's output until both pipes close, the deadline passes
 * or the output passes max_out. Returns the status so far (SUBPROC_OK when
 * the pipes closed in time). */
static enum subproc_status collect(struct child *c, unsigned seconds, size_t max_out,
				   struct buf *out, struct buf *err)
{
	struct timespec deadline;
	struct pollfd fds[2] = {{c->out, POLLIN, 0}, {c->err, POLLIN, 0}};
	int open_fds = 2, i, rc;
	ssize_t n;

	clock_gettime(CLOCK_MONOTONIC, &deadline);
	deadline.tv_sec += seconds;
	while (open_fds > 0) {
		rc = poll(fds, 2, ms_left(&deadline));
		if (rc < 0 && errno != EINTR)
			return SUBPROC_SYSTEM;
		if (rc == 0 && ms_left(&deadline) == 0)
			return SUBPROC_TIMEOUT;
		for (i = 0; i < 2 && rc > 0; i++) {
			if (fds[i].fd < 0 || fds[i].revents == 0)
				continue;
			n = drain(fds[i].fd, i == 0 ? out : err, i == 0 ? max_out + 1 : 511);
			if (n <= 0) {
				fds[i].fd = -1;
				open_fds--;
			}
		}
		if (out->len > max_out)
			return SUBPROC_TOO_LARGE;
	}
	return SUBPROC_OK;
}

/* Waits for the child (killing it first unless it ended on its own) and
 * turns its end into a status. */
static enum subproc_status reap(pid_t pid, enum subproc_status st, int *code)
{
	int ws = 0;

	if (st != SUBPROC_OK)
		kill(pid, SIGKILL);
	while (waitpid(pid, &ws, 0) < 0 && errno == EINTR)
		;
	if (st != SUBPROC_OK)
		return st;
	if (WIFEXITED(ws) && WEXITSTATUS(ws) == 0)
		return SUBPROC_OK;
	*code = WIFEXITED(ws) ? WEXITSTATUS(ws) : -WTERMSIG(ws);
	return SUBPROC_FAILED;
}

void subproc_run(char *const argv[], unsigned seconds, size_t max_out, struct subproc_result *r)
{
	struct child c = {0, -1, -1};
	struct buf out = {0}, err = {0};
	int rc;

	memset(r, 0, sizeof *r);
	rc = child_start(argv, &c);
	if (rc != 0) {
		r->status = rc == ENOENT ? SUBPROC_MISSING : SUBPROC_SYSTEM;
		r->err = rc;
		goto out;
	}
	r->status = collect(&c, seconds, max_out, &out, &err);
	if (r->status == SUBPROC_SYSTEM)
		r->err = errno;
	close(c.out);
	close(c.err);
	r->status = reap(c.pid, r->status, &r->code);
	if (err.len > 0)
		snprintf(r->errtext, sizeof r->errtext, "%s", err.data);
	if (r->status == SUBPROC_OK) {
		r->len = out.len;
		r->out = buf_take(&out);
	}
out:
	buf_free(&out);
	buf_free(&err);
}
