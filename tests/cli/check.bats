#!/usr/bin/env bats
# clerk check as a program: discovery, loading edge cases, output, exit codes.

bats_require_minimum_version 1.5.0
load helper

@test "a clean record: no findings, summary line, exit 0" {
	valid_decision | write 2024-017.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
	[ "$output" = "0 errors, 0 warnings in 1 record" ]
}

@test "--quiet leaves out the summary line" {
	valid_decision | write 2024-017.md
	run "$CLERK" check --as-of "$AS_OF" --quiet
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}

@test "the default path is the current folder; paths are printed from the current folder" {
	mkdir -p a/b
	valid_decision 2024-018 | write a/b/2024-017.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_one file-name a/b/2024-017.md:3
	run "$CLERK" check --as-of "$AS_OF" a
	assert_one file-name a/b/2024-017.md:3
	# However the path is written, one file is always shown the same way.
	run "$CLERK" check --as-of "$AS_OF" ./a/
	assert_one file-name a/b/2024-017.md:3
	run "$CLERK" check --as-of "$AS_OF" "$PWD/a"
	assert_one file-name a/b/2024-017.md:3
}

@test "Markdown files without front matter are not records and are skipped" {
	printf '# Lees mij\n\nGeen record.\n' | write README.md
	valid_decision | write 2024-017.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
	[ "$output" = "0 errors, 0 warnings in 1 record" ]
}

@test "only .md files are read; hidden folders such as .git are skipped" {
	valid_decision 2024-999 | write notes.txt
	valid_decision 2024-999 | write .git/x.md
	valid_decision 2024-999 | write .github/x.md
	valid_decision | write 2024-017.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
}

@test "a file named on the command line is checked whatever its extension" {
	valid_decision 2024-018 | write notes.txt
	run "$CLERK" check --as-of "$AS_OF" notes.txt
	assert_one file-name notes.txt:3
}

@test "findings are sorted by path, line, column and rule" {
	valid_decision | sed 's/^status: adopted/status: klaar/; s/^date: .*/date: 2024-02-30/' | write b.md
	valid_decision | sed 's/^id: .*/id: x/' | write a.md
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 1 ]
	diff - <(printf '%s\n' "$output" | grep '\]$') <<'EOT'
a.md:3:5: error: 'x' is not a valid id for a decision; ids look like '2024-017' [id-pattern]
b.md:3:5: warning: the file is named 'b.md', but a decision with id '2024-017' belongs in a file named '2024-017.md' [file-name]
b.md:5:7: error: field 'date': '2024-02-30' is not a real date: February 2024 has only 29 days [date-invalid]
b.md:6:9: error: field 'status' is 'klaar', which is not allowed; use draft, adopted, withdrawn or expired [field-enum]
EOT
	[ "${lines[-1]}" = "3 errors, 1 warning in 2 records" ]
}

@test "warnings alone exit 0" {
	valid_decision | write wrong-name.md
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	assert_one file-name wrong-name.md:3
}

@test "a UTF-8 byte order mark is accepted and lines stay right" {
	{ printf '\357\273\277'; valid_decision | sed 's/^status: .*/status: klaar/'; } | write 2024-017.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_one field-enum 2024-017.md:6
}

@test "CRLF line endings are accepted and lines stay right" {
	valid_decision | sed 's/^status: .*/status: klaar/' | sed 's/$/\r/' | write 2024-017.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_one field-enum 2024-017.md:6
	valid_decision | sed 's/$/\r/' | write 2024-017.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
}

@test "front matter may be closed with '...'" {
	valid_decision | awk 'NR == 8 { print "..."; next } { print }' | write 2024-017.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
}

@test "an unclosed front matter is reported on line 1" {
	valid_decision | awk 'NR != 8' | write 2024-017.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_one frontmatter-invalid 2024-017.md:1
	[ "$status" -eq 1 ]
}

@test "a YAML error points at the file line libyaml reports" {
	valid_decision | sed 's/^title: .*/title: Besluit: mandaat/' | write 2024-017.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_one frontmatter-invalid 2024-017.md:4
	[[ "$output" == *"must be put in straight quotes"* ]]
}

