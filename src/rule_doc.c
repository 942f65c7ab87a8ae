/* SPDX-License-Identifier: EUPL-1.2 */
/* rule_doc.c - looking up a rule's embedded documentation. */
#include "rule_doc.h"

#include <string.h>

#include "i18n.h"

static const struct rule_doc *find(const struct rule_doc *docs, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(docs[i].name, name) == 0)
			return &docs[i];
	return NULL;
}

const struct rule_doc *rule_doc_find(const char *name)
{
	const struct rule_doc *doc = NULL;

	if (strcmp(i18n_language(), "nl") == 0)
		doc = find(rule_docs_nl, rule_docs_nl_count, name);
	return doc != NULL ? doc : find(rule_docs, rule_docs_count, name);
}
