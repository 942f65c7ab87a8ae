#!/usr/bin/env bats
# clerk import: existing documents (.docx, .odt, .rtf, .html, .pdf, .txt,
# .md) become draft records. The real Dutch and Flemish documents of
# ../shared/seeds are read where they lie (never copied into the project);
# the fixtures in tests/fixtures/import are written in our own words. Word,
# OpenDocument and PDF files are made in the tests themselves with pandoc
# and chromium, so every converter runs.

load helper

FIX="$REPO/tests/fixtures/import"
SEEDS="${CLERK_SEEDS:-$REPO/../shared/seeds}"

# Skips the test when the seed documents are not beside the repository
# (called in the test itself: a skip inside $(...) would not skip it).
need_seeds() {
	[ -d "$SEEDS" ] || skip "the seed documents are not in $SEEDS"
}

# The seed whose name starts with $1 (000 to 004).
seed() {
	ls "$SEEDS/$1"_*.txt | head -n 1
}

# A record set of its own (the built-in schemas) with a Git repository.
records() {
	export HOME="$BATS_TEST_TMPDIR/home" GIT_CONFIG_NOSYSTEM=1
	mkdir -p "$HOME"
	git init -q -b main .
	printf 'schemas: []\n' >.clerk.yml
}

# The front matter of the record in $output (a dry run prints it).
front() {
	printf '%s\n' "$output" | awk '/^---$/ {n++; next} n == 1'
}

# ------------------------------------------------------------ the seeds

@test "import: seed 000 (fifth progress report with its cover decision) as a progress report" {
	local s
	need_seeds
	s=$(seed 000)
	records
	run "$CLERK" import --dry-run "$s"
	[ "$status" -eq 0 ]
	front >fm
	grep -qx 'type: progress-report' fm
	grep -qx "title: 'Vijfde voortgangsrapportage ambtelijke samenwerking Heemstede & Bloemendaal'" fm
	grep -qx 'date: 2017-01-16' fm
	grep -qx 'status: draft' fm
	grep -qx 'sequence: 5' fm
	grep -qx 'kind: progress' fm
	grep -qx 'series: ambtelijke-samenwerking-heemstede-bloemendaal' fm
	grep -qx 'period-start: 2015-11-01' fm
	grep -qx 'period-end: 2016-12-31' fm
	grep -qx '  - 2016009542' fm
	grep -qx 'id: RPT-2017-001' fm
	# Its numbered chapters: Inleiding and Tot slot are the schema's sections.
	[[ "$output" == *$'\n## 1. Inleiding\n'* ]]
	[[ "$output" == *$'\n## 6. Tot slot\n'* ]]
	[[ "$output" == *$'\n### 2. Samenwerking in de bedrijfsvoering\n'* ]]
	# The page break inside the last paragraph is joined again.
	[[ "$output" == *"Een eerste stap is het opstellen van teamplannen."* ]]
	# The header block went into the front matter, with where it was found.
	[[ "$output" != *$'\nDatum : 16 januari 2017'* ]]
	[[ "$output" == *'guessed: date: 2017-01-16 (the date line), from line 11: "Datum : 16 januari 2017"'* ]]
	[[ "$output" == *"kept as a sub-heading (no section of this type): '2. Samenwerking in de bedrijfsvoering'"* ]]
}

