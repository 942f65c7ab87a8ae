#!/usr/bin/env bats
# The schema language and the configuration (docs/schemas.md): the worked
# example of a numbered-proposal repository in tests/fixtures/schemas/proposals,
# schemas that override built-in ones, rule severities, --config, and the
# errors in schemas and .clerk.yml that stop clerk with exit code 2.

bats_require_minimum_version 1.5.0

load helper

PROPOSALS="$REPO/tests/fixtures/schemas/proposals"

# Copies the proposals example (with its .clerk.yml) into the current folder.
copy_proposals() {
	cp -R "$PROPOSALS/." .
}

# Escapes $1 for use in an extended regular expression.
re_escape() {
	printf '%s' "$1" | sed 's/[]\\.^$*+?(){}|[]/\\&/g'
}

# The number of the first line of file $2 that holds the fixed string $1.
line_of() {
	grep -nF -- "$1" "$2" | head -n 1 | cut -d: -f1
}

# Asserts a configuration or schema error, after `run --separate-stderr`:
# exit code 2, nothing on stdout, and one line on stderr of the form
# `clerk: FILE:LINE:COL: message`, where FILE ends with $1 and LINE is $2.
assert_config_error() {
	local file line re
	file=$(re_escape "$1")
	line=$2
	re="^clerk: (.*/)?$file:$line:[0-9]+: [^ ]"
	if [ "$status" -ne 2 ]; then
		echo "expected exit code 2, got $status" >&2
		printf 'stdout: %s\nstderr: %s\n' "$output" "$stderr" >&2
		return 1
	fi
	if [ -n "$output" ]; then
		echo "expected nothing on stdout, got:" >&2
		printf '%s\n' "$output" >&2
		return 1
	fi
	if [ "$(printf '%s\n' "$stderr" | wc -l)" -ne 1 ] ||
		! printf '%s\n' "$stderr" | grep -Eq "$re"; then
		echo "expected one line 'clerk: ...$1:$2:COL: message' on stderr, got:" >&2
		printf '%s\n' "$stderr" >&2
		return 1
	fi
}

# Prints the first fenced block of $1 whose info string is "text output".
extract_output() {
	awk '/^```text output$/ { on = 1; next } on && /^```$/ { exit } on { print }' "$1"
}

# ------------------------------------------------------ the worked example

@test "docs/schemas.md: the worked example and the reference listing are the real files" {
	mkdir doc
	(cd doc && extract_files "$REPO/docs/schemas.md")
	diff -u "$PROPOSALS/.clerk.yml" doc/.clerk.yml
	diff -u "$PROPOSALS/schemas/voorstel.yml" doc/schemas/voorstel.yml
	diff -u "$PROPOSALS/voorstellen/0003.md" doc/voorstellen/0003.md
	diff -u "$REPO/schemas/decision.yml" doc/schemas/decision.yml
}

@test "docs/schemas.md: the broken proposal gives the output shown there" {
	mkdir doc
	(cd doc && extract_files "$REPO/docs/schemas.md")
	copy_proposals
	cp doc/voorstellen/0004.md voorstellen/0004.md
	rm -r doc
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 1 ]
	diff -u <(extract_output "$REPO/docs/schemas.md") - <<<"$output"
}

@test "proposals: the example checks clean inside a copy of it" {
	copy_proposals
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
	[ "$output" = "0 errors, 0 warnings in 3 records" ]
}

@test "proposals: checked from a subfolder, .clerk.yml is found upwards" {
	copy_proposals
	cd voorstellen
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
	[ "$output" = "0 errors, 0 warnings in 3 records" ]
}

@test "proposals: the README without front matter is not a record, unless named" {
	copy_proposals
	run "$CLERK" check --as-of "$AS_OF" .
	assert_clean
	[ "$output" = "0 errors, 0 warnings in 3 records" ]
	# A file named on the command line is meant to be a record.
	run "$CLERK" check --as-of "$AS_OF" README.md voorstellen
	assert_one frontmatter-missing README.md:1
	assert_only_one
}

