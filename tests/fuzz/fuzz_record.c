/* fuzz_record.c - libFuzzer target: any bytes as a record file, through the
 * whole per-file stage (front matter, YAML, Markdown, every per-record rule)
 * and the whole-set stage over that record. */
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "project.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct project project;

/* Runs the per-file stage on text as the file path, then the whole-set
 * stage over that one record. */
static void check_one(const struct project *p, const char *path, const char *text, size_t len)
{
	char name[64];
	struct source src = {name, name, 0};
	struct check_run run;

	snprintf(name, sizeof name, "%s", path);
	check_init(&run, p, "2025-12-31");
	check_add(&run, check_text(p, &src, text, len));
	check_finish(&run);
	check_free(&run);
}

static void setup(void)
{
	struct config_error err;

	config_init(&project.cfg);
	if (schema_set_add_builtin(&project.schemas, &err) != 0 ||
	    schema_set_resolve(&project.schemas, &err) != 0)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	if (!ready) {
		setup();
		ready = 1;
	}
	check_one(&project, "COV-2024-001.md", (const char *)data, size);
	return 0;
}