@test "import: seed 000 as a decision: the registration number, the college, three decision points" {
	local s
	need_seeds
	s=$(seed 000)
	records
	run "$CLERK" import --type decision "$s"
	[ "$status" -eq 0 ]
	[[ "${lines[0]}" == *": imported as decisions/2016009542.md (decision)" ]]
	[ -f decisions/2016009542.md ]
	grep -qx 'id: 2016009542' decisions/2016009542.md
	grep -qx 'authority: College van burgemeester en wethouders' decisions/2016009542.md
	grep -qx 'date: 2017-01-16' decisions/2016009542.md
	run awk '/^## Het college besluit:$/ {on = 1; next} /^#/ {on = 0} on && /^[0-9]+\. /' \
		decisions/2016009542.md
	[ "${#lines[@]}" -eq 3 ]
	[[ "${lines[0]}" == "1. kennis te nemen van de vijfde voortgangsrapportage"* ]]
	[[ "${lines[2]}" == "3. de voortgangsrapportage ter informatie aan te bieden aan de gemeenteraad." ]]
	# Importing it again is refused: the number is taken, the file stays.
	cp decisions/2016009542.md before
	run "$CLERK" import --type decision "$s"
	[ "$status" -eq 1 ]
	[[ "$output" == *"the document's number '2016009542' is the id of a record that exists already"* ]]
	cmp before decisions/2016009542.md
}

@test "import: seed 001 (press release on a samenwerkingsovereenkomst): date of signing, parties, term" {
	local s
	need_seeds
	s=$(seed 001)
	records
	run "$CLERK" import --dry-run "$s"
	[ "$status" -eq 0 ]
	front >fm
	grep -qx 'type: covenant' fm
	grep -qx 'title: Samenwerking Slochteren en Hoogezand-Sappemeer' fm
	grep -qx 'date: 2010-01-26' fm
	grep -qx '  - Gemeente Hoogezand-Sappemeer' fm
	grep -qx '  - Gemeente Slochteren' fm
	grep -qx 'term: P3Y' fm
	grep -qx 'effective:' fm
	[[ "$output" == *"guessed: date: 2010-01-26 (the date of signing; the year is not written, it is the year in the title)"* ]]
	[[ "$output" == *"to fill in: effective (not found in the document)"* ]]
	# Characters decoded twice are repaired: the quotes around 'mens volgt werk'.
	[[ "$output" == *"Het principe is: 'mens volgt werk'."* ]]
	[[ "$output" != *$'\n\xc3\x82\n'* ]]
}

@test "import: seed 002 (closing report): the protocol's sections, a misspelt one included" {
	local s
	need_seeds
	s=$(seed 002)
	records
	run "$CLERK" import --dry-run "$s"
	[ "$status" -eq 0 ]
	front >fm
	grep -qx 'type: progress-report' fm
	grep -qx 'kind: closing' fm
	grep -qx "title: 'Concern-ontwikkelprogramma 2022-2023 / de ''Roadtrip'''" fm
	grep -qx 'date: 2024-04-01' fm
	grep -qx 'sequence:' fm
	[[ "$output" == *"guessed: date: 2024-04-01 (only the month is written: check the day)"* ]]
	[[ "$output" == *"to fill in: sequence (not found in the document)"* ]]
	printf '%s\n' "$output" | grep '^## ' >sections
	cat >expected <<'EOT'
## Introductie
## Het oorspronkelijke doel
## De voortgang (sept – dec 2023)
## De huidige planning
## De risico's
## De financiën
## De beslismomenten
## Evaluatie
## Overdacht
EOT
	diff -u expected sections
	# HTML left in the table's cells is gone; its bullets are a list.
	[[ "$output" != *"<p>"* ]]
	[[ "$output" == *$'\n- Vaststellen lange termijn koers en richting voor de organisatie\n'* ]]
	# The misspelt heading is kept as written: the check names the repair.
	[[ "$output" == *"finding: 140:1: error: the heading 'Overdacht' is not a section of a progress report; did you mean the section 'Handover'"* ]]
}