@test "front matter that is not a mapping, or empty, is invalid" {
	printf -- '---\n- a\n- b\n---\n# T\n' | write a.md
	printf -- '---\n---\n# T\n' | write b.md
	printf -- '---\njust text\n---\n# T\n' | write c.md
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 1 ]
	[ "$(printf '%s\n' "$output" | grep -c '\[frontmatter-invalid\]$')" -eq 3 ]
	printf '%s\n' "$output" | grep -q '^a.md:2:1: '
	printf '%s\n' "$output" | grep -q '^b.md:1:1: '
	printf '%s\n' "$output" | grep -q '^c.md:2:1: '
}

@test "a field given twice is reported at its second line" {
	valid_decision | sed 's/^date: 2024-03-12/date: 2024-03-12\ndate: 2024-03-13/' | write 2024-017.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_one frontmatter-invalid 2024-017.md:6
	[[ "$output" == *"field 'date' is given twice (first on line 5)"* ]]
}

@test "values keep the text that was written: ids, versions, leading zeros" {
	valid_decision 2016009542 | write 2016009542.md
	valid_decision 0042-001 | write 0042-001.md
	printf 'rules:\n  id-year: off\n' >.clerk.yml # the years are not the point here
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
}

@test "a bad document never stops the run: every other file is still checked" {
	printf '\377\376 not text at all \000\001' | write 2024-001.md
	printf -- '---\ntype: [\n---\n' | write 2024-002.md
	printf -- '---\n' | write 2024-003.md
	valid_decision 2024-004 | sed 's/^status: .*/status: klaar/' | write 2024-004.md
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 1 ]
	assert_one field-enum 2024-004.md:6
	printf '%s\n' "$output" | grep -q '^2024-002.md:.*\[frontmatter-invalid\]$'
	printf '%s\n' "$output" | grep -q '^2024-003.md:1:1: .*\[frontmatter-invalid\]$'
}

@test "invalid UTF-8 in the front matter is a frontmatter-invalid finding" {
	valid_decision | sed 's/^title: .*/title: Caf\xe9 de Kolk/' | write 2024-017.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_one frontmatter-invalid 2024-017.md:4
	[[ "$output" == *"not valid UTF-8"* ]]
}

@test "pathological input: deep nesting, a huge file, a long line" {
	{ printf -- '---\ntype: decision\nx: '; for i in $(seq 5000); do printf '['; done; printf '\n---\n'; } | write a.md
	{ valid_decision 2024-018; for i in $(seq 20000); do printf '## Kop %d\n\ntekst\n\n' "$i"; done; } | write 2024-018.md
	{ valid_decision 2024-019; head -c 2000000 /dev/zero | tr '\0' 'x'; echo; } | write 2024-019.md
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 1 ]
	printf '%s\n' "$output" | grep -q '^a.md:.*\[frontmatter-invalid\]$'
	[ "${lines[-1]}" = "1 error, 0 warnings in 3 records" ]
}

@test "an unreadable or missing path is exit 2, and the others are still checked" {
	valid_decision | sed 's/^status: .*/status: klaar/' | write 2024-017.md
	run --separate-stderr "$CLERK" check --as-of "$AS_OF" missing.md 2024-017.md
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"clerk: missing.md: No such file or directory"* ]]
	assert_one field-enum 2024-017.md:6
}

@test "an unreadable folder is exit 2" {
	[ "$(id -u)" -ne 0 ] || skip "root can read every folder"
	mkdir locked && chmod 000 locked
	run "$CLERK" check --as-of "$AS_OF"
	chmod 755 locked
	[ "$status" -eq 2 ]
}

@test "clerk check never writes a file" {
	valid_decision | sed 's/^status: .*/status: klaar/' | write 2024-017.md
	valid_decision | write wrong.md
	before=$(find . -exec stat -c '%n %s %Y' {} + | sort)
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 1 ]
	[ "$before" = "$(find . -exec stat -c '%n %s %Y' {} + | sort)" ]
}

@test "exclude globs in .clerk.yml skip files and folders" {
	valid_decision | sed 's/^status: .*/status: klaar/' | write concepten/2024-017.md
	valid_decision | sed 's/^status: .*/status: klaar/' | write oud/x/2024-017.md
	valid_decision | write 2024-017.md
	printf 'exclude:\n  - concepten\n  - "oud/**"\n' | write .clerk.yml
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
	[ "$output" = "0 errors, 0 warnings in 1 record" ]
}

