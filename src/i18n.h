/* SPDX-License-Identifier: EUPL-1.2 */
/* i18n.h - the language of what clerk says to people (gettext).
 *
 * Messages are written in English in the source and translated at the
 * point where they are formatted: diag_report, diag_set_help, the
 * configuration and schema errors and the command line's error lines call
 * gettext on their format string, so a rule passes a plain literal. Other
 * strings are marked with _() (translated where used) or N_() (marked for
 * xgettext, translated later). Rule names, field names and the structure of
 * the machine formats never change with the language. */
#ifndef CLERK_I18N_H
#define CLERK_I18N_H

#include <libintl.h>

#define _(s)  gettext(s)
#define N_(s) s

/* Sets up the locale from the environment and binds clerk's message
 * catalogue. argv0 helps find the catalogue of an uninstalled build. */
void i18n_init(const char *argv0);

/* Switches the language: "nl" or "en" (the two clerk has). Works without an
 * installed locale for that language. Returns 0, or -1 for another name. */
int i18n_set_language(const char *lang);

/* Switches to lang (as i18n_set_language) unless the command line chose
 * the language already: the configuration's `language:`. */
void i18n_prefer(const char *lang);

/* Marks the language as chosen on the command line (--lang). */
void i18n_choose(const char *lang);

/* The language messages come out in now: "nl" or "en". */
const char *i18n_language(void);

/* Switches the language to lang ("nl" or "en"; NULL or "" means "en") for
 * text that belongs to the record set rather than to whoever runs clerk: a
 * new record's headings, the register. Returns the language to switch back
 * to with i18n_set_language when that text is done. */
const char *i18n_switch(const char *lang);

/* The word shown for a status value in the language of the messages, such
 * as "van kracht" for active (catalogue entries with context "status");
 * the value itself when the catalogue has none. */
const char *i18n_status(const char *value);

#endif