@test "import: seeds 003 and 004 (presentations): the type must be given; title and date" {
	local s3 s4
	need_seeds
	s3=$(seed 003)
	s4=$(seed 004)
	records
	run "$CLERK" import --dry-run "$s3"
	[ "$status" -eq 1 ]
	[[ "$output" == *"clerk cannot tell what kind of record this is; give the type with --type"* ]]
	run "$CLERK" import --dry-run --type covenant "$s3"
	[ "$status" -eq 0 ]
	front >fm
	grep -qx 'title: Leren van elkaar in samenwerking' fm
	grep -qx 'date:' fm
	# The web page's lines and the slide numbers are gone.
	[[ "$output" != *"Download de presentatie"* ]]
	[[ "$output" != *"Laatst gewijzigd"* ]]
	run grep -cEx '[0-9]+' <<<"$(printf '%s\n' "$output" | awk '/^---$/ {n++} n >= 2')"
	[ "$output" = 0 ]
	run "$CLERK" import --dry-run --type covenant "$s4"
	[ "$status" -eq 0 ]
	front >fm
	grep -qx "title: 'Samenwerking gemeente-ocmw Kunnen we van verandering een verbetering maken?'" fm
	grep -qx 'date: 2015-01-28' fm
}

@test "import: the same document gives the same record, every time" {
	local s
	need_seeds
	s=$(seed 002)
	records
	"$CLERK" import --dry-run "$s" >one 2>&1
	"$CLERK" import --dry-run "$s" >two 2>&1
	cmp one two
	"$CLERK" import --dry-run "$FIX/raadsbesluit.txt" >one 2>/dev/null
	"$CLERK" import "$FIX/raadsbesluit.txt" >/dev/null
	cmp one decisions/2024-031.md
}

# ------------------------------------------------------- our own texts

@test "import: a council decision: header block, lettered points numbered, hyphenation undone" {
	records
	run "$CLERK" import "$FIX/raadsbesluit.txt"
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "$FIX/raadsbesluit.txt: imported as decisions/2024-031.md (decision)" ]
	cat >expected <<'EOT'
---
type: decision
id: 2024-031
title: Vaststelling van het beleidsplan wijkonderhoud 2024-2027
date: 2024-03-14
status: draft
cites:
  - 2021-042
authority: Gemeenteraad
---

# Vaststelling van het beleidsplan wijkonderhoud 2024-2027

### Gemeente Dijkmeer

De raad van de gemeente Dijkmeer, gelezen het voorstel van het college van 20 februari 2024,

## De raad besluit:

1. het beleidsplan wijkonderhoud 2024–2027 vast te stellen;
2. de kosten te dekken uit de reserve onderhoud openbare ruimte;
3. het college te vragen jaarlijks over de uitvoering te rapporteren.

## Aanleiding

Het vorige plan liep eind 2023 af. In overleg met de wijkraden is een nieuw plan opgesteld dat Bouw- en Woningtoezicht en de buitendienst samen uitvoeren. Het plan sluit aan op raadsbesluit 2021-042 over de kaders van de samenwerking.

## Toelichting

Het plan telt vier speerpunten: schoon, heel, veilig en groen. Over de voortgang rapporteert het college elk voorjaar aan de raad, voor het eerst in april 2025.
EOT
	diff -u expected decisions/2024-031.md
	[[ "$output" == *'guessed: id: 2024-031, from line 4: "Reg.nr. : 2024-031"'* ]]
	[[ "$output" == *"guessed: authority: Gemeenteraad (the body named before 'besluit'), from line 9"* ]]
	[[ "$output" == *"finding: 24:1: warning: the section 'Aanleiding' (Considerations) should come before"*"[section-order]"* ]]
}

@test "import: an agreement: the undersigned, start date, term, date of signing, articles as sections" {
	records
	run "$CLERK" import --dry-run "$FIX/overeenkomst.txt"
	[ "$status" -eq 0 ]
	front >fm
	cat >expected <<'EOT'
type: covenant
id: COV-2024-001
title: Samenwerkingsovereenkomst gezamenlijke inkoop Dijkmeer en Zandwijk
date: 2024-02-12
status: draft
parties:
  - Gemeente Dijkmeer
  - Gemeente Zandwijk
effective: 2024-03-01
term: P3Y
EOT
	diff -u expected fm
	[[ "$output" == *$'\n## Artikel 1 Doel\n'* ]]
	[[ "$output" == *$'\n## Artikel 3 Looptijd\n'* ]]
	[[ "$output" == *'guessed: term: P3Y, from line 21: "...king op 1 maart 2024 en wordt aangegaan voor de duur van drie jaar."'* ]]
	# A dry run writes nothing.
	[ ! -e covenants ]
}

