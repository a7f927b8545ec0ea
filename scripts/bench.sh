#!/bin/sh
# Performance report behind `make bench`: start-up, memory and CPU of quizdeck on its own Xvfb
# display next to KWordQuiz, a 4K frame, and pack loading against a bare inih parse.
# It reports and never fails: what it cannot measure is printed as "n/a (reason)".
#
# usage: sh scripts/bench.sh [--runs N] [QUIZDECK [BENCH_LOAD]]
#   defaults: build/quizdeck and build/bench/bench_load; N (default 7, or $BENCH_RUNS) runs of
#   each measurement; $BENCH_CPU_SECONDS (default 10) is the length of each CPU sample.
set -u

RUNS=${BENCH_RUNS:-7}
CPU_SECONDS=${BENCH_CPU_SECONDS:-10}
if [ "${1:-}" = --runs ]; then
    RUNS=${2:-7}
    shift 2
fi
BIN=${1:-build/quizdeck}
LOAD=${2:-build/bench/bench_load}
case $RUNS in '' | *[!0-9]* | 0) echo "bench: --runs wants a positive number" >&2; exit 2 ;; esac

WORK=$(mktemp -d "${TMPDIR:-/tmp}/quizdeck-bench.XXXXXX") || exit 1
XVFB_PID=""
APP_PID=""
cleanup() {
    [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null
    [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now_ns() { date +%s%N; }

# median of the numbers on stdin (one per line); "n/a" when there are none
median() {
    sort -n | awk '{ v[NR] = $1 }
        END { if (NR == 0) print "n/a";
              else if (NR % 2) print v[(NR + 1) / 2];
              else printf "%.10g\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# A fresh home, so that no saved settings, first-run dialog or session restore interferes.
fresh_home() {
    rm -rf "${WORK:?}/home"
    mkdir -p "$WORK/home/.config" "$WORK/home/.local/share" "$WORK/home/.cache" "$WORK/home/run"
    chmod 700 "$WORK/home/run"
}
# (env execs the program, so that $! of `in_fresh_home ... &` is the program's own pid)
in_fresh_home() {
    exec env HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" \
        XDG_DATA_HOME="$WORK/home/.local/share" XDG_CACHE_HOME="$WORK/home/.cache" \
        XDG_RUNTIME_DIR="$WORK/home/run" "$@"
}

# ---- the display ---------------------------------------------------------------------------
start_xvfb() {
    command -v Xvfb >/dev/null 2>&1 || return 1
    d=97
    while [ -e "/tmp/.X$d-lock" ] || [ -e "/tmp/.X11-unix/X$d" ]; do
        d=$((d + 1))
        [ $d -gt 150 ] && return 1
    done
    Xvfb ":$d" -screen 0 1920x1080x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
    XVFB_PID=$!
    DISPLAY=":$d"
    export DISPLAY
    i=0
    while ! xdpyinfo >/dev/null 2>&1; do
        i=$((i + 1))
        [ $i -gt 100 ] && return 1
        sleep 0.05
    done
    # Every window mapped on this display, with the time it was mapped (xev sees MapNotify on
    # the root window at once; the stamp costs one `date`, about a millisecond).
    stdbuf -oL xev -root -event substructure 2>/dev/null | {
        map=0
        while IFS= read -r line; do
            case $line in
                MapNotify*) map=1 ;;
                *"window 0x"*)
                    if [ $map = 1 ]; then
                        w=${line#*window }
                        echo "$(now_ns) ${w%%,*}"
                    fi
                    map=0
                    ;;
                *) map=0 ;;
            esac
        done
    } >"$WORK/maps" &
    sleep 0.3
    return 0
}

# launch NAME CMD...: starts CMD in a fresh home, sets APP_PID and START_NS
launch() {
    name=$1
    shift
    fresh_home
    START_NS=$(now_ns)
    (in_fresh_home "$@" </dev/null >"$WORK/$name.log" 2>&1) &
    APP_PID=$!
}

# Waits (up to 30 s) for APP_PID's first visible window; sets MAPPED_MS to the time from launch
# to its MapNotify. Returns 1 when the program exits or shows no window.
wait_mapped() {
    MAPPED_MS=""
    i=0
    while :; do
        kill -0 "$APP_PID" 2>/dev/null || return 1
        w=$(xdotool search --onlyvisible --pid "$APP_PID" 2>/dev/null | head -n 1)
        [ -n "$w" ] && break
        i=$((i + 1))
        [ $i -gt 600 ] && return 1
        sleep 0.05
    done
    hex=$(printf '0x%x' "$w")
    # X reuses window ids from one client to the next: look only at maps after the launch
    t=$(awk -v w="$hex" -v s="$START_NS" '$2 == w && $1 >= s { print $1; exit }' "$WORK/maps")
    [ -n "$t" ] || t=$(awk -v s="$START_NS" '$1 >= s { print $1; exit }' "$WORK/maps")
    [ -n "$t" ] || return 1
    MAPPED_MS=$(awk -v a="$START_NS" -v b="$t" 'BEGIN { printf "%.1f", (b - a) / 1e6 }')
}

stop_app() {
    kill "$APP_PID" 2>/dev/null
    wait "$APP_PID" 2>/dev/null
    APP_PID=""
}

# peak resident memory of APP_PID so far, in MB
peak_mb() {
    awk '/^VmHWM:/ { printf "%.1f", $2 / 1024 }' "/proc/$APP_PID/status" 2>/dev/null
}

# user + system CPU time of APP_PID, in clock ticks
cpu_ticks() {
    awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$APP_PID/stat" 2>/dev/null
}

# Percent of one core that APP_PID uses over the next CPU_SECONDS.
cpu_percent() {
    a=$(cpu_ticks)
    sleep "$CPU_SECONDS"
    b=$(cpu_ticks)
    [ -n "$a" ] && [ -n "$b" ] || return 1
    awk -v a="$a" -v b="$b" -v hz="$(getconf CLK_TCK)" -v s="$CPU_SECONDS" \
        'BEGIN { printf "%.2f", (b - a) / hz / s * 100 }'
}

ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { if (a == "n/a" || b == "n/a" || b == 0) print "n/a";
                                     else printf "%.2f", a / b }'
}

row() { printf '  %-50s %s\n' "$1" "$2"; }

# ---- what this build of the game offers -------------------------------------------------------
HELP=$("$BIN" --help 2>&1)
has() { printf '%s' "$HELP" | grep -q -e "$1"; }
WINDOW=""
has --window && WINDOW="--window 1280x800"
QD_REASON=""
[ -x "$BIN" ] || QD_REASON="no $BIN (run make)"

echo "quizdeck benchmark: medians of $RUNS runs on $(uname -m), $(nproc) cores"
echo "method:"
echo "  display  a private Xvfb (1920x1080x24), no window manager; each program starts in a"
echo "           fresh HOME and XDG folders (no saved settings, first-run dialog or session)"
echo "  start    launch to the MapNotify of the program's first visible window (xev on the"
echo "           root window stamps each map with date +%s%N: about 1 ms resolution)"
echo "  memory   VmHWM (peak resident set) from /proc/PID/status 2 s after the window mapped"
echo "  cpu      utime+stime from /proc/PID/stat over ${CPU_SECONDS} s, after 2 s to settle, as %"
echo "           of one core (tick $(getconf CLK_TCK) Hz: resolution $(awk -v s="$CPU_SECONDS" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", 100 / hz / s }') %)"
echo "  4K frame quizdeck --bench-draw 60 --window 3840x2160 on the same display"
echo "  load     tests/bench/bench_load: a generated 10,000-question pack (all six types),"
echo "           pack_load_file against inih's ini_parse with an empty handler"
echo

if ! start_xvfb; then
    XREASON="n/a (no Xvfb display: install with sh scripts/deps.sh bench)"
else
    XREASON=""
fi

# ---- 1 and 2: start-up and memory -----------------------------------------------------------
qd_start=""
qd_mem=""
gpu_mem=""
kq_start=""
kq_mem=""
qd_fail=""
gpu_fail=""
kq_fail=""
GPU_OK=0
has --renderer && GPU_OK=1
KQ=$(command -v kwordquiz 2>/dev/null)
if [ -z "$XREASON" ]; then
    r=0
    while [ $r -lt "$RUNS" ]; do
        r=$((r + 1))
        if [ -z "$QD_REASON" ]; then
            # shellcheck disable=SC2086
            launch quizdeck env SDL_VIDEODRIVER=x11 "$BIN" $WINDOW
            if wait_mapped; then
                qd_start="$qd_start $MAPPED_MS"
            else
                qd_fail="no window appeared ($(tail -n 1 "$WORK/quizdeck.log"))"
                QD_REASON=$qd_fail # do not wait for it again
            fi
            stop_app
        fi
        if [ -n "$KQ" ]; then
            launch kwordquiz env QT_QPA_PLATFORM=xcb "$KQ"
            if wait_mapped; then
                kq_start="$kq_start $MAPPED_MS"
                sleep 2
                kq_mem="$kq_mem $(peak_mb)"
            else
                kq_fail="no window appeared ($(tail -n 1 "$WORK/kwordquiz.log"))"
                KQ=""
            fi
            stop_app
        fi
        if [ -z "$QD_REASON" ] && [ $GPU_OK = 1 ]; then
            # shellcheck disable=SC2086
            launch gpu env SDL_VIDEODRIVER=x11 "$BIN" $WINDOW --renderer gpu
            if wait_mapped; then
                sleep 2
                gpu_mem="$gpu_mem $(peak_mb)"
            else
                gpu_fail="no window appeared ($(tail -n 1 "$WORK/gpu.log"))"
                GPU_OK=0
            fi
            stop_app
        fi
    done
fi

# ---- 3: CPU on the title screen and with a countdown (and the default path's memory) --------
idle=""
play=""
play_fail=""
if [ -z "$XREASON" ] && [ -z "$QD_REASON" ]; then
    r=0
    while [ $r -lt "$RUNS" ]; do
        r=$((r + 1))
        # shellcheck disable=SC2086
        launch title env SDL_VIDEODRIVER=x11 "$BIN" $WINDOW
        if wait_mapped; then
            sleep 2
            qd_mem="$qd_mem $(peak_mb)"
            idle="$idle $(cpu_percent)"
        fi
        stop_app
        if [ -z "$play_fail" ] && has --play; then
            # shellcheck disable=SC2086
            launch play env SDL_VIDEODRIVER=x11 "$BIN" --play $WINDOW
            if wait_mapped; then
                sleep 2
                play="$play $(cpu_percent)"
            else
                play_fail="no window appeared ($(tail -n 1 "$WORK/play.log"))"
            fi
            stop_app
        fi
    done
fi

# the value of KEY in the --bench-draw output
drawn() { awk -v k="$1" '$1 == k { print $2; exit }' "$WORK/draw.out"; }

# ---- 4: a 4K frame --------------------------------------------------------------------------
draw_med=""
draw_max=""
glyph_first=""
glyph_same=""
draw_fail=""
if [ -n "$QD_REASON" ]; then
    draw_fail=$QD_REASON
elif ! has --bench-draw; then
    draw_fail="this build has no --bench-draw"
else
    if [ -n "$XREASON" ]; then
        drv=offscreen # no display: SDL's offscreen driver still draws every pixel
    else
        drv=x11
    fi
    r=0
    while [ $r -lt "$RUNS" ]; do
        r=$((r + 1))
        fresh_home
        if (in_fresh_home env SDL_VIDEODRIVER=$drv "$BIN" --bench-draw 60 --window 3840x2160 \
            </dev/null >"$WORK/draw.out" 2>"$WORK/draw.log"); then
            draw_med="$draw_med $(drawn draw_ms_median)"
            draw_max="$draw_max $(drawn draw_ms_max)"
            glyph_first="$glyph_first $(drawn glyphs_first_frame)"
            glyph_same="$glyph_same $(drawn glyphs_unchanged_frame)"
        else
            draw_fail="--bench-draw failed ($(tail -n 1 "$WORK/draw.log"))"
        fi
    done
fi

# ---- 5: pack loading ------------------------------------------------------------------------
load_ms="n/a"
ini_ms="n/a"
load_ratio="n/a"
load_fail=""
if [ ! -x "$LOAD" ]; then
    load_fail="no $LOAD (make bench builds it)"
elif "$LOAD" >"$WORK/load.out" 2>"$WORK/load.log"; then
    load_ms=$(awk '$1 == "load_ms_median" { print $2 }' "$WORK/load.out")
    ini_ms=$(awk '$1 == "ini_ms_median" { print $2 }' "$WORK/load.out")
    load_ratio=$(awk '$1 == "ratio" { print $2 }' "$WORK/load.out")
else
    load_fail="bench_load failed ($(tail -n 1 "$WORK/load.log"))"
fi

# ---- the report -----------------------------------------------------------------------------
# the space-separated words of $1, one a line
words() { printf '%s\n' "$1" | tr ' ' '\n' | grep -v '^$'; }

# value NUMBERS REASON UNIT [FORMAT]: the median in FORMAT (%.1f) with its unit, or "n/a (REASON)"
value() {
    m=$(words "$1" | median)
    if [ "$m" = n/a ]; then
        echo "n/a (${2:-not measured})"
    else
        # shellcheck disable=SC2059
        echo "$(printf "${4:-%.1f}" "$m")$3"
    fi
}
maxof() { words "$1" | sort -n | tail -n 1; }

qd_why=${QD_REASON:-${XREASON:-$qd_fail}}
kq_why=${XREASON:-${kq_fail:-kwordquiz is not installed (sh scripts/deps.sh bench)}}
gpu_why=${QD_REASON:-${XREASON:-${gpu_fail:-this build has no --renderer}}}
play_why=${QD_REASON:-${XREASON:-${play_fail:-this build has no --play}}}

qs=$(words "$qd_start" | median)
ks=$(words "$kq_start" | median)
echo "start to a mapped window (1280x800)"
row "quizdeck" "$(value "$qd_start" "$qd_why" " ms")"
row "kwordquiz" "$(value "$kq_start" "$kq_why" " ms")"
row "quizdeck / kwordquiz (target <= 0.25)" "$(ratio "$qs" "$ks")"
echo "peak memory (VmHWM) 2 s after the window mapped (target < 30 MB)"
row "quizdeck, default (software) renderer" "$(value "$qd_mem" "$qd_why" " MB")"
row "quizdeck --renderer gpu" "$(value "$gpu_mem" "$gpu_why" " MB")"
row "kwordquiz" "$(value "$kq_mem" "$kq_why" " MB")"
echo "CPU, % of one core over ${CPU_SECONDS} s"
row "title screen, idle (target < 1 %)" "$(value "$idle" "$qd_why" " %" %.2f)"
row "quiz with a countdown running (--play)" "$(value "$play" "$play_why" " %" %.2f)"
echo "a 4K frame (3840x2160), 60 frames a run (target < 16 ms)"
row "draw time, median" "$(value "$draw_med" "$draw_fail" " ms" %.2f)"
if [ -n "$draw_max" ]; then
    row "draw time, slowest frame of any run" "$(printf %.2f "$(maxof "$draw_max")") ms"
else
    row "draw time, slowest frame of any run" "n/a ($draw_fail)"
fi
row "glyph rasterisations, first frame" "$(value "$glyph_first" "$draw_fail" "" %.0f)"
row "glyph rasterisations, unchanged frame (target 0)" "$(value "$glyph_same" "$draw_fail" "" %.0f)"
echo "loading a generated 10,000-question pack (median of 15 loads)"
if [ -n "$load_fail" ]; then
    row "pack_load_file" "n/a ($load_fail)"
else
    row "pack_load_file" "$(printf %.1f "$load_ms") ms"
    row "bare inih parse (ini_parse, empty handler)" "$(printf %.1f "$ini_ms") ms"
    row "ratio (target <= 2)" "$load_ratio"
fi
exit 0
