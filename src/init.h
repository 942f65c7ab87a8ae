/* SPDX-License-Identifier: EUPL-1.2 */
/* init.h - `clerk init [DIR]`: a new records repository, ready to use.
 *
 * Writes .clerk.yml (with comments), one folder per built-in type with one
 * example record each that checks clean, a .pre-commit-config.yaml that
 * runs clerk, and a README with the daily commands. Never replaces a file. */
#ifndef CLERK_INIT_H
#define CLERK_INIT_H

#include <stddef.h>

/* One file init writes: its path below DIR and its text. */
struct init_file {
	const char *path;
	const char *text;
};

/* The files of a repository in lang ("nl": Dutch comments, README and
 * folders and language: nl; else English), and their number in *count.
 * Static; never NULL. */
const struct init_file *init_files(const char *lang, size_t *count);

/* Creates the files of init_files(lang) under dir (created when missing).
 * Refuses (returns 1, msg names the file) when any of them exists, and
 * writes nothing then; returns 2 with msg when a file cannot be written
 * (the files this run created are removed again), 0 when all are
 * written. */
int init_records(const char *dir, const char *lang, char *msg, size_t msglen);

#endif
