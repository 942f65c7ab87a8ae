#!/usr/bin/env bats
# The language of clerk's messages: --lang, language: in .clerk.yml, the
# environment, and the Dutch catalogue po/nl.po. This machine need not have
# a Dutch locale: clerk must speak Dutch without one.

bats_require_minimum_version 1.5.0
load helper

# A decision with one error (a status in Dutch), in the current folder.
broken_decision() {
	valid_decision | sed 's/^status: adopted$/status: vastgesteld/' | write 2024-017.md
}

@test "--lang nl gives the summary line in Dutch, with plural forms" {
	broken_decision
	valid_decision 2024-018 | write 2024-018.md
	run -1 env -u LANGUAGE -u LC_ALL -u LC_MESSAGES LANG=C "$CLERK" --lang nl check --as-of "$AS_OF" .
	[ "${lines[-1]}" = "1 fout, 0 waarschuwingen in 2 stukken" ]
}

@test "--lang nl translates a diagnostic and keeps its rule, file and line" {
	broken_decision
	run -1 "$CLERK" --lang nl check --as-of "$AS_OF" 2024-017.md
	[[ "${lines[0]}" == "2024-017.md:6:9: error: "*"[field-enum]" ]]
	[[ "${lines[0]}" != *"is not allowed"* ]]
	run -1 "$CLERK" --lang en check --as-of "$AS_OF" 2024-017.md
	[[ "${lines[0]}" == *"is not allowed"* ]]
}

@test "--lang=nl is the same as --lang nl" {
	broken_decision
	run -1 "$CLERK" --lang=nl check --as-of "$AS_OF" .
	[ "${lines[-1]}" = "1 fout, 0 waarschuwingen in 1 stuk" ]
}

@test "--lang works after the command too, and among its options" {
	broken_decision
	run -1 "$CLERK" check --lang nl --as-of "$AS_OF" .
	[ "${lines[-1]}" = "1 fout, 0 waarschuwingen in 1 stuk" ]
	run -1 "$CLERK" check --as-of "$AS_OF" --lang=nl .
	[ "${lines[-1]}" = "1 fout, 0 waarschuwingen in 1 stuk" ]
	run -0 "$CLERK" rules --lang nl field-enum
	[[ "${lines[0]}" == "field-enum (standaardniveau: error)" ]]
	run -2 "$CLERK" check --lang
	[ "$output" = "clerk: option '--lang' needs a value; see 'clerk check --help'" ]
	# After "--" it is an argument, not an option.
	run -2 "$CLERK" check --as-of "$AS_OF" -- --lang
	[[ "${lines[0]}" == "clerk: --lang: "* ]]
}

@test "LANGUAGE=nl chooses Dutch; so does LANG=nl_NL.UTF-8 on a machine without that locale" {
	broken_decision
	run -1 env -u LC_ALL -u LC_MESSAGES LANG=C.UTF-8 LANGUAGE=nl "$CLERK" check --as-of "$AS_OF" .
	[ "${lines[-1]}" = "1 fout, 0 waarschuwingen in 1 stuk" ]
	run -1 env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=nl_NL.UTF-8 "$CLERK" check --as-of "$AS_OF" .
	[ "${lines[-1]}" = "1 fout, 0 waarschuwingen in 1 stuk" ]
}

@test "without a language anywhere the messages are English" {
	broken_decision
	run -1 env -u LANGUAGE -u LC_ALL -u LC_MESSAGES -u LANG "$CLERK" check --as-of "$AS_OF" .
	[ "${lines[-1]}" = "1 error, 0 warnings in 1 record" ]
}

@test "language: nl in .clerk.yml chooses Dutch for everyone using the set" {
	broken_decision
	echo 'language: nl' | write .clerk.yml
	run -1 env -u LANGUAGE LANG=C "$CLERK" check --as-of "$AS_OF" .
	[ "${lines[-1]}" = "1 fout, 0 waarschuwingen in 1 stuk" ]
}

@test "the order: --lang, then .clerk.yml, then the environment" {
	broken_decision
	echo 'language: en' | write .clerk.yml
	run -1 env LANGUAGE=nl "$CLERK" check --as-of "$AS_OF" .
	[ "${lines[-1]}" = "1 error, 0 warnings in 1 record" ]
	run -1 env LANGUAGE=en "$CLERK" --lang nl check --as-of "$AS_OF" .
	[ "${lines[-1]}" = "1 fout, 0 waarschuwingen in 1 stuk" ]
}

@test "an unknown language on the command line is a usage error" {
	run -2 "$CLERK" --lang fr check .
	[ "${lines[0]}" = "clerk: unknown language 'fr'; use en or nl" ]
	run -2 "$CLERK" --lang
	[ "${lines[0]}" = "clerk: --lang needs a language: en or nl" ]
}

@test "an unknown language in .clerk.yml is a configuration error with its line" {
	valid_decision | write 2024-017.md
	printf 'as-of: 2025-12-31\nlanguage: fr\n' | write .clerk.yml
	run -2 "$CLERK" check .
	[ "${lines[0]}" = "clerk: .clerk.yml:2:11: 'language' must be en (English) or nl (Dutch)" ]
}

@test "po/nl.po is complete: no untranslated or fuzzy entries, and checks with msgfmt" {
	run msgfmt --check --statistics -o /dev/null "$REPO/po/nl.po"
	[ "$status" -eq 0 ]
	[[ "$output" =~ ^[0-9]+\ translated\ messages\.$ ]]
}

@test "po/nl.po has every text of the source (xgettext finds nothing new)" {
	local dir
	dir=$(dirname "${CLERK_REAL:-$CLERK}")
	run make -s -C "$REPO" BUILD="$dir" "$dir/clerk.pot"
	[ "$status" -eq 0 ]
	run msgcmp --use-untranslated "$REPO/po/nl.po" "$dir/clerk.pot"
	[ "$status" -eq 0 ]
}

# Prints the fenced blocks of rule $2's section in the page $1.
rule_blocks() {
	awk -v rule="## \`$2\`" '
		/^```/ { fence = !fence }
		!fence && /^## / { inside = ($0 == rule); next }
		inside && (fence || /^```/) { print }
	' "$1"
}

@test "docs/nl/rules.md explains every rule, with the same examples as docs/rules.md" {
	local rule missing=""
	for rule in $("$CLERK" rules | awk '{print $1}'); do
		grep -qx "## \`$rule\`" "$REPO/docs/nl/rules.md" || { missing="$missing $rule"; continue; }
		diff -u <(rule_blocks "$REPO/docs/rules.md" "$rule") \
			<(rule_blocks "$REPO/docs/nl/rules.md" "$rule") ||
			{ echo "the examples of $rule differ" >&2; return 1; }
	done
	[ -z "$missing" ] || { echo "no Dutch entry for:$missing" >&2; return 1; }
}

@test "clerk --lang nl rules NAME shows the Dutch explanation" {
	run "$CLERK" --lang nl rules field-enum
	[ "$status" -eq 0 ]
	[[ "$output" == *"**Ernst:** error."* ]]
	[[ "$output" == *"**Fout:**"* ]]
	run "$CLERK" --lang en rules field-enum
	[[ "$output" == *"**Severity:** error."* ]]
}
