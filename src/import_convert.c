/* SPDX-License-Identifier: EUPL-1.2 */
/* import_convert.c - a document's text: converters run as programs (never
 * through a shell), within a time and a size limit; text read as it is. */
#include "import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "subproc.h"
#include "util.h"

/* How each kind of document is read: its converter (NULL: read as it is),
 * the Debian package that has it, and its arguments before the file. */
struct converter {
	const char *ext;
	const char *program, *package;
	const char *args[6];
	int markdown;
};

static const struct converter converters[] = {
    {".docx", "pandoc", "pandoc", {"-f", "docx", "-t", "commonmark", "--wrap=none", NULL}, 1},
    {".odt", "pandoc", "pandoc", {"-f", "odt", "-t", "commonmark", "--wrap=none", NULL}, 1},
    {".rtf", "pandoc", "pandoc", {"-f", "rtf", "-t", "commonmark", "--wrap=none", NULL}, 1},
    {".html", "pandoc", "pandoc", {"-f", "html", "-t", "commonmark", "--wrap=none", NULL}, 1},
    {".htm", "pandoc", "pandoc", {"-f", "html", "-t", "commonmark", "--wrap=none", NULL}, 1},
    {".pdf", "pdftotext", "poppler-utils", {"-enc", "UTF-8", "-eol", "unix", NULL}, 0},
    {".txt", NULL, NULL, {NULL}, 0},
    {".text", NULL, NULL, {NULL}, 0},
    {".md", NULL, NULL, {NULL}, 1},
    {".markdown", NULL, NULL, {NULL}, 1},
};

static const struct converter *converter_for(const char *path)
{
	size_t i, n = strlen(path), e;

	for (i = 0; i < sizeof converters / sizeof *converters; i++) {
		e = strlen(converters[i].ext);
		if (n > e && strcasecmp(path + n - e, converters[i].ext) == 0)
			return &converters[i];
	}
	return NULL;
}

/* Reads the file itself: only a regular file, up to the size limit. */
static enum import_fail read_whole(const char *path, struct import_text *out, char *msg,
				   size_t msglen)
{
	struct read_error err = {0};

	out->text = read_file(path, IMPORT_SIZE_LIMIT, &out->len, &err);
	if (out->text != NULL)
		return IMPORT_CONVERTED;
	snprintf(msg, msglen, "%s", err.message);
	return IMPORT_UNREADABLE;
}

/* The converter's argument vector for path: program, args, then the file
 * (after "--" for pandoc, so a name starting with '-' is never an option),
 * and "-" (standard output) for pdftotext. */
static void make_argv(const struct converter *c, const char *path, char *argv[12])
{
	size_t n = 0, i;

	argv[n++] = (char *)c->program;
	for (i = 0; c->args[i] != NULL; i++)
		argv[n++] = (char *)c->args[i];
	if (strcmp(c->program, "pandoc") == 0)
		argv[n++] = (char *)"--sandbox";
	argv[n++] = (char *)"--";
	argv[n++] = (char *)path;
	if (strcmp(c->program, "pdftotext") == 0)
		argv[n++] = (char *)"-";
	argv[n] = NULL;
}

/* Says why the converter gave no text. */
static void tool_failed(const struct converter *c, const struct subproc_result *r, unsigned seconds,
			char *msg, size_t msglen)
{
	char size[32], *nl;

	switch (r->status) {
	case SUBPROC_TIMEOUT:
		snprintf(msg, msglen, _("%s took longer than %u seconds and was stopped"),
			 c->program, seconds);
		break;
	case SUBPROC_TOO_LARGE:
		format_size(IMPORT_SIZE_LIMIT, size, sizeof size);
		snprintf(msg, msglen, _("%s wrote more than %s of text and was stopped"),
			 c->program, size);
		break;
	case SUBPROC_FAILED:
		nl = strchr(r->errtext, '\n');
		if (nl != NULL)
			*nl = '\0';
		snprintf(msg, msglen, _("%s could not read it (%s)"), c->program,
			 r->errtext[0] != '\0' ? r->errtext : _("no reason given"));
		break;
	default:
		snprintf(msg, msglen, _("%s could not be started: %s"), c->program,
			 strerror(r->err));
	}
}

/* Checks that path is a regular file within the size limit before a
 * converter reads it. */
static enum import_fail check_file(const char *path, char *msg, size_t msglen)
{
	struct import_text t = {0};
	enum import_fail rc = read_whole(path, &t, msg, msglen);

	free(t.text);
	return rc;
}

enum import_fail import_convert(const char *path, unsigned seconds, struct import_text *out,
				char *msg, size_t msglen)
{
	const struct converter *c = converter_for(path);
	struct subproc_result r;
	enum import_fail rc;
	char *argv[12];

	memset(out, 0, sizeof *out);
	if (c == NULL) {
		snprintf(msg, msglen,
			 _("clerk cannot import this kind of file; it reads .docx, .odt, .rtf, "
			   ".html, .pdf, .txt and .md"));
		return IMPORT_UNKNOWN_KIND;
	}
	out->markdown = c->markdown;
	rc =
	    c->program == NULL ? read_whole(path, out, msg, msglen) : check_file(path, msg, msglen);
	if (c->program == NULL || rc != IMPORT_CONVERTED)
		return rc;
	make_argv(c, path, argv);
	subproc_run(argv, seconds, IMPORT_SIZE_LIMIT, &r);
	if (r.status == SUBPROC_OK) {
		out->text = r.out;
		out->len = r.len;
		return IMPORT_CONVERTED;
	}
	if (r.status == SUBPROC_MISSING) {
		snprintf(msg, msglen,
			 _("%s is needed to read this file and is not installed; install the "
			   "Debian package '%s' (apt-get install %s)"),
			 c->program, c->package, c->package);
		return IMPORT_MISSING_TOOL;
	}
	tool_failed(c, &r, seconds, msg, msglen);
	return IMPORT_TOOL_FAILED;
}
