#!/usr/bin/env bats
# hooks.bats - clerk check --staged, the plain Git hook in docs/hooks/pre-commit,
# and .pre-commit-hooks.yaml run by the real pre-commit program, each on a
# temporary records repository. No test reads the global Git configuration:
# HOME is a temporary folder, and Git's global and system files are off.

load helper

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
	unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE
	# The hooks run `clerk` from the PATH: the binary under test.
	ln -s "$CLERK" "$BATS_TEST_TMPDIR/bin/clerk"
	export PATH="$BATS_TEST_TMPDIR/bin:$PATH"
}

# A records repository in $WORK/records with one committed, clean decision.
make_repo() {
	git init -q records
	cd records || return 1
	git config user.name "Griffie Dijkmeer"
	git config user.email griffie@dijkmeer.example
	git config commit.gpgsign false
	printf 'as-of: %s\n' "$AS_OF" >.clerk.yml
	valid_decision 2024-017 >2024-017.md
	git add .clerk.yml 2024-017.md
	git commit -q --no-verify -m "Eerste besluit"
}

# A decision whose date is written day first: a field-type error.
bad_decision() {
	valid_decision "$1" | sed 's/^date: 2024-03-12$/date: 12-03-2024/'
}

# Installs the plain hook of docs/hooks/pre-commit.
install_plain_hook() {
	cp "$REPO/docs/hooks/pre-commit" .git/hooks/pre-commit
	chmod +x .git/hooks/pre-commit
}

# Installs pre-commit with the hook of .pre-commit-hooks.yaml, from a
# temporary repository that holds this worktree's copy of the file (so the
# test sees the file as it is now, committed or not; no network).
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

# ------------------------------------------------------- clerk check --staged

@test "--staged outside a Git repository is an error (exit 2) that says so" {
	valid_decision >2024-017.md
	run "$CLERK" check --staged --as-of "$AS_OF"
	[ "$status" -eq 2 ]
	[[ "$output" == *"not in a Git repository"* ]]
}

@test "--staged with nothing staged exits 0 and says so" {
	make_repo
	run "$CLERK" check --staged
	[ "$status" -eq 0 ]
	[[ "$output" == *"no record is staged for the next commit; nothing to check"* ]]
}

@test "--staged takes no paths" {
	make_repo
	run "$CLERK" check --staged 2024-017.md
	[ "$status" -eq 2 ]
	[[ "$output" == *"takes no paths"* ]]
}

@test "--staged checks the staged version, not the file in the working tree" {
	make_repo
	bad_decision 2024-018 >2024-018.md
	git add 2024-018.md
	valid_decision 2024-018 >2024-018.md # fixed, but not staged
	run "$CLERK" check --staged
	[ "$status" -eq 1 ]
	assert_one field-type 2024-018.md:5
	# And the other way round: a good staged version with a bad file on disk.
	git add 2024-018.md
	bad_decision 2024-018 >2024-018.md
	run "$CLERK" check --staged
	assert_clean
}

@test "--staged reports on the staged records only, against the staged whole set" {
	make_repo
	# A committed record with a problem is not reported: it is not in the commit.
	bad_decision 2024-001 >2024-001.md
	git add 2024-001.md
	git commit -q --no-verify -m "old"
	# A staged record citing one that exists only in the working tree.
	valid_decision 2024-020 | sed 's/^authority:/cites: 2024-021\nauthority:/' >2024-020.md
	valid_decision 2024-021 >2024-021.md
	git add 2024-020.md
	run "$CLERK" check --staged
	[ "$status" -eq 1 ]
	assert_one ref-unresolved 2024-020.md:7
	assert_only_one
	# Staged, the cited record counts even when it is gone from the disk.
	git add 2024-021.md
	rm 2024-021.md
	run "$CLERK" check --staged
	assert_clean
	[[ "$output" == *"in 4 records"* ]]
}

@test "--staged: a duplicate id with an unchanged record is reported on the staged one" {
	make_repo
	valid_decision 2024-017 >kopie.md
	git add kopie.md
	run "$CLERK" check --staged
	[ "$status" -eq 1 ]
	assert_one id-duplicate kopie.md:3
}

