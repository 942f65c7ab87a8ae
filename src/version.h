/* SPDX-License-Identifier: EUPL-1.2 */
/* version.h - clerk's version and home page, shared by the program and the writers. */
#ifndef CLERK_VERSION_H
#define CLERK_VERSION_H

#ifndef CLERK_VERSION
#define CLERK_VERSION "0.1.0"
#endif

/* Where clerk is published, set when building: `make CLERK_HOME=https://...`
 * (see docs/output.md). CLERK_HOME is the project's home page, SARIF's
 * informationUri; CLERK_RULES_URL is the address of docs/rules.md, to which
 * "#RULE" is appended for each rule's helpUri (the Makefile derives it from
 * CLERK_HOME as CLERK_HOME/blob/main/docs/rules.md). Both are empty by
 * default: clerk has no public home yet, and SARIF then leaves them out
 * rather than point at an address that does not exist. The rules' help text
 * is in the SARIF file either way. */
#ifndef CLERK_HOME
#define CLERK_HOME ""
#endif
#ifndef CLERK_RULES_URL
#define CLERK_RULES_URL ""
#endif

#endif
