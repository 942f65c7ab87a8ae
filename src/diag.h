/* SPDX-License-Identifier: EUPL-1.2 */
/* diag.h - the rule catalogue and the diagnostics that rules report.
 *
 * Every rule reports through diag_report(); a run collects diagnostics in a
 * diag_list, sorts them and hands them to an output writer. The library
 * never prints. */
#ifndef CLERK_DIAG_H
#define CLERK_DIAG_H

#include <stddef.h>

enum severity { SEV_OFF, SEV_INFO, SEV_WARNING, SEV_ERROR };

enum rule_id {
#define RULE(id, name, sev, summary) RULE_##id,
#include "rules.def"
#undef RULE
	RULE_COUNT
};

struct rule_info {
	const char *name;
	enum severity severity;
	const char *summary;
};

/* The catalogue, indexed by enum rule_id. */
extern const struct rule_info rule_catalogue[RULE_COUNT];

/* Returns the rule named name, or -1 when there is none. */
int rule_lookup(const char *name);
/* Returns "error", "warning", "info" or "off". */
const char *severity_name(enum severity sev);
/* Parses a severity name; returns -1 when name is not one. */
int severity_parse(const char *name);

/* Another place a diagnostic concerns: the other files of an id-duplicate,
 * the earlier heading of a section-duplicate. */
struct diag_related {
	char *path;
	int line, col;
	char *message; /* what is there, or NULL */
};

/* A concrete repair: replace the text from (line, col) up to but not
 * including (end_line, end_col) with text. Columns count bytes from 1.
 * sure: clerk knows the one right answer (a date written day-month-year,
 * a synonym, a field's alias), so `clerk fix` applies it; otherwise it is
 * a guess (the nearest spelling) that a person confirms. */
struct diag_fix {
	int line, col, end_line, end_col;
	char *text;
	int sure;
};

struct diag {
	char *path;
	int line, col;
	int end_line, end_col; /* where the span ends (exclusive); 0 when unknown */
	enum rule_id rule;
	enum severity severity;
	char *message;
	char *help;           /* how to repair it, in words; NULL when none */
	struct diag_fix *fix; /* the repair itself; NULL when clerk does not know it */
	struct diag_related *related;
	size_t nrelated;
	size_t seq; /* the order of reporting within its file, for sorting ties */
};

/* A list of diagnostics; zero-initialise, free with diag_list_free. */
struct diag_list {
	struct diag *items;
	size_t n, cap;
};

/* Adds a diagnostic with the catalogue's default severity. Rules always
 * report; the configuration's severities are applied afterwards by
diag_list_apply_severity, so no rule's decision depends on them. The message is
 * formatted like printf and copied; path is copied. Returns the new
 * diagnostic, valid until the next report to list, so that a span, help,
 * a fix or related places can be attached. */
struct diag *diag_report(struct diag_list *list, const char *path, int line, int col,
			 enum rule_id rule, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* Sets where d's span ends (exclusive). d may be NULL. */
void diag_set_end(struct diag *d, int end_line, int end_col);
/* Sets d's help text, formatted like printf. d may be NULL. */
void diag_set_help(struct diag *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Replaces d's message, formatted like printf, for a whole-set rule that
 * knows better than the per-file rule what the user must do. */
void diag_reword(struct diag *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Sets d's fix: replace [line:col, end_line:end_col) with text, a guess
 * that a person confirms. d may be NULL. */
void diag_set_fix(struct diag *d, int line, int col, int end_line, int end_col, const char *text);
/* The same for a fix clerk is sure of, which `clerk fix` applies. */
void diag_set_sure_fix(struct diag *d, int line, int col, int end_line, int end_col,
		       const char *text);
/* Adds a related place to d; message may be NULL. d may be NULL. */
void diag_add_related(struct diag *d, const char *path, int line, int col, const char *message);
/* Moves every diagnostic of src to the end of dst; src is left empty. */
void diag_list_move(struct diag_list *dst, struct diag_list *src);
/* Applies severity overrides (indexed by rule) to every diagnostic and
 * drops those whose rule is off. severity may be NULL (defaults stay). */
void diag_list_apply_severity(struct diag_list *list, const enum severity *severity);
/* Sorts by path, line, column, rule name, then the order of reporting. */
void diag_list_sort(struct diag_list *list);
/* Keeps the diagnostics for which keep(d, data) is true, in order, and
 * frees the others. */
void diag_list_filter(struct diag_list *list, int (*keep)(const struct diag *d, void *data),
		      void *data);
/* Counts diagnostics of the given severity. */
size_t diag_list_count(const struct diag_list *list, enum severity sev);
void diag_list_free(struct diag_list *list);

#endif