@test "import: page headers, footers and numbers go; a repeated sentence in the text stays" {
	records
	{
		for p in 1 2 3; do
			printf 'Gemeente Dijkmeer - beleidsnotitie\n\n'
			printf 'Dit is de tekst van pagina %s.\n\nDeze zin staat op elke pagina.\n\n' "$p"
			printf 'Nog een zin op pagina %s.\n\n' "$p"
			printf 'Pagina %s van 3\n\f' "$p"
		done
	} >notitie.txt
	run "$CLERK" import --dry-run --type decision --id 2024-001 notitie.txt
	[ "$status" -eq 0 ]
	[[ "$output" != *"beleidsnotitie"* ]]
	[[ "$output" != *"Pagina 2 van 3"* ]]
	[[ "$output" == *"Dit is de tekst van pagina 3."* ]]
	[ "$(grep -c '^Deze zin staat op elke pagina\.$' <<<"$output")" -eq 3 ]
	# With one page, the same header is the document's own text.
	printf 'Gemeente Dijkmeer - beleidsnotitie\n\nEen korte tekst.\n' >kort.txt
	run "$CLERK" import --dry-run --type decision --id 2024-001 kort.txt
	[[ "$output" == *"beleidsnotitie"* ]]
}

@test "import: typographic quotes and dashes become plain ones in the front matter only" {
	records
	printf 'Onderwerp : \xe2\x80\x9cSamen sterker\xe2\x80\x9d \xe2\x80\x93 tweede fase\nDatum : 1 juli 2024\n\nHet college besluit:\n\n1. het plan \xe2\x80\x9cSamen sterker\xe2\x80\x9d vast te stellen.\n' >besluit.txt
	run "$CLERK" import --dry-run --type decision --id 2024-002 besluit.txt
	[ "$status" -eq 0 ]
	front >fm
	grep -qx "title: '\"Samen sterker\" - tweede fase'" fm
	[[ "$output" == *$'1. het plan \xe2\x80\x9cSamen sterker\xe2\x80\x9d vast te stellen.'* ]]
}

@test "import: text in Windows-1252 is read as such" {
	records
	printf 'Onderwerp : Co\xf6rdinatie financi\xebn\nDatum : 3 juni 2024\n\nHet college besluit:\n\n1. de co\xf6rdinatie te regelen.\n' >oud.txt
	run "$CLERK" import --dry-run --type decision --id 2024-003 oud.txt
	[ "$status" -eq 0 ]
	front >fm
	grep -qx 'title: Coördinatie financiën' fm
}

@test "import: several documents in one go, each its own record and checklist" {
	records
	run "$CLERK" import "$FIX/raadsbesluit.txt" "$FIX/overeenkomst.txt"
	[ "$status" -eq 0 ]
	[ -f decisions/2024-031.md ]
	[ -f covenants/COV-2024-001.md ]
	[[ "$output" == *"overeenkomst.txt: imported as covenants/COV-2024-001.md (covenant)"* ]]
}

@test "import: a missing document does not stop the others; the exit code says one failed" {
	records
	run "$CLERK" import nergens.txt "$FIX/overeenkomst.txt"
	[ "$status" -eq 1 ]
	[[ "$output" == *"clerk: nergens.txt: "* ]]
	[ -f covenants/COV-2024-001.md ]
}

# --------------------------------------------------- the real converters

# Word and OpenDocument files made with pandoc from a text, hard line
# breaks kept so the header block stays three lines.
make_office() {
	pandoc -f markdown_strict+hard_line_breaks -t "$2" -o "$3" "$1"
}

