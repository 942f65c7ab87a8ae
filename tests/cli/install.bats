#!/usr/bin/env bats
# make install / uninstall, the manual page and the bash completion.

bats_require_minimum_version 1.5.0
load helper

# The build folder of the clerk under test (build or build-asan).
build_dir() {
	basename "$(dirname "${CLERK_REAL:-$CLERK}")"
}

# The make variables that select that build, so that make install never
# relinks it with other flags.
build_vars() {
	local dir
	dir=$(build_dir)
	echo "BUILD=$dir"
	case $dir in *-asan) echo "SANITIZE=1" ;; esac
}

@test "make install DESTDIR=... PREFIX=... installs the program, man page and completion" {
	local dest="$BATS_TEST_TMPDIR/dest"
	run make -s -C "$REPO" install DESTDIR="$dest" PREFIX=/opt/clerk $(build_vars)
	[ "$status" -eq 0 ]
	[ "$(cd "$dest" && find . -type f | sort | tr '\n' ' ')" = \
	  "./opt/clerk/bin/clerk ./opt/clerk/share/bash-completion/completions/clerk ./opt/clerk/share/locale/nl/LC_MESSAGES/clerk.mo ./opt/clerk/share/man/man1/clerk.1 " ]
	[ -x "$dest/opt/clerk/bin/clerk" ]
	# It works installed, away from the source: schemas and rule texts are built in.
	cd "$WORK"
	valid_decision | write 2024-017.md
	run "$dest/opt/clerk/bin/clerk" check
	assert_clean
	run "$dest/opt/clerk/bin/clerk" rules field-enum
	[ "$status" -eq 0 ]
	[[ "$output" == *"**Fails:**"* ]]
	# The installed Dutch catalogue is found beside the installed program.
	run "$dest/opt/clerk/bin/clerk" --lang nl check
	[ "$status" -eq 0 ]
	[[ "${lines[-1]}" == *" in 1 stuk" ]]
	run make -s -C "$REPO" uninstall DESTDIR="$dest" PREFIX=/opt/clerk
	[ "$status" -eq 0 ]
	[ -z "$(find "$dest" -type f)" ]
}

@test "the man page passes mandoc -T lint with no message at all" {
	command -v mandoc >/dev/null || { echo "mandoc is missing (.ci/install-deps installs it)" >&2; return 1; }
	run mandoc -T lint "$REPO/docs/clerk.1"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}

@test "the man page names every command, option and format of clerk" {
	local page
	page=$(mandoc -T ascii "$REPO/docs/clerk.1" | sed 's/.\x08//g')
	local cmd opt synopsis
	synopsis=$(printf '%s\n' "$page" | sed -n '/^SYNOPSIS/,/^DESCRIPTION/p')
	# Every command clerk lists, in the synopsis, with every option its help lists.
	for cmd in $("$CLERK" --help | sed -n '/^commands:/,/^$/ s/^  \([a-z][a-z-]*\) .*/\1/p'); do
		[[ "$synopsis" == *"clerk $cmd"* ]] || { echo "man page synopsis lacks $cmd" >&2; return 1; }
		for opt in $("$CLERK" "$cmd" --help | sed -n 's/^  \(-[a-z], \)\{0,1\}--\([a-z-]*\).*/\2/p'); do
			[ "$opt" = help ] && continue
			[[ "$page" == *"--$opt"* ]] || { echo "man page lacks $cmd --$opt" >&2; return 1; }
		done
	done
	for f in text pretty json sarif junit github gitlab; do
		[[ "$page" == *"$f"* ]] || { echo "man page lacks format $f" >&2; return 1; }
	done
}

@test "bash completion: subcommands, options, formats and rule names" {
	export CLERK
	[ "$(complete_words clerk ch)" = "check " ]
	[ "$(complete_words clerk check --fo)" = "--format " ]
	[ "$(complete_words clerk check --format '')" = "github gitlab json junit pretty sarif text " ]
	[ "$(complete_words clerk check --max)" = "--max-warnings " ]
	[ "$(complete_words clerk rules section-o)" = "section-order " ]
	[ "$(complete_words clerk rules suppression-)" = "suppression-unknown suppression-unused " ]
}

@test "bash completion: every command clerk lists, show with ids, --lang anywhere, --format=" {
	export CLERK
	local listed
	listed=$("$CLERK" --help | sed -n '/^commands:/,/^$/ s/^  \([a-z][a-z-]*\) .*/\1/p' | sort | tr '\n' ' ')
	[ "$(complete_words clerk '')" = "--help --lang --version $listed" ]
	[ "$(complete_words clerk sh)" = "show " ]
	[ "$(complete_words clerk --lang '')" = "en nl " ]
	[ "$(complete_words clerk --lang nl ch)" = "check " ]
	[ "$(complete_words clerk check --lang '')" = "en nl " ]
	[ "$(complete_words clerk check --la)" = "--lang " ]
	[ "$(complete_words clerk check --format=js)" = "--format=json " ]
	[ "$(complete_words clerk --lang nl list --format '')" = "csv json table " ]
	valid_decision 2024-017 | write 2024-017.md
	valid_decision 2024-018 | write 2024-018.md
	[ "$(complete_words clerk show 2024-01)" = "2024-017 2024-018 " ]
	[ "$(complete_words clerk show --)" = "$(printf '%s ' $("$CLERK" show --help | sed -n 's/^  \(-[a-z], \)\{0,1\}\(--[a-z-]*\).*/\2/p') --lang | tr ' ' '\n' | sort | tr '\n' ' ')" ]
}

@test "bash completion offers exactly the formats clerk knows" {
	export CLERK
	run "$CLERK" check --format nope
	local known
	known=$(printf '%s\n' "${lines[0]}" | sed 's/.*; use //; s/,//g; s/ or / /' | tr ' ' '\n' | sort | tr '\n' ' ')
	[ "$(complete_words clerk check --format '')" = "$known" ]
}

@test "make honours CPPFLAGS, as a Debian-style build passes them" {
	run make -C "$REPO" -n -B BUILD="$BATS_TEST_TMPDIR/b" CPPFLAGS="-D_FORTIFY_SOURCE=2 -DCLERK_TEST_CPP" \
		"$BATS_TEST_TMPDIR/b/util.o"
	[ "$status" -eq 0 ]
	[[ "$output" == *" -D_FORTIFY_SOURCE=2 -DCLERK_TEST_CPP "*"-c -o $BATS_TEST_TMPDIR/b/util.o src/util.c"* ]]
}
