# check-plays.sh - what the memory checkers play, one script of each mode: a quiz to its results
# and high score, flashcards (grades, an undo, the statistics), a classroom game to its podium
# and results files. Sourced by scripts/valgrind.sh and scripts/sanitize-run.sh, which define
# `play NAME SCRIPT ARGS...` (SCRIPT under tests/scripts/, each NAME its own home).

plays() {
    play quiz quiz-all-right.qds --play --pack tests/scripts/e2e-pack.ini --count 0 --seed 1
    play flashcards cards-undo-stats.qds --seed 3
    play classroom classroom-whole.qds --classroom \
        --pack tests/fixtures/classroom/good/class-test.ini --seed 1
}

# plays_saved ROOT: true when the plays under ROOT saved what they should have (a high score,
# the review log, the results spreadsheets); says what is missing.
plays_saved() {
    ok=0
    for f in quiz/data/quizdeck/scores.ini flashcards/data/quizdeck/profiles/default/reviews.log; do
        [ -s "$1/$f" ] || {
            echo "$1/$f was not written" >&2
            ok=1
        }
    done
    ls "$1"/classroom/data/quizdeck/results/*-summary.csv >/dev/null 2>&1 || {
        echo "$1/classroom: the game wrote no results" >&2
        ok=1
    }
    return $ok
}
