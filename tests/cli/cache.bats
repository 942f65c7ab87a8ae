#!/usr/bin/env bats
# cache.bats - the cache of per-file results: outside the set, the same
# findings with and without it, a miss whenever a record, a schema or
# .clerk.yml changes by one byte, a broken cache file ignored and made
# again, --no-cache and `clerk cache clean`; --staged's cache by the blobs'
# object ids. (A change of clerk's version is tested in
# tests/unit/test_cache.c.)

bats_require_minimum_version 1.5.0
load helper

# The number of files whose result came from the cache in the last run
# (CLERK_TIMINGS=1 prints it on stderr).
hits() {
	CLERK_TIMINGS=1 "$CLERK" check --as-of "$AS_OF" "$@" 2>&1 >/dev/null |
		sed -n 's/.*(\([0-9]*\) files from the cache).*/\1/p'
}

# A set of 30 decisions, every third with a status its schema lacks.
small_set() {
	local i
	for i in $(seq 10 39); do
		valid_decision "2024-0$i" >"2024-0$i.md"
		[ $((i % 3)) -eq 0 ] && sed -i 's/^status: adopted/status: vastgesteld/' "2024-0$i.md"
	done
	return 0
}

cache_file() {
	find "$XDG_CACHE_HOME/clerk" -name results
}

@test "cache: the second run takes every result from the cache, with the same output, and writes nothing in the set" {
	small_set
	local before after f
	before=$(find . -exec stat -c '%n %s %Y' {} + | sort)
	run "$CLERK" check --as-of "$AS_OF" .
	[ "$status" -eq 1 ]
	local cold="$output"
	[ "$(printf '%s\n' "$output" | grep -c '\[field-enum\]$')" -eq 10 ]
	[ -n "$(cache_file)" ]
	[ "$(hits .)" -eq 30 ]
	for f in text json sarif; do
		run "$CLERK" check --format "$f" --as-of "$AS_OF" .
		local warm="$output"
		run "$CLERK" check --no-cache --format "$f" --as-of "$AS_OF" .
		[ "$warm" = "$output" ]
	done
	run "$CLERK" check --as-of "$AS_OF" .
	[ "$output" = "$cold" ]
	after=$(find . -exec stat -c '%n %s %Y' {} + | sort)
	[ "$before" = "$after" ]
}

@test "cache: examples/broken gives the golden output from a warm cache" {
	cd "$REPO"
	run "$CLERK" check --as-of "$AS_OF" examples/broken
	diff -u tests/golden/broken.out - <<<"$output"
	[ "$(hits examples/broken)" -gt 20 ]
	run "$CLERK" check --as-of "$AS_OF" examples/broken
	diff -u tests/golden/broken.out - <<<"$output"
	run "$CLERK" check --format json --as-of "$AS_OF" examples/broken
	local warm="$output"
	run "$CLERK" check --no-cache --format json --as-of "$AS_OF" examples/broken
	[ "$output" = "$warm" ]
}

@test "cache: one byte changed in a record is a miss, also with its size and times put back" {
	small_set
	run "$CLERK" check --as-of "$AS_OF" .
	run ! grep -q '2024-011.md.*field-enum' <<<"$output"
	cp -p 2024-011.md stamp
	# "adopted" -> "adoptet" in place: the same size and inode; then the
	# old modification time
	local at
	at=$(grep -bo 'status: adopted' 2024-011.md | cut -d: -f1)
	printf 't' | dd of=2024-011.md bs=1 seek=$((at + 14)) conv=notrunc 2>/dev/null
	touch -r stamp 2024-011.md
	rm stamp
	[ "$(stat -c %s 2024-011.md)" -eq "$(valid_decision 2024-011 | wc -c)" ]
	[ "$(hits .)" -eq 29 ]
	run "$CLERK" check --as-of "$AS_OF" .
	printf '%s\n' "$output" | grep -q '^2024-011.md:.*adoptet.*\[field-enum\]$'
	[ "$(hits .)" -eq 30 ]
}

@test "cache: a file touched but unchanged is found again by its content" {
	small_set
	run "$CLERK" check --as-of "$AS_OF" .
	touch -d '2030-01-01' 2024-020.md
	[ "$(hits .)" -eq 30 ]
}

@test "cache: one byte changed in .clerk.yml or in a schema is a miss for every file" {
	small_set
	mkdir schemas
	cp "$REPO/schemas/decision.yml" schemas/decision.yml
	printf 'schemas: schemas\n' >.clerk.yml
	run "$CLERK" check --as-of "$AS_OF" .
	[ "$(hits .)" -eq 30 ]
	printf 'schemas: schemas \n' >.clerk.yml
	[ "$(hits .)" -eq 0 ]
	[ "$(hits .)" -eq 30 ]
	# one byte of a comment: nothing else changes, still a miss
	printf '#\n' >>schemas/decision.yml
	[ "$(hits .)" -eq 0 ]
	[ "$(hits .)" -eq 30 ]
}

