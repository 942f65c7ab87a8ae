#!/usr/bin/env bats
# --max-warnings and the `ignore:` baseline of .clerk.yml.

bats_require_minimum_version 1.5.0
load helper

# A decision with one warning (an unknown field) and, with $1 = bad, an error too.
warned_decision() {
	valid_decision | sed 's/^status: adopted/status: adopted\nkenmerk: 12/' |
		if [ "${1:-}" = bad ]; then sed 's/^status: adopted/status: genomen/'; else cat; fi
}

@test "--max-warnings N: exit 1 only when there are more than N warnings" {
	warned_decision | write 2024-017.md
	run "$CLERK" check
	[ "$status" -eq 0 ]
	run "$CLERK" check --max-warnings 1
	[ "$status" -eq 0 ]
	assert_one field-unknown
	run "$CLERK" check --max-warnings 0
	[ "$status" -eq 1 ]
	assert_one field-unknown
	run "$CLERK" check --max-warnings -1
	[ "$status" -eq 2 ]
}

@test "ignore: drops the named rules in the matching files, and only those" {
	mkdir -p archief
	warned_decision bad | write archief/2024-017.md
	warned_decision | write 2024-018.md
	sed -i 's/^id: 2024-017/id: 2024-018/' 2024-018.md
	cat >.clerk.yml <<'EOT'
ignore:
  - path: "archief/"
    rules: [field-unknown]
    reason: archived decisions are never edited again
EOT
	run "$CLERK" check
	[ "$status" -eq 1 ]
	assert_one field-enum archief/2024-017.md:6
	assert_one field-unknown 2024-018.md:7
	[ "${lines[-1]}" = "1 error, 1 warning in 2 records" ]
}

@test "ignore: without rules drops every finding in the files; works from a subfolder" {
	mkdir -p archief
	warned_decision bad | write archief/2024-017.md
	cat >.clerk.yml <<'EOT'
ignore:
  - path: "archief/*.md"
    reason: the archive of 2024, kept as it was adopted
EOT
	run "$CLERK" check
	assert_clean
	cd archief
	run "$CLERK" check
	assert_clean
	run "$CLERK" check --config ../.clerk.yml 2024-017.md
	assert_clean
}

@test "ignore: mistakes in an entry are configuration errors with their line" {
	printf 'ignore:\n  - path: "a/"\n    rules: [field-nope]\n    reason: x\n' >.clerk.yml
	run "$CLERK" check
	[ "$status" -eq 2 ]
	[ "$output" = "clerk: .clerk.yml:3:13: unknown rule 'field-nope'; 'clerk rules' lists them" ]
	printf 'ignore:\n  - path: "a/"\n    rules: field-enum\n' >.clerk.yml
	run "$CLERK" check
	[ "$status" -eq 2 ]
	[[ "$output" == "clerk: .clerk.yml:2:5: an entry of 'ignore' needs 'reason'"* ]]
	printf 'ignore:\n  - path: "a/"\n    reason: x\n    when: never\n' >.clerk.yml
	run "$CLERK" check
	[ "$status" -eq 2 ]
	[[ "$output" == "clerk: .clerk.yml:4:5: unknown key 'when' in 'ignore'"* ]]
}
