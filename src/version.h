/* version.h - clerk's version and home page, shared by the program and the writers. */
#ifndef CLERK_VERSION_H
#define CLERK_VERSION_H

#ifndef CLERK_VERSION
#define CLERK_VERSION "0.1.0"
#endif

/* Where the project lives; SARIF's informationUri and the rules' helpUri
 * (CLERK_HOME "/blob/main/docs/rules.md#RULE") point here. Override with
 * -DCLERK_HOME=... when building a fork. */
#ifndef CLERK_HOME
#define CLERK_HOME "https://github.com/clerk-records/clerk"
#endif

#endif
