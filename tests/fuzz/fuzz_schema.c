/* SPDX-License-Identifier: EUPL-1.2 */
/* fuzz_schema.c - libFuzzer target: a schema file and a record in one input,
 * split at the first line "%%record"; the schema is parsed and, when it loads,
 * added to the built-in ones and the record checked against the set. */
#define _GNU_SOURCE
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>

#include "fuzz_check.h"
#include "config.h"
#include "project.h"
#include "schema.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char separator[] = "\n%%record\n";

/* Checks the record text against the built-in schemas and s (which the set
 * takes over). */
static void check_record(struct schema *s, const char *text, size_t len)
{
	static struct project p;
	static int ready;
	struct config_error err;

	if (!ready) {
		config_init(&p.cfg);
		ready = 1;
	}
	memset(&p.schemas, 0, sizeof p.schemas);
	if (schema_set_add_builtin(&p.schemas, &err) != 0) {
		schema_free(s);
		goto out;
	}
	schema_set_put(&p.schemas, s);
	if (schema_set_resolve(&p.schemas, &err) != 0)
		goto out;
	check_one(&p, "records/0042.md", text, len);
out:
	schema_set_free(&p.schemas);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	const char *sep = memmem(text, size, separator, sizeof(separator) - 1);
	size_t schema_len = sep ? (size_t)(sep - text) + 1 : size;
	const char *record = sep ? sep + sizeof(separator) - 1 : "";
	size_t record_len = sep ? size - (size_t)(record - text) : 0;
	struct config_error err;
	struct schema *s = schema_parse("schemas/fuzz.yml", text, schema_len, &err);

	if (s != NULL)
		check_record(s, record, record_len);
	return 0;
}