@test "--staged: file names with spaces, quotes, a tab and a line break" {
	make_repo
	bad_decision 2024-030 >"Sociaal convenant.md"
	bad_decision 2024-031 >"$(printf 'tab\there "q".md')"
	bad_decision 2024-032 >"$(printf 'regel\nbreuk.md')"
	git add -A
	run "$CLERK" check --staged --format json
	[ "$status" -eq 1 ]
	[ "$(printf '%s\n' "$output" | grep -c '"rule": *"field-type"')" -eq 3 ]
	[[ "$output" == *'"Sociaal convenant.md"'* ]]
	[[ "$output" == *'tab\there \"q\".md'* ]]
	[[ "$output" == *'regel\nbreuk.md'* ]]
}

@test "--staged checks a renamed record under its new name" {
	make_repo
	git mv 2024-017.md "besluit mandaat.md"
	run "$CLERK" check --staged
	[ "$status" -eq 0 ]
	assert_one file-name "besluit mandaat.md:3"
}

@test "--staged from a folder below the records' folder shows paths from there" {
	make_repo
	mkdir -p sub/dir
	bad_decision 2024-040 >sub/2024-040.md
	git add sub/2024-040.md
	cd sub/dir
	run "$CLERK" check --staged --config ../../.clerk.yml
	[ "$status" -eq 1 ]
	assert_one field-type ../2024-040.md:5
}

@test "--staged follows .clerk.yml: excluded and hidden files are not records" {
	make_repo
	printf 'as-of: %s\nexclude:\n  - "concepten/**"\n' "$AS_OF" >.clerk.yml
	git commit -q --no-verify -am "exclude concepten"
	mkdir -p concepten .github
	bad_decision 2024-050 >concepten/2024-050.md
	bad_decision 2024-051 >.github/2024-051.md
	printf 'Notities\n' >notes.txt
	git add -A
	run "$CLERK" check --staged
	[ "$status" -eq 0 ]
	[[ "$output" == *"no record is staged"* ]]
}

@test "--staged: pretty shows the staged line, not the working tree's" {
	make_repo
	bad_decision 2024-018 >2024-018.md
	git add 2024-018.md
	valid_decision 2024-018 >2024-018.md
	run "$CLERK" check --staged --format pretty --color never
	[ "$status" -eq 1 ]
	[[ "$output" == *"5 | date: 12-03-2024"* ]]
}

@test "--staged never writes: the working tree and the index stay as they were" {
	make_repo
	bad_decision 2024-018 >2024-018.md
	git add 2024-018.md
	valid_decision 2024-018 >2024-018.md
	before=$(git status --porcelain=v1 -z --untracked-files=all | od -c; git ls-files -s; ls -la)
	index=$(cksum <.git/index)
	run "$CLERK" check --staged
	[ "$status" -eq 1 ]
	[ "$(git status --porcelain=v1 -z --untracked-files=all | od -c; git ls-files -s; ls -la)" = "$before" ]
	[ "$(cksum <.git/index)" = "$index" ]
}

@test "--staged: a record in the first commit of a new repository" {
	git init -q records
	cd records
	bad_decision 2024-017 >2024-017.md
	git add 2024-017.md
	run "$CLERK" check --staged --as-of "$AS_OF"
	[ "$status" -eq 1 ]
	assert_one field-type 2024-017.md:5
}

# ------------------------------------------------------- the plain Git hook

@test "plain hook: a clean commit passes" {
	make_repo
	install_plain_hook
	valid_decision 2024-018 >2024-018.md
	git add 2024-018.md
	run git commit -q -m "Tweede besluit"
	[ "$status" -eq 0 ]
	[ "$(git log --format=%s -1)" = "Tweede besluit" ]
}

@test "plain hook: a commit that breaks a rule is refused with the finding shown" {
	make_repo
	install_plain_hook
	bad_decision 2024-018 >2024-018.md
	git add 2024-018.md
	run git commit -q -m "Fout besluit"
	[ "$status" -ne 0 ]
	assert_one field-type 2024-018.md:5
	[ "$(git log --format=%s -1)" = "Eerste besluit" ]
}

@test "plain hook: a staged bad version with an unstaged fix is refused" {
	make_repo
	install_plain_hook
	bad_decision 2024-018 >2024-018.md
	git add 2024-018.md
	valid_decision 2024-018 >2024-018.md
	run git commit -q -m "Fout besluit"
	[ "$status" -ne 0 ]
	assert_one field-type 2024-018.md:5
	[ "$(git log --format=%s -1)" = "Eerste besluit" ]
}

