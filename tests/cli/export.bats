#!/usr/bin/env bats
# clerk export --format sqlite: the tables, the example queries of
# docs/publish.md, and writing the file whole or not at all.

bats_require_minimum_version 1.5.0
load helper

# A covenant: $1 id, $2 date, $3 status; extra front matter on stdin.
covenant() {
	printf -- '---\ntype: covenant\nid: %s\ntitle: Samenwerking %s\ndate: %s\nstatus: %s\n' "$1" "$1" "$2" "$3"
	printf 'parties: [Gemeente Dijkmeer, Gemeente Zandwijk, Waterschap Rijnland]\n'
	cat
	printf -- '---\n# Overeenkomst\n\n## Partijen\n\nDe gemeenten.\n\n## Doel\n\nSamenwerken.\n'
	printf '\n## Afspraken\n\n1. Delen.\n\n## Looptijd\n\nZie boven.\n'
}

# Two agreements in force (one reported on within the year, one not), a
# draft, a report citing one, and a decision with an error.
export_set() {
	printf 'effective: 2024-02-01\nexpires: 2026-12-31\nreporting: P6M\n' |
		covenant COV-2024-001 2024-01-15 active >COV-2024-001.md
	printf 'effective: 2025-07-01\nterm: P2Y\nreporting: P1Y\n' |
		covenant COV-2025-002 2025-06-01 active >COV-2025-002.md
	printf 'effective: 2025-02-01\nterm: P1Y\n' | covenant COV-2025-003 2025-01-10 draft >COV-2025-003.md
	write RPT-2025-001.md <<'EOT'
---
type: progress-report
id: RPT-2025-001
title: Eerste voortgangsrapportage
date: 2025-09-01
status: final
cites: [COV-2025-002]
series: gladheid
sequence: 1
next-report: 2026-01-20
---
# Eerste voortgangsrapportage

## Inleiding

Het eerste halfjaar.
EOT
	valid_decision 2025-001 | sed 's/^date: .*/date: 31-12-2025/; s/^status: adopted/status: adopted\ncites: [COV-2025-002, COV-2099-001]/' >2025-001.md
}

# Prints the SQL of the query named $1 in docs/publish.md.
doc_query() {
	awk -v name="$1" '
		$0 == "<!-- query: " name " -->" { found = 1; next }
		found && /^```sql$/ { inside = 1; next }
		inside && /^```$/ { exit }
		inside { print }
	' "$REPO/docs/publish.md"
}

need_sqlite() {
	command -v sqlite3 >/dev/null || skip "the sqlite3 program is not installed (.ci/install-deps installs it)"
}

@test "export: the documented queries return the expected rows" {
	need_sqlite
	export_set
	run "$CLERK" export --format sqlite --as-of "$AS_OF" records.db
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	[ -n "$(doc_query unreported)" ]
	run sqlite3 records.db "$(doc_query unreported)"
	[ "$status" -eq 0 ]
	[ "$output" = "COV-2024-001|Samenwerking COV-2024-001" ]
	run sqlite3 records.db "$(doc_query backlinks)"
	[ "$output" = $'2025-001|cites\nRPT-2025-001|cites' ]
	run sqlite3 records.db "$(doc_query parties)"
	[ "${#lines[@]}" -eq 9 ]
	[ "${lines[0]}" = "COV-2024-001|Gemeente Dijkmeer" ]
	[ "${lines[2]}" = "COV-2024-001|Waterschap Rijnland" ]
	run sqlite3 records.db "$(doc_query errors)"
	[ "$output" = "2025-001.md|2" ]
}

@test "export: a report older than a year leaves the agreement in the unreported query" {
	need_sqlite
	export_set
	"$CLERK" export --format sqlite --as-of 2026-10-01 records.db
	run sqlite3 records.db "$(doc_query unreported)"
	[ "$output" = $'COV-2024-001|Samenwerking COV-2024-001\nCOV-2025-002|Samenwerking COV-2025-002' ]
}

@test "export: every table holds what the set holds" {
	need_sqlite
	export_set
	"$CLERK" export --format sqlite --as-of "$AS_OF" records.db
	run sqlite3 records.db "SELECT as_of FROM export"
	[ "$output" = "$AS_OF" ]
	run sqlite3 records.db "SELECT id, type, state, \"end\" FROM records ORDER BY path"
	[ "${lines[0]}" = "2025-001|decision|in-force|" ]
	[ "${lines[1]}" = "COV-2024-001|covenant|in-force|2026-12-31" ]
	[ "${lines[2]}" = "COV-2025-002|covenant|in-force|2027-07-01" ]
	[ "${lines[3]}" = "COV-2025-003|covenant|draft|2026-02-01" ]
	run sqlite3 records.db "SELECT target_id, target_path IS NULL FROM \"references\" WHERE from_path = '2025-001.md' ORDER BY target_id"
	[ "$output" = $'COV-2025-002|0\nCOV-2099-001|1' ]
	run sqlite3 records.db "SELECT type, name, sequence, next_report FROM series"
	[ "$output" = "progress-report|gladheid|1|2026-01-20" ]
	run sqlite3 records.db "SELECT rule FROM findings ORDER BY rule"
	[[ "$output" == *field-type* ]]
	[[ "$output" == *ref-unresolved* ]]
}

@test "export: an existing file is replaced only with --force, and no temporary is left" {
	need_sqlite
	export_set
	echo "mine" >records.db
	run "$CLERK" export --format sqlite records.db
	[ "$status" -eq 1 ]
	[[ "$output" == *"records.db exists already; give --force to replace it"* ]]
	[ "$(cat records.db)" = mine ]
	run "$CLERK" export --format sqlite --force --as-of "$AS_OF" records.db
	[ "$status" -eq 0 ]
	run sqlite3 records.db "SELECT count(*) FROM records"
	[ "$output" = 5 ]
	[ -z "$(find . -name '.clerk-*')" ]
	[ -z "$(find . -name '*-journal')" ]
}

@test "export: a folder that cannot be written leaves nothing behind and exits 2" {
	export_set
	mkdir ro
	chmod 555 ro
	if touch ro/probe 2>/dev/null; then
		rm -f ro/probe
		skip "running as a user who can write anywhere"
	fi
	run "$CLERK" export --format sqlite ro/records.db
	[ "$status" -eq 2 ]
	[[ "$output" == *"cannot write ro/records.db"* ]]
	[ -z "$(ls -A ro)" ]
}

@test "export: usage mistakes exit 2" {
	run "$CLERK" export records.db
	[ "$status" -eq 2 ]
	[[ "$output" == *"export needs --format sqlite"* ]]
	run "$CLERK" export --format sqlite
	[ "$status" -eq 2 ]
	run "$CLERK" export --format csv x.db
	[ "$status" -eq 2 ]
	run "$CLERK" export --bogus
	[ "$status" -eq 2 ]
	[[ "$output" == *"unknown option '--bogus'; see 'clerk export --help'"* ]]
	[ ! -e x.db ]
}
