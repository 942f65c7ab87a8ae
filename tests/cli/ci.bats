#!/usr/bin/env bats
# The CI recipes in docs/ci/: valid YAML, and the clerk commands they run
# exist and write the reports the recipes upload.

bats_require_minimum_version 1.5.0
load helper

RECIPES="github-workflow.yml gitlab-ci.yml"

# Prints the clerk commands of recipe $1, one a line.
clerk_commands() {
	sed -n 's/^ *\(- \|run: \)\{0,1\}\(clerk check.*\)$/\2/p' "$REPO/docs/ci/$1"
}

@test "each recipe is valid YAML (parsed with libyaml)" {
	local parses
	# Under the sanitizers CLERK is the wrapper; the helper lies beside the binary.
	parses="$(dirname "${CLERK_REAL:-$CLERK}")/tests/yaml_parses"
	[ -x "$parses" ] || { echo "build the test helper: make unit" >&2; return 1; }
	for r in $RECIPES; do
		"$parses" "$REPO/docs/ci/$r"
	done
	printf 'jobs:\n  a: [b\n' >bad.yml
	run ! "$parses" bad.yml
}

@test "each recipe runs clerk check, with options clerk has" {
	local n opt
	for r in $RECIPES; do
		n=$(clerk_commands "$r" | wc -l)
		[ "$n" -ge 2 ] || { echo "$r runs clerk check $n times" >&2; return 1; }
		for opt in $(clerk_commands "$r" | grep -o -- '--[a-z-]*'); do
			"$CLERK" help --options check | cut -f2 | grep -qx -- "$opt" || {
				echo "$r: clerk check has no option $opt" >&2
				return 1
			}
		done
	done
}

# Runs the clerk commands of recipe $1 in the current folder; prints the
# status of each, one a line.
run_recipe() {
	local cmd rc
	clerk_commands "$1" | while IFS= read -r cmd; do
		rc=0
		bash -c "clerk() { \"\$CLERK\" \"\$@\"; }; $cmd" >/dev/null 2>&1 || rc=$?
		echo "$rc"
	done
}

@test "the recipes' commands pass on clean records and fail only the last step on errors" {
	export CLERK
	cp -R "$REPO/examples/records/." .
	for r in $RECIPES; do
		[ "$(run_recipe "$r" | tr '\n' ' ')" = "$(clerk_commands "$r" | sed 's/.*/0/' | tr '\n' ' ')" ]
	done
	valid_decision | sed 's/^status: adopted/status: genomen/' | write besluiten/2024-017.md
	for r in $RECIPES; do
		# the report steps succeed, so the reports are uploaded; the final check fails
		[ "$(run_recipe "$r" | tail -n 1)" -eq 1 ]
		[ "$(run_recipe "$r" | sed '$d' | sort -u)" = "0" ]
	done
}

@test "the reports the recipes upload are the files clerk writes" {
	export CLERK
	cp -R "$REPO/examples/records/." .
	valid_decision | sed 's/^status: adopted/status: genomen/' | write besluiten/2024-017.md
	run_recipe github-workflow.yml >/dev/null
	grep -q '^ *sarif_file: clerk.sarif$' "$REPO/docs/ci/github-workflow.yml"
	grep -q '"ruleId":"field-enum"' clerk.sarif
	run_recipe gitlab-ci.yml >/dev/null
	grep -q '^ *codequality: gl-code-quality-report.json$' "$REPO/docs/ci/gitlab-ci.yml"
	grep -q '^ *junit: clerk-junit.xml$' "$REPO/docs/ci/gitlab-ci.yml"
	grep -q '"check_name":"field-enum"' gl-code-quality-report.json
	grep -q '<failure type="field-enum"' clerk-junit.xml
}

@test "docs/ci.md points to both recipes" {
	for r in $RECIPES; do
		grep -q "(ci/$r)" "$REPO/docs/ci.md"
	done
}
