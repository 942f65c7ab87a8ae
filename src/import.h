/* SPDX-License-Identifier: EUPL-1.2 */
/* import.h - `clerk import`: an existing document becomes a draft record.
 *
 * The pipeline: import_convert() turns the file into text (pandoc for
 * Word, OpenDocument, RTF and HTML, pdftotext for PDF, run as programs
 * within limits; text and Markdown read as they are) -> import_blocks()
 * cleans the text and cuts it into headings, paragraphs and list items ->
 * import_propose() reads the front matter from the blocks, each value with
 * the text it came from -> import_record() writes the record text, its
 * headings mapped onto the schema's sections. Same text in, same record out:
 * nothing here depends on the time or the machine, except the date of today
 * when the document has none. */
#ifndef CLERK_IMPORT_H
#define CLERK_IMPORT_H
#include <stddef.h>

#include "diag.h"
#include "schema.h"

/* ------------------------------------------------------------- converting */

/* Why a document could not be converted. */
enum import_fail {
	IMPORT_CONVERTED = 0,
	IMPORT_UNKNOWN_KIND, /* an extension clerk cannot import */
	IMPORT_MISSING_TOOL, /* the converter is not installed */
	IMPORT_UNREADABLE,   /* not a regular file, too large, or a read error */
	IMPORT_TOOL_FAILED,  /* the converter failed, ran too long or wrote too much */
};

/* The text of a document. */
struct import_text {
	char *text; /* UTF-8, NUL-terminated (malloc'd), or NULL */
	size_t len;
	int markdown; /* 1: CommonMark (pandoc, .md); 0: plain text (.txt, pdftotext) */
};

/* The limits a conversion runs within. */
/* The largest document, and the most text a converter may write. */
#define IMPORT_SIZE_LIMIT ((size_t)16 * 1024 * 1024)
/* Seconds a converter may run; CLERK_IMPORT_TIMEOUT overrides. */
#define IMPORT_TIME_DEFAULT 60u

/* Converts the file at path into out. Returns IMPORT_CONVERTED, or the
 * reason with a message in plain words in msg (naming the Debian package
 * to install when the converter is missing). seconds bounds the converter. */
enum import_fail import_convert(const char *path, unsigned seconds, struct import_text *out,
				char *msg, size_t msglen);

/* ----------------------------------------------------------------- blocks */

enum block_kind { BLOCK_HEADING, BLOCK_PARA, BLOCK_ITEM, BLOCK_RAW };

/* One block of the document. */
struct import_block {
	enum block_kind kind;
	int level;   /* heading: 1 to 6; item: 0 bullet, 1 numbered, 2 lettered */
	long number; /* a numbered item's number as written */
	char *text;  /* one line of Markdown (a raw block may hold several), malloc'd */
	int line;    /* where it starts in the converted text (from 1) */
	int field;   /* a "Label : value" line: the bytes of its label, else 0 */
	int body;    /* the text of a table cell, never a heading */
};

struct import_doc {
	struct import_block *blocks;
	size_t n, cap;
	int numbered; /* the document numbers its top headings ("1. Inleiding") */
	int markdown; /* the blocks' texts are Markdown already */
};

/* Cleans t (page headers and footers, page numbers, hyphenation, hard line
 * breaks, the remains of HTML and of wrongly decoded characters) and cuts
 * it into blocks, into doc (zero-initialised; free with import_doc_free). */
void import_blocks(const struct import_text *t, struct import_doc *doc);
void import_doc_free(struct import_doc *doc);

/* The bytes of a heading's numbering ("2. ", "3.1 ", "Artikel 4 "), or 0. */
size_t import_heading_number(const char *heading);

/* The plain-text cleaning alone, for tests: returns the cleaned text
 * (malloc'd), paragraphs separated by blank lines. */
char *import_clean_text(const char *text, size_t len);

/* -------------------------------------------------------------- proposing */

/* A value proposed for a field, with where it was found. */
struct import_value {
	const char *field; /* the schema's field name */
	char **items;      /* the value (one item), or a list's items (malloc'd) */
	size_t nitems;
	int list;
	char *source; /* the text it came from (malloc'd); NULL when given */
	int line;     /* its line in the converted text, 0 when given */
	char *note;   /* why it is only a guess, or NULL (malloc'd) */
};

struct import_proposal {
	struct import_value *values;
	size_t n, cap;
	char *title;      /* the title, also proposed as a value when the schema has the field */
	char *title_from; /* its source */
	int title_line;
};

/* Guesses the record type from the words of the document's title and
 * opening: returns the name of a schema in set, or NULL. *line and
 * source receive where the word was found. */
const char *import_guess_type(const struct import_doc *doc, const struct schema_set *set, int *line,
			      char *source, size_t sourcelen);

/* Proposes the front matter of a record of schema s from doc. */
void import_propose(const struct import_doc *doc, const struct schema *s,
		    struct import_proposal *out);
void import_proposal_free(struct import_proposal *p);
/* Returns the value proposed for field, or NULL. */
const struct import_value *import_value_of(const struct import_proposal *p, const char *field);

/* --------------------------------------------------------------- the record */

/* A heading of the document that maps onto no section of the schema. */
struct import_unmapped {
	char *heading;
	int line;
};

/* The text of the record (malloc'd) with id (NULL: the id field empty):
 * front matter in the schema's order (status draft, required fields
 * without a value left empty), the title, and the blocks with the headings
 * that map onto the schema's sections as sections; the others become
 * sub-headings under the section before them and are listed in *unmapped
 * (malloc'd array, *nunmapped entries; free with import_unmapped_free)
 * when unmapped is not NULL. */
char *import_record(const struct import_doc *doc, const struct schema *s,
		    const struct import_proposal *p, const char *id,
		    struct import_unmapped **unmapped, size_t *nunmapped);
void import_unmapped_free(struct import_unmapped *u, size_t n);

/* ------------------------------------------------------------ one import */

struct project;

struct import_request {
	const char *file;
	const char *type; /* NULL: guessed from the document */
	const char *id;   /* NULL: the document's number when it fits, else the next free one */
	const char *root; /* the folder the type's path template starts from */
	int dry_run;      /* make the record, write nothing */
	unsigned seconds; /* the converter's time limit */
};

/* What importing one file gave: the record, and the checklist for it. */
struct import_outcome {
	int status;    /* 0 done, 1 refused (nothing written), 2 failed */
	char msg[768]; /* why, when status is not 0 */
	char *path;    /* the record's path (malloc'd) */
	char *text;    /* the record's text (malloc'd) */
	const char *type;
	char type_from[160]; /* where the type was read, "" when given */
	int type_line;
	struct import_proposal proposal;
	struct import_unmapped *unmapped; /* headings that map onto no section */
	size_t nunmapped;
	const char **missing; /* required fields left empty (the schema's names) */
	size_t nmissing;
	struct diag_list findings; /* the check of the record */
};

/* Imports one file into a draft record of p's set (see import.h's top).
 * Never writes over a file; on a dry run writes nothing. Fills *out (free
 * with import_outcome_free) and returns out->status. */
int import_file(const struct project *p, const struct import_request *rq,
		struct import_outcome *out);
void import_outcome_free(struct import_outcome *out);

#endif
