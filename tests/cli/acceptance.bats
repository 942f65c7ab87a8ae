#!/usr/bin/env bats
# Acceptance test of the record format: a record set written from
# docs/format.md alone (tests/fixtures/acceptance: two water boards,
# Brakelwaard and Lingemonde, that share the management of their pumping
# stations and sludge processing) checks clean, and each single defect
# introduced into it is reported once, with its rule, file and line.
#
# The set: COV-2024-001 (expires), COV-2025-001 (UTF-8 BOM, term
# indefinite, flow list), decisions 2024003318 and 2025004471 (unquoted
# numeric ids; 2025004471 is closed with '...' and has level-1 sections
# after a preamble) and 2025-0087 (expires + expiry-reason), reports
# RPT-2024-001 (comma-separated cites), RPT-2025-001 (CRLF) and
# RPT-2025-002 (closing report, closed with '...').

load helper

# Copies the clean record set into the current folder ($WORK).
copy_set() {
	cp -r "$REPO/tests/fixtures/acceptance/." .
}

# check_one RULE FILE:LINE STATUS: runs 'clerk check .' and asserts that
# the only diagnostic is one [RULE] at FILE:LINE and that the exit
# status is STATUS.
check_one() {
	run "$CLERK" check --as-of "$AS_OF" .
	assert_one "$1" "$2"
	assert_only_one
	if [ "$status" -ne "$3" ]; then
		echo "expected exit status $3, got $status:" >&2
		printf '%s\n' "$output" >&2
		return 1
	fi
}

# --- the clean set ---------------------------------------------------

@test "acceptance: the record set checks clean" {
	copy_set
	run "$CLERK" check --as-of "$AS_OF" .
	assert_clean
	[ "$output" = "0 errors, 0 warnings in 8 records" ]
}

@test "acceptance: the record set checks clean when given by path" {
	cd "$REPO"
	run "$CLERK" check --as-of "$AS_OF" tests/fixtures/acceptance
	assert_clean
}

@test "acceptance: the record set has the features it is meant to exercise" {
	copy_set
	# UTF-8 BOM, CRLF, '...' closings, unquoted numeric id, comma list
	[ "$(head -c 3 COV-2025-001.md | od -An -tx1 | tr -d ' ')" = efbbbf ]
	grep -q $'\r$' RPT-2025-001.md
	[ "$(sed -n 10p 2025004471.md)" = "..." ]
	[ "$(sed -n 13p RPT-2025-002.md)" = "..." ]
	grep -qx 'id: 2025004471' 2025004471.md
	grep -qx 'cites: COV-2024-001, 2025004471' RPT-2025-002.md
	grep -qx '## 3. De voortgang (maart – augustus 2024)' RPT-2024-001.md
}

# --- front matter ----------------------------------------------------

@test "defect: title with ': ' unquoted -> frontmatter-invalid" {
	copy_set
	sed -i '4s/.*/title: Instemming: gezamenlijke verwerking van zuiveringsslib/' 2025-0087.md
	check_one frontmatter-invalid 2025-0087.md:4 1
}

@test "defect: title with ': ' unquoted in the CRLF file -> frontmatter-invalid" {
	copy_set
	sed -i '4s/.*/title: Tweede voortgangsrapportage: transitie\r/' RPT-2025-001.md
	check_one frontmatter-invalid RPT-2025-001.md:4 1
}

@test "defect: value starting with @ -> frontmatter-invalid" {
	copy_set
	sed -i '4s/.*/title: @Brakelwaard aangaan samenwerking/' 2024003318.md
	check_one frontmatter-invalid 2024003318.md:4 1
}

@test "defect: closing --- removed -> frontmatter-invalid" {
	copy_set
	sed -i '13d' RPT-2024-001.md
	check_one frontmatter-invalid RPT-2024-001.md:1 1
}

@test "defect: closing ... removed -> frontmatter-invalid" {
	copy_set
	sed -i '13d' RPT-2025-002.md
	check_one frontmatter-invalid RPT-2025-002.md:1 1
}

