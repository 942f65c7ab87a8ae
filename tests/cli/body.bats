#!/usr/bin/env bats
# The body's text: dates and weekdays written in it (text-date-invalid,
# text-date-weekday), decision points, numbers and ordinals.

load helper

@test "dates in the text: correct dates of every form are silent" {
	decision_with <<'EOT' | write 2010-004.md
1. de overeenkomst van woensdag 27 januari 2010 te verlengen tot 1-1-2014,
   ingaande 16.01.2011 en uiterlijk op 2011-03-31 te melden;
2. de raad op Wednesday, January 27, 2010 te informeren, in de week van
   1 t/m 3 maart (2010) en vóór 29 februari 2012.
EOT
	run "$CLERK" check
	assert_clean
}

@test "text-date-invalid: a day that does not exist, at its line and column" {
	decision_with <<'EOT' | write 2010-004.md
1. de overeenkomst te verlengen tot 31 juni 2016.
EOT
	run "$CLERK" check
	assert_one text-date-invalid 2010-004.md:11
	assert_only_one
	[ "$status" -eq 1 ]
	[[ "$output" == *"2010-004.md:11:37: error: the date '31 juni 2016' does not exist: June 2016 has only 30 days [text-date-invalid]"* ]]
}

@test "text-date-invalid: the year of a date without one is the record's" {
	decision_with <<'EOT' | write 2010-004.md
Besproken op 29 februari.
EOT
	run "$CLERK" check
	assert_one text-date-invalid 2010-004.md:11
	[[ "$output" == *":11:14: error: the date '29 februari' does not exist in 2010"* ]]
}

@test "text-date-invalid: a numeric date and the second day of a range" {
	decision_with <<'EOT' | write 2010-004.md
1. per 32/1/2014;
2. van 30 t/m 31 april 2014.
EOT
	run "$CLERK" check
	[[ "$output" == *"2010-004.md:11:8: error: the date '32/1/2014' does not exist"* ]]
	[[ "$output" == *"2010-004.md:12:15: error: the date '31 april 2014' does not exist"* ]]
	[ "$(printf '%s\n' "$output" | grep -c '\]$')" -eq 2 ]
}

@test "text-date-weekday: the real weekday in Dutch and in English" {
	decision_with <<'EOT' | write 2010-004.md
1. besloten op dinsdag 27 januari 2010;
2. announced on Tuesday, January 27, 2010.
EOT
	run "$CLERK" check
	[[ "$output" == *"2010-004.md:11:16: error: the weekday 'dinsdag' does not match the date: 27 januari 2010 is een woensdag [text-date-weekday]"* ]]
	[[ "$output" == *"2010-004.md:12:17: error: the weekday 'Tuesday' does not match the date: January 27, 2010 was a Wednesday [text-date-weekday]"* ]]
	[ "$(printf '%s\n' "$output" | grep -c '\]$')" -eq 2 ]
}

@test "dates in code, links, HTML and URLs are not read" {
	decision_with <<'EOT' | write 2010-004.md
1. zie `31 juni 2016` en <https://example.org/31-06-2016> en
   [het verslag](https://example.org/?d=31-06-2016) en <span title="31 juni 2016">x</span>.

```
31 juni 2016
```

    31 juni 2016

<div>31 juni 2016</div>
EOT
	run "$CLERK" check
	assert_clean
}

@test "dates: a date over a line break is read whole, once, at its first line" {
	decision_with <<'EOT' | write 2010-004.md
1. gehouden op dinsdag
   27 januari 2010, en de termijn liep tot 29 februari
   2009; `code`
   31 juni 2016 en 31 juni
   2016.
EOT
	run "$CLERK" check
	[[ "$output" == *"2010-004.md:11:16: error: the weekday 'dinsdag' does not match the date: 27 januari 2010 is een woensdag [text-date-weekday]"* ]]
	[[ "$output" == *"2010-004.md:12:44: error: the date '29 februari 2009' does not exist"* ]]
	[[ "$output" == *"2010-004.md:14:4: error: the date '31 juni 2016' does not exist"* ]]
	[[ "$output" == *"2010-004.md:14:20: error: the date '31 juni 2016' does not exist"* ]]
	[ "$(printf '%s\n' "$output" | grep -c '\]$')" -eq 4 ]
}

@test "dates: columns stay right after indentation, entities and emphasis" {
	decision_with <<'EOT' | write 2010-004.md
- eerste punt
  - &amp; *nadruk* op 31 juni 2016
EOT
	run "$CLERK" check
	[[ "$output" == *"2010-004.md:12:23: error: the date '31 juni 2016'"* ]]
}

@test "decision-points: points numbered 1, 2, 3 are silent, also across a paragraph" {
	decision_with <<'EOT' | write 2010-004.md
1. de overeenkomst te verlengen;
2. de huur te indexeren;

   a. met de consumentenprijsindex;

Toelichting bij het derde punt:

3. de raad te informeren.
EOT
	run "$CLERK" check
	assert_clean
}

@test "decision-points: a gap, on the line of the point and its number" {
	decision_with <<'EOT' | write 2010-004.md
1. de overeenkomst te verlengen;
2. de huur te indexeren;
4. de raad te informeren;
5. dit besluit bekend te maken.
EOT
	run "$CLERK" check
	assert_one decision-points 2010-004.md:13
	assert_only_one
	[[ "$output" == *"2010-004.md:13:1: error: decision point 4 follows 2 (line 12); number the points 1, 2, 3, ... without gaps, so this one is 3 [decision-points]"* ]]
}

@test "decision-points: a repeat, a wrong start and an empty point" {
	decision_with <<'EOT' | write 2010-004.md
1. de overeenkomst te verlengen;
1. de huur te indexeren;
2.
EOT
	run "$CLERK" check
	[[ "$output" == *"2010-004.md:12:1: error: decision point 1 is numbered twice (also on line 11)"* ]]
	[[ "$output" == *"2010-004.md:13:1: error: decision point 2 is empty"* ]]
	[ "$(printf '%s\n' "$output" | grep -c '\]$')" -eq 2 ]
	decision_with <<'EOT' | write 2010-004.md
 2) de overeenkomst te verlengen;
 3) de huur te indexeren.
