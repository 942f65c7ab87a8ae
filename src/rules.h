/* SPDX-License-Identifier: EUPL-1.2 */
/* rules.h - the per-record rules: checks of one record against its schema.
 *
 * Each rule function looks at one loaded record and reports through
 * diag_report; none reads another file, so records can be checked in any
 * order or in parallel. */
#ifndef CLERK_RULES_H
#define CLERK_RULES_H

#include "diag.h"
#include "record.h"
#include "schema.h"

struct ynode;

struct rule_ctx {
	const struct record *rec;
	const struct schema *schema;
	struct diag_list *diags;
	int id_year_months; /* .clerk.yml id-year-months */
};

/* title-heading, title-kind, field-artefact and encoding-invalid. */
void rule_title(struct rule_ctx *ctx);
/* Field rules: field-required, field-type, field-pattern, field-enum,
 * field-items, field-unknown, date-invalid. */
void rule_fields(struct rule_ctx *ctx);
/* field-order: front matter fields in the schema's order (fields-ordered). */
void rule_field_order(struct rule_ctx *ctx);
/* date-order between the schema's date fields. */
void rule_date_order(struct rule_ctx *ctx);
/* id-pattern and file-name. */
void rule_identity(struct rule_ctx *ctx);
/* section-required, section-order, section-empty, section-duplicate. */
void rule_sections(struct rule_ctx *ctx);
/* text-date-invalid and text-date-weekday: dates written in the body. */
void rule_text_dates(struct rule_ctx *ctx);
/* decision-points: the numbered list in the section the schema marks. */
void rule_decision_points(struct rule_ctx *ctx);
/* id-year and sequence-title: numbers that must agree. */
void rule_numbers(struct rule_ctx *ctx);
/* section-text: the text each section's must-contain patterns demand. */
void rule_section_text(struct rule_ctx *ctx);
/* body-pattern: the schema's body-patterns, in the body's text. */
void rule_body_patterns(struct rule_ctx *ctx);

/* Chooses rec's section level under schema, indexes the sections at that
 * level and matches each to a schema section. */
void rule_index_sections(const struct schema *schema, struct record *rec);
/* The index of the first section of s whose names heading nearly matches
 * (numbering, article and a trailing qualifier set aside; a misspelling a
 * few letters off, or the same first five letters), or -1. */
int section_resembling(const struct schema *s, const char *heading);

/* True when the condition holds for the record's fields (defaults apply). */
int rule_condition_holds(const struct rule_ctx *ctx, const struct condition *cond);
/* Describes a condition for messages ("'kind' is 'closing'"); malloc'd. */
char *rule_condition_text(const struct rule_ctx *ctx, const struct condition *cond);
/* Returns "a" or "an" to go before word. */
const char *rule_article(const char *word);

#endif
