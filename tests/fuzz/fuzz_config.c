/* fuzz_config.c - libFuzzer target: any bytes as a .clerk.yml, loaded from an
 * in-memory file; when it loads, its types are checked against the built-in
 * schemas and a record is checked under it (globs, exclude, severities). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "check.h"
#include "config.h"
#include "schema.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct schema_set schemas;
static char path[64];
static int fd = -1;

static const char record[] = "---\n"
			     "type: decision\n"
			     "id: 2024-017\n"
			     "title: Vaststelling van het mandaatregister\n"
			     "date: 2024-03-12\n"
			     "status: adopted\n"
			     "authority: College van burgemeester en wethouders van Dijkmeer\n"
			     "---\n"
			     "# Vaststelling van het mandaatregister\n\n"
			     "## Besluit\n\n"
			     "1. het mandaatregister 2024 vast te stellen.\n";

static void setup(void)
{
	struct config_error err;

	if (schema_set_add_builtin(&schemas, &err) != 0 || schema_set_resolve(&schemas, &err) != 0)
		abort();
	fd = memfd_create("clerk.yml", 0);
	if (fd < 0)
		abort();
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
}

/* Replaces the in-memory file's contents with data. */
static void put(const uint8_t *data, size_t size)
{
	if (ftruncate(fd, 0) != 0 || (size > 0 && pwrite(fd, data, size, 0) != (ssize_t)size))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config cfg;
	struct config_error err;
	struct check_run run;

	if (fd < 0)
		setup();
	put(data, size);
	config_init(&cfg);
	if (config_load(&cfg, path, &err) == 0 && config_check_types(&cfg, &schemas, &err) == 0 &&
	    !config_excluded(&cfg, "besluiten/2024-017.md")) {
		(void)config_type_for(&cfg, "besluiten/2024-017.md");
		check_init(&run, &cfg, &schemas);
		check_text(&run, "besluiten/2024-017.md", "besluiten/2024-017.md", record,
			   sizeof(record) - 1);
		check_finish(&run);
		check_free(&run);
	}
	config_free(&cfg);
	return 0;
}
