/* SPDX-License-Identifier: EUPL-1.2 */
/* rule_sections.c - the body's sections against the schema's section list. */
#include <cmark.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "load_yaml.h"
#include "rules.h"
#include "util.h"
#include "i18n.h"

/* Indexes rec's sections at level and matches them to the schema's;
 * returns how many headings match. */
static size_t index_at(const struct schema *schema, struct record *rec, int level)
{
	size_t i, matched = 0;

	record_index_sections(rec, level);
	for (i = 0; i < rec->nsections; i++) {
		rec->sections[i].spec =
		    schema_section_match(schema, rec->sections[i].heading, rec->sections[i].len);
		matched += rec->sections[i].spec >= 0;
	}
	return matched;
}

/* The section level is the schema's, or else the level (1 or 2) at which
 * more headings are sections of the schema; on a tie 2 when the body opens
 * with a level-1 title, else 1. */
void rule_index_sections(const struct schema *schema, struct record *rec)
{
	int preferred = rec->title_level1 ? 2 : 1, other = 3 - preferred;
	size_t matched_other;

	if (schema->section_level > 0) {
		rec->section_level = schema->section_level;
		index_at(schema, rec, rec->section_level);
		return;
	}
	/* Index the other level first, so that the usual outcome (the
	 * preferred level) is left in place without a third pass. */
	matched_other = index_at(schema, rec, other);
	rec->section_level = preferred;
	if (matched_other > index_at(schema, rec, preferred)) {
		rec->section_level = other;
		index_at(schema, rec, other);
	}
}

/* Returns the first section in the document that the schema puts after
 * section spec, or NULL: the place a missing section belongs before. */
static const struct section *next_present(const struct rule_ctx *ctx, int spec)
{
	size_t i;

	if (!ctx->schema->sections_ordered)
		return NULL;
	for (i = 0; i < ctx->rec->nsections; i++)
		if (ctx->rec->sections[i].spec > spec)
			return &ctx->rec->sections[i];
	return NULL;
}

/* Skips leading numbering ("4.", "3.1", "2)") and an article in a heading:
 * the heading grammar of schema_heading_skip. */
static const char *heading_words(const char *h)
{
	size_t number;

	return h + schema_heading_skip(h, strlen(h), &number);
}

/* Copies the words of heading h into out without a trailing qualifier:
 * text in parentheses, after a dash or after a colon ("Voortgang (sept -
 * dec 2023)", "Risico's - stand van zaken"). */
static void without_qualifier(const char *h, char *out, size_t outlen)
{
	static const char *const cuts[] = {" (", " - ", " \xE2\x80\x93", " \xE2\x80\x94", ":"};
	size_t i, n = strlen(h);
	const char *at;

	for (i = 0; i < sizeof cuts / sizeof *cuts; i++) {
		at = strstr(h, cuts[i]);
		if (at != NULL && (size_t)(at - h) < n)
			n = (size_t)(at - h);
	}
	while (n > 0 && (h[n - 1] == ' ' || h[n - 1] == '\t'))
		n--;
	snprintf(out, outlen, "%.*s", (int)n, h);
}

/* True when heading looks like a spelling of one of spec's names: the same
 * first five letters, or only a few letters apart, once numbering, article
 * and a trailing qualifier are set aside. */
static int resembles(const struct section_spec *spec, const char *heading)
{
	char h[256];
	size_t i, n;
	int d;

	without_qualifier(heading_words(heading), h, sizeof h);
	for (i = 0; i < spec->nnames; i++) {
		n = strlen(spec->names[i]);
		if (n >= 5 && strncasecmp(h, spec->names[i], 5) == 0)
			return 1;
		d = edit_distance(h, spec->names[i]);
		if ((size_t)d * 3 <= n)
			return 1;
	}
	return 0;
}

/* Returns a heading that matches no section, stands where section index
 * belongs and resembles its names (a misspelling such as 'Financieel'), or NULL. */
static const struct section *misnamed(const struct rule_ctx *ctx, int index,
				      const struct section *next)
{
	const struct section_spec *spec = &ctx->schema->sections[index];
	const struct section *sec;
	size_t i;

	for (i = 0; i < ctx->rec->nsections; i++) {
		sec = &ctx->rec->sections[i];
		if (next != NULL && sec->line > next->line)
			break;
		if (sec->spec < 0 && resembles(spec, sec->heading))
			return sec;
	}
	return NULL;
}

