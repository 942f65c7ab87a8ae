#!/usr/bin/env bats
# clerk check --stdin-filename PATH -: standard input checked as that file, in its set.

bats_require_minimum_version 1.5.0
load helper

@test "stdin is checked instead of the file on disk, as that file, against the whole set" {
	valid_decision 2024-017 | write besluiten/2024-017.md
	valid_decision 2024-018 | write besluiten/2024-018.md
	# on disk both are clean; the text on stdin breaks the date and cites a missing record
	run "$CLERK" check --format text --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	run "$CLERK" check --format text --as-of "$AS_OF" --stdin-filename besluiten/2024-018.md - \
		< <(valid_decision 2024-018 | sed -e 's|^date: .*|date: 2024-02-30|' \
			-e 's|^status: adopted|status: adopted\ncites: [2024-099]|')
	[ "$status" -eq 1 ]
	[[ "${lines[0]}" == "besluiten/2024-018.md:5:7: error: field 'date': '2024-02-30' is not a real date"* ]]
	[[ "$output" == *"besluiten/2024-018.md:7:"*"2024-099"*"[ref-unresolved]"* ]]
	[[ "${lines[-1]}" == *" in 2 records" ]]
	# the file on disk was not changed
	run "$CLERK" check --format text --as-of "$AS_OF"
	[ "$status" -eq 0 ]
}

@test "stdin resolves a reference that nothing on disk has: a record not saved yet" {
	valid_decision 2024-017 | sed 's|^status: adopted|status: adopted\ncites: [2024-030]|' |
		write besluiten/2024-017.md
	run "$CLERK" check --format text --as-of "$AS_OF" besluiten/2024-017.md
	[ "$status" -eq 1 ]
	run "$CLERK" check --format text --as-of "$AS_OF" --stdin-filename besluiten/2024-030.md - \
		< <(valid_decision 2024-030)
	[ "$status" -eq 0 ]
	[[ "$output" == "0 errors, 0 warnings in 2 records" ]]
}

@test "a new file takes the configuration of its folder" {
	printf 'types:\n  - path: "besluiten/*.md"\n    type: decision\n' | write .clerk.yml
	mkdir besluiten
	run "$CLERK" check --format text --as-of "$AS_OF" --stdin-filename besluiten/2024-001.md - \
		< <(printf '# Geen voorpagina\n')
	[ "$status" -eq 1 ]
	[[ "$output" == *"besluiten/2024-001.md:1:1: error: this file should be a decision record"*"[frontmatter-missing]"* ]]
}

@test "the pretty format shows the lines of stdin, not of the file on disk" {
	valid_decision 2024-017 | write 2024-017.md
	run "$CLERK" check --format pretty --color never --as-of "$AS_OF" --stdin-filename 2024-017.md - \
		< <(valid_decision 2024-017 | sed 's|^date: .*|date: 16-01-2024|')
	[ "$status" -eq 1 ]
	[[ "$output" == *"5 | date: 16-01-2024"* ]]
	[[ "$output" == *"5 | date: 2024-01-16"* ]]
}

@test "'-' needs --stdin-filename, --stdin-filename needs '-' alone" {
	run "$CLERK" check -
	[ "$status" -eq 2 ]
	[[ "$output" == *"say which file it is: --stdin-filename PATH -"* ]]
	run "$CLERK" check --stdin-filename x.md
	[ "$status" -eq 2 ]
	[[ "$output" == *"give '-' as the only path"* ]]
	run "$CLERK" check --stdin-filename x.md - other.md
	[ "$status" -eq 2 ]
	run "$CLERK" check --fix --stdin-filename x.md -
	[ "$status" -eq 2 ]
}

@test "standard input larger than max-file-size is refused with exit 2" {
	printf 'max-file-size: 1KB\n' | write .clerk.yml
	run "$CLERK" check --stdin-filename big.md - < <(head -c 5000 /dev/zero | tr '\0' 'a')
	[ "$status" -eq 2 ]
	[[ "$output" == *"cannot read standard input"* ]]
}
