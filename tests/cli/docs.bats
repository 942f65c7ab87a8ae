#!/usr/bin/env bats
# The examples in the user documentation are real: they check as documented.

load helper

# Writes every fenced block of $1 whose info string says file=NAME to NAME.
extract() {
	awk '
	out != "" && /^```$/ { close(out); out = ""; next }
	out != "" { print >> out; next }
	/^```[a-z]* file=/ { out = $0; sub(/^```[a-z]* file=/, "", out); printf "" > out }
	' "$1"
}

@test "the three examples in docs/format.md check clean" {
	extract "$REPO/docs/format.md"
	[ "$(ls | wc -l)" -eq 3 ]
	run "$CLERK" check
	assert_clean
	[ "$output" = "0 errors, 0 warnings in 3 records" ]
}

@test "the README's usage line names options that clerk check accepts" {
	for opt in $(grep -o -- '--[a-z][a-z-]*' "$REPO/README.md" | sort -u); do
		"$CLERK" check --help | grep -q -- "$opt" || { echo "unknown option $opt" >&2; return 1; }
	done
}
