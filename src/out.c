/* SPDX-License-Identifier: EUPL-1.2 */
/* out.c - the table of output formats. */
#include "out.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

const struct writer out_writers[] = {
    {"text", "one line per finding: PATH:LINE:COL: SEVERITY: MESSAGE [RULE]", out_write_text},
    {"pretty", "for people at a terminal: the source line, the place marked, help and fix",
     out_write_pretty},
    {"json", "one JSON document with every finding (see docs/output.md)", out_write_json},
    {"sarif", "SARIF 2.1.0, for code scanning (GitHub and other tools)", out_write_sarif},
    {"junit", "JUnit XML: one test case per record, a failure per error", out_write_junit},
    {"github", "GitHub Actions workflow commands: annotations on the changed files",
     out_write_github},
    {"gitlab", "GitLab Code Quality report (JSON)", out_write_gitlab},
    {NULL, NULL, NULL},
};

const struct writer *out_find(const char *name)
{
	const struct writer *w;

	for (w = out_writers; w->name != NULL; w++)
		if (strcmp(w->name, name) == 0)
			return w;
	return NULL;
}

char *out_format_names(void)
{
	const char *names[sizeof out_writers / sizeof *out_writers];
	size_t n = 0;

	for (n = 0; out_writers[n].name != NULL; n++)
		names[n] = out_writers[n].name;
	return join_words(names, n, "", " or ");
}
