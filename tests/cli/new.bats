#!/usr/bin/env bats
# clerk new: a record from its schema, the next free id by the id template
# (per year and type, past every id in the folder and in every Git branch),
# created without ever replacing a file.

load helper

# A Git repository of its own, with a configuration of its own.
git_init() {
	export HOME="$BATS_TEST_TMPDIR/home" GIT_CONFIG_NOSYSTEM=1
	mkdir -p "$HOME"
	git init -q -b main .
	git config user.name "Test Secretary"
	git config user.email "secretary@example.org"
}

# The checksum of every file under the current folder (but .git).
tree_sum() {
	find . -path ./.git -prune -o -type f -print0 | sort -z | xargs -0 -r sha256sum
}

@test "new: creates an agreement with every required field and section, prints its path" {
	run "$CLERK" new covenant --title "Samenwerking archief" --date 2024-05-02
	[ "$status" -eq 0 ]
	[ "$output" = "covenants/COV-2024-001.md" ]
	cat >expected <<'EOT'
---
type: covenant
id: COV-2024-001
title: Samenwerking archief
date: 2024-05-02
status: draft
parties:
effective:
expires:
---

# Samenwerking archief

## Parties

## Purpose

## Commitments

## Term

EOT
	diff -u expected covenants/COV-2024-001.md
}

@test "new: check on a new record reports only the placeholders still to fill in" {
	run "$CLERK" new covenant --title "Samenwerking archief" --date 2024-05-02
	[ "$status" -eq 0 ]
	run "$CLERK" check --as-of "$AS_OF" covenants/COV-2024-001.md
	[ "$status" -eq 1 ]
	printf '%s\n' "$output" | sed 's/: error: .*\[/ [/' >got
	cat >expected <<'EOT'
covenants/COV-2024-001.md:1:1 [field-required]
covenants/COV-2024-001.md:7:1 [field-required]
covenants/COV-2024-001.md:8:1 [field-required]
covenants/COV-2024-001.md:14:1 [section-required]
covenants/COV-2024-001.md:16:1 [section-required]
covenants/COV-2024-001.md:18:1 [section-required]
covenants/COV-2024-001.md:20:1 [section-required]
7 errors, 0 warnings in 1 record
EOT
	diff -u expected got
	grep -q "'parties'" <<<"$output"
	grep -q "'effective'" <<<"$output"
	grep -q "'expires' or 'term'" <<<"$output"
}

@test "new: a decision and a report get only their placeholders reported too" {
	"$CLERK" new decision --title "Mandaatregister" --date 2024-03-12
	"$CLERK" new progress-report --title "Eerste voortgangsrapportage" --date 2024-09-01 \
		--set series=archief --set sequence=1 --set cites=2024000001
	run "$CLERK" check --as-of 2024-12-31 .
	# The recommended sections of a progress report (Progress, Risks,
	# Finances) are written as empty headings too: section-empty until filled.
	printf '%s\n' "$output" | sed 's/: \(error\|warning\): .*\[/ [/' >got
	cat >expected <<'EOT'
decisions/2024000001.md:7:1 [field-required]
decisions/2024000001.md:12:1 [section-required]
reports/RPT-2024-001.md:14:1 [section-required]
reports/RPT-2024-001.md:16:1 [section-empty]
reports/RPT-2024-001.md:18:1 [section-empty]
reports/RPT-2024-001.md:20:1 [section-empty]
3 errors, 3 warnings in 2 records
EOT
	diff -u expected got
}

