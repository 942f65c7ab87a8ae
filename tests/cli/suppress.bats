#!/usr/bin/env bats
# Suppression comments in a record's body: each form, reasons, unknown
# names (suppression-unknown) and comments that silence nothing
# (suppression-unused).

bats_require_minimum_version 1.5.0
load helper

# A decision with an empty section 'Overwegingen' on line 11 (section-empty),
# preceded by the lines given as $1 (inserted after the title).
with_empty_section() {
	cat <<EOT
---
type: decision
id: 2024-017
title: Vaststelling van het mandaatregister
date: 2024-03-12
status: adopted
authority: College van burgemeester en wethouders van Dijkmeer
---
# Vaststelling van het mandaatregister
$1
## Overwegingen

## Besluit

1. het mandaatregister 2024 vast te stellen.
EOT
}

@test "without a comment the finding shows" {
	with_empty_section "" | write 2024-017.md
	run "$CLERK" check
	assert_one section-empty 2024-017.md:11
}

@test "disable-next-line silences the named rule on the next line only" {
	with_empty_section "
<!-- clerk-disable-next-line section-empty -- the considerations are in the annex -->" | write 2024-017.md
	run "$CLERK" check
	assert_clean
	# A blank line between the comment and the heading: the comment misses it.
	with_empty_section "
<!-- clerk-disable-next-line section-empty -->
" | write 2024-017.md
	run "$CLERK" check
	assert_one section-empty 2024-017.md:13
	assert_one suppression-unused 2024-017.md:11
}

@test "several rules in one comment, separated by commas" {
	with_empty_section "
<!-- clerk-disable-next-line field-unknown, section-empty -->" | write 2024-017.md
	run "$CLERK" check
	assert_only_one
	assert_one suppression-unused 2024-017.md:11
	[[ "$output" == *"silences 'field-unknown', but there is no such finding on the next line"* ]]
}

@test "disable ... enable silences the rule in between, not after" {
	with_empty_section "
<!-- clerk-disable section-empty -->" >2024-017.md
	printf '\n<!-- clerk-enable section-empty -->\n\n## Toelichting\n' >>2024-017.md
	run "$CLERK" check
	assert_only_one
	assert_one section-empty 2024-017.md:20
}

@test "disable without enable runs to the end of the file" {
	with_empty_section "
<!-- clerk-disable section-empty section-duplicate -- quoted from the original -->" |
		sed 's/^1\. het/1. het\n\n## Besluit\n\n2. x/' | write 2024-017.md
	run "$CLERK" check
	assert_clean
}

@test "disable-file also covers the front matter" {
	with_empty_section "
<!-- clerk-disable-file field-unknown section-empty -- registered this way in 2019 -->
" | sed 's/^status: adopted/status: adopted\nkenmerk: 12/' | write 2024-017.md
	run "$CLERK" check
	assert_clean
	# disable-next-line and disable ... do not reach the front matter.
	with_empty_section "
<!-- clerk-disable field-unknown -->" | sed 's/^status: adopted/status: adopted\nkenmerk: 12/' | write 2024-017.md
	run "$CLERK" check
	assert_one field-unknown 2024-017.md:7
	assert_one suppression-unused
	assert_one section-empty
}

@test "an unknown rule name or directive is suppression-unknown, at the comment" {
	with_empty_section "
<!-- clerk-disable-next-line section-emtpy -->" | write 2024-017.md
	run "$CLERK" check
	assert_one suppression-unknown 2024-017.md:11
	assert_one section-empty 2024-017.md:12
	[[ "$output" == *"'section-emtpy' in this clerk comment is not a rule"* ]]
	with_empty_section "
<!-- clerk-disabel section-empty -->
<!-- clerk-disable-next-line -->" | write 2024-017.md
	run "$CLERK" check
	[ "$(printf '%s\n' "$output" | grep -c '\[suppression-unknown\]$')" -eq 2 ]
	[[ "$output" == *"'clerk-disabel' is not a clerk comment"* ]]
	[[ "$output" == *"names no rule"* ]]
}

