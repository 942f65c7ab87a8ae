#!/usr/bin/env bats
# docs/rules.md and the catalogue agree, and every rule's documented
# examples behave as documented: the failing one fires the rule, the
# passing one is completely clean.

load helper

setup_file() {
	EXAMPLES="$BATS_FILE_TMPDIR/examples"
	export EXAMPLES
	"$BATS_TEST_DIRNAME/../rule-examples" "$BATS_TEST_DIRNAME/../../docs/rules.md" "$EXAMPLES"
}

# Runs clerk in the rule's Fails and Passes folders and checks both.
doc_example() {
	local rule=$1
	[ -d "$EXAMPLES/$rule/fails" ] || { echo "no failing example for $rule" >&2; return 1; }
	[ -d "$EXAMPLES/$rule/passes" ] || { echo "no passing example for $rule" >&2; return 1; }
	cd "$EXAMPLES/$rule/fails"
	run "$CLERK" check --as-of "$AS_OF"
	printf '%s\n' "$output" | grep -q "\[$rule\]\$" || {
		echo "the failing example of $rule does not fire it:" >&2
		printf '%s\n' "$output" >&2
		return 1
	}
	cd "$EXAMPLES/$rule/passes"
	run "$CLERK" check --as-of "$AS_OF"
	assert_clean
}

@test "every catalogue rule has exactly one entry in docs/rules.md, and no other rule does" {
	diff <("$CLERK" rules | awk '{print $1}' | sort) \
	     <(sed -n 's/^## `\([a-z-]*\)`$/\1/p' "$REPO/docs/rules.md" | sort)
}

@test "every catalogue rule has a documented-example test in this file" {
	diff <("$CLERK" rules | awk '{print $1}' | sort) \
	     <(sed -n 's/^@test "example: \([a-z-]*\)".*/\1/p' "$BATS_TEST_FILENAME" | sort)
}

@test "each doc entry states the catalogue's default severity" {
	"$CLERK" rules | while read -r name severity _; do
		awk -v r="## \`$name\`" '$0 == r { found = 1; next } found && /^\*\*Severity:\*\*/ { print; exit }' \
			"$REPO/docs/rules.md" | grep -q "^\*\*Severity:\*\* $severity\." || {
			echo "docs/rules.md: $name does not say 'Severity: $severity.'" >&2
			return 1
		}
	done
}

@test "example: frontmatter-missing" { doc_example frontmatter-missing; }
@test "example: frontmatter-invalid" { doc_example frontmatter-invalid; }
@test "example: type-missing" { doc_example type-missing; }
@test "example: type-unknown" { doc_example type-unknown; }
@test "example: field-required" { doc_example field-required; }
@test "example: field-type" { doc_example field-type; }
@test "example: field-pattern" { doc_example field-pattern; }
@test "example: field-enum" { doc_example field-enum; }
@test "example: field-items" { doc_example field-items; }
@test "example: field-unknown" { doc_example field-unknown; }
@test "example: date-invalid" { doc_example date-invalid; }
@test "example: date-order" { doc_example date-order; }
@test "example: id-pattern" { doc_example id-pattern; }
@test "example: file-name" { doc_example file-name; }
@test "example: section-required" { doc_example section-required; }
@test "example: section-order" { doc_example section-order; }
@test "example: section-empty" { doc_example section-empty; }
@test "example: section-duplicate" { doc_example section-duplicate; }
@test "example: file-too-large" { doc_example file-too-large; }
@test "example: suppression-unknown" { doc_example suppression-unknown; }
@test "example: suppression-unused" { doc_example suppression-unused; }
@test "example: id-duplicate" { doc_example id-duplicate; }
@test "example: ref-unresolved" { doc_example ref-unresolved; }
@test "example: ref-type" { doc_example ref-type; }
@test "example: ref-date" { doc_example ref-date; }
@test "example: ref-inactive" { doc_example ref-inactive; }
@test "example: ref-undeclared" { doc_example ref-undeclared; }
@test "example: link-broken" { doc_example link-broken; }
@test "example: supersedes-status" { doc_example supersedes-status; }
@test "example: ref-cycle" { doc_example ref-cycle; }
@test "example: agreement-unreported" { doc_example agreement-unreported; }
@test "example: agreement-overdue" { doc_example agreement-overdue; }
@test "example: agreement-expired" { doc_example agreement-expired; }
@test "example: report-overdue" { doc_example report-overdue; }
@test "example: series-duplicate" { doc_example series-duplicate; }
@test "example: series-gap" { doc_example series-gap; }
@test "example: series-order" { doc_example series-order; }
@test "example: text-date-invalid" { doc_example text-date-invalid; }
@test "example: text-date-weekday" { doc_example text-date-weekday; }
@test "example: decision-points" { doc_example decision-points; }
@test "example: id-year" { doc_example id-year; }
@test "example: sequence-title" { doc_example sequence-title; }
@test "example: section-recommended" { doc_example section-recommended; }
@test "example: section-unknown" { doc_example section-unknown; }
@test "example: section-text" { doc_example section-text; }
@test "example: body-pattern" { doc_example body-pattern; }
@test "example: field-order" { doc_example field-order; }
@test "example: ref-status" { doc_example ref-status; }
@test "example: title-heading" { doc_example title-heading; }
@test "example: title-kind" { doc_example title-kind; }
@test "example: field-artefact" { doc_example field-artefact; }
@test "example: encoding-invalid" { doc_example encoding-invalid; }
@test "example: type-folder" { doc_example type-folder; }
