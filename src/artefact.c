/* SPDX-License-Identifier: EUPL-1.2 */
/* artefact.c - a word processor's traces in values (see artefact.h). */
#include "artefact.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "i18n.h"
#include "util.h"

/* The characters, each with its kind and what replaces it. */
static const struct {
	const char *bytes;
	enum artefact kind;
	const char *instead;
} chars[] = {
    {"\xE2\x80\x93", ARTEFACT_EN_DASH, "-"},   {"\xE2\x80\x94", ARTEFACT_EM_DASH, "-"},
    {"\xE2\x80\x98", ARTEFACT_QUOTES, "'"},    {"\xE2\x80\x99", ARTEFACT_QUOTES, "'"},
    {"\xE2\x80\x9C", ARTEFACT_QUOTES, "\""},   {"\xE2\x80\x9D", ARTEFACT_QUOTES, "\""},
    {"\xC2\xA0", ARTEFACT_NBSP, " "},          {"\xE2\x80\xAF", ARTEFACT_NBSP, " "},
    {"\xE2\x80\x8B", ARTEFACT_ZERO_WIDTH, ""}, {"\xE2\x80\x8C", ARTEFACT_ZERO_WIDTH, ""},
    {"\xE2\x80\x8D", ARTEFACT_ZERO_WIDTH, ""}, {"\xE2\x81\xA0", ARTEFACT_ZERO_WIDTH, ""},
    {"\xEF\xBB\xBF", ARTEFACT_ZERO_WIDTH, ""},
};

#define NCHARS (sizeof chars / sizeof *chars)

/* The artefact character at s[i], or -1. */
static int char_at(const char *s, size_t len, size_t i)
{
	size_t k, n;

	if ((unsigned char)s[i] < 0xC2)
		return -1;
	for (k = 0; k < NCHARS; k++) {
		n = strlen(chars[k].bytes);
		if (i + n <= len && memcmp(s + i, chars[k].bytes, n) == 0)
			return (int)k;
	}
	return -1;
}

enum artefact artefact_find(const char *s, size_t len)
{
	size_t i;
	int k;

	for (i = 0; i < len; i++) {
		k = char_at(s, len, i);
		if (k >= 0)
			return chars[k].kind;
	}
	return ARTEFACT_NONE;
}

/* True when s starts with open and ends with close (3 bytes each). */
static int wrapped_in(const char *s, size_t len, const char *open, const char *close)
{
	return len > 6 && memcmp(s, open, 3) == 0 && memcmp(s + len - 3, close, 3) == 0;
}

int artefact_wrapped(const char *s, size_t len)
{
	return wrapped_in(s, len, "\xE2\x80\x9C", "\xE2\x80\x9D") ||
	       wrapped_in(s, len, "\xE2\x80\x98", "\xE2\x80\x99");
}

char *artefact_clean(const char *s, size_t len)
{
	struct buf b = {0};
	size_t i;
	int k;

	if (artefact_wrapped(s, len)) {
		s += 3;
		len -= 6;
	}
	for (i = 0; i < len; i++) {
		k = char_at(s, len, i);
		if (k < 0) {
			buf_add(&b, s + i, 1);
			continue;
		}
		buf_puts(&b, chars[k].instead);
		i += strlen(chars[k].bytes) - 1;
	}
	return b.data != NULL ? b.data : xstrdup("");
}

/* The words naming artefact kind, with the value without it. */
static char *artefact_words(enum artefact kind, const char *clean)
{
	switch (kind) {
	case ARTEFACT_EN_DASH:
		return xasprintf(_("it contains an en-dash (\xE2\x80\x93) where a hyphen (-) "
				   "belongs; write '%s'"),
				 clean);
	case ARTEFACT_EM_DASH:
		return xasprintf(_("it contains an em-dash (\xE2\x80\x94) where a hyphen (-) "
				   "belongs; write '%s'"),
				 clean);
	case ARTEFACT_QUOTES:
		return xasprintf(_("it contains curly quotes from a word processor; write '%s'"),
				 clean);
	case ARTEFACT_NBSP:
		return xasprintf(_("it contains a non-breaking space where a normal space "
				   "belongs; write '%s'"),
				 clean);
	default:
		return xasprintf(_("it contains an invisible zero-width space; write '%s'"), clean);
	}
}

void artefact_note(struct diag *d, const char *value, size_t len, int line, int col, int exact)
{
	enum artefact kind = d != NULL ? artefact_find(value, len) : ARTEFACT_NONE;
	char *clean, *note, *message;

	if (kind == ARTEFACT_NONE)
		return;
	clean = artefact_clean(value, len);
	note = artefact_words(kind, clean);
	message = xasprintf("%s: %s", d->message, note);
	free(d->message);
	d->message = message;
	free(d->help);
	d->help = note; /* the same words, as the repair */
	if (exact) {
		diag_set_end(d, line, col + (int)len);
		diag_set_fix(d, line, col, line, col + (int)len, clean);
	}
	free(clean);
}

size_t artefact_bad_utf8(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, n, k;

	while (i < len) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		n = p[i] >= 0xF0 ? 4 : p[i] >= 0xE0 ? 3 : 2;
		if (p[i] < 0xC2 || p[i] > 0xF4 || i + n > len)
			return i;
		for (k = 1; k < n; k++)
			if ((p[i + k] & 0xC0) != 0x80)
				return i;
		if ((p[i] == 0xE0 && p[i + 1] < 0xA0) || (p[i] == 0xED && p[i + 1] > 0x9F) ||
		    (p[i] == 0xF0 && p[i + 1] < 0x90) || (p[i] == 0xF4 && p[i + 1] > 0x8F))
			return i;
		i += n;
	}
	return len;
}
