#!/usr/bin/env bats
# The register commands: clerk list, clerk graph and clerk index.

bats_require_minimum_version 1.5.0
load helper

copy_records() {
	cp -r "$REPO/examples/records/." .
}

# A decision whose title holds everything that could break a format:
# quotes, a pipe, a comma, HTML and a line break.
hostile_decision() {
	valid_decision "${1:-2024-017}" |
		sed 's|^title: .*|title: "Kaders \| \\"aanhalingstekens\\" <script>alert(1)</script>\\nvolgende regel, met komma"|'
}

# Prints a checksum of every file below the current folder, with names.
tree_sum() {
	find . -type f -print0 | sort -z | xargs -0 sha256sum
}

# ------------------------------------------------------------------ list

@test "list: one row per record, sorted by type then id, columns aligned" {
	copy_records
	run "$CLERK" list
	[ "$status" -eq 0 ]
	[[ "${lines[0]}" =~ ^id\ +type\ +date\ +status\ +title\ +path$ ]]
	[ "${#lines[@]}" -eq 13 ]
	# Sorted: the covenants, then the decisions (2021-042 before 2021008817), then the reports.
	[ "$(printf '%s\n' "${lines[@]:1}" | awk '{print $1}' | tr '\n' ' ')" = \
		"COV-2021-001 COV-2021-002 COV-2023-001 2021-042 2021008817 2021011604 2023017745 2024002731 RPT-2022-001 RPT-2022-002 RPT-2023-001 RPT-2024-001 " ]
	[[ "${lines[1]}" == "COV-2021-001  covenant         2021-06-29  superseded  Samenwerkingsovereenkomst "* ]]
	# The path column starts at the same character on every line, although
	# the titles hold a multi-byte dash.
	printf '%s\n' "${lines[@]}" | grep -q '–'
	local widths
	widths=$(printf '%s\n' "${lines[@]}" | while IFS= read -r l; do
		printf '%s' "${l% *}" | LC_ALL=C.UTF-8 wc -m
	done | sort -u | wc -l)
	[ "$widths" -eq 1 ]
}

@test "list: ids sort by their numbers, not as text" {
	valid_decision 2024-9 | write 2024-9.md
	valid_decision 2024-10 | write 2024-10.md
	valid_decision 2024-100 | write 2024-100.md
	run "$CLERK" list
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "${lines[@]:1}" | awk '{print $1}' | tr '\n' ' ')" = "2024-9 2024-10 2024-100 " ]
}

@test "list: --type and --status keep the records asked for" {
	copy_records
	run "$CLERK" list --type decision
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 6 ]
	[ "$(printf '%s\n' "${lines[@]:1}" | awk '{print $2}' | sort -u)" = decision ]
	run "$CLERK" list --type covenant --status active
	[ "${#lines[@]}" -eq 2 ]
	[[ "${lines[1]}" == COV-2023-001* ]]
	run "$CLERK" list --type covenant --type progress-report --status expired --status final
	[ "$(printf '%s\n' "${lines[@]:1}" | awk '{print $1}' | tr '\n' ' ')" = \
		"COV-2021-002 RPT-2022-001 RPT-2022-002 RPT-2023-001 RPT-2024-001 " ]
	run "$CLERK" list --type besluit --status adopted
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -gt 1 ]
	[ "$(printf '%s\n' "${lines[@]:1}" | awk '{print $2 " " $4}' | sort -u)" = "decision adopted" ]
}

@test "list: a status word that is no status says what it stands for, as a record's field does" {
	copy_records
	run "$CLERK" list --status vastgesteld
	[ "$status" -eq 2 ]
	[ "${lines[0]}" = "clerk: no record type has the status 'vastgesteld'; did you mean 'adopted' (decision) or 'final' (progress report)?" ]
	run "$CLERK" list --type decision --status vastgesteld
	[ "$status" -eq 2 ]
	[ "${lines[0]}" = "clerk: no record type has the status 'vastgesteld'; did you mean 'adopted' (decision)?" ]
	run "$CLERK" list --type covenant --status bogus
	[ "$status" -eq 2 ]
	[ "${lines[0]}" = "clerk: no record type has the status 'bogus'; use 'draft', 'active', 'expired', 'terminated' or 'superseded'" ]
	run "$CLERK" list --status draft
	[ "$status" -eq 0 ]
}

