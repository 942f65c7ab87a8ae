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

#endif
