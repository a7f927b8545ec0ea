#!/bin/sh
# Validates every bundled pack and the authors' template with the real binary, as an author
# would: fails on any error or warning, and on fewer questions than the bank promises.
set -u
bin=${1:-build/quizdeck}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
status=0

"$bin" --check questions/*.ini docs/pack-template.ini >"$out" 2>&1 || status=1
cat "$out"
if grep -q ': warning: ' "$out"; then
    echo "check-packs: warnings in the bundled packs or the template" >&2
    status=1
fi
total=$("$bin" --check questions/*.ini 2>/dev/null | sed -n 's/^[0-9]* packs*, \([0-9]*\) questions.*/\1/p')
if [ "${total:-0}" -lt 120 ]; then
    echo "check-packs: only ${total:-0} questions in the bundled packs; at least 120 are promised" >&2
    status=1
fi
# the README's example of every type is a pack too
example=$(mktemp --suffix=.ini)
trap 'rm -f "$out" "$example"' EXIT
awk '/^One example of every type/ {f = 1} f && /^```$/ && started {exit} f && started {print} f && /^```ini$/ {started = 1}' README.md >"$example"
if ! "$bin" --check "$example" >"$out" 2>&1 || grep -q ': warning: ' "$out" || ! grep -q ': ok, 6 questions' "$out"; then
    cat "$out"
    echo "check-packs: the README's example pack does not check clean" >&2
    status=1
fi

# the template is a document, not a pack the game lists
if "$bin" --list 2>/dev/null | grep -q 'pack-template'; then
    echo "check-packs: the template is listed as a pack" >&2
    status=1
fi
[ $status -eq 0 ] && echo "check-packs: ok, $total questions in the bundled packs"
exit $status
