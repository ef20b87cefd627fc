#!/usr/bin/env bash
# HTML stage benchmark: newsextract vs trafilatura 2.3.1 on ../shared/bench/html, scored
# side by side in one run (accuracy with score_html.py, speed from each system's _run.json).
#
#   bench/html.sh                 both sets, trafilatura run fresh (venv created on first use)
#   REFERENCE=1 bench/html.sh     score against trafilatura's stored reference outputs instead
#                                 of running it (no Python packages needed)
#
# Environment: SHARED (default ../shared), OUT (default /tmp/newsextract-bench-html),
# VENV (default .venv-bench, git-ignored), THREADS (newsextract worker threads, default 1 so
# that pages/s is per core, as trafilatura's single-process figure is).
# newsextract's time is the wall time of the whole command (process start, reading and
# gunzipping every page, writing .txt and .meta.json), trafilatura's is extraction only with
# the pages already in memory, best of 3: the comparison favours trafilatura.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
BENCH="$SHARED/bench/html"
OUT=${OUT:-/tmp/newsextract-bench-html}
VENV=${VENV:-.venv-bench}
THREADS=${THREADS:-1}
[ -d "$BENCH" ] || { echo "bench/html.sh: $BENCH not found (set SHARED)" >&2; exit 2; }
BENCH=$(cd "$BENCH" && pwd)

cargo build --release --quiet
BIN=$(pwd)/target/release/newsextract

trafilatura_dir() { # set -> folder with trafilatura's outputs for that set
    if [ "${REFERENCE:-0}" = 1 ]; then
        local ref="$OUT/reference"
        [ -d "$ref/trafilatura-2.3.1-default" ] ||
            { mkdir -p "$ref" && tar -xJf "$BENCH/reference-outputs/trafilatura-2.3.1-outputs.tar.xz" -C "$ref"; }
        echo "$ref/trafilatura-2.3.1-default/$1"
    else
        echo "$OUT/trafilatura-2.3.1-default/$1"
    fi
}

if [ "${REFERENCE:-0}" != 1 ]; then
    if ! "$VENV/bin/python" -c 'import trafilatura, sys; sys.exit(trafilatura.__version__ != "2.3.1")' 2>/dev/null; then
        echo "== creating $VENV with trafilatura 2.3.1 (PyPI)" >&2
        python3 -m venv "$VENV"
        # justext imports lxml.html.clean, which lxml 6 ships as a separate package
        "$VENV/bin/pip" install --quiet trafilatura==2.3.1 lxml_html_clean
    fi
fi

for set in trafilatura-eval article-extraction-benchmark; do
    gold="$BENCH/$set/gold.jsonl"
    meta=""
    [ "$set" = trafilatura-eval ] && meta="--meta"
    if [ "${REFERENCE:-0}" != 1 ]; then
        echo "== trafilatura 2.3.1 on $set" >&2
        "$VENV/bin/python" "$BENCH/run_trafilatura.py" "$set" --profile default $meta --repeat 3 --out "$OUT" >&2
    fi
    echo "== newsextract on $set ($THREADS thread(s))" >&2
    rm -rf "$OUT/newsextract/$set"
    # run_command.py times the whole command; the pages are read gzipped, as stored.
    python3 "$BENCH/run_command.py" "$set" --name newsextract --out "$OUT" --html "$BENCH/$set/html" \
        --batch "$BIN text --threads $THREADS --out-dir {out} --timing {out}/_timing.json {in} 2>/dev/null" >&2
    echo
    echo "################ $set"
    python3 "$BENCH/score_html.py" "$gold" trafilatura="$(trafilatura_dir "$set")" newsextract="$OUT/newsextract/$set"
done
