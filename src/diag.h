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

struct diag {
	char *path;
	int line, col;
	enum rule_id rule;
	enum severity severity;
	char *message;
};

/* A list of diagnostics; zero-initialise, free with diag_list_free.
 * severity, when set, overrides the catalogue's default per rule. */
struct diag_list {
	struct diag *items;
	size_t n, cap;
	const enum severity *severity;
};

/* Adds a diagnostic unless its rule is switched off. The message is
 * formatted like printf and copied; path is copied. */
void diag_report(struct diag_list *list, const char *path, int line, int col, enum rule_id rule,
		 const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* Moves every diagnostic of src to the end of dst; src is left empty. */
void diag_list_move(struct diag_list *dst, struct diag_list *src);
/* Sorts by path, line, column, rule name. */
void diag_list_sort(struct diag_list *list);
/* Counts diagnostics of the given severity. */
size_t diag_list_count(const struct diag_list *list, enum severity sev);
void diag_list_free(struct diag_list *list);

#endif
