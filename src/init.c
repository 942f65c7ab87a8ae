/* init.c - the files of a new records repository, and writing them all or none. */
#include "init.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"
#include "wfile.h"

static const char config_text[] =
    "# Configuration of clerk for this records repository.\n"
    "# clerk reads this file when you run 'clerk check', 'clerk new' and the\n"
    "# other commands anywhere below this folder. See 'clerk help' and the\n"
    "# documentation (docs/schemas.md in clerk's source) for every setting.\n"
    "\n"
    "# Which record type each folder holds. A record in these folders needs no\n"
    "# 'type:' field; 'clerk new' writes one anyway. Paths are relative to this\n"
    "# folder; '*' stays within one folder.\n"
    "types:\n"
    "  - path: \"covenants/*.md\"\n"
    "    type: covenant\n"
    "  - path: \"decisions/*.md\"\n"
    "    type: decision\n"
    "  - path: \"reports/*.md\"\n"
    "    type: progress-report\n"
    "\n"
    "# Folders and files clerk leaves alone, such as drafts not yet ready.\n"
    "exclude:\n"
    "  - \"concepten/\"\n"
    "\n"
    "# Your own record types: put schema files in a folder and name it here.\n"
    "# schemas: schemas\n"
    "\n"
    "# Make a rule stricter or milder (error, warning, info or off):\n"
    "# rules:\n"
    "#   section-order: error\n";

static const char covenant_text[] =
    "---\n"
    "type: covenant\n"
    "id: COV-2024-001\n"
    "title: Samenwerkingsconvenant gedeelde archiefbewaarplaats\n"
    "date: 2024-03-04\n"
    "status: active\n"
    "parties:\n"
    "  - Gemeente Heuvelrand\n"
    "  - Gemeente Beekdal\n"
    "effective: 2024-04-01\n"
    "term: indefinite\n"
    "adopted-by: \"2024000012\"\n"
    "---\n"
    "\n"
    "# Samenwerkingsconvenant gedeelde archiefbewaarplaats\n"
    "\n"
    "## Partijen\n"
    "\n"
    "De gemeente Heuvelrand en de gemeente Beekdal, hierna samen: partijen.\n"
    "\n"
    "## Doel\n"
    "\n"
    "Partijen bewaren hun archieven in een gezamenlijke archiefbewaarplaats en delen de kosten.\n"
    "\n"
    "## Afspraken\n"
    "\n"
    "1. Heuvelrand beheert de bewaarplaats en stelt haar open voor Beekdal.\n"
    "2. Beekdal betaalt jaarlijks de helft van de kosten van beheer.\n"
    "\n"
    "## Looptijd\n"
    "\n"
    "Het convenant geldt voor onbepaalde tijd.\n"
    "\n"
    "## Opzegging\n"
    "\n"
    "Elke partij kan het convenant schriftelijk opzeggen met een termijn van een jaar.\n";

static const char decision_text[] =
    "---\n"
    "type: decision\n"
    "id: \"2024000012\"\n"
    "title: Instemming met de gedeelde archiefbewaarplaats\n"
    "date: 2024-02-27\n"
    "status: adopted\n"
    "authority: College van burgemeester en wethouders van Heuvelrand\n"
    "---\n"
    "\n"
    "# Instemming met de gedeelde archiefbewaarplaats\n"
    "\n"
    "## Het college besluit\n"
    "\n"
    "1. in te stemmen met het samenwerkingsconvenant gedeelde archiefbewaarplaats;\n"
    "2. de burgemeester te machtigen het convenant te ondertekenen.\n";

static const char report_text[] =
    "---\n"
    "type: progress-report\n"
    "id: RPT-2024-001\n"
    "title: Voortgang gedeelde archiefbewaarplaats 2024\n"
    "date: 2024-12-10\n"
    "status: final\n"
    "series: archiefbewaarplaats\n"
    "sequence: 1\n"
    "cites: COV-2024-001\n"
    "---\n"
    "\n"
    "# Voortgang gedeelde archiefbewaarplaats 2024\n"
    "\n"
    "## Inleiding\n"
    "\n"
    "Deze rapportage beschrijft het eerste jaar van de gedeelde archiefbewaarplaats.\n"
    "\n"
    "## Voortgang\n"
    "\n"
    "De archieven van Beekdal zijn in het najaar overgebracht.\n"
    "\n"
    "## Risico's\n"
    "\n"
    "De klimaatinstallatie is oud en moet binnen enkele jaren worden vervangen.\n"
    "\n"
    "## Financiën\n"
    "\n"
    "De kosten bleven binnen de begroting.\n";

