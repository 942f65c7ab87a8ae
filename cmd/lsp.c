/* lsp.c - `clerk lsp`: the language server for editors, over standard input and output.
 *
 * The server itself is in src/lsp.c; here are its options (only --help,
 * and --stdio, which editors' clients pass and which is the only way). */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "commands.h"
#include "i18n.h"
#include "lsp.h"

static const char lsp_usage[] = N_("usage: clerk lsp [--stdio]\n");

static void lsp_help(void)
{
	fputs(_(lsp_usage), stdout);
	puts(_("Runs a Language Server Protocol server on standard input and output, for an\n"
	       "editor (VS Code, Neovim, Emacs, Zed, Helix): the findings of the record being\n"
	       "edited, checked in its record set as it is typed, and of the other records the\n"
	       "change touches; the fixes clerk knows as code actions; hover and go to\n"
	       "definition on an id; completion of field names, values and ids. It never\n"
	       "writes a file. The editor starts it; see docs/editors.md.\n"
	       "\noptions:\n"
	       "  --stdio                talk over standard input and output (the default, and\n"
	       "                         the only way)\n"
	       "  --help                 show this help\n"
	       "\nexit codes: 0 after the editor's shutdown and exit, 1 when the input ended\n"
	       "without them, 2 a mistake on the command line."));
}

int cmd_lsp(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			lsp_help();
			return 0;
		}
		if (strcmp(argv[i], "--stdio") != 0) {
			error_line("'%s' is not an option of lsp; see 'clerk lsp --help'", argv[i]);
			fputs(_(lsp_usage), stderr);
			return EXIT_USAGE;
		}
	}
	/* an editor that goes away must not kill the server mid-write */
	signal(SIGPIPE, SIG_IGN);
	return lsp_serve(STDIN_FILENO, STDOUT_FILENO);
}