@test "list: a wrong type or format is a usage error" {
	copy_records
	run "$CLERK" list --type besluiten
	[ "$status" -eq 2 ]
	[[ "${lines[0]}" == "clerk: 'besluiten' is not a known record type; use 'covenant', 'decision' or 'progress-report'" ]]
	[ "${lines[1]}" = "usage: clerk list [OPTION...] [PATH...]" ]
	run "$CLERK" list --format xml
	[ "$status" -eq 2 ]
	[ "${lines[0]}" = "clerk: unknown format 'xml'; use table, csv or json" ]
	run "$CLERK" list --bogus
	[ "$status" -eq 2 ]
}

@test "list: only the records under the paths given" {
	mkdir -p a b
	valid_decision 2024-001 | write a/2024-001.md
	valid_decision 2024-002 | write b/2024-002.md
	run "$CLERK" list b
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 2 ]
	[[ "${lines[1]}" == "2024-002 "*"b/2024-002.md" ]]
}

@test "list --format csv: RFC 4180, with a header, CRLF and quoted fields" {
	hostile_decision | write 2024-017.md
	valid_decision 2024-018 | sed 's/^title: .*/title: Mandaat, volmacht en machtiging/' | write 2024-018.md
	run "$CLERK" list --format csv
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf 'id,type,date,status,title,path\r\n2024-017,decision,2024-03-12,adopted,"Kaders | ""aanhalingstekens"" <script>alert(1)</script>\nvolgende regel, met komma",2024-017.md\r\n2024-018,decision,2024-03-12,adopted,"Mandaat, volmacht en machtiging",2024-018.md\r')" ]
}

@test "list --format json: fields, references with their targets, backlinks by field" {
	copy_records
	hostile_decision 2024-017 | write 2024-017.md
	run --separate-stderr "$CLERK" list --format json
	[ "$status" -eq 0 ]
	printf '%s' "$output" | jq -e . >/dev/null
	[ "$(printf '%s' "$output" | jq length)" -eq 13 ]
	[ "$(printf '%s' "$output" | jq -r '.[] | select(.id == "2024-017") | .title')" = \
		"$(printf 'Kaders | "aanhalingstekens" <script>alert(1)</script>\nvolgende regel, met komma')" ]
	[ "$(printf '%s' "$output" | jq -c '.[] | select(.id == "COV-2021-002") | .references')" = \
		'[{"field":"cites","target":"COV-2021-001","path":"COV-2021-001.md"},{"field":"adopted-by","target":"2021008817","path":"2021008817.md"}]' ]
	[ "$(printf '%s' "$output" | jq -c '.[] | select(.id == "COV-2021-002") | .backlinks')" = \
		'[{"field":"cites","source":"RPT-2022-001","path":"RPT-2022-001.md"},{"field":"cites","source":"RPT-2023-001","path":"RPT-2023-001.md"}]' ]
	[ "$(printf '%s' "$output" | jq -r '.[0] | keys_unsorted | join(" ")')" = \
		"id type date status title path references backlinks" ]
}

@test "list --format json: a reference to no record has a null path" {
	copy_records
	sed -i 's/^cites: \[COV-2021-001\]$/cites: [COV-2021-009]/' COV-2021-002.md
	run --separate-stderr "$CLERK" list --format json --type covenant
	[ "$(printf '%s' "$output" | jq -c '.[] | select(.id == "COV-2021-002") | .references[0]')" = \
		'{"field":"cites","target":"COV-2021-009","path":null}' ]
}

@test "list: a record whose type cannot be read is left out and named on stderr" {
	valid_decision 2024-001 | write 2024-001.md
	valid_decision 2024-002 | sed 's/^type: decision/type: besluit/' | write 2024-002.md
	run --separate-stderr "$CLERK" list
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 2 ]
	[[ "${lines[1]}" == 2024-001* ]]
	[ "$stderr" = "clerk: 2024-002.md: left out of the list: its type or front matter cannot be read ('clerk check' says why)" ]
}