@test "the configuration is found by walking up from the current folder" {
	valid_decision | write sub/2024-017.md
	printf 'rules:\n  file-name: off\n' | write .clerk.yml
	valid_decision 2024-018 | write sub/wrong.md
	cd sub
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
}

@test "--as-of takes a date; a bad one is a usage error" {
	valid_decision | write 2024-017.md
	run "$CLERK" check --as-of "$AS_OF" --as-of 2025-01-01
	assert_clean
	run "$CLERK" check --as-of "$AS_OF" --as-of 2025-02-29
	[ "$status" -eq 2 ]
	[[ "$output" == *"--as-of needs a real date"* ]]
}

@test "usage errors exit 2: unknown command, option, format" {
	run "$CLERK" frobnicate
	[ "$status" -eq 2 ]
	run "$CLERK" check --as-of "$AS_OF" --frobnicate
	[ "$status" -eq 2 ]
	run "$CLERK" check --as-of "$AS_OF" --format xml
	[ "$status" -eq 2 ]
	[[ "$output" == *"unknown output format 'xml'"* ]]
}

@test "clerk rules lists the catalogue: name, severity, summary" {
	run "$CLERK" rules
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq "$(grep -c '^RULE(' "$REPO/src/rules.def")" ]
	[[ "${lines[0]}" == "frontmatter-missing"*"error"* ]]
	printf '%s\n' "$output" | grep -q '^field-unknown  *warning  *'
}

@test "help and version" {
	run "$CLERK" help
	[ "$status" -eq 0 ]
	[[ "$output" == *"check"* ]]
	run "$CLERK" --version
	[[ "$output" == "clerk "* ]]
}

# ------------------------------------------------------- review findings

# A progress report with all its sections, for the section tests below.
valid_report() {
	cat <<EOT
---
type: progress-report
id: RPT-2024-001
title: Eerste voortgangsrapportage
date: 2024-06-01
status: final
series: samenwerking
sequence: 1
cites: [COV-2023-001]
---
# Eerste voortgangsrapportage

## 1. Inleiding

Tekst.

## 2. Voortgang

Tekst.

## 3. Risico's

Tekst.

## 4. Financiën

Tekst.

## 5. Tot slot

Tekst.
EOT
}

@test "one section moved to the front is reported once, next to where it belongs" {
	valid_report | awk '/^## 1\./ { print "## 5. Tot slot\n\nTekst.\n" } /^## 5\./ { exit } { print }' | write RPT-2024-001.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_one section-order RPT-2024-001.md:13
	[[ "$output" == *"'5. Tot slot' (Conclusion) should come after the section '4. Financiën' (Finances) on line 29"* ]]
}

@test "two swapped sections: the later one is reported" {
	valid_report | sed 's/^## 3. Risico.s$/## X/; s/^## 4. Financiën$/## 3. Risico'"'"'s/; s/^## X$/## 4. Financiën/' | write RPT-2024-001.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_one section-order RPT-2024-001.md:25
}

@test "sections at level 1 when the body is a series of level-1 headings" {
	# About sections alone: the covenant the report cites is not in the set.
	printf 'rules:\n  ref-unresolved: off\n' | write .clerk.yml
	valid_report | sed 's/^## /# /; /^# Eerste/,+1d' | write RPT-2024-001.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
}

@test "an appendix at level 1 after level-2 sections is not a section" {
	# About sections alone: the covenant the report cites is not in the set.
	printf 'rules:\n  ref-unresolved: off\n' | write .clerk.yml
	{ valid_report; printf '\n# Bijlage\n\nEen tabel.\n'; } | write RPT-2024-001.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
}

@test "a title after an opening paragraph still has level-2 sections" {
	# About sections alone: the covenant the report cites is not in the set.
	printf 'rules:\n  ref-unresolved: off\n' | write .clerk.yml
	valid_report | sed 's/^# Eerste voortgangsrapportage$/Vooraf een zin.\n\n# Eerste voortgangsrapportage/' | write RPT-2024-001.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
}

@test "'Toelichting op het besluit' is the explanation, not a second decision" {
	valid_decision | sed 's/^1. het mandaatregister.*/&\n\n## Toelichting op het besluit\n\nUitleg./' | write 2024-017.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
}

