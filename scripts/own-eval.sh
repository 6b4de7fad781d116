#!/bin/sh
# Score the engine on the project's own evaluation sets (testdata/own/<lang>/<set>.*.jsonl):
# one line per language and set: lang, set, documents, gold, precision, recall, F1.
# Usage: scripts/own-eval.sh [path/to/attache]   (default: target/release/attache)
set -eu
cd "$(dirname "$0")/.."
BIN=${1:-target/release/attache}
printf 'lang\tset\tdocs\tgold\tprecision\trecall\tf1\n'
for dir in testdata/own/*/; do
    lang=$(basename "$dir")
    for set in heldout tune fresh fresh2 fresh3 fresh4 fresh5 fresh6 fresh7 fresh8 fresh9 fresh10 fresh11 fresh12 fresh13 fresh14 fresh15 fresh16 fresh17 fresh18 fresh19 fresh20 fresh21 fresh22 fresh23 fresh24 fresh25 fresh26 fresh27 fresh28 fresh29 fresh30 fresh31; do
        [ -f "$dir/$set.docs.jsonl" ] || continue
        "$BIN" eval --gold "$dir/$set.gold.jsonl" --input "$dir/$set.docs.jsonl" |
            awk -v l="$lang" -v s="$set" '$1=="all"{printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", l, s, $2, $3, $5, $6, $7}'
    done
done
