#!/usr/bin/env bats
# clerk renumber OLD NEW: the id, the file name, every reference and link
# in the other records, all or nothing; files that do not change are not
# touched.

load helper

# A small set: an agreement cited in three ways, linked from a report's
# body, and a record that does not mention it.
make_set() {
	write covenants/COV-2024-001.md <<'EOT'
---
type: covenant
id: COV-2024-001   # the first agreement of 2024
title: Samenwerking archief
date: 2024-01-10
status: active
parties: [Gemeente Dijkmeer, Gemeente Zandwijk]
effective: 2024-02-01
term: indefinite
---

# Samenwerking archief

See [the decision](../decisions/2024000003.md).
EOT
	write decisions/2024000003.md <<'EOT'
---
type: decision
id: 2024000003
title: Instemming met de samenwerking
date: 2024-01-20
status: adopted
authority: College van burgemeester en wethouders
cites:
  - COV-2024-001    # keep this comment
  - "2023000001"
---

# Instemming

Zie [het convenant](../covenants/COV-2024-001.md#doel) en nog eens
[hier](../covenants/COV-2024-001.md).
EOT
	write reports/RPT-2024-001.md <<'EOT'
---
type: progress-report
id: RPT-2024-001
title: Rapportage
date: 2024-06-01
status: final
cites: 'COV-2024-001, 2024000003'
supersedes: []
---

Over [de samenwerking][conv].

[conv]: ../covenants/COV-2024-001.md
EOT
	write reports/RPT-2024-002.md <<'EOT'
---
type: progress-report
id: RPT-2024-002
title: Rapportage twee
date: 2024-07-01
status: draft
cites: [COV-2024-0011]
---

Over COV-2024-001 in de tekst (geen verwijzing).
EOT
}

tree_sum() {
	find . -type f -print0 | sort -z | xargs -0 -r sha256sum
}

@test "renumber: the id, the file name and every reference and link change; nothing else" {
	make_set
	touch -d 2020-01-01 reports/RPT-2024-002.md
	mkdir "$BATS_TEST_TMPDIR/orig"
	cp -r . "$BATS_TEST_TMPDIR/orig"
	before=$(stat -c %Y reports/RPT-2024-002.md)
	run "$CLERK" renumber COV-2024-001 COV-2024-009
	[ "$status" -eq 0 ]
	[ "$output" = "renumbered COV-2024-001 to COV-2024-009: 3 files changed" ]
	[ ! -e covenants/COV-2024-001.md ]
	grep -qx 'id: COV-2024-009   # the first agreement of 2024' covenants/COV-2024-009.md
	grep -qx '  - COV-2024-009    # keep this comment' decisions/2024000003.md
	grep -qx 'Zie \[het convenant\](../covenants/COV-2024-009.md#doel) en nog eens' \
		decisions/2024000003.md
	grep -qx '\[hier\](../covenants/COV-2024-009.md).' decisions/2024000003.md
	grep -qx "cites: 'COV-2024-009, 2024000003'" reports/RPT-2024-001.md
	grep -qx '\[conv\]: ../covenants/COV-2024-009.md' reports/RPT-2024-001.md
	# Only the id's places changed: the rest of each file is byte for byte the same.
	run ! grep -q 'COV-2024-001' decisions/2024000003.md reports/RPT-2024-001.md \
		covenants/COV-2024-009.md
	for f in decisions/2024000003.md reports/RPT-2024-001.md; do
		sed 's/COV-2024-009/COV-2024-001/g' "$f" | diff -u "$BATS_TEST_TMPDIR/orig/$f" -
	done
	sed 's/COV-2024-009/COV-2024-001/g' covenants/COV-2024-009.md |
		diff -u "$BATS_TEST_TMPDIR/orig/covenants/COV-2024-001.md" -
	[ "$(stat -c %Y reports/RPT-2024-002.md)" = "$before" ]
	grep -q 'COV-2024-0011' reports/RPT-2024-002.md
	[ -z "$(find . -name '.clerk-*')" ]
}

@test "renumber: the set checks the same before and after" {
	make_set
	"$CLERK" check --as-of "$AS_OF" . | sed 's/COV-2024-001/ID/g; s/COV-2024-009/ID/g' >before || true
	run "$CLERK" renumber COV-2024-001 COV-2024-009
	[ "$status" -eq 0 ]
	"$CLERK" check --as-of "$AS_OF" . | sed 's/COV-2024-001/ID/g; s/COV-2024-009/ID/g' >after || true
	diff -u before after
}

@test "renumber: refused when NEW is taken, of the wrong form, or OLD unknown; nothing changes" {
	make_set
	before=$(tree_sum)
	run "$CLERK" renumber COV-2024-001 RPT-2024-001
	[ "$status" -eq 1 ]
	[ "$output" = "clerk: 'RPT-2024-001' is not a valid id for an agreement; ids look like 'COV-2024-001'" ]
	printf -- '---\ntype: covenant\nid: COV-2024-002\n---\n' | write covenants/COV-2024-002.md
	before=$(tree_sum)
	run "$CLERK" renumber COV-2024-001 COV-2024-002
	[ "$status" -eq 1 ]
	[ "$output" = "clerk: the id 'COV-2024-002' is taken: a record in the folder or in a Git branch has it" ]
	run "$CLERK" renumber COV-2024-077 COV-2024-078
	[ "$status" -eq 1 ]
	[ "$output" = "clerk: no record of a known type has the id 'COV-2024-077'" ]
	[ "$(tree_sum)" = "$before" ]
}

# Runs the rest of the line as the unprivileged user nobody when the tests
# run as root (for root a read-only file is still writable), else as is.
# A sanitizer report of that clerk is passed on to this test's log.
as_user() {
	local rc log
	if [ "$(id -u)" -ne 0 ]; then
		"$@"
		return
	fi
	log="$USER_LOGS/sanitizer.log"
	setpriv --reuid=65534 --regid=65534 --clear-groups -- \
		env CLERK_SANITIZER_LOG="$log" TMPDIR="$USER_LOGS" CLERK_REAL="$USER_BIN/clerk" "$@"
	rc=$?
	if [ -s "$log" ]; then
		cat "$log" >>"$CLERK_SANITIZER_LOG"
		rm -f "$log"
	fi
	return "$rc"
}

@test "renumber: a read-only file among the targets leaves every file as it was" {
	if [ "$(id -u)" -eq 0 ]; then
		# As root, the set lives where the user nobody can work in it.
		command -v setpriv >/dev/null || skip "running as root without setpriv to become another user"
		USER_LOGS=$(mktemp -d /tmp/clerk-renumber-logs.XXXXXX)
		USER_BIN=$(mktemp -d /tmp/clerk-renumber-bin.XXXXXX)
		local set_dir clerk
		set_dir=$(mktemp -d /tmp/clerk-renumber-set.XXXXXX)
		chmod 755 "$USER_LOGS" "$USER_BIN" "$set_dir"
		# A copy of the program (and of the sanitizer wrapper) where that
		# user can run it: the repository may lie in root's home.
		cp "${CLERK_REAL:-$CLERK}" "$USER_BIN/clerk"
		clerk="$USER_BIN/clerk"
		if [ -n "${CLERK_REAL:-}" ]; then
			cp "$CLERK" "$USER_BIN/sanitized"
			clerk="$USER_BIN/sanitized"
		fi
		chmod 755 "$USER_BIN"/*
		cd "$set_dir"
	fi
	make_set
	[ "$(id -u)" -ne 0 ] || chown -R 65534:65534 . "$USER_LOGS"
	chmod a-w reports/RPT-2024-001.md
	before=$(tree_sum)
	run as_user "${clerk:-$CLERK}" renumber COV-2024-001 COV-2024-009
	[ "$status" -eq 2 ]
	grep -q "reports/RPT-2024-001.md" <<<"$output"
	[ "$(tree_sum)" = "$before" ]
	chmod u+w reports/RPT-2024-001.md
	chmod a-w decisions
	run as_user "${clerk:-$CLERK}" renumber COV-2024-001 COV-2024-009
	[ "$status" -eq 2 ]
	chmod u+w decisions
	[ "$(tree_sum)" = "$before" ]
	if [ "$(id -u)" -eq 0 ]; then
		cd "$WORK"
		rm -rf "$set_dir" "$USER_LOGS" "$USER_BIN"
	fi
}

@test "renumber: when the new file cannot be made, every file stays as it was (also as root)" {
	make_set
	# A folder where the renamed file would go: the last step fails, after
	# every temporary has been written.
	mkdir covenants/COV-2024-009.md
	before=$(tree_sum)
	run "$CLERK" renumber COV-2024-001 COV-2024-009
	[ "$status" -eq 2 ]
	grep -q "cannot create .*COV-2024-009.md" <<<"$output"
	[ "$(tree_sum)" = "$before" ]
	[ -z "$(find . -name '.clerk-*')" ]
}

@test "renumber: an id taken only in another Git branch is refused" {
	export HOME="$BATS_TEST_TMPDIR/home" GIT_CONFIG_NOSYSTEM=1
	mkdir -p "$HOME"
	make_set
	git init -q -b main .
	git config user.name "Test Secretary"
	git config user.email "secretary@example.org"
	git add -A && git commit -qm set
	git checkout -qb colleague
	printf -- '---\ntype: covenant\nid: COV-2024-009\n---\n' | write covenants/COV-2024-009.md
	git add -A && git commit -qm "colleague's agreement"
	git checkout -q main
	run "$CLERK" renumber COV-2024-001 COV-2024-009
	[ "$status" -eq 1 ]
	grep -q "taken" <<<"$output"
	run "$CLERK" renumber COV-2024-001 COV-2024-010
	[ "$status" -eq 0 ]
}

@test "renumber --help explains the command" {
	run "$CLERK" renumber --help
	[ "$status" -eq 0 ]
	grep -q '^usage: clerk renumber' <<<"$output"
	run "$CLERK" renumber COV-2024-001
	[ "$status" -eq 2 ]
}

@test "renumber FILE NEW: one of two records with one id gets the new id; references stay with the other" {
	make_set
	sed 's/^title: Instemming met de samenwerking/title: Een kopie met hetzelfde nummer/' \
		decisions/2024000003.md | write decisions/kopie.md
	run "$CLERK" check --as-of "$AS_OF" .
	printf '%s\n' "$output" | grep -q '^decisions/kopie.md:3:5: error: .*\[id-duplicate\]$'
	# file-name does not send the copy to the other's name, it says renumber
	assert_one file-name decisions/kopie.md:3
	[[ "$output" == *"renaming this file does not help; give this record a new id with 'clerk renumber decisions/kopie.md NEW'"* ]]
	[[ "$output" != *"belongs in a file named '2024000003.md'"* ]]
	# by id: refused, and the message says how to choose one
	run "$CLERK" renumber 2024000003 2024000009
	[ "$status" -eq 1 ]
	[[ "$output" == *"clerk renumber decisions/"*".md NEW"* ]]
	run "$CLERK" renumber decisions/kopie.md 2024000009
	[ "$status" -eq 0 ]
	[ -f decisions/2024000009.md ] && [ ! -e decisions/kopie.md ]
	grep -q '^title: Een kopie met hetzelfde nummer' decisions/2024000009.md
	grep -q '^id: 2024000003' decisions/2024000003.md
	grep -q '^  - "2023000001"' decisions/2024000003.md
	grep -q "cites: 'COV-2024-001, 2024000003'" reports/RPT-2024-001.md
	run "$CLERK" check --as-of "$AS_OF" .
	[[ "$output" != *"id-duplicate"* ]]
	[[ "$output" != *"file-name"* ]]
}

@test "renumber FILE NEW: a file that holds no record is refused" {
	make_set
	printf 'just text\n' | write notes.md
	run "$CLERK" renumber notes.md 2024000009
	[ "$status" -eq 1 ]
	[[ "$output" == *"'notes.md' is not the file of a record of a known type with an id"* ]]
}

@test "renumber names the file as check expects it, by one rule: the id, then a field, then a group of the id" {
	write .clerk.yml <<'EOT'
schemas: schemas
builtin-schemas: no
types:
  - path: "*.md"
    type: besluit
EOT
	write schemas/besluit.yml <<'EOT'
name: besluit
title: decision
id:
  field: nummer
  pattern: '^(?<jaar>\d{4})-(?<volg>\d{3})$'
  example: '2024-001'
file-name: '{jaar}-{volg}.md'
fields:
  nummer:
    type: string
    required: true
  jaar:
    type: integer
    required: true
EOT
	# the field jaar (the year of the council) wins over the id's group jaar
	printf -- '---\nnummer: 2024-001\njaar: 2023\n---\n\n# Besluit\n' | write 2023-001.md
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
	run "$CLERK" renumber 2024-001 2024-002
	[ "$status" -eq 0 ]
	[ -f 2023-002.md ] && [ ! -e 2023-001.md ]
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
}