@test "any governing body followed by 'besluit' is the decision section" {
	valid_decision | sed 's/^## Besluit$/## Het dagelijks bestuur besluit:/' | write 2024-017.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
}

@test "a heading typed with decomposed accents matches" {
	# About sections alone: the covenant the report cites is not in the set.
	printf 'rules:\n  ref-unresolved: off\n' | write .clerk.yml
	valid_report | sed 's/^## 4. Financiën$/## 4. Financie\xcc\x88n/' | write RPT-2024-001.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
}

@test "lone CR line endings are read as line ends" {
	valid_decision | tr '\n' '\r' | write 2024-017.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
	valid_decision | sed 's/^status: .*/status: klaar/' | tr '\n' '\r' | write 2024-017.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_one field-enum 2024-017.md:6
}

@test "a record with no body: the missing section is reported on the closing line" {
	valid_decision | head -n 8 | write 2024-017.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_one section-required 2024-017.md:8
}

@test "a number too large to hold is a field-type finding" {
	valid_report | sed 's/^sequence: 1$/sequence: 99999999999999999999999/' | write RPT-2024-001.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_one field-type RPT-2024-001.md:8
	[[ "$output" == *"too large"* ]]
}

@test "hostile YAML is refused quickly: deep nesting, a NUL escape" {
	{
		printf -- '---\ntype: decision\nx: '
		printf '%100000s' '' | tr ' ' '['
		printf '%100000s' '' | tr ' ' ']'
		printf '\n---\n'
	} >a.md
	valid_decision | sed 's/^status: .*/status: "adopted\\0x"/' | write 2024-017.md
	run "$CLERK" check --as-of "$AS_OF" a.md
	printf '%s\n' "$output" | grep -q '^a.md:3:.*nested too deeply.*\[frontmatter-invalid\]$'
	run "$CLERK" check --as-of "$AS_OF" 2024-017.md
	assert_one frontmatter-invalid 2024-017.md:6
}

@test "plain-language YAML hints: an unclosed quote where it opens, a tab" {
	valid_decision | sed 's/^title: .*/title: "Mandaat/' | write 2024-017.md
	printf -- '---\ntype: decision\nparties:\n\t- a\n---\n' | write 2024-018.md
	run "$CLERK" check --as-of "$AS_OF" 2024-017.md
	assert_one frontmatter-invalid 2024-017.md:4
	[[ "$output" == *"a quote opened here is never closed"* ]]
	run "$CLERK" check --as-of "$AS_OF" 2024-018.md
	assert_one frontmatter-invalid 2024-018.md:4
	[[ "$output" == *"indent with spaces, not tabs"* ]]
}

@test "a type that is not one word, or a near miss, is type-unknown with help" {
	valid_decision | sed 's/^type: decision$/type: [decision]/' | write 2024-017.md
	valid_decision 2024-018 | sed 's/^type: decision$/type: Decision/' | write 2024-018.md
	run "$CLERK" check --as-of "$AS_OF" 2024-017.md
	assert_one type-unknown 2024-017.md:2
	[[ "$output" == *"must be one word"* ]]
	run "$CLERK" check --as-of "$AS_OF" 2024-018.md
	assert_one type-unknown 2024-018.md:2
	[[ "$output" == *"did you mean 'decision'?"* ]]
}

@test "output that cannot be written is exit 2" {
	[ -w /dev/full ] || skip "no /dev/full"
	valid_decision | write 2024-017.md
	run "$CLERK" check --as-of "$AS_OF" -q
	run bash -c "'$CLERK' check > /dev/full"
	[ "$status" -eq 2 ]
	[[ "$output" == *"cannot write the output"* ]]
}

# ------------------------------------------- what secretaries really type

@test "a Dutch field name for a missing required field is one finding, at its line" {
	valid_decision | sed 's/^date: 2024-03-12$/datum: 12-03-2024/' | write 2024-017.md
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 1 ]
	printf '%s\n' "$output" | grep -q "^2024-017.md:5:1: error: field 'date' (the date of the decision) is missing; 'datum' here is not a field of a decision: rename it to 'date' \[field-required\]$"
	assert_one field-type 2024-017.md:5
	[ "$(printf '%s\n' "$output" | grep -c '\]$')" -eq 2 ]
}

