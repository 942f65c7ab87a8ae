/* commands.h - the commands that write records, in write.c: new, renumber, init.
 * (The register commands are declared in cmd.h, beside what every command
 * file shares.) */
#ifndef CLERK_COMMANDS_H
#define CLERK_COMMANDS_H

/* Each returns the exit code: 0 done, 1 refused (nothing written), 2 usage,
 * configuration or system error. */
int cmd_new(int argc, char **argv);
int cmd_renumber(int argc, char **argv);
int cmd_init(int argc, char **argv);
int cmd_import(int argc, char **argv);

#endif
