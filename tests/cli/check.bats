#!/usr/bin/env bats
# clerk check as a program: discovery, loading edge cases, output, exit codes.

bats_require_minimum_version 1.5.0
load helper

@test "a clean record: no findings, summary line, exit 0" {
	valid_decision | write 2024-017.md
	run "$CLERK" check
	assert_clean
	[ "$output" = "0 errors, 0 warnings in 1 record" ]
}

@test "--quiet leaves out the summary line" {
	valid_decision | write 2024-017.md
	run "$CLERK" check --quiet
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}

@test "the default path is the current folder; paths are printed as reached" {
	mkdir -p a/b
	valid_decision 2024-018 | write a/b/2024-017.md
	run "$CLERK" check
	assert_one file-name a/b/2024-017.md:3
	run "$CLERK" check a
	assert_one file-name a/b/2024-017.md:3
	run "$CLERK" check ./a/
	assert_one file-name ./a/b/2024-017.md:3
}

@test "Markdown files without front matter are not records and are skipped" {
	printf '# Lees mij\n\nGeen record.\n' | write README.md
	valid_decision | write 2024-017.md
	run "$CLERK" check
	assert_clean
	[ "$output" = "0 errors, 0 warnings in 1 record" ]
}

@test "only .md files are read; hidden folders such as .git are skipped" {
	valid_decision 2024-999 | write notes.txt
	valid_decision 2024-999 | write .git/x.md
	valid_decision 2024-999 | write .github/x.md
	valid_decision | write 2024-017.md
	run "$CLERK" check
	assert_clean
}

@test "a file named on the command line is checked whatever its extension" {
	valid_decision 2024-018 | write notes.txt
	run "$CLERK" check notes.txt
	assert_one file-name notes.txt:3
}

@test "findings are sorted by path, line, column and rule" {
	valid_decision | sed 's/^status: adopted/status: klaar/; s/^date: .*/date: 2024-02-30/' | write b.md
	valid_decision | sed 's/^id: .*/id: x/' | write a.md
	run "$CLERK" check
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
	run "$CLERK" check
	[ "$status" -eq 0 ]
	assert_one file-name wrong-name.md:3
}

@test "a UTF-8 byte order mark is accepted and lines stay right" {
	{ printf '\357\273\277'; valid_decision | sed 's/^status: .*/status: klaar/'; } | write 2024-017.md
	run "$CLERK" check
	assert_one field-enum 2024-017.md:6
}

@test "CRLF line endings are accepted and lines stay right" {
	valid_decision | sed 's/^status: .*/status: klaar/' | sed 's/$/\r/' | write 2024-017.md
	run "$CLERK" check
	assert_one field-enum 2024-017.md:6
	valid_decision | sed 's/$/\r/' | write 2024-017.md
	run "$CLERK" check
	assert_clean
}

@test "front matter may be closed with '...'" {
	valid_decision | awk 'NR == 8 { print "..."; next } { print }' | write 2024-017.md
	run "$CLERK" check
	assert_clean
}

@test "an unclosed front matter is reported on line 1" {
	valid_decision | awk 'NR != 8' | write 2024-017.md
	run "$CLERK" check
	assert_one frontmatter-invalid 2024-017.md:1
	[ "$status" -eq 1 ]
}

@test "a YAML error points at the file line libyaml reports" {
	valid_decision | sed 's/^title: .*/title: Besluit: mandaat/' | write 2024-017.md
	run "$CLERK" check
	assert_one frontmatter-invalid 2024-017.md:4
	[[ "$output" == *"must be put in quotes"* ]]
}

@test "front matter that is not a mapping, or empty, is invalid" {
	printf -- '---\n- a\n- b\n---\n# T\n' | write a.md
	printf -- '---\n---\n# T\n' | write b.md
	printf -- '---\njust text\n---\n# T\n' | write c.md
	run "$CLERK" check
	[ "$status" -eq 1 ]
	[ "$(printf '%s\n' "$output" | grep -c '\[frontmatter-invalid\]$')" -eq 3 ]
	printf '%s\n' "$output" | grep -q '^a.md:2:1: '
	printf '%s\n' "$output" | grep -q '^b.md:1:1: '
	printf '%s\n' "$output" | grep -q '^c.md:2:1: '
}

@test "a field given twice is reported at its second line" {
	valid_decision | sed 's/^date: 2024-03-12/date: 2024-03-12\ndate: 2024-03-13/' | write 2024-017.md
	run "$CLERK" check
	assert_one frontmatter-invalid 2024-017.md:6
	[[ "$output" == *"field 'date' is given twice (first on line 5)"* ]]
}