@test "cache: a truncated, corrupt or foreign cache file is ignored and made again" {
	small_set
	run "$CLERK" check --as-of "$AS_OF" .
	local want="$output" file size
	file=$(cache_file)
	size=$(stat -c %s "$file")
	truncate -s $((size / 2)) "$file"
	[ "$(hits .)" -eq 0 ]
	run "$CLERK" check --as-of "$AS_OF" .
	[ "$output" = "$want" ]
	[ "$(hits .)" -eq 30 ]
	# one byte changed in the middle: the checksum no longer holds
	printf 'X' | dd of="$file" bs=1 seek=$((size / 2)) conv=notrunc 2>/dev/null
	[ "$(hits .)" -eq 0 ]
	run "$CLERK" check --as-of "$AS_OF" .
	[ "$output" = "$want" ]
	printf 'not a cache at all\n' >"$file"
	[ "$(hits .)" -eq 0 ]
	run "$CLERK" check --as-of "$AS_OF" .
	[ "$output" = "$want" ]
	[ "$(hits .)" -eq 30 ]
}

@test "cache: runs at the same time each give the same findings and leave a whole cache" {
	small_set
	run "$CLERK" check --no-cache --as-of "$AS_OF" .
	local want="$output" k
	for k in 1 2 3 4; do
		"$CLERK" check --as-of "$AS_OF" . >"out$k" 2>&1 &
	done
	wait
	for k in 1 2 3 4; do
		[ "$(cat "out$k")" = "$want" ]
		rm "out$k"
	done
	[ "$(hits .)" -eq 30 ]
	[ -z "$(find "$XDG_CACHE_HOME" -name '.clerk-*')" ]
}

@test "cache: --no-cache neither reads nor writes it; clerk cache clean removes it" {
	small_set
	run "$CLERK" check --no-cache --as-of "$AS_OF" .
	[ "$status" -eq 1 ]
	[ ! -e "$XDG_CACHE_HOME/clerk" ]
	run "$CLERK" check --as-of "$AS_OF" .
	[ -n "$(cache_file)" ]
	[ "$(CLERK_TIMINGS=1 "$CLERK" check --no-cache --as-of "$AS_OF" . 2>&1 >/dev/null |
		sed -n 's/.*(\([0-9]*\) files from the cache).*/\1/p')" -eq 0 ]
	run "$CLERK" cache clean
	[ "$status" -eq 0 ]
	[ ! -e "$XDG_CACHE_HOME/clerk" ]
	run "$CLERK" cache clean
	[ "$status" -eq 0 ]
	run "$CLERK" cache bogus
	[ "$status" -eq 2 ]
}

@test "cache: a cache folder inside the set is not used, so check writes nothing there" {
	small_set
	export XDG_CACHE_HOME="$WORK/.cache"
	run "$CLERK" check --as-of "$AS_OF" .
	[ "$status" -eq 1 ]
	[ ! -e "$WORK/.cache" ]
}

# The files from the cache in a run of check --staged.
staged_hits() {
	CLERK_TIMINGS=1 "$CLERK" check --staged --as-of "$AS_OF" 2>&1 >/dev/null |
		sed -n 's/.*(\([0-9]*\) files from the cache).*/\1/p'
}

commit_all() {
	git add -A
	git -c user.name=t -c user.email=t@example.org commit -qm "$1"
}

@test "cache: --staged keeps results by the blob's object id, with the same output as without it" {
	small_set
	git init -q .
	commit_all set
	sed -i 's/^title: .*/title: Another title/' 2024-020.md
	git add 2024-020.md
	run "$CLERK" check --staged --no-cache --as-of "$AS_OF"
	local want="$output"
	[ "$(staged_hits)" -eq 0 ]
	# the changed record is read from Git every time; the other 29 are kept
	[ "$(staged_hits)" -eq 29 ]
	run "$CLERK" check --staged --as-of "$AS_OF"
	[ "$output" = "$want" ]
	# a change in the working tree that is not staged is not what --staged checks
	sed -i 's/^status: adopted/status: adoptet/' 2024-011.md
	[ "$(staged_hits)" -eq 29 ]
	run "$CLERK" check --staged --as-of "$AS_OF"
	[ "$output" = "$want" ]
	[ -z "$(find . -name '*cache*' -o -name 'staged')" ]
}

@test "cache: --staged misses a record whose blob changed by one byte since it was kept" {
	small_set
	git init -q .
	commit_all set
	git checkout -q -b other
	sed -i 's/^status: adopted/status: adoptet/' 2024-011.md
	commit_all "one byte"
	git checkout -q -
	sed -i 's/^title: .*/title: Another title/' 2024-020.md
	git add 2024-020.md
	[ "$(staged_hits)" -eq 0 ]
	[ "$(staged_hits)" -eq 29 ]
	git stash -q
	git checkout -q other
	git stash pop -q
	git add 2024-020.md
	# 2024-011.md is not changed by this commit, but its blob is another
	[ "$(staged_hits)" -eq 28 ]
	[ "$(staged_hits)" -eq 29 ]
}

@test "cache: --staged misses every record when the staged .clerk.yml changed, also when the file on disk did not" {
	small_set
	printf 'exclude: []\n' >.clerk.yml
	git init -q .
	commit_all set
	sed -i 's/^title: .*/title: Another title/' 2024-020.md
	git add 2024-020.md
	[ "$(staged_hits)" -eq 0 ]
	[ "$(staged_hits)" -eq 29 ]
	# one byte more in the committed .clerk.yml; the file on disk as before
	printf 'exclude: []\n#\n' >.clerk.yml
	git add .clerk.yml
	git -c user.name=t -c user.email=t@example.org commit -qm config .clerk.yml
	printf 'exclude: []\n' >.clerk.yml
	[ "$(staged_hits)" -eq 0 ]
	[ "$(staged_hits)" -eq 29 ]
}
