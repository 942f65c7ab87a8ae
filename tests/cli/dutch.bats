#!/usr/bin/env bats
# Records written the way Dutch secretaries write them check clean
# (tests/fixtures/dutch: articles as headings, lettered and Roman decision
# points, two adopting decisions, an ended agreement, an approving
# decision, dates without a year), and each allowance still lets the rule
# behind it fire on a real mistake.

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

@test "dutch: the set written the Dutch way checks clean" {
	check
	assert_clean
	grep -q '^## Artikel 1 Partijen$' COV-2016-001.md
	grep -q '^## Art. 3 Afspraken$' COV-2016-001.md
	grep -q '^b\. de burgemeester' 2016000101.md
	grep -q '^II\. het college' 2015-0187.md
	grep -q '^2° het college' 2016009911.md
	grep -q '^## § 4 Financiën$' RPT-2017-001.md
}

@test "headings: Artikel, Art., Hoofdstuk, Paragraaf and § are numbering; the section is still required" {
	sed -i 's/^## Artikel 1 Partijen$/## Artikel 1 Ondertekenaars/' COV-2016-001.md
	check
	assert_one section-required COV-2016-001.md:25
	[[ "$output" == *"the section 'Parties' is missing"* ]]
	cp "$REPO/tests/fixtures/dutch/COV-2016-001.md" .
	sed -i 's/^## Paragraaf 3 Risico.s$/## Paragraaf 3 Risicos/' RPT-2017-001.md
	check
	assert_one section-recommended RPT-2017-001.md:25
	assert_only_one
	[[ "$output" == *"the heading 'Paragraaf 3 Risicos' is not a section of a progress report; did you mean the section 'Risks'"* ]]
	cp "$REPO/tests/fixtures/dutch/RPT-2017-001.md" .
	for h in 'Artikel 3. Afspraken' 'Art.3 Afspraken' 'ARTIKEL 3 - Afspraken' 'Artikel 3a Afspraken' \
		'Hoofdstuk III Afspraken' 'Artikel 3: Afspraken' '§3 Afspraken'; do
		cp "$REPO/tests/fixtures/dutch/COV-2016-001.md" .
		sed -i "s/^## Art\. 3 Afspraken\$/## $h/" COV-2016-001.md
		check
		assert_clean
	done
	# A word that only starts like one is not numbering.
	sed -i 's/^## .* Afspraken$/## Artikelen Afspraken/' COV-2016-001.md
	check
	assert_one section-required COV-2016-001.md:34
}

@test "decision points: letters, Roman numerals and 1° are a numbering; gaps still fire" {
	sed -i 's/^c\. de raad/d. de raad/' 2016000101.md
	check
	assert_one decision-points 2016000101.md:22
	assert_only_one
	[[ "$output" == *"decision point d follows b (line 21); number the points a, b, c, ... without gaps, so this one is c [decision-points]"* ]]
	cp "$REPO/tests/fixtures/dutch/2016000101.md" .
	sed -i 's/^III\. de begroting/IV. de begroting/' 2015-0187.md
	check
	assert_one decision-points 2015-0187.md:19
	assert_only_one
	[[ "$output" == *"decision point IV follows II (line 17); number the points I, II, III, ... without gaps, so this one is III"* ]]
	cp "$REPO/tests/fixtures/dutch/2015-0187.md" .
	sed -i 's/^2° het college/1° het college/' 2016009911.md
	check
	assert_one decision-points 2016009911.md:18
	[[ "$output" == *"decision point 1° is numbered twice (also on line 17)"* ]]
}

@test "decision points: one scheme per list; an empty lettered point; initials are not points" {
	sed -i 's/^b\. de burgemeester/ii. de burgemeester/' 2016000101.md
	check
	assert_one decision-points 2016000101.md:21
	[[ "$output" == *"decision point 'ii.' is numbered another way than the point on line 20; number all points of the list the same way: a, b, c, ..."* ]]
	cp "$REPO/tests/fixtures/dutch/2016000101.md" .
	sed -i 's/^b\. de burgemeester.*$/b./' 2016000101.md
	check
	assert_one decision-points 2016000101.md:21
	[[ "$output" == *"decision point b is empty"* ]]
	cp "$REPO/tests/fixtures/dutch/2016000101.md" .
	sed -i 's/^c\. de raad te informeren\.$/c. de raad te informeren.\n\nDe burgemeester,\nJ. de Wit/' 2016000101.md
	check
	assert_clean
	printf '\nJ. de Wit\n' >>2016009911.md
	check
	assert_clean
	# A section whose only lines look like initials has no points.
	sed -i '/^[0-9]° /d' 2016009911.md
	check
	assert_one decision-points 2016009911.md:15
}

@test "decision section: Raadsbesluit, Collegebesluit and Besluit van de raad; a wrong name still fires" {
	check
	assert_clean
	sed -i 's/^## Raadsbesluit$/## Raadsvoorstel/' 2015-0187.md
	check
	assert_one section-required 2015-0187.md:13
}

