/* SPDX-License-Identifier: EUPL-1.2 */
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

#include "opts.h"

enum { LSP_STDIO };

static const struct opt lsp_opts[] = {
    {"stdio", 0, LSP_STDIO, NULL,
     N_("talk over standard input and output (the default, and the only way)")},
};

const struct cmd_spec lsp_spec = {
    "lsp",
    N_("usage: clerk lsp [--stdio]\n"),
    N_("Runs a Language Server Protocol server on standard input and output, for an\n"
       "editor (VS Code, Neovim, Emacs, Zed, Helix): the findings of the record being\n"
       "edited, checked in its record set as it is typed, and of the other records the\n"
       "change touches; the fixes clerk knows as code actions; hover and go to\n"
       "definition on an id; completion of field names, values and ids. It never\n"
       "writes a file. The editor starts it; see docs/editors.md."),
    N_("\nexit codes: 0 after the editor's shutdown and exit, 1 when the input ended\n"
       "without them, 2 a mistake on the command line."),
    lsp_opts,
    OPTS_N(lsp_opts),
};

/* --stdio changes nothing: it is the only way. */
static int lsp_option(void *ctx, int key, const char *value)
{
	(void)ctx;
	(void)key;
	(void)value;
	return 0;
}

int cmd_lsp(int argc, char **argv)
{
	int rc = opts_parse(&lsp_spec, argc, argv, lsp_option, NULL);

	if (rc != 0)
		return rc == OPTS_HELP ? 0 : rc;
	if (optind < argc)
		return opts_usage_error(&lsp_spec, "'lsp' takes no arguments");
	/* an editor that goes away must not kill the server mid-write */
	signal(SIGPIPE, SIG_IGN);
	return lsp_serve(STDIN_FILENO, STDOUT_FILENO);
}
