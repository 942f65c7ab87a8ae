#!/usr/bin/env bats
# setroot.bats - the record set every command reads: the folder of the
# .clerk.yml found walking up from the paths (or the current folder), else
# the top of the Git work tree, else the paths' common folder. The whole
# set is always read; the paths given only choose what is reported.

load helper
bats_require_minimum_version 1.5.0

# A set with .clerk.yml at its top and records in covenants/, decisions/
# and reports/ that cite each other across the folders.
make_set() {
	local from="$REPO/tests/fixtures/set"
	mkdir -p covenants decisions reports
	cp "$from"/COV-*.md covenants/
	cp "$from"/2023-031.md decisions/
	cp "$from"/RPT-*.md reports/
	printf 'as-of: %s\n' "$AS_OF" >.clerk.yml
}

# Breaks the set: a field-type error in a decision, and a report that cites
# a covenant that does not exist.
break_set() {
	sed -i 's/^date: 2023-03-14$/date: 14-03-2023/' decisions/2023-031.md
	sed -i 's/^  - COV-2021-002$/  - COV-2021-009/' reports/RPT-2022-001.md
}

# The findings of the last run (lines ending in "[rule]"), with the paths
# written from the set's top: $1 is the folder the run was made in.
findings_from() {
	printf '%s\n' "$output" | grep '\]$' | sed "s|^|$1|; s|^\./||; s|[a-z]*/\.\./||" | sort
}

@test "set: clean, every way of naming it gives no finding" {
	make_set
	run "$CLERK" check
	assert_clean
	run "$CLERK" check reports/
	assert_clean
	run "$CLERK" check decisions/2023-031.md
	assert_clean
	cd decisions
	run "$CLERK" check
	assert_clean
}

@test "set: references across folders resolve from a folder and from inside one" {
	make_set
	# Each report cites covenants in another folder: no ref-unresolved.
	run --separate-stderr "$CLERK" check reports/
	assert_clean
	[ -z "$stderr" ]
	cd reports
	run --separate-stderr "$CLERK" check
	assert_clean
	[ -z "$stderr" ]
}

@test "set: broken, each way of naming it gives the same findings, restricted to what was named" {
	make_set
	break_set
	run "$CLERK" check
	[ "$status" -eq 1 ]
	all=$(findings_from "")
	[ "$(printf '%s\n' "$all" | wc -l)" -eq 2 ]
	[[ "$all" == *"decisions/2023-031.md:5:"*"[field-type]"* ]]
	[[ "$all" == *"reports/RPT-2022-001.md:11:"*"[ref-unresolved]"* ]]

	run "$CLERK" check reports/
	[ "$status" -eq 1 ]
	[ "$(findings_from "")" = "$(printf '%s\n' "$all" | grep '^reports/')" ]

	run "$CLERK" check decisions/2023-031.md
	[ "$status" -eq 1 ]
	[ "$(findings_from "")" = "$(printf '%s\n' "$all" | grep '^decisions/')" ]

	cd decisions
	run "$CLERK" check
	[ "$status" -eq 1 ]
	[ "$(findings_from decisions/)" = "$(printf '%s\n' "$all" | grep '^decisions/')" ]
	# From inside a folder, the paths are written from there.
	printf '%s\n' "$output" | grep -q '^2023-031.md:5:.*\[field-type\]$'

}

@test "set: the findings in other files are counted on stderr, not with --quiet" {
	make_set
	break_set
	run --separate-stderr "$CLERK" check reports/
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"note: 1 finding in another file of the record set is not shown"* ]]
	run --separate-stderr "$CLERK" check --quiet reports/
	[ "$status" -eq 1 ]
	[ -z "$stderr" ]
}

@test "set: a path from a folder above and an absolute path report the same" {
	make_set
	break_set
	run "$CLERK" check reports
	want=$output
	run "$CLERK" check ./reports/
	[ "$output" = "$want" ]
	run "$CLERK" check "$PWD/reports"
	[ "$output" = "$want" ]
	mkdir elsewhere
	cd elsewhere
	run "$CLERK" check ../reports
	[ "$(printf '%s\n' "$output" | sed 's|^\.\./||')" = "$want" ]
}