/* Returns the name of spec closest to heading. */
static const char *closest_name(const struct section_spec *spec, const char *heading)
{
	const char *h = heading_words(heading), *best = spec->names[0];
	int best_d = edit_distance(h, best), d;
	size_t i;

	for (i = 1; i < spec->nnames; i++) {
		d = edit_distance(h, spec->names[i]);
		if (d < best_d) {
			best = spec->names[i];
			best_d = d;
		}
	}
	return best;
}

/* Attaches to d the rename of the misspelt heading near to the name of
 * spec it resembles most; only for a heading on one line. */
static void suggest_heading(struct diag *d, const struct rule_ctx *ctx,
			    const struct section_spec *spec, const struct section *near)
{
	const char *name = closest_name(spec, near->heading);
	char *text;

	if (d == NULL || near->end_line != near->line || near->end_col < near->col)
		return;
	text = xasprintf("%.*s %s", ctx->rec->section_level, "######", name);
	diag_set_help(d, "rename the heading '%s' to '%s'", near->heading, name);
	diag_set_fix(d, near->line, near->col, near->line, near->end_col + 1, text);
	free(text);
}

/* A top-level heading at another level than the sections. */
struct off_level {
	int line, col, level;
	char *text;
};

/* Finds a heading at another level than the sections whose text is
 * section index (such as '### 5. Risico's' among '##' sections). Returns 1
 * and fills *out (free out->text) when there is one. */
static int off_level(const struct rule_ctx *ctx, int index, struct off_level *out)
{
	const struct record *rec = ctx->rec;
	cmark_node *node;
	size_t len;
	int level;

	for (node = cmark_node_first_child(rec->body); node != NULL; node = cmark_node_next(node)) {
		if (cmark_node_get_type(node) != CMARK_NODE_HEADING)
			continue;
		level = cmark_node_get_heading_level(node);
		if (level == rec->section_level)
			continue;
		out->text = record_node_text(node, &len);
		if (schema_section_match(ctx->schema, out->text, len) == index) {
			out->line = cmark_node_get_start_line(node) + rec->body_line - 1;
			out->col = cmark_node_get_start_column(node);
			out->level = level;
			return 1;
		}
		free(out->text);
	}
	return 0;
}

/* The section's title in the language of the messages ("Voortgang" for
 * Progress in Dutch). */
static const char *section_title(const struct section_spec *spec)
{
	return spec->title != NULL && spec->title[0] != '\0' ? _(spec->title) : "";
}

/* The names a heading may have, joined for a message: the names in the
 * language of the messages first (those equal to the translated title),
 * the schema's own title last. Returns a malloc'd string. */
static char *section_names(const struct section_spec *spec)
{
	const char *title = section_title(spec), **order;
	size_t i, n = 0;
	char *list;
	int translated = spec->title != NULL && strcmp(title, spec->title) != 0;

	if (!translated)
		return join_words(spec->names, spec->nnames, "'", " or ");
	order = xmalloc((spec->nnames + 1) * sizeof *order);
	for (i = 0; i < spec->nnames; i++)
		if (strcasecmp(spec->names[i], title) == 0)
			order[n++] = spec->names[i];
	for (i = 0; i < spec->nnames; i++)
		if (strcasecmp(spec->names[i], title) != 0 &&
		    strcmp(spec->names[i], spec->title) != 0)
			order[n++] = spec->names[i];
	for (i = 0; i < spec->nnames; i++)
		if (strcasecmp(spec->names[i], title) != 0 &&
		    strcmp(spec->names[i], spec->title) == 0)
			order[n++] = spec->names[i];
	list = join_words(order, n, "'", " or ");
	free(order);
	return list;
}

static void report_off_level(struct rule_ctx *ctx, const struct section_spec *spec,
			     const struct off_level *h, enum rule_id rule)
{
	int want = ctx->rec->section_level;

	diag_report(ctx->diags, ctx->rec->path, h->line, h->col, rule,
		    "the heading '%s' is at level %d (%.*s), but the sections of this record are "
		    "at level %d (%.*s), so the section '%s' is missing; start this heading with "
		    "%.*s",
		    h->text, h->level, h->level, "######", want, want, "######",
		    section_title(spec), want, "######");
}

/* Reports a heading that matches no section but resembles the missing
 * section spec: a typing slip rather than a missing section. */
static void report_near(struct rule_ctx *ctx, const struct section_spec *spec,
			const struct section *near, const char *names, enum rule_id rule)
{
	struct diag *d;

	d = diag_report(
	    ctx->diags, ctx->rec->path, near->line, near->col, rule,
	    "the heading '%s' is not a section of %s %s; did you mean the section '%s', "
	    "which is missing? Name the heading %s",
	    near->heading, rule_article(ctx->schema->title), ctx->schema->title,
	    section_title(spec), names);
	suggest_heading(d, ctx, spec, near);
}

