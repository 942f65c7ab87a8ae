/* SPDX-License-Identifier: EUPL-1.2 */
/* hint.c - the values meant by synonyms and by durations written in words. */
#include "hint.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "schema.h"

/* Compares a and b ignoring ASCII case, leading and trailing spaces, and
 * treating runs of spaces as one. Returns 1 when they are equal. */
static int same_words(const char *a, const char *b)
{
	while (*a == ' ')
		a++;
	while (*b == ' ')
		b++;
	while (*a != '\0' && *b != '\0') {
		if (*a == ' ' && *b == ' ') {
			while (*a == ' ')
				a++;
			while (*b == ' ')
				b++;
			continue;
		}
		if ((unsigned char)*a < 0x80 && (unsigned char)*b < 0x80 ? strncasecmp(a, b, 1) != 0
									 : *a != *b)
			return 0;
		a++;
		b++;
	}
	while (*a == ' ')
		a++;
	while (*b == ' ')
		b++;
	return *a == '\0' && *b == '\0';
}

const char *hint_synonym(const struct field_spec *f, const char *text)
{
	size_t i;

	for (i = 0; i < f->nsynonyms; i++)
		if (same_words(text, f->synonyms[i].word))
			return f->synonyms[i].value;
	return NULL;
}

static const struct {
	const char *word;
	int n;
} numbers[] = {
    {"een", 1},  {"één", 1},     {"eén", 1},     {"one", 1},     {"a", 1},     {"an", 1},
    {"twee", 2}, {"two", 2},     {"drie", 3},    {"three", 3},   {"vier", 4},  {"four", 4},
    {"vijf", 5}, {"five", 5},    {"zes", 6},     {"six", 6},     {"zeven", 7}, {"seven", 7},
    {"acht", 8}, {"eight", 8},   {"negen", 9},   {"nine", 9},    {"tien", 10}, {"ten", 10},
    {"elf", 11}, {"eleven", 11}, {"twaalf", 12}, {"twelve", 12},
};

static const struct {
	const char *word;
	char unit;
} units[] = {
    {"jaar", 'Y'},    {"jaren", 'Y'}, {"year", 'Y'},   {"years", 'Y'}, {"maand", 'M'},
    {"maanden", 'M'}, {"month", 'M'}, {"months", 'M'}, {"week", 'W'},  {"weken", 'W'},
    {"weeks", 'W'},   {"dag", 'D'},   {"dagen", 'D'},  {"day", 'D'},   {"days", 'D'},
};

/* Reads the number at *p (digits or a word); advances *p. Returns it, or 0. */
static int read_number(const char **p)
{
	const char *s = *p;
	size_t i, len;
	int n = 0;

	while (*s >= '0' && *s <= '9' && n < 1000)
		n = n * 10 + (*s++ - '0');
	if (s != *p) {
		*p = s;
		return n;
	}
	len = strcspn(s, " ");
	for (i = 0; i < sizeof numbers / sizeof *numbers; i++)
		if (strlen(numbers[i].word) == len && strncasecmp(s, numbers[i].word, len) == 0) {
			*p = s + len;
			return numbers[i].n;
		}
	return 0;
}

int hint_duration(const char *text, char out[16])
{
	const char *p = text;
	size_t i;
	int n;

	while (*p == ' ')
		p++;
	n = read_number(&p);
	if (n <= 0 || n >= 1000)
		return 0;
	while (*p == ' ')
		p++;
	for (i = 0; i < sizeof units / sizeof *units; i++)
		if (same_words(p, units[i].word)) {
			snprintf(out, 16, "P%d%c", n, units[i].unit);
			return 1;
		}
	return 0;
}
