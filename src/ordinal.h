/* SPDX-License-Identifier: EUPL-1.2 */
/* ordinal.h - ordinal numbers written in titles: Dutch, English, numerals.
 *
 * "Vijfde", "eenentwintigste", "tweeëntwintigste", "fifth", "twenty-first",
 * "5e", "5de", "5ste", "5th", "21st". */
#ifndef CLERK_ORDINAL_H
#define CLERK_ORDINAL_H

#include <stddef.h>

/* Returns the value of the ordinal word w (len bytes, any case), or 0 when
 * it is not one. */
int ordinal_value(const char *w, size_t len);
/* Finds the first ordinal word in text; returns its value and sets *start
 * and *end to its bytes, or returns 0 when text has none. */
int ordinal_find(const char *text, size_t len, size_t *start, size_t *end);

#endif