@test "defect: front matter removed from a file mapped to a type -> frontmatter-missing" {
	copy_set
	printf 'types:\n  - path: "20*.md"\n    type: decision\n' >.clerk.yml
	run "$CLERK" check --as-of "$AS_OF" .
	assert_clean
	sed -i '1,12d' 2025-0087.md
	check_one frontmatter-missing 2025-0087.md:1 1
}

# --- type ------------------------------------------------------------

@test "defect: type removed -> type-missing" {
	copy_set
	sed -i '2d' 2024003318.md
	check_one type-missing 2024003318.md:1 1
}

@test "defect: type in Dutch (convenant) in the BOM file -> type-unknown" {
	copy_set
	sed -i '2s/.*/type: convenant/' COV-2025-001.md
	check_one type-unknown COV-2025-001.md:2 1
}

@test "defect: type voortgangsrapportage in the CRLF file -> type-unknown" {
	copy_set
	sed -i '2s/.*/type: voortgangsrapportage\r/' RPT-2025-001.md
	check_one type-unknown RPT-2025-001.md:2 1
}

# --- required fields -------------------------------------------------

@test "defect: both expires and term -> field-required" {
	copy_set
	sed -i '11a term: P4Y' COV-2024-001.md
	check_one field-required COV-2024-001.md:12 1
}

@test "defect: neither expires nor term -> field-required" {
	copy_set
	sed -i '11d' COV-2024-001.md
	check_one field-required COV-2024-001.md:1 1
}

@test "defect: expiry-reason missing while expires is set -> field-required" {
	copy_set
	sed -i '10d' 2025-0087.md
	check_one field-required 2025-0087.md:9 1
}

@test "defect: cites missing on a report -> field-required" {
	copy_set
	sed -i '12d' RPT-2024-001.md
	check_one field-required RPT-2024-001.md:1 1
}

@test "defect: authority missing in the '...' file -> field-required" {
	copy_set
	sed -i '7d' 2025004471.md
	check_one field-required 2025004471.md:1 1
}

@test "defect: period-start without period-end -> field-required" {
	copy_set
	sed -i '11d' RPT-2025-002.md
	check_one field-required RPT-2025-002.md:10 1
}

@test "defect: empty title -> field-required" {
	copy_set
	sed -i '4s/.*/title:/' 2024003318.md
	check_one field-required 2024003318.md:4 1
}

@test "defect: series removed from the CRLF report -> field-required" {
	copy_set
	sed -i '7d' RPT-2025-001.md
	check_one field-required RPT-2025-001.md:1 1
}

# --- field types -----------------------------------------------------

@test "defect: date in D-M-YYYY form -> field-type" {
	copy_set
	sed -i '5s/.*/date: 6-2-2024/' 2024003318.md
	check_one field-type 2024003318.md:5 1
}

@test "defect: term '3 jaar' -> field-type" {
	copy_set
	sed -i '9s/.*/term: 3 jaar/' COV-2025-001.md
	check_one field-type COV-2025-001.md:9 1
}

@test "defect: a YAML list where a date is expected -> field-type" {
	copy_set
	sed -i '10s/.*/effective: [2024-03-01, 2024-04-01]/' COV-2024-001.md
	check_one field-type COV-2024-001.md:10 1
}

@test "defect: sequence written in words -> field-type" {
	copy_set
	sed -i '8s/.*/sequence: een/' RPT-2024-001.md
	check_one field-type RPT-2024-001.md:8 1
}

@test "defect: sequence 0 in the CRLF file -> field-type" {
	copy_set
	sed -i '8s/.*/sequence: 0\r/' RPT-2025-001.md
	check_one field-type RPT-2025-001.md:8 1
}

@test "defect: reporting 'halfjaarlijks' -> field-type" {
	copy_set
	sed -i '12s/.*/reporting: halfjaarlijks/' COV-2024-001.md
	check_one field-type COV-2024-001.md:12 1
}

# --- patterns of references -----------------------------------------

@test "defect: adopted-by 'besluit 12' -> ref-unresolved" {
	copy_set
	sed -i '13s/.*/adopted-by: besluit 12/' COV-2024-001.md
	check_one ref-unresolved COV-2024-001.md:13 1
}

@test "defect: a description in a comma-separated cites -> ref-unresolved" {
	copy_set
	sed -i '12s/.*/cites: "COV-2024-001, besluit 2024003318"/' RPT-2024-001.md
	check_one ref-unresolved RPT-2024-001.md:12 1
}

