/* SPDX-License-Identifier: EUPL-1.2 */
/* show.c - `clerk show ID`: a record's fields, references and backlinks. */
#include "show.h"

#include <stdlib.h>
#include <string.h>

#include "load_yaml.h"
#include "record.h"
#include "set_index.h"
#include "util.h"
#include "i18n.h"

/* Writes a text from a record (a value, a title, a path) escaped, so that
 * a line break in it cannot make a line of output of its own. */
static void put(FILE *f, const char *s)
{
	fput_escaped(s != NULL ? s : "", f);
}

static void show_value(FILE *f, const struct ynode *v)
{
	size_t i;

	if (v->kind == YNODE_SCALAR) {
		put(f, v->text);
		return;
	}
	for (i = 0; v->kind == YNODE_SEQ && i < v->n; i++) {
		fputs(i ? ", " : "", f);
		put(f, v->items[i]->kind == YNODE_SCALAR ? v->items[i]->text : "...");
	}
}

/* Writes "  NAME: VALUE \"TITLE\" (PATH)\n", each part escaped. */
static void show_edge(FILE *f, const char *name, const char *value, const char *title,
		      const char *path)
{
	fputs("  ", f);
	put(f, name);
	fputs(": ", f);
	put(f, value);
	fputs(" \"", f);
	put(f, title);
	fputs("\" (", f);
	put(f, path);
	fputs(")\n", f);
}

/* Prints the front matter fields, read again from the record's file. */
static void show_fields(FILE *f, const struct summary *s)
{
	struct diag_list ignored = {0};
	struct record *rec;
	struct read_error err;
	size_t len, i;
	char *text = read_file(s->path, READ_LIMIT_DEFAULT, &len, &err);

	fprintf(f, "%s\n", _("fields:"));
	if (text == NULL) {
		fprintf(f, "  %s\n", _("(the file cannot be read)"));
		return;
	}
	rec = record_load(s->path, text, len, &ignored);
	for (i = 0; rec->front != NULL && i + 1 < rec->front->n; i += 2) {
		fputs("  ", f);
		put(f, rec->front->items[i]->text);
		fputs(": ", f);
		show_value(f, rec->front->items[i + 1]);
		fputc('\n', f);
	}
	if (rec->front == NULL)
		fprintf(f, "  %s\n", _("(the front matter cannot be read)"));
	record_free(rec);
	diag_list_free(&ignored);
	free(text);
}

static void show_refs(FILE *f, const struct set_index *ix, size_t i)
{
	const struct summary *s = ix->recs[i], *t;
	size_t k, ti;

	fprintf(f, "%s\n", _("references:"));
	for (k = 0; k < s->nrefs; k++) {
		ti = ix->ref_target[ix->ref_base[i] + k];
		t = ti < ix->n ? ix->recs[ti] : NULL;
		if (t == NULL) {
			fprintf(f, "  ");
			put(f, s->refs[k].spec->name);
			fputs(": ", f);
			put(f, s->refs[k].value);
			fprintf(f, "%s\n", _(" (not found)"));
		} else {
			show_edge(f, s->refs[k].spec->name, s->refs[k].value, t->title, t->path);
		}
	}
	for (k = 0; k < s->nlinks; k++) {
		ti = ix->link_target[ix->link_base[i] + k];
		fprintf(f, "  %s: ", _("link"));
		put(f, s->links[k].dest);
		fprintf(f, "%s\n", ti == SET_BROKEN ? _(" (not found)") : "");
	}
}

static void show_backlinks(FILE *f, const struct set_index *ix, size_t i)
{
	const struct set_edge *e;
	const struct summary *u;
	size_t k;

	fprintf(f, "%s\n", _("backlinks:"));
	for (k = ix->in_start[i]; k < ix->in_start[i + 1]; k++) {
		e = &ix->in[k];
		u = ix->recs[e->from];
		show_edge(f, e->link ? _("link") : u->refs[e->k].spec->name, u->id ? u->id : "?",
			  u->title, u->path);
	}
}

/* Writes the text of the record to out, each line escaped: field values and
 * titles come from files anyone may have written, so a control character in
 * them must not reach the terminal. */
static void write_escaped_lines(FILE *out, char *text, size_t len)
{
	char *line = text, *nl;

	while (line < text + len) {
		nl = memchr(line, '\n', (size_t)(text + len - line));
		if (nl != NULL)
			*nl = '\0';
		fput_escaped(line, out);
		fputc('\n', out);
		if (nl == NULL)
			break;
		line = nl + 1;
	}
}

static int show_record_raw(FILE *f, const struct check_run *run, const char *id);

int show_record(FILE *out, const struct check_run *run, const char *id)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	int rc;

	if (f == NULL)
		return show_record_raw(out, run, id);
	rc = show_record_raw(f, run, id);
	if (fclose(f) == 0)
		write_escaped_lines(out, text, len);
	free(text);
	return rc;
}

static int show_record_raw(FILE *f, const struct check_run *run, const char *id)
{
	struct set_index ix;
	size_t i;

	set_index_build(&ix, run->records, run->nrecords);
	i = smap_find(&ix.by_id, id);
	if (i != SET_NONE) {
		put(f, id);
		fprintf(f, " (%s) ", ix.recs[i]->schema ? ix.recs[i]->schema->name : "?");
		put(f, ix.recs[i]->path);
		fputc('\n', f);
		show_fields(f, ix.recs[i]);
		show_refs(f, &ix, i);
		show_backlinks(f, &ix, i);
	}
	set_index_free(&ix);
	return i == SET_NONE ? -1 : 0;
}
