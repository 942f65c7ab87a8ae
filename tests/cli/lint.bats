#!/usr/bin/env bats
# lint.bats - the checks of `make lint` that are our own: no call cycle
# between source files, and no bats assertion that can never fail.

load helper

@test "call-cycles: the library has no call cycle between its source files" {
	local build
	build="$(dirname "${CLERK_REAL:-$CLERK}")"
	cd "$REPO"
	run tests/tools/call-cycles "$build" src
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}

@test "call-cycles: two files that call each other are a cycle, a chain is not" {
	mkdir -p src build
	printf 'int b(int);\nint a(int n) { return n ? b(n - 1) : 0; }\n' >src/a.c
	printf 'int a(int);\nint b(int n) { return n ? a(n - 1) : 1; }\n' >src/b.c
	printf 'int a(int);\nint c(void) { return a(3); }\n' >src/c.c
	for f in a b c; do cc -c -o "build/$f.o" "src/$f.c"; done
	run "$REPO/tests/tools/call-cycles" build src
	[ "$status" -eq 1 ]
	[ "$output" = "call cycle: a -> b -> a" ]
	# Without the call back, a chain c -> a -> b passes.
	printf 'int b(int n) { return n; }\n' >src/b.c
	cc -c -o build/b.o src/b.c
	run "$REPO/tests/tools/call-cycles" build src
	[ "$status" -eq 0 ]
}

@test "bare-bang: a bare ! before a test's last line is found, at its end it is not" {
	printf '@test "x" {\n\t! false\n\ttrue\n}\n\n@test "y" {\n\ttrue\n\t! false\n}\n' >t.bats
	run "$REPO/tests/tools/bare-bang" t.bats
	[ "$status" -eq 1 ]
	[ "$output" = 't.bats:2: a bare "!" before the end of a test can never fail; use "run !" or check $status' ]
	# A ! that continues a condition is a condition.
	printf '@test "z" {\n\tif true &&\n\t\t! false; then\n\t\ttrue\n\tfi\n\ttrue\n}\n' >u.bats
	run "$REPO/tests/tools/bare-bang" u.bats
	[ "$status" -eq 0 ]
	cd "$REPO"
	run tests/tools/bare-bang tests/cli/*.bats
	[ "$status" -eq 0 ]
}
