#!/usr/bin/env bats
# The second worked example of docs/schemas.md: a decision log in the MADR
# format (tests/fixtures/schemas/madr). Ids come from the file names, the
# folder gives the type (type-field: none), the built-in types are left out
# (builtin-schemas: false). The log checks clean; each file of defects/
# added to it is reported once, with the right rule and line.

load helper

MADR="$REPO/tests/fixtures/schemas/madr"

# Copies the clean log into the current folder, adds defect $1 (a file of
# defects/) to decisions/, and checks the log.
check_with() {
	cp -R "$MADR/log/." .
	cp "$MADR/defects/$1" decisions/
	run "$CLERK" check --as-of "$AS_OF"
}

# Asserts the one finding: rule $1 on line $2 of decisions/$3.
assert_defect() {
	assert_only_one
	assert_one "$1" "decisions/$3:$2"
}

@test "madr: the clean log checks clean" {
	cp -R "$MADR/log/." .
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
	[[ "$output" == *"in 4 records"* ]]
}

@test "madr: a record outside decisions/ has no type (type-field: none) -> type-missing" {
	cp -R "$MADR/log/." .
	printf -- '---\nstatus: accepted\n---\n' >stray.md
	run "$CLERK" check --as-of "$AS_OF" stray.md
	assert_only_one
	assert_one type-missing "stray.md:1"
}

@test "madr: a status that is not allowed -> field-enum" {
	check_with 0005-status-not-allowed.md
	assert_defect field-enum 2 0005-status-not-allowed.md
}

@test "madr: no date -> field-required" {
	check_with 0005-date-missing.md
	assert_defect field-required 1 0005-date-missing.md
}

@test "madr: 30 February -> date-invalid" {
	check_with 0005-date-impossible.md
	assert_defect date-invalid 3 0005-date-impossible.md
}

@test "madr: the MADR 2 field 'deciders' -> field-unknown" {
	check_with 0005-field-unknown.md
	assert_defect field-unknown 5 0005-field-unknown.md
}

@test "madr: supersedes a number no record has -> ref-unresolved" {
	check_with 0005-supersedes-unknown.md
	assert_defect ref-unresolved 5 0005-supersedes-unknown.md
}

@test "madr: no Considered Options -> section-required before Decision Outcome" {
	check_with 0005-options-missing.md
	assert_defect section-required 12 0005-options-missing.md
}

@test "madr: Decision Outcome before Considered Options -> section-order" {
	check_with 0005-sections-swapped.md
	assert_defect section-order 16 0005-sections-swapped.md
}

@test "madr: a section of its own -> section-unknown" {
	check_with 0005-section-unknown.md
	assert_defect section-unknown 17 0005-section-unknown.md
}

@test "madr: 'Decision outcome' in other case (match: exact) -> section-required on it" {
	check_with 0005-heading-case.md
	assert_defect section-required 17 0005-heading-case.md
	[[ "$output" == *"did you mean the section 'Decision Outcome'"* ]]
}

@test "madr: an empty optional section -> section-empty" {
	check_with 0005-section-empty.md
	assert_defect section-empty 12 0005-section-empty.md
}

@test "madr: a file name without a number -> file-name" {
	check_with use-postgresql.md
	assert_defect file-name 1 use-postgresql.md
}

@test "madr: two files with one number -> id-duplicate, once in each" {
	cp -R "$MADR/log/." .
	cp "$MADR/defects/0005-status-not-allowed.md" decisions/0003-use-postgresql.md
	sed -i 's/approved/accepted/' decisions/0003-use-postgresql.md
	run "$CLERK" check --as-of "$AS_OF"
	[ "$(printf '%s\n' "$output" | grep -c '\]$')" -eq 2 ]
	printf '%s\n' "$output" | grep -q "^decisions/0003-use-postgresql.md:1:1: .*'0003'.*\[id-duplicate\]$"
	printf '%s\n' "$output" |
		grep -q "^decisions/0003-store-documents-in-the-document-management-system.md:1:1: .*\[id-duplicate\]$"
}

@test "madr: the id is the number, so references resolve to it" {
	cp -R "$MADR/log/." .
	run "$CLERK" show 0002
	[ "$status" -eq 0 ]
	[[ "$output" == *"0003"* ]]
}

@test "docs/schemas.md: the MADR example shows the real files and the real output" {
	mkdir doc
	(cd doc && extract_files "$REPO/docs/schemas.md")
	diff -u "$MADR/log/.clerk.yml" doc/madr/.clerk.yml
	diff -u "$MADR/log/schemas/adr.yml" doc/madr/schemas/adr.yml
	diff -u "$MADR/log/decisions/0003-store-documents-in-the-document-management-system.md" \
		doc/madr/decisions/0003-store-documents-in-the-document-management-system.md
	diff -u "$MADR/defects/0005-heading-case.md" doc/madr/decisions/0005-heading-case.md
	rm -r doc
	check_with 0005-heading-case.md
	diff -u <(awk '/^```text madr-output$/ { on = 1; next } on && /^```$/ { exit } on { print }' \
		"$REPO/docs/schemas.md") - <<<"$output"
}
