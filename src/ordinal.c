/* SPDX-License-Identifier: EUPL-1.2 */
/* ordinal.c - reading ordinal words: word tables and the Dutch and English
 * ways of composing them ("een-en-twintigste", "twenty-first"). */
#include "ordinal.h"

#include <string.h>
#include <strings.h>

struct word {
	const char *text;
	int value;
};

/* Ordinals that stand alone. */
static const struct word ordinals[] = {
    {"eerste", 1},       {"tweede", 2},      {"derde", 3},        {"vierde", 4},
    {"vijfde", 5},       {"zesde", 6},       {"zevende", 7},      {"achtste", 8},
    {"negende", 9},      {"tiende", 10},     {"elfde", 11},       {"twaalfde", 12},
    {"dertiende", 13},   {"veertiende", 14}, {"vijftiende", 15},  {"zestiende", 16},
    {"zeventiende", 17}, {"achttiende", 18}, {"negentiende", 19}, {"honderdste", 100},
    {"first", 1},        {"second", 2},      {"third", 3},        {"fourth", 4},
    {"fifth", 5},        {"sixth", 6},       {"seventh", 7},      {"eighth", 8},
    {"ninth", 9},        {"tenth", 10},      {"eleventh", 11},    {"twelfth", 12},
    {"thirteenth", 13},  {"fourteenth", 14}, {"fifteenth", 15},   {"sixteenth", 16},
    {"seventeenth", 17}, {"eighteenth", 18}, {"nineteenth", 19},  {"hundredth", 100},
};

/* Tens as ordinals; a Dutch unit can go before them ("vijfentwintigste"). */
static const struct word tens_nl[] = {
    {"twintigste", 20}, {"dertigste", 30},   {"veertigste", 40}, {"vijftigste", 50},
    {"zestigste", 60},  {"zeventigste", 70}, {"tachtigste", 80}, {"negentigste", 90},
};

static const struct word units_nl[] = {
    {"een", 1}, {"twee", 2},  {"drie", 3}, {"vier", 4},  {"vijf", 5},
    {"zes", 6}, {"zeven", 7}, {"acht", 8}, {"negen", 9},
};

/* English tens: "twentieth" alone, "twenty-" before a unit ordinal. */
static const struct word tens_en[] = {
    {"twenty", 20}, {"thirty", 30},  {"forty", 40},  {"fifty", 50},
    {"sixty", 60},  {"seventy", 70}, {"eighty", 80}, {"ninety", 90},
};

static const struct word tenths_en[] = {
    {"twentieth", 20}, {"thirtieth", 30},  {"fortieth", 40},  {"fiftieth", 50},
    {"sixtieth", 60},  {"seventieth", 70}, {"eightieth", 80}, {"ninetieth", 90},
};

#define COUNT(a) (sizeof(a) / sizeof *(a))

/* Returns the value of w[0..len) in words, or 0. */
static int lookup(const struct word *words, size_t n, const char *w, size_t len)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strlen(words[i].text) == len && strncasecmp(words[i].text, w, len) == 0)
			return words[i].value;
	return 0;
}

/* Returns the length of the prefix of w that is in words (the longest), and
 * its value in *value; 0 when none. */
static size_t prefix(const struct word *words, size_t n, const char *w, size_t len, int *value)
{
	size_t i, k, best = 0;

	for (i = 0; i < n; i++) {
		k = strlen(words[i].text);
		if (k <= len && k > best && strncasecmp(words[i].text, w, k) == 0) {
			best = k;
			*value = words[i].value;
		}
	}
	return best;
}

/* "eenentwintigste", "tweeëntwintigste": unit, "en" or "ën", tens. */
static int dutch_composed(const char *w, size_t len)
{
	int unit = 0, tens;
	size_t k = prefix(units_nl, COUNT(units_nl), w, len, &unit);

	if (k == 0)
		return 0;
	if (k + 2 <= len && strncasecmp(w + k, "en", 2) == 0)
		k += 2;
	else if (k + 3 <= len && memcmp(w + k,
					"\xC3\xAB"
					"n",
					3) == 0)
		k += 3; /* ë */
	else
		return 0;
	tens = lookup(tens_nl, COUNT(tens_nl), w + k, len - k);
	return tens ? tens + unit : 0;
}

/* "twenty-first" */
static int english_composed(const char *w, size_t len)
{
	const char *dash = memchr(w, '-', len);
	int tens, unit;

	if (dash == NULL)
		return 0;
	tens = lookup(tens_en, COUNT(tens_en), w, (size_t)(dash - w));
	unit = lookup(ordinals, COUNT(ordinals), dash + 1, len - (size_t)(dash - w) - 1);
	return tens && unit >= 1 && unit <= 9 ? tens + unit : 0;
}

/* "5e", "5de", "5ste", "5th", "1st", "2nd", "3rd" */
static int numeral(const char *w, size_t len)
{
	static const char *const suffixes[] = {"e", "de", "ste", "th", "st", "nd", "rd"};
	size_t i = 0, k;
	int v = 0;

	while (i < len && i < 6 && w[i] >= '0' && w[i] <= '9')
		v = v * 10 + (w[i++] - '0');
	if (i == 0 || i == len)
		return 0;
	for (k = 0; k < COUNT(suffixes); k++)
		if (strlen(suffixes[k]) == len - i && strncasecmp(w + i, suffixes[k], len - i) == 0)
			return v;
	return 0;
}

int ordinal_value(const char *w, size_t len)
{
	int v = numeral(w, len);

	if (v == 0)
		v = lookup(ordinals, COUNT(ordinals), w, len);
	if (v == 0)
		v = lookup(tens_nl, COUNT(tens_nl), w, len);
	if (v == 0)
		v = lookup(tenths_en, COUNT(tenths_en), w, len);
	if (v == 0)
		v = dutch_composed(w, len);
	if (v == 0)
		v = english_composed(w, len);
	return v;
}

/* Letters, digits, bytes of UTF-8 letters, and the hyphen of "twenty-first". */
static int word_byte(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       (unsigned char)c >= 0x80 || c == '-';
}

/* The value of the word text[i..j), or of its first part between hyphens
 * that is an ordinal ("Vijfde-rapportage"); moves *i and *j to that part. */
static int word_value(const char *text, size_t *i, size_t *j)
{
	size_t a = *i, b;
	int v = ordinal_value(text + *i, *j - *i);

	while (v == 0 && a < *j) {
		for (b = a; b < *j && text[b] != '-';)
			b++;
		v = b > a && b - a < *j - *i ? ordinal_value(text + a, b - a) : 0;
		if (v > 0) {
			*i = a;
			*j = b;
		}
		a = b + 1;
	}
	return v;
}

int ordinal_find(const char *text, size_t len, size_t *start, size_t *end)
{
	size_t i = 0, j;
	int v;

	while (i < len) {
		while (i < len && !word_byte(text[i]))
			i++;
		for (j = i; j < len && word_byte(text[j]);)
			j++;
		v = j > i ? word_value(text, &i, &j) : 0;
		if (v > 0) {
			*start = i;
			*end = j;
			return v;
		}
		i = j;
	}
	return 0;
}