@test "new: ids continue per year and per type" {
	for id in COV-2023-009 COV-2024-002 COV-2024-010; do
		printf -- '---\ntype: covenant\nid: %s\n---\n' "$id" | write "covenants/$id.md"
	done
	printf -- '---\ntype: progress-report\nid: RPT-2024-007\n---\n' | write "old/report.md"
	printf -- '---\ntype: decision\nid: 2024000041\n---\n' | write "d/2024000041.md"
	run "$CLERK" new covenant --date 2024-06-01
	[ "$output" = "covenants/COV-2024-011.md" ]
	run "$CLERK" new covenant --date 2023-12-31
	[ "$output" = "covenants/COV-2023-010.md" ]
	run "$CLERK" new covenant --date 2025-01-01
	[ "$output" = "covenants/COV-2025-001.md" ]
	run "$CLERK" new covenant --date 2024-06-02
	[ "$output" = "covenants/COV-2024-012.md" ]
	run "$CLERK" new progress-report --date 2024-06-01
	[ "$output" = "reports/RPT-2024-008.md" ]
	run "$CLERK" new decision --date 2024-06-01
	[ "$output" = "decisions/2024000042.md" ]
	run "$CLERK" new decision --date 2025-01-02
	[ "$output" = "decisions/2025000001.md" ]
}

@test "new: a file name counts as taken even when its front matter is broken" {
	printf -- '---\nid: [COV-2024-004\n---\n' | write covenants/COV-2024-004.md
	run "$CLERK" new covenant --date 2024-06-01
	[ "$output" = "covenants/COV-2024-005.md" ]
}

@test "new: an id taken only in another branch (local or remote-tracking) is skipped" {
	git_init
	printf -- '---\ntype: covenant\nid: COV-2024-001\n---\n' | write covenants/COV-2024-001.md
	git add -A && git commit -qm first
	git checkout -qb colleague
	# In the colleague's branch under another file name: only its front matter says the id.
	printf -- '---\ntype: covenant\nid: COV-2024-005\n---\n' | write covenants/nieuw.md
	git add -A && git commit -qm "colleague's agreement"
	git checkout -q main
	git checkout -qb other
	printf -- '---\ntype: covenant\nid: "COV-2024-007"\n---\n' | write elders/COV-2024-007.md
	git add -A && git commit -qm "another agreement"
	git update-ref refs/remotes/origin/other HEAD
	git checkout -q main
	git branch -qD other
	[ ! -e covenants/nieuw.md ] && [ ! -e elders ]
	run "$CLERK" new covenant --date 2024-06-01
	[ "$status" -eq 0 ]
	[ "$output" = "covenants/COV-2024-008.md" ]
	git update-ref -d refs/remotes/origin/other
	run "$CLERK" new covenant --date 2024-06-01
	[ "$output" = "covenants/COV-2024-009.md" ]
	run "$CLERK" new covenant --id COV-2024-005
	[ "$status" -eq 1 ]
	grep -q "taken" <<<"$output"
}

@test "new: two at once never take the same id (10 pairs)" {
	for i in 1 2 3 4 5 6 7 8 9 10; do
		"$CLERK" new covenant --date 2024-06-01 >"a$i" &
		"$CLERK" new covenant --date 2024-06-01 >"b$i" &
		wait
	done
	[ "$(cat a* b* | sort -u | wc -l)" -eq 20 ]
	[ "$(ls covenants | wc -l)" -eq 20 ]
	[ "$(cat a* b* | sort | tail -1)" = "covenants/COV-2024-020.md" ]
	[ -z "$(find . -name '.clerk-*')" ]
}

@test "new: --id taken or not of the right form is refused and nothing is written" {
	printf -- '---\ntype: covenant\nid: COV-2024-003\n---\n' | write covenants/COV-2024-003.md
	before=$(tree_sum)
	run "$CLERK" new covenant --id COV-2024-003
	[ "$status" -eq 1 ]
	[ "$output" = "clerk: the id 'COV-2024-003' is taken: a record in the folder or in a Git branch has it" ]
	run "$CLERK" new covenant --id COV-24-3
	[ "$status" -eq 1 ]
	[ "$output" = "clerk: 'COV-24-3' is not a valid id for an agreement; ids look like 'COV-2024-001'" ]
	[ "$(tree_sum)" = "$before" ]
	run "$CLERK" new covenant --id COV-2024-004
	[ "$status" -eq 0 ]
	[ "$output" = "covenants/COV-2024-004.md" ]
	grep -q '^id: COV-2024-004$' covenants/COV-2024-004.md
}

