#!/usr/bin/env bats
# hostile.bats - the catalogue of hostile inputs: each case builds its files
# at test time (fx_NAME), runs clerk under `timeout` (a hang fails the test),
# and checks the exit code, the first diagnostic, that a valid record beside
# the hostile one was still checked, and that clerk wrote nothing.
#
# One row per case: hostile NAME STATUS FIRST [ARG...]
#   STATUS  the expected exit code
#   FIRST   an extended regular expression the first line of output must
#           match (stderr lines come first, then the sorted findings)
#   ARG     what to check (default: the case's folder)
# With NO_BESIDE=1 the run must stop before checking any record (a broken
# configuration or schema); then no finding may be printed at all.

load helper

TIMEOUT=${HOSTILE_TIMEOUT:-60}

# A listing of every entry (type, mode, size, time, link target) and the
# checksum of every regular file, so that any write shows as a difference.
# Symbolic links are not followed and FIFOs are never opened.
snapshot() {
	find . -printf '%y %m %s %T@ %p -> %l\n' | LC_ALL=C sort
	find . -type f -exec md5sum {} + | LC_ALL=C sort
}

# The valid neighbour: a correct decision in a file whose name does not
# follow the id, so that its one warning proves it was checked.
BESIDE_FINDING='^zz-beside\.md:3:5: warning: .*\[file-name\]$'

hostile() {
	local name=$1 want=$2 first=$3 line
	shift 3
	mkdir -p "$WORK/case"
	cd "$WORK/case" || return 1
	valid_decision 2024-017 >zz-beside.md
	"fx_$name"
	snapshot >"$BATS_TEST_TMPDIR/before"
	run timeout "$TIMEOUT" "$CLERK" check "$@" </dev/null
	snapshot >"$BATS_TEST_TMPDIR/after"
	if [ "$status" -eq 124 ]; then
		echo "clerk did not finish within $TIMEOUT seconds" >&2
		return 1
	fi
	if [ "$status" -ne "$want" ]; then
		echo "expected exit $want, got $status:" >&2
		printf '%s\n' "$output" | head -n 20 >&2
		return 1
	fi
	line=$(printf '%s\n' "$output" | head -n 1)
	if ! printf '%s\n' "$line" | grep -Eq -- "$first"; then
		echo "the first line does not match /$first/:" >&2
		printf '%s\n' "$output" | head -n 20 >&2
		return 1
	fi
	if [ -n "${NO_BESIDE:-}" ]; then
		if printf '%s\n' "$output" | grep -q '\]$'; then
			echo "no record may be checked after this mistake:" >&2
			printf '%s\n' "$output" | head -n 20 >&2
			return 1
		fi
	elif ! printf '%s\n' "$output" | grep -Eq -- "$BESIDE_FINDING"; then
		echo "the valid record beside it was not checked:" >&2
		printf '%s\n' "$output" | head -n 20 >&2
		return 1
	fi
	if printf '%s\n' "$output" | grep -v -E '^(clerk: |.*\]$|[0-9]+ errors?, |Try )' | grep -q .; then
		echo "a line of output is neither a finding, an error nor the summary:" >&2
		printf '%s\n' "$output" | head -n 20 >&2
		return 1
	fi
	diff -u "$BATS_TEST_TMPDIR/before" "$BATS_TEST_TMPDIR/after" || {
		echo "clerk changed the files it checked" >&2
		return 1
	}
}

# Repeats the string $1 $2 times, without a newline.
repeat() {
	awk -v s="$1" -v n="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'
}

# A record head: front matter of a valid decision (id $1), without the body.
front() {
	valid_decision "${1:-2024-018}" | head -n 8
}

# -------------------------------------------------------------- fixtures

