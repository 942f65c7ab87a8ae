#!/usr/bin/env bats
# The bundled examples: the clean set and the broken set against its golden file.

load helper

@test "examples/records checks clean with exit 0" {
	cd "$REPO"
	run "$CLERK" check --as-of "$AS_OF" examples/records
	assert_clean
	[ "$output" = "0 errors, 0 warnings in 12 records" ]
}

@test "examples/broken gives the golden output and exit 1" {
	cd "$REPO"
	run "$CLERK" check --as-of "$AS_OF" examples/broken
	[ "$status" -eq 1 ]
	diff -u tests/golden/broken.out - <<<"$output"
}

@test "examples/broken in Dutch gives the Dutch golden output: the same rules, files and lines" {
	cd "$REPO"
	run env -u LANGUAGE "$CLERK" --lang nl check --as-of "$AS_OF" examples/broken
	[ "$status" -eq 1 ]
	diff -u tests/golden/broken.nl.out - <<<"$output"
	# Every finding stands on the same file, line, column and rule as in English.
	diff -u <(sed -n 's/^\([^ ]*:[0-9]*:[0-9]*:\) .*\(\[[a-z-]*\]\)$/\1 \2/p' tests/golden/broken.out) \
		<(sed -n 's/^\([^ ]*:[0-9]*:[0-9]*:\) .*\(\[[a-z-]*\]\)$/\1 \2/p' <<<"$output")
}

@test "examples/broken checked from inside gives the same findings" {
	cd "$REPO/examples/broken"
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 1 ]
	diff -u <(sed 's|examples/broken/||g' "$REPO/tests/golden/broken.out") - <<<"$output"
}

@test "examples/broken makes every rule of the catalogue fire" {
	cd "$REPO"
	run "$CLERK" check --as-of "$AS_OF" examples/broken
	for rule in $("$CLERK" rules | awk '{print $1}'); do
		printf '%s\n' "$output" | grep -q "\[$rule\]\$" || {
			echo "rule $rule does not fire in examples/broken" >&2
			return 1
		}
	done
}