@test "new: an existing file is never replaced" {
	echo "not a record" | write covenants/COV-2024-001.md
	run "$CLERK" new covenant --date 2024-01-05
	[ "$output" = "covenants/COV-2024-002.md" ]
	[ "$(cat covenants/COV-2024-001.md)" = "not a record" ]
}

@test "new: wrong requests are refused in plain words" {
	run "$CLERK" new contract
	[ "$status" -eq 2 ]
	[ "$output" = "clerk: there is no record type 'contract'; use covenant, decision or progress-report" ]
	run "$CLERK" new covenant --set kleur=blauw
	[ "$status" -eq 1 ]
	[ "$output" = "clerk: --set: an agreement has no field 'kleur'" ]
	run "$CLERK" new covenant --date 2024-02-30
	[ "$status" -eq 1 ]
	grep -q "real date" <<<"$output"
	run "$CLERK" new
	[ "$status" -eq 2 ]
	[ -z "$(find . -type f)" ]
}

@test "new: values that need quotes are quoted, and read back as given" {
	run "$CLERK" new covenant --date 2024-01-05 --title "Afspraken: 'archief' #1" \
		--set "parties=Gemeente Dijkmeer, Gemeente Zandwijk"
	[ "$status" -eq 0 ]
	grep -qx "title: 'Afspraken: ''archief'' #1'" covenants/COV-2024-001.md
	grep -qx "parties: 'Gemeente Dijkmeer, Gemeente Zandwijk'" covenants/COV-2024-001.md
	run "$CLERK" check --as-of "$AS_OF" .
	[[ "$output" != *parties* ]]
	[[ "$output" != *title* ]]
}

@test "new: an organisation's own schema (the numbered proposals) numbers on" {
	cp -r "$REPO/tests/fixtures/schemas/proposals/." .
	run "$CLERK" new voorstel --title "Spreekrecht" --set "indieners=Fractie A"
	[ "$status" -eq 0 ]
	[ "$output" = "voorstellen/0004.md" ]
	grep -qx 'nummer: 0004' voorstellen/0004.md
	cd voorstellen
	run "$CLERK" new voorstel
	[ "$output" = "0005.md" ]
}

@test "new: a mistake in a template is a schema error with its line" {
	mkdir schemas
	cp "$REPO/tests/fixtures/schemas/proposals/schemas/voorstel.yml" schemas/
	printf 'schemas: schemas\n' >.clerk.yml
	sed -i "s|^path: .*|path: 'voorstellen/{nummer.md'|" schemas/voorstel.yml
	run "$CLERK" new voorstel
	[ "$status" -eq 2 ]
	grep -q "voorstel.yml:[0-9]*:[0-9]*: path: a '{' is not closed" <<<"$output"
	sed -i "s|^path: .*|path: 'voorstellen/{kleur}.md'|" schemas/voorstel.yml
	run "$CLERK" check .
	[ "$status" -eq 2 ]
	grep -q "path uses {kleur}, which is neither a field" <<<"$output"
}

@test "new --help explains the command" {
	run "$CLERK" new --help
	[ "$status" -eq 0 ]
	grep -q '^usage: clerk new TYPE' <<<"$output"
	grep -q -- '--set FIELD=VALUE' <<<"$output"
	run "$CLERK" help new
	[ "$status" -eq 0 ]
	grep -q '^usage: clerk new TYPE' <<<"$output"
}

