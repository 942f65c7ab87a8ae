#!/usr/bin/env bats
# clerk fix and clerk check --fix: the repairs clerk is sure of, written; guesses only listed.

bats_require_minimum_version 1.5.0
load helper

# The files of the current folder with their checksums, one a line.
sums() {
	find . -type f -name '*.md' -print0 | sort -z | xargs -0 sha256sum
}

# A set with one sure fix of each kind, a guess, and a clean record.
fixable_set() {
	# a date written day-month-year, and a Dutch word for the status
	valid_decision 2024-017 | sed -e 's|^date: .*|date: 16-01-2024|' -e 's|^status: .*|status: vastgesteld|' |
		write 2024-017.md
	# a field under its Dutch name (datum for date), the front matter after blank lines
	{
		printf '\n\n'
		valid_decision 2024-018 | sed 's|^date: |datum: |'
	} | write 2024-018.md
	# a guess: the nearest spelling of a field name
	valid_decision 2024-019 | sed 's|^authority: |authorty: |' | write 2024-019.md
	valid_decision 2024-020 | write 2024-020.md
}

@test "clerk fix applies every sure fix, lists the guess, and the check finds none of the fixed" {
	fixable_set
	run "$CLERK" check --format text --as-of "$AS_OF"
	[ "$status" -eq 1 ]
	before="$output"
	[[ "$before" == *"2024-017.md:5:7: error: field 'date' must be a date"* ]]
	[[ "$before" == *"2024-017.md:6:9: error: field 'status' is 'vastgesteld'"* ]]
	[[ "$before" == *"2024-018.md:3:1: error: the front matter must open on the very first line"* ]]
	run "$CLERK" fix --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	[[ "$output" == *"2024-017.md:5:7: fixed [field-type]: '16-01-2024' became '2024-01-16'"* ]]
	[[ "$output" == *"2024-017.md:6:9: fixed [field-enum]: 'vastgesteld' became 'adopted'"* ]]
	[[ "$output" == *"2024-018.md:3:1: fixed [frontmatter-missing]"* ]]
	[[ "$output" == *"2024-018.md:5:1: fixed [field-required]: 'datum' became 'date'"* ]]
	[[ "$output" == *"2024-019.md:7:1: not fixed [field-required]"*"decide whether 'authority' is meant"* ]]
	[[ "$output" == *"changed 2 files; 1 finding needs a person"* ]]
	grep -qx 'date: 2024-01-16' 2024-017.md
	grep -qx 'status: adopted' 2024-017.md
	[ "$(head -1 2024-018.md)" = "---" ]
	grep -qx 'date: 2024-03-12' 2024-018.md
	grep -qx 'authorty: College van burgemeester en wethouders van Dijkmeer' 2024-019.md
	run "$CLERK" check --format text --as-of "$AS_OF"
	[ "$status" -eq 1 ]
	# what is left is exactly the guess: nothing new appeared
	[ "${#lines[@]}" -eq 2 ]
	[[ "${lines[0]}" == "2024-019.md:7:1: error: field 'authority'"*"[field-required]" ]]
}

@test "a second clerk fix changes nothing, and a file without a sure fix is never written" {
	fixable_set
	touch -d '2020-01-01 00:00' 2024-019.md 2024-020.md
	mtimes="$(stat -c '%n %Y' 2024-019.md 2024-020.md)"
	run "$CLERK" fix --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	[ "$(stat -c '%n %Y' 2024-019.md 2024-020.md)" = "$mtimes" ]
	after="$(sums)"
	run "$CLERK" fix --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	[[ "$output" != *": fixed ["* ]]
	[[ "$output" == *"changed 0 files; 1 finding needs a person"* ]]
	[ "$(sums)" = "$after" ]
	[ "$(stat -c '%n %Y' 2024-019.md 2024-020.md)" = "$mtimes" ]
	# no temporary is left behind
	[ -z "$(find . -name '.clerk-*')" ]
}

@test "--dry-run says what would change and writes nothing" {
	fixable_set
	before="$(sums)"
	run "$CLERK" fix --dry-run --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	[[ "$output" == *"2024-017.md:5:7: would fix [field-type]: '16-01-2024' becomes '2024-01-16'"* ]]
	[[ "$output" == *"would change 2 files; 1 finding needs a person"* ]]
	[ "$(sums)" = "$before" ]
}

@test "--rule applies the fixes of one rule only; an unknown rule is a usage error" {
	fixable_set
	run "$CLERK" fix --rule field-enum --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	grep -qx 'status: adopted' 2024-017.md
	grep -qx 'date: 16-01-2024' 2024-017.md
	[[ "$output" == *"changed 1 file;"* ]]
	run "$CLERK" fix --rule no-such-rule
	[ "$status" -eq 2 ]
	[[ "$output" == *"unknown rule 'no-such-rule'"* ]]
	run "$CLERK" fix --bogus
	[ "$status" -eq 2 ]
	[[ "$output" == *"unknown option '--bogus'; see 'clerk fix --help'"* ]]
}

@test "named files: only they are fixed, in the context of their set" {
	fixable_set
	run "$CLERK" fix --as-of "$AS_OF" 2024-018.md
	[ "$status" -eq 0 ]
	grep -qx 'date: 2024-03-12' 2024-018.md
	grep -qx 'date: 16-01-2024' 2024-017.md
}