@test "list: control characters in values are escaped on the terminal table" {
	valid_decision | sed 's|^title: .*|title: "Kaders\\e[31m rood"|' | write 2024-017.md
	run "$CLERK" list
	[ "$status" -eq 0 ]
	[[ "${lines[1]}" == *'Kaders\x1b[31m rood'* ]]
}

# ----------------------------------------------------------------- graph

@test "graph: DOT that Graphviz renders, one node per record, edges labelled by field" {
	copy_records
	run "$CLERK" graph
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "digraph records {" ]
	[ "$(printf '%s\n' "$output" | grep -c '^		r[0-9]* \[label=')" -eq 12 ]
	# COV-2021-002 (r2) cites COV-2021-001 (r1) and was adopted by 2021008817 (r5).
	printf '%s\n' "$output" | grep -qx '	r2 -> r1 \[label="cites"\];'
	printf '%s\n' "$output" | grep -qx '	r2 -> r5 \[label="adopted-by"\];'
	printf '%s\n' "$output" | grep -qx '		r1 \[label="COV-2021-001\\nSamenwerkingsovereenkomst uitwisselen van kennis en capaciteit Dijkmeer–Zandwijk"\];'
	printf '%s\n' "$output" | dot -Tsvg >graph.svg
	grep -q '<svg' graph.svg
}

@test "graph: hostile titles and ids are escaped; Graphviz still renders them as text" {
	hostile_decision 2024-017 | write 2024-017.md
	valid_decision 2024-018 | sed 's/^status: adopted/status: adopted\ncites: [2024-017]/' | write 2024-018.md
	run "$CLERK" graph
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" | grep -qF 'r1 [label="2024-017\nKaders | \"aanhalingstekens\" <script>alert(1)</script> volgende regel, met komma"];'
	printf '%s\n' "$output" | dot -Tsvg >graph.svg
	grep -qF '&lt;script&gt;alert(1)&lt;/script&gt;' graph.svg
	run ! grep -q '<script' graph.svg
}

@test "graph ID: the record, what it cites and what cites it" {
	copy_records
	run "$CLERK" graph COV-2021-002
	[ "$status" -eq 0 ]
	# Itself, COV-2021-001 and 2021008817 (cited), RPT-2022-001 and RPT-2023-001 (citing).
	[ "$(printf '%s\n' "$output" | grep -c '\[label="[^"]*\\n')" -eq 5 ]
	printf '%s\n' "$output" | grep -q 'label="RPT-2023-001\\n'
	[[ "$output" != *'label="COV-2023-001\n'* ]]
	# Every edge starts or ends at COV-2021-002 (r2).
	[ "$(printf '%s\n' "$output" | grep -c -- ' -> ')" -eq 4 ]
	[ "$(printf '%s\n' "$output" | grep -- ' -> ' | grep -vc -e '^	r2 ' -e ' r2 \[')" -eq 0 ]
	printf '%s\n' "$output" | dot -Tsvg >/dev/null
	run "$CLERK" graph COV-2099-001
	[ "$status" -eq 1 ]
	[ "$output" = "clerk: no record has the id 'COV-2099-001'" ]
}

@test "graph: a reference to no record is a dashed node '(not found)'" {
	copy_records
	sed -i 's/^cites: \[COV-2021-001\]$/cites: [COV-2021-009]/' COV-2021-002.md
	run "$CLERK" graph
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" | grep -qx '	m1 \[label="COV-2021-009 (not found)", style=dashed\];'
	printf '%s\n' "$output" | grep -qx '	r2 -> m1 \[label="cites"\];'
	printf '%s\n' "$output" | dot -Tsvg >/dev/null
}

@test "graph --type: only records of that type and the edges between them" {
	copy_records
	run "$CLERK" graph --type covenant
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | grep -c '\[label="COV-')" -eq 3 ]
	[ "$(printf '%s\n' "$output" | grep -c '\[label="[^"]*\\n')" -eq 3 ]
	printf '%s\n' "$output" | grep -qx '	r2 -> r1 \[label="cites"\];'
	printf '%s\n' "$output" | dot -Tsvg >/dev/null
}

@test "graph --format mermaid: a flowchart with safe node ids and escaped labels" {
	copy_records
	hostile_decision 2024-017 | write 2024-017.md
	sed -i 's/^cites: \[COV-2021-001\]$/cites: [COV-2021-009]/' COV-2021-002.md
	run "$CLERK" graph --format mermaid
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "flowchart LR" ]
	printf '%s\n' "$output" | grep -qx '		r[0-9]*\["2024-017: Kaders #124; #34;aanhalingstekens#34; #60;script#62;alert(1)#60;/script#62; volgende regel, met komma"\]'
	printf '%s\n' "$output" | grep -qx '	r2 -->|"cites"| m1'
	printf '%s\n' "$output" | grep -qx '	m1\["COV-2021-009 (not found)"\]:::missing'
	# Every line is a known statement; no label holds a quote or an angle bracket.
	printf '%s\n' "${lines[@]:1}" | grep -vE '^	(classDef missing .*|subgraph t[0-9]+\["[^"<>]*"\]|end|	r[0-9]+\["[^"<>]*"\]|m[0-9]+\["[^"<>]*"\]:::missing|r[0-9]+ -->\|"[a-z-]+"\| [rm][0-9]+)$' && return 1
	true
}