/* Reports the missing section index under rule (section-required or
 * section-recommended): on a heading at another level or a misspelt one
 * when there is one (marked in claimed[], by section), else where it
 * belongs. */
static void check_missing(struct rule_ctx *ctx, int index, enum rule_id rule, int *claimed)
{
	const struct section_spec *spec = &ctx->schema->sections[index];
	const struct section *next = next_present(ctx, index), *near = misnamed(ctx, index, next);
	char *names = section_names(spec), *cond = NULL;
	char *hashes = xasprintf("%.*s", ctx->rec->section_level, "######");
	char *where = NULL;
	int line = next ? next->line : ctx->rec->first_line;
	struct off_level off;

	if (off_level(ctx, index, &off)) {
		report_off_level(ctx, spec, &off, rule);
		free(off.text);
		goto out;
	}
	if (near != NULL) {
		claimed[near - ctx->rec->sections] = 1;
		report_near(ctx, spec, near, names, rule);
		goto out;
	}
	if (next != NULL)
		where = xasprintf(_(", here before the heading '%s'"), next->heading);
	if (rule == RULE_SECTION_RECOMMENDED) {
		diag_report(ctx->diags, ctx->rec->path, line, 1, rule,
			    "the section '%s' is recommended for %s %s but missing; consider a "
			    "heading starting with %s named %s%s",
			    section_title(spec), rule_article(ctx->schema->title),
			    ctx->schema->title, hashes, names, where ? where : "");
		goto out;
	}
	if (!spec->required)
		cond = rule_condition_text(ctx, spec->required_if);
	diag_report(ctx->diags, ctx->rec->path, line, 1, rule,
		    "the section '%s' is missing%s%s%s; add a heading starting with %s named %s%s",
		    section_title(spec), cond ? _(" (it is required because ") : "",
		    cond ? cond : "", cond ? ")" : "", hashes, names, where ? where : "");
out:
	free(hashes);
	free(where);
	free(cond);
	free(names);
}

/* Reports a heading at the section level that is none of the schema's
 * sections, when the schema allows no others (section-unknown). */
static void report_unknown(struct rule_ctx *ctx, const struct section *sec)
{
	const struct schema *s = ctx->schema;
	const char **titles = xmalloc((s->nsections + 1) * sizeof *titles);
	char *list;
	size_t i;

	for (i = 0; i < s->nsections; i++)
		titles[i] = section_title(&s->sections[i]);
	list = join_words(titles, s->nsections, "'", " or ");
	diag_report(ctx->diags, ctx->rec->path, sec->line, sec->col, RULE_SECTION_UNKNOWN,
		    "the heading '%s' is not a section of %s %s; use %s, or make it a "
		    "subheading one level deeper",
		    sec->heading, rule_article(s->title), s->title, list);
	free(list);
	free(titles);
}

/* "'Besluit' (Decision)": the heading as written, and the schema's name for it. */
static char *section_words(const struct rule_ctx *ctx, const struct section *sec)
{
	const char *title =
	    sec->spec >= 0 ? section_title(&ctx->schema->sections[sec->spec]) : NULL;

	if (sec->len == 0)
		return xasprintf(_("on line %d (a heading without text)"), sec->line);
	size_t number = 0, skip = schema_heading_skip(sec->heading, strlen(sec->heading), &number);

	if (title == NULL || strcasecmp(sec->heading, title) == 0 ||
	    strcasecmp(sec->heading + number, title) == 0 ||
	    strcasecmp(sec->heading + skip, title) == 0)
		return xasprintf("'%s'", sec->heading);
	return xasprintf("'%s' (%s)", sec->heading, title);
}

/* Reports that sec stands on the wrong side of other. */
static void report_order(struct rule_ctx *ctx, const struct section *sec,
			 const struct section *other, int after)
{
	char *words = section_words(ctx, sec), *near = section_words(ctx, other);

	if (after)
		diag_report(ctx->diags, ctx->rec->path, sec->line, sec->col, RULE_SECTION_ORDER,
			    "the section %s should come after the section %s on line %d", words,
			    near, other->line);
	else
		diag_report(ctx->diags, ctx->rec->path, sec->line, sec->col, RULE_SECTION_ORDER,
			    "the section %s should come before the section %s on line %d", words,
			    near, other->line);
	free(words);
	free(near);
}

/* Reports each section outside the longest ordered run, next to the
 * in-order section it should follow or precede. */
