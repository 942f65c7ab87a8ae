/* SPDX-License-Identifier: EUPL-1.2 */
/* fix.h - applying the repairs clerk is sure of to the text of a file.
 *
 * A finding may carry a fix (diag.h): a span of the file and the text that
 * belongs there. This module applies such fixes to a text in memory; it
 * never writes a file (`clerk fix` writes through the one write path). */
#ifndef CLERK_FIX_H
#define CLERK_FIX_H

#include <stddef.h>

#include "check.h"
#include "diag.h"

/* Returns the byte offset in text (len bytes) of line, col (both from 1,
 * col in bytes, lines ending in LF, CRLF or a lone CR, a UTF-8 byte-order
 * mark before line 1 not counted), or (size_t)-1 when there is no such
 * place. */
size_t fix_offset(const char *text, size_t len, int line, int col);

/* True when d carries a fix clerk is sure of, and rule is -1 or d's rule. */
int fix_wanted(const struct diag *d, int rule);

/* Applies the fixes of the n diagnostics in fixes (all of one file, each
 * with a fix) to text (len bytes): in the order of their places, leaving
 * out one that overlaps another or points outside the text (a next round
 * applies it). Sets applied[i] to 1 for each fix applied (applied may be
 * NULL). Returns the new text (malloc'd, NUL-terminated, its length in
 * *out_len), or NULL when no fix applied. */
char *fix_apply(const char *text, size_t len, const struct diag *const *fixes, size_t n,
		int *applied, size_t *out_len);

/* Returns the text that the fix of d replaces, in text (malloc'd), or an
 * empty string when the place is not in text. */
char *fix_old_text(const char *text, size_t len, const struct diag_fix *fix);

/* One repair made: where the finding was, its rule and message, and the
 * text replaced and put in its place. */
struct fix_change {
	char *path;
	int line, col;
	enum rule_id rule;
	char *message, *old, *text;
};

/* What a fixing run did: every repair in the order made, and every file
 * it changed with its new text (in memory: nothing is written). */
struct fix_result {
	struct fix_change *changes;
	size_t n, cap;
	struct held_text *files; /* path, new text; the run holds them too */
	size_t nfiles, files_cap;
};

/* Checks paths (as check_paths) into run, applies the sure fixes of the
 * rule (-1: of every rule) to the files' texts in memory, and checks again,
 * round after round until no sure fix is left (at most 8 rounds). run is
 * initialised here (p, as_of) and left as the last round's check, its held
 * texts the fixed files; free it with check_free and out with
 * fix_result_free. A file that cannot be read is left alone (the run names
 * it among its problems). */
void fix_paths(struct check_run *run, const struct project *p, const char *as_of,
	       char *const *paths, size_t npaths, int rule, struct fix_result *out);
void fix_result_free(struct fix_result *r);

#endif
