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

copy_set() {
	cp -r "$REPO/tests/fixtures/set/." .
}

@test "some files of a set: a cited record with broken front matter is shown, with the citation" {
	copy_set
	sed -i 's/^title: .*/title: Besluit: beheer gemalen/' 2023-031.md
	run "$CLERK" check --as-of "$AS_OF" COV-2023-011.md
	[ "$status" -eq 1 ]
	assert_one frontmatter-invalid 2023-031.md:4
	assert_only_one
	[[ "$output" != *"note:"* ]] # nothing else was left out
	run "$CLERK" check --as-of "$AS_OF" --format json COV-2023-011.md
	[[ "$output" == *'"rule":"frontmatter-invalid"'*'"related":[{"path":"COV-2023-011.md","line":13,"column":13,"message":"cited here by a file being checked"}]'* ]]
}

@test "some files of a set: a broken record that no named file cites stays out, counted in a note" {
	copy_set
	sed -i 's/^title: .*/title: Besluit: beheer gemalen/' 2023-031.md
	run "$CLERK" check --as-of "$AS_OF" RPT-2025-003.md
	[ "$status" -eq 0 ]
	[[ "$output" != *"[frontmatter-invalid]"* ]]
	[[ "$output" == *"clerk: note: 1 finding in another file of the record set is not shown; check the whole set to see it"* ]]
	run "$CLERK" check --quiet --as-of "$AS_OF" RPT-2025-003.md
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}

@test "some files of a set: an id the cited record shares with another file is shown on both" {
	copy_set
	sed 's/^id: 2023-031/id: 2023-031/; s/^title: .*/title: Een tweede besluit met hetzelfde nummer/' 2023-031.md >2023-031-kopie.md
	sed -i 's/^date: 2023-03-01/date: 2023-03-02/' 2023-031-kopie.md
	run "$CLERK" check --as-of "$AS_OF" COV-2023-011.md
	[ "$(printf '%s\n' "$output" | grep -c '\[id-duplicate\]$')" -eq 2 ]
	printf '%s\n' "$output" | grep -q '^2023-031.md:[0-9]*:[0-9]*: .*\[id-duplicate\]$'
	printf '%s\n' "$output" | grep -q '^2023-031-kopie.md:[0-9]*:[0-9]*: .*\[id-duplicate\]$'
}

@test "some files of a set: findings elsewhere are counted, a clean set gives no note" {
	copy_set
	run "$CLERK" check --as-of "$AS_OF" RPT-2025-003.md RPT-2025-004.md
	assert_clean
	[[ "$output" != *"note:"* ]]
	sed -i 's/^date: 2022-06-01/date: 2023-03-01/' RPT-2022-001.md
	sed -i 's/^status: expired/status: active/' COV-2021-002.md
	run "$CLERK" check --as-of "$AS_OF" RPT-2025-003.md
	assert_clean
	[[ "$output" == *"clerk: note: 2 findings in other files of the record set are not shown; check the whole set to see them"* ]]
	printf 'rules:\n  ref-inactive: off\n' >.clerk.yml
	run "$CLERK" check --as-of "$AS_OF" RPT-2025-003.md
	[[ "$output" == *"clerk: note: 1 finding in another"* ]] # what is off is not counted
}
