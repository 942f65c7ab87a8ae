#!/usr/bin/env bats
# The schema language, the part about types, ids, extends,
# sections and the body: type-field, builtin-schemas, ids from file names,
# extends, recommended / match / allow-unknown-sections / must-contain,
# body-patterns, and path globs for records outside the configuration's
# folder. Each key is made to fire and shown silent on correct input.

bats_require_minimum_version 1.5.0

load helper

# Asserts exit code 2 and one line 'clerk: FILE:LINE:COL: ...' on stderr
# (after run --separate-stderr), FILE ending in $1, LINE $2.
assert_schema_error() {
	[ "$status" -eq 2 ] || { echo "status $status: $stderr" >&2; return 1; }
	printf '%s\n' "$stderr" | grep -Eq "^clerk: (.*/)?$1:$2:[0-9]+: [^ ]" || {
		echo "expected clerk: $1:$2:COL: on stderr, got: $stderr" >&2
		return 1
	}
}

# A schema 'memo' in schemas/memo.yml with extra lines from stdin, and a
# .clerk.yml that loads it.
memo_schema() {
	printf 'schemas: schemas\n' >.clerk.yml
	{
		printf 'name: memo\nfields:\n  title: string\n'
		cat
	} | write schemas/memo.yml
}

# A memo record memo-1.md whose body is stdin.
memo() {
	{
		printf -- '---\ntype: memo\nid: memo-1\ntitle: Werf\n---\n# Werf\n\n'
		cat
	} | write "${1:-memo-1.md}"
}

# ------------------------------------------------------------ type-field

@test "type-field: the type comes from the named field; 'type' is an ordinary field" {
	printf 'type-field: category\nschemas: schemas\n' >.clerk.yml
	write schemas/eip.yml <<'EOT'
name: eip
fields:
  title: string
  type:
    type: enum
    values: [Standards Track, Meta]
EOT
	printf -- '---\ncategory: eip\nid: e1\ntitle: A\ntype: Meta\n---\n# A\n' >good.md
	run "$CLERK" check --as-of "$AS_OF" good.md
	assert_clean
	printf -- '---\ncategory: eip\nid: e2\ntitle: A\ntype: Informational\n---\n# A\n' >bad.md
	run "$CLERK" check --as-of "$AS_OF" bad.md
	assert_only_one
	assert_one field-enum "bad.md:5"
}

@test "type-field: a record without the named field -> type-missing naming it" {
	printf 'type-field: category\n' >.clerk.yml
	printf -- '---\ntype: decision\nid: 2024-017\n---\n# A\n' >a.md
	run "$CLERK" check --as-of "$AS_OF" a.md
	assert_one type-missing "a.md:1"
	[[ "$output" == *"add a field 'category'"* ]]
}

@test "type-field: none -> the type only from types:, a 'type' field does not choose it" {
	printf 'type-field: none\ntypes:\n  - path: besluiten/*.md\n    type: decision\n' >.clerk.yml
	valid_decision | sed 's/^type: decision$/type: memo/' | write besluiten/2024-017.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_only_one
	assert_one field-unknown "besluiten/2024-017.md:2"
	valid_decision | write elders/2024-018.md
	run "$CLERK" check --as-of "$AS_OF" elders/2024-018.md
	assert_one type-missing "elders/2024-018.md:1"
}

@test "type-field must be a single value" {
	printf 'type-field: [a, b]\n' >.clerk.yml
	run --separate-stderr "$CLERK" check --as-of "$AS_OF"
	assert_schema_error .clerk.yml 1
}

# ------------------------------------------------------- builtin-schemas

@test "builtin-schemas: false -> the built-in types are unknown, messages list only own types" {
	printf 'builtin-schemas: false\nschemas: schemas\n' >.clerk.yml
	printf 'name: memo\nfields:\n  title: string\n' | write schemas/memo.yml
	valid_decision >2024-017.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_only_one
	assert_one type-unknown "2024-017.md:2"
	[[ "$output" == *"use 'memo'"* ]]
}

@test "builtin-schemas: true (the default) keeps them" {
	printf 'builtin-schemas: true\n' >.clerk.yml
	valid_decision >2024-017.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
}

