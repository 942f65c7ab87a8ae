#!/usr/bin/env bats
# clerk lsp: a language server, driven by a real client over stdio
# (tests/tools/lsp_client.py: JSON-RPC with Content-Length framing).

load helper

@test "a whole editing session: open, a broken reference, a code action, hover, definition, completion, shutdown" {
	run python3 "$REPO/tests/tools/lsp_session.py" "$CLERK"
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"lsp session: every step held"* ]]
}

@test "what an editor should not send is answered, and the server goes on" {
	run python3 "$REPO/tests/tools/lsp_session.py" "$CLERK" --robust
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"lsp robustness: every message answered, no crash"* ]]
}

@test "every line of every example record: hover, definition, completion and code actions answered" {
	for set in broken records; do
		run python3 "$REPO/tests/tools/lsp_session.py" "$CLERK" --examples "$REPO/examples/$set"
		echo "$output"
		[ "$status" -eq 0 ]
		[[ "$output" == *"lsp examples: "*" records, "*" requests answered"* ]]
	done
}

@test "input that ends without shutdown: exit code 1; a header with no end: exit code 1" {
	run "$CLERK" lsp </dev/null
	[ "$status" -eq 1 ]
	[ -z "$output" ]
	run bash -c 'head -c 20000 /dev/zero | tr "\0" "x" | "$0" lsp' "$CLERK"
	[ "$status" -eq 1 ]
	# a body shorter than its Content-Length, then the end
	run bash -c 'printf "Content-Length: 99999999999\r\n\r\n{}" | "$0" lsp' "$CLERK"
	[ "$status" -eq 1 ]
}

@test "lsp --help, --stdio, and an unknown option" {
	run "$CLERK" lsp --help
	[ "$status" -eq 0 ]
	[[ "$output" == "usage: clerk lsp [--stdio]"* ]]
	run "$CLERK" lsp --stdio </dev/null
	[ "$status" -eq 1 ]
	run "$CLERK" lsp --tcp
	[ "$status" -eq 2 ]
	[[ "$output" == *"unknown option '--tcp'; see 'clerk lsp --help'"* ]]
}
