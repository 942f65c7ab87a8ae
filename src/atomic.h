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

#endif