@test "proposals: a missing required field is field-required" {
	copy_proposals
	sed -i '/^titel:/d' voorstellen/0002.md
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 1 ]
	assert_one field-required voorstellen/0002.md:1
	assert_only_one
	[[ "$output" == *"'titel'"* ]]
}

@test "proposals: a 'vereist' item that is not a proposal number is ref-unresolved" {
	copy_proposals
	sed -i 's/^vereist: 0001, 0002$/vereist: 0001, twee/' voorstellen/0003.md
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 1 ]
	assert_one ref-unresolved voorstellen/0003.md:7
	assert_only_one
	# the column is that of the item inside the comma-separated list
	printf '%s\n' "$output" | grep -q "^voorstellen/0003.md:7:16: error: .*'twee'"
}

@test "proposals: a 'vereist' item in a YAML list is checked as well" {
	copy_proposals
	sed -i 's/^vereist: "0001"$/vereist: ["0001", 1]/' voorstellen/0002.md
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 1 ]
	assert_one ref-unresolved voorstellen/0002.md:9
	assert_only_one
}

@test "proposals: a status that is not allowed is field-enum" {
	copy_proposals
	sed -i 's/^status: ingediend$/status: goedgekeurd/' voorstellen/0002.md
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 1 ]
	assert_one field-enum voorstellen/0002.md:5
	assert_only_one
}

@test "proposals: two sections swapped is section-order" {
	copy_proposals
	sed -i -e 's/^## Motivatie$/## @@/' -e 's/^## Voorstel$/## Motivatie/' \
		-e 's/^## @@$/## Voorstel/' voorstellen/0001.md
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	assert_one section-order voorstellen/0001.md:22
	assert_only_one
}

@test "proposals: a missing required section is section-required" {
	copy_proposals
	sed -i 's/^## Samenvatting$/## Inleiding/' voorstellen/0001.md
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 1 ]
	assert_one section-required
	printf '%s\n' "$output" | grep -q "^voorstellen/0001.md:[0-9]*:[0-9]*: error: .*'Samenvatting'"
	assert_only_one
}

@test "proposals: a proposal outside voorstellen/ is not mapped and has no type" {
	copy_proposals
	mkdir archief
	mv voorstellen/0003.md archief/0003.md
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 1 ]
	assert_one type-missing archief/0003.md:1
	assert_only_one
}

@test "proposals: required-if: an adopted proposal needs 'besloten'" {
	copy_proposals
	sed -i '/^besloten:/d' voorstellen/0001.md
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 1 ]
	# reported on the line of the field that makes it required
	assert_one field-required voorstellen/0001.md:5
	assert_only_one
}

@test "proposals: required-if with a list of values names the value that applies" {
	copy_proposals
	sed -i -e 's/^status: aangenomen$/status: verworpen/' -e '/^besloten:/d' voorstellen/0001.md
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 1 ]
	assert_one field-required voorstellen/0001.md:5
	assert_only_one
	# the message gives the reason that holds: status is verworpen, not aangenomen
	printf '%s\n' "$output" | grep -q "'verworpen'"
}

@test "proposals: a number that is not four digits is id-pattern" {
	copy_proposals
	sed -i 's/^nummer: "0002"$/nummer: "42"/' voorstellen/0002.md
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 1 ]
	assert_one id-pattern voorstellen/0002.md:2
	assert_only_one
}

@test "proposals: a file not named after its number is file-name (a warning)" {
	copy_proposals
	mv voorstellen/0003.md voorstellen/spreekrecht.md
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	assert_one file-name voorstellen/spreekrecht.md:2
	assert_only_one
	[[ "$output" == *"'0003.md'"* ]]
}

@test "proposals: 'besloten' before 'datum' is date-order" {
	copy_proposals
	sed -i 's/^besloten: 2024-02-08$/besloten: 2023-12-08/' voorstellen/0001.md
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 1 ]
	assert_one date-order voorstellen/0001.md:6
	assert_only_one
}

