/* SPDX-License-Identifier: EUPL-1.2 */
/* bench_floor.c - the parse floor for `make bench`: libyaml and cmark on
 * the same files and nothing else. Reads file paths, one a line, on stdin;
 * for each: read it, split the front matter at the lines '---', parse the
 * front matter into libyaml events and the body with cmark, free both.
 * Prints "floor: N files, M ms" (and exits 1 when a file cannot be read). */
#include <cmark.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <yaml.h>

/* Returns the file's bytes (malloc'd, NUL-terminated) and its length, or NULL. */
static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *text = NULL;
	long n;

	if (f == NULL)
		return NULL;
	n = fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
	if (n >= 0 && fseek(f, 0, SEEK_SET) == 0) {
		text = malloc((size_t)n + 1);
		if (text != NULL && fread(text, 1, (size_t)n, f) != (size_t)n) {
			free(text);
			text = NULL;
		}
		if (text != NULL) {
			text[n] = '\0';
			*len = (size_t)n;
		}
	}
	fclose(f);
	return text;
}

/* Parses the YAML into events up to the end; returns 0 on success. */
static int parse_yaml(const char *text, size_t len)
{
	yaml_parser_t parser;
	yaml_event_t event;
	int done = 0, rc = 0;

	if (!yaml_parser_initialize(&parser))
		return -1;
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	while (!done) {
		if (!yaml_parser_parse(&parser, &event)) {
			rc = -1;
			break;
		}
		done = event.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&event);
	}
	yaml_parser_delete(&parser);
	return rc;
}

/* Splits text at its front matter and parses both parts; returns 0 on success. */
static int parse_record(const char *text, size_t len)
{
	const char *front = text, *close = NULL, *body = text;
	cmark_node *doc;
	int rc = 0;

	if (len >= 4 && memcmp(text, "---\n", 4) == 0) {
		front = text + 4;
		close = strstr(front, "\n---\n");
	}
	if (close != NULL) {
		rc = parse_yaml(front, (size_t)(close + 1 - front));
		body = close + 5;
	}
	doc = cmark_parse_document(body, len - (size_t)(body - text), CMARK_OPT_DEFAULT);
	if (doc == NULL)
		return -1;
	cmark_node_free(doc);
	return rc;
}

int main(void)
{
	char path[4096], *text;
	size_t len, files = 0, n;
	struct timespec a, b;
	int rc = 0;

	clock_gettime(CLOCK_MONOTONIC, &a);
	while (fgets(path, sizeof path, stdin) != NULL) {
		n = strcspn(path, "\n");
		path[n] = '\0';
		text = slurp(path, &len);
		if (text == NULL || parse_record(text, len) != 0) {
			fprintf(stderr, "bench_floor: %s: cannot read or parse\n", path);
			rc = 1;
		}
		free(text);
		files++;
	}
	clock_gettime(CLOCK_MONOTONIC, &b);
	printf("floor: %zu files, %.0f ms\n", files,
	       (double)(b.tv_sec - a.tv_sec) * 1e3 + (double)(b.tv_nsec - a.tv_nsec) / 1e6);
	return rc;
}
