#!/bin/sh
# Runs every cmocka test program given, from the repository root, then prints one overall line
# ("tests: N passed, N failed") summed from cmocka's own summaries. Fails when any program fails
# or crashes (a leak LeakSanitizer finds at exit is a crash).
# LeakSanitizer on in every test program, whatever ASAN_OPTIONS the caller has (the last
# setting of an option wins)
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=1"
export ASAN_OPTIONS
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
passed=0
failed=0
for t in "$@"; do
    "$t" >"$log" 2>&1
    rc=$?
    cat "$log"
    p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test(s)\..*/\1/p' "$log" | awk '{s += $1} END {print s + 0}')
    f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test(s).*/\1/p' "$log" | awk '{s += $1} END {print s + 0}')
    passed=$((passed + p))
    failed=$((failed + f))
    if [ "$rc" -ne 0 ]; then
        status=1
        [ "$f" -eq 0 ] && failed=$((failed + 1)) # crashed before cmocka could count
        echo "FAILED: $t exited with status $rc" >&2
    fi
done
echo "tests: $passed passed, $failed failed"
exit $status