@test "builtin-schemas must be true or false" {
	printf 'builtin-schemas: maybe\n' >.clerk.yml
	run --separate-stderr "$CLERK" check --as-of "$AS_OF"
	assert_schema_error .clerk.yml 1
}

# --------------------------------------------------- ids from file names

adr_schema() {
	printf 'schemas: schemas\n' >.clerk.yml
	write schemas/adr.yml <<'EOT'
name: adr
id:
  from: file-name
  pattern: '^(?<id>\d{4})-[a-z0-9-]+\.md$'
fields:
  see:
    type: list
    items: ref
    targets: [adr]
EOT
}

@test "id from file-name: a record needs no id field, references resolve to the number" {
	adr_schema
	printf -- '---\ntype: adr\n---\n# A\n' >0001-first.md
	printf -- "---\ntype: adr\nsee: ['0001']\n---\n# B\n" >0002-second.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
	printf -- "---\ntype: adr\nsee: ['0009']\n---\n# C\n" >0003-third.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_only_one
	assert_one ref-unresolved "0003-third.md:3"
}

@test "id from file-name: two files with one number -> id-duplicate" {
	adr_schema
	printf -- '---\ntype: adr\n---\n# A\n' >0001-first.md
	printf -- '---\ntype: adr\n---\n# B\n' >0001-again.md
	run "$CLERK" check --as-of "$AS_OF"
	[ "$(printf '%s\n' "$output" | grep -c '\[id-duplicate\]$')" -eq 2 ]
}

@test "id from file-name: a name that gives no id -> file-name" {
	adr_schema
	printf -- '---\ntype: adr\n---\n# A\n' >first.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_only_one
	assert_one file-name "first.md:1"
}

@test "id from file-name: the pattern needs a group (?<id>...)" {
	printf 'schemas: schemas\n' >.clerk.yml
	printf "name: adr\nid:\n  from: file-name\n  pattern: '^\\\\d{4}-.*'\n" | write schemas/adr.yml
	run --separate-stderr "$CLERK" check --as-of "$AS_OF"
	assert_schema_error schemas/adr.yml 4
}

@test "id from: anything but file-name is a schema error" {
	printf 'schemas: schemas\n' >.clerk.yml
	printf "name: adr\nid:\n  from: title\n  pattern: '(?<id>x)'\n" | write schemas/adr.yml
	run --separate-stderr "$CLERK" check --as-of "$AS_OF"
	assert_schema_error schemas/adr.yml 3
}

# -------------------------------------------------------------- extends

@test "extends: a schema adds a field to a built-in type and overrides another" {
	printf 'schemas: schemas\n' >.clerk.yml
	write schemas/besluit.yml <<'EOT'
name: besluit
extends: decision
fields:
  zaaknummer:
    type: string
    required: true
  status:
    type: enum
    required: true
    values: [concept, vastgesteld]
EOT
	valid_decision | sed 's/^type: decision$/type: besluit/' >2024-017.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_one field-required "2024-017.md:1"
	assert_one field-enum "2024-017.md:6"
	valid_decision | sed 's/^type: decision$/type: besluit/; s/^status: adopted$/status: vastgesteld\nzaaknummer: Z-1/' >2024-017.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
}

@test "extends: the sections are inherited (a missing Besluit is reported)" {
	printf 'schemas: schemas\n' >.clerk.yml
	printf 'name: besluit\nextends: decision\n' | write schemas/besluit.yml
	valid_decision | sed 's/^type: decision$/type: besluit/; s/^## Besluit$/## Iets anders/' >2024-017.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_one section-required
}

@test "extends its own name: an own 'decision' builds on the built-in one" {
	printf 'schemas: schemas\n' >.clerk.yml
	printf 'name: decision\nextends: decision\nfields:\n  zaak:\n    type: string\n    required: true\n' |
		write schemas/decision.yml
	valid_decision >2024-017.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_only_one
	assert_one field-required "2024-017.md:1"
}

