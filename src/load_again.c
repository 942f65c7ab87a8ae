/* SPDX-License-Identifier: EUPL-1.2 */
/* load_again.c - reading a record again for export and publish. */
#include "load_again.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "load_yaml.h"
#include "util.h"

int load_again(const struct project *p, const char *path, struct loaded *l)
{
	struct diag_list ignored = {0};
	struct read_error err;
	size_t len;

	memset(l, 0, sizeof *l);
	l->text = read_file(path, p->cfg.max_file_size, &len, &err);
	if (l->text == NULL)
		return -1;
	/* The findings were the check's; here only the tree is wanted. */
	l->rec = record_load(path, l->text, len, &ignored);
	diag_list_free(&ignored);
	return 0;
}

void loaded_free(struct loaded *l)
{
	if (l->rec != NULL)
		record_free(l->rec);
	free(l->text);
	memset(l, 0, sizeof *l);
}

char *load_scalar(const struct ynode *node)
{
	if (node == NULL || node->kind != YNODE_SCALAR)
		return NULL;
	return xstrndup(node->text, node->len);
}
