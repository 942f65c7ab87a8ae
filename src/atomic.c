/* atomic.c - temporary file, then link() or rename() in the same folder. */
/* nftw() */
#define _XOPEN_SOURCE 700
#include "atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
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

/* fsyncs the folder holding path, so that a rename in it lasts. */
static void sync_folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, (size_t)(slash - path + 1)) : xstrdup(".");
	int fd = open(dir, O_RDONLY | O_DIRECTORY);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

int atomic_put(const char *tmp, const char *path, int replace)
{
	int fd = open(tmp, O_RDONLY), rc = -1, saved;

	if (fd >= 0 && fsync(fd) == 0)
		rc = replace ? rename(tmp, path) : link(tmp, path);
	saved = errno;
	if (fd >= 0)
		close(fd);
	if (rc != 0 || !replace)
		unlink(tmp);
	if (rc == 0)
		sync_folder_of(path);
	errno = saved;
	return rc;
}

char *atomic_temp_dir(const char *path)
{
	size_t len = strlen(path);
	char *base = xstrndup(path, len > 1 && path[len - 1] == '/' ? len - 1 : len);
	const char *slash = strrchr(base, '/');
	char *tmp = slash ? xasprintf("%.*s/.clerk-%s.XXXXXX", (int)(slash - base), base, slash + 1)
			  : xasprintf(".clerk-%s.XXXXXX", base);
	mode_t mask;
	int saved;

	free(base);
	if (mkdtemp(tmp) == NULL) {
		saved = errno;
		free(tmp);
		errno = saved;
		return NULL;
	}
	/* mkdtemp makes it private; the site is for everyone the umask allows. */
	mask = umask(0);
	umask(mask);
	chmod(tmp, 0777 & ~mask);
	return tmp;
}

static int remove_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	return type == FTW_DP ? rmdir(path) : unlink(path);
}

int atomic_remove_tree(const char *dir)
{
	return nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static int not_dots(const char *name)
{
	return strcmp(name, ".") != 0 && strcmp(name, "..") != 0;
}

/* True when dir is an empty folder or holds the file mark. */
static int replaceable(const char *dir, const char *mark)
{
	char *marked = xasprintf("%s/%s", dir, mark);
	struct stat st;
	size_t n = 0;
	char **names;
	int ok = lstat(marked, &st) == 0 && S_ISREG(st.st_mode);

	free(marked);
	if (!ok) {
		names = list_dir(dir, not_dots, &n);
		ok = names != NULL && n == 0;
		while (names != NULL && n-- > 0)
			free(names[n]);
		free(names);
	}
	return ok;
}

int atomic_put_dir(const char *tmpdir, const char *dir, const char *mark)
{
	struct stat st;
	char *old = NULL;
	int rc = -1, saved;

	if (lstat(dir, &st) == 0) {
		if (!S_ISDIR(st.st_mode) || !replaceable(dir, mark)) {
			errno = S_ISDIR(st.st_mode) ? ENOTEMPTY : ENOTDIR;
			goto out;
		}
		old = atomic_temp_dir(dir);
		if (old == NULL || rmdir(old) != 0 || rename(dir, old) != 0)
			goto out;
	}
	rc = rename(tmpdir, dir);
	if (rc != 0 && old != NULL) {
		saved = errno;
		rename(old, dir);
		errno = saved;
	}
out:
	saved = errno;
	if (rc != 0)
		atomic_remove_tree(tmpdir);
	else if (old != NULL)
		atomic_remove_tree(old);
	if (rc == 0)
		sync_folder_of(dir);
	free(old);
	errno = saved;
	return rc;
}
