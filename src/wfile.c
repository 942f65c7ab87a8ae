/* SPDX-License-Identifier: EUPL-1.2 */
/* wfile.c - temporaries, fsync, link and rename, and the journal of a change of several files.
 *
 * The only file in src/ and cmd/ that calls rename, link, mkstemp or open
 * with O_CREAT (`make lint` checks it). See wfile.h for the promises. */
/* nftw(); syncfs() */
#define _XOPEN_SOURCE 700
#define _GNU_SOURCE
#include "wfile.h"
#include "atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "util.h"

#define JOURNAL      ".clerk-journal"
#define JOURNAL_NEXT ".clerk-journal.next"
#define JOURNAL_HEAD "clerk journal 1"
/* A temporary's name keeps at most this much of the file's name, so that
 * it stays within the 255 bytes a name may have. */
#define TMP_BASE_MAX 200

/* ============================================================ names */

/* The length of the line break or control character at s (C0, DEL, C1
 * as UTF-8, LS, PS), or 0. */
static size_t control_at(const unsigned char *s)
{
	if (*s < 0x20 || *s == 0x7f)
		return 1;
	if (s[0] == 0xc2 && s[1] >= 0x80 && s[1] <= 0x9f)
		return 2;
	if (s[0] == 0xe2 && s[1] == 0x80 && (s[2] == 0xa8 || s[2] == 0xa9))
		return 3;
	return 0;
}

static int has_control(const char *s)
{
	for (; *s != '\0'; s++)
		if (control_at((const unsigned char *)s) > 0)
			return 1;
	return 0;
}

const char *wfile_name_problem(const char *name)
{
	if (name[0] == '\0')
		return N_("it is empty");
	if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0 || strchr(name, '/') != NULL)
		return N_("it would lie in another folder ('/', '.' or '..')");
	if (has_control(name))
		return N_("it holds a line break or a control character");
	if (name[0] == '.')
		return N_("it starts with a '.', which hides the file from every command");
	if (name[0] == '-')
		return N_("it starts with a '-', which other programs read as an option");
	if (strlen(name) > TMP_BASE_MAX)
		return N_("it is longer than 200 bytes");
	return NULL;
}

/* Words YAML reads as something other than text when written plain. */
static int yaml_word(const char *s)
{
	static const char *const words[] = {"null", "~", "true", "false", "yes", "no", "on", "off"};
	size_t i;

	for (i = 0; i < sizeof words / sizeof *words; i++)
		if (strcasecmp(s, words[i]) == 0)
			return 1;
	return 0;
}

const char *wfile_id_problem(const char *id)
{
	const char *why = wfile_name_problem(id);

	if (why != NULL)
		return why;
	if (strpbrk(id, " \t'\"#\\,:[]{}&*!|>%@`") != NULL)
		return N_("it holds a blank, a quote or one of # \\ , : [ ] { } & * ! | > % @ `");
	if (yaml_word(id))
		return N_("YAML reads it as a special value (such as true or null)");
	return NULL;
}

static const char *base_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* True when real (resolved) is rroot or lies below it. */
static int below(const char *rroot, const char *real)
{
	size_t n = strlen(rroot);

	if (strcmp(rroot, "/") == 0)
		return real[0] == '/';
	return strncmp(real, rroot, n) == 0 && (real[n] == '\0' || real[n] == '/');
}

/* Resolves path as far as it exists: its deepest existing folder through
 * realpath, the rest appended (refused when the rest holds ".."). Returns
 * a malloc'd absolute path, or NULL. */
static char *resolve_partly(const char *path)
{
	char *real = realpath(path, NULL), *dir, *rest, *joined;
	const char *base;

	if (real != NULL)
		return real;
	base = base_of(path);
	if (strcmp(base, "..") == 0 || strcmp(base, ".") == 0 || base == path ||
	    strcmp(path, "/") == 0) {
		if (base == path && strcmp(base, "..") != 0 && strcmp(base, ".") != 0) {
			real = realpath(".", NULL);
			joined = real ? xasprintf("%s/%s", real, base) : NULL;
			free(real);
			return joined;
		}
		return NULL;
	}
	dir = path_dir(path);
	rest = resolve_partly(dir);
	joined = rest ? xasprintf("%s/%s", strcmp(rest, "/") == 0 ? "" : rest, base) : NULL;
	free(rest);
	free(dir);
	return joined;
}

