#!/usr/bin/env bats
# Several paths in one run: they must belong to one record set, and when
# only some files of a set are checked, what the rest of the set does to
# them is still said.

load helper

# Two record sets, each with its own .clerk.yml, and a folder with none.
two_sets() {
	valid_decision 2024-017 | write a/2024-017.md
	valid_decision 2024-018 | write b/2024-018.md
	valid_decision 2024-019 | write c/2024-019.md
	printf 'rules:\n  file-name: warning\n' >a/.clerk.yml
	printf 'rules:\n  file-name: warning\n' >b/.clerk.yml
}

@test "paths of two record sets: exit 2 naming both configurations" {
	two_sets
	run "$CLERK" check --as-of "$AS_OF" a/2024-017.md b/2024-018.md
	[ "$status" -eq 2 ]
	[[ "$output" == "clerk: b/2024-018.md: this path belongs to another record set than 'a/2024-017.md': 'b/.clerk.yml' applies to it, but 'a/.clerk.yml' to 'a/2024-017.md'; check each record set with a clerk check of its own" ]]
	run "$CLERK" check --as-of "$AS_OF" a b
	[ "$status" -eq 2 ]
	[[ "$output" == *"clerk: b: this path belongs to another record set than 'a'"* ]]
}

@test "paths of a set and of a folder without .clerk.yml: exit 2" {
	two_sets
	run "$CLERK" check --as-of "$AS_OF" c/2024-019.md a/2024-017.md
	[ "$status" -eq 2 ]
	[[ "$output" == *"'a/.clerk.yml' applies to it, but no .clerk.yml lies above 'c/2024-019.md'"* ]]
	run "$CLERK" check --as-of "$AS_OF" a c
	[ "$status" -eq 2 ]
	[[ "$output" == *"clerk: c: "*"no .clerk.yml lies above it, but 'a/.clerk.yml' applies to 'a'"* ]]
}

@test "--config does not hide that the paths belong to two record sets" {
	two_sets
	run "$CLERK" check --as-of "$AS_OF" --config a/.clerk.yml a/2024-017.md b/2024-018.md
	[ "$status" -eq 2 ]
	[[ "$output" == *"another record set"* ]]
}

@test "paths of one record set, also with --config: checked together" {
	two_sets
	valid_decision 2024-020 | write a/sub/2024-020.md
	run "$CLERK" check --as-of "$AS_OF" a/2024-017.md a/sub/2024-020.md
	assert_clean
	[ "${lines[-1]}" = "0 errors, 0 warnings in 2 records" ]
	run "$CLERK" check --as-of "$AS_OF" --config b/.clerk.yml a/2024-017.md a/sub
	assert_clean
	run "$CLERK" check --as-of "$AS_OF" c/2024-019.md c
	assert_clean
}

@test "a path that does not exist is reported as such, not as another record set" {
	two_sets
	run "$CLERK" check --as-of "$AS_OF" a/2024-017.md nothere.md
	[ "$status" -eq 2 ]
	[[ "$output" == *"nothere.md: No such file or directory"* ]]
	[[ "$output" != *"another record set"* ]]
}