@test "set: show and list give the same answer from every folder" {
	make_set
	run "$CLERK" show COV-2021-002
	[ "$status" -eq 0 ]
	show=$(printf '%s\n' "$output" | sed 's|\.\./||g; s|[a-z]*/||g')
	[[ "$output" == *"RPT-2022-001"* ]] # a backlink from another folder
	run "$CLERK" list --format csv
	list=$(printf '%s\n' "$output" | sed 's|\.\./||g; s|[a-z]*/||g')
	[ "$(printf '%s\n' "$output" | wc -l)" -eq 9 ]
	for dir in covenants decisions reports; do
		cd "$WORK/$dir"
		run "$CLERK" show COV-2021-002
		[ "$status" -eq 0 ]
		[ "$(printf '%s\n' "$output" | sed 's|\.\./||g; s|[a-z]*/||g')" = "$show" ]
		run "$CLERK" list --format csv
		[ "$(printf '%s\n' "$output" | sed 's|\.\./||g; s|[a-z]*/||g')" = "$list" ]
	done
}

@test "set: list with a folder lists the records there, with backlinks from the whole set" {
	make_set
	run "$CLERK" list --format csv covenants
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | wc -l)" -eq 5 ]
	run "$CLERK" list --format json covenants
	[[ "$output" == *'"RPT-2022-001"'* ]]
}

@test "set: without .clerk.yml, the top of the Git work tree is the set" {
	make_set
	rm .clerk.yml
	mkdir .git # a work tree's top, as far as finding it goes
	break_set
	cd reports
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 1 ]
	assert_only_one
	assert_one ref-unresolved RPT-2022-001.md:11
}

@test "set: without .clerk.yml or Git, the paths' common folder is the set" {
	make_set
	rm .clerk.yml
	cd reports
	# The covenants are not in the set: the reports' citations do not resolve.
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 1 ]
	[[ "$output" == *"[ref-unresolved]"* ]]
	cd ..
	run "$CLERK" check --as-of "$AS_OF" reports covenants
	assert_clean
}

@test "set: index writes the register at the set's top from any folder" {
	make_set
	cd reports
	run "$CLERK" index
	[ "$status" -eq 0 ]
	[ -f "$WORK/REGISTER.md" ]
	[ ! -e REGISTER.md ]
	grep -q 'COV-2021-002' "$WORK/REGISTER.md"
}

@test "set: .clerk.yaml is read like .clerk.yml, from every folder and under --staged" {
	make_set
	mv .clerk.yml .clerk.yaml
	printf 'rules:\n  ref-unresolved: off\n' >>.clerk.yaml
	break_set
	git init -q . && git add -A
	run "$CLERK" check
	[ "$status" -eq 1 ]
	[[ "$output" != *"ref-unresolved"* ]]
	[[ "$output" == *"field-type"* ]]
	# from reports/, where the unresolved reference is, the rule is still off
	cd reports
	run "$CLERK" check
	[ "$status" -eq 0 ]
	[[ "$output" != *"ref-unresolved"* ]]
	cd ..
	run "$CLERK" check --staged
	[ "$status" -eq 1 ]
	[[ "$output" != *"ref-unresolved"* ]]
	[[ "$output" == *"field-type"* ]]
	# without the file, the rule is back: the run above did read it
	rm .clerk.yaml
	run "$CLERK" check --as-of "$AS_OF"
	[[ "$output" == *"ref-unresolved"* ]]
}

@test "set: .clerk.yml and .clerk.yaml in one folder is exit 2 naming both, also under --staged" {
	make_set
	printf 'as-of: %s\n' "$AS_OF" >.clerk.yaml
	run "$CLERK" check
	[ "$status" -eq 2 ]
	[[ "$output" == *"this folder holds both .clerk.yml and .clerk.yaml"* ]]
	(cd reports && run "$CLERK" check && [ "$status" -eq 2 ] &&
		[[ "$output" == *"holds both ../.clerk.yml and ../.clerk.yaml"* ]])
	git init -q . && git add -A
	run "$CLERK" check --staged
	[ "$status" -eq 2 ]
	[[ "$output" == *".clerk.yml or .clerk.yaml"* ]]
}