int wfile_inside(const char *root, const char *path)
{
	char *rroot = realpath(root, NULL), *real = resolve_partly(path);
	int in = rroot != NULL && real != NULL && below(rroot, real);

	free(rroot);
	free(real);
	return in;
}

/* ========================================================= one file */

mode_t wfile_new_mode(void)
{
	mode_t mask = umask(0);

	umask(mask);
	return 0666 & ~mask;
}

/* Whether a temporary is flushed to disk before it is put in place: a
 * record always is; a file clerk can make again (its cache) is not. */
enum { WFILE_DURABLE, WFILE_REBUILDABLE };

/* Writes all of text to fd; returns 0 or -1 with errno. A file size limit
 * (ulimit -f) makes write fail with EFBIG instead of killing clerk. */
static int write_all(int fd, const char *text, size_t len)
{
	ssize_t n;

	signal(SIGXFSZ, SIG_IGN);
	while (len > 0) {
		n = write(fd, text, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0) {
			errno = EIO;
			return -1;
		}
		text += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Flushes the folder dir to disk, so that a new name in it survives a
 * power cut. File systems that cannot (EINVAL) are not an error. */
static int sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY), rc = 0;

	if (fd < 0)
		return -1;
	if (fsync(fd) != 0 && errno != EINVAL)
		rc = -1;
	close(fd);
	return rc;
}

static int sync_path_dir(const char *path)
{
	char *dir = path_dir(path);
	int rc = sync_dir(dir);

	free(dir);
	return rc;
}

/* Writes text to the open file fd, flushes it to disk (unless it is
 * WFILE_REBUILDABLE) and closes it; on failure removes tmp. Returns 0 or -1
 * with errno. */
static int fill_temp(int fd, const char *tmp, const char *text, size_t len, mode_t mode, int flush)
{
	int saved;

	if (fchmod(fd, mode) != 0 || write_all(fd, text, len) != 0 ||
	    (flush != WFILE_REBUILDABLE && fsync(fd) != 0)) {
		saved = errno;
		close(fd);
		unlink(tmp);
		errno = saved;
		return -1;
	}
	if (close(fd) != 0) {
		saved = errno;
		unlink(tmp);
		errno = saved;
		return -1;
	}
	return 0;
}

/* Writes text to a new hidden temporary beside path. Returns its malloc'd
 * name, or NULL with errno (nothing left behind). */
static char *write_temp(const char *path, const char *text, size_t len, mode_t mode, int flush)
{
	char *dir = path_dir(path);
	char *tmp = xasprintf("%s/.clerk-%.*s.XXXXXX", dir, TMP_BASE_MAX, base_of(path));
	int fd = mkstemp(tmp), saved;

	free(dir);
	if (fd < 0 || fill_temp(fd, tmp, text, len, mode, flush) != 0) {
		saved = errno;
		free(tmp);
		errno = saved;
		return NULL;
	}
	return tmp;
}

int wfile_mkdirs(const char *path)
{
	char *dir = xstrdup(path), *p;
	int rc = 0;

	for (p = strchr(dir + 1, '/'); dir[0] != '\0' && p != NULL && rc == 0;
	     p = strchr(p + 1, '/')) {
		*p = '\0';
		if (mkdir(dir, 0777) != 0 && errno != EEXIST)
			rc = -1;
		*p = '/';
	}
	free(dir);
	return rc;
}

int wfile_create(const char *path, const char *text, size_t len, mode_t mode)
{
	char *tmp = write_temp(path, text, len, mode, WFILE_DURABLE);
	int rc, saved;

	if (tmp == NULL)
		return -1;
	rc = link(tmp, path);
	saved = errno;
	unlink(tmp);
	free(tmp);
	if (rc == 0 && sync_path_dir(path) != 0)
		rc = -1;
	else
		errno = saved;
	return rc;
}