@test "values keep the text that was written: ids, versions, leading zeros" {
	valid_decision 2016009542 | write 2016009542.md
	valid_decision 0042-001 | write 0042-001.md
	run "$CLERK" check
	assert_clean
}

@test "a bad document never stops the run: every other file is still checked" {
	printf '\377\376 not text at all \000\001' | write 2024-001.md
	printf -- '---\ntype: [\n---\n' | write 2024-002.md
	printf -- '---\n' | write 2024-003.md
	valid_decision 2024-004 | sed 's/^status: .*/status: klaar/' | write 2024-004.md
	run "$CLERK" check
	[ "$status" -eq 1 ]
	assert_one field-enum 2024-004.md:6
	printf '%s\n' "$output" | grep -q '^2024-002.md:.*\[frontmatter-invalid\]$'
	printf '%s\n' "$output" | grep -q '^2024-003.md:1:1: .*\[frontmatter-invalid\]$'
}

@test "invalid UTF-8 in the front matter is a frontmatter-invalid finding" {
	valid_decision | sed 's/^title: .*/title: Caf\xe9 de Kolk/' | write 2024-017.md
	run "$CLERK" check
	assert_one frontmatter-invalid 2024-017.md:4
	[[ "$output" == *"not valid UTF-8"* ]]
}

@test "pathological input: deep nesting, a huge file, a long line" {
	{ printf -- '---\ntype: decision\nx: '; for i in $(seq 5000); do printf '['; done; printf '\n---\n'; } | write a.md
	{ valid_decision 2024-018; for i in $(seq 20000); do printf '## Kop %d\n\ntekst\n\n' "$i"; done; } | write 2024-018.md
	{ valid_decision 2024-019; head -c 2000000 /dev/zero | tr '\0' 'x'; echo; } | write 2024-019.md
	run "$CLERK" check
	[ "$status" -eq 1 ]
	printf '%s\n' "$output" | grep -q '^a.md:.*\[frontmatter-invalid\]$'
	[ "${lines[-1]}" = "1 error, 0 warnings in 3 records" ]
}

@test "an unreadable or missing path is exit 2, and the others are still checked" {
	valid_decision | sed 's/^status: .*/status: klaar/' | write 2024-017.md
	run --separate-stderr "$CLERK" check missing.md 2024-017.md
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"clerk: missing.md: No such file or directory"* ]]
	assert_one field-enum 2024-017.md:6
}

@test "an unreadable folder is exit 2" {
	[ "$(id -u)" -ne 0 ] || skip "root can read every folder"
	mkdir locked && chmod 000 locked
	run "$CLERK" check
	chmod 755 locked
	[ "$status" -eq 2 ]
}

@test "clerk check never writes a file" {
	valid_decision | sed 's/^status: .*/status: klaar/' | write 2024-017.md
	valid_decision | write wrong.md
	before=$(find . -exec stat -c '%n %s %Y' {} + | sort)
	run "$CLERK" check
	[ "$status" -eq 1 ]
	[ "$before" = "$(find . -exec stat -c '%n %s %Y' {} + | sort)" ]
}

@test "exclude globs in .clerk.yml skip files and folders" {
	valid_decision | sed 's/^status: .*/status: klaar/' | write concepten/2024-017.md
	valid_decision | sed 's/^status: .*/status: klaar/' | write oud/x/2024-017.md
	valid_decision | write 2024-017.md
	printf 'exclude:\n  - concepten\n  - "oud/**"\n' | write .clerk.yml
	run "$CLERK" check
	assert_clean
	[ "$output" = "0 errors, 0 warnings in 1 record" ]
}

@test "the configuration is found by walking up from the current folder" {
	valid_decision | write sub/2024-017.md
	printf 'rules:\n  file-name: off\n' | write .clerk.yml
	valid_decision | write sub/wrong.md
	cd sub
	run "$CLERK" check
	assert_clean
}

@test "--as-of takes a date; a bad one is a usage error" {
	valid_decision | write 2024-017.md
	run "$CLERK" check --as-of 2025-01-01
	assert_clean
	run "$CLERK" check --as-of 2025-02-29
	[ "$status" -eq 2 ]
	[[ "$output" == *"--as-of needs a real date"* ]]
}

@test "usage errors exit 2: unknown command, option, format" {
	run "$CLERK" frobnicate
	[ "$status" -eq 2 ]
	run "$CLERK" check --frobnicate
	[ "$status" -eq 2 ]
	run "$CLERK" check --format xml
	[ "$status" -eq 2 ]
	[[ "$output" == *"unknown output format 'xml'"* ]]
}

@test "clerk rules lists the catalogue: name, severity, summary" {
	run "$CLERK" rules
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 18 ]
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
