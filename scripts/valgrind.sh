#!/bin/sh
# valgrind.sh - plays one script of each mode (scripts/check-plays.sh) under valgrind's
# memcheck, each in its own scratch home under build/valgrind/ with SDL's dummy video and audio
# drivers and the software renderer. Prints the errors and the bytes definitely lost of each;
# fails when a play has an error, a definite leak or a failed expect, or did not save.
# `make valgrind` runs it on the release build.
# Usage: sh scripts/valgrind.sh [BINARY]   (default build/quizdeck)
set -u
cd "$(dirname "$0")/.."

bin=${1:-build/quizdeck}
# errors of system libraries, if any ever need it (each entry says why); none of quizdeck's
suppress=""
[ -f tests/valgrind.supp ] && suppress=--suppressions=tests/valgrind.supp
root=$(pwd)/build/valgrind
# memcheck's exit status for errors and definite leaks: none of the game's own (0 to 4)
vg_status=99

command -v valgrind >/dev/null 2>&1 || {
    echo "valgrind: not installed (sh scripts/deps.sh valgrind)" >&2
    exit 1
}
[ -x "$bin" ] || {
    echo "valgrind: no $bin: build it first" >&2
    exit 1
}
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
        valgrind --tool=memcheck --leak-check=full --errors-for-leak-kinds=definite \
        --error-exitcode=$vg_status $suppress --log-file="$home/memcheck.log" \
        "$bin" --window 1024x768 --script "tests/scripts/$script" "$@" >"$home/out.txt" 2>&1
    rc=$?
    took=$(($(date +%s) - start))
    errors=$(sed -n 's/.*ERROR SUMMARY: \([0-9,]*\) errors.*/\1/p' "$home/memcheck.log" | tr -d ,)
    lost=$(sed -n 's/.*definitely lost: \([0-9,]*\) bytes.*/\1/p' "$home/memcheck.log" | tr -d ,)
    # with nothing left at exit memcheck prints no leak summary at all
    if [ -z "$lost" ] && grep -q 'All heap blocks were freed' "$home/memcheck.log"; then
        lost=0
    fi
    printf 'valgrind: %-10s %s errors, %s bytes definitely lost (%s s)\n' "$name" \
        "${errors:-?}" "${lost:-?}" "$took"
    if [ "$rc" -ne 0 ] || [ "${errors:-x}" != 0 ] || [ "${lost:-x}" != 0 ]; then
        status=1
        if [ "$rc" -eq "$vg_status" ] || [ "${errors:-x}" != 0 ] || [ "${lost:-x}" != 0 ]; then
            echo "valgrind: $name: memcheck found problems ($home/memcheck.log):" >&2
            grep -v '^==[0-9]*== *$' "$home/memcheck.log" | head -n 300 >&2
        else
            echo "valgrind: $name: the game exited with status $rc:" >&2
        fi
        cat "$home/out.txt" >&2
    fi
}

plays
plays_saved "$root" || status=1
[ $status -eq 0 ] && echo "valgrind: every play clean"
exit $status
