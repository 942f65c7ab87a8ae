#!/usr/bin/env bats
# staged_set.bats - --staged and the pre-commit hook on the whole record
# set: .clerk.yml in a folder below the repository's top, read from Git's
# index with the schemas; records a commit deletes while others cite them;
# commits that change only .clerk.yml; ids that exist only in the working
# tree; a repository whose path holds a line break; pre-commit's
# --all-files; the configuration clerk init writes. Each on a temporary
# Git repository, with the real git and the real pre-commit.

load helper
bats_require_minimum_version 1.5.0

setup() {
	WORK="$BATS_TEST_TMPDIR/work"
	mkdir -p "$WORK" "$BATS_TEST_TMPDIR/home" "$BATS_TEST_TMPDIR/bin"
	cd "$WORK" || return 1
	export CLERK_SANITIZER_LOG="$BATS_TEST_TMPDIR/sanitizer.log"
	export HOME="$BATS_TEST_TMPDIR/home"
	export XDG_CONFIG_HOME="$HOME/.config"
	export GIT_CONFIG_NOSYSTEM=1
	export GIT_CONFIG_GLOBAL=/dev/null
	export PRE_COMMIT_HOME="$BATS_TEST_TMPDIR/pre-commit"
	unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE PRE_COMMIT_FROM_REF PRE_COMMIT_TO_REF
	ln -s "$CLERK" "$BATS_TEST_TMPDIR/bin/clerk"
	export PATH="$BATS_TEST_TMPDIR/bin:$PATH"
}

# A repository whose record set lies in records/ (with .clerk.yml there):
# covenants, a decision and reports that cite the covenants. $1: the
# repository's folder (default: repo).
make_repo() {
	local from="$REPO/tests/fixtures/set"
	git init -q "${1:-repo}"
	cd "${1:-repo}" || return 1
	git config user.name "Griffie Dijkmeer"
	git config user.email griffie@dijkmeer.example
	git config commit.gpgsign false
	mkdir -p records/covenants records/decisions records/reports
	cp "$from"/COV-*.md records/covenants/
	cp "$from"/2023-031.md records/decisions/
	cp "$from"/RPT-*.md records/reports/
	printf 'as-of: %s\n' "$AS_OF" >records/.clerk.yml
	git add -A
	git commit -q --no-verify -m "Eerste stukken"
}

install_pre_commit() {
	local hookrepo="$BATS_TEST_TMPDIR/clerk-hooks" rev
	git init -q "$hookrepo"
	cp "$REPO/.pre-commit-hooks.yaml" "$hookrepo/"
	git -C "$hookrepo" add .pre-commit-hooks.yaml
	git -C "$hookrepo" -c user.name=t -c user.email=t@example.org commit -q -m hooks
	rev=$(git -C "$hookrepo" rev-parse HEAD)
	cat >.pre-commit-config.yaml <<EOT
repos:
  - repo: $hookrepo
    rev: $rev
    hooks:
      - id: clerk
EOT
	git add .pre-commit-config.yaml
	git commit -q --no-verify -m "pre-commit"
	pre-commit install >/dev/null
}

need_pre_commit() {
	command -v pre-commit >/dev/null || skip "pre-commit is not installed (.ci/install-deps installs it)"
}

# A decision with its date written day first: a field-type error.
bad_decision() {
	valid_decision "$1" | sed 's/^date: 2024-03-12$/date: 12-03-2024/'
}

# ----------------------------------------------- .clerk.yml below the top

@test "--staged from the top uses the .clerk.yml of the records' folder below it" {
	make_repo
	printf 'as-of: %s\nrules:\n  field-type: off\n' "$AS_OF" >records/.clerk.yml
	git commit -q --no-verify -am "field-type off"
	bad_decision 2024-017 >records/decisions/2024-017.md
	git add -A
	run "$CLERK" check --staged
	[ "$status" -eq 0 ]
	# Without that configuration the same record is an error.
	printf 'as-of: %s\n' "$AS_OF" >records/.clerk.yml
	git add records/.clerk.yml
	run "$CLERK" check --staged
	[ "$status" -eq 1 ]
	assert_one field-type records/decisions/2024-017.md:5
}

