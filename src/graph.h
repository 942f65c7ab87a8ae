/* SPDX-License-Identifier: EUPL-1.2 */
/* graph.h - `clerk graph`: the reference graph of a register, as Graphviz
 * DOT or a Mermaid flowchart.
 *
 * Nodes are the register's rows (named r1, r2... in register order, so
 * that no id or title has to be a node name), grouped by type; an edge
 * goes from the citing record to the cited one, labelled by the field (or
 * "link" for a link in the text). A reference to an id that no record has
 * becomes a dashed node "ID (not found)". */
#ifndef CLERK_GRAPH_H
#define CLERK_GRAPH_H

#include <stdio.h>

#include "register.h"

enum graph_format { GRAPH_DOT, GRAPH_MERMAID };

/* Writes the graph of r to f: every row, or, when center is a record
 * number (not SET_NONE), that record, the rows it cites and the rows that
 * cite it, with the edges to and from it only. */
void graph_write(FILE *f, const struct reg *r, size_t center, enum graph_format format);

#endif
