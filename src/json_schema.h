/* SPDX-License-Identifier: EUPL-1.2 */
/* json_schema.h - JSON Schemas for editors, generated from the schemas in effect.
 *
 * An editor's YAML support (yaml-language-server in VS Code, Neovim, Emacs,
 * Helix, Zed) completes and validates YAML against a JSON Schema (draft-07).
 * clerk writes one for the front matter of a record type, one for every
 * type at once (chosen by the type field), and one for .clerk.yml, from the
 * built-in and the organisation's own schemas, so they never drift from
 * what clerk checks. They are a help while typing: clerk check stays the
 * judge (conditions, the whole set, the body are beyond a JSON Schema). */
#ifndef CLERK_JSON_SCHEMA_H
#define CLERK_JSON_SCHEMA_H

#include <stdio.h>

#include "schema.h"

/* Writes the JSON Schema of the front matter of records of schema s to f.
 * type_field is the field naming the type (NULL: none). */
void json_schema_type(FILE *f, const struct schema *s, const char *type_field);

/* Writes one JSON Schema for the front matter of every type of set: the
 * type field chooses the type's schema (a record without it is only
 * checked to be a mapping). */
void json_schema_all(FILE *f, const struct schema_set *set, const char *type_field);

/* Writes the JSON Schema of .clerk.yml: its keys, the record types of set
 * and the rule names. */
void json_schema_config(FILE *f, const struct schema_set *set);

/* Returns pattern (PCRE2, as schemas write it) as an ECMAScript pattern
 * that Python's re reads alike (malloc'd): named groups and atomic groups
 * become plain groups, possessive quantifiers plain ones. Returns NULL when
 * the pattern uses what neither reads (\p, \A, \z, inline flags...). */
char *json_schema_pattern(const char *pattern);

#endif
