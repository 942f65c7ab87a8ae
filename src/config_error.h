/* SPDX-License-Identifier: EUPL-1.2 */
/* config_error.h - an error in a schema or in .clerk.yml: where and what.
 *
 * Every mistake in a file that configures clerk is reported with that
 * file's own line and column, and makes the command exit with code 2. The
 * functions live in yaml_ctx.c, beside the reading context both readers
 * share (yaml_ctx.h). */
#ifndef CLERK_CONFIG_ERROR_H
#define CLERK_CONFIG_ERROR_H

#include <stdarg.h>

/* An error in a schema or configuration file: exit code 2. */
struct config_error {
	char file[512];
	int line, col;
	char message[512];
};

/* Fills err: file, line and column (0 when the error is about the whole
 * file) and a message formatted like printf. Returns -1, for chaining. */
int config_error_set(struct config_error *err, const char *file, int line, int col, const char *fmt,
		     ...) __attribute__((format(printf, 5, 6)));
int config_error_vset(struct config_error *err, const char *file, int line, int col,
		      const char *fmt, va_list ap) __attribute__((format(printf, 5, 0)));

#endif