@test "defect: a wrong item in a block cites list (CRLF) -> ref-unresolved" {
	copy_set
	sed -i '14s/.*/  - rapportage 1\r/' RPT-2025-001.md
	check_one ref-unresolved RPT-2025-001.md:14 1
}

@test "defect: supersedes with a malformed covenant id -> ref-unresolved" {
	copy_set
	sed -i '11a supersedes: COV-2024-1' COV-2025-001.md
	check_one ref-unresolved COV-2025-001.md:12 1
}

# --- enumerations ----------------------------------------------------

@test "defect: decision status in Dutch (vastgesteld) -> field-enum" {
	copy_set
	sed -i '6s/.*/status: vastgesteld/' 2024003318.md
	check_one field-enum 2024003318.md:6 1
}

@test "defect: covenant status 'actief' in the BOM file -> field-enum" {
	copy_set
	sed -i '6s/.*/status: actief/' COV-2025-001.md
	check_one field-enum COV-2025-001.md:6 1
}

@test "defect: report status 'definitief' in the CRLF file -> field-enum" {
	copy_set
	sed -i '6s/.*/status: definitief\r/' RPT-2025-001.md
	check_one field-enum RPT-2025-001.md:6 1
}

@test "defect: kind 'eind' -> field-enum" {
	copy_set
	sed -i '9s/.*/kind: eind/' RPT-2025-002.md
	check_one field-enum RPT-2025-002.md:9 1
}

@test "defect: expiry-reason in Dutch (tijdelijk) -> field-enum" {
	copy_set
	sed -i '10s/.*/expiry-reason: tijdelijk/' 2025-0087.md
	check_one field-enum 2025-0087.md:10 1
}

# --- list sizes ------------------------------------------------------

@test "defect: one party only (block list) -> field-items" {
	copy_set
	sed -i '9d' COV-2024-001.md
	check_one field-items COV-2024-001.md:8 1
}

@test "defect: one party only (flow list, BOM file) -> field-items" {
	copy_set
	sed -i '7s/.*/parties: [Waterschap Brakelwaard]/' COV-2025-001.md
	check_one field-items COV-2025-001.md:7 1
}

# --- unknown fields --------------------------------------------------

@test "defect: misspelt field reportng -> field-unknown" {
	copy_set
	sed -i '12s/^reporting:/reportng:/' COV-2024-001.md
	check_one field-unknown COV-2024-001.md:12 0
}

@test "defect: Dutch field name publicatie -> field-unknown" {
	copy_set
	sed -i '11s/^publication:/publicatie:/' 2025-0087.md
	check_one field-unknown 2025-0087.md:11 0
}

@test "defect: extra field auteur before '...' -> field-unknown" {
	copy_set
	sed -i '12a auteur: Afdeling Watersystemen' RPT-2025-002.md
	check_one field-unknown RPT-2025-002.md:13 0
}

# --- dates -----------------------------------------------------------

@test "defect: date 2025-02-29 in the BOM file -> date-invalid" {
	copy_set
	sed -i '5s/.*/date: 2025-02-29/' COV-2025-001.md
	check_one date-invalid COV-2025-001.md:5 1
}

@test "defect: effective 2024-04-31 -> date-invalid" {
	copy_set
	sed -i '8s/.*/effective: 2024-04-31/' 2024003318.md
	check_one date-invalid 2024003318.md:8 1
}

@test "defect: period-end 2025-06-31 -> date-invalid" {
	copy_set
	sed -i '11s/.*/period-end: 2025-06-31/' RPT-2025-002.md
	check_one date-invalid RPT-2025-002.md:11 1
}

@test "defect: covenant expires before effective -> date-order" {
	copy_set
	sed -i '11s/.*/expires: 2023-12-31/' COV-2024-001.md
	check_one date-order COV-2024-001.md:11 1
}

@test "defect: decision expires before effective -> date-order" {
	copy_set
	sed -i '9s/.*/expires: 2025-03-31/' 2025-0087.md
	check_one date-order 2025-0087.md:9 1
}