@test "new: under language: nl the headings are the schema's Dutch names" {
	printf 'language: nl\n' >.clerk.yml
	run "$CLERK" --lang en new covenant --title "Samenwerking archief" --date 2024-05-02
	[ "$status" -eq 0 ]
	run grep '^## ' covenants/COV-2024-001.md
	[ "$output" = "$(printf '## Partijen\n## Doel\n## Afspraken\n## Looptijd')" ]
	run "$CLERK" new progress-report --date 2024-05-02
	[ "$status" -eq 0 ]
	run grep '^## ' reports/RPT-2024-001.md
	[ "$output" = "$(printf "## Inleiding\n## Voortgang\n## Risico's\n## Financiën")" ]
}

@test "new: the headings follow the set's language, not the runner's" {
	run env LANG=nl_NL.UTF-8 "$CLERK" --lang nl new decision --date 2024-05-02
	[ "$status" -eq 0 ]
	run grep '^## ' decisions/2024000001.md
	[ "$output" = "## Decision" ]
}

@test "new: --set term=indefinite adds the section Termination (Opzegging)" {
	printf 'language: nl\n' >.clerk.yml
	run "$CLERK" new covenant --date 2024-05-02 --set term=indefinite
	[ "$status" -eq 0 ]
	run grep -c '^## Opzegging$' covenants/COV-2024-001.md
	[ "$output" = 1 ]
	run grep -c '^expires:' covenants/COV-2024-001.md
	[ "$output" = 0 ]
	run "$CLERK" new covenant --date 2024-05-02 --set term=P2Y
	[ "$status" -eq 0 ]
	run grep -c '^## Opzegging$' covenants/COV-2024-002.md
	[ "$output" = 0 ]
}

@test "new: --set kind=closing adds Evaluation and Handover; a progress report has neither" {
	run "$CLERK" new progress-report --date 2024-05-02 --set kind=closing
	[ "$status" -eq 0 ]
	run grep '^## ' reports/RPT-2024-001.md
	[ "$output" = "$(printf '## Introduction\n## Progress\n## Risks\n## Finances\n## Evaluation\n## Handover')" ]
	run "$CLERK" new progress-report --date 2024-05-02 --set kind=progress
	[ "$status" -eq 0 ]
	run grep -c -e '^## Evaluation' -e '^## Handover' reports/RPT-2024-002.md
	[ "$output" = 0 ]
}

@test "new: a field that --set makes required gets its placeholder (expires needs expiry-reason)" {
	run "$CLERK" new decision --date 2024-05-02 --set expires=2025-01-01
	[ "$status" -eq 0 ]
	run grep -c '^expiry-reason:$' decisions/2024000001.md
	[ "$output" = 1 ]
	run "$CLERK" new decision --date 2024-05-02
	[ "$status" -eq 0 ]
	run grep -c '^expiry-reason:' decisions/2024000002.md
	[ "$output" = 0 ]
}

@test "new: ids assigned elsewhere (id: assigned: external) are asked for, never invented" {
	mkdir schemas
	sed 's/^  template: .*/  assigned: external/' "$REPO/schemas/decision.yml" >schemas/decision.yml
	grep -qx '  assigned: external' schemas/decision.yml
	printf 'schemas: schemas\n' >.clerk.yml
	run "$CLERK" new decision --date 2024-03-01
	[ "$status" -eq 1 ]
	[ "$output" = "clerk: the ids of a decision are handed out by another system (id: assigned: external in its schema); give the number it gave with --id, such as --id 2024-017" ]
	[ ! -e decisions ]
	run "$CLERK" new decision --date 2024-03-01 --id 2024-017
	[ "$status" -eq 0 ]
	[ "$output" = "decisions/2024-017.md" ]
	grep -qx 'id: 2024-017' decisions/2024-017.md
	run "$CLERK" new decision --date 2024-03-01 --id 2024-017
	[ "$status" -eq 1 ]
	sed -i 's/^  assigned: external/  assigned: later/' schemas/decision.yml
	run "$CLERK" new decision --id 2024-018
	[ "$status" -eq 2 ]
	grep -q "decision.yml:[0-9]*:[0-9]*: 'assigned' must be clerk or external" <<<"$output"
	sed -i 's/^  assigned: later/  assigned: clerk\n  template: "{year}{seq:6}"/' schemas/decision.yml
	run "$CLERK" new decision --date 2024-03-01
	[ "$status" -eq 0 ]
	[ "$output" = "decisions/2024000001.md" ]
}
