/* SPDX-License-Identifier: EUPL-1.2 */
/* schema.c - `clerk schema --json-schema [TYPE]`: JSON Schemas for editors' YAML support. */
#include <unistd.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "commands.h"
#include "i18n.h"
#include "json_schema.h"
#include "project.h"
#include "util.h"

/* What the options of schema set. */
struct schema_args {
	const char *config_path;
	int json;
};

static const struct opt schema_opts[] = {
    {"json-schema", 0, offsetof(struct schema_args, json), NULL, N_("write a JSON Schema")},
    {"config", 0, offsetof(struct schema_args, config_path), "FILE", opts_config_help},
};

const struct cmd_spec schema_spec = {
    "schema",
    N_("usage: clerk schema --json-schema [--config FILE] [TYPE | .clerk.yml]\n"),
    N_("Writes a JSON Schema (draft-07) made from the schemas in effect (built-in and\n"
       "your own): of the front matter of records of TYPE, of every type at once (the\n"
       "type field chooses) without TYPE, or of the configuration with '.clerk.yml'.\n"
       "Editors with YAML support use it to complete and check field names and values."),
    NULL,
    schema_opts,
    OPTS_N(schema_opts),
};

/* Writes the schema asked for; returns 0 or the exit code of a mistake. */
static int write_schema(const struct project *p, const char *type)
{
	const struct schema *s;
	char *names;
	size_t i;

	if (type == NULL) {
		json_schema_all(stdout, &p->schemas, p->cfg.type_field);
		return 0;
	}
	if (strcmp(type, ".clerk.yml") == 0) {
		json_schema_config(stdout, &p->schemas);
		return 0;
	}
	s = schema_set_find(&p->schemas, type);
	if (s != NULL) {
		json_schema_type(stdout, s, p->cfg.type_field);
		return 0;
	}
	names = xstrdup("");
	for (i = 0; i < p->schemas.n; i++) {
		char *next = xasprintf("%s%s%s", names, i ? ", " : "", p->schemas.items[i]->name);

		free(names);
		names = next;
	}
	error_line(
	    "unknown record type '%s'; the types are %s, or .clerk.yml for the configuration", type,
	    names);
	free(names);
	return EXIT_USAGE;
}

int cmd_schema(int argc, char **argv)
{
	struct config_error err = {0};
	struct schema_args a = {0};
	struct project p;
	int rc = opts_parse(&schema_spec, argc, argv, opts_store, &a);

	if (rc != 0)
		return rc == OPTS_HELP ? 0 : rc;
	if (!a.json)
		return opts_usage_error(&schema_spec, "say what to write: --json-schema");
	if (argc - optind > 1)
		return opts_usage_error(&schema_spec, "give at most one record type");
	if (project_open(&p, a.config_path, NULL, 0, &err) != 0)
		rc = config_failed(&err);
	else
		rc = write_schema(&p, optind < argc ? argv[optind] : NULL);
	project_close(&p);
	return rc;
}