@test "graph: a wrong format or a second id is a usage error" {
	run "$CLERK" graph --format svg
	[ "$status" -eq 2 ]
	[ "${lines[0]}" = "clerk: unknown format 'svg'; use dot or mermaid" ]
	run "$CLERK" graph A B
	[ "$status" -eq 2 ]
}

# ----------------------------------------------------------------- index

@test "index: REGISTER.md at the folder of .clerk.yml, per type, linked, with the last report" {
	mkdir -p set/sub
	(cd set && cp -r "$REPO/examples/records/." .)
	printf 'max-file-size: 1MB\n' | write set/.clerk.yml
	cd set/sub
	run "$CLERK" index
	[ "$status" -eq 0 ]
	[ "$output" = "../REGISTER.md: 12 records" ]
	cd ..
	[ -f REGISTER.md ]
	[ ! -e sub/REGISTER.md ]
	grep -qx '## covenant: agreement' REGISTER.md
	grep -qx '| id | date | status | title | last report |' REGISTER.md
	grep -qx '| \[COV-2023-001\](COV-2023-001.md) | 2023-11-28 | active | Beheersovereenkomst gezamenlijke bedrijfsvoering Dijkmeer en Zandwijk | 2024-02-06 \[RPT-2024-001\](RPT-2024-001.md) |' REGISTER.md
	grep -qx '| \[2021-042\](2021-042.md) | 2021-03-25 | adopted | Kaders ambtelijke samenwerking Dijkmeer en Zandwijk |' REGISTER.md
	[ "$(grep -c '^| \[' REGISTER.md)" -eq 12 ]
	[ "$(head -1 REGISTER.md)" = "<!-- clerk register: written by 'clerk index'; edit the records, not this file -->" ]
}

@test "index: the register does not break clerk check, whole or named" {
	copy_records
	run "$CLERK" check --as-of "$AS_OF" .
	local before=$output
	run "$CLERK" index
	[ "$status" -eq 0 ]
	run "$CLERK" check --as-of "$AS_OF" .
	assert_clean
	[ "$output" = "$before" ]
	run "$CLERK" check --as-of "$AS_OF" REGISTER.md
	assert_clean
	# The same file without the first line is an ordinary Markdown file again.
	sed -i 1d REGISTER.md
	run "$CLERK" check --as-of "$AS_OF" REGISTER.md
	assert_one frontmatter-missing REGISTER.md:1
}

@test "index --check: fails when missing or out of date, passes after index, writes nothing" {
	copy_records
	local sums
	sums=$(tree_sum)
	run --separate-stderr "$CLERK" index --check
	[ "$status" -eq 1 ]
	[ "$stderr" = "clerk: REGISTER.md does not exist; run 'clerk index' to write the register" ]
	[ "$(tree_sum)" = "$sums" ]
	run "$CLERK" index
	[ "$status" -eq 0 ]
	run "$CLERK" index --check
	[ "$status" -eq 0 ]
	[ "$output" = "REGISTER.md is up to date" ]
	sed -i 's/^status: active$/status: terminated/' COV-2023-001.md
	sums=$(tree_sum)
	run --separate-stderr "$CLERK" index --check
	[ "$status" -eq 1 ]
	[ "$stderr" = "clerk: REGISTER.md is out of date; run 'clerk index' to write it again" ]
	[ "$(tree_sum)" = "$sums" ]
	run "$CLERK" index
	[ "$status" -eq 0 ]
	grep -q '| \[COV-2023-001\](COV-2023-001.md) | 2023-11-28 | terminated |' REGISTER.md
	run "$CLERK" index --check
	[ "$status" -eq 0 ]
	# A change of one letter leaves the register as long as it was.
	sed -i 's/^title: Beheersovereenkomst/title: Beheersovereenkomsx/' COV-2023-001.md
	run "$CLERK" index --check
	[ "$status" -eq 1 ]
}

