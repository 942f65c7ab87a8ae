#!/usr/bin/env bats
# "Did you mean": Dutch (or any) words for a value are not accepted, but the
# message names the value meant and offers it as the fix (schema key
# `synonyms`, and durations written in words).

bats_require_minimum_version 1.5.0
load helper

# A valid covenant; sed expressions in $@ change it.
covenant() {
	cat <<'EOT' | sed "$@"
---
type: covenant
id: COV-2024-001
title: Convenant schone schoolpleinen
date: 2024-02-01
status: active
parties: [Gemeente Dijkmeer, Stichting Openbaar Onderwijs Dijkmeer]
effective: 2024-03-01
term: P3Y
reporting: P1Y
---
# Convenant schone schoolpleinen

## Partijen

De gemeente Dijkmeer en de stichting voor openbaar onderwijs.

## Doel

Rookvrije en groene schoolpleinen in 2026.

## Afspraken

De stichting maakt de pleinen rookvrij; de gemeente betaalt de beplanting.

## Looptijd

Drie jaar vanaf 1 maart 2024.
EOT
}

@test "the correct covenant is clean (the words below are the only defects)" {
	covenant -e '' | write COV-2024-001.md
	run "$CLERK" check --as-of 2024-06-01 .
	assert_clean
}

@test "a Dutch status gets the status meant, with the fix" {
	valid_decision | sed 's/^status: adopted$/status: vastgesteld/' | write 2024-017.md
	run -1 "$CLERK" check --as-of "$AS_OF" 2024-017.md
	assert_only_one
	[ "${lines[0]}" = "2024-017.md:6:9: error: field 'status' is 'vastgesteld', which is not allowed; did you mean 'adopted'? (use draft, adopted, withdrawn or expired) [field-enum]" ]
	run -1 "$CLERK" check --as-of "$AS_OF" --format json 2024-017.md
	[[ "$output" == *'"fix":{"line":6,"column":9,"end_line":6,"end_column":20,"text":"adopted"}'* ]]
}

@test "in Dutch the question is asked in Dutch" {
	valid_decision | sed 's/^status: adopted$/status: vastgesteld/' | write 2024-017.md
	run -1 "$CLERK" --lang nl check --as-of "$AS_OF" 2024-017.md
	[[ "${lines[0]}" == *"bedoelt u 'adopted'?"* ]]
}

@test "synonyms ignore case and extra spaces: 'Van  Kracht' means active" {
	covenant -e 's/^status: active$/status: Van  Kracht/' | write COV-2024-001.md
	run -1 "$CLERK" check --as-of 2024-06-01 .
	assert_only_one
	[[ "${lines[0]}" == "COV-2024-001.md:6:9: error: field 'status' is 'Van  Kracht', which is not allowed; did you mean 'active'?"* ]]
}

@test "a duration in Dutch words gets its ISO form: '3 jaar' is P3Y, 'zes maanden' is P6M" {
	covenant -e 's/^term: P3Y$/term: 3 jaar/' -e 's/^reporting: P1Y$/reporting: zes maanden/' |
		write COV-2024-001.md
	run -1 "$CLERK" check --as-of 2024-06-01 .
	[ "${#lines[@]}" -eq 3 ]
	[[ "$output" == *"COV-2024-001.md:9:7: error: field 'term' is '3 jaar', which is not a duration clerk can read; did you mean 'P3Y'? [field-type]"* ]]
	[[ "$output" == *"COV-2024-001.md:10:12: error: field 'reporting' is 'zes maanden', which is not a duration clerk can read; did you mean 'P6M'? [field-type]"* ]]
}

@test "English words work too: '3 years' is P3Y" {
	covenant -e 's/^term: P3Y$/term: 3 years/' | write COV-2024-001.md
	run -1 "$CLERK" check --as-of 2024-06-01 --format json .
	[[ "$output" == *'"fix":{"line":9,"column":7,"end_line":9,"end_column":14,"text":"P3Y"}'* ]]
}

@test "'onbepaalde tijd' means the keyword indefinite" {
	covenant -e 's/^term: P3Y$/term: onbepaalde tijd/' | write COV-2024-001.md
	run -1 "$CLERK" check --as-of 2024-06-01 .
	assert_only_one
	[[ "${lines[0]}" == *"field 'term' is 'onbepaalde tijd', which is not a duration clerk can read; did you mean 'indefinite'? [field-type]" ]]
}

@test "a word that is no synonym gets the plain message without a guess" {
	covenant -e 's/^term: P3Y$/term: nog onbekend/' | write COV-2024-001.md
	run -1 "$CLERK" check --as-of 2024-06-01 .
	assert_only_one
	[[ "${lines[0]}" == *"field 'term' must be a duration such as P3Y (three years) or P6M (six months), or the word 'indefinite', not 'nog onbekend' [field-type]" ]]
}

@test "an organisation's own schema gives its own synonyms" {
	mkdir schemas
	write schemas/memo.yml <<'EOT'
name: memo
id: {field: id}
fields:
  id: string
  title: string
  status:
    type: enum
    values: [open, closed]
    synonyms:
      closed: [gesloten, afgehandeld]
EOT
	printf 'schemas: schemas\n' | write .clerk.yml
	printf -- '---\ntype: memo\nid: M-1\ntitle: Memo\nstatus: afgehandeld\n---\n' | write M-1.md
	run -1 "$CLERK" check --as-of "$AS_OF" M-1.md
	assert_only_one
	[[ "${lines[0]}" == *"did you mean 'closed'?"* ]]
}

@test "a synonym of a value the field does not have is a schema mistake with its line" {
	mkdir schemas
	write schemas/memo.yml <<'EOT'
name: memo
id: {field: id}
fields:
  id: string
  status:
    type: enum
    values: [open, closed]
    synonyms:
      done: [klaar]
EOT
	printf 'schemas: schemas\n' | write .clerk.yml
	run -2 "$CLERK" check .
	[ "${lines[0]}" = "clerk: schemas/memo.yml:9:7: synonyms of field 'status' name 'done', which is not one of its values or keywords" ]
}
