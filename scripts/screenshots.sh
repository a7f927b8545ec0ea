#!/bin/sh
# Regenerates docs/screenshots/: every screen of the game at 1920x1080 and 1024x768, written
# by the game itself while it replays the tour scripts in docs/screenshots/ under SDL's
# offscreen driver. Files are named <mode>-<screen>-<W>x<H>.png.
# Usage: sh scripts/screenshots.sh [BINARY]
set -eu
bin=${1:-build/quizdeck}
out=docs/screenshots
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run() { # home size seed tour [folder of the tour]
    sed "s|@DIR@|$out|g; s|@SIZE@|$2|g" "${5:-$out}/$4.qds" >"$1/$4.qds"
    env TZ=UTC SDL_VIDEODRIVER=offscreen SDL_RENDER_DRIVER=software SDL_AUDIODRIVER=dummy \
        HOME="$1" XDG_DATA_HOME="$1/.local/share" XDG_CONFIG_HOME="$1/.config" \
        XDG_RUNTIME_DIR="$1/run" \
        "$bin" --window "$2" --seed "$3" --script "$1/$4.qds" 2>"$1/$4.log" || {
        cat "$1/$4.log" >&2
        echo "screenshots: the tour $4 failed at $2" >&2
        exit 1
    }
}

for size in 1920x1080 1024x768; do
    home="$work/$size"
    mkdir -p "$home/.local/share/quizdeck/packs" "$home/.config/quizdeck" "$home/run"
    chmod 700 "$home/run"
    run "$home" "$size" 1 tour
    run "$home" "$size" 4 tour-choices
    # a user's own packs: one in Russian and Armenian, one with a mistake and one with a warning
    cp tests/fixtures/packs/good/cyrillic-armenian.ini "$home/.local/share/quizdeck/packs/"
    cp tests/fixtures/packs/bad/answer-names-no-choice.ini "$home/.local/share/quizdeck/packs/my-quiz.ini"
    cp tests/fixtures/packs/bad/warn-missing-explain.ini "$home/.local/share/quizdeck/packs/draft.ini"
    run "$home" "$size" 1 tour-packs
    printf 'count = lots\n\001\002\n' >"$home/.config/quizdeck/settings.ini"
    run "$home" "$size" 1 tour-warning
    # flashcards: three study days of two packs, then the screens; a second learner to pick
    cards="$work/cards-$size"
    mkdir -p "$cards/.local/share/quizdeck/profiles/Anna" "$cards/.config/quizdeck" "$cards/run"
    chmod 700 "$cards/run"
    printf '[cards]\nnew_per_day = 10\n[quiz]\npacks = csto-members,csto-bodies\n' \
        >"$cards/.config/quizdeck/settings.ini"
    run "$cards" "$size" 3 cards-three-days tests/scripts
    run "$cards" "$size" 3 tour-cards
    # classroom: four teams on the csto-members pack, started from the title's Classroom button;
    # one fresh home per tour, so no saved setup or game carries over
    for tour in tour-classroom tour-classroom-buzzer; do
        class="$work/$tour-$size"
        mkdir -p "$class/.local/share/quizdeck" "$class/.config/quizdeck" "$class/run"
        chmod 700 "$class/run"
        printf '[quiz]\npacks = csto-members\n' >"$class/.config/quizdeck/settings.ini"
        run "$class" "$size" 2 "$tour"
    done
done
ls "$out"/*.png | wc -l | sed 's/$/ screenshots in docs\/screenshots/'
