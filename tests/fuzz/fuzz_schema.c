/* fuzz_schema.c - libFuzzer target: a schema file and a record in one input,
 * split at the first line "%%record"; the schema is parsed and, when it loads,
 * added to the built-in ones and the record checked against the set. */
#define _GNU_SOURCE
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "config.h"
#include "schema.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char separator[] = "\n%%record\n";

/* Checks the record text against the built-in schemas and s (which the set
 * takes over). */
static void check_record(struct schema *s, const char *text, size_t len)
{
	static struct config cfg;
	static int ready;
	struct schema_set set = {0};
	struct config_error err;
	struct check_run run;

	if (!ready) {
		config_init(&cfg);
		ready = 1;
	}
	if (schema_set_add_builtin(&set, &err) != 0) {
		schema_free(s);
		goto out;
	}
	schema_set_put(&set, s);
	if (schema_set_resolve(&set, &err) != 0)
		goto out;
	check_init(&run, &cfg, &set);
	check_text(&run, "records/0042.md", "records/0042.md", text, len);
	check_finish(&run);
	check_free(&run);
out:
	schema_set_free(&set);
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
