#!/usr/bin/env bats
# An organisation's own schema (the numbered proposals of docs/schemas.md)
# gets the record keeping commands without any C: new, list, index and
# renumber read its id template, path, title and date from the schema.

bats_require_minimum_version 1.5.0
load helper

setup_file() {
	export PROPOSALS="$REPO/tests/fixtures/schemas/proposals"
}

copy_proposals() {
	cp -r "$PROPOSALS/." .
}

@test "list: the proposals with their number, date, status and title" {
	copy_proposals
	run "$CLERK" list --format csv
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = $'id,type,date,status,title,path\r' ]
	[ "${lines[1]}" = $'0001,voorstel,2024-01-15,aangenomen,Vergaderstukken voortaan alleen digitaal,voorstellen/0001.md\r' ]
	[ "${#lines[@]}" -eq 4 ]
}

@test "index: a register of the proposals, and --check after a change" {
	copy_proposals
	run "$CLERK" index
	[ "$status" -eq 0 ]
	grep -q '| \[0003\](voorstellen/0003.md) | 2024-03-18 | concept | Spreekrecht voor inwoners in de commissies |' REGISTER.md
	run "$CLERK" index --check
	[ "$status" -eq 0 ]
	sed -i 's/^status: concept$/status: ingediend/' voorstellen/0003.md
	run "$CLERK" index --check
	[ "$status" -eq 1 ]
}

@test "new then renumber: the next number, and every reference follows the new one" {
	copy_proposals
	run "$CLERK" new voorstel --title "Spreekrecht voor jongeren" --set "indieners=Jongerenraad" \
		--set "vereist=0003"
	[ "$output" = "voorstellen/0004.md" ]
	run "$CLERK" renumber 0003 0010
	[ "$status" -eq 0 ]
	[ -f voorstellen/0010.md ] && [ ! -e voorstellen/0003.md ]
	grep -qx 'nummer: "0010"' voorstellen/0010.md || grep -qx 'nummer: 0010' voorstellen/0010.md
	grep -q '0010' voorstellen/0004.md
	run ! grep -q '0003' voorstellen/0004.md
	run "$CLERK" check --as-of "$AS_OF" voorstellen/0010.md
	run ! grep -q 'ref-unresolved' <<<"$output"
}

@test "ref-undeclared: a link between proposals names the schema's own reference field" {
	copy_proposals
	printf '\nDit bouwt voort op [voorstel 0002](0002.md).\n' >>voorstellen/0001.md
	run "$CLERK" check --as-of "$AS_OF" voorstellen/0001.md
	assert_one ref-undeclared
	[[ "$output" == *"add '0002' to the field 'vereist'"* ]]
	[[ "$output" != *"cites"* ]]
}

@test "ref-undeclared: silent where the own schema has no reference field at all" {
	copy_proposals
	sed -i '/^  vereist:$/,/^    description: the numbers/d' schemas/voorstel.yml
	sed -i '/^vereist:/d' voorstellen/0002.md voorstellen/0003.md
	run ! grep -q 'vereist' schemas/voorstel.yml
	printf '\nDit bouwt voort op [voorstel 0002](0002.md).\n' >>voorstellen/0001.md
	run "$CLERK" check --as-of "$AS_OF" .
	[ "$status" -eq 0 ]
	[[ "$output" != *"ref-undeclared"* ]]
	[[ "$output" == "0 errors, 0 warnings in 3 records" ]]
}