# A PDF printed by chromium from pandoc's HTML of a text (with the
# browser's own page headers and footers on every page).
make_pdf() {
	pandoc -f markdown_strict+hard_line_breaks -t html -s --metadata title=Stuk -o "$2.html" "$1"
	chromium --headless --no-sandbox --disable-gpu --print-to-pdf="$2" "file://$PWD/$2.html" \
		>/dev/null 2>&1
	[ -s "$2" ]
}

@test "import: .docx and .odt (pandoc) and .pdf (pdftotext) of our own decision" {
	records
	make_office "$FIX/raadsbesluit.txt" docx besluit.docx
	make_office "$FIX/raadsbesluit.txt" odt besluit.odt
	make_pdf "$FIX/raadsbesluit.txt" besluit.pdf
	for f in besluit.docx besluit.odt besluit.pdf; do
		run "$CLERK" import --dry-run "$f"
		[ "$status" -eq 0 ]
		front >fm
		grep -qx 'id: 2024-031' fm
		grep -qx 'date: 2024-03-14' fm
		grep -qx 'title: Vaststelling van het beleidsplan wijkonderhoud 2024-2027' fm
		grep -qx 'authority: Gemeenteraad' fm
		[[ "$output" == *$'\n1. het beleidsplan wijkonderhoud 2024–2027 vast te stellen;\n'* ]]
		[[ "$output" == *$'\n3. het college te vragen jaarlijks over de uitvoering te rapporteren.\n'* ]]
		[[ "$output" == *$'\n## Toelichting\n'* ]]
	done
	# The browser's page header and footer are not in the record.
	run "$CLERK" import --dry-run besluit.pdf
	[[ "$output" != *"file://"* ]]
}

@test "import: .docx, .odt and .pdf made from seed 000 give its title, date, numbers and sections" {
	local s
	need_seeds
	s=$(seed 000)
	records
	make_office "$s" docx s.docx
	make_office "$s" odt s.odt
	make_pdf "$s" s.pdf
	for f in s.docx s.odt s.pdf; do
		run "$CLERK" import --dry-run "$f"
		[ "$status" -eq 0 ]
		front >fm
		grep -qx "title: 'Vijfde voortgangsrapportage ambtelijke samenwerking Heemstede & Bloemendaal'" fm
		grep -qx 'date: 2017-01-16' fm
		grep -qx 'sequence: 5' fm
		grep -qx '  - 2016009542' fm
		[[ "$output" == *$'\n## '*'Inleiding'$'\n'* ]]
		[[ "$output" == *$'\n## '*'Tot slot'$'\n'* ]]
	done
}

# ----------------------------------------------------- hostile documents

