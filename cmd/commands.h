/* commands.h - the subcommands that live outside clerk.c: new, renumber, init. */
#ifndef CLERK_COMMANDS_H
#define CLERK_COMMANDS_H

/* Each returns the exit code: 0 done, 1 refused (nothing written), 2 usage,
 * configuration or system error. */
int cmd_new(int argc, char **argv);
int cmd_renumber(int argc, char **argv);
int cmd_init(int argc, char **argv);

#endif
