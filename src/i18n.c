/* SPDX-License-Identifier: EUPL-1.2 */
/* i18n.c - finding the message catalogue and choosing the language. */
#include "i18n.h"

#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

#define DOMAIN "clerk"

/* Returns 1 when dir holds clerk's Dutch catalogue. */
static int has_catalogue(const char *dir)
{
	char path[PATH_MAX];
	struct stat st;
	int n = snprintf(path, sizeof path, "%s/nl/LC_MESSAGES/" DOMAIN ".mo", dir);

	return n > 0 && (size_t)n < sizeof path && stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The catalogue folder: beside an uninstalled binary (build/locale), then
 * the installed prefix relative to the binary (bin/../share/locale), then
 * the folder compiled in. The binary is found through /proc/self/exe. */
static void bind_catalogue(const char *argv0)
{
	char exe[PATH_MAX], dir[PATH_MAX + 32];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *slash;

	(void)argv0;
	if (n > 0) {
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash != NULL) {
			*slash = '\0';
			snprintf(dir, sizeof dir, "%s/locale", exe);
			if (has_catalogue(dir) && bindtextdomain(DOMAIN, dir) != NULL)
				return;
			snprintf(dir, sizeof dir, "%s/../share/locale", exe);
			if (has_catalogue(dir) && bindtextdomain(DOMAIN, dir) != NULL)
				return;
		}
	}
	bindtextdomain(DOMAIN, LOCALEDIR);
}

/* Returns the first of LC_ALL, LC_MESSAGES and LANG that is set, or NULL. */
static const char *env_locale(void)
{
	static const char *const names[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	const char *v;
	size_t i;

	for (i = 0; i < sizeof names / sizeof *names; i++) {
		v = getenv(names[i]);
		if (v != NULL && *v != '\0')
			return v;
	}
	return NULL;
}

void i18n_init(const char *argv0)
{
	const char *loc = setlocale(LC_MESSAGES, "");
	const char *env = env_locale();

	/* Only messages follow the user's language: character and number
	 * handling stay in the C locale. gettext ignores LANGUAGE in the plain
	 * C locale, so C.UTF-8 stands in for it: English unless asked. */
	if (loc == NULL || strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0)
		setlocale(LC_MESSAGES, "C.UTF-8");
	/* A Dutch locale that this machine lacks still means Dutch messages. */
	if (loc == NULL && getenv("LANGUAGE") == NULL && env != NULL && strncmp(env, "nl", 2) == 0)
		setenv("LANGUAGE", "nl", 1);
	bind_catalogue(argv0);
	bind_textdomain_codeset(DOMAIN, "UTF-8");
	textdomain(DOMAIN);
}

int i18n_set_language(const char *lang)
{
	if (strcmp(lang, "nl") != 0 && strcmp(lang, "en") != 0)
		return -1;
	if (setenv("LANGUAGE", lang, 1) != 0)
		return -1;
	/* Changing the text domain makes gettext drop what it has cached. */
	textdomain(DOMAIN);
	return 0;
}

static int chosen;

void i18n_choose(const char *lang)
{
	if (i18n_set_language(lang) == 0)
		chosen = 1;
}

void i18n_prefer(const char *lang)
{
	if (!chosen)
		i18n_set_language(lang);
}

const char *i18n_language(void)
{
	/* The catalogue's own header says which language it is; English has none. */
	static const char header_id[] = ""; /* the catalogue's header entry */
	const char *header = gettext(header_id);

	return header != NULL && strstr(header, "Language: nl") != NULL ? "nl" : "en";
}

const char *i18n_switch(const char *lang)
{
	const char *was = i18n_language();

	i18n_set_language(lang != NULL && lang[0] != '\0' ? lang : "en");
	return was;
}

const char *i18n_status(const char *value)
{
	char key[128];
	const char *word;
	int n = snprintf(key, sizeof key, "status%c%s", 4, value);

	if (n < 0 || (size_t)n >= sizeof key)
		return value;
	word = gettext(key);
	return word == key ? value : word;
}