int wfile_replace(const char *path, const char *text, size_t len, mode_t mode)
{
	struct stat st;
	char *real = NULL, *tmp = NULL;
	const char *target = path;
	int rc = -1, saved;

	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
		real = realpath(path, NULL);
		if (real == NULL)
			goto out;
		target = real;
	}
	if (stat(target, &st) == 0)
		mode = st.st_mode & 07777;
	tmp = write_temp(target, text, len, mode, WFILE_DURABLE);
	if (tmp == NULL)
		goto out;
	if (rename(tmp, target) != 0) {
		saved = errno;
		unlink(tmp);
		errno = saved;
		goto out;
	}
	rc = sync_path_dir(target);
out:
	saved = errno;
	free(tmp);
	free(real);
	errno = saved;
	return rc;
}

/* Writes text into the existing non-regular file path (a FIFO, a device)
 * in place; never creates it. */
int wfile_replace_rebuildable(const char *path, const char *text, size_t len)
{
	char *tmp;
	int rc, saved;

	if (wfile_mkdirs(path) != 0)
		return -1;
	tmp = write_temp(path, text, len, 0600, WFILE_REBUILDABLE);
	if (tmp == NULL)
		return -1;
	rc = rename(tmp, path);
	saved = errno;
	if (rc != 0)
		unlink(tmp);
	free(tmp);
	errno = saved;
	return rc;
}

static int write_in_place(const char *path, const char *text, size_t len)
{
	int fd = open(path, O_WRONLY | O_NOCTTY), rc, saved;

	if (fd < 0)
		return -1;
	rc = write_all(fd, text, len);
	saved = errno;
	if (close(fd) != 0 && rc == 0)
		return -1;
	errno = saved;
	return rc;
}

int wfile_output(const char *path, const char *text, size_t len)
{
	struct stat st, out;

	if (stat(path, &st) != 0) {
		if (errno == ENOENT && lstat(path, &out) == 0)
			return -1; /* a symbolic link to nothing: errno stays ENOENT */
		return wfile_replace(path, text, len, wfile_new_mode());
	}
	if (fstat(STDOUT_FILENO, &out) == 0 && out.st_dev == st.st_dev && out.st_ino == st.st_ino) {
		fflush(stdout);
		return write_all(STDOUT_FILENO, text, len);
	}
	if (S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		return -1;
	}
	if (!S_ISREG(st.st_mode))
		return write_in_place(path, text, len);
	return wfile_replace(path, text, len, wfile_new_mode());
}

FILE *wfile_scratch(void)
{
	return tmpfile();
}

/* ===================================================== several files */

enum op { OP_REPLACE = 'R', OP_CREATE = 'C', OP_REMOVE = 'D' };

/* One file of a change: its absolute path, its temporary (the new text)
 * and its backup (the old file while the change is put in place). */
struct entry {
	enum op op;
	char *target, *tmp, *backup;
	char *text;
	size_t len;
	mode_t mode;
};

struct wfile_txn {
	char *root, *what, *journal;
	struct entry *e;
	size_t n, cap;
	int lock; /* the root folder, locked while the change runs; -1 */
};

/* Locks the root folder against a second change at once (flock, released
 * when clerk ends, however it ends). Returns 0, or -1 (EWOULDBLOCK: busy). */
