/* SPDX-License-Identifier: EUPL-1.2 */
/* yaml_ctx.h - what the readers of schema files and .clerk.yml share: where
 * an error goes, and checks of keys and kinds that name the file's line.
 *
 * Both readers walk a positioned YAML tree (load_yaml.h); every mistake is
 * a config_error (config_error.h) with the file's own line and column, exit 2. */
#ifndef CLERK_YAML_CTX_H
#define CLERK_YAML_CTX_H

#include <stddef.h>

#include "config_error.h"

struct arena;
struct config;
struct ynode;

/* The reading of one file. */
struct ctx {
	const char *file;         /* the file read, for messages */
	struct arena *arena;      /* owns what is read */
	struct config_error *err; /* the error, once there is one */
	struct config *cfg;       /* the configuration being read; NULL for a schema */
};

/* Records an error at node (or line 1 when node is NULL) in c->err and
 * returns -1. */
int fail(struct ctx *c, const struct ynode *node, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Fails unless every key of map is one of allowed (a NULL-terminated list);
 * the message names the unknown key, where it stands (such as "field
 * 'title'") and every valid key. */
int check_keys(struct ctx *c, const struct ynode *map, const char *where,
	       const char *const *allowed);
/* Returns "a, b or c" for the NULL-terminated keys (malloc'd), for the
 * "use ..." of messages. */
char *keys_list(const char *const *keys);

#endif
