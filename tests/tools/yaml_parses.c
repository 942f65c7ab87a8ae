/* SPDX-License-Identifier: EUPL-1.2 */
/* yaml_parses.c - test helper: exits 0 when every file given is valid YAML
 * (parsed to the end with libyaml), else prints FILE:LINE:COL: problem and exits 1. */
#include <stdio.h>
#include <yaml.h>

/* Returns 0 when path parses, 1 when it does not or cannot be read. */
static int parses(const char *path)
{
	yaml_parser_t parser;
	yaml_event_t event;
	FILE *f = fopen(path, "rb");
	int done = 0, rc = 0;

	if (f == NULL) {
		perror(path);
		return 1;
	}
	if (!yaml_parser_initialize(&parser)) {
		fclose(f);
		return 1;
	}
	yaml_parser_set_input_file(&parser, f);
	while (!done) {
		if (!yaml_parser_parse(&parser, &event)) {
			fprintf(stderr, "%s:%lu:%lu: %s\n", path,
				(unsigned long)parser.problem_mark.line + 1,
				(unsigned long)parser.problem_mark.column + 1,
				parser.problem ? parser.problem : "not valid YAML");
			rc = 1;
			break;
		}
		done = event.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&event);
	}
	yaml_parser_delete(&parser);
	fclose(f);
	return rc;
}

int main(int argc, char **argv)
{
	int i, rc = 0;

	for (i = 1; i < argc; i++)
		rc |= parses(argv[i]);
	return rc;
}
