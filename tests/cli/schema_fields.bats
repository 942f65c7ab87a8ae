#!/usr/bin/env bats
# The schema language, field side: conditions (equals,
# not-equals, set, all, any), min-length, max-length, not-patterns,
# message, unique-items, sorted-items, fields-ordered (field-order),
# target-status (ref-status), severity-if, and the mistakes in a schema
# that stop clerk with exit code 2 (golden messages).

bats_require_minimum_version 1.5.0

load helper

# A memo type with every field key of the schema language; records go in memos/.
memo_schema() {
	write .clerk.yml <<'EOT'
schemas: schemas
types:
  - path: 'memos/*.md'
    type: memo
EOT
	write schemas/memo.yml <<'EOT'
name: memo
fields:
  title:
    type: string
    required: true
    min-length: 5
    max-length: 20
    not-patterns:
      - pattern: ':'
        message: a title has no colon
  code:
    type: string
    pattern: '^[A-Z]{2}$'
    message: two capital letters
  status:
    type: enum
    values: [Draft, Final, Retired, Moved]
  requires:
    type: list
    items: ref
    targets: [memo]
    unique-items: true
    sorted-items: number
    target-status: not-behind
  tags:
    type: list
    sorted-items: text
  moved-to:
    type: string
    required-if: {field: status, equals: Moved}
  owner:
    type: string
    required-if: {field: status, not-equals: Moved}
  reason:
    type: string
    required-if:
      all:
        - {field: status, equals: Retired}
        - any: [{field: code, set: true}, {field: tags, set: false}]
EOT
}

# A clean memo $1 (id) with status $2 and extra front matter lines on stdin.
memo() {
	{
		printf -- '---\nid: %s\ntitle: Memo over %s\nstatus: %s\nowner: Team\n' "$1" "$1" "$2"
		cat
		printf -- '---\nText.\n'
	} | write "memos/$1.md"
}

assert_clean_run() {
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 0 ] || { printf '%s\n' "$output" >&2; return 1; }
	[ "$(printf '%s\n' "$output" | head -n -1)" = "" ] || { printf '%s\n' "$output" >&2; return 1; }
}

# Asserts that the run's output is exactly the lines given (without the summary).
assert_findings() {
	local got
	got=$(printf '%s\n' "$output" | head -n -1)
	[ "$got" = "$1" ] || { printf 'expected:\n%s\ngot:\n%s\n' "$1" "$got" >&2; return 1; }
}

@test "fields: a clean set with every key is silent" {
	memo_schema
	memo 1 Final <<<'code: AB'
	memo 2 Final <<<$'requires: [1]\ntags: [a, b]'
	memo 3 Moved <<<'moved-to: elders'
	memo 4 Retired <<<'tags: [x]'
	assert_clean_run
}

@test "max-length and min-length: field-pattern saying the length and the limit" {
	memo_schema
	memo 1 Final </dev/null
	sed -i 's/^title: .*/title: Een titel die veel te lang is/' memos/1.md
	memo 2 Final </dev/null
	sed -i 's/^title: .*/title: Kort/' memos/2.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_findings "memos/1.md:3:8: error: field 'title' is 29 characters long, but may be at most 20 [field-pattern]
memos/2.md:3:8: error: field 'title' is 4 characters long, but must be at least 5 [field-pattern]"
}

@test "max-length counts characters, not bytes" {
	memo_schema
	memo 1 Final </dev/null
	sed -i 's/^title: .*/title: Één café, één thé!!/' memos/1.md
	assert_clean_run
}

@test "not-patterns and message: the schema's words, never the pattern" {
	memo_schema
	memo 1 Final <<<'code: abc'
	sed -i "s/^title: .*/title: 'Memo: iets'/" memos/1.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_findings "memos/1.md:3:8: error: field 'title': 'Memo: iets' does not have the required form (a title has no colon) [field-pattern]
memos/1.md:6:7: error: field 'code': 'abc' does not have the required form (two capital letters) [field-pattern]"
	[[ "$output" != *"[A-Z]"* ]]
}

@test "unique-items and sorted-items: field-items naming the item" {
	memo_schema
	memo 1 Final </dev/null
	memo 2 Final </dev/null
	memo 3 Final <<<$'requires: [2, 1, 2]\ntags: [b, a]'
	run "$CLERK" check --as-of "$AS_OF"
	assert_findings "memos/3.md:6:15: error: field 'requires': '1' should come before '2'; keep the items in order of their number [field-items]
memos/3.md:6:18: error: field 'requires' names '2' twice; remove the second one [field-items]
memos/3.md:7:11: error: field 'tags': 'a' should come before 'b'; keep the items in alphabetical order [field-items]"
}

@test "sorted-items: number compares numbers, not text" {
	memo_schema
	memo 2 Final </dev/null
	memo 10 Final <<<'requires: [2, 10]'
	sed -i 's/^requires: .*/requires: [2]/' memos/10.md
	memo 11 Final <<<'requires: [2, 10]'
	assert_clean_run
}

@test "conditions: not-equals, and all/any, in the message as written" {
	memo_schema
	memo 1 Final </dev/null
	sed -i '/^owner:/d' memos/1.md
	memo 2 Retired <<<'code: AB'
	memo 3 Moved </dev/null
	run "$CLERK" check --as-of "$AS_OF"
	assert_findings "memos/1.md:4:1: error: field 'owner' is required because 'status' is not 'Moved' [field-required]
memos/2.md:4:1: error: field 'reason' is required because 'status' is 'Retired' and 'code' is filled in or 'tags' is not filled in [field-required]
memos/3.md:4:1: error: field 'moved-to' is required because 'status' is 'Moved' [field-required]"
}