static const char precommit_text[] =
    "# Git runs clerk on the records you commit; install with 'pre-commit install'\n"
    "# (https://pre-commit.com). A commit with errors in a record stops, and clerk\n"
    "# says what to change. clerk must be installed on this computer.\n"
    "repos:\n"
    "  - repo: local\n"
    "    hooks:\n"
    "      - id: clerk-check\n"
    "        name: clerk check\n"
    "        entry: clerk check --staged --quiet\n"
    "        language: system\n"
    "        pass_filenames: false\n"
    "        files: '\\.md$'\n";

static const char readme_text[] =
    "# Records\n"
    "\n"
    "This repository holds our agreements (covenants/), decisions (decisions/) and progress\n"
    "reports (reports/), one Markdown file each. clerk checks them and hands out numbers.\n"
    "\n"
    "Daily commands:\n"
    "\n"
    "    clerk new covenant --title \"...\"     # a new agreement with the next free number\n"
    "    clerk new decision --date 2025-03-04  # a decision of that date\n"
    "    clerk new progress-report             # a report\n"
    "    clerk check                           # what is missing or wrong, in every record\n"
    "    clerk check reports/RPT-2025-001.md   # the same, for one record\n"
    "    clerk show COV-2024-001               # one record, what it cites, what cites it\n"
    "    clerk renumber OLD NEW                # give a record another number everywhere\n"
    "    clerk help                            # every command\n"
    "\n"
    "'clerk new' prints the name of the new file. Open it, fill in the empty fields and write\n"
    "the text under each heading; 'clerk check' lists what is still empty. When two people took\n"
    "the same number on two branches, 'clerk renumber' gives one of them a free number and\n"
    "changes every reference to it.\n"
    "\n"
    "Before each commit, Git runs 'clerk check --staged' on the records you changed, as they\n"
    "will be committed\n"
    "(.pre-commit-config.yaml; install it once with 'pre-commit install').\n";

const struct init_file init_files[] = {
    {".clerk.yml", config_text},
    {".pre-commit-config.yaml", precommit_text},
    {"README.md", readme_text},
    {"covenants/COV-2024-001.md", covenant_text},
    {"decisions/2024000012.md", decision_text},
    {"reports/RPT-2024-001.md", report_text},
};

const size_t init_file_count = sizeof init_files / sizeof *init_files;

/* Adds the creation of every file of init_files under dir to t (making
 * their folders). Returns 0, or -1 with msg. */
static int plan(struct wfile_txn *t, const char *dir, char *msg, size_t msglen)
{
	char *path;
	size_t i;
	int rc = 0;

	for (i = 0; rc == 0 && i < init_file_count; i++) {
		path = xasprintf("%s/%s", dir, init_files[i].path);
		if (wfile_mkdirs(path) != 0 ||
		    wfile_txn_create(t, path, init_files[i].text, strlen(init_files[i].text),
				     wfile_new_mode()) != 0) {
			snprintf(msg, msglen, "cannot create %s: %s", path, strerror(errno));
			rc = -1;
		}
		free(path);
	}
	return rc;
}

int init_records(const char *dir, char *msg, size_t msglen)
{
	struct wfile_txn *t;
	struct stat st;
	char *path;
	size_t i;
	int rc = 0;

	for (i = 0; i < init_file_count; i++) {
		path = xasprintf("%s/%s", dir, init_files[i].path);
		if (lstat(path, &st) == 0) {
			snprintf(msg, msglen, "%s exists; clerk init never replaces a file", path);
			free(path);
			return 1;
		}
		free(path);
	}
	path = xasprintf("%s/", dir);
	if (wfile_mkdirs(path) != 0) {
		snprintf(msg, msglen, "cannot create %s: %s", dir, strerror(errno));
		free(path);
		return 2;
	}
	free(path);
	t = wfile_txn_new(dir, "clerk init");
	if (plan(t, dir, msg, msglen) != 0 || wfile_txn_commit(t, msg, msglen) != 0)
		rc = 2;
	wfile_txn_free(t);
	return rc;
}
