/* SPDX-License-Identifier: EUPL-1.2 */
/* wfile.h - the one write path: every file clerk writes goes through here.
 *
 * A record is never lost, misplaced or half-written. Every command that
 * writes (new, renumber, init, index, check --output, and those to come)
 * uses these functions and nothing else: src/ and cmd/ never call rename,
 * link or open with O_CREAT themselves (`make lint` checks it).
 *
 * - Names: wfile_name_problem and wfile_id_problem refuse a file name or
 *   an id that could leave the folder, hide the file, break a line of
 *   YAML or steer a terminal; wfile_inside refuses a path that leaves the
 *   set's root once symbolic links are resolved. Validate before writing.
 * - One file: the text goes to a hidden temporary in the same folder
 *   (".clerk-NAME.*"), which is flushed to disk (fsync), then linked to its
 *   name (wfile_create: never over a file) or renamed over it
 *   (wfile_replace); then the folder is flushed. A reader sees the old file
 *   or the new one, never half of one, and no temporary is left behind on
 *   any failure clerk can see (a full disk, a file size limit: SIGXFSZ is
 *   ignored so that write fails with EFBIG instead of killing clerk).
 * - Several files (struct wfile_txn): all or nothing. The change is first
 *   described in a journal, ROOT/.clerk-journal (which also keeps two
 *   changes from running at once); every new text is written to its
 *   temporary; only then is each file put in place, keeping the old one
 *   under a hidden backup name until all are in place. When a step fails,
 *   every file is put back as it was. When clerk is stopped half-way
 *   (killed, power cut), the next writing command reads the journal and
 *   undoes the change (or, when every file was already in place, finishes
 *   its clean-up) and says so: wfile_recover.
 *
 * Every function here sets errno and returns -1 (or NULL) on failure,
 * having removed whatever it made; none prints. */
#ifndef CLERK_WFILE_H
#define CLERK_WFILE_H

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

/* ------------------------------------------------------------- names */

/* Returns NULL when name can be one file name in a folder, else why not
 * (an untranslated text marked for translation: pass it to _()): empty,
 * "." or "..", a '/', a control or line-break character (also NEL, LS and
 * PS), or a leading '.' (a hidden file no command sees) or '-' (read as an
 * option by other programs). */
const char *wfile_name_problem(const char *name);

/* Returns NULL when id can be a record's id, written as it is in a file
 * name and as a YAML value, else why not (untranslated, as above): the
 * rules of wfile_name_problem, and no blank, quote, '#', '\\' or other
 * character that YAML or a citation would read differently. */
const char *wfile_id_problem(const char *id);

/* Returns 1 when path, existing or not, lies inside the folder root once
 * every symbolic link on the way is resolved (its deepest existing folder
 * is resolved; a final component that is a symbolic link is followed),
 * else 0. */
int wfile_inside(const char *root, const char *path);

/* ----------------------------------------------------------- one file */

/* The permissions a new file gets: 0666 less the umask. */
mode_t wfile_new_mode(void);

/* Creates the missing folders on the way to the file path (like mkdir -p
 * of its folder). Returns 0, or -1 with errno. */
int wfile_mkdirs(const char *path);

/* Creates path with len bytes of text and permissions mode, never
 * replacing anything (a symbolic link at path counts as taken). Returns 0,
 * or -1 with errno (EEXIST: path exists and was left as it was). */
int wfile_create(const char *path, const char *text, size_t len, mode_t mode);

/* Replaces the file at path (or creates it) with len bytes of text. When
 * path is a symbolic link, the file it points to is replaced and the link
 * stays. The permissions are those of the file replaced, else mode.
 * Returns 0, or -1 with errno (the old file is untouched). */
int wfile_replace(const char *path, const char *text, size_t len, mode_t mode);

/* Puts text at path, a file outside the record set that clerk can make
 * again (the cache of check results): the missing folders on the way are
 * made, and a hidden temporary beside path is renamed over it, so that a
 * run reading it at the same time sees the old file or the new one, never
 * half of one. Not flushed to disk: after a power cut the file may be old,
 * empty or missing, which its reader must take for no file at all. A
 * symbolic link at path is replaced, not followed. Readable by its owner
 * only. Returns 0, or -1 with errno (no temporary left behind). */
int wfile_replace_rebuildable(const char *path, const char *text, size_t len);

