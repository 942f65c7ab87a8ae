#!/usr/bin/env bats
# The whole-set stage: references, reporting and series over a small set
# (tests/fixtures/set, clean at --as-of 2025-12-31). Each case changes one
# thing and expects one finding, or none.

load helper

copy_set() {
	cp -r "$REPO/tests/fixtures/set/." .
}

check_only() {
	run "$CLERK" check --as-of "$AS_OF" .
	assert_one "$1" "$2"
	assert_only_one
}

@test "set: the clean set checks clean (a series starting at 3, a covenant without reporting)" {
	copy_set
	run "$CLERK" check --as-of "$AS_OF" .
	assert_clean
	[ "$output" = "0 errors, 0 warnings in 8 records" ]
}

@test "set: a record superseded after the citation is fine; before it, ref-inactive" {
	copy_set
	run "$CLERK" check --as-of "$AS_OF" .
	assert_clean
	sed -i 's/^date: 2022-06-01/date: 2023-03-01/' RPT-2022-001.md
	check_only ref-inactive RPT-2022-001.md:10
	[[ "$output" == *"'COV-2020-010' was replaced by COV-2023-010"* ]]
}

@test "set: an end that follows from effective + term makes a later citation ref-inactive" {
	copy_set
	sed -i 's/^date: 2022-06-01/date: 2024-08-01/' RPT-2022-001.md
	sed -i 's/^  - COV-2020-010$/  - COV-2023-010/' RPT-2022-001.md
	printf 'rules:\n  id-year: off\n' >.clerk.yml # the id keeps its year; not the point here
	check_only ref-inactive RPT-2022-001.md:11
	[[ "$output" == *"'COV-2021-002' ended on 2024-07-01"* ]]
}

@test "set: a term-based end in the past with status active is agreement-expired" {
	copy_set
	sed -i 's/^status: expired/status: active/' COV-2021-002.md
	check_only agreement-expired COV-2021-002.md:11
}

@test "set: a covenant with reporting and no report is agreement-unreported; without, silent" {
	copy_set
	sed -i 's/^expires: 2029-12-31/expires: 2029-12-31\nreporting: P1Y/' COV-2023-010.md
	check_only agreement-unreported COV-2023-010.md:12
	[[ "$output" == *"must be reported every year, but no report cites it"* ]]
	sed -i 's/^reporting: P1Y/reporting: P2Y/' COV-2023-010.md
	check_only agreement-unreported COV-2023-010.md:12
	[[ "$output" == *"must be reported every 2 years,"* ]]
}

@test "set: the newest report older than the interval is agreement-overdue" {
	copy_set
	sed -i 's/^reporting: P1Y/reporting: P3M/' COV-2023-011.md
	check_only agreement-overdue COV-2023-011.md:12
	[[ "$output" == *"RPT-2025-004"*"2025-09-01"*"2025-12-01"* ]]
	[[ "$output" == *"must be reported every 3 months;"* ]]
	[[ "$output" != *"P3M"* ]]
}

@test "set: a broken front matter in a report gives one finding, no cascade" {
	copy_set
	sed -i 's/^title: .*/title: Vierde rapportage: beheer gemalen/' RPT-2025-004.md
	check_only frontmatter-invalid RPT-2025-004.md:4
}

@test "set: a broken front matter in a cited decision gives one finding, no cascade" {
	copy_set
	sed -i 's/^title: .*/title: Besluit: beheer gemalen/' 2023-031.md
	check_only frontmatter-invalid 2023-031.md:4
}

@test "set: a ref that matches no id pattern is ref-unresolved only" {
	copy_set
	sed -i 's/^adopted-by: 2023-031/adopted-by: besluit 31/' COV-2023-011.md
	check_only ref-unresolved COV-2023-011.md:13
	[[ "$output" == *"not written like the id of a decision"* ]]
}

@test "set: an unknown id of the right form suggests the nearest" {
	copy_set
	sed -i 's/^  - COV-2023-011$/  - COV-2023-111/' RPT-2025-003.md
	check_only ref-unresolved RPT-2025-003.md:10
	[[ "$output" == *"did you mean COV-2023-011?"* ]]
}

