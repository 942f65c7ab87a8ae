/* SPDX-License-Identifier: EUPL-1.2 */
/* vanish.c - a test shim (LD_PRELOAD) that removes a file or folder at the
 * moment clerk first touches it after listing its folder, to reproduce a
 * file deleted while clerk walks the set.
 *
 * VANISH names the entry by its last path component. The first stat,
 * lstat, open or opendir of a path whose last component is VANISH removes
 * it (a file is unlinked, a folder renamed to VANISH.gone) and then does
 * the real call, which finds nothing. With VANISH_AT=open only an open
 * removes it: the file was there when clerk looked, gone when it reads.
 * Every other call passes straight through. */
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int done;

static void vanish(const char *path, int opening)
{
	const char *name = getenv("VANISH"), *base = strrchr(path, '/');
	const char *at = getenv("VANISH_AT");
	char gone[4096];
	struct stat st;
	int (*real_lstat)(const char *, struct stat *);

	base = base != NULL ? base + 1 : path;
	if (done || name == NULL || strcmp(base, name) != 0)
		return;
	if (!opening && at != NULL && strcmp(at, "open") == 0)
		return;
	if (__atomic_exchange_n(&done, 1, __ATOMIC_SEQ_CST))
		return;
	real_lstat = (int (*)(const char *, struct stat *))dlsym(RTLD_NEXT, "lstat");
	if (real_lstat != NULL && real_lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		snprintf(gone, sizeof gone, "%s.gone", path);
		rename(path, gone);
	} else {
		unlink(path);
	}
}

int open(const char *path, int flags, ...)
{
	static int (*real)(const char *, int, ...);
	mode_t mode = 0;
	va_list ap;

	va_start(ap, flags);
	if (flags & (O_CREAT | O_TMPFILE))
		mode = va_arg(ap, mode_t);
	va_end(ap);
	if (real == NULL)
		real = (int (*)(const char *, int, ...))dlsym(RTLD_NEXT, "open");
	vanish(path, 1);
	return real(path, flags, mode);
}

int open64(const char *path, int flags, ...)
{
	static int (*real)(const char *, int, ...);
	mode_t mode = 0;
	va_list ap;

	va_start(ap, flags);
	if (flags & (O_CREAT | O_TMPFILE))
		mode = va_arg(ap, mode_t);
	va_end(ap);
	if (real == NULL)
		real = (int (*)(const char *, int, ...))dlsym(RTLD_NEXT, "open64");
	vanish(path, 1);
	return real(path, flags, mode);
}

int stat(const char *path, struct stat *st)
{
	static int (*real)(const char *, struct stat *);

	if (real == NULL)
		real = (int (*)(const char *, struct stat *))dlsym(RTLD_NEXT, "stat");
	vanish(path, 0);
	return real(path, st);
}

int lstat(const char *path, struct stat *st)
{
	static int (*real)(const char *, struct stat *);

	if (real == NULL)
		real = (int (*)(const char *, struct stat *))dlsym(RTLD_NEXT, "lstat");
	vanish(path, 0);
	return real(path, st);
}

DIR *opendir(const char *path)
{
	static DIR *(*real)(const char *);

	if (real == NULL)
		real = (DIR * (*)(const char *)) dlsym(RTLD_NEXT, "opendir");
	vanish(path, 0);
	return real(path);
}