@test "extends: a circle is a schema error at its extends" {
	printf 'schemas: schemas\n' >.clerk.yml
	printf 'name: a\nextends: b\n' | write schemas/a.yml
	printf 'name: b\nextends: a\n' | write schemas/b.yml
	run --separate-stderr "$CLERK" check --as-of "$AS_OF"
	assert_schema_error 'schemas/[ab].yml' 2
}

@test "extends: an unknown type is a schema error at its extends" {
	printf 'schemas: schemas\n' >.clerk.yml
	printf 'name: a\nfields:\n  x: string\nextends: nothing\n' | write schemas/a.yml
	run --separate-stderr "$CLERK" check --as-of "$AS_OF"
	assert_schema_error schemas/a.yml 4
}

# ------------------------------------------------------------- sections

report() { # a progress report of kind $1 without Risks
	cat <<EOT
---
type: progress-report
id: RPT-2024-006
title: Rapportage glasvezel
date: 2024-07-01
status: final
series: glasvezel
sequence: 1
kind: $1
cites: [2024-017]
---
# Rapportage glasvezel

## Inleiding

De eerste helft van 2024.

## Voortgang

Twee kernen zijn klaar.

## Financiën

Binnen het budget.
EOT
	[ "$1" = progress ] || printf '\n## Evaluatie\n\nGoed.\n\n## Overdracht\n\nAan beheer.\n'
}

@test "progress-report: kind progress without Risks -> section-recommended (info), exit 0" {
	valid_decision >2024-017.md
	report progress >RPT-2024-006.md
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	assert_only_one
	assert_one section-recommended "RPT-2024-006.md:22"
}

@test "progress-report: kind closing without Risks -> section-required" {
	valid_decision >2024-017.md
	report closing >RPT-2024-006.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_only_one
	assert_one section-required "RPT-2024-006.md:22"
}

@test "match: exact -> a heading in other case is not the section" {
	memo_schema <<'EOT'
sections:
  - title: Advies
    match: exact
    required: true
EOT
	printf '## advies\n\nVerlengen.\n' | memo
	run "$CLERK" check --as-of "$AS_OF"
	assert_only_one
	assert_one section-required "memo-1.md:8"
	printf '## Advies\n\nVerlengen.\n' | memo
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
}

@test "match: exact -> numbering and an article are not skipped" {
	memo_schema <<'EOT'
sections:
  - title: Advies
    match: exact
    required: true
EOT
	printf '## 1. Het Advies\n\nVerlengen.\n' | memo
	run "$CLERK" check --as-of "$AS_OF"
	assert_one section-required
}

@test "tolerant matching (the default) keeps case, numbering and articles loose" {
	memo_schema <<'EOT'
sections:
  - title: Advies
    required: true
EOT
	printf '## 1. het ADVIES van de werkgroep\n\nVerlengen.\n' | memo
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
}

@test "match must be exact or tolerant" {
	memo_schema <<'EOT'
sections:
  - title: Advies
    match: strict
EOT
	run --separate-stderr "$CLERK" check --as-of "$AS_OF"
	assert_schema_error schemas/memo.yml 6
}

@test "allow-unknown-sections: true (the default) -> other headings are fine" {
	memo_schema <<'EOT'
sections:
  - title: Advies
EOT
	printf '## Achtergrond\n\nSinds 2011.\n\n## Advies\n\nVerlengen.\n' | memo
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
}

@test "allow-unknown-sections: false -> an empty unknown heading is reported once" {
	memo_schema <<'EOT'
allow-unknown-sections: false
sections:
  - title: Advies
EOT
	printf '## Achtergrond\n\n## Advies\n\nVerlengen.\n' | memo
	run "$CLERK" check --as-of "$AS_OF"
	assert_only_one
	assert_one section-unknown "memo-1.md:8"
}

@test "must-contain: text in a code block does not count" {
	memo_schema <<'EOT'
sections:
  - title: Rechten
    must-contain:
      - pattern: 'CC0'
        message: state the licence CC0
EOT
	printf '## Rechten\n\n```\nCC0\n```\n' | memo
	run "$CLERK" check --as-of "$AS_OF"
	assert_only_one
	assert_one section-text "memo-1.md:8"
	[[ "$output" == *"state the licence CC0"* ]]
	printf '## Rechten\n\nGepubliceerd onder\n*CC0*.\n' | memo
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
}

