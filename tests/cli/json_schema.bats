#!/usr/bin/env bats
# clerk schema --json-schema: JSON Schemas for editors, checked with a real JSON Schema validator
# (python3-jsonschema, which .ci/install-deps installs) on the example records.

bats_require_minimum_version 1.5.0
load helper

# Finds a python3 with jsonschema and yaml (Debian's, even when another python3 comes first).
validator() {
	local py
	for py in /usr/bin/python3 python3; do
		if "$py" -c 'import jsonschema, yaml' 2>/dev/null; then
			echo "$py"
			return 0
		fi
	done
	return 1
}

setup_file() {
	validator >/dev/null || skip "python3-jsonschema and python3-yaml are missing (.ci/install-deps installs them)"
}

check_json() {
	"$(validator)" "$REPO/tests/tools/jsonschema-check" "$@"
}

@test "every record of examples/records validates, against the schema of all types and of its own" {
	# each example folder is a record set of its own, with its .clerk.yml
	cd "$REPO/examples/records"
	"$CLERK" schema --json-schema >"$WORK/all.json"
	local records
	records=$(ls *.md | grep -v README)
	run check_json "$WORK/all.json" $records
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "${lines[@]}" | grep -c ': valid$')" -eq "$(echo "$records" | wc -l)" ]
	[ "${#lines[@]}" -ge 12 ]
	"$CLERK" schema --json-schema decision >"$WORK/decision.json"
	run check_json "$WORK/decision.json" 20*.md
	[ "$status" -eq 0 ]
	"$CLERK" schema --json-schema covenant >"$WORK/covenant.json"
	run check_json "$WORK/covenant.json" COV-*.md
	[ "$status" -eq 0 ]
}

@test "the broken records' field errors are rejected: every record clerk finds a field error in" {
	cd "$REPO/examples/broken"
	"$CLERK" schema --json-schema >"$WORK/all.json"
	# the records with a field error a JSON Schema can express
	"$CLERK" check --format text --as-of "$AS_OF" |
		grep -E '\[(field-type|field-enum|field-unknown|field-pattern|field-items|type-unknown)\]$' |
		cut -d: -f1 | sort -u >"$WORK/expected"
	[ "$(wc -l <"$WORK/expected")" -ge 5 ]
	run check_json "$WORK/all.json" $(cat "$WORK/expected")
	[ "$status" -eq 1 ]
	[ "$(printf '%s\n' "${lines[@]}" | grep -c ': invalid: ')" -eq "$(wc -l <"$WORK/expected")" ]
	[[ "$output" == *"2024003410.md: invalid: status: 'genomen' is not valid"* ]]
	[[ "$output" == *"COV-2024-003.md: invalid: "*"'reportng' was unexpected"* ]]
	[[ "$output" == *"RPT-2024-003.md: invalid: sequence: 'drie' is not valid"* ]]
	[[ "$output" == *"RPT-2024-014.md: invalid: series: 'Bermbeheer Oost' is not valid"* ]]
}

@test "an organisation's own type is in the schema: the broken set's notitie" {
	cd "$REPO/examples/broken"
	run "$CLERK" schema --json-schema notitie
	[ "$status" -eq 0 ]
	[[ "$output" == *'"const":"notitie"'* ]]
	run "$CLERK" schema --json-schema nope
	[ "$status" -eq 2 ]
	[[ "$output" == *"unknown record type 'nope'; the types are covenant, decision, progress-report, notitie"* ]]
}

@test "the schema of .clerk.yml validates the configurations of the examples and rejects mistakes" {
	local dir
	for dir in "$REPO" "$REPO"/tests/fixtures/schemas/*/ "$REPO"/tests/fixtures/schemas/*/*/; do
		[ -f "$dir/.clerk.yml" ] || continue
		(cd "$dir" && "$CLERK" schema --json-schema .clerk.yml) >"$WORK/config.json"
		run check_json "$WORK/config.json" "$dir/.clerk.yml"
		[ "$status" -eq 0 ] || { echo "$output"; return 1; }
	done
	"$CLERK" schema --json-schema .clerk.yml >"$WORK/config.json"
	printf 'rules:\n  no-such-rule: error\n' >bad1.yml
	printf 'types:\n  - path: "x/*.md"\n    type: besluit\n' >bad2.yml
	printf 'languag: nl\n' >bad3.yml
	run check_json "$WORK/config.json" bad1.yml bad2.yml bad3.yml
	[ "$status" -eq 1 ]
	[ "$(printf '%s\n' "${lines[@]}" | grep -c ': invalid: ')" -eq 3 ]
}

@test "usage: --json-schema is needed, one type at most" {
	run "$CLERK" schema
	[ "$status" -eq 2 ]
	[[ "$output" == *"--json-schema"* ]]
	run "$CLERK" schema --json-schema decision covenant
	[ "$status" -eq 2 ]
	run "$CLERK" schema --bogus
	[ "$status" -eq 2 ]
	[[ "$output" == *"unknown option '--bogus'; see 'clerk schema --help'"* ]]
}

@test "PCRE2 patterns become ones a JSON Schema validator reads alike" {
	cd "$REPO"
	run "$CLERK" schema --json-schema decision
	# named groups and possessive quantifiers become plain ones
	[[ "$output" == *'"pattern":"^(?:\\d{4})-?(?:\\d{3,6})$"'* ]]
}