@test "set: a ref to a record of the wrong type is ref-type only" {
	copy_set
	sed -i 's/^adopted-by: 2023-031/adopted-by: RPT-2025-003/' COV-2023-011.md
	check_only ref-type COV-2023-011.md:13
	[[ "$output" == *"must name a decision, but 'RPT-2025-003' is a progress report"* ]]
}

@test "set: a covenant whose own id breaks its pattern: id-pattern, its citers nothing" {
	copy_set
	sed -i 's/^id: COV-2023-011/id: COV-2023-11/' COV-2023-011.md
	run "$CLERK" check --as-of "$AS_OF" .
	assert_one id-pattern COV-2023-011.md:3
	[ "$(printf '%s\n' "$output" | grep -c 'ref-unresolved')" -eq 0 ]
}

@test "set: two reports with one number are series-duplicate on each" {
	copy_set
	sed -i 's/^sequence: 4/sequence: 3/' RPT-2025-004.md
	run "$CLERK" check --as-of "$AS_OF" .
	[ "$(printf '%s\n' "$output" | grep -c '\]$')" -eq 2 ]
	printf '%s\n' "$output" | grep -q '^RPT-2025-003.md:8:.*RPT-2025-004.md.*\[series-duplicate\]$'
	printf '%s\n' "$output" | grep -q '^RPT-2025-004.md:8:.*RPT-2025-003.md.*\[series-duplicate\]$'
}

@test "set: a gap is reported once on the report after it" {
	copy_set
	sed -i 's/^sequence: 4/sequence: 6/' RPT-2025-004.md
	check_only series-gap RPT-2025-004.md:8
	[[ "$output" == *"reports 4 to 5"* ]]
}

@test "set: a higher number dated before a lower one is series-order" {
	copy_set
	sed -i 's/^date: 2025-09-01/date: 2025-02-01/' RPT-2025-004.md
	check_only series-order RPT-2025-004.md:5
}

@test "set: a next-report date before the as-of date is report-overdue" {
	copy_set
	run "$CLERK" check --as-of 2026-03-02 .
	assert_one report-overdue RPT-2025-004.md:11
	assert_only_one
}

@test "set: severities apply after all rules; switching one off changes no other" {
	copy_set
	sed -i 's/^sequence: 3/sequence: drie/' RPT-2025-003.md
	printf 'rules:\n  field-type: off\n' | write .clerk.yml
	run "$CLERK" check --as-of "$AS_OF" .
	assert_clean
}

@test "set: a named file that the configuration excludes is reported on stderr and counted" {
	copy_set
	printf 'exclude:\n  - "RPT-2022-*"\n' | write .clerk.yml
	run "$CLERK" check --as-of "$AS_OF" RPT-2022-001.md RPT-2025-003.md
	[[ "$output" == *"clerk: RPT-2022-001.md: not checked: the configuration excludes it"* ]]
	[[ "$output" == *"(1 named file excluded)"* ]]
}

@test "set: an organisation's own schema uses the rules on its own field names" {
	mkdir schemas
	cat >schemas/afspraak.yml <<'EOS'
name: afspraak
id:
  field: nummer
  pattern: '^A\d{3}$'
fields:
  titel: {type: string, required: true}
  datum: {type: date, required: true}
  staat: {type: enum, values: [lopend, beeindigd]}
  tot: {type: date}
  verslag: {type: duration}
lifecycle:
  status: staat
  date: datum
  in-force: [lopend]
  ended: [beeindigd]
  end: tot
reporting:
  interval: verslag
EOS
	printf 'schemas: schemas\n' | write .clerk.yml
	printf -- '---\ntype: afspraak\nnummer: A001\ntitel: Groenbeheer\ndatum: 2020-01-01\nstaat: lopend\ntot: 2024-12-31\n---\nTekst.\n' | write A001.md
	check_only agreement-expired A001.md:7
}

@test "set: checking some files loads the whole set but reports only on them" {
	copy_set
	sed -i 's/^reporting: P1Y/reporting: P3M/' COV-2023-011.md
	sed -i 's/^sequence: 4/sequence: 6/' RPT-2025-004.md
	mkdir -p sub && cd sub
	# From another folder, naming one file: its references resolve against
	# the whole set, and the findings in other files are not shown.
	run "$CLERK" check --as-of "$AS_OF" ../RPT-2025-003.md
	assert_clean
	run "$CLERK" check --as-of "$AS_OF" ../RPT-2025-004.md
	assert_one series-gap ../RPT-2025-004.md:8
	assert_only_one
	run "$CLERK" check --as-of "$AS_OF" ../RPT-2025-004.md ../COV-2023-011.md
	assert_one series-gap ../RPT-2025-004.md:8
	assert_one agreement-overdue ../COV-2023-011.md:12
}