@test "proposals: an empty list of 'indieners' is field-items" {
	copy_proposals
	sed -i 's/^indieners: \[Fractie Dorpsbelang\]$/indieners: []/' voorstellen/0001.md
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 1 ]
	assert_one field-items voorstellen/0001.md:7
	assert_only_one
}

@test "proposals: a field the schema does not define is field-unknown" {
	copy_proposals
	sed -i 's/^besloten: 2024-02-08$/&\nportefeuille: Financien/' voorstellen/0001.md
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	assert_one field-unknown voorstellen/0001.md:7
	assert_only_one
}

@test "proposals: files in an excluded folder are not checked" {
	copy_proposals
	mkdir concepten
	printf -- '---\nnummer: kladje\n---\n' >concepten/0004.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
	[ "$output" = "0 errors, 0 warnings in 3 records" ]
}

@test "globs: '*' stays in a folder, '**' crosses, no inner '/' means any depth" {
	copy_proposals
	mkdir -p voorstellen/oud archief/concepten
	printf -- '---\nnummer: kladje\n---\n' >archief/concepten/0005.md
	sed 's/"0003"/"0004"/' voorstellen/0003.md >voorstellen/oud/0004.md
	# voorstellen/*.md does not reach voorstellen/oud/;
	# concepten/ (no '/' but the last) excludes archief/concepten/ too
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 1 ]
	assert_one type-missing voorstellen/oud/0004.md:1
	assert_only_one
	# voorstellen/**/*.md does reach it
	sed -i 's|"voorstellen/\*.md"|"voorstellen/**/*.md"|' .clerk.yml
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
	[ "$output" = "0 errors, 0 warnings in 4 records" ]
	# a leading '/' anchors the glob at the folder of .clerk.yml
	sed -i 's|"concepten/"|"/concepten/"|' .clerk.yml
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 1 ]
	assert_one type-missing archief/concepten/0005.md:1
	assert_only_one
}

@test "proposals: a record elsewhere with 'type: voorstel' uses the repository's schema" {
	copy_proposals
	mkdir archief
	sed 's/^nummer: "0003"$/type: voorstel\n&/' voorstellen/0003.md >archief/0003.md
	rm voorstellen/0003.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
	[ "$output" = "0 errors, 0 warnings in 3 records" ]
}

@test "proposals: the type field wins over a types: glob, with a type-folder warning" {
	copy_proposals
	valid_decision >voorstellen/2024-017.md
	run "$CLERK" check --as-of "$AS_OF"
	# Checked as the decision it says it is: no finding of a proposal's fields.
	assert_one type-folder voorstellen/2024-017.md:2
	assert_only_one
	[ "$status" -eq 0 ]
	[[ "$output" == *"0 errors, 1 warning in 4 records" ]]
}

# -------------------------------------------------- overriding a built-in

# A decision with a field the built-in decision schema does not define.
decision_with_portfolio() {
	valid_decision | sed '7a portefeuillehouder: Wethouder A. de Vries'
}

@test "override: without it, an extra field of a decision is field-unknown" {
	decision_with_portfolio >2024-017.md
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	assert_one field-unknown 2024-017.md:8
	assert_only_one
}

@test "override: a decision schema in the repository's folder replaces the built-in one" {
	decision_with_portfolio >2024-017.md
	mkdir schemas
	sed 's/^fields:$/&\n  portefeuillehouder:\n    type: string\n    description: the alderman responsible/' \
		"$REPO/schemas/decision.yml" >schemas/decision.yml
	grep -q '^  portefeuillehouder:$' schemas/decision.yml
	printf 'schemas: schemas\n' >.clerk.yml
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
	[ "$output" = "0 errors, 0 warnings in 1 record" ]
}

