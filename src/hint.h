/* SPDX-License-Identifier: EUPL-1.2 */
/* hint.h - "did you mean": the accepted value behind a word people write.
 *
 * Secretaries write values in their own words: `vastgesteld` for adopted,
 * `3 jaar` for P3Y, `onbepaalde tijd` for indefinite. These words are not
 * accepted, but they tell clerk which value was meant, so the message can
 * name it and offer it as the fix. */
#ifndef CLERK_HINT_H
#define CLERK_HINT_H

#include <stddef.h>

struct field_spec;

/* Returns the value (an enum value or keyword of f) that f's `synonyms`
 * give for text, compared without case and with runs of spaces as one;
 * NULL when none does. */
const char *hint_synonym(const struct field_spec *f, const char *text);

/* Reads a duration written in words, Dutch or English: a number (digits,
 * or a word from een/één/one to twaalf/twelve) and a unit (jaar, maanden,
 * weken, dagen; years, months, weeks, days), such as "3 jaar", "zes
 * maanden", "1 year". Writes the ISO 8601 form ("P3Y") into out and returns
 * 1; returns 0 when text is not such a duration. */
int hint_duration(const char *text, char out[16]);

#endif
