#!/bin/sh
# Dependency step for `make run` and `make test`: checks what the build needs through
# pkg-config and the PATH, and installs what is missing from Debian's archive.
# `sh scripts/deps.sh bench` (for `make bench`) also checks the benchmark's tools;
# `sh scripts/deps.sh fuzz` (for `make fuzz`) clang and libFuzzer's runtime;
# `sh scripts/deps.sh valgrind` (for `make valgrind`) valgrind.
# As root it runs apt-get; otherwise it prints the exact command and fails.
set -u

# pkg-config module -> Debian package
PC_MODULES="sdl2:libsdl2-dev SDL2_ttf:libsdl2-ttf-dev libpng:libpng-dev inih:libinih-dev libutf8proc:libutf8proc-dev cmocka:libcmocka-dev"
# command -> Debian package
COMMANDS="cc:build-essential make:make pkg-config:pkg-config"
# with `bench`: what scripts/bench.sh runs (KWordQuiz is the comparison)
if [ "${1:-}" = bench ]; then
    COMMANDS="$COMMANDS Xvfb:xvfb xdotool:xdotool xev:x11-utils xdpyinfo:x11-utils stdbuf:coreutils kwordquiz:kwordquiz"
fi
# with `fuzz`: clang 14 and its libFuzzer runtime (libclang_rt.fuzzer), found by clang itself
FUZZ_RUNTIME=""
if [ "${1:-}" = fuzz ]; then
    COMMANDS="$COMMANDS clang-14:clang-14"
    FUZZ_RUNTIME=libclang-rt-14-dev
fi
if [ "${1:-}" = valgrind ]; then
    COMMANDS="$COMMANDS valgrind:valgrind"
fi

missing=""
add() {
    case " $missing " in
        *" $1 "*) ;;
        *) missing="${missing:+$missing }$1" ;;
    esac
}

for pair in $COMMANDS; do
    cmd=${pair%%:*}
    pkg=${pair#*:}
    command -v "$cmd" >/dev/null 2>&1 || add "$pkg"
done
# a compiler without the C library's headers (gcc installed without its recommends)
[ -f /usr/include/stdio.h ] || add libc6-dev
for pair in $PC_MODULES; do
    mod=${pair%%:*}
    pkg=${pair#*:}
    if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists "$mod"; then
        add "$pkg"
    fi
done

if [ -n "$FUZZ_RUNTIME" ]; then
    rt=""
    command -v clang-14 >/dev/null 2>&1 && rt=$(clang-14 -print-file-name=libclang_rt.fuzzer-x86_64.a 2>/dev/null)
    case "$rt" in
        /*) [ -f "$rt" ] || add "$FUZZ_RUNTIME" ;;
        *) add "$FUZZ_RUNTIME" ;;
    esac
fi

[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
    echo "deps: installing $missing"
    apt-get update -q || exit 1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing || exit 1
    exit 0
fi

echo "deps: missing packages: $missing" >&2
echo "deps: run this, then try again:" >&2
echo "    sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing" >&2
exit 1
