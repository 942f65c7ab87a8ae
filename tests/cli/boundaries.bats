#!/usr/bin/env bats
# Boundaries that once let source changes slip through the tests (see
# tests/mutations.txt and `make mutate`): each test pins one edge from both
# sides, so that moving the edge by one fails a test.

bats_require_minimum_version 1.5.0

load helper

# A schema 'verslag' (minutes) with a numbered field and two required
# sections, in schemas/, with a .clerk.yml that reads it.
verslag_schema() {
	write .clerk.yml <<'EOT'
schemas: schemas
EOT
	write schemas/verslag.yml <<'EOT'
name: verslag
title: minutes
id:
  field: id
fields:
  id:
    type: string
    required: true
  vergadering:
    type: integer
    min: 1
    max: 12
    description: the number of the meeting in the year
  bron:
    type: url
    description: where the minutes are published
sections:
  - title: Overwegingen
    names: [Overwegingen]
    required: true
  - title: Besluit
    names: [Besluit]
    required: true
EOT
}

# Minutes 2024-03 with meeting number $1 (default 3), first heading $2
# (default Overwegingen) and source $3 (default a web address).
verslag() {
	cat <<EOT
---
type: verslag
id: 2024-03
vergadering: ${1:-3}
bron: ${3:-https://dijkmeer.nl/raad/verslagen/2024-03}
---
# Verslag van de vergadering van maart

## ${2:-Overwegingen}

De raad heeft de stukken besproken.

## Besluit

De raad stemt in met het verslag.
EOT
}

# ---------------------------------------------------------------- date-order

@test "date-order: a decision published on the day it was taken is in order" {
	valid_decision | sed 's/^date: 2024-03-12$/date: 2024-03-12\npublication: 2024-03-12/' |
		write 2024-017.md
	grep -q '^publication: 2024-03-12$' 2024-017.md
	run "$CLERK" check
	assert_clean
}

@test "date-order: published one day before it was taken is out of order" {
	valid_decision | sed 's/^date: 2024-03-12$/date: 2024-03-12\npublication: 2024-03-11/' |
		write 2024-017.md
	run "$CLERK" check
	[ "$status" -eq 1 ]
	assert_one date-order 2024-017.md:6
	assert_only_one
}

# ----------------------------------------------------------------- file-name

@test "file-name: a name that only ends in the id ('x2024-017.md') is wrong" {
	valid_decision | write x2024-017.md
	run "$CLERK" check
	[ "$status" -eq 0 ]
	assert_one file-name x2024-017.md:3
	assert_only_one
	[[ "$output" == *"belongs in a file named '2024-017.md'"* ]]
}

@test "file-name: the right name in a subfolder is right" {
	valid_decision | write besluiten/2024-017.md
	run "$CLERK" check
	assert_clean
}

# ------------------------------------------------------- symbolic links

@test "a symbolic link to a folder is not followed, so no record is checked twice" {
	valid_decision | sed 's/^status: adopted$/status: vastgesteld/' | write echt/2024-017.md
	ln -s echt link
	run "$CLERK" check
	[ "$status" -eq 1 ]
	assert_one field-enum echt/2024-017.md:6
	assert_only_one
}

@test "a symbolic link to a folder named on the command line is followed" {
	valid_decision | sed 's/^status: adopted$/status: vastgesteld/' | write echt/2024-017.md
	ln -s echt link
	run "$CLERK" check link
	[ "$status" -eq 1 ]
	# The folder it points to is the record set; each file is shown once,
	# under its path in that set.
	assert_one field-enum echt/2024-017.md:6
	assert_only_one
}

# ------------------------------------------------------------- YAML nesting

# Writes a.md: a decision whose field 'x' holds $1 lists, one inside the other.
nested() {
	{
		valid_decision | sed -n '1,7p'
		printf 'x: '
		printf "%$1s" '' | tr ' ' '['
		printf "%$1s" '' | tr ' ' ']'
		printf '\n'
		valid_decision | sed -n '8,$p'
	} | write a.md
}

@test "YAML nesting: 64 levels (the front matter and 63 lists) are read" {
	nested 63
	run "$CLERK" check a.md
	[[ "$output" != *"nested too deeply"* ]]
	assert_one field-unknown a.md:8
}

@test "YAML nesting: 65 levels are refused as nested too deeply" {
	nested 64
	run "$CLERK" check a.md
	[ "$status" -eq 1 ]
	assert_one frontmatter-invalid a.md:8
	[[ "$output" == *"nested too deeply"* ]]
}

# ---------------------------------------------------------- type-unknown

@test "type-unknown: a type two letters off gets 'did you mean'" {
	valid_decision | sed 's/^type: decision$/type: decisi/' | write 2024-017.md
	run "$CLERK" check
	[ "$status" -eq 1 ]
	assert_one type-unknown 2024-017.md:2
	[[ "$output" == *"'decisi' is not a known record type; did you mean 'decision'?"* ]]
}

@test "type-unknown: a type three letters off gets the list of types instead" {
	valid_decision | sed 's/^type: decision$/type: decis/' | write 2024-017.md
	run "$CLERK" check
	[ "$status" -eq 1 ]
	assert_one type-unknown 2024-017.md:2
	[[ "$output" != *"did you mean"* ]]
	[[ "$output" == *"'decis' is not a known record type; use "*"'decision'"* ]]
}

# ------------------------------------------- a misspelt section heading

@test "section-required: a heading with the same first five letters is named as the misspelling" {
	verslag_schema
	verslag 3 "Overwinning op de achterstand" | write 2024-03.md
	run "$CLERK" check
	[ "$status" -eq 1 ]
	assert_one section-required 2024-03.md:9
	assert_only_one
	[[ "$output" == *"the heading 'Overwinning op de achterstand' is not a section of "*"did you mean the section"* ]]
}

@test "section-required: a heading with only the first four letters in common is not" {
	verslag_schema
	verslag 3 "Overzicht van de kosten" | write 2024-03.md
	run "$CLERK" check
	[ "$status" -eq 1 ]
	assert_one section-required 2024-03.md:7
	assert_only_one
	[[ "$output" != *"is meant to be it"* ]]
	[[ "$output" == *"the section 'Overwegingen' is missing"* ]]
}

# -------------------------------------------------- integer min and max

@test "field-type: a number below min of a field with min and max names the whole range" {
	verslag_schema
	verslag 0 | write 2024-03.md
	run "$CLERK" check
	[ "$status" -eq 1 ]
	assert_one field-type 2024-03.md:4
	[[ "$output" == *"field 'vergadering' must be a whole number from 1 to 12, not '0'"* ]]
}

@test "field-type: a number above max of a field with min and max names the whole range" {
	verslag_schema
	verslag 13 | write 2024-03.md
	run "$CLERK" check
	[ "$status" -eq 1 ]
	assert_one field-type 2024-03.md:4
	[[ "$output" == *"field 'vergadering' must be a whole number from 1 to 12, not '13'"* ]]
}

@test "field-type: min and max themselves are allowed" {
	verslag_schema
	verslag 1 | write 2024-03.md
	run "$CLERK" check
	assert_clean
	verslag 12 | write 2024-03.md
	run "$CLERK" check
	assert_clean
}

# ------------------------------------------------------------ enum and url

@test "field-enum: a value in other capitals is not the allowed value" {
	valid_decision | sed 's/^status: adopted$/status: Adopted/' | write 2024-017.md
	run "$CLERK" check
	[ "$status" -eq 1 ]
	assert_one field-enum 2024-017.md:6
	assert_only_one
	[[ "$output" == *"did you mean 'adopted'?"* ]]
}

@test "field-type: a web address without a host is not a url" {
	verslag_schema
	verslag 3 Overwegingen 'https://' | write 2024-03.md
	run "$CLERK" check
	[ "$status" -eq 1 ]
	assert_one field-type 2024-03.md:5
	assert_only_one
}

@test "field-type: a web address with a host is a url" {
	verslag_schema
	verslag 3 Overwegingen 'http://dijkmeer.nl' | write 2024-03.md
	run "$CLERK" check
	assert_clean
}

# ----------------------------------------------------------- section order

@test "section-order: sections in another order are fine when the schema does not ask for order" {
	verslag_schema
	verslag | awk '
		/^## Overwegingen$/ { held = 1 }
		/^## Besluit$/ { held = 0 }
		held { kept = kept $0 "\n"; next }
		{ print }
		END { printf "\n%s", kept }
	' | write 2024-03.md
	[ "$(grep -n '^## ' 2024-03.md | cut -d: -f2)" = "$(printf '## Besluit\n## Overwegingen')" ]
	run "$CLERK" check
	assert_clean
}
