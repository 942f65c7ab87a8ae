#!/usr/bin/env bats
# Mistakes of records written from a word processor, caught: an id of the
# year before on a late decision (id-year), Word's dashes, quotes and
# spaces named in the messages that echo a value and curly quotes around a
# title (field-artefact), a title that differs from the heading
# (title-heading) or from the report's kind (title-kind), a body in
# Windows-1252 (encoding-invalid), a record in the folder of another type
# (type-folder). Each is silent on the correct record.

load helper

setup() {
	WORK="$BATS_TEST_TMPDIR/work"
	mkdir -p "$WORK"
	cd "$WORK" || return 1
	export CLERK_SANITIZER_LOG="$BATS_TEST_TMPDIR/sanitizer.log"
	cp -r "$REPO/tests/fixtures/dutch/." .
}

check() {
	run "$CLERK" --lang en check --as-of "$AS_OF" "$@"
}

@test "id-year: an id of the year before is usual in January to March, not in November" {
	# 2016009911 is dated 2017-01-12: silent.
	check
	assert_clean
	sed -i 's/^date: 2017-01-12$/date: 2017-11-09/' 2016009911.md
	check
	assert_one id-year 2016009911.md:3
	assert_only_one
	[[ "$output" == *"the id '2016009911' has the year 2016, but the record is dated 2017-11-09; an id of an earlier year is usual only for records dated in the first 3 months of the year, so the year in the id should be 2017 [id-year]"* ]]
	sed -i 's/^date: 2017-11-09$/date: 2017-03-31/' 2016009911.md
	check
	assert_clean
	sed -i 's/^date: 2017-03-31$/date: 2017-04-01/' 2016009911.md
	check
	assert_one id-year 2016009911.md:3
}

@test "id-year: id-year-months in .clerk.yml sets the months; a bad value is exit 2 at its line" {
	sed -i 's/^date: 2017-01-12$/date: 2017-11-09/' 2016009911.md
	printf 'id-year-months: 11\n' >>.clerk.yml
	check
	assert_clean
	sed -i 's/^id-year-months: 11$/id-year-months: 0/' .clerk.yml
	sed -i 's/^date: 2017-11-09$/date: 2017-01-09/' 2016009911.md
	check
	assert_one id-year 2016009911.md:3
	sed -i 's/^id-year-months: 0$/id-year-months: dertien/' .clerk.yml
	check
	[ "$status" -eq 2 ]
	[[ "$output" == *".clerk.yml:6:17: 'id-year-months' must be a whole number of months from 0 to 12"* ]]
}

@test "artefacts: an en-dash in a date is named, with the date to write" {
	sed -i 's/^date: 2017-01-12$/date: 2017–01–12/' 2016009911.md
	check
	assert_one field-type 2016009911.md:5
	assert_only_one
	[[ "$output" == *"field 'date' must be a date written as YYYY-MM-DD (such as 2024-03-01), not '2017–01–12': it contains an en-dash (–) where a hyphen (-) belongs; write '2017-01-12' [field-type]"* ]]
	run "$CLERK" --lang en check --as-of "$AS_OF" --format json 2016009911.md
	[[ "$output" == *'"text":"2017-01-12"'* ]]
}

@test "artefacts: dashes, spaces and quotes in ids, references and forms are named" {
	sed -i 's/^id: COV-2016-001$/id: COV–2016–001/' COV-2016-001.md
	check
	[[ "$output" == *"COV-2016-001.md:3:5: error: 'COV–2016–001' is not a valid id for an agreement; ids look like 'COV-2024-001': it contains an en-dash (–) where a hyphen (-) belongs; write 'COV-2016-001' [id-pattern]"* ]]
	cp "$REPO/tests/fixtures/dutch/COV-2016-001.md" .
	sed -i 's/^  - COV-2016-001$/  - COV—2016—001/' 2016009911.md
	check
	assert_one ref-unresolved 2016009911.md:9
	[[ "$output" == *"it contains an em-dash (—) where a hyphen (-) belongs; write 'COV-2016-001' [ref-unresolved]"* ]]
	cp "$REPO/tests/fixtures/dutch/2016009911.md" .
	sed -i 's/^series: belastingen-lindeburg-oosterveen$/series: belastingen–lindeburg/' RPT-2017-001.md
	check
	assert_one field-pattern RPT-2017-001.md:9
	[[ "$output" == *"it contains an en-dash (–) where a hyphen (-) belongs; write 'belastingen-lindeburg' [field-pattern]"* ]]
	cp "$REPO/tests/fixtures/dutch/RPT-2017-001.md" .
	printf -v nbsp '\xc2\xa0'
	sed -i "s/^id: 2015-0187\$/id: 2015${nbsp}0187/" 2015-0187.md
	check
	[[ "$output" == *"it contains a non-breaking space where a normal space belongs; write '2015 0187' [id-pattern]"* ]]
	cp "$REPO/tests/fixtures/dutch/2015-0187.md" .
	sed -i 's/^status: terminated$/status: “terminated”/' COV-2016-001.md
	check
	[[ "$output" == *"it contains curly quotes from a word processor; write 'terminated' [field-enum]"* ]]
}

