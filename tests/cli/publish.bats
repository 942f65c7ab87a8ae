#!/usr/bin/env bats
# clerk publish: the files of the site, the same bytes every run, what is
# left out, escaping, and putting the site in place. (The site in a real
# browser: tests/browser.)

bats_require_minimum_version 1.5.0
load helper

copy_records() {
	mkdir -p set
	cp -r "$REPO/examples/records/." set/
}

@test "publish: the example records give a register, a page per record, due, feed and search" {
	copy_records
	cd set
	run "$CLERK" publish --output ../site --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	[ "$output" = ../site ]
	cd ..
	for f in index.html by-date.html due.html feed.xml search-index.js site.css site.js \
		type-covenant.html status-adopted.html year-2021.html .clerk-site; do
		[ -f "site/$f" ]
	done
	[ "$(ls site/records | wc -l)" -eq 12 ]
	[ ! -e site/sitemap.xml ]
	# Every record is a row of the register, linked to its page.
	[ "$(grep -c '<tr data-id=' site/index.html)" -eq 12 ]
	grep -q '<a href="records/COV-2021-001.html">COV-2021-001</a>' site/index.html
	# A record page: labelled fields, a reference as a link, backlinks, the timeline.
	grep -q '<dt>Adopted by</dt>' site/records/COV-2021-001.html
	grep -q '<a href="../records/2021008817.html">2021008817</a>' site/records/COV-2021-001.html
	grep -q '<h2>Cited by</h2>' site/records/COV-2021-001.html
	grep -q 'report delivered: <a href="../records/RPT-2022-001.html">' site/records/COV-2021-001.html
	# A report lists its series.
	[ "$(grep -c '<li value=' site/records/RPT-2022-002.html)" -eq 4 ]
	# The feed is XML.
	xmllint --noout site/feed.xml
	# The site is complete without the set: no link into it.
	run grep -l '\.md"' site/*.html site/records/*.html
	[ "$status" -ne 0 ]
}

@test "publish: the same records give the same bytes" {
	copy_records
	cd set
	"$CLERK" publish --output ../one --as-of "$AS_OF" >/dev/null
	"$CLERK" publish --output ../two --as-of "$AS_OF" >/dev/null
	cd ..
	diff -r one two
	# A change in one record changes the site.
	sed -i 's/^title: Kaders ambtelijke samenwerking/title: Nieuwe kaders/' set/2021-042.md
	(cd set && "$CLERK" publish --output ../three --as-of "$AS_OF" >/dev/null)
	run diff -r one three
	[ "$status" -ne 0 ]
}

@test "publish: every page forbids inline script and loads nothing from elsewhere" {
	copy_records
	(cd set && "$CLERK" publish --output ../site --base-url https://example.org/records/ --as-of "$AS_OF" >/dev/null)
	local page
	for page in site/*.html site/records/*.html; do
		grep -q "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'self'; style-src 'self';" "$page"
		# No script in the page itself, no address of another site as a resource.
		run grep -E '<script>|<script [^>]*>[^<]|(src|href)="(https?:)?//' "$page"
		[ "$status" -eq 1 ]
	done
	# With a base URL: a sitemap with absolute addresses, and the feed's base.
	xmllint --noout site/sitemap.xml
	grep -q '<loc>https://example.org/records/records/COV-2021-001.html</loc>' site/sitemap.xml
	grep -q 'xml:base="https://example.org/records/"' site/feed.xml
}

# A set with a draft that an adopted decision cites, and a record whose
# every value tries to run script.
hostile_set() {
	valid_decision 2024-001 >2024-001.md
	valid_decision 2024-002 | sed 's/^status: adopted/status: draft\ncites: [2024-001]/' >2024-002.md
	valid_decision 2024-003 | sed 's/^status: adopted/status: adopted\ncites: [2024-002, 2024-001]/' >2024-003.md
	cat >2024-004.md <<'EOT'
---
type: decision
id: 2024-004
title: '"><svg onload=alert(1)> <script>alert(2)</script>'
date: 2024-03-12
status: adopted
authority: <img src=x onerror=alert(3)>
cites: [2024-002]
---
# Titel

## Besluit

1. <script>alert(4)</script> en <img src=x onerror=alert(5)>
2. [klik](javascript:alert(6)) en [ook](JaVaScRiPt:alert(7)) en ![beeld](x.png)
3. [het concept](2024-002.md) en [het eerste](2024-001.md)
EOT
}

@test "publish: drafts are left out, and no page links to them" {
	hostile_set
	run "$CLERK" publish --output site --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	[ ! -e site/records/2024-002.html ]
	[ -e site/records/2024-003.html ]
	run grep -rl '2024-002.html' site
	[ "$status" -eq 1 ]
	# The id stays, as text: the reference and the body link keep their words.
	grep -q '<li>2024-002</li>' site/records/2024-003.html
	grep -q 'het concept' site/records/2024-004.html
	grep -q '<a href="2024-001.html">het eerste</a>' site/records/2024-004.html
	# Not in the register, the feed or the search index either.
	run grep -l '2024-002' site/index.html site/feed.xml site/search-index.js
	[ "$status" -eq 1 ]
	# --include-drafts publishes it.
	"$CLERK" publish --output site2 --include-drafts --as-of "$AS_OF" >/dev/null
	[ -e site2/records/2024-002.html ]
	grep -q '<a href="../records/2024-002.html">2024-002</a>' site2/records/2024-003.html
}

# The decision of this repository gains a field saying whether a record is
# public, and the schema key that marks a record as not public.
not_public_schema() {
	mkdir -p schemas
	printf 'schemas: schemas\n' >.clerk.yml
	cat >schemas/decision.yml <<'EOT'
name: decision
extends: decision
fields:
  openbaar:
    type: enum
    values: [ja, nee]
    default: ja
not-public-if: {field: openbaar, equals: nee}
EOT
}

@test "publish: a record the schema marks as not public is left out, and no page links to it" {
	hostile_set
	not_public_schema
	sed -i 's/^status: draft$/status: adopted/' 2024-002.md
	sed -i 's/^title: .*/&\nopenbaar: nee/' 2024-002.md
	sed -i 's/^title: .*/&\nopenbaar: ja/' 2024-001.md
	"$CLERK" check --as-of "$AS_OF" 2024-002.md
	run "$CLERK" publish --output site --base-url https://example.org/r/ --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	[ ! -e site/records/2024-002.html ]
	[ -e site/records/2024-001.html ]
	[ -e site/records/2024-003.html ]
	run grep -rl '2024-002.html' site
	[ "$status" -eq 1 ]
	# Pages that cite it show its id only, as text.
	grep -q '<li>2024-002</li>' site/records/2024-003.html
	grep -q 'het concept' site/records/2024-004.html
	# Not in the register, the listings, the feed, the sitemap or the search index.
	run grep -l '2024-002' site/*.html site/feed.xml site/sitemap.xml site/search-index.js
	[ "$status" -eq 1 ]
	grep -q 'records/2024-001.html' site/sitemap.xml
	grep -q '"i":"2024-001"' site/search-index.js
	# --include-drafts does not publish it: it is not a draft.
	"$CLERK" publish --output site2 --include-drafts --as-of "$AS_OF" >/dev/null
	[ ! -e site2/records/2024-002.html ]
}

@test "publish: with not-public-if but no record marked, every record is published" {
	hostile_set
	not_public_schema
	sed -i 's/^status: draft$/status: adopted/' 2024-002.md
	sed -i 's/^title: .*/&\nopenbaar: ja/' 2024-002.md
	run "$CLERK" publish --output site --base-url https://example.org/r/ --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	[ "$output" = site ]
	for id in 2024-001 2024-002 2024-003 2024-004; do
		[ -e "site/records/$id.html" ]
		grep -q "<a href=\"records/$id.html\">$id</a>" site/index.html
		grep -q "records/$id.html" site/sitemap.xml
		grep -q "\"i\":\"$id\"" site/search-index.js
	done
	grep -q '<a href="../records/2024-002.html">2024-002</a>' site/records/2024-003.html
	grep -q 'records/2024-002.html' site/feed.xml
}

