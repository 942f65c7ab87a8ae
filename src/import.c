/* SPDX-License-Identifier: EUPL-1.2 */
/* import.c - one `clerk import`: convert, clean, propose, write, check. */
#include "import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "date.h"
#include "i18n.h"
#include "project.h"
#include "record_new.h"
#include "util.h"

/* What the record writer's callback needs. */
struct render_ctx {
	const struct import_doc *doc;
	const struct schema *schema;
	struct import_outcome *out;
};

/* record_new's callback: the record's text with the id it chose; the
 * last text made is kept in the outcome. */
static char *render_record(void *arg, const char *id)
{
	struct render_ctx *r = arg;

	import_unmapped_free(r->out->unmapped, r->out->nunmapped);
	r->out->unmapped = NULL;
	r->out->nunmapped = 0;
	free(r->out->text);
	r->out->text = import_record(r->doc, r->schema, &r->out->proposal, id, &r->out->unmapped,
				     &r->out->nunmapped);
	return xstrdup(r->out->text);
}

/* The required fields that got no value. */
static void list_missing(const struct schema *s, struct import_outcome *out)
{
	const struct field_spec *f;
	size_t i;

	out->missing = xcalloc(s->nfields + 1, sizeof *out->missing);
	for (i = 0; i < s->nfields; i++) {
		f = &s->fields[i];
		if (f->required && import_value_of(&out->proposal, f->name) == NULL &&
		    strcmp(f->name, s->id_field) != 0 && strcmp(f->name, s->lifecycle.status) != 0)
			out->missing[out->nmissing++] = f->name;
	}
}

/* Chooses the schema: the one asked for, else the one the document's words name. */
static const struct schema *choose_type(const struct project *p, const struct import_request *rq,
					const struct import_doc *doc, struct import_outcome *out)
{
	const struct schema *s;
	const char *name;

	if (rq->type != NULL) {
		s = schema_set_find(&p->schemas, rq->type);
		if (s == NULL)
			snprintf(out->msg, sizeof out->msg, _("there is no record type '%s'"),
				 rq->type);
		return s;
	}
	name = import_guess_type(doc, &p->schemas, &out->type_line, out->type_from,
				 sizeof out->type_from);
	if (name == NULL) {
		snprintf(out->msg, sizeof out->msg,
			 _("clerk cannot tell what kind of record this is; give the type with "
			   "--type"));
		return NULL;
	}
	return schema_set_find(&p->schemas, name);
}

/* Checks the record: on disk with its set, or (dry run) its text alone. */
static void check_record(const struct project *p, const struct import_request *rq,
			 struct import_outcome *out)
{
	struct check_run run;
	struct source src = {.path = out->path, .relpath = out->path, .named = 1, .chosen = 1};
	struct file_result *r;
	char today[11];

	if (rq->dry_run) {
		r = check_text(p, &src, out->text, strlen(out->text));
		diag_list_move(&out->findings, &r->diags);
		diag_list_apply_severity(&out->findings, p->cfg.severity);
		file_result_free(r);
		return;
	}
	date_today(today);
	check_init(&run, p, today);
	check_paths(&run, &out->path, 1);
	diag_list_move(&out->findings, &run.diags);
	check_free(&run);
}

/* Writes the record through clerk new's writer: its id, its path, created
 * without ever replacing a file. */
static int write_record(const struct project *p, const struct import_request *rq,
			const struct import_doc *doc, const struct schema *s,
			struct import_outcome *out)
{
	struct render_ctx ctx = {doc, s, out};
	struct new_request nr = {0};
	const struct import_value *id = import_value_of(&out->proposal, s->id_field);
	const struct import_value *date = import_value_of(&out->proposal, s->lifecycle.date);
	enum new_status st;

	nr.type = s->name;
	nr.id = rq->id != NULL ? rq->id : id != NULL ? id->items[0] : NULL;
	nr.date = date != NULL ? date->items[0] : NULL;
	nr.root = rq->root;
	nr.render = render_record;
	nr.render_arg = &ctx;
	nr.dry_run = rq->dry_run;
	st = record_new(p, &nr, &out->path, out->msg, sizeof out->msg);
	if (st == NEW_REFUSED && rq->id == NULL && id != NULL) {
		snprintf(out->msg, sizeof out->msg,
			 _("the document's number '%s' is the id of a record that exists already "
			   "(imported before?); nothing was written"),
			 id->items[0]);
	}
	return (int)st;
}

int import_file(const struct project *p, const struct import_request *rq,
		struct import_outcome *out)
{
	struct import_text text;
	struct import_doc doc = {0};
	const struct schema *s;
	enum import_fail fail;

	memset(out, 0, sizeof *out);
	fail = import_convert(rq->file, rq->seconds, &text, out->msg, sizeof out->msg);
	if (fail != IMPORT_CONVERTED) {
		out->status = fail == IMPORT_MISSING_TOOL ? 2 : 1;
		goto done;
	}
	import_blocks(&text, &doc);
	out->status = 1;
	if (doc.n == 0) {
		snprintf(out->msg, sizeof out->msg,
			 _("the document has no text clerk can read (a scanned page is a picture, "
			   "not text)"));
		goto done;
	}
	s = choose_type(p, rq, &doc, out);
	if (s == NULL)
		goto done;
	out->type = s->name;
	import_propose(&doc, s, &out->proposal);
	list_missing(s, out);
	out->status = write_record(p, rq, &doc, s, out);
	if (out->status == 0)
		check_record(p, rq, out);
done:
	import_doc_free(&doc);
	free(text.text);
	return out->status;
}

void import_outcome_free(struct import_outcome *out)
{
	free(out->path);
	free(out->text);
	import_proposal_free(&out->proposal);
	import_unmapped_free(out->unmapped, out->nunmapped);
	free(out->missing);
	diag_list_free(&out->findings);
	memset(out, 0, sizeof *out);
}
