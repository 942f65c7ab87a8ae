/* SPDX-License-Identifier: EUPL-1.2 */
/* fuzz_record.c - libFuzzer target: any bytes as a record file, through the
 * whole per-file stage (front matter, YAML, Markdown, every per-record rule)
 * and the whole-set stage over that record. */
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>

#include "fuzz_check.h"
#include "project.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct project project;

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