static int lock_root(struct wfile_txn *t)
{
	t->lock = open(t->root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (t->lock < 0)
		return -1;
	if (flock(t->lock, LOCK_EX | LOCK_NB) == 0)
		return 0;
	close(t->lock);
	t->lock = -1;
	return -1;
}

/* ----------------------------------------------------- fault steps */

/* Counts the steps of a change; kills clerk at step CLERK_FAULT_STEP. */
static void step(void)
{
	static long count;
	const char *want = getenv("CLERK_FAULT_STEP");

	count++;
	if (want != NULL && atol(want) == count)
		raise(SIGKILL);
}

/* ------------------------------------------------------ the journal */

/* Appends s with blanks, '%' and control bytes written as %XX. */
static void add_escaped(struct buf *b, const char *s)
{
	if (s == NULL) {
		buf_puts(b, "-");
		return;
	}
	for (; *s != '\0'; s++) {
		if ((unsigned char)*s <= 0x20 || *s == '%' || *s == 0x7f || *s == '-')
			buf_printf(b, "%%%02X", (unsigned char)*s);
		else
			buf_add(b, s, 1);
	}
}

/* Reads back one word written by add_escaped (NULL for "-"). */
static char *unescape(const char *s, size_t n)
{
	struct buf b = {0};
	unsigned int c;
	size_t i;

	if (n == 1 && s[0] == '-')
		return NULL;
	buf_add(&b, "", 0);
	for (i = 0; i < n; i++) {
		if (s[i] == '%' && i + 2 < n + 1 && sscanf(s + i + 1, "%2X", &c) == 1) {
			char ch = (char)c;

			buf_add(&b, &ch, 1);
			i += 2;
		} else {
			buf_add(&b, s + i, 1);
		}
	}
	return buf_take(&b);
}

static char *journal_text(const struct wfile_txn *t, const char *state)
{
	struct buf b = {0};
	size_t i;

	buf_printf(&b, "%s\nstate %s\nwhat ", JOURNAL_HEAD, state);
	add_escaped(&b, t->what);
	buf_puts(&b, "\n");
	for (i = 0; i < t->n; i++) {
		buf_printf(&b, "%c ", (char)t->e[i].op);
		add_escaped(&b, t->e[i].target);
		buf_puts(&b, " ");
		add_escaped(&b, t->e[i].tmp);
		buf_puts(&b, " ");
		add_escaped(&b, t->e[i].backup);
		buf_puts(&b, "\n");
	}
	return buf_take(&b);
}

/* Writes the first journal; it must not exist (it is also the lock). */
static int journal_start(const struct wfile_txn *t)
{
	char *text = journal_text(t, "prepare");
	int fd = open(t->journal, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600), rc = -1;

	if (fd >= 0 && fill_temp(fd, t->journal, text, strlen(text), 0600, WFILE_DURABLE) == 0)
		rc = sync_dir(t->root);
	free(text);
	return rc;
}

/* Moves the journal to state: a new journal renamed over the old one. */
static int journal_set(const struct wfile_txn *t, const char *state)
{
	char *next = xasprintf("%s/%s", t->root, JOURNAL_NEXT), *text = journal_text(t, state);
	int fd = open(next, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600), rc = -1;

	if (fd >= 0 && fill_temp(fd, next, text, strlen(text), 0600, WFILE_DURABLE) == 0) {
		if (rename(next, t->journal) == 0)
			rc = sync_dir(t->root);
		else
			unlink(next);
	}
	free(next);
	free(text);
	return rc;
}

static void journal_end(const struct wfile_txn *t)
{
	unlink(t->journal);
	sync_dir(t->root);
}

/* ------------------------------------------------------ the change */

struct wfile_txn *wfile_txn_new(const char *root, const char *what)
{
	struct wfile_txn *t = xcalloc(1, sizeof *t);
	char *real = realpath(root, NULL);

	t->root = real ? real : xstrdup(root);
	t->what = xstrdup(what);
	t->journal = xasprintf("%s/%s", t->root, JOURNAL);
	t->lock = -1;
	return t;
}

/* The absolute path of path: its folder resolved, or (follow) the whole
 * path when it is a symbolic link. NULL with errno EXDEV when it lies
 * outside the root, or another errno when its folder does not exist. */
static char *absolute(const struct wfile_txn *t, const char *path, int follow)
{
	struct stat st;
	char *dir, *rdir, *abs;

	if (follow && lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
		abs = realpath(path, NULL);
	} else {
		dir = path_dir(path);
		rdir = realpath(dir, NULL);
		abs = rdir ? xasprintf("%s/%s", strcmp(rdir, "/") == 0 ? "" : rdir, base_of(path))
			   : NULL;
		free(rdir);
		free(dir);
	}
	if (abs != NULL && (!below(t->root, abs) || strcmp(abs, t->root) == 0)) {
		free(abs);
		abs = NULL;
		errno = EXDEV;
	}
	return abs;
}

/* The name of a temporary (suffix "new") or backup ("old") for entry i. */
static char *side_name(const char *target, size_t i, const char *suffix)
{
	char *dir = path_dir(target), *name;

	name = xasprintf("%s/.clerk-%.*s.%ld-%zu.%s", dir, TMP_BASE_MAX, base_of(target),
			 (long)getpid(), i, suffix);
	free(dir);
	return name;
}

static int add(struct wfile_txn *t, enum op op, const char *path, const char *text, size_t len,
	       mode_t mode)
{
	char *abs = absolute(t, path, op == OP_REPLACE);
	struct entry *e;

	if (abs == NULL)
		return -1;
	xgrow((void **)&t->e, &t->cap, t->n, sizeof *t->e);
	e = &t->e[t->n];
	memset(e, 0, sizeof *e);
	e->op = op;
	e->target = abs;
	e->tmp = op != OP_REMOVE ? side_name(abs, t->n, "new") : NULL;
	e->backup = op != OP_CREATE ? side_name(abs, t->n, "old") : NULL;
	e->text = text ? xstrndup(text, len) : NULL;
	e->len = len;
	e->mode = mode;
	t->n++;
	return 0;
}

int wfile_txn_replace(struct wfile_txn *t, const char *path, const char *text, size_t len)
{
	return add(t, OP_REPLACE, path, text, len, wfile_new_mode());
}

int wfile_txn_create(struct wfile_txn *t, const char *path, const char *text, size_t len,
		     mode_t mode)
{
	return add(t, OP_CREATE, path, text, len, mode);
}

int wfile_txn_remove(struct wfile_txn *t, const char *path)
{
	return add(t, OP_REMOVE, path, NULL, 0, 0);
}

static int same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return lstat(a, &sa) == 0 && lstat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

static int gone(const char *path)
{
	struct stat st;

	return lstat(path, &st) != 0 && errno == ENOENT;
}

/* True when a folder with the sticky bit (such as a shared /tmp) keeps
 * this user from renaming or removing the file at path: it belongs to
 * someone else. The kernel's rule, asked before anything is changed. */
static int sticky_denied(const char *path)
{
	struct stat dir, file;
	char *d = path_dir(path);
	int denied = stat(d, &dir) == 0 && (dir.st_mode & S_ISVTX) && lstat(path, &file) == 0 &&
		     geteuid() != 0 && file.st_uid != geteuid() && dir.st_uid != geteuid();

	free(d);
	return denied;
}

/* Writes entry e's temporary. Returns 0 or -1 with errno. */
static int stage(struct entry *e)
{
	struct stat st;
	mode_t mode = e->mode;
	int fd;

	if (e->op == OP_REPLACE && stat(e->target, &st) == 0)
		mode = st.st_mode & 07777;
	if (e->op == OP_REMOVE && gone(e->target))
		return -1; /* errno ENOENT */
	if (e->backup != NULL && !gone(e->backup)) {
		errno = EEXIST;
		return -1;
	}
	if (e->op != OP_CREATE && sticky_denied(e->target)) {
		errno = EPERM;
		return -1;
	}
	if (e->op == OP_REMOVE)
		return 0;
	fd = open(e->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return -1;
	return fill_temp(fd, e->tmp, e->text, e->len, mode, WFILE_DURABLE);
}

/* Puts entry e in place, keeping the old file as its backup: a replaced
 * file stays under its name until the new one is renamed over it; a
 * removed one is renamed to its backup. */
static int apply(const struct entry *e)
{
	if (e->op == OP_CREATE) {
		if (link(e->tmp, e->target) != 0)
			return -1;
		step();
		return 0;
	}
	if (e->op == OP_REMOVE) {
		if (rename(e->target, e->backup) != 0)
			return -1;
		step();
		return 0;
	}
	if (link(e->target, e->backup) != 0)
		return -1;
	step();
	if (rename(e->tmp, e->target) != 0)
		return -1;
	step();
	return 0;
}

/* Puts entry e back as it was, whatever step it reached. Returns 0, or -1
 * when the old file could not be put back. */
static int undo(const struct entry *e)
{
	int rc = 0;

	if (e->op == OP_CREATE) {
		if (same_file(e->tmp, e->target) && unlink(e->target) != 0)
			rc = -1;
		unlink(e->tmp);
		return rc;
	}
	/* The backup is the old file; renaming it back is a no-op when the
	 * target still is that file. */
	if (!gone(e->backup) && rename(e->backup, e->target) != 0)
		rc = -1;
	if (rc == 0)
		unlink(e->backup);
	if (e->tmp != NULL)
		unlink(e->tmp);
	return rc;
}

/* Removes the backups and the temporaries once every file is in place. */
static void clean_up(const struct wfile_txn *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		if (t->e[i].backup != NULL)
			unlink(t->e[i].backup);
		if (t->e[i].tmp != NULL)
			unlink(t->e[i].tmp);
		step();
	}
}

/* Undoes entries 0..n-1 in reverse; returns 0 when all are back. */
static int undo_all(const struct wfile_txn *t, size_t n)
{
	int rc = 0;

	while (n-- > 0)
		if (undo(&t->e[n]) != 0)
			rc = -1;
	return rc;
}

static void sync_dirs(const struct wfile_txn *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		sync_path_dir(t->e[i].target);
}

/* Says in msg why the change failed at path (create: a new file), and
 * whether all is back as it was. */
static void failed(char *msg, size_t msglen, const char *path, int create, int err, int restored)
{
	char *what = create ? xasprintf(_("cannot create %s: %s"), path, strerror(err))
			    : xasprintf(_("cannot write %s: %s"), path, strerror(err));

	if (restored)
		snprintf(msg, msglen, _("%s; no file was changed"), what);
	else
		snprintf(msg, msglen,
			 _("%s; not every file could be put back: the next clerk command that "
			   "writes will do it"),
			 what);
	free(what);
}

/* Writes the journal and every temporary. Returns 0, or -1 with msg (all
 * removed again). */
static int prepare(struct wfile_txn *t, char *msg, size_t msglen)
{
	size_t i;
	int err;

	if (lock_root(t) != 0 || journal_start(t) != 0) {
		if (errno == EEXIST || errno == EWOULDBLOCK)
			snprintf(msg, msglen,
				 _("another change of the records is under way or was interrupted "
				   "(%s exists); try again"),
				 t->journal);
		else
			failed(msg, msglen, t->journal, 0, errno, 1);
		return -1;
	}
	step();
	for (i = 0; i < t->n; i++) {
		if (stage(&t->e[i]) != 0)
			break;
		step();
	}
	if (i == t->n)
		return 0;
	err = errno;
	undo_all(t, i);
	journal_end(t);
	failed(msg, msglen, t->e[i].target, t->e[i].op == OP_CREATE, err, 1);
	return -1;
}

int wfile_txn_commit(struct wfile_txn *t, char *msg, size_t msglen)
{
	size_t i;
	int err;

	if (prepare(t, msg, msglen) != 0)
		return -1;
	sync_dirs(t);
	if (journal_set(t, "commit") != 0) {
		err = errno;
		undo_all(t, t->n);
		journal_end(t);
		failed(msg, msglen, t->journal, 0, err, 1);
		return -1;
	}
	step();
	for (i = 0; i < t->n; i++)
		if (apply(&t->e[i]) != 0)
			break;
	if (i < t->n) {
		err = errno;
		if (undo_all(t, t->n) == 0)
			journal_end(t);
		failed(msg, msglen, t->e[i].target, t->e[i].op == OP_CREATE, err,
		       !wfile_pending(t->root));
		return -1;
	}
	sync_dirs(t);
	if (journal_set(t, "done") == 0) {
		step();
		clean_up(t);
		journal_end(t);
	}
	return 0;
}

void wfile_txn_free(struct wfile_txn *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->n; i++) {
		free(t->e[i].target);
		free(t->e[i].tmp);
		free(t->e[i].backup);
		free(t->e[i].text);
	}
	free(t->e);
	free(t->root);
	free(t->what);
	free(t->journal);
	if (t->lock >= 0)
		close(t->lock);
	free(t);
}

