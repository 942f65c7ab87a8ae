#!/usr/bin/env bats
# acceptance_blind.bats - the body rules on a record set written from the user documentation only.
#
# tests/fixtures/acceptance-blind/clean/ is a clean record set (decisions, agreements and progress
# reports in Dutch and English, many body dates, texts that must not be read as dates). Each folder
# in defects/ holds one record of that set with exactly one defect; expectations.tsv says, from
# docs/rules.md, docs/format.md and docs/schemas.md alone, which finding it must give: rule,
# severity, line, byte column (docs/output.md) and words the message must contain. These
# expectations were written and committed before clerk was run on the set.

load helper

FIX="$REPO/tests/fixtures/acceptance-blind"

# Copies the clean set to $WORK/set.
clean_set() {
	cp -R "$FIX/clean" "$WORK/set"
}

# Runs clerk on the clean set with the defect of case $1 swapped in and checks that the output
# is exactly the one finding that expectations.tsv gives for that case.
expect_case() {
	local row replaces file rule severity line col says
	row=$(awk -F '\t' -v c="$1" '$1 == c' "$FIX/expectations.tsv")
	[ -n "$row" ] || { echo "no expectation for $1" >&2; return 1; }
	IFS=$'\t' read -r _ replaces file rule severity line col says <<<"$row"
	clean_set
	rm "$WORK/set/$replaces"
	cp "$FIX/defects/$1/$file" "$WORK/set/$file"
	cd "$WORK/set"
	run "$CLERK" check --quiet --format text --as-of "$AS_OF" .
	printf '%s\n' "$output" >&2
	local n
	n=$(printf '%s\n' "$output" | grep -c . || true)
	[ "$n" -eq 1 ] || { echo "expected exactly one finding, got $n" >&2; return 1; }
	case "$output" in
	"$file:$line:$col: $severity: "*" [$rule]" | "./$file:$line:$col: $severity: "*" [$rule]") ;;
	*)
		echo "expected $file:$line:$col: $severity: ... [$rule]" >&2
		return 1
		;;
	esac
	if [ "$says" != "-" ]; then
		case "$output" in
		*"$says"*) ;;
		*)
			echo "expected the message to contain: $says" >&2
			return 1
			;;
		esac
	fi
	if [ "$severity" = error ]; then
		[ "$status" -eq 1 ]
	else
		[ "$status" -eq 0 ]
	fi
}

@test "blind acceptance: the clean set gives no findings" {
	clean_set
	cd "$WORK/set"
	run "$CLERK" check --quiet --format text --as-of "$AS_OF" .
	printf '%s\n' "$output" >&2
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}

@test "blind acceptance: every defect folder has an expectation and every expectation a folder" {
	local dirs rows
	dirs=$(cd "$FIX/defects" && ls | sort)
	rows=$(tail -n +2 "$FIX/expectations.tsv" | cut -f1 | sort)
	[ "$dirs" = "$rows" ]
}

@test "blind acceptance: invalid-nl-31-juni" {
	expect_case invalid-nl-31-juni
}

@test "blind acceptance: invalid-nl-abbr-dot" {
	expect_case invalid-nl-abbr-dot
}

@test "blind acceptance: invalid-nl-no-year" {
	expect_case invalid-nl-no-year
}

@test "blind acceptance: invalid-nl-abbr-nodot" {
	expect_case invalid-nl-abbr-nodot
}

@test "blind acceptance: invalid-nl-range-end" {
	expect_case invalid-nl-range-end
}

@test "blind acceptance: invalid-numeric-slash" {
	expect_case invalid-numeric-slash
}

@test "blind acceptance: invalid-numeric-dash" {
	expect_case invalid-numeric-dash
}

@test "blind acceptance: invalid-numeric-dot" {
	expect_case invalid-numeric-dot
}

@test "blind acceptance: invalid-iso" {
	expect_case invalid-iso
}

@test "blind acceptance: invalid-en-dmy" {
	expect_case invalid-en-dmy
}

@test "blind acceptance: invalid-en-mdy" {
	expect_case invalid-en-mdy
}

@test "blind acceptance: invalid-en-abbr" {
	expect_case invalid-en-abbr
}

@test "blind acceptance: invalid-with-weekday" {
	expect_case invalid-with-weekday
}

@test "blind acceptance: invalid-across-lines" {
	expect_case invalid-across-lines
}

@test "blind acceptance: weekday-nl" {
	expect_case weekday-nl
}

@test "blind acceptance: weekday-nl-abbr" {
	expect_case weekday-nl-abbr
}

@test "blind acceptance: weekday-nl-no-year" {
	expect_case weekday-nl-no-year
}

@test "blind acceptance: weekday-nl-across-lines" {
	expect_case weekday-nl-across-lines
}

@test "blind acceptance: weekday-en-mdy" {
	expect_case weekday-en-mdy
}

@test "blind acceptance: weekday-en-dmy" {
	expect_case weekday-en-dmy
}

@test "blind acceptance: weekday-en-abbr" {
	expect_case weekday-en-abbr
}

@test "blind acceptance: points-gap" {
	expect_case points-gap
}

@test "blind acceptance: points-gap-then-on" {
	expect_case points-gap-then-on
}

@test "blind acceptance: points-repeat" {
	expect_case points-repeat
}

@test "blind acceptance: points-start-at-2" {
	expect_case points-start-at-2
}

@test "blind acceptance: points-empty" {
	expect_case points-empty
}

@test "blind acceptance: points-none" {
	expect_case points-none
}

@test "blind acceptance: points-bullets" {
	expect_case points-bullets
}

@test "blind acceptance: id-year" {
	expect_case id-year
}

@test "blind acceptance: title-ordinal-nl" {
	expect_case title-ordinal-nl
}

@test "blind acceptance: title-ordinal-en-numeral" {
	expect_case title-ordinal-en-numeral
}

@test "blind acceptance: title-ordinal-en-word" {
	expect_case title-ordinal-en-word
}

@test "blind acceptance: heading-too-deep" {
	expect_case heading-too-deep
}

@test "blind acceptance: heading-too-high" {
	expect_case heading-too-high
}

@test "blind acceptance: heading-typo-qualifier" {
	expect_case heading-typo-qualifier
}

@test "blind acceptance: heading-typo-en" {
	expect_case heading-typo-en
}

@test "blind acceptance: heading-required-empty" {
	expect_case heading-required-empty
}