EOT
	run "$CLERK" check
	assert_one decision-points 2010-004.md:11
	assert_only_one
	[[ "$output" == *":11:2: error: the decision points must be numbered from 1, but the first is 2"* ]]
}

@test "decision-points: a decision section without a numbered list" {
	decision_with <<'EOT' | write 2010-004.md
- de overeenkomst te verlengen;
- de huur te indexeren.
EOT
	run "$CLERK" check
	assert_one decision-points 2010-004.md:9
	assert_only_one
}

@test "decision-points: a schema marks the section; others are not checked" {
	mkdir schemas
	cat >schemas/voorstel.yml <<'EOT'
name: voorstel
sections:
  - title: Voorstel
    decision-points: true
  - title: Punten
EOT
	printf 'schemas: [schemas]\n' >.clerk.yml
	printf -- '---\ntype: voorstel\nid: V-1\n---\n## Punten\n\n2. een\n\n## Voorstel\n\n1. een\n3. twee\n' >v.md
	run "$CLERK" check
	assert_one decision-points v.md:12
	assert_only_one
	printf 'name: voorstel\nsections:\n  - title: Voorstel\n    decision-points: ja\n' >schemas/voorstel.yml
	run "$CLERK" check
	[ "$status" -eq 2 ]
	[[ "$output" == *"voorstel.yml:4:22: decision-points must be true or false"* ]]
}

# ------------------------------------------------ sections that are nearly right

report() {
	# The decision the report cites, so that the set is complete.
	[ -f 2024-017.md ] || valid_decision 2024-017 >2024-017.md
	cat <<'EOT'
---
type: progress-report
id: RPT-2023-004
title: Vierde voortgangsrapportage
date: 2024-03-15
status: final
series: glasvezel
sequence: 4
cites: [2024-017]
---
# Vierde voortgangsrapportage

## 1. Inleiding

Tekst.

## 2. Voortgang (sept – dec 2023)

Tekst.

## 3. Risico's

Tekst.

## 4. Financiën

Tekst.

## 5. Tot slot

Tekst.
EOT
}

# The same report as a closing report (kind: closing), which must have
# Progress, Risks and Finances; its sections come one line later.
closing_report() {
	report | sed -e 's/Vierde voortgangsrapportage/Slotrapportage glasvezel/' -e 's/^sequence: 4$/sequence: 4\nkind: closing/' -e 's/^## 5. Tot slot$/## 5. Evaluatie/'
	printf '\n## 6. Overdracht\n\nTekst.\n'
}

@test "sections: the report used below is clean" {
	report | write RPT-2023-004.md
	run "$CLERK" check
	assert_clean
}

@test "sections: a heading one level too deep is named with both levels, on its line" {
	closing_report | sed "s/^## 3. Risico's$/### 3. Risico's/" | write RPT-2023-004.md
	run "$CLERK" check
	assert_one section-required RPT-2023-004.md:22
	assert_only_one
	[[ "$output" == *"RPT-2023-004.md:22:1: error: the heading '3. Risico's' is at level 3 (###), but the sections of this record are at level 2 (##), so the section 'Risks' is missing; start this heading with ## [section-required]"* ]]
}

@test "sections: a typing slip before a qualifier gets 'did you mean', on its line" {
	closing_report | sed 's/^## 2. Voortgang (sept/## 2. De voorgang (sept/' | write RPT-2023-004.md
	run "$CLERK" check
	assert_one section-required RPT-2023-004.md:18
	assert_only_one
	[[ "$output" == *"the heading '2. De voorgang (sept – dec 2023)' is not a section of a progress report; did you mean the section 'Progress', which is missing? Name the heading 'Progress' or 'Voortgang'"* ]]
}

