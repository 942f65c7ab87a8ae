/* SPDX-License-Identifier: EUPL-1.2 */
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

#include "fuzz_check.h"
#include "config.h"
#include "project.h"
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
	struct project p;
	struct config_error err;

	if (fd < 0)
		setup();
	put(data, size);
	config_init(&p.cfg);
	p.schemas = schemas; /* shared, read-only: freed never */
	if (config_load(&p.cfg, path, &err) == 0 &&
	    config_check_types(&p.cfg, &p.schemas, &err) == 0 &&
	    !config_excluded(&p.cfg, "besluiten/2024-017.md"))
		check_one(&p, "besluiten/2024-017.md", record, sizeof(record) - 1);
	config_free(&p.cfg);
	return 0;
}
