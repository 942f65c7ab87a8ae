#!/usr/bin/env bats
# paths.bats - a record's identity and its links' targets come from the
# paths discovery built, resolved by their text; the file system is asked
# only about targets that name no record that way (a symbolic link on the
# way, a file outside the set), once per target.

bats_require_minimum_version 1.5.0
load helper

# Writes a decision with id $1 to $2, its body ending in the text on stdin.
decision_at() {
	valid_decision "$1" >"$2"
	cat >>"$2"
}

@test "paths: links with ./ and ../ name records by their text" {
	mkdir -p besluiten/2024 convenanten
	: | decision_at 2024-001 besluiten/2024/2024-001.md
	printf '\nZie [besluit](./../2024/./2024-001.md) en [ander](../../besluiten/2024/2024-001.md#top).\n' |
		decision_at 2024-002 besluiten/2024/2024-002.md
	run "$CLERK" check --as-of "$AS_OF" .
	# Both links reach 2024-001: its id is then missing from the fields.
	[ "$(printf '%s\n' "$output" | grep -c 'links to 2024-001 .*\[ref-undeclared\]$')" -eq 2 ]
	run ! grep -q 'link-broken' <<<"$output"
	run "$CLERK" show 2024-001
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" | grep -q 'besluiten/2024/2024-002.md'
}

@test "paths: a link through a symbolic link to a folder finds the record there" {
	mkdir -p echt
	: | decision_at 2024-001 echt/2024-001.md
	ln -s echt via
	printf '\nZie [besluit](via/2024-001.md).\n' | decision_at 2024-002 2024-002.md
	run "$CLERK" check --as-of "$AS_OF" .
	assert_one ref-undeclared 2024-002.md:15
	run ! grep -q 'link-broken' <<<"$output"
	run "$CLERK" show 2024-001
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" | grep -q '2024-002.md'
}

@test "paths: a link to a missing file is broken, also when cited twice; one to a file outside the records is not" {
	mkdir -p set bijlagen
	echo 'een bijlage' >bijlagen/kaart.pdf
	printf '\nZie [weg](2024-009.md), [weer weg](./2024-009.md) en [kaart](../bijlagen/kaart.pdf).\n' |
		decision_at 2024-002 set/2024-002.md
	run "$CLERK" check --as-of "$AS_OF" set
	[ "$status" -eq 1 ]
	[ "$(printf '%s\n' "$output" | grep -c '\[link-broken\]$')" -eq 2 ]
	run ! grep -q 'kaart' <<<"$output"
}

@test "paths: a folder of records is checked without asking for each file's real path" {
	command -v strace >/dev/null || {
		echo "strace is missing (.ci/install-deps installs it)" >&2
		return 1
	}
	local i
	for i in $(seq 101 400); do
		printf '\nZie [vorige](2024-%03d.md).\n' $((i - 1)) | decision_at "2024-$i" "2024-$i.md"
	done
	strace -f -c -o "$BATS_TEST_TMPDIR/calls" -e trace=readlink,getcwd,access,faccessat,faccessat2 \
		"${CLERK_REAL:-$CLERK}" check --as-of "$AS_OF" . >/dev/null || true
	cat "$BATS_TEST_TMPDIR/calls" >&2
	# 300 records, 299 links: a few calls for the set (two per folder above
	# it, looking for .clerk.yml and .clerk.yaml), none per record.
	[ "$(awk '$NF == "total" { print $(NF-2) }' "$BATS_TEST_TMPDIR/calls")" -lt 60 ]
}