@test "publish: every value is escaped and the body is rendered safe" {
	hostile_set
	"$CLERK" publish --output site --as-of "$AS_OF" >/dev/null
	# No tag of the record's survives, and no link to script: the words
	# onerror= and onload= remain only as escaped text.
	run grep -rliE --exclude=favicon.svg '<svg|<script>|<img|href="[^"]*javascript' site
	[ "$status" -eq 1 ]
	run grep -rliE '<[^>]* on(error|load)=' site
	[ "$status" -eq 1 ]
	grep -q '&quot;&gt;&lt;svg onload=alert(1)&gt;' site/records/2024-004.html
	grep -q '&lt;img src=x onerror=alert(3)&gt;' site/index.html
	grep -q 'raw HTML omitted' site/records/2024-004.html
	# The script in the search index cannot close a script element.
	run grep -c '</script' site/search-index.js
	[ "$output" -eq 0 ]
}

@test "publish: a folder clerk did not write is never replaced; its own site is" {
	copy_records
	mkdir mine
	echo keep >mine/notes.txt
	cd set
	run "$CLERK" publish --output ../mine --as-of "$AS_OF"
	[ "$status" -eq 2 ]
	[[ "$output" == *"mine exists and was not written by clerk publish"* ]]
	[ "$(cat ../mine/notes.txt)" = keep ]
	run "$CLERK" publish --output ../site --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	echo stale >../site/records/old.html
	run "$CLERK" publish --output ../site --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	[ ! -e ../site/records/old.html ]
	# No temporary folder is left beside it, nor anything in the set.
	[ -z "$(find .. -maxdepth 1 -name '.clerk-*')" ]
	[ -z "$(git -C . status --porcelain 2>/dev/null)" ]
	[ "$(find . -newer ../site/.clerk-site -type f | wc -l)" -eq 0 ]
}

@test "publish: without --output, the site goes beside the set, never into it" {
	copy_records
	touch set/.clerk.yml
	cd set
	run "$CLERK" publish --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	[[ "$output" == */set-site ]]
	[ -f ../set-site/index.html ]
	[ -z "$(find . -name '*.html')" ]
}

@test "publish: in Dutch, the labels come from the schema and the statuses are words" {
	copy_records
	printf 'language: nl\n' >set/.clerk.yml
	(cd set && "$CLERK" publish --output ../site --as-of "$AS_OF" >/dev/null)
	grep -q '<html lang="nl">' site/index.html
	grep -q '<dt>Vastgesteld bij</dt>' site/records/COV-2021-001.html
	grep -q '<dt>Ingangsdatum</dt>' site/records/COV-2021-001.html
	grep -q '<td>vastgesteld</td>' site/index.html
	grep -q '<td>van kracht</td>' site/index.html
	grep -q '<td>vervangen</td>' site/index.html
}

@test "publish: usage mistakes exit 2" {
	run "$CLERK" publish extra
	[ "$status" -eq 2 ]
	run "$CLERK" publish --bogus
	[ "$status" -eq 2 ]
	[[ "$output" == *"unknown option '--bogus'; see 'clerk publish --help'"* ]]
	run "$CLERK" publish --as-of 2025-02-30
	[ "$status" -eq 2 ]
}