@test "conditions: set: false and any hold only when they should" {
	memo_schema
	memo 1 Retired <<<'tags: [x]'
	assert_clean_run
	sed -i '/^tags:/d' memos/1.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_findings "memos/1.md:4:1: error: field 'reason' is required because 'status' is 'Retired' and 'tags' is not filled in [field-required]"
}

@test "ref-status not-behind: a Final memo requires no Draft; Final requires Final is fine" {
	memo_schema
	memo 1 Draft </dev/null
	memo 2 Final </dev/null
	memo 3 Final <<<'requires: [1, 2]'
	memo 4 Draft <<<'requires: [1]'
	run "$CLERK" check --as-of "$AS_OF"
	assert_findings "memos/3.md:6:12: error: field 'requires' names 1, whose status 'Draft' is behind this record's status 'Final'; a record names only records that are at least as far along [ref-status]"
}

@test "ref-status with a list: the statuses the target's type can have" {
	memo_schema
	sed -i 's/target-status: not-behind/target-status: [Final, Retired]/' schemas/memo.yml
	memo 1 Draft <<<'tags: [x]'
	memo 2 Final <<<'requires: [1]'
	run "$CLERK" check --as-of "$AS_OF"
	assert_findings "memos/2.md:6:12: error: field 'requires' names 1, whose status is 'Draft'; the records it names must have status 'Final' or 'Retired' [ref-status]"
	sed -i 's/^status: Draft/status: Retired/' memos/1.md
	assert_clean_run
}

@test "ref-status: built-in decisions, an adopted one citing a draft; a draft citing a draft is fine" {
	valid_decision 2024-001 | sed 's/^status: adopted/status: draft/' | write 2024-001.md
	valid_decision 2024-002 | sed 's/^status: adopted/status: draft/; s/^date: .*/date: 2024-04-01\ncites: [2024-001]/' | write 2024-002.md
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	sed -i 's/^status: draft/status: adopted/' 2024-002.md
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 1 ]
	assert_findings "2024-002.md:6:9: error: field 'cites' names 2024-001, whose status is 'draft'; the records it names must have status 'expired', 'adopted' or 'withdrawn' [ref-status]"
}

@test "fields-ordered: field-order names the field out of place and where it belongs" {
	memo_schema
	sed -i 's/^name: memo$/name: memo\nfields-ordered: true/' schemas/memo.yml
	memo 1 Final </dev/null
	assert_clean_run
	write memos/2.md <<'EOT'
---
id: '2'
status: Final
title: Memo over twee
owner: Team
---
Text.
EOT
	run "$CLERK" check --as-of "$AS_OF"
	assert_findings "memos/2.md:4:1: warning: the field 'title' is out of place: in a memo it comes before the field 'status' on line 3 [field-order]"
}

@test "severity-if: findings downgraded or dropped while the condition holds, and only then" {
	memo_schema
	cat >>schemas/memo.yml <<'EOT'
severity-if:
  - when: {field: status, equals: Retired}
    severity: warning
  - when: {field: status, equals: Moved}
    severity: off
    rules: [field-pattern]
EOT
	memo 1 Retired <<<$'code: abc\ntags: [x]'
	memo 2 Moved <<<$'code: abc\nmoved-to: elders'
	memo 3 Final <<<'code: abc'
	run "$CLERK" check --as-of "$AS_OF"
	assert_findings "memos/1.md:4:1: warning: field 'reason' is required because 'status' is 'Retired' and 'code' is filled in [field-required]
memos/1.md:6:7: warning: field 'code': 'abc' does not have the required form (two capital letters) [field-pattern]
memos/3.md:6:7: error: field 'code': 'abc' does not have the required form (two capital letters) [field-pattern]"
}

@test "severity-if applies to whole-set findings too" {
	memo_schema
	cat >>schemas/memo.yml <<'EOT'
severity-if:
  - when: {field: status, equals: Final}
    severity: info
    rules: [ref-status, ref-unresolved]
EOT
	memo 1 Draft </dev/null
	memo 2 Final <<<'requires: [1, 9]'
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	[[ "$output" == *"info: field 'requires' names 1"*"[ref-status]"* ]]
	[[ "$output" == *"info: "*"[ref-unresolved]"* ]]
}

@test "enum: a value typed with a combining mark (e + U+0308) is the composed one; another spelling is not" {
	write .clerk.yml <<'EOT'
schemas: schemas
builtin-schemas: no
types:
  - path: '*.md'
    type: akte
EOT
	write schemas/akte.yml <<'EOT'
name: akte
id:
  field: nummer
fields:
  nummer:
    type: string
    required: true
  status:
    type: enum
    required: true
    values: [lopend, beëindigd]
EOT
	# "beëindigd" with the e and the diaeresis apart, as some programs paste it
	printf -- '---\nnummer: a1\nstatus: bee\xcc\x88indigd\n---\n\n# Akte\n' | write a.md
	run ! grep -q 'beëindigd' a.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
	printf -- '---\nnummer: a1\nstatus: beeindigd\n---\n\n# Akte\n' | write a.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_one field-enum a.md:3
}
