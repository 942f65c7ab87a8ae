/* fuzz_check.h - what the fuzz targets share: checking one record text
 * through the per-file stage and the whole-set stage. */
#ifndef CLERK_FUZZ_CHECK_H
#define CLERK_FUZZ_CHECK_H

#include <stddef.h>
#include <stdio.h>

#include "check.h"
#include "project.h"

/* Runs the per-file stage on text as the file path, then the whole-set
 * stage over that one record. */
static void check_one(const struct project *p, const char *path, const char *text, size_t len)
{
	char name[64];
	struct source src = {.path = name, .relpath = name};
	struct check_run run;

	snprintf(name, sizeof name, "%s", path);
	check_init(&run, p, "2025-12-31");
	check_add(&run, check_text(p, &src, text, len));
	check_finish(&run);
	check_free(&run);
}

#endif
