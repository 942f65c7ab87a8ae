#!/usr/bin/env bats
# Help, version, the rules command, --print-config and command-line errors.

bats_require_minimum_version 1.5.0
load helper

@test "clerk --help and clerk help list every command; exit 0" {
	run "$CLERK" --help
	[ "$status" -eq 0 ]
	for c in check rules version help; do
		printf '%s\n' "$output" | grep -q "^  $c  " || { echo "no $c" >&2; return 1; }
	done
	run "$CLERK" help
	[ "$status" -eq 0 ]
	[[ "$output" == usage:* ]]
}

@test "every command has --help that exits 0, and clerk help COMMAND says the same" {
	for c in check rules version; do
		run "$CLERK" "$c" --help
		[ "$status" -eq 0 ]
		[[ "${lines[0]}" == "usage: clerk $c"* ]]
		local own=$output
		run "$CLERK" help "$c"
		[ "$status" -eq 0 ]
		[ "$output" = "$own" ]
	done
}

@test "clerk check --help explains every option in one line" {
	run "$CLERK" check --help
	[ "$status" -eq 0 ]
	for opt in as-of format output color config max-warnings quiet print-config help; do
		printf '%s\n' "$output" | grep -Eq "^  --$opt( [A-Z-]+)? +[a-z].{10,}" || {
			echo "--$opt has no explanation" >&2
			return 1
		}
	done
}

@test "clerk --version and clerk version print the version" {
	run "$CLERK" --version
	[ "$status" -eq 0 ]
	[[ "${lines[0]}" =~ ^clerk\ [0-9]+\.[0-9]+\.[0-9]+$ ]]
	run "$CLERK" version
	[ "$status" -eq 0 ]
	[[ "${lines[0]}" =~ ^clerk\ [0-9]+\.[0-9]+\.[0-9]+$ ]]
	# The licence, whose text is in the repository.
	[ "${lines[1]}" = "licence: EUPL-1.2 (European Union Public Licence 1.2; see the file LICENSE)" ]
	grep -q '^ *EUROPEAN UNION PUBLIC LICENCE v. 1.2$' "$REPO/LICENSE"
}

@test "command-line errors print the message and the usage line, nothing else" {
	run "$CLERK" bogus
	[ "$status" -eq 2 ]
	[ "${#lines[@]}" -eq 2 ]
	[ "${lines[0]}" = "clerk: unknown command 'bogus'" ]
	[[ "${lines[1]}" == "usage: clerk COMMAND"* ]]
	run "$CLERK" check --bogus
	[ "$status" -eq 2 ]
	[ "${#lines[@]}" -eq 2 ]
	[ "${lines[1]}" = "usage: clerk check [--staged] [OPTION...] [PATH...]" ]
	run "$CLERK" check --format
	[ "$status" -eq 2 ]
	[ "$output" = "$(printf "clerk: '--format' needs a value\nusage: clerk check [--staged] [OPTION...] [PATH...]")" ]
	run "$CLERK" check --max-warnings many
	[ "$status" -eq 2 ]
	[ "${#lines[@]}" -eq 2 ]
	run "$CLERK" rules --bogus
	[ "$status" -eq 2 ]
	[ "${lines[1]}" = "usage: clerk rules [NAME]" ]
}

@test "clerk rules lists every rule with its severity and summary" {
	run "$CLERK" rules
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq "$(grep -c '^RULE(' "$REPO/src/rules.def")" ]
	printf '%s\n' "$output" | grep -q '^field-enum  *error  *A field'
}

# Copies stdin without its trailing blank lines.
trim_end() {
	awk '{ a[NR] = $0 } END { n = NR; while (n > 0 && a[n] == "") n--; for (i = 1; i <= n; i++) print a[i] }'
}

@test "clerk rules NAME prints that rule's section of docs/rules.md, examples included" {
	for rule in $("$CLERK" rules | awk '{print $1}'); do
		run "$CLERK" rules "$rule"
		[ "$status" -eq 0 ]
		[[ "${lines[0]}" == "$rule (default severity: "* ]]
		diff <(printf '%s\n' "$output" | tail -n +2) \
		     <(awk -v r="## \`$rule\`" '
			/^```/ { fence = !fence }
			!fence && /^## / { if (on) exit; on = ($0 == r); next }
			on' "$REPO/docs/rules.md" | trim_end) || {
			echo "clerk rules $rule differs from docs/rules.md" >&2
			return 1
		}
		printf '%s\n' "$output" | grep -q '^\*\*Fails:\*\*$'
		printf '%s\n' "$output" | grep -q '^\*\*Passes:\*\*$'
	done
}

@test "clerk rules with an unknown name is a usage error" {
	run "$CLERK" rules field-nope
	[ "$status" -eq 2 ]
	[ "${lines[0]}" = "clerk: unknown rule 'field-nope'; 'clerk rules' lists them" ]
}

@test "--print-config shows each setting and where it came from" {
	cat >.clerk.yml <<'EOT'
as-of: 2024-06-30
rules:
  file-name: error
types:
  - path: "besluiten/*.md"
    type: decision
EOT
	run "$CLERK" check --print-config --format json
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" | grep -qx 'as-of: 2024-06-30	(.clerk.yml:1)'
	printf '%s\n' "$output" | grep -qx 'format: json	(--format)'
	printf '%s\n' "$output" | grep -qx 'rule file-name: error	(.clerk.yml:3)'
	printf '%s\n' "$output" | grep -qx 'rule section-order: warning	(default)'
	printf '%s\n' "$output" | grep -qx 'types: besluiten/\*.md -> decision	(.clerk.yml:6)'
	run "$CLERK" check --print-config --as-of 2025-01-01
	printf '%s\n' "$output" | grep -qx 'as-of: 2025-01-01	(--as-of)'
	[ ! -e report.json ]
}
