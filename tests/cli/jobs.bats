#!/usr/bin/env bats
# jobs.bats - -j N / --jobs N: the per-file stage on N threads gives the
# same bytes as one thread, in every format, with and without the cache.

bats_require_minimum_version 1.5.0
load helper

# Writes 240 decisions in folders of 40: every 7th with a status the schema
# does not know, every 11th citing an id that no record has, every 5th
# linking to the one before it, every 13th without front matter.
many_records() {
	local i dir status cites
	for i in $(seq 1 240); do
		dir="map$((i / 40))"
		mkdir -p "$dir"
		status=adopted
		[ $((i % 7)) -eq 0 ] && status=vastgesteld
		cites="2024-$(printf '%03d' $((i > 1 ? i - 1 : 1)))"
		[ $((i % 11)) -eq 0 ] && cites=2023-999
		if [ $((i % 13)) -eq 0 ]; then
			printf '# Geen voorwerk\n' >"$dir/2024-$(printf '%03d' "$i").md"
			continue
		fi
		{
			printf -- '---\ntype: decision\nid: 2024-%03d\ntitle: Besluit %d\n' "$i" "$i"
			printf 'date: 2024-02-01\nstatus: %s\n' "$status"
			printf 'authority: College van burgemeester en wethouders van Dijkmeer\n'
			printf 'cites:\n  - %s\n---\n## Besluit\n\n1. Het voorstel aan te nemen.\n' "$cites"
			[ $((i % 5)) -eq 0 ] && printf '\nZie [vorige](../map0/2024-001.md).\n'
		} >"$dir/2024-$(printf '%03d' "$i").md"
	done
}

@test "jobs: any number of threads gives the same findings as one, in every format" {
	many_records
	local f j
	for f in text json sarif; do
		run "$CLERK" check -j 1 --format "$f" --as-of "$AS_OF" .
		[ "$status" -eq 1 ]
		local one="$output"
		[ -n "$one" ]
		for j in 2 3 8; do
			run "$CLERK" check --jobs "$j" --format "$f" --as-of "$AS_OF" .
			[ "$status" -eq 1 ]
			[ "$output" = "$one" ]
		done
		run "$CLERK" check --format "$f" --as-of "$AS_OF" .
		[ "$output" = "$one" ]
	done
	# The set is not clean: the comparison compared findings.
	run "$CLERK" check -j 1 --format text --as-of "$AS_OF" .
	[ "$(printf '%s\n' "$output" | grep -c '\[field-enum\]$')" -ge 30 ]
}

@test "jobs: examples/broken gives the golden output on several threads" {
	cd "$REPO"
	run "$CLERK" check --jobs=4 --as-of "$AS_OF" examples/broken
	[ "$status" -eq 1 ]
	diff -u tests/golden/broken.out - <<<"$output"
	run "$CLERK" check -j3 --format json --as-of "$AS_OF" examples/broken
	local three="$output"
	run "$CLERK" check -j1 --format json --as-of "$AS_OF" examples/broken
	[ "$output" = "$three" ]
}

@test "jobs: a number of threads that is not a whole number from 1 up is a usage error" {
	local bad
	for bad in 0 -2 two 1.5 ''; do
		run "$CLERK" check --jobs "$bad" .
		[ "$status" -eq 2 ]
		printf '%s\n' "$output" | grep -q -- "--jobs needs a whole number from 1 to"
	done
	run "$CLERK" check -j
	[ "$status" -eq 2 ]
}

# The files from the cache in a run (CLERK_TIMINGS=1 says it on stderr).
hits_of() {
	CLERK_TIMINGS=1 "$CLERK" check "$@" 2>&1 >/dev/null |
		sed -n 's/.*(\([0-9]*\) files from the cache).*/\1/p'
}

@test "jobs and cache: without the cache, cold, warm and half warm, on 1 and 3 threads, the same bytes" {
	many_records
	local f j want
	for f in text json; do
		run "$CLERK" check --no-cache -j 1 --format "$f" --as-of "$AS_OF" .
		[ "$status" -eq 1 ]
		want="$output"
		for j in 1 3; do
			rm -rf "$XDG_CACHE_HOME"
			[ "$(hits_of -j "$j" --as-of "$AS_OF" .)" -eq 0 ]
			run "$CLERK" check -j "$j" --format "$f" --as-of "$AS_OF" .
			[ "$output" = "$want" ]
			[ "$(hits_of -j "$j" --as-of "$AS_OF" .)" -eq 240 ]
		done
	done
	# every third record touched, one in six with a status its schema lacks
	local i=0 file before="$want"
	for file in map*/*.md; do
		i=$((i + 1))
		[ $((i % 3)) -eq 0 ] && touch -d '2030-01-01' "$file"
		[ $((i % 6)) -eq 0 ] && sed -i 's/^status: adopted$/status: adoptet/' "$file"
	done
	run "$CLERK" check --no-cache -j 1 --format json --as-of "$AS_OF" .
	want="$output"
	[ "$want" != "$before" ]
	grep -q adoptet <<<"$want"
	run "$CLERK" check -j 3 --format json --as-of "$AS_OF" .
	[ "$output" = "$want" ]
	[ "$(hits_of -j 1 --as-of "$AS_OF" .)" -eq 240 ]
}