@test "index: the same records give the same bytes, from any folder" {
	copy_records
	hostile_decision 2024-017 | write 2024-017.md
	"$CLERK" index --output one.md >/dev/null
	mkdir elsewhere
	(cd elsewhere && "$CLERK" index --output ../two.md .. >/dev/null)
	cmp one.md two.md
	"$CLERK" index --output one.md >/dev/null
	cmp one.md two.md
	run ! grep -q '[0-9][0-9]:[0-9][0-9]' one.md
}

@test "index: pipes, line breaks and HTML in a title stay inside their cell" {
	hostile_decision 2024-017 | write 2024-017.md
	run "$CLERK" index
	[ "$status" -eq 0 ]
	grep -qxF '| [2024-017](2024-017.md) | 2024-03-12 | adopted | Kaders \| "aanhalingstekens" \<script\>alert(1)\</script\> volgende regel, met komma |' REGISTER.md
	# Five cell borders: no pipe of the title counts as one.
	[ "$(grep '^| \[2024-017' REGISTER.md | sed 's/\\|//g' | tr -cd '|' | wc -c)" -eq 5 ]
}

@test "index --output: links are relative to the register's folder" {
	mkdir -p records/besluiten docs
	valid_decision 2024-017 | write "records/besluiten/2024-017.md"
	run "$CLERK" index --output docs/register.md records
	[ "$status" -eq 0 ]
	grep -qF '| [2024-017](../records/besluiten/2024-017.md) |' docs/register.md
	[ "$(ls -A docs)" = register.md ]
}

@test "index: a file named like the register that clerk did not write is left alone" {
	valid_decision | write 2024-017.md
	printf '# Register\n\nBijgehouden met de hand.\n' | write REGISTER.md
	local sums
	sums=$(tree_sum)
	run "$CLERK" index
	[ "$status" -eq 2 ]
	[ "$output" = "clerk: REGISTER.md was not written by 'clerk index', so it is left alone; move it, or write the register elsewhere with --output" ]
	[ "$(tree_sum)" = "$sums" ]
}

@test "index: writes only the register, with no temporary file left behind" {
	copy_records
	local before
	before=$(ls -A)
	run "$CLERK" index
	[ "$status" -eq 0 ]
	[ "$(ls -A | LC_ALL=C sort)" = "$(printf '%s\nREGISTER.md' "$before" | LC_ALL=C sort)" ]
	run "$CLERK" index --output missing/folder/REGISTER.md
	[ "$status" -eq 2 ]
	[[ "$output" == "clerk: cannot write missing/folder/REGISTER.md: "* ]]
}

@test "index: an empty set gives a register that says so" {
	run "$CLERK" index
	[ "$status" -eq 0 ]
	[ "$(cat REGISTER.md)" = "$(printf '%s\n# Register\n\nNo records.' "<!-- clerk register: written by 'clerk index'; edit the records, not this file -->")" ]
}

# ----------------------------------------------------- read-only and help

@test "list and graph never write a file" {
	copy_records
	local sums
	sums=$(tree_sum)
	"$CLERK" list >/dev/null
	"$CLERK" list --format csv >/dev/null
	"$CLERK" list --format json >/dev/null
	"$CLERK" graph >/dev/null
	"$CLERK" graph --format mermaid COV-2021-002 >/dev/null
	[ "$(tree_sum)" = "$sums" ]
}