/* --------------------------------------------------------- recovery */

int wfile_pending(const char *root)
{
	char *path = xasprintf("%s/%s", root, JOURNAL);
	struct stat st;
	int rc = lstat(path, &st) == 0;

	free(path);
	return rc;
}

/* True when side (a temporary or backup) is a hidden clerk name in the
 * folder of target, which lies inside root: a journal names nothing else. */
static int side_ok(const char *target, const char *side)
{
	size_t n = (size_t)(base_of(target) - target);

	if (side == NULL)
		return 1;
	return strncmp(side, target, n) == 0 && strncmp(side + n, ".clerk-", 7) == 0 &&
	       strchr(side + n, '/') == NULL;
}

/* Reads one entry line "OP TARGET TMP BACKUP" into t; returns 0 or -1. */
static int read_entry(struct wfile_txn *t, const char *line, size_t len)
{
	const char *w[3], *end = line + len, *p;
	size_t wl[3], k;
	struct entry *e;

	if (len < 2 || strchr("RCD", line[0]) == NULL || line[1] != ' ')
		return -1;
	for (p = line + 2, k = 0; k < 3 && p < end; k++) {
		w[k] = p;
		while (p < end && *p != ' ')
			p++;
		wl[k] = (size_t)(p - w[k]);
		p++;
	}
	if (k != 3 || wl[0] == 0)
		return -1;
	xgrow((void **)&t->e, &t->cap, t->n, sizeof *t->e);
	e = &t->e[t->n++];
	memset(e, 0, sizeof *e);
	e->op = (enum op)line[0];
	e->target = unescape(w[0], wl[0]);
	e->tmp = unescape(w[1], wl[1]);
	e->backup = unescape(w[2], wl[2]);
	if (e->target == NULL || e->target[0] != '/' || !below(t->root, e->target) ||
	    !side_ok(e->target, e->tmp) || !side_ok(e->target, e->backup) ||
	    (e->op != OP_REMOVE && e->tmp == NULL) || (e->op != OP_CREATE && e->backup == NULL))
		return -1;
	return 0;
}

