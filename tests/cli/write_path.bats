#!/usr/bin/env bats
# The one write path: every command that writes validates the names it
# derives, writes whole files or none, never over a record by accident, and
# leaves no temporary behind; a change of several files is all or nothing,
# also when clerk is killed half-way (the next run undoes it).

bats_require_minimum_version 1.5.0
load helper

tree_sum() {
	find . -type f -print0 | sort -z | xargs -0 -r sha256sum
}

# A set of notes whose schema has no id pattern: renumber and new must
# validate NEW themselves. n1 is cited by n2 (a ref list) and linked.
make_notes() {
	write .clerk.yml <<'EOT'
schemas: schemas
types:
  - path: "notes/*.md"
    type: note
EOT
	write schemas/note.yml <<'EOT'
name: note
title: note
id:
  field: id
file-name: '{id}.md'
path: 'notes/{id}.md'
fields:
  id:
    type: string
    required: true
  title:
    type: string
    required: true
  cites:
    type: list
    items: ref
    targets: [note]
EOT
	write notes/n1.md <<'EOT'
---
id: n1
title: First note
---

# First note
EOT
	write notes/n2.md <<'EOT'
---
id: n2
title: Second note
cites:
  - n1
  - "n1"
---

# Second note

See [the first](n1.md) and `[not a link](n1.md)`, and [again][ref].

    [in a code block](n1.md)

```
[fenced](n1.md)
```

[ref]: n1.md
EOT
}

# ------------------------------------------------------------ check --output

@test "check --output refuses a record and the configuration of the set" {
	make_notes
	before=$(tree_sum)
	run "$CLERK" check --output notes/n1.md
	[ "$status" -eq 2 ]
	[ "$output" = "clerk: notes/n1.md is a file of the record set; --output never writes over it" ]
	run "$CLERK" check --output .clerk.yml
	[ "$status" -eq 2 ]
	[ "$(tree_sum)" = "$before" ]
	run "$CLERK" check --output report.txt
	[ "$status" -eq 0 ]
	grep -q "2 records" report.txt
}

@test "check --output writes into a FIFO and a device in place, and to standard output" {
	make_notes
	mkfifo pipe
	timeout 10 cat pipe >from-pipe &
	run "$CLERK" check --output pipe
	[ "$status" -eq 0 ]
	wait
	[ -p pipe ]
	grep -q "2 records" from-pipe
	run "$CLERK" check --output /dev/null
	[ "$status" -eq 0 ]
	[ -c /dev/null ]
	run "$CLERK" check --output /dev/stdout
	[ "$status" -eq 0 ]
	grep -q "2 records" <<<"$output"
	[ -c /dev/null ]
}

@test "check --output through a symbolic link replaces its file; a link to nothing is named" {
	make_notes
	echo old >real.txt
	ln -s real.txt link.txt
	run "$CLERK" check --output link.txt
	[ "$status" -eq 0 ]
	[ -L link.txt ]
	grep -q "2 records" real.txt
	ln -s nowhere/x dangling
	run "$CLERK" check --output dangling
	[ "$status" -eq 2 ]
	[ "$output" = "clerk: cannot write dangling: it is a symbolic link to a file that does not exist" ]
	run "$CLERK" index --output dangling
	[ "$status" -eq 2 ]
	[ "$output" = "clerk: cannot write dangling: it is a symbolic link to a file that does not exist" ]
}

# ------------------------------------------------------ names and ids

@test "renumber refuses a NEW that would escape, inject a field, hide the file or break a citation" {
	make_notes
	before=$(tree_sum)
	for bad in '../../escaped' $'n9\nstatus: adopted' 'n9 # x' '' 'n"9' '.hidden' '-n9' \
		$'n9\n' "n'9" 'true'; do
		# (after --, as '-n9' would otherwise be read as an option)
		run "$CLERK" renumber -- n1 "$bad"
		[ "$status" -eq 1 ] || { echo "accepted: $bad"; return 1; }
		[[ "$output" == "clerk: '"*"' cannot be an id: "* ]]
	done
	[ "$(tree_sum)" = "$before" ]
	[ ! -e ../escaped.md ] && [ ! -e ../../escaped.md ]
	run "$CLERK" renumber n1 n9
	[ "$status" -eq 0 ]
	[ -f notes/n9.md ] && [ ! -e notes/n1.md ]
}