@test "defect: publication before date -> date-order" {
	copy_set
	sed -i '11s/.*/publication: 2025-02-04/' 2025-0087.md
	check_one date-order 2025-0087.md:11 1
}

@test "defect: period-end after the report date -> date-order" {
	copy_set
	sed -i '10s/.*/period-end: 2024-09-30/' RPT-2024-001.md
	# constraint period-end <= date, reported on the later field (date)
	check_one date-order RPT-2024-001.md:5 1
}

@test "defect: period-start after period-end -> date-order" {
	copy_set
	sed -i '10s/.*/period-start: 2025-09-01/' RPT-2025-002.md
	check_one date-order RPT-2025-002.md:11 1
}

@test "defect: next-report before date in the CRLF file -> date-order" {
	copy_set
	sed -i '11s/.*/next-report: 2025-03-01\r/' RPT-2025-001.md
	check_one date-order RPT-2025-001.md:11 1
}

# --- ids and file names ---------------------------------------------

@test "defect: covenant id of the wrong form (file renamed with it) -> id-pattern" {
	copy_set
	sed -i '3s/.*/id: COV-2024-1/' COV-2024-001.md
	mv COV-2024-001.md COV-2024-1.md
	check_one id-pattern COV-2024-1.md:3 1
}

@test "defect: decision id with a two-digit year -> id-pattern" {
	copy_set
	sed -i '3s/.*/id: 25-0087/' 2025-0087.md
	mv 2025-0087.md 25-0087.md
	check_one id-pattern 25-0087.md:3 1
}

@test "defect: report id with a two-digit number (CRLF) -> id-pattern" {
	copy_set
	sed -i '3s/.*/id: RPT-2025-01\r/' RPT-2025-001.md
	mv RPT-2025-001.md RPT-2025-01.md
	check_one id-pattern RPT-2025-01.md:3 1
}

@test "defect: report file renamed -> file-name" {
	copy_set
	mv RPT-2024-001.md voortgang-1.md
	check_one file-name voortgang-1.md:3 0
}

@test "defect: decision file renamed with a hyphen -> file-name" {
	copy_set
	mv 2025004471.md 2025-004471.md
	check_one file-name 2025-004471.md:3 0
}

# --- sections --------------------------------------------------------

@test "defect: Afspraken removed from a covenant -> section-required" {
	copy_set
	sed -i '29,40d' COV-2024-001.md
	check_one section-required COV-2024-001.md:29 1
}

@test "defect: Opzegging removed from an indefinite covenant -> section-required" {
	copy_set
	sed -i '41,45d' COV-2025-001.md
	check_one section-required COV-2025-001.md:41 1
}

@test "defect: Evaluatie removed from a closing report -> section-required" {
	copy_set
	sed -i '34,38d' RPT-2025-002.md
	check_one section-required RPT-2025-002.md:34 1
}

@test "defect: Besluit removed from a decision with level-1 sections -> section-required" {
	copy_set
	sed -i '20,24d' 2025004471.md
	check_one section-required 2025004471.md:20 1
}

@test "defect: Risico's removed from the CRLF progress report -> section-recommended" {
	copy_set
	sed -i '34,37d' RPT-2025-001.md
	check_one section-recommended RPT-2025-001.md:34 0
}

@test "defect: Risico's and Financiën swapped -> section-order" {
	copy_set
	sed -i -e '36s/.*/## 4. De financiën/' -e "40s/.*/## 5. De risico's/" RPT-2024-001.md
	check_one section-order RPT-2024-001.md:40 0
}

@test "defect: Looptijd and Evaluatie swapped -> section-order" {
	copy_set
	sed -i -e '46s/.*/## 5. Evaluatie/' -e '50s/.*/## 6. Looptijd/' COV-2024-001.md
	check_one section-order COV-2024-001.md:50 0
}

@test "defect: Toelichting before the decision -> section-order" {
	copy_set
	# the whole Toelichting section moved up, text and all
	{
		sed -n '1,19p' 2024003318.md
		echo '## 2. Toelichting'
		sed -n '28,30p' 2024003318.md
		echo
		echo '## 3. Het college van dijkgraaf en heemraden besluit'
		sed -n '21,25p' 2024003318.md
	} >moved.tmp
	mv moved.tmp 2024003318.md
	check_one section-order 2024003318.md:25 0
}

