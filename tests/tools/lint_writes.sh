#!/bin/sh
# lint_writes.sh - one write path: only src/wfile.c may rename, link, make
# temporaries or create files. Everything else in src/ and cmd/ writes
# through wfile.h (see its header). Checks the repository at $1 (default:
# this one). Prints each offending line and exits 1
# when there is one; comments are not code and are skipped.
cd "${1:-$(dirname "$0")/../..}" || exit 2
pattern='(^|[^_a-z])(rename|renameat|renameat2|link|linkat|symlink|mkstemp|mkostemp|mkstemps|tmpfile|creat)[[:space:]]*\(|O_CREAT|O_TMPFILE|fopen[[:space:]]*\([^;]*"[wa]|freopen[[:space:]]*\('
found=$(grep -nE "$pattern" src/*.c src/*.h cmd/*.c cmd/*.h |
	grep -v '^src/wfile\.c:' |
	grep -vE '^[^:]+:[0-9]+:[[:space:]]*(/?\*|//)')
if [ -n "$found" ]; then
	printf '%s\n' "$found"
	echo "lint: write files through wfile.h (wfile_create, wfile_replace, wfile_output, wfile_txn_*), not with the calls above" >&2
	exit 1
fi