@test "a Dutch name for an optional field gets 'did you mean'" {
	valid_decision | sed 's/^status: adopted$/&\npublicatie: 2024-03-20/' | write 2024-017.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_one field-unknown 2024-017.md:7
	[[ "$output" == *"did you mean 'publication'?"* ]]
}

@test "a misspelt recommended section heading is named where it stands" {
	valid_report | sed 's/^## 4. Financiën$/## 4. Financieel/' | write RPT-2024-001.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_one section-recommended RPT-2024-001.md:25
	[[ "$output" == *"the heading '4. Financieel' is not a section of a progress report; did you mean the section 'Finances', which is missing?"* ]]
}

@test "front matter slips: curly quotes, no space after a colon" {
	valid_decision | sed 's/^title: .*/title: “Besluit: mandaat”/' | write 2024-017.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_one frontmatter-invalid 2024-017.md:4
	[[ "$output" == *"curly quotes do not count as quotes"* ]]
	valid_decision | sed 's/^date: /date:/' | write 2024-017.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_one frontmatter-invalid 2024-017.md:5
	[[ "$output" == *"put a space after the colon"* ]]
}

@test "front matter slips: the closing line missing or mistyped" {
	{ valid_decision | awk 'NR != 8'; printf '\n---\n\nNog iets.\n'; } | write 2024-017.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_one frontmatter-invalid 2024-017.md:8
	[[ "$output" == *"the line '---' that closes the front matter is probably missing"* ]]
	valid_decision | sed '8s/^---$/----/' | write 2024-017.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_one frontmatter-invalid 2024-017.md:8
	[[ "$output" == *"must be exactly '---'"* ]]
}

@test "a file meant as a record whose first line is not '---' is frontmatter-missing, not skipped" {
	{ echo; valid_decision; } | write 2024-017.md
	valid_decision 2024-018 | sed '1s/^---$/—-/' | write 2024-018.md
	valid_decision 2024-019 | sed '1s/^---$/----/' | write 2024-019.md
	valid_decision 2024-020 | sed '1s/^---$/--/' | write 2024-020.md
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 1 ]
	printf '%s\n' "$output" | grep -q "^2024-017.md:2:1: .*very first line with exactly three hyphens ('---'), but blank lines.*\[frontmatter-missing\]$"
	printf '%s\n' "$output" | grep -q "^2024-018.md:1:1: error: the first line must be exactly three hyphens ('---') to open the front matter, but it is '—-'.*\[frontmatter-missing\]$"
	printf '%s\n' "$output" | grep -q "^2024-019.md:1:1: .*but it is '----'.*\[frontmatter-missing\]$"
	printf '%s\n' "$output" | grep -q "^2024-020.md:1:1: .*but it is '--'.*\[frontmatter-missing\]$"
	[ "${lines[-1]}" = "4 errors, 0 warnings in 4 records" ]
	run "$CLERK" check --as-of "$AS_OF" --format json 2024-018.md
	[[ "$output" == *'"fix":{"line":1,"column":1,"end_line":1,"end_column":3,"text":"---"}'* ]]
}

@test "a closing line of other dashes stays frontmatter-invalid: the front matter did open" {
	valid_decision | sed '8s/^---$/—-/' | write 2024-017.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_one frontmatter-invalid 2024-017.md:8
}

@test "messages say what to write: the keyword of a duration, how to list items" {
	cat <<'EOT' | write COV-2024-001.md
---
type: covenant
id: COV-2024-001
title: Samenwerkingsovereenkomst
date: 2024-01-10
status: active
parties: Gemeente Dijkmeer en Gemeente Zandwijk
effective: 2024-02-01
term: ruim 3 jaar
---
# Samenwerkingsovereenkomst

## Partijen

Twee gemeenten.

## Doel

Samenwerken.

## Afspraken

Afspraken.

## Looptijd

Drie jaar.
EOT
	run "$CLERK" check --as-of "$AS_OF"
	assert_one field-items COV-2024-001.md:7
	[[ "$output" == *"separate the items with commas"* ]]
	assert_one field-type COV-2024-001.md:9
	[[ "$output" == *"or the word 'indefinite', not 'ruim 3 jaar'"* ]]
}
