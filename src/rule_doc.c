/* rule_doc.c - looking up a rule's embedded documentation. */
#include "rule_doc.h"

#include <string.h>

const struct rule_doc *rule_doc_find(const char *name)
{
	size_t i;

	for (i = 0; i < rule_doc_count; i++)
		if (strcmp(rule_docs[i].name, name) == 0)
			return &rule_docs[i];
	return NULL;
}