@test "field-artefact: curly quotes around a title warn with the fix; an en-dash inside a title is fine" {
	sed -i 's/^title: Samenwerking belastingen met Lindeburg$/title: “Samenwerking belastingen met Lindeburg”/' 2015-0187.md
	check
	assert_one field-artefact 2015-0187.md:4
	assert_only_one
	[[ "$output" == *"field 'title' is wrapped in curly quotes from a word processor; remove them [field-artefact]"* ]]
	run "$CLERK" --lang en check --as-of "$AS_OF" --format json 2015-0187.md
	[[ "$output" == *'"text":"Samenwerking belastingen met Lindeburg"'* ]]
	sed -i 's/^title: .*$/title: Samenwerking belastingen Lindeburg–Oosterveen/; s/^# .*$/# Samenwerking belastingen Lindeburg–Oosterveen/' 2015-0187.md
	check
	assert_clean
	printf -v zw '\xe2\x80\x8b'
	sed -i "s/^authority: Gemeenteraad/authority: Gemeente${zw}raad/" 2015-0187.md
	check
	assert_one field-artefact 2015-0187.md:7
	[[ "$output" == *"field 'authority' holds an invisible zero-width space; remove it"* ]]
}

@test "title-heading: a title that differs from the first heading warns at the heading" {
	sed -i 's/^# Samenwerking belastingen met Lindeburg$/# Samenwerking heffingen met Lindeburg/' 2015-0187.md
	check
	assert_one title-heading 2015-0187.md:11
	assert_only_one
	[[ "$output" == *"the heading 'Samenwerking heffingen met Lindeburg' differs from the title 'Samenwerking belastingen met Lindeburg' in the front matter (line 4); make them the same [title-heading]"* ]]
	# Case, spaces, a closing full stop, quotes and emphasis do not count.
	sed -i 's/^# .*$/# SAMENWERKING  belastingen met *Lindeburg*./' 2015-0187.md
	check
	assert_clean
	sed -i "s/^# .*\$/# 'Samenwerking belastingen met Lindeburg'/" 2015-0187.md
	check
	assert_clean
}

@test "title-heading: the examples and the fixtures written from real documents are silent" {
	for d in "$REPO/examples/records" "$REPO/tests/fixtures/acceptance" "$REPO/tests/fixtures/set" "$REPO/tests/fixtures/body"; do
		run "$CLERK" check --as-of "$AS_OF" "$d"
		[[ "$output" != *"[title-"* ]]
		[[ "$output" != *"[field-artefact]"* ]]
		[[ "$output" != *"[encoding-invalid]"* ]]
	done
}

closing_report() {
	sed -i 's/^sequence: 1$/sequence: 1\nkind: closing/' RPT-2017-001.md
	cat >>RPT-2017-001.md <<'EOT'

## Evaluatie

De samenwerking werkte.

## Overdracht

Het team gaat over naar Lindeburg.
EOT
}

@test "title-kind: a title that says Slotrapportage on a report that is not a closing one" {
	sed -i 's/^title: Eerste voortgangsrapportage/title: Slotrapportage/; s/^# Eerste voortgangsrapportage/# Slotrapportage/' RPT-2017-001.md
	check
	assert_one title-kind RPT-2017-001.md:4
	assert_only_one
	[[ "$output" == *"the title says 'slotrapportage', but the report's kind is 'progress'; add 'kind: closing', or correct the title [title-kind]"* ]]
	closing_report
	check
	assert_clean
	sed -i 's/Slotrapportage/Eindrapportage/' RPT-2017-001.md
	check
	assert_clean
}

@test "title-kind: a closing report whose title says voortgangsrapportage" {
	closing_report
	check
	assert_one title-kind RPT-2017-001.md:4
	assert_only_one
	[[ "$output" == *"the title says 'voortgangsrapportage', but the report's kind is 'closing'; correct the title or the kind [title-kind]"* ]]
}

@test "encoding-invalid: a body in Windows-1252 is one finding, at the line of the first bad byte" {
	printf 'Het overleg met de ondernemingsraad \x96 over de overgang \x96 is afgerond.\nDe caf\xe9 blijft open.\n' >>RPT-2017-001.md
	check
	assert_one encoding-invalid RPT-2017-001.md:32
	assert_only_one
	[[ "$output" == *"RPT-2017-001.md:32:37: error: the text is not UTF-8 from this line on (byte 0x96, in Windows-1252 the character '–'); save the file as UTF-8"* ]]
	[ "$status" -eq 1 ]
	# Every other record is still checked.
	sed -i 's/^  - COV-2016-001$/  - COV-2016-009/' 2016009911.md
	check
	assert_one ref-unresolved 2016009911.md:9
}

@test "type-folder: a record in a folder that .clerk.yml gives another type" {
	mkdir besluiten
	printf 'types:\n  - path: "besluiten/*.md"\n    type: decision\n' >>.clerk.yml
	mv 2016000101.md 2015-0187.md besluiten/
	check
	assert_clean
	mv COV-2016-001.md besluiten/
	check
	assert_one type-folder besluiten/COV-2016-001.md:2
	assert_only_one
	[[ "$output" == *"this record is an agreement, but .clerk.yml (line 8) says the files where it lies are a decision; move the file to the folder of its type, or correct the type [type-folder]"* ]]
}
