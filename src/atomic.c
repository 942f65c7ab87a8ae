/* atomic.c - temporary file, then link() or rename() in the same folder. */
#include "atomic.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

mode_t atomic_new_mode(void)
{
	mode_t mask = umask(0);

	umask(mask);
	return 0666 & ~mask;
}

/* Writes all of text to fd; returns 0 or -1 with errno. */
static int write_all(int fd, const char *text, size_t len)
{
	ssize_t n;

	while (len > 0) {
		n = write(fd, text, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		text += n;
		len -= (size_t)n;
	}
	return 0;
}

char *atomic_temp(const char *path, const char *text, size_t len, mode_t mode)
{
	const char *slash = strrchr(path, '/');
	char *tmp = slash ? xasprintf("%.*s/.clerk-%s.XXXXXX", (int)(slash - path), path, slash + 1)
			  : xasprintf(".clerk-%s.XXXXXX", path);
	int fd = mkstemp(tmp), saved;

	if (fd < 0) {
		saved = errno;
		free(tmp);
		errno = saved;
		return NULL;
	}
	if (fchmod(fd, mode) != 0 || write_all(fd, text, len) != 0 || fsync(fd) != 0) {
		saved = errno;
		close(fd);
		unlink(tmp);
		free(tmp);
		errno = saved;
		return NULL;
	}
	if (close(fd) != 0) {
		saved = errno;
		unlink(tmp);
		free(tmp);
		errno = saved;
		return NULL;
	}
	return tmp;
}

int atomic_create(const char *path, const char *text, size_t len)
{
	char *tmp = atomic_temp(path, text, len, atomic_new_mode());
	int rc, saved;

	if (tmp == NULL)
		return -1;
	rc = link(tmp, path);
	saved = errno;
	unlink(tmp);
	free(tmp);
	errno = saved;
	return rc;
}

int make_parents(const char *path)
{
	char *dir = xstrdup(path), *p;
	int rc = 0;

	if (dir[0] == '\0') {
		free(dir);
		return 0;
	}
	for (p = strchr(dir + 1, '/'); p != NULL && rc == 0; p = strchr(p + 1, '/')) {
		*p = '\0';
		if (mkdir(dir, 0777) != 0 && errno != EEXIST)
			rc = -1;
		*p = '/';
	}
	free(dir);
	return rc;
}