@test "override: the repository's schema replaces the built-in one as a whole" {
	mkdir schemas
	printf 'name: decision\nallow-unknown-fields: true\n' >schemas/decision.yml
	printf 'schemas: [schemas]\n' >.clerk.yml
	# no id pattern, no required fields, no sections any more
	printf -- '---\ntype: decision\nid: besluit-een\nwie: de raad\n---\nTekst.\n' >b.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
}

# ------------------------------------------------------- rules, --config

@test "rules: section-order: off silences that rule" {
	copy_proposals
	sed -i -e 's/^## Motivatie$/## @@/' -e 's/^## Voorstel$/## Motivatie/' \
		-e 's/^## @@$/## Voorstel/' voorstellen/0001.md
	printf 'rules:\n  section-order: off\n' >>.clerk.yml
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
	[ "$output" = "0 errors, 0 warnings in 3 records" ]
}

@test "rules: file-name: error turns the warning into an error with exit 1" {
	copy_proposals
	mv voorstellen/0003.md voorstellen/spreekrecht.md
	printf 'rules:\n  file-name: error\n' >>.clerk.yml
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 1 ]
	assert_one file-name voorstellen/spreekrecht.md:2
	printf '%s\n' "$output" | grep -q '^voorstellen/spreekrecht.md:2:[0-9]*: error: .*\[file-name\]$'
	[ "$(printf '%s\n' "$output" | tail -n 1)" = "1 error, 0 warnings in 3 records" ]
}

@test "--config FILE uses that file instead of .clerk.yml" {
	copy_proposals
	sed -i -e 's/^## Motivatie$/## @@/' -e 's/^## Voorstel$/## Motivatie/' \
		-e 's/^## @@$/## Voorstel/' voorstellen/0001.md
	{ cat .clerk.yml; printf 'rules:\n  section-order: error\n'; } >strict.yml
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	run "$CLERK" check --as-of "$AS_OF" --config strict.yml
	[ "$status" -eq 1 ]
	printf '%s\n' "$output" | grep -q '^voorstellen/0001.md:22:[0-9]*: error: .*\[section-order\]$'
}

@test "--config FILE: its paths are relative to the folder that holds it" {
	mkdir p
	(cd p && copy_proposals)
	# The configuration is found from the path checked, not from here.
	run "$CLERK" check --as-of "$AS_OF" p
	assert_clean
	run "$CLERK" check --as-of "$AS_OF" --config p/.clerk.yml p
	assert_clean
	[ "$output" = "0 errors, 0 warnings in 3 records" ]
}

@test "--config with a file that does not exist is exit 2" {
	run --separate-stderr "$CLERK" check --as-of "$AS_OF" --config nergens.yml
	[ "$status" -eq 2 ]
	[ -z "$output" ]
	[[ "$stderr" == "clerk: nergens.yml: "* ]]
}

@test "--as-of 2024-13-01 is a usage error" {
	run --separate-stderr "$CLERK" check --as-of "$AS_OF" --as-of 2024-13-01
	[ "$status" -eq 2 ]
	[ -z "$output" ]
	[[ "$stderr" == "clerk: "*"2024-13-01"* ]]
}

@test "as-of: a real date in .clerk.yml is accepted" {
	printf 'as-of: 2024-02-29\n' >.clerk.yml
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
}

# -------------------------------------------------------- schema errors

@test "schema error: an unknown top-level key" {
	copy_proposals
	printf 'kleur: blauw\n' >>schemas/voorstel.yml
	run --separate-stderr "$CLERK" check --as-of "$AS_OF"
	assert_config_error schemas/voorstel.yml "$(line_of 'kleur:' schemas/voorstel.yml)"
	[[ "$stderr" == *"'kleur'"* ]]
}

@test "schema error: an unknown field key" {
	copy_proposals
	sed -i '/^  titel:$/,/^  datum:$/s/^    required: true$/    verplicht: true/' schemas/voorstel.yml
	run --separate-stderr "$CLERK" check --as-of "$AS_OF"
	assert_config_error schemas/voorstel.yml "$(line_of 'verplicht:' schemas/voorstel.yml)"
	[[ "$stderr" == *"'verplicht'"* ]]
}