static void check_order(struct rule_ctx *ctx, const struct section *const *secs, size_t n)
{
	int *keep = xcalloc(n + 1, sizeof *keep);
	size_t *pos = xmalloc((n + 1) * sizeof *pos);
	const struct section *after, *before;
	size_t i, k;

	for (i = 0; i < n; i++)
		pos[i] = (size_t)secs[i]->spec;
	longest_increasing(pos, n, keep);
	free(pos);
	for (i = 0; i < n; i++) {
		if (keep[i])
			continue;
		after = before = NULL;
		for (k = 0; k < n; k++) {
			if (!keep[k])
				continue;
			if (secs[k]->spec < secs[i]->spec)
				after = secs[k];
			else if (before == NULL)
				before = secs[k];
		}
		if (after != NULL && after->line > secs[i]->line)
			report_order(ctx, secs[i], after, 1);
		else if (before != NULL)
			report_order(ctx, secs[i], before, 0);
	}
	free(keep);
}

static void check_duplicate(struct rule_ctx *ctx, const struct section *sec, int first)
{
	char *words = section_words(ctx, sec);

	diag_report(ctx->diags, ctx->rec->path, sec->line, sec->col, RULE_SECTION_DUPLICATE,
		    "the section %s appears a second time; it was already given on line %d; merge "
		    "the two",
		    words, first);
	free(words);
}

static int section_required(const struct rule_ctx *ctx, const struct section_spec *spec)
{
	return spec->required ||
	       (spec->required_if != NULL && rule_condition_holds(ctx, spec->required_if));
}

/* A section without content: an error when the record type requires the
 * section (removing its heading is then no way out), else a warning. */
static void check_empty(struct rule_ctx *ctx, const struct section *sec, int first)
{
	char *words = section_words(ctx, sec);

	if (first && sec->spec >= 0 && section_required(ctx, &ctx->schema->sections[sec->spec]))
		diag_report(ctx->diags, ctx->rec->path, sec->line, sec->col, RULE_SECTION_REQUIRED,
			    "the section %s is required and has no content; write its text under "
			    "the heading",
			    words);
	else
		diag_report(
		    ctx->diags, ctx->rec->path, sec->line, sec->col, RULE_SECTION_EMPTY,
		    "the section %s has no content; write its text under the heading or remove "
		    "the heading",
		    words);
	free(words);
}

/* True when the section is recommended and not (now) required. */
static int section_recommended(const struct rule_ctx *ctx, const struct section_spec *spec)
{
	return spec->recommended && !section_required(ctx, spec);
}

void rule_sections(struct rule_ctx *ctx)
{
	const struct record *rec = ctx->rec;
	const struct section **firsts = xmalloc((rec->nsections + 1) * sizeof *firsts);
	int *first_line = xcalloc(ctx->schema->nsections + 1, sizeof *first_line);
	int *claimed = xcalloc(rec->nsections + 1, sizeof *claimed);
	int closed = !ctx->schema->allow_unknown_sections;
	const struct section *sec;
	size_t i, nfirsts = 0;

	for (i = 0; i < rec->nsections; i++) {
		sec = &rec->sections[i];
		if (!sec->has_content && !(closed && sec->spec < 0))
			check_empty(ctx, sec, sec->spec < 0 || first_line[sec->spec] == 0);
		if (sec->spec < 0)
			continue;
		if (first_line[sec->spec] != 0) {
			check_duplicate(ctx, sec, first_line[sec->spec]);
			continue;
		}
		first_line[sec->spec] = sec->line;
		firsts[nfirsts++] = sec;
	}
	if (ctx->schema->sections_ordered)
		check_order(ctx, firsts, nfirsts);
	for (i = 0; i < ctx->schema->nsections; i++) {
		if (first_line[i] != 0)
			continue;
		if (section_required(ctx, &ctx->schema->sections[i]))
			check_missing(ctx, (int)i, RULE_SECTION_REQUIRED, claimed);
		else if (section_recommended(ctx, &ctx->schema->sections[i]))
			check_missing(ctx, (int)i, RULE_SECTION_RECOMMENDED, claimed);
	}
	for (i = 0; closed && i < rec->nsections; i++)
		if (rec->sections[i].spec < 0 && !claimed[i])
			report_unknown(ctx, &rec->sections[i]);
	free(claimed);
	free(first_line);
	free(firsts);
}

int section_resembling(const struct schema *s, const char *heading)
{
	size_t i;

	for (i = 0; i < s->nsections; i++)
		if (s->sections[i].nnames > 0 && resembles(&s->sections[i], heading))
			return (int)i;
	return -1;
}