@test "--staged reads .clerk.yml from the index, not from the working tree" {
	make_repo
	printf 'as-of: %s\nrules:\n  field-type: off\n' "$AS_OF" >records/.clerk.yml
	git add records/.clerk.yml
	git commit -q --no-verify -m "field-type off"
	# The working tree's .clerk.yml turns the rule back on, but is not staged.
	printf 'as-of: %s\n' "$AS_OF" >records/.clerk.yml
	bad_decision 2024-017 >records/decisions/2024-017.md
	git add records/decisions/2024-017.md
	run "$CLERK" check --staged
	[ "$status" -eq 0 ]
	# And the other way round: staged on, working tree off.
	git add records/.clerk.yml
	printf 'as-of: %s\nrules:\n  field-type: off\n' "$AS_OF" >records/.clerk.yml
	run "$CLERK" check --staged
	[ "$status" -eq 1 ]
	assert_one field-type records/decisions/2024-017.md:5
}

@test "--staged reads the schemas from the index" {
	make_repo
	mkdir records/schemas
	printf 'name: memo\nid:\n  pattern: "^M-[0-9]+$"\nfields:\n  title: string\n' >records/schemas/memo.yml
	printf 'as-of: %s\nschemas: schemas\n' "$AS_OF" >records/.clerk.yml
	git add -A
	git commit -q --no-verify -m "memo"
	printf -- '---\ntype: memo\nid: M-1\ntitle: Een notitie\n---\n# Een notitie\n' >records/M-1.md
	git add records/M-1.md
	run "$CLERK" check --staged
	[ "$status" -eq 0 ]
	# A schema changed in the working tree only does not count.
	printf 'name: memo\nid:\n  pattern: "^X-[0-9]+$"\nfields:\n  title: string\n' >records/schemas/memo.yml
	run "$CLERK" check --staged
	[ "$status" -eq 0 ]
	git add records/schemas/memo.yml
	run "$CLERK" check --staged
	[ "$status" -eq 1 ]
	[[ "$output" == *"[id-pattern]"* ]]
}

# ----------------------------------------------- what a commit takes away

@test "--staged: deleting a covenant that reports still cite is reported on the reports" {
	make_repo
	git rm -q records/covenants/COV-2023-011.md
	run --separate-stderr "$CLERK" check --staged
	[ "$status" -eq 1 ]
	[[ "$output" == *"records/reports/RPT-2025-003.md:"*"[ref-unresolved]"* ]]
	[[ "$output" == *"records/reports/RPT-2025-004.md:"*"[ref-unresolved]"* ]]
	[[ "$output" == *"records/decisions/2023-031.md"* ]] || true
	# The deleted file is the related place.
	run "$CLERK" check --staged --format json
	[[ "$output" == *'"records/covenants/COV-2023-011.md"'* ]]
	# A covenant nobody cites can go.
	git reset -q --hard
	git rm -q records/covenants/COV-2023-010.md
	run "$CLERK" check --staged
	[ "$status" -eq 0 ]
}

@test "--staged: a commit that changes only .clerk.yml checks the whole staged set" {
	make_repo
	printf 'as-of: %s\nmax-file-size: 100\n' "$AS_OF" >records/.clerk.yml
	git add records/.clerk.yml
	run "$CLERK" check --staged
	[ "$status" -eq 1 ]
	[[ "$output" == *"[file-too-large]"* ]]
}

