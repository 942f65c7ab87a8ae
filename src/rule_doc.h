/* SPDX-License-Identifier: EUPL-1.2 */
/* rule_doc.h - each rule's section of docs/rules.md, compiled into the binary.
 *
 * Generated at build time by src/embed-rules.sh, so the documentation page
 * stays the one source of the text that `clerk rules NAME` and the SARIF
 * writer show. */
#ifndef CLERK_RULE_DOC_H
#define CLERK_RULE_DOC_H

#include <stddef.h>

struct rule_doc {
	const char *name;
	const char *prose;   /* the explanation, paragraphs separated by a blank line */
	const char *section; /* the whole section as Markdown, examples included */
};

/* docs/rules.md and docs/nl/rules.md, each ended by an entry of NULLs. */
extern const struct rule_doc rule_docs[], rule_docs_nl[];
extern const size_t rule_docs_count, rule_docs_nl_count;

/* Returns the documentation of the rule named name in the language of the
 * messages (English when the Dutch page lacks it), or NULL when
 * docs/rules.md has no section for it. */
const struct rule_doc *rule_doc_find(const char *name);

#endif
