#!/usr/bin/env bats
# The writing side in Dutch: clerk init --lang nl, clerk new with Dutch
# headings and type names, and a repository started that way that checks
# clean once the placeholders are filled in, without renaming a heading.

load helper

# Fills in every empty field of the record $1 (by its name) and writes a
# line of text under every empty heading; under Besluit numbered decision
# points. The headings themselves are left exactly as clerk new wrote them.
fill_in() {
	awk -v seq="${2:-1}" '
	/^authority:$/ { print "authority: College van burgemeester en wethouders van Heuvelrand"; next }
	/^parties:$/ { print "parties: [Gemeente Heuvelrand, Gemeente Beekdal]"; next }
	/^effective:$/ { print "effective: 2025-03-01"; next }
	/^cites:$/ { print "cites: [COV-2025-001]"; next }
	/^series:$/ { print "series: griffie"; next }
	/^sequence:$/ { print "sequence: " seq; next }
	/^## Besluit$/ { print; print ""; print "1. in te stemmen met de samenwerking;"; print "2. de burgemeester te machtigen te tekenen."; next }
	/^## / { print; print ""; print "Tekst die de secretaris hier schrijft."; next }
	{ print }
	' "$1" >"$1.new" && mv "$1.new" "$1"
}

@test "init --lang nl: language: nl, Dutch comments and README, Dutch folders with types: to match" {
	run "$CLERK" init --lang nl
	[ "$status" -eq 0 ]
	for f in .clerk.yml README.md overeenkomsten/COV-2024-001.md besluiten/2024000012.md \
		rapportages/RPT-2024-001.md; do
		[ -f "$f" ]
		grep -qx "aangemaakt: $f" <<<"$output"
	done
	[ ! -e covenants ] && [ ! -e decisions ] && [ ! -e reports ]
	grep -qx 'language: nl' .clerk.yml
	grep -q '^# Welk soort stuk elke map bevat' .clerk.yml
	grep -qx '  - path: "overeenkomsten/\*.md"' .clerk.yml
	grep -qx '  - path: "besluiten/\*.md"' .clerk.yml
	grep -qx '  - path: "rapportages/\*.md"' .clerk.yml
	grep -qx '# Stukken' README.md
	grep -q 'clerk new besluit' README.md
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	[ "$output" = "0 fouten, 0 waarschuwingen in 3 stukken" ]
	BUILD="$(dirname "${CLERK_REAL:-$CLERK}")"
	"$BUILD/tests/yaml_parses" .clerk.yml
}

@test "init: clerk --lang nl init is the same as init --lang nl; English stays English" {
	mkdir nl en
	run "$CLERK" --lang nl init nl
	[ "$status" -eq 0 ]
	grep -qx 'language: nl' nl/.clerk.yml
	[ -d nl/besluiten ]
	run "$CLERK" init --lang en en
	[ "$status" -eq 0 ]
	run grep -c '^language:' en/.clerk.yml
	[ "$output" = 0 ]
	[ -d en/decisions ]
	run "$CLERK" init --lang fr fr
	[ "$status" -eq 2 ]
	[ ! -e fr ]
}

@test "new: Dutch type names on the command line, records in the folders .clerk.yml maps" {
	"$CLERK" init --lang nl >/dev/null
	run "$CLERK" new besluit --date 2025-02-01
	[ "$status" -eq 0 ]
	[ "$output" = "besluiten/2025000001.md" ]
	grep -qx 'type: decision' besluiten/2025000001.md
	run "$CLERK" new convenant --date 2025-02-01
	[ "$output" = "overeenkomsten/COV-2025-001.md" ]
	run "$CLERK" new rapportage --date 2025-02-01
	[ "$output" = "rapportages/RPT-2025-001.md" ]
	run "$CLERK" new progress-report --date 2025-02-01
	[ "$output" = "rapportages/RPT-2025-002.md" ]
	run "$CLERK" new besluiten --date 2025-02-01
	[ "$status" -eq 2 ]
	run "$CLERK" list --type convenant
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 3 ]
	[ "$(printf '%s\n' "${lines[@]:1}" | awk '{print $2}' | sort -u)" = covenant ]
}

@test "init --lang nl, new for every type, placeholders filled in: check is clean, no heading renamed" {
	"$CLERK" init --lang nl >/dev/null
	rm overeenkomsten/* besluiten/* rapportages/*
	run "$CLERK" new convenant --date 2025-02-03 --title "Samenwerking griffie" --set term=indefinite
	[ "$output" = "overeenkomsten/COV-2025-001.md" ]
	run "$CLERK" new convenant --date 2025-02-04 --title "Gedeelde archiefruimte" --set expires=2027-12-31
	[ "$output" = "overeenkomsten/COV-2025-002.md" ]
	run "$CLERK" new besluit --date 2025-02-01 --title "Instemming samenwerking griffie"
	[ "$output" = "besluiten/2025000001.md" ]
	run "$CLERK" new rapportage --date 2025-06-30 --title "Eerste voortgangsrapportage griffie"
	[ "$output" = "rapportages/RPT-2025-001.md" ]
	run "$CLERK" new rapportage --date 2025-12-01 --title "Slotrapportage griffie" --set kind=closing
	[ "$output" = "rapportages/RPT-2025-002.md" ]
	grep -h '^## ' overeenkomsten/*.md besluiten/*.md rapportages/*.md | sort -u >headings
	cat >expected <<'EOT'
## Afspraken
## Besluit
## Doel
## Evaluatie
## Financiën
## Inleiding
## Looptijd
## Opzegging
## Overdracht
## Partijen
## Risico's
## Voortgang
EOT
	diff -u expected headings
	fill_in overeenkomsten/COV-2025-001.md
	fill_in overeenkomsten/COV-2025-002.md
	fill_in besluiten/2025000001.md
	fill_in rapportages/RPT-2025-001.md 1
	fill_in rapportages/RPT-2025-002.md 2
	grep -h '^## ' overeenkomsten/*.md besluiten/*.md rapportages/*.md | sort -u >after
	diff -u headings after
	run "$CLERK" --lang en check --as-of "$AS_OF"
	[ "$output" = "0 errors, 0 warnings in 5 records" ]
	[ "$status" -eq 0 ]
}