/* Reads the journal text into t; *state is its state. Returns 0, or -1
 * when a line is not as clerk writes it (the rest is read all the same). */
static int read_journal(struct wfile_txn *t, const char *text, size_t len, char *state,
			size_t statelen)
{
	const char *p = text, *end = text + len, *nl;
	int line = 0, rc = 0;

	state[0] = '\0';
	for (; p < end; p = nl + 1, line++) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			return -1; /* a last line cut short */
		if (line == 0 && ((size_t)(nl - p) != strlen(JOURNAL_HEAD) ||
				  memcmp(p, JOURNAL_HEAD, (size_t)(nl - p)) != 0))
			return -1;
		if (line == 1 && nl - p > 6 && memcmp(p, "state ", 6) == 0)
			snprintf(state, statelen, "%.*s", (int)(nl - p - 6), p + 6);
		if (line == 2 && nl - p > 5 && memcmp(p, "what ", 5) == 0) {
			free(t->what);
			t->what = unescape(p + 5, (size_t)(nl - p - 5));
		}
		if (line > 2 && read_entry(t, p, (size_t)(nl - p)) != 0)
			rc = -1;
	}
	return line > 2 ? rc : -1;
}

/* Acts on the journal read into t in state; returns what was done. */
static enum wfile_recovery settle(struct wfile_txn *t, const char *state, int whole)
{
	size_t i;

