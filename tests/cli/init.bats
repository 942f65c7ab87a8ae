#!/usr/bin/env bats
# clerk init [DIR]: a records repository that checks clean, and never a
# file replaced.

load helper

@test "init: creates the configuration, folders, examples, hook and README; check is clean" {
	run "$CLERK" init
	[ "$status" -eq 0 ]
	for f in .clerk.yml .pre-commit-config.yaml README.md covenants/COV-2024-001.md \
		decisions/2024000012.md reports/RPT-2024-001.md; do
		[ -f "$f" ]
		grep -qx "created $f" <<<"$output"
	done
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	[ "$output" = "0 errors, 0 warnings in 3 records" ]
	# Also long after: nothing in the examples goes out of date.
	run "$CLERK" check --as-of 2090-06-30
	[ "$output" = "0 errors, 0 warnings in 3 records" ]
	grep -q '^# ' .clerk.yml
	grep -q 'repo: local' .pre-commit-config.yaml
	grep -q 'entry: clerk check' .pre-commit-config.yaml
}

@test "init: the hook configuration and .clerk.yml are valid YAML" {
	"$CLERK" init
	BUILD="$(dirname "${CLERK_REAL:-$CLERK}")"
	"$BUILD/tests/yaml_parses" .pre-commit-config.yaml
	"$BUILD/tests/yaml_parses" .clerk.yml
}

@test "init DIR: a new folder; then new records land where the types say" {
	run "$CLERK" init archief
	[ "$status" -eq 0 ]
	grep -qx "created archief/.clerk.yml" <<<"$output"
	cd archief
	run "$CLERK" new covenant --date 2024-05-01 --title "Tweede convenant"
	[ "$output" = "covenants/COV-2024-002.md" ]
	run "$CLERK" new decision --date 2024-05-01
	[ "$output" = "decisions/2024000013.md" ]
	run "$CLERK" new progress-report --date 2025-01-15
	[ "$output" = "reports/RPT-2025-001.md" ]
	run "$CLERK" check --as-of "$AS_OF" covenants/COV-2024-002.md
	[ "$status" -eq 1 ]
	grep -q '\[field-required\]$' <<<"$output"
	run ! grep -v -e '\[field-required\]$' -e '\[section-required\]$' -e '^[0-9]* errors' -e '^clerk: note: ' <<<"$output"
}

@test "init: refuses when any of its files exists, and writes nothing" {
	echo "# Ons archief" >README.md
	run "$CLERK" init
	[ "$status" -eq 1 ]
	[ "$output" = "clerk: ./README.md exists; clerk init never replaces a file" ]
	[ "$(cat README.md)" = "# Ons archief" ]
	[ "$(find . -type f | wc -l)" -eq 1 ]
	[ ! -e covenants ] || [ -z "$(ls covenants)" ]
	# in Dutch too
	run "$CLERK" --lang nl init
	[ "$status" -eq 1 ]
	[ "$output" = "clerk: ./README.md bestaat al; clerk init vervangt nooit een bestand" ]
}

@test "init --help explains the command" {
	run "$CLERK" init --help
	[ "$status" -eq 0 ]
	grep -q '^usage: clerk init \[--lang LANG\] \[DIR\]' <<<"$output"
	run "$CLERK" init a b
	[ "$status" -eq 2 ]
}
