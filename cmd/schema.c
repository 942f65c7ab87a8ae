/* schema.c - `clerk schema --json-schema [TYPE]`: JSON Schemas for editors' YAML support. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "commands.h"
#include "i18n.h"
#include "json_schema.h"
#include "project.h"
#include "util.h"

static const char schema_usage[] =
    N_("usage: clerk schema --json-schema [--config FILE] [TYPE | .clerk.yml]\n");

static void schema_help(void)
{
	fputs(_(schema_usage), stdout);
	puts(_("Writes a JSON Schema (draft-07) made from the schemas in effect (built-in and\n"
	       "your own): of the front matter of records of TYPE, of every type at once (the\n"
	       "type field chooses) without TYPE, or of the configuration with '.clerk.yml'.\n"
	       "Editors with YAML support use it to complete and check field names and values.\n"
	       "\noptions:\n"
	       "  --json-schema          write a JSON Schema\n"
	       "  --config FILE          read this configuration instead of the .clerk.yml found "
	       "upwards\n"
	       "  --help                 show this help"));
}

/* Says line (taken over) and the usage line; returns the exit code. */
static int schema_usage_error(char *line)
{
	error_line("%s", line);
	free(line);
	fputs(_(schema_usage), stderr);
	return EXIT_USAGE;
}

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
	static const struct option longopts[] = {{"json-schema", no_argument, NULL, 'j'},
						 {"config", required_argument, NULL, 'c'},
						 {"help", no_argument, NULL, 'h'},
						 {NULL, 0, NULL, 0}};
	struct config_error err = {0};
	const char *config_path = NULL;
	struct project p;
	int c, json = 0, rc;

	opterr = 0;
	optind = 1;
	for (c = getopt_long(argc, argv, ":h", longopts, NULL); c != -1;
	     c = getopt_long(argc, argv, ":h", longopts, NULL)) {
		if (c == 'h') {
			schema_help();
			return 0;
		}
		if (c == ':')
			return schema_usage_error(
			    xasprintf(_("'%s' needs a value"), argv[optind - 1]));
		if (c == '?')
			return schema_usage_error(xasprintf(
			    _("unknown option '%s'; see 'clerk schema --help'"), argv[optind - 1]));
		json |= c == 'j';
		if (c == 'c')
			config_path = optarg;
	}
	if (!json)
		return schema_usage_error(xstrdup(_("say what to write: --json-schema")));
	if (argc - optind > 1)
		return schema_usage_error(xstrdup(_("give at most one record type")));
	if (project_open(&p, config_path, NULL, 0, &err) != 0)
		rc = config_failed(&err);
	else
		rc = write_schema(&p, optind < argc ? argv[optind] : NULL);
	project_close(&p);
	return rc;
}
