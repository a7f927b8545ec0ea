#!/bin/sh
# sanitize-run.sh - plays one script of each mode (scripts/check-plays.sh) with the
# ASan+UBSan build of the game (`make DEBUG=1`, build/debug/quizdeck), LeakSanitizer on, each in
# its own scratch home under build/sanitize/ with SDL's dummy drivers. Fails on any sanitizer
# report (a leak, a bad access, undefined behaviour), a failed expect, or a play that did not
# save. For CI: it builds what it needs.
# Usage: sh scripts/sanitize-run.sh [BINARY]   (default: build and use build/debug/quizdeck)
set -u
cd "$(dirname "$0")/.."

if [ $# -gt 0 ]; then
    bin=$1
else
    bin=build/debug/quizdeck
    make --no-print-directory DEBUG=1 "$bin" >/dev/null || exit 1
fi
root=$(pwd)/build/sanitize
# leaks of system libraries, if any ever need it (each entry says why); none of quizdeck's
lsan=""
[ -f tests/lsan.supp ] && lsan="suppressions=$(pwd)/tests/lsan.supp"
rm -rf "$root"
status=0
. scripts/check-plays.sh

# play NAME SCRIPT ARGS...: one run of the game on tests/scripts/SCRIPT.
play() {
    name=$1
    script=$2
    shift 2
    home=$root/$name
    mkdir -p "$home/data" "$home/config" "$home/run"
    chmod 700 "$home/run"
    start=$(date +%s)
    env SDL_VIDEODRIVER=dummy SDL_RENDER_DRIVER=software SDL_AUDIODRIVER=dummy \
        XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" XDG_RUNTIME_DIR="$home/run" \
        ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=1" \
        LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}$lsan" \
        UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}print_stacktrace=1" \
        "$bin" --window 1024x768 --script "tests/scripts/$script" "$@" >"$home/out.txt" 2>&1
    rc=$?
    took=$(($(date +%s) - start))
    if [ "$rc" -eq 0 ] && ! grep -q 'Sanitizer\|runtime error' "$home/out.txt"; then
        printf 'sanitize: %-10s clean (%s s)\n' "$name" "$took"
        return
    fi
    printf 'sanitize: %-10s FAILED with status %s (%s s):\n' "$name" "$rc" "$took" >&2
    cat "$home/out.txt" >&2
    status=1
}

plays
plays_saved "$root" || status=1
[ $status -eq 0 ] && echo "sanitize: every play clean (leak detection on)"
exit $status