@test "import: a zip bomb as .docx is stopped within the time limit, with a message" {
	records
	python3 - bomb.docx <<'EOF'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED, compresslevel=1) as z:
    z.writestr('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    z.writestr('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    with z.open('word/document.xml', 'w') as f:
        f.write(b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>')
        chunk = b'a' * (1 << 20)
        for i in range(300):
            f.write(chunk)
        f.write(b'</w:t></w:r></w:p></w:body></w:document>')
EOF
	[ "$(stat -c %s bomb.docx)" -lt 3000000 ]
	SECONDS=0
	CLERK_IMPORT_TIMEOUT=3 run "$CLERK" import bomb.docx
	[ "$SECONDS" -le 10 ]
	[ "$status" -eq 1 ]
	[[ "$output" == "clerk: bomb.docx: pandoc "* ]]
	[[ "$output" == *"took longer than 3 seconds and was stopped"* || "$output" == *"could not read it"* ]]
	[ ! -e decisions ] && [ ! -e covenants ] && [ ! -e reports ]
}

@test "import: a PDF that is not a PDF, and a 50 MB file, are messages" {
	records
	printf 'Dit is geen PDF maar gewone tekst.\n' >nep.pdf
	run "$CLERK" import nep.pdf
	[ "$status" -eq 1 ]
	[[ "$output" == "clerk: nep.pdf: pdftotext could not read it ("* ]]
	truncate -s 50M groot.docx
	SECONDS=0
	run "$CLERK" import groot.docx
	[ "$SECONDS" -le 5 ]
	[ "$status" -eq 1 ]
	[[ "$output" == "clerk: groot.docx: "*"50 MB"*"16 MB"* ]]
	mkfifo pijp.txt
	run "$CLERK" import pijp.txt
	[ "$status" -eq 1 ]
	[ ! -e decisions ] && [ ! -e covenants ] && [ ! -e reports ]
}

@test "import: a missing converter names the Debian package to install (exit 2)" {
	records
	# A PATH with git and what tests/cli/sanitized uses, without the converters.
	mkdir bin
	for t in git mktemp ls rm cat; do
		ln -s "$(command -v "$t")" "bin/$t"
	done
	printf 'x' >stuk.docx
	printf 'x' >stuk.pdf
	PATH="$PWD/bin" run "$CLERK" import stuk.docx
	[ "$status" -eq 2 ]
	[[ "$output" == *"pandoc is needed to read this file and is not installed; install the Debian package 'pandoc' (apt-get install pandoc)"* ]]
	PATH="$PWD/bin" run "$CLERK" import stuk.pdf
	[ "$status" -eq 2 ]
	[[ "$output" == *"install the Debian package 'poppler-utils'"* ]]
}

@test "import: a file name that looks like an option is read as a file" {
	records
	cp "$FIX/overeenkomst.txt" ./--help.txt
	run "$CLERK" import --dry-run -- --help.txt
	[ "$status" -eq 0 ]
	[[ "$output" == *"title: Samenwerkingsovereenkomst gezamenlijke inkoop Dijkmeer en Zandwijk"* ]]
	cp "$FIX/raadsbesluit.txt" ./-x.txt
	make_office ./-x.txt docx ./-x.docx
	run "$CLERK" import --dry-run -- -x.docx
	[ "$status" -eq 0 ]
	[[ "$output" == *"id: 2024-031"* ]]
}

# --------------------------------------------------------- the command line

@test "import: usage errors" {
	records
	run "$CLERK" import --bogus x.txt
	[ "$status" -eq 2 ]
	[[ "$output" == *"unknown option '--bogus'; see 'clerk import --help'"* ]]
	run "$CLERK" import
	[ "$status" -eq 2 ]
	run "$CLERK" import --id 2024-001 a.txt b.txt
	[ "$status" -eq 2 ]
	run "$CLERK" import --lang fr a.txt
	[ "$status" -eq 2 ]
	run "$CLERK" import stuk.xyz
	[ "$status" -eq 1 ]
	[[ "$output" == *"clerk cannot import this kind of file"* ]]
	run "$CLERK" import --type nothing "$FIX/overeenkomst.txt"
	[ "$status" -eq 1 ]
	[[ "$output" == *"there is no record type 'nothing'"* ]]
}

@test "import: --id chooses the id; an existing file is never replaced" {
	records
	run "$CLERK" import --id COV-2024-007 "$FIX/overeenkomst.txt"
	[ "$status" -eq 0 ]
	grep -qx 'id: COV-2024-007' covenants/COV-2024-007.md
	cp covenants/COV-2024-007.md before
	run "$CLERK" import --id COV-2024-007 "$FIX/overeenkomst.txt"
	[ "$status" -eq 1 ]
	cmp before covenants/COV-2024-007.md
	run "$CLERK" import --id 'COV-2024-7' "$FIX/overeenkomst.txt"
	[ "$status" -eq 1 ]
	[[ "$output" == *"is not a valid id"* ]]
}

@test "import: --lang nl gives the checklist in Dutch" {
	records
	run "$CLERK" import --lang nl --dry-run "$FIX/overeenkomst.txt"
	[ "$status" -eq 0 ]
	[[ "$output" == *"geraden: term: P3Y"* ]]
}