@test "set: checking some files finds .clerk.yml from the files, not from the current folder" {
	mkdir set && (cd set && copy_set)
	printf 'rules:\n  series-gap: off\n' | write set/.clerk.yml
	sed -i 's/^sequence: 4/sequence: 6/' set/RPT-2025-004.md
	run "$CLERK" check --as-of "$AS_OF" set/RPT-2025-004.md
	assert_clean
}

@test "show: a record's fields, references (or not found) and backlinks by field" {
	copy_set
	sed -i 's/^  - COV-2021-002$/  - COV-2021-009/' RPT-2022-001.md
	run "$CLERK" show COV-2020-010
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "COV-2020-010 (covenant) COV-2020-010.md" ]
	printf '%s\n' "$output" | grep -qx '  status: superseded'
	printf '%s\n' "$output" | grep -qx '  supersedes: COV-2023-010 "Onderhoud van bermen en sloten" (COV-2023-010.md)'
	printf '%s\n' "$output" | grep -qx '  cites: RPT-2022-001 "Rapportage bermbeheer" (RPT-2022-001.md)'
	run "$CLERK" show RPT-2022-001
	printf '%s\n' "$output" | grep -qx '  cites: COV-2021-009 (not found)'
	run "$CLERK" show COV-2099-001
	[ "$status" -eq 1 ]
	[[ "$output" == *"no record has the id 'COV-2099-001'"* ]]
}

@test "never skipped: fields at the top without '---' are frontmatter-missing" {
	valid_decision | sed '1d' | write 2024-017.md
	printf '# Leesmij\n\nTekst: iets.\n' | write README.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_one frontmatter-missing 2024-017.md:1
	assert_only_one
	[[ "$output" == *"'type: decision'"* ]]
	[[ "$output" == *"in 1 record"* ]]
}

@test "never skipped: a file named without front matter is frontmatter-missing" {
	printf '# Besluit\n\nGeen velden.\n' | write 2024-017.md
	run "$CLERK" check --as-of "$AS_OF" 2024-017.md
	assert_one frontmatter-missing 2024-017.md:1
	[ "$status" -eq 1 ]
}

@test "set: did you mean never offers an id that the same field names already" {
	copy_set
	sed -i 's/^  - COV-2023-011$/  - COV-2023-011\n  - COV-2023-111/' RPT-2025-003.md
	check_only ref-unresolved RPT-2025-003.md:11
	[[ "$output" != *"did you mean COV-2023-011"* ]]
	[[ "$output" == *"did you mean COV-2023-010?"* ]]
}

@test "set: a link to a record no field names is ref-undeclared, naming the field that fits" {
	copy_set
	run "$CLERK" check --as-of "$AS_OF" .
	assert_clean
	printf '\nZie ook [de rapportage](RPT-2025-004.md).\n' >>RPT-2025-003.md
	check_only ref-undeclared RPT-2025-003.md:30
	[[ "$output" == *"add 'RPT-2025-004' to the field 'cites'"* ]]
	# a decision may name a covenant in cites and in approves (for one signed
	# later): the field for what existed already is the one named
	printf '\nZie [de overeenkomst](COV-2020-010.md).\n' >>2023-031.md
	run "$CLERK" check --as-of "$AS_OF" 2023-031.md
	assert_one ref-undeclared 2023-031.md:15
	[[ "$output" == *"add 'COV-2020-010' to the field 'cites'"* ]]
}

@test "set: did you mean never offers the citing record's own id" {
	copy_set
	# COV-2023-011 cites COV-2023-911, which does not exist; the nearest id is its own
	sed -i 's/^adopted-by: 2023-031$/adopted-by: 2023-031\ncites: [COV-2023-911]/' COV-2023-011.md
	run "$CLERK" check --as-of "$AS_OF" .
	assert_one ref-unresolved COV-2023-011.md:14
	[[ "$output" != *"did you mean COV-2023-011"* ]]
	[[ "$output" == *"did you mean COV-2023-010?"* ]]
}
