#!/usr/bin/env bats
# Columns count characters (Unicode code points) in text, JSON, SARIF, pretty, GitHub and JUnit:
# Dutch accents, Word's dashes and quotes and emoji before a finding do not shift it.

bats_require_minimum_version 1.5.0
load helper

# A decision whose front matter and body put multi-byte characters before two findings:
# '2024-099' (not found) in column 16 of line 7, '31 februari 2024' in column 35 of line 16.
# In bytes those are columns 24 and 43; in UTF-16 code units, 17 and 36.
wide_decision() {
	valid_decision 2024-017 | sed 's|^status: adopted|status: adopted\ncites: [“é”—😀, 2024-099]|'
	printf '\nDe wethouder – café 😀 – tekent op 31 februari 2024.\n'
}

@test "text: columns in characters, in the front matter and in the body" {
	wide_decision | write 2024-017.md
	run "$CLERK" check --format text --as-of "$AS_OF"
	[ "$status" -eq 1 ]
	[[ "$output" == *"2024-017.md:7:16: error: field 'cites': no record has the id '2024-099'"* ]]
	[[ "$output" == *"2024-017.md:16:35: error: the date '31 februari 2024' does not exist"* ]]
}

@test "json and sarif: the same columns; sarif says unicodeCodePoints" {
	wide_decision | write 2024-017.md
	run "$CLERK" check --format json --as-of "$AS_OF"
	[[ "$output" == *'"line":7,"column":16,'*"'2024-099'"* ]]
	[[ "$output" == *'"line":16,"column":35,'* ]]
	run "$CLERK" check --format sarif --as-of "$AS_OF"
	[[ "$output" == *'"startLine":7,"startColumn":16}'* ]]
	[[ "$output" == *'"startLine":16,"startColumn":35}'* ]]
	[[ "$output" == *'"columnKind":"unicodeCodePoints"'* ]]
}

@test "github, junit and pretty: the same columns, and the caret under the character" {
	wide_decision | write 2024-017.md
	run "$CLERK" check --format github --as-of "$AS_OF"
	[[ "$output" == *"line=7,col=16,"* ]]
	run "$CLERK" check --format junit --as-of "$AS_OF"
	[[ "$output" == *">7:16: error:"* ]]
	run "$CLERK" check --format pretty --color never --as-of "$AS_OF"
	[[ "$output" == *" --> 2024-017.md:7:16"* ]]
	# the caret stands under the '2' of 2024-099: 15 characters in, after the gutter '  | '
	[[ "$output" == *$'7 | cites: [“é”—😀, 2024-099]\n  |                ^'* ]]
}

@test "fixes after multi-byte characters on one line replace exactly their text" {
	write 2024-017.md <<'EOT'
---
{type: decision, id: 2024-017, title: Café “De Eik” — verlenging, date: 16-01-2024, status: vastgesteld, authority: College}
---
# Café “De Eik” — verlenging

## Besluit

1. de vergunning te verlengen.
EOT
	run "$CLERK" check --format json --as-of "$AS_OF"
	[[ "$output" == *'"fix":{"line":2,"column":73,"end_line":2,"end_column":83,"text":"2024-01-16"}'* ]]
	run "$CLERK" fix --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	[ "$(sed -n 2p 2024-017.md)" = "{type: decision, id: 2024-017, title: Café “De Eik” — verlenging, date: 2024-01-16, status: adopted, authority: College}" ]
	run "$CLERK" check --format text --as-of "$AS_OF"
	[ "$status" -eq 0 ]
}
