#!/usr/bin/env bats
# Diagnostics that carry help and the concrete repair, and the writers that show them.

bats_require_minimum_version 1.5.0
load helper

# A decision whose date is written day-month-year.
dmy_decision() {
	valid_decision | sed "s|^date: .*|date: ${1:-16-01-2017}|"
}

@test "a day-month-year date gets the ISO date as its fix (json)" {
	dmy_decision | write 2024-017.md
	run "$CLERK" check --format json
	[ "$status" -eq 1 ]
	[[ "$output" == *'"line":5,"column":7,"end_line":5,"end_column":17,"severity":"error","rule":"field-type"'* ]]
	[[ "$output" == *'"fix":{"line":5,"column":7,"end_line":5,"end_column":17,"text":"2017-01-16"}'* ]]
	[[ "$output" == *'"help":"write the year first'* ]]
}

@test "slashes and dots work too; a date that does not exist gets no fix" {
	dmy_decision 1/3/2024 | write 2024-017.md
	run "$CLERK" check --format json
	[[ "$output" == *'"text":"2024-03-01"'* ]]
	dmy_decision 31.02.2024 | write 2024-017.md
	run "$CLERK" check --format json
	[[ "$output" == *'"rule":"field-type"'* ]]
	[[ "$output" == *'"fix":null'* ]]
	dmy_decision 16-01.2017 | write 2024-017.md
	run "$CLERK" check --format json
	[[ "$output" == *'"fix":null'* ]]
}

@test "a quoted value gets no fix: its text is not what stands in the file" {
	dmy_decision '"16-01-2017"' | write 2024-017.md
	run "$CLERK" check --format json
	[[ "$output" == *'"rule":"field-type"'* ]]
	[[ "$output" == *'"fix":null'* ]]
}

@test "a Dutch field name gets the field's name as its fix" {
	valid_decision | sed 's/^status: adopted/status: adopted\nonderwerp: Mandaat/' | write 2024-017.md
	run "$CLERK" check --format json
	[[ "$output" == *'"rule":"field-unknown"'* ]]
	[[ "$output" == *'"fix":{"line":7,"column":1,"end_line":7,"end_column":10,"text":"title"}'* ]]
}

@test "a misspelt heading gets the section's name as its fix" {
	valid_decision | sed 's/^## Besluit/## Besluitt/' | write 2024-017.md
	run "$CLERK" check --format json
	[[ "$output" == *'"rule":"section-required"'* ]]
	[[ "$output" == *'"fix":{"line":11,"column":1,"end_line":11,"end_column":12,"text":"## Besluit"}'* ]]
}

@test "pretty shows help and the line as it should read" {
	dmy_decision | write 2024-017.md
	run "$CLERK" check --format pretty
	printf '%s\n' "$output" | grep -qx '  = help: write the year first: .16-01-2017. read as day-month-year is 2017-01-16'
	printf '%s\n' "$output" | grep -qx '5 | date: 2017-01-16'
	printf '%s\n' "$output" | grep -qx '  |       ++++++++++'
	printf '%s\n' "$output" | grep -qx '  |       ^^^^^^^^^^'
}

@test "sarif, github and junit carry the fix" {
	dmy_decision | write 2024-017.md
	run "$CLERK" check --format sarif
	[[ "$output" == *'"fixes":[{"description":{"text":"write the year first'* ]]
	[[ "$output" == *'"deletedRegion":{"startLine":5,"startColumn":7,"endLine":5,"endColumn":17},"insertedContent":{"text":"2017-01-16"}'* ]]
	run "$CLERK" check --format github
	[[ "$output" == *'%0Afix: write 2017-01-16'* ]]
	run "$CLERK" check --format junit
	[[ "$output" == *"fix: write '2017-01-16'"* ]]
}

@test "a correct date has no finding and so no fix" {
	valid_decision | write 2024-017.md
	run "$CLERK" check --format json
	[ "$status" -eq 0 ]
	[[ "$output" != *'"fix"'* ]]
}
