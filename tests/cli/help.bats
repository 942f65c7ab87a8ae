#!/usr/bin/env bats
# Help, version, the rules command, --print-config and command-line errors.

bats_require_minimum_version 1.5.0
load helper

@test "clerk --help and clerk help list every command; exit 0" {
	run "$CLERK" --help
	[ "$status" -eq 0 ]
	for c in check rules version help; do
		printf '%s\n' "$output" | grep -q "^  $c  " || { echo "no $c" >&2; return 1; }
	done
	run "$CLERK" help
	[ "$status" -eq 0 ]
	[[ "$output" == usage:* ]]
}

@test "every command has --help that exits 0, and clerk help COMMAND says the same" {
	for c in check rules version; do
		run "$CLERK" "$c" --help
		[ "$status" -eq 0 ]
		[[ "${lines[0]}" == "usage: clerk $c"* ]]
		local own=$output
		run "$CLERK" help "$c"
		[ "$status" -eq 0 ]
		[ "$output" = "$own" ]
	done
}

@test "clerk check --help explains every option in one line" {
	run "$CLERK" check --help
	[ "$status" -eq 0 ]
	for opt in as-of format output color config max-warnings quiet print-config help; do
		printf '%s\n' "$output" | grep -Eq "^  (-[a-z], )?--$opt( [A-Z-]+)? +[a-z].{10,}" || {
			echo "--$opt has no explanation" >&2
			return 1
		}
	done
}

# The commands clerk lists in its help.
commands() {
	"$CLERK" --help | sed -n '/^commands:/,/^$/ s/^  \([a-z][a-z-]*\) .*/\1/p'
}

# The option table of command $1, from clerk itself (clerk help --options):
# one line per option, "COMMAND<TAB>--long<TAB>-s<TAB>VALUE".
table() {
	"$CLERK" help --options "$1"
}

# The left column of the options in `clerk $1 --help`, one a line.
help_rows() {
	"$CLERK" "$1" --help | awk '/^options:$/ { on = 1; next } on && /^$/ { exit }
		on { sub(/^  /, ""); split($0, a, /  +/); print a[1] }'
}

@test "every command's --help shows exactly the options of its table, and -h the same" {
	local cmd n=0
	[ "$(commands | wc -l)" -ge 18 ]
	for cmd in $(commands); do
		diff <(table "$cmd" | awk -F '\t' '{ print ($3 != "" ? $3 ", " : "") $2 ($4 != "" ? " " $4 : "") }') \
		     <(help_rows "$cmd") || { echo "clerk $cmd --help differs from its table" >&2; return 1; }
		run -0 "$CLERK" "$cmd" -h
		[ "$output" = "$("$CLERK" "$cmd" --help)" ]
		[ "$output" = "$("$CLERK" help "$cmd")" ]
		n=$((n + $(table "$cmd" | wc -l)))
	done
	# Every option, -h/--help included, is a row of some table.
	[ "$n" -ge 60 ]
	table check | grep -qx "$(printf 'check\t--jobs\t-j\tN')"
	table help | grep -qx "$(printf 'help\t--options\t\t')"
}

# "COMMAND --option" for each option the SYNOPSIS of the man page lists.
man_synopsis() {
	awk '/^\.Sh SYNOPSIS/ { on = 1; next } /^\.Sh / { on = 0 } !on { next }
		/^\.Nm/ { cmd = ""; next } /^\.Cm / && cmd == "" { cmd = $2; next }
		{ for (i = 1; i < NF; i++)
			if (($i == "Fl" || $i == ".Fl") && $(i + 1) == "Fl" && cmd != "") print cmd " --" $(i + 2) }
	' "$REPO/docs/clerk.1" | sort -u
}

@test "the man page lists each command with exactly the options of its table" {
	local cmd want
	want=$("$CLERK" help --options | awk -F '\t' '$2 != "--help" { print $1 " " $2 }' | sort -u)
	diff <(man_synopsis) <(printf '%s\n' "$want")
	for cmd in $(commands); do
		grep -Eq "^\.It Cm $cmd( |\$)" "$REPO/docs/clerk.1" || { echo "man page: no entry for $cmd" >&2; return 1; }
	done
	# The short forms, each beside its long one.
	local page
	page=$(mandoc -T ascii "$REPO/docs/clerk.1" | sed 's/.\x08//g' | tr -s ' \n' '  ')
	local row rows n=0
	mapfile -t rows < <("$CLERK" help --options | grep -v $'\t--help\t' | tr '\t' '|')
	for row in "${rows[@]}"; do
		IFS='|' read -r cmd long short value <<<"$row"
		[ -n "$short" ] || continue
		[[ "$page" == *"$short ($long)"* ]] || { echo "man page: no $short for $cmd $long" >&2; return 1; }
		n=$((n + 1))
	done
	[ "$n" -ge 8 ]
}