@test "sections: missing sections are listed in schema order, not alphabetically" {
	closing_report | sed '/^## 3. Risico/,/^## 5/{/^## 5/!d}' | write RPT-2023-004.md
	run "$CLERK" check
	[ "$(printf '%s\n' "$output" | grep -c '\]$')" -eq 2 ]
	[[ "$(printf '%s\n' "$output" | sed -n 1p)" == "RPT-2023-004.md:22:1: error: the section 'Risks' is missing"* ]]
	[[ "$(printf '%s\n' "$output" | sed -n 2p)" == "RPT-2023-004.md:22:1: error: the section 'Finances' is missing"* ]]
}

@test "sections: a required section without content is section-required, never 'remove'" {
	closing_report | sed "/^## 3. Risico's$/{n;n;d}" | write RPT-2023-004.md
	run "$CLERK" check
	assert_one section-required RPT-2023-004.md:22
	assert_only_one
	[[ "$output" == *"the section '3. Risico's' (Risks) is required and has no content; write its text under the heading [section-required]"* ]]
	[[ "$output" != *remove* ]]
}

@test "sections: an optional section without content stays section-empty" {
	report | sed '$d' | write RPT-2023-004.md
	run "$CLERK" check
	assert_one section-empty RPT-2023-004.md:29
	assert_only_one
}

# ---------------------------------------------------- numbers and ordinals

@test "id-year: the real number 2016009542 dated 2017-01-16 passes; two years off warns" {
	decision_with <<'EOT' | sed 's/^id: 2010-004$/id: 2016009542/; s/^date: 2010-01-27$/date: 2017-01-16/' | write 2016009542.md
1. de overeenkomst te verlengen.
EOT
	run "$CLERK" check
	assert_clean
	sed -i 's/^date: 2017-01-16$/date: 2018-01-16/' 2016009542.md
	run "$CLERK" check
	assert_one id-year 2016009542.md:3
	assert_only_one
	[ "$status" -eq 0 ]
	[[ "$output" == *"2016009542.md:3:5: warning: the id '2016009542' has the year 2016, but the record is dated 2018-01-16; the year in the id should be 2018, or at most 1 year earlier [id-year]"* ]]
	sed -i 's/^date: 2018-01-16$/date: 2015-12-30/' 2016009542.md
	run "$CLERK" check
	assert_one id-year 2016009542.md:3
}

@test "id-year: the tolerance is the schema's; no year group, no check" {
	mkdir schemas
	printf 'name: nota\nid:\n  pattern: "^N(?<year>[0-9]{4})-[0-9]+$"\n  year-tolerance: 0\nfields:\n  date: {type: date}\n' >schemas/nota.yml
	printf 'schemas: [schemas]\n' >.clerk.yml
	printf -- '---\ntype: nota\nid: N2016-3\ndate: 2017-01-05\n---\nTekst.\n' >n.md
	run "$CLERK" check
	assert_one id-year n.md:3
	[[ "$output" == *"the year in the id should be 2017 [id-year]"* ]]
	printf 'name: nota\nid:\n  pattern: "^N[0-9]{4}-[0-9]+$"\nfields:\n  date: {type: date}\n' >schemas/nota.yml
	run "$CLERK" check
	assert_clean
	printf 'name: nota\nid:\n  year-tolerance: soms\n' >schemas/nota.yml
	run "$CLERK" check
	[ "$status" -eq 2 ]
	[[ "$output" == *"nota.yml:3:19: year-tolerance must be a whole number"* ]]
}

@test "sequence-title: an ordinal in the title must be the sequence number" {
	report | write RPT-2023-004.md
	for t in 'Vierde voortgangsrapportage' 'Fourth progress report' '4e rapportage' \
		'4de voortgangsrapportage' 'Voortgangsrapportage glasvezel'; do
		sed -i "s/^title: .*/title: $t/; s/^# .*/# $t/" RPT-2023-004.md
		run "$CLERK" check
		assert_clean
	done
	sed -i 's/^title: .*/title: Vijfde voortgangsrapportage glasvezel/' RPT-2023-004.md
	run "$CLERK" check
	assert_one sequence-title RPT-2023-004.md:4
	assert_only_one
	[[ "$output" == *"RPT-2023-004.md:4:8: error: the title says 'Vijfde' (number 5), but 'sequence' is 4; correct the title or the number [sequence-title]"* ]]
	sed -i 's/^title: .*/title: Tweeëntwintigste rapportage/' RPT-2023-004.md
	run "$CLERK" check
	assert_one sequence-title RPT-2023-004.md:4
}

@test "sequence-title: the schema names the number field; a bad series key is exit 2" {
	mkdir schemas
	printf 'name: memo\nseries:\n  number: volgnummer\nfields:\n  title: {type: string}\n  volgnummer: {type: integer}\n' >schemas/memo.yml
	printf 'schemas: [schemas]\n' >.clerk.yml
	printf -- '---\ntype: memo\nid: M-1\ntitle: Derde memo\nvolgnummer: 2\n---\nTekst.\n' >m.md
	run "$CLERK" check
	assert_one sequence-title m.md:4
	printf 'name: memo\nseries:\n  number: nummer\n' >schemas/memo.yml
	run "$CLERK" check
	[ "$status" -eq 2 ]
	[[ "$output" == *"memo.yml:3:11: number names field 'nummer', which the schema does not define"* ]]
}
