/* SPDX-License-Identifier: EUPL-1.2 */
/* export_sqlite.c - the record set as a SQLite database, in one transaction.
 *
 * Each record is read again (load_again.h) for its every field; nothing
 * else is held, so memory stays flat in the number of records. */
#include "export.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "load_again.h"
#include "load_yaml.h"
#include "util.h"
#include "version.h"

static const char schema_sql[] =
    "CREATE TABLE export (as_of TEXT NOT NULL, clerk_version TEXT NOT NULL);\n"
    "CREATE TABLE records (path TEXT PRIMARY KEY, id TEXT, type TEXT, title TEXT, date TEXT,\n"
    "  status TEXT, state TEXT, start TEXT, \"end\" TEXT, reporting TEXT, series TEXT,\n"
    "  sequence INTEGER, next_report TEXT);\n"
    "CREATE TABLE fields (path TEXT NOT NULL, name TEXT NOT NULL, position INTEGER NOT NULL,\n"
    "  value TEXT);\n"
    "CREATE TABLE \"references\" (from_path TEXT NOT NULL, field TEXT NOT NULL,\n"
    "  target_id TEXT NOT NULL, target_path TEXT, line INTEGER);\n"
    "CREATE TABLE links (from_path TEXT NOT NULL, dest TEXT NOT NULL, target_path TEXT,\n"
    "  line INTEGER);\n"
    "CREATE TABLE series (type TEXT NOT NULL, name TEXT NOT NULL, sequence INTEGER,\n"
    "  path TEXT NOT NULL, id TEXT, date TEXT, next_report TEXT);\n"
    "CREATE TABLE findings (path TEXT NOT NULL, line INTEGER, col INTEGER,\n"
    "  severity TEXT NOT NULL, rule TEXT NOT NULL, message TEXT NOT NULL);\n"
    "CREATE INDEX fields_path ON fields (path);\n"
    "CREATE INDEX references_target ON \"references\" (target_path);\n"
    "CREATE INDEX records_id ON records (id);\n";

enum stmt { ST_EXPORT, ST_RECORD, ST_FIELD, ST_REF, ST_LINK, ST_SERIES, ST_FINDING, NSTMT };

static const char *const insert_sql[NSTMT] = {
    "INSERT INTO export VALUES (?, ?)",
    "INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "INSERT INTO fields VALUES (?, ?, ?, ?)",
    "INSERT INTO \"references\" VALUES (?, ?, ?, ?, ?)",
    "INSERT INTO links VALUES (?, ?, ?, ?)",
    "INSERT INTO series VALUES (?, ?, ?, ?, ?, ?, ?)",
    "INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?)",
};

struct exporter {
	sqlite3 *db;
	sqlite3_stmt *st[NSTMT];
	const struct check_run *run;
	const struct set_index *ix;
	int failed;
};

/* Binds text (NULL as SQL NULL) to parameter k of st. */
static void bind_text(sqlite3_stmt *st, int k, const char *text)
{
	if (text == NULL)
		sqlite3_bind_null(st, k);
	else
		sqlite3_bind_text(st, k, text, -1, SQLITE_TRANSIENT);
}

static void bind_date(sqlite3_stmt *st, int k, const struct summary_date *d)
{
	bind_text(st, k, d->days >= 0 ? d->text : NULL);
}

/* Runs statement s with what is bound, then resets it. */
static void step(struct exporter *e, enum stmt s)
{
	if (sqlite3_step(e->st[s]) != SQLITE_DONE)
		e->failed = 1;
	sqlite3_reset(e->st[s]);
	sqlite3_clear_bindings(e->st[s]);
}

static const char *state_word(enum life life)
{
	static const char *const words[] = {"other", "in-force", "ended", "superseded", "draft"};

	return words[life];
}

static void put_record(struct exporter *e, const struct summary *s)
{
	sqlite3_stmt *st = e->st[ST_RECORD];

	bind_text(st, 1, s->path);
	bind_text(st, 2, s->id);
	bind_text(st, 3, s->schema ? s->schema->name : NULL);
	bind_text(st, 4, s->title);
	bind_date(st, 5, &s->date);
	bind_text(st, 6, s->status);
	bind_text(st, 7, s->schema ? state_word(s->life) : NULL);
	bind_date(st, 8, &s->start);
	bind_date(st, 9, &s->end);
	bind_text(st, 10, s->interval);
	bind_text(st, 11, s->series);
	if (s->has_number)
		sqlite3_bind_int64(st, 12, s->number);
	bind_date(st, 13, &s->next_report);
	step(e, ST_RECORD);
}

static void put_field(struct exporter *e, const char *path, const struct ynode *key,
		      const struct ynode *value, long position)
{
	char *name = load_scalar(key), *text = load_scalar(value);

	bind_text(e->st[ST_FIELD], 1, path);
	bind_text(e->st[ST_FIELD], 2, name);
	sqlite3_bind_int64(e->st[ST_FIELD], 3, position);
	bind_text(e->st[ST_FIELD], 4, text);
	step(e, ST_FIELD);
	free(name);
	free(text);
}

/* Every field of the front matter: a value at position 0, the items of a
 * list at 1, 2, ...; a nested mapping has no value (NULL). */
