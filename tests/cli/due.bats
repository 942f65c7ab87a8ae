#!/usr/bin/env bats
# clerk due: what is due or overdue, in every format, and the calendar file
# read back by a real iCalendar parser.

bats_require_minimum_version 1.5.0
load helper

# A covenant: $1 id, $2 date, $3 status, then extra front matter lines on stdin.
covenant() {
	cat <<EOT
---
type: covenant
id: $1
title: ${4:-Samenwerking $1}
date: $2
status: $3
parties: [Gemeente Dijkmeer, Gemeente Zandwijk]
EOT
	cat
	printf -- '---\n# Overeenkomst\n'
}

# The set every test reads: one covenant overdue with its first report,
# one due a year on, a series whose next report is due, a decision that
# expires, and a draft that is never listed.
due_set() {
	printf 'effective: 2025-02-01\nexpires: 2026-01-31\nreporting: P6M\n' |
		covenant COV-2025-001 2025-01-15 active 'Gladheidbestrijding; strooien, zout en "pekel"' >COV-2025-001.md
	printf 'effective: 2025-07-01\nterm: P1Y\nreporting: P1Y\n' |
		covenant COV-2025-002 2025-06-01 active >COV-2025-002.md
	printf 'effective: 2025-02-01\nterm: P1Y\nreporting: P1M\n' |
		covenant COV-2025-003 2025-01-10 draft >COV-2025-003.md
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
EOT
	valid_decision 2025-001 | sed 's/^status: adopted/status: adopted\nexpires: 2026-02-10\nexpiry-reason: temporary/' >2025-001.md
}

@test "due: overdue first, then by date; only what falls within the period" {
	due_set
	run "$CLERK" due --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 5 ]
	[[ "${lines[0]}" =~ ^date\ +state\ +what\ +id ]]
	[[ "${lines[1]}" =~ ^2025-07-15\ +overdue\ +next\ report\ +COV-2025-001\  ]]
	[[ "${lines[2]}" =~ ^2026-01-20\ +due\ +next\ report\ of\ the\ series\ +RPT-2025-001\ +gladheid ]]
	[[ "${lines[3]}" =~ ^2026-01-31\ +due\ +ends\ +COV-2025-001\  ]]
	[[ "${lines[4]}" =~ ^2026-02-10\ +due\ +ends\ +2025-001\  ]]
	# The draft is never listed, nor what lies beyond 60 days.
	[[ "$output" != *COV-2025-003* ]]
	[[ "$output" != *COV-2025-002* ]]
}

@test "due: --within widens the period; every form of it is read, a wrong one is refused" {
	due_set
	run "$CLERK" due --as-of "$AS_OF" --within 1y
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 6 ]
	[[ "${lines[5]}" =~ ^2026-07-01\ +due\ +ends\ +COV-2025-002 ]]
	# Its next report (a year after RPT-2025-001, 2026-09-01) would come
	# after its end, so it is not due at all; a longer term makes it due.
	run "$CLERK" due --as-of "$AS_OF" --within 2y --format csv
	[[ "$output" != *2026-09-01* ]]
	sed -i 's/^term: P1Y/term: P2Y/' COV-2025-002.md
	run "$CLERK" due --as-of "$AS_OF" --within 2y --format csv
	[[ "$output" == *"2026-09-01,due,report,COV-2025-002,"* ]]
	sed -i 's/^term: P2Y/term: P1Y/' COV-2025-002.md
	for w in 35d 5w 1m P1M; do
		run "$CLERK" due --as-of "$AS_OF" --within "$w" --format csv
		[ "$status" -eq 0 ]
		[ "${#lines[@]}" -eq 4 ]
	done
	# Nothing ahead: only the overdue report.
	run "$CLERK" due --as-of "$AS_OF" --within 0d --format csv
	[ "${#lines[@]}" -eq 2 ]
	run "$CLERK" due --within 60x
	[ "$status" -eq 2 ]
	[[ "$output" == *"--within needs a period"*"'60x'"* ]]
	run "$CLERK" due --format xml
	[ "$status" -eq 2 ]
	run "$CLERK" due --bogus
	[ "$status" -eq 2 ]
	[[ "$output" == *"unknown option '--bogus'; see 'clerk due --help'"* ]]
}

@test "due: the report is no longer due once a report cites the covenant" {
	due_set
	write RPT-2025-101.md <<'EOT'
---
type: progress-report
id: RPT-2025-101
title: Rapportage gladheid
date: 2025-12-01
status: final
cites: [COV-2025-001]
series: strooien
sequence: 1
---
# Rapportage gladheid
EOT
	run "$CLERK" due --as-of "$AS_OF" --format csv
	[ "$status" -eq 0 ]
	[[ "$output" != *"overdue"* ]]
	# clerk check agrees: no agreement-unreported either.
	run "$CLERK" check --as-of "$AS_OF" --format text
	[[ "$output" != *agreement-unreported* ]]
}

