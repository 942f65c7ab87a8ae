#!/usr/bin/env bats
# The numbered-proposal worked example of docs/schemas.md (section 12),
# tests/fixtures/schemas/numbered: ids from the file names proposal-N.md,
# the records' own field 'type' (type-field: none), 'requires' as a comma
# list of numbers that must resolve and not be behind in status, a Moved
# stub exempt from everything else, a title of at most 44 characters
# without a colon, nine exact sections in order and no others, a licence
# sentence in the last one, and retired statuses lowered to warnings. The
# set checks clean; each defect is reported once, with its rule and line.

load helper

NUMBERED="$REPO/tests/fixtures/schemas/numbered"

# Copies the clean set here, adds defect $1 as proposals/proposal-9.md and checks.
check_with() {
	cp -R "$NUMBERED/set/." .
	cp "$NUMBERED/defects/$1.md" proposals/proposal-9.md
	run "$CLERK" check --as-of "$AS_OF"
}

# Asserts the one finding: rule $1 at line $2 of proposal-9.md, severity $3 (default error).
assert_defect() {
	assert_only_one
	assert_one "$1" "proposals/proposal-9.md:$2"
	[[ "$output" == *": ${3:-error}: "* ]] || { printf '%s\n' "$output" >&2; return 1; }
}

@test "numbered: the clean set checks clean, the Moved stub and the Stagnant proposal included" {
	cp -R "$NUMBERED/set/." .
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
	[[ "$output" == *"in 5 records"* ]]
}

@test "numbered: a title longer than 44 characters -> field-pattern saying the length" {
	check_with title-too-long
	assert_defect field-pattern 2
	[[ "$output" == *"is 52 characters long, but may be at most 44"* ]]
}

@test "numbered: a title with a colon -> field-pattern in the schema's words" {
	check_with title-colon
	assert_defect field-pattern 2
	[[ "$output" == *"(a title without a colon)"* ]]
}

@test "numbered: a proposal type that is not allowed -> field-enum on the record's own 'type'" {
	check_with type-not-allowed
	assert_defect field-enum 6
}

@test "numbered: no created date -> field-required because the status is not Moved" {
	check_with created-missing
	assert_defect field-required 5
	[[ "$output" == *"is required because 'status' is not 'Moved'"* ]]
}

@test "numbered: a Moved stub without its new address -> field-required" {
	check_with moved-without-address
	assert_defect field-required 2
}

@test "numbered: requires names a proposal that does not exist -> ref-unresolved" {
	check_with requires-unresolved
	assert_defect ref-unresolved 8
}

@test "numbered: a Final proposal requires a Draft -> ref-status" {
	check_with requires-behind
	assert_defect ref-status 8
}

@test "numbered: requires out of numerical order -> field-items" {
	check_with requires-unsorted
	assert_defect field-items 8
}

@test "numbered: requires names a proposal twice -> field-items" {
	check_with requires-twice
	assert_defect field-items 8
}

@test "numbered: fields out of the schema's order -> field-order" {
	check_with fields-out-of-order
	assert_defect field-order 5 warning
}

@test "numbered: a section the schema does not know -> section-unknown" {
	check_with section-unknown
	assert_defect section-unknown 19 warning
}

@test "numbered: a section name in the wrong case -> section-required, once" {
	check_with section-case
	assert_defect section-required 19
}

@test "numbered: two sections swapped -> section-order" {
	check_with sections-swapped
	assert_defect section-order 15 warning
}

@test "numbered: no licence sentence -> section-text" {
	check_with licence-missing
	assert_defect section-text 23
}

@test "numbered: a Stagnant proposal's mistake is only a warning (severity-if)" {
	check_with stagnant-title-colon
	assert_defect field-pattern 2 warning
	[ "$status" -eq 0 ]
}

@test "docs/schemas.md: the numbered example shows the real files and the real output" {
	mkdir doc
	(cd doc && extract_files "$REPO/docs/schemas.md")
	diff -u "$NUMBERED/set/.clerk.yml" doc/numbered/.clerk.yml
	diff -u "$NUMBERED/set/schemas/proposal.yml" doc/numbered/schemas/proposal.yml
	diff -u "$NUMBERED/set/proposals/proposal-2.md" doc/numbered/proposals/proposal-2.md
	diff -u "$NUMBERED/set/proposals/proposal-4.md" doc/numbered/proposals/proposal-4.md
	cp -R "$NUMBERED/set/." .
	cp doc/numbered/proposals/proposal-9.md proposals/
	rm -r doc
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 1 ]
	diff -u <(awk '/^```text numbered-output$/ { on = 1; next } on && /^```$/ { exit } on { print }' \
		"$REPO/docs/schemas.md") - <<<"$output"
}
