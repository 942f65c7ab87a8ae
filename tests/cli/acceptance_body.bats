#!/usr/bin/env bats
# Acceptance test of the body checks on a record set written
# apart from the code (tests/fixtures/body: the municipality
# Veldhoven-Oost, a decision on arts education with its real-style number
# 2016009542 dated 2017-01-16, and the third progress report on it). The
# set is clean, with dates, weekdays, a range, a URL, a phone number, a
# fraction and a version number in the text; each single defect put into
# it is reported once, with its rule, file, line and column.

load helper

copy_set() {
	cp -r "$REPO/tests/fixtures/body/." .
}

# check_at RULE FILE:LINE:COL: the only finding is RULE at that place.
check_at() {
	run "$CLERK" check .
	assert_only_one
	printf '%s\n' "$output" | grep -q "^$2: .*\[$1\]\$" || {
		echo "expected [$1] at $2:" >&2
		printf '%s\n' "$output" >&2
		return 1
	}
}

@test "body acceptance: the set checks clean" {
	copy_set
	run "$CLERK" check .
	assert_clean
	[ "$output" = "0 errors, 0 warnings in 2 records" ]
}

@test "body acceptance: 31 juni in the text -> text-date-invalid" {
	copy_set
	sed -i 's/op 1 februari 2017/op 31 juni 2017/' 2016009542.md
	check_at text-date-invalid 2016009542.md:20:46
}

@test "body acceptance: the end of a range that does not exist -> text-date-invalid" {
	copy_set
	sed -i 's/^1 t\/m 23 december/1 t\/m 32 december/' 2016009542.md
	check_at text-date-invalid 2016009542.md:14:7
}

@test "body acceptance: a wrong weekday -> text-date-weekday" {
	copy_set
	sed -i 's/dinsdag 13 december 2016/maandag 13 december 2016/' 2016009542.md
	check_at text-date-weekday 2016009542.md:13:18
	[[ "$output" == *"13 december 2016 is een dinsdag"* ]]
}

@test "body acceptance: a year-less date wrong in the record's year -> text-date-weekday" {
	copy_set
	sed -i 's/Op woensdag 14 juni 2017/Op woensdag 14 juni/' RPT-2017-003.md
	run "$CLERK" check .
	assert_clean
	sed -i 's/^date: 2017-10-02$/date: 2018-10-02/; s/^id: RPT-2017-003$/id: RPT-2018-003/' RPT-2017-003.md
	mv RPT-2017-003.md RPT-2018-003.md
	check_at text-date-weekday RPT-2018-003.md:19:4
}

@test "body acceptance: decision points 1, 2, 2 -> decision-points" {
	copy_set
	sed -i 's/^3. aanvragen/2. aanvragen/' 2016009542.md
	check_at decision-points 2016009542.md:21:1
}

@test "body acceptance: the id of an older year -> id-year" {
	copy_set
	sed -i 's/^id: 2016009542$/id: 2015009542/' 2016009542.md
	mv 2016009542.md 2015009542.md
	sed -i 's/^cites: \[2016009542\]$/cites: [2015009542]/' RPT-2017-003.md
	check_at id-year 2015009542.md:3:5
}

@test "body acceptance: a title one report behind -> sequence-title" {
	copy_set
	sed -i 's/^title: Derde voortgangsrapportage/title: Tweede voortgangsrapportage/' RPT-2017-003.md
	check_at sequence-title RPT-2017-003.md:4:8
}

@test "body acceptance: a section one level too deep -> section-recommended on it" {
	copy_set
	sed -i "s/^## 3. Risico's$/### 3. Risico's/" RPT-2017-003.md
	check_at section-recommended RPT-2017-003.md:21:1
}

@test "body acceptance: a typing slip in a heading -> section-recommended, did you mean" {
	copy_set
	sed -i 's/^## 2. Voortgang (juni/## 2. Voortgng (juni/' RPT-2017-003.md
	check_at section-recommended RPT-2017-003.md:17:1
	[[ "$output" == *"did you mean the section 'Progress'"* ]]
}

@test "body acceptance: a required section left empty -> section-required" {
	copy_set
	sed -i '/^Deze rapportage beschrijft/d' RPT-2017-003.md
	check_at section-required RPT-2017-003.md:13:1
	[[ "$output" == *"is required and has no content"* ]]
}
