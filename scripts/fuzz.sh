#!/bin/sh
# The fuzzing step of `make fuzz`: runs each libFuzzer harness of tests/fuzz/ for SECONDS,
# JOBS at a time, seeded from what tests/fuzz/seeds.list names, then prints one line per
# harness (executions, coverage, corpus, findings) and the reproducers found. Fails when any
# harness found a crash, a leak, a timeout or ran out of memory (tests/fuzz/README.md).
#
#   sh scripts/fuzz.sh SECONDS JOBS NAME...      (from the repository root)
#
# build/fuzz/fuzz_NAME     the harness (built by `make fuzz-build`)
# build/fuzz/corpus/NAME/  the corpus, kept between runs (libFuzzer adds what is new)
# build/fuzz/seeds/NAME/   the seeds, copied afresh each run
# build/fuzz/findings/NAME/  reproducers (those of earlier runs stay; only new ones count)
# build/fuzz/logs/NAME.log   libFuzzer's output
set -u

FUZZ=build/fuzz
MAX_LEN=65536

# Copies every seed of harness $1 into $2: the sources of its line in seeds.list, its own
# seeds and the reproducers of fixed findings. File names keep their folder, so none clash.
collect_seeds() {
    name=$1
    out=$2
    sources=$(awk -v n="$name" '$1 == n { for (i = 3; i <= NF; i++) print $i }' \
        tests/fuzz/seeds.list)
    for src in $sources "tests/fuzz/seeds/$name" "tests/fuzz/regressions/$name"; do
        if [ -d "$src" ]; then
            for f in "$src"/*; do
                [ -f "$f" ] && cp "$f" "$out/$(echo "$f" | tr / _)"
            done
        elif [ -f "$src" ]; then
            cp "$src" "$out/$(echo "$src" | tr / _)"
        fi
    done
}

# The reproducers harness $1 wrote in its last run.
new_findings() {
    find "$FUZZ/findings/$1" -type f -newer "$FUZZ/findings/$1/.start" \( -name 'crash-*' \
        -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) 2>/dev/null | sort
}

# Runs harness $2 for $1 seconds and writes its summary line to build/fuzz/logs/NAME.result.
run_one() {
    seconds=$1
    name=$2
    bin=$FUZZ/fuzz_$name
    corpus=$FUZZ/corpus/$name
    seeds=$FUZZ/seeds/$name
    findings=$FUZZ/findings/$name
    # the harnesses that load saved files write them to a scratch folder: in memory when the
    # system has a tmpfs at /dev/shm (twice as fast), else under build/
    if [ -d /dev/shm ] && [ -w /dev/shm ]; then
        tmp=$(mktemp -d /dev/shm/quizdeck-fuzz-"$name".XXXXXX)
    else
        tmp=$FUZZ/tmp/$name
    fi
    log=$FUZZ/logs/$name.log
    result=$FUZZ/logs/$name.result
    rm -rf "$seeds" "$FUZZ/tmp/$name"
    mkdir -p "$corpus" "$seeds" "$findings" "$tmp" "$FUZZ/logs"
    touch "$findings/.start" # reproducers newer than this are this run's
    collect_seeds "$name" "$seeds"
    dict=$(awk -v n="$name" '$1 == n { print $2 }' tests/fuzz/seeds.list)
    set --
    if [ -n "$dict" ] && [ "$dict" != - ]; then
        set -- "-dict=tests/fuzz/$dict"
    fi
    TMPDIR=$tmp UBSAN_OPTIONS=print_stacktrace=1 "$bin" "$@" \
        -max_total_time="$seconds" -max_len=$MAX_LEN -timeout=10 -rss_limit_mb=2048 \
        -detect_leaks=1 -print_final_stats=1 -artifact_prefix="$findings/" \
        "$corpus" "$seeds" >"$log" 2>&1
    rc=$?
    rm -rf "$tmp"
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    last=$(grep ' cov: ' "$log" | tail -n 1)
    cov=$(echo "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
    ft=$(echo "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
    files=$(find "$corpus" -type f | wc -l)
    found=$(new_findings "$name" | wc -l)
    note=""
    if [ "$rc" -eq 72 ] && [ "$found" -eq 0 ]; then
        found=1 # libFuzzer's code for SIGINT or SIGTERM: the run is incomplete
        note="  (interrupted, exit $rc)"
    elif [ "$rc" -ne 0 ] && [ "$found" -eq 0 ]; then
        found=1 # it stopped without leaving a reproducer: the log says why
        note="  (exit $rc, see $log)"
    fi
    printf '%-10s execs %10s  cov %5s  ft %6s  corpus %6s  findings %s%s\n' "$name" \
        "${execs:-?}" "${cov:-?}" "${ft:-?}" "$files" "$found" "$note" >"$result"
}

if [ "${1:-}" = --one ]; then
    run_one "$2" "$3"
    exit 0
fi

if [ $# -lt 3 ]; then
    echo "usage: sh scripts/fuzz.sh SECONDS JOBS NAME..." >&2
    exit 2
fi
seconds=$1
jobs=$2
shift 2
for name in "$@"; do
    if [ ! -x "$FUZZ/fuzz_$name" ]; then
        echo "fuzz: $FUZZ/fuzz_$name is missing; run 'make fuzz-build'" >&2
        exit 2
    fi
    rm -f "$FUZZ/logs/$name.result"
done

# one run at a time: two would share the corpus, seeds, findings and summaries of build/fuzz
mkdir -p "$FUZZ"
if ! mkdir "$FUZZ/running" 2>/dev/null; then
    echo "fuzz: another run is using $FUZZ (remove $FUZZ/running if none is)" >&2
    exit 2
fi
trap 'rmdir "$FUZZ/running"' EXIT
trap 'exit 130' INT TERM

echo "fuzz: $# harnesses, $seconds s each, $jobs at a time"
printf '%s\n' "$@" | xargs -P "$jobs" -I '{}' sh "$0" --one "$seconds" '{}'

status=0
for name in "$@"; do
    if [ -f "$FUZZ/logs/$name.result" ]; then
        cat "$FUZZ/logs/$name.result"
    else
        printf '%-10s did not run (see %s)\n' "$name" "$FUZZ/logs/$name.log"
        status=1
    fi
done
for name in "$@"; do
    for f in $(new_findings "$name"); do
        echo "fuzz: $name: reproducer $f (run: $FUZZ/fuzz_$name $f)"
        status=1
    done
    if grep -q "findings [1-9].*(" "$FUZZ/logs/$name.result" 2>/dev/null; then
        status=1
    fi
done
if [ $status -eq 0 ]; then
    echo "fuzz: no findings"
else
    echo "fuzz: FINDINGS (see above; tests/fuzz/README.md says what to do)"
fi
exit $status