static void put_fields(struct exporter *e, const struct project *p, const struct summary *s)
{
	const struct ynode *front, *key, *value;
	struct loaded l;
	size_t k, j;

	if (load_again(p, s->path, &l) == 0 && l.rec != NULL && l.rec->front != NULL) {
		front = l.rec->front;
		for (k = 0; k + 1 < front->n; k += 2) {
			key = front->items[k];
			value = front->items[k + 1];
			if (key->kind != YNODE_SCALAR)
				continue;
			if (value->kind != YNODE_SEQ)
				put_field(e, s->path, key, value, 0);
			for (j = 0; value->kind == YNODE_SEQ && j < value->n; j++)
				put_field(e, s->path, key, value->items[j], (long)j + 1);
		}
	}
	loaded_free(&l);
}

static const char *target_path(const struct set_index *ix, size_t t)
{
	return t == SET_NONE || t == SET_BROKEN ? NULL : ix->recs[t]->path;
}

static void put_refs(struct exporter *e, size_t i)
{
	const struct summary *s = e->ix->recs[i];
	sqlite3_stmt *st;
	size_t k;

	for (k = 0; k < s->nrefs; k++) {
		st = e->st[ST_REF];
		bind_text(st, 1, s->path);
		bind_text(st, 2, s->refs[k].spec->name);
		bind_text(st, 3, s->refs[k].value);
		bind_text(st, 4, target_path(e->ix, e->ix->ref_target[e->ix->ref_base[i] + k]));
		sqlite3_bind_int(st, 5, s->refs[k].line);
		step(e, ST_REF);
	}
	for (k = 0; k < s->nlinks; k++) {
		st = e->st[ST_LINK];
		bind_text(st, 1, s->path);
		bind_text(st, 2, s->links[k].dest);
		bind_text(st, 3, target_path(e->ix, e->ix->link_target[e->ix->link_base[i] + k]));
		sqlite3_bind_int(st, 4, s->links[k].line);
		step(e, ST_LINK);
	}
}

static void put_series(struct exporter *e, const struct summary *s)
{
	sqlite3_stmt *st = e->st[ST_SERIES];

	if (s->schema == NULL || s->series == NULL || !s->has_number)
		return;
	bind_text(st, 1, s->schema->name);
	bind_text(st, 2, s->series);
	sqlite3_bind_int64(st, 3, s->number);
	bind_text(st, 4, s->path);
	bind_text(st, 5, s->id);
	bind_date(st, 6, &s->date);
	bind_date(st, 7, &s->next_report);
	step(e, ST_SERIES);
}

static void put_findings(struct exporter *e)
{
	const struct diag *d;
	sqlite3_stmt *st = e->st[ST_FINDING];
	size_t k;

	for (k = 0; k < e->run->diags.n; k++) {
		d = &e->run->diags.items[k];
		bind_text(st, 1, d->path);
		sqlite3_bind_int(st, 2, d->line);
		sqlite3_bind_int(st, 3, d->col);
		bind_text(st, 4, severity_name(d->severity));
		bind_text(st, 5, rule_catalogue[d->rule].name);
		bind_text(st, 6, d->message);
		step(e, ST_FINDING);
	}
}

static void put_everything(struct exporter *e)
{
	size_t i;

	bind_text(e->st[ST_EXPORT], 1, e->run->as_of);
	bind_text(e->st[ST_EXPORT], 2, CLERK_VERSION);
	step(e, ST_EXPORT);
	for (i = 0; i < e->ix->n && !e->failed; i++) {
		put_record(e, e->ix->recs[i]);
		put_fields(e, e->run->project, e->ix->recs[i]);
		put_refs(e, i);
		put_series(e, e->ix->recs[i]);
	}
	put_findings(e);
}

/* Opens the database and prepares the statements; returns 0 or -1. */
static int open_db(struct exporter *e, const char *path)
{
	size_t k;

	if (sqlite3_open_v2(path, &e->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_exec(e->db, "PRAGMA journal_mode=MEMORY; BEGIN;", NULL, NULL, NULL) !=
		SQLITE_OK ||
	    sqlite3_exec(e->db, schema_sql, NULL, NULL, NULL) != SQLITE_OK)
		return -1;
	for (k = 0; k < NSTMT; k++)
		if (sqlite3_prepare_v2(e->db, insert_sql[k], -1, &e->st[k], NULL) != SQLITE_OK)
			return -1;
	return 0;
}

int export_sqlite(const char *path, const struct check_run *run, const struct set_index *ix,
		  char *why, size_t why_len)
{
	struct exporter e;
	size_t k;
	int rc = -1;

	memset(&e, 0, sizeof e);
	e.run = run;
	e.ix = ix;
	if (open_db(&e, path) != 0)
		goto out;
	put_everything(&e);
	if (!e.failed && sqlite3_exec(e.db, "COMMIT;", NULL, NULL, NULL) == SQLITE_OK)
		rc = 0;
out:
	if (rc != 0)
		snprintf(why, why_len, "%s",
			 e.db ? sqlite3_errmsg(e.db) : "the database could not be opened");
	for (k = 0; k < NSTMT; k++)
		sqlite3_finalize(e.st[k]);
	if (sqlite3_close(e.db) != SQLITE_OK)
		rc = -1;
	return rc;
}