@test "due: what check calls overdue, due lists as overdue (the same dates)" {
	due_set
	run "$CLERK" check --as-of "$AS_OF" --format text
	[[ "$output" == *"COV-2025-001.md:"*"the first was due on 2025-07-15"*"[agreement-unreported]"* ]]
	run "$CLERK" due --as-of "$AS_OF" --format csv
	[[ "${lines[1]}" == "2025-07-15,overdue,report,COV-2025-001,"* ]]
}

@test "due: csv and json keep English keys; the table speaks Dutch with --lang nl" {
	due_set
	run "$CLERK" due --as-of "$AS_OF" --format json
	[ "$status" -eq 0 ]
	[ "$(printf '%s' "$output" | jq -r '.items | length')" -eq 4 ]
	[ "$(printf '%s' "$output" | jq -r '.items[0] | [.date, .overdue, .kind, .id] | join(" ")')" = \
		"2025-07-15 true report COV-2025-001" ]
	[ "$(printf '%s' "$output" | jq -r '.items[1].series')" = gladheid ]
	[ "$(printf '%s' "$output" | jq -r '.items[0].title')" = 'Gladheidbestrijding; strooien, zout en "pekel"' ]
	run "$CLERK" --lang nl due --as-of "$AS_OF"
	[[ "${lines[1]}" =~ ^2025-07-15\ +te\ laat ]]
}

@test "due: the iCalendar file has CRLF lines of at most 75 octets and the same bytes every run" {
	due_set
	"$CLERK" due --as-of "$AS_OF" --format ics >a.ics
	"$CLERK" due --as-of "$AS_OF" --format ics >b.ics
	cmp a.ics b.ics
	# Every line ends in CRLF, none is longer than 75 octets plus CRLF.
	[ "$(grep -c $'\r$' a.ics)" -eq "$(wc -l <a.ics)" ]
	[ "$(LC_ALL=C awk '{ if (length($0) > 76) n++ } END { print n + 0 }' a.ics)" -eq 0 ]
	grep -q $'^DTSTAMP:20251231T000000Z\r$' a.ics
	[ "$(grep -c '^BEGIN:VEVENT' a.ics)" -eq 4 ]
}

@test "due: a real iCalendar parser reads every event back, with stable UIDs" {
	[ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import icalendar' 2>/dev/null ||
		skip "python3-icalendar is not installed (.ci/install-deps installs it)"
	due_set
	"$CLERK" due --as-of "$AS_OF" --format ics >a.ics
	run /usr/bin/python3 - a.ics <<'EOT'
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
for ev in cal.walk('VEVENT'):
    print(ev['UID'], ev.decoded('DTSTART').isoformat(), ev.decoded('DTEND').isoformat(), ev['SUMMARY'], sep='|')
EOT
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 4 ]
	[ "${lines[0]}" = 'report-covenant-COV-2025-001@clerk|2025-07-15|2025-07-16|next report: COV-2025-001 Gladheidbestrijding; strooien, zout en "pekel"' ]
	[ "${lines[1]}" = 'series-report-progress-report-gladheid@clerk|2026-01-20|2026-01-21|next report of the series: RPT-2025-001 gladheid' ]
	[[ "${lines[3]}" == 'end-decision-2025-001@clerk|2026-02-10|'* ]]
	# A later run, with the report delivered, keeps the UID of what stays.
	"$CLERK" due --as-of 2026-01-05 --format ics >b.ics
	run /usr/bin/python3 -c '
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
print(" ".join(sorted(str(e["UID"]) for e in cal.walk("VEVENT"))))' b.ics
	[[ "$output" == *"end-decision-2025-001@clerk"* ]]
	[[ "$output" == *"report-covenant-COV-2025-001@clerk"* ]]
}

@test "due: a long title with commas and non-ASCII text folds and unfolds to the same words" {
	[ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import icalendar' 2>/dev/null ||
		skip "python3-icalendar is not installed (.ci/install-deps installs it)"
	local title='Beëindiging, verlenging; en evaluatie van de samenwerking – Dijkmeer–Zandwijk \ gemeentelijke taken ééé'
	printf 'effective: 2025-02-01\nexpires: 2026-01-31\n' |
		covenant COV-2025-009 2025-01-15 active "\"${title//\\/\\\\}\"" >COV-2025-009.md
	"$CLERK" due --as-of "$AS_OF" --format ics >a.ics
	[ "$(LC_ALL=C awk '{ if (length($0) > 76) n++ } END { print n + 0 }' a.ics)" -eq 0 ]
	grep -q '^ ' a.ics
	run /usr/bin/python3 -c '
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
print([str(e["SUMMARY"]) for e in cal.walk("VEVENT")][0])' a.ics
	[ "$status" -eq 0 ]
	[ "$output" = "ends: COV-2025-009 $title" ]
}