@test "new --id refuses a hidden, dashed or multi-line id; an id with a trailing newline fails the pattern" {
	make_notes
	before=$(tree_sum)
	for bad in '.hidden' '-x' $'2024000999\n' 'a/b' $'a\tb'; do
		run "$CLERK" new note --title T --id "$bad"
		[ "$status" -eq 1 ] || { echo "accepted: $bad"; return 1; }
	done
	[ "$(tree_sum)" = "$before" ]
	run "$CLERK" init
	rm -f decisions/*.md
	run "$CLERK" new decision --id $'2024000999\n' --title T
	[ "$status" -eq 1 ]
	[ -z "$(find . -name $'*\n*')" ]
}

@test "id-pattern: an id with a trailing newline does not fit ^...$" {
	write decisions/x.md <<'EOT'
---
type: decision
id: "2024000017\n"
title: Vaststelling
date: 2024-03-12
status: adopted
authority: College
---
# Vaststelling

## Besluit

1. vast te stellen.
EOT
	run "$CLERK" check --as-of "$AS_OF" --format json decisions/x.md
	grep -q '"rule":"id-pattern"' <<<"$output" || grep -q '"rule": "id-pattern"' <<<"$output"
	valid_decision 2024000017 | write decisions/y.md
	run "$CLERK" check --as-of "$AS_OF" --format json decisions/y.md
	! grep -q 'id-pattern' <<<"$output"
}

@test "new --title with NEL, LS or PS writes front matter that reads back" {
	make_notes
	for sep in $'\u0085' $'\u2028' $'\u2029'; do
		run "$CLERK" new note --id "t$((++i))" --title "A${sep}B"
		[ "$status" -eq 0 ]
		run "$CLERK" check --as-of "$AS_OF" --format json "notes/t$i.md"
		[[ "$output" != *frontmatter-invalid* ]]
		run "$CLERK" show "t$i"
		[ "$status" -eq 0 ]
		grep -q 'A\\u{'"$(printf %04X "'$sep")"'}B' <<<"$output" || grep -q "A${sep}B" <<<"$output"
	done
}

@test "new --dir FILE is refused" {
	make_notes
	run "$CLERK" new note --id n5 --title T --dir notes/n1.md
	[ "$status" -eq 2 ]
	[ "$output" = "clerk: notes/n1.md is not a folder; --dir needs the records folder" ]
}

# ---------------------------------------------- renumber rewrites links only

@test "renumber rewrites links, not the text of code blocks or code spans" {
	make_notes
	run "$CLERK" renumber n1 n7
	[ "$status" -eq 0 ]
	grep -qF '[the first](n7.md)' notes/n2.md
	grep -qF '`[not a link](n1.md)`' notes/n2.md
	grep -qF '    [in a code block](n1.md)' notes/n2.md
	grep -qxF '[fenced](n1.md)' notes/n2.md
	grep -qxF '[ref]: n7.md' notes/n2.md
	grep -qx '  - n7' notes/n2.md
	grep -qx '  - "n7"' notes/n2.md
}

# ------------------------------------------------------------ failures

@test "a file size limit (SIGXFSZ) makes new and renumber fail with a message and no temporary" {
	make_notes
	long=$(printf 'x%.0s' {1..3000})
	before=$(tree_sum)
	run bash -c "ulimit -f 1; exec \"\$0\" new note --id n8 --title \"$long\"" "$CLERK"
	[ "$status" -eq 2 ]
	grep -q "cannot create .*n8.md: File too large" <<<"$output"
	[ "$(tree_sum)" = "$before" ]
	printf '\n%s\n' "$long" >>notes/n2.md
	before=$(tree_sum)
	run bash -c "ulimit -f 1; exec \"\$0\" renumber n1 n6" "$CLERK"
	[ "$status" -eq 2 ]
	grep -q "File too large" <<<"$output"
	[ "$(tree_sum)" = "$before" ]
	[ -z "$(find . -name '.clerk-*')" ]
}

@test "a full disk: new and renumber fail, every file as it was, no temporary (tmpfs)" {
	[ "$(id -u)" -eq 0 ] || skip "mounting a small tmpfs needs root"
	mkdir disk
	mount -t tmpfs -o size=64k tmpfs disk 2>/dev/null || skip "mount is not permitted here"
	cd disk
	make_notes
	# Fill the disk up to a few hundred bytes.
	dd if=/dev/zero of=filler bs=1k count=80 2>/dev/null || true
	before=$(tree_sum)
	run "$CLERK" new note --id n8 --title "$(printf 'x%.0s' {1..5000})"
	new_status=$status new_output=$output
	run "$CLERK" renumber n1 n6
	ren_status=$status ren_output=$output
	after=$(tree_sum)
	leftovers=$(find . -name '.clerk-*')
	cd ..
	umount disk
	[ "$new_status" -eq 2 ]
	grep -q "No space left on device" <<<"$new_output"
	[ "$ren_status" -eq 2 ]
	grep -q "No space left on device" <<<"$ren_output"
	[ "$after" = "$before" ]
	[ -z "$leftovers" ]
}

# Kills renumber at step 1, 2, ... of its change (CLERK_FAULT_STEP) until
# it runs through; after each kill the next clerk command that writes
# undoes the change and says so, and the tree is exactly the old one.
@test "kill -9 at every step of renumber: the next run undoes it; never a mix of old and new" {
	make_notes
	write notes/n3.md <<'EOT'
---
id: n3
title: Third note
cites: [n1]
---

# Third
EOT
	mkdir "$BATS_TEST_TMPDIR/old"
	cp -a . "$BATS_TEST_TMPDIR/old"
	old=$(tree_sum)
	"$CLERK" renumber n1 n9 >/dev/null
	new=$(tree_sum)
	step=0
	while :; do
		step=$((step + 1))
		rm -rf ./* ./.clerk*
		cp -a "$BATS_TEST_TMPDIR/old/." .
		run env CLERK_FAULT_STEP=$step "$CLERK" renumber n1 n9
		if [ "$status" -eq 0 ]; then
			[ "$(tree_sum)" = "$new" ]
			break
		fi
		[ "$status" -eq 137 ] || { echo "step $step: exit $status: $output"; return 1; }
		run "$CLERK" renumber nosuch n10
		[ "$status" -eq 1 ]
		grep -q "an earlier change was interrupted (clerk renumber n1 n9)" <<<"$output" ||
			[ "$(tree_sum)" = "$old" ] || { echo "step $step: $output"; return 1; }
		now=$(tree_sum)
		[ "$now" = "$old" ] || [ "$now" = "$new" ] || { echo "step $step: a mix"; return 1; }
		[ -z "$(find . -name '.clerk-*')" ]
		[ "$step" -lt 100 ]
	done
	# Every step was tried: the journal, three temporaries, the commit, each
	# file put in place and the clean-up.
	[ "$step" -gt 10 ]
}

@test "check notes an interrupted change without writing; a second change waits its turn" {
	make_notes
	run env CLERK_FAULT_STEP=4 "$CLERK" renumber n1 n9
	[ "$status" -eq 137 ]
	before=$(tree_sum)
	run "$CLERK" check --as-of "$AS_OF"
	grep -q "an earlier change of the records was interrupted half-way" <<<"$output"
	[ "$(tree_sum)" = "$before" ]
	run "$CLERK" renumber n1 n9
	[ "$status" -eq 0 ]
	grep -q "it was undone: every file is as it was before it" <<<"$output"
	[ -f notes/n9.md ] && [ ! -e notes/n1.md ]
	[ -z "$(find . -name '.clerk-*')" ]
}

# Runs the rest of the line as the user nobody, with a copy of clerk (and
# of the sanitizer wrapper) that this user can run; passes a sanitizer
# report on to this test's log. Only as root.
as_nobody() {
	local rc log="$USER_BIN/sanitizer.log"
	setpriv --reuid=65534 --regid=65534 --clear-groups -- \
		env CLERK_SANITIZER_LOG="$log" TMPDIR="$USER_BIN" CLERK_REAL="$USER_BIN/clerk" "$@"
	rc=$?
	if [ -s "$log" ]; then
		cat "$log" >>"$CLERK_SANITIZER_LOG"
	fi
	return "$rc"
}

@test "renumber in a sticky folder, a file of someone else among them: refused, nothing changed" {
	[ "$(id -u)" -eq 0 ] || skip "needs root to give files to two other users"
	command -v setpriv >/dev/null || skip "needs setpriv to become another user"
	USER_BIN=$(mktemp -d /tmp/clerk-wpath-bin.XXXXXX)
	cp "${CLERK_REAL:-$CLERK}" "$USER_BIN/clerk"
	clerk="$USER_BIN/clerk"
	if [ -n "${CLERK_REAL:-}" ]; then
		cp "$CLERK" "$USER_BIN/sanitized"
		clerk="$USER_BIN/sanitized"
	fi
	chmod 755 "$USER_BIN" "$USER_BIN"/*
	chmod 1777 "$USER_BIN"
	set_dir=$(mktemp -d /tmp/clerk-wpath-set.XXXXXX)
	chmod 755 "$set_dir"
	cd "$set_dir"
	make_notes
	chown -R 65534:65534 .
	chown root:root notes
	chmod 1777 notes
	chmod 666 notes/*.md
	# The old file belongs to someone else: it cannot be removed.
	chown 1234 notes/n1.md
	before=$(tree_sum)
	run as_nobody "$clerk" renumber n1 n9
	[ "$status" -eq 2 ]
	grep -q "n1.md: Operation not permitted; no file was changed" <<<"$output"
	[ "$(tree_sum)" = "$before" ]
	[ -z "$(find . -name '.clerk-*')" ]
	# A citing file belongs to someone else: it cannot be replaced.
	chown 65534 notes/n1.md
	chown 1234 notes/n2.md
	run as_nobody "$clerk" renumber n1 n9
	[ "$status" -eq 2 ]
	grep -q "n2.md: Operation not permitted; no file was changed" <<<"$output"
	[ "$(tree_sum)" = "$before" ]
	[ -z "$(find . -name '.clerk-*')" ]
	cd "$WORK"
	rm -rf "$set_dir" "$USER_BIN"
}

# ------------------------------------------------------------ discovery

@test "check: a link to nothing that is no record is not an error; a deleted current folder is" {
	make_notes
	ln -s nowhere/x dangling
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	mkdir "$BATS_TEST_TMPDIR/gone"
	cd "$BATS_TEST_TMPDIR/gone"
	rmdir "$BATS_TEST_TMPDIR/gone"
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 2 ]
	grep -q "this folder has been deleted" <<<"$output"
}

# A set of three decisions and one in a subfolder, clean.
make_walked() {
	local n
	for n in 1 2 3; do
		valid_decision "2024-00$n" | write "2024-00$n.md"
	done
	valid_decision 2024-009 | write sub/2024-009.md
}

# Runs clerk check with the shim that removes $1 the moment clerk first
# touches it after listing its folder (a sanitized clerk must come first).
check_while_removing() {
	VANISH=$1 VANISH_AT=${VANISH_AT:-} LD_PRELOAD="$(dirname "${CLERK_REAL:-$CLERK}")/tests/vanish.so" \
		ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0" \
		run "$CLERK" check --as-of "$AS_OF" "${@:2}"
}

@test "check: a file removed while the folder is walked is gone, not unreadable" {
	make_walked
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
	[ "${lines[-1]}" = "0 errors, 0 warnings in 4 records" ]
	check_while_removing 2024-002.md
	[ ! -e 2024-002.md ] # the shim did remove it
	assert_clean
	[ "${lines[-1]}" = "0 errors, 0 warnings in 3 records" ]
}

@test "check: a file removed after clerk looked at it, before it is read, is gone too" {
	make_walked
	VANISH_AT=open check_while_removing 2024-003.md
	[ ! -e 2024-003.md ]
	assert_clean
	[ "${lines[-1]}" = "0 errors, 0 warnings in 3 records" ]
}

@test "check: a folder removed while the set is walked is gone, not unreadable" {
	make_walked
	check_while_removing sub
	[ -d sub.gone ] && [ ! -e sub ]
	assert_clean
	[ "${lines[-1]}" = "0 errors, 0 warnings in 3 records" ]
}

@test "check: a file named on the command line and removed before it is read is an error" {
	make_walked
	check_while_removing 2024-002.md 2024-002.md
	[ ! -e 2024-002.md ]
	[ "$status" -eq 2 ]
	grep -q '2024-002.md' <<<"$output"
}

# ------------------------------------------------------------ lint

@test "make lint: rename, link and open(O_CREAT) only in the write helper" {
	mkdir -p repo/src repo/cmd
	cp "$REPO"/src/*.[ch] repo/src/
	cp "$REPO"/cmd/*.[ch] repo/cmd/
	run "$REPO/tests/tools/lint_writes.sh" "$PWD/repo"
	[ "$status" -eq 0 ]
	printf 'static void f(void)\n{\n\trename("a", "b");\n}\n' >>repo/src/util.c
	run "$REPO/tests/tools/lint_writes.sh" "$PWD/repo"
	[ "$status" -eq 1 ]
	grep -q 'src/util.c:.*rename("a", "b")' <<<"$output"
	cp "$REPO/src/util.c" repo/src/util.c
	printf 'int g(void) { return open("x", O_WRONLY | O_CREAT, 0644); }\n' >>repo/cmd/write.c
	run "$REPO/tests/tools/lint_writes.sh" "$PWD/repo"
	[ "$status" -eq 1 ]
	cp "$REPO/cmd/write.c" repo/cmd/write.c
	printf 'FILE *h(void) { return fopen("x", "w"); }\n' >>repo/cmd/write.c
	run "$REPO/tests/tools/lint_writes.sh" "$PWD/repo"
	[ "$status" -eq 1 ]
}

# ------------------------------------------------------ bounded messages

@test "id-duplicate with many copies names three others and 'and N more'; related places bounded" {
	for i in $(seq -w 1 400); do
		valid_decision 2024-017 | write "decisions/d$i.md"
	done
	run "$CLERK" check --as-of "$AS_OF" --format json
	[ "$status" -eq 1 ]
	[ "${#output}" -lt 1000000 ]
	grep -q "the id '2024-017' is also used by decisions/d002.md, decisions/d003.md, decisions/d004.md and 396 more; each record needs its own id" <<<"$output"
	# Never more than three related places per finding.
	[ -z "$(grep -o '"related":\[[^]]*\]' <<<"$output" | awk -F'"path"' 'NF - 1 > 3')" ]
	valid_decision 2024-018 | write decisions/d401.md
	valid_decision 2024-018 | write decisions/d402.md
	run "$CLERK" check --as-of "$AS_OF" decisions/d401.md
	grep -q "the id '2024-018' is also used by decisions/d402.md; each record needs its own id" <<<"$output"
}

@test "extends: a chain deeper than ten schemas is a schema error at its extends line" {
	write .clerk.yml <<'EOT'
schemas: schemas
EOT
	prev=decision
	for i in $(seq 1 12); do
		printf 'name: s%d\nextends: %s\n' "$i" "$prev" | write "schemas/s$i.yml"
		prev=s$i
	done
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 2 ]
	grep -q "schemas/s11.yml:2:10: 's11' extends 's10', which extends another schema, and so on: more than 10 schemas deep" <<<"$output"
	rm schemas/s11.yml schemas/s12.yml
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 0 ]
}

@test "show escapes a line break in a value, so a title cannot forge a line" {
	write decisions/x.md <<'EOT'
---
type: decision
id: 2024-017
title: "Vaststelling\nreferences:\n  forged"
date: 2024-03-12
status: adopted
authority: College
---
# Vaststelling
EOT
	run "$CLERK" show 2024-017
	[ "$status" -eq 0 ]
	grep -qF 'title: Vaststelling\nreferences:\n  forged' <<<"$output"
	[ "$(grep -c '^references:' <<<"$output")" -eq 1 ]
}

@test "schemas: a path that is not a folder says so" {
	printf 'schemas: /dev/stdin\n' | write .clerk.yml
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 2 ]
	grep -q ".clerk.yml:1:10: the schema folder '/dev/stdin' is not a folder" <<<"$output"
}

@test "a symbolic link to a record of the same set is not a record of its own" {
	valid_decision 2024-017 | write decisions/x.md
	ln -s x.md decisions/y.md
	run "$CLERK" check --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	[[ "$output" != *id-duplicate* ]]
	[[ "$output" == *"1 record"* ]]
}

@test "a symbolic link in the set is no record under check nor under --staged, wherever it points" {
	git init -q .
	valid_decision 2024-017 | write decisions/2024-017.md
	valid_decision 2024-018 | write "$BATS_TEST_TMPDIR/elsewhere/2024-018.md"
	ln -s 2024-017.md decisions/y.md
	ln -s "$BATS_TEST_TMPDIR/elsewhere/2024-018.md" decisions/2024-018.md
	git add -A
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
	[ "${lines[-1]}" = "0 errors, 0 warnings in 1 record" ]
	run "$CLERK" check --staged --as-of "$AS_OF"
	assert_clean
	[ "${lines[-1]}" = "0 errors, 0 warnings in 1 record" ]
	# given by name, a link is read
	run "$CLERK" check --as-of "$AS_OF" decisions/2024-018.md
	assert_clean
	[[ "${lines[-1]}" == "0 errors, 0 warnings in "* ]]
}