@test "must-contain: an entry needs a message" {
	memo_schema <<'EOT'
sections:
  - title: Rechten
    must-contain:
      - pattern: 'CC0'
EOT
	run --separate-stderr "$CLERK" check --as-of "$AS_OF"
	assert_schema_error schemas/memo.yml 7
}

# ------------------------------------------------------------- the body

@test "body-patterns: each match at its line and column, with the schema's words" {
	memo_schema <<'EOT'
body-patterns:
  - pattern: '\bTODO\b'
    message: finish the text
EOT
	printf 'Eerst TODO en dan nog TODO.\n\n`TODO` in code\n\n    TODO in a block\n\n<p>TODO</p>\n' | memo
	run "$CLERK" check --as-of "$AS_OF"
	[ "$(printf '%s\n' "$output" | grep -c '\[body-pattern\]$')" -eq 2 ]
	printf '%s\n' "$output" | grep -q "^memo-1.md:8:7: error: the text 'TODO' is not allowed here: finish the text \[body-pattern\]$"
	printf '%s\n' "$output" | grep -q "^memo-1.md:8:23: error: .*\[body-pattern\]$"
}

@test "body-patterns: severity warning, and silent on a clean text" {
	memo_schema <<'EOT'
body-patterns:
  - pattern: 'https?://intranet\b'
    message: link to the public site, not the intranet
    severity: warning
EOT
	printf 'Zie http://intranet/werf.\n' | memo
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	assert_only_one
	printf '%s\n' "$output" | grep -q "^memo-1.md:8:5: warning: .*\[body-pattern\]$"
	printf 'Zie https://www.example.org/werf.\n' | memo
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
}

@test "body-patterns: .clerk.yml can still turn the rule off" {
	memo_schema <<'EOT'
body-patterns:
  - pattern: 'TODO'
    message: finish the text
    severity: warning
EOT
	printf 'rules:\n  body-pattern: off\n' >>.clerk.yml
	printf 'TODO\n' | memo
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
}

@test "body-patterns: an unknown severity is a schema error" {
	memo_schema <<'EOT'
body-patterns:
  - pattern: 'TODO'
    message: finish the text
    severity: fatal
EOT
	run --separate-stderr "$CLERK" check --as-of "$AS_OF"
	assert_schema_error schemas/memo.yml 7
}

# ---------------------------------------------------------------- paths

@test "paths: EIPS, ./EIPS and the absolute path give identical results (configuration elsewhere)" {
	mkdir -p cfg/schemas
	write cfg/.clerk.yml <<'EOT'
schemas: schemas
type-field: none
types:
  - path: EIPS/*.md
    type: memo
EOT
	printf 'name: memo\nfields:\n  title: string\n' >cfg/schemas/memo.yml
	printf -- '---\nid: m1\ntitle: A\nstatus: x\n---\n# A\n' | write EIPS/m1.md
	run "$CLERK" check --as-of "$AS_OF" --config cfg/.clerk.yml EIPS
	assert_one field-unknown "EIPS/m1.md:4"
	a=$(printf '%s\n' "$output" | sed 's|^.*EIPS/||')
	run "$CLERK" check --as-of "$AS_OF" --config cfg/.clerk.yml ./EIPS
	[ "$(printf '%s\n' "$output" | sed 's|^.*EIPS/||')" = "$a" ]
	run "$CLERK" check --as-of "$AS_OF" --config cfg/.clerk.yml "$PWD/EIPS"
	[ "$(printf '%s\n' "$output" | sed 's|^.*EIPS/||')" = "$a" ]
}

@test "--print-config shows type-field and builtin-schemas and where they come from" {
	printf 'type-field: none\nbuiltin-schemas: false\n' >.clerk.yml
	run "$CLERK" check --print-config
	[[ "$output" == *"type-field: none	(.clerk.yml)"* ]]
	[[ "$output" == *"builtin-schemas: false	(.clerk.yml)"* ]]
	rm .clerk.yml
	run "$CLERK" check --print-config
	[[ "$output" == *"type-field: type	(default)"* ]]
}
