/* SPDX-License-Identifier: EUPL-1.2 */
/* init.c - the files of a new records repository, and writing them all or none. */
#include "init.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
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

static const char config_text_nl[] =
    "# Instellingen van clerk voor deze verzameling stukken.\n"
    "# clerk leest dit bestand bij 'clerk check', 'clerk new' en de andere\n"
    "# opdrachten overal onder deze map. Zie 'clerk help' en de handleiding\n"
    "# (docs/nl/ in de broncode van clerk) voor elke instelling.\n"
    "\n"
    "# De taal van clerk voor iedereen die met deze stukken werkt: meldingen,\n"
    "# de koppen van nieuwe stukken en het register (REGISTER.md).\n"
    "language: nl\n"
    "\n"
    "# Welk soort stuk elke map bevat. Een stuk in deze mappen heeft geen veld\n"
    "# 'type:' nodig; 'clerk new' schrijft het toch, en zet een nieuw stuk in de\n"
    "# map van zijn soort. Paden gelden vanaf deze map; '*' blijft binnen een map.\n"
    "types:\n"
    "  - path: \"overeenkomsten/*.md\"\n"
    "    type: covenant\n"
    "  - path: \"besluiten/*.md\"\n"
    "    type: decision\n"
    "  - path: \"rapportages/*.md\"\n"
    "    type: progress-report\n"
    "\n"
    "# Mappen en bestanden die clerk overslaat, zoals concepten die nog niet af zijn.\n"
    "exclude:\n"
    "  - \"concepten/\"\n"
    "\n"
    "# Eigen soorten stukken: zet schemabestanden in een map en noem die hier.\n"
    "# schemas: schemas\n"
    "\n"
    "# Een regel strenger of milder maken (error, warning, info of off):\n"
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
    "# says what to change; warnings are shown too (verbose). It also runs when a\n"
    "# commit only deletes a record or changes .clerk.yml or a schema (always_run);\n"
    "# 'pre-commit run --all-files' checks every record. clerk must be installed\n"
    "# on this computer.\n"
    "repos:\n"
    "  - repo: local\n"
    "    hooks:\n"
    "      - id: clerk-check\n"
    "        name: clerk check\n"
    "        entry: clerk check --hook\n"
    "        language: system\n"
    "        pass_filenames: false\n"
    "        always_run: true\n"
    "        verbose: true\n"
    "        files: '\\.(md|ya?ml)$'\n";

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

static const char readme_text_nl[] =
    "# Stukken\n"
    "\n"
    "Hier staan onze overeenkomsten (overeenkomsten/), besluiten (besluiten/) en\n"
    "voortgangsrapportages (rapportages/), elk in een eigen Markdown-bestand. clerk\n"
    "controleert ze en deelt de nummers uit.\n"
    "\n"
    "Dagelijkse opdrachten:\n"
    "\n"
    "    clerk new convenant --title \"...\"    # een nieuwe overeenkomst met het volgende vrije "
    "nummer\n"
    "    clerk new besluit --date 2025-03-04  # een besluit van die datum\n"
    "    clerk new rapportage                 # een voortgangsrapportage\n"
    "    clerk check                          # wat ontbreekt of niet klopt, in elk stuk\n"
    "    clerk check rapportages/RPT-2025-001.md  # hetzelfde, voor een stuk\n"
    "    clerk show COV-2024-001              # een stuk, waar het naar verwijst, wat ernaar "
    "verwijst\n"
    "    clerk renumber OUD NIEUW             # een stuk overal een ander nummer geven\n"
    "    clerk index                          # het register (REGISTER.md) bijwerken\n"
    "    clerk help                           # alle opdrachten\n"
    "\n"
    "'clerk new' noemt het nieuwe bestand. Open het, vul de lege velden in en schrijf\n"
    "de tekst onder elke kop; 'clerk check' noemt wat nog leeg is. Hebben twee mensen\n"
    "op twee takken hetzelfde nummer genomen, dan geeft 'clerk renumber' een van beide\n"
    "een vrij nummer en past elke verwijzing ernaar aan.\n"
    "\n"
    "Voor elke commit controleert Git met 'clerk check --staged' de stukken die u\n"
    "hebt gewijzigd, zoals ze in de commit komen\n"
    "(.pre-commit-config.yaml; installeer dat eenmalig met 'pre-commit install').\n";

/* The files of a repository in English. */
static const struct init_file files_en[] = {
    {".clerk.yml", config_text},
    {".pre-commit-config.yaml", precommit_text},
    {"README.md", readme_text},
    {"covenants/COV-2024-001.md", covenant_text},
    {"decisions/2024000012.md", decision_text},
    {"reports/RPT-2024-001.md", report_text},
};

/* The same in Dutch: language: nl, Dutch comments, README and folders. */
static const struct init_file files_nl[] = {
    {".clerk.yml", config_text_nl},
    {".pre-commit-config.yaml", precommit_text},
    {"README.md", readme_text_nl},
    {"overeenkomsten/COV-2024-001.md", covenant_text},
    {"besluiten/2024000012.md", decision_text},
    {"rapportages/RPT-2024-001.md", report_text},
};

const struct init_file *init_files(const char *lang, size_t *count)
{
	int nl = lang != NULL && strcmp(lang, "nl") == 0;

	*count = nl ? sizeof files_nl / sizeof *files_nl : sizeof files_en / sizeof *files_en;
	return nl ? files_nl : files_en;
}

/* Adds the creation of the count files under dir to t (making their
 * folders). Returns 0, or -1 with msg. */
static int plan(struct wfile_txn *t, const char *dir, const struct init_file *files, size_t count,
		char *msg, size_t msglen)
{
	char *path;
	size_t i;
	int rc = 0;

	for (i = 0; rc == 0 && i < count; i++) {
		path = xasprintf("%s/%s", dir, files[i].path);
		if (wfile_mkdirs(path) != 0 ||
		    wfile_txn_create(t, path, files[i].text, strlen(files[i].text),
				     wfile_new_mode()) != 0) {
			snprintf(msg, msglen, _("cannot create %s: %s"), path, strerror(errno));
			rc = -1;
		}
		free(path);
	}
	return rc;
}

int init_records(const char *dir, const char *lang, char *msg, size_t msglen)
{
	size_t i, count;
	const struct init_file *files = init_files(lang, &count);
	struct wfile_txn *t;
	struct stat st;
	char *path;
	int rc = 0;

	for (i = 0; i < count; i++) {
		path = xasprintf("%s/%s", dir, files[i].path);
		if (lstat(path, &st) == 0) {
			snprintf(msg, msglen, _("%s exists; clerk init never replaces a file"),
				 path);
			free(path);
			return 1;
		}
		free(path);
	}
	path = xasprintf("%s/", dir);
	if (wfile_mkdirs(path) != 0) {
		snprintf(msg, msglen, _("cannot create %s: %s"), dir, strerror(errno));
		free(path);
		return 2;
	}
	free(path);
	t = wfile_txn_new(dir, "clerk init");
	if (plan(t, dir, files, count, msg, msglen) != 0 || wfile_txn_commit(t, msg, msglen) != 0)
		rc = 2;
	wfile_txn_free(t);
	return rc;
}