	if (strcmp(state, "prepare") == 0) {
		for (i = 0; i < t->n; i++) /* only temporaries were made */
			if (t->e[i].tmp != NULL)
				unlink(t->e[i].tmp);
		return WFILE_UNDONE;
	}
	if (!whole)
		return WFILE_STUCK;
	if (strcmp(state, "commit") == 0)
		return undo_all(t, t->n) == 0 ? WFILE_UNDONE : WFILE_STUCK;
	if (strcmp(state, "done") == 0) {
		clean_up(t);
		return WFILE_COMPLETED;
	}
	return WFILE_STUCK;
}

static void recovery_msg(const struct wfile_txn *t, enum wfile_recovery r, char *msg, size_t msglen)
{
	const char *what = t->what ? t->what : "?";

	if (r == WFILE_UNDONE)
		snprintf(msg, msglen,
			 _("an earlier change was interrupted (%s); it was undone: every file is "
			   "as it was before it"),
			 what);
	else if (r == WFILE_COMPLETED)
		snprintf(msg, msglen,
			 _("an earlier change was interrupted (%s) after every file was in place; "
			   "its clean-up was finished"),
			 what);
	else
		snprintf(msg, msglen,
			 _("an earlier change was interrupted (%s) and cannot be undone "
			   "automatically: see %s"),
			 what, t->journal);
}

enum wfile_recovery wfile_recover(const char *root, char *msg, size_t msglen)
{
	struct wfile_txn *t;
	struct read_error err;
	enum wfile_recovery r = WFILE_CLEAN;
	char state[16], *text, *next;
	size_t len;
	int whole;

