#!/usr/bin/env bats
# Golden error messages for mistakes in a schema (tests/golden/schema-errors):
# each schema stops clerk with exit code 2 and exactly the message stored
# beside it, with the schema's file, line and column.

bats_require_minimum_version 1.5.0

load helper

GOLDEN="$REPO/tests/golden/schema-errors"

# Loads the schema $1 (a name in GOLDEN) and compares stderr with its .err.
schema_error() {
	mkdir schemas
	cp "$GOLDEN/$1.yml" schemas/
	printf 'schemas: schemas\n' >.clerk.yml
	run --separate-stderr "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 2 ] || { echo "exit $status: $stderr" >&2; return 1; }
	[ -z "$output" ]
	diff <(printf '%s\n' "$stderr") "$GOLDEN/$1.err"
}

@test "every golden schema has its message, and every message its schema" {
	diff <(cd "$GOLDEN" && ls ./*.yml | sed 's/\.yml$//') <(cd "$GOLDEN" && ls ./*.err | sed 's/\.err$//')
}

@test "schema error: values on a string field" { schema_error values-on-string; }
@test "schema error: min-length on a date" { schema_error min-length-on-date; }
@test "schema error: values as a comma string" { schema_error comma-values; }
@test "schema error: section names as a comma string" { schema_error comma-names; }
@test "schema error: an enum value given twice" { schema_error duplicate-value; }
@test "schema error: a section name given twice" { schema_error duplicate-section-name; }
@test "schema error: a condition on an undefined field" { schema_error condition-unknown-field; }
@test "schema error: a condition on a value the enum does not have" { schema_error condition-unknown-value; }
@test "schema error: an unknown key in a condition lists the valid keys" { schema_error condition-unknown-key; }
@test "schema error: conditions nested too deep" { schema_error condition-too-deep; }
@test "schema error: an unknown field key lists the valid keys" { schema_error unknown-field-key; }
@test "schema error: an unknown top-level key lists the valid keys" { schema_error unknown-top-key; }
@test "schema error: an escape in a double-quoted pattern suggests single quotes" { schema_error escape-in-double-quotes; }
@test "schema error: severity-if with an unknown rule" { schema_error severity-if-unknown-rule; }
@test "schema error: severity-if cannot raise to error" { schema_error severity-if-error; }
@test "schema error: a target-status the targets cannot have" { schema_error target-status-unknown; }
@test "schema error: message without a pattern" { schema_error message-without-pattern; }

@test "the same schemas without the mistake load" {
	mkdir schemas
	cat >schemas/memo.yml <<'EOT'
name: memo
fields:
  status:
    type: enum
    values: [draft, final]
  title:
    type: string
    min-length: 5
    pattern: '^\d{4}'
    message: a title starts with a year
  note:
    type: string
    required-if: {field: status, not-equals: final}
sections:
  - title: Summary
    names: [Summary, Samenvatting]
severity-if:
  - when: {all: [{field: status, equals: draft}]}
    severity: info
    rules: [field-pattern]
EOT
	printf 'schemas: schemas\n' >.clerk.yml
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 0 ]
}
@test "schema error: not-public-if on an undefined field" { schema_error not-public-unknown-field; }
@test "schema error: not-public-if on a value the enum does not have" { schema_error not-public-unknown-value; }
@test "schema error: not-public-if that is not a condition" { schema_error not-public-not-a-condition; }