@test "list, graph and index have --help, the same as clerk help COMMAND" {
	for c in list graph index; do
		run "$CLERK" "$c" --help
		[ "$status" -eq 0 ]
		[[ "${lines[0]}" == "usage: clerk $c"* ]]
		local own=$output
		run "$CLERK" help "$c"
		[ "$output" = "$own" ]
		printf '%s\n' "$own" | grep -Eq '^  --config FILE +[a-z]'
	done
	run "$CLERK" --help
	for c in list graph index; do
		printf '%s\n' "$output" | grep -q "^  $c  "
	done
}

@test "bash completion and the man page know list, graph and index" {
	export CLERK
	[ "$(complete_words clerk gr)" = "graph " ]
	[ "$(complete_words clerk list --format '')" = "csv json table " ]
	[ "$(complete_words clerk graph --format '')" = "dot mermaid " ]
	[ "$(complete_words clerk index --ch)" = "--check " ]
	local page
	page=$(mandoc -T ascii "$REPO/docs/clerk.1" | sed 's/.\x08//g')
	for c in list graph index; do
		for opt in $("$CLERK" "$c" --help | sed -n 's/^  \(-[a-z], \)\{0,1\}--\([a-z-]*\).*/\2/p'); do
			[[ "$page" == *"--$opt"* ]] || { echo "man page lacks $c --$opt" >&2; return 1; }
		done
		[[ "$page" == *"$c ["* ]] || { echo "man page lacks $c" >&2; return 1; }
	done
}

@test "index: under language: nl the register is in Dutch, the same bytes whoever runs clerk" {
	copy_records
	printf 'language: nl\n' >.clerk.yml
	run env LANG=nl_NL.UTF-8 LC_ALL= "$CLERK" --lang nl index --output nl-laptop.md
	[ "$status" -eq 0 ]
	run env LANG=C LC_ALL=C "$CLERK" --lang en index --output en-ci.md
	[ "$status" -eq 0 ]
	cmp nl-laptop.md en-ci.md
	grep -qx '4 stukken\.' en-ci.md
	grep -qx '| kenmerk | datum | status | titel | laatste rapportage |' en-ci.md
	grep -q '| van kracht |' en-ci.md
	grep -q '| vastgesteld |' en-ci.md
	grep -q '| vervangen |' en-ci.md
	run "$CLERK" --lang en index --check --output en-ci.md
	[ "$status" -eq 0 ]
}

@test "index: without language: the register is in English, also for a Dutch runner" {
	copy_records
	run env LANG=C "$CLERK" index --output en.md
	[ "$status" -eq 0 ]
	run env LANG=nl_NL.UTF-8 "$CLERK" --lang nl index --output nl.md
	[ "$status" -eq 0 ]
	cmp en.md nl.md
	grep -qx '4 records\.' en.md
	grep -q '| active |' en.md
	run grep -c 'stukken\|van kracht' en.md
	[ "$output" = 0 ]
}

@test "list, show and graph label in the set's language" {
	copy_records
	printf 'language: nl\n' >.clerk.yml
	run "$CLERK" list --type covenant
	[ "$status" -eq 0 ]
	[[ "${lines[0]}" == "kenmerk "*"soort "*"datum "*"status "*"titel "*"bestand" ]]
	printf '%s\n' "${lines[@]}" | grep -q '^COV-2023-001 .* van kracht '
	printf '%s\n' "${lines[@]}" | grep -q '^COV-2021-001 .* vervangen '
	run "$CLERK" list --format csv --type covenant
	[ "${lines[0]}" = $'id,type,date,status,title,path\r' ]
	run "$CLERK" show COV-2021-001
	[ "$status" -eq 0 ]
	printf '%s\n' "${lines[@]}" | grep -qx 'velden:'
	printf '%s\n' "${lines[@]}" | grep -qx 'verwijzingen:'
	printf '%s\n' "${lines[@]}" | grep -qx 'verwezen door:'
	sed -i 's/^cites: \[COV-2021-001\]$/cites: [COV-2021-009]/' COV-2021-002.md
	run "$CLERK" graph
	printf '%s\n' "$output" | grep -qx '	m1 \[label="COV-2021-009 (niet gevonden)", style=dashed\];'
	run "$CLERK" --lang en list --type covenant
	[[ "${lines[0]}" == "id "*"type "* ]]
	printf '%s\n' "${lines[@]}" | grep -q '^COV-2023-001 .* active '
}