@test "plain hook: file names with a space pass and fail as they should" {
	make_repo
	install_plain_hook
	printf 'as-of: %s\nrules:\n  file-name: off\n' "$AS_OF" >.clerk.yml
	git add .clerk.yml
	valid_decision 2024-018 >"Besluit mandaat.md"
	git add "Besluit mandaat.md"
	run git commit -q -m "Goed"
	[ "$status" -eq 0 ]
	bad_decision 2024-019 >"Sociaal convenant.md"
	git add "Sociaal convenant.md"
	run git commit -q -m "Fout"
	[ "$status" -ne 0 ]
	assert_one field-type "Sociaal convenant.md:5"
}

@test "plain hook: a renamed record is checked under its new name" {
	make_repo
	install_plain_hook
	printf 'as-of: %s\nrules:\n  file-name: error\n' "$AS_OF" >.clerk.yml
	git add .clerk.yml
	git commit -q --no-verify -m "file-name is an error here"
	git mv 2024-017.md "besluit mandaat.md"
	run git commit -q -m "Hernoemd"
	[ "$status" -ne 0 ]
	assert_one file-name "besluit mandaat.md:3"
}

@test "plain hook: git commit -a checks what -a stages" {
	make_repo
	install_plain_hook
	bad_decision 2024-017 >2024-017.md
	run git commit -q -a -m "Fout"
	[ "$status" -ne 0 ]
	assert_one field-type 2024-017.md:5
}

# ------------------------------------------------------- pre-commit

@test "pre-commit: .pre-commit-hooks.yaml declares the clerk hook on --staged" {
	[ -f "$REPO/.pre-commit-hooks.yaml" ]
	"$(dirname "${CLERK_REAL:-$CLERK}")/tests/yaml_parses" "$REPO/.pre-commit-hooks.yaml"
	grep -qx -- '- id: clerk' "$REPO/.pre-commit-hooks.yaml"
	grep -qx '  entry: clerk check --hook' "$REPO/.pre-commit-hooks.yaml"
	grep -qx '  always_run: true' "$REPO/.pre-commit-hooks.yaml"
	grep -qx '  pass_filenames: false' "$REPO/.pre-commit-hooks.yaml"
}

@test "pre-commit: a clean commit passes" {
	need_pre_commit
	make_repo
	install_pre_commit
	valid_decision 2024-018 >2024-018.md
	git add 2024-018.md
	run git commit -q -m "Tweede besluit"
	[ "$status" -eq 0 ]
	[ "$(git log --format=%s -1)" = "Tweede besluit" ]
}

@test "pre-commit: a commit that breaks a rule is refused with the finding shown" {
	need_pre_commit
	make_repo
	install_pre_commit
	bad_decision 2024-018 >2024-018.md
	git add 2024-018.md
	run git commit -q -m "Fout besluit"
	[ "$status" -ne 0 ]
	assert_one field-type 2024-018.md:5
	[ "$(git log --format=%s -1)" = "pre-commit" ]
}

@test "pre-commit: a staged bad version with an unstaged fix is refused" {
	need_pre_commit
	make_repo
	install_pre_commit
	bad_decision 2024-018 >2024-018.md
	git add 2024-018.md
	valid_decision 2024-018 >2024-018.md
	run git commit -q -m "Fout besluit"
	[ "$status" -ne 0 ]
	assert_one field-type 2024-018.md:5
	[ "$(git log --format=%s -1)" = "pre-commit" ]
	# pre-commit put the unstaged fix back.
	run grep -c '^date: 2024-03-12$' 2024-018.md
	[ "$output" = 1 ]
}

@test "pre-commit: file names with a space pass and fail as they should" {
	need_pre_commit
	make_repo
	install_pre_commit
	printf 'as-of: %s\nrules:\n  file-name: off\n' "$AS_OF" >.clerk.yml
	git add .clerk.yml
	valid_decision 2024-018 >"Besluit mandaat.md"
	git add "Besluit mandaat.md"
	run git commit -q -m "Goed"
	[ "$status" -eq 0 ]
	bad_decision 2024-019 >"Sociaal convenant.md"
	git add "Sociaal convenant.md"
	run git commit -q -m "Fout"
	[ "$status" -ne 0 ]
	assert_one field-type "Sociaal convenant.md:5"
}

@test "pre-commit: a renamed record is checked under its new name" {
	need_pre_commit
	make_repo
	install_pre_commit
	printf 'as-of: %s\nrules:\n  file-name: error\n' "$AS_OF" >.clerk.yml
	git add .clerk.yml
	git commit -q --no-verify -m "file-name is an error here"
	git mv 2024-017.md "besluit mandaat.md"
	run git commit -q -m "Hernoemd"
	[ "$status" -ne 0 ]
	assert_one file-name "besluit mandaat.md:3"
}
