#!/bin/sh
# Instructions executed by coding and by the floor over the same generated corpus, counted by
# valgrind's callgrind: unlike wall-clock time, the count does not change with the load of a
# shared machine, so two builds can be compared exactly. Prints both counts and their ratio.
# Usage: scripts/bench-instructions.sh [path/to/attache] [docs per language, default 100]
# Needs valgrind (Debian: apt-get install valgrind); about a minute with the defaults.
set -eu
BIN=${1:-target/release/attache}
DOCS=${2:-100}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
count() { # $1: function to count inside, $2...: bench arguments
    fn=$1
    shift
    valgrind --tool=callgrind --callgrind-out-file="$OUT/cg.out" "--toggle-collect=$fn" \
        "$BIN" bench --docs "$DOCS" "$@" 2>&1 | awk '/Collected :/ {print $4}'
}
coding=$(count 'attache_coder::engine::Engine::code_inner' --coding-only 1)
floor=$(count 'attache_coder::engine::Engine::scan_only' --floor-only 1)
printf 'coding instructions: %s\nfloor instructions:  %s\n' "$coding" "$floor"
awk -v c="$coding" -v f="$floor" 'BEGIN { printf "coding / floor:      %.1f×\n", c / f }'