@test "clerk check --fix fixes, then reports what is left with its exit code; check alone never writes" {
	fixable_set
	before="$(sums)"
	run "$CLERK" check --format text --as-of "$AS_OF"
	[ "$status" -eq 1 ]
	[ "$(sums)" = "$before" ]
	run --separate-stderr "$CLERK" check --fix --format text --as-of "$AS_OF"
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"2024-017.md:5:7: fixed [field-type]"* ]]
	[ "${#lines[@]}" -eq 2 ]
	[[ "${lines[0]}" == "2024-019.md:7:1: error:"*"[field-required]" ]]
	grep -qx 'date: 2024-01-16' 2024-017.md
	run "$CLERK" check --fix --staged
	[ "$status" -eq 2 ]
}

@test "a file that cannot be written leaves every file as it was" {
	fixable_set
	# a record too large to be written under the file size limit below
	{
		valid_decision 2024-021 | sed 's|^status: .*|status: genomen|'
		for i in $(seq 1 40); do echo "Paragraph $i of the considerations, long enough to count."; done
	} | write 2024-021.md
	before="$(sums)"
	# 512-byte blocks: the small records fit, the large one does not (EFBIG)
	run bash -c 'ulimit -f 2 && exec "$0" fix --as-of "$1"' "$CLERK" "$AS_OF"
	[ "$status" -eq 2 ]
	[[ "$output" == *"2024-021.md"*"no file was changed"* ]]
	[ "$(sums)" = "$before" ]
	[ -z "$(find . -name '.clerk*')" ]
}

@test "on a copy of examples/broken every sure fix disappears and no other finding appears" {
	mkdir -p examples
	cp -R "$REPO/examples/broken" examples/
	run "$CLERK" check --format text --as-of "$AS_OF" examples/broken
	before="$(printf '%s\n' "${lines[@]}" | sed '$d')"
	sums_before="$(sums)"
	run "$CLERK" fix --as-of "$AS_OF" examples/broken
	[ "$status" -eq 0 ]
	fixed="$(printf '%s\n' "${lines[@]}" | grep ': fixed \[' | cut -d: -f1-3)"
	[ -n "$fixed" ]
	run "$CLERK" check --format text --as-of "$AS_OF" examples/broken
	after="$(printf '%s\n' "${lines[@]}" | sed '$d')"
	# after is before without the findings fixed, line for line
	expected="$(printf '%s\n' "$before" | grep -v -F -f <(printf '%s: \n' $fixed))"
	[ "$after" = "$expected" ]
	[ "$(printf '%s\n' "$before" | wc -l)" -gt "$(printf '%s\n' "$after" | wc -l)" ]
	# the files without a sure fix are byte for byte the same
	changed="$(diff <(echo "$sums_before") <(sums) | grep '^>' | awk '{print $3}' | sort -u)"
	[ "$changed" = "$(printf '%s\n' $fixed | cut -d: -f1 | sed 's|^|./|' | sort -u)" ]
	run "$CLERK" fix --as-of "$AS_OF" examples/broken
	[[ "$output" == *"changed 0 files"* ]]
}

@test "a record reached through a symbolic link inside the set: its file is fixed, the link stays" {
	mkdir -p set/store
	valid_decision 2024-017 | sed 's|^status: .*|status: vastgesteld|' | write set/store/2024-017.md
	ln -s store/2024-017.md set/2024-017.md
	run "$CLERK" fix --as-of "$AS_OF" set/2024-017.md
	[ "$status" -eq 0 ]
	[[ "$output" == *"fixed [field-enum]: 'vastgesteld' became 'adopted'"* ]]
	[ -L set/2024-017.md ]
	[ "$(readlink set/2024-017.md)" = store/2024-017.md ]
	grep -qx 'status: adopted' set/store/2024-017.md
	# no temporary, backup or journal is left in either folder
	[ -z "$(find set -name '.clerk*')" ]
}

@test "a symbolic link to a record outside the set is no record of it; named, nothing is written and clerk says why" {
	mkdir store set
	valid_decision 2024-017 | sed 's|^status: .*|status: vastgesteld|' | write store/2024-017.md
	valid_decision 2024-018 | sed 's|^status: .*|status: vastgesteld|' | write set/2024-018.md
	ln -s ../store/2024-017.md set/2024-017.md
	before="$(sum_of store/2024-017.md)"
	# without .clerk.yml or Git the set is the current folder: set, not store;
	# a link found in the set is no record of it, so fix leaves it alone
	cd set
	run "$CLERK" fix --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	grep -qx 'status: adopted' 2024-018.md
	[ "$(sum_of ../store/2024-017.md)" = "$before" ]
	# named, it is read, and clerk refuses to write outside the set
	valid_decision 2024-019 | sed 's|^status: .*|status: vastgesteld|' | write 2024-019.md
	run "$CLERK" fix --as-of "$AS_OF" 2024-017.md 2024-019.md
	cd ..
	[ "$status" -eq 2 ]
	[[ "$output" == *"cannot write 2024-017.md: the file lies outside the record set"*"no file was changed"* ]]
	[ "$(sum_of store/2024-017.md)" = "$before" ]
	grep -qx 'status: vastgesteld' set/2024-019.md
	[ -L set/2024-017.md ]
	[ -z "$(find set store -name '.clerk*')" ]
}

sum_of() {
	sha256sum "$1" | cut -d' ' -f1
}
