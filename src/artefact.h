/* SPDX-License-Identifier: EUPL-1.2 */
/* artefact.h - a word processor's traces in values: dashes, curly quotes,
 * non-breaking and zero-width spaces.
 *
 * A value typed or pasted from Word often holds characters that look right
 * but are not what the form asks for: an en-dash in 2016–11–24, curly
 * quotes around a title, a non-breaking space in an id. Every message that
 * echoes such a value names the character and gives the value without it. */
#ifndef CLERK_ARTEFACT_H
#define CLERK_ARTEFACT_H

#include <stddef.h>

struct diag;

enum artefact {
	ARTEFACT_NONE,
	ARTEFACT_EN_DASH,   /* U+2013 where a hyphen belongs */
	ARTEFACT_EM_DASH,   /* U+2014 where a hyphen belongs */
	ARTEFACT_QUOTES,    /* curly quotes U+2018, U+2019, U+201C, U+201D */
	ARTEFACT_NBSP,      /* U+00A0 or U+202F where a space belongs */
	ARTEFACT_ZERO_WIDTH /* U+200B, U+200C, U+200D, U+2060, U+FEFF */
};

/* Returns the first artefact in s (len bytes), or ARTEFACT_NONE. */
enum artefact artefact_find(const char *s, size_t len);
/* Returns s without its artefacts (dashes as hyphens, curly quotes as
 * straight ones, or removed when they wrap the whole value, non-breaking
 * spaces as spaces, zero-width spaces removed); malloc'd, never NULL. */
char *artefact_clean(const char *s, size_t len);
/* True when s is wrapped in curly quotes: “...” or ‘...’. */
int artefact_wrapped(const char *s, size_t len);
/* When value (len bytes, at line:col) holds an artefact, adds its name to
 * d's message ("it contains an en-dash (–) where a hyphen (-) belongs;
 * write '2016-11-24'") and, when the value stands as written (exact), the
 * repair. d may be NULL. */
void artefact_note(struct diag *d, const char *value, size_t len, int line, int col, int exact);
/* Returns the offset of the first byte of s (len bytes) that is not part of
 * valid UTF-8, or len when all is valid. */
size_t artefact_bad_utf8(const char *s, size_t len);

#endif