@test "schema error: an unknown field type" {
	copy_proposals
	sed -i '/^  titel:$/,/^  datum:$/s/^    type: string$/    type: tekst/' schemas/voorstel.yml
	run --separate-stderr "$CLERK" check --as-of "$AS_OF"
	assert_config_error schemas/voorstel.yml "$(line_of 'type: tekst' schemas/voorstel.yml)"
	[[ "$stderr" == *"'tekst'"* ]]
}

@test "schema error: a pattern that pcre2 cannot compile" {
	copy_proposals
	sed -i "s/^  pattern: '^\\\\d{4}\$'\$/  pattern: '^(\\\\d{4}\$'/" schemas/voorstel.yml
	grep -qF "pattern: '^(\\d{4}\$'" schemas/voorstel.yml
	run --separate-stderr "$CLERK" check --as-of "$AS_OF"
	assert_config_error schemas/voorstel.yml "$(line_of "pattern: '^(" schemas/voorstel.yml)"
}

@test "schema error: a section pattern that pcre2 cannot compile" {
	copy_proposals
	sed -i 's/^    names: \[Voorstel, Proposal\]$/&\n    pattern: "(het )?besluit("/' schemas/voorstel.yml
	run --separate-stderr "$CLERK" check --as-of "$AS_OF"
	assert_config_error schemas/voorstel.yml "$(line_of 'pattern: "(het' schemas/voorstel.yml)"
}

@test "schema error: bad YAML" {
	copy_proposals
	# one line indented less than its neighbours
	sed -i '/^  titel:$/,/^  datum:$/s/^    required: true$/   required: true/' schemas/voorstel.yml
	run --separate-stderr "$CLERK" check --as-of "$AS_OF"
	assert_config_error schemas/voorstel.yml "$(grep -n '^   required: true$' schemas/voorstel.yml | cut -d: -f1)"
}

@test "schema error: a ref target that names an undefined type" {
	copy_proposals
	sed -i 's/^    targets: \[voorstel\]$/    targets: [voorstel, motie]/' schemas/voorstel.yml
	run --separate-stderr "$CLERK" check --as-of "$AS_OF"
	# the line of the target that is wrong, as for every other schema error
	assert_config_error schemas/voorstel.yml "$(line_of 'targets: [voorstel, motie]' schemas/voorstel.yml)"
	[[ "$stderr" == *"'motie'"* ]]
}

@test "schema error: an enum field written as 'name: enum' without values" {
	copy_proposals
	sed -i 's/^fields:$/&\n  soort: enum/' schemas/voorstel.yml
	run --separate-stderr "$CLERK" check --as-of "$AS_OF"
	assert_config_error schemas/voorstel.yml "$(line_of 'soort: enum' schemas/voorstel.yml)"
}

@test "schema error: a key given twice" {
	copy_proposals
	printf 'sections-ordered: false\n' >>schemas/voorstel.yml
	run --separate-stderr "$CLERK" check --as-of "$AS_OF"
	assert_config_error schemas/voorstel.yml "$(grep -n '^sections-ordered:' schemas/voorstel.yml | tail -n 1 | cut -d: -f1)"
}

@test "schema error: min on a field that is not an integer" {
	copy_proposals
	sed -i 's/^  titel:$/  titel:\n    min: 3/' schemas/voorstel.yml
	grep -q '^    min: 3$' schemas/voorstel.yml
	run --separate-stderr "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 2 ]
	assert_config_error schemas/voorstel.yml "$(line_of '    min: 3' schemas/voorstel.yml)"
	[[ "$stderr" == *"field 'titel' is of type string, so 'min' does not apply to it; 'min' is for fields of type integer" ]]
}

# ------------------------------------------------- configuration errors

@test "config error: a key given twice in .clerk.yml, found from a subfolder" {
	copy_proposals
	printf 'rules:\n  file-name: off\n  file-name: error\n' >>.clerk.yml
	mkdir -p deep/er
	cd deep/er
	run --separate-stderr "$CLERK" check --as-of "$AS_OF"
	assert_config_error ../../.clerk.yml "$(line_of '  file-name: error' ../../.clerk.yml)"
	[[ "$stderr" == "clerk: ../../.clerk.yml:"* ]]
	[[ "$stderr" == *"given twice"* ]]
}

@test "config error: an unknown key in .clerk.yml" {
	copy_proposals
	printf 'formaat: text\n' >>.clerk.yml
	run --separate-stderr "$CLERK" check --as-of "$AS_OF"
	assert_config_error .clerk.yml "$(line_of 'formaat:' .clerk.yml)"
	[[ "$stderr" == *"'formaat'"* ]]
}

@test "config error: an unknown rule name in rules:" {
	copy_proposals
	printf 'rules:\n  section-order: off\n  sectie-leeg: off\n' >>.clerk.yml
	run --separate-stderr "$CLERK" check --as-of "$AS_OF"
	assert_config_error .clerk.yml "$(line_of 'sectie-leeg:' .clerk.yml)"
	[[ "$stderr" == *"'sectie-leeg'"* ]]
}

@test "config error: a severity that does not exist" {
	copy_proposals
	printf 'rules:\n  file-name: streng\n' >>.clerk.yml
	run --separate-stderr "$CLERK" check --as-of "$AS_OF"
	assert_config_error .clerk.yml "$(line_of 'file-name: streng' .clerk.yml)"
}

@test "config error: as-of: 2024-02-30 is not a real date" {
	copy_proposals
	printf 'as-of: 2024-02-30\n' >>.clerk.yml
	run --separate-stderr "$CLERK" check --as-of "$AS_OF"
	assert_config_error .clerk.yml "$(line_of 'as-of:' .clerk.yml)"
}

@test "config error: a types: entry naming an unknown type" {
	copy_proposals
	sed -i 's/^    type: voorstel$/    type: voorstellen/' .clerk.yml
	run --separate-stderr "$CLERK" check --as-of "$AS_OF"
	assert_config_error .clerk.yml "$(line_of 'type: voorstellen' .clerk.yml)"
	[[ "$stderr" == *"'voorstellen'"* ]]
}

@test "config error: a schemas folder that does not exist" {
	copy_proposals
	sed -i 's/^schemas: schemas$/schemas: schemata/' .clerk.yml
	run --separate-stderr "$CLERK" check --as-of "$AS_OF"
	# an error in the configuration: it points at the entry in .clerk.yml
	assert_config_error .clerk.yml "$(line_of 'schemas: schemata' .clerk.yml)"
}

@test "config error: bad YAML in .clerk.yml" {
	printf 'rules:\n  file-name: error\n types: []\n' >.clerk.yml
	run --separate-stderr "$CLERK" check --as-of "$AS_OF"
	assert_config_error .clerk.yml 3
}

@test "schema errors: mistakes that would silently switch a check off" {
	mkdir schemas
	printf 'schemas: schemas\n' >.clerk.yml
	for bad in \
		"file-name: '{nope}.md'|uses {nope}" \
		"fields: {n: {type: integer, min: 5, max: 1}}|min is larger than max" \
		"fields: {l: {type: list, min-items: 3, max-items: 1}}|min-items is larger" \
		"fields: {a: string, b: {type: string, required-if: {field: a, equals: []}}}|at least one value" \
		"fields: {[a]: string}|single word"; do
		printf 'name: x\n%s\n' "${bad%%|*}" >schemas/x.yml
		run --separate-stderr "$CLERK" check --as-of "$AS_OF"
		[ "$status" -eq 2 ] || { echo "accepted: ${bad%%|*}" >&2; return 1; }
		[[ "$stderr" == "clerk: schemas/x.yml:2:"*"${bad#*|}"* ]] || { echo "$stderr" >&2; return 1; }
	done
}