@test "bash completion offers exactly each command's options from its table, and --lang" {
	export CLERK
	local cmd
	for cmd in $(commands); do
		[ "$(complete_words clerk "$cmd" --)" = "$( (table "$cmd" | cut -f2; echo --lang) | sort | tr '\n' ' ')" ] ||
			{ echo "completion of clerk $cmd -- differs from its table" >&2; return 1; }
	done
	# After an option that takes a value comes its value, not another option;
	# after one that takes none, options again.
	[ "$(complete_words clerk check --jobs --)" = " " ]
	[ "$(complete_words clerk check -j --)" = " " ]
	[ "$(complete_words clerk due --within --)" = " " ]
	[ "$(complete_words clerk check --quiet --qu)" = "--quiet " ]
	[ "$(complete_words clerk fix -n --dry)" = "--dry-run " ]
}

@test "every command: an unknown option is the one usage error, exit 2" {
	local cmd
	for cmd in $(commands); do
		run "$CLERK" "$cmd" --bogus
		[ "$status" -eq 2 ]
		[ "$output" = "clerk: unknown option '--bogus'; see 'clerk $cmd --help'" ] ||
			{ echo "clerk $cmd --bogus: $output" >&2; return 1; }
		run "$CLERK" "$cmd" -Z
		[ "$status" -eq 2 ]
		[ "$output" = "clerk: unknown option '-Z'; see 'clerk $cmd --help'" ]
		run "$CLERK" "$cmd" --help=yes
		[ "$status" -eq 2 ]
		[ "$output" = "clerk: option '--help' takes no value; see 'clerk $cmd --help'" ]
	done
	# Among operands too, and in Dutch.
	run "$CLERK" show 2024-001 --bogus
	[ "$status" -eq 2 ]
	[ "$output" = "clerk: unknown option '--bogus'; see 'clerk show --help'" ]
	run "$CLERK" show --bogus --lang nl
	[ "$status" -eq 2 ]
	[ "$output" = "clerk: onbekende optie '--bogus'; zie 'clerk show --help'" ]
}

@test "every option that takes a value: without it, the one usage error, exit 2" {
	local cmd long short value n=0 row rows
	mapfile -t rows < <("$CLERK" help --options | tr '\t' '|')
	for row in "${rows[@]}"; do
		IFS='|' read -r cmd long short value <<<"$row"
		[ -n "$value" ] || continue
		run "$CLERK" "$cmd" "$long"
		[ "$status" -eq 2 ]
		[ "$output" = "clerk: option '$long' needs a value; see 'clerk $cmd --help'" ] ||
			{ echo "clerk $cmd $long: $output" >&2; return 1; }
		n=$((n + 1))
		[ -n "$short" ] || continue
		run "$CLERK" "$cmd" "$short"
		[ "$status" -eq 2 ]
		[ "$output" = "clerk: option '$short' needs a value; see 'clerk $cmd --help'" ]
	done
	[ "$n" -ge 40 ]
	run "$CLERK" --lang nl due --within
	[ "$output" = "clerk: optie '--within' heeft een waarde nodig; zie 'clerk due --help'" ]
}

# The operands each command needs to get as far as reading its configuration.
operands() {
	case $1 in
	export) echo "--format sqlite out.db" ;;
	import) echo "doc.txt" ;;
	new) echo "decision" ;;
	renumber) echo "2024-001 2024-002" ;;
	schema) echo "--json-schema" ;;
	show) echo "2024-001" ;;
	esac
}

@test "every --config takes its value as --config=FILE and as --config FILE" {
	local cmd n=0 want="clerk: none.yml: cannot read: No such file or directory"
	for cmd in $("$CLERK" help --options | awk -F '\t' '$2 == "--config" { print $1 }'); do
		run "$CLERK" "$cmd" --config=none.yml $(operands "$cmd")
		[ "$status" -eq 2 ]
		[ "$output" = "$want" ] || { echo "clerk $cmd --config=none.yml: $output" >&2; return 1; }
		run "$CLERK" "$cmd" $(operands "$cmd") --config none.yml
		[ "$status" -eq 2 ]
		[ "$output" = "$want" ]
		n=$((n + 1))
	done
	[ "$n" -ge 13 ]
	# A value that starts with a dash is a value, in both forms.
	run "$CLERK" check --format=-x
	[ "${lines[0]}" = "clerk: unknown output format '-x'; use text, pretty, json, sarif, junit, github or gitlab" ]
	run "$CLERK" check --format -x
	[ "${lines[0]}" = "clerk: unknown output format '-x'; use text, pretty, json, sarif, junit, github or gitlab" ]
	# Short forms take their value attached or apart.
	run "$CLERK" check -j0
	[ "${lines[0]}" = "clerk: --jobs needs a whole number from 1 to 256, not '0'" ]
	run "$CLERK" init --lang=nl nl-set
	[ "$status" -eq 0 ]
	[ -d nl-set/besluiten ]
}