fx_empty() { : >2024-018.md; }
fx_only_dashes() { printf -- '---\n' >2024-018.md; }
fx_only_dashes_no_newline() { printf -- '---' >2024-018.md; }
fx_empty_front() { printf -- '---\n---\n# Leeg\n' >2024-018.md; }
fx_unterminated() { front | head -n 7 >2024-018.md; }
fx_front_is_list() { printf -- '---\n- type\n- decision\n---\n' >2024-018.md; }
fx_front_is_scalar() { printf -- '---\njust a sentence\n---\n' >2024-018.md; }
fx_dots_close() { front | sed '8s/---/.../' >2024-018.md; }
fx_undefined_alias() { printf -- '---\ntype: decision\ntitle: *nergens\n---\n' >2024-018.md; }
fx_self_alias() { printf -- '---\ntype: decision\nx: &a [1, *a]\n---\n' >2024-018.md; }
fx_alias_bomb() {
	{
		printf -- '---\ntype: decision\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n'
		for i in 1 2 3 4 5 6 7 8 9; do
			printf 'a%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\n' \
				"$i" "$i" $((i - 1)) $((i - 1)) $((i - 1)) $((i - 1)) $((i - 1)) \
				$((i - 1)) $((i - 1)) $((i - 1)) $((i - 1)) $((i - 1))
		done
		printf -- '---\n'
	} >2024-018.md
}
fx_many_anchors() {
	{ printf -- '---\ntype: decision\nx: ['; for i in $(seq 300); do printf '&a%d 1, ' "$i"; done; printf ']\n---\n'; } >2024-018.md
}
fx_deep_seq() { { printf -- '---\ntype: decision\nx: '; repeat '[' 100000; repeat ']' 100000; printf '\n---\n'; } >2024-018.md; }
fx_deep_map() { { printf -- '---\ntype: decision\nx: '; repeat '{a: ' 50000; repeat '}' 50000; printf '\n---\n'; } >2024-018.md; }
fx_many_empty_lists() { { printf -- '---\ntype: decision\nx: ['; repeat '[], ' 400000; printf '[]]\n---\n'; } >2024-018.md; }
fx_many_keys() { { front | head -n 7; awk 'BEGIN { for (i = 0; i < 20000; i++) print "k" i ": v" }'; printf -- '---\n'; } >2024-018.md; }
fx_duplicate_keys() { { front | head -n 7; awk 'BEGIN { for (i = 0; i < 5000; i++) print "title: x" }'; printf -- '---\n'; } >2024-018.md; }
fx_tab_indent() { printf -- '---\ntype: decision\nparties:\n\t- Dijkmeer\n---\n' >2024-018.md; }
fx_tab_in_value() { front | sed 's/^title: .*/title: "Mandaat\tregister"/' >2024-018.md; printf '\n## Besluit\n\n1. Vast te stellen.\n' >>2024-018.md; }
fx_invalid_utf8_front() { front | sed 's/^title: .*/title: Mandaat \xff\xfe register/' >2024-018.md; }
fx_invalid_utf8_body() { { front; printf '# Mandaat \xc3\x28\n\n## Besluit\n\n1. Vast \xed\xa0\x80 te stellen.\n'; } >2024-018.md; }
fx_nul_front() { { printf -- '---\ntype: decision\ntitle: a\0b\n---\n'; } >2024-018.md; }
fx_nul_body() { { front; printf '# Titel\n\n## Besluit\n\nab\0cd\n'; } >2024-018.md; }
fx_utf8_bom() { { printf '\xef\xbb\xbf'; valid_decision 2024-018; } >2024-018.md; }
fx_double_bom() { { printf '\xef\xbb\xbf\xef\xbb\xbf'; valid_decision 2024-018; } >2024-018.md; }
fx_utf16le() { valid_decision 2024-018 | iconv -f UTF-8 -t UTF-16 >2024-018.md; }
fx_utf16be() { { printf '\xfe\xff'; valid_decision 2024-018 | iconv -f UTF-8 -t UTF-16BE; } >2024-018.md; }
fx_utf32le() { { printf '\xff\xfe\x00\x00'; valid_decision 2024-018 | iconv -f UTF-8 -t UTF-32LE; } >2024-018.md; }
fx_utf32be() { { printf '\x00\x00\xfe\xff'; valid_decision 2024-018 | iconv -f UTF-8 -t UTF-32BE; } >2024-018.md; }
fx_utf16_no_front() { printf '# Notities\n\nGeen record.\n' | iconv -f UTF-8 -t UTF-16 >notities.md; }
fx_utf16_no_bom() { valid_decision 2024-018 | iconv -f UTF-8 -t UTF-16LE >2024-018.md; }
fx_png() { printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\1' >logo.md; }
fx_cr_only() { valid_decision 2024-018 | tr '\n' '\r' >2024-018.md; }
fx_crlf() { valid_decision 2024-018 | sed 's/$/\r/' >2024-018.md; }
fx_mixed_line_ends() { valid_decision 2024-018 | awk '{ printf "%s%s", $0, (NR % 2 ? "\r\n" : "\n") }' >2024-018.md; }
fx_huge_line() { { valid_decision 2024-018; printf '\n'; repeat 'lange regel ' 100000; printf '\n'; } >2024-018.md; }
fx_huge_value() { { front | head -n 7 | grep -v '^title:'; printf 'title: '; repeat 'woord ' 200000; printf '\n---\n# '; repeat 'woord ' 200000; printf '\n\n## Besluit\n\n1. Iets.\n'; } >2024-018.md; }
fx_many_headings() { { valid_decision 2024-018; awk 'BEGIN { for (i = 0; i < 100000; i++) printf "\n## Kop %d\n\ntekst\n", i }'; } >2024-018.md; }
fx_many_besluit() { { valid_decision 2024-018; awk 'BEGIN { for (i = 0; i < 2000; i++) printf "\n## Besluit\n\nx\n" }'; } >2024-018.md; }
fx_heading_spaces() { { front; printf '# Vaststelling van het mandaatregister\n\n## Het dagelijks bestuur besluit'; repeat ' ' 100000; printf 'x\n\n1. Iets.\n'; } >2024-018.md; }
fx_heading_spaces_colon() { { front; printf '# Vaststelling van het mandaatregister\n\n## Het dagelijks bestuur besluit'; repeat ' ' 100000; printf ':\n\n1. Iets.\n'; } >2024-018.md; }
fx_heading_words() { { front; printf '# Vaststelling van het mandaatregister\n\n## '; repeat 'bestuur ' 20000; printf 'x\n\n## Besluit\n\n1. Iets.\n'; } >2024-018.md; }
fx_numbered_heading() { { front; printf '# Vaststelling van het mandaatregister\n\n## '; repeat '1.' 50000; printf ' x\n\n## Besluit\n\n1. Iets.\n'; } >2024-018.md; }
fx_too_large() { valid_decision 2024-018 >2024-018.md; truncate -s 17M 2024-018.md; }
fx_too_large_configured() { printf 'max-file-size: 1KB\n' >.clerk.yml; { valid_decision 2024-018; repeat 'tekst ' 300; } >2024-018.md; }
fx_bad_max_size() { printf 'max-file-size: veel\n' >.clerk.yml; }
fx_zero_link() { ln -s /dev/zero 2024-018.md; }
fx_stdin_link() { ln -s /dev/stdin 2024-018.md; }
fx_fifo() { mkfifo 2024-018.md; }
fx_fifo_named() { mkfifo pijp; }
fx_config_zero() { ln -s /dev/zero .clerk.yml; }
fx_config_fifo() { mkfifo .clerk.yml; }
fx_config_folder() { mkdir .clerk.yml; }
fx_config_too_large() { printf 'as-of: 2024-06-30\n' >.clerk.yml; truncate -s 17M .clerk.yml; }
fx_config_many_lists() { { printf 'rules: {}\nfoo: ['; repeat '[], ' 400000; printf '[]]\n'; } >.clerk.yml; }
fx_schema_zero() { mkdir schemas && ln -s /dev/zero schemas/voorstel.yml && printf 'schemas: schemas\n' >.clerk.yml; }
fx_schema_fifo() { mkdir schemas && mkfifo schemas/voorstel.yml && printf 'schemas: schemas\n' >.clerk.yml; }
fx_schema_too_large() {
	mkdir schemas && printf 'name: voorstel\n' >schemas/voorstel.yml && truncate -s 17M schemas/voorstel.yml
	printf 'schemas: schemas\n' >.clerk.yml
}
fx_schema_many_lists() {
	mkdir schemas && { printf 'name: voorstel\nx: ['; repeat '[], ' 400000; printf '[]]\n'; } >schemas/voorstel.yml
	printf 'schemas: schemas\n' >.clerk.yml
}
fx_schema_slow_pattern() {
	mkdir schemas
	cat >schemas/voorstel.yml <<'EOT'
name: voorstel
title: proposal
fields:
  type: {type: string, required: true}
  code: {type: list, pattern: '^(a+)+$'}
EOT
	printf 'schemas: schemas\n' >.clerk.yml
	{ printf -- '---\ntype: voorstel\ncode:\n'; awk 'BEGIN { for (i = 0; i < 2000; i++) print "  - aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab" }'; printf -- '---\n'; } >voorstel.md
}
fx_slow_glob() {
	printf 'exclude: ["**a**a**a**a**a**ax"]\n' >.clerk.yml
	local i long
	long=$(repeat a 200)
	for i in $(seq 200); do : >"$long$i.md"; done
}
fx_symlink_loop() { ln -s 2024-018.md 2024-018.md; }
fx_symlink_cycle() { ln -s b.md a.md && ln -s a.md b.md; }
fx_folder_loop() { mkdir -p sub && ln -s .. sub/up; }
fx_dangling() { ln -s nergens.md 2024-018.md; }
fx_unreadable() { valid_decision 2024-018 >2024-018.md && chmod 000 2024-018.md; }
fx_folder_named_md() { mkdir 2024-018.md; }
fx_newline_name() { valid_decision 2024-018 | sed 's/^status: .*/status: klaar/' >"$(printf 'a\nb.md')"; }
fx_escape_name() { valid_decision 2024-018 | sed 's/^status: .*/status: klaar/' >"$(printf '\033[2Jx.md')"; }
fx_odd_name() { valid_decision 2024-018 >"-- 'quote' \"dq\" \$x.md"; }
fx_long_name() { valid_decision 2024-018 >"$(repeat x 250).md"; }
fx_deep_folders() { mkdir -p "$(repeat 'd/' 100)" && valid_decision 2024-018 >"$(repeat 'd/' 100)2024-018.md"; }
fx_newline_value() { valid_decision 2024-018 | sed 's/^id: .*/id: "2024-018\\nx.md:1:1: error: vervalst [id-pattern]"/' >2024-018.md; }
fx_escape_value() { valid_decision 2024-018 | sed 's/^status: .*/status: "\\e[31mrood\\e[0m"/' >2024-018.md; }
fx_bidi_value() { valid_decision 2024-018 | sed 's/^status: .*/status: "adopted\xe2\x80\xae"/' >2024-018.md; }
fx_c1_value() { valid_decision 2024-018 | sed 's/^status: .*/status: "x\\x9b31m"/' >2024-018.md; }

# ------------------------------------------------------------------ cases

@test "hostile: an empty file" { hostile empty 0 "$BESIDE_FINDING"; }
@test "hostile: only '---'" { hostile only_dashes 1 '^2024-018\.md:1:1: error: .*never closed.*\[frontmatter-invalid\]$'; }
@test "hostile: only '---' without a newline" { hostile only_dashes_no_newline 1 '^2024-018\.md:1:1: error: .*never closed.*\[frontmatter-invalid\]$'; }
@test "hostile: empty front matter" { hostile empty_front 1 '^2024-018\.md:1:1: error: the front matter is empty.*\[frontmatter-invalid\]$'; }
@test "hostile: unterminated front matter" { hostile unterminated 1 '^2024-018\.md:1:1: error: .*never closed.*\[frontmatter-invalid\]$'; }
@test "hostile: front matter that is a list" { hostile front_is_list 1 '^2024-018\.md:2:1: error: .*name: value.*\[frontmatter-invalid\]$'; }
@test "hostile: front matter that is one sentence" { hostile front_is_scalar 1 '^2024-018\.md:2:1: error: .*name: value.*\[frontmatter-invalid\]$'; }
@test "hostile: front matter closed with '...'" { hostile dots_close 1 '^2024-018\.md:8:1: error: .*Decision.*\[section-required\]$'; }
@test "hostile: an alias to an anchor that does not exist" { hostile undefined_alias 1 '^2024-018\.md:3:8: error: .*\[frontmatter-invalid\]$'; }
@test "hostile: an alias inside its own anchor" { hostile self_alias 1 '^2024-018\.md:3:.*: error: .*\[frontmatter-invalid\]$'; }
@test "hostile: an alias bomb (10^10 nodes when expanded)" { hostile alias_bomb 1 '^2024-018\.md:1:1: error: .*\[field-required\]$'; }
@test "hostile: 300 anchors" { hostile many_anchors 1 '^2024-018\.md:3:.*too many anchors.*\[frontmatter-invalid\]$'; }
@test "hostile: lists nested 100,000 deep" { hostile deep_seq 1 '^2024-018\.md:3:.*nested too deeply.*\[frontmatter-invalid\]$'; }
@test "hostile: mappings nested 50,000 deep" { hostile deep_map 1 '^2024-018\.md:3:.*nested too deeply.*\[frontmatter-invalid\]$'; }
@test "hostile: 400,000 empty lists in the front matter" { hostile many_empty_lists 1 '^2024-018\.md:1:1: error: .*\[field-required\]$'; }
@test "hostile: 20,000 fields" { hostile many_keys 1 '^2024-018\.md:8:1: warning: .*\[field-unknown\]$'; }
@test "hostile: one field given 5,000 times" { hostile duplicate_keys 1 '^2024-018\.md:8:1: error: field .title. is given twice.*\[frontmatter-invalid\]$'; }
@test "hostile: a tab as indentation" { hostile tab_indent 1 '^2024-018\.md:4:1: error: .*tab.*\[frontmatter-invalid\]$'; }
@test "hostile: a tab inside a quoted value" { hostile tab_in_value 0 "$BESIDE_FINDING"; }
@test "hostile: invalid UTF-8 in the front matter" { hostile invalid_utf8_front 1 '^2024-018\.md:[0-9]+:[0-9]+: error: .*\[frontmatter-invalid\]$'; }
@test "hostile: invalid UTF-8 in the body" { hostile invalid_utf8_body 1 '^2024-018\.md:9:11: error: the text is not UTF-8 from this line on \(byte 0xC3.*\[encoding-invalid\]$'; }
@test "hostile: a NUL byte in the front matter" { hostile nul_front 1 '^2024-018\.md:3:9: error: .*NUL byte.*\[frontmatter-invalid\]$'; }
@test "hostile: a NUL byte in the body" { hostile nul_body 1 '^2024-018\.md:13:3: error: .*NUL byte.*\[frontmatter-invalid\]$'; }
@test "hostile: a UTF-8 byte-order mark" { hostile utf8_bom 0 "$BESIDE_FINDING"; }
@test "hostile: two UTF-8 byte-order marks" { hostile double_bom 0 "$BESIDE_FINDING"; }
@test "hostile: saved as UTF-16 (little-endian, with BOM)" { hostile utf16le 1 '^2024-018\.md:1:1: error: the file is saved as UTF-16 \(little-endian\); save it as UTF-8.*\[frontmatter-invalid\]$'; }
@test "hostile: saved as UTF-16 (big-endian, with BOM)" { hostile utf16be 1 '^2024-018\.md:1:1: error: the file is saved as UTF-16 \(big-endian\); save it as UTF-8.*\[frontmatter-invalid\]$'; }
@test "hostile: saved as UTF-32 (little-endian, with BOM)" { hostile utf32le 1 '^2024-018\.md:1:1: error: the file is saved as UTF-32 \(little-endian\).*\[frontmatter-invalid\]$'; }
@test "hostile: saved as UTF-32 (big-endian, with BOM)" { hostile utf32be 1 '^2024-018\.md:1:1: error: the file is saved as UTF-32 \(big-endian\).*\[frontmatter-invalid\]$'; }
@test "hostile: a UTF-16 note without front matter is reported, not skipped" { hostile utf16_no_front 1 '^notities\.md:1:1: error: the file is saved as UTF-16.*\[frontmatter-invalid\]$'; }
@test "hostile: UTF-16 without a byte-order mark" { hostile utf16_no_bom 1 '^2024-018\.md:1:2: error: .*NUL byte.*\[frontmatter-invalid\]$'; }
@test "hostile: an image named .md" { hostile png 1 '^logo\.md:3:1: error: .*binary data.*\[frontmatter-invalid\]$'; }
@test "hostile: old Mac line ends (CR only)" { hostile cr_only 0 "$BESIDE_FINDING"; }
@test "hostile: Windows line ends (CRLF)" { hostile crlf 0 "$BESIDE_FINDING"; }
@test "hostile: mixed line ends" { hostile mixed_line_ends 0 "$BESIDE_FINDING"; }
@test "hostile: a line of 1.2 MB" { hostile huge_line 0 "$BESIDE_FINDING"; }
@test "hostile: a value of 1.2 MB" { hostile huge_value 0 "$BESIDE_FINDING"; }
@test "hostile: 100,000 headings" { hostile many_headings 0 "$BESIDE_FINDING"; }
@test "hostile: 2,000 decision sections" { hostile many_besluit 0 '^2024-018\.md:[0-9]+:1: warning: .*\[section-duplicate\]$'; }
@test "hostile: a decision heading with 100,000 spaces and a letter" { hostile heading_spaces 1 '^2024-018\.md:9:1: error: .*Decision.*\[section-required\]$'; }
@test "hostile: a decision heading with 100,000 spaces and a colon" { hostile heading_spaces_colon 0 "$BESIDE_FINDING"; }
@test "hostile: a heading of 20,000 words" { hostile heading_words 0 '^2024-018\.md:11:1: warning: the section .bestuur bestuur .* has no content.*\[section-empty\]$'; }
@test "hostile: a heading numbered 1.1.1... 50,000 times" { hostile numbered_heading 0 '^2024-018\.md:11:1: warning: the section .1\.1\.1\..* has no content.*\[section-empty\]$'; }
@test "hostile: a record of 17 MB" { hostile too_large 1 '^2024-018\.md:1:1: error: the file is 17 MB, more than the limit of 16 MB.*\[file-too-large\]$'; }
@test "hostile: a record above a configured max-file-size" { hostile too_large_configured 1 '^2024-018\.md:1:1: error: the file is 2\.[0-9] KB, more than the limit of 1 KB.*\[file-too-large\]$'; }
@test "hostile: max-file-size that is not a size" { NO_BESIDE=1 hostile bad_max_size 2 '^clerk: \./\.clerk\.yml:1:16: .max-file-size. must be a size' --config ./.clerk.yml; }
# A symbolic link found in the walk is never read (it is no record of the set).
@test "hostile: a record that links to /dev/zero" { hostile zero_link 0 '^zz-beside\.md:3:5: warning: .*\[file-name\]$'; }
@test "hostile: /dev/zero named on the command line" { hostile zero_link 2 '^clerk: 2024-018\.md: not a regular file \(a character device\)$' 2024-018.md zz-beside.md; }
@test "hostile: a link to /dev/stdin named on the command line" { hostile stdin_link 2 '^clerk: 2024-018\.md: not a regular file' 2024-018.md zz-beside.md; }
@test "hostile: a FIFO named .md in a folder" { hostile fifo 2 '^clerk: 2024-018\.md: not a regular file \(a named pipe\)$'; }
@test "hostile: a FIFO named on the command line" { hostile fifo_named 2 '^clerk: pijp: not a regular file \(a named pipe\)$' pijp zz-beside.md; }
@test "hostile: .clerk.yml links to /dev/zero" { NO_BESIDE=1 hostile config_zero 2 '^clerk: \.clerk\.yml: cannot read: not a regular file \(a character device\)$'; }
@test "hostile: .clerk.yml is a FIFO" { NO_BESIDE=1 hostile config_fifo 2 '^clerk: \.clerk\.yml: cannot read: not a regular file \(a named pipe\)$'; }
@test "hostile: .clerk.yml is a folder" { NO_BESIDE=1 hostile config_folder 2 '^clerk: \.clerk\.yml: cannot read: not a regular file \(a folder\)$'; }
@test "hostile: .clerk.yml of 17 MB" { NO_BESIDE=1 hostile config_too_large 2 '^clerk: \.clerk\.yml: cannot read: the file is 17 MB, more than the limit of 16 MB$'; }
@test "hostile: .clerk.yml of 1.6 MB with 400,000 empty lists" { NO_BESIDE=1 hostile config_many_lists 2 "^clerk: \.clerk\.yml:2:1: unknown key 'foo'"; }
@test "hostile: a schema file that links to /dev/zero" { NO_BESIDE=1 hostile schema_zero 2 '^clerk: schemas/voorstel\.yml: cannot read schema: not a regular file \(a character device\)$'; }
@test "hostile: a schema file that is a FIFO" { NO_BESIDE=1 hostile schema_fifo 2 '^clerk: schemas/voorstel\.yml: cannot read schema: not a regular file \(a named pipe\)$'; }
@test "hostile: a schema file of 17 MB" { NO_BESIDE=1 hostile schema_too_large 2 '^clerk: schemas/voorstel\.yml: cannot read schema: the file is 17 MB'; }
@test "hostile: a schema file with 400,000 empty lists" { NO_BESIDE=1 hostile schema_many_lists 2 "^clerk: schemas/voorstel\.yml:2:1: unknown key 'x'"; }
@test "hostile: a schema pattern that backtracks, on 2,000 values" { hostile schema_slow_pattern 2 "^clerk: schemas/voorstel\.yml:5:31: this pattern takes too long to decide .* on a value in voorstel\.md;"; }
@test "hostile: an exclude glob with many stars, on long names" { hostile slow_glob 0 "$BESIDE_FINDING"; }
@test "hostile: a link to itself" { hostile symlink_loop 2 '^clerk: 2024-018\.md: Too many levels of symbolic links$'; }
@test "hostile: two links to each other" { hostile symlink_cycle 2 '^clerk: a\.md: Too many levels of symbolic links$'; }
@test "hostile: a folder link back up (not followed)" { hostile folder_loop 0 "$BESIDE_FINDING"; }
@test "hostile: a link to nothing" { hostile dangling 2 '^clerk: 2024-018\.md: No such file or directory$'; }
@test "hostile: an unreadable record" {
	[ "$(id -u)" -ne 0 ] || skip "root can read a file without read permission"
	hostile unreadable 2 '^clerk: 2024-018\.md: Permission denied$'
}
@test "hostile: a folder named like a record" { hostile folder_named_md 0 "$BESIDE_FINDING"; }
@test "hostile: a newline in a file name is escaped" { hostile newline_name 1 "^a\\\\nb\\.md:3:5: warning: the file is named 'a\\\\nb\\.md'.*\\[file-name\\]\$"; }
@test "hostile: an escape sequence in a file name is escaped" { hostile escape_name 1 "^\\\\x1b\\[2Jx\\.md:3:5: warning: the file is named '\\\\x1b\\[2Jx\\.md'.*\\[file-name\\]\$"; }
@test "hostile: quotes, spaces and a leading dash in a file name" { hostile odd_name 0 "^-- 'quote' \"dq\" \\\$x\.md:3:5: warning: .*\[file-name\]$"; }
@test "hostile: a file name of 253 characters" { hostile long_name 0 '^x{250}\.md:3:5: warning: .*\[file-name\]$'; }
@test "hostile: a record 100 folders deep" { hostile deep_folders 0 "$BESIDE_FINDING"; }
@test "hostile: a newline in a value cannot forge a finding" { hostile newline_value 1 '^2024-018\.md:3:5: error: .2024-018\\nx\.md:1:1: error: vervalst \[id-pattern\]. is not a valid id.*\[id-pattern\]$'; }
@test "hostile: an escape sequence in a value is escaped" { hostile escape_value 1 '^2024-018\.md:6:9: error: .*\\x1b\[31mrood\\x1b\[0m.*\[field-enum\]$'; }
@test "hostile: a right-to-left override in a value is escaped" { hostile bidi_value 1 '^2024-018\.md:6:9: error: .*adopted\\u\{202e\}.*\[field-enum\]$'; }
@test "hostile: a C1 control in a value is escaped" { hostile c1_value 1 '^2024-018\.md:6:9: error: .*x\\u\{009b\}31m.*\[field-enum\]$'; }

@test "hostile: a link to /dev/stdin on a pipe that never closes" {
	local writer
	valid_decision 2024-017 >zz-beside.md
	ln -s /dev/stdin 2024-018.md
	mkfifo "$BATS_TEST_TMPDIR/pipe"
	# The writer holds the pipe open (and leaves bats' own descriptors alone).
	sleep 300 >"$BATS_TEST_TMPDIR/pipe" 2>/dev/null 3>&- &
	writer=$!
	run timeout "$TIMEOUT" "$CLERK" check 2024-018.md zz-beside.md <"$BATS_TEST_TMPDIR/pipe"
	kill "$writer"
	[ "$status" -eq 2 ]
	[ "${lines[0]}" = "clerk: 2024-018.md: not a regular file (a named pipe)" ]
	printf '%s\n' "$output" | grep -Eq "$BESIDE_FINDING"
}

@test "hostile: output that cannot be written is an error of every command" {
	local c
	for c in rules help version "check --help" "check"; do
		valid_decision 2024-017 >2024-017.md
		# shellcheck disable=SC2086
		run "$CLERK" $c
		[ "$status" -eq 0 ] || { echo "clerk $c: $status" >&2; return 1; }
		run sh -c "\"\$0\" $c >/dev/full" "$CLERK"
		[ "$status" -eq 2 ] || { echo "clerk $c >/dev/full: exit $status" >&2; return 1; }
		[[ "$output" == *"clerk: cannot write the output: No space left on device"* ]]
		run sh -c "\"\$0\" $c >&-" "$CLERK"
		[ "$status" -eq 2 ] || { echo "clerk $c >&-: exit $status" >&2; return 1; }
		[[ "$output" == *"clerk: cannot write the output:"* ]]
	done
}
