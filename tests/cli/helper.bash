# helper.bash - shared set-up for the command-line tests.
#
# CLERK is the binary under test (tests/run sets it; it defaults to
# build/clerk). Each test runs in its own empty folder, outside the
# repository, so the repository's .clerk.yml never applies.
#
# Under the sanitizers (tests/run sets ASAN_OPTIONS for the sanitizer
# build) every clerk the tests run goes through tests/cli/sanitized, and
# teardown fails the test when clerk exited with the sanitizers' code 99 or
# printed a sanitizer report, even when the test expected a failing exit.

# `run !` and `run -N` need bats 1.5 or later (Debian 12 has 1.8).
bats_require_minimum_version 1.5.0

REPO="$(cd "$BATS_TEST_DIRNAME/../.." && pwd)"
CLERK="${CLERK:-$REPO/build/clerk}"
# (This file is loaded more than once in a test's process: wrap only once.)
if [ -n "${ASAN_OPTIONS:-}" ] && [ "$CLERK" != "$REPO/tests/cli/sanitized" ]; then
	export CLERK_REAL="$CLERK"
	CLERK="$REPO/tests/cli/sanitized"
fi
# The whole-set rules measure time against --as-of; every test passes this
# date so that no result depends on the day the suite runs.
AS_OF=2025-12-31

setup() {
	WORK="$BATS_TEST_TMPDIR/work"
	mkdir -p "$WORK"
	cd "$WORK" || return 1
	export CLERK_SANITIZER_LOG="$BATS_TEST_TMPDIR/sanitizer.log"
	# Each test has a cache of check results of its own, outside its set.
	export XDG_CACHE_HOME="$BATS_TEST_TMPDIR/cache"
}

teardown() {
	if [ -s "${CLERK_SANITIZER_LOG:-}" ]; then
		cat "$CLERK_SANITIZER_LOG" >&2
		return 1
	fi
}

# Writes stdin to the file named $1 (creating folders).
write() {
	mkdir -p "$(dirname "$1")"
	cat >"$1"
}

# A valid decision; $1 is its id (default 2024-017).
valid_decision() {
	cat <<EOT
---
type: decision
id: ${1:-2024-017}
title: Vaststelling van het mandaatregister
date: 2024-03-12
status: adopted
authority: College van burgemeester en wethouders van Dijkmeer
---
# Vaststelling van het mandaatregister

## Besluit

1. het mandaatregister 2024 vast te stellen.
EOT
}

# Asserts that output has exactly one line naming rule $1, on file:line $2.
assert_one() {
	local hits
	hits=$(printf '%s\n' "$output" | grep -c "\[$1\]\$" || true)
	if [ "$hits" -ne 1 ]; then
		echo "expected one [$1], got $hits:" >&2
		printf '%s\n' "$output" >&2
		return 1
	fi
	if [ -n "${2:-}" ] && ! printf '%s\n' "$output" | grep -q "^$2:[0-9]*: .*\[$1\]\$"; then
		echo "expected [$1] at $2:" >&2
		printf '%s\n' "$output" >&2
		return 1
	fi
}

# Asserts that the run found exactly one thing (and so nothing else).
assert_only_one() {
	local n
	n=$(printf '%s\n' "$output" | grep -c '\]$' || true)
	if [ "$n" -ne 1 ]; then
		echo "expected exactly one finding, got $n:" >&2
		printf '%s\n' "$output" >&2
		return 1
	fi
}

# Asserts that the run found nothing and exited 0.
assert_clean() {
	if [ "$status" -ne 0 ] || printf '%s\n' "$output" | grep -q '\]$'; then
		echo "expected a clean run, got status $status:" >&2
		printf '%s\n' "$output" >&2
		return 1
	fi
}

# Writes every fenced block of $1 whose info string says file=PATH to PATH
# (creating folders).
extract_files() {
	awk '
	out != "" && /^```$/ { close(out); out = ""; next }
	out != "" { print >> out; next }
	/^```[a-z]* file=/ {
		out = $0; sub(/^```[a-z]* file=/, "", out)
		dir = out
		if (sub(/\/[^\/]*$/, "", dir)) system("mkdir -p \"" dir "\"")
		printf "" > out
	}
	' "$1"
}

# Prints the completions bash offers for the words given (the last is the
# one being completed), using the completion file with clerk under test.
complete_words() {
	bash -c '
		clerk() { "$CLERK" "$@"; }
		. "$1/cmd/clerk.bash-completion"
		shift
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		COMP_WORDS[0]=$CLERK
		_clerk
		printf "%s\n" "${COMPREPLY[@]}"
	' _ "$REPO" "$@" | sort | tr '\n' ' '
}

# A decision dated 2010-01-27 whose Besluit section holds the lines of stdin.
decision_with() {
	cat <<EOT
---
type: decision
id: 2010-004
title: Verlenging van de huurovereenkomst
date: 2010-01-27
status: adopted
authority: College van burgemeester en wethouders van Dijkmeer
---
## Besluit

EOT
	cat
}
