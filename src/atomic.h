/* SPDX-License-Identifier: EUPL-1.2 */
/* atomic.h - the old name of the one write path; use wfile.h.
 *
 * Kept for a short while so that work begun against it still builds:
 * each function is the wfile.h function of the same meaning. */
#ifndef CLERK_ATOMIC_H
#define CLERK_ATOMIC_H

#include "wfile.h"

/* wfile_create with the permissions 0666 less the umask. */
static inline int atomic_create(const char *path, const char *text, size_t len)
{
	return wfile_create(path, text, len, wfile_new_mode());
}

/* wfile_mkdirs. */
static inline int make_parents(const char *path)
{
	return wfile_mkdirs(path);
}

/* wfile_new_mode. */
static inline mode_t atomic_new_mode(void)
{
	return wfile_new_mode();
}

/* Writes text to a new hidden temporary file in the folder of path, with
 * permissions mode. Returns its malloc'd name (caller frees, and unlinks it
 * or puts it in place with atomic_put), or NULL with errno. */
char *atomic_temp(const char *path, const char *text, size_t len, mode_t mode);

/* Puts the finished temporary file tmp (made by atomic_temp, or written
 * whole by a library such as SQLite, in the folder of path) in place: it is
 * fsync'd, then renamed over path when replace is set, else linked to path,
 * which fails with EEXIST when path exists. tmp is gone afterwards, put in
 * place or removed. Returns 0, or -1 with errno. */
int atomic_put(const char *tmp, const char *path, int replace);

/* Makes a new empty hidden folder beside the folder path, for a tree that
 * atomic_put_dir puts in place. Returns its malloc'd name, or NULL with
 * errno. */
char *atomic_temp_dir(const char *path);

/* Puts the finished folder tmpdir (made by atomic_temp_dir) in place as
 * dir, after flushing everything written in it to disk. An existing dir is replaced only when it is
 * empty or holds the file named mark (a folder this command wrote before): it is moved aside,
 * tmpdir takes its name, and the old tree is removed. Returns 0, or -1 with errno (ENOTEMPTY: dir
 * holds something else and is left alone); on failure tmpdir and everything in it are removed. */
int atomic_put_dir(const char *tmpdir, const char *dir, const char *mark);

/* Removes the folder tree dir (never following a symbolic link). Returns 0,
 * or -1 with errno. */
int atomic_remove_tree(const char *dir);

#endif
