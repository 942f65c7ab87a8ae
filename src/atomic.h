/* atomic.h - writing files whole or not at all, never over a file by accident.
 *
 * Every command that writes records (new, renumber, init) writes a
 * temporary file in the target's own folder first, then links it to its
 * name (which fails when the name is taken) or renames it over the file it
 * replaces. A reader never sees half a file. */
#ifndef CLERK_ATOMIC_H
#define CLERK_ATOMIC_H

#include <stddef.h>
#include <sys/types.h>

/* Writes len bytes of text to a new hidden temporary file in the folder of
 * path, with permissions mode. Returns its malloc'd name (caller frees and,
 * when not used, unlinks), or NULL with errno set; nothing is left behind
 * on failure. */
char *atomic_temp(const char *path, const char *text, size_t len, mode_t mode);

/* Creates path with text, never replacing anything: a temporary file linked
 * to path. Returns 0, or -1 with errno (EEXIST: path exists; it is left as
 * it was). The file gets the permissions 0666 less the umask. */
int atomic_create(const char *path, const char *text, size_t len);

/* Creates the missing folders on the way to the file path (like mkdir -p
 * of its folder). Returns 0, or -1 with errno. */
int make_parents(const char *path);

/* The permissions a new file gets: 0666 less the umask. */
mode_t atomic_new_mode(void);

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
 * dir. An existing dir is replaced only when it is empty or holds the file
 * named mark (a folder this command wrote before): it is moved aside, tmpdir
 * takes its name, and the old tree is removed. Returns 0, or -1 with errno
 * (ENOTEMPTY: dir holds something else and is left alone); on failure tmpdir
 * and everything in it are removed. */
int atomic_put_dir(const char *tmpdir, const char *dir, const char *mark);

/* Removes the folder tree dir (never following a symbolic link). Returns 0,
 * or -1 with errno. */
int atomic_remove_tree(const char *dir);

#endif