/* Writes an --output FILE: when path names the same file as standard
 * output, the text goes there; when it exists and is not a regular file
 * (a FIFO, a device such as /dev/null), the text is written into it in
 * place; otherwise as wfile_replace. A folder or a symbolic link to
 * nothing is refused (EISDIR, ENOENT). Returns 0, or -1 with errno. */
int wfile_output(const char *path, const char *text, size_t len);

/* An anonymous scratch file (tmpfile): outside the record set, without a
 * name, gone when closed or when clerk ends. Returns it open for reading
 * and writing, or NULL with errno. */
FILE *wfile_scratch(void);

/* ------------------------------------------------------ several files */

struct wfile_txn;

/* Starts a change of several files under the folder root (absolute or
 * relative), described by what in plain words (such as "renumber A to B";
 * said when the change is undone by a later run). Never fails; free with
 * wfile_txn_free. Nothing is written before wfile_txn_commit. */
struct wfile_txn *wfile_txn_new(const char *root, const char *what);

/* Adds to t: replace the file at path with text (its permissions kept;
 * a symbolic link is followed), create path with text and permissions
 * mode (refused at commit when it exists), or remove the file at path.
 * The text is copied. Returns 0, or -1 with errno when path lies outside
 * the root (EXDEV) or its folder does not exist. */
int wfile_txn_replace(struct wfile_txn *t, const char *path, const char *text, size_t len);
int wfile_txn_create(struct wfile_txn *t, const char *path, const char *text, size_t len,
		     mode_t mode);
int wfile_txn_remove(struct wfile_txn *t, const char *path);

/* Puts every file of t in place, in the order added, or none. Returns 0;
 * or -1 with msg saying which file failed and why, every file being as it
 * was (when even putting them back failed, msg says the next run will). */
int wfile_txn_commit(struct wfile_txn *t, char *msg, size_t msglen);

/* Frees t (NULL is fine). */
void wfile_txn_free(struct wfile_txn *t);

/* What wfile_recover found. */
enum wfile_recovery {
	WFILE_CLEAN = 0, /* no interrupted change */
	WFILE_UNDONE,    /* a change was interrupted and undone: msg says which */
	WFILE_COMPLETED, /* a change had put every file in place: its clean-up was finished */
	WFILE_STUCK,     /* a journal that could not be read or acted on: msg says why */
};

/* Looks for the journal of a change under root that was stopped half-way
 * and undoes or completes it. msg (when not CLEAN) says what was done, in
 * plain words. Only files inside root and named in the journal are
 * touched. */
enum wfile_recovery wfile_recover(const char *root, char *msg, size_t msglen);

/* Returns 1 when root holds the journal of an interrupted change. */
int wfile_pending(const char *root);

/* Test hook: when the environment variable CLERK_FAULT_STEP is a number
 * N, a change of several files kills clerk itself (SIGKILL) at its N-th
 * step, as a power cut would. It can only stop clerk, which the journal
 * is made to survive; the tests use it to stop a change at every step. */

/* ------------------------------------------------ a new folder tree */

/* Writes len bytes of text as the new file path inside a folder tree made
 * by atomic_temp_dir (atomic.h), never replacing a file (a symbolic link at
 * path counts as taken), without an fsync of its own: atomic_put_dir
 * flushes the whole tree before putting it in place. Returns 0, or -1 with
 * errno (nothing left at path). */
int wfile_tree_create(const char *path, const char *text, size_t len);

/* ------------------------------------------------ a file written in parts */

/* A new file too big to hold whole in memory (a page of a site listing
 * every record): written in parts into a hidden temporary beside it, and
 * put in place whole or not at all, as wfile_create. */
struct wfile_stream;

/* Starts the new file path with permissions mode. Returns the stream (end
 * it with wfile_stream_finish or wfile_stream_abandon), or NULL with errno
 * (nothing left behind). */
struct wfile_stream *wfile_stream_new(const char *path, mode_t mode);
/* Appends len bytes of text. Returns 0, or -1 with errno; after a failure
 * every later call fails too and nothing is put in place. */
int wfile_stream_write(struct wfile_stream *w, const char *text, size_t len);
/* Flushes the file to disk and gives it its name, never replacing a file
 * there (EEXIST). Frees w and removes the temporary either way. Returns 0,
 * or -1 with errno. */
int wfile_stream_finish(struct wfile_stream *w);
/* Removes the temporary and frees w (NULL is allowed). */
void wfile_stream_abandon(struct wfile_stream *w);

#endif