@test "every command: -- ends the options, what follows is an operand" {
	local cmd
	for cmd in $(commands); do
		run "$CLERK" "$cmd" -- --bogus
		[[ "$output" != *"unknown option"* ]] || { echo "clerk $cmd -- --bogus: $output" >&2; return 1; }
	done
	run "$CLERK" show -- --bogus
	[ "$status" -eq 1 ]
	[ "$output" = "clerk: no record has the id '--bogus'" ]
	run "$CLERK" rules -- --bogus
	[ "$status" -eq 2 ]
	[ "${lines[0]}" = "clerk: unknown rule '--bogus'; 'clerk rules' lists them" ]
	run "$CLERK" help -- check
	[ "$output" = "$("$CLERK" check --help)" ]
}

@test "clerk --version and clerk version print the version" {
	run "$CLERK" --version
	[ "$status" -eq 0 ]
	[[ "${lines[0]}" =~ ^clerk\ [0-9]+\.[0-9]+\.[0-9]+$ ]]
	run "$CLERK" version
	[ "$status" -eq 0 ]
	[[ "${lines[0]}" =~ ^clerk\ [0-9]+\.[0-9]+\.[0-9]+$ ]]
	# The licence, whose text is in the repository.
	[ "${lines[1]}" = "licence: EUPL-1.2 (European Union Public Licence 1.2; see the file LICENSE)" ]
	grep -q '^ *EUROPEAN UNION PUBLIC LICENCE v. 1.2$' "$REPO/LICENSE"
}

@test "command-line errors print the message and the usage line, nothing else" {
	run "$CLERK" bogus
	[ "$status" -eq 2 ]
	[ "${#lines[@]}" -eq 2 ]
	[ "${lines[0]}" = "clerk: unknown command 'bogus'" ]
	[ "${lines[1]}" = "usage: clerk COMMAND [OPTION...] [ARG...] (commands: $(commands | paste -sd, | sed 's/,/, /g'))" ]
	run "$CLERK" check --max-warnings many
	[ "$status" -eq 2 ]
	[ "${#lines[@]}" -eq 2 ]
	[ "${lines[1]}" = "usage: clerk check [--staged] [OPTION...] [PATH...]" ]
	run "$CLERK" rules one two
	[ "$status" -eq 2 ]
	[ "${lines[1]}" = "usage: clerk rules [NAME]" ]
}

@test "clerk rules lists every rule with its severity and summary" {
	run "$CLERK" rules
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq "$(grep -c '^RULE(' "$REPO/src/rules.def")" ]
	printf '%s\n' "$output" | grep -q '^field-enum  *error  *A field'
}

# Copies stdin without its trailing blank lines.
trim_end() {
	awk '{ a[NR] = $0 } END { n = NR; while (n > 0 && a[n] == "") n--; for (i = 1; i <= n; i++) print a[i] }'
}

@test "clerk rules NAME prints that rule's section of docs/rules.md, examples included" {
	for rule in $("$CLERK" rules | awk '{print $1}'); do
		run "$CLERK" rules "$rule"
		[ "$status" -eq 0 ]
		[[ "${lines[0]}" == "$rule (default severity: "* ]]
		diff <(printf '%s\n' "$output" | tail -n +2) \
		     <(awk -v r="## \`$rule\`" '
			/^```/ { fence = !fence }
			!fence && /^## / { if (on) exit; on = ($0 == r); next }
			on' "$REPO/docs/rules.md" | trim_end) || {
			echo "clerk rules $rule differs from docs/rules.md" >&2
			return 1
		}
		printf '%s\n' "$output" | grep -q '^\*\*Fails:\*\*$'
		printf '%s\n' "$output" | grep -q '^\*\*Passes:\*\*$'
	done
}

@test "clerk rules with an unknown name is a usage error" {
	run "$CLERK" rules field-nope
	[ "$status" -eq 2 ]
	[ "${lines[0]}" = "clerk: unknown rule 'field-nope'; 'clerk rules' lists them" ]
}

@test "--print-config shows each setting and where it came from" {
	cat >.clerk.yml <<'EOT'
as-of: 2024-06-30
rules:
  file-name: error
types:
  - path: "besluiten/*.md"
    type: decision
EOT
	run "$CLERK" check --print-config --format json
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" | grep -qx 'as-of: 2024-06-30	(.clerk.yml:1)'
	printf '%s\n' "$output" | grep -qx 'format: json	(--format)'
	printf '%s\n' "$output" | grep -qx 'rule file-name: error	(.clerk.yml:3)'
	printf '%s\n' "$output" | grep -qx 'rule section-order: warning	(default)'
	printf '%s\n' "$output" | grep -qx 'types: besluiten/\*.md -> decision	(.clerk.yml:6)'
	run "$CLERK" check --print-config --as-of 2025-01-01
	printf '%s\n' "$output" | grep -qx 'as-of: 2025-01-01	(--as-of)'
	[ ! -e report.json ]
}
