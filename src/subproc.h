/* SPDX-License-Identifier: EUPL-1.2 */
/* subproc.h - running another program without a shell, with limits.
 *
 * The program is started with posix_spawnp from an argument vector (never
 * through a shell, so no file name is ever interpreted), its standard input
 * is /dev/null, and its standard output is collected up to a size limit
 * within a time limit: past either, it is killed. What it writes on
 * standard error is kept (its first kilobytes) for the message. */
#ifndef CLERK_SUBPROC_H
#define CLERK_SUBPROC_H
#include <stddef.h>

/* How a run ended. */
enum subproc_status {
	SUBPROC_OK = 0,    /* the program exited with code 0 */
	SUBPROC_MISSING,   /* the program is not installed (not found on PATH) */
	SUBPROC_FAILED,    /* it exited with another code or was killed by a signal */
	SUBPROC_TIMEOUT,   /* it ran longer than the time limit and was killed */
	SUBPROC_TOO_LARGE, /* it wrote more than the output limit and was killed */
	SUBPROC_SYSTEM,    /* the run could not be started or read (errno in err) */
};

struct subproc_result {
	enum subproc_status status;
	char *out;         /* standard output, NUL-terminated (malloc'd; caller frees), or NULL */
	size_t len;        /* its length */
	char errtext[512]; /* the start of standard error, NUL-terminated */
	int code;          /* SUBPROC_FAILED: the exit code, or -signal */
	int err;           /* SUBPROC_SYSTEM: errno */
};

/* Runs argv[0] (looked up on PATH) with argv, giving it at most seconds
 * seconds and max_out bytes of output. Always fills *r; r->out is set only
 * for SUBPROC_OK. The child is always waited for: nothing is left running. */
void subproc_run(char *const argv[], unsigned seconds, size_t max_out, struct subproc_result *r);

#endif