@test "other comments, and clerk comments in code, are left alone" {
	with_empty_section '
<!-- a note for the secretary -->

```
<!-- clerk-disable-next-line section-empty -->
```' | write 2024-017.md
	run "$CLERK" check
	assert_only_one
	assert_one section-empty
}

@test "suppression-unused and suppression-unknown follow the severity settings" {
	with_empty_section "
<!-- clerk-disable-next-line field-unknown, nope -->" | write 2024-017.md
	printf 'rules:\n  suppression-unused: off\n  suppression-unknown: error\n' >.clerk.yml
	run "$CLERK" check
	[ "$status" -eq 1 ]
	assert_one suppression-unknown
	[[ "$output" != *suppression-unused* ]]
}

@test "many comments and findings: no slowdown (each lookup is a search, not a scan)" {
	{
		valid_decision | sed -n '1,8p'
		for i in $(seq 1 3000); do
			printf '<!-- clerk-disable-next-line section-empty -->\n## Deel %d\n\n' "$i"
		done
	} >2024-017.md
	run timeout 20 "$CLERK" check --quiet
	[ "$status" -ne 124 ]
}

# A decision citing $1 in 'cites', with the body lines $2 after the decision.
citing_decision() {
	cat <<EOT
---
type: decision
id: 2024-017
title: Vaststelling van het mandaatregister
date: 2024-03-12
status: adopted
authority: College van burgemeester en wethouders van Dijkmeer
cites: $1
---
# Vaststelling van het mandaatregister

## Besluit

1. het mandaatregister 2024 vast te stellen.
$2
EOT
}

@test "whole-set findings are silenced too: a broken link on the next line" {
	citing_decision 2024-001 "
Zie de [kaart](bijlagen/kaart.md)." | write 2024-017.md
	valid_decision 2024-001 | write 2024-001.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_one link-broken 2024-017.md:16
	assert_only_one
	citing_decision 2024-001 "
<!-- clerk-disable-next-line link-broken -- the map is kept on paper -->
Zie de [kaart](bijlagen/kaart.md)." | write 2024-017.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
}

@test "whole-set findings are silenced too: a reference in the front matter, by disable-file" {
	citing_decision 2024-099 "" | write 2024-017.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_one ref-unresolved 2024-017.md:8
	citing_decision 2024-099 "
<!-- clerk-disable-file ref-unresolved -- the cited decision predates the register -->" |
		write 2024-017.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
	# Also when only this file is named: the whole set is still read.
	run "$CLERK" check --as-of "$AS_OF" 2024-017.md
	assert_clean
}

@test "suppression-unused knows the whole-set rules: unused only when nothing was silenced" {
	valid_decision 2024-001 | write 2024-001.md
	# The link and the reference are fine: both comments silence nothing.
	citing_decision 2024-001 "
<!-- clerk-disable-file ref-unresolved -->
<!-- clerk-disable-next-line link-broken -->
Zie het [eerdere besluit](2024-001.md)." | write 2024-017.md
	run "$CLERK" check --as-of "$AS_OF"
	[ "$(printf '%s\n' "$output" | grep -c '\[suppression-unused\]$')" -eq 2 ]
	[ "$(printf '%s\n' "$output" | grep -c '\]$')" -eq 2 ]
	[[ "$output" == *"2024-017.md:16:1: info: this clerk comment silences 'ref-unresolved', but there is no such finding in this file"* ]]
	[[ "$output" == *"2024-017.md:17:1: info: this clerk comment silences 'link-broken', but there is no such finding on the next line"* ]]
	# Break both: each comment is used, nothing is reported.
	citing_decision 2024-099 "
<!-- clerk-disable-file ref-unresolved -->
<!-- clerk-disable-next-line link-broken -->
Zie het [eerdere besluit](2024-002.md)." | write 2024-017.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
}
