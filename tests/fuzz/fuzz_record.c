/* fuzz_record.c - libFuzzer target: any bytes as a record file, through the
 * whole per-file stage (front matter, YAML, Markdown, every per-record rule). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "config.h"
#include "schema.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct config cfg;
static struct schema_set schemas;

static void setup(void)
{
	struct config_error err;

	config_init(&cfg);
	if (schema_set_add_builtin(&schemas, &err) != 0 || schema_set_resolve(&schemas, &err) != 0)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	struct check_run run;

	if (!ready) {
		setup();
		ready = 1;
	}
	check_init(&run, &cfg, &schemas);
	check_text(&run, "COV-2024-001.md", "COV-2024-001.md", (const char *)data, size);
	check_finish(&run);
	check_free(&run);
	return 0;
}