@test "adopted-by: one decision per party; an unknown one still fires" {
	check
	assert_clean
	sed -i 's/^  - 2015-0187$/  - 2015-0188/' COV-2016-001.md
	check
	assert_one ref-unresolved COV-2016-001.md:16
	assert_only_one
	sed -i 's/^  - 2015-0188$/  - RPT-2017-001/' COV-2016-001.md
	check
	assert_one ref-type COV-2016-001.md:16
}

@test "ended: citations up to the day an agreement ended are silent; a later one warns" {
	sed -i 's/^date: 2017-01-12$/date: 2018-03-08/' 2016009911.md
	check
	assert_one ref-inactive 2016009911.md:9
	[[ "$output" == *"field 'cites': 'COV-2016-001' ended on 2018-01-01, before this record's date 2018-03-08 [ref-inactive]"* ]]
	# Without the day it ended, a terminated agreement is out of force for every citation.
	cp "$REPO/tests/fixtures/dutch/2016009911.md" .
	sed -i '/^ended: /d' COV-2016-001.md
	check
	[[ "$output" == *"2016009911.md:9:5: warning: field 'cites': 'COV-2016-001' has status 'terminated', so it is no longer in force [ref-inactive]"* ]]
}

@test "ended: reporting on an agreement stops at the day it ended" {
	# Still marked active: the end is named, and no report is due after it.
	sed -i 's/^status: terminated$/status: active/' COV-2016-001.md
	check
	assert_one agreement-expired COV-2016-001.md:12
	assert_only_one
	# Without the end, the yearly report is overdue.
	sed -i '/^ended: /d' COV-2016-001.md
	check
	assert_one agreement-overdue COV-2016-001.md:12
	# Measured before an end that lies after a missed report: it is named.
	sed -i 's/^term: indefinite$/term: indefinite\nended: 2019-06-01/' COV-2016-001.md
	run "$CLERK" --lang en check --as-of 2018-06-01
	assert_one agreement-overdue COV-2016-001.md:13
	assert_only_one
	[[ "$output" == *"the next was due on 2018-01-10"* ]]
	# An end before that report was due: nothing is due any more.
	sed -i 's/^ended: 2019-06-01$/ended: 2018-01-05/' COV-2016-001.md
	run "$CLERK" --lang en check --as-of 2018-06-01
	assert_one agreement-expired COV-2016-001.md:12
	assert_only_one
	# An end before the start is date-order's.
	sed -i 's/^ended: 2018-01-05$/ended: 2015-06-01/' COV-2016-001.md
	check
	[[ "$output" == *"COV-2016-001.md:12:8: error:"*"[date-order]"* ]]
}

@test "approves: a decision may name an agreement signed after it; cites may not" {
	check
	assert_clean
	sed -i 's/^approves: COV-2016-001$/cites: [COV-2016-001]/' 2016000101.md
	check
	assert_one ref-date 2016000101.md:8
	assert_only_one
	[[ "$output" == *"field 'cites': 'COV-2016-001' is dated 2016-02-02, after this record's date 2016-01-19; this field only names what existed on that date; an agreement that this record approves before it is signed belongs in 'approves' [ref-date]"* ]]
	[[ "$output" != *"probably"* ]]
	sed -i 's/^cites: \[COV-2016-001\]$/approves: 2016009911/' 2016000101.md
	check
	assert_one ref-type 2016000101.md:8
}

@test "dates without a year: the coming January in a December record" {
	# 14 januari a.s. in a record of 2015-12-17 is 14 January 2016, a Thursday.
	check
	assert_clean
	sed -i 's/donderdag 14 januari/woensdag 14 januari/' 2015-0187.md
	check
	assert_one text-date-weekday 2015-0187.md:23
	[[ "$output" == *"the weekday 'woensdag' does not match the date: 14 januari 2016 (clerk assumed the year after the record's date) is een donderdag"* ]]
	# Without "a.s.", the weekday decides: 2 February 2016 is a Tuesday,
	# 2 February 2015 a Monday; a Wednesday matches neither year, so the
	# record's own year is said.
	sed -i 's/woensdag 14 januari/donderdag 14 januari/; s/op dinsdag 2 februari;/op woensdag 2 februari;/' 2015-0187.md
	check
	assert_one text-date-weekday 2015-0187.md:23
	assert_only_one
	[[ "$output" == *"the weekday 'woensdag' does not match the date: 2 februari 2015 is een maandag"* ]]
	sed -i 's/op woensdag 2 februari;/op maandag 2 februari;/' 2015-0187.md
	check
	assert_clean
}

@test "dates without a year: a coming day that does not exist names the year assumed" {
	sed -i 's/donderdag 14 januari/donderdag 30 februari/' 2015-0187.md
	check
	assert_one text-date-invalid 2015-0187.md:23
	[[ "$output" == *"the date '30 februari' does not exist in 2016, the year after the record's date, which clerk assumed because the text says the day is still to come"* ]]
	# In a record of June, a January day without "a.s." stays in the record's year.
	sed -i 's/donderdag 30 februari/dinsdag 26 januari/; s/^date: 2015-12-17$/date: 2015-06-17/' 2015-0187.md
	sed -i 's/ a\.s\./ (vorig jaar)/; s/^a\.s\. hoe/hoe/' 2015-0187.md
	check
	[[ "$output" == *"26 januari 2015 is een maandag"* ]]
}