@test "--staged: an id that exists only in the working tree gets 'not staged; git add it'" {
	make_repo
	valid_decision 2024-017 | sed 's/^status: adopted$/status: adopted\nrelated: COV-2024-001/' >/dev/null
	sed 's/^  - COV-2023-011$/  - COV-2023-011\n  - COV-2024-001/' records/reports/RPT-2025-004.md >x && mv x records/reports/RPT-2025-004.md
	sed 's/COV-2023-010/COV-2024-001/' records/covenants/COV-2023-010.md | sed '/^supersedes:/,/^  - /d' >records/covenants/COV-2024-001.md
	git add records/reports/RPT-2025-004.md
	run "$CLERK" check --staged
	[ "$status" -eq 1 ]
	[[ "$output" == *"COV-2024-001 exists but is not staged; git add it"*"[ref-unresolved]"* ]]
	[[ "$output" != *"did you mean"* ]]
	git add records/covenants/COV-2024-001.md
	run "$CLERK" check --staged
	[[ "$output" != *"not staged"* ]]
}

@test "--staged works in a repository whose path holds a line break" {
	make_repo $'re\npo'
	bad_decision 2024-017 >records/decisions/2024-017.md
	git add -A
	run "$CLERK" check --staged
	[ "$status" -eq 1 ]
	assert_one field-type records/decisions/2024-017.md:5
}

@test "--staged says in Dutch that it is not in a Git repository" {
	run "$CLERK" --lang nl check --staged
	[ "$status" -eq 2 ]
	[[ "$output" != *"is not in a Git repository"* ]]
	[[ "$output" == *"Git"* ]]
}

# ----------------------------------------------- the pre-commit framework

@test "pre-commit: git rm of a covenant that reports cite is refused" {
	need_pre_commit
	make_repo
	install_pre_commit
	git rm -q records/covenants/COV-2023-011.md
	run git commit -q -m "Convenant weg"
	[ "$status" -ne 0 ]
	[[ "$output" == *"RPT-2025-003.md"*"[ref-unresolved]"* ]]
	[ "$(git log --format=%s -1)" = "pre-commit" ]
}

@test "pre-commit: a commit that changes only .clerk.yml is checked and refused" {
	need_pre_commit
	make_repo
	install_pre_commit
	printf 'as-of: %s\nmax-file-size: 100\n' "$AS_OF" >records/.clerk.yml
	git add records/.clerk.yml
	run git commit -q -m "Kleine bestanden"
	[ "$status" -ne 0 ]
	[[ "$output" == *"[file-too-large]"* ]]
	[ "$(git log --format=%s -1)" = "pre-commit" ]
}

@test "pre-commit: run --all-files (as in CI) fails on a committed broken record" {
	need_pre_commit
	make_repo
	install_pre_commit
	bad_decision 2024-017 >records/decisions/2024-017.md
	git add -A
	git commit -q --no-verify -m "Fout, langs de hook"
	run pre-commit run --all-files
	[ "$status" -ne 0 ]
	[[ "$output" == *"Failed"* ]]
	[[ "$output" == *"2024-017.md:5:"*"[field-type]"* ]]
	# On a clean set it passes.
	git rm -q records/decisions/2024-017.md
	git commit -q --no-verify -m "weg"
	run pre-commit run --all-files
	[ "$status" -eq 0 ]
	[[ "$output" == *"Passed"* ]]
}

@test "pre-commit: the configuration clerk init writes shows warnings" {
	need_pre_commit
	"$CLERK" init stukken >/dev/null
	cd stukken
	git init -q
	git config user.name t
	git config user.email t@example.org
	git config commit.gpgsign false
	git add -A
	git commit -q --no-verify -m init
	grep -q '^        verbose: true$' .pre-commit-config.yaml
	pre-commit install >/dev/null
	# An explanation before the decision: a warning (section-order), not an error.
	f=$(ls decisions/*.md | head -n 1)
	sed -i 's/^## Het college besluit$/## Toelichting\n\nWaarom dit besluit.\n\n## Het college besluit/' "$f"
	git add -A
	run git commit -m "toelichting eerst"
	[ "$status" -eq 0 ]
	[[ "$output" == *"warning:"*"[section-order]"* ]]
	[ "$(git log --format=%s -1)" = "toelichting eerst" ]
}