@test "defect: last section emptied -> section-empty" {
	copy_set
	sed -i '29,30d' 2024003318.md
	check_one section-empty 2024003318.md:27 0
}

@test "defect: optional section emptied -> section-empty" {
	copy_set
	sed -i '24,25d' RPT-2024-001.md
	check_one section-empty RPT-2024-001.md:22 0
}

@test "defect: section emptied in the CRLF file -> section-empty" {
	copy_set
	sed -i '31,32d' RPT-2025-001.md
	check_one section-empty RPT-2025-001.md:29 0
}

@test "defect: section emptied in the BOM file -> section-empty" {
	copy_set
	sed -i '48d' COV-2025-001.md
	check_one section-empty COV-2025-001.md:46 0
}

@test "defect: Financiën duplicated -> section-duplicate" {
	copy_set
	sed -i '43a ## Financiën\n\nDe verrekening met Lingemonde volgt in oktober.\n' RPT-2024-001.md
	check_one section-duplicate RPT-2024-001.md:44 0
}

@test "defect: Besluit duplicated -> section-duplicate" {
	copy_set
	sed -i '26a ## Besluit\n\n4. de dijkgraaf te machtigen de overeenkomst te ondertekenen.\n' 2025-0087.md
	check_one section-duplicate 2025-0087.md:27 0
}

@test "defect: level-1 Overwegingen duplicated in the '...' file -> section-duplicate" {
	copy_set
	sed -i '19a # Overwegingen\n\nHet algemeen bestuur is op 27 mei 2025 gehoord.\n' 2025004471.md
	check_one section-duplicate 2025004471.md:20 0
}

# --- decision headings of other governing bodies --------------------

# format.md: the Decision section accepts "headings such as 'Het college
# besluit', 'De raad besluit', 'De burgemeester besluit'". A water board's
# dagelijks bestuur or algemeen bestuur decides in the same way.
@test "heading 'Het dagelijks bestuur besluit' is the Decision section" {
	copy_set
	sed -i '20s/.*/## 2. Het dagelijks bestuur besluit/' 2024003318.md
	sed -i '21s/.*/## Het algemeen bestuur besluit/' 2025-0087.md
	run "$CLERK" check --as-of "$AS_OF" .
	assert_clean
}

# --- the set as a whole ----------------------------------------------

@test "defect: a report cites an id that no record has -> ref-unresolved" {
	copy_set
	sed -i '14s/.*/  - RPT-2024-009\r/' RPT-2025-001.md
	check_one ref-unresolved RPT-2025-001.md:14 1
}

@test "defect: a report cites an agreement signed after it -> ref-date" {
	copy_set
	sed -i '12s/.*/cites: "COV-2024-001, COV-2025-001, 2024003318"/' RPT-2024-001.md
	check_one ref-date RPT-2024-001.md:12 1
}

@test "defect: a decision number used twice -> id-duplicate on both files" {
	copy_set
	mkdir kopie
	cp 2024003318.md kopie/2024003318.md
	run "$CLERK" check --as-of "$AS_OF" .
	[ "$(printf '%s\n' "$output" | grep -c '\]$')" -eq 2 ]
	printf '%s\n' "$output" | grep -q '^2024003318.md:3:.*kopie/2024003318.md.*\[id-duplicate\]$'
	printf '%s\n' "$output" | grep -q '^kopie/2024003318.md:3:.*\[id-duplicate\]$'
}

@test "defect: a report missing from the series -> series-gap" {
	copy_set
	rm RPT-2025-001.md
	check_one series-gap RPT-2025-002.md:8 0
}

@test "defect: an agreement left unreported past its interval -> agreement-overdue" {
	copy_set
	sed -i 's/^reporting: P6M/reporting: P1M/' COV-2024-001.md
	check_one agreement-overdue COV-2024-001.md:12 0
}

@test "defect: a report cited from a broken link -> link-broken" {
	copy_set
	printf '\nZie ook de [derde rapportage](RPT-2025-03.md).\n' >>2025004471.md
	check_one link-broken "2025004471.md:$(wc -l <2025004471.md)" 1
}
