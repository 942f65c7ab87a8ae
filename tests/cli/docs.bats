#!/usr/bin/env bats
# The examples in the user documentation are real: they check as documented.

load helper

@test "the three examples in docs/format.md check clean" {
	extract_files "$REPO/docs/format.md"
	[ "$(ls | wc -l)" -eq 3 ]
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
	[ "$output" = "0 errors, 0 warnings in 3 records" ]
}

@test "the README's usage line names options that clerk check accepts" {
	for opt in $(grep -E '^ *clerk check' "$REPO/README.md" | grep -o -- '--[a-z][a-z-]*' | sort -u); do
		"$CLERK" check --as-of "$AS_OF" --help | grep -q -- "$opt" || { echo "unknown option $opt" >&2; return 1; }
	done
}