	msg[0] = '\0';
	if (!wfile_pending(root))
		return WFILE_CLEAN;
	t = wfile_txn_new(root, "");
	if (lock_root(t) != 0) {
		wfile_txn_free(t); /* another clerk is changing the records now */
		return WFILE_CLEAN;
	}
	text = read_file(t->journal, 1024 * 1024, &len, &err);
	whole = text != NULL && read_journal(t, text, len, state, sizeof state) == 0;
	if (text != NULL && len == 0)
		snprintf(state, sizeof state, "prepare"); /* stopped before its first line */
	r = text == NULL ? WFILE_STUCK : settle(t, state, whole);
	if (r != WFILE_STUCK) {
		next = xasprintf("%s/%s", t->root, JOURNAL_NEXT);
		unlink(next);
		free(next);
		journal_end(t);
	}
	recovery_msg(t, r, msg, msglen);
	free(text);
	wfile_txn_free(t);
	return r;
}

/* ------------------------------------------ temporaries and whole folders
 * For writers whose output is made by a library (SQLite writes its own
 * file) or is a whole folder (clerk publish): the temporary is made here,
 * filled by the caller, and put in place here (atomic.h declares these). */

char *atomic_temp(const char *path, const char *text, size_t len, mode_t mode)
{
	return write_temp(path, text, len, mode, WFILE_DURABLE);
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
		sync_path_dir(path);
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

/* Flushes everything written under the folder dir to disk. Returns 0, or
 * -1 with errno. */
static int sync_tree(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), rc = -1, saved;

	if (fd < 0)
		return -1;
	rc = syncfs(fd);
	saved = errno;
	close(fd);
	errno = saved;
	return rc;
}

int wfile_tree_create(const char *path, const char *text, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, wfile_new_mode());
	int rc = -1, saved;

	if (fd < 0)
		return -1;
	if (write_all(fd, text, len) == 0)
		rc = 0;
	saved = errno;
	if (close(fd) != 0 && rc == 0) {
		rc = -1;
		saved = errno;
	}
	if (rc != 0)
		unlink(path);
	errno = saved;
	return rc;
}

int atomic_put_dir(const char *tmpdir, const char *dir, const char *mark)
{
	struct stat st;
	char *old = NULL;
	int rc = -1, saved;

	/* The files of the tree were written without an fsync of their own
	 * (wfile_tree_create): one flush of the file system covers them all. */
	if (sync_tree(tmpdir) != 0)
		goto out;
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
		sync_path_dir(dir);
	free(old);
	errno = saved;
	return rc;
}

/* ------------------------------------------------ a file written in parts */

struct wfile_stream {
	char *path, *tmp;
	int fd;
	int err; /* the first failure's errno, 0 while none */
};

struct wfile_stream *wfile_stream_new(const char *path, mode_t mode)
{
	struct wfile_stream *w = xcalloc(1, sizeof *w);
	int saved;

	w->tmp = write_temp(path, "", 0, mode, WFILE_DURABLE);
	w->fd = w->tmp != NULL ? open(w->tmp, O_WRONLY | O_APPEND | O_CLOEXEC) : -1;
	if (w->fd < 0) {
		saved = errno;
		if (w->tmp != NULL)
			unlink(w->tmp);
		free(w->tmp);
		free(w);
		errno = saved;
		return NULL;
	}
	w->path = xstrdup(path);
	return w;
}

int wfile_stream_write(struct wfile_stream *w, const char *text, size_t len)
{
	if (w->err == 0 && write_all(w->fd, text, len) != 0)
		w->err = errno;
	errno = w->err;
	return w->err ? -1 : 0;
}

int wfile_stream_finish(struct wfile_stream *w)
{
	int rc = -1, saved;

	if (w->err == 0 && fsync(w->fd) != 0)
		w->err = errno;
	if (close(w->fd) != 0 && w->err == 0)
		w->err = errno;
	w->fd = -1;
	if (w->err == 0 && link(w->tmp, w->path) != 0)
		w->err = errno;
	if (w->err == 0 && sync_path_dir(w->path) != 0)
		w->err = errno;
	rc = w->err ? -1 : 0;
	saved = w->err;
	wfile_stream_abandon(w);
	errno = saved;
	return rc;
}

void wfile_stream_abandon(struct wfile_stream *w)
{
	if (w == NULL)
		return;
	if (w->fd >= 0)
		close(w->fd);
	unlink(w->tmp);
	free(w->tmp);
	free(w->path);
	free(w);
}
