#!/usr/bin/env bats
# The section tables of docs/format.md and docs/nl/format.md say what the
# built-in schemas say: which sections are required, required on a
# condition, recommended or free, in the schema's order.

load helper

# What schemas/$1.yml says of each section, one line each: "Title: rule",
# rule being yes, no, recommended, or "yes when `field: value`, otherwise
# no|recommended".
schema_rules() {
	awk '
	function flush() {
		if (title == "") return
		rule = required ? "yes" : recommended ? "recommended" : "no"
		if (!required && field != "")
			rule = "yes when `" field ": " value "`, otherwise " rule
		print title ": " rule
		title = ""; required = recommended = 0; field = value = ""
	}
	/^sections:/ { in_sections = 1; next }
	in_sections && /^[a-z]/ { flush(); in_sections = 0 }
	!in_sections { next }
	/^  - title: / { flush(); title = $0; sub(/^  - title: */, "", title) }
	/^    required: true/ { required = 1 }
	/^    recommended: true/ { recommended = 1 }
	/^      field: / { field = $0; sub(/^      field: */, "", field) }
	/^      equals: / { value = $0; sub(/^      equals: */, "", value) }
	END { flush() }
	' "$REPO/schemas/$1.yml"
}

# The section table of type $2 in the format guide $1, one line each:
# "Title: rule", the Dutch words (ja, nee, aanbevolen, bij, anders) put in
# English and the Dutch title's English one (in brackets) taken.
doc_rules() {
	awk -v type="\`$2\`" '
	/^## / { in_type = index($0, type) > 0 }
	in_type && /^### (Sections|Onderdelen)/ { in_table = 1; next }
	in_table && /^### / { in_table = 0 }
	in_table && /^\| [0-9]+ \|/ {
		split($0, cell, / *\| */)
		title = cell[3]
		if (match(title, /\(.*\)$/)) title = substr(title, RSTART + 1, RLENGTH - 2)
		rule = cell[5]
		sub(/^ja bij /, "yes when ", rule); sub(/, anders /, ", otherwise ", rule)
		sub(/aanbevolen$/, "recommended", rule); sub(/otherwise nee$/, "otherwise no", rule)
		if (rule == "ja") rule = "yes"
		if (rule == "nee") rule = "no"
		print title ": " rule
	}
	' "$REPO/$1"
}

@test "docs: the section tables of format.md (English and Dutch) agree with the schemas" {
	for type in covenant decision progress-report; do
		schema_rules "$type" >"schema-$type"
		[ "$(wc -l <"schema-$type")" -ge 3 ]
		doc_rules docs/format.md "$type" >"en-$type"
		doc_rules docs/nl/format.md "$type" >"nl-$type"
		diff -u "schema-$type" "en-$type"
		diff -u "schema-$type" "nl-$type"
	done
	grep -qx 'Progress: yes when `kind: closing`, otherwise recommended' schema-progress-report
	grep -qx 'Termination: yes when `term: indefinite`, otherwise no' schema-covenant
}

@test "docs: the table comparison sees a required section written as recommended" {
	sed 's/^| 3 | Voortgang (Progress) | Voortgang, Progress | .*/| 3 | Voortgang (Progress) | Voortgang, Progress | ja |/' \
		"$REPO/docs/nl/format.md" >wrong.md
	schema_rules progress-report >want
	REPO=. doc_rules wrong.md progress-report >got
	run diff -u want got
	[ "$status" -eq 1 ]
	grep -qx '+Progress: yes' <<<"$output"
}
